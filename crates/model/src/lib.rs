//! The event model shared by every stage of tocsin.
//!
//! This crate owns the types that flow through the pipeline, and nothing else:
//! it does no IO and depends on no other tocsin crate.
//!
//! * [`Report`]: one news report as the readers hand it over.
//! * [`SubEventType`], [`EventType`], [`DisorderType`]: ACLED's taxonomy, in precedence order.
//! * [`Inter`] and [`interaction`]: actor types and the interaction code rule.
//! * [`Actor`], [`Place`], [`EventDate`]: the values of an event's fields.
//! * [`Field`] and [`Span`]: a value with the words that support it and a confidence.
//! * [`Extraction`]: one event as read from one report; [`Event`]: one incident with all its sources.
//!
//! ```
//! use tocsin_model::{SubEventType, EventType, Inter, interaction};
//! let sub: SubEventType = "Armed clash".parse().unwrap();
//! assert_eq!(sub.event_type(), EventType::Battles);
//! assert_eq!(interaction(Inter::Rebel, Some(Inter::StateForces)), 12);
//! ```
#![warn(missing_docs)]

mod actor;
mod calendar;
mod country;
mod date;
mod event;
mod evidence;
mod extraction;
mod inter;
mod place;
mod report;
mod taxonomy;

pub use actor::Actor;
pub use calendar::{is_calendar_name, month_from_name, weekday_from_name};
pub use country::Country;
pub use date::{EventDate, TimePrecision};
pub use event::Event;
pub use evidence::{Field, Span};
pub use extraction::{Diagnostic, Extraction};
pub use inter::{interaction, Inter};
pub use place::{GeoPrecision, Place};
pub use report::{Language, Report};
pub use taxonomy::{DisorderType, EventType, SubEventType};

/// An error turning text into a model value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// The text names no known value of the given kind.
    #[error("unknown {kind}: {value:?}")]
    Unknown {
        /// What was being parsed ("sub-event type", "inter code", ...).
        kind: &'static str,
        /// The text that did not parse.
        value: String,
    },
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;
