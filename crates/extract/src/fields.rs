//! The fields extraction reads from the words alone: type, date and fatalities of a passage.

use chrono::NaiveDate;
use tocsin_model::{EventDate, Field, Span, TimePrecision};

use crate::classify::{classify, Classification};
use crate::dates::Dates;
use crate::fatalities::fatalities;

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

/// Reads type, date and fatalities of the passage `segment` of `text`.
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
) -> Option<EventFields> {
    let passage = segment.text(text)?;
    let classification = classify(passage, segment.start)?;
    let fatalities = fatalities(passage, segment.start);
    let date = event_date(segment, dates, published);
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
