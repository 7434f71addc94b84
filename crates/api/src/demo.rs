//! Made-up demo data: short reports written from templates, with hand-built
//! extractions whose spans point at the words that support each field. Used by
//! `tocsin demo`, the browser test and the latency measurements; deterministic.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use tocsin_model::{
    Actor, EventDate, Extraction, Field, GeoPrecision, Inter, Language, Place, Report, Span,
    SubEventType, TimePrecision,
};
use tocsin_store::{BatchSummary, Ingested, Store};

/// What demo data to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoConfig {
    /// How many reports (one event each).
    pub n_events: usize,
    /// The random seed: the same seed makes the same reports.
    pub seed: u64,
    /// The first day events fall on.
    pub first_day: NaiveDate,
    /// How many days they spread over.
    pub n_days: u32,
}

impl Default for DemoConfig {
    fn default() -> DemoConfig {
        DemoConfig {
            n_events: 400,
            seed: 7,
            first_day: NaiveDate::from_ymd_opt(2024, 1, 1).expect("a valid constant date"),
            n_days: 182,
        }
    }
}

/// A town the demo places events in (approximate coordinates).
struct Town {
    country: &'static str,
    code: &'static str,
    admin1: &'static str,
    admin2: &'static str,
    name: &'static str,
    latitude: f64,
    longitude: f64,
}

const fn town(
    country: &'static str,
    code: &'static str,
    admin1: &'static str,
    admin2: &'static str,
    name: &'static str,
    latitude: f64,
    longitude: f64,
) -> Town {
    Town { country, code, admin1, admin2, name, latitude, longitude }
}

const TOWNS: [Town; 22] = [
    town("Togo", "TG", "Savanes", "Tone", "Dapaong", 10.8622, 0.2076),
    town("Togo", "TG", "Savanes", "Kpendjal", "Mandouri", 10.8167, 0.8167),
    town("Togo", "TG", "Maritime", "Golfe", "Lome", 6.1319, 1.2228),
    town("Togo", "TG", "Centrale", "Tchaoudjo", "Sokode", 8.9833, 1.1333),
    town("Togo", "TG", "Kara", "Kozah", "Kara", 9.5511, 1.1861),
    town("Burkina Faso", "BF", "Centre", "Kadiogo", "Ouagadougou", 12.3714, -1.5197),
    town("Burkina Faso", "BF", "Sahel", "Soum", "Djibo", 14.1022, -1.6306),
    town("Burkina Faso", "BF", "Sahel", "Seno", "Dori", 14.0354, -0.0345),
    town("Burkina Faso", "BF", "Est", "Gourma", "Fada N'Gourma", 12.0616, 0.3584),
    town("Burkina Faso", "BF", "Nord", "Yatenga", "Ouahigouya", 13.5828, -2.4216),
    town("Burkina Faso", "BF", "Centre-Nord", "Sanmatenga", "Kaya", 13.0917, -1.0844),
    town("Mali", "ML", "Bamako", "Bamako", "Bamako", 12.6392, -8.0029),
    town("Mali", "ML", "Mopti", "Mopti", "Mopti", 14.4843, -4.1827),
    town("Mali", "ML", "Gao", "Gao", "Gao", 16.2717, -0.0447),
    town("Mali", "ML", "Tombouctou", "Tombouctou", "Timbuktu", 16.7735, -3.0074),
    town("Mali", "ML", "Segou", "Segou", "Segou", 13.4317, -6.2157),
    town("Niger", "NE", "Niamey", "Niamey", "Niamey", 13.5116, 2.1254),
    town("Niger", "NE", "Tillaberi", "Tillaberi", "Tillaberi", 14.2117, 1.4531),
    town("Niger", "NE", "Diffa", "Diffa", "Diffa", 13.3154, 12.6113),
    town("Nigeria", "NG", "Borno", "Maiduguri", "Maiduguri", 11.8464, 13.1603),
    town("Nigeria", "NG", "Kaduna", "Kaduna North", "Kaduna", 10.5222, 7.4383),
    town("Nigeria", "NG", "Zamfara", "Gusau", "Gusau", 12.1628, 6.6614),
];

/// Armed groups: the name in a report, the canonical name, the inter code.
const GROUPS: [(&str, &str, Inter); 5] = [
    ("JNIM", "JNIM: Group for Support of Islam and Muslims", Inter::Rebel),
    ("Katiba Macina", "Katiba Macina", Inter::Rebel),
    ("Islamic State Sahel", "Islamic State (Sahel)", Inter::Rebel),
    ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", Inter::Rebel),
    ("unidentified armed men", "Unidentified Armed Group", Inter::PoliticalMilitia),
];

const OUTLETS: [&str; 4] = ["Sahel Daily", "Radio Savanes", "West Africa Wire", "Le Courrier"];

/// A small deterministic random generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Text built piece by piece, remembering where each piece lands.
#[derive(Default)]
struct Writer {
    text: String,
}

impl Writer {
    fn put(&mut self, words: &str) -> Span {
        let start = self.text.len();
        self.text.push_str(words);
        Span::new(start, self.text.len())
    }
}

/// The demo reports, each with the extraction a perfect reader would make.
pub fn demo_reports(config: &DemoConfig) -> Vec<Ingested> {
    let mut rng = Rng(config.seed);
    (0..config.n_events).map(|index| demo_report(index, config, &mut rng)).collect()
}

/// Stores the demo reports in batches of 1,000, each stamped `now`.
pub fn seed_demo(
    store: &mut Store,
    config: &DemoConfig,
    now: DateTime<Utc>,
) -> tocsin_store::Result<BatchSummary> {
    let mut summary = BatchSummary::default();
    let mut rng = Rng(config.seed);
    let mut batch = Vec::with_capacity(1000);
    for index in 0..config.n_events {
        batch.push(demo_report(index, config, &mut rng));
        if batch.len() == 1000 {
            summary += store.ingest(&batch, now)?;
            batch.clear();
        }
    }
    if !batch.is_empty() {
        summary += store.ingest(&batch, now)?;
    }
    Ok(summary)
}

fn demo_report(index: usize, config: &DemoConfig, rng: &mut Rng) -> Ingested {
    // Sahel towns get most of the violence; a few kinds of event, weighted.
    let town = &TOWNS[rng.below(TOWNS.len())];
    let day = config.first_day + Duration::days(rng.below(config.n_days.max(1) as usize) as i64);
    let (group_words, group_name, group_inter) = GROUPS[rng.below(GROUPS.len())];
    let kind = rng.below(12);
    let deaths = match rng.below(10) {
        0..=3 => 0,
        4..=7 => 1 + rng.below(6) as u32,
        _ => 5 + rng.below(40) as u32,
    };
    let id = format!("demo-{index:06}");
    let date_words = format!("{} {} {}", day.day(), month_name(day.month()), day.year());
    let military = Actor::new(format!("Military Forces of {}", town.country), Inter::StateForces);
    let police = Actor::new(format!("Police Forces of {}", town.country), Inter::StateForces);
    let group = Actor::new(group_name, group_inter);
    let mut w = Writer::default();
    let (sub_event_type, sub_span, actor1, actor2, civilians, trigger, title);
    let (date_span, place_span, deaths_span);
    match kind {
        0..=3 => {
            let start = w.put("On ");
            date_span = w.put(&date_words);
            w.put(", ");
            let a1 = w.put(group_words);
            w.put(" fighters ");
            sub_span = w.put("clashed with");
            w.put(" ");
            let a2 = w.put("soldiers");
            w.put(" near ");
            place_span = w.put(town.name);
            w.put(&format!(" in the {} region, ", town.admin1));
            deaths_span = w.put(&format!("leaving {deaths} people dead"));
            let end = w.put(", local sources said.").end;
            sub_event_type = SubEventType::ArmedClash;
            actor1 = Field::found(group.clone(), a1, 0.85);
            actor2 = Some(Field::found(military, a2, 0.8));
            civilians = false;
            trigger = Span::new(start.start, end);
            title = format!("Clashes near {}", town.name);
        }
        4..=6 => {
            let start = w.put("");
            let a1 = w.put(&capitalize(group_words));
            w.put(" gunmen ");
            sub_span = w.put("attacked");
            w.put(" the village of ");
            place_span = w.put(town.name);
            w.put(&format!(", {}, on ", town.admin1));
            date_span = w.put(&date_words);
            w.put(", ");
            deaths_span = w.put(&format!("killing {deaths} civilians"));
            let end = w.put(".").end;
            w.put(" Residents fled to nearby towns.");
            sub_event_type = SubEventType::Attack;
            actor1 = Field::found(group.clone(), a1, 0.8);
            actor2 = Some(Field::inferred(
                Actor::new(format!("Civilians ({})", town.country), Inter::Civilians),
                0.7,
            ));
            civilians = true;
            trigger = Span::new(start.start, end);
            title = format!("Village attack in {}", town.admin1);
        }
        7..=8 => {
            let start = w.put("Hundreds of ");
            let a1 = w.put("traders");
            w.put(" ");
            sub_span = w.put("marched peacefully");
            w.put(" in ");
            place_span = w.put(town.name);
            w.put(" on ");
            date_span = w.put(&date_words);
            let end = w.put(" to protest against rising fuel prices.").end;
            deaths_span = Span::new(0, 0);
            sub_event_type = SubEventType::PeacefulProtest;
            actor1 = Field::found(
                Actor::new(format!("Protesters ({})", town.country), Inter::Protesters),
                a1,
                0.75,
            );
            actor2 = None;
            civilians = false;
            trigger = Span::new(start.start, end);
            title = format!("Traders march in {}", town.name);
        }
        9 => {
            let start = w.put("");
            let a1 = w.put("Youths");
            w.put(" ");
            sub_span = w.put("burned tyres and threw stones");
            w.put(" at ");
            let a2 = w.put("police");
            w.put(" in ");
            place_span = w.put(town.name);
            w.put(" on ");
            date_span = w.put(&date_words);
            w.put("; ");
            deaths_span = w.put(&format!("{deaths} people were killed"));
            let end = w.put(".").end;
            sub_event_type = SubEventType::ViolentDemonstration;
            actor1 = Field::found(
                Actor::new(format!("Rioters ({})", town.country), Inter::Rioters),
                a1,
                0.7,
            );
            actor2 = Some(Field::found(police, a2, 0.8));
            civilians = false;
            trigger = Span::new(start.start, end);
            title = format!("Unrest in {}", town.name);
        }
        10 => {
            let start = w.put("An ");
            sub_span = w.put("improvised explosive device");
            w.put(" hit a military convoy near ");
            place_span = w.put(town.name);
            w.put(" on ");
            date_span = w.put(&date_words);
            w.put(", ");
            deaths_span = w.put(&format!("killing {deaths} soldiers"));
            let end = w.put(". No group claimed the attack.").end;
            sub_event_type = SubEventType::RemoteExplosiveLandmineIed;
            actor1 = Field::inferred(
                Actor::new("Unidentified Armed Group", Inter::PoliticalMilitia),
                0.5,
            );
            let a2 = Span::new(sub_span.end + 7, sub_span.end + 23);
            actor2 = Some(Field::found(military, a2, 0.7));
            civilians = false;
            trigger = Span::new(start.start, end);
            title = format!("Convoy hit near {}", town.name);
        }
        _ => {
            let start = w.put("");
            let a1 = w.put(&capitalize(group_words));
            w.put(" ");
            sub_span = w.put("looted shops and burned granaries");
            w.put(" in ");
            place_span = w.put(town.name);
            w.put(" on ");
            date_span = w.put(&date_words);
            let end = w.put(".").end;
            deaths_span = Span::new(0, 0);
            sub_event_type = SubEventType::LootingPropertyDestruction;
            actor1 = Field::found(group, a1, 0.7);
            actor2 = None;
            civilians = false;
            trigger = Span::new(start.start, end);
            title = format!("Looting in {}", town.name);
        }
    }
    let fatalities = match sub_event_type {
        SubEventType::PeacefulProtest | SubEventType::LootingPropertyDestruction => {
            Field::inferred(0, 0.6)
        }
        _ => Field::found(deaths, deaths_span, 0.8),
    };
    let place = Place {
        country: town.country.to_owned(),
        country_code: town.code.to_owned(),
        admin1: Some(town.admin1.to_owned()),
        admin2: Some(town.admin2.to_owned()),
        admin3: None,
        location: town.name.to_owned(),
        latitude: town.latitude,
        longitude: town.longitude,
        geo_precision: GeoPrecision::Town,
        border_distance_km: None,
        coordinates_of: None,
    };
    let published = day + Duration::days(1 + rng.below(2) as i64);
    // A byline keeps every report's content distinct (the store skips repeated content).
    let outlet = OUTLETS[index % OUTLETS.len()];
    w.put(&format!(" ({outlet}, report {index})"));
    let report = Report {
        id: id.clone(),
        text: w.text,
        title: Some(title),
        published: Some(published),
        source: Some(outlet.to_owned()),
        url: Some(format!("https://news.example.invalid/{id}")),
        language: Some(Language::En),
    };
    let extraction = Extraction {
        report_id: id,
        date: Some(Field::found(
            EventDate { date: day, precision: TimePrecision::Day },
            date_span,
            0.9,
        )),
        sub_event_type: Field::found(sub_event_type, sub_span, 0.75),
        actor1,
        assoc_actor_1: Vec::new(),
        actor2,
        assoc_actor_2: Vec::new(),
        civilian_targeting: Field::inferred(civilians, 0.8),
        place: Some(Field::found(place, place_span, 0.85)),
        fatalities,
        trigger,
        confidence: 0.6 + (rng.below(40) as f32) / 100.0,
    };
    Ingested { report, events: vec![extraction] }
}

fn month_name(month: u32) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES.get(month.saturating_sub(1) as usize).copied().unwrap_or("January")
}

fn capitalize(words: &str) -> String {
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_span_fits_its_text_and_quotes_the_right_words() {
        let config = DemoConfig { n_events: 200, ..DemoConfig::default() };
        for ingested in demo_reports(&config) {
            let text = &ingested.report.text;
            let event = &ingested.events[0];
            let place = event.place.as_ref().map(|p| p.value.location.clone());
            let quoted = event.place.as_ref().and_then(|p| p.span).and_then(|s| s.text(text));
            assert_eq!(quoted.map(str::to_owned), place, "{text}");
            assert!(event.trigger.text(text).is_some_and(|t| !t.is_empty()), "{text}");
            let spans = [event.sub_event_type.span, event.actor1.span, event.fatalities.span];
            for span in spans.into_iter().flatten() {
                assert!(span.text(text).is_some_and(|t| !t.is_empty()), "{text}");
            }
        }
    }

    #[test]
    fn the_same_seed_makes_the_same_reports() {
        let config = DemoConfig { n_events: 20, ..DemoConfig::default() };
        let a: Vec<String> = demo_reports(&config).into_iter().map(|i| i.report.text).collect();
        let b: Vec<String> = demo_reports(&config).into_iter().map(|i| i.report.text).collect();
        assert_eq!(a, b);
    }
}
