//! The coalition's presence, counted from the organisations a viewer may see, and the
//! regional expansion targets.

use std::sync::Arc;

use sqlx::Row as _;
use sqlx::any::AnyRow;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::coverage::tally::Coverage;
use tadamun_core::coverage::targets::{Counted, Target, TargetFields};
use tadamun_core::directory::{FocusCode, Stage};
use tadamun_core::geo;
use tadamun_core::ids::TargetId;
use tadamun_core::visibility::{Scope, Viewer};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::versions::Area;
use crate::visibility::{SeenBy, push_scope};

/// What kept coverage counts are kept under.
pub(crate) type CountsKey = (SeenBy, Option<FocusCode>);

/// Organisations per country and stage among those `viewer` may see, working on
/// `focus` if given, rolled up by region. Kept while no organisation is written
/// ([`Area::Organisations`]): the coverage map, its API and the slot finder all
/// count them.
#[tracing::instrument(skip(db, viewer))]
pub async fn counts(db: &Db, viewer: &Viewer, focus: Option<&FocusCode>) -> Result<Arc<Coverage>> {
    let scope = viewer.scope();
    let key = (SeenBy::of(&scope), focus.cloned());
    db.caches()
        .coverage
        .get_or_read(db, Area::Organisations, &key, async || {
            read_counts(db, &scope, focus).await
        })
        .await
}

async fn read_counts(db: &Db, scope: &Scope, focus: Option<&FocusCode>) -> Result<Coverage> {
    // One row per country (not per country and stage), all read back as one JSON
    // row: the index answers the scan, and reading rows back is what costs.
    let mut sql = Sql::new(
        "SELECT country, \
         SUM(CASE WHEN stage = 'member' THEN 1 ELSE 0 END) AS members, \
         SUM(CASE WHEN stage = 'partner' THEN 1 ELSE 0 END) AS partners, \
         SUM(CASE WHEN stage IN ('prospect', 'contacted', 'engaged') THEN 1 ELSE 0 END) AS prospects \
         FROM organisations WHERE 1 = 1",
    );
    push_scope(&mut sql, scope, &crate::directory::NAMING);
    if let Some(focus) = focus {
        sql.push(" AND focus_areas LIKE ")
            .bind_text(format!("%;{};%", focus.as_str()));
    }
    sql.push(" GROUP BY country");
    let rows: Vec<(String, i64, i64, i64)> = sql
        .into_json_rows(db.backend(), "country, members, partners, prospects")
        .fetch_json(db.pool())
        .await?;
    Ok(Coverage::from_counts(rows.iter().flat_map(
        |(country, members, partners, prospects)| {
            [
                (country.as_str(), Stage::Member, *members),
                (country.as_str(), Stage::Partner, *partners),
                (country.as_str(), Stage::Prospect, *prospects),
            ]
        },
    )))
}

const COLUMNS: &str = "id, region, counts, focus, target, deadline, note";

/// Every expansion target, by deadline.
#[tracing::instrument(skip(db))]
pub async fn targets(db: &Db) -> Result<Vec<Target>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM expansion_targets ORDER BY deadline, id"
    ))
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(target).collect()
}

/// One expansion target.
#[tracing::instrument(skip(db))]
pub async fn target_by_id(db: &Db, id: &TargetId) -> Result<Target> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM expansion_targets WHERE id = $1"
    ))
    .bind(id.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    target(&row)
}

/// Adds an expansion target.
#[tracing::instrument(skip(db, fields))]
pub async fn create_target(db: &Db, actor: &Actor, fields: TargetFields) -> Result<Target> {
    let t = Target {
        id: TargetId::new(),
        fields,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO expansion_targets (id, region, counts, focus, target, deadline, note, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(t.id.as_str().to_owned())
    .bind(t.fields.region)
    .bind(t.fields.counts.as_str())
    .bind(t.fields.focus.as_ref().map(|f| f.as_str().to_owned()))
    .bind(t.fields.target)
    .bind(t.fields.deadline.to_string())
    .bind(t.fields.note.clone())
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await?;
    record(&mut tx, actor, Action::Create, &t.id, None, Some(&t)).await?;
    tx.commit().await?;
    Ok(t)
}

/// Replaces an expansion target's details.
#[tracing::instrument(skip(db, fields))]
pub async fn update_target(
    db: &Db,
    actor: &Actor,
    id: &TargetId,
    fields: TargetFields,
) -> Result<Target> {
    let before = target_by_id(db, id).await?;
    let after = Target {
        id: id.clone(),
        fields,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "UPDATE expansion_targets SET region = $2, counts = $3, focus = $4, target = $5, deadline = $6, \
         note = $7 WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .bind(after.fields.region)
    .bind(after.fields.counts.as_str())
    .bind(after.fields.focus.as_ref().map(|f| f.as_str().to_owned()))
    .bind(after.fields.target)
    .bind(after.fields.deadline.to_string())
    .bind(after.fields.note.clone())
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes an expansion target.
#[tracing::instrument(skip(db))]
pub async fn delete_target(db: &Db, actor: &Actor, id: &TargetId) -> Result<()> {
    let before = target_by_id(db, id).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM expansion_targets WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    action: Action,
    id: &TargetId,
    before: Option<&Target>,
    after: Option<&Target>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "expansion_target",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

fn target(row: &AnyRow) -> Result<Target> {
    let region: String = row.try_get("region")?;
    let region = geo::region(&region).ok_or(StoreError::Corrupt("expansion_targets.region"))?;
    let deadline: String = row.try_get("deadline")?;
    Ok(Target {
        id: TargetId::from_stored(row.try_get("id")?),
        fields: TargetFields {
            region: region.m49,
            counts: Counted::parse(&row.try_get::<String, _>("counts")?)
                .map_err(|_| StoreError::Corrupt("expansion_targets.counts"))?,
            focus: row
                .try_get::<Option<String>, _>("focus")?
                .map(FocusCode::from_stored),
            target: row.try_get("target")?,
            deadline: chrono::NaiveDate::parse_from_str(&deadline, "%Y-%m-%d")
                .map_err(|_| StoreError::Corrupt("expansion_targets.deadline"))?,
            note: row.try_get("note")?,
        },
    })
}
