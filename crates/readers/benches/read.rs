//! Throughput of the readers (placeholder until the bench lands).

fn main() {}
