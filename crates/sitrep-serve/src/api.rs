//! JSON handlers under `/api/`. Errors are JSON too: `{"error": "..."}`.

use crate::params::{EventQuery, ParamError};
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use sitrep_model::{Document, Event};
use sitrep_store::EventCount;
use std::sync::Arc;

/// Why a request failed; each maps to one status code.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Internal(String),
}

impl From<ParamError> for ApiError {
    fn from(e: ParamError) -> Self {
        ApiError::BadRequest(e.to_string())
    }
}

impl From<QueryRejection> for ApiError {
    fn from(e: QueryRejection) -> Self {
        ApiError::BadRequest(e.body_text())
    }
}

impl From<sitrep_store::StoreError> for ApiError {
    fn from(e: sitrep_store::StoreError) -> Self {
        ApiError::Internal(e.to_string())
    }
}

#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.as_str()),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m.as_str()),
            ApiError::Internal(m) => {
                // The detail (paths, SQLite messages) goes to the operator's
                // terminal, not to the client.
                eprintln!("sitrep serve: {m}");
                (StatusCode::INTERNAL_SERVER_ERROR, "internal error")
            }
        };
        (status, Json(ErrorBody { error: message })).into_response()
    }
}

type ApiResult<T> = Result<Json<T>, ApiError>;

/// `GET /api/events`: one page of matching events, by date then id, as
/// `{"total", "limit", "offset", "events"}`.
///
/// The events are the stored JSON records spliced in as they are (each was
/// written by `serde_json` from an `Event`), which makes a page of 500 several
/// times cheaper than decoding and re-encoding every record.
pub async fn events(
    State(state): State<Arc<AppState>>,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> Result<Response, ApiError> {
    let filter = query?.0.page_filter()?;
    let (limit, offset) = (filter.limit.unwrap_or_default(), filter.offset);
    let (total, records) = state
        .with_store(move |store| {
            Ok((
                store.count_matching_events(&filter)?,
                store.query_event_records(&filter)?,
            ))
        })
        .await?;
    let mut body = String::with_capacity(64 + records.iter().map(|r| r.len() + 1).sum::<usize>());
    body.push_str(&format!(
        r#"{{"total":{total},"limit":{limit},"offset":{offset},"events":["#
    ));
    for (i, record) in records.iter().enumerate() {
        if i > 0 {
            body.push(',');
        }
        body.push_str(record);
    }
    body.push_str("]}");
    Ok(([(header::CONTENT_TYPE, "application/json")], body).into_response())
}

/// The document fields the evidence view needs (not its ingestion origin,
/// which is a local path).
#[derive(Serialize)]
pub struct DocumentView {
    doc_id: String,
    source: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<chrono::NaiveDate>,
    /// Evidence offsets are Unicode character offsets into this text.
    text: String,
}

impl From<Document> for DocumentView {
    fn from(d: Document) -> Self {
        DocumentView {
            doc_id: d.id,
            source: d.source,
            url: d.url,
            title: d.title,
            published: d.published,
            text: d.text,
        }
    }
}

#[derive(Serialize)]
pub struct EventDetail {
    event: Event,
    /// Absent only if the document row was removed by hand.
    document: Option<DocumentView>,
}

/// `GET /api/events/{event_id}`: the event and the text its evidence points into.
pub async fn event_detail(
    State(state): State<Arc<AppState>>,
    Path(event_id): Path<String>,
) -> ApiResult<EventDetail> {
    let lookup_id = event_id.clone();
    let found = state
        .with_store(move |store| {
            let Some(event) = store.event(&lookup_id)? else {
                return Ok(None);
            };
            let document = store.document(&event.doc_id)?.map(DocumentView::from);
            Ok(Some(EventDetail { event, document }))
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no event {event_id:?}")))
}

#[derive(Serialize)]
pub struct TypeCount {
    /// ACLED spelling; null for events without a type.
    #[serde(rename = "type")]
    event_type: Option<String>,
    events: usize,
    fatalities: u64,
}

#[derive(Serialize)]
pub struct CountryCount {
    /// Null for events without a country.
    country: Option<String>,
    events: usize,
    fatalities: u64,
}

#[derive(Serialize)]
pub struct DayCount {
    date: String,
    events: usize,
    fatalities: u64,
}

#[derive(Serialize)]
pub struct Stats {
    events: usize,
    fatalities: u64,
    /// Events with no date (not in `by_day`).
    undated: usize,
    by_type: Vec<TypeCount>,
    /// Days with at least one event, in order.
    by_day: Vec<DayCount>,
    /// The most events first.
    by_country: Vec<CountryCount>,
}

/// `GET /api/stats`: counts by type and by day over the filtered events.
pub async fn stats(
    State(state): State<Arc<AppState>>,
    query: Result<Query<EventQuery>, QueryRejection>,
) -> ApiResult<Stats> {
    let filter = query?.0.whole_filter()?;
    let stats = state
        .with_store(move |store| store.event_stats(&filter))
        .await?;
    let mut undated = 0;
    let mut by_day = Vec::with_capacity(stats.by_day.len());
    for EventCount {
        key,
        events,
        fatalities,
    } in stats.by_day
    {
        match key {
            Some(date) => by_day.push(DayCount {
                date,
                events,
                fatalities,
            }),
            None => undated += events,
        }
    }
    Ok(Json(Stats {
        events: stats.events,
        fatalities: stats.fatalities,
        undated,
        by_type: stats
            .by_type
            .into_iter()
            .map(|c| TypeCount {
                event_type: c.key,
                events: c.events,
                fatalities: c.fatalities,
            })
            .collect(),
        by_day,
        by_country: stats
            .by_country
            .into_iter()
            .map(|c| CountryCount {
                country: c.key,
                events: c.events,
                fatalities: c.fatalities,
            })
            .collect(),
    }))
}

/// Unknown paths: JSON under `/api/`, plain text elsewhere.
pub async fn not_found(uri: Uri) -> Response {
    if uri.path().starts_with("/api/") || uri.path() == "/api" {
        ApiError::NotFound(format!("no endpoint {}", uri.path())).into_response()
    } else {
        (StatusCode::NOT_FOUND, "not found").into_response()
    }
}
