//! `tocsin train`: fit the event-type model on coded events (an ACLED export).

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;

/// Options of `tocsin train`.
#[derive(Debug, Args)]
pub struct TrainArgs {
    /// Coded events with their notes: an ACLED export (CSV).
    pub file: PathBuf,
}

/// Runs the command.
pub fn run(args: &TrainArgs, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let _ = (args, quiet, out);
    bail!("not built yet")
}
