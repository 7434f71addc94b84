//! Learned actors: names an analyst's own coded history adds to the shipped knowledge base.
//!
//! Learned entries live in TOML files of the shipped schema (`[[actor]]` tables, see
//! `data/actors/actors.toml`) in a folder of the analyst's, `learned.toml` being the one
//! `tocsin import acled` writes. A learned entry whose name the shipped data knows adds
//! aliases, acronyms, countries, leaders, allies and rivals to it and never changes its
//! inter code or its family; any other learned entry is a new actor.
//!
//! ACLED's state forces (`Military Forces of Mali (2021-)`) and generic actors
//! (`Civilians (Mali)`, `Unidentified Armed Group (Niger)`) are never learned as named
//! actors: recognition already names them from generic words and the event's country.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use tocsin_model::{Country, Inter};

use crate::kb::{ActorEntry, Kb};
use crate::normalize::normalize;
use crate::{Error, Result};

/// The file `tocsin import acled` writes learned actors to, inside the learned folder.
pub const LEARNED_FILE: &str = "learned.toml";

/// Where a knowledge-base entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Shipped inside tocsin, unchanged.
    Shipped,
    /// Shipped inside tocsin, with names or countries a learned file adds.
    ShippedExtended,
    /// Added by a learned file.
    Learned,
}

/// What the knowledge base makes of an actor name written the way ACLED writes names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameClass {
    /// A named actor of the book (shipped or learned): its canonical name.
    Known(String),
    /// State forces or a government (`Military Forces of Mali (2021-)`): the country's
    /// ISO alpha-2 code, when the name's country is known.
    StateForces(Option<String>),
    /// A generic actor (`Civilians (Mali)`, `Unidentified Armed Group (Niger)`): the
    /// generic label and the country's code, when known.
    Generic(String, Option<String>),
    /// A name the book does not know.
    New,
}

/// What learning one name did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learned {
    /// A new actor, added to the learned file.
    New,
    /// An actor already known (shipped or learned); a learned entry may have gained a
    /// country or its inter code.
    Known,
    /// State forces or a generic actor, which are not learned as named actors (or a
    /// blank name).
    Generic,
}

/// Prefixes of ACLED's names for state forces and governments.
const STATE_PREFIXES: &[&str] = &[
    "military forces of ",
    "police forces of ",
    "government of ",
    "former military forces of ",
    "former police forces of ",
    "mutiny of military forces of ",
    "mutiny of police forces of ",
    "former government of ",
];

/// ACLED's generic labels, written before the country in parentheses.
const GENERIC_LABELS: &[&str] = &[
    "civilians",
    "protesters",
    "rioters",
    "sole perpetrator",
    "private security forces",
    "unidentified armed group",
    "unidentified communal militia",
    "unidentified clan militia",
    "unidentified gang",
    "unidentified military forces",
    "unidentified police forces",
    "unidentified ethnic militia",
    "vigilante group",
    "labor group",
    "labour group",
    "health workers",
    "muslim group",
    "christian group",
    "catholic christian group",
    "protestant christian group",
    "religious group",
    "refugees/idps",
    "taxi/bus drivers",
    "prison guards",
    "local administrators",
    "government officials",
];

/// Endings of names ACLED writes per country, learned as `{country}` templates.
const TEMPLATE_ENDINGS: &[&str] =
    &["ethnic militia", "communal militia", "clan militia", "ethnic group", "tribal militia"];

/// Every `*.toml` file of `dir`, in name order: the learned entries to add.
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<ActorEntry>> {
    let listing = match std::fs::read_dir(dir) {
        Ok(listing) => listing,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::Data(format!("{}: {e}", dir.display()))),
    };
    let mut paths: Vec<PathBuf> = listing
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
        out.extend(crate::kb::parse_actors(&text, &path.display().to_string())?);
    }
    Ok(out)
}

/// Adds learned entries to the knowledge base (and their names to `index`); returns each
/// entry's origin, in the order of `kb.actors`.
pub(crate) fn merge(kb: &mut Kb, index: &mut NameIndex, learned: Vec<ActorEntry>) -> Vec<Origin> {
    let mut origins = vec![Origin::Shipped; kb.actors.len()];
    for entry in learned {
        // "A and/or B" is a hesitation between two actors, never an actor of its own.
        if entry.name.contains(" and/or ") {
            continue;
        }
        // "MNLA: Another spelling": a new long name of a known acronym is an alias.
        let by_acronym = || {
            let (acronym, _) = entry.name.split_once(": ")?;
            index.find_acronym(acronym)
        };
        match index.find(&entry.name).or_else(by_acronym) {
            Some(idx) => {
                let is_learned = origins.get(idx) == Some(&Origin::Learned);
                let Some(target) = kb.actors.get_mut(idx) else { continue };
                let changed = extend(target, &entry, is_learned);
                if changed {
                    index.add(idx, target);
                    if !is_learned {
                        if let Some(origin) = origins.get_mut(idx) {
                            *origin = Origin::ShippedExtended;
                        }
                    }
                }
            }
            None => {
                index.add(kb.actors.len(), &entry);
                kb.actors.push(entry);
                origins.push(Origin::Learned);
            }
        }
    }
    origins
}

/// Adds `extra`'s names and relations to `target`; a shipped target keeps its inter code
/// and family. Whether anything changed.
fn extend(target: &mut ActorEntry, extra: &ActorEntry, target_learned: bool) -> bool {
    let mut changed = false;
    let mut add = |list: &mut Vec<String>, items: &[String], normalized: bool| {
        for item in items {
            let seen = if normalized {
                let n = normalize(item);
                list.iter().any(|x| normalize(x) == n)
            } else {
                list.contains(item)
            };
            if !seen && !item.trim().is_empty() {
                list.push(item.clone());
                changed = true;
            }
        }
    };
    let own_name = normalize(&target.name);
    let mut names = Vec::new();
    if normalize(&extra.name) != own_name && !extra.name.contains("{country}") {
        names.push(extra.name.clone());
        if let Some((_, long)) = extra.name.split_once(": ") {
            names.push(long.to_string());
        }
    }
    names.extend(extra.aliases.iter().cloned());
    add(&mut target.aliases, &names, true);
    add(&mut target.acronyms, &extra.acronyms, false);
    add(&mut target.countries, &extra.countries, false);
    add(&mut target.allies, &extra.allies, false);
    add(&mut target.rivals, &extra.rivals, false);
    if target_learned {
        add(&mut target.subgroups, &extra.subgroups, false);
    }
    for leader in &extra.leaders {
        if !target.leaders.iter().any(|l| normalize(&l.name) == normalize(&leader.name)) {
            target.leaders.push(leader.clone());
            changed = true;
        }
    }
    if target_learned {
        if target.inter.is_none() && extra.inter.is_some() {
            target.inter = extra.inter;
            changed = true;
        }
        if target.parent.is_none() && extra.parent.is_some() {
            target.parent.clone_from(&extra.parent);
            changed = true;
        }
    }
    changed
}

/// Every name of the knowledge base, normalised, to its entry: a name designates an
/// entry by canonical name, acronym (with its case, then without), alias, a template's
/// country form (`Fulani Ethnic Militia (Mali)`), or either side of an `ACRONYM: Long
/// name` name, in that order of preference; the first entry holding a name keeps it.
/// Also country names (ACLED's English names, and every other name `states.toml` gives).
#[derive(Debug, Clone, Default)]
pub(crate) struct NameIndex {
    names: HashMap<String, usize>,
    acronyms: HashMap<String, usize>,
    aliases: HashMap<String, usize>,
    templates: HashMap<String, usize>,
    parts: HashMap<String, usize>,
    folded_acronyms: HashMap<String, usize>,
    countries: HashMap<String, String>,
}

impl NameIndex {
    /// The index of a knowledge base.
    pub(crate) fn new(kb: &Kb) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, entry) in kb.actors.iter().enumerate() {
            index.add(i, entry);
        }
        for country in &kb.countries {
            for name in std::iter::once(&country.name)
                .chain(std::iter::once(&country.forces_of))
                .chain(&country.names)
            {
                index.countries.entry(normalize(name)).or_insert_with(|| country.code.clone());
            }
        }
        for country in Country::all() {
            index.countries.entry(normalize(country.name)).or_insert_with(|| country.alpha2.into());
        }
        index
    }

    /// Adds (or adds again, after it gained names) entry `idx`.
    pub(crate) fn add(&mut self, idx: usize, entry: &ActorEntry) {
        let put = |map: &mut HashMap<String, usize>, key: String| {
            if !key.is_empty() {
                map.entry(key).or_insert(idx);
            }
        };
        put(&mut self.names, normalize(&entry.name));
        for acronym in &entry.acronyms {
            put(&mut self.acronyms, acronym.trim().to_string());
            put(&mut self.folded_acronyms, normalize(acronym));
        }
        for alias in &entry.aliases {
            put(&mut self.aliases, normalize(alias));
        }
        if entry.name.contains("{country}") {
            put(&mut self.templates, normalize(&entry.name.replace("({country})", "")));
        }
        if let Some((acronym, long)) = entry.name.split_once(": ") {
            put(&mut self.parts, normalize(acronym));
            put(&mut self.parts, normalize(long));
        }
    }

    /// The entry a name designates.
    pub(crate) fn find(&self, name: &str) -> Option<usize> {
        let trimmed = name.trim();
        let wanted = normalize(trimmed);
        if wanted.is_empty() {
            return None;
        }
        let template = || {
            self.templates.get(&wanted).or_else(|| {
                let (base, _) = wanted.rsplit_once(" (")?;
                self.templates.get(base)
            })
        };
        self.names
            .get(&wanted)
            .or_else(|| self.acronyms.get(trimmed))
            .or_else(|| self.aliases.get(&wanted))
            .or_else(template)
            .or_else(|| self.parts.get(&wanted))
            .or_else(|| self.folded_acronyms.get(&wanted))
            .copied()
    }

    /// The entry an acronym designates: with its case, or as the acronym part of an
    /// `ACRONYM: Long name` name.
    pub(crate) fn find_acronym(&self, acronym: &str) -> Option<usize> {
        let acronym = acronym.trim();
        if acronym.chars().filter(char::is_ascii_uppercase).count() < 2 {
            return None;
        }
        self.acronyms.get(acronym).or_else(|| self.parts.get(&normalize(acronym))).copied()
    }

    /// The ISO alpha-2 code of a country named in English.
    pub(crate) fn country_code(&self, name: &str) -> Option<String> {
        self.countries.get(&normalize(name)).cloned()
    }
}

/// `("Base", "Inside")` of `Base (Inside)`.
fn split_paren(name: &str) -> Option<(&str, &str)> {
    let inner = name.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let base = inner.get(..open)?.trim();
    let paren = inner.get(open + 2..)?.trim();
    (!base.is_empty() && !paren.is_empty()).then_some((base, paren))
}

/// How the knowledge base reads an ACLED actor name.
pub(crate) fn classify(kb: &Kb, index: &NameIndex, name: &str) -> NameClass {
    let name = name.trim();
    if let Some(entry) = index.find(name).and_then(|i| kb.actors.get(i)) {
        return NameClass::Known(entry.name.clone());
    }
    let lower = name.to_lowercase();
    for prefix in STATE_PREFIXES {
        if let Some(rest) = lower.strip_prefix(prefix) {
            // "Mali (2021-) Gendarmerie": the country is before the period.
            let country = rest.split(" (").next().unwrap_or(rest);
            return NameClass::StateForces(index.country_code(country));
        }
    }
    if let Some((base, paren)) = split_paren(name) {
        let country = index.country_code(paren);
        if country.is_some() || paren.eq_ignore_ascii_case("international") {
            let base_lower = normalize(base);
            let one_word = !base.trim().contains(' ');
            if one_word || is_generic(&base_lower) {
                return NameClass::Generic(base.to_string(), country);
            }
        }
    }
    if is_generic(&normalize(name)) {
        return NameClass::Generic(name.to_string(), None);
    }
    NameClass::New
}

fn is_generic(normalized: &str) -> bool {
    normalized.starts_with("unidentified ")
        || GENERIC_LABELS.iter().any(|g| normalize(g) == normalized)
}

/// The name a learned entry takes: `Kuki Ethnic Militia (India)` becomes the template
/// `Kuki Ethnic Militia ({country})`; other names stay as written.
fn learned_name(index: &NameIndex, name: &str) -> (String, Option<String>) {
    if let Some((base, paren)) = split_paren(name) {
        if let Some(code) = index.country_code(paren) {
            let lower = normalize(base);
            if TEMPLATE_ENDINGS.iter().any(|e| lower.ends_with(e)) {
                return (format!("{base} ({{country}})"), Some(code));
            }
        }
    }
    (name.to_string(), None)
}

/// Adds actor names to a learned file, keeping what an analyst wrote in it.
#[derive(Debug, Clone)]
pub struct Learner {
    path: PathBuf,
    actors: Vec<toml::Table>,
    index: HashMap<String, usize>,
    changed: bool,
}

impl Learner {
    /// Opens `dir/learned.toml` (empty when missing; the folder is created on save).
    pub fn open(dir: &Path) -> Result<Learner> {
        let path = dir.join(LEARNED_FILE);
        let actors: Vec<toml::Table> = match std::fs::read_to_string(&path) {
            Ok(text) => {
                // Check the schema first, so a broken file is reported, not rewritten.
                crate::kb::parse_actors(&text, &path.display().to_string())?;
                let mut table: toml::Table =
                    text.parse().map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
                match table.remove("actor") {
                    Some(toml::Value::Array(items)) => items
                        .into_iter()
                        .filter_map(|v| match v {
                            toml::Value::Table(t) => Some(t),
                            _ => None,
                        })
                        .collect(),
                    _ => Vec::new(),
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(Error::Data(format!("{}: {e}", path.display()))),
        };
        let mut index = HashMap::new();
        for (i, table) in actors.iter().enumerate() {
            if let Some(name) = table.get("name").and_then(|v| v.as_str()) {
                index.entry(normalize(name)).or_insert(i);
            }
        }
        Ok(Learner { path, actors, index, changed: false })
    }

    /// The learned file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Learns one actor name as ACLED writes it, with its inter code (none for associated
    /// actors) and the ISO alpha-2 code of the event's country.
    pub fn learn(
        &mut self,
        book: &crate::ActorBook,
        name: &str,
        inter: Option<Inter>,
        country: Option<&str>,
    ) -> Learned {
        let name = name.trim();
        if name.is_empty() {
            return Learned::Generic;
        }
        // "A and/or B": ACLED's hesitation between two actors, each learned on its own.
        if name.contains(" and/or ") {
            let outcomes: Vec<Learned> =
                name.split(" and/or ").map(|part| self.learn(book, part, inter, country)).collect();
            return [Learned::New, Learned::Known]
                .into_iter()
                .find(|o| outcomes.contains(o))
                .unwrap_or(Learned::Generic);
        }
        let (learned, template_country) = learned_name(&book.index, name);
        let country = template_country.as_deref().or(country);
        if let Some(&i) = self.index.get(&normalize(&learned)) {
            if let Some(table) = self.actors.get_mut(i) {
                self.changed |= update(table, inter, country);
            }
            return Learned::Known;
        }
        match classify(&book.kb, &book.index, name) {
            NameClass::Known(_) => return Learned::Known,
            NameClass::StateForces(_) | NameClass::Generic(..) => return Learned::Generic,
            NameClass::New => {}
        }
        let mut table = toml::Table::new();
        table.insert("name".into(), toml::Value::String(learned.clone()));
        let kind = match inter.map(Inter::code) {
            Some(1..=4 | 8) => None,
            _ if name.contains(": ") => Some("organiser"),
            _ => Some("group"),
        };
        if let Some(inter) = inter {
            table.insert("inter".into(), toml::Value::Integer(i64::from(inter.code())));
        }
        if let Some(kind) = kind {
            table.insert("kind".into(), toml::Value::String(kind.into()));
        }
        let countries = country.map(|c| vec![toml::Value::String(c.to_ascii_uppercase())]);
        table.insert("countries".into(), toml::Value::Array(countries.unwrap_or_default()));
        self.index.insert(normalize(&learned), self.actors.len());
        self.actors.push(table);
        self.changed = true;
        Learned::New
    }

    /// Whether anything was learned since the file was opened.
    pub fn changed(&self) -> bool {
        self.changed
    }

    /// Writes the learned file when anything changed; whether it was written.
    pub fn save(&self) -> Result<bool> {
        if !self.changed {
            return Ok(false);
        }
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| Error::Data(format!("{}: {e}", parent.display())))?;
        }
        let tmp = self.path.with_extension("toml.tmp");
        std::fs::write(&tmp, self.render())
            .map_err(|e| Error::Data(format!("{}: {e}", tmp.display())))?;
        std::fs::rename(&tmp, &self.path)
            .map_err(|e| Error::Data(format!("{}: {e}", self.path.display())))?;
        Ok(true)
    }

    /// The file's text: a header, then one `[[actor]]` table per entry, keys in the
    /// shipped file's order.
    pub fn render(&self) -> String {
        const ORDER: &[&str] = &[
            "name",
            "inter",
            "kind",
            "aliases",
            "acronyms",
            "parent",
            "subgroups",
            "allies",
            "rivals",
            "countries",
            "active",
            "leaders",
        ];
        let mut out = String::from(
            "# Actors learned from imported ACLED exports (`tocsin import acled FILE.csv`),\n\
             # in the schema of tocsin's data/actors/actors.toml. Edit freely: an import only\n\
             # adds entries and countries. An entry named like a shipped actor adds its\n\
             # aliases to it and never changes the shipped inter code or family.\n",
        );
        for table in &self.actors {
            out.push_str("\n[[actor]]\n");
            let keys = ORDER
                .iter()
                .filter(|k| table.contains_key(**k))
                .map(|k| k.to_string())
                .chain(table.keys().filter(|k| !ORDER.contains(&k.as_str())).cloned());
            for key in keys {
                if let Some(value) = table.get(&key) {
                    let key_text = if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        key.clone()
                    } else {
                        toml::Value::String(key.clone()).to_string()
                    };
                    out.push_str(&format!("{key_text} = {value}\n"));
                }
            }
        }
        out
    }
}

/// Adds a country and a missing inter code to a learned table; whether it changed.
fn update(table: &mut toml::Table, inter: Option<Inter>, country: Option<&str>) -> bool {
    let mut changed = false;
    if let Some(inter) = inter {
        if !table.contains_key("inter") {
            table.insert("inter".into(), toml::Value::Integer(i64::from(inter.code())));
            if matches!(inter.code(), 1..=4 | 8)
                && table.get("kind").and_then(|v| v.as_str()) == Some("group")
            {
                table.remove("kind");
            }
            changed = true;
        }
    }
    if let Some(country) = country {
        let code = country.to_ascii_uppercase();
        let entry = table.entry("countries").or_insert_with(|| toml::Value::Array(Vec::new()));
        if let toml::Value::Array(list) = entry {
            if !list.iter().any(|v| v.as_str() == Some(code.as_str())) {
                list.push(toml::Value::String(code));
                changed = true;
            }
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ActorBook, MentionKind};
    use tocsin_model::Language;

    fn book_with(learned: &str) -> (tempfile::TempDir, ActorBook) {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join(LEARNED_FILE), learned).unwrap_or_else(|e| panic!("{e}"));
        let book = ActorBook::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        (dir, book)
    }

    /// The named actors `text` mentions, by canonical name.
    fn named(book: &ActorBook, text: &str) -> Vec<String> {
        book.mentions(text, Language::En)
            .into_iter()
            .filter(|m| m.kind == MentionKind::Named || m.entry.is_some())
            .filter_map(|m| m.actor.map(|a| a.name))
            .collect()
    }

    const KORA: &str = r#"
[[actor]]
name = "KLF: Kora Liberation Front"
inter = 2
countries = ["ML"]

[[actor]]
name = "Red Dune Brigade"
inter = 3
kind = "armed"
countries = ["NE"]
"#;

    #[test]
    fn learned_names_are_recognised_like_shipped_ones() {
        let (_dir, book) = book_with(KORA);
        for (text, expected) in [
            ("Fighters of the Kora Liberation Front attacked Gao.", "KLF: Kora Liberation Front"),
            ("KLF militants attacked a post.", "KLF: Kora Liberation Front"),
            ("the red dune brigade burned houses", "Red Dune Brigade"),
        ] {
            assert_eq!(named(&book, text), [expected], "{text}");
        }
        let entry = book.lookup("klf").unwrap_or_else(|| panic!("KLF by its acronym"));
        assert_eq!(entry.inter.map(tocsin_model::Inter::code), Some(2));
        assert_eq!(entry.countries, ["ML"]);
        assert_eq!(book.origin(entry), Origin::Learned);
        // Without the folder, nothing is learned.
        let shipped = ActorBook::load_default().unwrap_or_else(|e| panic!("{e}"));
        assert!(shipped.lookup("Kora Liberation Front").is_none());
        assert!(named(&shipped, "KLF militants attacked a post.").is_empty());
    }

    #[test]
    fn a_learned_entry_never_changes_a_shipped_inter_or_family() {
        let (_dir, book) = book_with(
            r#"
[[actor]]
name = "JNIM: Group for Support of Islam and Muslims"
inter = 3
parent = "Red Dune Brigade"
aliases = ["Nusra of the Sahel"]
countries = ["GN"]
"#,
        );
        let entry = book.lookup("Nusra of the Sahel").unwrap_or_else(|| panic!("the new alias"));
        assert_eq!(entry.name, "JNIM: Group for Support of Islam and Muslims");
        assert_eq!(entry.inter.map(tocsin_model::Inter::code), Some(2));
        assert_eq!(entry.parent, None);
        assert!(entry.countries.iter().any(|c| c == "GN"));
        assert_eq!(book.origin(entry), Origin::ShippedExtended);
        assert_eq!(
            named(&book, "Nusra of the Sahel fighters attacked."),
            ["JNIM: Group for Support of Islam and Muslims"]
        );
    }

    #[test]
    fn another_spelling_of_a_known_acronym_is_an_alias() {
        let (_dir, book) = book_with(
            r#"
[[actor]]
name = "JNIM: Jamaat Support Group of Islam and the Muslims"
inter = 3

[[actor]]
name = "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Greater Sahara)"
inter = 2
"#,
        );
        let shipped = ActorBook::load_default().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(book.entries().len(), shipped.entries().len(), "no new entry");
        let entry = book.lookup("Jamaat Support Group of Islam and the Muslims");
        assert_eq!(
            entry.map(|e| (e.name.as_str(), e.inter.map(tocsin_model::Inter::code))),
            Some(("JNIM: Group for Support of Islam and Muslims", Some(2)))
        );
        let text = "JNIM fighters attacked Boni.";
        assert_eq!(named(&book, text), named(&shipped, text));
    }

    #[test]
    fn a_broken_learned_file_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("mine.toml"), "[[actor]]\nname = 3\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let error = ActorBook::load(Some(dir.path())).err().map(|e| e.to_string());
        assert!(error.as_deref().is_some_and(|e| e.contains("mine.toml")), "{error:?}");
        assert!(ActorBook::load(Some(&dir.path().join("missing"))).is_ok());
    }

    fn check_class(book: &ActorBook, name: &str, expected: NameClass) {
        assert_eq!(book.classify(name), expected, "{name}");
    }

    #[test]
    fn state_forces_and_generic_actors_are_not_new_names() {
        let book = ActorBook::load_default().unwrap_or_else(|e| panic!("{e}"));
        let state = |c: &str| NameClass::StateForces(Some(c.to_string()));
        let generic = |label: &str, c: &str| NameClass::Generic(label.into(), Some(c.into()));
        check_class(&book, "Military Forces of Mali (2021-)", state("ML"));
        check_class(&book, "Police Forces of Burkina Faso (2022-) Gendarmerie", state("BF"));
        check_class(&book, "Government of Niger (2023-)", state("NE"));
        check_class(&book, "Military Forces of Atlantis (1999-)", NameClass::StateForces(None));
        check_class(&book, "Civilians (Mali)", generic("Civilians", "ML"));
        check_class(&book, "Protesters (Togo)", generic("Protesters", "TG"));
        check_class(
            &book,
            "Unidentified Armed Group (Niger)",
            generic("Unidentified Armed Group", "NE"),
        );
        check_class(&book, "Students (Benin)", generic("Students", "BJ"));
        check_class(&book, "Rioters", NameClass::Generic("Rioters".into(), None));
        check_class(
            &book,
            "Fulani Ethnic Militia (Mali)",
            NameClass::Known("Fulani Ethnic Militia ({country})".into()),
        );
        check_class(
            &book,
            "GSIM",
            NameClass::Known("JNIM: Group for Support of Islam and Muslims".into()),
        );
        check_class(&book, "Kora Liberation Front", NameClass::New);
        check_class(&book, "Kuki Ethnic Militia (India)", NameClass::New);
    }

    #[test]
    fn the_learner_adds_new_names_once_and_keeps_the_file_stable() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let book = ActorBook::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        let rebel = Inter::try_from(2).ok();
        let mut learner = Learner::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        let outcomes = [
            learner.learn(&book, "KLF: Kora Liberation Front", rebel, Some("ML")),
            learner.learn(&book, "KLF: Kora Liberation Front", rebel, Some("BF")),
            learner.learn(
                &book,
                "Kuki Ethnic Militia (India)",
                Inter::try_from(4).ok(),
                Some("IN"),
            ),
            learner.learn(&book, "Kuki Ethnic Militia (Myanmar)", Inter::try_from(4).ok(), None),
            learner.learn(&book, "Civilians (Mali)", Inter::try_from(7).ok(), Some("ML")),
            learner.learn(
                &book,
                "Military Forces of Mali (2021-)",
                Inter::try_from(1).ok(),
                Some("ML"),
            ),
            learner.learn(&book, "JNIM: Group for Support of Islam and Muslims", rebel, Some("ML")),
            learner.learn(&book, "SYNTEB: Teachers Union of the Coast", None, Some("BJ")),
        ];
        use Learned::{Generic, Known, New};
        assert_eq!(outcomes, [New, Known, New, Known, Generic, Generic, Known, New]);
        // A hesitation between two actors learns each of them, never the pair.
        let pair = "KLF: Kora Liberation Front and/or Islamic State (Greater Sahara)";
        assert_eq!(learner.learn(&book, pair, rebel, Some("ML")), Known);
        assert!(learner.save().unwrap_or(false));
        let text = std::fs::read_to_string(learner.path()).unwrap_or_default();
        let expected = "\n[[actor]]\nname = \"KLF: Kora Liberation Front\"\ninter = 2\ncountries = [\"ML\", \"BF\"]\n\n[[actor]]\nname = \"Kuki Ethnic Militia ({country})\"\ninter = 4\ncountries = [\"IN\", \"MM\"]\n\n[[actor]]\nname = \"SYNTEB: Teachers Union of the Coast\"\nkind = \"organiser\"\ncountries = [\"BJ\"]\n";
        assert!(text.ends_with(expected), "{text}");
        // Learning the same names again changes nothing.
        let book = ActorBook::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        let mut again = Learner::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(again.learn(&book, "KLF: Kora Liberation Front", rebel, Some("ML")), Known);
        assert_eq!(again.learn(&book, "Kuki Ethnic Militia (India)", None, Some("IN")), Known);
        assert!(!again.changed());
        assert!(!again.save().unwrap_or(true));
        // A learned template names the event's country.
        let kuki = book.lookup("Kuki Ethnic Militia (Myanmar)").map(|e| e.name.clone());
        assert_eq!(kuki.as_deref(), Some("Kuki Ethnic Militia ({country})"));
    }

    #[test]
    fn an_analysts_edits_survive_learning() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let edited = "[[actor]]\nname = \"Red Dune Brigade\"\ninter = 3\nleaders = [{ name = \"Moussa Kora\" }]\ncountries = [\"NE\"]\n";
        std::fs::write(dir.path().join(LEARNED_FILE), edited).unwrap_or_else(|e| panic!("{e}"));
        let book = ActorBook::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        let mut learner = Learner::open(dir.path()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(learner.learn(&book, "Red Dune Brigade", None, Some("ML")), Learned::Known);
        assert!(learner.save().unwrap_or(false));
        let text = std::fs::read_to_string(learner.path()).unwrap_or_default();
        assert!(text.contains("leaders = [{ name = \"Moussa Kora\" }]"), "{text}");
        assert!(text.contains("countries = [\"NE\", \"ML\"]"), "{text}");
        let book = ActorBook::load(Some(dir.path())).unwrap_or_else(|e| panic!("{e}"));
        let entry = book.lookup("Red Dune Brigade").unwrap_or_else(|| panic!("learned"));
        assert_eq!(entry.leaders.len(), 1);
    }
}
