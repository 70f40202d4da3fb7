//! `POST /api/v1/imports/organisations`: a CSV body, checked (dry run) or imported.

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use serde::Deserialize;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::directory::{ImportMode, ImportReport, run_import};
use crate::error::{AppError, AppResult};
use crate::forms::Params;
use crate::layers::IMPORT_LIMIT;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(import_organisations))
}

/// Whether to only check the file.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct DryRun {
    /// `true` (default) checks the file and saves nothing; `false` creates every
    /// valid, new organisation in one transaction.
    dry_run: Option<bool>,
}

/// Imports organisations from a CSV body (coordinators and admins): UTF-8 with or
/// without BOM, UTF-16 or Windows-1252; comma, semicolon or tab; headers in English,
/// French, Spanish or Arabic, including CiviCRM's and Action Network's. Rows with a
/// problem are reported by line and left out; rows whose organisation exists are
/// reported as duplicates. `valid` counts what a commit creates.
#[utoipa::path(post, path = "/api/v1/imports/organisations", tag = "directory", params(DryRun),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 200, body = ImportReport), (status = 403, body = ErrorBody), (status = 413, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn import_organisations(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<DryRun>,
    body: Body,
) -> AppResult<Json<ImportReport>> {
    caller.require(caller.viewer.can_write_network())?;
    let bytes = axum::body::to_bytes(body, IMPORT_LIMIT)
        .await
        .map_err(|_| AppError::TooLarge {
            max_mib: i64::try_from(IMPORT_LIMIT / (1024 * 1024)).unwrap_or(i64::MAX),
        })?;
    let mode = if q.dry_run.unwrap_or(true) {
        ImportMode::DryRun
    } else {
        ImportMode::Commit(None)
    };
    let (report, _) = run_import(
        &state.db,
        &caller.actor(),
        caller.lang,
        &bytes,
        mode,
        |_| {},
    )
    .await?;
    Ok(Json(report))
}
