//! Event segmentation: which sentences tell of a specific event, and where one event ends.
//!
//! A sentence tells of an event when it carries an event cue (see [`crate::classify`])
//! and is none of: a forecast or threat ("could attack", "warned of"), an aggregate or
//! historical total ("nearly 150 people have died since 2021"), an analysis of trends
//! ("attacks have increased"), a habitual statement ("regularly attack"), a recollection
//! of an earlier year ("in 2019 ..." against a 2024 dateline) or a policy announcement.
//! Such a sentence is skipped unless it states a specific day.
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
            if let Some(reason) =
                non_event(body, sentence, cue, sub, day.is_some(), dates, published)
            {
                skipped.push(Skipped { span: sentence, reason });
                open = false;
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

/// Why a cue sentence does not report an event, or `None` when it does.
fn non_event(
    body: &str,
    sentence: Span,
    cue: Span,
    sub: SubEventType,
    has_day: bool,
    dates: &Dates,
    published: Option<NaiveDate>,
) -> Option<&'static str> {
    if let Some(modal) = FORECAST.find(body).or_else(|| MAY.find(body)) {
        // "militants could attack": the modal governs the cue that follows it.
        if sentence.start + modal.start() < cue.start && !has_day {
            return Some("forecast or threat, not an event");
        }
    }
    if is_aggregate(body) && !has_day {
        return Some("aggregate or historical total, not an event");
    }
    if !has_day && (ANALYSIS.is_match(body) || HABITUAL.is_match(body)) {
        return Some("analysis of a trend, not an event");
    }
    if let Some(published) = published {
        let in_sentence: Vec<_> = dates
            .mentions
            .iter()
            .filter(|m| m.span.start >= sentence.start && m.span.end <= sentence.end && !m.bound)
            .collect();
        let old = |day: NaiveDate| (published - day).num_days() > 60;
        if !in_sentence.is_empty() && in_sentence.iter().all(|m| old(m.date.date)) {
            return Some("recollection of an earlier event");
        }
        if in_sentence.is_empty() {
            if let Some(year) = YEAR_ONLY
                .captures(body)
                .and_then(|c| c.get(1))
                .and_then(|y| y.as_str().parse::<i32>().ok())
            {
                if NaiveDate::from_ymd_opt(year, 12, 31).is_some_and(old) {
                    return Some("recollection of an earlier event");
                }
            }
        }
    }
    // A sentence set in a bare year ("in 1976, ...") recalls the past.
    if !has_day && published.is_none() && YEAR_ONLY.is_match(body) {
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
    None
}

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

static HABITUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(regularly|often|frequently|routinely|repeatedly|usually|typically|régulièrement|souvent|fréquemment|habituellement)\b")
        .expect("valid")
});

static POLICY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(announced|announces|announcement|decree|law|bill|budget|adopted|policy|plans?\b|strategy|programme|program|annonc\w*|décret|loi|projet\s+de|stratégie|programme|budget)\b")
        .expect("valid")
});

static YEAR_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|en|during|back\s+in|since|depuis)\s+((?:19|20)\d\d)\b").expect("valid")
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
