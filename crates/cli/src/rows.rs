//! Stored events to export rows, with their source reports for quotes and outlets.

use anyhow::Result;
use tocsin_export::EventRow;
use tocsin_model::{Event, Report};
use tocsin_store::Store;

/// The source reports of `event` that the store holds, in source order.
pub fn source_reports(store: &Store, event: &Event) -> Result<Vec<Report>> {
    let mut reports = Vec::new();
    for id in event.doc_ids() {
        if let Some(report) = store.report(id)? {
            reports.push(report);
        }
    }
    Ok(reports)
}

/// The export row of a stored event, quoting its source reports.
pub fn event_row(store: &Store, event: &Event) -> Result<EventRow> {
    let reports = source_reports(store, event)?;
    let references: Vec<&Report> = reports.iter().collect();
    Ok(EventRow::from_event(event, &references))
}
