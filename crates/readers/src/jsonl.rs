//! JSON Lines and JSON articles in the evaluation kit's article format.
//!
//! JSON Lines are read one line at a time, so a file of any size streams and a bad
//! line costs only its own record. A `.json` file may hold a JSON array of objects,
//! one object per line, or a sequence of pretty-printed objects.

use std::io::{self, BufRead, Read};

use serde_json::{Map, Value};
use tocsin_model::Report;

use crate::decode::Units;
use crate::record::{RawRecord, TEXT_KEYS};
use crate::{Origin, Result, MAX_DOCUMENT_BYTES};

/// The longest line kept; a longer one is skipped as a record error. A JSON line
/// may escape its text, so this is well above [`crate::MAX_REPORT_BYTES`].
const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// Reads JSON Lines (`lines_only`) or any JSON layout from a UTF-8 stream;
/// `units` decodes each line.
pub(crate) fn read(
    stream: &mut dyn BufRead,
    lines_only: bool,
    units: Units,
    origin: &Origin,
    visit: &mut dyn FnMut(Result<Report>),
) {
    let mut line_no = 0usize;
    let mut buffer = Vec::new();
    let mut seen_content = false;
    loop {
        buffer.clear();
        let outcome = match read_line_limited(stream, &mut buffer, MAX_LINE_BYTES) {
            Ok(outcome) => outcome,
            Err(error) => {
                visit(Err(origin.io(error)));
                return;
            }
        };
        line_no += 1;
        let line = match outcome {
            LineRead::End => return,
            LineRead::TooLong(n_bytes) => {
                visit(Err(origin.record(
                    line_no,
                    format!(
                        "report too large, a {} MB line; split it into reports under {} MB",
                        n_bytes / (1024 * 1024),
                        crate::MAX_REPORT_BYTES / (1024 * 1024)
                    ),
                )));
                continue;
            }
            LineRead::Line => units.decode(&buffer).into_owned(),
        };
        let trimmed = line.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.is_empty() {
            continue;
        }
        // Parsed with its whitespace, so error columns match the file.
        let json = line.trim_start_matches('\u{feff}');
        if !lines_only && !seen_content {
            seen_content = true;
            match serde_json::from_str::<Value>(json) {
                Ok(value) => {
                    visit_value(value, line_no, origin, visit);
                    continue;
                }
                // A whole object on one line, only broken: one object per line.
                Err(_)
                    if trimmed.len() > 1 && trimmed.starts_with('{') && trimmed.ends_with('}') => {}
                Err(_) => {
                    // Not one object per line: an array or pretty-printed objects.
                    let mut whole = String::with_capacity(line.len());
                    whole.push_str(&"\n".repeat(line_no - 1));
                    whole.push_str(&line);
                    whole.push('\n');
                    read_whole(stream, whole, units, origin, visit);
                    return;
                }
            }
        }
        match serde_json::from_str::<Value>(json) {
            Ok(value) if lines_only => {
                visit(object_to_report(value, &RecordRef::Line(line_no), origin));
            }
            Ok(value) => visit_value(value, line_no, origin, visit),
            Err(error) => visit(Err(origin.record(line_no, json_error(&error, "")))),
        }
    }
}

/// Reads the rest of the stream and parses it as an array or a sequence of values.
fn read_whole(
    stream: &mut dyn BufRead,
    mut text: String,
    units: Units,
    origin: &Origin,
    visit: &mut dyn FnMut(Result<Report>),
) {
    let mut rest = Vec::new();
    let limit = MAX_DOCUMENT_BYTES.saturating_sub(text.len()) as u64;
    if let Err(error) = stream.take(limit + 1).read_to_end(&mut rest) {
        visit(Err(origin.io(error)));
        return;
    }
    if rest.len() as u64 > limit {
        visit(Err(origin.too_large_file()));
        return;
    }
    text.push_str(&units.decode(&rest));
    let mut lines = LineCounter::default();
    let mut offset = 0usize;
    // Parse values from `offset`; after a syntax error, resume at the next line
    // that opens an object at its first column, if any.
    loop {
        let Some(slice) = text.get(offset..) else {
            return;
        };
        let base_line = lines.line_at(&text, offset);
        let mut values = serde_json::Deserializer::from_str(slice).into_iter::<Value>();
        loop {
            let start = offset + values.byte_offset();
            match values.next() {
                None => return,
                Some(Ok(value)) => {
                    let line_no = lines.line_at(&text, value_start(&text, start));
                    visit_value(value, line_no, origin, visit);
                }
                Some(Err(error)) => {
                    let error_line = base_line + error.line().max(1) - 1;
                    match next_object_line(&text, offset, error_line) {
                        Some((resume_offset, resume_line)) => {
                            visit(Err(origin.record(
                                error_line,
                                json_error(&error, &format!(", skipped to line {resume_line}")),
                            )));
                            offset = resume_offset;
                            break;
                        }
                        None => {
                            visit(Err(origin.record(
                                error_line,
                                json_error(&error, ", the rest of the file is skipped"),
                            )));
                            return;
                        }
                    }
                }
            }
        }
    }
}

/// A message for a JSON syntax error: its column and cause (its line is the
/// record's), then `consequence`.
fn json_error(error: &serde_json::Error, consequence: &str) -> String {
    let message = error.to_string();
    let cause = message.rfind(" at line ").and_then(|at| message.get(..at)).unwrap_or(&message);
    format!("invalid JSON at column {}{consequence}: {cause}", error.column())
}

/// The offset of the first non-whitespace character at or after `offset`.
fn value_start(text: &str, offset: usize) -> usize {
    text.get(offset..).map_or(offset, |rest| offset + (rest.len() - rest.trim_start().len()))
}

/// The offset and number of the first line after line `after_line` that starts with
/// `{`, searching from `from` (a line start on or before that line).
fn next_object_line(text: &str, from: usize, after_line: usize) -> Option<(usize, usize)> {
    let mut counter = LineCounter::default();
    let mut line_start = from;
    let rest = text.get(from..)?;
    let first_line = counter.line_at(text, from);
    for (line_idx, line) in rest.split_inclusive('\n').enumerate() {
        let line_no = first_line + line_idx;
        if line_no > after_line && line.starts_with('{') {
            return Some((line_start, line_no));
        }
        line_start += line.len();
    }
    None
}

/// Line numbers of increasing offsets, counted incrementally.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    newlines: usize,
}

impl LineCounter {
    /// The 1-based line of `offset`; offsets asked must not decrease.
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        if offset >= self.offset {
            let between = text.as_bytes().get(self.offset..offset).unwrap_or_default();
            self.newlines += between.iter().filter(|&&b| b == b'\n').count();
            self.offset = offset;
        }
        1 + self.newlines
    }
}

/// Which record of a file a value is, for ids and messages.
enum RecordRef {
    /// The object on this line.
    Line(usize),
    /// Element N (1-based) of the array starting on this line.
    Element(usize, usize),
}

fn visit_value(
    value: Value,
    line_no: usize,
    origin: &Origin,
    visit: &mut dyn FnMut(Result<Report>),
) {
    match value {
        Value::Array(items) => {
            for (item_idx, item) in items.into_iter().enumerate() {
                let record = RecordRef::Element(line_no, item_idx + 1);
                visit(object_to_report(item, &record, origin));
            }
        }
        value => visit(object_to_report(value, &RecordRef::Line(line_no), origin)),
    }
}

fn object_to_report(value: Value, record: &RecordRef, origin: &Origin) -> Result<Report> {
    let (line_no, fallback_id, what) = match *record {
        RecordRef::Line(line_no) => (line_no, format!(":{line_no}"), String::new()),
        RecordRef::Element(line_no, element) => {
            (line_no, format!(":{line_no}:{element}"), format!("array element {element}: "))
        }
    };
    let Value::Object(object) = value else {
        return Err(origin
            .record(line_no, format!("{what}expected an article object, found {}", kind(&value))));
    };
    let raw =
        raw_record(object).map_err(|message| origin.record(line_no, format!("{what}{message}")))?;
    raw.into_report(|text| origin.fallback_id(&fallback_id, text))
        .map_err(|message| origin.record(line_no, format!("{what}{message}")))
}

/// The article fields of a JSON object, moved out of it; extra keys are ignored.
fn raw_record(mut object: Map<String, Value>) -> std::result::Result<RawRecord, String> {
    let text_key =
        TEXT_KEYS.iter().find(|key| object.get(**key).is_some_and(|value| !value.is_null()));
    let text = match text_key.and_then(|key| object.remove(*key).map(|value| (key, value))) {
        None => None,
        Some((_, Value::String(text))) => Some(text),
        Some((key, value)) => return Err(format!("\"{key}\" is {}, not a string", kind(&value))),
    };
    let mut take = |keys: &[&str]| keys.iter().find_map(|key| object.remove(*key).and_then(scalar));
    Ok(RawRecord {
        id: take(&["id"]),
        text,
        title: take(&["title"]),
        published: take(&["published", "date"]),
        source: take(&["source"]),
        url: take(&["url", "link"]),
        language: take(&["language", "lang"]),
    })
}

/// A string or number as a string.
fn scalar(value: Value) -> Option<String> {
    match value {
        Value::String(text) => Some(text),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// What [`read_line_limited`] found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum LineRead {
    /// A line (possibly the last, without `\n`) is in the buffer.
    Line,
    /// A line longer than the limit was skipped; its length in bytes.
    TooLong(usize),
    /// The end of the input.
    End,
}

/// Reads one line into `buffer` (without its `\n`), keeping at most `limit` bytes;
/// a longer line is consumed and reported as [`LineRead::TooLong`].
pub(crate) fn read_line_limited(
    stream: &mut dyn BufRead,
    buffer: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    let mut n_bytes = 0usize;
    let mut any = false;
    loop {
        let available = match stream.fill_buf() {
            Ok(available) => available,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(error),
        };
        if available.is_empty() {
            break;
        }
        any = true;
        let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
            Some(end) => (available.get(..end).unwrap_or_default(), true),
            None => (available, false),
        };
        let n_chunk = chunk.len();
        if n_bytes + n_chunk <= limit {
            buffer.extend_from_slice(chunk);
        }
        n_bytes += n_chunk;
        stream.consume(n_chunk + usize::from(done));
        if done {
            break;
        }
    }
    Ok(if !any {
        LineRead::End
    } else if n_bytes > limit {
        buffer.clear();
        LineRead::TooLong(n_bytes)
    } else {
        LineRead::Line
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_lines() {
        let mut input: &[u8] = b"short\nlooooong\n\nlast";
        let mut buffer = Vec::new();
        let mut lines = Vec::new();
        loop {
            buffer.clear();
            match read_line_limited(&mut input, &mut buffer, 5) {
                Ok(LineRead::End) => break,
                Ok(outcome) => lines.push((outcome, String::from_utf8_lossy(&buffer).into_owned())),
                Err(error) => panic!("{error}"),
            }
        }
        assert_eq!(
            lines,
            vec![
                (LineRead::Line, "short".to_string()),
                (LineRead::TooLong(8), String::new()),
                (LineRead::Line, String::new()),
                (LineRead::Line, "last".to_string()),
            ]
        );
    }

    #[test]
    fn counts_lines() {
        let text = "[\n  {\"a\": 1}\n]\n\n{\"b\": 2}";
        let mut counter = LineCounter::default();
        assert_eq!(counter.line_at(text, 0), 1);
        assert_eq!(counter.line_at(text, 16), 5);
        assert_eq!(next_object_line(text, 0, 1), Some((16, 5)));
        assert_eq!(next_object_line(text, 0, 5), None);
    }
}
