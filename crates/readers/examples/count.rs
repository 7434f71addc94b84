//! Reads an input with tocsin's readers and prints how many reports and errors it
//! holds, with the first errors: `cargo run -p tocsin-readers --example count -- PATH`.

use std::path::PathBuf;

fn main() {
    let input = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "-".to_string()));
    let mut n_reports = 0usize;
    let mut n_errors = 0usize;
    let mut n_dated = 0usize;
    let mut n_bytes = 0usize;
    tocsin_readers::read(&input, &mut |result| match result {
        Ok(report) => {
            n_reports += 1;
            n_bytes += report.text.len();
            n_dated += usize::from(report.published.is_some());
            if n_reports <= 3 {
                let head: String = report.text.chars().take(100).collect();
                println!("{} | {:?} | {:?} | {head}", report.id, report.published, report.title);
            }
        }
        Err(error) => {
            n_errors += 1;
            if n_errors <= 10 {
                eprintln!("error: {error}");
            }
        }
    });
    println!("{n_reports} reports ({n_dated} dated, {n_bytes} text bytes), {n_errors} errors");
}
