//! The shared calendar of the whole network: a month or a week of events, each on
//! the days it falls in the reader's zone, filtered like the list (which is the
//! third view). Right-to-left in Arabic through the table's own direction.

use std::collections::BTreeMap;
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Datelike as _, Duration, NaiveDate, Utc};
use serde::Deserialize;
use tadamun_core::events::Event;
use tadamun_core::events::views::{days_of, month, week};
use tadamun_core::i18n::Lang;
use tadamun_core::time::Zone;
use tadamun_core::{Invalid, Problem};
use tadamun_store::events;
use tadamun_store::versions::Area;

use super::{EventQuery, viewer_zone};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{FormError, Params, present, query_string};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/calendar", get(page))
}

#[derive(Deserialize)]
struct CalendarQuery {
    /// month (the default) or week.
    view: Option<String>,
    /// A day of the month or week shown, `YYYY-MM-DD`; today when absent.
    date: Option<String>,
    tz: Option<String>,
    group: Option<String>,
    organisation: Option<String>,
    lang: Option<String>,
    region: Option<String>,
}

/// An event in a day's cell.
struct Item {
    id: String,
    title: String,
    time: String,
    cancelled: bool,
}

/// A day's cell.
struct Day {
    label: String,
    date: String,
    outside: bool,
    today: bool,
    items: Vec<Item>,
}

#[derive(Template, WebTemplate)]
#[template(path = "events/calendar.html")]
struct CalendarPage {
    shell: Shell,
    heading: String,
    /// The rendered [`CalendarGrid`], kept between requests.
    grid: Arc<String>,
    is_week: bool,
    zone: String,
    prev: String,
    next: String,
    month_link: String,
    week_link: String,
    list_link: String,
    error: Option<FormError>,
}

/// A month's or week's table of days and their events.
#[derive(Template)]
#[template(path = "events/calendar_grid.html")]
struct CalendarGrid {
    heading: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<Day>>,
    is_week: bool,
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<CalendarQuery>,
) -> AppResult<Response> {
    let lang = caller.lang;
    let filters = query_string(&[
        ("group", &q.group),
        ("organisation", &q.organisation),
        ("lang", &q.lang),
        ("region", &q.region),
        ("tz", &q.tz),
    ]);
    let with = |extra: String| {
        if filters.is_empty() {
            extra
        } else {
            format!("{extra}&{filters}")
        }
    };
    let is_week = present(&q.view).as_deref() == Some("week");
    let parsed = (|| -> Result<_, Invalid> {
        if let Some(v) = present(&q.view)
            && v != "week"
            && v != "month"
        {
            return Err(Invalid::new("view", Problem::UnknownValue));
        }
        let zone = viewer_zone(&caller, &q.tz)?;
        let today = NaiveDate::parse_from_str(&zone.format(Utc::now())[..10], "%Y-%m-%d")
            .unwrap_or_default();
        let date = match present(&q.date) {
            None => today,
            Some(d) => NaiveDate::parse_from_str(&d, "%Y-%m-%d")
                .map_err(|_| Invalid::new("date", Problem::Date))?,
        };
        let query = EventQuery {
            group: q.group.clone(),
            organisation: q.organisation.clone(),
            lang: q.lang.clone(),
            region: q.region.clone(),
            ..Default::default()
        };
        Ok((zone, today, date, query.filter(&caller)?))
    })();
    let (zone, today, date, mut filter) = match parsed {
        Ok(ok) => ok,
        Err(invalid) => {
            let page = CalendarPage {
                shell: Shell::new(&caller, "events"),
                heading: i18n::t(lang, "calendar-title"),
                grid: Arc::default(),
                is_week,
                zone: caller.zone().name().to_owned(),
                prev: String::new(),
                next: String::new(),
                month_link: "/calendar".into(),
                week_link: "/calendar?view=week".into(),
                list_link: "/events".into(),
                error: Some(FormError::new(lang, &invalid)),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let weeks = if is_week {
        vec![week(date)]
    } else {
        month(date)
    };
    let (prev, next) = if is_week {
        (date - Duration::days(7), date + Duration::days(7))
    } else {
        let first_of = date.with_day(1).unwrap_or(date);
        (
            (first_of - Duration::days(1))
                .with_day(1)
                .unwrap_or(first_of),
            (first_of + Duration::days(32))
                .with_day(1)
                .unwrap_or(first_of),
        )
    };
    let key = GridKey {
        signed_in: caller.user.is_some(),
        lang,
        zone: zone.name().to_owned(),
        first: weeks[0][0],
        is_week,
        month: date.month(),
        today,
        filters: filters.clone(),
    };
    let grid = state
        .calendar_grids
        .get_or_read(&state.db, Area::Events, &key, async || {
            filter.from = Some(day_start(key.first) - Duration::days(1));
            filter.to = Some(day_start(weeks[weeks.len() - 1][6]) + Duration::days(2));
            let found = events::list(&state.db, &caller.viewer, &filter).await?;
            render_grid(&key, date, &weeks, &found, zone)
        })
        .await?;
    let view = if is_week { "week" } else { "month" };
    let page = CalendarPage {
        shell: Shell::new(&caller, "events"),
        heading: heading(lang, is_week, &weeks, date),
        grid,
        is_week,
        zone: zone.name().to_owned(),
        prev: with(format!("/calendar?view={view}&date={prev}")),
        next: with(format!("/calendar?view={view}&date={next}")),
        month_link: with(format!("/calendar?view=month&date={date}")),
        week_link: with(format!("/calendar?view=week&date={date}")),
        list_link: if filters.is_empty() {
            "/events".into()
        } else {
            format!("/events?{filters}")
        },
        error: None,
    };
    Ok(page.into_response())
}

/// The start of day `d`, read as UTC.
fn day_start(d: NaiveDate) -> DateTime<Utc> {
    d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc()
}

/// The month's name and year, or a week's first and last days.
fn heading(lang: Lang, is_week: bool, weeks: &[Vec<NaiveDate>], date: NaiveDate) -> String {
    if is_week {
        format!("{} – {}", weeks[0][0], weeks[weeks.len() - 1][6])
    } else {
        format!(
            "{} {}",
            i18n::t(lang, &format!("month-{}", date.month())),
            date.year()
        )
    }
}

/// Everything a calendar grid is made from besides the events themselves, so a grid
/// rendered once is the same for every reader with the same key while the events'
/// version stands. Which events a reader sees depends only on whether they are signed
/// in: events are public or for the network's members ([`events::list`]).
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct GridKey {
    signed_in: bool,
    lang: Lang,
    zone: String,
    /// The grid's first day.
    first: NaiveDate,
    is_week: bool,
    /// The month shown: its days are not greyed out.
    month: u32,
    today: NaiveDate,
    /// The filters' query string: the same text always filters the same way.
    filters: String,
}

/// A month's or week's grid with `found` on the days they fall on in `zone`.
fn render_grid(
    key: &GridKey,
    date: NaiveDate,
    weeks: &[Vec<NaiveDate>],
    found: &[Event],
    zone: Zone,
) -> AppResult<String> {
    let lang = key.lang;
    let mut by_day: BTreeMap<NaiveDate, Vec<Item>> = BTreeMap::new();
    for e in found {
        for d in days_of(&e.fields, zone) {
            by_day.entry(d).or_default().push(Item {
                id: e.id.to_string(),
                title: e.fields.title_in(lang).to_owned(),
                time: zone.format(e.fields.start.at)[11..].to_owned(),
                cancelled: e.cancelled,
            });
        }
    }
    let heading = heading(lang, key.is_week, weeks, date);
    let weeks = weeks
        .iter()
        .map(|w| {
            w.iter()
                .map(|d| Day {
                    label: d.day().to_string(),
                    date: d.to_string(),
                    outside: !key.is_week && d.month() != key.month,
                    today: *d == key.today,
                    items: by_day.remove(d).unwrap_or_default(),
                })
                .collect()
        })
        .collect();
    let grid = CalendarGrid {
        heading,
        weekdays: (1..=7)
            .map(|i| i18n::t(lang, &format!("weekday-{i}")))
            .collect(),
        weeks,
        is_week: key.is_week,
    };
    grid.render().map_err(|e| AppError::Internal(e.to_string()))
}
