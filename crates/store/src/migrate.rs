//! Migrations, embedded in the binary. Each number exists for both engines and is
//! applied once, in its own transaction, recorded in `schema_migrations`.
//!
//! No advisory locks (CockroachDB has none): when two servers start at once, the
//! second one's insert of the same version fails on the primary key, its transaction
//! rolls back, and it re-reads the applied versions.

use sqlx::Row as _;

use crate::db::{Backend, Db};
use crate::error::{Result, StoreError};

struct Migration {
    version: i64,
    sqlite: &'static str,
    postgres: &'static str,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sqlite: include_str!("../migrations/sqlite/0001_foundation.sql"),
        postgres: include_str!("../migrations/postgres/0001_foundation.sql"),
    },
    Migration {
        version: 2,
        sqlite: include_str!("../migrations/sqlite/0002_two_factor.sql"),
        postgres: include_str!("../migrations/postgres/0002_two_factor.sql"),
    },
    Migration {
        version: 3,
        sqlite: include_str!("../migrations/sqlite/0003_outreach.sql"),
        postgres: include_str!("../migrations/postgres/0003_outreach.sql"),
    },
    Migration {
        version: 4,
        sqlite: include_str!("../migrations/sqlite/0004_organisation_details.sql"),
        postgres: include_str!("../migrations/postgres/0004_organisation_details.sql"),
    },
    Migration {
        version: 5,
        sqlite: include_str!("../migrations/sqlite/0005_people.sql"),
        postgres: include_str!("../migrations/postgres/0005_people.sql"),
    },
    Migration {
        version: 6,
        sqlite: include_str!("../migrations/sqlite/0006_expansion_targets.sql"),
        postgres: include_str!("../migrations/postgres/0006_expansion_targets.sql"),
    },
    Migration {
        version: 7,
        sqlite: include_str!("../migrations/sqlite/0007_imports.sql"),
        postgres: include_str!("../migrations/postgres/0007_imports.sql"),
    },
    Migration {
        version: 8,
        sqlite: include_str!("../migrations/sqlite/0008_region_columns.sql"),
        postgres: include_str!("../migrations/postgres/0008_region_columns.sql"),
    },
    Migration {
        version: 9,
        sqlite: include_str!("../migrations/sqlite/0009_plans.sql"),
        postgres: include_str!("../migrations/postgres/0009_plans.sql"),
    },
    Migration {
        version: 10,
        sqlite: include_str!("../migrations/sqlite/0010_groups.sql"),
        postgres: include_str!("../migrations/postgres/0010_groups.sql"),
    },
    Migration {
        version: 11,
        sqlite: include_str!("../migrations/sqlite/0011_events.sql"),
        postgres: include_str!("../migrations/postgres/0011_events.sql"),
    },
    Migration {
        version: 12,
        sqlite: include_str!("../migrations/sqlite/0012_campaigns.sql"),
        postgres: include_str!("../migrations/postgres/0012_campaigns.sql"),
    },
    Migration {
        version: 13,
        sqlite: include_str!("../migrations/sqlite/0013_reminders.sql"),
        postgres: include_str!("../migrations/postgres/0013_reminders.sql"),
    },
    Migration {
        version: 14,
        sqlite: include_str!("../migrations/sqlite/0014_search.sql"),
        postgres: include_str!("../migrations/postgres/0014_search.sql"),
    },
    Migration {
        version: 15,
        sqlite: include_str!("../migrations/sqlite/0015_events_changed.sql"),
        postgres: include_str!("../migrations/postgres/0015_events_changed.sql"),
    },
    Migration {
        version: 16,
        sqlite: include_str!("../migrations/sqlite/0016_plans_reads.sql"),
        postgres: include_str!("../migrations/postgres/0016_plans_reads.sql"),
    },
    Migration {
        version: 17,
        sqlite: include_str!("../migrations/sqlite/0017_data_versions.sql"),
        postgres: include_str!("../migrations/postgres/0017_data_versions.sql"),
    },
    Migration {
        version: 18,
        sqlite: include_str!("../migrations/sqlite/0018_events_version.sql"),
        postgres: include_str!("../migrations/postgres/0018_events_version.sql"),
    },
    Migration {
        version: 19,
        sqlite: include_str!("../migrations/sqlite/0019_organisations_version.sql"),
        postgres: include_str!("../migrations/postgres/0019_organisations_version.sql"),
    },
    Migration {
        version: 20,
        sqlite: include_str!("../migrations/sqlite/0020_campaigns_version.sql"),
        postgres: include_str!("../migrations/postgres/0020_campaigns_version.sql"),
    },
    Migration {
        version: 21,
        sqlite: include_str!("../migrations/sqlite/0021_search_version.sql"),
        postgres: include_str!("../migrations/postgres/0021_search_version.sql"),
    },
    Migration {
        version: 22,
        sqlite: include_str!("../migrations/sqlite/0022_translations_version.sql"),
        postgres: include_str!("../migrations/postgres/0022_translations_version.sql"),
    },
];

/// How often a migration run is tried. Each race lost to another server means that
/// server applied one more migration (or created the table), so a run loses at most
/// once per migration plus once for the table.
const ATTEMPTS: usize = MIGRATIONS.len() + 2;

pub(crate) async fn run(db: &Db) -> Result<()> {
    let mut attempt = 1;
    loop {
        let result = match bootstrap(db).await {
            Ok(()) => apply_pending(db).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(()) => return Ok(()),
            // Another server may have created the table or applied the same migration
            // at the same moment: its commit made ours fail; try again and skip it.
            Err(StoreError::Migration { .. } | StoreError::Database(_)) if attempt < ATTEMPTS => {
                attempt += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

async fn bootstrap(db: &Db) -> Result<()> {
    sqlx::raw_sql(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at BIGINT NOT NULL)",
    )
    .execute(db.pool())
    .await?;
    Ok(())
}

async fn apply_pending(db: &Db) -> Result<()> {
    let applied: Vec<i64> = sqlx::query("SELECT version FROM schema_migrations")
        .fetch_all(db.pool())
        .await?
        .iter()
        .map(|r| r.try_get::<i64, _>(0))
        .collect::<Result<_, _>>()?;
    for migration in MIGRATIONS.iter().filter(|m| !applied.contains(&m.version)) {
        let sql = match db.backend() {
            Backend::Sqlite => migration.sqlite,
            Backend::Postgres => migration.postgres,
        };
        let failed = |e: sqlx::Error| StoreError::Migration {
            version: migration.version,
            message: e.to_string(),
        };
        let mut tx = db.begin_write().await?;
        sqlx::query("INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)")
            .bind(migration.version)
            .bind(crate::now_ms())
            .execute(&mut *tx)
            .await
            .map_err(failed)?;
        sqlx::raw_sql(sql).execute(&mut *tx).await.map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(version = migration.version, "applied migration");
    }
    Ok(())
}
