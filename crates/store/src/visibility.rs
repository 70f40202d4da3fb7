//! The SQL form of the visibility policy in `tadamun_core::visibility`.

use tadamun_core::visibility::Scope;

use crate::sql::Sql;

/// Appends ` AND (…)` limiting rows to what `scope` may see.
///
/// `visibility` is the column holding the record's visibility, and `organisation`
/// the column holding the organisation named on it (its owner, or the organisation
/// itself for the organisations table).
pub(crate) fn push_scope(sql: &mut Sql, scope: &Scope, visibility: &str, organisation: &str) {
    match scope {
        Scope::Everything => {}
        Scope::Public => {
            sql.push(" AND ").push(visibility).push(" = 'public'");
        }
        Scope::Network {
            organisation: None, ..
        } => {
            sql.push(" AND ")
                .push(visibility)
                .push(" IN ('public', 'network')");
        }
        Scope::Network {
            organisation: Some(org),
            ..
        } => {
            sql.push(" AND (")
                .push(visibility)
                .push(" IN ('public', 'network') OR ");
            sql.push(organisation)
                .push(" = ")
                .bind_text(org.as_str())
                .push(")");
        }
    }
}
