//! Places: the gazetteer and event geocoding.
//!
//! This crate owns the shipped gazetteer (GeoNames, CC BY), admin codes and
//! boundaries; it recognises place mentions in English and French text, resolves
//! them to [`Place`]s with ACLED's `geo_precision`, and ranks them by how likely
//! each is the event's own location. It knows nothing of actors or event types.
//!
//! * [`Gazetteer::load_default`]: the gazetteer embedded in the binary.
//! * [`Gazetteer::load`]: that plus an analyst's gazetteer folder: GeoNames dumps imported
//!   with [`import_geonames`] and places learned from coded events with [`learn_places`].
//! * [`Gazetteer::locate`]: candidate event locations, best first.
//! * [`Gazetteer::countries`]: country names and demonyms in a text.
//! * [`Gazetteer::search`]: look a name up, for `tocsin places search`.
//! * [`build`]: the data build behind `cargo run -p xtask -- gazetteer`.
//!
//! ```no_run
//! use tocsin_model::{Language, Span};
//! let gazetteer = tocsin_places::Gazetteer::load_default()?;
//! let text = "On 3 May, gunmen attacked Seme village (Toeni, Sourou).";
//! let places = gazetteer.locate(text, Span::new(0, text.len()), Language::En);
//! assert_eq!(places[0].value.admin2.as_deref(), Some("Sourou"));
//! # Ok::<(), tocsin_places::Error>(())
//! ```
#![warn(missing_docs)]

pub mod build;
mod countries;
mod data;
mod geo;
mod import;
mod learned;
mod quarters;
mod recognize;
mod regions;
pub mod text;
mod words;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use tocsin_model::{Country, Field, GeoPrecision, Language, Place, Span};

pub use countries::acled_country_name;
use data::{Admins, Entry, ALT_FLAG};
pub use import::{import_geonames, imports, keep_feature, ImportSummary, LayerInfo};
pub use learned::{learn_places, learned_counts, LearnedPlace};
pub use words::{is_english_word, is_given_name};

/// An error loading gazetteer data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The gazetteer data is unreadable.
    #[error("gazetteer: {0}")]
    Data(String),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

const PLACES_BIN: &[u8] = include_bytes!("../../../data/places/places.bin");
const ADMINS_GZ: &[u8] = include_bytes!("../../../data/places/admins.tsv.gz");
const POSTINGS_BIN: &[u8] = include_bytes!("../../../data/places/postings.bin");
const NAMES_FST: &[u8] = include_bytes!("../../../data/places/names.fst");
const BORDERS_GZ: &[u8] = include_bytes!("../../../data/places/borders.txt.gz");

/// A gazetteer entry found by [`Gazetteer::search`]: the place, a score and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The place, with `geo_precision` 1 for towns and 3 for admin units.
    pub place: Place,
    /// Higher is better; comparable within one search only.
    pub score: f32,
    /// Why it matched and how it ranked, in words.
    pub why: String,
    /// GeoNames feature class and code (`P.PPL`, `A.ADM2`...).
    pub feature: String,
    /// Population, 0 when unknown.
    pub population: u32,
    /// The name as the index holds it (folded: lowercase, no accents) that matched.
    pub matched: String,
    /// Where the entry comes from: `shipped`, `GeoNames import XX`, or `learned`.
    pub source: String,
}

/// Knobs of [`Gazetteer::locate_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocateOptions {
    /// ISO codes (alpha-2 or alpha-3) of countries the report is likely about; each counts
    /// like one place name known in that country only, so the text can still overrule it.
    pub prior_countries: Vec<String>,
    /// ISO codes of the countries the desk covers, its focus region. When nothing in the
    /// text (no country word, other place name, group or prior country) says where a name
    /// lies, its entry in the focus region wins over a homonym elsewhere of like standing
    /// (a Malian village `Koro`, not Greece's); a town far larger elsewhere still wins.
    /// Default: [`LocateOptions::WEST_AFRICA`]; empty for none.
    pub focus_countries: Vec<String>,
    /// ISO code of the desk's country: where a report that names no place, and no country,
    /// group or figure tied to one, is coded (its capital, precision 3, low confidence), as
    /// a coder reading one country's press would code it. `None` by default.
    pub desk_country: Option<String>,
}

impl LocateOptions {
    /// The default focus region: the countries of ACLED's Western Africa (the Sahel and
    /// the coastal states from Senegal to Nigeria), for which tocsin is built.
    pub const WEST_AFRICA: &'static str = "Western Africa";

    /// The ISO alpha-2 codes of the countries in an ACLED region (`Western Africa`).
    pub fn region_countries(region: &str) -> Vec<String> {
        Country::all().iter().filter(|c| c.region == region).map(|c| c.alpha2.to_string()).collect()
    }
}

impl Default for LocateOptions {
    fn default() -> Self {
        LocateOptions {
            prior_countries: Vec::new(),
            focus_countries: Self::region_countries(Self::WEST_AFRICA),
            desk_country: None,
        }
    }
}

/// The place index every lookup goes through.
pub struct Gazetteer {
    entries: Vec<Entry>,
    admins: Vec<Admins>,
    layers: Vec<Layer>,
    /// Entries whose admin names and coordinates come from a learned place.
    learned: std::collections::HashSet<u32>,
    borders: Vec<Border>,
    by_country: HashMap<[u8; 2], Vec<u32>>,
    capitals: HashMap<[u8; 2], u32>,
    /// Towns that are the seat of a first- or second-level unit.
    seats: std::collections::HashSet<u32>,
    country_words: HashMap<String, ([u8; 2], bool, bool)>,
    /// Per country, folded preferred names by length, for spelling guesses.
    folded: std::sync::Mutex<HashMap<[u8; 2], std::sync::Arc<FoldedNames>>>,
    /// Folded preferred names stored with imported layers, by entry (empty when none are).
    prefolded: Vec<Option<&'static str>>,
    /// GeoNames' second-level units by country and folded first-level name: folded name and
    /// name, read from the shipped code tables when first needed.
    units: std::sync::OnceLock<UnitNames>,
}

/// Second-level unit names (folded, as written) by country and folded first-level name.
type UnitNames = HashMap<([u8; 2], String), Vec<(String, String)>>;

/// The shipped code tables' second-level units under their first-level ones.
fn unit_names() -> UnitNames {
    let mut out: UnitNames = HashMap::new();
    let Ok((admin1, admin2)) = import::admin_code_tables() else { return out };
    for (code, name) in &admin2 {
        let Some((parent, _)) = code.rsplit_once('.') else { continue };
        let (Some(region), [a, b, ..]) = (admin1.get(parent), parent.as_bytes()) else {
            continue;
        };
        let region = text::fold(&build::clean_admin_name(region));
        let name = build::clean_admin_name(name);
        out.entry(([*a, *b], region)).or_default().push((text::fold(&name), name));
    }
    out
}

/// The population from which a town is taken for the seat of the unit that bears its name
/// in its region (below it, a village may share a unit's name and lie elsewhere in it).
const TOWN_POPULATION_FOR_UNIT: u32 = 1_000;

/// The key of [`Gazetteer::folded_names`] for every country at once.
const ALL_COUNTRIES: [u8; 2] = [0, 0];

/// The key of every country's [`big_town`]s among the folded names.
const BIG_TOWNS: [u8; 2] = [0, 1];

/// Whether an entry is a big town: a capital, a region's seat or a city of 50,000 people,
/// whose misspellings are worth guessing anywhere.
fn big_town(entry: &Entry) -> bool {
    entry.fclass == b'P' && (matches!(entry.fcode, "PPLC" | "PPLA") || entry.population >= 50_000)
}

/// Folded preferred names by their length in bytes, with their entries and letters.
type FoldedNames = HashMap<usize, Vec<(u32, Cow<'static, str>, Option<Letters>)>>;

/// How many of each letter, digit and space a folded name holds: enough to bound how alike
/// two names can be without comparing them (see [`similarity_bound`]).
#[derive(Debug, Clone, Copy)]
struct Letters([u8; 37]);

impl Letters {
    /// The counts of a folded name; `None` when it holds anything else.
    fn of(name: &str) -> Option<Letters> {
        let mut counts = [0u8; 37];
        for byte in name.bytes() {
            let slot = match byte {
                b'a'..=b'z' => byte - b'a',
                b'0'..=b'9' => 26 + byte - b'0',
                b' ' => 36,
                _ => return None,
            };
            let count = counts.get_mut(usize::from(slot))?;
            *count = count.saturating_add(1);
        }
        Some(Letters(counts))
    }

    /// How many characters the two names have in common, counted with repeats.
    fn shared(&self, other: &Letters) -> usize {
        self.0.iter().zip(other.0.iter()).map(|(a, b)| usize::from(*a.min(b))).sum()
    }
}

/// An upper bound of `max(normalized_levenshtein, jaro_winkler - 0.05)` for two names of
/// `a` and `b` characters sharing `shared` of them: Levenshtein needs an edit for each
/// character of the longer name left unshared, Jaro matches only shared characters, and
/// Winkler's prefix bonus adds at most 0.4 of what Jaro leaves.
fn similarity_bound(shared: usize, a: usize, b: usize) -> f64 {
    if a == 0 || b == 0 {
        return 1.0;
    }
    let (shared, a, b) = (shared as f64, a as f64, b as f64);
    let levenshtein = shared / a.max(b);
    let jaro = (shared / a + shared / b + 1.0) / 3.0;
    let winkler = 0.6 * jaro + 0.4;
    // A hair of slack keeps float rounding from dropping a pair at the threshold.
    levenshtein.max(winkler - 0.05) + 1e-9
}

/// One source of entries: the shipped gazetteer, an imported country, learned places.
struct Layer {
    /// Id of the layer's first entry.
    base: u32,
    /// Number of entries.
    len: u32,
    /// Folded names → offsets into the postings.
    names: fst::Map<Cow<'static, [u8]>>,
    postings: data::Postings,
    /// Where the layer comes from, in words.
    source: String,
}

/// A layer read from its files, before it joins the gazetteer.
struct Part {
    /// Each entry's folded preferred name, when the layer stores them.
    folded: Option<Vec<&'static str>>,
    entries: Vec<Entry>,
    admins: Vec<Admins>,
    names: fst::Map<Cow<'static, [u8]>>,
    postings: data::Postings,
    source: String,
}

impl std::fmt::Debug for Gazetteer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gazetteer").field("entries", &self.entries.len()).finish()
    }
}

/// One border polyline with its bounding box (lon/lat).
struct Border {
    points: Vec<(f64, f64)>,
    min: (f64, f64),
    max: (f64, f64),
}

impl Gazetteer {
    /// The gazetteer that ships inside tocsin.
    pub fn load_default() -> Result<Gazetteer> {
        let admins = data::gunzip(ADMINS_GZ, "admins")?;
        let borders = data::gunzip(BORDERS_GZ, "borders")?;
        let text = |bytes: &[u8], what: &str| {
            std::str::from_utf8(bytes)
                .map(str::to_string)
                .map_err(|e| Error::Data(format!("{what}: {e}")))
        };
        let part = Part {
            folded: None,
            entries: data::parse_entries(PLACES_BIN)?,
            admins: data::parse_admins(&text(&admins, "admins")?),
            names: fst::Map::new(Cow::Borrowed(NAMES_FST))
                .map_err(|e| Error::Data(format!("names: {e}")))?,
            postings: data::Postings(Cow::Borrowed(POSTINGS_BIN)),
            source: "shipped".to_string(),
        };
        let borders = data::parse_borders(&text(&borders, "borders")?);
        let mut gazetteer = Gazetteer::with_borders(borders);
        gazetteer.push(part)?;
        gazetteer.index_countries();
        Ok(gazetteer)
    }

    /// The shipped gazetteer plus what the gazetteer folder `dir` holds: GeoNames dumps
    /// imported with [`import_geonames`] and places learned with [`learn_places`]. A
    /// missing folder adds nothing.
    ///
    /// The imported places' names are kept for the life of the process (as the shipped
    /// ones are): load a gazetteer once and share it. Imported places cost about 160 bytes
    /// each in memory (1.8 million: 290 MB, loaded in about 0.45 s).
    pub fn load(dir: Option<&Path>) -> Result<Gazetteer> {
        let mut gazetteer = Gazetteer::load_default()?;
        let Some(dir) = dir else { return Ok(gazetteer) };
        for (cc, path) in import::layer_dirs(dir)? {
            gazetteer.push(read_layer(&path, format!("GeoNames import {cc}"))?)?;
        }
        let learned = learned::read_learned(dir)?;
        gazetteer.learn(&learned)?;
        gazetteer.index_countries();
        Ok(gazetteer)
    }

    fn with_borders(borders: Vec<Vec<(f64, f64)>>) -> Gazetteer {
        let borders = borders
            .into_iter()
            .map(|points| {
                let mut min = (f64::MAX, f64::MAX);
                let mut max = (f64::MIN, f64::MIN);
                for &(x, y) in &points {
                    min = (min.0.min(x), min.1.min(y));
                    max = (max.0.max(x), max.1.max(y));
                }
                Border { points, min, max }
            })
            .collect();
        Gazetteer {
            entries: Vec::new(),
            admins: Vec::new(),
            layers: Vec::new(),
            learned: Default::default(),
            borders,
            by_country: HashMap::new(),
            capitals: HashMap::new(),
            seats: Default::default(),
            country_words: country_word_table(),
            folded: Default::default(),
            prefolded: Vec::new(),
            units: Default::default(),
        }
    }

    /// Adds a layer's entries after those already there.
    fn push(&mut self, part: Part) -> Result<()> {
        let Part { folded, mut entries, admins, names, postings, source } = part;
        if let Some(bad) = entries.iter().position(|e| e.admin as usize >= admins.len()) {
            return Err(Error::Data(format!(
                "{source}: places row {}: admin index out of range",
                bad + 1
            )));
        }
        if let Some(bad) =
            entries.iter().position(|e| e.seat.is_some_and(|s| s as usize >= entries.len()))
        {
            return Err(Error::Data(format!(
                "{source}: places row {}: seat out of range",
                bad + 1
            )));
        }
        let base = self.entries.len() as u32;
        let admin_base = self.admins.len() as u32;
        if (self.entries.len() + entries.len()) as u64 >= u64::from(data::ALT_FLAG) {
            return Err(Error::Data(format!("{source}: too many places")));
        }
        for entry in &mut entries {
            entry.admin += admin_base;
            entry.seat = entry.seat.map(|s| s + base);
        }
        let len = entries.len() as u32;
        match folded.filter(|f| f.len() == entries.len()) {
            Some(folded) => {
                self.prefolded.resize(self.entries.len(), None);
                self.prefolded.extend(folded.into_iter().map(Some));
            }
            None if !self.prefolded.is_empty() => {
                self.prefolded.resize(self.entries.len() + entries.len(), None);
            }
            None => {}
        }
        self.entries.extend(entries);
        self.admins.extend(admins);
        self.layers.push(Layer { base, len, names, postings, source });
        Ok(())
    }

    /// Rebuilds the per-country tables once every layer is in.
    fn index_countries(&mut self) {
        let mut by_country: HashMap<[u8; 2], Vec<u32>> = HashMap::new();
        let mut capitals = HashMap::new();
        let mut seats = std::collections::HashSet::new();
        for (idx, entry) in self.entries.iter().enumerate() {
            by_country.entry(entry.cc).or_default().push(idx as u32);
            if entry.admin_level().is_some_and(|l| l <= 2) {
                seats.extend(entry.seat);
            }
            if entry.fcode == "PPLC" {
                // The first layer's capital stands: imports only add places.
                capitals.entry(entry.cc).or_insert(idx as u32);
            }
        }
        self.by_country = by_country;
        self.capitals = capitals;
        self.seats = seats;
        self.folded = Default::default();
    }

    /// Applies learned places: one naming a known town, site or locality of its country
    /// within 5 km gives that place its admin names and coordinates; the others become
    /// populated places of their own.
    fn learn(&mut self, learned: &[learned::Stored]) -> Result<()> {
        let mut new = Vec::new();
        for stored in learned {
            let p = &stored.place;
            let cc = stored.cc.as_bytes();
            let nearest = self
                .lookup(&text::fold(&p.name))
                .into_iter()
                .filter_map(|(id, _)| Some((id, self.entries.get(id as usize)?)))
                .filter(|(_, e)| e.cc == cc && matches!(e.fclass, b'P' | b'S' | b'L'))
                .map(|(id, e)| (id, geo::distance_km(e.lat, e.lon, p.latitude, p.longitude)))
                .filter(|(_, d)| *d <= 5.0)
                .min_by(|a, b| a.1.total_cmp(&b.1));
            let admins = Admins {
                admin1: p.admin1.as_deref().map(Box::from),
                admin2: p.admin2.as_deref().map(Box::from),
                admin3: p.admin3.as_deref().map(Box::from),
            };
            match nearest {
                Some((id, _)) => {
                    let admin = self.admins.len() as u32;
                    self.admins.push(admins);
                    if let Some(entry) = self.entries.get_mut(id as usize) {
                        entry.admin = admin;
                        entry.lat = p.latitude;
                        entry.lon = p.longitude;
                    }
                    self.learned.insert(id);
                }
                None => new.push(build::RawPlace {
                    geonameid: 0,
                    name: p.name.clone(),
                    alternates: Vec::new(),
                    lat: p.latitude,
                    lon: p.longitude,
                    cc: stored.cc.clone(),
                    fclass: 'P',
                    fcode: "PPL".to_string(),
                    population: 0,
                    admin1: p.admin1.clone(),
                    admin2: p.admin2.clone(),
                    admin3: p.admin3.clone(),
                    codes: Default::default(),
                }),
            }
        }
        if new.is_empty() {
            return Ok(());
        }
        let index = build::index(&new)?;
        let base = self.entries.len() as u32;
        let part = part_from(
            index.table,
            &index.admins,
            index.names,
            index.postings,
            "learned",
            Some(index.folded),
        )?;
        self.push(part)?;
        self.learned.extend(base..self.entries.len() as u32);
        Ok(())
    }

    /// Whether the gazetteer has a dump row already: an admin unit of the same level and
    /// name in its country, or a place of the same class and name within 0.001°.
    pub(crate) fn has_place(&self, row: &build::RawPlace) -> bool {
        let cc = row.cc.as_bytes();
        let mut names = vec![text::fold(&row.name)];
        if row.fclass == 'A' {
            names.push(text::fold(&build::clean_admin_name(&row.name)));
        }
        names.iter().any(|name| {
            self.lookup(name).into_iter().filter_map(|(id, _)| self.entries.get(id as usize)).any(
                |e| {
                    e.cc == cc
                        && e.fclass == row.fclass as u8
                        && if row.fclass == 'A' {
                            e.fcode == row.fcode
                        } else {
                            (e.lat - row.lat).abs() <= 1e-3 && (e.lon - row.lon).abs() <= 1e-3
                        }
                },
            )
        })
    }

    /// Where an entry comes from, in words.
    fn source_of(&self, id: u32) -> &str {
        self.layers
            .iter()
            .find(|l| id >= l.base && id - l.base < l.len)
            .map(|l| l.source.as_str())
            .unwrap_or("")
    }

    /// Number of entries (places, features and admin units).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the gazetteer has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Candidate event locations for the event described at `focus` in `text`, best first.
    ///
    /// `text` is the whole report, so country context from elsewhere in it can help;
    /// every returned span lies in `text`. Each place is named as the report writes it
    /// (its span's words) and carries the gazetteer entry's coordinates and admin names:
    ///
    /// * a town or village: `geo_precision` 1, or 2 after `near`, `km from`, `area of`,
    ///   `between`, `south of`;
    /// * an admin unit only (`Soum province`): its own name, coded to its seat, precision 3
    ///   (2 for a third-level unit);
    /// * a part of a country (`northern Togo`, `l'est du Burkina`, `le nord du pays`): a
    ///   known town of that part named in the report, else the seat of the first-level unit
    ///   lying deepest in it, named for that town, precision 3;
    /// * a name the gazetteer lacks but the words call a place (`the village of X`,
    ///   `X (Djibo, Soum)`, `X in Idleb`): coded to the admin hint's seat, the report's best
    ///   known place, the part of a country the words name, or its country, under its own
    ///   name, with the precision its words give it as the codebook reads them (ACLED's
    ///   coders find the point a report names): 1 for a named village, 2 `near` it or in
    ///   `the area of` it or for a district of its name, 3 for a larger unit; its
    ///   coordinates are only as good as that anchor. Only a name placed by a first-level
    ///   hint alone (`X (Savanes, Togo)`) is named for the hint's seat, precision 2;
    /// * a country only: the country, coded to its capital, precision 3.
    ///
    /// A country "coded to its capital" is coded instead to the seat of the region the
    /// report's groups point to, when they point to one (`Dan Na Ambassagou`: Mopti; the
    /// OSCE's monitors in Ukraine: Donetsk), since ACLED codes a place known only within a
    /// region to the provincial capital. Those regions also choose among places of one name,
    /// and a report's groups keep a far homonym (a village on another continent than the
    /// countries they act in) from winning. Admin names are written as ACLED writes them
    /// (`Idleb`, `Komandjari`, `Nisava`).
    ///
    /// A hint list after the place (`X (A, B)`, also after `X and Y` or `X [Y]`) that names
    /// a second-level unit of the place's region overrides GeoNames' code for it; when B is
    /// that unit, A is the third-level unit. Otherwise the third-level unit is known only
    /// for a seat: a town seating a first- or second-level unit (or coded `PPLA3`) seats the
    /// third-level unit of its own name where units are named for their seats (Burkina
    /// Faso, Mali, Niger, Syria, Pakistan...), `Central` in Iran; elsewhere none.
    ///
    /// Confidence is low for the last two kinds.
    pub fn locate(&self, text: &str, focus: Span, language: Language) -> Vec<Field<Place>> {
        recognize::locate(self, text, focus, language, &LocateOptions::default())
    }

    /// [`Gazetteer::locate`] with options, such as countries the caller already knows the
    /// report is about (from its source, or from the actors it names).
    pub fn locate_with(
        &self,
        text: &str,
        focus: Span,
        language: Language,
        options: &LocateOptions,
    ) -> Vec<Field<Place>> {
        recognize::locate(self, text, focus, language, options)
    }

    /// Country names and demonyms in `text` (English and French), in text order.
    pub fn countries(&self, text: &str) -> Vec<(Span, Country)> {
        let tokens = text::tokenize(text);
        recognize::find_countries(self, text, &tokens)
            .into_iter()
            .filter_map(|m| {
                let code = std::str::from_utf8(&m.cc).ok()?;
                Some((m.span, Country::from_code(code)?))
            })
            .collect()
    }

    /// Gazetteer entries named `name` (any spelling GeoNames knows, accents and case
    /// ignored), best first; `country` (ISO alpha-2 or alpha-3) restricts the search.
    pub fn search(&self, name: &str, country: Option<&str>) -> Vec<Candidate> {
        let folded = text::fold(name);
        let country = country.and_then(Country::from_code).map(|c| c.alpha2);
        let mut out: Vec<Candidate> = Vec::new();
        let mut hits = self.lookup(&folded);
        let fuzzy = hits.is_empty();
        if fuzzy {
            hits = self
                .fuzzy_lookup(&folded, country, 0.85)
                .into_iter()
                .map(|(id, _)| (id, true))
                .collect();
        }
        for (id, alternate) in hits {
            let Some(entry) = self.entries.get(id as usize) else { continue };
            if country.is_some_and(|c| c != entry.country_code()) {
                continue;
            }
            let mut score = recognize::prior(entry, alternate);
            if country.is_some() {
                score += 1.0;
            }
            let feature = format!("{}.{}", entry.fclass as char, entry.fcode);
            let mut why = format!(
                "{} name{}; {} {}; population {}",
                if alternate { "alternate" } else { "preferred" },
                if fuzzy { " (spelling variant)" } else { "" },
                feature,
                recognize::feature_words(entry),
                entry.population
            );
            if country.is_some() {
                why.push_str("; in the country asked for");
            }
            let source = self.source_of(id).to_string();
            if self.learned.contains(&id) {
                why.push_str(if source == "learned" {
                    "; learned from coded events"
                } else {
                    "; admin names and coordinates learned from coded events"
                });
            }
            let precision = if entry.admin_level().is_some_and(|l| l <= 2) {
                GeoPrecision::Region
            } else {
                GeoPrecision::Town
            };
            out.push(Candidate {
                place: self.place(id, precision, None),
                score,
                why,
                feature,
                population: entry.population,
                matched: if fuzzy { text::fold(entry.name) } else { folded.clone() },
                source,
            });
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score));
        out
    }

    /// The entries whose names fold to `folded`, with whether the name is an alternate.
    fn lookup(&self, folded: &str) -> Vec<(u32, bool)> {
        let mut out = Vec::new();
        for layer in &self.layers {
            let Some(offset) = layer.names.get(folded) else { continue };
            let offset = offset as usize;
            let count = layer.postings.get(offset).unwrap_or(0) as usize;
            // A damaged count cannot reach past the postings.
            let end = (offset + 1).saturating_add(count).min(layer.postings.0.len() / 4);
            out.extend(
                (offset + 1..end)
                    .filter_map(|i| layer.postings.get(i))
                    .map(|p| (p & !ALT_FLAG, p & ALT_FLAG != 0))
                    .filter(|(id, _)| *id < layer.len)
                    .map(|(id, alt)| (layer.base + id, alt)),
            );
        }
        // ACLED's spelling of an admin unit (`Idleb`): GeoNames' name in that country, as
        // good as a preferred name.
        if out.is_empty() {
            for &(cc, geonames) in countries::geonames_names_for(folded) {
                let name = text::fold(geonames);
                if name == folded {
                    continue;
                }
                out.extend(
                    self.lookup(&name)
                        .into_iter()
                        .filter(|&(id, _)| {
                            self.entries.get(id as usize).is_some_and(|e| e.country_code() == cc)
                        })
                        .map(|(id, _)| (id, false)),
                );
            }
        }
        out
    }

    /// Entries of `country` (or all) whose preferred name is close to `folded`.
    fn fuzzy_lookup(&self, folded: &str, country: Option<&str>, threshold: f64) -> Vec<(u32, f64)> {
        // Every country's names under the key no country has.
        let key = match country.map(|c| c.as_bytes()) {
            Some(&[a, b]) => [a, b],
            _ => ALL_COUNTRIES,
        };
        self.fuzzy_in(key, folded, threshold)
    }

    /// The [`big_town`]s of every country whose preferred name is close to `folded`.
    fn fuzzy_lookup_big_towns(&self, folded: &str, threshold: f64) -> Vec<(u32, f64)> {
        self.fuzzy_in(BIG_TOWNS, folded, threshold)
    }

    /// Entries under a [`Gazetteer::folded_names`] key whose preferred name is close to
    /// `folded`, best first.
    fn fuzzy_in(&self, key: [u8; 2], folded: &str, threshold: f64) -> Vec<(u32, f64)> {
        let mut out = Vec::new();
        let wanted = Letters::of(folded);
        let mut consider = |id: u32, name: &str, letters: Option<&Letters>| {
            if name.len().abs_diff(folded.len()) > 3 {
                return;
            }
            // Folded names are ASCII, so bytes are characters.
            if let (Some(wanted), Some(letters)) = (&wanted, letters) {
                let bound = similarity_bound(wanted.shared(letters), folded.len(), name.len());
                if bound < threshold {
                    return;
                }
            }
            let similarity = strsim::normalized_levenshtein(name, folded)
                .max(strsim::jaro_winkler(name, folded) - 0.05);
            if similarity >= threshold {
                out.push((id, similarity));
            }
        };
        let names = self.folded_names(key);
        let lengths = folded.len().saturating_sub(3)..=folded.len() + 3;
        for bucket in lengths.filter_map(|len| names.get(&len)) {
            for (id, name, letters) in bucket {
                consider(*id, name, letters.as_ref());
            }
        }
        // Best first; among equals, the first entry (as a scan in id order gives).
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }

    /// A country's folded preferred names by length (every country's under
    /// [`ALL_COUNTRIES`], the big towns' under [`BIG_TOWNS`]), folded once and kept for
    /// later spelling guesses.
    fn folded_names(&self, cc: [u8; 2]) -> std::sync::Arc<FoldedNames> {
        let mut cache = self.folded.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        cache
            .entry(cc)
            .or_insert_with(|| {
                let mut names: FoldedNames = HashMap::new();
                let ids: Box<dyn Iterator<Item = u32>> = if cc == ALL_COUNTRIES {
                    Box::new(0..self.entries.len() as u32)
                } else if cc == BIG_TOWNS {
                    Box::new(
                        (0..self.entries.len() as u32)
                            .filter(|&id| self.entries.get(id as usize).is_some_and(big_town)),
                    )
                } else {
                    Box::new(self.by_country.get(&cc).into_iter().flatten().copied())
                };
                for id in ids {
                    let Some(entry) = self.entries.get(id as usize) else { continue };
                    let name = match self.prefolded.get(id as usize).copied().flatten() {
                        Some(stored) => Cow::Borrowed(stored),
                        None => Cow::Owned(text::fold(entry.name)),
                    };
                    let letters = Letters::of(&name);
                    names.entry(name.len()).or_default().push((id, name, letters));
                }
                std::sync::Arc::new(names)
            })
            .clone()
    }

    /// Distance in km from a point to the nearest international border.
    pub fn border_distance_km(&self, lat: f64, lon: f64) -> Option<f64> {
        let mut best = f64::MAX;
        for border in &self.borders {
            // Skip lines whose box is farther than the best distance so far.
            let dx = (border.min.0 - lon).max(lon - border.max.0).max(0.0);
            let dy = (border.min.1 - lat).max(lat - border.max.1).max(0.0);
            let box_km = (dy * 111.0).max(dx * 111.0 * lat.to_radians().cos().abs());
            if box_km > best {
                continue;
            }
            for pair in border.points.windows(2) {
                let d = geo::segment_distance_km(lat, lon, pair[0], pair[1]);
                best = best.min(d);
            }
        }
        (best < f64::MAX).then(|| (best * 10.0).round() / 10.0)
    }

    /// A first-level region of `cc` named `admin1` (GeoNames' name, folded), coded to its
    /// seat at precision 3: where ACLED codes an event known only within that region.
    fn region_place(&self, cc: [u8; 2], admin1: &str) -> Option<Place> {
        let id = self.lookup(admin1).into_iter().map(|(id, _)| id).find(|&id| {
            self.entries.get(id as usize).is_some_and(|e| e.cc == cc && e.admin_level() == Some(1))
        })?;
        Some(self.place(id, GeoPrecision::Region, None))
    }

    /// A country-level place: the country's capital, precision 3, as ACLED codes an event
    /// known only to lie in the country.
    fn country_place(&self, cc: [u8; 2]) -> Option<Place> {
        let capital = self.entries.get(*self.capitals.get(&cc)? as usize)?;
        let code = std::str::from_utf8(&cc).ok()?.to_string();
        // Coded to the capital, so the capital's admin units.
        let admins = self.admins.get(capital.admin as usize).cloned().unwrap_or_default();
        let round = |x: f64| (x * 1e4).round() / 1e4;
        Some(Place {
            country: acled_country_name(&code),
            location: capital.name.to_string(),
            country_code: code,
            admin1: admins.admin1.map(String::from),
            admin2: admins.admin2.map(String::from),
            admin3: admins.admin3.map(String::from),
            latitude: round(capital.lat),
            longitude: round(capital.lon),
            geo_precision: GeoPrecision::Region,
            border_distance_km: self.border_distance_km(capital.lat, capital.lon),
            coordinates_of: None,
        })
    }

    /// A part of a country (`northern Togo`): a known town of that part from `known` (the
    /// first that lies there), else the seat of the first-level unit lying deepest in it;
    /// precision 3 either way.
    fn part_place(&self, cc: [u8; 2], part: regions::Part, known: &[Place]) -> Option<Place> {
        let frame = regions::Frame::of(self, cc)?;
        let code = std::str::from_utf8(&cc).ok()?;
        let town = known.iter().find(|p| {
            p.country_code == code
                && p.geo_precision != GeoPrecision::Region
                && part.contains(frame.position(p.latitude, p.longitude))
        });
        if let Some(town) = town {
            return Some(Place { geo_precision: GeoPrecision::Region, ..town.clone() });
        }
        let unit = frame.unit_in(part)?;
        Some(self.place(unit, GeoPrecision::Region, None))
    }

    /// The second-level unit of the town's first-level unit that bears the town's name.
    fn unit_named_for(&self, town: &Entry, admin1: Option<&str>) -> Option<Box<str>> {
        let region = text::fold(admin1?);
        let units = self.units.get_or_init(unit_names).get(&(town.cc, region))?;
        let name = text::fold(town.name);
        let (_, unit) = units.iter().find(|(folded, _)| *folded == name)?;
        Some(unit.as_str().into())
    }

    /// The model place for an entry: admin units are coded to their seat.
    fn place(&self, id: u32, precision: GeoPrecision, location: Option<&str>) -> Place {
        let entry = &self.entries[id as usize];
        let seat = entry.seat.and_then(|s| self.entries.get(s as usize)).unwrap_or(entry);
        // An admin unit is coded to its seat, with the seat's admin names below the unit.
        let admin_of = if entry.fclass == b'A' { seat.admin } else { entry.admin };
        let mut admins = self.admins.get(admin_of as usize).cloned().unwrap_or_default();
        // A city gives its name to the second-level unit it seats (Guadalajara, Monterrey),
        // whatever unit the nearest-point guess of the build gave it.
        if entry.fclass == b'P' && entry.population >= TOWN_POPULATION_FOR_UNIT {
            if let Some(unit) = self.unit_named_for(entry, admins.admin1.as_deref()) {
                admins.admin2 = Some(unit);
            }
        }
        let cc = entry.country_code().to_string();
        let round = |x: f64| (x * 1e4).round() / 1e4;
        Place {
            country: acled_country_name(&cc),
            country_code: cc,
            admin1: admins.admin1.map(String::from),
            admin2: admins.admin2.map(String::from),
            admin3: admins.admin3.map(String::from),
            location: location.map(str::to_string).unwrap_or_else(|| seat.name.to_string()),
            latitude: round(seat.lat),
            longitude: round(seat.lon),
            geo_precision: precision,
            border_distance_km: self.border_distance_km(seat.lat, seat.lon),
            coordinates_of: None,
        }
    }
}

/// A layer from its files' bytes; the entry table is kept for the life of the process, since
/// entries borrow their names from it.
fn part_from(
    table: Vec<u8>,
    admins: &str,
    names: Vec<u8>,
    postings: Vec<u8>,
    source: &str,
    folded: Option<String>,
) -> Result<Part> {
    let folded = folded.map(|text| {
        let text: &'static str = Box::leak(text.into_boxed_str());
        text.lines().collect::<Vec<&'static str>>()
    });
    let table: &'static [u8] = Box::leak(table.into_boxed_slice());
    let names = fst::Map::new(Cow::Owned(names))
        .map_err(|e| Error::Data(format!("{source}: names: {e}")))?;
    Ok(Part {
        folded,
        entries: data::parse_entries(table).map_err(|e| Error::Data(format!("{source}: {e}")))?,
        admins: data::parse_admins(admins),
        names,
        postings: data::Postings(Cow::Owned(postings)),
        source: source.to_string(),
    })
}

/// Reads an imported layer's folder.
fn read_layer(path: &Path, source: String) -> Result<Part> {
    let read = |name: &str| {
        let file = path.join(name);
        std::fs::read(&file).map_err(|e| Error::Data(format!("{}: {e}", file.display())))
    };
    let admins = String::from_utf8(read("admins.tsv")?)
        .map_err(|e| Error::Data(format!("{}: admins: {e}", path.display())))?;
    // Older layers have no folded names: they are folded when needed.
    let folded = std::fs::read_to_string(path.join("folded.txt")).ok();
    part_from(
        read("places.bin")?,
        &admins,
        read("names.fst")?,
        read("postings.bin")?,
        &source,
        folded,
    )
}

/// Folded country names and demonyms → (country code, whether a lowercase form is
/// allowed, whether it is a name rather than a demonym).
fn country_word_table() -> HashMap<String, ([u8; 2], bool, bool)> {
    let mut table = HashMap::new();
    let code = |cc: &str| -> [u8; 2] {
        let b = cc.as_bytes();
        [*b.first().unwrap_or(&b'?'), *b.get(1).unwrap_or(&b'?')]
    };
    for country in Country::all() {
        table.insert(text::fold(country.name), (code(country.alpha2), false, true));
        table.insert(
            text::fold(&acled_country_name(country.alpha2)),
            (code(country.alpha2), false, true),
        );
    }
    for (cc, names, demonyms) in countries::COUNTRY_WORDS {
        for word in *names {
            table.insert(text::fold(word), (code(cc), false, true));
        }
        for word in *demonyms {
            let lower_ok = countries::is_lowercase_form(word);
            let folded = text::fold(word);
            for form in [format!("{folded}s"), format!("{folded}es")] {
                table.entry(form).or_insert((code(cc), lower_ok, false));
            }
            table.insert(folded, (code(cc), lower_ok, false));
        }
    }
    table
}

#[cfg(test)]
mod tests;
