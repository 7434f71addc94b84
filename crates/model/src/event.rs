//! A stored event: one incident, coded once, with every report it rests on.

use serde::{Deserialize, Serialize};

use crate::Extraction;

/// One incident as tocsin stores it: the merged coding and the extractions it came from.
///
/// With one source, `coding` is that source's extraction. With several, merging
/// chooses each field by ACLED's rules and `sources` keeps every report's own
/// reading with its evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable ID in ACLED's style: country code and number (`TGO12`).
    pub id: String,
    /// The event's fields as coded from all its sources.
    pub coding: Extraction,
    /// Each source report's extraction, in the order the reports were first stored.
    pub sources: Vec<Extraction>,
}

impl Event {
    /// The ids of every report this event rests on, without repeats, in source order.
    pub fn doc_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = Vec::with_capacity(self.sources.len());
        for source in &self.sources {
            if !ids.contains(&source.report_id.as_str()) {
                ids.push(&source.report_id);
            }
        }
        ids
    }
}
