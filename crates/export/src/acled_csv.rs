//! ACLED CSV: ACLED's export columns in ACLED's order.

use std::io::Write;

use crate::{EventRow, Result};

/// ACLED's export columns, in the order ACLED writes them.
pub const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// Writes a header and one CSV record per event; lists are joined with `"; "`.
#[derive(Debug)]
pub struct AcledCsvWriter<W: Write> {
    csv: csv::Writer<W>,
    wrote_header: bool,
}

impl<W: Write> AcledCsvWriter<W> {
    /// A writer to `out`; the header is written with the first row or at `finish`.
    pub fn new(out: W) -> AcledCsvWriter<W> {
        AcledCsvWriter { csv: csv::Writer::from_writer(out), wrote_header: false }
    }

    /// Writes one event as one record.
    pub fn write(&mut self, row: &EventRow) -> Result<()> {
        self.header()?;
        self.csv.write_record(acled_record(row))?;
        Ok(())
    }

    /// Flushes and returns the output.
    pub fn finish(mut self) -> Result<W> {
        self.header()?;
        self.csv.flush()?;
        self.csv.into_inner().map_err(|error| crate::Error::Io(error.into_error()))
    }

    fn header(&mut self) -> Result<()> {
        if !self.wrote_header {
            self.csv.write_record(ACLED_COLUMNS)?;
            self.wrote_header = true;
        }
        Ok(())
    }
}

/// The row's cells in [`ACLED_COLUMNS`] order.
pub(crate) fn acled_record(row: &EventRow) -> [String; 31] {
    fn text(value: &Option<String>) -> String {
        value.clone().unwrap_or_default()
    }
    fn number<T: ToString>(value: Option<T>) -> String {
        value.map(|value| value.to_string()).unwrap_or_default()
    }
    [
        text(&row.event_id_cnty),
        text(&row.event_date),
        number(row.year),
        number(row.time_precision),
        row.disorder_type.clone(),
        row.event_type.clone(),
        row.sub_event_type.clone(),
        row.actor1.clone(),
        row.assoc_actor_1_joined(),
        row.inter1.to_string(),
        text(&row.actor2),
        row.assoc_actor_2_joined(),
        row.inter2.to_string(),
        row.interaction.to_string(),
        row.civilian_targeting.clone(),
        number(row.iso),
        text(&row.region),
        text(&row.country),
        text(&row.admin1),
        text(&row.admin2),
        text(&row.admin3),
        text(&row.location),
        number(row.latitude),
        number(row.longitude),
        number(row.geo_precision),
        row.source_joined(),
        text(&row.source_scale),
        row.notes.clone(),
        row.fatalities.to_string(),
        text(&row.tags),
        number(row.timestamp),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::tests::{extraction, report};
    use tocsin_model::{Actor, Field, Inter};

    fn cells(row: &EventRow) -> Vec<String> {
        let mut writer = AcledCsvWriter::new(Vec::new());
        writer.write(row).expect("in memory");
        let out = writer.finish().expect("in memory");
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> =
            reader.headers().expect("header").iter().map(str::to_owned).collect();
        assert_eq!(header, ACLED_COLUMNS);
        let record = reader.records().next().expect("one record").expect("valid record");
        record.iter().map(str::to_owned).collect()
    }

    fn cell<'a>(cells: &'a [String], column: &str) -> &'a str {
        let index = ACLED_COLUMNS.iter().position(|c| *c == column).expect("known column");
        cells.get(index).map(String::as_str).unwrap_or_default()
    }

    #[test]
    fn columns_hold_acled_values() {
        let report = report();
        let mut extraction = extraction();
        extraction.assoc_actor_1 = vec![
            Field::inferred(Actor::new("Ansaroul Islam", Inter::Rebel), 0.5),
            Field::inferred(Actor::new("Katiba Macina", Inter::Rebel), 0.5),
        ];
        extraction.civilian_targeting = Field::inferred(true, 0.6);
        let mut row = EventRow::from_extraction(&extraction, Some(&report));
        row.event_id_cnty = Some("TGO7".to_owned());
        row.timestamp = Some(1_720_000_000);
        let cells = cells(&row);
        assert_eq!(cell(&cells, "event_id_cnty"), "TGO7");
        assert_eq!(cell(&cells, "year"), "2024");
        assert_eq!(cell(&cells, "assoc_actor_1"), "Ansaroul Islam; Katiba Macina");
        assert_eq!(cell(&cells, "assoc_actor_2"), "");
        assert_eq!(cell(&cells, "civilian_targeting"), "Civilian targeting");
        assert_eq!(cell(&cells, "iso"), "768");
        assert_eq!(cell(&cells, "region"), "Western Africa");
        assert_eq!(cell(&cells, "latitude"), "10.9932");
        assert_eq!(cell(&cells, "source"), "Le Veilleur");
        assert_eq!(cell(&cells, "fatalities"), "12");
        assert_eq!(cell(&cells, "timestamp"), "1720000000");
        assert_eq!(cell(&cells, "admin3"), "");
    }

    #[test]
    fn notes_with_commas_quotes_and_newlines_stay_one_cell() {
        let report = report();
        let mut row = EventRow::from_extraction(&extraction(), Some(&report));
        row.notes = "He said, \"no\"\nand left".to_owned();
        let cells = cells(&row);
        assert_eq!(cells.len(), ACLED_COLUMNS.len());
        assert_eq!(cell(&cells, "notes"), "He said, \"no\"\nand left");
    }

    #[test]
    fn unknown_date_place_and_actor2_leave_blank_cells_but_inter2_is_zero() {
        let mut extraction = extraction();
        extraction.date = None;
        extraction.place = None;
        extraction.actor2 = None;
        let row = EventRow::from_extraction(&extraction, None);
        let cells = cells(&row);
        for column in [
            "event_id_cnty",
            "event_date",
            "year",
            "time_precision",
            "actor2",
            "iso",
            "region",
            "country",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "source",
            "timestamp",
        ] {
            assert_eq!(cell(&cells, column), "", "{column}");
        }
        assert_eq!(cell(&cells, "inter2"), "0", "ACLED's exports write 0 for no actor 2");
        assert_eq!(cell(&cells, "interaction"), "20");
        assert!(cell(&cells, "notes").starts_with("JNIM"), "a generated summary");
    }
}
