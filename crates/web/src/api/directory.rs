//! `/api/v1/organisations`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::{Organisation, OrganisationInput};
use tadamun_store::directory;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ErrorBody, ItemsPage, PageParams};
use crate::caller::Caller;
use crate::directory::{FilterQuery, parse_id};
use crate::error::AppResult;
use crate::forms::ApiJson;
use crate::forms::Params;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
}

/// An organisation.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganisationOut {
    id: String,
    name: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    city: Option<String>,
    website: Option<String>,
    description: Option<String>,
    /// public, network or restricted.
    visibility: String,
}

impl From<Organisation> for OrganisationOut {
    fn from(o: Organisation) -> Self {
        let f = o.fields;
        Self {
            id: o.id.to_string(),
            name: f.name,
            country: f.country.as_str().to_owned(),
            city: f.city,
            website: f.website,
            description: f.description,
            visibility: f.visibility.as_str().to_owned(),
        }
    }
}

/// An organisation's details. On update, absent fields stay as they are.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct OrganisationBody {
    name: Option<String>,
    country: Option<String>,
    city: Option<String>,
    website: Option<String>,
    description: Option<String>,
    /// public, network (default) or restricted.
    visibility: Option<String>,
}

impl OrganisationBody {
    fn onto(self, base: OrganisationInput) -> OrganisationInput {
        OrganisationInput {
            name: self.name.unwrap_or(base.name),
            country: self.country.unwrap_or(base.country),
            city: self.city.or(base.city),
            website: self.website.or(base.website),
            description: self.description.or(base.description),
            visibility: self.visibility.or(base.visibility),
        }
    }
}

/// The query of the organisation list: the fields of [`FilterQuery`] and
/// [`PageParams`] (not flattened: `serde(flatten)` loses the numbers of a query string).
#[derive(Deserialize)]
pub(crate) struct ListParams {
    q: Option<String>,
    country: Option<String>,
    region: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

impl ListParams {
    fn filter(&self) -> FilterQuery {
        FilterQuery {
            q: self.q.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
        }
    }

    fn page(&self) -> PageParams {
        PageParams {
            limit: self.limit,
            cursor: self.cursor.clone(),
        }
    }
}

/// Organisations the caller may see that match the filters, oldest first.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "directory", params(FilterQuery, PageParams),
    responses((status = 200, body = ItemsPage<OrganisationOut>), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListParams>,
) -> AppResult<Json<ItemsPage<OrganisationOut>>> {
    let page = directory::list(
        &state.db,
        &caller.viewer,
        &q.filter().parse()?,
        &q.page().request()?,
    )
    .await?;
    Ok(Json(ItemsPage::from_page(page, OrganisationOut::from)))
}

/// Adds an organisation (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory", request_body = OrganisationBody,
    responses((status = 201, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<(StatusCode, Json<OrganisationOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.onto(OrganisationInput::default()).validate()?;
    let org = directory::create(&state.db, &caller.actor(), fields).await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}

/// One organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = OrganisationOut), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<OrganisationOut>> {
    let org = directory::get(&state.db, &caller.viewer, &parse_id(&id)?).await?;
    Ok(Json(org.into()))
}

/// Changes an organisation (coordinators, admins, and members of that organisation).
#[utoipa::path(patch, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)), request_body = OrganisationBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<Json<OrganisationOut>> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    let f = org.fields;
    let base = OrganisationInput {
        name: f.name,
        country: f.country.as_str().to_owned(),
        city: f.city,
        website: f.website,
        description: f.description,
        visibility: Some(f.visibility.as_str().to_owned()),
    };
    let fields = body.onto(base).validate()?;
    Ok(Json(
        directory::update(&state.db, &caller.actor(), &id, fields)
            .await?
            .into(),
    ))
}

/// Removes an organisation (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    directory::delete(&state.db, &caller.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
