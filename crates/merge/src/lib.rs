//! Merging: reports of the same incident become one event, the way ACLED codes it.
//!
//! This crate owns two decisions and nothing else:
//! * [`same_incident`]: whether two extractions describe one incident (one actor pair,
//!   one place, one day, allowing for each side's time and geo precision);
//! * [`combine`]: the coding of an incident from all its sources (the most precise date
//!   and place, the highest-ranked sub-event type, the lowest credible fatality figure,
//!   associated actors united).
//!
//! [`cluster`] groups a batch of extractions into incidents. All three are pure and do
//! not depend on the order of their inputs. Finding candidates among stored events is
//! the store's job; this crate only judges and combines.
//!
//! ```
//! use tocsin_merge::{cluster, MatchConfig};
//! let incidents = cluster(&[], &MatchConfig::default());
//! assert!(incidents.is_empty());
//! ```
#![warn(missing_docs)]

mod cluster;
mod combine;
mod matching;

pub use cluster::cluster;
pub use combine::{combine, fatality_range};
pub use matching::{same_incident, MatchConfig, Verdict};
