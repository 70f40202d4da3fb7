use std::time::Duration;

use sqlx::any::{AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Connection as _, Executor as _};

use crate::error::{Result, StoreError};

/// The database engine behind the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server (or one that speaks its protocol).
    Postgres,
}

/// A connection pool to Tadamun's database.
#[derive(Debug, Clone)]
pub struct Db {
    pool: AnyPool,
    backend: Backend,
    /// What is kept between requests while its area's version stands.
    caches: std::sync::Arc<crate::versions::Caches>,
}

impl Db {
    /// Opens the database at `url` (`sqlite://FILE` or `postgres://…`), creating a
    /// SQLite file if it does not exist yet. Does not migrate.
    #[tracing::instrument(skip(url))]
    pub async fn connect(url: &str) -> Result<Self> {
        install_default_drivers();
        let (backend, url) = normalise_url(url)?;
        // Each SQLite connection is a thread of its own, and each thread's allocations
        // stay in its own arena. In the benchmark six kept two cores busy (eight were
        // at most 10 % faster on a few pages, four 5–18 % slower) and held a busy
        // server's memory to about 130 MB, against 155 MB with eight.
        let mut options = AnyPoolOptions::new()
            .max_connections(match backend {
                Backend::Sqlite => 6,
                Backend::Postgres => 16,
            })
            .acquire_timeout(Duration::from_secs(10));
        if backend == Backend::Sqlite {
            options = options.after_connect(|conn, _| {
                Box::pin(async move {
                    // The busy timeout first: the journal mode pragma may wait for
                    // another connection too (two servers starting on one file).
                    conn.execute(
                        "PRAGMA busy_timeout = 5000; PRAGMA journal_mode = WAL; \
                         PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;",
                    )
                    .await?;
                    Ok(())
                })
            });
        }
        // One direct connection first: a refused or misnamed server fails at once
        // with its own message, instead of after the pool's acquire timeout.
        let probe = sqlx::AnyConnection::connect(&url)
            .await
            .map_err(|e| StoreError::Unreachable(first_line(&e.to_string())))?;
        probe.close().await.ok();
        let pool = options
            .connect(&url)
            .await
            .map_err(|e| StoreError::Unreachable(first_line(&e.to_string())))?;
        Ok(Self {
            pool,
            backend,
            caches: std::sync::Arc::default(),
        })
    }

    /// The engine behind this pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// What this server keeps of the database between requests.
    pub(crate) fn caches(&self) -> &crate::versions::Caches {
        &self.caches
    }

    /// Begins a transaction that writes: the one way this crate begins transactions.
    ///
    /// On SQLite it takes the write lock at once (`BEGIN IMMEDIATE`), waiting out
    /// other writers for up to the busy timeout. A deferred transaction that read
    /// first, then found another writer's commit when it came to write, would fail at
    /// once with "database is locked", without waiting: two people saving at the same
    /// moment would see an error. SQLite has one writer at a time either way.
    ///
    /// The task's versions read at its start are forgotten
    /// ([`crate::versions::within`]): what it reads after its own write is read afresh.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        crate::versions::forget();
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            #[allow(
                clippy::disallowed_methods,
                reason = "the one place transactions begin"
            )]
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Which database this is, among those the process has open: the versions read
    /// from one never stand for another's.
    pub(crate) fn id(&self) -> usize {
        std::sync::Arc::as_ptr(&self.caches) as usize
    }

    /// The pool, for the repositories of this crate.
    pub(crate) fn pool(&self) -> &AnyPool {
        &self.pool
    }

    /// Answers when the database answers a query; used by `/readyz`.
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Readies PostgreSQL for reading after a bulk load, as autovacuum would only
    /// later: `ANALYZE` gathers the planner's statistics (without them it takes a
    /// table of 60,000 rows for an empty one and scans it whole where an index would
    /// answer in a tenth of a millisecond), and `VACUUM` marks the new rows visible to
    /// all, so index-only scans and full-text matches need not visit every row again
    /// (a search on freshly loaded data ran 2.5 times faster after it). SQLite plans
    /// from its indexes alone and needs neither.
    pub async fn ready_after_bulk_load(&self) -> Result<()> {
        if self.backend == Backend::Postgres {
            // VACUUM runs outside any transaction: one plain statement, not a prepared
            // one.
            sqlx::raw_sql("VACUUM ANALYZE").execute(&self.pool).await?;
        }
        Ok(())
    }

    /// Applies the migrations this database has not seen yet.
    pub async fn migrate(&self) -> Result<()> {
        crate::migrate::run(self).await?;
        crate::directory::fill_regions(self).await?;
        crate::search::ensure(self).await
    }

    /// Closes every connection, waiting for queries in flight.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Checks the scheme and, for SQLite, asks for the file to be created when missing.
fn normalise_url(url: &str) -> Result<(Backend, String)> {
    let url = url.trim();
    if let Some(rest) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        if rest.is_empty() || rest.starts_with(":memory:") {
            // Every pooled connection to :memory: would get a database of its own.
            return Err(StoreError::BadUrl(url.to_owned()));
        }
        let with_mode = if rest.contains("mode=") {
            format!("sqlite://{rest}")
        } else if rest.contains('?') {
            format!("sqlite://{rest}&mode=rwc")
        } else {
            format!("sqlite://{rest}?mode=rwc")
        };
        return Ok((Backend::Sqlite, with_mode));
    }
    let is_postgres = ["postgres://", "postgresql://"]
        .iter()
        .any(|p| url.starts_with(p));
    if is_postgres && url.len() > "postgres://".len() {
        return Ok((Backend::Postgres, url.to_owned()));
    }
    Err(StoreError::BadUrl(url.to_owned()))
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or_default().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_checked_and_sqlite_files_are_created() {
        assert_eq!(
            normalise_url("sqlite://tadamun.db").unwrap(),
            (Backend::Sqlite, "sqlite://tadamun.db?mode=rwc".into())
        );
        assert_eq!(
            normalise_url("postgres://u@h/db").unwrap().0,
            Backend::Postgres
        );
        for bad in [
            "mysql://x",
            "tadamun.db",
            "sqlite::memory:",
            "postgres://",
            "",
        ] {
            assert!(
                matches!(normalise_url(bad), Err(StoreError::BadUrl(_))),
                "{bad}"
            );
        }
    }
}
