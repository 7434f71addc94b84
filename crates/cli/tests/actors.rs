//! `tocsin import acled`, `tocsin actors show` and `tocsin actors unknown`: learning actors
//! and places from an analyst's own coded history, and the names reports use that the
//! knowledge base lacks.

use crate::util::{article, Env, Run};

/// A made-up ACLED export (current schema, a byte-order mark, `;`-joined associated
/// actors): every row, name, place and note is invented for this test.
const EXPORT: &str = "\u{feff}event_id_cnty,event_date,event_type,sub_event_type,actor1,assoc_actor_1,inter1,\
actor2,assoc_actor_2,inter2,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,notes,fatalities
XMP1,2024-02-01,Battles,Armed clash,KLF: Kora Liberation Front,,2,Military Forces of Mali (2021-),,1,Mali,Mopti,Douentza,Boni,Tessit-Kora,15.1042,-1.9031,1,Invented note: fighters and soldiers exchanged fire.,2
XMP2,2024-02-03,Violence against civilians,Attack,Red Dune Brigade,,3,Civilians (Niger),Farmers (Niger); Women (Niger),7,Niger,Tillaberi,Tera,,Bangou Kirei,14.0011,0.7512,2,Invented note: a brigade raided a hamlet.,1
XMP3,2024-02-05,Protests,Peaceful protest,Protesters (Benin),SYNTEB: Teachers Union of the Coast; Teachers (Benin),6,,,0,Benin,Oueme,Porto-Novo,,Porto-Novo,6.4969,2.6289,1,Invented note: teachers marched for their pay.,0
XMP4,2024-02-07,Violence against civilians,Attack,JNIM: Group for Support of Islam and Muslims,,2,Civilians (Burkina Faso),,7,Burkina Faso,Sahel,Soum,,,,,,Invented note: no place given.,0
";

/// The same kind of rows in the legacy schema (no `sub_event_type`), with no admin3 column.
const LEGACY: &str = "event_id_cnty,event_date,event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,\
country,admin1,admin2,location,latitude,longitude,geo_precision,notes,fatalities
XMP9,2015-06-01,Battles,Sons of the Plateau Militia,,3,KLF: Kora Liberation Front,,2,Mali,Gao,Ansongo,Wabaria Koira,15.6601,0.5023,1,Invented legacy note.,0
";

fn data(env: &Env) -> String {
    env.path("data").display().to_string()
}

fn tocsin(env: &Env, args: &[&str]) -> Run {
    let data = data(env);
    let mut all = vec!["--data-dir", data.as_str()];
    all.extend_from_slice(args);
    env.run(&all)
}

fn import(env: &Env, name: &str, csv: &str) -> Run {
    let file = env.write(name, csv);
    tocsin(env, &["import", "acled", &file.display().to_string()]).success()
}

#[test]
fn importing_an_export_learns_its_actors_and_exact_places_once() {
    let env = Env::new();
    let run = import(&env, "export.csv", EXPORT);
    run.stdout_has("4 rows")
        .stdout_has("actors: 3 new, 1 known, 7 state forces or generic")
        .stdout_has("places: 2 new, 0 known")
        .stdout_has("1 places coded near a town or region")
        .stdout_has("1 places without a location name");
    let learned = env.path("data/actors/learned.toml");
    let text = std::fs::read_to_string(&learned).unwrap();
    for name in ["KLF: Kora Liberation Front", "Red Dune Brigade", "SYNTEB: Teachers Union"] {
        assert!(text.contains(name), "{name} missing from\n{text}");
    }
    for generic in ["Civilians", "Military Forces", "Protesters", "Farmers", "JNIM"] {
        assert!(!text.contains(generic), "{generic} learned\n{text}");
    }
    let places = std::fs::read_to_string(env.path("data/gazetteer/learned.tsv")).unwrap();
    assert!(places.contains("Tessit-Kora") && places.contains("Porto-Novo"), "{places}");
    assert!(!places.contains("Bangou Kirei"), "geo_precision 2 is not learned\n{places}");
    // The same file again changes nothing.
    import(&env, "export.csv", EXPORT)
        .stdout_has("actors: 0 new, 4 known")
        .stdout_has("places: 0 new, 2 known");
    assert_eq!(std::fs::read_to_string(&learned).unwrap(), text);
    // The legacy schema reads too, and adds to what was learned.
    import(&env, "legacy.csv", LEGACY)
        .stdout_has("1 rows")
        .stdout_has("actors: 1 new, 1 known")
        .stdout_has("places: 1 new");
}

#[test]
fn a_file_that_is_not_an_acled_export_is_refused_clearly() {
    let env = Env::new();
    let file = env.write("other.csv", "name,count\nKora,3\n");
    tocsin(&env, &["import", "acled", &file.display().to_string()])
        .failure()
        .stderr_has("not an ACLED export");
    tocsin(&env, &["import", "acled", "missing.csv"]).failure().stderr_has("missing.csv");
    assert!(!env.path("data/actors/learned.toml").exists());
}

#[test]
fn learned_actors_are_recognised_in_reports() {
    let env = Env::new();
    let report = article(
        "klf-1",
        "On 20 July 2024, KLF militants attacked soldiers in Douentza, Mali, killing two.",
    );
    let input = env.write("report.jsonl", format!("{report}\n"));
    let input = input.display().to_string();
    let before = tocsin(&env, &["extract", "--format", "jsonl", &input]).success();
    assert!(!before.stdout.contains("Kora"), "{before:?}");
    import(&env, "export.csv", EXPORT);
    let after = tocsin(&env, &["extract", "--format", "jsonl", &input]).success();
    let rows = after.jsonl();
    assert_eq!(
        rows.first().map(|r| r["actor1"].clone()),
        Some("KLF: Kora Liberation Front".into())
    );
    assert_eq!(rows.first().map(|r| r["inter1"].clone()), Some(2.into()), "{after:?}");
}

#[test]
fn show_resolves_any_name_to_its_entry() {
    let env = Env::new();
    tocsin(&env, &["actors", "show", "gsim"])
        .success()
        .stdout_has("JNIM: Group for Support of Islam and Muslims")
        .stdout_has("2 (Rebel group)")
        .stdout_has("shipped with tocsin")
        .stdout_has("Katiba Macina")
        .stdout_has("Mali (ML)")
        .stdout_has("Iyad Ag Ghaly")
        .stdout_has("no database");
    tocsin(&env, &["actors", "show", "Etat islamique au grand Sahara"])
        .success()
        .stdout_has("Islamic State (Greater Sahara)");
    import(&env, "export.csv", EXPORT);
    tocsin(&env, &["actors", "show", "kora liberation front"])
        .success()
        .stdout_has("KLF: Kora Liberation Front")
        .stdout_has("learned")
        .stdout_has("Mali (ML)");
}

#[test]
fn show_an_unknown_name_suggests_near_ones() {
    let env = Env::new();
    tocsin(&env, &["actors", "show", "JNIMM"])
        .failure()
        .stderr_has("not in the actor knowledge base")
        .stderr_has("did you mean \"JNIM: Group for Support of Islam and Muslims\"");
    tocsin(&env, &["actors", "show", "Zzyzx Quorum"]).failure().stderr_has("tocsin import acled");
}

#[test]
fn show_counts_the_stored_events_of_the_actor() {
    let env = Env::new();
    let report = article(
        "jnim-1",
        "On 20 July 2024, JNIM militants attacked soldiers in Djibo, Burkina Faso, killing four.",
    );
    let input = env.write("report.jsonl", format!("{report}\n"));
    tocsin(&env, &["ingest", &input.display().to_string()]).success();
    let run = tocsin(&env, &["actors", "show", "JNIM"]).success();
    run.stdout_has("1 stored; latest:").stdout_has("2024-07-20");
}

#[test]
fn unknown_lists_names_reports_used_that_the_book_lacks() {
    let env = Env::new();
    tocsin(&env, &["actors", "unknown"]).failure().stderr_has("tocsin ingest");
    let reports = [
        article(
            "u1",
            "On 20 July 2024, militants of the Black Heron Brigade attacked a market in Djibo, \
             Burkina Faso, killing two.",
        ),
        article(
            "u2",
            "On 19 July 2024, the Black Heron Brigade raided a village near Djibo, Burkina Faso.",
        ),
        article("u3", "On 18 July 2024, JNIM militants attacked soldiers in Djibo, Burkina Faso."),
    ];
    let input = env.write("reports.jsonl", reports.join("\n") + "\n");
    let input = input.display().to_string();
    tocsin(&env, &["ingest", &input]).success();
    let listed = |env: &Env| {
        let run = tocsin(env, &["actors", "unknown", "--format", "jsonl"]).success();
        run.jsonl()
    };
    let rows = listed(&env);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["name"], "Black Heron Brigade");
    assert_eq!(rows[0]["count"], 2);
    assert_eq!(rows[0]["report_id"], "u1");
    // The same reports again count nothing twice.
    tocsin(&env, &["ingest", &input]).success();
    assert_eq!(listed(&env)[0]["count"], 2);
    tocsin(&env, &["actors", "unknown"]).success().stdout_has("Black Heron Brigade");
    tocsin(&env, &["actors", "unknown", "--limit", "0"]).success();
    // Once learned, the name is no longer unknown.
    let export = "event_id_cnty,event_type,actor1,inter1,country,notes\n\
                  XMP5,Battles,Black Heron Brigade,3,Burkina Faso,Invented note.\n";
    import(&env, "heron.csv", export).stdout_has("actors: 1 new");
    assert!(listed(&env).is_empty());
}
