//! A campaign's targets, their demands and outcomes. Each write keeps its audit row.

use sqlx::any::AnyRow;
use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::campaigns::{Outcome, Target, TargetFields, TargetKind};
use tadamun_core::directory::CountryCode;
use tadamun_core::ids::{CampaignId, CampaignTargetId};

use super::day;
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Sql};

const COLUMNS: &str =
    "id, campaign_id, name, kind, country, demands, outcome, outcome_date, evidence";

/// A campaign's targets, by name.
#[tracing::instrument(skip(db))]
pub async fn of_campaign(db: &Db, campaign: &CampaignId) -> Result<Vec<Target>> {
    crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM campaign_targets WHERE campaign_id = $1 ORDER BY name, id"
    ))
    .bind(campaign.as_str().to_owned())
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(target)
    .collect()
}

/// One target of campaign `campaign`; a target of another campaign is not found.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, campaign: &CampaignId, id: &CampaignTargetId) -> Result<Target> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, campaign, id).await
}

async fn read(
    conn: &mut sqlx::AnyConnection,
    campaign: &CampaignId,
    id: &CampaignTargetId,
) -> Result<Target> {
    let row = crate::sql::dynamic(format!(
        "SELECT {COLUMNS} FROM campaign_targets WHERE id = $1 AND campaign_id = $2"
    ))
    .bind(id.as_str().to_owned())
    .bind(campaign.as_str().to_owned())
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(StoreError::NotFound)?;
    target(&row)
}

/// Adds a target to campaign `campaign`.
#[tracing::instrument(skip(db, fields))]
pub async fn create(
    db: &Db,
    actor: &Actor,
    campaign: &CampaignId,
    fields: TargetFields,
) -> Result<Target> {
    let mut tx = db.begin_write().await?;
    super::read(&mut tx, campaign).await?;
    let t = Target {
        id: CampaignTargetId::new(),
        campaign: campaign.clone(),
        fields,
    };
    let now = crate::now_ms();
    let mut sql = Sql::new("INSERT INTO campaign_targets (id, campaign_id, created_at, updated_at");
    for column in VALUE_COLUMNS {
        sql.push(", ").push(column);
    }
    sql.push(") VALUES (")
        .bind_text(t.id.as_str())
        .push(", ")
        .bind_text(campaign.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now);
    for value in values(&t.fields) {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    record(&mut tx, actor, Action::Create, &t.id, None, Some(&t)).await?;
    tx.commit().await?;
    Ok(t)
}

/// Replaces a target's details, its outcome included.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    campaign: &CampaignId,
    id: &CampaignTargetId,
    fields: TargetFields,
) -> Result<Target> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, campaign, id).await?;
    let after = Target {
        fields,
        ..before.clone()
    };
    let mut sql = Sql::new("UPDATE campaign_targets SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)) {
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
    tx.commit().await?;
    Ok(after)
}

/// Removes a target.
#[tracing::instrument(skip(db))]
pub async fn delete(
    db: &Db,
    actor: &Actor,
    campaign: &CampaignId,
    id: &CampaignTargetId,
) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, campaign, id).await?;
    sqlx::query("DELETE FROM campaign_targets WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &CampaignTargetId,
    before: Option<&Target>,
    after: Option<&Target>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "campaign_target",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

/// The columns a target's fields are written to, in the order of [`values`].
pub(crate) const VALUE_COLUMNS: [&str; 7] = [
    "name",
    "kind",
    "country",
    "demands",
    "outcome",
    "outcome_date",
    "evidence",
];

fn values(f: &TargetFields) -> [Arg; 7] {
    let text = |v: &str| Arg::Text(v.to_owned());
    [
        text(&f.name),
        text(f.kind.as_str()),
        f.country.as_ref().map_or(Arg::Null, |c| text(c.as_str())),
        f.demands.as_deref().map_or(Arg::Null, text),
        text(f.outcome.as_str()),
        f.outcome_date
            .map_or(Arg::Null, |d| Arg::Text(d.to_string())),
        f.evidence.as_deref().map_or(Arg::Null, text),
    ]
}

fn target(row: &AnyRow) -> Result<Target> {
    let text = |c: &str| -> Result<String> { Ok(row.try_get::<String, _>(c)?) };
    Ok(Target {
        id: CampaignTargetId::from_stored(text("id")?),
        campaign: CampaignId::from_stored(text("campaign_id")?),
        fields: TargetFields {
            name: text("name")?,
            kind: TargetKind::parse(&text("kind")?)
                .map_err(|_| StoreError::Corrupt("campaign_targets.kind"))?,
            country: row
                .try_get::<Option<String>, _>("country")?
                .map(CountryCode::from_stored),
            demands: row.try_get("demands")?,
            outcome: Outcome::parse(&text("outcome")?)
                .map_err(|_| StoreError::Corrupt("campaign_targets.outcome"))?,
            outcome_date: row
                .try_get::<Option<String>, _>("outcome_date")?
                .map(|d| day(&d, "campaign_targets.outcome_date"))
                .transpose()?,
            evidence: row.try_get("evidence")?,
        },
    })
}
