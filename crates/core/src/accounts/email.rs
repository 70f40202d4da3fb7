use crate::{Invalid, Problem};

/// An e-mail address, trimmed and lower-cased so that one address is one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct Email(String);

impl Email {
    /// Accepts `local@domain.tld` with no spaces, at most 254 characters.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let value = raw.trim().to_lowercase();
        let err = |p| Invalid::new("email", p);
        if value.is_empty() {
            return Err(err(Problem::Required));
        }
        if value.chars().count() > 254 {
            return Err(err(Problem::TooLong { max: 254 }));
        }
        let (local, domain) = value.rsplit_once('@').ok_or(err(Problem::Email))?;
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        let no_space = !value.chars().any(|c| c.is_whitespace() || c.is_control());
        if local.is_empty() || local.contains('@') || !domain_ok || !no_space {
            return Err(err(Problem::Email));
        }
        Ok(Self(value))
    }

    /// Wraps an address read back from storage.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }

    /// The address as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The part before `@`.
    pub fn local_part(&self) -> &str {
        self.0.split('@').next().unwrap_or_default()
    }
}

impl std::fmt::Display for Email {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn addresses_are_normalised_and_bad_ones_named() {
        assert_eq!(
            Email::parse(" Amal@Example.ORG ").map(|e| e.0),
            Ok("amal@example.org".into())
        );
        for bad in [
            "",
            "amal",
            "amal@",
            "@example.org",
            "a b@example.org",
            "amal@example",
            "amal@.org",
        ] {
            let e = Email::parse(bad).unwrap_err();
            assert_eq!(e.field, "email", "{bad}");
        }
    }

    proptest! {
        #[test]
        fn parsing_is_idempotent(raw in "\\PC{0,40}") {
            if let Ok(email) = Email::parse(&raw) {
                prop_assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
            }
        }
    }
}
