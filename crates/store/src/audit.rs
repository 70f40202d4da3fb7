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

/// The label an actor is recorded under: their e-mail, or `system`.
pub(crate) async fn actor_label(tx: &mut Transaction<'_, Any>, actor: &Actor) -> Result<String> {
    match actor {
        Actor::System => Ok("system".to_owned()),
        Actor::User(id) => Ok(sqlx::query("SELECT email FROM users WHERE id = $1")
            .bind(id.as_str().to_owned())
            .fetch_optional(&mut **tx)
            .await?
            .map(|row| row.try_get::<String, _>("email"))
            .transpose()?
            .unwrap_or_else(|| "system".to_owned())),
    }
}

/// The columns of an audit row, in the order of [`creation_row`].
pub(crate) const COLUMNS: [&str; 9] = [
    "id",
    "at",
    "actor_id",
    "actor_label",
    "action",
    "entity",
    "entity_id",
    "before_json",
    "after_json",
];

/// The values of the audit row of creating `after`, for bulk writes (which must say
/// the same as [`record`] would).
pub(crate) fn creation_row<T: Serialize>(
    actor: &Actor,
    label: &str,
    at: i64,
    entity: &'static str,
    entity_id: &str,
    after: &T,
) -> Result<Vec<crate::sql::Arg>> {
    use crate::sql::Arg;
    Ok(vec![
        Arg::Text(AuditId::new().as_str().to_owned()),
        Arg::Int(at),
        match actor {
            Actor::User(id) => Arg::Text(id.as_str().to_owned()),
            Actor::System => Arg::Null,
        },
        Arg::Text(label.to_owned()),
        Arg::Text(Action::Create.as_str().to_owned()),
        Arg::Text(entity.to_owned()),
        Arg::Text(entity_id.to_owned()),
        Arg::Null,
        Arg::Text(serde_json::to_string(after).map_err(|_| StoreError::Corrupt("audit_log"))?),
    ])
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
