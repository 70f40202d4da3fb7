//! Failed sign-ins, counted per account and per address in the database so that
//! every app server slows down the same attacker.

use sqlx::Row as _;
use tadamun_core::accounts::{ADDRESS_FREE_FAILURES, THROTTLE_FREE_FAILURES, Throttle};

use crate::Db;
use crate::error::Result;

/// What a count of failures is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject<'a> {
    /// An e-mail address that was tried.
    Account(&'a str),
    /// A client address.
    Address(&'a str),
}

impl Subject<'_> {
    fn parts(&self) -> (&'static str, &str) {
        match self {
            Subject::Account(a) => ("account", a),
            Subject::Address(a) => ("address", a),
        }
    }
}

/// The failures recorded for `subject`.
pub async fn get(db: &Db, subject: Subject<'_>) -> Result<Throttle> {
    let (scope, key) = subject.parts();
    let row = sqlx::query(
        "SELECT failures, last_failure_at FROM login_failures WHERE scope = $1 AND subject = $2",
    )
    .bind(scope)
    .bind(key.to_owned())
    .fetch_optional(db.pool())
    .await?;
    let free_failures = match subject {
        Subject::Account(_) => THROTTLE_FREE_FAILURES,
        Subject::Address(_) => ADDRESS_FREE_FAILURES,
    };
    Ok(match row {
        Some(r) => Throttle {
            failures: r.try_get(0)?,
            last_failure_ms: r.try_get(1)?,
            free_failures,
        },
        None => Throttle {
            failures: 0,
            last_failure_ms: 0,
            free_failures,
        },
    })
}

/// Counts one more failure for `subject`.
pub async fn record_failure(db: &Db, subject: Subject<'_>) -> Result<()> {
    let (scope, key) = subject.parts();
    sqlx::query(
        "INSERT INTO login_failures (scope, subject, failures, last_failure_at) VALUES ($1, $2, 1, $3) \
         ON CONFLICT (scope, subject) DO UPDATE SET failures = login_failures.failures + 1, \
         last_failure_at = excluded.last_failure_at",
    )
    .bind(scope)
    .bind(key.to_owned())
    .bind(crate::now_ms())
    .execute(db.pool())
    .await?;
    Ok(())
}

/// Forgets the failures of `subject` after a successful sign-in.
pub async fn clear(db: &Db, subject: Subject<'_>) -> Result<()> {
    let (scope, key) = subject.parts();
    sqlx::query("DELETE FROM login_failures WHERE scope = $1 AND subject = $2")
        .bind(scope)
        .bind(key.to_owned())
        .execute(db.pool())
        .await?;
    Ok(())
}
