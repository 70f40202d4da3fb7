//! The coalition's focus areas, which coordinators edit. Organisations keep the codes
//! of theirs in a `;a;b;` list column, so removing an area also removes it from them.

use sqlx::Row as _;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::focus::FocusNames;
use tadamun_core::directory::{FocusArea, FocusCode};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};

/// Every focus area, by English name.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db) -> Result<Vec<FocusArea>> {
    let rows = sqlx::query(
        "SELECT code, name_ar, name_en, name_fr, name_es FROM focus_areas ORDER BY name_en",
    )
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(FocusArea {
                code: FocusCode::from_stored(r.try_get("code")?),
                names: FocusNames {
                    ar: r.try_get("name_ar")?,
                    en: r.try_get("name_en")?,
                    fr: r.try_get("name_fr")?,
                    es: r.try_get("name_es")?,
                },
            })
        })
        .collect()
}

/// Adds a focus area; its code must be new.
#[tracing::instrument(skip(db, area))]
pub async fn create(db: &Db, actor: &Actor, area: &FocusArea) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let n = &area.names;
    sqlx::query(
        "INSERT INTO focus_areas (code, name_ar, name_en, name_fr, name_es, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(area.code.as_str().to_owned())
    .bind(n.ar.clone())
    .bind(n.en.clone())
    .bind(n.fr.clone())
    .bind(n.es.clone())
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await
    .map_err(StoreError::taken_as("code"))?;
    record(
        &mut tx,
        actor,
        Action::Create,
        area.code.as_str(),
        None,
        Some(area),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Renames focus area `code` (its code stays: records refer to it).
#[tracing::instrument(skip(db, names))]
pub async fn rename(db: &Db, actor: &Actor, code: &FocusCode, names: FocusNames) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = get(&mut tx, code).await?;
    let after = FocusArea {
        code: code.clone(),
        names,
    };
    let n = &after.names;
    sqlx::query(
        "UPDATE focus_areas SET name_ar = $2, name_en = $3, name_fr = $4, name_es = $5 WHERE code = $1",
    )
    .bind(code.as_str().to_owned())
    .bind(n.ar.clone())
    .bind(n.en.clone())
    .bind(n.fr.clone())
    .bind(n.es.clone())
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        code.as_str(),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Removes focus area `code`, and takes it off every organisation that had it.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, code: &FocusCode) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = get(&mut tx, code).await?;
    let marker = format!(";{};", code.as_str());
    // ';a;b;' without ';a;' is ';b;'; a list left as ';' is the empty list.
    sqlx::query(
        "UPDATE organisations SET focus_areas = REPLACE(focus_areas, $1, ';') WHERE focus_areas LIKE $2",
    )
    .bind(marker.clone())
    .bind(format!("%{marker}%"))
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE organisations SET focus_areas = '' WHERE focus_areas = ';'")
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM focus_areas WHERE code = $1")
        .bind(code.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        actor,
        Action::Delete,
        code.as_str(),
        Some(&before),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many organisations work on each of `areas`, in the same order: one scan,
/// whatever the number of areas.
pub async fn usage(db: &Db, areas: &[FocusCode]) -> Result<Vec<i64>> {
    if areas.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = crate::sql::Sql::new("SELECT ");
    for (i, code) in areas.iter().enumerate() {
        if i > 0 {
            sql.push(", ");
        }
        sql.push("SUM(CASE WHEN focus_areas LIKE ")
            .bind_text(format!("%;{};%", code.as_str()))
            .push(&format!(" THEN 1 ELSE 0 END) AS n{i}"));
    }
    sql.push(" FROM organisations");
    let row = sql.query().fetch_one(db.pool()).await?;
    (0..areas.len())
        .map(|i| Ok(row.try_get::<Option<i64>, _>(i)?.unwrap_or(0)))
        .collect()
}

async fn get(tx: &mut sqlx::Transaction<'_, sqlx::Any>, code: &FocusCode) -> Result<FocusArea> {
    let row = sqlx::query(
        "SELECT code, name_ar, name_en, name_fr, name_es FROM focus_areas WHERE code = $1",
    )
    .bind(code.as_str().to_owned())
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok(FocusArea {
        code: code.clone(),
        names: FocusNames {
            ar: row.try_get("name_ar")?,
            en: row.try_get("name_en")?,
            fr: row.try_get("name_fr")?,
            es: row.try_get("name_es")?,
        },
    })
}

async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    action: Action,
    code: &str,
    before: Option<&FocusArea>,
    after: Option<&FocusArea>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "focus_area",
            entity_id: code,
            before,
            after,
        },
    )
    .await
}
