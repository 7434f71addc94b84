//! Times `Gazetteer::load_default` and reports the process's peak memory.
//!
//! `cargo run --release -p tocsin-places --example load_time`

use std::time::Instant;

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() -> Result<(), tocsin_places::Error> {
    let before = peak_rss_mb().unwrap_or(0.0);
    let mut times = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let gazetteer = tocsin_places::Gazetteer::load_default()?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        drop(gazetteer);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "load_default: min {:.0} ms, median {:.0} ms over 5 loads; peak RSS {:.0} MB (process start {:.0} MB)",
        times[0],
        times[2],
        peak_rss_mb().unwrap_or(0.0),
        before
    );
    Ok(())
}
