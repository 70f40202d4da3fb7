//! Who may do what: every role against every route, on pages and API alike.

use reqwest::{Client, Method, StatusCode};
use tadamun_core::accounts::{Role, User};
use tadamun_core::directory::Organisation;

use crate::helpers::TestApp;

mod accounts;
mod campaigns;
mod directory;
mod events;
mod groups;

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

/// Pages send anonymous callers to the sign-in page.
const LOGIN: u16 = 303;

/// The records the cases of every area point at.
struct Setup {
    /// The organisation the member belongs to.
    own: Organisation,
    other: Organisation,
    some_user: User,
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
    let setup = Setup {
        own,
        other,
        some_user: app.user(Role::Viewer, None).await,
    };
    let mut cases = accounts::cases(&setup);
    cases.extend(directory::cases(&setup));
    cases.extend(groups::cases());
    cases.extend(campaigns::cases(&app, &setup).await);
    cases.extend(events::cases(&app, &setup).await);

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
