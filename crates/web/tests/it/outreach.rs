use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

#[tokio::test]
async fn the_api_moves_stages_by_the_rules_and_keeps_the_history() {
    let app = TestApp::spawn().await;
    let org = app.org("Uganda Workers Union", "network").await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let viewer = app.user(Role::Viewer, None).await;
    let token = app.token(&coordinator).await;
    let url = app.url(&format!("/api/v1/organisations/{}/stage", org.id));
    let post = |token: String, body: Value| {
        Client::new()
            .post(url.clone())
            .bearer_auth(token)
            .json(&body)
            .send()
    };

    let skip = post(token.clone(), json!({"stage": "member"}))
        .await
        .unwrap();
    assert_eq!(skip.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = skip.json().await.unwrap();
    assert_eq!(error["error"]["code"], "invalid_stage_move");
    assert_eq!(error["error"]["field"], "stage");
    let unknown: Value = post(token.clone(), json!({"stage": "friends"}))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(unknown["error"]["code"], "unknown_value");
    let refused = post(app.token(&viewer).await, json!({"stage": "contacted"}))
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    let moved = post(
        token.clone(),
        json!({"stage": "contacted", "note": "Met in Kampala"}),
    )
    .await
    .unwrap();
    assert_eq!(moved.status(), StatusCode::OK);
    assert_eq!(moved.json::<Value>().await.unwrap()["stage"], "contacted");

    let history: Value = app
        .api_json(&format!("/api/v1/organisations/{}/stages", org.id), &token)
        .await;
    assert_eq!(history.as_array().unwrap().len(), 2);
    assert_eq!(history[1]["from"], "prospect");
    assert_eq!(history[1]["to"], "contacted");
    assert_eq!(history[1]["note"], "Met in Kampala");
    assert_eq!(history[1]["by"], coordinator.email.as_str());

    let funnel: Value = app
        .api_json("/api/v1/outreach/funnel?region=002", &token)
        .await;
    assert_eq!(funnel["current"]["contacted"], 1);
    assert_eq!(funnel["conversion"][0]["percent"], 100.0);
}

#[tokio::test]
async fn a_look_alike_organisation_needs_confirmation() {
    let app = TestApp::spawn().await;
    let existing = app.org("Kenya Solidarity Network", "network").await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let body = json!({"name": "kenya  solidarity NETWORK", "country": "KE"});
    let refused = Client::new()
        .post(app.url("/api/v1/organisations"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    let error: Value = refused.json().await.unwrap();
    assert_eq!(error["error"]["code"], "duplicate");
    assert_eq!(error["error"]["existing_id"], existing.id.as_str());
    let forced = Client::new()
        .post(app.url("/api/v1/organisations?force=true"))
        .bearer_auth(&token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(forced.status(), StatusCode::CREATED);

    // The page shows the existing one and asks; ticking the box creates it.
    let client = app.signed_in(&coordinator).await;
    let form = [
        ("name", "Kenya Solidarity Network"),
        ("country", "KE"),
        ("visibility", "network"),
    ];
    let page = client
        .post(app.url("/organisations"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::CONFLICT);
    let text = page.text().await.unwrap();
    assert!(text.contains(&format!("/organisations/{}", existing.id)));
    assert!(text.contains("name=\"force\""));
    assert!(text.contains("value=\"Kenya Solidarity Network\""));
    let mut confirmed = form.to_vec();
    confirmed.push(("force", "on"));
    let created = client
        .post(app.url("/organisations"))
        .form(&confirmed)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn the_organisation_page_moves_stages_and_sets_the_follow_up() {
    let app = TestApp::spawn().await;
    let org = app.org("Nigeria Media for Peace", "network").await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let path = format!("/organisations/{}", org.id);

    let bad = client
        .post(app.url(&format!("{path}/stage")))
        .form(&[("stage", "partner")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        bad.text()
            .await
            .unwrap()
            .contains("Stage: this move is not possible from the current stage.")
    );

    let ok = client
        .post(app.url(&format!("{path}/stage")))
        .form(&[("stage", "contacted"), ("note", "Wrote to the editor")])
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    let due = client
        .post(app.url(&format!("{path}/outreach")))
        .form(&[
            ("owner", coordinator.id.as_str()),
            ("next_step", "Send the media kit"),
            ("next_step_due", "31/12/2026"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(due.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        due.text()
            .await
            .unwrap()
            .contains("Next step due: use a date like 2026-06-30.")
    );
    client
        .post(app.url(&format!("{path}/outreach")))
        .form(&[
            ("owner", coordinator.id.as_str()),
            ("next_step", "Send the media kit"),
            ("next_step_due", "2026-12-31"),
        ])
        .send()
        .await
        .unwrap();

    let page = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Wrote to the editor") && page.contains("Prospect → Contacted"));
    assert!(page.contains("Send the media kit"));
    let mine = client
        .get(app.url("/outreach/mine"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        mine.contains("Nigeria Media for Peace") && mine.contains("2026-12-31 Send the media kit")
    );
    let stalled = client
        .get(app.url("/outreach/stalled?days=1"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !stalled.contains("Nigeria Media for Peace"),
        "it moved today"
    );
    let bad_days = client
        .get(app.url("/outreach/stalled?days=0"))
        .send()
        .await
        .unwrap();
    assert_eq!(bad_days.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let funnel = client
        .get(app.url("/outreach?region=002&lang=fr"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(funnel.contains("Contactée"));
}
