//! Choosing organisations and people in a large directory: forms list only what is
//! chosen, a "Find" button shows the form again with every typed value kept and the
//! matching names offered, and saving takes what is ticked.

use reqwest::{Client, StatusCode};
use serde_json::Value;
use tadamun_core::accounts::Role;
use tadamun_core::directory::Organisation;

use crate::events::webinar_form;
use crate::helpers::TestApp;

/// A directory too large to list whole, with a member of "Home Collective" signed in.
pub(crate) struct Large {
    pub app: TestApp,
    pub home: Organisation,
    pub fillers: Vec<Organisation>,
    pub client: Client,
    pub token: String,
}

pub(crate) async fn large() -> Large {
    let app = TestApp::spawn().await;
    let home = app.org("Home Collective", "network").await;
    let mut fillers = vec![];
    for i in 0..300 {
        fillers.push(app.org(&format!("Filler Union {i:03}"), "network").await);
    }
    let member = app.user(Role::Member, Some(&home.id)).await;
    let client = app.signed_in(&member).await;
    let token = app.token(&member).await;
    Large {
        app,
        home,
        fillers,
        client,
        token,
    }
}

/// Posts the event form (`extra` after the webinar's own fields) and returns the
/// status, the `location` header and the page.
async fn post(l: &Large, extra: &[(&str, &str)]) -> (StatusCode, String, String) {
    let mut form = webinar_form();
    form.extend_from_slice(extra);
    l.app.post_form(&l.client, "/events", &form).await
}

async fn event_count(l: &Large) -> usize {
    let events = l.app.api_json("/api/v1/events?when=all", &l.token).await;
    events["items"].as_array().map_or(0, Vec::len)
}

#[tokio::test]
async fn the_event_form_in_a_large_directory_lists_only_the_chosen_organisations() {
    let l = large().await;
    let response = l.client.get(l.app.url("/events/new")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(
        page.contains(&format!("value=\"{}\" checked", l.home.id)),
        "the member's own organisation is chosen"
    );
    assert!(page.contains("Home Collective"));
    assert!(!page.contains("Filler Union"), "no other names");
    for filler in &l.fillers {
        assert!(!page.contains(filler.id.as_str()), "no other ids");
    }
    assert!(page.contains("name=\"organisations_find\""));
    assert!(page.contains("name=\"find\" value=\"organisations\" formnovalidate"));
    assert!(page.len() < 100_000, "a light page: {} bytes", page.len());
}

#[tokio::test]
async fn finding_organisations_keeps_everything_typed_offers_matches_and_saves_nothing() {
    let l = large().await;
    let green = l.app.org("Green Earth Alliance", "network").await;
    let arabic = l.app.org("جمعية الأرض الخضراء", "network").await;
    let secret = l.app.org("Green Earth Secret Council", "restricted").await;
    let home = l.home.id.to_string();

    let (status, _, page) = post(
        &l,
        &[
            ("organisations", &home),
            ("organisations_find", "earth GREEN"),
            ("find", "organisations"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Legal avenues against land seizures\""));
    assert!(page.contains("السبل القانونية لمواجهة مصادرة الأراضي"));
    assert!(page.contains("value=\"https://meet.example.org/legal\""));
    assert!(
        page.contains("value=\"earth GREEN\""),
        "the words stay typed"
    );
    assert!(page.contains(&format!("value=\"{home}\" checked")));
    assert!(
        page.contains(&format!("value=\"{}\">", green.id)),
        "offered unticked"
    );
    assert!(page.contains("Green Earth Alliance"));
    assert!(!page.contains("Secret Council"), "restricted, not offered");
    assert!(!page.contains(secret.id.as_str()));
    assert!(!page.contains("Filler Union"));
    assert_eq!(event_count(&l).await, 0, "finding saves nothing");

    // Arabic words, without their article, find the Arabic name.
    let (status, _, page) = post(
        &l,
        &[
            ("organisations", &home),
            ("organisations_find", "الأرض"),
            ("find", "organisations"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains(&format!("value=\"{}\">", arabic.id)));
    assert!(
        !page.contains(green.id.as_str()),
        "English name not matched"
    );

    // Words that match nothing say so.
    let (_, _, page) = post(
        &l,
        &[
            ("organisations_find", "Atlantis"),
            ("find", "organisations"),
        ],
    )
    .await;
    assert!(page.contains("Nothing matches these words"));
    assert_eq!(event_count(&l).await, 0);
}

#[tokio::test]
async fn saving_with_a_found_organisation_ticked_stores_it() {
    let l = large().await;
    let green = l.app.org("Green Earth Alliance", "network").await;
    let (home, green_id) = (l.home.id.to_string(), green.id.to_string());
    let (status, location, page) = post(
        &l,
        &[
            ("organisations", &home),
            ("organisations", &green_id),
            ("organisations_find", "green"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let id = location
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap();
    let event: Value = l
        .app
        .api_json(&format!("/api/v1/events/{id}"), &l.token)
        .await;
    let mut stored: Vec<&str> = event["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    stored.sort_unstable();
    let mut expected = vec![home.as_str(), green_id.as_str()];
    expected.sort_unstable();
    assert_eq!(stored, expected);
}

#[tokio::test]
async fn an_unknown_organisation_posted_by_hand_is_refused_naming_the_field() {
    let l = large().await;
    let home = l.home.id.to_string();
    let unknown = tadamun_core::ids::OrganisationId::new().to_string();
    let (status, _, page) =
        post(&l, &[("organisations", &home), ("organisations", &unknown)]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("role=\"alert\">Organisation"), "{page}");
    assert!(page.contains("picker\" aria-invalid=\"true\""));
    assert!(
        page.contains(&format!("value=\"{unknown}\" checked")),
        "kept as typed"
    );
    assert!(page.contains("value=\"Legal avenues against land seizures\""));
    assert_eq!(event_count(&l).await, 0);
}

#[tokio::test]
async fn the_meeting_form_finds_organisations_and_lists_a_small_people_directory_whole() {
    let l = large().await;
    let green = l.app.org("Green Earth Alliance", "network").await;
    let coordinator = l.app.user(Role::Coordinator, None).await;
    let client = l.app.signed_in(&coordinator).await;
    let token = l.app.token(&coordinator).await;
    let response = l
        .app
        .api_send(
            reqwest::Method::POST,
            "/api/v1/people",
            &token,
            serde_json::json!({"display_name": "Layla Nasser", "visibility": "network"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let layla: Value = response.json().await.unwrap();
    let layla = layla["id"].as_str().unwrap();

    let page = client
        .get(l.app.url("/meetings/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Filler Union"));
    assert!(page.contains("name=\"organisations_find\""));
    // A handful of people are listed whole, unticked, with no search box.
    assert!(page.contains(&format!("value=\"{layla}\">")));
    assert!(!page.contains("name=\"people_find\""));

    let meeting = [
        ("kind", "workshop"),
        ("title", "Spring workshop"),
        ("start", "2026-03-30T10:00"),
        ("time_zone", "Europe/Paris"),
        ("duration", "120"),
        ("agenda", "Welcome\nMedia plan"),
        ("people", layla),
        ("organisations_find", "green alliance"),
        ("find", "organisations"),
    ];
    let response = client
        .post(l.app.url("/meetings"))
        .form(&meeting)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("Spring workshop") && page.contains("Welcome\nMedia plan"));
    assert!(page.contains(&format!("value=\"{layla}\" checked")));
    assert!(page.contains(&format!("value=\"{}\">", green.id)));
    assert_eq!(
        l.app.api_json("/api/v1/meetings", &token).await,
        serde_json::json!([]),
        "finding saves nothing"
    );
}

#[tokio::test]
async fn the_campaign_form_finds_an_organisation_by_its_arabic_name_and_saves_it() {
    let l = large().await;
    let arabic = l.app.org("جمعية الأرض الخضراء", "network").await;
    let coordinator = l.app.user(Role::Coordinator, None).await;
    let client = l.app.signed_in(&coordinator).await;
    let token = l.app.token(&coordinator).await;
    let page = client
        .get(l.app.url("/campaigns/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Filler Union") && !page.contains(arabic.id.as_str()));

    let campaign = |extra: &[(&'static str, String)]| {
        let mut form: Vec<(&str, String)> = vec![
            ("name", "Voices of the Sahel".into()),
            ("name_ar", "أصوات الساحل".into()),
            ("kind", "media".into()),
            ("start", "2026-03-01".into()),
            ("end", "2026-09-30".into()),
        ];
        form.extend_from_slice(extra);
        form
    };
    let response = client
        .post(l.app.url("/campaigns"))
        .form(&campaign(&[
            ("organisations_find", "الخضراء".into()),
            ("find", "organisations".into()),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("أصوات الساحل") && page.contains("value=\"الخضراء\""));
    assert!(page.contains(&format!("value=\"{}\">", arabic.id)));
    assert_eq!(
        l.app.api_json("/api/v1/campaigns", &token).await,
        serde_json::json!([]),
        "finding saves nothing"
    );

    let response = client
        .post(l.app.url("/campaigns"))
        .form(&campaign(&[("organisations", arabic.id.to_string())]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let campaigns = l.app.api_json("/api/v1/campaigns", &token).await;
    let id = campaigns[0]["id"].as_str().unwrap();
    let campaign = l
        .app
        .api_json(&format!("/api/v1/campaigns/{id}"), &token)
        .await;
    assert_eq!(
        campaign["organisations"],
        serde_json::json!([arabic.id.to_string()]),
        "{campaign}"
    );
}

#[tokio::test]
async fn the_user_form_picks_one_organisation_among_those_found() {
    let l = large().await;
    let green = l.app.org("Green Earth Alliance", "network").await;
    let admin = l.app.user(Role::Admin, None).await;
    let client = l.app.signed_in(&admin).await;
    let page = client
        .get(l.app.url("/users/new"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Filler Union"));
    assert!(page.contains(
        "type=\"radio\" id=\"organisation-none\" name=\"organisation\" value=\"\" checked"
    ));

    let typed = |extra: &[(&'static str, String)]| {
        let mut form: Vec<(&str, String)> = vec![
            ("email", "amal@example.org".into()),
            ("name", "Amal Haddad".into()),
            ("password", "a long enough secret".into()),
            ("role", "member".into()),
        ];
        form.extend_from_slice(extra);
        form
    };
    let response = client
        .post(l.app.url("/users"))
        .form(&typed(&[
            ("organisation", String::new()),
            ("organisation_find", "green".into()),
            ("find", "organisation".into()),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let page = response.text().await.unwrap();
    assert!(page.contains("value=\"amal@example.org\"") && page.contains("Amal Haddad"));
    assert!(
        page.contains("value=\"a long enough secret\""),
        "password kept"
    );
    assert!(page.contains(&format!(
        "type=\"radio\" id=\"organisation-{0}\" name=\"organisation\" value=\"{0}\">",
        green.id
    )));
    assert!(
        users_named(&l, "amal@example.org").await.is_none(),
        "finding saves nothing"
    );

    let response = client
        .post(l.app.url("/users"))
        .form(&typed(&[("organisation", green.id.to_string())]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let user = users_named(&l, "amal@example.org").await.unwrap();
    assert_eq!(user.organisation, Some(green.id));
}

async fn users_named(l: &Large, email: &str) -> Option<tadamun_core::accounts::User> {
    let email = tadamun_core::accounts::Email::parse(email).unwrap();
    tadamun_store::accounts::users::find_for_login(&l.app.db, &email)
        .await
        .unwrap()
        .map(|(user, _)| user)
}
