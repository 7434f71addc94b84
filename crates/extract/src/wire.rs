//! Wire copy read as prose.
//!
//! Agency copy is often written in capitals and wrapped at a fixed width. Both hide places
//! from recognition: in "TROOPS CLASHED WITH THE REBELS IN SAN\nSALVADOR" every word looks
//! like a name (there are villages called War, Unity and Leader), and the line break cuts
//! the city's name in two. [`prose`] gives a copy of the text, byte for byte as long, in
//! which the ordinary English words of a paragraph written in capitals are in lower case
//! (the first word of a sentence capitalised) and the line breaks inside a wrapped paragraph
//! are spaces. A span found in the copy marks the same words in the original.

use std::borrow::Cow;
use std::sync::LazyLock;

use tocsin_model::Country;
use tocsin_places::{is_english_word, is_given_name};

use crate::text::{tokenize, TokenKind};

/// Countries whose one-word names are also English words (Chad, Turkey, Guinea, China),
/// lowercase: they stay names.
static COUNTRY_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    Country::all()
        .iter()
        .map(|country| country.name.to_ascii_lowercase())
        .filter(|name| is_english_word(name))
        .collect()
});

/// The shortest line, as a share of the paragraph's longest, that ends in a soft wrap:
/// a shorter line ended where its paragraph, heading or list item did.
const FULL_LINE: f64 = 0.6;
/// The narrowest width a wrapped paragraph is set at.
const MIN_WIDTH: usize = 40;
/// The share of a paragraph's cased letters in capitals that makes it written in capitals.
const SHOUTING: f64 = 0.8;

/// The text with words in capitals and wrapped lines read as prose; borrowed when nothing
/// changes. The copy has the original's length and char boundaries.
pub fn prose(text: &str) -> Cow<'_, str> {
    let mut copy: Option<Vec<u8>> = None;
    for paragraph in paragraphs(text) {
        let lines = lines(text, paragraph);
        for &(at, len) in &soft_breaks(text, &lines) {
            let bytes = copy.get_or_insert_with(|| text.as_bytes().to_vec());
            bytes.iter_mut().skip(at).take(len).for_each(|b| *b = b' ');
        }
        if is_shouting(text.get(paragraph.0..paragraph.1).unwrap_or("")) {
            for (at, word) in ordinary_words(text, paragraph) {
                let bytes = copy.get_or_insert_with(|| text.as_bytes().to_vec());
                if let Some(slot) = bytes.get_mut(at..at + word.len()) {
                    slot.copy_from_slice(word.as_bytes());
                }
            }
        }
    }
    match copy.map(String::from_utf8) {
        Some(Ok(copy)) => Cow::Owned(copy),
        // Only ASCII bytes were replaced by ASCII bytes of the same length, so this cannot
        // happen; the original is still a correct reading.
        Some(Err(_)) | None => Cow::Borrowed(text),
    }
}

/// Byte ranges of the paragraphs: runs of lines that are not blank.
fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        match (blank, start) {
            (false, None) => start = Some(at),
            (true, Some(s)) => {
                out.push((s, at));
                start = None;
            }
            _ => {}
        }
        at += line.len();
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// A line of a paragraph.
struct Line {
    /// Its first byte.
    start: usize,
    /// Where its line break (`\n` or `\r\n`) starts.
    end: usize,
    /// Its length in chars, without trailing spaces.
    chars: usize,
}

fn lines(text: &str, (start, end): (usize, usize)) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = start;
    for line in text.get(start..end).unwrap_or("").split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push(Line { start: at, end: at + body.len(), chars: body.trim_end().chars().count() });
        at += line.len();
    }
    out
}

/// The line breaks (byte offset and length) of a paragraph wrapped at a fixed width: a full
/// line followed by one that does not open a list item.
fn soft_breaks(text: &str, lines: &[Line]) -> Vec<(usize, usize)> {
    let width = lines.iter().map(|l| l.chars).max().unwrap_or(0);
    if lines.len() < 3 || width < MIN_WIDTH {
        return Vec::new();
    }
    lines
        .windows(2)
        .filter_map(|pair| {
            let [line, next] = pair else { return None };
            let full = line.chars as f64 >= FULL_LINE * width as f64;
            let next_text = text.get(next.start..next.end).unwrap_or("");
            (full && !opens_item(next_text)).then_some((line.end, next.start - line.end))
        })
        .collect()
}

/// Whether a line opens a list item ("- ", "* ", "• ", "1. ", "2) ").
fn opens_item(line: &str) -> bool {
    let line = line.trim_start();
    if line.starts_with(['-', '*', '•', '·', '–']) {
        return true;
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && line.get(digits..).is_some_and(|rest| rest.starts_with(['.', ')']))
}

/// Whether a paragraph is written in capitals.
fn is_shouting(paragraph: &str) -> bool {
    let (mut upper, mut cased) = (0usize, 0usize);
    for c in paragraph.chars() {
        if c.is_uppercase() {
            upper += 1;
            cased += 1;
        } else if c.is_lowercase() {
            cased += 1;
        }
    }
    cased >= 12 && upper as f64 >= SHOUTING * cased as f64
}

/// The ordinary words of a paragraph in capitals, with their new spelling: lower case, or
/// capitalised at the start of a sentence. Names (words the English list lacks, and the
/// countries named by a word, such as Chad or Turkey) keep their capitals.
fn ordinary_words(text: &str, (start, end): (usize, usize)) -> Vec<(usize, String)> {
    let paragraph = text.get(start..end).unwrap_or("");
    let mut out = Vec::new();
    let mut gap_start = 0;
    let mut first = true;
    // Whether the word before is a given name left in capitals: a surname follows
    // (`FRANCISCO MERINO`), whatever else it means.
    let mut after_given = false;
    let words = tokenize(paragraph).into_iter().filter(|t| t.kind == TokenKind::Word);
    for (from, to) in words.map(|t| (t.start, t.end)) {
        let gap = paragraph.get(gap_start..from).unwrap_or("");
        let sentence_start = first || gap.contains(['.', '!', '?']);
        let word = paragraph.get(from..to).unwrap_or("");
        let surname = after_given && gap.chars().all(char::is_whitespace);
        let new = if surname { None } else { ordinary(word, sentence_start) };
        after_given = new.is_none() && is_given_name(&word.to_lowercase());
        if let Some(new) = new {
            out.push((start + from, new));
        }
        gap_start = to;
        first = false;
    }
    out
}

/// The spelling of a word in capitals if it is an ordinary English word.
fn ordinary(word: &str, sentence_start: bool) -> Option<String> {
    if word.len() < 2 || !word.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let lower = word.to_ascii_lowercase();
    let known = is_english_word(&lower);
    if !known || COUNTRY_WORDS.contains(&lower) {
        return None;
    }
    Some(if sentence_start {
        let mut capitalised = lower;
        if let Some(first) = capitalised.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        capitalised
    } else {
        lower
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &str) {
        let got = prose(text);
        assert_eq!(got, want, "{text:?}");
        assert_eq!(got.len(), text.len());
    }

    #[test]
    fn words_in_capitals_become_prose_and_names_keep_their_capitals() {
        check(
            "TROOPS CLASHED WITH FMLN REBELS IN SAN SALVADOR. THE ARMY SAID TWO DIED.",
            "Troops clashed with FMLN rebels in SAN SALVADOR. The army said two died.",
        );
        // Countries named by an ordinary word stay names.
        check(
            "REFUGEES FLED FROM CHAD INTO TURKEY AND GUINEA",
            "Refugees fled from CHAD into TURKEY and GUINEA",
        );
        // A surname after a given name stays a name, though "merino" is a word.
        check(
            "VICE PRESIDENT FRANCISCO MERINO CONDEMNED THE MURDER.",
            "Vice president FRANCISCO MERINO condemned the murder.",
        );
        // "unity", "war" and "leader" are words, not the villages of those names.
        check(
            "THE LEADER OF THE UNITY FRONT WAS KILLED IN THE WAR ZONE",
            "The leader of the unity front was killed in the war zone",
        );
    }

    #[test]
    fn prose_in_ordinary_case_is_left_alone() {
        for text in [
            "Gunmen attacked a village near Djibo on Saturday.",
            "NEWS IN BRIEF\n\nGunmen attacked a village near Djibo on Saturday.",
            "Le village de KOMPIENGA a été attaqué.",
            "",
        ] {
            assert!(matches!(prose(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn a_heading_in_capitals_is_read_as_prose_too() {
        check(
            "TOGO: ARMY POST ATTACKED\n\nFighters attacked.",
            "TOGO: army post attacked\n\nFighters attacked.",
        );
    }

    #[test]
    fn wrapped_lines_are_joined_and_short_or_listed_lines_are_not() {
        let wrapped = "Several hundred activists marched through the streets of San\n\
                       Salvador on Tuesday and clashed with the police near the\r\n\
                       cathedral.\n\nNext paragraph.";
        check(
            wrapped,
            "Several hundred activists marched through the streets of San \
             Salvador on Tuesday and clashed with the police near the  \
             cathedral.\n\nNext paragraph.",
        );
        // A heading before its paragraph, and list items, keep their line breaks.
        let heading =
            "Attack in Djibo\nGunmen attacked the market of Djibo on Saturday and burned\n\
                       shops and a school before they withdrew towards the border.";
        check(
            heading,
            "Attack in Djibo\nGunmen attacked the market of Djibo on Saturday and burned \
             shops and a school before they withdrew towards the border.",
        );
        let list = "This week's incidents, as the northern governors listed them:\n\
                    - an attack on a police post in Djibo, two dead and five wounded\n\
                    - a roadside bomb near Arbinda that hit a convoy of trucks";
        check(list, list);
        // Two lines are no wrapped paragraph.
        let two = "Gunmen attacked the market of Djibo on Saturday and burned\nshops.";
        check(two, two);
    }

    #[test]
    fn words_glued_to_other_letters_keep_their_bytes() {
        // "ÉTAT" is no "TAT"; French words the English list lacks keep their capitals.
        check(
            "L'ÉTAT ISLAMIQUE A ATTAQUÉ LES SOLDATS PRÈS DE MENAKA",
            "L'ÉTAT ISLAMIQUE A ATTAQUÉ LES SOLDATS PRÈS DE MENAKA",
        );
        check("GUNMEN ATTACKED THE ÉCOLE IN KIDAL", "Gunmen attacked the ÉCOLE in KIDAL");
    }
}
