//! The embedded store: reports, extractions and events in one SQLite file.
//!
//! This crate owns SQL: the schema and its migrations, idempotent transactional
//! ingestion keyed by content hash, event queries and full-text search (FTS5) over
//! report text. It knows nothing of file formats, extraction or HTTP.
#![warn(missing_docs)]

use std::path::Path;

/// An error from the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// SQLite failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// An open store.
#[derive(Debug)]
pub struct Store {
    connection: rusqlite::Connection,
}

impl Store {
    /// Opens (creating and migrating as needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store> {
        let connection = rusqlite::Connection::open(path)?;
        Ok(Store { connection })
    }

    /// The underlying connection (temporary until the store's API lands).
    pub fn connection(&self) -> &rusqlite::Connection {
        &self.connection
    }
}
