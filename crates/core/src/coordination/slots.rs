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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meeting {
    /// Minutes.
    pub duration: i64,
    /// Local hours within which it must fall.
    pub waking: WakingHours,
    /// Whether it must fall on a working day of each country (not its weekend).
    pub working_days: bool,
}

impl Meeting {
    /// Whether a meeting from `start` to `end` (local wall times) suits a country
    /// whose code is `code`.
    fn suits(&self, code: &str, start: NaiveDateTime, end: NaiveDateTime) -> bool {
        use chrono::Datelike as _;
        self.waking.fit(start, end)
            && !(self.working_days && geo::is_weekend(code, start.weekday()))
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
}

/// The target countries of `request`, weighted by `organisations` (how many
/// organisations the coalition has in a country, by code). Countries without people
/// (no time zone) are left out.
pub fn audience(request: &SlotRequest, organisations: impl Fn(&str) -> i64) -> Vec<Target> {
    let target = |country: &'static Country, weight: i64| Target {
        country,
        weight,
        zones: geo::zones_of(country.code),
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

/// How a slot starting at `start` suits `targets`.
pub fn score(targets: &[Target], start: DateTime<Utc>, meeting: Meeting) -> Slot {
    let (waking, end) = (meeting.waking, start + Duration::minutes(meeting.duration));
    let mut total = 0.0;
    let mut weights = 0.0;
    let mut margin = i64::MAX;
    let mut places = Vec::with_capacity(targets.len());
    for target in targets {
        let mut fit = 0usize;
        let mut earliest = NaiveDateTime::MAX;
        let mut latest = NaiveDateTime::MIN;
        for zone in target.zones {
            let (local_start, local_end) = (zone.local(start), zone.local(end));
            earliest = earliest.min(local_start);
            latest = latest.max(local_start);
            if meeting.suits(target.country.code, local_start, local_end) {
                fit += 1;
                margin = margin.min(waking.margin(local_start, local_end));
            }
        }
        let awake = fit as f64 / target.zones.len() as f64;
        let weight = target.weight as f64;
        total += weight * awake;
        weights += weight;
        places.push(LocalTimes {
            code: target.country.code,
            earliest,
            latest,
            awake,
        });
    }
    Slot {
        start,
        end,
        score: if weights > 0.0 { total / weights } else { 0.0 },
        margin: if margin == i64::MAX { 0 } else { margin },
        places,
    }
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
    let mut slots: Vec<Slot> = candidates(request)
        .map(|start| score(targets, start, request.meeting))
        .filter(|slot| slot.score > 0.0)
        .collect();
    slots.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.margin.cmp(&a.margin))
            .then(a.start.cmp(&b.start))
    });
    slots.truncate(limit);
    slots
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
                        .then(|| score(targets, start, request.meeting).score)
                })
                .collect();
            Day { date, hours }
        })
        .filter(|d| d.hours.iter().any(Option::is_some))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn request(countries: &str, from: &str, to: &str) -> SlotRequest {
        SlotInput {
            countries: countries.into(),
            duration: "90".into(),
            from: from.into(),
            to: to.into(),
            ..SlotInput::default()
        }
        .validate(Zone::UTC, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        .unwrap()
    }

    fn hour_long() -> Meeting {
        Meeting {
            duration: 60,
            waking: WakingHours::default(),
            working_days: false,
        }
    }

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn kenya_britain_and_malaysia_meet_in_the_british_morning() {
        let req = request("KE,GB,MY", "2026-12-01", "2026-12-01");
        let targets = audience(&req, |_| 1);
        let best = find(&targets, &req, 3);
        // Kuala Lumpur is UTC+8 and must end by 21:00 (13:00 UTC); London must
        // start at 09:00 (09:00 UTC in winter): 09:00–11:30 UTC fit everyone, and
        // the middle of that window comes first.
        assert_eq!(best[0].score, 1.0);
        assert!(best.iter().all(|s| s.score == 1.0));
        assert_eq!(best[0].start, at("2026-12-01T10:00:00Z"));
        let local: Vec<String> = best[0].places.iter().map(LocalTimes::text).collect();
        assert_eq!(local, ["13:00", "10:00", "18:00"]);
    }

    #[test]
    fn daylight_saving_moves_the_window_in_europe_and_the_southern_hemisphere() {
        // In July London is UTC+1 and Santiago (southern winter) UTC-4; in January
        // London is UTC+0 and Santiago (southern summer) UTC-3.
        let july = request("GB,CL", "2026-07-01", "2026-07-01");
        let targets = audience(&july, |_| 1);
        let best = find(&targets, &july, 1);
        // Both awake: London 09:00–21:00 BST = 08:00–20:00 UTC; Santiago
        // 09:00–21:00 = 13:00–01:00 UTC → 13:00–18:30 UTC starts; middle 15:45.
        assert_eq!(best[0].score, 1.0);
        assert!(
            best[0].start >= at("2026-07-01T13:00:00Z")
                && best[0].start <= at("2026-07-01T18:30:00Z")
        );
        let january = request("GB,CL", "2026-01-14", "2026-01-14");
        let best = find(&audience(&january, |_| 1), &january, 1);
        // London 09:00–21:00 GMT = 09:00–21:00 UTC; Santiago 12:00–00:00 UTC.
        assert!(
            best[0].start >= at("2026-01-14T12:00:00Z")
                && best[0].start <= at("2026-01-14T19:30:00Z")
        );
        // 08:00 UTC is 09:00 in London in July but 08:00 in January.
        let gb = audience(&request("GB", "2026-07-01", "2026-07-01"), |_| 1);
        let w = hour_long();
        assert_eq!(score(&gb, at("2026-07-01T08:00:00Z"), w).score, 1.0);
        assert_eq!(score(&gb, at("2026-01-14T08:00:00Z"), w).score, 0.0);
    }

    #[test]
    fn the_american_clock_change_moves_new_york() {
        // The US falls back on 2026-11-01: 13:00 UTC is 09:00 in New York before it
        // and 08:00 after it.
        let us = audience(&request("US", "2026-10-30", "2026-11-03"), |_| 1);
        let ny = us[0]
            .zones
            .iter()
            .position(|z| z.name() == "America/New_York")
            .unwrap();
        let w = hour_long();
        let before = score(&us, at("2026-10-30T13:00:00Z"), w);
        let after = score(&us, at("2026-11-02T13:00:00Z"), w);
        assert_eq!(before.places[0].latest.format("%H:%M").to_string(), "09:00");
        assert!(before.score > after.score);
        assert_eq!(
            us[0].zones[ny]
                .local(at("2026-11-02T13:00:00Z"))
                .format("%H:%M")
                .to_string(),
            "08:00"
        );
    }

    #[test]
    fn countries_weigh_as_many_organisations_as_they_have() {
        let req = request("KE,MY", "2026-12-01", "2026-12-01");
        let targets = audience(&req, |c| if c == "KE" { 3 } else { 0 });
        assert_eq!(targets[0].weight, 3);
        // A country named on its own counts once even with no organisation.
        assert_eq!(targets[1].weight, 1);
        // 17:30 UTC: 20:30 in Nairobi (a 30-minute meeting fits), 01:30 in Malaysia.
        let half_hour = Meeting {
            duration: 30,
            ..hour_long()
        };
        let slot = score(&targets, at("2026-12-01T17:30:00Z"), half_hour);
        assert_eq!(slot.score, 0.75);
    }

    #[test]
    fn a_region_counts_only_its_countries_with_organisations() {
        let req = SlotInput {
            regions: "014".into(),
            ..SlotInput::default()
        }
        .validate(Zone::UTC, NaiveDate::from_ymd_opt(2026, 11, 24).unwrap())
        .unwrap();
        let targets = audience(&req, |c| i64::from(c == "KE") * 5);
        assert_eq!(targets.len(), 1);
        assert_eq!(targets[0].country.code, "KE");
        let targets = audience(&req, |_| 0);
        assert!(
            targets.len() > 10,
            "with no organisations every country counts"
        );
        assert_eq!(req.meeting.duration, DEFAULT_DURATION);
        assert_eq!(req.from, at("2026-11-25T00:00:00Z"));
        assert_eq!(req.to, at("2026-12-02T00:00:00Z"));
    }

    #[test]
    fn bad_input_names_its_field() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let check = |input: SlotInput, field: &str, problem: Problem| {
            let err = input.validate(Zone::UTC, today).unwrap_err();
            assert_eq!((err.field, err.problem), (field, problem), "{input:?}");
        };
        let base = SlotInput {
            countries: "KE".into(),
            ..SlotInput::default()
        };
        check(SlotInput::default(), "countries", Problem::Required);
        check(
            SlotInput {
                countries: "KE, Atlantis".into(),
                ..base.clone()
            },
            "countries",
            Problem::Country,
        );
        check(
            SlotInput {
                regions: "999".into(),
                ..base.clone()
            },
            "regions",
            Problem::UnknownValue,
        );
        check(
            SlotInput {
                duration: "an hour".into(),
                ..base.clone()
            },
            "duration",
            Problem::Number,
        );
        check(
            SlotInput {
                duration: "5".into(),
                ..base.clone()
            },
            "duration",
            Problem::OutOfRange { min: 15, max: 720 },
        );
        check(
            SlotInput {
                from: "tomorrow".into(),
                ..base.clone()
            },
            "from",
            Problem::Date,
        );
        check(
            SlotInput {
                from: "2026-12-05".into(),
                to: "2026-12-01".into(),
                ..base.clone()
            },
            "to",
            Problem::DatesOutOfOrder,
        );
        check(
            SlotInput {
                from: "2026-12-01".into(),
                to: "2027-03-01".into(),
                ..base.clone()
            },
            "to",
            Problem::OutOfRange { min: 1, max: 31 },
        );
        check(
            SlotInput {
                wake_from: "9h".into(),
                ..base.clone()
            },
            "wake_from",
            Problem::Time,
        );
        check(
            SlotInput {
                wake_from: "18:00".into(),
                wake_to: "08:00".into(),
                ..base.clone()
            },
            "wake_to",
            Problem::TimesOutOfOrder,
        );
        check(
            SlotInput {
                wake_from: "10:00".into(),
                wake_to: "11:00".into(),
                ..base
            },
            "duration",
            Problem::OutOfRange { min: 15, max: 60 },
        );
    }

    #[test]
    fn working_days_follow_each_countrys_weekend() {
        // Friday 2026-12-04 and Sunday 2026-12-06 at 10:00 UTC: Cairo and London
        // are both awake, but Friday is the Egyptian weekend and Sunday the British.
        let input = |working_days: &str| SlotInput {
            countries: "EG,GB".into(),
            duration: "60".into(),
            working_days: working_days.into(),
            ..SlotInput::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
        let req = input("1").validate(Zone::UTC, today).unwrap();
        let targets = audience(&req, |_| 1);
        let friday = score(&targets, at("2026-12-04T10:00:00Z"), req.meeting);
        let sunday = score(&targets, at("2026-12-06T10:00:00Z"), req.meeting);
        let monday = score(&targets, at("2026-12-07T10:00:00Z"), req.meeting);
        assert_eq!((friday.score, sunday.score, monday.score), (0.5, 0.5, 1.0));
        let all_week = input("").validate(Zone::UTC, today).unwrap();
        assert_eq!(
            score(&targets, at("2026-12-04T10:00:00Z"), all_week.meeting).score,
            1.0
        );
        let err = input("weekends").validate(Zone::UTC, today).unwrap_err();
        assert_eq!(
            (err.field, err.problem),
            ("working_days", Problem::UnknownValue)
        );
    }

    #[test]
    fn names_in_any_language_and_arabic_commas_are_read() {
        let req = request(
            "Kenya، المملكة المتحدة; malaisie",
            "2026-12-01",
            "2026-12-02",
        );
        let codes: Vec<&str> = req.countries.iter().map(|c| c.code).collect();
        assert_eq!(codes, ["KE", "GB", "MY"]);
    }

    #[test]
    fn the_day_grid_covers_the_viewers_days() {
        let req = request("KE", "2026-12-01", "2026-12-02");
        let nairobi = Zone::parse("Africa/Nairobi").unwrap();
        let days = days(&audience(&req, |_| 1), &req, nairobi);
        // 2026-12-01 00:00 UTC is 03:00 in Nairobi: the first day starts at 03:00 and
        // the range ends at 03:00 on the 3rd.
        assert_eq!(days.len(), 3);
        assert_eq!(days[0].hours[2], None);
        assert_eq!(days[0].hours[3], Some(0.0));
        assert_eq!(days[0].hours[12], Some(1.0));
        // A 90-minute meeting at 20:00 ends after 21:00.
        assert_eq!(days[1].hours[20], Some(0.0));
        assert_eq!(days[1].hours[19], Some(1.0));
    }

    proptest! {
        #[test]
        fn every_slot_lies_within_the_range_and_scores_between_0_and_1(
            day in 0i64..300, duration in 15i64..=240, hour in 0u32..24,
        ) {
            let from = at("2026-01-01T00:00:00Z") + Duration::days(day) + Duration::hours(i64::from(hour));
            let req = SlotRequest {
                countries: ["KE", "US", "AU", "NP"].iter().filter_map(|c| geo::country(c)).collect(),
                regions: Vec::new(),
                from,
                to: from + Duration::days(2),
                meeting: Meeting { duration, waking: WakingHours::default(), working_days: day % 2 == 0 },
            };
            let targets = audience(&req, |_| 2);
            let slots = find(&targets, &req, 20);
            // Two days may be every country's weekend; without that rule someone is
            // always awake.
            prop_assert!(req.meeting.working_days || !slots.is_empty());
            for pair in slots.windows(2) {
                prop_assert!(pair[0].score >= pair[1].score);
            }
            for slot in &slots {
                prop_assert!(slot.start >= req.from && slot.end <= req.to);
                prop_assert!(slot.score > 0.0 && slot.score <= 1.0);
                prop_assert_eq!(slot.start.timestamp() % (STEP_MINUTES * 60), 0);
            }
        }
    }
}
