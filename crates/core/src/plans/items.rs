//! Plan items: a plan, its objectives, their initiatives and the actions that carry
//! them out, each with dates, an owner, a status and a weight in its parent's progress.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::directory::parse_date;
use crate::i18n::Lang;
use crate::ids::{GroupId, OrganisationId, PersonId, PlanItemId};
use crate::invalid::{optional_text, required_text};
use crate::languages::LanguageCode;
use crate::{Invalid, Problem};

pub use super::level::{Level, Status};

/// Who answers for a plan item.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Owner {
    /// A working group.
    Group(GroupId),
    /// An organisation of the directory.
    Organisation(OrganisationId),
    /// A person of the directory.
    Person(PersonId),
}

impl Owner {
    /// The kinds of owner, as forms send them.
    pub const KINDS: [&'static str; 3] = ["group", "organisation", "person"];

    /// Parses an owner from its kind and id; both blank means no owner. Whether the
    /// owner exists is checked against storage.
    pub fn parse(kind: &str, id: &str) -> Result<Option<Self>, Invalid> {
        let (kind, id) = (kind.trim(), id.trim());
        let unknown = Invalid::new("owner", Problem::UnknownValue);
        match (kind, id) {
            ("", "") => Ok(None),
            ("", _) => Err(Invalid::new("owner_kind", Problem::Required)),
            (_, "") if Self::KINDS.contains(&kind) => Err(Invalid::new("owner", Problem::Required)),
            ("group", _) => GroupId::parse(id)
                .map(|g| Some(Owner::Group(g)))
                .map_err(|_| unknown),
            ("organisation", _) => OrganisationId::parse(id)
                .map(|o| Some(Owner::Organisation(o)))
                .map_err(|_| unknown),
            ("person", _) => PersonId::parse(id)
                .map(|p| Some(Owner::Person(p)))
                .map_err(|_| unknown),
            _ => Err(Invalid::new("owner_kind", Problem::UnknownValue)),
        }
    }

    /// The stored and API name of its kind.
    pub fn kind(&self) -> &'static str {
        match self {
            Owner::Group(_) => "group",
            Owner::Organisation(_) => "organisation",
            Owner::Person(_) => "person",
        }
    }

    /// Its id as text.
    pub fn id(&self) -> &str {
        match self {
            Owner::Group(id) => id.as_str(),
            Owner::Organisation(id) => id.as_str(),
            Owner::Person(id) => id.as_str(),
        }
    }
}

/// How much an item counts in its parent's progress, relative to its siblings: a
/// whole number from 1 to 100, 1 unless given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Weight(u8);

impl Weight {
    /// The largest weight.
    pub const MAX: u8 = 100;

    /// Parses a weight; blank means 1.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Ok(Self::default()),
            text => text
                .parse::<u8>()
                .ok()
                .filter(|w| (1..=Self::MAX).contains(w))
                .map(Self)
                .ok_or(Invalid::new(
                    "weight",
                    Problem::OutOfRange {
                        min: 1,
                        max: i64::from(Self::MAX),
                    },
                )),
        }
    }

    /// Wraps a weight read back from storage, bringing it within 1–100.
    pub fn from_stored(raw: i64) -> Self {
        Self(u8::try_from(raw.clamp(1, i64::from(Self::MAX))).unwrap_or(1))
    }

    /// The weight as a number.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl Default for Weight {
    fn default() -> Self {
        Self(1)
    }
}

/// A whole percentage, 0–100: the share of an action its owner reports done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(transparent)]
pub struct Percent(u8);

impl Percent {
    /// Parses `40` or `40 %`; blank means not given.
    pub fn parse(raw: &str) -> Result<Option<Self>, Invalid> {
        let text = raw.trim().trim_end_matches('%').trim_end();
        if text.is_empty() {
            return Ok(None);
        }
        text.parse::<u8>()
            .ok()
            .filter(|p| *p <= 100)
            .map(|p| Some(Self(p)))
            .ok_or(Invalid::new(
                "percent",
                Problem::OutOfRange { min: 0, max: 100 },
            ))
    }

    /// Wraps a percentage read back from storage, bringing it within 0–100.
    pub fn from_stored(raw: i64) -> Self {
        Self(u8::try_from(raw.clamp(0, 100)).unwrap_or(0))
    }

    /// The percentage as a number.
    pub fn get(self) -> u8 {
        self.0
    }
}

/// When an item starts and when it is due; either may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Dates {
    /// First day of the work.
    pub start: Option<NaiveDate>,
    /// Last day by which it should be done.
    pub due: Option<NaiveDate>,
}

impl Dates {
    /// Parses the two `YYYY-MM-DD` dates; a due date before the start date is
    /// refused, naming `due`.
    pub fn parse(start: &str, due: &str) -> Result<Self, Invalid> {
        let dates = Self {
            start: parse_date("start", start)?,
            due: parse_date("due", due)?,
        };
        match (dates.start, dates.due) {
            (Some(s), Some(d)) if d < s => Err(Invalid::new("due", Problem::DatesOutOfOrder)),
            _ => Ok(dates),
        }
    }

    /// Whether `day` falls within these dates (an open end lets everything through).
    pub fn contains(&self, day: NaiveDate) -> bool {
        self.start.is_none_or(|s| s <= day) && self.due.is_none_or(|d| day <= d)
    }
}

/// Whether an item of `status` due on `due` is overdue on `today`: it is neither done
/// nor cancelled and its due date has passed.
pub fn is_overdue(status: Status, due: Option<NaiveDate>, today: NaiveDate) -> bool {
    !status.is_closed() && due.is_some_and(|d| d < today)
}

/// The validated details of a plan item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanItemFields {
    /// How deep in the plan it sits.
    pub level: Level,
    /// The item it belongs to; none for a plan.
    pub parent: Option<PlanItemId>,
    /// Its title in its primary language.
    pub title: String,
    /// The language of its primary title.
    pub title_lang: LanguageCode,
    /// Its title in interface languages other than the primary title's.
    pub titles: BTreeMap<Lang, String>,
    /// What it is about.
    pub description: Option<String>,
    /// Who answers for it.
    pub owner: Option<Owner>,
    /// When it starts and is due.
    #[serde(flatten)]
    pub dates: Dates,
    /// Where it stands.
    pub status: Status,
    /// How much it counts in its parent's progress.
    pub weight: Weight,
    /// For an action, the share its owner reports done.
    pub percent: Option<Percent>,
}

impl PlanItemFields {
    /// Its title as a reader of `lang` knows it: in `lang` if it has one, else the
    /// primary title.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.titles.get(&lang).map_or(&self.title, String::as_str)
    }

    /// Whether it is overdue on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.dates.due, today)
    }
}

/// A stored plan item.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PlanItem {
    /// Its id.
    pub id: PlanItemId,
    /// Its details.
    #[serde(flatten)]
    pub fields: PlanItemFields,
}

/// The raw text of a plan item form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct PlanItemInput {
    /// plan, objective, initiative or action.
    #[serde(default)]
    pub level: String,
    /// The parent item's id; empty for a plan.
    #[serde(default)]
    pub parent: Option<String>,
    /// Title in its primary language.
    #[serde(default)]
    pub title: String,
    /// Language of the primary title (ISO 639 code); English when absent.
    #[serde(default)]
    pub title_lang: Option<String>,
    /// Title in Arabic, if different from the primary title.
    #[serde(default)]
    pub title_ar: Option<String>,
    /// Title in English, if different from the primary title.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Title in French, if different from the primary title.
    #[serde(default)]
    pub title_fr: Option<String>,
    /// Title in Spanish, if different from the primary title.
    #[serde(default)]
    pub title_es: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// group, organisation or person; empty for no owner.
    #[serde(default)]
    pub owner_kind: Option<String>,
    /// The owner's id.
    #[serde(default)]
    pub owner: Option<String>,
    /// Start date, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub start: Option<String>,
    /// Due date, `YYYY-MM-DD`, or empty.
    #[serde(default)]
    pub due: Option<String>,
    /// Status; `not_started` when absent.
    #[serde(default)]
    pub status: Option<String>,
    /// Weight, 1–100; 1 when absent.
    #[serde(default)]
    pub weight: Option<String>,
    /// For an action, the percentage done, 0–100.
    #[serde(default)]
    pub percent: Option<String>,
}

impl From<&PlanItem> for PlanItemInput {
    /// The form values of a stored item, for editing it.
    fn from(i: &PlanItem) -> Self {
        let f = &i.fields;
        PlanItemInput {
            level: f.level.as_str().to_owned(),
            parent: f.parent.as_ref().map(ToString::to_string),
            title: f.title.clone(),
            title_lang: Some(f.title_lang.as_str().to_owned()),
            title_ar: f.titles.get(&Lang::Ar).cloned(),
            title_en: f.titles.get(&Lang::En).cloned(),
            title_fr: f.titles.get(&Lang::Fr).cloned(),
            title_es: f.titles.get(&Lang::Es).cloned(),
            description: f.description.clone(),
            owner_kind: f.owner.as_ref().map(|o| o.kind().to_owned()),
            owner: f.owner.as_ref().map(|o| o.id().to_owned()),
            start: f.dates.start.map(|d| d.to_string()),
            due: f.dates.due.map(|d| d.to_string()),
            status: Some(f.status.as_str().to_owned()),
            weight: Some(f.weight.get().to_string()),
            percent: f.percent.map(|p| p.get().to_string()),
        }
    }
}

impl PlanItemInput {
    /// Validates every field, reporting the first that is wrong. Whether the parent
    /// exists and has the right level, and whether the dates fit the tree, are checked
    /// against stored items by [`Level::check_parent`] and [`super::tree`].
    pub fn validate(&self) -> Result<PlanItemFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let level = Level::parse(&self.level)?;
        let parent = match text(&self.parent).trim() {
            "" => None,
            id => Some(
                PlanItemId::parse(id).map_err(|_| Invalid::new("parent", Problem::UnknownValue))?,
            ),
        };
        match (level, &parent) {
            (Level::Plan, Some(_)) => return Err(Invalid::new("parent", Problem::ParentLevel)),
            (Level::Plan, None) | (_, Some(_)) => {}
            (_, None) => return Err(Invalid::new("parent", Problem::Required)),
        }
        let title = required_text("title", &self.title, 200)?;
        let title_lang = super::primary_lang("title_lang", self.title_lang.as_deref())?;
        let titles = super::translations(
            &title,
            &title_lang,
            [
                (Lang::Ar, "title_ar", &self.title_ar),
                (Lang::En, "title_en", &self.title_en),
                (Lang::Fr, "title_fr", &self.title_fr),
                (Lang::Es, "title_es", &self.title_es),
            ],
            200,
        )?;
        let percent = Percent::parse(&text(&self.percent))?;
        if percent.is_some() && level != Level::Action {
            return Err(Invalid::new("percent", Problem::RolledUp));
        }
        Ok(PlanItemFields {
            level,
            parent,
            title,
            title_lang,
            titles,
            description: optional_text("description", &text(&self.description), 5000)?,
            owner: Owner::parse(&text(&self.owner_kind), &text(&self.owner))?,
            dates: Dates::parse(&text(&self.start), &text(&self.due))?,
            status: match text(&self.status).trim() {
                "" => Status::NotStarted,
                s => Status::parse(s)?,
            },
            weight: Weight::parse(&text(&self.weight))?,
            percent,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_stored_item_reads_back_into_the_form_it_came_from() {
        let mut input = action();
        input.title_ar = Some("ترجمة الدليل إلى السواحيلية".into());
        input.title_fr = Some("Traduire la boîte à outils en swahili".into());
        input.owner_kind = Some("person".into());
        input.owner = Some(PersonId::new().to_string());
        input.percent = Some("40".into());
        let fields = input.validate().unwrap();
        let stored = PlanItem {
            id: PlanItemId::new(),
            fields: fields.clone(),
        };
        assert_eq!(PlanItemInput::from(&stored).validate(), Ok(fields));
    }

    fn action() -> PlanItemInput {
        PlanItemInput {
            level: "action".into(),
            parent: Some(PlanItemId::new().to_string()),
            title: " Translate the toolkit into Swahili ".into(),
            title_ar: Some("ترجمة الدليل إلى السواحلية".into()),
            title_en: Some("Translate the toolkit into Swahili".into()),
            owner_kind: Some("person".into()),
            owner: Some(PersonId::new().to_string()),
            start: Some("2026-03-01".into()),
            due: Some("2026-04-15".into()),
            status: Some("in_progress".into()),
            percent: Some("40 %".into()),
            ..Default::default()
        }
    }

    #[test]
    fn an_action_form_is_validated_with_defaults_for_what_is_left_out() {
        let fields = action().validate().unwrap();
        assert_eq!(fields.title, "Translate the toolkit into Swahili");
        assert_eq!(fields.titles.len(), 1);
        assert_eq!(fields.title_in(Lang::Ar), "ترجمة الدليل إلى السواحلية");
        assert_eq!(fields.title_in(Lang::Fr), fields.title);
        assert_eq!(fields.owner.as_ref().map(Owner::kind), Some("person"));
        assert_eq!(fields.dates.start, Some(day(2026, 3, 1)));
        assert_eq!(fields.status, Status::InProgress);
        assert_eq!(fields.weight.get(), 1);
        assert_eq!(fields.percent.map(Percent::get), Some(40));

        let plan = PlanItemInput {
            level: "plan".into(),
            title: "Solidarity plan 2026–2028".into(),
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!((plan.parent, plan.owner, plan.percent), (None, None, None));
        assert_eq!(plan.dates, Dates::default());
        assert_eq!(plan.status, Status::NotStarted);
    }

    #[test]
    fn a_plan_item_form_names_the_field_at_fault() {
        let with = |f: fn(&mut PlanItemInput)| {
            let mut input = action();
            f(&mut input);
            input.validate().unwrap_err()
        };
        type Case = (fn(&mut PlanItemInput), &'static str, Problem);
        let cases: [Case; 12] = [
            (|i| i.level = "task".into(), "level", Problem::UnknownValue),
            (|i| i.parent = None, "parent", Problem::Required),
            (|i| i.level = "plan".into(), "parent", Problem::ParentLevel),
            (|i| i.title = " ".into(), "title", Problem::Required),
            (
                |i| i.due = Some("2026-02-28".into()),
                "due",
                Problem::DatesOutOfOrder,
            ),
            (|i| i.start = Some("1 March".into()), "start", Problem::Date),
            (
                |i| i.status = Some("paused".into()),
                "status",
                Problem::UnknownValue,
            ),
            (
                |i| i.weight = Some("0".into()),
                "weight",
                Problem::OutOfRange { min: 1, max: 100 },
            ),
            (
                |i| i.percent = Some("140".into()),
                "percent",
                Problem::OutOfRange { min: 0, max: 100 },
            ),
            (
                |i| i.level = "initiative".into(),
                "percent",
                Problem::RolledUp,
            ),
            (
                |i| i.owner_kind = Some("council".into()),
                "owner_kind",
                Problem::UnknownValue,
            ),
            (
                |i| i.owner = Some("Amal".into()),
                "owner",
                Problem::UnknownValue,
            ),
        ];
        for (change, field, problem) in cases {
            assert_eq!(with(change), Invalid::new(field, problem));
        }
        assert_eq!(
            with(|i| i.owner_kind = None),
            Invalid::new("owner_kind", Problem::Required)
        );
        assert_eq!(
            with(|i| i.owner = Some(" ".into())),
            Invalid::new("owner", Problem::Required)
        );
    }

    #[test]
    fn an_item_is_overdue_once_its_due_date_has_passed_unless_it_is_closed() {
        let due = Some(day(2026, 4, 15));
        assert!(!is_overdue(Status::InProgress, due, day(2026, 4, 15)));
        assert!(is_overdue(Status::InProgress, due, day(2026, 4, 16)));
        assert!(is_overdue(Status::Blocked, due, day(2026, 4, 16)));
        assert!(!is_overdue(Status::Done, due, day(2026, 5, 1)));
        assert!(!is_overdue(Status::Cancelled, due, day(2026, 5, 1)));
        assert!(!is_overdue(Status::NotStarted, None, day(2030, 1, 1)));
        let fields = action().validate().unwrap();
        assert!(fields.is_overdue(day(2026, 5, 1)));
    }

    #[test]
    fn owners_round_trip() {
        let id = OrganisationId::new();
        let owner = Owner::parse("organisation", id.as_str()).unwrap().unwrap();
        assert_eq!(Owner::parse(owner.kind(), owner.id()), Ok(Some(owner)));
        let group = GroupId::new();
        assert_eq!(
            Owner::parse("group", group.as_str()),
            Ok(Some(Owner::Group(group.clone())))
        );
        assert_eq!(Owner::parse(" ", ""), Ok(None));
    }

    proptest! {
        #[test]
        fn accepted_weights_and_percentages_are_within_their_ranges(raw in "\\PC{0,6}") {
            if let Ok(w) = Weight::parse(&raw) {
                prop_assert!((1..=100).contains(&w.get()));
            }
            if let Ok(Some(p)) = Percent::parse(&raw) {
                prop_assert!(p.get() <= 100);
            }
        }

        #[test]
        fn accepted_dates_are_never_out_of_order(a in 0i64..2000, b in 0i64..2000) {
            let base = day(2026, 1, 1);
            let text = |d: i64| (base + chrono::Days::new(d.unsigned_abs())).to_string();
            match Dates::parse(&text(a), &text(b)) {
                Ok(dates) => prop_assert!(dates.start <= dates.due),
                Err(e) => {
                    prop_assert!(b < a);
                    prop_assert_eq!(e, Invalid::new("due", Problem::DatesOutOfOrder));
                }
            }
        }
    }
}
