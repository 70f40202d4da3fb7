use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::Stage;
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::page::PageRequest;
use tadamun_core::visibility::{Named, Viewer, Visibility, can_see};
use tadamun_store::{StoreError, directory};

use crate::{fresh, org_fields};

/// The SQL filter of lists and the policy function must agree for every viewer and
/// every visibility.
#[tokio::test]
async fn lists_show_exactly_what_the_visibility_policy_allows() {
    let t = fresh().await;
    let mut orgs = Vec::new();
    for v in Visibility::ALL {
        orgs.push(
            directory::create(
                &t.db,
                &Actor::System,
                org_fields(v.as_str(), v.as_str()),
                Stage::Prospect,
            )
            .await
            .unwrap(),
        );
    }
    let restricted = orgs[2].id.clone();
    let mut viewers = vec![Viewer::Anonymous];
    for role in Role::ALL {
        for organisation in [None, Some(restricted.clone())] {
            viewers.push(Viewer::User {
                id: UserId::new(),
                role,
                organisation,
            });
        }
    }
    for viewer in &viewers {
        let listed: Vec<_> =
            directory::list(&t.db, viewer, &Default::default(), &PageRequest::first())
                .await
                .unwrap()
                .items
                .clone();
        for org in &orgs {
            let named = Named {
                users: vec![],
                organisation: Some(org.id.clone()),
            };
            let allowed = can_see(viewer, org.fields.visibility, &named);
            assert_eq!(
                listed.contains(org),
                allowed,
                "{viewer:?} / {}",
                org.fields.name
            );
            let got = directory::get(&t.db, viewer, &org.id).await;
            assert_eq!(got.is_ok(), allowed, "{viewer:?} / {}", org.fields.name);
            if !allowed {
                assert!(matches!(got, Err(StoreError::NotFound)));
            }
        }
        let count = directory::count_visible(&t.db, viewer).await.unwrap();
        assert_eq!(count, i64::try_from(listed.len()).unwrap());
        // Names shown beside other records, and pickers, follow the same policy.
        let ids: Vec<_> = orgs.iter().map(|o| &o.id).collect();
        let named = directory::names_of(&t.db, viewer, &ids).await.unwrap();
        let picked = directory::all_names(&t.db, viewer).await.unwrap();
        for org in &orgs {
            assert_eq!(
                named.get(org.id.as_str()),
                listed.contains(org).then_some(&org.fields.name),
                "{viewer:?}"
            );
            assert_eq!(
                picked.iter().any(|(id, _)| id == &org.id),
                listed.contains(org),
                "{viewer:?}"
            );
        }
    }
}

/// The names on the first page of organisations `viewer` gets.
async fn listed(db: &tadamun_store::Db, viewer: &Viewer) -> Vec<String> {
    directory::list(db, viewer, &Default::default(), &PageRequest::first())
        .await
        .unwrap()
        .items
        .iter()
        .map(|o| o.fields.name.clone())
        .collect()
}

/// The name `viewer` is shown for the organisation `id`, if any.
async fn name_seen(db: &tadamun_store::Db, viewer: &Viewer, id: &OrganisationId) -> Option<String> {
    directory::names_of(db, viewer, &[id])
        .await
        .unwrap()
        .remove(id.as_str())
}

#[tokio::test]
async fn kept_names_and_lists_follow_every_write_to_organisations() {
    let t = fresh().await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Kisumu Aid", "public"),
        Stage::Member,
    )
    .await
    .unwrap();
    let anonymous = Viewer::Anonymous;
    let member_of = |organisation: &OrganisationId| Viewer::User {
        id: UserId::new(),
        role: Role::Member,
        organisation: Some(organisation.clone()),
    };
    assert_eq!(
        name_seen(&t.db, &anonymous, &org.id).await.as_deref(),
        Some("Kisumu Aid")
    );
    assert_eq!(listed(&t.db, &anonymous).await, ["Kisumu Aid"]);

    directory::update(
        &t.db,
        &Actor::System,
        &org.id,
        org_fields("Kisumu Aid Network", "public"),
    )
    .await
    .unwrap();
    assert_eq!(
        name_seen(&t.db, &anonymous, &org.id).await.as_deref(),
        Some("Kisumu Aid Network")
    );
    assert_eq!(listed(&t.db, &anonymous).await, ["Kisumu Aid Network"]);

    // Writes that bypass the repositories are seen at once too, with the new
    // visibility applied to each reader.
    let other = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Accra Forum", "public"),
        Stage::Partner,
    )
    .await
    .unwrap();
    tadamun_store::testing::execute(
        &t.db,
        "UPDATE organisations SET visibility = 'restricted', name = 'Kisumu Circle' \
         WHERE name = 'Kisumu Aid Network'",
    )
    .await
    .unwrap();
    assert_eq!(name_seen(&t.db, &anonymous, &org.id).await, None);
    assert_eq!(name_seen(&t.db, &member_of(&other.id), &org.id).await, None);
    assert_eq!(
        name_seen(&t.db, &member_of(&org.id), &org.id)
            .await
            .as_deref(),
        Some("Kisumu Circle")
    );
    assert_eq!(listed(&t.db, &anonymous).await, ["Accra Forum"]);
    assert_eq!(listed(&t.db, &member_of(&other.id)).await, ["Accra Forum"]);
    assert_eq!(
        listed(&t.db, &member_of(&org.id)).await,
        ["Kisumu Circle", "Accra Forum"]
    );
    let picked = directory::all_names(&t.db, &member_of(&org.id))
        .await
        .unwrap();
    assert_eq!(
        picked.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>(),
        ["Accra Forum", "Kisumu Circle"]
    );

    tadamun_store::testing::execute(
        &t.db,
        "DELETE FROM organisations WHERE name = 'Kisumu Circle'",
    )
    .await
    .unwrap();
    assert_eq!(name_seen(&t.db, &Viewer::System, &org.id).await, None);
    assert_eq!(listed(&t.db, &member_of(&org.id)).await, ["Accra Forum"]);
    assert_eq!(
        name_seen(&t.db, &anonymous, &other.id).await.as_deref(),
        Some("Accra Forum")
    );
}

#[tokio::test]
async fn organisations_round_trip_every_field_including_arabic_text() {
    let t = fresh().await;
    let mut fields = org_fields("شبكة التضامن", "restricted");
    fields.city = Some("عمّان".into());
    fields.website = Some("https://example.org/تضامن".into());
    let created = directory::create(&t.db, &Actor::System, fields.clone(), Stage::Prospect)
        .await
        .unwrap();
    let read = directory::get(
        &t.db,
        &Viewer::User {
            id: UserId::new(),
            role: Role::Admin,
            organisation: None,
        },
        &created.id,
    )
    .await
    .unwrap();
    assert_eq!(read.fields, fields);
}

#[tokio::test]
async fn lists_filter_by_words_in_any_script_country_and_region() {
    use tadamun_store::directory::OrganisationFilter;
    let t = fresh().await;
    let admin = Viewer::User {
        id: UserId::new(),
        role: Role::Admin,
        organisation: None,
    };
    let mut add = Vec::new();
    for (name, country, city) in [
        ("شبكة التضامن الأردنية", "JO", "عمّان"),
        ("Collectif Sénégal Solidarité", "SN", "Dakar"),
        ("Kenya Solidarity Network", "KE", "Nairobi"),
        ("Association France Solidarité", "FR", "Lyon"),
    ] {
        let mut fields = org_fields(name, "public");
        fields.country = tadamun_core::directory::CountryCode::parse(country).unwrap();
        fields.city = Some(city.into());
        add.push(
            directory::create(&t.db, &Actor::System, fields, Stage::Prospect)
                .await
                .unwrap(),
        );
    }
    let names =
        |page: &tadamun_core::page::Page<tadamun_core::directory::Organisation>| -> Vec<String> {
            page.items.iter().map(|o| o.fields.name.clone()).collect()
        };
    let find = |filter: OrganisationFilter| {
        let db = t.db.clone();
        let admin = admin.clone();
        async move {
            names(
                &directory::list(&db, &admin, &filter, &PageRequest::first())
                    .await
                    .unwrap(),
            )
        }
    };
    let text = |s: &str| OrganisationFilter {
        text: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(
        find(text("الاردنيه")).await,
        ["شبكة التضامن الأردنية"],
        "hamza and ta marbuta variants"
    );
    assert_eq!(
        find(text("عمان")).await,
        ["شبكة التضامن الأردنية"],
        "shadda ignored"
    );
    assert_eq!(
        find(text("SENEGAL solidarite")).await,
        ["Collectif Sénégal Solidarité"]
    );
    assert_eq!(
        find(text("nairobi")).await,
        ["Kenya Solidarity Network"],
        "city is searched too"
    );
    assert_eq!(find(text("solidar")).await.len(), 3);
    let africa = OrganisationFilter {
        region: tadamun_core::geo::region("002"),
        ..Default::default()
    };
    assert_eq!(
        find(africa).await,
        ["Collectif Sénégal Solidarité", "Kenya Solidarity Network"]
    );
    let western_asia = OrganisationFilter {
        region: tadamun_core::geo::region("145"),
        ..Default::default()
    };
    assert_eq!(find(western_asia).await, ["شبكة التضامن الأردنية"]);
    let france = OrganisationFilter {
        country: Some(tadamun_core::directory::CountryCode::parse("fr").unwrap()),
        ..Default::default()
    };
    assert_eq!(find(france).await, ["Association France Solidarité"]);
}

#[tokio::test]
async fn names_in_every_language_focus_areas_and_languages_are_stored_searched_and_filtered() {
    let t = fresh().await;
    let known = directory::focus::list(&t.db).await.unwrap();
    let fields = tadamun_core::directory::OrganisationInput {
        name: "Jumuiya ya Mshikamano".into(),
        name_lang: Some("sw".into()),
        name_ar: Some("جمعيّة التضامن".into()),
        name_fr: Some("Association de solidarité".into()),
        country: "TZ".into(),
        focus_areas: vec!["legal".into(), "Médias".into()],
        languages: vec!["sw, en".into()],
        ..Default::default()
    }
    .validate(&known)
    .unwrap();
    let org = directory::create(&t.db, &Actor::System, fields.clone(), Stage::Prospect)
        .await
        .unwrap();
    let stored = directory::get(&t.db, &Viewer::System, &org.id)
        .await
        .unwrap();
    assert_eq!(stored.fields, fields);

    let find = |filter: directory::OrganisationFilter| {
        let db = t.db.clone();
        async move {
            directory::all(&db, &Viewer::System, &filter)
                .await
                .unwrap()
                .len()
        }
    };
    // Arabic without the shadda, French without accents, any case.
    for text in ["جمعية التضامن", "SOLIDARITE", "mshikamano"] {
        let filter = directory::OrganisationFilter {
            text: Some(text.into()),
            ..Default::default()
        };
        assert_eq!(find(filter).await, 1, "{text}");
    }
    let focus = |code: &str| directory::OrganisationFilter {
        focus: Some(tadamun_core::directory::FocusCode::parse("focus", code).unwrap()),
        ..Default::default()
    };
    assert_eq!(find(focus("media")).await, 1);
    assert_eq!(find(focus("health")).await, 0);
    let language = |code: &str| directory::OrganisationFilter {
        language: Some(tadamun_core::languages::LanguageCode::parse("language", code).unwrap()),
        ..Default::default()
    };
    assert_eq!(find(language("en")).await, 1);
    assert_eq!(find(language("ar")).await, 0);
}

#[tokio::test]
async fn rows_written_before_the_region_columns_are_found_by_region_after_a_restart() {
    let t = fresh().await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Nairobi Legal Aid", "public"),
        Stage::Member,
    )
    .await
    .unwrap();
    // As a row written before migration 8 looks.
    tadamun_store::testing::execute(
        &t.db,
        "UPDATE organisations SET region = NULL, subregion = NULL",
    )
    .await
    .unwrap();
    let in_africa = directory::OrganisationFilter {
        region: tadamun_core::geo::region("002"),
        ..Default::default()
    };
    assert!(
        directory::all(&t.db, &Viewer::System, &in_africa)
            .await
            .unwrap()
            .is_empty()
    );
    t.db.migrate().await.unwrap();
    let found = directory::all(&t.db, &Viewer::System, &in_africa)
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, org.id);
    let eastern = directory::OrganisationFilter {
        region: tadamun_core::geo::region("014"),
        ..Default::default()
    };
    assert_eq!(
        directory::all(&t.db, &Viewer::System, &eastern)
            .await
            .unwrap()
            .len(),
        1
    );
}
