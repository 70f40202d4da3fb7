//! When each reminder falls due, and the occurrence that names it. A scheduler pass
//! asks these rules with its own `now`, so tests move the clock instead of sleeping.

use chrono::{
    DateTime, Datelike as _, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday,
};

use super::Kind;
use crate::time::Zone;

/// The reminder of an event starting at `start` that is due at `now`, if any: the
/// day-before one from 24 hours to 1 hour before, the hour-before one in the last hour.
/// A pass that missed the first window (a worker was down) still sends the second.
pub fn event_reminder(start: DateTime<Utc>, now: DateTime<Utc>) -> Option<Kind> {
    if now >= start {
        None
    } else if now >= start - Duration::hours(1) {
        Some(Kind::EventHour)
    } else if now >= start - Duration::hours(24) {
        Some(Kind::EventDay)
    } else {
        None
    }
}

/// How far ahead a pass looks for events to remind of.
pub const EVENT_HORIZON: Duration = Duration::hours(24);

/// The occurrence of an event's reminder: the event and its start, so a moved event
/// is reminded of again at its new time.
pub fn event_occurrence(event: &str, start_ms: i64) -> String {
    format!("{event}@{start_ms}")
}

/// The occurrence of a registration message: the registration itself.
pub fn registration_occurrence(registration: &str) -> String {
    registration.to_owned()
}

/// The reminder of an action due on `due` that its owner should get on `today`
/// (their own local date), if any: "due soon" from three days before, "due today" on
/// the day.
pub fn action_reminder(due: NaiveDate, today: NaiveDate) -> Option<Kind> {
    let days = (due - today).num_days();
    match days {
        0 => Some(Kind::ActionToday),
        1..=3 => Some(Kind::ActionSoon),
        _ => None,
    }
}

/// The occurrence of an action's reminder: the item and its due date, so a new due
/// date is reminded of again.
pub fn action_occurrence(item: &str, due: NaiveDate) -> String {
    format!("{item}@{due}")
}

/// The local time on Monday at which the weekly digest is sent.
pub const DIGEST_AT: NaiveTime = match NaiveTime::from_hms_opt(8, 0, 0) {
    Some(t) => t,
    None => NaiveTime::MIN,
};

/// The week whose digest is due at local time `local`, as its ISO name
/// (`2026-W48`): from Monday 08:00 for a day, so a worker that was down on Monday
/// morning still sends it that day, and never later in the week.
pub fn digest_week(local: NaiveDateTime) -> Option<String> {
    let date = local.date();
    let monday = match date.weekday() {
        Weekday::Mon if local.time() >= DIGEST_AT => date,
        Weekday::Tue if local.time() < DIGEST_AT => date.pred_opt()?,
        _ => return None,
    };
    let week = monday.iso_week();
    Some(format!("{}-W{:02}", week.year(), week.week()))
}

/// The zone a registrant's messages show times in: their country's, when it has only
/// one, else the event's own.
pub fn registrant_zone(country: &str, event_zone: Zone) -> Zone {
    match crate::geo::zones_of(country) {
        [only] => *only,
        _ => event_zone,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn an_event_is_reminded_of_the_day_before_and_in_its_last_hour() {
        let start = at("2026-12-01T18:00:00Z");
        assert_eq!(event_reminder(start, at("2026-11-30T17:59:00Z")), None);
        assert_eq!(
            event_reminder(start, at("2026-11-30T18:00:00Z")),
            Some(Kind::EventDay)
        );
        assert_eq!(
            event_reminder(start, at("2026-12-01T16:59:00Z")),
            Some(Kind::EventDay)
        );
        assert_eq!(
            event_reminder(start, at("2026-12-01T17:00:00Z")),
            Some(Kind::EventHour)
        );
        assert_eq!(event_reminder(start, start), None);
    }

    #[test]
    fn actions_are_reminded_of_three_days_ahead_and_on_the_day() {
        let due = NaiveDate::from_ymd_opt(2026, 12, 10).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert_eq!(action_reminder(due, day(6)), None);
        assert_eq!(action_reminder(due, day(7)), Some(Kind::ActionSoon));
        assert_eq!(action_reminder(due, day(9)), Some(Kind::ActionSoon));
        assert_eq!(action_reminder(due, day(10)), Some(Kind::ActionToday));
        assert_eq!(action_reminder(due, day(11)), None);
    }

    #[test]
    fn the_digest_is_due_from_monday_eight_for_one_day() {
        let local = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        // 2026-11-23 is a Monday of ISO week 48.
        assert_eq!(digest_week(local("2026-11-23 07:59")), None);
        assert_eq!(
            digest_week(local("2026-11-23 08:00")).as_deref(),
            Some("2026-W48")
        );
        assert_eq!(
            digest_week(local("2026-11-24 07:59")).as_deref(),
            Some("2026-W48")
        );
        assert_eq!(digest_week(local("2026-11-24 08:00")), None);
        assert_eq!(digest_week(local("2026-11-27 09:00")), None);
    }

    #[test]
    fn a_registrant_sees_their_countrys_only_zone_or_else_the_events() {
        let event = Zone::parse("Europe/Paris").unwrap();
        assert_eq!(registrant_zone("KE", event).name(), "Africa/Nairobi");
        assert_eq!(registrant_zone("US", event), event);
    }

    proptest! {
        #[test]
        fn an_event_gets_at_most_one_reminder_of_each_kind_per_hour_of_the_day_before(
            minutes in 0i64..(48 * 60)
        ) {
            let start = at("2026-12-01T18:00:00Z");
            let now = start - Duration::hours(48) + Duration::minutes(minutes);
            let kind = event_reminder(start, now);
            let left = start - now;
            prop_assert_eq!(kind.is_some(), left <= Duration::hours(24) && left > Duration::zero());
            if kind == Some(Kind::EventHour) {
                prop_assert!(left <= Duration::hours(1));
            }
        }

        #[test]
        fn a_digest_is_due_in_exactly_one_day_of_each_week(start in 0i64..(52 * 7 * 24)) {
            let base = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap().and_time(NaiveTime::MIN)
                + Duration::hours(start);
            let due_hours = (0..(7 * 24))
                .filter(|h| digest_week(base + Duration::hours(*h)).is_some())
                .count();
            prop_assert_eq!(due_hours, 24);
        }
    }
}
