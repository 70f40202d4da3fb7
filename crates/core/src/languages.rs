//! The languages the coalition works in, with their names in each interface language.
//!
//! The names are Unicode CLDR's, converted by `tools/geodata` into
//! `data/languages.tsv` and compiled in (see `data/SOURCE.md`).

use std::sync::OnceLock;

use crate::i18n::Lang;
use crate::search::normalise;
use crate::{Invalid, Problem};

/// A working language.
#[derive(Debug, PartialEq, Eq)]
pub struct Language {
    /// ISO 639-1 code (`sw`), or ISO 639-3 where there is none (`zgh`), lower case.
    pub code: &'static str,
    names: [&'static str; 4],
}

impl Language {
    /// The language's name in `lang`, as CLDR writes it mid-sentence (`swahili` in French).
    pub fn name(&self, lang: Lang) -> &'static str {
        self.names[match lang {
            Lang::Ar => 0,
            Lang::En => 1,
            Lang::Fr => 2,
            Lang::Es => 3,
        }]
    }
}

/// Every working language, by code.
pub fn languages() -> &'static [Language] {
    static LANGUAGES: OnceLock<Vec<Language>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        include_str!("../data/languages.tsv")
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut f = line.split('\t');
                let code = f.next()?;
                let names = [f.next()?, f.next()?, f.next()?, f.next()?];
                Some(Language { code, names })
            })
            .collect()
    })
}

/// The language with this code, in any case (`sw`, `SW`).
pub fn language(code: &str) -> Option<&'static Language> {
    let code = code.to_ascii_lowercase();
    let all = languages();
    all.binary_search_by(|l| l.code.cmp(code.as_str()))
        .ok()
        .map(|i| &all[i])
}

/// Finds a language by its code or by its name in any interface language, ignoring
/// case, accents and Arabic spelling variants ("sw", "Swahili", "السواحلية", "suajili").
pub fn find_language(text: &str) -> Option<&'static Language> {
    let trimmed = text.trim();
    if let Some(l) = language(trimmed) {
        return Some(l);
    }
    static INDEX: OnceLock<Vec<(String, &'static Language)>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        languages()
            .iter()
            .flat_map(|l| l.names.iter().map(move |n| (normalise(n), l)))
            .collect()
    });
    let wanted = normalise(trimmed);
    index
        .iter()
        .find(|(name, _)| *name == wanted)
        .map(|(_, l)| *l)
}

/// An ISO 639-1 or 639-3 language code, lower case (`ar`, `sw`, `ful`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct LanguageCode(String);

impl LanguageCode {
    /// Parses a language name in any interface language (`Swahili`, `السواحلية`) or
    /// a code of two or three letters, with a region or script suffix dropped (`pt-BR`
    /// is `pt`). `field` names the form field in the error.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Invalid> {
        if let Some(known) = find_language(raw) {
            return Ok(Self(known.code.to_owned()));
        }
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
    fn every_language_has_a_name_in_every_interface_language() {
        assert!(languages().len() >= 40);
        assert!(languages().windows(2).all(|w| w[0].code < w[1].code));
        for l in languages() {
            for lang in Lang::ALL {
                assert!(!l.name(lang).is_empty(), "{}", l.code);
            }
        }
        assert_eq!(language("ar").map(|l| l.name(Lang::Ar)), Some("العربية"));
    }

    #[test]
    fn every_name_finds_its_own_language_and_no_other() {
        let mut seen = std::collections::HashMap::new();
        for l in languages() {
            for n in l.names {
                assert_eq!(find_language(n).map(|f| f.code), Some(l.code), "{n}");
                let other = seen.insert(normalise(n), l.code);
                assert!(other.is_none_or(|o| o == l.code), "{n}");
            }
        }
    }

    #[test]
    fn swahili_is_found_by_code_or_name_in_every_language() {
        for text in [
            "Swahili",
            "swahili",
            "sw",
            " SW ",
            "السواحلية",
            "السواحليه",
            "suajili",
            "Suajili",
        ] {
            assert_eq!(find_language(text).map(|l| l.code), Some("sw"), "{text}");
        }
        assert_eq!(find_language("Peul").map(|l| l.code), Some("ff"));
        assert_eq!(find_language("hebreu").map(|l| l.code), Some("he"));
        assert_eq!(find_language("Klingon"), None);
        assert_eq!(find_language("xx"), None);
        assert_eq!(find_language(""), None);
        assert_eq!(language("swa"), None);
    }

    proptest! {
        #[test]
        fn every_code_round_trips(i in 0..languages().len(), upper in any::<bool>()) {
            let code = languages()[i].code;
            let asked = if upper { code.to_ascii_uppercase() } else { code.to_owned() };
            prop_assert_eq!(language(&asked).map(|l| l.code), Some(code));
            prop_assert_eq!(find_language(&asked).map(|l| l.code), Some(code));
        }
    }

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
            LanguageCode::parse("languages", "Swahili")
                .unwrap()
                .as_str(),
            "sw"
        );
        assert_eq!(
            LanguageCode::parse("languages", "mos").unwrap().as_str(),
            "mos"
        );
        assert_eq!(
            LanguageCode::parse("languages", "Klingonese").unwrap_err(),
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
