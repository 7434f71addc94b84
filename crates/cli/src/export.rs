//! `tocsin export`: stored events as ACLED CSV, GeoJSON or JSON Lines.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{Context, Result};
use tocsin_export::Writer;

use crate::args::ExportArgs;
use crate::filters::event_filter;
use crate::rows::event_row;

/// Runs the command, writing to `--output` or to `out`.
pub fn run(args: &ExportArgs, db: Option<&Path>, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let filter = event_filter(&args.filters)?;
    let store = crate::db::open_existing(db)?;
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
    store: &tocsin_store::Store,
    filter: &tocsin_store::EventFilter,
    limit: usize,
    args: &ExportArgs,
    out: &mut dyn Write,
) -> Result<usize> {
    let mut writer = Writer::new(args.format.export_format(), out);
    let mut n_written = 0;
    for event in store.iter_events(filter)?.take(limit) {
        writer.write(&event_row(store, &event?)?)?;
        n_written += 1;
    }
    writer.finish()?;
    Ok(n_written)
}
