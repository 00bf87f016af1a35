//! The dashboard's files, compiled into the binary so it works offline and
//! from any directory. A fixed table, not a directory walk: a request can
//! only ever name one of these.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// (file name under `/assets/`, content type, bytes).
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        // Natural Earth 1:110m admin-0 outlines via world-atlas 2.0.2; see
        // assets/NOTICE.md.
        "countries-110m.json",
        "application/json",
        include_bytes!("../assets/countries-110m.json"),
    ),
];

const INDEX_HTML: &str = include_str!("../assets/index.html");

/// Hand-written OpenAPI 3.0 description of the API.
pub const OPENAPI_JSON: &str = include_str!("../assets/openapi.json");

/// `GET /`: the dashboard.
pub async fn index() -> Response {
    file_response("text/html; charset=utf-8", INDEX_HTML.as_bytes())
}

/// `GET /assets/{file}`.
pub async fn asset(Path(name): Path<String>) -> Response {
    match FILES.iter().find(|(file, _, _)| *file == name) {
        Some((_, content_type, bytes)) => file_response(content_type, bytes),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

/// `GET /openapi.json`.
pub async fn openapi() -> Response {
    file_response("application/json", OPENAPI_JSON.as_bytes())
}

fn file_response(content_type: &'static str, bytes: &'static [u8]) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            // Revalidate each load: the binary may have been rebuilt.
            (header::CACHE_CONTROL, "no-cache"),
        ],
        bytes,
    )
        .into_response()
}
