//! The forms of plans, indicators, people, working groups and meetings in a large
//! directory (and the working group form, an organisation's follow-up and a
//! translation among many accounts): each lists only what is chosen, "Find" offers
//! the matching records and keeps everything typed without saving, a found record
//! ticked is saved, and a refused form keeps it ticked.

use reqwest::{Client, StatusCode};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::groups::GroupInput;
use tadamun_core::ids::{GroupId, PersonId, PlanItemId};
use tadamun_core::plans::{Owner, PlanItemInput};
use tadamun_store::plans;

use crate::helpers::TestApp;
use crate::pickers::large;

async fn get(app: &TestApp, client: &Client, path: &str) -> String {
    let response = client.get(app.url(path)).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    response.text().await.unwrap()
}

/// The id in a redirect to `/<area>/<id>?saved=1`.
fn saved_id(location: &str) -> String {
    location
        .rsplit('/')
        .next()
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_owned()
}

async fn person(app: &TestApp, name: &str) -> PersonId {
    let fields = PersonInput {
        display_name: name.into(),
        visibility: Some("network".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    tadamun_store::directory::people::create(&app.db, &Actor::System, fields)
        .await
        .unwrap()
        .id
}

/// More people than a form lists whole.
async fn crowd(app: &TestApp) {
    for i in 0..250 {
        person(app, &format!("Filler Person {i:03}")).await;
    }
}

async fn group(app: &TestApp, name: &str) -> GroupId {
    let fields = GroupInput {
        name: name.into(),
        name_lang: Some("en".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    tadamun_store::groups::create(&app.db, &Actor::System, fields)
        .await
        .unwrap()
        .id
}

async fn coordinator(app: &TestApp) -> Client {
    let user = app.user(Role::Coordinator, None).await;
    app.signed_in(&user).await
}

fn with(
    base: &[(&'static str, &str)],
    extra: &[(&'static str, &str)],
) -> Vec<(&'static str, String)> {
    base.iter()
        .chain(extra)
        .map(|(k, v)| (*k, (*v).to_owned()))
        .collect()
}

#[tokio::test]
async fn the_plan_item_form_finds_its_owner_among_groups_organisations_and_people() {
    let l = large().await;
    let app = &l.app;
    let client = coordinator(app).await;
    let green = app.org("Green Earth Alliance", "network").await;
    let media = group(app, "Green Media Group").await;
    let greta = person(app, "Greta Green").await;
    let (org, grp, per) = (
        format!("organisation:{}", green.id),
        format!("group:{media}"),
        format!("person:{greta}"),
    );

    let page = get(app, &client, "/plans/new").await;
    assert!(!page.contains("Filler Union"), "no whole directory");
    assert!(page.contains("name=\"owner_find\""));
    assert!(page.contains("id=\"owner-none\" name=\"owner\" value=\"\" checked"));

    let typed = [
        ("level", "plan"),
        ("title", "Land rights 2027"),
        ("description", "Keep every word of this"),
        ("due", "2027-12-31"),
    ];
    let (status, _, page) = app
        .post_form(
            &client,
            "/plan-items",
            &with(
                &typed,
                &[("owner", ""), ("owner_find", "green"), ("find", "owner")],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Land rights 2027\""));
    assert!(page.contains("Keep every word of this"));
    assert!(page.contains("value=\"2027-12-31\""));
    assert!(page.contains("value=\"green\""), "the words stay typed");
    for offered in [&org, &grp, &per] {
        assert!(page.contains(&format!("value=\"{offered}\">")), "{offered}");
    }
    assert!(page.contains("Green Media Group — Working group"));
    assert!(page.contains("Greta Green — Person"));
    assert!(!page.contains("Filler Union"));
    assert!(
        plans::plans(&app.db).await.unwrap().is_empty(),
        "saves nothing"
    );

    // A refused form keeps the chosen owner ticked.
    let (status, _, page) = app
        .post_form(
            &client,
            "/plan-items",
            &with(&[("level", "plan"), ("title", "")], &[("owner", &grp)]),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(&format!("value=\"{grp}\" checked")), "{page}");
    assert!(plans::plans(&app.db).await.unwrap().is_empty());

    let (status, location, page) = app
        .post_form(
            &client,
            "/plan-items",
            &with(&typed, &[("owner", &org), ("owner_find", "green")]),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let item = plans::get(&app.db, &PlanItemId::parse(&saved_id(&location)).unwrap())
        .await
        .unwrap();
    assert_eq!(
        item.fields.owner,
        Some(Owner::Organisation(green.id.clone()))
    );
    let page = get(app, &client, &format!("/plan-items/{}/edit", item.id)).await;
    assert!(page.contains(&format!("value=\"{org}\" checked")));
    assert!(page.contains("Green Earth Alliance — Organisation"));
}

#[tokio::test]
async fn the_indicator_form_finds_its_responsible_person_among_many() {
    let app = TestApp::spawn().await;
    crowd(&app).await;
    let samira = person(&app, "Samira Haddad").await;
    let client = coordinator(&app).await;
    let plan = PlanItemInput {
        level: "plan".into(),
        title: "Land rights".into(),
        ..Default::default()
    };
    let plan = plans::create(&app.db, &Actor::System, plan.validate().unwrap())
        .await
        .unwrap();
    let objective = PlanItemInput {
        level: "objective".into(),
        parent: Some(plan.id.to_string()),
        title: "Document every case".into(),
        ..Default::default()
    };
    let objective = plans::create(&app.db, &Actor::System, objective.validate().unwrap())
        .await
        .unwrap();
    let stored = async || {
        plans::indicators::of_plan(&app.db, &plan.id)
            .await
            .unwrap()
            .len()
    };

    let page = get(
        &app,
        &client,
        &format!("/plan-items/{}/indicators/new", objective.id),
    )
    .await;
    assert!(!page.contains("Filler Person"), "no whole directory");
    assert!(page.contains("name=\"responsible_find\""));

    let item = objective.id.to_string();
    let typed = [
        ("item", item.as_str()),
        ("name", "Cases documented"),
        ("unit", "cases"),
        ("direction", "increase"),
        ("baseline", "0"),
        ("baseline_date", "2026-01-01"),
        ("target", "100"),
        ("target_date", "2026-12-31"),
    ];
    let (status, _, page) = app
        .post_form(
            &client,
            "/indicators",
            &with(
                &typed,
                &[
                    ("responsible", ""),
                    ("responsible_find", "haddad"),
                    ("find", "responsible"),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Cases documented\"") && page.contains("value=\"100\""));
    assert!(page.contains(&format!("value=\"{samira}\">")));
    assert!(!page.contains("Filler Person"));
    assert_eq!(stored().await, 0, "finding saves nothing");

    let samira_id = samira.to_string();
    let mut refused = with(&typed, &[("responsible", &samira_id)]);
    refused.retain(|(k, _)| *k != "unit");
    let (status, _, page) = app.post_form(&client, "/indicators", &refused).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains(&format!("value=\"{samira}\" checked")),
        "{page}"
    );
    assert_eq!(stored().await, 0);

    let (status, location, page) = app
        .post_form(
            &client,
            "/indicators",
            &with(&typed, &[("responsible", &samira_id)]),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let id = tadamun_core::ids::IndicatorId::parse(&saved_id(&location)).unwrap();
    let indicator = plans::indicators::get(&app.db, &id).await.unwrap();
    assert_eq!(indicator.fields.responsible, Some(samira));
}

#[tokio::test]
async fn the_person_form_finds_organisations_to_join_and_keeps_each_role_beside_its_own() {
    let l = large().await;
    let app = &l.app;
    let client = coordinator(app).await;
    let green = app.org("Green Earth Alliance", "network").await;
    let (home, green_id) = (l.home.id.to_string(), green.id.to_string());

    let page = get(app, &client, "/people/new").await;
    assert!(!page.contains("Filler Union"), "no whole directory");
    assert!(page.contains("name=\"organisations_find\""));

    let typed = [("display_name", "Nour Saleh"), ("note", "Met in Tunis")];
    let (status, _, page) = app
        .post_form(
            &client,
            "/people",
            &with(
                &typed,
                &[
                    ("organisations", &home),
                    ("roles", "Spokesperson"),
                    ("organisations", ""),
                    ("roles", ""),
                    ("organisations_find", "green earth"),
                    ("find", "organisations"),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Nour Saleh\"") && page.contains("Met in Tunis"));
    assert!(page.contains(&format!("value=\"{home}\" selected")));
    assert!(page.contains("value=\"Spokesperson\""));
    assert!(page.contains(&format!("value=\"{green_id}\">")), "offered");
    assert!(!page.contains("Filler Union"));
    assert!(
        !get(app, &client, "/people?q=Nour")
            .await
            .contains("Nour Saleh"),
        "finding saves nothing"
    );

    // A refused form keeps the organisations chosen and their roles.
    let (status, _, page) = app
        .post_form(
            &client,
            "/people",
            &with(
                &typed,
                &[
                    ("email", "not an address"),
                    ("organisations", &green_id),
                    ("roles", "Adviser"),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains(&format!("value=\"{green_id}\" selected")),
        "{page}"
    );
    assert!(page.contains("value=\"Adviser\""));

    let (status, location, page) = app
        .post_form(
            &client,
            "/people",
            &with(
                &typed,
                &[
                    ("organisations", &home),
                    ("roles", "Spokesperson"),
                    ("organisations", &green_id),
                    ("roles", "Adviser"),
                    ("organisations", ""),
                    ("roles", ""),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let person = l
        .app
        .api_json(&format!("/api/v1/people/{}", saved_id(&location)), &l.token)
        .await;
    let affiliations = serde_json::json!([
        {"organisation_id": home, "role": "Spokesperson"},
        {"organisation_id": green_id, "role": "Adviser"},
    ]);
    assert_eq!(person["affiliations"], affiliations, "{person}");
}

#[tokio::test]
async fn the_working_group_form_finds_its_lead_and_members_among_many_people() {
    let app = TestApp::spawn().await;
    crowd(&app).await;
    let samira = person(&app, "Samira Haddad").await;
    let omar = person(&app, "Omar Khalil").await;
    let client = coordinator(&app).await;
    let (samira_id, omar_id) = (samira.to_string(), omar.to_string());

    let page = get(&app, &client, "/groups/new").await;
    assert!(!page.contains("Filler Person"), "no whole directory");
    assert!(page.contains("name=\"lead_find\"") && page.contains("name=\"people_find\""));
    assert!(page.contains("id=\"lead-none\" name=\"lead\" value=\"\" checked"));

    let typed = [
        ("name", "Legal Aid Group"),
        ("name_lang", "en"),
        ("mandate", "Lawyers who answer within a day"),
    ];
    let (status, _, page) = app
        .post_form(
            &client,
            "/groups",
            &with(
                &typed,
                &[
                    ("lead", ""),
                    ("people", &omar_id),
                    ("people_find", "samira"),
                    ("find", "people"),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Legal Aid Group\""));
    assert!(page.contains("Lawyers who answer within a day"));
    assert!(page.contains(&format!(
        "id=\"people-{omar}\" name=\"people\" value=\"{omar}\" checked"
    )));
    assert!(page.contains(&format!(
        "id=\"people-{samira}\" name=\"people\" value=\"{samira}\">"
    )));
    assert!(!page.contains("Filler Person"));
    assert!(
        tadamun_store::groups::list(&app.db)
            .await
            .unwrap()
            .is_empty(),
        "finding saves nothing"
    );

    let (status, _, page) = app
        .post_form(
            &client,
            "/groups",
            &with(
                &[("name", ""), ("name_lang", "en")],
                &[("lead", &samira_id)],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        page.contains(&format!(
            "id=\"lead-{samira}\" name=\"lead\" value=\"{samira}\" checked"
        )),
        "{page}"
    );

    let (status, location, page) = app
        .post_form(
            &client,
            "/groups",
            &with(
                &typed,
                &[
                    ("lead", &samira_id),
                    ("people", &omar_id),
                    ("people", &samira_id),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let id = GroupId::parse(&saved_id(&location)).unwrap();
    let stored = tadamun_store::groups::get(&app.db, &id).await.unwrap();
    assert_eq!(stored.fields.lead, Some(samira.clone()));
    let mut members = stored.fields.people.clone();
    members.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    let mut expected = vec![omar, samira];
    expected.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    assert_eq!(members, expected);
}

/// An active account named `name`, of a coordinator, with `password` already hashed.
async fn account(
    app: &TestApp,
    name: &str,
    password: &tadamun_core::accounts::PasswordHash,
) -> tadamun_core::ids::UserId {
    let email = tadamun_core::accounts::Email::parse(&format!(
        "{}@example.org",
        name.to_lowercase().replace(' ', ".")
    ))
    .unwrap();
    let new = tadamun_core::accounts::NewUser {
        email,
        name: name.into(),
        role: Role::Coordinator,
        organisation: None,
        password: password.clone(),
    };
    tadamun_store::accounts::users::create(&app.db, &Actor::System, new)
        .await
        .unwrap()
        .id
}

/// An account named `name`, made after 201 others: more than a picker lists whole.
async fn among_many_accounts(app: &TestApp, name: &str) -> tadamun_core::ids::UserId {
    let email = tadamun_core::accounts::Email::parse("filler@example.org").unwrap();
    let password =
        tadamun_core::accounts::NewPassword::parse("correct horse battery staple", &email)
            .unwrap()
            .hash();
    for i in 0..201 {
        account(app, &format!("Filler Account {i}"), &password).await;
    }
    account(app, name, &password).await
}

#[tokio::test]
async fn the_working_group_form_finds_its_accounts_among_many() {
    let app = TestApp::spawn().await;
    let layla = among_many_accounts(&app, "Layla Mansour").await.to_string();
    let client = coordinator(&app).await;

    let page = get(&app, &client, "/groups/new").await;
    assert!(!page.contains("Filler Account"), "no list of every account");
    assert!(page.contains("name=\"users_find\""));

    let typed = [("name", "Safety Group"), ("name_lang", "en")];
    let (status, _, page) = app
        .post_form(
            &client,
            "/groups",
            &with(&typed, &[("users_find", "layla"), ("find", "users")]),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("value=\"Safety Group\""));
    assert!(page.contains(&format!(
        "id=\"users-{layla}\" name=\"users\" value=\"{layla}\">"
    )));
    assert!(!page.contains("Filler Account"));
    assert!(
        tadamun_store::groups::list(&app.db)
            .await
            .unwrap()
            .is_empty(),
        "finding saves nothing"
    );

    let (status, location, page) = app
        .post_form(&client, "/groups", &with(&typed, &[("users", &layla)]))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let id = GroupId::parse(&saved_id(&location)).unwrap();
    let stored = tadamun_store::groups::get(&app.db, &id).await.unwrap();
    let users: Vec<String> = stored.fields.users.iter().map(|u| u.to_string()).collect();
    assert_eq!(users, std::slice::from_ref(&layla));
    let page = get(&app, &client, &format!("/groups/{id}/edit")).await;
    assert!(page.contains(&format!(
        "id=\"users-{layla}\" name=\"users\" value=\"{layla}\" checked"
    )));
    assert!(page.contains("Layla Mansour"));
}

#[tokio::test]
async fn an_organisations_follow_up_finds_its_owner_among_many_accounts() {
    let app = TestApp::spawn().await;
    let layla = among_many_accounts(&app, "Layla Mansour").await.to_string();
    let org = tadamun_store::directory::create(
        &app.db,
        &Actor::System,
        tadamun_core::directory::OrganisationInput {
            name: "Dakar Media Collective".into(),
            country: "SN".into(),
            visibility: Some("network".into()),
            ..Default::default()
        }
        .validate(&[])
        .unwrap(),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    let path = format!("/organisations/{}", org.id);
    let client = coordinator(&app).await;

    let page = get(&app, &client, &path).await;
    assert!(!page.contains("Filler Account"), "no list of every account");
    assert!(page.contains("name=\"owner_find\""));

    let typed = [
        ("next_step", "Send the media kit"),
        ("next_step_due", "2026-12-31"),
    ];
    let (status, _, page) = app
        .post_form(
            &client,
            &format!("{path}/outreach"),
            &with(
                &typed,
                &[("owner", ""), ("owner_find", "layla"), ("find", "owner")],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("value=\"Send the media kit\""),
        "what was typed is kept"
    );
    assert!(page.contains(&format!(
        "id=\"owner-{layla}\" name=\"owner\" value=\"{layla}\">"
    )));
    assert!(!page.contains("Filler Account"));
    let stored =
        tadamun_store::directory::get(&app.db, &tadamun_core::visibility::Viewer::System, &org.id)
            .await
            .unwrap();
    assert_eq!(stored.outreach.owner, None, "finding saves nothing");
    assert_eq!(stored.outreach.next_step, None);

    // A refused form keeps the owner ticked and what was typed.
    let (status, _, page) = app
        .post_form(
            &client,
            &format!("{path}/outreach"),
            &with(
                &[
                    ("next_step", "Send the media kit"),
                    ("next_step_due", "31/12/2026"),
                ],
                &[("owner", &layla)],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(page.contains(&format!(
        "id=\"owner-{layla}\" name=\"owner\" value=\"{layla}\" checked"
    )));
    assert!(page.contains("value=\"31/12/2026\""));

    let (status, _, page) = app
        .post_form(
            &client,
            &format!("{path}/outreach"),
            &with(&typed, &[("owner", &layla)]),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let stored =
        tadamun_store::directory::get(&app.db, &tadamun_core::visibility::Viewer::System, &org.id)
            .await
            .unwrap();
    assert_eq!(
        stored.outreach.owner.map(|o| o.to_string()),
        Some(layla.clone())
    );
    let page = get(&app, &client, &path).await;
    assert!(
        page.contains("<bdi>Layla Mansour</bdi>"),
        "the owner is named"
    );
    assert!(page.contains(&format!(
        "id=\"owner-{layla}\" name=\"owner\" value=\"{layla}\" checked"
    )));
}

#[tokio::test]
async fn a_meeting_action_item_finds_its_owner_and_keeps_what_was_typed() {
    let l = large().await;
    let app = &l.app;
    let client = coordinator(app).await;
    let green = app.org("Green Earth Alliance", "network").await;
    let media = group(app, "Green Media Group").await;
    let grp = format!("group:{media}");
    let meeting = with(
        &[
            ("kind", "workshop"),
            ("title", "Spring workshop"),
            ("start", "2026-03-30T10:00"),
            ("time_zone", "Europe/Paris"),
            ("duration", "120"),
            ("link", "https://meet.example.org/spring"),
        ],
        &[],
    );
    let (status, location, page) = app.post_form(&client, "/meetings", &meeting).await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let id = saved_id(&location);
    let meeting_id = tadamun_core::ids::MeetingId::parse(&id).unwrap();
    let actions = async || {
        tadamun_store::groups::meetings::actions(&app.db, &meeting_id)
            .await
            .unwrap()
    };

    let page = get(app, &client, &format!("/meetings/{id}")).await;
    assert!(!page.contains("Filler Union"), "no whole directory");
    assert!(page.contains("name=\"owner_find\""));

    let path = format!("/meetings/{id}/actions");
    let typed = [("text", "Draft the press brief"), ("due", "2026-04-10")];
    let (status, _, page) = app
        .post_form(
            &client,
            &path,
            &with(
                &typed,
                &[("owner", ""), ("owner_find", "green"), ("find", "owner")],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("value=\"Draft the press brief\"") && page.contains("value=\"2026-04-10\"")
    );
    assert!(page.contains(&format!("value=\"{grp}\">")));
    assert!(page.contains(&format!("value=\"organisation:{}\">", green.id)));
    assert!(!page.contains("Filler Union"));
    assert!(actions().await.is_empty(), "finding saves nothing");

    let (status, _, page) = app
        .post_form(&client, &path, &with(&[("text", "")], &[("owner", &grp)]))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains(&format!("value=\"{grp}\" checked")), "{page}");
    assert!(actions().await.is_empty());

    let (status, _, page) = app
        .post_form(&client, &path, &with(&typed, &[("owner", &grp)]))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    let stored = actions().await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].fields.owner, Some(Owner::Group(media)));
    let page = get(app, &client, &format!("/meetings/{id}")).await;
    assert!(page.contains("Draft the press brief") && page.contains("Green Media Group"));
}

#[tokio::test]
async fn a_translation_finds_its_translator_among_many_accounts() {
    let app = TestApp::spawn().await;
    let layla = among_many_accounts(&app, "Layla Mansour").await.to_string();
    let own = app.org("Sauti ya Haki", "network").await;
    let token = app.token_of(Role::Coordinator).await;
    let (_, item) = crate::content::campaign_with_item(&app, &token, own.id.as_str()).await;
    let path = format!("/content/{item}/translations/en");
    let assignee_of = async || {
        tadamun_store::campaigns::content::translation_of(
            &app.db,
            &tadamun_core::ids::ContentItemId::parse(&item).unwrap(),
            &tadamun_core::languages::LanguageCode::parse("lang", "en").unwrap(),
        )
        .await
        .unwrap()
        .fields
        .assignee
        .map(|a| a.to_string())
    };
    let client = coordinator(&app).await;

    let page = get(&app, &client, &path).await;
    assert!(!page.contains("Filler Account"), "no list of every account");
    assert!(page.contains("name=\"assignee_find\""));

    let typed = [("title", "Press release"), ("due", "2026-12-31")];
    let (status, _, page) = app
        .post_form(
            &client,
            &path,
            &with(
                &typed,
                &[
                    ("assignee", ""),
                    ("assignee_find", "layla"),
                    ("find", "assignee"),
                ],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(
        page.contains("value=\"Press release\""),
        "what was typed is kept"
    );
    assert!(page.contains(&format!(
        "id=\"assignee-{layla}\" name=\"assignee\" value=\"{layla}\">"
    )));
    assert!(!page.contains("Filler Account"));
    assert_eq!(assignee_of().await, None, "finding saves nothing");

    // A refused form keeps the translator ticked and what was typed.
    let (status, _, page) = app
        .post_form(
            &client,
            &path,
            &with(
                &[("title", "Press release"), ("due", "31/12/2026")],
                &[("assignee", &layla)],
            ),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{page}");
    assert!(page.contains(&format!(
        "id=\"assignee-{layla}\" name=\"assignee\" value=\"{layla}\" checked"
    )));
    assert!(page.contains("value=\"31/12/2026\""));
    assert_eq!(assignee_of().await, None);

    let (status, _, page) = app
        .post_form(&client, &path, &with(&typed, &[("assignee", &layla)]))
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{page}");
    assert_eq!(assignee_of().await, Some(layla.clone()));
    let page = get(&app, &client, &format!("/content/{item}")).await;
    assert!(
        page.contains("Layla Mansour"),
        "the item names its translator"
    );

    // A translator who may not see the accounts is offered only themselves.
    let outsider = app.user(Role::Member, None).await;
    let (status, _, _) = app
        .post_form(
            &client,
            &path,
            &with(&typed, &[("assignee", outsider.id.as_str())]),
        )
        .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let theirs = app.signed_in(&outsider).await;
    let page = get(&app, &theirs, &path).await;
    let me = outsider.id.to_string();
    assert!(page.contains(&format!(
        "id=\"assignee-{me}\" name=\"assignee\" value=\"{me}\" checked"
    )));
    assert!(!page.contains("Layla Mansour") && !page.contains("Filler Account"));
    assert!(!page.contains("name=\"assignee_find\""));
}
