//! Publication dates as sources write them, in English and French.
//!
//! [`parse_date`] accepts ISO dates (`2026-11-21`, also with a time), RFC 3339 and
//! RFC 2822 timestamps, numeric dates (`21/11/2026`, day first unless the day cannot
//! be), and written dates with an optional weekday: `21 November 2026`,
//! `Nov. 21, 2026`, `Saturday, November 21st, 2026`, `21 novembre 2026`,
//! `samedi 20 juillet 2024`, `1er mars 2025`. A timestamp's date is the one in its
//! own offset, as its reader saw it.

use chrono::{DateTime, NaiveDate};
use tocsin_model::month_from_name;

/// Parses a publication date; `None` when the text holds no recognisable date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.is_empty() || text.len() > 200 {
        return None;
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc3339(text) {
        return Some(timestamp.date_naive());
    }
    if let Ok(timestamp) = DateTime::parse_from_rfc2822(text) {
        return Some(timestamp.date_naive());
    }
    numeric_date(text).or_else(|| written_date(text))
}

/// `2026-11-21`, `2026/11/21`, `2026.11.21`, `21/11/2026`, `21-11-2026`, `21.11.2026`,
/// possibly after a word or two (`Le 21/11/2026`) and before a time.
fn numeric_date(text: &str) -> Option<NaiveDate> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|token| !token.is_empty())
        .take(4)
        .find_map(|token| numeric_token(token.split('T').next().unwrap_or(token)))
}

/// One numeric date token.
fn numeric_token(head: &str) -> Option<NaiveDate> {
    let parts: Vec<&str> = head.split(['-', '/', '.']).collect();
    let [first, second, third] = parts.as_slice() else {
        return None;
    };
    if !(first.chars().chain(second.chars()).chain(third.chars())).all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year_first = first.len() == 4;
    let (first, second, third): (u32, u32, i32) =
        (first.parse().ok()?, second.parse().ok()?, third.parse().ok()?);
    if year_first {
        let year = i32::try_from(first).ok()?;
        return NaiveDate::from_ymd_opt(year, second, u32::try_from(third).ok()?);
    }
    if !(1000..=9999).contains(&third) {
        return None;
    }
    // Day first, as in most of the world and in French, unless only month first fits.
    NaiveDate::from_ymd_opt(third, second, first)
        .or_else(|| NaiveDate::from_ymd_opt(third, first, second))
}

/// Written dates: a day, a month name and a year, the day next to the month.
fn written_date(text: &str) -> Option<NaiveDate> {
    let tokens: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '/' || c == '-')
        .map(|token| token.trim_matches('.').to_lowercase())
        .filter(|token| !token.is_empty())
        .collect();
    let month_idx = tokens.iter().position(|token| month_from_name(token).is_some())?;
    let month = month_from_name(tokens.get(month_idx)?)?;
    let day_before = month_idx
        .checked_sub(1)
        .and_then(|idx| tokens.get(idx))
        .and_then(|token| day_number(token));
    let day_after = tokens.get(month_idx + 1).and_then(|token| day_number(token));
    let (day, year_from) = match (day_before, day_after) {
        (Some(day), _) => (day, month_idx + 1),
        (None, Some(day)) => (day, month_idx + 2),
        (None, None) => return None,
    };
    let year = tokens.get(year_from..)?.iter().take(2).find_map(|token| year_number(token))?;
    NaiveDate::from_ymd_opt(year, month, day)
}

fn day_number(token: &str) -> Option<u32> {
    let digits = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .or_else(|| token.strip_suffix("er"))
        .or_else(|| token.strip_suffix("ᵉʳ"))
        .unwrap_or(token);
    if digits.is_empty() || digits.len() > 2 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let day: u32 = digits.parse().ok()?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(token: &str) -> Option<i32> {
    if token.len() != 4 || !token.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let year: i32 = token.parse().ok()?;
    (1800..=2200).contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: Option<&str>) {
        let expected = expected.and_then(|date| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        assert_eq!(parse_date(text), expected, "{text:?}");
    }

    #[test]
    fn iso_and_timestamps() {
        check("2026-11-21", Some("2026-11-21"));
        check(" 2026-11-21 ", Some("2026-11-21"));
        check("2026-11-21T23:30:00+01:00", Some("2026-11-21"));
        check("2026-11-21T23:30:00Z", Some("2026-11-21"));
        check("2026-11-21T08:00:00", Some("2026-11-21"));
        check("2026-11-21 08:00", Some("2026-11-21"));
        check("Sat, 21 Nov 2026 08:00:00 +0000", Some("2026-11-21"));
        check("Sat, 21 Nov 2026 08:00:00 GMT", Some("2026-11-21"));
        check("2026/11/21", Some("2026-11-21"));
    }

    #[test]
    fn numeric() {
        check("21/11/2026", Some("2026-11-21"));
        check("21.11.2026", Some("2026-11-21"));
        check("11/21/2026", Some("2026-11-21"));
        check("03/04/2026", Some("2026-04-03"));
        check("2026-13-01", None);
        check("31/02/2026", None);
        check("1/2/26", None);
        check("Le 21/11/2026 à 10h", Some("2026-11-21"));
        check("Updated: 2026-11-21 08:00", Some("2026-11-21"));
    }

    #[test]
    fn written_english() {
        check("21 November 2026", Some("2026-11-21"));
        check("Nov 21, 2026", Some("2026-11-21"));
        check("Nov. 21, 2026", Some("2026-11-21"));
        check("November 21st, 2026", Some("2026-11-21"));
        check("Saturday, November 21, 2026 at 10:00", Some("2026-11-21"));
        check("21 Nov 2026 10:00 GMT", Some("2026-11-21"));
        check("2nd May 2024", Some("2024-05-02"));
    }

    #[test]
    fn written_french() {
        check("21 novembre 2026", Some("2026-11-21"));
        check("samedi 20 juillet 2024", Some("2024-07-20"));
        check("Samedi 20 Juillet 2024", Some("2024-07-20"));
        check("1er mars 2025", Some("2025-03-01"));
        check("15 août 2023", Some("2023-08-15"));
        check("15 aout 2023", Some("2023-08-15"));
        check("3 févr. 2024", Some("2024-02-03"));
        check("jeudi 12 décembre 2024 à 18h", Some("2024-12-12"));
    }

    #[test]
    fn rejects() {
        check("", None);
        check("yesterday", None);
        check("November 2026", None);
        check("in May", None);
        check("31 February 2026", None);
        check("21 November", None);
        check(&"9".repeat(500), None);
    }
}
