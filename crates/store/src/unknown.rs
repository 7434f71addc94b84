//! Unknown actor names: names reports gave groups the actor knowledge base did not know,
//! counted per report so that an analyst can review the most frequent ones.
//!
//! A sighting is keyed by the name (lowercase, single spaces) and the report's content
//! hash, so recording the same report twice changes nothing.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension};

use crate::rows::timestamp;
use crate::{Result, Store};

/// One report's use of a name the actor knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownSighting {
    /// The name as the report writes it.
    pub name: String,
    /// The report's id.
    pub report_id: String,
    /// The report's [`content_hash`](crate::content_hash).
    pub content_hash: String,
    /// The report's date, when it has one.
    pub date: Option<NaiveDate>,
}

/// A name reports used for a group the actor knowledge base did not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownActor {
    /// The name as first written.
    pub name: String,
    /// How many reports used it.
    pub count: u64,
    /// The earliest date of those reports (their dateline, else the day they were stored),
    /// `YYYY-MM-DD`.
    pub first_seen: String,
    /// The latest such date.
    pub last_seen: String,
    /// The first report that used it.
    pub report_id: String,
}

/// The key a name is counted under: lowercase, single spaces.
fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

impl Store {
    /// Records names reports used for unknown actors, in one transaction; a report
    /// already counted for a name is not counted again. Returns how many sightings were new.
    ///
    /// `now` dates the sightings of undated reports.
    pub fn record_unknown_actors(
        &mut self,
        sightings: &[UnknownSighting],
        now: DateTime<Utc>,
    ) -> Result<u64> {
        let today = timestamp(now).get(..10).unwrap_or_default().to_owned();
        let transaction = self.connection.transaction()?;
        let mut new = 0;
        for sighting in sightings {
            let key = name_key(&sighting.name);
            if key.is_empty() {
                continue;
            }
            let inserted = transaction.execute(
                "INSERT OR IGNORE INTO unknown_actor_reports (name_key, content_hash)
                 VALUES (?1, ?2)",
                params![key, sighting.content_hash],
            )?;
            if inserted == 0 {
                continue;
            }
            new += 1;
            let date = sighting.date.map(|d| d.to_string()).unwrap_or_else(|| today.clone());
            let exists: Option<i64> = transaction
                .query_row("SELECT key FROM unknown_actors WHERE name_key = ?1", [&key], |row| {
                    row.get(0)
                })
                .optional()?;
            if exists.is_some() {
                transaction.execute(
                    "UPDATE unknown_actors SET count = count + 1,
                         first_seen = min(first_seen, ?2), last_seen = max(last_seen, ?2)
                     WHERE name_key = ?1",
                    params![key, date],
                )?;
            } else {
                transaction.execute(
                    "INSERT INTO unknown_actors
                         (name_key, name, count, first_seen, last_seen, report_id)
                     VALUES (?1, ?2, 1, ?3, ?3, ?4)",
                    params![key, sighting.name.trim(), date, sighting.report_id],
                )?;
            }
        }
        transaction.commit()?;
        Ok(new)
    }

    /// The unknown actor names, most frequent first (then latest seen, then by name);
    /// at most `limit` when given.
    pub fn unknown_actors(&self, limit: Option<usize>) -> Result<Vec<UnknownActor>> {
        let limit = limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        let mut statement = self.connection.prepare(
            "SELECT name, count, first_seen, last_seen, report_id FROM unknown_actors
             ORDER BY count DESC, last_seen DESC, name_key LIMIT ?1",
        )?;
        let rows = statement.query_map([limit], |row| {
            Ok(UnknownActor {
                name: row.get(0)?,
                count: row.get::<_, i64>(1)?.max(0) as u64,
                first_seen: row.get(2)?,
                last_seen: row.get(3)?,
                report_id: row.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2024-05-01T12:00:00Z".parse().unwrap_or_default()
    }

    fn sighting(name: &str, report: &str, date: Option<&str>) -> UnknownSighting {
        UnknownSighting {
            name: name.into(),
            report_id: report.into(),
            content_hash: format!("hash-{report}"),
            date: date.and_then(|d| d.parse().ok()),
        }
    }

    fn listed(store: &Store, limit: Option<usize>) -> Vec<(String, u64, String, String, String)> {
        let unknown = store.unknown_actors(limit).unwrap_or_default();
        unknown
            .into_iter()
            .map(|u| (u.name, u.count, u.first_seen, u.last_seen, u.report_id))
            .collect()
    }

    fn row(
        name: &str,
        count: u64,
        first: &str,
        last: &str,
        report: &str,
    ) -> (String, u64, String, String, String) {
        (name.into(), count, first.into(), last.into(), report.into())
    }

    #[test]
    fn counts_each_report_once_per_name() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let batch = [
            sighting("Red Dune", "r2", Some("2024-03-02")),
            sighting("red  dune", "r1", Some("2024-02-01")),
            sighting("Kora Front", "r1", None),
            sighting("Red Dune", "r2", Some("2024-03-02")),
        ];
        assert_eq!(store.record_unknown_actors(&batch, now()).ok(), Some(3));
        let expected = vec![
            row("Red Dune", 2, "2024-02-01", "2024-03-02", "r2"),
            row("Kora Front", 1, "2024-05-01", "2024-05-01", "r1"),
        ];
        assert_eq!(listed(&store, None), expected);
        // The same reports again change nothing.
        assert_eq!(store.record_unknown_actors(&batch, now()).ok(), Some(0));
        assert_eq!(listed(&store, None), expected);
        assert_eq!(listed(&store, Some(1)), expected[..1].to_vec());
        assert_eq!(listed(&store, Some(0)), Vec::new());
    }

    #[test]
    fn blank_names_are_not_recorded() {
        let mut store = Store::open_in_memory().unwrap_or_else(|e| panic!("{e}"));
        let batch = [sighting("  ", "r1", None)];
        assert_eq!(store.record_unknown_actors(&batch, now()).ok(), Some(0));
        assert!(listed(&store, None).is_empty());
    }
}
