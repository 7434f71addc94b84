//! Importing GeoNames dumps and learning places: the gazetteer folder beside the shipped data.

use std::io::Write;
use std::path::{Path, PathBuf};

use tocsin_model::{Language, Span};
use tocsin_places::{import_geonames, imports, learn_places, Gazetteer, LearnedPlace};

/// A dump in GeoNames' 19-column format: made-up villages in Niger, a real Burkina Faso row
/// the shipped gazetteer has (GeoNames, CC BY), a river, an admin unit, and broken lines.
const DUMP: &str = "\
9900001\tTagazarbey\tTagazarbey\tTagazar Bey,Tagazarbe\t14.2101\t1.4502\tP\tPPL\tNE\t\t09\t2440370\t\t\t1200\t\t250\tAfrica/Niamey\t2024-01-01
9900002\tKourfey Koara\tKourfey Koara\t\t13.8807\t2.2203\tP\tPPL\tNE\t\t09\t2444994\t\t\t0\t\t230\tAfrica/Niamey\t2024-01-01
2361177\tDjibo\tDjibo\tDjibo,Dzhibo,Jibo\t14.0994\t-1.62554\tP\tPPLA2\tBF\t\t12\t40\t\t\t22223\t\t301\tAfrica/Ouagadougou\t2012-12-05
9900003\tKori Tagazar\tKori Tagazar\t\t14.2200\t1.4700\tH\tWAD\tNE\t\t09\t\t\t\t0\t\t240\tAfrica/Niamey\t2024-01-01
9900004\tDepartement de Ouallam\tDepartement de Ouallam\t\t14.3\t2.1\tA\tADM2\tNE\t\t09\t2440370\t\t\t0\t\t240\tAfrica/Niamey\t2024-01-01
not a row at all
9900005\tBroken\tBroken\t\tnorth\t2.0\tP\tPPL\tNE\t\t09\t\t\t\t0\t\t0\tAfrica/Niamey\t2024-01-01
9900006\tShort\tShort\t\t14.0\t2.0\tP\tPPL\tNE
";

fn check_summary(summary: &tocsin_places::ImportSummary) {
    assert_eq!(summary.rows, 5, "{summary:?}");
    assert_eq!(summary.malformed, 3, "{summary:?}");
    assert_eq!(summary.other_features, 1, "{summary:?}");
    assert!(summary.known >= 1, "Djibo is shipped: {summary:?}");
    assert_eq!(summary.countries, vec!["BF".to_string(), "NE".to_string()]);
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("writing the fixture");
    path
}

fn zipped(dir: &Path) -> PathBuf {
    let path = dir.join("NE.zip");
    let file = std::fs::File::create(&path).expect("creating the zip");
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("readme.txt", options).expect("zip entry");
    zip.write_all(b"not the dump").expect("zip write");
    zip.start_file("NE.txt", options).expect("zip entry");
    zip.write_all(DUMP.as_bytes()).expect("zip write");
    zip.finish().expect("zip finish");
    path
}

fn import(gaz_dir: &Path, dump: &Path) -> tocsin_places::ImportSummary {
    let mut calls = 0;
    let summary = import_geonames(gaz_dir, dump, &mut |_, _| calls += 1).expect("import");
    assert!(calls >= 1, "progress is reported");
    summary
}

fn names_of(gazetteer: &Gazetteer, name: &str) -> Vec<(String, String, Option<String>)> {
    gazetteer
        .search(name, None)
        .into_iter()
        .map(|c| (c.place.location, c.place.country_code, c.place.admin2))
        .collect()
}

#[test]
fn imported_places_are_found_with_their_admin_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    let summary = import(&gaz, &dump);
    check_summary(&summary);
    assert!(summary.added >= 2, "{summary:?}");
    assert_eq!(summary.replaced, 0);

    let shipped = Gazetteer::load_default().expect("shipped");
    assert!(names_of(&shipped, "Tagazarbey").is_empty(), "the fixture's village is made up");
    let gazetteer = Gazetteer::load(Some(&gaz)).expect("load");
    for (name, location, admin2) in [
        ("Tagazarbey", "Tagazarbey", "Ouallam"),
        ("Tagazar Bey", "Tagazarbey", "Ouallam"),
        ("Kourfey Koara", "Kourfey Koara", "Filingué"),
    ] {
        let found = names_of(&gazetteer, name);
        assert_eq!(
            found.first(),
            Some(&(location.to_string(), "NE".to_string(), Some(admin2.to_string()))),
            "{name}: {found:?}"
        );
    }
    let candidate = &gazetteer.search("Tagazarbey", Some("NE"))[0];
    assert_eq!(candidate.source, "GeoNames import NE");
    assert_eq!(candidate.place.admin1.as_deref(), Some("Tillabéri"));
    assert_eq!(candidate.population, 1200);
    // Rivers are not imported; broken lines are not places.
    for absent in ["Kori Tagazar", "Broken", "Short"] {
        assert!(names_of(&gazetteer, absent).iter().all(|p| p.1 != "NE"), "{absent}");
    }
    // The shipped Djibo is not doubled.
    let djibo = gazetteer.search("Djibo", Some("BF"));
    let shipped_djibo = shipped.search("Djibo", Some("BF"));
    assert_eq!(djibo.len(), shipped_djibo.len());

    let listed = imports(&gaz).expect("list");
    let ne = listed.iter().find(|l| l.country == "NE").expect("NE layer");
    assert_eq!(ne.source, "NE.txt");
    assert!(ne.places >= 2);
}

#[test]
fn imported_places_are_located_in_reports() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    import(&gaz, &dump);
    let gazetteer = Gazetteer::load(Some(&gaz)).expect("load");
    let text = "Gunmen killed five civilians in Tagazarbey, Niger, on Monday.";
    let places = gazetteer.locate(text, Span::new(0, text.len()), Language::En);
    let first = &places.first().expect("a place").value;
    assert_eq!(first.location, "Tagazarbey", "{places:#?}");
    assert_eq!(first.admin2.as_deref(), Some("Ouallam"));
    assert_eq!(first.latitude, 14.2101);
}

#[test]
fn importing_again_replaces_and_zips_import_alike() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    let first = import(&gaz, &dump);
    let size = Gazetteer::load(Some(&gaz)).expect("load").len();
    let again = import(&gaz, &dump);
    assert_eq!(again.added + again.replaced, first.added, "{again:?}");
    assert_eq!(again.replaced, 2, "the two new villages: {again:?}");
    assert_eq!(Gazetteer::load(Some(&gaz)).expect("load").len(), size);

    let zip = zipped(tmp.path());
    let from_zip = import(&gaz, &zip);
    check_summary(&from_zip);
    assert_eq!(Gazetteer::load(Some(&gaz)).expect("load").len(), size);

    let other = tempfile::tempdir().expect("tempdir");
    let zip_only = import(other.path(), &zip);
    assert_eq!(zip_only, first);
    assert_eq!(Gazetteer::load(Some(other.path())).expect("load").len(), size);
}

#[test]
fn gzipped_dumps_import_too() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(DUMP.as_bytes()).expect("gzip");
    let dump = write(tmp.path(), "NE.txt.gz", &encoder.finish().expect("gzip"));
    let gaz = tmp.path().join("gazetteer");
    check_summary(&import(&gaz, &dump));
    let listed = imports(&gaz).expect("list");
    assert!(listed.iter().any(|l| l.source == "NE.txt"), "{listed:?}");
}

#[test]
fn a_missing_or_empty_folder_is_the_shipped_gazetteer() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let shipped = Gazetteer::load_default().expect("shipped").len();
    assert_eq!(Gazetteer::load(None).expect("load").len(), shipped);
    assert_eq!(Gazetteer::load(Some(&tmp.path().join("none"))).expect("load").len(), shipped);
    assert_eq!(Gazetteer::load(Some(tmp.path())).expect("load").len(), shipped);
}

#[test]
fn a_dump_that_is_not_one_fails_cleanly() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let gaz = tmp.path().join("gazetteer");
    let junk = write(tmp.path(), "junk.txt", b"\x00\x01binary\xff\xfe\n\n");
    let summary = import(&gaz, &junk);
    assert_eq!(summary.rows, 0);
    assert_eq!(summary.malformed, 1);
    assert!(import_geonames(&gaz, &tmp.path().join("missing.txt"), &mut |_, _| ()).is_err());
    let bad_zip = write(tmp.path(), "bad.zip", b"PK\x03\x04 not really a zip");
    assert!(import_geonames(&gaz, &bad_zip, &mut |_, _| ()).is_err());
}

fn learned(
    name: &str,
    country: &str,
    admins: [&str; 3],
    lat: f64,
    lon: f64,
    precision: u8,
) -> LearnedPlace {
    let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    LearnedPlace {
        name: name.to_string(),
        country: country.to_string(),
        admin1: opt(admins[0]),
        admin2: opt(admins[1]),
        admin3: opt(admins[2]),
        latitude: lat,
        longitude: lon,
        geo_precision: precision,
    }
}

#[test]
fn learned_places_are_located_with_their_admin_names() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let village =
        learned("Zambelgatenga", "Burkina Faso", ["Nord", "Loroum", "Titao"], 13.81, -2.12, 1);
    let shipped = Gazetteer::load_default().expect("shipped");
    assert!(names_of(&shipped, "Zambelgatenga").is_empty(), "the learned village is made up");
    let rows = vec![
        village.clone(),
        // A second row of the same village, a few metres off: the same place.
        learned("Zambelgatenga", "Burkina Faso", ["Nord", "Loroum", "Titao"], 13.8101, -2.1202, 1),
        // Precision 2 and 3 rows carry another place's coordinates: not learned.
        learned("Nowherebourg", "Burkina Faso", ["Nord", "Loroum", ""], 13.9, -2.0, 2),
        learned("Elsewhereville", "Burkina Faso", ["Nord", "", ""], 13.6, -2.4, 3),
        // An unknown country is skipped.
        learned("Atlantidopolis", "Atlantis", ["", "", ""], 1.0, 1.0, 1),
        // ACLED's admin names win over GeoNames' for a place it knows (Djibo).
        learned("Djibo", "Burkina Faso", ["Sahel", "Soum", "Djibo Commune"], 14.1, -1.627, 1),
    ];
    assert_eq!(learn_places(tmp.path(), &rows).expect("learn"), 2);
    assert_eq!(learn_places(tmp.path(), &rows).expect("learn again"), 0);

    let gazetteer = Gazetteer::load(Some(tmp.path())).expect("load");
    assert_eq!(gazetteer.len(), shipped.len() + 1, "one new place; Djibo is not doubled");
    let text = "Armed men attacked Zambelgatenga in northern Burkina Faso on Tuesday.";
    let places = gazetteer.locate(text, Span::new(0, text.len()), Language::En);
    let first = &places.first().expect("a place").value;
    assert_eq!(first.location, "Zambelgatenga");
    assert_eq!(first.country, "Burkina Faso");
    assert_eq!(
        (first.admin1.as_deref(), first.admin2.as_deref(), first.admin3.as_deref()),
        (Some("Nord"), Some("Loroum"), Some("Titao"))
    );
    assert_eq!((first.latitude, first.longitude), (13.8101, -2.1202));

    let text = "Gunmen attacked Djibo in Burkina Faso on Tuesday.";
    let places = gazetteer.locate(text, Span::new(0, text.len()), Language::En);
    let first = &places.first().expect("a place").value;
    assert_eq!(first.location, "Djibo");
    assert_eq!(first.admin3.as_deref(), Some("Djibo Commune"));
    for absent in ["Nowherebourg", "Elsewhereville", "Atlantidopolis"] {
        assert!(names_of(&gazetteer, absent).is_empty(), "{absent}");
    }
    let candidate = &gazetteer.search("Zambelgatenga", None)[0];
    assert_eq!(candidate.source, "learned");
    assert!(candidate.why.contains("learned"), "{}", candidate.why);
}

#[test]
fn learned_and_imported_places_load_together() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    import(&gaz, &dump);
    // ACLED knows the imported village under other admin names: they win.
    let row =
        learned("Tagazarbey", "Niger", ["Tillaberi", "Ouallam", "Tondikiwindi"], 14.21, 1.45, 1);
    assert_eq!(learn_places(&gaz, &[row]).expect("learn"), 1);
    let gazetteer = Gazetteer::load(Some(&gaz)).expect("load");
    let found = gazetteer.search("Tagazarbey", None);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].place.admin3.as_deref(), Some("Tondikiwindi"));
    assert_eq!(found[0].place.admin1.as_deref(), Some("Tillaberi"));
}

#[test]
fn a_city_list_never_replaces_a_full_dump() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let gaz = tmp.path().join("gazetteer");
    let full = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    import(&gaz, &full);
    let size = Gazetteer::load(Some(&gaz)).expect("load").len();
    // A city list of the same country holds one of its villages only.
    let one_line = DUMP.lines().next().unwrap_or_default();
    let cities = write(tmp.path(), "cities500.txt", format!("{one_line}\n").as_bytes());
    let summary = import(&gaz, &cities);
    assert_eq!(summary.kept, vec!["NE".to_string()], "{summary:?}");
    assert!(summary.countries.is_empty(), "{summary:?}");
    assert_eq!(Gazetteer::load(Some(&gaz)).expect("load").len(), size);
    // The other way round, the full dump replaces the city list.
    let other = tempfile::tempdir().expect("tempdir");
    import(other.path(), &cities);
    let summary = import(other.path(), &full);
    assert_eq!(summary.countries, vec!["BF".to_string(), "NE".to_string()]);
    assert_eq!(summary.replaced, 1, "{summary:?}");
    assert_eq!(Gazetteer::load(Some(other.path())).expect("load").len(), size);
}

#[test]
fn damaged_files_are_errors_or_skipped_lines_never_panics() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    import(&gaz, &dump);
    let layer = gaz.join("geonames").join("NE");
    let table = std::fs::read(layer.join("places.bin")).expect("table");
    for (file, bytes) in [
        ("places.bin", table[..table.len() / 2].to_vec()),
        ("places.bin", b"TPL1\xff\xff\xff\xff".to_vec()),
        ("places.bin", Vec::new()),
        ("names.fst", b"not an fst".to_vec()),
    ] {
        let good = std::fs::read(layer.join(file)).expect("layer file");
        std::fs::write(layer.join(file), &bytes).expect("damage");
        let error = Gazetteer::load(Some(&gaz)).expect_err("a damaged layer is an error");
        assert!(error.to_string().contains("NE"), "{file}: {error}");
        std::fs::write(layer.join(file), good).expect("repair");
    }
    // Scrambled postings may find nothing, but never a place out of range.
    std::fs::write(layer.join("postings.bin"), [0xffu8; 64]).expect("damage");
    let gazetteer = Gazetteer::load(Some(&gaz)).expect("load");
    let _ = gazetteer.search("Tagazarbey", None);
    // A learned file with broken lines keeps its good ones.
    std::fs::write(
        gaz.join("learned.tsv"),
        "# header\nBF\tBurkina Faso\tZambelgatenga\tNord\tLoroum\tTitao\t13.81\t-2.12\t1\n\
         broken line\nBF\tBurkina Faso\tBad\t\t\t\tnorth\t-2\t1\n",
    )
    .expect("learned");
    let gazetteer = Gazetteer::load(Some(&gaz)).expect("load");
    assert_eq!(names_of(&gazetteer, "Zambelgatenga").len(), 1);
}

#[test]
fn imported_places_are_found_under_other_spellings() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dump = write(tmp.path(), "NE.txt", DUMP.as_bytes());
    let gaz = tmp.path().join("gazetteer");
    import(&gaz, &dump);
    let guess = |gazetteer: &Gazetteer| -> Vec<String> {
        gazetteer
            .search("Tagazarbei", Some("NE"))
            .into_iter()
            .map(|c| c.place.location)
            .filter(|name| name.starts_with("Taga"))
            .collect()
    };
    let with_stored = guess(&Gazetteer::load(Some(&gaz)).expect("load"));
    assert_eq!(with_stored.first().map(String::as_str), Some("Tagazarbey"), "{with_stored:?}");
    // A layer without its folded names (an older import) folds them when needed: same answer.
    std::fs::remove_file(gaz.join("geonames").join("NE").join("folded.txt")).expect("remove");
    assert_eq!(guess(&Gazetteer::load(Some(&gaz)).expect("load")), with_stored);
}
