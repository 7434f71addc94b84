//! Month names in English and French, shared by every stage that reads dates.

/// The month (1-12) an English or French month name or abbreviation names, any case,
/// with or without a final period (`"July"`, `"juil."`, `"févr"`, `"Sept."`).
pub fn month_from_name(word: &str) -> Option<u32> {
    let lower = word.to_lowercase();
    let month = match lower.trim_end_matches('.') {
        "january" | "jan" | "janvier" | "janv" => 1,
        "february" | "feb" | "février" | "fevrier" | "févr" | "fevr" | "fév" | "fev" => 2,
        "march" | "mar" | "mars" => 3,
        "april" | "apr" | "avril" | "avr" => 4,
        "may" | "mai" => 5,
        "june" | "jun" | "juin" => 6,
        "july" | "jul" | "juillet" | "juil" => 7,
        "august" | "aug" | "août" | "aout" => 8,
        "september" | "sep" | "sept" | "septembre" => 9,
        "october" | "oct" | "octobre" => 10,
        "november" | "nov" | "novembre" => 11,
        "december" | "dec" | "décembre" | "decembre" | "déc" => 12,
        _ => return None,
    };
    Some(month)
}

/// The weekday an English or French weekday name names, any case (`"Saturday"`, `"samedi"`).
pub fn weekday_from_name(word: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::*;
    let day = match word.to_lowercase().as_str() {
        "monday" | "lundi" => Mon,
        "tuesday" | "mardi" => Tue,
        "wednesday" | "mercredi" => Wed,
        "thursday" | "jeudi" => Thu,
        "friday" | "vendredi" => Fri,
        "saturday" | "samedi" => Sat,
        "sunday" | "dimanche" => Sun,
        _ => return None,
    };
    Some(day)
}

/// Whether `word` is a month or weekday name (or a month's abbreviation) in English or French.
pub fn is_calendar_name(word: &str) -> bool {
    month_from_name(word).is_some() || weekday_from_name(word).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_and_french_names_and_abbreviations() {
        for (word, month) in [
            ("January", 1),
            ("févr.", 2),
            ("fevrier", 2),
            ("Sept.", 9),
            ("juil", 7),
            ("AOÛT", 8),
            ("déc", 12),
        ] {
            assert_eq!(month_from_name(word), Some(month), "{word}");
        }
        for word in ["", "monday", "marché", "juillets"] {
            assert_eq!(month_from_name(word), None, "{word}");
        }
    }

    #[test]
    fn weekdays_in_both_languages() {
        assert_eq!(weekday_from_name("Saturday"), Some(chrono::Weekday::Sat));
        assert_eq!(weekday_from_name("SAMEDI"), Some(chrono::Weekday::Sat));
        assert_eq!(weekday_from_name("sam"), None);
        assert!(is_calendar_name("dimanche") && is_calendar_name("Juin"));
        assert!(!is_calendar_name("Kara"));
    }
}
