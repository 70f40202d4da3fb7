/// Failures allowed for one account before its sign-ins are slowed down.
pub const THROTTLE_FREE_FAILURES: i64 = 5;

/// Failures allowed from one address before its sign-ins are slowed down. Higher than
/// for an account: many honest people can share one address (an office, a mobile
/// carrier's gateway, a reverse proxy), and one of them mistyping must not lock out
/// the others.
pub const ADDRESS_FREE_FAILURES: i64 = 20;

/// The longest wait imposed between attempts, in seconds.
const MAX_WAIT_SECS: i64 = 15 * 60;

/// The failed sign-ins recorded for one account or one address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Throttle {
    /// Consecutive failures since the last success.
    pub failures: i64,
    /// When the last failure happened, in milliseconds since the epoch.
    pub last_failure_ms: i64,
    /// Failures allowed before the back-off starts.
    pub free_failures: i64,
}

impl Throttle {
    /// How many seconds must pass after the last failure before another attempt is
    /// checked: none for the first few failures, then doubling up to 15 minutes.
    pub fn wait_secs(self) -> i64 {
        if self.failures < self.free_failures {
            return 0;
        }
        let doublings = u32::try_from(self.failures - self.free_failures).unwrap_or(u32::MAX);
        2i64.checked_pow(doublings)
            .unwrap_or(MAX_WAIT_SECS)
            .min(MAX_WAIT_SECS)
    }

    /// Seconds still to wait at `now_ms`, or zero when an attempt may be made.
    pub fn retry_after_secs(self, now_ms: i64) -> i64 {
        let until = self.last_failure_ms + self.wait_secs() * 1000;
        ((until - now_ms).max(0) + 999) / 1000
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_slow_down_after_five_failures_up_to_a_ceiling() {
        let t = |failures| Throttle {
            failures,
            last_failure_ms: 1_000_000,
            free_failures: THROTTLE_FREE_FAILURES,
        };
        assert_eq!(t(4).retry_after_secs(1_000_000), 0);
        assert_eq!(t(5).retry_after_secs(1_000_000), 1);
        assert_eq!(t(8).retry_after_secs(1_000_000), 8);
        assert_eq!(t(8).retry_after_secs(1_008_000), 0);
        assert_eq!(t(500).wait_secs(), 900);
    }
}
