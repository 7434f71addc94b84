//! Counts written in digits or words, English and French, with ACLED's readings of vague ones.

use crate::text::{fold, Token, TokenKind};

/// A count read from the tokens `first..=last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quantity {
    /// The count ACLED would code: the lowest of a range, the conventional value of a vague word.
    pub value: u32,
    /// Index of the first token of the phrase (including modifiers such as "at least").
    pub first: usize,
    /// Index of the last token of the phrase.
    pub last: usize,
    /// Whether the count is a convention ("several" = 3) rather than a stated figure.
    pub vague: bool,
}

/// Reads a count starting at token `i`: modifiers, then a number, then an optional range.
///
/// "at least 5" gives 5, "5 to 7", "5-7" and "between 5 and 7" give 5, "une dizaine" 10,
/// "a dozen" 12, "dozens" and "des dizaines" 12, "hundreds" 100, "several" 3, "many" 10.
pub fn quantity_at(tokens: &[Token], i: usize) -> Option<Quantity> {
    let first = i;
    let mut i = i;
    let mut between = false;
    // Modifiers that leave the figure unchanged.
    loop {
        let token = tokens.get(i)?;
        let next = tokens.get(i + 1).map(|t| t.lower.as_str()).unwrap_or("");
        let skip = match token.lower.as_str() {
            "at" | "au" if matches!(next, "least" | "moins") => 2,
            "at" if next == "the"
                && tokens.get(i + 2).is_some_and(|t| t.is_any(&["least", "minimum"])) =>
            {
                3
            }
            "more" | "fewer" | "less" if next == "than" => 2,
            "plus" | "moins" if next == "de" || next == "d" => {
                if tokens.get(i + 2).is_some_and(|t| t.is("'")) {
                    3
                } else {
                    2
                }
            }
            "up" if next == "to" => 2,
            "as" if next == "many" && tokens.get(i + 2).is_some_and(|t| t.is("as")) => 3,
            "a" | "un" if next == "total" => {
                if tokens.get(i + 2).is_some_and(|t| t.is_any(&["of", "de"])) {
                    3
                } else {
                    2
                }
            }
            "près" | "pres" if next == "de" => 2,
            // "a reported twelve", "an estimated 40".
            "a" | "an"
                if matches!(next, "reported" | "estimated" | "confirmed")
                    && tokens.get(i + 2).is_some_and(|t| {
                        t.kind == TokenKind::Number || word_value(&fold(&t.lower)).is_some()
                    }) =>
            {
                2
            }
            "jusqu" if next == "'" => 3,
            "nearly" | "almost" | "about" | "around" | "approximately" | "roughly" | "some"
            | "reported" | "confirmed" | "officially" | "over" | "another" | "environ"
            | "quelque" | "approx" | "an" | "estimated" | "reportedly" | "only" | "just"
            | "further" | "additional" | "autres" => {
                // "some", "an", "another" are modifiers only before a figure.
                let figure_follows = tokens
                    .get(i + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number || word_value(&t.lower).is_some());
                usize::from(figure_follows || (token.lower == "an" && next == "estimated"))
            }
            "between" | "entre" => {
                between = true;
                1
            }
            _ => 0,
        };
        if skip == 0 {
            break;
        }
        i += skip;
        if i - first > 6 {
            return None;
        }
    }
    let (value, mut last, vague) = core_at(tokens, i)?;
    if is_date_day(tokens, i, last) {
        return None;
    }
    // A range keeps its lowest figure.
    let joiner = tokens.get(last + 1).map(|t| t.lower.as_str());
    let joins = match joiner {
        Some("to" | "or" | "-" | "–" | "à" | "ou" | "/") => true,
        Some("and" | "et") => between,
        _ => false,
    };
    if joins {
        if let Some((other, other_last, _)) = core_at(tokens, last + 2) {
            if !vague {
                last = other_last;
                if is_measure(tokens, last) || is_date_day(tokens, other_last, other_last) {
                    return None;
                }
                return Some(Quantity { value: value.min(other), first, last, vague });
            }
        }
    }
    if is_measure(tokens, last) {
        return None;
    }
    Some(Quantity { value, first, last, vague })
}

/// Whether the digits `first..=last` are the day of a date: "May 18", "18 May", "18th of
/// May", "le 1er mai".
fn is_date_day(tokens: &[Token], first: usize, last: usize) -> bool {
    if first != last || tokens.get(first).is_none_or(|t| t.kind != TokenKind::Number) {
        return false;
    }
    let month = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !matches!(t.lower.as_str(), "sept" | "mar")
                && tocsin_model::month_from_name(&t.lower).is_some()
        })
    };
    let mut next = last + 1;
    if tokens.get(next).is_some_and(|t| t.is_any(&["st", "nd", "rd", "th", "er", "e", "ème"])) {
        next += 1;
    }
    if tokens.get(next).is_some_and(|t| t.is("of")) {
        next += 1;
    }
    let may_verb = |k: usize| {
        tokens.get(k).is_some_and(|t| t.is("may"))
            && tokens.get(k + 1).is_some_and(|t| {
                t.is_any(&["have", "be", "not", "also", "still", "well", "rise", "never"])
            })
    };
    (month(next) && !may_verb(next)) || first.checked_sub(1).is_some_and(month)
}

/// Whether the count ending at `last` measures something other than people: "25-35km",
/// "three-year-old", "48 hours", "20 per cent".
fn is_measure(tokens: &[Token], last: usize) -> bool {
    let mut next = last + 1;
    if tokens.get(next).is_some_and(|t| t.is("-")) {
        next += 1;
    }
    tokens.get(next).is_some_and(|t| {
        matches!(
            fold(&t.lower).as_str(),
            "km" | "kms"
                | "kilometres"
                | "kilometers"
                | "kilometre"
                | "kilometer"
                | "miles"
                | "mile"
                | "metres"
                | "meters"
                | "m"
                | "hours"
                | "hour"
                | "hrs"
                | "h"
                | "minutes"
                | "days"
                | "day"
                | "weeks"
                | "week"
                | "months"
                | "month"
                | "years"
                | "year"
                | "ans"
                | "an"
                | "jours"
                | "heures"
                | "semaines"
                | "mois"
                | "%"
                | "percent"
                | "per"
                | "pour"
                | "kg"
                | "tonnes"
                | "tons"
                | "litres"
                | "liters"
                | "fcfa"
                | "cfa"
                | "dollars"
                | "usd"
                | "euros"
        )
    })
}

/// A bare count at `i`: digits, number words, or a vague quantity word.
fn core_at(tokens: &[Token], i: usize) -> Option<(u32, usize, bool)> {
    let token = tokens.get(i)?;
    let next = tokens.get(i + 1).map(|t| fold(&t.lower)).unwrap_or_default();
    if let Some(value) = token.number() {
        // "2 dozen" is rare; digits stand alone.
        return Some((value, i, false));
    }
    let word = fold(&token.lower);
    let vague = match word.as_str() {
        "a" | "une" | "un" => match next.as_str() {
            "dozen" | "douzaine" => Some(12),
            "dizaine" => Some(10),
            "quinzaine" => Some(15),
            "vingtaine" => Some(20),
            "trentaine" => Some(30),
            "quarantaine" => Some(40),
            "cinquantaine" => Some(50),
            "soixantaine" => Some(60),
            "centaine" => Some(100),
            "few" | "handful" | "number" => Some(3),
            "hundred" => Some(100),
            _ => None,
        },
        "des" => match next.as_str() {
            "dizaines" => Some(12),
            "centaines" => Some(100),
            "milliers" => Some(1000),
            "douzaines" => Some(12),
            _ => None,
        },
        _ => None,
    };
    if let Some(value) = vague {
        let exact = matches!(next.as_str(), "dozen" | "hundred");
        return Some((value, i + 1, !exact));
    }
    // "an unknown number of", "an unspecified number of", "un nombre indéterminé de".
    let unknown = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            matches!(
                fold(&t.lower).as_str(),
                "unknown"
                    | "unspecified"
                    | "undetermined"
                    | "undisclosed"
                    | "indetermine"
                    | "inconnu"
            )
        })
    };
    if matches!(word.as_str(), "a" | "an")
        && unknown(i + 1)
        && tokens.get(i + 2).is_some_and(|t| t.is("number"))
    {
        return Some((3, i + 2, true));
    }
    if word == "un" && next == "nombre" && unknown(i + 2) {
        return Some((3, i + 2, true));
    }
    let single = match word.as_str() {
        "dozens" | "douzaines" => Some(12),
        "tens" | "dizaines" => Some(10),
        "scores" => Some(20),
        "hundreds" | "centaines" => Some(100),
        "thousands" | "milliers" => Some(1000),
        "several" | "plusieurs" | "few" | "quelques" | "multiple" | "various" | "divers" => Some(3),
        "many" | "numerous" | "nombreux" | "nombreuses" => Some(10),
        _ => None,
    };
    if let Some(value) = single {
        return Some((value, i, true));
    }
    // "de nombreux"
    if word == "de" && matches!(next.as_str(), "nombreux" | "nombreuses") {
        return Some((10, i + 1, true));
    }
    word_number(tokens, i).map(|(value, last)| (value, last, false))
}

/// A number written in words from token `i`, with the index of its last token.
fn word_number(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let mut total: u32 = 0;
    let mut current: u32 = 0;
    let mut last_added: u32 = 0;
    let mut last = None;
    let mut j = i;
    while let Some(token) = tokens.get(j) {
        let word = fold(&token.lower);
        if last.is_some() && matches!(word.as_str(), "-" | "and" | "et") {
            // Only a joiner when a number word follows.
            if tokens.get(j + 1).is_some_and(|t| word_value(&fold(&t.lower)).is_some()) {
                j += 1;
                continue;
            }
            break;
        }
        match word.as_str() {
            "hundred" | "cent" | "cents" if last.is_some() || word != "hundred" => {
                current = current.max(1).saturating_mul(100);
                last_added = 100;
            }
            "thousand" | "mille" => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
                last_added = 1000;
            }
            _ => {
                let Some(value) = word_value(&word) else { break };
                if last.is_none() {
                    current = value;
                } else if value == 20 && current % 100 == 4 {
                    current = current.saturating_add(76); // quatre-vingt
                } else if (last_added >= 10 && last_added % 10 == 0 && value < last_added)
                    || last_added >= 100
                {
                    current = current.saturating_add(value);
                } else {
                    break;
                }
                last_added = value;
            }
        }
        last = Some(j);
        j += 1;
    }
    last.map(|last| (total.saturating_add(current), last))
}

/// The value of one number word (accents folded), English or French.
pub fn word_value(word: &str) -> Option<u32> {
    let value = match word {
        "zero" | "none" => 0,
        "one" | "un" | "une" => 1,
        "two" | "deux" => 2,
        "three" | "trois" => 3,
        "four" | "quatre" => 4,
        "five" | "cinq" => 5,
        "six" => 6,
        "seven" | "sept" => 7,
        "eight" | "huit" => 8,
        "nine" | "neuf" => 9,
        "ten" | "dix" => 10,
        "eleven" | "onze" => 11,
        "twelve" | "douze" => 12,
        "thirteen" | "treize" => 13,
        "fourteen" | "quatorze" => 14,
        "fifteen" | "quinze" => 15,
        "sixteen" | "seize" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" | "vingt" | "vingts" => 20,
        "thirty" | "trente" => 30,
        "forty" | "quarante" => 40,
        "fifty" | "cinquante" => 50,
        "sixty" | "soixante" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn check(text: &str, want: Option<(u32, bool)>) {
        let tokens = tokenize(text);
        let got = quantity_at(&tokens, 0).map(|q| (q.value, q.vague));
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn digits_and_words() {
        check("5 soldiers", Some((5, false)));
        check("1,200 people", Some((1200, false)));
        check("three", Some((3, false)));
        check("trois", Some((3, false)));
        check("twenty-five", Some((25, false)));
        check("vingt-cinq", Some((25, false)));
        check("dix-sept", Some((17, false)));
        check("soixante-douze", Some((72, false)));
        check("quatre-vingt-dix", Some((90, false)));
        check("one hundred and five", Some((105, false)));
        check("deux cents", Some((200, false)));
        check("soldiers", None);
    }

    #[test]
    fn modifiers_and_ranges() {
        check("at least 5", Some((5, false)));
        check("au moins cinq", Some((5, false)));
        check("more than 10", Some((10, false)));
        check("plus d'une dizaine", Some((10, true)));
        check("5 to 7", Some((5, false)));
        check("5-7", Some((5, false)));
        check("1-2 policemen", Some((1, false)));
        check("between 5 and 7", Some((5, false)));
        check("entre cinq et sept", Some((5, false)));
        check("nearly 150", Some((150, false)));
        check("around thirty", Some((30, false)));
    }

    #[test]
    fn days_and_measures_are_not_counts() {
        check("18 May", None);
        check("18th of May", None);
        check("14 mars", None);
        check("25-35km", None);
        check("30 km", None);
        check("three-year-old", None);
        check("48 hours", None);
        check("12 ans", None);
        check("5 may have died", Some((5, false)));
    }

    #[test]
    fn vague_quantities() {
        check("at the least eight", Some((8, false)));
        check("an unknown number of", Some((3, true)));
        check("an unspecified number", Some((3, true)));
        check("un nombre indéterminé de", Some((3, true)));
        check("une dizaine", Some((10, true)));
        check("a dozen", Some((12, false)));
        check("dozens", Some((12, true)));
        check("des dizaines", Some((12, true)));
        check("hundreds", Some((100, true)));
        check("des centaines", Some((100, true)));
        check("several", Some((3, true)));
        check("plusieurs", Some((3, true)));
        check("many", Some((10, true)));
        check("de nombreux", Some((10, true)));
        check("une vingtaine", Some((20, true)));
    }
}
