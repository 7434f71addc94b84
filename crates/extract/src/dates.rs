//! Dates in English and French text, explicit and relative to the report's dateline.
//!
//! Choices, following codebook section 7:
//! * A date without a year takes the year of its most recent past occurrence before
//!   the dateline; with no dateline, the year of an explicit full date elsewhere in the
//!   text; with neither, it stays unresolved (never invented).
//! * "on Saturday" is the most recent Saturday on or before the dateline; "last
//!   Saturday" the most recent one strictly before it.
//! * A night across two days ("overnight Tuesday to Wednesday", "dans la nuit de lundi
//!   à mardi", "overnight between 9 and 10 June", "last night") is coded to the first
//!   night's day, as ACLED does; a bare "overnight" or "cette nuit" is the night before
//!   the dateline.
//! * "two days ago" is exact (precision 1); "last week", "this week" and "over the
//!   weekend" are precision 2 coded to the middle (Wednesday of last week, the Saturday
//!   of the weekend); "earlier this month", "in July", "last month" are precision 3 on
//!   the 15th; "early May" / "début mai" the 1st and "late May" / "fin mai" the last
//!   day, precision 3. "Around 4 May" and "as reported on 4 May" are precision 2.
//! * A span of days ("between 9 and 23 February", "from 28 March to 3 April", "from
//!   August 3 to 19") is coded to its middle day: precision 2 up to a week, else 3. A span
//!   in brackets right after a date sets that date's precision ("Around 12 April (between
//!   9 - 15 April)"); so do "(month of)" (3) and a stated "time precision N".

use std::sync::LazyLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use regex::{Captures, Regex};
use tocsin_model::{month_from_name, EventDate, Span, TimePrecision};

/// A date found in the text, resolved to a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DateMention {
    /// The words stating the date.
    pub span: Span,
    /// The resolved day and its precision.
    pub date: EventDate,
    /// How sure the reading is, in `[0, 1]`.
    pub confidence: f32,
    /// Whether the date was resolved against the dateline (a relative date).
    pub relative: bool,
    /// Whether the words say the date bounds a longer span ("since", "depuis", "until").
    pub bound: bool,
    /// Whether the date is the report's own dateline ("LOMÉ, 21 July (AFP) -"), which
    /// dates the report rather than the event.
    pub dateline: bool,
}

/// What date finding produced: resolved mentions in text order, and unresolved ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Dates {
    /// Resolved dates, in text order.
    pub mentions: Vec<DateMention>,
    /// Dates that were recognised but could not be resolved (no year, no dateline).
    pub unresolved: Vec<Span>,
}

/// Finds every date in `text`, resolving relative ones against `published`.
pub fn find_dates(text: &str, published: Option<NaiveDate>) -> Dates {
    let mut raw: Vec<Raw> = Vec::new();
    for (kind, regex) in PATTERNS.iter() {
        for caps in regex.captures_iter(text) {
            if let Some(found) = read(*kind, &caps, text) {
                raw.push(found);
            }
        }
    }
    // Longest match wins where matches overlap; then text order.
    raw.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(b.span.end.cmp(&a.span.end)));
    let mut kept: Vec<Raw> = Vec::new();
    for found in raw {
        match kept.last() {
            Some(previous) if previous.span.overlaps(found.span) => {
                if found.span.end - found.span.start > previous.span.end - previous.span.start {
                    kept.pop();
                    kept.push(found);
                }
            }
            _ => kept.push(found),
        }
    }
    // A year for dates that lack one, from the explicit full dates of the text.
    let text_years: Vec<(usize, i32)> = kept
        .iter()
        .filter_map(|r| match r.when {
            When::Absolute { year: Some(year), .. }
            | When::Range { year: Some(year), .. }
            | When::Span { year: Some(year), .. }
            | When::Month { year: Some(year), .. } => Some((r.span.start, year)),
            _ => None,
        })
        .collect();
    let resolved: Vec<_> = kept.iter().map(|r| resolve(r, published, &text_years)).collect();
    let mut dates = Dates::default();
    for (index, found) in kept.iter().enumerate() {
        let prefix_start = floor_char_boundary(text, found.span.start.saturating_sub(24));
        let before = text.get(prefix_start..found.span.start).unwrap_or("").to_lowercase();
        let bound = BOUND_BEFORE.is_match(&before);
        let after_end = floor_char_boundary(text, (found.span.end + 24).min(text.len()));
        let after = text.get(found.span.end..after_end).unwrap_or("");
        let dateline = found.span.start < 80 && DATELINE_AFTER.is_match(after);
        let approximate = APPROX_BEFORE.is_match(&before)
            || APPROX_AFTER.is_match(text.get(found.span.end..).unwrap_or(""));
        let rest = text.get(found.span.end..).unwrap_or("");
        match resolved.get(index).copied().flatten() {
            Some((mut day, mut precision, relative, mut confidence)) => {
                if approximate && precision == TimePrecision::Day {
                    precision = TimePrecision::Week;
                    confidence *= 0.9;
                }
                // "Around 8 May (from 24 April to 8 May)": the span in brackets sets the
                // precision; "15 May (month of)" is a month; a stated precision wins.
                let bracketed = kept.get(index + 1).zip(resolved.get(index + 1).copied().flatten());
                if let Some((next, (_, span_precision, _, _))) = bracketed {
                    let between = text.get(found.span.end..next.span.start).unwrap_or("");
                    let is_span = matches!(next.when, When::Range { .. } | When::Span { .. });
                    if is_span && between.trim() == "(" && precision != TimePrecision::Month {
                        precision = span_precision;
                    }
                }
                if MONTH_OF_AFTER.is_match(rest) {
                    precision = TimePrecision::Month;
                }
                let stated = STATED_PRECISION.captures(rest);
                if let Some((code, whole)) = stated.as_ref().and_then(|c| {
                    let code = c.get(1)?.as_str().parse::<u8>().ok()?;
                    Some((code, c.get(0)?))
                }) {
                    // The day the brackets code, when they name one.
                    let coded = kept.get(index + 1).zip(resolved.get(index + 1).copied().flatten());
                    if let Some((next, (coded_day, ..))) = coded {
                        if next.span.end <= found.span.end + whole.end() {
                            day = coded_day;
                        }
                    }
                    precision = match code {
                        1 => TimePrecision::Day,
                        2 => TimePrecision::Week,
                        _ => TimePrecision::Month,
                    };
                }
                if bound {
                    confidence *= 0.5;
                }
                dates.mentions.push(DateMention {
                    span: found.span,
                    date: EventDate { date: day, precision },
                    confidence,
                    relative,
                    bound,
                    dateline,
                });
            }
            None => dates.unresolved.push(found.span),
        }
    }
    dates
}

/// What a pattern recognised, before resolution.
#[derive(Debug, Clone, Copy)]
struct Raw {
    span: Span,
    when: When,
}

/// A recognised date expression.
#[derive(Debug, Clone, Copy)]
enum When {
    /// A calendar day, with the year when stated.
    Absolute { year: Option<i32>, month: u32, day: u32, precision: TimePrecision },
    /// A span of calendar days in one month (midpoint coded).
    Range { year: Option<i32>, month: u32, first: u32, last: u32 },
    /// A span of days across two months, "from 24 April to 8 May" (midpoint coded).
    Span { year: Option<i32>, first_month: u32, first: u32, last_month: u32, last: u32 },
    /// A month; `part` is early (first day), mid, late (last day) or unspecified.
    Month { year: Option<i32>, month: u32, part: MonthPart },
    /// A weekday relative to the dateline; `strict` for "last Saturday".
    Weekday { weekday: Weekday, strict: bool },
    /// A night across two weekdays: coded to the first.
    NightOf { first: Weekday, second: Weekday },
    /// A number of days before the dateline.
    DaysAgo(u64),
    /// Last week (`-1`) or this week (`0`), precision 2.
    Week(i8),
    /// The weekend before the dateline, precision 2.
    Weekend,
    /// This month (`0`) or last month (`-1`), precision 3.
    RelMonth(i8),
}

/// Which part of a month a month-only date names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthPart {
    Early,
    Mid,
    Late,
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    DayMonth,
    MonthDay,
    Numeric,
    Iso,
    NightDays,
    RangeDays,
    RangeMonths,
    MonthFirstRange,
    MonthFirstNight,
    MonthOnly,
    Weekday,
    NightWeekdays,
    Relative,
    DaysAgo,
}

const MONTH: &str = r"(january|february|march|april|may|june|july|august|september|october|november|december|jan\.?|feb\.?|mar\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept\.?|sep\.?|oct\.?|nov\.?|dec\.?|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)";
const WEEKDAY: &str = r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)";
const ORD: &str = r"(?:st|nd|rd|th|er|e|ème)?";

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let build =
        |pattern: String| Regex::new(&format!("(?i){pattern}")).expect("date patterns are valid");
    vec![
        (
            Kind::DayMonth,
            build(format!(
                r"\b(?:{WEEKDAY},?\s+)?(?:the\s+)?(\d{{1,2}}){ORD}\s+(?:of\s+)?{MONTH}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthDay,
            build(format!(r"\b(?:{WEEKDAY},?\s+)?{MONTH}\s+(\d{{1,2}}){ORD}\b(?:,?\s+(\d{{4}})\b)?")),
        ),
        (Kind::Numeric, build(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b".to_string())),
        (Kind::Iso, build(r"\b(\d{4})-(\d{2})-(\d{2})\b".to_string())),
        (
            Kind::NightDays,
            build(format!(
                r"\b(?:night|nuit|overnight)\s+(?:of|between|from|du|de|entre)\s+(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s*(?:{MONTH}\s*)?(?:to|and|-|–|au|à|et)\s*(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s+{MONTH}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::RangeDays,
            build(format!(
                r"\b(?:between|from|du|entre)\s+(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s*(?:and|to|-|–|au|et)\s*(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s+{MONTH}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::RangeMonths,
            build(format!(
                r"\b(?:between|from|du|entre)\s+(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s+(?:of\s+)?{MONTH}\s*(?:and|to|until|-|–|au|et|jusqu'au)\s*(?:the\s+|le\s+)?(\d{{1,2}}){ORD}\s+(?:of\s+)?{MONTH}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthFirstRange,
            build(format!(
                r"\b(?:between|from)\s+{MONTH}\s+(\d{{1,2}}){ORD}\s*(?:and|to|until|-|–)\s*(\d{{1,2}}){ORD}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthFirstNight,
            build(format!(
                r"\b(?:night|overnight)\s+(?:of|between|from)\s+(?:the\s+)?{MONTH}\s+(\d{{1,2}}){ORD}\s*(?:to|and|-|–)\s*(\d{{1,2}}){ORD}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthOnly,
            build(format!(
                r"\b(early|mid|late|beginning of|end of|the end of|the beginning of|the middle of|début|fin|mi|courant|in|on|en|during|since|depuis)[\s-]+(?:de\s+|d')?{MONTH}\b(?:,?\s+(\d{{4}})\b)?"
            )),
        ),
        (
            Kind::NightWeekdays,
            build(format!(
                r"\b(?:overnight|(?:in\s+)?the\s+night|(?:dans\s+)?la\s+nuit)\s+(?:from|of|between|de|du|entre)?\s*{WEEKDAY}\s+(?:to|into|and|à|au|et)\s+{WEEKDAY}\b"
            )),
        ),
        (
            Kind::Weekday,
            build(format!(
                r"\b(?:(last|this|past|on|ce|le)\s+)?{WEEKDAY}\b(?:\s+(dernier|passé|night|morning|evening|afternoon|soir|matin|soirée|après-midi))?"
            )),
        ),
        (
            Kind::DaysAgo,
            build(
                r"\b(?:(\d{1,2}|two|three|four|five|six|seven|deux|trois|quatre|cinq|six|sept)\s+days\s+ago|il\s+y\s+a\s+(\d{1,2}|deux|trois|quatre|cinq|six|sept)\s+jours)\b"
                    .to_string(),
            ),
        ),
        (
            Kind::Relative,
            build(
                r"\b(the\s+day\s+before\s+yesterday|avant-hier|yesterday|hier|today|aujourd'hui|aujourd’hui|this\s+morning|ce\s+matin|last\s+night|la\s+nuit\s+derni[èe]re|cette\s+nuit|overnight|earlier\s+this\s+week|this\s+week|cette\s+semaine|last\s+week|la\s+semaine\s+derni[èe]re|la\s+semaine\s+pass[ée]e|(?:over\s+|during\s+)?the\s+(?:past\s+)?weekend|(?:ce|le)\s+week-end(?:\s+dernier)?|earlier\s+this\s+month|this\s+month|ce\s+mois-ci|plus\s+t[ôo]t\s+ce\s+mois|last\s+month|le\s+mois\s+dernier|le\s+mois\s+pass[ée])\b"
                    .to_string(),
            ),
        ),
    ]
});

/// Words just before a date that make it the bound of a longer span, not an event day.
static BOUND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\bsince|\bdepuis(?:\s+le)?|\buntil|\bjusqu'(?:au|à)|\bstarting|\bas of|\bby|\bbefore|\bavant(?:\s+le)?)\s*(?:the\s+|le\s+)?$")
        .expect("valid")
});

/// What follows a dateline: an agency in brackets or a dash opening the story.
static DATELINE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:\d{4}\s*)?(?:\((?:AFP|Reuters|AP|APA|Xinhua|ANP|MAP|PANA|AIP|ATOP|AA)\)|[-–—]\s)",
    )
    .expect("valid")
});

/// Words just after a date that make it approximate: "2 May 2020 (or around)".
static APPROX_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*\((?:or\s+around|or\s+about|approximately|approx\.?|as\s+reported)\)")
        .expect("valid")
});

/// "(month of)" after a date: only the month is known.
static MONTH_OF_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*\((?:the\s+)?month\s+of\)").expect("valid"));

/// A precision stated in brackets after a date: "(coded as 15 October at time precision 2)".
static STATED_PRECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*\([^()]{0,60}?\btime\s+precision\s+([123])\b").expect("valid")
});

/// Words just before a date that make it approximate (precision 2).
static APPROX_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\(or\s+(?:around|about)\)|[\[(]and\s+around[\])]|\baround|\bon or around|\bon or about|\babout|\bcirca|\breported on|\breported|\bvers le|\baux alentours du|\bautour du)\s*(?:the\s+)?$")
        .expect("valid")
});

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn group<'t>(caps: &Captures<'t>, i: usize) -> Option<&'t str> {
    caps.get(i).map(|m| m.as_str())
}

fn num(caps: &Captures<'_>, i: usize) -> Option<u32> {
    group(caps, i).and_then(|s| s.parse().ok())
}

fn year(caps: &Captures<'_>, i: usize) -> Option<i32> {
    let value: i32 = group(caps, i)?.parse().ok()?;
    (1900..=2100).contains(&value).then_some(value)
}

/// Reads a match into a recognised expression, or `None` when it is not a date.
fn read(kind: Kind, caps: &Captures<'_>, text: &str) -> Option<Raw> {
    let whole = caps.get(0)?;
    let span = Span::new(whole.start(), whole.end());
    let when = match kind {
        Kind::DayMonth => {
            let day = num(caps, 2)?;
            let month_word = group(caps, 3)?;
            let month = month_from_name(month_word)?;
            let year = year(caps, 4);
            // "3 mar" and "5 may" are too ambiguous without a year or capital letter.
            if year.is_none() && is_ambiguous_month(month_word) {
                return None;
            }
            When::Absolute { year, month, day, precision: TimePrecision::Day }
        }
        Kind::MonthDay => {
            let month_word = group(caps, 2)?;
            let month = month_from_name(month_word)?;
            let day = num(caps, 3)?;
            let year = year(caps, 4);
            if is_ambiguous_month(month_word) {
                return None;
            }
            // "May 5" needs the capital; "may 5 people" is not a date.
            if month_word.eq_ignore_ascii_case("may") && !month_word.starts_with('M') {
                return None;
            }
            When::Absolute { year, month, day, precision: TimePrecision::Day }
        }
        Kind::Numeric => {
            let a = num(caps, 1)?;
            let b = num(caps, 2)?;
            let raw_year: i32 = group(caps, 3)?.parse().ok()?;
            let year = if raw_year < 100 { 2000 + raw_year } else { raw_year };
            let (day, month) = if b > 12 && a <= 12 { (b, a) } else { (a, b) };
            When::Absolute { year: Some(year), month, day, precision: TimePrecision::Day }
        }
        Kind::Iso => {
            let year = year(caps, 1)?;
            When::Absolute {
                year: Some(year),
                month: num(caps, 2)?,
                day: num(caps, 3)?,
                precision: TimePrecision::Day,
            }
        }
        Kind::NightDays => {
            let month = month_from_name(group(caps, 4)?)?;
            let first = num(caps, 1)?;
            let second = num(caps, 3)?;
            let month = if group(caps, 2).is_some() && first > second {
                month_from_name(group(caps, 2)?)?
            } else {
                month
            };
            When::Absolute {
                year: year(caps, 5),
                month,
                day: first,
                precision: TimePrecision::Week,
            }
        }
        Kind::RangeDays => When::Range {
            year: year(caps, 4),
            month: month_from_name(group(caps, 3)?)?,
            first: num(caps, 1)?,
            last: num(caps, 2)?,
        },
        Kind::RangeMonths => When::Span {
            year: year(caps, 5),
            first_month: month_from_name(group(caps, 2)?)?,
            first: num(caps, 1)?,
            last_month: month_from_name(group(caps, 4)?)?,
            last: num(caps, 3)?,
        },
        Kind::MonthFirstRange | Kind::MonthFirstNight => {
            let month_word = group(caps, 1)?;
            if is_ambiguous_month(month_word) {
                return None;
            }
            let month = month_from_name(month_word)?;
            let first = num(caps, 2)?;
            let year = year(caps, 4);
            if kind == Kind::MonthFirstNight {
                When::Absolute { year, month, day: first, precision: TimePrecision::Week }
            } else {
                When::Range { year, month, first, last: num(caps, 3)? }
            }
        }
        Kind::MonthOnly => {
            let lead = group(caps, 1)?.to_lowercase();
            let month_word = group(caps, 2)?;
            let year = year(caps, 3);
            if month_word.eq_ignore_ascii_case("may") && !month_word.starts_with('M') {
                return None;
            }
            if is_ambiguous_month(month_word) && year.is_none() {
                return None;
            }
            let part = match lead.as_str() {
                "early" | "beginning of" | "the beginning of" | "début" => MonthPart::Early,
                "late" | "end of" | "the end of" | "fin" => MonthPart::Late,
                "mid" | "mi" | "the middle of" => MonthPart::Mid,
                _ => MonthPart::Any,
            };
            // Only the month itself is the date; "since"/"depuis" stays in the prefix check.
            // "on May" is not a date without its year ("on May 5" is read elsewhere).
            if lead == "on" && year.is_none() {
                return None;
            }
            let span =
                if matches!(lead.as_str(), "since" | "depuis" | "in" | "on" | "en" | "during") {
                    Span::new(caps.get(2)?.start(), whole.end())
                } else {
                    span
                };
            return Some(Raw {
                span,
                when: When::Month { year, month: month_from_name(month_word)?, part },
            });
        }
        Kind::Weekday => {
            let lead = group(caps, 1).map(str::to_lowercase);
            let trail = group(caps, 3).map(str::to_lowercase);
            let weekday = tocsin_model::weekday_from_name(group(caps, 2)?)?;
            let strict = matches!(lead.as_deref(), Some("last" | "past"))
                || matches!(trail.as_deref(), Some("dernier" | "passé"));
            // A bare French weekday not led by "le"/"ce" and not capitalised is usually fine too;
            // "Monday's attack" and "le 20 juillet" are handled by other patterns.
            let _ = text;
            When::Weekday { weekday, strict }
        }
        Kind::NightWeekdays => When::NightOf {
            first: tocsin_model::weekday_from_name(group(caps, 1)?)?,
            second: tocsin_model::weekday_from_name(group(caps, 2)?)?,
        },
        Kind::DaysAgo => {
            let word = group(caps, 1).or_else(|| group(caps, 2))?.to_lowercase();
            let n = match word.as_str() {
                "two" | "deux" => 2,
                "three" | "trois" => 3,
                "four" | "quatre" => 4,
                "five" | "cinq" => 5,
                "six" => 6,
                "seven" | "sept" => 7,
                digits => digits.parse().ok()?,
            };
            When::DaysAgo(n)
        }
        Kind::Relative => {
            let phrase = group(caps, 1)?.to_lowercase().replace('’', "'");
            let phrase: String = phrase.split_whitespace().collect::<Vec<_>>().join(" ");
            match phrase.as_str() {
                "the day before yesterday" | "avant-hier" => When::DaysAgo(2),
                "yesterday" | "hier" | "last night" | "la nuit dernière" | "la nuit derniere"
                | "cette nuit" | "overnight" => When::DaysAgo(1),
                "today" | "aujourd'hui" | "this morning" | "ce matin" => When::DaysAgo(0),
                "this week" | "earlier this week" | "cette semaine" => When::Week(0),
                "last week"
                | "la semaine dernière"
                | "la semaine derniere"
                | "la semaine passée"
                | "la semaine passee" => When::Week(-1),
                "earlier this month" | "this month" | "ce mois-ci" | "plus tôt ce mois"
                | "plus tot ce mois" => When::RelMonth(0),
                "last month" | "le mois dernier" | "le mois passé" | "le mois passe" => {
                    When::RelMonth(-1)
                }
                p if p.contains("week") => When::Weekend,
                _ => return None,
            }
        }
    };
    Some(Raw { span, when })
}

/// Months whose names are also common words when written without a year.
fn is_ambiguous_month(word: &str) -> bool {
    let lower = word.to_lowercase();
    matches!(
        lower.trim_end_matches('.'),
        "mar" | "jan" | "sep" | "dec" | "nov" | "oct" | "aug" | "jun" | "jul" | "apr" | "feb"
    ) && !word.starts_with(|c: char| c.is_uppercase())
}

/// The most recent `weekday` on or before `day` (strictly before when `strict`).
pub fn last_weekday(day: NaiveDate, weekday: Weekday, strict: bool) -> NaiveDate {
    let mut back = (7 + day.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    if strict && back == 0 {
        back = 7;
    }
    day.checked_sub_days(Days::new(u64::from(back))).unwrap_or(day)
}

fn last_day_of_month(year: i32, month: u32) -> Option<u32> {
    let (next_year, next_month) = if month == 12 { (year + 1, 1) } else { (year, month + 1) };
    NaiveDate::from_ymd_opt(next_year, next_month, 1)?.pred_opt().map(|d| d.day())
}

/// The year for a month/day without one: the most recent past occurrence before the
/// dateline, else the year of the nearest explicit full date in the text.
fn infer_year(
    month: u32,
    day: u32,
    at: usize,
    published: Option<NaiveDate>,
    text_years: &[(usize, i32)],
) -> Option<(i32, f32)> {
    if let Some(published) = published {
        let this_year = published.year();
        let candidate = NaiveDate::from_ymd_opt(this_year, month, day.clamp(1, 28))?;
        let in_future = candidate > published
            && NaiveDate::from_ymd_opt(this_year, month, day).is_none_or(|d| d > published);
        return Some((if in_future { this_year - 1 } else { this_year }, 0.9));
    }
    let nearest = text_years
        .iter()
        .min_by_key(|(position, _)| position.abs_diff(at))
        .map(|&(_, year)| year)?;
    Some((nearest, 0.75))
}

/// Resolves a recognised expression to (day, precision, relative, confidence).
fn resolve(
    found: &Raw,
    published: Option<NaiveDate>,
    text_years: &[(usize, i32)],
) -> Option<(NaiveDate, TimePrecision, bool, f32)> {
    let at = found.span.start;
    match found.when {
        When::Absolute { year, month, day, precision } => {
            let (year, confidence) = match year {
                Some(year) => (year, 0.95),
                None => infer_year(month, day, at, published, text_years)?,
            };
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some((date, precision, false, confidence))
        }
        When::Range { year, month, first, last } => {
            let (year, confidence) = match year {
                Some(year) => (year, 0.9),
                None => infer_year(month, last, at, published, text_years)?,
            };
            if first > last {
                return None;
            }
            let middle = first + (last - first) / 2;
            let precision =
                if last - first <= 7 { TimePrecision::Week } else { TimePrecision::Month };
            let date = NaiveDate::from_ymd_opt(year, month, middle)?;
            Some((date, precision, false, confidence * 0.9))
        }
        When::Span { year, first_month, first, last_month, last } => {
            let (year, confidence) = match year {
                Some(year) => (year, 0.9),
                None => infer_year(last_month, last, at, published, text_years)?,
            };
            let end = NaiveDate::from_ymd_opt(year, last_month, last)?;
            let start_year = if first_month > last_month { year - 1 } else { year };
            let start = NaiveDate::from_ymd_opt(start_year, first_month, first)?;
            let days = u64::try_from((end - start).num_days()).ok()?;
            if days > 62 {
                return None;
            }
            let middle = start.checked_add_days(Days::new(days / 2))?;
            let precision = if days <= 7 { TimePrecision::Week } else { TimePrecision::Month };
            Some((middle, precision, false, confidence * 0.9))
        }
        When::Month { year, month, part } => {
            let (year, confidence) = match year {
                Some(year) => (year, 0.8),
                None => infer_year(month, 1, at, published, text_years)?,
            };
            let day = match part {
                MonthPart::Early => 1,
                MonthPart::Late => last_day_of_month(year, month)?,
                MonthPart::Mid | MonthPart::Any => 15,
            };
            let date = NaiveDate::from_ymd_opt(year, month, day)?;
            Some((date, TimePrecision::Month, false, confidence * 0.8))
        }
        When::Weekday { weekday, strict } => {
            let published = published?;
            Some((last_weekday(published, weekday, strict), TimePrecision::Day, true, 0.8))
        }
        When::NightOf { first, second } => {
            let published = published?;
            let second_day = last_weekday(published, second, false);
            let first_day = last_weekday(second_day, first, true);
            Some((first_day, TimePrecision::Day, true, 0.8))
        }
        When::DaysAgo(n) => {
            let published = published?;
            let day = published.checked_sub_days(Days::new(n))?;
            Some((day, TimePrecision::Day, true, 0.8))
        }
        When::Week(offset) => {
            let published = published?;
            let monday = last_weekday(published, Weekday::Mon, false);
            let day = if offset < 0 {
                monday.checked_sub_days(Days::new(5))? // Wednesday of last week
            } else {
                let wednesday = monday.checked_add_days(Days::new(2))?;
                wednesday.min(published)
            };
            Some((day, TimePrecision::Week, true, 0.6))
        }
        When::Weekend => {
            let published = published?;
            Some((last_weekday(published, Weekday::Sat, false), TimePrecision::Week, true, 0.6))
        }
        When::RelMonth(offset) => {
            let published = published?;
            let (year, month) = if offset < 0 {
                if published.month() == 1 {
                    (published.year() - 1, 12)
                } else {
                    (published.year(), published.month() - 1)
                }
            } else {
                (published.year(), published.month())
            };
            let day = NaiveDate::from_ymd_opt(year, month, 15)?;
            Some((day.min(published), TimePrecision::Month, true, 0.5))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    /// The first non-bound date of `text` as `YYYY-MM-DD/precision`, or `-`.
    fn check(text: &str, published: Option<&str>, want: &str) {
        let dates = find_dates(text, published.map(ymd));
        let got = dates
            .mentions
            .iter()
            .find(|m| !m.bound)
            .map(|m| format!("{}/{}", m.date.date, m.date.precision.code()))
            .unwrap_or_else(|| "-".to_string());
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn explicit_english() {
        check("On 14 March 2019, the police in Kunduz fought off gunmen.", None, "2019-03-14/1");
        check("On April 27, 2020, police repelled an attack.", None, "2020-04-27/1");
        check("On the 3rd of May 2021 gunmen attacked.", None, "2021-05-03/1");
        check("Clashes on 27/04/2020 in Gao.", None, "2020-04-27/1");
        check("Clashes on 2020-04-27 in Gao.", None, "2020-04-27/1");
        check("Saturday, 20 July 2024: gunmen attacked.", None, "2024-07-20/1");
        check("Around 4 May 2020, militants attacked.", None, "2020-05-04/2");
        check("As reported on 11 June 2019, one trader in Gao died.", None, "2019-06-11/2");
    }

    #[test]
    fn explicit_french() {
        check("Le 27 avril 2020, des hommes armés ont attaqué.", None, "2020-04-27/1");
        check("samedi 20 juillet 2024, une attaque", None, "2024-07-20/1");
        check("Le 1er mai 2023, manifestation à Lomé.", None, "2023-05-01/1");
        check("le 14 février 2022", None, "2022-02-14/1");
    }

    #[test]
    fn missing_year_comes_from_the_dateline_or_text() {
        check("On April 27, gunmen attacked.", Some("2020-05-02"), "2020-04-27/1");
        check("On December 30, gunmen attacked.", Some("2021-01-04"), "2020-12-30/1");
        check("le 1er mai, manifestation", Some("2023-05-03"), "2023-05-01/1");
        check("On January 22, JNIM attacked.", None, "-");
        check("On 3 May, JNIM attacked. On 4 May 2021 they returned.", None, "2021-05-03/1");
    }

    #[test]
    fn relative_days() {
        // 2024-07-21 is a Sunday.
        check("Gunmen attacked an army post on Saturday.", Some("2024-07-21"), "2024-07-20/1");
        check("On Sunday, protesters marched.", Some("2024-07-21"), "2024-07-21/1");
        check("Last Sunday, protesters marched.", Some("2024-07-21"), "2024-07-14/1");
        check("Des hommes armés ont attaqué samedi.", Some("2024-07-21"), "2024-07-20/1");
        check("Yesterday gunmen attacked.", Some("2024-07-21"), "2024-07-20/1");
        check("Hier, des hommes armés ont attaqué.", Some("2024-07-21"), "2024-07-20/1");
        check("two days ago gunmen attacked", Some("2024-07-21"), "2024-07-19/1");
        check("il y a trois jours", Some("2024-07-21"), "2024-07-18/1");
        check("Last night gunmen attacked.", Some("2024-07-21"), "2024-07-20/1");
        check("Saturday attack", None, "-");
    }

    #[test]
    fn nights_code_to_the_first_day() {
        check("dans la nuit de samedi à dimanche", Some("2024-07-22"), "2024-07-20/1");
        check("overnight Tuesday to Wednesday", Some("2024-07-25"), "2024-07-23/1");
        check("Overnight between 8 and 9 October 2019, gunmen raided Kaya", None, "2019-10-08/2");
        check("dans la nuit du 20 au 21 juillet 2024", None, "2024-07-20/2");
    }

    #[test]
    fn weeks_and_months() {
        check("last week gunmen attacked", Some("2024-07-21"), "2024-07-10/2");
        check("la semaine dernière", Some("2024-07-21"), "2024-07-10/2");
        check("over the weekend", Some("2024-07-22"), "2024-07-20/2");
        check("earlier this month", Some("2024-07-21"), "2024-07-15/3");
        check("in mid-July 2024", None, "2024-07-15/3");
        check("early May 2020", None, "2020-05-01/3");
        check("fin mai 2020", None, "2020-05-31/3");
        check(
            "Gendarmes detained a shopkeeper in Kara in September (exact day not given).",
            Some("2018-10-01"),
            "2018-09-15/3",
        );
        check("Between 9 and 23 February 2020, operations", None, "2020-02-16/3");
    }

    #[test]
    fn spans_across_months_and_month_first_ranges() {
        check("From 28 March to 3 April 2023, herders clashed near Dori.", None, "2023-03-31/2");
        check("Between 20 June and 10 July 2022 the army swept the forest.", None, "2022-06-30/3");
        check("du 28 février au 2 mars 2021, des combats ont eu lieu", None, "2021-03-01/2");
        check("From August 3 to 19 2021, soldiers patrolled the border.", None, "2021-08-11/3");
        check("Overnight between March 4-5 2022, gunmen raided a camp.", None, "2022-03-04/2");
        check("On June 2021, soldiers arrested a smuggler.", None, "2021-06-15/3");
    }

    #[test]
    fn brackets_after_a_date_set_its_precision() {
        check("Around 12 April 2022 (between 9 - 15 April), gunmen struck.", None, "2022-04-12/2");
        check(
            "Around 12 April 2022 (from 1 April to 20 April), gunmen struck.",
            None,
            "2022-04-12/3",
        );
        check("Around 9 June 2021 (month of), a chief was kidnapped.", None, "2021-06-09/3");
        check(
            "Early in March 2020 (coded as 2 March at time precision 2), rebels moved.",
            None,
            "2020-03-02/2",
        );
        check("On [and around] 6 May 2021, militias fought near the river.", None, "2021-05-06/2");
    }

    #[test]
    fn relative_forms_of_the_issue() {
        // 2025-03-12 is a Wednesday.
        let wednesday = Some("2025-03-12");
        check("Rebels shelled the town on Saturday.", wednesday, "2025-03-08/1");
        check("Des hommes armés ont attaqué samedi dernier.", wednesday, "2025-03-08/1");
        check("Overnight Monday to Tuesday, a camp was raided.", wednesday, "2025-03-10/1");
        check("Dans la nuit de lundi à mardi, un poste a été attaqué.", wednesday, "2025-03-10/1");
        check("Militants torched a school two days ago.", wednesday, "2025-03-10/1");
        check("Trois bergers ont été tués il y a deux jours.", wednesday, "2025-03-10/1");
        check("Soldiers raided the market last week.", wednesday, "2025-03-05/2");
        check("Des soldats ont fouillé le marché la semaine dernière.", wednesday, "2025-03-05/2");
        check("Pupils protested earlier this month.", wednesday, "2025-03-12/3");
        check("Le mois dernier, des bandits ont pillé le village.", wednesday, "2025-02-15/3");
        check("Rebels shelled the town on Saturday.", None, "-");
    }

    #[test]
    fn datelines_are_marked() {
        let text = "LOMÉ, 21 July 2024 (AFP) - Gunmen attacked an army post on Saturday.";
        let dates = find_dates(text, Some(ymd("2024-07-21")));
        let flags: Vec<bool> = dates.mentions.iter().map(|m| m.dateline).collect();
        assert_eq!(flags, vec![true, false]);
    }

    #[test]
    fn bounds_are_marked() {
        let dates = find_dates("nearly 150 people have died since 2021 and since 3 May 2020", None);
        assert!(dates.mentions.iter().all(|m| m.bound));
    }

    #[test]
    fn no_false_dates() {
        check("Police may 5 times have fired.", None, "-");
        check("The 2 march participants were arrested.", None, "-");
        check("They killed 3 people.", None, "-");
    }
}
