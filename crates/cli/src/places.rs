//! `tocsin places`: look places up in the gazetteer and see why one is chosen.

use std::io::Write;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::home::Home;

/// Options of `tocsin places`.
#[derive(Debug, Args)]
pub struct PlacesArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: PlacesAction,
}

/// The places actions.
#[derive(Debug, Subcommand)]
pub enum PlacesAction {
    /// Show the gazetteer's candidates for a name, with their scores.
    Search {
        /// The place name, as a report writes it.
        name: String,
    },
}

/// Runs the command.
pub fn run(args: &PlacesArgs, home: &Home, out: &mut dyn Write) -> Result<()> {
    let _ = (args, home, out);
    bail!("not built yet")
}
