//! Where tocsin keeps its files: the data folder, the database in it, and the
//! knowledge an analyst adds (imported gazetteers, learned actors).

use std::path::{Path, PathBuf};

use anyhow::{anyhow, Context, Result};
use tocsin_store::Store;

/// The locations the global options name: `--data-dir` and `--db`.
#[derive(Debug, Clone, Default)]
pub struct Home {
    data_dir: Option<PathBuf>,
    db: Option<PathBuf>,
}

impl Home {
    /// The locations given on the command line (either may be absent).
    pub fn new(data_dir: Option<&Path>, db: Option<&Path>) -> Home {
        Home { data_dir: data_dir.map(Path::to_owned), db: db.map(Path::to_owned) }
    }

    /// The data folder: `--data-dir` when given, else the platform's data
    /// directory (created when missing).
    pub fn data_dir(&self) -> Result<PathBuf> {
        let dir = match &self.data_dir {
            Some(dir) => dir.clone(),
            None => directories::ProjectDirs::from("org", "tocsin", "tocsin")
                .ok_or_else(|| {
                    anyhow!(
                        "no home directory to keep tocsin's data in: pass --data-dir DIR \
                         (or set TOCSIN_DATA_DIR)"
                    )
                })?
                .data_dir()
                .to_owned(),
        };
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("creating the data directory {}", dir.display()))?;
        Ok(dir)
    }

    /// The folder of imported gazetteers: `gazetteer/` in the data folder.
    pub fn gazetteer_dir(&self) -> Result<PathBuf> {
        Ok(self.data_dir()?.join("gazetteer"))
    }

    /// The folder of learned actors: `actors/` in the data folder.
    pub fn actors_dir(&self) -> Result<PathBuf> {
        Ok(self.data_dir()?.join("actors"))
    }

    /// The analyst's own event-type model (`tocsin train`): `model/event-types.bin` in the
    /// data folder; when present it replaces the shipped one.
    pub fn type_model_path(&self) -> Result<PathBuf> {
        Ok(self.data_dir()?.join("model").join("event-types.bin"))
    }

    /// The database file: `--db` when given, else `tocsin.db` in the data folder.
    pub fn db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(db) => Ok(db.clone()),
            None => Ok(self.data_dir()?.join("tocsin.db")),
        }
    }

    /// The demonstration database: `--db` when given, else `demo.db` in the data
    /// folder, so that sample events never mix with an analyst's own.
    pub fn demo_db_path(&self) -> Result<PathBuf> {
        match &self.db {
            Some(db) => Ok(db.clone()),
            None => Ok(self.data_dir()?.join("demo.db")),
        }
    }

    /// Opens (creating when missing) the store for writing.
    pub fn open_for_writing(&self) -> Result<Store> {
        open_for_writing(&self.db_path()?)
    }

    /// Opens an existing store for reading; a missing file is an error with a hint.
    pub fn open_existing(&self) -> Result<Store> {
        let path = self.db_path()?;
        if !path.exists() {
            return Err(anyhow!(
                "no database at {}: run `tocsin ingest FILES...` first (or pass --db PATH)",
                path.display()
            ));
        }
        Store::open_existing(&path)
            .with_context(|| format!("opening the database {}", path.display()))
    }
}

/// Opens (creating when missing) the store at `path` for writing.
pub fn open_for_writing(path: &Path) -> Result<Store> {
    if let Some(parent) = path.parent().filter(|parent| !parent.as_os_str().is_empty()) {
        if !parent.exists() {
            return Err(anyhow!(
                "the folder {} does not exist: create it or choose another --db",
                parent.display()
            ));
        }
    }
    Store::open(path).with_context(|| format!("opening the database {}", path.display()))
}
