//! When a meeting starts: a local date and time in the meeting's own IANA zone,
//! stored as a UTC instant (epoch milliseconds) with the zone's name, and shown in
//! any viewer's zone.

use chrono::offset::LocalResult;
use chrono::{DateTime, NaiveDateTime, TimeZone as _, Utc};
use chrono_tz::Tz;

use crate::time::{Zone, from_millis, to_millis};
use crate::{Invalid, Problem};

/// The start of a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// The instant, in UTC.
    pub at: DateTime<Utc>,
    /// The zone the organisers gave it in.
    pub zone: Zone,
}

impl serde::Serialize for Start {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut out = s.serialize_struct("Start", 3)?;
        out.serialize_field("at", &self.at.to_rfc3339())?;
        out.serialize_field("zone", self.zone.name())?;
        out.serialize_field("local", &self.local_text())?;
        out.end()
    }
}

impl Start {
    /// Parses a local date and time (`YYYY-MM-DDTHH:MM`, as a `datetime-local` field
    /// sends it, or with a space or seconds) in the zone named `zone`. A time the
    /// clocks skip (spring forward) or pass twice (fall back) in that zone is refused,
    /// naming `start`, since either would move the meeting without anyone noticing.
    pub fn parse(local: &str, zone: &str) -> Result<Self, Invalid> {
        Self::parse_named("start", local, zone)
    }

    /// As [`Start::parse`], naming `field` (an event's registration opening, say)
    /// when the local time is missing, unreadable, skipped or repeated.
    pub fn parse_named(field: &'static str, local: &str, zone: &str) -> Result<Self, Invalid> {
        let zone = Zone::parse(zone)?;
        let text = local.trim();
        if text.is_empty() {
            return Err(Invalid::new(field, Problem::Required));
        }
        let naive = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
            .ok_or(Invalid::new(field, Problem::DateTime))?;
        let tz: Tz = zone
            .name()
            .parse()
            .map_err(|_| Invalid::new("time_zone", Problem::TimeZone))?;
        match tz.from_local_datetime(&naive) {
            LocalResult::Single(t) => Ok(Self {
                at: t.with_timezone(&Utc),
                zone,
            }),
            LocalResult::None => Err(Invalid::new(field, Problem::TimeSkipped)),
            LocalResult::Ambiguous(..) => Err(Invalid::new(field, Problem::TimeAmbiguous)),
        }
    }

    /// A start read back from storage: epoch milliseconds and a zone name (UTC if
    /// the name is no longer known).
    pub fn from_stored(ms: i64, zone: &str) -> Self {
        Self {
            at: from_millis(ms),
            zone: Zone::parse(zone).unwrap_or(Zone::UTC),
        }
    }

    /// The stored instant.
    pub fn millis(&self) -> i64 {
        to_millis(self.at)
    }

    /// The local date and time in the meeting's zone, as a `datetime-local` field
    /// shows it (`YYYY-MM-DDTHH:MM`).
    pub fn local_text(&self) -> String {
        self.zone.format(self.at).replacen(' ', "T", 1)
    }

    /// The start as wall time in `zone`, `YYYY-MM-DD HH:MM`.
    pub fn in_zone(&self, zone: Zone) -> String {
        zone.format(self.at)
    }

    /// When the meeting ends, `minutes` after it starts.
    pub fn end(&self, minutes: u16) -> DateTime<Utc> {
        self.at + chrono::Duration::minutes(i64::from(minutes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_start_in_nairobi_is_shown_in_other_zones() {
        let start = Start::parse("2026-03-10T18:00", "Africa/Nairobi").unwrap();
        assert_eq!(start.at.to_rfc3339(), "2026-03-10T15:00:00+00:00");
        assert_eq!(start.local_text(), "2026-03-10T18:00");
        let sao_paulo = Zone::parse("America/Sao_Paulo").unwrap();
        assert_eq!(start.in_zone(sao_paulo), "2026-03-10 12:00");
        assert_eq!(Start::from_stored(start.millis(), "Africa/Nairobi"), start);
        assert_eq!(start.end(90).to_rfc3339(), "2026-03-10T16:30:00+00:00");
    }

    #[test]
    fn times_the_clocks_skip_or_repeat_are_refused_on_the_start_field() {
        // Paris springs forward on 29 March 2026 at 02:00 and falls back on 25 October at 03:00.
        assert_eq!(
            Start::parse("2026-03-29T02:30", "Europe/Paris"),
            Err(Invalid::new("start", Problem::TimeSkipped))
        );
        assert_eq!(
            Start::parse("2026-10-25T02:30", "Europe/Paris"),
            Err(Invalid::new("start", Problem::TimeAmbiguous))
        );
        assert!(Start::parse("2026-03-29T03:30", "Europe/Paris").is_ok());
        assert_eq!(
            Start::parse("10 March 18:00", "Europe/Paris"),
            Err(Invalid::new("start", Problem::DateTime))
        );
        assert_eq!(
            Start::parse("", "Europe/Paris"),
            Err(Invalid::new("start", Problem::Required))
        );
        assert_eq!(
            Start::parse("2026-03-10T18:00", "Mars/Olympus"),
            Err(Invalid::new("time_zone", Problem::TimeZone))
        );
    }

    proptest! {
        #[test]
        fn an_accepted_start_shows_back_the_local_time_that_was_typed(
            minutes in 0i64..(3 * 366 * 24 * 60),
            zone in prop::sample::select(vec!["Europe/Paris", "America/New_York", "Africa/Nairobi", "Asia/Gaza", "Australia/Sydney"]),
        ) {
            let local = (chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
                + chrono::Duration::minutes(minutes))
                .format("%Y-%m-%dT%H:%M")
                .to_string();
            match Start::parse(&local, zone) {
                Ok(start) => prop_assert_eq!(start.local_text(), local),
                Err(e) => {
                    prop_assert_eq!(e.field, "start");
                    prop_assert!(matches!(e.problem, Problem::TimeSkipped | Problem::TimeAmbiguous));
                }
            }
        }
    }
}
