//! Users, sessions, API tokens and sign-in throttling.

pub mod sessions;
pub mod throttle;
pub mod tokens;
pub mod two_factor;
pub mod users;

use sqlx::Row as _;
use sqlx::any::AnyRow;
use tadamun_core::accounts::{Email, Role, User};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::time::Zone;

use crate::error::{Result, StoreError};

/// A signed-in caller, found by a session or token, with every area's data version
/// read in the same query ([`crate::versions::within`]).
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The active user.
    pub user: User,
    /// The data's versions as that query found them.
    pub versions: crate::versions::Versions,
}

/// The user columns, prefixed with `u.`, in the order [`user_from_row`] reads them.
pub(crate) const USER_COLUMNS: &str = "u.id, u.email, u.name, u.role, u.organisation_id, u.lang, u.zone, \
     u.active, CASE WHEN u.totp_secret IS NULL THEN 0 ELSE 1 END AS two_factor";

pub(crate) fn user_from_row(row: &AnyRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    let zone: String = row.try_get("zone")?;
    let lang: Option<String> = row.try_get("lang")?;
    Ok(User {
        id: UserId::from_stored(row.try_get("id")?),
        email: Email::from_stored(row.try_get("email")?),
        name: row.try_get("name")?,
        role: Role::parse(&role).map_err(|_| StoreError::Corrupt("users.role"))?,
        organisation: row
            .try_get::<Option<String>, _>("organisation_id")?
            .map(OrganisationId::from_stored),
        lang: lang.and_then(|l| Lang::parse(&l).ok()),
        zone: Zone::parse(&zone).unwrap_or(Zone::UTC),
        active: row.try_get::<i64, _>("active")? != 0,
        two_factor: row.try_get::<i64, _>("two_factor")? != 0,
    })
}

/// What the audit log records of a user: never the password hash.
#[derive(serde::Serialize)]
pub(crate) struct UserSnapshot<'a> {
    email: &'a str,
    name: &'a str,
    role: Role,
    organisation: Option<&'a str>,
    lang: Option<&'a str>,
    zone: &'a str,
    active: bool,
    two_factor: bool,
}

impl<'a> From<&'a User> for UserSnapshot<'a> {
    fn from(u: &'a User) -> Self {
        Self {
            email: u.email.as_str(),
            name: &u.name,
            role: u.role,
            organisation: u.organisation.as_ref().map(OrganisationId::as_str),
            lang: u.lang.map(Lang::code),
            zone: u.zone.name(),
            active: u.active,
            two_factor: u.two_factor,
        }
    }
}
