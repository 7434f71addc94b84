//! `tocsin bench`: the figures it prints.

use crate::util::{samples_arg, Env};

#[test]
fn bench_prints_throughput_memory_and_startup() {
    let env = Env::new();
    let run = env.run(&["bench", &samples_arg()]).success();
    for label in ["reports          11", "reports/s", "MB/s", "peak memory", "start-up"] {
        assert!(run.stdout.contains(label), "bench lacks {label}: {}", run.stdout);
    }
}

#[test]
fn bench_with_nothing_to_read_fails() {
    let env = Env::new();
    let input = env.write("empty.jsonl", "");
    env.run(&["bench", input.to_str().unwrap_or_default()])
        .failure()
        .stderr_has("nothing to measure");
}
