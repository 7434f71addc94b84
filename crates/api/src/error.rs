//! Errors: the crate's error type and the JSON error answer every failed request gets.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

/// An error starting or running the server.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The store could not be opened.
    #[error("opening the store: {0}")]
    Store(#[from] tocsin_store::Error),
    /// The address could not be bound, or serving failed.
    #[error("serving on {addr}: {source}")]
    Io {
        /// The address.
        addr: std::net::SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The async runtime could not start.
    #[error("starting the runtime: {0}")]
    Runtime(std::io::Error),
}

/// The result type of this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A failed request: a status and `{"error": ..., "hint": ...}`.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// What went wrong, lowercase.
    pub error: String,
    /// What to do about it.
    pub hint: String,
}

/// The JSON body of an error answer.
#[derive(Debug, Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    hint: &'a str,
}

impl ApiError {
    /// A 400 Bad Request.
    pub fn bad_request(error: impl Into<String>, hint: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, error, hint)
    }

    /// A 404 Not Found.
    pub fn not_found(error: impl Into<String>, hint: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, error, hint)
    }

    /// A 500 Internal Server Error.
    pub fn internal(error: impl Into<String>) -> ApiError {
        ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            error,
            "the server log may say more; the request can be retried",
        )
    }

    /// An error with any status.
    pub fn new(status: StatusCode, error: impl Into<String>, hint: impl Into<String>) -> ApiError {
        ApiError { status, error: error.into(), hint: hint.into() }
    }
}

impl From<tocsin_store::Error> for ApiError {
    fn from(error: tocsin_store::Error) -> ApiError {
        use tocsin_store::Error as E;
        match &error {
            E::InvalidQuery { .. } => ApiError::bad_request(
                error.to_string(),
                "q takes words, \"quoted phrases\", prefix* and OR",
            ),
            E::InvalidFilter(_) => {
                ApiError::bad_request(error.to_string(), "see /api/openapi.json")
            }
            E::Sqlite(sqlite) if is_interrupted(sqlite) => ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the query took too long and was stopped",
                "narrow the filter (dates, country, bbox) or lower the limit",
            ),
            _ => ApiError::internal(error.to_string()),
        }
    }
}

/// Whether SQLite stopped a statement because the request's time ran out (the store
/// does not re-export SQLite's error codes, so this goes by SQLite's message).
fn is_interrupted(error: &impl std::fmt::Display) -> bool {
    error.to_string().contains("interrupted")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = ErrorBody { error: &self.error, hint: &self.hint };
        (self.status, Json(body)).into_response()
    }
}
