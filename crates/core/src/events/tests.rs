use proptest::prelude::*;

use super::*;
use crate::accounts::Role;
use crate::ids::UserId;
use crate::time::Zone;

fn webinar() -> EventInput {
    EventInput {
        kind: "webinar".into(),
        title: "Legal avenues against land seizures".into(),
        title_ar: Some("السبل القانونية لمواجهة مصادرة الأراضي".into()),
        description: Some("Lawyers from three continents.".into()),
        description_fr: Some("Des avocats de trois continents.".into()),
        start: "2026-03-10T18:00".into(),
        time_zone: "Africa/Nairobi".into(),
        duration: "90".into(),
        link: Some("https://meet.example.org/legal".into()),
        languages: vec!["en".into(), "Arabic".into(), "en".into()],
        interpretation: vec!["fr; es".into()],
        speakers: vec![PersonId::new().to_string()],
        organisations: vec![OrganisationId::new().to_string()],
        groups: vec![GroupId::new().to_string()],
        regions: vec!["002".into(), "145".into()],
        visibility: Some("public".into()),
        capacity: Some("300".into()),
        registration_opens: Some("2026-02-10T09:00".into()),
        registration_closes: Some("2026-03-10T17:00".into()),
        ..Default::default()
    }
}

#[test]
fn an_event_form_is_validated_and_reads_back_as_typed() {
    let f = webinar().validate().unwrap();
    assert_eq!(f.kind, EventKind::Webinar);
    assert_eq!(f.start.at.to_rfc3339(), "2026-03-10T15:00:00+00:00");
    assert_eq!(f.end().to_rfc3339(), "2026-03-10T16:30:00+00:00");
    assert_eq!(
        f.languages
            .iter()
            .map(LanguageCode::as_str)
            .collect::<Vec<_>>(),
        ["en", "ar"]
    );
    assert_eq!(
        f.interpretation
            .iter()
            .map(LanguageCode::as_str)
            .collect::<Vec<_>>(),
        ["fr", "es"]
    );
    assert_eq!(
        f.title_in(Lang::Ar),
        "السبل القانونية لمواجهة مصادرة الأراضي"
    );
    assert_eq!(f.title_in(Lang::Es), "Legal avenues against land seizures");
    assert_eq!(
        f.description_in(Lang::Fr),
        Some("Des avocats de trois continents.")
    );
    assert_eq!(
        f.description_in(Lang::Ar),
        Some("Lawyers from three continents.")
    );
    assert_eq!(f.capacity, Some(300));
    assert_eq!(f.visibility, Visibility::Public);
    assert_eq!(
        f.registration_closes.map(|t| t.to_rfc3339()).as_deref(),
        Some("2026-03-10T14:00:00+00:00")
    );
    let again = input_of(&f);
    assert_eq!(
        again.registration_opens.as_deref(),
        Some("2026-02-10T09:00")
    );
    assert_eq!(again.validate(), Ok(f));
}

#[test]
fn an_event_form_names_the_field_at_fault() {
    let with = |f: fn(&mut EventInput)| {
        let mut input = webinar();
        f(&mut input);
        input.validate().unwrap_err()
    };
    assert_eq!(
        with(|i| i.kind = "party".into()),
        Invalid::new("kind", Problem::UnknownValue)
    );
    assert_eq!(
        with(|i| i.title = " ".into()),
        Invalid::new("title", Problem::Required)
    );
    assert_eq!(
        with(|i| i.duration = "10081".into()),
        Invalid::new(
            "duration",
            Problem::OutOfRange {
                min: 5,
                max: 10_080
            }
        )
    );
    assert_eq!(
        with(|i| i.link = None),
        Invalid::new("link", Problem::LinkOrPlace)
    );
    assert_eq!(
        with(|i| i.link = Some("javascript:alert(1)".into())),
        Invalid::new("link", Problem::Url)
    );
    assert_eq!(
        with(|i| i.city = Some("Nairobi".into())),
        Invalid::new("country", Problem::Required)
    );
    assert_eq!(
        with(|i| i.country = Some("XX".into())),
        Invalid::new("country", Problem::Country)
    );
    assert_eq!(
        with(|i| i.languages.clear()),
        Invalid::new("languages", Problem::Required)
    );
    assert_eq!(
        with(|i| i.interpretation = vec!["x1".into()]).field,
        "interpretation"
    );
    assert_eq!(
        with(|i| i.speakers.push("Amal".into())),
        Invalid::new("speakers", Problem::UnknownValue)
    );
    assert_eq!(
        with(|i| i.groups.push("media".into())),
        Invalid::new("groups", Problem::UnknownValue)
    );
    assert_eq!(
        with(|i| i.regions.push("Africa".into())),
        Invalid::new("regions", Problem::UnknownValue)
    );
    assert_eq!(
        with(|i| i.visibility = Some("restricted".into())),
        Invalid::new("visibility", Problem::Visibility)
    );
    assert_eq!(
        with(|i| i.capacity = Some("0".into())),
        Invalid::new(
            "capacity",
            Problem::OutOfRange {
                min: 1,
                max: 100_000
            }
        )
    );
    // Closing after the event has ended, or before opening.
    assert_eq!(
        with(|i| i.registration_closes = Some("2026-03-10T20:00".into())),
        Invalid::new("registration_closes", Problem::DatesOutOfOrder)
    );
    assert_eq!(
        with(|i| i.registration_opens = Some("2026-03-10T17:30".into())),
        Invalid::new("registration_closes", Problem::DatesOutOfOrder)
    );
    assert_eq!(
        with(|i| i.registration_opens = Some("soon".into())),
        Invalid::new("registration_opens", Problem::DateTime)
    );
    let in_person = EventInput {
        link: None,
        country: Some("ke".into()),
        city: Some("Nairobi".into()),
        ..webinar()
    };
    let f = in_person.validate().unwrap();
    assert_eq!(f.country.as_ref().map(CountryCode::as_str), Some("KE"));
    assert_eq!(
        EventInput {
            visibility: None,
            ..webinar()
        }
        .validate()
        .unwrap()
        .visibility,
        Visibility::Network
    );
}

#[test]
fn registration_times_the_clocks_skip_name_their_own_field() {
    // Paris springs forward on 29 March 2026 at 02:00.
    let input = EventInput {
        start: "2026-04-02T18:00".into(),
        time_zone: "Europe/Paris".into(),
        registration_opens: Some("2026-03-29T02:30".into()),
        registration_closes: None,
        ..webinar()
    };
    assert_eq!(
        input.validate(),
        Err(Invalid::new("registration_opens", Problem::TimeSkipped))
    );
}

/// `local` in `zone` seen from `viewer`'s zone.
fn seen(local: &str, zone: &str, viewer: &str) -> String {
    let f = EventInput {
        start: local.into(),
        time_zone: zone.into(),
        registration_opens: None,
        registration_closes: None,
        ..webinar()
    }
    .validate()
    .unwrap();
    f.start.in_zone(Zone::parse(viewer).unwrap())
}

#[test]
fn a_weekly_webinar_moves_for_europe_when_europe_changes_its_clocks() {
    // Nairobi keeps UTC+3 all year; London moves to UTC+1 on 29 March 2026 and
    // back on 25 October.
    assert_eq!(
        seen("2026-03-24T18:00", "Africa/Nairobi", "Europe/London"),
        "2026-03-24 15:00"
    );
    assert_eq!(
        seen("2026-03-31T18:00", "Africa/Nairobi", "Europe/London"),
        "2026-03-31 16:00"
    );
    assert_eq!(
        seen("2026-10-20T18:00", "Africa/Nairobi", "Europe/London"),
        "2026-10-20 16:00"
    );
    assert_eq!(
        seen("2026-10-27T18:00", "Africa/Nairobi", "Europe/London"),
        "2026-10-27 15:00"
    );
    for (local, problem) in [
        ("2026-03-29T02:30", Problem::TimeSkipped),
        ("2026-10-25T02:30", Problem::TimeAmbiguous),
    ] {
        let input = EventInput {
            start: local.into(),
            time_zone: "Europe/Paris".into(),
            registration_opens: None,
            registration_closes: None,
            ..webinar()
        };
        assert_eq!(input.validate(), Err(Invalid::new("start", problem)));
    }
}

#[test]
fn the_americas_change_their_clocks_on_other_weekends_than_europe() {
    // New York springs forward on 8 March 2026, three weeks before Europe: for those
    // weeks New York is only four hours behind Paris instead of six.
    assert_eq!(
        seen("2026-03-05T12:00", "America/New_York", "Europe/Paris"),
        "2026-03-05 18:00"
    );
    assert_eq!(
        seen("2026-03-12T12:00", "America/New_York", "Europe/Paris"),
        "2026-03-12 17:00"
    );
    assert_eq!(
        seen("2026-04-02T12:00", "America/New_York", "Europe/Paris"),
        "2026-04-02 18:00"
    );
    // And falls back on 1 November, a week after Europe.
    assert_eq!(
        seen("2026-10-29T12:00", "America/New_York", "Europe/Paris"),
        "2026-10-29 17:00"
    );
    assert_eq!(
        seen("2026-11-05T12:00", "America/New_York", "Europe/Paris"),
        "2026-11-05 18:00"
    );
    for (local, problem) in [
        ("2026-03-08T02:30", Problem::TimeSkipped),
        ("2026-11-01T01:30", Problem::TimeAmbiguous),
    ] {
        let input = EventInput {
            start: local.into(),
            time_zone: "America/New_York".into(),
            registration_opens: None,
            registration_closes: None,
            ..webinar()
        };
        assert_eq!(input.validate(), Err(Invalid::new("start", problem)));
    }
}

#[test]
fn the_southern_hemisphere_changes_its_clocks_the_other_way_round() {
    // Sydney leaves summer time on 5 April 2026 (03:00 → 02:00) and enters it on
    // 4 October (02:00 → 03:00); Santiago leaves it on 5 April and enters it on
    // 6 September.
    assert_eq!(
        seen("2026-04-01T19:00", "Australia/Sydney", "UTC"),
        "2026-04-01 08:00"
    );
    assert_eq!(
        seen("2026-04-08T19:00", "Australia/Sydney", "UTC"),
        "2026-04-08 09:00"
    );
    assert_eq!(
        seen("2026-10-07T19:00", "Australia/Sydney", "UTC"),
        "2026-10-07 08:00"
    );
    assert_eq!(
        seen(
            "2026-04-01T10:00",
            "America/Santiago",
            "Africa/Johannesburg"
        ),
        "2026-04-01 15:00"
    );
    assert_eq!(
        seen(
            "2026-04-08T10:00",
            "America/Santiago",
            "Africa/Johannesburg"
        ),
        "2026-04-08 16:00"
    );
    for (local, zone, problem) in [
        (
            "2026-04-05T02:30",
            "Australia/Sydney",
            Problem::TimeAmbiguous,
        ),
        ("2026-10-04T02:30", "Australia/Sydney", Problem::TimeSkipped),
        ("2026-09-06T00:30", "America/Santiago", Problem::TimeSkipped),
    ] {
        let input = EventInput {
            start: local.into(),
            time_zone: zone.into(),
            registration_opens: None,
            registration_closes: None,
            ..webinar()
        };
        assert_eq!(
            input.validate(),
            Err(Invalid::new("start", problem)),
            "{local} {zone}"
        );
    }
}

#[test]
fn members_manage_the_events_of_their_own_organisation_only() {
    let ours = OrganisationId::new();
    let member = Viewer::User {
        id: UserId::new(),
        role: Role::Member,
        organisation: Some(ours.clone()),
    };
    assert!(can_manage(&member, &[OrganisationId::new(), ours]));
    assert!(!can_manage(&member, &[OrganisationId::new()]));
    assert!(!can_manage(&member, &[]));
    let coordinator = Viewer::User {
        id: UserId::new(),
        role: Role::Coordinator,
        organisation: None,
    };
    assert!(can_manage(&coordinator, &[]));
    assert!(!can_manage(&Viewer::Anonymous, &[]));
    assert!(can_see(&Viewer::Anonymous, Visibility::Public));
    assert!(!can_see(&Viewer::Anonymous, Visibility::Network));
    assert!(can_see(&member, Visibility::Network));
}

#[test]
fn an_audience_in_a_sub_region_meets_one_in_its_region() {
    let africa = vec!["002".to_owned()];
    let eastern_africa = vec!["014".to_owned()];
    let europe = vec!["150".to_owned()];
    assert!(regions_meet(&africa, &eastern_africa));
    assert!(regions_meet(&eastern_africa, &africa));
    assert!(!regions_meet(&africa, &europe));
    assert!(!regions_meet(&[], &africa));
    assert!(audience_codes("002").contains(&"014"));
    assert_eq!(audience_codes("014"), ["014", "002"]);
    assert!(audience_codes("Africa").is_empty());
}

proptest! {
    #[test]
    fn accepted_durations_and_capacities_are_within_range(raw in "\\PC{0,7}") {
        if let Ok(m) = parse_duration(&raw) {
            prop_assert!(DURATION.contains(&m));
        }
        if let Ok(Some(c)) = parse_capacity(&raw) {
            prop_assert!((1..=MAX_CAPACITY).contains(&c));
        }
    }

    #[test]
    fn an_event_reads_back_in_its_own_zone_whatever_the_viewer(
        minutes in 0i64..(2 * 366 * 24 * 60),
        zone in prop::sample::select(vec!["Europe/Paris", "America/New_York", "Australia/Sydney", "America/Santiago", "Asia/Gaza"]),
        viewer in prop::sample::select(vec!["UTC", "Africa/Nairobi", "Asia/Kolkata", "America/Sao_Paulo"]),
    ) {
        let local = (chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap().and_hms_opt(0, 0, 0).unwrap()
            + chrono::Duration::minutes(minutes))
            .format("%Y-%m-%dT%H:%M")
            .to_string();
        let input = EventInput { start: local.clone(), time_zone: zone.into(), registration_opens: None, registration_closes: None, ..webinar() };
        if let Ok(f) = input.validate() {
            prop_assert_eq!(f.start.local_text(), local);
            let shown = f.start.in_zone(Zone::parse(viewer).unwrap());
            let back = crate::groups::Start::parse(&shown, viewer).unwrap();
            prop_assert_eq!(back.at, f.start.at);
        }
    }
}
