//! Places learned from coded history (an ACLED export): kept in `learned.tsv` in the
//! gazetteer folder and loaded beside the shipped gazetteer.
//!
//! Only rows of `geo_precision` 1 name a real point place: rows of precision 2 carry
//! the coordinates of a nearby town and rows of precision 3 those of a region's seat, so
//! learning them would pin a name to the wrong point. They are skipped.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use tocsin_model::Country;

use crate::text::fold;
use crate::{acled_country_name, Error, Result};

/// The file of learned places in the gazetteer folder.
pub const LEARNED_FILE: &str = "learned.tsv";

const HEADER: &str =
    "# tocsin learned places v1: cc, country, name, admin1, admin2, admin3, lat, lon, precision";

/// One place as a coded event names it (an ACLED row's location columns).
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedPlace {
    /// The location's name.
    pub name: String,
    /// ACLED country name (`Burkina Faso`), or an ISO alpha-2/alpha-3 code.
    pub country: String,
    /// First-level admin unit.
    pub admin1: Option<String>,
    /// Second-level admin unit.
    pub admin2: Option<String>,
    /// Third-level admin unit.
    pub admin3: Option<String>,
    /// Latitude.
    pub latitude: f64,
    /// Longitude.
    pub longitude: f64,
    /// ACLED's geo_precision (1 = the place itself; 2 and 3 are skipped).
    pub geo_precision: u8,
}

/// A learned place as stored: with its country code.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Stored {
    pub cc: String,
    pub place: LearnedPlace,
}

type Key = (String, String, i64, i64);

fn key(cc: &str, name: &str, lat: f64, lon: f64) -> Key {
    // Rounded to 0.01° (about a kilometre): one village, however its rows jitter.
    (cc.to_string(), fold(name), (lat * 100.0).round() as i64, (lon * 100.0).round() as i64)
}

/// The ISO alpha-2 code of an ACLED country name (or of an ISO code).
pub fn country_code(country: &str) -> Option<&'static str> {
    let country = country.trim();
    if let Some(found) = Country::from_code(country) {
        return Some(found.alpha2);
    }
    let folded = fold(country);
    Country::all()
        .iter()
        .find(|c| fold(c.name) == folded || fold(&acled_country_name(c.alpha2)) == folded)
        .map(|c| c.alpha2)
}

fn valid(place: &LearnedPlace) -> bool {
    place.geo_precision == 1
        && !place.name.trim().is_empty()
        && place.latitude.is_finite()
        && place.longitude.is_finite()
        && (-90.0..=90.0).contains(&place.latitude)
        && (-180.0..=180.0).contains(&place.longitude)
        && !(place.latitude == 0.0 && place.longitude == 0.0)
}

/// Adds (or replaces, keyed by country, folded name and coordinates rounded to 0.01°)
/// learned places in the gazetteer folder `dir` (created when missing); returns how many
/// are new. Rows of `geo_precision` 2 or 3, rows of unknown countries and rows without
/// a name or with impossible coordinates are skipped.
pub fn learn_places(dir: &Path, places: &[LearnedPlace]) -> Result<usize> {
    let path = dir.join(LEARNED_FILE);
    let mut table: BTreeMap<Key, Stored> = BTreeMap::new();
    for stored in read_learned(dir)? {
        let p = &stored.place;
        table.insert(key(&stored.cc, &p.name, p.latitude, p.longitude), stored);
    }
    let mut new = 0;
    for place in places.iter().filter(|p| valid(p)) {
        let Some(cc) = country_code(&place.country) else { continue };
        let clean = |s: &Option<String>| {
            s.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        let place = LearnedPlace {
            name: place.name.trim().to_string(),
            country: place.country.trim().to_string(),
            admin1: clean(&place.admin1),
            admin2: clean(&place.admin2),
            admin3: clean(&place.admin3),
            ..place.clone()
        };
        let k = key(cc, &place.name, place.latitude, place.longitude);
        if table.insert(k, Stored { cc: cc.to_string(), place }).is_none() {
            new += 1;
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let mut text = String::with_capacity(table.len() * 80);
    text.push_str(HEADER);
    text.push('\n');
    for stored in table.values() {
        let p = &stored.place;
        let cols = [
            stored.cc.clone(),
            p.country.clone(),
            p.name.clone(),
            p.admin1.clone().unwrap_or_default(),
            p.admin2.clone().unwrap_or_default(),
            p.admin3.clone().unwrap_or_default(),
            format!("{:.5}", p.latitude),
            format!("{:.5}", p.longitude),
            p.geo_precision.to_string(),
        ];
        let cols: Vec<String> = cols.iter().map(|c| c.replace(['\t', '\n', '\r'], " ")).collect();
        text.push_str(&cols.join("\t"));
        text.push('\n');
    }
    write_atomically(&path, text.as_bytes())?;
    Ok(new)
}

/// How many learned places the gazetteer folder `dir` holds, by country code.
pub fn learned_counts(dir: &Path) -> Result<Vec<(String, usize)>> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for stored in read_learned(dir)? {
        *counts.entry(stored.cc).or_default() += 1;
    }
    Ok(counts.into_iter().collect())
}

/// The learned places stored in `dir` (none when the file is missing); malformed lines are
/// skipped.
pub(crate) fn read_learned(dir: &Path) -> Result<Vec<Stored>> {
    let path = dir.join(LEARNED_FILE);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&path, e)),
    };
    let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        let [cc, country, name, a1, a2, a3, lat, lon, precision] = cols.as_slice() else {
            continue;
        };
        let (Ok(latitude), Ok(longitude)) = (lat.parse::<f64>(), lon.parse::<f64>()) else {
            continue;
        };
        let place = LearnedPlace {
            name: name.to_string(),
            country: country.to_string(),
            admin1: opt(a1),
            admin2: opt(a2),
            admin3: opt(a3),
            latitude,
            longitude,
            geo_precision: precision.parse().unwrap_or(1),
        };
        if cc.len() == 2 && valid(&place) {
            out.push(Stored { cc: cc.to_string(), place });
        }
    }
    Ok(out)
}

/// Writes a file through a temporary sibling and a rename, so readers never see half of it.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let mut file = std::fs::File::create(&tmp).map_err(|e| io_error(&tmp, e))?;
    file.write_all(bytes).and_then(|()| file.sync_all()).map_err(|e| io_error(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_error(path, e))
}

pub(crate) fn io_error(path: &Path, error: std::io::Error) -> Error {
    Error::Data(format!("{}: {error}", path.display()))
}
