//! Accounts and access: who a user is, what their role lets them do, and the secrets
//! (passwords, session and API tokens) that prove it.

mod email;
mod password;
mod role;
mod secret;
mod throttle;
mod two_factor;

pub use email::Email;
pub use password::{MIN_PASSWORD_LEN, NewPassword, PasswordHash};
pub use role::Role;
pub use secret::{Secret, SecretHash};
pub use throttle::{ADDRESS_FREE_FAILURES, THROTTLE_FREE_FAILURES, Throttle};
pub use two_factor::{AcceptedStep, TotpSecret};

use crate::i18n::Lang;
use crate::ids::{OrganisationId, UserId};
use crate::time::Zone;

/// A user account as the application sees it (never with its password hash).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    /// The account's id.
    pub id: UserId,
    /// The e-mail address used to sign in.
    pub email: Email,
    /// The name shown to other users.
    pub name: String,
    /// What the account may do.
    pub role: Role,
    /// The organisation whose records a member may write.
    pub organisation: Option<OrganisationId>,
    /// Interface language chosen by the user, if any.
    pub lang: Option<Lang>,
    /// Time zone every instant is shown in.
    pub zone: Zone,
    /// A disabled account cannot sign in and its sessions and tokens stop working.
    pub active: bool,
    /// Signing in also needs a code from an authenticator app.
    pub two_factor: bool,
}

/// The details of a new account, already validated.
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Sign-in address.
    pub email: Email,
    /// Display name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Organisation, for members.
    pub organisation: Option<OrganisationId>,
    /// The hashed password.
    pub password: PasswordHash,
}

/// The longest display name accepted.
pub const MAX_NAME_LEN: usize = 120;

/// Validates a display name.
pub fn parse_name(raw: &str) -> Result<String, crate::Invalid> {
    crate::invalid::required_text("name", raw, MAX_NAME_LEN)
}
