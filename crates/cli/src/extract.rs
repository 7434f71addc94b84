//! `tocsin extract`: read, extract, print; nothing is stored.

use std::io::Write;

use anyhow::{bail, Result};
use tocsin_export::{EventRow, Writer};

use crate::args::ExtractArgs;
use crate::pipeline::{self, extract_inputs};
use crate::progress::Progress;

/// Runs the command, writing events to `out`.
pub fn run(args: &ExtractArgs, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let extractor = pipeline::load_extractor()?;
    let progress = Progress::new("extracting", quiet);
    let mut writer = Writer::new(args.format.export_format(), out);
    let counts =
        extract_inputs(&args.input.inputs, &extractor, &progress, &mut |report, output| {
            for extraction in &output.events {
                writer.write(&EventRow::from_extraction(extraction, Some(report)))?;
            }
            Ok(())
        });
    progress.finish();
    let counts = counts?;
    writer.finish()?;
    if !quiet {
        eprintln!(
            "{} reports, {} events{}",
            counts.n_reports,
            counts.n_events,
            if counts.n_errors > 0 {
                format!(", {} errors", counts.n_errors)
            } else {
                String::new()
            }
        );
    }
    if counts.n_reports == 0 && counts.n_errors > 0 {
        bail!("no report could be read (see the warnings above)");
    }
    Ok(())
}
