//! Organisations of the coalition and the outreach pipeline. The directory area
//! grows here: people and partnerships build on these types.

pub mod export;
pub mod focus;
pub mod import;
mod kind;
pub mod people;
mod stage;

pub use focus::{FocusArea, FocusAreaInput, FocusCode};
pub use kind::Kind;
pub use stage::{Funnel, Stage, StageChange};

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::ids::{OrganisationId, UserId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
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
    /// Where it stands in the outreach pipeline (changed only by a stage move).
    pub stage: Stage,
    /// Who follows it up, and what comes next.
    #[serde(flatten)]
    pub outreach: Outreach,
}

/// The follow-up of an organisation in the pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Outreach {
    /// The user who follows it up.
    pub owner: Option<UserId>,
    /// The next thing to do.
    pub next_step: Option<String>,
    /// When the next step is due.
    pub next_step_due: Option<NaiveDate>,
}

/// The raw text of the follow-up form, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OutreachInput {
    /// Owner's user id, or empty.
    #[serde(default)]
    pub owner: String,
    /// Next step.
    #[serde(default)]
    pub next_step: String,
    /// Due date, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub next_step_due: String,
}

impl From<&Outreach> for OutreachInput {
    /// The form's text for a stored follow-up.
    fn from(stored: &Outreach) -> Self {
        Self {
            owner: stored
                .owner
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            next_step: stored.next_step.clone().unwrap_or_default(),
            next_step_due: stored
                .next_step_due
                .map(|d| d.to_string())
                .unwrap_or_default(),
        }
    }
}

impl OutreachInput {
    /// Validates the follow-up.
    pub fn validate(&self) -> Result<Outreach, Invalid> {
        let owner = match self.owner.trim() {
            "" => None,
            id => {
                Some(UserId::parse(id).map_err(|_| Invalid::new("owner", Problem::UnknownValue))?)
            }
        };
        Ok(Outreach {
            owner,
            next_step: optional_text("next_step", &self.next_step, 500)?,
            next_step_due: parse_date("next_step_due", &self.next_step_due)?,
        })
    }
}

/// Parses an optional `YYYY-MM-DD` date.
pub fn parse_date(field: &'static str, raw: &str) -> Result<Option<NaiveDate>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        text => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Invalid::new(field, Problem::Date)),
    }
}

/// The editable details of an organisation, validated.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct OrganisationFields {
    /// Its name in its primary language.
    pub name: String,
    /// The language of its primary name.
    pub name_lang: LanguageCode,
    /// Its name in interface languages other than the primary name's, where it has one.
    pub names: BTreeMap<Lang, String>,
    /// What kind of organisation it is.
    pub kind: Kind,
    /// Where it is based.
    pub country: CountryCode,
    /// Its city, if given.
    pub city: Option<String>,
    /// Its website, if given.
    pub website: Option<String>,
    /// What it does.
    pub description: Option<String>,
    /// What it works on (codes of the coalition's focus areas).
    pub focus_areas: Vec<FocusCode>,
    /// The languages it works in.
    pub languages: Vec<LanguageCode>,
    /// Who may see it.
    pub visibility: Visibility,
}

impl OrganisationFields {
    /// Its name as a reader of `lang` knows it: the name in `lang` if it has one,
    /// else its primary name.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(&lang).map_or(&self.name, String::as_str)
    }

    /// Every name it has, primary first, for search and duplicate checks.
    pub fn all_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.names.values().map(String::as_str))
    }
}

/// The raw text of an organisation form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct OrganisationInput {
    /// Name in its primary language.
    #[serde(default)]
    pub name: String,
    /// Language of the primary name (ISO 639 code); English when absent.
    #[serde(default)]
    pub name_lang: Option<String>,
    /// Name in Arabic, if different from the primary name.
    #[serde(default)]
    pub name_ar: Option<String>,
    /// Name in English, if different from the primary name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Name in French, if different from the primary name.
    #[serde(default)]
    pub name_fr: Option<String>,
    /// Name in Spanish, if different from the primary name.
    #[serde(default)]
    pub name_es: Option<String>,
    /// Kind; `other` when absent.
    #[serde(default)]
    pub kind: Option<String>,
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
    /// Focus areas: codes or names; each item may itself be a `;`- or `,`-separated list.
    #[serde(default)]
    pub focus_areas: Vec<String>,
    /// Working languages: ISO 639 codes; each item may itself be a list.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Visibility; `network` when absent.
    #[serde(default)]
    pub visibility: Option<String>,
    /// The stage of the pipeline a new organisation starts at; `prospect` when absent.
    /// Ignored on updates: stages change only by a stage move.
    #[serde(default)]
    pub stage: Option<String>,
}

impl OrganisationInput {
    /// Validates every field against the coalition's focus areas `focus`, reporting
    /// the first that is wrong.
    pub fn validate(&self, focus: &[FocusArea]) -> Result<OrganisationFields, Invalid> {
        let name = required_text("name", &self.name, 200)?;
        let name_lang = match self.name_lang.as_deref().map(str::trim) {
            None | Some("") => LanguageCode::from_stored("en".into()),
            Some(code) => LanguageCode::parse("name_lang", code)?,
        };
        let mut names = BTreeMap::new();
        for (lang, field, raw) in [
            (Lang::Ar, "name_ar", &self.name_ar),
            (Lang::En, "name_en", &self.name_en),
            (Lang::Fr, "name_fr", &self.name_fr),
            (Lang::Es, "name_es", &self.name_es),
        ] {
            let other = optional_text(field, raw.as_deref().unwrap_or_default(), 200)?;
            if let Some(other) = other.filter(|o| *o != name && lang.code() != name_lang.as_str()) {
                names.insert(lang, other);
            }
        }
        Ok(OrganisationFields {
            name,
            name_lang,
            names,
            kind: match self.kind.as_deref().map(str::trim) {
                None | Some("") => Kind::Other,
                Some(k) => Kind::parse(k)?,
            },
            country: CountryCode::parse(&self.country)?,
            city: optional_text("city", self.city.as_deref().unwrap_or_default(), 120)?,
            website: parse_website(self.website.as_deref().unwrap_or_default())?,
            description: optional_text(
                "description",
                self.description.as_deref().unwrap_or_default(),
                5000,
            )?,
            focus_areas: focus::parse_list("focus_areas", &self.focus_areas, focus)?,
            languages: crate::languages::parse_list("languages", &self.languages)?,
            visibility: match self.visibility.as_deref() {
                None | Some("") => Visibility::Network,
                Some(v) => Visibility::parse(v)?,
            },
        })
    }
}

impl OrganisationInput {
    /// The stage a new organisation starts at.
    pub fn initial_stage(&self) -> Result<Stage, Invalid> {
        match self.stage.as_deref().map(str::trim) {
            None | Some("") => Ok(Stage::Prospect),
            Some(s) => Stage::parse(s),
        }
    }
}

/// Accepts an `http://` or `https://` address with a host, or nothing.
pub fn parse_website(raw: &str) -> Result<Option<String>, Invalid> {
    parse_url("website", raw)
}

/// Accepts an `http://` or `https://` address with a host, or nothing, naming
/// `field` when it is anything else.
pub fn parse_url(field: &'static str, raw: &str) -> Result<Option<String>, Invalid> {
    let Some(url) = optional_text(field, raw, 500)? else {
        return Ok(None);
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or(Invalid::new(field, Problem::Url))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || !host.contains('.') || url.chars().any(char::is_whitespace) {
        return Err(Invalid::new(field, Problem::Url));
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
        let fields = input.validate(&[]).unwrap();
        assert_eq!(fields.name, "Kenya Solidarity Network");
        assert_eq!(fields.country.as_str(), "KE");
        assert_eq!(fields.visibility, Visibility::Network);

        input.website = Some("javascript:alert(1)".into());
        assert_eq!(
            input.validate(&[]).unwrap_err(),
            Invalid::new("website", Problem::Url)
        );
        input.website = None;
        input.country = "Kenya".into();
        assert_eq!(
            input.validate(&[]).unwrap_err(),
            Invalid::new("country", Problem::Country)
        );
    }

    #[test]
    fn names_in_other_languages_are_kept_unless_they_repeat_the_primary_name() {
        let input = OrganisationInput {
            name: "Jumuiya ya Mshikamano".into(),
            name_lang: Some("sw".into()),
            name_ar: Some("جمعية التضامن".into()),
            name_en: Some("Jumuiya ya Mshikamano".into()),
            name_fr: Some(" ".into()),
            country: "TZ".into(),
            languages: vec!["sw; en".into()],
            ..Default::default()
        };
        let fields = input.validate(&[]).unwrap();
        assert_eq!(fields.name_lang.as_str(), "sw");
        assert_eq!(fields.names.len(), 1);
        assert_eq!(fields.name_in(Lang::Ar), "جمعية التضامن");
        assert_eq!(fields.name_in(Lang::Fr), "Jumuiya ya Mshikamano");
        assert_eq!(fields.languages.len(), 2);
        let bad = OrganisationInput {
            focus_areas: vec!["astrology".into()],
            ..input
        };
        assert_eq!(
            bad.validate(&[]).unwrap_err(),
            Invalid::new("focus_areas", Problem::UnknownValue)
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
