//! The outreach pipeline: where an organisation stands with the coalition, and which
//! moves between stages make sense.

use crate::{Invalid, Problem};

/// An organisation's relationship with the coalition.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    /// Identified, not yet approached.
    Prospect,
    /// Approached; the conversation has started.
    Contacted,
    /// Working with the coalition, not yet joined.
    Engaged,
    /// A member organisation.
    Member,
    /// A partner institution.
    Partner,
    /// Said no, for now.
    Declined,
    /// No longer active.
    Inactive,
}

impl Stage {
    /// Every stage, in pipeline order.
    pub const ALL: [Stage; 7] = [
        Stage::Prospect,
        Stage::Contacted,
        Stage::Engaged,
        Stage::Member,
        Stage::Partner,
        Stage::Declined,
        Stage::Inactive,
    ];

    /// The stages of the funnel, in order.
    pub const FUNNEL: [Stage; 4] = [
        Stage::Prospect,
        Stage::Contacted,
        Stage::Engaged,
        Stage::Member,
    ];

    /// Parses a stage name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Stage::ALL
            .into_iter()
            .find(|s| s.as_str() == raw.trim())
            .ok_or(Invalid::new(
                "stage",
                if raw.trim().is_empty() {
                    Problem::Required
                } else {
                    Problem::UnknownValue
                },
            ))
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Prospect => "prospect",
            Stage::Contacted => "contacted",
            Stage::Engaged => "engaged",
            Stage::Member => "member",
            Stage::Partner => "partner",
            Stage::Declined => "declined",
            Stage::Inactive => "inactive",
        }
    }

    /// Still being worked on: a stalled organisation in one of these needs attention.
    pub fn is_open(self) -> bool {
        matches!(self, Stage::Prospect | Stage::Contacted | Stage::Engaged)
    }

    /// Part of the network (counts on the coverage map).
    pub fn is_in_network(self) -> bool {
        matches!(self, Stage::Member | Stage::Partner)
    }

    /// The stages an organisation may move to from this one. Joining needs an
    /// engagement first; anyone may decline or go inactive; declined and inactive
    /// organisations may be approached again.
    pub fn next(self) -> &'static [Stage] {
        use Stage::*;
        match self {
            Prospect => &[Contacted, Declined, Inactive],
            Contacted => &[Prospect, Engaged, Declined, Inactive],
            Engaged => &[Contacted, Member, Partner, Declined, Inactive],
            Member => &[Partner, Inactive],
            Partner => &[Member, Inactive],
            Declined => &[Prospect, Contacted],
            Inactive => &[Prospect, Contacted, Engaged, Member, Partner],
        }
    }

    /// Position in the funnel (member and partner both count as joined); none for
    /// declined and inactive.
    fn funnel_rank(self) -> Option<u8> {
        match self {
            Stage::Prospect => Some(0),
            Stage::Contacted => Some(1),
            Stage::Engaged => Some(2),
            Stage::Member | Stage::Partner => Some(3),
            Stage::Declined | Stage::Inactive => None,
        }
    }

    /// Checks a move from this stage to `to`.
    pub fn check_move(self, to: Stage) -> Result<(), Invalid> {
        if self.next().contains(&to) {
            Ok(())
        } else {
            Err(Invalid::new("stage", Problem::StageMove))
        }
    }
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One change of stage, as kept in an organisation's history.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    /// The stage before (none for the first).
    pub from: Option<Stage>,
    /// The stage after.
    pub to: Stage,
    /// When, in epoch milliseconds.
    pub at_ms: i64,
    /// Who made it (their e-mail, or `system`).
    pub by: String,
    /// Why, in their words.
    pub note: Option<String>,
}

/// Counts and speeds of the funnel for a set of organisations.
#[derive(Debug, Clone, PartialEq)]
pub struct Funnel {
    /// How many organisations are in each stage now, in [`Stage::ALL`] order.
    pub current: Vec<(Stage, i64)>,
    /// For each step of [`Stage::FUNNEL`] (prospect → contacted …): the share, in
    /// percent, of organisations that reached the first stage and later the second.
    pub conversion: Vec<(Stage, Stage, Option<f64>)>,
    /// The median number of days spent in each stage of [`Stage::FUNNEL`].
    pub median_days: Vec<(Stage, Option<f64>)>,
}

impl Funnel {
    /// The funnel of organisations given by their stage histories (oldest change first).
    /// Time in the current stage counts up to `now_ms`.
    pub fn compute(histories: &[Vec<StageChange>], now_ms: i64) -> Funnel {
        let current = Stage::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    histories
                        .iter()
                        .filter(|h| h.last().map(|c| c.to) == Some(*s))
                        .count() as i64,
                )
            })
            .collect();
        // Reaching a stage means reaching it or any later one of the funnel: an
        // organisation added straight in as a member has passed the earlier stages.
        let reached = |h: &Vec<StageChange>, s: Stage| {
            let wanted = s.funnel_rank();
            h.iter()
                .any(|c| c.to.funnel_rank().is_some_and(|r| Some(r) >= wanted))
        };
        let conversion = Stage::FUNNEL
            .windows(2)
            .map(|pair| {
                let from = histories.iter().filter(|h| reached(h, pair[0])).count();
                let to = histories
                    .iter()
                    .filter(|h| reached(h, pair[0]) && reached(h, pair[1]))
                    .count();
                let share = (from > 0).then(|| 100.0 * to as f64 / from as f64);
                (pair[0], pair[1], share)
            })
            .collect();
        let median_days = Stage::FUNNEL
            .iter()
            .map(|stage| {
                let mut days: Vec<f64> = histories
                    .iter()
                    .flat_map(|h| {
                        h.iter()
                            .enumerate()
                            .filter(|(_, c)| c.to == *stage)
                            .map(|(i, c)| {
                                let end = h.get(i + 1).map(|n| n.at_ms).unwrap_or(now_ms);
                                (end - c.at_ms) as f64 / 86_400_000.0
                            })
                    })
                    .collect();
                (*stage, median(&mut days))
            })
            .collect();
        Funnel {
            current,
            conversion,
            median_days,
        }
    }
}

fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joining_needs_an_engagement_and_a_stage_cannot_move_to_itself() {
        assert!(Stage::Engaged.check_move(Stage::Member).is_ok());
        assert_eq!(
            Stage::Prospect
                .check_move(Stage::Member)
                .unwrap_err()
                .problem,
            Problem::StageMove
        );
        assert!(Stage::Contacted.check_move(Stage::Contacted).is_err());
        assert!(Stage::Declined.check_move(Stage::Contacted).is_ok());
        for from in Stage::ALL {
            for to in from.next() {
                assert_ne!(from, *to);
            }
            assert!(
                from.next().contains(&Stage::Inactive)
                    || from == Stage::Inactive
                    || from == Stage::Declined
            );
        }
        assert_eq!(Stage::parse("member"), Ok(Stage::Member));
        assert_eq!(
            Stage::parse("friend").unwrap_err().problem,
            Problem::UnknownValue
        );
    }

    fn change(to: Stage, day: i64) -> StageChange {
        StageChange {
            from: None,
            to,
            at_ms: day * 86_400_000,
            by: "system".into(),
            note: None,
        }
    }

    #[test]
    fn the_funnel_counts_stages_conversions_and_median_days() {
        let histories = vec![
            vec![
                change(Stage::Prospect, 0),
                change(Stage::Contacted, 10),
                change(Stage::Engaged, 20),
                change(Stage::Member, 30),
            ],
            vec![change(Stage::Prospect, 0), change(Stage::Contacted, 4)],
            vec![change(Stage::Prospect, 0), change(Stage::Declined, 2)],
            vec![change(Stage::Prospect, 0)],
        ];
        let funnel = Funnel::compute(&histories, 40 * 86_400_000);
        let count = |s| funnel.current.iter().find(|(x, _)| *x == s).unwrap().1;
        assert_eq!(
            (
                count(Stage::Prospect),
                count(Stage::Contacted),
                count(Stage::Member)
            ),
            (1, 1, 1)
        );
        assert_eq!(
            funnel.conversion[0],
            (Stage::Prospect, Stage::Contacted, Some(50.0))
        );
        assert_eq!(
            funnel.conversion[1],
            (Stage::Contacted, Stage::Engaged, Some(50.0))
        );
        assert_eq!(
            funnel.conversion[2],
            (Stage::Engaged, Stage::Member, Some(100.0))
        );
        // Days as prospect: 10, 4, 2, 40 → median 7.
        assert_eq!(funnel.median_days[0], (Stage::Prospect, Some(7.0)));
        // Days contacted: 10 and 36 (still contacted at day 40) → 23.
        assert_eq!(funnel.median_days[1], (Stage::Contacted, Some(23.0)));
        assert_eq!(Funnel::compute(&[], 0).conversion[0].2, None);

        // An organisation added straight in as a partner has passed every stage.
        let joined = Funnel::compute(&[vec![change(Stage::Partner, 0)]], 0);
        assert!(
            joined
                .conversion
                .iter()
                .all(|(_, _, share)| *share == Some(100.0))
        );
    }
}
