//! Build chores for tocsin: building the shipped data from `../shared` sources.
//!
//! `cargo run -p xtask -- gazetteer [SOURCES] [OUT]` builds the gazetteer files in
//! `data/places/` from GeoNames, Natural Earth and geoBoundaries sources (default
//! `../shared/data`).

use std::path::PathBuf;

use anyhow::Context;

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("gazetteer") => gazetteer(&args[1..]),
        other => anyhow::bail!("unknown task {other:?}; tasks: gazetteer [SOURCES] [OUT]"),
    }
}

/// Builds `data/places/` from the GeoNames, Natural Earth and geoBoundaries sources.
fn gazetteer(args: &[String]) -> anyhow::Result<()> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let sources = args.first().map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data"));
    let out = args.get(1).map(PathBuf::from).unwrap_or_else(|| root.join("data/places"));
    let summary = tocsin_places::build::build(&sources, &out)
        .with_context(|| format!("building the gazetteer from {}", sources.display()))?;
    println!(
        "{} places, {} names, {} admin tuples, {} border lines",
        summary.n_places, summary.n_names, summary.n_admins, summary.n_borders
    );
    for (path, bytes) in &summary.files {
        println!("{:>10}  {}", bytes, path.display());
    }
    Ok(())
}
