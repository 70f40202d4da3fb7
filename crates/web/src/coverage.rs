//! The coverage page: a world map coloured by the coalition's presence, a table by
//! region and sub-region, and the regional expansion targets with their gap lists.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::Invalid;
use tadamun_core::coverage::map;
use tadamun_core::coverage::tally::{CLASS_FLOORS, Coverage, Shade, Tally, class_of};
use tadamun_core::coverage::targets::{Counted, Target, TargetInput};
use tadamun_core::directory::{FocusArea, FocusCode};
use tadamun_core::geo;
use tadamun_core::i18n::Lang;
use tadamun_core::ids::TargetId;
use tadamun_store::coverage;
use tadamun_store::directory::focus;

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormError, PageForm, Params};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/coverage", get(page))
        .route("/coverage/targets", post(create_target))
        .route("/coverage/targets/{id}/delete", post(delete_target))
}

/// The filters of the coverage page and API.
#[derive(Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct CoverageQuery {
    /// What colours the map and which countries are listed: `present` (members and
    /// partners; default), `members`, `partners` or `prospects` (prospect, contacted
    /// or engaged).
    pub status: Option<String>,
    /// Only organisations working on this focus area (code).
    pub focus: Option<String>,
}

impl CoverageQuery {
    pub(crate) fn parse(&self) -> Result<(Shade, Option<FocusCode>), Invalid> {
        let shade = Shade::parse(self.status.as_deref().unwrap_or_default())?;
        let focus = match self.focus.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(f) => Some(FocusCode::parse("focus", f)?),
        };
        Ok((shade, focus))
    }
}

/// One country outline on the map.
struct Place {
    code: &'static str,
    path: &'static str,
    class: u8,
    /// "Kenya: 3", for the outline's tooltip and accessible name.
    label: String,
}

/// One row of the region table.
struct RegionRow {
    m49: &'static str,
    name: String,
    top: bool,
    tally: Tally,
    /// Countries with at least one member, and countries in all.
    with_member: usize,
    countries: usize,
}

/// One expansion target as shown.
struct TargetRow {
    id: String,
    region: String,
    counted: String,
    focus: String,
    target: i64,
    deadline: String,
    current: i64,
    percent: i64,
    days_left: i64,
    gaps: Vec<(&'static str, String)>,
    gap_count: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "coverage/coverage.html")]
struct CoveragePage {
    shell: Shell,
    view_box: &'static str,
    places: Vec<Place>,
    legend: Vec<(u8, String)>,
    regions: Vec<RegionRow>,
    targets: Vec<TargetRow>,
    statuses: Vec<Choice>,
    focus: Vec<Choice>,
    can_edit: bool,
    target_regions: Vec<Choice>,
    counted: Vec<Choice>,
    form: TargetInput,
    error: Option<FormError>,
}

impl CoveragePage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

fn legend(lang: Lang) -> Vec<(u8, String)> {
    CLASS_FLOORS
        .iter()
        .enumerate()
        .map(|(i, floor)| {
            let label = match CLASS_FLOORS.get(i + 1) {
                Some(next) if next - 1 == *floor => floor.to_string(),
                Some(next) => format!("{floor}–{}", next - 1),
                None => format!("{floor}+"),
            };
            (
                class_of(*floor),
                i18n::t_args(
                    lang,
                    "coverage-legend",
                    &[("range", i18n::Arg::Text(label))],
                ),
            )
        })
        .collect()
}

fn region_rows(lang: Lang, coverage: &Coverage) -> Vec<RegionRow> {
    geo::regions()
        .iter()
        .map(|r| {
            let (with_member, countries) = coverage.countries_with_member(r);
            RegionRow {
                m49: r.m49,
                name: r.name(lang).to_owned(),
                top: r.is_top_level(),
                tally: coverage.region(r),
                with_member,
                countries,
            }
        })
        .collect()
}

/// The rows of every target, each counted with its own focus filter; `known` holds
/// counts already made, by focus filter, so each filter is counted once.
async fn target_rows(
    state: &AppState,
    caller: &Caller,
    areas: &[FocusArea],
    mut known: Vec<(Option<FocusCode>, Arc<Coverage>)>,
) -> AppResult<Vec<TargetRow>> {
    let lang = caller.lang;
    let today = chrono::Utc::now().date_naive();
    let mut rows = Vec::new();
    for t in coverage::targets(&state.db).await? {
        let index = match known.iter().position(|(f, _)| *f == t.fields.focus) {
            Some(i) => i,
            None => {
                let counted =
                    coverage::counts(&state.db, &caller.viewer, t.fields.focus.as_ref()).await?;
                known.push((t.fields.focus.clone(), counted));
                known.len() - 1
            }
        };
        rows.push(target_row(lang, &t, &known[index].1, areas, today));
    }
    Ok(rows)
}

fn target_row(
    lang: Lang,
    t: &Target,
    counted: &Coverage,
    areas: &[FocusArea],
    today: chrono::NaiveDate,
) -> TargetRow {
    let f = &t.fields;
    let p = f.progress(counted, today);
    TargetRow {
        id: t.id.to_string(),
        region: f
            .region()
            .map(|r| r.name(lang).to_owned())
            .unwrap_or_default(),
        counted: i18n::t(lang, &format!("counted-{}", f.counts.as_str())),
        focus: f
            .focus
            .as_ref()
            .map(|code| {
                areas
                    .iter()
                    .find(|a| a.code == *code)
                    .map_or_else(|| code.as_str().to_owned(), |a| a.name(lang).to_owned())
            })
            .unwrap_or_default(),
        target: f.target,
        deadline: f.deadline.to_string(),
        current: p.current,
        percent: p.percent,
        days_left: p.days_left,
        gap_count: i64::try_from(p.gaps.len()).unwrap_or(i64::MAX),
        gaps: p
            .gaps
            .iter()
            .map(|c| (c.code, c.name(lang).to_owned()))
            .collect(),
    }
}

async fn build(
    state: &AppState,
    caller: &Caller,
    q: &CoverageQuery,
    form: TargetInput,
    error: Option<FormError>,
) -> AppResult<Response> {
    let lang = caller.lang;
    let areas = focus::list(&state.db).await?;
    let (shade, focus_filter, filter_error) = match q.parse() {
        Ok((shade, focus)) => (shade, focus, None),
        Err(invalid) => (Shade::Present, None, Some(FormError::new(lang, &invalid))),
    };
    let counted = coverage::counts(&state.db, &caller.viewer, focus_filter.as_ref()).await?;
    let places = map::shapes()
        .iter()
        .map(|s| {
            let n = shade.count(&counted.country(s.code));
            let name = geo::country(s.code).map_or(s.code, |c| c.name(lang));
            Place {
                code: s.code,
                path: s.path,
                class: class_of(n),
                label: format!("{name}: {n}"),
            }
        })
        .collect();
    let status = error.is_some() || filter_error.is_some();
    let page = CoveragePage {
        shell: Shell::new(caller, "coverage"),
        view_box: map::VIEW_BOX,
        places,
        legend: legend(lang),
        regions: region_rows(lang, &counted),
        targets: target_rows(
            state,
            caller,
            &areas,
            vec![(focus_filter.clone(), counted.clone())],
        )
        .await?,
        statuses: Choice::list(
            Shade::ALL
                .iter()
                .map(|s| (s.as_str(), i18n::t(lang, &format!("shade-{}", s.as_str())))),
            shade.as_str(),
        ),
        focus: crate::directory::focus_choices(
            lang,
            &areas,
            &[focus_filter.as_ref().map_or("", FocusCode::as_str)],
        ),
        can_edit: caller.viewer.can_write_network(),
        target_regions: crate::directory::region_choices(lang, form.region.trim()),
        counted: Choice::list(
            Counted::ALL.iter().map(|c| {
                (
                    c.as_str(),
                    i18n::t(lang, &format!("counted-{}", c.as_str())),
                )
            }),
            if form.counts.is_empty() {
                "members"
            } else {
                form.counts.as_str()
            },
        ),
        form,
        error: error.or(filter_error),
    };
    let code = if status {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((code, page).into_response())
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<CoverageQuery>,
) -> AppResult<Response> {
    build(&state, &caller, &q, TargetInput::default(), None).await
}

async fn create_target(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<TargetInput>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let areas = focus::list(&state.db).await?;
    match form.validate(&areas) {
        Ok(fields) => {
            coverage::create_target(&state.db, &caller.actor(), fields).await?;
            Ok(Redirect::to("/coverage#targets").into_response())
        }
        Err(invalid) => {
            let error = Some(FormError::new(caller.lang, &invalid));
            build(&state, &caller, &CoverageQuery::default(), form, error).await
        }
    }
}

/// Parses a target id from a URL; a malformed one is simply not found.
pub(crate) fn parse_target_id(raw: &str) -> AppResult<TargetId> {
    TargetId::parse(raw).map_err(|_| AppError::NotFound)
}

async fn delete_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    coverage::delete_target(&state.db, &caller.actor(), &parse_target_id(&id)?).await?;
    Ok(Redirect::to("/coverage#targets").into_response())
}
