//! JSON Lines: one [`EventRow`] per line, evidence included.

use std::io::Write;

use crate::{EventRow, Result};

/// Writes one JSON object per event and a newline after each.
#[derive(Debug)]
pub struct JsonlWriter<W: Write> {
    out: W,
}

impl<W: Write> JsonlWriter<W> {
    /// A writer to `out`.
    pub fn new(out: W) -> JsonlWriter<W> {
        JsonlWriter { out }
    }

    /// Writes one event as one line.
    pub fn write(&mut self, row: &EventRow) -> Result<()> {
        serde_json::to_writer(&mut self.out, row)?;
        self.out.write_all(b"\n")?;
        Ok(())
    }

    /// Flushes and returns the output.
    pub fn finish(mut self) -> Result<W> {
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::row::tests::{extraction, report};

    #[test]
    fn one_line_per_event_with_the_scorer_field_names() {
        let report = report();
        let row = EventRow::from_extraction(&extraction(), Some(&report));
        let mut writer = JsonlWriter::new(Vec::new());
        writer.write(&row).expect("in memory");
        writer.write(&row).expect("in memory");
        let out = String::from_utf8(writer.finish().expect("in memory")).expect("utf-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2);
        let value: serde_json::Value = serde_json::from_str(lines[0]).expect("valid JSON");
        for key in [
            "event_date",
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
            "country",
            "admin1",
            "admin2",
            "admin3",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities",
            "doc_ids",
            "confidence",
            "evidence",
        ] {
            assert!(value.get(key).is_some(), "missing {key}");
        }
        assert!(value.get("event_id_cnty").is_none(), "stateless rows carry no id");
        assert!(value["assoc_actor_1"].is_array());
        assert_eq!(value["evidence"][0]["doc_id"], "tg-1");
        let back: EventRow = serde_json::from_str(lines[1]).expect("round trip");
        assert_eq!(back, row);
    }
}
