use reqwest::StatusCode;
use serde_json::json;
use tadamun_core::accounts::Role;
use tadamun_core::directory::Stage;

use crate::helpers::TestApp;

async fn org(app: &TestApp, name: &str, country: &str, visibility: &str, stage: Stage) {
    crate::coverage::org(app, name, country, "legal", visibility, stage).await;
}

async fn network(app: &TestApp) {
    org(app, "Nairobi Legal Aid", "KE", "public", Stage::Member).await;
    org(app, "Mombasa Voices", "KE", "network", Stage::Partner).await;
    org(app, "Kisumu Prospects", "KE", "public", Stage::Prospect).await;
    org(app, "London Solidarity", "GB", "public", Stage::Member).await;
    org(app, "Penang Collective", "MY", "public", Stage::Partner).await;
}

#[tokio::test]
async fn the_slot_finder_proposes_the_british_morning_for_kenya_britain_and_malaysia() {
    let app = TestApp::spawn().await;
    network(&app).await;
    let token = app.token_of(Role::Member).await;
    let found = app
        .api_json(
            "/api/v1/slots?countries=KE,GB,MY&duration=90\
             &from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&limit=3",
            &token,
        )
        .await;
    let slots = found["slots"].as_array().unwrap();
    assert_eq!(slots.len(), 3, "{found}");
    assert_eq!(
        slots[0],
        json!({
            "start": "2026-12-01T10:00:00Z",
            "end": "2026-12-01T11:30:00Z",
            "score": 1.0,
            "local": {"GB": "10:00", "KE": "13:00", "MY": "18:00"},
            "awake": {"GB": 1.0, "KE": 1.0, "MY": 1.0},
        })
    );
    // Members and partners count, prospects do not; a network organisation counts
    // for a signed-in user.
    assert_eq!(
        found["audience"],
        json!([
            {"country": "KE", "weight": 2, "zones": ["Africa/Nairobi"]},
            {"country": "GB", "weight": 1, "zones": ["Europe/London"]},
            {"country": "MY", "weight": 1, "zones": ["Asia/Kuala_Lumpur", "Asia/Kuching"]},
        ])
    );

    // Late in the Kenyan evening only Kenya is awake: 2 of the 4 organisations.
    let late = app
        .api_json(
            "/api/v1/slots?countries=KE,MY&duration=30\
             &from=2026-12-01T17:30:00Z&to=2026-12-01T18:00:00Z",
            &token,
        )
        .await;
    assert_eq!(late["slots"][0]["score"], json!(0.667), "{late}");
}

#[tokio::test]
async fn kept_findings_answer_only_the_same_question_and_follow_the_organisations() {
    let app = TestApp::spawn().await;
    network(&app).await;
    let token = app.token_of(Role::Member).await;
    let ask = async |query: &str| {
        app.api_json(
            &format!("/api/v1/slots?countries=KE,GB,MY&from=2026-12-01T00:00:00Z{query}"),
            &token,
        )
        .await
    };
    let day = "&to=2026-12-02T00:00:00Z";
    let first = ask(&format!("{day}&duration=90&limit=3")).await;
    assert_eq!(first["slots"].as_array().unwrap().len(), 3, "{first}");
    let one = ask(&format!("{day}&duration=90&limit=1")).await;
    assert_eq!(one["slots"].as_array().unwrap().len(), 1, "{one}");
    let shorter = ask(&format!("{day}&duration=60&limit=3")).await;
    // An hour's meeting is best at 10:30, farther from the edges of the day.
    assert_eq!(
        (&shorter["slots"][0]["start"], &shorter["slots"][0]["end"]),
        (
            &json!("2026-12-01T10:30:00Z"),
            &json!("2026-12-01T11:30:00Z")
        ),
        "{shorter}"
    );
    assert_eq!(ask(&format!("{day}&duration=90&limit=3")).await, first);

    // Late in the Kenyan evening only Kenya is awake; one more Kenyan member weighs
    // it more.
    let late = "/api/v1/slots?countries=KE,MY&duration=30\
                &from=2026-12-01T17:30:00Z&to=2026-12-01T18:00:00Z";
    assert_eq!(
        app.api_json(late, &token).await["slots"][0]["score"],
        json!(0.667)
    );
    org(&app, "Eldoret Workers", "KE", "public", Stage::Member).await;
    assert_eq!(
        app.api_json(late, &token).await["slots"][0]["score"],
        json!(0.75)
    );

    // A restricted Kenyan member weighs only for its own members: the same question
    // asked by them is another question.
    let restricted = tadamun_store::directory::create(
        &app.db,
        &tadamun_core::audit::Actor::System,
        tadamun_core::directory::OrganisationInput {
            name: "Kakamega Circle".into(),
            country: "KE".into(),
            visibility: Some("restricted".into()),
            ..Default::default()
        }
        .validate(&[])
        .unwrap(),
        Stage::Member,
    )
    .await
    .unwrap();
    let insider = app.user(Role::Member, Some(&restricted.id)).await;
    let insider = app.token(&insider).await;
    assert_eq!(
        app.api_json(late, &token).await["slots"][0]["score"],
        json!(0.75)
    );
    assert_eq!(
        app.api_json(late, &insider).await["slots"][0]["score"],
        json!(0.8)
    );
    assert_eq!(
        app.api_json(late, &token).await["slots"][0]["score"],
        json!(0.75)
    );
}

#[tokio::test]
async fn a_region_reaches_its_countries_with_organisations() {
    let app = TestApp::spawn().await;
    network(&app).await;
    let token = app.token_of(Role::Viewer).await;
    let found = app
        .api_json(
            "/api/v1/slots?regions=002&from=2026-12-01&to=2026-12-03",
            &token,
        )
        .await;
    assert_eq!(
        found["audience"],
        json!([{"country": "KE", "weight": 2, "zones": ["Africa/Nairobi"]}])
    );
    assert_eq!(found["slots"].as_array().unwrap().len(), 10);
    // Dates are read in the caller's zone (UTC here): Nairobi's first waking start
    // on the 1st is 06:00 UTC, and the middle of its day (13:00–17:30 local for 90
    // minutes: 11:00 and 11:30 UTC keep 300 minutes from either edge) comes first.
    assert_eq!(found["slots"][0]["start"], "2026-12-01T11:00:00Z");
}

#[tokio::test]
async fn working_days_leave_out_each_countrys_own_weekend() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Member).await;
    // Friday to Sunday: Friday is the Egyptian weekend, Saturday both countries',
    // Sunday the British.
    let path = "/api/v1/slots?countries=EG,GB&duration=60&from=2026-12-04&to=2026-12-06";
    let all_week = app.api_json(path, &token).await;
    assert_eq!(all_week["slots"][0]["score"], json!(1.0));
    let working = app
        .api_json(&format!("{path}&working_days=1"), &token)
        .await;
    assert_eq!(working["slots"][0]["score"], json!(0.5), "{working}");
    assert!(
        working["slots"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| !s["start"].as_str().unwrap().starts_with("2026-12-05")),
        "no one works on Saturday"
    );
}

#[tokio::test]
async fn bad_slot_queries_name_the_field_and_anonymous_callers_are_refused() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Member).await;
    for (query, field, code) in [
        ("countries=KE,Atlantis", "countries", "invalid_country"),
        ("", "countries", "required"),
        ("countries=KE&duration=5", "duration", "out_of_range"),
        (
            "countries=KE&from=2026-12-01&to=2027-02-01",
            "to",
            "out_of_range",
        ),
        (
            "countries=KE&from=2026-12-05&to=2026-12-01",
            "to",
            "dates_out_of_order",
        ),
        ("countries=KE&wake_from=9am", "wake_from", "invalid_time"),
        (
            "countries=KE&wake_from=20:00&wake_to=08:00",
            "wake_to",
            "times_out_of_order",
        ),
        (
            "countries=KE&zone=Mars/Olympus",
            "zone",
            "invalid_time_zone",
        ),
        ("countries=KE&limit=500", "limit", "out_of_range"),
        (
            "countries=KE&working_days=maybe",
            "working_days",
            "unknown_value",
        ),
    ] {
        let response = TestApp::client()
            .get(app.url(&format!("/api/v1/slots?lang=fr&{query}")))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            (
                body["error"]["field"].as_str(),
                body["error"]["code"].as_str()
            ),
            (Some(field), Some(code)),
            "{query}: {body}"
        );
        assert!(!body["error"]["message"].as_str().unwrap().is_empty());
    }
    let anonymous = reqwest::get(app.url("/api/v1/slots?countries=KE"))
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_slot_page_shows_times_in_the_chosen_zone_and_keeps_bad_input() {
    let app = TestApp::spawn().await;
    network(&app).await;
    let member = app.user(Role::Member, None).await;
    let client = app.signed_in(&member).await;

    let page = client
        .get(app.url(
            "/slots?countries=KE,GB,MY&duration=90&from=2026-12-01&to=2026-12-01\
             &zone=Africa/Nairobi&lang=ar",
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    // The best start, 10:00 UTC, is 13:00 in Nairobi on Tuesday the 1st.
    assert!(
        html.contains(r#"الثلاثاء <span dir="ltr">2026-12-01 13:00</span>"#),
        "{html}"
    );
    assert!(html.contains("كينيا") && html.contains("ماليزيا"));
    // The overview has a row per day of the range in Nairobi time.
    assert!(html.contains(r#"<table class="day-grid""#));

    let bad = client
        .get(app.url("/slots?countries=Kenya,+Atlantis&duration=90&lang=en"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let html = bad.text().await.unwrap();
    assert!(
        html.contains(r#"value="Kenya, Atlantis""#),
        "what was typed stays"
    );
    assert!(
        html.contains("Countries: use a two-letter country code"),
        "{html}"
    );
    assert!(html.contains(r#"id="countries" name="countries" maxlength="500" value="Kenya, Atlantis" dir="auto" aria-describedby="countries-hint" aria-invalid="true""#));

    let form = client.get(app.url("/slots")).send().await.unwrap();
    assert_eq!(form.status(), StatusCode::OK);
    let anonymous = TestApp::client()
        .get(app.url("/slots"))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
}
