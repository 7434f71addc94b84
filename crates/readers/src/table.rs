//! CSV and TSV articles: a header row, then one report per row.
//!
//! The text column is the first present of `text`, `body`, `content`, `article`,
//! `notes` (any case). Optional columns: `id`, `title`, `published` or `date`,
//! `source`, `url`, `language`. A CSV may be separated by `,` or `;` (as spreadsheets
//! set to French write it). Rows stream; a malformed row is a record error with its
//! line number.

use std::io::BufRead;

use csv::{ByteRecord, ReaderBuilder};
use tocsin_model::Report;

use crate::decode::Units;
use crate::record::{RawRecord, TEXT_KEYS};
use crate::{Origin, Result};

/// The delimiter whose split of a header line names a text column, if any.
pub(crate) fn sniff_delimiter(header_line: &str) -> Option<u8> {
    [b',', b'\t', b';'].into_iter().find(|&delimiter| {
        let columns: Vec<String> = header_line
            .split(char::from(delimiter))
            .map(|column| column.trim().trim_matches('"').trim().to_lowercase())
            .collect();
        columns.len() >= 2 && columns.iter().any(|column| TEXT_KEYS.contains(&column.as_str()))
    })
}

/// Where each known field sits in a row.
#[derive(Debug, Default)]
struct Columns {
    text: usize,
    id: Option<usize>,
    title: Option<usize>,
    published: Option<usize>,
    source: Option<usize>,
    url: Option<usize>,
    language: Option<usize>,
}

impl Columns {
    /// Finds the columns in a header; `Err` lists the header's columns.
    fn find(names: &[String]) -> std::result::Result<Columns, String> {
        let lower: Vec<String> = names.iter().map(|name| name.trim().to_lowercase()).collect();
        let position = |candidates: &[&str]| {
            candidates.iter().find_map(|candidate| lower.iter().position(|name| name == candidate))
        };
        let Some(text) = position(&TEXT_KEYS) else {
            let listed = names
                .iter()
                .map(|name| format!("\"{}\"", name.trim()))
                .collect::<Vec<_>>()
                .join(", ");
            return Err(format!(
                "no text column: expected one of {}; the columns are {listed}",
                TEXT_KEYS.join(", ")
            ));
        };
        Ok(Columns {
            text,
            id: position(&["id"]),
            title: position(&["title", "headline", "titre"]),
            published: position(&["published", "date", "published_at", "pubdate"]),
            source: position(&["source"]),
            url: position(&["url", "link"]),
            language: position(&["language", "lang"]),
        })
    }
}

/// Reads CSV (`tab` false: `,` or `;` as `head`'s first line says) or TSV rows from
/// a stream; `units` decodes each field.
pub(crate) fn read(
    stream: &mut dyn BufRead,
    tab: bool,
    head: &str,
    units: Units,
    origin: &Origin,
    visit: &mut dyn FnMut(Result<Report>),
) {
    let delimiter = if tab {
        b'\t'
    } else {
        match sniff_delimiter(head.lines().next().unwrap_or_default()) {
            Some(b';') => b';',
            _ => b',',
        }
    };
    let mut reader = ReaderBuilder::new()
        .delimiter(delimiter)
        // Rows end at `\n` only: with the default CRLF terminator the csv crate
        // numbers the lines of `\r\n` files one too low. The `\r` left at the end
        // of the last field is trimmed with the rest of the whitespace.
        .terminator(csv::Terminator::Any(b'\n'))
        .has_headers(true)
        .flexible(false)
        .from_reader(stream);
    let decode = |field: &[u8]| -> String { units.decode(field).into_owned() };
    let header: Vec<String> = match reader.byte_headers() {
        Ok(header) => header.iter().map(decode).collect(),
        Err(error) => {
            visit(Err(origin.file(format!("cannot read the header row: {error}"))));
            return;
        }
    };
    let columns = match Columns::find(&header) {
        Ok(columns) => columns,
        Err(message) => {
            visit(Err(origin.file(message)));
            return;
        }
    };

    let mut row = ByteRecord::new();
    let mut last_error_line = 0u64;
    loop {
        match reader.read_byte_record(&mut row) {
            Ok(false) => return,
            Ok(true) => {
                let line_no = row.position().map_or(0, |position| position.line());
                if row.iter().all(|field| field.iter().all(u8::is_ascii_whitespace)) {
                    continue;
                }
                let field = |column: Option<usize>| column.and_then(|idx| row.get(idx)).map(decode);
                let raw = RawRecord {
                    id: field(columns.id),
                    text: field(Some(columns.text)),
                    title: field(columns.title),
                    published: field(columns.published),
                    source: field(columns.source),
                    url: field(columns.url),
                    language: field(columns.language),
                };
                let fallback_id = |text: &str| origin.fallback_id(&format!(":{line_no}"), text);
                visit(
                    raw.into_report(fallback_id)
                        .map_err(|message| origin.record(to_usize(line_no), message)),
                );
            }
            Err(error) => {
                if let csv::ErrorKind::Io(_) = error.kind() {
                    let message = error.to_string();
                    visit(Err(origin.io(std::io::Error::other(message))));
                    return;
                }
                let line_no = error.position().map_or(0, |position| position.line());
                if line_no != 0 && line_no == last_error_line {
                    // No progress: stop rather than loop.
                    visit(Err(origin.record(to_usize(line_no), format!("malformed row: {error}"))));
                    return;
                }
                last_error_line = line_no;
                let message = match error.kind() {
                    csv::ErrorKind::UnequalLengths { expected_len, len, .. } => {
                        format!("malformed row: {len} fields where the header has {expected_len}")
                    }
                    _ => format!("malformed row: {error}"),
                };
                visit(Err(origin.record(to_usize(line_no), message)));
            }
        }
    }
}

fn to_usize(line_no: u64) -> usize {
    usize::try_from(line_no).unwrap_or(usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_delimiters() {
        let check = |line: &str, expected: Option<u8>| {
            assert_eq!(sniff_delimiter(line), expected, "{line}")
        };
        check("id,text", Some(b','));
        check("\"id\",\"Body\"", Some(b','));
        check("id\tnotes", Some(b'\t'));
        check("id;Content;date", Some(b';'));
        check("text", None);
        check("a,b,c", None);
        check("Gunmen attacked, the text said", None);
    }

    #[test]
    fn finds_columns() {
        let names = |list: &[&str]| list.iter().map(|name| name.to_string()).collect::<Vec<_>>();
        let columns = Columns::find(&names(&["ID", "Notes", "Body", "Date"]));
        assert!(matches!(columns, Ok(Columns { text: 2, id: Some(0), published: Some(3), .. })));
        match Columns::find(&names(&["a", "b"])) {
            Err(message) => assert!(message.contains("\"a\", \"b\""), "{message}"),
            Ok(columns) => panic!("{columns:?}"),
        }
    }
}
