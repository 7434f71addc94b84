//! Ingestion throughput (filled in below).

fn main() {}
