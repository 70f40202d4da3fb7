use std::time::{Duration, SystemTime, UNIX_EPOCH};

use reqwest::{Client, StatusCode};
use tadamun_core::accounts::{Role, TotpSecret, User};

use crate::helpers::{PASSWORD, TestApp};

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Waits, if needed, until the current 30-second step has at least 10 seconds left, so
/// that codes computed from "now" stay in the window the server checks against.
async fn fresh_step() {
    let left = 30 - now() % 30;
    if left < 10 {
        tokio::time::sleep(Duration::from_secs(left + 1)).await;
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    text.split(start).nth(1).unwrap().split(end).next().unwrap()
}

/// Turns two-factor sign-in on through the account page and returns the secret the
/// page showed. The code used is for the previous step, leaving the current and next
/// ones for the test.
async fn turn_on(app: &TestApp, client: &Client) -> TotpSecret {
    let page = client
        .post(app.url("/account/two-factor/setup"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("<svg"), "a QR code is shown");
    let key = between(&page, "<code dir=\"ltr\" class=\"secret\">", "<").replace(' ', "");
    let secret = TotpSecret::from_base32(&key).unwrap();
    assert!(page.contains(&format!("secret={key}")));
    let wrong = client
        .post(app.url("/account/two-factor/enable"))
        .form(&[("code", "000000")])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong.text().await.unwrap().contains(&key),
        "the same key stays on the page after a wrong code"
    );
    let ok = client
        .post(app.url("/account/two-factor/enable"))
        .form(&[("code", secret.code_at(now() - 30))])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    secret
}

async fn password_step(app: &TestApp, user: &User) -> (Client, String) {
    let client = TestApp::client();
    let response = client
        .post(app.url("/login"))
        .form(&[
            ("email", user.email.as_str()),
            ("password", PASSWORD),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers().get("set-cookie").is_none(),
        "no session before the code"
    );
    let page = response.text().await.unwrap();
    let challenge = between(&page, "name=\"challenge\" value=\"", "\"").to_owned();
    (client, challenge)
}

async fn code_step(
    app: &TestApp,
    client: &Client,
    challenge: &str,
    code: &str,
) -> reqwest::Response {
    client
        .post(app.url("/login/code"))
        .form(&[
            ("challenge", challenge),
            ("code", code),
            ("next", "/account"),
        ])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn with_two_factor_on_signing_in_needs_a_fresh_code_that_works_once() {
    fresh_step().await;
    let app = TestApp::spawn().await;
    let user = app.user(Role::Member, None).await;
    let secret = turn_on(&app, &app.signed_in(&user).await).await;

    let (client, challenge) = password_step(&app, &user).await;
    let wrong = code_step(&app, &client, &challenge, "123456").await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Code: this code is not right")
    );
    let code = secret.code_at(now());
    let ok = code_step(&app, &client, &challenge, &code).await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    assert_eq!(ok.headers()["location"], "/account");
    let me: serde_json::Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["two_factor"], true);

    // The same code again, even with a fresh password step, is a replay.
    let (other, challenge) = password_step(&app, &user).await;
    let replay = code_step(&app, &other, &challenge, &code).await;
    assert_eq!(replay.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn a_bogus_challenge_sends_the_user_back_to_the_password() {
    let app = TestApp::spawn().await;
    let response = code_step(&app, &TestApp::client(), "not-a-challenge", "123456").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Please sign in again.")
    );
}

#[tokio::test]
async fn guessing_codes_is_slowed_down_like_passwords() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    turn_on(&app, &app.signed_in(&user).await).await;
    let (client, challenge) = password_step(&app, &user).await;
    for _ in 0..5 {
        code_step(&app, &client, &challenge, "000000").await;
    }
    let blocked = code_step(&app, &client, &challenge, "000000").await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn turning_it_off_needs_password_and_code_and_an_admin_can_reset_it() {
    fresh_step().await;
    let app = TestApp::spawn().await;
    let user = app.user(Role::Member, None).await;
    let client = app.signed_in(&user).await;
    let secret = turn_on(&app, &client).await;

    let no_password = client
        .post(app.url("/account/two-factor/disable"))
        .form(&[
            ("password", "wrong password!"),
            ("code", &secret.code_at(now())),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(no_password.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let off = client
        .post(app.url("/account/two-factor/disable"))
        .form(&[("password", PASSWORD), ("code", &secret.code_at(now()))])
        .send()
        .await
        .unwrap();
    assert_eq!(off.status(), StatusCode::SEE_OTHER);
    assert!(
        app.signed_in(&user)
            .await
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status()
            .is_success()
    );

    turn_on(&app, &client).await;
    let admin = app.user(Role::Admin, None).await;
    let admin_client = app.signed_in(&admin).await;
    let form = admin_client
        .get(app.url(&format!("/users/{}", user.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains("two-factor/reset"));
    admin_client
        .post(app.url(&format!("/users/{}/two-factor/reset", user.id)))
        .send()
        .await
        .unwrap();
    let me = tadamun_store::accounts::users::get(&app.db, &user.id)
        .await
        .unwrap();
    assert!(!me.two_factor);
    let log = tadamun_store::audit::list(
        &app.db,
        &tadamun_store::audit::AuditFilter {
            entity: Some("user".into()),
            entity_id: Some(user.id.to_string()),
        },
        &tadamun_core::page::PageRequest::first(),
    )
    .await
    .unwrap();
    assert_eq!(log.items[0].actor_label, admin.email.as_str());
    assert!(
        log.items[0]
            .after
            .as_deref()
            .unwrap()
            .contains("\"two_factor\":false")
    );
}
