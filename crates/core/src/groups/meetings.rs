//! Meetings — consultative meetings, workshops and working-group meetings — with
//! their agenda, attendees, minutes and decisions, and the action items agreed at
//! them, each of which can become an action of a plan.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::{MAX_NAME, MAX_TEXT, Start, id_list, text_list};
use crate::directory::{parse_date, parse_url};
use crate::i18n::Lang;
use crate::ids::{GroupId, MeetingActionId, MeetingId, OrganisationId, PersonId, PlanItemId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::plans::{Owner, primary_lang, translations};
use crate::{Invalid, Problem};

/// What kind of meeting it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// A consultative meeting of the coalition.
    Consultative,
    /// A workshop.
    Workshop,
    /// A meeting of one working group.
    GroupMeeting,
}

impl MeetingKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [MeetingKind; 3] = [
        MeetingKind::Consultative,
        MeetingKind::Workshop,
        MeetingKind::GroupMeeting,
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
            MeetingKind::Consultative => "consultative",
            MeetingKind::Workshop => "workshop",
            MeetingKind::GroupMeeting => "group_meeting",
        }
    }
}

/// The shortest and longest a meeting may last, in minutes.
pub const DURATION: std::ops::RangeInclusive<u16> = 5..=1440;

/// The validated details of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct MeetingFields {
    /// What kind of meeting.
    pub kind: MeetingKind,
    /// Its title in its primary language.
    pub title: String,
    /// The language of the primary title.
    pub title_lang: LanguageCode,
    /// Its title in other interface languages.
    pub titles: BTreeMap<Lang, String>,
    /// When it starts, in its own zone.
    pub start: Start,
    /// How long it lasts, in minutes.
    pub duration: u16,
    /// Where to join online (http or https).
    pub link: Option<String>,
    /// Where it takes place.
    pub place: Option<String>,
    /// The working group that organises it.
    pub group: Option<GroupId>,
    /// What it will discuss, in order.
    pub agenda: Vec<String>,
    /// People who attend.
    pub people: Vec<PersonId>,
    /// Organisations that attend.
    pub organisations: Vec<OrganisationId>,
    /// The minutes, in Markdown.
    pub minutes: Option<String>,
    /// What it decided, in order.
    pub decisions: Vec<String>,
}

impl MeetingFields {
    /// Its title as a reader of `lang` knows it.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.titles.get(&lang).map_or(&self.title, String::as_str)
    }
}

/// A stored meeting.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Meeting {
    /// Its id.
    pub id: MeetingId,
    /// Its details.
    #[serde(flatten)]
    pub fields: MeetingFields,
}

/// The raw text of a meeting form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct MeetingInput {
    /// consultative, workshop or group_meeting.
    #[serde(default)]
    pub kind: String,
    /// Title in its primary language.
    #[serde(default)]
    pub title: String,
    /// Language of the primary title; English when absent.
    #[serde(default)]
    pub title_lang: Option<String>,
    /// Title in Arabic, if different.
    #[serde(default)]
    pub title_ar: Option<String>,
    /// Title in English, if different.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Title in French, if different.
    #[serde(default)]
    pub title_fr: Option<String>,
    /// Title in Spanish, if different.
    #[serde(default)]
    pub title_es: Option<String>,
    /// Local start, `YYYY-MM-DDTHH:MM`, in `time_zone`.
    #[serde(default)]
    pub start: String,
    /// IANA zone of the start.
    #[serde(default)]
    pub time_zone: String,
    /// Minutes, 5–1440.
    #[serde(default)]
    pub duration: String,
    /// Online link.
    #[serde(default)]
    pub link: Option<String>,
    /// Place.
    #[serde(default)]
    pub place: Option<String>,
    /// Organising group's id, or empty.
    #[serde(default)]
    pub group: Option<String>,
    /// Agenda items, in order.
    #[serde(default)]
    pub agenda: Vec<String>,
    /// Person ids of attendees.
    #[serde(default)]
    pub people: Vec<String>,
    /// Organisation ids of attendees.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Minutes in Markdown.
    #[serde(default)]
    pub minutes: Option<String>,
    /// Decisions, in order.
    #[serde(default)]
    pub decisions: Vec<String>,
}

impl MeetingInput {
    /// Validates every field, reporting the first that is wrong. A meeting needs an
    /// online link or a place (or both); without either, `link` is named.
    pub fn validate(&self) -> Result<MeetingFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let kind = MeetingKind::parse(&self.kind)?;
        let title = required_text("title", &self.title, MAX_NAME)?;
        let title_lang = primary_lang("title_lang", self.title_lang.as_deref())?;
        let titles = translations(
            &title,
            &title_lang,
            [
                (Lang::Ar, "title_ar", &self.title_ar),
                (Lang::En, "title_en", &self.title_en),
                (Lang::Fr, "title_fr", &self.title_fr),
                (Lang::Es, "title_es", &self.title_es),
            ],
            MAX_NAME,
        )?;
        let start = Start::parse(&self.start, &self.time_zone)?;
        let duration = parse_duration(&self.duration)?;
        let link = parse_url("link", &text(&self.link))?;
        let place = optional_text("place", &text(&self.place), 300)?;
        if link.is_none() && place.is_none() {
            return Err(Invalid::new("link", Problem::LinkOrPlace));
        }
        let group = match text(&self.group).trim() {
            "" => None,
            id => {
                Some(GroupId::parse(id).map_err(|_| Invalid::new("group", Problem::UnknownValue))?)
            }
        };
        Ok(MeetingFields {
            kind,
            title,
            title_lang,
            titles,
            start,
            duration,
            link,
            place,
            group,
            agenda: text_list("agenda", &self.agenda, 300)?,
            people: id_list("people", &self.people, PersonId::parse)?,
            organisations: id_list("organisations", &self.organisations, OrganisationId::parse)?,
            minutes: optional_text("minutes", &text(&self.minutes), MAX_TEXT)?,
            decisions: text_list("decisions", &self.decisions, 1000)?,
        })
    }
}

/// Parses a duration in whole minutes within [`DURATION`].
pub fn parse_duration(raw: &str) -> Result<u16, Invalid> {
    let range = Invalid::new(
        "duration",
        Problem::OutOfRange {
            min: i64::from(*DURATION.start()),
            max: i64::from(*DURATION.end()),
        },
    );
    match raw.trim() {
        "" => Err(Invalid::new("duration", Problem::Required)),
        text => text
            .parse::<u16>()
            .ok()
            .filter(|m| DURATION.contains(m))
            .ok_or(range),
    }
}

/// The form values of a stored meeting.
pub fn input_of(f: &MeetingFields) -> MeetingInput {
    let tr = |l: Lang| f.titles.get(&l).cloned();
    MeetingInput {
        kind: f.kind.as_str().to_owned(),
        title: f.title.clone(),
        title_lang: Some(f.title_lang.as_str().to_owned()),
        title_ar: tr(Lang::Ar),
        title_en: tr(Lang::En),
        title_fr: tr(Lang::Fr),
        title_es: tr(Lang::Es),
        start: f.start.local_text(),
        time_zone: f.start.zone.name().to_owned(),
        duration: f.duration.to_string(),
        link: f.link.clone(),
        place: f.place.clone(),
        group: f.group.as_ref().map(ToString::to_string),
        agenda: f.agenda.clone(),
        people: f.people.iter().map(ToString::to_string).collect(),
        organisations: f.organisations.iter().map(ToString::to_string).collect(),
        minutes: f.minutes.clone(),
        decisions: f.decisions.clone(),
    }
}

/// The validated details of an action item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActionItemFields {
    /// What is to be done.
    pub text: String,
    /// Who will do it.
    pub owner: Option<Owner>,
    /// By when.
    pub due: Option<NaiveDate>,
}

/// A stored action item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ActionItem {
    /// Its id.
    pub id: MeetingActionId,
    /// The meeting that agreed it.
    pub meeting: MeetingId,
    /// Its details.
    #[serde(flatten)]
    pub fields: ActionItemFields,
    /// The plan action it became, once it did.
    pub plan_item: Option<PlanItemId>,
}

/// The raw text of an action item, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct ActionItemInput {
    /// What is to be done.
    #[serde(default)]
    pub text: String,
    /// group, organisation or person; empty for no owner.
    #[serde(default)]
    pub owner_kind: Option<String>,
    /// The owner's id.
    #[serde(default)]
    pub owner: Option<String>,
    /// Due date, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub due: Option<String>,
}

impl ActionItemInput {
    /// Validates the action item.
    pub fn validate(&self) -> Result<ActionItemFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        Ok(ActionItemFields {
            text: required_text("text", &self.text, 1000)?,
            owner: Owner::parse(&text(&self.owner_kind), &text(&self.owner))?,
            due: parse_date("due", &text(&self.due))?,
        })
    }
}

impl ActionItem {
    /// The plan action this item becomes under initiative `parent`: its text as the
    /// title (cut to a title's length), its owner and due date, not started. Refused,
    /// naming `parent`, once it already became one.
    pub fn plan_action(
        &self,
        parent: &PlanItemId,
        lang: Lang,
    ) -> Result<crate::plans::PlanItemFields, Invalid> {
        if self.plan_item.is_some() {
            return Err(Invalid::new("parent", Problem::AlreadyPlanned));
        }
        let title: String = self.fields.text.chars().take(200).collect();
        Ok(crate::plans::PlanItemFields {
            level: crate::plans::Level::Action,
            parent: Some(parent.clone()),
            title: title.trim().to_owned(),
            title_lang: LanguageCode::from_stored(lang.code().to_owned()),
            titles: BTreeMap::new(),
            description: (self.fields.text.chars().count() > 200).then(|| self.fields.text.clone()),
            owner: self.fields.owner.clone(),
            dates: crate::plans::Dates {
                start: None,
                due: self.fields.due,
            },
            status: crate::plans::Status::NotStarted,
            weight: crate::plans::Weight::default(),
            percent: None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn workshop() -> MeetingInput {
        MeetingInput {
            kind: "workshop".into(),
            title: "Legal strategy workshop".into(),
            title_ar: Some("ورشة الاستراتيجية القانونية".into()),
            start: "2026-05-12T10:00".into(),
            time_zone: "Africa/Johannesburg".into(),
            duration: "180".into(),
            place: Some("Community hall, Johannesburg".into()),
            group: Some(GroupId::new().to_string()),
            agenda: vec!["Welcome".into(), "".into(), "Case review".into()],
            people: vec![PersonId::new().to_string()],
            organisations: vec![OrganisationId::new().to_string()],
            minutes: Some("# Minutes\n\nWe met.".into()),
            decisions: vec!["Set up a legal desk".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_meeting_form_is_validated_and_reads_back_as_typed() {
        let f = workshop().validate().unwrap();
        assert_eq!(f.kind, MeetingKind::Workshop);
        assert_eq!(f.start.at.to_rfc3339(), "2026-05-12T08:00:00+00:00");
        assert_eq!(f.agenda, ["Welcome", "Case review"]);
        assert_eq!(f.title_in(Lang::Ar), "ورشة الاستراتيجية القانونية");
        assert_eq!(input_of(&f).validate(), Ok(f));
    }

    #[test]
    fn a_meeting_form_names_the_field_at_fault() {
        let with = |f: fn(&mut MeetingInput)| {
            let mut input = workshop();
            f(&mut input);
            input.validate().unwrap_err()
        };
        assert_eq!(
            with(|i| i.kind = "party".into()),
            Invalid::new("kind", Problem::UnknownValue)
        );
        assert_eq!(
            with(|i| i.duration = "4".into()),
            Invalid::new("duration", Problem::OutOfRange { min: 5, max: 1440 })
        );
        assert_eq!(with(|i| i.duration = "2h".into()).field, "duration");
        assert_eq!(
            with(|i| i.place = None),
            Invalid::new("link", Problem::LinkOrPlace)
        );
        assert_eq!(
            with(|i| i.link = Some("javascript:alert(1)".into())),
            Invalid::new("link", Problem::Url)
        );
        assert_eq!(
            with(|i| i.start = "2026-05-12".into()),
            Invalid::new("start", Problem::DateTime)
        );
        assert_eq!(
            with(|i| i.group = Some("media".into())),
            Invalid::new("group", Problem::UnknownValue)
        );
        assert_eq!(
            with(|i| i.organisations = vec!["ksn".into()]),
            Invalid::new("organisations", Problem::UnknownValue)
        );
        let online = MeetingInput {
            place: None,
            link: Some("https://meet.example.org/legal".into()),
            ..workshop()
        };
        assert!(online.validate().is_ok());
    }

    #[test]
    fn an_action_item_becomes_a_plan_action_once() {
        let mut item = ActionItem {
            id: MeetingActionId::new(),
            meeting: MeetingId::new(),
            fields: ActionItemInput {
                text: "Draft the complaint to the rapporteur".into(),
                owner_kind: Some("person".into()),
                owner: Some(PersonId::new().to_string()),
                due: Some("2026-06-30".into()),
            }
            .validate()
            .unwrap(),
            plan_item: None,
        };
        let parent = PlanItemId::new();
        let action = item.plan_action(&parent, Lang::En).unwrap();
        assert_eq!(action.level, crate::plans::Level::Action);
        assert_eq!(action.parent, Some(parent.clone()));
        assert_eq!(action.title, "Draft the complaint to the rapporteur");
        assert_eq!(action.owner, item.fields.owner);
        assert_eq!(action.dates.due, item.fields.due);
        item.plan_item = Some(PlanItemId::new());
        assert_eq!(
            item.plan_action(&parent, Lang::En),
            Err(Invalid::new("parent", Problem::AlreadyPlanned))
        );
        assert_eq!(
            ActionItemInput {
                text: " ".into(),
                ..Default::default()
            }
            .validate(),
            Err(Invalid::new("text", Problem::Required))
        );
    }

    proptest! {
        #[test]
        fn accepted_durations_are_within_range(raw in "\\PC{0,6}") {
            if let Ok(m) = parse_duration(&raw) {
                prop_assert!(DURATION.contains(&m));
            }
        }
    }
}
