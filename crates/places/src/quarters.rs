//! Named parts of a town: the district, neighbourhood, quarter or area a report names
//! inside a town it places (`the Nabi Yunis area of Mosul`, `Mogadishu's Yaqshid district`,
//! `the south Baghdad neighbourhood of Zafaraniya`, `le quartier Karpala de Ouagadougou`).
//!
//! ACLED names such a place `Town - Part` and codes it at the town; [`part_of_town`] finds
//! the part's words for a town mention so that the event's location can be written so.

use crate::text::{between, Token};
use crate::words::{is_in, is_stop, is_unit, DIRECTIONS};

/// Folded words that name a part of a town, after or before the part's name.
const PART_WORDS: &[&str] = &[
    "district",
    "districts",
    "neighbourhood",
    "neighbourhoods",
    "neighborhood",
    "neighborhoods",
    "quarter",
    "quarters",
    "quartier",
    "quartiers",
    "area",
    "suburb",
    "suburbs",
];

/// Adjectives of position that may stand before a town or a part's name (`in central
/// Baghdad`, `Baghdad's western Amriya district`).
const POSITIONS: &[&str] = &["central", "downtown", "centre", "center", "greater"];

/// Lowercase words that join the words of an Arabic or French name (`Bab al-Mu'adham`).
const JOINERS: &[&str] = &["al", "el", "ad", "as", "ash", "ar", "an", "ibn", "bin", "abu"];

/// Longest part name, in tokens.
const MAX_PART_TOKENS: usize = 6;

/// Whether only spaces stand between tokens `a` and `a + 1`.
fn spaced(text: &str, tokens: &[Token], a: usize) -> bool {
    let g = between(text, tokens, a, a + 1);
    !g.is_empty() && g.chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// Whether token `b` goes on the word of token `b - 1` (`Sa'eed`, `Al-Balad`).
fn glued(text: &str, tokens: &[Token], b: usize) -> bool {
    b > 0 && matches!(between(text, tokens, b - 1, b), "'" | "’" | "-")
}

/// Adjectives of a people that describe a part rather than name it (`the Kurdish quarter`,
/// `an Alawite neighbourhood`). The words of faiths and communities (`a Sunni
/// neighbourhood`) are stop words, which open no name either.
fn describes_people(word: &str) -> bool {
    ["ish", "ite", "ian", "ese"].iter().any(|end| word.ends_with(end))
}

/// Whether token `i` may open a part's name: capitalised, not a stop, direction or part
/// word, nor a people's adjective.
fn opens(tokens: &[Token], i: usize) -> bool {
    tokens.get(i).is_some_and(|t| {
        t.capitalised
            && !t.all_caps
            && !is_stop(&t.folded)
            && !describes_people(&t.folded)
            && !is_in(DIRECTIONS, &t.folded)
            && !is_in(PART_WORDS, &t.folded)
            && !is_in(POSITIONS, &t.folded)
    })
}

/// The end of the name that opens at token `start`, within `limit` (exclusive).
fn name_from(text: &str, tokens: &[Token], start: usize, limit: usize) -> Option<usize> {
    if !opens(tokens, start) {
        return None;
    }
    let mut end = start;
    while end + 1 < limit.min(tokens.len()) && end + 1 < start + MAX_PART_TOKENS {
        let next = end + 1;
        let t = &tokens[next];
        if glued(text, tokens, next) || spaced(text, tokens, end) && opens(tokens, next) {
            end = next;
        } else if spaced(text, tokens, end)
            && is_in(JOINERS, &t.folded)
            && !t.capitalised
            && next + 1 < tokens.len()
            && (glued(text, tokens, next + 1) || spaced(text, tokens, next))
            && tokens[next + 1].capitalised
        {
            end = next + 1;
        } else {
            break;
        }
    }
    Some(end)
}

/// The name's start with the Arabic article glued before it (`al-Tarikh`).
fn with_article(text: &str, tokens: &[Token], start: usize) -> usize {
    let article = start > 0
        && glued(text, tokens, start)
        && tokens.get(start - 1).is_some_and(|t| {
            !t.capitalised && is_in(JOINERS, &t.folded) && !glued(text, tokens, start - 1)
        });
    if article {
        start - 1
    } else {
        start
    }
}

/// The start of the name that ends at token `end`, not before `floor`.
fn name_to(text: &str, tokens: &[Token], end: usize, floor: usize) -> Option<usize> {
    let mut start = end;
    let mut fits = None;
    while start >= floor && end + 1 - start <= MAX_PART_TOKENS {
        if opens(tokens, start) && name_from(text, tokens, start, end + 1) == Some(end) {
            fits = Some(start);
        }
        let joined = start > 0
            && (glued(text, tokens, start) || spaced(text, tokens, start - 1))
            && start > floor;
        if !joined {
            break;
        }
        start -= 1;
    }
    fits
}

/// Skips position adjectives and directions at `i` going forward.
fn skip_positions(tokens: &[Token], mut i: usize) -> usize {
    while tokens.get(i).is_some_and(|t| {
        !t.capitalised && (is_in(POSITIONS, &t.folded) || is_in(DIRECTIONS, &t.folded))
    }) {
        i += 1;
    }
    i
}

/// Skips position adjectives, directions and `the` at `i` going back.
fn skip_positions_back(tokens: &[Token], mut i: usize) -> usize {
    while i > 0
        && tokens.get(i).is_some_and(|t| {
            !t.capitalised
                && (is_in(POSITIONS, &t.folded)
                    || is_in(DIRECTIONS, &t.folded)
                    || matches!(t.folded.as_str(), "the" | "la" | "le"))
        })
    {
        i -= 1;
    }
    i
}

/// Whether the words from token `a` to token `b` stand in one clause (no sentence
/// punctuation or bracket between them).
fn one_clause(text: &str, tokens: &[Token], a: usize, b: usize) -> bool {
    (a..b).all(|k| !between(text, tokens, k, k + 1).contains([',', '.', ';', ':', '(', ')', '\n']))
}

/// A named part of a town in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TownPart {
    /// The part's first token.
    pub first: usize,
    /// The part's last token.
    pub last: usize,
    /// The part is only called an `area`, which a province has too (`the X area in Homs`).
    pub area: bool,
}

/// The tokens of a named part of the town written at tokens `first..=last`, when the words
/// around it say so.
///
/// After the town: `Mogadishu's Yaqshid district`, `Baghdad's western Amriya district`,
/// `Hama's Hamidiyeh and Bab Qubli neighborhoods`, `the south Baghdad neighbourhood of
/// Zafaraniya`, `the Damascus suburb of eastern Ghouta`, `Dara'a Al-Balad District`.
/// Before it: `the Nabi Yunis area of Mosul`, `Mansour district in western Baghdad`, `the
/// neighbourhood of Zafaraniya in Baghdad`, `le quartier Karpala de Ouagadougou`.
///
/// `known` says whether a token belongs to a name the gazetteer places: in `the X
/// neighbourhood of Y` a known Y is the town and X its part, so the town before the part
/// word must have an unknown part after it.
pub fn part_of_town(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
    known: &dyn Fn(usize) -> bool,
) -> Option<TownPart> {
    let word = |i: usize| tokens.get(i).map(|t| t.folded.as_str()).unwrap_or("");
    // `Kurram District`, `Turkistan region`, `Aleppo countryside`, `rural Homs`: the unit
    // or the land around the town, not the town.
    let unit_after = is_unit(word(last + 1)) && !matches!(word(last + 2), "of" | "de");
    let around = matches!(word(last + 1), "countryside" | "outskirts" | "desert")
        || first > 0 && matches!(word(first - 1), "rural" | "countryside");
    if unit_after || around {
        return None;
    }
    let (a, b, at) =
        after_town(text, tokens, last, known).or_else(|| before_town(text, tokens, first))?;
    Some(TownPart { first: with_article(text, tokens, a), last: b, area: word(at) == "area" })
}

fn after_town(
    text: &str,
    tokens: &[Token],
    last: usize,
    known: &dyn Fn(usize) -> bool,
) -> Option<(usize, usize, usize)> {
    let next = last + 1;
    let word = |i: usize| tokens.get(i).map(|t| t.folded.as_str()).unwrap_or("");
    // `Town's [western] Part district`, `Town's Part and Part neighbourhoods`.
    let possessive = matches!(between(text, tokens, last, next), "'" | "’") && word(next) == "s";
    if possessive {
        let start = skip_positions(tokens, next + 1);
        let end = name_from(text, tokens, start, tokens.len())?;
        let mut k = end + 1;
        // A list of parts: the first is the place.
        while word(k) == "and" || word(k) == "et" {
            k = name_from(text, tokens, k + 1, tokens.len())? + 1;
        }
        if is_in(PART_WORDS, word(k)) && one_clause(text, tokens, last, k) {
            return Some((start, end, k));
        }
        return None;
    }
    // `the [south] Town suburb of [eastern] Part`.
    let described = last > 0 && {
        let mut k = last;
        while k > 0 && tokens[k].capitalised && spaced(text, tokens, k - 1) {
            k -= 1;
        }
        let before = skip_positions_back(tokens, k.saturating_sub(1));
        matches!(word(before + 1), "the" | "le" | "la") || word(before) == "the"
    };
    if described && is_in(PART_WORDS, word(next)) && matches!(word(next + 1), "of" | "de") {
        let start = skip_positions(tokens, next + 2);
        let end = name_from(text, tokens, start, tokens.len())?;
        let unknown = !(start..=end).any(known);
        return (unknown && one_clause(text, tokens, last, end)).then_some((start, end, next));
    }
    // `Town Part District`: the part's name and its own capitalised part word.
    if spaced(text, tokens, last) {
        let end = name_from(text, tokens, next, tokens.len())?;
        let word_after = tokens.get(end + 1)?;
        if word_after.capitalised && is_in(PART_WORDS, &word_after.folded) {
            return one_clause(text, tokens, last, end + 1).then_some((next, end + 1, end + 1));
        }
    }
    None
}

fn before_town(text: &str, tokens: &[Token], first: usize) -> Option<(usize, usize, usize)> {
    if first < 2 {
        return None;
    }
    let word = |i: usize| tokens.get(i).map(|t| t.folded.as_str()).unwrap_or("");
    // The preposition tying the part to the town: `of`, `in`, `de`, `à`.
    let prep = skip_positions_back(tokens, first - 1);
    let tie = matches!(word(prep), "of" | "in" | "de" | "du" | "d" | "a");
    if !tie || prep == 0 || prep >= first {
        return None;
    }
    if word(prep) == "a" && text.get(tokens[prep].start..tokens[prep].end) != Some("à") {
        return None;
    }
    let before = prep - 1;
    let part = if is_in(PART_WORDS, word(before)) {
        // `Part district of Town`, with the part word capitalised as part of the name when
        // it is written so (`Sheikh Sa'eed District`).
        let end = before.checked_sub(1)?;
        let start = name_to(text, tokens, end, 0)?;
        let capital = tokens[before].capitalised;
        Some((start, if capital { before } else { end }, before))
    } else {
        // `the neighbourhood of Part in Town`, `quartier Part de Town`.
        let start = name_to(text, tokens, before, 0)?;
        let opener = start.checked_sub(1)?;
        let at =
            if matches!(word(opener), "of" | "de" | "d") { opener.checked_sub(1)? } else { opener };
        is_in(PART_WORDS, word(at)).then_some((start, before, at))
    }?;
    one_clause(text, tokens, part.0, first).then_some(part)
}

/// The first named part of a town in the sentence around tokens `first..=last` that the
/// words tie to no town (`In Mosul on Saturday, gunmen shot five butchers in the Nabi Yunis
/// area`, `an assault in Aleppo, targeting the Tariq Al-Bab district`, `striking the
/// districts of Al-Rashidiyah and Al-Jubaylah`): the caller decides whether the sentence's
/// town is the one it lies in.
pub fn part_in_sentence(
    text: &str,
    tokens: &[Token],
    first: usize,
    last: usize,
) -> Option<TownPart> {
    let ends = |a: usize| between(text, tokens, a, a + 1).contains(['.', '!', '?', '\n', ';']);
    let mut start = first;
    while start > 0 && !ends(start - 1) {
        start -= 1;
    }
    let mut end = last;
    while end + 1 < tokens.len() && !ends(end) {
        end += 1;
    }
    let word = |i: usize| tokens.get(i).map(|t| t.folded.as_str()).unwrap_or("");
    let mut i = start;
    while i <= end {
        if first <= i && i <= last {
            i = last + 1;
            continue;
        }
        // `the districts of Part`, `the X area`.
        // (`the area of X` says near X, no part of a town.)
        let plural_of = is_in(PART_WORDS, word(i))
            && word(i) != "area"
            && !tokens[i].capitalised
            && word(i + 1) == "of"
            && i > 0
            && word(i - 1) == "the";
        if plural_of {
            if let Some(b) = name_from(text, tokens, i + 2, end + 1) {
                if b < first || i + 2 > last {
                    let a = with_article(text, tokens, i + 2);
                    return Some(TownPart { first: a, last: b, area: word(i) == "area" });
                }
            }
        }
        if i > 0 && word(i - 1) == "the" && opens(tokens, i) {
            if let Some(b) = name_from(text, tokens, i, end + 1) {
                let after = tokens.get(b + 1);
                let part_word = after.is_some_and(|t| is_in(PART_WORDS, &t.folded));
                if part_word && (b < first || i > last) && one_clause(text, tokens, i, b + 1) {
                    let capital = after.is_some_and(|t| t.capitalised);
                    return Some(TownPart {
                        first: i,
                        last: if capital { b + 1 } else { b },
                        area: word(b + 1) == "area",
                    });
                }
                i = b + 1;
                continue;
            }
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// The part's words for the town `town` in `text`, if any.
    fn check(text: &str, town: &str, part: Option<&str>) {
        let tokens = tokenize(text);
        let at = text.find(town).unwrap_or(0);
        let first = tokens.iter().position(|t| t.start == at).unwrap_or(0);
        let last = tokens.iter().rposition(|t| t.end == at + town.len()).unwrap_or(first);
        let found = part_of_town(text, &tokens, first, last, &|_| false)
            .and_then(|p| text.get(tokens[p.first].start..tokens[p.last].end));
        assert_eq!(found, part, "{text}");
    }

    #[test]
    fn parts_after_the_town() {
        check("a man was shot in Mogadishu's Hodan district on Sunday", "Mogadishu", Some("Hodan"));
        check("a bomb in Kabul’s western Karte Parwan district", "Kabul", Some("Karte Parwan"));
        check("rallies in Homs's Khalidiya and Bayada neighbourhoods", "Homs", Some("Khalidiya"));
        check("a bomb in the north Kirkuk neighbourhood of Domiz", "Kirkuk", Some("Domiz"));
        check("clashes in the Damascus suburb of eastern Harasta", "Damascus", Some("Harasta"));
        check(
            "fighting in the Aleppo Bani Zeid District today",
            "Aleppo",
            Some("Bani Zeid District"),
        );
    }

    #[test]
    fn parts_before_the_town() {
        check("shot in the Bab al-Tabbaneh area of Tripoli", "Tripoli", Some("Bab al-Tabbaneh"));
        check("a blast in the Karrada district in central Baghdad", "Baghdad", Some("Karrada"));
        check(
            "a raid on the Sheikh Maqsoud District of Aleppo",
            "Aleppo",
            Some("Sheikh Maqsoud District"),
        );
        check("a bomb in the neighbourhood of Dora in Baghdad", "Baghdad", Some("Dora"));
        check("a blast in the al-Tahrir district of Kirkuk", "Kirkuk", Some("al-Tahrir"));
        check("des tirs dans le quartier Karpala de Ouagadougou", "Ouagadougou", Some("Karpala"));
    }

    /// The part named elsewhere in the sentence of the town `town`.
    fn check_sentence(text: &str, town: &str, part: Option<&str>) {
        let tokens = tokenize(text);
        let at = text.find(town).unwrap_or(0);
        let first = tokens.iter().position(|t| t.start == at).unwrap_or(0);
        let last = tokens.iter().rposition(|t| t.end == at + town.len()).unwrap_or(first);
        let found = part_in_sentence(text, &tokens, first, last)
            .and_then(|p| text.get(tokens[p.first].start..tokens[p.last].end));
        assert_eq!(found, part, "{text}");
    }

    #[test]
    fn parts_elsewhere_in_the_sentence() {
        check_sentence(
            "In Kirkuk on Monday, gunmen shot two guards in the Tis'in area.",
            "Kirkuk",
            Some("Tis'in"),
        );
        check_sentence(
            "Troops advanced in Homs, storming the districts of Bab Amr and Inshaat.",
            "Homs",
            Some("Bab Amr"),
        );
        check_sentence("Gunmen attacked Djibo. The Sabe area was calm.", "Djibo", None);
        check_sentence("Gunmen attacked Djibo and the Sabe market.", "Djibo", None);
        check_sentence("Mortars hit the area of Vodiane, Donetsk.", "Donetsk", None);
        check_sentence("A bomb hit Mosul, in the Sunni neighbourhood.", "Mosul", None);
    }

    #[test]
    fn other_words_name_no_part() {
        check("gunmen attacked Djibo on Sunday", "Djibo", None);
        check("shelling in Tongo area of Bale district", "Tongo", None);
        check("in Mopti's region, attacks rose", "Mopti", None);
        check("the army entered Gao, the district of Ansongo too", "Gao", None);
        check("they fled from the Kaya area to Ouagadougou", "Ouagadougou", None);
        check("a bomb in the Tillabéri region of Niger", "Niger", None);
        check("a blast in the Shoorki area of Kurram District", "Kurram", None);
        check("a mine went off in Kafr Halab area in Aleppo countryside", "Aleppo", None);
    }
}
