//! Personal calendar feeds: one secret per user, stored as its SHA-256, that lets a
//! calendar application read the events that user may see.

use sqlx::Row as _;
use tadamun_core::accounts::{Secret, User};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::UserId;

use crate::Db;
use crate::audit::{self, Change};
use crate::error::Result;

/// Makes a new feed secret for `user`, replacing the old one (whose links stop
/// working). The secret is returned once; only its hash is kept.
#[tracing::instrument(skip(db))]
pub async fn renew(db: &Db, actor: &Actor, user: &UserId) -> Result<Secret> {
    let secret = Secret::generate("cal_");
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM calendar_tokens WHERE user_id = $1")
        .bind(user.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3)",
    )
    .bind(user.as_str().to_owned())
    .bind(secret.hash().as_str().to_owned())
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change::<serde_json::Value> {
            actor,
            action: Action::Create,
            entity: "calendar_token",
            entity_id: user.as_str(),
            before: None,
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(secret)
}

/// The active user whose feed secret this is.
#[tracing::instrument(skip(db, secret))]
pub async fn user_for(db: &Db, secret: &Secret) -> Result<Option<User>> {
    let row = sqlx::query("SELECT user_id FROM calendar_tokens WHERE token_hash = $1")
        .bind(secret.hash().as_str().to_owned())
        .fetch_optional(db.pool())
        .await?;
    let Some(row) = row else { return Ok(None) };
    let user =
        crate::accounts::users::get(db, &UserId::from_stored(row.try_get("user_id")?)).await?;
    Ok(user.active.then_some(user))
}

/// Whether `user` has a feed secret.
#[tracing::instrument(skip(db))]
pub async fn has_feed(db: &Db, user: &UserId) -> Result<bool> {
    Ok(
        sqlx::query("SELECT 1 AS one FROM calendar_tokens WHERE user_id = $1")
            .bind(user.as_str().to_owned())
            .fetch_optional(db.pool())
            .await?
            .is_some(),
    )
}
