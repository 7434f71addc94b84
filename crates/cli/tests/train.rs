//! `tocsin train`: fitting the event-type model on an export and using it.

use crate::util::{article, Env};

const HEADER: &str = "event_id_cnty,event_date,event_type,sub_event_type,country,notes\n";

/// An export teaching that marches "with banners of the Blue Union" met the police:
/// wording the shipped rules read as a peaceful protest.
fn export() -> String {
    let mut csv = HEADER.to_string();
    for i in 0..150 {
        let town = ["Kara", "Sokode", "Dapaong"][i % 3];
        csv.push_str(&format!(
            "TGO{i},2024-05-0{d},Protests,Protest with intervention,Togo,\"On {d} May 2024, \
             traders marched in {town} with banners of the Blue Union.\"\n",
            d = 1 + i % 9
        ));
        csv.push_str(&format!(
            "TGP{i},2024-06-0{d},Protests,Peaceful protest,Togo,\"On {d} June 2024, \
             teachers marched in {town} over unpaid salaries.\"\n",
            d = 1 + i % 9
        ));
    }
    csv
}

fn sub_event_type(env: &Env, data_dir: &str) -> String {
    let report =
        article("r1", "On 20 July 2024, farmers marched in Kara with banners of the Blue Union.");
    let input = env.write("report.jsonl", format!("{report}\n"));
    let run =
        env.run(&["--data-dir", data_dir, "extract", input.to_str().unwrap_or_default()]).success();
    let rows = run.jsonl();
    assert_eq!(rows.len(), 1, "one event: {}", run.stdout);
    rows[0]["sub_event_type"].as_str().unwrap_or_default().to_string()
}

#[test]
fn a_trained_model_replaces_the_shipped_one() {
    let env = Env::new();
    let file = env.write("export.csv", export());
    let mine = env.path("mine");
    let mine = mine.to_str().unwrap_or_default();
    let fresh = env.path("fresh");
    assert_eq!(sub_event_type(&env, fresh.to_str().unwrap_or_default()), "Peaceful protest");

    env.run(&["--data-dir", mine, "train", file.to_str().unwrap_or_default(), "--folds", "3"])
        .success()
        .stdout_has("300 rows to learn from")
        .stdout_has("3-fold cross-validation")
        .stdout_has("Protest with intervention");
    assert!(env.path("mine/model/event-types.bin").exists());
    assert_eq!(sub_event_type(&env, mine), "Protest with intervention");
}

#[test]
fn training_is_reproducible() {
    let env = Env::new();
    let file = env.write("export.csv", export());
    let file = file.to_str().unwrap_or_default();
    for name in ["a.bin", "b.bin"] {
        let output = env.path(name);
        env.run(&["train", file, "--output", output.to_str().unwrap_or_default()]).success();
    }
    let a = std::fs::read(env.path("a.bin")).unwrap_or_default();
    assert!(!a.is_empty());
    assert_eq!(a, std::fs::read(env.path("b.bin")).unwrap_or_default());
}

#[test]
fn bad_inputs_and_bad_models_are_clear_errors() {
    let env = Env::new();
    let not_acled = env.write("other.csv", "id,text\n1,hello\n");
    env.run(&["train", not_acled.to_str().unwrap_or_default()])
        .failure()
        .stderr_has("not an ACLED export");
    let too_few = env
        .write("few.csv", format!("{HEADER}X1,2024-01-01,Protests,Peaceful protest,Togo,Hello.\n"));
    env.run(&["train", too_few.to_str().unwrap_or_default()]).failure().stderr_has("too few");

    let data = env.path("data");
    env.write("data/model/event-types.bin", b"not a model");
    let report = env.write("r.txt", "Soldiers clashed with militants near Kara on 3 May 2024.");
    env.run(&[
        "--data-dir",
        data.to_str().unwrap_or_default(),
        "extract",
        report.to_str().unwrap_or_default(),
    ])
    .failure()
    .stderr_has("retrain with `tocsin train` or delete it");
}
