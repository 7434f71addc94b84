//! Stored events to export rows, with their source reports for quotes and outlets.

use anyhow::Result;
use tocsin_export::EventRow;
use tocsin_model::{Event, Report};
use tocsin_store::Store;

/// The export row of a stored event: quotes and outlets from its source reports, and
/// the time of its last change as `timestamp`.
pub fn event_row(store: &Store, event: &Event) -> Result<EventRow> {
    let Some(detail) = store.event(&event.id)? else {
        return Ok(EventRow::from_event(event, &[]));
    };
    let references: Vec<&Report> = detail.reports.iter().collect();
    let mut row = EventRow::from_event(event, &references);
    row.timestamp = detail.history.last().map(|entry| entry.timestamp.timestamp());
    Ok(row)
}
