//! The plan pages on the demo coalition's plan: the tree, the timeline, the report,
//! the lists across plans, and the forms, with what each role may do.

use reqwest::{Client, StatusCode};
use tadamun_core::accounts::Role;
use tadamun_store::{demo, plans};

use crate::helpers::TestApp;

const DEMO_PASSWORD: &str = "demo password 1234";

/// The app with the demo coalition loaded; returns the plan's id.
async fn with_demo() -> (TestApp, String) {
    let app = TestApp::spawn().await;
    demo::load(&app.db, Some(DEMO_PASSWORD)).await.unwrap();
    let plan = plans::plans(&app.db).await.unwrap().remove(0);
    (app, plan.id.to_string())
}

async fn demo_account(app: &TestApp, who: &str) -> Client {
    let client = TestApp::client();
    let email = format!("{who}@demo.tadamun.org");
    let response = app.try_login(&client, &email, DEMO_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    client
}

async fn page(app: &TestApp, client: &Client, path: &str) -> (StatusCode, String) {
    let response = client.get(app.url(path)).send().await.unwrap();
    let status = response.status();
    (status, response.text().await.unwrap())
}

async fn item_id(app: &TestApp, title: &str) -> String {
    let plan = plans::plans(&app.db).await.unwrap().remove(0);
    let tree = plans::tree(&app.db, &plan.id).await.unwrap();
    tree.items
        .iter()
        .find(|i| i.fields.title == title)
        .map(|i| i.id.to_string())
        .unwrap()
}

#[tokio::test]
async fn the_plan_page_shows_the_tree_with_progress_and_the_indicators_forecast() {
    let (app, plan) = with_demo().await;
    let viewer = demo_account(&app, "viewer").await;
    let (status, body) = page(&app, &viewer, "/plans").await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Two-year strategic plan"), "{body}");
    assert!(!body.contains("/plans/new"), "viewers cannot add plans");

    let (_, body) = page(&app, &viewer, &format!("/plans/{plan}")).await;
    for title in [
        "Unified media strategy in several languages",
        "Launch the Swahili section of the website",
        "Welcome and onboard the new members",
    ] {
        assert!(body.contains(title), "{title}");
    }
    assert!(body.contains("<progress"));
    assert!(body.contains("On track") && body.contains("Off track") && body.contains("At risk"));
    assert!(body.contains("s-overdue"), "overdue items are marked");

    // In Arabic: right to left, Arabic titles and labels.
    let (_, body) = page(&app, &viewer, &format!("/plans/{plan}?lang=ar")).await;
    assert!(body.contains(r#"dir="rtl""#));
    assert!(body.contains("الخطة الاستراتيجية لعامين"));
    assert!(body.contains("على المسار"));
}

#[tokio::test]
async fn the_timeline_is_an_svg_with_today_dependencies_and_overdue_items_mirrored_in_arabic() {
    let (app, plan) = with_demo().await;
    let member = demo_account(&app, "member").await;
    let (status, body) = page(&app, &member, &format!("/plans/{plan}/timeline")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("<svg"));
    assert!(body.contains(r#"class="g-today""#), "a line for today");
    assert_eq!(
        body.matches(r#"class="g-dep""#).count(),
        4,
        "four dependencies"
    );
    assert!(body.contains("g-late"), "overdue items are marked");
    // Titles stand on the left in English, on the right in Arabic.
    assert!(body.contains(r#"<text x="6" "#), "{body}");
    let (_, arabic) = page(&app, &member, &format!("/plans/{plan}/timeline?lang=ar")).await;
    assert!(arabic.contains(r#"<text x="954" "#));
    assert!(arabic.contains(r#"direction="rtl""#));
    assert!(arabic.contains("سلسلة ندوات شهرية عبر الإنترنت"));
}

#[tokio::test]
async fn a_kept_plan_page_follows_writes_and_names_only_the_owners_each_reader_may_see() {
    let (app, plan) = with_demo().await;
    let hidden = app.org("Quiet Partners Collective", "restricted").await;
    let admin = demo_account(&app, "admin").await;
    let viewer = demo_account(&app, "viewer").await;
    let path = format!("/plans/{plan}");
    let (_, before) = page(&app, &admin, &path).await;
    assert!(!before.contains("Quiet Partners Collective"));

    // Writes through any path, here plain SQL, are drawn at the next request.
    tadamun_store::testing::execute(
        &app.db,
        &format!(
            "UPDATE plan_items SET owner_kind = 'organisation', owner_id = '{}', \
             title = 'Open the Swahili newsroom' \
             WHERE title = 'Launch the Swahili section of the website'",
            hidden.id
        ),
    )
    .await
    .unwrap();
    let (_, for_admin) = page(&app, &admin, &path).await;
    assert!(for_admin.contains("Open the Swahili newsroom"));
    assert!(
        for_admin.contains("Quiet Partners Collective"),
        "admins see every owner"
    );
    assert!(for_admin.contains(&format!(r#"href="/plan-items/{plan}/add""#)));

    // The admin's page, read first, is not served to a reader who may not see the
    // owner; nor are the admin's links to edit.
    let (_, for_viewer) = page(&app, &viewer, &path).await;
    assert!(for_viewer.contains("Open the Swahili newsroom"));
    assert!(
        !for_viewer.contains("Quiet Partners Collective"),
        "{for_viewer}"
    );
    assert!(!for_viewer.contains(&format!(r#"href="/plan-items/{plan}/add""#)));
    assert!(for_viewer.contains("Lucía Fernández"));
    let (_, again) = page(&app, &admin, &path).await;
    assert!(again.contains("Quiet Partners Collective"));
}

#[tokio::test]
async fn a_kept_timeline_follows_every_write_to_the_plan_and_each_readers_language() {
    let (app, plan) = with_demo().await;
    let member = demo_account(&app, "member").await;
    let viewer = demo_account(&app, "viewer").await;
    let path = format!("/plans/{plan}/timeline");
    let (_, before) = page(&app, &member, &path).await;
    assert!(before.contains("Launch the Swahili section of the website"));

    // A write through any path, here plain SQL, is drawn at the next request.
    tadamun_store::testing::execute(
        &app.db,
        "UPDATE plan_items SET title = 'Open the Swahili newsroom' \
         WHERE title = 'Launch the Swahili section of the website'",
    )
    .await
    .unwrap();
    let (_, after) = page(&app, &viewer, &path).await;
    assert!(after.contains("Open the Swahili newsroom"), "{after}");
    assert!(!after.contains("Launch the Swahili section of the website"));
    // Around the kept chart, the page is the reader's own.
    assert!(after.contains("Lucía Fernández") && !after.contains("Wanjiku Kamau"));

    // One reader's language is not served to another.
    let (_, arabic) = page(&app, &member, &format!("{path}?lang=ar")).await;
    assert!(arabic.contains(r#"direction="rtl""#));
    let (_, english) = page(&app, &viewer, &format!("{path}?lang=en")).await;
    assert!(english.contains(r#"direction="ltr""#));
    assert!(!english.contains(r#"direction="rtl""#));

    // An item's timeline is its plan's.
    let item = item_id(&app, "Open the Swahili newsroom").await;
    let (status, of_item) = page(&app, &member, &format!("/plans/{item}/timeline?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(of_item.contains(&format!(r#"href="/plans/{plan}""#)));
}

#[tokio::test]
async fn the_report_prints_and_exports_every_item_as_csv() {
    let (app, plan) = with_demo().await;
    let coordinator = demo_account(&app, "coordinator").await;
    let (status, body) = page(&app, &coordinator, &format!("/plans/{plan}/report")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Objectives") && body.contains("Expansion into Africa"));
    assert!(body.contains("Launch the Swahili section of the website"));

    let response = coordinator
        .get(app.url(&format!("/plans/{plan}/report.csv?lang=fr")))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let csv = response.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}id,level,parent,title,owner,status,start,due,weight,progress,overdue"
    );
    let rows: Vec<&str> = lines.collect();
    let tree = plans::tree(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&plan).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(rows.len(), tree.items.len());
    assert!(
        csv.contains("Plan stratégique sur deux ans"),
        "titles in French"
    );
    assert!(rows.iter().any(|r| r.ends_with(",yes")), "overdue rows");
}

#[tokio::test]
async fn needs_attention_lists_blocked_and_overdue_items_and_my_actions_those_of_my_organisation() {
    let (app, _) = with_demo().await;
    let member = demo_account(&app, "member").await;
    let (_, body) = page(&app, &member, "/plans/attention").await;
    assert!(
        body.contains("Launch the Swahili section of the website"),
        "blocked"
    );
    assert!(
        body.contains("Submit three reports to UN special rapporteurs"),
        "overdue"
    );
    assert!(
        !body.contains("Agree the coalition&#x27;s message framework"),
        "done"
    );

    // The demo member belongs to the Kenya Solidarity Network, which owns onboarding.
    let (_, body) = page(&app, &member, "/plans/mine").await;
    assert!(
        body.contains("Welcome and onboard the new members"),
        "{body}"
    );
    assert!(!body.contains("Research the holdings of 40 pension funds"));

    // The member updates the action they own; a member of another organisation cannot.
    let onboarding = item_id(&app, "Welcome and onboard the new members").await;
    let response = member
        .post(app.url(&format!("/plan-items/{onboarding}/progress")))
        .form(&[
            ("status", "in_progress"),
            ("percent", "25"),
            ("back", "/plans/mine"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()["location"], "/plans/mine");
    let stored = plans::get(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&onboarding).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(stored.fields.percent.map(|p| p.get()), Some(25));

    let other_org = app.org("Another group", "network").await;
    let outsider = app.user(Role::Member, Some(&other_org.id)).await;
    let outsider = app.signed_in(&outsider).await;
    let response = outsider
        .post(app.url(&format!("/plan-items/{onboarding}/progress")))
        .form(&[("status", "done"), ("percent", "100")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let stored = plans::get(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&onboarding).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(stored.fields.percent.map(|p| p.get()), Some(25));
}

#[tokio::test]
async fn a_bad_item_form_names_the_field_keeps_what_was_typed_and_adds_nothing() {
    let (app, plan) = with_demo().await;
    let coordinator = demo_account(&app, "coordinator").await;
    let before = plans::tree(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&plan).unwrap(),
    )
    .await
    .unwrap()
    .items
    .len();
    let africa = item_id(&app, "Expansion into Africa").await;
    let (status, form) = page(&app, &coordinator, &format!("/plan-items/{africa}/add")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(form.contains(r#"name="level" value="initiative""#));

    let response = coordinator
        .post(app.url("/plan-items?lang=fr"))
        .form(&[
            ("level", "initiative"),
            ("parent", africa.as_str()),
            ("title", "Caravane solidaire au Sahel"),
            ("title_lang", "fr"),
            ("start", "2026-05-01"),
            ("due", "2026-04-01"),
            ("status", "not_started"),
            ("weight", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert!(
        body.contains("Échéance"),
        "the field is named in French: {body}"
    );
    assert!(body.contains(r#"value="Caravane solidaire au Sahel""#));
    let after = plans::tree(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&plan).unwrap(),
    )
    .await
    .unwrap()
    .items
    .len();
    assert_eq!(before, after);

    // The same item with good dates is added, and a viewer may not add anything.
    let response = coordinator
        .post(app.url("/plan-items"))
        .form(&[
            ("level", "initiative"),
            ("parent", africa.as_str()),
            ("title", "Caravane solidaire au Sahel"),
            ("title_lang", "fr"),
            ("start", "2026-04-01"),
            ("due", "2026-05-01"),
            ("owner", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let viewer = demo_account(&app, "viewer").await;
    let (status, _) = page(&app, &viewer, "/plans/new").await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn measurements_are_recorded_and_corrected_on_the_indicator_page_keeping_history() {
    let (app, plan) = with_demo().await;
    let tree = plans::tree(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&plan).unwrap(),
    )
    .await
    .unwrap();
    let swahili = tree
        .indicators
        .iter()
        .find(|m| m.indicator.fields.name == "Content published in Swahili")
        .unwrap();
    let id = swahili.indicator.id.to_string();
    let count = swahili.points.len();
    let member = demo_account(&app, "member").await;
    let (status, body) = page(&app, &member, &format!("/indicators/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(r#"class="c-trend""#), "a trend line");
    assert!(body.contains(r#"class="c-target""#), "the target");
    assert!(body.contains("Off track"));
    assert!(body.contains("least squares"), "the rules are on the page");

    // A value that is not a number is refused, naming the field, and nothing is added.
    let today = chrono::Utc::now().date_naive().to_string();
    let response = member
        .post(app.url(&format!("/indicators/{id}/measurements")))
        .form(&[("date", today.as_str()), ("value", "twelve")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert!(body.contains("Value: use a number"), "{body}");
    assert!(body.contains(r#"value="twelve""#), "what was typed is kept");
    let now = plans::indicators::measurements(&app.db, &swahili.indicator.id)
        .await
        .unwrap();
    assert_eq!(now.len(), count);

    // A good one is added; then corrected, the old value stays in the history.
    let response = member
        .post(app.url(&format!("/indicators/{id}/measurements")))
        .form(&[
            ("date", today.as_str()),
            ("value", "40"),
            ("source", "Count"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let added = plans::indicators::measurements(&app.db, &swahili.indicator.id)
        .await
        .unwrap();
    assert_eq!(added.len(), count + 1);
    let newest = added
        .iter()
        .find(|e| e.measurement.fields.value == 40.0)
        .unwrap();
    let response = member
        .post(app.url(&format!("/measurements/{}/correct", newest.measurement.id)))
        .form(&[("date", today.as_str()), ("value", "42")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, body) = page(&app, &member, &format!("/indicators/{id}")).await;
    assert!(
        body.contains("<del>40</del>"),
        "the corrected value is struck through"
    );
    assert!(body.contains(">42<"));

    // Viewers read but do not measure.
    let viewer = demo_account(&app, "viewer").await;
    let response = viewer
        .post(app.url(&format!("/indicators/{id}/measurements")))
        .form(&[("date", today.as_str()), ("value", "50")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_measurement_is_corrected_over_the_api_once() {
    let (app, plan) = with_demo().await;
    let tree = plans::tree(
        &app.db,
        &tadamun_core::ids::PlanItemId::parse(&plan).unwrap(),
    )
    .await
    .unwrap();
    let ind = &tree.indicators[0].indicator;
    let history = plans::indicators::measurements(&app.db, &ind.id)
        .await
        .unwrap();
    let first = history[0].measurement.clone();
    let member = app.token_of(Role::Member).await;
    let path = format!("/api/v1/measurements/{}/corrections", first.id);
    let body = serde_json::json!({"date": first.fields.date.to_string(), "value": first.fields.value + 1.0});
    let response = app
        .api_send(reqwest::Method::POST, &path, &member, body.clone())
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let out: serde_json::Value = response.json().await.unwrap();
    assert_eq!(
        out["measurements"][0]["value"].as_f64(),
        Some(first.fields.value + 1.0)
    );
    // The corrected one cannot be corrected again: its replacement can.
    let again = app
        .api_send(reqwest::Method::POST, &path, &member, body)
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let all = app
        .api_json(
            &format!("/api/v1/indicators/{}/measurements", ind.id),
            &member,
        )
        .await;
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), history.len() + 1);
    let old = all.iter().find(|m| m["id"] == first.id.as_str()).unwrap();
    assert!(
        old["replaced_by"].is_string(),
        "the corrected one points at its correction"
    );
}

#[tokio::test]
async fn an_action_owned_by_a_working_group_is_named_on_the_plan_and_is_in_its_members_actions() {
    let (app, plan) = with_demo().await;
    // The consultative meeting's first action item became an action of the media group.
    let title = "Send the content package to translators a week before publication";
    let viewer = demo_account(&app, "viewer").await;
    let (_, body) = page(&app, &viewer, &format!("/plans/{plan}")).await;
    let row = body
        .split("<tr")
        .find(|r| r.contains(title))
        .expect("the action is in the tree");
    assert!(
        row.contains("/groups/"),
        "its owner links to the group: {row}"
    );

    // A member who joins the group finds the action among theirs.
    let user = app.user(Role::Member, None).await;
    let group = tadamun_store::groups::list(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|g| row.contains(g.id.as_str()))
        .unwrap();
    let mut fields = group.fields.clone();
    fields.users.push(user.id.clone());
    tadamun_store::groups::update(
        &app.db,
        &tadamun_core::audit::Actor::System,
        &group.id,
        fields,
    )
    .await
    .unwrap();
    let member = app.signed_in(&user).await;
    let (_, mine) = page(&app, &member, "/plans/mine").await;
    assert!(mine.contains(title), "{mine}");
}
