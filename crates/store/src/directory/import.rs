//! Saving imported organisations: the uploaded file between preview and commit, the
//! look-up of organisations that already exist, and the one-transaction commit.

use std::collections::HashMap;

use sqlx::Row as _;
use tadamun_core::audit::Actor;
use tadamun_core::directory::import::ValidRow;
use tadamun_core::directory::{Organisation, Outreach};
use tadamun_core::ids::{ImportId, OrganisationId, UserId};
use tadamun_core::search::Kind;

use super::{INSERT_COLUMNS, insert_values, outreach};
use crate::Db;
use crate::audit;
use crate::error::{Result, StoreError};
use crate::search;
use crate::sql::insert_rows;

/// An uploaded file, decoded to text.
#[derive(Debug, Clone)]
pub struct Upload {
    /// Its id.
    pub id: ImportId,
    /// The name it had on the uploader's computer.
    pub filename: String,
    /// Its text.
    pub content: String,
    /// Whether it was imported already.
    pub committed: bool,
}

/// Keeps `content` for `user` until they commit it.
#[tracing::instrument(skip(db, content))]
pub async fn save_upload(
    db: &Db,
    user: &UserId,
    filename: &str,
    content: &str,
) -> Result<ImportId> {
    let id = ImportId::new();
    sqlx::query(
        "INSERT INTO import_uploads (id, user_id, filename, content, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(id.as_str().to_owned())
    .bind(user.as_str().to_owned())
    .bind(filename.to_owned())
    .bind(content.to_owned())
    .bind(crate::now_ms())
    .execute(db.pool())
    .await?;
    Ok(id)
}

/// An upload of `user` (nobody else's).
#[tracing::instrument(skip(db))]
pub async fn upload(db: &Db, user: &UserId, id: &ImportId) -> Result<Upload> {
    let row = sqlx::query(
        "SELECT filename, content, committed_at FROM import_uploads WHERE id = $1 AND user_id = $2",
    )
    .bind(id.as_str().to_owned())
    .bind(user.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    Ok(Upload {
        id: id.clone(),
        filename: row.try_get("filename")?,
        content: row.try_get("content")?,
        committed: row.try_get::<Option<i64>, _>("committed_at")?.is_some(),
    })
}

/// The organisations that already exist under the duplicate keys of `rows` (name in
/// matching form, country), by key.
#[tracing::instrument(skip(db, rows))]
pub async fn existing(
    db: &Db,
    rows: &[ValidRow],
) -> Result<HashMap<(String, String), OrganisationId>> {
    if rows.is_empty() {
        return Ok(HashMap::new());
    }
    // One pass over the table beats one query per row for files of any size.
    let stored = sqlx::query("SELECT id, name_key, country FROM organisations")
        .fetch_all(db.pool())
        .await?;
    let mut all = HashMap::with_capacity(stored.len());
    for row in &stored {
        let key = (
            row.try_get::<String, _>("name_key")?,
            row.try_get::<String, _>("country")?,
        );
        let id: String = row.try_get("id")?;
        all.entry(key)
            .or_insert_with(|| OrganisationId::from_stored(id));
    }
    Ok(rows
        .iter()
        .filter_map(|r| {
            let key = r.duplicate_key();
            all.get(&key).cloned().map(|id| (key, id))
        })
        .collect())
}

/// Creates one organisation per row in a single transaction: every row or none. When
/// `upload` is given it is marked as imported in the same transaction, and an upload
/// imported before gives [`StoreError::Conflict`] and creates nothing.
#[tracing::instrument(skip(db, rows), fields(rows = rows.len()))]
pub async fn commit(
    db: &Db,
    actor: &Actor,
    upload: Option<&ImportId>,
    rows: &[ValidRow],
) -> Result<Vec<OrganisationId>> {
    let now = crate::now_ms();
    let mut tx = db.begin_write().await?;
    let sqlite = db.backend() == crate::Backend::Sqlite;
    if sqlite {
        // A large import is one transaction: give it room to keep its pages in memory
        // instead of spilling them to the log as it goes, and keep each statement's
        // undo pages in memory rather than a temporary file (both reset below).
        sqlx::query("PRAGMA cache_size = -131072; PRAGMA temp_store = MEMORY")
            .execute(&mut *tx)
            .await?;
    }
    if let Some(id) = upload {
        let marked = sqlx::query(
            "UPDATE import_uploads SET committed_at = $1 WHERE id = $2 AND committed_at IS NULL",
        )
        .bind(now)
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
        if marked.rows_affected() != 1 {
            return Err(StoreError::Conflict);
        }
    }
    // Written in batches of a few thousand rows, each table's rows a thousand to a
    // statement (`insert_rows`), not 300,000 statements.
    let label = audit::actor_label(&mut tx, actor).await?;
    let mut created = Vec::with_capacity(rows.len());
    for chunk in rows.chunks(2_000) {
        let mut orgs = Vec::with_capacity(chunk.len());
        let mut changes = Vec::with_capacity(chunk.len());
        let mut audit_rows = Vec::with_capacity(chunk.len());
        for row in chunk {
            let org = Organisation {
                id: OrganisationId::new(),
                fields: row.fields.clone(),
                stage: row.stage,
                outreach: Outreach {
                    owner: None,
                    next_step: row.next_step.clone(),
                    next_step_due: row.next_step_due,
                },
            };
            orgs.push(insert_values(&org, now)?);
            changes.push(outreach::first_change_row(
                &org.id,
                org.stage,
                now,
                &label,
                Some("import"),
            ));
            audit_rows.push(audit::creation_row(
                actor,
                &label,
                now,
                "organisation",
                org.id.as_str(),
                &org,
            )?);
            created.push(org.id);
        }
        // The chunk's search entries are stemmed on another thread while its rows
        // are written.
        let entries = search::Pending::start(Kind::Organisation, &INSERT_COLUMNS, &orgs)
            .ok_or(StoreError::Corrupt("organisations' search source"))?;
        insert_rows(&mut tx, "organisations", &INSERT_COLUMNS, orgs).await?;
        insert_rows(&mut tx, "stage_changes", &outreach::CHANGE_COLUMNS, changes).await?;
        insert_rows(&mut tx, "audit_log", &audit::COLUMNS, audit_rows).await?;
        entries.write(&mut tx).await?;
    }
    if sqlite {
        sqlx::query("PRAGMA cache_size = -2000; PRAGMA temp_store = DEFAULT")
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(created)
}
