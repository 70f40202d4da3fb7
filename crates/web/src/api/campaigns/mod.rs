//! `/api/v1/campaigns`: campaigns with their filters, and each campaign's targets
//! with their outcomes and the running totals of wins and losses; content items
//! and their translations in `content`. Reads are for
//! signed-in users, writes for coordinators and admins; organisations appear only
//! if the caller may see them.

mod content;
mod publications;

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::campaigns::targets::input_of as target_input_of;
use tadamun_core::campaigns::wins;
use tadamun_core::campaigns::{Campaign, CampaignInput, Target, TargetInput, input_of};
use tadamun_store::campaigns::{self as store, targets};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::campaigns::{ListQuery, campaign_id, target_id, today};
use crate::error::AppResult;
use crate::forms::{ApiJson, Params};
use crate::groups::organisation_names;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(list_targets, create_target))
        .routes(routes!(update_target, delete_target))
        .merge(content::routes())
        .merge(publications::routes())
}

/// A campaign in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignSummary {
    id: String,
    /// In its primary language.
    name: String,
    /// media, advocacy, legal, economic or grassroots.
    kind: String,
    /// `YYYY-MM-DD`.
    start: String,
    /// `YYYY-MM-DD`; absent while open-ended.
    end: Option<String>,
    /// upcoming, running or ended, today in the caller's zone.
    phase: String,
    /// UN M49 region and sub-region codes.
    regions: Vec<String>,
    /// Language codes of its content.
    languages: Vec<String>,
}

fn summary(caller: &Caller, c: &Campaign) -> CampaignSummary {
    let f = &c.fields;
    CampaignSummary {
        id: c.id.to_string(),
        name: f.name.clone(),
        kind: f.kind.as_str().to_owned(),
        start: f.start.to_string(),
        end: f.end.map(|d| d.to_string()),
        phase: f.phase(today(caller)).as_str().to_owned(),
        regions: f.regions.clone(),
        languages: f.languages.iter().map(|l| l.as_str().to_owned()).collect(),
    }
}

/// A target with its demands and outcome.
#[derive(Serialize, ToSchema)]
pub(crate) struct TargetOut {
    id: String,
    campaign: String,
    name: String,
    /// company, institution, government or other.
    kind: String,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    demands: Option<String>,
    /// open, won, partial or lost.
    outcome: String,
    /// `YYYY-MM-DD`; absent while open.
    outcome_date: Option<String>,
    /// A link to the evidence.
    evidence: Option<String>,
}

fn target_out(t: Target) -> TargetOut {
    TargetOut {
        id: t.id.to_string(),
        campaign: t.campaign.to_string(),
        name: t.fields.name,
        kind: t.fields.kind.as_str().to_owned(),
        country: t.fields.country.map(|c| c.as_str().to_owned()),
        demands: t.fields.demands,
        outcome: t.fields.outcome.as_str().to_owned(),
        outcome_date: t.fields.outcome_date.map(|d| d.to_string()),
        evidence: t.fields.evidence,
    }
}

/// The running totals on a day an outcome was reached.
#[derive(Serialize, ToSchema)]
pub(crate) struct StepOut {
    /// `YYYY-MM-DD`.
    date: String,
    /// Targets won or partly won by then.
    wins: u32,
    /// Targets lost by then.
    losses: u32,
}

/// A campaign with its links, targets and wins over time.
#[derive(Serialize, ToSchema)]
pub(crate) struct CampaignOut {
    #[serde(flatten)]
    summary: CampaignSummary,
    /// ISO 639 code of the name's and goals' language.
    name_lang: String,
    /// The name in other interface languages (`ar`, `en`, `fr`, `es`).
    names: BTreeMap<String, String>,
    /// Markdown.
    goals: Option<String>,
    goals_tr: BTreeMap<String, String>,
    /// Organising working groups' ids.
    groups: Vec<String>,
    /// Organising organisations' ids (those the caller may see).
    organisations: Vec<String>,
    /// Linked plan items' ids.
    items: Vec<String>,
    /// Linked indicators' ids.
    indicators: Vec<String>,
    /// By name.
    targets: Vec<TargetOut>,
    /// One entry per day an outcome was reached, in date order.
    wins: Vec<StepOut>,
}

fn codes(map: &BTreeMap<tadamun_core::i18n::Lang, String>) -> BTreeMap<String, String> {
    map.iter()
        .map(|(l, t)| (l.code().to_owned(), t.clone()))
        .collect()
}

async fn full(state: &AppState, caller: &Caller, c: Campaign) -> AppResult<CampaignOut> {
    let targets = targets::of_campaign(&state.db, &c.id).await?;
    let steps = wins::steps(targets.iter().map(|t| &t.fields));
    let seen = organisation_names(state, &caller.viewer, &c.fields.organisations, caller.lang)
        .await?
        .into_iter()
        .map(|(id, _)| id.to_string())
        .collect();
    let f = &c.fields;
    Ok(CampaignOut {
        summary: summary(caller, &c),
        name_lang: f.name_lang.as_str().to_owned(),
        names: codes(&f.names),
        goals: f.goals.clone(),
        goals_tr: codes(&f.goals_tr),
        groups: f.groups.iter().map(ToString::to_string).collect(),
        organisations: seen,
        items: f.items.iter().map(ToString::to_string).collect(),
        indicators: f.indicators.iter().map(ToString::to_string).collect(),
        targets: targets.into_iter().map(target_out).collect(),
        wins: steps
            .into_iter()
            .map(|s| StepOut {
                date: s.date.to_string(),
                wins: s.wins,
                losses: s.losses,
            })
            .collect(),
    })
}

/// Campaigns, latest start first, narrowed by the filters (signed-in users).
#[utoipa::path(get, path = "/api/v1/campaigns", tag = "campaigns", params(ListQuery),
    responses((status = 200, body = Vec<CampaignSummary>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<Json<Vec<CampaignSummary>>> {
    caller.user()?;
    let found = store::list(&state.db, &q.filter(today(&caller))?).await?;
    Ok(Json(found.iter().map(|c| summary(&caller, c)).collect()))
}

/// A campaign as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct CampaignBody {
    name: Option<String>,
    name_lang: Option<String>,
    name_ar: Option<String>,
    name_en: Option<String>,
    name_fr: Option<String>,
    name_es: Option<String>,
    /// media, advocacy, legal, economic or grassroots.
    kind: Option<String>,
    /// Markdown.
    goals: Option<String>,
    goals_ar: Option<String>,
    goals_en: Option<String>,
    goals_fr: Option<String>,
    goals_es: Option<String>,
    /// `YYYY-MM-DD`.
    start: Option<String>,
    /// `YYYY-MM-DD`, or empty for none.
    end: Option<String>,
    /// UN M49 codes.
    regions: Option<Vec<String>>,
    /// Language codes.
    languages: Option<Vec<String>>,
    /// Working group ids.
    groups: Option<Vec<String>>,
    /// Organisation ids.
    organisations: Option<Vec<String>>,
    /// Plan item ids.
    items: Option<Vec<String>>,
    /// Indicator ids.
    indicators: Option<Vec<String>>,
}

impl CampaignBody {
    fn input(self, base: CampaignInput) -> CampaignInput {
        CampaignInput {
            name: self.name.unwrap_or(base.name),
            name_lang: self.name_lang.or(base.name_lang),
            name_ar: self.name_ar.or(base.name_ar),
            name_en: self.name_en.or(base.name_en),
            name_fr: self.name_fr.or(base.name_fr),
            name_es: self.name_es.or(base.name_es),
            kind: self.kind.unwrap_or(base.kind),
            goals: self.goals.or(base.goals),
            goals_ar: self.goals_ar.or(base.goals_ar),
            goals_en: self.goals_en.or(base.goals_en),
            goals_fr: self.goals_fr.or(base.goals_fr),
            goals_es: self.goals_es.or(base.goals_es),
            start: self.start.unwrap_or(base.start),
            end: self.end.or(base.end),
            regions: self.regions.unwrap_or(base.regions),
            languages: self.languages.unwrap_or(base.languages),
            groups: self.groups.unwrap_or(base.groups),
            organisations: self.organisations.unwrap_or(base.organisations),
            items: self.items.unwrap_or(base.items),
            indicators: self.indicators.unwrap_or(base.indicators),
        }
    }
}

/// Adds a campaign (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/campaigns", tag = "campaigns", request_body = CampaignBody,
    responses((status = 201, body = CampaignOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CampaignBody>,
) -> AppResult<(StatusCode, Json<CampaignOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input(CampaignInput::default()).validate()?;
    let c = store::create(&state.db, &caller.actor(), fields).await?;
    Ok((StatusCode::CREATED, Json(full(&state, &caller, c).await?)))
}

/// A campaign with its targets and wins over time (signed-in users).
#[utoipa::path(get, path = "/api/v1/campaigns/{id}", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = CampaignOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<CampaignOut>> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    Ok(Json(full(&state, &caller, c).await?))
}

/// Changes a campaign (coordinators and admins).
#[utoipa::path(patch, path = "/api/v1/campaigns/{id}", tag = "campaigns", params(("id" = String, Path)), request_body = CampaignBody,
    responses((status = 200, body = CampaignOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<CampaignBody>,
) -> AppResult<Json<CampaignOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = campaign_id(&id)?;
    let before = store::get(&state.db, &id).await?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let c = store::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(full(&state, &caller, c).await?))
}

/// Removes a campaign with its targets (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/campaigns/{id}", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    store::delete(&state.db, &caller.actor(), &campaign_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A campaign's targets, by name (signed-in users).
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/targets", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = Vec<TargetOut>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list_targets(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<TargetOut>>> {
    caller.user()?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    let found = targets::of_campaign(&state.db, &id).await?;
    Ok(Json(found.into_iter().map(target_out).collect()))
}

/// A target as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct TargetBody {
    name: Option<String>,
    /// company, institution, government or other.
    kind: Option<String>,
    /// A country code or name.
    country: Option<String>,
    demands: Option<String>,
    /// open, won, partial or lost (open when absent on creation).
    outcome: Option<String>,
    /// `YYYY-MM-DD`; required unless open.
    outcome_date: Option<String>,
    /// An http or https link.
    evidence: Option<String>,
}

impl TargetBody {
    fn input(self, base: TargetInput) -> TargetInput {
        TargetInput {
            name: self.name.unwrap_or(base.name),
            kind: self.kind.unwrap_or(base.kind),
            country: self.country.or(base.country),
            demands: self.demands.or(base.demands),
            outcome: self.outcome.or(base.outcome),
            outcome_date: self.outcome_date.or(base.outcome_date),
            evidence: self.evidence.or(base.evidence),
        }
    }
}

/// Adds a target to a campaign (coordinators and admins). An outcome other than
/// open without `outcome_date` gives 422 `outcome_date`.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/targets", tag = "campaigns", params(("id" = String, Path)), request_body = TargetBody,
    responses((status = 201, body = TargetOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TargetBody>,
) -> AppResult<(StatusCode, Json<TargetOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    let fields = body.input(TargetInput::default()).validate()?;
    let t = targets::create(&state.db, &caller.actor(), &id, fields).await?;
    Ok((StatusCode::CREATED, Json(target_out(t))))
}

/// Changes a target, its outcome included (coordinators and admins).
#[utoipa::path(patch, path = "/api/v1/campaigns/{id}/targets/{target}", tag = "campaigns",
    params(("id" = String, Path), ("target" = String, Path)), request_body = TargetBody,
    responses((status = 200, body = TargetOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_target(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, target)): Path<(String, String)>,
    ApiJson(body): ApiJson<TargetBody>,
) -> AppResult<Json<TargetOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = campaign_id(&id)?;
    let target = target_id(&target)?;
    let before = targets::get(&state.db, &id, &target).await?;
    let fields = body.input(target_input_of(&before.fields)).validate()?;
    let t = targets::update(&state.db, &caller.actor(), &id, &target, fields).await?;
    Ok(Json(target_out(t)))
}

/// Removes a target (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/campaigns/{id}/targets/{target}", tag = "campaigns",
    params(("id" = String, Path), ("target" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_target(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, target)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    targets::delete(
        &state.db,
        &caller.actor(),
        &campaign_id(&id)?,
        &target_id(&target)?,
    )
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
