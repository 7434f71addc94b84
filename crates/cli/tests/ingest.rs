//! `tocsin ingest`: summaries, idempotence and bad inputs.

use crate::util::{article, number_before, samples_arg, Env};

fn event_count(env: &Env) -> usize {
    env.run(&["export", "--format", "jsonl"]).success().jsonl().len()
}

#[test]
fn ingesting_twice_changes_nothing() {
    let env = Env::new();
    let first = env.run(&["ingest", &samples_arg()]).success();
    assert_eq!(number_before(&first.stdout, "reports read"), Some(11), "{}", first.stdout);
    assert_eq!(number_before(&first.stdout, "new"), Some(11), "{}", first.stdout);
    let events = event_count(&env);
    assert_eq!(number_before(&first.stdout, "events created"), Some(events as u64));

    let second = env.run(&["ingest", &samples_arg()]).success();
    assert_eq!(number_before(&second.stdout, "new"), Some(0), "{}", second.stdout);
    assert_eq!(number_before(&second.stdout, "duplicate"), Some(11), "{}", second.stdout);
    assert_eq!(number_before(&second.stdout, "events created"), Some(0), "{}", second.stdout);
    assert_eq!(event_count(&env), events);
}

#[test]
fn invalid_json_on_line_3_skips_only_that_line() {
    let env = Env::new();
    let mut lines: Vec<String> = (1..=10)
        .map(|n| article(&format!("r{n}"), &format!("Report number {n} about the harvest.")))
        .collect();
    lines[2] = "{\"id\": \"r3\", \"text\": \"unterminated".to_owned();
    let input = env.write("ten.jsonl", lines.join("\n") + "\n");
    let run = env.run(&["ingest", input.to_str().unwrap_or_default()]).success();
    assert_eq!(number_before(&run.stdout, "reports read"), Some(9), "{}", run.stdout);
    assert_eq!(number_before(&run.stdout, "new"), Some(9), "{}", run.stdout);
    assert!(
        run.stderr.contains("ten.jsonl:3") || run.stderr.contains("line 3"),
        "stderr should name line 3: {}",
        run.stderr
    );
}

#[test]
fn an_empty_file_fails_with_a_hint() {
    let env = Env::new();
    let input = env.write("empty.txt", "");
    env.run(&["ingest", input.to_str().unwrap_or_default()])
        .failure()
        .stderr_has("no report could be read");
}

#[test]
fn a_binary_file_fails_cleanly() {
    let env = Env::new();
    let bytes: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 256) as u8).collect();
    let input = env.write("image.bin", bytes);
    env.run(&["ingest", input.to_str().unwrap_or_default()]).failure().stderr_has("image.bin");
}

#[test]
fn a_bad_file_beside_good_ones_is_reported_and_the_rest_stored() {
    let env = Env::new();
    env.write("in/good.jsonl", format!("{}\n", article("g1", "Protesters marched in Cotonou.")));
    env.write("in/zero.bin", [0u8, 1, 2, 3, 0, 0, 255, 254, 0, 7].repeat(100));
    let input = env.path("in");
    let run = env.run(&["ingest", input.to_str().unwrap_or_default()]).success();
    assert_eq!(number_before(&run.stdout, "new"), Some(1), "{}", run.stdout);
    assert!(run.stderr.contains("zero.bin"), "{}", run.stderr);
}

#[test]
fn truncated_html_is_still_read() {
    let env = Env::new();
    let input = env.write(
        "cut.html",
        "<html><head><title>Attack</title></head><body><nav><a href=/>Home</a></nav>\
         <article><p>Gunmen attacked a village near Djibo on Monday, killing",
    );
    let run = env.run(&["ingest", input.to_str().unwrap_or_default()]).success();
    assert_eq!(number_before(&run.stdout, "new"), Some(1), "{}", run.stdout);
}

#[test]
fn a_missing_input_is_named() {
    let env = Env::new();
    env.run(&["ingest", "no-such-file.txt"]).failure().stderr_has("no-such-file.txt");
}

#[test]
fn a_50_mb_input_is_read_in_full() {
    let env = Env::new();
    let paragraph = "The regional council met on Tuesday to discuss the new market, the price of \
        grain and the repair of the road to the river crossing. ";
    let text = paragraph.repeat(8_000 / paragraph.len() + 1);
    let mut body = String::with_capacity(52 * 1024 * 1024);
    let mut n_reports = 0;
    while body.len() < 50 * 1024 * 1024 {
        body.push_str(&article(&format!("big-{n_reports}"), &text));
        body.push('\n');
        n_reports += 1;
    }
    let input = env.write("big.jsonl", body);
    let run = env.run(&["extract", input.to_str().unwrap_or_default()]).success();
    assert!(run.stderr.contains(&format!("{n_reports} reports")), "{}", run.stderr);
}

#[test]
fn the_default_database_lives_in_the_data_directory() {
    let env = Env::new();
    let input = env.write("one.jsonl", format!("{}\n", article("d1", "Traders marched in Lomé.")));
    env.run_without_db(&["ingest", input.to_str().unwrap_or_default()]).success();
    assert!(env.path("data-home/tocsin/tocsin.db").exists(), "default database not created");
    env.run_without_db(&["events"]).success();
}
