//! The choices of the directory's selects and checkboxes, and the names they show,
//! in the page's language.

use tadamun_core::directory::{CountryCode, FocusArea};
use tadamun_core::geo;
use tadamun_core::i18n::Lang;
use tadamun_core::languages::{self, LanguageCode};
use tadamun_core::search::normalise;

use crate::forms::Choice;

/// Country choices for a `<select>`, sorted by name in `lang`.
pub(crate) fn country_choices(lang: Lang, current: &str) -> Vec<Choice> {
    let mut countries: Vec<_> = geo::countries().iter().collect();
    countries.sort_by_cached_key(|c| normalise(c.name(lang)));
    Choice::list(
        countries
            .into_iter()
            .map(|c| (c.code, c.name(lang).to_owned())),
        current,
    )
}

/// Region choices, each region followed by its sub-regions (indented).
pub(crate) fn region_choices(lang: Lang, current: &str) -> Vec<Choice> {
    let pairs = geo::regions().iter().map(|r| {
        let indent = if r.is_top_level() { "" } else { "— " };
        (r.m49, format!("{indent}{}", r.name(lang)))
    });
    Choice::list(pairs, current)
}

/// Language choices for a `<select>` or checkboxes, by name in `lang`, marking those
/// in `current`.
pub(crate) fn language_choices(lang: Lang, current: &[&str]) -> Vec<Choice> {
    let mut all: Vec<_> = languages::languages().iter().collect();
    all.sort_by_cached_key(|l| normalise(l.name(lang)));
    all.into_iter()
        .map(|l| Choice {
            value: l.code.to_owned(),
            label: l.name(lang).to_owned(),
            selected: current.contains(&l.code),
        })
        .collect()
}

/// Focus-area choices, marking those in `current`.
pub(crate) fn focus_choices(lang: Lang, areas: &[FocusArea], current: &[&str]) -> Vec<Choice> {
    areas
        .iter()
        .map(|a| Choice {
            value: a.code.as_str().to_owned(),
            label: a.name(lang).to_owned(),
            selected: current.contains(&a.code.as_str()),
        })
        .collect()
}

/// The name of a language in `lang`, or its code if unknown.
pub(crate) fn language_name(lang: Lang, code: &LanguageCode) -> String {
    languages::language(code.as_str())
        .map_or_else(|| code.as_str().to_owned(), |l| l.name(lang).to_owned())
}

/// The name of a country in `lang`, or its code if unknown.
pub(crate) fn country_name(lang: Lang, code: &CountryCode) -> String {
    code.country()
        .map(|c| c.name(lang).to_owned())
        .unwrap_or_else(|| code.as_str().to_owned())
}
