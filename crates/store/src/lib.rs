//! Tadamun's persistence: one repository module per area, on SQLite or PostgreSQL
//! through sqlx's `Any` driver with one SQL text for both.
//!
//! Conventions every repository follows: `$1, $2 …` placeholders; ids are UUIDv7
//! text made in the application; instants are UTC epoch milliseconds; booleans are
//! 0/1; every change that writes several rows (a record and its audit row) is one
//! transaction.

pub mod accounts;
pub mod audit;
pub mod campaigns;
pub mod coverage;
mod db;
pub mod demo;
pub mod directory;
mod error;
pub mod events;
pub mod groups;
mod migrate;
pub mod plans;
pub mod reminders;
pub mod search;
mod sql;
#[cfg(feature = "testing")]
pub mod testing;
pub mod versions;
mod visibility;

pub use db::{Backend, Db};
pub use error::StoreError;

/// The current instant in epoch milliseconds.
pub(crate) fn now_ms() -> i64 {
    tadamun_core::time::to_millis(chrono::Utc::now())
}
