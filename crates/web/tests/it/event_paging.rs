//! Paging the event list: what is coming earliest first, what has been latest first,
//! the API's cursor, bad list parameters named, and the page's link to the past.

use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::events::{event, webinar_json};
use crate::helpers::TestApp;

#[tokio::test]
async fn the_event_list_pages_through_what_is_coming_and_what_has_been() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let today = chrono::Utc::now().date_naive();
    let on = |days: i64, title: &str| {
        let mut body = webinar_json(title, "public");
        body["start"] = json!(format!("{}T12:00", today + chrono::Duration::days(days)));
        body
    };
    for (days, title) in [
        (-20, "Past one"),
        (-10, "Past two"),
        (5, "Soon"),
        (6, "Sooner after"),
        (7, "Later still"),
    ] {
        event(&app, &token, on(days, title)).await;
    }
    let titles = |page: &Value| -> Vec<String> {
        page["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["title"].as_str().unwrap().to_owned())
            .collect()
    };

    // What is coming, earliest first, two at a time; the cursor leads on.
    let first = app.api_json("/api/v1/events?limit=2", &token).await;
    assert_eq!(titles(&first), ["Soon", "Sooner after"]);
    let cursor = first["next_cursor"].as_str().unwrap();
    let second = app
        .api_json(&format!("/api/v1/events?limit=2&cursor={cursor}"), &token)
        .await;
    assert_eq!(titles(&second), ["Later still"]);
    assert_eq!(second["next_cursor"], Value::Null);

    // What has been, latest first.
    let past = app.api_json("/api/v1/events?when=past", &token).await;
    assert_eq!(titles(&past), ["Past two", "Past one"]);
    let all = app
        .api_json("/api/v1/events?when=all&limit=500", &token)
        .await;
    assert_eq!(titles(&all).len(), 5);

    // Bad list parameters are named.
    for (query, field) in [
        ("when=tomorrow", "when"),
        ("cursor=not-a-cursor", "cursor"),
        ("limit=0", "limit"),
    ] {
        let response = Client::new()
            .get(app.url(&format!("/api/v1/events?{query}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["error"]["field"], json!(field), "{query}");
    }

    // The page: upcoming by default with a link to the past, which lists the latest
    // first and keeps the filters.
    let client = TestApp::client();
    let page = client
        .get(app.url("/events?region=002"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Soon") && page.contains("Later still"));
    assert!(!page.contains("Past one"));
    assert!(
        page.contains("href=\"/events?when=past&amp;region=002\""),
        "{page}"
    );
    let past = client
        .get(app.url("/events?when=past&region=002"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (two, one) = (
        past.find("Past two").unwrap(),
        past.find("Past one").unwrap(),
    );
    assert!(two < one, "latest first");
    assert!(!past.contains("Later still"));
}
