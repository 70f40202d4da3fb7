//! Events: the form and its refusals, times in the viewer's zone with the event's
//! own beside it, what anonymous visitors may see, who may manage an event, and the
//! API.

use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::i18n::Lang;
use tadamun_core::time::Zone;
use tadamun_store::accounts::users::{self, Profile};

use crate::helpers::TestApp;

pub(crate) fn webinar_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("kind", "webinar"),
        ("title", "Legal avenues against land seizures"),
        ("title_ar", "السبل القانونية لمواجهة مصادرة الأراضي"),
        ("description", "Lawyers from three continents."),
        ("start", "2026-03-10T18:00"),
        ("time_zone", "Africa/Nairobi"),
        ("duration", "90"),
        ("link", "https://meet.example.org/legal"),
        ("languages", "en"),
        ("languages", "ar"),
        ("interpretation", "fr"),
        ("regions", "002"),
        ("regions", "145"),
        ("visibility", "public"),
        ("capacity", "300"),
    ]
}

/// Creates an event through the API and returns its id.
pub(crate) async fn event(app: &TestApp, token: &str, body: Value) -> String {
    let response = app
        .api_send(Method::POST, "/api/v1/events", token, body)
        .await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let out: Value = response.json().await.unwrap();
    out["id"].as_str().unwrap().to_owned()
}

pub(crate) fn webinar_json(title: &str, visibility: &str) -> Value {
    json!({
        "kind": "webinar",
        "title": title,
        "start": "2026-03-10T18:00",
        "time_zone": "Africa/Nairobi",
        "duration": 90,
        "link": "https://meet.example.org/webinar",
        "languages": ["en"],
        "regions": ["002"],
        "visibility": visibility,
    })
}

#[tokio::test]
async fn an_event_added_through_the_form_is_shown_in_the_viewers_zone_with_its_own_beside_it() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    users::update_profile(
        &app.db,
        &Actor::System,
        &coordinator.id,
        Profile {
            name: coordinator.name.clone(),
            lang: None,
            zone: Zone::parse("America/Sao_Paulo").unwrap(),
        },
    )
    .await
    .unwrap();
    let client = app.signed_in(&coordinator).await;
    let response = client
        .post(app.url("/events"))
        .form(&webinar_form())
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
    // 18:00 in Nairobi (UTC+3) is 12:00 in São Paulo (UTC−3).
    assert!(page.contains("2026-03-10 12:00–13:30"), "{page}");
    assert!(page.contains("America/Sao_Paulo"));
    assert!(
        page.contains("2026-03-10 18:00 Africa/Nairobi"),
        "own zone beside"
    );
    assert!(
        page.contains("https://meet.example.org/legal"),
        "signed-in see the link"
    );
    // A zone chosen on the page wins over the account's.
    let id = location
        .trim_start_matches("/events/")
        .split('?')
        .next()
        .unwrap()
        .to_owned();
    let page = client
        .get(app.url(&format!("/events/{id}?tz=Asia/Kolkata")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("2026-03-10 20:30–22:00"), "{page}");
    let list = client
        .get(app.url("/events?when=past&tz=Europe/London"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(list.contains("2026-03-10 15:00–16:30") && list.contains("Legal avenues"));
    let response = client
        .get(app.url("/events?tz=Mars/Olympus"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(response.text().await.unwrap().contains("Show times in:"));

    // The edit form reads back what was typed, in the event's own zone.
    let form = client
        .get(app.url(&format!("/events/{id}/edit")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(form.contains(r#"value="2026-03-10T18:00""#));
    assert!(form.contains(r#"value="ar" checked"#) && form.contains(r#"value="145" checked"#));
}

#[tokio::test]
async fn a_refused_event_form_keeps_what_was_typed_names_the_field_and_stores_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let token = app.token(&coordinator).await;
    let cases: [(&str, &str, &str); 4] = [
        (
            "start",
            "2026-03-29T02:30",
            "Start: the clocks skip this time",
        ),
        ("duration", "20000", "Duration (minutes):"),
        ("capacity", "0", "Places:"),
        (
            "registration_closes",
            "2026-03-11T09:00",
            "Registration closes:",
        ),
    ];
    for (field, value, message) in cases {
        let mut form = webinar_form();
        if field == "start" {
            form.retain(|(k, _)| *k != "time_zone");
            form.push(("time_zone", "Europe/Paris"));
        }
        form.retain(|(k, _)| *k != field);
        form.push((field, value));
        let response = client
            .post(app.url("/events"))
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{field}"
        );
        let page = response.text().await.unwrap();
        assert!(page.contains(message), "{field}: {page}");
        assert!(
            page.contains("Lawyers from three continents."),
            "description kept"
        );
        assert!(page.contains(r#"value="145" checked"#), "regions kept");
        assert!(
            page.contains(&format!(r#"value="{value}""#)),
            "{field} kept"
        );
    }
    let response = client
        .post(app.url("/events"))
        .form(&[
            ("kind", "webinar"),
            ("title", "No place"),
            ("start", "2026-03-10T18:00"),
            ("time_zone", "UTC"),
            ("duration", "60"),
            ("languages", "en"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Online link: give an online link, a place, or both.")
    );
    assert_eq!(
        app.api_json("/api/v1/events?when=all", &token).await["items"],
        json!([])
    );
}

#[tokio::test]
async fn anonymous_visitors_see_public_events_and_never_network_ones() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let public = event(&app, &token, webinar_json("Open webinar", "public")).await;
    let network = event(&app, &token, webinar_json("Members' briefing", "network")).await;
    let anonymous = TestApp::client();

    let list = anonymous
        .get(app.url("/events?when=past"))
        .send()
        .await
        .unwrap();
    assert_eq!(list.status(), StatusCode::OK);
    let list = list.text().await.unwrap();
    assert!(list.contains("Open webinar") && !list.contains("Members"));
    let page = anonymous
        .get(app.url(&format!("/events/{public}")))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let page = page.text().await.unwrap();
    assert!(!page.contains("meet.example.org"), "the link is not public");
    assert_eq!(
        anonymous
            .get(app.url(&format!("/events/{network}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let api: Value = anonymous
        .get(app.url("/api/v1/events?when=all"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let api = &api["items"];
    let titles: Vec<&str> = api
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Open webinar"]);
    assert_eq!(api[0]["link"], Value::Null);
    assert_eq!(api[0]["online"], json!(true));
    assert_eq!(
        anonymous
            .get(app.url(&format!("/api/v1/events/{network}")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::NOT_FOUND
    );
    let viewer = app.token_of(Role::Viewer).await;
    assert_eq!(
        app.api_json("/api/v1/events?when=all", &viewer).await["items"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn members_manage_the_events_of_their_own_organisation_and_no_others() {
    let app = TestApp::spawn().await;
    let ours = app.org("Kenya Solidarity Network", "network").await;
    let theirs = app.org("Dakar Collective", "network").await;
    let member = app.user(Role::Member, Some(&ours.id)).await;
    let token = app.token(&member).await;
    let coordinator = app.token_of(Role::Coordinator).await;

    let mut body = webinar_json("Our webinar", "public");
    body["organisations"] = json!([ours.id.to_string()]);
    let own = event(&app, &token, body).await;
    let mut body = webinar_json("Their webinar", "public");
    body["organisations"] = json!([theirs.id.to_string()]);
    let response = app
        .api_send(Method::POST, "/api/v1/events", &token, body.clone())
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], json!("organisations"));
    let other = event(&app, &coordinator, body).await;

    let patch = |id: String, t: String, body: Value| {
        let app = &app;
        async move {
            app.api_send(Method::PATCH, &format!("/api/v1/events/{id}"), &t, body)
                .await
                .status()
        }
    };
    assert_eq!(
        patch(own.clone(), token.clone(), json!({"capacity": 50})).await,
        StatusCode::OK
    );
    assert_eq!(
        patch(other.clone(), token.clone(), json!({"capacity": 50})).await,
        StatusCode::FORBIDDEN
    );
    // Handing one's event to another organisation would lock oneself out.
    assert_eq!(
        patch(
            own.clone(),
            token.clone(),
            json!({"organisations": [theirs.id.to_string()]})
        )
        .await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let client = app.signed_in(&member).await;
    assert_eq!(
        client
            .get(app.url(&format!("/events/{other}/edit")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        client
            .get(app.url(&format!("/events/{own}/edit")))
            .send()
            .await
            .unwrap()
            .status(),
        StatusCode::OK
    );
    let out = app.api_json(&format!("/api/v1/events/{own}"), &token).await;
    assert_eq!(out["capacity"], json!(50));
    assert_eq!(out["sequence"], json!(1));
}

#[tokio::test]
async fn the_events_api_names_the_field_at_fault_and_keeps_what_was_left_out() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json("Webinar", "public");
    body["start"] = json!("2026-11-01T01:30");
    body["time_zone"] = json!("America/New_York");
    let response = app
        .api_send(Method::POST, "/api/v1/events", &token, body)
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], json!("time_ambiguous"));
    assert_eq!(error["error"]["field"], json!("start"));

    let id = event(&app, &token, webinar_json("Webinar", "public")).await;
    let path = format!("/api/v1/events/{id}");
    let response = app
        .api_send(
            Method::PATCH,
            &path,
            &token,
            json!({"title_fr": "Webinaire", "interpretation": ["fr", "sw"]}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let out = app
        .api_json(&format!("{path}?tz=Australia/Sydney"), &token)
        .await;
    assert_eq!(out["title"], json!("Webinar"));
    assert_eq!(out["titles"]["fr"], json!("Webinaire"));
    assert_eq!(out["interpretation"], json!(["fr", "sw"]));
    assert_eq!(out["start"]["at"], json!("2026-03-10T15:00:00+00:00"));
    assert_eq!(out["start"]["local"], json!("2026-03-10T18:00"));
    // Sydney is on summer time (UTC+11) in March.
    assert_eq!(out["start"]["viewer_local"], json!("2026-03-11 02:00"));
    let response = app
        .api_send(
            Method::PATCH,
            &path,
            &token,
            json!({"visibility": "restricted"}),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let filtered = app
        .api_json("/api/v1/events?when=all&lang=sw&region=014", &token)
        .await;
    assert_eq!(filtered["items"].as_array().unwrap().len(), 1);
    let filtered = app
        .api_json("/api/v1/events?when=all&region=150", &token)
        .await;
    assert_eq!(filtered["items"], json!([]));
    let response = Client::new()
        .get(app.url("/api/v1/events?region=Africa"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app.api_send(Method::DELETE, &path, &token, json!({})).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(
        app.api_json("/api/v1/events?when=all", &token).await["items"],
        json!([])
    );
}

#[tokio::test]
async fn an_event_page_reads_in_every_interface_language() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json("Webinar", "public");
    body["title_ar"] = json!("ندوة");
    let id = event(&app, &token, body).await;
    for (lang, kind, title) in [
        (Lang::Ar, "ندوة عبر الإنترنت", "ندوة"),
        (Lang::En, "Webinar", "Webinar"),
        (Lang::Fr, "Webinaire", "Webinar"),
        (Lang::Es, "Webinario", "Webinar"),
    ] {
        let page = TestApp::client()
            .get(app.url(&format!("/events/{id}?lang={}", lang.code())))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert!(
            page.contains(&format!(
                r#"lang="{}" dir="{}""#,
                lang.code(),
                lang.dir().as_str()
            )),
            "{lang:?}"
        );
        assert!(page.contains(kind), "{lang:?} kind");
        assert!(
            page.contains(&format!(r#"<h1 dir="auto">{title}</h1>"#)),
            "{lang:?} title"
        );
    }
}

#[tokio::test]
async fn an_organiser_saving_an_event_sees_the_events_it_clashes_with_and_the_api_finds_them_too() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    // 18:00–19:30 in Nairobi, for Africa, in English.
    let first = event(&app, &token, webinar_json("Africa webinar", "public")).await;
    let client = app.signed_in(&coordinator).await;
    // 17:45 in Lagos (UTC+1) is 16:45 UTC, 15 minutes after the webinar ends; for
    // West Africa, in Swahili and English interpretation.
    let form = [
        ("kind", "meeting"),
        ("title", "West Africa call"),
        ("start", "2026-03-10T17:45"),
        ("time_zone", "Africa/Lagos"),
        ("duration", "60"),
        ("link", "https://meet.example.org/west"),
        ("languages", "sw"),
        ("interpretation", "en"),
        ("regions", "011"),
        ("visibility", "network"),
    ];
    let response = client
        .post(app.url("/events"))
        .form(&form)
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
    assert!(page.contains("Possible clashes"), "{page}");
    assert!(page.contains(&format!("/events/{first}")) && page.contains("Africa webinar"));
    assert!(
        page.contains("Western Africa") && page.contains("English"),
        "{page}"
    );

    let found = app
        .api_json(
            "/api/v1/events/clashes?start=2026-03-10T16:00:00Z&end=2026-03-10T17:00:00Z&region=014&lang=fr",
            &token,
        )
        .await;
    let titles: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["event"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Africa webinar"]);
    assert_eq!(found[0]["shared_regions"], json!(["014"]));
    // Leaving out the event itself, in another language, elsewhere, much later: none.
    let none = app
        .api_json(
            &format!("/api/v1/events/clashes?start=2026-03-10T15:00:00Z&end=2026-03-10T16:30:00Z&region=150&lang=de&except={first}"),
            &token,
        )
        .await;
    assert_eq!(none, json!([]));
    let response = Client::new()
        .get(app.url("/api/v1/events/clashes?start=2026-03-10T16:00:00Z&end=2026-03-10T15:00:00Z"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["field"], json!("end"));
    let response = Client::new()
        .get(app.url("/api/v1/events/clashes?start=2026-03-10T16:00:00Z&end=2026-03-10T17:00:00Z"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn events_are_found_by_their_organisers_name_in_any_script_without_a_list_of_every_organisation()
 {
    let app = TestApp::spawn().await;
    let nairobi = app.org("Nairobi Olive Harvest Committee", "public").await;
    let dakar = app.org("تجمع داكار للتضامن", "public").await;
    let coordinator = app.token_of(Role::Coordinator).await;
    for (title, org) in [("Harvest webinar", &nairobi), ("Dakar webinar", &dakar)] {
        let mut body = webinar_json(title, "public");
        body["start"] = json!("2030-03-10T18:00");
        body["organisations"] = json!([org.id.to_string()]);
        event(&app, &coordinator, body).await;
    }
    let client = TestApp::client();
    let page = |query: &str| {
        let (client, url) = (&client, app.url(query));
        async move {
            let response = client.get(url).send().await.unwrap();
            (response.status(), response.text().await.unwrap())
        }
    };

    // The filter is a text field: the page never lists the coalition's organisations.
    let (status, all) = page("/events").await;
    assert_eq!(status, StatusCode::OK);
    assert!(all.contains("Harvest webinar") && all.contains("Dakar webinar"));
    assert!(all.contains("name=\"organiser\""));
    assert!(!all.contains(&format!("value=\"{}\"", nairobi.id)));

    // Words of the name, in any case and in any order; Arabic without its article.
    let (_, found) = page("/events?organiser=harvest+NAIROBI").await;
    assert!(found.contains("Harvest webinar") && !found.contains("Dakar webinar"));
    assert!(
        found.contains("value=\"harvest NAIROBI\""),
        "the words stay typed"
    );
    let (_, found) = page("/events?organiser=%D8%AF%D8%A7%D9%83%D8%A7%D8%B1").await;
    assert!(found.contains("Dakar webinar") && !found.contains("Harvest webinar"));
    let (_, none) = page("/events?organiser=Lagos").await;
    assert!(!none.contains("Harvest webinar") && !none.contains("Dakar webinar"));

    // The same filter in the API and the feed.
    let api = app
        .api_json("/api/v1/events?organiser=olive", &coordinator)
        .await;
    let titles: Vec<&str> = api["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Harvest webinar"]);
    let (status, feed) = page("/calendar.ics?organiser=olive").await;
    assert_eq!(status, StatusCode::OK);
    assert!(feed.contains("Harvest webinar") && !feed.contains("Dakar webinar"));

    // A link from an organisation's page names it and offers every organiser again.
    let (_, linked) = page(&format!("/events?organisation={}", dakar.id)).await;
    assert!(linked.contains("Organised by <bdi>تجمع داكار للتضامن</bdi>"));
    assert!(linked.contains("Dakar webinar") && !linked.contains("Harvest webinar"));

    // Too long a text is refused, naming the field, and shows nothing else.
    let long = format!("/events?organiser={}", "a".repeat(201));
    let response = client.get(app.url(&long)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert!(body.contains("aria-invalid=\"true\""));
    assert!(!body.contains("Harvest webinar"));
}
