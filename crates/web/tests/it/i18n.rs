use std::collections::BTreeSet;

use reqwest::StatusCode;
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

/// Every message key of `lang`, from all its `.ftl` files (one per area).
fn keys(lang: &str) -> BTreeSet<String> {
    let dir = format!("{}/locales/{lang}", env!("CARGO_MANIFEST_DIR"));
    let mut keys = BTreeSet::new();
    for path in files_under(std::path::Path::new(&dir)) {
        if path.extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(&path).unwrap();
            for line in text.lines() {
                if line.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                    && let Some((key, _)) = line.split_once(" =")
                {
                    assert!(
                        keys.insert(key.trim().to_owned()),
                        "{lang}: {key} defined twice"
                    );
                }
            }
        }
    }
    keys
}

/// Every file under `dir`, at any depth.
fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(files_under(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn every_locale_has_every_message() {
    let english = keys("en");
    assert!(english.len() > 50);
    for lang in ["ar", "fr", "es"] {
        let other = keys(lang);
        let missing: Vec<_> = english.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn templates_and_code_use_only_messages_that_exist() {
    let english = keys("en");
    let root = env!("CARGO_MANIFEST_DIR");
    let mut used = BTreeSet::new();
    for dir in ["templates", "src"] {
        for path in files_under(std::path::Path::new(&format!("{root}/{dir}"))) {
            let text = std::fs::read_to_string(&path).unwrap();
            for marker in ["shell.t(\"", "i18n::t(caller.lang, \"", "i18n::t(lang, \""] {
                for piece in text.split(marker).skip(1) {
                    if let Some(key) = piece.split('"').next() {
                        used.insert(key.to_owned());
                    }
                }
            }
            for piece in text.split("shell.field(\"").skip(1) {
                if let Some(field) = piece.split('"').next() {
                    used.insert(format!("field-{}", field.replace('_', "-")));
                }
            }
        }
    }
    let unknown: Vec<_> = used.difference(&english).collect();
    assert!(
        unknown.is_empty(),
        "messages used but not defined: {unknown:?}"
    );
}

#[tokio::test]
async fn arabic_pages_are_right_to_left_and_translated() {
    let app = TestApp::spawn().await;
    let response = reqwest::get(app.url("/login?lang=ar")).await.unwrap();
    assert!(
        response.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .starts_with("lang=ar")
    );
    let page = response.text().await.unwrap();
    assert!(page.contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page.contains("تضامن"));
    assert!(!page.contains(">Sign in<"));
}

#[tokio::test]
async fn the_language_follows_setting_then_query_then_cookie_then_header() {
    let app = TestApp::spawn().await;
    let html_lang = |page: String| page.split("<html lang=\"").nth(1).unwrap()[..2].to_owned();
    let client = reqwest::Client::new();
    let by_header = client
        .get(app.url("/"))
        .header("accept-language", "es-MX,en;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang(by_header.text().await.unwrap()), "es");
    let by_cookie = client
        .get(app.url("/"))
        .header("accept-language", "es")
        .header("cookie", "lang=fr")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang(by_cookie.text().await.unwrap()), "fr");
    let by_query = client
        .get(app.url("/?lang=ar"))
        .header("cookie", "lang=fr")
        .send()
        .await
        .unwrap();
    assert_eq!(html_lang(by_query.text().await.unwrap()), "ar");

    let user = app.user(Role::Viewer, None).await;
    let signed_in = app.signed_in(&user).await;
    let switched = signed_in
        .post(app.url("/lang"))
        .form(&[("lang", "fr"), ("back", "/organisations")])
        .send()
        .await
        .unwrap();
    assert_eq!(switched.status(), StatusCode::SEE_OTHER);
    assert_eq!(switched.headers()["location"], "/organisations");
    let page = signed_in.get(app.url("/?lang=es")).send().await.unwrap();
    assert_eq!(
        html_lang(page.text().await.unwrap()),
        "fr",
        "the account setting wins"
    );
}

#[tokio::test]
async fn the_switcher_never_redirects_off_site() {
    let app = TestApp::spawn().await;
    let response = TestApp::client()
        .post(app.url("/lang"))
        .form(&[("lang", "es"), ("back", "https://evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["location"], "/");
    let bad = TestApp::client()
        .post(app.url("/lang"))
        .form(&[("lang", "klingon")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn plural_forms_follow_each_language() {
    let app = TestApp::spawn().await;
    app.org("One", "public").await;
    let english = reqwest::get(app.url("/?lang=en"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("One organisation is visible to you."));
    app.org("Two", "public").await;
    let english = reqwest::get(app.url("/?lang=en"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(english.contains("2 organisations are visible to you."));
}

#[test]
fn every_validation_problem_has_a_message() {
    let english = keys("en");
    let source = std::fs::read_to_string(format!(
        "{}/../core/src/invalid.rs",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let used: BTreeSet<String> = source
        .split("=> \"problem-")
        .skip(1)
        .filter_map(|piece| piece.split('"').next())
        .map(|key| format!("problem-{key}"))
        .collect();
    assert!(used.len() > 25, "found {used:?}");
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(
        missing.is_empty(),
        "problems without a message: {missing:?}"
    );
}
