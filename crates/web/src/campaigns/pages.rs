//! A campaign's page: its details, organisers, linked plan items and indicators, its
//! targets with demands and outcomes, and its wins over time as an SVG step chart
//! drawn here, on the server, as the indicator charts are.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::campaigns::wins::{self, WinsChart};
use tadamun_core::campaigns::{Campaign, Target};
use tadamun_core::groups::markdown;
use tadamun_core::plans::chart::{Frame, Margin};
use tadamun_store::StoreError;
use tadamun_store::campaigns::{self as store, content};
use tadamun_store::plans::{self, indicators};

use super::content::{TranslationRow, translation_rows};
use super::{
    campaign_id, channel_label, content_kind_label, kind_label, may_edit_content, outcome_label,
    period, phase_label, target_kind_label, today,
};
use crate::caller::Caller;
use crate::directory::{country_name, language_name};
use crate::error::AppResult;
use crate::forms::Params;
use crate::groups::{group_names, organisation_names};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/campaigns/{id}", get(show).post(super::forms::update))
        .route("/campaigns/{id}/delete", post(delete))
}

/// The chart's size.
const FRAME: Frame = Frame {
    width: 720.0,
    height: 240.0,
    margin: Margin {
        top: 16.0,
        right: 20.0,
        bottom: 40.0,
        left: 48.0,
    },
};

/// Everything the wins chart draws, in SVG units.
pub(crate) struct Drawing {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
    /// Horizontal grid lines: y and the count.
    grid: Vec<(f64, u32)>,
    /// The step lines of wins and of losses.
    wins: String,
    losses: String,
    /// A dot per day with an outcome: x, y of the wins line, and its label.
    dots: Vec<(f64, f64, String)>,
    /// Dates under the plot: x, the date, its anchor.
    dates: Vec<(f64, String, &'static str)>,
    /// Today's line, when it falls inside the plot.
    today: Option<f64>,
}

fn drawing(caller: &Caller, c: &Campaign, targets: &[Target]) -> Drawing {
    let steps = wins::steps(targets.iter().map(|t| &t.fields));
    let today = today(caller);
    let chart = WinsChart::new(FRAME, c.fields.start, c.fields.end, today, &steps);
    let m = FRAME.margin;
    let label = crate::i18n::t(caller.lang, "campaigns-wins");
    let lost = crate::i18n::t(caller.lang, "campaigns-losses");
    Drawing {
        left: m.left,
        right: FRAME.width - m.right,
        top: m.top,
        bottom: FRAME.height - m.bottom,
        grid: chart
            .y_ticks()
            .into_iter()
            .map(|v| (chart.y(v), v))
            .collect(),
        wins: chart.path(&steps, |s| s.wins),
        losses: chart.path(&steps, |s| s.losses),
        dots: steps
            .iter()
            .map(|s| {
                (
                    chart.x(s.date),
                    chart.y(s.wins),
                    format!("{}: {label} {}, {lost} {}", s.date, s.wins, s.losses),
                )
            })
            .collect(),
        dates: vec![
            (chart.x(chart.from), chart.from.to_string(), "start"),
            (chart.x(chart.to), chart.to.to_string(), "end"),
        ],
        today: (chart.from < today && today < chart.to).then(|| chart.x(today)),
    }
}

/// A target as its table shows it.
struct TargetRow {
    id: String,
    name: String,
    kind: String,
    country: String,
    demands: String,
    outcome: String,
    outcome_label: String,
    outcome_date: String,
    evidence: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/campaign.html")]
struct CampaignPage {
    shell: Shell,
    id: String,
    name: String,
    kind: String,
    phase: String,
    phase_label: String,
    period: String,
    goals_html: String,
    regions: Vec<String>,
    languages: Vec<String>,
    groups: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
    items: Vec<(String, String)>,
    indicators: Vec<(String, String)>,
    targets: Vec<TargetRow>,
    wins: usize,
    losses: usize,
    open: usize,
    drawing: Drawing,
    content: Vec<ContentRow>,
    can_edit: bool,
    can_edit_content: bool,
    saved: bool,
}

/// A content item with the state of each of its translations.
struct ContentRow {
    id: String,
    title: String,
    source_lang: String,
    kind: String,
    channel: String,
    translations: Vec<TranslationRow>,
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<CampaignPage> {
    caller.user()?;
    let lang = caller.lang;
    let page = store::page(&state.db, &campaign_id(&id)?).await?;
    let c = &page.campaign;
    let f = &c.fields;
    let groups = group_names(&state, lang).await?;
    let mut items = Vec::new();
    for item in &f.items {
        match plans::get(&state.db, item).await {
            Ok(i) => items.push((i.id.to_string(), i.fields.title_in(lang).to_owned())),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let mut linked_indicators = Vec::new();
    for ind in &f.indicators {
        match indicators::get(&state.db, ind).await {
            Ok(i) => linked_indicators.push((i.id.to_string(), i.fields.name_in(lang).to_owned())),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    let can_edit_content = may_edit_content(&state, &caller, c).await?;
    // The campaign's page shows each translation's state, not who translates it.
    let no_names = std::collections::HashMap::new();
    let mut content_rows = Vec::new();
    for it in content::of_campaign(&state.db, &c.id).await? {
        let translations = content::translations(&state.db, &it.id).await?;
        content_rows.push(ContentRow {
            id: it.id.to_string(),
            title: it.fields.title.clone(),
            source_lang: it.fields.source_lang.as_str().to_owned(),
            kind: content_kind_label(lang, it.fields.kind),
            channel: channel_label(lang, it.fields.channel),
            translations: translation_rows(&caller, &translations, &no_names),
        });
    }
    let phase = f.phase(today(&caller));
    let count = |pred: fn(&Target) -> bool| page.targets.iter().filter(|t| pred(t)).count();
    Ok(CampaignPage {
        shell: Shell::new(&caller, "campaigns"),
        id: c.id.to_string(),
        name: f.name_in(lang).to_owned(),
        kind: kind_label(lang, f.kind),
        phase: phase.as_str().to_owned(),
        phase_label: phase_label(lang, phase),
        period: period(c),
        goals_html: f.goals_in(lang).map(markdown::to_html).unwrap_or_default(),
        regions: f
            .regions
            .iter()
            .filter_map(|r| tadamun_core::geo::region(r))
            .map(|r| r.name(lang).to_owned())
            .collect(),
        languages: f.languages.iter().map(|l| language_name(lang, l)).collect(),
        groups: f
            .groups
            .iter()
            .filter_map(|g| groups.get(g).map(|n| (g.to_string(), n.clone())))
            .collect(),
        organisations: organisation_names(&state, &caller.viewer, &f.organisations, lang)
            .await?
            .into_iter()
            .map(|(id, name)| (id.to_string(), name))
            .collect(),
        items,
        indicators: linked_indicators,
        wins: count(|t| t.fields.outcome.is_win()),
        losses: count(|t| t.fields.outcome == tadamun_core::campaigns::Outcome::Lost),
        open: count(|t| t.fields.outcome == tadamun_core::campaigns::Outcome::Open),
        drawing: drawing(&caller, c, &page.targets),
        targets: page
            .targets
            .iter()
            .map(|t| TargetRow {
                id: t.id.to_string(),
                name: t.fields.name.clone(),
                kind: target_kind_label(lang, t.fields.kind),
                country: t
                    .fields
                    .country
                    .as_ref()
                    .map(|c| country_name(lang, c))
                    .unwrap_or_default(),
                demands: t.fields.demands.clone().unwrap_or_default(),
                outcome: t.fields.outcome.as_str().to_owned(),
                outcome_label: outcome_label(lang, t.fields.outcome),
                outcome_date: t
                    .fields
                    .outcome_date
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                evidence: t.fields.evidence.clone(),
            })
            .collect(),
        content: content_rows,
        can_edit: caller.viewer.can_write_network(),
        can_edit_content,
        saved: q.saved.is_some(),
    })
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    store::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/campaigns").into_response())
}
