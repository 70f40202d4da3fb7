//! The recommendations register: what a meeting or workshop recommended, followed
//! from proposed to implemented (or dropped, with a reason), carried out by plan
//! items whose progress becomes the recommendation's.
//!
//! The moves: proposed → adopted → in progress → implemented. Any status that is not
//! final (proposed, adopted, in progress) may move to dropped, with a reason. A
//! dropped recommendation may be reopened as proposed (a reason is optional), since
//! a coalition often returns to an idea when circumstances change. Implemented is
//! final. Every move is dated and signed by its author in the history.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};

use super::MAX_TEXT;
use crate::i18n::Lang;
use crate::ids::{GroupId, MeetingId, RecommendationId};
use crate::invalid::optional_text;
use crate::languages::LanguageCode;
use crate::plans::{primary_lang, translations};
use crate::{Invalid, Problem};

/// What a recommendation is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// Media work.
    Media,
    /// Legal work.
    Legal,
    /// Economic work (boycott, divestment).
    Economic,
    /// Grassroots organising.
    Grassroots,
    /// Growing into new regions.
    Expansion,
    /// Coordination within the coalition.
    Coordination,
    /// Anything else.
    Other,
}

impl Theme {
    /// Every theme, in the order forms list them.
    pub const ALL: [Theme; 7] = [
        Theme::Media,
        Theme::Legal,
        Theme::Economic,
        Theme::Grassroots,
        Theme::Expansion,
        Theme::Coordination,
        Theme::Other,
    ];

    /// Parses a theme's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("theme", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|t| t.as_str() == name)
                .ok_or(Invalid::new("theme", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Media => "media",
            Theme::Legal => "legal",
            Theme::Economic => "economic",
            Theme::Grassroots => "grassroots",
            Theme::Expansion => "expansion",
            Theme::Coordination => "coordination",
            Theme::Other => "other",
        }
    }
}

/// Where a recommendation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RecommendationStatus {
    /// Put forward, not yet adopted.
    Proposed,
    /// Adopted by the coalition.
    Adopted,
    /// Being carried out.
    InProgress,
    /// Carried out; final.
    Implemented,
    /// Given up, with a reason.
    Dropped,
}

impl RecommendationStatus {
    /// Every status, in the order of the register.
    pub const ALL: [RecommendationStatus; 5] = [
        RecommendationStatus::Proposed,
        RecommendationStatus::Adopted,
        RecommendationStatus::InProgress,
        RecommendationStatus::Implemented,
        RecommendationStatus::Dropped,
    ];

    /// Parses a status name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("status", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|s| s.as_str() == name)
                .ok_or(Invalid::new("status", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            RecommendationStatus::Proposed => "proposed",
            RecommendationStatus::Adopted => "adopted",
            RecommendationStatus::InProgress => "in_progress",
            RecommendationStatus::Implemented => "implemented",
            RecommendationStatus::Dropped => "dropped",
        }
    }

    /// The statuses it may move to.
    pub fn next(self) -> &'static [RecommendationStatus] {
        use RecommendationStatus::*;
        match self {
            Proposed => &[Adopted, Dropped],
            Adopted => &[InProgress, Dropped],
            InProgress => &[Implemented, Dropped],
            Implemented => &[],
            Dropped => &[Proposed],
        }
    }

    /// Whether work on it is expected: adopted or in progress.
    pub fn is_active(self) -> bool {
        matches!(
            self,
            RecommendationStatus::Adopted | RecommendationStatus::InProgress
        )
    }

    /// Checks a move to `to` with the reason given, and returns the reason to record:
    /// required (naming `reason`) when dropping, optional otherwise. A move the register
    /// does not allow names `status`.
    pub fn check_move(self, to: Self, reason: &str) -> Result<Option<String>, Invalid> {
        if !self.next().contains(&to) {
            return Err(Invalid::new("status", Problem::StatusMove));
        }
        let reason = optional_text("reason", reason, 2000)?;
        if to == RecommendationStatus::Dropped && reason.is_none() {
            return Err(Invalid::new("reason", Problem::Required));
        }
        Ok(reason)
    }
}

/// The validated details of a recommendation (its status changes only by a move).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RecommendationFields {
    /// What it recommends, in its primary language.
    pub text: String,
    /// The language of the primary text.
    pub text_lang: LanguageCode,
    /// The text in other interface languages.
    pub texts: BTreeMap<Lang, String>,
    /// The meeting it came from.
    pub meeting: Option<MeetingId>,
    /// What it is about.
    pub theme: Theme,
    /// The working group that answers for it.
    pub group: Option<GroupId>,
}

impl RecommendationFields {
    /// Its text as a reader of `lang` knows it.
    pub fn text_in(&self, lang: Lang) -> &str {
        self.texts.get(&lang).map_or(&self.text, String::as_str)
    }
}

/// A stored recommendation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Recommendation {
    /// Its id.
    pub id: RecommendationId,
    /// Its details.
    #[serde(flatten)]
    pub fields: RecommendationFields,
    /// Where it stands.
    pub status: RecommendationStatus,
}

/// The raw text of a recommendation form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RecommendationInput {
    /// The text in its primary language.
    #[serde(default)]
    pub text: String,
    /// Language of the primary text; English when absent.
    #[serde(default)]
    pub text_lang: Option<String>,
    /// Text in Arabic, if different.
    #[serde(default)]
    pub text_ar: Option<String>,
    /// Text in English, if different.
    #[serde(default)]
    pub text_en: Option<String>,
    /// Text in French, if different.
    #[serde(default)]
    pub text_fr: Option<String>,
    /// Text in Spanish, if different.
    #[serde(default)]
    pub text_es: Option<String>,
    /// The source meeting's id, or empty.
    #[serde(default)]
    pub meeting: Option<String>,
    /// media, legal, economic, grassroots, expansion, coordination or other.
    #[serde(default)]
    pub theme: String,
    /// The owner working group's id, or empty.
    #[serde(default)]
    pub group: Option<String>,
}

impl RecommendationInput {
    /// Validates every field, reporting the first that is wrong.
    pub fn validate(&self) -> Result<RecommendationFields, Invalid> {
        let text = crate::invalid::required_text("text", &self.text, MAX_TEXT)?;
        let text_lang = primary_lang("text_lang", self.text_lang.as_deref())?;
        let texts = translations(
            &text,
            &text_lang,
            [
                (Lang::Ar, "text_ar", &self.text_ar),
                (Lang::En, "text_en", &self.text_en),
                (Lang::Fr, "text_fr", &self.text_fr),
                (Lang::Es, "text_es", &self.text_es),
            ],
            MAX_TEXT,
        )?;
        let id = |field: &'static str, raw: &Option<String>| -> Result<Option<String>, Invalid> {
            match raw.as_deref().map(str::trim) {
                None | Some("") => Ok(None),
                Some(id) => uuid::Uuid::try_parse(id)
                    .map(|u| Some(u.to_string()))
                    .map_err(|_| Invalid::new(field, Problem::UnknownValue)),
            }
        };
        Ok(RecommendationFields {
            text,
            text_lang,
            texts,
            meeting: id("meeting", &self.meeting)?.map(MeetingId::from_stored),
            theme: Theme::parse(&self.theme)?,
            group: id("group", &self.group)?.map(GroupId::from_stored),
        })
    }
}

/// The form values of a stored recommendation.
pub fn input_of(f: &RecommendationFields) -> RecommendationInput {
    let tr = |l: Lang| f.texts.get(&l).cloned();
    RecommendationInput {
        text: f.text.clone(),
        text_lang: Some(f.text_lang.as_str().to_owned()),
        text_ar: tr(Lang::Ar),
        text_en: tr(Lang::En),
        text_fr: tr(Lang::Fr),
        text_es: tr(Lang::Es),
        meeting: f.meeting.as_ref().map(ToString::to_string),
        theme: f.theme.as_str().to_owned(),
        group: f.group.as_ref().map(ToString::to_string),
    }
}

/// A recommendation's progress (0–100): the plain mean of the rolled-up progress of
/// the plan items linked to it (as `plans::Tree::progress` computes it). Items are
/// linked from different plans and levels, where weights mean nothing to each
/// other, so each counts once. Items with no progress (cancelled, or nothing
/// countable under them) are left out; with none left, there is none.
pub fn progress(linked: impl IntoIterator<Item = Option<f64>>) -> Option<f64> {
    let (sum, n) = linked
        .into_iter()
        .flatten()
        .filter(|p| p.is_finite())
        .fold((0.0, 0u32), |(s, n), p| (s + p.clamp(0.0, 100.0), n + 1));
    (n > 0).then(|| sum / f64::from(n))
}

/// Whether a recommendation is stale on `now`: it is adopted or in progress, and its
/// last activity is more than `days` days old. Its last activity is the latest of: its
/// last status change, the last time a plan item was linked to it, the last change
/// of a linked item or of any item under one, and the last measurement entered on
/// an indicator of those items. So a recommendation just adopted or just linked is
/// not stale until `days` have passed.
pub fn is_stale(
    status: RecommendationStatus,
    last_activity: DateTime<Utc>,
    now: DateTime<Utc>,
    days: u32,
) -> bool {
    status.is_active() && now - last_activity > Duration::days(i64::from(days))
}

/// The largest `N` of "no progress in N days".
pub const MAX_STALE_DAYS: u32 = 3650;

/// Parses the `N` of "no progress in N days": 1 to [`MAX_STALE_DAYS`].
pub fn parse_stale_days(field: &'static str, raw: &str) -> Result<u32, Invalid> {
    raw.trim()
        .parse::<u32>()
        .ok()
        .filter(|d| (1..=MAX_STALE_DAYS).contains(d))
        .ok_or(Invalid::new(
            field,
            Problem::OutOfRange {
                min: 1,
                max: i64::from(MAX_STALE_DAYS),
            },
        ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use RecommendationStatus::*;
    use proptest::prelude::*;

    #[test]
    fn a_recommendation_goes_from_proposed_to_implemented_or_is_dropped_with_a_reason() {
        assert_eq!(Proposed.check_move(Adopted, ""), Ok(None));
        assert_eq!(Adopted.check_move(InProgress, " "), Ok(None));
        assert_eq!(
            InProgress.check_move(Implemented, "Desk opened"),
            Ok(Some("Desk opened".into()))
        );
        for from in [Proposed, Adopted, InProgress] {
            assert_eq!(
                from.check_move(Dropped, "  "),
                Err(Invalid::new("reason", Problem::Required))
            );
            assert_eq!(
                from.check_move(Dropped, "No funding"),
                Ok(Some("No funding".into()))
            );
        }
        assert_eq!(Dropped.check_move(Proposed, ""), Ok(None));
        for (from, to) in [
            (Proposed, InProgress),
            (Proposed, Implemented),
            (Adopted, Proposed),
            (Implemented, Dropped),
            (Implemented, InProgress),
            (Dropped, Adopted),
            (Adopted, Adopted),
        ] {
            assert_eq!(
                from.check_move(to, "because"),
                Err(Invalid::new("status", Problem::StatusMove)),
                "{from:?} → {to:?}"
            );
        }
    }

    #[test]
    fn themes_and_statuses_round_trip() {
        for theme in Theme::ALL {
            assert_eq!(Theme::parse(theme.as_str()), Ok(theme));
        }
        for status in RecommendationStatus::ALL {
            assert_eq!(RecommendationStatus::parse(status.as_str()), Ok(status));
        }
        assert_eq!(
            Theme::parse("sports"),
            Err(Invalid::new("theme", Problem::UnknownValue))
        );
    }

    #[test]
    fn a_recommendation_form_names_the_field_at_fault() {
        let good = RecommendationInput {
            text: "Open a legal desk in Nairobi".into(),
            text_ar: Some("فتح مكتب قانوني في نيروبي".into()),
            theme: "legal".into(),
            group: Some(GroupId::new().to_string()),
            meeting: Some(MeetingId::new().to_string()),
            ..Default::default()
        };
        let f = good.validate().unwrap();
        assert_eq!(f.text_in(Lang::Ar), "فتح مكتب قانوني في نيروبي");
        assert_eq!(input_of(&f).validate(), Ok(f));
        let bad = |change: fn(&mut RecommendationInput)| {
            let mut i = good.clone();
            change(&mut i);
            i.validate().unwrap_err()
        };
        assert_eq!(
            bad(|i| i.text = "".into()),
            Invalid::new("text", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.theme = "".into()),
            Invalid::new("theme", Problem::Required)
        );
        assert_eq!(
            bad(|i| i.group = Some("legal".into())),
            Invalid::new("group", Problem::UnknownValue)
        );
        assert_eq!(
            bad(|i| i.meeting = Some("x".into())),
            Invalid::new("meeting", Problem::UnknownValue)
        );
    }

    #[test]
    fn progress_is_the_plain_mean_of_linked_items_that_have_one() {
        assert_eq!(progress([]), None);
        assert_eq!(progress([None, None]), None);
        assert_eq!(progress([Some(100.0), Some(50.0), None]), Some(75.0));
        assert_eq!(progress([Some(20.0)]), Some(20.0));
    }

    #[test]
    fn only_active_recommendations_idle_for_more_than_n_days_are_stale() {
        let now = DateTime::parse_from_rfc3339("2026-06-30T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let days_ago = |d: i64| now - Duration::days(d);
        assert!(is_stale(Adopted, days_ago(31), now, 30));
        assert!(is_stale(InProgress, days_ago(31), now, 30));
        assert!(!is_stale(InProgress, days_ago(30), now, 30));
        assert!(!is_stale(Proposed, days_ago(400), now, 30));
        assert!(!is_stale(Implemented, days_ago(400), now, 30));
        assert!(!is_stale(Dropped, days_ago(400), now, 30));
        assert_eq!(parse_stale_days("stale_days", "30"), Ok(30));
        assert_eq!(
            parse_stale_days("stale_days", "0"),
            Err(Invalid::new(
                "stale_days",
                Problem::OutOfRange { min: 1, max: 3650 }
            ))
        );
    }

    fn status() -> impl Strategy<Value = RecommendationStatus> {
        prop::sample::select(RecommendationStatus::ALL.to_vec())
    }

    proptest! {
        #[test]
        fn every_path_of_allowed_moves_never_leaves_implemented(moves in prop::collection::vec(status(), 0..20)) {
            let mut at = Proposed;
            for to in moves {
                let was = at;
                if at.check_move(to, "a reason").is_ok() {
                    prop_assert!(was != Implemented);
                    prop_assert!(to != Proposed || was == Dropped);
                    at = to;
                }
            }
        }

        #[test]
        fn progress_lies_between_the_smallest_and_largest_linked(values in prop::collection::vec(prop::option::of(0.0f64..=100.0), 0..12)) {
            let given: Vec<f64> = values.iter().flatten().copied().collect();
            match progress(values) {
                None => prop_assert!(given.is_empty()),
                Some(p) => {
                    let lo = given.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = given.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(p >= lo - 1e-9 && p <= hi + 1e-9);
                }
            }
        }
    }
}
