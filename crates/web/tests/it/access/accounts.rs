//! The role matrix on the home page, accounts, users, the audit trail, the jobs
//! queue and the API's own description.

use reqwest::Method;

use super::{Case, LOGIN, Setup, api, page};

pub(super) fn cases(setup: &Setup) -> Vec<Case> {
    let some_user = &setup.some_user;
    vec![
        page(Method::GET, "/".into(), None, [200, 200, 200, 200, 200]),
        page(
            Method::GET,
            "/account".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/users".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/users/new".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            format!("/users/{}", some_user.id),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/audit".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            "/api/v1/me".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/users".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/users/{}", some_user.id),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/users/{}", some_user.id),
            Some(serde_json::json!({"role": "viewer"})),
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            "/api/v1/audit".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/admin/jobs".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/account/reminders".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/jobs?state=failed".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/jobs/{}/retry", tadamun_core::ids::JobId::new()),
            None,
            [401, 403, 403, 403, 404],
        ),
        api(
            Method::PUT,
            "/api/v1/account/reminders".into(),
            Some(serde_json::json!({"weekly_digest": false})),
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/openapi.json".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
    ]
}
