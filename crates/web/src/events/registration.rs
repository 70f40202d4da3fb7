//! Registration: the form on an event's page (no JavaScript, no account needed for a
//! public event), the registrant's own page reached through a signed link where they
//! can cancel, and the organisers' list with attendance and its CSV. The public page
//! never shows who registered, only whether places are left.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use tadamun_core::directory::export::write_csv;
use tadamun_core::events::Event;
use tadamun_core::events::registration::{
    Registration, RegistrationInput, RegistrationStatus, cancel_token, cancel_token_valid,
    check_open, places_left,
};
use tadamun_core::ids::RegistrationId;
use tadamun_store::StoreError;
use tadamun_store::events::{self, registrations};

use super::pages::DetailPage;
use super::{event_id, may_manage, viewer_zone, when};
use crate::caller::Caller;
use crate::directory::{country_choices, country_name};
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError, PageForm, submit};
use crate::shell::Shell;
use crate::state::AppState;

/// The name of the server secret that signs cancel links.
pub(crate) const SECRET: &str = "registration-cancel-links";

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/events/{id}/register", post(register))
        .route("/events/{id}/registrations", get(registrants))
        .route("/events/{id}/registrations.csv", get(csv))
        .route("/events/{id}/attendance", post(attendance))
        .route("/registrations/{id}", get(own_page))
        .route("/registrations/{id}/cancel", post(cancel))
}

/// The registration part of an event's page.
pub(crate) struct RegistrationBox {
    /// Whether the form is shown.
    pub open: bool,
    /// Whether the next registrant goes on the waiting list.
    pub full: bool,
    pub form: RegistrationInput,
    pub countries: Vec<Choice>,
    pub langs: Vec<Choice>,
    pub error: Option<FormError>,
    /// "12 places left", when places are limited.
    pub places_text: Option<String>,
    /// For those who manage the event: how many registered and wait.
    pub counts_text: Option<String>,
}

impl RegistrationBox {
    pub(crate) async fn new(state: &AppState, caller: &Caller, e: &Event) -> AppResult<Self> {
        let counts = registrations::counts(&state.db, &e.id).await?;
        let left = places_left(e.fields.capacity, counts.registered);
        let form = RegistrationInput {
            name: caller
                .user
                .as_ref()
                .map(|u| u.name.clone())
                .unwrap_or_default(),
            email: caller
                .user
                .as_ref()
                .map(|u| u.email.as_str().to_owned())
                .unwrap_or_default(),
            lang: caller.lang.code().to_owned(),
            ..Default::default()
        };
        let count = |key: &str, n: i64| {
            crate::i18n::t_args(caller.lang, key, &[("count", crate::i18n::Arg::Num(n))])
        };
        let counts_text = may_manage(caller, e).then(|| {
            format!(
                "{} · {}",
                count("events-registered-count", counts.registered),
                count("events-waiting-count", counts.waiting)
            )
        });
        Ok(Self {
            open: check_open(&e.fields, Utc::now()).is_ok(),
            places_text: left.map(|n| count("events-places-left", n)),
            counts_text,
            full: left == Some(0),
            countries: country_choices(caller.lang, ""),
            langs: lang_choices(""),
            form,
            error: None,
        })
    }

    fn keep(&mut self, lang: tadamun_core::i18n::Lang, form: RegistrationInput) {
        self.countries = country_choices(lang, form.country.trim());
        self.langs = lang_choices(form.lang.trim());
        self.form = form;
    }
}

fn lang_choices(current: &str) -> Vec<Choice> {
    Choice::list(
        tadamun_core::i18n::Lang::ALL
            .iter()
            .map(|l| (l.code(), l.native_name().to_owned())),
        current,
    )
}

/// The key that signs cancel links, shared by every app server through the database.
pub(crate) async fn secret(state: &AppState) -> AppResult<Vec<u8>> {
    Ok(registrations::server_secret(&state.db, SECRET)
        .await?
        .into_bytes())
}

/// The key that signs cancel links, read straight from the database (for the worker,
/// which has no web state).
pub(crate) async fn secret_of(db: &tadamun_store::Db) -> Result<Vec<u8>, StoreError> {
    Ok(registrations::server_secret(db, SECRET).await?.into_bytes())
}

/// The path of a registrant's own page, with its signed token.
pub(crate) fn own_path(secret: &[u8], id: &RegistrationId) -> String {
    format!("/registrations/{id}?token={}", cancel_token(secret, id))
}

async fn register(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<RegistrationInput>,
) -> AppResult<Response> {
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    let write = async |fields| {
        registrations::register(&state.db, &caller.actor(), &e.id, fields, Utc::now()).await
    };
    let refused = match submit(form.validate(), write).await? {
        Ok(r) => {
            let key = secret(&state).await?;
            return Ok(Redirect::to(&own_path(&key, &r.id)).into_response());
        }
        Err(invalid) => invalid,
    };
    let mut page = DetailPage::new(&state, &caller, &e, caller.zone()).await?;
    page.reg.keep(caller.lang, form);
    page.reg.error = Some(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "events/registration.html")]
struct OwnPage {
    shell: Shell,
    event_id: String,
    title: String,
    start: String,
    own: String,
    same_zone: bool,
    zone: String,
    name: String,
    status: String,
    cancelled: bool,
    token: String,
    id: String,
    just_cancelled: bool,
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

/// The registration a signed link names; anything else is not found, so a guessed id
/// tells nothing.
async fn by_token(
    state: &AppState,
    id: &str,
    token: Option<&str>,
) -> AppResult<(Registration, Event)> {
    let id = RegistrationId::parse(id).map_err(|_| AppError::NotFound)?;
    let key = secret(state).await?;
    if !cancel_token_valid(&key, &id, token.unwrap_or_default()) {
        return Err(AppError::NotFound);
    }
    let r = registrations::get(&state.db, &id).await?;
    // The link is the registrant's key to their own registration, whatever the
    // event's visibility.
    let e = events::get(
        &state.db,
        &tadamun_core::visibility::Viewer::System,
        &r.event,
    )
    .await?;
    Ok((r, e))
}

fn own_view(caller: &Caller, r: &Registration, e: &Event, token: &str) -> OwnPage {
    let zone = viewer_zone(caller, &None).unwrap_or(caller.zone());
    let w = when(e, zone);
    OwnPage {
        shell: Shell::new(caller, "events"),
        event_id: e.id.to_string(),
        title: e.fields.title_in(caller.lang).to_owned(),
        start: w.start,
        own: w.own,
        same_zone: w.same_zone,
        zone: zone.name().to_owned(),
        name: r.fields.name.clone(),
        status: crate::i18n::t(
            caller.lang,
            &format!("registration-status-{}", r.status.as_str()),
        ),
        cancelled: r.status == RegistrationStatus::Cancelled,
        token: token.to_owned(),
        id: r.id.to_string(),
        just_cancelled: false,
    }
}

async fn own_page(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    crate::forms::Params(q): crate::forms::Params<TokenQuery>,
) -> AppResult<Response> {
    let (r, e) = by_token(&state, &id, q.token.as_deref()).await?;
    Ok(own_view(&caller, &r, &e, q.token.as_deref().unwrap_or_default()).into_response())
}

#[derive(Deserialize)]
struct CancelForm {
    #[serde(default)]
    token: String,
}

async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<CancelForm>,
) -> AppResult<Response> {
    let (r, e) = by_token(&state, &id, Some(&form.token)).await?;
    let done = registrations::cancel(&state.db, &caller.actor(), &r.id).await?;
    let mut page = own_view(&caller, &done.registration, &e, &form.token);
    page.just_cancelled = done.changed;
    Ok(page.into_response())
}

/// A registration as the organisers' list shows it.
struct Row {
    id: String,
    name: String,
    email: String,
    country: String,
    lang: String,
    status: String,
    registered: bool,
    attended: bool,
    at: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/registrations.html")]
struct RegistrantsPage {
    shell: Shell,
    id: String,
    title: String,
    rows: Vec<Row>,
    counts: registrations::Counts,
    saved: bool,
}

/// The event, if the caller may see its registrants: its organisers, coordinators
/// and admins.
async fn managed(state: &AppState, caller: &Caller, id: &str) -> AppResult<Event> {
    caller.user()?;
    let e = events::get(&state.db, &caller.viewer, &event_id(id)?).await?;
    caller.require(may_manage(caller, &e))?;
    Ok(e)
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn registrants(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    crate::forms::Params(q): crate::forms::Params<SavedQuery>,
) -> AppResult<Response> {
    let e = managed(&state, &caller, &id).await?;
    let lang = caller.lang;
    let zone = caller.zone();
    let rows = registrations::list(&state.db, &e.id)
        .await?
        .into_iter()
        .map(|r| Row {
            id: r.id.to_string(),
            name: r.fields.name.clone(),
            email: r.fields.email.as_str().to_owned(),
            country: country_name(lang, &r.fields.country),
            lang: r.fields.lang.native_name().to_owned(),
            status: crate::i18n::t(lang, &format!("registration-status-{}", r.status.as_str())),
            registered: r.status == RegistrationStatus::Registered,
            attended: r.attended,
            at: zone.format(r.created_at),
        })
        .collect();
    Ok(RegistrantsPage {
        shell: Shell::new(&caller, "events"),
        id: e.id.to_string(),
        title: e.fields.title_in(lang).to_owned(),
        rows,
        counts: registrations::counts(&state.db, &e.id).await?,
        saved: q.saved.is_some(),
    }
    .into_response())
}

#[derive(Deserialize)]
struct AttendanceForm {
    #[serde(default)]
    attended: Vec<String>,
}

async fn attendance(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    let e = managed(&state, &caller, &id).await?;
    let form: AttendanceForm = body.parse()?;
    let ids: Vec<RegistrationId> = form
        .attended
        .iter()
        .filter_map(|a| RegistrationId::parse(a).ok())
        .collect();
    registrations::set_attendance(&state.db, &caller.actor(), &e.id, &ids).await?;
    Ok(Redirect::to(&format!("/events/{}/registrations?saved=1", e.id)).into_response())
}

/// The columns of the registrants' CSV: stable English headers.
const COLUMNS: [&str; 7] = [
    "name",
    "email",
    "country",
    "language",
    "status",
    "attended",
    "registered_at",
];

async fn csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let e = managed(&state, &caller, &id).await?;
    let cells: Vec<[String; 7]> = registrations::list(&state.db, &e.id)
        .await?
        .into_iter()
        .map(|r| {
            [
                r.fields.name,
                r.fields.email.as_str().to_owned(),
                r.fields.country.as_str().to_owned(),
                r.fields.lang.code().to_owned(),
                r.status.as_str().to_owned(),
                if r.attended { "yes" } else { "no" }.to_owned(),
                r.created_at.to_rfc3339(),
            ]
        })
        .collect();
    let body = write_csv(
        &COLUMNS,
        cells.iter().map(|c| c.each_ref().map(String::as_str)),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"registrations-{}.csv\"", e.id),
            ),
        ],
        body,
    )
        .into_response())
}
