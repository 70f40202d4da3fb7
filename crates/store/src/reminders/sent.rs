//! The record of messages sent: one row per (kind, occurrence, recipient), written
//! and committed before the message is handed to the SMTP server. Whoever fails to
//! write it (the row exists) does not send, so two workers holding one job after a
//! lease ran out, or a job enqueued again, never send the same message twice.

use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tadamun_core::ids::JobId;
use tadamun_core::reminders::Kind;
use tadamun_core::time::to_millis;

use crate::Db;
use crate::error::Result;

/// Takes the right to send `kind` about `occurrence` to `recipient` for `job`; false
/// when someone already took it.
#[tracing::instrument(skip(db, recipient))]
pub async fn take(
    db: &Db,
    kind: Kind,
    occurrence: &str,
    recipient: &str,
    job: &JobId,
    message_id: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let added = sqlx::query(
        "INSERT INTO sent_reminders (kind, occurrence, recipient, job_id, message_id, sent_at) \
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, occurrence, recipient) DO NOTHING",
    )
    .bind(kind.as_str())
    .bind(occurrence.to_owned())
    .bind(recipient.to_lowercase())
    .bind(job.as_str().to_owned())
    .bind(message_id.to_owned())
    .bind(to_millis(now))
    .execute(db.pool())
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// Gives the right back after the SMTP server refused the message, so a retry of the
/// same job may send it. Only the job that took it can.
#[tracing::instrument(skip(db, recipient))]
pub async fn release(
    db: &Db,
    kind: Kind,
    occurrence: &str,
    recipient: &str,
    job: &JobId,
) -> Result<()> {
    sqlx::query(
        "DELETE FROM sent_reminders WHERE kind = $1 AND occurrence = $2 AND recipient = $3 \
         AND job_id = $4",
    )
    .bind(kind.as_str())
    .bind(occurrence.to_owned())
    .bind(recipient.to_lowercase())
    .bind(job.as_str().to_owned())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// How many messages were recorded as sent to `recipient`.
#[tracing::instrument(skip(db, recipient))]
pub async fn count_to(db: &Db, recipient: &str) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) AS n FROM sent_reminders WHERE recipient = $1")
        .bind(recipient.to_lowercase())
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("n")?)
}
