//! Times gazetteer loading:
//! `cargo run --profile eval -p tocsin-places --example load_time [DIR [TIMES]]`.
//!
//! Prints the load time of the shipped gazetteer (first load and best of `TIMES`, default
//! five) and, given a gazetteer folder, of the shipped one plus that folder; memory is read
//! from `/proc/self/status` (imported layers' tables are kept for the life of the process, so
//! with `TIMES` 1 the resident size is that of one load).

use std::time::Instant;

fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn main() -> Result<(), tocsin_places::Error> {
    let dir = std::env::args().nth(1).map(std::path::PathBuf::from);
    let times: usize = std::env::args().nth(2).and_then(|n| n.parse().ok()).unwrap_or(5);
    let before = rss_mb();
    let mut best = f64::MAX;
    let mut first = None;
    let mut kept = None;
    for _ in 0..times.max(1) {
        let started = Instant::now();
        let gazetteer = match &dir {
            Some(dir) => tocsin_places::Gazetteer::load(Some(dir))?,
            None => tocsin_places::Gazetteer::load_default()?,
        };
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        first.get_or_insert(ms);
        best = best.min(ms);
        // Keep one alive so the resident size counts it; drop the others.
        kept = Some(gazetteer);
    }
    let entries = kept.as_ref().map_or(0, |g| g.len());
    println!(
        "{} entries; load {:.0} ms first, {:.0} ms best of {}; resident {:.0} MB before, {:.0} MB \
         with one loaded",
        entries,
        first.unwrap_or(0.0),
        best,
        times.max(1),
        before,
        rss_mb()
    );
    Ok(())
}
