//! The pages of working groups, meetings and recommendations: refused forms keep what
//! was typed and name the field; minutes are rendered safely; times in both zones.

use reqwest::StatusCode;
use serde_json::json;
use tadamun_core::accounts::Role;

use crate::groups::created;
use crate::helpers::TestApp;

#[tokio::test]
async fn refused_forms_come_back_with_what_was_typed_and_the_field_named() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let response = client
        .post(app.url("/groups"))
        .form(&[
            ("name", " "),
            ("mandate", "Keep the legal desk running"),
            ("regions", "002"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Keep the legal desk running"), "mandate kept");
    assert!(page.contains(r#"value="002" checked"#), "region kept");
    assert!(page.contains("Name: this is required."), "field named");

    let meeting = [
        ("kind", "workshop"),
        ("title", "Spring workshop"),
        ("start", "2026-03-29T02:30"),
        ("time_zone", "Europe/Paris"),
        ("duration", "120"),
        ("place", "Paris"),
        ("agenda", "Welcome\nMedia plan"),
        (
            "minutes",
            "# Notes\n\n<img src=x onerror=alert(1)> **done**",
        ),
    ];
    let response = client
        .post(app.url("/meetings"))
        .form(&meeting)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(
        page.contains("Spring workshop") && page.contains("Welcome\nMedia plan"),
        "typed values kept"
    );
    assert!(page.contains("Start: the clocks skip this time"), "{page}");
    assert_eq!(
        app.api_json("/api/v1/meetings", &app.token(&coordinator).await)
            .await,
        json!([])
    );

    let mut fixed = meeting.to_vec();
    fixed[2] = ("start", "2026-03-30T10:00");
    let response = client
        .post(app.url("/meetings"))
        .form(&fixed)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers()["location"].to_str().unwrap().to_owned();
    let page = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("<h1>Notes</h1>") && page.contains("<strong>done</strong>"),
        "{page}"
    );
    assert!(!page.contains("<img src=x"), "raw HTML escaped");
    assert!(
        page.contains("2026-03-30 08:00"),
        "start in the viewer's zone (UTC)"
    );
    assert!(
        page.contains("2026-03-30 10:00 Europe/Paris"),
        "and in its own"
    );
    assert!(page.contains("<li><bdi>Media plan</bdi></li>"));

    let id = location
        .trim_start_matches("/meetings/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let response = client
        .post(app.url(&format!("/meetings/{id}/actions")))
        .form(&[("text", ""), ("due", "2026-05-01")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains(r#"value="2026-05-01""#) && page.contains("Text: this is required."));

    let token = app.token(&coordinator).await;
    let rec = created(
        &app,
        &token,
        "/api/v1/recommendations",
        json!({"text": "Train spokespeople", "theme": "media"}),
    )
    .await;
    let rid = rec["id"].as_str().unwrap();
    let response = client
        .post(app.url(&format!("/recommendations/{rid}/status")))
        .form(&[("status", "dropped"), ("reason", " ")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Reason: this is required.")
    );
    let response = client
        .post(app.url(&format!("/recommendations/{rid}/status")))
        .form(&[("status", "adopted"), ("reason", "Agreed in plenary")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let page = client
        .get(app.url(&format!("/recommendations/{rid}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Agreed in plenary") && page.contains(coordinator.email.as_str()));

    let register = client
        .get(app.url("/recommendations?stale_days=0"))
        .send()
        .await
        .unwrap();
    assert_eq!(register.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = register.text().await.unwrap();
    assert!(page.contains(r#"value="0""#) && page.contains("Days without progress"));
    let register = client
        .get(app.url("/recommendations?lang=ar"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(register.contains("معتمدة بلا أي بند مرتبط") && register.contains("Train spokespeople"));
}
