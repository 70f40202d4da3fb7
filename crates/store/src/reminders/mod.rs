//! The reminders' job queue. A job is one message to one recipient, named by
//! (kind, occurrence, recipient) so the scheduler enqueues it once however many
//! workers run. Workers claim a due job with one conditional `UPDATE … RETURNING`
//! that sets a lease; a job whose lease ran out (its worker died) may be claimed
//! again, and `sent` keeps that from sending a message twice.

pub mod digest;
pub mod schedule;
pub mod sent;
pub mod settings;

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Executor, Row as _};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::JobId;
use tadamun_core::reminders::{JobState, Kind, LEASE, MAX_ATTEMPTS, backoff};
use tadamun_core::time::{from_millis, to_millis};

use crate::audit::{self, Change};
use crate::db::{Backend, Db};
use crate::error::{Result, StoreError};

const COLUMNS: &str = "id, kind, occurrence, recipient, payload, state, run_at, attempts, \
                       lease_until, claimed_by, last_error, created_at, updated_at";

/// A job of the queue.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Job {
    /// Its id.
    pub id: JobId,
    /// The kind of message.
    pub kind: Kind,
    /// What it is about (an event at its start, a registration, a week …).
    pub occurrence: String,
    /// The e-mail address it goes to.
    pub recipient: String,
    /// What the message needs to be written (ids), as JSON.
    pub payload: String,
    /// Where it is.
    pub state: JobState,
    /// When it is due (again).
    pub run_at: DateTime<Utc>,
    /// How many times it was claimed.
    pub attempts: i64,
    /// Held by a worker until then.
    pub lease_until: Option<DateTime<Utc>>,
    /// The worker that last claimed it.
    pub claimed_by: Option<String>,
    /// Why its last attempt failed.
    pub last_error: Option<String>,
    /// When it was enqueued.
    pub created_at: DateTime<Utc>,
    /// When it last changed.
    pub updated_at: DateTime<Utc>,
}

/// A job to enqueue.
#[derive(Debug, Clone)]
pub struct NewJob {
    /// The kind of message.
    pub kind: Kind,
    /// What it is about.
    pub occurrence: String,
    /// The e-mail address it goes to.
    pub recipient: String,
    /// What the message needs, as JSON.
    pub payload: serde_json::Value,
    /// When it is due.
    pub run_at: DateTime<Utc>,
}

/// Enqueues `job` unless one with its kind, occurrence and recipient exists; true
/// when it was added. Runs on a pool or inside the caller's transaction, so a
/// registration and its confirmation are committed together.
pub(crate) async fn enqueue<'e, E>(executor: E, job: &NewJob, now: DateTime<Utc>) -> Result<bool>
where
    E: Executor<'e, Database = Any>,
{
    let at = to_millis(now);
    let added = sqlx::query(
        "INSERT INTO jobs (id, kind, occurrence, recipient, payload, state, run_at, attempts, \
         max_attempts, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, 0, $7, $8, $8) \
         ON CONFLICT (kind, occurrence, recipient) DO NOTHING",
    )
    .bind(JobId::new().as_str().to_owned())
    .bind(job.kind.as_str())
    .bind(job.occurrence.clone())
    .bind(job.recipient.to_lowercase())
    .bind(job.payload.to_string())
    .bind(to_millis(job.run_at))
    .bind(MAX_ATTEMPTS)
    .bind(at)
    .execute(executor)
    .await?
    .rows_affected();
    Ok(added == 1)
}

/// Enqueues `job` unless one with its kind, occurrence and recipient exists; true
/// when it was added.
#[tracing::instrument(skip(db, job))]
pub async fn add(db: &Db, job: &NewJob, now: DateTime<Utc>) -> Result<bool> {
    enqueue(db.pool(), job, now).await
}

/// Claims the next due job for `worker` at `now`, holding it for [`LEASE`]: a queued
/// job whose time has come and that nobody holds, or whose holder's lease ran out.
/// The condition is checked again by the `UPDATE` itself, so two workers never both
/// get the same job; on PostgreSQL `SKIP LOCKED` lets them pass each other by.
#[tracing::instrument(skip(db))]
pub async fn claim(db: &Db, worker: &str, now: DateTime<Utc>) -> Result<Option<Job>> {
    let skip_locked = match db.backend() {
        Backend::Postgres => " FOR UPDATE SKIP LOCKED",
        Backend::Sqlite => "",
    };
    let free = "state = 'queued' AND run_at <= $1 AND (lease_until IS NULL OR lease_until < $1)";
    let row = crate::sql::dynamic(format!(
        "UPDATE jobs SET lease_until = $2, claimed_by = $3, attempts = attempts + 1, updated_at = $1 \
         WHERE id = (SELECT id FROM jobs WHERE {free} ORDER BY run_at, id LIMIT 1{skip_locked}) \
         AND {free} RETURNING {COLUMNS}"
    ))
    .bind(to_millis(now))
    .bind(to_millis(now + LEASE))
    .bind(worker.to_owned())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(job).transpose()
}

/// Marks `job` as ended in `state` (done or skipped) — only while `worker` still
/// holds it.
#[tracing::instrument(skip(db))]
pub async fn finish(
    db: &Db,
    job: &JobId,
    worker: &str,
    state: JobState,
    note: Option<&str>,
    now: DateTime<Utc>,
) -> Result<()> {
    sqlx::query(
        "UPDATE jobs SET state = $1, lease_until = NULL, last_error = $2, updated_at = $3 \
         WHERE id = $4 AND claimed_by = $5 AND state = 'queued'",
    )
    .bind(state.as_str())
    .bind(note.map(str::to_owned))
    .bind(to_millis(now))
    .bind(job.as_str().to_owned())
    .bind(worker.to_owned())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Records a failed attempt of `job`: queued again after [`backoff`], or failed for
/// good after [`MAX_ATTEMPTS`]. Returns the state it is left in.
#[tracing::instrument(skip(db, error))]
pub async fn fail(
    db: &Db,
    job: &Job,
    worker: &str,
    error: &str,
    now: DateTime<Utc>,
) -> Result<JobState> {
    let state = if job.attempts >= MAX_ATTEMPTS {
        JobState::Failed
    } else {
        JobState::Queued
    };
    let error: String = error.chars().take(500).collect();
    sqlx::query(
        "UPDATE jobs SET state = $1, run_at = $2, lease_until = NULL, last_error = $3, updated_at = $4 \
         WHERE id = $5 AND claimed_by = $6 AND state = 'queued'",
    )
    .bind(state.as_str())
    .bind(to_millis(now + backoff(job.attempts)))
    .bind(error)
    .bind(to_millis(now))
    .bind(job.id.as_str().to_owned())
    .bind(worker.to_owned())
    .execute(db.pool())
    .await?;
    Ok(state)
}

/// Deletes the jobs sent or skipped before `before`. Every window in which the
/// scheduler enqueues a reminder is long closed by then, and `sent_reminders` still
/// stops a message from going twice.
#[tracing::instrument(skip(db))]
pub async fn prune(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    Ok(
        sqlx::query("DELETE FROM jobs WHERE state IN ('done', 'skipped') AND updated_at < $1")
            .bind(to_millis(before))
            .execute(db.pool())
            .await?
            .rows_affected(),
    )
}

/// One job.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &JobId) -> Result<Job> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    job(&row)
}

/// The jobs in `state`, the most recently changed first, at most `limit`.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, state: JobState, limit: i64) -> Result<Vec<Job>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM jobs WHERE state = $1 ORDER BY updated_at DESC, id DESC LIMIT $2"
    ))
    .bind(state.as_str())
    .bind(limit)
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(job).collect()
}

/// How many jobs are in each state.
#[tracing::instrument(skip(db))]
pub async fn counts(db: &Db) -> Result<Vec<(JobState, i64)>> {
    let rows = sqlx::query("SELECT state, COUNT(*) AS n FROM jobs GROUP BY state")
        .fetch_all(db.pool())
        .await?;
    let mut out: Vec<(JobState, i64)> = JobState::ALL.iter().map(|s| (*s, 0)).collect();
    for row in rows {
        let state: String = row.try_get("state")?;
        let n: i64 = row.try_get("n")?;
        if let Some(slot) = out.iter_mut().find(|(s, _)| s.as_str() == state) {
            slot.1 = n;
        }
    }
    Ok(out)
}

/// Queues a failed job again, due at once with its attempts counted afresh.
/// Anything but a failed job is left alone (not found).
#[tracing::instrument(skip(db))]
pub async fn retry(db: &Db, actor: &Actor, id: &JobId, now: DateTime<Utc>) -> Result<Job> {
    let mut tx = db.begin_write().await?;
    let changed = sqlx::query(
        "UPDATE jobs SET state = 'queued', run_at = $1, attempts = 0, lease_until = NULL, \
         updated_at = $1 WHERE id = $2 AND state = 'failed'",
    )
    .bind(to_millis(now))
    .bind(id.as_str().to_owned())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if changed != 1 {
        return Err(StoreError::NotFound);
    }
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM jobs WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_one(&mut *tx)
        .await?;
    let after = job(&row)?;
    let before = Job {
        state: JobState::Failed,
        ..after.clone()
    };
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Update,
            entity: "job",
            entity_id: id.as_str(),
            before: Some(&before),
            after: Some(&after),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

fn job(row: &AnyRow) -> Result<Job> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    let opt_ms = |c: &str| -> Result<Option<DateTime<Utc>>> {
        Ok(row.try_get::<Option<i64>, _>(c)?.map(from_millis))
    };
    Ok(Job {
        id: JobId::from_stored(text("id")?),
        kind: Kind::parse(&text("kind")?).ok_or(StoreError::Corrupt("jobs.kind"))?,
        occurrence: text("occurrence")?,
        recipient: text("recipient")?,
        payload: text("payload")?,
        state: JobState::parse(&text("state")?).ok_or(StoreError::Corrupt("jobs.state"))?,
        run_at: from_millis(row.try_get("run_at")?),
        attempts: row.try_get("attempts")?,
        lease_until: opt_ms("lease_until")?,
        claimed_by: row.try_get("claimed_by")?,
        last_error: row.try_get("last_error")?,
        created_at: from_millis(row.try_get("created_at")?),
        updated_at: from_millis(row.try_get("updated_at")?),
    })
}
