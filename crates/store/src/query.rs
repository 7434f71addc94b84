//! Queries: events by filter, one event in detail, reports, export iteration.

use std::collections::VecDeque;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use tocsin_model::{Country, Event, EventType, Report, SubEventType};

use crate::fts::fts_query;
use crate::rows::{self, from_json, parse_timestamp};
use crate::{Error, Result, Store};

/// Which events to return, and in what order. Every field left `None` matches all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventFilter {
    /// Events on or after this day.
    pub start: Option<NaiveDate>,
    /// Events on or before this day.
    pub end: Option<NaiveDate>,
    /// Country: ISO alpha-2 or alpha-3 code, or the name as stored (any case).
    pub country: Option<String>,
    /// First-level admin unit, exact name, ASCII case ignored.
    pub admin1: Option<String>,
    /// Second-level admin unit, exact name, ASCII case ignored.
    pub admin2: Option<String>,
    /// Event type.
    pub event_type: Option<EventType>,
    /// Sub-event type.
    pub sub_event_type: Option<SubEventType>,
    /// Part of the name of actor 1, actor 2 or an associated actor, any case.
    pub actor: Option<String>,
    /// Any of these strings is part of the name of actor 1, actor 2 or an associated
    /// actor, any case (an actor and its sub-groups, say); empty matches all. Combines
    /// with `actor` by AND.
    pub actors: Vec<String>,
    /// Words that a source report of the event must contain (title or text). Accents
    /// and case are ignored; `"phrases"`, `prefix*` and `OR` are understood, and any
    /// other syntax is read as a separator.
    pub text: Option<String>,
    /// At least this many fatalities.
    pub min_fatalities: Option<u32>,
    /// At most this many fatalities.
    pub max_fatalities: Option<u32>,
    /// Only events with coordinates inside this box.
    pub bbox: Option<BBox>,
    /// At most this many events ([`Store::events`] only).
    pub limit: Option<usize>,
    /// Skip this many events first ([`Store::events`] only).
    pub offset: usize,
    /// The order ([`Store::events`] only; [`Store::iter_events`] always goes by date then id).
    pub sort: Sort,
}

/// A bounding box in WGS84 degrees. A box with `west > east` crosses the antimeridian.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    /// Western longitude.
    pub west: f64,
    /// Southern latitude.
    pub south: f64,
    /// Eastern longitude.
    pub east: f64,
    /// Northern latitude.
    pub north: f64,
}

impl FromStr for BBox {
    type Err = Error;

    /// Parses `west,south,east,north`.
    fn from_str(text: &str) -> Result<BBox> {
        let numbers: Vec<f64> = text
            .split(',')
            .map(|part| part.trim().parse::<f64>())
            .collect::<std::result::Result<_, _>>()
            .map_err(|_| bad_bbox(text))?;
        match numbers.as_slice() {
            [west, south, east, north] => {
                Ok(BBox { west: *west, south: *south, east: *east, north: *north })
            }
            _ => Err(bad_bbox(text)),
        }
    }
}

fn bad_bbox(text: &str) -> Error {
    Error::InvalidFilter(format!("bounding box {text:?} is not four numbers west,south,east,north"))
}

/// The order of [`Store::events`]. Ties go by date, then ID.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest event date first (undated events last).
    #[default]
    DateDesc,
    /// Oldest event date first (undated events first: they count as the earliest).
    DateAsc,
    /// Most fatalities first.
    FatalitiesDesc,
    /// Most recently stored first.
    Stored,
}

impl FromStr for Sort {
    type Err = Error;

    /// Parses `date`/`-date` (newest first), `+date` (oldest first), `fatalities` or `stored`.
    fn from_str(text: &str) -> Result<Sort> {
        match text.trim().to_ascii_lowercase().as_str() {
            "date" | "-date" | "date-desc" | "newest" => Ok(Sort::DateDesc),
            "+date" | "date-asc" | "oldest" => Ok(Sort::DateAsc),
            "fatalities" | "-fatalities" | "fatalities-desc" => Ok(Sort::FatalitiesDesc),
            "stored" | "recent" | "ingested" => Ok(Sort::Stored),
            _ => Err(Error::InvalidFilter(format!(
                "unknown sort {text:?}: use date, +date, fatalities or stored"
            ))),
        }
    }
}

/// One event with everything behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventDetail {
    /// The event.
    pub event: Event,
    /// Its source reports, in source order, each once.
    pub reports: Vec<Report>,
    /// What happened to it, oldest first.
    pub history: Vec<HistoryEntry>,
    /// The event this one was merged into, if merging retired it.
    pub merged_into: Option<String>,
}

impl EventDetail {
    /// The lowest and highest fatality figures the event's sources state, when they
    /// disagree: the coding gives the lowest (codebook 8), and this is the dispute to note.
    /// A source that does not mention deaths (no span) does not count.
    pub fn fatality_range(&self) -> Option<(u32, u32)> {
        let mut stated = self
            .event
            .sources
            .iter()
            .filter(|source| source.fatalities.span.is_some())
            .map(|source| source.fatalities.value);
        let first = stated.next()?;
        let (low, high) = stated.fold((first, first), |(low, high), n| (low.min(n), high.max(n)));
        (low != high).then_some((low, high))
    }
}

/// One change in an event's life.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// When.
    pub timestamp: DateTime<Utc>,
    /// What: `created`, `source_added`, `merged` (absorbed another event),
    /// `merged_into` (absorbed by another), `split` (a report left for a new event).
    pub change: String,
    /// The change's details (for `created`: `{"report_ids": [...]}`).
    pub details: serde_json::Value,
}

/// How much a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    /// Stored reports.
    pub reports: u64,
    /// Live events (not merged into another).
    pub events: u64,
}

/// A `WHERE` clause and its parameters.
#[derive(Debug, Clone, Default)]
pub(crate) struct Where {
    conditions: Vec<String>,
    pub(crate) params: Vec<Value>,
    /// The user's text query, when there is one, to name it in errors.
    text: Option<String>,
}

impl Where {
    fn add(&mut self, condition: &str, params: impl IntoIterator<Item = Value>) {
        self.conditions.push(condition.to_owned());
        self.params.extend(params);
    }

    pub(crate) fn sql(&self) -> String {
        if self.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", self.conditions.join(" AND "))
        }
    }

    /// Maps an FTS5 error to [`Error::InvalidQuery`] naming the user's text.
    pub(crate) fn error(&self, error: rusqlite::Error) -> Error {
        match &self.text {
            Some(query) if error.to_string().contains("fts5") => {
                Error::InvalidQuery { query: query.clone(), message: error.to_string() }
            }
            _ => Error::Sqlite(error),
        }
    }
}

fn text_value(text: &str) -> Value {
    Value::Text(text.to_owned())
}

/// The `WHERE` clause over `events e` for `filter`.
pub(crate) fn build_where(filter: &EventFilter) -> Result<Where> {
    let mut clause = Where::default();
    clause.add("e.merged_into IS NULL", []);
    if let Some(start) = filter.start {
        clause.add("e.date >= ?", [Value::Text(start.to_string())]);
    }
    if let Some(end) = filter.end {
        clause.add("e.date <= ?", [Value::Text(end.to_string())]);
    }
    if let Some(country) = filter.country.as_deref().map(str::trim) {
        match Country::from_code(country) {
            Some(code) => clause.add("e.country_code = ?", [text_value(code.alpha2)]),
            None => clause.add("e.country = ? COLLATE NOCASE", [text_value(country)]),
        }
    }
    if let Some(admin1) = &filter.admin1 {
        clause.add("e.admin1 = ? COLLATE NOCASE", [text_value(admin1.trim())]);
    }
    if let Some(admin2) = &filter.admin2 {
        clause.add("e.admin2 = ? COLLATE NOCASE", [text_value(admin2.trim())]);
    }
    if let Some(event_type) = filter.event_type {
        clause.add("e.event_type = ?", [text_value(event_type.as_str())]);
    }
    if let Some(sub_event_type) = filter.sub_event_type {
        clause.add("e.sub_event_type = ?", [text_value(sub_event_type.as_str())]);
    }
    if let Some(actor) = &filter.actor {
        clause.add("instr(e.actors_search, ?) > 0", [Value::Text(actor.trim().to_lowercase())]);
    }
    if !filter.actors.is_empty() {
        // `actors_search` holds one lowercase name per line: a string with a line break
        // cannot be part of one name, and matches none.
        let names: Vec<Value> = filter
            .actors
            .iter()
            .map(|name| name.to_lowercase())
            .filter(|name| !name.contains('\n'))
            .map(Value::Text)
            .collect();
        if names.is_empty() {
            clause.add("0", []);
        } else {
            let tests = vec!["instr(e.actors_search, ?) > 0"; names.len()].join(" OR ");
            clause.add(&format!("({tests})"), names);
        }
    }
    if let Some(text) = &filter.text {
        let query = fts_query(text)?;
        clause.add(
            "e.id IN (SELECT s.event_id FROM reports_fts
                JOIN reports r ON r.key = reports_fts.rowid
                JOIN event_sources s ON s.report_id = r.id
                WHERE reports_fts MATCH ?)",
            [Value::Text(query)],
        );
        clause.text = Some(text.clone());
    }
    if let Some(min) = filter.min_fatalities {
        clause.add("e.fatalities >= ?", [Value::Integer(i64::from(min))]);
    }
    if let Some(max) = filter.max_fatalities {
        clause.add("e.fatalities <= ?", [Value::Integer(i64::from(max))]);
    }
    if let Some(bbox) = filter.bbox {
        let finite = [bbox.west, bbox.south, bbox.east, bbox.north].iter().all(|x| x.is_finite());
        if !finite || bbox.south > bbox.north {
            return Err(Error::InvalidFilter(format!(
                "bounding box {bbox:?} needs finite numbers and south <= north"
            )));
        }
        if filter.start.is_some() && filter.end.is_some() {
            // A date window selects fewer rows through the date indexes than the box does
            // through the R*Tree once the store spans years (the R*Tree's matches would be
            // listed in full): test the event's own point instead.
            let longitude_test = if bbox.west <= bbox.east {
                "e.longitude BETWEEN ? AND ?"
            } else {
                "(e.longitude >= ? OR e.longitude <= ?)"
            };
            clause.add(
                &format!("e.latitude BETWEEN ? AND ? AND {longitude_test}"),
                [bbox.south, bbox.north, bbox.west, bbox.east].map(Value::Real),
            );
        } else {
            let latitudes = [Value::Real(bbox.north), Value::Real(bbox.south)];
            let longitudes = [Value::Real(bbox.east), Value::Real(bbox.west)];
            let longitude_test = if bbox.west <= bbox.east {
                "min_lon <= ? AND max_lon >= ?"
            } else {
                "(min_lon <= ? OR max_lon >= ?)"
            };
            clause.add(
                &format!(
                    "e.key IN (SELECT key FROM events_rtree WHERE min_lat <= ? AND max_lat >= ?
                    AND {longitude_test})"
                ),
                latitudes.into_iter().chain(longitudes),
            );
        }
    }
    Ok(clause)
}

impl Store {
    /// The events matching `filter`, in its order, within its limit and offset.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<Event>> {
        select_events(&self.connection, filter)
    }

    /// How many events match `filter` (its limit and offset ignored).
    pub fn count(&self, filter: &EventFilter) -> Result<u64> {
        let clause = build_where(filter)?;
        let sql = format!("SELECT count(*) FROM events e {}", clause.sql());
        let count: i64 = self
            .connection
            .query_row(&sql, params_from_iter(&clause.params), |row| row.get(0))
            .map_err(|error| clause.error(error))?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Every event matching `filter` (limit, offset and sort ignored), ordered by date
    /// (undated first) then ID, fetched a page at a time so memory stays flat however
    /// many there are. The filter runs once, here (so a bad text query fails here): the
    /// iterator holds the matching keys (8 bytes per event) and reads the events a page
    /// at a time. Events stored while iterating are not seen.
    pub fn iter_events(&self, filter: &EventFilter) -> Result<EventIter<'_>> {
        let clause = build_where(filter)?;
        let sql = format!("SELECT e.key FROM events e {} ORDER BY e.sort_key", clause.sql());
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut rows = statement
            .query(params_from_iter(&clause.params))
            .map_err(|error| clause.error(error))?;
        let mut keys = Vec::new();
        while let Some(row) = rows.next().map_err(|error| clause.error(error))? {
            keys.push(row.get::<_, i64>(0)?);
        }
        Ok(EventIter { store: self, keys, next_key: 0, page: VecDeque::new() })
    }

    /// One event with its source reports and history, or `None` if no event has this ID.
    pub fn event(&self, id: &str) -> Result<Option<EventDetail>> {
        let sql =
            format!("SELECT {}, e.merged_into FROM events e WHERE e.id = ?1", rows::EVENT_COLUMNS);
        let mut statement = self.connection.prepare_cached(&sql)?;
        let mut found = statement.query([id])?;
        let Some(row) = found.next()? else { return Ok(None) };
        let event = rows::event_from_row(row)?;
        let merged_into: Option<String> = row.get(3)?;
        drop(found);

        let mut statement = self.connection.prepare_cached(&format!(
            "SELECT {} FROM reports WHERE id IN
                (SELECT report_id FROM event_sources WHERE event_id = ?1)",
            rows::REPORT_COLUMNS
        ))?;
        let mut stored: Vec<Report> = Vec::new();
        for row in statement.query_map([id], rows::report_from_row)? {
            stored.push(row?.0);
        }
        // Source order, each report once.
        let mut reports = Vec::with_capacity(stored.len());
        for report_id in event.doc_ids() {
            if let Some(index) = stored.iter().position(|report| report.id == report_id) {
                reports.push(stored.swap_remove(index));
            }
        }

        let mut history = Vec::new();
        let mut statement = self.connection.prepare_cached(
            "SELECT timestamp, change, details FROM event_history WHERE event_id = ?1 ORDER BY key",
        )?;
        let mut rows = statement.query([id])?;
        while let Some(row) = rows.next()? {
            let timestamp: String = row.get(0)?;
            let details: String = row.get(2)?;
            history.push(HistoryEntry {
                timestamp: parse_timestamp(&timestamp, &format!("history of event {id}"))?,
                change: row.get(1)?,
                details: from_json(&details, || format!("history of event {id}"))?,
            });
        }
        Ok(Some(EventDetail { event, reports, history, merged_into }))
    }

    /// The stored report with this id.
    pub fn report(&self, id: &str) -> Result<Option<Report>> {
        let sql = format!("SELECT {} FROM reports WHERE id = ?1", rows::REPORT_COLUMNS);
        let row = self.connection.query_row(&sql, [id], rows::report_from_row).optional()?;
        match row {
            None => Ok(None),
            Some((_, Some(bad_date))) => Err(Error::Corrupt {
                what: format!("report {id}"),
                message: format!("published date {bad_date:?} is not YYYY-MM-DD"),
            }),
            Some((report, None)) => Ok(Some(report)),
        }
    }

    /// How many reports and live events the store holds.
    pub fn totals(&self) -> Result<Totals> {
        let (reports, events): (i64, i64) = self.connection.query_row(
            "SELECT (SELECT count(*) FROM reports),
                    (SELECT count(*) FROM events WHERE merged_into IS NULL)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(Totals {
            reports: u64::try_from(reports).unwrap_or(0),
            events: u64::try_from(events).unwrap_or(0),
        })
    }
}

/// The events matching `filter` on `connection` (which may be inside a transaction).
pub(crate) fn select_events(connection: &Connection, filter: &EventFilter) -> Result<Vec<Event>> {
    let clause = build_where(filter)?;
    let order = match filter.sort {
        Sort::DateDesc => "e.sort_key DESC",
        Sort::DateAsc => "e.sort_key",
        Sort::FatalitiesDesc => "e.fatalities DESC, e.sort_key DESC",
        Sort::Stored => "e.key DESC",
    };
    let limit = filter.limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let offset = i64::try_from(filter.offset).unwrap_or(i64::MAX);
    // The page's keys first (from the covering indexes when the filter allows), then
    // the rows of those keys alone: sorting the full rows of every match, with their
    // sources, cost most of a filtered page. Every order is total, so both agree.
    let sql = format!(
        "SELECT {} FROM events e WHERE e.key IN
            (SELECT e.key FROM events e {} ORDER BY {order} LIMIT {limit} OFFSET {offset})
         ORDER BY {order}",
        rows::EVENT_COLUMNS,
        clause.sql()
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let mut rows =
        statement.query(params_from_iter(&clause.params)).map_err(|error| clause.error(error))?;
    let mut events = Vec::new();
    while let Some(row) = rows.next().map_err(|error| clause.error(error))? {
        events.push(rows::event_from_row(row)?);
    }
    Ok(events)
}

/// Events one page at a time, by date then ID; made by [`Store::iter_events`].
#[derive(Debug)]
pub struct EventIter<'a> {
    store: &'a Store,
    /// The keys of every matching event, in order.
    keys: Vec<i64>,
    /// The index in `keys` of the first event not yet fetched.
    next_key: usize,
    page: VecDeque<Event>,
}

/// How many events one page holds.
const PAGE_SIZE: usize = 1000;

impl EventIter<'_> {
    /// How many events the filter matched (handed out or not).
    pub fn total(&self) -> usize {
        self.keys.len()
    }

    /// Fetches the next page into `self.page`.
    fn fetch(&mut self) -> Result<()> {
        let end = (self.next_key + PAGE_SIZE).min(self.keys.len());
        let keys = self.keys.get(self.next_key..end).unwrap_or(&[]);
        self.next_key = end;
        let key_list = rows::to_json(&keys, || "a page of event keys".into())?;
        let sql = format!(
            "SELECT {} FROM events e WHERE e.key IN (SELECT value FROM json_each(?1))
             ORDER BY e.sort_key",
            rows::EVENT_COLUMNS
        );
        let mut statement = self.store.connection.prepare_cached(&sql)?;
        let mut rows = statement.query([key_list])?;
        while let Some(row) = rows.next()? {
            self.page.push_back(rows::event_from_row(row)?);
        }
        Ok(())
    }
}

impl Iterator for EventIter<'_> {
    type Item = Result<Event>;

    fn next(&mut self) -> Option<Result<Event>> {
        while self.page.is_empty() && self.next_key < self.keys.len() {
            if let Err(error) = self.fetch() {
                self.next_key = self.keys.len();
                return Some(Err(error));
            }
        }
        self.page.pop_front().map(Ok)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let remaining = self.page.len() + (self.keys.len() - self.next_key);
        (0, Some(remaining))
    }
}
