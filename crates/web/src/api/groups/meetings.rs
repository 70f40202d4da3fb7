//! `/api/v1/meetings` and `/api/v1/meeting-actions`: meetings with their start in
//! their own zone and the caller's, attendees, minutes (Markdown and safe HTML),
//! decisions and action items, which become plan actions.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::groups::markdown;
use tadamun_core::groups::meetings::input_of;
use tadamun_core::groups::{ActionItem, ActionItemInput, Meeting, MeetingInput};
use tadamun_core::ids::PlanItemId;
use tadamun_core::{Invalid, Problem};
use tadamun_store::groups::meetings::{self, MeetingFilter};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{PersonRef, PlanItemRef, plan_item_ref, translations};
use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::{ApiJson, Params, present};
use crate::groups::{
    action_id, group_id, meeting_id, organisation_names, parse_bound, people_seen,
};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(add_action))
        .routes(routes!(make_plan_item))
}

/// When a meeting starts.
#[derive(Serialize, ToSchema)]
pub(crate) struct StartOut {
    /// The instant, RFC 3339 in UTC.
    at: String,
    /// The meeting's own IANA zone.
    zone: String,
    /// Local date and time in its own zone, `YYYY-MM-DDTHH:MM`.
    local: String,
    /// The caller's zone (UTC when signed out or not set).
    viewer_zone: String,
    /// Local date and time in the caller's zone, `YYYY-MM-DD HH:MM`.
    viewer_local: String,
}

fn start_out(m: &Meeting, caller: &Caller) -> StartOut {
    let s = &m.fields.start;
    StartOut {
        at: s.at.to_rfc3339(),
        zone: s.zone.name().to_owned(),
        local: s.local_text(),
        viewer_zone: caller.zone().name().to_owned(),
        viewer_local: s.in_zone(caller.zone()),
    }
}

/// A meeting in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct MeetingSummary {
    id: String,
    /// consultative, workshop or group_meeting.
    kind: String,
    title: String,
    start: StartOut,
    /// Minutes.
    duration: u16,
    link: Option<String>,
    place: Option<String>,
    /// The organising group's id.
    group: Option<String>,
}

pub(crate) fn summary(m: &Meeting, caller: &Caller) -> MeetingSummary {
    let f = &m.fields;
    MeetingSummary {
        id: m.id.to_string(),
        kind: f.kind.as_str().to_owned(),
        title: f.title.clone(),
        start: start_out(m, caller),
        duration: f.duration,
        link: f.link.clone(),
        place: f.place.clone(),
        group: f.group.as_ref().map(ToString::to_string),
    }
}

/// An organisation attending.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganisationRef {
    id: String,
    /// In the caller's language.
    name: String,
}

/// An action item agreed at a meeting.
#[derive(Serialize, ToSchema)]
pub(crate) struct ActionOut {
    id: String,
    meeting: String,
    text: String,
    /// group, organisation or person.
    owner_kind: Option<String>,
    owner: Option<String>,
    /// YYYY-MM-DD.
    due: Option<String>,
    /// The plan action it became.
    plan_item: Option<String>,
}

fn action_out(a: &ActionItem) -> ActionOut {
    ActionOut {
        id: a.id.to_string(),
        meeting: a.meeting.to_string(),
        text: a.fields.text.clone(),
        owner_kind: a.fields.owner.as_ref().map(|o| o.kind().to_owned()),
        owner: a.fields.owner.as_ref().map(|o| o.id().to_owned()),
        due: a.fields.due.map(|d| d.to_string()),
        plan_item: a.plan_item.as_ref().map(ToString::to_string),
    }
}

/// A meeting with everything about it.
#[derive(Serialize, ToSchema)]
pub(crate) struct MeetingOut {
    #[serde(flatten)]
    summary: MeetingSummary,
    /// ISO 639 code of the title's language.
    title_lang: String,
    titles: BTreeMap<String, String>,
    /// RFC 3339 in UTC.
    end: String,
    agenda: Vec<String>,
    people: Vec<PersonRef>,
    organisations: Vec<OrganisationRef>,
    /// Markdown, as written.
    minutes: Option<String>,
    /// The minutes rendered as safe HTML (no raw HTML, links to http, https, mailto
    /// or relative addresses only, images as links).
    minutes_html: Option<String>,
    decisions: Vec<String>,
    actions: Vec<ActionOut>,
}

async fn meeting_out(state: &AppState, caller: &Caller, m: Meeting) -> AppResult<MeetingOut> {
    let actions = meetings::actions(&state.db, &m.id).await?;
    let people = people_seen(state, &caller.viewer, &m.fields.people).await?;
    let orgs =
        organisation_names(state, &caller.viewer, &m.fields.organisations, caller.lang).await?;
    let f = &m.fields;
    Ok(MeetingOut {
        summary: summary(&m, caller),
        title_lang: f.title_lang.as_str().to_owned(),
        titles: translations(&f.titles),
        end: f.start.end(f.duration).to_rfc3339(),
        agenda: f.agenda.clone(),
        people: people.into_iter().map(PersonRef::from).collect(),
        organisations: orgs
            .into_iter()
            .map(|(id, name)| OrganisationRef {
                id: id.to_string(),
                name,
            })
            .collect(),
        minutes_html: f.minutes.as_deref().map(markdown::to_html),
        minutes: f.minutes.clone(),
        decisions: f.decisions.clone(),
        actions: actions.iter().map(action_out).collect(),
    })
}

/// The filters of the list of meetings.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct MeetingParams {
    /// Only meetings this working group organises.
    group: Option<String>,
    /// Only meetings starting on or after: `YYYY-MM-DD` (UTC) or an RFC 3339 instant.
    from: Option<String>,
    /// Only meetings starting on or before this day (`YYYY-MM-DD`, UTC) or before
    /// this RFC 3339 instant.
    to: Option<String>,
}

/// Meetings, earliest first, each with its start in its own zone and the caller's
/// (signed-in users).
#[utoipa::path(get, path = "/api/v1/meetings", tag = "groups", params(MeetingParams),
    responses((status = 200, body = Vec<MeetingSummary>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<MeetingParams>,
) -> AppResult<Json<Vec<MeetingSummary>>> {
    caller.user()?;
    let filter = MeetingFilter {
        group: present(&q.group)
            .map(|g| group_id(&g).map_err(|_| Invalid::new("group", Problem::UnknownValue)))
            .transpose()?,
        from: parse_bound("from", &q.from, false)?,
        to: parse_bound("to", &q.to, true)?,
    };
    let found = meetings::list(&state.db, &filter).await?;
    Ok(Json(found.iter().map(|m| summary(m, &caller)).collect()))
}

/// A number sent as a JSON number or as text.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum Minutes {
    /// `90`.
    Value(i64),
    /// `"90"`.
    Text(String),
}

/// A meeting as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct MeetingBody {
    /// consultative, workshop or group_meeting.
    kind: Option<String>,
    title: Option<String>,
    title_lang: Option<String>,
    title_ar: Option<String>,
    title_en: Option<String>,
    title_fr: Option<String>,
    title_es: Option<String>,
    /// Local date and time in `time_zone`, `YYYY-MM-DDTHH:MM`.
    start: Option<String>,
    /// IANA zone, such as `Africa/Nairobi`.
    time_zone: Option<String>,
    /// Minutes, 5–1440.
    duration: Option<Minutes>,
    /// http or https address; a link or a place (or both) is needed.
    link: Option<String>,
    place: Option<String>,
    /// The organising working group's id.
    group: Option<String>,
    agenda: Option<Vec<String>>,
    /// Person ids.
    people: Option<Vec<String>>,
    /// Organisation ids.
    organisations: Option<Vec<String>>,
    /// Markdown.
    minutes: Option<String>,
    decisions: Option<Vec<String>>,
}

impl MeetingBody {
    fn input(self, base: MeetingInput) -> MeetingInput {
        MeetingInput {
            kind: self.kind.unwrap_or(base.kind),
            title: self.title.unwrap_or(base.title),
            title_lang: self.title_lang.or(base.title_lang),
            title_ar: self.title_ar.or(base.title_ar),
            title_en: self.title_en.or(base.title_en),
            title_fr: self.title_fr.or(base.title_fr),
            title_es: self.title_es.or(base.title_es),
            start: self.start.unwrap_or(base.start),
            time_zone: self.time_zone.unwrap_or(base.time_zone),
            duration: match self.duration {
                Some(Minutes::Value(v)) => v.to_string(),
                Some(Minutes::Text(t)) => t,
                None => base.duration,
            },
            link: self.link.or(base.link),
            place: self.place.or(base.place),
            group: self.group.or(base.group),
            agenda: self.agenda.unwrap_or(base.agenda),
            people: self.people.unwrap_or(base.people),
            organisations: self.organisations.unwrap_or(base.organisations),
            minutes: self.minutes.or(base.minutes),
            decisions: self.decisions.unwrap_or(base.decisions),
        }
    }
}

/// Adds a meeting (coordinators and admins). A start the clocks skip or repeat in
/// its zone, or neither a link nor a place, gives 422 naming the field.
#[utoipa::path(post, path = "/api/v1/meetings", tag = "groups", request_body = MeetingBody,
    responses((status = 201, body = MeetingOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<MeetingBody>,
) -> AppResult<(StatusCode, Json<MeetingOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input(MeetingInput::default()).validate()?;
    let m = meetings::create(&state.db, &caller.actor(), fields).await?;
    Ok((
        StatusCode::CREATED,
        Json(meeting_out(&state, &caller, m).await?),
    ))
}

/// A meeting with its agenda, attendees, minutes, decisions and action items
/// (signed-in users).
#[utoipa::path(get, path = "/api/v1/meetings/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = MeetingOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<MeetingOut>> {
    caller.user()?;
    let m = meetings::get(&state.db, &meeting_id(&id)?).await?;
    Ok(Json(meeting_out(&state, &caller, m).await?))
}

/// Changes a meeting (coordinators and admins); what is left out stays.
#[utoipa::path(patch, path = "/api/v1/meetings/{id}", tag = "groups", params(("id" = String, Path)), request_body = MeetingBody,
    responses((status = 200, body = MeetingOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MeetingBody>,
) -> AppResult<Json<MeetingOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = meeting_id(&id)?;
    let before = meetings::get(&state.db, &id).await?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let m = meetings::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(meeting_out(&state, &caller, m).await?))
}

/// Removes a meeting and its action items (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/meetings/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    meetings::delete(&state.db, &caller.actor(), &meeting_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An action item as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ActionBody {
    text: Option<String>,
    /// group, organisation or person.
    owner_kind: Option<String>,
    owner: Option<String>,
    /// YYYY-MM-DD.
    due: Option<String>,
}

/// Adds an action item to a meeting (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/meetings/{id}/actions", tag = "groups", params(("id" = String, Path)), request_body = ActionBody,
    responses((status = 201, body = ActionOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_action(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ActionBody>,
) -> AppResult<(StatusCode, Json<ActionOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let id = meeting_id(&id)?;
    meetings::get(&state.db, &id).await?;
    let fields = ActionItemInput {
        text: body.text.unwrap_or_default(),
        owner_kind: body.owner_kind,
        owner: body.owner,
        due: body.due,
    }
    .validate()?;
    let item = meetings::add_action(&state.db, &caller.actor(), &id, fields).await?;
    Ok((StatusCode::CREATED, Json(action_out(&item))))
}

/// Where an action item goes in a plan.
#[derive(Deserialize, ToSchema)]
pub(crate) struct PlanItemBody {
    /// The initiative it becomes an action of.
    parent: Option<String>,
}

/// Makes an action item an action of a plan, under initiative `parent`, and links it
/// (coordinators and admins). A parent that is no initiative, a due date outside
/// it, or an item that already became an action gives 422 naming the field.
#[utoipa::path(post, path = "/api/v1/meeting-actions/{id}/plan-item", tag = "groups", params(("id" = String, Path)), request_body = PlanItemBody,
    responses((status = 201, body = PlanItemRef), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn make_plan_item(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PlanItemBody>,
) -> AppResult<(StatusCode, Json<PlanItemRef>)> {
    caller.require(caller.viewer.can_write_network())?;
    let id = action_id(&id)?;
    meetings::action(&state.db, &id).await?;
    let parent = match present(&body.parent) {
        None => return Err(Invalid::new("parent", Problem::Required).into()),
        Some(p) => {
            PlanItemId::parse(&p).map_err(|_| Invalid::new("parent", Problem::UnknownValue))?
        }
    };
    let item =
        meetings::make_plan_item(&state.db, &caller.actor(), &id, &parent, caller.lang).await?;
    Ok((StatusCode::CREATED, Json(plan_item_ref(&item, Some(0.0)))))
}
