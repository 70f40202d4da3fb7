//! The geometry of an indicator's chart: where a dated value falls in an SVG of a
//! given size, and the values worth a grid line. Drawing is the web layer's job.

use chrono::NaiveDate;

use super::forecast::Trend;
use super::indicators::{IndicatorFields, Point};

/// Space left around the plot for axes and labels, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Margin {
    /// Above the plot.
    pub top: f64,
    /// Right of the plot.
    pub right: f64,
    /// Below the plot.
    pub bottom: f64,
    /// Left of the plot.
    pub left: f64,
}

/// The size of the SVG and its margins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Width of the whole SVG.
    pub width: f64,
    /// Height of the whole SVG.
    pub height: f64,
    /// Space around the plot.
    pub margin: Margin,
}

/// How much room is left above and below the values, as a share of their range.
pub const PADDING: f64 = 0.1;

/// The most grid lines [`Chart::y_ticks`] gives.
pub const MAX_TICKS: usize = 5;

/// The scales of one indicator's chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chart {
    /// The SVG's size.
    pub frame: Frame,
    /// The day at the left edge of the plot: the baseline date.
    pub from: NaiveDate,
    /// The day at the right edge: the later of the target date and the last
    /// measurement.
    pub to: NaiveDate,
    /// The value at the bottom edge.
    pub low: f64,
    /// The value at the top edge.
    pub high: f64,
}

impl Chart {
    /// The scales for `indicator` and its `measurements`: every value, baseline and
    /// target included, with [`PADDING`] above and below.
    pub fn new(frame: Frame, indicator: &IndicatorFields, measurements: &[Point]) -> Self {
        let all = || {
            [indicator.baseline, indicator.target]
                .into_iter()
                .chain(measurements.iter().copied())
        };
        let from = all()
            .map(|p| p.date)
            .min()
            .unwrap_or(indicator.baseline.date);
        let to = all().map(|p| p.date).max().unwrap_or(indicator.target.date);
        let values = || all().map(|p| p.value).filter(|v| v.is_finite());
        let min = values().fold(f64::INFINITY, f64::min);
        let max = values().fold(f64::NEG_INFINITY, f64::max);
        let pad = if max > min {
            (max - min) * PADDING
        } else {
            (max.abs() * PADDING).max(1.0)
        };
        Self {
            frame,
            from,
            to,
            low: min - pad,
            high: max + pad,
        }
    }

    /// The horizontal position of `date`.
    pub fn x(&self, date: NaiveDate) -> f64 {
        let m = self.frame.margin;
        let inner = (self.frame.width - m.left - m.right).max(0.0);
        let span = (self.to - self.from).num_days().max(1) as f64;
        m.left + inner * (date - self.from).num_days() as f64 / span
    }

    /// The vertical position of `value` (SVG's y grows downwards).
    pub fn y(&self, value: f64) -> f64 {
        let m = self.frame.margin;
        let inner = (self.frame.height - m.top - m.bottom).max(0.0);
        m.top + inner * (self.high - value) / (self.high - self.low)
    }

    /// The position of `point`.
    pub fn point(&self, point: &Point) -> (f64, f64) {
        (self.x(point.date), self.y(point.value))
    }

    /// The `points` attribute of an SVG polyline through `points`, to one decimal.
    pub fn polyline(&self, points: &[Point]) -> String {
        points
            .iter()
            .map(|p| {
                let (x, y) = self.point(p);
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The ends of `trend` (fitted from `baseline`) across the whole plot.
    pub fn trend(&self, trend: &Trend, baseline: NaiveDate) -> [(f64, f64); 2] {
        [self.from, self.to].map(|d| {
            (
                self.x(d),
                self.y(trend.value_at((d - baseline).num_days() as f64)),
            )
        })
    }

    /// Round values for horizontal grid lines, low to high, within the plot.
    pub fn y_ticks(&self) -> Vec<f64> {
        nice_ticks(self.low, self.high)
    }
}

/// Between two and [`MAX_TICKS`] evenly spaced multiples of 1, 2 or 5 × 10ⁿ within
/// `low..=high`: the widest-spread choice with the smallest step that fits.
pub fn nice_ticks(low: f64, high: f64) -> Vec<f64> {
    let range = high - low;
    if !(range.is_finite() && range > 0.0) {
        return if low.is_finite() {
            vec![low]
        } else {
            Vec::new()
        };
    }
    let base = 10f64.powf((range / 4.0).log10().floor());
    for mult in [1.0, 2.0, 5.0, 10.0, 20.0, 50.0] {
        let step = mult * base;
        let (first, last) = ((low / step).ceil(), (high / step).floor());
        if last - first < MAX_TICKS as f64 {
            // At most five, so the conversion is exact.
            let count = (last - first + 1.0).max(0.0) as usize;
            return (0..count).map(|k| (first + k as f64) * step).collect();
        }
    }
    vec![low, high]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::languages::LanguageCode;
    use crate::plans::Direction;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn members_in_africa() -> IndicatorFields {
        IndicatorFields {
            name: "Member organisations in Africa".into(),
            name_lang: LanguageCode::from_stored("en".into()),
            names: Default::default(),
            unit: "organisations".into(),
            direction: Direction::Increase,
            baseline: Point {
                date: day(2026, 1, 1),
                value: 3.0,
            },
            target: Point {
                date: day(2027, 6, 30),
                value: 25.0,
            },
            source: None,
            responsible: None,
            item: None,
        }
    }

    fn frame() -> Frame {
        Frame {
            width: 640.0,
            height: 320.0,
            margin: Margin {
                top: 10.0,
                right: 20.0,
                bottom: 30.0,
                left: 40.0,
            },
        }
    }

    #[test]
    fn the_plot_spans_baseline_to_target_with_room_above_and_below() {
        let members = members_in_africa();
        let chart = Chart::new(
            frame(),
            &members,
            &[Point {
                date: day(2026, 7, 1),
                value: 12.0,
            }],
        );
        assert_eq!((chart.from, chart.to), (day(2026, 1, 1), day(2027, 6, 30)));
        assert!((chart.low - 0.8).abs() < 1e-9 && (chart.high - 27.2).abs() < 1e-9);
        assert_eq!(chart.point(&members.baseline).0, 40.0);
        assert_eq!(chart.x(members.target.date), 620.0);
        assert_eq!(chart.y(chart.high), 10.0);
        assert_eq!(chart.y(chart.low), 290.0);
        assert!(chart.y(25.0) < chart.y(3.0));
        assert_eq!(chart.y_ticks(), [5.0, 10.0, 15.0, 20.0, 25.0]);
        assert_eq!(
            chart.polyline(&[members.baseline]),
            format!("40.0,{:.1}", chart.y(3.0))
        );
        let line = chart.trend(
            &Trend {
                slope: 0.0,
                intercept: 12.0,
            },
            members.baseline.date,
        );
        assert_eq!(line[0].1, line[1].1);
        assert_eq!((line[0].0, line[1].0), (40.0, 620.0));
    }

    #[test]
    fn a_measurement_after_the_target_date_widens_the_plot() {
        let late = Point {
            date: day(2027, 9, 1),
            value: 30.0,
        };
        let chart = Chart::new(frame(), &members_in_africa(), &[late]);
        assert_eq!(chart.to, late.date);
        assert_eq!(chart.point(&late).0, 620.0);
        assert!(chart.point(&late).1 > 10.0);
    }

    #[test]
    fn ticks_are_round_numbers() {
        assert_eq!(nice_ticks(0.0, 1.0), [0.0, 0.5, 1.0]);
        assert_eq!(nice_ticks(2.5, 2.5), [2.5]);
        assert_eq!(nice_ticks(-7.0, 93.0), [0.0, 20.0, 40.0, 60.0, 80.0]);
        assert_eq!(nice_ticks(1.05, 9.75), [2.0, 4.0, 6.0, 8.0]);
    }

    proptest! {
        #[test]
        fn ticks_are_few_evenly_spaced_and_inside_the_range(
            low in -1e4f64..1e4,
            width in 1e-2f64..1e6,
        ) {
            let high = low + width;
            let ticks = nice_ticks(low, high);
            prop_assert!((2..=MAX_TICKS).contains(&ticks.len()), "{:?}", ticks);
            let slack = 1e-9 * high.abs().max(low.abs()).max(width);
            for t in &ticks {
                prop_assert!(*t >= low - slack && *t <= high + slack);
            }
            let step = ticks[1] - ticks[0];
            for pair in ticks.windows(2) {
                prop_assert!(((pair[1] - pair[0]) - step).abs() <= 1e-6 * step);
            }
        }

        #[test]
        fn every_value_of_the_chart_falls_inside_the_plot(
            values in prop::collection::vec((0u64..900, -1e4f64..1e4), 0..20),
        ) {
            let members = members_in_africa();
            let points: Vec<_> = values
                .iter()
                .map(|(d, v)| Point { date: members.baseline.date + chrono::Days::new(*d), value: *v })
                .collect();
            let chart = Chart::new(frame(), &members, &points);
            for p in points.iter().chain([&members.baseline, &members.target]) {
                let (x, y) = chart.point(p);
                prop_assert!((40.0..=620.0).contains(&x));
                prop_assert!((10.0..=290.0).contains(&y));
            }
        }
    }
}
