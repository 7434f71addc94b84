//! Mojibake repair: UTF-8 text that was once read as windows-1252 (or Latin-1) and saved
//! again, so that "été" reads "Ã©tÃ©" and "’" reads "â€™". Scraped pages and old
//! archives are full of it, and it hides names from recognition ("BurkinabÃ¨").
//!
//! Each run of characters that windows-1252 can write with one byte above ASCII is turned
//! back into those bytes; when the bytes are valid UTF-8 with at least one character of
//! several bytes, the run is replaced by what they say. A correct "é" is one byte that is
//! not UTF-8 on its own, so correct text is never changed.

use std::borrow::Cow;

use encoding_rs::WINDOWS_1252;
use tocsin_model::Report;

/// How many times a text is repaired at most (text mangled twice needs two).
const ROUNDS: usize = 2;

/// The report with its text and title repaired.
pub(crate) fn repair_report(mut report: Report) -> Report {
    if let Cow::Owned(text) = repair(&report.text) {
        report.text = text;
    }
    if let Some(Cow::Owned(title)) = report.title.as_deref().map(repair) {
        report.title = Some(title);
    }
    report
}

/// The text with its mojibake repaired; borrowed when there is none.
pub(crate) fn repair(text: &str) -> Cow<'_, str> {
    let mut current = Cow::Borrowed(text);
    for _ in 0..ROUNDS {
        match repair_once(&current) {
            Some(repaired) => current = Cow::Owned(repaired),
            None => break,
        }
    }
    current
}

/// One round of repair, or `None` when no run changed.
fn repair_once(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut copied = 0;
    let mut changed = false;
    for (start, end) in runs(text) {
        let Some(run) = text.get(start..end) else { continue };
        let (bytes, _, unmappable) = WINDOWS_1252.encode(run);
        if unmappable {
            continue;
        }
        let mut bytes = bytes.into_owned();
        let mut end = end;
        // "â€" then a replacement character: the third byte was 0x9D, which windows-1252
        // leaves undefined, so a reader dropped it; it ends "”", by far the likeliest.
        if bytes.ends_with(&[0xE2, 0x80])
            && text.get(end..).is_some_and(|rest| rest.starts_with('\u{FFFD}'))
        {
            bytes.push(0x9D);
            end += '\u{FFFD}'.len_utf8();
        }
        let Ok(decoded) = std::str::from_utf8(&bytes) else { continue };
        if decoded.chars().count() == text.get(start..end).unwrap_or("").chars().count() {
            continue;
        }
        out.push_str(text.get(copied..start).unwrap_or(""));
        out.push_str(decoded);
        copied = end;
        changed = true;
    }
    if !changed {
        return None;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    Some(out)
}

/// Byte ranges of the runs of characters that windows-1252 writes as one byte above
/// ASCII: U+0080 to U+00FF and the typographic characters it puts at 0x80-0x9F.
fn runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut open: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (is_high_byte(c), open) {
            (true, None) => open = Some(i),
            (false, Some(start)) => {
                runs.push((start, i));
                open = None;
            }
            _ => {}
        }
    }
    if let Some(start) = open {
        runs.push((start, text.len()));
    }
    runs
}

/// Whether windows-1252 writes `c` as one byte from 0x80 to 0xFF.
fn is_high_byte(c: char) -> bool {
    ('\u{80}'..='\u{FF}').contains(&c) || "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ".contains(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &str) {
        assert_eq!(repair(text), want, "{text:?}");
    }

    #[test]
    fn mangled_text_is_repaired() {
        check(
            "Des hommes armÃ©s ont attaquÃ© le village de KomyÃ©ra, Ã\u{a0} 20 km de Ouahigouya.",
            "Des hommes armés ont attaqué le village de Komyéra, à 20 km de Ouahigouya.",
        );
        check(
            "the villageâ€™s chief said â€œno one was hurtâ€\u{9d}.",
            "the village’s chief said “no one was hurt”.",
        );
        check("Ã‰tat islamique", "État islamique");
        // The closing quote's last byte was lost on the way.
        check(
            "â€œcalm was restoredâ€\u{fffd} the police said",
            "“calm was restored” the police said",
        );
        // Mangled twice.
        check("armÃƒÂ©s", "armés");
    }

    #[test]
    fn correct_text_is_left_alone() {
        for text in [
            "Lomé, l’armée « d’élite » a été déployée à Dapaong — 3 €.",
            "São Tomé, Ségou, Kaya, Ménaka, Tillabéri",
            "Ã alone is a letter, and so is Â",
            "plain ASCII",
            "",
        ] {
            assert!(matches!(repair(text), Cow::Borrowed(_)), "{text:?}");
        }
    }

    #[test]
    fn a_report_has_its_text_and_title_repaired() {
        let mut report = Report::new("r1", "Ã€ Djibo, des tirs");
        report.title = Some("Attaque Ã\u{a0} Djibo".to_string());
        let report = repair_report(report);
        assert_eq!(report.text, "À Djibo, des tirs");
        assert_eq!(report.title.as_deref(), Some("Attaque à Djibo"));
    }
}
