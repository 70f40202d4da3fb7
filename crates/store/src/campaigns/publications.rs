//! The publishing schedule and reach of content. A reach import is one transaction:
//! every publication it names must exist, or nothing is written.

use chrono::{DateTime, Utc};
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::campaigns::Channel;
use tadamun_core::campaigns::publications::{
    CellError, Publication, PublicationFields, Reach, ReachRow,
};
use tadamun_core::groups::Start;
use tadamun_core::ids::{CampaignId, ContentItemId, PublicationId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::{Invalid, Problem};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Columns;

const COLUMNS: &str =
    "id, item_id, lang, channel, start_at, time_zone, url, impressions, engagements, clicks";

/// An item's publications, by time.
#[tracing::instrument(skip(db))]
pub async fn of_item(db: &Db, item: &ContentItemId) -> Result<Vec<Publication>> {
    crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM publications WHERE item_id = $1 ORDER BY start_at, id"
    ))
    .bind(item.as_str().to_owned())
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(publication)
    .collect()
}

/// Publications scheduled from `from` (included) to `to` (excluded), of one campaign
/// or of all, by time.
#[tracing::instrument(skip(db))]
pub async fn between(
    db: &Db,
    campaign: Option<&CampaignId>,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Publication>> {
    let mut sql = crate::sql::Sql::new(&format!(
        "SELECT {COLUMNS} FROM publications WHERE start_at >= "
    ));
    sql.bind_int(from.timestamp_millis())
        .push(" AND start_at < ")
        .bind_int(to.timestamp_millis());
    if let Some(c) = campaign {
        sql.push(" AND campaign_id = ").bind_text(c.as_str());
    }
    let mut found = sql
        .fetch_rows(db.backend(), db.pool(), COLUMNS)
        .await?
        .iter()
        .map(|row| publication(&row))
        .collect::<Result<Vec<_>>>()?;
    found.sort_by(|a, b| (a.fields.start.millis(), &a.id).cmp(&(b.fields.start.millis(), &b.id)));
    Ok(found)
}

/// One publication.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &PublicationId) -> Result<Publication> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &PublicationId) -> Result<Publication> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM publications WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    publication(&row)
}

/// Schedules item `item` in a language of its campaign (its source language too).
#[tracing::instrument(skip(db, fields))]
pub async fn create(
    db: &Db,
    actor: &Actor,
    item: &ContentItemId,
    fields: PublicationFields,
) -> Result<Publication> {
    let mut tx = db.begin_write().await?;
    let campaign = check_lang(&mut tx, item, &fields.lang).await?;
    let p = Publication {
        id: PublicationId::new(),
        item: item.clone(),
        fields,
        reach: Reach::default(),
    };
    let now = crate::now_ms();
    sqlx::query(
        "INSERT INTO publications (id, item_id, campaign_id, lang, channel, start_at, time_zone, url, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(p.id.as_str().to_owned())
    .bind(item.as_str().to_owned())
    .bind(campaign.as_str().to_owned())
    .bind(p.fields.lang.as_str().to_owned())
    .bind(p.fields.channel.as_str())
    .bind(p.fields.start.millis())
    .bind(p.fields.start.zone.name())
    .bind(p.fields.url.clone())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    record(&mut tx, actor, Action::Create, &p.id, None, Some(&p)).await?;
    tx.commit().await?;
    Ok(p)
}

/// Changes a publication's schedule and link.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &PublicationId,
    fields: PublicationFields,
) -> Result<Publication> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_lang(&mut tx, &before.item, &fields.lang).await?;
    let after = Publication {
        fields,
        ..before.clone()
    };
    sqlx::query(
        "UPDATE publications SET lang = $2, channel = $3, start_at = $4, time_zone = $5, url = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .bind(after.fields.lang.as_str().to_owned())
    .bind(after.fields.channel.as_str())
    .bind(after.fields.start.millis())
    .bind(after.fields.start.zone.name())
    .bind(after.fields.url.clone())
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await?;
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

/// Removes a publication.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &PublicationId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM publications WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

/// Sets a publication's reach figures.
#[tracing::instrument(skip(db))]
pub async fn set_reach(
    db: &Db,
    actor: &Actor,
    id: &PublicationId,
    reach: Reach,
) -> Result<Publication> {
    let mut tx = db.begin_write().await?;
    let after = write_reach(&mut tx, actor, id, reach).await?;
    tx.commit().await?;
    Ok(after)
}

/// Sets the reach of every row of an import in one transaction. Rows naming a
/// publication that does not exist (or is not of `campaign`) are reported by line
/// and nothing is written.
#[tracing::instrument(skip(db, rows))]
pub async fn import_reach(
    db: &Db,
    actor: &Actor,
    campaign: &CampaignId,
    rows: &[ReachRow],
) -> Result<std::result::Result<usize, Vec<CellError>>> {
    let mut tx = db.begin_write().await?;
    let mut unknown = Vec::new();
    for (line, id, _) in rows {
        let found =
            sqlx::query("SELECT 1 AS one FROM publications WHERE id = $1 AND campaign_id = $2")
                .bind(id.as_str().to_owned())
                .bind(campaign.as_str().to_owned())
                .fetch_optional(&mut *tx)
                .await?;
        if found.is_none() {
            unknown.push(CellError {
                line: *line,
                invalid: Invalid::new("publication", Problem::UnknownValue),
            });
        }
    }
    if !unknown.is_empty() {
        return Ok(Err(unknown));
    }
    for (_, id, reach) in rows {
        write_reach(&mut tx, actor, id, *reach).await?;
    }
    tx.commit().await?;
    Ok(Ok(rows.len()))
}

async fn write_reach(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    id: &PublicationId,
    reach: Reach,
) -> Result<Publication> {
    let before = read(tx, id).await?;
    let after = Publication {
        reach,
        ..before.clone()
    };
    let n = |v: Option<u64>| v.and_then(|v| i64::try_from(v).ok());
    sqlx::query(
        "UPDATE publications SET impressions = $2, engagements = $3, clicks = $4, updated_at = $5 WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .bind(n(reach.impressions))
    .bind(n(reach.engagements))
    .bind(n(reach.clicks))
    .bind(crate::now_ms())
    .execute(&mut **tx)
    .await?;
    record(tx, actor, Action::Update, id, Some(&before), Some(&after)).await?;
    Ok(after)
}

/// Refuses a language that is neither the item's source nor one of its campaign's;
/// returns the campaign.
async fn check_lang(
    tx: &mut Transaction<'_, Any>,
    item: &ContentItemId,
    lang: &LanguageCode,
) -> Result<CampaignId> {
    let row = sqlx::query(
        "SELECT i.campaign_id, i.source_lang, c.languages FROM content_items i \
         JOIN campaigns c ON c.id = i.campaign_id WHERE i.id = $1",
    )
    .bind(item.as_str().to_owned())
    .fetch_optional(&mut **tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let source: String = row.try_get("source_lang")?;
    let languages: String = row.try_get("languages")?;
    if source != lang.as_str() && !languages.contains(&format!(";{};", lang.as_str())) {
        return Err(StoreError::Invalid(Invalid::new(
            "lang",
            Problem::UnknownValue,
        )));
    }
    Ok(CampaignId::from_stored(row.try_get("campaign_id")?))
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &PublicationId,
    before: Option<&Publication>,
    after: Option<&Publication>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "publication",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

fn publication(row: &impl Columns) -> Result<Publication> {
    let text = |c: &str| row.get::<String>(c);
    let figure = |c: &str| -> Result<Option<u64>> {
        Ok(row
            .get::<Option<i64>>(c)?
            .and_then(|v| u64::try_from(v).ok()))
    };
    Ok(Publication {
        id: PublicationId::from_stored(text("id")?),
        item: ContentItemId::from_stored(text("item_id")?),
        fields: PublicationFields {
            lang: LanguageCode::from_stored(text("lang")?),
            channel: Channel::parse(&text("channel")?)
                .map_err(|_| StoreError::Corrupt("publications.channel"))?,
            start: Start::from_stored(row.get("start_at")?, &text("time_zone")?),
            url: row.get("url")?,
        },
        reach: Reach {
            impressions: figure("impressions")?,
            engagements: figure("engagements")?,
            clicks: figure("clicks")?,
        },
    })
}
