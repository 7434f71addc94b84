//! Exports: events as ACLED CSV, GeoJSON and JSON Lines.
//!
//! This crate owns the output formats and their wire types, converted by hand
//! from the model; it knows nothing of SQL or HTTP.
#![warn(missing_docs)]
