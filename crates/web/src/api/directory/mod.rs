//! The directory's API: `/api/v1/organisations` and `/api/v1/outreach` here, focus
//! areas in `focus`, people in `people`, CSV imports in `import`.

mod focus;
mod import;
mod people;

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::{
    Funnel, Organisation, OrganisationInput, OutreachInput, Stage, StageChange,
};
use tadamun_core::invalid::optional_text;
use tadamun_core::{Invalid, Problem};
use tadamun_store::directory::{self, outreach};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ErrorBody, ItemsPage, PageParams};
use crate::caller::Caller;
use crate::directory::{FilterQuery, input_of, parse_id};
use crate::error::{AppError, AppResult};
use crate::forms::{ApiJson, Params};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(move_stage))
        .routes(routes!(stage_history))
        .routes(routes!(set_outreach))
        .routes(routes!(funnel))
        .routes(routes!(export))
        .merge(focus::routes())
        .merge(people::routes())
        .merge(import::routes())
}

/// An organisation.
#[derive(Serialize, ToSchema)]
pub(crate) struct OrganisationOut {
    id: String,
    /// The name in its primary language.
    name: String,
    /// The primary name's language (ISO 639).
    name_lang: String,
    /// Its names in the interface languages (ar, en, fr, es) where it has one.
    #[schema(value_type = Object)]
    names: std::collections::BTreeMap<String, String>,
    /// Focus area codes.
    focus_areas: Vec<String>,
    /// Working languages (ISO 639).
    languages: Vec<String>,
    /// ngo, grassroots, union, student, faith, media, legal, academic, party or other.
    kind: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    city: Option<String>,
    website: Option<String>,
    description: Option<String>,
    /// public, network or restricted.
    visibility: String,
    /// prospect, contacted, engaged, member, partner, declined or inactive.
    stage: String,
    /// The id of the user who follows it up.
    owner: Option<String>,
    next_step: Option<String>,
    /// YYYY-MM-DD.
    next_step_due: Option<String>,
}

impl From<Organisation> for OrganisationOut {
    fn from(o: Organisation) -> Self {
        let f = o.fields;
        Self {
            id: o.id.to_string(),
            name: f.name,
            name_lang: f.name_lang.as_str().to_owned(),
            names: f
                .names
                .into_iter()
                .map(|(l, n)| (l.code().to_owned(), n))
                .collect(),
            focus_areas: f
                .focus_areas
                .iter()
                .map(|c| c.as_str().to_owned())
                .collect(),
            languages: f.languages.iter().map(|c| c.as_str().to_owned()).collect(),
            kind: f.kind.as_str().to_owned(),
            country: f.country.as_str().to_owned(),
            city: f.city,
            website: f.website,
            description: f.description,
            visibility: f.visibility.as_str().to_owned(),
            stage: o.stage.as_str().to_owned(),
            owner: o.outreach.owner.map(|u| u.to_string()),
            next_step: o.outreach.next_step,
            next_step_due: o.outreach.next_step_due.map(|d| d.to_string()),
        }
    }
}

/// An organisation's details. On update, absent fields stay as they are.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct OrganisationBody {
    /// The name in its primary language.
    name: Option<String>,
    /// The primary name's language (ISO 639; default en).
    name_lang: Option<String>,
    /// Names in the interface languages, by language code (`ar`, `en`, `fr`, `es`);
    /// on update, replaces them all.
    #[schema(value_type = Option<Object>)]
    names: Option<std::collections::BTreeMap<String, String>>,
    /// Focus area codes (or names); on update, replaces them all.
    focus_areas: Option<Vec<String>>,
    /// Working languages (ISO 639); on update, replaces them all.
    languages: Option<Vec<String>>,
    kind: Option<String>,
    country: Option<String>,
    city: Option<String>,
    website: Option<String>,
    description: Option<String>,
    /// public, network (default) or restricted.
    visibility: Option<String>,
    /// On creation only: the stage it starts at (default prospect).
    stage: Option<String>,
}

impl OrganisationBody {
    fn onto(self, base: OrganisationInput) -> AppResult<OrganisationInput> {
        let (mut name_ar, mut name_en, mut name_fr, mut name_es) =
            (base.name_ar, base.name_en, base.name_fr, base.name_es);
        if let Some(names) = self.names {
            (name_ar, name_en, name_fr, name_es) = (None, None, None, None);
            for (lang, name) in names {
                let slot = match lang.as_str() {
                    "ar" => &mut name_ar,
                    "en" => &mut name_en,
                    "fr" => &mut name_fr,
                    "es" => &mut name_es,
                    _ => return Err(Invalid::new("names", Problem::Language).into()),
                };
                *slot = Some(name);
            }
        }
        Ok(OrganisationInput {
            name: self.name.unwrap_or(base.name),
            name_lang: self.name_lang.or(base.name_lang),
            name_ar,
            name_en,
            name_fr,
            name_es,
            focus_areas: self.focus_areas.unwrap_or(base.focus_areas),
            languages: self.languages.unwrap_or(base.languages),
            kind: self.kind.or(base.kind),
            country: self.country.unwrap_or(base.country),
            city: self.city.or(base.city),
            website: self.website.or(base.website),
            description: self.description.or(base.description),
            visibility: self.visibility.or(base.visibility),
            stage: self.stage.or(base.stage),
        })
    }
}

/// The query of the organisation list: the fields of [`FilterQuery`] and
/// [`PageParams`] (not flattened: `serde(flatten)` loses the numbers of a query string).
#[derive(Deserialize)]
pub(crate) struct ListParams {
    q: Option<String>,
    country: Option<String>,
    region: Option<String>,
    kind: Option<String>,
    stage: Option<String>,
    focus: Option<String>,
    language: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

impl ListParams {
    fn filter(&self) -> FilterQuery {
        FilterQuery {
            q: self.q.clone(),
            country: self.country.clone(),
            region: self.region.clone(),
            kind: self.kind.clone(),
            stage: self.stage.clone(),
            focus: self.focus.clone(),
            language: self.language.clone(),
        }
    }

    fn page(&self) -> PageParams {
        PageParams {
            limit: self.limit,
            cursor: self.cursor.clone(),
        }
    }
}

/// Organisations the caller may see that match the filters, oldest first.
#[utoipa::path(get, path = "/api/v1/organisations", tag = "directory", params(FilterQuery, PageParams),
    responses((status = 200, body = ItemsPage<OrganisationOut>), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListParams>,
) -> AppResult<Json<ItemsPage<OrganisationOut>>> {
    let page = directory::list(
        &state.db,
        &caller.viewer,
        &q.filter().parse()?,
        &q.page().request()?,
    )
    .await?;
    Ok(Json(ItemsPage::from_page(
        tadamun_core::page::Page::clone(&page),
        OrganisationOut::from,
    )))
}

/// Confirms creating a look-alike of an existing organisation.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct ForceParam {
    /// `true` to create even when an organisation with the same name exists in the
    /// same country.
    force: Option<bool>,
}

/// Adds an organisation (coordinators and admins). An organisation with the same
/// name in the same country gives 409 with its `existing_id`, unless `force=true`.
#[utoipa::path(post, path = "/api/v1/organisations", tag = "directory", params(ForceParam), request_body = OrganisationBody,
    responses((status = 201, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Params(force): Params<ForceParam>,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<(StatusCode, Json<OrganisationOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let input = body.onto(OrganisationInput::default())?;
    let fields = input.validate(&directory::focus::list(&state.db).await?)?;
    let stage = input.initial_stage()?;
    if !force.force.unwrap_or(false)
        && let Some(existing) = directory::find_duplicate(&state.db, &fields).await?
    {
        return Err(AppError::Duplicate {
            existing_id: existing.id.to_string(),
        });
    }
    let org = directory::create(&state.db, &caller.actor(), fields, stage).await?;
    Ok((StatusCode::CREATED, Json(org.into())))
}

/// One organisation.
#[utoipa::path(get, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = OrganisationOut), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<OrganisationOut>> {
    let org = directory::get(&state.db, &caller.viewer, &parse_id(&id)?).await?;
    Ok(Json(org.into()))
}

/// Changes an organisation (coordinators, admins, and members of that organisation).
/// The stage is changed with `POST …/stage`, not here.
#[utoipa::path(patch, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)), request_body = OrganisationBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OrganisationBody>,
) -> AppResult<Json<OrganisationOut>> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    let fields = body
        .onto(input_of(&org))?
        .validate(&directory::focus::list(&state.db).await?)?;
    Ok(Json(
        directory::update(&state.db, &caller.actor(), &id, fields)
            .await?
            .into(),
    ))
}

/// Removes an organisation (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/organisations/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    directory::delete(&state.db, &caller.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A move in the outreach pipeline.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StageBody {
    /// The stage to move to.
    stage: String,
    /// Why.
    note: Option<String>,
}

/// Moves an organisation to another stage of the pipeline (coordinators and admins).
/// A move the pipeline does not allow from the current stage gives 422
/// `invalid_stage_move`.
#[utoipa::path(post, path = "/api/v1/organisations/{id}/stage", tag = "directory", params(("id" = String, Path)), request_body = StageBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn move_stage(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<StageBody>,
) -> AppResult<Json<OrganisationOut>> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let stage = Stage::parse(&body.stage)?;
    let note = optional_text("note", body.note.as_deref().unwrap_or_default(), 2000)?;
    let org = outreach::move_stage(&state.db, &caller.actor(), &id, stage, note.as_deref()).await?;
    Ok(Json(org.into()))
}

/// One change of stage.
#[derive(Serialize, ToSchema)]
pub(crate) struct StageChangeOut {
    from: Option<String>,
    to: String,
    /// RFC 3339, UTC.
    at: String,
    /// Who made it (e-mail, or `system`).
    by: String,
    note: Option<String>,
}

impl From<StageChange> for StageChangeOut {
    fn from(c: StageChange) -> Self {
        Self {
            from: c.from.map(|s| s.as_str().to_owned()),
            to: c.to.as_str().to_owned(),
            at: tadamun_core::time::from_millis(c.at_ms)
                .to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            by: c.by,
            note: c.note,
        }
    }
}

/// The stage history of an organisation, oldest first.
#[utoipa::path(get, path = "/api/v1/organisations/{id}/stages", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = Vec<StageChangeOut>), (status = 404, body = ErrorBody)))]
async fn stage_history(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<StageChangeOut>>> {
    let history = outreach::history(&state.db, &caller.viewer, &parse_id(&id)?).await?;
    Ok(Json(
        history.into_iter().map(StageChangeOut::from).collect(),
    ))
}

/// The follow-up of an organisation.
#[derive(Deserialize, ToSchema)]
pub(crate) struct OutreachBody {
    /// A user id, or empty for nobody.
    owner: Option<String>,
    next_step: Option<String>,
    /// YYYY-MM-DD, or empty.
    next_step_due: Option<String>,
}

/// Sets who follows an organisation up and its next step (coordinators and admins).
#[utoipa::path(put, path = "/api/v1/organisations/{id}/outreach", tag = "directory", params(("id" = String, Path)), request_body = OutreachBody,
    responses((status = 200, body = OrganisationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_outreach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<OutreachBody>,
) -> AppResult<Json<OrganisationOut>> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let input = OutreachInput {
        owner: body.owner.unwrap_or_default(),
        next_step: body.next_step.unwrap_or_default(),
        next_step_due: body.next_step_due.unwrap_or_default(),
    };
    let org = outreach::set_outreach(&state.db, &caller.actor(), &id, input.validate()?).await?;
    Ok(Json(org.into()))
}

/// The funnel of the organisations that match the filters.
#[derive(Serialize, ToSchema)]
pub(crate) struct FunnelOut {
    /// How many organisations are in each stage now.
    #[schema(value_type = Object)]
    current: serde_json::Map<String, serde_json::Value>,
    /// For each step (prospect → contacted, contacted → engaged, engaged → member),
    /// the percentage of those that reached the first stage and later the second.
    conversion: Vec<ConversionOut>,
    /// Median days spent in each stage of the funnel.
    #[schema(value_type = Object)]
    median_days: serde_json::Map<String, serde_json::Value>,
}

/// One step of the funnel.
#[derive(Serialize, ToSchema)]
pub(crate) struct ConversionOut {
    from: String,
    to: String,
    percent: Option<f64>,
}

/// The outreach funnel (signed-in users), with the organisation list's filters.
#[utoipa::path(get, path = "/api/v1/outreach/funnel", tag = "directory", params(FilterQuery),
    responses((status = 200, body = FunnelOut), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn funnel(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<FilterQuery>,
) -> AppResult<Json<FunnelOut>> {
    caller.user()?;
    let histories = outreach::histories(&state.db, &caller.viewer, &q.parse()?).await?;
    let f = Funnel::compute(
        &histories,
        tadamun_core::time::to_millis(chrono::Utc::now()),
    );
    Ok(Json(FunnelOut {
        current: f
            .current
            .iter()
            .map(|(s, n)| (s.as_str().to_owned(), (*n).into()))
            .collect(),
        conversion: f
            .conversion
            .iter()
            .map(|(from, to, p)| ConversionOut {
                from: from.as_str().to_owned(),
                to: to.as_str().to_owned(),
                percent: *p,
            })
            .collect(),
        median_days: f
            .median_days
            .iter()
            .map(|(s, d)| {
                (
                    s.as_str().to_owned(),
                    d.map_or(serde_json::Value::Null, |d| serde_json::json!(d)),
                )
            })
            .collect(),
    }))
}

/// The format of an export.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct ExportParams {
    /// `csv` (UTF-8 with BOM; default) or `json`.
    format: Option<String>,
}

/// Every organisation the caller may see that matches the filters, as CSV or JSON
/// (not paginated).
#[utoipa::path(get, path = "/api/v1/organisations/export", tag = "directory", params(ExportParams, FilterQuery),
    responses((status = 200, description = "text/csv or application/json"), (status = 422, body = ErrorBody)))]
async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Params(format): Params<ExportParams>,
    Params(q): Params<FilterQuery>,
) -> AppResult<axum::response::Response> {
    let rows = crate::directory::export_rows(&state, &caller, &q).await?;
    crate::directory::in_format(
        format.format.as_deref(),
        &rows,
        tadamun_core::directory::export::to_csv,
        "attachment; filename=\"organisations.csv\"",
    )
}
