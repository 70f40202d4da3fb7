//! The shared calendar's grids: the weeks of a month and the days of a week (Monday
//! first), and on which local days of the reader's zone an event falls.

use chrono::{Datelike as _, Duration, NaiveDate};

use super::EventFields;
use crate::time::Zone;

/// The Monday of the week of `day`.
pub fn week_start(day: NaiveDate) -> NaiveDate {
    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
}

/// The seven days of the week of `day`.
pub fn week(day: NaiveDate) -> Vec<NaiveDate> {
    let start = week_start(day);
    (0..7).map(|i| start + Duration::days(i)).collect()
}

/// The weeks, Monday first, that cover the month of `day`.
pub fn month(day: NaiveDate) -> Vec<Vec<NaiveDate>> {
    let first = day.with_day(1).unwrap_or(day);
    let mut weeks = Vec::new();
    let mut start = week_start(first);
    while start.month() == first.month() || start < first {
        weeks.push(week(start));
        start += Duration::days(7);
        if weeks.len() > 6 {
            break;
        }
    }
    weeks
}

/// The local days in `zone` on which event `f` takes place (each day it touches).
pub fn days_of(f: &EventFields, zone: Zone) -> Vec<NaiveDate> {
    let day = |t| NaiveDate::parse_from_str(&zone.format(t)[..10], "%Y-%m-%d").unwrap_or_default();
    let first = day(f.start.at);
    // An event ending at midnight does not touch the next day.
    let last = day(f.end() - Duration::seconds(1)).max(first);
    let mut out = Vec::new();
    let mut d = first;
    while d <= last && out.len() < 8 {
        out.push(d);
        d += Duration::days(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventInput;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_month_is_whole_weeks_from_monday_covering_every_day() {
        let weeks = month(date("2026-03-18"));
        assert_eq!(weeks.first().unwrap()[0], date("2026-02-23"));
        assert_eq!(weeks.last().unwrap()[6], date("2026-04-05"));
        assert!(weeks.iter().all(|w| w.len() == 7));
        assert_eq!(week(date("2026-03-18"))[0], date("2026-03-16"));
        // February 2027 starts on a Monday and fills exactly four weeks.
        assert_eq!(month(date("2027-02-10")).len(), 4);
    }

    #[test]
    fn an_evening_webinar_in_nairobi_falls_on_the_next_day_in_sydney() {
        let f = EventInput {
            kind: "webinar".into(),
            title: "W".into(),
            start: "2026-03-10T18:00".into(),
            time_zone: "Africa/Nairobi".into(),
            duration: "90".into(),
            link: Some("https://meet.example.org/w".into()),
            languages: vec!["en".into()],
            ..Default::default()
        }
        .validate()
        .unwrap();
        assert_eq!(
            days_of(&f, Zone::parse("Africa/Nairobi").unwrap()),
            [date("2026-03-10")]
        );
        // 15:00–16:30 UTC is 02:00–03:30 on the 11th in Sydney (UTC+11).
        assert_eq!(
            days_of(&f, Zone::parse("Australia/Sydney").unwrap()),
            [date("2026-03-11")]
        );
        // 15:00 UTC is 23:00 in Perth… and it runs past midnight there.
        assert_eq!(
            days_of(&f, Zone::parse("Australia/Perth").unwrap()),
            [date("2026-03-10"), date("2026-03-11")]
        );
    }
}
