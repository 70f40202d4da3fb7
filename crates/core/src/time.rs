//! Instants and time zones. Instants are stored in UTC (epoch milliseconds) with the
//! IANA zone they were entered in; every display converts to the viewer's zone.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;

use crate::{Invalid, Problem};

/// An IANA time zone such as `Africa/Nairobi`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone(Tz);

impl Zone {
    /// Coordinated Universal Time.
    pub const UTC: Zone = Zone(Tz::UTC);

    /// Parses an IANA zone name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        let name = raw.trim();
        if name.is_empty() {
            return Err(Invalid::new("time_zone", Problem::Required));
        }
        name.parse::<Tz>()
            .map(Zone)
            .map_err(|_| Invalid::new("time_zone", Problem::TimeZone))
    }

    /// The IANA name.
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Every zone name the database knows, for pickers.
    pub fn all_names() -> impl Iterator<Item = &'static str> {
        chrono_tz::TZ_VARIANTS.iter().map(|tz| tz.name())
    }

    /// `instant` shown as local wall time in this zone, `YYYY-MM-DD HH:MM`.
    pub fn format(self, instant: DateTime<Utc>) -> String {
        self.0
            .from_utc_datetime(&instant.naive_utc())
            .format("%Y-%m-%d %H:%M")
            .to_string()
    }

    /// The wall-clock date and time in this zone at `instant`.
    pub fn local(self, instant: DateTime<Utc>) -> NaiveDateTime {
        self.0.from_utc_datetime(&instant.naive_utc()).naive_local()
    }

    /// The first instant of `date` in this zone: local midnight, or the first time
    /// the clocks show that day where a daylight-saving change skips midnight.
    pub fn start_of_day(self, date: NaiveDate) -> DateTime<Utc> {
        let midnight = date.and_time(chrono::NaiveTime::MIN);
        (0..=180)
            .step_by(15)
            .find_map(|m| {
                self.0
                    .from_local_datetime(&(midnight + chrono::Duration::minutes(m)))
                    .earliest()
            })
            .map_or_else(|| midnight.and_utc(), |t| t.with_timezone(&Utc))
    }
}

/// Milliseconds since the Unix epoch, the stored form of an instant.
pub fn to_millis(instant: DateTime<Utc>) -> i64 {
    instant.timestamp_millis()
}

/// The instant of a stored epoch-milliseconds value.
pub fn from_millis(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zones_parse_and_show_local_wall_time() {
        let nairobi = Zone::parse("Africa/Nairobi").unwrap();
        let instant = from_millis(1_767_225_600_000); // 2026-01-01 00:00 UTC
        assert_eq!(nairobi.format(instant), "2026-01-01 03:00");
        assert_eq!(
            Zone::parse("Mars/Olympus").unwrap_err().problem,
            Problem::TimeZone
        );
        assert_eq!(to_millis(instant), 1_767_225_600_000);
    }

    #[test]
    fn a_day_starts_at_local_midnight_or_when_the_clocks_skip_past_it() {
        let nairobi = Zone::parse("Africa/Nairobi").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        assert_eq!(
            nairobi.start_of_day(day).to_rfc3339(),
            "2025-12-31T21:00:00+00:00"
        );
        // Santiago springs forward at midnight on 2026-09-06: the day starts at 01:00.
        let santiago = Zone::parse("America/Santiago").unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 9, 6).unwrap();
        let start = santiago.start_of_day(day);
        assert_eq!(santiago.local(start).to_string(), "2026-09-06 01:00:00");
    }
}
