//! Input formats: chosen from the file extension, or sniffed from the first bytes.

use std::path::Path;

/// An input format tocsin reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON Lines (`.jsonl`, `.ndjson`): one article object per line.
    JsonLines,
    /// JSON (`.json`): an array of article objects, one object per line, or a
    /// sequence of (pretty-printed) objects.
    Json,
    /// Plain text (`.txt`, `.text`) with optional `Title:`/`Date:`/... header lines.
    Text,
    /// Markdown (`.md`): plain text that may also carry a `---` front matter and a
    /// `# Title` first line.
    Markdown,
    /// HTML (`.html`, `.htm`, `.xhtml`): one report, the page's main text.
    Html,
    /// Comma-separated values with a header row (`.csv`; `;` also accepted).
    Csv,
    /// Tab-separated values with a header row (`.tsv`).
    Tsv,
    /// An RSS or Atom feed (`.rss`, `.atom`, `.xml` holding a feed): one report per item.
    Feed,
}

impl Format {
    /// The format a file extension names, if any (case-insensitive, no dot).
    /// `.xml` is not decisive (it may hold a feed or XHTML) and returns `None`.
    pub fn from_extension(extension: &str) -> Option<Format> {
        let format = match extension.to_ascii_lowercase().as_str() {
            "jsonl" | "ndjson" => Format::JsonLines,
            "json" => Format::Json,
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "rss" | "atom" => Format::Feed,
            _ => return None,
        };
        Some(format)
    }

    /// The format a path's extension names, if any.
    pub fn from_path(path: &Path) -> Option<Format> {
        path.extension().and_then(|extension| extension.to_str()).and_then(Format::from_extension)
    }

    /// Guesses the format of a document from its first characters.
    pub fn sniff(head: &str) -> Format {
        let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.starts_with('{') {
            return Format::Json;
        }
        if let Some(rest) = trimmed.strip_prefix('[') {
            if rest.trim_start().starts_with(['{', ']']) {
                return Format::Json;
            }
        }
        if trimmed.starts_with('<') {
            return sniff_markup(trimmed);
        }
        let first_line = trimmed.lines().next().unwrap_or_default();
        match crate::table::sniff_delimiter(first_line) {
            Some(b'\t') => Format::Tsv,
            Some(_) => Format::Csv,
            None => Format::Text,
        }
    }

    /// A short lowercase name, as in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonLines => "JSON Lines",
            Format::Json => "JSON",
            Format::Text => "text",
            Format::Markdown => "Markdown",
            Format::Html => "HTML",
            Format::Csv => "CSV",
            Format::Tsv => "TSV",
            Format::Feed => "RSS/Atom",
        }
    }
}

/// Feed or HTML, for a document starting with `<`.
fn sniff_markup(head: &str) -> Format {
    let window: String = head.chars().take(4096).collect::<String>().to_lowercase();
    let feed_at = ["<rss", "<feed", "<rdf:rdf"].iter().filter_map(|tag| window.find(tag)).min();
    let html_at = ["<html", "<!doctype html", "<body", "<head"]
        .iter()
        .filter_map(|tag| window.find(tag))
        .min();
    match (feed_at, html_at) {
        (Some(feed), Some(html)) if feed < html => Format::Feed,
        (Some(_), None) => Format::Feed,
        _ => Format::Html,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_sniff(head: &str, expected: Format) {
        assert_eq!(Format::sniff(head), expected, "{head:?}");
    }

    #[test]
    fn sniffs() {
        check_sniff("{\"id\": 1}", Format::Json);
        check_sniff("\n  [\n {\"id\": 1}]", Format::Json);
        check_sniff("[]", Format::Json);
        check_sniff("[Photo] Soldiers patrol", Format::Text);
        check_sniff("<?xml version=\"1.0\"?><rss version=\"2.0\">", Format::Feed);
        check_sniff("<feed xmlns=\"http://www.w3.org/2005/Atom\">", Format::Feed);
        check_sniff("<!DOCTYPE html><html><body>", Format::Html);
        check_sniff("<p>Hello</p>", Format::Html);
        check_sniff("<!doctype html><html><body><p>see <rss> feeds</p>", Format::Html);
        check_sniff("id,title,text\n1,a,b", Format::Csv);
        check_sniff("id;Notes\n1;b", Format::Csv);
        check_sniff("id\tbody\n1\tb", Format::Tsv);
        check_sniff("Title: An attack\n\nBody", Format::Text);
        check_sniff("Gunmen attacked a post, then fled.", Format::Text);
    }

    #[test]
    fn extensions() {
        assert_eq!(Format::from_path(Path::new("a/b.JSONL")), Some(Format::JsonLines));
        assert_eq!(Format::from_path(Path::new("a.ndjson")), Some(Format::JsonLines));
        assert_eq!(Format::from_path(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::from_path(Path::new("a.xml")), None);
        assert_eq!(Format::from_path(Path::new("README")), None);
    }
}
