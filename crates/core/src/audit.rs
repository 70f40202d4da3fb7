//! The audit log: every create, update and delete, who made it and when, with the
//! record before and after. Rows are only ever added.

use chrono::{DateTime, Utc};

use crate::ids::{AuditId, UserId};

/// What happened to the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// It was made.
    Create,
    /// It was changed.
    Update,
    /// It was removed.
    Delete,
}

impl Action {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Update => "update",
            Action::Delete => "delete",
        }
    }

    /// Reads a stored name.
    pub fn from_stored(raw: &str) -> Self {
        match raw {
            "create" => Action::Create,
            "delete" => Action::Delete,
            _ => Action::Update,
        }
    }
}

/// Who made a change: a user, or the system itself (migrations, demo data, CLI).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A signed-in user or the holder of their API token.
    User(UserId),
    /// The command line or the application itself.
    System,
}

/// One row of the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Row id.
    pub id: AuditId,
    /// When the change was made.
    pub at: DateTime<Utc>,
    /// Who made it: a user id, or none for the system.
    pub actor: Option<UserId>,
    /// The e-mail of that user at the time, so the row reads well after the user is gone.
    pub actor_label: String,
    /// Create, update or delete.
    pub action: Action,
    /// The kind of record (`user`, `organisation` …).
    pub entity: String,
    /// The record's id.
    pub entity_id: String,
    /// The record before the change, as JSON (none for a create).
    pub before: Option<String>,
    /// The record after the change, as JSON (none for a delete).
    pub after: Option<String>,
}
