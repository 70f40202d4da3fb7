//! `/api/v1/jobs`: the reminders' queue for admins (list, queue a failed job again),
//! and `/api/v1/account/reminders`: the caller's own digest setting.

use axum::Json;
use axum::extract::{Path, State};
use chrono::{SecondsFormat, Utc};
use serde::{Deserialize, Serialize};
use tadamun_core::ids::JobId;
use tadamun_core::reminders::JobState;
use tadamun_core::{Invalid, Problem};
use tadamun_store::reminders::{self, Job, settings};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{ApiJson, Params};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_jobs))
        .routes(routes!(retry_job))
        .routes(routes!(get_settings, put_settings))
}

/// A job of the queue: one message to one recipient.
#[derive(Serialize, ToSchema)]
pub(crate) struct JobOut {
    id: String,
    /// registered, waiting, promoted, event_day, event_hour, action_soon,
    /// action_today or digest.
    kind: String,
    /// What it is about: a registration, an event at its start, an action at its due
    /// date, an ISO week.
    occurrence: String,
    recipient: String,
    /// queued, done, failed or skipped.
    state: String,
    /// When it is due (again), RFC 3339 UTC.
    run_at: String,
    attempts: i64,
    last_error: Option<String>,
}

impl From<Job> for JobOut {
    fn from(j: Job) -> Self {
        Self {
            id: j.id.to_string(),
            kind: j.kind.as_str().to_owned(),
            occurrence: j.occurrence,
            recipient: j.recipient,
            state: j.state.as_str().to_owned(),
            run_at: j.run_at.to_rfc3339_opts(SecondsFormat::Secs, true),
            attempts: j.attempts,
            last_error: j.last_error,
        }
    }
}

/// Which jobs to list.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct JobQuery {
    /// queued (the default), done, failed or skipped.
    state: Option<String>,
}

/// The jobs in one state, the most recently changed first (at most 200). Admins only.
#[utoipa::path(get, path = "/api/v1/jobs", tag = "reminders", params(JobQuery),
    responses((status = 200, body = Vec<JobOut>), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list_jobs(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<JobQuery>,
) -> AppResult<Json<Vec<JobOut>>> {
    caller.admin()?;
    let wanted = match q.state.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => JobState::Queued,
        Some(s) => JobState::parse(s)
            .ok_or_else(|| AppError::Invalid(Invalid::new("state", Problem::UnknownValue)))?,
    };
    let jobs = reminders::list(&state.db, wanted, 200).await?;
    Ok(Json(jobs.into_iter().map(JobOut::from).collect()))
}

/// Queues a failed job again, due at once, its attempts counted afresh. Admins only;
/// a job that has not failed is not found.
#[utoipa::path(post, path = "/api/v1/jobs/{id}/retry", tag = "reminders", params(("id" = String, Path)),
    responses((status = 200, body = JobOut), (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn retry_job(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<JobOut>> {
    caller.admin()?;
    let id = JobId::parse(&id).map_err(|_| AppError::NotFound)?;
    let job = reminders::retry(&state.db, &caller.actor(), &id, Utc::now()).await?;
    Ok(Json(job.into()))
}

/// The caller's reminder settings.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct SettingsBody {
    /// Whether they get the weekly digest (Monday 08:00 in their zone).
    weekly_digest: bool,
}

/// The caller's reminder settings.
#[utoipa::path(get, path = "/api/v1/account/reminders", tag = "reminders",
    responses((status = 200, body = SettingsBody), (status = 401, body = ErrorBody)))]
async fn get_settings(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<SettingsBody>> {
    let user = caller.user()?;
    let s = settings::get(&state.db, &user.id).await?;
    Ok(Json(SettingsBody {
        weekly_digest: s.weekly_digest,
    }))
}

/// Changes the caller's reminder settings.
#[utoipa::path(put, path = "/api/v1/account/reminders", tag = "reminders",
    request_body = SettingsBody,
    responses((status = 200, body = SettingsBody), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn put_settings(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<SettingsBody>,
) -> AppResult<Json<SettingsBody>> {
    let user = caller.user()?;
    let chosen = settings::Settings {
        weekly_digest: body.weekly_digest,
    };
    settings::set(&state.db, &caller.actor(), &user.id, chosen).await?;
    Ok(Json(body))
}
