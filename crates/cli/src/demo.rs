//! `tocsin demo`: the sample reports through the real pipeline, their events, the dashboard.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use tocsin_ingest::IngestConfig;
use tocsin_store::EventFilter;

use crate::args::{DemoArgs, ListFormat};
use crate::home::Home;

/// The sample reports that ship with tocsin (`samples/reports/`), embedded so that the
/// demo works from any directory. A test checks this list against the folder.
pub const SAMPLES: &[(&str, &[u8])] = &[
    (
        "benin-manifestation.fr.txt",
        include_bytes!("../../../samples/reports/benin-manifestation.fr.txt"),
    ),
    ("flux-sahel.xml", include_bytes!("../../../samples/reports/flux-sahel.xml")),
    ("rapports.csv", include_bytes!("../../../samples/reports/rapports.csv")),
    ("sahel-wire.jsonl", include_bytes!("../../../samples/reports/sahel-wire.jsonl")),
    ("togo-gulf-herald.html", include_bytes!("../../../samples/reports/togo-gulf-herald.html")),
    (
        "togo-savanes-observer.txt",
        include_bytes!("../../../samples/reports/togo-savanes-observer.txt"),
    ),
];

/// Ingests the samples into the demo database, lists their events, then serves.
pub fn run(args: &DemoArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let path = home.demo_db_path()?;
    let mut store = crate::home::open_for_writing(&path)?;
    let extractor = crate::setup::load_extractor(home)?;
    let mut reports = Vec::new();
    for (name, bytes) in SAMPLES {
        tocsin_readers::read_from(*bytes, Path::new(name), None, &mut |result| {
            reports.push(result)
        });
    }
    let summary = tocsin_ingest::ingest_reports(
        reports,
        &extractor,
        &mut store,
        &IngestConfig::default(),
        &mut |_| {},
    )
    .with_context(|| format!("storing the sample reports in {}", path.display()))?;
    crate::ingest::print_summary(&summary, &store, quiet, out)?;
    writeln!(out)?;
    crate::events::print(&store, EventFilter::default(), ListFormat::Table, quiet, out)?;
    drop(store);
    if args.no_serve {
        return Ok(());
    }
    writeln!(out, "\n(details of one event: tocsin --db {} show ID)", path.display())?;
    out.flush()?;
    crate::serve::serve(&args.serve, &path, quiet)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_is_embedded() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/reports");
        let mut on_disk: Vec<String> = std::fs::read_dir(&folder)
            .expect("samples/reports is part of the repository")
            .map(|entry| {
                entry.expect("a readable folder entry").file_name().to_string_lossy().into_owned()
            })
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = SAMPLES.iter().map(|(name, _)| *name).collect();
        assert_eq!(on_disk, embedded, "add new samples to SAMPLES in demo.rs");
    }
}
