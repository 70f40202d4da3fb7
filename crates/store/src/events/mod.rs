//! Events with their speakers and organisers; registrations and the waiting list
//! in `registrations`. Anonymous readers get public events
//! only; every signed-in user gets public and network events. Each change raises the
//! event's `sequence`, which calendars use to replace their copy.

pub mod feeds;
mod filter;
pub mod registrations;

pub use filter::EventFilter;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use sqlx::{Any, Transaction};
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::CountryCode;
use tadamun_core::events::clash::{Audience, BUFFER_MINUTES, Shared, clash};
use tadamun_core::events::{Event, EventFields, EventKind, can_see};
use tadamun_core::groups::Start;
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{EventId, GroupId, OrganisationId, PersonId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::time::from_millis;
use tadamun_core::visibility::{Viewer, Visibility};
use tadamun_core::{Invalid, Problem};

use crate::Db;
use crate::audit::{self, Change};
use crate::directory::{read_list, stored_list};
use crate::error::{Result, StoreError};
use crate::groups::{exists, from_json, json};
use crate::sql::{Arg, Sql, backend_of, links_of};
use crate::versions::Area;

const COLUMNS: &str = "id, kind, title, title_lang, titles, description, descriptions, start_at, \
     time_zone, duration, link, country, city, languages, interpretation, regions, visibility, \
     capacity, registration_opens, registration_closes, sequence, cancelled_at";

/// The events `viewer` may see that match `filter`, earliest first: for a bounded
/// window (a calendar's month, a feed, clashes). Lists a reader pages through use
/// [`page`].
#[tracing::instrument(skip(db))]
pub async fn list(db: &Db, viewer: &Viewer, filter: &EventFilter) -> Result<Vec<Event>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM events WHERE 1 = 1"));
    filter.push(&mut sql, viewer);
    sql.push(" ORDER BY start_at, id");
    let mut found = events_of(db, sql).await?;
    found.sort_by(|a, b| (a.fields.start.millis(), &a.id).cmp(&(b.fields.start.millis(), &b.id)));
    Ok(found)
}

/// Which way a page of events runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Earliest first: what is coming.
    Forward,
    /// Latest first: what has been.
    Backward,
}

/// What a page of events is kept by. The reader counts only as signed in or not:
/// anonymous readers see public events, everyone signed in sees the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct PageKey {
    signed_in: bool,
    filter: EventFilter,
    direction: Direction,
    request: PageRequest,
}

/// A page of the events `viewer` may see that match `filter`, in `direction`. The
/// cursor holds the last event's start and id, so pages stay stable as events are
/// added.
///
/// Kept while the events' version stands, except when narrowed by organisers' names,
/// which are read from organisations.
#[tracing::instrument(skip(db))]
pub async fn page(
    db: &Db,
    viewer: &Viewer,
    filter: &EventFilter,
    direction: Direction,
    request: &PageRequest,
) -> Result<Arc<Page<Event>>> {
    if filter.organiser.is_some() {
        return Ok(Arc::new(
            read_page(db, viewer, filter, direction, request).await?,
        ));
    }
    let key = PageKey {
        signed_in: !matches!(viewer, Viewer::Anonymous),
        filter: filter.clone(),
        direction,
        request: request.clone(),
    };
    db.caches()
        .event_pages
        .get_or_read(db, Area::Events, &key, async || {
            read_page(db, viewer, filter, direction, request).await
        })
        .await
}

async fn read_page(
    db: &Db,
    viewer: &Viewer,
    filter: &EventFilter,
    direction: Direction,
    request: &PageRequest,
) -> Result<Page<Event>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM events WHERE 1 = 1"));
    filter.push(&mut sql, viewer);
    let (beyond, order) = match direction {
        Direction::Forward => (">", "ASC"),
        Direction::Backward => ("<", "DESC"),
    };
    if let Some(after) = &request.after {
        // The cursor was checked when parsed: the start in milliseconds, a dot, the id.
        let (at, id) = after
            .split_once('.')
            .and_then(|(at, id)| Some((at.parse::<i64>().ok()?, id)))
            .ok_or(StoreError::Invalid(Invalid::new("cursor", Problem::Cursor)))?;
        sql.push(&format!(" AND (start_at {beyond} "))
            .bind_int(at)
            .push(" OR (start_at = ")
            .bind_int(at)
            .push(&format!(" AND id {beyond} "))
            .bind_text(id)
            .push("))");
    }
    sql.push(&format!(" ORDER BY start_at {order}, id {order} LIMIT "))
        .bind_int(request.limit + 1);
    let mut found = events_of(db, sql).await?;
    found.sort_by(|a, b| {
        let order = (a.fields.start.millis(), &a.id).cmp(&(b.fields.start.millis(), &b.id));
        match direction {
            Direction::Forward => order,
            Direction::Backward => order.reverse(),
        }
    });
    let keyed = found
        .into_iter()
        .map(|e| (format!("{}.{}", e.fields.start.millis(), e.id), e))
        .collect();
    Ok(Page::from_rows(keyed, request.limit, |(key, _)| key.as_str()).map(|(_, e)| e))
}

/// The events `viewer` may see that clash with an event at `[start, end)` for
/// `audience` (overlapping within the buffer, sharing a region or a language),
/// leaving out `except` (the event itself), each with what they share.
#[tracing::instrument(skip(db, audience))]
pub async fn clashes(
    db: &Db,
    viewer: &Viewer,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    audience: &Audience,
    except: Option<&EventId>,
) -> Result<Vec<(Event, Shared)>> {
    let buffer = chrono::Duration::minutes(BUFFER_MINUTES);
    let near = list(
        db,
        viewer,
        &EventFilter {
            from: Some(start - buffer),
            to: Some(end + buffer),
            ..Default::default()
        },
    )
    .await?;
    Ok(near
        .into_iter()
        .filter(|e| Some(&e.id) != except)
        .filter_map(|e| clash(start, end, audience, &e.fields).map(|s| (e, s)))
        .collect())
}

/// One event, if `viewer` may see it.
#[tracing::instrument(skip(db))]
pub async fn get(db: &Db, viewer: &Viewer, id: &EventId) -> Result<Event> {
    let mut conn = db.pool().acquire().await?;
    let e = read(&mut conn, id).await?;
    if can_see(viewer, e.fields.visibility) {
        Ok(e)
    } else {
        Err(StoreError::NotFound)
    }
}

async fn read(conn: &mut sqlx::AnyConnection, id: &EventId) -> Result<Event> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM events WHERE id = "));
    sql.bind_text(id.as_str());
    let row: EventRow = sql
        .into_json_rows(backend_of(conn), COLUMNS)
        .fetch_json(&mut *conn)
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    let links = Links::of(conn, std::slice::from_ref(&row.0)).await?;
    event(row, &links)
}

/// Adds an event with its speakers and organisers.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: EventFields) -> Result<Event> {
    let mut tx = db.begin_write().await?;
    check_references(&mut tx, &fields).await?;
    let e = Event {
        id: EventId::new(),
        fields,
        sequence: 0,
        cancelled: false,
    };
    let now = crate::now_ms();
    let mut sql = Sql::new("INSERT INTO events (id, created_at, updated_at, sequence");
    for column in VALUE_COLUMNS {
        sql.push(", ").push(column);
    }
    sql.push(") VALUES (")
        .bind_text(e.id.as_str())
        .push(", ")
        .bind_int(now)
        .push(", ")
        .bind_int(now)
        .push(", 0");
    for value in values(&e.fields)? {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut *tx).await?;
    write_links(&mut tx, &e).await?;
    record(&mut tx, actor, Action::Create, &e.id, None, Some(&e)).await?;
    tx.commit().await?;
    Ok(e)
}

/// Replaces an event's details, speakers and organisers, raising its sequence.
#[tracing::instrument(skip(db, fields))]
pub async fn update(db: &Db, actor: &Actor, id: &EventId, fields: EventFields) -> Result<Event> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    check_references(&mut tx, &fields).await?;
    let after = Event {
        id: id.clone(),
        fields,
        sequence: before.sequence + 1,
        cancelled: before.cancelled,
    };
    let mut sql = Sql::new("UPDATE events SET updated_at = ");
    sql.bind_int(crate::now_ms())
        .push(", sequence = sequence + 1");
    for (column, value) in VALUE_COLUMNS.iter().zip(values(&after.fields)?) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    write_links(&mut tx, &after).await?;
    // More places may have been opened: those waiting get them.
    registrations::fill_places(&mut tx, actor, id).await?;
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

/// Calls an event off: it stays, marked cancelled, its sequence raised so calendars
/// replace their copy, and registration closes. Cancelling twice changes nothing.
#[tracing::instrument(skip(db))]
pub async fn cancel(db: &Db, actor: &Actor, id: &EventId) -> Result<Event> {
    let mut tx = db.begin_write().await?;
    let done = sqlx::query(
        "UPDATE events SET cancelled_at = $1, updated_at = $1, sequence = sequence + 1 \
         WHERE id = $2 AND cancelled_at IS NULL",
    )
    .bind(crate::now_ms())
    .bind(id.as_str().to_owned())
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let after = read(&mut tx, id).await?;
    if done == 1 {
        let before = Event {
            cancelled: false,
            sequence: after.sequence - 1,
            ..after.clone()
        };
        record(
            &mut tx,
            actor,
            Action::Update,
            id,
            Some(&before),
            Some(&after),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(after)
}

/// Removes an event.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &EventId) -> Result<()> {
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, id).await?;
    sqlx::query("DELETE FROM events WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    tx.commit().await?;
    Ok(())
}

async fn check_references(tx: &mut Transaction<'_, Any>, f: &EventFields) -> Result<()> {
    let unknown = |field| StoreError::Invalid(Invalid::new(field, Problem::UnknownValue));
    for person in &f.speakers {
        if !exists(tx, "people", "id", person.as_str()).await? {
            return Err(unknown("speakers"));
        }
    }
    for org in &f.organisations {
        if !exists(tx, "organisations", "id", org.as_str()).await? {
            return Err(unknown("organisations"));
        }
    }
    for group in &f.groups {
        if !exists(tx, "working_groups", "id", group.as_str()).await? {
            return Err(unknown("groups"));
        }
    }
    Ok(())
}

/// Makes the link tables hold exactly the event's speakers, organisers and groups.
async fn write_links(tx: &mut Transaction<'_, Any>, e: &Event) -> Result<()> {
    let links: [(&'static str, &'static str, Vec<&str>); 3] = [
        (
            "event_speakers",
            "person_id",
            e.fields.speakers.iter().map(PersonId::as_str).collect(),
        ),
        (
            "event_organisations",
            "organisation_id",
            e.fields
                .organisations
                .iter()
                .map(OrganisationId::as_str)
                .collect(),
        ),
        (
            "event_groups",
            "group_id",
            e.fields.groups.iter().map(GroupId::as_str).collect(),
        ),
    ];
    for (table, column, ids) in links {
        crate::sql::replace_links(tx, table, "event_id", e.id.as_str(), column, ids).await?;
    }
    Ok(())
}

async fn record(
    tx: &mut Transaction<'_, Any>,
    actor: &Actor,
    action: Action,
    id: &EventId,
    before: Option<&Event>,
    after: Option<&Event>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "event",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

/// The columns an event's fields are written to, in the order of [`values`].
pub(crate) const VALUE_COLUMNS: [&str; 20] = [
    "kind",
    "title",
    "title_lang",
    "titles",
    "description",
    "descriptions",
    "start_at",
    "end_at",
    "time_zone",
    "duration",
    "link",
    "country",
    "city",
    "languages",
    "interpretation",
    "regions",
    "visibility",
    "capacity",
    "registration_opens",
    "registration_closes",
];

fn values(f: &EventFields) -> Result<[Arg; 20]> {
    let text = |v: &str| Arg::Text(v.to_owned());
    let opt = |v: &Option<String>| v.as_deref().map_or(Arg::Null, text);
    let instant =
        |v: Option<DateTime<Utc>>| v.map_or(Arg::NullInt, |t| Arg::Int(t.timestamp_millis()));
    let codes = |l: &[LanguageCode]| Arg::Text(stored_list(l.iter().map(LanguageCode::as_str)));
    Ok([
        text(f.kind.as_str()),
        text(&f.title),
        text(f.title_lang.as_str()),
        Arg::Text(json(&f.titles, "events.titles")?),
        opt(&f.description),
        Arg::Text(json(&f.descriptions, "events.descriptions")?),
        Arg::Int(f.start.millis()),
        Arg::Int(f.end().timestamp_millis()),
        text(f.start.zone.name()),
        Arg::Int(i64::from(f.duration)),
        opt(&f.link),
        f.country.as_ref().map_or(Arg::Null, |c| text(c.as_str())),
        opt(&f.city),
        codes(&f.languages),
        codes(&f.interpretation),
        Arg::Text(stored_list(f.regions.iter().map(String::as_str))),
        text(f.visibility.as_str()),
        f.capacity.map_or(Arg::NullInt, |c| Arg::Int(i64::from(c))),
        instant(f.registration_opens),
        instant(f.registration_closes),
    ])
}

/// The events `sql` (a `SELECT` of [`COLUMNS`]) finds, their speakers and organisers
/// read in one query per table, in no promised order.
async fn events_of(db: &Db, sql: Sql) -> Result<Vec<Event>> {
    let mut conn = db.pool().acquire().await?;
    let rows: Vec<EventRow> = sql
        .into_json_rows(db.backend(), COLUMNS)
        .fetch_json(&mut *conn)
        .await?;
    let ids: Vec<String> = rows.iter().map(|row| row.0.clone()).collect();
    let links = Links::of(&mut conn, &ids).await?;
    rows.into_iter().map(|row| event(row, &links)).collect()
}

/// An `events` row as [`COLUMNS`] lists it, read from JSON rows
/// ([`Sql::into_json_rows`]): a calendar's month is hundreds of events.
#[derive(serde::Deserialize)]
struct EventRow(
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    i64,
    String,
    i64,
    Option<String>,
    Option<String>,
    Option<String>,
    String,
    String,
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    i64,
    Option<i64>,
);

/// The speakers, organisations and working groups of some events, by event id.
#[derive(Default)]
struct Links {
    speakers: HashMap<String, Vec<String>>,
    organisations: HashMap<String, Vec<String>>,
    groups: HashMap<String, Vec<String>>,
}

impl Links {
    /// Reads the links of `ids`.
    async fn of(conn: &mut sqlx::AnyConnection, ids: &[String]) -> Result<Self> {
        Ok(Self {
            speakers: links_of(conn, "event_speakers", "event_id", "person_id", ids).await?,
            organisations: links_of(
                conn,
                "event_organisations",
                "event_id",
                "organisation_id",
                ids,
            )
            .await?,
            groups: links_of(conn, "event_groups", "event_id", "group_id", ids).await?,
        })
    }

    fn take(map: &HashMap<String, Vec<String>>, id: &str) -> Vec<String> {
        map.get(id).cloned().unwrap_or_default()
    }
}

fn event(row: EventRow, links: &Links) -> Result<Event> {
    let EventRow(
        id,
        kind,
        title,
        title_lang,
        titles,
        description,
        descriptions,
        start_at,
        time_zone,
        duration,
        link,
        country,
        city,
        languages,
        interpretation,
        regions,
        visibility,
        capacity,
        registration_opens,
        registration_closes,
        sequence,
        cancelled_at,
    ) = row;
    let titles: BTreeMap<Lang, String> = from_json(&titles, "events.titles")?;
    let descriptions: BTreeMap<Lang, String> = from_json(&descriptions, "events.descriptions")?;
    let speakers = Links::take(&links.speakers, &id);
    let organisations = Links::take(&links.organisations, &id);
    let groups = Links::take(&links.groups, &id);
    let codes = |list: &str| -> Vec<LanguageCode> {
        read_list(list).map(LanguageCode::from_stored).collect()
    };
    Ok(Event {
        fields: EventFields {
            kind: EventKind::parse(&kind).map_err(|_| StoreError::Corrupt("events.kind"))?,
            title,
            title_lang: LanguageCode::from_stored(title_lang),
            titles,
            description,
            descriptions,
            start: Start::from_stored(start_at, &time_zone),
            duration: u16::try_from(duration)
                .map_err(|_| StoreError::Corrupt("events.duration"))?,
            link,
            country: country.map(CountryCode::from_stored),
            city,
            languages: codes(&languages),
            interpretation: codes(&interpretation),
            speakers: speakers.into_iter().map(PersonId::from_stored).collect(),
            organisations: organisations
                .into_iter()
                .map(OrganisationId::from_stored)
                .collect(),
            groups: groups.into_iter().map(GroupId::from_stored).collect(),
            regions: read_list(&regions).collect(),
            visibility: Visibility::parse(&visibility)
                .map_err(|_| StoreError::Corrupt("events.visibility"))?,
            capacity: capacity
                .map(u32::try_from)
                .transpose()
                .map_err(|_| StoreError::Corrupt("events.capacity"))?,
            registration_opens: registration_opens.map(from_millis),
            registration_closes: registration_closes.map(from_millis),
        },
        sequence,
        cancelled: cancelled_at.is_some(),
        id: EventId::from_stored(id),
    })
}
