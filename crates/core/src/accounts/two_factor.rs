//! Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 seconds), the
//! kind every authenticator app speaks.

use totp_rs::{Builder, Secret as TotpBytes, Totp};

use super::Email;
use crate::{Invalid, Problem};

/// The shared secret of an authenticator, 160 random bits.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret([u8; 20]);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

/// A code accepted for a time step; the step is stored so the same code is never
/// accepted twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcceptedStep(pub i64);

impl TotpSecret {
    /// A new random secret.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 20];
        // See `Secret::generate`: the system's random source does not fail in practice.
        let _ = getrandom::fill(&mut bytes);
        Self(bytes)
    }

    /// Reads a stored (base32) secret.
    pub fn from_base32(raw: &str) -> Option<Self> {
        let bytes = TotpBytes::try_from_base32(raw).ok()?;
        <[u8; 20]>::try_from(bytes.as_ref()).ok().map(Self)
    }

    /// The secret in base32, as stored and as typed into an authenticator app.
    pub fn base32(&self) -> String {
        TotpBytes::from(self.0).to_base32()
    }

    /// The `otpauth://` address that authenticator apps open or scan.
    pub fn otpauth_uri(&self, email: &Email) -> String {
        let label = percent_encode(&format!("Tadamun:{email}"));
        format!(
            "otpauth://totp/{label}?secret={}&issuer=Tadamun&algorithm=SHA1&digits=6&period=30",
            self.base32()
        )
    }

    fn totp(&self) -> Option<Totp> {
        Builder::new().with_secret(self.0).build().ok()
    }

    /// The code for the instant `unix_secs`, as an authenticator shows it.
    pub fn code_at(&self, unix_secs: u64) -> String {
        self.totp()
            .map(|t| t.generate(unix_secs).to_string())
            .unwrap_or_default()
    }

    /// Checks a code typed at `unix_secs`, allowing one step of clock drift either way.
    /// Spaces in the code are ignored. Returns the step it belongs to.
    pub fn check(
        &self,
        field: &'static str,
        code: &str,
        unix_secs: u64,
    ) -> Result<AcceptedStep, Invalid> {
        let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
        if code.is_empty() {
            return Err(Invalid::new(field, Problem::Required));
        }
        self.totp()
            .and_then(|t| t.check(&code, unix_secs))
            .and_then(|step| i64::try_from(step).ok())
            .map(AcceptedStep)
            .ok_or(Invalid::new(field, Problem::CodeWrong))
    }
}

fn percent_encode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b':' | b'@' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_the_rfc_6238_test_vector() {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", T = 59 → 94287082
        // (8 digits); its last six digits are what a 6-digit authenticator shows.
        let secret = TotpSecret(*b"12345678901234567890");
        assert_eq!(secret.code_at(59), "287082");
        assert_eq!(secret.code_at(1_111_111_109), "081804");
    }

    #[test]
    fn a_code_is_accepted_within_one_step_and_names_its_step() {
        let secret = TotpSecret::generate();
        let now = 1_800_000_000;
        let code = secret.code_at(now);
        assert_eq!(
            secret.check("code", &code, now),
            Ok(AcceptedStep(60_000_000))
        );
        assert!(secret.check("code", &code, now + 30).is_ok());
        assert_eq!(
            secret.check("code", &code, now + 90).unwrap_err().problem,
            Problem::CodeWrong
        );
        let spaced = format!("{} {}", &code[..3], &code[3..]);
        assert!(secret.check("code", &spaced, now).is_ok());
        assert_eq!(
            secret.check("code", " ", now).unwrap_err().problem,
            Problem::Required
        );
    }

    #[test]
    fn secrets_round_trip_through_base32_and_appear_in_the_otpauth_address() {
        let secret = TotpSecret::generate();
        assert_eq!(
            TotpSecret::from_base32(&secret.base32()),
            Some(secret.clone())
        );
        let email = Email::parse("amal@example.org").unwrap();
        let uri = secret.otpauth_uri(&email);
        assert!(uri.starts_with("otpauth://totp/Tadamun:amal@example.org?secret="));
        assert!(uri.contains(&secret.base32()));
    }
}
