//! Language of a report: the one it states, else English or French by stop words.

use tocsin_model::{Language, Report};

use crate::text::{tokenize, TokenKind};

const ENGLISH: &[&str] = &[
    "the", "of", "and", "in", "on", "to", "was", "were", "by", "with", "a", "an", "at", "that",
    "for", "from", "is", "are", "had", "has", "have", "killed", "their", "his", "after", "which",
];
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "en", "un", "une", "dans", "par", "pour", "sur",
    "est", "sont", "ont", "été", "qui", "que", "au", "aux", "avec", "ce", "cette", "leur",
];

/// The report's language: `report.language` when given, else detected from the text.
pub fn language_of(report: &Report) -> Language {
    report.language.unwrap_or_else(|| {
        let mut text = report.title.clone().unwrap_or_default();
        text.push('\n');
        text.push_str(&report.text);
        detect(&text)
    })
}

/// English or French, by counting frequent function words; `whatlang` breaks ties.
pub fn detect(text: &str) -> Language {
    let mut english = 0usize;
    let mut french = 0usize;
    for token in tokenize(text).iter().filter(|t| t.kind == TokenKind::Word).take(400) {
        let word = token.lower.as_str();
        if ENGLISH.contains(&word) {
            english += 1;
        }
        if FRENCH.contains(&word) {
            french += 1;
        }
    }
    if french != english {
        return if french > english { Language::Fr } else { Language::En };
    }
    // Too few function words: ask whatlang, restricted to the two languages.
    let detector =
        whatlang::Detector::with_allowlist(vec![whatlang::Lang::Eng, whatlang::Lang::Fra]);
    match detector.detect_lang(text) {
        Some(whatlang::Lang::Fra) => Language::Fr,
        _ => Language::En,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: Language) {
        assert_eq!(detect(text), want, "{text}");
    }

    #[test]
    fn english_and_french() {
        check(
            "On Saturday, gunmen attacked an army post in the country's northern region.",
            Language::En,
        );
        check(
            "Samedi, des hommes armés ont attaqué un poste de l'armée dans le nord du pays.",
            Language::Fr,
        );
        check("Trois soldats tués à Kpendjal", Language::Fr);
        check("", Language::En);
    }

    #[test]
    fn stated_language_wins() {
        let mut report = Report::new("r", "Des hommes armés ont attaqué le poste.");
        assert_eq!(language_of(&report), Language::Fr);
        report.language = Some(Language::En);
        assert_eq!(language_of(&report), Language::En);
    }
}
