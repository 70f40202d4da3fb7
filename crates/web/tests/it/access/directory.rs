//! The role matrix on the directory (organisations, people, focus areas, coverage,
//! search, imports, slots), and who sees a restricted organisation.

use reqwest::{Client, Method, StatusCode};
use tadamun_core::accounts::Role;

use super::{Case, LOGIN, Setup, api, page};
use crate::helpers::TestApp;

fn org_form(name: &str) -> Option<Vec<(&'static str, String)>> {
    Some(vec![
        ("name", name.to_owned()),
        ("country", "SN".to_owned()),
        ("visibility", "network".to_owned()),
    ])
}

fn with_force(form: Option<Vec<(&'static str, String)>>) -> Option<Vec<(&'static str, String)>> {
    form.map(|mut f| {
        f.push(("force", "on".to_owned()));
        f
    })
}

pub(super) fn cases(setup: &Setup) -> Vec<Case> {
    let own_id = &setup.own.id;
    let other_id = &setup.other.id;
    vec![
        page(
            Method::GET,
            "/organisations".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/organisations/{own_id}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/organisations/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/organisations".into(),
            // `force`: each caller adds "New"; the second is a look-alike of the first.
            with_force(org_form("New")),
            [LOGIN, 403, 403, 303, 303],
        ),
        page(
            Method::GET,
            format!("/organisations/{own_id}/edit"),
            None,
            [404, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/organisations/{other_id}/edit"),
            None,
            [404, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            format!("/organisations/{own_id}"),
            org_form("Own organisation"),
            [404, 403, 303, 303, 303],
        ),
        page(
            Method::POST,
            format!("/organisations/{other_id}"),
            org_form("Other organisation"),
            [404, 403, 403, 303, 303],
        ),
        api(
            Method::GET,
            "/api/v1/organisations".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/organisations/{own_id}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/organisations?force=true".into(),
            Some(serde_json::json!({"name": "Via API", "country": "BR"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/organisations/{own_id}"),
            Some(serde_json::json!({"city": "Dakar"})),
            [404, 403, 200, 200, 200],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/organisations/{other_id}"),
            Some(serde_json::json!({"city": "Dakar"})),
            [404, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/people".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/people/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/focus-areas".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/coverage".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/search?q=organisation".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/search?q=organisation".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/organisations/import".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/people".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/people".into(),
            Some(serde_json::json!({"display_name": "Rana Saleh"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/focus-areas".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::PUT,
            "/api/v1/focus-areas/media".into(),
            Some(serde_json::json!({"name_en": "Media"})),
            [401, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/coverage".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/coverage/targets".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/coverage/targets".into(),
            Some(
                serde_json::json!({"region": "002", "counts": "members", "target": 25, "deadline": "2027-06-30"}),
            ),
            [401, 403, 403, 201, 201],
        ),
        page(
            Method::GET,
            "/slots?countries=KE".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/slots?countries=KE,GB".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/imports/organisations?dry_run=true".into(),
            Some(serde_json::json!({})),
            [401, 403, 403, 422, 422],
        ),
    ]
}

#[tokio::test]
async fn restricted_organisations_are_seen_only_by_their_members_and_coordinators() {
    let app = TestApp::spawn().await;
    let hidden = app.org("Lawyers for Justice", "restricted").await;
    let public = app.org("Open Collective", "public").await;
    let insider = app.user(Role::Viewer, Some(&hidden.id)).await;
    let outsider = app.user(Role::Member, None).await;
    let coordinator = app.user(Role::Coordinator, None).await;

    let names = |body: serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let list = |token: Option<String>| {
        let mut r = Client::new().get(app.url("/api/v1/organisations"));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let anonymous = names(list(None).await.unwrap().json().await.unwrap());
    assert_eq!(anonymous, vec![public.fields.name.clone()]);
    let seen_by_outsider = names(
        list(Some(app.token(&outsider).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(!seen_by_outsider.contains(&hidden.fields.name));
    let seen_by_insider = names(
        list(Some(app.token(&insider).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(seen_by_insider.contains(&hidden.fields.name));
    let seen_by_coordinator = names(
        list(Some(app.token(&coordinator).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(seen_by_coordinator.contains(&hidden.fields.name));

    let page = app
        .signed_in(&outsider)
        .await
        .get(app.url(&format!("/organisations/{}", hidden.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let page = app
        .signed_in(&outsider)
        .await
        .get(app.url("/organisations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Lawyers for Justice"));
}
