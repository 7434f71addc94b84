//! `tocsin extract`: read, extract, print; nothing is stored.

use std::io::{ErrorKind, Write};

use anyhow::{bail, Result};
use tocsin_export::{EventRow, Writer};
use tocsin_model::{Diagnostic, Report};

use crate::args::ExtractArgs;
use crate::home::Home;
use crate::progress::Progress;
use crate::setup::{self, inputs_or_stdin};

/// Runs the command, writing events to `out`.
pub fn run(args: &ExtractArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let extractor = setup::load_extractor(home)?;
    let progress = Progress::new("extracting", quiet);
    let mut writer = Writer::new(args.format.export_format(), out);
    // The first write error (a full disk) ends the output; reading has no way to stop
    // early, so later reports are passed over.
    let mut failure: Option<tocsin_export::Error> = None;
    let summary = tocsin_ingest::extract_paths(
        &inputs_or_stdin(&args.input.inputs),
        &extractor,
        &args.desk.desk_country,
        &mut |item| {
            if failure.is_some() {
                return;
            }
            match item {
                Ok((report, output)) => {
                    progress.report_done();
                    if args.explain {
                        for diagnostic in &output.diagnostics {
                            progress.warn(&explain(&report, diagnostic));
                        }
                    }
                    for extraction in &output.events {
                        let row = EventRow::from_extraction(extraction, Some(&report));
                        if let Err(error) = writer.write(&row) {
                            if is_closed_pipe(&error) {
                                // Whoever reads our output has stopped (`| head`): reading
                                // cannot be stopped from here, so end the process now.
                                progress.finish();
                                std::process::exit(0);
                            }
                            failure = Some(error);
                            return;
                        }
                    }
                }
                Err(error) => progress.warn(&format!("warning: {error}")),
            }
        },
    );
    progress.finish();
    if let Some(error) = failure {
        return Err(error.into());
    }
    writer.finish()?;
    if !quiet {
        eprintln!(
            "{} reports, {} events{}",
            summary.reports_read,
            summary.events,
            if summary.read_errors > 0 {
                format!(", {} errors", summary.read_errors)
            } else {
                String::new()
            }
        );
        if let Some(line) = run_country_line(summary.run_country.as_ref()) {
            eprintln!("{line}");
        }
    }
    if summary.reports_read == 0 && summary.read_errors > 0 {
        bail!("no report could be read (see the warnings above)");
    }
    Ok(())
}

/// What a run's own country did, as a line for its summary (`None` when it did nothing).
pub fn run_country_line(country: Option<&tocsin_ingest::RunCountry>) -> Option<String> {
    let country = country.filter(|country| country.reports > 0)?;
    let name = tocsin_model::Country::from_code(&country.code)
        .map_or(country.code.as_str(), |known| known.name);
    let (n, noun) = (country.reports, if country.reports == 1 { "report" } else { "reports" });
    Some(format!(
        "{n} {noun} naming no place coded to {name}, where most of this run's reports lie \
         (--desk-country to choose)"
    ))
}

/// One diagnostic as a line: the report, the words concerned (cut to a readable length)
/// and what extraction made of them.
fn explain(report: &Report, diagnostic: &Diagnostic) -> String {
    const MAX_CHARS: usize = 80;
    let words = diagnostic.span.and_then(|span| span.text(&report.text)).map(|words| {
        let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
        match words.char_indices().nth(MAX_CHARS) {
            Some((cut, _)) => format!(" \"{}…\"", &words[..cut]),
            None => format!(" \"{words}\""),
        }
    });
    format!("{}:{} {}", report.id, words.unwrap_or_default(), diagnostic.message)
}

/// Whether writing failed because the reader of our output has gone.
fn is_closed_pipe(error: &tocsin_export::Error) -> bool {
    matches!(error, tocsin_export::Error::Io(io) if io.kind() == ErrorKind::BrokenPipe)
}
