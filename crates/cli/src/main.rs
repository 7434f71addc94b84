//! The `tocsin` binary: a thin command line over the library crates.
//!
//! Each command lives in its own module; `main` parses the arguments, runs the
//! command, prints any error with its whole chain and chooses the exit code.

mod args;
mod bench;
mod db;
mod demo;
mod events;
mod export;
mod extract;
mod filters;
mod ingest;
mod progress;
mod rows;
mod serve;
mod setup;
mod show;
mod table;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use args::{Cli, Command};

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
    let db = cli.db.as_deref();
    match &cli.command {
        Command::Extract(args) => extract::run(args, cli.quiet, &mut out)?,
        Command::Bench(args) => bench::run(args, &mut out)?,
        Command::Ingest(args) => ingest::run(args, db, cli.quiet, &mut out)?,
        Command::Events(args) => events::run(args, db, cli.quiet, &mut out)?,
        Command::Export(args) => export::run(args, db, cli.quiet, &mut out)?,
        Command::Show(args) => show::run(args, db, &mut out)?,
        Command::Serve(args) => serve::serve(args, db, cli.quiet)?,
        Command::Demo(args) => demo::run(args, db, cli.quiet, &mut out)?,
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
