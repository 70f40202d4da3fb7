//! The audit log: written in the same transaction as the change it records.

use serde::Serialize;
use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor, Entry};
use tadamun_core::ids::{AuditId, UserId};
use tadamun_core::page::{Page, PageRequest};

use crate::Db;
use crate::error::{Result, StoreError};
use crate::sql::Sql;

/// One change to record.
pub(crate) struct Change<'a, T: Serialize> {
    pub actor: &'a Actor,
    pub action: Action,
    pub entity: &'static str,
    pub entity_id: &'a str,
    pub before: Option<&'a T>,
    pub after: Option<&'a T>,
}

/// Appends a row for `change` inside `tx`.
pub(crate) async fn record<T: Serialize>(
    tx: &mut Transaction<'_, Any>,
    change: Change<'_, T>,
) -> Result<()> {
    let json = |v: Option<&T>| -> Result<Option<String>> {
        v.map(serde_json::to_string)
            .transpose()
            .map_err(|_| StoreError::Corrupt("audit_log"))
    };
    let actor_id = match change.actor {
        Actor::User(id) => Some(id.as_str().to_owned()),
        Actor::System => None,
    };
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_label, action, entity, entity_id, before_json, after_json) \
         VALUES ($1, $2, $3, COALESCE((SELECT email FROM users WHERE id = $3), 'system'), $4, $5, $6, $7, $8)",
    )
    .bind(AuditId::new().as_str().to_owned())
    .bind(crate::now_ms())
    .bind(actor_id)
    .bind(change.action.as_str())
    .bind(change.entity)
    .bind(change.entity_id.to_owned())
    .bind(json(change.before)?)
    .bind(json(change.after)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Filters for reading the log.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    /// Only rows about this kind of record.
    pub entity: Option<String>,
    /// Only rows about this record.
    pub entity_id: Option<String>,
}

/// Reads the log, newest first.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, filter: &AuditFilter, page: &PageRequest) -> Result<Page<Entry>> {
    let mut sql = Sql::new(
        "SELECT id, at, actor_id, actor_label, action, entity, entity_id, before_json, after_json \
         FROM audit_log WHERE 1 = 1",
    );
    if let Some(entity) = &filter.entity {
        sql.push(" AND entity = ").bind_text(entity.clone());
    }
    if let Some(id) = &filter.entity_id {
        sql.push(" AND entity_id = ").bind_text(id.clone());
    }
    if let Some(after) = &page.after {
        sql.push(" AND id < ").bind_text(after.clone());
    }
    sql.push(" ORDER BY id DESC LIMIT ")
        .bind_int(page.limit + 1);
    let rows = sql.query().fetch_all(db.pool()).await?;
    let entries = rows.iter().map(entry).collect::<Result<Vec<_>, _>>()?;
    Ok(Page::from_rows(entries, page.limit, |e| e.id.as_str()))
}

fn entry(row: &AnyRow) -> Result<Entry, sqlx::Error> {
    let action: String = row.try_get("action")?;
    Ok(Entry {
        id: AuditId::from_stored(row.try_get("id")?),
        at: tadamun_core::time::from_millis(row.try_get("at")?),
        actor: row
            .try_get::<Option<String>, _>("actor_id")?
            .map(UserId::from_stored),
        actor_label: row.try_get("actor_label")?,
        action: Action::from_stored(&action),
        entity: row.try_get("entity")?,
        entity_id: row.try_get("entity_id")?,
        before: row.try_get("before_json")?,
        after: row.try_get("after_json")?,
    })
}
