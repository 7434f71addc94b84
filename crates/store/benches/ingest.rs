//! Ingestion throughput: 10,000 synthetic reports, one hand-built event each, into a
//! fresh store file, in batches of 500 (the pipeline's default). Throughput is in reports/s.

use std::hint::black_box;

use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use tocsin_model::{
    Actor, EventDate, Extraction, Field, GeoPrecision, Inter, Place, Report, Span, SubEventType,
    TimePrecision,
};
use tocsin_store::{Ingested, Store};

const N_REPORTS: usize = 10_000;
const BATCH_SIZE: usize = 500;

/// Words to vary the synthetic texts with.
const WORDS: &[&str] = &[
    "gunmen",
    "attacked",
    "village",
    "soldiers",
    "clashed",
    "militants",
    "near",
    "the",
    "border",
    "sécurité",
    "manifestants",
    "ont",
    "protesté",
    "killed",
    "wounded",
    "convoy",
    "district",
];

fn report(index: usize) -> Report {
    // About 600 bytes of text, different for every report.
    let mut text = format!("Report {index}. ");
    for word_index in 0..90 {
        text.push_str(WORDS[(index * 7 + word_index * 13) % WORDS.len()]);
        text.push(' ');
    }
    let mut report = Report::new(format!("bench-{index}"), text);
    report.title = Some(format!("Incident {index}"));
    report.published = NaiveDate::from_ymd_opt(2024, 1 + (index % 12) as u32, 1);
    report
}

fn extraction(index: usize) -> Extraction {
    let countries = [("TG", "Togo"), ("BF", "Burkina Faso"), ("ML", "Mali"), ("NE", "Niger")];
    let (country_code, country) = countries[index % countries.len()];
    let date = NaiveDate::from_ymd_opt(2024, 1 + (index % 12) as u32, 1 + (index % 28) as u32);
    Extraction {
        report_id: format!("bench-{index}"),
        date: date.map(|date| {
            Field::found(EventDate { date, precision: TimePrecision::Day }, Span::new(0, 6), 0.9)
        }),
        sub_event_type: Field::found(SubEventType::ArmedClash, Span::new(7, 12), 0.8),
        actor1: Field::inferred(
            Actor::new("Unidentified Armed Group", Inter::PoliticalMilitia),
            0.5,
        ),
        assoc_actor_1: vec![],
        actor2: Some(Field::inferred(
            Actor::new(format!("Military Forces of {country}"), Inter::StateForces),
            0.6,
        )),
        assoc_actor_2: vec![],
        civilian_targeting: Field::inferred(false, 0.9),
        place: Some(Field::inferred(
            Place {
                country: country.into(),
                country_code: country_code.into(),
                admin1: Some(format!("Region {}", index % 13)),
                admin2: Some(format!("Province {}", index % 47)),
                admin3: None,
                location: format!("Town {}", index % 500),
                latitude: 10.0 + (index % 100) as f64 * 0.01,
                longitude: -1.0 + (index % 200) as f64 * 0.01,
                geo_precision: GeoPrecision::Town,
                border_distance_km: Some(12.5),
                coordinates_of: None,
            },
            0.8,
        )),
        fatalities: Field::inferred((index % 5) as u32, 0.5),
        trigger: Span::new(0, 20),
        confidence: 0.7,
    }
}

fn ingest(criterion: &mut Criterion) {
    let batch: Vec<Ingested> = (0..N_REPORTS)
        .map(|i| Ingested { report: report(i), events: vec![extraction(i)] })
        .collect();
    let now: DateTime<Utc> = DateTime::from_timestamp(1_714_564_800, 0).unwrap_or_default();
    let mut group = criterion.benchmark_group("store");
    group.sample_size(10);
    group.throughput(Throughput::Elements(N_REPORTS as u64));
    group.bench_function("ingest 10k reports, 1 event each, batches of 500", |bencher| {
        bencher.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("a temp dir for the bench store");
                let store = Store::open(&dir.path().join("bench.db")).expect("a new store");
                (dir, store)
            },
            |(dir, mut store)| {
                for chunk in batch.chunks(BATCH_SIZE) {
                    black_box(store.ingest(chunk, now).expect("ingest"));
                }
                (dir, store)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, ingest);
criterion_main!(benches);
