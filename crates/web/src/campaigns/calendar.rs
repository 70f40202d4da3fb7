//! The editorial calendar: scheduled publications by day, a month or a week at a
//! time, in the reader's zone, for every campaign or one.
use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{Datelike as _, NaiveDate, NaiveTime, TimeZone as _};
use serde::Deserialize;
use tadamun_core::campaigns::publications::{Publication, month_grid, week_of};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{CampaignId, ContentItemId};
use tadamun_core::{Invalid, Problem};
use tadamun_store::campaigns::{self as store, content, publications};
use tadamun_store::versions::Area;
use utoipa::IntoParams;

use super::{channel_label, today};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormError, Params, present};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/content/calendar", get(page))
}

/// What the calendar shows.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct CalendarQuery {
    /// `month` (the default) or `week`.
    pub view: Option<String>,
    /// A day of the month or week shown, `YYYY-MM-DD`; today by default.
    pub date: Option<String>,
    /// Only this campaign's publications.
    pub campaign: Option<String>,
}

/// A month or a week, and the campaign it is narrowed to.
pub(crate) struct Range {
    pub week: bool,
    pub days: Vec<NaiveDate>,
    pub day: NaiveDate,
    pub campaign: Option<CampaignId>,
}

impl CalendarQuery {
    pub(crate) fn range(&self, today: NaiveDate) -> Result<Range, Invalid> {
        let week = match present(&self.view).as_deref() {
            None | Some("month") => false,
            Some("week") => true,
            Some(_) => return Err(Invalid::new("view", Problem::UnknownValue)),
        };
        let day =
            tadamun_core::directory::parse_date("date", self.date.as_deref().unwrap_or_default())?
                .unwrap_or(today);
        let campaign = present(&self.campaign)
            .map(|c| {
                CampaignId::parse(&c).map_err(|_| Invalid::new("campaign", Problem::UnknownValue))
            })
            .transpose()?;
        Ok(Range {
            week,
            days: if week { week_of(day) } else { month_grid(day) },
            day,
            campaign,
        })
    }
}

/// The publications of `range`, each on its day in `caller`'s zone.
pub(crate) async fn publications_in(
    state: &AppState,
    caller: &Caller,
    range: &Range,
) -> AppResult<Vec<(NaiveDate, Publication)>> {
    let (Some(first), Some(last)) = (range.days.first(), range.days.last()) else {
        return Ok(Vec::new());
    };
    // A day in the reader's zone lies within a day either side of the same UTC day.
    let from =
        chrono::Utc.from_utc_datetime(&first.and_time(NaiveTime::MIN)) - chrono::Duration::days(1);
    let to =
        chrono::Utc.from_utc_datetime(&last.and_time(NaiveTime::MIN)) + chrono::Duration::days(2);
    let zone = caller.zone();
    Ok(
        publications::between(&state.db, range.campaign.as_ref(), from, to)
            .await?
            .into_iter()
            .map(|p| (zone.local(p.fields.start.at).date(), p))
            .filter(|(d, _)| range.days.contains(d))
            .collect(),
    )
}

#[derive(Clone)]
struct Entry {
    item: String,
    title: String,
    source_lang: String,
    time: String,
    lang: String,
    channel: String,
    published: bool,
}

#[derive(Clone)]
struct Day {
    date: String,
    number: u32,
    weekday: String,
    in_month: bool,
    today: bool,
    entries: Vec<Entry>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/calendar.html")]
struct CalendarPage {
    shell: Shell,
    week: bool,
    title: String,
    /// The rendered [`CalendarGrid`], kept between requests.
    grid: Arc<String>,
    campaigns: Vec<Choice>,
    previous: String,
    next: String,
    zone: String,
    error: Option<FormError>,
}

/// A month's table or a week's list of days with their publications.
#[derive(Template)]
#[template(path = "campaigns/calendar_grid.html")]
struct CalendarGrid {
    week: bool,
    caption: String,
    published: String,
    weekdays: Vec<String>,
    weeks: Vec<Vec<Day>>,
}

/// Everything an editorial calendar's grid is made from besides the publications, so
/// a grid rendered once is the same for every signed-in reader with the same key
/// while the campaigns' version stands: every signed-in reader sees every scheduled
/// publication.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct GridKey {
    lang: Lang,
    zone: String,
    week: bool,
    /// The grid's first day.
    first: NaiveDate,
    /// The month shown: its days are not greyed out.
    month: u32,
    today: NaiveDate,
    campaign: Option<CampaignId>,
}

fn weekday_label(lang: tadamun_core::i18n::Lang, d: NaiveDate) -> String {
    crate::i18n::t(
        lang,
        &format!("editorial-day-{}", d.weekday().num_days_from_monday()),
    )
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<CalendarQuery>,
) -> AppResult<Response> {
    caller.user()?;
    let lang = caller.lang;
    let today = today(&caller);
    let current = q.campaign.clone().unwrap_or_default();
    let campaigns = store::names(&state.db, lang)
        .await?
        .iter()
        .map(|(id, label)| Choice {
            selected: id.as_str() == current.trim(),
            value: id.to_string(),
            label: label.clone(),
        })
        .collect();
    let mut page = CalendarPage {
        shell: Shell::new(&caller, "campaigns"),
        week: false,
        title: String::new(),
        grid: Arc::default(),
        campaigns,
        previous: String::new(),
        next: String::new(),
        zone: caller.zone().name().to_owned(),
        error: None,
    };
    let range = match q.range(today) {
        Ok(r) => r,
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let step = |forward: bool| {
        let d = if range.week {
            if forward {
                range.day + chrono::Days::new(7)
            } else {
                range.day - chrono::Days::new(7)
            }
        } else {
            let first = range.day.with_day(1).unwrap_or(range.day);
            if forward {
                first + chrono::Months::new(1)
            } else {
                first - chrono::Months::new(1)
            }
        };
        let view = if range.week { "week" } else { "month" };
        let campaign = range
            .campaign
            .as_ref()
            .map(|c| format!("&campaign={c}"))
            .unwrap_or_default();
        format!("/content/calendar?view={view}&date={d}{campaign}")
    };
    page.week = range.week;
    page.title = if range.week {
        match (range.days.first(), range.days.last()) {
            (Some(a), Some(b)) => format!("{a} – {b}"),
            _ => String::new(),
        }
    } else {
        format!("{:04}-{:02}", range.day.year(), range.day.month())
    };
    page.previous = step(false);
    page.next = step(true);
    let key = GridKey {
        lang,
        zone: caller.zone().name().to_owned(),
        week: range.week,
        first: range.days.first().copied().unwrap_or(range.day),
        month: range.day.month(),
        today,
        campaign: range.campaign.clone(),
    };
    let caption = format!("{} {}", crate::i18n::t(lang, "editorial-title"), page.title);
    page.grid = state
        .editorial_grids
        .get_or_read(&state.db, Area::Campaigns, &key, async || {
            render_grid(&state, &caller, &range, today, caption).await
        })
        .await?;
    Ok(page.into_response())
}

/// The grid of `range`: each day with the publications scheduled on it in the
/// reader's zone.
async fn render_grid(
    state: &AppState,
    caller: &Caller,
    range: &Range,
    today: NaiveDate,
    caption: String,
) -> AppResult<String> {
    let lang = caller.lang;
    let found = publications_in(state, caller, range).await?;
    let mut ids: Vec<ContentItemId> = found.iter().map(|(_, p)| p.item.clone()).collect();
    ids.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    ids.dedup();
    let titles = content::titles_of(&state.db, &ids).await?;
    let zone = caller.zone();
    let days: Vec<Day> = range
        .days
        .iter()
        .map(|d| Day {
            date: d.to_string(),
            number: d.day(),
            weekday: weekday_label(lang, *d),
            in_month: range.week || d.month() == range.day.month(),
            today: *d == today,
            entries: found
                .iter()
                .filter(|(day, _)| day == d)
                .map(|(_, p)| {
                    let (title, source_lang) = titles
                        .get(&p.item)
                        .map(|(t, l)| (t.clone(), l.as_str().to_owned()))
                        .unwrap_or_default();
                    Entry {
                        item: p.item.to_string(),
                        title,
                        source_lang,
                        time: p
                            .fields
                            .start
                            .in_zone(zone)
                            .get(11..)
                            .unwrap_or_default()
                            .to_owned(),
                        lang: p.fields.lang.as_str().to_owned(),
                        channel: channel_label(lang, p.fields.channel),
                        published: p.fields.url.is_some(),
                    }
                })
                .collect(),
        })
        .collect();
    let grid = CalendarGrid {
        week: range.week,
        caption,
        published: crate::i18n::t(lang, "schedule-published-link"),
        weekdays: week_of(today)
            .into_iter()
            .map(|d| weekday_label(lang, d))
            .collect(),
        weeks: days.chunks(7).map(<[Day]>::to_vec).collect(),
    };
    grid.render().map_err(|e| AppError::Internal(e.to_string()))
}
