//! iCalendar feeds, read back with an independent parser (Debian's
//! `python3-icalendar`): times in UTC, stable UIDs, SEQUENCE raised by each change,
//! cancelled events marked, private feeds with a personal secret, filters.

use std::io::Write as _;
use std::process::{Command, Stdio};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::events::{event, webinar_json};
use crate::helpers::TestApp;

/// The events of `ics` as `python3-icalendar` reads them.
fn parsed(ics: &str) -> Vec<Value> {
    let script = r#"
import icalendar, json, sys
cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
out = []
for e in cal.walk('VEVENT'):
    out.append({
        'uid': str(e['UID']),
        'start': e.decoded('DTSTART').isoformat(),
        'end': e.decoded('DTEND').isoformat(),
        'sequence': int(e['SEQUENCE']),
        'status': str(e['STATUS']),
        'summary': str(e['SUMMARY']),
        'description': str(e.get('DESCRIPTION', '')),
        'location': str(e.get('LOCATION', '')),
    })
print(json.dumps({'version': str(cal['VERSION']), 'events': out}))
"#;
    let mut child = Command::new("/usr/bin/python3")
        .args(["-c", script])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 with icalendar");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(ics.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "icalendar refused the feed: {}\n{ics}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["version"], json!("2.0"));
    v["events"].as_array().unwrap().clone()
}

async fn get_text(url: String) -> (StatusCode, String, String) {
    let response = reqwest::Client::new().get(url).send().await.unwrap();
    let status = response.status();
    let kind = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (status, kind, response.text().await.unwrap())
}

#[tokio::test]
async fn feeds_read_back_with_an_independent_parser_in_utc_with_stable_uids_and_sequences() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json("Land, water; rights \\ together", "public");
    body["start"] = json!("2099-03-10T18:00");
    body["description"] = json!(format!("First line\nسطر عربي طويل {}", "كلمات ".repeat(30)));
    body["title_ar"] = json!("الأرض والماء");
    let public = event(&app, &token, body).await;
    let mut body = webinar_json("Members' briefing", "network");
    body["start"] = json!("2099-03-11T18:00");
    body["regions"] = json!(["150"]);
    let network = event(&app, &token, body).await;

    let (status, kind, ics) = get_text(app.url("/calendar.ics")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(kind, "text/calendar; charset=utf-8");
    assert!(
        ics.lines().all(|l| l.len() <= 76),
        "lines folded at 75 octets"
    );
    let events = parsed(&ics);
    assert_eq!(events.len(), 1, "the public feed has the public event only");
    let e = &events[0];
    assert_eq!(e["uid"], json!(format!("{public}@tadamun")));
    assert_eq!(e["start"], json!("2099-03-10T15:00:00+00:00"));
    assert_eq!(e["end"], json!("2099-03-10T16:30:00+00:00"));
    assert_eq!(e["summary"], json!("Land, water; rights \\ together"));
    assert!(
        e["description"]
            .as_str()
            .unwrap()
            .starts_with("First line\nسطر عربي")
    );
    assert_eq!(e["sequence"], json!(0));
    assert_eq!(e["status"], json!("CONFIRMED"));

    // A change raises the sequence; the UID stays. Cancelling marks it.
    let path = format!("/api/v1/events/{public}");
    let response = app
        .api_send(Method::PATCH, &path, &token, json!({"duration": 120}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .api_send(Method::POST, &format!("{path}/cancel"), &token, json!({}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, _, ics) = get_text(app.url(&format!("/events/{public}.ics?lang=ar"))).await;
    let e = &parsed(&ics)[0];
    assert_eq!(e["uid"], json!(format!("{public}@tadamun")));
    assert_eq!(e["sequence"], json!(2));
    assert_eq!(e["status"], json!("CANCELLED"));
    assert_eq!(e["summary"], json!("الأرض والماء"));
    assert_eq!(e["end"], json!("2099-03-10T17:00:00+00:00"));
    // A cancelled event takes no registration.
    let response = reqwest::Client::new()
        .post(app.url(&format!("/api/v1/events/{public}/registrations")))
        .json(&json!({"name": "A", "email": "a@example.org", "country": "KE", "consent": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Anonymous readers get nothing of a network event, even by its id.
    let (status, _, _) = get_text(app.url(&format!("/events/{network}.ics"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    // A private feed brings the network's events, and filters still apply.
    let viewer = app.user(Role::Viewer, None).await;
    let client = app.signed_in(&viewer).await;
    let page = client
        .post(app.url("/calendar/feed"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let secret = page
        .split("/calendar.ics?token=")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (_, _, ics) = get_text(app.url(&format!("/calendar.ics?token={secret}"))).await;
    assert_eq!(parsed(&ics).len(), 2);
    let (_, _, ics) = get_text(app.url(&format!("/calendar.ics?token={secret}&region=155"))).await;
    let only: Vec<Value> = parsed(&ics);
    assert_eq!(only.len(), 1);
    assert_eq!(only[0]["uid"], json!(format!("{network}@tadamun")));
    let (_, _, ics) = get_text(app.url("/api/v1/calendar.ics?lang=fr")).await;
    assert!(parsed(&ics).is_empty());
    let (status, _, _) = get_text(app.url("/calendar.ics?token=cal_wrong")).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    // A new private link stops the old one.
    client.post(app.url("/calendar/feed")).send().await.unwrap();
    let (status, _, _) = get_text(app.url(&format!("/calendar.ics?token={secret}"))).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
}

/// Makes a private feed as a new viewer of `app`, sending `headers` too, and returns
/// the link the page shows.
async fn new_feed_link(app: &TestApp, headers: &[(&str, &str)]) -> String {
    let viewer = app.user(Role::Viewer, None).await;
    let mut request = app.signed_in(&viewer).await.post(app.url("/calendar/feed"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let page = request.send().await.unwrap().text().await.unwrap();
    page.split("id=\"feed-link\" readonly value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_private_feed_link_is_a_full_address_calendar_apps_can_subscribe_to() {
    // No public URL set: the link is built from the address the browser used.
    let app = TestApp::spawn().await;
    let link = new_feed_link(&app, &[]).await;
    assert!(
        link.starts_with(&format!("{}/calendar.ics?token=", app.base)),
        "{link}"
    );
    let (status, _, _) = get_text(link).await;
    assert_eq!(status, StatusCode::OK);
    // Not behind a proxy: a forwarded scheme is not believed.
    let headers = [
        ("host", "tadamun.example.org"),
        ("x-forwarded-proto", "https"),
    ];
    let link = new_feed_link(&app, &headers).await;
    assert!(
        link.starts_with("http://tadamun.example.org/calendar.ics?token="),
        "{link}"
    );
    // A Host that is no plain address gives the relative link rather than a forged one.
    let link = new_feed_link(&app, &[("host", "evil.example/phish?x=")]).await;
    assert!(link.starts_with("/calendar.ics?token="), "{link}");

    // Behind a proxy, its X-Forwarded-Proto gives the scheme.
    let proxied = TestApp::spawn_with(tadamun_web::Settings {
        behind_proxy: true,
        ..Default::default()
    })
    .await;
    let link = new_feed_link(&proxied, &headers).await;
    assert!(
        link.starts_with("https://tadamun.example.org/calendar.ics?token="),
        "{link}"
    );

    // A public URL, when set, is what the link starts with.
    let public = TestApp::spawn_with(tadamun_web::Settings {
        public_url: Some("https://solidarity.example.net/".into()),
        ..Default::default()
    })
    .await;
    let link = new_feed_link(&public, &headers).await;
    assert!(
        link.starts_with("https://solidarity.example.net/calendar.ics?token="),
        "{link}"
    );
}

#[tokio::test]
async fn the_shared_calendar_puts_each_event_on_its_day_in_the_readers_zone_in_month_and_week() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    // 18:00 in Nairobi on 10 March is 02:00 on 11 March in Sydney.
    let id = event(&app, &token, webinar_json("Africa webinar", "public")).await;
    let mut europe = webinar_json("Europe webinar", "public");
    europe["regions"] = json!(["150"]);
    europe["start"] = json!("2026-03-20T18:00");
    event(&app, &token, europe).await;
    let anonymous = TestApp::client();
    let get = |path: String| {
        let anonymous = anonymous.clone();
        let url = app.url(&path);
        async move {
            let r = anonymous.get(url).send().await.unwrap();
            (r.status(), r.text().await.unwrap())
        }
    };
    let cell_of = |page: &str, date: &str| -> String {
        page.split(&format!(r#"title="{date}""#))
            .nth(1)
            .unwrap()
            .split("</td>")
            .next()
            .unwrap()
            .to_owned()
    };
    let (status, page) = get("/calendar?date=2026-03-01&tz=Africa/Nairobi".into()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Mar 2026") || page.contains("March 2026"),
        "{page}"
    );
    assert!(cell_of(&page, "2026-03-10").contains(&format!("/events/{id}")));
    assert!(cell_of(&page, "2026-03-10").contains("18:00"));
    assert!(cell_of(&page, "2026-03-20").contains("Europe webinar"));
    let (_, page) = get("/calendar?view=week&date=2026-03-10&tz=Australia/Sydney".into()).await;
    assert!(!cell_of(&page, "2026-03-10").contains("Africa webinar"));
    assert!(cell_of(&page, "2026-03-11").contains("02:00"));
    assert!(!page.contains("Europe webinar"), "another week");
    // Filtered like the feeds.
    let (_, page) = get("/calendar?date=2026-03-01&region=150".into()).await;
    assert!(page.contains("Europe webinar") && !page.contains("Africa webinar"));
    let (_, page) = get("/calendar?date=2026-03-01&lang=ar".into()).await;
    assert!(page.contains(r#"dir="rtl""#) && page.contains("الاثنين"));
    let (status, page) = get("/calendar?view=year&lang=en".into()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("View:"));
    let (status, _) = get("/calendar?date=tomorrow".into()).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_shared_calendar_shows_every_change_to_its_events_at_once() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let org = app.org("Harvest Watch", "public").await;
    let id = event(&app, &token, webinar_json("Olive harvest vigil", "public")).await;
    let viewer = app.user(Role::Viewer, None).await;
    let signed_in = app.signed_in(&viewer).await;
    let anonymous = TestApp::client();
    let month = |client: &reqwest::Client, filters: &str| {
        let request = client.get(app.url(&format!(
            "/calendar?date=2026-03-01&tz=Africa/Nairobi&lang=en{filters}"
        )));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), StatusCode::OK);
            response.text().await.unwrap()
        }
    };
    assert!(month(&anonymous, "").await.contains("Olive harvest vigil"));

    // Events for members reach signed-in readers only, whoever read the month first.
    event(&app, &token, webinar_json("Members briefing", "network")).await;
    assert!(month(&signed_in, "").await.contains("Members briefing"));
    assert!(!month(&anonymous, "").await.contains("Members briefing"));

    // A change through the API, a cancellation, and writes that bypass the
    // application (as an operator's SQL would) all show on the next read.
    let response = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/events/{id}"),
            &token,
            json!({"title": "Olive harvest vigil, moved indoors"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(month(&anonymous, "").await.contains("moved indoors"));
    let response = app
        .api_send(
            Method::POST,
            &format!("/api/v1/events/{id}/cancel"),
            &token,
            json!({}),
        )
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    assert!(
        month(&anonymous, "")
            .await
            .contains(&format!(r#"href="/events/{id}" class="entry cancelled""#))
    );
    tadamun_store::testing::execute(
        &app.db,
        &format!("UPDATE events SET title = 'Vigil at the press' WHERE id = '{id}'"),
    )
    .await
    .unwrap();
    assert!(month(&anonymous, "").await.contains("Vigil at the press"));
    let by_org = format!("&organisation={}", org.id);
    assert!(
        !month(&anonymous, &by_org)
            .await
            .contains("Vigil at the press")
    );
    tadamun_store::testing::execute(
        &app.db,
        &format!(
            "INSERT INTO event_organisations (event_id, organisation_id) VALUES ('{id}', '{}')",
            org.id
        ),
    )
    .await
    .unwrap();
    assert!(
        month(&anonymous, &by_org)
            .await
            .contains("Vigil at the press")
    );
    tadamun_store::testing::execute(&app.db, &format!("DELETE FROM events WHERE id = '{id}'"))
        .await
        .unwrap();
    assert!(!month(&anonymous, "").await.contains("Vigil at the press"));
    assert!(
        !month(&anonymous, &by_org)
            .await
            .contains("Vigil at the press")
    );
}

#[tokio::test]
async fn a_calendar_app_polling_a_feed_gets_not_modified_until_an_event_changes() {
    let app = TestApp::spawn().await;
    let coordinator = app.token_of(Role::Coordinator).await;
    // Feeds reach 90 days back: these events are still to come.
    let coming = |title: &str, visibility: &str| {
        let mut body = webinar_json(title, visibility);
        body["start"] = json!("2030-03-10T18:00");
        body
    };
    let id = event(&app, &coordinator, coming("Olive harvest vigil", "public")).await;
    let client = reqwest::Client::new();
    let poll = |etag: Option<String>| {
        let request = client.get(app.url("/calendar.ics?region=002"));
        let request = match etag {
            Some(tag) => request.header("if-none-match", tag),
            None => request,
        };
        async move {
            let response = request.send().await.unwrap();
            let status = response.status();
            let etag = response
                .headers()
                .get("etag")
                .map(|v| v.to_str().unwrap().to_owned());
            let cache = response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap().to_owned());
            (status, etag, cache, response.text().await.unwrap())
        }
    };

    let (status, etag, cache, body) = poll(None).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("Olive harvest vigil"));
    assert_eq!(cache.as_deref(), Some("private, no-cache"));
    let etag = etag.expect("a validator");
    let (status, again, _, body) = poll(Some(etag.clone())).await;
    assert_eq!(status, StatusCode::NOT_MODIFIED);
    assert_eq!(again.as_deref(), Some(etag.as_str()));
    assert!(body.is_empty());

    // A change to the event: the old validator no longer matches and the feed says so.
    let response = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/events/{id}"),
            &coordinator,
            json!({"title": "Olive harvest vigil, moved indoors"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (status, changed, _, body) = poll(Some(etag.clone())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains("moved indoors"));
    assert_ne!(changed.as_deref(), Some(etag.as_str()));

    // A new event, then a deleted one, show at once too.
    let other = event(&app, &coordinator, coming("Boycott teach-in", "public")).await;
    let (_, _, _, body) = poll(changed).await;
    assert!(body.contains("Boycott teach-in"));
    let response = app
        .api_send(
            Method::DELETE,
            &format!("/api/v1/events/{other}"),
            &coordinator,
            json!({}),
        )
        .await;
    assert!(response.status().is_success(), "{}", response.status());
    let (_, _, _, body) = poll(None).await;
    assert!(!body.contains("Boycott teach-in"));

    // A network event reaches signed-in readers only, whichever feed was kept first.
    event(&app, &coordinator, coming("Members' briefing", "network")).await;
    let (_, _, _, anonymous) = poll(None).await;
    assert!(!anonymous.contains("Members' briefing"));
    let viewer = app.user(Role::Viewer, None).await;
    let signed_in = app
        .signed_in(&viewer)
        .await
        .get(app.url("/calendar.ics?region=002"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(signed_in.contains("Members' briefing"));
}
