//! The forecast of an indicator from the trend of its measurements: the value it is
//! heading for on its target date, the day it will reach its target at the current
//! pace, and whether it is on track.

use chrono::{Days, NaiveDate};

use super::indicators::{Direction, IndicatorFields, Point, latest};

/// Share of the way from baseline to target, projected for the target date, below
/// which an indicator is off track rather than at risk.
pub const AT_RISK_SHARE: f64 = 0.8;

/// How far ahead of the latest point a reach date is still worth giving: 50 years.
pub const HORIZON_DAYS: f64 = 50.0 * 365.25;

/// Slack for rounding when comparing a projection with the target.
const EPSILON: f64 = 1e-9;

/// Whether an indicator is heading for its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ForecastStatus {
    /// Projected to reach the target by its date, or already there.
    OnTrack,
    /// Projected to get at least [`AT_RISK_SHARE`] of the way by the target date.
    AtRisk,
    /// Projected to get less far than that.
    OffTrack,
    /// Too few dated values for a trend.
    NotEnoughData,
}

impl ForecastStatus {
    /// Every status, in the order legends list them.
    pub const ALL: [ForecastStatus; 4] = [
        ForecastStatus::OnTrack,
        ForecastStatus::AtRisk,
        ForecastStatus::OffTrack,
        ForecastStatus::NotEnoughData,
    ];

    /// The API name.
    pub fn as_str(self) -> &'static str {
        match self {
            ForecastStatus::OnTrack => "on_track",
            ForecastStatus::AtRisk => "at_risk",
            ForecastStatus::OffTrack => "off_track",
            ForecastStatus::NotEnoughData => "not_enough_data",
        }
    }
}

/// Where an indicator stands and where it is heading.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Forecast {
    /// Progress of the latest measurement, 0–100 %.
    pub progress: f64,
    /// Whether it is heading for its target.
    pub status: ForecastStatus,
    /// The trend's value on the target date; none without a trend.
    pub projected_value: Option<f64>,
    /// The first day the trend reaches the target; none without a trend, when the
    /// trend is flat or goes the wrong way, or when that day is more than
    /// [`HORIZON_DAYS`] after the latest measurement.
    pub projected_date: Option<NaiveDate>,
}

/// A straight line: `value = intercept + slope × days since the baseline date`.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Trend {
    /// Change of the value per day.
    pub slope: f64,
    /// Value on the baseline date.
    pub intercept: f64,
}

impl Trend {
    /// The least-squares line through `(day, value)` points; none unless they span
    /// at least two different days.
    pub fn fit(points: &[(f64, f64)]) -> Option<Trend> {
        let n = points.len() as f64;
        let mean_x = points.iter().map(|p| p.0).sum::<f64>() / n;
        let mean_y = points.iter().map(|p| p.1).sum::<f64>() / n;
        let (sxx, sxy) = points.iter().fold((0.0, 0.0), |(sxx, sxy), (x, y)| {
            let dx = x - mean_x;
            (sxx + dx * dx, sxy + dx * (y - mean_y))
        });
        let slope = sxy / sxx;
        (sxx > 0.0 && slope.is_finite()).then_some(Trend {
            slope,
            intercept: mean_y - slope * mean_x,
        })
    }

    /// The line's value `days` after the baseline date.
    pub fn value_at(&self, days: f64) -> f64 {
        self.intercept + self.slope * days
    }
}

impl IndicatorFields {
    /// The points a trend is fitted through: the baseline and every measurement,
    /// as days since the baseline date.
    fn trend_points(&self, measurements: &[Point]) -> Vec<(f64, f64)> {
        std::iter::once(&self.baseline)
            .chain(measurements)
            .map(|p| (self.days_since_baseline(p.date), p.value))
            .collect()
    }

    fn days_since_baseline(&self, date: NaiveDate) -> f64 {
        (date - self.baseline.date).num_days() as f64
    }

    /// The least-squares line through the baseline and `measurements`.
    pub fn trend(&self, measurements: &[Point]) -> Option<Trend> {
        Trend::fit(&self.trend_points(measurements))
    }

    /// Where the indicator stands and where it is heading, from `measurements` (in
    /// any order; corrections already applied).
    ///
    /// The trend is the least-squares line through the baseline and every
    /// measurement. The baseline counts as a point, so a single measurement on a
    /// later day already gives a trend (the pace since the baseline); the status is
    /// `not_enough_data` only when the points span fewer than two days: no
    /// measurement, or measurements on the baseline date only. A latest measurement
    /// at or beyond the target is `on_track` whatever the trend.
    pub fn forecast(&self, measurements: &[Point]) -> Forecast {
        let latest = latest(measurements);
        let progress = self.progress(latest);
        let reached = latest.is_some_and(|p| self.share(p.value) >= 1.0 - EPSILON);
        let Some(trend) = self.trend(measurements) else {
            return Forecast {
                progress,
                status: if reached {
                    ForecastStatus::OnTrack
                } else {
                    ForecastStatus::NotEnoughData
                },
                projected_value: None,
                projected_date: None,
            };
        };
        let projected = trend.value_at(self.days_since_baseline(self.target.date));
        let share = self.share(projected);
        let status = if reached || share >= 1.0 - EPSILON {
            ForecastStatus::OnTrack
        } else if share >= AT_RISK_SHARE - EPSILON {
            ForecastStatus::AtRisk
        } else {
            ForecastStatus::OffTrack
        };
        let last_day = measurements
            .iter()
            .map(|p| self.days_since_baseline(p.date))
            .fold(0.0, f64::max);
        Forecast {
            progress,
            status,
            projected_value: Some(projected),
            projected_date: self.reach_date(trend, last_day),
        }
    }

    /// The first day on which `trend` reaches the target, unless it never does or
    /// only more than [`HORIZON_DAYS`] after `last_day`.
    fn reach_date(&self, trend: Trend, last_day: f64) -> Option<NaiveDate> {
        let right_way = match self.direction {
            Direction::Increase => trend.slope > 0.0,
            Direction::Decrease => trend.slope < 0.0,
        };
        let day = (self.target.value - trend.intercept) / trend.slope;
        if !right_way || !day.is_finite() || day - last_day > HORIZON_DAYS {
            return None;
        }
        // Bounded by the horizon, so the conversion is exact.
        let whole = (day - EPSILON).ceil().max(0.0) as u64;
        self.baseline.date.checked_add_days(Days::new(whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::LanguageCode;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn indicator(name: &str, baseline: Point, target: Point) -> IndicatorFields {
        IndicatorFields {
            name: name.into(),
            name_lang: LanguageCode::from_stored("en".into()),
            names: Default::default(),
            unit: "organisations".into(),
            direction: if target.value > baseline.value {
                Direction::Increase
            } else {
                Direction::Decrease
            },
            baseline,
            target,
            source: None,
            responsible: None,
            item: None,
        }
    }

    /// "Member organisations in Africa": 3 on 2026-01-01, 25 by 2027-06-30.
    fn members_in_africa() -> IndicatorFields {
        indicator(
            "Member organisations in Africa",
            Point {
                date: day(2026, 1, 1),
                value: 3.0,
            },
            Point {
                date: day(2027, 6, 30),
                value: 25.0,
            },
        )
    }

    /// Values on the first of each month from February 2026.
    fn monthly(values: &[f64]) -> Vec<Point> {
        (2..)
            .zip(values)
            .map(|(month, value)| Point {
                date: day(2026, month, 1),
                value: *value,
            })
            .collect()
    }

    fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-3)
    }

    #[test]
    fn steady_recruitment_in_africa_is_on_track() {
        let f = members_in_africa().forecast(&monthly(&[4.0, 5.0, 7.0, 8.0, 10.0, 11.0]));
        assert_eq!(f.status, ForecastStatus::OnTrack);
        assert!(close(f.projected_value, 27.879));
        assert_eq!(f.projected_date, Some(day(2027, 4, 29)));
        assert!((f.progress - 100.0 * 8.0 / 22.0).abs() < 1e-9);
    }

    #[test]
    fn recruitment_a_little_too_slow_is_at_risk() {
        let f = members_in_africa().forecast(&monthly(&[4.0, 5.0, 6.0, 7.0, 9.0, 10.0]));
        assert_eq!(f.status, ForecastStatus::AtRisk);
        assert!(close(f.projected_value, 24.076));
        assert_eq!(f.projected_date, Some(day(2027, 7, 24)));
    }

    #[test]
    fn recruitment_far_too_slow_is_off_track() {
        let f = members_in_africa().forecast(&monthly(&[3.0, 4.0, 4.0, 4.0, 5.0, 5.0]));
        assert_eq!(f.status, ForecastStatus::OffTrack);
        assert!(close(f.projected_value, 9.379));
        assert_eq!(f.projected_date, Some(day(2031, 2, 10)));
    }

    #[test]
    fn a_falling_count_is_off_track_and_never_reaches_its_target() {
        let f = members_in_africa().forecast(&monthly(&[3.0, 2.0, 2.0, 1.0]));
        assert_eq!(f.status, ForecastStatus::OffTrack);
        assert_eq!(f.projected_date, None);
        assert_eq!(f.progress, 0.0);
        let creeping = members_in_africa().forecast(&[Point {
            date: day(2026, 7, 1),
            value: 3.1,
        }]);
        // About 108 years to go at this pace: beyond the horizon.
        assert_eq!(creeping.status, ForecastStatus::OffTrack);
        assert_eq!(creeping.projected_date, None);
        let flat = members_in_africa().forecast(&monthly(&[3.0, 3.0]));
        assert_eq!(flat.projected_date, None);
        assert!(close(flat.projected_value, 3.0));
    }

    #[test]
    fn shorter_translation_times_are_on_track_for_a_decreasing_indicator() {
        let days = IndicatorFields {
            unit: "days".into(),
            ..indicator(
                "Days to publish a translation",
                Point {
                    date: day(2026, 1, 1),
                    value: 10.0,
                },
                Point {
                    date: day(2026, 12, 31),
                    value: 3.0,
                },
            )
        };
        assert_eq!(days.direction, Direction::Decrease);
        let f = days.forecast(&monthly(&[9.0, 9.0, 8.0, 7.0]));
        assert_eq!(f.status, ForecastStatus::OnTrack);
        assert!(close(f.projected_value, 1.461));
        assert_eq!(f.projected_date, Some(day(2026, 10, 27)));
        assert!((f.progress - 300.0 / 7.0).abs() < 1e-9);
        let slower = days.forecast(&monthly(&[10.0, 10.0, 9.0, 10.0]));
        assert_eq!(slower.status, ForecastStatus::OffTrack);
    }

    #[test]
    fn the_baseline_and_one_later_measurement_are_enough_for_a_forecast() {
        let members = members_in_africa();
        let none = members.forecast(&[]);
        assert_eq!(none.status, ForecastStatus::NotEnoughData);
        assert_eq!(
            (none.progress, none.projected_value, none.projected_date),
            (0.0, None, None)
        );

        let same_day = members.forecast(&[Point {
            date: day(2026, 1, 1),
            value: 4.0,
        }]);
        assert_eq!(same_day.status, ForecastStatus::NotEnoughData);

        let one = members.forecast(&[Point {
            date: day(2026, 7, 1),
            value: 12.0,
        }]);
        assert_eq!(one.status, ForecastStatus::OnTrack);
        assert!(close(one.projected_value, 30.099));
        assert_eq!(one.projected_date, Some(day(2027, 3, 20)));
    }

    #[test]
    fn a_target_already_reached_is_on_track_whatever_the_trend() {
        let late_jump = [
            Point {
                date: day(2027, 5, 16),
                value: 3.0,
            },
            Point {
                date: day(2027, 5, 26),
                value: 25.0,
            },
        ];
        let members = members_in_africa();
        let share = members.share(members.trend(&late_jump).unwrap().value_at(545.0));
        assert!(share < AT_RISK_SHARE);
        let f = members.forecast(&late_jump);
        assert_eq!(f.status, ForecastStatus::OnTrack);
        assert_eq!(f.progress, 100.0);
    }

    /// An indicator from `baseline` towards `gap` above (or below) it, `target_day`
    /// days later, and measurements at `(day, value)`.
    fn case(baseline: f64, target: f64, target_day: u64) -> IndicatorFields {
        let start = day(2026, 1, 1);
        indicator(
            "Generated",
            Point {
                date: start,
                value: baseline,
            },
            Point {
                date: start + Days::new(target_day),
                value: target,
            },
        )
    }

    fn points(fields: &IndicatorFields, raw: &[(u64, f64)]) -> Vec<Point> {
        raw.iter()
            .map(|(d, value)| Point {
                date: fields.baseline.date + Days::new(*d),
                value: *value,
            })
            .collect()
    }

    fn rank(status: ForecastStatus) -> u8 {
        match status {
            ForecastStatus::OffTrack => 0,
            ForecastStatus::AtRisk => 1,
            ForecastStatus::OnTrack => 2,
            ForecastStatus::NotEnoughData => 3,
        }
    }

    proptest! {
        #[test]
        fn forecast_progress_is_always_between_0_and_100(
            baseline in -1e3f64..1e3,
            target in -1e3f64..1e3,
            target_day in 1u64..3000,
            raw in prop::collection::vec((0u64..4000, -5e3f64..5e3), 0..12),
        ) {
            prop_assume!(target != baseline);
            let fields = case(baseline, target, target_day);
            let f = fields.forecast(&points(&fields, &raw));
            prop_assert!((0.0..=100.0).contains(&f.progress));
        }

        #[test]
        fn measurements_on_a_straight_line_are_projected_along_it(
            baseline in -1e3f64..1e3,
            slope in 1e-3f64..5.0,
            increase: bool,
            target_day in 30u64..2000,
            reach in 0.5f64..2.0,
            days in prop::collection::vec(1u64..3000, 1..10),
        ) {
            let sign = if increase { 1.0 } else { -1.0 };
            let slope = sign * slope;
            let line = |d: f64| baseline + slope * d;
            let target = line(target_day as f64 * reach);
            let fields = case(baseline, target, target_day);
            let raw: Vec<_> = days.iter().map(|d| (*d, line(*d as f64))).collect();
            let f = fields.forecast(&points(&fields, &raw));
            let expected = line(target_day as f64);
            let projected = f.projected_value.unwrap_or(f64::NAN);
            prop_assert!((projected - expected).abs() <= 1e-6 * expected.abs().max(1.0));

            let date = f.projected_date.unwrap_or(fields.baseline.date);
            let reached = (date - fields.baseline.date).num_days() as f64;
            let tolerance = 1e-6 * target.abs().max(1.0);
            prop_assert!(sign * line(reached) >= sign * target - tolerance);
            prop_assert!(sign * line(reached - 1.0) < sign * target + tolerance);
        }

        #[test]
        fn mirroring_an_indicator_keeps_its_forecast(
            baseline in -1e3f64..1e3,
            gap in 1e-2f64..1e3,
            target_day in 1u64..3000,
            raw in prop::collection::vec((0u64..4000, -5e3f64..5e3), 0..12),
        ) {
            let up = case(baseline, baseline + gap, target_day);
            let down = case(-baseline, -baseline - gap, target_day);
            let mirrored: Vec<_> = raw.iter().map(|(d, v)| (*d, -v)).collect();
            let f = up.forecast(&points(&up, &raw));
            let g = down.forecast(&points(&down, &mirrored));
            prop_assert_eq!(f.status, g.status);
            prop_assert_eq!(f.projected_date, g.projected_date);
            prop_assert_eq!(f.progress, g.progress);
            prop_assert_eq!(f.projected_value, g.projected_value.map(|v| -v));
        }

        #[test]
        fn values_moving_towards_the_target_never_worsen_the_status(
            baseline in -1e3f64..1e3,
            gap in 1.0f64..1e3,
            increase: bool,
            target_day in 30u64..3000,
            raw in prop::collection::vec((0.0f64..=1.0, -2.0f64..2.0), 1..12),
            shift in 0.01f64..2.0,
        ) {
            let sign = if increase { 1.0 } else { -1.0 };
            let fields = case(baseline, baseline + sign * gap, target_day);
            // Measurements up to the target date, up to twice the way off.
            let at = |(when, share): (f64, f64), moved: f64| {
                ((when * target_day as f64).ceil() as u64, baseline + sign * gap * (share + moved))
            };
            let before: Vec<_> = raw.iter().map(|r| at(*r, 0.0)).collect();
            let after: Vec<_> = raw.iter().map(|r| at(*r, shift)).collect();
            let f = fields.forecast(&points(&fields, &before));
            let g = fields.forecast(&points(&fields, &after));
            if f.status == ForecastStatus::NotEnoughData {
                prop_assert!(matches!(g.status, ForecastStatus::NotEnoughData | ForecastStatus::OnTrack));
            } else {
                prop_assert!(rank(g.status) >= rank(f.status), "{:?} then {:?}", f, g);
            }
        }
    }
}
