//! `/api/v1/coverage`: presence per country and region, and expansion targets.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::coverage::tally::{Coverage, Tally};
use tadamun_core::coverage::targets::{Target, TargetInput};
use tadamun_core::geo;
use tadamun_core::i18n::Lang;
use tadamun_store::coverage;
use tadamun_store::directory::focus;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::coverage::{CoverageQuery, parse_target_id};
use crate::error::AppResult;
use crate::forms::{ApiJson, Params};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(get_coverage))
        .routes(routes!(list_targets, create_target))
        .routes(routes!(update_target, delete_target))
}

/// Presence in one country.
#[derive(Serialize, ToSchema)]
pub(crate) struct CountryOut {
    /// ISO 3166-1 alpha-2.
    code: String,
    /// In the caller's language.
    name: String,
    members: i64,
    partners: i64,
    /// Prospect, contacted or engaged.
    prospects: i64,
}

/// Presence in one UN M49 region or sub-region.
#[derive(Serialize, ToSchema)]
pub(crate) struct RegionOut {
    /// UN M49 code (`002` Africa, `014` Eastern Africa).
    m49: String,
    /// The containing region, or `001` (World) for the five regions.
    parent: String,
    /// In the caller's language.
    name: String,
    members: i64,
    partners: i64,
    prospects: i64,
    /// How many of its countries have at least one member.
    countries_with_member: i64,
    /// How many countries it has.
    countries: i64,
}

/// The coalition's presence.
#[derive(Serialize, ToSchema)]
pub(crate) struct CoverageOut {
    /// Countries with at least one organisation counted by `status`.
    countries: Vec<CountryOut>,
    /// Every region and sub-region.
    regions: Vec<RegionOut>,
}

fn count(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

fn regions_out(lang: Lang, c: &Coverage) -> Vec<RegionOut> {
    geo::regions()
        .iter()
        .map(|r| {
            let t: Tally = c.region(r);
            let (with_member, countries) = c.countries_with_member(r);
            RegionOut {
                m49: r.m49.to_owned(),
                parent: r.parent.to_owned(),
                name: r.name(lang).to_owned(),
                members: t.members,
                partners: t.partners,
                prospects: t.prospects,
                countries_with_member: count(with_member),
                countries: count(countries),
            }
        })
        .collect()
}

/// Organisations per country, sub-region and region, among those the caller may see.
/// `status` keeps the countries where that count is not zero (all with any
/// organisation when absent); `focus` counts only organisations working on it.
#[utoipa::path(get, path = "/api/v1/coverage", tag = "coverage", params(CoverageQuery),
    responses((status = 200, body = CoverageOut), (status = 422, body = ErrorBody)))]
async fn get_coverage(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<CoverageQuery>,
) -> AppResult<Json<CoverageOut>> {
    let (shade, focus) = q.parse()?;
    let any_status = q.status.as_deref().is_none_or(|s| s.trim().is_empty());
    let c = coverage::counts(&state.db, &caller.viewer, focus.as_ref()).await?;
    let lang = caller.lang;
    let countries = c
        .countries
        .iter()
        .filter(|(_, t)| {
            if any_status {
                **t != Tally::default()
            } else {
                shade.count(t) > 0
            }
        })
        .map(|(code, t)| CountryOut {
            code: (*code).to_owned(),
            name: geo::country(code)
                .map_or(*code, |x| x.name(lang))
                .to_owned(),
            members: t.members,
            partners: t.partners,
            prospects: t.prospects,
        })
        .collect();
    Ok(Json(CoverageOut {
        countries,
        regions: regions_out(lang, &c),
    }))
}

/// An expansion target with its progress today.
#[derive(Serialize, ToSchema)]
pub(crate) struct TargetOut {
    id: String,
    /// UN M49 code of the region or sub-region.
    region: String,
    region_name: String,
    /// members, partners or members_partners.
    counts: String,
    /// Focus area code, if only organisations working on it count.
    focus: Option<String>,
    target: i64,
    /// YYYY-MM-DD.
    deadline: String,
    note: Option<String>,
    /// How many are counted now (among the organisations the caller may see).
    current: i64,
    /// Share of the target reached, 0–100.
    percent: i64,
    /// Days until the deadline (negative once passed).
    days_left: i64,
    /// ISO codes of the region's countries with no member yet.
    gaps: Vec<String>,
}

async fn target_out(state: &AppState, caller: &Caller, t: Target) -> AppResult<TargetOut> {
    let counted = coverage::counts(&state.db, &caller.viewer, t.fields.focus.as_ref()).await?;
    let p = t.fields.progress(&counted, chrono::Utc::now().date_naive());
    let f = t.fields;
    Ok(TargetOut {
        id: t.id.to_string(),
        region: f.region.to_owned(),
        region_name: geo::region(f.region)
            .map(|r| r.name(caller.lang).to_owned())
            .unwrap_or_default(),
        counts: f.counts.as_str().to_owned(),
        focus: f.focus.map(|x| x.as_str().to_owned()),
        target: f.target,
        deadline: f.deadline.to_string(),
        note: f.note,
        current: p.current,
        percent: p.percent,
        days_left: p.days_left,
        gaps: p.gaps.iter().map(|c| c.code.to_owned()).collect(),
    })
}

/// Every expansion target with its progress (signed-in users).
#[utoipa::path(get, path = "/api/v1/coverage/targets", tag = "coverage",
    responses((status = 200, body = Vec<TargetOut>), (status = 401, body = ErrorBody)))]
async fn list_targets(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<Json<Vec<TargetOut>>> {
    caller.user()?;
    let mut out = Vec::new();
    for t in coverage::targets(&state.db).await? {
        out.push(target_out(&state, &caller, t).await?);
    }
    Ok(Json(out))
}

/// An expansion target, as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct TargetBody {
    /// UN M49 code of a region or sub-region.
    region: String,
    /// members, partners or members_partners.
    counts: String,
    /// Focus area code, or absent.
    focus: Option<String>,
    /// 1–100000.
    target: i64,
    /// YYYY-MM-DD.
    deadline: String,
    note: Option<String>,
}

impl TargetBody {
    fn input(self) -> TargetInput {
        TargetInput {
            region: self.region,
            counts: self.counts,
            focus: self.focus,
            target: self.target.to_string(),
            deadline: self.deadline,
            note: self.note,
        }
    }
}

/// Adds an expansion target (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/coverage/targets", tag = "coverage", request_body = TargetBody,
    responses((status = 201, body = TargetOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create_target(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<TargetBody>,
) -> AppResult<(StatusCode, Json<TargetOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.input().validate(&focus::list(&state.db).await?)?;
    let t = coverage::create_target(&state.db, &caller.actor(), fields).await?;
    Ok((
        StatusCode::CREATED,
        Json(target_out(&state, &caller, t).await?),
    ))
}

/// Replaces an expansion target (coordinators and admins).
#[utoipa::path(put, path = "/api/v1/coverage/targets/{id}", tag = "coverage", params(("id" = String, Path)), request_body = TargetBody,
    responses((status = 200, body = TargetOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TargetBody>,
) -> AppResult<Json<TargetOut>> {
    caller.require(caller.viewer.can_write_network())?;
    let id = parse_target_id(&id)?;
    let fields = body.input().validate(&focus::list(&state.db).await?)?;
    let t = coverage::update_target(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(target_out(&state, &caller, t).await?))
}

/// Removes an expansion target (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/coverage/targets/{id}", tag = "coverage", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.require(caller.viewer.can_write_network())?;
    coverage::delete_target(&state.db, &caller.actor(), &parse_target_id(&id)?).await?;
    Ok(StatusCode::NO_CONTENT)
}
