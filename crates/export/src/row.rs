//! The wire row: one event in ACLED's columns, converted by hand from the model.

use serde::{Deserialize, Serialize};
use tocsin_model::{Event, Extraction, Field, Report, Span};

/// The value ACLED writes in `civilian_targeting` when civilians were the target.
pub const CIVILIAN_TARGETING: &str = "Civilian targeting";

/// How long a generated `notes` text may be, in characters.
const NOTES_MAX_CHARS: usize = 500;

/// One event as the exports write it: ACLED's columns plus tocsin's evidence.
///
/// Field names are those of ACLED's export and of the evaluation kit's prediction
/// format. Blank values are `None` (JSON `null`, an empty CSV cell).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRow {
    /// The stored event's id (`TGO12`); absent for stateless extraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_id_cnty: Option<String>,
    /// `YYYY-MM-DD`.
    pub event_date: Option<String>,
    /// The event's year.
    pub year: Option<i32>,
    /// 1 to 3.
    pub time_precision: Option<u8>,
    /// ACLED's disorder type.
    pub disorder_type: String,
    /// ACLED's event type.
    pub event_type: String,
    /// ACLED's sub-event type.
    pub sub_event_type: String,
    /// The main actor.
    pub actor1: String,
    /// Actors beside actor 1.
    pub assoc_actor_1: Vec<String>,
    /// Actor 1's type.
    pub inter1: u8,
    /// The second actor.
    pub actor2: Option<String>,
    /// Actors beside actor 2.
    pub assoc_actor_2: Vec<String>,
    /// Actor 2's type; 0 when there is no second actor, as in ACLED's exports.
    pub inter2: u8,
    /// The interaction code.
    pub interaction: u8,
    /// [`CIVILIAN_TARGETING`] or blank.
    pub civilian_targeting: String,
    /// ISO 3166-1 numeric code of the country.
    pub iso: Option<u16>,
    /// ACLED-style world region.
    pub region: Option<String>,
    /// Country name.
    pub country: Option<String>,
    /// First-level administrative unit.
    pub admin1: Option<String>,
    /// Second-level administrative unit.
    pub admin2: Option<String>,
    /// Third-level administrative unit.
    pub admin3: Option<String>,
    /// The named place.
    pub location: Option<String>,
    /// WGS84 latitude.
    pub latitude: Option<f64>,
    /// WGS84 longitude.
    pub longitude: Option<f64>,
    /// 1 to 3.
    pub geo_precision: Option<u8>,
    /// The known place whose coordinates stand in for a `location` the gazetteer lacks
    /// (not an ACLED column; absent when the coordinates are the location's own).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates_of: Option<String>,
    /// The outlets of the source reports, without repeats.
    pub source: Vec<String>,
    /// ACLED's source scale; tocsin leaves it blank.
    pub source_scale: Option<String>,
    /// A short narrative: the trigger sentence, or a generated summary.
    pub notes: String,
    /// Reported deaths.
    pub fatalities: u32,
    /// ACLED's tags; tocsin leaves them blank.
    pub tags: Option<String>,
    /// Unix time the event was last stored; absent for stateless extraction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timestamp: Option<i64>,
    /// The ids of the reports the event came from.
    pub doc_ids: Vec<String>,
    /// Overall confidence in `[0, 1]`.
    pub confidence: f32,
    /// The words supporting each field.
    pub evidence: Vec<EvidenceRow>,
}

/// The words of one report that support one field of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EvidenceRow {
    /// The field's name in [`EventRow`] (`event_date`, `actor1`, `location`, ...), or
    /// `event` for the sentence describing the event as a whole.
    pub field: String,
    /// The report the words come from.
    pub doc_id: String,
    /// First byte of the words in the report's text; `None` for an inferred value.
    pub start: Option<usize>,
    /// One past the last byte.
    pub end: Option<usize>,
    /// The quoted words, when the report's text is at hand and the span fits it.
    pub text: Option<String>,
    /// Confidence in the field's value, in `[0, 1]`.
    pub confidence: f32,
}

impl EventRow {
    /// The row for one extraction, quoting evidence from `report` when given (it should
    /// be the report the extraction was read from).
    pub fn from_extraction(extraction: &Extraction, report: Option<&Report>) -> EventRow {
        let reports: Vec<&Report> = report.into_iter().collect();
        let mut row = coding_row(extraction, &reports);
        row.doc_ids = vec![extraction.report_id.clone()];
        row.evidence = evidence_rows(extraction, report.map(|r| r.text.as_str()));
        row
    }

    /// The row for a stored event: its coding, every source's id and outlet, and each
    /// source's evidence quoted from `reports` (those not given are cited without text).
    pub fn from_event(event: &Event, reports: &[&Report]) -> EventRow {
        let mut row = coding_row(&event.coding, reports);
        row.event_id_cnty = Some(event.id.clone());
        row.doc_ids = event.doc_ids().into_iter().map(str::to_owned).collect();
        if row.doc_ids.is_empty() {
            row.doc_ids.push(event.coding.report_id.clone());
        }
        row.source = outlets(&row.doc_ids, reports);
        let extractions: Vec<&Extraction> = if event.sources.is_empty() {
            vec![&event.coding]
        } else {
            event.sources.iter().collect()
        };
        row.evidence = extractions
            .into_iter()
            .flat_map(|extraction| {
                let text = find_report(reports, &extraction.report_id).map(|r| r.text.as_str());
                evidence_rows(extraction, text)
            })
            .collect();
        row
    }

    /// `assoc_actor_1` joined as ACLED writes it.
    pub fn assoc_actor_1_joined(&self) -> String {
        self.assoc_actor_1.join("; ")
    }

    /// `assoc_actor_2` joined as ACLED writes it.
    pub fn assoc_actor_2_joined(&self) -> String {
        self.assoc_actor_2.join("; ")
    }

    /// `source` joined as ACLED writes it.
    pub fn source_joined(&self) -> String {
        self.source.join("; ")
    }
}

fn coding_row(coding: &Extraction, reports: &[&Report]) -> EventRow {
    let date = coding.date.as_ref().map(|field| field.value);
    let place = coding.place.as_ref().map(|field| &field.value);
    let actor2 = coding.actor2.as_ref().map(|field| &field.value);
    let country = place.and_then(|place| tocsin_model::Country::from_code(&place.country_code));
    let mut row = EventRow {
        event_id_cnty: None,
        event_date: date.map(|date| date.date.format("%Y-%m-%d").to_string()),
        year: date.map(|date| chrono::Datelike::year(&date.date)),
        time_precision: date.map(|date| date.precision.code()),
        disorder_type: coding.disorder_type().as_str().to_owned(),
        event_type: coding.event_type().as_str().to_owned(),
        sub_event_type: coding.sub_event_type.value.as_str().to_owned(),
        actor1: coding.actor1.value.name.clone(),
        assoc_actor_1: coding.assoc_actor_1.iter().map(|a| a.value.name.clone()).collect(),
        inter1: coding.actor1.value.inter.code(),
        actor2: actor2.map(|actor| actor.name.clone()),
        assoc_actor_2: coding.assoc_actor_2.iter().map(|a| a.value.name.clone()).collect(),
        inter2: actor2.map_or(0, |actor| actor.inter.code()),
        interaction: coding.interaction(),
        civilian_targeting: if coding.civilian_targeting.value {
            CIVILIAN_TARGETING.to_owned()
        } else {
            String::new()
        },
        iso: country.map(|country| country.numeric),
        region: country
            .map(|country| country.region)
            .filter(|region| !region.is_empty())
            .map(str::to_owned),
        country: place.map(|place| place.country.clone()),
        admin1: place.and_then(|place| place.admin1.clone()),
        admin2: place.and_then(|place| place.admin2.clone()),
        admin3: place.and_then(|place| place.admin3.clone()),
        location: place.map(|place| place.location.clone()),
        latitude: place.map(|place| round4(place.latitude)),
        longitude: place.map(|place| round4(place.longitude)),
        geo_precision: place.map(|place| place.geo_precision.code()),
        coordinates_of: place.and_then(|place| place.coordinates_of.clone()),
        source: Vec::new(),
        source_scale: None,
        notes: String::new(),
        fatalities: coding.fatalities.value,
        tags: None,
        timestamp: None,
        doc_ids: Vec::new(),
        confidence: coding.confidence,
        evidence: Vec::new(),
    };
    row.source = outlets(std::slice::from_ref(&coding.report_id), reports);
    let trigger = find_report(reports, &coding.report_id)
        .and_then(|report| coding.trigger.text(&report.text))
        .map(clean_sentence)
        .filter(|sentence| !sentence.is_empty());
    row.notes = trigger.unwrap_or_else(|| summary(&row));
    row
}

fn find_report<'r>(reports: &[&'r Report], id: &str) -> Option<&'r Report> {
    reports.iter().copied().find(|report| report.id == id)
}

fn outlets(doc_ids: &[String], reports: &[&Report]) -> Vec<String> {
    let mut outlets: Vec<String> = Vec::new();
    for id in doc_ids {
        let outlet = find_report(reports, id).and_then(|report| report.source.as_deref());
        if let Some(outlet) = outlet.map(str::trim).filter(|outlet| !outlet.is_empty()) {
            if !outlets.iter().any(|known| known == outlet) {
                outlets.push(outlet.to_owned());
            }
        }
    }
    outlets
}

fn round4(value: f64) -> f64 {
    (value * 10_000.0).round() / 10_000.0
}

/// The sentence with its whitespace collapsed, cut to [`NOTES_MAX_CHARS`] characters.
fn clean_sentence(text: &str) -> String {
    let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match collapsed.char_indices().nth(NOTES_MAX_CHARS) {
        Some((cut, _)) => format!("{}...", collapsed[..cut].trim_end()),
        None => collapsed,
    }
}

/// A one-sentence summary in ACLED's manner, for events with no trigger text at hand.
fn summary(row: &EventRow) -> String {
    let mut text = String::new();
    if let Some(date) = &row.event_date {
        text.push_str(&format!("On {date}, "));
    }
    text.push_str(&row.actor1);
    text.push_str(&format!(" ({})", row.sub_event_type.to_lowercase()));
    if let Some(actor2) = &row.actor2 {
        text.push_str(&format!(" involving {actor2}"));
    }
    let place: Vec<&str> = [&row.location, &row.admin1, &row.country]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    if !place.is_empty() {
        text.push_str(&format!(" in {}", place.join(", ")));
    }
    text.push('.');
    if row.fatalities > 0 {
        text.push_str(&format!(" Fatalities: {}.", row.fatalities));
    }
    text
}

fn evidence_rows(extraction: &Extraction, text: Option<&str>) -> Vec<EvidenceRow> {
    let doc_id = extraction.report_id.as_str();
    let mut rows = Vec::new();
    let mut push = |field: &str, span: Option<Span>, confidence: f32| {
        rows.push(EvidenceRow {
            field: field.to_owned(),
            doc_id: doc_id.to_owned(),
            start: span.map(|span| span.start),
            end: span.map(|span| span.end),
            text: span.and_then(|span| text.and_then(|text| span.text(text))).map(str::to_owned),
            confidence,
        });
    };
    fn parts<T>(field: &Field<T>) -> (Option<Span>, f32) {
        (field.span, field.confidence)
    }
    push("event", Some(extraction.trigger), extraction.confidence);
    if let Some(date) = &extraction.date {
        let (span, confidence) = parts(date);
        push("event_date", span, confidence);
    }
    let (span, confidence) = parts(&extraction.sub_event_type);
    push("sub_event_type", span, confidence);
    let (span, confidence) = parts(&extraction.actor1);
    push("actor1", span, confidence);
    for actor in &extraction.assoc_actor_1 {
        let (span, confidence) = parts(actor);
        push("assoc_actor_1", span, confidence);
    }
    if let Some(actor) = &extraction.actor2 {
        let (span, confidence) = parts(actor);
        push("actor2", span, confidence);
    }
    for actor in &extraction.assoc_actor_2 {
        let (span, confidence) = parts(actor);
        push("assoc_actor_2", span, confidence);
    }
    let (span, confidence) = parts(&extraction.civilian_targeting);
    push("civilian_targeting", span, confidence);
    if let Some(place) = &extraction.place {
        let (span, confidence) = parts(place);
        push("location", span, confidence);
    }
    let (span, confidence) = parts(&extraction.fatalities);
    push("fatalities", span, confidence);
    rows
}

#[cfg(test)]
pub(crate) mod tests {
    use chrono::NaiveDate;
    use tocsin_model::{Actor, EventDate, GeoPrecision, Inter, Place, SubEventType, TimePrecision};

    use super::*;

    pub(crate) const TEXT: &str = "Lomé, 14 July 2024. Several hundred JNIM fighters attacked an army post near Kpinkankandi on Saturday, killing 12 soldiers.";

    fn span_of(text: &str, words: &str) -> Span {
        let start = text.find(words).expect("test words are in the test text");
        Span::new(start, start + words.len())
    }

    pub(crate) fn report() -> Report {
        let mut report = Report::new("tg-1", TEXT);
        report.source = Some("Le Veilleur".to_owned());
        report
    }

    pub(crate) fn extraction() -> Extraction {
        let text = TEXT;
        Extraction {
            report_id: "tg-1".to_owned(),
            date: Some(Field::found(
                EventDate {
                    date: NaiveDate::from_ymd_opt(2024, 7, 13).expect("valid date"),
                    precision: TimePrecision::Day,
                },
                span_of(text, "on Saturday"),
                0.8,
            )),
            sub_event_type: Field::found(SubEventType::ArmedClash, span_of(text, "attacked"), 0.7),
            actor1: Field::found(
                Actor::new("JNIM: Group for Support of Islam and Muslims", Inter::Rebel),
                span_of(text, "JNIM"),
                0.9,
            ),
            assoc_actor_1: vec![],
            actor2: Some(Field::found(
                Actor::new("Military Forces of Togo (2005-)", Inter::StateForces),
                span_of(text, "army post"),
                0.6,
            )),
            assoc_actor_2: vec![],
            civilian_targeting: Field::inferred(false, 0.9),
            place: Some(Field::found(
                Place {
                    country: "Togo".to_owned(),
                    country_code: "TG".to_owned(),
                    admin1: Some("Savanes".to_owned()),
                    admin2: Some("Kpendjal".to_owned()),
                    admin3: None,
                    location: "Kpinkankandi".to_owned(),
                    latitude: 10.993_21,
                    longitude: 0.631_49,
                    geo_precision: GeoPrecision::Town,
                    border_distance_km: Some(3.0),
                    coordinates_of: None,
                },
                span_of(text, "Kpinkankandi"),
                0.7,
            )),
            fatalities: Field::found(12, span_of(text, "killing 12 soldiers"), 0.8),
            trigger: span_of(
                text,
                "Several hundred JNIM fighters attacked an army post near Kpinkankandi on Saturday, killing 12 soldiers.",
            ),
            confidence: 0.75,
        }
    }

    #[test]
    fn a_one_sided_event_has_inter2_zero_as_in_acled_exports() {
        let mut one_sided = extraction();
        one_sided.actor2 = None;
        let row = EventRow::from_extraction(&one_sided, None);
        assert_eq!((row.actor2, row.inter2, row.interaction), (None, 0, 20));
    }

    #[test]
    fn extraction_row_has_acled_fields() {
        let report = report();
        let row = EventRow::from_extraction(&extraction(), Some(&report));
        assert_eq!(row.event_date.as_deref(), Some("2024-07-13"));
        assert_eq!(row.year, Some(2024));
        assert_eq!(row.event_type, "Battles");
        assert_eq!(row.disorder_type, "Political violence");
        assert_eq!(row.interaction, 12);
        assert_eq!(row.inter2, 1);
        assert_eq!(row.iso, Some(768));
        assert_eq!(row.region.as_deref(), Some("Western Africa"));
        assert_eq!(row.latitude, Some(10.9932));
        assert_eq!(row.civilian_targeting, "");
        assert_eq!(row.doc_ids, vec!["tg-1"]);
        assert_eq!(row.source, vec!["Le Veilleur"]);
        assert!(row.notes.starts_with("Several hundred JNIM fighters"), "{}", row.notes);
        assert_eq!(row.event_id_cnty, None);
    }

    #[test]
    fn evidence_quotes_the_report() {
        let report = report();
        let row = EventRow::from_extraction(&extraction(), Some(&report));
        let quote = |field: &str| {
            row.evidence
                .iter()
                .find(|evidence| evidence.field == field)
                .and_then(|evidence| evidence.text.clone())
        };
        assert_eq!(quote("event_date").as_deref(), Some("on Saturday"));
        assert_eq!(quote("actor1").as_deref(), Some("JNIM"));
        assert_eq!(quote("location").as_deref(), Some("Kpinkankandi"));
        assert_eq!(quote("fatalities").as_deref(), Some("killing 12 soldiers"));
        assert_eq!(quote("civilian_targeting"), None, "inferred values quote nothing");
    }

    #[test]
    fn without_the_report_evidence_keeps_offsets_and_notes_are_generated() {
        let row = EventRow::from_extraction(&extraction(), None);
        let actor1 = row.evidence.iter().find(|e| e.field == "actor1").expect("actor1 evidence");
        assert_eq!(actor1.text, None);
        assert!(actor1.start.is_some());
        assert_eq!(
            row.notes,
            "On 2024-07-13, JNIM: Group for Support of Islam and Muslims (armed clash) involving \
             Military Forces of Togo (2005-) in Kpinkankandi, Savanes, Togo. Fatalities: 12."
        );
    }

    #[test]
    fn spans_outside_the_text_quote_nothing() {
        let mut extraction = extraction();
        extraction.actor1.span = Some(Span::new(5, 9_999));
        let report = report();
        let row = EventRow::from_extraction(&extraction, Some(&report));
        let actor1 = row.evidence.iter().find(|e| e.field == "actor1").expect("actor1 evidence");
        assert_eq!(actor1.text, None);
    }

    #[test]
    fn stored_event_cites_every_source() {
        let first = extraction();
        let mut second = extraction();
        second.report_id = "tg-2".to_owned();
        let event =
            Event { id: "TGO1".to_owned(), coding: first.clone(), sources: vec![first, second] };
        let mut other = Report::new("tg-2", "Another text.");
        other.source = Some("Radio Savanes".to_owned());
        let report = report();
        let row = EventRow::from_event(&event, &[&report, &other]);
        assert_eq!(row.event_id_cnty.as_deref(), Some("TGO1"));
        assert_eq!(row.doc_ids, vec!["tg-1", "tg-2"]);
        assert_eq!(row.source_joined(), "Le Veilleur; Radio Savanes");
        assert!(row.evidence.iter().any(|e| e.doc_id == "tg-2"));
    }

    #[test]
    fn long_notes_are_cut_at_a_character_boundary() {
        let long = "é".repeat(NOTES_MAX_CHARS + 10);
        let cut = clean_sentence(&long);
        assert_eq!(cut.chars().count(), NOTES_MAX_CHARS + 3);
        assert_eq!(clean_sentence("  a \n b  "), "a b");
    }
}
