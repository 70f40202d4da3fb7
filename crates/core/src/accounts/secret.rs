use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest, Sha256};

/// A random bearer secret (session cookie, API token, feed token), shown to its owner
/// once and stored only as a [`SecretHash`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(..)")
    }
}

impl Secret {
    /// 256 random bits, URL-safe base64, with a prefix that says what it is for
    /// (`tdm_` for API tokens), so a leaked token can be recognised by scanners.
    pub fn generate(prefix: &str) -> Self {
        let mut bytes = [0u8; 32];
        // The operating system's random source does not fail on supported platforms;
        // if it did, an all-zero secret would be caught by the store's unique index.
        let _ = getrandom::fill(&mut bytes);
        Self(format!("{prefix}{}", URL_SAFE_NO_PAD.encode(bytes)))
    }

    /// A secret presented by a client.
    pub fn from_presented(raw: &str) -> Self {
        Self(raw.trim().to_owned())
    }

    /// The secret text, to give to its owner.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The SHA-256 of the secret, which is what is stored and looked up.
    pub fn hash(&self) -> SecretHash {
        let digest = Sha256::digest(self.0.as_bytes());
        SecretHash(URL_SAFE_NO_PAD.encode(digest))
    }
}

/// The stored form of a [`Secret`]. A database leak does not reveal live secrets.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SecretHash(String);

impl SecretHash {
    /// The hash as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_are_unique_prefixed_and_hash_stably() {
        let a = Secret::generate("tdm_");
        let b = Secret::generate("tdm_");
        assert_ne!(a, b);
        assert!(a.expose().starts_with("tdm_") && a.expose().len() > 40);
        assert_eq!(a.hash(), Secret::from_presented(a.expose()).hash());
        assert_ne!(a.hash(), b.hash());
    }
}
