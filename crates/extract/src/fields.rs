//! The fields extraction reads from the words alone: type, date and fatalities of a passage.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use tocsin_model::{EventDate, Field, Span, TimePrecision};

use crate::classify::{classify_with, Classification};
use crate::dates::Dates;
use crate::fatalities::fatalities;
use crate::learned::TypeModel;

/// What the words of one event passage say, before places and actors are added.
#[derive(Debug, Clone, PartialEq)]
pub struct EventFields {
    /// Sub-event type and civilian targeting.
    pub classification: Classification,
    /// The event's date, when the text or the dateline gives one.
    pub date: Option<Field<EventDate>>,
    /// Reported deaths.
    pub fatalities: Field<u32>,
}

/// Reads type, date and fatalities of the passage `segment` of `text`; the learned
/// `model`, when given, has the last word on the type (see [`classify_with`]).
///
/// `dates` are the dates of the whole text (see [`crate::dates::find_dates`]). The date
/// is the first date stated in the passage that is not the bound of a longer span; else
/// the last such date before the passage; else the dateline itself, at precision 1 and
/// low confidence, because reports mostly tell of the previous days; else none.
pub fn event_fields(
    text: &str,
    segment: Span,
    dates: &Dates,
    published: Option<NaiveDate>,
    model: Option<&TypeModel>,
) -> Option<EventFields> {
    let passage = segment.text(text)?;
    let classification = classify_with(passage, segment.start, model)?;
    let fatalities = fatalities(passage, segment.start);
    let mut date = event_date(segment, dates, published);
    // A body found on a day tells that the death happened around then, not on it.
    if let Some(found) = date.as_mut() {
        if found.value.precision == TimePrecision::Day && FOUND_DEAD.is_match(passage) {
            found.value.precision = TimePrecision::Week;
        }
    }
    Some(EventFields { classification, date, fatalities })
}

/// The date of the passage `segment` (see [`event_fields`]).
pub fn event_date(
    segment: Span,
    dates: &Dates,
    published: Option<NaiveDate>,
) -> Option<Field<EventDate>> {
    let usable = |m: &&crate::dates::DateMention| {
        !m.bound && !m.dateline && published.is_none_or(|p| m.date.date <= p + chrono::Days::new(1))
    };
    let inside = dates
        .mentions
        .iter()
        .filter(|m| m.span.start >= segment.start && m.span.end <= segment.end)
        .find(usable);
    let before = || dates.mentions.iter().filter(|m| m.span.end <= segment.start).rfind(usable);
    if let Some(mention) = inside.or_else(before) {
        return Some(Field::found(mention.date, mention.span, mention.confidence));
    }
    published
        .map(|day| Field::inferred(EventDate { date: day, precision: TimePrecision::Day }, 0.3))
}

/// Deaths discovered rather than witnessed.
static FOUND_DEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:found\s+(?:dead|murdered|killed|lifeless)|(?:body|bodies|corpses?)\s+(?:of\s+[^.;]{0,60})?(?:was|were)\s+(?:found|discovered)|(?:found|discovered)\s+(?:the\s+)?(?:body|bodies|corpses?)|retrouvés?\s+morts?|corps\s+(?:sans\s+vie\s+)?(?:a\s+été\s+|ont\s+été\s+)?(?:retrouvés?|découverts?))")
        .expect("valid")
});
