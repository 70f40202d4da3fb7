//! Who may do what: every role against every route, on pages and API alike.

use reqwest::{Client, Method, StatusCode};
use tadamun_core::accounts::Role;
use tadamun_core::directory::Organisation;

use crate::helpers::TestApp;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Anonymous,
    Viewer,
    Member,
    Coordinator,
    Admin,
}

const EVERYONE: [Who; 5] = [
    Who::Anonymous,
    Who::Viewer,
    Who::Member,
    Who::Coordinator,
    Who::Admin,
];

/// What each caller gets, in the order of [`EVERYONE`].
type Expected = [u16; 5];

struct Case {
    method: Method,
    path: String,
    form: Option<Vec<(&'static str, String)>>,
    json: Option<serde_json::Value>,
    expected: Expected,
}

fn page(
    method: Method,
    path: String,
    form: Option<Vec<(&'static str, String)>>,
    expected: Expected,
) -> Case {
    Case {
        method,
        path,
        form,
        json: None,
        expected,
    }
}

fn api(method: Method, path: String, json: Option<serde_json::Value>, expected: Expected) -> Case {
    Case {
        method,
        path,
        form: None,
        json,
        expected,
    }
}

fn org_form(name: &str) -> Option<Vec<(&'static str, String)>> {
    Some(vec![
        ("name", name.to_owned()),
        ("country", "SN".to_owned()),
        ("visibility", "network".to_owned()),
    ])
}

fn with_force(form: Option<Vec<(&'static str, String)>>) -> Option<Vec<(&'static str, String)>> {
    form.map(|mut f| {
        f.push(("force", "on".to_owned()));
        f
    })
}

/// A fresh organisation per caller, for cases that delete.
async fn victims(app: &TestApp) -> Vec<Organisation> {
    let mut orgs = Vec::new();
    for _ in EVERYONE {
        orgs.push(app.org("To delete", "network").await);
    }
    orgs
}

#[tokio::test]
async fn every_role_gets_exactly_the_access_it_should_on_every_route() {
    let app = TestApp::spawn().await;
    let own = app.org("Own organisation", "network").await;
    let other = app.org("Other organisation", "network").await;
    let page_victims = victims(&app).await;
    let api_victims = victims(&app).await;

    let mut clients: Vec<(Who, Client, Option<String>)> =
        vec![(Who::Anonymous, TestApp::client(), None)];
    for (who, role) in [
        (Who::Viewer, Role::Viewer),
        (Who::Member, Role::Member),
        (Who::Coordinator, Role::Coordinator),
        (Who::Admin, Role::Admin),
    ] {
        let user = app
            .user(role, (who == Who::Member).then_some(&own.id))
            .await;
        let client = app.signed_in(&user).await;
        let token = app.token(&user).await;
        clients.push((who, client, Some(token)));
    }
    let some_user = app.user(Role::Viewer, None).await;
    let event_of = |title: &str, visibility: &str, org: &Organisation| {
        let fields = tadamun_core::events::EventInput {
            kind: "webinar".into(),
            title: title.into(),
            start: "2026-03-10T18:00".into(),
            time_zone: "Africa/Nairobi".into(),
            duration: "60".into(),
            link: Some("https://meet.example.org/x".into()),
            languages: vec!["en".into()],
            organisations: vec![org.id.to_string()],
            visibility: Some(visibility.into()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let db = app.db.clone();
        async move {
            tadamun_store::events::create(&db, &tadamun_core::audit::Actor::System, fields)
                .await
                .unwrap()
                .id
        }
    };
    let public_event = event_of("Open webinar", "public", &other).await;
    let own_event = event_of("Own briefing", "network", &own).await;
    let other_event = event_of("Other briefing", "network", &other).await;
    let event_form = Some(vec![
        ("kind", "webinar".to_owned()),
        ("title", "Webinar".to_owned()),
        ("start", "2026-03-10T18:00".to_owned()),
        ("time_zone", "UTC".to_owned()),
        ("duration", "60".to_owned()),
        ("link", "https://meet.example.org/x".to_owned()),
        ("languages", "en".to_owned()),
        ("organisations", own.id.to_string()),
    ]);

    const LOGIN: u16 = 303; // pages send anonymous callers to the sign-in page
    let own_id = &own.id;
    let other_id = &other.id;
    let campaign = tadamun_store::campaigns::create(
        &app.db,
        &tadamun_core::audit::Actor::System,
        tadamun_core::campaigns::CampaignInput {
            name: "Divest now".into(),
            kind: "economic".into(),
            start: "2026-01-01".into(),
            languages: vec!["ar".into(), "en".into(), "fr".into()],
            organisations: vec![own.id.to_string()],
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap()
    .id;
    let item = tadamun_store::campaigns::content::create(
        &app.db,
        &tadamun_core::audit::Actor::System,
        &campaign,
        tadamun_core::campaigns::ContentInput {
            kind: "fact_sheet".into(),
            channel: "website".into(),
            source_lang: "ar".into(),
            title: "ورقة حقائق".into(),
            body: None,
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap()
    .id;
    let cases = vec![
        page(Method::GET, "/".into(), None, [200, 200, 200, 200, 200]),
        page(
            Method::GET,
            "/organisations".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/organisations/{own_id}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/organisations/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/organisations".into(),
            // `force`: each caller adds "New"; the second is a look-alike of the first.
            with_force(org_form("New")),
            [LOGIN, 403, 403, 303, 303],
        ),
        page(
            Method::GET,
            format!("/organisations/{own_id}/edit"),
            None,
            [404, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/organisations/{other_id}/edit"),
            None,
            [404, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            format!("/organisations/{own_id}"),
            org_form("Own organisation"),
            [404, 403, 303, 303, 303],
        ),
        page(
            Method::POST,
            format!("/organisations/{other_id}"),
            org_form("Other organisation"),
            [404, 403, 403, 303, 303],
        ),
        page(
            Method::GET,
            "/account".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/users".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/users/new".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            format!("/users/{}", some_user.id),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/audit".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            "/api/v1/me".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/organisations".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/organisations/{own_id}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/organisations?force=true".into(),
            Some(serde_json::json!({"name": "Via API", "country": "BR"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/organisations/{own_id}"),
            Some(serde_json::json!({"city": "Dakar"})),
            [404, 403, 200, 200, 200],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/organisations/{other_id}"),
            Some(serde_json::json!({"city": "Dakar"})),
            [404, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/users".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/users/{}", some_user.id),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/users/{}", some_user.id),
            Some(serde_json::json!({"role": "viewer"})),
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::GET,
            "/api/v1/audit".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/admin/jobs".into(),
            None,
            [LOGIN, 403, 403, 403, 200],
        ),
        page(
            Method::GET,
            "/account/reminders".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/jobs?state=failed".into(),
            None,
            [401, 403, 403, 403, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/jobs/{}/retry", tadamun_core::ids::JobId::new()),
            None,
            [401, 403, 403, 403, 404],
        ),
        api(
            Method::PUT,
            "/api/v1/account/reminders".into(),
            Some(serde_json::json!({"weekly_digest": false})),
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/openapi.json".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/people".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/people/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/focus-areas".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/coverage".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/search?q=organisation".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/search?q=organisation".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/organisations/import".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/people".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/people".into(),
            Some(serde_json::json!({"display_name": "Rana Saleh"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/focus-areas".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::PUT,
            "/api/v1/focus-areas/media".into(),
            Some(serde_json::json!({"name_en": "Media"})),
            [401, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/coverage".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/coverage/targets".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/coverage/targets".into(),
            Some(
                serde_json::json!({"region": "002", "counts": "members", "target": 25, "deadline": "2027-06-30"}),
            ),
            [401, 403, 403, 201, 201],
        ),
        page(
            Method::GET,
            "/slots?countries=KE".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/slots?countries=KE,GB".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/groups".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/groups/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/meetings".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/meetings/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/recommendations".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/recommendations/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/groups".into(),
            Some(vec![("name", "Economic working group".to_owned())]),
            [LOGIN, 403, 403, 303, 303],
        ),
        api(
            Method::GET,
            "/api/v1/working-groups".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/working-groups".into(),
            Some(serde_json::json!({"name": "Media working group"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/meetings".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/meetings".into(),
            Some(
                serde_json::json!({"kind": "workshop", "title": "Legal workshop", "start": "2026-05-12T10:00", "time_zone": "Africa/Johannesburg", "duration": 120, "place": "Johannesburg"}),
            ),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/recommendations?stale_days=30".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/recommendations".into(),
            Some(serde_json::json!({"text": "Open a legal desk", "theme": "legal"})),
            [401, 403, 403, 201, 201],
        ),
        page(
            Method::GET,
            "/campaigns".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/campaigns/new".into(),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}"),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/edit"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/targets/new"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/campaigns".into(),
            Some(vec![
                ("name", "Voices".to_owned()),
                ("kind", "media".to_owned()),
                ("start", "2026-03-01".to_owned()),
            ]),
            [LOGIN, 403, 403, 303, 303],
        ),
        page(
            Method::POST,
            format!("/campaigns/{campaign}/targets"),
            Some(vec![
                ("name", "Northwind Fund".to_owned()),
                ("kind", "institution".to_owned()),
            ]),
            [LOGIN, 403, 403, 303, 303],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/content/new"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/content/{item}"),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/content/{item}/translations/en"),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::POST,
            format!("/content/{item}/translations/en"),
            Some(vec![("title", "Fact sheet".to_owned())]),
            [LOGIN, 403, 303, 303, 303],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/matrix"),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/translations/mine".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/publications.csv"),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/content/calendar".into(),
            None,
            [LOGIN, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/campaigns/{campaign}/reach"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::POST,
            format!("/content/{item}/publications"),
            Some(vec![
                ("lang", "fr".to_owned()),
                ("channel", "press".to_owned()),
                ("start", "2026-05-01T09:00".to_owned()),
                ("time_zone", "Europe/Paris".to_owned()),
            ]),
            [LOGIN, 403, 303, 303, 303],
        ),
        api(
            Method::GET,
            "/api/v1/content/calendar".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/translations/mine".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::PUT,
            format!("/api/v1/content/{item}/translations/fr"),
            Some(serde_json::json!({"title": "Fiche"})),
            [401, 403, 200, 200, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/campaigns/{campaign}/content"),
            Some(
                serde_json::json!({"kind": "article", "channel": "press", "source_lang": "en", "title": "Op-ed"}),
            ),
            [401, 403, 201, 201, 201],
        ),
        api(
            Method::GET,
            "/api/v1/campaigns".into(),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/campaigns".into(),
            Some(serde_json::json!({"name": "Voices", "kind": "media", "start": "2026-03-01"})),
            [401, 403, 403, 201, 201],
        ),
        api(
            Method::GET,
            format!("/api/v1/campaigns/{campaign}/targets"),
            None,
            [401, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/campaigns/{campaign}/targets"),
            Some(
                serde_json::json!({"name": "Acme Arms", "kind": "company", "outcome": "lost", "outcome_date": "2026-04-01"}),
            ),
            [401, 403, 403, 201, 201],
        ),
        page(
            Method::GET,
            "/events".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/events/new".into(),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{public_event}"),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}/edit"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{other_event}/edit"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        page(
            Method::POST,
            "/events".into(),
            event_form.clone(),
            [LOGIN, 403, 303, 303, 303],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}/registrations"),
            None,
            [LOGIN, 403, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{public_event}/registrations.csv"),
            None,
            [LOGIN, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/events/{public_event}/registrations"),
            None,
            [401, 403, 403, 200, 200],
        ),
        page(
            Method::GET,
            "/calendar".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            "/calendar.ics".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        page(
            Method::GET,
            format!("/events/{own_event}.ics"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            format!("/api/v1/events/{other_event}/cancel"),
            None,
            [401, 403, 403, 200, 200],
        ),
        api(
            Method::GET,
            "/api/v1/events".into(),
            None,
            [200, 200, 200, 200, 200],
        ),
        api(
            Method::GET,
            format!("/api/v1/events/{own_event}"),
            None,
            [404, 200, 200, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/events".into(),
            Some(
                serde_json::json!({"kind": "webinar", "title": "Webinar", "start": "2026-03-10T18:00", "time_zone": "UTC", "duration": 60, "link": "https://meet.example.org/x", "languages": ["en"], "organisations": [own.id.to_string()]}),
            ),
            [401, 403, 201, 201, 201],
        ),
        api(
            Method::PATCH,
            format!("/api/v1/events/{other_event}"),
            Some(serde_json::json!({"capacity": 40})),
            [401, 403, 403, 200, 200],
        ),
        api(
            Method::POST,
            "/api/v1/imports/organisations?dry_run=true".into(),
            Some(serde_json::json!({})),
            [401, 403, 403, 422, 422],
        ),
    ];

    let mut failures = Vec::new();
    for case in &cases {
        for (i, (who, client, token)) in clients.iter().enumerate() {
            let status = send(&app, client, token.as_deref(), case).await;
            if status.as_u16() != case.expected[i] {
                failures.push(format!(
                    "{who:?} {} {} → {status}, expected {}",
                    case.method, case.path, case.expected[i]
                ));
            }
        }
    }
    // Deleting: each caller tries on an organisation of its own.
    for (i, (who, client, token)) in clients.iter().enumerate() {
        let page_case = page(
            Method::POST,
            format!("/organisations/{}/delete", page_victims[i].id),
            None,
            [404, 403, 403, 303, 303],
        );
        let api_case = api(
            Method::DELETE,
            format!("/api/v1/organisations/{}", api_victims[i].id),
            None,
            [404, 403, 403, 204, 204],
        );
        for case in [page_case, api_case] {
            let status = send(&app, client, token.as_deref(), &case).await;
            if status.as_u16() != case.expected[i] {
                failures.push(format!(
                    "{who:?} {} {} → {status}, expected {}",
                    case.method, case.path, case.expected[i]
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix broken:\n{}",
        failures.join("\n")
    );
}

async fn send(app: &TestApp, client: &Client, token: Option<&str>, case: &Case) -> StatusCode {
    let is_api = case.path.starts_with("/api/");
    // API calls authenticate with the bearer token; pages with the session cookie.
    let client = if is_api {
        Client::new()
    } else {
        client.clone()
    };
    let mut request = client.request(case.method.clone(), app.url(&case.path));
    if let (true, Some(token)) = (is_api, token) {
        request = request.bearer_auth(token);
    }
    if let Some(form) = &case.form {
        request = request.form(form);
    }
    if let Some(json) = &case.json {
        request = request.json(json);
    }
    request.send().await.unwrap().status()
}

#[tokio::test]
async fn restricted_organisations_are_seen_only_by_their_members_and_coordinators() {
    let app = TestApp::spawn().await;
    let hidden = app.org("Lawyers for Justice", "restricted").await;
    let public = app.org("Open Collective", "public").await;
    let insider = app.user(Role::Viewer, Some(&hidden.id)).await;
    let outsider = app.user(Role::Member, None).await;
    let coordinator = app.user(Role::Coordinator, None).await;

    let names = |body: serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let list = |token: Option<String>| {
        let mut r = Client::new().get(app.url("/api/v1/organisations"));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };
    let anonymous = names(list(None).await.unwrap().json().await.unwrap());
    assert_eq!(anonymous, vec![public.fields.name.clone()]);
    let seen_by_outsider = names(
        list(Some(app.token(&outsider).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(!seen_by_outsider.contains(&hidden.fields.name));
    let seen_by_insider = names(
        list(Some(app.token(&insider).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(seen_by_insider.contains(&hidden.fields.name));
    let seen_by_coordinator = names(
        list(Some(app.token(&coordinator).await))
            .await
            .unwrap()
            .json()
            .await
            .unwrap(),
    );
    assert!(seen_by_coordinator.contains(&hidden.fields.name));

    let page = app
        .signed_in(&outsider)
        .await
        .get(app.url(&format!("/organisations/{}", hidden.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let page = app
        .signed_in(&outsider)
        .await
        .get(app.url("/organisations"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("Lawyers for Justice"));
}
