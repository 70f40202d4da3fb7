//! Organisation and people exports: CSV (UTF-8 with BOM) and JSON, with the lists'
//! filters.

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tadamun_core::directory::export::{ExportRow, PersonRow, people_to_csv, to_csv};
use tadamun_store::directory::{self, people};

use super::FilterQuery;
use super::people::PersonQuery;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::Params;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/export.csv", get(csv))
        .route("/organisations/export.json", get(json))
        .route("/people/export.csv", get(people_csv))
        .route("/people/export.json", get(people_json))
}

/// The rows of the people `caller` may see that match `filter`, as they may see them.
pub(crate) async fn person_rows(
    state: &AppState,
    caller: &Caller,
    filter: &PersonQuery,
) -> AppResult<Vec<PersonRow>> {
    let found = people::all(&state.db, &caller.viewer, &filter.parse()?).await?;
    let names = directory::all_names(&state.db, &caller.viewer)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect();
    Ok(found
        .iter()
        .map(|p| PersonRow::new(&p.seen_by(&caller.viewer), &names))
        .collect())
}

async fn people_csv(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<PersonQuery>,
) -> AppResult<Response> {
    let rows = person_rows(&state, &caller, &q).await?;
    Ok(download(
        people_to_csv(&rows),
        "text/csv; charset=utf-8",
        "attachment; filename=\"people.csv\"",
    ))
}

async fn people_json(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<PersonQuery>,
) -> AppResult<Response> {
    let rows = person_rows(&state, &caller, &q).await?;
    let body = serde_json::to_vec_pretty(&rows)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    Ok(download(
        body,
        "application/json",
        "attachment; filename=\"people.json\"",
    ))
}

/// The rows of the organisations `caller` may see that match `filter`.
pub(crate) async fn rows(
    state: &AppState,
    caller: &Caller,
    filter: &FilterQuery,
) -> AppResult<Vec<ExportRow>> {
    let orgs = directory::all(&state.db, &caller.viewer, &filter.parse()?).await?;
    Ok(orgs.iter().map(ExportRow::from).collect())
}

/// `rows` in the format an API caller asked for: CSV (the default, written by
/// `csv` as the download `filename`) or JSON.
pub(crate) fn in_format<T: serde::Serialize>(
    format: Option<&str>,
    rows: &[T],
    csv: fn(&[T]) -> Vec<u8>,
    filename: &'static str,
) -> crate::error::AppResult<Response> {
    match format.unwrap_or("csv") {
        "csv" => Ok(download(csv(rows), "text/csv; charset=utf-8", filename)),
        "json" => Ok(axum::Json(rows).into_response()),
        _ => Err(tadamun_core::Invalid::new("format", tadamun_core::Problem::UnknownValue).into()),
    }
}

/// A file download response.
pub(crate) fn download(
    body: Vec<u8>,
    content_type: &'static str,
    filename: &'static str,
) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, filename),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response()
}

async fn csv(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<FilterQuery>,
) -> AppResult<Response> {
    let rows = rows(&state, &caller, &q).await?;
    Ok(download(
        to_csv(&rows),
        "text/csv; charset=utf-8",
        "attachment; filename=\"organisations.csv\"",
    ))
}

async fn json(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<FilterQuery>,
) -> AppResult<Response> {
    let rows = rows(&state, &caller, &q).await?;
    let body = serde_json::to_vec_pretty(&rows)
        .map_err(|e| crate::error::AppError::Internal(e.to_string()))?;
    Ok(download(
        body,
        "application/json",
        "attachment; filename=\"organisations.json\"",
    ))
}
