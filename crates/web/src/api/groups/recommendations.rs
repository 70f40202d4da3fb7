//! `/api/v1/recommendations`: the register with its filters and two follow-up lists,
//! status moves with their history, and the plan items that carry each one out.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use tadamun_core::groups::recommendations::input_of;
use tadamun_core::groups::{Recommendation, RecommendationInput, RecommendationStatus};
use tadamun_core::ids::PlanItemId;
use tadamun_core::{Invalid, Problem};
use tadamun_store::groups::recommendations;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{PlanItemRef, plan_item_ref, translations};
use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{ApiJson, Params, present};
use crate::groups::{RegisterQuery, recommendation_id, register};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(change_status))
        .routes(routes!(link))
        .routes(routes!(unlink))
}

/// A recommendation in a list.
#[derive(Serialize, ToSchema)]
pub(crate) struct RecommendationSummary {
    id: String,
    /// In its primary language.
    text: String,
    /// media, legal, economic, grassroots, expansion, coordination or other.
    theme: String,
    /// proposed, adopted, in_progress, implemented or dropped.
    status: String,
    /// The source meeting's id.
    meeting: Option<String>,
    /// The owner working group's id.
    group: Option<String>,
    /// 0–100: the mean of the linked plan items' progress; absent with nothing to count.
    progress: Option<f64>,
    /// RFC 3339; only in the list of those with no progress in N days.
    last_activity: Option<String>,
}

pub(crate) async fn summary(
    state: &AppState,
    r: Recommendation,
    last_activity: Option<DateTime<Utc>>,
) -> AppResult<RecommendationSummary> {
    let linked = recommendations::linked(&state.db, &r.id).await?;
    Ok(summary_of(
        r,
        recommendations::progress_of(&linked),
        last_activity,
    ))
}

fn summary_of(
    r: Recommendation,
    progress: Option<f64>,
    last_activity: Option<DateTime<Utc>>,
) -> RecommendationSummary {
    RecommendationSummary {
        id: r.id.to_string(),
        text: r.fields.text,
        theme: r.fields.theme.as_str().to_owned(),
        status: r.status.as_str().to_owned(),
        meeting: r.fields.meeting.map(|m| m.to_string()),
        group: r.fields.group.map(|g| g.to_string()),
        progress,
        last_activity: last_activity.map(|t| t.to_rfc3339()),
    }
}

/// One change of status.
#[derive(Serialize, ToSchema)]
pub(crate) struct ChangeOut {
    /// None for its entry in the register.
    from: Option<String>,
    to: String,
    reason: Option<String>,
    /// RFC 3339.
    at: String,
    /// Who: their e-mail, or `system`.
    by: String,
}

/// A recommendation with its history and linked plan items.
#[derive(Serialize, ToSchema)]
pub(crate) struct RecommendationOut {
    #[serde(flatten)]
    summary: RecommendationSummary,
    /// ISO 639 code of the text's language.
    text_lang: String,
    texts: BTreeMap<String, String>,
    /// Oldest first.
    history: Vec<ChangeOut>,
    /// The plan items that carry it out, with their progress.
    items: Vec<PlanItemRef>,
}

async fn full(state: &AppState, r: Recommendation) -> AppResult<RecommendationOut> {
    let linked = recommendations::linked(&state.db, &r.id).await?;
    let history = recommendations::history(&state.db, &r.id).await?;
    Ok(RecommendationOut {
        text_lang: r.fields.text_lang.as_str().to_owned(),
        texts: translations(&r.fields.texts),
        history: history
            .into_iter()
            .map(|c| ChangeOut {
                from: c.from.map(|s| s.as_str().to_owned()),
                to: c.to.as_str().to_owned(),
                reason: c.reason,
                at: c.at.to_rfc3339(),
                by: c.by,
            })
            .collect(),
        items: linked.iter().map(|(i, p)| plan_item_ref(i, *p)).collect(),
        summary: summary_of(r, recommendations::progress_of(&linked), None),
    })
}

/// The register, oldest first, narrowed by the filters; with `stale_days`, the
/// longest idle first (signed-in users).
#[utoipa::path(get, path = "/api/v1/recommendations", tag = "groups", params(RegisterQuery),
    responses((status = 200, body = Vec<RecommendationSummary>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<RegisterQuery>,
) -> AppResult<Json<Vec<RecommendationSummary>>> {
    caller.user()?;
    let rows = register(&state, &q).await?;
    Ok(Json(
        rows.into_iter()
            .map(|r| summary_of(r.rec, r.progress, r.last_activity))
            .collect(),
    ))
}

/// A recommendation as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct RecommendationBody {
    text: Option<String>,
    text_lang: Option<String>,
    text_ar: Option<String>,
    text_en: Option<String>,
    text_fr: Option<String>,
    text_es: Option<String>,
    /// The source meeting's id.
    meeting: Option<String>,
    /// media, legal, economic, grassroots, expansion, coordination or other.
    theme: Option<String>,
    /// The owner working group's id.
    group: Option<String>,
}

impl RecommendationBody {
    fn input(self, base: RecommendationInput) -> RecommendationInput {
        RecommendationInput {
            text: self.text.unwrap_or(base.text),
            text_lang: self.text_lang.or(base.text_lang),
            text_ar: self.text_ar.or(base.text_ar),
            text_en: self.text_en.or(base.text_en),
            text_fr: self.text_fr.or(base.text_fr),
            text_es: self.text_es.or(base.text_es),
            meeting: self.meeting.or(base.meeting),
            theme: self.theme.unwrap_or(base.theme),
            group: self.group.or(base.group),
        }
    }
}

/// Adds a recommendation to the register, as proposed (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/recommendations", tag = "groups", request_body = RecommendationBody,
    responses((status = 201, body = RecommendationOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<RecommendationBody>,
) -> AppResult<(StatusCode, Json<RecommendationOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input(RecommendationInput::default()).validate()?;
    let r = recommendations::create(&state.db, &caller.actor(), fields).await?;
    Ok((StatusCode::CREATED, Json(full(&state, r).await?)))
}

/// A recommendation with its status history, linked plan items and progress
/// (signed-in users).
#[utoipa::path(get, path = "/api/v1/recommendations/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 200, body = RecommendationOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<RecommendationOut>> {
    caller.user()?;
    let r = recommendations::get(&state.db, &recommendation_id(&id)?).await?;
    Ok(Json(full(&state, r).await?))
}

/// Changes a recommendation's details (coordinators and admins); its status changes
/// only through `POST /api/v1/recommendations/{id}/status`.
#[utoipa::path(patch, path = "/api/v1/recommendations/{id}", tag = "groups", params(("id" = String, Path)), request_body = RecommendationBody,
    responses((status = 200, body = RecommendationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<RecommendationBody>,
) -> AppResult<Json<RecommendationOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = recommendation_id(&id)?;
    let before = recommendations::get(&state.db, &id).await?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let r = recommendations::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(full(&state, r).await?))
}

/// Removes a recommendation with its history and links (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/recommendations/{id}", tag = "groups", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    recommendations::delete(&state.db, &caller.actor(), &recommendation_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A status move.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StatusBody {
    /// proposed → adopted → in_progress → implemented; any but implemented → dropped
    /// (with a reason); dropped → proposed.
    status: Option<String>,
    /// Required when dropping.
    reason: Option<String>,
}

/// Moves a recommendation to another status (coordinators and admins). A move the
/// register does not allow gives 422 `status`; dropping without a reason, 422 `reason`.
#[utoipa::path(post, path = "/api/v1/recommendations/{id}/status", tag = "groups", params(("id" = String, Path)), request_body = StatusBody,
    responses((status = 200, body = RecommendationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn change_status(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StatusBody>,
) -> AppResult<Json<RecommendationOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = recommendation_id(&id)?;
    recommendations::get(&state.db, &id).await?;
    let to = RecommendationStatus::parse(body.status.as_deref().unwrap_or_default())?;
    let r = recommendations::change_status(
        &state.db,
        &caller.actor(),
        &id,
        to,
        body.reason.as_deref().unwrap_or_default(),
    )
    .await?;
    Ok(Json(full(&state, r).await?))
}

/// A plan item to link.
#[derive(Deserialize, ToSchema)]
pub(crate) struct LinkBody {
    /// A plan item's id.
    item: Option<String>,
}

fn parse_item(raw: &Option<String>) -> Result<PlanItemId, Invalid> {
    match present(raw) {
        None => Err(Invalid::new("item", Problem::Required)),
        Some(id) => PlanItemId::parse(&id).map_err(|_| Invalid::new("item", Problem::UnknownValue)),
    }
}

/// Links a plan item that carries the recommendation out (coordinators and admins);
/// linking twice changes nothing.
#[utoipa::path(post, path = "/api/v1/recommendations/{id}/items", tag = "groups", params(("id" = String, Path)), request_body = LinkBody,
    responses((status = 200, body = RecommendationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn link(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<LinkBody>,
) -> AppResult<Json<RecommendationOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = recommendation_id(&id)?;
    recommendations::get(&state.db, &id).await?;
    let item = parse_item(&body.item)?;
    recommendations::link(&state.db, &caller.actor(), &id, &item).await?;
    let r = recommendations::get(&state.db, &id).await?;
    Ok(Json(full(&state, r).await?))
}

/// Unlinks a plan item (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/recommendations/{id}/items/{item}", tag = "groups",
    params(("id" = String, Path), ("item" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn unlink(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, item)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    let id = recommendation_id(&id)?;
    let item = PlanItemId::parse(&item).map_err(|_| AppError::NotFound)?;
    recommendations::unlink(&state.db, &caller.actor(), &id, &item).await?;
    Ok(StatusCode::NO_CONTENT)
}
