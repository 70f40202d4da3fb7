//! A plan's timeline: a Gantt chart drawn on the server as SVG, with a line for
//! today, the dependencies between actions and overdue items marked, mirrored for
//! right-to-left readers. The geometry is core's (`plans::gantt`). The chart and its
//! table are drawn once per plan, language and day and kept while the plans' version
//! stands: a plan of 500 items is 300 KB of SVG and HTML.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::gantt::{Bar, Layout, Row, Timeline};
use tadamun_core::svg::Tenths;
use tadamun_store::plans::{self, PlanTree};
use tadamun_store::versions::Area;

use super::{ItemRow, Owners, in_order, parse_item_id, rows_named, today};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/plans/{id}/timeline", get(page))
}

/// One row of the chart: the item, its bar, and where its title stands.
struct ChartRow {
    item: ItemRow,
    bar: Option<Bar>,
    label_y: f64,
    /// The title, shortened to fit the column of titles.
    label: String,
    /// The centre of a milestone's marker, as SVG `points`.
    diamond: String,
}

struct TickLabel {
    x: f64,
    /// Where the month's name starts: just after the tick in time.
    label_x: f64,
    text: String,
    /// Whether the month's name is written (when ticks are close, only some are).
    named: bool,
}

/// The room a month's name needs on the time axis, in SVG units.
const MONTH_LABEL_WIDTH: f64 = 70.0;

#[derive(Template, WebTemplate)]
#[template(path = "plans/timeline.html")]
struct TimelinePage {
    shell: Shell,
    chart: Arc<Chart>,
}

/// A plan's chart and its table as HTML, with what the page around them names.
pub(crate) struct Chart {
    plan_id: String,
    title: String,
    html: String,
}

/// Everything a chart is drawn from besides the plan's tree: it names no owners and
/// offers no edits, so it is the same for every reader of one language on one day.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct ChartKey {
    /// The plan or item asked for (its plan's chart is drawn).
    item: PlanItemId,
    lang: Lang,
    today: NaiveDate,
}

#[derive(Template)]
#[template(path = "plans/timeline_chart.html")]
struct ChartHtml {
    lang: Lang,
    title: String,
    rows: Vec<ChartRow>,
    ticks: Vec<TickLabel>,
    timeline: Timeline,
    /// Where the titles are anchored: `start`, in the reading direction.
    label_x: f64,
    direction: &'static str,
}

impl ChartHtml {
    fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    fn field(&self, name: &str) -> String {
        i18n::field(self.lang, name)
    }
}

/// `value` with one decimal, for the template (which hands values by reference).
fn tenths(value: &f64) -> Tenths {
    Tenths(*value)
}

/// At most this many characters of a title fit the column of titles.
const LABEL_CHARS: usize = 38;

fn shorten(title: &str, depth: usize) -> String {
    let room = LABEL_CHARS.saturating_sub(depth * 2);
    let indent = "  ".repeat(depth);
    if title.chars().count() <= room {
        format!("{indent}{title}")
    } else {
        let cut: String = title.chars().take(room.saturating_sub(1)).collect();
        format!("{indent}{}…", cut.trim_end())
    }
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<TimelinePage> {
    caller.user()?;
    let key = ChartKey {
        item: parse_item_id(&id)?,
        lang: caller.lang,
        today: today(),
    };
    let chart = state
        .timelines
        .get_or_read(&state.db, Area::Plans, &key, async || {
            let tree = plans::tree_containing(&state.db, &key.item).await?;
            draw(&key, &tree)
        })
        .await?;
    Ok(TimelinePage {
        shell: Shell::new(&caller, "plans"),
        chart,
    })
}

/// The chart of `tree` and its table, as [`ChartKey`] asks.
fn draw(key: &ChartKey, tree: &PlanTree) -> AppResult<Chart> {
    let lang = key.lang;
    let ordered = in_order(tree);
    let rows: Vec<Row> = ordered
        .iter()
        .map(|i| Row {
            id: i.id.clone(),
            dates: i.fields.dates,
            progress: tree.progress.get(&i.id).copied(),
        })
        .collect();
    let dependencies: Vec<_> = tree
        .dependencies
        .iter()
        .map(|d| (d.before.clone(), d.after.clone()))
        .collect();
    let rtl = lang.dir().as_str() == "rtl";
    let timeline = Timeline::new(Layout::STANDARD, &rows, &dependencies, key.today, rtl);
    // The chart names no owners.
    let items = rows_named(lang, tree, &Owners::default(), key.today);
    // Month names need about 70 units; name only every n-th tick when they are closer.
    let spacing = match timeline.ticks.as_slice() {
        [a, b, ..] => (b.x - a.x).abs(),
        _ => f64::MAX,
    };
    let every = (MONTH_LABEL_WIDTH / spacing).ceil().max(1.0) as usize;
    let ticks = timeline
        .ticks
        .iter()
        .enumerate()
        .map(|(i, t)| TickLabel {
            named: i % every == 0,
            x: t.x,
            label_x: if rtl { t.x - 3.0 } else { t.x + 3.0 },
            text: format!(
                "{} {}",
                i18n::t(lang, &format!("month-{}", t.month.month())),
                t.month.year()
            ),
        })
        .collect();
    let chart_rows = items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let bar = timeline.bars.get(i).copied().flatten();
            let diamond = bar
                .filter(|b| b.milestone)
                .map(|b| {
                    let (x, y, r) = (b.x + b.width / 2.0, b.y + b.height / 2.0, b.height / 2.0);
                    let (left, right, top, bottom) =
                        (Tenths(x - r), Tenths(x + r), Tenths(y - r), Tenths(y + r));
                    let (x, y) = (Tenths(x), Tenths(y));
                    format!("{x},{top} {right},{y} {x},{bottom} {left},{y}")
                })
                .unwrap_or_default();
            ChartRow {
                label: shorten(&item.title, item.depth),
                item,
                bar,
                label_y: timeline.label_y(i),
                diamond,
            }
        })
        .collect::<Vec<_>>();
    // The plan comes first.
    let (plan_id, title) = chart_rows
        .first()
        .map(|r| (r.item.id.clone(), r.item.title.clone()))
        .unwrap_or_default();
    let html = ChartHtml {
        lang,
        title: title.clone(),
        rows: chart_rows,
        ticks,
        label_x: timeline.label_x(),
        direction: if rtl { "rtl" } else { "ltr" },
        timeline,
    }
    .render()
    .map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(Chart {
        plan_id,
        title,
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::shorten;

    #[test]
    fn long_titles_are_cut_with_an_ellipsis_and_indented_by_depth() {
        assert_eq!(shorten("Legal track", 1), "  Legal track");
        let long = "Cartographie des partenaires et prise de contact en Afrique de l'Est";
        let short = shorten(long, 2);
        assert!(short.ends_with('…'));
        assert!(short.chars().count() <= super::LABEL_CHARS);
    }
}
