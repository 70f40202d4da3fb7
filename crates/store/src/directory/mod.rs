//! Organisations, the coalition's focus areas (`focus`), people (`people`), (in
//! `outreach`) the pipeline organisations move through, and (in `names`) the kept names
//! pickers and pages read.

pub mod focus;
pub mod import;
mod names;
pub mod outreach;
pub mod people;

pub(crate) use names::Names;
pub use names::{all_names, names_matching, names_of};

use sqlx::Row as _;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::{
    CountryCode, FocusCode, Kind, Organisation, OrganisationFields, Outreach, Stage,
};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::search::normalise;
use tadamun_core::visibility::{Named, Viewer, Visibility, can_see};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Columns, JsonRows, Sql};
use crate::versions::Area;
use crate::visibility::{Naming, SeenBy, push_scope};

/// An organisation's members are the people named on it.
pub(crate) const NAMING: Naming<'static> = Naming {
    visibility: "visibility",
    organisation: Some("id"),
    users: None,
};

pub(crate) const COLUMNS: &str = "id, name, name_lang, names, kind, country, city, website, description, \
     focus_areas, languages, visibility, stage, owner_id, next_step, next_step_due";

/// What an organisation list is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
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
    /// Only organisations working on this focus area.
    pub focus: Option<FocusCode>,
    /// Only organisations working in this language.
    pub language: Option<LanguageCode>,
}

impl OrganisationFilter {
    pub(crate) fn push(&self, sql: &mut Sql) {
        if let Some(text) = &self.text {
            push_words(sql, "search_text", text);
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
        if let Some(focus) = &self.focus {
            sql.push(" AND focus_areas LIKE ")
                .bind_text(format!("%;{};%", focus.as_str()));
        }
        if let Some(language) = &self.language {
            sql.push(" AND languages LIKE ")
                .bind_text(format!("%;{};%", language.as_str()));
        }
        if let Some(region) = self.region {
            push_region(sql, region);
        }
    }
}

/// Narrows `sql` to rows whose `column` (an organisation's stored search form, see
/// [`search_text`]) holds every word of `text`, in any script and with any accents.
pub(crate) fn push_words(sql: &mut Sql, column: &str, text: &str) {
    for word in normalise(text).split(' ').filter(|w| !w.is_empty()) {
        sql.push(&format!(" AND {column} LIKE "))
            .bind_text(format!("%{word}%"));
    }
}

/// The stored search form of an organisation: every name and the city.
fn search_text(fields: &OrganisationFields) -> String {
    let mut text: Vec<&str> = fields.all_names().collect();
    text.extend(fields.city.as_deref());
    normalise(&text.join(" "))
}

/// The UN M49 region and sub-region codes of `country`, as stored beside it.
pub(crate) fn regions_of(country: &str) -> (Arg, Arg) {
    match tadamun_core::geo::country(country) {
        Some(c) => (
            Arg::Text(c.region().m49.to_owned()),
            Arg::Text(c.subregion().m49.to_owned()),
        ),
        None => (Arg::Null, Arg::Null),
    }
}

/// Appends the condition "in this region or sub-region" on the stored codes, which an
/// index on `(region, id)` or `(subregion, id)` answers in id order.
pub(crate) fn push_region(sql: &mut Sql, region: &tadamun_core::geo::Region) {
    let column = if region.is_top_level() {
        " AND region = "
    } else {
        " AND subregion = "
    };
    sql.push(column).bind_text(region.m49);
}

/// Fills the region columns of rows written before they existed (once, at start:
/// rows written since carry them).
#[tracing::instrument(skip(db))]
pub(crate) async fn fill_regions(db: &Db) -> Result<()> {
    for table in ["organisations", "people"] {
        let rows = crate::sql::dynamic(format!(
            "SELECT DISTINCT country FROM {table} WHERE region IS NULL AND country IS NOT NULL"
        ))
        .fetch_all(db.pool())
        .await?;
        for row in rows {
            let country: String = row.try_get("country")?;
            let (region, subregion) = regions_of(&country);
            let mut sql = Sql::new(&format!("UPDATE {table} SET region = "));
            sql.bind(region)
                .push(", subregion = ")
                .bind(subregion)
                .push(" WHERE region IS NULL AND country = ")
                .bind_text(country);
            sql.query().execute(db.pool()).await?;
        }
    }
    Ok(())
}

/// A list as stored: `;a;b;`, or empty.
pub(crate) fn stored_list<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<&str> = items.collect();
    if items.is_empty() {
        String::new()
    } else {
        format!(";{};", items.join(";"))
    }
}

/// The items of a stored `;a;b;` list.
pub(crate) fn read_list(stored: &str) -> impl Iterator<Item = String> + '_ {
    stored
        .split(';')
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// The column values of an organisation's details, in the order of `DETAIL_COLUMNS`.
fn detail_values(fields: &OrganisationFields) -> Result<[Arg; 15]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    let opt = |v: &Option<String>| v.as_deref().map_or(Arg::Null, text);
    let (region, subregion) = regions_of(fields.country.as_str());
    Ok([
        text(&fields.name),
        text(fields.name_lang.as_str()),
        Arg::Text(
            serde_json::to_string(&fields.names)
                .map_err(|_| StoreError::Corrupt("organisations.names"))?,
        ),
        text(fields.kind.as_str()),
        text(fields.country.as_str()),
        opt(&fields.city),
        opt(&fields.website),
        opt(&fields.description),
        Arg::Text(stored_list(
            fields.focus_areas.iter().map(FocusCode::as_str),
        )),
        Arg::Text(stored_list(
            fields.languages.iter().map(LanguageCode::as_str),
        )),
        text(fields.visibility.as_str()),
        Arg::Text(search_text(fields)),
        Arg::Text(normalise(&fields.name)),
        region,
        subregion,
    ])
}

/// The columns `detail_values` fills.
const DETAIL_COLUMNS: [&str; 15] = [
    "name",
    "name_lang",
    "names",
    "kind",
    "country",
    "city",
    "website",
    "description",
    "focus_areas",
    "languages",
    "visibility",
    "search_text",
    "name_key",
    "region",
    "subregion",
];

/// What a page of organisations is kept by: whose organisations a reader sees, the
/// filter and the page.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct ListKey {
    seen_by: SeenBy,
    filter: OrganisationFilter,
    page: PageRequest,
}

/// Organisations `viewer` may see that match `filter`, oldest first. Kept while the
/// organisations' version stands: a filter on words is a pass over every name.
#[tracing::instrument(skip(db, viewer))]
pub async fn list(
    db: &Db,
    viewer: &Viewer,
    filter: &OrganisationFilter,
    page: &PageRequest,
) -> Result<std::sync::Arc<Page<Organisation>>> {
    let key = ListKey {
        seen_by: SeenBy::of(&viewer.scope()),
        filter: filter.clone(),
        page: page.clone(),
    };
    db.caches()
        .organisation_pages
        .get_or_read(db, Area::Organisations, &key, async || {
            read_page(db, viewer, filter, page).await
        })
        .await
}

async fn read_page(
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
    let orgs = in_id_order(sql.fetch_rows(db.backend(), db.pool(), COLUMNS).await?)?;
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
    in_id_order(sql.fetch_rows(db.backend(), db.pool(), COLUMNS).await?)
}

/// The organisations of `rows` (JSON rows, which keep no order), oldest first.
fn in_id_order(rows: JsonRows) -> Result<Vec<Organisation>> {
    let mut orgs = rows
        .iter()
        .map(|row| organisation(&row))
        .collect::<Result<Vec<_>>>()?;
    orgs.sort_unstable_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    Ok(orgs)
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
    let mut tx = db.begin_write().await?;
    insert(&mut tx, &org, now).await?;
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

/// Writes the row of a new organisation inside `tx` (without its stage history or
/// audit row).
pub(crate) async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    org: &Organisation,
    now: i64,
) -> Result<()> {
    crate::sql::insert_rows(
        tx,
        "organisations",
        &INSERT_COLUMNS,
        vec![insert_values(org, now)?],
    )
    .await?;
    crate::search::refresh(
        tx,
        tadamun_core::search::Kind::Organisation,
        org.id.as_str(),
    )
    .await
}

/// The columns of a new organisation's row, in the order of [`insert_values`].
pub(crate) const INSERT_COLUMNS: [&str; 23] = [
    "id",
    "stage",
    "stage_changed_at",
    "created_at",
    "updated_at",
    "owner_id",
    "next_step",
    "next_step_due",
    "name",
    "name_lang",
    "names",
    "kind",
    "country",
    "city",
    "website",
    "description",
    "focus_areas",
    "languages",
    "visibility",
    "search_text",
    "name_key",
    "region",
    "subregion",
];

/// The values of a new organisation's row.
pub(crate) fn insert_values(org: &Organisation, now: i64) -> Result<Vec<Arg>> {
    let o = &org.outreach;
    let mut values = vec![
        Arg::Text(org.id.as_str().to_owned()),
        Arg::Text(org.stage.as_str().to_owned()),
        Arg::Int(now),
        Arg::Int(now),
        Arg::Int(now),
        o.owner
            .as_ref()
            .map_or(Arg::Null, |u| Arg::Text(u.as_str().to_owned())),
        o.next_step.clone().map_or(Arg::Null, Arg::Text),
        o.next_step_due
            .map_or(Arg::Null, |d| Arg::Text(d.to_string())),
    ];
    values.extend(detail_values(&org.fields)?);
    Ok(values)
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
    let mut tx = db.begin_write().await?;
    let before = get_any(db, id).await?;
    let after = Organisation {
        fields,
        ..before.clone()
    };
    let mut sql = Sql::new("UPDATE organisations SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in DETAIL_COLUMNS.iter().zip(detail_values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    record_update(&mut tx, actor, &before, &after).await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Organisation,
        id.as_str(),
    )
    .await?;
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
    let mut tx = db.begin_write().await?;
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
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Organisation,
        id.as_str(),
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

pub(crate) fn organisation(row: &impl Columns) -> Result<Organisation> {
    let text = |column: &str| row.get::<String>(column);
    let corrupt = |what| move |_| StoreError::Corrupt(what);
    let due: Option<String> = row.get("next_step_due")?;
    Ok(Organisation {
        id: OrganisationId::from_stored(text("id")?),
        fields: OrganisationFields {
            name: text("name")?,
            name_lang: LanguageCode::from_stored(text("name_lang")?),
            names: serde_json::from_str(&text("names")?)
                .map_err(|_| StoreError::Corrupt("organisations.names"))?,
            kind: Kind::parse(&text("kind")?).map_err(corrupt("organisations.kind"))?,
            country: CountryCode::from_stored(text("country")?),
            city: row.get("city")?,
            website: row.get("website")?,
            description: row.get("description")?,
            focus_areas: read_list(&text("focus_areas")?)
                .map(FocusCode::from_stored)
                .collect(),
            languages: read_list(&text("languages")?)
                .map(LanguageCode::from_stored)
                .collect(),
            visibility: Visibility::parse(&text("visibility")?)
                .map_err(corrupt("organisations.visibility"))?,
        },
        stage: Stage::parse(&text("stage")?).map_err(corrupt("organisations.stage"))?,
        outreach: Outreach {
            owner: row
                .get::<Option<String>>("owner_id")?
                .map(UserId::from_stored),
            next_step: row.get("next_step")?,
            next_step_due: due
                .as_deref()
                .and_then(|d| d.parse::<chrono::NaiveDate>().ok()),
        },
    })
}
