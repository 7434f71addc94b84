//! Places: the gazetteer and event geocoding.
//!
//! This crate owns the shipped gazetteer (GeoNames, CC BY), admin codes and
//! boundaries; it recognises place mentions in English and French text, resolves
//! them to [`Place`]s with ACLED's `geo_precision`, and ranks them by how likely
//! each is the event's own location. It knows nothing of actors or event types.
#![warn(missing_docs)]

use tocsin_model::{Field, Language, Place, Span};

/// An error loading gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The gazetteer data is unreadable.
    #[error("gazetteer: {0}")]
    Data(String),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The place index every lookup goes through.
#[derive(Debug, Default)]
pub struct Gazetteer {}

impl Gazetteer {
    /// The gazetteer that ships inside tocsin.
    pub fn load_default() -> Result<Gazetteer> {
        Ok(Gazetteer {})
    }

    /// Candidate event locations for the event described at `focus` in `text`, best first.
    ///
    /// `text` is the whole report, so country context from elsewhere in it can help;
    /// every returned span lies in `text`.
    pub fn locate(&self, text: &str, focus: Span, language: Language) -> Vec<Field<Place>> {
        let _ = (text, focus, language);
        Vec::new()
    }
}
