//! Turning a user's text query into a safe FTS5 query.
//!
//! Users type words, not FTS5 syntax. The query language accepted here is small:
//! words (all must occur), `"quoted phrases"`, a trailing `*` for a prefix
//! (`attaq*`), and `OR` in capitals between two terms. Everything else that FTS5
//! would read as syntax (`AND`, `NOT`, `-`, `:`, `^`, parentheses, stray quotes) is
//! treated as a separator, so no input can make FTS5 fail: every term is emitted as
//! a double-quoted string of letters and digits.

use crate::{Error, Result};

/// One searchable unit: a phrase of one or more words, maybe a prefix.
#[derive(Debug, PartialEq)]
enum Term {
    Phrase { words: Vec<String>, prefix: bool },
    Or,
}

/// The FTS5 query for `input`, or [`Error::InvalidQuery`] when it has no words.
pub(crate) fn fts_query(input: &str) -> Result<String> {
    let terms = parse(input);
    let mut out = String::new();
    let mut pending_or = false;
    for term in terms {
        match term {
            Term::Or => pending_or = !out.is_empty(),
            Term::Phrase { words, prefix } => {
                if !out.is_empty() {
                    out.push_str(if pending_or { " OR " } else { " " });
                }
                pending_or = false;
                out.push('"');
                out.push_str(&words.join(" "));
                out.push('"');
                if prefix {
                    out.push('*');
                }
            }
        }
    }
    if out.is_empty() {
        return Err(Error::InvalidQuery {
            query: input.to_owned(),
            message: "no words to search for: give one or more words, \"a phrase\" or a prefix*"
                .into(),
        });
    }
    Ok(out)
}

/// The terms of `input`, in order.
fn parse(input: &str) -> Vec<Term> {
    let mut terms = Vec::new();
    let mut rest = input;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = rest.get(start..).unwrap_or("");
        if let Some(after_quote) = rest.strip_prefix('"') {
            let (inside, after) = match after_quote.find('"') {
                Some(end) => (after_quote.get(..end).unwrap_or(""), after_quote.get(end + 1..)),
                None => (after_quote, None),
            };
            let mut after = after.unwrap_or("");
            let prefix = after.starts_with('*');
            if prefix {
                after = after.get(1..).unwrap_or("");
            }
            push_phrase(&mut terms, inside, prefix);
            rest = after;
        } else {
            let end = rest.find(|c: char| c.is_whitespace() || c == '"').unwrap_or(rest.len());
            let chunk = rest.get(..end).unwrap_or("");
            rest = rest.get(end..).unwrap_or("");
            match chunk {
                "OR" => terms.push(Term::Or),
                "AND" | "NOT" => {}
                _ => push_phrase(&mut terms, chunk, chunk.ends_with('*')),
            }
        }
    }
    terms
}

/// Pushes the words of `chunk` as one phrase, if it has any.
fn push_phrase(terms: &mut Vec<Term>, chunk: &str, prefix: bool) {
    let words: Vec<String> = chunk
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect();
    if !words.is_empty() {
        terms.push(Term::Phrase { words, prefix });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, expected: Option<&str>) {
        let actual = fts_query(input).ok();
        assert_eq!(actual.as_deref(), expected, "input {input:?}");
    }

    #[test]
    fn words_are_quoted_and_all_required() {
        check("securite", Some("\"securite\""));
        check("army  attack", Some("\"army\" \"attack\""));
        check("Sécurité", Some("\"Sécurité\""));
    }

    #[test]
    fn phrases_prefixes_and_or() {
        check("\"armed men\" village", Some("\"armed men\" \"village\""));
        check("attaq*", Some("\"attaq\"*"));
        check("\"armed m\"*", Some("\"armed m\"*"));
        check("Kaya OR Djibo", Some("\"Kaya\" OR \"Djibo\""));
        check("Kaya or Djibo", Some("\"Kaya\" \"or\" \"Djibo\""));
    }

    #[test]
    fn syntax_is_a_separator() {
        check("al-Shabaab", Some("\"al Shabaab\""));
        check("l'armée", Some("\"l armée\""));
        check("title:army", Some("\"title army\""));
        check("(a) AND NOT b", Some("\"a\" \"b\""));
        check("a OR OR b OR", Some("\"a\" OR \"b\""));
        check("\"unclosed phrase", Some("\"unclosed phrase\""));
    }

    #[test]
    fn hostile_input_without_words_is_an_error() {
        for input in ["", "   ", "\"", "\"\"", "AND OR", "*", "OR", "-", "^ : ( )", "\"*\"*"] {
            check(input, None);
        }
        let message = fts_query("*").map_err(|e| e.to_string()).err().unwrap_or_default();
        assert!(message.contains("no words"), "{message}");
    }
}
