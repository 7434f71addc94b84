//! `tocsin gazetteer import|list` and `tocsin places search`: growing the gazetteer in the
//! data folder and seeing why a place is chosen.

use crate::util::Env;

/// Made-up villages in Niger in GeoNames' 19-column format, a real Burkina Faso row the
/// shipped gazetteer has (GeoNames, CC BY), a river, and a broken line.
const DUMP: &str = "\
9900001\tTagazarbey\tTagazarbey\tTagazar Bey\t14.2101\t1.4502\tP\tPPL\tNE\t\t09\t2440370\t\t\t1200\t\t250\tAfrica/Niamey\t2024-01-01
9900002\tKourfey Koara\tKourfey Koara\t\t13.8807\t2.2203\tP\tPPL\tNE\t\t09\t2444994\t\t\t0\t\t230\tAfrica/Niamey\t2024-01-01
2361177\tDjibo\tDjibo\tDjibo,Dzhibo,Jibo\t14.0994\t-1.62554\tP\tPPLA2\tBF\t\t12\t40\t\t\t22223\t\t301\tAfrica/Ouagadougou\t2012-12-05
9900003\tKori Tagazar\tKori Tagazar\t\t14.2200\t1.4700\tH\tWAD\tNE\t\t09\t\t\t\t0\t\t240\tAfrica/Niamey\t2024-01-01
this line is broken
";

fn data_dir(env: &Env) -> String {
    env.path("data").display().to_string()
}

fn import(env: &Env) -> crate::util::Run {
    let dump = env.write("NE.txt", DUMP);
    let data = data_dir(env);
    env.run(&["--data-dir", &data, "gazetteer", "import", &dump.display().to_string()]).success()
}

#[test]
fn import_reports_what_it_added_and_skipped() {
    let env = Env::new();
    let run = import(&env);
    assert_eq!(crate::util::number_before(&run.stdout, "place rows read"), Some(4), "{run:?}");
    assert_eq!(crate::util::number_before(&run.stdout, "places added"), Some(2), "{run:?}");
    assert_eq!(crate::util::number_before(&run.stdout, "malformed lines"), Some(1), "{run:?}");
    assert_eq!(crate::util::number_before(&run.stdout, "skipped by kind"), Some(1), "{run:?}");
    // Importing again replaces the country's places: nothing new.
    let again = import(&env);
    assert_eq!(crate::util::number_before(&again.stdout, "places added"), Some(0), "{again:?}");
    assert_eq!(crate::util::number_before(&again.stdout, "replaced"), Some(2), "{again:?}");
    let data = data_dir(&env);
    env.run(&["--data-dir", &data, "gazetteer", "list"])
        .success()
        .stdout_has("NE")
        .stdout_has("NE.txt");
}

#[test]
fn search_finds_imported_places_with_scores_and_reasons() {
    let env = Env::new();
    let data = data_dir(&env);
    env.run(&["--data-dir", &data, "places", "search", "Tagazarbey"])
        .success()
        .stdout_has("no place named");
    import(&env);
    let run = env
        .run(&["--data-dir", &data, "places", "search", "Tagazar Bey", "--format", "jsonl"])
        .success();
    let rows = run.jsonl();
    assert_eq!(rows.len(), 1, "{run:?}");
    let row = &rows[0];
    assert_eq!(row["location"], "Tagazarbey");
    assert_eq!(row["matched"], "tagazar bey");
    assert_eq!(row["country_code"], "NE");
    assert_eq!(row["admin2"], "Ouallam");
    assert_eq!(row["feature"], "P.PPL");
    assert_eq!(row["population"], 1200);
    assert_eq!(row["source"], "GeoNames import NE");
    assert!(row["score"].as_f64().is_some(), "{row}");
    assert!(row["why"].as_str().is_some_and(|w| w.contains("alternate name")), "{row}");

    env.run(&["--data-dir", &data, "places", "search", "Tagazarbey"])
        .success()
        .stdout_has("Ouallam")
        .stdout_has("why:")
        .stdout_has("preferred name");
}

#[test]
fn search_takes_a_country_and_a_limit() {
    let env = Env::new();
    let data = data_dir(&env);
    // Shipped places: San José is in many countries.
    let all = env
        .run(&["--data-dir", &data, "places", "search", "San Jose", "--format", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(all.len(), 10, "ten by default");
    let two = env
        .run(&["--data-dir", &data, "places", "search", "San Jose", "--limit", "2", "-f", "jsonl"])
        .success()
        .jsonl();
    assert_eq!(two.len(), 2);
    let costa_rica = env
        .run(&[
            "--data-dir",
            &data,
            "places",
            "search",
            "San Jose",
            "--country",
            "CR",
            "-f",
            "jsonl",
        ])
        .success()
        .jsonl();
    assert!(!costa_rica.is_empty());
    assert!(costa_rica.iter().all(|r| r["country_code"] == "CR"), "{costa_rica:?}");
    env.run(&["--data-dir", &data, "places", "search", "Djibo", "--country", "ZZ"])
        .failure()
        .stderr_has("unknown country code");
}

#[test]
fn a_missing_dump_fails_cleanly() {
    let env = Env::new();
    let data = data_dir(&env);
    env.run(&["--data-dir", &data, "gazetteer", "import", "no-such-dump.txt"])
        .failure()
        .stderr_has("no-such-dump.txt");
    env.run(&["--data-dir", &data, "gazetteer", "list"]).success().stdout_has("nothing imported");
}

#[test]
fn extraction_uses_imported_places() {
    let env = Env::new();
    import(&env);
    let data = data_dir(&env);
    let report = crate::util::article(
        "r1",
        "Gunmen killed five civilians in Tagazarbey, Niger, on Monday, residents said.",
    );
    let rows = env
        .run_stdin(&["--data-dir", &data, "extract", "--format", "jsonl"], report.as_bytes())
        .success()
        .jsonl();
    assert!(
        rows.iter().any(|r| r["location"] == "Tagazarbey" && r["admin2"] == "Ouallam"),
        "{rows:?}"
    );
}
