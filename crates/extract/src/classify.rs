//! Event type and sub-event type from English and French cue words, by ACLED's precedence.
//!
//! Cues are regular expressions over the passage; each carries its span as evidence. The
//! decision follows codebook sections 3 and 4: a demonstration is a protest unless the
//! demonstrators are violent (violent demonstration), force against them is lethal
//! (excessive force) or they are dispersed or arrested (protest with intervention); mobs
//! outside a demonstration are mob violence; fighting between armed groups (a clash, or
//! an attack whose target is armed: soldiers, a post, a base, militants) is a battle,
//! even with shelling or explosives; explosives and remote weapons absent fighting are
//! Explosions/Remote violence (air or drone strike first, then suicide bomb, shelling,
//! IED, grenade); violence against unarmed people is violence against civilians
//! (sexual violence before attack before abduction); the rest are strategic
//! developments.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use crate::cues::*;
use crate::learned::{self, Evidence, TypeModel};
use tocsin_model::{Field, Span, SubEventType};

/// The type of one event and whether it targeted civilians.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The sub-event type, with the cue that decided it.
    pub sub_event_type: Field<SubEventType>,
    /// Whether civilians were the main or only target (codebook section 9).
    pub civilian_targeting: Field<bool>,
}

/// Who a violent act was aimed at, from the words around its verb.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Soldiers, police, militants, posts, bases: an organised armed group.
    Armed,
    /// Unarmed people or their homes and villages.
    Civilian,
    /// Nothing said.
    Unknown,
}

/// Classifies the passage `text` (starting at `offset` in the report) by the rules.
///
/// Returns `None` when no cue of any event is present.
pub fn classify(text: &str, offset: usize) -> Option<Classification> {
    classify_with(text, offset, None)
}

/// Classifies the passage as [`classify`] does, then lets the learned `model` (when
/// given) weigh the rules' proposal with the passage's words and overrule it.
pub fn classify_with(
    text: &str,
    offset: usize,
    model: Option<&TypeModel>,
) -> Option<Classification> {
    let reading = Reading::of(text);
    let cues = &reading.cues;
    let at = |span: Span| Span::new(span.start + offset, span.end + offset);
    let (rule, rule_span, rule_confidence, target) = reading.rule?;
    let (sub, evidence) = match model {
        Some(model) => {
            let roles = roles(text);
            let evidence = Evidence { cues, rule, target, roles: &roles };
            let verdict = model.decide(rule, &learned::features(text, offset, &evidence));
            let span =
                if verdict.sub_event_type == rule { Some(at(rule_span)) } else { verdict.span };
            (
                verdict.sub_event_type,
                Field { value: verdict.sub_event_type, span, confidence: verdict.probability },
            )
        }
        None => (rule, Field::found(rule, at(rule_span), rule_confidence)),
    };
    let civilian = if sub.always_targets_civilians() {
        Field { value: true, span: evidence.span, confidence: evidence.confidence }
    } else if matches!(
        sub.event_type(),
        tocsin_model::EventType::ExplosionsRemoteViolence | tocsin_model::EventType::Riots
    ) || sub == SubEventType::ExcessiveForceAgainstProtesters
    {
        if target.0 == Target::Civilian && !target.1 {
            Field { value: true, span: evidence.span, confidence: 0.6 }
        } else {
            Field::inferred(false, 0.6)
        }
    } else {
        Field::inferred(false, 0.8)
    };
    Some(Classification { sub_event_type: evidence, civilian_targeting: civilian })
}

/// What the rules read in a passage wherever it stands in the report: its cues, and
/// the rules' type, cue span, confidence and target when they find an event.
#[derive(Debug, Clone)]
struct Reading {
    cues: Cues,
    rule: Option<(SubEventType, Span, f32, (Target, bool))>,
}

/// How many readings a thread remembers.
const READINGS_KEPT: usize = 4;

thread_local! {
    /// The readings of the last passages classified on this thread, latest last: a
    /// report's sentences are classified while it is segmented, then its event passages,
    /// and a one-sentence passage is the sentence read again.
    static READINGS: RefCell<VecDeque<(String, Rc<Reading>)>> =
        const { RefCell::new(VecDeque::new()) };
}

impl Reading {
    /// The reading of `text`, remembered when `text` was read lately on this thread.
    fn of(text: &str) -> Rc<Reading> {
        let known = READINGS.with(|readings| {
            readings.borrow().iter().find(|(seen, _)| seen == text).map(|(_, r)| Rc::clone(r))
        });
        if let Some(reading) = known {
            return reading;
        }
        let cues = Cues::find(text);
        let rule = decide(text, &cues)
            .map(|(rule, span, confidence)| (rule, span, confidence, targets(text, &cues)));
        let reading = Rc::new(Reading { cues, rule });
        READINGS.with(|readings| {
            let mut readings = readings.borrow_mut();
            if readings.len() >= READINGS_KEPT {
                readings.pop_front();
            }
            readings.push_back((text.to_string(), Rc::clone(&reading)));
        });
        reading
    }
}

/// The rules' type for the passage and the features the learned model sees, or `None`
/// when the rules find no event in it; training reads passages through this, so it
/// sees what extraction sees.
pub fn model_features(text: &str, offset: usize) -> Option<(SubEventType, Vec<learned::Feature>)> {
    let cues = Cues::find(text);
    let (rule, _, _) = decide(text, &cues)?;
    let roles = roles(text);
    let evidence = Evidence { cues: &cues, rule, target: targets(text, &cues), roles: &roles };
    Some((rule, learned::features(text, offset, &evidence)))
}

/// Every cue found in a passage: the first match of each kind.
#[derive(Debug, Default, Clone)]
pub struct Cues {
    protest: Option<Span>,
    riot: Option<Span>,
    mob: Option<Span>,
    intervention: Option<Span>,
    lethal_force: Option<Span>,
    clash: Option<Span>,
    attack: Option<Span>,
    kill: Option<Span>,
    execute: Option<Span>,
    harm: Option<Span>,
    sexual: Option<Span>,
    abduct: Option<Span>,
    arrest: Option<Span>,
    air: Option<Span>,
    shelling: Option<Span>,
    ied: Option<Span>,
    grenade: Option<Span>,
    suicide: Option<Span>,
    chemical: Option<Span>,
    explosion: Option<Span>,
    disrupted: Option<Span>,
    loot: Option<Span>,
    agreement: Option<Span>,
    change: Option<Span>,
    base: Option<Span>,
    taken: Option<Span>,
    regained: Option<Span>,
    handover: Option<Span>,
    other: Option<Span>,
}

impl Cues {
    /// Finds every cue in `text`.
    pub fn find(text: &str) -> Cues {
        let first = |regex: &Regex| regex.find(text).map(|m| Span::new(m.start(), m.end()));
        Cues {
            protest: demonstration(text),
            riot: foreground(&RIOT, text),
            // "fire-fights between" and "gun-fights" are battles, not brawls.
            mob: MOB
                .find_iter(text)
                .find(|m| {
                    // Only the last letters before it matter: a hyphen, "gun" or "fire".
                    let before = text.get(..m.start()).unwrap_or("");
                    let from = floor_boundary(before, before.len().saturating_sub(4));
                    let before = before.get(from..).unwrap_or("").to_lowercase();
                    !(before.ends_with('-') || before.ends_with("gun") || before.ends_with("fire"))
                })
                .map(|m| Span::new(m.start(), m.end())),
            intervention: first(&INTERVENTION),
            lethal_force: first(&LETHAL_FORCE),
            clash: literal(&CLASH, text),
            attack: first(&ATTACK),
            kill: first(&KILL),
            execute: first(&EXECUTE),
            harm: first(&HARM),
            sexual: first(&SEXUAL),
            abduct: first(&ABDUCT),
            arrest: first(&ARREST),
            air: first(&AIR),
            shelling: used_weapon(&SHELLING, text),
            ied: used_weapon(&IED, text),
            grenade: used_weapon(&GRENADE, text),
            suicide: first(&SUICIDE),
            chemical: first(&CHEMICAL),
            explosion: literal(&EXPLOSION, text),
            disrupted: first(&DISRUPTED),
            loot: first(&LOOT),
            agreement: literal(&AGREEMENT, text),
            change: first(&CHANGE),
            base: first(&BASE),
            taken: first(&TAKEN),
            regained: first(&REGAINED),
            handover: first(&HANDOVER),
            other: first(&OTHER),
        }
    }

    /// The names of the cues found, for the learned model.
    pub fn fired(&self) -> impl Iterator<Item = &'static str> + '_ {
        [
            ("protest", self.protest),
            ("riot", self.riot),
            ("mob", self.mob),
            ("intervention", self.intervention),
            ("lethal_force", self.lethal_force),
            ("clash", self.clash),
            ("attack", self.attack),
            ("kill", self.kill),
            ("execute", self.execute),
            ("harm", self.harm),
            ("sexual", self.sexual),
            ("abduct", self.abduct),
            ("arrest", self.arrest),
            ("air", self.air),
            ("shelling", self.shelling),
            ("ied", self.ied),
            ("grenade", self.grenade),
            ("suicide", self.suicide),
            ("chemical", self.chemical),
            ("explosion", self.explosion),
            ("disrupted", self.disrupted),
            ("loot", self.loot),
            ("agreement", self.agreement),
            ("change", self.change),
            ("base", self.base),
            ("taken", self.taken),
            ("regained", self.regained),
            ("handover", self.handover),
            ("other", self.other),
        ]
        .into_iter()
        .filter_map(|(name, span)| span.map(|_| name))
    }

    /// Whether any violent act is described.
    fn violence(&self) -> Option<Span> {
        self.kill.or(self.attack).or(self.harm).or(self.clash)
    }
}

/// The target of the violence in `text`: the first target class named after an active
/// violent verb or before a passive one, and whether any armed target is named at all.
pub fn targets(text: &str, cues: &Cues) -> (Target, bool) {
    let _ = cues;
    let mut first = Target::Unknown;
    let mut any_armed = false;
    for regex in [&*ATTACK, &*KILL, &*HARM, &*ABDUCT] {
        for verb in regex.find_iter(text) {
            let target = target_of(text, verb.start(), verb.end());
            if target == Target::Armed {
                any_armed = true;
            }
            if first == Target::Unknown {
                first = target;
            }
        }
    }
    (first, any_armed)
}

/// One violent act of a passage as the learned model sees it: the kind of verb, who did
/// it and whom it struck (each as a class of people).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Role {
    /// The verb's kind: "attack", "kill", "harm" or "abduct".
    pub verb: &'static str,
    /// The doer, when named in the verb's clause.
    pub agent: Target,
    /// The target, as [`targets`] reads it.
    pub target: Target,
    /// Where the verb starts in the passage (bytes).
    pub start: usize,
}

/// Every violent verb of `text` (at most a few per kind) with its doer and target.
pub fn roles(text: &str) -> Vec<Role> {
    let mut out = Vec::new();
    for (verb, regex) in
        [("attack", &*ATTACK), ("kill", &*KILL), ("harm", &*HARM), ("abduct", &*ABDUCT)]
    {
        for found in regex.find_iter(text).take(4) {
            let target = target_of(text, found.start(), found.end());
            let agent = agent_of(text, found.start(), found.end());
            out.push(Role { verb, agent, target, start: found.start() });
        }
    }
    out
}

/// The doer of the verb at `start..end`: the noun after "by" in the passive, else the
/// last class named in the verb's clause before it.
fn agent_of(text: &str, start: usize, end: usize) -> Target {
    let after = text.get(end..).unwrap_or("");
    let cut = floor_boundary(after, after.find(['.', ';']).unwrap_or(after.len()).min(120));
    let window = after.get(..cut).unwrap_or("");
    if let Some(by) = PERPETRATOR.find(window) {
        let rest = window.get(by.end()..).unwrap_or("");
        let head = floor_boundary(rest, rest.len().min(50));
        let found = first_class(rest.get(..head).unwrap_or(""));
        if found != Target::Unknown {
            return found;
        }
    }
    let before_start = floor_boundary(text, start.saturating_sub(90));
    let before = text.get(before_start..start).unwrap_or("");
    let clause_start = before.rfind(['.', ';']).map_or(0, |i| i + 1);
    last_class(before.get(clause_start..).unwrap_or(""))
}

/// The target class around one verb at `start..end`.
fn target_of(text: &str, start: usize, end: usize) -> Target {
    let after = text.get(end..).unwrap_or("");
    let passive_by =
        after.trim_start().starts_with("by ") || after.trim_start().starts_with("par ");
    let before_start = floor_boundary(text, start.saturating_sub(70));
    let before = text.get(before_start..start).unwrap_or("");
    let passive_aux = {
        let lower = before.to_lowercase();
        let trimmed = lower.trim_end();
        ["was", "were", "been", "being", "été", "is", "are"]
            .iter()
            .any(|aux| trimmed.ends_with(aux) || trimmed.ends_with(&format!("{aux} reportedly")))
    };
    let window = if passive_by || passive_aux {
        // The target is the subject: the last noun before the verb in its clause.
        let clause_start = before.rfind(['.', ';', ',', ':']).map_or(0, |i| i + 1);
        let clause = before.get(clause_start..).unwrap_or("");
        return last_class(clause);
    } else {
        let cut = after.find(['.', ';', ',', ':']).unwrap_or(after.len()).min(90);
        let cut = floor_boundary(after, cut);
        let window = after.get(..cut).unwrap_or("");
        // "killed following an incursion by militants": the perpetrator is no target.
        // ("a post manned by police" keeps its guards.)
        let agent = PERPETRATOR.find_iter(window).find(|by| {
            let before = window.get(..by.start()).unwrap_or("").trim_end().to_lowercase();
            !["manned", "guarded", "escorted", "protected", "held", "occupied", "defended"]
                .iter()
                .any(|w| before.ends_with(w))
        });
        match agent {
            Some(by) => window.get(..by.start()).unwrap_or(""),
            None => window,
        }
    };
    first_class(window)
}

fn floor_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

fn first_class(window: &str) -> Target {
    if UNARMED.is_match(window) {
        return Target::Civilian;
    }
    let armed = ARMED_NOUN.find(window).map(|m| m.start());
    // A plainly civilian word wins over a later armed one; a generic one ("people",
    // "a man") gives way to an armed word after it ("seven people including five militiamen"),
    // and a community's name qualifying an armed noun ("Fulani gunmen") names no civilian.
    let civilian = CIVILIAN_NOUN
        .find_iter(window)
        .filter(|m| !qualifies_armed_noun(window, m.as_str(), m.end()))
        .find(|m| {
            !is_generic_person(m.as_str())
                || armed.is_none_or(|a| m.start() < a && !GENERIC_THEN_ARMED.is_match(window))
        })
        .map(|m| m.start());
    match (armed, civilian) {
        (Some(a), Some(c)) => {
            if a <= c {
                Target::Armed
            } else {
                Target::Civilian
            }
        }
        (Some(_), None) => Target::Armed,
        (None, Some(_)) => Target::Civilian,
        (None, None) => Target::Unknown,
    }
}

/// Whether `word`, ending at byte `end` of `window`, is a community's or a village's name
/// for the armed noun right after it ("Dogon militiamen", "village self-defence", "les
/// jeunes miliciens"): a qualifier, not a civilian.
fn qualifies_armed_noun(window: &str, word: &str, end: usize) -> bool {
    let community = matches!(
        word.to_lowercase().as_str(),
        "fulani"
            | "peul"
            | "peuls"
            | "peulh"
            | "peulhs"
            | "dogon"
            | "dogons"
            | "mossi"
            | "mossis"
            | "tuareg"
            | "tuaregs"
            | "muslims"
            | "christians"
            | "village"
            | "villages"
            | "youth"
            | "youths"
            | "jeunes"
    );
    community
        && window.get(end..).is_some_and(|rest| {
            let next = rest.trim_start_matches([' ', '-']);
            next.len() < rest.len() && ARMED_NOUN.find(next).is_some_and(|m| m.start() == 0)
        })
}

fn is_generic_person(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "people"
            | "person"
            | "persons"
            | "individual"
            | "individuals"
            | "man"
            | "men"
            | "personnes"
            | "hommes"
    )
}

fn last_class(window: &str) -> Target {
    if UNARMED.is_match(window) {
        return Target::Civilian;
    }
    let armed = ARMED_NOUN.find_iter(window).last().map(|m| m.start());
    let civilian = CIVILIAN_NOUN
        .find_iter(window)
        .filter(|m| !qualifies_armed_noun(window, m.as_str(), m.end()))
        .last()
        .map(|m| m.start());
    match (armed, civilian) {
        (Some(a), Some(c)) => {
            if a >= c {
                Target::Armed
            } else {
                Target::Civilian
            }
        }
        (Some(_), None) => Target::Armed,
        (None, Some(_)) => Target::Civilian,
        (None, None) => Target::Unknown,
    }
}

/// The sub-event type, its deciding cue and a confidence.
fn decide(text: &str, cues: &Cues) -> Option<(SubEventType, Span, f32)> {
    use SubEventType::*;
    let (_, any_armed) = targets(text, cues);

    // Demonstrations.
    if let Some(protest) = cues.protest {
        let armed_violence =
            cues.clash.is_some() && cues.riot.is_none() && any_armed && cues.intervention.is_none();
        if !armed_violence || cues.protest.map(|p| p.start) < cues.clash.map(|c| c.start) {
            if let Some(riot) = cues
                .riot
                .or_else(|| demonstrators_violence(text))
                .or_else(|| armed_protesters_firing(text))
            {
                return Some((ViolentDemonstration, riot, 0.8));
            }
            // Force that seriously hurts the demonstrators, told after the demonstration
            // itself (force told before it is usually its cause).
            if let Some(hurt) = foreground(&PROTESTERS_HURT, text).filter(|h| h.start > protest.end)
            {
                return Some((ExcessiveForceAgainstProtesters, hurt, 0.6));
            }
            if let Some(lethal) = cues.lethal_force {
                return Some((ExcessiveForceAgainstProtesters, lethal, 0.7));
            }
            if cues.kill.is_some()
                && !cues.kill.is_some_and(|k| {
                    text.get(k.start..k.end).is_some_and(|w| {
                        w.eq_ignore_ascii_case("death") || w.to_lowercase().starts_with("mort")
                    })
                })
                && protest_killed(text)
            {
                return Some((ExcessiveForceAgainstProtesters, cues.kill.unwrap_or(protest), 0.6));
            }
            if let Some(intervention) = intervention_against_protesters(text) {
                // Force that killed or seriously hurt someone after it dispersed the crowd.
                if let Some(harm) = harm_after(text, intervention.end) {
                    return Some((ExcessiveForceAgainstProtesters, harm, 0.6));
                }
                return Some((ProtestWithIntervention, intervention, 0.75));
            }
            return Some((PeacefulProtest, protest, 0.85));
        }
    }
    // Soldiers or police in mutiny are armed rioters (a mutiny told as the cause or the
    // setting of something else is not the event).
    if let Some(mutiny) = mutiny(text, cues) {
        return Some((ViolentDemonstration, mutiny, 0.6));
    }
    // Crowds outside a demonstration.
    if let Some(mob) = cues.mob {
        return Some((MobViolence, mob, 0.75));
    }
    if let Some(riot) = cues.riot.filter(|riot| {
        let sentence_start = clause_start(text, riot.start);
        let subject = text.get(sentence_start..riot.start).unwrap_or("");
        let word = text.get(riot.start..riot.end).unwrap_or("").to_lowercase();
        // Riots are by crowds: an armed group doing the same is looting or an attack
        // (rioters named are a crowd whoever else is there), and so is damage by no crowd
        // told ("a car was set on fire", "unknown men vandalised a café").
        let damage = (PROPERTY_DAMAGE.is_match(&word)
            || ["smash", "vandal", "ransack"].iter().any(|w| word.starts_with(w)))
            && !["tyre", "tire", "pneu"].iter().any(|w| word.contains(w));
        let by_crowd = (CROWD.is_match(subject) || crowd(subject))
            && !UNKNOWN_DOER.is_match(subject)
            || agent_after(text, riot.end).is_some_and(|a| PROTESTER_AGENT.is_match(a) || crowd(a));
        word.starts_with("rioter")
            || word.starts_with("émeutier")
            || !ARMED_NOUN.is_match(subject) && (!damage || by_crowd)
    }) {
        // Rioters fighting the police with no grievance told are a mob.
        let grievance = DEMANDS.find_iter(text).any(|m| !RIOT.is_match(m.as_str()));
        if let Some(clash) =
            cues.clash.filter(|c| !grievance && fight_word(text, *c) && crowd_fight(text, *c))
        {
            return Some((MobViolence, clash, 0.6));
        }
        if DEMANDS.is_match(text) {
            return Some((ViolentDemonstration, riot, 0.65));
        }
        if cues.clash.is_none()
            || text.get(riot.start..riot.end).is_some_and(|w| w.to_lowercase().starts_with("riot"))
        {
            return Some((MobViolence, riot, 0.6));
        }
    }
    // Fights of crowds among themselves or with the police.
    if let Some(clash) = cues.clash.filter(|clash| crowd_fight(text, *clash)) {
        return Some((MobViolence, clash, 0.6));
    }
    // Violence by an unarmed crowd (or a vigilante crowd) outside a demonstration.
    // The doer is the subject before the verb, or the noun after "by" when the verb is
    // passive ("was beaten by traders"), whose subject is its victim ("residents were killed").
    // The first violent act told is the event ("villagers beat two thieves; the beating
    // avenged a theft").
    let first_violence = [cues.clash, cues.attack, cues.harm, cues.kill]
        .into_iter()
        .flatten()
        .min_by_key(|s| s.start);
    if let Some(violence) = first_violence {
        let sentence_start = clause_start(text, violence.start);
        let subject = text.get(sentence_start..violence.start).unwrap_or("");
        let crowd_did_it = if nominal(subject) {
            // "the kidnapping and assassination of five students": a noun, no one's act.
            false
        } else if passive_subject(subject) {
            crowd_agent(text, violence.start, violence.end)
        } else {
            let verb = text.get(violence.start..violence.end).unwrap_or("");
            crowd(subject)
                || COUNTED_PEOPLE.is_match(subject)
                    && BEATING.is_match(verb)
                    && cues.sexual.is_none()
                    && !ARMED_NOUN.is_match(subject)
                    && !ARMED_CROWD.is_match(subject)
                    && !FIREARM.is_match(text)
        };
        let crowd_acted = crowd_did_it || VIGILANTE.is_match(text) && !ARMED_NOUN.is_match(text);
        let no_weapons = || {
            cues.air.is_none()
                && cues.shelling.is_none()
                && cues.ied.is_none()
                && !FIREARM.is_match(text)
        };
        if crowd_acted && no_weapons() {
            return Some((MobViolence, violence, 0.55));
        }
    }
    // A base set up where violence is only the background ("in response to a massacre").
    if let Some(base) = cues.base {
        if [&*KILL, &*ATTACK, &*CLASH, &*HARM].iter().all(|r| foreground(r, text).is_none()) {
            return Some((HeadquartersOrBaseEstablished, base, 0.6));
        }
    }
    // Territory.
    if let Some(regained) = cues.regained {
        if cues.clash.is_some() || cues.attack.is_some() || cues.kill.is_some() {
            return Some((GovernmentRegainsTerritory, regained, 0.6));
        }
    }
    if let Some(taken) = cues.taken {
        if cues.clash.is_some() || cues.attack.is_some() || cues.kill.is_some() {
            return Some((NonStateActorOvertakesTerritory, taken, 0.55));
        }
    }
    // Fights between unarmed groups are mob violence, not battles.
    if let Some(clash) = cues
        .clash
        .filter(|_| !ARMED_NOUN.is_match(text) && CROWD.is_match(text) && cues.kill.is_none())
    {
        return Some((MobViolence, clash, 0.5));
    }
    // Battles.
    if let Some(clash) = cues.clash {
        return Some((ArmedClash, clash, 0.85));
    }
    // Explosives that blew up their own planters or never went off were disrupted.
    if let Some(own_goal) = SELF_DETONATION.find(text) {
        if cues.ied.is_some()
            || cues.shelling.is_some()
            || cues.explosion.is_some()
            || cues.grenade.is_some()
        {
            return Some((DisruptedWeaponsUse, Span::new(own_goal.start(), own_goal.end()), 0.7));
        }
    }
    // Remote violence absent fighting, unless it was prevented.
    let exploded = cues.explosion.is_some() || cues.violence().is_some();
    if let Some(disrupted) = cues.disrupted {
        if !exploded || cues.explosion.is_none() && cues.kill.is_none() && cues.harm.is_none() {
            return Some((DisruptedWeaponsUse, disrupted, 0.75));
        }
    }
    let weapon_used = cues.kill.is_some()
        || cues.harm.is_some()
        || cues.attack.is_some()
        || cues.explosion.is_some()
        || REMOTE_ACT.is_match(text);
    if weapon_used {
        for (sub, cue) in [
            (ChemicalWeapon, cues.chemical),
            (AirDroneStrike, cues.air),
            (SuicideBomb, cues.suicide),
            (ShellingArtilleryMissileAttack, cues.shelling),
            (RemoteExplosiveLandmineIed, cues.ied),
            (Grenade, cues.grenade),
        ] {
            if let Some(span) = cue {
                // A bomber or grenade thrower whose armed target fought back is in a battle.
                let fought_back = matches!(sub, SuicideBomb | Grenade)
                    && (any_armed || ARMED_NOUN.is_match(text))
                    && ARMED_RESPONSE.is_match(text);
                if fought_back {
                    return Some((ArmedClash, span, 0.6));
                }
                return Some((sub, span, 0.8));
            }
        }
    }
    // An explosion of unknown origin is coded as a remote explosive.
    if let Some(explosion) = cues.explosion.filter(|_| cues.disrupted.is_none()) {
        let word = text.get(explosion.start..explosion.end).unwrap_or("").to_lowercase();
        if word.starts_with("explo") || word.starts_with("detonat") || word == "blast" {
            return Some((RemoteExplosiveLandmineIed, explosion, 0.5));
        }
    }
    // An attack on an empty post destroys property; nobody fought.
    if let Some(empty) = EMPTY_TARGET.find(text) {
        if cues.kill.is_none() && cues.harm.is_none() && cues.clash.is_none() {
            return Some((LootingPropertyDestruction, Span::new(empty.start(), empty.end()), 0.6));
        }
    }
    // An attack on an armed group is a battle.
    if let Some(violence) = cues.attack.or(cues.kill).or(cues.harm) {
        // Executions are violence against civilians (codebook: executed detainees).
        if any_armed && cues.execute.is_none() {
            return Some((ArmedClash, violence, 0.7));
        }
    }
    // Violence against civilians.
    if let Some(sexual) = cues.sexual {
        return Some((SexualViolence, sexual, 0.8));
    }
    if let Some(violence) = cues.kill.or(cues.execute).or(cues.harm).or(cues.attack) {
        let no_harm = cues.kill.is_none() && cues.harm.is_none() && cues.execute.is_none();
        // An abduction in a raid that hurt nobody is an abduction (codebook: abduction
        // with no further violence reported).
        if let Some(abduct) = cues.abduct.filter(|_| no_harm && !shots_at_people(text)) {
            return Some((AbductionForcedDisappearance, abduct, 0.7));
        }
        let looting_only = no_harm && cues.loot.is_some() && !shots_at_people(text);
        if !looting_only {
            let span = cues.kill.or(cues.execute).unwrap_or(violence);
            return Some((Attack, span, 0.75));
        }
    }
    if let Some(abduct) = cues.abduct {
        return Some((AbductionForcedDisappearance, abduct, 0.8));
    }
    // Rebels or militias "arresting" someone is an abduction (codebook: non-state arrests);
    // fighters captured by the other side were taken in a battle.
    if let Some(arrest) = cues.arrest {
        let word = text.get(arrest.start..arrest.end).unwrap_or("").to_lowercase();
        if word.starts_with("captur") && target_of(text, arrest.start, arrest.end) == Target::Armed
        {
            return Some((ArmedClash, arrest, 0.6));
        }
        let sentence_start = clause_start(text, arrest.start);
        let subject = text.get(sentence_start..arrest.start).unwrap_or("");
        if NON_STATE.is_match(subject) {
            return Some((AbductionForcedDisappearance, arrest, 0.6));
        }
    }
    // Strategic developments.
    let strategic = [
        (DisruptedWeaponsUse, cues.disrupted),
        (LootingPropertyDestruction, cues.loot),
        (Arrests, cues.arrest),
        (Agreement, cues.agreement),
        (HeadquartersOrBaseEstablished, cues.base),
        (NonViolentTransferOfTerritory, cues.handover.or(cues.taken)),
        (Other, cues.other),
        (ChangeToGroupActivity, cues.change),
    ];
    for (sub, cue) in strategic {
        if let Some(span) = cue {
            return Some((sub, span, 0.6));
        }
    }
    None
}

/// The first violence by demonstrators: a violent act in the foreground that is not
/// negated ("no clashes were reported"), not suffered ("protesters were beaten") and not
/// done by the forces in its clause ("police assaulted the marchers").
fn demonstrators_violence(text: &str) -> Option<Span> {
    DEMO_VIOLENCE
        .find_iter(text)
        .find(|m| {
            let sentence_start = clause_start(text, m.start());
            let sentence = text.get(sentence_start..m.start()).unwrap_or("");
            let clause_start = sentence.rfind([',', ':']).map_or(0, |i| i + 1);
            let clause = sentence.get(clause_start..).unwrap_or("");
            let last = clause.trim_end().rsplit(' ').next().unwrap_or("").to_lowercase();
            // A grievance earlier in the sentence ("rallied over a new levy and stoned the
            // mayor's convoy") leaves a later act in the foreground.
            let act_start = [" and ", " et ", " then ", " puis "]
                .iter()
                .filter_map(|w| clause.rfind(w).map(|i| i + w.len()))
                .max()
                .unwrap_or(0);
            let act = clause.get(act_start..).unwrap_or("");
            // A passive act is the demonstrators' when they are its doers ("was burned
            // down by demonstrators") or when it damaged property and no armed doer is
            // named ("the store was plundered"); otherwise they suffered it.
            let done = if passive_subject(clause) {
                let agent = agent_after(text, m.end());
                let by_crowd = agent.is_some_and(|a| PROTESTER_AGENT.is_match(a) || crowd(a));
                let damage = PROPERTY_DAMAGE.is_match(&m.as_str().to_lowercase())
                    && !agent.is_some_and(|a| ARMED_NOUN.is_match(a));
                by_crowd || damage
            } else {
                !ARMED_NOUN.is_match(clause)
            };
            // A noun after a determiner or a word of grievance names what the protest is
            // about ("against the attempted lynching", "protested the assault on them"),
            // unless it is a fight or a barricade told as it happened ("a brawl between the
            // marchers and the police", "a burning vehicle").
            let word = m.as_str().to_lowercase();
            let told = [
                "clash",
                "fight",
                "fought",
                "altercation",
                "brawl",
                "scuffle",
                "physical",
                "affront",
                "bagarre",
                "heurt",
                "échauff",
                "burning",
                "tyre",
                "tire",
                "road",
                "barrag",
            ]
            .iter()
            .any(|w| word.starts_with(w));
            let grievance = !told
                && clause
                    .to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .rev()
                    .take(4)
                    .enumerate()
                    .any(|(i, w)| {
                        i == 0
                            && matches!(
                                w,
                                "the"
                                    | "a"
                                    | "an"
                                    | "their"
                                    | "his"
                                    | "her"
                                    | "its"
                                    | "this"
                                    | "that"
                                    | "la"
                                    | "le"
                                    | "les"
                                    | "une"
                                    | "un"
                                    | "du"
                                    | "leur"
                                    | "leurs"
                            )
                            || matches!(w, "against" | "solidarity" | "contre" | "over")
                            || w.starts_with("denounc")
                            || w.starts_with("condemn")
                            || w.starts_with("dénon")
                    });
            !BACKGROUND.is_match(act)
                && !matches!(last.as_str(), "no" | "without" | "sans" | "not" | "aucun" | "aucune")
                && !grievance
                && done
        })
        .map(|m| Span::new(m.start(), m.end()))
}

/// Whether the words before a violent word make it a noun ("the assassination", "threats
/// of death", "the kidnapping and killing"), skipping a coordinated noun before it.
fn nominal(before: &str) -> bool {
    let lower = before.to_lowercase();
    let mut words = lower.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let mut last = words.next().unwrap_or("");
    if matches!(last, "and" | "or" | "et" | "ou") {
        words.next();
        last = words.next().unwrap_or("");
    }
    matches!(
        last,
        "the"
            | "a"
            | "an"
            | "of"
            | "their"
            | "his"
            | "her"
            | "its"
            | "la"
            | "le"
            | "les"
            | "du"
            | "des"
            | "de"
            | "une"
            | "un"
            | "l"
    )
}

/// Whether the words before a verb end in a passive auxiliary ("were", "have been",
/// "was reportedly", "ont été").
fn passive_subject(before: &str) -> bool {
    let lower = before.trim_end().to_lowercase();
    let mut words = lower.rsplit(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    // Manner adverbs may stand between the auxiliary and the verb ("were fatally assaulted",
    // "was physically attacked", "a été violemment").
    let last =
        words.find(|w| !(w.len() > 4 && (w.ends_with("ly") || w.ends_with("ment")))).unwrap_or("");
    matches!(last, "was" | "were" | "been" | "being" | "été" | "is" | "are" | "get" | "got")
}

/// Where the clause holding byte `at` starts: after the last full stop or semicolon before it.
fn clause_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|t| t.rfind(['.', ';'])).map_or(0, |i| i + 1)
}

/// Whether the clash at `clash` is a fight of unarmed crowds: its sentence names a side
/// that is a crowd by nature (rioters, youths, students, party supporters), or a crowd
/// facing the police or soldiers; no firearm is told and no militants take part.
fn crowd_fight(text: &str, clash: Span) -> bool {
    let start = clause_start(text, clash.start);
    let end = text
        .get(clash.end..)
        .and_then(|t| t.find(['.', ';']))
        .map_or(text.len(), |i| clash.end + i);
    let sentence = text.get(start..end).unwrap_or("");
    // Told as a fight, as the forces stepping in ("police intervened while the traders
    // rioted") or as a crowd's reprisal; not a battle or a bombardment.
    let word = text.get(clash.start..clash.end).unwrap_or("").to_lowercase();
    if !(fight_word(text, clash) || word.starts_with("interven") || word.starts_with("retaliat")) {
        return false;
    }
    // The sentence's own words first: most clashes name no crowd at all.
    let crowd_side = RIOTER_SIDE.is_match(sentence)
        || CROWD_PERPETRATOR.is_match(sentence) && STATE_FORCES.is_match(sentence);
    if !crowd_side
        || NON_STATE.is_match(sentence)
        || ARMED_CROWD.is_match(sentence)
        || ORGANISED_FIGHT.is_match(sentence)
        // Any other armed side than the state's forces makes it a battle.
        || !ARMED_NOUN.find_iter(sentence).all(|m| STATE_FORCES.is_match(m.as_str()))
    {
        return false;
    }
    !(FIREARM.is_match(text) || SHELLING.is_match(text) || AIR.is_match(text) || IED.is_match(text))
}

/// The first mutiny told as the event itself: in the foreground, not the object of a
/// preposition ("involvement in a mutiny", "against mutinous troops", "amid a mutiny"), in
/// a passage that tells no coup, arrest or agreement.
fn mutiny(text: &str, cues: &Cues) -> Option<Span> {
    if !MUTINY.is_match(text)
        || cues.arrest.is_some()
        || cues.agreement.is_some()
        || COUP.is_match(text)
    {
        return None;
    }
    let found = foreground(&MUTINY, text)?;
    let start = floor_boundary(text, found.start.saturating_sub(25));
    let before = text.get(start..found.start).unwrap_or("").to_lowercase();
    let governed = before.split(|c: char| !c.is_alphanumeric()).rev().take(3).any(|w| {
        matches!(
            w,
            "in" | "for"
                | "against"
                | "amid"
                | "since"
                | "after"
                | "following"
                | "to"
                | "verge"
                | "threat"
                | "risk"
                | "fear"
                | "prevent"
                | "avoid"
        )
    });
    (!governed).then_some(found)
}

/// Whether the clash cue at `clash` tells a fight as such ("clashed", "fought"), not an
/// intervention or a response.
fn fight_word(text: &str, clash: Span) -> bool {
    let word = text.get(clash.start..clash.end).unwrap_or("").to_lowercase();
    ["clash", "fight", "fought", "skirmish", "affront", "scuffle", "heurt", "bagarre", "échauff"]
        .iter()
        .any(|w| word.starts_with(w))
}

/// The words after "by" (or "par") that names the doer of a passive verb ending at byte
/// `end`, when "by" comes soon after the verb in its clause.
fn agent_after(text: &str, end: usize) -> Option<&str> {
    let after = text.get(end..).unwrap_or("");
    let cut = floor_boundary(after, after.find(['.', ';', ',']).unwrap_or(after.len()).min(110));
    let clause = after.get(..cut).unwrap_or("");
    let by = PERPETRATOR.find(clause).filter(|by| by.start() <= 50)?;
    let rest = clause.get(by.end()..).unwrap_or("");
    rest.get(..floor_boundary(rest, rest.len().min(50)))
}

/// Whether the violent verb ending at byte `end` is passive with a crowd for its doer
/// ("a clerk was beaten by angry sellers", "injured by traders").
fn crowd_agent(text: &str, start: usize, end: usize) -> bool {
    // The doer may follow the circumstances ("attacked while eating at the canteen by
    // students of another school").
    let Some(agent) = agent_after(text, end) else {
        return false;
    };
    crowd(agent)
        || COUNTED_PEOPLE.find(agent).is_some_and(|m| m.start() <= 4)
            && !SEXUAL.is_match(text)
            && BEATING.is_match(text.get(start..end).unwrap_or(""))
            && !ARMED_NOUN.is_match(agent)
            && !FIREARM.is_match(text)
}

/// Whether the words name an unarmed crowd: a crowd noun and no armed one.
fn crowd(words: &str) -> bool {
    CROWD_PERPETRATOR.is_match(words) && !ARMED_NOUN.is_match(words) && !ARMED_CROWD.is_match(words)
}

/// The first death or serious injury told after byte `from`: in the same sentence, or in
/// a later one where it befalls demonstrators or a counted victim ("one student died"),
/// not a grievance ("in memory of", "the death of") or someone else's story.
fn harm_after(text: &str, from: usize) -> Option<Span> {
    let after = text.get(from..)?;
    let sentence_end = after.find(['.', ';']).unwrap_or(after.len());
    SERIOUS_HARM
        .find_iter(after)
        .find(|harm| {
            let start = floor_boundary(after, harm.start().saturating_sub(60));
            let before = after.get(start..harm.start()).unwrap_or("").to_lowercase();
            let clause_start = before
                .rfind([',', '.', ';'])
                .map_or(0, |i| i + 1)
                .max(before.rfind(" and ").map_or(0, |i| i + 5));
            if GRIEVANCE.is_match(before.get(clause_start..).unwrap_or("")) {
                return false;
            }
            if harm.start() < sentence_end {
                return true;
            }
            let clause_start = before.rfind(['.', ';']).map_or(0, |i| i + 1);
            VICTIM.is_match(before.get(clause_start..).unwrap_or(""))
        })
        .map(|harm| Span::new(from + harm.start(), from + harm.end()))
}

/// Soldiers or police who protest or mutiny by firing their weapons (into the air, as
/// often as not): a violent demonstration, since the demonstrators use their arms.
fn armed_protesters_firing(text: &str) -> Option<Span> {
    if !ARMED_PROTESTERS.is_match(text) {
        return None;
    }
    GUNFIRE
        .find_iter(text)
        .find(|shot| {
            // Shots at or on someone, or by someone, are force against the demonstrators.
            let end = floor_boundary(text, (shot.end() + 20).min(text.len()));
            let after = text.get(shot.end()..end).unwrap_or("").to_lowercase();
            let next = after.split_whitespace().next().unwrap_or("");
            !matches!(next, "at" | "on" | "by" | "sur" | "par")
        })
        .map(|shot| Span::new(shot.start(), shot.end()))
}

/// Whether the passage tells of shots fired, other than into the air, as a warning or at
/// a vehicle's tyres.
fn shots_at_people(text: &str) -> bool {
    GUNFIRE.find_iter(text).any(|shot| {
        let end = floor_boundary(text, (shot.end() + 30).min(text.len()));
        let after = text.get(shot.end()..end).unwrap_or("").to_lowercase();
        let start = floor_boundary(text, shot.start().saturating_sub(12));
        let before = text.get(start..shot.start()).unwrap_or("").to_lowercase();
        !(WIDE_OF_PEOPLE.is_match(&after) || before.contains("warning"))
    })
}

/// The first dispersal, tear gas or arrest aimed at the demonstrators themselves, not an
/// arrest the demonstrators protest against ("rallied to denounce their chairman's arrest").
fn intervention_against_protesters(text: &str) -> Option<Span> {
    for found in INTERVENTION.find_iter(text) {
        let word = found.as_str().to_lowercase();
        let is_arrest = word.starts_with("arrest")
            || word.starts_with("detain")
            || word.starts_with("interpell");
        if !is_arrest {
            return Some(Span::new(found.start(), found.end()));
        }
        // The words before it in its own sentence: an earlier sentence's grievance
        // ("calling for their release. Police arrested 23 of them") is no cause of it.
        let before_start = floor_boundary(text, found.start().saturating_sub(60));
        let before = text.get(before_start..found.start()).unwrap_or("").to_lowercase();
        let before = match before.rfind(['.', ';']) {
            Some(i) => before.get(i + 1..).unwrap_or("").to_string(),
            None => before,
        };
        let after_end = floor_boundary(text, (found.end() + 40).min(text.len()));
        let after = text.get(found.end()..after_end).unwrap_or("").to_lowercase();
        // "protesters were arrested", "arrests were made": the demonstrators' own arrest.
        if passive_subject(&before) && VICTIM.is_match(&before) || noun_made(&word, &after) {
            return Some(Span::new(found.start(), found.end()));
        }
        let about_a_cause = [
            "who ",
            "guilt",
            "against",
            "over",
            "denounc",
            "release",
            "condemn",
            "protest",
            "follow",
            "after",
            "unjust",
            "arbitrary",
            "illegal",
            "demand",
            "contre",
            "suite",
        ]
        .iter()
        .any(|w| before.contains(w))
            || after.trim_start().starts_with("of ")
            || after.trim_start().starts_with("in ");
        // The noun ("his arrest", "arrests") names the protesters' grievance unless it is
        // "arrests of protesters" or "made arrests".
        let noun = matches!(word.as_str(), "arrest" | "arrests" | "arrestation" | "arrestations");
        let noun_about_protesters = PROTESTER_ARRESTS.is_match(&after)
            || before.trim_end().ends_with("made")
            || before.trim_end().ends_with("mass");
        if !about_a_cause && (!noun || noun_about_protesters) {
            return Some(Span::new(found.start(), found.end()));
        }
    }
    None
}

/// Whether the arrest noun `word` is followed by "were made" ("several arrests were made").
fn noun_made(word: &str, after: &str) -> bool {
    matches!(word, "arrest" | "arrests" | "arrestations")
        && ["were made", "was made", "have been made", "ont été"]
            .iter()
            .any(|w| after.trim_start().starts_with(w))
}

/// The first mention of a weapon that is not seized, found or destroyed ("seized arms,
/// ammunition and explosives" tells of no explosion).
fn used_weapon(regex: &Regex, text: &str) -> Option<Span> {
    regex
        .find_iter(text)
        .find(|m| {
            let start = floor_boundary(text, m.start().saturating_sub(60));
            let before = text.get(start..m.start()).unwrap_or("");
            let clause = before.rsplit(['.', ';']).next().unwrap_or("");
            !SEIZED.is_match(clause) && !HELD_WEAPON.is_match(clause)
        })
        .map(|m| Span::new(m.start(), m.end()))
}

/// The first match of `regex` in its literal sense: not an abstract fight ("the fight
/// against corruption", "fighting crime"), a figurative explosion ("an explosion of
/// anger", "the population explosion") or a release by a court ("released on bail").
fn literal(regex: &Regex, text: &str) -> Option<Span> {
    regex
        .find_iter(text)
        .find(|m| {
            let word = m.as_str().to_lowercase();
            let end = floor_boundary(text, (m.end() + 40).min(text.len()));
            let after = text.get(m.end()..end).unwrap_or("").to_lowercase();
            let start = floor_boundary(text, m.start().saturating_sub(20));
            let before = text.get(start..m.start()).unwrap_or("").to_lowercase();
            if negated(&before) {
                return false;
            }
            if word.starts_with("fight") || word.starts_with("battl") {
                return !ABSTRACT_FIGHT.is_match(&after) && !before.trim_end().ends_with("the");
            }
            if word.starts_with("explo") || word == "blast" {
                return !FIGURATIVE_BLAST.is_match(&after)
                    && !["population", "demographic", "price", "social"]
                        .iter()
                        .any(|w| before.trim_end().ends_with(w));
            }
            if word.contains("releas") || word.contains("freed") || word.contains("libér") {
                let sentence_start = clause_start(text, m.start());
                let sentence_end = text
                    .get(m.end()..)
                    .and_then(|t| t.find(['.', ';']))
                    .map_or(text.len(), |i| m.end() + i);
                return !COURT.is_match(text.get(sentence_start..sentence_end).unwrap_or(""));
            }
            true
        })
        .map(|m| Span::new(m.start(), m.end()))
}

/// Whether the words `before` a cue deny it ("no clash was reported", "without any
/// fighting", "sans affrontement").
fn negated(before: &str) -> bool {
    let mut words = before.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).rev();
    let last = words.next().unwrap_or("");
    let denial = |w: &str| matches!(w, "no" | "without" | "sans" | "aucun" | "aucune" | "nor");
    denial(last)
        || matches!(last, "any" | "armed" | "further" | "major" | "real")
            && words.next().is_some_and(denial)
}

/// The first match of `regex` that is not inside a clause of background or cause
/// ("after the riots of the previous week").
fn foreground(regex: &Regex, text: &str) -> Option<Span> {
    regex
        .find_iter(text)
        .find(|m| {
            let sentence_start = clause_start(text, m.start());
            let before = text.get(sentence_start..m.start()).unwrap_or("");
            !BACKGROUND.is_match(before)
        })
        .map(|m| Span::new(m.start(), m.end()))
}

/// The first protest cue that tells of a demonstration: not a gathering of armed men
/// ("un rassemblement de combattants"), nor words in another sense ("this demonstrated
/// that", "manifestations of the crisis", "information gathered").
fn demonstration(text: &str) -> Option<Span> {
    PROTEST
        .find_iter(text)
        .find(|m| {
            let word = m.as_str().to_lowercase();
            let end = floor_boundary(text, (m.end() + 50).min(text.len()));
            let after = text.get(m.end()..end).unwrap_or("").trim_start().to_lowercase();
            let next = after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let start = floor_boundary(text, m.start().saturating_sub(30));
            let before = text.get(start..m.start()).unwrap_or("").trim_end().to_lowercase();
            let previous = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            if matches!(word.as_str(), "demonstrate" | "demonstrates" | "demonstrated")
                && matches!(
                    next,
                    "that" | "its" | "their" | "his" | "her" | "how" | "the" | "a" | "an"
                )
            {
                return false;
            }
            // "a crowded market" is a place, "they crowded (into) the square" a gathering.
            if word == "crowded"
                && matches!(
                    previous,
                    "a" | "an"
                        | "the"
                        | "its"
                        | "their"
                        | "his"
                        | "her"
                        | "this"
                        | "that"
                        | "very"
                        | "most"
                        | "more"
                        | "busy"
                        | "already"
                        | "often"
                        | "une"
                        | "un"
                        | "le"
                        | "la"
                )
            {
                return false;
            }
            if word.starts_with("manifestation") && next == "of" {
                return false;
            }
            if word == "gathered"
                && (matches!(previous, "information" | "intelligence" | "evidence" | "data")
                    || matches!(
                        next,
                        "information"
                            | "intelligence"
                            | "evidence"
                            | "weapons"
                            | "firewood"
                            | "wood"
                            | "water"
                            | "fodder"
                            | "food"
                            | "crops"
                    ))
            {
                return false;
            }
            // "Protestant worshippers" are no protest.
            if word.starts_with("protest")
                && text.get(m.end()..).is_some_and(|rest| rest.to_lowercase().starts_with("ant"))
            {
                return false;
            }
            if !(word.starts_with("rassembl") || word.starts_with("gathering")) {
                return true;
            }
            let Some(rest) =
                ["de ", "des ", "d'", "d’", "of "].iter().find_map(|p| after.strip_prefix(p))
            else {
                return true;
            };
            let head: String = rest.split_whitespace().take(4).collect::<Vec<_>>().join(" ");
            !ARMED_NOUN.is_match(&head)
        })
        .map(|m| Span::new(m.start(), m.end()))
}

/// Names of the cues present in `text`, for explaining a decision.
pub fn explain(text: &str) -> String {
    format!("{:?}", Cues::find(text))
}

/// Whether the passage says protesters or demonstrators were killed.
fn protest_killed(text: &str) -> bool {
    static KILLED_PROTESTERS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:protesters?|demonstrators?|manifestants?|marchers)\b[^.;]{0,40}\b(?:killed|died|dead|shot|tu[ée]s?|morts?)\b|\b(?:killed|killing|shot|tuant|tué)\b[^.;]{0,30}\b(?:protesters?|demonstrators?|manifestants?)")
            .expect("valid")
    });
    KILLED_PROTESTERS.is_match(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: Option<&str>) {
        let got = classify(text, 0).map(|c| c.sub_event_type.value.as_str());
        assert_eq!(got, want, "{text}");
    }

    fn check_civilians(text: &str, want: bool) {
        let got = classify(text, 0).map(|c| c.civilian_targeting.value);
        assert_eq!(got, Some(want), "{text}");
    }

    #[test]
    fn strikes_hangings_identity_checks_and_detonations_are_events() {
        for (text, want) in [
            (
                "Nurses began a strike over unpaid wages at the regional hospital.",
                "Peaceful protest",
            ),
            (
                "A herder accused of theft was hanged by a group of men in the market.",
                "Mob violence",
            ),
            ("A trader was hanged by militants near the village.", "Attack"),
            (
                "Gunmen conducted identity checks on travellers heading for the gold mine.",
                "Change to group/activity",
            ),
            (
                "Fighters set up a fake checkpoint on the main road north of the town.",
                "Change to group/activity",
            ),
            (
                "Des hommes armés ont effectué des contrôles d'identité sur la route.",
                "Change to group/activity",
            ),
            (
                "Militants cut power to the city after detonating two pylons.",
                "Remote explosive/landmine/IED",
            ),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn gatherings_of_armed_men_are_no_demonstrations() {
        check(
            "Une frappe de drone a visé un rassemblement de combattants près du fleuve.",
            Some("Air/drone strike"),
        );
        check("Aircraft bombed a gathering of militants in the hills.", Some("Air/drone strike"));
        check(
            "Des centaines de femmes se sont rassemblées devant la mairie.",
            Some("Peaceful protest"),
        );
        check("A gathering of traders blocked the market road.", Some("Peaceful protest"));
    }

    #[test]
    fn words_in_another_sense_are_no_demonstrations() {
        check("The survey demonstrated that the crisis is deepening.", None);
        check("Analysts see manifestations of the crisis in the north.", None);
        check("Police gathered information about the gang.", None);
        check("Teachers demonstrated against unpaid wages in Kara.", Some("Peaceful protest"));
        check(
            "Hundreds of nurses crowded the hospital gate in Sokodé, demanding their arrears.",
            Some("Peaceful protest"),
        );
        check(
            "Dock workers stood outside the port offices in Lomé demanding unpaid salaries.",
            Some("Peaceful protest"),
        );
        check(
            "Gendarmes dispersed the crowd with tear gas outside the prefecture.",
            Some("Protest with intervention"),
        );
    }

    #[test]
    fn fights_of_unarmed_crowds_are_mob_violence() {
        for (text, want) in [
            (
                "Clashes between police and rioters near the quarry left four people hurt.",
                "Mob violence",
            ),
            (
                "Three died in clashes between rival party supporters after the vote count.",
                "Mob violence",
            ),
            (
                "Youngsters of two neighbourhoods clashed over a football match in Kara.",
                "Mob violence",
            ),
            (
                "Fights between communal groups wounded two men before the chief's enthronement.",
                "Mob violence",
            ),
            (
                "Shopkeepers clashed with municipal police over the closure of the market.",
                "Mob violence",
            ),
            (
                "Des affrontements entre jeunes de deux quartiers ont fait trois blessés.",
                "Mob violence",
            ),
            // Armed or organised sides fight battles.
            ("Fire-fights between the army and the insurgents went on until dawn.", "Armed clash"),
            (
                "As rebels battled government forces in the valley, residents were killed by shelling.",
                "Armed clash",
            ),
            ("Hundreds of fighters died in clashes in areas where villagers live.", "Armed clash"),
            ("Fifteen people died in a communal clash, residents said.", "Armed clash"),
            ("Communal militias clashed with herders near the river, killing five.", "Armed clash"),
            ("Soldiers clashed with jihadists near the border.", "Armed clash"),
            ("Youths exchanged fire with the police in the market.", "Armed clash"),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn unarmed_groups_that_beat_are_mobs() {
        for (text, want) in [
            ("A party official was beaten to death by five men near the market.", "Mob violence"),
            ("Four men stoned a herder accused of theft.", "Mob violence"),
            (
                "Pupils were attacked while queueing at the canteen by students of another school carrying clubs.",
                "Mob violence",
            ),
            ("Two suspected burglars were fatally assaulted by residents.", "Mob violence"),
            ("A tax collector was physically attacked by traders at the market.", "Mob violence"),
            (
                "Residents beat up two suspected militants. The beating avenged a trader robbed last week.",
                "Mob violence",
            ),
            ("A group of angry young men beat a soldier after a quarrel.", "Mob violence"),
            (
                "Student leaders fled abroad after the kidnapping and assassination of five classmates by soldiers.",
                "Attack",
            ),
            // Firearms or a sexual crime make it something else.
            ("Armed villagers killed a farmer near the wells.", "Attack"),
            ("A trader was shot dead by four men on motorbikes.", "Attack"),
            ("Five men beat and raped a woman near the well.", "Sexual violence"),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn damage_told_in_the_passive_is_the_demonstrators() {
        for (text, want) in [
            (
                "The town hall was burnt down by angry demonstrators who wanted the mayor gone.",
                "Violent demonstration",
            ),
            (
                "Residents protested against the killing of a driver; the suspect's shop was plundered.",
                "Violent demonstration",
            ),
            (
                "Two police posts were attacked by angry students protesting the death of a pupil.",
                "Violent demonstration",
            ),
            (
                "La mairie a été saccagée par des manifestants qui réclamaient de l'eau.",
                "Violent demonstration",
            ),
            // What the protest is about is no violence by the protesters.
            (
                "Nurses marched in solidarity with two colleagues assaulted by a patient's relatives.",
                "Peaceful protest",
            ),
            ("Villagers demonstrated against the attempted lynching of a herder.", "Peaceful protest"),
            (
                "Students protested the assault on their classmates by blocking the campus gate.",
                "Peaceful protest",
            ),
            (
                "Traders demonstrated at the town hall, where a brawl with the guards followed.",
                "Violent demonstration",
            ),
            // Burning an effigy is no damage; protesters beaten suffered it.
            (
                "Protesters burned an effigy of the governor outside his office.",
                "Peaceful protest",
            ),
            (
                "Protesters demanding jobs were beaten by police near the stadium.",
                "Excessive force against protesters",
            ),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn damage_by_no_crowd_is_no_riot() {
        for (text, want) in [
            (
                "A councillor's car was set on fire outside his home overnight.",
                "Looting/property destruction",
            ),
            (
                "Unknown individuals vandalised the graves of the old cemetery.",
                "Looting/property destruction",
            ),
            ("Militants set fire to the granaries of the village.", "Looting/property destruction"),
            ("Hundreds of traders set fire to the market office.", "Mob violence"),
            ("Des habitants ont saccagé le domicile du chef de village.", "Mob violence"),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn an_armed_group_is_no_crowd() {
        check(
            "An armed group beat and wounded two suspected thieves in the market.",
            Some("Attack"),
        );
    }

    #[test]
    fn mutinies_are_violent_demonstrations() {
        for (text, want) in [
            (
                "Mutinous soldiers fired into the air all night in the garrison town.",
                "Violent demonstration",
            ),
            (
                "A mutiny by police officers spread to two more towns on Monday.",
                "Violent demonstration",
            ),
            (
                "Des militaires mutinés ont pillé des boutiques au centre-ville.",
                "Violent demonstration",
            ),
            ("The army arrested forty soldiers for their part in a mutiny.", "Arrests"),
            ("Protestant worshippers were killed by gunmen in the church.", "Attack"),
            ("Gunmen opened fire on two women as they gathered firewood.", "Attack"),
        ] {
            check(text, Some(want));
        }
    }

    #[test]
    fn french_crowds_that_burn_and_loot_riot() {
        check(
            "Des manifestants ont incendié la mairie et saccagé deux boutiques.",
            Some("Violent demonstration"),
        );
    }

    #[test]
    fn battles() {
        check(
            "In Kunduz, Taliban fighters attacked a checkpoint and killed 4 officers of the police.",
            Some("Armed clash"),
        );
        check("Des hommes armés ont attaqué un poste de l'armée samedi.", Some("Armed clash"));
        check(
            "Police in Baghlan repelled an attack on their checkpoint by Taliban gunmen.",
            Some("Armed clash"),
        );
        check("Near Tessit, fighters of ISGS and JNIM clashed.", Some("Armed clash"));
        check(
            "Militants attacked the army base with mortars and fought for hours.",
            Some("Armed clash"),
        );
        check("Les FAMa ont neutralisé une dizaine de terroristes.", Some("Armed clash"));
    }

    #[test]
    fn a_community_qualifying_an_armed_noun_names_armed_men() {
        for text in [
            "Militiamen killed three Fulani gunmen near the river.",
            "Gunmen attacked the hamlet and killed a village self-defence fighter.",
            "Unknown gunmen killed a militiaman of the local self-defence group.",
            "Rebels shot four men described as members of a Dozo militia at the well.",
            "Des hommes armés ont tué trois personnes décrites comme des miliciens.",
        ] {
            check(text, Some("Armed clash"));
        }
        for text in [
            "Gunmen killed three Fulani herders near the river.",
            "Militants attacked the Dogon village and killed two farmers.",
            "Des hommes armés ont tué trois villageois peuls.",
        ] {
            check(text, Some("Attack"));
        }
    }

    #[test]
    fn a_grenade_answered_with_gunfire_is_a_battle() {
        check(
            "Militants threw a grenade at an army post; the soldiers opened fire in response.",
            Some("Armed clash"),
        );
        check("Militants threw a grenade at an army post, wounding two soldiers.", Some("Grenade"));
    }

    #[test]
    fn demonstrators_who_come_to_blows_riot() {
        for text in [
            "Students marched to the ministry and scuffled with a rival group; two were hurt.",
            "Traders protested the new tax in the market and stones were thrown at the mayor.",
            "Des heurts ont opposé les manifestants aux forces de l'ordre devant la mairie.",
        ] {
            check(text, Some("Violent demonstration"));
        }
        check(
            "Teachers marched peacefully in Kara to demand their arrears.",
            Some("Peaceful protest"),
        );
        check(
            "Nurses rallied outside the hospital in Kara to demand their pay; no clashes were seen.",
            Some("Peaceful protest"),
        );
        check(
            "Farmers marched on the prefecture in Dapaong and police assaulted them with batons.",
            Some("Protest with intervention"),
        );
    }

    #[test]
    fn a_crowd_doing_violence_in_the_passive_is_mob_violence() {
        check(
            "A council inspector was beaten by a group of sellers at the market.",
            Some("Mob violence"),
        );
        check("Five reporters were injured by traders in the bazaar.", Some("Mob violence"));
        check("Un policier a été frappé par des habitants en colère.", Some("Mob violence"));
        check("Two soldiers were injured by militants near the bridge.", Some("Armed clash"));
    }

    #[test]
    fn demonstrators_who_act_after_their_grievance_are_violent() {
        for text in [
            "Fishmongers rallied over the new levy and stoned the mayor's convoy.",
            "Pupils demonstrated over the exam fees, then set the prefecture on fire.",
            "Strikers picketed the sawmill before they forced their way inside.",
        ] {
            check(text, Some("Violent demonstration"));
        }
        // A grievance still is one when no later act follows it.
        check(
            "Residents marched over the killing of a trader by gunmen.",
            Some("Peaceful protest"),
        );
    }

    #[test]
    fn unarmed_trades_and_partisans_doing_violence_are_a_mob() {
        for text in [
            "Gold miners attacked a mine's security office and wounded two guards.",
            "Ruling party partisans assaulted a rival candidate at the market.",
            "Foreign nationals beat a customs officer at the crossing.",
            "Des orpailleurs ont attaqué les agents des eaux et forêts.",
        ] {
            check(text, Some("Mob violence"));
        }
    }

    #[test]
    fn remote_violence() {
        check(
            "At least 10 Taliban fighters in Helmand died in an airstrike carried out by the Afghan air force.",
            Some("Air/drone strike"),
        );
        check(
            "Riding his motorbike near Djibo, a young man hit an IED and was killed when it exploded.",
            Some("Remote explosive/landmine/IED"),
        );
        check(
            "Regime forces shelled the village, killing two civilians.",
            Some("Shelling/artillery/missile attack"),
        );
        // Ceasefire monitors' counts of heavy-weapon fire.
        check(
            "The monitors observed 9 bursts of fire involving heavy machine-guns near the village.",
            Some("Shelling/artillery/missile attack"),
        );
        check(
            "Inside a Kandahar mosque, a suicide bomber detonated his vest, killing 4.",
            Some("Suicide bomb"),
        );
        check("Unknown men threw a grenade at a bar, injuring 3.", Some("Grenade"));
        check(
            "Soldiers defused an IED planted on the road to Djibo.",
            Some("Disrupted weapons use"),
        );
    }

    #[test]
    fn violence_against_civilians() {
        check(
            "On 27 April 2020, Taliban fighters in Ghazni kidnapped 3 civilians and later killed them.",
            Some("Attack"),
        );
        check(
            "In Fada N'Gourma, a town councillor was assassinated by unidentified gunmen.",
            Some("Attack"),
        );
        check(
            "Near Kantchari, armed men abducted a park ranger.",
            Some("Abduction/forced disappearance"),
        );
        check("A woman from the hamlet was raped by soldiers.", Some("Sexual violence"));
        check("Security forces summarily executed 9 suspected militants.", Some("Attack"));
        check("Gunmen decapitated a herbalist in the village of Bama.", Some("Attack"));
        check("Militants amputated the hands of two alleged thieves.", Some("Attack"));
        check_civilians("Gunmen killed two herders near Djibo.", true);
    }

    #[test]
    fn demonstrations() {
        check(
            "In Kaya, some dozens of teachers protested the new payroll levy with a sit-in.",
            Some("Peaceful protest"),
        );
        check("Des centaines de manifestants ont marché à Lomé.", Some("Peaceful protest"));
        check(
            "In Kankan, demonstrators were dispersed by police with tear gas.",
            Some("Protest with intervention"),
        );
        check("Demonstrators burned tyres and clashed with police.", Some("Violent demonstration"));
        check(
            "Security forces shot dead two protesters during a march.",
            Some("Excessive force against protesters"),
        );
        check("An angry mob lynched a suspected thief.", Some("Mob violence"));
    }

    #[test]
    fn strategic_developments() {
        check(
            "Militants looted the market stalls of Gorom-Gorom and took cattle.",
            Some("Looting/property destruction"),
        );
        check(
            "Des hommes armés ont incendié des maisons à Kpendjal.",
            Some("Looting/property destruction"),
        );
        check("Police arrested an opposition leader in Ouagadougou.", Some("Arrests"));
        check("The government and rebels signed a ceasefire agreement.", Some("Agreement"));
        check("In Bouaké two militias signed a non-aggression pact.", Some("Agreement"));
        check("The army deployed reinforcements to Djibo.", Some("Change to group/activity"));
    }

    #[test]
    fn french_reports() {
        check(
            "Des individus armés non identifiés ont enlevé trois personnes à Djibo.",
            Some("Abduction/forced disappearance"),
        );
        check(
            "Une frappe de drone a tué cinq terroristes près de Ménaka.",
            Some("Air/drone strike"),
        );
        check(
            "Les forces de défense et de sécurité ont neutralisé plusieurs terroristes.",
            Some("Armed clash"),
        );
        check("Un engin explosif improvisé a explosé au passage d'un véhicule civil, tuant deux passagers.", Some("Remote explosive/landmine/IED"));
        check("Des hommes armés ont tué le chef du village de Kpinkankandi.", Some("Attack"));
        check(
            "Des manifestants ont incendié des pneus et érigé des barricades à Lomé.",
            Some("Violent demonstration"),
        );
        check("Des jeunes ont manifesté pacifiquement devant la mairie.", Some("Peaceful protest"));
        check(
            "Des affrontements ont opposé l'armée aux jihadistes près de Tillabéri.",
            Some("Armed clash"),
        );
        check(
            "Les militaires ont désamorcé un engin explosif sur l'axe Djibo-Namsiguia.",
            Some("Disrupted weapons use"),
        );
        check("La police a arrêté le chef de l'opposition à Ouagadougou.", Some("Arrests"));
    }

    #[test]
    fn demonstrators_who_burn_or_clash_riot() {
        check(
            "In Dapaong, angry pupils marched and then burned a police station.",
            Some("Violent demonstration"),
        );
        check(
            "In Kara, clashes between protestors and police followed the rally.",
            Some("Violent demonstration"),
        );
        check("Protestors marched peacefully through Sokodé.", Some("Peaceful protest"));
    }

    #[test]
    fn background_riots_do_not_make_a_protest_violent() {
        check("Residents protested against the release of prisoners, after riots in the prisons last week.", Some("Peaceful protest"));
        check("Journalists protested against the unjust arrest of their editor. His arrest is seen as an attack on the press.", Some("Peaceful protest"));
    }

    #[test]
    fn unarmed_victims_make_violence_against_civilians() {
        check("In Kaya, soldiers shot dead two unarmed men near the bus station.", Some("Attack"));
        check("Unknown gunmen shot dead a police lieutenant in Dar'a.", Some("Armed clash"));
        check("Supporters of two parties fought each other in Ntega.", Some("Mob violence"));
    }

    #[test]
    fn bombers_and_grenade_throwers_met_by_armed_fire_fight_a_battle() {
        check(
            "A suicide bomber drove a truck into an army base; soldiers fired at the vehicle before it exploded.",
            Some("Armed clash"),
        );
        check(
            "At the checkpoint, rebels lobbed a grenade towards the guards, who reacted with gunfire.",
            Some("Armed clash"),
        );
        check("Troops shot dead two suicide bombers near the barracks.", Some("Armed clash"));
        check(
            "In a crowded market, a suicide bomber set off his vest, killing nine shoppers.",
            Some("Suicide bomb"),
        );
        check("Unknown men threw a grenade into a bar, wounding three drinkers.", Some("Grenade"));
        check(
            "Police shot dead a militant armed with a grenade outside the station.",
            Some("Armed clash"),
        );
    }

    #[test]
    fn dispersals_that_kill_or_maim_are_excessive_force() {
        check(
            "Students marched in Kara; gendarmes used tear gas against the march and one student later died of his injuries.",
            Some("Excessive force against protesters"),
        );
        check(
            "Traders protested in the market; gendarmes dispersed them and a woman lost an eye.",
            Some("Excessive force against protesters"),
        );
        check(
            "Traders protested in the market until gendarmes dispersed them with tear gas.",
            Some("Protest with intervention"),
        );
    }

    #[test]
    fn bases_checkpoints_and_captures() {
        check(
            "The gendarmerie set up a new base in Sollé after last week's massacre.",
            Some("Headquarters or base established"),
        );
        check(
            "Rebels set up a checkpoint on the road to Kaya and turned travellers back.",
            Some("Change to group/activity"),
        );
        check(
            "Government troops captured four rebel fighters near the river.",
            Some("Armed clash"),
        );
        check("Police arrested a union leader at his home.", Some("Arrests"));
    }

    #[test]
    fn the_demonstrators_own_arrest_or_removal_is_an_intervention() {
        for text in [
            "Nurses rallied in Sokodé, calling for their colleagues to be released. Gendarmes arrested eleven nurses.",
            "In Lomé, students staging a sit-in at the rectorate were arrested.",
            "Farmers demonstrated in Dapaong against the new tax. Several arrests were made.",
            "Teachers protested in Kara to demand their bonuses. Police intervene.",
            "Traders marched in Atakpamé; the police fired warning shots to stop them.",
            "Drivers protested outside the ministry in Lomé and were removed by the police.",
        ] {
            check(text, Some("Protest with intervention"));
        }
        // An arrest the marchers protest against is their cause.
        check(
            "Students marched in Kara to denounce the arrest of their leader.",
            Some("Peaceful protest"),
        );
    }

    #[test]
    fn soldiers_who_protest_by_firing_riot() {
        for text in [
            "Soldiers angry over unpaid bonuses protested in Kara, firing their rifles skywards.",
            "Gunfire was heard at a barracks in Lomé during a protest by soldiers over pay.",
            "Des militaires ont manifesté à Kara en tirant en l'air.",
        ] {
            check(text, Some("Violent demonstration"));
        }
        // Force against demonstrators is no demonstrators' violence.
        check(
            "Students protested in Kara; policemen fired tear gas at them.",
            Some("Protest with intervention"),
        );
    }

    #[test]
    fn a_denied_clash_is_no_battle() {
        for text in [
            "Militants attacked two farmers near Dapaong; a village defence group came, but no clash was reported.",
            "Gunmen raided a farm near Mango and beat its owner, without any fighting.",
        ] {
            check(text, Some("Attack"));
        }
    }

    #[test]
    fn suspects_and_soldiers_on_leave_are_no_combatants() {
        for text in [
            "Soldiers killed two militant suspects in a village near Dapaong.",
            "Gendarmes shot dead an alleged informant of the militants in Mango.",
            "Gunmen shot dead two soldiers on leave in a taxi near Kara.",
        ] {
            check(text, Some("Attack"));
        }
        check("Soldiers killed two militants in a village near Dapaong.", Some("Armed clash"));
    }

    #[test]
    fn civilians_killed_in_crossfire_died_in_a_battle() {
        check(
            "Two farmers were killed in the crossfire between soldiers and militants near Dapaong.",
            Some("Armed clash"),
        );
    }

    #[test]
    fn a_death_the_marchers_mourn_is_no_excessive_force() {
        check(
            "Police fired tear gas at demonstrators in Kaya; they honoured a singer who was killed years ago.",
            Some("Protest with intervention"),
        );
    }

    #[test]
    fn raids_that_hurt_nobody_are_abductions_or_looting() {
        check(
            "Gunmen raided a farm near Kaya and abducted the farmer's two sons.",
            Some("Abduction/forced disappearance"),
        );
        check(
            "Militants stormed the hamlet, fired into the air and burned the granaries.",
            Some("Looting/property destruction"),
        );
        check(
            "Militants stormed the hamlet, fired at the villagers and burned the granaries.",
            Some("Attack"),
        );
        check(
            "Gunmen abducted a trader in Pama; his body was found two days later.",
            Some("Attack"),
        );
    }

    #[test]
    fn figures_of_speech_are_no_events() {
        check("The minister praised the fight against corruption in Lomé.", None);
        check(
            "Police said they are fighting crime with new patrols in Accra.",
            Some("Change to group/activity"),
        );
        check("Analysts warn of an explosion of anger over fuel prices.", None);
        check("A court in Niamey released the journalist on bail.", None);
        check("Fighting broke out between soldiers and rebels near Beni.", Some("Armed clash"));
        check("The government released 40 prisoners under the peace deal.", Some("Agreement"));
    }

    #[test]
    fn violent_verbs_have_doers_and_targets() {
        use Target::*;
        type Case<'a> = (&'a str, &'a [(&'a str, Target, Target)]);
        let cases: &[Case] = &[
            ("Gunmen killed two soldiers at the post.", &[("kill", Armed, Armed)]),
            ("Two farmers were abducted by militiamen.", &[("abduct", Armed, Civilian)]),
            ("Villagers beat a thief.", &[("harm", Civilian, Unknown)]),
            ("Nothing happened in the town.", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<(&str, Target, Target)> =
                roles(text).into_iter().map(|r| (r.verb, r.agent, r.target)).collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn no_event() {
        check("The economy grew by 3% last year, the minister said.", None);
        check("Analysts expect inflation to slow.", None);
    }
}
