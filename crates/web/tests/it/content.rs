//! Content items and the translation workflow, pages and API: who may write what,
//! impossible moves refused with a clear error, the source's changes marking
//! approved translations out of date, and Arabic shown right-to-left.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

/// A media campaign in Arabic, English and Swahili organised by `org`, with one
/// press release written in Arabic; returns the campaign's and the item's ids.
pub(crate) async fn campaign_with_item(app: &TestApp, token: &str, org: &str) -> (String, String) {
    let created = app
        .api_send(
            Method::POST,
            "/api/v1/campaigns",
            token,
            json!({"name": "Voices", "kind": "media", "start": "2026-01-01",
                   "languages": ["ar", "en", "sw"], "organisations": [org]}),
        )
        .await;
    assert_eq!(created.status(), StatusCode::CREATED);
    let campaign = created.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let item = app
        .api_send(
            Method::POST,
            &format!("/api/v1/campaigns/{campaign}/content"),
            token,
            json!({"kind": "press_release", "channel": "website", "source_lang": "ar",
                   "title": "بيان صحفي", "body": "**نص** البيان"}),
        )
        .await;
    assert_eq!(item.status(), StatusCode::CREATED);
    let item: Value = item.json().await.unwrap();
    let langs: Vec<&str> = item["translations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["lang"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["en", "sw"]);
    (campaign, item["id"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn members_of_an_organiser_translate_and_publishing_unapproved_text_is_refused() {
    let app = TestApp::spawn().await;
    let own = app.org("Sauti ya Haki", "network").await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let (campaign, item) = campaign_with_item(&app, &coordinator, own.id.as_str()).await;
    let member = app.user(Role::Member, Some(&own.id)).await;
    let outsider = app.user(Role::Member, None).await;
    let client = app.signed_in(&member).await;
    let path = format!("/content/{item}/translations/en");

    let early = client
        .post(app.url(&format!("{path}/state")))
        .form(&[("state", "published")])
        .send()
        .await
        .unwrap();
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = early.text().await.unwrap();
    assert!(
        page.contains("this move is not possible from its current state"),
        "{page}"
    );

    let saved = client
        .post(app.url(&path))
        .form(&[
            ("title", "Press release"),
            ("body", "The **text**"),
            ("due", "2020-01-01"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::SEE_OTHER);
    let page = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("t-draft") && page.contains("Late"),
        "a draft past its due date"
    );
    assert!(page.contains("<strong>text</strong>"), "rendered");
    assert!(
        page.contains(r#"lang="ar" dir="auto""#),
        "the Arabic source keeps its direction"
    );
    let skip = client
        .post(app.url(&format!("{path}/state")))
        .form(&[("state", "approved")])
        .send()
        .await
        .unwrap();
    assert_eq!(skip.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let review = client
        .post(app.url(&format!("{path}/state")))
        .form(&[("state", "in_review")])
        .send()
        .await
        .unwrap();
    assert_eq!(review.status(), StatusCode::SEE_OTHER);

    let outsider_client = app.signed_in(&outsider).await;
    let refused = outsider_client
        .post(app.url(&path))
        .form(&[("title", "Mine now")])
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // Assigned to the outsider, the Swahili translation is theirs to write.
    let sw = format!("/api/v1/content/{item}/translations/sw");
    let assigned = app
        .api_send(
            Method::PUT,
            &sw,
            &coordinator,
            json!({"assignee": outsider.id.to_string(), "due": "2030-01-01"}),
        )
        .await;
    assert_eq!(assigned.status(), StatusCode::OK);
    let outsider_token = app.token(&outsider).await;
    let written = app
        .api_send(
            Method::PUT,
            &sw,
            &outsider_token,
            json!({"title": "Taarifa kwa vyombo vya habari"}),
        )
        .await;
    assert_eq!(written.status(), StatusCode::OK);
    assert_eq!(written.json::<Value>().await.unwrap()["state"], "draft");
    let viewer = app.token_of(Role::Viewer).await;
    let read = app.api_json(&sw, &viewer).await;
    assert_eq!(read["history"][0]["to"], "draft");
    let no = app
        .api_send(Method::PUT, &sw, &viewer, json!({"title": "x"}))
        .await;
    assert_eq!(no.status(), StatusCode::FORBIDDEN);

    let mine = app
        .api_json("/api/v1/translations/mine", &outsider_token)
        .await;
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["translation"]["lang"], "sw");
    assert_eq!(mine[0]["title"], "بيان صحفي");
    let mine_page = outsider_client
        .get(app.url("/translations/mine"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(mine_page.contains(&format!("/content/{item}/translations/sw")));
    assert_eq!(
        app.api_json("/api/v1/translations/mine", &viewer).await,
        json!([])
    );
    let matrix = app
        .api_json(&format!("/api/v1/campaigns/{campaign}/matrix"), &viewer)
        .await;
    assert_eq!(matrix["languages"], json!(["ar", "en", "sw"]));
    assert_eq!(
        matrix["rows"][0]["cells"],
        json!([
            {"lang": "ar", "state": "source", "late": false, "outdated": false},
            {"lang": "en", "state": "in_review", "late": true, "outdated": false},
            {"lang": "sw", "state": "draft", "late": false, "outdated": false},
        ])
    );
    assert_eq!(
        (matrix["missing"].as_i64(), matrix["late"].as_i64()),
        (Some(0), Some(1))
    );
    let matrix_page = client
        .get(app.url(&format!("/campaigns/{campaign}/matrix")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        matrix_page.contains("t-in_review late") && matrix_page.contains("0 translations missing")
    );

    let campaign_page = client
        .get(app.url(&format!("/campaigns/{campaign}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        campaign_page.contains(r#"lang="ar" dir="auto">بيان صحفي</a>"#),
        "{campaign_page}"
    );
    assert!(campaign_page.contains("t-in_review"));
}

#[tokio::test]
async fn changing_the_source_marks_approved_translations_out_of_date_through_the_api() {
    let app = TestApp::spawn().await;
    let own = app.org("Sauti ya Haki", "network").await;
    let token = app.token_of(Role::Admin).await;
    let (_, item) = campaign_with_item(&app, &token, own.id.as_str()).await;
    let en = format!("/api/v1/content/{item}/translations/en");
    app.api_send(
        Method::PUT,
        &en,
        &token,
        json!({"title": "Press release", "body": "Text"}),
    )
    .await;
    for state in ["in_review", "approved"] {
        let moved = app
            .api_send(
                Method::POST,
                &format!("{en}/state"),
                &token,
                json!({"state": state}),
            )
            .await;
        assert_eq!(moved.status(), StatusCode::OK, "{state}");
    }
    let bad = app
        .api_send(
            Method::POST,
            &format!("{en}/state"),
            &token,
            json!({"state": "missing"}),
        )
        .await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = bad.json().await.unwrap();
    assert_eq!(error["error"]["code"], "invalid_translation_move");
    assert_eq!(error["error"]["field"], "state");

    let patched = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/content/{item}"),
            &token,
            json!({"body": "**نص** البيان المعدّل"}),
        )
        .await;
    assert_eq!(patched.status(), StatusCode::OK);
    let body: Value = patched.json().await.unwrap();
    assert_eq!(body["translations"][0]["outdated"], true);
    assert_eq!(body["translations"][0]["state"], "approved");
    assert_eq!(body["translations"][1]["outdated"], false);
    assert!(matches!(
        app.api_json(&format!("/api/v1/content/{item}/translations/ar"), &token)
            .await["error"]["code"]
            .as_str(),
        Some("not_found")
    ));
}

#[tokio::test]
async fn a_kept_matrix_follows_every_write_to_translations_and_content() {
    let app = TestApp::spawn().await;
    let own = app.org("Sauti ya Haki", "network").await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let (campaign, item) = campaign_with_item(&app, &coordinator, own.id.as_str()).await;
    let path = format!("/api/v1/campaigns/{campaign}/matrix");
    let states = |matrix: &Value| -> Vec<String> {
        matrix["rows"][0]["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["state"].as_str().unwrap().to_owned())
            .collect()
    };
    let before = app.api_json(&path, &coordinator).await;
    assert_eq!(states(&before), ["source", "missing", "missing"]);
    assert_eq!(app.api_json(&path, &coordinator).await, before);

    // A translation written through the API is in the next matrix.
    let written = app
        .api_send(
            Method::PUT,
            &format!("/api/v1/content/{item}/translations/en"),
            &coordinator,
            json!({"title": "Press release"}),
        )
        .await;
    assert_eq!(written.status(), StatusCode::OK);
    assert_eq!(
        states(&app.api_json(&path, &coordinator).await),
        ["source", "draft", "missing"]
    );

    // So is one written around the repositories, in plain SQL.
    tadamun_store::testing::execute(
        &app.db,
        &format!(
            "UPDATE translations SET state = 'in_review' WHERE item_id = '{item}' AND lang = 'en'"
        ),
    )
    .await
    .unwrap();
    assert_eq!(
        states(&app.api_json(&path, &coordinator).await),
        ["source", "in_review", "missing"]
    );

    // And a change to the content item itself (the campaigns' version), on the page.
    tadamun_store::testing::execute(
        &app.db,
        &format!("UPDATE content_items SET title = 'بيان صحفي جديد' WHERE id = '{item}'"),
    )
    .await
    .unwrap();
    let viewer = app.user(Role::Viewer, None).await;
    let page = app
        .signed_in(&viewer)
        .await
        .get(app.url(&format!("/campaigns/{campaign}/matrix")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("بيان صحفي جديد"), "{page}");
    assert!(page.contains("t-in_review"));
}
