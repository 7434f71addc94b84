//! ACLED exports (CSV): coded events with their notes, for learning from history.
//!
//! Columns are found by name, so the current export, the legacy schema (no
//! `sub_event_type`) and trimmed exports all read; a file without `notes` or
//! `event_type` is not an ACLED export and says so. Notes lose the label ACLED
//! puts before some of them ("Looting: ..."), which no news report carries.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::{Error, Result};

/// One coded event of an ACLED export; blank cells are empty strings or `None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AcledRow {
    /// `event_id_cnty`.
    pub event_id: String,
    /// `event_date`, in ISO form or ACLED's "12 July 2024".
    pub event_date: Option<NaiveDate>,
    /// `event_type`.
    pub event_type: String,
    /// `sub_event_type` (blank in the legacy schema).
    pub sub_event_type: String,
    /// `actor1`.
    pub actor1: String,
    /// `assoc_actor_1`, split on `;`.
    pub assoc_actor_1: Vec<String>,
    /// `inter1`.
    pub inter1: Option<u8>,
    /// `actor2`.
    pub actor2: String,
    /// `assoc_actor_2`, split on `;`.
    pub assoc_actor_2: Vec<String>,
    /// `inter2`.
    pub inter2: Option<u8>,
    /// `country`.
    pub country: String,
    /// `admin1`.
    pub admin1: String,
    /// `admin2`.
    pub admin2: String,
    /// `admin3`.
    pub admin3: String,
    /// `location`.
    pub location: String,
    /// `latitude`.
    pub latitude: Option<f64>,
    /// `longitude`.
    pub longitude: Option<f64>,
    /// `geo_precision`.
    pub geo_precision: Option<u8>,
    /// `fatalities`.
    pub fatalities: Option<u32>,
    /// `notes`, without ACLED's own label in front.
    pub notes: String,
}

/// Reads the ACLED export at `path`, handing each row (or each malformed row's error)
/// to `visit`; an error is returned only when the file as a whole cannot be read.
pub fn read_acled(path: &Path, visit: &mut dyn FnMut(Result<AcledRow>)) -> Result<()> {
    let file = File::open(path).map_err(|source| Error::Io { path: path.into(), source })?;
    read_acled_from(BufReader::new(file), path, visit)
}

/// Reads an ACLED export from `input`, named `path` in errors (see [`read_acled`]).
pub fn read_acled_from(
    input: impl Read,
    path: &Path,
    visit: &mut dyn FnMut(Result<AcledRow>),
) -> Result<()> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(input);
    let headers = reader
        .headers()
        .map_err(|e| Error::File { path: path.into(), message: e.to_string() })?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_ascii_lowercase())
        .collect::<Vec<_>>();
    let column = |name: &str| headers.iter().position(|h| h == name);
    if column("notes").is_none() || column("event_type").is_none() {
        return Err(Error::File {
            path: path.into(),
            message: "not an ACLED export: it needs `notes` and `event_type` columns".into(),
        });
    }
    let columns = Columns::new(&column);
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        visit(match record {
            Ok(record) => Ok(columns.row(&record)),
            Err(e) => Err(Error::Record { path: path.into(), line, message: e.to_string() }),
        });
    }
    Ok(())
}

/// Where each field is in the file.
struct Columns {
    at: [Option<usize>; 20],
}

const NAMES: [&str; 20] = [
    "event_id_cnty",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "notes",
];

impl Columns {
    fn new(column: &dyn Fn(&str) -> Option<usize>) -> Columns {
        Columns { at: NAMES.map(column) }
    }

    fn row(&self, record: &csv::StringRecord) -> AcledRow {
        let cell = |i: usize| -> &str {
            self.at.get(i).copied().flatten().and_then(|c| record.get(c)).unwrap_or("").trim()
        };
        let list = |i: usize| -> Vec<String> {
            cell(i).split(';').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()
        };
        AcledRow {
            event_id: cell(0).to_string(),
            event_date: parse_event_date(cell(1)),
            event_type: cell(2).to_string(),
            sub_event_type: cell(3).to_string(),
            actor1: cell(4).to_string(),
            assoc_actor_1: list(5),
            inter1: cell(6).parse().ok(),
            actor2: cell(7).to_string(),
            assoc_actor_2: list(8),
            inter2: cell(9).parse().ok(),
            country: cell(10).to_string(),
            admin1: cell(11).to_string(),
            admin2: cell(12).to_string(),
            admin3: cell(13).to_string(),
            location: cell(14).to_string(),
            latitude: cell(15).parse().ok().filter(|v: &f64| v.is_finite()),
            longitude: cell(16).parse().ok().filter(|v: &f64| v.is_finite()),
            geo_precision: cell(17).parse().ok(),
            fatalities: cell(18).parse().ok(),
            notes: strip_label(cell(19)).to_string(),
        }
    }
}

fn parse_event_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(text, "%d %B %Y"))
        .or_else(|_| NaiveDate::parse_from_str(text, "%d-%B-%Y"))
        .ok()
}

/// The labels ACLED writes before some notes.
const LABELS: &[&str] = &[
    "Looting",
    "Property destruction",
    "Non-violent activity",
    "Defusal",
    "Displacement",
    "Movement of forces",
    "Arrests",
    "Agreement",
    "Other",
    "Security measures",
    "Detonation",
    "Strikes",
    "Formation of armed group",
    "Fatalities",
    "Recruitment",
    "Weapons seizure",
    "Change to armed group",
    "Defection",
    "Land seizure",
    "Coup/military takeover",
    "Interception",
    "Explosive remnants of war",
    "Headquarters or base established",
];

/// `notes` without the label ACLED puts in front of some ("Looting: On 3 May ...").
pub fn strip_label(notes: &str) -> &str {
    for label in LABELS {
        let Some(head) = notes.get(..label.len()) else { continue };
        if head.eq_ignore_ascii_case(label) {
            if let Some(rest) = notes[label.len()..].strip_prefix(':') {
                if rest.starts_with(char::is_whitespace) {
                    return rest.trim_start();
                }
            }
        }
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(csv: &str) -> Vec<Result<AcledRow>> {
        let mut out = Vec::new();
        read_acled_from(csv.as_bytes(), Path::new("t.csv"), &mut |row| out.push(row))
            .expect("readable");
        out
    }

    #[test]
    fn reads_columns_by_name_and_strips_labels() {
        let csv = "\u{feff}notes,event_type,sub_event_type,actor1,assoc_actor_1,inter1,event_date,latitude,fatalities\n\
            \"Looting: On 2 May, men took grain from a store.\",Strategic developments,Looting/property destruction,Rioters (Mali),A; B,5,2024-05-02,14.5,0\n\
            Nothing labelled here.,Protests,,Protesters (Togo),,6,12 July 2024,x,\n";
        let rows: Vec<AcledRow> = rows(csv).into_iter().map(|r| r.expect("row")).collect();
        assert_eq!(rows[0].notes, "On 2 May, men took grain from a store.");
        assert_eq!(rows[0].assoc_actor_1, vec!["A".to_string(), "B".to_string()]);
        assert_eq!(rows[0].inter1, Some(5));
        assert_eq!(rows[0].latitude, Some(14.5));
        assert_eq!(rows[0].fatalities, Some(0));
        assert_eq!(rows[0].event_date, NaiveDate::from_ymd_opt(2024, 5, 2));
        assert_eq!(rows[1].notes, "Nothing labelled here.");
        assert_eq!(rows[1].sub_event_type, "");
        assert_eq!(rows[1].latitude, None);
        assert_eq!(rows[1].event_date, NaiveDate::from_ymd_opt(2024, 7, 12));
        assert_eq!(rows[1].country, "");
    }

    #[test]
    fn a_file_without_notes_is_not_an_export() {
        let mut seen = 0;
        let result =
            read_acled_from("id,text\n1,hello\n".as_bytes(), Path::new("t.csv"), &mut |_| {
                seen += 1
            });
        assert!(matches!(result, Err(Error::File { .. })));
        assert_eq!(seen, 0);
    }

    #[test]
    fn labels_need_their_colon_and_a_space() {
        for (notes, want) in [
            ("Other: the rest", "the rest"),
            ("Otherwise fine", "Otherwise fine"),
            ("Arrests:none", "Arrests:none"),
            ("Détonation: x", "Détonation: x"),
            ("", ""),
        ] {
            assert_eq!(strip_label(notes), want, "{notes}");
        }
    }
}
