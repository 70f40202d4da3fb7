//! A small builder for SQL whose shape depends on the request (filters, scopes),
//! numbering `$N` placeholders as it goes. sqlx's own `QueryBuilder` writes `?` for
//! the `Any` driver, which PostgreSQL rejects.

use sqlx::Any;
use sqlx::any::AnyArguments;
use sqlx::query::Query;

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
    Null,
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

    /// The query, ready to run.
    pub(crate) fn query(&self) -> Query<'_, Any, AnyArguments> {
        self.args
            .iter()
            .fold(dynamic(self.text.clone()), |q, arg| match arg {
                Arg::Text(t) => q.bind(t.as_str()),
                Arg::Int(i) => q.bind(*i),
                Arg::Null => q.bind(None::<String>),
            })
    }
}
