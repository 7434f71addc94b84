//! `tocsin events`, `export` and `show` over a stored database.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::util::{samples_arg, Env, ACLED_COLUMNS, PREDICTION_FIELDS};

fn ingested() -> Env {
    let env = Env::new();
    env.run(&["ingest", &samples_arg()]).success();
    env
}

#[test]
fn events_prints_a_table() {
    let env = ingested();
    let run = env.run(&["events"]).success();
    let first = run.stdout.lines().next().unwrap_or_default();
    assert!(first.starts_with("ID") || first == "no events match", "{}", run.stdout);
}

#[test]
fn events_as_jsonl_carry_ids_and_scorer_fields() {
    let env = ingested();
    let run = env.run(&["events", "--format", "jsonl", "--limit", "5"]).success();
    let rows = run.jsonl();
    assert!(rows.len() <= 5);
    for row in rows {
        assert!(row["event_id_cnty"].is_string(), "{row}");
        for field in PREDICTION_FIELDS {
            assert!(row.get(field).is_some(), "missing {field}");
        }
    }
}

#[test]
fn filters_are_accepted() {
    let env = ingested();
    for args in [
        vec!["events", "--from", "2024-01-01", "--to", "2024-12-31"],
        vec!["events", "--country", "Togo", "--admin1", "Savanes"],
        vec!["events", "--type", "Battles", "--actor", "JNIM"],
        vec!["events", "--type", "Armed clash"],
        vec!["events", "--search", "army post"],
        vec!["export", "--format", "jsonl", "--country", "TG", "--limit", "1"],
    ] {
        env.run(&args).success();
    }
}

#[test]
fn a_filter_excluding_everything_prints_nothing() {
    let env = ingested();
    env.run(&["events", "--from", "1990-01-01", "--to", "1990-12-31"])
        .success()
        .stdout_has("no events match");
    let run = env.run(&["export", "--format", "jsonl", "--country", "Iceland"]).success();
    assert_eq!(run.stdout, "");
}

#[test]
fn export_csv_has_acled_header_and_parses() {
    let env = ingested();
    let run = env.run(&["export", "--format", "acled-csv"]).success();
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    let header: Vec<String> =
        reader.headers().expect("a header").iter().map(str::to_owned).collect();
    assert_eq!(header, ACLED_COLUMNS);
    for record in reader.records() {
        let record = record.expect("a valid record");
        assert!(!record.get(0).unwrap_or_default().is_empty(), "every row has an id");
    }
}

#[test]
fn export_geojson_is_a_feature_collection() {
    let env = ingested();
    let output = env.path("events.geojson");
    env.run(&["export", "--format", "geojson", "--output", output.to_str().unwrap_or_default()])
        .success();
    let text = std::fs::read_to_string(&output).expect("the output file");
    let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(value["type"], "FeatureCollection");
    assert!(value["features"].is_array());
}

#[test]
fn export_jsonl_parses() {
    let env = ingested();
    let run = env.run(&["export", "--format", "jsonl"]).success();
    for row in run.jsonl() {
        assert!(row["doc_ids"].as_array().is_some_and(|ids| !ids.is_empty()), "{row}");
    }
}

#[test]
fn show_prints_fields_evidence_and_sources() {
    let env = ingested();
    let rows = env.run(&["export", "--format", "jsonl"]).success().jsonl();
    for row in rows {
        let id = row["event_id_cnty"].as_str().expect("an id");
        let run = env.run(&["show", id]).success();
        assert!(run.stdout.starts_with(&format!("Event {id}:")), "{}", run.stdout);
        for label in ["date", "actor 1", "location", "fatalities", "Sources ("] {
            assert!(run.stdout.contains(label), "show lacks {label}: {}", run.stdout);
        }
        let doc_id = row["doc_ids"][0].as_str().unwrap_or_default();
        assert!(run.stdout.contains(doc_id), "show names its source: {}", run.stdout);
    }
}

#[test]
fn show_an_unknown_id_fails_with_a_hint() {
    let env = ingested();
    env.run(&["show", "NOPE999"]).failure().stderr_has("tocsin events");
}

#[test]
fn queries_without_a_database_fail_with_a_hint() {
    let env = Env::new();
    for command in [&["events"][..], &["export"][..], &["show", "TGO1"][..]] {
        env.run(command).failure().stderr_has("tocsin ingest");
    }
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = Env::new();
    // 400 event reports give more output than a pipe buffers (64 KiB) in every format.
    let articles: String = (0..400)
        .map(|n| {
            crate::util::article(
                &format!("p{n}"),
                "Several hundred JNIM fighters attacked an army post near Mandouri on Saturday, \
                 killing 12 soldiers, officials said.",
            ) + "\n"
        })
        .collect();
    let input = env.write("many.jsonl", articles);
    for format in ["jsonl", "geojson", "acled-csv"] {
        let mut child = env
            .command()
            .args(["extract", input.to_str().unwrap_or_default(), "--format", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .stdin(Stdio::null())
            .spawn()
            .expect("running tocsin");
        let stdout = child.stdout.take().expect("piped stdout");
        let mut first = String::new();
        let _ = BufReader::new(stdout).read_line(&mut first);
        // The reader is dropped here: the pipe closes after one line.
        let output = child.wait_with_output().expect("waiting for tocsin");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{format}: {stderr}");
        assert!(!stderr.contains("error"), "{format}: {stderr}");
    }
}

#[test]
fn with_subgroups_resolves_an_alias_through_the_knowledge_base() {
    let env = Env::new();
    let report = crate::util::article(
        "katiba",
        "On 20 July 2024, fighters of Katiba Macina attacked an army post in Djibo, Soum province, \
         Burkina Faso, killing four soldiers.",
    );
    let input = env.write("katiba.jsonl", format!("{report}\n")).display().to_string();
    env.run(&["ingest", &input]).success();
    // "GSIM" is nowhere in the stored names; JNIM's family (Katiba Macina among it) is.
    let plain = env.run(&["events", "--actor", "GSIM", "--format", "jsonl"]).success().jsonl();
    assert!(plain.is_empty(), "{plain:?}");
    let family = env
        .run(&["events", "--actor", "GSIM", "--with-subgroups", "--format", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(family.len(), 1, "{family:?}");
    env.run(&["events", "--with-subgroups"]).failure().stderr_has("--actor");
}
