//! The pipeline: readers -> extraction -> merge -> store.
//!
//! This crate is the only place the stages are wired together.
#![warn(missing_docs)]
