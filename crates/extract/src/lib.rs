//! Extraction: one report in, its ACLED-style events out.
//!
//! This crate owns language detection, sentence and event segmentation, dates,
//! event and sub-event types, fatalities, and the assembly of every field with its
//! evidence; it asks `tocsin-places` for locations and `tocsin-actors` for actors.
//! Extraction is a pure function of the report and the shipped data: it never reads
//! the clock and never fails; what it cannot resolve goes into diagnostics.
#![warn(missing_docs)]

pub mod classify;
#[rustfmt::skip]
mod cues;
pub mod dates;
pub mod fatalities;
pub mod fields;
pub mod language;
pub mod numbers;
pub mod sentences;
pub mod text;

use tocsin_actors::ActorBook;
use tocsin_model::{Diagnostic, Extraction, Report};
use tocsin_places::Gazetteer;

/// What extraction found in one report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Output {
    /// The events, most confident first.
    pub events: Vec<Extraction>,
    /// What could not be resolved.
    pub diagnostics: Vec<Diagnostic>,
}

/// The extractor, holding the shipped data it needs.
#[derive(Debug)]
pub struct Extractor {
    gazetteer: Gazetteer,
    actors: ActorBook,
}

impl Extractor {
    /// An extractor over the given gazetteer and actor knowledge base.
    pub fn new(gazetteer: Gazetteer, actors: ActorBook) -> Extractor {
        Extractor { gazetteer, actors }
    }

    /// Every event the report describes; none for analysis, aggregates and forecasts.
    pub fn extract(&self, report: &Report) -> Output {
        let _ = (report, &self.gazetteer, &self.actors);
        Output::default()
    }
}
