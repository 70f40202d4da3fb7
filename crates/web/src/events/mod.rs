//! Events: the list and an event's page (`pages`), open to anonymous readers for
//! public events, and the add and edit forms (`form`). What they share with the API:
//! reading ids and filters, the viewer's zone, and how an event's time and place
//! read.

pub(crate) mod calendar;
pub(crate) mod feed_cache;
mod form;
mod pages;
pub(crate) mod registration;
pub(crate) mod shared_calendar;

use chrono::{DateTime, DurationRound as _, Utc};
use serde::Deserialize;
use tadamun_core::events::{Event, can_manage};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{EventId, GroupId, OrganisationId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::time::Zone;
use tadamun_core::{Invalid, Problem};
use tadamun_store::events::{Direction, EventFilter};
use utoipa::IntoParams;

use crate::caller::Caller;
use crate::directory::{country_name, language_name};
use crate::error::{AppError, AppResult};
use crate::forms::{parse_region, present};
use crate::groups::parse_bound;
use crate::i18n;
use crate::state::AppState;

pub(crate) fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(pages::router())
        .merge(form::router())
        .merge(registration::router())
        .merge(calendar::router())
        .merge(shared_calendar::router())
}

/// An event id from a URL; anything else is not found.
pub(crate) fn event_id(raw: &str) -> AppResult<EventId> {
    EventId::parse(raw).map_err(|_| AppError::NotFound)
}

/// The zone to show times in: the one chosen on the page (`tz`), else the caller's.
pub(crate) fn viewer_zone(caller: &Caller, tz: &Option<String>) -> Result<Zone, Invalid> {
    match present(tz) {
        None => Ok(caller.zone()),
        Some(name) => Zone::parse(&name).map_err(|e| Invalid::new("tz", e.problem)),
    }
}

/// May the caller change this event?
pub(crate) fn may_manage(caller: &Caller, e: &Event) -> bool {
    can_manage(&caller.viewer, &e.fields.organisations)
}

/// May the caller add events? Members may, for their own organisation only.
pub(crate) fn may_create(caller: &Caller) -> bool {
    caller.viewer.can_write_network()
        || caller.user.as_ref().is_some_and(|u| {
            u.organisation.is_some() && caller.viewer.can_write(u.organisation.as_ref())
        })
}

/// Refuses, naming `organisations`, an event the caller could not manage once saved:
/// a member's event must stay one their organisation organises.
pub(crate) fn check_organisers(
    caller: &Caller,
    organisations: &[OrganisationId],
) -> Result<(), Invalid> {
    if can_manage(&caller.viewer, organisations) {
        Ok(())
    } else {
        Err(Invalid::new("organisations", Problem::Required))
    }
}

/// The filters of a list of events, as a query string sends them.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct EventQuery {
    /// IANA zone to show times in; the caller's own when absent.
    pub tz: Option<String>,
    /// Only events running on or after: `YYYY-MM-DD` (UTC) or an RFC 3339 instant.
    pub from: Option<String>,
    /// Only events starting on or before this day (`YYYY-MM-DD`, UTC) or before this
    /// RFC 3339 instant.
    pub to: Option<String>,
    /// Only events this working group organises (signed-in users).
    pub group: Option<String>,
    /// Only events this organisation organises.
    pub organisation: Option<String>,
    /// Only events organised by an organisation whose names or city hold every word.
    pub organiser: Option<String>,
    /// Only events held in or interpreted into this language (ISO 639 code).
    pub lang: Option<String>,
    /// Only events whose audience meets this UN M49 region or sub-region.
    pub region: Option<String>,
    /// Lists only: `upcoming` (the default: events not yet over, earliest first),
    /// `past` (events that are over, latest first) or `all` (earliest first).
    pub when: Option<String>,
    /// Lists only: `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Lists only: events per page, 1–500 (default 50).
    pub limit: Option<i64>,
}

/// Which events a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Period {
    /// Not yet over, earliest first.
    Upcoming,
    /// Over, latest first.
    Past,
    /// Everything, earliest first.
    All,
}

impl Period {
    fn parse(raw: &Option<String>) -> Result<Self, Invalid> {
        match present(raw).as_deref() {
            None | Some("upcoming") => Ok(Self::Upcoming),
            Some("past") => Ok(Self::Past),
            Some("all") => Ok(Self::All),
            Some(_) => Err(Invalid::new("when", Problem::UnknownValue)),
        }
    }

    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Upcoming => "upcoming",
            Self::Past => "past",
            Self::All => "all",
        }
    }
}

/// A page of a list of events to read: its filter, order and position.
pub(crate) struct Listing {
    pub period: Period,
    pub filter: EventFilter,
    pub direction: Direction,
    pub page: PageRequest,
}

impl Listing {
    /// The page of events `caller` may see.
    pub(crate) async fn read(
        &self,
        state: &AppState,
        caller: &Caller,
    ) -> AppResult<std::sync::Arc<Page<Event>>> {
        Ok(tadamun_store::events::page(
            &state.db,
            &caller.viewer,
            &self.filter,
            self.direction,
            &self.page,
        )
        .await?)
    }
}

impl EventQuery {
    /// The page of the list this query asks for, as of `now`. An explicit `from`
    /// wins over `upcoming`'s own start.
    ///
    /// "Now" is the start of the current minute: readers in the same minute ask for
    /// the same page, which is then read once (`events::page` keeps it). An event
    /// that ended seconds ago stays upcoming, not yet past, until the minute turns.
    pub(crate) fn listing(&self, caller: &Caller, now: DateTime<Utc>) -> Result<Listing, Invalid> {
        let now = now
            .duration_trunc(chrono::TimeDelta::minutes(1))
            .unwrap_or(now);
        let period = Period::parse(&self.when)?;
        let mut filter = self.filter(caller)?;
        let direction = match period {
            Period::Upcoming => {
                filter.from = filter.from.or(Some(now));
                Direction::Forward
            }
            Period::Past => {
                filter.ended_by = Some(now);
                Direction::Backward
            }
            Period::All => Direction::Forward,
        };
        let page = PageRequest::parse(self.limit, self.cursor.as_deref())?;
        Ok(Listing {
            period,
            filter,
            direction,
            page,
        })
    }

    /// The store's filter, naming the parameter at fault. Anonymous callers may not
    /// filter by working group, since groups are the network's own.
    pub(crate) fn filter(&self, caller: &Caller) -> Result<EventFilter, Invalid> {
        self.filter_as(caller.user.is_some())
    }

    /// As [`EventQuery::filter`], for a reader signed in or not.
    pub(crate) fn filter_as(&self, signed_in: bool) -> Result<EventFilter, Invalid> {
        let unknown = |field| move |_| Invalid::new(field, Problem::UnknownValue);
        let group = present(&self.group)
            .map(|g| GroupId::parse(&g).map_err(unknown("group")))
            .transpose()?;
        if group.is_some() && !signed_in {
            return Err(Invalid::new("group", Problem::UnknownValue));
        }
        Ok(EventFilter {
            from: parse_bound("from", &self.from, false)?,
            to: parse_bound("to", &self.to, true)?,
            group,
            organisation: present(&self.organisation)
                .map(|o| OrganisationId::parse(&o).map_err(unknown("organisation")))
                .transpose()?,
            organiser: words("organiser", &self.organiser)?,
            lang: present(&self.lang)
                .map(|l| LanguageCode::parse("lang", &l))
                .transpose()?,
            region: parse_region(&self.region)?.map(|r| r.m49.to_owned()),
            ended_by: None,
        })
    }
}

/// The longest text a name filter takes, in characters.
const MAX_WORDS: usize = 200;

/// A name filter's text, if given and not too long.
fn words(field: &'static str, raw: &Option<String>) -> Result<Option<String>, Invalid> {
    match present(raw) {
        Some(text) if text.chars().count() > MAX_WORDS => {
            Err(Invalid::new(field, Problem::TooLong { max: MAX_WORDS }))
        }
        text => Ok(text),
    }
}

/// An event's start and end as a reader in `zone` sees them, with the event's own
/// zone beside.
pub(crate) struct When {
    /// Start in the viewer's zone, `YYYY-MM-DD HH:MM`.
    pub start: String,
    /// End in the viewer's zone (only the time when on the same day).
    pub end: String,
    /// Start in the event's own zone, with the zone's name.
    pub own: String,
    /// Whether the viewer's zone is the event's own.
    pub same_zone: bool,
}

pub(crate) fn when(e: &Event, zone: Zone) -> When {
    let f = &e.fields;
    let start = f.start.in_zone(zone);
    let end = zone.format(f.end());
    let end = match (start.split_once(' '), end.split_once(' ')) {
        (Some((d1, _)), Some((d2, t2))) if d1 == d2 => t2.to_owned(),
        _ => end,
    };
    When {
        start,
        end,
        own: format!("{} {}", f.start.in_zone(f.start.zone), f.start.zone.name()),
        same_zone: zone == f.start.zone,
    }
}

/// Where the event is, in `lang`: online, a place, or both.
pub(crate) fn place_text(e: &Event, lang: Lang) -> String {
    let f = &e.fields;
    let mut parts = Vec::new();
    if let Some(city) = &f.city {
        parts.push(city.clone());
    }
    if let Some(country) = &f.country {
        parts.push(country_name(lang, country));
    }
    let place = i18n::join_list(lang, &parts);
    match (f.link.is_some(), place.is_empty()) {
        (true, true) => i18n::t(lang, "events-online"),
        (true, false) => format!("{place} · {}", i18n::t(lang, "events-online")),
        (false, _) => place,
    }
}

/// Language names in `lang`, joined.
pub(crate) fn languages_text(lang: Lang, codes: &[LanguageCode]) -> String {
    let names: Vec<String> = codes.iter().map(|c| language_name(lang, c)).collect();
    i18n::join_list(lang, &names)
}

/// Region names in `lang`, joined.
pub(crate) fn regions_text(lang: Lang, codes: &[String]) -> String {
    let names: Vec<String> = codes
        .iter()
        .filter_map(|c| tadamun_core::geo::region(c))
        .map(|r| r.name(lang).to_owned())
        .collect();
    i18n::join_list(lang, &names)
}

/// The translated name of an event's kind.
pub(crate) fn kind_label(lang: Lang, e: &Event) -> String {
    i18n::t(lang, &format!("event-kind-{}", e.fields.kind.as_str()))
}

/// An event that clashes with another, as pages show it.
pub(crate) struct ClashRow {
    pub id: String,
    pub title: String,
    pub start: String,
    pub end: String,
    /// What they share, named in the reader's language.
    pub shared: String,
}

/// The events `caller` may see that clash with `e`, in `zone`.
pub(crate) async fn clash_rows(
    state: &AppState,
    caller: &Caller,
    e: &Event,
    zone: Zone,
) -> AppResult<Vec<ClashRow>> {
    let f = &e.fields;
    let found = tadamun_store::events::clashes(
        &state.db,
        &caller.viewer,
        f.start.at,
        f.end(),
        &tadamun_core::events::clash::Audience::of(f),
        Some(&e.id),
    )
    .await?;
    Ok(found
        .into_iter()
        .map(|(other, shared)| {
            let w = when(&other, zone);
            let mut parts = Vec::new();
            if !shared.regions.is_empty() {
                parts.push(regions_text(caller.lang, &shared.regions));
            }
            if !shared.languages.is_empty() {
                parts.push(languages_text(caller.lang, &shared.languages));
            }
            ClashRow {
                id: other.id.to_string(),
                title: other.fields.title_in(caller.lang).to_owned(),
                start: w.start,
                end: w.end,
                shared: i18n::join_list(caller.lang, &parts),
            }
        })
        .collect())
}
