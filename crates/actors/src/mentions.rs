//! Recognition: one aho-corasick automaton over normalised text finds every actor word.
//!
//! Names, aliases, acronyms, leaders, generic words (soldiers, gunmen, villagers) and
//! nationality words are all patterns of one automaton. Hits are kept on word boundaries,
//! longest first; nationality words and country names then attach to the force or group
//! beside them ("Togolese soldiers", "l'armée malienne", "the army of Mali").

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;
use tocsin_model::{Actor, Inter, Span};

use crate::kb::{EntryKind, Kb};
use crate::normalize::{is_word_byte, normalize, Normalized};

/// What kind of words named an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A named actor of the knowledge base (`JNIM`, `Koglweogo`).
    Named,
    /// A leader of a named actor (`Amadou Koufa`).
    Leader,
    /// State forces: soldiers, police, gendarmes, named units.
    StateForces,
    /// Aircraft and strikes: the forces that own them.
    Air,
    /// An unnamed armed group (gunmen, militants, `hommes armés`).
    UnidentifiedArmed,
    /// An unnamed communal militia or self-defence group.
    CommunalMilitia,
    /// Civilians and victims (villagers, a farmer, `un commerçant`).
    Civilians,
    /// Protesters and demonstrations.
    Protesters,
    /// Rioters and mobs.
    Rioters,
    /// A social or identity group (women, teachers, Fulani).
    Group,
    /// An organisation behind protests (party, union).
    Organiser,
    /// A government or its authorities (`Government of Burkina Faso (2015-2022)`).
    Government,
}

impl MentionKind {
    /// Whether mentions of this kind are organised armed actors.
    pub fn is_armed(self) -> bool {
        matches!(
            self,
            MentionKind::Named
                | MentionKind::Leader
                | MentionKind::StateForces
                | MentionKind::Air
                | MentionKind::UnidentifiedArmed
                | MentionKind::CommunalMilitia
        )
    }
}

/// One actor mention in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    /// The words, in the original text.
    pub span: Span,
    /// The canonical actor, when it can be named (generic actors need a country).
    pub actor: Option<Actor>,
    /// What kind of words these are.
    pub kind: MentionKind,
    /// Index of the knowledge-base entry, for named actors.
    pub entry: Option<usize>,
    /// ISO alpha-2 code of the country the words name, when they name one.
    pub country: Option<String>,
    /// An actor ACLED codes beside this one (`Donbass People's Militia` beside the NAF).
    pub associated: Option<Actor>,
}

/// The context that names generic actors: the event's country and date.
#[derive(Debug, Clone, Copy, Default)]
pub struct MentionContext<'a> {
    /// ISO alpha-2 code of the event's country.
    pub country_code: Option<&'a str>,
    /// The event's date.
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Actor(usize),
    Leader(usize),
    Family(usize),
    Demonym(usize),
    CountryName(usize),
    /// A person who places a report in a country (a head of state): a clue, not an actor.
    Figure(usize),
}

#[derive(Debug, Clone)]
struct PatternTarget {
    target: Target,
    /// For acronyms: the exact spelling the original text must have.
    exact: Option<String>,
}

/// The compiled recogniser.
#[derive(Debug, Clone)]
pub struct Recognizer {
    automaton: AhoCorasick,
    targets: Vec<Vec<PatternTarget>>,
}

/// A raw hit of the automaton, after boundary and case checks.
#[derive(Debug, Clone)]
struct Hit {
    start: usize,
    end: usize,
    targets: Vec<Target>,
}

impl Recognizer {
    /// Compile every pattern of the knowledge base into one automaton.
    pub fn new(kb: &Kb) -> crate::Result<Recognizer> {
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<PatternTarget>> = Vec::new();
        let mut add = |pattern: &str, target: Target, exact: Option<String>| {
            let norm = normalize(pattern);
            if norm.is_empty() {
                return;
            }
            let slot = *index.entry(norm.clone()).or_insert_with(|| {
                patterns.push(norm);
                targets.push(Vec::new());
                targets.len() - 1
            });
            if let Some(list) = targets.get_mut(slot) {
                if !list.iter().any(|t| t.target == target && t.exact == exact) {
                    list.push(PatternTarget { target, exact });
                }
            }
        };
        for (idx, entry) in kb.actors.iter().enumerate() {
            let plain = entry.name.replace("({country})", "");
            add(plain.trim(), Target::Actor(idx), None);
            if let Some((acronym, long)) = entry.name.split_once(": ") {
                add(long.replace("({country})", "").trim(), Target::Actor(idx), None);
                // "MAA: ... (Platform)": a qualified name does not own the bare acronym.
                if acronym.chars().any(|c| c.is_ascii_uppercase()) && !long.ends_with(')') {
                    add(acronym, Target::Actor(idx), Some(exact_form(acronym)));
                }
            }
            for alias in &entry.aliases {
                add(alias, Target::Actor(idx), None);
            }
            for acronym in &entry.acronyms {
                add(acronym, Target::Actor(idx), Some(exact_form(acronym)));
            }
            for leader in &entry.leaders {
                add(&leader.name, Target::Leader(idx), None);
                for alias in &leader.aliases {
                    add(alias, Target::Leader(idx), None);
                }
            }
        }
        for (idx, family) in kb.families.iter().enumerate() {
            for word in &family.words {
                add(word, Target::Family(idx), None);
            }
            for acronym in &family.acronyms {
                add(acronym, Target::Family(idx), Some(exact_form(acronym)));
            }
        }
        for (idx, country) in kb.countries.iter().enumerate() {
            for demonym in &country.demonyms {
                add(demonym, Target::Demonym(idx), None);
            }
            for acronym in &country.acronyms {
                add(acronym, Target::Demonym(idx), Some(exact_form(acronym)));
            }
            for name in country.names.iter().chain(std::iter::once(&country.name)) {
                add(name, Target::CountryName(idx), None);
            }
            for figure in &country.figures {
                add(figure, Target::Figure(idx), None);
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .map_err(|e| crate::Error::Data(format!("actor patterns: {e}")))?;
        Ok(Recognizer { automaton, targets })
    }

    /// Every hit on word boundaries, longest first, without overlaps.
    fn hits(&self, text: &str, norm: &Normalized) -> Vec<Hit> {
        let bytes = norm.text.as_bytes();
        let mut raw: Vec<Hit> = Vec::new();
        // In a text written in capitals, case no longer tells an acronym from a word.
        let shouting = is_shouting(text);
        let ambiguous = |exact: &str| {
            shouting
                && (exact.chars().filter(char::is_ascii_alphanumeric).count() <= 2
                    || WORDLIKE_ACRONYMS.contains(&exact))
        };
        for m in self.automaton.find_overlapping_iter(&norm.text) {
            let (start, end) = (m.start(), m.end());
            let before_ok = start == 0 || bytes.get(start - 1).is_none_or(|&b| !is_word_byte(b));
            let after_ok = bytes.get(end).is_none_or(|&b| !is_word_byte(b));
            if !before_ok || !after_ok {
                continue;
            }
            let Some(list) = self.targets.get(m.pattern().as_usize()) else { continue };
            let original = norm.span(start, end).and_then(|s| s.text(text)).unwrap_or("");
            if original == "March" && beside_a_number(&norm.text, start, end) {
                continue;
            }
            let targets: Vec<Target> = list
                .iter()
                .filter(|t| {
                    t.exact
                        .as_ref()
                        .is_none_or(|exact| exact_form(original) == *exact && !ambiguous(exact))
                })
                .map(|t| t.target)
                .collect();
            let mut targets = targets;
            targets.dedup();
            if !targets.is_empty() {
                raw.push(Hit { start, end, targets });
            }
        }
        raw.sort_by(|a, b| a.start.cmp(&b.start).then((b.end - b.start).cmp(&(a.end - a.start))));
        let mut chosen: Vec<Hit> = Vec::new();
        // Longest hits win; among equals the earlier one.
        let mut by_length = raw.clone();
        by_length
            .sort_by(|a, b| (b.end - b.start).cmp(&(a.end - a.start)).then(a.start.cmp(&b.start)));
        for hit in by_length {
            if chosen.iter().all(|c| hit.end <= c.start || c.end <= hit.start) {
                chosen.push(hit);
            }
        }
        chosen.sort_by_key(|h| h.start);
        chosen
    }

    /// The country a text's own words point to, for an event whose place is unknown:
    /// country names and nationality words, forces that belong to one country (`FAMa`),
    /// the home country of the non-state groups it names (`Koglweogo`) and where the
    /// foreign forces it names fight (`Barkhane`: Mali). The most named country wins;
    /// among equals the first named.
    pub fn infer_country(&self, kb: &Kb, text: &str) -> Option<String> {
        let norm = Normalized::new(text);
        let mut votes: Vec<(String, u32, usize)> = Vec::new();
        let mut vote = |code: &str, weight: u32, at: usize| {
            if code.len() != 2 {
                return;
            }
            match votes.iter_mut().find(|v| v.0.eq_ignore_ascii_case(code)) {
                Some(v) => v.1 += weight,
                None => votes.push((code.to_ascii_uppercase(), weight, at)),
            }
        };
        for hit in self.hits(text, &norm) {
            // One vote per hit, from its most specific target.
            let code: Option<(&str, u32)> = hit.targets.iter().find_map(|t| match *t {
                Target::Demonym(c) | Target::CountryName(c) => {
                    kb.countries.get(c).map(|e| (e.code.as_str(), 2))
                }
                Target::Figure(c) => kb.countries.get(c).map(|e| (e.code.as_str(), 1)),
                Target::Family(f) => {
                    kb.families.get(f).and_then(|e| e.country.as_deref()).map(|c| (c, 3))
                }
                // Armed groups vote for their home; organisations (unions, parties) and
                // communities only when they belong to one country.
                // A named unit of a country's forces (the PMF) serves at home.
                Target::Actor(a) if kb.actors.get(a).is_some_and(|e| e.unit.is_some()) => {
                    kb.actors.get(a).and_then(|e| e.state.as_deref()).map(|c| (c, 2))
                }
                // Forces that fight abroad (Barkhane) vote where they fight, not for home.
                Target::Actor(a) | Target::Leader(a) => kb
                    .actors
                    .get(a)
                    .filter(|e| e.kind == EntryKind::Armed || e.countries.len() == 1)
                    .and_then(|e| e.countries.first())
                    .map(|c| (c.as_str(), 1)),
            });
            if let Some((code, weight)) = code {
                vote(code, weight, hit.start);
            }
        }
        votes.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        votes.into_iter().next().map(|v| v.0)
    }

    /// Every actor mention in `text`, named with the help of `context`.
    pub fn mentions(&self, kb: &Kb, text: &str, context: &MentionContext<'_>) -> Vec<ActorMention> {
        let norm = Normalized::new(text);
        let hits = self.hits(text, &norm);
        let ntext = norm.text.as_str();
        // Attach nationality words and country names to their neighbours.
        let mut attached: Vec<Option<usize>> = vec![None; hits.len()];
        let mut extent: Vec<(usize, usize)> = hits.iter().map(|h| (h.start, h.end)).collect();
        let mut consumed = vec![false; hits.len()];
        // Country names attached to the forces before them ("the forces of India").
        let mut named_after: Vec<usize> = Vec::new();
        for (i, hit) in hits.iter().enumerate() {
            let country = hit.targets.iter().find_map(|t| match t {
                Target::Demonym(c) => Some((*c, true)),
                Target::CountryName(c) => Some((*c, false)),
                _ => None,
            });
            let Some((country, is_demonym)) = country else { continue };
            let attachable = |j: usize| {
                hits.get(j).is_some_and(|h| {
                    h.targets.iter().any(|t| matches!(t, Target::Family(_) | Target::Actor(_)))
                })
            };
            // "Togolese soldiers": the demonym before the noun.
            if is_demonym && attachable(i + 1) {
                if let Some(next) = hits.get(i + 1) {
                    let gap = ntext.get(hit.end..next.start).unwrap_or("x");
                    if gap.trim().is_empty() {
                        if let (Some(a), Some(e)) = (attached.get_mut(i + 1), extent.get_mut(i + 1))
                        {
                            *a = Some(country);
                            e.0 = hit.start;
                        }
                        if let Some(c) = consumed.get_mut(i) {
                            *c = true;
                        }
                        continue;
                    }
                }
            }
            // "l'armée malienne", "soldats maliens", "the army of Mali", "l'armée du Mali".
            if i > 0 && attachable(i - 1) {
                if let Some(prev) = hits.get(i - 1) {
                    let gap = ntext.get(prev.end..hit.start).unwrap_or("x").trim();
                    let ok = if is_demonym {
                        gap.is_empty()
                    } else {
                        matches!(gap, "of" | "of the" | "du" | "de" | "de la" | "des" | "in" | "au")
                    };
                    if ok && attached.get(i - 1).is_some_and(|a| a.is_none()) {
                        if let (Some(a), Some(e)) = (attached.get_mut(i - 1), extent.get_mut(i - 1))
                        {
                            *a = Some(country);
                            e.1 = hit.end;
                        }
                        if let Some(c) = consumed.get_mut(i) {
                            *c = true;
                        }
                        if !is_demonym {
                            named_after.push(i);
                        }
                    }
                }
            }
        }
        let mut out = Vec::new();
        // "The forces of India and Pakistan": the second country gets the same forces.
        for &i in &named_after {
            let (Some(forces), Some(hit), Some(second)) =
                (hits.get(i.wrapping_sub(1)), hits.get(i), hits.get(i + 1))
            else {
                continue;
            };
            let Some(country) = second.targets.iter().find_map(|t| match t {
                Target::CountryName(c) => Some(*c),
                _ => None,
            }) else {
                continue;
            };
            let gap = ntext.get(hit.end..second.start).unwrap_or("x").trim();
            if !matches!(gap, "and" | "et" | "&" | "," | "and of" | "et du" | "et de") {
                continue;
            }
            if let Some(c) = consumed.get_mut(i + 1) {
                *c = true;
            }
            let Some(span) = norm.span(second.start, second.end) else { continue };
            for target in &forces.targets {
                if let Some(m) = self.resolve(kb, *target, span, Some(country), context) {
                    out.push(m);
                }
            }
        }
        // "French and Burkinabe soldiers": the first nationality gets the same forces.
        for (i, hit) in hits.iter().enumerate() {
            if consumed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let Some(country) = hit.targets.iter().find_map(|t| match t {
                Target::Demonym(c) => Some(*c),
                _ => None,
            }) else {
                continue;
            };
            let (Some(second), Some(force)) = (hits.get(i + 1), hits.get(i + 2)) else { continue };
            let gap = ntext.get(hit.end..second.start).unwrap_or("x").trim();
            let second_attached = consumed.get(i + 1).copied().unwrap_or(false)
                && attached.get(i + 2).copied().flatten().is_some();
            let coordinated = matches!(
                gap,
                "and" | "et" | "&" | "," | "or" | "ou" | "and/or" | "et/ou" | "and or"
            );
            if coordinated && second_attached {
                let Some(span) = norm.span(hit.start, hit.end) else { continue };
                for target in &force.targets {
                    if let Some(m) = self.resolve(kb, *target, span, Some(country), context) {
                        out.push(m);
                    }
                }
            }
        }
        for (i, hit) in hits.iter().enumerate() {
            if consumed.get(i).copied().unwrap_or(true) {
                continue;
            }
            let (start, end) = extent.get(i).copied().unwrap_or((hit.start, hit.end));
            let Some(span) = norm.span(start, end) else { continue };
            let own_country = attached.get(i).copied().flatten();
            // "A French national" is a victim; "national" alone names nothing.
            let word = ntext.get(hit.start..hit.end).unwrap_or("");
            if own_country.is_none() && NATIONALITY_NOUNS.contains(&word) {
                continue;
            }
            for target in &hit.targets {
                if let Some(m) = self.resolve(kb, *target, span, own_country, context) {
                    out.push(m);
                }
            }
        }
        out.sort_by_key(|m| m.span.start);
        out
    }

    fn resolve(
        &self,
        kb: &Kb,
        target: Target,
        span: Span,
        own_country: Option<usize>,
        context: &MentionContext<'_>,
    ) -> Option<ActorMention> {
        let own_code = own_country.and_then(|c| kb.countries.get(c)).map(|c| c.code.clone());
        let country_code: Option<String> =
            own_code.clone().or_else(|| context.country_code.map(|c| c.to_ascii_uppercase()));
        let generic_name = |label: &str| -> Option<String> {
            country_code.as_deref().map(|code| format!("{label} ({})", country_name(kb, code)))
        };
        let mention = |actor: Option<Actor>, kind: MentionKind, entry: Option<usize>| {
            ActorMention { span, actor, kind, entry, country: own_code.clone(), associated: None }
        };
        match target {
            Target::Demonym(_) | Target::CountryName(_) | Target::Figure(_) => None,
            Target::Actor(idx) | Target::Leader(idx) => {
                let entry = kb.actors.get(idx)?;
                let kind = match (target, entry.kind) {
                    (Target::Leader(_), _) => MentionKind::Leader,
                    (_, EntryKind::Armed) => MentionKind::Named,
                    (_, EntryKind::Group) => MentionKind::Group,
                    (_, EntryKind::Organiser) => MentionKind::Organiser,
                };
                if let Some(state) = &entry.state {
                    let name = state_forces_name(
                        kb,
                        state,
                        "Military",
                        context.date,
                        entry.unit.as_deref(),
                    )?;
                    let inter = state_inter(state, context.country_code);
                    return Some(ActorMention {
                        country: Some(state.clone()),
                        ..mention(Some(Actor::new(name, inter)), kind, Some(idx))
                    });
                }
                // Without the event's country, the group's own (first) country names it.
                let regional_country =
                    context.country_code.or(entry.countries.first().map(String::as_str));
                // Without a date a report is taken to be from the first period: names that
                // apply only from some day on are left out ("ISGS" stays the ISGS).
                let regional = match context.date {
                    Some(_) => entry.regional_name(regional_country, context.date),
                    None => regional_country.and_then(|code| {
                        entry
                            .regional
                            .iter()
                            .find(|r| r.country.eq_ignore_ascii_case(code) && r.from.is_none())
                            .map(|r| r.name.as_str())
                    }),
                };
                if let Some(name) = regional.or(entry.coded_as.as_deref()) {
                    let target = kb.actors.iter().position(|e| e.name == name);
                    let inter = target
                        .and_then(|t| kb.actors.get(t))
                        .and_then(|e| e.inter)
                        .or(entry.inter)
                        .unwrap_or(Inter::Rebel);
                    // Coded as another actor, or as its parent group: itself beside it.
                    let as_parent = entry.parent.as_deref() == Some(name);
                    let associated = (entry.coded_as.is_some() || as_parent)
                        .then(|| Actor::new(entry.name.clone(), entry.inter.unwrap_or(inter)));
                    return Some(ActorMention {
                        associated,
                        ..mention(Some(Actor::new(name, inter)), kind, target.or(Some(idx)))
                    });
                }
                let outside = !entry.only_in.is_empty()
                    && !country_code
                        .as_deref()
                        .is_some_and(|code| entry.only_in.iter().any(|c| c == code));
                let template = match (&entry.otherwise, outside) {
                    (Some(otherwise), true) => otherwise.as_str(),
                    _ => entry.name.as_str(),
                };
                let name = if template.contains("{country}") {
                    country_code
                        .as_deref()
                        .map(|code| template.replace("{country}", &country_name(kb, code)))
                } else {
                    Some(entry.name.clone())
                };
                let inter = entry.inter.unwrap_or(Inter::Civilians);
                Some(mention(name.map(|n| Actor::new(n, inter)), kind, Some(idx)))
            }
            Target::Family(idx) => {
                let family = kb.families.get(idx)?;
                if family.kind == "context" {
                    return None;
                }
                let implied = family.country.clone();
                let code = own_code
                    .clone()
                    .or(implied.clone())
                    .or_else(|| context.country_code.map(|c| c.to_ascii_uppercase()));
                // Without a country, the bare branch ("Military Forces"), as roles name
                // protesters "Protesters": soldiers are still no unidentified armed group.
                let forces = |branch: &str, unit: Option<&str>| match code.as_deref() {
                    Some(code) => {
                        let name = state_forces_name(kb, code, branch, context.date, unit)?;
                        Some(Actor::new(name, state_inter(code, context.country_code)))
                    }
                    None => Some(Actor::new(format!("{branch} Forces"), Inter::StateForces)),
                };
                let forces_gov = || {
                    code.as_deref().and_then(|code| {
                        let name = government_name(kb, code, context.date)?;
                        Some(Actor::new(name, state_inter(code, context.country_code)))
                    })
                };
                let with_country = |m: ActorMention| ActorMention {
                    country: own_code.clone().or(implied.clone()),
                    ..m
                };
                let kind_str = family.kind.as_str();
                let m = match kind_str {
                    "military" => mention(forces("Military", None), MentionKind::StateForces, None),
                    "air" => mention(forces("Military", None), MentionKind::Air, None),
                    "police" => mention(forces("Police", None), MentionKind::StateForces, None),
                    "security" => {
                        let branch = if own_code.is_some() { "Military" } else { "Police" };
                        mention(forces(branch, None), MentionKind::StateForces, None)
                    }
                    "government" => mention(forces_gov(), MentionKind::Government, None),
                    "unit" => {
                        // Only Mexico's National Guard is a police unit in ACLED's names; El
                        // Salvador's (to 1992) and Nicaragua's (to 1979) were their armies'
                        // security corps, named as units of the military forces.
                        let named_here = |code: &str| {
                            family.unit_countries.is_empty()
                                || family
                                    .unit_countries
                                    .iter()
                                    .any(|k| k.eq_ignore_ascii_case(code))
                        };
                        let unit = family
                            .unit
                            .as_deref()
                            .filter(|u| {
                                *u != "National Guard"
                                    || matches!(code.as_deref(), Some("MX" | "SV" | "NI"))
                            })
                            .filter(|_| code.as_deref().is_none_or(named_here));
                        let own = unit
                            .zip(code.as_deref())
                            .filter(|(_, code)| family.own_actor(code, context.date));
                        match own {
                            // Forest guards of Burkina Faso from 2020 are a militia of their own.
                            Some((unit, code)) => mention(
                                Some(Actor::new(
                                    format!("{unit} ({})", country_name(kb, code)),
                                    Inter::PoliticalMilitia,
                                )),
                                MentionKind::StateForces,
                                None,
                            ),
                            None => {
                                let branch = match family.branch.as_deref() {
                                    Some("police") => "Police",
                                    Some("military") => "Military",
                                    _ => unit_branch(kb, code.as_deref(), unit),
                                };
                                mention(forces(branch, unit), MentionKind::StateForces, None)
                            }
                        }
                    }
                    "armed" => mention(
                        generic_name("Unidentified Armed Group")
                            .map(|n| Actor::new(n, Inter::PoliticalMilitia)),
                        MentionKind::UnidentifiedArmed,
                        None,
                    ),
                    "communal" => mention(
                        generic_name("Unidentified Communal Militia")
                            .map(|n| Actor::new(n, Inter::IdentityMilitia)),
                        MentionKind::CommunalMilitia,
                        None,
                    ),
                    "civilians" => mention(
                        generic_name("Civilians").map(|n| Actor::new(n, Inter::Civilians)),
                        MentionKind::Civilians,
                        None,
                    ),
                    "protesters" => mention(
                        generic_name("Protesters").map(|n| Actor::new(n, Inter::Protesters)),
                        MentionKind::Protesters,
                        None,
                    ),
                    "rioters" => mention(
                        generic_name("Rioters").map(|n| Actor::new(n, Inter::Rioters)),
                        MentionKind::Rioters,
                        None,
                    ),
                    "group:Government" => mention(forces_gov(), MentionKind::Group, None),
                    other => {
                        let label = family.label_on(other.strip_prefix("group:")?, context.date);
                        mention(
                            generic_name(label).map(|n| Actor::new(n, Inter::Civilians)),
                            MentionKind::Group,
                            None,
                        )
                    }
                };
                Some(with_country(m))
            }
        }
    }
}

/// Whether the word at `start..end` of a normalised text has a number for a neighbour
/// ("10 March", "March 2020"): a date's month, not a protest march.
fn beside_a_number(text: &str, start: usize, end: usize) -> bool {
    let numeric = |w: Option<&str>| {
        w.map(|w| w.trim_matches(|c: char| !c.is_ascii_alphanumeric()))
            .is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
    };
    let before = text.get(..start).and_then(|t| t.split_whitespace().next_back());
    let after = text.get(end..).and_then(|t| t.split_whitespace().next());
    numeric(before) || numeric(after)
}

/// Civilian words that name a person only after a nationality word ("a French national").
const NATIONALITY_NOUNS: &[&str] = &["national", "nationals", "ressortissant", "ressortissants"];

/// Acronyms that are also ordinary words once a text is in capitals ("US", "FAR").
const WORDLIKE_ACRONYMS: &[&str] =
    &["FAN", "FAR", "FAT", "ANA", "ISS", "EIS", "OPS", "GAT", "BAC", "RPM", "HANI", "CRS", "MSA"];

/// Whether a text is written (mostly) in capitals, like old wire copy.
fn is_shouting(text: &str) -> bool {
    let (mut upper, mut letters) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        if c.is_uppercase() {
            upper += 1;
        }
    }
    letters >= 20 && upper * 10 >= letters * 8
}

/// The spelling an acronym must have in the original text: accents stripped, case kept.
fn exact_form(text: &str) -> String {
    deunicode::deunicode(text).replace(['\u{2019}', '`'], "'")
}

/// ACLED's name of a country in generic actors.
pub fn country_name(kb: &Kb, code: &str) -> String {
    if let Some(entry) = kb.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code)) {
        return entry.name.clone();
    }
    tocsin_model::Country::from_code(code)
        .map(|c| c.name.trim().to_string())
        .unwrap_or_else(|| code.to_string())
}

/// `Military Forces of X (period) unit` for a country code.
pub fn state_forces_name(
    kb: &Kb,
    code: &str,
    branch: &str,
    date: Option<NaiveDate>,
    unit: Option<&str>,
) -> Option<String> {
    if let Some(entry) = kb.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code)) {
        return Some(entry.forces_name(branch, date, unit));
    }
    let country = tocsin_model::Country::from_code(code)?;
    let mut name = format!("{branch} Forces of {}", country.name.trim());
    if let Some(unit) = unit {
        name.push(' ');
        name.push_str(unit);
    }
    Some(name)
}

/// `Government of X (period)` for a country code.
pub fn government_name(kb: &Kb, code: &str, date: Option<NaiveDate>) -> Option<String> {
    let entry = kb.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code))?;
    let mut name = format!("Government of {}", entry.forces_of);
    if let Some(period) = entry.period(date) {
        name.push_str(&format!(" ({})", period.label));
    }
    Some(name)
}

/// State forces are inter 1 at home and 8 abroad.
fn state_inter(force_country: &str, event_country: Option<&str>) -> Inter {
    match event_country {
        Some(event) if !event.eq_ignore_ascii_case(force_country) => Inter::External,
        _ => Inter::StateForces,
    }
}

/// Which branch a unit belongs to in ACLED's names.
fn unit_branch(kb: &Kb, code: Option<&str>, unit: Option<&str>) -> &'static str {
    match unit {
        Some("Gendarmerie") => {
            let police = code
                .and_then(|code| kb.countries.iter().find(|c| c.code.eq_ignore_ascii_case(code)))
                .is_some_and(|c| c.gendarmerie_police);
            if police {
                "Police"
            } else {
                "Military"
            }
        }
        Some(
            "Forest Guards"
            | "General Command of Police Special Units"
            | "Afghan Local Police"
            | "Prison Guards"
            | "Customs Agents"
            | "State Police"
            | "Municipal Police"
            | "Ministerial Federal Police",
        ) => "Police",
        Some("National Guard") if code == Some("MX") => "Police",
        _ => "Military",
    }
}
