//! End-to-end tests: the real `tocsin` binary in temporary directories.

mod util;

mod args;
mod bench;
mod content;
mod extract;
mod ingest;
mod query;
mod serve;
