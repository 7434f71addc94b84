//! Importing GeoNames dumps (`allCountries.txt`, a country's `XX.txt`, zipped or
//! gzipped or not) into the gazetteer folder, one layer per country.
//!
//! A dump is streamed once: the rows worth keeping are sorted into one temporary file per
//! country, then each country is indexed on its own, so memory follows the largest
//! country, never the dump. Each country's layer lives in `geonames/XX/` in the files the
//! shipped gazetteer uses (`places.bin`, `names.fst`, `postings.bin`, `admins.tsv`) plus
//! `ids.bin` (GeoNames ids), `folded.txt` (folded names, for spelling guesses) and
//! `layer.txt` (what it came from). Importing a country
//! again replaces its layer, except that a city list (`cities500.txt`) never replaces a
//! full dump (`XX.txt`, `allCountries.txt`), which holds all its rows already. Places the shipped gazetteer has already (same country, name
//! and coordinates within 0.001°) are left out, and so are admin units it has already.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};

use crate::build::{self, DumpLine, RawPlace};
use crate::learned::{io_error, write_atomically};
use crate::{Error, Gazetteer, Result};

/// The folder of imported GeoNames layers inside the gazetteer folder.
pub const GEONAMES_DIR: &str = "geonames";

const ADMIN_CODES_GZ: &[u8] = include_bytes!("../../../data/places/admin_codes.tsv.gz");

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    /// The countries whose layers were written, in order.
    pub countries: Vec<String>,
    /// Place rows read from the dump.
    pub rows: u64,
    /// Places (and admin units) in the written layers that no earlier import had.
    pub added: usize,
    /// Places in the written layers that an earlier import of the same country had.
    pub replaced: usize,
    /// Places skipped because the shipped gazetteer has them already.
    pub known: usize,
    /// Rows skipped because of their kind of feature (rivers, hills, buildings...) or for
    /// having no country.
    pub other_features: u64,
    /// Lines skipped as malformed (too few columns, unreadable id or coordinates, not UTF-8).
    pub malformed: u64,
    /// Countries left as they were: a full dump of theirs was imported before, and this
    /// dump (a city list) holds nothing it lacks.
    pub kept: Vec<String>,
}

/// One imported layer, as [`imports`] lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerInfo {
    /// ISO alpha-2 country code.
    pub country: String,
    /// The dump it was imported from (file name).
    pub source: String,
    /// Entries in the layer (places and admin units).
    pub places: usize,
}

/// Whether a GeoNames feature is kept by an import: populated places, admin units of
/// levels 1 to 3, localities, and the sites events happen at (camps, mines, markets,
/// military bases, airports, police and border posts, prisons, bridges, dams, stations).
pub fn keep_feature(fclass: char, fcode: &str) -> bool {
    const SITES: &[&str] = &[
        "CMP", "CMPRF", "CMPMN", "CMPLA", "MN", "MNAU", "MNC", "MKT", "MILB", "INSM", "AIRP",
        "AIRF", "AIRB", "PP", "PSTB", "PRN", "BDG", "DAM", "RSTN",
    ];
    match fclass {
        'P' => true,
        'A' => matches!(fcode, "ADM1" | "ADM2" | "ADM3"),
        'S' => SITES.contains(&fcode),
        'L' => fcode == "LCTY",
        _ => false,
    }
}

/// Imports a GeoNames dump into the gazetteer folder `dir` (created when missing).
///
/// `file` is a plain dump, a `.gz` of one, or a `.zip` holding one (`XX.txt`,
/// `allCountries.txt`, `cities500.txt`...). `progress` is called now and then with the bytes
/// read so far and the dump's size (uncompressed when known, else the file's). Admin names
/// come from the code tables shipped inside tocsin, or from `admin1CodesASCII.txt` and
/// `admin2Codes.txt` beside the dump when they are there.
pub fn import_geonames(
    dir: &Path,
    file: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportSummary> {
    let layers = dir.join(GEONAMES_DIR);
    std::fs::create_dir_all(&layers).map_err(|e| io_error(&layers, e))?;
    // Scratch folders of imports that were stopped half-way go first.
    for entry in std::fs::read_dir(&layers).map_err(|e| io_error(&layers, e))?.flatten() {
        if entry.file_name().to_string_lossy().starts_with(".import-") {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
    let scratch = layers.join(format!(".import-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).map_err(|e| io_error(&scratch, e))?;
    let result = import_into(&layers, &scratch, file, progress);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn import_into(
    layers: &Path,
    scratch: &Path,
    file: &Path,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<ImportSummary> {
    let mut summary = ImportSummary::default();
    let (countries, source) = with_dump(file, |reader, total, source| {
        let countries = split_by_country(reader, total, scratch, &mut summary, progress)?;
        Ok((countries, source.to_string()))
    })?;
    let (mut admin1, mut admin2) = admin_code_tables()?;
    if let Some(folder) = file.parent() {
        for (name, table) in
            [("admin1CodesASCII.txt", &mut admin1), ("admin2Codes.txt", &mut admin2)]
        {
            let path = folder.join(name);
            if path.is_file() {
                table.extend(build::read_code_table(&path)?);
            }
        }
    }
    let shipped = Gazetteer::load_default()?;
    for cc in countries {
        let existing = layer_source(&layers.join(&cc));
        if existing.as_deref().is_some_and(is_full_dump) && !is_full_dump(&source) {
            summary.kept.push(cc);
            continue;
        }
        let rows = read_country(&scratch.join(format!("{cc}.tsv")))?;
        let (places, known) = country_places(rows, &admin1, &admin2, &shipped);
        summary.known += known;
        let index = build::index(&places)?;
        let previous: HashSet<u64> = read_ids(&layers.join(&cc).join("ids.bin"))
            .unwrap_or_default()
            .into_iter()
            .filter(|&id| id != 0)
            .collect();
        let replaced = index.ids.iter().filter(|id| previous.contains(id)).count();
        summary.replaced += replaced;
        summary.added += index.ids.len() - replaced;
        write_layer(layers, &cc, &index, &source)?;
        summary.countries.push(cc);
    }
    Ok(summary)
}

/// Whether a dump holds every GeoNames row of its countries (`XX.txt`, `allCountries.txt`),
/// rather than a city list (`cities500.txt`).
fn is_full_dump(source: &str) -> bool {
    let stem = source.strip_suffix(".txt").unwrap_or(source);
    stem.eq_ignore_ascii_case("allCountries")
        || (stem.len() == 2 && stem.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The dump a layer was imported from, if the layer exists.
fn layer_source(layer: &Path) -> Option<String> {
    let about = std::fs::read_to_string(layer.join("layer.txt")).ok()?;
    about.lines().find_map(|l| l.strip_prefix("source\t")).map(str::to_string)
}

/// Opens a dump, unpacking a `.zip` (its first `.txt` that is not a read-me) or a `.gz`,
/// and hands `f` the reader, its size (uncompressed when known) and its file name.
fn with_dump<T>(file: &Path, f: impl FnOnce(&mut dyn Read, u64, &str) -> Result<T>) -> Result<T> {
    let mut handle = File::open(file).map_err(|e| io_error(file, e))?;
    let size = handle.metadata().map(|m| m.len()).unwrap_or(0);
    let mut magic = [0u8; 4];
    let n = handle.read(&mut magic).map_err(|e| io_error(file, e))?;
    drop(handle);
    let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let handle = File::open(file).map_err(|e| io_error(file, e))?;
    let zip_error = |e: zip::result::ZipError| Error::Data(format!("{}: {e}", file.display()));
    if n == 4 && magic == *b"PK\x03\x04" {
        let mut archive = zip::ZipArchive::new(handle).map_err(zip_error)?;
        let mut chosen = None;
        for i in 0..archive.len() {
            let entry = archive.by_index(i).map_err(zip_error)?;
            let entry_name =
                entry.name().map_err(zip_error)?.rsplit('/').next().unwrap_or("").to_string();
            let lower = entry_name.to_ascii_lowercase();
            if lower.ends_with(".txt") && !lower.starts_with("readme") {
                chosen = Some((i, entry.size(), entry_name));
                break;
            }
        }
        let Some((index, size, entry_name)) = chosen else {
            return Err(Error::Data(format!("{}: no GeoNames dump (.txt) inside", file.display())));
        };
        let mut entry = archive.by_index(index).map_err(zip_error)?;
        return f(&mut entry, size, &entry_name);
    }
    if n >= 2 && magic[..2] == [0x1f, 0x8b] {
        let inner = name.strip_suffix(".gz").unwrap_or(&name).to_string();
        return f(&mut flate2::read::MultiGzDecoder::new(handle), size, &inner);
    }
    let mut handle = handle;
    f(&mut handle, size, &name)
}

/// Streams the dump, writing the rows worth keeping into one file per country; returns the
/// countries met, sorted.
fn split_by_country(
    reader: &mut dyn Read,
    total: u64,
    scratch: &Path,
    summary: &mut ImportSummary,
    progress: &mut dyn FnMut(u64, u64),
) -> Result<Vec<String>> {
    let mut reader = BufReader::with_capacity(1 << 20, reader);
    let mut outputs: BTreeMap<String, BufWriter<File>> = BTreeMap::new();
    let mut line = Vec::new();
    let mut done = 0u64;
    let mut reported = 0u64;
    loop {
        line.clear();
        let n = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| Error::Data(format!("reading the dump: {e}")))?;
        if n == 0 {
            break;
        }
        done += n as u64;
        if done - reported >= 1 << 20 {
            progress(done, total.max(done));
            reported = done;
        }
        let Ok(text) = std::str::from_utf8(&line) else {
            summary.malformed += 1;
            continue;
        };
        let place = match build::parse_dump_line(text) {
            DumpLine::Place(place) => place,
            DumpLine::Blank => continue,
            DumpLine::Malformed => {
                summary.malformed += 1;
                continue;
            }
        };
        summary.rows += 1;
        let cc_ok = place.cc.len() == 2 && place.cc.bytes().all(|b| b.is_ascii_uppercase());
        if !cc_ok || !keep_feature(place.fclass, &place.fcode) {
            summary.other_features += 1;
            continue;
        }
        let out = match outputs.get_mut(&place.cc) {
            Some(out) => out,
            None => {
                let path = scratch.join(format!("{}.tsv", place.cc));
                let file = File::create(&path).map_err(|e| io_error(&path, e))?;
                outputs.entry(place.cc.clone()).or_insert(BufWriter::new(file))
            }
        };
        out.write_all(text.trim_end_matches(['\r', '\n']).as_bytes())
            .and_then(|()| out.write_all(b"\n"))
            .map_err(|e| io_error(scratch, e))?;
    }
    progress(done, total.max(done));
    let mut countries = Vec::new();
    for (cc, mut out) in outputs {
        out.flush().map_err(|e| io_error(scratch, e))?;
        countries.push(cc);
    }
    Ok(countries)
}

fn read_country(path: &Path) -> Result<Vec<RawPlace>> {
    let file = File::open(path).map_err(|e| io_error(path, e))?;
    let mut rows = Vec::new();
    for line in BufReader::new(file).lines() {
        let line = line.map_err(|e| io_error(path, e))?;
        if let DumpLine::Place(place) = build::parse_dump_line(&line) {
            rows.push(*place);
        }
    }
    Ok(rows)
}

/// The admin1 and admin2 code tables shipped inside tocsin.
pub(crate) fn admin_code_tables() -> Result<(HashMap<String, String>, HashMap<String, String>)> {
    let bytes = crate::data::gunzip(ADMIN_CODES_GZ, "admin codes")?;
    let text = std::str::from_utf8(&bytes).map_err(|e| Error::Data(format!("admin codes: {e}")))?;
    Ok(build::parse_admin_codes(text))
}

/// One country's rows made into places: admin names, units at their seats, and what the
/// shipped gazetteer has already left out (returned with how many were left out).
fn country_places(
    mut rows: Vec<RawPlace>,
    admin1: &HashMap<String, String>,
    admin2: &HashMap<String, String>,
    shipped: &Gazetteer,
) -> (Vec<RawPlace>, usize) {
    build::assign_admin_names(&mut rows, admin1, admin2);
    build::fill_missing_admins(&mut rows);
    build::add_admin_units(&mut rows);
    let before = rows.len();
    rows.retain(|row| !shipped.has_place(row));
    let known = before - rows.len();
    (rows, known)
}

fn write_layer(layers: &Path, cc: &str, index: &build::Index, source: &str) -> Result<()> {
    let fresh = layers.join(format!(".{cc}.new"));
    let _ = std::fs::remove_dir_all(&fresh);
    std::fs::create_dir_all(&fresh).map_err(|e| io_error(&fresh, e))?;
    let ids: Vec<u8> = index.ids.iter().flat_map(|id| id.to_le_bytes()).collect();
    let about = format!(
        "country\t{cc}\nsource\t{}\nplaces\t{}\n",
        source.replace(['\t', '\n', '\r'], " "),
        index.ids.len()
    );
    for (name, bytes) in [
        ("places.bin", index.table.as_slice()),
        ("names.fst", index.names.as_slice()),
        ("postings.bin", index.postings.as_slice()),
        ("admins.tsv", index.admins.as_bytes()),
        ("ids.bin", ids.as_slice()),
        ("folded.txt", index.folded.as_bytes()),
        ("layer.txt", about.as_bytes()),
    ] {
        write_atomically(&fresh.join(name), bytes)?;
    }
    let target = layers.join(cc);
    let old = layers.join(format!(".{cc}.old"));
    let _ = std::fs::remove_dir_all(&old);
    if target.exists() {
        std::fs::rename(&target, &old).map_err(|e| io_error(&target, e))?;
    }
    std::fs::rename(&fresh, &target).map_err(|e| io_error(&target, e))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn read_ids(path: &Path) -> Option<Vec<u64>> {
    let bytes = std::fs::read(path).ok()?;
    Some(
        bytes
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]))
            .collect(),
    )
}

/// The layer folders of a gazetteer folder, sorted by country code.
pub(crate) fn layer_dirs(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let layers = dir.join(GEONAMES_DIR);
    let entries = match std::fs::read_dir(&layers) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io_error(&layers, e)),
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .filter_map(|e| {
            let name = e.file_name().to_str()?.to_string();
            let code = name.len() == 2 && name.bytes().all(|b| b.is_ascii_uppercase());
            code.then(|| (name, e.path()))
        })
        .collect();
    out.sort();
    Ok(out)
}

/// The GeoNames layers imported into the gazetteer folder `dir`, by country.
pub fn imports(dir: &Path) -> Result<Vec<LayerInfo>> {
    let mut out = Vec::new();
    for (cc, path) in layer_dirs(dir)? {
        let about = std::fs::read_to_string(path.join("layer.txt")).unwrap_or_default();
        let field = |key: &str| {
            about.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('\t')).map(str::to_string)
        };
        out.push(LayerInfo {
            country: cc,
            source: field("source").unwrap_or_default(),
            places: field("places").and_then(|n| n.parse().ok()).unwrap_or(0),
        });
    }
    Ok(out)
}
