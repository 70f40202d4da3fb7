//! Organisations of the coalition. The directory area grows here: people,
//! partnerships and the outreach pipeline build on these types.

use crate::ids::OrganisationId;
use crate::invalid::{optional_text, required_text};
use crate::visibility::Visibility;
use crate::{Invalid, Problem};

/// A two-letter ISO 3166-1 alpha-2 country code, upper case.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// Parses `ke`, `KE` or ` Ke ` as `KE`; only codes of real countries and
    /// territories (see [`crate::geo`]) are accepted.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let code = raw.trim().to_ascii_uppercase();
        if code.is_empty() {
            return Err(Invalid::new("country", Problem::Required));
        }
        match crate::geo::country(&code) {
            Some(country) => Ok(Self(country.code.to_owned())),
            None => Err(Invalid::new("country", Problem::Country)),
        }
    }

    /// Wraps a code read back from storage.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The country's reference data (names, region), if the code is known.
    pub fn country(&self) -> Option<&'static crate::geo::Country> {
        crate::geo::country(&self.0)
    }
}

/// An organisation as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Organisation {
    /// Its id.
    pub id: OrganisationId,
    /// Its details.
    #[serde(flatten)]
    pub fields: OrganisationFields,
}

/// The editable details of an organisation, validated.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrganisationFields {
    /// Its name in its primary language.
    pub name: String,
    /// Where it is based.
    pub country: CountryCode,
    /// Its city, if given.
    pub city: Option<String>,
    /// Its website, if given.
    pub website: Option<String>,
    /// What it does.
    pub description: Option<String>,
    /// Who may see it.
    pub visibility: Visibility,
}

/// The raw text of an organisation form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OrganisationInput {
    /// Name.
    #[serde(default)]
    pub name: String,
    /// Country code.
    #[serde(default)]
    pub country: String,
    /// City.
    #[serde(default)]
    pub city: Option<String>,
    /// Website.
    #[serde(default)]
    pub website: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Visibility; `network` when absent.
    #[serde(default)]
    pub visibility: Option<String>,
}

impl OrganisationInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<OrganisationFields, Invalid> {
        Ok(OrganisationFields {
            name: required_text("name", &self.name, 200)?,
            country: CountryCode::parse(&self.country)?,
            city: optional_text("city", self.city.as_deref().unwrap_or_default(), 120)?,
            website: parse_website(self.website.as_deref().unwrap_or_default())?,
            description: optional_text(
                "description",
                self.description.as_deref().unwrap_or_default(),
                5000,
            )?,
            visibility: match self.visibility.as_deref() {
                None | Some("") => Visibility::Network,
                Some(v) => Visibility::parse(v)?,
            },
        })
    }
}

/// Accepts an `http://` or `https://` address with a host, or nothing.
pub fn parse_website(raw: &str) -> Result<Option<String>, Invalid> {
    let Some(url) = optional_text("website", raw, 500)? else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(Invalid::new("website", Problem::Url))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') || url.chars().any(char::is_whitespace) {
        return Err(Invalid::new("website", Problem::Url));
    }
    Ok(Some(url))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_organisation_form_is_validated_field_by_field() {
        let mut input = OrganisationInput {
            name: " Kenya Solidarity Network ".into(),
            country: "ke".into(),
            website: Some("https://ksn.example.org".into()),
            ..Default::default()
        };
        let fields = input.validate().unwrap();
        assert_eq!(fields.name, "Kenya Solidarity Network");
        assert_eq!(fields.country.as_str(), "KE");
        assert_eq!(fields.visibility, Visibility::Network);

        input.website = Some("javascript:alert(1)".into());
        assert_eq!(
            input.validate().unwrap_err(),
            Invalid::new("website", Problem::Url)
        );
        input.website = None;
        input.country = "Kenya".into();
        assert_eq!(
            input.validate().unwrap_err(),
            Invalid::new("country", Problem::Country)
        );
    }

    proptest! {
        #[test]
        fn accepted_country_codes_are_two_upper_case_letters(raw in "\\PC{0,5}") {
            if let Ok(code) = CountryCode::parse(&raw) {
                prop_assert_eq!(code.as_str().len(), 2);
                prop_assert!(code.as_str().bytes().all(|b| b.is_ascii_uppercase()));
            }
        }
    }
}
