//! `tocsin actors`: the actor knowledge base, and the names reports use that it lacks.

use std::io::Write;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};

use crate::home::Home;

/// Options of `tocsin actors`.
#[derive(Debug, Args)]
pub struct ActorsArgs {
    /// What to do.
    #[command(subcommand)]
    pub action: ActorsAction,
}

/// The actors actions.
#[derive(Debug, Subcommand)]
pub enum ActorsAction {
    /// One actor: its canonical name, aliases, family and stored events.
    Show {
        /// Any of the actor's names.
        name: String,
    },
    /// Names that reports used for actors the knowledge base does not know.
    Unknown,
}

/// Runs the command.
pub fn run(args: &ActorsArgs, home: &Home, out: &mut dyn Write) -> Result<()> {
    let _ = (args, home, out);
    bail!("not built yet")
}
