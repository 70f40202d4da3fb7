//! The slot finder: the start times at which most of a target audience, spread over
//! several countries and time zones, is within its waking hours.
//!
//! Each target country weighs as many organisations as the coalition has there
//! (members and partners); a country named on its own counts at least once, and a
//! country reached only through a region counts only if it has organisations (unless
//! none of them has, when each counts once). Within a country every one of its time
//! zones counts equally (the tz database says nothing of population), so a slot that
//! suits New York but not Honolulu scores part of the United States.

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike as _, Utc};

use crate::geo::{self, Country, Region};
use crate::time::Zone;
use crate::{Invalid, Problem};

/// Candidate starts are this many minutes apart, on the UTC clock.
pub const STEP_MINUTES: i64 = 30;
/// The longest date range searched, in days.
pub const MAX_DAYS: i64 = 31;
/// The shortest and longest meeting, in minutes.
pub const DURATION_RANGE: (i64, i64) = (15, 720);
/// The duration searched when none is given, in minutes.
pub const DEFAULT_DURATION: i64 = 90;
/// How many days are searched when no end is given.
pub const DEFAULT_DAYS: i64 = 7;

/// The local hours within which people can be asked to meet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct WakingHours {
    /// The earliest local start.
    pub from: NaiveTime,
    /// The latest local end.
    pub to: NaiveTime,
}

impl Default for WakingHours {
    /// 09:00 to 21:00.
    fn default() -> Self {
        Self {
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN),
            to: NaiveTime::from_hms_opt(21, 0, 0).unwrap_or(NaiveTime::MIN),
        }
    }
}

impl WakingHours {
    /// Whether a meeting from `start` to `end` (local wall times) fits within these
    /// hours on one day.
    pub fn fit(&self, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        start.date() == end.date() && start.time() >= self.from && end.time() <= self.to
    }

    /// How many minutes a meeting from `start` to `end` keeps from the nearer edge
    /// of these hours: a slot in the middle of the day is easier than one at its edge.
    fn margin(&self, start: NaiveDateTime, end: NaiveDateTime) -> i64 {
        let before = (start.time() - self.from).num_minutes();
        let after = (self.to - end.time()).num_minutes();
        before.min(after)
    }

    fn minutes(&self) -> i64 {
        (self.to - self.from).num_minutes()
    }
}

/// What a user asks the slot finder, as typed (form fields or query parameters).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SlotInput {
    /// Countries by code or name, separated by commas (`KE, GB, ماليزيا`).
    pub countries: String,
    /// UN M49 regions or sub-regions, separated by commas (`002, 150`).
    pub regions: String,
    /// Minutes.
    pub duration: String,
    /// A date (`2026-12-01`, from the start of that day in the caller's zone) or an
    /// RFC 3339 instant.
    pub from: String,
    /// A date (up to the end of that day) or an RFC 3339 instant.
    pub to: String,
    /// `HH:MM`.
    pub wake_from: String,
    /// `HH:MM`.
    pub wake_to: String,
    /// `1` (or `true`, `on`) to count each country only on its working days.
    pub working_days: String,
}

/// A checked [`SlotInput`].
#[derive(Debug, Clone, PartialEq)]
pub struct SlotRequest {
    /// Countries named on their own.
    pub countries: Vec<&'static Country>,
    /// Regions whose countries are targets too.
    pub regions: Vec<&'static Region>,
    /// The earliest start.
    pub from: DateTime<Utc>,
    /// The latest end.
    pub to: DateTime<Utc>,
    /// What a meeting must be like for a country to count.
    pub meeting: Meeting,
}

/// The meeting being placed, and what makes a start suit a country.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Meeting {
    /// Minutes.
    pub duration: i64,
    /// Local hours within which it must fall.
    pub waking: WakingHours,
    /// Whether it must fall on a working day of each country (not its weekend).
    pub working_days: bool,
}

impl Meeting {
    /// Whether a meeting from `start` to `end` (local wall times) suits `target`.
    fn suits(&self, target: &Target, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        use chrono::Datelike as _;
        self.waking.fit(start, end)
            && !(self.working_days && geo::in_weekend(target.weekend, start.weekday()))
    }
}

fn parse_time(field: &'static str, raw: &str, default: NaiveTime) -> Result<NaiveTime, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(default);
    }
    NaiveTime::parse_from_str(raw, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(raw, "%H:%M:%S"))
        .map_err(|_| Invalid::new(field, Problem::Time))
}

/// A date read as the start of that day in `zone` (`end` false) or the start of the
/// next day (`end` true), or an RFC 3339 instant.
fn parse_instant(
    field: &'static str,
    raw: &str,
    zone: Zone,
    end: bool,
) -> Result<DateTime<Utc>, Invalid> {
    let raw = raw.trim();
    if let Ok(date) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        let day = if end {
            date.succ_opt().unwrap_or(date)
        } else {
            date
        };
        return Ok(zone.start_of_day(day));
    }
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| Invalid::new(field, Problem::Date))
}

fn list(raw: &str) -> impl Iterator<Item = &str> {
    raw.split([',', ';', '،'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

impl SlotInput {
    /// Checks the input. Dates are read in `zone`; without dates the search covers
    /// the [`DEFAULT_DAYS`] after `today`.
    pub fn validate(&self, zone: Zone, today: NaiveDate) -> Result<SlotRequest, Invalid> {
        let mut countries = Vec::new();
        for name in list(&self.countries) {
            let country =
                geo::find_country(name).ok_or(Invalid::new("countries", Problem::Country))?;
            if !countries.contains(&country) {
                countries.push(country);
            }
        }
        let mut regions = Vec::new();
        for code in list(&self.regions) {
            let region = geo::region(code).ok_or(Invalid::new("regions", Problem::UnknownValue))?;
            if !regions.contains(&region) {
                regions.push(region);
            }
        }
        if countries.is_empty() && regions.is_empty() {
            return Err(Invalid::new("countries", Problem::Required));
        }
        let (min, max) = DURATION_RANGE;
        let duration = match self.duration.trim() {
            "" => DEFAULT_DURATION,
            raw => raw
                .parse::<i64>()
                .map_err(|_| Invalid::new("duration", Problem::Number))?,
        };
        if !(min..=max).contains(&duration) {
            return Err(Invalid::new("duration", Problem::OutOfRange { min, max }));
        }
        let from = match self.from.trim() {
            "" => zone.start_of_day(today.succ_opt().unwrap_or(today)),
            raw => parse_instant("from", raw, zone, false)?,
        };
        let to = match self.to.trim() {
            "" => from + Duration::days(DEFAULT_DAYS),
            raw => parse_instant("to", raw, zone, true)?,
        };
        if to <= from {
            return Err(Invalid::new("to", Problem::DatesOutOfOrder));
        }
        if to - from > Duration::days(MAX_DAYS) {
            return Err(Invalid::new(
                "to",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_DAYS,
                },
            ));
        }
        let default = WakingHours::default();
        let waking = WakingHours {
            from: parse_time("wake_from", &self.wake_from, default.from)?,
            to: parse_time("wake_to", &self.wake_to, default.to)?,
        };
        if waking.to <= waking.from {
            return Err(Invalid::new("wake_to", Problem::TimesOutOfOrder));
        }
        let working_days = match self.working_days.trim() {
            "" | "0" | "false" | "off" => false,
            "1" | "true" | "on" => true,
            _ => return Err(Invalid::new("working_days", Problem::UnknownValue)),
        };
        if duration > waking.minutes() {
            return Err(Invalid::new(
                "duration",
                Problem::OutOfRange {
                    min,
                    max: waking.minutes(),
                },
            ));
        }
        Ok(SlotRequest {
            countries,
            regions,
            from,
            to,
            meeting: Meeting {
                duration,
                waking,
                working_days,
            },
        })
    }
}

/// One target country, with its weight and its time zones.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    /// The country.
    pub country: &'static Country,
    /// How many organisations it stands for.
    pub weight: i64,
    /// Its time zones.
    pub zones: &'static [Zone],
    /// Its weekend's first and last days, looked up once: a search scores hundreds
    /// of starts in each country.
    pub weekend: (chrono::Weekday, chrono::Weekday),
}

/// The target countries of `request`, weighted by `organisations` (how many
/// organisations the coalition has in a country, by code). Countries without people
/// (no time zone) are left out.
pub fn audience(request: &SlotRequest, organisations: impl Fn(&str) -> i64) -> Vec<Target> {
    let target = |country: &'static Country, weight: i64| Target {
        country,
        weight,
        zones: geo::zones_of(country.code),
        weekend: geo::weekend_of(country.code),
    };
    let mut out: Vec<Target> = request
        .countries
        .iter()
        .map(|c| target(c, organisations(c.code).max(1)))
        .collect();
    let mut reached: Vec<(&'static Country, i64)> = Vec::new();
    for region in &request.regions {
        for country in geo::countries_in(region.m49) {
            let known = out.iter().any(|t| t.country == country)
                || reached.iter().any(|(c, _)| *c == country);
            if !known {
                reached.push((country, organisations(country.code)));
            }
        }
    }
    let none_counted = reached.iter().all(|(_, n)| *n == 0);
    out.extend(
        reached
            .into_iter()
            .filter(|(_, n)| none_counted || *n > 0)
            .map(|(c, n)| target(c, n.max(1))),
    );
    out.retain(|t| !t.zones.is_empty());
    out
}

/// A target country's local times during a slot.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalTimes {
    /// ISO code.
    pub code: &'static str,
    /// The earliest local start among the country's zones.
    pub earliest: NaiveDateTime,
    /// The latest local start among them.
    pub latest: NaiveDateTime,
    /// The share of the country's zones within waking hours for the whole slot, 0–1.
    pub awake: f64,
}

impl LocalTimes {
    /// `13:00`, or `05:00–10:00` for a country whose zones differ.
    pub fn text(&self) -> String {
        let (a, b) = (self.earliest.format("%H:%M"), self.latest.format("%H:%M"));
        if self.earliest == self.latest {
            a.to_string()
        } else {
            format!("{a}–{b}")
        }
    }
}

/// A proposed start.
#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
    /// The weighted share of the audience within waking hours, 0–1.
    pub score: f64,
    /// Minutes from the nearer edge of waking hours, for those within them.
    margin: i64,
    /// Each target country's local times.
    pub places: Vec<LocalTimes>,
}

/// How a slot starting at `start` suits `targets`, with each country's local times.
pub fn score(targets: &[Target], start: DateTime<Utc>, meeting: Meeting) -> Slot {
    let end = start + Duration::minutes(meeting.duration);
    let (score, margin) = rate(targets, start, meeting);
    let places = targets
        .iter()
        .map(|target| {
            let starts = target.zones.iter().map(|zone| zone.local(start));
            LocalTimes {
                code: target.country.code,
                earliest: starts.clone().min().unwrap_or(NaiveDateTime::MIN),
                latest: starts.max().unwrap_or(NaiveDateTime::MIN),
                awake: awake(target, start, end, meeting).0,
            }
        })
        .collect();
    Slot {
        start,
        end,
        score,
        margin,
        places,
    }
}

/// The weighted share of `targets` awake for a meeting from `start`, and its margin
/// from the edges of waking hours: all that ranking needs, without local times, for
/// the hundreds of starts a search weighs.
fn rate(targets: &[Target], start: DateTime<Utc>, meeting: Meeting) -> (f64, i64) {
    let end = start + Duration::minutes(meeting.duration);
    let mut total = 0.0;
    let mut weights = 0.0;
    let mut margin = i64::MAX;
    for target in targets {
        let (share, nearest) = awake(target, start, end, meeting);
        let weight = target.weight as f64;
        total += weight * share;
        weights += weight;
        margin = margin.min(nearest);
    }
    (
        if weights > 0.0 { total / weights } else { 0.0 },
        if margin == i64::MAX { 0 } else { margin },
    )
}

/// The share of `target`'s zones within waking hours from `start` to `end`, and the
/// least margin among those within them (`i64::MAX` when none is).
fn awake(
    target: &Target,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    meeting: Meeting,
) -> (f64, i64) {
    let mut fit = 0usize;
    let mut margin = i64::MAX;
    for zone in target.zones {
        let (local_start, local_end) = (zone.local(start), zone.local(end));
        if meeting.suits(target, local_start, local_end) {
            fit += 1;
            margin = margin.min(meeting.waking.margin(local_start, local_end));
        }
    }
    (fit as f64 / target.zones.len() as f64, margin)
}

/// Every candidate start of `request`: each [`STEP_MINUTES`] mark of the UTC clock
/// from `from` on, as long as the meeting ends by `to`.
fn candidates(request: &SlotRequest) -> impl Iterator<Item = DateTime<Utc>> + '_ {
    let step = Duration::minutes(STEP_MINUTES);
    let past = request.from.timestamp().rem_euclid(step.num_seconds());
    let first = if past == 0 {
        request.from
    } else {
        request.from + Duration::seconds(step.num_seconds() - past)
    };
    let duration = Duration::minutes(request.meeting.duration);
    std::iter::successors(Some(first), move |t| Some(*t + step))
        .take_while(move |t| *t + duration <= request.to)
}

/// The best `limit` starts for `targets`: the highest score first, then the one
/// farthest from the edges of waking hours, then the earliest.
pub fn find(targets: &[Target], request: &SlotRequest, limit: usize) -> Vec<Slot> {
    let mut rated: Vec<(DateTime<Utc>, f64, i64)> = candidates(request)
        .map(|start| {
            let (score, margin) = rate(targets, start, request.meeting);
            (start, score, margin)
        })
        .filter(|(_, score, _)| *score > 0.0)
        .collect();
    rated.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    rated
        .into_iter()
        .take(limit)
        .map(|(start, ..)| score(targets, start, request.meeting))
        .collect()
}

/// One day of the overview grid: the score of a meeting starting at each full hour
/// of the viewer's day.
#[derive(Debug, Clone, PartialEq)]
pub struct Day {
    /// The viewer's local date.
    pub date: NaiveDate,
    /// Per local hour 0–23: the score of a start then, or `None` where the hour is
    /// outside the searched range (or skipped by a daylight-saving change).
    pub hours: Vec<Option<f64>>,
}

/// The searched range as days of `zone`, each with the score at every full hour.
pub fn days(targets: &[Target], request: &SlotRequest, zone: Zone) -> Vec<Day> {
    let duration = Duration::minutes(request.meeting.duration);
    let first = zone.local(request.from).date();
    let last = zone.local(request.to).date();
    first
        .iter_days()
        .take_while(|d| *d <= last)
        .map(|date| {
            let hours = (0..24)
                .map(|hour| {
                    let start = zone.start_of_day(date) + Duration::hours(hour);
                    let on_the_hour = zone.local(start).date() == date
                        && zone.local(start).hour() == u32::try_from(hour).unwrap_or(0)
                        && zone.local(start).minute() == 0;
                    (on_the_hour && start >= request.from && start + duration <= request.to)
                        .then(|| rate(targets, start, request.meeting).0)
                })
                .collect();
            Day { date, hours }
        })
        .filter(|d| d.hours.iter().any(Option::is_some))
        .collect()
}

#[cfg(test)]
mod tests;
