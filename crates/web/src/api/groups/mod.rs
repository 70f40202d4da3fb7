//! `/api/v1/working-groups`, `/api/v1/meetings` (in `meetings`) and
//! `/api/v1/recommendations` (in `recommendations`). Reads are for signed-in users,
//! writes for coordinators and admins; people appear as the caller may see them.

mod meetings;
mod recommendations;

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::people::PersonView;
use tadamun_core::groups::{Group, GroupInput, input_of};
use tadamun_core::i18n::Lang;
use tadamun_core::plans::PlanItem;
use tadamun_store::groups;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::ApiJson;
use crate::groups::{group_id, people_seen};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .merge(meetings::routes())
        .merge(recommendations::routes())
}

/// A person, as the caller may see them.
#[derive(Serialize, ToSchema)]
pub(crate) struct PersonRef {
    id: String,
    /// Their alias if they are pseudonymous (except for coordinators and admins).
    name: String,
    pseudonymous: bool,
}

impl From<PersonView> for PersonRef {
    fn from(p: PersonView) -> Self {
        Self {
            id: p.id.to_string(),
            name: p.name,
            pseudonymous: p.pseudonymous,
        }
    }
}

/// Translations by interface language code.
fn translations(map: &BTreeMap<Lang, String>) -> BTreeMap<String, String> {
    map.iter()
        .map(|(l, t)| (l.code().to_owned(), t.clone()))
        .collect()
}

/// A working group.
#[derive(Serialize, ToSchema)]
pub(crate) struct GroupOut {
    id: String,
    /// In its primary language.
    name: String,
    /// ISO 639 code of the name's and mandate's language.
    name_lang: String,
    /// The name in other interface languages (`ar`, `en`, `fr`, `es`).
    names: BTreeMap<String, String>,
    mandate: Option<String>,
    mandates: BTreeMap<String, String>,
    lead: Option<PersonRef>,
    /// A focus area code.
    focus: Option<String>,
    /// UN M49 region and sub-region codes.
    regions: Vec<String>,
    /// Members from the directory the caller may see.
    people: Vec<PersonRef>,
    /// Ids of member user accounts.
    users: Vec<String>,
}

async fn group_out(state: &AppState, caller: &Caller, g: Group) -> AppResult<GroupOut> {
    let f = g.fields;
    let lead = match &f.lead {
        Some(id) => people_seen(state, &caller.viewer, std::slice::from_ref(id))
            .await?
            .pop()
            .map(PersonRef::from),
        None => None,
    };
    Ok(GroupOut {
        id: g.id.to_string(),
        names: translations(&f.names),
        mandates: translations(&f.mandates),
        name: f.name,
        name_lang: f.name_lang.as_str().to_owned(),
        mandate: f.mandate,
        lead,
        focus: f.focus.map(|c| c.as_str().to_owned()),
        regions: f.regions,
        people: people_seen(state, &caller.viewer, &f.people)
            .await?
            .into_iter()
            .map(PersonRef::from)
            .collect(),
        users: f.users.iter().map(ToString::to_string).collect(),
    })
}

/// A plan item with its rolled-up progress.
#[derive(Serialize, ToSchema)]
pub(crate) struct PlanItemRef {
    id: String,
    /// plan, objective, initiative or action.
    level: String,
    title: String,
    /// not_started, in_progress, done, blocked or cancelled.
    status: String,
    /// YYYY-MM-DD.
    due: Option<String>,
    /// 0–100; absent when nothing under it counts.
    progress: Option<f64>,
}

pub(crate) fn plan_item_ref(item: &PlanItem, progress: Option<f64>) -> PlanItemRef {
    PlanItemRef {
        id: item.id.to_string(),
        level: item.fields.level.as_str().to_owned(),
        title: item.fields.title.clone(),
        status: item.fields.status.as_str().to_owned(),
        due: item.fields.dates.due.map(|d| d.to_string()),
        progress,
    }
}

/// A working group with its meetings, the plan items it owns and its recommendations.
#[derive(Serialize, ToSchema)]
pub(crate) struct GroupPageOut {
    #[serde(flatten)]
    group: GroupOut,
    /// Latest first.
    meetings: Vec<meetings::MeetingSummary>,
    /// Plan items it owns.
    actions: Vec<PlanItemRef>,
    recommendations: Vec<recommendations::RecommendationSummary>,
}

/// A working group as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct GroupBody {
    name: Option<String>,
    /// ISO 639 code of the name's and mandate's language.
    name_lang: Option<String>,
    name_ar: Option<String>,
    name_en: Option<String>,
    name_fr: Option<String>,
    name_es: Option<String>,
    mandate: Option<String>,
    mandate_ar: Option<String>,
    mandate_en: Option<String>,
    mandate_fr: Option<String>,
    mandate_es: Option<String>,
    /// A person id.
    lead: Option<String>,
    /// A focus area code.
    focus: Option<String>,
    /// UN M49 region or sub-region codes.
    regions: Option<Vec<String>>,
    /// Person ids.
    people: Option<Vec<String>>,
    /// User ids.
    users: Option<Vec<String>>,
}

impl GroupBody {
    fn input(self, base: GroupInput) -> GroupInput {
        GroupInput {
            name: self.name.unwrap_or(base.name),
            name_lang: self.name_lang.or(base.name_lang),
            name_ar: self.name_ar.or(base.name_ar),
            name_en: self.name_en.or(base.name_en),
            name_fr: self.name_fr.or(base.name_fr),
            name_es: self.name_es.or(base.name_es),
            mandate: self.mandate.or(base.mandate),
            mandate_ar: self.mandate_ar.or(base.mandate_ar),
            mandate_en: self.mandate_en.or(base.mandate_en),
            mandate_fr: self.mandate_fr.or(base.mandate_fr),
            mandate_es: self.mandate_es.or(base.mandate_es),
            lead: self.lead.or(base.lead),
            focus: self.focus.or(base.focus),
            regions: self.regions.unwrap_or(base.regions),
            people: self.people.unwrap_or(base.people),
            users: self.users.unwrap_or(base.users),
        }
    }
}

/// Every working group, by name (signed-in users).
#[utoipa::path(get, path = "/api/v1/working-groups", tag = "groups",
    responses((status = 200, body = Vec<GroupOut>), (status = 401, body = ErrorBody)))]
async fn list(State(state): State<AppState>, caller: Caller) -> AppResult<Json<Vec<GroupOut>>> {
    caller.user()?;
    let mut out = Vec::new();
    for g in groups::list(&state.db).await? {
        out.push(group_out(&state, &caller, g).await?);
    }
    Ok(Json(out))
}

/// Adds a working group (coordinators and admins). An unknown lead, member, user,
/// focus area or region gives 422 naming the field.
#[utoipa::path(post, path = "/api/v1/working-groups", tag = "groups", request_body = GroupBody,
    responses((status = 201, body = GroupOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<GroupBody>,
) -> AppResult<(StatusCode, Json<GroupOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input(GroupInput::default()).validate()?;
    let g = groups::create(&state.db, &caller.actor(), fields).await?;
    Ok((
        StatusCode::CREATED,
        Json(group_out(&state, &caller, g).await?),
    ))
}

/// A working group with its meetings, the plan items it owns (with progress) and its
/// recommendations (signed-in users).
#[utoipa::path(get, path = "/api/v1/working-groups/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = GroupPageOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<GroupPageOut>> {
    caller.user()?;
    let page = groups::page(&state.db, &group_id(&id)?).await?;
    let mut recs = Vec::new();
    for r in page.recommendations {
        recs.push(recommendations::summary(&state, r, None).await?);
    }
    Ok(Json(GroupPageOut {
        group: group_out(&state, &caller, page.group).await?,
        meetings: page
            .meetings
            .iter()
            .map(|m| meetings::summary(m, &caller))
            .collect(),
        actions: page
            .items
            .iter()
            .map(|(i, p)| plan_item_ref(i, *p))
            .collect(),
        recommendations: recs,
    }))
}

/// Changes a working group (coordinators and admins); what is left out stays.
#[utoipa::path(patch, path = "/api/v1/working-groups/{id}", tag = "groups", params(("id" = String, Path)), request_body = GroupBody,
    responses((status = 200, body = GroupOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<GroupBody>,
) -> AppResult<Json<GroupOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = group_id(&id)?;
    let before = groups::get(&state.db, &id).await?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let g = groups::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(group_out(&state, &caller, g).await?))
}

/// Removes a working group (coordinators and admins). Its meetings and
/// recommendations stay, without a group.
#[utoipa::path(delete, path = "/api/v1/working-groups/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    groups::delete(&state.db, &caller.actor(), &group_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
