//! Ingestion: a batch of reports with their extractions, stored in one transaction.

use chrono::{DateTime, Utc};
use rusqlite::TransactionBehavior;
use tocsin_model::{Extraction, Report};

use crate::rows::{self, timestamp};
use crate::{content_hash, living, query, Merge, NoMerge, Placement, Result, Store};

/// One report ready for storage, with the events read from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Ingested {
    /// The report.
    pub report: Report,
    /// The events extraction found in it; their `report_id` is set to the stored id.
    pub events: Vec<Extraction>,
}

/// What one batch (or several, added up) did to the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BatchSummary {
    /// Reports stored for the first time.
    pub reports_new: u64,
    /// Reports skipped because their content was already stored.
    pub reports_duplicate: u64,
    /// New reports stored under a suffixed id because their id was taken (counted in `reports_new` too).
    pub reports_renamed: u64,
    /// Events created.
    pub events_created: u64,
    /// Extractions added as a new source to a stored event (by a [`Merge`] policy).
    pub events_joined: u64,
}

impl std::ops::AddAssign for BatchSummary {
    fn add_assign(&mut self, other: BatchSummary) {
        self.reports_new += other.reports_new;
        self.reports_duplicate += other.reports_duplicate;
        self.reports_renamed += other.reports_renamed;
        self.events_created += other.events_created;
        self.events_joined += other.events_joined;
    }
}

impl Store {
    /// Stores a batch of reports and their events in one transaction: all or nothing.
    ///
    /// `now` stamps the reports' `ingested_at` and the events' history; the caller
    /// owns the clock.
    ///
    /// Rules, in the order they apply to each report of a batch:
    ///
    /// 1. A report whose [`content_hash`] is already stored (by an
    ///    earlier batch or earlier in this one) is a duplicate: it is skipped with every
    ///    event it would have created. Re-ingesting the same inputs changes nothing.
    /// 2. A report whose id is taken by a report with other content is kept too, under
    ///    the id `{id}#{first 12 hex digits of its content hash}`; its extractions are
    ///    rewritten to point at that id. Nothing stored is ever overwritten.
    /// 3. Numbers that JSON cannot hold are made storable first: a non-finite confidence
    ///    becomes 0 and a place with non-finite coordinates is dropped (both are
    ///    extraction bugs, but one must not make the stored event unreadable).
    /// 4. Each extraction becomes a new event, with one source and a `created` history
    ///    entry, unless a [`Merge`] policy given to [`Store::ingest_with`] adds it to a
    ///    stored event instead (a `source_added` history entry keeps the previous coding).
    ///    Judging incidents is the merge stage's job; the store only finds candidates and
    ///    applies decisions. Stored events an analyst kept apart from the report
    ///    ([`Store::split_event`]) are never offered as candidates. Events absorbed by an
    ///    analyst's merge ([`Store::merge_events`]) are marked `merged_into` and drop out of
    ///    queries; so are events a new extraction shows to be one incident with the event it
    ///    joins ([`Placement::Bridge`]), unless an analyst split them apart.
    pub fn ingest(&mut self, batch: &[Ingested], now: DateTime<Utc>) -> Result<BatchSummary> {
        self.ingest_with(batch, now, &mut NoMerge)
    }

    /// [`Store::ingest`] with a merge policy that may add extractions to stored events
    /// instead of creating new ones (see [`Merge`]).
    pub fn ingest_with(
        &mut self,
        batch: &[Ingested],
        now: DateTime<Utc>,
        merge: &mut dyn Merge,
    ) -> Result<BatchSummary> {
        let now = timestamp(now);
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut summary = BatchSummary::default();
        let last_key = rows::last_report_key(&transaction)?;
        let constrained = living::any_apart(&transaction)?;
        for item in batch {
            let hash = content_hash(&item.report);
            if rows::report_id_by_hash(&transaction, &hash)?.is_some() {
                summary.reports_duplicate += 1;
                continue;
            }
            let mut id = item.report.id.clone();
            if rows::report_id_taken(&transaction, &id)? {
                id = format!("{}#{}", item.report.id, hash.get(..12).unwrap_or(&hash));
                if rows::report_id_taken(&transaction, &id)? {
                    id = format!("{}#{hash}", item.report.id);
                }
                summary.reports_renamed += 1;
            }
            rows::insert_report(&transaction, &item.report, &id, &hash, &now)?;
            summary.reports_new += 1;
            for extraction in &item.events {
                let mut extraction = extraction.clone();
                extraction.report_id.clone_from(&id);
                rows::make_storable(&mut extraction);
                let mut candidates = match merge.candidates(&extraction) {
                    Some(filter) => query::select_events(&transaction, &filter)?,
                    None => Vec::new(),
                };
                if constrained {
                    let mut allowed = Vec::with_capacity(candidates.len());
                    for event in candidates {
                        if !living::kept_apart(&transaction, &extraction.report_id, &event.id)? {
                            allowed.push(event);
                        }
                    }
                    candidates = allowed;
                }
                match merge.place(&extraction, &candidates) {
                    Placement::New => {
                        rows::create_event(&transaction, extraction, &now)?;
                        summary.events_created += 1;
                    }
                    Placement::Join { event_id, mut coding } => {
                        rows::make_storable(&mut coding);
                        rows::join_event(&transaction, &event_id, extraction, *coding, &now)?;
                        summary.events_joined += 1;
                    }
                    Placement::Bridge { event_id, absorbed, mut coding } => {
                        let mut skipped = false;
                        for other in absorbed.iter().filter(|other| **other != event_id) {
                            if living::split_apart(&transaction, &event_id, other)? {
                                skipped = true;
                            } else {
                                living::absorb(
                                    &transaction,
                                    &event_id,
                                    other,
                                    None,
                                    &now,
                                    "ingestion",
                                )?;
                            }
                        }
                        if skipped {
                            // The coding counted sources an analyst keeps apart: recode.
                            let mut sources =
                                rows::live_event(&transaction, &event_id)?.event.sources;
                            sources.push(extraction.clone());
                            if let Some(recoded) = merge.recode(&sources) {
                                *coding = recoded;
                            }
                        }
                        rows::make_storable(&mut coding);
                        rows::join_event(&transaction, &event_id, extraction, *coding, &now)?;
                        summary.events_joined += 1;
                    }
                }
            }
        }
        rows::index_reports_after(&transaction, last_key)?;
        transaction.commit()?;
        Ok(summary)
    }
}

/// A read-only view of which report contents a store holds, for a reading thread that
/// runs beside the one ingesting: [`KnownReports::contains`] lets it skip extracting a
/// report the store would refuse as a duplicate. Batches become visible once committed.
///
/// It is an optimisation only: [`Store::ingest`] checks every report's content hash
/// again inside its transaction, which is the rule.
#[derive(Debug)]
pub struct KnownReports {
    connection: rusqlite::Connection,
}

impl KnownReports {
    /// Whether a report with this [`content_hash`] is stored.
    pub fn contains(&self, content_hash: &str) -> Result<bool> {
        Ok(rows::report_id_by_hash(&self.connection, content_hash)?.is_some())
    }
}

impl Store {
    /// A second, read-only connection to this store's file (see [`KnownReports`]), or
    /// `None` for a store in memory, which no other connection can see.
    pub fn known_reports(&self) -> Result<Option<KnownReports>> {
        let path = match self.connection.path() {
            Some(path) if !path.is_empty() => path,
            _ => return Ok(None),
        };
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = rusqlite::Connection::open_with_flags(path, flags)?;
        connection.busy_timeout(std::time::Duration::from_secs(10))?;
        Ok(Some(KnownReports { connection }))
    }
}
