//! ACLED's roles: who is actor 1, actor 2 and the associated actors of one event.
//!
//! Built on the mentions of the sentences around the event's focus. Armed mentions get an
//! agent score from the words around them (`by`/`par` before an agent, `against`/`contre`
//! or a verb of violence before a target, a passive auxiliary after a subject), then each
//! sub-event type applies ACLED's rule: victims are actor 2 in violence against civilians,
//! `Protesters (Country)` lead protests with organisers beside them, and so on.

use chrono::NaiveDate;
use tocsin_model::{Actor, EventType, Field, Inter, Span, SubEventType};

use crate::kb::Kb;
use crate::mentions::{
    country_name, government_name, state_forces_name, ActorMention, MentionContext, MentionKind,
    Recognizer,
};
use crate::normalize::{normalize, Normalized};
use crate::{RoleContext, Roles};

/// Confidence of a named actor found in the text.
const CONF_NAMED: f32 = 0.85;
/// Confidence of a generic actor found in the text (soldiers, gunmen).
const CONF_GENERIC: f32 = 0.65;
/// Confidence of an actor no words name (a default).
const CONF_DEFAULT: f32 = 0.4;

/// An armed candidate with its role evidence.
#[derive(Debug, Clone)]
struct Candidate {
    actor: Actor,
    span: Span,
    kind: MentionKind,
    entry: Option<usize>,
    /// Agent evidence minus target evidence.
    score: i32,
    /// Actors named in parentheses or as alternatives beside this one.
    assoc: Vec<(Actor, Span)>,
    /// The words name a building or post of the actor ("police station"), not its people.
    facility: bool,
}

impl Candidate {
    fn field(&self) -> Field<Actor> {
        let confidence = match self.kind {
            MentionKind::Named | MentionKind::Leader => CONF_NAMED,
            _ => CONF_GENERIC,
        };
        Field::found(self.actor.clone(), self.span, confidence)
    }
}

/// Assign roles from the mentions of the whole text.
///
/// Without the event's country, the country the report's own words point to names the
/// generic actors (`Civilians (Mali)` for a report about the FAMa).
pub fn assign(
    kb: &Kb,
    cues: &CueSet,
    mentions: &[ActorMention],
    context: &RoleContext<'_>,
) -> Option<Roles> {
    if context.country_code.is_none() {
        if let Some(recognizer) = &cues.recognizer {
            if let Some(code) = recognizer.infer_country(kb, context.text) {
                let inferred = RoleContext { country_code: Some(code.as_str()), ..*context };
                let mention_context =
                    MentionContext { country_code: Some(code.as_str()), date: context.date };
                let again = recognizer.mentions(kb, context.text, &mention_context);
                return assign_in_country(kb, cues, &again, &inferred);
            }
        }
    }
    assign_in_country(kb, cues, mentions, context)
}

fn assign_in_country(
    kb: &Kb,
    cues: &CueSet,
    mentions: &[ActorMention],
    context: &RoleContext<'_>,
) -> Option<Roles> {
    let text = context.text;
    let window = sentence_window(text, context.focus);
    let in_window: Vec<ActorMention> = mentions
        .iter()
        .filter(|m| m.span.start >= window.start && m.span.end <= window.end)
        .cloned()
        .collect();
    let norm = Normalized::new(text);
    use SubEventType::*;
    let sub = context.sub_event_type;
    let with_government = matches!(
        sub,
        ChangeToGroupActivity
            | Other
            | Agreement
            | HeadquartersOrBaseEstablished
            | NonViolentTransferOfTerritory
    );
    let identity = !matches!(
        sub.event_type(),
        tocsin_model::EventType::Protests | tocsin_model::EventType::Riots
    );
    let battle = sub.event_type() == tocsin_model::EventType::Battles;
    let options = Options { with_government, identity, battle, date: context.date };
    let mut armed = armed_candidates(kb, &in_window, &norm, window, cues, options);
    if armed.is_empty() && window != Span::new(0, text.len()) {
        let whole = Span::new(0, text.len());
        armed = armed_candidates(kb, mentions, &norm, whole, cues, options);
    }
    // "The militants" of a later sentence are the group the report named before.
    // A named force of the government's side in the passage (the VDP the militants tried to
    // abduct) is their target, not their name.
    let only_generic = armed.iter().any(|c| c.kind == MentionKind::UnidentifiedArmed)
        && armed.iter().all(|c| {
            !matches!(c.kind, MentionKind::Named | MentionKind::Leader) || government_side(kb, c)
        });
    if only_generic && window.start > 0 {
        let before = Span::new(0, window.start);
        let earlier: Vec<&ActorMention> = mentions
            .iter()
            .filter(|m| m.span.end <= window.start && m.kind == MentionKind::Named)
            .collect();
        if !earlier.is_empty() {
            let owned: Vec<ActorMention> = earlier.into_iter().cloned().collect();
            let named: Vec<Candidate> = armed_candidates(kb, &owned, &norm, before, cues, options)
                .into_iter()
                .filter(|c| {
                    c.kind == MentionKind::Named
                        && matches!(
                            c.actor.inter,
                            Inter::Rebel | Inter::PoliticalMilitia | Inter::IdentityMilitia
                        )
                })
                .collect();
            // Beside a militia the report also named (the Koglweogo member the militants
            // abducted), "the militants" are the one rebel group.
            let rebels: Vec<&Candidate> =
                named.iter().filter(|c| c.actor.inter == Inter::Rebel).collect();
            let group: Option<&Candidate> = match (named.as_slice(), rebels.as_slice()) {
                ([group], _) => Some(group),
                (_, [group]) => Some(*group),
                _ => None,
            };
            if let Some(group) = group {
                for c in armed.iter_mut() {
                    let unknown = said_unknown(&norm, c.span);
                    if c.kind == MentionKind::UnidentifiedArmed && !unknown {
                        c.actor = group.actor.clone();
                        c.entry = group.entry;
                        c.kind = MentionKind::Named;
                        c.assoc = group.assoc.clone();
                    }
                }
                dedup_candidates(&mut armed);
            }
        }
    }
    // "The guerrillas" of a report that names one rebel group of the event's country only
    // later (the wire report's "FMLN" in its last paragraph) are that group too.
    let still_generic = armed.iter().any(|c| c.kind == MentionKind::UnidentifiedArmed)
        && armed.iter().all(|c| {
            !matches!(c.kind, MentionKind::Named | MentionKind::Leader) || government_side(kb, c)
        });
    if still_generic {
        let mut later = mentions.iter().filter(|m| {
            m.span.start >= window.end
                && m.kind == MentionKind::Named
                && m.actor.as_ref().is_some_and(|a| a.inter == Inter::Rebel)
                && m.entry
                    .and_then(|e| kb.actors.get(e))
                    .is_some_and(|e| context.country_code.is_none_or(|k| e.operates_in(k)))
        });
        let first = later.next();
        let one = first.filter(|f| later.all(|m| m.actor == f.actor));
        if let Some(group) = one.and_then(|m| m.actor.clone().map(|a| (a, m.entry))) {
            for c in armed.iter_mut() {
                if c.kind == MentionKind::UnidentifiedArmed && !said_unknown(&norm, c.span) {
                    c.actor = group.0.clone();
                    c.entry = group.1;
                    c.kind = MentionKind::Named;
                    c.assoc = Vec::new();
                }
            }
            dedup_candidates(&mut armed);
        }
    }
    // In its countries, a coalition of states stands for its members' forces.
    if let Some(code) = context.country_code {
        let coalition = kb.actors.iter().enumerate().find(|(_, e)| {
            !e.subgroups.is_empty()
                && e.subgroups.iter().all(|s| s.starts_with("Military Forces of "))
                && e.operates_in(code)
        });
        if let Some((idx, entry)) = coalition {
            // The member's own forces stand beside the coalition ("US forces": the Global
            // Coalition with the United States' forces associated).
            let lead = Actor::new(entry.name.clone(), entry.inter.unwrap_or(Inter::External));
            let mut members: Vec<(Actor, Span)> = Vec::new();
            for c in armed.iter_mut() {
                if c.actor.inter == Inter::External && is_member(entry, &c.actor.name) {
                    let member = std::mem::replace(&mut c.actor, lead.clone());
                    members.push((member, c.span));
                    c.entry = Some(idx);
                    c.kind = MentionKind::Named;
                }
            }
            if let Some(first) = armed.iter_mut().find(|c| c.actor == lead) {
                for member in members {
                    if !first.assoc.iter().any(|(a, _)| *a == member.0) {
                        first.assoc.push(member);
                    }
                }
            }
            dedup_candidates(&mut armed);
        }
    }
    // A communal militia takes the name of its village when the report gives one, else the
    // name of the town or village where it fought (a city's quarter: the city).
    let home = village_name(text, window).or_else(|| {
        context
            .location
            .map(|l| l.split(" - ").next().unwrap_or(l).trim().to_string())
            .filter(|l| !l.is_empty())
    });
    if let Some(village) = &home {
        for c in armed.iter_mut() {
            if c.actor.name.starts_with("Unidentified Communal Militia (") {
                c.actor.name = c.actor.name.replace("Unidentified", village);
            }
        }
    }
    let window_norm = {
        let start = norm.offset_of(window.start);
        let end = norm.offset_of(window.end);
        format!(" {} ", norm.text.get(start..end).unwrap_or(""))
    };
    let has_cue = |list: &[String]| list.iter().any(|cue| contains_words(&window_norm, cue));
    let intervention = has_cue(&cues.intervention);
    let between = has_cue(&cues.between);
    let measures = has_cue(&cues.measures);
    let code = context.country_code.map(|c| c.to_ascii_uppercase());
    // The event's country as the knowledge base describes it.
    let country = kb.countries.iter().find(|c| Some(c.code.as_str()) == code.as_deref());
    // Where ACLED codes unnamed killers as gangs, a gang's method marks unnamed gunmen as one.
    // Words that say the killers were a gang ("a gang-related shooting") make them one
    // anywhere.
    let gang_named = GANG_WORDS.iter().any(|w| contains_words(&window_norm, w));
    let gang_label = country
        .and_then(|c| c.unnamed_perpetrator.as_deref())
        .or(gang_named.then_some("Unidentified Gang"));
    let gang_marks = gang_named || GANG_METHODS.iter().any(|cue| contains_words(&window_norm, cue));
    if let Some(label) = gang_label {
        if gang_marks {
            for c in armed.iter_mut() {
                if c.kind == MentionKind::UnidentifiedArmed {
                    c.actor.name = c.actor.name.replace("Unidentified Armed Group", label);
                }
            }
        }
    }
    // Unnamed attackers who came across a border or went back across it ("crossed the
    // border from Mali", "withdrew towards Mali") are that country's armed group.
    // Most reports tell of no crossing: the countries are read only when they do.
    let crossing = ["border from", "toward"].iter().any(|w| window_norm.contains(w));
    if let Some(home) = code.as_deref().map(|c| country_name(kb, c)).filter(|_| crossing) {
        let from = kb.countries.iter().filter(|c| c.name != home).find(|c| {
            c.names.iter().any(|n| {
                let n = normalize(n);
                ["border from", "towards", "toward"]
                    .iter()
                    .any(|w| contains_words(&window_norm, &format!("{w} {n}")))
            }) || c.demonyms.iter().any(|d| {
                let d = normalize(d);
                contains_words(&window_norm, &format!("towards the {d} border"))
            })
        });
        if let Some(other) = from {
            let suffix = format!("({home})");
            for c in armed.iter_mut() {
                let generic = c.kind == MentionKind::UnidentifiedArmed
                    || c.actor.name.starts_with("Islamist Militia (");
                if generic && c.actor.name.ends_with(&suffix) {
                    c.actor.name = c.actor.name.replace(&suffix, &format!("({})", other.name));
                }
            }
        }
    }
    // ACLED names generic actors after the event's country; when no country is known the
    // bare label keeps the event (its place and country stay blank) rather than losing it.
    let generic = |label: &str, inter: Inter| -> Option<Actor> {
        Some(match code.as_deref() {
            Some(code) => Actor::new(format!("{label} ({})", country_name(kb, code)), inter),
            None => Actor::new(label, inter),
        })
    };
    let first_of = |kind: MentionKind| -> Option<&ActorMention> {
        in_window.iter().find(|m| m.kind == kind && m.actor.is_some())
    };
    let found_or_default = |kind: MentionKind, label: &str, inter: Inter| -> Option<Field<Actor>> {
        match first_of(kind).and_then(|m| m.actor.clone().map(|a| (a, m.span))) {
            Some((actor, span)) if actor.name.starts_with(label) => {
                Some(Field::found(actor, span, CONF_GENERIC))
            }
            _ => generic(label, inter).map(|a| Field::inferred(a, CONF_DEFAULT)),
        }
    };
    let groups: Vec<Field<Actor>> = dedup(
        in_window
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Group | MentionKind::Organiser))
            .filter(|m| !armed.iter().any(|c| c.span.overlaps(m.span)))
            .filter_map(|m| m.actor.clone().map(|a| Field::found(a, m.span, CONF_GENERIC)))
            .collect(),
    );
    // Officials stand beside protesters only when they protest ("councilmen staged a
    // sit-in"), named before the protest; "forced the mayor to close the town hall" names
    // the target.
    let protest_at = PROTEST_WORDS
        .iter()
        .filter_map(|w| window_norm.find(w))
        .min()
        .map(|at| norm.offset_of(window.start) + at.saturating_sub(1));
    // "Chadian students staged a sit-in", "Indian nationals fought the police": people a
    // nationality names before the protest are that country's protesters or rioters.
    let crowd_of = |kind: MentionKind, label: &str, inter: Inter| -> Option<Field<Actor>> {
        let foreign = in_window
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Civilians | MentionKind::Group))
            .filter(|m| protest_at.is_none_or(|at| norm.offset_of(m.span.start) < at))
            // Not the victims of forces named before them ("soldiers robbed Ghanaian traders").
            .filter(|m| armed.iter().all(|c| c.span.start > m.span.start))
            .find_map(|m| {
                let own = m.country.as_deref()?;
                let foreign = code.as_deref().is_none_or(|c| !c.eq_ignore_ascii_case(own));
                foreign.then(|| (m.span, country_name(kb, own)))
            })
            .filter(|_| first_of(kind).is_none_or(|p| p.country.is_none()));
        match foreign {
            Some((span, country)) => Some(Field::found(
                Actor::new(format!("{label} ({country})"), inter),
                span,
                CONF_GENERIC,
            )),
            None => found_or_default(kind, label, inter),
        }
    };
    let organisers: Vec<Field<Actor>> = groups
        .iter()
        .filter(|f| {
            !f.value.name.starts_with("Government of ")
                || match (protest_at, f.span) {
                    (Some(at), Some(span)) => norm.offset_of(span.start) < at,
                    _ => true,
                }
        })
        .cloned()
        .collect();
    let uag = || generic("Unidentified Armed Group", Inter::PoliticalMilitia);
    // Unnamed killers are a gang only when the report shows a gang's marks (victims bound,
    // bodies cut up, a drive-by); a body found with no such mark stays an armed group.
    let unnamed = || {
        let label = gang_label.filter(|_| gang_marks).unwrap_or("Unidentified Armed Group");
        generic(label, Inter::PoliticalMilitia)
    };
    // State forces of the event's country; the bare branch when no country is known.
    let forces = |branch: &str| -> Actor {
        let name = code
            .as_deref()
            .and_then(|code| state_forces_name(kb, code, branch, context.date, None))
            .unwrap_or_else(|| format!("{branch} Forces"));
        Actor::new(name, Inter::StateForces)
    };
    let military = || {
        code.as_deref()
            .and_then(|code| state_forces_name(kb, code, "Military", context.date, None))
            .map(|n| Actor::new(n, Inter::StateForces))
    };
    let opponent = || {
        let name = country?.opponent(context.date)?;
        let inter = kb.actors.iter().find(|e| e.name == name).and_then(|e| e.inter)?;
        Some(Actor::new(name, inter))
    };
    // Unattributed fire at a front-line place came from the side that does not hold it.
    let front_government = || country?.front_holder(&window_norm);
    let mut roles = match sub {
        PeacefulProtest | ProtestWithIntervention | ExcessiveForceAgainstProtesters => {
            let actor1 = crowd_of(MentionKind::Protesters, "Protesters", Inter::Protesters)?;
            // Counter-demonstrators face the demonstrators.
            const COUNTER: [&str; 6] = [
                "counter protest",
                "counter demonstr",
                "counterprotest",
                "counterdemonstr",
                "contre manifest",
                "contremanifest",
            ];
            let counter_at = COUNTER.iter().filter_map(|w| window_norm.find(w)).min();
            let counter = counter_at.is_some();
            // Organisers named after the counter-demonstration are its organisers.
            let (organisers, counter_organisers): (Vec<Field<Actor>>, Vec<Field<Actor>>) =
                match counter_at {
                    Some(at) if sub == PeacefulProtest => organisers.into_iter().partition(|f| {
                        f.span.is_none_or(|span| {
                            let pos = norm.offset_of(span.start);
                            let window_start = norm.offset_of(window.start);
                            // `window_norm` starts with one space before the window's text.
                            pos.saturating_sub(window_start) + 1 < at
                        })
                    }),
                    _ => (organisers, Vec::new()),
                };
            let actor2 = if sub == PeacefulProtest {
                counter
                    .then(|| generic("Protesters", Inter::Protesters))
                    .flatten()
                    .map(|a| Field::inferred(a, CONF_DEFAULT))
            } else {
                armed
                    .iter()
                    .find(|c| {
                        c.actor.inter == Inter::StateForces || c.actor.inter == Inter::External
                    })
                    .or_else(|| armed.first())
                    .map(Candidate::field)
                    .or_else(|| Some(Field::inferred(forces("Police"), CONF_DEFAULT)))
            };
            let assoc_actor_2 = if actor2.is_some() { counter_organisers } else { Vec::new() };
            Roles { actor1, assoc_actor_1: organisers, actor2, assoc_actor_2 }
        }
        ViolentDemonstration | MobViolence => {
            let actor1 = crowd_of(MentionKind::Rioters, "Rioters", Inter::Rioters)?;
            let state =
                armed.iter().find(|c| matches!(c.kind, MentionKind::StateForces) && !c.facility);
            // "Soldiers fired into the air to protest": the forces are the rioters, a mutiny
            // beside the rioters, and no one faces them.
            let rioters_named = in_window.iter().any(|m| {
                m.kind != MentionKind::StateForces
                    && state.is_none_or(|c| m.span.start < c.span.start)
            });
            let mutiny_marks = MUTINY_WORDS.iter().any(|w| window_norm.contains(w));
            let mutiny = state.filter(|c| {
                sub == ViolentDemonstration
                    && c.score > 0
                    && !rioters_named
                    && (mutiny_marks || !intervention)
                    && c.actor.inter == Inter::StateForces
            });
            if let Some(c) = mutiny {
                let name = format!("Mutiny of {}", c.actor.name);
                let mut assoc_actor_1 = organisers;
                assoc_actor_1
                    .insert(0, Field::found(Actor::new(name, Inter::Rebel), c.span, CONF_GENERIC));
                return Some(Roles {
                    actor1,
                    assoc_actor_1,
                    actor2: None,
                    assoc_actor_2: Vec::new(),
                });
            }
            let crowd_victims = in_window.iter().find(|m| {
                matches!(m.kind, MentionKind::Civilians | MentionKind::Group)
                    && hurt_by_crowd(&norm, m.span)
            });
            // Rioters who stone a peacekeepers' convoy or storm their base face that force (a
            // police station a crowd burns stands for no police).
            let attacked_force = armed
                .iter()
                .filter(|c| {
                    c.score < 0
                        && (c.actor.inter == Inter::External
                            || (c.actor.inter == Inter::StateForces && !c.facility))
                })
                .min_by_key(|c| c.score);
            let actor2 = if sub == ViolentDemonstration {
                match state.filter(|c| intervention || c.score < 0).or(attacked_force) {
                    Some(c) => Some(c.field()),
                    // "Rioters were arrested": the police did it, named or not.
                    None if intervention && state.is_none() => {
                        Some(Field::inferred(forces("Police"), CONF_DEFAULT))
                    }
                    // "Striking students assaulted two teachers": the people the rioters
                    // hurt are civilians, the second actor (a mob that attacks a villager).
                    None => crowd_victims.and_then(|m| {
                        civilians_field(kb, std::slice::from_ref(m), code.as_deref())
                    }),
                }
            } else {
                // The mob's target: an armed actor it attacks, the other crowd, or civilians.
                // A named armed group the crowd fights ("party youths and Imbonerakure fought
                // one another") is the other side, whoever struck first; a community's militia
                // that backs one of two crowds is no side of its own.
                let target = armed
                    .iter()
                    .filter(|c| c.score < 0 && !c.facility)
                    .min_by_key(|c| c.score)
                    .or_else(|| {
                        armed.iter().find(|c| {
                            c.kind == MentionKind::Named
                                && !c.facility
                                && c.actor.inter != Inter::IdentityMilitia
                        })
                    });
                match target {
                    Some(c) => Some(c.field()),
                    None if between => {
                        generic("Rioters", Inter::Rioters).map(|a| Field::inferred(a, CONF_DEFAULT))
                    }
                    None => civilians_field(kb, &in_window, code.as_deref()),
                }
            };
            let mut assoc_actor_1 = organisers;
            // A rebel group of the event's country named in the riot ("members of the FARC
            // front blew up a pylon to protest the murder") stands beside the rioters, unless
            // it is the side they face or one of its kin.
            let at_home = |c: &&Candidate| {
                let entry = c.entry.and_then(|e| kb.actors.get(e));
                entry.is_some_and(|e| code.as_deref().is_some_and(|k| e.operates_in(k)))
            };
            let faced_entry = actor2
                .as_ref()
                .and_then(|a| armed.iter().find(|c| c.actor == a.value).and_then(|c| c.entry));
            let kin = |c: &Candidate| {
                let (Some(x), Some(y)) = (
                    c.entry.and_then(|e| kb.actors.get(e)),
                    faced_entry.and_then(|e| kb.actors.get(e)),
                ) else {
                    return false;
                };
                x.parent_or_child_of(y)
                    || y.subgroups.contains(&x.name)
                    || x.subgroups.contains(&y.name)
            };
            for c in armed
                .iter()
                .filter(|c| c.kind == MentionKind::Named && c.actor.inter == Inter::Rebel)
                .filter(at_home)
            {
                let faced = actor2.as_ref().is_some_and(|a| a.value == c.actor) || kin(c);
                if !faced && !assoc_actor_1.iter().any(|f| f.value == c.actor) {
                    assoc_actor_1.push(c.field());
                }
            }
            // A crowd that punishes a suspected thief takes justice into its own hands.
            let justice = sub == MobViolence
                && MOB_JUSTICE_WORDS.iter().any(|w| contains_words(&window_norm, w));
            if justice {
                if let Some(v) = generic("Vigilante Group", Inter::PoliticalMilitia) {
                    if !assoc_actor_1.iter().any(|f| f.value.name == v.name) {
                        assoc_actor_1.push(Field::inferred(v, CONF_DEFAULT));
                    }
                }
            }
            // The victims' own group stands beside them ("two teachers": Teachers).
            let assoc_actor_2: Vec<Field<Actor>> = match (&actor2, crowd_victims) {
                (Some(a), Some(m)) if a.value.inter == Inter::Civilians => groups
                    .iter()
                    .filter(|f| f.span == Some(m.span) && !is_organisation(kb, &f.value.name))
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            };
            Roles { actor1, assoc_actor_1, actor2, assoc_actor_2 }
        }
        SexualViolence | Attack | AbductionForcedDisappearance => {
            // No country and no words for either side: nothing to say.
            let victims_named = in_window
                .iter()
                .any(|m| matches!(m.kind, MentionKind::Civilians | MentionKind::Group));
            if code.is_none() && armed.is_empty() && !victims_named {
                return None;
            }
            let perpetrator = best_agent(&armed);
            let actor1 = match perpetrator {
                Some(c) => c.field(),
                None => Field::inferred(unnamed()?, CONF_DEFAULT),
            };
            let assoc_actor_1 = perpetrator.map(assoc_fields).unwrap_or_default();
            let actor2 = civilians_field(kb, &in_window, code.as_deref())?;
            let mut assoc_actor_2: Vec<Field<Actor>> =
                groups.iter().filter(|f| !is_organisation(kb, &f.value.name)).cloned().collect();
            if sub == SexualViolence
                && !assoc_actor_2.iter().any(|f| f.value.name.starts_with("Women ("))
            {
                if let Some(women) = generic("Women", Inter::Civilians) {
                    assoc_actor_2.push(Field::inferred(women, CONF_DEFAULT));
                }
            }
            Roles { actor1, assoc_actor_1, actor2: Some(actor2), assoc_actor_2 }
        }
        GovernmentRegainsTerritory | NonStateActorOvertakesTerritory | ArmedClash => {
            let (first, second) = two_sides(&armed);
            // Two states' forces trading fire, neither the attacker: the home forces first.
            let (first, second) = match (first, second) {
                (Some(a), Some(b))
                    if a.score == b.score
                        && a.actor.inter == Inter::External
                        && b.actor.inter == Inter::StateForces =>
                {
                    (Some(b), Some(a))
                }
                other => other,
            };
            // Under ACLED's gang methodology a clash between the state's forces and an armed
            // group or gang is the group's violence: the group leads, whoever fired first.
            let gang_country = country.is_some_and(|c| c.unnamed_perpetrator.is_some());
            let (first, second) = match (first, second) {
                (Some(a), Some(b))
                    if gang_country
                        && a.actor.inter == Inter::StateForces
                        && !matches!(b.actor.inter, Inter::StateForces | Inter::External) =>
                {
                    (Some(b), Some(a))
                }
                other => other,
            };
            match (first, second) {
                (Some(a), Some(b)) => {
                    let mut roles = side_roles(a, Some(b.field()), assoc_fields(b));
                    // Other government forces in the fight stand beside the government side.
                    let others: Vec<Field<Actor>> = armed
                        .iter()
                        .filter(|c| c.actor != a.actor && c.actor != b.actor && !c.facility)
                        .filter(|c| government_side(kb, c))
                        .map(Candidate::field)
                        .collect();
                    let side = match (government_side(kb, a), government_side(kb, b)) {
                        (true, false) => Some(&mut roles.assoc_actor_1),
                        (false, true) => Some(&mut roles.assoc_actor_2),
                        _ => None,
                    };
                    if let Some(side) = side {
                        for f in others {
                            if !side.iter().any(|s| s.value == f.value) {
                                side.push(f);
                            }
                        }
                    }
                    roles
                }
                (Some(a), None) => {
                    let war = opponent().filter(|_| {
                        a.actor.inter == Inter::StateForces || Some(&a.actor) == opponent().as_ref()
                    });
                    // A passage that names one side by its casualties ("forty militants were
                    // killed") fights the side the report named before it ("the army conducted
                    // an operation"), not an unnamed group.
                    let named_before = || {
                        let before = Span::new(0, window.start);
                        let earlier: Vec<ActorMention> = mentions
                            .iter()
                            .filter(|m| m.span.end <= window.start)
                            .cloned()
                            .collect();
                        armed_candidates(kb, &earlier, &norm, before, cues, options)
                            .into_iter()
                            .filter(|c| c.actor != a.actor && !c.facility && c.score >= 0)
                            .filter(|c| government_side(kb, c) != government_side(kb, a))
                            .max_by_key(|c| c.score)
                            .map(|c| c.actor)
                    };
                    let before = if war.is_none() { named_before() } else { None };
                    let acted_before = before.is_some();
                    let other = match war {
                        Some(op) if op == a.actor => military(),
                        Some(op) => Some(op),
                        // The other side of a gang's fight is another gang.
                        None => before.or_else(unnamed),
                    };
                    let rival_gang =
                        |u: &Actor| gang_label.is_some_and(|g| gang_marks && u.name.starts_with(g));
                    let other = other
                        .filter(|u| *u != a.actor || rival_gang(u))
                        .map(|u| Field::inferred(u, CONF_DEFAULT));
                    // The side named before led the operation unless this passage says the
                    // other side struck ("several corpses of ISGS militants" did not).
                    if a.score < 0 || (acted_before && a.score == 0) {
                        let actor1 = other.clone().unwrap_or_else(|| a.field());
                        Roles {
                            actor1,
                            assoc_actor_1: Vec::new(),
                            actor2: other.map(|_| a.field()),
                            assoc_actor_2: assoc_fields(a),
                        }
                    } else {
                        side_roles(a, other, Vec::new())
                    }
                }
                _ => match (military(), opponent()) {
                    (Some(m), Some(o)) if front_government() == Some(true) => Roles {
                        actor1: Field::inferred(o, CONF_DEFAULT),
                        assoc_actor_1: Vec::new(),
                        actor2: Some(Field::inferred(m, CONF_DEFAULT)),
                        assoc_actor_2: Vec::new(),
                    },
                    (Some(m), Some(o)) => Roles {
                        actor1: Field::inferred(m, CONF_DEFAULT),
                        assoc_actor_1: Vec::new(),
                        actor2: Some(Field::inferred(o, CONF_DEFAULT)),
                        assoc_actor_2: Vec::new(),
                    },
                    _ => Roles {
                        actor1: Field::inferred(uag()?, CONF_DEFAULT),
                        assoc_actor_1: Vec::new(),
                        actor2: None,
                        assoc_actor_2: Vec::new(),
                    },
                },
            }
        }
        ChemicalWeapon
        | AirDroneStrike
        | SuicideBomb
        | ShellingArtilleryMissileAttack
        | RemoteExplosiveLandmineIed
        | Grenade => {
            let remote = matches!(sub, RemoteExplosiveLandmineIed | SuicideBomb | Grenade);
            // "Unidentified rockets", "drones of an unknown group": no state's forces.
            let unknown = unknown_launcher(&window_norm);
            let user = if sub == AirDroneStrike {
                armed
                    .iter()
                    .find(|c| {
                        c.kind != MentionKind::Air
                            && matches!(c.actor.inter, Inter::StateForces | Inter::External)
                            && c.score >= 0
                    })
                    .or_else(|| armed.iter().find(|c| c.kind == MentionKind::Air))
                    .or_else(|| best_agent(&armed))
            } else if remote {
                armed
                    .iter()
                    .filter(|c| {
                        // A named group the words make the device's target ("targeting a
                        // QSD vehicle") did not plant it.
                        c.score > 1
                            || (c.kind == MentionKind::Named
                                && c.actor.inter != Inter::StateForces
                                && c.score > -2)
                    })
                    // The first of equal agents: the one that laid the device is named first.
                    .rev()
                    .max_by_key(|c| c.score)
            } else {
                best_agent(&armed)
            };
            // Beside "unidentified rockets", forces no nationality word names ("drones of an
            // unidentified military group") are no state's.
            let state_named = in_window.iter().any(|m| {
                m.country.is_some()
                    && m.actor
                        .as_ref()
                        .is_some_and(|a| matches!(a.inter, Inter::StateForces | Inter::External))
            });
            let user = user.filter(|c| {
                !(unknown
                    && !state_named
                    && matches!(c.actor.inter, Inter::StateForces | Inter::External))
            });
            let actor1 = match user {
                Some(c) => c.field(),
                None if unknown => Field::inferred(uag()?, CONF_DEFAULT),
                None if matches!(sub, AirDroneStrike | ShellingArtilleryMissileAttack) => {
                    match opponent().filter(|_| front_government() == Some(true)) {
                        Some(o) => Field::inferred(o, CONF_DEFAULT),
                        None => Field::inferred(forces("Military"), CONF_DEFAULT),
                    }
                }
                None => Field::inferred(uag()?, CONF_DEFAULT),
            };
            let target = armed
                .iter()
                .filter(|c| c.actor != actor1.value && c.kind != MentionKind::Air)
                .min_by_key(|c| c.score);
            let actor2 = match target {
                Some(c) => Some(c.field()),
                None => {
                    // A bomb that hurt no one named only damaged property: no victims.
                    let hurt = hurt_people(&window_norm);
                    let civilians = in_window.iter().any(|m| m.kind == MentionKind::Civilians)
                        || (remote && hurt && actor1.value.inter != Inter::StateForces);
                    if civilians {
                        civilians_field(kb, &in_window, code.as_deref())
                    } else {
                        None
                    }
                }
            };
            let assoc_actor_1 = user.map(assoc_fields).unwrap_or_default();
            let assoc_actor_2 = target.map(assoc_fields).unwrap_or_default();
            Roles { actor1, assoc_actor_1, actor2, assoc_actor_2 }
        }
        Arrests => {
            let state = armed
                .iter()
                .find(|c| matches!(c.kind, MentionKind::StateForces) && c.score >= 0)
                .or_else(|| armed.iter().find(|c| matches!(c.kind, MentionKind::StateForces)));
            let actor1 = match state {
                Some(c) => c.field(),
                None => Field::inferred(forces("Police"), CONF_DEFAULT),
            };
            let arrested = armed
                .iter()
                .filter(|c| c.actor != actor1.value && c.kind != MentionKind::StateForces)
                .min_by_key(|c| c.score);
            let actor2 = match arrested {
                Some(c) => Some(c.field()),
                None => civilians_field(kb, &in_window, code.as_deref()),
            };
            Roles { actor1, assoc_actor_1: Vec::new(), actor2, assoc_actor_2: Vec::new() }
        }
        LootingPropertyDestruction => {
            let perpetrator = best_agent(&armed);
            let actor1 = match perpetrator {
                Some(c) => c.field(),
                None => Field::inferred(unnamed()?, CONF_DEFAULT),
            };
            let target = armed
                .iter()
                .filter(|c| c.actor != actor1.value && c.score < 0)
                .min_by_key(|c| c.score);
            let actor2 = match target {
                Some(c) => Some(c.field()),
                None => civilians_field(kb, &in_window, code.as_deref()),
            };
            let assoc_actor_1 = perpetrator.map(assoc_fields).unwrap_or_default();
            let assoc_actor_2 = target.map(assoc_fields).unwrap_or_default();
            Roles { actor1, assoc_actor_1, actor2, assoc_actor_2 }
        }
        DisruptedWeaponsUse => {
            // Who defuses the device is actor 1: the first force of the government's side the
            // report names ("volunteer fighters and soldiers dismantled"); who planted it
            // ("planted by JNIM militants") is actor 2.
            let defuser =
                armed.iter().filter(|c| government_side(kb, c)).min_by_key(|c| c.span.start);
            let actor1 = match defuser.or_else(|| best_agent(&armed)) {
                Some(c) => c.field(),
                None => Field::inferred(uag()?, CONF_DEFAULT),
            };
            let planter = |c: &&Candidate| c.actor != actor1.value && !government_side(kb, c);
            let actor2 = armed
                .iter()
                .filter(planter)
                .min_by_key(|c| c.span.start)
                .or_else(|| {
                    armed
                        .iter()
                        .filter(|c| c.actor != actor1.value && c.kind != MentionKind::StateForces)
                        .min_by_key(|c| c.score)
                })
                .map(Candidate::field);
            Roles { actor1, assoc_actor_1: Vec::new(), actor2, assoc_actor_2: Vec::new() }
        }
        Agreement => {
            let (first, second) = two_sides(&armed);
            match first {
                Some(a) => side_roles(a, second.map(Candidate::field), Vec::new()),
                None => Roles {
                    actor1: Field::inferred(uag()?, CONF_DEFAULT),
                    assoc_actor_1: Vec::new(),
                    actor2: None,
                    assoc_actor_2: Vec::new(),
                },
            }
        }
        ChangeToGroupActivity
        | HeadquartersOrBaseEstablished
        | NonViolentTransferOfTerritory
        | Other => {
            let main = best_agent(&armed);
            let government = || {
                code.as_deref()
                    .and_then(|code| government_name(kb, code, context.date))
                    .map(|n| Field::inferred(Actor::new(n, Inter::StateForces), CONF_DEFAULT))
            };
            // Workers who down tools ("a 72-hour strike", "teachers boycotted the exams") are
            // protesters, guards and officials on strike as much as anyone.
            let strikers = sub == Other
                && STRIKE_WORDS.iter().any(|w| contains_words(&window_norm, w))
                && main.is_none_or(|m| government_side(kb, m) || m.kind == MentionKind::Government);
            let main = if strikers { None } else { main };
            // ACLED records the flight of people from fighting as their own event: the
            // displaced civilians are its actor, the fighters only its cause.
            let displaced = sub == Other
                && !strikers
                && DISPLACEMENT_WORDS.iter().any(|w| contains_words(&window_norm, w));
            if displaced {
                if let Some(people) = civilians_field(kb, &in_window, code.as_deref()) {
                    return Some(Roles {
                        actor1: people,
                        assoc_actor_1: Vec::new(),
                        actor2: None,
                        assoc_actor_2: Vec::new(),
                    });
                }
            }
            let actor1 = match main {
                Some(c) => c.field(),
                None if strikers => {
                    found_or_default(MentionKind::Protesters, "Protesters", Inter::Protesters)?
                }
                None => match first_of(MentionKind::Protesters) {
                    Some(_) => {
                        found_or_default(MentionKind::Protesters, "Protesters", Inter::Protesters)?
                    }
                    None if measures => {
                        government().or_else(|| uag().map(|u| Field::inferred(u, CONF_DEFAULT)))?
                    }
                    None => Field::inferred(uag()?, CONF_DEFAULT),
                },
            };
            let assoc_actor_1 = main.map(assoc_fields).unwrap_or_default();
            // People hurt by a group, or by a war's leftover explosive no one is named for
            // ("a villager stepped on a landmine laid in the 1980s"), are its victims.
            let leftover = main.is_none()
                && EXPLOSIVE_REMNANTS.iter().any(|w| contains_words(&window_norm, w));
            let victims = sub == Other
                && (leftover
                    || main.is_some_and(|m| {
                        !matches!(m.actor.inter, Inter::StateForces | Inter::External)
                            && m.kind != MentionKind::Government
                    }))
                && in_window.iter().any(|m| m.kind == MentionKind::Civilians);
            let actor2 =
                if victims { civilians_field(kb, &in_window, code.as_deref()) } else { None };
            Roles { actor1, assoc_actor_1, actor2, assoc_actor_2: Vec::new() }
        }
    };
    // Fighting within one group ("ISGS fighters clashed with each other", "two VDP
    // factions exchanged gunfire", "inter-clan clashes") has that group on both sides.
    // "Herders and Gourmantche growers shot at each other": two groups named for the two sides
    // stay two sides.
    let second_named = roles.actor2.as_ref().is_some_and(|a| {
        a.value != roles.actor1.value
            && !a.value.name.starts_with("Unidentified Armed Group")
            && !matches!(a.value.inter, Inter::StateForces | Inter::External)
    });
    if sub == ArmedClash && within_one_group(&window_norm, second_named) {
        // Rival clans are clan militias, whatever group their members belong to; families
        // and camps no words name are a communal militia.
        let clans = CLAN_WORDS.iter().any(|w| contains_words(&window_norm, w));
        // Rival gangs ("two rival cartels clashed") are gangs on both sides.
        let gang = gang_label.filter(|_| gang_marks);
        let label = match (clans, armed.is_empty()) {
            _ if gang.is_some() => gang,
            (true, _) => Some("Unidentified Clan Militia"),
            (false, true) => Some("Unidentified Communal Militia"),
            (false, false) => None,
        };
        // Two camps of one village are both that village's communal militia.
        let named_militia = |l: &str| {
            let militia = generic(l, Inter::IdentityMilitia)?;
            Some(match &home {
                Some(village) if l.ends_with(" Communal Militia") => Actor::new(
                    militia.name.replacen("Unidentified", village, 1),
                    Inter::IdentityMilitia,
                ),
                _ => militia,
            })
        };
        if let Some(militia) = label.and_then(named_militia) {
            roles.actor1 = Field::inferred(militia, CONF_DEFAULT);
            roles.assoc_actor_1 = Vec::new();
        }
        roles.actor2 = Some(roles.actor1.clone());
        roles.assoc_actor_2 = roles.assoc_actor_1.clone();
    }
    // Civilian victims' groups stand beside them ("two traders": Labour Group), as in VAC.
    let victims = roles.actor2.as_ref().is_some_and(|a| a.value.inter == Inter::Civilians);
    let groups_used = matches!(sub.event_type(), EventType::Protests | EventType::Riots)
        || matches!(sub, SexualViolence | Attack | AbductionForcedDisappearance);
    if victims && !groups_used && roles.assoc_actor_2.is_empty() {
        roles.assoc_actor_2 =
            groups.iter().filter(|f| !is_organisation(kb, &f.value.name)).cloned().collect();
    }
    // Victims the words call foreigners of no named nationality ("foreign nationals",
    // "migrants") are ACLED's international civilians.
    let home_civilians = code.as_deref().map(|c| format!("Civilians ({})", country_name(kb, c)));
    if let Some(actor2) = roles.actor2.as_mut() {
        let foreign = FOREIGNER_WORDS.iter().any(|w| contains_words(&window_norm, w));
        if foreign && home_civilians.as_deref() == Some(actor2.value.name.as_str()) {
            actor2.value.name = "Civilians (International)".to_string();
        }
    }
    // Unnamed attackers of a report in which one armed group claimed responsibility ("three
    // armed men kidnapped the senator ... the group X claimed responsibility") or was held
    // responsible ("perpetrated by guerrillas, presumably of the ELN") are that group, as
    // ACLED codes a claimed or attributed attack.
    let violent = matches!(
        sub.event_type(),
        EventType::Battles
            | EventType::ExplosionsRemoteViolence
            | EventType::ViolenceAgainstCivilians
    );
    let unnamed = |f: &Field<Actor>| UNNAMED_LABELS.iter().any(|l| f.value.name.starts_with(l));
    let some_unnamed = unnamed(&roles.actor1) || roles.actor2.as_ref().is_some_and(unnamed);
    if violent && some_unnamed {
        if let Some(claimant) = claimant(kb, mentions, &norm, text) {
            let named_already = roles.actor1.value == claimant.value
                || roles.actor2.as_ref().is_some_and(|a| a.value == claimant.value);
            if !named_already {
                if unnamed(&roles.actor1) {
                    roles.actor1 = claimant;
                } else if let Some(actor2) = roles.actor2.as_mut().filter(|a| unnamed(a)) {
                    *actor2 = claimant;
                }
            }
        }
    }
    add_livelihoods(&mut roles.assoc_actor_1, Some(&roles.actor1));
    add_livelihoods(&mut roles.assoc_actor_2, roles.actor2.as_ref());
    Some(roles)
}

/// How many words a relative clause on a subject may hold before the subject's own verb.
const RELATIVE_CLAUSE_WORDS: usize = 16;

/// Labels of the generic actors that stand for attackers no words name.
const UNNAMED_LABELS: &[&str] = &["Unidentified Armed Group", "Unidentified Gang"];

/// Words that say a group claimed an attack or was held responsible for it (normalised).
const CLAIM_WORDS: &[&str] = &[
    "claimed responsibility",
    "claimed credit",
    "claimed authorship",
    "claimed the attack",
    "claimed the kidnapping",
    "claimed the bombing",
    "claimed the killing",
    "claimed the murder",
    "claimed the assassination",
    "claimed the attacks",
    "claiming responsibility",
    "claims responsibility",
    "claim responsibility",
    "assumed responsibility",
    "took responsibility",
    "accepted responsibility",
    "admitted responsibility",
    "responsibility was claimed",
    "revendique",
    "revendiquee",
    "revendiques",
    "revendiquant",
    "a revendique",
    "ont revendique",
    "se atribuyo",
    "reivindico",
    // Attribution by others: "an attack perpetrated by guerrillas, presumably of the ELN".
    "attributed to",
    "blamed on",
    "perpetrated by",
    "presumably",
    "presumably from",
    "held responsible",
    "responsible for",
    "attribue a",
    "attribuee a",
    "imputee a",
    "impute a",
];

/// Words that deny or negate what a claim word says ("denied any responsibility for", "no
/// group has claimed responsibility", "n'a pas été revendiquée").
const DENIAL_WORDS: &[&str] = &[
    "denied", "denies", "deny", "denying", "rejected", "no", "not", "never", "nobody", "yet to",
    "dementi", "nie", "nient", "pas", "aucun", "aucune", "personne",
];

/// The one non-state armed group that a sentence of the report says claimed the attack or
/// was held responsible for it, when exactly one group is named so and no one denies it.
fn claimant(
    kb: &Kb,
    mentions: &[ActorMention],
    norm: &Normalized,
    text: &str,
) -> Option<Field<Actor>> {
    let mut found: Option<&ActorMention> = None;
    for m in mentions {
        if m.kind != MentionKind::Named {
            continue;
        }
        let Some(actor) = m.actor.as_ref() else { continue };
        if !matches!(actor.inter, Inter::Rebel | Inter::PoliticalMilitia | Inter::IdentityMilitia) {
            continue;
        }
        let allied_to_state = m
            .entry
            .and_then(|e| kb.actors.get(e))
            .is_some_and(|e| e.allies.iter().any(|a| a.starts_with("Military Forces of ")));
        if allied_to_state {
            continue;
        }
        let sentence = sentence_window(text, m.span);
        let Some(words) = norm_text_of(norm, sentence) else { continue };
        let words = format!(" {words} ");
        if !CLAIM_WORDS.iter().any(|w| contains_words(&words, w))
            || DENIAL_WORDS.iter().any(|w| contains_words(&words, w))
        {
            continue;
        }
        match found {
            Some(f) if f.actor.as_ref().map(|a| &a.name) != Some(&actor.name) => return None,
            Some(_) => {}
            None => found = Some(m),
        }
    }
    let m = found?;
    Some(Field::found(m.actor.clone()?, m.span, CONF_NAMED))
}

/// Words for people of foreign, unnamed nationality (normalised).
const FOREIGNER_WORDS: &[&str] = &[
    "foreign nationals",
    "foreign national",
    "foreigners",
    "foreigner",
    "foreign citizens",
    "foreign citizen",
    "migrants",
    "migrant workers",
    "etrangers",
    "ressortissants etrangers",
];

/// ACLED codes the Fulani (Fula) as a pastoralist community: `Pastoralists (Country)` goes
/// beside a Fulani actor or associated actor of the same side.
fn add_livelihoods(assoc: &mut Vec<Field<Actor>>, actor: Option<&Field<Actor>>) {
    let fulani = actor.into_iter().chain(assoc.iter()).find_map(|f| {
        let name = &f.value.name;
        name.strip_prefix("Fulani Ethnic ")
            .or_else(|| name.strip_prefix("Fula Ethnic "))
            .map(|rest| (f, rest))
    });
    let Some((field, rest)) = fulani else { return };
    let Some(country) = rest.find(" (").and_then(|i| rest.get(i..)) else { return };
    let name = format!("Pastoralists{country}");
    if !assoc.iter().any(|f| f.value.name == name) {
        let pastoralists = Field::inferred(Actor::new(name, Inter::Civilians), field.confidence);
        assoc.push(pastoralists);
    }
}

/// Whether a candidate fights on a government's side: state forces at home or abroad, or a
/// militia the knowledge base lists as an ally of a country's military (`VDP`).
fn government_side(kb: &Kb, c: &Candidate) -> bool {
    matches!(c.actor.inter, Inter::StateForces | Inter::External)
        || c.entry
            .and_then(|e| kb.actors.get(e))
            .is_some_and(|e| e.allies.iter().any(|a| a.starts_with("Military Forces of ")))
}

fn side_roles(
    a: &Candidate,
    actor2: Option<Field<Actor>>,
    assoc_actor_2: Vec<Field<Actor>>,
) -> Roles {
    Roles { actor1: a.field(), assoc_actor_1: assoc_fields(a), actor2, assoc_actor_2 }
}

fn assoc_fields(c: &Candidate) -> Vec<Field<Actor>> {
    c.assoc.iter().map(|(a, s)| Field::found(a.clone(), *s, CONF_GENERIC)).collect()
}

fn dedup(fields: Vec<Field<Actor>>) -> Vec<Field<Actor>> {
    let mut out: Vec<Field<Actor>> = Vec::new();
    for f in fields {
        if !out.iter().any(|o| o.value.name == f.value.name) {
            out.push(f);
        }
    }
    out
}

fn is_organisation(kb: &Kb, name: &str) -> bool {
    kb.actors.iter().any(|e| e.name == name && e.kind == crate::kb::EntryKind::Organiser)
}

/// `Civilians (Country)`, with the words that name the victims when there are any.
fn civilians_field(kb: &Kb, mentions: &[ActorMention], code: Option<&str>) -> Option<Field<Actor>> {
    let found = mentions.iter().find(|m| m.kind == MentionKind::Civilians);
    // "Two Togolese drivers", "eight Nigerien Fulani": a nationality word before the victims'
    // group names the civilians' country when no civilian word carries one.
    let group_country =
        || mentions.iter().find(|m| m.kind == MentionKind::Group).and_then(|m| m.country.clone());
    let code = found
        .and_then(|m| m.country.clone())
        .or_else(group_country)
        .or_else(|| code.map(str::to_string));
    // Without a country the bare label keeps the victims' role and inter code.
    let name = match code {
        Some(code) => format!("Civilians ({})", country_name(kb, &code)),
        None => "Civilians".to_string(),
    };
    let actor = Actor::new(name, Inter::Civilians);
    Some(match found {
        Some(m) => Field::found(actor, m.span, CONF_GENERIC),
        None => Field::inferred(actor, CONF_DEFAULT),
    })
}

/// The candidate most likely to be the agent.
fn best_agent(armed: &[Candidate]) -> Option<&Candidate> {
    let mut best: Option<&Candidate> = None;
    for c in armed {
        let better = match best {
            None => true,
            Some(b) => c.score > b.score,
        };
        if better {
            best = Some(c);
        }
    }
    best
}

/// The attacker and the other side.
fn two_sides(armed: &[Candidate]) -> (Option<&Candidate>, Option<&Candidate>) {
    let first = best_agent(armed);
    let second = first.and_then(|f| {
        armed
            .iter()
            .filter(|c| c.actor != f.actor && !f.assoc.iter().any(|(a, _)| *a == c.actor))
            .min_by_key(|c| c.score)
    });
    (first, second)
}

/// The length from which a line that runs on into the next one is a wrapped line of prose.
const WRAPPED_LINE: usize = 50;

/// The sentences that overlap the focus span.
fn sentence_window(text: &str, focus: Span) -> Span {
    if focus.start == 0 && focus.end >= text.len() {
        return Span::new(0, text.len());
    }
    let bytes = text.as_bytes();
    let is_stop = |i: usize| -> bool {
        let b = bytes.get(i).copied().unwrap_or(b' ');
        if b == b'\n' {
            // A wire report wrapped at a fixed width breaks its sentences across lines: a
            // long line that runs on into the next one is no stop. A blank or indented
            // next line starts a paragraph, and a short line is a title.
            let runs_on = bytes.get(i + 1).is_some_and(|c| !c.is_ascii_whitespace());
            let line_start = bytes
                .get(..i)
                .and_then(|before| before.iter().rposition(|&c| c == b'\n'))
                .map_or(0, |p| p + 1);
            return !(runs_on && i - line_start >= WRAPPED_LINE);
        }
        if !matches!(b, b'.' | b'!' | b'?') {
            return false;
        }
        // A stop is followed by a space and not preceded by a single capital (U.S.).
        let next_space = bytes.get(i + 1).is_none_or(|c| c.is_ascii_whitespace());
        let single_capital = i >= 1
            && bytes.get(i - 1).is_some_and(|c| c.is_ascii_uppercase())
            && (i < 2 || bytes.get(i - 2).is_some_and(|c| !c.is_ascii_alphanumeric()));
        next_space && !single_capital
    };
    let mut start = focus.start.min(text.len());
    while start > 0 && !is_stop(start - 1) {
        start -= 1;
    }
    let mut end = focus.end.min(text.len());
    while end < text.len() && !is_stop(end) {
        end += 1;
    }
    let end = (end + 1).min(text.len());
    let mut s = start;
    while s > 0 && !text.is_char_boundary(s) {
        s -= 1;
    }
    let mut e = end;
    while e < text.len() && !text.is_char_boundary(e) {
        e += 1;
    }
    Span::new(s, e)
}

/// Normalised cue lists, built once per book.
#[derive(Debug, Clone)]
pub struct CueSet {
    intervention: Vec<String>,
    measures: Vec<String>,
    between: Vec<String>,
    agent_before: Vec<Vec<String>>,
    patient_before: Vec<Vec<String>>,
    verbs: Vec<Vec<String>>,
    passive: Vec<Vec<String>>,
    alternative: Vec<Vec<String>>,
    /// Recognises the country a report's words point to when the event's is unknown.
    recognizer: Option<Recognizer>,
}

impl CueSet {
    /// Normalise and tokenise the knowledge base's cue words.
    pub fn new(kb: &Kb) -> CueSet {
        let plain = |list: &[String]| -> Vec<String> {
            list.iter().map(|s| normalize(s)).filter(|s| !s.is_empty()).collect()
        };
        let tok = |list: &[String]| -> Vec<Vec<String>> {
            let mut out: Vec<Vec<String>> = list
                .iter()
                .map(|s| {
                    tokens_of(&normalize(s)).into_iter().map(|(w, _, _)| w).collect::<Vec<_>>()
                })
                .filter(|v: &Vec<String>| !v.is_empty())
                .collect();
            out.sort_by_key(|v| std::cmp::Reverse(v.len()));
            out
        };
        CueSet {
            intervention: plain(&kb.cues.intervention),
            measures: plain(&kb.cues.measures),
            between: plain(&kb.cues.between),
            agent_before: tok(&kb.cues.agent_before),
            patient_before: tok(&kb.cues.patient_before),
            verbs: tok(&kb.cues.verbs),
            passive: tok(&kb.cues.passive),
            alternative: tok(&kb.cues.alternative),
            recognizer: Recognizer::new(kb).ok(),
        }
    }
}

/// Words of normalised text with their byte ranges.
fn tokens_of(text: &str) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, ch) in text.char_indices() {
        let word = ch.is_ascii_alphanumeric() || ch == '\'' || ch == '/';
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text.get(s..i).unwrap_or("").to_string(), s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((text.get(s..).unwrap_or("").to_string(), s, text.len()));
    }
    out
}

/// Whether `phrase` ends at token index `end` (exclusive).
fn ends_with_phrase(tokens: &[(String, usize, usize)], end: usize, phrase: &[String]) -> bool {
    if phrase.len() > end {
        return false;
    }
    let start = end - phrase.len();
    tokens.get(start..end).is_some_and(|slice| slice.iter().zip(phrase).all(|(t, p)| t.0 == *p))
}

fn starts_with_phrase(tokens: &[(String, usize, usize)], start: usize, phrase: &[String]) -> bool {
    tokens
        .get(start..start + phrase.len())
        .is_some_and(|slice| slice.iter().zip(phrase).all(|(t, p)| t.0 == *p))
}

/// Which mentions beyond armed ones may take a side, by sub-event type.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// Governments act in strategic developments.
    with_government: bool,
    /// Identity groups that act are militias (not in protests and riots).
    identity: bool,
    /// Crowds of locals fight in battles.
    battle: bool,
    /// The event's date.
    date: Option<NaiveDate>,
}

/// Words skipped when looking for a cue before a mention.
const FILLER: &[&str] = &[
    "the",
    "a",
    "an",
    "some",
    "several",
    "two",
    "three",
    "four",
    "five",
    "many",
    "suspected",
    "presumed",
    "alleged",
    "unidentified",
    "unknown",
    "armed",
    "heavily",
    "le",
    "la",
    "les",
    "l'",
    "des",
    "un",
    "une",
    "de",
    "d'",
    "du",
    "plusieurs",
    "presumes",
    "presume",
    "its",
    "their",
    "his",
    "members",
    "elements",
    "of",
    "around",
    "about",
    "at",
    "least",
    "dozens",
    "dozen",
    "individuals",
    "likely",
    "possibly",
    "probably",
    "allegedly",
    "reportedly",
    "group",
];

fn armed_candidates(
    kb: &Kb,
    mentions: &[ActorMention],
    norm: &Normalized,
    window: Span,
    cues: &CueSet,
    options: Options,
) -> Vec<Candidate> {
    let Options { with_government, identity, battle, .. } = options;
    let tokens = tokens_of(&norm.text);
    let w_start = norm.offset_of(window.start);
    let w_end = norm.offset_of(window.end);
    let tok_index = |pos: usize| tokens.partition_point(|t| t.2 <= pos);
    let first_tok = tok_index(w_start);
    let stops: Vec<usize> = norm
        .text
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?' | ';')
                && norm.text.as_bytes().get(i + 1).is_none_or(|b| *b == b' ')
                && !(i >= 2
                    && norm.text.as_bytes().get(i - 2).is_some_and(|b| !b.is_ascii_alphanumeric()))
        })
        .map(|(i, _)| i)
        .collect();
    let sentence_of = |pos: usize| stops.partition_point(|&s| s < pos);
    let verb_positions: Vec<usize> = (first_tok..tokens.len())
        .take_while(|&i| tokens.get(i).is_some_and(|t| t.1 < w_end))
        .filter(|&i| cues.verbs.iter().any(|v| starts_with_phrase(&tokens, i, v)))
        .collect();
    let mut out: Vec<Candidate> = Vec::new();
    let mut list: Vec<&ActorMention> = mentions
        .iter()
        .filter(|m| {
            (m.kind.is_armed()
                || (with_government && m.kind == MentionKind::Government)
                || (identity && is_ethnic_group(m))
                || ((battle || identity) && is_armed_crowd(norm, m))
                || (battle && is_miners(norm, m)))
                && m.actor.is_some()
        })
        .collect();
    list.sort_by_key(|m| m.span.start);
    // "The military forces of Artsakh", "special units of the gendarmerie": forces words
    // before "of" and the forces a name or unit gives are those forces, not the event
    // country's army.
    let named_forces_after = |i: usize| -> bool {
        let (Some(m), Some(n)) = (list.get(i), list.get(i + 1)) else { return false };
        let gap = norm
            .text
            .get(norm.offset_of(m.span.end)..norm.offset_of(n.span.start))
            .unwrap_or("x")
            .trim();
        let named_forces = n.kind == MentionKind::Named
            && n.actor.as_ref().is_some_and(|a| {
                matches!(a.inter, Inter::StateForces | Inter::External)
                    && (a.name.starts_with("Military Forces of ")
                        || a.name.starts_with("Police Forces of "))
            });
        let bare =
            norm_text_of(norm, m.span).is_some_and(|t| BARE_FORCE_WORDS.contains(&t.as_str()));
        let unit = bare && n.kind == MentionKind::StateForces;
        m.kind == MentionKind::StateForces
            && m.country.is_none()
            && (named_forces || unit)
            && matches!(gap, "of" | "of the" | "de" | "du" | "de la" | "des")
    };
    let dropped: Vec<bool> = (0..list.len()).map(named_forces_after).collect();
    let mut index = 0;
    list.retain(|_| {
        let keep = !dropped.get(index).copied().unwrap_or(false);
        index += 1;
        keep
    });
    // Generic armed words beside a named group are that group ("JNIM militants").
    let named: Vec<&ActorMention> = list
        .iter()
        .copied()
        .filter(|m| {
            matches!(m.kind, MentionKind::Named | MentionKind::Leader) || is_ethnic_group(m)
        })
        .collect();
    let rebels_named =
        named.iter().any(|m| m.actor.as_ref().is_some_and(|a| matches!(a.inter, Inter::Rebel)));
    let mut ethnic_targets: Vec<(Actor, Span)> = Vec::new();
    let list_police: Vec<(Span, Actor)> = list
        .iter()
        .filter(|m| m.kind == MentionKind::StateForces)
        .filter_map(|m| m.actor.clone().map(|a| (m.span, a)))
        .filter(|(_, a)| a.name.starts_with("Police Forces of "))
        .collect();
    for m in list {
        let ethnic = is_ethnic_group(m) || m.kind == MentionKind::Civilians;
        let crowd = m.kind == MentionKind::Civilians;
        let Some(actor) = m.actor.clone().map(|a| {
            if crowd && is_miners(norm, m) {
                // Miners who fight are ACLED's miners' militia.
                Actor::new("Militia (Miners)", Inter::PoliticalMilitia)
            } else if crowd {
                Actor::new(
                    a.name.replace("Civilians (", "Unidentified Communal Militia ("),
                    Inter::IdentityMilitia,
                )
            } else if ethnic {
                Actor::new(a.name.replace("Ethnic Group", "Ethnic Militia"), Inter::IdentityMilitia)
            } else {
                a
            }
        }) else {
            continue;
        };
        let bare_forces = m.kind == MentionKind::StateForces
            && m.country.is_none()
            && norm_text_of(norm, m.span).is_some_and(|t| BARE_FORCE_WORDS.contains(&t.as_str()));
        // "Dogon militiamen (Dana Amassagou)": a community's militia is a generic name too
        // when a parenthesis names the group.
        let community_militia = m.kind == MentionKind::Named
            && m.actor.as_ref().is_some_and(|a| {
                a.name.contains(" Ethnic Militia (") || a.name.contains(" Communal Militia (")
            });
        let generic =
            matches!(m.kind, MentionKind::UnidentifiedArmed | MentionKind::CommunalMilitia)
                || bare_forces;
        // "Unknown gunmen (presumably JNIM militants)", "unidentified gunmen believed to be
        // JNIM militants": the parenthesis or the hedge names them.
        let named_in_parens = named.iter().any(|n| {
            n.span.start > m.span.end && !is_ethnic_group(n) && {
                let gap = norm
                    .text
                    .get(norm.offset_of(m.span.end)..norm.offset_of(n.span.start))
                    .unwrap_or("x");
                let mut words =
                    gap.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
                let hedged = words.clone().any(|w| !HEDGE_FILLERS.contains(&w));
                (gap.contains(['(', '[']) || hedged)
                    && gap.len() < 40
                    && words.all(|w| PARENTHESIS_HEDGES.contains(&w))
            }
        });
        if community_militia && named_in_parens {
            continue;
        }
        // "Islamist militants" in a report that names the rebel group are that group.
        let vague_islamist =
            m.actor.as_ref().is_some_and(|a| a.name.starts_with("Islamist Militia ("));
        if vague_islamist && rebels_named {
            continue;
        }
        if generic {
            let near_named = named.iter().any(|n| near(norm, n.span, m.span));
            // "Unidentified gunmen" say outright that they are not the group named elsewhere.
            let unidentified = said_unknown(norm, m.span);
            // "The militiamen" after a named group are that group again.
            let anaphoric = m.kind == MentionKind::CommunalMilitia
                && norm_text_of(norm, m.span).is_some_and(|t| {
                    matches!(t.as_str(), "militiamen" | "militia" | "militias" | "miliciens")
                })
                && named.iter().any(|n| !is_ethnic_group(n));
            if near_named
                || anaphoric
                || named_in_parens
                || (rebels_named && m.kind == MentionKind::UnidentifiedArmed && !unidentified)
            {
                continue;
            }
        }
        // "A Barkhane airstrike": the aircraft belong to the force named beside them.
        if m.kind == MentionKind::Air && m.country.is_none() {
            let owner = named.iter().any(|n| {
                n.actor
                    .as_ref()
                    .is_some_and(|a| matches!(a.inter, Inter::StateForces | Inter::External))
                    && near(norm, n.span, m.span)
            });
            if owner {
                continue;
            }
        }
        let start = norm.offset_of(m.span.start);
        let end = norm.offset_of(m.span.end);
        let first = tok_index(start);
        let last = tok_index(end.saturating_sub(1));
        let mut score: i32 = 0;
        // Look back over filler words for a cue.
        let mut k = first;
        let mut steps = 0;
        let mut agent_cue = false;
        while k > first_tok && steps < 5 {
            // A comma ends the clause: "were killed, 1 VDP wounded" names no target of "killed".
            let clause_break = match (tokens.get(k - 1), tokens.get(k)) {
                (Some(prev), Some(cur)) => {
                    norm.text.get(prev.2..cur.1).is_some_and(|gap| gap.contains([',', ';']))
                }
                _ => false,
            };
            if clause_break {
                break;
            }
            if let Some(p) = cues.agent_before.iter().find(|p| ends_with_phrase(&tokens, k, p)) {
                // "A convoy escorted by gendarmes", "repelled by gendarmes": neither the escort
                // nor the defender started the fight.
                let escort =
                    k.checked_sub(p.len() + 1).and_then(|i| tokens.get(i)).is_some_and(|t| {
                        ESCORT_WORDS.contains(&t.0.as_str())
                            || REACTIVE_VERBS.contains(&t.0.as_str())
                    });
                if !escort {
                    score += 3;
                    agent_cue = true;
                }
                break;
            }
            if cues.patient_before.iter().any(|p| ends_with_phrase(&tokens, k, p)) {
                score -= 2;
                break;
            }
            let Some(prev) = tokens.get(k - 1) else { break };
            if !FILLER.contains(&prev.0.as_str()) && !prev.0.chars().all(|c| c.is_ascii_digit()) {
                break;
            }
            k -= 1;
            steps += 1;
        }
        // Subject before the first verb, object after it.
        let sentence = sentence_of(start);
        let same_sentence =
            |v: &usize| tokens.get(*v).is_some_and(|t| sentence_of(t.1) == sentence);
        let next_verb = verb_positions.iter().copied().filter(same_sentence).find(|&v| v > last);
        let prev_verb =
            verb_positions.iter().copied().filter(same_sentence).rev().find(|&v| v < first);
        if prev_verb.is_some() {
            score -= 1;
        } else if let Some(v) = next_verb {
            // "soldiers were ambushed": the auxiliary right after the subject, the verb close;
            // or after a relative clause on the subject, right before the verb ("guards who
            // had searched a truck were shot").
            let auxiliary =
                |i: usize| cues.passive.iter().any(|p| starts_with_phrase(&tokens, i, p));
            let relative = tokens
                .get(last + 1)
                .is_some_and(|t| matches!(t.0.as_str(), "who" | "that" | "which" | "qui"));
            let passive = v <= last + 6 && (last + 1..v.min(last + 4)).any(auxiliary)
                || relative
                    && v <= last + RELATIVE_CLAUSE_WORDS
                    && (v.saturating_sub(2)..v).any(auxiliary);
            score += if passive { -2 } else { 1 };
        }
        let is_reactive =
            |i: usize| tokens.get(i).is_some_and(|t| REACTIVE_VERBS.contains(&t.0.as_str()));
        // "Repelled a Taliban attack": the group whose attack was repelled made it.
        let repelled_before = (first.saturating_sub(3)..first).any(is_reactive);
        if repelled_before
            && tokens.get(last + 1).is_some_and(|t| ATTACK_NOUNS.contains(&t.0.as_str()))
        {
            score += 3;
        }
        // "Afghan forces repulsed their attacks": who repels an attack did not start it
        // (but "militants were repelled" made it).
        let reacts = next_verb.is_some_and(|v| {
            let passive = (last + 1..v)
                .any(|i| cues.passive.iter().any(|p| starts_with_phrase(&tokens, i, p)));
            is_reactive(v) && !passive
        });
        // An identity group is a militia only when it acts ("Soninke youths attacked"); to
        // repel an attack is to act.
        if ethnic {
            if score <= 0 && !reacts {
                if !crowd && !ethnic_targets.iter().any(|(a, _)| *a == actor) {
                    ethnic_targets.push((actor, m.span));
                }
                continue;
            }
            score -= 1;
        }
        // Outweighs the attackers' casualty count ("13 militants were killed when soldiers
        // repulsed their attack").
        if reacts {
            score -= 4;
        }
        // "Police officers clashed ... an officer was injured": an officer named after the
        // police is one of them.
        let police_before = || {
            list_police.iter().find(|(span, _)| span.end <= m.span.start).map(|(_, a)| a.clone())
        };
        let actor = match m.kind {
            MentionKind::StateForces
                if norm_text_of(norm, m.span)
                    .is_some_and(|t| OFFICER_WORDS.contains(&t.as_str())) =>
            {
                police_before().unwrap_or(actor)
            }
            _ => actor,
        };
        let kind = if ethnic { MentionKind::CommunalMilitia } else { m.kind };
        let entry = m.entry;
        // Merge mentions of the same actor: the first sentence tells the event.
        let facility = norm_text_of(norm, m.span)
            .is_some_and(|t| t.split(' ').next_back().is_some_and(|w| FACILITY_WORDS.contains(&w)));
        if let Some(existing) = out.iter_mut().find(|c| c.actor == actor) {
            // The people, not their building, are the actor ("police station" ... "police fired").
            if existing.facility && !facility {
                existing.facility = false;
                existing.span = m.span;
            }
            let first_sentence_weak = existing.score.abs() <= 1;
            // An agent cue ("between X and", "by X") outweighs a casualty count before it.
            let agent_over_casualty = agent_cue && score > 0 && (-2..0).contains(&existing.score);
            if existing.score == 0
                || (first_sentence_weak && score.abs() >= 3)
                || agent_over_casualty
            {
                existing.score = score;
            }
            continue;
        }
        let assoc = m.associated.iter().map(|a| (a.clone(), m.span)).collect();
        out.push(Candidate { actor, span: m.span, kind, entry, score, assoc, facility });
    }
    // "Village self-defence" of a village the report calls Dogon: the Dogon militia.
    ethnic_targets.retain(|(t, _)| !out.iter().any(|c| c.actor == *t));
    let communal_named = out.iter().any(|c| c.kind == MentionKind::CommunalMilitia);
    if let [(only, _)] = ethnic_targets.as_slice() {
        for c in out.iter_mut() {
            if c.kind == MentionKind::CommunalMilitia
                && c.actor.name.starts_with("Unidentified Communal Militia")
            {
                c.actor = only.clone();
            }
        }
        dedup_candidates(&mut out);
    }
    // A communal clash: the community the militia fights fights back as a militia too.
    let only_communal = out.iter().all(|c| c.kind == MentionKind::CommunalMilitia);
    if battle && communal_named && only_communal && out.len() == 1 {
        for (actor, span) in ethnic_targets {
            if !out.iter().any(|c| c.actor == actor) {
                out.push(Candidate {
                    actor,
                    span,
                    kind: MentionKind::CommunalMilitia,
                    entry: None,
                    score: -2,
                    assoc: Vec::new(),
                    facility: false,
                });
            }
        }
    }
    fold_into_coalitions(kb, &mut out);
    combine_alternatives(kb, &mut out, norm, cues);
    attach_parentheses(kb, &mut out, norm, options.date);
    out
}

/// Words that deny the harm word after them ("no casualties", "neither fatalities nor
/// injuries", "did not cause any casualties", "aucune victime").
const HARM_DENIALS: &[&str] = &[
    "no", "nobody", "neither", "nor", "not", "without", "zero", "aucun", "aucune", "sans", "pas",
    "ni",
];

/// Animals a harm word can be about ("an IED killed several sheep").
const ANIMALS: &[&str] = &[
    "sheep",
    "goats",
    "goat",
    "cattle",
    "cows",
    "cow",
    "donkey",
    "donkeys",
    "camel",
    "camels",
    "animals",
    "livestock",
    "horse",
    "horses",
    "dog",
    "dogs",
    "moutons",
    "chevres",
    "boeufs",
    "betail",
    "animaux",
    "ane",
    "anes",
];

/// Whether the words tell that people were hurt: a harm word no denial comes just before
/// and no animal just after.
fn hurt_people(window_norm: &str) -> bool {
    HARM_WORDS.iter().any(|w| {
        window_norm.match_indices(w).any(|(at, _)| {
            let before = window_norm.get(..at).unwrap_or("");
            let denied = before
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
                .rev()
                .take(3)
                .any(|t| HARM_DENIALS.contains(&t));
            // The rest of the harm word ("kill" + "ed") is no word after it.
            let after = window_norm
                .get(at + w.len()..)
                .unwrap_or("")
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric());
            let animals = after
                .split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|t| !t.is_empty())
                .take(3)
                .any(|t| ANIMALS.contains(&t));
            !denied && !animals
        })
    })
}

/// Stems of words that tell people were hurt (normalised text, matched as substrings).
const HARM_WORDS: &[&str] = &[
    " kill", " wound", " injur", " died", " dead", " death", " casualt", " victim", " hurt",
    " lynch", " tue ", " tues ", " tuee", " blesse", " mort", " deced", " victime",
];

/// Verbs of a crowd hurting people, right before the people it hurts (normalised words).
const CROWD_HARM_VERBS: &[&str] = &[
    "assaulted",
    "assault",
    "assaulting",
    "attacked",
    "attacking",
    "beat",
    "beaten",
    "beating",
    "whipped",
    "lynched",
    "stabbed",
    "injured",
    "wounded",
    "killed",
    "molested",
    "fight with",
    "fought with",
    "agresse",
    "agresses",
    "passe a tabac",
    "tabasse",
];

/// Whether the words right before a mention say a crowd hurt its people ("assaulted two
/// teachers", "whipped male passersby"): a verb of harm, then at most three filler words.
fn hurt_by_crowd(norm: &Normalized, span: Span) -> bool {
    let tokens = tokens_of(&norm.text);
    let start = norm.offset_of(span.start);
    let mut k = tokens.partition_point(|t| t.2 <= start);
    for _ in 0..4 {
        let verb = CROWD_HARM_VERBS.iter().any(|v| {
            let phrase: Vec<String> = v.split(' ').map(str::to_string).collect();
            ends_with_phrase(&tokens, k, &phrase)
        });
        if verb {
            return true;
        }
        let Some(prev) = k.checked_sub(1).and_then(|i| tokens.get(i)) else { return false };
        let filler = FILLER.contains(&prev.0.as_str())
            || prev.0.chars().all(|c| c.is_ascii_digit())
            || matches!(prev.0.as_str(), "male" | "female" | "local" | "their" | "his" | "her");
        if !filler {
            return false;
        }
        k -= 1;
    }
    false
}

/// Words of a crowd taking justice into its own hands (normalised, on word boundaries).
const MOB_JUSTICE_WORDS: &[&str] = &[
    "lynched",
    "lynching",
    "lynch",
    "thief",
    "thieves",
    "robber",
    "robbers",
    "burglar",
    "burglars",
    "stole",
    "stolen",
    "stealing",
    "suspected",
    "alleged",
    "mob justice",
    "jungle justice",
    "voleur",
    "voleurs",
    "lynche",
    "lynches",
    "presume voleur",
];

/// Stems of the words of a protest (normalised, matched as substrings).
const PROTEST_WORDS: &[&str] = &[
    "protest",
    "demonstrat",
    "march",
    "sit in",
    "rall",
    "strike",
    "block",
    "barricad",
    "riot",
    "manifest",
    "greve",
];

/// Marks of forces that riot themselves (normalised, matched as substrings).
const MUTINY_WORDS: &[&str] = &[
    "mutin",
    "into the air",
    "in the air",
    "their barracks",
    "took to the streets",
    "en l'air",
    "leurs casernes",
];

/// Nouns of an attack: the group named just before one made it ("an IS attack").
const ATTACK_NOUNS: &[&str] =
    &["attack", "attacks", "ambush", "ambushes", "assault", "offensive", "incursion", "raid"];

/// Verbs of defence: who repels an attack did not start the fight.
const REACTIVE_VERBS: &[&str] = &[
    "repelled",
    "repulsed",
    "repel",
    "repulse",
    "repels",
    "repulses",
    "foiled",
    "thwarted",
    "responded",
    "repoussent",
    "repousse",
    "repousses",
    "ripostent",
    "riposte",
];

/// Participles before `by`/`par` that name an escort or a guard, not an agent.
const ESCORT_WORDS: &[&str] = &[
    "escorted",
    "accompanied",
    "guarded",
    "protected",
    "manned",
    "secured",
    "reinforced",
    "flanked",
    "held",
    "controlled",
    "occupied",
    "escorte",
    "escortes",
    "escortee",
    "accompagne",
    "accompagnes",
    "garde",
    "gardes",
    "protege",
    "proteges",
    "tenu",
    "tenue",
    "controle",
    "occupe",
];

/// Words of a strike or boycott (normalised; not "air strike").
const STRIKE_WORDS: &[&str] = &[
    "on strike",
    "a strike",
    "general strike",
    "hour strike",
    "day strike",
    "partial strike",
    "strike action",
    "work stoppage",
    "boycott",
    "boycotted",
    "walkout",
    "suspended classes",
    "abandoned classes",
    "laid down their tools",
    "en greve",
    "greve",
    "arret de travail",
];

/// Words of explosives a past war left behind.
const EXPLOSIVE_REMNANTS: &[&str] = &[
    "landmine",
    "landmines",
    "land mine",
    "unexploded",
    "ordnance",
    "uxo",
    "leftover",
    "left over",
    "mine laid",
    "mine blast",
];

/// Words that make a clash a fight within one group (normalised: hyphens are spaces).
const INFIGHTING: &[&str] = &[
    "intra",
    "infighting",
    "internecine",
    "two factions",
    "rival factions",
    "rival faction",
    "another faction",
    "two camps",
    "rival camps",
    "two rival clans",
    "rival clans",
    "inter clan",
    "clan based",
    "two families",
    "2 families",
    "two armed families",
    "rival families",
    "two rival cartels",
    "rival cartels",
    "rival gangs",
    "two groups of",
];

/// Words of a fight between fighters of one side or of two ("fought each other").
const MUTUAL: &[&str] =
    &["each other", "one another", "among themselves", "amongst themselves", "entre eux"];

/// Whether the words make a clash a fight within one group: a cue of [`INFIGHTING`], or
/// sides counted or called rivals ("two volunteer fighter (VDP) factions", "rival camps").
/// With `two_named`, only the words that say so outright count ("intra-ISGS", "two
/// factions"): two groups "fought each other" are two sides.
fn within_one_group(window_norm: &str, two_named: bool) -> bool {
    if INFIGHTING.iter().any(|w| contains_words(window_norm, w)) {
        return true;
    }
    if !two_named && MUTUAL.iter().any(|w| contains_words(window_norm, w)) {
        return true;
    }
    let words: Vec<&str> = window_norm.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        SIDES.contains(w)
            && words
                .get(i.saturating_sub(4)..i)
                .is_some_and(|before| before.iter().any(|b| matches!(*b, "two" | "2" | "rival")))
    })
}

/// Nouns of the sides of a fight within one group, counted ("two ... factions").
const SIDES: &[&str] = &["factions", "camps", "clans", "families"];

/// Words that make the sides of a fight within one group clans.
const CLAN_WORDS: &[&str] = &["clan", "clans", "inter clan", "clan based"];

/// Words that say gangs or cartels did it (normalised: hyphens are spaces); not "a gang
/// member" or "a drug dealer", who are as often the victims.
const GANG_WORDS: &[&str] = &[
    "gang related",
    "gang violence",
    "gang attack",
    "gang shooting",
    "gang war",
    "rival gangs",
    "gangsters",
    "cartel",
    "cartels",
    "drug rip off",
    "narco",
    "narcos",
    "pandillas",
];

/// Words of people driven from their homes by fighting (normalised).
const DISPLACEMENT_WORDS: &[&str] = &[
    "displaced",
    "evacuated",
    "displacement",
    "fled their homes",
    "fled their villages",
    "deplaces",
    "ont fui leurs",
];

/// Words of the methods of criminal gangs (normalised: hyphens are spaces).
const GANG_METHODS: &[&str] = &[
    "drive by",
    "criminal group",
    "criminal groups",
    "criminal cell",
    "organised crime",
    "organized crime",
    "tied",
    "handcuffed",
    "blindfolded",
    "gagged",
    "dismembered",
    "mutilated",
    "decapitated",
    "beheaded",
    "narcomanta",
    "remains",
    "coup de grace",
    "strangled",
    "throats slit",
    "throat slit",
    "human head",
    "head was found",
    "heads were found",
    "threatening message",
    "criminal",
    "criminals",
    "driving a vehicle",
    "riding a motorcycle",
    "on a motorcycle",
    "executed",
    // A body burned, or left in a burned car, as cartels leave their victims.
    "body was burned",
    "bodies were burned",
    "burned body",
    "burned bodies",
    "burnt body",
    "half burned",
    "charred",
    "burned car",
    "burned out car",
    "trunk of a car",
];

/// Last words of mentions that name a building or post rather than people.
const FACILITY_WORDS: &[&str] = &[
    "station",
    "stations",
    "post",
    "posts",
    "offices",
    "office",
    "commissariat",
    "checkpoint",
    "camp",
    "base",
    "buildings",
    "headquarters",
    "brigade",
    "poste",
    "gendarmerie",
];

/// Whether `inner` occurs in `outer` on word boundaries (`outer` is padded with spaces).
fn contains_words(outer: &str, inner: &str) -> bool {
    let bytes = outer.as_bytes();
    outer.match_indices(inner).any(|(i, _)| {
        let before = i == 0 || bytes.get(i - 1).is_some_and(|b| !b.is_ascii_alphanumeric());
        let after = bytes.get(i + inner.len()).is_none_or(|b| !b.is_ascii_alphanumeric());
        before && after
    })
}

/// Hedges inside a parenthesis that names an unidentified group ("(presumably JNIM").
const PARENTHESIS_HEDGES: &[&str] = &[
    "presumably",
    "presumed",
    "suspected",
    "to",
    "be",
    "likely",
    "believed",
    "probably",
    "possibly",
    "allegedly",
    "reportedly",
    "identified",
    "as",
    "thought",
    "assumed",
    "apparently",
    "perhaps",
    "supposedly",
    "alleged",
    "of",
    "the",
    "probablement",
    "presumes",
    "presume",
    "soupconnes",
    "d",
    "etre",
];

/// The words of `PARENTHESIS_HEDGES` that hedge nothing by themselves ("to be").
const HEDGE_FILLERS: &[&str] = &["to", "be", "as", "of", "the", "d", "etre"];

/// Ranks that name police officers as well as soldiers ("an officer was wounded").
const OFFICER_WORDS: &[&str] =
    &["officer", "officers", "an officer", "the officer", "the officers", "two officers"];

/// Words that name state forces only when nothing else claims them ("JNIM forces").
const BARE_FORCE_WORDS: &[&str] =
    &["forces", "force", "units", "unit", "fighters", "troops", "elements"];

/// Stems of words that say an armed group is none the report names.
const UNKNOWN_WORDS: &[&str] = &["unidentif", "unknown", "non identifi", "inconnu"];

/// Whether the words of a mention, or the two words on either side of it, say the group is
/// unknown: "an unidentified armed group", "des hommes armes non identifies".
fn said_unknown(norm: &Normalized, span: Span) -> bool {
    let start = norm.offset_of(span.start);
    let end = norm.offset_of(span.end);
    let before: Vec<&str> =
        norm.text.get(..start).unwrap_or("").split_whitespace().rev().take(2).collect();
    let after: Vec<&str> = norm.text.get(end..).unwrap_or("").split_whitespace().take(2).collect();
    let around = format!(
        " {} {} {} ",
        before.into_iter().rev().collect::<Vec<_>>().join(" "),
        norm.text.get(start..end).unwrap_or(""),
        after.join(" ")
    );
    UNKNOWN_WORDS.iter().any(|w| around.contains(w))
}

/// Whether the words say that the weapons or their users are unknown ("unidentified
/// Katyusha rockets", "drones of an unidentified military group"). Monitors' "unknown
/// weapons" say what was fired is unknown, not who fired it.
fn unknown_launcher(window_norm: &str) -> bool {
    let words: Vec<&str> = window_norm.split_whitespace().collect();
    let launcher = |w: &&str| LAUNCHER_WORDS.contains(w);
    words.iter().enumerate().any(|(i, w)| {
        // English puts the word before the noun; French after it ("drones non identifiés").
        let english = w.starts_with("unidentif") || w.starts_with("unknown");
        let french = w.starts_with("inconnu")
            || (w.starts_with("identifi") && i > 0 && words.get(i - 1) == Some(&"non"));
        (english && words.iter().skip(i + 1).take(3).any(launcher))
            || (french && words.iter().take(i).rev().take(3).any(launcher))
    })
}

/// Weapons fired from afar and the groups that fire them, after "unidentified".
const LAUNCHER_WORDS: &[&str] = &[
    "rocket",
    "rockets",
    "missile",
    "missiles",
    "shell",
    "shells",
    "mortar",
    "mortars",
    "drone",
    "drones",
    "aircraft",
    "plane",
    "planes",
    "jet",
    "jets",
    "helicopter",
    "helicopters",
    "group",
    "groups",
    "roquettes",
    "obus",
    "avions",
    "groupe",
];

/// The normalised text of an original span.
fn norm_text_of(norm: &Normalized, span: Span) -> Option<String> {
    let start = norm.offset_of(span.start);
    let end = norm.offset_of(span.end);
    norm.text.get(start..end).map(|t| t.trim().to_string())
}

/// Words for a crowd of locals who can fight as a communal militia in a battle.
const CROWD_WORDS: &[&str] = &[
    "villagers",
    "residents",
    "youths",
    "locals",
    "inhabitants",
    "villageois",
    "habitants",
    "local residents",
    "young men",
    "jeunes",
];

/// Words for artisanal miners, who fight as a militia of their own in a battle.
const MINER_WORDS: &[&str] =
    &["miners", "gold miners", "artisanal miners", "gold panners", "orpailleurs"];

/// Whether a civilians mention names miners ("miners and Dozos clashed at a gold site").
fn is_miners(norm: &Normalized, m: &ActorMention) -> bool {
    m.kind == MentionKind::Civilians
        && norm_text_of(norm, m.span).is_some_and(|t| MINER_WORDS.contains(&t.as_str()))
}

/// Whether a civilians mention names a crowd of locals ("villagers killed two policemen").
fn is_armed_crowd(norm: &Normalized, m: &ActorMention) -> bool {
    m.kind == MentionKind::Civilians
        && norm_text_of(norm, m.span).is_some_and(|t| CROWD_WORDS.contains(&t.as_str()))
}

/// The village a report names in `window`: "the village of Sobangouma", "villagers from Nedogo".
fn village_name(text: &str, window: Span) -> Option<String> {
    let part = text.get(window.start..window.end)?;
    let lower = part.to_lowercase();
    if lower.len() != part.len() {
        return None;
    }
    let cues = [
        "village of ",
        "villagers of ",
        "villagers from ",
        "youths from ",
        "residents of ",
        "village de ",
        "villageois de ",
        "from the village of ",
        "villages of ",
        "villagers coming from ",
        "youths coming from ",
        "residents from ",
    ];
    let (at, cue) =
        cues.iter().filter_map(|cue| lower.find(cue).map(|i| (i, *cue))).min_by_key(|(i, _)| *i)?;
    let rest = part.get(at + cue.len()..)?;
    let mut words: Vec<&str> = Vec::new();
    for word in rest.split(' ') {
        let clean = word.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = clean.chars().next().is_some_and(char::is_uppercase);
        if !capital || clean.is_empty() || words.len() == 3 {
            break;
        }
        words.push(clean);
        if clean.len() != word.len() {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether a mention names an ethnic group (`Fulani Ethnic Group (Mali)`).
fn is_ethnic_group(m: &ActorMention) -> bool {
    m.kind == MentionKind::Group
        && m.actor.as_ref().is_some_and(|a| a.name.contains(" Ethnic Group ("))
}

/// Drop later candidates naming the same actor as an earlier one.
fn dedup_candidates(out: &mut Vec<Candidate>) {
    let mut seen: Vec<Actor> = Vec::new();
    out.retain(|c| {
        if seen.contains(&c.actor) {
            false
        } else {
            seen.push(c.actor.clone());
            true
        }
    });
}

/// Whether two spans are next to each other with only filler between.
fn near(norm: &Normalized, a: Span, b: Span) -> bool {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    if first.overlaps(second) {
        return true;
    }
    let gap_start = norm.offset_of(first.end);
    let gap_end = norm.offset_of(second.start);
    let gap = norm.text.get(gap_start..gap_end).unwrap_or("x");
    let words: Vec<&str> = gap
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .collect();
    words.len() <= 3
        && words.iter().all(|w| {
            matches!(
                *w,
                "of" | "the"
                    | "du"
                    | "de"
                    | "des"
                    | "la"
                    | "le"
                    | "les"
                    | "from"
                    | "belonging"
                    | "to"
                    | "affiliated"
                    | "with"
                    | "linked"
                    | "members"
                    | "suspected"
                    | "presumed"
                    | "d'"
                    | "l'"
                    | "fighters"
                    | "elements"
                    | "appartenant"
                    | "au"
                    | "a"
                    | "its"
                    | "rebel"
                    | "rebels"
                    | "separatist"
                    | "separatists"
                    | "insurgent"
                    | "jihadist"
                    | "islamist"
                    | "militant"
                    | "terrorist"
            )
        })
}

/// Whether `name` is one of the coalition's members (state forces with any regime period).
fn is_member(coalition: &crate::kb::ActorEntry, name: &str) -> bool {
    coalition.subgroups.iter().any(|s| {
        name == s || name.strip_prefix(s.as_str()).is_some_and(|rest| rest.starts_with(" ("))
    })
}

/// A coalition that includes state forces (`Operation Peace Spring`) leads; the forces and
/// factions named beside it that fight under its name stand beside it as associated actors.
fn fold_into_coalitions(kb: &Kb, out: &mut Vec<Candidate>) {
    let member_of = is_member;
    let is_coalition = |e: &crate::kb::ActorEntry| {
        e.subgroups.iter().any(|s| s.starts_with("Military Forces of "))
    };
    let Some(lead) =
        out.iter().position(|c| c.entry.and_then(|e| kb.actors.get(e)).is_some_and(&is_coalition))
    else {
        return;
    };
    let Some(coalition) = out.get(lead).and_then(|c| c.entry).and_then(|e| kb.actors.get(e)) else {
        return;
    };
    let mut members: Vec<(Actor, Span, i32)> = Vec::new();
    out.retain(|c| {
        let member = member_of(coalition, &c.actor.name);
        if member {
            members.push((c.actor.clone(), c.span, c.score));
        }
        !member
    });
    if let Some(c) =
        out.iter_mut().find(|c| c.entry.and_then(|e| kb.actors.get(e)) == Some(coalition))
    {
        for (actor, span, score) in members {
            c.score = c.score.max(score);
            if !c.assoc.iter().any(|(a, _)| *a == actor) {
                c.assoc.push((actor, span));
            }
        }
    }
}

/// "JNIM or ISGS militants": one actor, `A and/or B`.
fn combine_alternatives(kb: &Kb, out: &mut Vec<Candidate>, norm: &Normalized, cues: &CueSet) {
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = match (out.get(i), out.get(i + 1)) {
            (Some(a), Some(b)) => (a, b),
            _ => break,
        };
        let both_named = a.kind == MentionKind::Named
            && b.kind == MentionKind::Named
            && a.actor.inter == Inter::Rebel
            && b.actor.inter == Inter::Rebel;
        let (first, second) = if a.span.start <= b.span.start { (a, b) } else { (b, a) };
        let gap_start = norm.offset_of(first.span.end);
        let gap_end = norm.offset_of(second.span.start);
        let gap = norm.text.get(gap_start..gap_end).unwrap_or("").trim();
        let slash = gap == "/";
        let gap = gap.replace('/', " ");
        let gap_tokens: Vec<String> = tokens_of(&gap).into_iter().map(|t| t.0).collect();
        let is_alt = slash
            || cues.alternative.contains(&gap_tokens)
            || gap_tokens.iter().map(String::as_str).collect::<Vec<_>>() == ["and", "or"];
        if both_named && is_alt && first.span.start < second.span.start {
            let (x, y) = match (a.entry, b.entry) {
                (Some(ea), Some(eb)) if eb < ea => (b.clone(), a.clone()),
                _ => (a.clone(), b.clone()),
            };
            // Two groups of one family: ACLED names the umbrella group.
            let umbrella = common_parent(kb, x.entry, y.entry);
            let (name, entry) = match umbrella {
                Some((name, idx)) => (name, Some(idx)),
                None => {
                    // "ISWAP or Boko Haram": a name that already holds the other keeps it once.
                    let mut parts: Vec<&str> = x.actor.name.split(" and/or ").collect();
                    for part in y.actor.name.split(" and/or ") {
                        if !parts.contains(&part) {
                            parts.push(part);
                        }
                    }
                    let name = parts.join(" and/or ");
                    let entry = kb.actors.iter().position(|e| e.name == name).or(x.entry);
                    (name, entry)
                }
            };
            let merged = Candidate {
                actor: Actor::new(name, x.actor.inter),
                span: first.span.cover(second.span),
                kind: MentionKind::Named,
                entry,
                score: a.score.max(b.score),
                assoc: Vec::new(),
                facility: false,
            };
            out.splice(i..i + 2, std::iter::once(merged));
        } else {
            i += 1;
        }
    }
}

/// The umbrella group of two family members (or the one that is the other's parent).
fn common_parent(kb: &Kb, a: Option<usize>, b: Option<usize>) -> Option<(String, usize)> {
    let x = kb.actors.get(a?)?;
    let y = kb.actors.get(b?)?;
    // An ally of the umbrella group counts as one of its family here.
    let up = |e: &crate::kb::ActorEntry| -> Vec<String> {
        let mut v: Vec<String> = e.parent.iter().cloned().collect();
        v.extend(
            e.allies
                .iter()
                .filter(|a| kb.actors.iter().any(|u| u.name == **a && !u.subgroups.is_empty()))
                .cloned(),
        );
        v
    };
    let (ux, uy) = (up(x), up(y));
    let name = if let Some(shared) = ux.iter().find(|p| uy.contains(p)) {
        shared.clone()
    } else if ux.contains(&y.name) {
        y.name.clone()
    } else if uy.contains(&x.name) {
        x.name.clone()
    } else {
        return None;
    };
    let idx = kb.actors.iter().position(|e| e.name == name)?;
    Some((name, idx))
}

/// Since April 2020 ACLED names an allied group before its umbrella group in parentheses
/// ("Ansaroul Islam (JNIM)"); before, the umbrella group led.
const ALLY_LEADS_FROM: (i32, u32, u32) = (2020, 4, 1);

/// "Katiba Macina (JNIM)": the group in parentheses is associated with the one before.
fn attach_parentheses(
    kb: &Kb,
    out: &mut Vec<Candidate>,
    norm: &Normalized,
    date: Option<NaiveDate>,
) {
    let (y, m, d) = ALLY_LEADS_FROM;
    let ally_leads =
        date.zip(NaiveDate::from_ymd_opt(y, m, d)).is_some_and(|(date, from)| date >= from);
    let mut i = 0;
    while i + 1 < out.len() {
        let (a, b) = match (out.get(i), out.get(i + 1)) {
            (Some(a), Some(b)) => (a.clone(), b.clone()),
            _ => break,
        };
        let gap_start = norm.offset_of(a.span.end);
        let gap_end = norm.offset_of(b.span.start);
        let gap = norm.text.get(gap_start..gap_end).unwrap_or("x").trim();
        if a.actor == b.actor {
            out.remove(i + 1);
            continue;
        }
        // "A gendarmerie special unit": a bare force word right after a named force, with at
        // most two plain words between, is that force's people, not another force.
        let bare = |c: &Candidate| {
            norm_text_of(norm, c.span).is_some_and(|t| BARE_FORCE_WORDS.contains(&t.as_str()))
        };
        let compound = gap.split(' ').filter(|w| !w.is_empty()).count() <= 2
            && gap.split(' ').all(|w| {
                w.chars().all(|c| c.is_ascii_alphabetic())
                    && !matches!(w, "and" | "or" | "with" | "et" | "ou" | "avec" | "by" | "par")
            });
        if a.kind == MentionKind::StateForces
            && b.kind == MentionKind::StateForces
            && !bare(&a)
            && bare(&b)
            && compound
        {
            if let Some(first) = out.get_mut(i) {
                first.span = Span::new(a.span.start, b.span.end);
                first.facility = false;
                first.score = first.score.max(b.score);
            }
            out.remove(i + 1);
            continue;
        }
        let in_parens = gap == "(" || gap == "(the" || gap == ", (";
        // "The regime's Air Force Intelligence", "state troops (the Jubaland forces)": a
        // unit of the forces just named is who they are.
        let unit_of_a = b.actor.name.len() > a.actor.name.len()
            && b.actor.name.starts_with(a.actor.name.as_str())
            && b.actor.name.as_bytes().get(a.actor.name.len()) == Some(&b' ')
            && matches!(gap, "" | "'s" | "s" | "' s" | "(" | "of the" | "of");
        // "Special units of the gendarmerie": bare force words name the force after them.
        let bare_of = bare(&a) && matches!(gap, "of" | "of the" | "de la" | "du" | "des");
        let refine = a.kind == MentionKind::StateForces
            && b.kind == MentionKind::StateForces
            && (unit_of_a
                || bare_of
                || matches!(gap, "(" | "(presumably" | "(probably" | "(likely" | "(reportedly"));
        if refine {
            if let Some(first) = out.get_mut(i) {
                first.actor = b.actor.clone();
            }
            out.remove(i + 1);
            continue;
        }
        let same_family = related(kb, &a, &b);
        let rebel = |c: &Candidate| c.actor.inter == Inter::Rebel;
        let state = |c: &Candidate| matches!(c.actor.inter, Inter::StateForces | Inter::External);
        let same_side = !rebel(&a)
            && !rebel(&b)
            && (state(&a) || state(&b))
            && a.kind != MentionKind::UnidentifiedArmed
            && b.kind != MentionKind::UnidentifiedArmed;
        let before = norm.text.get(..norm.offset_of(a.span.start)).unwrap_or("");
        let between = before
            .split_whitespace()
            .next_back()
            .is_some_and(|w| matches!(w, "between" | "entre" | "among" | "opposing"));
        let core_gap: Vec<&str> = gap
            .split_whitespace()
            .filter(|w| {
                !matches!(
                    *w,
                    "the" | "des" | "les" | "a" | "an" | "some" | "de" | "du" | "la" | "le" | "l'"
                )
            })
            .collect();
        let core_gap = core_gap.join(" ");
        let joint_gap = matches!(
            core_gap.as_str(),
            "and"
                | "et"
                | "with"
                | "avec"
                | "supported by"
                | "backed by"
                | "accompanied by"
                | "alongside"
                | "together with"
                | "assisted by"
                | "appuyes par"
                | "soutenus par"
        );
        // "Soldiers or gendarmes": one side, the first forces leading.
        let alternative_forces =
            matches!(core_gap.as_str(), "or" | "and/or" | "and or" | "ou" | "et/ou")
                && a.kind == MentionKind::StateForces
                && b.kind == MentionKind::StateForces;
        // "Indian and Pakistani forces traded fire": two sides, not one.
        let after = norm.text.get(norm.offset_of(b.span.end)..).unwrap_or("");
        let against_each_other = a.kind == MentionKind::StateForces
            && b.kind == MentionKind::StateForces
            && after
                .split_whitespace()
                .next()
                .is_some_and(|w| matches!(w, "exchanged" | "clashed" | "fought" | "traded"));
        let joined = (joint_gap && (same_family || same_side) && !between && !against_each_other)
            || alternative_forces;
        // "Ansaroul Islam (JNIM)": an allied umbrella group in parentheses leads.
        let umbrella_ally = in_parens
            && !ally_leads
            && a.entry.and_then(|e| kb.actors.get(e)).is_some_and(|x| {
                x.allies.contains(&b.actor.name)
                    && x.parent.as_deref() != Some(b.actor.name.as_str())
            })
            && b.entry.and_then(|e| kb.actors.get(e)).is_some_and(|y| !y.subgroups.is_empty());
        if umbrella_ally {
            if let Some(first) = out.get_mut(i) {
                let outer = (first.actor.clone(), first.span);
                first.actor = b.actor.clone();
                first.entry = b.entry;
                first.assoc.push(outer);
                first.score = first.score.max(b.score);
            }
            out.remove(i + 1);
            continue;
        }
        if (in_parens || joined) && a.kind != MentionKind::UnidentifiedArmed {
            if let Some(first) = out.get_mut(i) {
                first.assoc.push((b.actor.clone(), b.span));
                first.score = first.score.max(b.score);
            }
            out.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Whether two named actors are parent and sub-group or allies.
fn related(kb: &Kb, a: &Candidate, b: &Candidate) -> bool {
    let (Some(ea), Some(eb)) = (a.entry, b.entry) else { return false };
    let (Some(x), Some(y)) = (kb.actors.get(ea), kb.actors.get(eb)) else { return false };
    x.parent_or_child_of(y) || x.allies.contains(&y.name) || y.allies.contains(&x.name)
}
