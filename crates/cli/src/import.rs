//! `tocsin import`: learn actors and places from an analyst's own coded history.
//!
//! `tocsin import acled FILE.csv` reads an ACLED export (the current schema or the legacy
//! one; columns are found by name) row by row. Every actor name it names (actor 1 and 2
//! with their inter codes, associated actors) is learned into `learned.toml` in the
//! actors folder, unless the knowledge base knows it already or it is a state force or a
//! generic actor (`Civilians (Mali)`). Every location coded at `geo_precision` 1 is
//! learned into the gazetteer folder. Importing the same file again changes nothing.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, Context, Result};
use clap::{Args, Subcommand};
use tocsin_actors::{ActorBook, Learned, Learner};
use tocsin_model::{Country, Inter};
use tocsin_places::LearnedPlace;
use tocsin_readers::AcledRow;

use crate::home::Home;
use crate::progress::Progress;

/// Options of `tocsin import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What to import.
    #[command(subcommand)]
    pub source: ImportSource,
}

/// What can be imported.
#[derive(Debug, Subcommand)]
pub enum ImportSource {
    /// An ACLED export (CSV): its actor names and its locations.
    Acled {
        /// The CSV file.
        file: PathBuf,
    },
}

/// Runs the command.
pub fn run(args: &ImportArgs, home: &Home, quiet: bool, out: &mut dyn Write) -> Result<()> {
    match &args.source {
        ImportSource::Acled { file } => import_acled(file, home, quiet, out),
    }
}

/// What an import did.
#[derive(Debug, Default)]
struct Tally {
    rows: u64,
    actors_new: u64,
    actors_known: u64,
    actors_generic: u64,
    places_offered: u64,
    /// Why rows (or their places) were passed over, with counts.
    skipped: BTreeMap<&'static str, u64>,
}

impl Tally {
    fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_insert(0) += 1;
    }
}

fn import_acled(
    file: &std::path::Path,
    home: &Home,
    quiet: bool,
    out: &mut dyn Write,
) -> Result<()> {
    if !file.is_file() {
        return Err(anyhow!("{}: no such file", file.display()));
    }
    let actors_dir = home.actors_dir()?;
    let gazetteer_dir = home.gazetteer_dir()?;
    let book = ActorBook::load(Some(&actors_dir)).context("loading the actor data")?;
    let mut learner = Learner::open(&actors_dir).context("reading the learned actors")?;
    let progress = Progress::new("importing", quiet);
    let mut tally = Tally::default();
    // Each distinct (name, inter, country) is learned once; each name counted once.
    let mut learned: HashSet<(String, Option<u8>, Option<String>)> = HashSet::new();
    let mut counted: HashSet<String> = HashSet::new();
    let mut places: Vec<LearnedPlace> = Vec::new();
    let mut place_keys: HashSet<(String, String, i64, i64)> = HashSet::new();
    let mut first_error: Option<String> = None;
    let mut countries: HashMap<String, Option<String>> = HashMap::new();
    let read = tocsin_readers::read_acled(file, &mut |row| {
        progress.report_done();
        let row = match row {
            Ok(row) => row,
            Err(error) => {
                tally.skip("unreadable rows");
                if first_error.is_none() {
                    first_error = Some(error.to_string());
                }
                return;
            }
        };
        tally.rows += 1;
        let country = countries
            .entry(row.country.clone())
            .or_insert_with(|| country_code(&row.country))
            .clone();
        let mut any_actor = false;
        for (name, inter) in actors_of(&row) {
            any_actor = true;
            let key = (name.to_lowercase(), inter, country.clone());
            if !learned.insert(key) {
                continue;
            }
            let inter = inter.and_then(|code| Inter::try_from(code).ok());
            let outcome = learner.learn(&book, name, inter, country.as_deref());
            if counted.insert(name.to_lowercase()) {
                match outcome {
                    Learned::New => tally.actors_new += 1,
                    Learned::Known => tally.actors_known += 1,
                    Learned::Generic => tally.actors_generic += 1,
                }
            }
        }
        if !any_actor {
            tally.skip("rows without actors");
        }
        match place_of(&row, country.as_deref()) {
            Ok(place) => {
                let key = (
                    country.clone().unwrap_or_default(),
                    place.name.to_lowercase(),
                    (place.latitude * 100.0).round() as i64,
                    (place.longitude * 100.0).round() as i64,
                );
                if place_keys.insert(key) {
                    tally.places_offered += 1;
                    places.push(place);
                }
            }
            Err(reason) => tally.skip(reason),
        }
    });
    progress.finish();
    read.with_context(|| format!("reading {}", file.display()))?;
    if tally.rows == 0 {
        if let Some(error) = first_error {
            return Err(anyhow!("no row of {} could be read: {error}", file.display()));
        }
    }
    let actors_written = learner.save().context("writing the learned actors")?;
    let places_new = if places.is_empty() {
        0
    } else {
        tocsin_places::learn_places(&gazetteer_dir, &places)
            .context("writing the learned places")? as u64
    };
    let places_known = tally.places_offered.saturating_sub(places_new);
    writeln!(out, "imported {}: {} rows", file.display(), tally.rows)?;
    writeln!(
        out,
        "actors: {} new, {} known, {} state forces or generic (not learned){}",
        tally.actors_new,
        tally.actors_known,
        tally.actors_generic,
        if actors_written {
            format!("; written to {}", learner.path().display())
        } else {
            String::new()
        }
    )?;
    writeln!(
        out,
        "places: {} new, {} known{}",
        places_new,
        places_known,
        if places_new > 0 {
            format!("; written to {}", gazetteer_dir.join("learned.tsv").display())
        } else {
            String::new()
        }
    )?;
    if !tally.skipped.is_empty() {
        let reasons: Vec<String> =
            tally.skipped.iter().map(|(reason, n)| format!("{n} {reason}")).collect();
        writeln!(out, "skipped: {}", reasons.join(", "))?;
    }
    if let Some(error) = first_error {
        if !quiet {
            eprintln!("warning: first unreadable row: {error}");
        }
    }
    Ok(())
}

/// The row's actor names with their inter codes (none for associated actors).
fn actors_of(row: &AcledRow) -> Vec<(&str, Option<u8>)> {
    let positive = |inter: Option<u8>| inter.filter(|&code| code > 0);
    let mut out: Vec<(&str, Option<u8>)> = vec![(row.actor1.trim(), positive(row.inter1))];
    out.extend(row.assoc_actor_1.iter().map(|n| (n.trim(), None)));
    out.push((row.actor2.trim(), positive(row.inter2)));
    out.extend(row.assoc_actor_2.iter().map(|n| (n.trim(), None)));
    out.retain(|(name, _)| !name.is_empty());
    out
}

/// The row's place, or why it is not learned (only exact places are: the coordinates of
/// rows at `geo_precision` 2 or 3 are another place's).
fn place_of(
    row: &AcledRow,
    country: Option<&str>,
) -> std::result::Result<LearnedPlace, &'static str> {
    let name = row.location.trim();
    if name.is_empty() {
        return Err("places without a location name");
    }
    let (Some(latitude), Some(longitude)) = (row.latitude, row.longitude) else {
        return Err("places without coordinates");
    };
    if !(-90.0..=90.0).contains(&latitude)
        || !(-180.0..=180.0).contains(&longitude)
        || (latitude == 0.0 && longitude == 0.0)
    {
        return Err("places with impossible coordinates");
    }
    if country.is_none() {
        return Err("places in an unknown country");
    }
    match row.geo_precision {
        Some(1) => {}
        Some(_) => return Err("places coded near a town or region (geo_precision 2 or 3)"),
        None => return Err("places without geo_precision"),
    }
    let admin = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(LearnedPlace {
        name: name.to_string(),
        country: row.country.trim().to_string(),
        admin1: admin(&row.admin1),
        admin2: admin(&row.admin2),
        admin3: admin(&row.admin3),
        latitude,
        longitude,
        geo_precision: 1,
    })
}

/// The ISO alpha-2 code of a country as ACLED names it (or of an ISO code).
fn country_code(name: &str) -> Option<String> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(country) = Country::from_code(name) {
        return Some(country.alpha2.to_string());
    }
    Country::all()
        .iter()
        .find(|c| {
            c.name.eq_ignore_ascii_case(name)
                || tocsin_places::acled_country_name(c.alpha2).eq_ignore_ascii_case(name)
        })
        .map(|c| c.alpha2.to_string())
}
