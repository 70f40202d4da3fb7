//! Two-factor sign-in: the authenticator secret of each account, the step of the last
//! code accepted (so a code works once, on any app server), and the challenges that
//! carry a user from the password step to the code step.

use sqlx::Row as _;
use tadamun_core::accounts::{AcceptedStep, Secret, TotpSecret, User};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::UserId;

use super::{UserSnapshot, users};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::Result;

/// How long a user has to type the code after the password, in milliseconds.
pub const CHALLENGE_MS: i64 = 5 * 60 * 1000;

/// Stores a secret the user is setting up, until they confirm it with a code.
pub async fn set_pending(db: &Db, user: &UserId, secret: &TotpSecret) -> Result<()> {
    sqlx::query("UPDATE users SET totp_pending = $2 WHERE id = $1")
        .bind(user.as_str().to_owned())
        .bind(secret.base32())
        .execute(db.pool())
        .await?;
    Ok(())
}

/// The secret being set up, if any.
pub async fn pending(db: &Db, user: &UserId) -> Result<Option<TotpSecret>> {
    secret_column(db, user, "totp_pending").await
}

/// The active secret, if two-factor sign-in is on.
pub async fn secret(db: &Db, user: &UserId) -> Result<Option<TotpSecret>> {
    secret_column(db, user, "totp_secret").await
}

async fn secret_column(db: &Db, user: &UserId, column: &'static str) -> Result<Option<TotpSecret>> {
    let row = crate::sql::dynamic(format!("SELECT {column} FROM users WHERE id = $1"))
        .bind(user.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?;
    let raw: Option<String> = match row {
        Some(r) => r.try_get(0)?,
        None => None,
    };
    Ok(raw.as_deref().and_then(TotpSecret::from_base32))
}

/// Turns two-factor sign-in on with the pending secret, confirmed at `step`.
#[tracing::instrument(skip(db))]
pub async fn enable(db: &Db, actor: &Actor, user: &UserId, step: AcceptedStep) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = users::get(db, user).await?;
    sqlx::query(
        "UPDATE users SET totp_secret = totp_pending, totp_pending = NULL, totp_last_step = $2 \
         WHERE id = $1 AND totp_pending IS NOT NULL",
    )
    .bind(user.as_str().to_owned())
    .bind(step.0)
    .execute(&mut *tx)
    .await?;
    record(&mut tx, actor, &before, true).await?;
    tx.commit().await?;
    Ok(())
}

/// Turns two-factor sign-in off (by the user, or by an admin for a lost phone).
#[tracing::instrument(skip(db))]
pub async fn disable(db: &Db, actor: &Actor, user: &UserId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = users::get(db, user).await?;
    sqlx::query("UPDATE users SET totp_secret = NULL, totp_pending = NULL, totp_last_step = NULL WHERE id = $1")
        .bind(user.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, &before, false).await?;
    tx.commit().await?;
    Ok(())
}

async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    before: &User,
    on: bool,
) -> Result<()> {
    let after = User {
        two_factor: on,
        ..before.clone()
    };
    audit::record(
        tx,
        Change {
            actor,
            action: Action::Update,
            entity: "user",
            entity_id: before.id.as_str(),
            before: Some(&UserSnapshot::from(before)),
            after: Some(&UserSnapshot::from(&after)),
        },
    )
    .await
}

/// Records that the code of `step` was used. Returns false when that step (or a
/// later one) was already used: the code is being replayed.
pub async fn use_step(db: &Db, user: &UserId, step: AcceptedStep) -> Result<bool> {
    let done = sqlx::query(
        "UPDATE users SET totp_last_step = $2 WHERE id = $1 AND (totp_last_step IS NULL OR totp_last_step < $2)",
    )
    .bind(user.as_str().to_owned())
    .bind(step.0)
    .execute(db.pool())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Starts the code step for a user whose password was right.
pub async fn create_challenge(db: &Db, user: &UserId) -> Result<Secret> {
    let secret = Secret::generate("");
    sqlx::query(
        "INSERT INTO login_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, $3)",
    )
    .bind(secret.hash().as_str().to_owned())
    .bind(user.as_str().to_owned())
    .bind(crate::now_ms() + CHALLENGE_MS)
    .execute(db.pool())
    .await?;
    Ok(secret)
}

/// The active user of a live challenge.
pub async fn challenge_user(db: &Db, challenge: &Secret) -> Result<Option<User>> {
    let row = crate::sql::dynamic(format!(
        "SELECT {} FROM login_challenges c JOIN users u ON u.id = c.user_id \
         WHERE c.token_hash = $1 AND c.expires_at > $2 AND u.active = 1",
        super::USER_COLUMNS
    ))
    .bind(challenge.hash().as_str().to_owned())
    .bind(crate::now_ms())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(super::user_from_row).transpose()
}

/// Ends a challenge (after success), and any expired ones.
pub async fn end_challenge(db: &Db, challenge: &Secret) -> Result<()> {
    sqlx::query("DELETE FROM login_challenges WHERE token_hash = $1 OR expires_at <= $2")
        .bind(challenge.hash().as_str().to_owned())
        .bind(crate::now_ms())
        .execute(db.pool())
        .await?;
    Ok(())
}
