//! Report readers: turn files, folders and standard input into [`Report`]s.
//!
//! This crate owns every input format tocsin reads (plain text with optional
//! `Title:`/`Date:`/`Source:` headers, Markdown, HTML, JSON Lines and JSON, CSV/TSV,
//! RSS/Atom, folders, standard input) and text encodings (UTF-8 with or without
//! BOM, UTF-16 with BOM, legacy charsets such as windows-1252 guessed by
//! `chardetng`). It knows nothing of extraction or storage.
//!
//! The main entry is [`read`]: a file, a folder (read recursively, sorted by path,
//! hidden files skipped) or `-` for standard input. [`read_from`] reads any
//! [`std::io::Read`] with a name and an optional [`Format`]. Every report or error
//! goes to the `visit` callback, in a stable order: one bad record is reported as an
//! [`Error`] naming the file and line, and reading goes on with the next. Nothing
//! here panics on any input.
//!
//! Ids are stable, so re-reading an input gives the same reports with the same ids:
//! a record's own `id`, else `<file id>:<line>`, where the file id is the path
//! relative to the input folder (the file name for a single file), without
//! extension, `/`-separated. A text or HTML file is one report with the file id.
//! Standard input has no stable name, so there a record without an id is named
//! `stdin-<hash of its text>` instead.
//!
//! ```
//! use std::path::Path;
//!
//! let input = br#"{"id": "a1", "text": "Gunmen attacked an army post.", "published": "2026-11-21"}
//! {"text": "Second report, without an id."}
//! not json
//! "#;
//! let mut reports = Vec::new();
//! let mut errors = Vec::new();
//! tocsin_readers::read_from(&input[..], Path::new("wire.jsonl"), None, &mut |result| match result {
//!     Ok(report) => reports.push(report),
//!     Err(error) => errors.push(error.to_string()),
//! });
//! assert_eq!(reports.len(), 2);
//! assert_eq!(reports[1].id, "wire:2");
//! assert_eq!(errors, ["wire.jsonl:3: invalid JSON at column 2: expected ident"]);
//! ```
#![warn(missing_docs)]

pub mod acled;
mod date;
mod decode;
mod feed;
mod format;
mod html;
mod jsonl;
mod mojibake;
mod nesting;
mod record;
mod table;
mod text;
mod walk;

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use tocsin_model::Language;
pub use tocsin_model::Report;

pub use crate::acled::{read_acled, AcledRow};
pub use crate::date::parse_date;
pub use crate::format::Format;
pub use crate::html::html_to_text;

/// The largest report text accepted, in bytes (10 MB); a longer one is a record error.
pub const MAX_REPORT_BYTES: usize = 10 * 1024 * 1024;

/// The largest document read whole (a text, HTML, JSON array or feed file), in bytes
/// (256 MB). JSON Lines and CSV stream and have no such limit.
pub const MAX_DOCUMENT_BYTES: usize = 256 * 1024 * 1024;

/// An error reading one input or one record of it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// One record of a file is malformed; the others are still read.
    #[error("{path}:{line}: {message}")]
    Record {
        /// The file.
        path: PathBuf,
        /// 1-based line (or record) number.
        line: usize,
        /// What is wrong, and what to do.
        message: String,
    },
    /// The whole file cannot be read as reports.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong, and what to do.
        message: String,
    },
}

impl Error {
    /// The file the error is about (`<stdin>` for standard input).
    pub fn path(&self) -> &Path {
        match self {
            Error::Io { path, .. } | Error::Record { path, .. } | Error::File { path, .. } => path,
        }
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// Reads every report in `input`, a file, a folder (recursively) or `-` for standard
/// input, calling `visit` once for each report or error, in a stable order.
///
/// A file's format comes from its extension (see [`Format::from_extension`]), else
/// from its content. In a folder, files are read in path order and hidden files and
/// folders (names starting with `.`) are skipped.
pub fn read(input: &Path, visit: &mut dyn FnMut(Result<Report>)) {
    if input.as_os_str() == "-" {
        let origin =
            Origin { path: PathBuf::from("<stdin>"), id_base: "stdin".to_string(), hash_ids: true };
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        read_stream(&mut lock, &origin, None, visit);
        return;
    }
    let metadata = match std::fs::metadata(input) {
        Ok(metadata) => metadata,
        Err(source) => {
            visit(Err(Error::Io { path: input.to_path_buf(), source }));
            return;
        }
    };
    if !metadata.is_dir() {
        read_file(input, file_id(input), visit);
        return;
    }
    let files = walk::files(input, &mut |error| visit(Err(error)));
    let mut used_ids = HashSet::new();
    for path in files {
        let relative = path.strip_prefix(input).unwrap_or(&path);
        let mut id_base = relative_id(relative, false);
        if !used_ids.insert(id_base.clone()) {
            // Two files differing only by extension: the later one keeps it.
            id_base = relative_id(relative, true);
            used_ids.insert(id_base.clone());
        }
        read_file(&path, id_base, visit);
    }
}

/// Reads every report in `reader`. `name` stands for the input in errors and ids
/// (its file name without extension is the id base) and, when `format` is `None`,
/// its extension chooses the format; content is sniffed when neither does.
pub fn read_from(
    mut reader: impl Read,
    name: &Path,
    format: Option<Format>,
    visit: &mut dyn FnMut(Result<Report>),
) {
    let origin = Origin {
        path: name.to_path_buf(),
        id_base: file_id(name),
        hash_ids: name.as_os_str() == "-",
    };
    let format = format.or_else(|| Format::from_path(name));
    read_stream(&mut reader, &origin, format, visit);
}

/// Reads everything in `input` (as [`read`]) into reports and errors.
pub fn read_all(input: &Path) -> (Vec<Report>, Vec<Error>) {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    read(input, &mut |result| match result {
        Ok(report) => reports.push(report),
        Err(error) => errors.push(error),
    });
    (reports, errors)
}

/// Where records come from: the path for errors and the base of fallback ids.
pub(crate) struct Origin {
    pub path: PathBuf,
    pub id_base: String,
    /// Name records without an id by a hash of their text rather than by place:
    /// standard input has no stable name, so `stdin:3` would mean a different report
    /// on every run.
    pub hash_ids: bool,
}

impl Origin {
    /// The id of a record that has none: `<id base><place>`, where `place` is
    /// `:<line>`, `#<item>` or empty for a one-report file; for standard input,
    /// `stdin-<16 hex digits of the text's FNV-1a hash>`.
    pub(crate) fn fallback_id(&self, place: &str, text: &str) -> String {
        if self.hash_ids {
            format!("{}-{:016x}", self.id_base, fnv1a(text.as_bytes()))
        } else {
            format!("{}{place}", self.id_base)
        }
    }

    pub(crate) fn record(&self, line: usize, message: String) -> Error {
        Error::Record { path: self.path.clone(), line, message }
    }

    pub(crate) fn file(&self, message: String) -> Error {
        Error::File { path: self.path.clone(), message }
    }

    pub(crate) fn io(&self, source: std::io::Error) -> Error {
        Error::Io { path: self.path.clone(), source }
    }

    pub(crate) fn too_large_file(&self) -> Error {
        self.file(format!(
            "file too large, over {} MB; split it",
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        ))
    }
}

/// The 64-bit FNV-1a hash: stable across runs, platforms and releases.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The language for a code such as `fr`, `fr-FR`, `en_GB` or `English`.
pub(crate) fn language_from_code(code: &str) -> Option<Language> {
    let code = code.trim();
    let primary = code.split(['-', '_']).next().unwrap_or(code);
    Language::from_code(primary)
}

/// The id base of a single file: its name without extension.
fn file_id(path: &Path) -> String {
    if path.as_os_str() == "-" {
        return "stdin".to_string();
    }
    path.file_stem()
        .or_else(|| path.file_name())
        .map(|stem| stem.to_string_lossy().into_owned())
        .filter(|stem| !stem.is_empty())
        .unwrap_or_else(|| path.to_string_lossy().into_owned())
}

/// The id base of a file inside a folder: its relative path, `/`-separated, without
/// the extension unless `keep_extension`.
fn relative_id(relative: &Path, keep_extension: bool) -> String {
    let mut parts: Vec<String> =
        relative.components().map(|part| part.as_os_str().to_string_lossy().into_owned()).collect();
    if !keep_extension {
        if let (Some(last), Some(stem)) = (parts.last_mut(), relative.file_stem()) {
            *last = stem.to_string_lossy().into_owned();
        }
    }
    parts.join("/")
}

fn read_file(path: &Path, id_base: String, visit: &mut dyn FnMut(Result<Report>)) {
    let origin = Origin { path: path.to_path_buf(), id_base, hash_ids: false };
    match std::fs::File::open(path) {
        Ok(mut file) => read_stream(&mut file, &origin, Format::from_path(path), visit),
        Err(source) => visit(Err(origin.io(source))),
    }
}

/// Classifies the encoding, chooses the format and hands a UTF-8 stream to the
/// format's reader.
fn read_stream(
    reader: &mut dyn Read,
    origin: &Origin,
    format: Option<Format>,
    visit: &mut dyn FnMut(Result<Report>),
) {
    let visit = &mut |result: Result<Report>| visit(result.map(mojibake::repair_report));
    let prefix = match decode::read_prefix(reader) {
        Ok(prefix) => prefix,
        Err(error) => {
            visit(Err(origin.io(error)));
            return;
        }
    };
    let starts_markup = prefix.iter().find(|byte| !byte.is_ascii_whitespace()) == Some(&b'<');
    let declared = if starts_markup { decode::declared_encoding(&prefix) } else { None };
    let charset = match decode::classify(&prefix, declared) {
        Ok(charset) => charset,
        Err(not_text) => {
            visit(Err(origin.file(not_text.message().to_string())));
            return;
        }
    };
    let (bom, transcode) = match charset {
        decode::Charset::Utf8 { bom } => (bom, None),
        decode::Charset::Other { encoding, bom } => (bom, Some(encoding)),
    };
    let body_prefix = prefix.get(bom..).unwrap_or_default();
    let head = match transcode {
        None => String::from_utf8_lossy(body_prefix),
        Some(encoding) => encoding.decode_without_bom_handling(body_prefix).0,
    };
    let format = format.unwrap_or_else(|| Format::sniff(&head));
    let chained = std::io::Cursor::new(body_prefix).chain(reader);
    let capacity = 64 * 1024;
    let line_based = matches!(format, Format::JsonLines | Format::Json | Format::Csv | Format::Tsv);
    // Line-based formats decode each unit on its own unless the encoding is not
    // ASCII-compatible (UTF-16); whole documents in another charset are transcoded.
    let (transcode, units) = match transcode {
        Some(encoding) if line_based && encoding.is_ascii_compatible() => {
            (None, decode::Units { fallback: Some(encoding) })
        }
        other => (other, decode::Units::default()),
    };
    let mut stream: Box<dyn BufRead + '_> = match transcode {
        None => Box::new(BufReader::with_capacity(capacity, chained)),
        Some(encoding) => Box::new(BufReader::with_capacity(
            capacity,
            decode::DecodingReader::new(chained, encoding),
        )),
    };
    match format {
        Format::JsonLines => jsonl::read(&mut stream, true, units, origin, visit),
        Format::Json => jsonl::read(&mut stream, false, units, origin, visit),
        Format::Csv => table::read(&mut stream, false, &head, units, origin, visit),
        Format::Tsv => table::read(&mut stream, true, &head, units, origin, visit),
        Format::Text | Format::Markdown | Format::Html | Format::Feed => {
            let text = match read_document(&mut stream, units, origin) {
                Ok(text) => text,
                Err(error) => {
                    visit(Err(error));
                    return;
                }
            };
            match format {
                Format::Feed => feed::read(&text, origin, visit),
                Format::Html => visit(html_report(&text, origin)),
                _ => visit(text_report(&text, format == Format::Markdown, origin)),
            }
        }
    }
}

/// Reads a whole document (up to [`MAX_DOCUMENT_BYTES`]) as text.
fn read_document(
    stream: &mut dyn BufRead,
    units: decode::Units,
    origin: &Origin,
) -> Result<String> {
    let mut bytes = Vec::new();
    stream
        .take(MAX_DOCUMENT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|error| origin.io(error))?;
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(origin.too_large_file());
    }
    Ok(match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => units.decode(error.as_bytes()).into_owned(),
    })
}

fn text_report(text: &str, markdown: bool, origin: &Origin) -> Result<Report> {
    let document = text::read_text(text, markdown);
    if document.body.is_empty() {
        return Err(origin.file("no report text after the header lines".to_string()));
    }
    record::check_size(&document.body).map_err(|message| origin.record(1, message))?;
    Ok(Report {
        id: origin.fallback_id("", &document.body),
        text: document.body,
        title: document.title,
        published: document.published,
        source: document.source,
        url: document.url,
        language: document.language,
    })
}

fn html_report(text: &str, origin: &Origin) -> Result<Report> {
    let page = html::read_page(text);
    let body = page.text.trim();
    if body.is_empty() {
        return Err(origin.file("no readable text in this HTML page".to_string()));
    }
    record::check_size(body).map_err(|message| origin.record(1, message))?;
    Ok(Report {
        id: origin.fallback_id("", body),
        text: body.to_string(),
        title: page.title,
        published: page.published,
        source: page.source,
        url: page.url,
        language: page.language,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert_eq!(file_id(Path::new("dir/report.txt")), "report");
        assert_eq!(file_id(Path::new("README")), "README");
        assert_eq!(file_id(Path::new("-")), "stdin");
        assert_eq!(relative_id(Path::new("2024/07/a.html"), false), "2024/07/a");
        assert_eq!(relative_id(Path::new("2024/07/a.html"), true), "2024/07/a.html");
    }

    #[test]
    fn hashes_are_stable() {
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        let stdin =
            Origin { path: PathBuf::from("<stdin>"), id_base: "stdin".into(), hash_ids: true };
        assert_eq!(stdin.fallback_id(":3", "a"), "stdin-af63dc4c8601ec8c");
        let file = Origin { hash_ids: false, ..stdin };
        assert_eq!(file.fallback_id(":3", "a"), "stdin:3");
    }

    #[test]
    fn languages() {
        assert_eq!(language_from_code("fr-FR"), Some(Language::Fr));
        assert_eq!(language_from_code("en_GB"), Some(Language::En));
        assert_eq!(language_from_code(" EN "), Some(Language::En));
        assert_eq!(language_from_code("de"), None);
        assert_eq!(language_from_code(""), None);
    }
}
