//! GeoJSON: a FeatureCollection of points with ACLED's columns as properties.

use std::io::Write;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{json, Value};

use crate::acled_csv::{acled_record, ACLED_COLUMNS};
use crate::{EventRow, Result};

/// Columns written as JSON numbers rather than strings.
const NUMERIC_COLUMNS: [&str; 11] = [
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "timestamp",
];

/// Streams a FeatureCollection: one Point feature per event (a null geometry when the
/// event has no coordinates), each with ACLED's columns, `coordinates_of` (the known place
/// standing in for a location the gazetteer lacks, or null), `doc_ids` (joined with `"; "`,
/// as GIS formats want plain strings) and `confidence`.
#[derive(Debug)]
pub struct GeoJsonWriter<W: Write> {
    out: W,
    n_features: usize,
}

impl<W: Write> GeoJsonWriter<W> {
    /// A writer to `out`; the collection opens with the first row or at `finish`.
    pub fn new(out: W) -> GeoJsonWriter<W> {
        GeoJsonWriter { out, n_features: 0 }
    }

    /// Writes one event as one feature.
    pub fn write(&mut self, row: &EventRow) -> Result<()> {
        if self.n_features == 0 {
            self.out.write_all(OPENING)?;
            self.out.write_all(b"\n")?;
        } else {
            self.out.write_all(b",\n")?;
        }
        serde_json::to_writer(&mut self.out, &feature(row))?;
        self.n_features += 1;
        Ok(())
    }

    /// Closes the collection, flushes and returns the output.
    pub fn finish(mut self) -> Result<W> {
        if self.n_features == 0 {
            self.out.write_all(OPENING)?;
        }
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

const OPENING: &[u8] = b"{\"type\":\"FeatureCollection\",\"features\":[";

/// Properties in ACLED's column order (a JSON object keeps the order it is written in,
/// and GIS tools show attributes in that order).
struct Properties(Vec<(&'static str, Value)>);

impl Serialize for Properties {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, value) in &self.0 {
            map.serialize_entry(key, value)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Feature {
    #[serde(rename = "type")]
    kind: &'static str,
    geometry: Value,
    properties: Properties,
}

fn feature(row: &EventRow) -> Feature {
    let mut properties = Vec::with_capacity(ACLED_COLUMNS.len() + 3);
    for (column, cell) in ACLED_COLUMNS.iter().zip(acled_record(row)) {
        let value = if cell.is_empty() {
            Value::Null
        } else if NUMERIC_COLUMNS.contains(column) {
            cell.parse::<f64>().ok().and_then(number).unwrap_or(Value::String(cell))
        } else {
            Value::String(cell)
        };
        properties.push((*column, value));
    }
    let stand_in = row.coordinates_of.clone().map_or(Value::Null, Value::String);
    properties.push(("coordinates_of", stand_in));
    properties.push(("doc_ids", Value::String(row.doc_ids.join("; "))));
    properties.push(("confidence", json!(row.confidence)));
    let geometry = match (row.longitude, row.latitude) {
        (Some(longitude), Some(latitude)) => {
            json!({"type": "Point", "coordinates": [longitude, latitude]})
        }
        _ => Value::Null,
    };
    Feature { kind: "Feature", geometry, properties: Properties(properties) }
}

/// A JSON number, integral when the value is.
fn number(value: f64) -> Option<Value> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        Some(json!(value as i64))
    } else {
        serde_json::Number::from_f64(value).map(Value::Number)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::tests::{extraction, report};

    fn collection(rows: &[EventRow]) -> Value {
        let mut writer = GeoJsonWriter::new(Vec::new());
        for row in rows {
            writer.write(row).expect("in memory");
        }
        let out = writer.finish().expect("in memory");
        serde_json::from_slice(&out).expect("valid JSON")
    }

    #[test]
    fn points_carry_acled_properties() {
        let report = report();
        let row = EventRow::from_extraction(&extraction(), Some(&report));
        let value = collection(&[row.clone(), row]);
        assert_eq!(value["type"], "FeatureCollection");
        let features = value["features"].as_array().expect("features");
        assert_eq!(features.len(), 2);
        let feature = &features[0];
        assert_eq!(feature["geometry"]["type"], "Point");
        assert_eq!(feature["geometry"]["coordinates"], json!([0.6315, 10.9932]));
        assert_eq!(feature["properties"]["event_type"], "Battles");
        assert_eq!(feature["properties"]["fatalities"], 12);
        assert_eq!(feature["properties"]["iso"], 768);
        assert_eq!(feature["properties"]["admin3"], Value::Null);
        assert_eq!(feature["properties"]["doc_ids"], "tg-1");
    }

    #[test]
    fn properties_keep_acled_column_order() {
        let report = report();
        let row = EventRow::from_extraction(&extraction(), Some(&report));
        let mut writer = GeoJsonWriter::new(Vec::new());
        writer.write(&row).expect("in memory");
        let text = String::from_utf8(writer.finish().expect("in memory")).expect("utf-8");
        let positions: Vec<usize> = ACLED_COLUMNS
            .iter()
            .map(|column| text.find(&format!("\"{column}\":")).expect("every column"))
            .collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{text}");
    }

    #[test]
    fn a_stand_in_point_says_whose_it_is() {
        let report = report();
        let mut stand_in = extraction();
        if let Some(place) = stand_in.place.as_mut() {
            place.value.coordinates_of = Some("Mandouri".to_owned());
        }
        let rows = [
            EventRow::from_extraction(&extraction(), Some(&report)),
            EventRow::from_extraction(&stand_in, Some(&report)),
        ];
        let value = collection(&rows);
        assert_eq!(value["features"][0]["properties"]["coordinates_of"], Value::Null);
        assert_eq!(value["features"][1]["properties"]["coordinates_of"], "Mandouri");
        assert_eq!(value["features"][1]["properties"]["location"], "Kpinkankandi");
        // JSON Lines rows carry it only when there is one.
        let lines: Vec<String> =
            rows.iter().map(|row| serde_json::to_string(row).unwrap()).collect();
        assert!(!lines[0].contains("coordinates_of"));
        assert!(lines[1].contains("\"coordinates_of\":\"Mandouri\""));
    }

    #[test]
    fn events_without_coordinates_have_null_geometry() {
        let mut extraction = extraction();
        extraction.place = None;
        let row = EventRow::from_extraction(&extraction, None);
        let value = collection(&[row]);
        assert_eq!(value["features"][0]["geometry"], Value::Null);
    }
}
