//! The role matrix on working groups, meetings and recommendations.

use reqwest::Method;

use super::{Case, LOGIN, api, page};

pub(super) fn cases() -> Vec<Case> {
    vec![
        page(
            Method::GET,
            "/groups".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/groups/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/meetings".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/meetings/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/recommendations".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/recommendations/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/groups".into(),
            Some(vec![("name", "Economic working group".to_owned())]),
            [LOGIN, 403, 403, 303, 303],
        ),
        api(
            Method::GET,
            "/api/v1/working-groups".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/working-groups".into(),
            Some(serde_json::json!({"name": "Media working group"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/meetings".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/meetings".into(),
            Some(
                serde_json::json!({"kind": "workshop", "title": "Legal workshop", "start": "2026-05-12T10:00", "time_zone": "Africa/Johannesburg", "duration": 120, "place": "Johannesburg"}),
            ),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/recommendations?stale_days=30".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/recommendations".into(),
            Some(serde_json::json!({"text": "Open a legal desk", "theme": "legal"})),
            [401, 403, 403, 201, 201],
        ),
    ]
}
