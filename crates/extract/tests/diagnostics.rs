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

#[test]
fn a_desks_country_places_what_the_report_does_not_and_says_so() {
    let extractor = extractor();
    let report = Report::new("r", "On 4 May 2021, nurses marched to demand unpaid bonuses.");
    let unplaced = extractor.extract(&report);
    assert_eq!(unplaced.events.len(), 1);
    assert!(unplaced.events[0].place.is_none());
    assert!(unplaced.diagnostics.iter().any(|d| d.message == "no place found for the event"));

    let output = extractor.extract_in(&report, Some("BF"));
    let event = &output.events[0];
    let place = event.place.as_ref().map(|p| (p.value.location.as_str(), p.value.geo_precision));
    assert_eq!(place, Some(("Ouagadougou", tocsin_model::GeoPrecision::Region)));
    assert_eq!(event.actor1.value.name, "Protesters (Burkina Faso)");
    let said = output.diagnostics.iter().map(|d| d.message.as_str()).collect::<Vec<_>>();
    assert!(
        said.iter().any(|m| m.starts_with("no place named: coded to Burkina Faso")),
        "{said:?}"
    );
}
