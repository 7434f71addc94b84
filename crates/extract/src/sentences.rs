//! Sentence segmentation with byte spans, aware of abbreviations and initials.

use tocsin_model::Span;

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "capt", "cpt", "sgt", "maj", "cmdr",
    "gov", "sen", "rep", "rev", "st", "vs", "etc", "approx", "incl", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "m", "mme", "mlle", "me", "av", "bd",
    "cf", "ex", "km", "u.s", "u.n", "p", "pp", "fig", "art", "al", "lit", "ste",
];

/// Splits `text` into sentences, returning their spans (trimmed of surrounding spaces).
///
/// A sentence ends at `.`, `!` or `?` (with closing quotes or brackets) followed by a
/// space and an uppercase letter, digit or opening quote, or at a blank line. A full
/// stop after a known abbreviation, a single letter (an initial) or inside a number does
/// not end a sentence.
pub fn split(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let mut end_here = None;
        if byte == b'\n' && bytes.get(i + 1) == Some(&b'\n') {
            end_here = Some(i);
        } else if matches!(byte, b'.' | b'!' | b'?') {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                j += 1;
            }
            // Also a closing French or curly quote.
            let rest = text.get(j..).unwrap_or("");
            let rest_trim = rest.trim_start_matches(['»', '”', '’']);
            j += rest.len() - rest_trim.len();
            let followed_by_space =
                rest_trim.starts_with(char::is_whitespace) || rest_trim.is_empty();
            let next_char = rest_trim.trim_start().chars().next();
            let starts_sentence = next_char.is_none_or(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '«' | '“' | '(' | '[' | '\'')
            });
            let ends = (followed_by_space && starts_sentence) || glued(text, i, rest_trim);
            if ends && !(byte == b'.' && is_abbreviation(text, i)) {
                end_here = Some(j);
            }
        }
        if let Some(end) = end_here {
            push_trimmed(text, start, end, &mut spans);
            start = end;
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// Whether the stop at byte `stop` ends a sentence glued to the next one, as in text
/// scraped from a page whose paragraph breaks were lost ("was killed.Three others"): a
/// lowercase letter before it, a capitalised word right after it (`rest`), perhaps
/// opening a quotation.
fn glued(text: &str, stop: usize, rest: &str) -> bool {
    let before = text.get(..stop).and_then(|b| b.chars().next_back());
    let mut after = rest.trim_start_matches(['“', '"', '«', '‘']).chars();
    before.is_some_and(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
        && after.next().is_some_and(char::is_lowercase)
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let Some(piece) = text.get(start..end) else { return };
    let leading = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        spans.push(Span::new(start + leading, start + leading + trimmed.len()));
    }
}

/// Whether the full stop at byte `dot` closes an abbreviation or an initial.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let before = text.get(..dot).unwrap_or("");
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // An initial ("J. Smith") or a dotted acronym ("U.N.").
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase)) || word.contains('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&str]) {
        let got: Vec<&str> = split(text).into_iter().filter_map(|s| s.text(text)).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn ends_and_non_ends() {
        check("Gunmen attacked. Two died.", &["Gunmen attacked.", "Two died."]);
        check("Gen. Traoré said 3.5 tonnes. Then", &["Gen. Traoré said 3.5 tonnes.", "Then"]);
        check(
            "J. Smith spoke. «Ils sont venus.» Puis",
            &["J. Smith spoke.", "«Ils sont venus.»", "Puis"],
        );
        check("The U.N. mission said so. Okay.", &["The U.N. mission said so.", "Okay."]);
        check("Title\n\nBody here.", &["Title", "Body here."]);
        check("a.b. c", &["a.b. c"]);
        check("", &[]);
        check("Is it over? Yes!", &["Is it over?", "Yes!"]);
        check("He said \"no.\" Then left.", &["He said \"no.\"", "Then left."]);
    }

    #[test]
    fn sentences_glued_together_by_a_scraper_are_split() {
        check(
            "A roadside bomb killed a general.Three soldiers were wounded, Tass reported.“They lay mines.”On Sunday",
            &["A roadside bomb killed a general.", "Three soldiers were wounded, Tass reported.", "“They lay mines.”", "On Sunday"],
        );
        // Abbreviations, initials, acronyms and web addresses stay whole.
        for text in
            ["The U.S.Army said so.", "It was 3 p.m.Then", "See acleddata.com.", "Dr.Smith came."]
        {
            check(text, &[text]);
        }
    }
}
