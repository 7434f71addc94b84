//! A living dataset: merging on ingest, analysts' merges and splits, changes since a time.

use serde_json::Value;

use crate::util::{article, Env};

/// Two outlets' reports of one attack, in different words and spellings.
fn two_outlets(env: &Env) -> String {
    let first = article(
        "wire-a",
        "On 20 July 2024, JNIM militants attacked a Togolese army post in Kpinkankandi, \
         Kpendjal prefecture, killing 12 soldiers.",
    );
    let second = article(
        "wire-b",
        "Fighters of the Group for Support of Islam and Muslims stormed a military post at \
         Kpinkankandi (Kpendjal, Savanes) on 20 July 2024; at least 10 soldiers died.",
    );
    env.write("reports.jsonl", format!("{first}\n{second}\n")).display().to_string()
}

fn events(env: &Env) -> Vec<Value> {
    env.run(&["export", "--format", "jsonl"]).success().jsonl()
}

fn doc_ids(event: &Value) -> Vec<String> {
    let ids = event["doc_ids"].as_array().cloned().unwrap_or_default();
    let mut ids: Vec<String> = ids.iter().filter_map(|id| id.as_str().map(str::to_owned)).collect();
    ids.sort();
    ids
}

#[test]
fn reports_of_one_incident_become_one_event_with_both_sources() {
    let env = Env::new();
    let input = two_outlets(&env);
    env.run(&["ingest", &input]).success().stdout_has("1 merged");
    let stored = events(&env);
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert_eq!(doc_ids(&stored[0]), ["wire-a", "wire-b"]);
    assert_eq!(stored[0]["fatalities"], 10, "the lowest stated figure");
}

#[test]
fn no_merge_keeps_every_extraction_apart() {
    let env = Env::new();
    let input = two_outlets(&env);
    env.run(&["ingest", "--no-merge", &input]).success();
    assert_eq!(events(&env).len(), 2);
}

#[test]
fn an_analysts_split_survives_reingest_and_a_merge_is_reported_as_a_deletion() {
    let env = Env::new();
    let input = two_outlets(&env);
    env.run(&["ingest", &input]).success();
    let merged = events(&env);
    let id = merged[0]["event_id_cnty"].as_str().expect("stored events have ids").to_owned();

    env.run(&["events", "split", &id, "wire-b"]).success().stdout_has("now stands alone");
    env.run(&["ingest", &input]).success().stdout_has("0 new");
    let split = events(&env);
    assert_eq!(split.len(), 2, "the split holds after re-ingest: {split:?}");
    let other = split
        .iter()
        .filter_map(|event| event["event_id_cnty"].as_str())
        .find(|other| *other != id)
        .expect("a second event")
        .to_owned();

    let before_merge = chrono::Utc::now() - chrono::Duration::seconds(1);
    env.run(&["events", "merge", &id, &other]).success().stdout_has("rests on 2 reports");
    assert_eq!(events(&env).len(), 1);
    let since = before_merge.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let changes = env.run(&["export", "--format", "jsonl", "--since", &since]).success().jsonl();
    assert!(
        changes.iter().any(|c| c["event_id_cnty"] == other.as_str() && c["deleted"] == true),
        "{changes:?}"
    );
    assert!(changes.iter().any(|c| c["event_id_cnty"] == id.as_str() && c["deleted"].is_null()));
    env.run(&["show", &id, "--history"]).success().stdout_has("split").stdout_has("merged");
}

#[test]
fn since_refuses_filters() {
    let env = Env::new();
    let input = two_outlets(&env);
    env.run(&["ingest", &input]).success();
    env.run(&["export", "--since", "2026-01-01T00:00:00Z", "--country", "Togo"])
        .failure()
        .stderr_has("takes no filter");
}
