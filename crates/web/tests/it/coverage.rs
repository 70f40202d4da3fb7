use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::{OrganisationInput, Stage};
use tadamun_store::directory;

use crate::helpers::TestApp;

/// An organisation in `country`, working on `focus`, at `stage` of the pipeline.
pub(crate) async fn org(
    app: &TestApp,
    name: &str,
    country: &str,
    focus: &str,
    visibility: &str,
    stage: Stage,
) {
    let known = directory::focus::list(&app.db).await.unwrap();
    let fields = OrganisationInput {
        name: name.into(),
        country: country.into(),
        focus_areas: vec![focus.into()],
        visibility: Some(visibility.into()),
        ..Default::default()
    }
    .validate(&known)
    .unwrap();
    directory::create(&app.db, &Actor::System, fields, stage)
        .await
        .unwrap();
}

#[tokio::test]
async fn coverage_counts_countries_and_regions_with_the_page_filters() {
    let app = TestApp::spawn().await;
    org(
        &app,
        "Nairobi Legal Aid",
        "KE",
        "legal",
        "public",
        Stage::Member,
    )
    .await;
    org(
        &app,
        "Kisumu Media",
        "KE",
        "media",
        "network",
        Stage::Partner,
    )
    .await;
    org(
        &app,
        "Dakar Collective",
        "SN",
        "media",
        "public",
        Stage::Contacted,
    )
    .await;
    org(
        &app,
        "Paris Solidarité",
        "FR",
        "economic",
        "public",
        Stage::Declined,
    )
    .await;
    let token = app.token_of(Role::Viewer).await;

    let c = app.api_json("/api/v1/coverage", &token).await;
    let countries = c["countries"].as_array().unwrap();
    assert_eq!(
        countries.len(),
        2,
        "a declined organisation is no presence: {c}"
    );
    assert_eq!(
        countries[0],
        json!({"code": "KE", "name": "Kenya", "members": 1, "partners": 1, "prospects": 0})
    );
    let africa = c["regions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["m49"] == "002")
        .unwrap();
    assert_eq!(
        (africa["members"].clone(), africa["prospects"].clone()),
        (json!(1), json!(1))
    );
    assert_eq!(africa["countries_with_member"], 1);

    let members = app
        .api_json("/api/v1/coverage?status=members&focus=legal", &token)
        .await;
    assert_eq!(members["countries"].as_array().unwrap().len(), 1);
    let arabic = app.api_json("/api/v1/coverage?lang=ar", &token).await;
    assert_eq!(arabic["countries"][0]["name"], "كينيا");

    // The public sees only public organisations.
    let public: Value = reqwest::get(app.url("/api/v1/coverage"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(public["countries"][0]["partners"], 0);

    let bad = reqwest::get(app.url("/api/v1/coverage?status=famous"))
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = reqwest::get(app.url("/coverage?lang=ar"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"data-code="KE""#) && page.contains("كينيا: 1"));
}

#[tokio::test]
async fn an_expansion_target_shows_progress_and_the_countries_still_without_a_member() {
    let app = TestApp::spawn().await;
    org(
        &app,
        "Nairobi Legal Aid",
        "KE",
        "legal",
        "public",
        Stage::Member,
    )
    .await;
    org(
        &app,
        "Kampala Voices",
        "UG",
        "media",
        "public",
        Stage::Member,
    )
    .await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let target =
        json!({"region": "014", "counts": "members", "target": 4, "deadline": "2030-06-30"});
    let response = app
        .api_send(
            Method::POST,
            "/api/v1/coverage/targets",
            &coordinator,
            target,
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: Value = response.json().await.unwrap();
    assert_eq!(
        (created["current"].clone(), created["percent"].clone()),
        (json!(2), json!(50))
    );
    let gaps: Vec<&str> = created["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g.as_str().unwrap())
        .collect();
    assert!(gaps.contains(&"TZ") && !gaps.contains(&"KE") && !gaps.contains(&"UG"));

    for (body, field) in [
        (
            json!({"region": "999", "counts": "members", "target": 4, "deadline": "2030-06-30"}),
            "region",
        ),
        (
            json!({"region": "002", "counts": "members", "target": 0, "deadline": "2030-06-30"}),
            "target",
        ),
        (
            json!({"region": "002", "counts": "members", "target": 4, "deadline": "soon"}),
            "deadline",
        ),
    ] {
        let response = app
            .api_send(Method::POST, "/api/v1/coverage/targets", &coordinator, body)
            .await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["error"]["field"], field);
    }
    let member = app.token_of(Role::Member).await;
    let response = app
        .api_send(
            Method::POST,
            "/api/v1/coverage/targets",
            &member,
            json!({"region": "002", "counts": "members", "target": 4, "deadline": "2030-06-30"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let list = app.api_json("/api/v1/coverage/targets", &member).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    let page = reqwest::get(app.url("/coverage"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Eastern Africa: 4 member organisations"));
    assert!(page.contains("Tanzania"));
}

#[tokio::test]
async fn coordinators_edit_the_focus_area_list_and_others_only_read_it() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let area = json!({"code": "land-rights", "name_en": "Land rights", "name_ar": "الحق في الأرض"});
    let response = app
        .api_send(
            Method::POST,
            "/api/v1/focus-areas",
            &coordinator,
            area.clone(),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let again = app
        .api_send(Method::POST, "/api/v1/focus-areas", &coordinator, area)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let bad = app
        .api_send(
            Method::POST,
            "/api/v1/focus-areas",
            &coordinator,
            json!({"code": "Land Rights", "name_en": "x"}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);

    let member = app.token_of(Role::Member).await;
    let list = app.api_json("/api/v1/focus-areas", &member).await;
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|a| a["code"] == "land-rights")
    );
    let denied = app
        .api_send(
            Method::DELETE,
            "/api/v1/focus-areas/land-rights",
            &member,
            json!({}),
        )
        .await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);

    // An organisation names it by code or by name in any language.
    let org = app
        .api_send(
            Method::POST,
            "/api/v1/organisations",
            &coordinator,
            json!({"name": "Jordan Valley Farmers", "country": "JO", "focus_areas": ["الحق في الارض", "legal"], "names": {"ar": "مزارعو الأغوار"}, "name_lang": "en", "languages": ["ar", "en"]}),
        )
        .await;
    assert_eq!(org.status(), StatusCode::CREATED);
    let org: Value = org.json().await.unwrap();
    assert_eq!(org["focus_areas"], json!(["land-rights", "legal"]));
    assert_eq!(org["names"], json!({"ar": "مزارعو الأغوار"}));
    let filtered = app
        .api_json(
            "/api/v1/organisations?focus=land-rights&language=ar",
            &member,
        )
        .await;
    assert_eq!(filtered["items"].as_array().unwrap().len(), 1);

    let removed = app
        .api_send(
            Method::DELETE,
            "/api/v1/focus-areas/land-rights",
            &coordinator,
            json!({}),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::NO_CONTENT);
    let org = app
        .api_json(
            &format!("/api/v1/organisations/{}", org["id"].as_str().unwrap()),
            &member,
        )
        .await;
    assert_eq!(org["focus_areas"], json!(["legal"]));
}
