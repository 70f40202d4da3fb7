//! Each user's choice about the weekly digest. A user without a row gets it.

use sqlx::Row as _;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::UserId;

use crate::Db;
use crate::audit::{self, Change};
use crate::error::Result;

/// A user's reminder settings, as the audit log records them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Settings {
    /// Whether they get the weekly digest.
    pub weekly_digest: bool,
}

/// `user`'s settings.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, user: &UserId) -> Result<Settings> {
    let row = sqlx::query("SELECT weekly_digest FROM reminder_settings WHERE user_id = $1")
        .bind(user.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?;
    Ok(Settings {
        weekly_digest: match row {
            Some(r) => r.try_get::<i64, _>("weekly_digest")? == 1,
            None => true,
        },
    })
}

/// Saves `user`'s settings, with the change in the audit log.
#[tracing::instrument(skip(db))]
pub async fn set(db: &Db, actor: &Actor, user: &UserId, after: Settings) -> Result<()> {
    let before = get(db, user).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO reminder_settings (user_id, weekly_digest, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET weekly_digest = $2, updated_at = $3",
    )
    .bind(user.as_str().to_owned())
    .bind(i64::from(after.weekly_digest))
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Update,
            entity: "reminder_settings",
            entity_id: user.as_str(),
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
