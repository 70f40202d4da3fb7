//! The plan report a coordinator hands to partners: a printable page (the print
//! stylesheet drops navigation and forms) and the same tree as CSV.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tadamun_core::directory::export::write_csv;
use tadamun_store::plans;

use super::pages::{IndicatorRow, indicator_rows};
use super::{ItemRow, parse_item_id, today, tree_rows};
use crate::caller::Caller;
use crate::error::AppResult;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/plans/{id}/report", get(page))
        .route("/plans/{id}/report.csv", get(csv))
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/report.html")]
struct ReportPage {
    shell: Shell,
    plan: ItemRow,
    objectives: Vec<ItemRow>,
    rows: Vec<ItemRow>,
    attention: Vec<ItemRow>,
    indicators: Vec<IndicatorRow>,
    today: String,
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<ReportPage> {
    caller.user()?;
    let tree = plans::tree_containing(&state.db, &parse_item_id(&id)?).await?;
    let mut rows = tree_rows(&state, &caller.viewer, caller.lang, &tree).await?;
    let plan = rows.remove(0);
    let mut objectives = Vec::new();
    let mut attention = Vec::new();
    let mut rest = Vec::new();
    for row in rows {
        if row.depth == 1 {
            objectives.push(row.clone());
        }
        if row.overdue || row.status == "blocked" {
            attention.push(row.clone());
        }
        rest.push(row);
    }
    Ok(ReportPage {
        shell: Shell::new(&caller, "plans"),
        plan,
        objectives,
        rows: rest,
        attention,
        indicators: indicator_rows(caller.lang, &tree),
        today: today().to_string(),
    })
}

/// The columns of the CSV report, stable whatever the reader's language.
const COLUMNS: [&str; 11] = [
    "id", "level", "parent", "title", "owner", "status", "start", "due", "weight", "progress",
    "overdue",
];

async fn csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let tree = plans::tree_containing(&state.db, &parse_item_id(&id)?).await?;
    let plan_id = tree
        .items
        .first()
        .map(|p| p.id.to_string())
        .unwrap_or_default();
    let rows = tree_rows(&state, &caller.viewer, caller.lang, &tree).await?;
    let ordered = super::in_order(&tree);
    let cells: Vec<[String; 11]> = ordered
        .iter()
        .zip(&rows)
        .map(|(item, row)| {
            let f = &item.fields;
            [
                item.id.to_string(),
                f.level.as_str().to_owned(),
                f.parent
                    .as_ref()
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                row.title.clone(),
                row.owner.clone(),
                f.status.as_str().to_owned(),
                row.start.clone(),
                row.due.clone(),
                f.weight.get().to_string(),
                tree.progress
                    .get(&item.id)
                    .map(|p| format!("{p:.1}"))
                    .unwrap_or_default(),
                if row.overdue { "yes" } else { "no" }.to_owned(),
            ]
        })
        .collect();
    let body = write_csv(
        &COLUMNS,
        cells.iter().map(|c| c.each_ref().map(String::as_str)),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"plan-{plan_id}.csv\""),
            ),
        ],
        body,
    )
        .into_response())
}
