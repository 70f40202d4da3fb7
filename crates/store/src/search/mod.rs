//! The search index: one entry per record and language in `search_entries`, written
//! in the same transaction as the record ([`refresh`]), searched through FTS5 on
//! SQLite and a GIN-indexed `tsvector` on PostgreSQL, filtered by the visibility
//! policy of `tadamun_core::visibility`.
//!
//! Organisations and people carry their own visibility into their entries; the other
//! kinds (working groups, recommendations, plan items, campaigns, content) are seen by
//! every signed-in user, so their entries are `network`.

mod sources;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use sqlx::Row as _;
use tadamun_core::search::{FORM_VERSION, Highlighted, Kind, Query, highlight};
use tadamun_core::visibility::Viewer;

use self::sources::{Entry, SOURCES};
use crate::db::{Backend, Db};
use crate::error::Result;
use crate::sql::{Arg, Sql, backend_of, insert_rows};
use crate::versions::Area;
use crate::visibility::{Naming, SeenBy, push_scope};

type Tx<'a> = sqlx::Transaction<'a, sqlx::Any>;

const NAMING: Naming<'static> = Naming {
    visibility: "e.visibility",
    organisation: Some("e.organisation_id"),
    users: None,
};

const COLUMNS: [&str; 8] = [
    "kind",
    "record_id",
    "lang",
    "visibility",
    "organisation_id",
    "title",
    "body",
    "search_text",
];

fn values(e: Entry) -> Vec<Arg> {
    vec![
        Arg::Text(e.kind.as_str().to_owned()),
        Arg::Text(e.record_id),
        Arg::Text(e.lang),
        Arg::Text(e.visibility),
        e.organisation_id.map_or(Arg::Null, Arg::Text),
        Arg::Text(e.title),
        Arg::Text(e.body),
        Arg::Text(e.search_text),
    ]
}

/// The entries of `kind` made from its source tables, for the records of `ids` or
/// for all.
async fn entries(
    tx: &mut Tx<'_>,
    backend: Backend,
    kind: Kind,
    ids: Option<&[&str]>,
) -> Result<Vec<Entry>> {
    let mut out = Vec::new();
    for source in SOURCES.iter().filter(|s| s.kind == kind) {
        let mut sql = Sql::new(&format!(
            "SELECT {} FROM {} WHERE 1 = 1{}",
            source.columns, source.table, source.only
        ));
        if let Some(ids) = ids {
            sql.push(" AND ").push(source.id_column);
            sql.push_in(backend, ids.iter());
        }
        let rows: Vec<Vec<serde_json::Value>> = sql
            .into_json_rows(backend, source.columns)
            .fetch_json(&mut **tx)
            .await?;
        for row in rows {
            out.extend((source.build)(kind, &row));
        }
    }
    Ok(out)
}

/// Rewrites the entries of one record from its rows as they stand in `tx`: called by
/// every write of an indexed record, after the write. A deleted record loses its
/// entries.
pub(crate) async fn refresh(tx: &mut Tx<'_>, kind: Kind, id: &str) -> Result<()> {
    refresh_many(tx, kind, &[id]).await
}

/// [`refresh`] for many records at once (imports).
pub(crate) async fn refresh_many(tx: &mut Tx<'_>, kind: Kind, ids: &[&str]) -> Result<()> {
    let backend = backend_of(tx);
    for chunk in ids.chunks(500) {
        let mut sql = Sql::new("DELETE FROM search_entries WHERE kind = ");
        sql.bind_text(kind.as_str()).push(" AND record_id");
        sql.push_in(backend, chunk.iter());
        sql.query().execute(&mut **tx).await?;
        let rows = entries(tx, backend, kind, Some(chunk)).await?;
        insert_rows(
            tx,
            "search_entries",
            &COLUMNS,
            rows.into_iter().map(values).collect(),
        )
        .await?;
    }
    Ok(())
}

/// The entries of records being created, made on another thread while their rows are
/// written: an import's stemming runs beside its inserts instead of after them.
pub(crate) struct Pending(tokio::task::JoinHandle<Vec<Entry>>);

impl Pending {
    /// Starts making the entries of the records of `kind` about to be inserted as
    /// `rows`, whose values are in the order of `columns` (as for
    /// [`insert_rows`]), just as [`refresh`] makes them from the stored rows. `None`
    /// when a source of `kind` reads a column not among `columns` or only some rows.
    pub(crate) fn start(kind: Kind, columns: &[&str], rows: &[Vec<Arg>]) -> Option<Self> {
        let mut sources = SOURCES.iter().filter(|s| s.kind == kind);
        let source = sources.next()?;
        if sources.next().is_some() || !source.only.is_empty() {
            return None;
        }
        let picked: Vec<usize> = source
            .columns
            .split(", ")
            .map(|name| columns.iter().position(|c| *c == name))
            .collect::<Option<_>>()?;
        let read: Vec<Vec<serde_json::Value>> = rows
            .iter()
            .map(|row| picked.iter().map(|i| as_json(&row[*i])).collect())
            .collect();
        let build = source.build;
        Some(Self(tokio::task::spawn_blocking(move || {
            read.iter().flat_map(|row| build(kind, row)).collect()
        })))
    }

    /// Writes the entries into `tx`, after the records' own rows.
    pub(crate) async fn write(self, tx: &mut Tx<'_>) -> Result<()> {
        // A panic while making them is the same panic as if they were made here.
        let entries = self
            .0
            .await
            .unwrap_or_else(|e| std::panic::resume_unwind(e.into_panic()));
        insert_rows(
            tx,
            "search_entries",
            &COLUMNS,
            entries.into_iter().map(values).collect(),
        )
        .await
    }
}

/// A value to be bound as the JSON a row read by [`Sql::into_json_rows`] holds.
fn as_json(arg: &Arg) -> serde_json::Value {
    match arg {
        Arg::Text(t) => serde_json::Value::from(t.as_str()),
        Arg::Int(i) => serde_json::Value::from(*i),
        Arg::Real(r) => serde_json::Value::from(*r),
        Arg::Null | Arg::NullInt => serde_json::Value::Null,
    }
}

/// Removes the entries of `kind` whose record is gone: after deletes that cascade
/// (a plan item's children, a campaign's content).
pub(crate) async fn purge(tx: &mut Tx<'_>, kind: Kind) -> Result<()> {
    for source in SOURCES.iter().filter(|s| s.kind == kind).take(1) {
        let table = source.table;
        crate::sql::dynamic(format!(
            "DELETE FROM search_entries WHERE kind = $1 AND record_id NOT IN (SELECT id FROM {table})"
        ))
        .bind(kind.as_str())
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Rebuilds the whole index from every area's tables, returning the number of
/// entries written.
#[tracing::instrument(skip(db))]
pub async fn reindex(db: &Db) -> Result<usize> {
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM search_entries")
        .execute(&mut *tx)
        .await?;
    let mut written = 0;
    for kind in Kind::ALL {
        let rows = entries(&mut tx, db.backend(), kind, None).await?;
        written += rows.len();
        insert_rows(
            &mut tx,
            "search_entries",
            &COLUMNS,
            rows.into_iter().map(values).collect(),
        )
        .await?;
    }
    sqlx::query("UPDATE search_state SET form_version = $1")
        .bind(FORM_VERSION)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(written)
}

/// Rebuilds the index when it was made with another version of the matching form
/// (or never): run after migrations, so existing databases get indexed.
pub(crate) async fn ensure(db: &Db) -> Result<()> {
    let row = sqlx::query("SELECT form_version FROM search_state")
        .fetch_optional(db.pool())
        .await?;
    let version: i64 = match row {
        Some(row) => row.try_get(0)?,
        None => 0,
    };
    if version != FORM_VERSION {
        let written = reindex(db).await?;
        tracing::info!(written, "rebuilt the search index");
    }
    Ok(())
}

/// What a search is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only this kind.
    pub kind: Option<Kind>,
    /// Only entries in this language.
    pub lang: Option<String>,
    /// At most this many records of each kind.
    pub limit: i64,
}

/// The most characters of a title or excerpt shown with a result.
pub const EXCERPT_CHARS: usize = 160;

/// One record found: the entry that matched best, with the words the query matched
/// marked. They are marked as the results are read, so kept results are not marked
/// again for each reader: marking stems every word shown in every language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: Kind,
    pub record_id: String,
    /// The language of `title` and `excerpt`.
    pub lang: String,
    pub title: String,
    /// The title, cut to [`EXCERPT_CHARS`], with its matched words.
    pub title_marked: Highlighted,
    /// Some of the entry's text around its first match, if it has any text.
    pub excerpt: Option<Highlighted>,
}

/// The records of one kind found, best first, with how many there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub kind: Kind,
    /// How many records of this kind match (`hits` holds at most the limit).
    pub total: Total,
    pub hits: Vec<Hit>,
}

/// How many records of a kind match.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Total {
    /// This many; the hits are the most relevant.
    Exactly(i64),
    /// At least this many: the query's words are so common that only the
    /// [`BROAD`] most recently written entries were weighed, and the hits are the most
    /// recent of those rather than the most relevant.
    AtLeast(i64),
}

impl Total {
    /// The number, exact or not.
    pub fn count(self) -> i64 {
        match self {
            Total::Exactly(n) | Total::AtLeast(n) => n,
        }
    }
}

/// At this many matching entries a query is broad: ranking every match by relevance
/// would cost a tenth of a second and more per search (every match scored and looked
/// up), so only this many, the most recently written, are weighed.
pub const BROAD: i64 = 2_000;

/// The [`BROAD`] most recently written entries that match `query`, as `id`s: the
/// full-text index answers without reading the entries.
fn push_recent(sql: &mut Sql, backend: Backend, query: &Query) {
    match backend {
        Backend::Sqlite => sql
            .push("SELECT rowid AS id FROM search_fts WHERE search_fts MATCH ")
            .bind_text(query.fts5()),
        Backend::Postgres => sql
            .push("SELECT id FROM search_entries WHERE search_vector @@ to_tsquery('simple', ")
            .bind_text(query.tsquery())
            .push(")"),
    };
    sql.push(&format!(" ORDER BY id DESC LIMIT {BROAD}"));
}

/// The matches of `query`: every one, or for a broad query the [`BROAD`] most
/// recently written.
fn push_match(sql: &mut Sql, backend: Backend, query: &Query, broad: bool) {
    match (backend, broad) {
        (Backend::Sqlite, false) => {
            // CROSS JOIN keeps SQLite from walking every entry of a kind and asking the
            // full-text index about each (a second instead of milliseconds on the
            // benchmark's data).
            sql.push(
                "FROM search_fts f CROSS JOIN search_entries e \
                 WHERE e.id = f.rowid AND search_fts MATCH ",
            )
            .bind_text(query.fts5());
        }
        (Backend::Postgres, false) => {
            sql.push("FROM search_entries e WHERE e.search_vector @@ to_tsquery('simple', ")
                .bind_text(query.tsquery())
                .push(")");
        }
        (_, true) => {
            sql.push("FROM (");
            push_recent(sql, backend, query);
            sql.push(") AS m CROSS JOIN search_entries e WHERE e.id = m.id");
        }
    }
}

/// How many records of each kind `viewer` may see among the [`BROAD`] most recent
/// matches of `query`, and whether the query is broad: one pass over the index
/// answers both, since a query that is not broad has no other matches.
async fn count_recent(
    db: &Db,
    viewer: &Viewer,
    query: &Query,
    filter: &SearchFilter,
) -> Result<(HashMap<String, i64>, bool)> {
    let mut sql = Sql::new("WITH m AS (");
    push_recent(&mut sql, db.backend(), query);
    sql.push(
        ") SELECT e.kind, COUNT(DISTINCT e.record_id) AS n, (SELECT COUNT(*) FROM m) AS matched \
         FROM m CROSS JOIN search_entries e WHERE e.id = m.id",
    );
    push_filter(&mut sql, viewer, filter);
    sql.push(" GROUP BY e.kind");
    let mut totals = HashMap::new();
    let mut broad = false;
    for row in sql.query().fetch_all(db.pool()).await? {
        totals.insert(row.try_get("kind")?, row.try_get("n")?);
        broad = row.try_get::<i64, _>("matched")? >= BROAD;
    }
    Ok((totals, broad))
}

fn push_filter(sql: &mut Sql, viewer: &Viewer, filter: &SearchFilter) {
    push_scope(sql, &viewer.scope(), &NAMING);
    if let Some(kind) = filter.kind {
        sql.push(" AND e.kind = ").bind_text(kind.as_str());
    }
    if let Some(lang) = &filter.lang {
        sql.push(" AND e.lang = ").bind_text(lang.clone());
    }
}

/// What kept search results are kept under: whose records, the query and the filter.
pub(crate) type SearchKey = (SeenBy, Query, Option<Kind>, Option<String>, i64);

/// The records `viewer` may see that match `query`, grouped by kind in the order of
/// [`Kind::ALL`], kinds without a match left out. Kept while the index is unchanged
/// ([`Area::Search`]).
#[tracing::instrument(skip(db, viewer))]
pub async fn search(
    db: &Db,
    viewer: &Viewer,
    query: &Query,
    filter: &SearchFilter,
) -> Result<Arc<Vec<Group>>> {
    if query.is_empty() {
        return Ok(Arc::default());
    }
    let key = (
        SeenBy::of(&viewer.scope()),
        query.clone(),
        filter.kind,
        filter.lang.clone(),
        filter.limit,
    );
    db.caches()
        .searches
        .get_or_read(db, Area::Search, &key, async || {
            read_search(db, viewer, query, filter).await
        })
        .await
}

async fn read_search(
    db: &Db,
    viewer: &Viewer,
    query: &Query,
    filter: &SearchFilter,
) -> Result<Vec<Group>> {
    let (totals, broad) = count_recent(db, viewer, query, filter).await?;
    let mut groups = Vec::new();
    for kind in Kind::ALL {
        let Some(&total) = totals.get(kind.as_str()) else {
            continue;
        };
        let mut sql = Sql::new("SELECT e.record_id, e.lang, e.title, e.body ");
        push_match(&mut sql, db.backend(), query, broad);
        push_filter(
            &mut sql,
            viewer,
            &SearchFilter {
                kind: Some(kind),
                ..filter.clone()
            },
        );
        match (db.backend(), broad) {
            (_, true) => sql.push(" ORDER BY e.id DESC"),
            (Backend::Sqlite, false) => sql.push(" ORDER BY bm25(search_fts), e.id"),
            (Backend::Postgres, false) => sql
                .push(" ORDER BY ts_rank(e.search_vector, to_tsquery('simple', ")
                .bind_text(query.tsquery())
                .push(")) DESC, e.id"),
        };
        // A record has an entry per language: read enough to fill the limit.
        sql.push(" LIMIT ")
            .bind_int(filter.limit.saturating_mul(4).max(1));
        let rows = sql.query().fetch_all(db.pool()).await?;
        let mut seen = HashSet::new();
        let mut hits = Vec::new();
        for row in rows {
            let record_id: String = row.try_get("record_id")?;
            if seen.insert(record_id.clone()) && (hits.len() as i64) < filter.limit {
                let title: String = row.try_get("title")?;
                let body: String = row.try_get("body")?;
                hits.push(Hit {
                    kind,
                    record_id,
                    lang: row.try_get("lang")?,
                    title_marked: highlight(&title, query, EXCERPT_CHARS),
                    title,
                    excerpt: (!body.trim().is_empty())
                        .then(|| highlight(&body, query, EXCERPT_CHARS)),
                });
            }
        }
        let total = if broad {
            Total::AtLeast(total)
        } else {
            Total::Exactly(total)
        };
        groups.push(Group { kind, total, hits });
    }
    Ok(groups)
}

/// How many entries each kind has, for the operator's command line.
pub async fn counts(db: &Db) -> Result<BTreeMap<String, i64>> {
    let rows = sqlx::query("SELECT kind, COUNT(*) AS n FROM search_entries GROUP BY kind")
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("kind")?, r.try_get("n")?)))
        .collect()
}
