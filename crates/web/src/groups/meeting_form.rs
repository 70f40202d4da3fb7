//! The meeting form: add, change and remove a meeting. Agenda items and decisions
//! are typed one per line; attendees are ticked; the start is a local date and time
//! in the zone chosen beside it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use tadamun_core::Invalid;
use tadamun_core::groups::MeetingKind;
use tadamun_core::groups::meetings::{MeetingInput, input_of};
use tadamun_core::time::Zone;
use tadamun_store::groups::meetings;

use super::{group_choices, lines, meeting_id};
use crate::caller::Caller;
use crate::directory::language_choices;
use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError, Params, submit};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

#[derive(Template, WebTemplate)]
#[template(path = "groups/meeting_form.html")]
pub(super) struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: MeetingInput,
    agenda: String,
    decisions: String,
    kinds: Vec<Choice>,
    languages: Vec<Choice>,
    zones: Vec<Choice>,
    groups: Vec<Choice>,
    people: Picker,
    organisations: Picker,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: MeetingInput,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let kinds = Choice::list(
            MeetingKind::ALL.iter().map(|k| {
                (
                    k.as_str(),
                    i18n::t(lang, &format!("meeting-kind-{}", k.as_str())),
                )
            }),
            form.kind.trim(),
        );
        let zone = match form.time_zone.trim() {
            "" => caller.zone().name().to_owned(),
            z => z.to_owned(),
        };
        let attendees = |field| {
            format!(
                "{}: {}",
                i18n::t(lang, "meetings-attendees"),
                i18n::field(lang, field)
            )
        };
        let people = Directory::People
            .picker(
                state,
                &caller.viewer,
                ("people", attendees("people")),
                &form.people,
                finds,
            )
            .await?;
        let organisations = Directory::Organisations
            .picker(
                state,
                &caller.viewer,
                ("organisations", attendees("organisations")),
                &form.organisations,
                finds,
            )
            .await?;
        Ok(Self {
            shell: Shell::new(caller, "meetings"),
            id,
            agenda: form.agenda.join("\n"),
            decisions: form.decisions.join("\n"),
            kinds,
            languages: language_choices(lang, &[form.title_lang.as_deref().unwrap_or("en")]),
            zones: Choice::list(Zone::all_names().map(|z| (z, z.to_owned())), &zone),
            groups: group_choices(state, lang, form.group.as_deref().unwrap_or_default()).await?,
            people,
            organisations,
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

#[derive(Deserialize)]
pub(super) struct NewQuery {
    group: Option<String>,
}

pub(super) async fn new_form(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<NewQuery>,
) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let form = MeetingInput {
        kind: if q.group.is_some() {
            "group_meeting".into()
        } else {
            String::new()
        },
        group: q.group,
        duration: "60".into(),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, &Finds::default()).await
}

pub(super) async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let id = meeting_id(&id)?;
    let m = meetings::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form = input_of(&m.fields);
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
    form: MeetingInput,
    finds: &Finds,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form, finds).await?;
    let error = FormError::new(caller.lang, invalid);
    page.people.mark(&error);
    page.organisations.mark(&error);
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The form with its textareas split into one agenda item or decision per line.
fn split(mut form: MeetingInput) -> MeetingInput {
    form.agenda = lines(&form.agenda);
    form.decisions = lines(&form.decisions);
    form
}

pub(super) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form = split(body.parse()?);
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        return Ok(FormPage::new(&state, &caller, None, form, &finds)
            .await?
            .into_response());
    }
    let write = async |fields| meetings::create(&state.db, &caller.actor(), fields).await;
    match submit(form.validate(), write).await? {
        Ok(m) => Ok(Redirect::to(&format!("/meetings/{}?saved=1", m.id)).into_response()),
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
    let id = meeting_id(&id)?;
    meetings::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form = split(body.parse()?);
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| meetings::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/meetings/{id}?saved=1")).into_response()),
        Err(invalid) => {
            let id = Some(id.to_string());
            rejected(&state, &caller, id, form, &finds, &invalid).await
        }
    }
}

pub(super) async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let id = meeting_id(&id)?;
    meetings::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    meetings::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/meetings").into_response())
}
