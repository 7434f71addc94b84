//! Country names and demonyms in English and French, and ACLED's spelling of country names.

use std::collections::HashMap;
use std::sync::LazyLock;

use tocsin_model::Country;

/// Names and demonyms per country (English and French), beyond the GeoNames name: `(code, names, demonyms)`.
///
/// Demonyms are listed in their base forms; plurals (`-s`) are added when matching.
pub const COUNTRY_WORDS: &[(&str, &[&str], &[&str])] = &[
    (
        "BF",
        &["Burkina", "Burkina Faso", "Faso"],
        &["Burkinabe", "Burkinabè", "Burkinabé", "burkinabè", "burkinabé"],
    ),
    (
        "CI",
        &["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire", "Côte d’Ivoire"],
        &["Ivorian", "ivoirien", "ivoirienne"],
    ),
    (
        "CF",
        &["Central African Republic", "Centrafrique", "République centrafricaine"],
        &["centrafricain", "centrafricaine"],
    ),
    (
        "CD",
        &[
            "DRC",
            "DR Congo",
            "RDC",
            "Democratic Republic of Congo",
            "Democratic Republic of the Congo",
            // Its name from 1971 to 1997, in older reports.
            "Zaire",
            "Zaïre",
        ],
        &["Congolese", "congolais"],
    ),
    (
        "US",
        &["United States", "USA", "U.S.", "États-Unis", "Etats-Unis"],
        &["American", "américain", "américaine"],
    ),
    (
        "GB",
        &["United Kingdom", "UK", "Britain", "Great Britain", "Royaume-Uni"],
        &["British", "britannique"],
    ),
    (
        "PS",
        &["Palestine", "Gaza Strip", "West Bank", "Gaza", "Cisjordanie"],
        &["Palestinian", "palestinien", "palestinienne"],
    ),
    ("ML", &["Mali"], &["Malian", "malien", "malienne"]),
    ("NE", &["Niger"], &["Nigerien", "Nigérien", "nigérien", "nigérienne"]),
    ("TG", &["Togo"], &["Togolese", "togolais", "togolaise"]),
    ("BJ", &["Benin", "Bénin"], &["Beninese", "béninois", "béninoise", "beninois"]),
    ("GH", &["Ghana"], &["Ghanaian", "ghanéen", "ghanéenne"]),
    ("NG", &["Nigeria", "Nigéria"], &["Nigerian", "nigérian", "nigériane"]),
    ("TD", &["Chad", "Tchad"], &["Chadian", "tchadien", "tchadienne"]),
    ("MR", &["Mauritania", "Mauritanie"], &["Mauritanian", "mauritanien", "mauritanienne"]),
    ("SN", &["Senegal", "Sénégal"], &["Senegalese", "sénégalais", "sénégalaise"]),
    ("GN", &["Guinea", "Guinée"], &["Guinean", "guinéen", "guinéenne"]),
    ("GW", &["Guinea-Bissau", "Guinée-Bissau"], &[]),
    ("SL", &["Sierra Leone"], &["Sierra Leonean"]),
    ("LR", &["Liberia", "Libéria"], &["Liberian", "libérien"]),
    ("GM", &["Gambia", "The Gambia", "Gambie"], &["Gambian"]),
    ("CM", &["Cameroon", "Cameroun"], &["Cameroonian", "camerounais", "camerounaise"]),
    ("CG", &["Republic of Congo", "Congo-Brazzaville"], &[]),
    ("DZ", &["Algeria", "Algérie"], &["Algerian", "algérien", "algérienne"]),
    ("LY", &["Libya", "Libye"], &["Libyan", "libyen", "libyenne"]),
    ("MA", &["Morocco", "Maroc"], &["Moroccan", "marocain", "marocaine"]),
    ("TN", &["Tunisia", "Tunisie"], &["Tunisian", "tunisien", "tunisienne"]),
    ("EG", &["Egypt", "Égypte", "Egypte"], &["Egyptian", "égyptien", "égyptienne"]),
    ("SD", &["Sudan", "Soudan"], &["Sudanese", "soudanais"]),
    ("SS", &["South Sudan", "Soudan du Sud"], &["South Sudanese"]),
    ("ET", &["Ethiopia", "Éthiopie"], &["Ethiopian", "éthiopien"]),
    ("SO", &["Somalia", "Somalie"], &["Somali", "somalien"]),
    ("KE", &["Kenya"], &["Kenyan", "kényan"]),
    ("UG", &["Uganda", "Ouganda"], &["Ugandan", "ougandais"]),
    ("BI", &["Burundi"], &["Burundian", "burundais"]),
    ("RW", &["Rwanda"], &["Rwandan", "rwandais"]),
    ("MZ", &["Mozambique"], &["Mozambican", "mozambicain"]),
    ("ZA", &["South Africa", "Afrique du Sud"], &["South African", "sud-africain"]),
    ("ZW", &["Zimbabwe"], &["Zimbabwean"]),
    ("MG", &["Madagascar"], &["Malagasy", "malgache"]),
    ("MW", &["Malawi"], &["Malawian"]),
    ("AO", &["Angola"], &["Angolan", "angolais"]),
    ("GA", &["Gabon"], &["Gabonese", "gabonais"]),
    ("SY", &["Syria", "Syrie"], &["Syrian", "syrien", "syrienne"]),
    ("IQ", &["Iraq", "Irak"], &["Iraqi", "irakien", "irakienne"]),
    ("IR", &["Iran"], &["Iranian", "iranien", "iranienne"]),
    ("AF", &["Afghanistan"], &["Afghan", "afghane"]),
    ("PK", &["Pakistan"], &["Pakistani", "pakistanais", "pakistanaise"]),
    ("IN", &["India", "Inde"], &["Indian", "indien", "indienne"]),
    ("BD", &["Bangladesh"], &["Bangladeshi", "bangladais"]),
    ("LB", &["Lebanon", "Liban"], &["Lebanese", "libanais", "libanaise"]),
    ("IL", &["Israel", "Israël"], &["Israeli", "israélien", "israélienne"]),
    ("JO", &["Jordan", "Jordanie"], &["Jordanian", "jordanien"]),
    ("YE", &["Yemen", "Yémen"], &["Yemeni", "yéménite"]),
    ("SA", &["Saudi Arabia", "Arabie saoudite"], &["Saudi", "saoudien", "saoudienne"]),
    ("TR", &["Turkey", "Turquie", "Türkiye"], &["Turkish", "turc", "turque"]),
    ("UA", &["Ukraine"], &["Ukrainian", "ukrainien", "ukrainienne"]),
    ("RU", &["Russia", "Russie"], &["Russian", "russe"]),
    ("AZ", &["Azerbaijan", "Azerbaïdjan"], &["Azerbaijani", "azerbaïdjanais"]),
    ("AM", &["Armenia", "Arménie"], &["Armenian", "arménien"]),
    ("GE", &["Georgia", "Géorgie"], &["Georgian", "géorgien"]),
    // Yugoslavia (to 2003), whose successor state ACLED codes its capital's events to.
    ("RS", &["Serbia", "Serbie", "Yugoslavia", "Yougoslavie"], &["Serbian", "serbe", "Yugoslav"]),
    ("XK", &["Kosovo"], &["Kosovar"]),
    ("BA", &["Bosnia", "Bosnia and Herzegovina", "Bosnie"], &["Bosnian", "bosniaque"]),
    ("MX", &["Mexico", "Mexique"], &["Mexican", "mexicain", "mexicaine"]),
    ("CO", &["Colombia", "Colombie"], &["Colombian", "colombien"]),
    ("VE", &["Venezuela"], &["Venezuelan", "vénézuélien"]),
    ("BR", &["Brazil", "Brésil"], &["Brazilian", "brésilien"]),
    ("AR", &["Argentina", "Argentine"], &["Argentinian", "argentin"]),
    ("CL", &["Chile", "Chili"], &["Chilean", "chilien"]),
    ("PE", &["Peru", "Pérou"], &["Peruvian", "péruvien"]),
    ("BO", &["Bolivia", "Bolivie"], &["Bolivian", "bolivien"]),
    ("EC", &["Ecuador", "Équateur"], &["Ecuadorian", "équatorien"]),
    ("HT", &["Haiti", "Haïti"], &["Haitian", "haïtien"]),
    ("HN", &["Honduras"], &["Honduran", "hondurien"]),
    ("GT", &["Guatemala"], &["Guatemalan", "guatémaltèque"]),
    ("SV", &["El Salvador"], &["Salvadoran", "salvadorien"]),
    ("NI", &["Nicaragua"], &["Nicaraguan"]),
    ("PY", &["Paraguay"], &["Paraguayan"]),
    ("PH", &["Philippines"], &["Filipino", "Philippine", "philippin"]),
    ("MM", &["Myanmar", "Burma", "Birmanie"], &["Burmese", "birman"]),
    ("TH", &["Thailand", "Thaïlande"], &["Thai", "thaïlandais"]),
    ("ID", &["Indonesia", "Indonésie"], &["Indonesian", "indonésien"]),
    ("NP", &["Nepal", "Népal"], &["Nepali", "Nepalese", "népalais"]),
    ("LK", &["Sri Lanka"], &["Sri Lankan", "sri-lankais"]),
    ("KH", &["Cambodia", "Cambodge"], &["Cambodian", "cambodgien"]),
    ("CN", &["China", "Chine"], &["Chinese", "chinois"]),
    ("FR", &["France"], &["French", "français", "française"]),
    ("DE", &["Germany", "Allemagne"], &["German", "allemand", "allemande"]),
    ("KZ", &["Kazakhstan"], &["Kazakh"]),
    ("AL", &["Albania", "Albanie"], &["Albanian", "albanais"]),
];

/// ACLED's country name where it differs from the GeoNames name.
const ACLED_NAMES: &[(&str, &str)] = &[
    ("CD", "Democratic Republic of Congo"),
    ("CG", "Republic of Congo"),
    ("CI", "Ivory Coast"),
    ("CV", "Cape Verde"),
    ("CZ", "Czech Republic"),
    ("PS", "Palestine"),
    ("SZ", "eSwatini"),
    ("TL", "East Timor"),
    ("VA", "Vatican City"),
    ("MK", "North Macedonia"),
    ("BA", "Bosnia and Herzegovina"),
    ("FM", "Micronesia"),
];

/// Armed groups, forces, missions and communities whose name points to the countries they
/// act in: `(folded words, country codes)`. Each is a weak vote for the report's country,
/// split between its countries; never a place itself.
pub const GROUP_COUNTRIES: &[(&str, &[&str])] = &[
    // Burkina Faso.
    ("koglweogo", &["BF"]),
    ("kolgweogo", &["BF"]),
    ("ansaroul islam", &["BF"]),
    ("ansarul islam", &["BF"]),
    ("vdp", &["BF"]),
    ("volontaires pour la defense de la patrie", &["BF"]),
    ("mossi", &["BF"]),
    ("gourmantche", &["BF"]),
    // Mali.
    ("dan na ambassagou", &["ML"]),
    ("dan nan ambassagou", &["ML"]),
    ("gatia", &["ML"]),
    ("minusma", &["ML"]),
    ("fama", &["ML"]),
    ("katiba macina", &["ML"]),
    ("katiba serma", &["ML"]),
    ("hcua", &["ML"]),
    ("mnla", &["ML"]),
    ("ansar dine", &["ML"]),
    ("ansar eddine", &["ML"]),
    ("dogon", &["ML"]),
    ("dogons", &["ML"]),
    ("bambara", &["ML"]),
    // The central Sahel.
    ("jnim", &["ML", "BF", "NE"]),
    ("isgs", &["ML", "BF", "NE"]),
    ("is sahel", &["ML", "BF", "NE"]),
    ("barkhane", &["ML", "BF", "NE"]),
    ("g5 sahel", &["ML", "BF", "NE"]),
    // The Lake Chad basin.
    ("boko haram", &["NG", "CM", "NE", "TD"]),
    ("iswap", &["NG", "NE", "CM", "TD"]),
    // Elsewhere.
    ("al shabaab", &["SO", "KE"]),
    ("al shabab", &["SO", "KE"]),
    ("taliban", &["AF", "PK"]),
    ("ttp", &["PK"]),
    ("hayat tahrir al sham", &["SY"]),
    ("islamic state of iraq and al sham", &["IQ", "SY"]),
    ("islamic state of iraq and the levant", &["IQ", "SY"]),
    ("islamic state of iraq and syria", &["IQ", "SY"]),
    ("hamas", &["PS"]),
    ("hts", &["SY"]),
    ("sdf", &["SY"]),
    ("ypg", &["SY"]),
    ("houthi", &["YE"]),
    ("houthis", &["YE"]),
    ("ansar allah", &["YE"]),
    ("naxalite", &["IN"]),
    ("naxalites", &["IN"]),
    ("abu sayyaf", &["PH"]),
    ("new people s army", &["PH"]),
    ("fdlr", &["CD"]),
    ("codeco", &["CD"]),
    ("mai mai", &["CD"]),
    ("anti balaka", &["CF"]),
    ("seleka", &["CF"]),
    ("ambazonian", &["CM"]),
    ("ambazonia", &["CM"]),
    ("farc", &["CO"]),
];

/// Ukraine's oblasts on the front line of the war since February 2022 (GeoNames' names).
const FRONT_OBLASTS: [&str; 5] =
    ["Donetsk", "Luhansk", "Kharkiv", "Zaporizhzhya Oblast", "Kherson Oblast"];

/// Groups, missions and words that point to the first-level regions a report's events
/// most likely lie in: `(folded words, country code, GeoNames admin1 names, needs the
/// country)`. The OSCE's monitors in Ukraine report from the Donbas; Dogon militias act in
/// Mopti. A row that needs its country counts only when the report is already about it
/// (`the contact line` in a report about Ukraine). Regions weigh in choosing among places of
/// the same name, and place a village the gazetteer lacks at its region's seat (ACLED's
/// provincial capital, precision 3) rather than the country's capital.
pub const GROUP_REGIONS: &[(&str, &str, &[&str], bool)] = &[
    // Ukraine: the war in the Donbas.
    ("osce smm", "UA", &["Donetsk", "Luhansk"], false),
    ("smm", "UA", &["Donetsk", "Luhansk"], false),
    ("naf", "UA", &["Donetsk", "Luhansk"], false),
    ("donbass", "UA", &["Donetsk", "Luhansk"], false),
    ("donbas", "UA", &["Donetsk", "Luhansk"], false),
    ("dpr", "UA", &["Donetsk"], false),
    ("lpr", "UA", &["Luhansk"], false),
    ("jfo", "UA", &["Donetsk", "Luhansk"], false),
    ("contact line", "UA", &["Donetsk", "Luhansk"], true),
    ("line of contact", "UA", &["Donetsk", "Luhansk"], true),
    // Since 2022 the front also runs through Kharkiv, Zaporizhzhia and Kherson.
    ("frontline", "UA", &FRONT_OBLASTS, true),
    ("front line", "UA", &FRONT_OBLASTS, true),
    // Mali: the centre and the north.
    ("dan na ambassagou", "ML", &["Mopti"], false),
    ("dan nan ambassagou", "ML", &["Mopti"], false),
    ("dogon", "ML", &["Mopti"], true),
    ("dogons", "ML", &["Mopti"], true),
    ("katiba macina", "ML", &["Mopti", "Ségou"], false),
    ("katiba serma", "ML", &["Mopti", "Tombouctou"], false),
    ("dozo", "ML", &["Mopti", "Ségou"], true),
    ("dozos", "ML", &["Mopti", "Ségou"], true),
    ("gatia", "ML", &["Gao", "Ménaka", "Kidal"], false),
    ("msa", "ML", &["Ménaka", "Gao"], true),
    ("hcua", "ML", &["Kidal", "Tombouctou", "Gao"], false),
    ("mnla", "ML", &["Kidal", "Tombouctou", "Gao"], false),
    ("cma", "ML", &["Kidal", "Tombouctou", "Gao"], true),
    // The Islamic State in the Sahel and its Katiba Salaheddine hold eastern Gao (Ansongo)
    // and Ménaka, a cercle of Gao until it became a region of its own; the Daoussahak are
    // the Tuareg of Ménaka; Ganda Koy and Ganda Izo are the Songhai militias of the Niger
    // bend.
    ("isgs", "ML", &["Gao", "Ménaka"], true),
    ("is sahel", "ML", &["Gao", "Ménaka"], true),
    ("katiba salaheddine", "ML", &["Gao", "Ménaka"], false),
    ("dawsahak", "ML", &["Ménaka"], true),
    ("daoussahak", "ML", &["Ménaka"], true),
    ("ganda koy", "ML", &["Gao", "Tombouctou"], false),
    ("ganda izo", "ML", &["Gao", "Tombouctou"], false),
    // Burkina Faso: Ansaroul Islam, born in Soum, fights in the north.
    ("ansaroul islam", "BF", &["Sahel", "Nord", "Centre-Nord"], false),
    ("ansarul islam", "BF", &["Sahel", "Nord", "Centre-Nord"], false),
    // The Islamic State in the Sahel holds to the north and east.
    ("isgs", "BF", &["Sahel", "Est", "Centre-Nord"], true),
    ("is sahel", "BF", &["Sahel", "Est", "Centre-Nord"], true),
    // Syria.
    ("hts", "SY", &["Idlib", "Aleppo", "Hama", "Latakia"], true),
    ("hayat tahrir al sham", "SY", &["Idlib", "Aleppo", "Hama", "Latakia"], false),
    ("sdf", "SY", &["Al-Hasakah", "Ar-Raqqah", "Deir ez-Zor", "Aleppo"], true),
    ("qsd", "SY", &["Al-Hasakah", "Ar-Raqqah", "Deir ez-Zor", "Aleppo"], true),
    // Nigeria: the north-east.
    ("boko haram", "NG", &["Borno", "Yobe", "Adamawa"], true),
    ("iswap", "NG", &["Borno", "Yobe"], true),
];

/// The country name as ACLED writes it, for an ISO alpha-2 code.
pub fn acled_country_name(code: &str) -> String {
    if let Some((_, name)) = ACLED_NAMES.iter().find(|(cc, _)| cc.eq_ignore_ascii_case(code)) {
        return (*name).to_string();
    }
    Country::from_code(code).map(|c| c.name.to_string()).unwrap_or_else(|| code.to_string())
}

/// Words GeoNames puts before an admin unit's own name (`Provincia de Concepción`,
/// `Département de la Sanaga-Maritime`), folded; ACLED writes the name alone.
const ADMIN_PREFIXES: &[&[&str]] = &[
    &["provincia", "de", "la"],
    &["provincia", "del"],
    &["provincia", "de"],
    &["provincia", "di"],
    &["province", "of"],
    &["province", "de", "la"],
    &["province", "du"],
    &["province", "de"],
    &["departement", "de", "la"],
    &["departement", "de", "l"],
    &["departement", "du"],
    &["departement", "des"],
    &["departement", "de"],
    &["departement", "d"],
    &["departamento", "del"],
    &["departamento", "de"],
    &["distrito", "del"],
    &["distrito", "de"],
    &["municipio", "del"],
    &["municipio", "de"],
    &["district", "of"],
    &["comuna"],
    &["prefecture", "de", "la"],
    &["prefecture", "du"],
    &["prefecture", "de"],
    &["region", "de", "la"],
    &["region", "du"],
    &["region", "de"],
    &["region", "of"],
    &["gouvernorat", "de"],
    &["gouvernorat", "du"],
    &["wilaya", "de"],
    &["wilaya", "d"],
    &["powiat"],
    &["landkreis"],
    &["kreis"],
    &["municipality", "of"],
    &["county", "of"],
];

/// Unit words GeoNames puts after an admin unit's own name (`Rajshahi Division`,
/// `Ternopil Oblast`), folded.
const ADMIN_SUFFIXES: &[&str] = &[
    "division",
    "oblast",
    "municipality",
    "governorate",
    "province",
    "prefecture",
    "district",
    "county",
    "region",
    "area",
    "department",
    "okrug",
    "raion",
    "rayon",
];

/// Admin units ACLED names otherwise than GeoNames: `(country code, GeoNames name,
/// ACLED's name)`. ACLED follows its own boundary data's spellings (`Idleb`, `Dar'a`) and
/// keeps some older or local names (`Kiev City`, `Nord-Ouest`), English names for units
/// GeoNames names in the local language (Serbia's districts: `Nisavski Okrug` → `Nisava`),
/// and a capital's districts as the capital (Kyiv's raions: `Kiev`).
const ACLED_ADMIN_NAMES: &[(&str, &str, &str)] = &[
    ("AF", "Ghowr", "Ghor"),
    ("AF", "Oruzgan", "Urozgan"),
    ("AF", "Vardak", "Wardak"),
    ("AR", "Buenos Aires F.D.", "Ciudad Autonoma de Buenos Aires"),
    ("AZ", "Baki", "Baku"),
    ("AZ", "Füzuli", "Fizuli"),
    ("BF", "Komandjoari", "Komandjari"),
    ("BG", "Sofia-Capital", "Sofia City"),
    ("CL", "Santiago Metropolitan", "Metropolitana"),
    ("CM", "East", "Est"),
    ("CM", "Far North", "Extreme-Nord"),
    ("CM", "North", "Nord"),
    ("CM", "North-West", "Nord-Ouest"),
    ("CM", "South", "Sud"),
    ("CM", "South-West", "Sud-Ouest"),
    ("CM", "West", "Ouest"),
    ("GE", "Ajaria", "Autonomous Republic of Adjara"),
    ("GE", "Kvemo Kartli", "Lower Kartli"),
    ("GE", "T'bilisi", "Tbilisi"),
    ("IQ", "Al Anbar", "Anbar"),
    ("IQ", "Al Qādisīyah", "Qadissiya"),
    ("IQ", "Arbīl", "Erbil"),
    ("IQ", "Salah ad Din", "Sala al-Din"),
    ("KZ", "South Kazakhstan", "Turkistan"),
    ("MG", "Atsimo-Andrefana", "Atsimo Andrefana"),
    ("MR", "Nouakchott Nord", "Nouakchott-Nord"),
    ("MR", "Nouakchott Ouest", "Nouakchott-Ouest"),
    ("MR", "Nouakchott Sud", "Nouakchott-Sud"),
    ("MX", "Mexico City", "Distrito Federal"),
    ("PH", "Metro Manila", "National Capital Region"),
    ("PK", "Naushahro Fīroz", "Naushahro Feroze"),
    ("RS", "Borski Okrug", "Bor"),
    ("RS", "Branicevski Okrug", "Branicevo"),
    ("RS", "Jablanicki Okrug", "Jablanica"),
    ("RS", "Juznobacki Okrug", "South Backa"),
    ("RS", "Juznobanatski Okrug", "South Banat"),
    ("RS", "Kolubarski Okrug", "Kolubara"),
    ("RS", "Macvanski Okrug", "Macva"),
    ("RS", "Moravicki Okrug", "Moravica"),
    ("RS", "Nisavski Okrug", "Nisava"),
    ("RS", "Pcinjski Okrug", "Pcinja"),
    ("RS", "Pirotski Okrug", "Pirot"),
    ("RS", "Podunavski Okrug", "Podunavlje"),
    ("RS", "Pomoravski Okrug", "Pomoravlje"),
    ("RS", "Rasinski Okrug", "Rasina"),
    ("RS", "Raski Okrug", "Raska"),
    ("RS", "Severnobacki Okrug", "North Backa"),
    ("RS", "Severnobanatski Okrug", "North Banat"),
    ("RS", "Srednjebanatski Okrug", "Central Banat"),
    ("RS", "Sremski Okrug", "Srem"),
    ("RS", "Sumadijski Okrug", "Sumadija"),
    ("RS", "Toplicki Okrug", "Toplica"),
    ("RS", "Zajecarski Okrug", "Zajecar"),
    ("RS", "Zapadnobacki Okrug", "West Backa"),
    ("RS", "Zlatiborski Okrug", "Zlatibor"),
    ("RU", "Sakha", "Republic of Sakha"),
    ("SD", "Eastern Darfur", "East Darfur"),
    ("SD", "Northern Darfur", "North Darfur"),
    ("SD", "Southern Darfur", "South Darfur"),
    ("SD", "Western Darfur", "West Darfur"),
    ("SO", "Banaadir", "Banadir"),
    ("SO", "Galguduud", "Galgaduud"),
    ("SO", "Hiiraan", "Hiraan"),
    ("SO", "Lower Shabeelle", "Lower Shabelle"),
    ("SO", "Middle Shabele", "Middle Shabelle"),
    ("SY", "Al-Hasakah", "Al-Hasakeh"),
    ("SY", "Ar-Raqqah", "Ar-Raqqa"),
    ("SY", "As-Suwayda", "As-Sweida"),
    ("SY", "Daraa", "Dar'a"),
    ("SY", "Deir ez-Zor", "Deir-ez-Zor"),
    ("SY", "Dimashq", "Damascus"),
    ("SY", "Harem", "Harim"),
    ("SY", "Idlib", "Idleb"),
    ("SY", "Jarabulus", "Jarablus"),
    ("SY", "Latakia", "Lattakia"),
    ("SY", "Rif-dimashq", "Rural Damascus"),
    ("SY", "Tartus", "Tartous"),
    ("SY", "Tell Abyad", "Tell Abiad"),
    ("TN", "Al Qaşrayn", "Kasserine"),
    ("TN", "Manouba", "Manubah"),
    ("TN", "Qābis", "Gabes"),
    ("TN", "Sīdī Bū Zayd", "Sidi Bou Zid"),
    ("TN", "Sūsah", "Sousse"),
    ("TN", "Şafāqis", "Sfax"),
    ("UA", "Darnytsia", "Kiev"),
    ("UA", "Holosiiv", "Kiev"),
    ("UA", "Kyiv", "Kiev"),
    ("UA", "Kyiv City", "Kiev City"),
    ("UA", "Pechersk", "Kiev"),
];

/// GeoNames' names (with their countries) of the admin units ACLED writes `folded` (a folded
/// name: `idleb` → Idlib in SY), for reports that use ACLED's spellings.
pub fn geonames_names_for(folded: &str) -> &'static [(&'static str, &'static str)] {
    /// ACLED's names folded once, on first use.
    static BY_ACLED_NAME: LazyLock<HashMap<String, Vec<(&str, &str)>>> = LazyLock::new(|| {
        let mut map: HashMap<String, Vec<(&str, &str)>> = HashMap::new();
        for (cc, geonames, acled) in ACLED_ADMIN_NAMES {
            map.entry(crate::text::fold(acled)).or_default().push((cc, geonames));
        }
        map
    });
    BY_ACLED_NAME.get(folded).map(Vec::as_slice).unwrap_or(&[])
}

/// Countries whose third-level units are named for their seats, so the seat of a
/// province, cercle, district or region is also the seat of a third-level unit of its own
/// name: Burkina Faso's departments, Mali's and Niger's communes, Syria's subdistricts
/// (nahiyas), Pakistan's tehsils, Bangladesh's upazilas, Chile's and Ecuador's
/// communes and parishes, Haiti's communes, the Philippines' municipalities, Mauritania's
/// and Morocco's communes, Bolivia's municipalities.
const SEAT_NAMED_ADMIN3: [&str; 13] =
    ["BF", "ML", "NE", "SY", "PK", "BD", "CL", "EC", "HT", "PH", "MR", "MA", "BO"];

/// Countries whose capital is split into numbered communes (Bamako's Commune I to VI,
/// Niamey I to V): the capital seats no unit of its own name.
const NUMBERED_CAPITAL_COMMUNES: [&str; 2] = ["ML", "NE"];

/// The third-level unit whose seat is the seat `town` of a first- or second-level unit
/// of country `cc` (`capital` when it is the country's capital): the unit named for the
/// town where units are named for their seats; in Iran the county seat's district,
/// `Central` (bakhsh-e markazi). None elsewhere.
pub fn seat_admin3(cc: &str, town: &str, capital: bool) -> Option<String> {
    if capital && NUMBERED_CAPITAL_COMMUNES.contains(&cc) {
        None
    } else if SEAT_NAMED_ADMIN3.contains(&cc) {
        Some(town.to_string())
    } else if cc == "IR" {
        Some("Central".to_string())
    } else {
        None
    }
}

/// An admin unit's name as ACLED writes it in country `cc`: ACLED's own name for the unit
/// when it differs from GeoNames', else [`acled_admin_name`].
pub fn acled_admin_name_in(cc: &str, name: &str) -> String {
    let mut rows = ACLED_ADMIN_NAMES.iter().filter(|(c, _, _)| *c == cc).peekable();
    if rows.peek().is_none() {
        return acled_admin_name(name);
    }
    let folded = crate::text::fold(name);
    rows.find(|(_, geonames, _)| crate::text::fold(geonames) == folded)
        .map(|(_, _, acled)| acled.to_string())
        .unwrap_or_else(|| acled_admin_name(name))
}

/// An admin unit's name as ACLED writes it: without the unit words GeoNames puts before
/// or after it (`Provincia de Elqui` → `Elqui`, `Rajshahi Division` → `Rajshahi`). A name
/// that is nothing but unit words is kept whole.
pub fn acled_admin_name(name: &str) -> String {
    let tokens = crate::text::tokenize(name);
    let mut first = 0;
    for prefix in ADMIN_PREFIXES {
        let matches = tokens.len() > prefix.len()
            && prefix.iter().zip(&tokens).all(|(word, token)| token.folded == *word);
        if matches {
            first = prefix.len();
            break;
        }
    }
    let mut last = tokens.len();
    if last > first + 1
        && tokens.last().is_some_and(|t| ADMIN_SUFFIXES.contains(&t.folded.as_str()))
    {
        last -= 1;
    }
    if first == 0 && last == tokens.len() {
        return name.to_string();
    }
    match (tokens.get(first), tokens.get(last.wrapping_sub(1))) {
        (Some(a), Some(b)) if a.start < b.end => {
            name.get(a.start..b.end).map(str::to_string).unwrap_or_else(|| name.to_string())
        }
        _ => name.to_string(),
    }
}

/// Whether a country word is a demonym (may be lowercase in French) rather than a name.
pub fn is_lowercase_form(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn admin_names_as_acled_writes_them() {
        let cases = [
            ("SY", "Idlib", "Idleb"),
            ("TN", "Sūsah", "Sousse"),
            ("CM", "North-West", "Nord-Ouest"),
            // The same name elsewhere is kept.
            ("GH", "North-West", "North-West"),
            ("CL", "Provincia de Elqui", "Elqui"),
            ("RS", "Nisavski Okrug", "Nisava"),
            ("UA", "Pechersk", "Kiev"),
        ];
        for (cc, geonames, acled) in cases {
            assert_eq!(acled_admin_name_in(cc, geonames), acled, "{cc} {geonames}");
        }
    }

    #[test]
    fn admin_names_lose_their_unit_words() {
        let cases = [
            ("Provincia de Elqui", "Elqui"),
            ("Département de la Sanaga-Maritime", "Sanaga-Maritime"),
            ("Rajshahi Division", "Rajshahi"),
            ("Ternopil Oblast", "Ternopil"),
            ("Province of Bulacan", "Bulacan"),
            ("Comuna Apa", "Apa"),
            ("Soum", "Soum"),
            ("Centre-Est", "Centre-Est"),
            ("Province", "Province"),
            ("Region of Magallanes", "Magallanes"),
            ("", ""),
        ];
        for (name, expected) in cases {
            assert_eq!(acled_admin_name(name), expected, "{name}");
        }
    }

    #[test]
    fn acled_names() {
        assert_eq!(acled_country_name("CD"), "Democratic Republic of Congo");
        assert_eq!(acled_country_name("bf"), "Burkina Faso");
        assert_eq!(acled_country_name("TG"), "Togo");
    }
}
