//! Codes the hand-written fixture reports end to end with the shipped gazetteer and actors.

use std::sync::LazyLock;

use tocsin_extract::Extractor;
use tocsin_model::Report;

static EXTRACTOR: LazyLock<Extractor> = LazyLock::new(|| {
    let gazetteer = tocsin_places::Gazetteer::load_default().expect("shipped gazetteer loads");
    let actors = tocsin_actors::ActorBook::load_default().expect("shipped actors load");
    Extractor::new(gazetteer, actors)
});

fn report(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let json = std::fs::read_to_string(&path).expect("fixture exists");
    serde_json::from_str(&json).expect("fixture is a report")
}

/// Each event as `date/precision sub-event-type fatalities`, in output order.
fn check(name: &str, want: &[&str]) {
    check_with(name, want, false);
}

/// As [`check`], ignoring the order of the events.
fn check_unordered(name: &str, want: &[&str]) {
    check_with(name, want, true);
}

fn check_with(name: &str, want: &[&str], unordered: bool) {
    let output = EXTRACTOR.extract(&report(name));
    let got: Vec<String> = output
        .events
        .iter()
        .map(|e| {
            let date = e
                .date
                .as_ref()
                .map(|d| format!("{}/{}", d.value.date, d.value.precision.code()))
                .unwrap_or_else(|| "-".to_string());
            format!("{date} {} {}", e.sub_event_type.value, e.fatalities.value)
        })
        .collect();
    let mut got = got;
    let mut want: Vec<String> = want.iter().map(|w| w.to_string()).collect();
    if unordered {
        got.sort();
        want.sort();
    }
    assert_eq!(got, want, "{name}: {:#?}", output.diagnostics);
}

#[test]
fn togo_army_post_on_saturday_against_a_sunday_dateline() {
    check("togo_army_post", &["2024-07-20/1 Armed clash 3"]);
}

#[test]
fn french_night_attack_on_a_village() {
    check("fr_nuit_attaque", &["2024-07-20/1 Attack 3"]);
}

#[test]
fn french_protest_dispersed_with_tear_gas() {
    check("fr_manifestation", &["2024-05-01/1 Protest with intervention 0"]);
}

#[test]
fn french_report_with_two_events_on_two_days() {
    check_unordered(
        "fr_deux_evenements",
        &["2023-03-03/1 Armed clash 10", "2023-03-05/1 Remote explosive/landmine/IED 2"],
    );
}

#[test]
fn dateline_dates_the_report_not_the_event() {
    check("en_dateline", &["2024-07-20/1 Armed clash 12"]);
}

#[test]
fn analysis_and_aggregates_give_no_event() {
    check("fr_analyse", &[]);
    check("en_aggregate", &[]);
}

#[test]
fn every_span_lies_in_the_text() {
    for name in ["togo_army_post", "fr_nuit_attaque", "fr_manifestation", "fr_deux_evenements"] {
        let report = report(name);
        for event in EXTRACTOR.extract(&report).events {
            let spans = [
                Some(event.trigger),
                event.sub_event_type.span,
                event.fatalities.span,
                event.date.as_ref().and_then(|d| d.span),
                event.actor1.span,
            ];
            for span in spans.into_iter().flatten() {
                assert!(span.text(&report.text).is_some(), "{name}: {span:?}");
            }
        }
    }
}

/// The first event as `date/precision sub-event-type fatalities | actor1 | actor2 |
/// admin1 / admin2 / location precision`.
fn check_coded(name: &str, want: &str) {
    let output = EXTRACTOR.extract(&report(name));
    let Some(e) = output.events.first() else {
        panic!("{name}: no event: {:#?}", output.diagnostics);
    };
    let date = e.date.as_ref().map(|d| format!("{}/{}", d.value.date, d.value.precision.code()));
    let place = e.place.as_ref().map(|p| {
        let p = &p.value;
        format!(
            "{} / {} / {} {}",
            p.admin1.as_deref().unwrap_or("-"),
            p.admin2.as_deref().unwrap_or("-"),
            p.location,
            p.geo_precision.code()
        )
    });
    let got = format!(
        "{} {} {} | {} | {} | {}",
        date.unwrap_or_else(|| "-".into()),
        e.sub_event_type.value,
        e.fatalities.value,
        e.actor1.value.name,
        e.actor2.as_ref().map_or("-", |a| a.value.name.as_str()),
        place.unwrap_or_else(|| "-".into()),
    );
    assert_eq!(got, want, "{name}");
}

#[test]
fn french_abduction_on_tuesday_evening() {
    check_coded(
        "fr_enlevement",
        "2025-03-11/1 Abduction/forced disappearance 0 | Unidentified Armed Group (Burkina Faso) \
         | Civilians (Burkina Faso) | Sahel / Oudalan / Gorom-Gorom 1",
    );
}

#[test]
fn french_drone_strike_on_a_gathering_of_fighters_is_no_protest() {
    check_coded(
        "fr_frappe_drone",
        "2025-06-08/1 Air/drone strike 10 | Military Forces of Mali (2021-) \
         | Unidentified Armed Group (Mali) | Tombouctou / Tombouctou / Tombouctou 3",
    );
}

#[test]
fn french_riot_is_placed_in_its_town_not_the_dateline_city() {
    check_coded(
        "fr_emeute",
        "2025-02-01/1 Violent demonstration 0 | Rioters (Togo) | Police Forces of Togo (2005-) \
         | Centrale / Tchaoudjo / Sokodé 1",
    );
}
