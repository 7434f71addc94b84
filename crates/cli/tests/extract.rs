//! `tocsin extract`: formats, inputs and field names.

use crate::util::{article, samples_arg, Env, ACLED_COLUMNS, PREDICTION_FIELDS};

const TOGO: &str = "Several hundred JNIM fighters attacked a Togolese army post near Mandouri, \
in the Kpendjal prefecture, on Saturday, killing 12 soldiers.";

#[test]
fn jsonl_rows_have_the_scorer_field_names() {
    let env = Env::new();
    let input = env.write("articles.jsonl", format!("{}\n", article("tg-1", TOGO)));
    let run = env.run(&["extract", input.to_str().unwrap_or_default()]).success();
    for row in run.jsonl() {
        for field in PREDICTION_FIELDS {
            assert!(row.get(field).is_some(), "missing {field} in {row}");
        }
        assert_eq!(row["doc_ids"], serde_json::json!(["tg-1"]));
        assert!(row["assoc_actor_1"].is_array());
        for evidence in row["evidence"].as_array().into_iter().flatten() {
            for key in ["field", "doc_id", "start", "end", "text", "confidence"] {
                assert!(evidence.get(key).is_some(), "evidence lacks {key}: {evidence}");
            }
        }
    }
    assert!(run.stderr.contains("1 reports"), "summary on stderr: {}", run.stderr);
}

#[test]
fn reads_standard_input_when_no_input_is_given() {
    let env = Env::new();
    let stdin = format!("{}\n{}\n", article("a", TOGO), article("b", "Nothing happened."));
    env.run_stdin(&["extract"], stdin.as_bytes()).success().stderr_has("2 reports");
    env.run_stdin(&["extract", "-"], stdin.as_bytes()).success().stderr_has("2 reports");
}

#[test]
fn quiet_prints_no_summary() {
    let env = Env::new();
    let stdin = format!("{}\n", article("a", TOGO));
    let run = env.run_stdin(&["--quiet", "extract"], stdin.as_bytes()).success();
    assert_eq!(run.stderr, "");
}

#[test]
fn csv_output_has_acled_columns() {
    let env = Env::new();
    let run = env.run(&["extract", &samples_arg(), "--format", "acled-csv"]).success();
    let header = run.stdout.lines().next().unwrap_or_default();
    assert_eq!(header, ACLED_COLUMNS.join(","));
    let mut reader = csv::Reader::from_reader(run.stdout.as_bytes());
    for record in reader.records() {
        let record = record.expect("every CSV record parses");
        assert_eq!(record.len(), ACLED_COLUMNS.len());
    }
    // The alias `csv` is accepted too.
    env.run(&["extract", &samples_arg(), "-f", "csv"]).success();
}

#[test]
fn geojson_output_is_a_feature_collection() {
    let env = Env::new();
    let run = env.run(&["extract", &samples_arg(), "--format", "geojson"]).success();
    let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid GeoJSON");
    assert_eq!(value["type"], "FeatureCollection");
    for feature in value["features"].as_array().expect("a features array") {
        assert_eq!(feature["type"], "Feature");
        assert!(feature["properties"]["event_type"].is_string());
    }
}

#[test]
fn every_sample_is_read() {
    let env = Env::new();
    let run = env.run(&["extract", &samples_arg()]).success();
    assert!(run.stderr.contains("11 reports"), "{}", run.stderr);
    assert!(!run.stderr.contains("error"), "{}", run.stderr);
}

#[test]
fn two_runs_give_the_same_bytes() {
    let env = Env::new();
    let samples = samples_arg();
    let runs: Vec<String> = (0..2)
        .map(|_| env.run(&["extract", samples.as_str(), "--format", "jsonl"]).success().stdout)
        .collect();
    assert!(runs[0].lines().count() >= 5, "the samples give events: {}", runs[0]);
    assert_eq!(runs[0], runs[1], "extraction is deterministic across processes");
}

#[test]
fn explain_says_why_a_report_gave_no_event() {
    let env = Env::new();
    let stdin = format!(
        "{}\n{}\n{}\n",
        article("tg-1", TOGO),
        article("q-1", "Will the rebels attack the town of Dori before the rains?"),
        article("n-1", "Analysts expect inflation to slow next year."),
    );
    let run = env.run_stdin(&["extract", "--explain"], stdin.as_bytes()).success();
    assert_eq!(run.jsonl().len(), 1, "{}", run.stdout);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("q-1: \"Will the rebels attack")),
        "the skipped question is quoted: {}",
        run.stderr
    );
    assert!(
        lines.iter().any(|l| *l == format!("n-1: {}", tocsin_extract::NOTHING_TOLD)),
        "{}",
        run.stderr
    );
    // Without the flag, only the summary.
    let plain = env.run_stdin(&["extract"], stdin.as_bytes()).success();
    assert!(!plain.stderr.contains("n-1:"), "{}", plain.stderr);
}

#[test]
fn a_desk_country_places_reports_that_name_no_place() {
    let env = Env::new();
    let stdin = format!("{}\n", article("s-1", "Nurses went on strike over unpaid bonuses."));
    let country = |desk: &str| {
        let run = env.run_stdin(&["extract", "--desk-country", desk], stdin.as_bytes()).success();
        let events = run.jsonl();
        assert_eq!(events.len(), 1, "{}", run.stdout);
        (events[0]["country"].as_str().map(String::from), events[0]["actor1"].clone())
    };
    let (placed, actor) = country("BFA");
    assert_eq!(placed.as_deref(), Some("Burkina Faso"));
    assert_eq!(actor, "Protesters (Burkina Faso)");
    assert_eq!(country("none").0, None);
    // One report is no run with a country of its own.
    assert_eq!(country("auto").0, None);
    // A run from one country's press is.
    let towns = ["Dori", "Djibo", "Kaya", "Fada N'Gourma", "Gorom-Gorom", "Titao"];
    let mut stdin = String::new();
    for (i, town) in towns.iter().cycle().take(12).enumerate() {
        let text = format!("Gunmen killed {} herders near {town}.", i + 2);
        stdin.push_str(&format!("{}\n", article(&format!("t-{i}"), &text)));
    }
    stdin.push_str(&format!("{}\n", article("s-1", "Nurses went on strike over unpaid bonuses.")));
    let run = env.run_stdin(&["extract"], stdin.as_bytes()).success();
    let events = run.jsonl();
    let last = events.last().map(|e| (e["actor1"].clone(), e["country"].clone()));
    assert_eq!(last, Some(("Protesters (Burkina Faso)".into(), "Burkina Faso".into())));
    assert!(
        run.stderr.contains("1 report naming no place coded to Burkina Faso, where"),
        "{}",
        run.stderr
    );
}
