//! Working groups, their meetings (`meetings`, with the start in its own zone in
//! `start`), the recommendations register (`recommendations`, with its status moves,
//! progress and the stale rule) and the safe rendering of minutes (`markdown`).

pub mod markdown;
pub mod meetings;
pub mod recommendations;
pub mod start;

pub use meetings::{
    ActionItem, ActionItemFields, ActionItemInput, Meeting, MeetingFields, MeetingInput,
    MeetingKind,
};
pub use recommendations::{
    Recommendation, RecommendationFields, RecommendationInput, RecommendationStatus, Theme,
};
pub use start::Start;

use std::collections::BTreeMap;

use crate::directory::focus::FocusCode;
use crate::i18n::Lang;
use crate::ids::{GroupId, PersonId, UserId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::plans::{primary_lang, translations};
use crate::{Invalid, Problem};

/// The validated details of a working group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupFields {
    /// Its name in its primary language.
    pub name: String,
    /// The language of its primary name and mandate.
    pub name_lang: LanguageCode,
    /// Its name in interface languages other than the primary one.
    pub names: BTreeMap<Lang, String>,
    /// What it was set up to do, in the primary language.
    pub mandate: Option<String>,
    /// Its mandate in interface languages other than the primary one.
    pub mandates: BTreeMap<Lang, String>,
    /// The person who leads it.
    pub lead: Option<PersonId>,
    /// The focus area it works on.
    pub focus: Option<FocusCode>,
    /// UN M49 regions and sub-regions it covers.
    pub regions: Vec<String>,
    /// People of the directory who belong to it.
    pub people: Vec<PersonId>,
    /// User accounts that belong to it.
    pub users: Vec<UserId>,
}

impl GroupFields {
    /// Its name as a reader of `lang` knows it.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(&lang).map_or(&self.name, String::as_str)
    }

    /// Its mandate as a reader of `lang` knows it.
    pub fn mandate_in(&self, lang: Lang) -> Option<&str> {
        self.mandates
            .get(&lang)
            .map(String::as_str)
            .or(self.mandate.as_deref())
    }
}

/// A stored working group.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Group {
    /// Its id.
    pub id: GroupId,
    /// Its details.
    #[serde(flatten)]
    pub fields: GroupFields,
}

/// The raw text of a working group form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct GroupInput {
    /// Name in its primary language.
    #[serde(default)]
    pub name: String,
    /// Language of the primary name and mandate (ISO 639 code); English when absent.
    #[serde(default)]
    pub name_lang: Option<String>,
    /// Name in Arabic, if different.
    #[serde(default)]
    pub name_ar: Option<String>,
    /// Name in English, if different.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Name in French, if different.
    #[serde(default)]
    pub name_fr: Option<String>,
    /// Name in Spanish, if different.
    #[serde(default)]
    pub name_es: Option<String>,
    /// Mandate in the primary language.
    #[serde(default)]
    pub mandate: Option<String>,
    /// Mandate in Arabic, if different.
    #[serde(default)]
    pub mandate_ar: Option<String>,
    /// Mandate in English, if different.
    #[serde(default)]
    pub mandate_en: Option<String>,
    /// Mandate in French, if different.
    #[serde(default)]
    pub mandate_fr: Option<String>,
    /// Mandate in Spanish, if different.
    #[serde(default)]
    pub mandate_es: Option<String>,
    /// The lead's person id, or empty.
    #[serde(default)]
    pub lead: Option<String>,
    /// A focus area code, or empty.
    #[serde(default)]
    pub focus: Option<String>,
    /// UN M49 region or sub-region codes.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Person ids of members.
    #[serde(default)]
    pub people: Vec<String>,
    /// User ids of members.
    #[serde(default)]
    pub users: Vec<String>,
}

/// The longest name of a group or title of a meeting.
pub const MAX_NAME: usize = 200;
/// The longest mandate, recommendation or minutes text.
pub const MAX_TEXT: usize = 20_000;

impl GroupInput {
    /// Validates every field, reporting the first that is wrong. Whether the lead,
    /// members and focus area exist is checked against storage.
    pub fn validate(&self) -> Result<GroupFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let name = required_text("name", &self.name, MAX_NAME)?;
        let name_lang = primary_lang("name_lang", self.name_lang.as_deref())?;
        let names = translations(
            &name,
            &name_lang,
            [
                (Lang::Ar, "name_ar", &self.name_ar),
                (Lang::En, "name_en", &self.name_en),
                (Lang::Fr, "name_fr", &self.name_fr),
                (Lang::Es, "name_es", &self.name_es),
            ],
            MAX_NAME,
        )?;
        let mandate = optional_text("mandate", &text(&self.mandate), MAX_TEXT)?;
        let mandates = translations(
            mandate.as_deref().unwrap_or_default(),
            &name_lang,
            [
                (Lang::Ar, "mandate_ar", &self.mandate_ar),
                (Lang::En, "mandate_en", &self.mandate_en),
                (Lang::Fr, "mandate_fr", &self.mandate_fr),
                (Lang::Es, "mandate_es", &self.mandate_es),
            ],
            MAX_TEXT,
        )?;
        let lead = match text(&self.lead).trim() {
            "" => None,
            id => {
                Some(PersonId::parse(id).map_err(|_| Invalid::new("lead", Problem::UnknownValue))?)
            }
        };
        let focus = match text(&self.focus).trim() {
            "" => None,
            code => Some(FocusCode::parse("focus", code)?),
        };
        Ok(GroupFields {
            name,
            name_lang,
            names,
            mandate,
            mandates,
            lead,
            focus,
            regions: parse_regions("regions", &self.regions)?,
            people: id_list("people", &self.people, PersonId::parse)?,
            users: id_list("users", &self.users, UserId::parse)?,
        })
    }
}

/// The form values of a stored group.
pub fn input_of(f: &GroupFields) -> GroupInput {
    let tr = |m: &BTreeMap<Lang, String>, l: Lang| m.get(&l).cloned();
    GroupInput {
        name: f.name.clone(),
        name_lang: Some(f.name_lang.as_str().to_owned()),
        name_ar: tr(&f.names, Lang::Ar),
        name_en: tr(&f.names, Lang::En),
        name_fr: tr(&f.names, Lang::Fr),
        name_es: tr(&f.names, Lang::Es),
        mandate: f.mandate.clone(),
        mandate_ar: tr(&f.mandates, Lang::Ar),
        mandate_en: tr(&f.mandates, Lang::En),
        mandate_fr: tr(&f.mandates, Lang::Fr),
        mandate_es: tr(&f.mandates, Lang::Es),
        lead: f.lead.as_ref().map(ToString::to_string),
        focus: f.focus.as_ref().map(|c| c.as_str().to_owned()),
        regions: f.regions.clone(),
        people: f.people.iter().map(ToString::to_string).collect(),
        users: f.users.iter().map(ToString::to_string).collect(),
    }
}

/// UN M49 region or sub-region codes (`002` Africa, `014` Eastern Africa), without
/// repeats; the world as a whole is not a region.
pub fn parse_regions(field: &'static str, raw: &[String]) -> Result<Vec<String>, Invalid> {
    let mut out: Vec<String> = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let region = crate::geo::region(code)
            .filter(|r| r.m49 != crate::geo::WORLD)
            .ok_or(Invalid::new(field, Problem::UnknownValue))?;
        if !out.iter().any(|c| c == region.m49) {
            out.push(region.m49.to_owned());
        }
    }
    Ok(out)
}

/// The most ids one list (members, attendees) may hold.
pub const MAX_LIST: usize = 500;

/// Parses a list of ids, ignoring blanks and repeats, naming `field` for one that is
/// not an id.
pub fn id_list<T: PartialEq>(
    field: &'static str,
    raw: &[String],
    parse: fn(&str) -> Result<T, Invalid>,
) -> Result<Vec<T>, Invalid> {
    let mut out = Vec::new();
    for id in raw.iter().map(|r| r.trim()).filter(|r| !r.is_empty()) {
        let id = parse(id).map_err(|_| Invalid::new(field, Problem::UnknownValue))?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    if out.len() > MAX_LIST {
        return Err(Invalid::new(
            field,
            Problem::OutOfRange {
                min: 0,
                max: MAX_LIST as i64,
            },
        ));
    }
    Ok(out)
}

/// An ordered list of short texts (agenda items, decisions): each trimmed, blanks
/// left out, each at most `max` characters, at most 100 of them.
pub fn text_list(field: &'static str, raw: &[String], max: usize) -> Result<Vec<String>, Invalid> {
    let out = raw
        .iter()
        .filter(|t| !t.trim().is_empty())
        .map(|t| required_text(field, t, max))
        .collect::<Result<Vec<_>, _>>()?;
    if out.len() > 100 {
        return Err(Invalid::new(
            field,
            Problem::OutOfRange { min: 0, max: 100 },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn media() -> GroupInput {
        GroupInput {
            name: " Media working group ".into(),
            name_ar: Some("مجموعة عمل الإعلام".into()),
            mandate: Some("Coordinate campaigns in six languages.".into()),
            mandate_fr: Some("Coordonner les campagnes en six langues.".into()),
            lead: Some(PersonId::new().to_string()),
            focus: Some("media".into()),
            regions: vec!["002".into(), " 014 ".into(), "002".into(), "".into()],
            people: vec![PersonId::new().to_string()],
            users: vec![UserId::new().to_string()],
            ..Default::default()
        }
    }

    #[test]
    fn a_group_form_is_validated_with_its_translations_and_regions() {
        let f = media().validate().unwrap();
        assert_eq!(f.name, "Media working group");
        assert_eq!(f.name_in(Lang::Ar), "مجموعة عمل الإعلام");
        assert_eq!(f.name_in(Lang::Es), "Media working group");
        assert_eq!(
            f.mandate_in(Lang::Fr),
            Some("Coordonner les campagnes en six langues.")
        );
        assert_eq!(
            f.mandate_in(Lang::Ar),
            Some("Coordinate campaigns in six languages.")
        );
        assert_eq!(f.regions, ["002", "014"]);
        assert_eq!(f.focus.as_ref().map(FocusCode::as_str), Some("media"));
        assert_eq!((f.people.len(), f.users.len()), (1, 1));
        assert_eq!(input_of(&f).validate(), Ok(f));
    }

    #[test]
    fn a_group_form_names_the_field_at_fault() {
        let with = |f: fn(&mut GroupInput)| {
            let mut input = media();
            f(&mut input);
            input.validate().unwrap_err()
        };
        assert_eq!(
            with(|i| i.name = "  ".into()),
            Invalid::new("name", Problem::Required)
        );
        assert_eq!(
            with(|i| i.name_lang = Some("klingon!".into())).field,
            "name_lang"
        );
        assert_eq!(
            with(|i| i.lead = Some("Amal".into())),
            Invalid::new("lead", Problem::UnknownValue)
        );
        assert_eq!(
            with(|i| i.focus = Some("Media & Press".into())),
            Invalid::new("focus", Problem::Code)
        );
        for bad in ["001", "999", "Africa"] {
            assert_eq!(
                with_region(bad),
                Invalid::new("regions", Problem::UnknownValue)
            );
        }
        assert_eq!(
            with(|i| i.people.push("x".into())),
            Invalid::new("people", Problem::UnknownValue)
        );
        assert_eq!(
            with(|i| i.users.push("x".into())),
            Invalid::new("users", Problem::UnknownValue)
        );
        assert_eq!(
            with(|i| i.mandate_es = Some("x".repeat(MAX_TEXT + 1))),
            Invalid::new("mandate_es", Problem::TooLong { max: MAX_TEXT })
        );
    }

    fn with_region(code: &str) -> Invalid {
        let mut input = media();
        input.regions.push(code.into());
        input.validate().unwrap_err()
    }

    #[test]
    fn text_lists_keep_order_and_drop_blanks() {
        let raw: Vec<String> = ["Welcome", " ", " Media plan ", ""]
            .map(String::from)
            .into();
        assert_eq!(
            text_list("agenda", &raw, 300),
            Ok(vec!["Welcome".into(), "Media plan".into()])
        );
        assert_eq!(
            text_list("agenda", &["x".repeat(301)], 300),
            Err(Invalid::new("agenda", Problem::TooLong { max: 300 }))
        );
    }

    proptest! {
        #[test]
        fn accepted_regions_are_known_and_never_repeated(codes in proptest::collection::vec("[0-9]{3}", 0..8)) {
            if let Ok(regions) = parse_regions("regions", &codes) {
                for (i, r) in regions.iter().enumerate() {
                    prop_assert!(crate::geo::region(r).is_some());
                    prop_assert!(!regions[..i].contains(r));
                }
            }
        }
    }
}
