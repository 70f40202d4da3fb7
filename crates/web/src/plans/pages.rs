//! The list of plans and a plan's page: its tree with progress bars and statuses, and
//! its indicators with where each is heading. A plan's page below its heading is drawn
//! once per owners seen, language and day, and kept while the plans' version stands.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use std::sync::Arc;

use chrono::NaiveDate;
use tadamun_core::i18n::Lang;
use tadamun_core::ids::PlanItemId;
use tadamun_store::plans::{self, PlanTree};
use tadamun_store::versions::Area;

use super::{ItemRow, Owners, parse_item_id, rows_named, today};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::i18n::percent_text;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/plans", get(list))
        .route("/plans/{id}", get(plan))
}

/// One plan in the list, with how many of its items need attention.
struct PlanRow {
    item: ItemRow,
    overdue: i64,
    blocked: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/plans.html")]
struct ListPage {
    shell: Shell,
    plans: Vec<PlanRow>,
    can_edit: bool,
}

async fn list(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    caller.user()?;
    let lang = caller.lang;
    let today = today();
    let all = plans::summaries(&state.db, today).await?;
    let owners = Owners::of(&state, &caller.viewer, lang, all.iter().map(|s| &s.plan)).await?;
    let rows = all
        .iter()
        .map(|s| PlanRow {
            item: ItemRow::new(lang, &s.plan, s.progress, &owners, today),
            overdue: s.overdue as i64,
            blocked: s.blocked as i64,
        })
        .collect();
    Ok(ListPage {
        shell: Shell::new(&caller, "plans"),
        plans: rows,
        can_edit: caller.viewer.can_write_network(),
    })
}

/// One indicator as the plan page and the report list it.
pub(super) struct IndicatorRow {
    pub(super) id: String,
    pub(super) name: String,
    /// The title of the item it measures.
    pub(super) item: String,
    pub(super) unit: String,
    pub(super) baseline: String,
    pub(super) latest: String,
    pub(super) target: String,
    pub(super) target_date: String,
    pub(super) progress: i64,
    pub(super) progress_text: String,
    pub(super) status: &'static str,
    pub(super) status_label: String,
    pub(super) projected_value: String,
    pub(super) projected_date: String,
}

/// A value in an indicator's unit: whole numbers without decimals, others with up to
/// two.
pub(super) fn value_text(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    }
}

pub(super) fn forecast_label(lang: Lang, status: &str) -> String {
    i18n::t(lang, &format!("forecast-{status}"))
}

/// The indicators of `tree`, each with its latest value and forecast.
pub(super) fn indicator_rows(lang: Lang, tree: &PlanTree) -> Vec<IndicatorRow> {
    let items: std::collections::HashMap<_, _> = tree.items.iter().map(|i| (&i.id, i)).collect();
    tree.indicators
        .iter()
        .map(|m| {
            let f = &m.indicator.fields;
            let forecast = f.forecast(&m.points);
            let latest = tadamun_core::plans::indicators::latest(&m.points);
            let item = f
                .item
                .as_ref()
                .and_then(|id| items.get(id))
                .map(|i| i.fields.title_in(lang).to_owned())
                .unwrap_or_default();
            IndicatorRow {
                id: m.indicator.id.to_string(),
                name: f.name_in(lang).to_owned(),
                item,
                unit: f.unit.clone(),
                baseline: value_text(f.baseline.value),
                latest: latest.map_or_else(|| "—".into(), |p| value_text(p.value)),
                target: value_text(f.target.value),
                target_date: f.target.date.to_string(),
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
            }
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/plan.html")]
struct PlanPage {
    shell: Shell,
    body: Arc<PlanBody>,
    can_edit: bool,
}

/// A plan's page below its heading and links, as HTML: its facts, its tree and its
/// indicators, with what the page around them names.
pub(crate) struct PlanBody {
    id: String,
    title: String,
    html: String,
}

/// Everything a plan's body is drawn from besides its tree (kept under the plans'
/// version): the same for every reader who sees the same owners, in one language, on
/// one day. A plan of 500 items is 300 KB of HTML.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct BodyKey {
    plan: PlanItemId,
    lang: Lang,
    today: NaiveDate,
    owners: Owners,
}

#[derive(Template)]
#[template(path = "plans/plan_body.html")]
struct BodyHtml {
    lang: Lang,
    plan: ItemRow,
    rows: Vec<ItemRow>,
    indicators: Vec<IndicatorRow>,
    overdue: i64,
    blocked: i64,
}

impl BodyHtml {
    fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    fn tn(&self, key: &str, count: &i64) -> String {
        i18n::t_args(self.lang, key, &[("count", i18n::Arg::Num(*count))])
    }

    fn field(&self, name: &str) -> String {
        i18n::field(self.lang, name)
    }
}

async fn plan(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<PlanPage> {
    caller.user()?;
    let lang = caller.lang;
    let tree = plans::tree_containing(&state.db, &parse_item_id(&id)?).await?;
    let owners = Owners::of(&state, &caller.viewer, lang, tree.items.iter()).await?;
    let plan = tree.items.first().ok_or(AppError::NotFound)?.id.clone();
    let key = BodyKey {
        plan,
        lang,
        today: today(),
        owners,
    };
    let body = state
        .plan_bodies
        .get_or_read(&state.db, Area::Plans, &key, async || draw(&key, &tree))
        .await?;
    Ok(PlanPage {
        shell: Shell::new(&caller, "plans"),
        body,
        can_edit: caller.viewer.can_write_network(),
    })
}

/// The body of `tree`'s page, as [`BodyKey`] asks.
fn draw(key: &BodyKey, tree: &PlanTree) -> AppResult<PlanBody> {
    let mut rows = rows_named(key.lang, tree, &key.owners, key.today);
    if rows.is_empty() {
        return Err(AppError::NotFound);
    }
    let plan = rows.remove(0);
    let (id, title) = (plan.id.clone(), plan.title.clone());
    let html = BodyHtml {
        lang: key.lang,
        overdue: rows.iter().filter(|r| r.overdue).count() as i64,
        blocked: rows.iter().filter(|r| r.status == "blocked").count() as i64,
        indicators: indicator_rows(key.lang, tree),
        plan,
        rows,
    }
    .render()
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(PlanBody { id, title, html })
}
