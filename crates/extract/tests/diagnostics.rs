//! Diagnostics say why a report gave no event, or what an event lacks.

use tocsin_extract::{Extractor, NOTHING_TOLD};
use tocsin_model::Report;

fn extractor() -> Extractor {
    let gazetteer = tocsin_places::Gazetteer::load_default().expect("shipped gazetteer loads");
    let actors = tocsin_actors::ActorBook::load_default().expect("shipped actors load");
    Extractor::new(gazetteer, actors)
}

/// The diagnostics' messages for `text`, and how many events it gave.
fn messages(extractor: &Extractor, text: &str) -> (Vec<String>, usize) {
    let output = extractor.extract(&Report::new("r", text));
    (output.diagnostics.into_iter().map(|d| d.message).collect(), output.events.len())
}

#[test]
fn a_report_without_event_words_says_so() {
    let extractor = extractor();
    for text in [
        "Analysts expect inflation to slow next year.",
        "Le gouvernement a présenté son budget aux députés.",
        "",
    ] {
        let (messages, events) = messages(&extractor, text);
        assert_eq!(events, 0, "{text:?}");
        assert_eq!(messages, vec![NOTHING_TOLD.to_string()], "{text:?}");
    }
}

#[test]
fn skipped_sentences_give_their_reason_instead() {
    let extractor = extractor();
    let (messages, events) =
        messages(&extractor, "Will the rebels attack the town of Dori before the rains?");
    assert_eq!(events, 0);
    assert!(!messages.is_empty());
    assert!(!messages.iter().any(|m| m == NOTHING_TOLD), "{messages:?}");
}

#[test]
fn an_event_does_not_claim_that_nothing_was_told() {
    let extractor = extractor();
    let (messages, events) = messages(
        &extractor,
        "On 3 March 2024, gunmen attacked a police post in Dori, killing two officers.",
    );
    assert_eq!(events, 1);
    assert!(!messages.iter().any(|m| m == NOTHING_TOLD), "{messages:?}");
}
