//! The scheduler pass: finds the reminders due at `now` and enqueues one job per
//! message. Each job's (kind, occurrence, recipient) is unique, so passes run by
//! several workers at once, or again a minute later, add nothing twice.

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sqlx::Row as _;
use tadamun_core::reminders::Kind;
use tadamun_core::reminders::schedule::{
    EVENT_HORIZON, action_occurrence, action_reminder, digest_week, event_occurrence,
    event_reminder,
};
use tadamun_core::time::{Zone, from_millis, to_millis};

use super::{NewJob, enqueue};
use crate::Db;
use crate::error::Result;

/// Enqueues every reminder due at `now`; returns how many jobs were added.
#[tracing::instrument(skip(db))]
pub async fn run(db: &Db, now: DateTime<Utc>) -> Result<usize> {
    let mut jobs = events_due(db, now).await?;
    jobs.extend(actions_due(db, now).await?);
    jobs.extend(digests_due(db, now).await?);
    let known = existing(db, &jobs).await?;
    let mut added = 0;
    for job in jobs {
        let key = (
            job.kind,
            job.occurrence.clone(),
            job.recipient.to_lowercase(),
        );
        if !known.contains(&key) && enqueue(db.pool(), &job, now).await? {
            added += 1;
        }
    }
    Ok(added)
}

type Key = (Kind, String, String);

/// Which of `jobs` are already in the queue, read in one query per kind so a pass
/// that finds nothing new writes nothing.
async fn existing(db: &Db, jobs: &[NewJob]) -> Result<HashSet<Key>> {
    let mut kinds: Vec<Kind> = jobs.iter().map(|j| j.kind).collect();
    kinds.sort();
    kinds.dedup();
    let mut known = HashSet::new();
    for kind in kinds {
        let mut occurrences: Vec<&str> = jobs
            .iter()
            .filter(|j| j.kind == kind)
            .map(|j| j.occurrence.as_str())
            .collect();
        occurrences.sort_unstable();
        occurrences.dedup();
        for chunk in occurrences.chunks(200) {
            let mut sql =
                crate::sql::Sql::new("SELECT occurrence, recipient FROM jobs WHERE kind = ");
            sql.bind_text(kind.as_str()).push(" AND occurrence IN (");
            for (i, o) in chunk.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind_text(*o);
            }
            sql.push(")");
            for row in sql.query().fetch_all(db.pool()).await? {
                known.insert((kind, row.try_get("occurrence")?, row.try_get("recipient")?));
            }
        }
    }
    Ok(known)
}

/// Reminders to the registrants (with a place) of events starting within a day. One
/// who registered after the day-before reminder fell due just had their
/// confirmation, so gets only the hour-before one.
async fn events_due(db: &Db, now: DateTime<Utc>) -> Result<Vec<NewJob>> {
    let rows = sqlx::query(
        "SELECT e.id AS event_id, e.start_at, r.id AS registration_id, r.email, r.created_at \
         FROM events e JOIN event_registrations r ON r.event_id = e.id \
         WHERE e.cancelled_at IS NULL AND e.start_at > $1 AND e.start_at <= $2 \
         AND r.status = 'registered' ORDER BY e.start_at, r.id",
    )
    .bind(to_millis(now))
    .bind(to_millis(now + EVENT_HORIZON))
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let event: String = row.try_get("event_id")?;
        let start_ms: i64 = row.try_get("start_at")?;
        let start = from_millis(start_ms);
        let registered = from_millis(row.try_get("created_at")?);
        let Some(kind) = event_reminder(start, now) else {
            continue;
        };
        if kind == Kind::EventDay && registered >= start - Duration::hours(24) {
            continue;
        }
        let registration: String = row.try_get("registration_id")?;
        out.push(NewJob {
            kind,
            occurrence: event_occurrence(&event, start_ms),
            recipient: row.try_get("email")?,
            payload: serde_json::json!({ "event": event, "registration": registration }),
            run_at: now,
        });
    }
    Ok(out)
}

/// Reminders to the owners of open actions due within three days. An action's owner
/// is reminded when it is a person of the directory whose e-mail address is an
/// active user's: that user's zone says which day it is for them, their language
/// what the message says. Actions owned by a group or an organisation appear in
/// their members' weekly digest instead.
async fn actions_due(db: &Db, now: DateTime<Utc>) -> Result<Vec<NewJob>> {
    let rows = sqlx::query(
        "SELECT i.id, i.due_date, u.id AS user_id, u.email, u.zone \
         FROM plan_items i JOIN people p ON p.id = i.owner_id \
         JOIN users u ON LOWER(u.email) = LOWER(p.email) \
         WHERE i.level = 'action' AND i.owner_kind = 'person' AND u.active = 1 \
         AND i.status NOT IN ('done', 'cancelled') AND i.due_date >= $1 AND i.due_date <= $2 \
         ORDER BY i.due_date, i.id, u.id",
    )
    .bind((now - Duration::days(1)).date_naive().to_string())
    .bind((now + Duration::days(4)).date_naive().to_string())
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let item: String = row.try_get("id")?;
        let due: String = row.try_get("due_date")?;
        let Ok(due) = due.parse::<NaiveDate>() else {
            continue;
        };
        let zone = Zone::parse(&row.try_get::<String, _>("zone")?).unwrap_or(Zone::UTC);
        let Some(kind) = action_reminder(due, zone.local(now).date()) else {
            continue;
        };
        let user: String = row.try_get("user_id")?;
        out.push(NewJob {
            kind,
            occurrence: action_occurrence(&item, due),
            recipient: row.try_get("email")?,
            payload: serde_json::json!({ "item": item, "user": user }),
            run_at: now,
        });
    }
    Ok(out)
}

/// The weekly digest of every active user who did not turn it off and for whom it
/// is Monday morning.
async fn digests_due(db: &Db, now: DateTime<Utc>) -> Result<Vec<NewJob>> {
    let rows = sqlx::query(
        "SELECT u.id, u.email, u.zone FROM users u \
         LEFT JOIN reminder_settings s ON s.user_id = u.id \
         WHERE u.active = 1 AND (s.weekly_digest IS NULL OR s.weekly_digest = 1) ORDER BY u.id",
    )
    .fetch_all(db.pool())
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let zone = Zone::parse(&row.try_get::<String, _>("zone")?).unwrap_or(Zone::UTC);
        let Some(week) = digest_week(zone.local(now)) else {
            continue;
        };
        let user: String = row.try_get("id")?;
        out.push(NewJob {
            kind: Kind::Digest,
            occurrence: week,
            recipient: row.try_get("email")?,
            payload: serde_json::json!({ "user": user }),
            run_at: now,
        });
    }
    Ok(out)
}
