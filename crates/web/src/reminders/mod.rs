//! Reminders by e-mail: the SMTP mailer (`mail`), what each message says
//! (`messages`), the worker that enqueues and sends (`worker`), and two pages — the
//! admins' list of jobs with a retry button, and each user's digest setting.

mod mail;
mod messages;
mod worker;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use tadamun_core::ids::JobId;
use tadamun_core::reminders::JobState;
use tadamun_store::reminders::{self, settings};

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::PageForm;
use crate::shell::Shell;
use crate::state::AppState;

pub use mail::{Mailer, SmtpSettings, Tls};
pub use messages::Mail;
pub use worker::{Pass, Worker};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/admin/jobs", get(jobs))
        .route("/admin/jobs/{id}/retry", post(retry))
        .route("/account/reminders", get(settings_page).post(save_settings))
}

/// A job as the admins' list shows it.
struct JobRow {
    id: String,
    kind: String,
    recipient: String,
    run_at: String,
    attempts: i64,
    error: String,
    failed: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "reminders/jobs.html")]
struct JobsPage {
    shell: Shell,
    counts: Vec<(String, i64)>,
    failed: Vec<JobRow>,
    queued: Vec<JobRow>,
    mail_configured: bool,
}

async fn jobs(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    caller.admin()?;
    let zone = caller.zone();
    let lang = caller.lang;
    let row = |j: reminders::Job| JobRow {
        id: j.id.to_string(),
        kind: crate::i18n::t(lang, &format!("reminders-kind-{}", j.kind.as_str())),
        recipient: j.recipient,
        run_at: zone.format(j.run_at),
        attempts: j.attempts,
        error: j.last_error.unwrap_or_default(),
        failed: j.state == JobState::Failed,
    };
    let counts = reminders::counts(&state.db)
        .await?
        .into_iter()
        .map(|(s, n)| {
            (
                crate::i18n::t(lang, &format!("reminders-state-{}", s.as_str())),
                n,
            )
        })
        .collect();
    let failed = reminders::list(&state.db, JobState::Failed, 100).await?;
    let queued = reminders::list(&state.db, JobState::Queued, 100).await?;
    Ok(JobsPage {
        shell: Shell::new(&caller, "jobs"),
        counts,
        failed: failed.into_iter().map(row).collect(),
        queued: queued.into_iter().map(row).collect(),
        mail_configured: state.settings.smtp.is_some(),
    }
    .into_response())
}

async fn retry(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.admin()?;
    let id = JobId::parse(&id).map_err(|_| AppError::NotFound)?;
    reminders::retry(&state.db, &caller.actor(), &id, Utc::now()).await?;
    Ok(Redirect::to("/admin/jobs").into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "reminders/settings.html")]
struct SettingsPage {
    shell: Shell,
    weekly_digest: bool,
    saved: bool,
}

async fn settings_page(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    let user = caller.user()?;
    let current = settings::get(&state.db, &user.id).await?;
    Ok(SettingsPage {
        shell: Shell::new(&caller, "account"),
        weekly_digest: current.weekly_digest,
        saved: false,
    }
    .into_response())
}

#[derive(Deserialize)]
struct SettingsForm {
    /// A checkbox: present when ticked.
    #[serde(default)]
    weekly_digest: Option<String>,
}

async fn save_settings(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<SettingsForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    let chosen = settings::Settings {
        weekly_digest: form.weekly_digest.is_some(),
    };
    settings::set(&state.db, &caller.actor(), &user.id, chosen).await?;
    Ok(SettingsPage {
        shell: Shell::new(&caller, "account"),
        weekly_digest: chosen.weekly_digest,
        saved: true,
    }
    .into_response())
}
