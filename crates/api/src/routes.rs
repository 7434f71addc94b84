//! The request handlers: each parses its parameters, runs its store work on a
//! blocking thread under a time limit, and answers JSON (or an error JSON).

use std::io::Cursor;
use std::path::Path;

use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{Path as UrlPath, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use tocsin_export::{EventRow, Format, Writer};
use tocsin_ingest::{ingest_reports, IngestConfig};
use tocsin_model::{Event, Report};
use tocsin_store::{ChangeKind, EventFilter, Sort, Store};

use crate::error::ApiError;
use crate::params::{event_query, EventQuery, OutputFormat, MAX_LIMIT};
use crate::state::AppState;
use crate::wire::{
    ActorCount, EventDetailWire, EventPage, EventSummary, PlaceWire, Stats, SubmitResult,
};

/// Query pairs, or the reason they could not be read.
type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

/// Runs `job` with a pooled connection on a blocking thread; a job running past the
/// state's time limit is interrupted and answered with a 503.
pub(crate) async fn with_store<T: Send + 'static>(
    state: &AppState,
    job: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let (interrupt_tx, interrupt_rx) = tokio::sync::oneshot::channel::<Box<dyn Fn() + Send>>();
    let worker_state = state.clone();
    let task = tokio::task::spawn_blocking(move || {
        let mut store = worker_state.take_store()?;
        let handle = store.connection().get_interrupt_handle();
        let _ = interrupt_tx.send(Box::new(move || handle.interrupt()));
        let result = job(&mut store);
        worker_state.give_back(store);
        result
    });
    let joined = match tokio::time::timeout(state.inner.query_timeout, task).await {
        Ok(joined) => joined,
        Err(_elapsed) => {
            if let Ok(interrupt) = interrupt_rx.await {
                interrupt();
            }
            return Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the query took too long and was stopped",
                "narrow the filter (dates, country, bbox) or lower the limit",
            ));
        }
    };
    joined.map_err(|error| ApiError::internal(format!("the request's worker failed: {error}")))?
}

fn pairs(query: Pairs) -> Result<Vec<(String, String)>, ApiError> {
    match query {
        Ok(Query(pairs)) => Ok(pairs),
        Err(rejection) => Err(ApiError::bad_request(
            format!("cannot read the query string: {}", rejection.body_text()),
            "percent-encode parameter values",
        )),
    }
}

/// `GET /api/events`.
pub async fn events(State(state): State<AppState>, query: Pairs) -> Result<Response, ApiError> {
    let query = event_query(&pairs(query)?, &["sort", "format"])?;
    let family = family_names(&state, &query).await?;
    let format = query.format;
    let limit = query.filter.limit.unwrap_or(MAX_LIMIT);
    let offset = query.filter.offset;
    let (total, events, rows) = with_store(&state, move |store| {
        let (total, events) = match family_filter(&query.filter, family.as_deref())? {
            None => (0, Vec::new()),
            Some(filter) => {
                let events = store.events(&filter)?;
                // A first page that is not full holds every match: no need to count them.
                let page_holds_all = filter.offset == 0 && events.len() < limit;
                let total =
                    if page_holds_all { events.len() as u64 } else { store.count(&filter)? };
                (total, events)
            }
        };
        let rows = match format {
            OutputFormat::Json => Vec::new(),
            _ => export_rows(store, &events)?,
        };
        Ok((total, events, rows))
    })
    .await?;
    match format {
        OutputFormat::Json => {
            let events = events.iter().map(EventSummary::from_event).collect();
            Ok(Json(EventPage { total, limit, offset, events }).into_response())
        }
        OutputFormat::GeoJson => export(Format::GeoJson, &rows, "application/geo+json"),
        OutputFormat::Csv => export(Format::AcledCsv, &rows, "text/csv; charset=utf-8"),
    }
}

/// The actor's family names when `with_subgroups` asks for them and the book knows the actor.
async fn family_names(
    state: &AppState,
    query: &EventQuery,
) -> Result<Option<Vec<String>>, ApiError> {
    let Some(actor) = query.filter.actor.clone().filter(|_| query.with_subgroups) else {
        return Ok(None);
    };
    let state = state.clone();
    let names = tokio::task::spawn_blocking(move || {
        let book = state.inner.actors.get().map_err(|error| {
            ApiError::internal(format!("the actor knowledge base cannot load: {error}"))
        })?;
        Ok::<_, ApiError>(book.family(&actor))
    })
    .await
    .map_err(|error| ApiError::internal(format!("the request's worker failed: {error}")))??;
    // An actor the book does not know has no known sub-groups: match its name alone.
    Ok((names.len() > 1).then_some(names))
}

/// `filter` with the actor replaced by its family `names` (templates such as
/// `({country})` cut off), any of which an event's actors must contain; `filter` itself
/// when there is no family; `None` when no name is left to match (nothing matches).
fn family_filter(
    filter: &EventFilter,
    names: Option<&[String]>,
) -> Result<Option<EventFilter>, ApiError> {
    let Some(names) = names else { return Ok(Some(filter.clone())) };
    if filter.sort == Sort::Stored {
        return Err(ApiError::bad_request(
            "sort=stored cannot be combined with with_subgroups=true",
            "use sort=date, +date or fatalities",
        ));
    }
    let patterns: Vec<String> = names
        .iter()
        .map(|name| name.split('{').next().unwrap_or(name).trim_end_matches(['(', ' ']))
        .filter(|name| !name.is_empty())
        .map(str::to_lowercase)
        .collect();
    if patterns.is_empty() {
        return Ok(None);
    }
    Ok(Some(EventFilter { actor: None, actors: patterns, ..filter.clone() }))
}

/// Export rows for `events`, quoting their stored reports.
fn export_rows(store: &Store, events: &[Event]) -> Result<Vec<EventRow>, ApiError> {
    let mut rows = Vec::with_capacity(events.len());
    for event in events {
        let mut reports: Vec<Report> = Vec::new();
        for id in event.doc_ids() {
            reports.extend(store.report(id)?);
        }
        let reports: Vec<&Report> = reports.iter().collect();
        rows.push(EventRow::from_event(event, &reports));
    }
    Ok(rows)
}

fn export(format: Format, rows: &[EventRow], content_type: &str) -> Result<Response, ApiError> {
    let mut writer = Writer::new(format, Vec::new());
    for row in rows {
        writer.write(row).map_err(|error| ApiError::internal(error.to_string()))?;
    }
    let body = writer.finish().map_err(|error| ApiError::internal(error.to_string()))?;
    Ok(([(header::CONTENT_TYPE, content_type.to_owned())], body).into_response())
}

/// `GET /api/events/{id}`.
pub async fn event(
    State(state): State<AppState>,
    id: Result<UrlPath<String>, PathRejection>,
) -> Result<Json<EventDetailWire>, ApiError> {
    let UrlPath(id) = id.map_err(|rejection| {
        ApiError::bad_request(rejection.body_text(), "GET /api/events/{id} with an event id")
    })?;
    let wanted = id.clone();
    let detail = with_store(&state, move |store| Ok(store.event(&wanted)?)).await?;
    match detail {
        Some(detail) => Ok(Json(EventDetailWire::from_detail(&detail))),
        None => Err(ApiError::not_found(
            format!("no event {id:?}"),
            "event ids look like TGO12; GET /api/events lists them",
        )),
    }
}

/// `GET /api/actors`.
pub async fn actors(
    State(state): State<AppState>,
    query: Pairs,
) -> Result<Json<Vec<ActorCount>>, ApiError> {
    let query = event_query(&pairs(query)?, &[])?;
    let limit = query.filter.limit.unwrap_or(MAX_LIMIT);
    let offset = query.filter.offset;
    let family = family_names(&state, &query).await?;
    with_store(&state, move |store| {
        let Some(filter) = family_filter(&query.filter, family.as_deref())? else {
            return Ok(Vec::new());
        };
        let actors = store.actor_counts(&filter)?;
        Ok(actors
            .into_iter()
            .skip(offset)
            .take(limit)
            .map(|actor| ActorCount {
                name: actor.name,
                inter: actor.inter.code(),
                events: actor.events,
                as_actor1: actor.as_actor1,
                as_actor2: actor.as_actor2,
                fatalities: actor.fatalities,
            })
            .collect())
    })
    .await
    .map(Json)
}

/// `GET /api/stats`.
pub async fn stats(State(state): State<AppState>, query: Pairs) -> Result<Json<Stats>, ApiError> {
    let query = event_query(&pairs(query)?, &[])?;
    let family = family_names(&state, &query).await?;
    with_store(&state, move |store| {
        let counts = match family_filter(&query.filter, family.as_deref())? {
            Some(filter) => store.stats(&filter)?,
            None => tocsin_store::EventStats::default(),
        };
        Ok(Stats::from_store(counts))
    })
    .await
    .map(Json)
}

/// `GET /api/places?q=`.
pub async fn places(
    State(state): State<AppState>,
    query: Pairs,
) -> Result<Json<Vec<PlaceWire>>, ApiError> {
    let mut name = None;
    let mut country = None;
    let mut limit = 10_usize;
    for (key, value) in pairs(query)? {
        match key.as_str() {
            "q" => name = Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
            "country" => country = Some(value.trim().to_owned()).filter(|v| !v.is_empty()),
            "limit" => {
                limit = value.trim().parse().ok().filter(|n| (1..=100).contains(n)).ok_or_else(
                    || {
                        ApiError::bad_request(
                            format!("limit {value:?} is not 1 to 100"),
                            "limit=10",
                        )
                    },
                )?
            }
            _ => {
                return Err(ApiError::bad_request(
                    format!("unknown parameter {key:?}"),
                    "known parameters: q, country, limit",
                ))
            }
        }
    }
    let Some(name) = name else {
        return Err(ApiError::bad_request("q is missing", "GET /api/places?q=Lome"));
    };
    if name.chars().count() > 200 {
        return Err(ApiError::bad_request("q is too long", "give a place name"));
    }
    let state = state.clone();
    tokio::task::spawn_blocking(move || {
        let gazetteer =
            state.inner.gazetteer.get().map_err(|error| {
                ApiError::internal(format!("the gazetteer cannot load: {error}"))
            })?;
        let places = gazetteer
            .search(&name, country.as_deref())
            .into_iter()
            .take(limit)
            .map(|candidate| {
                let place = candidate.place;
                PlaceWire {
                    name: place.location,
                    country: place.country,
                    country_code: place.country_code,
                    admin1: place.admin1,
                    admin2: place.admin2,
                    latitude: place.latitude,
                    longitude: place.longitude,
                    feature: candidate.feature,
                    population: candidate.population,
                    score: candidate.score,
                }
            })
            .collect();
        Ok(Json(places))
    })
    .await
    .map_err(|error| ApiError::internal(format!("the request's worker failed: {error}")))?
}

/// `POST /api/reports`: article JSON (one object or an array), extracted and stored.
pub async fn submit_reports(
    State(state): State<AppState>,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<SubmitResult>), ApiError> {
    let body = body.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                format!("the body is larger than {} bytes", state.inner.max_body_bytes),
                "send fewer reports per request",
            )
        } else {
            ApiError::bad_request(rejection.body_text(), "send the reports as JSON")
        }
    })?;
    let reports = parse_reports(&body)?;
    let n_reports = reports.len() as u64;
    let extract_state = state.clone();
    let extractor = tokio::task::spawn_blocking(move || extract_state.inner.extractor.get())
        .await
        .map_err(|error| ApiError::internal(format!("the request's worker failed: {error}")))?
        .map_err(|error| ApiError::internal(format!("the extractor cannot load: {error}")))?;
    let write_state = state.clone();
    let result = with_store(&state, move |store| {
        let _writing =
            write_state.inner.write_lock.lock().map_err(|_| {
                ApiError::internal("an earlier write failed badly; restart the server")
            })?;
        let config = IngestConfig::default();
        // Events this request creates or recodes are stamped after `before` (the store
        // keeps milliseconds; one is taken off so that a stamp in the same one counts).
        let before = (config.clock)() - chrono::Duration::milliseconds(1);
        let summary =
            ingest_reports(reports.into_iter().map(Ok), &*extractor, store, &config, &mut |_| {})
                .map_err(|error| ApiError::internal(error.to_string()))?;
        let created = summary.stored.events_created;
        let touched = created + summary.stored.events_joined;
        let events: Vec<Event> = if touched == 0 {
            Vec::new()
        } else {
            store
                .changes_since(before)?
                .into_iter()
                .filter_map(|change| match change.kind {
                    ChangeKind::Upserted(event) => Some(*event),
                    ChangeKind::Deleted { .. } => None,
                })
                .collect()
        };
        Ok(SubmitResult {
            reports_received: n_reports,
            reports_new: summary.stored.reports_new,
            reports_duplicate: summary.stored.reports_duplicate,
            events_created: created,
            events_joined: summary.stored.events_joined,
            events: events.iter().map(EventSummary::from_event).collect(),
            diagnostics: summary
                .diagnostics
                .iter()
                .map(|d| format!("{}: {}", d.report_id, d.message))
                .collect(),
        })
    })
    .await?;
    let status = if result.reports_new > 0 { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(result)))
}

/// Reads article JSON: one object or an array of objects.
fn parse_reports(body: &[u8]) -> Result<Vec<Report>, ApiError> {
    let hint = "send one article object or an array of them: {\"id\": \"r1\", \"text\": \"...\", \"title\": null, \"published\": \"2024-05-01\", \"source\": null, \"language\": \"en\"}";
    let value: serde_json::Value = serde_json::from_slice(body)
        .map_err(|error| ApiError::bad_request(format!("the body is not JSON: {error}"), hint))?;
    let objects = match &value {
        serde_json::Value::Object(_) => 1,
        serde_json::Value::Array(items) if items.iter().all(|item| item.is_object()) => items.len(),
        _ => {
            return Err(ApiError::bad_request(
                "the body is neither an article object nor an array of them",
                hint,
            ))
        }
    };
    if objects == 0 {
        return Err(ApiError::bad_request("the array holds no reports", hint));
    }
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    tocsin_readers::read_from(
        Cursor::new(body),
        Path::new("request.json"),
        Some(tocsin_readers::Format::Json),
        &mut |result| match result {
            Ok(report) => reports.push(report),
            Err(error) => errors.push(error.to_string()),
        },
    );
    if let Some(first) = errors.first() {
        return Err(ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            format!("{} of {objects} reports cannot be read: {first}", errors.len()),
            hint,
        ));
    }
    Ok(reports)
}

/// Any unknown path under `/api`.
pub async fn api_not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::not_found(
        format!("no endpoint {}", uri.path()),
        "GET /api/openapi.json lists the endpoints",
    )
}

/// A known path with the wrong method.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        format!("{method} is not allowed on {}", uri.path()),
        "GET /api/openapi.json lists each endpoint's methods",
    )
}
