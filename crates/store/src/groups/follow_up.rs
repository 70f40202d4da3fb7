//! Following recommendations up: the plan items linked to each with their progress,
//! those adopted with nothing linked, and those with no progress in N days.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tadamun_core::groups::Recommendation;
use tadamun_core::groups::recommendations::{is_stale, progress};
use tadamun_core::ids::{PlanItemId, RecommendationId};
use tadamun_core::plans::PlanItem;
use tadamun_core::time::from_millis;

use super::recommendations::{COLUMNS, recommendation};
use crate::Db;
use crate::error::Result;

/// The plan items linked to a recommendation, with their rolled-up progress.
#[tracing::instrument(skip(db))]
pub async fn linked(db: &Db, id: &RecommendationId) -> Result<Vec<(PlanItem, Option<f64>)>> {
    let rows = sqlx::query(
        "SELECT item_id FROM recommendation_items WHERE recommendation_id = $1 ORDER BY linked_at, item_id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    let ids = rows
        .iter()
        .map(|r| Ok(PlanItemId::from_stored(r.try_get("item_id")?)))
        .collect::<Result<Vec<_>>>()?;
    items_with_progress(db, &ids).await
}

/// A recommendation's progress from its linked items (`groups::recommendations::progress`).
pub fn progress_of(linked: &[(PlanItem, Option<f64>)]) -> Option<f64> {
    progress(linked.iter().map(|(_, p)| *p))
}

/// Items with their rolled-up progress, reading each plan's tree once.
pub(crate) async fn items_with_progress(
    db: &Db,
    ids: &[PlanItemId],
) -> Result<Vec<(PlanItem, Option<f64>)>> {
    let mut trees: HashMap<PlanItemId, std::sync::Arc<crate::plans::PlanTree>> = HashMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        let plan = crate::plans::plan_of(db, id).await?;
        if !trees.contains_key(&plan) {
            let tree = crate::plans::tree(db, &plan).await?;
            trees.insert(plan.clone(), tree);
        }
        if let Some(tree) = trees.get(&plan)
            && let Some(item) = tree.items.iter().find(|i| &i.id == id)
        {
            out.push((item.clone(), tree.progress.get(id).copied()));
        }
    }
    Ok(out)
}

/// Adopted or in-progress recommendations with no plan item linked, oldest first.
#[tracing::instrument(skip(db))]
pub async fn unlinked(db: &Db) -> Result<Vec<Recommendation>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM recommendations r WHERE status IN ('adopted', 'in_progress') \
         AND NOT EXISTS (SELECT 1 FROM recommendation_items l WHERE l.recommendation_id = r.id) ORDER BY id"
    ))
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(recommendation).collect()
}

/// Adopted or in-progress recommendations with no activity in the `days` days before
/// `now` (`groups::recommendations::is_stale`), with their last activity, the
/// longest idle first.
#[tracing::instrument(skip(db))]
pub async fn stale(
    db: &Db,
    days: u32,
    now: DateTime<Utc>,
) -> Result<Vec<(Recommendation, DateTime<Utc>)>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS}, status_at FROM recommendations WHERE status IN ('adopted', 'in_progress') ORDER BY id"
    ))
    .fetch_all(db.pool())
    .await?;
    let activity = last_activity(db).await?;
    let mut out = Vec::new();
    for row in &rows {
        let rec = recommendation(row)?;
        let status_at: i64 = row.try_get("status_at")?;
        let last = activity
            .get(&rec.id)
            .copied()
            .unwrap_or(status_at)
            .max(status_at);
        let last = from_millis(last);
        if is_stale(rec.status, last, now, days) {
            out.push((rec, last));
        }
    }
    out.sort_by_key(|(_, last)| *last);
    Ok(out)
}

/// For each recommendation with linked items, the latest of: a link made, a change
/// to a linked item or any item under it, a measurement entered on their indicators.
async fn last_activity(db: &Db) -> Result<HashMap<RecommendationId, i64>> {
    const LINKED: &str = "WITH RECURSIVE sub (rec_id, item_id) AS ( \
         SELECT recommendation_id, item_id FROM recommendation_items \
         UNION SELECT sub.rec_id, p.id FROM plan_items p JOIN sub ON p.parent_id = sub.item_id) ";
    let queries = [
        "SELECT recommendation_id AS rec_id, MAX(linked_at) AS last FROM recommendation_items GROUP BY recommendation_id"
            .to_owned(),
        format!(
            "{LINKED}SELECT sub.rec_id AS rec_id, MAX(p.updated_at) AS last FROM sub \
             JOIN plan_items p ON p.id = sub.item_id GROUP BY sub.rec_id"
        ),
        format!(
            "{LINKED}SELECT sub.rec_id AS rec_id, MAX(m.entered_at) AS last FROM sub \
             JOIN indicators i ON i.item_id = sub.item_id JOIN measurements m ON m.indicator_id = i.id \
             GROUP BY sub.rec_id"
        ),
    ];
    let mut out: HashMap<RecommendationId, i64> = HashMap::new();
    for query in queries {
        for row in crate::sql::dynamic(query).fetch_all(db.pool()).await? {
            let id = RecommendationId::from_stored(row.try_get("rec_id")?);
            if let Some(last) = row.try_get::<Option<i64>, _>("last")? {
                let entry = out.entry(id).or_insert(last);
                *entry = (*entry).max(last);
            }
        }
    }
    Ok(out)
}
