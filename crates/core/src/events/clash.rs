//! Clash warnings: two events clash when they overlap in time, give or take a
//! buffer (people need time between two calls), and speak to the same audience —
//! a region in common (or one inside the other) or a language in common, spoken or
//! interpreted — so their organisers can move or merge them.

use chrono::{DateTime, Duration, Utc};

use super::{EventFields, audience_codes};
use crate::languages::LanguageCode;

/// The time kept free around an event, in minutes.
pub const BUFFER_MINUTES: i64 = 30;

/// Whether `[a_start, a_end)` and `[b_start, b_end)` come closer than `buffer`.
pub fn overlaps(
    a_start: DateTime<Utc>,
    a_end: DateTime<Utc>,
    b_start: DateTime<Utc>,
    b_end: DateTime<Utc>,
    buffer: Duration,
) -> bool {
    a_start < b_end + buffer && b_start < a_end + buffer
}

/// Who an event, or a planned slot, speaks to.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Audience {
    /// UN M49 regions and sub-regions.
    pub regions: Vec<String>,
    /// Languages spoken or interpreted into.
    pub languages: Vec<LanguageCode>,
}

impl Audience {
    /// The audience of an event: its regions, its languages and its interpretation.
    pub fn of(f: &EventFields) -> Self {
        let mut languages = f.languages.clone();
        for l in &f.interpretation {
            if !languages.contains(l) {
                languages.push(l.clone());
            }
        }
        Self {
            regions: f.regions.clone(),
            languages,
        }
    }
}

/// What two clashing events have in common.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Shared {
    /// Regions of one that meet a region of the other (the first event's codes).
    pub regions: Vec<String>,
    /// Languages both use.
    pub languages: Vec<LanguageCode>,
}

/// What `a` and `b` have in common, if anything.
pub fn shared(a: &Audience, b: &Audience) -> Option<Shared> {
    let regions: Vec<String> = a
        .regions
        .iter()
        .filter(|r| {
            audience_codes(r)
                .iter()
                .any(|c| b.regions.iter().any(|o| o == c))
        })
        .cloned()
        .collect();
    let languages: Vec<LanguageCode> = a
        .languages
        .iter()
        .filter(|l| b.languages.contains(l))
        .cloned()
        .collect();
    (!regions.is_empty() || !languages.is_empty()).then_some(Shared { regions, languages })
}

/// Whether an event at `[start, end)` for `audience` clashes with event `other`, and
/// what they share.
pub fn clash(
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    audience: &Audience,
    other: &EventFields,
) -> Option<Shared> {
    let buffer = Duration::minutes(BUFFER_MINUTES);
    if !overlaps(start, end, other.start.at, other.end(), buffer) {
        return None;
    }
    shared(audience, &Audience::of(other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventInput;
    use proptest::prelude::*;

    fn event(start: &str, minutes: u16, regions: &[&str], languages: &[&str]) -> EventFields {
        EventInput {
            kind: "webinar".into(),
            title: "Webinar".into(),
            start: start.into(),
            time_zone: "UTC".into(),
            duration: minutes.to_string(),
            link: Some("https://meet.example.org/w".into()),
            languages: languages.iter().map(|l| (*l).to_owned()).collect(),
            regions: regions.iter().map(|r| (*r).to_owned()).collect(),
            ..Default::default()
        }
        .validate()
        .unwrap()
    }

    fn clashes(a: &EventFields, b: &EventFields) -> Option<Shared> {
        clash(a.start.at, a.end(), &Audience::of(a), b)
    }

    #[test]
    fn events_that_overlap_within_the_buffer_and_share_a_region_or_a_language_clash() {
        let africa_en = event("2026-03-10T15:00", 90, &["002"], &["en"]);
        // Starts 20 minutes after the first ends: within the buffer.
        let east_africa_sw = event("2026-03-10T16:50", 60, &["014"], &["sw"]);
        let shared = clashes(&africa_en, &east_africa_sw).unwrap();
        assert_eq!(shared.regions, ["002"]);
        assert!(shared.languages.is_empty());
        // An hour after: no clash.
        let later = event("2026-03-10T17:30", 60, &["002"], &["en"]);
        assert_eq!(clashes(&africa_en, &later), None);
        // At the same time but for another audience in another language: no clash.
        let europe_fr = event("2026-03-10T15:00", 60, &["150"], &["fr"]);
        assert_eq!(clashes(&africa_en, &europe_fr), None);
        // Same time, other region, but English interpreted: a language in common.
        let mut europe_interpreted = europe_fr.clone();
        europe_interpreted.interpretation = vec![LanguageCode::from_stored("en".into())];
        let shared = clashes(&africa_en, &europe_interpreted).unwrap();
        assert!(shared.regions.is_empty());
        assert_eq!(shared.languages, [LanguageCode::from_stored("en".into())]);
    }

    proptest! {
        #[test]
        fn the_overlap_rule_is_symmetric_and_never_holds_far_apart(
            a in 0i64..10_000, la in 5i64..600, b in 0i64..10_000, lb in 5i64..600,
        ) {
            let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
            let at = |m: i64| t0 + Duration::minutes(m);
            let buffer = Duration::minutes(BUFFER_MINUTES);
            let ab = overlaps(at(a), at(a + la), at(b), at(b + lb), buffer);
            let ba = overlaps(at(b), at(b + lb), at(a), at(a + la), buffer);
            prop_assert_eq!(ab, ba);
            if b >= a + la + BUFFER_MINUTES || a >= b + lb + BUFFER_MINUTES {
                prop_assert!(!ab);
            }
            if a <= b && b < a + la {
                prop_assert!(ab);
            }
        }
    }
}
