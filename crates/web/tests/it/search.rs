//! Search, page and API: results grouped by kind with marked matches, only what the
//! caller may see, and refused parameters naming their field.

use reqwest::{Client, StatusCode};
use serde_json::Value;
use tadamun_core::accounts::Role;
use tadamun_store::demo;

use crate::helpers::TestApp;

const DEMO_PASSWORD: &str = "demo password 1234";

async fn get_json(app: &TestApp, path: &str, token: Option<&str>) -> (StatusCode, Value) {
    let mut request = Client::new().get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    (response.status(), response.json().await.unwrap())
}

fn kinds(body: &Value) -> Vec<String> {
    body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn titles(body: &Value, kind: &str) -> Vec<String> {
    body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["kind"] == kind)
        .flat_map(|g| g["results"].as_array().unwrap().iter())
        .map(|r| r["title"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn the_search_api_groups_results_by_kind_with_marked_matches_in_any_language() {
    let app = TestApp::spawn().await;
    demo::load(&app.db, Some(DEMO_PASSWORD)).await.unwrap();
    let token = app.token_of(Role::Viewer).await;
    let (status, body) = get_json(&app, "/api/v1/search?q=voices", Some(&token)).await;
    assert_eq!(status, StatusCode::OK);
    let found = kinds(&body);
    assert!(found.contains(&"campaign".to_owned()) && found.contains(&"content".to_owned()));
    let campaign = &body["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["kind"] == "campaign")
        .unwrap()["results"][0];
    assert!(
        campaign["title_html"]
            .as_str()
            .unwrap()
            .contains("<mark>voices</mark>"),
        "{campaign}"
    );
    assert!(campaign["url"].as_str().unwrap().starts_with("/campaigns/"));
    assert_eq!(campaign["dir"], "ltr");

    // Arabic typed without the article, with a hamza, finds the Arabic content.
    let (_, body) = get_json(
        &app,
        "/api/v1/search?q=%D8%A3%D8%B5%D9%88%D8%A7%D8%AA&kind=content&lang=ar",
        Some(&token),
    )
    .await;
    assert_eq!(kinds(&body), ["content"]);
    let hit = &body["groups"][0]["results"][0];
    assert_eq!(hit["lang"], "ar");
    assert_eq!(hit["dir"], "rtl");
    assert!(
        hit["title_html"].as_str().unwrap().contains("<mark>"),
        "{hit}"
    );
}

#[tokio::test]
async fn anonymous_callers_find_public_organisations_and_people_only() {
    let app = TestApp::spawn().await;
    demo::load(&app.db, Some(DEMO_PASSWORD)).await.unwrap();
    app.org("Heron Network Hidden", "network").await;
    app.org("Heron Network Open", "public").await;
    let (status, body) = get_json(&app, "/api/v1/search?q=heron", None).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(titles(&body, "organisation"), ["Heron Network Open"]);
    let (_, body) = get_json(&app, "/api/v1/search?q=voices", None).await;
    assert!(kinds(&body).is_empty(), "{body}");
    let token = app.token_of(Role::Viewer).await;
    let (_, body) = get_json(&app, "/api/v1/search?q=heron", Some(&token)).await;
    assert_eq!(titles(&body, "organisation").len(), 2);
}

#[tokio::test]
async fn restricted_records_and_legal_names_stay_hidden_from_search() {
    let app = TestApp::spawn().await;
    demo::load(&app.db, Some(DEMO_PASSWORD)).await.unwrap();
    let own = app.org("Ibis Circle Own", "restricted").await;
    app.org("Ibis Circle Other", "restricted").await;
    let member = app.user(Role::Member, Some(&own.id)).await;
    let member = app.token(&member).await;
    let (_, body) = get_json(&app, "/api/v1/search?q=ibis", Some(&member)).await;
    assert_eq!(titles(&body, "organisation"), ["Ibis Circle Own"]);
    let viewer = app.token_of(Role::Viewer).await;
    let (_, body) = get_json(&app, "/api/v1/search?q=ibis", Some(&viewer)).await;
    assert!(titles(&body, "organisation").is_empty());
    let coordinator = app.token_of(Role::Coordinator).await;
    let (_, body) = get_json(&app, "/api/v1/search?q=ibis", Some(&coordinator)).await;
    assert_eq!(titles(&body, "organisation").len(), 2);
    // A pseudonymous person: the alias for those who may see them, never the name.
    let (_, body) = get_json(
        &app,
        "/api/v1/search?q=falcon&kind=person",
        Some(&coordinator),
    )
    .await;
    assert_eq!(titles(&body, "person"), ["Falcon"]);
    let (_, body) = get_json(&app, "/api/v1/search?q=falcon", Some(&viewer)).await;
    assert!(titles(&body, "person").is_empty());
    let (_, body) = get_json(&app, "/api/v1/search?q=Hodan%20Warsame", Some(&coordinator)).await;
    assert!(titles(&body, "person").is_empty(), "{body}");
}

#[tokio::test]
async fn bad_search_parameters_are_refused_naming_the_field() {
    let app = TestApp::spawn().await;
    let long = "a".repeat(201);
    for (query, field) in [
        ("q=water&kind=planet".to_owned(), "kind"),
        ("q=water&lang=not%20a%20language".to_owned(), "lang"),
        (format!("q={long}"), "q"),
        ("q=water&limit=0".to_owned(), "limit"),
    ] {
        let (status, body) = get_json(&app, &format!("/api/v1/search?{query}"), None).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        assert_eq!(body["error"]["field"], field, "{query}");
        // On pages `lang` picks the interface language instead.
        if field != "lang" {
            let page = Client::new()
                .get(app.url(&format!("/search?{query}")))
                .send()
                .await
                .unwrap();
            assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY, "{query}");
        }
    }
}

#[tokio::test]
async fn the_search_page_groups_results_with_counts_and_escapes_what_users_typed() {
    let app = TestApp::spawn().await;
    app.org("<script>alert(1)</script> Tiger Collective", "public")
        .await;
    app.org("Tiger Lily Forum", "public").await;
    let page = Client::new()
        .get(app.url("/search?q=tiger"))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("role=\"search\""));
    assert!(html.contains("<mark>Tiger</mark>"), "{html}");
    assert!(html.contains("&lt;script&gt;") && !html.contains("<script>alert"));
    assert!(html.contains("id=\"kind-organisation\""));
    assert!(html.contains("(2)"));
    // The box in the header keeps the words on the results page.
    assert!(html.contains("name=\"q\" value=\"tiger\""));
    for lang in ["ar", "fr", "es"] {
        let page = Client::new()
            .get(app.url(&format!("/search?q=tiger&lang={lang}")))
            .send()
            .await
            .unwrap();
        assert_eq!(page.status(), StatusCode::OK, "{lang}");
        let html = page.text().await.unwrap();
        assert!(html.contains("<mark>Tiger</mark>"), "{lang}");
    }
    // Every page carries the search box, which works without JavaScript.
    let home = Client::new()
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("action=\"/search\"") && home.contains("role=\"search\""));
}
