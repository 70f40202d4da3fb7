//! Reminders: what kinds of message there are, when each falls due, and how a failed
//! send backs off. The queue and the record of what was sent are in `store`; the
//! messages themselves are written and sent by `web`.

pub mod schedule;

use chrono::Duration;

/// A kind of message. With its occurrence (what it is about, at which time) and its
/// recipient it names one message, which is never sent twice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A place was given on registering.
    Registered,
    /// The event was full: on the waiting list.
    Waiting,
    /// A place was freed and given from the waiting list.
    Promoted,
    /// An event starts in 24 hours.
    EventDay,
    /// An event starts in an hour.
    EventHour,
    /// A plan action is due in three days.
    ActionSoon,
    /// A plan action is due today.
    ActionToday,
    /// The weekly digest of what is coming.
    Digest,
}

impl Kind {
    /// Every kind, in the order pages list them.
    pub const ALL: [Kind; 8] = [
        Kind::Registered,
        Kind::Waiting,
        Kind::Promoted,
        Kind::EventDay,
        Kind::EventHour,
        Kind::ActionSoon,
        Kind::ActionToday,
        Kind::Digest,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Registered => "registered",
            Kind::Waiting => "waiting",
            Kind::Promoted => "promoted",
            Kind::EventDay => "event_day",
            Kind::EventHour => "event_hour",
            Kind::ActionSoon => "action_soon",
            Kind::ActionToday => "action_today",
            Kind::Digest => "digest",
        }
    }

    /// Reads a stored name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == raw)
    }
}

/// Where a job is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    /// Waiting to run (again) at its time.
    Queued,
    /// Sent.
    Done,
    /// Gave up after its last attempt; an admin may queue it again.
    Failed,
    /// Not sent on purpose: already sent, or no longer relevant (a cancelled
    /// registration, a moved event).
    Skipped,
}

impl JobState {
    /// Every state.
    pub const ALL: [JobState; 4] = [
        JobState::Queued,
        JobState::Done,
        JobState::Failed,
        JobState::Skipped,
    ];

    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Queued => "queued",
            JobState::Done => "done",
            JobState::Failed => "failed",
            JobState::Skipped => "skipped",
        }
    }

    /// Reads a stored name.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }
}

/// How many times a job is tried before it is marked failed.
pub const MAX_ATTEMPTS: i64 = 8;

/// How long a claimed job is held by its worker before another may take it.
pub const LEASE: Duration = Duration::minutes(5);

/// How long to wait after the `attempts`-th failed attempt: one minute, doubling each
/// time, never more than six hours.
pub fn backoff(attempts: i64) -> Duration {
    let doublings = attempts.saturating_sub(1).clamp(0, 20) as u32;
    let minutes = 1i64.checked_shl(doublings).unwrap_or(i64::MAX).min(6 * 60);
    Duration::minutes(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn kinds_and_states_read_back_from_their_stored_names() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.as_str()), Some(k));
        }
        for s in JobState::ALL {
            assert_eq!(JobState::parse(s.as_str()), Some(s));
        }
        assert_eq!(Kind::parse("spam"), None);
    }

    #[test]
    fn the_first_retry_waits_a_minute_then_the_wait_doubles() {
        assert_eq!(backoff(1), Duration::minutes(1));
        assert_eq!(backoff(2), Duration::minutes(2));
        assert_eq!(backoff(3), Duration::minutes(4));
        assert_eq!(backoff(100), Duration::hours(6));
    }

    proptest! {
        #[test]
        fn backoff_grows_and_stays_between_a_minute_and_six_hours(a in 0i64..1000) {
            let wait = backoff(a);
            prop_assert!(wait >= Duration::minutes(1));
            prop_assert!(wait <= Duration::hours(6));
            prop_assert!(backoff(a + 1) >= wait);
        }
    }
}
