//! The server's shared state: the store file, a small pool of open connections, and
//! the shipped data (extractor, actor book, gazetteer), each loaded on first use.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use tocsin_actors::ActorBook;
use tocsin_ingest::Extract;
use tocsin_places::Gazetteer;
use tocsin_store::Store;

use crate::error::ApiError;

/// Connections kept open between requests.
const POOL_SIZE: usize = 8;

/// An extractor the server can share between threads.
pub type SharedExtractor = Arc<dyn Extract + Send + Sync>;

/// A value loaded on first use; a load failure is kept and reported on every use.
pub struct Lazy<T: ?Sized> {
    cell: OnceLock<std::result::Result<Arc<T>, String>>,
    load: Box<dyn Fn() -> std::result::Result<Arc<T>, String> + Send + Sync>,
}

impl<T: ?Sized> Lazy<T> {
    /// A value `load` makes on first use.
    pub fn new(
        load: impl Fn() -> std::result::Result<Arc<T>, String> + Send + Sync + 'static,
    ) -> Lazy<T> {
        Lazy { cell: OnceLock::new(), load: Box::new(load) }
    }

    /// A value that is already there.
    pub fn ready(value: Arc<T>) -> Lazy<T> {
        let cell = OnceLock::new();
        let _ = cell.set(Ok(value));
        Lazy { cell, load: Box::new(|| Err("unreachable: the value was given".to_owned())) }
    }

    /// The value, loading it if needed (call from a blocking thread).
    pub fn get(&self) -> std::result::Result<Arc<T>, String> {
        self.cell.get_or_init(|| (self.load)()).clone()
    }
}

/// What every request handler shares.
#[derive(Clone)]
pub struct AppState {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub db: PathBuf,
    pub pool: Mutex<Vec<Store>>,
    pub write_lock: Mutex<()>,
    pub extractor: Lazy<dyn Extract + Send + Sync>,
    pub actors: Lazy<ActorBook>,
    pub gazetteer: Lazy<Gazetteer>,
    pub query_timeout: Duration,
    pub max_body_bytes: usize,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("db", &self.inner.db).finish_non_exhaustive()
    }
}

/// Builds an [`AppState`].
pub struct AppStateBuilder {
    db: PathBuf,
    extractor: Option<SharedExtractor>,
    actors: Option<Arc<ActorBook>>,
    gazetteer: Option<Arc<Gazetteer>>,
    query_timeout: Duration,
    max_body_bytes: usize,
}

impl AppState {
    /// A builder over the store at `db`, which must exist (see [`tocsin_store::Store::open`]).
    pub fn builder(db: impl Into<PathBuf>) -> AppStateBuilder {
        AppStateBuilder {
            db: db.into(),
            extractor: None,
            actors: None,
            gazetteer: None,
            query_timeout: Duration::from_secs(20),
            max_body_bytes: crate::DEFAULT_MAX_BODY_BYTES,
        }
    }

    /// The store file.
    pub fn db(&self) -> &Path {
        &self.inner.db
    }

    /// A connection from the pool, or a new one.
    pub(crate) fn take_store(&self) -> Result<Store, ApiError> {
        let pooled = self.inner.pool.lock().ok().and_then(|mut pool| pool.pop());
        match pooled {
            Some(store) => Ok(store),
            None => Store::open_existing(&self.inner.db).map_err(|error| {
                ApiError::new(
                    axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    error.to_string(),
                    "the store file could not be opened; check the server's --db",
                )
            }),
        }
    }

    /// Returns a connection to the pool.
    pub(crate) fn give_back(&self, store: Store) {
        if let Ok(mut pool) = self.inner.pool.lock() {
            if pool.len() < POOL_SIZE {
                pool.push(store);
            }
        }
    }
}

impl AppStateBuilder {
    /// The extractor `POST /api/reports` uses (default: the shipped one, loaded on first use).
    pub fn extractor(mut self, extractor: SharedExtractor) -> AppStateBuilder {
        self.extractor = Some(extractor);
        self
    }

    /// The actor book for `with_subgroups` (default: the shipped one, loaded on first use).
    pub fn actors(mut self, actors: Arc<ActorBook>) -> AppStateBuilder {
        self.actors = Some(actors);
        self
    }

    /// The gazetteer for `/api/places` (default: the shipped one, loaded on first use).
    pub fn gazetteer(mut self, gazetteer: Arc<Gazetteer>) -> AppStateBuilder {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// How long one query may run before it is stopped with a 503 (default 20 s).
    pub fn query_timeout(mut self, timeout: Duration) -> AppStateBuilder {
        self.query_timeout = timeout;
        self
    }

    /// The largest request body accepted (default [`crate::DEFAULT_MAX_BODY_BYTES`]).
    pub fn max_body_bytes(mut self, bytes: usize) -> AppStateBuilder {
        self.max_body_bytes = bytes;
        self
    }

    /// The state.
    pub fn build(self) -> AppState {
        let extractor = match self.extractor {
            Some(extractor) => Lazy::ready(extractor),
            None => Lazy::new(|| {
                let gazetteer = Gazetteer::load_default().map_err(|e| e.to_string())?;
                let actors = ActorBook::load_default().map_err(|e| e.to_string())?;
                let extractor: SharedExtractor =
                    Arc::new(tocsin_extract::Extractor::new(gazetteer, actors));
                Ok(extractor)
            }),
        };
        let actors = match self.actors {
            Some(actors) => Lazy::ready(actors),
            None => {
                Lazy::new(|| ActorBook::load_default().map(Arc::new).map_err(|e| e.to_string()))
            }
        };
        let gazetteer = match self.gazetteer {
            Some(gazetteer) => Lazy::ready(gazetteer),
            None => {
                Lazy::new(|| Gazetteer::load_default().map(Arc::new).map_err(|e| e.to_string()))
            }
        };
        AppState {
            inner: Arc::new(Inner {
                db: self.db,
                pool: Mutex::new(Vec::new()),
                write_lock: Mutex::new(()),
                extractor,
                actors,
                gazetteer,
                query_timeout: self.query_timeout,
                max_body_bytes: self.max_body_bytes,
            }),
        }
    }
}
