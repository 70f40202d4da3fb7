//! Cell values as people write them, turned into what [`OrganisationInput`] expects:
//! country names into codes, kind names into kinds, focus-area names into codes.
//!
//! [`OrganisationInput`]: crate::directory::OrganisationInput

use std::collections::HashMap;

use crate::directory::{FocusArea, FocusCode, Kind, Stage};
use crate::search::normalise;
use crate::visibility::Visibility;

/// A trimmed cell, without the `'` that our export puts before a leading
/// `= + - @` so that spreadsheets do not run it as a formula.
pub(super) fn clean(raw: &str) -> &str {
    let value = raw.trim();
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    }
}

/// Kind names other than the codes, in matching form.
const KIND_NAMES: &[(&str, Kind)] = &[
    ("non governmental organisation", Kind::Ngo),
    ("non governmental organization", Kind::Ngo),
    ("ong", Kind::Ngo),
    ("grassroots group", Kind::Grassroots),
    ("grassroots movement", Kind::Grassroots),
    ("grassroots organisation", Kind::Grassroots),
    ("grassroots organization", Kind::Grassroots),
    ("trade union", Kind::Union),
    ("labour union", Kind::Union),
    ("labor union", Kind::Union),
    ("syndicat", Kind::Union),
    ("sindicato", Kind::Union),
    ("student group", Kind::Student),
    ("students", Kind::Student),
    ("faith group", Kind::Faith),
    ("faith based organisation", Kind::Faith),
    ("faith based organization", Kind::Faith),
    ("media outlet", Kind::Media),
    ("legal organisation", Kind::Legal),
    ("legal organization", Kind::Legal),
    ("academic institution", Kind::Academic),
    ("university", Kind::Academic),
    ("political party", Kind::Party),
];

/// A kind's code for a code in any case or an English name; anything else as given,
/// for validation to refuse.
pub(super) fn kind(raw: &str) -> String {
    let lower = raw.to_ascii_lowercase();
    if Kind::ALL.iter().any(|k| k.as_str() == lower) {
        return lower;
    }
    let wanted = normalise(raw);
    KIND_NAMES
        .iter()
        .find(|(name, _)| *name == wanted)
        .map_or_else(|| raw.to_owned(), |(_, k)| k.as_str().to_owned())
}

/// A stage's code for its code in any case.
pub(super) fn stage(raw: &str) -> String {
    by_code(raw, Stage::ALL.map(Stage::as_str))
}

/// A visibility's code for its code in any case.
pub(super) fn visibility(raw: &str) -> String {
    by_code(raw, Visibility::ALL.map(Visibility::as_str))
}

fn by_code<const N: usize>(raw: &str, codes: [&str; N]) -> String {
    let lower = raw.to_ascii_lowercase();
    if codes.contains(&lower.as_str()) {
        lower
    } else {
        raw.to_owned()
    }
}

/// A website as given, with `https://` added to a bare host such as `ksn.example.org`
/// (CRM exports often leave it out).
pub(super) fn website(raw: &str) -> String {
    if !raw.contains("://") && raw.contains('.') && !raw.contains(char::is_whitespace) {
        format!("https://{raw}")
    } else {
        raw.to_owned()
    }
}

/// Common names for countries that CLDR names otherwise.
const COUNTRY_ALIASES: &[(&str, &str)] = &[
    ("uk", "GB"),
    ("great britain", "GB"),
    ("usa", "US"),
    ("united states of america", "US"),
];

/// Resolves country and focus-area cells, remembering each distinct cell: files
/// repeat the same few values, and matching names is the costly part of a row.
pub(super) struct Resolver<'k> {
    focus_names: HashMap<String, &'k FocusCode>,
    countries: HashMap<String, Option<&'static str>>,
    focus_cells: HashMap<String, Result<Vec<FocusCode>, String>>,
}

impl<'k> Resolver<'k> {
    /// A resolver for the coalition's focus areas `known`.
    pub(super) fn new(known: &'k [FocusArea]) -> Self {
        let mut focus_names = HashMap::new();
        for area in known {
            let n = &area.names;
            let names = [
                Some(area.code.as_str()),
                n.ar.as_deref(),
                Some(n.en.as_str()),
                n.fr.as_deref(),
                n.es.as_deref(),
            ];
            for name in names.into_iter().flatten() {
                focus_names.entry(normalise(name)).or_insert(&area.code);
            }
        }
        Self {
            focus_names,
            countries: HashMap::new(),
            focus_cells: HashMap::new(),
        }
    }

    /// The country code for a code or a name in any interface language; anything else
    /// as given, for validation to refuse.
    pub(super) fn country(&mut self, raw: &str) -> String {
        let found = match self.countries.get(raw) {
            Some(found) => *found,
            None => {
                let wanted = normalise(raw);
                let found = COUNTRY_ALIASES
                    .iter()
                    .find(|(name, _)| *name == wanted)
                    .map(|(_, code)| *code)
                    .or_else(|| crate::geo::find_country(raw).map(|c| c.code));
                self.countries.insert(raw.to_owned(), found);
                found
            }
        };
        found.map_or_else(|| raw.to_owned(), str::to_owned)
    }

    /// The focus-area codes of a cell listing codes or names separated by `;` or `,`,
    /// or the first item that is none of the known areas.
    pub(super) fn focus_areas(&mut self, raw: &str) -> Result<Vec<FocusCode>, String> {
        if let Some(found) = self.focus_cells.get(raw) {
            return found.clone();
        }
        let mut codes: Vec<FocusCode> = Vec::new();
        let mut found = Ok(());
        for item in crate::languages::split_list(raw) {
            match self.focus_names.get(&normalise(item)) {
                Some(code) if codes.contains(code) => {}
                Some(code) => codes.push((*code).clone()),
                None => {
                    found = Err(item.to_owned());
                    break;
                }
            }
        }
        let result = found.map(|()| codes);
        self.focus_cells.insert(raw.to_owned(), result.clone());
        result
    }
}
