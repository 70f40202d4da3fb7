use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash as Phc;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};

use super::Email;
use crate::{Invalid, Problem};

/// The shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

/// Passwords that appear at the top of every leaked-password list.
const COMMON: &[&str] = &[
    "password",
    "password1",
    "password12",
    "password123",
    "password1234",
    "passw0rd",
    "1234567890",
    "0123456789",
    "12345678910",
    "qwertyuiop",
    "qwerty1234",
    "qwerty12345",
    "1q2w3e4r5t",
    "1qaz2wsx3edc",
    "iloveyou12",
    "letmein123",
    "welcome123",
    "admin12345",
    "administrator",
    "abc1234567",
    "abcdefghij",
    "changeme123",
    "trustno1234",
    "football12",
    "solidarity",
    "solidarity1",
    "tadamun123",
    "palestine1",
    "freedom123",
];

/// A password chosen by a user, checked against the policy but not yet hashed.
#[derive(Clone)]
pub struct NewPassword(String);

impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(..)")
    }
}

impl NewPassword {
    /// At least [`MIN_PASSWORD_LEN`] characters, not a common password, not one
    /// repeated character, and not containing the account's e-mail name.
    pub fn parse(raw: &str, email: &Email) -> Result<Self, Invalid> {
        let err = |p| Invalid::new("password", p);
        if raw.is_empty() {
            return Err(err(Problem::Required));
        }
        if raw.chars().count() < MIN_PASSWORD_LEN {
            return Err(err(Problem::PasswordTooShort {
                min: MIN_PASSWORD_LEN,
            }));
        }
        if raw.chars().count() > 1024 {
            return Err(err(Problem::TooLong { max: 1024 }));
        }
        let lower = raw.to_lowercase();
        let mut chars = lower.chars();
        let first = chars.next();
        if COMMON.contains(&lower.as_str()) || chars.all(|c| Some(c) == first) {
            return Err(err(Problem::PasswordCommon));
        }
        let local = email.local_part();
        if local.chars().count() >= 4 && lower.contains(local) {
            return Err(err(Problem::PasswordContainsEmail));
        }
        Ok(Self(raw.to_owned()))
    }

    /// Hashes the password with Argon2id and a random salt.
    pub fn hash(&self) -> PasswordHash {
        // Hashing with the default parameters and a system salt fails only when the
        // operating system has no randomness; nothing sensible can continue then.
        let phc = Argon2::default()
            .hash_password(self.0.as_bytes())
            .map(|h| h.to_string())
            .unwrap_or_default();
        PasswordHash(phc)
    }
}

/// An Argon2id hash in PHC string form, as stored.
#[derive(Clone, PartialEq, Eq)]
pub struct PasswordHash(String);

impl std::fmt::Debug for PasswordHash {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PasswordHash(..)")
    }
}

impl PasswordHash {
    /// Wraps a hash read back from storage.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }

    /// The PHC string to store.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Checks `candidate` against the hash in constant time.
    pub fn verify(&self, candidate: &str) -> bool {
        Phc::new(&self.0)
            .map(|phc| {
                Argon2::default()
                    .verify_password(candidate.as_bytes(), &phc)
                    .is_ok()
            })
            .unwrap_or(false)
    }

    /// A hash that matches no password, verified against when the account does not
    /// exist so that the answer takes as long as for a real account.
    pub fn decoy() -> &'static PasswordHash {
        static DECOY: std::sync::OnceLock<PasswordHash> = std::sync::OnceLock::new();
        DECOY.get_or_init(|| {
            let email = Email::from_stored("decoy@tadamun.invalid".into());
            NewPassword::parse("decoy-password-never-used", &email)
                .map(|p| p.hash())
                .unwrap_or(PasswordHash(String::new()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn email() -> Email {
        Email::parse("amal.haddad@example.org").unwrap()
    }

    #[test]
    fn weak_passwords_are_refused_with_the_reason() {
        let p = |raw| NewPassword::parse(raw, &email()).unwrap_err().problem;
        assert_eq!(p(""), Problem::Required);
        assert_eq!(p("short"), Problem::PasswordTooShort { min: 10 });
        assert_eq!(p("Password123"), Problem::PasswordCommon);
        assert_eq!(p("aaaaaaaaaaaa"), Problem::PasswordCommon);
        assert_eq!(p("xx-amal.haddad-xx"), Problem::PasswordContainsEmail);
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let hash = NewPassword::parse("olive harvest 2026", &email())
            .unwrap()
            .hash();
        assert!(hash.as_str().starts_with("$argon2id$"));
        assert!(hash.verify("olive harvest 2026"));
        assert!(!hash.verify("olive harvest 2025"));
        assert!(!PasswordHash::decoy().verify("olive harvest 2026"));
    }
}
