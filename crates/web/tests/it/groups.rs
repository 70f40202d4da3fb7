use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::time::Zone;
use tadamun_store::accounts::users::{self, Profile};

use crate::helpers::TestApp;

pub(crate) async fn created(app: &TestApp, token: &str, path: &str, body: Value) -> Value {
    let response = app.api_send(Method::POST, path, token, body).await;
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert_eq!(status, StatusCode::CREATED, "{path}: {body}");
    body
}

/// Sends `body` in `lang` and checks the answer is 422 naming `field`, with a message
/// containing `words`.
async fn refused(
    app: &TestApp,
    token: &str,
    (method, path): (Method, &str),
    lang: &str,
    body: Value,
    (field, code, words): (&str, &str, &str),
) {
    let response = Client::new()
        .request(method, app.url(path))
        .bearer_auth(token)
        .header("accept-language", lang)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "{path} {body}"
    );
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], field, "{error}");
    assert_eq!(error["error"]["code"], code, "{error}");
    let message = error["error"]["message"].as_str().unwrap();
    assert!(message.contains(words), "{lang}: {message}");
}

async fn plan_with_initiative(app: &TestApp, token: &str) -> (Value, Value) {
    let plan = created(app, token, "/api/v1/plan-items", json!({"level": "plan", "title": "Legal track", "start": "2026-01-01", "due": "2026-12-31"})).await;
    let objective = created(app, token, "/api/v1/plan-items", json!({"level": "objective", "parent": plan["id"], "title": "Accountability", "start": "2026-01-01", "due": "2026-12-31"})).await;
    let initiative = created(app, token, "/api/v1/plan-items", json!({"level": "initiative", "parent": objective["id"], "title": "Complaints", "start": "2026-02-01", "due": "2026-09-30"})).await;
    (plan, initiative)
}

#[tokio::test]
async fn a_working_group_page_gathers_its_meetings_actions_and_recommendations() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let viewer = app.token_of(Role::Viewer).await;
    let lead = created(&app, &coordinator, "/api/v1/people", json!({"display_name": "Layla Nasser", "pseudonymous": true, "alias": "Olive", "visibility": "network"})).await;
    let member = created(
        &app,
        &coordinator,
        "/api/v1/people",
        json!({"display_name": "Juma Otieno", "visibility": "network"}),
    )
    .await;
    let group = created(
        &app,
        &coordinator,
        "/api/v1/working-groups",
        json!({"name": "Legal working group", "name_ar": "مجموعة العمل القانونية", "mandate": "Follow complaints.", "lead": lead["id"], "people": [lead["id"], member["id"]], "focus": "legal", "regions": ["002", "145"]}),
    )
    .await;
    let gid = group["id"].as_str().unwrap();
    // A pseudonymous lead is known by the alias to a viewer, by name to a coordinator.
    assert_eq!(group["lead"]["name"], "Layla Nasser");
    let seen = app
        .api_json(&format!("/api/v1/working-groups/{gid}"), &viewer)
        .await;
    assert_eq!(seen["lead"]["name"], "Olive");
    assert!(!seen.to_string().contains("Layla"));
    assert_eq!(seen["names"]["ar"], "مجموعة العمل القانونية");
    assert_eq!(seen["regions"], json!(["002", "145"]));

    let meeting = created(&app, &coordinator, "/api/v1/meetings", json!({"kind": "group_meeting", "title": "Complaints review", "start": "2026-03-02T17:00", "time_zone": "Asia/Gaza", "duration": "90", "link": "https://meet.example.org/legal", "group": gid, "agenda": ["Cases", "Next steps"], "people": [member["id"]], "minutes": "## Decisions\n\n**agreed** [bad](javascript:alert(1))\n\n<script>alert(1)</script>", "decisions": ["File two complaints"]})).await;
    assert!(
        meeting["minutes_html"]
            .as_str()
            .unwrap()
            .contains("<strong>agreed</strong>")
    );
    assert!(
        !meeting["minutes_html"]
            .as_str()
            .unwrap()
            .contains("<script")
    );
    assert!(
        !meeting["minutes_html"]
            .as_str()
            .unwrap()
            .contains("javascript:")
    );
    let mid = meeting["id"].as_str().unwrap();
    let action = created(&app, &coordinator, &format!("/api/v1/meetings/{mid}/actions"), json!({"text": "Draft the first complaint", "owner_kind": "group", "owner": gid, "due": "2026-06-30"})).await;
    let (_, initiative) = plan_with_initiative(&app, &coordinator).await;
    let aid = action["id"].as_str().unwrap();
    let item = created(
        &app,
        &coordinator,
        &format!("/api/v1/meeting-actions/{aid}/plan-item"),
        json!({"parent": initiative["id"]}),
    )
    .await;
    assert_eq!(item["level"], "action");
    assert_eq!(item["title"], "Draft the first complaint");
    let again = app
        .api_send(
            Method::POST,
            &format!("/api/v1/meeting-actions/{aid}/plan-item"),
            &coordinator,
            json!({"parent": initiative["id"]}),
        )
        .await;
    assert_eq!(again.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let read = app
        .api_json(&format!("/api/v1/meetings/{mid}"), &viewer)
        .await;
    assert_eq!(read["actions"][0]["plan_item"], item["id"]);
    assert_eq!(read["agenda"], json!(["Cases", "Next steps"]));
    assert_eq!(read["people"][0]["name"], "Juma Otieno");

    let rec = created(
        &app,
        &coordinator,
        "/api/v1/recommendations",
        json!({"text": "Set up a legal desk", "theme": "legal", "group": gid, "meeting": mid}),
    )
    .await;
    let page = app
        .api_json(&format!("/api/v1/working-groups/{gid}"), &viewer)
        .await;
    assert_eq!(page["meetings"][0]["id"], meeting["id"]);
    assert_eq!(page["actions"][0]["id"], item["id"]);
    assert_eq!(page["actions"][0]["progress"], 0.0);
    assert_eq!(page["recommendations"][0]["id"], rec["id"]);

    let denied = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/working-groups/{gid}"),
            &viewer,
            json!({"name": "Mine"}),
        )
        .await;
    assert_eq!(denied.status(), StatusCode::FORBIDDEN);
    let renamed = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/working-groups/{gid}"),
            &coordinator,
            json!({"name": "Legal and advocacy group"}),
        )
        .await;
    assert_eq!(renamed.status(), StatusCode::OK);
    let renamed: Value = renamed.json().await.unwrap();
    assert_eq!(renamed["name"], "Legal and advocacy group");
    assert_eq!(renamed["people"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn bad_input_names_the_field_in_the_callers_language_and_changes_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let post = |path| (Method::POST, path);
    let meeting = json!({"kind": "workshop", "title": "Strategy workshop", "start": "2026-03-29T02:30", "time_zone": "Europe/Paris", "duration": 120, "place": "Paris"});
    refused(
        &app,
        &coordinator,
        post("/api/v1/meetings"),
        "fr",
        meeting.clone(),
        ("start", "time_skipped", "Début"),
    )
    .await;
    let mut ambiguous = meeting.clone();
    ambiguous["start"] = json!("2026-10-25T02:30");
    refused(
        &app,
        &coordinator,
        post("/api/v1/meetings"),
        "en",
        ambiguous,
        ("start", "time_ambiguous", "twice"),
    )
    .await;
    let mut nowhere = meeting.clone();
    nowhere["start"] = json!("2026-03-30T10:00");
    nowhere["place"] = json!("");
    refused(
        &app,
        &coordinator,
        post("/api/v1/meetings"),
        "ar",
        nowhere.clone(),
        ("link", "link_or_place", "الرابط"),
    )
    .await;
    nowhere["place"] = json!("Paris");
    nowhere["duration"] = json!(2000);
    refused(
        &app,
        &coordinator,
        post("/api/v1/meetings"),
        "es",
        nowhere,
        ("duration", "out_of_range", "1440"),
    )
    .await;
    refused(
        &app,
        &coordinator,
        post("/api/v1/working-groups"),
        "en",
        json!({"name": "Media", "regions": ["001"]}),
        ("regions", "unknown_value", "Regions"),
    )
    .await;
    refused(
        &app,
        &coordinator,
        post("/api/v1/working-groups"),
        "en",
        json!({"name": "Media", "lead": "0190f5b2-0000-7000-8000-000000000000"}),
        ("lead", "unknown_value", "Lead"),
    )
    .await;
    refused(
        &app,
        &coordinator,
        post("/api/v1/recommendations"),
        "fr",
        json!({"text": "Boycott", "theme": "sports"}),
        ("theme", "unknown_value", "Thème"),
    )
    .await;
    for path in [
        "/api/v1/meetings",
        "/api/v1/working-groups",
        "/api/v1/recommendations",
    ] {
        assert_eq!(app.api_json(path, &coordinator).await, json!([]), "{path}");
    }
    refused(
        &app,
        &coordinator,
        (Method::GET, "/api/v1/recommendations?stale_days=0"),
        "en",
        json!({}),
        ("stale_days", "out_of_range", "3650"),
    )
    .await;
    refused(
        &app,
        &coordinator,
        (Method::GET, "/api/v1/recommendations?status=open"),
        "en",
        json!({}),
        ("status", "unknown_value", "Status"),
    )
    .await;
    refused(
        &app,
        &coordinator,
        (Method::GET, "/api/v1/meetings?from=March"),
        "en",
        json!({}),
        ("from", "invalid_date", "From"),
    )
    .await;

    // A patch that fails leaves the meeting as it was.
    let mut good = meeting.clone();
    good["start"] = json!("2026-03-30T10:00");
    let m = created(&app, &coordinator, "/api/v1/meetings", good).await;
    let id = m["id"].as_str().unwrap();
    refused(
        &app,
        &coordinator,
        (Method::PATCH, &format!("/api/v1/meetings/{id}")),
        "en",
        json!({"title": "Renamed", "link": "ftp://files.example.org"}),
        ("link", "invalid_url", "link"),
    )
    .await;
    let read = app
        .api_json(&format!("/api/v1/meetings/{id}"), &coordinator)
        .await;
    assert_eq!(read["title"], "Strategy workshop");
    assert_eq!(read["link"], Value::Null);
}

#[tokio::test]
async fn a_recommendation_keeps_its_status_history_and_takes_its_progress_from_linked_items() {
    let app = TestApp::spawn().await;
    let admin = app.user(Role::Admin, None).await;
    let token = app.token(&admin).await;
    let rec = created(
        &app,
        &token,
        "/api/v1/recommendations",
        json!({"text": "Publish the toolkit in Swahili", "theme": "media"}),
    )
    .await;
    let id = rec["id"].as_str().unwrap();
    let status = format!("/api/v1/recommendations/{id}/status");
    refused(
        &app,
        &token,
        (Method::POST, &status),
        "en",
        json!({"status": "implemented"}),
        ("status", "invalid_status_move", "Status"),
    )
    .await;
    refused(
        &app,
        &token,
        (Method::POST, &status),
        "en",
        json!({"status": "dropped"}),
        ("reason", "required", "Reason"),
    )
    .await;
    for (to, reason) in [
        ("adopted", ""),
        ("dropped", "No translator"),
        ("proposed", "A translator volunteered"),
        ("adopted", ""),
    ] {
        let r = app
            .api_send(
                Method::POST,
                &status,
                &token,
                json!({"status": to, "reason": reason}),
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "{to}");
    }
    let read = app
        .api_json(&format!("/api/v1/recommendations/{id}"), &token)
        .await;
    assert_eq!(read["status"], "adopted");
    let history = read["history"].as_array().unwrap();
    let path: Vec<_> = history.iter().map(|c| c["to"].as_str().unwrap()).collect();
    assert_eq!(
        path,
        ["proposed", "adopted", "dropped", "proposed", "adopted"]
    );
    assert_eq!(history[2]["reason"], "No translator");
    assert_eq!(history[1]["by"], admin.email.as_str());
    assert!(history[1]["at"].as_str().unwrap().starts_with("20"));
    assert_eq!(read["progress"], Value::Null);

    // Adopted with nothing linked: in the first follow-up list.
    let unlinked = app
        .api_json("/api/v1/recommendations?unlinked=true", &token)
        .await;
    assert_eq!(unlinked[0]["id"], rec["id"]);

    let (_, initiative) = plan_with_initiative(&app, &token).await;
    let done = created(&app, &token, "/api/v1/plan-items", json!({"level": "action", "parent": initiative["id"], "title": "Hire a translator", "status": "done"})).await;
    let half = created(
        &app,
        &token,
        "/api/v1/plan-items",
        json!({"level": "action", "parent": initiative["id"], "title": "Translate", "percent": 50}),
    )
    .await;
    let items = format!("/api/v1/recommendations/{id}/items");
    refused(
        &app,
        &token,
        (Method::POST, &items),
        "en",
        json!({"item": "0190f5b2-0000-7000-8000-000000000000"}),
        ("item", "unknown_value", ""),
    )
    .await;
    for item in [&done, &half] {
        let r = app
            .api_send(Method::POST, &items, &token, json!({"item": item["id"]}))
            .await;
        assert_eq!(r.status(), StatusCode::OK);
    }
    let read = app
        .api_json(&format!("/api/v1/recommendations/{id}"), &token)
        .await;
    assert_eq!(read["progress"], 75.0);
    assert_eq!(read["items"].as_array().unwrap().len(), 2);
    assert_eq!(
        app.api_json("/api/v1/recommendations?unlinked=true", &token)
            .await,
        json!([])
    );

    // No progress in 30 days: only once everything about it is older than that.
    assert_eq!(
        app.api_json("/api/v1/recommendations?stale_days=30", &token)
            .await,
        json!([])
    );
    let forty = 40 * 86_400_000_i64;
    for sql in [
        format!("UPDATE recommendations SET status_at = status_at - {forty}"),
        format!("UPDATE recommendation_items SET linked_at = linked_at - {forty}"),
        format!("UPDATE plan_items SET updated_at = updated_at - {forty}"),
    ] {
        tadamun_store::testing::execute(&app.db, &sql)
            .await
            .unwrap();
    }
    let stale = app
        .api_json("/api/v1/recommendations?stale_days=30&theme=media", &token)
        .await;
    assert_eq!(stale[0]["id"], rec["id"]);
    assert_eq!(stale[0]["progress"], 75.0);
    assert!(stale[0]["last_activity"].is_string());
    assert_eq!(
        app.api_json("/api/v1/recommendations?stale_days=60", &token)
            .await,
        json!([])
    );
    let hid = half["id"].as_str().unwrap();
    let r = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/plan-items/{hid}"),
            &token,
            json!({"percent": 70}),
        )
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        app.api_json("/api/v1/recommendations?stale_days=30", &token)
            .await,
        json!([])
    );
    let read = app
        .api_json(&format!("/api/v1/recommendations/{id}"), &token)
        .await;
    assert_eq!(read["progress"], 85.0);

    let gone = app
        .api_send(
            Method::DELETE,
            &format!("{items}/{}", done["id"].as_str().unwrap()),
            &token,
            json!({}),
        )
        .await;
    assert_eq!(gone.status(), StatusCode::NO_CONTENT);
    let read = app
        .api_json(&format!("/api/v1/recommendations/{id}"), &token)
        .await;
    assert_eq!(read["progress"], 70.0);
}

#[tokio::test]
async fn a_meeting_start_is_shown_in_its_own_zone_and_in_the_viewers() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    let viewer = app.user(Role::Viewer, None).await;
    users::update_profile(
        &app.db,
        &Actor::System,
        &viewer.id,
        Profile {
            name: viewer.name.clone(),
            lang: None,
            zone: Zone::parse("America/Sao_Paulo").unwrap(),
        },
    )
    .await
    .unwrap();
    let token = app.token(&viewer).await;
    let m = created(&app, &coordinator, "/api/v1/meetings", json!({"kind": "consultative", "title": "Consultative meeting", "start": "2026-07-01T19:00", "time_zone": "Africa/Nairobi", "duration": 120, "link": "https://meet.example.org/c"})).await;
    let id = m["id"].as_str().unwrap();
    let read = app
        .api_json(&format!("/api/v1/meetings/{id}"), &token)
        .await;
    assert_eq!(read["start"]["at"], "2026-07-01T16:00:00+00:00");
    assert_eq!(read["start"]["zone"], "Africa/Nairobi");
    assert_eq!(read["start"]["local"], "2026-07-01T19:00");
    assert_eq!(read["start"]["viewer_zone"], "America/Sao_Paulo");
    assert_eq!(read["start"]["viewer_local"], "2026-07-01 13:00");
    assert_eq!(read["end"], "2026-07-01T18:00:00+00:00");

    let early = created(&app, &coordinator, "/api/v1/meetings", json!({"kind": "workshop", "title": "Earlier", "start": "2026-06-30T10:00", "time_zone": "UTC", "duration": 60, "place": "Online studio"})).await;
    let july = app
        .api_json("/api/v1/meetings?from=2026-07-01", &token)
        .await;
    assert_eq!(july.as_array().unwrap().len(), 1);
    assert_eq!(july[0]["id"], m["id"]);
    let june = app.api_json("/api/v1/meetings?to=2026-06-30", &token).await;
    assert_eq!(june[0]["id"], early["id"]);
    assert_eq!(june.as_array().unwrap().len(), 1);
}
