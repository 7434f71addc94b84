//! What the sample reports yield: assertions about event content, through the binary.

use serde_json::Value;

use crate::util::{samples, samples_arg, Env};

fn extract(name: &str) -> Vec<Value> {
    let path = samples().join(name);
    Env::new().run(&["extract", path.to_str().unwrap_or_default()]).success().jsonl()
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn top(rows: &[Value]) -> Option<&Value> {
    rows.iter().max_by(|a, b| {
        let confidence = |row: &Value| row["confidence"].as_f64().unwrap_or(0.0);
        confidence(a).total_cmp(&confidence(b))
    })
}

#[test]
fn the_togo_report_yields_a_battle_in_togo() {
    let rows = extract("togo-savanes-observer.txt");
    let event = top(&rows).expect("an event");
    assert_eq!(event["event_type"], "Battles", "{event}");
    assert_eq!(event["country"], "Togo", "{event}");
    assert_eq!(event["doc_ids"], serde_json::json!(["togo-savanes-observer"]));
    let actors = format!("{} {}", event["actor1"], event["actor2"]);
    assert!(actors.contains("JNIM"), "{actors}");
}

#[test]
fn both_togo_reports_name_the_same_pair_so_that_they_merge() {
    // The Herald names JNIM in full and Ansaroul Islam among the attackers: JNIM leads.
    for name in ["togo-savanes-observer.txt", "togo-gulf-herald.html"] {
        let rows = extract(name);
        let event = top(&rows).expect("an event");
        assert_eq!(event["actor1"], "JNIM: Group for Support of Islam and Muslims", "{name}");
        assert_eq!(event["actor2"], "Military Forces of Togo (2005-)", "{name}");
        assert_eq!(event["sub_event_type"], "Armed clash", "{name}");
        assert_eq!(event["event_date"], "2024-07-20", "{name}");
        assert_eq!(event["admin2"], "Kpendjal", "{name}");
    }
}

#[test]
fn evidence_quotes_the_report_text() {
    let text =
        std::fs::read_to_string(samples().join("togo-savanes-observer.txt")).expect("the sample");
    let body = one_line(&text);
    for row in extract("togo-savanes-observer.txt") {
        for evidence in row["evidence"].as_array().into_iter().flatten() {
            if let Some(quote) = evidence["text"].as_str() {
                let quote = one_line(quote);
                assert!(body.contains(&quote), "quote not in the report: {quote:?}");
            }
        }
    }
}

#[test]
fn french_reports_yield_their_events() {
    let rows = extract("rapports.csv");
    let ied = rows.iter().find(|row| row["doc_ids"][0] == "rapport-bf-engin-explosif");
    let ied = ied.expect("an event from the IED report");
    assert_eq!(ied["sub_event_type"], "Remote explosive/landmine/IED", "{ied}");
    assert_eq!(ied["country"], "Burkina Faso", "{ied}");

    let rows = extract("flux-sahel.xml");
    let abduction = rows.iter().find(|row| row["country"] == "Niger").expect("the Niger event");
    assert_eq!(abduction["sub_event_type"], "Abduction/forced disappearance", "{abduction}");
}

#[test]
fn stored_events_filter_show_and_export() {
    let env = Env::new();
    env.run(&["ingest", &samples_arg()]).success();

    let togo = env.run(&["events", "--country", "Togo", "--format", "jsonl"]).success().jsonl();
    assert!(!togo.is_empty(), "no event in Togo");
    assert!(togo.iter().all(|row| row["country"] == "Togo"));
    let battles = env.run(&["events", "--type", "Battles", "--format", "jsonl"]).success().jsonl();
    assert!(battles.iter().all(|row| row["event_type"] == "Battles"));
    let jnim = env.run(&["events", "--actor", "jnim", "--format", "jsonl"]).success().jsonl();
    assert!(!jnim.is_empty(), "no JNIM event");
    let found = env.run(&["events", "--search", "Mandouri", "--format", "jsonl"]).success().jsonl();
    assert!(!found.is_empty(), "full-text search found nothing");

    let battle = togo.iter().find(|row| row["event_type"] == "Battles").expect("a battle in Togo");
    let id = battle["event_id_cnty"].as_str().expect("an id");
    assert!(id.starts_with("TGO"), "{id}");
    let shown = env.run(&["show", id]).success();
    assert!(shown.stdout.contains("Armed clash") || shown.stdout.contains("Battles"));
    assert!(shown.stdout.contains('"'), "show quotes evidence: {}", shown.stdout);

    let csv = env.run(&["export", "--format", "acled-csv", "--country", "TG"]).success();
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let headers = reader.headers().expect("a header").clone();
    let column = |name: &str| headers.iter().position(|h| h == name).expect(name);
    for record in reader.records() {
        let record = record.expect("a record");
        assert_eq!(record.get(column("iso")), Some("768"));
        assert_eq!(record.get(column("region")), Some("Western Africa"));
        assert!(!record.get(column("timestamp")).unwrap_or_default().is_empty());
        assert!(!record.get(column("source")).unwrap_or_default().is_empty());
        assert!(!record.get(column("notes")).unwrap_or_default().is_empty());
    }

    let geojson = env.run(&["export", "--format", "geojson", "--country", "Togo"]).success();
    let value: Value = serde_json::from_str(&geojson.stdout).expect("GeoJSON");
    let feature = &value["features"][0];
    assert_eq!(feature["geometry"]["type"], "Point", "{feature}");
    let longitude = feature["geometry"]["coordinates"][0].as_f64().unwrap_or_default();
    let latitude = feature["geometry"]["coordinates"][1].as_f64().unwrap_or_default();
    assert!((-0.2..1.9).contains(&longitude) && (6.0..11.2).contains(&latitude), "{feature}");
}

#[test]
fn two_outlets_reporting_one_attack_make_one_event_citing_both() {
    let env = Env::new();
    let report = |id: &str, outlet: &str, text: &str| {
        serde_json::json!({"id": id, "source": outlet, "published": "2024-07-21",
            "language": "en", "text": text})
        .to_string()
    };
    let input = env.write(
        "two.jsonl",
        [
            report(
                "wire-a",
                "Wire A",
                "DAPAONG, 21 July 2024 - Several hundred JNIM fighters attacked a Togolese army \
                 post near Mandouri on 20 July 2024, killing 12 soldiers, security sources said.",
            ),
            report(
                "wire-b",
                "Wire B",
                "LOME, 21 July 2024 - Fighters of the Group for Support of Islam and Muslims, \
                 with members of Ansaroul Islam, attacked a military post of the Togolese army \
                 near Mandouri on 20 July 2024. At least ten soldiers were killed.",
            ),
        ]
        .join("\n"),
    );
    env.run(&["ingest", input.to_str().unwrap_or_default()])
        .success()
        .stdout_has("1 events created, 1 merged");
    let rows = env.run(&["export", "--format", "jsonl"]).success().jsonl();
    assert_eq!(rows.len(), 1, "{rows:?}");
    let event = &rows[0];
    assert_eq!(event["doc_ids"], serde_json::json!(["wire-a", "wire-b"]));
    assert_eq!(event["source"], serde_json::json!(["Wire A", "Wire B"]));
    assert_eq!(event["event_type"], "Battles");
    let id = event["event_id_cnty"].as_str().expect("an id");
    let shown = env.run(&["show", id]).success();
    assert!(shown.stdout.contains("Sources (2)"), "{}", shown.stdout);
    assert!(shown.stdout.contains("[wire-a") && shown.stdout.contains("[wire-b"));
}
