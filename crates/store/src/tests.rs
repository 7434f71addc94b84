//! Tests of the store as a whole: opening, ingestion, queries.

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use tocsin_model::{
    Actor, EventDate, EventType, Extraction, Field, GeoPrecision, Inter, Language, Place, Report,
    Span, SubEventType, TimePrecision,
};

use crate::{
    BBox, BatchSummary, Error, EventFilter, Ingested, Sort, Store, Totals, SCHEMA_VERSION,
};

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z").map(|t| t.with_timezone(&Utc)).unwrap()
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// A place in the country with this alpha-2 code.
fn place(country_code: &str, admin1: &str, admin2: &str, lat: f64, lon: f64) -> Place {
    Place {
        country: format!("Country {country_code}"),
        country_code: country_code.into(),
        admin1: Some(admin1.into()),
        admin2: Some(admin2.into()),
        admin3: None,
        location: format!("{admin2} town"),
        latitude: lat,
        longitude: lon,
        geo_precision: GeoPrecision::Town,
        border_distance_km: None,
        coordinates_of: None,
    }
}

/// An extraction with plain defaults, changed by `edit`.
fn extraction(edit: impl FnOnce(&mut Extraction)) -> Extraction {
    let mut extraction = Extraction {
        report_id: "ignored".into(),
        date: None,
        sub_event_type: Field::inferred(SubEventType::ArmedClash, 0.8),
        actor1: Field::inferred(
            Actor::new("Unidentified Armed Group", Inter::PoliticalMilitia),
            0.5,
        ),
        assoc_actor_1: vec![],
        actor2: None,
        assoc_actor_2: vec![],
        civilian_targeting: Field::inferred(false, 0.9),
        place: None,
        fatalities: Field::inferred(0, 0.5),
        trigger: Span::new(0, 1),
        confidence: 0.7,
    };
    edit(&mut extraction);
    extraction
}

fn dated(date: &str) -> Option<Field<EventDate>> {
    Some(Field::inferred(EventDate { date: day(date), precision: TimePrecision::Day }, 0.9))
}

fn located(country_code: &str) -> Option<Field<Place>> {
    Some(Field::inferred(place(country_code, "Savanes", "Kpendjal", 10.99, 0.63), 0.8))
}

fn item(id: &str, text: &str, events: Vec<Extraction>) -> Ingested {
    Ingested { report: Report::new(id, text), events }
}

fn ids(events: &[tocsin_model::Event]) -> Vec<&str> {
    events.iter().map(|event| event.id.as_str()).collect()
}

fn memory() -> Store {
    Store::open_in_memory().unwrap()
}

fn summary(new: u64, duplicate: u64, renamed: u64, events: u64) -> BatchSummary {
    BatchSummary {
        reports_new: new,
        reports_duplicate: duplicate,
        reports_renamed: renamed,
        events_created: events,
        events_joined: 0,
    }
}

// Opening and migrations.

#[test]
fn a_new_store_is_at_the_current_schema_version() {
    let store = memory();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.totals().unwrap(), Totals::default());
}

#[test]
fn a_store_file_reopens_with_its_contents_and_in_wal_mode() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tocsin.db");
    {
        let mut store = Store::open(&path).unwrap();
        let batch = [item("r1", "text one", vec![extraction(|e| e.place = located("TG"))])];
        store.ingest(&batch, now()).unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.totals().unwrap(), Totals { reports: 1, events: 1 });
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    let mode: String =
        store.connection().query_row("PRAGMA journal_mode", [], |row| row.get(0)).unwrap();
    assert_eq!(mode, "wal");
    let foreign_keys: i64 =
        store.connection().query_row("PRAGMA foreign_keys", [], |row| row.get(0)).unwrap();
    assert_eq!(foreign_keys, 1);
    assert!(Store::open_existing(&path).is_ok());
}

#[test]
fn open_creates_the_folder_of_a_new_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/tocsin.db");
    Store::open(&path).unwrap();
    assert!(path.exists());
}

#[test]
fn numbers_json_cannot_hold_are_made_storable() {
    let mut store = memory();
    let broken = extraction(|e| {
        e.confidence = f32::NAN;
        e.fatalities.confidence = f32::INFINITY;
        e.place = Some(Field::inferred(place("TG", "Savanes", "Kpendjal", f64::NAN, 0.5), 0.8));
    });
    let bordered = extraction(|e| {
        e.place = located("TG");
        if let Some(place) = &mut e.place {
            place.value.border_distance_km = Some(f64::NAN);
        }
    });
    store.ingest(&[item("a", "text", vec![broken, bordered])], now()).unwrap();
    let events = store.events(&EventFilter { sort: Sort::Stored, ..Default::default() }).unwrap();
    assert_eq!(ids(&events), ["TGO1", "XXX1"]);
    assert_eq!(events[1].coding.confidence, 0.0);
    assert_eq!(events[1].coding.fatalities.confidence, 0.0);
    assert!(events[1].coding.place.is_none());
    assert_eq!(events[0].coding.place.as_ref().unwrap().value.border_distance_km, None);
}

#[test]
fn open_existing_does_not_create_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("missing.db");
    let error = Store::open_existing(&path).unwrap_err();
    assert!(error.to_string().contains("missing.db"), "{error}");
    assert!(!path.exists());
}

/// Copies a committed fixture into a temp dir, so opening (and migrating) it never
/// touches the committed file.
fn fixture_copy(name: &str, dir: &Path) -> std::path::PathBuf {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let target = dir.join(name);
    std::fs::copy(&source, &target).unwrap();
    target
}

/// Opens a copy of the fixture store written at schema `version` (see
/// `tests/fixtures/README.md`) and checks it answers and takes new reports.
fn check_fixture(version: u32, totals: Totals) {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_copy(&format!("store-v{version}.db"), dir.path());
    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(store.totals().unwrap(), totals);
    let detail = store.event("TGO1").unwrap().unwrap();
    assert_eq!(ids_of(&detail.reports), [format!("v{version}-a")]);
    assert_eq!(detail.history.len(), 1);
    assert_eq!(detail.event.doc_ids(), [format!("v{version}-a")]);
    assert_eq!(detail.event.coding.fatalities.value, 2);
    // Since v3, undated events count as the earliest.
    let all: Vec<_> =
        store.iter_events(&EventFilter::default()).unwrap().map(Result::unwrap).collect();
    assert_eq!(ids(&all), ["XXX1", "BFA1", "TGO1"]);
    let found = store.events(&EventFilter { text: Some("securite".into()), ..Default::default() });
    assert_eq!(ids(&found.unwrap()), ["BFA1"]);
    // It still takes new reports, indexed once (v2 dropped v1's indexing trigger), and
    // numbering goes on where it stopped.
    let batch = [item("new", "another report", vec![extraction(|e| e.place = located("TG"))])];
    store.ingest(&batch, now()).unwrap();
    assert!(store.event("TGO2").unwrap().is_some());
    let found = store.events(&EventFilter { text: Some("another".into()), ..Default::default() });
    assert_eq!(ids(&found.unwrap()), ["TGO2"]);
    store
        .connection
        .execute_batch("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')")
        .unwrap();
}

#[test]
fn a_store_written_at_schema_v1_opens_and_answers() {
    check_fixture(1, Totals { reports: 3, events: 3 });
}

#[test]
fn a_store_written_at_schema_v3_opens_and_answers() {
    check_fixture(3, Totals { reports: 4, events: 3 });
    // Its fourth report joined BFA1 through the merge seam.
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&fixture_copy("store-v3.db", dir.path())).unwrap();
    let detail = store.event("BFA1").unwrap().unwrap();
    assert_eq!(detail.event.doc_ids(), ["v3-b", "v3-d"]);
    let changes: Vec<&str> = detail.history.iter().map(|entry| entry.change.as_str()).collect();
    assert_eq!(changes, ["created", "source_added"]);
}

#[test]
fn a_store_written_at_schema_v4_keeps_its_analyst_decisions() {
    check_fixture(4, Totals { reports: 4, events: 3 });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&fixture_copy("store-v4.db", dir.path())).unwrap();
    let detail = store.event("BFA1").unwrap().unwrap();
    assert_eq!(detail.event.doc_ids(), ["v4-b", "v4-d"]);
    let changes: Vec<&str> = detail.history.iter().map(|entry| entry.change.as_str()).collect();
    assert_eq!(changes, ["created", "source_added", "split", "merged"]);
    assert_eq!(store.event("BFA2").unwrap().unwrap().merged_into.as_deref(), Some("BFA1"));
    assert_eq!(store.constraints().unwrap().len(), 2);
}

#[test]
fn a_store_written_at_schema_v5_keeps_its_analyst_decisions() {
    check_fixture(5, Totals { reports: 4, events: 3 });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&fixture_copy("store-v5.db", dir.path())).unwrap();
    assert_eq!(store.event("BFA2").unwrap().unwrap().merged_into.as_deref(), Some("BFA1"));
    let burkina = EventFilter { country: Some("BF".into()), ..EventFilter::default() };
    assert_eq!(ids(&store.events(&burkina).unwrap()), ["BFA1"], "merged BFA2 is not listed");
    assert_eq!(store.count(&burkina).unwrap(), 1);
}

#[test]
fn a_store_written_at_schema_v5_learns_unknown_actors_after_upgrading() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&fixture_copy("store-v5.db", dir.path())).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(store.unknown_actors(None).unwrap().is_empty());
    let sighting = crate::UnknownSighting {
        name: "Red Dune".into(),
        report_id: "v5-a".into(),
        content_hash: "h".into(),
        date: None,
    };
    assert_eq!(store.record_unknown_actors(&[sighting], now()).unwrap(), 1);
    let names: Vec<String> =
        store.unknown_actors(None).unwrap().into_iter().map(|u| u.name).collect();
    assert_eq!(names, ["Red Dune"]);
}

#[test]
fn a_store_written_at_schema_v6_keeps_its_unknown_actors() {
    check_fixture(6, Totals { reports: 4, events: 3 });
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&fixture_copy("store-v6.db", dir.path())).unwrap();
    let unknown = store.unknown_actors(None).unwrap();
    assert_eq!(unknown.len(), 1);
    let kora = &unknown[0];
    assert_eq!(
        (kora.name.as_str(), kora.count, kora.first_seen.as_str(), kora.last_seen.as_str()),
        ("Kora Liberation Front", 2, "2023-06-01", "2024-05-01")
    );
    assert_eq!(kora.report_id, "v6-a");
}

/// The query plan SQLite chooses for `sql`, one line per step.
fn plan(store: &Store, sql: &str) -> String {
    let mut statement = store.connection.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let steps = statement.query_map([], |row| row.get::<_, String>(3)).unwrap();
    steps.map(Result::unwrap).collect::<Vec<_>>().join("\n")
}

#[test]
fn counts_and_filters_read_the_live_indexes() {
    let store = memory();
    let live = "SELECT count(*) FROM events e WHERE e.merged_into IS NULL";
    for (condition, index) in [
        ("", "COVERING INDEX events_live_"),
        (
            " AND e.country_code = 'BF' AND e.date >= '2024-01-01'",
            "COVERING INDEX events_live_country",
        ),
        (" AND e.admin1 = 'sahel' COLLATE NOCASE", "COVERING INDEX events_live_admin1"),
        (
            " AND e.event_type = 'Battles' AND e.fatalities >= 10",
            "COVERING INDEX events_live_event_type",
        ),
        (" AND e.sub_event_type = 'Armed clash'", "COVERING INDEX events_live_sub_event_type"),
        (
            " AND e.date >= '2024-01-01' AND e.date <= '2024-02-01'",
            "COVERING INDEX events_live_date",
        ),
    ] {
        let plan = plan(&store, &format!("{live}{condition}"));
        assert!(plan.contains(index), "{condition}: {plan}");
    }
    let newest = "SELECT e.key FROM events e WHERE e.merged_into IS NULL
        ORDER BY e.sort_key DESC LIMIT 100";
    assert!(plan(&store, newest).contains("COVERING INDEX events_live_sort"));
    let deadliest = "SELECT e.key FROM events e WHERE e.merged_into IS NULL
        ORDER BY e.fatalities DESC, e.sort_key DESC LIMIT 100";
    assert!(plan(&store, deadliest).contains("COVERING INDEX events_live_fatalities"));
}

#[test]
#[ignore = "writes the fixture of the current schema version; run once per version"]
fn generate_fixture() {
    let v = SCHEMA_VERSION;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/fixtures/store-v{v}.db"));
    assert!(!path.exists(), "fixtures are never regenerated");
    let mut store = Store::open(&path).unwrap();
    let mut fr =
        Report::new(format!("v{v}-b"), "La sécurité reste précaire à Djibo après les combats.");
    fr.language = Some(Language::Fr);
    fr.published = Some(day("2023-06-02"));
    let djibo = |e: &mut Extraction| {
        e.place = Some(Field::inferred(place("BF", "Sahel", "Soum", 14.1, -1.63), 0.8));
        e.date = dated("2023-06-01");
    };
    let batch = [
        Ingested {
            report: Report::new(format!("v{v}-a"), "Gunmen clashed with soldiers near Mandouri."),
            events: vec![extraction(|e| {
                e.place = located("TG");
                e.date = dated("2023-06-01");
                e.fatalities = Field::inferred(2, 0.7);
            })],
        },
        Ingested { report: fr, events: vec![extraction(djibo)] },
        Ingested {
            report: Report::new(format!("v{v}-c"), "A militia announced a new commander."),
            events: vec![extraction(|e| {
                e.sub_event_type = Field::inferred(SubEventType::ChangeToGroupActivity, 0.6)
            })],
        },
    ];
    store.ingest(&batch, now()).unwrap();
    struct JoinBfa1;
    impl crate::Merge for JoinBfa1 {
        fn candidates(&self, _: &Extraction) -> Option<EventFilter> {
            None
        }
        fn place(
            &mut self,
            extraction: &Extraction,
            _: &[tocsin_model::Event],
        ) -> crate::Placement {
            crate::Placement::Join { event_id: "BFA1".into(), coding: Box::new(extraction.clone()) }
        }
    }
    let later = [Ingested {
        report: Report::new(format!("v{v}-d"), "Fighting in Djibo on Thursday, officials said."),
        events: vec![extraction(djibo)],
    }];
    store.ingest_with(&later, now(), &mut JoinBfa1).unwrap();
    if v >= 4 {
        // An analyst splits the fourth report out (BFA2), then merges it back.
        store.split_event("BFA1", &format!("v{v}-d"), now()).unwrap();
        store.merge_events("BFA1", "BFA2", now()).unwrap();
    }
    if v >= 6 {
        // Two reports used a name the actor knowledge base does not know.
        let sighting = |report: &str, date: Option<&str>| crate::UnknownSighting {
            name: "Kora Liberation Front".into(),
            report_id: format!("v{v}-{report}"),
            content_hash: format!("hash-{report}"),
            date: date.map(day),
        };
        let sightings = [sighting("a", Some("2023-06-01")), sighting("d", None)];
        store.record_unknown_actors(&sightings, now()).unwrap();
    }
    store.connection.execute_batch("PRAGMA wal_checkpoint(TRUNCATE); VACUUM;").unwrap();
}

#[test]
fn every_migration_applies_to_an_empty_database_in_order() {
    // Step through the versions one by one, as successive releases would.
    let mut connection = rusqlite::Connection::open_in_memory().unwrap();
    for version in 1..=SCHEMA_VERSION {
        let transaction = connection.transaction().unwrap();
        transaction.execute_batch(crate::schema::MIGRATIONS[version as usize - 1]).unwrap();
        transaction.execute_batch(&format!("PRAGMA user_version = {version}")).unwrap();
        transaction.commit().unwrap();
    }
    connection
        .execute_batch(&format!("PRAGMA application_id = {}", crate::schema::APPLICATION_ID))
        .unwrap();
    let store = Store::setup(connection, Path::new("stepped.db"), false).unwrap();
    assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn the_full_text_index_stays_consistent_over_batches() {
    let mut store = memory();
    for round in 0..3 {
        let batch: Vec<Ingested> = (0..5)
            .map(|i| item(&format!("r{round}-{i}"), &format!("round{round} text{i}"), vec![]))
            .collect();
        store.ingest(&batch, now()).unwrap();
        store.ingest(&batch, now()).unwrap();
    }
    let n_indexed: i64 = store
        .connection
        .query_row("SELECT count(*) FROM reports_fts WHERE reports_fts MATCH 'text3'", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(n_indexed, 3);
    store
        .connection
        .execute_batch("INSERT INTO reports_fts (reports_fts) VALUES ('integrity-check')")
        .unwrap();
}

fn check_refused(path: &Path, reason_part: &str) {
    let error = Store::open(path).unwrap_err();
    let message = error.to_string();
    assert!(matches!(error, Error::NotAStore { .. }), "{message}");
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(message.contains(reason_part), "{message}");
}

#[test]
fn a_file_that_is_not_a_store_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    let content = "These are notes, not a database, and long enough to fill a header.\n".repeat(3);
    std::fs::write(&text, &content).unwrap();
    check_refused(&text, "not an SQLite database");
    assert_eq!(std::fs::read_to_string(&text).unwrap(), content);

    let short = dir.path().join("short.txt");
    std::fs::write(&short, "hello\n").unwrap();
    check_refused(&short, "not an SQLite database");
    assert_eq!(std::fs::read_to_string(&short).unwrap(), "hello\n");

    let foreign = dir.path().join("other.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE things (x); INSERT INTO things VALUES (1);")
        .unwrap();
    check_refused(&foreign, "another program");

    check_refused(dir.path(), "folder");
}

#[test]
fn a_store_from_a_newer_release_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path).unwrap().execute_batch("PRAGMA user_version = 99").unwrap();
    let error = Store::open(&path).unwrap_err();
    assert!(matches!(error, Error::TooNew { found: 99, .. }), "{error}");
}

// Ingestion.

#[test]
fn reingesting_the_same_reports_changes_nothing() {
    let mut store = memory();
    let batch = [
        item("a", "Gunmen attacked Kaya.", vec![extraction(|e| e.place = located("BF"))]),
        item("b", "Protest in Lomé.", vec![extraction(|_| {}), extraction(|_| {})]),
        item("c", "An analysis with no events.", vec![]),
    ];
    assert_eq!(store.ingest(&batch, now()).unwrap(), summary(3, 0, 0, 3));
    let before = store.events(&EventFilter::default()).unwrap();
    assert_eq!(store.ingest(&batch, now()).unwrap(), summary(0, 3, 0, 0));
    assert_eq!(store.events(&EventFilter::default()).unwrap(), before);
    assert_eq!(store.totals().unwrap(), Totals { reports: 3, events: 3 });
}

#[test]
fn the_same_content_twice_in_one_batch_is_stored_once() {
    let mut store = memory();
    let batch = [
        item("a", "Two killed in Kaya.", vec![extraction(|_| {})]),
        item("a-copy", "Two  killed\nin Kaya. ", vec![extraction(|_| {})]),
    ];
    assert_eq!(store.ingest(&batch, now()).unwrap(), summary(1, 1, 0, 1));
}

#[test]
fn a_reused_id_with_new_content_keeps_both_reports() {
    let mut store = memory();
    store.ingest(&[item("r", "first story", vec![])], now()).unwrap();
    let second = item("r", "second story", vec![extraction(|_| {})]);
    assert_eq!(store.ingest(std::slice::from_ref(&second), now()).unwrap(), summary(1, 0, 1, 1));
    let renamed = format!("r#{}", &crate::content_hash(&second.report)[..12]);
    assert_eq!(store.report("r").unwrap().unwrap().text, "first story");
    assert_eq!(store.report(&renamed).unwrap().unwrap().text, "second story");
    let detail = store.event("XXX1").unwrap().unwrap();
    assert_eq!(detail.event.coding.report_id, renamed);
    assert_eq!(detail.reports[0].id, renamed);
}

#[test]
fn a_failing_batch_leaves_nothing_behind() {
    let mut store = memory();
    // Make the third event of the batch fail inside the transaction.
    store
        .connection
        .execute_batch(
            "CREATE TEMP TRIGGER fail_third BEFORE INSERT ON events WHEN new.id = 'TGO3'
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END;",
        )
        .unwrap();
    let tg = |_: usize| extraction(|e| e.place = located("TG"));
    let batch = [
        item("a", "one", vec![tg(0), tg(1)]),
        item("b", "two", vec![tg(2)]),
        item("c", "three", vec![tg(3)]),
    ];
    let error = store.ingest(&batch, now()).unwrap_err();
    assert!(error.to_string().contains("injected failure"), "{error}");
    assert_eq!(store.totals().unwrap(), Totals::default());
    let n_rows: i64 = store
        .connection
        .query_row(
            "SELECT (SELECT count(*) FROM event_sources) + (SELECT count(*) FROM event_history)
                  + (SELECT count(*) FROM event_numbers) + (SELECT count(*) FROM events_rtree)
                  + (SELECT count(*) FROM reports_fts)",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(n_rows, 0);
    // Once the fault is gone, the same batch goes in whole, numbered from 1.
    store.connection.execute_batch("DROP TRIGGER fail_third").unwrap();
    assert_eq!(store.ingest(&batch, now()).unwrap(), summary(3, 0, 0, 4));
    let all = store.events(&EventFilter { sort: Sort::Stored, ..Default::default() }).unwrap();
    assert_eq!(ids(&all), ["TGO4", "TGO3", "TGO2", "TGO1"]);
}

#[test]
fn ids_are_numbered_per_country() {
    let mut store = memory();
    let in_country = |code: &str| {
        let code = code.to_owned();
        extraction(move |e| e.place = located(&code))
    };
    let batch = [
        item("1", "one", vec![in_country("TG"), in_country("BF")]),
        item("2", "two", vec![in_country("tg"), extraction(|_| {}), in_country("ZZ")]),
        item("3", "three", vec![in_country("TGO"), in_country("ML")]),
    ];
    store.ingest(&batch, now()).unwrap();
    let all = store.events(&EventFilter { sort: Sort::Stored, ..Default::default() }).unwrap();
    let mut stored = ids(&all);
    stored.reverse();
    assert_eq!(stored, ["TGO1", "BFA1", "TGO2", "XXX1", "XXX2", "TGO3", "MLI1"]);
}

#[test]
fn an_event_comes_back_with_its_reports_and_history() {
    let mut store = memory();
    let mut report = Report::new("r1", "Des hommes armés ont attaqué Mandouri.");
    report.title = Some("Attaque à Mandouri".into());
    report.published = Some(day("2024-04-30"));
    report.source = Some("Le Quotidien".into());
    report.url = Some("https://example.invalid/a".into());
    report.language = Some(Language::Fr);
    let event = extraction(|e| {
        e.place = located("TG");
        e.date = dated("2024-04-29");
        e.fatalities = Field::found(3, Span::new(0, 4), 0.9);
    });
    store.ingest(&[Ingested { report: report.clone(), events: vec![event] }], now()).unwrap();

    let detail = store.event("TGO1").unwrap().unwrap();
    assert_eq!(detail.reports, [report.clone()]);
    assert_eq!(detail.event.coding.report_id, "r1");
    assert_eq!(detail.event.sources.len(), 1);
    assert_eq!(detail.event.coding.fatalities.value, 3);
    assert_eq!(detail.history.len(), 1);
    assert_eq!(detail.history[0].change, "created");
    assert_eq!(detail.history[0].timestamp, now());
    assert_eq!(detail.history[0].details["report_ids"][0], "r1");
    assert_eq!(detail.merged_into, None);
    assert_eq!(store.report("r1").unwrap(), Some(report));
    assert_eq!(store.event("TGO2").unwrap(), None);
    assert_eq!(store.report("nope").unwrap(), None);
}

// Queries.

/// A small store with one event per report:
/// TGO1 (2024-01-10, Battles, JNIM vs military, 5 dead, Savanes, "sécurité"),
/// BFA1 (2024-02-15, Protests, protesters, 0 dead, Centre-Nord, "Manifestation"),
/// TGO2 (2024-03-20, VAC attack, unidentified armed group, 12 dead, Maritime),
/// XXX1 (undated, Strategic development, no place).
fn sample_store() -> Store {
    let mut store = memory();
    let actor = |name: &str, inter| Field::inferred(Actor::new(name, inter), 0.8);
    let batch = [
        Ingested {
            report: Report {
                title: Some("Attaque dans les Savanes".into()),
                ..Report::new("r-tg", "La sécurité s'est dégradée après l'attaque du JNIM.")
            },
            events: vec![extraction(|e| {
                e.date = dated("2024-01-10");
                e.place =
                    Some(Field::inferred(place("TG", "Savanes", "Kpendjal", 10.99, 0.63), 0.9));
                e.actor1 = actor("JNIM: Group for Support of Islam and Muslims", Inter::Rebel);
                e.actor2 = Some(actor("Military Forces of Togo (2005-)", Inter::StateForces));
                e.fatalities = Field::inferred(5, 0.9);
            })],
        },
        Ingested {
            report: Report::new("r-bf", "Manifestation à Kaya contre la vie chère."),
            events: vec![extraction(|e| {
                e.date = dated("2024-02-15");
                e.place = Some(Field::inferred(
                    place("BF", "Centre-Nord", "Sanmatenga", 13.09, -1.08),
                    0.9,
                ));
                e.sub_event_type = Field::inferred(SubEventType::PeacefulProtest, 0.9);
                e.actor1 = actor("Protesters (Burkina Faso)", Inter::Protesters);
                e.assoc_actor_1 = vec![actor("Traders (Burkina Faso)", Inter::Civilians)];
            })],
        },
        Ingested {
            report: Report::new("r-tg2", "Twelve villagers killed near Lomé by gunmen."),
            events: vec![extraction(|e| {
                e.date = dated("2024-03-20");
                e.place = Some(Field::inferred(place("TG", "Maritime", "Golfe", 6.13, 1.22), 0.9));
                e.sub_event_type = Field::inferred(SubEventType::Attack, 0.9);
                e.actor2 = Some(actor("Civilians (Togo)", Inter::Civilians));
                e.fatalities = Field::inferred(12, 0.9);
            })],
        },
        Ingested {
            report: Report::new("r-x", "A new armed group announced its formation."),
            events: vec![extraction(|e| {
                e.sub_event_type = Field::inferred(SubEventType::ChangeToGroupActivity, 0.6);
            })],
        },
    ];
    store.ingest(&batch, now()).unwrap();
    store
}

fn check(store: &Store, filter: EventFilter, expected: &[&str]) {
    let found = store.events(&filter).unwrap();
    assert_eq!(ids(&found), expected, "{filter:?}");
    let unlimited = EventFilter { limit: None, offset: 0, ..filter.clone() };
    let count = store.count(&unlimited).unwrap();
    let n_all = store.events(&unlimited).unwrap().len();
    assert_eq!(count, n_all as u64, "count of {filter:?}");
}

fn filter() -> EventFilter {
    EventFilter { sort: Sort::DateAsc, ..EventFilter::default() }
}

#[test]
fn no_filter_finds_all_in_the_chosen_order() {
    let store = sample_store();
    check(&store, filter(), &["XXX1", "TGO1", "BFA1", "TGO2"]);
    check(&store, EventFilter::default(), &["TGO2", "BFA1", "TGO1", "XXX1"]);
    let by_fatalities = EventFilter { sort: Sort::FatalitiesDesc, ..filter() };
    check(&store, by_fatalities, &["TGO2", "TGO1", "BFA1", "XXX1"]);
    check(
        &store,
        EventFilter { sort: Sort::Stored, ..filter() },
        &["XXX1", "TGO2", "BFA1", "TGO1"],
    );
}

#[test]
fn limit_and_offset_page_through() {
    let store = sample_store();
    check(&store, EventFilter { limit: Some(2), ..filter() }, &["XXX1", "TGO1"]);
    check(&store, EventFilter { limit: Some(2), offset: 2, ..filter() }, &["BFA1", "TGO2"]);
    check(&store, EventFilter { offset: 9, ..filter() }, &[]);
}

#[test]
fn filter_by_dates() {
    let store = sample_store();
    check(&store, EventFilter { start: Some(day("2024-02-15")), ..filter() }, &["BFA1", "TGO2"]);
    check(&store, EventFilter { end: Some(day("2024-02-15")), ..filter() }, &["TGO1", "BFA1"]);
    let window =
        EventFilter { start: Some(day("2024-02-01")), end: Some(day("2024-02-28")), ..filter() };
    check(&store, window, &["BFA1"]);
}

#[test]
fn filter_by_country_code_or_name() {
    let store = sample_store();
    for country in ["TG", "tgo", " TGO ", "Country TG", "country tg"] {
        check(&store, EventFilter { country: Some(country.into()), ..filter() }, &["TGO1", "TGO2"]);
    }
    check(&store, EventFilter { country: Some("Mali".into()), ..filter() }, &[]);
}

#[test]
fn filter_by_admin_units() {
    let store = sample_store();
    check(&store, EventFilter { admin1: Some("savanes".into()), ..filter() }, &["TGO1"]);
    check(&store, EventFilter { admin2: Some("Golfe".into()), ..filter() }, &["TGO2"]);
    check(&store, EventFilter { admin1: Some("Savane".into()), ..filter() }, &[]);
}

#[test]
fn filter_by_event_and_sub_event_type() {
    let store = sample_store();
    let battles = EventFilter { event_type: Some(EventType::Battles), ..filter() };
    check(&store, battles, &["TGO1"]);
    let attacks = EventFilter { sub_event_type: Some(SubEventType::Attack), ..filter() };
    check(&store, attacks, &["TGO2"]);
    let vac = EventFilter { event_type: Some(EventType::ViolenceAgainstCivilians), ..filter() };
    check(&store, vac, &["TGO2"]);
}

#[test]
fn filter_by_actor_in_any_role() {
    let store = sample_store();
    let actor = |name: &str| EventFilter { actor: Some(name.into()), ..filter() };
    check(&store, actor("jnim"), &["TGO1"]);
    check(&store, actor("MILITARY FORCES OF TOGO"), &["TGO1"]);
    check(&store, actor("traders"), &["BFA1"]);
    check(&store, actor("unidentified"), &["XXX1", "TGO2"]);
    check(&store, actor("togo"), &["TGO1", "TGO2"]);
    check(&store, actor("%"), &[]);
}

#[test]
fn filter_by_fatalities() {
    let store = sample_store();
    let range = |min, max| EventFilter { min_fatalities: min, max_fatalities: max, ..filter() };
    check(&store, range(Some(5), None), &["TGO1", "TGO2"]);
    check(&store, range(None, Some(5)), &["XXX1", "TGO1", "BFA1"]);
    check(&store, range(Some(1), Some(10)), &["TGO1"]);
}

#[test]
fn filter_by_bounding_box() {
    let store = sample_store();
    let bbox = |text: &str| EventFilter { bbox: Some(text.parse().unwrap()), ..filter() };
    check(&store, bbox("-1,5,2,12"), &["TGO1", "TGO2"]);
    check(&store, bbox("-2,12,0,14"), &["BFA1"]);
    check(&store, bbox("0.5,5,-1.5,12"), &["TGO1", "TGO2"]);
    check(&store, bbox("2,-90,-2,90"), &[]);
    // With a date window the box is tested on the events' own points: same answers.
    for (text, want) in [
        ("-1,5,2,12", &["TGO1", "TGO2"][..]),
        ("-2,12,0,14", &["BFA1"]),
        ("0.5,5,-1.5,12", &["TGO1", "TGO2"]),
        ("2,-90,-2,90", &[]),
    ] {
        let windowed = EventFilter {
            start: Some(day("1900-01-01")),
            end: Some(day("2100-01-01")),
            ..bbox(text)
        };
        check(&store, windowed, want);
    }
    let south_above_north = BBox { west: 0.0, south: 10.0, east: 1.0, north: 5.0 };
    let error = store.events(&EventFilter { bbox: Some(south_above_north), ..filter() });
    assert!(matches!(error, Err(Error::InvalidFilter(_))));
    assert!("1,2,3".parse::<BBox>().is_err());
}

#[test]
fn filters_combine() {
    let store = sample_store();
    let combined = EventFilter {
        country: Some("TG".into()),
        min_fatalities: Some(10),
        text: Some("villagers".into()),
        ..filter()
    };
    check(&store, combined, &["TGO2"]);
}

#[test]
fn text_search_ignores_accents_and_case() {
    let store = sample_store();
    let text = |query: &str| EventFilter { text: Some(query.into()), ..filter() };
    check(&store, text("securite"), &["TGO1"]);
    check(&store, text("SÉCURITÉ"), &["TGO1"]);
    check(&store, text("degradee"), &["TGO1"]);
    check(&store, text("attaque"), &["TGO1"]);
    check(&store, text("Lome"), &["TGO2"]);
    check(&store, text("chere"), &["BFA1"]);
    check(&store, text("manif*"), &["BFA1"]);
    check(&store, text("kaya OR lomé"), &["BFA1", "TGO2"]);
    check(&store, text("\"villagers killed\""), &["TGO2"]);
    check(&store, text("\"killed villagers\""), &[]);
    check(&store, text("l'attaque"), &["TGO1"]);
    check(&store, text("formation group"), &["XXX1"]);
}

#[test]
fn hostile_text_queries_give_results_or_a_clear_error() {
    let store = sample_store();
    let inputs = [
        "\"",
        "AND OR",
        "*",
        "NOT",
        "(",
        ")",
        "a:b",
        "^x",
        "NEAR(a b)",
        "\"\"\"",
        "-x",
        "x AND",
        "OR OR OR",
        "{col}: x",
        "' OR 1=1 --",
        "\u{0}",
        "é*",
        "**",
        "a\"b\"c",
        "kaya*OR",
    ];
    for input in inputs {
        let filter = EventFilter { text: Some(input.into()), ..filter() };
        match store.events(&filter) {
            Ok(_) => {}
            Err(Error::InvalidQuery { query, message }) => {
                assert_eq!(query, input);
                assert!(!message.is_empty());
            }
            Err(other) => panic!("{input:?}: unexpected error {other}"),
        }
        assert_eq!(store.count(&filter).is_ok(), store.events(&filter).is_ok(), "{input:?}");
    }
}

#[test]
fn export_iteration_goes_by_date_then_id_in_pages() {
    let mut store = memory();
    // 2,500 events over 3 pages, stored out of date order, several per day.
    let batch: Vec<Ingested> = (0..2500)
        .map(|i| {
            let date = format!("2024-01-{:02}", 28 - (i % 27));
            item(
                &format!("r{i}"),
                &format!("report number {i}"),
                vec![extraction(|e| {
                    e.date = dated(&date);
                    e.place = located(if i % 2 == 0 { "TG" } else { "BF" });
                })],
            )
        })
        .collect();
    store.ingest(&batch, now()).unwrap();
    store.ingest(&[item("undated", "no date", vec![extraction(|_| {})])], now()).unwrap();

    let all: Vec<tocsin_model::Event> =
        store.iter_events(&EventFilter::default()).unwrap().collect::<Result<_, _>>().unwrap();
    assert_eq!(all.len(), 2501);
    let key = |event: &tocsin_model::Event| {
        let date = event.coding.date.as_ref().map(|date| date.value.date);
        let number: u64 = event.id[3..].parse().unwrap();
        (date.is_some(), date, event.id[..3].to_owned(), number)
    };
    assert!(all.windows(2).all(|pair| key(&pair[0]) < key(&pair[1])), "sorted");
    assert_eq!(all.first().map(|event| event.id.as_str()), Some("XXX1"));

    let tg = EventFilter { country: Some("TG".into()), ..Default::default() };
    assert_eq!(store.iter_events(&tg).unwrap().total(), 1250);
    assert_eq!(store.iter_events(&tg).unwrap().count(), 1250);
    let text = EventFilter { text: Some("number".into()), ..Default::default() };
    assert_eq!(store.iter_events(&text).unwrap().count(), 2500);
    let bad = EventFilter { text: Some("*".into()), ..Default::default() };
    assert!(matches!(store.iter_events(&bad), Err(Error::InvalidQuery { .. })));
    assert_eq!(store.count(&tg).unwrap(), 1250);
}

// The merge seam.

/// Joins an extraction to the first live event with the same actor 1 within a day,
/// recoding it with the new source's place and the higher fatality count.
struct JoinSameActor;

impl crate::Merge for JoinSameActor {
    fn candidates(&self, extraction: &Extraction) -> Option<EventFilter> {
        let date = extraction.date.as_ref()?.value.date;
        Some(EventFilter {
            start: date.pred_opt(),
            end: date.succ_opt(),
            actor: Some(extraction.actor1.value.name.clone()),
            limit: Some(5),
            ..EventFilter::default()
        })
    }

    fn place(
        &mut self,
        extraction: &Extraction,
        candidates: &[tocsin_model::Event],
    ) -> crate::Placement {
        let Some(event) = candidates.first() else { return crate::Placement::New };
        let mut coding = event.coding.clone();
        coding.place = extraction.place.clone();
        coding.fatalities.value = coding.fatalities.value.max(extraction.fatalities.value);
        crate::Placement::Join { event_id: event.id.clone(), coding: Box::new(coding) }
    }
}

fn incident(date: &str, fatalities: u32, lat: f64) -> Extraction {
    extraction(|e| {
        e.date = dated(date);
        e.place = Some(Field::inferred(place("TG", "Savanes", "Kpendjal", lat, 0.5), 0.8));
        e.fatalities = Field::inferred(fatalities, 0.8);
    })
}

#[test]
fn a_merge_policy_adds_sources_to_stored_events() {
    let mut store = memory();
    let first =
        [item("a", "Gunmen attacked Mandouri, two dead.", vec![incident("2024-03-01", 2, 10.0)])];
    assert_eq!(store.ingest_with(&first, now(), &mut JoinSameActor).unwrap().events_created, 1);
    let second = [
        item("b", "Attaque à Mandouri : cinq morts.", vec![incident("2024-03-02", 5, 11.0)]),
        item("c", "Unrelated clash a week later.", vec![incident("2024-03-09", 1, 10.0)]),
    ];
    let stored = store.ingest_with(&second, now(), &mut JoinSameActor).unwrap();
    assert_eq!((stored.events_created, stored.events_joined), (1, 1));

    let detail = store.event("TGO1").unwrap().unwrap();
    assert_eq!(detail.event.doc_ids(), ["a", "b"]);
    assert_eq!(detail.event.coding.fatalities.value, 5);
    assert_eq!(ids_of(&detail.reports), ["a", "b"]);
    let changes: Vec<&str> = detail.history.iter().map(|entry| entry.change.as_str()).collect();
    assert_eq!(changes, ["created", "source_added"]);
    assert_eq!(detail.history[1].details["report_id"], "b");
    assert_eq!(detail.history[1].details["previous_coding"]["fatalities"]["value"], 2);

    // The indexed columns and the R*Tree follow the new coding; text finds either source.
    check(&store, EventFilter { min_fatalities: Some(5), ..filter() }, &["TGO1"]);
    let bbox = |text: &str| EventFilter { bbox: Some(text.parse().unwrap()), ..filter() };
    check(&store, bbox("0,10.5,1,11.5"), &["TGO1"]);
    check(&store, bbox("0,9.5,1,10.5"), &["TGO2"]);
    check(&store, EventFilter { text: Some("cinq morts".into()), ..filter() }, &["TGO1"]);
    assert_eq!(store.totals().unwrap(), Totals { reports: 3, events: 2 });
}

#[test]
fn joining_an_unknown_event_undoes_the_batch() {
    struct JoinNowhere;
    impl crate::Merge for JoinNowhere {
        fn candidates(&self, _: &Extraction) -> Option<EventFilter> {
            None
        }
        fn place(
            &mut self,
            extraction: &Extraction,
            _: &[tocsin_model::Event],
        ) -> crate::Placement {
            crate::Placement::Join {
                event_id: "TGO99".into(),
                coding: Box::new(extraction.clone()),
            }
        }
    }
    let mut store = memory();
    let batch = [item("a", "text", vec![incident("2024-03-01", 2, 10.0)])];
    let error = store.ingest_with(&batch, now(), &mut JoinNowhere).unwrap_err();
    assert!(matches!(&error, Error::UnknownEvent(id) if id == "TGO99"), "{error}");
    assert_eq!(store.totals().unwrap(), Totals::default());
}

// The living dataset: analysts' merges and splits, constraints, change feeds.

/// A merge policy that joins every extraction to the first candidate and recodes an
/// event as its sources' highest fatality figure (enough to see recoding happen).
struct JoinFirst;

impl crate::Merge for JoinFirst {
    fn candidates(&self, _: &Extraction) -> Option<EventFilter> {
        Some(EventFilter::default())
    }
    fn place(
        &mut self,
        extraction: &Extraction,
        candidates: &[tocsin_model::Event],
    ) -> crate::Placement {
        match candidates.first() {
            Some(event) => crate::Placement::Join {
                event_id: event.id.clone(),
                coding: Box::new(event.coding.clone()),
            },
            None => {
                let _ = extraction;
                crate::Placement::New
            }
        }
    }
    fn recode(&self, sources: &[Extraction]) -> Option<Extraction> {
        sources.iter().max_by_key(|source| source.fatalities.value).cloned()
    }
}

fn later() -> DateTime<Utc> {
    now() + chrono::Duration::hours(1)
}

/// Three Togo events from reports a, b, c with 1, 5 and 3 stated fatalities.
fn three_events() -> Store {
    let mut store = memory();
    let batch: Vec<Ingested> = [("a", 1), ("b", 5), ("c", 3)]
        .iter()
        .map(|(id, n)| {
            item(
                id,
                &format!("report {id}"),
                vec![extraction(|e| {
                    e.place = located("TG");
                    e.date = dated("2024-04-01");
                    e.fatalities = Field::found(*n, Span::new(0, 1), 0.9);
                })],
            )
        })
        .collect();
    store.ingest(&batch, now()).unwrap();
    store
}

#[test]
fn merging_events_moves_the_sources_and_retires_the_absorbed_one() {
    let mut store = three_events();
    let merged = store.merge_events_with("TGO1", "TGO2", later(), &JoinFirst).unwrap();
    assert_eq!(merged.doc_ids(), ["a", "b"]);
    assert_eq!(merged.coding.fatalities.value, 5, "recoded from both sources");
    assert_eq!(store.totals().unwrap(), Totals { reports: 3, events: 2 });
    let all = store.events(&EventFilter { sort: Sort::Stored, ..Default::default() }).unwrap();
    assert_eq!(ids(&all), ["TGO3", "TGO1"]);
    let detail = store.event("TGO1").unwrap().unwrap();
    assert_eq!(detail.fatality_range(), Some((1, 5)));
    assert_eq!(detail.history.last().unwrap().change, "merged");
    let gone = store.event("TGO2").unwrap().unwrap();
    assert_eq!(gone.merged_into.as_deref(), Some("TGO1"));
    assert!(gone.event.sources.is_empty());
    // A retired event can be neither merged again nor joined.
    assert!(matches!(store.merge_events("TGO1", "TGO2", later()), Err(Error::UnknownEvent(_))));
    assert!(matches!(store.merge_events("TGO2", "TGO3", later()), Err(Error::UnknownEvent(_))));
    // Merging an event with itself changes nothing.
    assert_eq!(store.merge_events("TGO3", "TGO3", later()).unwrap().doc_ids(), ["c"]);
}

#[test]
fn the_change_feed_reports_upserts_and_deletions_since_a_time() {
    let mut store = three_events();
    assert_eq!(store.changes_since(now()).unwrap(), vec![], "strictly after");
    assert_eq!(store.changes_since(now() - chrono::Duration::seconds(1)).unwrap().len(), 3);
    store.merge_events("TGO1", "TGO2", later()).unwrap();
    let changes = store.changes_since(now()).unwrap();
    let kinds: Vec<(&str, bool)> = changes
        .iter()
        .map(|c| (c.event_id.as_str(), matches!(c.kind, crate::ChangeKind::Deleted { .. })))
        .collect();
    assert_eq!(kinds, [("TGO1", false), ("TGO2", true)]);
    assert!(changes.iter().all(|change| change.at == later()));
    match &changes[0].kind {
        crate::ChangeKind::Upserted(event) => assert_eq!(event.doc_ids(), ["a", "b"]),
        other => panic!("{other:?}"),
    }
}

#[test]
fn splitting_moves_a_report_into_a_new_event_and_keeps_it_apart() {
    let mut store = three_events();
    store.merge_events("TGO1", "TGO2", now()).unwrap();
    let (remaining, created) = store.split_event_with("TGO1", "a", later(), &JoinFirst).unwrap();
    assert_eq!((remaining.doc_ids(), created.doc_ids()), (vec!["b"], vec!["a"]));
    assert_eq!(created.id, "TGO4", "numbers are never reused");
    assert_eq!(remaining.coding.fatalities.value, 5);
    assert_eq!(store.event("TGO1").unwrap().unwrap().event.doc_ids(), ["b"]);
    let history = store.event("TGO1").unwrap().unwrap().history;
    assert_eq!(history.last().unwrap().change, "split");
    assert_eq!(store.totals().unwrap().events, 3);
    assert_eq!(
        store.constraints().unwrap().last(),
        Some(&crate::Constraint::Apart { report_id: "a".into(), event_id: "TGO1".into() })
    );
    // Refused: a report that is not a source, or the only source.
    assert!(matches!(store.split_event("TGO1", "c", later()), Err(Error::InvalidSplit(_))));
    assert!(matches!(store.split_event("TGO1", "b", later()), Err(Error::InvalidSplit(_))));
    let changed: Vec<String> =
        store.changes_since(now()).unwrap().into_iter().map(|c| c.event_id).collect();
    assert_eq!(changed, ["TGO1", "TGO4"]);
}

#[test]
fn ingestion_never_offers_an_event_to_a_report_kept_apart_from_it() {
    let mut store = three_events();
    store.merge_events("TGO1", "TGO2", now()).unwrap();
    store.split_event("TGO1", "a", now()).unwrap();
    // Report `a` comes again with other content (so under a new id) ...
    let apart = crate::living::kept_apart(store.connection(), "a", "TGO1").unwrap();
    assert!(apart);
    // ... and a report id an analyst kept apart is filtered out of the candidates.
    store
        .connection
        .execute(
            "INSERT INTO analyst_constraints (kind, report_id, event_id, created_at)
             VALUES ('apart', 'd', 'TGO4', 'x'), ('apart', 'd', 'TGO3', 'x')",
            [],
        )
        .unwrap();
    let batch = [item("d", "report d", vec![extraction(|e| e.place = located("TG"))])];
    let summary = store.ingest_with(&batch, later(), &mut JoinFirst).unwrap();
    assert_eq!(summary.events_joined, 1);
    assert_eq!(store.event("TGO1").unwrap().unwrap().event.doc_ids(), ["b", "d"]);
}

fn ids_of(reports: &[Report]) -> Vec<&str> {
    reports.iter().map(|report| report.id.as_str()).collect()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// No text a user can type makes FTS5 fail: the query runs or is refused clearly.
    #[test]
    fn any_text_query_runs_or_is_refused_clearly(
        query in r#"[\PC"*():^+\-{}\[\]'.,;!?~\\ ]{0,40}"#,
    ) {
        let store = SAMPLE.with(|store| store.events(&EventFilter { text: Some(query.clone()), ..filter() }).map(|events| events.len()));
        match store {
            Ok(_) | Err(Error::InvalidQuery { .. }) => {}
            Err(other) => proptest::prop_assert!(false, "{query:?}: {other}"),
        }
    }
}

thread_local! {
    /// One sample store per test thread, for property tests.
    static SAMPLE: Store = sample_store();
}

/// A store of varied events for the aggregates: weeks across an ISO year boundary, an
/// undated one, one with no place, actors in several roles, deaths, and one merged away.
fn aggregates_store() -> Store {
    let mut store = memory();
    let actor = |name: &str, inter: Inter| Field::inferred(Actor::new(name, inter), 0.8);
    let jnim = "JNIM: Group for Support of Islam and Muslims";
    let army = "Military Forces of Burkina Faso (2022-)";
    let batch = [
        item(
            "a",
            "a",
            vec![extraction(|e| {
                e.date = dated("2024-12-30");
                e.place = located("BF");
                e.actor1 = actor(jnim, Inter::Rebel);
                e.actor2 = Some(actor(army, Inter::StateForces));
                e.fatalities = Field::inferred(7, 0.8);
            })],
        ),
        item(
            "b",
            "b",
            vec![extraction(|e| {
                e.date = dated("2024-12-29");
                e.place = located("BF");
                e.actor1 = actor(army, Inter::StateForces);
                e.assoc_actor_1 = vec![actor("VDP militia", Inter::IdentityMilitia)];
                e.actor2 = Some(actor(jnim, Inter::PoliticalMilitia));
                e.fatalities = Field::inferred(3, 0.8);
            })],
        ),
        item(
            "c",
            "c",
            vec![extraction(|e| {
                e.date = dated("2024-06-01");
                e.place = Some(Field::inferred(place("TG", "Plateaux", "Ogou", 7.5, 1.1), 0.8));
                e.sub_event_type = Field::inferred(SubEventType::PeacefulProtest, 0.8);
                e.actor1 = actor("Protesters (Togo)", Inter::Protesters);
                e.assoc_actor_1 = vec![actor("Protesters (Togo)", Inter::Protesters)];
            })],
        ),
        item(
            "d",
            "d",
            vec![extraction(|e| {
                e.sub_event_type = Field::inferred(SubEventType::ChangeToGroupActivity, 0.6);
                e.actor1 = actor(jnim, Inter::Rebel);
                e.assoc_actor_2 = vec![actor("VDP militia", Inter::IdentityMilitia)];
                e.fatalities = Field::inferred(1, 0.5);
            })],
        ),
        item(
            "e",
            "e",
            vec![extraction(|e| {
                e.date = dated("2024-06-02");
                e.place = located("TG");
                e.sub_event_type = Field::inferred(SubEventType::Attack, 0.8);
                e.actor1 = actor("Unidentified Armed Group (Togo)", Inter::PoliticalMilitia);
                e.fatalities = Field::inferred(2, 0.8);
            })],
        ),
        item(
            "f",
            "f",
            vec![extraction(|e| {
                e.date = dated("2024-06-03");
                e.place = located("TG");
                e.actor1 = actor("Merged Away Group", Inter::PoliticalMilitia);
                e.fatalities = Field::inferred(100, 0.8);
            })],
        ),
    ];
    store.ingest(&batch, now()).unwrap();
    store.merge_events("TGO2", "TGO3", now()).unwrap();
    store
}

/// Counts of the filter's events by decoding each one: what the aggregates must match.
fn decoded_stats(store: &Store, filter: &EventFilter) -> crate::EventStats {
    use chrono::Datelike;
    use std::collections::BTreeMap;
    let mut stats = crate::EventStats::default();
    let mut weeks = BTreeMap::new();
    let mut areas = BTreeMap::new();
    let mut types = BTreeMap::new();
    for event in store.iter_events(filter).unwrap() {
        let coding = event.unwrap().coding;
        let deaths = u64::from(coding.fatalities.value);
        stats.events += 1;
        stats.fatalities += deaths;
        let bump = |slot: &mut (u64, u64)| {
            slot.0 += 1;
            slot.1 += deaths;
        };
        match &coding.date {
            Some(date) => {
                let week = date.value.date.iso_week();
                bump(weeks.entry((week.year(), week.week())).or_default());
            }
            None => stats.undated += 1,
        }
        let place = coding.place.as_ref().map(|field| &field.value);
        let area = (place.map(|p| p.country.clone()), place.and_then(|p| p.admin1.clone()));
        bump(areas.entry(area).or_default());
        bump(types.entry(coding.event_type().as_str().to_owned()).or_default());
    }
    fn groups<K>(map: BTreeMap<K, (u64, u64)>) -> Vec<crate::GroupCount<K>> {
        map.into_iter()
            .map(|(key, (events, fatalities))| crate::GroupCount { key, events, fatalities })
            .collect()
    }
    stats.by_week = groups(weeks);
    stats.by_area = groups(areas);
    stats.by_event_type = groups(types);
    stats
}

/// Actor counts by decoding each event of the filter.
fn decoded_actor_counts(store: &Store, filter: &EventFilter) -> Vec<crate::ActorStat> {
    let mut counts: Vec<crate::ActorStat> = Vec::new();
    for event in store.iter_events(filter).unwrap() {
        let coding = event.unwrap().coding;
        let deaths = u64::from(coding.fatalities.value);
        let roles = std::iter::once((&coding.actor1, 1))
            .chain(coding.actor2.iter().map(|actor| (actor, 2)))
            .chain(coding.assoc_actor_1.iter().map(|actor| (actor, 0)))
            .chain(coding.assoc_actor_2.iter().map(|actor| (actor, 0)));
        let mut seen: Vec<&str> = Vec::new();
        for (actor, role) in roles {
            let name = actor.value.name.as_str();
            let index = match counts.iter().position(|count| count.name == name) {
                Some(index) => index,
                None => {
                    counts.push(crate::ActorStat {
                        name: name.to_owned(),
                        inter: actor.value.inter,
                        events: 0,
                        as_actor1: 0,
                        as_actor2: 0,
                        fatalities: 0,
                    });
                    counts.len() - 1
                }
            };
            let entry = &mut counts[index];
            if !seen.contains(&name) {
                seen.push(name);
                entry.events += 1;
                entry.fatalities += deaths;
            }
            match role {
                1 => entry.as_actor1 += 1,
                2 => entry.as_actor2 += 1,
                _ => {}
            }
        }
    }
    counts.sort_by(|a, b| b.events.cmp(&a.events).then_with(|| a.name.cmp(&b.name)));
    counts
}

/// The filters the aggregate tests run.
fn aggregate_filters() -> Vec<EventFilter> {
    let all = EventFilter::default();
    vec![
        all.clone(),
        EventFilter { country: Some("BF".into()), ..all.clone() },
        EventFilter { start: Some(day("2024-06-02")), ..all.clone() },
        EventFilter { event_type: Some(EventType::Battles), ..all.clone() },
        EventFilter { actor: Some("jnim".into()), ..all.clone() },
        EventFilter { actors: vec!["VDP".into(), "protesters".into()], ..all.clone() },
        EventFilter { min_fatalities: Some(50), ..all.clone() },
        EventFilter { limit: Some(1), offset: 1, sort: Sort::FatalitiesDesc, ..all },
    ]
}

#[test]
fn stats_in_sql_match_the_decoded_events() {
    let store = aggregates_store();
    for filter in aggregate_filters() {
        assert_eq!(store.stats(&filter).unwrap(), decoded_stats(&store, &filter), "{filter:?}");
    }
    let stats = store.stats(&EventFilter::default()).unwrap();
    assert_eq!((stats.events, stats.fatalities, stats.undated), (5, 13, 1), "TGO3 merged away");
    let weeks: Vec<_> = stats.by_week.iter().map(|week| (week.key, week.events)).collect();
    // 2024-06-01 and 06-02 are the Saturday and Sunday of 2024-W22; 2024-12-29 is a
    // Sunday of 2024-W52 and 2024-12-30 the Monday of 2025-W01.
    assert_eq!(weeks, [((2024, 22), 2), ((2024, 52), 1), ((2025, 1), 1)]);
    let first_area = stats.by_area.first().map(|area| (area.key.clone(), area.events));
    assert_eq!(first_area, Some(((None, None), 1)), "the event with no place comes first");
    let types: Vec<_> =
        stats.by_event_type.iter().map(|count| (count.key.as_str(), count.events)).collect();
    assert_eq!(
        types,
        [
            ("Battles", 2),
            ("Protests", 1),
            ("Strategic developments", 1),
            ("Violence against civilians", 1)
        ]
    );
}

#[test]
fn actor_counts_match_the_decoded_events() {
    let store = aggregates_store();
    for filter in aggregate_filters() {
        let counts = store.actor_counts(&filter).unwrap();
        assert_eq!(counts, decoded_actor_counts(&store, &filter), "{filter:?}");
    }
    let counts = store.actor_counts(&EventFilter::default()).unwrap();
    let check = |name: &str, expected: (Inter, u64, u64, u64, u64)| {
        let found = counts.iter().find(|count| count.name.starts_with(name)).unwrap();
        let got = (found.inter, found.events, found.as_actor1, found.as_actor2, found.fatalities);
        assert_eq!(got, expected, "{name}");
    };
    // The undated event counts as the earliest, so its inter code is kept.
    check("JNIM", (Inter::Rebel, 3, 2, 1, 11));
    check("Military Forces", (Inter::StateForces, 2, 1, 1, 10));
    check("VDP", (Inter::IdentityMilitia, 2, 0, 0, 4));
    check("Protesters", (Inter::Protesters, 1, 1, 0, 0));
    assert!(counts.iter().all(|count| count.name != "Merged Away Group"));
    assert_eq!(counts.first().map(|count| count.events), Some(3), "most events first");
}

#[test]
fn the_actors_filter_matches_any_of_its_names() {
    let store = aggregates_store();
    let check = |actors: &[&str], actor: Option<&str>, expected: &[&str]| {
        let filter = EventFilter {
            actors: actors.iter().map(|name| (*name).to_owned()).collect(),
            actor: actor.map(str::to_owned),
            sort: Sort::DateAsc,
            ..EventFilter::default()
        };
        assert_eq!(ids(&store.events(&filter).unwrap()), expected, "{actors:?} {actor:?}");
        assert_eq!(store.count(&filter).unwrap(), expected.len() as u64);
    };
    check(&[], None, &["XXX1", "TGO1", "TGO2", "BFA2", "BFA1"]);
    check(&["vdp"], None, &["XXX1", "BFA2"]);
    check(&["VDP", "PROTESTERS (togo)"], None, &["XXX1", "TGO1", "BFA2"]);
    check(&["VDP", "Protesters"], Some("army"), &[]);
    check(&["VDP", "Protesters"], Some("military"), &["BFA2"]);
    check(&["nobody"], None, &[]);
    check(&["militia\njnim"], None, &[]);
}
