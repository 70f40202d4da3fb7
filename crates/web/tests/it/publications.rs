//! The publishing schedule, reach and the editorial calendar: times in the planner's
//! and the reader's zones, reach entered on the page, CSV imports that are all or
//! nothing, and the calendar's month and week.

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

async fn item(app: &TestApp, token: &str) -> (String, String) {
    let c: Value = app
        .api_send(
            Method::POST,
            "/api/v1/campaigns",
            token,
            json!({"name": "Voices", "kind": "media", "start": "2026-01-01", "languages": ["ar", "sw"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let campaign = c["id"].as_str().unwrap().to_owned();
    let it: Value = app
        .api_send(
            Method::POST,
            &format!("/api/v1/campaigns/{campaign}/content"),
            token,
            json!({"kind": "social_post", "channel": "instagram", "source_lang": "ar", "title": "منشور"}),
        )
        .await
        .json()
        .await
        .unwrap();
    (campaign, it["id"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn a_publication_is_shown_in_the_readers_zone_and_its_reach_entered_on_the_page() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let (_, item) = item(&app, &token).await;
    let client = app.signed_in(&coordinator).await;
    let skipped = client
        .post(app.url(&format!("/content/{item}/publications")))
        .form(&[
            ("lang", "sw"),
            ("channel", "instagram"),
            ("start", "2026-03-29T02:30"),
            ("time_zone", "Europe/Paris"),
            ("url", "https://example.org/p/1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(skipped.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = skipped.text().await.unwrap();
    assert!(page.contains("https://example.org/p/1"), "typed link kept");
    assert!(
        page.contains(r#"<option value="Europe/Paris" selected>"#),
        "zone kept"
    );
    let made = client
        .post(app.url(&format!("/content/{item}/publications")))
        .form(&[
            ("lang", "sw"),
            ("channel", "instagram"),
            ("start", "2026-03-10T18:00"),
            ("time_zone", "Africa/Nairobi"),
            ("url", "https://example.org/p/1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let list = app
        .api_json(&format!("/api/v1/content/{item}/publications"), &token)
        .await;
    assert_eq!(list[0]["start"], "2026-03-10T15:00:00+00:00");
    assert_eq!(list[0]["start_local"], "2026-03-10T18:00");
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let page = client
        .get(app.url(&format!("/content/{item}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("2026-03-10 15:00"),
        "in the reader's zone (UTC)"
    );
    assert!(
        page.contains("2026-03-10 18:00 (Africa/Nairobi)"),
        "and where it was planned"
    );

    let bad = client
        .post(app.url(&format!("/publications/{id}/reach")))
        .form(&[("impressions", "many"), ("clicks", "12")])
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("Impressions: "));
    let good = client
        .post(app.url(&format!("/publications/{id}/reach")))
        .form(&[
            ("impressions", "12 500"),
            ("engagements", ""),
            ("clicks", "40"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(good.status(), StatusCode::SEE_OTHER);
    let list = app
        .api_json(&format!("/api/v1/content/{item}/publications"), &token)
        .await;
    assert_eq!(
        (
            &list[0]["impressions"],
            &list[0]["engagements"],
            &list[0]["clicks"]
        ),
        (&json!(12500), &Value::Null, &json!(40))
    );

    let month = app
        .api_json("/api/v1/content/calendar?date=2026-03-01", &token)
        .await;
    let days = month.as_array().unwrap();
    assert_eq!(
        days.len(),
        42,
        "March 2026 spans six weeks from Monday 23 February"
    );
    assert_eq!(days[0]["date"], "2026-02-23");
    let tenth = days.iter().find(|d| d["date"] == "2026-03-10").unwrap();
    assert_eq!(tenth["publications"][0]["id"], id.as_str());
    let week = app
        .api_json("/api/v1/content/calendar?view=week&date=2026-03-11", &token)
        .await;
    assert_eq!(week.as_array().unwrap().len(), 7);
    let page = client
        .get(app.url("/content/calendar?view=month&date=2026-03-05"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("/content/{item}#schedule")),
        "{page}"
    );
    assert!(page.contains("<bdi>منشور</bdi>"));
    let bad = app
        .api_json("/api/v1/content/calendar?view=year", &token)
        .await;
    assert_eq!(bad["error"]["field"], "view");
}

#[tokio::test]
async fn the_editorial_calendar_shows_every_change_to_campaigns_and_publications_at_once() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let (campaign, item) = item(&app, &token).await;
    let client = app.signed_in(&coordinator).await;
    let made = client
        .post(app.url(&format!("/content/{item}/publications")))
        .form(&[
            ("lang", "sw"),
            ("channel", "instagram"),
            ("start", "2026-03-10T18:00"),
            ("time_zone", "Africa/Nairobi"),
            ("url", "https://example.org/p/1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(made.status(), StatusCode::SEE_OTHER);
    let calendar = |view: &'static str| {
        let request =
            client.get(app.url(&format!("/content/calendar?view={view}&date=2026-03-10")));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap()
        }
    };
    let published = format!(r#"<a href="/content/{item}#schedule" class="entry done">"#);
    let month = calendar("month").await;
    assert!(month.contains(&published), "{month}");
    assert!(month.contains("<bdi>منشور</bdi>"));
    assert!(month.contains(&format!(r#"<option value="{campaign}">Voices</option>"#)));
    assert!(calendar("week").await.contains("منشور"));

    // Writes that bypass the application (as an operator's SQL would) show on the
    // next read of every view.
    let sql = |statement: String| {
        let db = app.db.clone();
        async move {
            tadamun_store::testing::execute(&db, &statement)
                .await
                .unwrap();
        }
    };
    sql(format!(
        "UPDATE content_items SET title = 'Harvest diary' WHERE id = '{item}'"
    ))
    .await;
    assert!(calendar("month").await.contains("<bdi>Harvest diary</bdi>"));
    assert!(calendar("week").await.contains("Harvest diary"));
    sql(format!(
        "UPDATE publications SET url = NULL WHERE item_id = '{item}'"
    ))
    .await;
    let month = calendar("month").await;
    assert!(!month.contains(&published));
    assert!(month.contains(&format!(
        r#"<a href="/content/{item}#schedule" class="entry">"#
    )));
    sql(format!(
        "UPDATE campaigns SET name = 'Harvest voices' WHERE id = '{campaign}'"
    ))
    .await;
    assert!(calendar("month").await.contains(&format!(
        r#"<option value="{campaign}">Harvest voices</option>"#
    )));
    sql(format!("DELETE FROM publications WHERE item_id = '{item}'")).await;
    assert!(
        !calendar("month")
            .await
            .contains(&format!("/content/{item}#schedule"))
    );
    assert!(!calendar("week").await.contains("Harvest diary"));
}

#[tokio::test]
async fn a_reach_import_is_all_or_nothing_and_names_every_wrong_cell() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let (campaign, item) = item(&app, &token).await;
    let mut ids = Vec::new();
    for day in ["2026-03-10T10:00", "2026-03-11T10:00"] {
        let p: Value = app
            .api_send(
                Method::POST,
                &format!("/api/v1/content/{item}/publications"),
                &token,
                json!({"lang": "ar", "channel": "x", "start": day, "time_zone": "Asia/Beirut"}),
            )
            .await
            .json()
            .await
            .unwrap();
        ids.push(p["id"].as_str().unwrap().to_owned());
    }
    let (a, b) = (&ids[0], &ids[1]);
    let stranger = "0190f5b2-0000-7000-8000-00000000000f";
    let bad = format!("publication,impressions,clicks\n{a},100,5\n{b},lots,1\n{stranger},1,1\n");
    let refused = app
        .api_send(
            Method::POST,
            &format!("/api/v1/campaigns/{campaign}/reach-import"),
            &token,
            json!({"csv": bad}),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["imported"], 0);
    assert_eq!(body["errors"][0]["line"], 3);
    assert_eq!(body["errors"][0]["field"], "impressions");
    let list = app
        .api_json(&format!("/api/v1/content/{item}/publications"), &token)
        .await;
    assert_eq!(list[0]["impressions"], Value::Null, "nothing written");

    // Well formed, but one publication is not the campaign's: still nothing.
    let unknown = format!("publication;impressions\n{a};100\n{stranger};5\n");
    let client = app.signed_in(&coordinator).await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(unknown.into_bytes()).file_name("reach.csv"),
    );
    let page = client
        .post(app.url(&format!("/campaigns/{campaign}/reach")))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = page.text().await.unwrap();
    assert!(
        text.contains("<td dir=\"ltr\">3</td><td>Publication</td>"),
        "{text}"
    );
    let list = app
        .api_json(&format!("/api/v1/content/{item}/publications"), &token)
        .await;
    assert_eq!(list[0]["impressions"], Value::Null);

    let good =
        format!("publication,impressions,engagements,clicks\n{a},100,10,5\n{b},\"2 000\",,7\n");
    let done = app
        .api_send(
            Method::POST,
            &format!("/api/v1/campaigns/{campaign}/reach-import"),
            &token,
            json!({"csv": good}),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    assert_eq!(done.json::<Value>().await.unwrap()["imported"], 2);
    let list = app
        .api_json(&format!("/api/v1/content/{item}/publications"), &token)
        .await;
    assert_eq!(list[1]["impressions"], 2000);
    let csv = client
        .get(app.url(&format!("/campaigns/{campaign}/publications.csv")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(csv.starts_with(
        "\u{feff}publication,title,lang,channel,start_utc,impressions,engagements,clicks"
    ));
    assert!(csv.contains(&format!("{a},منشور,ar,x,")));
}
