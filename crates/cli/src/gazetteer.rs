//! `tocsin gazetteer`: grow the gazetteer with GeoNames dumps.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::home::Home;

/// Options of `tocsin gazetteer`.
#[derive(Debug, Args)]
pub struct GazetteerArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: GazetteerAction,
}

/// The gazetteer's actions.
#[derive(Debug, Subcommand)]
pub enum GazetteerAction {
    /// Import a GeoNames dump (allCountries.txt, XX.txt, zipped or not).
    Import {
        /// The dump.
        file: PathBuf,
    },
}

/// Runs the command.
pub fn run(args: &GazetteerArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let _ = (args, home, quiet, out);
    bail!("not built yet")
}
