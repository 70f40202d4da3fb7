use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let response = app.api_send(Method::POST, path, token, body).await;
    assert_eq!(response.status(), StatusCode::CREATED, "{path}");
    response.json().await.unwrap()
}

#[tokio::test]
async fn an_indicator_reports_progress_status_and_projection_from_its_measurements() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let plan = created(&app, &coordinator, "/api/v1/plan-items", json!({"level": "plan", "title": "Expansion into Africa", "start": "2026-01-01", "due": "2027-06-30"})).await;
    let objective = created(
        &app,
        &coordinator,
        "/api/v1/plan-items",
        json!({"level": "objective", "parent": plan["id"], "title": "A member in every sub-region", "start": "2026-01-01", "due": "2027-06-30"}),
    )
    .await;
    let ind = created(
        &app,
        &coordinator,
        "/api/v1/indicators",
        json!({"name": "Member organisations in Africa", "unit": "organisations", "direction": "increase", "baseline": 3, "baseline_date": "2026-01-01", "target": 25, "target_date": "2027-06-30", "item": objective["id"]}),
    )
    .await;
    assert_eq!(ind["status"], "not_enough_data");
    assert_eq!(ind["projected_date"], Value::Null);
    let id = ind["id"].as_str().unwrap();

    // A member records measurements; at +0.5 a month the trend reaches about 12 by the
    // target date, under 80 % of the way to 25: off track.
    let member = app.token_of(Role::Member).await;
    let mut last = Value::Null;
    for (date, value) in [
        ("2026-02-01", 3.5),
        ("2026-03-01", 4.0),
        ("2026-04-01", 4.5),
    ] {
        last = created(
            &app,
            &member,
            &format!("/api/v1/indicators/{id}/measurements"),
            json!({"date": date, "value": value}),
        )
        .await;
    }
    assert_eq!(last["measurements"].as_array().unwrap().len(), 3);
    let progress = last["progress"].as_f64().unwrap();
    assert!((progress - 1.5 / 22.0 * 100.0).abs() < 1e-6, "{progress}");
    assert_eq!(last["status"], "off_track");
    let projected = last["projected_value"].as_f64().unwrap();
    assert!(
        projected > 4.5 && projected < 3.0 + 0.8 * 22.0,
        "{projected}"
    );
    assert!(last["projected_date"].as_str().unwrap() > "2027-06-30");

    let read = app
        .api_json(&format!("/api/v1/indicators/{id}"), &member)
        .await;
    assert_eq!(read["status"], "off_track");
    let tree = app
        .api_json(
            &format!("/api/v1/plans/{}", plan["id"].as_str().unwrap()),
            &member,
        )
        .await;
    assert!((tree["items"][0]["progress"].as_f64().unwrap() - progress).abs() < 1e-6);

    // Bad input names the field and stores nothing.
    let early = app
        .api_send(
            Method::POST,
            &format!("/api/v1/indicators/{id}/measurements"),
            &member,
            json!({"date": "2025-12-01", "value": 9}),
        )
        .await;
    assert_eq!(early.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = early.json().await.unwrap();
    assert_eq!(error["error"]["field"], "date");
    let viewer = app.token_of(Role::Viewer).await;
    let denied = app
        .api_send(
            Method::POST,
            &format!("/api/v1/indicators/{id}/measurements"),
            &viewer,
            json!({"date": "2026-05-01", "value": 7}),
        )
        .await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let read = app
        .api_json(&format!("/api/v1/indicators/{id}"), &member)
        .await;
    assert_eq!(read["measurements"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn plan_items_out_of_place_and_dependency_cycles_are_refused_by_the_api() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let plan = created(&app, &coordinator, "/api/v1/plan-items", json!({"level": "plan", "title": "Legal track", "start": "2026-01-01", "due": "2026-12-31"})).await;
    let skip = app
        .api_send(
            Method::POST,
            "/api/v1/plan-items",
            &coordinator,
            json!({"level": "action", "parent": plan["id"], "title": "File"}),
        )
        .await;
    assert_eq!(skip.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = skip.json().await.unwrap();
    assert_eq!(error["error"]["code"], "invalid_parent_level");
    let objective = created(
        &app,
        &coordinator,
        "/api/v1/plan-items",
        json!({"level": "objective", "parent": plan["id"], "title": "Cases"}),
    )
    .await;
    let initiative = created(
        &app,
        &coordinator,
        "/api/v1/plan-items",
        json!({"level": "initiative", "parent": objective["id"], "title": "Complaints"}),
    )
    .await;
    let a = created(&app, &coordinator, "/api/v1/plan-items", json!({"level": "action", "parent": initiative["id"], "title": "Gather evidence", "start": "2026-02-01", "due": "2026-03-01", "status": "done"})).await;
    let b = created(&app, &coordinator, "/api/v1/plan-items", json!({"level": "action", "parent": initiative["id"], "title": "File the complaint", "start": "2026-03-02", "due": "2026-04-01"})).await;
    let ok = app
        .api_send(
            Method::POST,
            &format!(
                "/api/v1/plan-items/{}/dependencies",
                b["id"].as_str().unwrap()
            ),
            &coordinator,
            json!({"depends_on": a["id"]}),
        )
        .await;
    assert_eq!(ok.status(), StatusCode::NO_CONTENT);
    let cycle = app
        .api_send(
            Method::POST,
            &format!(
                "/api/v1/plan-items/{}/dependencies",
                a["id"].as_str().unwrap()
            ),
            &coordinator,
            json!({"depends_on": b["id"]}),
        )
        .await;
    assert_eq!(cycle.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = cycle.json().await.unwrap();
    assert_eq!(error["error"]["field"], "depends_on");

    let member = app.token_of(Role::Member).await;
    let denied = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/plan-items/{}", b["id"].as_str().unwrap()),
            &member,
            json!({"status": "done"}),
        )
        .await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let done = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/plan-items/{}", b["id"].as_str().unwrap()),
            &coordinator,
            json!({"status": "done"}),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let plans = app.api_json("/api/v1/plans", &member).await;
    assert_eq!(plans[0]["progress"], 100.0);
    let tree = app
        .api_json(
            &format!("/api/v1/plans/{}", plan["id"].as_str().unwrap()),
            &member,
        )
        .await;
    assert_eq!(tree["items"].as_array().unwrap().len(), 5);
    assert_eq!(tree["dependencies"].as_array().unwrap().len(), 1);
}
