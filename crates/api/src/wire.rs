//! The API's JSON types, converted by hand from the model (model types are not wire formats).

use serde::Serialize;
use tocsin_export::EventRow;
use tocsin_model::{Event, Extraction, Field, Report};
use tocsin_store::{EventDetail, EventStats, GroupCount, HistoryEntry};

/// One event in a list: the coded fields, flat.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventSummary {
    /// The event's id (`TGO12`).
    pub id: String,
    /// `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// 1 (day) to 3 (month).
    pub time_precision: Option<u8>,
    /// ACLED's disorder type.
    pub disorder_type: String,
    /// ACLED's event type.
    pub event_type: String,
    /// ACLED's sub-event type.
    pub sub_event_type: String,
    /// The main actor.
    pub actor1: String,
    /// Actor 1's inter code.
    pub inter1: u8,
    /// Actors beside actor 1.
    pub assoc_actor_1: Vec<String>,
    /// The second actor.
    pub actor2: Option<String>,
    /// Actor 2's inter code.
    pub inter2: Option<u8>,
    /// Actors beside actor 2.
    pub assoc_actor_2: Vec<String>,
    /// The interaction code.
    pub interaction: u8,
    /// Whether civilians were the target.
    pub civilian_targeting: bool,
    /// Country name.
    pub country: Option<String>,
    /// ISO alpha-2 code.
    pub country_code: Option<String>,
    /// First-level admin unit.
    pub admin1: Option<String>,
    /// Second-level admin unit.
    pub admin2: Option<String>,
    /// Third-level admin unit.
    pub admin3: Option<String>,
    /// The named place.
    pub location: Option<String>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// 1 (town) to 3 (region).
    pub geo_precision: Option<u8>,
    /// The known place whose coordinates stand in for a `location` the gazetteer lacks.
    pub coordinates_of: Option<String>,
    /// Reported deaths.
    pub fatalities: u32,
    /// Overall confidence in `[0, 1]`.
    pub confidence: f32,
    /// How many reports the event rests on.
    pub n_sources: usize,
}

impl EventSummary {
    /// The summary of a stored event.
    pub fn from_event(event: &Event) -> EventSummary {
        let coding = &event.coding;
        let date = coding.date.as_ref().map(|field| field.value);
        let place = coding.place.as_ref().map(|field| &field.value);
        let actor2 = coding.actor2.as_ref().map(|field| &field.value);
        let names = |actors: &[Field<tocsin_model::Actor>]| {
            actors.iter().map(|actor| actor.value.name.clone()).collect()
        };
        EventSummary {
            id: event.id.clone(),
            date: date.map(|date| date.date.format("%Y-%m-%d").to_string()),
            time_precision: date.map(|date| date.precision.code()),
            disorder_type: coding.disorder_type().as_str().to_owned(),
            event_type: coding.event_type().as_str().to_owned(),
            sub_event_type: coding.sub_event_type.value.as_str().to_owned(),
            actor1: coding.actor1.value.name.clone(),
            inter1: coding.actor1.value.inter.code(),
            assoc_actor_1: names(&coding.assoc_actor_1),
            actor2: actor2.map(|actor| actor.name.clone()),
            inter2: actor2.map(|actor| actor.inter.code()),
            assoc_actor_2: names(&coding.assoc_actor_2),
            interaction: coding.interaction(),
            civilian_targeting: coding.civilian_targeting.value,
            country: place.map(|place| place.country.clone()),
            country_code: place.map(|place| place.country_code.clone()),
            admin1: place.and_then(|place| place.admin1.clone()),
            admin2: place.and_then(|place| place.admin2.clone()),
            admin3: place.and_then(|place| place.admin3.clone()),
            location: place.map(|place| place.location.clone()),
            latitude: place.map(|place| place.latitude),
            longitude: place.map(|place| place.longitude),
            geo_precision: place.map(|place| place.geo_precision.code()),
            coordinates_of: place.and_then(|place| place.coordinates_of.clone()),
            fatalities: coding.fatalities.value,
            confidence: coding.confidence,
            n_sources: event.doc_ids().len().max(1),
        }
    }
}

/// A page of events.
#[derive(Debug, Serialize)]
pub struct EventPage {
    /// How many events match the filter in all.
    pub total: u64,
    /// The page size asked for.
    pub limit: usize,
    /// How many matching events come before this page.
    pub offset: usize,
    /// The events.
    pub events: Vec<EventSummary>,
}

/// One event with its fields' evidence, its sources and its history.
#[derive(Debug, Serialize)]
pub struct EventDetailWire {
    /// The coded event.
    pub event: EventSummary,
    /// Each coded field with the words that support it in each source.
    pub fields: Vec<FieldWire>,
    /// The source reports, with their text and highlighted evidence.
    pub sources: Vec<SourceWire>,
    /// What happened to the event, oldest first.
    pub history: Vec<HistoryWire>,
    /// The event this one was merged into, if any.
    pub merged_into: Option<String>,
}

/// One coded field and its evidence.
#[derive(Debug, Serialize)]
pub struct FieldWire {
    /// The field's name (`event_date`, `actor1`, `location`, ... or `event` for the
    /// sentence describing the event).
    pub field: String,
    /// The coded value, as text.
    pub value: Option<String>,
    /// The highest confidence any source gives the field.
    pub confidence: f32,
    /// The supporting words, per source.
    pub evidence: Vec<EvidenceWire>,
}

/// Words of one report that support one field.
#[derive(Debug, Clone, Serialize)]
pub struct EvidenceWire {
    /// The field supported.
    pub field: String,
    /// The report.
    pub report_id: String,
    /// First byte in the report's text (`None` when inferred, with no words).
    pub start: Option<usize>,
    /// One past the last byte.
    pub end: Option<usize>,
    /// `start` in UTF-16 code units, for JavaScript's string indices.
    pub utf16_start: Option<usize>,
    /// `end` in UTF-16 code units.
    pub utf16_end: Option<usize>,
    /// The quoted words.
    pub text: Option<String>,
    /// The source's confidence in the field.
    pub confidence: f32,
}

/// One source report.
#[derive(Debug, Serialize)]
pub struct SourceWire {
    /// The report's id.
    pub report_id: String,
    /// The headline.
    pub title: Option<String>,
    /// The outlet.
    pub source: Option<String>,
    /// Where it was found.
    pub url: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// `en` or `fr`.
    pub language: Option<String>,
    /// The full text (`None` when the report is missing from the store).
    pub text: Option<String>,
    /// This report's evidence for each field, in text order.
    pub evidence: Vec<EvidenceWire>,
}

/// One history entry.
#[derive(Debug, Serialize)]
pub struct HistoryWire {
    /// RFC 3339 time.
    pub timestamp: String,
    /// What changed (`created`, ...).
    pub change: String,
    /// Details.
    pub details: serde_json::Value,
}

impl EventDetailWire {
    /// The detail of a stored event.
    pub fn from_detail(detail: &EventDetail) -> EventDetailWire {
        let reports: Vec<&Report> = detail.reports.iter().collect();
        let row = EventRow::from_event(&detail.event, &reports);
        let evidence: Vec<EvidenceWire> = row
            .evidence
            .iter()
            .map(|evidence| {
                let text = reports
                    .iter()
                    .find(|report| report.id == evidence.doc_id)
                    .map(|report| report.text.as_str());
                let utf16 = |byte: Option<usize>| {
                    let prefix = text.and_then(|text| text.get(..byte?))?;
                    Some(prefix.encode_utf16().count())
                };
                let fits = evidence.text.is_some();
                EvidenceWire {
                    field: evidence.field.clone(),
                    report_id: evidence.doc_id.clone(),
                    start: evidence.start,
                    end: evidence.end,
                    utf16_start: if fits { utf16(evidence.start) } else { None },
                    utf16_end: if fits { utf16(evidence.end) } else { None },
                    text: evidence.text.clone(),
                    confidence: evidence.confidence,
                }
            })
            .collect();
        let fields = field_values(&detail.event.coding)
            .into_iter()
            .map(|(field, value)| {
                let evidence: Vec<EvidenceWire> =
                    evidence.iter().filter(|e| e.field == field).cloned().collect();
                let confidence = evidence.iter().map(|e| e.confidence).fold(0.0_f32, f32::max);
                FieldWire { field: field.to_owned(), value, confidence, evidence }
            })
            .collect();
        let mut source_ids: Vec<String> =
            detail.event.doc_ids().into_iter().map(str::to_owned).collect();
        if source_ids.is_empty() {
            source_ids.push(detail.event.coding.report_id.clone());
        }
        let sources = source_ids
            .into_iter()
            .map(|report_id| {
                let report = reports.iter().find(|report| report.id == report_id);
                let mut own: Vec<EvidenceWire> =
                    evidence.iter().filter(|e| e.report_id == report_id).cloned().collect();
                own.sort_by_key(|e| (e.start.is_none(), e.start, e.end));
                SourceWire {
                    title: report.and_then(|r| r.title.clone()),
                    source: report.and_then(|r| r.source.clone()),
                    url: report.and_then(|r| r.url.clone()),
                    published: report
                        .and_then(|r| r.published)
                        .map(|day| day.format("%Y-%m-%d").to_string()),
                    language: report.and_then(|r| r.language).map(|l| l.code().to_owned()),
                    text: report.map(|r| r.text.clone()),
                    evidence: own,
                    report_id,
                }
            })
            .collect();
        EventDetailWire {
            event: EventSummary::from_event(&detail.event),
            fields,
            sources,
            history: detail.history.iter().map(history).collect(),
            merged_into: detail.merged_into.clone(),
        }
    }
}

fn history(entry: &HistoryEntry) -> HistoryWire {
    HistoryWire {
        timestamp: entry.timestamp.to_rfc3339(),
        change: entry.change.clone(),
        details: entry.details.clone(),
    }
}

/// Each evidenced field of a coding with its value as text, in the order the
/// evidence rows name them.
fn field_values(coding: &Extraction) -> Vec<(&'static str, Option<String>)> {
    let join = |actors: &[Field<tocsin_model::Actor>]| {
        (!actors.is_empty())
            .then(|| actors.iter().map(|a| a.value.name.as_str()).collect::<Vec<_>>().join("; "))
    };
    let place = coding.place.as_ref().map(|field| &field.value);
    let location = place.map(|place| {
        let mut parts = vec![place.location.clone()];
        parts.extend(place.admin1.clone());
        parts.push(place.country.clone());
        parts.dedup();
        parts.join(", ")
    });
    vec![
        ("event", None),
        (
            "event_date",
            coding.date.as_ref().map(|field| field.value.date.format("%Y-%m-%d").to_string()),
        ),
        ("sub_event_type", Some(coding.sub_event_type.value.as_str().to_owned())),
        ("actor1", Some(coding.actor1.value.name.clone())),
        ("assoc_actor_1", join(&coding.assoc_actor_1)),
        ("actor2", coding.actor2.as_ref().map(|field| field.value.name.clone())),
        ("assoc_actor_2", join(&coding.assoc_actor_2)),
        ("civilian_targeting", Some(coding.civilian_targeting.value.to_string())),
        ("location", location),
        ("fatalities", Some(coding.fatalities.value.to_string())),
    ]
}

/// An actor present in the store.
#[derive(Debug, Serialize)]
pub struct ActorCount {
    /// The actor's name.
    pub name: String,
    /// Its inter code.
    pub inter: u8,
    /// Events it takes part in, in any role.
    pub events: u64,
    /// Events where it is actor 1.
    pub as_actor1: u64,
    /// Events where it is actor 2.
    pub as_actor2: u64,
    /// Deaths in its events.
    pub fatalities: u64,
}

/// A place the gazetteer knows.
#[derive(Debug, Serialize)]
pub struct PlaceWire {
    /// The place's name.
    pub name: String,
    /// Country name.
    pub country: String,
    /// ISO alpha-2 code.
    pub country_code: String,
    /// First-level admin unit.
    pub admin1: Option<String>,
    /// Second-level admin unit.
    pub admin2: Option<String>,
    /// WGS84 latitude.
    pub latitude: f64,
    /// WGS84 longitude.
    pub longitude: f64,
    /// GeoNames feature class and code.
    pub feature: String,
    /// Population, 0 when unknown.
    pub population: u32,
    /// Match score, comparable within one answer.
    pub score: f32,
}

/// Counts for a filter.
#[derive(Debug, Default, Serialize)]
pub struct Stats {
    /// Matching events.
    pub events: u64,
    /// Their deaths.
    pub fatalities: u64,
    /// Matching events with no date.
    pub undated: u64,
    /// By ISO week, oldest first.
    pub by_week: Vec<WeekCount>,
    /// By country and admin1, most events first.
    pub by_admin1: Vec<AreaCount>,
    /// By event type, most events first.
    pub by_event_type: Vec<TypeCount>,
}

/// Events in one ISO week.
#[derive(Debug, Serialize)]
pub struct WeekCount {
    /// `2024-W18`.
    pub week: String,
    /// The week's Monday, `YYYY-MM-DD`.
    pub start: String,
    /// The week's Sunday.
    pub end: String,
    /// Events.
    pub events: u64,
    /// Deaths.
    pub fatalities: u64,
}

/// Events in one admin1 unit.
#[derive(Debug, Serialize)]
pub struct AreaCount {
    /// Country name (`None` when unplaced).
    pub country: Option<String>,
    /// The unit (`None` when not known).
    pub admin1: Option<String>,
    /// Events.
    pub events: u64,
    /// Deaths.
    pub fatalities: u64,
}

/// Events of one type.
#[derive(Debug, Serialize)]
pub struct TypeCount {
    /// The event type.
    pub event_type: String,
    /// Events.
    pub events: u64,
    /// Deaths.
    pub fatalities: u64,
}

/// What `POST /api/reports` did.
#[derive(Debug, Serialize)]
pub struct SubmitResult {
    /// Reports received.
    pub reports_received: u64,
    /// Reports stored for the first time.
    pub reports_new: u64,
    /// Reports already stored (nothing changed).
    pub reports_duplicate: u64,
    /// Events created.
    pub events_created: u64,
    /// Reports that joined an existing event (which merging then recoded).
    pub events_joined: u64,
    /// The events created or recoded, as they now stand.
    pub events: Vec<EventSummary>,
    /// What extraction could not resolve.
    pub diagnostics: Vec<String>,
}

impl Stats {
    /// The wire form of the store's counts ([`tocsin_store::Store::stats`]): weeks
    /// oldest first, areas and event types most events first (ties in key order).
    pub fn from_store(counts: EventStats) -> Stats {
        let by_week = counts
            .by_week
            .into_iter()
            .filter_map(|GroupCount { key: (year, week), events, fatalities }| {
                let monday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Mon)?;
                let sunday = chrono::NaiveDate::from_isoywd_opt(year, week, chrono::Weekday::Sun)?;
                Some(WeekCount {
                    week: format!("{year}-W{week:02}"),
                    start: monday.format("%Y-%m-%d").to_string(),
                    end: sunday.format("%Y-%m-%d").to_string(),
                    events,
                    fatalities,
                })
            })
            .collect();
        // The store lists groups in key order; a stable sort keeps it among equals.
        let mut by_admin1: Vec<AreaCount> = counts
            .by_area
            .into_iter()
            .map(|GroupCount { key: (country, admin1), events, fatalities }| AreaCount {
                country,
                admin1,
                events,
                fatalities,
            })
            .collect();
        by_admin1.sort_by_key(|area| std::cmp::Reverse(area.events));
        let mut by_event_type: Vec<TypeCount> = counts
            .by_event_type
            .into_iter()
            .map(|GroupCount { key, events, fatalities }| TypeCount {
                event_type: key,
                events,
                fatalities,
            })
            .collect();
        by_event_type.sort_by_key(|count| std::cmp::Reverse(count.events));
        Stats {
            events: counts.events,
            fatalities: counts.fatalities,
            undated: counts.undated,
            by_week,
            by_admin1,
            by_event_type,
        }
    }
}
