//! Reading and extracting inputs without storing them (until `tocsin-ingest` offers it).

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use tocsin_extract::{Extractor, Output};
use tocsin_model::Report;

use crate::progress::Progress;

/// What a stateless run read.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Counts {
    /// Reports read.
    pub n_reports: usize,
    /// Events extracted.
    pub n_events: usize,
    /// Inputs or records that could not be read.
    pub n_errors: usize,
    /// Bytes of report text read.
    pub n_text_bytes: usize,
}

/// The extractor over the shipped data.
pub fn load_extractor() -> Result<Extractor> {
    let gazetteer = tocsin_places::Gazetteer::load_default().context("loading the gazetteer")?;
    let actors = tocsin_actors::ActorBook::load_default().context("loading the actor data")?;
    Ok(Extractor::new(gazetteer, actors))
}

/// The inputs to read: standard input when none are given.
pub fn inputs_or_stdin(inputs: &[PathBuf]) -> Vec<PathBuf> {
    if inputs.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        inputs.to_vec()
    }
}

/// Reads every input, extracts each report and hands it to `on_report` with its events.
///
/// Unreadable inputs and records are printed as warnings and counted; the run goes on.
/// The first error from `on_report` (a closed pipe, a full disk) stops the run.
pub fn extract_inputs(
    inputs: &[PathBuf],
    extractor: &Extractor,
    progress: &Progress,
    on_report: &mut dyn FnMut(&Report, Output) -> Result<()>,
) -> Result<Counts> {
    let mut counts = Counts::default();
    let mut failure: Option<anyhow::Error> = None;
    for input in inputs_or_stdin(inputs) {
        progress.set_message(&display(&input));
        tocsin_readers::read(&input, &mut |item| {
            if failure.is_some() {
                return;
            }
            match item {
                Ok(report) => {
                    let output = extractor.extract(&report);
                    counts.n_reports += 1;
                    counts.n_text_bytes += report.text.len();
                    counts.n_events += output.events.len();
                    progress.report_done();
                    if let Err(error) = on_report(&report, output) {
                        failure = Some(error);
                    }
                }
                Err(error) => {
                    counts.n_errors += 1;
                    progress.warn(&format!("warning: {error}"));
                }
            }
        });
        if let Some(error) = failure.take() {
            return Err(error);
        }
    }
    Ok(counts)
}

/// A path as the user wrote it, with `-` named.
pub fn display(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_owned()
    } else {
        path.display().to_string()
    }
}
