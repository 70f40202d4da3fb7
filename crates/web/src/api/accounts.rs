//! `/api/v1/me` and `/api/v1/users`.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, User, parse_name};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::{Invalid, Problem};
use tadamun_store::accounts::users;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ErrorBody, ItemsPage, PageParams};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::ApiJson;
use crate::forms::Params;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(me))
        .routes(routes!(list_users, create_user))
        .routes(routes!(get_user, update_user))
}

/// A user account.
#[derive(Serialize, ToSchema)]
pub(crate) struct UserOut {
    id: String,
    email: String,
    name: String,
    /// admin, coordinator, member or viewer.
    role: String,
    organisation: Option<String>,
    /// Interface language, if chosen.
    lang: Option<String>,
    time_zone: String,
    active: bool,
    /// Whether signing in needs a code from an authenticator app.
    two_factor: bool,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        Self {
            id: u.id.to_string(),
            email: u.email.to_string(),
            name: u.name,
            role: u.role.as_str().to_owned(),
            organisation: u.organisation.map(|o| o.to_string()),
            lang: u.lang.map(|l| l.code().to_owned()),
            time_zone: u.zone.name().to_owned(),
            active: u.active,
            two_factor: u.two_factor,
        }
    }
}

/// The caller's own account.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    responses((status = 200, body = UserOut), (status = 401, body = ErrorBody)))]
async fn me(caller: Caller) -> AppResult<Json<UserOut>> {
    Ok(Json(caller.user()?.clone().into()))
}

/// Every account (admins only).
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts", params(PageParams),
    responses((status = 200, body = ItemsPage<UserOut>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<PageParams>,
) -> AppResult<Json<ItemsPage<UserOut>>> {
    caller.admin()?;
    let page = users::list(&state.db, &q.request()?).await?;
    Ok(Json(ItemsPage::from_page(page, UserOut::from)))
}

/// A new account.
#[derive(Deserialize, ToSchema)]
pub(crate) struct NewUserBody {
    email: String,
    name: String,
    /// admin, coordinator, member or viewer.
    role: String,
    organisation: Option<String>,
    /// At least 10 characters, not a common password.
    password: String,
}

fn parse_organisation(raw: Option<&str>) -> Result<Option<OrganisationId>, Invalid> {
    match raw.filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(id) => OrganisationId::parse(id)
            .map(Some)
            .map_err(|_| Invalid::new("organisation", Problem::UnknownValue)),
    }
}

/// Adds an account (admins only).
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", request_body = NewUserBody,
    responses((status = 201, body = UserOut), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_user(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<NewUserBody>,
) -> AppResult<(StatusCode, Json<UserOut>)> {
    caller.admin()?;
    let email = Email::parse(&body.email)?;
    let new = NewUser {
        name: parse_name(&body.name)?,
        role: Role::parse(&body.role)?,
        organisation: parse_organisation(body.organisation.as_deref())?,
        password: NewPassword::parse(&body.password, &email)?.hash(),
        email,
    };
    let user = users::create(&state.db, &caller.actor(), new).await?;
    Ok((StatusCode::CREATED, Json(user.into())))
}

/// One account (admins only).
#[utoipa::path(get, path = "/api/v1/users/{id}", tag = "accounts", params(("id" = String, Path)),
    responses((status = 200, body = UserOut), (status = 404, body = ErrorBody)))]
async fn get_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<UserOut>> {
    caller.admin()?;
    let id = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    Ok(Json(users::get(&state.db, &id).await?.into()))
}

/// Changes to an account's access; absent fields stay as they are.
#[derive(Deserialize, ToSchema)]
pub(crate) struct UserPatch {
    role: Option<String>,
    /// An organisation id, or an empty string for none.
    organisation: Option<String>,
    active: Option<bool>,
}

/// Changes role, organisation or access (admins only).
#[utoipa::path(patch, path = "/api/v1/users/{id}", tag = "accounts", params(("id" = String, Path)), request_body = UserPatch,
    responses((status = 200, body = UserOut), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_user(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<UserPatch>,
) -> AppResult<Json<UserOut>> {
    let admin = caller.admin()?;
    let id = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    let user = users::get(&state.db, &id).await?;
    let access = users::Access {
        role: body
            .role
            .as_deref()
            .map(Role::parse)
            .transpose()?
            .unwrap_or(user.role),
        organisation: match body.organisation.as_deref() {
            None => user.organisation.clone(),
            Some(raw) => parse_organisation(Some(raw))?,
        },
        active: body.active.unwrap_or(user.active),
    };
    if admin.id == user.id && (access.role != Role::Admin || !access.active) {
        return Err(Invalid::new("role", Problem::SelfLockout).into());
    }
    Ok(Json(
        users::update_access(&state.db, &caller.actor(), &id, access)
            .await?
            .into(),
    ))
}
