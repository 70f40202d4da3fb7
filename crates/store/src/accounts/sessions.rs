//! Browser sessions. The cookie holds a random secret; the table holds only its
//! hash, so every app server sees every session and a leaked table opens none.

use tadamun_core::accounts::Secret;
use tadamun_core::ids::UserId;

use super::{SignedIn, USER_COLUMNS, user_from_row};
use crate::Db;
use crate::error::Result;

/// How long a session lasts without use.
pub const IDLE_MS: i64 = 14 * 24 * 3600 * 1000;

/// Starts a session for `user` and returns the secret for the cookie.
#[tracing::instrument(skip(db))]
pub async fn create(db: &Db, user: &UserId) -> Result<Secret> {
    let secret = Secret::generate("");
    let now = crate::now_ms();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(secret.hash().as_str().to_owned())
        .bind(user.as_str().to_owned())
        .bind(now)
        .bind(now + IDLE_MS)
        .execute(db.pool())
        .await?;
    Ok(secret)
}

/// The active user of a live session, extending the session when half its idle time
/// has passed (so a busy user is not written to the database on every request), with
/// the data's versions read in the same query.
pub async fn user_for(db: &Db, secret: &Secret) -> Result<Option<SignedIn>> {
    let now = crate::now_ms();
    let hash = secret.hash();
    let versions = crate::versions::columns();
    let row = crate::sql::dynamic(format!(
        "SELECT {USER_COLUMNS}, s.expires_at, {versions} FROM sessions s \
         JOIN users u ON u.id = s.user_id \
         WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1"
    ))
    .bind(hash.as_str().to_owned())
    .bind(now)
    .fetch_optional(db.pool())
    .await?;
    let Some(row) = row else { return Ok(None) };
    let expires_at: i64 = sqlx::Row::try_get(&row, "expires_at")?;
    if expires_at - now < IDLE_MS / 2 {
        sqlx::query("UPDATE sessions SET expires_at = $2 WHERE token_hash = $1")
            .bind(hash.as_str().to_owned())
            .bind(now + IDLE_MS)
            .execute(db.pool())
            .await?;
    }
    Ok(Some(SignedIn {
        user: user_from_row(&row)?,
        versions: crate::versions::Versions::from_row(db, &row)?,
    }))
}

/// Ends a session.
pub async fn delete(db: &Db, secret: &Secret) -> Result<()> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(secret.hash().as_str().to_owned())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// Removes expired sessions.
pub async fn purge_expired(db: &Db) -> Result<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
        .bind(crate::now_ms())
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}
