//! A small builder for SQL whose shape depends on the request (filters, scopes),
//! numbering `$N` placeholders as it goes. sqlx's own `QueryBuilder` writes `?` for
//! the `Any` driver, which PostgreSQL rejects.

use std::collections::HashMap;

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, Row as _};

use crate::db::Backend;
use crate::error::{Result, StoreError};

/// A query whose text was put together from constants of this crate (never from
/// user input, which is always bound).
pub(crate) fn dynamic<'q>(text: String) -> Query<'q, Any, AnyArguments> {
    sqlx::query(sqlx::AssertSqlSafe(text))
}

/// A value to bind.
#[derive(Debug, Clone)]
pub(crate) enum Arg {
    Text(String),
    Int(i64),
    /// A floating-point number (REAL / DOUBLE PRECISION).
    Real(f64),
    /// NULL for a text column (PostgreSQL types a NULL by its bound value).
    Null,
    /// NULL for an integer column.
    NullInt,
}

/// SQL text with its arguments.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    text: String,
    args: Vec<Arg>,
}

impl Sql {
    pub(crate) fn new(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            args: Vec::new(),
        }
    }

    /// Appends SQL text.
    pub(crate) fn push(&mut self, text: &str) -> &mut Self {
        self.text.push_str(text);
        self
    }

    /// Appends a placeholder bound to `arg`.
    pub(crate) fn bind(&mut self, arg: Arg) -> &mut Self {
        self.args.push(arg);
        self.text.push('$');
        self.text.push_str(&self.args.len().to_string());
        self
    }

    pub(crate) fn bind_text(&mut self, value: impl Into<String>) -> &mut Self {
        self.bind(Arg::Text(value.into()))
    }

    pub(crate) fn bind_int(&mut self, value: i64) -> &mut Self {
        self.bind(Arg::Int(value))
    }

    /// Appends ` IN (…)` of `values`, bound as a single JSON array. SQLite finds a
    /// bound value's name by walking the list of all of them, so a list of hundreds of
    /// separately bound values costs time in the square of its length.
    pub(crate) fn push_in<S: AsRef<str>>(
        &mut self,
        backend: Backend,
        values: impl IntoIterator<Item = S>,
    ) -> &mut Self {
        let list: Vec<String> = values.into_iter().map(|v| v.as_ref().to_owned()).collect();
        let json = serde_json::to_string(&list).unwrap_or_else(|_| "[]".to_owned());
        match backend {
            Backend::Sqlite => self
                .push(" IN (SELECT value FROM json_each(")
                .bind_text(json)
                .push("))"),
            Backend::Postgres => self
                .push(" IN (SELECT json_array_elements_text(CAST(")
                .bind_text(json)
                .push(" AS json)))"),
        }
    }

    /// This query (a `SELECT` of the plain columns `columns`) rewritten to return all
    /// its rows as one JSON array of arrays, in a single row, for [`Sql::fetch_json`].
    ///
    /// SQLite hands each row of a result from its worker thread to the async side one
    /// at a time, a lock and a wake-up per row: a result of hundreds of rows costs far
    /// more as rows than as one text. The order of the inner query is kept in practice
    /// on both engines but not promised, so callers that need an order sort again.
    pub(crate) fn into_json_rows(mut self, backend: Backend, columns: &str) -> Self {
        self.text = match backend {
            Backend::Sqlite => format!(
                "SELECT json_group_array(json_array({columns})) AS json_rows FROM ({}) AS r",
                self.text
            ),
            Backend::Postgres => format!(
                "SELECT CAST(COALESCE(json_agg(json_build_array({columns})), '[]') AS TEXT) \
                 AS json_rows FROM ({}) AS r",
                self.text
            ),
        };
        self
    }

    /// Runs a query made by [`Sql::into_json_rows`] and reads each row as a `T` (a
    /// tuple struct with the columns in order).
    pub(crate) async fn fetch_json<'e, T: serde::de::DeserializeOwned>(
        &self,
        executor: impl sqlx::Executor<'e, Database = Any>,
    ) -> Result<Vec<T>> {
        let row = self.query().fetch_one(executor).await?;
        let text: String = row.try_get("json_rows")?;
        serde_json::from_str(&text).map_err(|_| StoreError::Corrupt("json rows"))
    }

    /// Runs this query (a `SELECT` of the plain columns `columns`) as
    /// [`Sql::into_json_rows`] does and returns its rows, read by column name like the
    /// database's own rows ([`Columns`]): for lists of records whose decoder also reads
    /// single rows.
    pub(crate) async fn fetch_rows<'e>(
        self,
        backend: Backend,
        executor: impl sqlx::Executor<'e, Database = Any>,
        columns: &str,
    ) -> Result<JsonRows> {
        Ok(JsonRows {
            names: columns.split(',').map(|c| c.trim().to_owned()).collect(),
            rows: self
                .into_json_rows(backend, columns)
                .fetch_json(executor)
                .await?,
        })
    }

    /// The query, ready to run.
    pub(crate) fn query(&self) -> Query<'_, Any, AnyArguments> {
        self.args
            .iter()
            .fold(dynamic(self.text.clone()), |q, arg| match arg {
                Arg::Text(t) => q.bind(t.as_str()),
                Arg::Int(i) => q.bind(*i),
                Arg::Real(r) => q.bind(*r),
                Arg::Null => q.bind(None::<String>),
                Arg::NullInt => q.bind(None::<i64>),
            })
    }
}

/// The engine behind a connection, for code that holds a connection or a transaction
/// rather than the pool.
pub(crate) fn backend_of(conn: &sqlx::AnyConnection) -> Backend {
    match conn.backend_name() {
        "PostgreSQL" => Backend::Postgres,
        _ => Backend::Sqlite,
    }
}

/// The values of `column` in the link table `table` for each of `owners` (matched on
/// `owner_column`), in that column's order: one query for all owners rather than one
/// per owner, for lists.
pub(crate) async fn links_of(
    conn: &mut sqlx::AnyConnection,
    table: &str,
    owner_column: &str,
    column: &str,
    owners: &[String],
) -> Result<HashMap<String, Vec<String>>> {
    let mut links: HashMap<String, Vec<String>> = HashMap::new();
    if owners.is_empty() {
        return Ok(links);
    }
    let backend = backend_of(conn);
    let mut sql = Sql::new(&format!(
        "SELECT {owner_column} AS owner, {column} AS linked FROM {table} WHERE {owner_column}"
    ));
    sql.push_in(backend, owners);
    let rows: Vec<(String, String)> = sql
        .into_json_rows(backend, "owner, linked")
        .fetch_json(&mut *conn)
        .await?;
    for (owner, linked) in rows {
        links.entry(owner).or_default().push(linked);
    }
    for linked in links.values_mut() {
        linked.sort_unstable();
    }
    Ok(links)
}

/// Makes `ids` the whole set of `column` values linked to `owner` in the link table
/// `table` (matched on `owner_column`): the owner's rows go, then the new ones are
/// inserted. Names are `'static` so that only this crate's constants reach the SQL.
pub(crate) async fn replace_links<'a>(
    tx: &mut sqlx::Transaction<'_, Any>,
    table: &'static str,
    owner_column: &'static str,
    owner: &str,
    column: &'static str,
    ids: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    dynamic(format!("DELETE FROM {table} WHERE {owner_column} = $1"))
        .bind(owner.to_owned())
        .execute(&mut **tx)
        .await?;
    let rows = ids
        .into_iter()
        .map(|id| vec![Arg::Text(owner.to_owned()), Arg::Text(id.to_owned())])
        .collect();
    insert_rows(tx, table, &[owner_column, column], rows).await
}

/// Inserts `rows` into `table` inside `tx`, a thousand rows per statement, each
/// thousand bound as a single JSON text that the engine takes apart (`json_each` on
/// SQLite (`jsonb_each`, whose rows stay in SQLite's binary form rather than
/// becoming text to be parsed again), `json_populate_recordset` on PostgreSQL, which types each value by its
/// column). For bulk writes: imports and the large demo.
///
/// A statement of many separately bound values costs more than its rows: SQLite finds
/// each bound value's name by walking the list of all of them, and small statements
/// cost a hand-off to the database's thread each. Measured on an import of 100,000
/// organisations, statements of 100 bound values took 10 s, one JSON text per
/// thousand rows a fraction of that.
///
/// On SQLite the statement is `INSERT OR FAIL`: a failed statement keeps the rows it
/// wrote before failing, which spares SQLite a journal of each statement's own
/// changes. Every caller returns the error and so drops, rolling back, the whole
/// transaction.
pub(crate) async fn insert_rows(
    tx: &mut sqlx::Transaction<'_, Any>,
    table: &str,
    columns: &[&str],
    rows: Vec<Vec<Arg>>,
) -> crate::error::Result<()> {
    const ROWS_PER_STATEMENT: usize = 1_000;
    if rows.is_empty() {
        return Ok(());
    }
    let backend = backend_of(tx);
    let names = columns.join(", ");
    let text = match backend {
        Backend::Sqlite => {
            let picked: Vec<String> = (0..columns.len())
                .map(|i| format!("value ->> {i}"))
                .collect();
            format!(
                "INSERT OR FAIL INTO {table} ({names}) SELECT {} FROM jsonb_each($1)",
                picked.join(", ")
            )
        }
        Backend::Postgres => format!(
            "INSERT INTO {table} ({names}) SELECT {names} \
             FROM json_populate_recordset(NULL::{table}, CAST($1 AS json))"
        ),
    };
    for chunk in rows.chunks(ROWS_PER_STATEMENT) {
        let json = match backend {
            Backend::Sqlite => serde_json::to_string(chunk),
            Backend::Postgres => {
                let named: Vec<NamedRow<'_>> =
                    chunk.iter().map(|row| NamedRow { columns, row }).collect();
                serde_json::to_string(&named)
            }
        }
        .map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
        dynamic(text.clone()).bind(json).execute(&mut **tx).await?;
    }
    Ok(())
}

/// A value as JSON, for [`insert_rows`]. A real number that is not finite (which no
/// check lets through) has no JSON form and is written as null.
impl serde::Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            Self::Text(t) => s.serialize_str(t),
            Self::Int(i) => s.serialize_i64(*i),
            Self::Real(r) => s.serialize_f64(*r),
            Self::Null | Self::NullInt => s.serialize_none(),
        }
    }
}

/// A row as a JSON object keyed by its columns' names, as PostgreSQL's
/// `json_populate_recordset` reads it.
struct NamedRow<'a> {
    columns: &'a [&'a str],
    row: &'a [Arg],
}

impl serde::Serialize for NamedRow<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = s.serialize_map(Some(self.columns.len()))?;
        for (column, value) in self.columns.iter().zip(self.row) {
            map.serialize_entry(column, value)?;
        }
        map.end()
    }
}

/// The rows of a query made by [`Sql::into_json_rows`], with their column names.
pub(crate) struct JsonRows {
    names: Vec<String>,
    rows: Vec<Vec<serde_json::Value>>,
}

impl JsonRows {
    /// Each row, to read by column name.
    pub(crate) fn iter(&self) -> impl Iterator<Item = JsonRow<'_>> {
        self.rows.iter().map(|values| JsonRow {
            names: &self.names,
            values,
        })
    }
}

/// One row of [`JsonRows`].
pub(crate) struct JsonRow<'a> {
    names: &'a [String],
    values: &'a [serde_json::Value],
}

/// A value a row can hold, as either kind of row reads it.
pub(crate) trait Column:
    serde::de::DeserializeOwned + for<'r> sqlx::Decode<'r, Any> + sqlx::Type<Any>
{
}

impl<T> Column for T where
    T: serde::de::DeserializeOwned + for<'r> sqlx::Decode<'r, Any> + sqlx::Type<Any>
{
}

/// A row read by column name: the database's own, or one of [`JsonRows`]. Decoders
/// take `&impl Columns` so that a single record and a long list share them.
pub(crate) trait Columns {
    fn get<T: Column>(&self, column: &str) -> Result<T>;
}

impl Columns for sqlx::any::AnyRow {
    fn get<T: Column>(&self, column: &str) -> Result<T> {
        Ok(self.try_get::<T, _>(column)?)
    }
}

impl Columns for JsonRow<'_> {
    fn get<T: Column>(&self, column: &str) -> Result<T> {
        let value = self
            .names
            .iter()
            .position(|n| n == column)
            .and_then(|i| self.values.get(i))
            .ok_or(StoreError::Corrupt("json rows"))?;
        T::deserialize(value).map_err(|_| StoreError::Corrupt("json rows"))
    }
}
