use std::collections::BTreeSet;

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

#[tokio::test]
async fn me_returns_the_caller_and_refuses_without_credentials() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Member, None).await;
    let token = app.token(&user).await;
    let me: Value = app.api_json("/api/v1/me", &token).await;
    assert_eq!(me["email"], user.email.as_str());
    assert_eq!(me["name"], user.name);
    assert_eq!(me["role"], "member");

    for bad in [None, Some("tdm_not-a-real-token")] {
        let mut r = Client::new().get(app.url("/api/v1/me"));
        if let Some(t) = bad {
            r = r.bearer_auth(t);
        }
        let response = r.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["code"], "unauthorized");
    }
}

#[tokio::test]
async fn validation_errors_name_the_field_in_the_callers_language_and_change_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let before = tadamun_store::directory::count(&app.db).await.unwrap();
    let cases = [
        (
            "en",
            json!({"name": "", "country": "KE"}),
            "name",
            "required",
            "Name: this is required.",
        ),
        (
            "fr",
            json!({"name": "Haki", "country": "Kenya"}),
            "country",
            "invalid_country",
            "Pays",
        ),
        (
            "ar",
            json!({"name": "Haki", "country": "KE", "website": "ftp://x"}),
            "website",
            "invalid_url",
            "الموقع",
        ),
    ];
    for (lang, body, field, code, message) in cases {
        let response = Client::new()
            .post(app.url("/api/v1/organisations"))
            .bearer_auth(&token)
            .header("accept-language", lang)
            .json(&body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["field"], field);
        assert_eq!(error["error"]["code"], code);
        let text = error["error"]["message"].as_str().unwrap();
        assert!(text.contains(message), "{lang}: {text}");
    }
    assert_eq!(
        tadamun_store::directory::count(&app.db).await.unwrap(),
        before
    );
}

#[tokio::test]
async fn unreadable_bodies_and_parameters_get_json_errors() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let response = Client::new()
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["code"], "malformed");

    let response = Client::new()
        .get(app.url("/api/v1/organisations?limit=lots"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let response = Client::new()
        .get(app.url("/api/v1/organisations?limit=0"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["field"], "limit");
    let response = Client::new()
        .get(app.url("/api/v1/organisations?cursor=bogus"))
        .send()
        .await
        .unwrap();
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"]["field"], "cursor");
}

#[tokio::test]
async fn lists_page_with_a_cursor_until_every_item_is_seen_once() {
    let app = TestApp::spawn().await;
    let mut expected = BTreeSet::new();
    for i in 0..7 {
        expected.insert(
            app.org(&format!("Organisation {i}"), "public")
                .await
                .id
                .to_string(),
        );
    }
    let mut seen = BTreeSet::new();
    let mut cursor: Option<String> = None;
    let mut pages = 0;
    loop {
        let mut url = app.url("/api/v1/organisations?limit=3");
        if let Some(c) = &cursor {
            url.push_str(&format!("&cursor={c}"));
        }
        let page: Value = Client::new()
            .get(url)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        for item in page["items"].as_array().unwrap() {
            assert!(
                seen.insert(item["id"].as_str().unwrap().to_owned()),
                "seen twice"
            );
        }
        pages += 1;
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_owned()),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, expected);
}

#[tokio::test]
async fn a_taken_email_is_a_conflict_naming_the_field() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, None).await;
    let token = app.token(&admin).await;
    let body = json!({"email": "dup@example.org", "name": "Dup", "role": "viewer", "password": "long enough password"});
    let first = Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(first.status(), StatusCode::CREATED);
    let second = Client::new()
        .post(app.url("/api/v1/users"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(second.status(), StatusCode::CONFLICT);
    let error: Value = second.json().await.unwrap();
    assert_eq!(error["error"]["code"], "taken");
    assert_eq!(error["error"]["field"], "email");
}

#[tokio::test]
async fn every_change_through_the_api_appears_in_the_audit_log() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, None).await;
    let token = app.token(&admin).await;
    let created: Value = Client::new()
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .json(&json!({"name": "Rede Brasileira", "country": "br"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["country"], "BR");
    Client::new()
        .patch(app.url(&format!("/api/v1/organisations/{id}")))
        .bearer_auth(&token)
        .json(&json!({"city": "São Paulo"}))
        .send()
        .await
        .unwrap();
    let log: Value = app
        .api_json(
            &format!("/api/v1/audit?entity=organisation&entity_id={id}"),
            &token,
        )
        .await;
    let items = log["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["action"], "update");
    assert_eq!(items[0]["actor"], admin.email.as_str());
    assert_eq!(items[0]["before"]["city"], Value::Null);
    assert_eq!(items[0]["after"]["city"], "São Paulo");
    assert_eq!(items[1]["action"], "create");

    let page = app
        .signed_in(&admin)
        .await
        .get(app.url("/audit"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(id));
}

#[tokio::test]
async fn the_openapi_document_covers_every_api_route() {
    let app = TestApp::spawn().await;
    let doc: Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    let documented: BTreeSet<String> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| format!("{} {path}", m.to_uppercase()))
        })
        .collect();
    let expected: BTreeSet<String> = [
        "GET /api/v1/me",
        "GET /api/v1/users",
        "POST /api/v1/users",
        "GET /api/v1/users/{id}",
        "PATCH /api/v1/users/{id}",
        "GET /api/v1/organisations",
        "POST /api/v1/organisations",
        "GET /api/v1/organisations/{id}",
        "PATCH /api/v1/organisations/{id}",
        "DELETE /api/v1/organisations/{id}",
        "POST /api/v1/organisations/{id}/stage",
        "GET /api/v1/organisations/{id}/stages",
        "PUT /api/v1/organisations/{id}/outreach",
        "GET /api/v1/outreach/funnel",
        "GET /api/v1/organisations/export",
        "GET /api/v1/focus-areas",
        "POST /api/v1/focus-areas",
        "PUT /api/v1/focus-areas/{code}",
        "DELETE /api/v1/focus-areas/{code}",
        "GET /api/v1/people",
        "POST /api/v1/people",
        "GET /api/v1/people/{id}",
        "PATCH /api/v1/people/{id}",
        "DELETE /api/v1/people/{id}",
        "GET /api/v1/people/export",
        "POST /api/v1/imports/organisations",
        "GET /api/v1/slots",
        "GET /api/v1/coverage",
        "GET /api/v1/search",
        "GET /api/v1/coverage/targets",
        "POST /api/v1/coverage/targets",
        "PUT /api/v1/coverage/targets/{id}",
        "DELETE /api/v1/coverage/targets/{id}",
        "GET /api/v1/plans",
        "GET /api/v1/plans/{id}",
        "POST /api/v1/plan-items",
        "PATCH /api/v1/plan-items/{id}",
        "DELETE /api/v1/plan-items/{id}",
        "POST /api/v1/plan-items/{id}/dependencies",
        "POST /api/v1/indicators",
        "GET /api/v1/indicators/{id}",
        "DELETE /api/v1/indicators/{id}",
        "GET /api/v1/indicators/{id}/measurements",
        "POST /api/v1/indicators/{id}/measurements",
        "GET /api/v1/working-groups",
        "POST /api/v1/working-groups",
        "GET /api/v1/working-groups/{id}",
        "PATCH /api/v1/working-groups/{id}",
        "DELETE /api/v1/working-groups/{id}",
        "GET /api/v1/meetings",
        "POST /api/v1/meetings",
        "GET /api/v1/meetings/{id}",
        "PATCH /api/v1/meetings/{id}",
        "DELETE /api/v1/meetings/{id}",
        "POST /api/v1/meetings/{id}/actions",
        "POST /api/v1/meeting-actions/{id}/plan-item",
        "GET /api/v1/recommendations",
        "POST /api/v1/recommendations",
        "GET /api/v1/recommendations/{id}",
        "PATCH /api/v1/recommendations/{id}",
        "DELETE /api/v1/recommendations/{id}",
        "POST /api/v1/recommendations/{id}/status",
        "POST /api/v1/recommendations/{id}/items",
        "DELETE /api/v1/recommendations/{id}/items/{item}",
        "GET /api/v1/campaigns",
        "POST /api/v1/campaigns",
        "GET /api/v1/campaigns/{id}",
        "PATCH /api/v1/campaigns/{id}",
        "DELETE /api/v1/campaigns/{id}",
        "GET /api/v1/campaigns/{id}/targets",
        "POST /api/v1/campaigns/{id}/targets",
        "PATCH /api/v1/campaigns/{id}/targets/{target}",
        "DELETE /api/v1/campaigns/{id}/targets/{target}",
        "GET /api/v1/campaigns/{id}/content",
        "POST /api/v1/campaigns/{id}/content",
        "GET /api/v1/content/{id}",
        "PATCH /api/v1/content/{id}",
        "DELETE /api/v1/content/{id}",
        "GET /api/v1/content/{id}/translations/{lang}",
        "PUT /api/v1/content/{id}/translations/{lang}",
        "POST /api/v1/content/{id}/translations/{lang}/state",
        "GET /api/v1/campaigns/{id}/matrix",
        "GET /api/v1/translations/mine",
        "GET /api/v1/content/{id}/publications",
        "POST /api/v1/content/{id}/publications",
        "PATCH /api/v1/publications/{id}",
        "DELETE /api/v1/publications/{id}",
        "PUT /api/v1/publications/{id}/reach",
        "POST /api/v1/campaigns/{id}/reach-import",
        "GET /api/v1/content/calendar",
        "POST /api/v1/measurements/{id}/corrections",
        "GET /api/v1/events",
        "POST /api/v1/events",
        "GET /api/v1/events/{id}",
        "PATCH /api/v1/events/{id}",
        "DELETE /api/v1/events/{id}",
        "GET /api/v1/events/clashes",
        "POST /api/v1/events/{id}/cancel",
        "GET /api/v1/calendar.ics",
        "POST /api/v1/events/{id}/registrations",
        "GET /api/v1/events/{id}/registrations",
        "POST /api/v1/registrations/{id}/cancel",
        "PUT /api/v1/events/{id}/attendance",
        "GET /api/v1/audit",
        "GET /api/v1/jobs",
        "POST /api/v1/jobs/{id}/retry",
        "GET /api/v1/account/reminders",
        "PUT /api/v1/account/reminders",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    assert_eq!(documented, expected);
    // Each documented route really answers (not 404 or 405) on this server.
    for route in &expected {
        let (method, path) = route.split_once(' ').unwrap();
        let path = path
            .replace("{id}", "0190f5b2-0000-7000-8000-000000000000")
            .replace("{code}", "no-such-area")
            .replace("{item}", "0190f5b2-0000-7000-8000-000000000001")
            .replace("{target}", "0190f5b2-0000-7000-8000-000000000002")
            .replace("{lang}", "sw");
        let response = Client::new()
            .request(method.parse().unwrap(), app.url(&path))
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_ne!(response.status(), StatusCode::METHOD_NOT_ALLOWED, "{route}");
        if route.ends_with(".ics") {
            assert_eq!(
                response.headers()["content-type"],
                "text/calendar; charset=utf-8",
                "{route}"
            );
            continue;
        }
        if route.ends_with("/export") {
            // The export answers CSV unless asked for JSON.
            assert_eq!(
                response.headers()["content-type"],
                "text/csv; charset=utf-8",
                "{route}"
            );
            continue;
        }
        let body: Value = response.json().await.unwrap_or(Value::Null);
        // Public lists (events) answer anonymous callers with an array.
        assert!(body.is_object() || body.is_array(), "{route} answers JSON");
    }
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}
