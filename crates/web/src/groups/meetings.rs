//! Meeting pages: upcoming and past meetings, each start shown in the viewer's zone
//! with the meeting's own beside it; a meeting's page with its agenda, attendees,
//! minutes (rendered safely), decisions and action items, with the forms to add an
//! action item and to make one an action of a plan. The add and edit forms are in
//! `meeting_form`.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Utc;
use serde::Deserialize;
use tadamun_core::groups::{ActionItemInput, Meeting, markdown};
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Level, Owner};
use tadamun_core::{Invalid, Problem};
use tadamun_store::groups::meetings::{self, MeetingFilter};

use super::meeting_form;
use super::{
    action_id, group_choices, group_names, meeting_id, organisation_names, people_seen,
    plan_item_choices,
};
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError, PageForm, Params, present, submit};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/meetings", get(list).post(meeting_form::create))
        .route("/meetings/new", get(meeting_form::new_form))
        .route("/meetings/{id}", get(show).post(meeting_form::update))
        .route("/meetings/{id}/edit", get(meeting_form::edit_form))
        .route("/meetings/{id}/delete", post(meeting_form::delete))
        .route("/meetings/{id}/actions", post(add_action))
        .route("/meeting-actions/{id}/plan-item", post(make_plan_item))
}

/// A meeting in a list.
struct Row {
    id: String,
    title: String,
    kind: String,
    /// In the viewer's zone.
    start: String,
    /// In its own zone, with the zone's name.
    own: String,
    group: String,
}

fn row(
    m: &Meeting,
    caller: &Caller,
    groups: &std::collections::HashMap<tadamun_core::ids::GroupId, String>,
) -> Row {
    let f = &m.fields;
    Row {
        id: m.id.to_string(),
        title: f.title_in(caller.lang).to_owned(),
        kind: i18n::t(caller.lang, &format!("meeting-kind-{}", f.kind.as_str())),
        start: f.start.in_zone(caller.zone()),
        own: format!("{} {}", f.start.in_zone(f.start.zone), f.start.zone.name()),
        group: f
            .group
            .as_ref()
            .and_then(|g| groups.get(g))
            .cloned()
            .unwrap_or_default(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/meetings.html")]
struct ListPage {
    shell: Shell,
    upcoming: Vec<Row>,
    past: Vec<Row>,
    zone: String,
    groups: Vec<Choice>,
    can_edit: bool,
    error: Option<FormError>,
}

#[derive(Deserialize)]
struct ListQuery {
    group: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<Response> {
    caller.user()?;
    let chosen = present(&q.group).unwrap_or_default();
    let mut page = ListPage {
        shell: Shell::new(&caller, "meetings"),
        upcoming: Vec::new(),
        past: Vec::new(),
        zone: caller.zone().name().to_owned(),
        groups: group_choices(&state, caller.lang, &chosen).await?,
        can_edit: caller.viewer.can_write_network(),
        error: None,
    };
    let group = match present(&q.group) {
        None => None,
        Some(g) => match super::group_id(&g) {
            Ok(id) => Some(id),
            Err(_) => {
                page.error = Some(FormError::new(
                    caller.lang,
                    &Invalid::new("group", Problem::UnknownValue),
                ));
                return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
            }
        },
    };
    let found = meetings::list(
        &state.db,
        &MeetingFilter {
            group,
            ..Default::default()
        },
    )
    .await?;
    let names = group_names(&state, caller.lang).await?;
    let now = Utc::now();
    for m in &found {
        if m.fields.start.end(m.fields.duration) >= now {
            page.upcoming.push(row(m, &caller, &names));
        } else {
            page.past.push(row(m, &caller, &names));
        }
    }
    page.past.reverse();
    Ok(page.into_response())
}

/// An action item as its meeting's page shows it.
struct ActionRow {
    id: String,
    text: String,
    owner: String,
    due: String,
    plan_item: Option<String>,
    /// The initiatives to choose from, with the one typed before an error.
    parents: Vec<Choice>,
}

/// What was typed in the action item form, kept when it is refused.
#[derive(Deserialize, Default)]
struct ActionForm {
    #[serde(default)]
    text: String,
    /// `kind:id`, as the owner picker sends it.
    #[serde(default)]
    owner: String,
    #[serde(default)]
    due: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/meeting.html")]
struct DetailPage {
    shell: Shell,
    id: String,
    title: String,
    kind: String,
    start: String,
    own: String,
    zone: String,
    duration: u16,
    link: Option<String>,
    place: Option<String>,
    group: Option<(String, String)>,
    agenda: Vec<String>,
    people: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
    minutes_html: String,
    decisions: Vec<String>,
    actions: Vec<ActionRow>,
    /// The action item form's owner (for those who may add one).
    owner: Option<Picker>,
    action_form: ActionForm,
    /// The error of the action item form.
    error: Option<FormError>,
    /// The action item whose plan form was refused, and why.
    plan_error: Option<(String, FormError)>,
    can_edit: bool,
    saved: bool,
}

impl DetailPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        m: Meeting,
        action_form: ActionForm,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let f = &m.fields;
        let can_edit = caller.viewer.can_write_network();
        let groups = group_names(state, lang).await?;
        let people = people_seen(state, &caller.viewer, &f.people).await?;
        let orgs = organisation_names(state, &caller.viewer, &f.organisations, lang).await?;
        let initiatives = if can_edit {
            plan_item_choices(state, lang, Some(Level::Initiative), "").await?
        } else {
            Vec::new()
        };
        let actions = meetings::actions(&state.db, &m.id).await?;
        let owner_orgs: Vec<&tadamun_core::ids::OrganisationId> = actions
            .iter()
            .filter_map(|a| match &a.fields.owner {
                Some(Owner::Organisation(o)) => Some(o),
                _ => None,
            })
            .collect();
        let org_names =
            tadamun_store::directory::names_of(&state.db, &caller.viewer, &owner_orgs).await?;
        let owner_people: Vec<&tadamun_core::ids::PersonId> = actions
            .iter()
            .filter_map(|a| match &a.fields.owner {
                Some(Owner::Person(p)) => Some(p),
                _ => None,
            })
            .collect();
        let person_names =
            tadamun_store::directory::people::names_of(&state.db, &caller.viewer, &owner_people)
                .await?;
        let mut rows = Vec::with_capacity(actions.len());
        for a in &actions {
            let owner = match &a.fields.owner {
                Some(Owner::Group(g)) => groups.get(g).cloned(),
                Some(Owner::Person(p)) => person_names.get(p.as_str()).cloned(),
                Some(Owner::Organisation(o)) => org_names.get(o.as_str()).cloned(),
                None => None,
            };
            rows.push(ActionRow {
                id: a.id.to_string(),
                text: a.fields.text.clone(),
                owner: owner.unwrap_or_default(),
                due: a.fields.due.map(|d| d.to_string()).unwrap_or_default(),
                plan_item: a.plan_item.as_ref().map(ToString::to_string),
                parents: initiatives.clone(),
            });
        }
        let owner = if can_edit {
            let picker = Directory::Owners { lang }
                .picker(
                    state,
                    &caller.viewer,
                    ("owner", i18n::field(lang, "owner")),
                    std::slice::from_ref(&action_form.owner),
                    finds,
                )
                .await?;
            Some(picker.single())
        } else {
            None
        };
        Ok(Self {
            shell: Shell::new(caller, "meetings"),
            id: m.id.to_string(),
            title: f.title_in(lang).to_owned(),
            kind: i18n::t(lang, &format!("meeting-kind-{}", f.kind.as_str())),
            start: f.start.in_zone(caller.zone()),
            own: format!("{} {}", f.start.in_zone(f.start.zone), f.start.zone.name()),
            zone: caller.zone().name().to_owned(),
            duration: f.duration,
            link: f.link.clone(),
            place: f.place.clone(),
            group: f
                .group
                .as_ref()
                .and_then(|g| groups.get(g).map(|n| (g.to_string(), n.clone()))),
            agenda: f.agenda.clone(),
            people: people
                .into_iter()
                .map(|p| (p.id.to_string(), p.name))
                .collect(),
            organisations: orgs
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            minutes_html: f
                .minutes
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default(),
            decisions: f.decisions.clone(),
            actions: rows,
            owner,
            action_form,
            error: None,
            plan_error: None,
            can_edit,
            saved: false,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    /// The plan form's error for action item `id`, if that form was refused.
    fn plan_error_of(&self, id: &str) -> Option<&FormError> {
        self.plan_error
            .as_ref()
            .filter(|(a, _)| a == id)
            .map(|(_, e)| e)
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<DetailPage> {
    caller.user()?;
    let m = meetings::get(&state.db, &meeting_id(&id)?).await?;
    let mut page =
        DetailPage::new(&state, &caller, m, ActionForm::default(), &Finds::default()).await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

async fn add_action(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let id = meeting_id(&id)?;
    let m = meetings::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form: ActionForm = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = DetailPage::new(&state, &caller, m, form, &finds).await?;
        return Ok(page.into_response());
    }
    let (owner_kind, owner) = form.owner.split_once(':').unwrap_or(("", ""));
    let input = ActionItemInput {
        text: form.text.clone(),
        owner_kind: Some(owner_kind.to_owned()),
        owner: Some(owner.to_owned()),
        due: Some(form.due.clone()),
    };
    let write = async |fields| meetings::add_action(&state.db, &caller.actor(), &id, fields).await;
    let refused = match submit(input.validate(), write).await? {
        Ok(_) => {
            return Ok(Redirect::to(&format!("/meetings/{id}?saved=1#actions")).into_response());
        }
        Err(invalid) => invalid,
    };
    let mut page = DetailPage::new(&state, &caller, m, form, &finds).await?;
    // The owner picker carries both kind and id: its errors are the picker's.
    let field = if refused.field == "owner_kind" {
        "owner"
    } else {
        refused.field
    };
    let error = FormError::new(caller.lang, &Invalid::new(field, refused.problem));
    if let Some(owner) = &mut page.owner {
        owner.mark(&error);
    }
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
struct PlanForm {
    #[serde(default)]
    parent: String,
}

async fn make_plan_item(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<PlanForm>,
) -> AppResult<Response> {
    caller.user()?;
    let id = action_id(&id)?;
    let action = meetings::action(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let parent = match form.parent.trim() {
        "" => Err(Invalid::new("parent", Problem::Required)),
        raw => PlanItemId::parse(raw).map_err(|_| Invalid::new("parent", Problem::UnknownValue)),
    };
    let write = async |parent| {
        meetings::make_plan_item(&state.db, &caller.actor(), &id, &parent, caller.lang).await
    };
    let refused = match submit(parent, write).await? {
        Ok(item) => {
            return Ok(Redirect::to(&format!("/plan-items/{}?saved=1", item.id)).into_response());
        }
        Err(invalid) => invalid,
    };
    let m = meetings::get(&state.db, &action.meeting).await?;
    let mut page =
        DetailPage::new(&state, &caller, m, ActionForm::default(), &Finds::default()).await?;
    for row in page.actions.iter_mut().filter(|r| r.id == id.as_str()) {
        for c in &mut row.parents {
            c.selected = c.value == form.parent.trim();
        }
    }
    page.plan_error = Some((id.to_string(), FormError::new(caller.lang, &refused)));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
