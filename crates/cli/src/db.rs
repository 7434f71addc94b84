//! The database: where it lives by default, and opening it with helpful errors.

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use tocsin_store::Store;

/// The database file: `--db` when given, else `tocsin.db` in the platform's data
/// directory (created when missing).
pub fn path(db: Option<&Path>) -> Result<PathBuf> {
    if let Some(db) = db {
        return Ok(db.to_owned());
    }
    let dirs = directories::ProjectDirs::from("org", "tocsin", "tocsin").ok_or_else(|| {
        anyhow!("no home directory to keep the database in: pass --db PATH (or set TOCSIN_DB)")
    })?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir)
        .with_context(|| format!("creating the data directory {}", dir.display()))?;
    Ok(dir.join("tocsin.db"))
}

/// The demonstration database: `--db` when given, else `demo.db` beside the default
/// database, so that sample events never mix with an analyst's own.
pub fn demo_path(db: Option<&Path>) -> Result<PathBuf> {
    match db {
        Some(db) => Ok(db.to_owned()),
        None => Ok(path(None)?.with_file_name("demo.db")),
    }
}

/// Opens (creating when missing) the store for writing.
pub fn open_for_writing(db: Option<&Path>) -> Result<Store> {
    let path = path(db)?;
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        if !parent.exists() {
            return Err(anyhow!(
                "the folder {} does not exist: create it or choose another --db",
                parent.display()
            ));
        }
    }
    Store::open(&path).with_context(|| format!("opening the database {}", path.display()))
}

/// Opens an existing store for reading; a missing file is an error with a hint.
pub fn open_existing(db: Option<&Path>) -> Result<Store> {
    let path = path(db)?;
    if !path.exists() {
        return Err(anyhow!(
            "no database at {}: run `tocsin ingest FILES...` first (or pass --db PATH)",
            path.display()
        ));
    }
    Store::open_existing(&path).with_context(|| format!("opening the database {}", path.display()))
}
