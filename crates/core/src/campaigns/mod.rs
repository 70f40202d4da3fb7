//! Campaigns: what kind, what for, when, where, in which languages and who runs
//! them, with the plan items and indicators they answer to. Their targets and the
//! outcomes reached are in `targets`; wins over time and the chart's geometry in
//! `wins`; content items and the workflow of their translations in `content`; the
//! translation matrix in `matrix`; the publishing schedule, reach and calendar
//! days in `publications`.

pub mod content;
pub mod matrix;
pub mod publications;
pub mod targets;
pub mod wins;

pub use content::{
    Channel, ContentFields, ContentInput, ContentItem, ContentKind, Translation, TranslationFields,
    TranslationInput, TranslationState,
};
pub use targets::{Outcome, Target, TargetFields, TargetInput, TargetKind};

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::directory::parse_date;
use crate::groups::{id_list, parse_regions};
use crate::i18n::Lang;
use crate::ids::{CampaignId, GroupId, IndicatorId, OrganisationId, PlanItemId};
use crate::invalid::{optional_text, required_text};
use crate::languages::{LanguageCode, parse_list};
use crate::plans::{primary_lang, translations};
use crate::{Invalid, Problem};

/// The longest campaign name.
pub const MAX_NAME: usize = 200;
/// The longest goals text.
pub const MAX_TEXT: usize = 20_000;

/// What a campaign does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignKind {
    /// Reaching people through the media, in their languages.
    Media,
    /// Pressing decision makers.
    Advocacy,
    /// Cases, complaints and legal action.
    Legal,
    /// Boycott and divestment.
    Economic,
    /// Organising locally.
    Grassroots,
}

impl CampaignKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [CampaignKind; 5] = [
        CampaignKind::Media,
        CampaignKind::Advocacy,
        CampaignKind::Legal,
        CampaignKind::Economic,
        CampaignKind::Grassroots,
    ];

    /// Parses a kind's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("kind", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or(Invalid::new("kind", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            CampaignKind::Media => "media",
            CampaignKind::Advocacy => "advocacy",
            CampaignKind::Legal => "legal",
            CampaignKind::Economic => "economic",
            CampaignKind::Grassroots => "grassroots",
        }
    }
}

/// The validated details of a campaign.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct CampaignFields {
    /// Its name in its primary language.
    pub name: String,
    /// The language of the primary name and goals.
    pub name_lang: LanguageCode,
    /// Its name in interface languages other than the primary one.
    pub names: BTreeMap<Lang, String>,
    /// What it does.
    pub kind: CampaignKind,
    /// What it sets out to achieve, in the primary language.
    pub goals: Option<String>,
    /// Its goals in interface languages other than the primary one.
    pub goals_tr: BTreeMap<Lang, String>,
    /// Its first day.
    pub start: NaiveDate,
    /// Its last day; none while it runs without a planned end.
    pub end: Option<NaiveDate>,
    /// UN M49 regions and sub-regions it covers.
    pub regions: Vec<String>,
    /// The languages its content reaches people in.
    pub languages: Vec<LanguageCode>,
    /// The working groups that organise it.
    pub groups: Vec<GroupId>,
    /// The organisations that organise it.
    pub organisations: Vec<OrganisationId>,
    /// The plan items it carries out.
    pub items: Vec<PlanItemId>,
    /// The indicators it moves.
    pub indicators: Vec<IndicatorId>,
}

impl CampaignFields {
    /// Its name as a reader of `lang` knows it.
    pub fn name_in(&self, lang: Lang) -> &str {
        self.names.get(&lang).map_or(&self.name, String::as_str)
    }

    /// Its goals as a reader of `lang` knows them.
    pub fn goals_in(&self, lang: Lang) -> Option<&str> {
        self.goals_tr
            .get(&lang)
            .map(String::as_str)
            .or(self.goals.as_deref())
    }

    /// Where it stands on `today`: not started, running, or over.
    pub fn phase(&self, today: NaiveDate) -> Phase {
        if today < self.start {
            Phase::Upcoming
        } else if self.end.is_some_and(|end| today > end) {
            Phase::Ended
        } else {
            Phase::Running
        }
    }
}

/// Where a campaign stands in its period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Its start is still ahead.
    Upcoming,
    /// Started and not over.
    Running,
    /// Past its last day.
    Ended,
}

impl Phase {
    /// Every phase, in the order of time.
    pub const ALL: [Phase; 3] = [Phase::Upcoming, Phase::Running, Phase::Ended];

    /// Parses a phase's name, naming `field` when unknown.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, Invalid> {
        Self::ALL
            .into_iter()
            .find(|p| p.as_str() == raw.trim())
            .ok_or(Invalid::new(field, Problem::UnknownValue))
    }

    /// The API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Upcoming => "upcoming",
            Phase::Running => "running",
            Phase::Ended => "ended",
        }
    }
}

/// A stored campaign.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Campaign {
    /// Its id.
    pub id: CampaignId,
    /// Its details.
    #[serde(flatten)]
    pub fields: CampaignFields,
}

/// The raw text of a campaign form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct CampaignInput {
    /// Name in its primary language.
    #[serde(default)]
    pub name: String,
    /// Language of the primary name and goals; English when absent.
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
    /// media, advocacy, legal, economic or grassroots.
    #[serde(default)]
    pub kind: String,
    /// Goals in the primary language.
    #[serde(default)]
    pub goals: Option<String>,
    /// Goals in Arabic, if different.
    #[serde(default)]
    pub goals_ar: Option<String>,
    /// Goals in English, if different.
    #[serde(default)]
    pub goals_en: Option<String>,
    /// Goals in French, if different.
    #[serde(default)]
    pub goals_fr: Option<String>,
    /// Goals in Spanish, if different.
    #[serde(default)]
    pub goals_es: Option<String>,
    /// First day, `YYYY-MM-DD`.
    #[serde(default)]
    pub start: String,
    /// Last day, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub end: Option<String>,
    /// UN M49 region or sub-region codes.
    #[serde(default)]
    pub regions: Vec<String>,
    /// Language codes or names of its content.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Ids of the organising working groups.
    #[serde(default)]
    pub groups: Vec<String>,
    /// Ids of the organising organisations.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Ids of the plan items it carries out.
    #[serde(default)]
    pub items: Vec<String>,
    /// Ids of the indicators it moves.
    #[serde(default)]
    pub indicators: Vec<String>,
}

impl CampaignInput {
    /// Validates every field, reporting the first that is wrong. Whether the groups,
    /// organisations, items and indicators exist is checked against storage.
    pub fn validate(&self) -> Result<CampaignFields, Invalid> {
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
        let kind = CampaignKind::parse(&self.kind)?;
        let goals = optional_text("goals", &text(&self.goals), MAX_TEXT)?;
        let goals_tr = translations(
            goals.as_deref().unwrap_or_default(),
            &name_lang,
            [
                (Lang::Ar, "goals_ar", &self.goals_ar),
                (Lang::En, "goals_en", &self.goals_en),
                (Lang::Fr, "goals_fr", &self.goals_fr),
                (Lang::Es, "goals_es", &self.goals_es),
            ],
            MAX_TEXT,
        )?;
        let start =
            parse_date("start", &self.start)?.ok_or(Invalid::new("start", Problem::Required))?;
        let end = parse_date("end", &text(&self.end))?;
        if end.is_some_and(|end| end < start) {
            return Err(Invalid::new("end", Problem::DatesOutOfOrder));
        }
        Ok(CampaignFields {
            name,
            name_lang,
            names,
            kind,
            goals,
            goals_tr,
            start,
            end,
            regions: parse_regions("regions", &self.regions)?,
            languages: parse_list("languages", &self.languages)?,
            groups: id_list("groups", &self.groups, GroupId::parse)?,
            organisations: id_list("organisations", &self.organisations, OrganisationId::parse)?,
            items: id_list("items", &self.items, PlanItemId::parse)?,
            indicators: id_list("indicators", &self.indicators, IndicatorId::parse)?,
        })
    }
}

/// The form values of a stored campaign.
pub fn input_of(f: &CampaignFields) -> CampaignInput {
    let tr = |m: &BTreeMap<Lang, String>, l: Lang| m.get(&l).cloned();
    CampaignInput {
        name: f.name.clone(),
        name_lang: Some(f.name_lang.as_str().to_owned()),
        name_ar: tr(&f.names, Lang::Ar),
        name_en: tr(&f.names, Lang::En),
        name_fr: tr(&f.names, Lang::Fr),
        name_es: tr(&f.names, Lang::Es),
        kind: f.kind.as_str().to_owned(),
        goals: f.goals.clone(),
        goals_ar: tr(&f.goals_tr, Lang::Ar),
        goals_en: tr(&f.goals_tr, Lang::En),
        goals_fr: tr(&f.goals_tr, Lang::Fr),
        goals_es: tr(&f.goals_tr, Lang::Es),
        start: f.start.to_string(),
        end: f.end.map(|d| d.to_string()),
        regions: f.regions.clone(),
        languages: f.languages.iter().map(|l| l.as_str().to_owned()).collect(),
        groups: f.groups.iter().map(ToString::to_string).collect(),
        organisations: f.organisations.iter().map(ToString::to_string).collect(),
        items: f.items.iter().map(ToString::to_string).collect(),
        indicators: f.indicators.iter().map(ToString::to_string).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> CampaignInput {
        CampaignInput {
            name: "Voices of the Sahel".into(),
            name_ar: Some("أصوات الساحل".into()),
            kind: "media".into(),
            goals: Some("Reach **one million** people".into()),
            start: "2026-03-01".into(),
            end: Some("2026-09-30".into()),
            regions: vec!["002".into()],
            languages: vec!["ar".into(), "Swahili".into(), "pt-BR".into(), "ar".into()],
            groups: vec![GroupId::new().to_string()],
            ..Default::default()
        }
    }

    #[test]
    fn a_campaign_form_keeps_its_languages_once_each_and_round_trips() {
        let f = good().validate().unwrap();
        let codes: Vec<&str> = f.languages.iter().map(LanguageCode::as_str).collect();
        assert_eq!(codes, ["ar", "sw", "pt"]);
        assert_eq!(f.name_in(Lang::Ar), "أصوات الساحل");
        assert_eq!(f.name_in(Lang::Fr), "Voices of the Sahel");
        assert_eq!(input_of(&f).validate(), Ok(f));
    }

    #[test]
    fn a_campaign_form_names_the_field_at_fault() {
        let bad = |change: fn(&mut CampaignInput)| {
            let mut i = good();
            change(&mut i);
            i.validate().unwrap_err()
        };
        assert_eq!(
            bad(|i| i.name = " ".into()),
            Invalid::new("name", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.kind = "sports".into()),
            Invalid::new("kind", Problem::UnknownValue)
        );
        assert_eq!(
            bad(|i| i.start = "".into()),
            Invalid::new("start", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.start = "1 March".into()),
            Invalid::new("start", Problem::Date)
        );
        assert_eq!(
            bad(|i| i.end = Some("2026-02-28".into())),
            Invalid::new("end", Problem::DatesOutOfOrder)
        );
        assert_eq!(
            bad(|i| i.regions = vec!["999".into()]),
            Invalid::new("regions", Problem::UnknownValue)
        );
        assert_eq!(
            bad(|i| i.languages = vec!["Klingon language".into()]),
            Invalid::new("languages", Problem::Language)
        );
        assert_eq!(
            bad(|i| i.organisations = vec!["acme".into()]),
            Invalid::new("organisations", Problem::UnknownValue)
        );
    }

    #[test]
    fn a_campaign_is_upcoming_then_running_then_ended() {
        let f = good().validate().unwrap();
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(f.phase(day("2026-02-28")), Phase::Upcoming);
        assert_eq!(f.phase(day("2026-03-01")), Phase::Running);
        assert_eq!(f.phase(day("2026-09-30")), Phase::Running);
        assert_eq!(f.phase(day("2026-10-01")), Phase::Ended);
        let open = CampaignFields { end: None, ..f };
        assert_eq!(open.phase(day("2030-01-01")), Phase::Running);
    }
}
