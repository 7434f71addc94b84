//! `tocsin serve` and `tocsin demo`: the HTTP API and dashboard, and demonstration data.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use tocsin_api::{DemoConfig, ServeConfig};

use crate::args::{DemoArgs, ServeArgs};

/// Serves until Ctrl-C, saying where once listening.
pub fn serve(args: &ServeArgs, db: Option<&Path>, quiet: bool) -> Result<()> {
    let path = crate::db::path(db)?;
    let config = ServeConfig::new(path.clone(), args.addr);
    tocsin_api::serve_with(config, |addr| {
        if !quiet {
            eprintln!(
                "serving {} at http://{addr}/ (API under /api/); Ctrl-C stops",
                path.display()
            );
        }
    })
    .with_context(|| format!("serving {} on {}", path.display(), args.addr))
}

/// Adds made-up events to the database.
pub fn demo(args: &DemoArgs, db: Option<&Path>, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let mut store = crate::db::open_for_writing(db)?;
    let config = DemoConfig { n_events: args.events, ..DemoConfig::default() };
    let summary = tocsin_api::seed_demo(&mut store, &config, chrono::Utc::now())
        .context("storing the demonstration events")?;
    if !quiet {
        writeln!(
            out,
            "{} demonstration events created ({} reports already there)",
            summary.events_created, summary.reports_duplicate
        )?;
    }
    Ok(())
}
