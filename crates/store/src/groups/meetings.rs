//! Meetings with their attendees, agenda and decisions, and the action items agreed
//! at them. An action item becomes a plan action through `plans::create`, so every
//! rule of the plan (level under an initiative, dates within it) applies.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::groups::{
    ActionItem, ActionItemFields, Meeting, MeetingFields, MeetingKind, Start,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{
    GroupId, MeetingActionId, MeetingId, OrganisationId, PersonId, PlanItemId,
};
use tadamun_core::languages::LanguageCode;
use tadamun_core::plans::{Owner, PlanItem};
use tadamun_core::{Invalid, Problem};

use super::{exists, from_json, json};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Sql, replace_links};

const COLUMNS: &str = "id, kind, title, title_lang, titles, start_at, time_zone, duration, link, place, \
     group_id, agenda, minutes, decisions";

/// What a list of meetings is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct MeetingFilter {
    /// Only meetings this group organises.
    pub group: Option<GroupId>,
    /// Only meetings starting at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Only meetings starting before this instant.
    pub to: Option<DateTime<Utc>>,
}

/// Meetings matching `filter`, earliest first.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, filter: &MeetingFilter) -> Result<Vec<Meeting>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM meetings WHERE 1 = 1"));
    if let Some(group) = &filter.group {
        sql.push(" AND group_id = ").bind_text(group.as_str());
    }
    if let Some(from) = filter.from {
        sql.push(" AND start_at >= ")
            .bind_int(from.timestamp_millis());
    }
    if let Some(to) = filter.to {
        sql.push(" AND start_at < ").bind_int(to.timestamp_millis());
    }
    sql.push(" ORDER BY start_at, id");
    let rows = sql.query().fetch_all(db.pool()).await?;
    let mut conn = db.pool().acquire().await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        out.push(meeting(&mut conn, row).await?);
    }
    Ok(out)
}

/// One meeting.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &MeetingId) -> Result<Meeting> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &MeetingId) -> Result<Meeting> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM meetings WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    meeting(conn, &row).await
}

/// Adds a meeting with its attendees.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: MeetingFields) -> Result<Meeting> {
    let mut tx = db.begin_write().await?;
    check_references(&mut tx, &fields).await?;
    let m = Meeting {
        id: MeetingId::new(),
        fields,
    };
    let now = crate::now_ms();
    let mut sql = Sql::new(
        "INSERT INTO meetings (id, created_at, updated_at, kind, title, title_lang, titles, start_at, \
         time_zone, duration, link, place, group_id, agenda, minutes, decisions) VALUES (",
    );
    sql.bind_text(m.id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now);
    for value in values(&m.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    write_attendees(&mut tx, &m).await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        "meeting",
        m.id.as_str(),
        None,
        Some(&m),
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

/// Replaces a meeting's details and attendees.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &MeetingId,
    fields: MeetingFields,
) -> Result<Meeting> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_references(&mut tx, &fields).await?;
    let after = Meeting {
        id: id.clone(),
        fields,
    };
    let mut sql = Sql::new("UPDATE meetings SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    write_attendees(&mut tx, &after).await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        "meeting",
        id.as_str(),
        Some(&before),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a meeting and its action items (plan actions made from them stay).
/// Recommendations from it stay, without a source meeting.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &MeetingId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM meetings WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        actor,
        Action::Delete,
        "meeting",
        id.as_str(),
        Some(&before),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The action items of a meeting, in the order they were added.
#[tracing::instrument(skip(db))]
pub async fn actions(db: &Db, meeting: &MeetingId) -> Result<Vec<ActionItem>> {
    let rows = sqlx::query(
        "SELECT id, meeting_id, text, owner_kind, owner_id, due_date, plan_item_id \
         FROM meeting_actions WHERE meeting_id = $1 ORDER BY id",
    )
    .bind(meeting.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(action_item).collect()
}

/// One action item.
#[tracing::instrument(skip(db))]
pub async fn action(db: &Db, id: &MeetingActionId) -> Result<ActionItem> {
    let row = sqlx::query(
        "SELECT id, meeting_id, text, owner_kind, owner_id, due_date, plan_item_id \
         FROM meeting_actions WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?
    .ok_or(StoreError::NotFound)?;
    action_item(&row)
}

/// Adds an action item to a meeting.
#[tracing::instrument(skip(db, fields))]
pub async fn add_action(
    db: &Db,
    actor: &Actor,
    meeting: &MeetingId,
    fields: ActionItemFields,
) -> Result<ActionItem> {
    let mut tx = db.begin_write().await?;
    if !exists(&mut tx, "meetings", "id", meeting.as_str()).await? {
        return Err(StoreError::NotFound);
    }
    check_owner(&mut tx, fields.owner.as_ref()).await?;
    let item = ActionItem {
        id: MeetingActionId::new(),
        meeting: meeting.clone(),
        fields,
        plan_item: None,
    };
    let f = &item.fields;
    let mut sql = Sql::new(
        "INSERT INTO meeting_actions (id, meeting_id, text, owner_kind, owner_id, due_date, created_at) VALUES (",
    );
    sql.bind_text(item.id.as_str())
        .push(", ")
        .bind_text(meeting.as_str())
        .push(", ")
        .bind_text(f.text.as_str())
        .push(", ")
        .bind(
            f.owner
                .as_ref()
                .map_or(Arg::Null, |o| Arg::Text(o.kind().to_owned())),
        )
        .push(", ")
        .bind(
            f.owner
                .as_ref()
                .map_or(Arg::Null, |o| Arg::Text(o.id().to_owned())),
        )
        .push(", ")
        .bind(f.due.map_or(Arg::Null, |d| Arg::Text(d.to_string())))
        .push(", ")
        .bind_int(crate::now_ms())
        .push(")");
    sql.query().execute(&mut *tx).await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        "meeting_action",
        item.id.as_str(),
        None,
        Some(&item),
    )
    .await?;
    tx.commit().await?;
    Ok(item)
}

/// Makes action item `id` an action of a plan, under initiative `parent`, and links
/// it. The plan's rules apply (a parent that is no initiative, or a due date outside
/// it, is refused naming the field); an item that already became one names `parent`.
#[tracing::instrument(skip(db))]
pub async fn make_plan_item(
    db: &Db,
    actor: &Actor,
    id: &MeetingActionId,
    parent: &PlanItemId,
    lang: Lang,
) -> Result<PlanItem> {
    let item = action(db, id).await?;
    let fields = item
        .plan_action(parent, lang)
        .map_err(StoreError::Invalid)?;
    let created = crate::plans::create(db, actor, fields).await?;
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE meeting_actions SET plan_item_id = $1 WHERE id = $2 AND plan_item_id IS NULL",
    )
    .bind(created.id.as_str().to_owned())
    .bind(id.as_str().to_owned())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        // Someone made it a plan action at the same moment: undo ours.
        tx.rollback().await?;
        crate::plans::delete(db, actor, &created.id).await?;
        return Err(StoreError::Invalid(Invalid::new(
            "parent",
            Problem::AlreadyPlanned,
        )));
    }
    let after = ActionItem {
        plan_item: Some(created.id.clone()),
        ..item.clone()
    };
    record(
        &mut tx,
        actor,
        Action::Update,
        "meeting_action",
        id.as_str(),
        Some(&item),
        Some(&after),
    )
    .await?;
    tx.commit().await?;
    Ok(created)
}

/// Leaves the action items owned by group `group` without an owner, audited.
pub(crate) async fn drop_group_owner(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    group: &GroupId,
) -> Result<()> {
    let rows = sqlx::query(
        "SELECT id, meeting_id, text, owner_kind, owner_id, due_date, plan_item_id \
         FROM meeting_actions WHERE owner_kind = 'group' AND owner_id = $1 ORDER BY id",
    )
    .bind(group.as_str().to_owned())
    .fetch_all(&mut **tx)
    .await?;
    for row in &rows {
        let before = action_item(row)?;
        let mut after = before.clone();
        after.fields.owner = None;
        sqlx::query("UPDATE meeting_actions SET owner_kind = NULL, owner_id = NULL WHERE id = $1")
            .bind(before.id.as_str().to_owned())
            .execute(&mut **tx)
            .await?;
        record(
            tx,
            actor,
            Action::Update,
            "meeting_action",
            before.id.as_str(),
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    Ok(())
}

async fn check_references(tx: &mut Transaction<'_, Any>, f: &MeetingFields) -> Result<()> {
    let unknown = |field| StoreError::Invalid(Invalid::new(field, Problem::UnknownValue));
    if let Some(group) = &f.group
        && !exists(tx, "working_groups", "id", group.as_str()).await?
    {
        return Err(unknown("group"));
    }
    for person in &f.people {
        if !exists(tx, "people", "id", person.as_str()).await? {
            return Err(unknown("people"));
        }
    }
    for org in &f.organisations {
        if !exists(tx, "organisations", "id", org.as_str()).await? {
            return Err(unknown("organisations"));
        }
    }
    Ok(())
}

/// Refuses, naming `owner`, an owner that does not exist.
pub(crate) async fn check_owner(
    tx: &mut Transaction<'_, Any>,
    owner: Option<&Owner>,
) -> Result<()> {
    let found = match owner {
        None => true,
        Some(Owner::Group(id)) => exists(tx, "working_groups", "id", id.as_str()).await?,
        Some(Owner::Organisation(id)) => exists(tx, "organisations", "id", id.as_str()).await?,
        Some(Owner::Person(id)) => exists(tx, "people", "id", id.as_str()).await?,
    };
    if found {
        Ok(())
    } else {
        Err(StoreError::Invalid(Invalid::new(
            "owner",
            Problem::UnknownValue,
        )))
    }
}

/// Makes the link tables hold exactly the meeting's attendees.
async fn write_attendees(tx: &mut Transaction<'_, Any>, m: &Meeting) -> Result<()> {
    let id = m.id.as_str();
    let people = m.fields.people.iter().map(PersonId::as_str);
    replace_links(tx, "meeting_people", "meeting_id", id, "person_id", people).await?;
    let orgs = m.fields.organisations.iter().map(OrganisationId::as_str);
    replace_links(
        tx,
        "meeting_organisations",
        "meeting_id",
        id,
        "organisation_id",
        orgs,
    )
    .await
}

async fn record<T: serde::Serialize>(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    entity: &'static str,
    id: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity,
            entity_id: id,
            before,
            after,
        },
    )
    .await
}

const VALUE_COLUMNS: [&str; 13] = [
    "kind",
    "title",
    "title_lang",
    "titles",
    "start_at",
    "time_zone",
    "duration",
    "link",
    "place",
    "group_id",
    "agenda",
    "minutes",
    "decisions",
];

fn values(f: &MeetingFields) -> Result<[Arg; 13]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    let opt = |v: &Option<String>| v.as_deref().map_or(Arg::Null, text);
    Ok([
        text(f.kind.as_str()),
        text(&f.title),
        text(f.title_lang.as_str()),
        Arg::Text(json(&f.titles, "meetings.titles")?),
        Arg::Int(f.start.millis()),
        text(f.start.zone.name()),
        Arg::Int(i64::from(f.duration)),
        opt(&f.link),
        opt(&f.place),
        f.group.as_ref().map_or(Arg::Null, |g| text(g.as_str())),
        Arg::Text(json(&f.agenda, "meetings.agenda")?),
        opt(&f.minutes),
        Arg::Text(json(&f.decisions, "meetings.decisions")?),
    ])
}

async fn meeting(conn: &mut sqlx::AnyConnection, row: &AnyRow) -> Result<Meeting> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    let id = MeetingId::from_stored(text("id")?);
    let titles: BTreeMap<Lang, String> = from_json(&text("titles")?, "meetings.titles")?;
    let people = sqlx::query(
        "SELECT person_id FROM meeting_people WHERE meeting_id = $1 ORDER BY person_id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok(PersonId::from_stored(r.try_get("person_id")?)))
    .collect::<Result<Vec<_>>>()?;
    let organisations = sqlx::query(
        "SELECT organisation_id FROM meeting_organisations WHERE meeting_id = $1 ORDER BY organisation_id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(|r| Ok(OrganisationId::from_stored(r.try_get("organisation_id")?)))
    .collect::<Result<Vec<_>>>()?;
    Ok(Meeting {
        id,
        fields: MeetingFields {
            kind: MeetingKind::parse(&text("kind")?)
                .map_err(|_| StoreError::Corrupt("meetings.kind"))?,
            title: text("title")?,
            title_lang: LanguageCode::from_stored(text("title_lang")?),
            titles,
            start: Start::from_stored(row.try_get("start_at")?, &text("time_zone")?),
            duration: u16::try_from(row.try_get::<i64, _>("duration")?)
                .map_err(|_| StoreError::Corrupt("meetings.duration"))?,
            link: row.try_get("link")?,
            place: row.try_get("place")?,
            group: row
                .try_get::<Option<String>, _>("group_id")?
                .map(GroupId::from_stored),
            agenda: from_json(&text("agenda")?, "meetings.agenda")?,
            people,
            organisations,
            minutes: row.try_get("minutes")?,
            decisions: from_json(&text("decisions")?, "meetings.decisions")?,
        },
    })
}

fn action_item(row: &AnyRow) -> Result<ActionItem> {
    let owner = match (
        row.try_get::<Option<String>, _>("owner_kind")?,
        row.try_get::<Option<String>, _>("owner_id")?,
    ) {
        (Some(kind), Some(id)) => {
            Owner::parse(&kind, &id).map_err(|_| StoreError::Corrupt("meeting_actions.owner"))?
        }
        _ => None,
    };
    Ok(ActionItem {
        id: MeetingActionId::from_stored(row.try_get("id")?),
        meeting: MeetingId::from_stored(row.try_get("meeting_id")?),
        fields: ActionItemFields {
            text: row.try_get("text")?,
            owner,
            due: row
                .try_get::<Option<String>, _>("due_date")?
                .map(|d| {
                    chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                        .map_err(|_| StoreError::Corrupt("meeting_actions.due_date"))
                })
                .transpose()?,
        },
        plan_item: row
            .try_get::<Option<String>, _>("plan_item_id")?
            .map(PlanItemId::from_stored),
    })
}
