//! The pipeline: readers -> extraction -> merge -> store.
//!
//! This crate is the only place the stages are wired together.
//!
//! * [`ingest_paths`] reads files, folders or `-` (standard input) with
//!   `tocsin_readers::read`, extracts each report, and stores reports and events in
//!   batches of [`IngestConfig::batch_size`] reports, one transaction each. A bad file
//!   or record never stops the run: it lands in [`IngestSummary::read_errors`] and the
//!   other reports go on. A crash loses at most the batch in flight; re-running the
//!   same inputs then stores only what is missing (the store skips known content).
//! * [`ingest_reports`] does the same for reports already in memory.
//! * [`extract_paths`] reads and extracts without a store (`tocsin extract`).
//! * [`Extract`] is what the pipeline needs of an extractor; `tocsin_extract::Extractor`
//!   implements it, and so can a test double.
//!
//! Merging incidents across reports is not wired in yet: each extraction becomes its
//! own event (see `tocsin_store::Ingested`).
//!
//! ```
//! use tocsin_extract::Output;
//! use tocsin_ingest::{ingest_reports, Extract, IngestConfig};
//! use tocsin_model::Report;
//! use tocsin_store::Store;
//!
//! /// Finds nothing: enough to show the wiring.
//! struct Nothing;
//! impl Extract for Nothing {
//!     fn extract(&self, _report: &Report) -> Output {
//!         Output::default()
//!     }
//! }
//!
//! let mut store = Store::open_in_memory()?;
//! let reports = vec![Ok(Report::new("a", "First report.")), Ok(Report::new("b", "Second."))];
//! let config = IngestConfig { batch_size: 1, ..IngestConfig::default() };
//! let summary = ingest_reports(reports, &Nothing, &mut store, &config, &mut |_progress| {})?;
//! assert_eq!(summary.stored.reports_new, 2);
//! assert_eq!(summary.batches, 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use tocsin_extract::{Extractor, Output};
use tocsin_model::{Diagnostic, Report};
use tocsin_store::{BatchSummary, Ingested, Store};

pub use tocsin_readers::Error as ReadError;

/// An error that stops a run.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Storing a batch failed. Batches committed before it stay stored.
    #[error(
        "storing batch {batch} failed ({reports_committed} reports were committed before it and stay stored): {source}"
    )]
    Store {
        /// The 1-based number of the failed batch.
        batch: u64,
        /// Reports (new or duplicate) in the batches committed before it.
        reports_committed: u64,
        /// The cause.
        source: tocsin_store::Error,
    },
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// What the pipeline needs of an extractor: one report in, its events and diagnostics out.
pub trait Extract {
    /// Every event the report describes, and what could not be resolved.
    fn extract(&self, report: &Report) -> Output;
}

impl Extract for Extractor {
    fn extract(&self, report: &Report) -> Output {
        Extractor::extract(self, report)
    }
}

/// How a run stores its reports.
#[derive(Debug, Clone, Copy)]
pub struct IngestConfig {
    /// Reports per transaction (at least 1; default 500).
    pub batch_size: usize,
    /// The clock that stamps each batch (default: the system clock).
    pub clock: fn() -> DateTime<Utc>,
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        IngestConfig { batch_size: 500, clock: Utc::now }
    }
}

/// How far a run has got; handed to the progress callback after every report and
/// every committed batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Reports read so far.
    pub reports_read: u64,
    /// UTF-8 bytes of the title and text of the reports read so far.
    pub bytes_read: u64,
    /// Events extracted so far.
    pub events_extracted: u64,
    /// Files or records that could not be read so far.
    pub read_errors: u64,
    /// Reports in committed batches (new or duplicate).
    pub reports_committed: u64,
    /// Events created by committed batches.
    pub events_stored: u64,
    /// Batches committed.
    pub batches_committed: u64,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct IngestSummary {
    /// Reports read.
    pub reports_read: u64,
    /// UTF-8 bytes of the titles and texts read.
    pub bytes_read: u64,
    /// Events extracted (including those of duplicate reports, which are not stored).
    pub events_extracted: u64,
    /// What the store did, over all batches.
    pub stored: BatchSummary,
    /// Batches committed.
    pub batches: u64,
    /// Every file or record that could not be read, in reading order.
    pub read_errors: Vec<ReadError>,
    /// Every diagnostic extraction gave, in reading order.
    pub diagnostics: Vec<Diagnostic>,
}

/// What [`extract_paths`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExtractSummary {
    /// Reports read.
    pub reports_read: u64,
    /// Events extracted.
    pub events: u64,
    /// Files or records that could not be read.
    pub read_errors: u64,
    /// Diagnostics extraction gave.
    pub diagnostics: u64,
}

/// Reads every input in `paths` (files, folders, `-`), extracts and stores.
///
/// Returns `Err` only when the store fails; batches committed before stay stored.
/// Once a batch fails, the rest of the input is skipped.
pub fn ingest_paths(
    paths: &[PathBuf],
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestSummary> {
    let mut run = Run::new(extractor, store, config, progress);
    for path in paths {
        tocsin_readers::read(path, &mut |result| run.accept(result));
        if run.failed.is_some() {
            break;
        }
    }
    run.finish()
}

/// [`ingest_paths`] for reports already read: each item is a report or a read error.
pub fn ingest_reports(
    reports: impl IntoIterator<Item = std::result::Result<Report, ReadError>>,
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestSummary> {
    let mut run = Run::new(extractor, store, config, progress);
    for result in reports {
        run.accept(result);
        if run.failed.is_some() {
            break;
        }
    }
    run.finish()
}

/// Reads and extracts every input in `paths` without storing anything, calling
/// `visit` with each report and what extraction found in it, or with each read error,
/// in reading order.
pub fn extract_paths(
    paths: &[PathBuf],
    extractor: &dyn Extract,
    visit: &mut dyn FnMut(std::result::Result<(Report, Output), ReadError>),
) -> ExtractSummary {
    let mut summary = ExtractSummary::default();
    for path in paths {
        tocsin_readers::read(path, &mut |result| match result {
            Ok(report) => {
                let output = extractor.extract(&report);
                summary.reports_read += 1;
                summary.events += output.events.len() as u64;
                summary.diagnostics += output.diagnostics.len() as u64;
                visit(Ok((report, output)));
            }
            Err(error) => {
                summary.read_errors += 1;
                visit(Err(error));
            }
        });
    }
    summary
}

/// One ingestion run: the batch being filled and what has happened so far.
struct Run<'a> {
    extractor: &'a dyn Extract,
    store: &'a mut Store,
    batch_size: usize,
    clock: fn() -> DateTime<Utc>,
    on_progress: &'a mut dyn FnMut(&Progress),
    batch: Vec<Ingested>,
    progress: Progress,
    summary: IngestSummary,
    /// The store error that ended the run, if any.
    failed: Option<Error>,
}

impl<'a> Run<'a> {
    fn new(
        extractor: &'a dyn Extract,
        store: &'a mut Store,
        config: &IngestConfig,
        on_progress: &'a mut dyn FnMut(&Progress),
    ) -> Run<'a> {
        let batch_size = config.batch_size.max(1);
        Run {
            extractor,
            store,
            batch_size,
            clock: config.clock,
            on_progress,
            batch: Vec::with_capacity(batch_size.min(10_000)),
            progress: Progress::default(),
            summary: IngestSummary::default(),
            failed: None,
        }
    }

    /// Takes one report (extracting it, and storing the batch when full) or one error.
    fn accept(&mut self, result: std::result::Result<Report, ReadError>) {
        if self.failed.is_some() {
            return;
        }
        match result {
            Ok(report) => {
                let output = self.extractor.extract(&report);
                self.progress.reports_read += 1;
                let n_bytes = report.text.len() + report.title.as_ref().map_or(0, String::len);
                self.progress.bytes_read += n_bytes as u64;
                self.progress.events_extracted += output.events.len() as u64;
                self.summary.diagnostics.extend(output.diagnostics);
                self.batch.push(Ingested { report, events: output.events });
            }
            Err(error) => {
                self.progress.read_errors += 1;
                self.summary.read_errors.push(error);
            }
        }
        (self.on_progress)(&self.progress);
        if self.batch.len() >= self.batch_size {
            self.flush();
        }
    }

    /// Stores the batch in one transaction.
    fn flush(&mut self) {
        if self.batch.is_empty() || self.failed.is_some() {
            return;
        }
        match self.store.ingest(&self.batch, (self.clock)()) {
            Ok(stored) => {
                self.summary.stored += stored;
                self.summary.batches += 1;
                self.progress.reports_committed += self.batch.len() as u64;
                self.progress.events_stored += stored.events_created;
                self.progress.batches_committed += 1;
                self.batch.clear();
                (self.on_progress)(&self.progress);
            }
            Err(source) => {
                self.failed = Some(Error::Store {
                    batch: self.summary.batches + 1,
                    reports_committed: self.progress.reports_committed,
                    source,
                });
            }
        }
    }

    /// Stores what is left and returns the summary, or the error that ended the run.
    fn finish(mut self) -> Result<IngestSummary> {
        self.flush();
        if let Some(error) = self.failed {
            return Err(error);
        }
        self.summary.reports_read = self.progress.reports_read;
        self.summary.bytes_read = self.progress.bytes_read;
        self.summary.events_extracted = self.progress.events_extracted;
        Ok(self.summary)
    }
}

#[cfg(test)]
mod tests;
