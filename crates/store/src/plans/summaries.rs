//! The lists of plans: every plan with its rolled-up progress and its overdue and
//! blocked items, read without each plan's whole tree.

use std::collections::HashMap;

use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Dates, Level, Node, Percent, PlanItem, Status, Tree, Weight};

use super::{day, indicators, plans};
use crate::Db;
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::versions::Area;

/// A plan as the lists of plans show it.
#[derive(Debug, Clone)]
pub struct PlanSummary {
    pub plan: PlanItem,
    /// Its rolled-up progress (0–100), if anything in it is countable.
    pub progress: Option<f64>,
    /// How many of its items are overdue.
    pub overdue: usize,
    /// How many of its items are blocked.
    pub blocked: usize,
}

/// Every plan, newest first, with its progress and its overdue and blocked items on
/// `today`: every tree's items and each indicator's latest value in two queries,
/// rather than each plan's whole tree with every measurement.
#[tracing::instrument(skip(db))]
pub async fn summaries(db: &Db, today: chrono::NaiveDate) -> Result<Vec<PlanSummary>> {
    let summaries = db
        .caches()
        .plan_summaries
        .get_or_read(db, Area::Plans, &today, async || read(db, today).await)
        .await?;
    Ok(summaries.as_ref().clone())
}

async fn read(db: &Db, today: chrono::NaiveDate) -> Result<Vec<PlanSummary>> {
    let plans = plans(db).await?;
    let measured = indicators::latest_of_all(db).await?;
    // Of the other items, only what progress and the counts read: their titles and
    // descriptions are most of the table. Read last, with nothing awaited after it:
    // a busy server then holds the thousands of them only for the requests it is
    // running, not for every request waiting for a connection.
    let rows: Vec<NodeRow> = Sql::new(&format!("SELECT {NODE_COLUMNS} FROM plan_items"))
        .into_json_rows(db.backend(), NODE_COLUMNS)
        .fetch_json(db.pool())
        .await?;
    let mut by_plan: HashMap<String, (usize, usize)> = HashMap::new();
    let mut nodes = Vec::with_capacity(rows.len());
    for row in rows {
        let plan = row.1.clone();
        let node = node(row)?;
        let counts = by_plan.entry(plan).or_default();
        counts.0 += usize::from(node.is_overdue(today));
        counts.1 += usize::from(node.status == Status::Blocked);
        nodes.push(node);
    }
    let progress = Tree {
        nodes,
        indicators: indicators::progress_by_item(&measured),
    }
    .progress();
    Ok(plans
        .into_iter()
        .map(|plan| {
            let (overdue, blocked) = by_plan.get(plan.id.as_str()).copied().unwrap_or_default();
            PlanSummary {
                progress: progress.get(&plan.id).copied(),
                overdue,
                blocked,
                plan,
            }
        })
        .collect())
}

const NODE_COLUMNS: &str =
    "id, plan_id, level, parent_id, status, weight, percent, start_date, due_date";

/// A `plan_items` row as [`NODE_COLUMNS`] lists it.
#[derive(serde::Deserialize)]
struct NodeRow(
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    Option<i64>,
    Option<String>,
    Option<String>,
);

fn node(row: NodeRow) -> Result<Node> {
    let NodeRow(id, _plan, level, parent, status, weight, percent, start, due) = row;
    let corrupt = |what| move |_| StoreError::Corrupt(what);
    Ok(Node {
        id: PlanItemId::from_stored(id),
        parent: parent.map(PlanItemId::from_stored),
        level: Level::parse(&level).map_err(corrupt("plan_items.level"))?,
        status: Status::parse(&status).map_err(corrupt("plan_items.status"))?,
        weight: Weight::from_stored(weight),
        percent: percent.map(Percent::from_stored),
        dates: Dates {
            start: day(start, "plan_items.start_date")?,
            due: day(due, "plan_items.due_date")?,
        },
    })
}
