//! Registration for an event: the public form (name, e-mail, country, language,
//! consent), the registration window, places and the waiting list, and the signed
//! token of the link that cancels a registration.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac as _};
use sha2::Sha256;

use super::EventFields;
use crate::accounts::Email;
use crate::directory::CountryCode;
use crate::i18n::Lang;
use crate::ids::{EventId, RegistrationId};
use crate::invalid::required_text;
use crate::{Invalid, Problem};

/// Where a registration stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RegistrationStatus {
    /// Has a place.
    Registered,
    /// Waits for a place; promoted, in order, when one frees up.
    Waiting,
    /// Cancelled by the registrant.
    Cancelled,
}

impl RegistrationStatus {
    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            RegistrationStatus::Registered => "registered",
            RegistrationStatus::Waiting => "waiting",
            RegistrationStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a stored name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        [Self::Registered, Self::Waiting, Self::Cancelled]
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
            .ok_or(Invalid::new("status", Problem::UnknownValue))
    }
}

/// The validated registration form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RegistrationFields {
    /// The name the registrant gave.
    pub name: String,
    /// Where confirmations and reminders go.
    pub email: Email,
    /// The registrant's country.
    pub country: CountryCode,
    /// The language of the e-mails they get.
    pub lang: Lang,
}

/// A stored registration.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Registration {
    /// Its id.
    pub id: RegistrationId,
    /// The event.
    pub event: EventId,
    /// What the registrant gave.
    #[serde(flatten)]
    pub fields: RegistrationFields,
    /// Where it stands.
    pub status: RegistrationStatus,
    /// Marked by the organisers after the event.
    pub attended: bool,
    /// When it was made.
    pub created_at: DateTime<Utc>,
}

/// The raw registration form, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RegistrationInput {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// ISO 3166-1 country code.
    #[serde(default)]
    pub country: String,
    /// Interface language of the e-mails (ar, en, fr, es).
    #[serde(default)]
    pub lang: String,
    /// Consent to be written to about this event, as a checkbox sends it.
    #[serde(default)]
    pub consent: Option<String>,
}

impl RegistrationInput {
    /// Validates every field, naming the first that is wrong. Consent must be given.
    pub fn validate(&self) -> Result<RegistrationFields, Invalid> {
        let name = required_text("name", &self.name, 200)?;
        let email = Email::parse(&self.email)?;
        let country = CountryCode::parse(&self.country)?;
        let lang = Lang::parse(&self.lang)?;
        match self.consent.as_deref().map(str::trim) {
            Some("on" | "true" | "1" | "yes") => {}
            _ => return Err(Invalid::new("consent", Problem::Required)),
        }
        Ok(RegistrationFields {
            name,
            email,
            country,
            lang,
        })
    }
}

/// Whether registration for the event is open at `now`: from its opening (at once
/// when none) until its closing (the end of the event when none). Refused naming
/// `registration`.
pub fn check_open(event: &EventFields, now: DateTime<Utc>) -> Result<(), Invalid> {
    let opens = event.registration_opens;
    let closes = event.registration_closes.unwrap_or_else(|| event.end());
    if opens.is_some_and(|o| now < o) || now >= closes {
        return Err(Invalid::new("registration", Problem::RegistrationClosed));
    }
    Ok(())
}

/// Places left at an event with `capacity` and `registered` places taken; none when
/// places are unlimited.
pub fn places_left(capacity: Option<u32>, registered: i64) -> Option<i64> {
    capacity.map(|c| (i64::from(c) - registered).max(0))
}

/// The token of the link that cancels registration `id`: an HMAC-SHA-256 of the id
/// under the server's secret, so only the server can make one and it needs no
/// storage of its own.
pub fn cancel_token(secret: &[u8], id: &RegistrationId) -> String {
    URL_SAFE_NO_PAD.encode(mac(secret, id).finalize().into_bytes())
}

/// Whether `token` is the cancel token of registration `id`, compared in constant
/// time.
pub fn cancel_token_valid(secret: &[u8], id: &RegistrationId, token: &str) -> bool {
    match URL_SAFE_NO_PAD.decode(token.trim()) {
        Ok(bytes) => mac(secret, id).verify_slice(&bytes).is_ok(),
        Err(_) => false,
    }
}

fn mac(secret: &[u8], id: &RegistrationId) -> Hmac<Sha256> {
    // HMAC takes a key of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(secret)
        .unwrap_or_else(|_| <Hmac<Sha256> as hmac::KeyInit>::new(&Default::default()));
    mac.update(b"cancel-registration:");
    mac.update(id.as_str().as_bytes());
    mac
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventInput;
    use proptest::prelude::*;

    fn form() -> RegistrationInput {
        RegistrationInput {
            name: " Amal Haddad ".into(),
            email: "Amal@Example.org".into(),
            country: "jo".into(),
            lang: "ar".into(),
            consent: Some("on".into()),
        }
    }

    #[test]
    fn a_registration_needs_a_name_an_address_a_country_a_language_and_consent() {
        let f = form().validate().unwrap();
        assert_eq!(f.name, "Amal Haddad");
        assert_eq!(f.email.as_str(), "amal@example.org");
        assert_eq!(f.country.as_str(), "JO");
        assert_eq!(f.lang, Lang::Ar);
        let with = |f: fn(&mut RegistrationInput)| {
            let mut input = form();
            f(&mut input);
            input.validate().unwrap_err()
        };
        assert_eq!(
            with(|i| i.name = "".into()),
            Invalid::new("name", Problem::Required)
        );
        assert_eq!(
            with(|i| i.email = "amal@".into()),
            Invalid::new("email", Problem::Email)
        );
        assert_eq!(
            with(|i| i.country = "XX".into()),
            Invalid::new("country", Problem::Country)
        );
        assert_eq!(
            with(|i| i.lang = "de".into()),
            Invalid::new("lang", Problem::Language)
        );
        assert_eq!(
            with(|i| i.consent = None),
            Invalid::new("consent", Problem::Required)
        );
        assert_eq!(
            with(|i| i.consent = Some("no".into())),
            Invalid::new("consent", Problem::Required)
        );
    }

    #[test]
    fn registration_is_open_within_its_window_and_never_after_the_event() {
        let mut input = EventInput {
            kind: "webinar".into(),
            title: "Webinar".into(),
            start: "2026-03-10T18:00".into(),
            time_zone: "UTC".into(),
            duration: "60".into(),
            link: Some("https://meet.example.org/w".into()),
            languages: vec!["en".into()],
            ..Default::default()
        };
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let event = input.validate().unwrap();
        assert!(check_open(&event, at("2026-01-01T00:00:00Z")).is_ok());
        assert!(check_open(&event, at("2026-03-10T18:30:00Z")).is_ok());
        assert_eq!(
            check_open(&event, at("2026-03-10T19:00:00Z")),
            Err(Invalid::new("registration", Problem::RegistrationClosed))
        );
        input.registration_opens = Some("2026-02-01T09:00".into());
        input.registration_closes = Some("2026-03-09T12:00".into());
        let event = input.validate().unwrap();
        assert!(check_open(&event, at("2026-01-31T09:00:00Z")).is_err());
        assert!(check_open(&event, at("2026-02-01T09:00:00Z")).is_ok());
        assert!(check_open(&event, at("2026-03-09T12:00:00Z")).is_err());
        assert_eq!(places_left(Some(10), 12), Some(0));
        assert_eq!(places_left(Some(10), 4), Some(6));
        assert_eq!(places_left(None, 4), None);
    }

    #[test]
    fn a_cancel_token_opens_only_its_own_registration_under_its_own_secret() {
        let id = RegistrationId::new();
        let token = cancel_token(b"server secret", &id);
        assert!(cancel_token_valid(b"server secret", &id, &token));
        assert!(!cancel_token_valid(b"another secret", &id, &token));
        assert!(!cancel_token_valid(
            b"server secret",
            &RegistrationId::new(),
            &token
        ));
        assert!(!cancel_token_valid(b"server secret", &id, "not base64 !"));
        assert!(!cancel_token_valid(b"server secret", &id, ""));
    }

    proptest! {
        #[test]
        fn a_changed_token_is_refused(flip in 0usize..43, bit in 0u8..6) {
            let id = RegistrationId::new();
            let token = cancel_token(b"k", &id);
            let mut chars: Vec<char> = token.chars().collect();
            let alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
            let i = flip % chars.len();
            let pos = alphabet.find(chars[i]).unwrap();
            chars[i] = alphabet.chars().nth((pos + (1 << bit)) % 64).unwrap();
            let changed: String = chars.into_iter().collect();
            prop_assume!(changed != token);
            prop_assert!(!cancel_token_valid(b"k", &id, &changed));
        }
    }
}
