//! Fills a store with made-up demo events: `cargo run -p tocsin-api --example seed -- DB [N]`.

use std::path::PathBuf;
use std::process::ExitCode;

use tocsin_api::{seed_demo, DemoConfig};
use tocsin_store::Store;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(db) = args.next().map(PathBuf::from) else {
        eprintln!("usage: seed DB [N_EVENTS]");
        return ExitCode::from(2);
    };
    let n_events = match args.next().map(|n| n.parse::<usize>()) {
        None => DemoConfig::default().n_events,
        Some(Ok(n)) => n,
        Some(Err(_)) => {
            eprintln!("N_EVENTS must be a whole number");
            return ExitCode::from(2);
        }
    };
    // A fixed stamp keeps the seeded store the same from run to run.
    let now = chrono::DateTime::from_timestamp(1_719_835_200, 0).unwrap_or_default();
    let config = DemoConfig { n_events, ..DemoConfig::default() };
    let result = Store::open(&db).and_then(|mut store| seed_demo(&mut store, &config, now));
    match result {
        Ok(summary) => {
            println!(
                "{}: {} reports, {} events",
                db.display(),
                summary.reports_new,
                summary.events_created
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("seed: {error}");
            ExitCode::FAILURE
        }
    }
}
