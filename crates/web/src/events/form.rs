//! The event form: add, change and remove an event. Coordinators and admins manage
//! every event; a member manages the events their organisation organises. The start
//! and registration times are local times in the zone chosen beside them.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::Invalid;
use tadamun_core::events::{EventInput, EventKind, input_of};
use tadamun_store::events;

use super::pages::zone_choices;
use super::{check_organisers, event_id, may_create};
use crate::caller::Caller;
use crate::directory::{country_choices, language_choices, region_choices};
use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError, submit};
use crate::groups::group_choices;
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/events/new", get(new_form))
        .route("/events/{id}/edit", get(edit_form))
        .route("/events/{id}/delete", post(delete))
}

#[derive(Template, WebTemplate)]
#[template(path = "events/event_form.html")]
pub(super) struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: EventInput,
    kinds: Vec<Choice>,
    title_langs: Vec<Choice>,
    zones: Vec<Choice>,
    countries: Vec<Choice>,
    languages: Vec<Choice>,
    interpretation: Vec<Choice>,
    regions: Vec<Choice>,
    visibilities: Vec<Choice>,
    speakers: Picker,
    organisations: Picker,
    groups: Vec<Choice>,
    error: Option<FormError>,
}

/// Choices from `all` marking those whose value is in `current`.
fn ticked(all: Vec<Choice>, current: &[String]) -> Vec<Choice> {
    all.into_iter()
        .map(|c| Choice {
            selected: current.iter().any(|v| v.trim() == c.value),
            ..c
        })
        .collect()
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: EventInput,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let kinds = Choice::list(
            EventKind::ALL.iter().map(|k| {
                (
                    k.as_str(),
                    i18n::t(lang, &format!("event-kind-{}", k.as_str())),
                )
            }),
            form.kind.trim(),
        );
        let zone = match form.time_zone.trim() {
            "" => caller.zone().name().to_owned(),
            z => z.to_owned(),
        };
        let visibilities = Choice::list(
            ["network", "public"]
                .into_iter()
                .map(|v| (v, i18n::t(lang, &format!("visibility-{v}")))),
            form.visibility.as_deref().unwrap_or("network").trim(),
        );
        let organisations = Directory::Organisations
            .picker(
                state,
                &caller.viewer,
                (
                    "organisations",
                    format!(
                        "{}: {}",
                        i18n::t(lang, "events-organisers"),
                        i18n::field(lang, "organisations")
                    ),
                ),
                &form.organisations,
                finds,
            )
            .await?;
        let speakers = Directory::People
            .picker(
                state,
                &caller.viewer,
                ("speakers", i18n::field(lang, "speakers")),
                &form.speakers,
                finds,
            )
            .await?;
        let groups = group_choices(state, lang, "").await?;
        Ok(Self {
            shell: Shell::new(caller, "events"),
            id,
            kinds,
            title_langs: language_choices(lang, &[form.title_lang.as_deref().unwrap_or("en")]),
            zones: zone_choices(&zone),
            countries: country_choices(lang, form.country.as_deref().unwrap_or_default().trim()),
            languages: ticked(language_choices(lang, &[]), &form.languages),
            interpretation: ticked(language_choices(lang, &[]), &form.interpretation),
            regions: ticked(region_choices(lang, ""), &form.regions),
            visibilities,
            speakers,
            organisations,
            groups: ticked(groups, &form.groups),
            form,
            error: None,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

async fn new_form(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(may_create(&caller))?;
    let own = caller
        .user
        .as_ref()
        .and_then(|u| u.organisation.as_ref())
        .filter(|_| !caller.viewer.can_write_network());
    let form = EventInput {
        duration: "90".into(),
        visibility: Some("network".into()),
        organisations: own.map(ToString::to_string).into_iter().collect(),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, &Finds::default()).await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let id = event_id(&id)?;
    let e = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(super::may_manage(&caller, &e))?;
    let form = input_of(&e.fields);
    FormPage::new(
        &state,
        &caller,
        Some(id.to_string()),
        form,
        &Finds::default(),
    )
    .await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: EventInput,
    finds: &Finds,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form, finds).await?;
    let error = FormError::new(caller.lang, invalid);
    page.speakers.mark(&error);
    page.organisations.mark(&error);
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The form shown again after a "Find" button, with what was typed and the matches,
/// saving nothing.
async fn found(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: EventInput,
    finds: &Finds,
) -> AppResult<Response> {
    let page = FormPage::new(state, caller, id, form, finds).await?;
    Ok(page.into_response())
}

pub(super) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(may_create(&caller))?;
    let form: EventInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        return found(&state, &caller, None, form, &finds).await;
    }
    let validated = form
        .validate()
        .and_then(|f| check_organisers(&caller, &f.organisations).map(|()| f));
    let write = async |fields| events::create(&state.db, &caller.actor(), fields).await;
    match submit(validated, write).await? {
        Ok(e) => Ok(Redirect::to(&format!("/events/{}?saved=1", e.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, None, form, &finds, &invalid).await,
    }
}

pub(super) async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let id = event_id(&id)?;
    let e = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(super::may_manage(&caller, &e))?;
    let form: EventInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        return found(&state, &caller, Some(id.to_string()), form, &finds).await;
    }
    let validated = form
        .validate()
        .and_then(|f| check_organisers(&caller, &f.organisations).map(|()| f));
    let write = async |fields| events::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(validated, write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/events/{id}?saved=1")).into_response()),
        Err(invalid) => {
            let id = Some(id.to_string());
            rejected(&state, &caller, id, form, &finds, &invalid).await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let id = event_id(&id)?;
    let e = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(super::may_manage(&caller, &e))?;
    events::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/events").into_response())
}
