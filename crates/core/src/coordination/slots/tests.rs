//! The slot finder's rules: scores, ties, daylight-saving changes, weights,
//! regions, working days and bad input.

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
        best[0].start >= at("2026-07-01T13:00:00Z") && best[0].start <= at("2026-07-01T18:30:00Z")
    );
    let january = request("GB,CL", "2026-01-14", "2026-01-14");
    let best = find(&audience(&january, |_| 1), &january, 1);
    // London 09:00–21:00 GMT = 09:00–21:00 UTC; Santiago 12:00–00:00 UTC.
    assert!(
        best[0].start >= at("2026-01-14T12:00:00Z") && best[0].start <= at("2026-01-14T19:30:00Z")
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
