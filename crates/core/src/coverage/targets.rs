//! Expansion targets: "Africa: 25 member organisations by 2027-06-30", their progress
//! and the gap list (countries of the region with no member yet).

use chrono::NaiveDate;

use super::tally::{Coverage, Tally};
use crate::directory::{FocusCode, parse_date};
use crate::geo::{self, Country, Region};
use crate::ids::TargetId;
use crate::invalid::optional_text;
use crate::{Invalid, Problem};

/// What a target counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Counted {
    /// Member organisations.
    Members,
    /// Partner organisations.
    Partners,
    /// Members and partners together.
    MembersPartners,
}

impl Counted {
    /// Every choice, in the order forms list them.
    pub const ALL: [Counted; 3] = [
        Counted::Members,
        Counted::Partners,
        Counted::MembersPartners,
    ];

    /// The stored and API form.
    pub fn as_str(self) -> &'static str {
        match self {
            Counted::Members => "members",
            Counted::Partners => "partners",
            Counted::MembersPartners => "members_partners",
        }
    }

    /// Parses the stored form.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let raw = raw.trim();
        Self::ALL
            .into_iter()
            .find(|c| c.as_str() == raw)
            .ok_or(Invalid::new("counts", Problem::UnknownValue))
    }

    /// The number this counts in `tally`.
    pub fn count(self, tally: &Tally) -> i64 {
        match self {
            Counted::Members => tally.members,
            Counted::Partners => tally.partners,
            Counted::MembersPartners => tally.present(),
        }
    }
}

/// The validated details of a target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TargetFields {
    /// UN M49 code of the region or sub-region.
    pub region: &'static str,
    /// What is counted.
    pub counts: Counted,
    /// Only organisations working on this focus area, if given.
    pub focus: Option<FocusCode>,
    /// How many.
    pub target: i64,
    /// By when.
    pub deadline: NaiveDate,
    /// Why, or how.
    pub note: Option<String>,
}

/// A stored target.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Target {
    /// Its id.
    pub id: TargetId,
    /// Its details.
    #[serde(flatten)]
    pub fields: TargetFields,
}

impl TargetFields {
    /// The region or sub-region.
    pub fn region(&self) -> Option<&'static Region> {
        geo::region(self.region)
    }
}

/// The raw text of the target form or API body.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TargetInput {
    /// UN M49 code.
    #[serde(default)]
    pub region: String,
    /// members, partners or members_partners.
    #[serde(default)]
    pub counts: String,
    /// Focus area code, or empty.
    #[serde(default)]
    pub focus: Option<String>,
    /// How many, as typed.
    #[serde(default)]
    pub target: String,
    /// YYYY-MM-DD.
    #[serde(default)]
    pub deadline: String,
    /// Note.
    #[serde(default)]
    pub note: Option<String>,
}

impl TargetInput {
    /// Validates every field against the focus areas `known`.
    pub fn validate(&self, known: &[crate::directory::FocusArea]) -> Result<TargetFields, Invalid> {
        let region = match self.region.trim() {
            "" => return Err(Invalid::new("region", Problem::Required)),
            m49 => geo::region(m49).ok_or(Invalid::new("region", Problem::UnknownValue))?,
        };
        let target = match self.target.trim() {
            "" => return Err(Invalid::new("target", Problem::Required)),
            n => n
                .parse::<i64>()
                .ok()
                .filter(|n| (1..=100_000).contains(n))
                .ok_or(Invalid::new(
                    "target",
                    Problem::OutOfRange {
                        min: 1,
                        max: 100_000,
                    },
                ))?,
        };
        let focus = match self.focus.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(f) => Some(
                crate::directory::focus::find(f, known)
                    .cloned()
                    .ok_or(Invalid::new("focus", Problem::UnknownValue))?,
            ),
        };
        Ok(TargetFields {
            region: region.m49,
            counts: Counted::parse(&self.counts)?,
            focus,
            target,
            deadline: parse_date("deadline", &self.deadline)?
                .ok_or(Invalid::new("deadline", Problem::Required))?,
            note: optional_text("note", self.note.as_deref().unwrap_or_default(), 1000)?,
        })
    }
}

/// Where a target stands today.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Progress {
    /// How many are counted now.
    pub current: i64,
    /// Share of the target reached, 0–100.
    pub percent: i64,
    /// Whole days left until the deadline (negative once it has passed).
    pub days_left: i64,
    /// The countries of the region with no member yet, by code.
    pub gaps: Vec<&'static Country>,
}

impl TargetFields {
    /// The progress of this target given `coverage` (counted with the target's focus
    /// filter already applied) on `today`.
    pub fn progress(&self, coverage: &Coverage, today: NaiveDate) -> Progress {
        let current = geo::region(self.region)
            .map(|r| self.counts.count(&coverage.region(r)))
            .unwrap_or_default();
        let percent = (current.saturating_mul(100) / self.target.max(1)).clamp(0, 100);
        Progress {
            current,
            percent,
            days_left: (self.deadline - today).num_days(),
            gaps: gaps(self.region, coverage),
        }
    }
}

/// The countries of region `m49` where the coalition has no member yet.
pub fn gaps(m49: &str, coverage: &Coverage) -> Vec<&'static Country> {
    geo::countries_in(m49)
        .filter(|c| coverage.country(c.code).members == 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::Stage;

    fn africa_target() -> TargetFields {
        TargetInput {
            region: "002".into(),
            counts: "members".into(),
            target: "25".into(),
            deadline: "2027-06-30".into(),
            ..Default::default()
        }
        .validate(&[])
        .unwrap()
    }

    #[test]
    fn progress_is_the_share_of_the_target_reached_in_the_region() {
        let coverage = Coverage::from_counts([
            ("KE", Stage::Member, 3),
            ("SN", Stage::Member, 2),
            ("SN", Stage::Partner, 4),
            ("FR", Stage::Member, 30),
        ]);
        let today = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
        let p = africa_target().progress(&coverage, today);
        assert_eq!(p.current, 5);
        assert_eq!(p.percent, 20);
        assert_eq!(p.days_left, 365);
        assert!(p.gaps.iter().any(|c| c.code == "NG"));
        assert!(!p.gaps.iter().any(|c| c.code == "KE" || c.code == "FR"));
        assert_eq!(p.gaps.len(), geo::countries_in("002").count() - 2);
    }

    #[test]
    fn a_target_form_names_the_field_at_fault() {
        let base = TargetInput {
            region: "002".into(),
            counts: "members".into(),
            target: "25".into(),
            deadline: "2027-06-30".into(),
            ..Default::default()
        };
        let cases = [
            (
                TargetInput {
                    region: "999".into(),
                    ..base.clone()
                },
                Invalid::new("region", Problem::UnknownValue),
            ),
            (
                TargetInput {
                    target: "0".into(),
                    ..base.clone()
                },
                Invalid::new(
                    "target",
                    Problem::OutOfRange {
                        min: 1,
                        max: 100_000,
                    },
                ),
            ),
            (
                TargetInput {
                    target: "many".into(),
                    ..base.clone()
                },
                Invalid::new(
                    "target",
                    Problem::OutOfRange {
                        min: 1,
                        max: 100_000,
                    },
                ),
            ),
            (
                TargetInput {
                    deadline: "June".into(),
                    ..base.clone()
                },
                Invalid::new("deadline", Problem::Date),
            ),
            (
                TargetInput {
                    counts: "everyone".into(),
                    ..base.clone()
                },
                Invalid::new("counts", Problem::UnknownValue),
            ),
            (
                TargetInput {
                    focus: Some("astrology".into()),
                    ..base.clone()
                },
                Invalid::new("focus", Problem::UnknownValue),
            ),
        ];
        for (input, expected) in cases {
            assert_eq!(input.validate(&[]).unwrap_err(), expected);
        }
    }
}
