//! The outreach pipeline: stage moves with their history, follow-up owners and next
//! steps, and the lists that keep the pipeline moving.

use std::collections::HashMap;

use sqlx::Row as _;
use sqlx::{Any, Transaction};
use tadamun_core::audit::Actor;
use tadamun_core::directory::{Organisation, Outreach, Stage, StageChange};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::visibility::Viewer;

use super::{COLUMNS, NAMING, OrganisationFilter, get, get_any, organisation, record_update};
use crate::Db;
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::visibility::push_scope;

/// Appends a row to an organisation's stage history.
/// The columns of a stage change, in the order of [`first_change_row`].
pub(crate) const CHANGE_COLUMNS: [&str; 7] = [
    "id",
    "organisation_id",
    "from_stage",
    "to_stage",
    "at",
    "by_label",
    "note",
];

/// The values of the first stage change of a new organisation, for bulk writes.
pub(crate) fn first_change_row(
    id: &OrganisationId,
    to: Stage,
    at: i64,
    by: &str,
    note: Option<&str>,
) -> Vec<crate::sql::Arg> {
    use crate::sql::Arg;
    vec![
        Arg::Text(tadamun_core::ids::AuditId::new().as_str().to_owned()),
        Arg::Text(id.as_str().to_owned()),
        Arg::Null,
        Arg::Text(to.as_str().to_owned()),
        Arg::Int(at),
        Arg::Text(by.to_owned()),
        note.map_or(Arg::Null, |n| Arg::Text(n.to_owned())),
    ]
}

pub(crate) async fn record_change(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    id: &OrganisationId,
    from: Option<Stage>,
    to: Stage,
    note: Option<&str>,
) -> Result<()> {
    let actor_id = match actor {
        Actor::User(u) => Some(u.as_str().to_owned()),
        Actor::System => None,
    };
    sqlx::query(
        "INSERT INTO stage_changes (id, organisation_id, from_stage, to_stage, at, by_label, note) \
         VALUES ($1, $2, $3, $4, $5, COALESCE((SELECT email FROM users WHERE id = $6), 'system'), $7)",
    )
    .bind(tadamun_core::ids::AuditId::new().as_str().to_owned())
    .bind(id.as_str().to_owned())
    .bind(from.map(Stage::as_str))
    .bind(to.as_str())
    .bind(crate::now_ms())
    .bind(actor_id)
    .bind(note.map(str::to_owned))
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves an organisation to stage `to`, if the pipeline allows the move from where it
/// is. The move, its note and who made it are kept in its history.
#[tracing::instrument(skip(db, note))]
pub async fn move_stage(
    db: &Db,
    actor: &Actor,
    id: &OrganisationId,
    to: Stage,
    note: Option<&str>,
) -> Result<Organisation> {
    let mut tx = db.begin_write().await?;
    let before = get_any(db, id).await?;
    before.stage.check_move(to).map_err(StoreError::Invalid)?;
    // The condition on the old stage makes two simultaneous moves safe: the second
    // finds the stage changed and fails instead of writing a history that never was.
    let done = sqlx::query(
        "UPDATE organisations SET stage = $2, stage_changed_at = $3 WHERE id = $1 AND stage = $4",
    )
    .bind(id.as_str().to_owned())
    .bind(to.as_str())
    .bind(crate::now_ms())
    .bind(before.stage.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    record_change(&mut tx, actor, id, Some(before.stage), to, note).await?;
    let after = Organisation {
        stage: to,
        ..before.clone()
    };
    record_update(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

/// Sets who follows an organisation up and what comes next.
#[tracing::instrument(skip(db, outreach))]
pub async fn set_outreach(
    db: &Db,
    actor: &Actor,
    id: &OrganisationId,
    outreach: Outreach,
) -> Result<Organisation> {
    let mut tx = db.begin_write().await?;
    let before = get_any(db, id).await?;
    sqlx::query("UPDATE organisations SET owner_id = $2, next_step = $3, next_step_due = $4, updated_at = $5 WHERE id = $1")
        .bind(id.as_str().to_owned())
        .bind(outreach.owner.as_ref().map(|o| o.as_str().to_owned()))
        .bind(outreach.next_step.clone())
        .bind(outreach.next_step_due.map(|d| d.format("%Y-%m-%d").to_string()))
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.kind() == sqlx::error::ErrorKind::ForeignKeyViolation => {
                StoreError::Invalid(tadamun_core::Invalid::new("owner", tadamun_core::Problem::UnknownValue))
            }
            _ => StoreError::Database(e),
        })?;
    let after = Organisation {
        outreach,
        ..before.clone()
    };
    record_update(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

fn change(row: &sqlx::any::AnyRow) -> Result<StageChange> {
    let from: Option<String> = row.try_get("from_stage")?;
    let to: String = row.try_get("to_stage")?;
    let corrupt = |_| StoreError::Corrupt("stage_changes");
    Ok(StageChange {
        from: from
            .as_deref()
            .map(Stage::parse)
            .transpose()
            .map_err(corrupt)?,
        to: Stage::parse(&to).map_err(corrupt)?,
        at_ms: row.try_get("at")?,
        by: row.try_get("by_label")?,
        note: row.try_get("note")?,
    })
}

/// The stage history of an organisation `viewer` may see, oldest first.
pub async fn history(db: &Db, viewer: &Viewer, id: &OrganisationId) -> Result<Vec<StageChange>> {
    get(db, viewer, id).await?;
    let rows = sqlx::query(
        "SELECT from_stage, to_stage, at, by_label, note FROM stage_changes WHERE organisation_id = $1 ORDER BY id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(change).collect()
}

/// The stage histories of every organisation `viewer` may see that matches `filter`,
/// for the funnel.
pub async fn histories(
    db: &Db,
    viewer: &Viewer,
    filter: &OrganisationFilter,
) -> Result<Vec<Vec<StageChange>>> {
    let mut sql = Sql::new(
        "SELECT c.organisation_id, c.from_stage, c.to_stage, c.at, c.by_label, c.note FROM stage_changes c \
         WHERE c.organisation_id IN (SELECT id FROM organisations WHERE 1 = 1",
    );
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql);
    sql.push(") ORDER BY c.organisation_id, c.id");
    let rows = sql.query().fetch_all(db.pool()).await?;
    let mut by_org: HashMap<String, Vec<StageChange>> = HashMap::new();
    for row in &rows {
        by_org
            .entry(row.try_get("organisation_id")?)
            .or_default()
            .push(change(row)?);
    }
    Ok(by_org.into_values().collect())
}

/// Organisations still in play (prospect, contacted, engaged) whose stage has not
/// changed since `before_ms`, longest waiting first.
pub async fn stalled(
    db: &Db,
    viewer: &Viewer,
    filter: &OrganisationFilter,
    before_ms: i64,
) -> Result<Vec<(Organisation, i64)>> {
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS}, stage_changed_at FROM organisations \
         WHERE stage IN ('prospect', 'contacted', 'engaged') AND stage_changed_at < "
    ));
    sql.bind_int(before_ms);
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql);
    sql.push(" ORDER BY stage_changed_at, id LIMIT 500");
    let rows = sql.query().fetch_all(db.pool()).await?;
    rows.iter()
        .map(|r| Ok((organisation(r)?, r.try_get::<i64, _>("stage_changed_at")?)))
        .collect()
}

/// The organisations `owner` follows up, the earliest next step first (those with no
/// date last).
pub async fn next_steps_of(db: &Db, viewer: &Viewer, owner: &UserId) -> Result<Vec<Organisation>> {
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS} FROM organisations WHERE owner_id = "
    ));
    sql.bind_text(owner.as_str());
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    sql.push(
        " ORDER BY CASE WHEN next_step_due IS NULL THEN 1 ELSE 0 END, next_step_due, id LIMIT 500",
    );
    let rows = sql.query().fetch_all(db.pool()).await?;
    rows.iter().map(organisation).collect()
}
