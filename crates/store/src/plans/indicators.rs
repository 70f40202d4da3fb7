//! Indicators and their measurements. A correction never overwrites: the corrected
//! measurement stays, pointing at the one that replaced it, so the history of what was
//! reported is kept.

use std::collections::{BTreeMap, HashMap};

use sqlx::Row as _;
use sqlx::any::AnyRow;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{IndicatorId, MeasurementId, PersonId, PlanItemId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::plans::{
    Direction, Indicator, IndicatorFields, Measurement, MeasurementFields, Point,
};

use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::Columns;

const COLUMNS: &str = "id, item_id, name, name_lang, names, unit, direction, baseline_value, baseline_date, \
     target_value, target_date, source, responsible_id";

/// One indicator.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &IndicatorId) -> Result<Indicator> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM indicators WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    indicator(&row)
}

/// Adds an indicator.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: IndicatorFields) -> Result<Indicator> {
    let ind = Indicator {
        id: IndicatorId::new(),
        fields,
    };
    let f = &ind.fields;
    let now = crate::now_ms();
    let mut tx = db.begin_write().await?;
    sqlx::query(
        "INSERT INTO indicators (id, item_id, name, name_lang, names, unit, direction, baseline_value, \
         baseline_date, target_value, target_date, source, responsible_id, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)",
    )
    .bind(ind.id.as_str().to_owned())
    .bind(f.item.as_ref().map(|i| i.as_str().to_owned()))
    .bind(f.name.clone())
    .bind(f.name_lang.as_str().to_owned())
    .bind(names_json(&f.names)?)
    .bind(f.unit.clone())
    .bind(f.direction.as_str())
    .bind(f.baseline.value)
    .bind(f.baseline.date.to_string())
    .bind(f.target.value)
    .bind(f.target.date.to_string())
    .bind(f.source.clone())
    .bind(f.responsible.as_ref().map(|p| p.as_str().to_owned()))
    .bind(now)
    .execute(&mut *tx)
    .await
    .map_err(|e| foreign_key_as(e, "item"))?;
    record(
        &mut tx,
        actor,
        ("indicator", Action::Create),
        ind.id.as_str(),
        None,
        Some(&ind),
    )
    .await?;
    tx.commit().await?;
    Ok(ind)
}

/// Removes an indicator and its measurements.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &IndicatorId) -> Result<()> {
    let before = get(db, id).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM indicators WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        actor,
        ("indicator", Action::Delete),
        id.as_str(),
        Some(&before),
        None,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// A measurement with who entered it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Entered {
    /// The measurement.
    #[serde(flatten)]
    pub measurement: Measurement,
    /// Who entered it (e-mail, or `system`).
    pub by: String,
    /// When, in UTC epoch milliseconds.
    pub at_ms: i64,
    /// The correction that replaced it, if it was corrected.
    pub replaced_by: Option<MeasurementId>,
}

/// The current measurements of an indicator (not those corrected since), by date.
#[tracing::instrument(skip(db))]
pub async fn measurements(db: &Db, id: &IndicatorId) -> Result<Vec<Entered>> {
    read_measurements(db, id, false).await
}

/// Every measurement ever entered, corrected ones included, by date then entry.
#[tracing::instrument(skip(db))]
pub async fn history(db: &Db, id: &IndicatorId) -> Result<Vec<Entered>> {
    read_measurements(db, id, true).await
}

async fn read_measurements(db: &Db, id: &IndicatorId, all: bool) -> Result<Vec<Entered>> {
    let filter = if all { "" } else { " AND replaced_by IS NULL" };
    let rows = crate::sql::dynamic(format!(
        "SELECT id, indicator_id, date, value, source, note, entered_by, entered_at, replaced_by \
         FROM measurements WHERE indicator_id = $1{filter} ORDER BY date, entered_at, id"
    ))
    .bind(id.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter().map(entered).collect()
}

/// The indicator measurement `id` belongs to.
pub async fn indicator_of(db: &Db, id: &MeasurementId) -> Result<IndicatorId> {
    let row = sqlx::query("SELECT indicator_id FROM measurements WHERE id = $1")
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    Ok(IndicatorId::from_stored(row.try_get("indicator_id")?))
}

/// Adds a measurement.
#[tracing::instrument(skip(db, fields))]
pub async fn measure(
    db: &Db,
    actor: &Actor,
    id: &IndicatorId,
    fields: MeasurementFields,
) -> Result<Measurement> {
    get(db, id).await?;
    let mut tx = db.begin_write().await?;
    let m = insert_measurement(&mut tx, actor, id, fields).await?;
    record(
        &mut tx,
        actor,
        ("measurement", Action::Create),
        m.id.as_str(),
        None,
        Some(&m),
    )
    .await?;
    tx.commit().await?;
    Ok(m)
}

/// Replaces measurement `old` with corrected `fields`; the old one is kept in the
/// history. A measurement corrected already cannot be corrected again (correct its
/// replacement).
#[tracing::instrument(skip(db, fields))]
pub async fn correct(
    db: &Db,
    actor: &Actor,
    old: &MeasurementId,
    fields: MeasurementFields,
) -> Result<Measurement> {
    let mut tx = db.begin_write().await?;
    let row = sqlx::query(
        "SELECT id, indicator_id, date, value, source, note, entered_by, entered_at, replaced_by \
         FROM measurements WHERE id = $1",
    )
    .bind(old.as_str().to_owned())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or(StoreError::NotFound)?;
    let before = entered(&row)?;
    if before.replaced_by.is_some() {
        return Err(StoreError::Conflict);
    }
    let indicator = before.measurement.indicator.clone();
    let new = insert_measurement(&mut tx, actor, &indicator, fields).await?;
    let marked = sqlx::query(
        "UPDATE measurements SET replaced_by = $1 WHERE id = $2 AND replaced_by IS NULL",
    )
    .bind(new.id.as_str().to_owned())
    .bind(old.as_str().to_owned())
    .execute(&mut *tx)
    .await?;
    if marked.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    record(
        &mut tx,
        actor,
        ("measurement", Action::Update),
        old.as_str(),
        Some(&before.measurement),
        Some(&new),
    )
    .await?;
    tx.commit().await?;
    Ok(new)
}

async fn insert_measurement(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    indicator: &IndicatorId,
    fields: MeasurementFields,
) -> Result<Measurement> {
    let m = Measurement {
        id: MeasurementId::new(),
        indicator: indicator.clone(),
        fields,
    };
    let label = audit::actor_label(tx, actor).await?;
    sqlx::query(
        "INSERT INTO measurements (id, indicator_id, date, value, source, note, entered_by, entered_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(m.id.as_str().to_owned())
    .bind(indicator.as_str().to_owned())
    .bind(m.fields.date.to_string())
    .bind(m.fields.value)
    .bind(m.fields.source.clone())
    .bind(m.fields.note.clone())
    .bind(label)
    .bind(crate::now_ms())
    .execute(&mut **tx)
    .await?;
    Ok(m)
}

/// An indicator with its current measurements, by date.
#[derive(Debug, Clone, PartialEq)]
pub struct Measured {
    /// The indicator.
    pub indicator: Indicator,
    /// Its current measurements' dates and values, oldest first.
    pub points: Vec<Point>,
}

/// Every indicator of the items of plan `plan`, with its current measurements, in two
/// reads (not one per indicator).
#[tracing::instrument(skip(db))]
pub async fn of_plan(db: &Db, plan: &PlanItemId) -> Result<Vec<Measured>> {
    let rows = crate::sql::dynamic(format!(
        "SELECT {} FROM indicators ind JOIN plan_items i ON i.id = ind.item_id \
         WHERE i.plan_id = $1 ORDER BY ind.id",
        COLUMNS
            .split(", ")
            .map(|c| format!("ind.{c}"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
    .bind(plan.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    // One row per indicator with its points as `date=value;…`: SQLite hands each row
    // from its worker thread to the async side one at a time, so a plan's thousands of
    // measurements cost far more as rows than as one aggregated text per indicator.
    let aggregate = match db.backend() {
        crate::db::Backend::Sqlite => "group_concat",
        crate::db::Backend::Postgres => "string_agg",
    };
    let value = value_text(db.backend());
    let measured = crate::sql::dynamic(format!(
        "SELECT m.indicator_id, {aggregate}(m.date || '=' || {value}, ';' \
         ORDER BY m.date, m.entered_at, m.id) AS points FROM measurements m \
         JOIN indicators ind ON ind.id = m.indicator_id JOIN plan_items i ON i.id = ind.item_id \
         WHERE i.plan_id = $1 AND m.replaced_by IS NULL GROUP BY m.indicator_id"
    ))
    .bind(plan.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    let mut points: HashMap<String, Vec<Point>> = HashMap::new();
    for row in &measured {
        let text: String = row.try_get("points")?;
        points.insert(row.try_get("indicator_id")?, parse_points(&text)?);
    }
    rows.iter()
        .map(|row| {
            let indicator = indicator(row)?;
            let points = points.remove(indicator.id.as_str()).unwrap_or_default();
            Ok(Measured { indicator, points })
        })
        .collect()
}

/// `m.value` as text that reads back as the same number. SQLite writes a real with
/// fifteen significant digits through a slow exact algorithm, a microsecond each (a
/// plan's thousands of measurements add up); most measurements are whole numbers,
/// which it writes as integers far faster. PostgreSQL writes the shortest exact text
/// quickly, and its casts to an integer round rather than truncate.
fn value_text(backend: crate::db::Backend) -> &'static str {
    match backend {
        crate::db::Backend::Sqlite => {
            "CASE WHEN m.value = CAST(m.value AS INTEGER) THEN CAST(CAST(m.value AS INTEGER) AS TEXT) \
             ELSE CAST(m.value AS TEXT) END"
        }
        crate::db::Backend::Postgres => "CAST(m.value AS TEXT)",
    }
}

/// Every indicator with only its latest current measurement: enough for the
/// progress of every plan at once ([`progress_by_item`] reads nothing else).
pub(crate) async fn latest_of_all(db: &Db) -> Result<Vec<Measured>> {
    let value = value_text(db.backend());
    let rows = crate::sql::Sql::new(&format!(
        "SELECT {COLUMNS}, (SELECT m.date || '=' || {value} FROM measurements m \
         WHERE m.indicator_id = indicators.id AND m.replaced_by IS NULL \
         ORDER BY m.date DESC, m.entered_at DESC, m.id DESC LIMIT 1) AS latest \
         FROM indicators"
    ))
    .fetch_rows(db.backend(), db.pool(), &format!("{COLUMNS}, latest"))
    .await?;
    rows.iter()
        .map(|row| {
            let latest: Option<String> = row.get("latest")?;
            Ok(Measured {
                indicator: indicator(&row)?,
                points: latest
                    .as_deref()
                    .map(parse_points)
                    .transpose()?
                    .unwrap_or_default(),
            })
        })
        .collect()
}

/// Reads `date=value;date=value…` as points.
fn parse_points(text: &str) -> Result<Vec<Point>> {
    let corrupt = || StoreError::Corrupt("measurements");
    text.split(';')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (date, value) = p.split_once('=').ok_or_else(corrupt)?;
            Ok(Point {
                date: date.parse().map_err(|_| corrupt())?,
                value: value.parse().map_err(|_| corrupt())?,
            })
        })
        .collect()
}

/// The progress (0–100) of every indicator of `measured`, by the item it measures.
pub(crate) fn progress_by_item(measured: &[Measured]) -> HashMap<PlanItemId, Vec<f64>> {
    let mut by_item: HashMap<PlanItemId, Vec<f64>> = HashMap::new();
    for m in measured {
        if let Some(item) = m.indicator.fields.item.clone() {
            let latest = tadamun_core::plans::indicators::latest(&m.points);
            by_item
                .entry(item)
                .or_default()
                .push(m.indicator.fields.progress(latest));
        }
    }
    by_item
}

fn names_json(names: &BTreeMap<Lang, String>) -> Result<String> {
    serde_json::to_string(names).map_err(|_| StoreError::Corrupt("indicators.names"))
}

fn foreign_key_as(e: sqlx::Error, field: &'static str) -> StoreError {
    match &e {
        sqlx::Error::Database(d) if d.kind() == sqlx::error::ErrorKind::ForeignKeyViolation => {
            StoreError::Invalid(tadamun_core::Invalid::new(
                field,
                tadamun_core::Problem::UnknownValue,
            ))
        }
        _ => StoreError::Database(e),
    }
}

async fn record<T: serde::Serialize>(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    (entity, action): (&'static str, Action),
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

fn date(row: &impl Columns, column: &str, what: &'static str) -> Result<chrono::NaiveDate> {
    let raw: String = row.get(column)?;
    raw.parse::<chrono::NaiveDate>()
        .map_err(|_| StoreError::Corrupt(what))
}

fn entered(row: &AnyRow) -> Result<Entered> {
    Ok(Entered {
        measurement: Measurement {
            id: MeasurementId::from_stored(row.try_get("id")?),
            indicator: IndicatorId::from_stored(row.try_get("indicator_id")?),
            fields: MeasurementFields {
                date: date(row, "date", "measurements.date")?,
                value: row.try_get("value")?,
                source: row.try_get("source")?,
                note: row.try_get("note")?,
            },
        },
        by: row.try_get("entered_by")?,
        at_ms: row.try_get("entered_at")?,
        replaced_by: row
            .try_get::<Option<String>, _>("replaced_by")?
            .map(MeasurementId::from_stored),
    })
}

fn indicator(row: &impl Columns) -> Result<Indicator> {
    let text = |c: &str| row.get::<String>(c);
    Ok(Indicator {
        id: IndicatorId::from_stored(text("id")?),
        fields: IndicatorFields {
            name: text("name")?,
            name_lang: LanguageCode::from_stored(text("name_lang")?),
            names: serde_json::from_str(&text("names")?)
                .map_err(|_| StoreError::Corrupt("indicators.names"))?,
            unit: text("unit")?,
            direction: Direction::parse(&text("direction")?)
                .map_err(|_| StoreError::Corrupt("indicators.direction"))?,
            baseline: Point {
                date: date(row, "baseline_date", "indicators.baseline_date")?,
                value: row.get("baseline_value")?,
            },
            target: Point {
                date: date(row, "target_date", "indicators.target_date")?,
                value: row.get("target_value")?,
            },
            source: row.get("source")?,
            responsible: row
                .get::<Option<String>>("responsible_id")?
                .map(PersonId::from_stored),
            item: row
                .get::<Option<String>>("item_id")?
                .map(PlanItemId::from_stored),
        },
    })
}
