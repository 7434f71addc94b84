//! `tocsin ingest`: read, extract and store; print what changed.

use std::io::Write;

use anyhow::{bail, Result};
use tocsin_ingest::{IngestConfig, IngestSummary};
use tocsin_store::Store;

use crate::args::IngestArgs;
use crate::home::Home;
use crate::progress::Progress;
use crate::setup::{self, display, inputs_or_stdin};

/// Runs the command, printing the summary to `out` and read errors to stderr.
pub fn run(args: &IngestArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let mut store = home.open_for_writing()?;
    let extractor = setup::load_extractor(home)?;
    let inputs = inputs_or_stdin(&args.input.inputs);
    let progress = Progress::new("ingesting", quiet);
    let summary = tocsin_ingest::ingest_paths(
        &inputs,
        &extractor,
        &mut store,
        &IngestConfig {
            merge: !args.no_merge,
            desk_country: args.desk.desk_country.clone(),
            ..IngestConfig::default()
        },
        &mut |state| progress.set_position(state.reports_read),
    );
    progress.finish();
    let summary = summary?;
    print_summary(&summary, &store, quiet, out)?;
    if summary.reports_read == 0 {
        let names: Vec<String> = inputs.iter().map(|input| display(input)).collect();
        bail!(
            "no report could be read from {}: tocsin reads plain text, HTML, JSON Lines, CSV \
             with a text column and RSS/Atom (see `tocsin ingest --help`)",
            names.join(", ")
        );
    }
    Ok(())
}

/// Prints what a run did: read errors to stderr, counts to `out` unless `quiet`.
pub fn print_summary(
    summary: &IngestSummary,
    store: &Store,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    for error in &summary.read_errors {
        eprintln!("warning: {error}");
    }
    if !quiet {
        let stored = &summary.stored;
        let renamed = if stored.reports_renamed > 0 {
            format!(" ({} stored under a new id)", stored.reports_renamed)
        } else {
            String::new()
        };
        writeln!(
            out,
            "{} reports read: {} new, {} duplicate{renamed}",
            summary.reports_read, stored.reports_new, stored.reports_duplicate
        )?;
        writeln!(
            out,
            "{} events created, {} merged into events already stored",
            stored.events_created, stored.events_joined
        )?;
        if let Some(line) = crate::extract::run_country_line(summary.run_country.as_ref()) {
            writeln!(out, "{line}")?;
        }
        if summary.unknown_actors_recorded > 0 {
            writeln!(
                out,
                "{} sightings of group names the actor knowledge base lacks \
                 (see `tocsin actors unknown`)",
                summary.unknown_actors_recorded
            )?;
        }
        if !summary.read_errors.is_empty() {
            writeln!(out, "{} errors (listed on standard error)", summary.read_errors.len())?;
        }
        let totals = store.totals()?;
        writeln!(
            out,
            "the database now holds {} reports and {} events",
            totals.reports, totals.events
        )?;
    }
    Ok(())
}
