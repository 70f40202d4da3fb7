//! API tokens: `Authorization: Bearer …`, stored only as a hash.

use sqlx::Row as _;
use tadamun_core::accounts::Secret;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::{TokenId, UserId};

use super::{SignedIn, USER_COLUMNS, user_from_row};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};

/// A token as listed to its owner (never the secret).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Token {
    /// Its id.
    pub id: TokenId,
    /// What its owner called it.
    pub label: String,
    /// When it was made, epoch milliseconds.
    pub created_at: i64,
    /// When it was last used, epoch milliseconds.
    pub last_used_at: Option<i64>,
}

/// Makes a token for `user` and returns its secret, which is shown once.
#[tracing::instrument(skip(db))]
pub async fn create(db: &Db, actor: &Actor, user: &UserId, label: &str) -> Result<(Token, Secret)> {
    let secret = Secret::generate("tdm_");
    let token = Token {
        id: TokenId::new(),
        label: label.to_owned(),
        created_at: crate::now_ms(),
        last_used_at: None,
    };
    let mut tx = db.begin_write().await?;
    sqlx::query("INSERT INTO api_tokens (id, user_id, label, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(token.id.as_str().to_owned())
        .bind(user.as_str().to_owned())
        .bind(token.label.clone())
        .bind(secret.hash().as_str().to_owned())
        .bind(token.created_at)
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Create,
            entity: "api_token",
            entity_id: token.id.as_str(),
            before: None,
            after: Some(&serde_json::json!({"user": user.as_str(), "label": label})),
        },
    )
    .await?;
    tx.commit().await?;
    Ok((token, secret))
}

/// The active user owning a live token, with the data's versions read in the same
/// query.
pub async fn user_for(db: &Db, secret: &Secret) -> Result<Option<SignedIn>> {
    let hash = secret.hash();
    let versions = crate::versions::columns();
    let row = crate::sql::dynamic(format!(
        "SELECT {USER_COLUMNS}, t.last_used_at, {versions} FROM api_tokens t \
         JOIN users u ON u.id = t.user_id \
         WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = 1"
    ))
    .bind(hash.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let now = crate::now_ms();
    let last_used: Option<i64> = row.try_get("last_used_at")?;
    // Record use at most once a minute, to keep a busy client from writing on every call.
    if last_used.is_none_or(|t| now - t > 60_000) {
        sqlx::query("UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1")
            .bind(hash.as_str().to_owned())
            .bind(now)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(SignedIn {
        user: user_from_row(&row)?,
        versions: crate::versions::Versions::from_row(db, &row)?,
    }))
}

/// The live tokens of a user.
pub async fn list_for(db: &Db, user: &UserId) -> Result<Vec<Token>> {
    let rows = sqlx::query(
        "SELECT id, label, created_at, last_used_at FROM api_tokens \
         WHERE user_id = $1 AND revoked_at IS NULL ORDER BY id",
    )
    .bind(user.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Token {
                id: TokenId::from_stored(r.try_get("id")?),
                label: r.try_get("label")?,
                created_at: r.try_get("created_at")?,
                last_used_at: r.try_get("last_used_at")?,
            })
        })
        .collect()
}

/// Revokes one of `user`'s tokens.
#[tracing::instrument(skip(db))]
pub async fn revoke(db: &Db, actor: &Actor, user: &UserId, id: &TokenId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
        .bind(id.as_str().to_owned())
        .bind(user.as_str().to_owned())
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Delete,
            entity: "api_token",
            entity_id: id.as_str(),
            before: Some(&serde_json::json!({"user": user.as_str()})),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
