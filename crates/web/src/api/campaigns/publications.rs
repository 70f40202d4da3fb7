//! `/api/v1/content/{id}/publications`, `/api/v1/publications`,
//! `/api/v1/campaigns/{id}/reach-import` and `/api/v1/content/calendar`: the publishing
//! schedule, reach figures (one by one or a whole CSV file, all or nothing) and the
//! editorial calendar.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::campaigns::publications::{
    Publication, PublicationInput, ReachInput, input_of, parse_reach_csv,
};
use tadamun_store::campaigns::{self as store, content, publications};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::campaigns::{
    CalendarQuery, campaign_id, item_id, may_edit_content, publications_in, today,
};
use crate::error::{AppError, AppResult};
use crate::forms::{ApiJson, Params};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(update, delete))
        .routes(routes!(set_reach))
        .routes(routes!(import_reach))
        .routes(routes!(calendar))
}

/// A scheduled publication and its reach.
#[derive(Serialize, ToSchema)]
pub(crate) struct PublicationOut {
    id: String,
    item: String,
    /// ISO 639 code.
    lang: String,
    channel: String,
    /// RFC 3339, UTC.
    start: String,
    /// Local date and time where it was planned.
    start_local: String,
    /// The IANA zone it was planned in.
    time_zone: String,
    /// The link once published.
    url: Option<String>,
    impressions: Option<u64>,
    engagements: Option<u64>,
    clicks: Option<u64>,
}

fn out(p: Publication) -> PublicationOut {
    PublicationOut {
        id: p.id.to_string(),
        item: p.item.to_string(),
        lang: p.fields.lang.as_str().to_owned(),
        channel: p.fields.channel.as_str().to_owned(),
        start: p.fields.start.at.to_rfc3339(),
        start_local: p.fields.start.local_text(),
        time_zone: p.fields.start.zone.name().to_owned(),
        url: p.fields.url,
        impressions: p.reach.impressions,
        engagements: p.reach.engagements,
        clicks: p.reach.clicks,
    }
}

/// An item's publications, by time (signed-in users).
#[utoipa::path(get, path = "/api/v1/content/{id}/publications", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = Vec<PublicationOut>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<PublicationOut>>> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&id)?).await?;
    let found = publications::of_item(&state.db, &it.id).await?;
    Ok(Json(found.into_iter().map(out).collect()))
}

/// A publication as sent; on update, what is left out stays.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct PublicationBody {
    /// A language of the campaign, or the item's source language.
    lang: Option<String>,
    channel: Option<String>,
    /// Local `YYYY-MM-DDTHH:MM`.
    start: Option<String>,
    /// IANA zone of `start`.
    time_zone: Option<String>,
    /// The published link, or empty.
    url: Option<String>,
}

impl PublicationBody {
    fn input(self, base: PublicationInput) -> PublicationInput {
        PublicationInput {
            lang: self.lang.unwrap_or(base.lang),
            channel: self.channel.unwrap_or(base.channel),
            start: self.start.unwrap_or(base.start),
            time_zone: self.time_zone.unwrap_or(base.time_zone),
            url: self.url.or(base.url),
        }
    }
}

/// The campaign of an item, if the caller may write its content.
async fn writable_item(
    state: &AppState,
    caller: &Caller,
    item: &tadamun_core::ids::ContentItemId,
) -> AppResult<()> {
    caller.user()?;
    let it = content::get(&state.db, item).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(state, caller, &c).await?)
}

/// Schedules an item in a language on a channel.
#[utoipa::path(post, path = "/api/v1/content/{id}/publications", tag = "campaigns", params(("id" = String, Path)), request_body = PublicationBody,
    responses((status = 201, body = PublicationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PublicationBody>,
) -> AppResult<(StatusCode, Json<PublicationOut>)> {
    let item = item_id(&id)?;
    writable_item(&state, &caller, &item).await?;
    let fields = body.input(PublicationInput::default()).validate()?;
    let p = publications::create(&state.db, &caller.actor(), &item, fields).await?;
    Ok((StatusCode::CREATED, Json(out(p))))
}

fn publication_id(raw: &str) -> AppResult<tadamun_core::ids::PublicationId> {
    tadamun_core::ids::PublicationId::parse(raw).map_err(|_| AppError::NotFound)
}

/// Changes a publication's schedule or link.
#[utoipa::path(patch, path = "/api/v1/publications/{id}", tag = "campaigns", params(("id" = String, Path)), request_body = PublicationBody,
    responses((status = 200, body = PublicationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PublicationBody>,
) -> AppResult<Json<PublicationOut>> {
    caller.user()?;
    let before = publications::get(&state.db, &publication_id(&id)?).await?;
    writable_item(&state, &caller, &before.item).await?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let p = publications::update(&state.db, &caller.actor(), &before.id, fields).await?;
    Ok(Json(out(p)))
}

/// Removes a publication.
#[utoipa::path(delete, path = "/api/v1/publications/{id}", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.user()?;
    let p = publications::get(&state.db, &publication_id(&id)?).await?;
    writable_item(&state, &caller, &p.item).await?;
    publications::delete(&state.db, &caller.actor(), &p.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reach figures: whole numbers, or empty for unknown.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct ReachBody {
    impressions: Option<u64>,
    engagements: Option<u64>,
    clicks: Option<u64>,
}

/// Sets a publication's reach figures.
#[utoipa::path(put, path = "/api/v1/publications/{id}/reach", tag = "campaigns", params(("id" = String, Path)), request_body = ReachBody,
    responses((status = 200, body = PublicationOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn set_reach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ReachBody>,
) -> AppResult<Json<PublicationOut>> {
    caller.user()?;
    let p = publications::get(&state.db, &publication_id(&id)?).await?;
    writable_item(&state, &caller, &p.item).await?;
    let text = |v: Option<u64>| v.map(|n| n.to_string());
    let reach = ReachInput {
        impressions: text(body.impressions),
        engagements: text(body.engagements),
        clicks: text(body.clicks),
    }
    .validate()?;
    let p = publications::set_reach(&state.db, &caller.actor(), &p.id, reach).await?;
    Ok(Json(out(p)))
}

/// A reach file.
#[derive(Deserialize, ToSchema)]
pub(crate) struct ImportBody {
    /// CSV text: a `publication` column and any of `impressions`, `engagements`,
    /// `clicks`.
    csv: Option<String>,
}

/// One wrong cell.
#[derive(Serialize, ToSchema)]
pub(crate) struct CellOut {
    /// The line of the file (the header is line 1).
    line: u64,
    /// The column.
    field: String,
    /// Stable code of the problem.
    code: String,
    /// The problem in the caller's language.
    message: String,
}

/// What an import did.
#[derive(Serialize, ToSchema)]
pub(crate) struct ImportOut {
    /// Publications updated; 0 when refused.
    imported: usize,
    /// Every wrong cell; when there is one, nothing was imported.
    errors: Vec<CellOut>,
}

/// Imports reach figures for a campaign's publications from CSV: every row, or
/// (with 422) nothing and every wrong cell by line and column.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/reach-import", tag = "campaigns", params(("id" = String, Path)), request_body = ImportBody,
    responses((status = 200, body = ImportOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ImportOut)))]
async fn import_reach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ImportBody>,
) -> AppResult<(StatusCode, Json<ImportOut>)> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let csv = body.csv.unwrap_or_default();
    let errors = match parse_reach_csv(csv.as_bytes())? {
        Err(errors) => errors,
        Ok(rows) => {
            match publications::import_reach(&state.db, &caller.actor(), &c.id, &rows).await? {
                Ok(imported) => {
                    return Ok((
                        StatusCode::OK,
                        Json(ImportOut {
                            imported,
                            errors: Vec::new(),
                        }),
                    ));
                }
                Err(errors) => errors,
            }
        }
    };
    Ok((
        StatusCode::UNPROCESSABLE_ENTITY,
        Json(ImportOut {
            imported: 0,
            errors: errors
                .into_iter()
                .map(|e| CellOut {
                    line: e.line,
                    field: e.invalid.field.to_owned(),
                    code: e.invalid.problem.code().to_owned(),
                    message: crate::i18n::problem(caller.lang, e.invalid.problem),
                })
                .collect(),
        }),
    ))
}

/// A day of the calendar with its publications.
#[derive(Serialize, ToSchema)]
pub(crate) struct CalendarDay {
    /// `YYYY-MM-DD` in the caller's zone.
    date: String,
    publications: Vec<PublicationOut>,
}

/// The editorial calendar: the days of a month (whole weeks from Monday) or a week,
/// in the caller's zone, each with its scheduled publications (signed-in users).
#[utoipa::path(get, path = "/api/v1/content/calendar", tag = "campaigns", params(CalendarQuery),
    responses((status = 200, body = Vec<CalendarDay>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn calendar(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<CalendarQuery>,
) -> AppResult<Json<Vec<CalendarDay>>> {
    caller.user()?;
    let range = q.range(today(&caller))?;
    let mut found = publications_in(&state, &caller, &range).await?;
    Ok(Json(
        range
            .days
            .iter()
            .map(|d| CalendarDay {
                date: d.to_string(),
                publications: found
                    .extract_if(.., |(day, _)| day == d)
                    .map(|(_, p)| out(p))
                    .collect(),
            })
            .collect(),
    ))
}
