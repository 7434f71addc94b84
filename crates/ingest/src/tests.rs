//! Tests of the wiring, with a stand-in extractor so they do not depend on extraction quality.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use tocsin_extract::Output;
use tocsin_model::{Actor, Diagnostic, Extraction, Field, Inter, Report, Span, SubEventType};
use tocsin_store::{EventFilter, Store, Totals};

use crate::{
    extract_paths, ingest_paths, ingest_reports, DeskCountry, Error, Extract, IngestConfig,
    Progress, ReadError,
};

/// One event per occurrence of "attack" in the text; one diagnostic per "unclear".
struct CountAttacks;

impl Extract for CountAttacks {
    fn extract(&self, report: &Report, _desk_country: Option<&str>) -> Output {
        let events = report
            .text
            .match_indices("attack")
            .map(|(start, word)| Extraction {
                report_id: report.id.clone(),
                date: None,
                sub_event_type: Field::inferred(SubEventType::Attack, 0.8),
                actor1: Field::inferred(
                    Actor::new("Unidentified Armed Group", Inter::PoliticalMilitia),
                    0.5,
                ),
                assoc_actor_1: vec![],
                actor2: None,
                assoc_actor_2: vec![],
                civilian_targeting: Field::inferred(true, 0.9),
                place: None,
                fatalities: Field::inferred(0, 0.5),
                trigger: Span::new(start, start + word.len()),
                confidence: 0.7,
            })
            .collect();
        let diagnostics = report
            .text
            .match_indices("unclear")
            .map(|(start, word)| Diagnostic {
                report_id: report.id.clone(),
                span: Some(Span::new(start, start + word.len())),
                message: "unclear words".into(),
            })
            .collect();
        // A name the actor book would not know, wherever the text names it.
        let unknown_actors = report
            .text
            .match_indices("Kora Front")
            .map(|(start, word)| tocsin_actors::UnknownName {
                span: Span::new(start, start + word.len()),
                name: word.to_string(),
            })
            .collect();
        Output { events, diagnostics, unknown_actors }
    }
}

fn fixed_clock() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z").map(|t| t.with_timezone(&Utc)).unwrap()
}

/// A run whose reports are stored in reading order: no report waits for a desk country.
fn config(batch_size: usize) -> IngestConfig {
    IngestConfig {
        batch_size,
        clock: fixed_clock,
        desk_country: DeskCountry::Off,
        ..IngestConfig::default()
    }
}

fn record_error(line: usize) -> ReadError {
    ReadError::Record { path: PathBuf::from("wire.jsonl"), line, message: "invalid JSON".into() }
}

fn reports(texts: &[&str]) -> Vec<Result<Report, ReadError>> {
    texts.iter().enumerate().map(|(i, text)| Ok(Report::new(format!("r{i}"), *text))).collect()
}

#[test]
fn unknown_actor_names_are_counted_once_per_report() {
    let mut store = Store::open_in_memory().unwrap();
    let texts = ["the Kora Front attack", "nothing", "Kora Front again, Kora Front", "attack"];
    let summary =
        ingest_reports(reports(&texts), &CountAttacks, &mut store, &config(2), &mut |_| {})
            .unwrap();
    assert_eq!(summary.unknown_actors_recorded, 2);
    let unknown = store.unknown_actors(None).unwrap();
    let listed: Vec<(&str, u64, &str, &str)> = unknown
        .iter()
        .map(|u| (u.name.as_str(), u.count, u.report_id.as_str(), u.first_seen.as_str()))
        .collect();
    assert_eq!(listed, [("Kora Front", 2, "r0", "2024-05-01")]);
    // The same reports again: stored already, counted already.
    let again = ingest_reports(reports(&texts), &CountAttacks, &mut store, &config(3), &mut |_| {})
        .unwrap();
    assert_eq!(again.unknown_actors_recorded, 0);
    assert_eq!(store.unknown_actors(None).unwrap()[0].count, 2);
}

#[test]
fn reports_are_extracted_and_stored_in_batches() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = reports(&[
        "an attack and another attack",
        "nothing here",
        "one attack, unclear",
        "analysis only",
        "attack",
    ]);
    input.insert(2, Err(record_error(3)));
    let mut seen: Vec<Progress> = Vec::new();
    let summary =
        ingest_reports(input, &CountAttacks, &mut store, &config(2), &mut |p| seen.push(*p))
            .unwrap();

    assert_eq!(summary.reports_read, 5);
    assert_eq!(summary.events_extracted, 4);
    assert_eq!(summary.stored.reports_new, 5);
    assert_eq!(summary.stored.events_created, 4);
    assert_eq!(summary.batches, 3, "2 + 2 + 1 reports");
    assert_eq!(summary.read_errors.len(), 1);
    assert!(summary.read_errors[0].to_string().contains(":3:"));
    assert_eq!(summary.diagnostics.len(), 1);
    assert_eq!(summary.bytes_read, [28, 12, 19, 13, 6].iter().sum::<u64>());
    assert_eq!(store.totals().unwrap(), Totals { reports: 5, events: 4 });

    let last = seen.last().copied().unwrap_or_default();
    assert_eq!((last.reports_read, last.read_errors, last.batches_committed), (5, 1, 3));
    assert_eq!((last.reports_committed, last.events_stored), (5, 4));
    assert!(seen.windows(2).all(|pair| pair[0].reports_read <= pair[1].reports_read));
    assert!(seen.len() >= 6 + 3, "after every item and every batch");
}

#[test]
fn a_second_run_over_the_same_reports_stores_nothing_new() {
    let mut store = Store::open_in_memory().unwrap();
    let texts = ["attack in the north", "attack in the south", "a quiet day"];
    ingest_reports(reports(&texts), &CountAttacks, &mut store, &config(500), &mut |_| {}).unwrap();
    let before = store.events(&EventFilter::default()).unwrap();
    let again = ingest_reports(reports(&texts), &CountAttacks, &mut store, &config(2), &mut |_| {})
        .unwrap();
    assert_eq!((again.stored.reports_new, again.stored.reports_duplicate), (0, 3));
    assert_eq!(again.stored.events_created, 0);
    assert_eq!(store.events(&EventFilter::default()).unwrap(), before);
}

/// [`CountAttacks`], counting the reports it is asked to read.
struct Counting(std::cell::Cell<u64>);

impl Extract for Counting {
    fn extract(&self, report: &Report, _desk_country: Option<&str>) -> Output {
        self.0.set(self.0.get() + 1);
        CountAttacks.extract(report, None)
    }
}

#[test]
fn reports_a_store_file_holds_are_not_read_again() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open(&folder.path().join("events.db")).unwrap();
    let texts = ["attack in the north", "attack in the south", "a quiet day"];
    ingest_reports(reports(&texts), &CountAttacks, &mut store, &config(2), &mut |_| {}).unwrap();
    let before = store.events(&EventFilter::default()).unwrap();

    let counting = Counting(std::cell::Cell::new(0));
    let more = ["attack in the north", "attack in the south", "a quiet day", "attack in the east"];
    let mut last = Progress::default();
    let again =
        ingest_reports(reports(&more), &counting, &mut store, &config(2), &mut |p| last = *p)
            .unwrap();
    assert_eq!(counting.0.get(), 1, "only the new report is extracted");
    assert_eq!((again.reports_read, again.events_extracted), (4, 1));
    assert_eq!((again.stored.reports_new, again.stored.reports_duplicate), (1, 3));
    assert_eq!((last.reports_read, last.reports_committed), (4, 4));
    let after = store.events(&EventFilter::default()).unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert!(before.iter().all(|event| after.contains(event)));
}

#[test]
fn a_failing_batch_keeps_the_batches_before_it() {
    let mut store = Store::open_in_memory().unwrap();
    // The store refuses the report "r3", in the second batch of two.
    store
        .connection()
        .execute_batch(
            "CREATE TEMP TRIGGER refuse_r3 BEFORE INSERT ON reports WHEN new.id = 'r3'
             BEGIN SELECT RAISE(ABORT, 'disk on fire'); END;",
        )
        .unwrap();
    let input = reports(&["attack one", "attack two", "attack three", "attack four", "five"]);
    let error =
        ingest_reports(input, &CountAttacks, &mut store, &config(2), &mut |_| {}).unwrap_err();
    let Error::Store { batch, reports_committed, .. } = &error;
    assert_eq!((*batch, *reports_committed), (2, 2));
    assert!(error.to_string().contains("disk on fire"), "{error}");
    assert_eq!(store.totals().unwrap(), Totals { reports: 2, events: 2 });
}

#[test]
fn a_batch_size_of_zero_means_one() {
    let mut store = Store::open_in_memory().unwrap();
    let summary =
        ingest_reports(reports(&["a", "b"]), &CountAttacks, &mut store, &config(0), &mut |_| {})
            .unwrap();
    assert_eq!(summary.batches, 2);
}

/// Writes `lines` as a JSON Lines file in `dir`.
fn write_jsonl(dir: &Path, name: &str, lines: &[String]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

/// Ten JSON Lines records, the third of which is broken.
fn ten_lines_one_broken() -> Vec<String> {
    (1..=10)
        .map(|line| {
            if line == 3 {
                "{\"id\": \"broken\", \"text\": ".to_owned()
            } else {
                format!("{{\"id\": \"n{line}\", \"text\": \"Report {line}: an attack.\"}}")
            }
        })
        .collect()
}

#[test]
fn a_bad_line_is_reported_and_the_others_are_ingested() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_jsonl(dir.path(), "wire.jsonl", &ten_lines_one_broken());
    let missing = dir.path().join("missing.jsonl");
    let mut store = Store::open(&dir.path().join("tocsin.db")).unwrap();
    let summary = ingest_paths(
        &[missing.clone(), path.clone()],
        &CountAttacks,
        &mut store,
        &config(4),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(summary.reports_read, 9);
    assert_eq!(summary.stored.reports_new, 9);
    assert_eq!(summary.stored.events_created, 9);
    let messages: Vec<String> = summary.read_errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(messages[0].contains("missing.jsonl"), "{messages:?}");
    assert!(messages[1].contains("wire.jsonl:3"), "{messages:?}");
    assert!(store.report("n10").unwrap().is_some());

    // Re-ingesting the same folder changes nothing.
    let again = ingest_paths(
        &[dir.path().join("wire.jsonl")],
        &CountAttacks,
        &mut store,
        &config(4),
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((again.stored.reports_new, again.stored.reports_duplicate), (0, 9));
    assert_eq!(store.totals().unwrap(), Totals { reports: 9, events: 9 });
}

#[test]
fn extract_paths_hands_over_every_report_and_error_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_jsonl(dir.path(), "wire.jsonl", &ten_lines_one_broken());
    let mut seen = Vec::new();
    let summary =
        extract_paths(&[path], &CountAttacks, &DeskCountry::Off, &mut |result| match result {
            Ok((report, output)) => seen.push(format!("{}:{}", report.id, output.events.len())),
            Err(error) => seen.push(format!("error {error}")),
        });
    assert_eq!(summary.reports_read, 9);
    assert_eq!(summary.events, 9);
    assert_eq!(summary.read_errors, 1);
    assert_eq!(seen.len(), 10);
    assert_eq!(seen[0], "n1:1");
    assert!(seen[2].starts_with("error ") && seen[2].contains(":3"), "{seen:?}");
    assert_eq!(seen[9], "n10:1");
}

#[test]
fn many_small_batches_all_land_once() {
    let mut store = Store::open_in_memory().unwrap();
    let texts: Vec<String> = (0..2000)
        .map(|i| if i % 3 == 0 { format!("report {i}: attack") } else { format!("report {i}") })
        .collect();
    let input: Vec<_> = texts.iter().map(String::as_str).collect();
    let mut last = Progress::default();
    let mut n_calls = 0;
    let summary =
        ingest_reports(reports(&input), &CountAttacks, &mut store, &config(7), &mut |p| {
            assert!(
                p.reports_read >= last.reports_read
                    && p.reports_committed >= last.reports_committed
            );
            assert!(p.reports_committed <= p.reports_read);
            last = *p;
            n_calls += 1;
        })
        .unwrap();
    assert_eq!(summary.batches, 286, "2000 / 7, rounded up");
    assert_eq!(summary.stored.reports_new, 2000);
    assert_eq!(summary.stored.events_created, 667);
    assert_eq!(
        (last.reports_committed, last.events_stored, last.batches_committed),
        (2000, 667, 286)
    );
    assert_eq!(n_calls, 2000 + 286);
    assert_eq!(store.totals().unwrap(), Totals { reports: 2000, events: 667 });
}

/// Joins every extraction to the most recently stored event, if there is one.
struct JoinLatest;

impl tocsin_store::Merge for JoinLatest {
    fn candidates(&self, _extraction: &Extraction) -> Option<EventFilter> {
        Some(EventFilter {
            sort: tocsin_store::Sort::Stored,
            limit: Some(1),
            ..EventFilter::default()
        })
    }

    fn place(
        &mut self,
        extraction: &Extraction,
        candidates: &[tocsin_model::Event],
    ) -> tocsin_store::Placement {
        match candidates.first() {
            Some(event) => tocsin_store::Placement::Join {
                event_id: event.id.clone(),
                coding: Box::new(extraction.clone()),
            },
            None => tocsin_store::Placement::New,
        }
    }
}

#[test]
fn a_merge_policy_reaches_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_jsonl(dir.path(), "wire.jsonl", &ten_lines_one_broken());
    let mut store = Store::open_in_memory().unwrap();
    let summary = crate::ingest_paths_with(
        &[path],
        &CountAttacks,
        &mut store,
        &config(4),
        &mut JoinLatest,
        &mut |_| {},
    )
    .unwrap();
    assert_eq!((summary.stored.events_created, summary.stored.events_joined), (1, 8));
    assert_eq!(store.totals().unwrap(), Totals { reports: 9, events: 1 });
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events[0].sources.len(), 9);
}

// Merging incidents (IncidentMerge, on by default).

/// Reads one event per line `actor1|actor2|YYYY-MM-DD|lat|lon|fatalities` (fatalities
/// may be `-`: not stated), in Togo.
struct Lines;

impl Extract for Lines {
    fn extract(&self, report: &Report, _desk_country: Option<&str>) -> Output {
        let events = report
            .text
            .lines()
            .filter_map(|line| {
                let parts: Vec<&str> = line.split('|').collect();
                let [actor1, actor2, date, lat, lon, dead] = parts.as_slice() else { return None };
                let span = Span::new(0, 1);
                let actor = |name: &str| {
                    let inter = if name.starts_with("Military") {
                        Inter::StateForces
                    } else {
                        Inter::Rebel
                    };
                    Field::found(Actor::new(name, inter), span, 0.9)
                };
                // `YYYY-MM-DD~week`: a week-precision date.
                let (date, precision) = match date.strip_suffix("~week") {
                    Some(date) => (date, tocsin_model::TimePrecision::Week),
                    None => (*date, tocsin_model::TimePrecision::Day),
                };
                let date = tocsin_model::EventDate { date: date.parse().ok()?, precision };
                let place = tocsin_model::Place {
                    country: "Togo".into(),
                    country_code: "TG".into(),
                    admin1: Some("Savanes".into()),
                    admin2: None,
                    admin3: None,
                    location: format!("{lat},{lon}"),
                    latitude: lat.parse().ok()?,
                    longitude: lon.parse().ok()?,
                    geo_precision: tocsin_model::GeoPrecision::Town,
                    border_distance_km: None,
                    coordinates_of: None,
                };
                Some(Extraction {
                    report_id: report.id.clone(),
                    date: Some(Field::found(date, span, 0.9)),
                    sub_event_type: Field::found(SubEventType::ArmedClash, span, 0.9),
                    actor1: actor(actor1),
                    assoc_actor_1: vec![],
                    actor2: Some(actor(actor2)).filter(|_| !actor2.is_empty()),
                    assoc_actor_2: vec![],
                    civilian_targeting: Field::inferred(false, 0.9),
                    place: Some(Field::found(place, span, 0.8)),
                    fatalities: match dead.parse() {
                        Ok(n) => Field::found(n, span, 0.9),
                        Err(_) => Field::inferred(0, 0.5),
                    },
                    trigger: span,
                    confidence: 0.7,
                })
            })
            .collect();
        Output { events, diagnostics: vec![], unknown_actors: vec![] }
    }
}

const JNIM: &str = "JNIM: Group for Support of Islam and Muslims";
const ARMY: &str = "Military Forces of Togo (2005-)";

/// The incidents of the stored events: each event's report ids, sorted, in sorted order.
fn incidents(store: &Store) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = store
        .events(&EventFilter::default())
        .unwrap()
        .iter()
        .map(|event| {
            let mut ids: Vec<String> = event.doc_ids().into_iter().map(String::from).collect();
            ids.sort();
            ids
        })
        .collect();
    groups.sort();
    groups
}

fn ingest_lines(lines: &[(&str, String)], merge: bool, batch_size: usize) -> Store {
    let input = lines.iter().map(|(id, text)| Ok(Report::new(*id, text.clone())));
    let mut store = Store::open_in_memory().unwrap();
    let config = IngestConfig { merge, ..config(batch_size) };
    ingest_reports(input, &Lines, &mut store, &config, &mut |_| {}).unwrap();
    store
}

fn line(actor1: &str, actor2: &str, date: &str, lat: f64, lon: f64, dead: &str) -> String {
    format!("{actor1}|{actor2}|{date}|{lat}|{lon}|{dead}")
}

/// Reports of two incidents and three near misses that must stay apart.
fn corpus() -> Vec<(&'static str, String)> {
    vec![
        ("a1", line(JNIM, ARMY, "2024-07-20", 10.99, 0.63, "12")),
        ("a2", line(JNIM, ARMY, "2024-07-20", 11.00, 0.64, "8")),
        ("a3", line("Unidentified Armed Group (Togo)", ARMY, "2024-07-20", 10.99, 0.63, "-")),
        // Same actors, the next day.
        ("n1", line(JNIM, ARMY, "2024-07-21", 10.99, 0.63, "2")),
        // Same actors, same day, about 80 km away.
        ("n2", line(JNIM, ARMY, "2024-07-20", 10.30, 0.63, "1")),
        // Same day, same place, other actors.
        (
            "n3",
            line(
                "Islamic State Sahel Province",
                "Civilians (Togo)",
                "2024-07-20",
                10.99,
                0.63,
                "3",
            ),
        ),
        ("b1", line(JNIM, ARMY, "2024-07-25", 10.86, 0.21, "4")),
        ("b2", line(JNIM, ARMY, "2024-07-25", 10.86, 0.21, "5")),
    ]
}

fn sorted(groups: &[&[&str]]) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> =
        groups.iter().map(|g| g.iter().map(|s| s.to_string()).collect()).collect();
    out.sort();
    out
}

#[test]
fn reports_of_one_incident_become_one_event_and_near_misses_stay_apart() {
    let store = ingest_lines(&corpus(), true, 500);
    let want = sorted(&[&["a1", "a2", "a3"], &["n1"], &["n2"], &["n3"], &["b1", "b2"]]);
    assert_eq!(incidents(&store), want);
    let a = store.events(&EventFilter { min_fatalities: Some(8), ..Default::default() }).unwrap();
    assert_eq!(a.len(), 1, "the lowest stated figure (8) is coded, not 12");
    let detail = store.event(&a[0].id).unwrap().unwrap();
    assert_eq!(detail.event.coding.fatalities.value, 8);
    assert_eq!(detail.fatality_range(), Some((8, 12)));
    assert_eq!(detail.event.coding.actor1.value.name, JNIM, "the named group, not the generic one");
    let changes: Vec<&str> = detail.history.iter().map(|h| h.change.as_str()).collect();
    assert_eq!(changes, ["created", "source_added", "source_added"]);
}

#[test]
fn the_grouping_does_not_depend_on_report_order_or_batches() {
    let forward = incidents(&ingest_lines(&corpus(), true, 500));
    let mut reversed = corpus();
    reversed.reverse();
    assert_eq!(incidents(&ingest_lines(&reversed, true, 1)), forward);
    let mut rotated = corpus();
    rotated.rotate_left(3);
    assert_eq!(incidents(&ingest_lines(&rotated, true, 2)), forward);
}

#[test]
fn merging_can_be_turned_off() {
    let store = ingest_lines(&corpus(), false, 500);
    assert_eq!(store.totals().unwrap().events, 8);
}

#[test]
fn analysts_merge_and_split_with_recoding() {
    let mut store = ingest_lines(&corpus(), true, 500);
    let find = |store: &Store, report: &str| -> String {
        let events = store.events(&EventFilter::default()).unwrap();
        events.iter().find(|e| e.doc_ids().contains(&report)).unwrap().id.clone()
    };
    let (a, n1) = (find(&store, "a1"), find(&store, "n1"));
    let merged = crate::merge_events(&mut store, &a, &n1, fixed_clock()).unwrap();
    assert_eq!(merged.coding.fatalities.value, 2, "recoded: the lowest of 12, 8, 2");
    let (remaining, created) = crate::split_event(&mut store, &a, "n1", fixed_clock()).unwrap();
    assert_eq!(remaining.coding.fatalities.value, 8);
    assert_eq!(created.doc_ids(), ["n1"]);
    // A later report of incident a still joins it.
    let later = [("a4", line(JNIM, ARMY, "2024-07-20", 10.99, 0.63, "9"))];
    let input = later.iter().map(|(id, text)| Ok(Report::new(*id, text.clone())));
    ingest_reports(input, &Lines, &mut store, &config(10), &mut |_| {}).unwrap();
    assert_eq!(store.event(&a).unwrap().unwrap().event.doc_ids(), ["a1", "a2", "a3", "a4"]);
}

#[test]
fn a_report_that_matches_two_events_bridges_them() {
    // With a day of slack, c (21st) matches a (20th) and b (22nd), which do not match
    // each other: arriving last, c must bring all three together, as any order would.
    let mut wide = crate::IncidentMerge {
        config: tocsin_merge::MatchConfig { date_slack_days: 1, ..Default::default() },
    };
    let mut store = Store::open_in_memory().unwrap();
    let first = [
        ("a", line(JNIM, ARMY, "2024-07-20", 10.99, 0.63, "3")),
        ("b", line(JNIM, ARMY, "2024-07-22", 10.99, 0.63, "4")),
    ];
    ingest_with_policy(&first, &mut store, &mut wide);
    assert_eq!(store.totals().unwrap().events, 2);
    let bridging = [("c", line(JNIM, ARMY, "2024-07-21", 10.99, 0.63, "5"))];
    ingest_with_policy(&bridging, &mut store, &mut wide);
    assert_eq!(incidents(&store), sorted(&[&["a", "b", "c"]]));
    let events = store.events(&EventFilter::default()).unwrap();
    let detail = store.event(&events[0].id).unwrap().unwrap();
    assert_eq!(detail.event.coding.fatalities.value, 3, "recoded from all three");
    let changes: Vec<&str> = detail.history.iter().map(|h| h.change.as_str()).collect();
    assert_eq!(changes, ["created", "merged", "source_added"]);
    // The absorbed event is reported deleted by the change feed.
    let deleted = store
        .changes_since(fixed_clock() - chrono::Duration::seconds(1))
        .unwrap()
        .into_iter()
        .filter(|change| matches!(change.kind, tocsin_store::ChangeKind::Deleted { .. }))
        .count();
    assert_eq!(deleted, 1);
}

/// Stores `lines` (id, text) read by [`Lines`] in one batch with `merge`.
fn ingest_with_policy(
    lines: &[(&str, String)],
    store: &mut Store,
    merge: &mut crate::IncidentMerge,
) {
    let batch: Vec<tocsin_store::Ingested> = lines
        .iter()
        .map(|(id, text)| {
            let report = Report::new(*id, text.clone());
            let events = Lines.extract(&report, None).events;
            tocsin_store::Ingested { report, events }
        })
        .collect();
    store.ingest_with(&batch, fixed_clock(), merge).unwrap();
}

#[test]
fn an_imprecise_report_does_not_chain_distinct_days() {
    // b's week spans both the 20th and the 24th; a and c are four days apart.
    let reports = vec![
        ("a", line(JNIM, ARMY, "2024-07-20", 10.99, 0.63, "3")),
        ("b", line(JNIM, ARMY, "2024-07-22~week", 10.99, 0.63, "-")),
        ("c", line(JNIM, ARMY, "2024-07-24", 10.99, 0.63, "4")),
    ];
    let store = ingest_lines(&reports, true, 500);
    assert_eq!(incidents(&store), sorted(&[&["a", "b"], &["c"]]));
}

// The desk's country (DeskCountry).

/// One attack per report, placed where the report's last word says (`... in BF`), else
/// in the desk's country with no words shown, else nowhere.
struct Placed;

impl Extract for Placed {
    fn extract(&self, report: &Report, desk_country: Option<&str>) -> Output {
        let last = report.text.split_whitespace().last().unwrap_or_default();
        let named = (last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()))
            .then(|| (last, Some(Span::new(report.text.len() - 2, report.text.len()))));
        let place = named.or(desk_country.map(|cc| (cc, None))).map(|(cc, span)| Field {
            value: tocsin_model::Place {
                country: cc.into(),
                country_code: cc.into(),
                admin1: None,
                admin2: None,
                admin3: None,
                location: cc.into(),
                latitude: 0.0,
                longitude: 0.0,
                geo_precision: tocsin_model::GeoPrecision::Region,
                border_distance_km: None,
                coordinates_of: None,
            },
            span,
            confidence: 0.5,
        });
        let mut output = CountAttacks.extract(report, None);
        for event in &mut output.events {
            event.place = place.clone();
        }
        output
    }
}

/// Each report's id and its events' countries (`-` for none), in the order visited.
fn extracted(texts: &[String], desk: &DeskCountry) -> Vec<(String, Vec<String>)> {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| format!("{{\"id\": \"r{i}\", \"text\": \"{text}\"}}"))
        .collect();
    let path = write_jsonl(dir.path(), "run.jsonl", &lines);
    let mut seen = Vec::new();
    extract_paths(&[path], &Placed, desk, &mut |result| {
        let (report, output) = result.unwrap();
        let countries = output
            .events
            .iter()
            .map(|e| e.place.as_ref().map_or("-".into(), |p| p.value.country_code.clone()))
            .collect();
        seen.push((report.id, countries));
    });
    seen
}

/// `n` attacks placed in each of `countries`, then one placed nowhere.
fn run_of(countries: &[(&str, usize)]) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for &(cc, n) in countries {
        texts.extend((0..n).map(|k| format!("attack number {k} in {cc}")));
    }
    texts.insert(1, "an attack at the ministry".to_string());
    texts
}

#[test]
fn a_report_placed_nowhere_waits_for_the_runs_country() {
    let texts = run_of(&[("BF", 12), ("ML", 4)]);
    let seen = extracted(&texts, &DeskCountry::Auto);
    assert_eq!(seen.len(), texts.len());
    assert_eq!(seen.last(), Some(&("r1".to_string(), vec!["BF".to_string()])));
    assert!(seen[..seen.len() - 1].iter().all(|(id, _)| id != "r1"));
}

#[test]
fn a_run_without_a_clear_country_leaves_such_reports_unplaced() {
    for countries in [
        // Too few placed reports.
        &[("BF", 9)][..],
        // Under twice the runner-up.
        &[("BF", 12), ("ML", 7)],
        // Under a third of the placed reports.
        &[("BF", 12), ("ML", 6), ("NE", 6), ("TG", 6), ("GH", 6), ("CI", 6)],
    ] {
        let seen = extracted(&run_of(countries), &DeskCountry::Auto);
        let nowhere = seen.iter().find(|(id, _)| id == "r1").map(|(_, c)| c.clone());
        assert_eq!(nowhere, Some(vec!["-".to_string()]), "{countries:?}");
    }
}

#[test]
fn a_fixed_desk_country_places_at_once_and_none_places_nothing() {
    let texts = run_of(&[("BF", 12)]);
    let fixed = extracted(&texts, &DeskCountry::Fixed("TG".into()));
    assert_eq!(fixed[1], ("r1".to_string(), vec!["TG".to_string()]));
    assert_eq!(fixed[0], ("r0".to_string(), vec!["BF".to_string()]));
    let off = extracted(&texts, &DeskCountry::Off);
    assert_eq!(off[1], ("r1".to_string(), vec!["-".to_string()]));
}

#[test]
fn an_ingest_run_stores_the_waiting_reports_in_the_runs_country() {
    let mut store = Store::open_in_memory().unwrap();
    let texts = run_of(&[("BF", 12)]);
    let reports = texts.iter().enumerate().map(|(i, t)| Ok(Report::new(format!("r{i}"), t)));
    let config = IngestConfig { desk_country: DeskCountry::Auto, merge: false, ..config(5) };
    let summary = ingest_reports(reports, &Placed, &mut store, &config, &mut |_| {}).unwrap();
    assert_eq!(summary.stored.reports_new, 13);
    assert_eq!(summary.run_country, Some(crate::RunCountry { code: "BF".into(), reports: 1 }));
    let events = store.events(&EventFilter::default()).unwrap();
    assert_eq!(events.len(), 13);
    let placed = |e: &tocsin_model::Event| {
        e.coding.place.as_ref().is_some_and(|p| p.value.country_code == "BF")
    };
    assert!(events.iter().all(placed));
}
