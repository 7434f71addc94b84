//! Shared helpers for the readers' integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tocsin_readers::{Error, Report};

/// The fixtures folder.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// One line per report or error: `id | published | language | title` for a report,
/// `error: <message>` for an error, paths shown relative to `root`.
pub fn summary(result: &Result<Report, Error>, root: &Path) -> String {
    match result {
        Ok(report) => format!(
            "{} | {} | {} | {}",
            report.id,
            report.published.map_or("-".to_string(), |date| date.to_string()),
            report.language.map_or("-", |language| language.code()),
            report.title.as_deref().unwrap_or("-"),
        ),
        Err(error) => {
            let root = format!("{}/", root.display());
            format!("error: {}", error.to_string().replace(&root, ""))
        }
    }
}

/// Everything `read` yields for `input`, in order.
pub fn read(input: &Path) -> Vec<Result<Report, Error>> {
    let mut results = Vec::new();
    tocsin_readers::read(input, &mut |result| results.push(result));
    results
}

/// Reads a fixture and compares the summaries with `expected`.
pub fn check(fixture: &str, expected: &[&str]) {
    let root = fixtures();
    let results = read(&root.join(fixture));
    let got: Vec<String> = results.iter().map(|result| summary(result, &root)).collect();
    assert_eq!(got, expected, "{fixture}");
}

/// The reports only, failing on any error.
pub fn reports(input: &Path) -> Vec<Report> {
    read(input)
        .into_iter()
        .map(|result| match result {
            Ok(report) => report,
            Err(error) => panic!("unexpected error: {error}"),
        })
        .collect()
}

/// Reads `bytes` through `read_from` with `name` choosing the format.
pub fn read_bytes(bytes: &[u8], name: &str) -> Vec<Result<Report, Error>> {
    let mut results = Vec::new();
    tocsin_readers::read_from(bytes, Path::new(name), None, &mut |result| results.push(result));
    results
}

/// The error messages among `results`.
pub fn errors(results: &[Result<Report, Error>]) -> Vec<String> {
    results.iter().filter_map(|result| result.as_ref().err().map(ToString::to_string)).collect()
}

/// The texts of the reports among `results`.
pub fn texts(results: &[Result<Report, Error>]) -> Vec<String> {
    results
        .iter()
        .filter_map(|result| result.as_ref().ok().map(|report| report.text.clone()))
        .collect()
}
