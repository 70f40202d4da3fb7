use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::search::{Kind, Query};
use tadamun_core::visibility::Viewer;
use tadamun_store::search::{self, SearchFilter};
use tadamun_store::{Db, campaigns, demo, directory, testing};

use crate::{fresh, org_fields};

fn user(role: Role, organisation: Option<OrganisationId>) -> Viewer {
    Viewer::User {
        id: UserId::new(),
        role,
        organisation,
    }
}

/// The titles `viewer` finds for `q` among records of `kind`.
async fn titles(db: &Db, viewer: &Viewer, q: &str, kind: Kind) -> Vec<String> {
    let query = Query::parse(q, None).unwrap();
    let filter = SearchFilter {
        kind: Some(kind),
        lang: None,
        limit: 500,
    };
    search::search(db, viewer, &query, &filter)
        .await
        .unwrap()
        .iter()
        .flat_map(|g| &g.hits)
        .map(|h| h.title.clone())
        .collect()
}

async fn kinds(db: &Db, viewer: &Viewer, q: &str) -> Vec<Kind> {
    let query = Query::parse(q, None).unwrap();
    let filter = SearchFilter {
        limit: 10,
        ..Default::default()
    };
    search::search(db, viewer, &query, &filter)
        .await
        .unwrap()
        .iter()
        .map(|g| g.kind)
        .collect()
}

#[tokio::test]
async fn the_demo_is_indexed_in_every_kind_and_in_arabic() {
    let t = fresh().await;
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    let counts = search::counts(&t.db).await.unwrap();
    for kind in Kind::ALL {
        assert!(
            counts.get(kind.as_str()).copied().unwrap_or(0) > 0,
            "{kind:?}: {counts:?}"
        );
    }
    let viewer = user(Role::Viewer, None);
    // The Arabic name of the Moroccan association, without its article, its
    // prefixed preposition or its ta marbuta.
    let found = titles(&t.db, &viewer, "تضامن مغربيه", Kind::Organisation).await;
    assert!(
        found.contains(&"الجمعية المغربية للتضامن".to_owned()),
        "{found:?}"
    );
    // Content in Arabic, typed with hamza on the alef and marks.
    let found = titles(&t.db, &viewer, "أصْواتنا", Kind::Content).await;
    assert!(found.iter().any(|t| t.contains("أصواتنا")), "{found:?}");
    let found = titles(&t.db, &viewer, "Solidarite", Kind::Organisation).await;
    assert!(
        found.contains(&"Collectif Sénégal Solidarité".to_owned()),
        "{found:?}"
    );
    // Rebuilding gives the same entries.
    search::reindex(&t.db).await.unwrap();
    assert_eq!(search::counts(&t.db).await.unwrap(), counts);
}

#[tokio::test]
async fn a_pseudonymous_person_is_found_by_alias_and_never_by_the_legal_name() {
    let t = fresh().await;
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    let coordinator = user(Role::Coordinator, None);
    assert_eq!(
        titles(&t.db, &coordinator, "Falcon", Kind::Person).await,
        ["Falcon"]
    );
    for viewer in [Viewer::System, coordinator, user(Role::Viewer, None)] {
        assert!(
            titles(&t.db, &viewer, "حسام", Kind::Person)
                .await
                .is_empty()
        );
        assert!(
            titles(&t.db, &viewer, "Hodan Warsame", Kind::Person)
                .await
                .is_empty()
        );
    }
    // Restricted people are for coordinators and admins only.
    assert!(
        titles(&t.db, &user(Role::Viewer, None), "Falcon", Kind::Person)
            .await
            .is_empty()
    );
    assert!(
        titles(&t.db, &user(Role::Member, None), "Falcon", Kind::Person)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn anonymous_callers_find_only_public_records() {
    let t = fresh().await;
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    let signed_in = kinds(&t.db, &user(Role::Viewer, None), "voices").await;
    assert!(signed_in.contains(&Kind::Campaign), "{signed_in:?}");
    assert!(signed_in.contains(&Kind::Content), "{signed_in:?}");
    assert!(kinds(&t.db, &Viewer::Anonymous, "voices").await.is_empty());
    for q in ["solidarity", "justice", "media"] {
        for kind in kinds(&t.db, &Viewer::Anonymous, q).await {
            assert!(
                matches!(kind, Kind::Organisation | Kind::Person),
                "{q}: {kind:?}"
            );
        }
    }
    let public = titles(&t.db, &Viewer::Anonymous, "solidarity", Kind::Organisation).await;
    let network = titles(
        &t.db,
        &user(Role::Viewer, None),
        "solidarity",
        Kind::Organisation,
    )
    .await;
    assert!(
        !public.is_empty() && public.len() < network.len(),
        "{public:?} {network:?}"
    );
}

#[tokio::test]
async fn a_restricted_organisation_is_found_by_its_members_and_coordinators_only() {
    let t = fresh().await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Zebra Crossing Collective", "restricted"),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    let other = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Other Collective", "public"),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    let q = "zebra crossing";
    let k = Kind::Organisation;
    assert_eq!(
        titles(&t.db, &user(Role::Member, Some(org.id.clone())), q, k)
            .await
            .len(),
        1
    );
    assert_eq!(
        titles(&t.db, &user(Role::Coordinator, None), q, k)
            .await
            .len(),
        1
    );
    assert!(
        titles(&t.db, &user(Role::Member, Some(other.id)), q, k)
            .await
            .is_empty()
    );
    assert!(
        titles(&t.db, &user(Role::Viewer, None), q, k)
            .await
            .is_empty()
    );
    assert!(titles(&t.db, &Viewer::Anonymous, q, k).await.is_empty());
}

#[tokio::test]
async fn every_write_keeps_the_index_current_and_deletes_remove_entries() {
    let t = fresh().await;
    let viewer = user(Role::Coordinator, None);
    let k = Kind::Organisation;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Quokka Alliance", "public"),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    assert_eq!(
        titles(&t.db, &viewer, "quokk", k).await,
        ["Quokka Alliance"]
    );
    directory::update(
        &t.db,
        &Actor::System,
        &org.id,
        org_fields("Wombat Alliance", "public"),
    )
    .await
    .unwrap();
    assert!(titles(&t.db, &viewer, "quokka", k).await.is_empty());
    assert_eq!(
        titles(&t.db, &viewer, "wombats", k).await,
        ["Wombat Alliance"]
    );
    directory::delete(&t.db, &Actor::System, &org.id)
        .await
        .unwrap();
    assert!(titles(&t.db, &viewer, "wombat", k).await.is_empty());

    // A campaign's deletion takes its content's entries with it.
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    assert!(
        !titles(&t.db, &viewer, "Two million voices", Kind::Content)
            .await
            .is_empty()
    );
    let all = campaigns::list(&t.db, &Default::default()).await.unwrap();
    for campaign in all.iter() {
        campaigns::delete(&t.db, &Actor::System, &campaign.id)
            .await
            .unwrap();
    }
    assert!(
        titles(&t.db, &viewer, "Two million voices", Kind::Content)
            .await
            .is_empty()
    );
    assert!(
        titles(&t.db, &viewer, "voices", Kind::Campaign)
            .await
            .is_empty()
    );
}

#[tokio::test]
async fn an_index_of_an_older_form_is_rebuilt_when_the_database_is_migrated() {
    let t = fresh().await;
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    let counts = search::counts(&t.db).await.unwrap();
    testing::execute(&t.db, "DELETE FROM search_entries")
        .await
        .unwrap();
    testing::execute(&t.db, "UPDATE search_state SET form_version = 0")
        .await
        .unwrap();
    t.db.migrate().await.unwrap();
    assert_eq!(search::counts(&t.db).await.unwrap(), counts);
    let found = titles(
        &t.db,
        &Viewer::System,
        "Kenya Solidarity",
        Kind::Organisation,
    )
    .await;
    assert_eq!(found, ["Kenya Solidarity Network"]);
}

/// The ids `viewer` finds for `q` among records of `kind`.
async fn ids(db: &Db, viewer: &Viewer, q: &str, kind: Kind) -> Vec<String> {
    let query = Query::parse(q, None).unwrap();
    let filter = SearchFilter {
        kind: Some(kind),
        lang: None,
        limit: 50,
    };
    search::search(db, viewer, &query, &filter)
        .await
        .unwrap()
        .iter()
        .flat_map(|g| &g.hits)
        .map(|h| h.record_id.clone())
        .collect()
}

#[tokio::test]
async fn network_records_of_every_kind_are_found_by_every_signed_in_role_and_never_anonymously() {
    let t = fresh().await;
    demo::load(&t.db, Some("a long enough password"))
        .await
        .unwrap();
    let other = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Elsewhere Collective", "public"),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    let group = tadamun_store::groups::list(&t.db).await.unwrap().remove(0);
    let rec = tadamun_store::groups::recommendations::list(&t.db, &Default::default())
        .await
        .unwrap()
        .remove(0);
    let item = tadamun_store::plans::plans(&t.db).await.unwrap().remove(0);
    let campaign = campaigns::list(&t.db, &Default::default()).await.unwrap()[0].clone();
    let content = campaigns::content::of_campaign(&t.db, &campaign.id)
        .await
        .unwrap()
        .remove(0);
    let cases = [
        (Kind::Group, group.fields.name.clone(), group.id.to_string()),
        (
            Kind::Recommendation,
            rec.fields.text.clone(),
            rec.id.to_string(),
        ),
        (
            Kind::PlanItem,
            item.fields.title.clone(),
            item.id.to_string(),
        ),
        (
            Kind::Campaign,
            campaign.fields.name.clone(),
            campaign.id.to_string(),
        ),
        (
            Kind::Content,
            content.fields.title.clone(),
            content.id.to_string(),
        ),
    ];
    let signed_in = [
        Viewer::System,
        user(Role::Admin, None),
        user(Role::Coordinator, None),
        user(Role::Member, Some(other.id.clone())),
        user(Role::Viewer, None),
    ];
    for (kind, text, id) in cases {
        for viewer in &signed_in {
            let found = ids(&t.db, viewer, &text, kind).await;
            assert!(
                found.contains(&id),
                "{kind:?} {text} for {viewer:?}: {found:?}"
            );
        }
        assert!(
            ids(&t.db, &Viewer::Anonymous, &text, kind).await.is_empty(),
            "{kind:?}"
        );
    }
}

#[tokio::test]
async fn words_too_common_to_rank_every_match_give_the_most_recent_and_say_the_count_is_a_lower_bound()
 {
    let t = fresh().await;
    let sizes = demo::large::Sizes {
        organisations: 20,
        people: 20,
        audit_rows: 100,
        plans: 0,
        measurements: 0,
        events: 0,
        registrations: 0,
        campaigns: 10,
        content_items: 3_000,
    };
    demo::load_large(&t.db, None, sizes, |_, _| {})
        .await
        .unwrap();
    let find = |q: &'static str| {
        let db = &t.db;
        async move {
            let filter = SearchFilter {
                kind: Some(Kind::Content),
                lang: None,
                limit: 20,
            };
            let query = Query::parse(q, None).unwrap();
            let groups = search::search(db, &Viewer::System, &query, &filter)
                .await
                .unwrap();
            assert_eq!(groups.len(), 1, "{q}");
            groups[0].clone()
        }
    };

    // Every English body names "the campaign": more entries than are weighed.
    let broad = find("campaign").await;
    let search::Total::AtLeast(n) = broad.total else {
        panic!("{:?}", broad.total)
    };
    assert!(n > 0 && n <= search::BROAD, "{n}");
    assert_eq!(broad.hits.len(), 20);

    // A rarer word is ranked over every match and counted exactly.
    let narrow = find("uwajibikaji").await;
    let search::Total::Exactly(n) = narrow.total else {
        panic!("{:?}", narrow.total)
    };
    assert!(n > 20, "{n}");
    assert_eq!(narrow.hits.len(), 20);
}

#[tokio::test]
async fn kept_results_are_searched_again_after_any_write_to_the_index() {
    let t = fresh().await;
    let viewer = user(Role::Coordinator, None);
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Pangolin Relief", "public"),
        tadamun_core::directory::Stage::Prospect,
    )
    .await
    .unwrap();
    let query = Query::parse("pangolin", None).unwrap();
    let filter = SearchFilter {
        limit: 10,
        ..Default::default()
    };
    let first = search::search(&t.db, &viewer, &query, &filter)
        .await
        .unwrap();
    let again = search::search(&t.db, &viewer, &query, &filter)
        .await
        .unwrap();
    assert!(std::sync::Arc::ptr_eq(&first, &again), "kept");
    assert_eq!(first[0].hits[0].title, "Pangolin Relief");

    // Writes that bypass the repositories (as an operator's SQL would) are seen at once.
    testing::execute(
        &t.db,
        &format!(
            "UPDATE search_entries SET title = 'Pangolin Relief Fund' WHERE record_id = '{}'",
            org.id
        ),
    )
    .await
    .unwrap();
    let renamed = search::search(&t.db, &viewer, &query, &filter)
        .await
        .unwrap();
    assert_eq!(renamed[0].hits[0].title, "Pangolin Relief Fund");
    directory::delete(&t.db, &Actor::System, &org.id)
        .await
        .unwrap();
    assert!(
        search::search(&t.db, &viewer, &query, &filter)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn an_import_indexes_its_organisations_as_a_rebuild_of_the_index_would() {
    let t = fresh().await;
    let mut csv = String::from(
        "name,name_lang,name_ar,name_en,country,languages,description,city,visibility\n",
    );
    // More rows than one batch of the import and one statement of its inserts.
    for i in 0..2_500 {
        let line = match i % 3 {
            0 => format!(
                "الجمعية المغربية للتضامن {i},ar,,Moroccan Solidarity Association {i},MA,ar; fr,\"Défense des droits, «ensemble»\",الرباط,public\n"
            ),
            1 => format!(
                "Collectif Sénégal Solidarité {i},fr,التضامن السنغالي {i},,SN,fr; wo,Campagnes et plaidoyer,Dakar,network\n"
            ),
            _ => format!("Nairobi Lawyers Network {i},en,,,KE,en; sw,,Nairobi,restricted\n"),
        };
        csv.push_str(&line);
    }
    let parsed = tadamun_core::directory::import::parse(csv.as_bytes(), &[]).unwrap();
    assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
    let created = directory::import::commit(&t.db, &Actor::System, None, &parsed.rows)
        .await
        .unwrap();
    assert_eq!(created.len(), 2_500);
    assert_eq!(directory::count(&t.db).await.unwrap(), 2_500);

    let entries = "SELECT kind, record_id, lang, visibility, organisation_id, title, body, \
                   search_text FROM search_entries ORDER BY record_id, lang";
    let imported = testing::texts(&t.db, entries).await.unwrap();
    // One entry per organisation, and one more for each name in another language.
    assert_eq!(imported.len(), 2_500 + 1_667);
    search::reindex(&t.db).await.unwrap();
    let rebuilt = testing::texts(&t.db, entries).await.unwrap();
    assert_eq!(imported, rebuilt);

    let viewer = user(Role::Viewer, None);
    let found = titles(&t.db, &viewer, "تضامن مغربيه 2499", Kind::Organisation).await;
    assert_eq!(found, ["الجمعية المغربية للتضامن 2499"]);
}
