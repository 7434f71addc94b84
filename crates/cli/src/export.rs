//! `tocsin export`: stored events as ACLED CSV, GeoJSON or JSON Lines.

use std::fs::File;
use std::io::{BufWriter, Write};

use anyhow::{bail, Context, Result};
use chrono::{DateTime, Utc};
use tocsin_export::Writer;
use tocsin_store::{ChangeKind, EventFilter, Store};

use crate::args::{ExportArgs, OutputFormat};
use crate::filters::event_filter;
use crate::home::Home;
use crate::rows::event_row;

/// Runs the command, writing to `--output` or to `out`.
pub fn run(args: &ExportArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let filter = event_filter(&args.filters, home.actors_dir().ok().as_deref())?;
    if args.since.is_some() && filter != EventFilter::default() {
        bail!("--since lists every change and takes no filter: drop the filters, or drop --since");
    }
    let store = home.open_existing()?;
    let limit = filter.limit.unwrap_or(usize::MAX);
    let n_written = match &args.output {
        Some(path) => {
            let file = File::create(path)
                .with_context(|| format!("creating the output file {}", path.display()))?;
            let mut file = BufWriter::new(file);
            let n = write_events(&store, &filter, limit, args, &mut file)?;
            file.flush().with_context(|| format!("writing {}", path.display()))?;
            n
        }
        None => write_events(&store, &filter, limit, args, out)?,
    };
    if !quiet {
        match &args.output {
            Some(path) => eprintln!("{n_written} events written to {}", path.display()),
            None => eprintln!("{n_written} events written"),
        }
    }
    Ok(())
}

fn write_events(
    store: &Store,
    filter: &EventFilter,
    limit: usize,
    args: &ExportArgs,
    out: &mut dyn Write,
) -> Result<usize> {
    if let Some(since) = args.since {
        return write_changes(store, since, args.format, out);
    }
    let mut writer = Writer::new(args.format.export_format(), out);
    let mut n_written = 0;
    for event in store.iter_events(filter)?.take(limit) {
        writer.write(&event_row(store, &event?)?)?;
        n_written += 1;
    }
    writer.finish()?;
    Ok(n_written)
}

/// Events created or changed after `since`, then those retired since: in JSON Lines as
/// deletion lines, otherwise (ACLED CSV and GeoJSON have no way to say it) on stderr.
fn write_changes(
    store: &Store,
    since: DateTime<Utc>,
    format: OutputFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let changes = store.changes_since(since)?;
    let mut deleted = Vec::new();
    let mut writer = Writer::new(format.export_format(), &mut *out);
    let mut n_written = 0;
    for change in &changes {
        match &change.kind {
            ChangeKind::Upserted(event) => {
                writer.write(&event_row(store, event)?)?;
                n_written += 1;
            }
            ChangeKind::Deleted { merged_into } => deleted.push((change, merged_into)),
        }
    }
    writer.finish()?;
    for (change, merged_into) in deleted {
        let line = serde_json::json!({
            "event_id_cnty": change.event_id,
            "deleted": true,
            "merged_into": merged_into,
            "timestamp": change.at.timestamp(),
        });
        if format == OutputFormat::Jsonl {
            writeln!(out, "{line}")?;
        } else {
            eprintln!("deleted: {line}");
        }
    }
    Ok(n_written)
}
