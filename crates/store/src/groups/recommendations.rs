//! The recommendations register. A status changes only by a move
//! ([`change_status`]), checked against `RecommendationStatus::next` and
//! conditional on the status read, so the history in `recommendation_changes` is the
//! path the recommendation took. Progress and the follow-up lists are in `follow_up`.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::groups::{Recommendation, RecommendationFields, RecommendationStatus, Theme};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, MeetingId, PlanItemId, RecommendationId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::time::from_millis;
use tadamun_core::{Invalid, Problem};

use super::{exists, from_json, json};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Sql};

pub use super::follow_up::{linked, progress_of, stale, unlinked};

pub(crate) const COLUMNS: &str = "id, text, text_lang, texts, meeting_id, theme, group_id, status";

/// What the register is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct RecommendationFilter {
    /// Only this status.
    pub status: Option<RecommendationStatus>,
    /// Only this theme.
    pub theme: Option<Theme>,
    /// Only those this group answers for.
    pub group: Option<GroupId>,
    /// Only those from this meeting.
    pub meeting: Option<MeetingId>,
}

/// One change of status in a recommendation's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StatusChange {
    /// Where it was; none for its first entry in the register.
    pub from: Option<RecommendationStatus>,
    /// Where it went.
    pub to: RecommendationStatus,
    /// Why (required when dropped).
    pub reason: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// Who: their e-mail at the time, or `system`.
    pub by: String,
}

/// Recommendations matching `filter`, oldest first.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, filter: &RecommendationFilter) -> Result<Vec<Recommendation>> {
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS} FROM recommendations WHERE 1 = 1"
    ));
    if let Some(status) = filter.status {
        sql.push(" AND status = ").bind_text(status.as_str());
    }
    if let Some(theme) = filter.theme {
        sql.push(" AND theme = ").bind_text(theme.as_str());
    }
    if let Some(group) = &filter.group {
        sql.push(" AND group_id = ").bind_text(group.as_str());
    }
    if let Some(meeting) = &filter.meeting {
        sql.push(" AND meeting_id = ").bind_text(meeting.as_str());
    }
    sql.push(" ORDER BY id");
    let rows = sql.query().fetch_all(db.pool()).await?;
    rows.iter().map(recommendation).collect()
}

/// One recommendation.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &RecommendationId) -> Result<Recommendation> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &RecommendationId) -> Result<Recommendation> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM recommendations WHERE id = $1"
    ))
    .bind(id.as_str().to_owned())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    recommendation(&row)
}

/// Adds a recommendation to the register, as proposed.
#[tracing::instrument(skip(db, fields))]
pub async fn create(
    db: &Db,
    actor: &Actor,
    fields: RecommendationFields,
) -> Result<Recommendation> {
    create_at(db, actor, fields, crate::now_ms()).await
}

/// [`create`], proposed at `now` (epoch ms): the demo dates its history.
pub(crate) async fn create_at(
    db: &Db,
    actor: &Actor,
    fields: RecommendationFields,
    now: i64,
) -> Result<Recommendation> {
    let mut tx = db.begin_write().await?;
    check_references(&mut tx, &fields).await?;
    let rec = Recommendation {
        id: RecommendationId::new(),
        fields,
        status: RecommendationStatus::Proposed,
    };
    let mut sql = Sql::new(
        "INSERT INTO recommendations (id, created_at, updated_at, status, status_at, text, text_lang, \
         texts, meeting_id, theme, group_id) VALUES (",
    );
    sql.bind_text(rec.id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_text(rec.status.as_str())
        .push(", ")
        .bind_int(now);
    for value in values(&rec.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    record_change(&mut tx, actor, &rec.id, None, rec.status, None, now).await?;
    record(&mut tx, actor, Action::Create, &rec.id, None, Some(&rec)).await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Recommendation,
        rec.id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(rec)
}

/// Replaces a recommendation's details; its status stays.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &RecommendationId,
    fields: RecommendationFields,
) -> Result<Recommendation> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_references(&mut tx, &fields).await?;
    let after = Recommendation {
        fields,
        ..before.clone()
    };
    let mut sql = Sql::new("UPDATE recommendations SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Recommendation,
        id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a recommendation with its history and links.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &RecommendationId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM recommendations WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Recommendation,
        id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Moves a recommendation to status `to`, if the register allows the move from where
/// it is; dropping needs a reason. The move, its reason, when and who are kept.
#[tracing::instrument(skip(db, reason))]
pub async fn change_status(
    db: &Db,
    actor: &Actor,
    id: &RecommendationId,
    to: RecommendationStatus,
    reason: &str,
) -> Result<Recommendation> {
    change_status_at(db, actor, id, to, reason, crate::now_ms()).await
}

/// [`change_status`], made at `now` (epoch ms): the demo dates its history.
pub(crate) async fn change_status_at(
    db: &Db,
    actor: &Actor,
    id: &RecommendationId,
    to: RecommendationStatus,
    reason: &str,
    now: i64,
) -> Result<Recommendation> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    let reason = before
        .status
        .check_move(to, reason)
        .map_err(StoreError::Invalid)?;
    // Conditional on the status read: of two simultaneous moves, the second fails
    // instead of writing a history that never was.
    let done = sqlx::query(
        "UPDATE recommendations SET status = $2, status_at = $3, updated_at = $3 WHERE id = $1 AND status = $4",
    )
    .bind(id.as_str().to_owned())
    .bind(to.as_str())
    .bind(now)
    .bind(before.status.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    record_change(
        &mut tx,
        actor,
        id,
        Some(before.status),
        to,
        reason.as_deref(),
        now,
    )
    .await?;
    let after = Recommendation {
        status: to,
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
    tx.commit().await?;
    Ok(after)
}

/// A recommendation's status history, oldest first.
#[tracing::instrument(skip(db))]
pub async fn history(db: &Db, id: &RecommendationId) -> Result<Vec<StatusChange>> {
    let rows = sqlx::query(
        "SELECT from_status, to_status, reason, at, by_label FROM recommendation_changes \
         WHERE recommendation_id = $1 ORDER BY at, id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    let status = |raw: &str| {
        RecommendationStatus::parse(raw)
            .map_err(|_| StoreError::Corrupt("recommendation_changes.status"))
    };
    rows.iter()
        .map(|r| {
            Ok(StatusChange {
                from: r
                    .try_get::<Option<String>, _>("from_status")?
                    .map(|s| status(&s))
                    .transpose()?,
                to: status(&r.try_get::<String, _>("to_status")?)?,
                reason: r.try_get("reason")?,
                at: from_millis(r.try_get("at")?),
                by: r.try_get("by_label")?,
            })
        })
        .collect()
}

/// Links plan item `item` to recommendation `id` (linking twice changes nothing).
#[tracing::instrument(skip(db))]
pub async fn link(db: &Db, actor: &Actor, id: &RecommendationId, item: &PlanItemId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    read(&mut tx, id).await?;
    if !exists(&mut tx, "plan_items", "id", item.as_str()).await? {
        return Err(StoreError::Invalid(Invalid::new(
            "item",
            Problem::UnknownValue,
        )));
    }
    let linked = sqlx::query(
        "SELECT 1 AS one FROM recommendation_items WHERE recommendation_id = $1 AND item_id = $2",
    )
    .bind(id.as_str().to_owned())
    .bind(item.as_str().to_owned())
    .fetch_optional(&mut *tx)
    .await?
    .is_some();
    if !linked {
        sqlx::query(
            "INSERT INTO recommendation_items (recommendation_id, item_id, linked_at) VALUES ($1, $2, $3)",
        )
        .bind(id.as_str().to_owned())
        .bind(item.as_str().to_owned())
        .bind(crate::now_ms())
        .execute(&mut *tx)
        .await?;
        record_link(&mut tx, actor, Action::Create, id, item).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Unlinks plan item `item` from recommendation `id`.
#[tracing::instrument(skip(db))]
pub async fn unlink(
    db: &Db,
    actor: &Actor,
    id: &RecommendationId,
    item: &PlanItemId,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "DELETE FROM recommendation_items WHERE recommendation_id = $1 AND item_id = $2",
    )
    .bind(id.as_str().to_owned())
    .bind(item.as_str().to_owned())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    record_link(&mut tx, actor, Action::Delete, id, item).await?;
    tx.commit().await?;
    Ok(())
}

async fn check_references(tx: &mut Transaction<'_, Any>, f: &RecommendationFields) -> Result<()> {
    let unknown = |field| StoreError::Invalid(Invalid::new(field, Problem::UnknownValue));
    if let Some(meeting) = &f.meeting
        && !exists(tx, "meetings", "id", meeting.as_str()).await?
    {
        return Err(unknown("meeting"));
    }
    if let Some(group) = &f.group
        && !exists(tx, "working_groups", "id", group.as_str()).await?
    {
        return Err(unknown("group"));
    }
    Ok(())
}

/// Appends a row to a recommendation's history; `at` lets the demo date its history.
pub(crate) async fn record_change(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    id: &RecommendationId,
    from: Option<RecommendationStatus>,
    to: RecommendationStatus,
    reason: Option<&str>,
    at: i64,
) -> Result<()> {
    let actor_id = match actor {
        Actor::User(u) => Some(u.as_str().to_owned()),
        Actor::System => None,
    };
    sqlx::query(
        "INSERT INTO recommendation_changes (id, recommendation_id, from_status, to_status, reason, at, by_label) \
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT email FROM users WHERE id = $7), 'system'))",
    )
    .bind(tadamun_core::ids::AuditId::new().as_str().to_owned())
    .bind(id.as_str().to_owned())
    .bind(from.map(RecommendationStatus::as_str))
    .bind(to.as_str())
    .bind(reason.map(str::to_owned))
    .bind(at)
    .bind(actor_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &RecommendationId,
    before: Option<&Recommendation>,
    after: Option<&Recommendation>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "recommendation",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

#[derive(serde::Serialize)]
struct Link<'a> {
    recommendation: &'a str,
    item: &'a str,
}

async fn record_link(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &RecommendationId,
    item: &PlanItemId,
) -> Result<()> {
    let link = Link {
        recommendation: id.as_str(),
        item: item.as_str(),
    };
    let (before, after) = match action {
        Action::Delete => (Some(&link), None),
        _ => (None, Some(&link)),
    };
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "recommendation_item",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

const VALUE_COLUMNS: [&str; 6] = [
    "text",
    "text_lang",
    "texts",
    "meeting_id",
    "theme",
    "group_id",
];

fn values(f: &RecommendationFields) -> Result<[Arg; 6]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    Ok([
        text(&f.text),
        text(f.text_lang.as_str()),
        Arg::Text(json(&f.texts, "recommendations.texts")?),
        f.meeting.as_ref().map_or(Arg::Null, |m| text(m.as_str())),
        text(f.theme.as_str()),
        f.group.as_ref().map_or(Arg::Null, |g| text(g.as_str())),
    ])
}

pub(crate) fn recommendation(row: &AnyRow) -> Result<Recommendation> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    let texts: BTreeMap<Lang, String> = from_json(&text("texts")?, "recommendations.texts")?;
    Ok(Recommendation {
        id: RecommendationId::from_stored(text("id")?),
        fields: RecommendationFields {
            text: text("text")?,
            text_lang: LanguageCode::from_stored(text("text_lang")?),
            texts,
            meeting: row
                .try_get::<Option<String>, _>("meeting_id")?
                .map(MeetingId::from_stored),
            theme: Theme::parse(&text("theme")?)
                .map_err(|_| StoreError::Corrupt("recommendations.theme"))?,
            group: row
                .try_get::<Option<String>, _>("group_id")?
                .map(GroupId::from_stored),
        },
        status: RecommendationStatus::parse(&text("status")?)
            .map_err(|_| StoreError::Corrupt("recommendations.status"))?,
    })
}
