//! `tocsin bench`: extraction speed, peak memory and start-up time on real inputs.

use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use tocsin_model::Report;

use crate::args::InputArgs;
use crate::pipeline::{self, inputs_or_stdin};

/// Runs the command, printing the figures to `out`.
pub fn run(args: &InputArgs, out: &mut dyn Write) -> Result<()> {
    let started = Instant::now();
    let extractor = pipeline::load_extractor()?;
    let startup = started.elapsed();

    let read_started = Instant::now();
    let mut reports: Vec<Report> = Vec::new();
    let mut n_errors = 0usize;
    for input in inputs_or_stdin(&args.inputs) {
        tocsin_readers::read(&input, &mut |item| match item {
            Ok(report) => reports.push(report),
            Err(error) => {
                n_errors += 1;
                eprintln!("warning: {error}");
            }
        });
    }
    let reading = read_started.elapsed();
    if reports.is_empty() {
        bail!("no report could be read from the inputs: nothing to measure");
    }

    let n_bytes: usize = reports.iter().map(|report| report.text.len()).sum();
    let extract_started = Instant::now();
    let mut n_events = 0usize;
    for report in &reports {
        n_events += extractor.extract(report).events.len();
    }
    let extracting = extract_started.elapsed();

    let seconds = extracting.as_secs_f64().max(1e-9);
    writeln!(out, "reports          {}", reports.len())?;
    writeln!(out, "unreadable       {n_errors}")?;
    writeln!(out, "events           {n_events}")?;
    writeln!(out, "text             {:.2} MB", n_bytes as f64 / 1e6)?;
    writeln!(out, "start-up         {} (loading gazetteer and actors)", millis(startup))?;
    writeln!(out, "reading          {}", millis(reading))?;
    writeln!(out, "extraction       {}", millis(extracting))?;
    writeln!(out, "reports/s        {:.1}", reports.len() as f64 / seconds)?;
    writeln!(out, "MB/s             {:.3}", n_bytes as f64 / 1e6 / seconds)?;
    match peak_memory_kb() {
        Some(kb) => writeln!(out, "peak memory      {:.1} MB (VmHWM)", kb as f64 / 1024.0)?,
        None => writeln!(out, "peak memory      unknown (no /proc/self/status)")?,
    }
    Ok(())
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}

/// The process's peak resident memory in kB, from `VmHWM` in `/proc/self/status`.
fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_vm_hwm() {
        let check =
            |status: &str, expected: Option<u64>| assert_eq!(parse_vm_hwm(status), expected);
        check("Name:\ttocsin\nVmPeak:\t 100 kB\nVmHWM:\t   20480 kB\nVmRSS:\t 1 kB\n", Some(20480));
        check("Name:\ttocsin\n", None);
        check("VmHWM:\tlots kB\n", None);
    }
}
