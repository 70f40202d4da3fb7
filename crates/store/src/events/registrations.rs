//! Registrations for events, with the waiting list. Places are taken and given back
//! only by conditional updates of `events.registered`, each transaction's first
//! statement, so concurrent registrations on several servers never exceed the
//! capacity and a freed place goes to the first on the waiting list exactly once.

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::accounts::{Email, Secret};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::CountryCode;
use tadamun_core::events::registration::{
    Registration, RegistrationFields, RegistrationStatus, check_open,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{EventId, RegistrationId};
use tadamun_core::reminders::Kind;
use tadamun_core::reminders::schedule::registration_occurrence;
use tadamun_core::time::from_millis;
use tadamun_core::{Invalid, Problem};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::reminders::{NewJob, enqueue};

const COLUMNS: &str = "id, event_id, name, email, country, lang, status, attended, created_at";

/// How many hold a place and how many wait.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Registered, with a place.
    pub registered: i64,
    /// On the waiting list.
    pub waiting: i64,
    /// Marked as attended.
    pub attended: i64,
}

/// Registers `fields` for `event` at `now`: a place if one is left, else the waiting
/// list. Refused, changing nothing, when registration is not open (`registration`)
/// or the address is already registered (`email`).
#[tracing::instrument(skip(db, fields))]
pub async fn register(
    db: &Db,
    actor: &Actor,
    event: &EventId,
    fields: RegistrationFields,
    now: DateTime<Utc>,
) -> Result<Registration> {
    let mut tx = db.begin_write().await?;
    let took = sqlx::query(
        "UPDATE events SET registered = registered + 1 \
         WHERE id = $1 AND (capacity IS NULL OR registered < capacity)",
    )
    .bind(event.as_str().to_owned())
    .execute(&mut *tx)
    .await?
    .rows_affected()
        == 1;
    if !took {
        // Lock the event all the same, so the duplicate check below is not raced.
        sqlx::query("UPDATE events SET registered = registered WHERE id = $1")
            .bind(event.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
    }
    let e = super::read(&mut tx, event).await?;
    check_open(&e.fields, now).map_err(StoreError::Invalid)?;
    if e.cancelled {
        return Err(StoreError::Invalid(Invalid::new(
            "registration",
            Problem::RegistrationClosed,
        )));
    }
    let taken = sqlx::query(
        "SELECT 1 AS one FROM event_registrations \
         WHERE event_id = $1 AND email = $2 AND status <> 'cancelled'",
    )
    .bind(event.as_str().to_owned())
    .bind(fields.email.as_str().to_owned())
    .fetch_optional(&mut *tx)
    .await?
    .is_some();
    if taken {
        return Err(already_registered());
    }
    let r = Registration {
        id: RegistrationId::new(),
        event: event.clone(),
        fields,
        status: if took {
            RegistrationStatus::Registered
        } else {
            RegistrationStatus::Waiting
        },
        attended: false,
        created_at: now,
    };
    let at = now.timestamp_millis();
    sqlx::query(
        "INSERT INTO event_registrations \
         (id, event_id, name, email, country, lang, status, attended, consent_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0, $8, $8, $8)",
    )
    .bind(r.id.as_str().to_owned())
    .bind(event.as_str().to_owned())
    .bind(r.fields.name.clone())
    .bind(r.fields.email.as_str().to_owned())
    .bind(r.fields.country.as_str().to_owned())
    .bind(r.fields.lang.code().to_owned())
    .bind(r.status.as_str())
    .bind(at)
    .execute(&mut *tx)
    .await
    .map_err(|e| match StoreError::taken_as("email")(e) {
        StoreError::Taken { .. } => already_registered(),
        other => other,
    })?;
    record(&mut tx, actor, Action::Create, &r.id, None, Some(&r)).await?;
    let kind = if took {
        Kind::Registered
    } else {
        Kind::Waiting
    };
    confirm(&mut tx, kind, &r, now).await?;
    tx.commit().await?;
    Ok(r)
}

/// Enqueues the message telling `r` where they stand, in the transaction that
/// changed it, so no registration is left without its message.
async fn confirm(
    tx: &mut Transaction<'_, Any>,
    kind: Kind,
    r: &Registration,
    now: DateTime<Utc>,
) -> Result<()> {
    let job = NewJob {
        kind,
        occurrence: registration_occurrence(r.id.as_str()),
        recipient: r.fields.email.as_str().to_owned(),
        payload: serde_json::json!({ "registration": r.id, "event": r.event }),
        run_at: now,
    };
    enqueue(&mut **tx, &job, now).await?;
    Ok(())
}

fn already_registered() -> StoreError {
    StoreError::Invalid(Invalid::new("email", Problem::AlreadyRegistered))
}

/// What a cancellation did: the registration as it now is, and whoever on the
/// waiting list got the freed place.
#[derive(Debug, Clone)]
pub struct Cancelled {
    /// The cancelled registration.
    pub registration: Registration,
    /// Promoted from the waiting list into the freed place.
    pub promoted: Option<Registration>,
    /// Whether this call cancelled it (false when it already was).
    pub changed: bool,
}

/// Cancels registration `id`; a freed place goes to the first on the waiting list.
/// Cancelling twice changes nothing the second time.
#[tracing::instrument(skip(db))]
pub async fn cancel(db: &Db, actor: &Actor, id: &RegistrationId) -> Result<Cancelled> {
    let mut tx = db.begin_write().await?;
    // Lock the event first: cancellations and registrations of one event queue here.
    let locked = sqlx::query(
        "UPDATE events SET registered = registered \
         WHERE id = (SELECT event_id FROM event_registrations WHERE id = $1)",
    )
    .bind(id.as_str().to_owned())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if locked != 1 {
        return Err(StoreError::NotFound);
    }
    let before = read(&mut tx, id).await?;
    if before.status == RegistrationStatus::Cancelled {
        return Ok(Cancelled {
            registration: before,
            promoted: None,
            changed: false,
        });
    }
    set_status(&mut tx, id, RegistrationStatus::Cancelled).await?;
    let after = Registration {
        status: RegistrationStatus::Cancelled,
        ..before.clone()
    };
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    let mut promoted = None;
    if before.status == RegistrationStatus::Registered {
        sqlx::query("UPDATE events SET registered = registered - 1 WHERE id = $1")
            .bind(before.event.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
        promoted = fill_places(&mut tx, actor, &before.event)
            .await?
            .into_iter()
            .next();
    }
    tx.commit().await?;
    Ok(Cancelled {
        registration: after,
        promoted,
        changed: true,
    })
}

/// Gives free places of `event` to those waiting, first come first served; returns
/// those promoted. Runs inside a transaction that already locked the event.
pub(crate) async fn fill_places(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    event: &EventId,
) -> Result<Vec<Registration>> {
    let mut out = Vec::new();
    loop {
        let next = crate::sql::dynamic(format!(
            "SELECT {COLUMNS} FROM event_registrations \
             WHERE event_id = $1 AND status = 'waiting' ORDER BY created_at, id LIMIT 1"
        ))
        .bind(event.as_str().to_owned())
        .fetch_optional(&mut **tx)
        .await?;
        let Some(row) = next else { break };
        let waiting = registration(&row)?;
        let took = sqlx::query(
            "UPDATE events SET registered = registered + 1 \
             WHERE id = $1 AND (capacity IS NULL OR registered < capacity)",
        )
        .bind(event.as_str().to_owned())
        .execute(&mut **tx)
        .await?
        .rows_affected()
            == 1;
        if !took {
            break;
        }
        set_status(tx, &waiting.id, RegistrationStatus::Registered).await?;
        let after = Registration {
            status: RegistrationStatus::Registered,
            ..waiting.clone()
        };
        record(
            tx,
            actor,
            Action::Update,
            &waiting.id,
            Some(&waiting),
            Some(&after),
        )
        .await?;
        confirm(tx, Kind::Promoted, &after, Utc::now()).await?;
        out.push(after);
    }
    Ok(out)
}

/// The registrations of `event`: those with a place, then those waiting in order,
/// then the cancelled.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, event: &EventId) -> Result<Vec<Registration>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM event_registrations WHERE event_id = $1 \
         ORDER BY CASE status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END, created_at, id"
    ))
    .bind(event.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(registration).collect()
}

/// One registration.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &RegistrationId) -> Result<Registration> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

/// The counts of `event`.
#[tracing::instrument(skip(db))]
pub async fn counts(db: &Db, event: &EventId) -> Result<Counts> {
    let row = sqlx::query(
        "SELECT \
         COALESCE(SUM(CASE WHEN status = 'registered' THEN 1 ELSE 0 END), 0) AS registered, \
         COALESCE(SUM(CASE WHEN status = 'waiting' THEN 1 ELSE 0 END), 0) AS waiting, \
         COALESCE(SUM(CASE WHEN status = 'registered' AND attended = 1 THEN 1 ELSE 0 END), 0) AS attended \
         FROM event_registrations WHERE event_id = $1",
    )
    .bind(event.as_str().to_owned())
    .fetch_one(db.pool())
    .await?;
    Ok(Counts {
        registered: row.try_get("registered")?,
        waiting: row.try_get("waiting")?,
        attended: row.try_get("attended")?,
    })
}

/// Marks who of those with a place at `event` attended: exactly `attended`.
#[tracing::instrument(skip(db, attended))]
pub async fn set_attendance(
    db: &Db,
    actor: &Actor,
    event: &EventId,
    attended: &[RegistrationId],
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM event_registrations \
         WHERE event_id = $1 AND status = 'registered' ORDER BY id"
    ))
    .bind(event.as_str().to_owned())
    .fetch_all(&mut *tx)
    .await?;
    for row in &rows {
        let before = registration(row)?;
        let now = attended.contains(&before.id);
        if before.attended == now {
            continue;
        }
        sqlx::query("UPDATE event_registrations SET attended = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(now))
            .bind(crate::now_ms())
            .bind(before.id.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
        let after = Registration {
            attended: now,
            ..before.clone()
        };
        record(
            &mut tx,
            actor,
            Action::Update,
            &before.id,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The server's secret named `name`, made on first use. Kept in the database so
/// that every app server signs and checks with the same key.
#[tracing::instrument(skip(db))]
pub async fn server_secret(db: &Db, name: &str) -> Result<String> {
    let read = || {
        sqlx::query("SELECT value FROM server_secrets WHERE name = $1")
            .bind(name.to_owned())
            .fetch_optional(db.pool())
    };
    if let Some(row) = read().await? {
        return Ok(row.try_get("value")?);
    }
    // Two servers may get here at once: the first insert wins, both read it back.
    sqlx::query(
        "INSERT INTO server_secrets (name, value, created_at) VALUES ($1, $2, $3) \
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(name.to_owned())
    .bind(Secret::generate("").expose().to_owned())
    .bind(crate::now_ms())
    .execute(db.pool())
    .await?;
    let row = read().await?.ok_or(StoreError::NotFound)?;
    Ok(row.try_get("value")?)
}

async fn set_status(
    tx: &mut Transaction<'_, Any>,
    id: &RegistrationId,
    status: RegistrationStatus,
) -> Result<()> {
    sqlx::query("UPDATE event_registrations SET status = $1, updated_at = $2 WHERE id = $3")
        .bind(status.as_str())
        .bind(crate::now_ms())
        .bind(id.as_str().to_owned())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

async fn read(conn: &mut sqlx::AnyConnection, id: &RegistrationId) -> Result<Registration> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM event_registrations WHERE id = $1"
    ))
    .bind(id.as_str().to_owned())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    registration(&row)
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &RegistrationId,
    before: Option<&Registration>,
    after: Option<&Registration>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "event_registration",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

fn registration(row: &AnyRow) -> Result<Registration> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    Ok(Registration {
        id: RegistrationId::from_stored(text("id")?),
        event: EventId::from_stored(text("event_id")?),
        fields: RegistrationFields {
            name: text("name")?,
            email: Email::from_stored(text("email")?),
            country: CountryCode::from_stored(text("country")?),
            lang: Lang::parse(&text("lang")?)
                .map_err(|_| StoreError::Corrupt("event_registrations.lang"))?,
        },
        status: RegistrationStatus::parse(&text("status")?)
            .map_err(|_| StoreError::Corrupt("event_registrations.status"))?,
        attended: row.try_get::<i64, _>("attended")? == 1,
        created_at: from_millis(row.try_get("created_at")?),
    })
}
