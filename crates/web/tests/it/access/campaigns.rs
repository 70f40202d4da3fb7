//! The role matrix on campaigns, their targets, content, translations and
//! publications.

use reqwest::Method;

use super::{Case, LOGIN, Setup, api, page};
use crate::helpers::TestApp;

pub(super) async fn cases(app: &TestApp, setup: &Setup) -> Vec<Case> {
    let own = &setup.own;
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
    vec![
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
    ]
}
