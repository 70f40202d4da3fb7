use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

async fn add_person(app: &TestApp, token: &str, body: Value) -> Value {
    let response = app
        .api_send(Method::POST, "/api/v1/people", token, body)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    response.json().await.unwrap()
}

#[tokio::test]
async fn the_api_shows_a_pseudonymous_person_by_alias_and_hides_contacts_by_role() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let org = app.org("Gaza Medics", "public").await;
    let person = add_person(
        &app,
        &coordinator,
        json!({
            "display_name": "خالد النجّار",
            "pseudonymous": true,
            "alias": "أبو سليم",
            "country": "PS",
            "languages": ["ar", "English"],
            "signal": "@abu_salim",
            "consent_scope": "contact",
            "consent_date": "2026-03-01",
            "affiliations": [{"organisation_id": org.id.to_string(), "role": "Volunteer"}]
        }),
    )
    .await;
    assert_eq!(person["name"], "خالد النجّار");
    assert_eq!(person["languages"], json!(["ar", "en"]));
    let id = person["id"].as_str().unwrap();

    for role in [Role::Viewer, Role::Member] {
        let token = app.token_of(role).await;
        let seen = app.api_json(&format!("/api/v1/people/{id}"), &token).await;
        assert_eq!(seen["name"], "أبو سليم", "{role}");
        assert_eq!(seen["real_name"], Value::Null, "{role}");
        assert_eq!(seen["contacts"], Value::Null, "{role}");
        // Nor can they find the person by the real name.
        let found = app.api_json("/api/v1/people?q=النجار", &token).await;
        assert_eq!(found["items"], json!([]), "{role}");
        let export = app
            .api_json("/api/v1/people/export?format=json", &token)
            .await;
        assert!(!export.to_string().contains("النجّار"), "{role}");
        assert!(!export.to_string().contains("abu_salim"), "{role}");
    }
    let seen = app
        .api_json(&format!("/api/v1/people/{id}"), &coordinator)
        .await;
    assert_eq!(seen["real_name"], "خالد النجّار");
    assert_eq!(seen["contacts"]["signal"], "@abu_salim");
    assert_eq!(seen["affiliations"][0]["role"], "Volunteer");
    let found = app.api_json("/api/v1/people?q=النجار", &coordinator).await;
    assert_eq!(found["items"].as_array().unwrap().len(), 1);

    // The organisation's page lists its people as the reader may see them.
    let member = app.user(Role::Member, None).await;
    let page = app
        .signed_in(&member)
        .await
        .get(app.url(&format!("/organisations/{}", org.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("أبو سليم") && page.contains("Volunteer"));
    assert!(!page.contains("النجّار"));
}

#[tokio::test]
async fn contact_details_reach_members_but_never_viewers_or_the_public() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let person = add_person(
        &app,
        &coordinator,
        json!({"display_name": "Valentina Ríos", "email": "valentina@example.org", "visibility": "public", "public_figure": "lawyer"}),
    )
    .await;
    let id = person["id"].as_str().unwrap();
    let member = app.token_of(Role::Member).await;
    let seen = app.api_json(&format!("/api/v1/people/{id}"), &member).await;
    assert_eq!(seen["contacts"]["email"], "valentina@example.org");
    let viewer = app.token_of(Role::Viewer).await;
    let seen = app.api_json(&format!("/api/v1/people/{id}"), &viewer).await;
    assert_eq!(seen["contacts"], Value::Null);
    let page = reqwest::get(app.url(&format!("/people/{id}")))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Valentina Ríos"));
    assert!(!page.contains("valentina@example.org"));
    let csv = reqwest::get(app.url("/people/export.csv"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.contains("Valentina Ríos") && !csv.contains("valentina@example.org"));
}

#[tokio::test]
async fn bad_person_input_names_the_field_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    for (body, field) in [
        (json!({"display_name": "A", "pseudonymous": true}), "alias"),
        (json!({"display_name": "A", "email": "nope"}), "email"),
        (
            json!({"display_name": "A", "country": "Atlantis"}),
            "country",
        ),
        (
            json!({"display_name": "A", "consent_scope": "contact"}),
            "consent_date",
        ),
        (
            json!({"display_name": "A", "affiliations": [{"organisation_id": "0190f5b2-0000-7000-8000-000000000000"}]}),
            "organisations",
        ),
    ] {
        let response = app
            .api_send(Method::POST, "/api/v1/people", &coordinator, body)
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["field"], field);
    }
    let list = app.api_json("/api/v1/people", &coordinator).await;
    assert_eq!(list["items"], json!([]));
    let member = app.token_of(Role::Member).await;
    let response = app
        .api_send(
            Method::POST,
            "/api/v1/people",
            &member,
            json!({"display_name": "A"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_person_form_keeps_what_was_typed_when_it_is_refused() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let response = client
        .post(app.url("/people"))
        .form(&[
            ("display_name", "Amal Odeh"),
            ("pseudonymous", "on"),
            ("note", "Met in Amman"),
            ("languages", "ar"),
            ("languages", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Alias"), "the message names the field");
    assert!(page.contains("Amal Odeh") && page.contains("Met in Amman"));
    assert!(page.contains(r#"value="en" checked"#));
}
