//! The slot finder's page: target countries or regions, a duration and a date range
//! in; the best start times, each country's local time, and a day-by-hour overview
//! in the viewer's zone out.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::Utc;
use serde::Deserialize;
use tadamun_core::Invalid;
use tadamun_core::coordination::slots::{self, Day, Slot, SlotInput, SlotRequest, Target};
use tadamun_core::geo;
use tadamun_core::i18n::Lang;
use tadamun_core::time::Zone;
use tadamun_store::versions::Area;
use tadamun_store::{Db, coverage};

use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::{Choice, FormError, Params};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

/// How many slots are listed when no limit is given, and at most.
const DEFAULT_LIMIT: i64 = 10;
const MAX_LIMIT: i64 = 50;

/// The slot finder's parameters, for the page and the API.
#[derive(Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct SlotQuery {
    /// Target countries by ISO code or name, separated by commas (`KE,GB,MY`).
    pub countries: Option<String>,
    /// Target UN M49 regions or sub-regions, separated by commas (`002` Africa):
    /// their countries where the coalition has organisations.
    pub regions: Option<String>,
    /// The meeting's length in minutes, 15–720 (default 90).
    pub duration: Option<String>,
    /// The earliest start: a date (from the start of that day in `zone`) or an
    /// RFC 3339 instant. Default: tomorrow.
    pub from: Option<String>,
    /// The latest end: a date (to the end of that day in `zone`) or an RFC 3339
    /// instant; at most 31 days after `from`. Default: seven days after `from`.
    pub to: Option<String>,
    /// The earliest local start everywhere, `HH:MM` (default 09:00).
    pub wake_from: Option<String>,
    /// The latest local end everywhere, `HH:MM` (default 21:00).
    pub wake_to: Option<String>,
    /// `1` to count each country only on its working days (its weekend per Unicode
    /// CLDR: Friday and Saturday in most of the Arab world).
    pub working_days: Option<String>,
    /// The IANA zone that dates are read in and times shown in; default the
    /// caller's own.
    pub zone: Option<String>,
    /// How many slots to return, 1–50 (default 10).
    pub limit: Option<String>,
}

fn text(value: Option<&String>) -> String {
    value.map(|v| v.trim().to_owned()).unwrap_or_default()
}

impl SlotQuery {
    fn input(&self) -> SlotInput {
        SlotInput {
            countries: text(self.countries.as_ref()),
            regions: text(self.regions.as_ref()),
            duration: text(self.duration.as_ref()),
            from: text(self.from.as_ref()),
            to: text(self.to.as_ref()),
            wake_from: text(self.wake_from.as_ref()),
            wake_to: text(self.wake_to.as_ref()),
            working_days: text(self.working_days.as_ref()),
        }
    }

    /// Whether anything was asked (an empty page shows only the form).
    fn asked(&self) -> bool {
        self.countries
            .as_deref()
            .is_some_and(|c| !c.trim().is_empty())
            || self
                .regions
                .as_deref()
                .is_some_and(|r| !r.trim().is_empty())
    }

    fn zone(&self, caller: &Caller) -> Result<Zone, Invalid> {
        match self.zone.as_deref().map(str::trim) {
            None | Some("") => Ok(caller.zone()),
            Some(name) => Zone::parse(name).map_err(|e| Invalid::new("zone", e.problem)),
        }
    }

    fn limit(&self) -> Result<usize, Invalid> {
        let out_of_range = Invalid::new(
            "limit",
            tadamun_core::Problem::OutOfRange {
                min: 1,
                max: MAX_LIMIT,
            },
        );
        let n = match self.limit.as_deref().map(str::trim) {
            None | Some("") => DEFAULT_LIMIT,
            Some(raw) => raw
                .parse::<i64>()
                .map_err(|_| Invalid::new("limit", tadamun_core::Problem::Number))?,
        };
        if !(1..=MAX_LIMIT).contains(&n) {
            return Err(out_of_range);
        }
        Ok(usize::try_from(n).unwrap_or(10))
    }
}

/// A checked search: what was asked, for whom, and in which zone it is shown.
pub(crate) struct Search {
    pub request: SlotRequest,
    pub targets: Vec<Target>,
    pub zone: Zone,
    pub limit: usize,
}

/// What a search found: its best starts, and the day-by-hour overview.
pub(crate) struct Found {
    pub slots: Vec<Slot>,
    pub days: Vec<Day>,
}

/// Everything a search's findings are worked out from: each target country with its
/// weight, the range, the meeting, the viewer's zone and how many starts are listed.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct FoundKey {
    targets: Vec<(&'static str, i64)>,
    from: chrono::DateTime<Utc>,
    to: chrono::DateTime<Utc>,
    meeting: slots::Meeting,
    zone: &'static str,
    limit: usize,
}

impl Search {
    /// What this search finds, kept while the organisations' version stands: scoring
    /// hundreds of starts in dozens of time zones costs more than the rest of the
    /// page, and everyone asking the same of the same organisations gets the same.
    pub(crate) async fn found(&self, state: &AppState) -> AppResult<std::sync::Arc<Found>> {
        let key = FoundKey {
            targets: self
                .targets
                .iter()
                .map(|t| (t.country.code, t.weight))
                .collect(),
            from: self.request.from,
            to: self.request.to,
            meeting: self.request.meeting,
            zone: self.zone.name(),
            limit: self.limit,
        };
        state
            .slot_searches
            .get_or_read(&state.db, Area::Organisations, &key, async || {
                Ok(Found {
                    slots: slots::find(&self.targets, &self.request, self.limit),
                    days: slots::days(&self.targets, &self.request, self.zone),
                })
            })
            .await
    }
}

/// Checks `q` and weighs its countries by the organisations the caller may see there.
pub(crate) async fn search(
    db: &Db,
    caller: &Caller,
    q: &SlotQuery,
) -> AppResult<Result<Search, Invalid>> {
    let checked = q.zone(caller).and_then(|zone| {
        let today = zone.local(Utc::now()).date();
        let request = q.input().validate(zone, today)?;
        Ok((zone, request, q.limit()?))
    });
    let (zone, request, limit) = match checked {
        Ok(c) => c,
        Err(invalid) => return Ok(Err(invalid)),
    };
    let counts = coverage::counts(db, &caller.viewer, None).await?;
    let targets = slots::audience(&request, |code| counts.country(code).present());
    Ok(Ok(Search {
        request,
        targets,
        zone,
        limit,
    }))
}

/// One proposed start as shown.
struct SlotRow {
    /// The weekday in the viewer's zone.
    weekday: String,
    /// The date and time in the viewer's zone.
    local: String,
    utc: String,
    percent: i64,
    places: Vec<PlaceCell>,
}

struct PlaceCell {
    time: String,
    /// Everyone in the country is within waking hours.
    awake: bool,
    /// Some of its zones are.
    partly: bool,
}

/// One target country as shown.
struct Counted {
    name: String,
    weight: i64,
    zones: usize,
}

/// One row of the overview grid.
struct DayRow {
    label: String,
    cells: Vec<Option<(u8, i64)>>,
}

#[derive(Template, WebTemplate)]
#[template(path = "coordination/slots.html")]
struct SlotsPage {
    shell: Shell,
    form: SlotInput,
    regions: Vec<Choice>,
    zones: Vec<Choice>,
    error: Option<FormError>,
    asked: bool,
    audience: Vec<Counted>,
    slots: Vec<SlotRow>,
    days: Vec<DayRow>,
    zone: String,
}

impl SlotsPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

fn percent(score: f64) -> i64 {
    (score * 100.0).round() as i64
}

/// The colour class of a score: 0 none, 1–4 a quarter more each.
fn class(score: f64) -> u8 {
    match percent(score) {
        0 => 0,
        1..=49 => 1,
        50..=74 => 2,
        75..=99 => 3,
        _ => 4,
    }
}

fn weekday(lang: Lang, date: chrono::NaiveDate) -> String {
    use chrono::Datelike as _;
    let n = date.weekday().number_from_monday();
    i18n::t(lang, &format!("weekday-{n}"))
}

fn slot_row(lang: Lang, zone: Zone, slot: &Slot) -> SlotRow {
    let local = zone.local(slot.start);
    SlotRow {
        weekday: weekday(lang, local.date()),
        local: local.format("%Y-%m-%d %H:%M").to_string(),
        utc: slot.start.format("%H:%M").to_string(),
        percent: percent(slot.score),
        places: slot
            .places
            .iter()
            .map(|p| PlaceCell {
                time: p.text(),
                awake: p.awake >= 1.0,
                partly: p.awake > 0.0 && p.awake < 1.0,
            })
            .collect(),
    }
}

fn day_row(lang: Lang, day: &Day) -> DayRow {
    DayRow {
        label: format!("{} {}", weekday(lang, day.date), day.date.format("%m-%d")),
        cells: day
            .hours
            .iter()
            .map(|h| h.map(|s| (class(s), percent(s))))
            .collect(),
    }
}

pub(crate) async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<SlotQuery>,
) -> AppResult<Response> {
    caller.user()?;
    let lang = caller.lang;
    let asked = q.asked();
    let mut page = SlotsPage {
        shell: Shell::new(&caller, "slots"),
        form: q.input(),
        regions: crate::directory::region_choices(lang, q.regions.as_deref().unwrap_or("")),
        zones: Choice::list(
            Zone::all_names().map(|z| (z, z.to_owned())),
            q.zone.as_deref().unwrap_or(caller.zone().name()),
        ),
        error: None,
        asked,
        audience: Vec::new(),
        slots: Vec::new(),
        days: Vec::new(),
        zone: caller.zone().name().to_owned(),
    };
    if !asked {
        return Ok(page.into_response());
    }
    match search(&state.db, &caller, &q).await? {
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Ok(found) => {
            page.zone = found.zone.name().to_owned();
            page.audience = found
                .targets
                .iter()
                .map(|t| Counted {
                    name: geo::country(t.country.code)
                        .map_or("", |c| c.name(lang))
                        .to_owned(),
                    weight: t.weight,
                    zones: t.zones.len(),
                })
                .collect();
            let results = found.found(&state).await?;
            page.slots = results
                .slots
                .iter()
                .map(|s| slot_row(lang, found.zone, s))
                .collect();
            page.days = results.days.iter().map(|d| day_row(lang, d)).collect();
            Ok(page.into_response())
        }
    }
}
