//! Fatalities by ACLED's rules (codebook section 8): reported deaths only, lowest figure.
//!
//! Deaths are read around death words ("killed", "dead", "died", "succumbed", "bodies",
//! "neutralised", "burned alive", "tués", "morts", "lost their lives", "executed"): a count
//! before a passive or nominal death word ("3 soldiers were killed", "12 morts") or after an
//! active one ("killing 2 gunmen and 1-3 soldiers", "faisant 5 morts"); a pronoun or a
//! definite reference takes the people counted before it ("abducted four traders and
//! executed them"). A coordinated list is summed ("3 soldiers, a guard and 2 attackers were
//! killed" = 6). Separate mentions of the same kind of victim are taken as the same deaths
//! (the lowest figure wins) unless the words add them ("two other soldiers", "also");
//! different kinds of victim are summed; a generic total ("5 people") is kept when it
//! exceeds the sum of the specific ones. An unverified figure beside reported ones is left
//! out. Vague words are 3, or 10 in a large-scale attack.
//!
//! Not deaths of the event: injuries and "casualties"; the days of dates and measures
//! ("On May 18, two...", "30 km"); the grievance of a protest (a march "over the death of
//! a teacher"), accidents, deaths of another time ("killed last month"), and sentences that
//! give aggregates or historical totals ("since 2021", "this year", "so far"). A total split
//! over several days or events ("split across 3 events") gives each its rounded share.

use std::sync::LazyLock;

use regex::Regex;
use tocsin_model::{Field, Span};

use crate::numbers::{quantity_at, Quantity};
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
    /// Whether the count is an unverified figure ("the toll could not be verified").
    pub claimed: bool,
    /// Whether the count is what a party says or claims ("the group said it killed 9").
    pub said: bool,
    /// Whether the count is the report's total ("9 fatalities").
    pub total: bool,
    /// Whether the words add these deaths to others ("also", "other", "another", "more").
    pub additional: bool,
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
    if let Some(found) = CODED_EACH.captures(text).or_else(|| CODED_AS.captures(text)) {
        let count = (1..=3).find_map(|i| found.get(i));
        if let (Some(whole), Some(count)) = (found.get(0), count) {
            if let Ok(mut count) = count.as_str().parse::<u32>() {
                let each = whole.as_str().to_lowercase().contains("each")
                    || whole.as_str().contains("events");
                if !each {
                    count = share(count, split_parts(text));
                }
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
    // Vague words ("several", "an unknown number") are 3, or 10 in a large-scale attack.
    let mut mentions = mentions;
    if LARGE_SCALE.is_match(text) {
        for mention in mentions.iter_mut().filter(|m| m.vague && m.count == 3) {
            mention.count = 10;
        }
    }
    let total = share(combine(&mentions), split_parts(text));
    let span =
        mentions.iter().map(|m| m.span).reduce(Span::cover).unwrap_or(Span::new(offset, offset));
    let confidence = if mentions.iter().any(|m| m.vague) { 0.5 } else { 0.8 };
    Field::found(total, span, confidence)
}

/// Into how many events the text says its deaths are split ("split across 3 events",
/// "over two days", "coded as four events ... fatalities split"), if any.
fn split_parts(text: &str) -> Option<u32> {
    // "deaths split between the events: (4) at A, (4) at B and (4) at C".
    if let Some(found) = SPLIT_LISTED.find(text) {
        let rest = text.get(found.end()..).unwrap_or("");
        let sentence = rest.split(['.', ';']).next().unwrap_or("");
        let parts = BRACKETED_COUNT.find_iter(sentence).count();
        if parts > 1 {
            return u32::try_from(parts).ok();
        }
    }
    let captures = SPLIT.captures(text)?;
    let word = captures
        .get(1)
        .or_else(|| captures.get(2))
        .or_else(|| captures.get(3))?
        .as_str()
        .to_lowercase();
    word.parse::<u32>().ok().or_else(|| crate::numbers::word_value(&word)).filter(|&n| n > 1)
}

/// One event's share of `total` deaths split evenly over `parts` events (codebook section 8):
/// the odd remainder goes to the first events, so the share most events get is the rounded
/// quotient.
fn share(total: u32, parts: Option<u32>) -> u32 {
    match parts {
        Some(parts) if parts > 1 => (total + parts / 2) / parts,
        _ => total,
    }
}

/// Combines mentions: the lowest per kind of victim, summed over kinds; a generic total
/// wins when it is larger than that sum.
///
/// Unverified figures ("could not be verified") never count: ACLED records reported deaths
/// (codebook section 8). A party's claim counts only for victims the report gives no
/// figure for.
pub fn combine(mentions: &[DeathMention]) -> u32 {
    // A stated total ("9 fatalities") is the report's own sum.
    if let Some(total) = mentions.iter().filter(|m| m.total && !m.claimed).map(|m| m.count).min() {
        return total;
    }
    let mut lowest: Vec<(Victims, u32)> = Vec::new();
    let mut counts: Vec<(Victims, u32)> = Vec::new();
    let mut extra: u32 = 0;
    let plain: Vec<&DeathMention> = mentions.iter().filter(|m| !m.claimed && !m.said).collect();
    for mention in mentions.iter().filter(|m| !m.claimed) {
        // A party's statement beside reported deaths: only a kind of victim the report
        // does not give counts; a conflicting figure for the same victims does not.
        if mention.said
            && !plain.is_empty()
            && (mention.victims == Victims::Generic
                || plain.iter().any(|m| m.victims == mention.victims))
        {
            continue;
        }
        if mention.additional && !lowest.is_empty() {
            extra = extra.saturating_add(mention.count);
            continue;
        }
        match lowest.iter_mut().find(|(victims, _)| *victims == mention.victims) {
            Some((_, count)) => *count = (*count).min(mention.count),
            None => lowest.push((mention.victims, mention.count)),
        }
        counts.push((mention.victims, mention.count));
    }
    // "17 were killed: 14 executed and 3 who died of their wounds": parts that add up to
    // the largest figure are its breakdown, not a lower report.
    for (victims, count) in lowest.iter_mut() {
        let of_kind: Vec<u32> =
            counts.iter().filter(|(v, _)| v == victims).map(|(_, c)| *c).collect();
        let largest = of_kind.iter().copied().max().unwrap_or(0);
        let rest: u32 = of_kind.iter().sum::<u32>().saturating_sub(largest);
        if of_kind.len() >= 3 && rest == largest {
            *count = largest;
        }
    }
    let specific: u32 = lowest
        .iter()
        .filter(|(v, _)| *v != Victims::Generic)
        .map(|(_, c)| *c)
        .fold(0u32, u32::saturating_add);
    let generic = lowest.iter().find(|(v, _)| *v == Victims::Generic).map(|(_, c)| *c);
    let reported = match generic {
        Some(generic) => generic.max(specific),
        None => specific,
    };
    reported.saturating_add(extra)
}

/// Every death count in `text`, outside aggregate sentences; spans offset by `offset`.
pub fn death_mentions(text: &str, offset: usize) -> Vec<DeathMention> {
    let mut mentions = Vec::new();
    let protest = PROTEST.is_match(text);
    let mut previous: Vec<Token> = Vec::new();
    for sentence in crate::sentences::split(text) {
        let Some(body) = text.get(sentence.start..sentence.end) else { continue };
        if is_aggregate(body) {
            previous = Vec::new();
            continue;
        }
        let claimed = CLAIM.is_match(body);
        let said = SAID.is_match(body);
        let tokens = tokenize(body);
        let mut used = vec![false; tokens.len()];
        for i in 0..tokens.len() {
            let Some(trigger) = trigger_at(&tokens, i) else { continue };
            if is_background(&tokens, i, protest) {
                continue;
            }
            let found = match trigger {
                Trigger::Active(len) => after(&tokens, i + len, &mut used)
                    .or_else(|| before(&tokens, i, &mut used, true)),
                Trigger::Passive => before(&tokens, i, &mut used, false),
                Trigger::Toll(len) => after(&tokens, i + len, &mut used),
                Trigger::Either(len) => after(&tokens, i + len, &mut used)
                    .or_else(|| before(&tokens, i, &mut used, false)),
            };
            let found = found.or_else(|| {
                let (first, last) = anaphor(&tokens, i, &trigger)?;
                let (count, victims) = antecedent(&tokens, first, &used, &previous)?;
                mark(&mut used, first.min(i), last.max(i));
                Some((count, first, last, victims, false))
            });
            let Some((mut count, mut first, last, mut victims, vague)) = found else { continue };
            // "no one was killed".
            if first
                .checked_sub(1)
                .and_then(|p| tokens.get(p))
                .is_some_and(|t| t.is_any(&["no", "not"]))
            {
                continue;
            }
            // "two dead in their own ranks": the group's own fighters.
            if (i + 1..i + 5).any(|k| tokens.get(k).is_some_and(|t| t.is_any(&["ranks", "rangs"])))
            {
                victims = Victims::Assailants;
            }
            // "Fourteen people including thirteen soldiers and a driver were killed": the
            // total before "including" is the count; "ten were killed (including five burned
            // alive)": a subset of a count already read.
            if let Some(marker) = first.checked_sub(1).filter(|&p| {
                tokens.get(p).is_some_and(|t| {
                    t.is_any(&["including", "incl", "notamment", "dont", "among", "parmi"])
                })
            }) {
                let total = (marker.saturating_sub(4)..marker).find_map(|k| {
                    quantity_at(&tokens, k).filter(|q| {
                        q.first == k
                            && q.last < marker
                            && !used.get(k).copied().unwrap_or(true)
                            && !k.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(is_barrier)
                            && (q.last + 1..marker).all(|m| {
                                tokens
                                    .get(m)
                                    .is_some_and(|t| t.kind == TokenKind::Word || t.is(","))
                            })
                    })
                });
                match total {
                    Some(total) if total.value >= count => {
                        count = total.value;
                        first = total.first;
                    }
                    _ if marker
                        .checked_sub(1)
                        .and_then(|p| tokens.get(p))
                        .is_some_and(|t| t.is("(")) =>
                    {
                        continue
                    }
                    _ => {}
                }
            }
            // "(coded in a separate event)", "[coded separately]": another event's deaths.
            let separate = (last.max(i) + 1..last.max(i) + 12)
                .skip_while(|&k| !tokens.get(k).is_some_and(|t| t.is("coded")))
                .take(4)
                .any(|k| tokens.get(k).is_some_and(|t| t.is_any(&["separate", "separately"])));
            if separate {
                continue;
            }
            let start = tokens.get(first.min(i)).map_or(0, |t| t.start);
            let end = tokens.get(last.max(i)).map_or(0, |t| t.end);
            let additional = (first.min(i).saturating_sub(2)..=last.max(i)).any(|k| {
                tokens.get(k).is_some_and(|t| {
                    t.is_any(&[
                        "also",
                        "other",
                        "others",
                        "another",
                        "more",
                        "further",
                        "additional",
                        "autres",
                        "autre",
                        "aussi",
                        "également",
                    ])
                })
            });
            mentions.push(DeathMention {
                span: Span::new(offset + sentence.start + start, offset + sentence.start + end),
                count,
                victims,
                vague,
                claimed,
                said,
                total: tokens.get(i).is_some_and(|t| t.is_any(&["fatalities", "fatality"]))
                    && quantity_at(&tokens, first).is_some_and(|q| {
                        (q.last + 1..i).all(|k| {
                            tokens.get(k).is_some_and(|t| t.is_any(&["total", "confirmed"]))
                        })
                    }),
                additional,
            });
        }
        previous = tokens;
    }
    mentions
}

/// Words of a large-scale attack, where vague counts are 10 rather than 3 (codebook
/// section 8).
static LARGE_SCALE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:large[- ]scale|massive|massif|major\s+(?:attack|assault|offensive|battle)|heavy\s+(?:fighting|clashes|combat|losses)|fierce\s+(?:fighting|clashes)|several\s+tens|dozens\s+of|hundreds\s+of|de\s+grande\s+envergure|violents\s+combats|lourdes\s+pertes|des\s+dizaines\s+de|des\s+centaines\s+de)")
        .expect("valid")
});

/// A sentence that gives an unverified figure ("the toll could not be verified",
/// "unconfirmed reports").
static CLAIM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:unconfirmed|unverified|could\s+not\s+be\s+(?:independently\s+)?(?:verified|confirmed)|as\s+communicated\s+in|non\s+confirm[ée]s?|n'a\s+pas\s+pu\s+[êe]tre\s+(?:v[ée]rifi|confirm))")
        .expect("valid")
});

/// A sentence that gives what a party says or claims.
static SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:claim(?:ed|s|ing)?\s+(?:that|to\s+have|it|they)|alleg(?:ed|es|ing)\s+(?:that\s+)?(?:it|they)|said\s+(?:that\s+)?(?:it|they|the\s+group)|contest|affirm[ée]|revendiqu[ée]\s+avoir)")
        .expect("valid")
});

/// Words of a protest or riot: deaths its sentences mention "after" or "over" are the
/// grievance, not the event's.
static PROTEST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:demonstrat|protest|marche[ds]?\b|march(?:ed|ers|ing)\b|(?-i:march)\b|sit-in|rall(?:y|ied)|vigil|manifest|rioters|riot(?:s|ed|ing)?\b|grève|strike)")
        .expect("valid")
});

/// Whether the death word at `trigger` tells of deaths outside the event: the grievance of
/// a protest (a march "over the death of a teacher", "demanding justice for two men
/// killed"), an accident, or deaths of another time ("killed last month", "two months
/// later"). Looks within the death word's clause.
fn is_background(tokens: &[Token], trigger: usize, protest: bool) -> bool {
    // The clause before the death word.
    let mut j = trigger;
    while j > 0 {
        j -= 1;
        let Some(token) = tokens.get(j) else { break };
        if token.is_any(&[".", ";", "(", ")", "[", "]"]) {
            break;
        }
        if token.is(",")
            && !tokens.get(j + 1).is_some_and(|t| {
                t.is_any(&["which", "that", "who", "where", "qui", "dont", "lesquels", "laquelle"])
            })
        {
            break;
        }
        let word = fold(&token.lower);
        let w = word.as_str();
        let next = tokens.get(j + 1).map(|t| fold(&t.lower)).unwrap_or_default();
        let strong = w.starts_with("denounc")
            || w.starts_with("denonc")
            || matches!(
                w,
                "funeral"
                    | "funerals"
                    | "burial"
                    | "autopsy"
                    | "coffins"
                    | "obseques"
                    | "funerailles"
                    | "enterrement"
                    | "coronavirus"
                    | "covid"
                    | "complications"
                    | "illness"
                    | "disease"
                    | "pregnancy"
            )
            || w.starts_with("condemn")
            || w.starts_with("commemorat")
            || w.starts_with("mourn")
            || w.starts_with("tribute")
            || w.starts_with("hommage")
            || w.starts_with("accident")
            || w.starts_with("flood")
            || w.starts_with("inondation")
            || w == "anniversary"
            || w == "previously"
            || w == "anniversaire"
            || w == "vigil"
            || (w == "justice" && matches!(next.as_str(), "for" | "pour" | "to"))
            || (matches!(w, "honor" | "honour" | "memory" | "memoire")
                && matches!(next.as_str(), "of" | "de"))
            || (matches!(w, "reaction" | "response" | "protest" | "retaliation" | "revenge")
                && matches!(next.as_str(), "to" | "against" | "over" | "at" | "for" | "a"))
            || (matches!(w, "protest" | "protesting" | "protester" | "protested")
                && j > 0
                && tokens.get(j - 1).is_some_and(|t| t.is_any(&["to", "pour"])))
            || w == "protesting";
        let weak = protest
            && (matches!(
                w,
                "after"
                    | "investigation"
                    | "enquete"
                    | "following"
                    | "over"
                    | "against"
                    | "amid"
                    | "apres"
                    | "demanding"
                    | "demand"
                    | "demanded"
                    | "reclamant"
                    | "exigeant"
            ) || (w == "suite" && next == "a"));
        if strong || weak {
            return true;
        }
    }
    // Another time, just after the death word: "killed in a clash last month"; a body found
    // days later is still the event's.
    let found = (trigger.saturating_sub(2)..trigger).any(|k| {
        tokens.get(k).is_some_and(|t| {
            matches!(fold(&t.lower).as_str(), "found" | "discovered" | "retrouve" | "retrouves")
        })
    }) || tokens.get(trigger).is_some_and(|t| {
        matches!(fold(&t.lower).as_str(), "body" | "bodies" | "corpse" | "corpses" | "corps")
    });
    if found {
        return false;
    }
    let mut k = trigger + 1;
    while k <= trigger + 8 {
        let Some(token) = tokens.get(k) else { break };
        if token.is_any(&[".", ";", ","]) {
            break;
        }
        let word = fold(&token.lower);
        let next = tokens.get(k + 1).map(|t| fold(&t.lower)).unwrap_or_default();
        let span_word = |w: &str| {
            matches!(
                w,
                "days" | "weeks" | "months" | "years" | "jours" | "semaines" | "mois" | "ans"
            )
        };
        // Deaths from an accident or an illness: "killed in a road accident", "died of
        // exhaustion".
        let not_violence = word.starts_with("accident")
            || word.starts_with("flood")
            || word == "drowned"
            || (matches!(word.as_str(), "of" | "from")
                && matches!(
                    next.as_str(),
                    "exhaustion"
                        | "illness"
                        | "disease"
                        | "hunger"
                        | "thirst"
                        | "complications"
                        | "covid"
                        | "coronavirus"
                        | "malaria"
                        | "natural"
                ));
        if not_violence {
            return true;
        }
        let other_time = (word == "last" && matches!(next.as_str(), "month" | "year" | "week"))
            || (word == "earlier"
                && matches!(next.as_str(), "in" | "this" | "that")
                && tokens.get(k + 2).is_some_and(|t| t.is_any(&["month", "year", "week", "the"])))
            || word == "veille"
            || (matches!(word.as_str(), "previous" | "precedent" | "precedente")
                && matches!(
                    next.as_str(),
                    "day" | "night" | "week" | "month" | "year" | "evening" | "jour" | "nuit"
                ))
            || (span_word(&word)
                && matches!(
                    next.as_str(),
                    "earlier" | "before" | "ago" | "later" | "plus" | "auparavant"
                ))
            || (word == "in"
                && tokens
                    .get(k + 1)
                    .and_then(|t| t.number())
                    .is_some_and(|y| (1900..=2100).contains(&y)));
        if other_time {
            return true;
        }
        k += 1;
    }
    false
}

/// A death word whose victims are named by a pronoun or a definite reference to people
/// counted earlier: "executed them", "they were killed", "the abductees were found
/// dead". Returns the token range of the reference.
fn anaphor(tokens: &[Token], trigger: usize, kind: &Trigger) -> Option<(usize, usize)> {
    let at = |k: usize| tokens.get(k).map(|t| fold(&t.lower)).unwrap_or_default();
    if matches!(kind, Trigger::Active(_) | Trigger::Either(_)) {
        let mut k = trigger + 1;
        if at(k) == "all" || at(k) == "both" {
            k += 1;
            if at(k) == "of" {
                k += 1;
            }
        }
        if at(k) == "them" {
            return Some((trigger + 1, k));
        }
    }
    // The subject a few words before: "they were later executed", "their bodies".
    let mut k = trigger;
    for _ in 0..5 {
        k = k.checked_sub(1)?;
        let word = at(k);
        match word.as_str() {
            "they" | "ils" | "elles" | "their" | "leurs" | "them" => return Some((k, trigger)),
            "victims" | "abductees" | "hostages" | "captives" | "detainees" | "occupants"
            | "otages" | "victimes" => {
                let determiner = k.checked_sub(1).map(at).unwrap_or_default();
                if matches!(determiner.as_str(), "the" | "those" | "these" | "les" | "ces") {
                    return Some((k - 1, trigger));
                }
                return None;
            }
            "arrested" | "abducted" | "kidnapped" | "captured"
                if k.checked_sub(1).map(at).is_some_and(|d| d == "those") =>
            {
                return Some((k - 1, trigger));
            }
            "were" | "was" | "later" | "subsequently" | "then" | "also" | "all" | "reportedly"
            | "both" | "been" | "have" | "had" | "ont" | "ete" | "sont" | "bodies" | "corpses"
            | "corps" | "cadavres" | "found" | "summarily" => {}
            _ => return None,
        }
    }
    None
}

/// The people an anaphor refers to: the last count of two or more before `before` in
/// this sentence, else the last in the previous sentence.
fn antecedent(
    tokens: &[Token],
    before: usize,
    used: &[bool],
    previous: &[Token],
) -> Option<(u32, Victims)> {
    let last_count = |tokens: &[Token], end: usize, used: Option<&[bool]>| {
        (0..end).rev().find_map(|k| {
            if used.is_some_and(|u| u.get(k).copied().unwrap_or(true)) {
                return None;
            }
            let quantity = quantity_at(tokens, k).filter(|q| q.first == k && q.last < end)?;
            let year = tokens.get(k).and_then(|t| t.number()).is_some_and(|n| n >= 1900);
            let noun_end = (quantity.last + 3).min(end);
            let animal = (quantity.last + 1..noun_end)
                .any(|m| tokens.get(m).is_some_and(|t| is_animal(&t.lower)));
            (quantity.value >= 2 && !quantity.vague && !year && !animal)
                .then(|| (quantity.value, victims_of(tokens, quantity.last + 1, noun_end + 1)))
        })
    };
    last_count(tokens, before, Some(used)).or_else(|| last_count(previous, previous.len(), None))
}

/// "Fatalities coded as 4", "the unknown toll of fatalities, judged low, coded as 3", "coded as
/// 15 fatalities", "fatalities split across 2 events (4)": ACLED's own statement of its count.
static CODED_AS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bfatalit(?:y|ies)\b[^.;()\[\]]{0,60}?\bcoded\s+(?:as|to|at)\s+(?:a\s+low\s+estimate\s+of\s+)?(\d+)\b|\bcoded\s+as\s+(\d+)\s+fatalit(?:y|ies)\b|\bsplit\s+(?:across|between|over|among)\s+\d+\s+events?\s*\((\d+)\)",
    )
    .expect("valid")
});

/// "Fatalities split between (the) events": a split whose parts are listed after it.
static SPLIT_LISTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsplit\s+(?:between|across|among)\s+(?:the\s+)?events?\b").expect("valid")
});

/// A count in brackets: "(4)".
static BRACKETED_COUNT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\d{1,4}\)").expect("valid"));

/// "With 5 coded to each": the share of each event, stated.
static CODED_EACH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwith\s+(\d+)\s+(?:fatalit(?:y|ies)\s+)?coded\s+(?:to|for|in)\s+each\b")
        .expect("valid")
});

/// "Fatalities (are) split across N events", "split between the two events", "over two
/// days"; "coded as four events ... with fatalities split".
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:split|distributed|divided)\s+(?:evenly\s+)?(?:across|between|over|among|into)\s+(?:the\s+)?\(?(\d+|two|three|four|five|six|seven|eight|nine|ten)\)?\s+(?:separate\s+)?(?:events?|days?|dates?|locations?|villages?)|\bcoded\s+as\s+(\d+|two|three|four|five|six|seven|eight|nine|ten)\s+events?\b[^.]{0,80}\bfatalit(?:y|ies)\s+(?:are\s+|were\s+)?split|\b(?:over|during|across|pendant|sur|durant)\s+(?:the\s+|les\s+)?(?:past\s+|last\s+|following\s+|derniers\s+)?(\d+|two|three|four|five|six|seven|deux|trois|quatre|cinq|six|sept)\s+(?:consecutive\s+)?(?:days|jours)\b")
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

/// Words before "since" that date a state of affairs, not a count: "arrested since
/// October", "on strike since Monday", "submitted since November".
static STATE_SINCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:arrested|detained|jailed|imprisoned|held|missing|closed|suspended|unpaid|submitted|pending|strike|custody|prison|displaced|exiled|waiting|promised|unemployed|arrêtés?|détenus?|emprisonnés?|disparus?|fermés?|suspendus?|impayés?|grève)\s*$")
        .expect("valid")
});

/// A month just before "this year" or "last year": a date ("in May this year"), not a
/// period.
static MONTH_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s*$")
        .expect("valid")
});

/// Whether a sentence gives an aggregate or historical total rather than one event: a
/// period word ("since January", "this year") that neither dates a state of affairs
/// ("detained since January") nor completes a date ("in May this year").
pub fn is_aggregate(sentence: &str) -> bool {
    AGGREGATE.find_iter(sentence).any(|m| {
        let before = sentence.get(..m.start()).unwrap_or("");
        let word = m.as_str().to_lowercase();
        if word.starts_with("since") || word.starts_with("depuis") {
            !STATE_SINCE.is_match(before)
        } else if word.ends_with("year") {
            !MONTH_BEFORE.is_match(before)
        } else {
            true
        }
    })
}

enum Trigger {
    /// A death verb that takes the victims after it ("killing 3").
    Active(usize),
    /// A death word that takes the count before it ("3 were killed", "12 morts").
    Passive,
    /// "death toll (rose) to 12", "bilan de 12".
    Toll(usize),
    /// A death word that takes the count after it, else before it ("hacked to death five
    /// men", "a man was stabbed to death").
    Either(usize),
}

fn trigger_at(tokens: &[Token], i: usize) -> Option<Trigger> {
    let token = tokens.get(i)?;
    if token.kind != TokenKind::Word {
        return None;
    }
    let word = fold(&token.lower);
    let next = tokens.get(i + 1).map(|t| fold(&t.lower)).unwrap_or_default();
    let next2 = tokens.get(i + 2).map(|t| fold(&t.lower)).unwrap_or_default();
    let back = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p)).map(|t| fold(&t.lower));
    // Attempts and fears are no deaths: "tried to lynch", "nearly lynched", "threatened to
    // kill", "feared to have been executed".
    if back(1).is_some_and(|w| matches!(w.as_str(), "nearly" | "almost" | "to"))
        && !matches!(word.as_str(), "dead" | "death" | "deaths")
    {
        return None;
    }
    if (1..=4).any(|k| back(k).is_some_and(|w| matches!(w.as_str(), "feared" | "craint"))) {
        return None;
    }
    // "corps" is a French body only beside French words ("les corps de", "trois corps ont");
    // "National Corps" is a unit.
    if word == "corps"
        && !matches!(
            next.as_str(),
            "de" | "d" | "des" | "ont" | "sans" | "retrouves" | "decouverts" | "gisaient"
        )
    {
        return None;
    }
    // "no fatalities were reported", "aucun mort": a statement that nobody died.
    if back(1).is_some_and(|w| {
        matches!(
            w.as_str(),
            "no" | "without" | "zero" | "nor" | "neither" | "aucun" | "aucune" | "sans"
        )
    }) {
        return None;
    }
    let trigger = match word.as_str() {
        "killed" | "executed" | "murdered" | "assassinated" | "massacred" | "slaughtered"
        | "beheaded" | "lynched" | "slain" | "kiled" | "killled" | "neutralized"
        | "neutralised" | "neutralise" | "neutralises" | "neutralisee" | "neutralisees" => {
            if word.starts_with("neutrali")
                && (i + 1..i + 4).any(|k| tokens.get(k).is_some_and(|t| is_device(&t.lower)))
            {
                return None;
            }
            if next == "by" || next == "in" || is_passive(tokens, i) {
                Trigger::Passive
            } else {
                Trigger::Active(1)
            }
        }
        "killing" | "killings"
            if i.checked_sub(1).and_then(|p| tokens.get(p)).is_some_and(|t| {
                t.is_any(&[
                    "the", "this", "that", "a", "an", "these", "those", "his", "her", "their",
                    "its",
                ])
            }) =>
        {
            // "the killing of a miner" names deaths; "in relation to the killing" does not.
            return (next == "of").then_some(Trigger::Toll(2));
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
                // "beaten to death", "hacked to death five men"; a sentence or a threat is
                // no death.
                if (2..=4).any(|back| {
                    i.checked_sub(back).and_then(|p| tokens.get(p)).is_some_and(|t| {
                        t.is_any(&[
                            "sentenced",
                            "condemned",
                            "threatened",
                            "threatening",
                            "threat",
                            "threats",
                            "condamné",
                            "condamnés",
                        ])
                    })
                }) {
                    return None;
                }
                Trigger::Either(1)
            } else if matches!(word.as_str(), "death" | "deaths")
                && matches!(next.as_str(), "of" | "de")
                && (1..=3).any(|back| {
                    i.checked_sub(back).and_then(|p| tokens.get(p)).is_some_and(|t| {
                        t.is_any(&[
                            "resulting",
                            "resulted",
                            "led",
                            "leading",
                            "caused",
                            "causing",
                            "left",
                            "leaving",
                            "entrainant",
                            "provoquant",
                            "provoque",
                            "causant",
                        ])
                    })
                })
            {
                // "the blast caused the death of one herder".
                Trigger::Toll(2)
            } else if word == "death"
                && i.checked_sub(1).is_some_and(|p| {
                    quantity_at(tokens, p).is_some_and(|q| q.last == p)
                        || tokens.get(p).is_some_and(|t| t.is_any(&["one", "a"]))
                })
            {
                // "resulting in one death".
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
                && !is_passive(tokens, i - 1)
            {
                Trigger::Active(1)
            } else {
                Trigger::Passive
            }
        }
        // "the body of a woman was found", "his corpse was discovered".
        "body" | "corpse" | "cadavre"
            if (matches!(next.as_str(), "of" | "de" | "d")
                && tokens.get(i + 2).is_some_and(|t| {
                    t.is_any(&["a", "an", "the", "one", "his", "her", "un", "une", "l", "la", "le"])
                })
                && (i.saturating_sub(3)..i + 12).any(|k| {
                    tokens.get(k).is_some_and(|t| {
                        matches!(
                            fold(&t.lower).as_str(),
                            "found"
                                | "discovered"
                                | "recovered"
                                | "dumped"
                                | "retrouve"
                                | "decouvert"
                        )
                    })
                }))
                || (matches!(next.as_str(), "was" | "has" | "had" | "a")
                    && (2..=3).any(|k| {
                        tokens.get(i + k).is_some_and(|t| {
                            matches!(
                                fold(&t.lower).as_str(),
                                "found"
                                    | "discovered"
                                    | "recovered"
                                    | "dumped"
                                    | "retrouve"
                                    | "decouvert"
                            )
                        })
                    })) =>
        {
            if matches!(next.as_str(), "of" | "de" | "d") {
                Trigger::Toll(1)
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
        // "succumbed to his wounds", "later dying from his injuries", "décédé".
        "succumbed" | "succumbing" | "dying" | "succombe" | "succombes" | "decede" => {
            Trigger::Passive
        }
        // "fatally shot the leader", "were fatally stabbed".
        "fatally" | "mortellement" => Trigger::Either(2),
        // "burned alive", "brûlés vifs".
        "alive" | "vif" | "vifs" | "vive" | "vives"
            if (1..=2).any(|k| {
                back(k).is_some_and(|w| {
                    matches!(
                        w.as_str(),
                        "burned" | "burnt" | "buried" | "brules" | "brule" | "enterres"
                    )
                })
            }) && (back(1).is_some_and(|w| w != "them") || back(2).is_some()) =>
        {
            Trigger::Passive
        }
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
                    let beast = matches!(
                        fold(&noun.lower).as_str(),
                        "goat"
                            | "lamb"
                            | "sheep"
                            | "cow"
                            | "ox"
                            | "bull"
                            | "camel"
                            | "donkey"
                            | "horse"
                            | "dog"
                    );
                    if is_device(&noun.lower) || beast {
                        return None;
                    }
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
        // The next item of the list: "4 soldiers (VDP), a customs agent, and 11 civilians".
        let mut k = noun_end + 1;
        let mut next_item = None;
        while let Some(item) = next_list_item(tokens, k, used) {
            match item {
                ListItem::Count(start) => {
                    next_item = Some(start);
                    break;
                }
                ListItem::One(first_token, person) => {
                    total = total.saturating_add(1);
                    mark(used, first_token, person);
                    last = person;
                    k = person + 1;
                }
            }
        }
        match next_item {
            Some(start) => i = start,
            None => break,
        }
    }
    let first = first?;
    Some((total, first, last, victims, vague))
}

/// An item of a list of victims after a count.
enum ListItem {
    /// A count starts at this token.
    Count(usize),
    /// One person, named from the first token to the noun.
    One(usize, usize),
}

/// The list item after the joiner at or after token `k` ("(VDP), and 11 civilians", ", a
/// customs agent"), unless it tells of the wounded, of things or of animals.
fn next_list_item(tokens: &[Token], k: usize, used: &[bool]) -> Option<ListItem> {
    let mut k = k;
    // Skip a short bracket after the noun: "fighters (VDP)".
    if tokens.get(k).is_some_and(|t| t.is("(")) {
        let close = (k + 1..k + 6).find(|&m| tokens.get(m).is_some_and(|t| t.is(")")))?;
        k = close + 1;
    }
    let joiner = tokens.get(k)?;
    if !joiner.is_any(&["and", "et", ","]) {
        return None;
    }
    if joiner.is(",") && tokens.get(k + 1).is_some_and(|t| t.is_any(&["and", "et"])) {
        k += 1;
    }
    let start = k + 1;
    if used.get(start).copied().unwrap_or(true) {
        return None;
    }
    let other_fate = |from: usize| {
        (from..from + 6)
            .take_while(|&m| !tokens.get(m).is_some_and(|t| t.is_any(&[",", ".", ";"])))
            .any(|m| {
                tokens.get(m).is_some_and(|t| {
                    is_injury(&t.lower) || is_thing(&t.lower) || is_animal(&t.lower)
                })
            })
    };
    if let Some(next) = quantity_at(tokens, start) {
        // "shot one bandit, two guards were hurt"; "two shops torched".
        return (!other_fate(next.last + 1)).then_some(ListItem::Count(start));
    }
    // "killing two herders and a boy".
    let article = tokens.get(start).is_some_and(|t| {
        t.is_any(&["a", "an", "another", "his", "her", "their", "un", "une", "son", "sa"])
    });
    // A named person, or any short noun the list goes on after: "a cook, and four pupils".
    let short = tokens.get(start + 1).is_some_and(|t| {
        t.kind == TokenKind::Word
            && !is_thing(&t.lower)
            && !is_animal(&t.lower)
            && !is_device(&t.lower)
            && !is_barrier(t)
    }) && tokens.get(start + 2).is_some_and(|t| t.is_any(&[",", "and", "et"]));
    let person = (start + 1..start + 4)
        .find(|&m| tokens.get(m).is_some_and(|t| is_person(&t.lower)))
        .or(short.then_some(start + 1));
    match person {
        Some(person) if article && !other_fate(start + 1) => Some(ListItem::One(start, person)),
        _ => None,
    }
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
    let mut animal_subject = false;
    // "three herders were taken away and executed": the subject is before "were".
    if let Some(aux) = coordinated_aux(tokens, trigger) {
        j = aux;
    }
    // "Nine travellers, most of them traders, were killed": a subject set off by commas
    // that opens the sentence.
    let aux = (j.saturating_sub(3)..j)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_any(&["were", "ont"])));
    if let Some(aux) = aux.filter(|&a| a >= 1 && tokens.get(a - 1).is_some_and(|t| t.is(","))) {
        let opening = (0..3).find_map(|k| {
            quantity_at(tokens, k).filter(|q| {
                q.first == k
                    && q.last + 1 < aux
                    && (0..k).all(|m| tokens.get(m).is_some_and(|t| t.kind != TokenKind::Number))
            })
        });
        if let Some(quantity) = opening {
            let clean = (quantity.last + 1..aux).all(|m| {
                tokens.get(m).is_some_and(|t| {
                    !is_injury(&t.lower)
                        && !is_thing(&t.lower)
                        && trigger_at(tokens, m).is_none()
                        && !t.is_any(&[".", ";", "was", "were"])
                })
            });
            let used_any = (quantity.first..=trigger).any(|m| used.get(m).copied().unwrap_or(true));
            if clean && !used_any {
                let victims = victims_of(tokens, quantity.last + 1, aux);
                mark(used, quantity.first, trigger);
                return Some((quantity.value, quantity.first, trigger, victims, quantity.vague));
            }
        }
    }
    // "6 herders, including a cook and a boy, were killed": the count is before
    // the subset.
    if let Some(marker) = (trigger.saturating_sub(12)..trigger)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_any(&["including", "notamment", "dont"])))
    {
        let plain = (marker + 1..trigger).all(|k| {
            tokens.get(k).is_some_and(|t| {
                (t.kind == TokenKind::Word && !is_barrier(t) && !is_verbish(&t.lower)) || t.is(",")
            })
        });
        let comma_before =
            marker.checked_sub(1).and_then(|k| tokens.get(k)).is_some_and(|t| t.is(","));
        if plain && comma_before && marker >= 1 {
            j = marker - 1;
        }
    }
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
        let adjective = token.is("displaced")
            && tokens.get(j + 1).is_some_and(|t| {
                t.is_any(&["persons", "person", "people", "families", "civilians"])
            });
        if is_barrier(token) && !adjective {
            // Verbs sharing the subject: "three men were abducted and executed", "a child
            // who succumbed".
            let linked = (j + 1..trigger).all(|m| {
                tokens.get(m).is_some_and(|t| {
                    t.is_any(&[
                        "and",
                        "et",
                        "then",
                        "later",
                        "subsequently",
                        "summarily",
                        "puis",
                        "was",
                        "were",
                        "had",
                        "ensuite",
                        "eventually",
                        "reportedly",
                        ",",
                        "a",
                        "ont",
                        "est",
                        "sont",
                        "été",
                        "finalement",
                        "found",
                    ])
                })
            });
            let verb = token.kind == TokenKind::Word
                && !token.is_any(&["who", "qui"])
                && is_coordinable(&token.lower);
            let succumbed = tokens
                .get(trigger)
                .is_some_and(|t| t.is_any(&["succumbed", "succumbing", "succombé", "succombe"]));
            if linked && ((verb && j + 1 < trigger) || (token.is_any(&["who", "qui"]) && succumbed))
            {
                continue;
            }
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
            // "four rebels and one guard were shot dead": one more after the count.
            if let Some(one) = singular.filter(|&one: &usize| one > quantity.last + 1) {
                let joined = tokens.get(one - 1).is_some_and(|t| t.is_any(&["and", "et"]))
                    && (quantity.last + 1..one - 1).all(|m| {
                        tokens.get(m).is_some_and(|t| {
                            (t.kind == TokenKind::Word && !is_barrier(t) && !is_thing(&t.lower))
                                || t.is_any(&["(", ")"])
                        })
                    });
                if joined {
                    total = total.saturating_add(1);
                }
            }
            // Earlier items of a coordinated list: "3 soldiers and 2 attackers".
            let mut k = start.first;
            let mut items = 0;
            while k >= 2 {
                let Some((item, joint)) = list_item_before(tokens, k) else { break };
                // A list ends in "and": "3 soldiers, 2 militiamen and 1 policeman".
                let comma = tokens.get(joint).is_some_and(|t| t.is(","))
                    && !tokens.get(joint + 1).is_some_and(|t| t.is_any(&["and", "et"]));
                if used.get(item.first).copied().unwrap_or(true) || (items == 0 && comma) {
                    break;
                }
                items += 1;
                total = total.saturating_add(item.value);
                vague |= item.vague;
                first = item.first;
                k = item.first;
                let _ = joint;
            }
            mark(used, first, trigger);
            return Some((total, first, trigger, victims, vague));
        }
        if singular.is_none()
            && token.is_any(&[
                "a", "an", "one", "un", "une", "he", "she", "il", "elle", "the", "his", "her",
                "le", "la", "another",
            ])
        {
            let next = tokens.get(j + 1);
            // "a police officer" is one person; "the police officers" are not.
            let indefinite = token.is_any(&["a", "an", "one", "un", "une"]);
            // "a goat was killed": the noun just before the verb is an animal.
            let head = (j + 1..trigger).rev().find(|&k| {
                tokens.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Word
                        && !t.is_any(&["was", "were", "is", "reportedly", "also", "been", "has"])
                })
            });
            let animal = head.is_some_and(|k| tokens.get(k).is_some_and(|t| is_animal(&t.lower)));
            let plural_next = animal
                || next.is_some_and(|n| {
                    (!indefinite && is_plural(&n.lower))
                        || n.is_any(&[
                            "number", "few", "total", "dozen", "group", "handful", "couple",
                            "series",
                        ])
                });
            // "the source does not say if there were fatalities": a plural death noun
            // wants a count, not a definite singular.
            let definite = token.is_any(&["the", "le", "la"]);
            let plural_noun = tokens.get(trigger).is_some_and(|t| {
                t.is_any(&["fatalities", "deaths", "casualties", "bodies", "corpses", "morts"])
            });
            animal_subject |= animal;
            if !(plural_next || definite && plural_noun) {
                singular = Some(j);
            }
        }
    }
    // "... was shot dead": a singular passive verb tells of one death even when its
    // subject is out of reach.
    if singular.is_none() && !active && !animal_subject {
        let mut k = trigger;
        while let Some(previous) = k.checked_sub(1) {
            k = previous;
            let Some(token) = tokens.get(k) else { break };
            if token.is_any(&["was", "été"]) || (token.is("est") && k + 1 == trigger) {
                if used.get(k).copied().unwrap_or(true) {
                    break;
                }
                mark(used, k, trigger);
                return Some((1, k, trigger, Victims::Generic, false));
            }
            if !token.is_any(&[
                "reportedly",
                "allegedly",
                "later",
                "subsequently",
                "also",
                "been",
                "has",
                "had",
                "then",
                "shot",
                "beaten",
                "stabbed",
                "a",
                "found",
                "eventually",
                "summarily",
            ]) {
                break;
            }
        }
    }
    if let Some(j) = singular {
        let victims = victims_of(tokens, j + 1, trigger);
        // "a farmer and his son were shot dead": earlier singular victims of the same list.
        let mut count: u32 = 1;
        let mut first = j;
        // A comma joins singular victims only inside a list that ends in "and":
        // "a farmer, his wife and his son"; not "near Parou, the apprentice".
        let mut seen_and = false;
        while first >= 3 {
            let joiner = tokens.get(first - 1);
            let comma = joiner.is_some_and(|t| t.is(","));
            let found = (first.saturating_sub(5)..first - 1).find(|&d| {
                tokens.get(d).is_some_and(|t| {
                    t.is_any(&["a", "an", "another", "his", "her", "un", "une"])
                        || (!comma && t.is("the"))
                })
            });
            match (joiner, found) {
                (Some(joiner), Some(d))
                    if (joiner.is_any(&["and", "et"]) || (seen_and && joiner.is(",")))
                        && !used.get(d).copied().unwrap_or(true) =>
                {
                    seen_and = true;
                    count = count.saturating_add(1);
                    first = d;
                }
                _ => break,
            }
        }
        // "a company ... were also killed": a plural verb wants a plural subject.
        let plural_verb = (j + 1..trigger).any(|k| {
            tokens.get(k).is_some_and(|t| t.is_any(&["were", "are", "have", "ont", "sont"]))
        });
        if count == 1 && plural_verb {
            return None;
        }
        mark(used, first, trigger);
        return Some((count, first, trigger, victims, false));
    }
    None
}

/// The item of a coordinated list of victims that ends just before token `k` ("3
/// soldiers, 2 militia members, and 1 policeman"; "a priest and five worshippers"): a count
/// or one person named with an article. Returns it and the joiner's index.
fn list_item_before(tokens: &[Token], k: usize) -> Option<(Quantity, usize)> {
    let mut joint = k.checked_sub(1)?;
    let joiner = tokens.get(joint)?;
    if !joiner.is_any(&["and", "et", ","]) {
        return None;
    }
    if joiner.is_any(&["and", "et"])
        && joint >= 1
        && tokens.get(joint - 1).is_some_and(|t| t.is(","))
    {
        joint -= 1;
    }
    let plain = |from: usize| {
        (from..joint).all(|m| {
            tokens.get(m).is_some_and(|t| {
                (t.kind == TokenKind::Word
                    && !is_barrier(t)
                    && !is_thing(&t.lower)
                    && !t.is_any(&[
                        "and", "et", "on", "in", "at", "near", "between", "from", "against", "to",
                        "dans", "à", "entre", "contre", "près", "were", "was", "are", "is", "been",
                        "have", "has", "ont", "sont",
                    ]))
                    || t.is("-")
            })
        })
    };
    let quantity = (joint.saturating_sub(6)..joint).find_map(|s| {
        quantity_at(tokens, s).filter(|q| q.first == s && q.last < joint && plain(q.last + 1))
    });
    if let Some(quantity) = quantity {
        let year = tokens.get(quantity.first).and_then(|t| t.number()).is_some_and(|n| n >= 1900);
        return (!year).then_some((quantity, joint));
    }
    // One person: "a priest", "his son", "another civilian".
    let d = (joint.saturating_sub(5)..joint).find(|&d| {
        tokens.get(d).is_some_and(|t| {
            t.is_any(&["a", "an", "another", "his", "her", "un", "une", "son", "sa"])
        }) && plain(d + 1)
            && (d + 1..joint).any(|m| tokens.get(m).is_some_and(|t| is_person(&t.lower)))
    })?;
    Some((Quantity { value: 1, first: d, last: joint.saturating_sub(1), vague: false }, joint))
}

/// Things that are counted beside deaths: "two shops were torched".
fn is_thing(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "shops"
            | "houses"
            | "homes"
            | "huts"
            | "vehicles"
            | "motorbikes"
            | "motorcycles"
            | "cars"
            | "trucks"
            | "buses"
            | "granaries"
            | "buildings"
            | "weapons"
            | "rifles"
            | "guns"
            | "boats"
            | "camps"
            | "bases"
            | "schools"
            | "churches"
            | "mosques"
            | "tons"
            | "maisons"
            | "vehicules"
            | "motos"
            | "boutiques"
            | "armes"
            | "camions"
            | "arrested"
            | "abducted"
            | "captured"
            | "missing"
            | "kidnapped"
            | "arretes"
            | "enleves"
    )
}

/// Nouns that name one person.
fn is_person(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "man"
            | "woman"
            | "child"
            | "boy"
            | "girl"
            | "youth"
            | "person"
            | "civilian"
            | "soldier"
            | "policeman"
            | "officer"
            | "gendarme"
            | "priest"
            | "imam"
            | "chief"
            | "councilor"
            | "councillor"
            | "councilman"
            | "teacher"
            | "trader"
            | "merchant"
            | "farmer"
            | "herder"
            | "driver"
            | "student"
            | "pastor"
            | "worker"
            | "journalist"
            | "villager"
            | "resident"
            | "member"
            | "fighter"
            | "militant"
            | "leader"
            | "commander"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
            | "father"
            | "mother"
            | "uncle"
            | "nephew"
            | "cousin"
            | "guard"
            | "ranger"
            | "catechist"
            | "official"
            | "elder"
            | "assailant"
            | "attacker"
            | "gunman"
            | "militiaman"
            | "volunteer"
            | "deacon"
            | "mayor"
            | "prefect"
            | "nurse"
            | "doctor"
            | "agent"
            | "homme"
            | "femme"
            | "enfant"
            | "fille"
            | "garcon"
            | "soldat"
            | "civil"
            | "policier"
            | "militaire"
            | "commercant"
            | "chef"
            | "conseiller"
            | "eleve"
            | "enseignant"
            | "fils"
            | "frere"
            | "pere"
            | "epouse"
            | "mari"
    )
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
        // "a catechist and three other worshippers", "a woman and her two children".
        let counted = (k + 1..=k + 2).find_map(|q| {
            quantity_at(tokens, q).filter(|quantity| {
                quantity.first == q
                    && (q == k + 1 || determiner)
                    && !(quantity.last + 1..quantity.last + 4)
                        .any(|m| tokens.get(m).is_some_and(|t| is_injury(&t.lower)))
            })
        });
        if token.is_any(&["and", "et"]) {
            if let Some(quantity) = counted {
                count = count.saturating_add(quantity.value);
                last = quantity.last + 1;
                k = quantity.last + 2;
                continue;
            }
        }
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
            | "goat"
            | "lamb"
            | "cow"
            | "ox"
            | "oxen"
            | "bull"
            | "camel"
            | "donkey"
            | "horse"
            | "dog"
            | "dogs"
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

/// Whether the verb at `verb` is passive: "were killed", "was reportedly shot".
fn is_passive(tokens: &[Token], verb: usize) -> bool {
    if coordinated_aux(tokens, verb).is_some() {
        return true;
    }
    let mut k = verb;
    for _ in 0..3 {
        let Some(previous) = k.checked_sub(1) else { return false };
        k = previous;
        let Some(token) = tokens.get(k) else { return false };
        if token.is_any(&["was", "were", "been", "being", "be", "is", "are", "got", "get"]) {
            return true;
        }
        if !token.is_any(&[
            "reportedly",
            "allegedly",
            "later",
            "subsequently",
            "summarily",
            "also",
            "then",
            "all",
            "both",
            "extrajudicially",
            "eventually",
            "apparently",
            "brutally",
        ]) {
            return false;
        }
    }
    false
}

/// The auxiliary of a passive verb list the verb at `verb` ends: "were tied up, led
/// away, and executed", "were stripped of their goods and executed".
fn coordinated_aux(tokens: &[Token], verb: usize) -> Option<usize> {
    let joiner = tokens.get(verb.checked_sub(1)?)?;
    if !joiner.is_any(&["and", "then"]) {
        return None;
    }
    let aux = (verb.saturating_sub(10)..verb - 1)
        .rev()
        .find(|&k| tokens.get(k).is_some_and(|t| t.is_any(&["were", "was"])))?;
    let participle = tokens.get(aux + 1).is_some_and(|t| {
        t.kind == TokenKind::Word && (t.lower.ends_with("ed") || t.lower.ends_with("en"))
    });
    let plain = (aux + 1..verb).all(|k| {
        tokens
            .get(k)
            .is_some_and(|t| (t.kind == TokenKind::Word && !is_injury(&t.lower)) || t.is(","))
    });
    // "who were forced back, and killed three people": an object after the verb makes it
    // active.
    let object = quantity_at(tokens, verb + 1).is_some()
        || tokens.get(verb + 1).is_some_and(|t| {
            t.is_any(&["a", "an", "the", "his", "her", "their", "him", "them", "un", "une"])
        });
    (participle && plain && !object).then_some(aux)
}

/// Devices, which are "neutralised" too.
fn is_device(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "ied"
            | "ieds"
            | "explosive"
            | "explosives"
            | "mine"
            | "mines"
            | "device"
            | "devices"
            | "bomb"
            | "bombs"
            | "engin"
            | "engins"
            | "explosif"
            | "explosifs"
            | "drone"
            | "drones"
    )
}

/// Barrier verbs that may share their subject with a death word ("abducted and killed").
fn is_coordinable(word: &str) -> bool {
    matches!(
        fold(word).as_str(),
        "abducted"
            | "kidnapped"
            | "arrested"
            | "captured"
            | "wounded"
            | "injured"
            | "enleves"
            | "enleve"
            | "arretes"
            | "blesses"
            | "blesse"
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
                | "volunteer"
                | "vdps"
                | "guards"
                | "guard"
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
                | "jnim"
                | "isgs"
                | "iswap"
                | "jihadist"
                | "terrorist"
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
    fn days_of_dates_and_measures_are_not_counts() {
        check("On May 18, two gendarmes were killed near the river.", 2);
        check("On September 26, eight herders were shot dead.", 8);
        check("Le 14 mars, trois soldats ont été tués.", 3);
        check("Some 30 km from the town, two herders were shot dead.", 2);
        check("A three-year-old girl died when a shell hit her home.", 1);
        check("Un garçon de 12 ans a été tué.", 1);
    }

    #[test]
    fn acled_statements_of_the_count() {
        check("Gunmen raided the camp. The unknown toll of fatalities, judged low, coded as 3.", 3);
        check("Airstrikes hit two camps; fatalities (10 in all) go to both raids, with 5 coded to each.", 5);
        check("Twelve rebels were killed over three days; deaths split across 3 days.", 4);
        check("Seven rebels died at the ford. The toll is split across two events.", 4);
        check("Twelve people were killed over three days of clashes.", 4);
        check("Trente personnes ont été tuées pendant trois jours d'affrontements.", 10);
        check("Two herders died in the clashes; the deaths are distributed across two days.", 1);
        check("The guards shot a thief dead. A separate raid killed four traders (coded in a separate event).", 1);
    }

    #[test]
    fn more_ways_to_say_killed() {
        check("A trader was shot in the market and later succumbed to his wounds.", 1);
        check("Un gendarme blessé a succombé à ses blessures.", 1);
        check("Attackers hacked to death three farmers in the night.", 3);
        check("A farmer was stabbed to death at the well.", 1);
        check("The court sentenced him to death.", 0);
        check("The brawl ended in gunfire, causing the death of one herder.", 1);
        check("A gunman fatally shot a shopkeeper near the mosque.", 1);
        check("Two men were fatally stabbed outside the bar.", 2);
        check("Two suspected thieves were burned alive by a mob.", 2);
        check("Deux voleurs présumés ont été brûlés vifs par la foule.", 2);
        check("Soldiers neutralized five militants near the border.", 5);
        check("Les militaires ont neutralisé huit terroristes.", 8);
        check("Engineers neutralized an IED on the road.", 0);
        check("Three villagers were killled by gunmen.", 3);
        check("A traffic police officer was shot dead near the stadium.", 1);
        check("Gunmen killed at the least eight guards.", 8);
        check("His body was found near the well.", 1);
        check("At the camp, three displaced persons were stabbed to death.", 3);
    }

    #[test]
    fn shared_subjects_and_pronouns() {
        check("Three herders were abducted and killed.", 3);
        check("Quatre civils ont été enlevés puis exécutés.", 4);
        check("Gunmen abducted four traders and later executed them.", 4);
        check("Gunmen abducted three teachers. The hostages were found dead two days later.", 3);
        check("Soldiers arrested six youths; those arrested were later found dead.", 6);
        check("Militants wounded two guards, including one who succumbed at the clinic.", 1);
    }

    #[test]
    fn lists_and_subsets() {
        check("Three soldiers, two militiamen, and one policeman were killed.", 6);
        check("Gunmen killed a priest and five worshippers.", 6);
        check("Soldiers killed four herders and a boy at the well.", 5);
        check("Gunmen killed a farmer and her two sons.", 3);
        check("Fourteen people including nine soldiers and a driver were killed.", 14);
        check("Ten villagers were killed (including four burned alive).", 10);
        check("Near Kaya, a bus was hit by a mine, the driver was killed.", 1);
    }

    #[test]
    fn longer_lists_and_stated_totals() {
        check("Raiders killed six herders (Peul), two traders, and a driver.", 9);
        check("Raiders killed two guards, a cook, and four pupils at the school.", 7);
        check("Four rebels and a guard died during the shootout.", 5);
        check("Two gendarmes were hit. Attackers killed 5 guards. 6 fatalities.", 6);
        check("Twelve troops were killed. The rebels admitted two dead in their ranks.", 14);
        check("Gunmen killed 9 herders; 6 were shot and 3 were burned alive.", 9);
        check("Raiders killed a reported twelve traders.", 12);
    }

    #[test]
    fn statements_of_no_death_and_singular_verbs() {
        check("Rebels burned a depot, but no fatalities were reported.", 0);
        check("Gunfire was heard; no one was killed.", 0);
        check("A trader who had refused to pay the levy was shot dead on Friday.", 1);
        check("Raiders abducted six herders (Peul), including two boys, and a farmer.", 0);
        check("Nine travellers, including a cook and a boy, died on the road.", 9);
        check("A teacher and another villager were killed at the well.", 2);
        check("A mine went off under a cart; a donkey was killed.", 0);
        check("Villagers captured two suspected thieves and burned them alive.", 2);
        check("Four herders were tied up, taken away and executed.", 4);
        check("Seven travellers, most of them traders from Dori, were killed.", 7);
        check("Guards who were pushed back, and killed two raiders, held the post.", 2);
        check("Raids on the camps left 10 dead; fatalities split between events as (6) in Kari and (4) in Bona.", 5);
    }

    #[test]
    fn other_deaths_add_up() {
        check("Two soldiers were killed. Two other soldiers died later in hospital.", 4);
        check("Gunmen killed three people. One attacker was also killed.", 4);
        check(
            "Gunmen killed two soldiers. The army said 30 attackers died; this toll is unverified.",
            2,
        );
    }

    #[test]
    fn deaths_outside_the_event_are_not_counted() {
        check("Residents marched in Kaya to protest the killing of a trader.", 0);
        check("Youths rioted after a police officer shot dead a motorcyclist.", 0);
        check("Students held a vigil for two classmates killed by soldiers.", 0);
        check("Des jeunes ont manifesté en réaction à la mort de deux élèves.", 0);
        check("Drivers blocked the road after an accident that killed six passengers.", 0);
        check("Villagers set fire to the post; two soldiers had been killed there last month.", 0);
        check("Police arrested three suspects in connection with the killing.", 0);
    }

    #[test]
    fn attempts_claims_and_other_causes_are_not_deaths() {
        check("A crowd tried to lynch a thief at the bus station.", 0);
        check("The mob nearly lynched a driver before police arrived.", 0);
        check("Gunmen threatened to kill the village chief.", 0);
        check("Two hostages are feared to have been executed.", 0);
        check("The rebels claimed to have killed five soldiers; this could not be verified.", 0);
        check("Gunmen killed a guard. The group said it killed four guards.", 1);
        check("Gunmen killed a guard. Troops said they shot dead six of the gunmen.", 7);
        check("A herder died of exhaustion after the gunmen took his cattle.", 0);
        check("A mine exploded near the well and a goat was killed.", 0);
        check("Members of the Youth Corps marched to the town hall.", 0);
        check("Les corps de trois bergers ont été retrouvés.", 3);
        check(
            "Two shops were torched and nine traders were killed, two trucks were also seized.",
            9,
        );
        check("Soldiers killed one bandit, three soldiers were wounded.", 1);
    }

    #[test]
    fn vague_counts_follow_the_scale() {
        check("Several soldiers died when the convoy was ambushed.", 3);
        check("Plusieurs assaillants ont été tués.", 3);
        check("An unknown number of rebels were killed.", 3);
        check("After heavy fighting, several soldiers were killed.", 10);
        check("Dans des combats de grande envergure, plusieurs soldats ont été tués.", 10);
    }

    #[test]
    fn suicide_bombers_count() {
        check("A suicide bomber killed 4 worshippers and himself.", 5);
    }
}
