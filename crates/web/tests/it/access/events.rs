//! The role matrix on events, registrations and calendars.

use reqwest::Method;
use tadamun_core::directory::Organisation;

use super::{Case, LOGIN, Setup, api, page};
use crate::helpers::TestApp;

pub(super) async fn cases(app: &TestApp, setup: &Setup) -> Vec<Case> {
    let (own, other) = (&setup.own, &setup.other);
    let event_of = |title: &str, visibility: &str, org: &Organisation| {
        let fields = tadamun_core::events::EventInput {
            kind: "webinar".into(),
            title: title.into(),
            start: "2026-03-10T18:00".into(),
            time_zone: "Africa/Nairobi".into(),
            duration: "60".into(),
            link: Some("https://meet.example.org/x".into()),
            languages: vec!["en".into()],
            organisations: vec![org.id.to_string()],
            visibility: Some(visibility.into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let db = app.db.clone();
        async move {
            tadamun_store::events::create(&db, &tadamun_core::audit::Actor::System, fields)
                .await
                .unwrap()
                .id
        }
    };
    let public_event = event_of("Open webinar", "public", other).await;
    let own_event = event_of("Own briefing", "network", own).await;
    let other_event = event_of("Other briefing", "network", other).await;
    let event_form = Some(vec![
        ("kind", "webinar".to_owned()),
        ("title", "Webinar".to_owned()),
        ("start", "2026-03-10T18:00".to_owned()),
        ("time_zone", "UTC".to_owned()),
        ("duration", "60".to_owned()),
        ("link", "https://meet.example.org/x".to_owned()),
        ("languages", "en".to_owned()),
        ("organisations", own.id.to_string()),
    ]);
    vec![
        page(
            Method::GET,
            "/events".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/events/new".into(),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{public_event}"),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}/edit"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{other_event}/edit"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/events".into(),
            event_form.clone(),
            [LOGIN, 403, 303, 303, 303],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}/registrations"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{public_event}/registrations.csv"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/events/{public_event}/registrations"),
            None,
            [401, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/calendar".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/calendar.ics".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}.ics"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/events/{other_event}/cancel"),
            None,
            [401, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/events".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/events/{own_event}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/events".into(),
            Some(
                serde_json::json!({"kind": "webinar", "title": "Webinar", "start": "2026-03-10T18:00", "time_zone": "UTC", "duration": 60, "link": "https://meet.example.org/x", "languages": ["en"], "organisations": [own.id.to_string()]}),
            ),
            [401, 403, 201, 201, 201],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/events/{other_event}"),
            Some(serde_json::json!({"capacity": 40})),
            [401, 403, 403, 200, 200],
        ),
    ]
}
