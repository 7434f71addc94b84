//! Aggregates over the events of a filter, counted in SQL: by week, area and type
//! ([`Store::stats`]) and by actor ([`Store::actor_counts`]).

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use tocsin_model::Inter;

use crate::query::{build_where, EventFilter};
use crate::{Error, Result, Store};

/// Events and their deaths in one group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupCount<K> {
    /// What the group shares.
    pub key: K,
    /// Its events.
    pub events: u64,
    /// Their deaths.
    pub fatalities: u64,
}

/// An ISO week: `(year, week)`, as `chrono::IsoWeek` numbers them.
pub type IsoWeek = (i32, u32);

/// A country name and first-level admin unit, as coded (either may be missing).
pub type Area = (Option<String>, Option<String>);

/// What [`Store::stats`] counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventStats {
    /// Matching events.
    pub events: u64,
    /// Their deaths.
    pub fatalities: u64,
    /// Matching events with no date.
    pub undated: u64,
    /// Dated events by ISO week, oldest first.
    pub by_week: Vec<GroupCount<IsoWeek>>,
    /// Events by country and admin1, in key order (`None` first).
    pub by_area: Vec<GroupCount<Area>>,
    /// Events by event type name, in name order.
    pub by_event_type: Vec<GroupCount<String>>,
}

/// One actor's part in the events of a filter ([`Store::actor_counts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorStat {
    /// The actor's name.
    pub name: String,
    /// Its inter code, as coded in its first event (by date, then ID; actor 1, actor 2,
    /// then associated actors).
    pub inter: Inter,
    /// Events it takes part in, in any role.
    pub events: u64,
    /// Events where it is actor 1.
    pub as_actor1: u64,
    /// Events where it is actor 2.
    pub as_actor2: u64,
    /// Deaths in its events.
    pub fatalities: u64,
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

impl Store {
    /// Counts of the events matching `filter` (limit, offset and sort ignored): in all,
    /// by ISO week, by area and by event type, with their deaths. Reads the indexed
    /// columns, never the events' JSON.
    pub fn stats(&self, filter: &EventFilter) -> Result<EventStats> {
        let clause = build_where(filter)?;
        let mut stats = EventStats::default();
        let mut weeks: BTreeMap<IsoWeek, (u64, u64)> = BTreeMap::new();
        let mut areas: BTreeMap<Area, (u64, u64)> = BTreeMap::new();
        let mut types: BTreeMap<String, (u64, u64)> = BTreeMap::new();
        // One pass over the matches, grouped finely enough to fold into all three.
        let sql = format!(
            "SELECT e.date, e.country, e.admin1, e.event_type, count(*), sum(e.fatalities)
             FROM events e {} GROUP BY e.date, e.country, e.admin1, e.event_type",
            clause.sql()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement
            .query(params_from_iter(&clause.params))
            .map_err(|error| clause.error(error))?;
        while let Some(row) = rows.next().map_err(|error| clause.error(error))? {
            let date: Option<String> = row.get(0)?;
            let area: Area = (row.get(1)?, row.get(2)?);
            let event_type: String = row.get(3)?;
            let (events, deaths) = (count(row.get(4)?), count(row.get(5)?));
            let bump = |slot: &mut (u64, u64)| {
                slot.0 += events;
                slot.1 += deaths;
            };
            stats.events += events;
            stats.fatalities += deaths;
            match date {
                Some(text) => {
                    let day = text.parse::<NaiveDate>().map_err(|_| Error::Corrupt {
                        what: "an event".into(),
                        message: format!("date {text:?} is not YYYY-MM-DD"),
                    })?;
                    let week = day.iso_week();
                    bump(weeks.entry((week.year(), week.week())).or_default());
                }
                None => stats.undated += events,
            }
            bump(areas.entry(area).or_default());
            bump(types.entry(event_type).or_default());
        }
        fn groups<K>(map: BTreeMap<K, (u64, u64)>) -> Vec<GroupCount<K>> {
            map.into_iter()
                .map(|(key, (events, fatalities))| GroupCount { key, events, fatalities })
                .collect()
        }
        stats.by_week = groups(weeks);
        stats.by_area = groups(areas);
        stats.by_event_type = groups(types);
        Ok(stats)
    }

    /// Every actor of the events matching `filter` (limit, offset and sort ignored)
    /// with its counts, most events first, then by name.
    pub fn actor_counts(&self, filter: &EventFilter) -> Result<Vec<ActorStat>> {
        let clause = build_where(filter)?;
        // One row per (actor, role) of each matching event; `ord` orders an actor's
        // appearances as the events' date order and the roles do, so that the inter
        // code kept (a bare column beside `min`) is that of its first appearance.
        let sql = format!(
            "WITH m AS (SELECT e.key, e.sort_key, e.fatalities, e.event FROM events e {}),
             roles AS (
                 SELECT m.key, m.fatalities, m.sort_key || ' 0' AS ord, 1 AS role,
                        m.event -> '$.coding.actor1.value' AS actor FROM m
                 UNION ALL
                 SELECT m.key, m.fatalities, m.sort_key || ' 1', 2,
                        m.event -> '$.coding.actor2.value' FROM m
                 WHERE m.event ->> '$.coding.actor2' IS NOT NULL
                 UNION ALL
                 SELECT m.key, m.fatalities, m.sort_key || ' 2 ' || printf('%06d', a.key), 0,
                        a.value -> '$.value' FROM m, json_each(m.event, '$.coding.assoc_actor_1') a
                 UNION ALL
                 SELECT m.key, m.fatalities, m.sort_key || ' 3 ' || printf('%06d', a.key), 0,
                        a.value -> '$.value' FROM m, json_each(m.event, '$.coding.assoc_actor_2') a
             ),
             per_event AS (
                 SELECT actor ->> '$.name' AS name, actor ->> '$.inter' AS inter, min(ord) AS first,
                        fatalities, sum(role = 1) AS a1, sum(role = 2) AS a2
                 FROM roles GROUP BY name, key
             )
             SELECT name, inter, min(first), count(*), sum(a1), sum(a2), sum(fatalities)
             FROM per_event GROUP BY name ORDER BY count(*) DESC, name",
            clause.sql()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement
            .query(params_from_iter(&clause.params))
            .map_err(|error| clause.error(error))?;
        let mut actors = Vec::new();
        while let Some(row) = rows.next().map_err(|error| clause.error(error))? {
            let name: Option<String> = row.get(0)?;
            let code: Option<i64> = row.get(1)?;
            let corrupt = |message: String| Error::Corrupt { what: "an event".into(), message };
            let name = name.ok_or_else(|| corrupt("an actor has no name".into()))?;
            let inter = code
                .and_then(|code| u8::try_from(code).ok())
                .and_then(|code| Inter::try_from(code).ok())
                .ok_or_else(|| corrupt(format!("actor {name:?} has no valid inter code")))?;
            actors.push(ActorStat {
                name,
                inter,
                events: count(row.get(3)?),
                as_actor1: count(row.get(4)?),
                as_actor2: count(row.get(5)?),
                fatalities: count(row.get(6)?),
            });
        }
        Ok(actors)
    }
}
