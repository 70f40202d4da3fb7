//! Organisations, and (in `outreach`) the pipeline they move through.

pub mod outreach;

use sqlx::Row as _;
use sqlx::any::AnyRow;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::{
    CountryCode, Kind, Organisation, OrganisationFields, Outreach, Stage,
};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::search::normalise;
use tadamun_core::visibility::{Named, Viewer, Visibility, can_see};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::visibility::{Naming, push_scope};

/// An organisation's members are the people named on it.
pub(crate) const NAMING: Naming<'static> = Naming {
    visibility: "visibility",
    organisation: Some("id"),
    users: None,
};

pub(crate) const COLUMNS: &str = "id, name, kind, country, city, website, description, visibility, stage, owner_id, \
                       next_step, next_step_due";

/// What an organisation list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct OrganisationFilter {
    /// Words that must all appear in the name or city (any script, any accents).
    pub text: Option<String>,
    /// Only this country.
    pub country: Option<CountryCode>,
    /// Only countries of this UN M49 region or sub-region.
    pub region: Option<&'static tadamun_core::geo::Region>,
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only this outreach stage.
    pub stage: Option<Stage>,
}

impl OrganisationFilter {
    pub(crate) fn push(&self, sql: &mut Sql) {
        if let Some(text) = &self.text {
            for word in normalise(text).split(' ').filter(|w| !w.is_empty()) {
                sql.push(" AND search_text LIKE ")
                    .bind_text(format!("%{word}%"));
            }
        }
        if let Some(country) = &self.country {
            sql.push(" AND country = ").bind_text(country.as_str());
        }
        if let Some(kind) = self.kind {
            sql.push(" AND kind = ").bind_text(kind.as_str());
        }
        if let Some(stage) = self.stage {
            sql.push(" AND stage = ").bind_text(stage.as_str());
        }
        if let Some(region) = self.region {
            sql.push(" AND country IN ('--'");
            for country in tadamun_core::geo::countries_in(region.m49) {
                sql.push(", ").bind_text(country.code);
            }
            sql.push(")");
        }
    }
}

/// The stored search form of an organisation.
fn search_text(fields: &OrganisationFields) -> String {
    normalise(&format!(
        "{} {}",
        fields.name,
        fields.city.as_deref().unwrap_or_default()
    ))
}

/// Organisations `viewer` may see that match `filter`, oldest first.
#[tracing::instrument(skip(db, viewer))]
pub async fn list(
    db: &Db,
    viewer: &Viewer,
    filter: &OrganisationFilter,
    page: &PageRequest,
) -> Result<Page<Organisation>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM organisations WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql);
    if let Some(after) = &page.after {
        sql.push(" AND id > ").bind_text(after.clone());
    }
    sql.push(" ORDER BY id LIMIT ").bind_int(page.limit + 1);
    let rows = sql.query().fetch_all(db.pool()).await?;
    let orgs = rows.iter().map(organisation).collect::<Result<Vec<_>>>()?;
    Ok(Page::from_rows(orgs, page.limit, |o| o.id.as_str()))
}

/// Every organisation `viewer` may see that matches `filter`, oldest first, for
/// exports.
#[tracing::instrument(skip(db, viewer))]
pub async fn all(
    db: &Db,
    viewer: &Viewer,
    filter: &OrganisationFilter,
) -> Result<Vec<Organisation>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM organisations WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql);
    sql.push(" ORDER BY id");
    let rows = sql.query().fetch_all(db.pool()).await?;
    rows.iter().map(organisation).collect()
}

/// Every organisation by name, for pickers (coordinators and admins only see all;
/// others see what their scope allows).
pub async fn all_names(db: &Db, viewer: &Viewer) -> Result<Vec<(OrganisationId, String)>> {
    let mut sql = Sql::new("SELECT id, name FROM organisations WHERE 1 = 1");
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    sql.push(" ORDER BY name");
    let rows = sql.query().fetch_all(db.pool()).await?;
    rows.iter()
        .map(|r| {
            Ok((
                OrganisationId::from_stored(r.try_get("id")?),
                r.try_get("name")?,
            ))
        })
        .collect()
}

/// One organisation, if it exists and `viewer` may see it.
#[tracing::instrument(skip(db, viewer))]
pub async fn get(db: &Db, viewer: &Viewer, id: &OrganisationId) -> Result<Organisation> {
    let org = get_any(db, id).await?;
    let named = Named {
        users: vec![],
        organisation: Some(org.id.clone()),
    };
    if can_see(viewer, org.fields.visibility, &named) {
        Ok(org)
    } else {
        Err(StoreError::NotFound)
    }
}

pub(crate) async fn get_any(db: &Db, id: &OrganisationId) -> Result<Organisation> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM organisations WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    organisation(&row)
}

/// Adds an organisation at `stage` of the pipeline, starting its stage history.
#[tracing::instrument(skip(db, fields))]
pub async fn create(
    db: &Db,
    actor: &Actor,
    fields: OrganisationFields,
    stage: Stage,
) -> Result<Organisation> {
    let org = Organisation {
        id: OrganisationId::new(),
        fields,
        stage,
        outreach: Outreach::default(),
    };
    let now = crate::now_ms();
    let mut tx = db.pool().begin().await?;
    sqlx::query(
        "INSERT INTO organisations (id, name, kind, country, city, website, description, visibility, search_text, \
         name_key, stage, stage_changed_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $12)",
    )
    .bind(org.id.as_str().to_owned())
    .bind(org.fields.name.clone())
    .bind(org.fields.kind.as_str())
    .bind(org.fields.country.as_str().to_owned())
    .bind(org.fields.city.clone())
    .bind(org.fields.website.clone())
    .bind(org.fields.description.clone())
    .bind(org.fields.visibility.as_str())
    .bind(search_text(&org.fields))
    .bind(normalise(&org.fields.name))
    .bind(stage.as_str())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    outreach::record_change(&mut tx, actor, &org.id, None, stage, None).await?;
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Create,
            entity: "organisation",
            entity_id: org.id.as_str(),
            before: None,
            after: Some(&org),
        },
    )
    .await?;
    tx.commit().await?;
    Ok(org)
}

/// The organisation with the same name (after normalisation) in the same country, if
/// one exists: creating another is probably a mistake.
pub async fn find_duplicate(db: &Db, fields: &OrganisationFields) -> Result<Option<Organisation>> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM organisations WHERE name_key = $1 AND country = $2 ORDER BY id LIMIT 1"
    ))
    .bind(normalise(&fields.name))
    .bind(fields.country.as_str().to_owned())
    .fetch_optional(db.pool())
    .await?;
    row.as_ref().map(organisation).transpose()
}

/// Replaces an organisation's details.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &OrganisationId,
    fields: OrganisationFields,
) -> Result<Organisation> {
    let mut tx = db.pool().begin().await?;
    let before = get_any(db, id).await?;
    let after = Organisation {
        fields,
        ..before.clone()
    };
    sqlx::query(
        "UPDATE organisations SET name = $2, country = $3, city = $4, website = $5, description = $6, \
         visibility = $7, updated_at = $8, search_text = $9, kind = $10, name_key = $11 WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .bind(after.fields.name.clone())
    .bind(after.fields.country.as_str().to_owned())
    .bind(after.fields.city.clone())
    .bind(after.fields.website.clone())
    .bind(after.fields.description.clone())
    .bind(after.fields.visibility.as_str())
    .bind(crate::now_ms())
    .bind(search_text(&after.fields))
    .bind(after.fields.kind.as_str())
    .bind(normalise(&after.fields.name))
    .execute(&mut *tx)
    .await?;
    record_update(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

/// Appends the audit row of a change to an organisation inside `tx`.
pub(crate) async fn record_update(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    before: &Organisation,
    after: &Organisation,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action: Action::Update,
            entity: "organisation",
            entity_id: after.id.as_str(),
            before: Some(before),
            after: Some(after),
        },
    )
    .await
}

/// Removes an organisation; its members keep their accounts without an organisation.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &OrganisationId) -> Result<()> {
    let mut tx = db.pool().begin().await?;
    let before = get_any(db, id).await?;
    sqlx::query("DELETE FROM organisations WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    audit::record(
        &mut tx,
        Change {
            actor,
            action: Action::Delete,
            entity: "organisation",
            entity_id: id.as_str(),
            before: Some(&before),
            after: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// How many organisations `viewer` may see.
pub async fn count_visible(db: &Db, viewer: &Viewer) -> Result<i64> {
    let mut sql = Sql::new("SELECT COUNT(*) FROM organisations WHERE 1 = 1");
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    let row = sql.query().fetch_one(db.pool()).await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// How many organisations exist, whatever their visibility.
pub async fn count(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM organisations")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

pub(crate) fn organisation(row: &AnyRow) -> Result<Organisation> {
    let text = |column: &str| -> Result<String> { Ok(row.try_get::<String, _>(column)?) };
    let corrupt = |what| move |_| StoreError::Corrupt(what);
    let due: Option<String> = row.try_get("next_step_due")?;
    Ok(Organisation {
        id: OrganisationId::from_stored(text("id")?),
        fields: OrganisationFields {
            name: text("name")?,
            kind: Kind::parse(&text("kind")?).map_err(corrupt("organisations.kind"))?,
            country: CountryCode::from_stored(text("country")?),
            city: row.try_get("city")?,
            website: row.try_get("website")?,
            description: row.try_get("description")?,
            visibility: Visibility::parse(&text("visibility")?)
                .map_err(corrupt("organisations.visibility"))?,
        },
        stage: Stage::parse(&text("stage")?).map_err(corrupt("organisations.stage"))?,
        outreach: Outreach {
            owner: row
                .try_get::<Option<String>, _>("owner_id")?
                .map(UserId::from_stored),
            next_step: row.try_get("next_step")?,
            next_step_due: due
                .as_deref()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
        },
    })
}
