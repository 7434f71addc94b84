//! The HTTP API and the dashboard over a tocsin store.
//!
//! This crate owns HTTP: routes, the API's JSON types (converted by hand from the
//! model), and the dashboard's files, embedded in the binary so that it works with
//! the network unplugged. It knows no SQL (it calls `tocsin-store`) and no terminal.
//!
//! * [`serve`] runs the server until Ctrl-C; [`serve_with`] also says where it listens.
//! * [`router`] builds the [`axum::Router`] over an [`AppState`], for tests and embedding.
//! * [`seed_demo`] fills a store with a few hundred made-up events for `tocsin demo`.
//!
//! Endpoints (documented in `assets/openapi.json`, served at `/api/openapi.json`):
//! `GET /api/events`, `GET /api/events/{id}`, `GET /api/actors`, `GET /api/places`,
//! `GET /api/stats`, `POST /api/reports`, and the dashboard at `/`.
//!
//! ```no_run
//! use tocsin_api::{serve, ServeConfig};
//! let config = ServeConfig::new("tocsin.db".into(), "127.0.0.1:8080".parse().unwrap());
//! serve(config)?;
//! # Ok::<(), tocsin_api::Error>(())
//! ```
#![warn(missing_docs)]

mod assets;
mod demo;
mod error;
mod params;
mod routes;
mod state;
mod wire;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use tower_http::compression::CompressionLayer;

pub use demo::{demo_reports, seed_demo, DemoConfig};
pub use error::{ApiError, Error, Result};
pub use params::{DEFAULT_LIMIT, MAX_LIMIT};
pub use state::{AppState, AppStateBuilder, SharedExtractor};
pub use wire::{EventDetailWire, EventPage, EventSummary};

/// The largest `POST /api/reports` body accepted by default: 10 MB.
pub const DEFAULT_MAX_BODY_BYTES: usize = 10 * 1024 * 1024;

/// How to run the server.
#[derive(Debug, Clone)]
pub struct ServeConfig {
    /// The store file (created if missing).
    pub db: PathBuf,
    /// Where to listen (`127.0.0.1:8080`; port 0 picks a free one).
    pub addr: SocketAddr,
    /// The largest request body accepted.
    pub max_body_bytes: usize,
}

impl ServeConfig {
    /// The defaults for a store and an address.
    pub fn new(db: PathBuf, addr: SocketAddr) -> ServeConfig {
        ServeConfig { db, addr, max_body_bytes: DEFAULT_MAX_BODY_BYTES }
    }
}

/// The API and dashboard routes over `state`.
pub fn router(state: AppState) -> Router {
    let max_body = state.inner.max_body_bytes;
    let api = Router::new()
        .route("/events", get(routes::events))
        .route("/events/{id}", get(routes::event))
        .route("/actors", get(routes::actors))
        .route("/places", get(routes::places))
        .route("/stats", get(routes::stats))
        .route("/reports", post(routes::submit_reports).layer(DefaultBodyLimit::max(max_body)))
        .route("/openapi.json", get(assets::openapi))
        .fallback(routes::api_not_found)
        .method_not_allowed_fallback(routes::method_not_allowed);
    Router::new()
        .nest("/api", api)
        .fallback(assets::static_file)
        .layer(CompressionLayer::new())
        .with_state(state)
}

/// Opens (creating if needed) the store and serves until Ctrl-C. Blocks; starts its
/// own async runtime.
pub fn serve(config: ServeConfig) -> Result<()> {
    serve_with(config, |_addr| {})
}

/// [`serve`], calling `on_listening` with the bound address (useful with port 0)
/// once the server accepts connections.
pub fn serve_with(config: ServeConfig, on_listening: impl FnOnce(SocketAddr)) -> Result<()> {
    // Create and migrate the store up front so that a bad path fails before listening.
    let store = tocsin_store::Store::open(&config.db)?;
    drop(store);
    let state = AppState::builder(config.db.clone()).max_body_bytes(config.max_body_bytes).build();
    let runtime =
        tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(Error::Runtime)?;
    let addr = config.addr;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Io { addr, source })?;
        let bound = listener.local_addr().map_err(|source| Error::Io { addr, source })?;
        on_listening(bound);
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|source| Error::Io { addr: bound, source })
    })
}
