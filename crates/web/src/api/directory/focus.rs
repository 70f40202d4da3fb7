//! `/api/v1/focus-areas`: the coalition's editable list of focus areas.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::{FocusArea, FocusAreaInput, FocusCode};
use tadamun_store::directory::focus;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::ApiJson;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(rename, delete))
}

/// A focus area.
#[derive(Serialize, ToSchema)]
pub(crate) struct FocusAreaOut {
    /// Stable code (`media`, `land-rights`).
    code: String,
    name_ar: Option<String>,
    name_en: String,
    name_fr: Option<String>,
    name_es: Option<String>,
}

impl From<FocusArea> for FocusAreaOut {
    fn from(a: FocusArea) -> Self {
        Self {
            code: a.code.as_str().to_owned(),
            name_ar: a.names.ar,
            name_en: a.names.en,
            name_fr: a.names.fr,
            name_es: a.names.es,
        }
    }
}

/// A new focus area, or new names for one.
#[derive(Deserialize, ToSchema)]
pub(crate) struct FocusAreaBody {
    /// On creation: lower-case letters, digits and hyphens. Ignored on rename.
    code: Option<String>,
    name_ar: Option<String>,
    /// Required.
    name_en: String,
    name_fr: Option<String>,
    name_es: Option<String>,
}

impl FocusAreaBody {
    fn input(self, code: String) -> FocusAreaInput {
        FocusAreaInput {
            code,
            name_ar: self.name_ar,
            name_en: self.name_en,
            name_fr: self.name_fr,
            name_es: self.name_es,
        }
    }
}

/// Every focus area (signed-in users).
#[utoipa::path(get, path = "/api/v1/focus-areas", tag = "directory",
    responses((status = 200, body = Vec<FocusAreaOut>), (status = 401, body = ErrorBody)))]
async fn list(State(state): State<AppState>, caller: Caller) -> AppResult<Json<Vec<FocusAreaOut>>> {
    caller.user()?;
    let areas = focus::list(&state.db).await?;
    Ok(Json(areas.into_iter().map(FocusAreaOut::from).collect()))
}

/// Adds a focus area (coordinators and admins). A code already in use gives 409.
#[utoipa::path(post, path = "/api/v1/focus-areas", tag = "directory", request_body = FocusAreaBody,
    responses((status = 201, body = FocusAreaOut), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<FocusAreaBody>,
) -> AppResult<(StatusCode, Json<FocusAreaOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let code = body.code.clone().unwrap_or_default();
    let area = body.input(code).validate()?;
    focus::create(&state.db, &caller.actor(), &area).await?;
    Ok((StatusCode::CREATED, Json(area.into())))
}

fn parse_code(raw: &str) -> AppResult<FocusCode> {
    FocusCode::parse("code", raw).map_err(|_| AppError::NotFound)
}

/// Renames a focus area (coordinators and admins); its code stays.
#[utoipa::path(put, path = "/api/v1/focus-areas/{code}", tag = "directory", params(("code" = String, Path)), request_body = FocusAreaBody,
    responses((status = 200, body = FocusAreaOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn rename(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    ApiJson(body): ApiJson<FocusAreaBody>,
) -> AppResult<Json<FocusAreaOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let code = parse_code(&code)?;
    let area = body.input(code.as_str().to_owned()).validate()?;
    focus::rename(&state.db, &caller.actor(), &code, area.names.clone()).await?;
    Ok(Json(area.into()))
}

/// Removes a focus area (coordinators and admins) and takes it off every organisation.
#[utoipa::path(delete, path = "/api/v1/focus-areas/{code}", tag = "directory", params(("code" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    focus::delete(&state.db, &caller.actor(), &parse_code(&code)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
