//! Numbers written into SVG drawings (timelines, charts).

use std::fmt;

/// A coordinate or length written with one decimal, as drawings need no more.
///
/// Rounds half away from zero in integer arithmetic: the same text as
/// `format!("{:.1}", value)` but at exact ties and for `-0.0` (written `0.0`), and
/// several times cheaper, which a timeline of hundreds of bars writing thousands of
/// numbers notices.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tenths(pub f64);

impl fmt::Display for Tenths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() || value.abs() >= 1e15 {
            return write!(f, "{value:.1}");
        }
        // Bounded above, so the conversion is exact.
        let tenths = (value * 10.0).round() as i64;
        let sign = if tenths < 0 { "-" } else { "" };
        let tenths = tenths.unsigned_abs();
        write!(f, "{sign}{}.{}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::Tenths;

    #[test]
    fn one_decimal_like_the_standard_format_away_from_ties() {
        for value in [
            0.0,
            6.0,
            954.0,
            12.34,
            12.36,
            -3.04,
            -7.96,
            959.96,
            1.0 / 3.0,
        ] {
            assert_eq!(Tenths(value).to_string(), format!("{value:.1}"), "{value}");
        }
        assert_eq!(Tenths(-0.04).to_string(), "0.0");
        assert_eq!(Tenths(f64::NAN).to_string(), "NaN");
    }
}
