//! Event segmentation: which sentences tell of a specific event, and where one event ends.
//!
//! A sentence tells of an event when it carries an event cue (see [`crate::classify`])
//! and is none of: a forecast or threat ("could attack", "warned of"), an aggregate or
//! historical total ("nearly 150 people have died since 2021"), an analysis of trends
//! ("attacks have increased"), a habitual statement ("regularly attack"), a recollection
//! of an earlier year ("in 2019 ..." against a 2024 dateline) or a policy announcement.
//! Such a sentence is skipped unless it states a specific day.
//!
//! Nor does a sentence tell of an event when it asks a question, stands in brackets (a
//! transcript's stage direction), appeals ("Stop the bombings"), states an intention,
//! wish or possibility governing the act ("willing to negotiate a ceasefire", "may have
//! kidnapped", "asked the bishops to condemn"), negates or denies it ("did not attack",
//! "denied reports that soldiers looted", "the report ... is false"), speaks in the first
//! person outside quotes and attribution (an address or communiqué: "we condemn the
//! killing of our people"; not "our fighters ambushed", a party's claim), judges it ("it
//! is clear that"), tells a habit just before it ("constantly raid"), or only names an
//! act as the object of an accusation, a charge or an inquiry, or by its doers
//! ("accused of the murder of", "the presumed killers of"): masking those phrases leaves
//! no cue. A word governs the act only when it comes before the cue and the words before
//! it tell of no event of their own ("soldiers patrolled to prevent attacks" is a
//! patrol). These rules yield to a stated day, resolved or not. A report without a
//! dateline is told from the latest day it states: a sentence whose dates all lie more
//! than a year before that recalls the past. A negated act or a mere reference inside an
//! event's passage is a detail of that event and stays in its passage.
//!
//! A report's front matter (a first line repeating its title, and a byline such as
//! "By our correspondent in Lomé · 21 July 2024" below it) frames the story and never
//! opens an event of its own: [`body_start`] says where the body begins.
//!
//! Consecutive event sentences form one event (one event told over several sentences)
//! until a sentence states a different day, or opens with a marker of a separate
//! incident ("separately", "in another attack", "par ailleurs"): that starts a new event
//! (codebook section 4: different days or places are different events). Sentences
//! without cues stay with the event before them ("Fatalities coded as 4.").

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;
use tocsin_model::{Span, SubEventType, TimePrecision};

use crate::classify::classify;
use crate::dates::Dates;
use crate::fatalities::is_aggregate;
use crate::sentences;

/// One event's passage in a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// The passage: from the event's first sentence to the end of its last.
    pub span: Span,
    /// The first sentence that tells of the event.
    pub trigger: Span,
}

/// A sentence with an event cue that was judged not to report an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The sentence.
    pub span: Span,
    /// Why it was skipped, lowercase.
    pub reason: &'static str,
}

/// Where the body of a report begins: after a first line that repeats `title`, and after
/// a byline that follows it. 0 when the text opens with its body.
pub fn body_start(text: &str, title: Option<&str>) -> usize {
    let mut lines = Lines { text, offset: 0 };
    let Some(first) = lines.next_nonblank() else { return 0 };
    let Some(title) = title.map(str::trim).filter(|title| !title.is_empty()) else { return 0 };
    let same = |line: &str| {
        line.trim().trim_end_matches('.').eq_ignore_ascii_case(title.trim_end_matches('.'))
    };
    if !first.1.is_some_and(same) {
        return 0;
    }
    let after_title = lines.offset;
    match lines.next_nonblank() {
        Some((_, Some(line))) if line.len() <= 160 && BYLINE.is_match(line.trim()) => lines.offset,
        _ => after_title,
    }
}

/// Lines of a text with the offset just past each.
struct Lines<'t> {
    text: &'t str,
    offset: usize,
}

impl<'t> Lines<'t> {
    /// The next line with any non-space character, and the offset past it.
    fn next_nonblank(&mut self) -> Option<(usize, Option<&'t str>)> {
        loop {
            let rest = self.text.get(self.offset..)?;
            if rest.is_empty() {
                return None;
            }
            let end = rest.find('\n').map_or(rest.len(), |at| at + 1);
            let line = rest.get(..end);
            self.offset += end;
            if line.is_some_and(|line| !line.trim().is_empty()) {
                return Some((self.offset, line));
            }
        }
    }
}

/// The event passages of `text` after `body_start`, in text order, and the cue sentences
/// that were skipped.
pub fn segments(
    text: &str,
    dates: &Dates,
    published: Option<NaiveDate>,
    body_start: usize,
) -> (Vec<Segment>, Vec<Skipped>) {
    let mut segments: Vec<Segment> = Vec::new();
    let mut skipped = Vec::new();
    // The day of the current segment, when stated.
    let mut current_day: Option<NaiveDate> = None;
    let mut open = false;
    let reference = reference_day(dates, published);
    for sentence in sentences::split(text) {
        if sentence.end <= body_start {
            continue;
        }
        // A sentence the splitter ran across the end of the front matter starts at the body.
        let sentence = Span::new(sentence.start.max(body_start), sentence.end);
        let Some(body) = sentence.text(text) else { continue };
        let classification = classify(body, sentence.start);
        let day = stated_day(sentence, dates);
        if let Some(classification) = classification {
            let sub = classification.sub_event_type.value;
            let cue = classification.sub_event_type.span.unwrap_or(sentence);
            let dated = day.is_some()
                || dates
                    .unresolved
                    .iter()
                    .any(|u| u.start >= sentence.start && u.end <= sentence.end);
            let told = Told { body, span: sentence, cue, sub, has_day: day.is_some(), dated };
            if let Some(reason) = non_event(&told, dates, published, reference) {
                skipped.push(Skipped { span: sentence, reason });
                if open && (reason == REFERS || reason == NEGATED) {
                    // A detail of the event being told: "the attack lasted an hour".
                    if let Some(last) = segments.last_mut() {
                        last.span = last.span.cover(sentence);
                    }
                } else {
                    open = false;
                }
                continue;
            }
            let before_cue = text.get(sentence.start..cue.start.max(sentence.start)).unwrap_or("");
            if !open && day.is_none() && !segments.is_empty() && BACK_REFERENCE.is_match(before_cue)
            {
                // "families fled after the fighting": the event is one already told.
                skipped.push(Skipped {
                    span: sentence,
                    reason: "refers back to an event already told",
                });
                continue;
            }
            let separate = SEPARATE.is_match(body);
            let new_day = matches!((current_day, day), (Some(a), Some(b)) if a != b);
            if open && !separate && !new_day {
                if let Some(last) = segments.last_mut() {
                    last.span = last.span.cover(sentence);
                }
                current_day = current_day.or(day);
            } else {
                segments.push(Segment { span: sentence, trigger: sentence });
                current_day = day;
                open = true;
            }
        } else if open {
            if let Some(last) = segments.last_mut() {
                last.span = last.span.cover(sentence);
            }
            current_day = current_day.or(day);
        }
    }
    (segments, skipped)
}

/// The first specific day (precision 1, not a bound) stated in the sentence.
fn stated_day(sentence: Span, dates: &Dates) -> Option<NaiveDate> {
    dates
        .mentions
        .iter()
        .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end)
        .find(|m| !m.bound && m.date.precision == TimePrecision::Day)
        .map(|m| m.date.date)
}

/// Why a sentence that names an act it does not report was skipped.
const REFERS: &str = "refers to an act told elsewhere, not a report of it";
/// Why a sentence that says an act did not happen was skipped.
const NEGATED: &str = "negated, not an event";

/// A cue sentence under judgement.
struct Told<'t> {
    /// The sentence's words.
    body: &'t str,
    /// Where the sentence is in the report.
    span: Span,
    /// The cue that decided its type.
    cue: Span,
    /// The type the cue gave.
    sub: SubEventType,
    /// Whether it states a specific day.
    has_day: bool,
    /// Whether it states a day, resolved or not ("on 26 March" in a report without a
    /// dateline).
    dated: bool,
}

impl Told<'_> {
    /// The words before the cue.
    fn before_cue(&self) -> &str {
        let end = self.cue.start.saturating_sub(self.span.start).min(self.body.len());
        self.body.get(..end).unwrap_or("")
    }

    /// Whether the word `found` (a match in the body) governs the sentence's event: it
    /// comes before the cue, and the words before it tell of no event of their own
    /// ("soldiers patrolled the area to prevent attacks" tells of a patrol).
    fn governs(&self, found: &regex::Match) -> bool {
        self.span.start + found.start() < self.cue.start
            && self
                .body
                .get(..found.start())
                .is_none_or(|before| classify(before, self.span.start).is_none())
    }
}

/// The day a report is told from: its dateline, else (for a report without one) the
/// latest day it states with a year, which approximates it.
fn reference_day(dates: &Dates, published: Option<NaiveDate>) -> Option<NaiveDate> {
    published.or_else(|| {
        dates
            .mentions
            .iter()
            .filter(|m| !m.relative && !m.bound && m.date.precision == TimePrecision::Day)
            .map(|m| m.date.date)
            .max()
    })
}

/// Why a cue sentence does not report an event, or `None` when it does.
///
/// `reference` is the day the report is told from ([`reference_day`]): a sentence all of
/// whose dates lie well before it recalls an earlier event.
fn non_event(
    told: &Told,
    dates: &Dates,
    published: Option<NaiveDate>,
    reference: Option<NaiveDate>,
) -> Option<&'static str> {
    let Told { body, span: sentence, cue, sub, has_day, dated } = *told;
    // "warning shots" were fired: no warning of anything to come.
    let forecast = FORECAST.find_iter(body).find(|m| {
        !(m.as_str().eq_ignore_ascii_case("warning")
            && body.get(m.end()..).is_some_and(|rest| WARNING_SHOTS.is_match(rest)))
    });
    if let Some(modal) = forecast.or_else(|| MAY.find(body)) {
        // "militants could attack": the modal governs the cue that follows it.
        if sentence.start + modal.start() < cue.start && !has_day {
            return Some("forecast or threat, not an event");
        }
    }
    if is_aside(body) {
        return Some("an aside in brackets, not a report");
    }
    if is_question(body) {
        return Some("a question, not a report");
    }
    if !has_day && IMPERATIVE.is_match(body) {
        return Some("an appeal or demand, not an event");
    }
    // "must have" guesses at the past; it does not wish.
    let intent = INTENT.find_iter(body).find(|m| !m.as_str().to_lowercase().starts_with("must "));
    if !dated && intent.is_some_and(|m| told.governs(&m)) {
        return Some("intention, wish or possibility, not an event");
    }
    if !dated && OPINION.find(body).is_some_and(|m| told.governs(&m)) {
        return Some("an opinion, not a report");
    }
    if !dated
        && NEGATION
            .find(told.before_cue())
            .is_some_and(|m| told.governs(&m) && !NOT_NEGATION.is_match(m.as_str()))
        && !NEGATION_EXEMPT.is_match(cue_words(told))
    {
        return Some(NEGATED);
    }
    if !dated && (DENIAL.find(body).is_some_and(|m| told.governs(&m)) || DISMISSED.is_match(body)) {
        return Some("denied, not an event");
    }
    if !dated && first_person(body) {
        return Some("a statement in the first person, not a report");
    }
    if is_aggregate(body) && !has_day {
        return Some("aggregate or historical total, not an event");
    }
    // A named day ("a wave of attacks on Monday") makes a report of that day's acts,
    // even when the report's own date is unknown.
    if !dated && (ANALYSIS.is_match(body) || HABITUAL.is_match(body)) {
        return Some("analysis of a trend, not an event");
    }
    if !dated && HABITUAL_BEFORE.find(told.before_cue()).is_some_and(|m| told.governs(&m)) {
        return Some("analysis of a trend, not an event");
    }
    if !has_day && GENERIC_PRESENT.is_match(body) && !body.chars().any(|c| c.is_ascii_digit()) {
        return Some("a general statement in the present tense, not an event");
    }
    if let Some(reference) = reference {
        let in_sentence: Vec<_> = dates
            .mentions
            .iter()
            .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end && !m.bound)
            .collect();
        // Against a dateline two months is old; against the latest date a report states,
        // a year (the report may tell of that date some months on).
        let horizon = if published.is_some() { 60 } else { 365 };
        let old = |day: NaiveDate| (reference - day).num_days() > horizon;
        if !in_sentence.is_empty() && in_sentence.iter().all(|m| old(m.date.date)) {
            return Some("recollection of an earlier event");
        }
        if in_sentence.is_empty() {
            if let Some(year) = bare_year(told).and_then(|y| y.as_str().parse::<i32>().ok()) {
                if NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(old) {
                    return Some("recollection of an earlier event");
                }
            }
        }
    }
    // A sentence set in a bare year ("in 1976, ...") recalls the past.
    if !dated && reference.is_none() && bare_year(told).is_some() {
        let any_date = dates
            .mentions
            .iter()
            .any(|m| m.span.start >= sentence.start && m.span.end <= sentence.end && !m.bound);
        if !any_date {
            return Some("recollection of an earlier event");
        }
    }
    if matches!(sub, SubEventType::ChangeToGroupActivity | SubEventType::Other)
        && POLICY.is_match(body)
    {
        return Some("policy announcement, not an event");
    }
    if !dated && only_refers(told) {
        return Some(REFERS);
    }
    None
}

/// The first bare year of the sentence ("in 2019") that dates its event: one before the
/// cue, or one after it that no other act or grievance comes between ("marched to mark
/// the assassination of a journalist in 1998", "an accord signed in 2016" date the cause).
fn bare_year<'t>(told: &Told<'t>) -> Option<regex::Match<'t>> {
    let cue_end = told.cue.end.saturating_sub(told.span.start);
    YEAR_ONLY.captures_iter(told.body).filter_map(|c| c.get(1)).find(|year| {
        let between = told.body.get(cue_end.min(year.start())..year.start()).unwrap_or("");
        !OTHER_PAST.is_match(between)
    })
}

/// The cue's own words.
fn cue_words<'t>(told: &Told<'t>) -> &'t str {
    let start = told.cue.start.saturating_sub(told.span.start);
    let end = told.cue.end.saturating_sub(told.span.start);
    told.body.get(start..end).unwrap_or("")
}

/// Whether the whole sentence stands in brackets: a transcript's stage direction
/// ("(crowd shouts: ...)") or an editor's note.
fn is_aside(body: &str) -> bool {
    let body = body.trim().trim_end_matches(['.', ' ']);
    (body.starts_with('(')
        && body.ends_with(')')
        && !body.get(1..body.len() - 1).unwrap_or("").contains(')'))
        || (body.starts_with('[')
            && body.ends_with(']')
            && !body.get(1..body.len() - 1).unwrap_or("").contains(']'))
}

/// Whether the sentence asks rather than tells.
fn is_question(body: &str) -> bool {
    body.trim_end_matches(|c: char| c.is_whitespace() || "\"')]»”’".contains(c)).ends_with('?')
}

/// Whether the speaker speaks in the first person outside a quotation and without
/// attribution: an address, a communiqué or an interview answer rather than a report.
fn first_person(body: &str) -> bool {
    if ATTRIBUTION.is_match(body) || REPORTING.is_match(body) {
        return false;
    }
    if OUR_FORCES.is_match(body) {
        // "our forces killed ...": a party's claim of its own act.
        return false;
    }
    let quoted = quoted_spans(body);
    FIRST_PERSON
        .find_iter(body)
        .chain(FIRST_PERSON_I.find_iter(body))
        .any(|m| !quoted.iter().any(|(a, b)| *a <= m.start() && m.end() <= *b))
}

/// Byte ranges inside quotation marks (straight, doubled, typographic or French) or
/// brackets; a
/// closing mark with no opening one quotes from the start, an opening one with no
/// closing one to the end.
fn quoted_spans(body: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let doubled = matches!(c, '\'' | '`') && chars.peek().is_some_and(|(_, next)| *next == c);
        if doubled {
            chars.next();
        }
        let toggle = c == '"' || (doubled && c == '\'');
        let opening = matches!(c, '“' | '«' | '(') || (doubled && c == '`');
        let closing = matches!(c, '”' | '»' | ')');
        if toggle {
            match open.take() {
                Some(start) => spans.push((start, i)),
                None => open = Some(i),
            }
        } else if opening {
            open = Some(i);
        } else if closing {
            spans.push((open.take().unwrap_or(0), i));
        }
    }
    if let Some(start) = open {
        spans.push((start, body.len()));
    }
    spans
}

/// Whether the sentence's cue only names an act told elsewhere: masking the phrases that
/// refer to acts ("accused of the murder of", "sentenced for kidnapping", "the massacre",
/// "Romero's assassination") leaves no cue of an event.
fn only_refers(told: &Told) -> bool {
    let body = told.body;
    let mut masked: Option<String> = None;
    let phrases = REFERENCE.find_iter(body).chain(TOPIC.find_iter(body));
    for found in phrases.chain(AGENT_NOUN.find_iter(body)) {
        let text = masked.get_or_insert_with(|| body.to_string());
        // Same length, so every other offset stays valid.
        if text.get(found.range()).is_some() {
            text.replace_range(found.range(), &" ".repeat(found.len()));
        }
    }
    // A recent time outside the phrases dates a report: "killed today by the men accused of..."
    masked.is_some_and(|masked| {
        !RECENT.is_match(&masked) && classify(&masked, told.span.start).is_none()
    })
}

/// Words that end a negation governing the cue: "did not attack", "was never
/// kidnapped", "no one was killed", "n'ont pas attaqué".
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:not|never|no|nor|neither|cannot|pas|jamais|aucun|aucune|ni)\s+(?:[\w'’-]+\s+){0,2}$|n['’]t\s+(?:[\w'’-]+\s+){0,2}$")
        .expect("valid")
});

/// A speaker's judgement governing what follows: "it is clear that", "evidently".
static OPINION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:it\s+is\s+(?:\w+\s+)?(?:clear|obvious|evident|true|known|well\s+known|unfair|regrettable|necessary|wise|important|essential|urgent)|evidently|obviously|(?:is|are|was|were)\s+of\s+the\s+opinion|observers\s+agree|il\s+est\s+(?:clair|évident)|évidemment)\b")
        .expect("valid")
});

/// "Not long after", "not only": no negation of what follows.
static NOT_NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\w+\s+(?:long|only|just|far|least|until|since)\b").expect("valid")
});

/// Cues that a negation does not undo: a bomb that did not explode was still planted.
static NEGATION_EXEMPT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)explo|deton|went\s+off|go\s+off|without|sans").expect("valid")
});

/// A denial of the act: "denied that guerrillas attacked", "the report ... is unfounded".
static DENIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:den(?:y|ies|ied|ying)|refut\w*|dément\w*|démenti|nié)\s+(?:\w+\s+){0,2}?(?:that|reports?|claims?|charges|allegations|rumou?rs|que|les\s+informations)\b")
        .expect("valid")
});

/// A report dismissed as untrue after it is told: "the report that ... is unfounded".
static DISMISSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:is|are|was|were)\s+(?:\w+\s+)?(?:unfounded|false|baseless|untrue|sans\s+fondement|faux|fausse)\b")
        .expect("valid")
});

/// The first person naming the speaker's own forces: a claim of an act, reported as such.
static OUR_FORCES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:our|nos)\s+(?:\w+\s+)?(?:forces|troops|units|soldiers|fighters|combatants|pilots|snipers|army|men|militants|commandos|columns|guerrillas|militia|combattants|soldats|troupes|éléments)\b")
        .expect("valid")
});

/// Intentions, wishes, obligations and possibilities governing the cue that follows.
static INTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(willing(?:ness)?\s+to|ready\s+to|about\s+to|possibility\s+that|possible\s+to|(?:capacity|ability)\s+to|prepared\s+to|seek(?:s|ing)?\s+to|sought\s+to|(?:a|the|their|its|his)\s+plan\s+to|plot(?:s|ted)?\s+to|tomorrow|next\s+(?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|can|cannot|can't|should|must(?:\s+have)?|ought\s+to|suggest(?:s|ed)?\s+that|propos(?:al|als|e|es|ed|ing)|intend(?:s|ing)?|intention|going\s+to\s+(?:be|have|attack|kill|demand|take|make|launch|continue|carry|hold|stage|fight|strike|bomb|destroy|use|achieve|impose|do|get|give|keep|seek|start|resume|step)|wants?\s+to|wanted\s+to|wish(?:es)?\s+to|hopes?\s+to|(?:demand|request|ask)(?:s|ed)?\s+that|(?:ask|urge|invite)(?:s|d|ed)?\s+(?:\w+\s+){0,3}?to|call(?:s|ed)?\s+on\s+(?:\w+\s+){0,3}?to|in\s+order\s+to|so\s+that|to\s+prevent|to\s+avoid|aim(?:s|ed)?\s+to|vow(?:s|ed)?\s+to|promis(?:e|es|ed)\s+to|pledg(?:e|es|ed)\s+to|demain|la\s+semaine\s+prochaine|veu(?:t|lent)|voulai(?:t|ent)|souhait\w*|prêts?\s+à|prévoi\w*\s+de|projett?\w*\s+de|envisag\w*\s+de|doi(?:t|vent)|peu(?:t|vent)|afin\s+de|pour\s+empêcher)\b|\bMAY\s+(?:BE|HAVE|NOT|ALSO|WELL|STILL|EVEN|SOON|NEVER|ALREADY)\b")
        .expect("valid")
});

/// An appeal in the imperative opening the sentence: "Stop the bombings", "Let us
/// save...", "A. Cease the repression".
static IMPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:[a-z0-9]{1,2}[.)]\s+)?(?:stop|cease|halt|let\s+us|let's|punish|put\s+an\s+end\s+to|do\s+not|don't|arrêtez|cessez|libérez)\s+(?:the|all|using|its|their|his|her|our|your|immediately|any|[a-z]+ing)\b")
        .expect("valid")
});

/// A habit or a constant state told just before the cue: "always end up killing", "the
/// constant raids", "systematically target".
static HABITUAL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(always|constant(?:ly)?|continuously|continually|incessantly|systematically|periodically|toujours|constamment|systématiquement)\s+(?:[\w'’-]+\s+){0,2}$")
        .expect("valid")
});

/// First-person pronouns: a speaker's own words.
static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|our|ours|ourselves|my|me|myself|let\s+us)\b|\b(?-i:us|nous|notre|nos|je)\b|\b(?-i:Nous|Notre|Nos|Je)\s")
        .expect("valid")
});

/// "I" followed by a verb (a bare "I" may be a numeral: "World War I").
static FIRST_PERSON_I: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bI\s+(?i:am|have|had|was|will|would|must|want|wanted|think|believe|know|knew|learned|ordered|say|said|saw|can|cannot|could|do|did|don't|hope|wish|call|ask|asked|repeat|insist|stress|reiterate|told|feel|felt|went|heard|should|also|never|personally|myself|consider|urge|demand|regret|condemn)\b|\bI['’](?:m|ve|ll|d)\b")
        .expect("valid")
});

/// Words attributing the sentence to a speaker: the first person is then a quotation.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(said|says|told|tells|stated|states|added|adds|according\s+to|quoted|recalled|explained|declared|a\s+déclaré|a\s+affirmé|selon|a\s+dit|ont\s+dit)\b")
        .expect("valid")
});

/// A speaker passing on what others told: "we have learned that", "we have received
/// reports that".
static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:we|I)\s+(?:have\s+|had\s+)?(?:also\s+|just\s+)?(?:learned|learnt|received|been\s+informed|been\s+told|heard)\b")
        .expect("valid")
});

/// An act named as the topic of words: "regarding the fighting", "comments on the
/// attacks", "concerned about the killings".
static TOPIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])(?:regarding|concerning|with\s+regard\s+to|in\s+reference\s+to|comment(?:s|ed|ing)?\s+on|discuss(?:es|ed|ing)?|worried\s+(?:about|by)|concerned\s+(?:about|over|by)|à\s+propos\s+d[eu']|concernant)\s*(?:[\w'’-]+\s+){0,4}?(?:murder|assassinat|killing|massacre|kidnap|abduct|attack|bomb|crime|slaying|death|explosion|ambush|shooting|aggression|raid|fighting|clash|violence|terroris|attentat|meurtre|enlèvement|attaque|tuerie|combat|affrontement)\w*")
        .expect("valid")
});

/// Nouns naming the doers of acts, which tell no act themselves: "the presumed killers
/// of", "a band of kidnappers", "the kidnapping ring".
static AGENT_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:assassins?|killers?|murderers?|kidnappers?|kidnap(?:p)?ing\s+(?:ring|band|gang)s?|hit\s*-?men|tueurs?|assassins?|ravisseurs?)\b")
        .expect("valid")
});

/// A word placing the sentence in the last days: a report of something recent, not a
/// mention of something known.
static RECENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(today|tonight|yesterday|this\s+(?:morning|afternoon|evening|week)|last\s+(?:night|week|weekend|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:hours?|days?|minutes)\s+ago|at\s+dawn|overnight|recent(?:ly)?|just|aujourd'hui|hier|ce\s+matin|cette\s+nuit|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b")
        .expect("valid")
});

/// A phrase naming an act as the object of an accusation, a charge, a sentence or an
/// inquiry: "accused of the murder", "sentenced for kidnapping", "suspects in the attack".
static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s(])(?:accus\w*|charg(?:ed|es|ing)|convict\w*|sentenc\w*|trials?|tried|indict\w*|suspect(?:s|ed)?|implicat\w*|prosecut\w*|investigat\w*|inquiry|probe|blam\w*|responsible|guilty|involvement|involved|participat\w*|link(?:s|ed)?|connection|culprits?|perpetrators?|authors?|masterminds?|instigators?|killers|murderers|assassins|kidnappers|accusé\w*|condamn\w*|inculp\w*|soupçonn\w*|auteurs?|responsables?)\s+(?:[\w'’-]+\s+){0,4}?(?:of|for|with|in|to|de|du|des|pour|d['’])\s*(?:[\w'’-]+\s+){0,3}?(?:murder|assassinat|killing|massacre|kidnap|abduct|attack|bomb|crime|slaying|death|explosion|ambush|shooting|aggression|raid|execution|atrocit|attentat|meurtre|enlèvement|attaque|tuerie|mort)\w*")
        .expect("valid")
});

static FORECAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(will|would|could|might|shall|urges?|urged|appeal(?:s|ed)?\s+to|calls?\s+on|called\s+on|if|unless|in\s+case|exhort\w*|appelle\s+à|exhorte\w*|si|plans?\s+to|planning\s+to|planned|scheduled|intends?\s+to|prepar(?:ing|es)\s+to|threaten(?:s|ed)?\s+to|warn(?:s|ed|ing)?|expected\s+to|likely\s+to|at\s+risk|fears?\s+of|feared|pourrait|pourraient|devrait|devraient|risque|menace\s+de|menacent\s+de|craint|craignent|pourra)\b")
        .expect("valid")
});

/// The modal "may", lowercase only: "May" is a month.
/// A definite article or demonstrative just before an event cue: "after the fighting",
/// "this attack", "après l'attaque", "ces combats" (not the indefinite "des").
static BACK_REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:the|this|that|these|those|la|le|les|ce|cet|cette|ces|du)\s+|\bl['’])$")
        .expect("valid")
});

/// A byline: who wrote the report, from where, and when.
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:by|from|par|de notre|de nos|reporting by|with)\b").expect("valid")
});

static MAY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bmay\b").expect("valid"));

static ANALYSIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(analysts?|experts?|observers\s+say|researchers|(?:have|has)\s+(?:increased|risen|grown|surged|declined|doubled|tripled|intensified|escalated|spread|multiplied)|increasingly|on\s+the\s+rise|escalation\s+of|wave\s+of\s+(?:attacks|violence)|spiral|se\s+multiplient|recrudescence|de\s+plus\s+en\s+plus|ne\s+cessent?\s+de)")
        .expect("valid")
});

/// A sentence opening on a whole class of actors and a verb in the present tense ("Armed
/// groups recruit among herders", "Les groupes armés utilisent les forêts"): a pattern.
static GENERIC_PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:armed|jihadist|islamist|terrorist|criminal|extremist)\s+)?(?:groups|jihadists|militants|insurgents|gangs|bandits|terrorists|rebels|militias)\s+(?:(?:often|also|now|still|increasingly)\s+)?(?:use|recruit|attack|target|kill|operate|exploit|control|levy|tax|impose|rely|hide|launch|abduct|kidnap|loot|raid|ambush|threaten|extort)\b|^\s*les\s+(?:groupes\s+(?:armés|jihadistes|djihadistes|terroristes)|jihadistes|djihadistes|terroristes|bandits)\s+(?:(?:aussi|souvent|désormais)\s+)?(?:utilisent|recrutent|attaquent|ciblent|contrôlent|imposent|exploitent|enlèvent|pillent|menacent|rackettent)\b")
        .expect("valid")
});

static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(regularly|often|frequently|routinely|repeatedly|usually|typically|régulièrement|souvent|fréquemment|habituellement)\b")
        .expect("valid")
});

static POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(announced|announces|announcement|decree|law|bill|budget|adopted|policy|plans?\b|strategy|programme|program|annonc\w*|décret|loi|projet\s+de|stratégie|programme|budget)\b")
        .expect("valid")
});

static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|en|during|back\s+in|since|depuis|(?:end|beginning|start|middle)\s+of|(?:fin|début)\s+)\s*((?:19|20)\d\d)\b").expect("valid")
});

static WARNING_SHOTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:shots?|fire|gunfire|gunshots?)\b").expect("valid"));

static OTHER_PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(assassinat\w*|killed|murder\w*|died|death|signed|adopted|elected|anniversary|memory|remembrance|commemorat\w*|accords?|agreements?|who|which|that|meant|planned|scheduled|tu[ée]s?|mort|sign[ée]s?|anniversaire|mémoire|qui)\b")
        .expect("valid")
});

static SEPARATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(separately|elsewhere|in\s+(?:a|another)\s+(?:separate|different|similar)?\s*(?:incident|attack|development|event)|in\s+another\s+\w+|meanwhile|par\s+ailleurs|ailleurs|dans\s+une\s+autre\s+attaque|dans\s+un\s+autre\s+incident|de\s+m[êe]me|le\s+m[êe]me\s+jour,?\s+(?:à|dans))")
        .expect("valid")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_dates;

    fn ymd(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
    }

    /// The texts of the segments found in `text`.
    fn check(text: &str, published: Option<&str>, want: &[&str]) {
        let published = published.map(ymd);
        let dates = find_dates(text, published);
        let (found, _) = segments(text, &dates, published, 0);
        let got: Vec<&str> = found.iter().filter_map(|s| s.span.text(text)).collect();
        assert_eq!(got, want, "{text}");
    }

    #[test]
    fn a_headline_and_byline_open_no_event() {
        let text = "Togo: army post attacked in Kpendjal\n\nBy our correspondent in Lomé · 21 July 2024\n\nFighters attacked a military post near Mandouri on 20 July 2024.";
        let title = Some("Togo: army post attacked in Kpendjal");
        let start = body_start(text, title);
        assert_eq!(
            text.get(start..).map(str::trim_start),
            Some("Fighters attacked a military post near Mandouri on 20 July 2024.")
        );
        let dates = find_dates(text, Some(ymd("2024-07-21")));
        let (found, _) = segments(text, &dates, Some(ymd("2024-07-21")), start);
        let got: Vec<&str> = found.iter().filter_map(|s| s.span.text(text)).collect();
        assert_eq!(got, ["Fighters attacked a military post near Mandouri on 20 July 2024."]);
        // French byline; a first line that is not the title is body.
        let fr = "Attaque à Djibo\nPar notre envoyé spécial\nDes hommes armés ont attaqué Djibo.";
        assert_eq!(
            fr.get(body_start(fr, Some("Attaque à Djibo"))..),
            Some("Des hommes armés ont attaqué Djibo.")
        );
        assert_eq!(body_start(fr, Some("Another headline")), 0);
        assert_eq!(body_start(fr, None), 0);
    }

    #[test]
    fn a_back_reference_after_a_skipped_sentence_opens_no_event() {
        check(
            "Militants attacked an army post near Mandouri on Saturday, killing 12 soldiers. \
             Nearly 150 people have died since 2021 in attacks in the region. \
             Residents said many families had fled after the fighting.",
            Some("2024-07-21"),
            &["Militants attacked an army post near Mandouri on Saturday, killing 12 soldiers."],
        );
        check(
            "Des hommes armés ont attaqué Djibo samedi. Près de 150 personnes ont été tuées dans des attaques depuis 2021. \
             Des habitants ont fui après les combats.",
            Some("2024-07-21"),
            &["Des hommes armés ont attaqué Djibo samedi."],
        );
        // A new incident with its own day is still a new event.
        check(
            "Militants attacked Djibo on 3 May 2021. Nearly 150 people have died since 2019. \
             On 5 May 2021, the attack on Arbinda killed two soldiers.",
            None,
            &[
                "Militants attacked Djibo on 3 May 2021.",
                "On 5 May 2021, the attack on Arbinda killed two soldiers.",
            ],
        );
    }

    #[test]
    fn one_event_over_several_sentences() {
        check(
            "Gunmen attacked an army post in Kpendjal on Saturday. Three soldiers were killed. The army said it was searching the area.",
            Some("2024-07-21"),
            &["Gunmen attacked an army post in Kpendjal on Saturday. Three soldiers were killed. The army said it was searching the area."],
        );
    }

    #[test]
    fn two_events_on_different_days() {
        check(
            "On 3 May 2021, militants attacked a gendarmerie in Titao. On 5 May 2021, soldiers clashed with militants near Arbinda.",
            None,
            &["On 3 May 2021, militants attacked a gendarmerie in Titao.", "On 5 May 2021, soldiers clashed with militants near Arbinda."],
        );
        check(
            "Gunmen killed two herders near Gao on Monday. Separately, protesters marched in Bamako.",
            Some("2024-07-21"),
            &["Gunmen killed two herders near Gao on Monday.", "Separately, protesters marched in Bamako."],
        );
    }

    #[test]
    fn a_state_dated_by_since_or_a_month_this_year_is_no_total() {
        for text in [
            "Teachers marched for a colleague who has been detained since March 2023.",
            "Nurses, on strike since October, blocked the entrance of the regional hospital.",
            "Traders protested over the killing of a vendor in May this year.",
        ] {
            check(text, None, &[text]);
        }
        // Still totals: a count over a period.
        check("Protests have multiplied since January across the region.", None, &[]);
        check("Students have protested twice this year over unpaid grants.", None, &[]);
    }

    #[test]
    fn non_events_are_skipped() {
        check(
            "Nearly 150 people have died since 2021 in attacks in the north.",
            Some("2024-07-21"),
            &[],
        );
        check("Analysts say attacks have increased across the Sahel.", Some("2024-07-21"), &[]);
        check("Officials warned that militants could attack the capital.", Some("2024-07-21"), &[]);
        check("In 2019, jihadists killed 20 soldiers in the same area.", Some("2024-07-21"), &[]);
        check(
            "The government announced a new security strategy and a curfew plan.",
            Some("2024-07-21"),
            &[],
        );
        check("The economy grew by 3 percent.", Some("2024-07-21"), &[]);
        check(
            "Armed groups use the hills along the border as hideouts and recruit among traders.",
            Some("2024-07-21"),
            &[],
        );
        check(
            "Les groupes armés recrutent parmi les jeunes sans emploi de la région.",
            Some("2024-07-21"),
            &[],
        );
    }

    #[test]
    fn a_named_day_makes_a_wave_of_attacks_an_event() {
        // Whether or not the report's own date is known, the day is named.
        for published in [None, Some("2024-07-23")] {
            let text = "A wave of attacks across the north on Monday killed at least 12 people.";
            check(text, published, &[text]);
            let fr = "Une vague d'attaques a fait au moins 12 morts lundi dans le nord.";
            check(fr, published, &[fr]);
        }
        // Without a day the same words describe a trend, and a habit stays a habit.
        check("A wave of attacks has killed hundreds of people in the north.", None, &[]);
        check("Gunmen regularly attack convoys on the road to Djibo.", None, &[]);
    }

    /// The reasons the sentences of `text` were skipped for, in text order.
    fn reasons(text: &str, published: Option<&str>) -> Vec<&'static str> {
        let published = published.map(ymd);
        let dates = find_dates(text, published);
        segments(text, &dates, published, 0).1.into_iter().map(|s| s.reason).collect()
    }

    #[test]
    fn questions_asides_and_appeals_are_no_reports() {
        for text in [
            "Who attacked the convoy near Kidal?",
            "Why did the soldiers open fire on the crowd?\"",
            "(Crowd chants: \"Down with the killers!\")",
            "Stop the bombing of our villages.",
            "A. Cease the attacks on journalists and release the hostages.",
        ] {
            check(text, Some("2024-07-21"), &[]);
        }
    }

    #[test]
    fn intentions_wishes_and_possibilities_are_no_events() {
        for text in [
            "The rebels are willing to negotiate a ceasefire with the army.",
            "The minister asked the bishops to condemn the kidnappings.",
            "Officials said the gang may have kidnapped the engineer.",
            "OFFICIALS FEAR THAT THE GANG MAY HAVE KIDNAPPED THE ENGINEER.",
            "The police must arrest the killers of the journalist.",
            "The front is ready to attack the capital in the coming days.",
            "Residents said the unrest is about to turn into riots.",
        ] {
            check(text, Some("2024-07-21"), &[]);
        }
        // The act told before the purpose clause is the event.
        check(
            "Soldiers patrolled the market in Gao to prevent attacks.",
            Some("2024-07-21"),
            &["Soldiers patrolled the market in Gao to prevent attacks."],
        );
        // A stated day makes it a report.
        check(
            "On 3 July 2024, gunmen who wanted to kill the mayor attacked his house.",
            Some("2024-07-21"),
            &["On 3 July 2024, gunmen who wanted to kill the mayor attacked his house."],
        );
    }

    #[test]
    fn negated_and_denied_acts_are_no_events() {
        check("The army has never attacked the camp at Tessit.", Some("2024-07-21"), &[]);
        check("The rebels did not kidnap the two nurses, their spokesman said.", None, &[]);
        check(
            "The army denied reports that soldiers had looted shops in Ménaka.",
            Some("2024-07-21"),
            &[],
        );
        check(
            "The report that the mayor was wounded by gunfire is false.",
            Some("2024-07-21"),
            &[],
        );
        // A bomb that did not explode was still planted; "not only" negates nothing.
        check(
            "A bomb planted near the bridge at Niono did not explode.",
            Some("2024-07-21"),
            &["A bomb planted near the bridge at Niono did not explode."],
        );
        check(
            "Not only did gunmen attack the post, they also burned the school.",
            Some("2024-07-21"),
            &["Not only did gunmen attack the post, they also burned the school."],
        );
        // A negation later in the sentence leaves the act told before it.
        check(
            "Gunmen killed two traders near Ansongo, where there were no soldiers.",
            Some("2024-07-21"),
            &["Gunmen killed two traders near Ansongo, where there were no soldiers."],
        );
    }

    #[test]
    fn a_speaker_in_the_first_person_is_no_report() {
        for text in [
            "We condemn the terrorism that is killing our people.",
            "I ordered the army to fight the bandits wherever they are.",
            "OUR STRUGGLE AGAINST THE OPPRESSORS WILL BRING PEACE TO THE MASSACRED PEOPLE.",
        ] {
            check(text, Some("2024-07-21"), &[]);
        }
        // Quoted, attributed, passed on, or a party's claim of its own forces' act.
        for text in [
            "\"We were attacked at dawn,\" a villager in Boni said.",
            "We have learned that gunmen kidnapped a priest near Djibo.",
            "Our fighters ambushed an army convoy near Boulkessi.",
            "The rebels attacked the town (our correspondent counted six bodies).",
        ] {
            assert_eq!(reasons(text, Some("2024-07-21")), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn habits_opinions_and_references_are_no_events() {
        for text in [
            "The militias constantly raid the villages of the plateau.",
            "It is clear that the rebels attacked civilians in the north.",
            "The mayor was accused of the murder of a rival trader.",
            "The presumed killers of the judge were shown to reporters.",
            "Regarding the fighting near Léré, the governor gave no figures.",
            "It is also necessary to end the kidnappings in the south.",
            "The minister said there is a possibility that the rebels attack the dam.",
        ] {
            check(text, Some("2024-07-21"), &[]);
        }
        // A recent day marks a report: "killed today by men accused of ...".
        check(
            "A trader was shot dead today in Mopti by men accused of banditry.",
            Some("2024-07-21"),
            &["A trader was shot dead today in Mopti by men accused of banditry."],
        );
        // A reference inside an event's passage is a detail of it and stays with it.
        check(
            "Gunmen attacked a bus near Bandiagara on Sunday. Two men were arrested as suspects in the attack.",
            Some("2024-07-22"),
            &["Gunmen attacked a bus near Bandiagara on Sunday. Two men were arrested as suspects in the attack."],
        );
    }

    #[test]
    fn warning_shots_are_fired_not_a_warning() {
        let text =
            "On May 3, a driver who ignored warning shots was shot dead by gendarmes in Dori.";
        check(text, None, &[text]);
        check("On May 3, the militants warned that they would attack Dori.", None, &[]);
    }

    #[test]
    fn a_bare_year_dates_the_event_only_when_nothing_else_comes_between() {
        // The year of the act itself: a recollection.
        check("In 1998, soldiers attacked the market of Koudougou.", None, &[]);
        check("Soldiers attacked the market of Koudougou in 1998.", None, &[]);
        // The year of the grievance or of an earlier accord: the protest is today's.
        for text in [
            "Hundreds of students marched in Koudougou to mark the murder of a teacher in 1998.",
            "Nurses held a sit-in in Bobo-Dioulasso over an accord signed in 2016.",
            // A stated day, even one whose year is not resolved, is the event's own.
            "On June 3, nurses held a sit-in in Bobo-Dioulasso, as they did in 2016.",
            "Teachers marched in Gaoua to demand the pay rise that was promised in 2019.",
        ] {
            check(text, None, &[text]);
        }
    }

    #[test]
    fn without_a_dateline_the_latest_stated_day_dates_the_report() {
        // Years before the report's latest day: a recollection.
        check(
            "Rebels attacked Kidal on 2 May 2024. The town had been stormed by the army on 10 March 2019.",
            None,
            &["Rebels attacked Kidal on 2 May 2024."],
        );
        check(
            "On 2 May 2024, rebels attacked Kidal. At the end of 2019, the army had shelled the town.",
            None,
            &["On 2 May 2024, rebels attacked Kidal."],
        );
        // Months before it: still the same story.
        check(
            "Rebels attacked Kidal on 2 May 2024. The army had shelled the town on 10 March 2024.",
            None,
            &[
                "Rebels attacked Kidal on 2 May 2024.",
                "The army had shelled the town on 10 March 2024.",
            ],
        );
    }

    #[test]
    fn french_non_events_are_skipped_too() {
        for text in [
            "L'armée n'a jamais attaqué le camp de Tessit.",
            "Qui a attaqué le convoi près de Kidal ?",
            "Les rebelles veulent attaquer la ville de Gao.",
            "Le maire a été accusé du meurtre d'un commerçant.",
        ] {
            check(text, Some("2024-07-21"), &[]);
        }
        check(
            "Des hommes armés ont attaqué le village de Boni samedi.",
            Some("2024-07-21"),
            &["Des hommes armés ont attaqué le village de Boni samedi."],
        );
    }

    #[test]
    fn background_after_an_event_is_not_an_event() {
        check(
            "Gunmen attacked a village near Djibo on Sunday, killing 4. Nearly 150 people have died since 2021.",
            Some("2024-07-22"),
            &["Gunmen attacked a village near Djibo on Sunday, killing 4."],
        );
    }
}
