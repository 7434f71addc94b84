//! `tocsin ingest`: read, extract and store; print what changed.

use std::io::Write;

use anyhow::{bail, Result};
use tocsin_store::{BatchSummary, Ingested, Store};

use crate::args::InputArgs;
use crate::pipeline::{self, display, extract_inputs, inputs_or_stdin};
use crate::progress::Progress;

/// Reports stored per transaction.
const BATCH_SIZE: usize = 256;

/// Runs the command, printing the summary to `out`.
pub fn run(
    args: &InputArgs,
    db: Option<&std::path::Path>,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let mut store = crate::db::open_for_writing(db)?;
    let extractor = pipeline::load_extractor()?;
    let progress = Progress::new("ingesting", quiet);
    let mut batch: Vec<Ingested> = Vec::with_capacity(BATCH_SIZE);
    let mut summary = BatchSummary::default();
    let counts = extract_inputs(&args.inputs, &extractor, &progress, &mut |report, output| {
        batch.push(Ingested { report: report.clone(), events: output.events });
        if batch.len() >= BATCH_SIZE {
            summary += store_batch(&mut store, &mut batch)?;
        }
        Ok(())
    });
    let stored = counts.and_then(|counts| {
        summary += store_batch(&mut store, &mut batch)?;
        Ok(counts)
    });
    progress.finish();
    let counts = stored?;
    let totals = store.totals()?;
    if !quiet {
        writeln!(
            out,
            "{} reports read: {} new, {} duplicate{}",
            counts.n_reports,
            summary.reports_new,
            summary.reports_duplicate,
            if summary.reports_renamed > 0 {
                format!(" ({} stored under a new id)", summary.reports_renamed)
            } else {
                String::new()
            }
        )?;
        writeln!(out, "{} events created", summary.events_created)?;
        if counts.n_errors > 0 {
            writeln!(out, "{} errors (listed above)", counts.n_errors)?;
        }
        writeln!(
            out,
            "the database now holds {} reports and {} events",
            totals.reports, totals.events
        )?;
    }
    if counts.n_reports == 0 {
        let inputs: Vec<String> =
            inputs_or_stdin(&args.inputs).iter().map(|input| display(input)).collect();
        bail!(
            "no report could be read from {}: tocsin reads plain text, HTML, JSON Lines, CSV \
             with a text column and RSS/Atom (see `tocsin ingest --help`)",
            inputs.join(", ")
        );
    }
    Ok(())
}

fn store_batch(store: &mut Store, batch: &mut Vec<Ingested>) -> Result<BatchSummary> {
    if batch.is_empty() {
        return Ok(BatchSummary::default());
    }
    let summary = store.ingest(batch, chrono::Utc::now())?;
    batch.clear();
    Ok(summary)
}
