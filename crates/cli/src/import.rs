//! `tocsin import`: learn actors and places from an analyst's own coded history.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::home::Home;

/// Options of `tocsin import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub source: ImportSource,
}

/// What can be imported.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// An ACLED export (CSV): its actor names and its locations.
    Acled {
        /// The CSV file.
        file: PathBuf,
    },
}

/// Runs the command.
pub fn run(args: &ImportArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let _ = (args, home, quiet, out);
    bail!("not built yet")
}
