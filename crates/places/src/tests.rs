//! Tests of recognition, resolution and ranking against the shipped gazetteer.

use std::sync::OnceLock;

use tocsin_model::{Language, Span};

use crate::text::fold;
use crate::Gazetteer;

fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| match Gazetteer::load_default() {
        Ok(g) => g,
        Err(e) => panic!("the shipped gazetteer loads: {e}"),
    })
}

/// Expected top location: location name, country code, admin1, admin2, precision.
struct Expect<'a> {
    location: &'a str,
    cc: &'a str,
    admin1: Option<&'a str>,
    admin2: Option<&'a str>,
    precision: u8,
}

fn check(text: &str, language: Language, expect: Expect<'_>) {
    let places = gazetteer().locate(text, Span::new(0, text.len()), language);
    let Some(top) = places.first() else { panic!("no place found in {text:?}") };
    let p = &top.value;
    assert_eq!(fold(&p.location), fold(expect.location), "location in {text:?}: {places:#?}");
    assert_eq!(p.country_code, expect.cc, "country in {text:?}");
    if let Some(a1) = expect.admin1 {
        assert_eq!(p.admin1.as_deref(), Some(a1), "admin1 in {text:?}");
    }
    if let Some(a2) = expect.admin2 {
        assert_eq!(p.admin2.as_deref(), Some(a2), "admin2 in {text:?}");
    }
    assert_eq!(p.geo_precision.code(), expect.precision, "precision in {text:?}");
    let span = top.span.and_then(|s| s.text(text));
    assert!(span.is_some(), "span lies in the text");
    assert!(p.border_distance_km.is_some(), "border distance is filled");
}

fn town<'a>(location: &'a str, cc: &'a str) -> Expect<'a> {
    Expect { location, cc, admin1: None, admin2: None, precision: 1 }
}

#[test]
fn english_town_after_in() {
    check(
        "On 3 May 2021, gunmen attacked a police post in Djibo.",
        Language::En,
        town("Djibo", "BF"),
    );
}

#[test]
fn french_town_after_a() {
    check(
        "Des hommes armés ont attaqué le marché à Kaya, dimanche.",
        Language::Fr,
        town("Kaya", "BF"),
    );
}

#[test]
fn diacritics_do_not_matter() {
    check("Clashes were reported in Segou on Monday.", Language::En, town("Ségou", "ML"));
}

#[test]
fn multi_word_names() {
    check("Protesters marched in Bobo Dioulasso.", Language::En, town("Bobo-Dioulasso", "BF"));
    check(
        "Une manifestation a eu lieu à Fada N'Gourma.",
        Language::Fr,
        town("Fada N'gourma", "BF"),
    );
}

#[test]
fn admin_hint_in_parenthesis() {
    let text =
        "On 5 March 2019, unidentified gunmen attacked Seme village (Toeni, Sourou), killing two.";
    check(
        text,
        Language::En,
        Expect { location: "Seme", cc: "BF", admin1: None, admin2: Some("Sourou"), precision: 1 },
    );
}

#[test]
fn admin_hint_chooses_among_homonyms() {
    // Several villages of Burkina Faso share a name; the hint picks the one in Soum.
    let text = "Militants attacked the village of Koutougou (Djibo, Soum).";
    check(
        text,
        Language::En,
        Expect {
            location: "Koutougou",
            cc: "BF",
            admin1: Some("Sahel"),
            admin2: Some("Soum"),
            precision: 1,
        },
    );
}

#[test]
fn near_and_km_from_give_precision_two() {
    check(
        "Soldiers were ambushed near Pama.",
        Language::En,
        Expect { precision: 2, ..town("Pama", "BF") },
    );
    check(
        "An IED exploded 8 km from Djibo.",
        Language::En,
        Expect { precision: 2, ..town("Djibo", "BF") },
    );
    check(
        "Une embuscade a eu lieu près de Dori.",
        Language::Fr,
        Expect { precision: 2, ..town("Dori", "BF") },
    );
}

#[test]
fn province_only_is_coded_to_its_seat() {
    // The unit keeps its name and is coded to its seat, Djibo. A second-level unit is a
    // small part of a region, precision 2 (as ACLED codes most of them); only a first-level
    // region gives 3.
    let text = "Fighting took place in Soum province, Burkina Faso.";
    check(
        text,
        Language::En,
        Expect {
            location: "Soum",
            cc: "BF",
            admin1: Some("Sahel"),
            admin2: Some("Soum"),
            precision: 2,
        },
    );
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| (p.value.latitude, p.value.longitude));
    assert_eq!(top, Some((14.0994, -1.6255)));
}

#[test]
fn area_of_and_between_give_precision_two() {
    let text = "Militants attacked a convoy in the area of Djibo, Burkina Faso.";
    check(text, Language::En, Expect { precision: 2, ..town("Djibo", "BF") });
    let text = "Soldiers clashed with gunmen between Djibo and Arbinda.";
    check(text, Language::En, Expect { precision: 2, ..town("Djibo", "BF") });
}

#[test]
fn country_only_is_coded_to_the_capital() {
    let text = "Protesters marched against fuel prices in Burkina Faso.";
    check(
        text,
        Language::En,
        Expect {
            location: "Burkina Faso",
            cc: "BF",
            admin1: Some("Centre"),
            admin2: Some("Kadiogo"),
            precision: 3,
        },
    );
}

#[test]
fn unknown_village_with_admin_hints_is_placed_at_the_hint() {
    let text = "On 2 May, gunmen attacked the village of Zzyzxgou (Djibo, Soum).";
    check(
        text,
        Language::En,
        Expect {
            location: "Zzyzxgou",
            cc: "BF",
            admin1: Some("Sahel"),
            admin2: Some("Soum"),
            precision: 1,
        },
    );
}

#[test]
fn a_name_the_gazetteer_lacks_says_whose_point_it_has() {
    let top = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let Some(top) = places.first() else { panic!("no place found in {text:?}") };
        let p = &top.value;
        (p.location.clone(), p.geo_precision.code(), p.coordinates_of.clone())
    };
    let cases = [
        // Pinned by its hints: the hints' seat.
        (
            "On 2 May, gunmen attacked the village of Zzyzxgou (Djibo, Soum).",
            "Zzyzxgou",
            1,
            Some("Djibo"),
        ),
        // Placed by the report's known town.
        (
            "Gunmen burned the village of Zzyzxgou on Monday, police in Djibo said.",
            "Zzyzxgou",
            1,
            Some("Djibo"),
        ),
        // A known place is its own point.
        ("On 3 May 2021, gunmen attacked a police post in Djibo.", "Djibo", 1, None),
    ];
    for (text, location, precision, stand_in) in cases {
        let expected = (location.to_string(), precision, stand_in.map(str::to_string));
        assert_eq!(top(text), expected, "{text}");
    }
}

#[test]
fn part_of_a_longer_name_is_not_a_place() {
    let text = "Protesters demanded justice for Norbert Zongo in Koudougou.";
    check(text, Language::En, town("Koudougou", "BF"));
}

#[test]
fn a_country_word_inside_a_towns_name_names_the_town() {
    for (text, location, cc) in [
        ("Dock workers went on strike in Port Sudan on Monday.", "Port Sudan", "SD"),
        ("Residents blocked a road in Mali Zvornik, Serbia.", "Mali Zvornik", "RS"),
        ("A trader was robbed in Benin City (Edo) at night.", "Benin City", "NG"),
        ("Two men were shot in Port of Spain on Friday.", "Port of Spain", "TT"),
        ("Taxi drivers marched in Mexico City.", "Mexico City", "MX"),
    ] {
        check(text, Language::En, town(location, cc));
    }
    // The country word alone is still the country.
    let text = "Gunmen killed two soldiers in Mali on Sunday.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert_eq!(places.first().map(|p| p.value.country_code.as_str()), Some("ML"));
}

#[test]
fn admin_hints_place_the_name_in_their_country() {
    let at = |location, cc, admin1, precision| Expect {
        location,
        cc,
        admin1: Some(admin1),
        admin2: None,
        precision,
    };
    // Hints that disagree: the last, largest unit says the country (Apa is Romanian too).
    check(
        "Gunmen raided Kobadjiri (Apa, Segou) at dawn.",
        Language::En,
        at("Kobadjiri", "ML", "Ségou", 1),
    );
    // A local unit word (`LGA`) inside the hint list; the place is the name before it.
    check(
        "Gunmen abducted a farmer in Kobadjiri (Apa LGA, Benue).",
        Language::En,
        at("Kobadjiri", "NG", "Benue", 1),
    );
    check(
        "Youths burned a shrine in Kobadjiri (Nkwo/Oguta LGA, Imo) on Monday.",
        Language::En,
        at("Kobadjiri", "NG", "Imo", 1),
    );
    // Part of a hyphenated unit's name is no hint (Italy's Como is not the unit).
    check(
        "Traders protested in Libreville (Como-Akanda, Estuaire).",
        Language::En,
        at("Libreville", "GA", "Estuaire", 1),
    );
    // A unit the gazetteer lacks, of three words, before the region.
    check(
        "Taxi owners blocked roads in Motherwell (Nelson Mandela Bay, Eastern Cape).",
        Language::En,
        at("Motherwell", "ZA", "Eastern Cape", 1),
    );
    // One name is one place: its hinted mention rules the homonym out for the other.
    check(
        "Gunmen attacked a shop in Apa, Apa commune (Bla, Segou), on Friday.",
        Language::En,
        at("Apa", "ML", "Ségou", 2),
    );
}

#[test]
fn a_first_level_hint_outweighs_a_homonyms_own_municipality() {
    // Mexico's Córdoba lies in a municipality of its name; Argentina's in the province.
    check("Taxi drivers went on strike in Cordoba (Cordoba).", Language::En, town("Cordoba", "AR"));
    check(
        "Taxi drivers went on strike in Cordoba (Veracruz).",
        Language::En,
        town("Cordoba", "MX"),
    );
}

#[test]
fn a_town_opening_an_institutions_name_is_the_place() {
    for (text, location, cc) in [
        ("Students of the Koudougou Polytechnic University boycotted classes.", "Koudougou", "BF"),
        ("Nurses of the Kaya Regional Hospital held a sit-in.", "Kaya", "BF"),
        ("A drone struck Tabqa Airbase overnight.", "Tabqa", "SY"),
    ] {
        check(text, Language::En, town(location, cc));
    }
    // A company named for a town is no institution of it: the place is where it happened.
    check(
        "Workers of the Kaya Cotton Company protested in Kongoussi.",
        Language::En,
        town("Kongoussi", "BF"),
    );
}

#[test]
fn big_towns_misspelled_names_are_guessed() {
    // A name of several words, misspelled; named as the report writes it.
    check("Traders marched in Bobo-Diulasso on Monday.", Language::En, town("Bobo-Diulasso", "BF"));
    // A misspelled name whose first word alone is a village's name.
    check(
        "Traders marched in Bobo-Dioulassou on Monday.",
        Language::En,
        town("Bobo-Dioulassou", "BF"),
    );
    // After an institution's `of`.
    check(
        "Lecturers at the University of Ouagadugou went on strike.",
        Language::En,
        town("Ouagadugou", "BF"),
    );
    // A possessive without its apostrophe: the town, as the gazetteer spells it.
    check("Residents of Niameys fourth district protested.", Language::En, town("Niamey", "NE"));
    // A short name a letter away from a town is a village of its own, not a guess.
    let text = "Gunmen attacked Goz Beina village on Friday.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert!(places.iter().all(|p| fold(&p.value.location) != "goz beida"), "{places:#?}");
}

#[test]
fn a_persons_name_is_no_place() {
    // A given name makes its neighbours a person's name, at a sentence's start and in
    // capitals too; the place is the one the sentence names after it.
    for text in [
        "Francisco Merino condemned the murder of a judge in San Salvador.",
        "FRANCISCO MERINO CONDEMNED THE MURDER OF A JUDGE IN SAN SALVADOR.",
        "Judge Luis Carlos Galan Sarmiento was shot in San Salvador.",
    ] {
        check(text, Language::En, town("San Salvador", "SV"));
    }
    check("Gunmen killed Amadou Diallo, a trader, in Djibo.", Language::En, town("Djibo", "BF"));
}

#[test]
fn country_context_disambiguates() {
    // Kaya exists in several countries; Burkinabe context picks Burkina Faso's.
    check("Burkinabe soldiers repelled an attack in Kaya.", Language::En, town("Kaya", "BF"));
}

#[test]
fn prefers_the_place_after_in_over_origin() {
    let text = "Traders from Ouagadougou were killed in Gorom-Gorom.";
    check(text, Language::En, town("Gorom-Gorom", "BF"));
}

#[test]
fn dateline_is_not_the_event_place() {
    let text = "OUAGADOUGOU (Reuters) - Gunmen killed five people in Arbinda on Sunday.";
    check(text, Language::En, town("Arbinda", "BF"));
}

#[test]
fn common_words_are_not_places() {
    for text in [
        "Police said the Sara family was at the Bar.",
        "On Monday the army said it would kill no one.",
        "The Man who came in was Police.",
    ] {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        assert!(places.is_empty(), "{text:?}: {places:#?}");
    }
}

#[test]
fn no_absurd_match_for_a_village() {
    // A Burkinabe report never resolves a name to a tiny hamlet abroad.
    let text = "In Burkina Faso, gunmen attacked Zzyzxville village.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert!(places.iter().all(|p| p.value.country_code == "BF"), "{places:#?}");
}

#[test]
fn fuzzy_spelling_within_country() {
    // The report spells the village unlike GeoNames ("Gorgadji"): Gorgadji's coordinates
    // and admin units, under the report's spelling.
    let text = "Burkinabe soldiers clashed with militants in Gorgadgi.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| p.value.clone());
    assert_eq!(top.as_ref().map(|p| p.location.as_str()), Some("Gorgadgi"), "{places:#?}");
    assert!(top.as_ref().is_some_and(|p| p.geo_precision.code() == 1), "{places:#?}");
    assert_eq!(top.map(|p| p.admin1), Some(Some("Sahel".to_string())));
}

#[test]
fn fuzzy_spelling_without_country_context_needs_a_close_match() {
    // No country known: a close guess anywhere in the gazetteer (Gorgadji, in Burkina Faso).
    let text = "Soldiers clashed with militants in Gorgadgi.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| p.value.clone());
    assert_eq!(top.as_ref().map(|p| p.country_code.as_str()), Some("BF"), "{places:#?}");
    // A loose one is no guess.
    let text = "Soldiers clashed with militants in Gqrxadgi.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert!(places.is_empty(), "{places:#?}");
}

#[test]
fn demonyms_and_country_names() {
    let cases: &[(&str, &[&str])] = &[
        ("Togolese forces", &["TG"]),
        ("la frontière burkinabè", &["BF"]),
        ("Malian army units in Mali", &["ML", "ML"]),
        ("les forces maliennes et nigériennes", &["ML", "NE"]),
        ("in Burkina Faso and Côte d'Ivoire", &["BF", "CI"]),
        ("the mall was empty", &[]),
    ];
    for (text, expected) in cases {
        let found: Vec<&str> =
            gazetteer().countries(text).into_iter().map(|(_, c)| c.alpha2).collect();
        assert_eq!(&found, expected, "{text:?}");
    }
}

#[test]
fn focus_prefers_places_inside() {
    let text = "Gunmen attacked Djibo. Later, soldiers clashed with them in Dori.";
    let focus = Span::new(0, 22);
    let places = gazetteer().locate(text, focus, Language::En);
    assert_eq!(places.first().map(|p| p.value.location.as_str()), Some("Djibo"));
}

#[test]
fn search_finds_spellings_and_filters_by_country() {
    let hits = gazetteer().search("Arbinda", Some("BF"));
    assert_eq!(hits.first().map(|c| c.place.location.as_str()), Some("Aribinda"));
    assert!(hits.iter().all(|c| c.place.country_code == "BF"));
    assert!(gazetteer().search("Kaya", None).len() > 1);
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    for text in ["", " ", "(((", "é", "\u{200b}Kaya"] {
        let _ = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let _ = gazetteer().locate(text, Span::new(5, 2), Language::Fr);
    }
}

#[test]
fn prior_countries_break_ties_the_text_leaves_open() {
    // A village name with no country in the text: the caller's prior decides.
    let text = "Gunmen attacked the village of Sona.";
    let options = crate::LocateOptions { prior_countries: vec!["BF".into()], ..Default::default() };
    let places = gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
    assert_eq!(places.first().map(|p| p.value.country_code.as_str()), Some("BF"), "{places:#?}");
}

#[test]
fn the_focus_region_breaks_ties_the_text_leaves_open() {
    // Kita is a town of Mali and a ward of Tokyo four times its size; Yala a town of
    // Thailand and a village of Ivory Coast fifteen times smaller.
    let country = |text: &str, options: &crate::LocateOptions| {
        let places = gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, options);
        places.first().map(|p| p.value.country_code.clone())
    };
    let west_africa = crate::LocateOptions::default();
    let nowhere = crate::LocateOptions { focus_countries: Vec::new(), ..Default::default() };
    let cases = [
        ("Unknown gunmen shot a trader in Kita on Monday.", "ML", "JP"),
        ("Hundreds of people protested in Yala on Friday.", "TH", "TH"),
    ];
    for (text, focused, unfocused) in cases {
        assert_eq!(country(text, &west_africa).as_deref(), Some(focused), "{text}");
        assert_eq!(country(text, &nowhere).as_deref(), Some(unfocused), "{text}");
    }
    assert!(west_africa.focus_countries.iter().any(|c| c == "NE"));
}

#[test]
fn french_admin_hint_and_village() {
    let text = "Le 4 mars, des hommes armés ont attaqué le village de Seme (Toeni, Sourou).";
    check(
        text,
        Language::Fr,
        Expect { location: "Seme", cc: "BF", admin1: None, admin2: Some("Sourou"), precision: 1 },
    );
}

#[test]
fn french_demonym_gives_context() {
    let text = "Des soldats burkinabè ont été tués dans une embuscade à Kaya.";
    check(text, Language::Fr, town("Kaya", "BF"));
}

#[test]
fn french_km_from() {
    let text = "Une attaque a eu lieu à 10 km de Dori, au Burkina Faso.";
    check(text, Language::Fr, Expect { precision: 2, ..town("Dori", "BF") });
}

#[test]
fn border_area_of_a_province_is_precision_three() {
    let text = "Clashes were reported in the border area of Kompienga, Burkina Faso.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| (p.value.admin2.clone(), p.value.geo_precision.code()));
    assert_eq!(top, Some((Some("Kompienga".to_string()), 3)), "{places:#?}");
}

#[test]
fn pseudo_random_texts_never_panic() {
    // A fixed linear congruential generator: the same texts every run.
    let pieces = [
        "in ",
        "Djibo",
        " (",
        ")",
        ", ",
        "village of ",
        "Kaya",
        "é",
        "’s ",
        "near ",
        "km from ",
        "BURKINA",
        "Mali",
        " and ",
        "between ",
        "\u{200b}",
        "Al-",
        "-",
        ".",
        "Ségou",
        "(",
        "Soum",
        "province",
        " ",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..300 {
        let mut text = String::new();
        for _ in 0..(state % 24) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
        }
        let places = gazetteer().locate(&text, Span::new(0, text.len()), Language::En);
        for p in places {
            assert!(p.span.is_none_or(|s| s.text(&text).is_some()), "span outside {text:?}");
        }
        let _ = gazetteer().countries(&text);
        state = state.wrapping_add(17);
    }
}

/// Expected top location coded to a region: location, country, admin1, precision.
fn region<'a>(location: &'a str, cc: &'a str, admin1: &'a str, precision: u8) -> Expect<'a> {
    Expect { location, cc, admin1: Some(admin1), admin2: None, precision }
}

#[test]
fn part_of_a_country_is_its_region_not_the_capital() {
    let cases = [
        // An unknown village in a part of a country: that part's regional capital's
        // coordinates, under its own name, with the precision of a named village (ACLED's
        // gazetteer knows it; the coordinates say how coarse ours are).
        ("Gunmen attacked the village of Zorbaguinde in northern Togo.", Language::En, region("Zorbaguinde", "TG", "Savanes", 1)),
        ("Fighters stormed a military post at Zorbaguinde in northern Togo on 20 July 2024.", Language::En, region("Zorbaguinde", "TG", "Savanes", 1)),
        ("Gunmen killed five farmers in north-eastern Nigeria.", Language::En, region("Maiduguri", "NG", "Borno", 3)),
        ("Gunmen killed five farmers in northeastern Nigeria.", Language::En, region("Maiduguri", "NG", "Borno", 3)),
        ("Soldiers clashed with militants in southern Mali.", Language::En, region("Sikasso", "ML", "Sikasso", 3)),
        ("Clashes in the north of Togo left three dead.", Language::En, region("Dapaong", "TG", "Savanes", 3)),
        ("Des hommes armés ont attaqué le village de Zorbaguinde dans le nord du Togo.", Language::Fr, region("Zorbaguinde", "TG", "Savanes", 1)),
        ("Des jihadistes ont attaqué un convoi dans l'est du Burkina.", Language::Fr, region("Fada N'gourma", "BF", "Est", 3)),
        ("Des affrontements ont eu lieu dans le nord-est du Nigeria.", Language::Fr, region("Maiduguri", "NG", "Borno", 3)),
        ("Une embuscade a visé une patrouille à l'est du Burkina Faso.", Language::Fr, region("Fada N'gourma", "BF", "Est", 3)),
        ("Des affrontements ont eu lieu dans le centre du Mali.", Language::Fr, region("Mopti", "ML", "Mopti", 3)),
        ("Au Cameroun, des séparatistes ont incendié une école dans le nord-ouest du pays.", Language::Fr, region("Bamenda", "CM", "Nord-Ouest", 3)),
        // A known town of that part named in the report represents it.
        ("Gunmen attacked a village in northern Burkina Faso. The wounded were taken to Djibo.", Language::En, region("Djibo", "BF", "Sahel", 3)),
        ("Des hommes armés ont attaqué un village dans le nord du Burkina Faso. Les blessés ont été évacués vers Djibo.", Language::Fr, region("Djibo", "BF", "Sahel", 3)),
    ];
    for (text, language, expect) in cases {
        check(text, language, expect);
    }
}

#[test]
fn compass_words_of_proper_names_are_not_parts() {
    // Not the north of the Republic of Ireland.
    for text in
        ["Protesters marched in Northern Ireland.", "Northern Ireland police arrested two men."]
    {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        assert!(
            places.iter().all(|p| p.value.admin1.as_deref() != Some("Ulster")),
            "{text:?}: {places:#?}"
        );
    }
}

#[test]
fn a_town_outside_the_part_does_not_represent_it() {
    // Ouagadougou is not in the north: the north's regional capital stands for it.
    let text = "Gunmen attacked a village in northern Burkina Faso. The wounded were taken to Ouagadougou.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let Some(top) = places.first() else { panic!("no place in {text:?}") };
    assert_ne!(top.value.location, "Ouagadougou", "{places:#?}");
    assert!(top.value.latitude > 13.0, "coded in the north: {places:#?}");
    assert_eq!(top.value.geo_precision.code(), 3);
}

#[test]
fn unknown_names_never_take_another_place_coordinates_as_their_own() {
    let cases = [
        // Known only to lie in a country: its own name, the capital's coordinates, the
        // precision of a named village.
        (
            "Gunmen attacked the village of Zorbaguinde in Togo.",
            Language::En,
            region("Zorbaguinde", "TG", "Maritime", 1),
        ),
        (
            "Des hommes armés ont attaqué le village de Zorbaguinde au Togo.",
            Language::Fr,
            region("Zorbaguinde", "TG", "Maritime", 1),
        ),
        // The country right after the name places it, not a known town of another country.
        (
            "Gunmen attacked the village of Zorbaguinde in Mali. Troops later passed through Ouagadougou.",
            Language::En,
            region("Zorbaguinde", "ML", "Bamako", 1),
        ),
        (
            "Des hommes armés ont attaqué le village de Zorbaguinde au Mali. Des soldats sont ensuite passés par Ouagadougou.",
            Language::Fr,
            region("Zorbaguinde", "ML", "Bamako", 1),
        ),
        // A first-level hint only: coded to its seat and named for it.
        (
            "Gunmen attacked Zorbaguinde (Savanes, Togo) on Monday.",
            Language::En,
            region("Dapaong", "TG", "Savanes", 2),
        ),
        (
            "Des hommes armés ont attaqué Zorbaguinde (Savanes, Togo) lundi.",
            Language::Fr,
            region("Dapaong", "TG", "Savanes", 2),
        ),
        // Pinned within a second-level unit by its hints: a named village, precision 1
        // (the codebook's rule for a named town), at the hint seat's coordinates.
        (
            "Gunmen attacked Zorbaguinde (Namounou, Tapoa) on Monday.",
            Language::En,
            region("Zorbaguinde", "BF", "Est", 1),
        ),
        (
            "Des hommes armés ont attaqué Zorbaguinde (Namounou, Tapoa) lundi.",
            Language::Fr,
            region("Zorbaguinde", "BF", "Est", 1),
        ),
    ];
    for (text, language, expect) in cases {
        check(text, language, expect);
    }
}

#[test]
fn group_names_are_not_places() {
    for text in [
        "Boko Haram fighters attacked a village in the far north of Cameroon.",
        "Des combattants de Boko Haram ont attaqué un village dans l'extrême nord du Cameroun.",
    ] {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        assert!(places.iter().all(|p| p.value.country_code == "CM"), "{text:?}: {places:#?}");
        let top = places.first().map(|p| p.value.location.as_str());
        assert_eq!(top, Some("Maroua"), "{text:?}: {places:#?}");
    }
}

#[test]
fn community_words_are_not_places() {
    for text in [
        "Warplanes patrolled the Kurdish area of northern Iraq.",
        "Gunmen fired on Shiite pilgrims in the Sunni area near Baghdad.",
    ] {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let names: Vec<&str> = places.iter().map(|p| p.value.location.as_str()).collect();
        assert!(
            names.iter().all(|n| !matches!(*n, "Kurdish" | "Shiite" | "Sunni")),
            "{text:?}: {names:?}"
        );
        assert!(places.iter().all(|p| p.value.country_code == "IQ"), "{text:?}: {places:#?}");
    }
}

#[test]
fn a_name_going_on_after_an_arabic_article_is_not_its_first_word() {
    // `Ard` is a French village; `Ard al-Milah` is one name.
    let text = "Rebels clashed with troops in the Ard al-Milah area near Aleppo.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert!(places.iter().all(|p| p.value.country_code != "FR"), "{places:#?}");
    assert_eq!(places.first().map(|p| p.value.country_code.as_str()), Some("SY"), "{places:#?}");
}

#[test]
fn arabic_article_before_a_name() {
    check("Clashes broke out in Ar-Raqqa, Syria, on Monday.", Language::En, town("Ar-Raqqa", "SY"));
    check(
        "Des affrontements ont eu lieu à Ar-Raqqa, en Syrie.",
        Language::Fr,
        town("Ar-Raqqa", "SY"),
    );
}

#[test]
fn spelling_guesses_match_a_scan_of_every_entry() {
    // The per-country cache of folded names gives what folding each entry of the country
    // in id order gives.
    let g = gazetteer();
    for (query, cc) in [
        ("gorgadgi", "BF"),
        ("ouagadougu", "BF"),
        ("djibbo", "BF"),
        ("kara", "TG"),
        ("sokode", "TG"),
        ("tilaberi", "NE"),
        ("gao", "ML"),
        ("aleppoo", "SY"),
    ] {
        let code = cc.as_bytes();
        let mut scan = Vec::new();
        for &id in g.by_country.get(&[code[0], code[1]]).into_iter().flatten() {
            let name = fold(g.entries[id as usize].name);
            if name.len().abs_diff(query.len()) > 3 {
                continue;
            }
            let similarity = strsim::normalized_levenshtein(&name, query)
                .max(strsim::jaro_winkler(&name, query) - 0.05);
            if similarity >= 0.8 {
                scan.push((id, similarity));
            }
        }
        scan.sort_by(|a, b| b.1.total_cmp(&a.1));
        assert_eq!(g.fuzzy_lookup(query, Some(cc), 0.8), scan, "{query} in {cc}");
        // A second call (from the cache) agrees.
        assert_eq!(g.fuzzy_lookup(query, Some(cc), 0.8), scan, "{query} in {cc}, cached");
    }
    // With no country, every entry.
    let query = "ouagadougu";
    let mut scan = Vec::new();
    for (id, entry) in g.entries.iter().enumerate() {
        let name = fold(entry.name);
        if name.len().abs_diff(query.len()) <= 3 {
            let similarity = strsim::normalized_levenshtein(&name, query)
                .max(strsim::jaro_winkler(&name, query) - 0.05);
            if similarity >= 0.85 {
                scan.push((id as u32, similarity));
            }
        }
    }
    scan.sort_by(|a, b| b.1.total_cmp(&a.1));
    assert!(!scan.is_empty());
    assert_eq!(g.fuzzy_lookup(query, None, 0.85), scan);
}

#[test]
fn the_letters_bound_never_falls_below_the_similarity() {
    let words = [
        "kpankankandi",
        "kpinkankandi",
        "martha",
        "marhta",
        "dixon",
        "dicksonx",
        "ab",
        "ba",
        "a",
        "aaaa",
        "abc",
        "cba",
        "dori",
        "djibo",
        "djibbo",
        "ouagadougou",
        "ouaga 2000",
        "bobo dioulasso",
    ];
    for a in words {
        for b in words {
            let (Some(la), Some(lb)) = (crate::Letters::of(a), crate::Letters::of(b)) else {
                panic!("{a:?} and {b:?} are folded names");
            };
            let similarity =
                strsim::normalized_levenshtein(a, b).max(strsim::jaro_winkler(a, b) - 0.05);
            let bound = crate::similarity_bound(la.shared(&lb), a.len(), b.len());
            assert!(bound >= similarity, "{a:?} {b:?}: bound {bound} < {similarity}");
        }
    }
    assert!(crate::Letters::of("Dori").is_none(), "only folded names have letters");
}

#[test]
fn a_unit_word_sets_the_precision_of_a_town_of_its_name() {
    let cases: [(&str, &str, &str, u8); 6] = [
        // A part of a region named as a unit: the town of its name stands for it.
        ("Gunmen killed two soldiers in Djibo department on Monday.", "Djibo", "BF", 2),
        ("Gunmen abducted a herder in the commune of Djibo.", "Djibo", "BF", 2),
        // The unit's centre is the town itself.
        ("A soldier was shot in Djibo district center.", "Djibo", "BF", 1),
        // A first-level region named as such: only the region is known.
        ("Turkish forces shelled positions in Idlib province.", "Idlib", "SY", 3),
        // A site inside a town is coded to the town.
        ("Clerks held a sit-in outside their HQ in Ouagadougou.", "Ouagadougou", "BF", 1),
        ("Traders protested at the Central Market Exchange (Ouagadougou).", "Ouagadougou", "BF", 1),
    ];
    for (text, location, cc, precision) in cases {
        check(text, Language::En, Expect { location, cc, admin1: None, admin2: None, precision });
    }
}

#[test]
fn a_persons_surname_alone_is_still_that_person() {
    let cases = [
        // `Merino` is a Mexican town; here it is the vice president, named in full before.
        (
            "Vice President Francisco Merino condemned the attack. Merino said the killers \
             would be punished.",
            None,
        ),
        ("Colonel Sigifredo Ochoa Perez spoke by telephone. Ochoa denied the report.", None),
        // A saint's or an article's name is a place's (`San Francisco`, `Los Reyes`).
        ("Gunmen attacked a bus in Los Reyes Acaquilpan, Mexico.", Some("Los Reyes Acaquilpan")),
        // Words that make the surname a place still do.
        ("Rebels shelled Merino (Tlalpujahua, Michoacan) on Monday.", Some("Merino")),
    ];
    for (text, want) in cases {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let names: Vec<&str> = places.iter().map(|p| p.value.location.as_str()).collect();
        match want {
            Some(want) => assert_eq!(names.first().copied(), Some(want), "{text:?}: {names:?}"),
            None => assert!(
                names.iter().all(|n| !matches!(*n, "Merino" | "La Ochoa" | "Ochoa")),
                "{text:?}: {names:?}"
            ),
        }
    }
}

#[test]
fn a_possessor_before_a_name_contains_it() {
    let text = "Police clashed with protesters in central China's Henan Province on Monday.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| (p.value.location.as_str(), p.value.geo_precision.code()));
    assert_eq!(top, Some(("Henan", 3)), "{places:#?}");
}

#[test]
fn a_foreign_forces_nationality_does_not_place_the_event() {
    // The caller infers the force's country from the same words; a group, a sizeable
    // town or a region named in the report says where the event is.
    let country = |text: &str, prior: &str| {
        let options =
            crate::LocateOptions { prior_countries: vec![prior.into()], ..Default::default() };
        let places =
            gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        ("American troops reinforced their outpost in Deir ez-Zor.", "US", "SY"),
        ("French soldiers fought Katiba Macina fighters around Tarbakoune.", "FR", "ML"),
        ("French forces struck Katiba Macina militants, killing twelve.", "FR", "ML"),
        // A home army, with nothing else: its own country.
        ("Burkinabe soldiers repelled assailants around Tarbakoune.", "BF", "BF"),
        // A home army beside a group of its country.
        ("Malian soldiers fought Katiba Macina fighters around Tarbakoune.", "ML", "ML"),
    ];
    for (text, prior, expected) in cases {
        assert_eq!(country(text, prior).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn a_city_written_in_full_beats_the_callers_country() {
    // The caller guessed the United States from `US troops`; Al-Hasakeh, a Syrian city of
    // 400,000 under another spelling, says where the event is, and the unknown name beside
    // it lies there too.
    let text = "US troops reinforced a checkpoint at Zarbakhiyeh in Al-Hasakeh.";
    let options = crate::LocateOptions { prior_countries: vec!["US".into()], ..Default::default() };
    let places = gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
    assert_eq!(places.first().map(|p| p.value.country_code.as_str()), Some("SY"), "{places:#?}");
    // A short spelling of a town far away does not overrule the caller.
    let text = "Soldiers fought rebels at a checkpoint in Samar.";
    let options = crate::LocateOptions { prior_countries: vec!["PH".into()], ..Default::default() };
    let places = gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
    assert!(places.iter().all(|p| p.value.country_code != "UA"), "{places:#?}");
}

#[test]
fn common_english_words_in_names_are_no_towns_abroad() {
    // Economy and Industry are towns of Pennsylvania; inside a ministry's or a union's
    // name, with nothing else placing them there, they are words.
    let not_us = [
        "Staff of the Ministry of Economy went on strike over unpaid bonuses.",
        "Members of the Union of Industry Workers marched to demand better pay.",
    ];
    for text in not_us {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        assert!(places.iter().all(|p| p.value.country_code != "US"), "{text}: {places:#?}");
    }
    // After a place cue the word is a place again.
    check("Gunmen robbed a bank in Economy.", Language::En, town("Economy", "US"));
}

#[test]
fn a_village_abroad_yields_to_the_focus_regions_village() {
    // Kain and Silly are towns of Belgium of some 7,000 people and villages of Burkina
    // Faso; with nothing else placing them, the focus region's village is meant.
    let country = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        ("Unknown gunmen burned a shop in Kain.", "BF"),
        ("Armed men looted shops in Silly at dawn.", "BF"),
        // A country word pointing abroad still places it there.
        ("Police dispersed a crowd in Silly, Belgium.", "BE"),
    ];
    for (text, expected) in cases {
        assert_eq!(country(text).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn an_area_of_a_town_lies_in_the_towns_country() {
    // Chateau names French villages and Tombo a Burkinabe one; an area of Gao or of
    // Freetown lies in Mali or Sierra Leone.
    let cases = [
        ("Thieves robbed a shop near the Chateau area of Gao overnight.", "ML"),
        ("Fishermen marched in the Tombo neighbourhood of Freetown on Monday.", "SL"),
    ];
    for (text, expected) in cases {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let top = places.first().map(|p| p.value.country_code.as_str());
        assert_eq!(top, Some(expected), "{text}: {places:#?}");
    }
}

#[test]
fn a_village_abroad_yields_when_the_report_points_to_the_focus_region() {
    // Kain is a town of Belgium and a village of Burkina Faso, Konna a village of Ireland
    // and a town of Mali: a Burkinabe army and a Malian group place them at home.
    let cases = [
        ("Burkinabe soldiers shot five herders near Kain.", "BF"),
        ("Katiba Macina fighters seized cattle in Konna.", "ML"),
    ];
    for (text, expected) in cases {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let top = places.first().map(|p| p.value.country_code.as_str());
        assert_eq!(top, Some(expected), "{text}: {places:#?}");
    }
}

#[test]
fn a_neighbours_village_yields_to_the_country_the_report_points_to() {
    // Fia and Guire are villages of Ivory Coast the gazetteer knows, and names of Malian
    // villages it lacks: a Malian community or army places them in Mali. A nationality of
    // people, a border named with the neighbour and a department's seat (Barani, Burkina
    // Faso) do not move them.
    let cases = [
        ("Dogon hunters set fire to a granary at Fia on Sunday.", "ML"),
        ("Malian soldiers were ambushed at dawn in Guire.", "ML"),
        ("Two Malian traders were robbed at the market of Guire.", "CI"),
        ("Galgouli, a hamlet close to the border with Ivory Coast, was looted.", "BF"),
        ("Katiba Macina fighters raided the gendarmerie in Barani.", "BF"),
    ];
    for (text, expected) in cases {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        let top = places.first().map(|p| p.value.country_code.as_str());
        assert_eq!(top, Some(expected), "{text}: {places:#?}");
    }
}

#[test]
fn a_unit_after_the_kind_of_place_contains_it() {
    // Tabaj is a spelling of Venezuela's Tabay and Maan a town of India too: `X village in
    // Y province` places them in Y, as `X in Y` does.
    let cases = [
        ("Mortars struck an army post in Tabaj village in Kirkuk province.", "Tabaj", "IQ"),
        ("A bomb went off at the market of Maan village in Hama province.", "Maan", "SY"),
    ];
    for (text, location, cc) in cases {
        check(text, Language::En, town(location, cc));
    }
}

#[test]
fn a_city_after_a_comma_contains_the_name_before_it() {
    // Karpala is another spelling of Iraq's Karbala; written before a comma and
    // Ouagadougou it is a quarter of Burkina Faso's capital.
    let country = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        ("Two robbers were shot near a bakery in Karpala, Ouagadougou.", "BF"),
        ("Rallies were held in Kaya, Ouagadougou and Koudougou on Friday.", "BF"),
    ];
    for (text, expected) in cases {
        assert_eq!(country(text).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn a_nationality_before_one_soldier_or_peacekeepers_names_a_force() {
    // Siby is a town of Mali and of Guinea: blue helmets from Guinea serve in Mali, and
    // one soldier's nationality says no more of where he fell than a whole army's does,
    // even when the caller guessed the country from it.
    let cases = [
        ("Gunmen shot two Guinean peacekeepers on leave in the area of Siby.", "GN", "ML"),
        ("A French soldier was hurt in an ambush near Siby claimed by JNIM.", "FR", "ML"),
    ];
    for (text, prior, expected) in cases {
        let options =
            crate::LocateOptions { prior_countries: vec![prior.into()], ..Default::default() };
        let places =
            gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
        let top = places.first().map(|p| p.value.country_code.as_str());
        assert_eq!(top, Some(expected), "{text}: {places:#?}");
    }
}

#[test]
fn a_village_is_no_town_abroad_when_the_text_points_elsewhere() {
    // Lassa is another spelling of Lhasa and Ariel a town of 20,500 people in the West
    // Bank; both are villages of Burkina Faso the gazetteer lacks.
    let country = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        ("Burkinabe soldiers searched every hut in the village of Lassa.", "BF"),
        ("Burkinabe gendarmes detained a herder in Ariel village on Monday.", "BF"),
    ];
    for (text, expected) in cases {
        assert_eq!(country(text).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn a_neighbours_village_only_a_group_supports_yields_to_the_places_named_beside_it() {
    // Boni and Gono are villages of Burkina Faso the gazetteer knows, and of Mali's Mopti,
    // which it lacks; JNIM fights in both countries, Malian troops and Douentza are Mali's.
    let country = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        "A JNIM mine wrecked a Malian army truck near Boni.",
        "JNIM fighters fired on a convoy near Boni, south of Douentza.",
        "A JNIM mine hit a bus near Gono on the Douentza road.",
    ];
    for text in cases {
        assert_eq!(country(text).as_deref(), Some("ML"), "{text}");
    }
}

#[test]
fn a_lone_hint_in_a_parenthesis_is_a_unit_not_a_town_of_its_name() {
    // Buenos Aires is Argentina's province, and a town of Mexico too; Martinez is a town of
    // both countries.
    let text = "Shop owners marched through Martinez (Buenos Aires) on Friday.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| p.value.country_code.as_str());
    assert_eq!(top, Some("AR"), "{text}: {places:#?}");
}

#[test]
fn a_region_named_for_a_people_is_no_country() {
    // Ethiopia's Somali Region is not Somalia; Goday is a spelling of Gode there.
    let country = |text: &str| {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        places.first().map(|p| p.value.country_code.clone())
    };
    let cases = [
        ("Traders were shot at in Goday (Somali region) on Monday.", "ET"),
        ("Two clans fought over a well in the Somali region of Ethiopia.", "ET"),
    ];
    for (text, expected) in cases {
        assert_eq!(country(text).as_deref(), Some(expected), "{text}");
    }
}

#[test]
fn a_local_government_area_is_a_unit_word() {
    // `X local government area`, as `X LGA`, names a unit: Sanga, a town of Mali too, is
    // Kaduna's local government area here, under its own name.
    let text = "Herders raided three villages in Sanga local government area of Kaduna state.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| (p.value.location.as_str(), p.value.country_code.as_str()));
    assert_eq!(top, Some(("Sanga", "NG")), "{places:#?}");
}

#[test]
fn a_report_naming_no_place_is_coded_to_the_callers_country() {
    let text = "Nurses went on strike over unpaid bonuses.";
    let locate = |prior: &[&str]| {
        let options = crate::LocateOptions {
            prior_countries: prior.iter().map(|c| c.to_string()).collect(),
            ..Default::default()
        };
        gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options)
    };
    assert!(locate(&[]).is_empty());
    // The country as a whole: its capital, precision 3, shown by no words.
    let places = locate(&["BF", "ML"]);
    let top = places.first().map(|p| {
        (p.value.location.as_str(), p.value.country_code.as_str(), p.value.geo_precision.code())
    });
    assert_eq!(top, Some(("Ouagadougou", "BF", 3)), "{places:#?}");
    assert!(places.iter().all(|p| p.span.is_none() && p.confidence < 0.2), "{places:#?}");
    // The desk's country only when nothing else points anywhere.
    let desk = |text: &str| {
        let options =
            crate::LocateOptions { desk_country: Some("ML".into()), ..Default::default() };
        let places =
            gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
        places.first().map(|p| (p.value.location.clone(), p.value.country_code.clone()))
    };
    let at = |location: &str, cc: &str| Some((location.to_string(), cc.to_string()));
    assert_eq!(desk(text), at("Bamako", "ML"));
    assert_eq!(desk("Nurses went on strike in Gaoua."), at("Gaoua", "BF"));
    assert_eq!(desk("Nurses in Ghana went on strike.").map(|(_, cc)| cc).as_deref(), Some("GH"));
}

#[test]
fn a_cause_after_in_is_no_place() {
    // A person the marchers honour is no unknown village of the report's country.
    let options = crate::LocateOptions { prior_countries: vec!["BF".into()], ..Default::default() };
    for text in [
        "Students marched in memory of Norbert Zongo.",
        "Teachers held a sit-in in support of Boureima Sawadogo.",
    ] {
        let places =
            gazetteer().locate_with(text, Span::new(0, text.len()), Language::En, &options);
        // Only the caller's country, which no words show.
        assert!(places.iter().all(|p| p.span.is_none()), "{text}: {places:#?}");
    }
    // A place after a place noun still is one.
    check("Raiders torched stalls in the town of Djibo.", Language::En, town("Djibo", "BF"));
}

#[test]
fn names_in_other_spellings_and_compass_regions_are_found() {
    // A city, unknown in this spelling, after `in` or before `city`: named as written.
    check(
        "Lecturers protested in Nassriya city over salaries.",
        Language::En,
        town("Nassriya", "IQ"),
    );
    check(
        "A grenade was thrown at a house in Quamishli city.",
        Language::En,
        town("Quamishli", "SY"),
    );
    // A first-level unit by its English name, before its unit word: coded to its seat.
    let text = "Armed men raided a police officer's home in Saladin province overnight.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    let top = places.first().map(|p| (p.value.country_code.as_str(), p.value.admin1.as_deref()));
    assert_eq!(top, Some(("IQ", Some("Sala al-Din"))), "{places:#?}");
    // The report's country chooses among its own towns.
    check(
        "Burkinabe teachers marched in Ougadougou on Monday.",
        Language::En,
        town("Ougadougou", "BF"),
    );
    // A common word or a name of another shape is no guess.
    for text in [
        "Protesters gathered in Parliament on Monday.",
        "A man was beaten by unknown men in Demas.",
    ] {
        let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
        assert!(places.iter().all(|p| p.span.is_none()), "{text}: {places:#?}");
    }
    // A name hyphenated in the text and written as one word in the gazetteer.
    check(
        "Police beat a man in Petion-Ville on Tuesday.",
        Language::En,
        town("Petion-Ville", "HT"),
    );
    // A compass point before a unit word names a region: the unknown town is in it.
    let text = "A journalist was beaten in Demas, Ouest department.";
    let places = gazetteer().locate(text, Span::new(0, text.len()), Language::En);
    assert_eq!(places.first().map(|p| p.value.country_code.as_str()), Some("HT"), "{places:#?}");
}
