//! Extraction: one report in, its ACLED-style events out.
//!
//! This crate owns language detection, sentence and event segmentation, dates,
//! event and sub-event types, fatalities, and the assembly of every field with its
//! evidence; it asks `tocsin-places` for locations and `tocsin-actors` for actors.
//! Extraction is a pure function of the report and the shipped data: it never reads
//! the clock and never fails; what it cannot resolve goes into diagnostics.
//!
//! The pipeline for one report, module by module:
//! [`language`] (stated or detected), [`dates`] (every date, resolved against the
//! dateline), [`segment`] (which sentences tell of which event, built on [`sentences`]
//! and [`classify`]), then per event [`fields`] (type, date, [`fatalities`]), the
//! place from `tocsin-places` and the actors from `tocsin-actors`.
//!
//! ```
//! use tocsin_extract::Extractor;
//! use tocsin_model::Report;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let gazetteer = tocsin_places::Gazetteer::load_default()?;
//! let actors = tocsin_actors::ActorBook::load_default()?;
//! let extractor = Extractor::new(gazetteer, actors);
//! let output = extractor.extract(&Report::new("r1", "Analysts expect inflation to slow."));
//! assert!(output.events.is_empty());
//! # Ok(())
//! # }
//! ```
#![warn(missing_docs)]

pub mod classify;
#[rustfmt::skip]
mod cues;
pub mod dates;
pub mod fatalities;
pub mod fields;
pub mod language;
pub mod learned;
pub mod numbers;
pub mod segment;
pub mod sentences;
pub mod text;
mod wire;

use std::collections::HashMap;
use std::sync::Mutex;

use tocsin_actors::{ActorBook, RoleContext};
use tocsin_model::{
    Diagnostic, Extraction, Field, Inter, Language, Place, Report, Span, SubEventType,
};
use tocsin_places::{Gazetteer, LocateOptions};

use crate::learned::TypeModel;

/// What extraction found in one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Output {
    /// The events, most confident first.
    pub events: Vec<Extraction>,
    /// What could not be resolved.
    pub diagnostics: Vec<Diagnostic>,
    /// Names the report gives armed groups or organisations that the actor knowledge
    /// base does not know (places the gazetteer knows left out), for an analyst.
    pub unknown_actors: Vec<tocsin_actors::UnknownName>,
}

/// The extractor, holding the shipped data it needs.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    actors: ActorBook,
    types: Option<TypeModel>,
    /// Whether the gazetteer knows a name, for names already asked about: a gazetteer
    /// search guesses spellings over every place name, and reports repeat group names.
    place_names: Mutex<HashMap<String, bool>>,
}

/// How many names [`Extractor::place_names`] remembers before it starts afresh.
const PLACE_NAMES_KEPT: usize = 50_000;

impl Extractor {
    /// An extractor over the given gazetteer and actor knowledge base, with the
    /// shipped event-type model.
    pub fn new(gazetteer: Gazetteer, actors: ActorBook) -> Extractor {
        Extractor {
            gazetteer,
            actors,
            types: TypeModel::shipped().ok(),
            place_names: Mutex::new(HashMap::new()),
        }
    }

    /// The same extractor with another event-type model, or with the rules alone (`None`).
    pub fn with_type_model(self, types: Option<TypeModel>) -> Extractor {
        Extractor { types, ..self }
    }

    /// The rules' type for the report's first event passage and the features the
    /// event-type model sees there, or `None` when the rules find no event: training
    /// examples are read through this.
    pub fn type_features(&self, report: &Report) -> Option<(SubEventType, Vec<learned::Feature>)> {
        let prose = wire::prose(&report.text);
        let text = prose.as_ref();
        let (_, segments, _) = passages(text, report);
        segments.iter().find_map(|segment| {
            classify::model_features(segment.span.text(text)?, segment.span.start)
        })
    }

    /// Every event the report describes; none for analysis, aggregates and forecasts.
    ///
    /// Events come most confident first; among equals, in text order.
    ///
    /// A report longer than [`WINDOW_BYTES`] is read in windows cut at paragraph (else
    /// sentence, else word) ends, each as a report of its own under the report's dateline,
    /// and their spans moved back into the whole text: each event's actors and place are
    /// looked for across the text it is read in, so this keeps a huge input's cost linear.
    pub fn extract(&self, report: &Report) -> Output {
        self.extract_in(report, None)
    }

    /// [`Extractor::extract`] for a report read at a desk that watches one country
    /// (ISO code): an event the report places nowhere, not even in a country through the
    /// groups or figures it names, lies in that country (its capital, precision 3, low
    /// confidence; see `tocsin_places::LocateOptions::desk_country`).
    pub fn extract_in(&self, report: &Report, desk_country: Option<&str>) -> Output {
        let windows = windows(&report.text, WINDOW_BYTES);
        if windows.len() <= 1 {
            return self.extract_window(report, desk_country);
        }
        let mut output = Output::default();
        let mut published = report.published;
        for (index, &(start, end)) in windows.iter().enumerate() {
            let window = Report {
                id: report.id.clone(),
                text: report.text.get(start..end).unwrap_or_default().to_string(),
                title: if index == 0 { report.title.clone() } else { None },
                published,
                source: report.source.clone(),
                url: report.url.clone(),
                language: report.language,
            };
            if index == 0 && published.is_none() {
                // Later windows are dated by the report's dateline.
                let dates = dates::find_dates(&window.text, None);
                published = dates.mentions.iter().find(|m| m.dateline).map(|m| m.date.date);
            }
            let mut part = self.extract_window(&window, desk_country);
            for event in &mut part.events {
                event.shift_spans(start);
            }
            for diagnostic in &mut part.diagnostics {
                diagnostic.span = diagnostic.span.map(|span| span.shifted(start));
            }
            for name in &mut part.unknown_actors {
                name.span = name.span.shifted(start);
            }
            output.events.append(&mut part.events);
            output.diagnostics.append(&mut part.diagnostics);
            output.unknown_actors.append(&mut part.unknown_actors);
        }
        // A stable sort keeps text order among equals.
        output.events.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
        output
    }

    /// [`Extractor::extract`] for a text read as one piece.
    fn extract_window(&self, report: &Report, desk_country: Option<&str>) -> Output {
        let mut output = Output::default();
        let text = report.text.as_str();
        let diagnostic =
            |span, message: String| Diagnostic { report_id: report.id.clone(), span, message };
        let language = language::language_of(report);
        output.unknown_actors =
            self.actors.unknown_names_with(text, language, &|name| self.is_place(name));
        // Passages and places are read in the text as prose; actors in the original, whose
        // capitals tell an acronym ("ARENA") from a word. Spans are the same in both.
        let prose = wire::prose(text);
        let (dates, segments, skipped) = passages(&prose, report);
        for span in &dates.unresolved {
            let words = span.text(text).unwrap_or("");
            output.diagnostics.push(diagnostic(
                Some(*span),
                format!("date {words:?} has no year and the report no dateline"),
            ));
        }
        let dateline_end = dates.mentions.iter().find(|m| m.dateline).map(|m| m.span.end);
        // The country the actors' words point to weighs like one place name there.
        let actor_country = self.actors.infer_country(text);
        let locate = LocateOptions {
            prior_countries: actor_country.iter().cloned().collect(),
            desk_country: desk_country.map(str::to_string),
            ..LocateOptions::default()
        };
        if segments.is_empty() && skipped.is_empty() {
            output.diagnostics.push(diagnostic(None, NOTHING_TOLD.to_string()));
        }
        for skip in skipped {
            output.diagnostics.push(diagnostic(Some(skip.span), skip.reason.to_string()));
        }
        let mut events: Vec<(usize, Extraction)> = Vec::new();
        for (index, segment) in segments.iter().enumerate() {
            let Some(fields) = fields::event_fields(
                &prose,
                segment.span,
                &dates,
                report.published,
                self.types.as_ref(),
            ) else {
                continue;
            };
            let sub = fields.classification.sub_event_type.value;
            let place = self.place(&prose, segment.span, dateline_end, language, &locate);
            let country_code: Option<String> = match &place {
                Some(place) => Some(place.value.country_code.clone()),
                None => self
                    .gazetteer
                    .countries(&prose)
                    .into_iter()
                    .next()
                    .map(|(_, country)| country.alpha2.to_string())
                    .or_else(|| actor_country.clone()),
            };
            match &place {
                None => output.diagnostics.push(diagnostic(
                    Some(segment.trigger),
                    "no place found for the event".to_string(),
                )),
                Some(place) if place.span.is_none() => output.diagnostics.push(diagnostic(
                    Some(segment.trigger),
                    format!(
                        "no place named: coded to {} as a whole (its capital, precision 3)",
                        place.value.country
                    ),
                )),
                Some(_) => {}
            }
            let context = RoleContext {
                text,
                focus: segment.span,
                language,
                sub_event_type: sub,
                date: fields.date.as_ref().map(|d| d.value.date),
                country_code: country_code.as_deref(),
                // A town or village, not a region standing in for one.
                location: place
                    .as_ref()
                    .filter(|p| p.value.geo_precision.code() <= 2)
                    .map(|p| p.value.location.as_str()),
            };
            let Some(roles) = self.actors.roles(&context) else {
                output.diagnostics.push(diagnostic(
                    Some(segment.trigger),
                    format!("no actor found for a {} event; skipped", sub.as_str().to_lowercase()),
                ));
                continue;
            };
            let mut civilian_targeting = fields.classification.civilian_targeting.clone();
            let target_is_civilian =
                roles.actor2.as_ref().is_some_and(|a| a.value.inter == Inter::Civilians);
            if !civilian_targeting.value && target_is_civilian && targets_civilians_by_actor(sub) {
                civilian_targeting = Field {
                    value: true,
                    span: roles.actor2.as_ref().and_then(|a| a.span),
                    confidence: 0.6,
                };
            }
            let confidence = event_confidence(
                fields.classification.sub_event_type.confidence,
                fields.date.as_ref().map(|d| d.confidence),
                place.as_ref().map(|p| p.confidence),
                roles.actor1.confidence,
                index,
            );
            events.push((
                index,
                Extraction {
                    report_id: report.id.clone(),
                    date: fields.date,
                    sub_event_type: fields.classification.sub_event_type,
                    actor1: roles.actor1,
                    assoc_actor_1: roles.assoc_actor_1,
                    actor2: roles.actor2,
                    assoc_actor_2: roles.assoc_actor_2,
                    civilian_targeting,
                    place,
                    fatalities: fields.fatalities,
                    trigger: segment.trigger,
                    confidence,
                },
            ));
        }
        events.sort_by(|(ia, a), (ib, b)| b.confidence.total_cmp(&a.confidence).then(ia.cmp(ib)));
        output.events = events.into_iter().map(|(_, event)| event).collect();
        output
    }
}

impl Extractor {
    /// Whether the gazetteer knows `name` as a place, under any spelling it guesses.
    /// The answer depends on the name alone, so it is remembered.
    fn is_place(&self, name: &str) -> bool {
        let known = |cache: &HashMap<String, bool>| cache.get(name).copied();
        let lock = || self.place_names.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(known) = known(&lock()) {
            return known;
        }
        // Searched without the lock held, so other threads are not kept waiting.
        let found = !self.gazetteer.search(name, None).is_empty();
        let mut cache = lock();
        if cache.len() >= PLACE_NAMES_KEPT {
            cache.clear();
        }
        cache.insert(name.to_string(), found);
        found
    }

    /// Where the event in `focus` happened: the place the passage names, leaving out the
    /// dateline's city ("LOMÉ, 3 February -"), which says where the reporter is; that city
    /// only when the passage names no other place.
    fn place(
        &self,
        text: &str,
        focus: Span,
        dateline_end: Option<usize>,
        language: Language,
        options: &LocateOptions,
    ) -> Option<Field<Place>> {
        let locate = |focus| self.gazetteer.locate_with(text, focus, language, options);
        if let Some(end) = dateline_end.filter(|end| *end > focus.start && *end < focus.end) {
            if let Some(place) = locate(Span::new(end, focus.end)).into_iter().next() {
                return Some(place);
            }
        }
        locate(focus).into_iter().next()
    }
}

/// The report's dates and the passages that tell of events after its headline and
/// byline, with the sentences skipped and why: what both extraction and training read.
fn passages(
    text: &str,
    report: &Report,
) -> (dates::Dates, Vec<segment::Segment>, Vec<segment::Skipped>) {
    let dates = dates::find_dates(text, report.published);
    let body_start = segment::body_start(text, report.title.as_deref());
    let (segments, skipped) = segment::segments(text, &dates, report.published, body_start);
    (dates, segments, skipped)
}

/// The longest text read as one piece; a news article is rarely a tenth of it.
pub const WINDOW_BYTES: usize = 64 * 1024;

/// Byte ranges of at most `max` bytes covering `text`, cut after a paragraph break, else a
/// line break, else a sentence's end, else a space, in the window's second half; else at
/// a character boundary.
fn windows(text: &str, max: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let mut limit = start + max;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        // A window narrower than a character still takes that character.
        if limit == start {
            limit =
                (start + 1..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
        }
        let slice = text.get(start..limit).unwrap_or_default();
        let after = |pattern: &str| {
            slice.rfind(pattern).map(|at| at + pattern.len()).filter(|&cut| cut > max / 2)
        };
        let cut = after("\n\n")
            .or_else(|| after("\n"))
            .or_else(|| after(". "))
            .or_else(|| after(" "))
            .unwrap_or(slice.len());
        out.push((start, start + cut));
        start += cut;
    }
    if start < text.len() || out.is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// The diagnostic of a report in which no sentence has any event word.
pub const NOTHING_TOLD: &str =
    "no sentence tells of a political violence, protest or strategic event";

/// Sub-event types that target civilians when their second actor is civilians
/// (codebook section 9: explosions, riots, excessive force).
fn targets_civilians_by_actor(sub: SubEventType) -> bool {
    use tocsin_model::EventType;
    matches!(sub.event_type(), EventType::ExplosionsRemoteViolence | EventType::Riots)
        || sub == SubEventType::ExcessiveForceAgainstProtesters
        || sub.always_targets_civilians()
}

/// An event's confidence from its parts: the type weighs most, then date, place and actor;
/// later events in a report weigh slightly less than the first.
fn event_confidence(
    type_confidence: f32,
    date: Option<f32>,
    place: Option<f32>,
    actor: f32,
    index: usize,
) -> f32 {
    let parts = (date.unwrap_or(0.2) + place.unwrap_or(0.2) + actor) / 3.0;
    let order = 1.0 - 0.03 * (index.min(10) as f32);
    (type_confidence * (0.5 + 0.5 * parts) * order).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::windows;

    #[test]
    fn windows_cover_the_text_and_cut_at_the_best_break() {
        let check = |text: &str, max: usize, cuts: &[&str]| {
            let got: Vec<&str> = windows(text, max).into_iter().map(|(a, b)| &text[a..b]).collect();
            assert_eq!(got, cuts, "{text:?} in windows of {max}");
        };
        check("short", 10, &["short"]);
        check("", 10, &[""]);
        // A paragraph break wins over a later sentence end.
        check("One two.\n\nThree. Four five", 18, &["One two.\n\n", "Three. Four five"]);
        check("One. Two three four", 12, &["One. Two ", "three four"]);
        // No break in the window's second half: a space, else a hard cut.
        check("abcdefghij klm", 12, &["abcdefghij ", "klm"]);
        check("abcdefghijklmno", 6, &["abcdef", "ghijkl", "mno"]);
        // Never inside a character, even when a window is narrower than one.
        check("ééé", 3, &["é", "é", "é"]);
        check("🙂🙂", 2, &["🙂", "🙂"]);
    }
}
