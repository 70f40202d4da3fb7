//! The SQL form of the visibility policy in `tadamun_core::visibility`.

use tadamun_core::ids::OrganisationId;
use tadamun_core::visibility::Scope;

use crate::sql::Sql;

/// Where a table keeps who is named on each row.
pub(crate) struct Naming<'a> {
    /// The column holding the record's visibility.
    pub visibility: &'a str,
    /// The column holding the organisation named on the row (its owner, or the
    /// organisation itself for the organisations table), if any.
    pub organisation: Option<&'a str>,
    /// A subquery listing the ids of the users named on the row, if the area names
    /// people (`SELECT user_id FROM … WHERE … = t.id`).
    pub users: Option<&'a str>,
}

/// What a reader sees of a table whose [`Naming`] names no users: a member's own
/// organisation's restricted records are the only ones they see beyond the network's,
/// whoever they are. A key for results kept per reader: members of one organisation
/// share them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum SeenBy {
    Public,
    Network(Option<OrganisationId>),
    Everything,
}

impl SeenBy {
    pub(crate) fn of(scope: &Scope) -> Self {
        match scope {
            Scope::Public => SeenBy::Public,
            Scope::Network { organisation, .. } => SeenBy::Network(organisation.clone()),
            Scope::Everything => SeenBy::Everything,
        }
    }
}

/// Appends ` AND (…)` limiting rows to what `scope` may see; the same rule as
/// `tadamun_core::visibility::can_see`.
pub(crate) fn push_scope(sql: &mut Sql, scope: &Scope, naming: &Naming<'_>) {
    match scope {
        Scope::Everything => {}
        Scope::Public => {
            sql.push(" AND ")
                .push(naming.visibility)
                .push(" = 'public'");
        }
        Scope::Network { user, organisation } => {
            sql.push(" AND (")
                .push(naming.visibility)
                .push(" IN ('public', 'network')");
            if let (Some(column), Some(org)) = (naming.organisation, organisation) {
                sql.push(" OR ")
                    .push(column)
                    .push(" = ")
                    .bind_text(org.as_str());
            }
            if let Some(users) = naming.users {
                sql.push(" OR ")
                    .bind_text(user.as_str())
                    .push(" IN (")
                    .push(users)
                    .push(")");
            }
            sql.push(")");
        }
    }
}
