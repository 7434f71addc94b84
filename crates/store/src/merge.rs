//! The merge seam: how ingestion asks whether an extraction joins a stored event.
//!
//! The store does not judge incidents; it finds candidates and applies decisions.
//! [`Store::ingest_with`](crate::Store::ingest_with) calls a [`Merge`] for every
//! extraction of every new report, inside the batch's transaction: the policy says
//! which stored events to look at ([`Merge::candidates`], an [`EventFilter`] such as a
//! date window and a bounding box), the store fetches them (events created earlier in
//! the same batch included, those an analyst kept apart from the extraction's report
//! excluded), and the policy decides ([`Merge::place`]). [`NoMerge`],
//! what [`Store::ingest`](crate::Store::ingest) uses, makes every extraction a new event.

use tocsin_model::{Event, Extraction};

use crate::EventFilter;

/// Where one extraction goes.
#[derive(Debug, Clone, PartialEq)]
pub enum Placement {
    /// A new event with this extraction as its only source.
    New,
    /// A new source of the stored event `event_id`, whose coding becomes `coding`
    /// (typically the combination of its sources, the new one included).
    Join {
        /// The stored event.
        event_id: String,
        /// The event's coding with the new source (boxed: it is large).
        coding: Box<Extraction>,
    },
    /// A new source of the stored event `event_id` that also shows the events `absorbed`
    /// to be the same incident (it matches each of them): they are merged into
    /// `event_id` first (as an analyst's merge would, unless an analyst split them
    /// apart), then the extraction joins, and the event's coding becomes `coding`.
    /// This keeps grouping transitive whatever order reports arrive in.
    Bridge {
        /// The stored event that stays.
        event_id: String,
        /// The stored events merged into it.
        absorbed: Vec<String>,
        /// The event's coding with every source (boxed: it is large).
        coding: Box<Extraction>,
    },
}

/// A merge policy.
pub trait Merge {
    /// The stored events that might be the same incident as `extraction`, as a filter
    /// (its `limit` bounds the search); `None` when no stored event can be.
    fn candidates(&self, extraction: &Extraction) -> Option<EventFilter>;

    /// Where `extraction` goes, given the live events `candidates` found.
    fn place(&mut self, extraction: &Extraction, candidates: &[Event]) -> Placement;

    /// The coding of an event from all its `sources`, when an analyst's merge or split
    /// changes them; `None` keeps the stored coding (or, when the leading report left,
    /// the first remaining source's).
    fn recode(&self, _sources: &[Extraction]) -> Option<Extraction> {
        None
    }
}

/// The policy that never merges: every extraction is a new event.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoMerge;

impl Merge for NoMerge {
    fn candidates(&self, _extraction: &Extraction) -> Option<EventFilter> {
        None
    }

    fn place(&mut self, _extraction: &Extraction, _candidates: &[Event]) -> Placement {
        Placement::New
    }
}
