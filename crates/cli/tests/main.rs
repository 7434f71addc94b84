//! End-to-end tests: the real `tocsin` binary in temporary directories.

mod util;

mod actors;
mod args;
mod bench;
mod content;
mod extract;
mod ingest;
mod living;
mod merge_corpus;
mod places;
mod query;
mod serve;
mod train;
