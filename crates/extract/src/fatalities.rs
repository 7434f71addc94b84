//! Fatalities by ACLED's rules (codebook section 8): reported deaths only, lowest figure.
//!
//! Deaths are read around death words ("killed", "dead", "died", "bodies", "tués",
//! "morts", "lost their lives", "perished", "executed"): a count before a passive or
//! nominal death word ("3 soldiers were killed", "12 morts") or after an active one
//! ("killing 2 gunmen and 1-3 soldiers", "faisant 5 morts"). A coordinated list is
//! summed ("3 soldiers and 2 attackers were killed" = 5). Separate mentions of the same
//! kind of victim are taken as the same deaths (the lowest figure wins); different kinds
//! of victim are summed; a generic total ("5 people") is kept when it exceeds the sum of
//! the specific ones. Injuries and "casualties" are never deaths. Sentences that give
//! aggregates or historical totals ("since 2021", "this year", "so far") are skipped.

use std::sync::LazyLock;

use regex::Regex;
use tocsin_model::{Field, Span};

use crate::numbers::quantity_at;
use crate::text::{fold, tokenize, Token, TokenKind};

/// One reported count of deaths.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DeathMention {
    /// The words giving the count and the death word.
    pub span: Span,
    /// The count.
    pub count: u32,
    /// The kind of victim, for deciding whether two mentions are the same deaths.
    pub victims: Victims,
    /// Whether the count is a convention for a vague word.
    pub vague: bool,
}

/// Who died, as far as the words around the count say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Victims {
    /// Soldiers, police, gendarmes, militia members on the state's side.
    Forces,
    /// Militants, attackers, rebels, gunmen.
    Assailants,
    /// Civilians named as such, villagers, women, children.
    Civilians,
    /// "people", "persons", or no noun at all.
    Generic,
}

/// Reads the fatalities of a passage: `text` is the passage, `offset` where it starts in
/// the report (spans are report offsets). Returns 0 with no span when no death is stated.
pub fn fatalities(text: &str, offset: usize) -> Field<u32> {
    if let Some(found) = CODED_AS.captures(text) {
        if let (Some(whole), Some(count)) = (found.get(0), found.get(1).or_else(|| found.get(2))) {
            if let Ok(count) = count.as_str().parse::<u32>() {
                let span = Span::new(offset + whole.start(), offset + whole.end());
                return Field::found(count, span, 0.95);
            }
        }
    }
    let mentions = death_mentions(text, offset);
    if mentions.is_empty() {
        if let Some(none) = NO_DEATHS.find(text) {
            let span = Span::new(offset + none.start(), offset + none.end());
            return Field::found(0, span, 0.9);
        }
        return Field::inferred(0, 0.6);
    }
    let mut total = combine(&mentions);
    // "Fatalities split across 3 events": this event's share, the remainder first.
    if let Some(parts) = SPLIT.captures(text).and_then(|c| c.get(1)).and_then(|n| {
        let word = n.as_str().to_lowercase();
        word.parse::<u32>().ok().or_else(|| crate::numbers::word_value(&word))
    }) {
        if parts > 1 {
            total = total.div_ceil(parts);
        }
    }
    let span =
        mentions.iter().map(|m| m.span).reduce(Span::cover).unwrap_or(Span::new(offset, offset));
    let confidence = if mentions.iter().any(|m| m.vague) { 0.5 } else { 0.8 };
    Field::found(total, span, confidence)
}

/// Combines mentions: the lowest per kind of victim, summed over kinds; a generic total
/// wins when it is larger than that sum.
pub fn combine(mentions: &[DeathMention]) -> u32 {
    let mut lowest: Vec<(Victims, u32)> = Vec::new();
    for mention in mentions {
        match lowest.iter_mut().find(|(victims, _)| *victims == mention.victims) {
            Some((_, count)) => *count = (*count).min(mention.count),
            None => lowest.push((mention.victims, mention.count)),
        }
    }
    let specific: u32 = lowest
        .iter()
        .filter(|(v, _)| *v != Victims::Generic)
        .map(|(_, c)| *c)
        .fold(0u32, u32::saturating_add);
    let generic = lowest.iter().find(|(v, _)| *v == Victims::Generic).map(|(_, c)| *c);
    match generic {
        Some(generic) => generic.max(specific),
        None => specific,
    }
}

/// Every death count in `text`, outside aggregate sentences; spans offset by `offset`.
pub fn death_mentions(text: &str, offset: usize) -> Vec<DeathMention> {
    let mut mentions = Vec::new();
    for sentence in crate::sentences::split(text) {
        let Some(body) = text.get(sentence.start..sentence.end) else { continue };
        if is_aggregate(body) {
            continue;
        }
        let tokens = tokenize(body);
        let mut used = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            let Some(trigger) = trigger_at(&tokens, i) else { continue };
            let found = match trigger {
                Trigger::Active(len) => after(&tokens, i + len, &mut used)
                    .or_else(|| before(&tokens, i, &mut used, true)),
                Trigger::Passive => before(&tokens, i, &mut used, false),
                Trigger::Toll(len) => after(&tokens, i + len, &mut used),
            };
            if let Some((count, first, last, victims, vague)) = found {
                let start = tokens.get(first.min(i)).map_or(0, |t| t.start);
                let end = tokens.get(last.max(i)).map_or(0, |t| t.end);
                mentions.push(DeathMention {
                    span: Span::new(offset + sentence.start + start, offset + sentence.start + end),
                    count,
                    victims,
                    vague,
                });
            }
        }
    }
    mentions
}

/// "Fatalities coded as 4": ACLED's own statement of its count.
static CODED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+)?(?:coded|recorded)\s+as\s+(\d+)|\bsplit\s+(?:across|between|over|among)\s+\d+\s+events?\s*\((\d+)",
    )
    .expect("valid")
});

/// "Fatalities (are) split across N events".
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsplit\s+(?:across|between|over|among|into)\s+(\d+|two|three|four|five|six)\s+(?:events?|days?|locations?)")
        .expect("valid")
});

/// Explicit statements that nobody died.
static NO_DEATHS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:no\s+(?:one|fatalities|deaths|casualties|loss\s+of\s+life)|nobody\s+(?:was|were)\s+killed|without\s+(?:casualties|fatalities|loss)|aucun(?:e)?\s+(?:mort|victime|perte)|pas\s+de\s+(?:victime|mort)|sans\s+faire\s+de\s+victime)")
        .expect("valid")
});

/// Sentences about totals over a period, not one event.
static AGGREGATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:since\s+(?:the\s+(?:start|beginning)|january|february|march|april|may|june|july|august|september|october|november|december|19\d\d|20\d\d|last\s+year|then)|so\s+far\s+this|this\s+year|last\s+year|in\s+total\s+since|over\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months?|weeks|decades?)|in\s+recent\s+(?:years|months)|depuis\s+(?:le\s+d[ée]but|janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|19\d\d|20\d\d|l'an|des\s+ann[ée]es|plusieurs)|cette\s+ann[ée]e|l'an\s+dernier|l'ann[ée]e\s+derni[èe]re|au\s+cours\s+des\s+derni(?:ers|[èe]res)|ces\s+derni(?:ers|[èe]res)\s+(?:ann[ée]es|mois|semaines))")
        .expect("valid")
});

/// Whether a sentence gives an aggregate or historical total rather than one event.
pub fn is_aggregate(sentence: &str) -> bool {
    AGGREGATE.is_match(sentence)
}

enum Trigger {
    /// A death verb that takes the victims after it ("killing 3").
    Active(usize),
    /// A death word that takes the count before it ("3 were killed", "12 morts").
    Passive,
    /// "death toll (rose) to 12", "bilan de 12".
    Toll(usize),
}

fn trigger_at(tokens: &[Token], i: usize) -> Option<Trigger> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = fold(&token.lower);
    let next = tokens.get(i + 1).map(|t| fold(&t.lower)).unwrap_or_default();
    let next2 = tokens.get(i + 2).map(|t| fold(&t.lower)).unwrap_or_default();
    let trigger = match word.as_str() {
        "killed" | "executed" | "murdered" | "assassinated" | "massacred" | "slaughtered"
        | "beheaded" | "lynched" | "slain" => {
            if next == "by" || next == "in" {
                Trigger::Passive
            } else {
                Trigger::Active(1)
            }
        }
        "killing" | "kills" | "kill" | "executing" | "murdering" | "tuant" | "tue" | "tues"
        | "tuee" | "tuees" | "abattu" | "abattus" | "executes" | "assassines" | "assassine" => {
            Trigger::Active(1)
        }
        "dead" | "died" | "die" | "deaths" | "death" | "bodies" | "corpses" | "fatalities"
        | "fatality" | "perished" | "morts" | "mort" | "mortes" | "decedes" | "deces"
        | "cadavres" | "corps" | "peri" | "victimes" => {
            let previous = i.checked_sub(1).and_then(|p| tokens.get(p));
            if word == "death" && (next == "toll" || next == "tolls") {
                Trigger::Toll(2)
            } else if word == "death" && previous.is_some_and(|t| t.is_any(&["to"])) {
                // "beaten to death", "stoned to death".
                Trigger::Passive
            } else if matches!(word.as_str(), "bodies" | "corpses" | "cadavres" | "corps")
                && matches!(next.as_str(), "of" | "de" | "d")
            {
                Trigger::Toll(1)
            } else if matches!(word.as_str(), "victimes" | "death" | "die")
                || (word == "dead" && next == "body")
            {
                return None;
            } else if word == "dead"
                && i > 0
                && tokens.get(i - 1).is_some_and(|t| {
                    t.is_any(&[
                        "shot", "shooting", "shoots", "gunned", "beaten", "stabbed", "hacked",
                    ])
                })
            {
                Trigger::Active(1)
            } else {
                Trigger::Passive
            }
        }
        "lost" | "perdu"
            if matches!(next.as_str(), "their" | "his" | "her" | "la" | "leur")
                && matches!(next2.as_str(), "lives" | "life" | "vie" | "vies") =>
        {
            Trigger::Passive
        }
        "claimed" | "claiming" if next == "the" && next2 == "lives" => Trigger::Active(4),
        "bilan" => Trigger::Toll(1),
        "faisant" => Trigger::Active(1),
        "toll" => return None,
        _ => return None,
    };
    Some(trigger)
}

/// Words that end the search for a count: other events or injuries.
fn is_barrier(token: &Token) -> bool {
    if token.kind == TokenKind::Punct {
        return matches!(token.lower.as_str(), "." | ";" | ":" | "(" | ")" | "!" | "?");
    }
    let word = fold(&token.lower);
    matches!(
        word.as_str(),
        "wounded"
            | "injured"
            | "injuring"
            | "wounding"
            | "hurt"
            | "blesses"
            | "blesse"
            | "blessant"
            | "arrested"
            | "abducted"
            | "kidnapped"
            | "captured"
            | "missing"
            | "including"
            | "among"
            | "dont"
            | "parmi"
            | "while"
            | "whereas"
            | "after"
            | "apres"
            | "when"
            | "lorsque"
            | "quand"
            | "since"
            | "depuis"
            | "who"
            | "qui"
            | "which"
            | "casualties"
            | "rescued"
            | "freed"
            | "displaced"
            | "fled"
    )
}

/// The count after an active death word: "killing at least 2 gunmen and 1-3 soldiers".
fn after(
    tokens: &[Token],
    start: usize,
    used: &mut [bool],
) -> Option<(u32, usize, usize, Victims, bool)> {
    let mut i = start;
    // Allow a short gap: "claimed the lives of", "toll rose to", "bilan s'élève à".
    for _ in 0..3 {
        if quantity_at(tokens, i).is_some() {
            break;
        }
        if tokens.get(i).is_some_and(|t| {
            t.is_any(&[
                "of",
                "to",
                "de",
                "d",
                "'",
                "rose",
                "reached",
                "stood",
                "at",
                "climbed",
                "is",
                "was",
                "s",
                "élève",
                "eleve",
                "à",
                "provisoire",
                "officiel",
                "est",
            ])
        }) {
            i += 1;
        }
    }
    let mut total = 0u32;
    let mut first = None;
    let mut last = start;
    let mut victims = Victims::Generic;
    let mut vague = false;
    loop {
        if used.get(i).copied().unwrap_or(true) {
            break;
        }
        let Some(quantity) = quantity_at(tokens, i) else {
            if first.is_none() {
                // Singular victims: "killing a civilian", "killed him".
                let token = tokens.get(i)?;
                if token.is_any(&["him", "her", "le", "la"]) {
                    mark(used, i, i);
                    return Some((1, i, i, Victims::Generic, false));
                }
                if token
                    .is_any(&["a", "an", "one", "the", "his", "her", "its", "un", "une", "another"])
                {
                    let noun = tokens.get(i + 1)?;
                    let indefinite = token.is_any(&["a", "an", "one", "un", "une", "another"]);
                    if noun.kind == TokenKind::Word && (indefinite || !is_plural(&noun.lower)) {
                        let victims = victims_of(tokens, i + 1, i + 3);
                        let (count, last) = singular_list(tokens, i + 1);
                        mark(used, i, last);
                        return Some((count, i, last, victims, false));
                    }
                }
            }
            break;
        };
        // A number word after "killed" that is really a date or an article ("une attaque").
        if quantity.value == 1
            && tokens.get(i).is_some_and(|t| t.is_any(&["un", "une"]))
            && first.is_none()
        {
            let noun = tokens.get(quantity.last + 1);
            if noun.is_some_and(|n| is_plural(&n.lower)) {
                break;
            }
        }
        let noun_end = (quantity.last + 1..quantity.last + 4)
            .take_while(|&j| {
                tokens.get(j).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !is_barrier(t)
                        && !t.is_any(&[
                            "and", "et", "in", "on", "at", "a", "à", "near", "during", "dans",
                        ])
                })
            })
            .last()
            .unwrap_or(quantity.last);
        if tokens.get(quantity.last + 1).is_some_and(|t| is_barrier(t) && t.kind == TokenKind::Word)
        {
            // "killing 3 and wounding 5": the count belongs to the death word only if
            // no injury word follows it directly.
            if first.is_none() && tokens.get(quantity.last + 1).is_some_and(|t| is_injury(&t.lower))
            {
                return None;
            }
        }
        if (quantity.last + 1..=noun_end)
            .any(|j| tokens.get(j).is_some_and(|t| is_animal(&t.lower)))
        {
            mark(used, quantity.first, noun_end);
            return None;
        }
        let kind = victims_of(tokens, quantity.last + 1, noun_end + 1);
        victims = if first.is_none() || kind == victims { kind } else { Victims::Generic };
        total = total.saturating_add(quantity.value);
        vague |= quantity.vague;
        first.get_or_insert(quantity.first);
        mark(used, quantity.first, noun_end);
        last = noun_end;
        // Continue a list: ", 2 soldiers and 1 civilian"; "and himself" adds the bomber.
        let joiner = tokens.get(noun_end + 1);
        if joiner.is_some_and(|t| t.is_any(&["and", "et"]))
            && tokens
                .get(noun_end + 2)
                .is_some_and(|t| t.is_any(&["himself", "herself", "lui-même"]))
        {
            total = total.saturating_add(1);
            last = noun_end + 2;
            mark(used, noun_end + 1, noun_end + 2);
            break;
        }
        if joiner.is_some_and(|t| t.is_any(&["and", "et", ","])) {
            if let Some(next) = quantity_at(tokens, noun_end + 2) {
                if !tokens.get(next.last + 1).is_some_and(|t| is_injury(&t.lower)) {
                    i = noun_end + 2;
                    continue;
                }
            }
        }
        break;
    }
    let first = first?;
    Some((total, first, last, victims, vague))
}

/// The count before a passive death word: "3 soldiers and 2 attackers were killed".
fn before(
    tokens: &[Token],
    trigger: usize,
    used: &mut [bool],
    active: bool,
) -> Option<(u32, usize, usize, Victims, bool)> {
    let mut j = trigger;
    let mut steps = 0;
    let mut singular = None;
    while j > 0 && steps < 10 {
        j -= 1;
        steps += 1;
        let token = tokens.get(j)?;
        if used.get(j).copied().unwrap_or(true) {
            break;
        }
        // Skip a parenthesis: "four civilians (including three men) were killed".
        if token.is(")") {
            while j > 0 && !tokens.get(j).is_some_and(|t| t.is("(")) {
                j -= 1;
            }
            continue;
        }
        // "2 rebels, incl. their leader, died": the subset is not the count.
        if token.is(".") && j > 0 && tokens.get(j - 1).is_some_and(|t| t.is("incl")) {
            continue;
        }
        if token.is_any(&["including", "incl", "among", "dont", "parmi", "notamment"]) {
            singular = None;
            continue;
        }
        if is_barrier(token) {
            break;
        }
        if token.kind == TokenKind::Punct && token.lower == "," {
            // A comma inside a list of counts is fine; otherwise the clause ends.
            if !tokens.get(j + 1).is_some_and(|t| {
                quantity_at(tokens, tokens.len().min(j + 1)).is_some() && t.kind != TokenKind::Punct
            }) {
                break;
            }
            continue;
        }
        if active && token.kind == TokenKind::Word && is_verbish(&token.lower) {
            break;
        }
        if let Some(quantity) = quantity_at(tokens, j) {
            if quantity.last >= trigger {
                continue;
            }
            // Years are not counts.
            if tokens.get(j).and_then(|t| t.number()).is_some_and(|n| (1900..=2100).contains(&n)) {
                return None;
            }
            // Move to the start of the phrase ("at least 3"): quantity_at from j reads
            // forward; check a modifier start a few tokens back.
            let mut start = quantity;
            for back in 1..=3 {
                if let Some(earlier) = j.checked_sub(back).and_then(|k| quantity_at(tokens, k)) {
                    if earlier.last == quantity.last {
                        start = earlier;
                    }
                }
            }
            if start.value == 1 && tokens.get(start.first).is_some_and(|t| t.is_any(&["un", "une"]))
            {
                // "un soldat a été tué": fine; "une attaque a fait 3 morts" is handled by "faisant"/counts.
            }
            let victims = victims_of(tokens, quantity.last + 1, trigger);
            let mut total = start.value;
            let mut first = start.first;
            let mut vague = start.vague;
            // Earlier items of a coordinated list: "3 soldiers and 2 attackers".
            let mut k = start.first;
            while k >= 2 {
                let joiner = tokens.get(k - 1)?;
                if !joiner.is_any(&["and", "et", ","]) {
                    break;
                }
                let Some(item) = (k.saturating_sub(6)..k - 1).find_map(|s| {
                    quantity_at(tokens, s).filter(|q| {
                        q.last < k - 1
                            && (q.last + 1..k - 1).all(|m| {
                                tokens.get(m).is_some_and(|t| {
                                    t.kind == TokenKind::Word
                                        && !is_barrier(t)
                                        && !t.is_any(&["and", "et"])
                                })
                            })
                    })
                }) else {
                    break;
                };
                if tokens
                    .get(item.first)
                    .and_then(|t| t.number())
                    .is_some_and(|n| (1900..=2100).contains(&n))
                {
                    break;
                }
                total = total.saturating_add(item.value);
                vague |= item.vague;
                first = item.first;
                k = item.first;
            }
            mark(used, first, trigger);
            return Some((total, first, trigger, victims, vague));
        }
        if singular.is_none()
            && token.is_any(&[
                "a", "an", "one", "un", "une", "he", "she", "il", "elle", "the", "his", "her",
                "le", "la",
            ])
        {
            let next = tokens.get(j + 1);
            let plural_next = next.is_some_and(|n| {
                is_plural(&n.lower) || n.is_any(&["number", "few", "total", "dozen"])
            });
            if !plural_next {
                singular = Some(j);
            }
        }
    }
    if let Some(j) = singular {
        let victims = victims_of(tokens, j + 1, trigger);
        // "a farmer and his son were shot dead": earlier singular victims of the same list.
        let mut count: u32 = 1;
        let mut first = j;
        while first >= 3 {
            let joiner = tokens.get(first - 1);
            let found = (first.saturating_sub(5)..first - 1).find(|&d| {
                tokens
                    .get(d)
                    .is_some_and(|t| t.is_any(&["a", "an", "another", "his", "her", "un", "une"]))
            });
            match (joiner, found) {
                (Some(joiner), Some(d))
                    if joiner.is_any(&["and", "et", ","])
                        && !used.get(d).copied().unwrap_or(true) =>
                {
                    count = count.saturating_add(1);
                    first = d;
                }
                _ => break,
            }
        }
        mark(used, first, trigger);
        return Some((count, first, trigger, victims, false));
    }
    None
}

/// Counts singular victims listed after the noun at `noun`: "a councilor and a village
/// chief" gives 2. Returns the count and the last token of the list.
fn singular_list(tokens: &[Token], noun: usize) -> (u32, usize) {
    let mut count: u32 = 1;
    let mut last = noun;
    let mut k = noun + 1;
    while k <= last + 5 {
        let Some(token) = tokens.get(k) else { break };
        if is_barrier(token) || token.is_any(&[".", ";", "("]) || is_injury(&token.lower) {
            break;
        }
        let determiner = tokens.get(k + 1).is_some_and(|d| {
            d.is_any(&["a", "an", "another", "his", "her", "their", "un", "une", "son", "sa"])
        });
        let not_injured = tokens.get(k + 2).is_some_and(|n| !is_injury(&n.lower));
        if token.is_any(&["and", "et", ","]) && determiner && not_injured {
            count = count.saturating_add(1);
            last = k + 2;
            k += 3;
            continue;
        }
        k += 1;
    }
    (count, last)
}

fn mark(used: &mut [bool], first: usize, last: usize) {
    for slot in used.iter_mut().take(last + 1).skip(first) {
        *slot = true;
    }
}

fn is_animal(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        // Devices are "neutralised" too.
        "ied"
            | "ieds"
            | "explosive"
            | "explosives"
            | "mine"
            | "mines"
            | "devices"
            | "device"
            | "bombs"
            | "engins"
            | "engin"
            | "explosifs"
            | "drones"
            | "drone"
            | "sheep"
            | "cattle"
            | "cows"
            | "goats"
            | "animals"
            | "livestock"
            | "camels"
            | "donkeys"
            | "horses"
            | "head"
            | "moutons"
            | "boeufs"
            | "chevres"
            | "animaux"
            | "betail"
    )
}

fn is_injury(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "wounded"
            | "injured"
            | "wounding"
            | "injuring"
            | "hurt"
            | "blesses"
            | "blesse"
            | "blessant"
            | "blessees"
    )
}

/// Words that start a new clause before an active death verb ("militants attacked").
fn is_verbish(word: &str) -> bool {
    word.ends_with("ed")
        && !matches!(
            word,
            "armed"
                | "unidentified"
                | "suspected"
                | "presumed"
                | "alleged"
                | "unarmed"
                | "wounded"
                | "injured"
                | "masked"
        )
}

fn is_plural(word: &str) -> bool {
    let word = fold(word);
    (word.ends_with('s')
        && !matches!(
            word.as_str(),
            "his" | "was" | "has" | "its" | "this" | "police" | "bus" | "gas" | "class" | "boss"
        ))
        || matches!(
            word.as_str(),
            "people"
                | "police"
                | "men"
                | "women"
                | "children"
                | "personnel"
                | "gens"
                | "militia"
                | "troops"
        )
}

/// The kind of victim named by the words `from..to`.
fn victims_of(tokens: &[Token], from: usize, to: usize) -> Victims {
    for token in tokens.iter().take(to).skip(from) {
        let word = fold(&token.lower);
        let w = word.as_str();
        if matches!(
            w,
            "soldier"
                | "soldiers"
                | "troops"
                | "police"
                | "policeman"
                | "policemen"
                | "officer"
                | "officers"
                | "gendarme"
                | "gendarmes"
                | "servicemen"
                | "military"
                | "army"
                | "personnel"
                | "vdp"
                | "volunteers"
                | "guards"
                | "soldat"
                | "soldats"
                | "militaires"
                | "policiers"
                | "policier"
                | "agents"
                | "fama"
                | "security"
                | "forces"
                | "elements"
                | "dozos"
                | "dozo"
                | "koglweogo"
                | "militiamen"
        ) {
            return Victims::Forces;
        }
        if matches!(
            w,
            "militant"
                | "militants"
                | "attackers"
                | "assailants"
                | "assaillants"
                | "terrorists"
                | "terroristes"
                | "jihadists"
                | "djihadistes"
                | "jihadistes"
                | "insurgents"
                | "rebels"
                | "rebelles"
                | "gunmen"
                | "fighters"
                | "bandits"
                | "combattants"
                | "assailant"
                | "attacker"
                | "suspects"
                | "members"
                | "taliban"
                | "islamists"
        ) {
            return Victims::Assailants;
        }
        if matches!(
            w,
            "civilian"
                | "civilians"
                | "civils"
                | "villagers"
                | "villageois"
                | "residents"
                | "women"
                | "children"
                | "femmes"
                | "enfants"
                | "farmers"
                | "herders"
                | "worshippers"
                | "students"
                | "passengers"
                | "traders"
                | "miners"
                | "orpailleurs"
                | "habitants"
        ) {
            return Victims::Civilians;
        }
    }
    Victims::Generic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: u32) {
        assert_eq!(fatalities(text, 0).value, want, "{text}");
    }

    #[test]
    fn counts_in_digits_and_words() {
        check(
            "On 27 April 2020, in Kunduz, Taliban fighters raided a checkpoint, killing 4 officers.",
            4,
        );
        check("1 Taliban fighter was injured and 4 were killed.", 4);
        check("Trois soldats ont été tués dans l'attaque.", 3);
        check("L'attaque a fait 12 morts.", 12);
        check("In Helmand, a drone strike killed at least 10 Taliban fighters.", 10);
        check("Between 5 and 7 people were killed.", 5);
        check("Five to seven civilians died.", 5);
        check("A dozen soldiers were killed in the ambush.", 12);
        check("Dozens of villagers were killed.", 12);
        check("Des dizaines de civils ont été tués.", 12);
        check("Une dizaine de soldats ont péri.", 10);
        check("Hundreds died in the massacre.", 100);
    }

    #[test]
    fn sums_lists_and_keeps_lowest_of_conflicts() {
        check("3 soldiers and 2 attackers were killed.", 5);
        check("fought off the raid in Baghlan, killing 3 gunmen and 1-2 officers.", 4);
        check("Fatalities coded as 4. Killing 3 gunmen and 1-2 officers.", 4);
        check("Police said 10 people were killed; residents said 15 people were killed.", 10);
        check("Gunmen killed 2 soldiers. 3 attackers were also killed.", 5);
        check("The attack killed 5 people, including 2 children.", 5);
    }

    #[test]
    fn singular_and_vague() {
        check("A civilian was killed by an IED.", 1);
        check("Gunmen shot dead a trader in Djibo.", 1);
        check("a town councillor was assassinated by unidentified men", 1);
        check("Plusieurs morts ont été signalés.", 3);
        check("Several soldiers were killed.", 3);
        check("Des hommes armés ont tué un commerçant.", 1);
    }

    #[test]
    fn injuries_casualties_and_aggregates_are_not_deaths() {
        check("Three soldiers were wounded.", 0);
        check("The attack caused casualties.", 0);
        check("Nearly 150 people have died since 2021 in the region.", 0);
        check("More than 2,000 people have been killed this year.", 0);
        check("No casualties were reported.", 0);
        check("5 wounded and 2 killed.", 2);
        check("killing 3 and wounding 5.", 3);
    }

    #[test]
    fn acled_conventions() {
        check("8 Taliban were killed. Deaths are split between 2 events (4).", 4);
        check("Soldiers killed sixteen civilians. Fatalities split across two events.", 8);
        check("An IED killed four civilians (one of them a woman, three of them men).", 4);
        check("2 Taliban fighters including a district commander were killed during the raid.", 2);
        check("Gunmen assassinated a town councillor and a village chief.", 2);
        check("A farmer and a boy were killed when the bomb went off.", 2);
        check("A community elder in Kara was beaten to death by a gang of four men.", 1);
        check("An IED killed several sheep near the village.", 0);
        check("The corpses of around thirty militants were discovered.", 30);
        check("Neither fatalities nor injuries were recorded in Gao.", 0);
    }

    #[test]
    fn suicide_bombers_count() {
        check("A suicide bomber killed 4 worshippers and himself.", 5);
    }
}
