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
//! Reports of the same incident become one event: by default ([`IngestConfig::merge`])
//! every extraction goes through [`IncidentMerge`], which finds candidate events through
//! the store's indexes and judges and recodes them with `tocsin_merge`.
//! [`ingest_paths_with`] takes any other `tocsin_store::Merge` policy
//! (`tocsin_store::NoMerge` makes every extraction its own event).
//! [`merge_events`] and [`split_event`] are the analyst's operations, recoding with
//! `tocsin_merge::combine`.
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
//!     fn extract(&self, _report: &Report, _desk_country: Option<&str>) -> Output {
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

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::mpsc;

use chrono::{DateTime, Utc};
use tocsin_extract::{Extractor, Output};
use tocsin_model::Event;
use tocsin_model::{Diagnostic, Report};
use tocsin_store::{BatchSummary, Ingested, KnownReports, Merge, NoMerge, Store, UnknownSighting};

mod merge;

pub use merge::IncidentMerge;
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
    /// Every event the report describes, and what could not be resolved; an event placed
    /// nowhere lies in `desk_country` (ISO code) when one is given
    /// (see `tocsin_extract::Extractor::extract_in`).
    fn extract(&self, report: &Report, desk_country: Option<&str>) -> Output;
}

impl Extract for Extractor {
    fn extract(&self, report: &Report, desk_country: Option<&str>) -> Output {
        Extractor::extract_in(self, report, desk_country)
    }
}

/// The country a run's reports are read in when they place an event nowhere: a report
/// that names no place, no country and no group or figure tied to one (a strike outside
/// a ministry) is still in the country the desk watches, as a coder reading that
/// country's press would code it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum DeskCountry {
    /// The run's own country, when its placed reports point to one clearly
    /// ([`RunCountries::desk`]). Reports placing an event nowhere wait until the run's
    /// other reports are read, and are then extracted again in that country.
    #[default]
    Auto,
    /// This country (ISO alpha-2 or alpha-3 code).
    Fixed(String),
    /// None: such events keep no place.
    Off,
}

/// How many reports of a run place their events in each country: what
/// [`DeskCountry::Auto`] decides by.
#[derive(Debug, Clone, Default)]
pub struct RunCountries {
    /// Reports with an event placed by the report's own words, by country code.
    reports: HashMap<String, u64>,
    /// Reports with an event placed by the report's own words.
    placed: u64,
}

impl RunCountries {
    /// Fewest placed reports a run needs before it has a country of its own.
    pub const MIN_PLACED: u64 = 10;

    /// Counts one report's events: each country that one of them is placed in by words of
    /// the report (a place name, a country word, a group tied to the country).
    pub fn count(&mut self, output: &Output) {
        let mut countries: Vec<&str> = output
            .events
            .iter()
            .filter_map(|event| event.place.as_ref())
            .filter(|place| place.span.is_some())
            .map(|place| place.value.country_code.as_str())
            .collect();
        countries.sort_unstable();
        countries.dedup();
        if countries.is_empty() {
            return;
        }
        self.placed += 1;
        for country in countries {
            *self.reports.entry(country.to_string()).or_default() += 1;
        }
    }

    /// The run's country: the one holding the most placed reports, when they are at
    /// least [`RunCountries::MIN_PLACED`], a third of all placed reports and twice as
    /// many as any other country's. A feed from one country's press has one; a world
    /// feed has none.
    pub fn desk(&self) -> Option<&str> {
        let mut counts: Vec<(&str, u64)> =
            self.reports.iter().map(|(country, n)| (country.as_str(), *n)).collect();
        counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let &(country, top) = counts.first()?;
        let runner_up = counts.get(1).map_or(0, |c| c.1);
        (top >= Self::MIN_PLACED && 3 * top >= self.placed && top >= 2 * runner_up)
            .then_some(country)
    }
}

/// Whether extraction placed one of the report's events nowhere at all.
fn places_an_event_nowhere(output: &Output) -> bool {
    output.events.iter().any(|event| event.place.is_none())
}

/// How a run stores its reports.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Reports per transaction (at least 1; default 500).
    pub batch_size: usize,
    /// The clock that stamps each batch (default: the system clock).
    pub clock: fn() -> DateTime<Utc>,
    /// Whether reports of one incident join one event ([`IncidentMerge`], the default)
    /// or every extraction becomes its own event (`tocsin_store::NoMerge`).
    pub merge: bool,
    /// Where reports that place an event nowhere are read (default: the run's own
    /// country, [`DeskCountry::Auto`]).
    pub desk_country: DeskCountry,
}

impl Default for IngestConfig {
    fn default() -> IngestConfig {
        IngestConfig {
            batch_size: 500,
            clock: Utc::now,
            merge: true,
            desk_country: DeskCountry::Auto,
        }
    }
}

/// The merge policy `config` asks for.
fn policy(config: &IngestConfig) -> Box<dyn Merge + Send> {
    if config.merge {
        Box::new(IncidentMerge::default())
    } else {
        Box::new(NoMerge)
    }
}

/// An analyst's merge: event `b` joins event `a` (see `tocsin_store::Store::merge_events`),
/// and `a` is recoded from all its sources by ACLED's rules (`tocsin_merge::combine`).
pub fn merge_events(
    store: &mut Store,
    a: &str,
    b: &str,
    now: DateTime<Utc>,
) -> tocsin_store::Result<Event> {
    store.merge_events_with(a, b, now, &IncidentMerge::default())
}

/// An analyst's split: report `report_id` leaves event `id` for a new event (see
/// `tocsin_store::Store::split_event`); both are recoded from their sources. Returns the
/// remaining event and the new one.
pub fn split_event(
    store: &mut Store,
    id: &str,
    report_id: &str,
    now: DateTime<Utc>,
) -> tocsin_store::Result<(Event, Event)> {
    store.split_event_with(id, report_id, now, &IncidentMerge::default())
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
    /// Events extracted. Reports a store file already held are not extracted again;
    /// those repeated within one run are, and their events are not stored.
    pub events_extracted: u64,
    /// What the store did, over all batches.
    pub stored: BatchSummary,
    /// Batches committed.
    pub batches: u64,
    /// Every file or record that could not be read, in reading order.
    pub read_errors: Vec<ReadError>,
    /// Every diagnostic extraction gave, in reading order.
    pub diagnostics: Vec<Diagnostic>,
    /// Names of groups the actor knowledge base does not know, counted for the first time
    /// (one per report and name; see `tocsin_store::Store::unknown_actors`).
    pub unknown_actors_recorded: u64,
    /// The run's own country under [`DeskCountry::Auto`], when it had one.
    pub run_country: Option<RunCountry>,
}

/// The country a run's placed reports pointed to ([`DeskCountry::Auto`]), and how many
/// reports that placed an event nowhere were read in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunCountry {
    /// ISO alpha-2 code.
    pub code: String,
    /// Reports read again in it.
    pub reports: u64,
}

/// What [`extract_paths`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExtractSummary {
    /// Reports read.
    pub reports_read: u64,
    /// Events extracted.
    pub events: u64,
    /// Files or records that could not be read.
    pub read_errors: u64,
    /// Diagnostics extraction gave.
    pub diagnostics: u64,
    /// The run's own country under [`DeskCountry::Auto`], when it had one.
    pub run_country: Option<RunCountry>,
}

/// Reads every input in `paths` (files, folders, `-`), extracts and stores, merging
/// reports of one incident into one event unless [`IngestConfig::merge`] is off.
///
/// Reading and extraction run on the calling thread (so `extractor` need not be
/// `Sync`, and `progress` is called here), while a second thread stores full batches.
/// Returns `Err` only when the store fails; batches committed before stay stored.
/// Once a batch fails, the rest of the input is skipped.
pub fn ingest_paths(
    paths: &[PathBuf],
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestSummary> {
    ingest_paths_with(paths, extractor, store, config, policy(config).as_mut(), progress)
}

/// [`ingest_paths`] with a merge policy that may add extractions to stored events
/// instead of creating new ones (see `tocsin_store::Merge`). The policy runs on the
/// storing thread, inside each batch's transaction.
pub fn ingest_paths_with(
    paths: &[PathBuf],
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    merge: &mut (dyn Merge + Send),
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestSummary> {
    run_pipeline(extractor, store, config, merge, progress, &mut |run| {
        for path in paths {
            tocsin_readers::read(path, &mut |result| run.accept(result));
            if run.stopped() {
                break;
            }
        }
    })
}

/// [`ingest_paths`] for reports already read: each item is a report or a read error.
/// Merging follows [`IngestConfig::merge`] as there.
pub fn ingest_reports(
    reports: impl IntoIterator<Item = std::result::Result<Report, ReadError>>,
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    progress: &mut dyn FnMut(&Progress),
) -> Result<IngestSummary> {
    let mut reports = reports.into_iter();
    let mut merge = policy(config);
    run_pipeline(extractor, store, config, merge.as_mut(), progress, &mut |run| {
        for result in reports.by_ref() {
            run.accept(result);
            if run.stopped() {
                break;
            }
        }
    })
}

/// Reads and extracts every input in `paths` without storing anything, calling
/// `visit` with each report and what extraction found in it, or with each read error,
/// in reading order; under [`DeskCountry::Auto`], reports that place an event nowhere
/// come last, once the run's country is known.
pub fn extract_paths(
    paths: &[PathBuf],
    extractor: &dyn Extract,
    desk_country: &DeskCountry,
    visit: &mut dyn FnMut(std::result::Result<(Report, Output), ReadError>),
) -> ExtractSummary {
    let mut summary = ExtractSummary::default();
    let mut desk = Desk::new(desk_country);
    let mut visit = |result: std::result::Result<(Report, Output), ReadError>| {
        match &result {
            Ok((_, output)) => {
                summary.reports_read += 1;
                summary.events += output.events.len() as u64;
                summary.diagnostics += output.diagnostics.len() as u64;
            }
            Err(_) => summary.read_errors += 1,
        }
        visit(result);
    };
    for path in paths {
        tocsin_readers::read(path, &mut |result| match result {
            Ok(report) => {
                if let Some(extracted) = desk.extract(extractor, report) {
                    visit(Ok(extracted));
                }
            }
            Err(error) => visit(Err(error)),
        });
    }
    let (run_country, held) = desk.finish(extractor);
    for extracted in held {
        visit(Ok(extracted));
    }
    summary.run_country = run_country;
    summary
}

/// The desk country of one run: extracts each report in it, holding back under
/// [`DeskCountry::Auto`] those that place an event nowhere until the run's country is known.
struct Desk {
    country: DeskCountry,
    countries: RunCountries,
    held: Vec<(Report, Output)>,
}

impl Desk {
    fn new(country: &DeskCountry) -> Desk {
        Desk { country: country.clone(), countries: RunCountries::default(), held: Vec::new() }
    }

    /// The report with what extraction found in it, or `None` when it is held back.
    fn extract(&mut self, extractor: &dyn Extract, report: Report) -> Option<(Report, Output)> {
        let fixed = match &self.country {
            DeskCountry::Fixed(country) => Some(country.as_str()),
            DeskCountry::Auto | DeskCountry::Off => None,
        };
        let output = extractor.extract(&report, fixed);
        if self.country != DeskCountry::Auto {
            return Some((report, output));
        }
        self.countries.count(&output);
        if places_an_event_nowhere(&output) {
            self.held.push((report, output));
            return None;
        }
        Some((report, output))
    }

    /// The run's country, when it has one, and the reports held back, extracted again in
    /// that country.
    fn finish(
        self,
        extractor: &dyn Extract,
    ) -> (Option<RunCountry>, impl Iterator<Item = (Report, Output)> + use<'_>) {
        let code = self.countries.desk().map(str::to_string);
        let run_country =
            code.clone().map(|code| RunCountry { code, reports: self.held.len() as u64 });
        let held = self.held.into_iter().map(move |(report, output)| match &code {
            Some(code) => {
                let output = extractor.extract(&report, Some(code));
                (report, output)
            }
            None => (report, output),
        });
        (run_country, held)
    }
}

/// What the writer thread says about each batch: what it stored, how many reports the
/// batch held and how many unknown-name sightings were new, or why it failed.
type Written = std::result::Result<(BatchSummary, u64, u64), tocsin_store::Error>;

/// One batch for the writer: the reports with their events, and the names of unknown
/// actors they use.
type Batch = (Vec<Ingested>, Vec<UnknownSighting>);

/// Runs `feed` (reading and extracting on this thread) while a second thread stores
/// full batches, so extraction and storage overlap. At most one full batch waits
/// between them, so memory stays bounded. The progress callback runs on this thread.
fn run_pipeline(
    extractor: &dyn Extract,
    store: &mut Store,
    config: &IngestConfig,
    merge: &mut (dyn Merge + Send),
    on_progress: &mut dyn FnMut(&Progress),
    feed: &mut dyn FnMut(&mut Run<'_>),
) -> Result<IngestSummary> {
    let clock = config.clock;
    // Reports the store holds are not extracted again. The view is an optimisation (the
    // store checks each report again in its transaction), so one that cannot be opened
    // only costs the extraction.
    let known = store.known_reports().ok().flatten();
    std::thread::scope(|scope| {
        let (to_writer, batches) = mpsc::sync_channel::<Batch>(1);
        let (written_tx, written) = mpsc::channel::<Written>();
        let writer = scope.spawn(move || {
            for (batch, sightings) in batches {
                let now = clock();
                let result = store.ingest_with(&batch, now, merge).and_then(|stored| {
                    // Sightings are keyed by report content, so a report stored before
                    // (or a batch stored again after a crash) counts nothing twice.
                    let new = store.record_unknown_actors(&sightings, now)?;
                    Ok((stored, new))
                });
                let failed = result.is_err();
                let n_reports = batch.len() as u64;
                // The receiver lives until this thread ends; a send cannot fail before.
                let _ = written_tx.send(result.map(|(stored, new)| (stored, n_reports, new)));
                if failed {
                    break;
                }
            }
        });
        let batch_size = config.batch_size.max(1);
        let mut run = Run {
            extractor,
            desk: Desk::new(&config.desk_country),
            known,
            batch_size,
            on_progress,
            batch: Vec::with_capacity(batch_size.min(10_000)),
            sightings: Vec::new(),
            progress: Progress::default(),
            summary: IngestSummary::default(),
            to_writer: Some(to_writer),
            written,
            failed: None,
        };
        feed(&mut run);
        let result = run.finish();
        if let Err(panic) = writer.join() {
            std::panic::resume_unwind(panic);
        }
        result
    })
}

/// One ingestion run, on the reading thread: the batch being filled and what has
/// happened so far.
struct Run<'a> {
    extractor: &'a dyn Extract,
    /// The run's desk country, and the reports waiting for it.
    desk: Desk,
    /// Which report contents the store holds, when it is a file another connection can read.
    known: Option<KnownReports>,
    batch_size: usize,
    on_progress: &'a mut dyn FnMut(&Progress),
    batch: Vec<Ingested>,
    sightings: Vec<UnknownSighting>,
    progress: Progress,
    summary: IngestSummary,
    /// Full batches go to the writer thread; `None` once the run is over.
    to_writer: Option<mpsc::SyncSender<Batch>>,
    /// What the writer did with each batch, in order.
    written: mpsc::Receiver<Written>,
    /// The store error that ended the run, if any.
    failed: Option<Error>,
}

impl Run<'_> {
    /// Whether the run has stopped taking reports (because the store failed).
    fn stopped(&self) -> bool {
        self.failed.is_some()
    }

    /// Takes one report (extracting it, and handing the batch over when full) or one error.
    fn accept(&mut self, result: std::result::Result<Report, ReadError>) {
        if self.stopped() {
            return;
        }
        match result {
            Ok(report) => {
                self.progress.reports_read += 1;
                let n_bytes = report.text.len() + report.title.as_ref().map_or(0, String::len);
                self.progress.bytes_read += n_bytes as u64;
                let content_hash = tocsin_store::content_hash(&report);
                if self.already_stored(&content_hash) {
                    self.summary.stored.reports_duplicate += 1;
                    self.progress.reports_committed += 1;
                } else {
                    self.extract(report, &content_hash);
                }
            }
            Err(error) => {
                self.progress.read_errors += 1;
                self.summary.read_errors.push(error);
            }
        }
        (self.on_progress)(&self.progress);
        if self.batch.len() >= self.batch_size {
            self.hand_over();
        }
        self.take_written(false);
    }

    /// Extracts a report into the batch, unless it waits for the run's desk country.
    fn extract(&mut self, report: Report, content_hash: &str) {
        if let Some((report, output)) = self.desk.extract(self.extractor, report) {
            self.add(report, content_hash, output);
        }
    }

    /// Adds an extracted report to the batch, keeping the unknown actor names it uses
    /// under its content hash.
    fn add(&mut self, report: Report, content_hash: &str, output: Output) {
        self.progress.events_extracted += output.events.len() as u64;
        self.summary.diagnostics.extend(output.diagnostics);
        for unknown in output.unknown_actors {
            self.sightings.push(UnknownSighting {
                name: unknown.name,
                report_id: report.id.clone(),
                content_hash: content_hash.to_owned(),
                date: report.published,
            });
        }
        self.batch.push(Ingested { report, events: output.events });
    }

    /// Whether a committed batch already stored a report with this content hash. A
    /// failed lookup says no: the store's own check in its transaction still holds.
    fn already_stored(&self, content_hash: &str) -> bool {
        self.known.as_ref().is_some_and(|known| known.contains(content_hash).unwrap_or(false))
    }

    /// Sends the batch to the writer thread (waiting while another one waits there).
    fn hand_over(&mut self) {
        if self.batch.is_empty() {
            return;
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.batch_size));
        let sightings = std::mem::take(&mut self.sightings);
        let sent = self.to_writer.as_ref().map(|to_writer| to_writer.send((batch, sightings)));
        if let Some(Err(_)) = sent {
            // The writer stopped after a failure, which `take_written` will report.
            self.to_writer = None;
        }
    }

    /// Records what the writer has done; with `wait`, until it is finished.
    fn take_written(&mut self, wait: bool) {
        loop {
            let written = if wait {
                match self.written.recv() {
                    Ok(written) => written,
                    Err(_) => return,
                }
            } else {
                match self.written.try_recv() {
                    Ok(written) => written,
                    Err(_) => return,
                }
            };
            match written {
                Ok((stored, n_reports, new_sightings)) => {
                    self.summary.stored += stored;
                    self.summary.unknown_actors_recorded += new_sightings;
                    self.summary.batches += 1;
                    self.progress.reports_committed += n_reports;
                    self.progress.events_stored += stored.events_created;
                    self.progress.batches_committed += 1;
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
    }

    /// Stores what is left, waits for the writer and returns the summary, or the error
    /// that ended the run.
    fn finish(mut self) -> Result<IngestSummary> {
        let desk = std::mem::replace(&mut self.desk, Desk::new(&DeskCountry::Off));
        let (run_country, held) = desk.finish(self.extractor);
        self.summary.run_country = run_country;
        for (report, output) in held {
            if self.stopped() {
                break;
            }
            let content_hash = tocsin_store::content_hash(&report);
            self.add(report, &content_hash, output);
            if self.batch.len() >= self.batch_size {
                self.hand_over();
            }
            self.take_written(false);
        }
        if !self.stopped() {
            self.hand_over();
        }
        // Closing the channel ends the writer once it has stored what it holds.
        self.to_writer = None;
        self.take_written(true);
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
