//! A fresh, migrated database for each test: a temporary SQLite file, or a new
//! database on the PostgreSQL server named by `TADAMUN_TEST_POSTGRES`
//! (`postgres://USER@HOST:PORT/postgres`).

use std::path::PathBuf;

use sqlx::Connection as _;

use crate::{Db, StoreError};

/// The variable naming the PostgreSQL server tests run against.
pub const POSTGRES_VAR: &str = "TADAMUN_TEST_POSTGRES";

/// A database that exists for one test.
pub struct TestDatabase {
    /// Its URL, for starting the `tadamun` command against it.
    pub url: String,
    /// A pool on it, migrated.
    pub db: Db,
    file: Option<PathBuf>,
}

impl TestDatabase {
    /// Creates and migrates a new database on the backend the suite runs on.
    pub async fn new() -> Result<Self, StoreError> {
        let test = Self::empty().await?;
        test.db.migrate().await?;
        Ok(test)
    }

    /// Creates a new database without migrating it.
    pub async fn empty() -> Result<Self, StoreError> {
        let name = format!("tadamun_test_{}", uuid::Uuid::now_v7().simple());
        match std::env::var(POSTGRES_VAR).ok().filter(|v| !v.is_empty()) {
            Some(server) => {
                sqlx::any::install_default_drivers();
                let mut admin = sqlx::AnyConnection::connect(&server)
                    .await
                    .map_err(|e| StoreError::Unreachable(e.to_string()))?;
                sqlx::raw_sql(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .execute(&mut admin)
                    .await?;
                admin.close().await?;
                let base = server.rsplit_once('/').map(|(b, _)| b).unwrap_or(&server);
                let url = format!("{base}/{name}");
                let db = Db::connect(&url).await?;
                Ok(Self {
                    url,
                    db,
                    file: None,
                })
            }
            None => {
                let file = std::env::temp_dir().join(format!("{name}.db"));
                let url = format!("sqlite://{}", file.display());
                let db = Db::connect(&url).await?;
                Ok(Self {
                    url,
                    db,
                    file: Some(file),
                })
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(file) = &self.file {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", file.display()));
            }
        }
    }
}

/// Runs raw SQL on `db`, going around the repositories (to prove that the schema
/// itself refuses something).
pub async fn execute(db: &Db, sql: &str) -> Result<u64, StoreError> {
    let done = sqlx::raw_sql(sqlx::AssertSqlSafe(sql.to_owned()))
        .execute(db.pool())
        .await?;
    Ok(done.rows_affected())
}

/// The rows of the raw query `sql` on `db`, every column read as text (NULL as
/// `None`), to compare what the tables hold.
pub async fn texts(db: &Db, sql: &str) -> Result<Vec<Vec<Option<String>>>, StoreError> {
    use sqlx::Row as _;
    let rows = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|row| {
            (0..row.len())
                .map(|i| {
                    row.try_get::<Option<String>, _>(i)
                        .map_err(StoreError::from)
                })
                .collect()
        })
        .collect()
}
