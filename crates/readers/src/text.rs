//! Plain text and Markdown reports with optional header lines.
//!
//! ```text
//! Title: Attack on an army post near Kpendjal
//! Date: 21 November 2026
//! Source: Example Wire
//!
//! Gunmen attacked ...
//! ```
//!
//! Headers sit at the top, one `Key: value` a line, and end at the first blank line
//! (or the first line that is not a header). Keys are English or French, any case,
//! with or without a space (even a no-break space) before the colon: `Title`,
//! `Titre`, `Date`, `Published`, `Publié le`, `Source`, `URL`, `Lien`, `Language`,
//! `Langue`. Markdown may instead open with a `---` front matter of the same keys,
//! and its first `# Heading` is the title when no header gives one.

use chrono::NaiveDate;
use tocsin_model::Language;

use crate::date::parse_date;

/// A text document split into its headers and body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TextDocument {
    pub body: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub language: Option<Language>,
}

/// The header a key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    Title,
    Published,
    Source,
    Url,
    Language,
}

/// Splits a text document into headers and body; `markdown` enables front matter
/// and `# Title`.
pub(crate) fn read_text(text: &str, markdown: bool) -> TextDocument {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut document = TextDocument::default();
    let mut lines = text.lines().peekable();
    while lines.next_if(|line| line.trim().is_empty()).is_some() {}

    if markdown && lines.next_if(|line| line.trim_end() == "---").is_some() {
        // Front matter: `key: value` lines up to the closing `---`.
        let mut front = Vec::new();
        let mut closed = false;
        for line in lines.by_ref() {
            if line.trim_end() == "---" {
                closed = true;
                break;
            }
            front.push(line);
        }
        if closed {
            for line in front {
                if let Some((header, value)) = parse_header(line) {
                    document.set(header, value.trim_matches(['"', '\'']));
                }
            }
        } else {
            // Not front matter after all: read it all as body.
            document.body = normalise_body(text);
            return document;
        }
    } else {
        let mut n_headers = 0;
        while let Some(line) = lines.peek() {
            if n_headers > 0 && line.trim().is_empty() {
                lines.next();
                break;
            }
            match parse_header(line) {
                Some((header, value)) => {
                    document.set(header, value);
                    n_headers += 1;
                    lines.next();
                }
                None => break,
            }
        }
    }

    let mut body_lines: Vec<&str> = lines.collect();
    if markdown && document.title.is_none() {
        if let Some(first) = body_lines.iter().position(|line| !line.trim().is_empty()) {
            let heading =
                body_lines.get(first).and_then(|line| line.trim_start().strip_prefix("# "));
            if let Some(heading) = heading {
                document.title = non_empty(heading.trim().trim_end_matches('#'));
                body_lines.drain(..=first);
            }
        }
    }
    document.body = normalise_body(&body_lines.join("\n"));
    document
}

impl TextDocument {
    /// Records a header value; the first of each kind wins.
    fn set(&mut self, header: Header, value: &str) {
        match header {
            Header::Title if self.title.is_none() => self.title = non_empty(value),
            Header::Published if self.published.is_none() => self.published = parse_date(value),
            Header::Source if self.source.is_none() => self.source = non_empty(value),
            Header::Url if self.url.is_none() => self.url = non_empty(value),
            Header::Language if self.language.is_none() => {
                self.language = crate::language_from_code(value);
            }
            _ => {}
        }
    }
}

/// `Key: value` with a known key, else `None`.
fn parse_header(line: &str) -> Option<(Header, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim_matches(|c: char| c.is_whitespace() || c == '*' || c == '-');
    if key.is_empty() || key.chars().count() > 30 {
        return None;
    }
    let header = match key.to_lowercase().as_str() {
        "title" | "titre" | "headline" => Header::Title,
        "date"
        | "published"
        | "publication date"
        | "date published"
        | "publié"
        | "publie"
        | "publié le"
        | "publie le"
        | "date de publication"
        | "publication" => Header::Published,
        "source" | "outlet" | "publisher" | "journal" | "média" | "media" => Header::Source,
        "url" | "link" | "lien" => Header::Url,
        "language" | "langue" | "lang" => Header::Language,
        _ => return None,
    };
    Some((header, value.trim()))
}

fn non_empty(value: &str) -> Option<String> {
    let value = value.trim();
    (!value.is_empty()).then(|| value.to_string())
}

/// Trims the body and turns `\r\n` and lone `\r` into `\n`.
pub(crate) fn normalise_body(body: &str) -> String {
    let body = body.trim();
    if body.contains('\r') {
        body.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        body.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, markdown: bool, expected: &TextDocument) {
        assert_eq!(&read_text(text, markdown), expected, "{text:?}");
    }

    fn document(body: &str) -> TextDocument {
        TextDocument { body: body.to_string(), ..TextDocument::default() }
    }

    #[test]
    fn without_headers() {
        check("Gunmen attacked a post.\n", false, &document("Gunmen attacked a post."));
        check("\n\nLine one.\r\n\r\nLine two.", false, &document("Line one.\n\nLine two."));
        check("Note: not a header.\n\nBody", false, &document("Note: not a header.\n\nBody"));
    }

    #[test]
    fn english_headers() {
        check(
            "Title: Attack on a post\nDate: Nov 21, 2026\nSource: Wire\nURL: https://x.test/a\n\
             Language: en\n\nGunmen attacked.",
            false,
            &TextDocument {
                body: "Gunmen attacked.".into(),
                title: Some("Attack on a post".into()),
                published: NaiveDate::from_ymd_opt(2026, 11, 21),
                source: Some("Wire".into()),
                url: Some("https://x.test/a".into()),
                language: Some(Language::En),
            },
        );
    }

    #[test]
    fn french_headers() {
        check(
            "Titre : Attaque d'un poste\nDate\u{a0}: samedi 20 juillet 2024\nLangue : fr\n\nDes hommes armés.",
            false,
            &TextDocument {
                body: "Des hommes armés.".into(),
                title: Some("Attaque d'un poste".into()),
                published: NaiveDate::from_ymd_opt(2024, 7, 20),
                language: Some(Language::Fr),
                ..TextDocument::default()
            },
        );
    }

    #[test]
    fn headers_without_blank_line() {
        check(
            "Title: T\nBody starts here.",
            false,
            &TextDocument {
                body: "Body starts here.".into(),
                title: Some("T".into()),
                ..TextDocument::default()
            },
        );
    }

    #[test]
    fn bad_date_keeps_report() {
        check(
            "Date: sometime\n\nBody",
            false,
            &TextDocument { body: "Body".into(), ..TextDocument::default() },
        );
    }

    #[test]
    fn markdown() {
        check(
            "---\ntitle: \"Front\"\ndate: 2026-11-21\n---\n\nBody **text**.",
            true,
            &TextDocument {
                body: "Body **text**.".into(),
                title: Some("Front".into()),
                published: NaiveDate::from_ymd_opt(2026, 11, 21),
                ..TextDocument::default()
            },
        );
        check(
            "# Heading\n\nBody.",
            true,
            &TextDocument {
                body: "Body.".into(),
                title: Some("Heading".into()),
                ..TextDocument::default()
            },
        );
        check("# Heading\n\nBody.", false, &document("# Heading\n\nBody."));
        check("---\nno end", true, &document("---\nno end"));
    }
}
