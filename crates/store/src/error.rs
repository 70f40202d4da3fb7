use sqlx::error::ErrorKind;

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database URL is not one Tadamun understands.
    #[error("the database URL must start with sqlite:// or postgres:// (got {0:?})")]
    BadUrl(String),
    /// The database could not be reached or opened.
    #[error("cannot reach the database: {0}")]
    Unreachable(String),
    /// A migration failed.
    #[error("migration {version} failed: {message}")]
    Migration {
        /// The migration's number.
        version: i64,
        /// The database's message.
        message: String,
    },
    /// The record does not exist (or the caller may not see it).
    #[error("not found")]
    NotFound,
    /// A unique value is already taken by another record.
    #[error("{field} is already taken")]
    Taken {
        /// The field holding the value.
        field: &'static str,
    },
    /// The change breaks a rule of the domain (checked against stored state).
    #[error("invalid: {0}")]
    Invalid(tadamun_core::Invalid),
    /// Someone else changed the record at the same moment; reload and try again.
    #[error("changed by someone else meanwhile")]
    Conflict,
    /// Any other database failure.
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    /// A stored value could not be read back.
    #[error("corrupt stored value in {0}")]
    Corrupt(&'static str),
}

impl StoreError {
    /// Turns a unique-constraint violation into [`StoreError::Taken`] naming `field`.
    pub(crate) fn taken_as(field: &'static str) -> impl FnOnce(sqlx::Error) -> StoreError {
        move |e| match &e {
            sqlx::Error::Database(db) if db.kind() == ErrorKind::UniqueViolation => {
                StoreError::Taken { field }
            }
            _ => StoreError::Database(e),
        }
    }
}

/// A `Result` of a storage operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;
