//! `tocsin bench`: extraction speed, peak memory and start-up time on real inputs.

use std::cell::Cell;
use std::io::Write;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use tocsin_extract::{Extractor, Output};
use tocsin_ingest::Extract;
use tocsin_model::Report;

use crate::args::InputArgs;
use crate::setup::inputs_or_stdin;

/// The extractor, timing every call.
struct Timed {
    extractor: Extractor,
    spent: Cell<Duration>,
    first: Cell<Option<Duration>>,
    n_bytes: Cell<usize>,
}

impl Extract for Timed {
    fn extract(&self, report: &Report, desk_country: Option<&str>) -> Output {
        let started = Instant::now();
        let output = self.extractor.extract_in(report, desk_country);
        let elapsed = started.elapsed();
        self.spent.set(self.spent.get() + elapsed);
        if self.first.get().is_none() {
            self.first.set(Some(elapsed));
        }
        self.n_bytes.set(self.n_bytes.get() + report.text.len());
        output
    }
}

/// Runs the command, printing the figures to `out`.
pub fn run(args: &InputArgs, out: &mut dyn Write) -> Result<()> {
    let started = Instant::now();
    let gazetteer = tocsin_places::Gazetteer::load_default().context("loading the gazetteer")?;
    let gazetteer_time = started.elapsed();
    let actors = tocsin_actors::ActorBook::load_default().context("loading the actor data")?;
    let extractor = Extractor::new(gazetteer, actors);
    let startup = started.elapsed();

    let timed = Timed {
        extractor,
        spent: Cell::new(Duration::ZERO),
        first: Cell::new(None),
        n_bytes: Cell::new(0),
    };
    let run_started = Instant::now();
    let summary = tocsin_ingest::extract_paths(
        &inputs_or_stdin(&args.inputs),
        &timed,
        &Default::default(),
        &mut |item| {
            if let Err(error) = item {
                eprintln!("warning: {error}");
            }
        },
    );
    let total = run_started.elapsed();
    if summary.reports_read == 0 {
        bail!("no report could be read from the inputs: nothing to measure");
    }

    let extracting = timed.spent.get();
    let n_bytes = timed.n_bytes.get();
    let seconds = extracting.as_secs_f64().max(1e-9);
    let n_reports = summary.reports_read as f64;
    writeln!(out, "reports          {}", summary.reports_read)?;
    writeln!(out, "unreadable       {}", summary.read_errors)?;
    writeln!(out, "events           {}", summary.events)?;
    writeln!(out, "text             {:.2} MB", n_bytes as f64 / 1e6)?;
    writeln!(
        out,
        "start-up         {} (gazetteer {}, actors {})",
        millis(startup),
        millis(gazetteer_time),
        millis(startup.saturating_sub(gazetteer_time))
    )?;
    writeln!(out, "extraction       {}", millis(extracting))?;
    if let Some(first) = timed.first.get() {
        writeln!(out, "first report     {} (includes one-time initialisation)", millis(first))?;
    }
    writeln!(out, "reading + extraction {}", millis(total))?;
    writeln!(out, "reports/s        {:.1} (extraction only)", n_reports / seconds)?;
    writeln!(out, "MB/s             {:.3} (extraction only)", n_bytes as f64 / 1e6 / seconds)?;
    writeln!(
        out,
        "end to end       {:.1} reports/s, {:.3} MB/s",
        n_reports / total.as_secs_f64().max(1e-9),
        n_bytes as f64 / 1e6 / total.as_secs_f64().max(1e-9)
    )?;
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
