//! The living dataset: analysts' merges and splits, their constraints, and the change feed.
//!
//! Every change to an event stamps its `updated_at` and appends to its history
//! (`created`, `source_added`, `merged`, `merged_into`, `split`), so
//! [`Store::changes_since`] can tell an exporter what changed since its last run,
//! deletions (events merged into another) included. [`Store::merge_events`] and
//! [`Store::split_event`] are the analyst's operations; each records a constraint
//! ([`Constraint`]) that ingestion respects afterwards: a report split out of an event
//! never joins it again.

use chrono::{DateTime, Utc};
use rusqlite::{Connection, TransactionBehavior};
use tocsin_model::{Event, Extraction};

use crate::rows::{self, parse_timestamp, timestamp};
use crate::{Error, Merge, NoMerge, Result, Store};

/// One entry of a change feed: an event that changed, and how it stands now.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The event's ID.
    pub event_id: String,
    /// What the event is now.
    pub kind: ChangeKind,
    /// When it last changed.
    pub at: DateTime<Utc>,
}

/// How a changed event stands.
#[derive(Debug, Clone, PartialEq)]
pub enum ChangeKind {
    /// Created or recoded: its current coding and sources (boxed: it is large).
    Upserted(Box<Event>),
    /// Gone from the dataset: merged into the event `merged_into`.
    Deleted {
        /// The event that absorbed it.
        merged_into: Option<String>,
    },
}

/// An analyst's decision that ingestion keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraint {
    /// The report's extractions must not join the event (set by a split).
    Apart {
        /// The report.
        report_id: String,
        /// The event.
        event_id: String,
    },
    /// The two events are one incident (set by a merge: `absorbed` was merged into `event_id`).
    Together {
        /// The surviving event.
        event_id: String,
        /// The event merged into it.
        absorbed: String,
    },
}

impl Store {
    /// Every event created or changed after `since` (strictly), oldest change first:
    /// live events with their current coding, events merged away as deletions.
    pub fn changes_since(&self, since: DateTime<Utc>) -> Result<Vec<Change>> {
        let sql = format!(
            "SELECT {}, e.merged_into, e.updated_at FROM events e
             WHERE e.updated_at > ?1 ORDER BY e.updated_at, e.key",
            rows::EVENT_COLUMNS
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut found = statement.query([timestamp(since)])?;
        let mut changes = Vec::new();
        while let Some(row) = found.next()? {
            let event_id: String = row.get(0)?;
            let merged_into: Option<String> = row.get(3)?;
            let at: String = row.get(4)?;
            let at = parse_timestamp(&at, &format!("event {event_id}"))?;
            let kind = match merged_into {
                Some(into) => ChangeKind::Deleted { merged_into: Some(into) },
                None => ChangeKind::Upserted(Box::new(rows::event_from_row(row)?)),
            };
            changes.push(Change { event_id, kind, at });
        }
        Ok(changes)
    }

    /// The analysts' constraints, oldest first.
    pub fn constraints(&self) -> Result<Vec<Constraint>> {
        let mut statement = self.connection.prepare_cached(
            "SELECT kind, report_id, event_id, other_event_id FROM analyst_constraints ORDER BY key",
        )?;
        let mut found = statement.query([])?;
        let mut constraints = Vec::new();
        while let Some(row) = found.next()? {
            let kind: String = row.get(0)?;
            let report_id: Option<String> = row.get(1)?;
            let event_id: String = row.get(2)?;
            let other: Option<String> = row.get(3)?;
            match (kind.as_str(), report_id, other) {
                ("apart", Some(report_id), _) => {
                    constraints.push(Constraint::Apart { report_id, event_id })
                }
                ("together", _, Some(absorbed)) => {
                    constraints.push(Constraint::Together { event_id, absorbed })
                }
                _ => {
                    return Err(Error::Corrupt {
                        what: format!("analyst constraint on {event_id}"),
                        message: format!("unknown kind {kind:?} or missing id"),
                    })
                }
            }
        }
        Ok(constraints)
    }

    /// Merges event `b` into event `a` (an analyst's decision): `b`'s sources join `a`,
    /// `b` gets `merged_into = a` and leaves queries (change feeds report it deleted).
    /// `a` keeps its coding; [`Store::merge_events_with`] recodes it from all sources.
    pub fn merge_events(&mut self, a: &str, b: &str, now: DateTime<Utc>) -> Result<Event> {
        self.merge_events_with(a, b, now, &NoMerge)
    }

    /// [`Store::merge_events`], recoding `a` from all its sources with `merge`'s
    /// [`Merge::recode`]. Merging an event with itself changes nothing.
    pub fn merge_events_with(
        &mut self,
        a: &str,
        b: &str,
        now: DateTime<Utc>,
        merge: &dyn Merge,
    ) -> Result<Event> {
        let now = timestamp(now);
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let kept = rows::live_event(&transaction, a)?;
        if a == b {
            return Ok(kept.event);
        }
        let kept = absorb(&transaction, a, b, Some(merge), &now, "analyst")?;
        add_constraint(&transaction, "together", None, a, Some(b), &now)?;
        transaction.commit()?;
        Ok(kept)
    }

    /// Splits the extractions of report `report_id` out of event `id` into a new event
    /// (an analyst's decision); returns the event as it remains and the new one. The
    /// report never joins `id` again. The remaining event keeps its coding unless the
    /// split report led it; [`Store::split_event_with`] recodes both from their sources.
    pub fn split_event(
        &mut self,
        id: &str,
        report_id: &str,
        now: DateTime<Utc>,
    ) -> Result<(Event, Event)> {
        self.split_event_with(id, report_id, now, &NoMerge)
    }

    /// [`Store::split_event`], coding both events with `merge`'s [`Merge::recode`].
    pub fn split_event_with(
        &mut self,
        id: &str,
        report_id: &str,
        now: DateTime<Utc>,
        merge: &dyn Merge,
    ) -> Result<(Event, Event)> {
        let now = timestamp(now);
        let transaction =
            self.connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut remaining = rows::live_event(&transaction, id)?;
        let (leaving, staying): (Vec<Extraction>, Vec<Extraction>) =
            remaining.event.sources.drain(..).partition(|source| source.report_id == report_id);
        if leaving.is_empty() || staying.is_empty() {
            let why =
                if leaving.is_empty() { "is not a source of" } else { "is the only source of" };
            return Err(Error::InvalidSplit(format!("report {report_id} {why} event {id}")));
        }
        remaining.event.sources = staying;
        let previous = remaining.event.coding.clone();
        let lead_left = previous.report_id == report_id;
        match merge.recode(&remaining.event.sources) {
            Some(coding) => remaining.event.coding = coding,
            None if lead_left => {
                if let Some(first) = remaining.event.sources.first() {
                    remaining.event.coding = first.clone();
                }
            }
            None => {}
        }
        rows::make_storable(&mut remaining.event.coding);
        transaction
            .prepare_cached("DELETE FROM event_sources WHERE event_id = ?1 AND report_id = ?2")?
            .execute([id, report_id])?;
        rows::write_event_row(
            &transaction,
            &remaining.event,
            Some(remaining.key),
            &remaining.prefix,
            remaining.number,
            &now,
        )?;
        rows::set_point(&transaction, remaining.key, &remaining.event)?;

        let mut coding = match merge.recode(&leaving) {
            Some(coding) => coding,
            None => leaving.first().cloned().ok_or_else(|| Error::InvalidSplit(String::new()))?,
        };
        rows::make_storable(&mut coding);
        let prefix = rows::id_prefix(&coding);
        let (new_id, number) = rows::allocate_id(&transaction, prefix)?;
        let created = Event { id: new_id, coding, sources: leaving };
        let key = rows::write_event_row(&transaction, &created, None, prefix, number, &now)?;
        rows::set_point(&transaction, key, &created)?;
        for position in 0..created.sources.len() {
            rows::insert_source(&transaction, &created, position, &now)?;
        }
        let details = serde_json::json!({ "report_ids": created.doc_ids(), "split_from": id });
        rows::insert_history(&transaction, &created.id, &now, "created", &details)?;
        let details = serde_json::json!({
            "report_id": report_id,
            "new_event": created.id,
            "previous_coding": previous,
        });
        rows::insert_history(&transaction, id, &now, "split", &details)?;
        add_constraint(&transaction, "apart", Some(report_id), id, None, &now)?;
        transaction.commit()?;
        Ok((remaining.event, created))
    }
}

/// Merges the live event `b` into the live event `a` inside a transaction: `b`'s
/// sources move to `a`, `a` is recoded with `recode` (when given and it answers; else
/// it keeps its coding), `b` is marked `merged_into = a`. `by` (`analyst`, `ingestion`)
/// goes into the history. Returns `a` as it now stands.
pub(crate) fn absorb(
    connection: &Connection,
    a: &str,
    b: &str,
    recode: Option<&dyn Merge>,
    now: &str,
    by: &str,
) -> Result<Event> {
    let mut kept = rows::live_event(connection, a)?;
    let absorbed = rows::live_event(connection, b)?;
    let offset = next_position(connection, a)?;
    connection
        .prepare_cached(
            "UPDATE event_sources SET event_id = ?1, position = position + ?2 WHERE event_id = ?3",
        )?
        .execute(rusqlite::params![a, offset, b])?;
    let previous = kept.event.coding.clone();
    kept.event.sources.extend(absorbed.event.sources.iter().cloned());
    if let Some(coding) = recode.and_then(|merge| merge.recode(&kept.event.sources)) {
        kept.event.coding = coding;
    }
    rows::make_storable(&mut kept.event.coding);
    rows::write_event_row(connection, &kept.event, Some(kept.key), &kept.prefix, kept.number, now)?;
    rows::set_point(connection, kept.key, &kept.event)?;
    let details = serde_json::json!({
        "absorbed": b,
        "report_ids": absorbed.event.doc_ids(),
        "previous_coding": previous,
        "by": by,
    });
    rows::insert_history(connection, a, now, "merged", &details)?;
    connection
        .prepare_cached("UPDATE events SET merged_into = ?1, updated_at = ?2 WHERE key = ?3")?
        .execute(rusqlite::params![a, now, absorbed.key])?;
    connection
        .prepare_cached("DELETE FROM events_rtree WHERE key = ?1")?
        .execute([absorbed.key])?;
    let details = serde_json::json!({ "into": a, "by": by });
    rows::insert_history(connection, b, now, "merged_into", &details)?;
    Ok(kept.event)
}

/// Whether an analyst split a source report of one of the events `a`, `b` out of the
/// other (so ingestion must not merge them again).
pub(crate) fn split_apart(connection: &Connection, a: &str, b: &str) -> Result<bool> {
    Ok(connection
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM analyst_constraints c JOIN event_sources s
                ON s.report_id = c.report_id
             WHERE c.kind = 'apart'
               AND ((c.event_id = ?1 AND s.event_id = ?2) OR (c.event_id = ?2 AND s.event_id = ?1)))",
        )?
        .query_row([a, b], |row| row.get(0))?)
}

/// The position after the last source of `event_id`.
fn next_position(connection: &Connection, event_id: &str) -> Result<i64> {
    Ok(connection
        .prepare_cached(
            "SELECT coalesce(max(position), -1) + 1 FROM event_sources WHERE event_id = ?1",
        )?
        .query_row([event_id], |row| row.get(0))?)
}

fn add_constraint(
    connection: &Connection,
    kind: &str,
    report_id: Option<&str>,
    event_id: &str,
    other_event_id: Option<&str>,
    now: &str,
) -> Result<()> {
    connection
        .prepare_cached(
            "INSERT INTO analyst_constraints (kind, report_id, event_id, other_event_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(rusqlite::params![kind, report_id, event_id, other_event_id, now])?;
    Ok(())
}

/// Whether an analyst decided that report `report_id` must not join event `event_id`.
pub(crate) fn kept_apart(connection: &Connection, report_id: &str, event_id: &str) -> Result<bool> {
    use rusqlite::OptionalExtension;
    Ok(connection
        .prepare_cached(
            "SELECT 1 FROM analyst_constraints
             WHERE report_id = ?1 AND event_id = ?2 AND kind = 'apart'",
        )?
        .query_row([report_id, event_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Whether any `apart` constraint exists (so ingestion can skip the per-candidate check).
pub(crate) fn any_apart(connection: &Connection) -> Result<bool> {
    Ok(connection
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM analyst_constraints WHERE kind = 'apart')")?
        .query_row([], |row| row.get(0))?)
}
