//! The shipped knowledge base: named actors, state forces by regime period, generic words.
//!
//! The data lives in `data/actors/*.toml`, written by hand and embedded at build time.
//! This module only parses and checks it; recognition is in `mentions`.

use chrono::NaiveDate;
use serde::Deserialize;
use tocsin_model::{Country, Inter};

use crate::{Error, Result};

const ACTORS_TOML: &str = include_str!("../../../data/actors/actors.toml");
const STATES_TOML: &str = include_str!("../../../data/actors/states.toml");
const WORDS_TOML: &str = include_str!("../../../data/actors/words.toml");

/// One named actor of the knowledge base, as callers see it.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorEntry {
    /// Canonical ACLED-style name; `{country}` stands for the event's country in
    /// template actors such as `Fulani Ethnic Militia ({country})`.
    pub name: String,
    /// Actor type, when the actor is ever a main actor.
    pub inter: Option<Inter>,
    /// What the actor is: `armed`, `group` (a social or identity group, an associated actor)
    /// or `organiser` (parties, unions, associations that organise protests).
    pub kind: EntryKind,
    /// Names and spellings, matched without regard to case or accents.
    pub aliases: Vec<String>,
    /// Acronyms, matched with their case.
    pub acronyms: Vec<String>,
    /// The umbrella group this actor belongs to.
    pub parent: Option<String>,
    /// Groups under this actor.
    pub subgroups: Vec<String>,
    /// Groups that fight beside it.
    pub allies: Vec<String>,
    /// Groups it fights.
    pub rivals: Vec<String>,
    /// ISO alpha-2 codes of the countries where it operates.
    pub countries: Vec<String>,
    /// First year of activity.
    pub active_from: Option<i32>,
    /// Last year of activity, when it has ended.
    pub active_to: Option<i32>,
    /// Leaders and their spellings.
    pub leaders: Vec<Leader>,
    /// The state whose military this actor is (`FR` for Barkhane), named by regime period.
    pub state: Option<String>,
    /// The unit appended to the state forces' name.
    pub unit: Option<String>,
    /// The name to use in a given country and period (`Islamic State` in Iraq is
    /// `Islamic State (Iraq)`).
    pub regional: Vec<Regional>,
    /// ACLED codes this actor as another, with itself as associated actor.
    pub coded_as: Option<String>,
    /// Countries where the name applies; elsewhere `otherwise` is used.
    pub only_in: Vec<String>,
    /// The name outside `only_in` (`Unidentified Armed Group ({country})`).
    pub otherwise: Option<String>,
}

/// The regional name of an umbrella actor in one country and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Regional {
    /// ISO alpha-2 code.
    pub country: String,
    /// First day, when bounded.
    pub from: Option<NaiveDate>,
    /// Last day, when bounded.
    pub to: Option<NaiveDate>,
    /// The canonical name to use.
    pub name: String,
}

impl ActorEntry {
    /// Whether the actor operates in the country of ISO code `code`.
    pub fn operates_in(&self, code: &str) -> bool {
        self.countries.iter().any(|c| c.eq_ignore_ascii_case(code))
    }

    /// Whether one of the two entries names the other as its parent.
    pub fn parent_or_child_of(&self, other: &ActorEntry) -> bool {
        self.parent.as_deref() == Some(other.name.as_str())
            || other.parent.as_deref() == Some(self.name.as_str())
    }

    /// The regional name in force in `country` on `date`, if any.
    pub fn regional_name(&self, country: Option<&str>, date: Option<NaiveDate>) -> Option<&str> {
        let country = country?;
        self.regional
            .iter()
            .find(|r| {
                r.country.eq_ignore_ascii_case(country)
                    && match date {
                        Some(d) => r.from.is_none_or(|f| f <= d) && r.to.is_none_or(|t| d <= t),
                        None => r.to.is_none(),
                    }
            })
            .map(|r| r.name.as_str())
    }
}

/// A leader of a named actor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Leader {
    /// The usual spelling.
    pub name: String,
    /// Other spellings and noms de guerre.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// What a knowledge-base entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// An organised armed group (inter 1-4 or 8).
    Armed,
    /// A social or identity group (women, teachers, an ethnic group), an associated actor.
    Group,
    /// An organisation behind protests (party, union, association).
    Organiser,
}

impl EntryKind {
    /// The word the data files use: `armed`, `group` or `organiser`.
    pub fn word(self) -> &'static str {
        match self {
            EntryKind::Armed => "armed",
            EntryKind::Group => "group",
            EntryKind::Organiser => "organiser",
        }
    }
}

/// The state forces of one country.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryEntry {
    /// ISO alpha-2 code.
    pub code: String,
    /// ACLED's name of the country in generic actors, `Civilians (Burkina Faso)`.
    pub name: String,
    /// The name after "Military Forces of", `the Philippines`.
    pub forces_of: String,
    /// Nationality words in English and French, all forms.
    pub demonyms: Vec<String>,
    /// Other names of the country.
    pub names: Vec<String>,
    /// Nationality words matched with their case (`US`).
    pub acronyms: Vec<String>,
    /// People whose name places a report in this country when it names no place: heads of
    /// state, opposition leaders, emblematic figures (`Norbert Zongo`).
    pub figures: Vec<String>,
    /// Whether the gendarmerie is coded under the police (`Police Forces of ... Gendarmerie`).
    pub gendarmerie_police: bool,
    /// Regime periods, in date order.
    pub periods: Vec<Period>,
    /// The other side of a war when a report of fighting names no one: (from, to, actor).
    pub default_opponent: Option<(NaiveDate, Option<NaiveDate>, String)>,
    /// The generic label of a perpetrator no words name (`Unidentified Gang` in Mexico).
    pub unnamed_perpetrator: Option<String>,
    /// Places along a front line the government holds (normalised): fire a report sees
    /// there without naming who fired came from the default opponent.
    pub held_by_government: Vec<String>,
    /// Places along a front line the default opponent holds (normalised): unattributed
    /// fire there came from the government's forces.
    pub held_by_opponent: Vec<String>,
}

/// One regime period of a state, `(2015-2022)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day, open when the period goes on.
    pub to: Option<NaiveDate>,
    /// The label written in names, `2015-2022`.
    pub label: String,
}

/// A family of generic words (soldiers, gunmen, civilians...).
#[derive(Debug, Clone, PartialEq)]
pub struct WordFamily {
    /// What the words name.
    pub kind: String,
    /// A unit name appended to state forces (`Gendarmerie`), when the words name one.
    pub unit: Option<String>,
    /// The country the words imply (`FAMa` is Mali's army).
    pub country: Option<String>,
    /// The branch a unit belongs to (`Police` or `Military`) when the data says so.
    pub branch: Option<String>,
    /// Countries (ISO alpha-2) where ACLED names the unit; elsewhere the words name the
    /// branch's forces alone. Empty: every country.
    pub unit_countries: Vec<String>,
    /// The words, English and French.
    pub words: Vec<String>,
    /// Words matched with their case.
    pub acronyms: Vec<String>,
    /// Countries (ISO alpha-2) where, from a day on, the unit is an actor of its own,
    /// `Forest Guards (Burkina Faso)`, rather than a unit of the state forces.
    pub own_actor_from: Vec<(String, NaiveDate)>,
    /// A later spelling of a group's label and the day ACLED began to use it
    /// (`Labor Group` for `Labour Group` from 2021).
    pub renamed: Option<(NaiveDate, String)>,
}

impl WordFamily {
    /// The group label in use on `date`: the later spelling once it applies.
    pub fn label_on<'a>(&'a self, label: &'a str, date: Option<NaiveDate>) -> &'a str {
        match (&self.renamed, date) {
            (Some((from, later)), Some(date)) if *from <= date => later.as_str(),
            _ => label,
        }
    }

    /// Whether the unit is an actor of its own in `code` on `date`.
    pub fn own_actor(&self, code: &str, date: Option<NaiveDate>) -> bool {
        let Some(date) = date else { return false };
        self.own_actor_from.iter().any(|(c, from)| c.eq_ignore_ascii_case(code) && *from <= date)
    }
}

/// Cue words that mark roles and alternatives around actor mentions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cues {
    /// Words before an agent: `by`, `par`.
    pub agent_before: Vec<String>,
    /// Words before a target: `against`, `contre`.
    pub patient_before: Vec<String>,
    /// Verbs of violence, all forms.
    pub verbs: Vec<String>,
    /// Passive auxiliaries: `was`, `were`, `a été`.
    pub passive: Vec<String>,
    /// Alternatives between two groups: `or`, `and/or`, `ou`.
    pub alternative: Vec<String>,
    /// Words joining two actors on one side: `and`, `with`, `et`.
    pub joint: Vec<String>,
    /// Words of reciprocal fighting: `between`, `clashed with`, `entre`.
    pub between: Vec<String>,
    /// Words saying force was used on demonstrators: `dispersed`, `tear gas`.
    pub intervention: Vec<String>,
    /// Words of government measures: `curfew`, `ban`, `couvre-feu`.
    pub measures: Vec<String>,
}

#[derive(Deserialize)]
struct ActorsFile {
    actor: Vec<RawActor>,
}

#[derive(Deserialize)]
struct RawActor {
    name: String,
    inter: Option<u8>,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    parent: Option<String>,
    #[serde(default)]
    subgroups: Vec<String>,
    #[serde(default)]
    allies: Vec<String>,
    #[serde(default)]
    rivals: Vec<String>,
    #[serde(default)]
    countries: Vec<String>,
    #[serde(default)]
    active: Option<String>,
    #[serde(default)]
    leaders: Vec<Leader>,
    #[serde(default)]
    state: Option<String>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    regional: Vec<RawRegional>,
    #[serde(default)]
    coded_as: Option<String>,
    #[serde(default)]
    only_in: Vec<String>,
    #[serde(default)]
    otherwise: Option<String>,
}

#[derive(Deserialize)]
struct RawRegional {
    country: String,
    from: Option<String>,
    to: Option<String>,
    name: String,
}

#[derive(Deserialize)]
struct StatesFile {
    country: Vec<RawCountry>,
}

#[derive(Deserialize)]
struct RawCountry {
    code: String,
    name: Option<String>,
    forces_of: Option<String>,
    #[serde(default)]
    demonyms: Vec<String>,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    figures: Vec<String>,
    #[serde(default)]
    gendarmerie: Option<String>,
    #[serde(default)]
    periods: Vec<[String; 3]>,
    #[serde(default)]
    default_opponent: Option<[String; 3]>,
    #[serde(default)]
    unnamed_perpetrator: Option<String>,
    #[serde(default)]
    frontline: Option<RawFrontline>,
}

#[derive(Deserialize)]
struct RawFrontline {
    #[serde(default)]
    government: Vec<String>,
    #[serde(default)]
    opponent: Vec<String>,
}

#[derive(Deserialize)]
struct WordsFile {
    family: Vec<RawFamily>,
    cues: RawCues,
}

#[derive(Deserialize)]
struct RawFamily {
    kind: String,
    unit: Option<String>,
    country: Option<String>,
    branch: Option<String>,
    #[serde(default)]
    unit_countries: Vec<String>,
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    own_actor_from: Vec<[String; 2]>,
    #[serde(default)]
    renamed: Option<[String; 2]>,
}

#[derive(Deserialize)]
struct RawCues {
    agent_before: Vec<String>,
    patient_before: Vec<String>,
    verbs: Vec<String>,
    passive: Vec<String>,
    alternative: Vec<String>,
    joint: Vec<String>,
    between: Vec<String>,
    intervention: Vec<String>,
    #[serde(default)]
    measures: Vec<String>,
}

/// The parsed knowledge base.
#[derive(Debug, Clone, Default)]
pub struct Kb {
    /// Named actors.
    pub actors: Vec<ActorEntry>,
    /// Countries and their state forces.
    pub countries: Vec<CountryEntry>,
    /// Generic word families.
    pub families: Vec<WordFamily>,
    /// Role cues.
    pub cues: Cues,
}

impl Kb {
    /// Parse the shipped data.
    pub fn load_default() -> Result<Kb> {
        Kb::parse(ACTORS_TOML, STATES_TOML, WORDS_TOML)
    }

    /// Parse knowledge-base files given as text.
    pub fn parse(actors: &str, states: &str, words: &str) -> Result<Kb> {
        let actors_file: ActorsFile =
            toml::from_str(actors).map_err(|e| Error::Data(format!("actors.toml: {e}")))?;
        let states_file: StatesFile =
            toml::from_str(states).map_err(|e| Error::Data(format!("states.toml: {e}")))?;
        let words_file: WordsFile =
            toml::from_str(words).map_err(|e| Error::Data(format!("words.toml: {e}")))?;
        let actors =
            actors_file.actor.into_iter().map(convert_actor).collect::<Result<Vec<_>>>()?;
        let countries =
            states_file.country.into_iter().map(convert_country).collect::<Result<Vec<_>>>()?;
        let families = words_file
            .family
            .into_iter()
            .map(|f| {
                if let Some(branch) = f.branch.as_deref() {
                    if !matches!(branch, "police" | "military") {
                        return Err(Error::Data(format!("family {}: branch {branch:?}", f.kind)));
                    }
                }
                let mut own_actor_from = Vec::new();
                for [code, from] in f.own_actor_from {
                    let from = NaiveDate::parse_from_str(&from, "%Y-%m-%d")
                        .map_err(|e| Error::Data(format!("family {}: {from:?}: {e}", f.kind)))?;
                    own_actor_from.push((code.to_ascii_uppercase(), from));
                }
                let renamed = match f.renamed {
                    None => None,
                    Some([from, name]) => Some((
                        NaiveDate::parse_from_str(&from, "%Y-%m-%d").map_err(|e| {
                            Error::Data(format!("family {}: {from:?}: {e}", f.kind))
                        })?,
                        name,
                    )),
                };
                Ok(WordFamily {
                    renamed,
                    kind: f.kind,
                    unit: f.unit,
                    country: f.country,
                    branch: f.branch,
                    unit_countries: f.unit_countries,
                    words: f.words,
                    acronyms: f.acronyms,
                    own_actor_from,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let c = words_file.cues;
        let cues = Cues {
            agent_before: c.agent_before,
            patient_before: c.patient_before,
            verbs: c.verbs,
            passive: c.passive,
            alternative: c.alternative,
            joint: c.joint,
            between: c.between,
            intervention: c.intervention,
            measures: c.measures,
        };
        Ok(Kb { actors, countries, families, cues })
    }
}

/// Parse a file of `[[actor]]` entries in the schema of `data/actors/actors.toml`;
/// `what` names the file in errors.
pub fn parse_actors(text: &str, what: &str) -> Result<Vec<ActorEntry>> {
    #[derive(Deserialize)]
    struct MaybeActors {
        #[serde(default)]
        actor: Vec<RawActor>,
    }
    let file: MaybeActors =
        toml::from_str(text).map_err(|e| Error::Data(format!("{what}: {e}")))?;
    file.actor
        .into_iter()
        .map(convert_actor)
        .collect::<Result<Vec<_>>>()
        .map_err(|Error::Data(e)| Error::Data(format!("{what}: {e}")))
}

fn convert_actor(raw: RawActor) -> Result<ActorEntry> {
    let inter = match raw.inter {
        Some(code) => Some(
            Inter::try_from(code).map_err(|e| Error::Data(format!("actor {:?}: {e}", raw.name)))?,
        ),
        None => None,
    };
    let kind = match raw.kind.as_deref() {
        None | Some("armed") => EntryKind::Armed,
        Some("group") => EntryKind::Group,
        Some("organiser") => EntryKind::Organiser,
        Some(other) => return Err(Error::Data(format!("actor {:?}: kind {other:?}", raw.name))),
    };
    if kind == EntryKind::Armed && inter.is_none() {
        return Err(Error::Data(format!("actor {:?}: armed actor without inter", raw.name)));
    }
    let (active_from, active_to) = parse_active(raw.active.as_deref());
    let date = |s: &Option<String>| -> Result<Option<NaiveDate>> {
        match s {
            None => Ok(None),
            Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .map(Some)
                .map_err(|e| Error::Data(format!("actor {:?}: date {s:?}: {e}", raw.name))),
        }
    };
    let mut regional = Vec::new();
    for r in &raw.regional {
        regional.push(Regional {
            country: r.country.to_ascii_uppercase(),
            from: date(&r.from)?,
            to: date(&r.to)?,
            name: r.name.clone(),
        });
    }
    Ok(ActorEntry {
        name: raw.name,
        inter,
        kind,
        aliases: raw.aliases,
        acronyms: raw.acronyms,
        parent: raw.parent,
        subgroups: raw.subgroups,
        allies: raw.allies,
        rivals: raw.rivals,
        countries: raw.countries,
        active_from,
        active_to,
        leaders: raw.leaders,
        state: raw.state.map(|s| s.to_ascii_uppercase()),
        unit: raw.unit,
        regional,
        coded_as: raw.coded_as,
        only_in: raw.only_in.iter().map(|c| c.to_ascii_uppercase()).collect(),
        otherwise: raw.otherwise,
    })
}

fn parse_active(active: Option<&str>) -> (Option<i32>, Option<i32>) {
    let Some(active) = active else { return (None, None) };
    let mut parts = active.splitn(2, '-');
    let from = parts.next().and_then(|s| s.trim().parse().ok());
    let to = parts.next().and_then(|s| s.trim().parse().ok());
    (from, to)
}

fn convert_country(raw: RawCountry) -> Result<CountryEntry> {
    let iso = Country::from_code(&raw.code);
    let name = match (raw.name, iso) {
        (Some(name), _) => name,
        (None, Some(iso)) => iso.name.trim().to_string(),
        (None, None) => return Err(Error::Data(format!("country {:?}: no name", raw.code))),
    };
    let mut periods = Vec::new();
    for [from, to, label] in raw.periods {
        let from = NaiveDate::parse_from_str(&from, "%Y-%m-%d")
            .map_err(|e| Error::Data(format!("country {}: period {from:?}: {e}", raw.code)))?;
        let to =
            if to.is_empty() {
                None
            } else {
                Some(NaiveDate::parse_from_str(&to, "%Y-%m-%d").map_err(|e| {
                    Error::Data(format!("country {}: period {to:?}: {e}", raw.code))
                })?)
            };
        periods.push(Period { from, to, label });
    }
    periods.sort_by_key(|p| p.from);
    let default_opponent = match raw.default_opponent {
        None => None,
        Some([from, to, actor]) => {
            let from = NaiveDate::parse_from_str(&from, "%Y-%m-%d")
                .map_err(|e| Error::Data(format!("country {}: {from:?}: {e}", raw.code)))?;
            let to = NaiveDate::parse_from_str(&to, "%Y-%m-%d").ok();
            Some((from, to, actor))
        }
    };
    let (held_by_government, held_by_opponent) = match raw.frontline {
        None => (Vec::new(), Vec::new()),
        Some(f) => {
            let norm = |list: Vec<String>| -> Vec<String> {
                list.iter()
                    .map(|s| crate::normalize::normalize(s))
                    .filter(|s| !s.is_empty())
                    .collect()
            };
            (norm(f.government), norm(f.opponent))
        }
    };
    Ok(CountryEntry {
        held_by_government,
        held_by_opponent,
        default_opponent,
        unnamed_perpetrator: raw.unnamed_perpetrator,
        forces_of: raw.forces_of.unwrap_or_else(|| name.clone()),
        code: raw.code.to_ascii_uppercase(),
        name,
        demonyms: raw.demonyms,
        names: raw.names,
        acronyms: raw.acronyms,
        figures: raw.figures,
        gendarmerie_police: raw.gendarmerie.as_deref() == Some("police"),
        periods,
    })
}

impl CountryEntry {
    /// The regime-period label in force on `date`; the latest when the date is unknown.
    pub fn period(&self, date: Option<NaiveDate>) -> Option<&Period> {
        match date {
            None => self.periods.last(),
            Some(date) => self
                .periods
                .iter()
                .rev()
                .find(|p| p.from <= date && p.to.is_none_or(|to| date <= to))
                .or_else(|| {
                    if self.periods.first().is_some_and(|p| date < p.from) {
                        self.periods.first()
                    } else {
                        self.periods.last()
                    }
                }),
        }
    }

    /// The default opponent of the state forces on `date`, when the country has one.
    pub fn opponent(&self, date: Option<NaiveDate>) -> Option<&str> {
        let (from, to, actor) = self.default_opponent.as_ref()?;
        let date = date?;
        (*from <= date && to.is_none_or(|t| date <= t)).then_some(actor.as_str())
    }

    /// Who holds the first front-line place named in `text` (normalised, padded with
    /// spaces): `Some(true)` for the government, `Some(false)` for the default opponent.
    /// The longest name wins at one position (`Zolote 5` over `Zolote`).
    pub fn front_holder(&self, text: &str) -> Option<bool> {
        let mut best: Option<(usize, usize, bool)> = None;
        let lists = [(&self.held_by_government, true), (&self.held_by_opponent, false)];
        for (list, government) in lists {
            for name in list.iter() {
                let Some(at) = find_words(text, name) else { continue };
                let better = match best {
                    None => true,
                    Some((start, len, _)) => at < start || (at == start && name.len() > len),
                };
                if better {
                    best = Some((at, name.len(), government));
                }
            }
        }
        best.map(|(_, _, government)| government)
    }

    /// `Military Forces of Togo (2005-)` and its kin: `branch` is `Military` or `Police`.
    pub fn forces_name(&self, branch: &str, date: Option<NaiveDate>, unit: Option<&str>) -> String {
        let mut name = format!("{branch} Forces of {}", self.forces_of);
        if let Some(period) = self.period(date) {
            name.push_str(&format!(" ({})", period.label));
        }
        if let Some(unit) = unit {
            name.push(' ');
            name.push_str(unit);
        }
        name
    }
}

/// The first position of `inner` in `outer` on word boundaries.
fn find_words(outer: &str, inner: &str) -> Option<usize> {
    let bytes = outer.as_bytes();
    outer.match_indices(inner).map(|(i, _)| i).find(|&i| {
        let before = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
        let after = bytes.get(i + inner.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
        before && after
    })
}
