//! The dashboard's files, embedded in the binary: nothing is fetched from the network.

use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use rust_embed::RustEmbed;

/// Everything under `crates/api/assets/`.
#[derive(RustEmbed)]
#[folder = "assets/"]
struct Assets;

/// The OpenAPI document the server answers at `/api/openapi.json`.
pub fn openapi_json() -> Option<Vec<u8>> {
    Assets::get("openapi.json").map(|file| file.data.into_owned())
}

/// Serves an embedded file; `/` is the dashboard.
pub async fn static_file(uri: Uri) -> Response {
    let path = uri.path().trim_start_matches('/');
    let path = if path.is_empty() { "index.html" } else { path };
    match Assets::get(path) {
        Some(file) => {
            let mime = file.metadata.mimetype().to_owned();
            let cache = if path.starts_with("vendor/") || path.starts_with("data/") {
                "public, max-age=86400"
            } else {
                "no-cache"
            };
            (
                [(header::CONTENT_TYPE, mime), (header::CACHE_CONTROL, cache.to_owned())],
                file.data.into_owned(),
            )
                .into_response()
        }
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    match openapi_json() {
        Some(body) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        None => crate::error::ApiError::internal("the OpenAPI document is missing from the build")
            .into_response(),
    }
}
