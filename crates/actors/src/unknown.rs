//! Unknown names: words a report uses for an armed group or an organisation that the
//! knowledge base does not know, so they are listed for an analyst rather than dropped.
//!
//! Precision comes first. A name is a run of capitalised words (with the small words
//! names contain: `of`, `al-`, `de`, `du`...) in one of a few frames that only groups
//! fill: `the X group`, `the X armed group`, `militants of the X Front`, `Name With A
//! Group Word (ACRONYM)`, `le groupe X`, `la milice X`, `les combattants du ACRONYM`.
//! Known actors, country names and nationality words, generic words (`Islamist`,
//! `Government`), months and the places the caller recognises never come out.

use std::collections::HashSet;
use std::sync::LazyLock;

use tocsin_model::{Language, Span};

use crate::normalize::normalize;
use crate::ActorBook;

/// A name a report uses for a group the knowledge base does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    /// The name's words in the report.
    pub span: Span,
    /// The name as written, with its acronym in parentheses when the report gives one
    /// (`Kora Liberation Front (KLF)`).
    pub name: String,
}

/// Nouns after a name that make it a group's (`the X group`, `the X militia`).
const HEADS_AFTER: &[&str] = &[
    "group",
    "groups",
    "militia",
    "militias",
    "movement",
    "brigade",
    "brigades",
    "battalion",
    "faction",
    "rebels",
    "insurgents",
    "militants",
    "jihadists",
    "fighters",
    "gang",
    "outfit",
    "insurgency",
];

/// Adjectives allowed between a name and its head noun (`the X armed group`).
const ADJECTIVES: &[&str] = &[
    "armed",
    "rebel",
    "jihadist",
    "islamist",
    "militant",
    "terrorist",
    "insurgent",
    "separatist",
    "extremist",
    "criminal",
    "vigilante",
    "self-defence",
    "self-defense",
    "ethnic",
];

/// Fighters who belong to a group: `militants of the X Front`.
const MEMBERS: &[&str] = &[
    "militants",
    "fighters",
    "jihadists",
    "insurgents",
    "combatants",
    "rebels",
    "elements",
    "combattants",
    "éléments",
    "elements",
    "hommes",
    "militants",
    "jihadistes",
    "djihadistes",
    "terroristes",
    "assaillants",
];

/// French nouns before a name: `le groupe X`, `la milice X`, `le mouvement X`.
const HEADS_BEFORE_FR: &[&str] = &["groupe", "milice", "mouvement", "katiba", "brigade"];

/// French adjectives after `groupe` and before the name (`le groupe armé X`).
const ADJECTIVES_FR: &[&str] = &[
    "armé",
    "arme",
    "jihadiste",
    "djihadiste",
    "terroriste",
    "rebelle",
    "islamiste",
    "d'autodéfense",
    "d'autodefense",
    "extrémiste",
    "extremiste",
];

/// Words inside a name that make it an organisation's (`Movement`, `Front`, `Brigade`).
const ORG_WORDS: &[&str] = &[
    "movement",
    "mouvement",
    "front",
    "army",
    "armee",
    "brigade",
    "brigades",
    "battalion",
    "bataillon",
    "group",
    "groupe",
    "militia",
    "milice",
    "forces",
    "alliance",
    "coalition",
    "coordination",
    "liberation",
    "resistance",
    "katiba",
    "jama'at",
    "jamaat",
    "ansar",
    "party",
    "parti",
    "rally",
    "rassemblement",
];

/// Small words a name may hold between capitalised words.
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "in", "al", "el", "ul", "wa", "wal", "de", "du", "des", "la", "le",
    "l'", "d'", "pour", "et", "en", "au", "aux", "del", "los", "las",
];

/// Capitalised words that are not names of groups on their own.
const STOPWORDS: &[&str] = &[
    "islamist",
    "islamic",
    "jihadist",
    "jihadi",
    "salafist",
    "salafi",
    "shia",
    "shiite",
    "sunni",
    "muslim",
    "christian",
    "catholic",
    "ethnic",
    "armed",
    "terrorist",
    "rebel",
    "militant",
    "local",
    "national",
    "regional",
    "government",
    "federal",
    "state",
    "army",
    "police",
    "security",
    "opposition",
    "separatist",
    "secessionist",
    "tribal",
    "communal",
    "vigilante",
    "self",
    "defence",
    "defense",
    "the",
    "a",
    "an",
    "this",
    "that",
    "its",
    "their",
    "his",
    "her",
    "another",
    "same",
    "new",
    "former",
    "rival",
    "main",
    "largest",
    "le",
    "la",
    "les",
    "un",
    "une",
    "ce",
    "cette",
    "son",
    "sa",
    "leur",
    "meme",
    "islamiste",
    "jihadiste",
    "djihadiste",
    "terroriste",
    "rebelle",
    "arme",
    "groupe",
    "group",
    "militia",
    "movement",
    "front",
    "unknown",
    "unidentified",
    "suspected",
    "alleged",
    "so-called",
    "criminal",
    "bandit",
    "bandits",
    "hunters",
    "dozo",
    "traditional",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "west",
    "east",
    "north",
    "south",
    "african",
    "arab",
    "international",
    "foreign",
    "russian",
    "french",
    "american",
    "un",
    "ecowas",
    "au",
    "eu",
    "forces",
    "force",
    "guard",
    "joint",
    "task",
    "special",
    "operation",
    "operations",
    "presidential",
    "republican",
    "royal",
    "people's",
    "popular",
    "democratic",
    "united",
];

/// A word list ready for matching: each word as written and normalised, built once.
struct Words {
    /// The words as written (lowercase).
    written: HashSet<&'static str>,
    /// The words normalised.
    folded: HashSet<String>,
}

impl Words {
    fn new(words: &'static [&'static str]) -> Words {
        Words {
            written: words.iter().copied().collect(),
            folded: words.iter().map(|w| normalize(w)).collect(),
        }
    }
}

macro_rules! words {
    ($set:ident, $list:ident) => {
        static $set: LazyLock<Words> = LazyLock::new(|| Words::new($list));
    };
}

words!(HEADS_AFTER_WORDS, HEADS_AFTER);
words!(ADJECTIVE_WORDS, ADJECTIVES);
words!(MEMBER_WORDS, MEMBERS);
words!(HEADS_BEFORE_FR_WORDS, HEADS_BEFORE_FR);
words!(ADJECTIVE_FR_WORDS, ADJECTIVES_FR);
words!(ORG_WORD_WORDS, ORG_WORDS);
words!(CONNECTOR_WORDS, CONNECTORS);

/// The normalised stopwords.
static FOLDED_STOPWORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| STOPWORDS.iter().map(|w| normalize(w)).collect());

/// One word of the text, with its lowercase and normalised forms computed once.
#[derive(Debug, Clone)]
struct Token<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    /// `text` lowercased.
    lower: String,
    /// `text` normalised.
    folded: String,
}

impl<'a> Token<'a> {
    fn new(start: usize, end: usize, text: &'a str) -> Token<'a> {
        Token { start, end, text, lower: text.to_lowercase(), folded: normalize(text) }
    }

    fn is(&self, words: &Words) -> bool {
        words.written.contains(self.lower.as_str()) || words.folded.contains(&self.folded)
    }

    fn is_capitalised(&self) -> bool {
        let body = strip_article(self.text);
        body.chars().next().is_some_and(char::is_uppercase)
    }

    fn is_acronym(&self) -> bool {
        let letters = self.text.chars().filter(|c| c.is_alphabetic()).count();
        let upper = self.text.chars().filter(|c| c.is_uppercase()).count();
        (2..=8).contains(&self.text.chars().count())
            && upper >= 2
            && letters >= 2
            && self.text.chars().all(|c| c.is_alphanumeric() || c == '-')
            && upper * 3 >= letters * 2
    }
}

/// `al-Islam` and `l'Azawad` start with a lowercase article before a capitalised word.
fn strip_article(word: &str) -> &str {
    for article in ["al-", "el-", "ad-", "ash-", "as-", "ar-", "an-", "l'", "d'", "l’", "d’"] {
        if let Some(rest) = word.strip_prefix(article) {
            if rest.chars().next().is_some_and(char::is_uppercase) {
                return rest;
            }
        }
    }
    word
}

fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-';
    for (i, c) in text.char_indices() {
        if is_word(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else {
            if let Some(s) = start.take() {
                push_word(text, s, i, &mut out);
            }
            if !c.is_whitespace() {
                if let Some(piece) = text.get(i..i + c.len_utf8()) {
                    out.push(Token::new(i, i + c.len_utf8(), piece));
                }
            }
        }
    }
    if let Some(s) = start {
        push_word(text, s, text.len(), &mut out);
    }
    out
}

/// Pushes a word, trimming apostrophes and hyphens at its ends (`groups'`).
fn push_word<'a>(text: &'a str, start: usize, end: usize, out: &mut Vec<Token<'a>>) {
    let Some(word) = text.get(start..end) else { return };
    let trimmed_start = word.len() - word.trim_start_matches(['\'', '’', '-']).len();
    let body = word.trim_matches(['\'', '’', '-']);
    if body.is_empty() {
        return;
    }
    let s = start + trimmed_start;
    out.push(Token::new(s, s + body.len(), body));
}

/// The capitalised name starting at token `i`: its last token's index (inclusive).
fn name_at(tokens: &[Token<'_>], i: usize) -> Option<usize> {
    let first = tokens.get(i)?;
    if !(first.is_capitalised() || first.is_acronym()) || first.is(&CONNECTOR_WORDS) {
        return None;
    }
    let mut last = i;
    let mut j = i + 1;
    while j < tokens.len() && j < i + 10 {
        let Some(token) = tokens.get(j) else { break };
        if token.is(&CONNECTOR_WORDS) && !token.is_capitalised() {
            j += 1;
            continue;
        }
        if token.is_capitalised() || token.is_acronym() {
            // A name does not run across a sentence's end.
            let gap = text_between(tokens, last, j);
            if gap {
                break;
            }
            last = j;
            j += 1;
            continue;
        }
        break;
    }
    Some(last)
}

/// Whether a punctuation token lies between tokens `a` and `b`.
fn text_between(tokens: &[Token<'_>], a: usize, b: usize) -> bool {
    tokens
        .get(a + 1..b)
        .is_some_and(|between| between.iter().any(|t| !t.text.chars().any(char::is_alphanumeric)))
}

impl ActorBook {
    /// Names in `text` that look like armed groups or organisations the book does not
    /// know, in text order, each once. See [`ActorBook::unknown_names_with`].
    pub fn unknown_names(&self, text: &str, language: Language) -> Vec<UnknownName> {
        self.unknown_names_with(text, language, &|_| false)
    }

    /// Names in `text` that look like armed groups or organisations the book does not
    /// know; `is_place` drops names the caller knows as places.
    pub fn unknown_names_with(
        &self,
        text: &str,
        language: Language,
        is_place: &dyn Fn(&str) -> bool,
    ) -> Vec<UnknownName> {
        let _ = language;
        let tokens = tokens(text);
        let mut candidates: Vec<(usize, usize)> = Vec::new();
        for (i, token) in tokens.iter().enumerate() {
            // English: the X [adjective] group.
            if token.text.eq_ignore_ascii_case("the") {
                if let Some(last) = name_at(&tokens, i + 1) {
                    let mut k = last + 1;
                    if tokens.get(k).is_some_and(|t| t.is(&ADJECTIVE_WORDS)) {
                        k += 1;
                    }
                    if tokens
                        .get(k)
                        .is_some_and(|t| t.is(&HEADS_AFTER_WORDS) && !t.is_capitalised())
                    {
                        candidates.push((i + 1, last));
                    } else if last > i + 1
                        && tokens.get(last).is_some_and(|t| t.is(&ORG_WORD_WORDS))
                    {
                        // The X Brigade: the head noun is part of the name.
                        candidates.push((i + 1, last));
                    }
                }
            }
            // Members of a group: militants of the X Front, les combattants du MNLA.
            if token.is(&MEMBER_WORDS) {
                let mut k = i + 1;
                let Some(prep) = tokens.get(k) else { continue };
                let prep_lower = prep.text.to_lowercase();
                let next = tokens.get(k + 1).map(|t| t.text.to_lowercase()).unwrap_or_default();
                if prep_lower == "of" || prep_lower == "from" {
                    k += 1;
                    if next == "the" {
                        k += 1;
                    }
                } else if prep_lower == "du" || prep_lower == "des" {
                    k += 1;
                } else if prep_lower == "de" && next == "la" {
                    k += 2;
                } else if prep_lower == "de" && (next.starts_with("l'") || next.starts_with("l’"))
                {
                    k += 1;
                } else {
                    continue;
                }
                if let Some(last) = name_at(&tokens, k) {
                    let name_tokens = tokens.get(k..=last).unwrap_or(&[]);
                    let single_acronym =
                        name_tokens.len() == 1 && name_tokens.iter().all(Token::is_acronym);
                    if single_acronym || name_tokens.iter().any(|t| t.is(&ORG_WORD_WORDS)) {
                        candidates.push((k, last));
                    }
                }
            }
            // French: le groupe (armé) X, la milice X.
            if token.is(&HEADS_BEFORE_FR_WORDS) && !token.is_capitalised() {
                let mut k = i + 1;
                if tokens.get(k).is_some_and(|t| t.is(&ADJECTIVE_FR_WORDS)) {
                    k += 1;
                }
                let before = i.checked_sub(1).and_then(|p| tokens.get(p));
                let french = before.is_some_and(|t| {
                    ["le", "la", "du", "au", "un", "une", "ce", "cette", "l'"]
                        .contains(&t.text.to_lowercase().as_str())
                });
                if french {
                    if let Some(last) = name_at(&tokens, k) {
                        candidates.push((k, last));
                    }
                }
            }
            // Name With An Organisation Word (ACRONYM).
            if token.text == "(" {
                let acronym = tokens.get(i + 1);
                let close = tokens.get(i + 2);
                if acronym.is_some_and(Token::is_acronym) && close.is_some_and(|t| t.text == ")") {
                    if let Some(first) = name_start_before(&tokens, i) {
                        let name_tokens = tokens.get(first..i).unwrap_or(&[]);
                        if name_tokens.len() >= 2
                            && name_tokens.iter().any(|t| t.is(&ORG_WORD_WORDS))
                        {
                            candidates.push((first, i + 2));
                        }
                    }
                }
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        let known = self.mentions(text, language);
        let mut out: Vec<UnknownName> = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        candidates.sort_unstable();
        candidates.dedup();
        for (first, last) in candidates {
            let (Some(a), Some(b)) = (tokens.get(first), tokens.get(last)) else { continue };
            let span = Span::new(a.start, b.end);
            let Some(name) = text.get(span.start..span.end) else { continue };
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            // Only accepted names enter `seen` and `out`, so checking them first gives
            // the same names while sparing `is_unknown` (and the caller's place search).
            let key = normalize(&name);
            if seen.contains(&key) || out.iter().any(|u| u.span.overlaps(span)) {
                continue;
            }
            if !self.is_unknown(&name, span, &known, is_place) {
                continue;
            }
            seen.push(key);
            out.push(UnknownName { span, name });
        }
        out.sort_by_key(|u| u.span.start);
        out
    }

    fn is_unknown(
        &self,
        name: &str,
        span: Span,
        known: &[crate::ActorMention],
        is_place: &dyn Fn(&str) -> bool,
    ) -> bool {
        // A named actor inside the words, or generic words that are the whole name.
        let covers = |m: &crate::ActorMention| m.span.start <= span.start && span.end <= m.span.end;
        if known.iter().any(|m| m.span.overlaps(span) && (m.entry.is_some() || covers(m))) {
            return false;
        }
        let bare = name.split(" (").next().unwrap_or(name);
        let acronym =
            name.rsplit_once(" (").and_then(|(_, a)| a.strip_suffix(')')).filter(|a| !a.is_empty());
        if self.lookup(bare).is_some() || acronym.is_some_and(|a| self.lookup(a).is_some()) {
            return false;
        }
        let words: Vec<String> = tokens(bare)
            .iter()
            .filter(|t| t.text.chars().any(char::is_alphanumeric))
            .map(|t| normalize(strip_article(t.text)))
            .collect();
        let stop = |w: &String| {
            FOLDED_STOPWORDS.contains(w)
                || tocsin_model::is_calendar_name(w)
                || CONNECTORS.contains(&w.as_str())
                || w.chars().count() < 2
        };
        if words.is_empty() || words.iter().all(stop) {
            return false;
        }
        let nationality = |w: &String| self.nationality_words.contains(w);
        if self.country_code(bare).is_some() || words.iter().any(nationality) {
            return false;
        }
        // A country's own forces: `Central African Republic Army`, `Mali Police`.
        let state_words = ["army", "police", "military", "navy", "gendarmerie", "government"];
        let country_forces = (1..words.len()).any(|k| {
            let (country, rest) = words.split_at(k);
            self.country_code(&country.join(" ")).is_some()
                && rest.iter().all(|w| state_words.contains(&w.as_str()) || stop(w))
        });
        if country_forces {
            return false;
        }
        if words.len() == 1 && bare.chars().count() < 3 {
            return false;
        }
        !is_place(bare)
    }
}

/// The first token of the capitalised name that ends just before token `end`.
fn name_start_before(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let mut first: Option<usize> = None;
    let mut j = end;
    while j > 0 && end - j < 12 {
        j -= 1;
        let token = tokens.get(j)?;
        if token.is_capitalised() || token.is_acronym() {
            if token.text.eq_ignore_ascii_case("the") {
                break;
            }
            first = Some(j);
        } else if token.is(&CONNECTOR_WORDS) && first.is_some() {
            continue;
        } else {
            break;
        }
    }
    // A name does not start with a connector.
    let mut first = first?;
    while tokens.get(first).is_some_and(|t| t.is(&CONNECTOR_WORDS) && !t.is_capitalised()) {
        first += 1;
    }
    (first < end).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expected: &[&str]) {
        let book = ActorBook::load_default().unwrap_or_else(|e| panic!("{e}"));
        let found: Vec<String> =
            book.unknown_names(text, Language::En).into_iter().map(|u| u.name).collect();
        assert_eq!(found, expected, "text {text:?}");
    }

    #[test]
    fn finds_unknown_groups_in_their_frames() {
        check(
            "Militants of the Kora Liberation Front attacked a post.",
            &["Kora Liberation Front"],
        );
        check("Fighters from the Black Heron Brigade took the market.", &["Black Heron Brigade"]);
        check("The attack was claimed by the Zanfara Sons armed group.", &["Zanfara Sons"]);
        check("the Red Dune militia burned houses", &["Red Dune"]);
        check(
            "The Movement for the Defence of the Plateau (MDP) attacked a patrol.",
            &["Movement for the Defence of the Plateau (MDP)"],
        );
        check("Le groupe armé Katanga Nord a attaqué le village.", &["Katanga Nord"]);
        check("la milice Bana Sorko a tué deux civils", &["Bana Sorko"]);
        check("les combattants du FLKN ont pris la ville", &["FLKN"]);
        check(
            "Elements of the Union of Free Hunters Movement stole cattle.",
            &["Union of Free Hunters Movement"],
        );
        check("Later the Black Heron Brigade raided a village.", &["Black Heron Brigade"]);
    }

    #[test]
    fn keeps_known_actors_places_and_words_out() {
        // Known actors, in any of their names.
        check("Militants of the JNIM group attacked a post.", &[]);
        check("the Wagner group", &[]);
        check("the Islamic State group claimed it", &[]);
        check("les combattants du JNIM ont attaqué", &[]);
        // Adjectives, nationalities, countries, months.
        check("the Islamist group attacked", &[]);
        check("the Malian army and the Burkinabe militia", &[]);
        check("fighters from the Mali group", &[]);
        check("In the May group meeting", &[]);
        // No frame, no name: a person, a place, a plain capitalised word.
        check("Amadou Diallo said fighters from Gao attacked.", &[]);
        check("The governor of Mopti met the press.", &[]);
        check("The Red Cross said the group attacked.", &[]);
        check("the Armed Forces and the Joint Task Force deployed", &[]);
        check("the Presidential Guard and the Republican Guard", &[]);
        check("the Brigade arrived", &[]);
        check("the Central African Republic Army said", &[]);
    }

    #[test]
    fn the_caller_knows_places() {
        let book = ActorBook::load_default().unwrap_or_else(|e| panic!("{e}"));
        let text = "the Kadiolo militia attacked";
        let all = book.unknown_names(text, Language::En);
        assert_eq!(all.len(), 1);
        let none = book.unknown_names_with(text, Language::En, &|n| n == "Kadiolo");
        assert!(none.is_empty());
    }
}
