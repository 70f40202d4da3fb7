//! Registration for events: the public form without an account, the signed link to
//! one's own registration, the waiting list, polite refusals, and what only the
//! organisers see (registrants, attendance, CSV).

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::events::{event, webinar_json};
use crate::helpers::TestApp;

fn form(email: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", "Amal Haddad".into()),
        ("email", email.into()),
        ("country", "JO".into()),
        ("lang", "ar".into()),
        ("consent", "on".into()),
    ]
}

/// An upcoming public webinar with `capacity` places, made by a coordinator whose
/// token is returned beside its id.
async fn upcoming(app: &TestApp, capacity: Option<u32>) -> (String, String) {
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json("Open webinar", "public");
    body["start"] = json!("2099-03-10T18:00");
    if let Some(c) = capacity {
        body["capacity"] = json!(c);
    }
    let id = event(app, &token, body).await;
    (id, token)
}

async fn registrants(app: &TestApp, id: &str, token: &str) -> Vec<(String, String)> {
    app.api_json(&format!("/api/v1/events/{id}/registrations"), token)
        .await
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["email"].as_str().unwrap().to_owned(),
                r["status"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_visitor_registers_without_an_account_and_cancels_through_the_signed_link() {
    let app = TestApp::spawn().await;
    let (id, token) = upcoming(&app, Some(50)).await;
    let visitor = TestApp::client();
    let page = visitor
        .get(app.url(&format!("/events/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!(r#"action="/events/{id}/register""#)));
    assert!(page.contains("50 places left"));

    let response = visitor
        .post(app.url(&format!("/events/{id}/register")))
        .form(&form("amal@example.org"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let own = response.headers()["location"].to_str().unwrap().to_owned();
    assert!(own.starts_with("/registrations/") && own.contains("?token="));
    let page = visitor
        .get(app.url(&own))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Registered, with a place") && page.contains("Amal Haddad"));

    // A link with another token, or none, leads nowhere.
    let (path, good) = own.split_once("?token=").unwrap();
    let forged = format!("{path}?token={}", good.replace(&good[..4], "AAAA"));
    for bad in [forged.as_str(), path] {
        let status = visitor.get(app.url(bad)).send().await.unwrap().status();
        assert_eq!(status, StatusCode::NOT_FOUND, "{bad}");
    }
    let status = visitor
        .post(app.url(&format!("{path}/cancel")))
        .form(&[("token", "forged")])
        .send()
        .await
        .unwrap()
        .status();
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(
        registrants(&app, &id, &token).await,
        [("amal@example.org".to_owned(), "registered".to_owned())]
    );

    let page = visitor
        .post(app.url(&format!("{path}/cancel")))
        .form(&[("token", good)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Your registration is cancelled."));
    assert_eq!(
        registrants(&app, &id, &token).await,
        [("amal@example.org".to_owned(), "cancelled".to_owned())]
    );
    // The public page never tells who registered.
    let page = visitor
        .get(app.url(&format!("/events/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("amal@example.org") && !page.contains("Amal Haddad"));
}

#[tokio::test]
async fn a_second_registration_of_one_address_and_bad_input_are_refused_and_store_nothing() {
    let app = TestApp::spawn().await;
    let (id, token) = upcoming(&app, None).await;
    let visitor = TestApp::client();
    let post = |f: Vec<(&'static str, String)>| {
        let visitor = visitor.clone();
        let url = app.url(&format!("/events/{id}/register"));
        async move { visitor.post(url).form(&f).send().await.unwrap() }
    };
    assert_eq!(
        post(form("amal@example.org")).await.status(),
        StatusCode::SEE_OTHER
    );
    let response = post(form(" AMAL@example.org ")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("already registered for this event"), "{page}");
    assert!(page.contains(r#"value="Amal Haddad""#), "typed name kept");

    let mut no_consent = form("juma@example.org");
    no_consent.retain(|(k, _)| *k != "consent");
    let response = post(no_consent).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Consent: this is required."), "{page}");
    assert!(page.contains(r#"value="juma@example.org""#));
    let mut bad_country = form("juma@example.org");
    bad_country[2].1 = "Atlantis".into();
    let response = post(bad_country).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("Country:"));
    assert_eq!(registrants(&app, &id, &token).await.len(), 1);

    // The API refuses the same way, with a stable code naming the field.
    let response = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/events/{id}/registrations")))
        .json(
            &json!({"name": "Amal", "email": "amal@example.org", "country": "JO", "consent": true}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], json!("already_registered"));
    assert_eq!(error["error"]["field"], json!("email"));

    // A past event takes no registration.
    let mut past = webinar_json("Past webinar", "public");
    past["start"] = json!("2020-03-10T18:00");
    let past = event(&app, &token, past).await;
    let response = visitor
        .post(app.url(&format!("/events/{past}/register")))
        .form(&form("amal@example.org"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Registration: registration for this event is not open.")
    );
}

#[tokio::test]
async fn a_full_event_fills_its_waiting_list_which_a_cancellation_promotes() {
    let app = TestApp::spawn().await;
    let (id, token) = upcoming(&app, Some(1)).await;
    let register = |email: &'static str| {
        let app = &app;
        let id = id.clone();
        async move {
            let response = reqwest::Client::new()
                .post(app.url(&format!("/api/v1/events/{id}/registrations")))
                .json(&json!({"name": "A", "email": email, "country": "KE", "lang": "en", "consent": true}))
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), StatusCode::CREATED);
            response.json::<Value>().await.unwrap()
        }
    };
    let first = register("first@example.org").await;
    assert_eq!(first["status"], json!("registered"));
    let page = TestApp::client()
        .get(app.url(&format!("/events/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("No place left") && page.contains("Join the waiting list"));
    let second = register("second@example.org").await;
    assert_eq!(second["status"], json!("waiting"));

    let response = reqwest::Client::new()
        .post(app.url(&format!(
            "/api/v1/registrations/{}/cancel",
            first["id"].as_str().unwrap()
        )))
        .json(&json!({"token": first["token"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        registrants(&app, &id, &token).await,
        [
            ("second@example.org".to_owned(), "registered".to_owned()),
            ("first@example.org".to_owned(), "cancelled".to_owned())
        ]
    );
}

#[tokio::test]
async fn only_organisers_see_registrants_mark_attendance_and_export_them() {
    let app = TestApp::spawn().await;
    let (id, token) = upcoming(&app, None).await;
    for email in ["a@example.org", "b@example.org"] {
        let response = TestApp::client()
            .post(app.url(&format!("/events/{id}/register")))
            .form(&form(email))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER);
    }
    let viewer = app.user(Role::Viewer, None).await;
    let viewer = app.signed_in(&viewer).await;
    let path = format!("/events/{id}/registrations");
    assert_eq!(
        viewer.get(app.url(&path)).send().await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        viewer
            .get(app.url(&format!("{path}.csv")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let page = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("a@example.org") && page.contains("2 registered"));

    let list = app
        .api_json(&format!("/api/v1/events/{id}/registrations"), &token)
        .await;
    let b = list[1]["id"].as_str().unwrap().to_owned();
    let response = client
        .post(app.url(&format!("/events/{id}/attendance")))
        .form(&[("attended", b.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let csv = client
        .get(app.url(&format!("{path}.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with('\u{feff}'));
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "name,email,country,language,status,attended,registered_at"
    );
    assert!(lines[1].starts_with("Amal Haddad,a@example.org,JO,ar,registered,no,"));
    assert!(lines[2].starts_with("Amal Haddad,b@example.org,JO,ar,registered,yes,"));
    let response = app
        .api_send(
            Method::PUT,
            &format!("/api/v1/events/{id}/attendance"),
            &token,
            json!({"attended": []}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let list = app
        .api_json(&format!("/api/v1/events/{id}/registrations"), &token)
        .await;
    assert_eq!(list[1]["attended"], json!(false));

    // Network events take no registration from anonymous visitors: they do not exist
    // for them.
    let network = event(&app, &token, webinar_json("Members' briefing", "network")).await;
    let response = TestApp::client()
        .post(app.url(&format!("/events/{network}/register")))
        .form(&form("a@example.org"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
