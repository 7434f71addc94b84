//! Merging measured end to end: the real binary ingests a corpus of reports of the same
//! incidents (different outlets, wordings, spellings, English and French) and near misses
//! that must stay apart; pairwise precision and recall against a gold file.
//!
//! The corpus (`tests/fixtures/merge/reports.jsonl`, fictional reports written for this
//! test) and its gold (`gold.tsv`: report id, incident id) are described in
//! `tests/fixtures/merge/README.md`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/merge")
}

/// Runs `tocsin --db DB ARGS...` and returns its standard output; fails the test on a
/// non-zero exit.
fn tocsin(db: &Path, args: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_tocsin"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("running tocsin");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "tocsin {args:?} failed: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

/// The report ids of each exported event, in export order.
fn exported_groups(db: &Path) -> Vec<Vec<String>> {
    let jsonl = tocsin(db, &["export", "--format", "jsonl"]);
    jsonl
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let row: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let ids = row["doc_ids"].as_array().expect("doc_ids");
            ids.iter().map(|id| id.as_str().expect("a string id").to_owned()).collect()
        })
        .collect()
}

/// Report id -> incident id.
fn gold() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(fixtures().join("gold.tsv")).expect("gold.tsv");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .map(|(report, incident)| (report.to_owned(), incident.trim().to_owned()))
        .collect()
}

/// Unordered pairs of reports that share a group.
fn pairs(groups: impl IntoIterator<Item = Vec<String>>) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for mut group in groups {
        group.sort();
        group.dedup();
        for (i, a) in group.iter().enumerate() {
            for b in group.iter().skip(i + 1) {
                out.insert((a.clone(), b.clone()));
            }
        }
    }
    out
}

/// Pairwise precision and recall of `predicted` against the gold incidents.
fn precision_recall(predicted: &[Vec<String>]) -> (f64, f64, BTreeSet<(String, String)>) {
    let mut incidents: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (report, incident) in gold() {
        incidents.entry(incident).or_default().push(report);
    }
    let want = pairs(incidents.into_values());
    let got = pairs(predicted.iter().cloned());
    let right = got.intersection(&want).count() as f64;
    let precision = if got.is_empty() { 1.0 } else { right / got.len() as f64 };
    let recall = if want.is_empty() { 1.0 } else { right / want.len() as f64 };
    let wrong = got.difference(&want).cloned().collect();
    (precision, recall, wrong)
}

#[test]
fn merging_the_corpus_reaches_its_precision_and_recall_floors() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("tocsin.db");
    let reports = fixtures().join("reports.jsonl");
    tocsin(&db, &["ingest", reports.to_str().expect("a UTF-8 path")]);
    let groups = exported_groups(&db);
    let (precision, recall, wrong) = precision_recall(&groups);
    println!("merge corpus: pairwise precision {precision:.3}, recall {recall:.3}");
    println!("wrongly merged pairs: {wrong:?}");
    for group in &groups {
        println!("  event: {group:?}");
    }
    // Measured: precision 0.846 (11/13), recall 0.550 (11/20); the misses and the two
    // wrong pairs come from extraction (see the fixture README), so the floors leave room
    // for extraction to change.
    assert!(precision >= 0.8, "precision {precision:.3}");
    assert!(recall >= 0.5, "recall {recall:.3}");
    // Every report of the corpus is the source of at least one event.
    let sourced: BTreeSet<&String> = groups.iter().flatten().collect();
    assert_eq!(sourced.len(), gold().len(), "{groups:?}");
}

#[test]
fn the_grouping_does_not_depend_on_report_order() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let text = std::fs::read_to_string(fixtures().join("reports.jsonl")).expect("reports");
    let mut lines: Vec<&str> = text.lines().collect();
    lines.reverse();
    let reversed = dir.path().join("reversed.jsonl");
    std::fs::write(&reversed, lines.join("\n") + "\n").expect("writing the reversed corpus");
    let normalised = |db: &Path, input: &Path| -> BTreeSet<Vec<String>> {
        tocsin(db, &["ingest", input.to_str().expect("a UTF-8 path")]);
        exported_groups(db)
            .into_iter()
            .map(|mut group| {
                group.sort();
                group
            })
            .collect()
    };
    let forward = normalised(&dir.path().join("a.db"), &fixtures().join("reports.jsonl"));
    let backward = normalised(&dir.path().join("b.db"), &reversed);
    assert_eq!(forward, backward);
}

#[test]
fn ingesting_the_same_folder_twice_changes_nothing() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let db = dir.path().join("tocsin.db");
    let folder = fixtures();
    let folder = folder.to_str().expect("a UTF-8 path");
    tocsin(&db, &["ingest", folder]);
    let first = tocsin(&db, &["export", "--format", "jsonl"]);
    let again = tocsin(&db, &["ingest", folder]);
    assert!(again.contains(" 0 new"), "{again}");
    assert!(again.contains("0 events created, 0 merged"), "{again}");
    assert_eq!(tocsin(&db, &["export", "--format", "jsonl"]), first);
}
