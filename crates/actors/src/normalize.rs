//! Text normalisation for matching: casefold, strip accents, unify apostrophes and hyphens.
//!
//! [`Normalized`] keeps, for every byte of the normalised text, the byte range of the
//! original character it came from, so a match in normalised text maps back to a span of
//! the report on character boundaries.

use tocsin_model::Span;

/// A normalised copy of a text with a map back to the original bytes.
#[derive(Debug, Clone)]
pub struct Normalized {
    /// The normalised text: lowercase ASCII, single spaces, `'` for every apostrophe.
    pub text: String,
    /// For each byte of `text`, the original character's `[start, end)` bytes.
    origin: Vec<(usize, usize)>,
}

impl Normalized {
    /// Normalise `text`, keeping the map back to it.
    pub fn new(text: &str) -> Normalized {
        let mut out = String::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        for (start, ch) in text.char_indices() {
            let end = start + ch.len_utf8();
            fold_char(ch, |c| {
                if push_folded(c, &mut out) {
                    for _ in 0..c.len_utf8() {
                        origin.push((start, end));
                    }
                }
            });
        }
        Normalized { text: out, origin }
    }

    /// The original span of the normalised bytes `[start, end)`.
    pub fn span(&self, start: usize, end: usize) -> Option<Span> {
        if start >= end {
            return None;
        }
        let first = self.origin.get(start)?;
        let last = self.origin.get(end - 1)?;
        Some(Span::new(first.0, last.1))
    }

    /// The normalised byte offset of the original byte offset `pos` (the first
    /// normalised byte at or after it).
    pub fn offset_of(&self, pos: usize) -> usize {
        self.origin.partition_point(|&(start, _)| start < pos)
    }
}

/// Appends one folded character, turning whitespace into a single space and dropping
/// leading and repeated spaces; whether it was appended.
fn push_folded(c: char, out: &mut String) -> bool {
    let c = if c.is_whitespace() { ' ' } else { c };
    if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
        return false;
    }
    out.push(c);
    true
}

/// Calls `emit` with each character `ch` folds to (apostrophes unified, hyphens and
/// no-break spaces as spaces, ASCII lowercase, other characters transliterated).
fn fold_char(ch: char, mut emit: impl FnMut(char)) {
    match ch {
        '\u{2019}' | '\u{2018}' | '`' | '\u{b4}' | '\u{2bc}' | '\u{2032}' => emit('\''),
        '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '_' => emit(' '),
        '\u{a0}' | '\u{202f}' => emit(' '),
        c if c.is_ascii() => emit(c.to_ascii_lowercase()),
        c => {
            let ascii = deunicode::deunicode_char(c).unwrap_or(" ");
            for b in ascii.chars() {
                emit(if b == '-' { ' ' } else { b.to_ascii_lowercase() });
            }
        }
    }
}

/// Normalise a dictionary pattern the way report text is normalised (the text of
/// [`Normalized::new`], trimmed, without building the map back).
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        fold_char(ch, |c| {
            push_folded(c, &mut out);
        });
    }
    // Spaces are the only whitespace left, and none leads.
    let kept = out.trim_end().len();
    out.truncate(kept);
    out
}

/// Whether the byte is part of a word (ASCII letter or digit after normalisation).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: &str) {
        assert_eq!(Normalized::new(input).text, expected, "input {input:?}");
    }

    #[test]
    fn folds_case_accents_apostrophes_hyphens() {
        check("L’armée  Malienne", "l'armee malienne");
        check("Jama'a Nusrat ul-Islam", "jama'a nusrat ul islam");
        check("Burkinabè", "burkinabe");
        check("Côte d’Ivoire", "cote d'ivoire");
        check("a\u{a0}\u{a0}b", "a b");
    }

    #[test]
    fn normalize_is_the_trimmed_normalised_text() {
        for input in [
            "  L’armée  Malienne ",
            "Jama'a\tNusrat ul-Islam -",
            "Ségou—Mopti",
            "",
            " - ",
            "Œuvre d’art\u{a0}",
        ] {
            assert_eq!(normalize(input), Normalized::new(input).text.trim(), "input {input:?}");
        }
    }

    #[test]
    fn spans_map_back_to_char_boundaries() {
        let text = "l’armée malienne";
        let norm = Normalized::new(text);
        let at = norm.text.find("armee").unwrap_or(0);
        let span = norm.span(at, at + 5).and_then(|s| s.text(text));
        assert_eq!(span, Some("armée"));
        assert_eq!(norm.span(0, 0), None);
        assert_eq!(norm.span(0, 999), None);
    }
}
