//! The embedded store: reports, extractions and events in one SQLite file.
//!
//! This crate owns SQL: the schema and its migrations, idempotent transactional
//! ingestion keyed by content hash, event queries and full-text search (FTS5) over
//! report text. It knows nothing of file formats, extraction or HTTP.
//!
//! * [`Store::open`] creates or opens a store file and upgrades its schema
//!   ([`SCHEMA_VERSION`]); [`Store::open_in_memory`] is for tests.
//! * [`Store::ingest`] stores a batch of [`Ingested`] reports with their extractions in
//!   one transaction and returns a [`BatchSummary`]. Re-ingesting a report changes nothing.
//! * [`Store::ingest_with`] does the same with a [`Merge`] policy, the seam where the
//!   merge stage decides whether an extraction joins a stored event ([`Placement`]).
//! * [`Store::known_reports`] gives a read-only [`KnownReports`] view for a reading
//!   thread to skip extracting reports already stored.
//! * [`Store::events`], [`Store::count`] and [`Store::iter_events`] answer an
//!   [`EventFilter`]; [`Store::event`] gives one event with its reports and history;
//!   [`Store::report`] one stored report; [`Store::totals`] the counts.
//! * [`Store::stats`] and [`Store::actor_counts`] aggregate the events of a filter in
//!   SQL (by week, area, event type; by actor) without decoding them.
//!
//! The schema (see `schema.rs` for the migrations, [`SCHEMA_VERSION`] for the current
//! version): `reports` (id, content hash, text and metadata) with an FTS5 index over
//! title and text (`unicode61 remove_diacritics 2`, so `securite` finds `sécurité`);
//! `events` (ACLED-style ID such as `TGO1`: the country's ISO alpha-3 code, or `XXX`,
//! and a number per prefix that is never reused; indexed columns for every filter; the
//! coding as JSON); an R*Tree over event points; `event_sources` (one row per source
//! extraction, JSON); `event_history` (created, source_added, merged, merged_into, split; details as JSON).
//! Since schema version 4, `analyst_constraints` keeps analysts' merges and splits
//! ([`Store::merge_events`], [`Store::split_event`]) so later reports respect them, and
//! [`Store::changes_since`] gives a change feed (deletions included).
//! Since schema version 5, the filter indexes are partial on live events (`merged_into IS
//! NULL`) and cover the usual filters, so counts and the choice of a page read no rows.
//! Since schema version 6, `unknown_actors` counts the names reports gave groups the
//! actor knowledge base did not know ([`Store::record_unknown_actors`],
//! [`Store::unknown_actors`]), each report once per name.
//! Each table also has an integer `key` beside its text id so that the FTS5 and R*Tree
//! rowids survive `VACUUM`. Events have a `merged_into` column for a later merge of two
//! stored events (set by [`Store::merge_events`]); queries skip events that have one.
//!
//! ```
//! use chrono::{DateTime, Utc};
//! use tocsin_model::{Actor, Extraction, Field, Inter, Report, Span, SubEventType};
//! use tocsin_store::{EventFilter, Ingested, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let report = Report::new("r1", "Gunmen attacked a village; the army responded.");
//! let extraction = Extraction {
//!     report_id: "r1".into(),
//!     date: None,
//!     sub_event_type: Field::inferred(SubEventType::ArmedClash, 0.8),
//!     actor1: Field::inferred(Actor::new("Unidentified Armed Group", Inter::PoliticalMilitia), 0.5),
//!     assoc_actor_1: vec![],
//!     actor2: None,
//!     assoc_actor_2: vec![],
//!     civilian_targeting: Field::inferred(false, 0.9),
//!     place: None,
//!     fatalities: Field::inferred(0, 0.5),
//!     trigger: Span::new(0, 6),
//!     confidence: 0.7,
//! };
//! let now: DateTime<Utc> = "2024-05-01T12:00:00Z".parse().unwrap();
//! let batch = [Ingested { report, events: vec![extraction] }];
//! let summary = store.ingest(&batch, now)?;
//! assert_eq!((summary.reports_new, summary.events_created), (1, 1));
//! assert_eq!(store.ingest(&batch, now)?.reports_duplicate, 1, "idempotent");
//!
//! let filter = EventFilter { text: Some("gunmen".into()), ..EventFilter::default() };
//! let events = store.events(&filter)?;
//! assert_eq!(events[0].id, "XXX1", "no country: the XXX prefix");
//! # Ok::<(), tocsin_store::Error>(())
//! ```
#![warn(missing_docs)]

mod fts;
mod hash;
mod ingest;
mod living;
mod merge;
mod query;
mod rows;
mod schema;
mod stats;
mod unknown;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

pub use hash::content_hash;
pub use ingest::{BatchSummary, Ingested, KnownReports};
pub use living::{Change, ChangeKind, Constraint};
pub use merge::{Merge, NoMerge, Placement};
pub use query::{BBox, EventDetail, EventFilter, EventIter, HistoryEntry, Sort, Totals};
pub use schema::SCHEMA_VERSION;
pub use stats::{ActorStat, Area, EventStats, GroupCount, IsoWeek};
pub use unknown::{UnknownActor, UnknownSighting};

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The store file could not be opened.
    #[error("cannot open store {path}: {source}")]
    Open {
        /// The store file.
        path: PathBuf,
        /// The cause.
        source: rusqlite::Error,
    },
    /// The store's folder could not be created.
    #[error("cannot create {path}: {source}")]
    Io {
        /// The folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file exists but is not a tocsin store.
    #[error("{path} is not a tocsin store: {reason}")]
    NotAStore {
        /// The file.
        path: PathBuf,
        /// Why it is not.
        reason: String,
    },
    /// The store was written by a newer tocsin.
    #[error(
        "{path} has schema version {found}, newer than this tocsin understands ({supported}): upgrade tocsin"
    )]
    TooNew {
        /// The store file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this release knows.
        supported: u32,
    },
    /// A schema migration failed; the store stays at the previous version.
    #[error("{path}: upgrading the schema to version {version} failed: {source}")]
    Migration {
        /// The store file.
        path: PathBuf,
        /// The version being installed.
        version: u32,
        /// The cause.
        source: rusqlite::Error,
    },
    /// A full-text query cannot be run.
    #[error("invalid text query {query:?}: {message}")]
    InvalidQuery {
        /// The query as the user wrote it.
        query: String,
        /// What is wrong, and what to do.
        message: String,
    },
    /// A filter value makes no sense (a bounding box with south above north, ...).
    #[error("invalid filter: {0}")]
    InvalidFilter(String),
    /// A stored value cannot be read back.
    #[error("corrupt store: {what}: {message}")]
    Corrupt {
        /// The row concerned (`event TGO1`, `report r1`).
        what: String,
        /// What is wrong with it.
        message: String,
    },
    /// A merge decision names an event that is not stored (or was merged away).
    #[error("merging chose event {0}, which is not a stored live event")]
    UnknownEvent(String),
    /// An analyst's split cannot be done (the report is not a source of the event, or
    /// its only one).
    #[error("cannot split: {0}")]
    InvalidSplit(String),
    /// A value cannot be written as JSON.
    #[error("cannot encode {what} as JSON: {source}")]
    Encode {
        /// The value concerned.
        what: String,
        /// The cause.
        source: serde_json::Error,
    },
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An open store.
#[derive(Debug)]
pub struct Store {
    connection: rusqlite::Connection,
}

impl Store {
    /// Opens (creating it, its folder, and migrating as needed) the store at `path`.
    ///
    /// A file that is not a tocsin store is refused with [`Error::NotAStore`] and left
    /// untouched; a store from a newer release with [`Error::TooNew`].
    pub fn open(path: &Path) -> Result<Store> {
        if path.is_dir() {
            return Err(Error::NotAStore {
                path: path.to_owned(),
                reason: "it is a folder".into(),
            });
        }
        if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .map_err(|source| Error::Io { path: parent.to_owned(), source })?;
        }
        let connection = Connection::open(path)
            .map_err(|source| Error::Open { path: path.to_owned(), source })?;
        Store::setup(connection, path, true)
    }

    /// Opens the existing store at `path`; unlike [`Store::open`], never creates a file.
    pub fn open_existing(path: &Path) -> Result<Store> {
        if path.is_dir() {
            return Err(Error::NotAStore {
                path: path.to_owned(),
                reason: "it is a folder".into(),
            });
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let connection = Connection::open_with_flags(path, flags)
            .map_err(|source| Error::Open { path: path.to_owned(), source })?;
        Store::setup(connection, path, true)
    }

    /// A new, empty store in memory.
    pub fn open_in_memory() -> Result<Store> {
        let connection = Connection::open_in_memory()?;
        Store::setup(connection, Path::new(":memory:"), false)
    }

    /// Sets the connection's pragmas and migrates the schema.
    fn setup(mut connection: Connection, path: &Path, wal: bool) -> Result<Store> {
        let refuse = |error: rusqlite::Error| {
            if schema::is_not_a_database(&error) {
                Error::NotAStore {
                    path: path.to_owned(),
                    reason: "the file is not an SQLite database".into(),
                }
            } else {
                Error::Open { path: path.to_owned(), source: error }
            }
        };
        connection.busy_timeout(std::time::Duration::from_secs(10)).map_err(refuse)?;
        connection.execute_batch("PRAGMA foreign_keys = ON").map_err(refuse)?;
        // Check the header before switching journal modes, so a foreign file stays untouched.
        schema::migrate(&mut connection, path)?;
        if wal {
            let _mode: String = connection
                .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
                .map_err(refuse)?;
            connection.execute_batch("PRAGMA synchronous = NORMAL").map_err(refuse)?;
            // A 64 MiB page cache (allocated as used) keeps the indexes of a store of a few
            // hundred thousand events in memory while ingesting: 100,000 synthetic
            // reports took 40 s with the 2 MiB default and 33 s with this, half the system time.
            connection.execute_batch("PRAGMA cache_size = -65536").map_err(refuse)?;
        }
        Ok(Store { connection })
    }

    /// The underlying connection, for diagnostics only: everything else goes through
    /// the methods of [`Store`], the only code that knows the schema.
    pub fn connection(&self) -> &rusqlite::Connection {
        &self.connection
    }

    /// The schema version of the open store (always [`SCHEMA_VERSION`] after opening).
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self.connection.query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }
}

#[cfg(test)]
mod tests;
