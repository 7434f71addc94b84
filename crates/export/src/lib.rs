//! Exports: events as JSON Lines, ACLED CSV and GeoJSON.
//!
//! This crate owns the output formats and their wire types, converted by hand
//! from the model; it knows nothing of SQL, HTTP or the terminal.
//!
//! * [`EventRow`] and [`EvidenceRow`]: one event in ACLED's columns with the words
//!   supporting each field, built from an [`Extraction`](tocsin_model::Extraction)
//!   or a stored [`Event`](tocsin_model::Event).
//! * [`Writer`]: a streaming writer over any [`std::io::Write`] in one of the
//!   [`Format`]s: [`JsonlWriter`], [`AcledCsvWriter`], [`GeoJsonWriter`].
//! * [`ACLED_COLUMNS`]: ACLED's export columns, in order.
//!
//! ```
//! use tocsin_export::{Format, Writer};
//! let mut out = Vec::new();
//! let writer = Writer::new(Format::AcledCsv, &mut out);
//! writer.finish().unwrap();
//! assert!(String::from_utf8(out).unwrap().starts_with("event_id_cnty,event_date,year,"));
//! ```
#![warn(missing_docs)]

mod acled_csv;
mod geojson;
mod jsonl;
mod row;

use std::io::Write;
use std::str::FromStr;

pub use acled_csv::{AcledCsvWriter, ACLED_COLUMNS};
pub use geojson::GeoJsonWriter;
pub use jsonl::JsonlWriter;
pub use row::{EventRow, EvidenceRow, CIVILIAN_TARGETING};

/// An error writing an export.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The output could not be written (a closed pipe, a full disk).
    #[error("writing output: {0}")]
    Io(#[from] std::io::Error),
    /// A row could not be encoded as JSON.
    #[error("encoding JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// A row could not be encoded as CSV.
    #[error("encoding CSV: {0}")]
    Csv(#[source] csv::Error),
    /// The name of an export format is not known.
    #[error("unknown format {0:?}: expected jsonl, acled-csv (or csv) or geojson")]
    UnknownFormat(String),
}

impl From<serde_json::Error> for Error {
    fn from(error: serde_json::Error) -> Error {
        match error.io_error_kind() {
            Some(_) => Error::Io(std::io::Error::from(error)),
            None => Error::Json(error),
        }
    }
}

impl From<csv::Error> for Error {
    fn from(error: csv::Error) -> Error {
        if error.is_io_error() {
            if let csv::ErrorKind::Io(io) = error.into_kind() {
                return Error::Io(io);
            }
            return Error::Io(std::io::Error::other("csv output failed"));
        }
        Error::Csv(error)
    }
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// One JSON object per line, with evidence: the evaluation kit's prediction format.
    Jsonl,
    /// ACLED's CSV export columns, in ACLED's order.
    AcledCsv,
    /// A GeoJSON FeatureCollection of points with ACLED's columns as properties.
    GeoJson,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 3] = [Format::Jsonl, Format::AcledCsv, Format::GeoJson];

    /// The format's name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Jsonl => "jsonl",
            Format::AcledCsv => "acled-csv",
            Format::GeoJson => "geojson",
        }
    }
}

impl FromStr for Format {
    type Err = Error;
    fn from_str(name: &str) -> Result<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "json-lines" | "ndjson" => Ok(Format::Jsonl),
            "acled-csv" | "csv" | "acled" => Ok(Format::AcledCsv),
            "geojson" | "geo-json" => Ok(Format::GeoJson),
            _ => Err(Error::UnknownFormat(name.to_owned())),
        }
    }
}

/// A streaming writer in any [`Format`]: call [`Writer::write`] per row, then [`Writer::finish`].
#[derive(Debug)]
pub enum Writer<W: Write> {
    /// JSON Lines.
    Jsonl(JsonlWriter<W>),
    /// ACLED CSV.
    AcledCsv(Box<AcledCsvWriter<W>>),
    /// GeoJSON.
    GeoJson(GeoJsonWriter<W>),
}

impl<W: Write> Writer<W> {
    /// A writer of `format` to `out`. Nothing is written before the first row or `finish`.
    pub fn new(format: Format, out: W) -> Writer<W> {
        match format {
            Format::Jsonl => Writer::Jsonl(JsonlWriter::new(out)),
            Format::AcledCsv => Writer::AcledCsv(Box::new(AcledCsvWriter::new(out))),
            Format::GeoJson => Writer::GeoJson(GeoJsonWriter::new(out)),
        }
    }

    /// Writes one event.
    pub fn write(&mut self, row: &EventRow) -> Result<()> {
        match self {
            Writer::Jsonl(writer) => writer.write(row),
            Writer::AcledCsv(writer) => writer.write(row),
            Writer::GeoJson(writer) => writer.write(row),
        }
    }

    /// Writes what the format needs after the last row and flushes; returns the output.
    pub fn finish(self) -> Result<W> {
        match self {
            Writer::Jsonl(writer) => writer.finish(),
            Writer::AcledCsv(writer) => (*writer).finish(),
            Writer::GeoJson(writer) => writer.finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>().ok(), Some(format));
        }
        assert_eq!("CSV".parse::<Format>().ok(), Some(Format::AcledCsv));
        assert!(matches!("xml".parse::<Format>(), Err(Error::UnknownFormat(_))));
    }

    #[test]
    fn empty_exports_are_valid() {
        let check = |format: Format, expected: &str| {
            let out = Writer::new(format, Vec::new()).finish().expect("writing to memory");
            assert_eq!(String::from_utf8(out).expect("utf-8"), expected, "{format:?}");
        };
        check(Format::Jsonl, "");
        check(Format::AcledCsv, &format!("{}\n", ACLED_COLUMNS.join(",")));
        check(Format::GeoJson, "{\"type\":\"FeatureCollection\",\"features\":[\n]}\n");
    }
}
