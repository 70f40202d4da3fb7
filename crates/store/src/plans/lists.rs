//! Lists across every plan: the open actions of given owners ("my actions") and what
//! needs attention (blocked, or overdue).

use chrono::NaiveDate;
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Owner, PlanItem};

use super::{COLUMNS, ItemRow, item};
use crate::Db;
use crate::error::Result;
use crate::sql::Sql;

/// A plan item with the plan it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InPlan {
    /// The plan at the root of its tree.
    pub plan: PlanItemId,
    /// The item.
    pub item: PlanItem,
}

/// The items `sql` selects, soonest due first (those without a due date last).
async fn in_plan(db: &Db, sql: Sql) -> Result<Vec<InPlan>> {
    let rows: Vec<ItemRow> = sql
        .into_json_rows(db.backend(), COLUMNS)
        .fetch_json(db.pool())
        .await?;
    let mut found = rows
        .into_iter()
        .map(|row| {
            Ok(InPlan {
                plan: PlanItemId::from_stored(row.1.clone()),
                item: item(row)?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    found.sort_by(|a, b| {
        let due = |i: &InPlan| (i.item.fields.dates.due.is_none(), i.item.fields.dates.due);
        due(a).cmp(&due(b)).then(a.item.id.cmp(&b.item.id))
    });
    Ok(found)
}

/// The actions owned by any of `owners` that are neither done nor cancelled, soonest
/// due first (those without a due date last).
#[tracing::instrument(skip(db))]
pub async fn open_actions_of(db: &Db, owners: &[Owner]) -> Result<Vec<InPlan>> {
    if owners.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS} FROM plan_items WHERE level = 'action' \
         AND status NOT IN ('done', 'cancelled') AND ("
    ));
    for (i, owner) in owners.iter().enumerate() {
        if i > 0 {
            sql.push(" OR ");
        }
        sql.push("(owner_kind = ")
            .bind_text(owner.kind())
            .push(" AND owner_id = ")
            .bind_text(owner.id())
            .push(")");
    }
    sql.push(")");
    in_plan(db, sql).await
}

/// The items of every plan that are blocked, or overdue on `today` (due before it and
/// neither done nor cancelled), soonest due first.
#[tracing::instrument(skip(db))]
pub async fn needing_attention(db: &Db, today: NaiveDate) -> Result<Vec<InPlan>> {
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS} FROM plan_items WHERE status = 'blocked' \
         OR (status NOT IN ('done', 'cancelled') AND due_date < "
    ));
    sql.bind_text(today.to_string()).push(")");
    in_plan(db, sql).await
}
