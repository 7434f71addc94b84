//! Actors: the knowledge base of canonical actor names and their recognition.
//!
//! This crate owns the shipped actor dictionary (canonical ACLED-style names, inter
//! codes, aliases in English and French, families, state forces by regime period),
//! recognises actor mentions in text and assigns ACLED's roles (actor 1, actor 2,
//! associated actors). It knows nothing of places or dates beyond what it is given.
//!
//! * `data/actors/actors.toml`: named actors (JNIM and its katibas, Islamic State
//!   provinces, militias, external forces, organisers of protests, social groups).
//! * `data/actors/states.toml`: countries, nationality words and regime periods of state forces.
//! * `data/actors/words.toml`: generic words (soldiers, gunmen, villagers) and role cues.
//!
//! ```
//! use tocsin_actors::{ActorBook, RoleContext};
//! use tocsin_model::{Language, Span, SubEventType};
//! let book = ActorBook::load_default().unwrap();
//! let text = "On 3 May 2022, suspected JNIM militants attacked Togolese soldiers in Kpinkankandi.";
//! let roles = book
//!     .roles(&RoleContext {
//!         text,
//!         focus: Span::new(0, text.len()),
//!         language: Language::En,
//!         sub_event_type: SubEventType::ArmedClash,
//!         date: chrono::NaiveDate::from_ymd_opt(2022, 5, 3),
//!         country_code: Some("TG"),
//!         location: None,
//!     })
//!     .unwrap();
//! assert_eq!(roles.actor1.value.name, "JNIM: Group for Support of Islam and Muslims");
//! assert_eq!(roles.actor2.unwrap().value.name, "Military Forces of Togo (2005-)");
//! ```
#![warn(missing_docs)]

mod kb;
mod learned;
mod mentions;
mod normalize;
mod roles;
mod unknown;

use chrono::NaiveDate;
use tocsin_model::{Actor, Field, Language, Span, SubEventType};

pub use kb::{ActorEntry, CountryEntry, EntryKind, Leader, Period};
pub use learned::{Learned, Learner, NameClass, Origin, LEARNED_FILE};
pub use mentions::{ActorMention, MentionContext, MentionKind};
pub use unknown::UnknownName;

/// An error loading actor data.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The actor data is unreadable.
    #[error("actor data: {0}")]
    Data(String),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// The actor knowledge base.
#[derive(Debug, Clone)]
pub struct ActorBook {
    kb: kb::Kb,
    recognizer: mentions::Recognizer,
    cues: roles::CueSet,
    /// Where each entry of `kb.actors` comes from, in the same order.
    origins: Vec<Origin>,
    /// Every name of `kb.actors`, for lookups.
    index: learned::NameIndex,
    /// Every country's name, names and nationality words, normalised once at load.
    nationality_words: std::collections::HashSet<String>,
}

/// What an event needs to know to assign roles.
#[derive(Debug, Clone, Copy)]
pub struct RoleContext<'a> {
    /// The whole report text.
    pub text: &'a str,
    /// The words describing this event.
    pub focus: Span,
    /// The report's language.
    pub language: Language,
    /// The event's sub-event type.
    pub sub_event_type: SubEventType,
    /// The event's date, for regime-period names of state forces.
    pub date: Option<NaiveDate>,
    /// ISO alpha-2 code of the event's country, when known.
    pub country_code: Option<&'a str>,
    /// The event's town or village as the report names it, when known: an unnamed communal
    /// militia takes its name (`Nafona Communal Militia (Burkina Faso)`).
    pub location: Option<&'a str>,
}

/// The actors of one event in ACLED's roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Roles {
    /// The main actor.
    pub actor1: Field<Actor>,
    /// Actors beside actor 1.
    pub assoc_actor_1: Vec<Field<Actor>>,
    /// The second actor, the target in violence against civilians.
    pub actor2: Option<Field<Actor>>,
    /// Actors beside actor 2.
    pub assoc_actor_2: Vec<Field<Actor>>,
}

impl ActorBook {
    /// The actor knowledge base that ships inside tocsin.
    pub fn load_default() -> Result<ActorBook> {
        ActorBook::load(None)
    }

    /// The shipped knowledge base plus the learned entries of every `*.toml` file in
    /// `dir` (in name order; a missing folder adds nothing). Learned entries are
    /// recognised in text like shipped ones; one named like a shipped actor adds its
    /// aliases, acronyms and countries to it without changing its inter code or family.
    pub fn load(dir: Option<&std::path::Path>) -> Result<ActorBook> {
        let mut kb = kb::Kb::load_default()?;
        let mut index = learned::NameIndex::new(&kb);
        let origins = match dir {
            Some(dir) => learned::merge(&mut kb, &mut index, learned::read_dir(dir)?),
            None => vec![Origin::Shipped; kb.actors.len()],
        };
        let recognizer = mentions::Recognizer::new(&kb)?;
        let cues = roles::CueSet::new(&kb);
        let nationality_words = kb
            .countries
            .iter()
            .flat_map(|c| std::iter::once(&c.name).chain(&c.demonyms).chain(&c.names))
            .map(|name| normalize::normalize(name))
            .collect();
        Ok(ActorBook { kb, recognizer, cues, origins, index, nationality_words })
    }

    /// Whether an entry of this book is shipped, shipped and extended, or learned.
    pub fn origin(&self, entry: &ActorEntry) -> Origin {
        self.kb
            .actors
            .iter()
            .position(|e| std::ptr::eq(e, entry) || e.name == entry.name)
            .and_then(|i| self.origins.get(i).copied())
            .unwrap_or(Origin::Shipped)
    }

    /// How the book reads an actor name written the way ACLED writes names: a named
    /// actor it knows, state forces, a generic actor, or a new name.
    pub fn classify(&self, name: &str) -> NameClass {
        learned::classify(&self.kb, &self.index, name)
    }

    /// The country a text is about by its actors' words: country names and nationality
    /// words, forces that belong to one country (`FAMa`), the home country of the groups it
    /// names (`Koglweogo`); the most named wins (ISO alpha-2), `None` when none is named.
    pub fn infer_country(&self, text: &str) -> Option<String> {
        self.recognizer.infer_country(&self.kb, text)
    }

    /// The ISO alpha-2 code of a country named in English (`Burkina Faso` is `BF`).
    pub fn country_code(&self, name: &str) -> Option<String> {
        self.index.country_code(name)
    }

    /// The actors of the event described in `context`, in ACLED's roles.
    ///
    /// For violent and demonstration sub-event types this returns at least actor 1,
    /// falling back to ACLED's generic actors of the event's country (`Protesters (Benin)`),
    /// or to the bare generic label (`Protesters`) when no country is known.
    pub fn roles(&self, context: &RoleContext<'_>) -> Option<Roles> {
        let mention_context =
            MentionContext { country_code: context.country_code, date: context.date };
        let mentions = self.recognizer.mentions(&self.kb, context.text, &mention_context);
        roles::assign(&self.kb, &self.cues, &mentions, context)
    }

    /// Every actor mention in `text`, without an event's country or date: generic actors
    /// (soldiers, civilians) are named only when the words name their country.
    pub fn mentions(&self, text: &str, language: Language) -> Vec<ActorMention> {
        let _ = language;
        self.recognizer.mentions(&self.kb, text, &MentionContext::default())
    }

    /// Every actor mention in `text`, naming generic actors with the event's country and
    /// state forces by the regime period of the event's date.
    pub fn mentions_in(&self, text: &str, context: &MentionContext<'_>) -> Vec<ActorMention> {
        self.recognizer.mentions(&self.kb, text, context)
    }

    /// The knowledge-base entry of a named actor, by canonical name, alias or acronym
    /// (case- and accent-insensitive; an acronym with its case first), or either side of
    /// an `ACRONYM: Long name` name.
    pub fn lookup(&self, name: &str) -> Option<&ActorEntry> {
        self.index.find(name).and_then(|i| self.kb.actors.get(i))
    }

    /// Up to `n` canonical names of entries whose names, aliases or acronyms are spelt
    /// most like `name` (case and accents ignored), best first: for "did you mean".
    pub fn suggest(&self, name: &str, n: usize) -> Vec<String> {
        let wanted = normalize::normalize(name);
        let mut scored: Vec<(f64, &str)> = Vec::new();
        for entry in &self.kb.actors {
            let score = std::iter::once(entry.name.as_str())
                .chain(entry.name.split_once(": ").map(|(acronym, _)| acronym))
                .chain(entry.aliases.iter().map(String::as_str))
                .chain(entry.acronyms.iter().map(String::as_str))
                .map(|candidate| {
                    let candidate = normalize::normalize(&candidate.replace("({country})", ""));
                    strsim::jaro_winkler(&wanted, &candidate)
                })
                .fold(0.0, f64::max);
            if score >= 0.8 {
                scored.push((score, entry.name.as_str()));
            }
        }
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        scored.into_iter().take(n).map(|(_, name)| name.to_string()).collect()
    }

    /// The actor and all its sub-groups, recursively, by canonical name.
    pub fn family(&self, name: &str) -> Vec<String> {
        let Some(root) = self.lookup(name) else { return Vec::new() };
        let mut out = vec![root.name.clone()];
        let mut i = 0;
        while let Some(current) = out.get(i).cloned() {
            for entry in &self.kb.actors {
                let child = entry.parent.as_deref() == Some(current.as_str())
                    || self
                        .kb
                        .actors
                        .iter()
                        .any(|p| p.name == current && p.subgroups.contains(&entry.name));
                if child && !out.contains(&entry.name) {
                    out.push(entry.name.clone());
                }
            }
            i += 1;
        }
        out
    }

    /// Every named actor of the knowledge base.
    pub fn entries(&self) -> &[ActorEntry] {
        &self.kb.actors
    }

    /// The state-forces entry of a country, by ISO alpha-2 code.
    pub fn country(&self, code: &str) -> Option<&CountryEntry> {
        self.kb.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code))
    }

    /// `Military Forces of X (period)` (branch `Military` or `Police`) on a date.
    pub fn state_forces(
        &self,
        code: &str,
        branch: &str,
        date: Option<NaiveDate>,
    ) -> Option<String> {
        mentions::state_forces_name(&self.kb, code, branch, date, None)
    }

    /// ACLED's English name of a country in generic actors (`Civilians (Burkina Faso)`).
    pub fn country_name(&self, code: &str) -> String {
        mentions::country_name(&self.kb, code)
    }
}

#[cfg(test)]
mod tests;
