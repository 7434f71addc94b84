//! `tocsin events`: stored events as a table or JSON Lines.

use std::io::Write;

use anyhow::{Context, Result};
use tocsin_export::{EventRow, JsonlWriter};
use tocsin_store::{EventFilter, Store};

use crate::args::{EventsAction, EventsArgs, ListFormat};
use crate::filters::event_filter;
use crate::home::Home;
use crate::rows::event_row;
use crate::table::Table;

/// How many events the table shows when no `--limit` is given.
const DEFAULT_TABLE_LIMIT: usize = 50;

/// Runs the command, printing to `out`.
pub fn run(args: &EventsArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    if let Some(action) = &args.action {
        return correct(action, home, out);
    }
    let filter = event_filter(&args.filters, home.actors_dir().ok().as_deref())?;
    let store = home.open_existing()?;
    print(&store, filter, args.format, quiet, out)
}

/// Prints the events `filter` selects; a table shows the newest 50 unless a limit is set.
pub fn print(
    store: &Store,
    mut filter: EventFilter,
    format: ListFormat,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if format == ListFormat::Table && filter.limit.is_none() {
        filter.limit = Some(DEFAULT_TABLE_LIMIT);
    }
    let events = store.events(&filter)?;
    let mut rows = Vec::with_capacity(events.len());
    for event in &events {
        rows.push(event_row(store, event)?);
    }
    match format {
        ListFormat::Jsonl => {
            let mut writer = JsonlWriter::new(out);
            for row in &rows {
                writer.write(row)?;
            }
            writer.finish()?;
        }
        ListFormat::Table => {
            if rows.is_empty() {
                writeln!(out, "no events match")?;
            } else {
                write!(out, "{}", table(&rows))?;
            }
            let total = store.count(&filter)?;
            if !quiet && total > rows.len() as u64 {
                writeln!(
                    out,
                    "{} of {total} events shown: use --limit N for more, or `tocsin export`",
                    rows.len()
                )?;
            }
        }
    }
    Ok(())
}

/// An analyst's merge or split, recorded in the events' history and kept by later ingests.
fn correct(action: &EventsAction, home: &Home, out: &mut dyn Write) -> Result<()> {
    let mut store = home.open_existing()?;
    let now = chrono::Utc::now();
    match action {
        EventsAction::Merge { a, b } => {
            let event = tocsin_ingest::merge_events(&mut store, a, b, now)
                .with_context(|| format!("merging {b} into {a}"))?;
            writeln!(
                out,
                "{b} merged into {}, which now rests on {} reports",
                event.id,
                event.doc_ids().len()
            )?;
        }
        EventsAction::Split { event, report } => {
            let (kept, split) = tocsin_ingest::split_event(&mut store, event, report, now)
                .with_context(|| format!("splitting report {report} out of {event}"))?;
            writeln!(out, "{report} now stands alone as {}; {} keeps the rest", split.id, kept.id)?;
        }
    }
    Ok(())
}

fn table(rows: &[EventRow]) -> String {
    let mut table = Table::new(&[
        "ID", "DATE", "TYPE", "ACTOR 1", "ACTOR 2", "LOCATION", "DEATHS", "SOURCES", "CONF",
    ]);
    for row in rows {
        let place: Vec<&str> = [&row.location, &row.admin1, &row.country]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        table.push(vec![
            row.event_id_cnty.clone().unwrap_or_default(),
            row.event_date.clone().unwrap_or_else(|| "?".to_owned()),
            row.sub_event_type.clone(),
            row.actor1.clone(),
            row.actor2.clone().unwrap_or_default(),
            place.join(", "),
            row.fatalities.to_string(),
            row.doc_ids.len().to_string(),
            format!("{:.2}", row.confidence),
        ]);
    }
    table.render()
}
