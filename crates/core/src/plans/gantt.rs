//! The geometry of a plan's timeline (a Gantt chart): one row per item, a bar from
//! its start to its due date filled as far as its progress, month ticks, a line for
//! today and an elbow arrow for each dependency. Right-to-left readers get the mirror
//! image: time runs from right to left and the titles stand on the right.

use std::collections::HashMap;

use chrono::{Datelike, Months, NaiveDate};

use super::items::Dates;
use crate::ids::PlanItemId;
use crate::svg::Tenths;

/// The size of the drawing, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Layout {
    /// Width of the whole SVG.
    pub width: f64,
    /// Width of the column of titles, on the reading side.
    pub label_width: f64,
    /// Height of one row.
    pub row_height: f64,
    /// Height of the band of month ticks above the rows.
    pub header: f64,
    /// Space left at the far end of the plot.
    pub padding: f64,
}

impl Layout {
    /// The size the plan pages use.
    pub const STANDARD: Layout = Layout {
        width: 960.0,
        label_width: 300.0,
        row_height: 26.0,
        header: 32.0,
        padding: 12.0,
    };
}

/// What the timeline needs to know of one item.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The item.
    pub id: PlanItemId,
    /// Its dates; an item without dates gets a row and no bar.
    pub dates: Dates,
    /// Its progress, 0–100, if it has any.
    pub progress: Option<f64>,
}

/// The drawing of one item's dates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width; at least [`Bar::MIN_WIDTH`].
    pub width: f64,
    /// Height.
    pub height: f64,
    /// Left edge of the part done (the start side of the bar).
    pub done_x: f64,
    /// Width of the part done.
    pub done_width: f64,
    /// Whether the item only has a due date: a milestone, drawn as a marker at `x`.
    pub milestone: bool,
}

impl Bar {
    /// The narrowest bar drawn, so a one-day item stays visible.
    pub const MIN_WIDTH: f64 = 3.0;
}

/// A month boundary on the time axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// Its horizontal position.
    pub x: f64,
    /// The first day of the month.
    pub month: NaiveDate,
}

/// A whole timeline, ready to draw.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// The size of the drawing.
    pub layout: Layout,
    /// Whether time runs from right to left.
    pub rtl: bool,
    /// The first day shown.
    pub from: NaiveDate,
    /// The last day shown.
    pub to: NaiveDate,
    /// The bar of each row, in the order of the rows given.
    pub bars: Vec<Option<Bar>>,
    /// Month (or, over long spans, quarter) boundaries.
    pub ticks: Vec<Tick>,
    /// Where today's line stands, when today is shown.
    pub today: Option<f64>,
    /// One SVG polyline (`points` attribute) per dependency whose two items have bars:
    /// from the end of the one waited for to the start of the one waiting.
    pub arrows: Vec<String>,
    /// Height of the whole drawing.
    pub height: f64,
}

impl Timeline {
    /// Lays out `rows` (in the order they are listed) and the `dependencies` between
    /// them (pairs of ids: `before`, `after`), with `today`'s line when it falls in
    /// the span. The span runs from the earliest date to the latest; without any
    /// dates it is the month around `today`.
    pub fn new(
        layout: Layout,
        rows: &[Row],
        dependencies: &[(PlanItemId, PlanItemId)],
        today: NaiveDate,
        rtl: bool,
    ) -> Self {
        let dates = || {
            rows.iter()
                .flat_map(|r| [r.dates.start, r.dates.due])
                .flatten()
        };
        let from = dates().min().unwrap_or(today);
        let to = dates().max().unwrap_or(today).max(from);
        let (from, to) = if from == to {
            (from - chrono::Days::new(15), to + chrono::Days::new(15))
        } else {
            (from, to)
        };
        let mut timeline = Self {
            layout,
            rtl,
            from,
            to,
            bars: Vec::new(),
            ticks: Vec::new(),
            today: None,
            arrows: Vec::new(),
            height: layout.header + layout.row_height * rows.len() as f64,
        };
        timeline.bars = rows
            .iter()
            .enumerate()
            .map(|(i, r)| timeline.bar(i, r))
            .collect();
        timeline.ticks = timeline.month_ticks();
        timeline.today = (from..=to).contains(&today).then(|| timeline.x(today));
        let row_of: HashMap<&PlanItemId, usize> =
            rows.iter().enumerate().map(|(i, r)| (&r.id, i)).collect();
        timeline.arrows = dependencies
            .iter()
            .filter_map(|(before, after)| {
                let find = |id: &PlanItemId| row_of.get(id).copied();
                let (b, a) = (find(before)?, find(after)?);
                let (bb, ab) = (timeline.bars[b]?, timeline.bars[a]?);
                Some(timeline.arrow((b, &bb), (a, &ab)))
            })
            .collect();
        timeline
    }

    /// The horizontal position of `date`.
    pub fn x(&self, date: NaiveDate) -> f64 {
        let l = self.layout;
        let inner = (l.width - l.label_width - l.padding).max(0.0);
        let span = (self.to - self.from).num_days().max(1) as f64;
        let ltr = l.label_width + inner * (date - self.from).num_days() as f64 / span;
        if self.rtl { l.width - ltr } else { ltr }
    }

    /// The top of row `i`.
    pub fn row_y(&self, i: usize) -> f64 {
        self.layout.header + self.layout.row_height * i as f64
    }

    /// The baseline of the title of row `i`.
    pub fn label_y(&self, i: usize) -> f64 {
        self.row_y(i) + self.layout.row_height * 0.65
    }

    /// Where the titles start: near the left edge, or near the right one when time
    /// runs from right to left.
    pub fn label_x(&self) -> f64 {
        if self.rtl {
            self.layout.width - 6.0
        } else {
            6.0
        }
    }

    /// The vertical middle of row `i`.
    fn row_middle(&self, i: usize) -> f64 {
        self.row_y(i) + self.layout.row_height / 2.0
    }

    fn bar(&self, i: usize, row: &Row) -> Option<Bar> {
        let height = self.layout.row_height * 0.6;
        let y = self.row_y(i) + (self.layout.row_height - height) / 2.0;
        let (start, due, milestone) = match (row.dates.start, row.dates.due) {
            (Some(s), Some(d)) => (s, d, false),
            (Some(d), None) | (None, Some(d)) => (d, d, true),
            (None, None) => return None,
        };
        let (a, b) = (self.x(start), self.x(due));
        let (left, right) = (a.min(b), a.max(b));
        let width = (right - left).max(Bar::MIN_WIDTH);
        let share = row.progress.unwrap_or(0.0).clamp(0.0, 100.0) / 100.0;
        let done_width = width * share;
        // The part done grows from the start of the bar: its left end, or its right
        // end when time runs from right to left.
        let done_x = if self.rtl {
            left + width - done_width
        } else {
            left
        };
        Some(Bar {
            x: left,
            y,
            width,
            height,
            done_x,
            done_width,
            milestone,
        })
    }

    /// The end of a bar in time: its right edge, or its left one right to left.
    fn end_of(&self, bar: &Bar) -> f64 {
        if self.rtl { bar.x } else { bar.x + bar.width }
    }

    /// The start of a bar in time.
    fn start_of(&self, bar: &Bar) -> f64 {
        if self.rtl { bar.x + bar.width } else { bar.x }
    }

    fn arrow(&self, (b, before): (usize, &Bar), (a, after): (usize, &Bar)) -> String {
        let step = if self.rtl { -6.0 } else { 6.0 };
        let x1 = self.end_of(before);
        let y1 = self.row_middle(b);
        let x2 = self.start_of(after);
        let y2 = self.row_middle(a);
        let elbow = x1 + step;
        let (x1, y1, elbow, x2, y2) = (
            Tenths(x1),
            Tenths(y1),
            Tenths(elbow),
            Tenths(x2),
            Tenths(y2),
        );
        format!("{x1},{y1} {elbow},{y1} {elbow},{y2} {x2},{y2}")
    }

    /// The first day of every month within the span — of every third month when the
    /// span is longer than two years, so the labels never crowd.
    fn month_ticks(&self) -> Vec<Tick> {
        let months = (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
            - self.from.month() as i32;
        let step = if months > 24 { 3 } else { 1 };
        let mut month = self.from.with_day(1).unwrap_or(self.from);
        if month < self.from {
            month = month + Months::new(1);
        }
        let mut ticks = Vec::new();
        while month <= self.to {
            if month.month0().is_multiple_of(step) {
                ticks.push(Tick {
                    x: self.x(month),
                    month,
                });
            }
            month = month + Months::new(1);
        }
        ticks
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn row(start: Option<&str>, due: Option<&str>, progress: Option<f64>) -> Row {
        Row {
            id: PlanItemId::new(),
            dates: Dates {
                start: start.map(d),
                due: due.map(d),
            },
            progress,
        }
    }

    const L: Layout = Layout::STANDARD;

    #[test]
    fn bars_span_their_dates_and_fill_as_far_as_their_progress() {
        let rows = [
            row(Some("2026-01-01"), Some("2026-12-31"), Some(50.0)),
            row(Some("2026-01-01"), Some("2026-07-02"), Some(100.0)),
            row(None, None, None),
        ];
        let t = Timeline::new(L, &rows, &[], d("2026-06-01"), false);
        let whole = t.bars[0].unwrap();
        assert_eq!(whole.x, L.label_width);
        assert!((whole.x + whole.width - (L.width - L.padding)).abs() < 1e-9);
        assert!((whole.done_width - whole.width / 2.0).abs() < 1e-9);
        let half = t.bars[1].unwrap();
        assert!((half.width - whole.width / 2.0).abs() < 2.0);
        assert_eq!(half.done_width, half.width);
        assert_eq!(t.bars[2], None);
        assert_eq!(t.height, L.header + 3.0 * L.row_height);
        let today = t.today.unwrap();
        assert!(today > whole.x && today < whole.x + whole.width);
    }

    #[test]
    fn right_to_left_is_the_mirror_image() {
        let a = row(Some("2026-01-01"), Some("2026-03-31"), Some(30.0));
        let b = row(Some("2026-04-01"), Some("2026-12-31"), Some(0.0));
        let deps = [(a.id.clone(), b.id.clone())];
        let rows = [a, b];
        let ltr = Timeline::new(L, &rows, &deps, d("2026-05-01"), false);
        let rtl = Timeline::new(L, &rows, &deps, d("2026-05-01"), true);
        for (l, r) in ltr.bars.iter().zip(&rtl.bars) {
            let (l, r) = (l.unwrap(), r.unwrap());
            assert!((r.x - (L.width - l.x - l.width)).abs() < 1e-9);
            assert!((r.done_x - (L.width - l.done_x - l.done_width)).abs() < 1e-9);
        }
        assert!((rtl.today.unwrap() - (L.width - ltr.today.unwrap())).abs() < 1e-9);
        // The first item ends where time starts for the second: on the right of the
        // chart left to right, on the left right to left.
        let first = rtl.bars[0].unwrap();
        assert!(first.x > rtl.bars[1].unwrap().x);
        assert_eq!(rtl.label_x(), L.width - 6.0);
        assert_eq!(ltr.arrows.len(), 1);
        assert_eq!(rtl.arrows.len(), 1);
    }

    #[test]
    fn an_item_with_only_a_due_date_is_a_milestone() {
        let rows = [
            row(Some("2026-01-01"), Some("2026-06-30"), None),
            row(None, Some("2026-03-01"), None),
        ];
        let t = Timeline::new(L, &rows, &[], d("2027-01-01"), false);
        let m = t.bars[1].unwrap();
        assert!(m.milestone);
        assert_eq!(m.width, Bar::MIN_WIDTH);
        assert_eq!(t.today, None, "today falls after the span");
    }

    #[test]
    fn month_ticks_fall_on_the_first_of_the_month() {
        let rows = [row(Some("2026-01-15"), Some("2026-05-10"), None)];
        let t = Timeline::new(L, &rows, &[], d("2026-02-01"), false);
        let months: Vec<String> = t.ticks.iter().map(|t| t.month.to_string()).collect();
        assert_eq!(
            months,
            ["2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01"]
        );
        let long = [row(Some("2025-01-01"), Some("2028-01-01"), None)];
        let t = Timeline::new(L, &long, &[], d("2026-02-01"), false);
        assert!(t.ticks.iter().all(|t| t.month.month0() % 3 == 0));
        assert_eq!(t.ticks.len(), 13);
    }

    #[test]
    fn no_dates_at_all_still_draws_a_month_around_today() {
        let rows = [row(None, None, None)];
        let t = Timeline::new(L, &rows, &[], d("2026-02-10"), false);
        assert_eq!(t.from, d("2026-01-26"));
        assert!(t.today.is_some());
    }

    proptest! {
        #[test]
        fn every_bar_stays_inside_the_plot(
            spans in proptest::collection::vec((0i64..2000, 0i64..400, 0.0f64..=100.0), 1..30),
            rtl: bool,
        ) {
            let origin = d("2024-01-01");
            let rows: Vec<Row> = spans
                .iter()
                .map(|(s, len, p)| Row {
                    id: PlanItemId::new(),
                    dates: Dates {
                        start: Some(origin + chrono::Days::new(*s as u64)),
                        due: Some(origin + chrono::Days::new((*s + *len) as u64)),
                    },
                    progress: Some(*p),
                })
                .collect();
            let t = Timeline::new(L, &rows, &[], origin, rtl);
            let (low, high) = if rtl {
                (L.padding, L.width - L.label_width)
            } else {
                (L.label_width, L.width - L.padding)
            };
            for bar in t.bars.iter().flatten() {
                prop_assert!(bar.x >= low - 1e-9);
                prop_assert!(bar.x + bar.width <= high + Bar::MIN_WIDTH + 1e-9);
                prop_assert!(bar.done_width <= bar.width + 1e-9);
                prop_assert!(bar.done_x >= bar.x - 1e-9);
                prop_assert!(bar.done_x + bar.done_width <= bar.x + bar.width + 1e-9);
            }
            for tick in &t.ticks {
                prop_assert!(tick.x >= low - 1e-9 && tick.x <= high + 1e-9);
            }
        }
    }
}
