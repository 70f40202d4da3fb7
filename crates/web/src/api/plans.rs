//! `/api/v1/plans`, `/api/v1/plan-items` and `/api/v1/indicators`: plans as trees with
//! their progress, and indicators with their forecast.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::ids::{IndicatorId, PlanItemId};
use tadamun_core::plans::{
    Dependency, Indicator, IndicatorInput, MeasurementInput, PlanItem, PlanItemInput,
};
use tadamun_store::plans::{self, indicators};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::ApiJson;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list_plans))
        .routes(routes!(get_plan))
        .routes(routes!(create_item))
        .routes(routes!(update_item, delete_item))
        .routes(routes!(add_dependency))
        .routes(routes!(create_indicator))
        .routes(routes!(get_indicator, delete_indicator))
        .routes(routes!(add_measurement, measurement_history))
        .routes(routes!(correct_measurement))
}

/// A number sent as a JSON number or as text.
#[derive(Deserialize, ToSchema, Clone)]
#[serde(untagged)]
pub(crate) enum Number {
    /// `25` or `3.5`.
    Value(f64),
    /// `"25"`.
    Text(String),
}

impl Number {
    fn text(&self) -> String {
        match self {
            Number::Value(v) => v.to_string(),
            Number::Text(t) => t.clone(),
        }
    }
}

/// A plan item with its rolled-up progress.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemOut {
    id: String,
    /// plan, objective, initiative or action.
    level: String,
    parent: Option<String>,
    title: String,
    description: Option<String>,
    /// not_started, in_progress, done, blocked or cancelled.
    status: String,
    /// YYYY-MM-DD.
    start: Option<String>,
    /// YYYY-MM-DD.
    due: Option<String>,
    weight: u8,
    /// 0–100, rolled up from children and indicators; absent when nothing counts.
    progress: Option<f64>,
    /// Not done or cancelled, and due before today.
    overdue: bool,
}

fn item_out(i: &PlanItem, progress: Option<f64>) -> ItemOut {
    let f = &i.fields;
    ItemOut {
        id: i.id.to_string(),
        level: f.level.as_str().to_owned(),
        parent: f.parent.as_ref().map(ToString::to_string),
        title: f.title.clone(),
        description: f.description.clone(),
        status: f.status.as_str().to_owned(),
        start: f.dates.start.map(|d| d.to_string()),
        due: f.dates.due.map(|d| d.to_string()),
        weight: f.weight.get(),
        progress,
        overdue: f.is_overdue(chrono::Utc::now().date_naive()),
    }
}

/// A plan's whole tree.
#[derive(Serialize, ToSchema)]
pub(crate) struct TreeOut {
    /// The plan first, then every item under it.
    items: Vec<ItemOut>,
    /// `after` starts once `before` has ended.
    dependencies: Vec<DependencyOut>,
    /// The indicators of the plan's items, with where each stands.
    indicators: Vec<IndicatorSummary>,
}

/// An indicator in a plan's tree (its details at `/api/v1/indicators/{id}`).
#[derive(Serialize, ToSchema)]
pub(crate) struct IndicatorSummary {
    id: String,
    name: String,
    /// The item it measures.
    item: Option<String>,
    /// 0–100.
    progress: f64,
    /// on_track, at_risk, off_track or not_enough_data.
    status: String,
}

/// One dependency.
#[derive(Serialize, ToSchema)]
pub(crate) struct DependencyOut {
    before: String,
    after: String,
}

fn parse_item_id(raw: &str) -> AppResult<PlanItemId> {
    PlanItemId::parse(raw).map_err(|_| AppError::NotFound)
}

/// Every plan, newest first, with its progress (signed-in users).
#[utoipa::path(get, path = "/api/v1/plans", tag = "plans",
    responses((status = 200, body = Vec<ItemOut>), (status = 401, body = ErrorBody)))]
async fn list_plans(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Vec<ItemOut>>> {
    caller.user()?;
    let summaries = plans::summaries(&state.db, chrono::Utc::now().date_naive()).await?;
    Ok(Json(
        summaries
            .iter()
            .map(|s| item_out(&s.plan, s.progress))
            .collect(),
    ))
}

/// A plan's tree, every item with its progress (signed-in users).
#[utoipa::path(get, path = "/api/v1/plans/{id}", tag = "plans", params(("id" = String, Path)),
    responses((status = 200, body = TreeOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_plan(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<TreeOut>> {
    caller.user()?;
    let tree = plans::tree(&state.db, &parse_item_id(&id)?).await?;
    Ok(Json(TreeOut {
        items: tree
            .items
            .iter()
            .map(|i| item_out(i, tree.progress.get(&i.id).copied()))
            .collect(),
        dependencies: tree
            .dependencies
            .iter()
            .map(|d| DependencyOut {
                before: d.before.to_string(),
                after: d.after.to_string(),
            })
            .collect(),
        indicators: tree
            .indicators
            .iter()
            .map(|m| {
                let forecast = m.indicator.fields.forecast(&m.points);
                IndicatorSummary {
                    id: m.indicator.id.to_string(),
                    name: m.indicator.fields.name.clone(),
                    item: m.indicator.fields.item.as_ref().map(ToString::to_string),
                    progress: forecast.progress,
                    status: forecast.status.as_str().to_owned(),
                }
            })
            .collect(),
    }))
}

/// A plan item, as sent: every field as in the plan item form.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct ItemBody {
    /// plan, objective, initiative or action (ignored on update).
    level: Option<String>,
    /// The item one level up (none for a plan; ignored on update).
    parent: Option<String>,
    title: Option<String>,
    /// ISO 639 code of the title's language.
    title_lang: Option<String>,
    description: Option<String>,
    /// group, organisation or person.
    owner_kind: Option<String>,
    owner: Option<String>,
    /// YYYY-MM-DD.
    start: Option<String>,
    /// YYYY-MM-DD.
    due: Option<String>,
    status: Option<String>,
    weight: Option<Number>,
    /// 0–100, actions only.
    percent: Option<Number>,
}

impl ItemBody {
    fn input(self, base: &PlanItemInput) -> PlanItemInput {
        PlanItemInput {
            level: self.level.unwrap_or_else(|| base.level.clone()),
            parent: self.parent.or_else(|| base.parent.clone()),
            title: self.title.unwrap_or_else(|| base.title.clone()),
            title_lang: self.title_lang.or_else(|| base.title_lang.clone()),
            description: self.description.or_else(|| base.description.clone()),
            owner_kind: self.owner_kind.or_else(|| base.owner_kind.clone()),
            owner: self.owner.or_else(|| base.owner.clone()),
            start: self.start.or_else(|| base.start.clone()),
            due: self.due.or_else(|| base.due.clone()),
            status: self.status.or_else(|| base.status.clone()),
            weight: self
                .weight
                .map(|w| w.text())
                .or_else(|| base.weight.clone()),
            percent: self
                .percent
                .map(|p| p.text())
                .or_else(|| base.percent.clone()),
            ..base.clone()
        }
    }
}

/// Adds a plan, or an item under one (coordinators and admins). A level that does not
/// fit the parent, or dates outside the parent's, give 422 naming the field.
#[utoipa::path(post, path = "/api/v1/plan-items", tag = "plans", request_body = ItemBody,
    responses((status = 201, body = ItemOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_item(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<ItemBody>,
) -> AppResult<(StatusCode, Json<ItemOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input(&PlanItemInput::default()).validate()?;
    let item = plans::create(&state.db, &caller.actor(), fields).await?;
    Ok((StatusCode::CREATED, Json(item_out(&item, None))))
}

/// Changes a plan item (coordinators and admins); its level and parent stay.
#[utoipa::path(patch, path = "/api/v1/plan-items/{id}", tag = "plans", params(("id" = String, Path)), request_body = ItemBody,
    responses((status = 200, body = ItemOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_item(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ItemBody>,
) -> AppResult<Json<ItemOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = parse_item_id(&id)?;
    let before = plans::get(&state.db, &id).await?;
    let fields = body.input(&PlanItemInput::from(&before)).validate()?;
    let item = plans::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(item_out(&item, None)))
}

/// Removes a plan item and everything under it (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/plan-items/{id}", tag = "plans", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_item(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    plans::delete(&state.db, &caller.actor(), &parse_item_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// What an action waits for.
#[derive(Deserialize, ToSchema)]
pub(crate) struct DependencyBody {
    /// The action that must end first.
    depends_on: String,
}

/// Makes action `{id}` start after action `depends_on` ends (coordinators and admins).
/// A cycle, or `{id}` starting before `depends_on` is due, gives 422 `depends_on`.
#[utoipa::path(post, path = "/api/v1/plan-items/{id}/dependencies", tag = "plans", params(("id" = String, Path)), request_body = DependencyBody,
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_dependency(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<DependencyBody>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    let after = parse_item_id(&id)?;
    plans::get(&state.db, &after).await?;
    let before = PlanItemId::parse(&body.depends_on).map_err(|_| {
        tadamun_core::Invalid::new("depends_on", tadamun_core::Problem::UnknownValue)
    })?;
    plans::add_dependency(&state.db, &caller.actor(), Dependency { before, after }).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// An indicator, as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct IndicatorBody {
    name: String,
    unit: String,
    /// increase or decrease.
    direction: String,
    baseline: Number,
    /// YYYY-MM-DD.
    baseline_date: String,
    target: Number,
    /// YYYY-MM-DD.
    target_date: String,
    source: Option<String>,
    /// The objective or initiative it measures.
    item: Option<String>,
}

/// An indicator with where it stands today.
#[derive(Serialize, ToSchema)]
pub(crate) struct IndicatorOut {
    id: String,
    name: String,
    unit: String,
    direction: String,
    baseline: f64,
    baseline_date: String,
    target: f64,
    target_date: String,
    item: Option<String>,
    /// Share of the way from baseline to target, 0–100.
    progress: f64,
    /// on_track (projected to reach the target by its date), at_risk (at least 80 %
    /// of the way), off_track (less) or not_enough_data (no measurement after the
    /// baseline date).
    status: String,
    /// The trend's value on the target date (least squares through the baseline and
    /// every measurement).
    projected_value: Option<f64>,
    /// YYYY-MM-DD when the trend reaches the target; null if it never does.
    projected_date: Option<String>,
    measurements: Vec<MeasurementOut>,
}

/// One current measurement.
#[derive(Serialize, ToSchema)]
pub(crate) struct MeasurementOut {
    id: String,
    /// YYYY-MM-DD.
    date: String,
    value: f64,
    source: Option<String>,
    note: Option<String>,
    /// Who entered it.
    by: String,
}

async fn indicator_out(state: &AppState, ind: Indicator) -> AppResult<IndicatorOut> {
    let current = indicators::measurements(&state.db, &ind.id).await?;
    let points: Vec<_> = current
        .iter()
        .map(|e| e.measurement.fields.point())
        .collect();
    let forecast = ind.fields.forecast(&points);
    let f = ind.fields;
    Ok(IndicatorOut {
        id: ind.id.to_string(),
        name: f.name,
        unit: f.unit,
        direction: f.direction.as_str().to_owned(),
        baseline: f.baseline.value,
        baseline_date: f.baseline.date.to_string(),
        target: f.target.value,
        target_date: f.target.date.to_string(),
        item: f.item.map(|i| i.to_string()),
        progress: forecast.progress,
        status: forecast.status.as_str().to_owned(),
        projected_value: forecast.projected_value,
        projected_date: forecast.projected_date.map(|d| d.to_string()),
        measurements: current
            .into_iter()
            .map(|e| MeasurementOut {
                id: e.measurement.id.to_string(),
                date: e.measurement.fields.date.to_string(),
                value: e.measurement.fields.value,
                source: e.measurement.fields.source,
                note: e.measurement.fields.note,
                by: e.by,
            })
            .collect(),
    })
}

/// Adds an indicator (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/indicators", tag = "plans", request_body = IndicatorBody,
    responses((status = 201, body = IndicatorOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_indicator(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<IndicatorBody>,
) -> AppResult<(StatusCode, Json<IndicatorOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = IndicatorInput {
        name: body.name,
        unit: body.unit,
        direction: body.direction,
        baseline: body.baseline.text(),
        baseline_date: body.baseline_date,
        target: body.target.text(),
        target_date: body.target_date,
        source: body.source,
        item: body.item,
        ..Default::default()
    }
    .validate()?;
    let ind = indicators::create(&state.db, &caller.actor(), fields).await?;
    Ok((StatusCode::CREATED, Json(indicator_out(&state, ind).await?)))
}

fn parse_indicator_id(raw: &str) -> AppResult<IndicatorId> {
    IndicatorId::parse(raw).map_err(|_| AppError::NotFound)
}

/// An indicator with its progress, forecast status, projection and measurements
/// (signed-in users).
#[utoipa::path(get, path = "/api/v1/indicators/{id}", tag = "plans", params(("id" = String, Path)),
    responses((status = 200, body = IndicatorOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_indicator(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<IndicatorOut>> {
    caller.user()?;
    let ind = indicators::get(&state.db, &parse_indicator_id(&id)?).await?;
    Ok(Json(indicator_out(&state, ind).await?))
}

/// A measurement, as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct MeasurementBody {
    /// YYYY-MM-DD, not before the baseline date.
    date: String,
    value: Number,
    source: Option<String>,
    note: Option<String>,
}

/// Records a measurement (members, coordinators and admins). Answers with the
/// indicator as it stands now.
#[utoipa::path(post, path = "/api/v1/indicators/{id}/measurements", tag = "plans", params(("id" = String, Path)), request_body = MeasurementBody,
    responses((status = 201, body = IndicatorOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn add_measurement(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MeasurementBody>,
) -> AppResult<(StatusCode, Json<IndicatorOut>)> {
    let user = caller.user()?;
    caller.require(user.role != tadamun_core::accounts::Role::Viewer)?;
    let ind = indicators::get(&state.db, &parse_indicator_id(&id)?).await?;
    let fields = MeasurementInput {
        date: body.date,
        value: body.value.text(),
        source: body.source,
        note: body.note,
    }
    .validate(&ind.fields)?;
    indicators::measure(&state.db, &caller.actor(), &ind.id, fields).await?;
    Ok((StatusCode::CREATED, Json(indicator_out(&state, ind).await?)))
}

/// Removes an indicator and its measurements (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/indicators/{id}", tag = "plans", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_indicator(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    indicators::delete(&state.db, &caller.actor(), &parse_indicator_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Corrects measurement `{id}` (members, coordinators and admins): the corrected
/// value replaces it in every calculation and the old one stays in the history. A
/// measurement already corrected gives 409 (correct its replacement instead).
/// Answers with the indicator as it stands now.
#[utoipa::path(post, path = "/api/v1/measurements/{id}/corrections", tag = "plans", params(("id" = String, Path)), request_body = MeasurementBody,
    responses((status = 201, body = IndicatorOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn correct_measurement(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<MeasurementBody>,
) -> AppResult<(StatusCode, Json<IndicatorOut>)> {
    let user = caller.user()?;
    caller.require(user.role != tadamun_core::accounts::Role::Viewer)?;
    let old = tadamun_core::ids::MeasurementId::parse(&id).map_err(|_| AppError::NotFound)?;
    let ind = indicators::get(&state.db, &indicators::indicator_of(&state.db, &old).await?).await?;
    let fields = MeasurementInput {
        date: body.date,
        value: body.value.text(),
        source: body.source,
        note: body.note,
    }
    .validate(&ind.fields)?;
    indicators::correct(&state.db, &caller.actor(), &old, fields).await?;
    Ok((StatusCode::CREATED, Json(indicator_out(&state, ind).await?)))
}

/// One measurement ever entered, with the correction that replaced it.
#[derive(Serialize, ToSchema)]
pub(crate) struct HistoryOut {
    id: String,
    /// YYYY-MM-DD.
    date: String,
    value: f64,
    source: Option<String>,
    note: Option<String>,
    /// Who entered it.
    by: String,
    /// When it was entered, RFC 3339 in UTC.
    entered_at: String,
    /// The measurement that corrected it; null while it counts.
    replaced_by: Option<String>,
}

/// Every measurement of an indicator ever entered, corrected ones included, by date
/// then entry (signed-in users).
#[utoipa::path(get, path = "/api/v1/indicators/{id}/measurements", tag = "plans", params(("id" = String, Path)),
    responses((status = 200, body = Vec<HistoryOut>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn measurement_history(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<HistoryOut>>> {
    caller.user()?;
    let ind = indicators::get(&state.db, &parse_indicator_id(&id)?).await?;
    let history = indicators::history(&state.db, &ind.id).await?;
    Ok(Json(
        history
            .into_iter()
            .map(|e| HistoryOut {
                id: e.measurement.id.to_string(),
                date: e.measurement.fields.date.to_string(),
                value: e.measurement.fields.value,
                source: e.measurement.fields.source,
                note: e.measurement.fields.note,
                by: e.by,
                entered_at: tadamun_core::time::from_millis(e.at_ms).to_rfc3339(),
                replaced_by: e.replaced_by.map(|r| r.to_string()),
            })
            .collect(),
    ))
}
