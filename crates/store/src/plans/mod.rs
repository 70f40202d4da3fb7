//! Plans: items of the plan → objective → initiative → action tree, the dependencies
//! between actions, and (in `indicators`) the indicators that measure them.
//!
//! Every rule is core's (`tadamun_core::plans`); this module reads what a rule needs
//! (the parent, the children, the plan's other actions) in the transaction that writes.

pub mod indicators;
mod lists;
mod summaries;

pub use lists::{InPlan, needing_attention, open_actions_of};
pub use summaries::{PlanSummary, summaries};

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::ids::{OrganisationId, PersonId, PlanItemId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::plans::tree::{
    check_contains_children, check_dependency, check_dependency_dates, check_within_parent,
};
use tadamun_core::plans::{
    Dates, Dependency, Level, Node, Owner, Percent, PlanItem, PlanItemFields, Status, Tree, Weight,
};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::versions::Area;

const COLUMNS: &str = "id, plan_id, level, parent_id, title, title_lang, titles, description, owner_kind, \
     owner_id, start_date, due_date, status, weight, percent";

/// A plan's whole tree: its items, the dependencies between its actions, and the
/// progress of the indicators of each item.
#[derive(Debug, Clone)]
pub struct PlanTree {
    /// Every item, the plan first, then in creation order.
    pub items: Vec<PlanItem>,
    /// "after waits for before".
    pub dependencies: Vec<Dependency>,
    /// Progress (0–100) of every item that has any, rolled up.
    pub progress: HashMap<PlanItemId, f64>,
    /// The indicators of the plan's items, with their current measurements.
    pub indicators: Vec<indicators::Measured>,
}

/// Every plan (the roots of the trees), newest first.
#[tracing::instrument(skip(db))]
pub async fn plans(db: &Db) -> Result<Vec<PlanItem>> {
    let rows: Vec<ItemRow> = Sql::new(&format!(
        "SELECT {COLUMNS} FROM plan_items WHERE level = 'plan'"
    ))
    .into_json_rows(db.backend(), COLUMNS)
    .fetch_json(db.pool())
    .await?;
    let mut plans = rows.into_iter().map(item).collect::<Result<Vec<_>>>()?;
    plans.sort_by(|a, b| b.id.cmp(&a.id));
    Ok(plans)
}

/// One item.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &PlanItemId) -> Result<PlanItem> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, db.backend(), id).await
}

async fn read(
    conn: &mut sqlx::AnyConnection,
    backend: crate::db::Backend,
    id: &PlanItemId,
) -> Result<PlanItem> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM plan_items WHERE id = "));
    sql.bind_text(id.as_str());
    let row: ItemRow = sql
        .into_json_rows(backend, COLUMNS)
        .fetch_json(&mut *conn)
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    item(row)
}

/// The plan that `id` belongs to (`id` itself for a plan).
pub async fn plan_of(db: &Db, id: &PlanItemId) -> Result<PlanItemId> {
    let row = sqlx::query("SELECT plan_id FROM plan_items WHERE id = $1")
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(PlanItemId::from_stored(row.try_get("plan_id")?))
}

/// The tree of the plan that `id` is or belongs to. A plan's own id, as pages about
/// a plan are asked for, finds its kept tree without a query of its own.
pub async fn tree_containing(db: &Db, id: &PlanItemId) -> Result<Arc<PlanTree>> {
    match tree(db, id).await {
        Err(StoreError::NotFound) => tree(db, &plan_of(db, id).await?).await,
        found => found,
    }
}

/// The whole tree of plan `plan`, with every item's rolled-up progress: read again
/// only when the plans' version has changed since it was last read.
#[tracing::instrument(skip(db))]
pub async fn tree(db: &Db, plan: &PlanItemId) -> Result<Arc<PlanTree>> {
    db.caches()
        .plan_trees
        .get_or_read(db, Area::Plans, plan, async || read_tree(db, plan).await)
        .await
}

async fn read_tree(db: &Db, plan: &PlanItemId) -> Result<PlanTree> {
    // The items last, as in `summaries`: the largest read, held across no await.
    let mut dependencies = dependencies_of(db.pool(), db.backend(), plan).await?;
    dependencies.sort_by(|a, b| (&a.before, &a.after).cmp(&(&b.before, &b.after)));
    let measured = indicators::of_plan(db, plan).await?;
    let mut items = items_of(db.pool(), db.backend(), plan).await?;
    if items.is_empty() {
        return Err(StoreError::NotFound);
    }
    // The plan first: its id is the oldest of the tree, but say so rather than rely on it.
    items.sort_by_key(|i| (i.fields.level != Level::Plan, i.id.clone()));
    let progress = Tree {
        nodes: items.iter().map(Node::of).collect(),
        indicators: indicators::progress_by_item(&measured),
    }
    .progress();
    Ok(PlanTree {
        items,
        dependencies,
        progress,
        indicators: measured,
    })
}

/// Every item of plan `plan`, in no particular order.
async fn items_of<'e>(
    executor: impl sqlx::Executor<'e, Database = Any>,
    backend: crate::db::Backend,
    plan: &PlanItemId,
) -> Result<Vec<PlanItem>> {
    let mut sql = Sql::new(&format!(
        "SELECT {COLUMNS} FROM plan_items WHERE plan_id = "
    ));
    sql.bind_text(plan.as_str());
    let rows: Vec<ItemRow> = sql
        .into_json_rows(backend, COLUMNS)
        .fetch_json(executor)
        .await?;
    rows.into_iter().map(item).collect()
}

/// The dependencies between the actions of plan `plan`, in no particular order.
async fn dependencies_of<'e>(
    executor: impl sqlx::Executor<'e, Database = Any>,
    backend: crate::db::Backend,
    plan: &PlanItemId,
) -> Result<Vec<Dependency>> {
    let mut sql = Sql::new(
        "SELECT d.before_id, d.after_id FROM plan_dependencies d \
         JOIN plan_items i ON i.id = d.after_id WHERE i.plan_id = ",
    );
    sql.bind_text(plan.as_str());
    let rows: Vec<(String, String)> = sql
        .into_json_rows(backend, "before_id, after_id")
        .fetch_json(executor)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(before, after)| Dependency {
            before: PlanItemId::from_stored(before),
            after: PlanItemId::from_stored(after),
        })
        .collect())
}

/// Adds an item under its parent (a plan has none), checking its level and that its
/// dates fall within the parent's.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: PlanItemFields) -> Result<PlanItem> {
    let mut tx = db.begin_write().await?;
    let id = PlanItemId::new();
    let plan_id = match &fields.parent {
        None => {
            fields
                .level
                .check_parent(None)
                .map_err(StoreError::Invalid)?;
            id.clone()
        }
        Some(parent_id) => {
            let parent = read(&mut tx, db.backend(), parent_id)
                .await
                .map_err(|e| match e {
                    StoreError::NotFound => StoreError::Invalid(tadamun_core::Invalid::new(
                        "parent",
                        tadamun_core::Problem::UnknownValue,
                    )),
                    other => other,
                })?;
            fields
                .level
                .check_parent(Some(parent.fields.level))
                .map_err(StoreError::Invalid)?;
            check_within_parent(fields.dates, parent.fields.dates).map_err(StoreError::Invalid)?;
            plan_of_row(&mut tx, parent_id).await?
        }
    };
    check_owner(&mut tx, fields.owner.as_ref()).await?;
    let item = PlanItem { id, fields };
    let now = crate::now_ms();
    let mut sql = crate::sql::Sql::new(
        "INSERT INTO plan_items (id, plan_id, created_at, updated_at, level, parent_id, title, title_lang, \
         titles, description, owner_kind, owner_id, start_date, due_date, status, weight, percent) VALUES (",
    );
    sql.bind_text(item.id.as_str())
        .push(", ")
        .bind_text(plan_id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now);
    for value in values(&item.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    record(&mut tx, actor, Action::Create, &item.id, None, Some(&item)).await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::PlanItem,
        item.id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(item)
}

/// Replaces an item's details. Its level and parent stay; its dates must still fall
/// within its parent's, hold its children's, and keep its dependencies in order.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &PlanItemId,
    mut fields: PlanItemFields,
) -> Result<PlanItem> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, db.backend(), id).await?;
    fields.level = before.fields.level;
    fields.parent = before.fields.parent.clone();
    if fields.owner != before.fields.owner {
        check_owner(&mut tx, fields.owner.as_ref()).await?;
    }
    if let Some(parent_id) = &fields.parent {
        let parent = read(&mut tx, db.backend(), parent_id).await?;
        check_within_parent(fields.dates, parent.fields.dates).map_err(StoreError::Invalid)?;
    }
    let children = sqlx::query("SELECT start_date, due_date FROM plan_items WHERE parent_id = $1")
        .bind(id.as_str().to_owned())
        .fetch_all(&mut *tx)
        .await?
        .iter()
        .map(|row| {
            Ok(Dates {
                start: day(row.try_get("start_date")?, "plan_items.start_date")?,
                due: day(row.try_get("due_date")?, "plan_items.due_date")?,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    check_contains_children(fields.dates, children).map_err(StoreError::Invalid)?;
    if fields.level == Level::Action {
        let plan = plan_of_row(&mut tx, id).await?;
        let (nodes, edges) = nodes_and_edges(&mut tx, db.backend(), &plan).await?;
        check_dependency_dates(&nodes, &edges, id, fields.dates).map_err(StoreError::Invalid)?;
    }
    let after = PlanItem {
        id: id.clone(),
        fields,
    };
    let mut sql = crate::sql::Sql::new("UPDATE plan_items SET updated_at = ");
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
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::PlanItem, id.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes an item and everything under it.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &PlanItemId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, db.backend(), id).await?;
    sqlx::query("DELETE FROM plan_items WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    crate::search::purge(&mut tx, tadamun_core::search::Kind::PlanItem).await?;
    tx.commit().await?;
    Ok(())
}

/// Makes action `after` wait for action `before` ("B starts after A ends"): both in
/// the same plan, no cycle, and `after` not starting before `before` is due.
#[tracing::instrument(skip(db))]
pub async fn add_dependency(db: &Db, actor: &Actor, new: Dependency) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let plan = plan_of_row(&mut tx, &new.after).await?;
    let (nodes, edges) = nodes_and_edges(&mut tx, db.backend(), &plan).await?;
    check_dependency(&nodes, &edges, &new).map_err(StoreError::Invalid)?;
    if !edges.contains(&new) {
        sqlx::query("INSERT INTO plan_dependencies (before_id, after_id) VALUES ($1, $2)")
            .bind(new.before.as_str().to_owned())
            .bind(new.after.as_str().to_owned())
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Change {
                actor,
                action: Action::Create,
                entity: "plan_dependency",
                entity_id: new.after.as_str(),
                before: None,
                after: Some(&new),
            },
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// Ends a dependency.
#[tracing::instrument(skip(db))]
pub async fn remove_dependency(db: &Db, actor: &Actor, gone: Dependency) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query("DELETE FROM plan_dependencies WHERE before_id = $1 AND after_id = $2")
        .bind(gone.before.as_str().to_owned())
        .bind(gone.after.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Delete,
            entity: "plan_dependency",
            entity_id: gone.after.as_str(),
            before: Some(&gone),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Refuses, naming the `owner` field, an owner that does not exist.
async fn check_owner(tx: &mut Transaction<'_, Any>, owner: Option<&Owner>) -> Result<()> {
    let Some(owner) = owner else {
        return Ok(());
    };
    let table = match owner {
        Owner::Group(_) => "working_groups",
        Owner::Organisation(_) => "organisations",
        Owner::Person(_) => "people",
    };
    if crate::groups::exists(tx, table, "id", owner.id()).await? {
        Ok(())
    } else {
        Err(StoreError::Invalid(tadamun_core::Invalid::new(
            "owner",
            tadamun_core::Problem::UnknownValue,
        )))
    }
}

async fn plan_of_row(tx: &mut Transaction<'_, Any>, id: &PlanItemId) -> Result<PlanItemId> {
    let row = sqlx::query("SELECT plan_id FROM plan_items WHERE id = $1")
        .bind(id.as_str().to_owned())
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(StoreError::Invalid(tadamun_core::Invalid::new(
            "depends_on",
            tadamun_core::Problem::UnknownValue,
        )))?;
    Ok(PlanItemId::from_stored(row.try_get("plan_id")?))
}

async fn nodes_and_edges(
    tx: &mut Transaction<'_, Any>,
    backend: crate::db::Backend,
    plan: &PlanItemId,
) -> Result<(Vec<Node>, Vec<Dependency>)> {
    let nodes = items_of(&mut **tx, backend, plan)
        .await?
        .iter()
        .map(Node::of)
        .collect();
    let edges = dependencies_of(&mut **tx, backend, plan).await?;
    Ok((nodes, edges))
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &PlanItemId,
    before: Option<&PlanItem>,
    after: Option<&PlanItem>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "plan_item",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

/// The columns `values` fills, in order.
const VALUE_COLUMNS: [&str; 13] = [
    "level",
    "parent_id",
    "title",
    "title_lang",
    "titles",
    "description",
    "owner_kind",
    "owner_id",
    "start_date",
    "due_date",
    "status",
    "weight",
    "percent",
];

fn values(f: &PlanItemFields) -> Result<[crate::sql::Arg; 13]> {
    use crate::sql::Arg;
    let text = |v: &str| Arg::Text(v.to_owned());
    let date = |d: Option<chrono::NaiveDate>| d.map_or(Arg::Null, |d| Arg::Text(d.to_string()));
    Ok([
        text(f.level.as_str()),
        f.parent.as_ref().map_or(Arg::Null, |p| text(p.as_str())),
        text(&f.title),
        text(f.title_lang.as_str()),
        Arg::Text(
            serde_json::to_string(&f.titles)
                .map_err(|_| StoreError::Corrupt("plan_items.titles"))?,
        ),
        f.description.as_deref().map_or(Arg::Null, text),
        f.owner.as_ref().map_or(Arg::Null, |o| text(o.kind())),
        f.owner.as_ref().map_or(Arg::Null, |o| text(o.id())),
        date(f.dates.start),
        date(f.dates.due),
        text(f.status.as_str()),
        Arg::Int(i64::from(f.weight.get())),
        f.percent
            .map_or(Arg::NullInt, |p| Arg::Int(i64::from(p.get()))),
    ])
}

pub(super) fn day(raw: Option<String>, what: &'static str) -> Result<Option<chrono::NaiveDate>> {
    raw.map(|d| {
        d.parse::<chrono::NaiveDate>()
            .map_err(|_| StoreError::Corrupt(what))
    })
    .transpose()
}

/// A `plan_items` row as [`COLUMNS`] lists it, read from JSON rows
/// ([`Sql::into_json_rows`]).
#[derive(serde::Deserialize)]
pub(super) struct ItemRow(
    String,
    pub(super) String,
    String,
    Option<String>,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    i64,
    Option<i64>,
);

fn item(row: ItemRow) -> Result<PlanItem> {
    let ItemRow(
        id,
        _plan,
        level,
        parent,
        title,
        title_lang,
        titles,
        description,
        owner_kind,
        owner_id,
        start,
        due,
        status,
        weight,
        percent,
    ) = row;
    let corrupt = |what| move |_| StoreError::Corrupt(what);
    let owner = match (owner_kind, owner_id) {
        (Some(kind), Some(id)) => match kind.as_str() {
            "organisation" => Some(Owner::Organisation(OrganisationId::from_stored(id))),
            "person" => Some(Owner::Person(PersonId::from_stored(id))),
            _ => Some(Owner::Group(tadamun_core::ids::GroupId::from_stored(id))),
        },
        _ => None,
    };
    let titles: BTreeMap<tadamun_core::i18n::Lang, String> =
        serde_json::from_str(&titles).map_err(|_| StoreError::Corrupt("plan_items.titles"))?;
    Ok(PlanItem {
        id: PlanItemId::from_stored(id),
        fields: PlanItemFields {
            level: Level::parse(&level).map_err(corrupt("plan_items.level"))?,
            parent: parent.map(PlanItemId::from_stored),
            title,
            title_lang: LanguageCode::from_stored(title_lang),
            titles,
            description,
            owner,
            dates: Dates {
                start: day(start, "plan_items.start_date")?,
                due: day(due, "plan_items.due_date")?,
            },
            status: Status::parse(&status).map_err(corrupt("plan_items.status"))?,
            weight: Weight::from_stored(weight),
            percent: percent.map(Percent::from_stored),
        },
    })
}
