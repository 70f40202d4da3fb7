//! Working group pages: the list, a group's page (mandate, lead, members, focus,
//! regions; its meetings, the plan actions it owns with their progress, and its
//! recommendations), and the forms to add, change and remove one.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::Invalid;
use tadamun_core::groups::{GroupInput, input_of};
use tadamun_core::i18n::Lang;
use tadamun_store::accounts::users;
use tadamun_store::directory::focus;
use tadamun_store::groups;

use super::{group_id, people_seen, status_label};
use crate::caller::Caller;
use crate::directory::{focus_choices, language_choices, region_choices};
use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError, submit};
use crate::i18n;
use crate::i18n::percent_text;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/groups", get(list).post(create))
        .route("/groups/new", get(new_form))
        .route("/groups/{id}", get(show).post(update))
        .route("/groups/{id}/edit", get(edit_form))
        .route("/groups/{id}/delete", post(delete))
}

/// A group in the list.
struct Row {
    id: String,
    name: String,
    focus: String,
    members: usize,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/groups.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Row>,
    can_edit: bool,
}

async fn list(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    caller.user()?;
    let lang = caller.lang;
    let areas = focus::list(&state.db).await?;
    let rows = groups::list(&state.db)
        .await?
        .into_iter()
        .map(|g| Row {
            id: g.id.to_string(),
            name: g.fields.name_in(lang).to_owned(),
            focus: g
                .fields
                .focus
                .as_ref()
                .and_then(|c| areas.iter().find(|a| &a.code == c))
                .map(|a| a.name(lang).to_owned())
                .unwrap_or_default(),
            members: g.fields.people.len() + g.fields.users.len(),
        })
        .collect();
    Ok(ListPage {
        shell: Shell::new(&caller, "groups"),
        rows,
        can_edit: caller.viewer.can_write_network(),
    })
}

/// A meeting on a group's page.
struct MeetingRow {
    id: String,
    title: String,
    /// In the viewer's zone.
    start: String,
}

/// A plan item the group owns.
struct ItemRow {
    id: String,
    title: String,
    status: String,
    status_label: String,
    due: String,
    progress: Option<f64>,
    progress_text: String,
}

/// A recommendation the group answers for.
struct RecRow {
    id: String,
    text: String,
    status: String,
    status_label: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/group.html")]
struct DetailPage {
    shell: Shell,
    id: String,
    name: String,
    mandate: String,
    lead: Option<(String, String)>,
    people: Vec<(String, String)>,
    users: Vec<String>,
    focus: String,
    regions: String,
    meetings: Vec<MeetingRow>,
    items: Vec<ItemRow>,
    recommendations: Vec<RecRow>,
    zone: String,
    can_edit: bool,
    saved: bool,
}

#[derive(serde::Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    crate::forms::Params(q): crate::forms::Params<SavedQuery>,
) -> AppResult<DetailPage> {
    caller.user()?;
    let lang = caller.lang;
    let page = groups::page(&state.db, &group_id(&id)?).await?;
    let f = &page.group.fields;
    let lead = match &f.lead {
        Some(l) => people_seen(&state, &caller.viewer, std::slice::from_ref(l))
            .await?
            .pop()
            .map(|p| (p.id.to_string(), p.name)),
        None => None,
    };
    let people = people_seen(&state, &caller.viewer, &f.people)
        .await?
        .into_iter()
        .map(|p| (p.id.to_string(), p.name))
        .collect();
    // Account names are for those who manage the network, as on the users page.
    let users = if caller.viewer.can_write_network() {
        let mut user_names = users::names_of(&state.db, &f.users).await?;
        f.users
            .iter()
            .filter_map(|u| user_names.remove(u.as_str()))
            .collect()
    } else {
        Vec::new()
    };
    let areas = focus::list(&state.db).await?;
    let zone = caller.zone();
    Ok(DetailPage {
        shell: Shell::new(&caller, "groups"),
        id: page.group.id.to_string(),
        name: f.name_in(lang).to_owned(),
        mandate: f.mandate_in(lang).unwrap_or_default().to_owned(),
        lead,
        people,
        users,
        focus: f
            .focus
            .as_ref()
            .and_then(|c| areas.iter().find(|a| &a.code == c))
            .map(|a| a.name(lang).to_owned())
            .unwrap_or_default(),
        regions: i18n::join_list(
            lang,
            &f.regions
                .iter()
                .filter_map(|r| tadamun_core::geo::region(r))
                .map(|r| r.name(lang).to_owned())
                .collect::<Vec<_>>(),
        ),
        meetings: page
            .meetings
            .iter()
            .map(|m| MeetingRow {
                id: m.id.to_string(),
                title: m.fields.title_in(lang).to_owned(),
                start: m.fields.start.in_zone(zone),
            })
            .collect(),
        items: page
            .items
            .iter()
            .map(|(i, p)| ItemRow {
                id: i.id.to_string(),
                title: i.fields.title_in(lang).to_owned(),
                status: i.fields.status.as_str().to_owned(),
                status_label: i18n::t(lang, &format!("plan-status-{}", i.fields.status.as_str())),
                due: i
                    .fields
                    .dates
                    .due
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                progress: p.map(f64::round),
                progress_text: percent_text(*p),
            })
            .collect(),
        recommendations: page
            .recommendations
            .iter()
            .map(|r| RecRow {
                id: r.id.to_string(),
                text: r.fields.text_in(lang).to_owned(),
                status: r.status.as_str().to_owned(),
                status_label: status_label(lang, r.status),
            })
            .collect(),
        zone: zone.name().to_owned(),
        can_edit: caller.viewer.can_write_network(),
        saved: q.saved.is_some(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/group_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: GroupInput,
    languages: Vec<Choice>,
    lead: Picker,
    focus: Vec<Choice>,
    regions: Vec<Choice>,
    people: Picker,
    users: Picker,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: GroupInput,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang: Lang = caller.lang;
        let areas = focus::list(&state.db).await?;
        let chosen_focus = form.focus.clone().unwrap_or_default();
        let regions = region_choices(lang, "")
            .into_iter()
            .map(|c| Choice {
                selected: form.regions.iter().any(|r| r.trim() == c.value),
                ..c
            })
            .collect();
        let lead = Directory::People
            .picker(
                state,
                &caller.viewer,
                ("lead", i18n::field(lang, "lead")),
                &[form.lead.clone().unwrap_or_default()],
                finds,
            )
            .await?
            .single();
        let people = Directory::People
            .picker(
                state,
                &caller.viewer,
                ("people", i18n::field(lang, "people")),
                &form.people,
                finds,
            )
            .await?;
        let users = Directory::Accounts
            .picker(
                state,
                &caller.viewer,
                ("users", i18n::field(lang, "users")),
                &form.users,
                finds,
            )
            .await?;
        Ok(Self {
            shell: Shell::new(caller, "groups"),
            id,
            languages: language_choices(lang, &[form.name_lang.as_deref().unwrap_or("en")]),
            lead,
            focus: focus_choices(lang, &areas, &[chosen_focus.trim()]),
            regions,
            people,
            users,
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
    caller.require(caller.viewer.can_write_network())?;
    FormPage::new(
        &state,
        &caller,
        None,
        GroupInput::default(),
        &Finds::default(),
    )
    .await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let id = group_id(&id)?;
    let group = groups::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    FormPage::new(
        &state,
        &caller,
        Some(id.to_string()),
        input_of(&group.fields),
        &Finds::default(),
    )
    .await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: GroupInput,
    finds: &Finds,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form, finds).await?;
    let error = FormError::new(caller.lang, invalid);
    page.lead.mark(&error);
    page.people.mark(&error);
    page.users.mark(&error);
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form: GroupInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, None, form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| groups::create(&state.db, &caller.actor(), fields).await;
    match submit(form.validate(), write).await? {
        Ok(g) => Ok(Redirect::to(&format!("/groups/{}?saved=1", g.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, None, form, &finds, &invalid).await,
    }
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let id = group_id(&id)?;
    groups::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form: GroupInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| groups::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/groups/{id}?saved=1")).into_response()),
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
    let id = group_id(&id)?;
    groups::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    groups::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/groups").into_response())
}
