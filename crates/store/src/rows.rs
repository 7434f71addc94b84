//! Rows: how reports and events map onto the tables, both ways.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::{named_params, Connection, OptionalExtension, Row};
use tocsin_model::{Country, Event, Extraction, Language, Report};

use crate::{Error, Result};

/// The ID prefix of events with no known country.
pub(crate) const NO_COUNTRY_PREFIX: &str = "XXX";

/// A timestamp as stored: RFC 3339, UTC, milliseconds.
pub(crate) fn timestamp(time: DateTime<Utc>) -> String {
    time.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// Reads a stored timestamp back.
pub(crate) fn parse_timestamp(text: &str, what: &str) -> Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|time| time.with_timezone(&Utc))
        .map_err(|error| Error::Corrupt { what: what.into(), message: error.to_string() })
}

/// The ID prefix for an event: ISO alpha-3 of its country, or `XXX`.
pub(crate) fn id_prefix(coding: &Extraction) -> &'static str {
    coding
        .place
        .as_ref()
        .and_then(|place| Country::from_code(&place.value.country_code))
        .map_or(NO_COUNTRY_PREFIX, |country| country.alpha3)
}

/// Hands out the next event ID for `prefix` (`TGO1`, `TGO2`, ...); numbers are never reused.
pub(crate) fn allocate_id(connection: &Connection, prefix: &str) -> Result<(String, i64)> {
    let number: i64 = connection
        .prepare_cached(
            "INSERT INTO event_numbers (prefix, last) VALUES (?1, 1)
             ON CONFLICT (prefix) DO UPDATE SET last = last + 1
             RETURNING last",
        )?
        .query_row([prefix], |row| row.get(0))?;
    Ok((format!("{prefix}{number}"), number))
}

/// Makes every number of `extraction` representable in JSON (which has no NaN or
/// infinity): non-finite confidences become 0, a place with non-finite coordinates is
/// dropped, and a non-finite border distance is forgotten.
pub(crate) fn make_storable(extraction: &mut Extraction) {
    fn fix(confidence: &mut f32) {
        if !confidence.is_finite() {
            *confidence = 0.0;
        }
    }
    fix(&mut extraction.confidence);
    fix(&mut extraction.sub_event_type.confidence);
    fix(&mut extraction.actor1.confidence);
    fix(&mut extraction.civilian_targeting.confidence);
    fix(&mut extraction.fatalities.confidence);
    if let Some(date) = &mut extraction.date {
        fix(&mut date.confidence);
    }
    for actor in extraction
        .assoc_actor_1
        .iter_mut()
        .chain(extraction.actor2.iter_mut())
        .chain(extraction.assoc_actor_2.iter_mut())
    {
        fix(&mut actor.confidence);
    }
    if let Some(place) = &mut extraction.place {
        fix(&mut place.confidence);
        if place.value.border_distance_km.is_some_and(|km| !km.is_finite()) {
            place.value.border_distance_km = None;
        }
    }
    if extraction.place.as_ref().is_some_and(|place| {
        !(place.value.latitude.is_finite() && place.value.longitude.is_finite())
    }) {
        extraction.place = None;
    }
}

/// The key events sort by: date (undated first, as the earliest), then prefix, then number.
fn sort_key(date: Option<NaiveDate>, prefix: &str, number: i64) -> String {
    match date {
        Some(date) => format!("{date} {prefix} {number:012}"),
        None => format!("0000-00-00 {prefix} {number:012}"),
    }
}

/// What `events.event` holds: the event without its sources, which live in
/// `event_sources` alone.
#[derive(serde::Serialize)]
struct StoredEventRef<'a> {
    id: &'a str,
    coding: &'a Extraction,
}

/// [`StoredEventRef`], read back.
#[derive(serde::Deserialize)]
struct StoredEvent {
    id: String,
    coding: Extraction,
}

/// The columns that make an [`Event`] in a query over `events e`: id, coding JSON, and
/// the sources as one JSON array in source order.
pub(crate) const EVENT_COLUMNS: &str = "e.id, e.event,
    (SELECT '[' || group_concat(s.extraction, ',' ORDER BY s.position) || ']'
     FROM event_sources s WHERE s.event_id = e.id)";

/// An [`Event`] from the three [`EVENT_COLUMNS`].
pub(crate) fn event_from_row(row: &Row<'_>) -> Result<Event> {
    let id: String = row.get(0)?;
    let json: String = row.get(1)?;
    let sources: Option<String> = row.get(2)?;
    let stored: StoredEvent = from_json(&json, || format!("event {id}"))?;
    let sources = match sources {
        Some(sources) => from_json(&sources, || format!("sources of event {id}"))?,
        None => Vec::new(),
    };
    Ok(Event { id: stored.id, coding: stored.coding, sources })
}

/// Every actor name of an event, lowercase, one per line: what the actor filter searches.
fn actors_search(coding: &Extraction) -> String {
    let mut names = vec![coding.actor1.value.name.to_lowercase()];
    names.extend(coding.actor2.iter().map(|actor| actor.value.name.to_lowercase()));
    for actor in coding.assoc_actor_1.iter().chain(&coding.assoc_actor_2) {
        names.push(actor.value.name.to_lowercase());
    }
    names.join("\n")
}

/// JSON for a value, or [`Error::Encode`] naming it.
pub(crate) fn to_json<T: serde::Serialize>(
    value: &T,
    what: impl FnOnce() -> String,
) -> Result<String> {
    serde_json::to_string(value).map_err(|source| Error::Encode { what: what(), source })
}

/// A value from stored JSON, or [`Error::Corrupt`] naming it.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    json: &str,
    what: impl FnOnce() -> String,
) -> Result<T> {
    serde_json::from_str(json)
        .map_err(|error| Error::Corrupt { what: what(), message: error.to_string() })
}

/// Inserts a report under `id`.
pub(crate) fn insert_report(
    connection: &Connection,
    report: &Report,
    id: &str,
    content_hash: &str,
    now: &str,
) -> Result<()> {
    connection
        .prepare_cached(
            "INSERT INTO reports (id, content_hash, text, title, published, source, url, language, ingested_at)
             VALUES (:id, :hash, :text, :title, :published, :source, :url, :language, :now)",
        )?
        .execute(named_params! {
            ":id": id,
            ":hash": content_hash,
            ":text": report.text,
            ":title": report.title,
            ":published": report.published.map(|date| date.to_string()),
            ":source": report.source,
            ":url": report.url,
            ":language": report.language.map(Language::code),
            ":now": now,
        })?;
    Ok(())
}

/// The highest report key so far (0 for none).
pub(crate) fn last_report_key(connection: &Connection) -> Result<i64> {
    Ok(connection
        .prepare_cached("SELECT coalesce(max(key), 0) FROM reports")?
        .query_row([], |row| row.get(0))?)
}

/// Adds every report with a key above `last_key` to the full-text index, in one
/// statement (see schema version 2 for why not one by one).
pub(crate) fn index_reports_after(connection: &Connection, last_key: i64) -> Result<()> {
    connection
        .prepare_cached(
            "INSERT INTO reports_fts (rowid, title, text)
             SELECT key, title, text FROM reports WHERE key > ?1",
        )?
        .execute([last_key])?;
    Ok(())
}

/// The columns of `reports` that make a [`Report`], in this order.
pub(crate) const REPORT_COLUMNS: &str = "id, text, title, published, source, url, language";

/// A [`Report`] from a row of [`REPORT_COLUMNS`].
pub(crate) fn report_from_row(row: &Row<'_>) -> rusqlite::Result<(Report, Option<String>)> {
    let published: Option<String> = row.get(3)?;
    let language: Option<String> = row.get(6)?;
    let report = Report {
        id: row.get(0)?,
        text: row.get(1)?,
        title: row.get(2)?,
        published: published.as_deref().and_then(|text| text.parse().ok()),
        source: row.get(4)?,
        url: row.get(5)?,
        language: language.as_deref().and_then(Language::from_code),
    };
    // The raw date comes back too, so a value that no longer parses is reported, not lost.
    let bad_date = published.filter(|_| report.published.is_none());
    Ok((report, bad_date))
}

/// The id of the stored report with this content hash, if any.
pub(crate) fn report_id_by_hash(
    connection: &Connection,
    content_hash: &str,
) -> Result<Option<String>> {
    Ok(connection
        .prepare_cached("SELECT id FROM reports WHERE content_hash = ?1")?
        .query_row([content_hash], |row| row.get(0))
        .optional()?)
}

/// Whether a report with this id is stored.
pub(crate) fn report_id_taken(connection: &Connection, id: &str) -> Result<bool> {
    Ok(connection
        .prepare_cached("SELECT 1 FROM reports WHERE id = ?1")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Stores a new event built from one extraction: the events row, its point in the
/// R*Tree, its source and a `created` history entry. Returns the new event.
pub(crate) fn create_event(
    connection: &Connection,
    extraction: Extraction,
    now: &str,
) -> Result<Event> {
    let prefix = id_prefix(&extraction);
    let (id, number) = allocate_id(connection, prefix)?;
    let event = Event { id, coding: extraction.clone(), sources: vec![extraction] };
    let key = write_event_row(connection, &event, None, prefix, number, now)?;
    set_point(connection, key, &event)?;
    insert_source(connection, &event, 0, now)?;
    let details = serde_json::json!({ "report_ids": event.doc_ids() });
    insert_history(connection, &event.id, now, "created", &details)?;
    Ok(event)
}

/// Adds `extraction` as a new source of the live event `event_id`, recoded as `coding`,
/// with a `source_added` history entry that keeps the previous coding. The event keeps
/// its ID even when the new coding moves it to another country.
pub(crate) fn join_event(
    connection: &Connection,
    event_id: &str,
    extraction: Extraction,
    coding: Extraction,
    now: &str,
) -> Result<Event> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, e.key, e.prefix, e.number FROM events e
         WHERE e.id = ?1 AND e.merged_into IS NULL"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let mut rows = statement.query([event_id])?;
    let Some(row) = rows.next()? else {
        return Err(Error::UnknownEvent(event_id.to_owned()));
    };
    let mut event = event_from_row(row)?;
    let (key, prefix, number): (i64, String, i64) = (row.get(3)?, row.get(4)?, row.get(5)?);
    drop(rows);
    let details = serde_json::json!({
        "report_id": extraction.report_id,
        "previous_coding": event.coding,
    });
    event.coding = coding;
    event.sources.push(extraction);
    write_event_row(connection, &event, Some(key), &prefix, number, now)?;
    set_point(connection, key, &event)?;
    // After an analyst's split the stored positions may have gaps: append after the last.
    let position: i64 = connection
        .prepare_cached(
            "SELECT coalesce(max(position), -1) + 1 FROM event_sources WHERE event_id = ?1",
        )?
        .query_row([&event.id], |row| row.get(0))?;
    if let Some(source) = event.sources.last() {
        let json = to_json(source, || format!("a source of event {}", event.id))?;
        connection
            .prepare_cached(
                "INSERT INTO event_sources (event_id, position, report_id, extraction, added_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(rusqlite::params![event.id, position, source.report_id, json, now])?;
    }
    insert_history(connection, &event.id, now, "source_added", &details)?;
    Ok(event)
}

/// Puts the event's point in the R*Tree (replacing any earlier one).
pub(crate) fn set_point(connection: &Connection, key: i64, event: &Event) -> Result<()> {
    connection.prepare_cached("DELETE FROM events_rtree WHERE key = ?1")?.execute([key])?;
    if let Some(place) = &event.coding.place {
        let (lat, lon) = (place.value.latitude, place.value.longitude);
        if lat.is_finite() && lon.is_finite() {
            connection
                .prepare_cached(
                    "INSERT INTO events_rtree (key, min_lat, max_lat, min_lon, max_lon)
                     VALUES (?1, ?2, ?2, ?3, ?3)",
                )?
                .execute(rusqlite::params![key, lat, lon])?;
        }
    }
    Ok(())
}

/// Stores `event.sources[position]` in `event_sources`.
pub(crate) fn insert_source(
    connection: &Connection,
    event: &Event,
    position: usize,
    now: &str,
) -> Result<()> {
    let Some(source) = event.sources.get(position) else { return Ok(()) };
    let json = to_json(source, || format!("a source of event {}", event.id))?;
    connection
        .prepare_cached(
            "INSERT INTO event_sources (event_id, position, report_id, extraction, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(rusqlite::params![event.id, position as i64, source.report_id, json, now])?;
    Ok(())
}

/// Appends an entry to an event's history.
pub(crate) fn insert_history(
    connection: &Connection,
    event_id: &str,
    now: &str,
    change: &str,
    details: &serde_json::Value,
) -> Result<()> {
    connection
        .prepare_cached(
            "INSERT INTO event_history (event_id, timestamp, change, details) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(rusqlite::params![event_id, now, change, details.to_string()])?;
    Ok(())
}

/// Inserts (`key` `None`) or rewrites the `events` row of an event; returns its key.
pub(crate) fn write_event_row(
    connection: &Connection,
    event: &Event,
    key: Option<i64>,
    prefix: &str,
    number: i64,
    now: &str,
) -> Result<i64> {
    let coding = &event.coding;
    let date = coding.date.as_ref().map(|date| date.value);
    let place = coding.place.as_ref().map(|place| &place.value);
    let stored = StoredEventRef { id: &event.id, coding };
    let json = to_json(&stored, || format!("event {}", event.id))?;
    let sort_key = sort_key(date.map(|date| date.date), prefix, number);
    let date_text = date.map(|date| date.date.to_string());
    let time_precision = date.map(|date| date.precision.code());
    let country_code = place.map(|place| place.country_code.to_ascii_uppercase());
    let actors_search = actors_search(coding);
    let latitude = place.map(|place| place.latitude).filter(|lat| lat.is_finite());
    let longitude = place.map(|place| place.longitude).filter(|lon| lon.is_finite());
    let confidence = Some(f64::from(coding.confidence)).filter(|c| c.is_finite()).unwrap_or(0.0);
    let coding_params: [(&str, &dyn rusqlite::ToSql); 21] = [
        (":sort_key", &sort_key),
        (":date", &date_text),
        (":time_precision", &time_precision),
        (":country", &place.map(|place| place.country.as_str())),
        (":country_code", &country_code),
        (":admin1", &place.and_then(|place| place.admin1.as_deref())),
        (":admin2", &place.and_then(|place| place.admin2.as_deref())),
        (":admin3", &place.and_then(|place| place.admin3.as_deref())),
        (":location", &place.map(|place| place.location.as_str())),
        (":disorder_type", &coding.disorder_type().as_str()),
        (":event_type", &coding.event_type().as_str()),
        (":sub_event_type", &coding.sub_event_type.value.as_str()),
        (":actor1", &coding.actor1.value.name),
        (":actor2", &coding.actor2.as_ref().map(|actor| actor.value.name.as_str())),
        (":actors_search", &actors_search),
        (":fatalities", &coding.fatalities.value),
        (":latitude", &latitude),
        (":longitude", &longitude),
        (":confidence", &confidence),
        (":now", &now),
        (":event", &json),
    ];
    match key {
        None => {
            let mut params = coding_params.to_vec();
            params.extend([
                (":id", &event.id as &dyn rusqlite::ToSql),
                (":prefix", &prefix),
                (":number", &number),
            ]);
            connection
                .prepare_cached(
                    "INSERT INTO events (id, prefix, number, sort_key, date, time_precision,
                        country, country_code, admin1, admin2, admin3, location, disorder_type,
                        event_type, sub_event_type, actor1, actor2, actors_search, fatalities,
                        latitude, longitude, confidence, created_at, updated_at, event)
                     VALUES (:id, :prefix, :number, :sort_key, :date, :time_precision,
                        :country, :country_code, :admin1, :admin2, :admin3, :location,
                        :disorder_type, :event_type, :sub_event_type, :actor1, :actor2,
                        :actors_search, :fatalities, :latitude, :longitude, :confidence,
                        :now, :now, :event)",
                )?
                .execute(params.as_slice())?;
            Ok(connection.last_insert_rowid())
        }
        Some(key) => {
            let mut params = coding_params.to_vec();
            params.push((":key", &key));
            connection
                .prepare_cached(
                    "UPDATE events SET sort_key = :sort_key, date = :date,
                        time_precision = :time_precision, country = :country,
                        country_code = :country_code, admin1 = :admin1, admin2 = :admin2,
                        admin3 = :admin3, location = :location, disorder_type = :disorder_type,
                        event_type = :event_type, sub_event_type = :sub_event_type,
                        actor1 = :actor1, actor2 = :actor2, actors_search = :actors_search,
                        fatalities = :fatalities, latitude = :latitude, longitude = :longitude,
                        confidence = :confidence, updated_at = :now, event = :event
                     WHERE key = :key",
                )?
                .execute(params.as_slice())?;
            Ok(key)
        }
    }
}

/// A live event with the numbers its row needs to be rewritten: key, prefix, number.
pub(crate) struct LiveEvent {
    /// The event.
    pub event: Event,
    /// Its `events.key`.
    pub key: i64,
    /// Its ID prefix.
    pub prefix: String,
    /// Its number within the prefix.
    pub number: i64,
}

/// The live (not merged away) event `event_id`, or [`Error::UnknownEvent`].
pub(crate) fn live_event(connection: &Connection, event_id: &str) -> Result<LiveEvent> {
    let sql = format!(
        "SELECT {EVENT_COLUMNS}, e.key, e.prefix, e.number FROM events e
         WHERE e.id = ?1 AND e.merged_into IS NULL"
    );
    let mut statement = connection.prepare_cached(&sql)?;
    let mut rows = statement.query([event_id])?;
    let Some(row) = rows.next()? else {
        return Err(Error::UnknownEvent(event_id.to_owned()));
    };
    let event = event_from_row(row)?;
    Ok(LiveEvent { event, key: row.get(3)?, prefix: row.get(4)?, number: row.get(5)? })
}
