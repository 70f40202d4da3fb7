//! An indicator's page: where it stands, its chart (baseline, target, measurements,
//! trend, target date) drawn on the server as SVG, the rules behind its status, its
//! measurements with their corrections, and the forms that add and correct them; and
//! the form that adds an indicator to an objective or initiative.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::Invalid;
use tadamun_core::accounts::Role;
use tadamun_core::ids::{IndicatorId, MeasurementId, PlanItemId};
use tadamun_core::plans::chart::{Chart, Frame, Margin};
use tadamun_core::plans::forecast::AT_RISK_SHARE;
use tadamun_core::plans::{Indicator, IndicatorInput, Level, MeasurementInput, Point};
use tadamun_store::directory::people;
use tadamun_store::plans::{self, indicators};

use super::pages::{forecast_label, value_text};
use super::parse_item_id;
use crate::caller::Caller;
use crate::directory::language_choices;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError, Params};
use crate::i18n;
use crate::i18n::percent_text;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/indicators", post(create))
        .route("/indicators/{id}", get(page))
        .route("/indicators/{id}/delete", post(delete))
        .route("/indicators/{id}/measurements", post(measure))
        .route("/measurements/{id}/correct", post(correct))
        .route("/plan-items/{id}/indicators/new", get(new_form))
}

fn parse_id(raw: &str) -> AppResult<IndicatorId> {
    IndicatorId::parse(raw).map_err(|_| AppError::NotFound)
}

/// Members, coordinators and admins record measurements; viewers only read.
fn may_measure(caller: &Caller) -> bool {
    caller.user.as_ref().is_some_and(|u| u.role != Role::Viewer)
}

/// The chart's size.
const FRAME: Frame = Frame {
    width: 720.0,
    height: 300.0,
    margin: Margin {
        top: 16.0,
        right: 20.0,
        bottom: 40.0,
        left: 64.0,
    },
};

/// Everything the chart draws, in SVG units.
struct Drawing {
    /// Horizontal grid lines: y and the value's label.
    grid: Vec<(f64, String)>,
    /// The plot's edges.
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    baseline: (f64, f64),
    target: (f64, f64),
    /// The measurements, as a polyline and as dots with their labels.
    line: String,
    dots: Vec<(f64, f64, String)>,
    trend: Option<[(f64, f64); 2]>,
    /// Dates labelled under the plot: x, the date, and how it is anchored (the first
    /// starts at its line, the last ends at it, so neither leaves the chart).
    dates: Vec<(f64, String, &'static str)>,
}

fn drawing(ind: &Indicator, points: &[Point]) -> Drawing {
    let f = &ind.fields;
    let chart = Chart::new(FRAME, f, points);
    let m = FRAME.margin;
    let mut dated = vec![f.baseline.date, f.target.date];
    if chart.to > f.target.date {
        dated.push(chart.to);
    }
    let last = dated.len() - 1;
    let dates = dated
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let anchor = match i {
                0 => "start",
                i if i == last => "end",
                _ => "middle",
            };
            (chart.x(d), d.to_string(), anchor)
        })
        .collect();
    Drawing {
        grid: chart
            .y_ticks()
            .into_iter()
            .map(|v| (chart.y(v), value_text(v)))
            .collect(),
        left: m.left,
        right: FRAME.width - m.right,
        top: m.top,
        bottom: FRAME.height - m.bottom,
        baseline: chart.point(&f.baseline),
        target: chart.point(&f.target),
        line: chart.polyline(points),
        dots: points
            .iter()
            .map(|p| {
                let (x, y) = chart.point(p);
                (x, y, format!("{}: {}", p.date, value_text(p.value)))
            })
            .collect(),
        trend: f.trend(points).map(|t| chart.trend(&t, f.baseline.date)),
        dates,
    }
}

/// One measurement ever entered.
struct MeasurementRow {
    id: String,
    date: String,
    value: String,
    source: String,
    note: String,
    by: String,
    at: String,
    /// Corrected since: kept in the history, struck through.
    replaced: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/indicator.html")]
struct IndicatorPage {
    shell: Shell,
    id: String,
    name: String,
    unit: String,
    direction: String,
    source: String,
    responsible: String,
    item: Option<(String, String)>,
    baseline: String,
    baseline_date: String,
    target: String,
    target_date: String,
    latest: String,
    progress: i64,
    progress_text: String,
    status: &'static str,
    status_label: String,
    projected_value: String,
    projected_date: String,
    at_risk_percent: i64,
    drawing: Drawing,
    rows: Vec<MeasurementRow>,
    can_measure: bool,
    can_edit: bool,
    /// What was typed in the measurement form, kept when it had an error.
    form: MeasurementInput,
    /// The measurement whose correction failed.
    correcting: Option<String>,
    saved: bool,
    error: Option<FormError>,
}

impl IndicatorPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

/// What went wrong in one of the page's forms, to show beside it.
struct Failed {
    invalid: Invalid,
    form: MeasurementInput,
    correcting: Option<String>,
}

async fn indicator_page(
    state: &AppState,
    caller: &Caller,
    id: &IndicatorId,
    saved: bool,
    failed: Option<Failed>,
) -> AppResult<IndicatorPage> {
    caller.user()?;
    let lang = caller.lang;
    let ind = indicators::get(&state.db, id).await?;
    let history = indicators::history(&state.db, id).await?;
    let points: Vec<Point> = history
        .iter()
        .filter(|e| e.replaced_by.is_none())
        .map(|e| e.measurement.fields.point())
        .collect();
    let f = &ind.fields;
    let forecast = f.forecast(&points);
    let item = match &f.item {
        Some(item) => {
            let i = plans::get(&state.db, item).await?;
            Some((i.id.to_string(), i.fields.title_in(lang).to_owned()))
        }
        None => None,
    };
    let responsible = match &f.responsible {
        Some(p) => people::names_of(&state.db, &caller.viewer, &[p])
            .await?
            .remove(p.as_str())
            .unwrap_or_default(),
        None => String::new(),
    };
    let zone = caller.zone();
    let rows = history
        .iter()
        .rev()
        .map(|e| {
            let m = &e.measurement.fields;
            MeasurementRow {
                id: e.measurement.id.to_string(),
                date: m.date.to_string(),
                value: value_text(m.value),
                source: m.source.clone().unwrap_or_default(),
                note: m.note.clone().unwrap_or_default(),
                by: e.by.clone(),
                at: zone.format(tadamun_core::time::from_millis(e.at_ms)),
                replaced: e.replaced_by.is_some(),
            }
        })
        .collect();
    let (form, correcting, error) = match failed {
        Some(f) => (f.form, f.correcting, Some(FormError::new(lang, &f.invalid))),
        None => (MeasurementInput::default(), None, None),
    };
    Ok(IndicatorPage {
        shell: Shell::new(caller, "plans"),
        id: ind.id.to_string(),
        name: f.name_in(lang).to_owned(),
        unit: f.unit.clone(),
        direction: i18n::t(
            lang,
            &format!("indicators-direction-{}", f.direction.as_str()),
        ),
        source: f.source.clone().unwrap_or_default(),
        responsible,
        item,
        baseline: value_text(f.baseline.value),
        baseline_date: f.baseline.date.to_string(),
        target: value_text(f.target.value),
        target_date: f.target.date.to_string(),
        latest: tadamun_core::plans::indicators::latest(&points)
            .map_or_else(|| "—".into(), |p| value_text(p.value)),
        progress: forecast.progress.round() as i64,
        progress_text: percent_text(Some(forecast.progress)),
        status: forecast.status.as_str(),
        status_label: forecast_label(lang, forecast.status.as_str()),
        projected_value: forecast
            .projected_value
            .map_or_else(|| "—".into(), value_text),
        projected_date: forecast
            .projected_date
            .map_or_else(|| "—".into(), |d| d.to_string()),
        at_risk_percent: (AT_RISK_SHARE * 100.0).round() as i64,
        drawing: drawing(&ind, &points),
        rows,
        can_measure: may_measure(caller),
        can_edit: caller.viewer.can_write_network(),
        form,
        correcting,
        saved,
        error,
    })
}

#[derive(serde::Deserialize, Default)]
struct Flags {
    saved: Option<String>,
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(flags): Params<Flags>,
) -> AppResult<IndicatorPage> {
    indicator_page(
        &state,
        &caller,
        &parse_id(&id)?,
        flags.saved.is_some(),
        None,
    )
    .await
}

/// Back to the indicator after a change, or its page with the error beside the form.
async fn after_change(
    state: &AppState,
    caller: &Caller,
    id: &IndicatorId,
    result: AppResult<()>,
    form: MeasurementInput,
    correcting: Option<String>,
) -> AppResult<Response> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/indicators/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(invalid)) => {
            let failed = Failed {
                invalid,
                form,
                correcting,
            };
            let page = indicator_page(state, caller, id, false, Some(failed)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

async fn measure(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    caller.require(may_measure(&caller))?;
    let ind = indicators::get(&state.db, &parse_id(&id)?).await?;
    let form: MeasurementInput = body.parse()?;
    let result = match form.validate(&ind.fields) {
        Ok(fields) => indicators::measure(&state.db, &caller.actor(), &ind.id, fields)
            .await
            .map(|_| ())
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    after_change(&state, &caller, &ind.id, result, form, None).await
}

async fn correct(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    caller.require(may_measure(&caller))?;
    let old = MeasurementId::parse(&id).map_err(|_| AppError::NotFound)?;
    let indicator = indicators::indicator_of(&state.db, &old).await?;
    let ind = indicators::get(&state.db, &indicator).await?;
    let form: MeasurementInput = body.parse()?;
    let result = match form.validate(&ind.fields) {
        Ok(fields) => indicators::correct(&state.db, &caller.actor(), &old, fields)
            .await
            .map(|_| ())
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    after_change(
        &state,
        &caller,
        &ind.id,
        result,
        form,
        Some(old.to_string()),
    )
    .await
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Redirect> {
    caller.require(caller.viewer.can_write_network())?;
    let ind = indicators::get(&state.db, &parse_id(&id)?).await?;
    indicators::delete(&state.db, &caller.actor(), &ind.id).await?;
    Ok(match &ind.fields.item {
        Some(item) => Redirect::to(&format!("/plan-items/{item}?saved=1")),
        None => Redirect::to("/plans"),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/indicator_form.html")]
struct FormPage {
    shell: Shell,
    item_id: String,
    item_title: String,
    form: IndicatorInput,
    name_langs: Vec<Choice>,
    directions: Vec<Choice>,
    responsible: Picker,
    error: Option<FormError>,
}

impl FormPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

async fn form_page(
    state: &AppState,
    caller: &Caller,
    item: &PlanItemId,
    form: IndicatorInput,
    finds: &Finds,
    error: Option<&Invalid>,
) -> AppResult<FormPage> {
    let lang = caller.lang;
    let target = plans::get(&state.db, item).await?;
    if !matches!(target.fields.level, Level::Objective | Level::Initiative) {
        return Err(AppError::NotFound);
    }
    let mut responsible = Directory::People
        .picker(
            state,
            &caller.viewer,
            ("responsible", i18n::field(lang, "responsible")),
            &[form.responsible.clone().unwrap_or_default()],
            finds,
        )
        .await?
        .single();
    let error = error.map(|e| FormError::new(lang, e));
    if let Some(e) = &error {
        responsible.mark(e);
    }
    Ok(FormPage {
        shell: Shell::new(caller, "plans"),
        item_id: target.id.to_string(),
        item_title: target.fields.title_in(lang).to_owned(),
        name_langs: language_choices(lang, &[form.name_lang.as_deref().unwrap_or("en")]),
        directions: Choice::list(
            ["increase", "decrease"]
                .map(|d| (d, i18n::t(lang, &format!("indicators-direction-{d}")))),
            if form.direction.is_empty() {
                "increase"
            } else {
                &form.direction
            },
        ),
        responsible,
        form,
        error,
    })
}

async fn new_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let item = parse_item_id(&id)?;
    let form = IndicatorInput {
        item: Some(item.to_string()),
        baseline_date: super::today().to_string(),
        ..Default::default()
    };
    form_page(&state, &caller, &item, form, &Finds::default(), None).await
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form: IndicatorInput = body.parse()?;
    let item = parse_item_id(form.item.as_deref().unwrap_or_default())?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = form_page(&state, &caller, &item, form, &finds, None).await?;
        return Ok(page.into_response());
    }
    let result = match form.validate() {
        Ok(fields) => indicators::create(&state.db, &caller.actor(), fields)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(ind) => Ok(Redirect::to(&format!("/indicators/{}?saved=1", ind.id)).into_response()),
        Err(AppError::Invalid(invalid)) => {
            let page = form_page(&state, &caller, &item, form, &finds, Some(&invalid)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}
