//! `/api/v1/events/{id}/registrations`, `/api/v1/registrations/{id}/cancel` and
//! `/api/v1/events/{id}/attendance`: registering (no account needed for a public
//! event), cancelling with the registrant's token, and the organisers' list and
//! attendance.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::events::registration::{RegistrationInput, cancel_token, cancel_token_valid};
use tadamun_core::ids::RegistrationId;
use tadamun_core::{Invalid, Problem};
use tadamun_store::events::{self, registrations};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::events::event_id;
use crate::forms::ApiJson;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register, registrants))
        .routes(routes!(cancel_registration))
        .routes(routes!(set_attendance))
}

/// A registration as its registrant gets it back.
#[derive(Serialize, ToSchema)]
pub(crate) struct RegistrationOut {
    id: String,
    event: String,
    /// registered, waiting or cancelled.
    status: String,
    /// Proves the registration is the caller's: needed to cancel it.
    token: String,
    /// The registrant's own page (to see or cancel it).
    url: String,
}

/// Registers for an event (anyone who may see it: no account needed for a public
/// event). A place if one is left, else the waiting list. An address already
/// registered gives 422 `already_registered` on `email`; outside the registration
/// window, 422 `registration_closed`.
#[utoipa::path(post, path = "/api/v1/events/{id}/registrations", tag = "events", params(("id" = String, Path)),
    request_body = RegistrationInputBody,
    responses((status = 201, body = RegistrationOut), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn register(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RegistrationInputBody>,
) -> AppResult<(StatusCode, Json<RegistrationOut>)> {
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    let fields = RegistrationInput {
        name: body.name.unwrap_or_default(),
        email: body.email.unwrap_or_default(),
        country: body.country.unwrap_or_default(),
        lang: body.lang.unwrap_or_else(|| caller.lang.code().to_owned()),
        consent: body.consent.filter(|c| *c).map(|_| "on".to_owned()),
    }
    .validate()?;
    let r = registrations::register(
        &state.db,
        &caller.actor(),
        &e.id,
        fields,
        chrono::Utc::now(),
    )
    .await?;
    let key = crate::events::registration::secret(&state).await?;
    Ok((
        StatusCode::CREATED,
        Json(RegistrationOut {
            id: r.id.to_string(),
            event: e.id.to_string(),
            status: r.status.as_str().to_owned(),
            token: cancel_token(&key, &r.id),
            url: crate::events::registration::own_path(&key, &r.id),
        }),
    ))
}

/// A registration form as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct RegistrationInputBody {
    name: Option<String>,
    email: Option<String>,
    /// ISO 3166-1 code.
    country: Option<String>,
    /// ar, en, fr or es: the language of the e-mails; the caller's when absent.
    lang: Option<String>,
    /// Must be true: consent to be written to about this event.
    consent: Option<bool>,
}

/// A registrant, for the event's organisers.
#[derive(Serialize, ToSchema)]
pub(crate) struct RegistrantOut {
    id: String,
    name: String,
    email: String,
    country: String,
    lang: String,
    /// registered, waiting or cancelled.
    status: String,
    attended: bool,
    /// RFC 3339.
    registered_at: String,
}

/// The registrations of an event: those with a place, those waiting in order, the
/// cancelled (its organisers, coordinators and admins).
#[utoipa::path(get, path = "/api/v1/events/{id}/registrations", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = Vec<RegistrantOut>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn registrants(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<RegistrantOut>>> {
    caller.user()?;
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    caller.require(crate::events::may_manage(&caller, &e))?;
    let out = registrations::list(&state.db, &e.id)
        .await?
        .into_iter()
        .map(|r| RegistrantOut {
            id: r.id.to_string(),
            name: r.fields.name,
            email: r.fields.email.as_str().to_owned(),
            country: r.fields.country.as_str().to_owned(),
            lang: r.fields.lang.code().to_owned(),
            status: r.status.as_str().to_owned(),
            attended: r.attended,
            registered_at: r.created_at.to_rfc3339(),
        })
        .collect();
    Ok(Json(out))
}

/// The token of a registration's own link.
#[derive(Deserialize, ToSchema)]
pub(crate) struct CancelBody {
    token: Option<String>,
}

/// Where a registration stands after a cancellation.
#[derive(Serialize, ToSchema)]
pub(crate) struct CancelledOut {
    id: String,
    /// cancelled.
    status: String,
}

/// Cancels a registration with the token of its own link (or as the event's
/// organisers); its place goes to the first on the waiting list. A wrong token is
/// 404, so ids cannot be probed.
#[utoipa::path(post, path = "/api/v1/registrations/{id}/cancel", tag = "events", params(("id" = String, Path)),
    request_body = CancelBody,
    responses((status = 200, body = CancelledOut), (status = 404, body = ErrorBody)))]
async fn cancel_registration(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CancelBody>,
) -> AppResult<Json<CancelledOut>> {
    let id = RegistrationId::parse(&id).map_err(|_| AppError::NotFound)?;
    let key = crate::events::registration::secret(&state).await?;
    let by_token = cancel_token_valid(&key, &id, body.token.as_deref().unwrap_or_default());
    let r = registrations::get(&state.db, &id).await?;
    let by_organiser = match events::get(&state.db, &caller.viewer, &r.event).await {
        Ok(e) => caller.user.is_some() && crate::events::may_manage(&caller, &e),
        Err(_) => false,
    };
    if !by_token && !by_organiser {
        return Err(AppError::NotFound);
    }
    let done = registrations::cancel(&state.db, &caller.actor(), &id).await?;
    Ok(Json(CancelledOut {
        id: id.to_string(),
        status: done.registration.status.as_str().to_owned(),
    }))
}

/// Who attended.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AttendanceBody {
    /// Ids of the registrations (with a place) that attended; the others did not.
    attended: Vec<String>,
}

/// Marks who attended an event (its organisers, coordinators and admins).
#[utoipa::path(put, path = "/api/v1/events/{id}/attendance", tag = "events", params(("id" = String, Path)),
    request_body = AttendanceBody,
    responses((status = 204), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_attendance(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<AttendanceBody>,
) -> AppResult<StatusCode> {
    caller.user()?;
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    caller.require(crate::events::may_manage(&caller, &e))?;
    let ids = body
        .attended
        .iter()
        .map(|a| {
            RegistrationId::parse(a).map_err(|_| Invalid::new("attended", Problem::UnknownValue))
        })
        .collect::<Result<Vec<_>, _>>()?;
    registrations::set_attendance(&state.db, &caller.actor(), &e.id, &ids).await?;
    Ok(StatusCode::NO_CONTENT)
}
