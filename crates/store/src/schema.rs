//! The schema: an ordered list of migrations, each applied in one transaction.
//!
//! The schema version lives in `PRAGMA user_version`: version `n` means the first
//! `n` scripts of [`MIGRATIONS`] have been applied. A script is never edited once
//! released; a change to the schema is a new script at the end of the list, so a
//! store written by any earlier release opens (and is upgraded) in this one.
//! `PRAGMA application_id` marks the file as a tocsin store.

use std::path::Path;

use rusqlite::{Connection, ErrorCode};

use crate::{Error, Result};

/// The `application_id` of a tocsin store: "tcsn" in ASCII.
pub(crate) const APPLICATION_ID: i64 = 0x7463_736E;

/// The migrations, oldest first. `MIGRATIONS[n]` upgrades version `n` to `n + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

/// The schema version this release writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

/// Version 1: reports with full-text search, events with their sources and history.
///
/// Every table has an `INTEGER PRIMARY KEY` (`key`) beside its public text id, so
/// the rowids the FTS5 and R*Tree indexes refer to survive `VACUUM`.
const V1: &str = r#"
CREATE TABLE reports (
    key          INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    content_hash TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,
    title        TEXT,
    published    TEXT,
    source       TEXT,
    url          TEXT,
    language     TEXT,
    ingested_at  TEXT NOT NULL
);
CREATE INDEX reports_published ON reports (published);

CREATE VIRTUAL TABLE reports_fts USING fts5 (
    title, text,
    content = 'reports', content_rowid = 'key',
    tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER reports_fts_insert AFTER INSERT ON reports BEGIN
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.key, new.title, new.text);
END;
CREATE TRIGGER reports_fts_delete AFTER DELETE ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
        VALUES ('delete', old.key, old.title, old.text);
END;
CREATE TRIGGER reports_fts_update AFTER UPDATE OF title, text ON reports BEGIN
    INSERT INTO reports_fts (reports_fts, rowid, title, text)
        VALUES ('delete', old.key, old.title, old.text);
    INSERT INTO reports_fts (rowid, title, text) VALUES (new.key, new.title, new.text);
END;

-- The last number handed out per ID prefix; numbers are never reused.
CREATE TABLE event_numbers (
    prefix TEXT PRIMARY KEY,
    last   INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE events (
    key            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    prefix         TEXT NOT NULL,
    number         INTEGER NOT NULL,
    sort_key       TEXT NOT NULL UNIQUE,
    date           TEXT,
    time_precision INTEGER,
    country        TEXT,
    country_code   TEXT,
    admin1         TEXT,
    admin2         TEXT,
    admin3         TEXT,
    location       TEXT,
    disorder_type  TEXT NOT NULL,
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    actor1         TEXT NOT NULL,
    actor2         TEXT,
    actors_search  TEXT NOT NULL,
    fatalities     INTEGER NOT NULL,
    latitude       REAL,
    longitude      REAL,
    confidence     REAL NOT NULL,
    merged_into    TEXT REFERENCES events (id),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    event          TEXT NOT NULL,
    UNIQUE (prefix, number)
);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_country ON events (country_code, date);
CREATE INDEX events_admin1 ON events (admin1 COLLATE NOCASE);
CREATE INDEX events_sub_event_type ON events (sub_event_type);
CREATE INDEX events_event_type ON events (event_type);
CREATE INDEX events_fatalities ON events (fatalities);
CREATE INDEX events_merged_into ON events (merged_into) WHERE merged_into IS NOT NULL;

CREATE VIRTUAL TABLE events_rtree USING rtree (key, min_lat, max_lat, min_lon, max_lon);

CREATE TABLE event_sources (
    event_id   TEXT NOT NULL REFERENCES events (id),
    position   INTEGER NOT NULL,
    report_id  TEXT NOT NULL REFERENCES reports (id),
    extraction TEXT NOT NULL,
    added_at   TEXT NOT NULL,
    PRIMARY KEY (event_id, position)
) WITHOUT ROWID;
CREATE INDEX event_sources_report ON event_sources (report_id);

CREATE TABLE event_history (
    key       INTEGER PRIMARY KEY,
    event_id  TEXT NOT NULL REFERENCES events (id),
    timestamp TEXT NOT NULL,
    change    TEXT NOT NULL,
    details   TEXT NOT NULL
);
CREATE INDEX event_history_event ON event_history (event_id, key);
"#;

/// Version 2: reports enter the full-text index once per batch, not through a trigger.
///
/// FTS5 flushes its pending terms to disk at every statement savepoint, so a trigger
/// that indexes each report as it is inserted wrote one index segment per report;
/// indexing a whole batch with one statement at its end is about a third faster.
const V2: &str = r#"
DROP TRIGGER reports_fts_insert;
"#;

/// Version 3: leaner event rows and index-only date ordering.
///
/// * `events.event` holds `{"id", "coding"}` only: the sources live in `event_sources`
///   alone (keeping them twice made rows of about 2 KB, one per 4 KB page).
/// * Undated events get the sort key `0000-00-00 ...` and so count as the earliest,
///   which lets both date orders walk the `sort_key` index.
/// * Ordering by fatalities walks an index too.
const V3: &str = r#"
UPDATE events SET event = json_remove(event, '$.sources');
UPDATE events SET sort_key = '0000-00-00' || substr(sort_key, 2) WHERE sort_key LIKE '~ %';
DROP INDEX events_fatalities;
CREATE INDEX events_fatalities ON events (fatalities, sort_key);
"#;

/// Version 4: the living dataset.
///
/// * `events_updated` lets a change feed ([`Store::changes_since`](crate::Store::changes_since))
///   find every event created, recoded, merged away or split since a time.
/// * `analyst_constraints` keeps the analysts' decisions so that later reports respect
///   them: `apart` (report `report_id` must not join event `event_id`, set by a split)
///   and `together` (event `other_event_id` was merged into `event_id`).
const V4: &str = r#"
CREATE INDEX events_updated ON events (updated_at);
CREATE TABLE analyst_constraints (
    key            INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    report_id      TEXT,
    event_id       TEXT NOT NULL,
    other_event_id TEXT,
    created_at     TEXT NOT NULL
);
CREATE INDEX analyst_constraints_report ON analyst_constraints (report_id, event_id);
"#;

/// Version 5: filter indexes over live events only, covering the usual filters.
///
/// Every event query has `merged_into IS NULL`, which no index of versions 1-4 could
/// answer: counting the matches of a filter read every candidate row (rows hold the
/// event JSON). The filter indexes become partial on live events (`WHERE merged_into
/// IS NULL`, the planner uses them whenever the query says so) and carry the date,
/// fatalities and sort key after their own column, so a count, or the choice of a
/// page's keys, reads index entries, not rows. Each ends with `merged_into` itself
/// (always NULL there, so one header byte): SQLite 3.40 treats an index as covering only
/// when it holds every column the query names, `merged_into IS NULL` included. `events_live_sort` lets both date orders walk live events only.
const V5: &str = r#"
DROP INDEX events_date;
DROP INDEX events_country;
DROP INDEX events_admin1;
DROP INDEX events_sub_event_type;
DROP INDEX events_event_type;
DROP INDEX events_fatalities;
CREATE INDEX events_live_date ON events (date, fatalities, sort_key, merged_into)
    WHERE merged_into IS NULL;
CREATE INDEX events_live_sort ON events (sort_key, merged_into) WHERE merged_into IS NULL;
CREATE INDEX events_live_country
    ON events (country_code, date, fatalities, sort_key, merged_into) WHERE merged_into IS NULL;
CREATE INDEX events_live_admin1
    ON events (admin1 COLLATE NOCASE, date, fatalities, sort_key, merged_into)
    WHERE merged_into IS NULL;
CREATE INDEX events_live_event_type
    ON events (event_type, date, fatalities, sort_key, merged_into) WHERE merged_into IS NULL;
CREATE INDEX events_live_sub_event_type
    ON events (sub_event_type, date, fatalities, sort_key, merged_into) WHERE merged_into IS NULL;
CREATE INDEX events_live_fatalities ON events (fatalities, sort_key, date, merged_into)
    WHERE merged_into IS NULL;
"#;

/// Version 6: names reports gave groups the actor knowledge base did not know.
///
/// `unknown_actors` holds one row per name (keyed lowercase), with how many reports used
/// it, the earliest and latest of their dates and the first such report;
/// `unknown_actor_reports` holds each (name, report content hash) pair once, so that
/// recording a report again counts nothing twice.
const V6: &str = r#"
CREATE TABLE unknown_actors (
    key        INTEGER PRIMARY KEY,
    name_key   TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    count      INTEGER NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen  TEXT NOT NULL,
    report_id  TEXT NOT NULL
);
CREATE INDEX unknown_actors_count ON unknown_actors (count DESC, last_seen DESC);
CREATE TABLE unknown_actor_reports (
    name_key     TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    PRIMARY KEY (name_key, content_hash)
) WITHOUT ROWID;
"#;

/// Brings the store on `connection` to [`SCHEMA_VERSION`], checking first that it is
/// a tocsin store (or an empty database). `path` names the file in errors.
pub(crate) fn migrate(connection: &mut Connection, path: &Path) -> Result<()> {
    let not_a_store =
        |reason: &str| Error::NotAStore { path: path.to_owned(), reason: reason.into() };
    let read_header = |connection: &Connection| -> rusqlite::Result<(i64, i64, i64)> {
        let application_id = connection.query_row("PRAGMA application_id", [], |row| row.get(0))?;
        let version = connection.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        let n_objects =
            connection.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
        Ok((application_id, version, n_objects))
    };
    let (application_id, version, n_objects) = match read_header(connection) {
        Ok(header) => header,
        Err(error) if is_not_a_database(&error) => {
            return Err(not_a_store("the file is not an SQLite database"))
        }
        Err(error) => return Err(Error::Open { path: path.to_owned(), source: error }),
    };
    let empty = application_id == 0 && version == 0 && n_objects == 0;
    if !empty && application_id != APPLICATION_ID {
        return Err(not_a_store("it is an SQLite database written by another program"));
    }
    let version =
        u32::try_from(version).map_err(|_| not_a_store("its schema version is negative"))?;
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    for (index, script) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let target = index as u32 + 1;
        let transaction = connection.transaction()?;
        transaction
            .execute_batch(script)
            .and_then(|()| {
                transaction.execute_batch(&format!(
                    "PRAGMA application_id = {APPLICATION_ID}; PRAGMA user_version = {target};"
                ))
            })
            .map_err(|source| Error::Migration {
                path: path.to_owned(),
                version: target,
                source,
            })?;
        transaction.commit()?;
    }
    Ok(())
}

/// Whether SQLite says the file is not a database (or is encrypted).
pub(crate) fn is_not_a_database(error: &rusqlite::Error) -> bool {
    matches!(error.sqlite_error_code(), Some(ErrorCode::NotADatabase))
}
