//! The `tocsin` binary: a thin command line over the library crates.
//!
//! Each command lives in its own module; `main` parses the arguments, runs the
//! command, prints any error with its whole chain and chooses the exit code.

mod actors;
mod args;
mod bench;
mod demo;
mod events;
mod export;
mod extract;
mod filters;
mod gazetteer;
mod home;
mod import;
mod ingest;
mod places;
mod progress;
mod rows;
mod serve;
mod setup;
mod show;
mod table;
mod train;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command};
use home::Home;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            for cause in error.chain().skip(1) {
                eprintln!("  caused by: {cause}");
            }
            ExitCode::FAILURE
        }
    }
}

fn run(cli: &Cli) -> Result<()> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let home = Home::new(cli.data_dir.as_deref(), cli.db.as_deref());
    let home = &home;
    match &cli.command {
        Command::Extract(args) => extract::run(args, home, cli.quiet, &mut out)?,
        Command::Bench(args) => bench::run(args, &mut out)?,
        Command::Ingest(args) => ingest::run(args, home, cli.quiet, &mut out)?,
        Command::Events(args) => events::run(args, home, cli.quiet, &mut out)?,
        Command::Export(args) => export::run(args, home, cli.quiet, &mut out)?,
        Command::Show(args) => show::run(args, home, &mut out)?,
        Command::Serve(args) => serve::serve(args, &home.db_path()?, cli.quiet)?,
        Command::Demo(args) => demo::run(args, home, cli.quiet, &mut out)?,
        Command::Gazetteer(args) => gazetteer::run(args, home, cli.quiet, &mut out)?,
        Command::Places(args) => places::run(args, home, &mut out)?,
        Command::Actors(args) => actors::run(args, home, &mut out)?,
        Command::Import(args) => import::run(args, home, cli.quiet, &mut out)?,
        Command::Train(args) => train::run(args, home, cli.quiet, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

/// Whether the error is a closed standard output (`tocsin export | head`).
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause.downcast_ref::<io::Error>().is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
            || matches!(
                cause.downcast_ref::<tocsin_export::Error>(),
                Some(tocsin_export::Error::Io(io)) if io.kind() == io::ErrorKind::BrokenPipe
            )
    })
}
