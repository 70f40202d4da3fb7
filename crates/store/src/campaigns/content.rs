//! A campaign's content items and their translations. A translation's state changes
//! by writing its text ([`save_translation`], `TranslationState::after_edit`) or by a
//! move ([`move_translation`], checked against `TranslationState::next` and
//! conditional on the state read), and every change of state is kept in
//! `translation_changes`. Changing an item's source text marks its approved and
//! published translations out of date in the same transaction.

use std::collections::HashMap;

use sqlx::{Any, Row as _, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::campaigns::{
    Campaign, Channel, ContentFields, ContentItem, ContentKind, Translation, TranslationFields,
    TranslationState,
};
use tadamun_core::ids::{AuditId, CampaignId, ContentItemId, UserId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::time::from_millis;
use tadamun_core::{Invalid, Problem};

use super::day;
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::groups::exists;
use crate::sql::Columns;

const COLUMNS: &str = "id, campaign_id, kind, channel, source_lang, title, body";
const TRANSLATION_COLUMNS: &str =
    "item_id, lang, title, body, state, outdated, assignee_id, due_date";

/// One change of state in a translation's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct StateChange {
    /// Where it was.
    pub from: TranslationState,
    /// Where it went.
    pub to: TranslationState,
    /// When.
    pub at: chrono::DateTime<chrono::Utc>,
    /// Who: their e-mail at the time, or `system`.
    pub by: String,
}

/// A campaign's content items, oldest first.
#[tracing::instrument(skip(db))]
pub async fn of_campaign(db: &Db, campaign: &CampaignId) -> Result<Vec<ContentItem>> {
    let mut sql = crate::sql::Sql::new(&format!(
        "SELECT {COLUMNS} FROM content_items WHERE campaign_id = "
    ));
    sql.bind_text(campaign.as_str());
    let mut found = sql
        .fetch_rows(db.backend(), db.pool(), COLUMNS)
        .await?
        .iter()
        .map(|row| item(&row))
        .collect::<Result<Vec<_>>>()?;
    found.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

/// The title and source language of each content item of `ids` that exists, by id:
/// for lists that name the items of many publications (the editorial calendar).
#[tracing::instrument(skip(db, ids))]
pub async fn titles_of(
    db: &Db,
    ids: &[ContentItemId],
) -> Result<HashMap<ContentItemId, (String, LanguageCode)>> {
    const TITLE_COLUMNS: &str = "id, title, source_lang";
    let mut sql = crate::sql::Sql::new(&format!(
        "SELECT {TITLE_COLUMNS} FROM content_items WHERE id"
    ));
    sql.push_in(db.backend(), ids.iter().map(|id| id.as_str()));
    let rows: Vec<(String, String, String)> = sql
        .into_json_rows(db.backend(), TITLE_COLUMNS)
        .fetch_json(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, lang)| {
            (
                ContentItemId::from_stored(id),
                (title, LanguageCode::from_stored(lang)),
            )
        })
        .collect())
}

/// One content item.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, id: &ContentItemId) -> Result<ContentItem> {
    let mut conn = db.pool().acquire().await?;
    read(&mut conn, id).await
}

async fn read(conn: &mut sqlx::AnyConnection, id: &ContentItemId) -> Result<ContentItem> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM content_items WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(&mut *conn)
        .await?
        .ok_or(StoreError::NotFound)?;
    item(&row)
}

/// Adds a content item to campaign `campaign`.
#[tracing::instrument(skip(db, fields))]
pub async fn create(
    db: &Db,
    actor: &Actor,
    campaign: &CampaignId,
    fields: ContentFields,
) -> Result<ContentItem> {
    let mut tx = db.begin_write().await?;
    super::read(&mut tx, campaign).await?;
    let it = ContentItem {
        id: ContentItemId::new(),
        campaign: campaign.clone(),
        fields,
    };
    let now = crate::now_ms();
    sqlx::query(
        "INSERT INTO content_items (id, campaign_id, kind, channel, source_lang, title, body, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(it.id.as_str().to_owned())
    .bind(campaign.as_str().to_owned())
    .bind(it.fields.kind.as_str())
    .bind(it.fields.channel.as_str())
    .bind(it.fields.source_lang.as_str().to_owned())
    .bind(it.fields.title.clone())
    .bind(it.fields.body.clone())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        "content_item",
        it.id.as_str(),
        None,
        Some(&it),
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Content, it.id.as_str()).await?;
    tx.commit().await?;
    Ok(it)
}

/// Replaces an item's details. When its title or body changes, its approved and
/// published translations are marked out of date.
#[tracing::instrument(skip(db, fields))]
pub async fn update(
    db: &Db,
    actor: &Actor,
    id: &ContentItemId,
    fields: ContentFields,
) -> Result<ContentItem> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    let after = ContentItem {
        fields,
        ..before.clone()
    };
    sqlx::query(
        "UPDATE content_items SET kind = $2, channel = $3, source_lang = $4, title = $5, body = $6, updated_at = $7 WHERE id = $1",
    )
    .bind(id.as_str().to_owned())
    .bind(after.fields.kind.as_str())
    .bind(after.fields.channel.as_str())
    .bind(after.fields.source_lang.as_str().to_owned())
    .bind(after.fields.title.clone())
    .bind(after.fields.body.clone())
    .bind(crate::now_ms())
    .execute(&mut *tx)
    .await?;
    if before.fields.title != after.fields.title || before.fields.body != after.fields.body {
        let done: Vec<&str> = TranslationState::ALL
            .into_iter()
            .filter(|s| s.outdated_by_source_change())
            .map(TranslationState::as_str)
            .collect();
        sqlx::query(
            "UPDATE translations SET outdated = 1 WHERE item_id = $1 AND (state = $2 OR state = $3)",
        )
        .bind(id.as_str().to_owned())
        .bind(done[0])
        .bind(done[1])
        .execute(&mut *tx)
        .await?;
    }
    record(
        &mut tx,
        actor,
        Action::Update,
        "content_item",
        id.as_str(),
        Some(&before),
        Some(&after),
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Content, id.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes an item with its translations.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &ContentItemId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM content_items WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(
        &mut tx,
        actor,
        Action::Delete,
        "content_item",
        id.as_str(),
        Some(&before),
        None::<&ContentItem>,
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Content, id.as_str()).await?;
    tx.commit().await?;
    Ok(())
}

/// The languages an item is translated into: its campaign's, but its source.
async fn target_langs(
    conn: &mut sqlx::AnyConnection,
    it: &ContentItem,
) -> Result<Vec<LanguageCode>> {
    let campaign = super::read(conn, &it.campaign).await?;
    Ok(campaign
        .fields
        .languages
        .into_iter()
        .filter(|l| l != &it.fields.source_lang)
        .collect())
}

/// An item's translations into every language of its campaign but the source, in
/// the campaign's order; a language with nothing stored is missing.
#[tracing::instrument(skip(db))]
pub async fn translations(db: &Db, item: &ContentItemId) -> Result<Vec<Translation>> {
    let mut conn = db.pool().acquire().await?;
    let it = read(&mut conn, item).await?;
    let langs = target_langs(&mut conn, &it).await?;
    let stored: Vec<Translation> = crate::sql::dynamic(format!(
        "SELECT {TRANSLATION_COLUMNS} FROM translations WHERE item_id = $1"
    ))
    .bind(item.as_str().to_owned())
    .fetch_all(&mut *conn)
    .await?
    .iter()
    .map(translation)
    .collect::<Result<_>>()?;
    Ok(in_langs(item, langs, &stored))
}

/// A campaign's content items, oldest first, each with its translations as
/// [`translations`] gives them: for the translation matrix, in two queries.
#[tracing::instrument(skip(db, campaign))]
pub async fn with_translations(
    db: &Db,
    campaign: &Campaign,
) -> Result<Vec<(ContentItem, Vec<Translation>)>> {
    let items = of_campaign(db, &campaign.id).await?;
    let mut sql = crate::sql::Sql::new(&format!(
        "SELECT {TRANSLATION_COLUMNS} FROM translations WHERE item_id IN \
         (SELECT id FROM content_items WHERE campaign_id = "
    ));
    sql.bind_text(campaign.id.as_str()).push(")");
    let mut stored: HashMap<String, Vec<Translation>> = HashMap::new();
    for row in sql
        .fetch_rows(db.backend(), db.pool(), TRANSLATION_COLUMNS)
        .await?
        .iter()
    {
        let t = translation(&row)?;
        stored.entry(t.item.to_string()).or_default().push(t);
    }
    Ok(items
        .into_iter()
        .map(|it| {
            let langs = campaign
                .fields
                .languages
                .iter()
                .filter(|l| *l != &it.fields.source_lang)
                .cloned()
                .collect();
            let found = stored.remove(it.id.as_str()).unwrap_or_default();
            let translations = in_langs(&it.id, langs, &found);
            (it, translations)
        })
        .collect())
}

/// The translations of `item` into `langs`, in that order, from those `stored`; a
/// language with nothing stored is missing.
fn in_langs(
    item: &ContentItemId,
    langs: Vec<LanguageCode>,
    stored: &[Translation],
) -> Vec<Translation> {
    langs
        .into_iter()
        .map(|lang| {
            stored
                .iter()
                .find(|t| t.lang == lang)
                .cloned()
                .unwrap_or_else(|| missing(item, lang))
        })
        .collect()
}

fn missing(item: &ContentItemId, lang: LanguageCode) -> Translation {
    Translation {
        item: item.clone(),
        lang,
        fields: TranslationFields {
            title: None,
            body: None,
            assignee: None,
            due: None,
        },
        state: TranslationState::Missing,
        outdated: false,
    }
}

/// The translations assigned to `user` that are not yet published, soonest due
/// first (those without a due date last), each with its item.
#[tracing::instrument(skip(db))]
pub async fn assigned_to(db: &Db, user: &UserId) -> Result<Vec<(ContentItem, Translation)>> {
    let rows = sqlx::query(
        "SELECT t.item_id, t.lang, t.title, t.body, t.state, t.outdated, t.assignee_id, t.due_date,          i.id, i.campaign_id, i.kind, i.channel, i.source_lang, i.title AS item_title, i.body AS item_body          FROM translations t JOIN content_items i ON i.id = t.item_id          WHERE t.assignee_id = $1 AND t.state <> 'published'          ORDER BY CASE WHEN t.due_date IS NULL THEN 1 ELSE 0 END, t.due_date, i.id, t.lang",
    )
    .bind(user.as_str().to_owned())
    .fetch_all(db.pool())
    .await?;
    rows.iter()
        .map(|r| Ok((item_fields(r, "item_title", "item_body")?, translation(r)?)))
        .collect()
}

/// One translation; a language the item is not translated into is not found.
#[tracing::instrument(skip(db))]
pub async fn translation_of(
    db: &Db,
    item: &ContentItemId,
    lang: &LanguageCode,
) -> Result<Translation> {
    let mut conn = db.pool().acquire().await?;
    read_translation(&mut conn, item, lang).await
}

async fn read_translation(
    conn: &mut sqlx::AnyConnection,
    item: &ContentItemId,
    lang: &LanguageCode,
) -> Result<Translation> {
    let it = read(conn, item).await?;
    if !target_langs(conn, &it).await?.contains(lang) {
        return Err(StoreError::NotFound);
    }
    let row = crate::sql::dynamic(format!(
        "SELECT {TRANSLATION_COLUMNS} FROM translations WHERE item_id = $1 AND lang = $2"
    ))
    .bind(item.as_str().to_owned())
    .bind(lang.as_str().to_owned())
    .fetch_optional(&mut *conn)
    .await?;
    match row {
        Some(row) => translation(&row),
        None => Ok(missing(item, lang.clone())),
    }
}

/// Writes a translation's text, translator and due date. Changing the text moves
/// the state as `TranslationState::after_edit` says and clears "out of date".
#[tracing::instrument(skip(db, fields))]
pub async fn save_translation(
    db: &Db,
    actor: &Actor,
    item: &ContentItemId,
    lang: &LanguageCode,
    fields: TranslationFields,
) -> Result<Translation> {
    let mut tx = db.begin_write().await?;
    let before = read_translation(&mut tx, item, lang).await?;
    if let Some(user) = &fields.assignee
        && !exists(&mut tx, "users", "id", user.as_str()).await?
    {
        return Err(StoreError::Invalid(Invalid::new(
            "assignee",
            Problem::UnknownValue,
        )));
    }
    let text_changed = before.fields.title != fields.title || before.fields.body != fields.body;
    let state = if text_changed && fields.title.is_some() {
        before.state.after_edit()
    } else {
        before.state
    };
    let after = Translation {
        fields,
        state,
        outdated: before.outdated && !text_changed,
        ..before.clone()
    };
    write_translation(&mut tx, &after).await?;
    if state != before.state {
        record_change(&mut tx, actor, &after, before.state).await?;
    }
    record_translation(&mut tx, actor, &before, &after).await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Content, item.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Moves a translation to state `to`, if the workflow allows it from where it is.
#[tracing::instrument(skip(db))]
pub async fn move_translation(
    db: &Db,
    actor: &Actor,
    item: &ContentItemId,
    lang: &LanguageCode,
    to: TranslationState,
) -> Result<Translation> {
    let mut tx = db.begin_write().await?;
    let before = read_translation(&mut tx, item, lang).await?;
    before.state.check_move(to).map_err(StoreError::Invalid)?;
    // Conditional on the state read: of two simultaneous moves, the second fails.
    let done = sqlx::query(
        "UPDATE translations SET state = $3, updated_at = $4 WHERE item_id = $1 AND lang = $2 AND state = $5",
    )
    .bind(item.as_str().to_owned())
    .bind(lang.as_str().to_owned())
    .bind(to.as_str())
    .bind(crate::now_ms())
    .bind(before.state.as_str())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(StoreError::Conflict);
    }
    let after = Translation {
        state: to,
        ..before.clone()
    };
    record_change(&mut tx, actor, &after, before.state).await?;
    record_translation(&mut tx, actor, &before, &after).await?;
    tx.commit().await?;
    Ok(after)
}

/// A translation's changes of state, oldest first.
#[tracing::instrument(skip(db))]
pub async fn history(
    db: &Db,
    item: &ContentItemId,
    lang: &LanguageCode,
) -> Result<Vec<StateChange>> {
    let state = |raw: String| {
        TranslationState::parse(&raw).map_err(|_| StoreError::Corrupt("translation_changes.state"))
    };
    sqlx::query(
        "SELECT from_state, to_state, at, by_label FROM translation_changes \
         WHERE item_id = $1 AND lang = $2 ORDER BY at, id",
    )
    .bind(item.as_str().to_owned())
    .bind(lang.as_str().to_owned())
    .fetch_all(db.pool())
    .await?
    .iter()
    .map(|r| {
        Ok(StateChange {
            from: state(r.try_get("from_state")?)?,
            to: state(r.try_get("to_state")?)?,
            at: from_millis(r.try_get("at")?),
            by: r.try_get("by_label")?,
        })
    })
    .collect()
}

async fn write_translation(tx: &mut Transaction<'_, Any>, t: &Translation) -> Result<()> {
    let now = crate::now_ms();
    let done = sqlx::query(
        "UPDATE translations SET title = $3, body = $4, state = $5, outdated = $6, assignee_id = $7, \
         due_date = $8, updated_at = $9 WHERE item_id = $1 AND lang = $2",
    )
    .bind(t.item.as_str().to_owned())
    .bind(t.lang.as_str().to_owned())
    .bind(t.fields.title.clone())
    .bind(t.fields.body.clone())
    .bind(t.state.as_str())
    .bind(i64::from(t.outdated))
    .bind(t.fields.assignee.as_ref().map(|u| u.as_str().to_owned()))
    .bind(t.fields.due.map(|d| d.to_string()))
    .bind(now)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() == 0 {
        sqlx::query(
            "INSERT INTO translations (item_id, lang, title, body, state, outdated, assignee_id, due_date, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(t.item.as_str().to_owned())
        .bind(t.lang.as_str().to_owned())
        .bind(t.fields.title.clone())
        .bind(t.fields.body.clone())
        .bind(t.state.as_str())
        .bind(i64::from(t.outdated))
        .bind(t.fields.assignee.as_ref().map(|u| u.as_str().to_owned()))
        .bind(t.fields.due.map(|d| d.to_string()))
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

async fn record_change(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    t: &Translation,
    from: TranslationState,
) -> Result<()> {
    let actor_id = match actor {
        Actor::User(u) => Some(u.as_str().to_owned()),
        Actor::System => None,
    };
    sqlx::query(
        "INSERT INTO translation_changes (id, item_id, lang, from_state, to_state, at, by_label) \
         VALUES ($1, $2, $3, $4, $5, $6, COALESCE((SELECT email FROM users WHERE id = $7), 'system'))",
    )
    .bind(AuditId::new().as_str().to_owned())
    .bind(t.item.as_str().to_owned())
    .bind(t.lang.as_str().to_owned())
    .bind(from.as_str())
    .bind(t.state.as_str())
    .bind(crate::now_ms())
    .bind(actor_id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

async fn record_translation(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    before: &Translation,
    after: &Translation,
) -> Result<()> {
    let key = format!("{}:{}", after.item, after.lang.as_str());
    record(
        tx,
        actor,
        Action::Update,
        "translation",
        &key,
        Some(before),
        Some(after),
    )
    .await
}

async fn record<T: serde::Serialize>(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    entity: &'static str,
    entity_id: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity,
            entity_id,
            before,
            after,
        },
    )
    .await
}

fn item(row: &impl Columns) -> Result<ContentItem> {
    item_fields(row, "title", "body")
}

fn item_fields(row: &impl Columns, title: &str, body: &str) -> Result<ContentItem> {
    let text = |c: &str| row.get::<String>(c);
    Ok(ContentItem {
        id: ContentItemId::from_stored(text("id")?),
        campaign: CampaignId::from_stored(text("campaign_id")?),
        fields: ContentFields {
            kind: ContentKind::parse(&text("kind")?)
                .map_err(|_| StoreError::Corrupt("content_items.kind"))?,
            channel: Channel::parse(&text("channel")?)
                .map_err(|_| StoreError::Corrupt("content_items.channel"))?,
            source_lang: LanguageCode::from_stored(text("source_lang")?),
            title: text(title)?,
            body: row.get(body)?,
        },
    })
}

fn translation(row: &impl Columns) -> Result<Translation> {
    let text = |c: &str| row.get::<String>(c);
    Ok(Translation {
        item: ContentItemId::from_stored(text("item_id")?),
        lang: LanguageCode::from_stored(text("lang")?),
        fields: TranslationFields {
            title: row.get("title")?,
            body: row.get("body")?,
            assignee: row
                .get::<Option<String>>("assignee_id")?
                .map(UserId::from_stored),
            due: row
                .get::<Option<String>>("due_date")?
                .map(|d| day(&d, "translations.due_date"))
                .transpose()?,
        },
        state: TranslationState::parse(&text("state")?)
            .map_err(|_| StoreError::Corrupt("translations.state"))?,
        outdated: row.get::<i64>("outdated")? != 0,
    })
}
