//! A campaign's wins over time: how many targets were won (fully or partly) and how
//! many lost by each day, as the steps of a chart, and where those steps fall in an
//! SVG of a given size. Drawing is the web layer's job.

use chrono::NaiveDate;

use super::targets::{Outcome, TargetFields};
use crate::plans::chart::{Frame, nice_ticks};

/// The running totals on one day on which at least one outcome was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    /// The day.
    pub date: NaiveDate,
    /// Targets won or partly won by then.
    pub wins: u32,
    /// Targets lost by then.
    pub losses: u32,
}

/// The steps of a campaign's outcomes, in date order, one per day with an outcome;
/// open targets are left out.
pub fn steps<'a>(targets: impl IntoIterator<Item = &'a TargetFields>) -> Vec<Step> {
    let mut dated: Vec<(NaiveDate, Outcome)> = targets
        .into_iter()
        .filter_map(|t| t.outcome_date.map(|d| (d, t.outcome)))
        .filter(|(_, o)| *o != Outcome::Open)
        .collect();
    dated.sort();
    let mut out: Vec<Step> = Vec::new();
    let (mut wins, mut losses) = (0, 0);
    for (date, outcome) in dated {
        if outcome.is_win() {
            wins += 1;
        } else {
            losses += 1;
        }
        match out.last_mut() {
            Some(last) if last.date == date => {
                last.wins = wins;
                last.losses = losses;
            }
            _ => out.push(Step { date, wins, losses }),
        }
    }
    out
}

/// The scales of a wins chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WinsChart {
    /// The SVG's size.
    pub frame: Frame,
    /// The day at the left edge: the campaign's start, or its first outcome if earlier.
    pub from: NaiveDate,
    /// The day at the right edge: the later of the campaign's end (or `today` while
    /// it has none) and its last outcome.
    pub to: NaiveDate,
    /// The count at the top edge (at least 1).
    pub high: u32,
}

impl WinsChart {
    /// The scales for a campaign running from `start` to `end` (or open-ended, drawn
    /// up to `today`) with `steps`.
    pub fn new(
        frame: Frame,
        start: NaiveDate,
        end: Option<NaiveDate>,
        today: NaiveDate,
        steps: &[Step],
    ) -> Self {
        let first = steps.first().map_or(start, |s| s.date.min(start));
        let last = steps.last().map(|s| s.date);
        let edge = end.unwrap_or(today.max(start));
        let to = last.map_or(edge, |l| l.max(edge));
        let high = steps.last().map_or(0, |s| s.wins.max(s.losses)).max(1);
        Self {
            frame,
            from: first,
            to: to.max(first.succ_opt().unwrap_or(first)),
            high,
        }
    }

    /// The horizontal position of `date`.
    pub fn x(&self, date: NaiveDate) -> f64 {
        let m = self.frame.margin;
        let inner = (self.frame.width - m.left - m.right).max(0.0);
        let span = (self.to - self.from).num_days().max(1) as f64;
        m.left + inner * (date - self.from).num_days() as f64 / span
    }

    /// The vertical position of a count (SVG's y grows downwards).
    pub fn y(&self, count: u32) -> f64 {
        let m = self.frame.margin;
        let inner = (self.frame.height - m.top - m.bottom).max(0.0);
        m.top + inner * (1.0 - f64::from(count) / f64::from(self.high))
    }

    /// The `d` attribute of a step line from zero at the left edge to the right
    /// edge, rising on each step's day to the count `of` picks.
    pub fn path(&self, steps: &[Step], of: fn(&Step) -> u32) -> String {
        let mut d = format!("M{:.1},{:.1}", self.x(self.from), self.y(0));
        for s in steps {
            d.push_str(&format!(" H{:.1} V{:.1}", self.x(s.date), self.y(of(s))));
        }
        d.push_str(&format!(" H{:.1}", self.x(self.to)));
        d
    }

    /// Whole counts for horizontal grid lines, from zero to the top.
    pub fn y_ticks(&self) -> Vec<u32> {
        let mut ticks: Vec<u32> = nice_ticks(0.0, f64::from(self.high))
            .into_iter()
            .filter(|v| v.fract() == 0.0 && *v >= 0.0)
            // Whole, non-negative and at most `high`, so the conversion is exact.
            .map(|v| v as u32)
            .collect();
        if ticks.first() != Some(&0) {
            ticks.insert(0, 0);
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::campaigns::targets::TargetKind;
    use crate::plans::chart::Margin;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn target(outcome: Outcome, date: Option<NaiveDate>) -> TargetFields {
        TargetFields {
            name: "Target".into(),
            kind: TargetKind::Company,
            country: None,
            demands: None,
            outcome,
            outcome_date: date,
            evidence: None,
        }
    }

    const FRAME: Frame = Frame {
        width: 500.0,
        height: 200.0,
        margin: Margin {
            top: 10.0,
            right: 10.0,
            bottom: 30.0,
            left: 40.0,
        },
    };

    #[test]
    fn wins_and_losses_add_up_by_day_and_open_targets_do_not_count() {
        let targets = [
            target(Outcome::Won, Some(day(2026, 5, 1))),
            target(Outcome::Open, None),
            target(Outcome::Lost, Some(day(2026, 3, 1))),
            target(Outcome::Partial, Some(day(2026, 5, 1))),
            target(Outcome::Won, Some(day(2026, 7, 9))),
        ];
        assert_eq!(
            steps(&targets),
            vec![
                Step {
                    date: day(2026, 3, 1),
                    wins: 0,
                    losses: 1
                },
                Step {
                    date: day(2026, 5, 1),
                    wins: 2,
                    losses: 1
                },
                Step {
                    date: day(2026, 7, 9),
                    wins: 3,
                    losses: 1
                },
            ]
        );
    }

    #[test]
    fn the_step_line_starts_at_zero_on_the_first_day_and_ends_at_the_last() {
        let targets = [target(Outcome::Won, Some(day(2026, 2, 1)))];
        let s = steps(&targets);
        let chart = WinsChart::new(
            FRAME,
            day(2026, 1, 1),
            Some(day(2026, 12, 31)),
            day(2026, 6, 1),
            &s,
        );
        assert_eq!(chart.high, 1);
        let d = chart.path(&s, |s| s.wins);
        assert!(d.starts_with("M40.0,170.0 H"), "{d}");
        assert!(d.contains(" V10.0"), "{d}");
        assert!(d.ends_with(" H490.0"), "{d}");
        assert_eq!(chart.y_ticks(), vec![0, 1]);
    }

    #[test]
    fn an_outcome_outside_the_period_widens_the_chart() {
        let s = steps(&[target(Outcome::Won, Some(day(2025, 12, 1)))]);
        let chart = WinsChart::new(FRAME, day(2026, 1, 1), None, day(2026, 2, 1), &s);
        assert_eq!((chart.from, chart.to), (day(2025, 12, 1), day(2026, 2, 1)));
        assert!((chart.x(chart.from) - 40.0).abs() < 1e-9);
    }

    proptest! {
        #[test]
        fn every_step_lies_inside_the_plot_and_totals_never_fall(
            outcomes in prop::collection::vec((prop::sample::select(Outcome::ALL.to_vec()), 0i64..800), 0..30),
        ) {
            let start = day(2026, 1, 1);
            let targets: Vec<TargetFields> = outcomes
                .iter()
                .map(|(o, d)| target(*o, (*o != Outcome::Open).then(|| start + chrono::Duration::days(*d - 100))))
                .collect();
            let s = steps(&targets);
            let decided = outcomes.iter().filter(|(o, _)| *o != Outcome::Open).count();
            prop_assert_eq!(s.last().map_or(0, |l| (l.wins + l.losses) as usize), decided);
            let chart = WinsChart::new(FRAME, start, Some(day(2026, 6, 30)), day(2026, 3, 1), &s);
            for pair in s.windows(2) {
                prop_assert!(pair[0].date < pair[1].date);
                prop_assert!(pair[0].wins <= pair[1].wins && pair[0].losses <= pair[1].losses);
            }
            for step in &s {
                let (x, y) = (chart.x(step.date), chart.y(step.wins));
                prop_assert!((40.0..=490.0).contains(&x), "x {}", x);
                prop_assert!((10.0..=170.0).contains(&y), "y {}", y);
            }
        }
    }
}
