//! `tocsin places`: look places up in the gazetteer and see why one is chosen.

use std::io::Write;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::args::ListFormat;
use crate::home::Home;
use crate::table::Table;

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
    /// Show the gazetteer's candidates for a name, with their scores and why.
    Search {
        /// The place name, as a report writes it.
        name: String,
        /// Only places in this country (ISO code: BF or BFA).
        #[arg(long, value_name = "XX")]
        country: Option<String>,
        /// At most this many candidates.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// How to print.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Table)]
        format: ListFormat,
    },
}

/// Runs the command.
pub fn run(args: &PlacesArgs, home: &Home, out: &mut dyn Write) -> Result<()> {
    match &args.action {
        PlacesAction::Search { name, country, limit, format } => {
            if let Some(code) = country {
                if tocsin_model::Country::from_code(code).is_none() {
                    anyhow::bail!("unknown country code {code:?}: use ISO codes such as BF or BFA");
                }
            }
            let gazetteer = tocsin_places::Gazetteer::load(home.gazetteer_dir().ok().as_deref())
                .context("loading the gazetteer")?;
            let candidates = gazetteer.search(name, country.as_deref());
            let shown = candidates.iter().take(*limit);
            match format {
                ListFormat::Jsonl => {
                    for c in shown {
                        let p = &c.place;
                        let row = json!({
                            "location": p.location,
                            "matched": c.matched,
                            "feature": c.feature,
                            "population": c.population,
                            "country": p.country,
                            "country_code": p.country_code,
                            "admin1": p.admin1,
                            "admin2": p.admin2,
                            "admin3": p.admin3,
                            "latitude": p.latitude,
                            "longitude": p.longitude,
                            "geo_precision": p.geo_precision as u8,
                            "score": (f64::from(c.score) * 1000.0).round() / 1000.0,
                            "why": c.why,
                            "source": c.source,
                        });
                        writeln!(out, "{row}")?;
                    }
                }
                ListFormat::Table => {
                    if candidates.is_empty() {
                        writeln!(out, "no place named {name:?} in the gazetteer")?;
                        return Ok(());
                    }
                    let mut table = Table::new(&[
                        "#",
                        "score",
                        "location",
                        "matched",
                        "feature",
                        "population",
                        "cc",
                        "admin1",
                        "admin2",
                        "lat",
                        "lon",
                        "source",
                    ]);
                    let mut reasons = String::new();
                    for (i, c) in shown.enumerate() {
                        let p = &c.place;
                        reasons.push_str(&format!("{:>3}. {}\n", i + 1, c.why));
                        table.push(vec![
                            (i + 1).to_string(),
                            format!("{:.2}", c.score),
                            p.location.clone(),
                            c.matched.clone(),
                            c.feature.clone(),
                            c.population.to_string(),
                            p.country_code.clone(),
                            p.admin1.clone().unwrap_or_default(),
                            p.admin2.clone().unwrap_or_default(),
                            format!("{:.4}", p.latitude),
                            format!("{:.4}", p.longitude),
                            c.source.clone(),
                        ]);
                    }
                    write!(out, "{}\nwhy:\n{reasons}", table.render())?;
                    if candidates.len() > *limit {
                        writeln!(out, "({} more: --limit N shows them)", candidates.len() - limit)?;
                    }
                }
            }
        }
    }
    Ok(())
}
