//! RSS and Atom feeds: one report per item or entry.
//!
//! The id is the item's `guid` or the entry's `id`, else its link, else the file's
//! id and the item number. The text is the item's content, else its summary, with
//! HTML converted to text by [`crate::html_to_text`]. The source is the feed's title.

use feed_rs::model::{Entry, Text};
use tocsin_model::Report;

use crate::html::html_to_text;
use crate::record::check_size;
use crate::{Origin, Result};

/// Reads a feed already decoded to UTF-8.
pub(crate) fn read(text: &str, origin: &Origin, visit: &mut dyn FnMut(Result<Report>)) {
    let text = without_xml_declaration(text);
    let parser = feed_rs::parser::Builder::new()
        .sanitize_content(false)
        .id_generator(|links, _title, _uri| {
            links.first().map(|link| link.href.trim().to_string()).unwrap_or_default()
        })
        .build();
    let feed = match parser.parse(text.as_bytes()) {
        Ok(feed) => feed,
        Err(error) => {
            visit(Err(origin.file(format!("not a readable RSS/Atom feed: {error}"))));
            return;
        }
    };
    if feed.entries.is_empty() {
        visit(Err(origin.file("the feed has no items".to_string())));
        return;
    }
    let source = feed.title.as_ref().and_then(text_of);
    let language = feed.language.as_deref().and_then(crate::language_from_code);
    for (entry_idx, entry) in feed.entries.iter().enumerate() {
        let item_no = entry_idx + 1;
        visit(
            entry_report(entry, item_no, origin)
                .map(|mut report| {
                    report.source = source.clone();
                    report.language = language;
                    report
                })
                .map_err(|message| origin.record(item_no, format!("item {item_no}: {message}"))),
        );
    }
}

fn entry_report(
    entry: &Entry,
    item_no: usize,
    origin: &Origin,
) -> std::result::Result<Report, String> {
    let body = entry
        .content
        .as_ref()
        .and_then(|content| {
            let body = content.body.as_deref()?;
            let plain = content.content_type.to_string().contains("plain");
            Some(if plain { body.trim().to_string() } else { html_to_text(body) })
        })
        .filter(|body| !body.trim().is_empty())
        .or_else(|| entry.summary.as_ref().and_then(text_of));
    let Some(text) = body else {
        return Err("no content or summary".to_string());
    };
    check_size(&text)?;
    let id = entry.id.trim();
    let id = if id.is_empty() {
        origin.fallback_id(&format!("#{item_no}"), &text)
    } else {
        id.to_string()
    };
    Ok(Report {
        id,
        text,
        title: entry.title.as_ref().and_then(text_of),
        published: entry.published.or(entry.updated).map(|time| time.date_naive()),
        source: None,
        url: entry
            .links
            .iter()
            .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
            .or_else(|| entry.links.first())
            .map(|link| link.href.trim().to_string())
            .filter(|href| !href.is_empty()),
        language: None,
    })
}

/// A feed text field as plain text.
fn text_of(text: &Text) -> Option<String> {
    let plain = text.content_type.to_string().contains("plain");
    let content = if plain {
        text.content.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        html_to_text(&text.content)
    };
    let content = content.trim();
    (!content.is_empty()).then(|| content.to_string())
}

/// The document without its `<?xml ...?>` declaration: the text is UTF-8 already and
/// the parser would otherwise decode it again as the declaration says.
fn without_xml_declaration(text: &str) -> &str {
    let trimmed = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with("<?xml") {
        if let Some(end) = trimmed.find("?>") {
            return trimmed.get(end + 2..).unwrap_or_default();
        }
    }
    trimmed
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn read_all(xml: &str) -> Vec<std::result::Result<Report, String>> {
        let origin = Origin {
            path: PathBuf::from("feed.xml"),
            id_base: "feed".to_string(),
            hash_ids: false,
        };
        let mut out = Vec::new();
        read(xml, &origin, &mut |result| out.push(result.map_err(|error| error.to_string())));
        out
    }

    #[test]
    fn rss_items() {
        let results = read_all(
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\
             <rss version=\"2.0\"><channel><title>Wire</title><language>fr-fr</language>\
             <item><guid>g1</guid><title>Attaque</title><link>https://x.test/1</link>\
             <pubDate>Sat, 20 Jul 2024 09:00:00 GMT</pubDate>\
             <description>&lt;p&gt;Des hommes arm\u{e9}s ont attaqu\u{e9}.&lt;/p&gt;</description></item>\
             <item><title>Empty</title></item>\
             <item><link>https://x.test/3</link><description>Third.</description></item>\
             </channel></rss>",
        );
        assert_eq!(results.len(), 3);
        let first = results.first().and_then(|result| result.as_ref().ok());
        assert_eq!(first.map(|report| report.id.as_str()), Some("g1"));
        assert_eq!(first.map(|report| report.text.as_str()), Some("Des hommes armés ont attaqué."));
        assert_eq!(first.and_then(|report| report.source.as_deref()), Some("Wire"));
        assert_eq!(first.and_then(|report| report.language), Some(tocsin_model::Language::Fr));
        assert_eq!(
            first.and_then(|report| report.published).map(|date| date.to_string()).as_deref(),
            Some("2024-07-20")
        );
        assert!(matches!(results.get(1), Some(Err(message)) if message.contains("item 2")));
        let third = results.get(2).and_then(|result| result.as_ref().ok());
        assert_eq!(third.map(|report| report.id.as_str()), Some("https://x.test/3"));
    }

    #[test]
    fn not_a_feed() {
        let results = read_all("<html><body>no</body></html>");
        assert!(matches!(results.as_slice(), [Err(message)] if message.contains("not a readable")));
    }
}
