//! Languages people and organisations work in (not only the interface languages):
//! ISO 639 codes.

use crate::{Invalid, Problem};

/// An ISO 639-1 or 639-3 language code, lower case (`ar`, `sw`, `ful`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses a code of two or three letters, with a region or script suffix dropped
    /// (`pt-BR` is `pt`). `field` names the form field in the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Invalid> {
        let primary = raw
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if primary.is_empty() {
            return Err(Invalid::new(field, Problem::Required));
        }
        if !(2..=3).contains(&primary.len()) || !primary.bytes().all(|b| b.is_ascii_lowercase()) {
            return Err(Invalid::new(field, Problem::Language));
        }
        Ok(Self(primary))
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

/// Parses a list of language codes, dropping repeats and keeping the given order.
pub fn parse_list(field: &'static str, raw: &[String]) -> Result<Vec<LanguageCode>, Invalid> {
    let mut codes: Vec<LanguageCode> = Vec::new();
    for item in raw.iter().flat_map(|r| split_list(r)) {
        let code = LanguageCode::parse(field, item)?;
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    Ok(codes)
}

/// Splits a cell such as `ar; en, fr` into its trimmed, non-empty items.
pub fn split_list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([';', ',', '|'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn language_codes_are_two_or_three_lower_case_letters() {
        assert_eq!(
            LanguageCode::parse("languages", " SW ").unwrap().as_str(),
            "sw"
        );
        assert_eq!(
            LanguageCode::parse("languages", "pt-BR").unwrap().as_str(),
            "pt"
        );
        assert_eq!(
            LanguageCode::parse("languages", "Swahili").unwrap_err(),
            Invalid::new("languages", Problem::Language)
        );
        assert_eq!(
            LanguageCode::parse("languages", "").unwrap_err(),
            Invalid::new("languages", Problem::Required)
        );
    }

    #[test]
    fn a_list_is_split_on_semicolons_and_commas_without_repeats() {
        let list = parse_list("languages", &["ar; en,AR".into(), "sw".into()]).unwrap();
        let codes: Vec<_> = list.iter().map(LanguageCode::as_str).collect();
        assert_eq!(codes, ["ar", "en", "sw"]);
    }

    proptest! {
        #[test]
        fn parsed_codes_are_ascii_lower_case(raw in "\\PC{0,8}") {
            if let Ok(code) = LanguageCode::parse("languages", &raw) {
                prop_assert!((2..=3).contains(&code.as_str().len()));
                prop_assert!(code.as_str().bytes().all(|b| b.is_ascii_lowercase()));
            }
        }
    }
}
