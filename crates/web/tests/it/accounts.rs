use reqwest::StatusCode;
use tadamun_core::accounts::Role;
use tadamun_web::Settings;

use crate::helpers::{PASSWORD, TestApp};

#[tokio::test]
async fn signing_in_sets_a_safe_session_cookie_and_signing_out_ends_it() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
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
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/account");
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cookie.starts_with("tadamun_session="));
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    assert!(
        !cookie.contains("Secure"),
        "plain http must not mark the cookie Secure"
    );

    let account = client.get(app.url("/account")).send().await.unwrap();
    assert_eq!(account.status(), StatusCode::OK);
    assert!(account.text().await.unwrap().contains(user.email.as_str()));

    client.post(app.url("/logout")).send().await.unwrap();
    let after = client.get(app.url("/account")).send().await.unwrap();
    assert_eq!(after.status(), StatusCode::SEE_OTHER);
    assert_eq!(after.headers()["location"], "/login?next=/account");
}

#[tokio::test]
async fn cookies_are_secure_when_served_over_https() {
    let settings = Settings {
        public_url: Some("https://tadamun.example.org".into()),
        behind_proxy: false,
        smtp: None,
    };
    let app = TestApp::spawn_with(settings).await;
    let user = app.user(Role::Viewer, None).await;
    let response = app
        .try_login(&TestApp::client(), user.email.as_str(), PASSWORD)
        .await;
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("; Secure")
    );
}

#[tokio::test]
async fn a_new_session_is_issued_at_every_sign_in_and_the_old_one_ends() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let client = TestApp::client();
    let mut cookies = Vec::new();
    for _ in 0..2 {
        let response = app.try_login(&client, user.email.as_str(), PASSWORD).await;
        let cookie = response.headers()["set-cookie"].to_str().unwrap();
        cookies.push(cookie.split(';').next().unwrap().to_owned());
    }
    assert_ne!(cookies[0], cookies[1]);
    let me = |cookie: String| {
        reqwest::Client::new()
            .get(app.url("/api/v1/me"))
            .header("cookie", cookie)
            .send()
    };
    assert_eq!(
        me(cookies[0].clone()).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        me(cookies[1].clone()).await.unwrap().status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_password_keeps_the_email_and_says_what_failed() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let response = app
        .try_login(&TestApp::client(), user.email.as_str(), "not the password")
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("The e-mail address or the password is not right."));
    assert!(page.contains(&format!("value=\"{}\"", user.email)));
}

#[tokio::test]
async fn repeated_failures_slow_down_the_account_even_with_the_right_password() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let client = TestApp::client();
    for _ in 0..5 {
        app.try_login(&client, user.email.as_str(), "wrong password!")
            .await;
    }
    let blocked = app.try_login(&client, user.email.as_str(), PASSWORD).await;
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(
        blocked
            .text()
            .await
            .unwrap()
            .contains("Too many failed attempts")
    );
}

#[tokio::test]
async fn failures_are_shared_between_app_servers() {
    let app = TestApp::spawn().await;
    let second = TestApp::serve(app.db.clone(), Settings::default()).await;
    let user = app.user(Role::Viewer, None).await;
    let client = TestApp::client();
    for base in [&app.base, &second, &app.base, &second, &app.base] {
        client
            .post(format!("{base}/login"))
            .form(&[
                ("email", user.email.as_str()),
                ("password", "wrong password!"),
            ])
            .send()
            .await
            .unwrap();
    }
    let blocked = client
        .post(format!("{second}/login"))
        .form(&[("email", user.email.as_str()), ("password", PASSWORD)])
        .send()
        .await
        .unwrap();
    assert_eq!(blocked.status(), StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_session_made_on_one_server_works_on_another() {
    let app = TestApp::spawn().await;
    let second = TestApp::serve(app.db.clone(), Settings::default()).await;
    let user = app.user(Role::Member, None).await;
    let client = TestApp::client();
    let login = app.try_login(&client, user.email.as_str(), PASSWORD).await;
    let cookie = login.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let on_second = reqwest::Client::new()
        .get(format!("{second}/api/v1/me"))
        .header("cookie", cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(on_second.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_account_page_saves_settings_and_keeps_bad_input() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let client = app.signed_in(&user).await;
    let bad = client
        .post(app.url("/account"))
        .form(&[
            ("name", "Amal Haddad"),
            ("lang", "fr"),
            ("time_zone", "Mars/Olympus"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = bad.text().await.unwrap();
    assert!(
        page.contains("Time zone: this is not a known time zone"),
        "{page}"
    );
    assert!(page.contains("value=\"Amal Haddad\""));

    let good = client
        .post(app.url("/account"))
        .form(&[
            ("name", "Amal Haddad"),
            ("lang", "fr"),
            ("time_zone", "Africa/Nairobi"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let me: serde_json::Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["name"], "Amal Haddad");
    assert_eq!(me["lang"], "fr");
    assert_eq!(me["time_zone"], "Africa/Nairobi");
    let home = client
        .get(app.url("/"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(home.contains("<html lang=\"fr\" dir=\"ltr\">"));
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_a_strong_new_one() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let client = app.signed_in(&user).await;
    let other_device = app.signed_in(&user).await;
    let wrong = client
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", "nope nope nope"),
            ("new_password", "a brand new passphrase"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        wrong
            .text()
            .await
            .unwrap()
            .contains("Current password: the current password is not right.")
    );
    let weak = client
        .post(app.url("/account/password"))
        .form(&[("current_password", PASSWORD), ("new_password", "short")])
        .send()
        .await
        .unwrap();
    assert!(
        weak.text()
            .await
            .unwrap()
            .contains("New password: at least 10 characters.")
    );
    let ok = client
        .post(app.url("/account/password"))
        .form(&[
            ("current_password", PASSWORD),
            ("new_password", "a brand new passphrase"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    // This device stays signed in; the other one is signed out.
    assert_eq!(
        client
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        other_device
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn tokens_made_on_the_account_page_open_the_api_until_revoked() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&user).await;
    let page = client
        .post(app.url("/account/tokens"))
        .form(&[("label", "laptop")])
        .send()
        .await
        .unwrap();
    let text = page.text().await.unwrap();
    let token = text
        .split("<code dir=\"ltr\">")
        .nth(1)
        .unwrap()
        .split('<')
        .next()
        .unwrap()
        .to_owned();
    assert!(token.starts_with("tdm_"));
    let api = reqwest::Client::new();
    let me = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(me.status(), StatusCode::OK);

    let listed = tadamun_store::accounts::tokens::list_for(&app.db, &user.id)
        .await
        .unwrap();
    client
        .post(app.url(&format!("/account/tokens/{}/revoke", listed[0].id)))
        .send()
        .await
        .unwrap();
    let after = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(after.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admins_add_users_and_cannot_lock_themselves_out() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, None).await;
    let client = app.signed_in(&admin).await;
    let weak = client
        .post(app.url("/users"))
        .form(&[
            ("email", "new@example.org"),
            ("name", "New"),
            ("role", "member"),
            ("password", "password123"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(weak.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = weak.text().await.unwrap();
    assert!(text.contains("Password: this password is too easy to guess."));
    assert!(text.contains("value=\"new@example.org\""));
    assert_eq!(
        tadamun_store::accounts::users::count(&app.db)
            .await
            .unwrap(),
        1
    );

    let ok = client
        .post(app.url("/users"))
        .form(&[
            ("email", "new@example.org"),
            ("name", "New"),
            ("role", "member"),
            ("password", "a fine long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let dup = client
        .post(app.url("/users"))
        .form(&[
            ("email", "NEW@example.org"),
            ("name", "Again"),
            ("role", "viewer"),
            ("password", "a fine long password"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(dup.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        dup.text()
            .await
            .unwrap()
            .contains("E-mail: this is already used by another record.")
    );

    let demote = client
        .post(app.url(&format!("/users/{}", admin.id)))
        .form(&[("role", "viewer"), ("active", "on")])
        .send()
        .await
        .unwrap();
    assert_eq!(demote.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let me: serde_json::Value = client
        .get(app.url("/api/v1/me"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "admin");
}

#[tokio::test]
async fn a_disabled_account_can_no_longer_sign_in_or_use_its_session() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, None).await;
    let user = app.user(Role::Member, None).await;
    let user_client = app.signed_in(&user).await;
    let admin_client = app.signed_in(&admin).await;
    admin_client
        .post(app.url(&format!("/users/{}", user.id)))
        .form(&[("role", "member")])
        .send()
        .await
        .unwrap();
    assert_eq!(
        user_client
            .get(app.url("/account"))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::SEE_OTHER
    );
    let login = app
        .try_login(&TestApp::client(), user.email.as_str(), PASSWORD)
        .await;
    assert_eq!(login.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn one_person_mistyping_does_not_lock_out_others_at_the_same_address() {
    let app = TestApp::spawn().await;
    let careless = app.user(Role::Viewer, None).await;
    let colleague = app.user(Role::Viewer, None).await;
    for _ in 0..6 {
        app.try_login(
            &TestApp::client(),
            careless.email.as_str(),
            "wrong password!",
        )
        .await;
    }
    // Same address (127.0.0.1), other account: still signs in at once.
    app.signed_in(&colleague).await;
}
