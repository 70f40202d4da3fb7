//! Working groups and their members; their meetings (`meetings`) and the
//! recommendations register (`recommendations`). A group's page gathers its meetings,
//! the plan items it owns with their progress, and its recommendations.

mod follow_up;
pub mod meetings;
pub mod recommendations;

use std::collections::{BTreeMap, HashMap};

use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::focus::FocusCode;
use tadamun_core::groups::{Group, GroupFields, Meeting, Recommendation};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, PersonId, PlanItemId, UserId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::plans::PlanItem;
use tadamun_core::{Invalid, Problem};

use crate::Db;
use crate::audit::{self, Change};
use crate::directory::{read_list, stored_list};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, replace_links};

const COLUMNS: &str = "id, name, name_lang, names, mandate, mandates, lead_id, focus, regions";

/// Everything a working group's page shows.
#[derive(Debug, Clone)]
pub struct GroupPage {
    /// The group.
    pub group: Group,
    /// Its meetings, latest first.
    pub meetings: Vec<Meeting>,
    /// The plan items it owns, with their rolled-up progress.
    pub items: Vec<(PlanItem, Option<f64>)>,
    /// The recommendations it answers for.
    pub recommendations: Vec<Recommendation>,
}

/// Every working group, by name.
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db) -> Result<Vec<Group>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM working_groups ORDER BY name, id"
    ))
    .fetch_all(db.pool())
    .await?;
    let mut conn = db.pool().acquire().await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in &rows {
        out.push(group(&mut conn, row).await?);
    }
    Ok(out)
}

/// How many working groups exist.
pub async fn count(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM working_groups")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// One group.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &GroupId) -> Result<Group> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &GroupId) -> Result<Group> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM working_groups WHERE id = $1"
    ))
    .bind(id.as_str().to_owned())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    group(conn, &row).await
}

/// A group's page: the group, its meetings, the plan items it owns with their
/// progress, and its recommendations.
#[tracing::instrument(skip(db))]
pub async fn page(db: &Db, id: &GroupId) -> Result<GroupPage> {
    let group = get(db, id).await?;
    let meetings = meetings::list(
        db,
        &meetings::MeetingFilter {
            group: Some(id.clone()),
            ..Default::default()
        },
    )
    .await?
    .into_iter()
    .rev()
    .collect();
    let rows = sqlx::query(
        "SELECT id FROM plan_items WHERE owner_kind = 'group' AND owner_id = $1 ORDER BY id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    let ids = rows
        .iter()
        .map(|r| Ok(PlanItemId::from_stored(r.try_get("id")?)))
        .collect::<Result<Vec<_>>>()?;
    let items = follow_up::items_with_progress(db, &ids).await?;
    let recommendations = recommendations::list(
        db,
        &recommendations::RecommendationFilter {
            group: Some(id.clone()),
            ..Default::default()
        },
    )
    .await?;
    Ok(GroupPage {
        group,
        meetings,
        items,
        recommendations,
    })
}

/// Adds a working group with its members.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: GroupFields) -> Result<Group> {
    let mut tx = db.begin_write().await?;
    check_references(&mut tx, &fields).await?;
    let group = Group {
        id: GroupId::new(),
        fields,
    };
    let now = crate::now_ms();
    let mut sql = crate::sql::Sql::new(
        "INSERT INTO working_groups (id, created_at, updated_at, name, name_lang, names, mandate, \
         mandates, lead_id, focus, regions) VALUES (",
    );
    sql.bind_text(group.id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now);
    for value in values(&group.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    write_members(&mut tx, &group).await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        &group.id,
        None,
        Some(&group),
    )
    .await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Group,
        group.id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(group)
}

/// Replaces a group's details and members.
#[tracing::instrument(skip(db, fields))]
pub async fn update(db: &Db, actor: &Actor, id: &GroupId, fields: GroupFields) -> Result<Group> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_references(&mut tx, &fields).await?;
    let after = Group {
        id: id.clone(),
        fields,
    };
    let mut sql = crate::sql::Sql::new("UPDATE working_groups SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    write_members(&mut tx, &after).await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Group, id.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a group. Its meetings and recommendations stay, without a group; the plan
/// items and action items it owned keep no owner (each change audited).
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &GroupId) -> Result<()> {
    let owned = sqlx::query(
        "SELECT id FROM plan_items WHERE owner_kind = 'group' AND owner_id = $1 ORDER BY id",
    )
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    let mut items = Vec::with_capacity(owned.len());
    for row in &owned {
        items.push(crate::plans::get(db, &PlanItemId::from_stored(row.try_get("id")?)).await?);
    }
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    for item in items {
        let after = PlanItem {
            fields: tadamun_core::plans::PlanItemFields {
                owner: None,
                ..item.fields.clone()
            },
            ..item.clone()
        };
        sqlx::query("UPDATE plan_items SET owner_kind = NULL, owner_id = NULL WHERE id = $1")
            .bind(item.id.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                actor,
                action: Action::Update,
                entity: "plan_item",
                entity_id: item.id.as_str(),
                before: Some(&item),
                after: Some(&after),
            },
        )
        .await?;
    }
    meetings::drop_group_owner(&mut tx, actor, id).await?;
    sqlx::query("DELETE FROM working_groups WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Group, id.as_str()).await?;
    tx.commit().await?;
    Ok(())
}

/// The groups user `user` belongs to.
#[tracing::instrument(skip(db))]
pub async fn of_user(db: &Db, user: &UserId) -> Result<Vec<GroupId>> {
    let rows = sqlx::query("SELECT group_id FROM group_users WHERE user_id = $1 ORDER BY group_id")
        .bind(user.as_str().to_owned())
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok(GroupId::from_stored(r.try_get("group_id")?)))
        .collect()
}

/// Whether a row with `id` exists in `table` (a constant of this crate).
pub(crate) async fn exists(
    tx: &mut Transaction<'_, Any>,
    table: &'static str,
    column: &'static str,
    id: &str,
) -> Result<bool> {
    Ok(
        crate::sql::dynamic(format!("SELECT 1 AS one FROM {table} WHERE {column} = $1"))
            .bind(id.to_owned())
            .fetch_optional(&mut **tx)
            .await?
            .is_some(),
    )
}

/// Refuses, naming the field, a lead, member, user or focus area that does not exist.
async fn check_references(tx: &mut Transaction<'_, Any>, f: &GroupFields) -> Result<()> {
    let unknown = |field| StoreError::Invalid(Invalid::new(field, Problem::UnknownValue));
    if let Some(lead) = &f.lead
        && !exists(tx, "people", "id", lead.as_str()).await?
    {
        return Err(unknown("lead"));
    }
    if let Some(focus) = &f.focus
        && !exists(tx, "focus_areas", "code", focus.as_str()).await?
    {
        return Err(unknown("focus"));
    }
    for person in &f.people {
        if !exists(tx, "people", "id", person.as_str()).await? {
            return Err(unknown("people"));
        }
    }
    for user in &f.users {
        if !exists(tx, "users", "id", user.as_str()).await? {
            return Err(unknown("users"));
        }
    }
    Ok(())
}

/// Makes the link tables hold exactly the group's members.
async fn write_members(tx: &mut Transaction<'_, Any>, group: &Group) -> Result<()> {
    let id = group.id.as_str();
    let people = group.fields.people.iter().map(PersonId::as_str);
    replace_links(tx, "group_people", "group_id", id, "person_id", people).await?;
    let users = group.fields.users.iter().map(UserId::as_str);
    replace_links(tx, "group_users", "group_id", id, "user_id", users).await
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &GroupId,
    before: Option<&Group>,
    after: Option<&Group>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "working_group",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

const VALUE_COLUMNS: [&str; 8] = [
    "name",
    "name_lang",
    "names",
    "mandate",
    "mandates",
    "lead_id",
    "focus",
    "regions",
];

fn values(f: &GroupFields) -> Result<[Arg; 8]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    Ok([
        text(&f.name),
        text(f.name_lang.as_str()),
        Arg::Text(json(&f.names, "working_groups.names")?),
        f.mandate.as_deref().map_or(Arg::Null, text),
        Arg::Text(json(&f.mandates, "working_groups.mandates")?),
        f.lead.as_ref().map_or(Arg::Null, |p| text(p.as_str())),
        f.focus.as_ref().map_or(Arg::Null, |c| text(c.as_str())),
        Arg::Text(stored_list(f.regions.iter().map(String::as_str))),
    ])
}

/// A value as JSON text, for a column that holds JSON.
pub(crate) fn json<T: serde::Serialize>(value: &T, what: &'static str) -> Result<String> {
    serde_json::to_string(value).map_err(|_| StoreError::Corrupt(what))
}

/// A JSON column read back.
pub(crate) fn from_json<T: serde::de::DeserializeOwned>(
    raw: &str,
    what: &'static str,
) -> Result<T> {
    serde_json::from_str(raw).map_err(|_| StoreError::Corrupt(what))
}

async fn group(conn: &mut sqlx::AnyConnection, row: &AnyRow) -> Result<Group> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    let id = GroupId::from_stored(text("id")?);
    let names: BTreeMap<Lang, String> = from_json(&text("names")?, "working_groups.names")?;
    let mandates: BTreeMap<Lang, String> =
        from_json(&text("mandates")?, "working_groups.mandates")?;
    let people =
        sqlx::query("SELECT person_id FROM group_people WHERE group_id = $1 ORDER BY person_id")
            .bind(id.as_str().to_owned())
            .fetch_all(&mut *conn)
            .await?
            .iter()
            .map(|r| Ok(PersonId::from_stored(r.try_get("person_id")?)))
            .collect::<Result<Vec<_>>>()?;
    let users = sqlx::query("SELECT user_id FROM group_users WHERE group_id = $1 ORDER BY user_id")
        .bind(id.as_str().to_owned())
        .fetch_all(&mut *conn)
        .await?
        .iter()
        .map(|r| Ok(UserId::from_stored(r.try_get("user_id")?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(Group {
        id,
        fields: GroupFields {
            name: text("name")?,
            name_lang: LanguageCode::from_stored(text("name_lang")?),
            names,
            mandate: row.try_get("mandate")?,
            mandates,
            lead: row
                .try_get::<Option<String>, _>("lead_id")?
                .map(PersonId::from_stored),
            focus: row
                .try_get::<Option<String>, _>("focus")?
                .map(FocusCode::from_stored),
            regions: read_list(&text("regions")?).collect(),
            people,
            users,
        },
    })
}

/// Every group's details by id, for lists that show which group a record has.
#[tracing::instrument(skip(db))]
pub async fn by_id(db: &Db) -> Result<HashMap<GroupId, GroupFields>> {
    Ok(list(db)
        .await?
        .into_iter()
        .map(|g| (g.id, g.fields))
        .collect())
}
