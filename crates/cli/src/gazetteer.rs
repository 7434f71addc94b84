//! `tocsin gazetteer`: grow the gazetteer with GeoNames dumps, and see what was added.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::home::Home;
use crate::table::Table;

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
    /// Import a GeoNames dump (allCountries.txt, XX.txt, cities500.txt; zipped, gzipped or
    /// not). Importing a country again replaces what it had; places the shipped gazetteer
    /// has are not doubled.
    Import {
        /// The dump.
        file: PathBuf,
    },
    /// What has been imported and learned, by country.
    List,
}

/// Runs the command.
pub fn run(args: &GazetteerArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    let dir = home.gazetteer_dir()?;
    match &args.action {
        GazetteerAction::Import { file } => {
            let started = Instant::now();
            let bar = byte_bar(quiet);
            let summary = tocsin_places::import_geonames(&dir, file, &mut |done, total| {
                bar.set_length(total);
                bar.set_position(done);
            });
            bar.finish_and_clear();
            let summary = summary.with_context(|| format!("importing {}", file.display()))?;
            writeln!(
                out,
                "imported {} into {}: {} place rows read in {:.1} s",
                file.display(),
                dir.display(),
                summary.rows,
                started.elapsed().as_secs_f64()
            )?;
            writeln!(
                out,
                "  {} places added, {} replaced, {} skipped as shipped already, \
                 {} skipped by kind of feature, {} malformed lines skipped",
                summary.added,
                summary.replaced,
                summary.known,
                summary.other_features,
                summary.malformed
            )?;
            if !summary.kept.is_empty() {
                writeln!(
                    out,
                    "  kept as they were (a full dump of theirs is imported already): {}",
                    summary.kept.join(" ")
                )?;
            }
            let countries = summary.countries.join(" ");
            writeln!(
                out,
                "  countries: {}",
                if countries.is_empty() { "none" } else { &countries }
            )?;
        }
        GazetteerAction::List => {
            let layers = tocsin_places::imports(&dir)?;
            let learned = tocsin_places::learned_counts(&dir)?;
            if layers.is_empty() && learned.is_empty() {
                writeln!(
                    out,
                    "nothing imported in {}: only the shipped gazetteer is used \
                     (add places with `tocsin gazetteer import FILE`)",
                    dir.display()
                )?;
                return Ok(());
            }
            let mut table = Table::new(&["country", "source", "places"]);
            for layer in layers {
                table.push(vec![layer.country, layer.source, layer.places.to_string()]);
            }
            for (country, n) in learned {
                table.push(vec![country, "learned from coded events".into(), n.to_string()]);
            }
            write!(out, "{}", table.render())?;
        }
    }
    Ok(())
}

/// A bar of bytes read on standard error; hidden when quiet or not on a terminal.
fn byte_bar(quiet: bool) -> ProgressBar {
    let visible = !quiet && std::io::stderr().is_terminal();
    let target = if visible { ProgressDrawTarget::stderr() } else { ProgressDrawTarget::hidden() };
    let bar = ProgressBar::with_draw_target(None, target);
    let style = ProgressStyle::with_template(
        "importing [{bar:30}] {bytes}/{total_bytes} ({bytes_per_sec}, {eta} left)",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style.progress_chars("=> "));
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}
