//! Campaigns and their targets, pages and API: refused forms keep what was typed,
//! outcomes need their date, the campaign page draws wins over time, the list
//! filters, and right-to-left names stay isolated.

use reqwest::{Method, StatusCode};
use serde_json::json;
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

#[tokio::test]
async fn a_refused_campaign_form_keeps_what_was_typed_and_names_the_field() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let response = client
        .post(app.url("/campaigns"))
        .form(&[
            ("name", "Voices of the Sahel"),
            ("name_ar", "أصوات الساحل"),
            ("kind", "media"),
            ("goals", "Reach **one million** people"),
            ("start", "2026-09-01"),
            ("end", "2026-03-01"),
            ("languages", "sw"),
            ("languages", "ar"),
            ("regions", "002"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Voices of the Sahel") && page.contains("أصوات الساحل"));
    assert!(page.contains("Reach **one million** people"), "goals kept");
    assert!(page.contains(r#"value="sw" checked"#), "language kept");
    assert!(page.contains(r#"value="002" checked"#), "region kept");
    assert!(page.contains("End: "), "field named: {page}");
    let token = app.token(&coordinator).await;
    assert_eq!(app.api_json("/api/v1/campaigns", &token).await, json!([]));

    let response = client
        .post(app.url("/campaigns"))
        .form(&[
            ("name", "Voices of the Sahel"),
            ("name_ar", "أصوات الساحل"),
            ("kind", "media"),
            (
                "goals",
                "Reach **one million** people <script>alert(1)</script>",
            ),
            ("start", "2026-03-01"),
            ("end", "2026-09-30"),
            ("languages", "sw"),
        ])
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
        page.contains("<strong>one million</strong>"),
        "goals rendered"
    );
    assert!(!page.contains("<script>alert"), "goals sanitised");
    assert!(page.contains("Swahili"));
    let arabic = client
        .get(app.url(&format!("{location}&lang=ar")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(arabic.contains("<bdi>أصوات الساحل</bdi>"), "{arabic}");
}

#[tokio::test]
async fn targets_won_and_lost_show_on_the_campaign_page_and_its_chart() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let created = app
        .api_send(
            Method::POST,
            "/api/v1/campaigns",
            &token,
            json!({"name": "Divest now", "kind": "economic", "start": "2026-01-01", "end": "2026-12-31"}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<serde_json::Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let client = app.signed_in(&coordinator).await;
    let undated = client
        .post(app.url(&format!("/campaigns/{id}/targets")))
        .form(&[
            ("name", "Northwind Pension Fund"),
            ("kind", "institution"),
            ("demands", "Divest from arms makers"),
            ("outcome", "won"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(undated.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = undated.text().await.unwrap();
    assert!(
        page.contains("Divest from arms makers"),
        "typed demands kept"
    );
    assert!(
        page.contains("Date of the outcome: give the date"),
        "{page}"
    );
    for (name, outcome, date) in [
        ("Northwind Pension Fund", "won", "2026-03-10"),
        ("Acme Arms", "lost", "2026-05-01"),
        ("City of Lyon", "partial", "2026-06-20"),
        ("Globex", "", ""),
    ] {
        let response = client
            .post(app.url(&format!("/campaigns/{id}/targets")))
            .form(&[
                ("name", name),
                ("kind", "company"),
                ("country", "FR"),
                ("outcome", outcome),
                ("outcome_date", date),
                ("evidence", "https://example.org/statement"),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{name}");
    }
    let page = client
        .get(app.url(&format!("/campaigns/{id}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("2 won") && page.contains("1 lost") && page.contains("1 open"));
    assert!(page.contains(r#"class="c-wins""#) && page.contains(r#"class="c-losses""#));
    assert!(
        page.contains("2026-06-20: Won or partly won 2, Lost 1"),
        "{page}"
    );
    assert!(page.contains("France"));

    let body = app
        .api_json(&format!("/api/v1/campaigns/{id}"), &token)
        .await;
    assert_eq!(
        body["wins"],
        json!([
            {"date": "2026-03-10", "wins": 1, "losses": 0},
            {"date": "2026-05-01", "wins": 1, "losses": 1},
            {"date": "2026-06-20", "wins": 2, "losses": 1},
        ])
    );
    assert_eq!(body["targets"].as_array().unwrap().len(), 4);
    let globex = body["targets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "Globex")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let refused = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/campaigns/{id}/targets/{globex}"),
            &token,
            json!({"outcome": "won"}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(error["error"]["code"], "outcome_date_required");
    assert_eq!(error["error"]["field"], "outcome_date");
    let won = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/campaigns/{id}/targets/{globex}"),
            &token,
            json!({"outcome": "won", "outcome_date": "2026-07-01"}),
        )
        .await;
    assert_eq!(won.status(), StatusCode::OK);
    let body = app
        .api_json(&format!("/api/v1/campaigns/{id}"), &token)
        .await;
    assert_eq!(
        body["wins"][3],
        json!({"date": "2026-07-01", "wins": 3, "losses": 1})
    );
}

#[tokio::test]
async fn the_list_of_campaigns_narrows_by_kind_language_and_region() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Admin).await;
    let org = app.org("Sauti ya Haki", "network").await;
    for body in [
        json!({"name": "Voices", "kind": "media", "start": "2026-01-01", "languages": ["sw", "pt"], "regions": ["014"], "organisations": [org.id.to_string()]}),
        json!({"name": "Divest now", "kind": "economic", "start": "2026-02-01", "regions": ["150"]}),
    ] {
        let r = app
            .api_send(Method::POST, "/api/v1/campaigns", &token, body)
            .await;
        assert_eq!(r.status(), StatusCode::CREATED);
    }
    let names = |v: serde_json::Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| c["name"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        names(app.api_json("/api/v1/campaigns", &token).await),
        ["Divest now", "Voices"]
    );
    assert_eq!(
        names(app.api_json("/api/v1/campaigns?kind=media", &token).await),
        ["Voices"]
    );
    assert_eq!(
        names(app.api_json("/api/v1/campaigns?language=pt", &token).await),
        ["Voices"]
    );
    assert_eq!(
        names(app.api_json("/api/v1/campaigns?region=002", &token).await),
        ["Voices"]
    );
    assert_eq!(
        names(
            app.api_json(
                &format!("/api/v1/campaigns?organisation={}", org.id),
                &token
            )
            .await
        ),
        ["Voices"]
    );
    let bad = app.api_json("/api/v1/campaigns?kind=sports", &token).await;
    assert_eq!(bad["error"]["field"], "kind");
    let viewer = app.user(Role::Viewer, None).await;
    let page = app
        .signed_in(&viewer)
        .await
        .get(app.url("/campaigns?region=150"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Divest now") && !page.contains("Voices"));
    assert!(
        !page.contains("/campaigns/new"),
        "viewers are not offered a form"
    );
}
