//! Content hashes: what makes two reports the same report.

use sha2::{Digest, Sha256};
use tocsin_model::Report;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// The content hash of a report: SHA-256, in lowercase hex, of its normalised title
/// and text.
///
/// Normalisation is Unicode NFC with every run of whitespace made one space and the
/// ends trimmed, so the same story read from HTML and from plain text hashes alike.
/// Metadata (id, date, source, URL, language) is not hashed: the same words are the
/// same report.
pub fn content_hash(report: &Report) -> String {
    let mut hasher = Sha256::new();
    hasher.update(normalise(report.title.as_deref().unwrap_or("")).as_bytes());
    // A separator that normalised text never contains, so title and text cannot trade words.
    hasher.update([0u8]);
    hasher.update(normalise(&report.text).as_bytes());
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

/// NFC with whitespace runs collapsed to one space and the ends trimmed.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    // Most text is already NFC, and the quick check is much cheaper than composing.
    let chars: Box<dyn Iterator<Item = char>> = match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Box::new(text.chars()),
        IsNormalized::No | IsNormalized::Maybe => Box::new(text.nfc()),
    };
    for ch in chars {
        if ch.is_whitespace() || ch == '\0' {
            pending_space = !out.is_empty();
        } else {
            if pending_space {
                out.push(' ');
                pending_space = false;
            }
            out.push(ch);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(title_a: Option<&str>, text_a: &str, title_b: Option<&str>, text_b: &str, same: bool) {
        let mut a = Report::new("a", text_a);
        a.title = title_a.map(str::to_owned);
        let mut b = Report::new("b", text_b);
        b.title = title_b.map(str::to_owned);
        assert_eq!(content_hash(&a) == content_hash(&b), same, "{a:?} vs {b:?}");
    }

    #[test]
    fn whitespace_and_ends_do_not_count() {
        check(None, "Two  killed\nin Kaya. ", None, "Two killed in Kaya.", true);
        check(Some(" Kaya "), "x", Some("Kaya"), "x", true);
    }

    #[test]
    fn composed_and_decomposed_accents_are_the_same() {
        check(None, "s\u{e9}curit\u{e9}", None, "se\u{301}curite\u{301}", true);
    }

    #[test]
    fn words_count() {
        check(None, "Two killed", None, "Three killed", false);
        check(Some("a"), "b", None, "a b", false);
        check(Some("ab"), "c", Some("a"), "bc", false);
        check(None, "x", Some(""), "x", true);
    }

    #[test]
    fn hex_is_64_lowercase_digits() {
        let hash = content_hash(&Report::new("a", "x"));
        assert_eq!(hash.len(), 64);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    }
}
