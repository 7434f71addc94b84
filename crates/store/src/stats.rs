//! Aggregates over the events of a filter without decoding them: by week, area and
//! type grouped in SQL ([`Store::stats`]); by actor from the actor names alone
//! ([`Store::actor_counts`]).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use rusqlite::params_from_iter;
use tocsin_model::{Actor, Inter};

use crate::query::{build_where, EventFilter};
use crate::rows::from_json;
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
    ///
    /// One pass over the matches in date order reads only the actors of each coding
    /// (the rest of its JSON is skipped, sources are not read): decoding the names in
    /// SQL (`json_each` over four roles) measured slower.
    pub fn actor_counts(&self, filter: &EventFilter) -> Result<Vec<ActorStat>> {
        let clause = build_where(filter)?;
        let sql = format!(
            "SELECT e.id, e.fatalities, e.event FROM events e {} ORDER BY e.sort_key",
            clause.sql()
        );
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement
            .query(params_from_iter(&clause.params))
            .map_err(|error| clause.error(error))?;
        let mut actors: Vec<ActorStat> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        while let Some(row) = rows.next().map_err(|error| clause.error(error))? {
            let id: String = row.get(0)?;
            let deaths = count(row.get(1)?);
            let json: String = row.get(2)?;
            let stored: ActorsOnly = from_json(&json, || format!("event {id}"))?;
            let coding = stored.coding;
            let roles = std::iter::once((coding.actor1, 1))
                .chain(coding.actor2.map(|actor| (actor, 2)))
                .chain(coding.assoc_actor_1.into_iter().map(|actor| (actor, 0)))
                .chain(coding.assoc_actor_2.into_iter().map(|actor| (actor, 0)));
            let mut seen: Vec<usize> = Vec::new();
            for (NamedActor { value: actor }, role) in roles {
                let slot = *index.entry(actor.name.clone()).or_insert_with(|| {
                    actors.push(ActorStat {
                        name: actor.name,
                        inter: actor.inter,
                        events: 0,
                        as_actor1: 0,
                        as_actor2: 0,
                        fatalities: 0,
                    });
                    actors.len() - 1
                });
                let Some(entry) = actors.get_mut(slot) else { continue };
                if !seen.contains(&slot) {
                    seen.push(slot);
                    entry.events += 1;
                    entry.fatalities += deaths;
                }
                match role {
                    1 => entry.as_actor1 += 1,
                    2 => entry.as_actor2 += 1,
                    _ => {}
                }
            }
        }
        actors.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
        Ok(actors)
    }
}

/// The actors of a stored event's JSON, the rest skipped.
#[derive(serde::Deserialize)]
struct ActorsOnly {
    coding: ActorRoles,
}

#[derive(serde::Deserialize)]
struct ActorRoles {
    actor1: NamedActor,
    actor2: Option<NamedActor>,
    #[serde(default)]
    assoc_actor_1: Vec<NamedActor>,
    #[serde(default)]
    assoc_actor_2: Vec<NamedActor>,
}

/// A `Field<Actor>` with only its value read.
#[derive(serde::Deserialize)]
struct NamedActor {
    value: Actor,
}
