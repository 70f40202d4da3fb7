//! Focus areas: what organisations work on (media, legal, economic …). The list is
//! the coalition's own and coordinators edit it; these are its rules.

use crate::i18n::Lang;
use crate::invalid::{optional_text, required_text};
use crate::{Invalid, Problem};

/// The stable code of a focus area (`media`, `legal`, `land-rights`): lower-case
/// letters, digits and hyphens, at most 40 characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct FocusCode(String);

impl FocusCode {
    /// Parses a code; `field` names the form field in the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Invalid> {
        let code = raw.trim().to_ascii_lowercase();
        if code.is_empty() {
            return Err(Invalid::new(field, Problem::Required));
        }
        let well_formed = code.len() <= 40
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !code.starts_with('-')
            && !code.ends_with('-');
        if !well_formed {
            return Err(Invalid::new(field, Problem::Code));
        }
        Ok(Self(code))
    }

    /// Wraps a code read back from storage.
    pub fn from_stored(raw: String) -> Self {
        Self(raw)
    }

    /// The code as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The focus areas every new installation starts with.
pub const DEFAULTS: [&str; 10] = [
    "media",
    "legal",
    "economic",
    "grassroots",
    "academic",
    "cultural",
    "feminist",
    "labour",
    "health",
    "faith",
];

/// A focus area with its name in each interface language.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FocusArea {
    /// Its code.
    pub code: FocusCode,
    /// Its names in ar, en, fr, es (English is required; others fall back to it).
    pub names: FocusNames,
}

/// The names of a focus area.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FocusNames {
    /// Arabic.
    pub ar: Option<String>,
    /// English.
    pub en: String,
    /// French.
    pub fr: Option<String>,
    /// Spanish.
    pub es: Option<String>,
}

impl FocusArea {
    /// Its name in `lang`, or in English when it has none in `lang`.
    pub fn name(&self, lang: Lang) -> &str {
        let n = &self.names;
        match lang {
            Lang::Ar => n.ar.as_deref(),
            Lang::En => None,
            Lang::Fr => n.fr.as_deref(),
            Lang::Es => n.es.as_deref(),
        }
        .unwrap_or(&n.en)
    }
}

/// The raw text of the focus-area form or API body.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct FocusAreaInput {
    /// Code; ignored on updates.
    #[serde(default)]
    pub code: String,
    /// Name in Arabic.
    #[serde(default)]
    pub name_ar: Option<String>,
    /// Name in English.
    #[serde(default)]
    pub name_en: String,
    /// Name in French.
    #[serde(default)]
    pub name_fr: Option<String>,
    /// Name in Spanish.
    #[serde(default)]
    pub name_es: Option<String>,
}

impl FocusAreaInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<FocusArea, Invalid> {
        let other =
            |field, v: &Option<String>| optional_text(field, v.as_deref().unwrap_or_default(), 80);
        Ok(FocusArea {
            code: FocusCode::parse("code", &self.code)?,
            names: FocusNames {
                ar: other("name_ar", &self.name_ar)?,
                en: required_text("name_en", &self.name_en, 80)?,
                fr: other("name_fr", &self.name_fr)?,
                es: other("name_es", &self.name_es)?,
            },
        })
    }
}

/// Parses the focus areas given for a record, dropping repeats and checking each
/// against the coalition's list `known`.
pub fn parse_list(
    field: &'static str,
    raw: &[String],
    known: &[FocusArea],
) -> Result<Vec<FocusCode>, Invalid> {
    let mut codes: Vec<FocusCode> = Vec::new();
    for item in raw.iter().flat_map(|r| crate::languages::split_list(r)) {
        let code = find(item, known).ok_or(Invalid::new(field, Problem::UnknownValue))?;
        if !codes.contains(code) {
            codes.push(code.clone());
        }
    }
    Ok(codes)
}

/// The focus area of `known` whose code or name in any language is `text`, ignoring
/// case, accents and Arabic spelling variants.
pub fn find<'a>(text: &str, known: &'a [FocusArea]) -> Option<&'a FocusCode> {
    let wanted = crate::search::normalise(text);
    known
        .iter()
        .find(|area| {
            let n = &area.names;
            [
                Some(area.code.as_str()),
                n.ar.as_deref(),
                Some(&n.en),
                n.fr.as_deref(),
                n.es.as_deref(),
            ]
            .into_iter()
            .flatten()
            .any(|name| crate::search::normalise(name) == wanted)
        })
        .map(|area| &area.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn known() -> Vec<FocusArea> {
        vec![
            FocusAreaInput {
                code: "legal".into(),
                name_ar: Some("قانوني".into()),
                name_en: "Legal".into(),
                name_fr: Some("Juridique".into()),
                ..Default::default()
            }
            .validate()
            .unwrap(),
            FocusAreaInput {
                code: "media".into(),
                name_en: "Media".into(),
                name_fr: Some("Médias".into()),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        ]
    }

    #[test]
    fn focus_areas_are_found_by_code_or_by_name_in_any_language() {
        let known = known();
        let list = parse_list(
            "focus_areas",
            &["juridique; MEDIAS".into(), "legal".into()],
            &known,
        )
        .unwrap();
        let codes: Vec<_> = list.iter().map(FocusCode::as_str).collect();
        assert_eq!(codes, ["legal", "media"]);
        assert_eq!(find("قانونى", &known).map(FocusCode::as_str), Some("legal"));
        assert_eq!(
            parse_list("focus_areas", &["astronomy".into()], &known).unwrap_err(),
            Invalid::new("focus_areas", Problem::UnknownValue)
        );
    }

    #[test]
    fn a_focus_area_falls_back_to_its_english_name() {
        let known = known();
        assert_eq!(known[1].name(Lang::Ar), "Media");
        assert_eq!(known[1].name(Lang::Fr), "Médias");
    }

    #[test]
    fn focus_codes_are_slugs() {
        assert_eq!(
            FocusCode::parse("code", " Land-Rights ").unwrap().as_str(),
            "land-rights"
        );
        for bad in ["land rights", "-x", "x-", "إعلام"] {
            assert_eq!(
                FocusCode::parse("code", bad).unwrap_err(),
                Invalid::new("code", Problem::Code)
            );
        }
    }

    proptest! {
        #[test]
        fn parsed_focus_codes_contain_only_slug_characters(raw in "\\PC{0,12}") {
            if let Ok(code) = FocusCode::parse("code", &raw) {
                prop_assert!(code.as_str().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            }
        }
    }
}
