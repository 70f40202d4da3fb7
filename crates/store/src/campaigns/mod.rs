//! Campaigns with their organisers and the plan items and indicators they answer
//! to (one link table each, so a deleted group or item leaves no dangling link), and
//! their targets (`targets`).

pub mod content;
pub mod publications;
pub mod targets;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::NaiveDate;
use sqlx::{Any, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::campaigns::{Campaign, CampaignFields, CampaignKind, Phase, Target};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{CampaignId, GroupId, IndicatorId, OrganisationId, PlanItemId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::{Invalid, Problem};

use crate::Db;
use crate::audit::{self, Change};
use crate::directory::{read_list, stored_list};
use crate::error::{Result, StoreError};
use crate::groups::{exists, from_json, json};
use crate::sql::{Arg, Columns, Sql, links_of, replace_links};
use crate::versions::Area;

const COLUMNS: &str =
    "id, name, name_lang, names, kind, goals, goals_tr, start_date, end_date, regions, languages";

/// The link tables: table, its column, the table referred to, and the form field.
const LINKS: [(&str, &str, &str, &str); 4] = [
    ("campaign_groups", "group_id", "working_groups", "groups"),
    (
        "campaign_organisations",
        "organisation_id",
        "organisations",
        "organisations",
    ),
    ("campaign_items", "item_id", "plan_items", "items"),
    (
        "campaign_indicators",
        "indicator_id",
        "indicators",
        "indicators",
    ),
];

/// What the list of campaigns is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct CampaignFilter {
    /// Only this kind.
    pub kind: Option<CampaignKind>,
    /// Only those covering one of these UN M49 codes (a region, with its parent and
    /// sub-regions, as the caller chose).
    pub regions: Vec<String>,
    /// Only those with content in this language.
    pub language: Option<LanguageCode>,
    /// Only those this working group organises.
    pub group: Option<GroupId>,
    /// Only those this organisation organises.
    pub organisation: Option<OrganisationId>,
    /// Only those in this phase on `today`.
    pub phase: Option<(Phase, NaiveDate)>,
}

/// Everything a campaign's page shows.
#[derive(Debug, Clone)]
pub struct CampaignPage {
    /// The campaign.
    pub campaign: Campaign,
    /// Its targets, by name.
    pub targets: Vec<Target>,
}

/// Campaigns matching `filter`, latest start first. Kept while no campaign is
/// written ([`Area::Campaigns`]).
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, filter: &CampaignFilter) -> Result<Arc<Vec<Campaign>>> {
    db.caches()
        .campaigns
        .get_or_read(db, Area::Campaigns, filter, async || {
            read_campaigns(db, filter).await
        })
        .await
}

async fn read_campaigns(db: &Db, filter: &CampaignFilter) -> Result<Vec<Campaign>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM campaigns c WHERE 1 = 1"));
    if let Some(kind) = filter.kind {
        sql.push(" AND kind = ").bind_text(kind.as_str());
    }
    if !filter.regions.is_empty() {
        sql.push(" AND (");
        for (i, code) in filter.regions.iter().enumerate() {
            if i > 0 {
                sql.push(" OR ");
            }
            sql.push("regions LIKE ").bind_text(format!("%;{code};%"));
        }
        sql.push(")");
    }
    if let Some(language) = &filter.language {
        sql.push(" AND languages LIKE ")
            .bind_text(format!("%;{};%", language.as_str()));
    }
    if let Some(group) = &filter.group {
        sql.push(
            " AND EXISTS (SELECT 1 FROM campaign_groups g WHERE g.campaign_id = c.id AND g.group_id = ",
        )
        .bind_text(group.as_str())
        .push(")");
    }
    if let Some(org) = &filter.organisation {
        sql.push(" AND EXISTS (SELECT 1 FROM campaign_organisations o WHERE o.campaign_id = c.id AND o.organisation_id = ")
            .bind_text(org.as_str())
            .push(")");
    }
    if let Some((phase, today)) = filter.phase {
        let today = today.to_string();
        match phase {
            Phase::Upcoming => {
                sql.push(" AND start_date > ").bind_text(today);
            }
            Phase::Running => {
                sql.push(" AND start_date <= ")
                    .bind_text(today.clone())
                    .push(" AND (end_date IS NULL OR end_date >= ")
                    .bind_text(today)
                    .push(")");
            }
            Phase::Ended => {
                sql.push(" AND end_date < ").bind_text(today);
            }
        }
    }
    let mut conn = db.pool().acquire().await?;
    let rows = sql.fetch_rows(db.backend(), &mut *conn, COLUMNS).await?;
    let ids = rows
        .iter()
        .map(|r| r.get::<String>("id"))
        .collect::<Result<Vec<_>>>()?;
    let links = links(&mut conn, &ids).await?;
    let mut found = rows
        .iter()
        .map(|row| campaign(&row, &links))
        .collect::<Result<Vec<_>>>()?;
    found.sort_by(|a, b| (b.fields.start, &b.id).cmp(&(a.fields.start, &a.id)));
    Ok(found)
}

/// The name of every campaign as a reader of `lang` knows it, latest start first:
/// what a choice of campaign lists, without the links and texts [`list`] reads. Kept
/// while no campaign is written ([`Area::Campaigns`]).
#[tracing::instrument(skip(db))]
pub async fn names(db: &Db, lang: Lang) -> Result<Arc<Vec<(CampaignId, String)>>> {
    db.caches()
        .campaign_names
        .get_or_read(db, Area::Campaigns, &lang, async || {
            read_names(db, lang).await
        })
        .await
}

async fn read_names(db: &Db, lang: Lang) -> Result<Vec<(CampaignId, String)>> {
    const NAME_COLUMNS: &str = "id, name, names, start_date";
    let mut rows: Vec<(String, String, String, String)> =
        Sql::new(&format!("SELECT {NAME_COLUMNS} FROM campaigns"))
            .into_json_rows(db.backend(), NAME_COLUMNS)
            .fetch_json(db.pool())
            .await?;
    rows.sort_by(|a, b| (&b.3, &b.0).cmp(&(&a.3, &a.0)));
    rows.into_iter()
        .map(|(id, name, names, _)| {
            let mut names: BTreeMap<Lang, String> = from_json(&names, "campaigns.names")?;
            Ok((
                CampaignId::from_stored(id),
                names.remove(&lang).unwrap_or(name),
            ))
        })
        .collect()
}

/// One campaign.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &CampaignId) -> Result<Campaign> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &CampaignId) -> Result<Campaign> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM campaigns WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    let links = links(conn, std::slice::from_ref(&id.as_str().to_owned())).await?;
    campaign(&row, &links)
}

/// A campaign's page: the campaign and its targets.
#[tracing::instrument(skip(db))]
pub async fn page(db: &Db, id: &CampaignId) -> Result<CampaignPage> {
    let campaign = get(db, id).await?;
    let targets = targets::of_campaign(db, id).await?;
    Ok(CampaignPage { campaign, targets })
}

/// Adds a campaign with its links.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: CampaignFields) -> Result<Campaign> {
    let mut tx = db.begin_write().await?;
    check_references(&mut tx, &fields).await?;
    let campaign = Campaign {
        id: CampaignId::new(),
        fields,
    };
    let now = crate::now_ms();
    let mut sql = Sql::new("INSERT INTO campaigns (id, created_at, updated_at");
    for column in VALUE_COLUMNS {
        sql.push(", ").push(column);
    }
    sql.push(") VALUES (")
        .bind_text(campaign.id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now);
    for value in values(&campaign.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    write_links(&mut tx, &campaign).await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        &campaign.id,
        None,
        Some(&campaign),
    )
    .await?;
    crate::search::refresh(
        &mut tx,
        tadamun_core::search::Kind::Campaign,
        campaign.id.as_str(),
    )
    .await?;
    tx.commit().await?;
    Ok(campaign)
}

/// Replaces a campaign's details and links.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &CampaignId,
    fields: CampaignFields,
) -> Result<Campaign> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_references(&mut tx, &fields).await?;
    let after = Campaign {
        id: id.clone(),
        fields,
    };
    let mut sql = Sql::new("UPDATE campaigns SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    write_links(&mut tx, &after).await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Campaign, id.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a campaign with its targets and links.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &CampaignId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM campaigns WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Campaign, id.as_str()).await?;
    crate::search::purge(&mut tx, tadamun_core::search::Kind::Content).await?;
    tx.commit().await?;
    Ok(())
}

/// Refuses, naming the field, an organiser, item or indicator that does not exist.
async fn check_references(tx: &mut Transaction<'_, Any>, f: &CampaignFields) -> Result<()> {
    for ((_, _, table, field), ids) in LINKS.iter().zip(link_ids(f)) {
        for id in ids {
            if !exists(tx, table, "id", id).await? {
                return Err(StoreError::Invalid(Invalid::new(
                    field,
                    Problem::UnknownValue,
                )));
            }
        }
    }
    Ok(())
}

/// The ids of each link table, in the order of [`LINKS`].
fn link_ids(f: &CampaignFields) -> [Vec<&str>; 4] {
    [
        f.groups.iter().map(GroupId::as_str).collect(),
        f.organisations.iter().map(OrganisationId::as_str).collect(),
        f.items.iter().map(PlanItemId::as_str).collect(),
        f.indicators.iter().map(IndicatorId::as_str).collect(),
    ]
}

/// Makes the link tables hold exactly the campaign's links.
async fn write_links(tx: &mut Transaction<'_, Any>, c: &Campaign) -> Result<()> {
    for ((table, column, ..), ids) in LINKS.iter().zip(link_ids(&c.fields)) {
        replace_links(tx, table, "campaign_id", c.id.as_str(), column, ids).await?;
    }
    Ok(())
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &CampaignId,
    before: Option<&Campaign>,
    after: Option<&Campaign>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "campaign",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

/// The columns a campaign's fields are written to, in the order of [`values`].
pub(crate) const VALUE_COLUMNS: [&str; 10] = [
    "name",
    "name_lang",
    "names",
    "kind",
    "goals",
    "goals_tr",
    "start_date",
    "end_date",
    "regions",
    "languages",
];

fn values(f: &CampaignFields) -> Result<[Arg; 10]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    Ok([
        text(&f.name),
        text(f.name_lang.as_str()),
        Arg::Text(json(&f.names, "campaigns.names")?),
        text(f.kind.as_str()),
        f.goals.as_deref().map_or(Arg::Null, text),
        Arg::Text(json(&f.goals_tr, "campaigns.goals_tr")?),
        Arg::Text(f.start.to_string()),
        f.end.map_or(Arg::Null, |d| Arg::Text(d.to_string())),
        Arg::Text(stored_list(f.regions.iter().map(String::as_str))),
        Arg::Text(stored_list(f.languages.iter().map(LanguageCode::as_str))),
    ])
}

/// A stored `YYYY-MM-DD` day.
pub(crate) fn day(raw: &str, what: &'static str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| StoreError::Corrupt(what))
}

/// The linked ids of each of [`LINKS`] for the campaigns `ids`, by campaign id.
type Links = [HashMap<String, Vec<String>>; 4];

async fn links(conn: &mut sqlx::AnyConnection, ids: &[String]) -> Result<Links> {
    let mut links = Links::default();
    for (found, (table, column, ..)) in links.iter_mut().zip(LINKS) {
        *found = links_of(conn, table, "campaign_id", column, ids).await?;
    }
    Ok(links)
}

fn campaign(row: &impl Columns, links: &Links) -> Result<Campaign> {
    let text = |c: &str| row.get::<String>(c);
    let id = CampaignId::from_stored(text("id")?);
    let names: BTreeMap<Lang, String> = from_json(&text("names")?, "campaigns.names")?;
    let goals_tr: BTreeMap<Lang, String> = from_json(&text("goals_tr")?, "campaigns.goals_tr")?;
    let linked = |i: usize| links[i].get(id.as_str()).cloned().unwrap_or_default();
    Ok(Campaign {
        fields: CampaignFields {
            name: text("name")?,
            name_lang: LanguageCode::from_stored(text("name_lang")?),
            names,
            kind: CampaignKind::parse(&text("kind")?)
                .map_err(|_| StoreError::Corrupt("campaigns.kind"))?,
            goals: row.get("goals")?,
            goals_tr,
            start: day(&text("start_date")?, "campaigns.start_date")?,
            end: row
                .get::<Option<String>>("end_date")?
                .map(|d| day(&d, "campaigns.end_date"))
                .transpose()?,
            regions: read_list(&text("regions")?).collect(),
            languages: read_list(&text("languages")?)
                .map(LanguageCode::from_stored)
                .collect(),
            groups: linked(0).into_iter().map(GroupId::from_stored).collect(),
            organisations: linked(1)
                .into_iter()
                .map(OrganisationId::from_stored)
                .collect(),
            items: linked(2).into_iter().map(PlanItemId::from_stored).collect(),
            indicators: linked(3)
                .into_iter()
                .map(IndicatorId::from_stored)
                .collect(),
        },
        id,
    })
}
