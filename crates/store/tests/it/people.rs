use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::Stage;
use tadamun_core::directory::people::{PersonFields, PersonInput};
use tadamun_core::ids::UserId;
use tadamun_core::page::PageRequest;
use tadamun_core::visibility::Viewer;
use tadamun_store::directory::people::{self, PersonFilter};
use tadamun_store::{StoreError, audit, directory};

use crate::{fresh, org_fields};

fn viewer(role: Role) -> Viewer {
    Viewer::User {
        id: UserId::new(),
        role,
        organisation: None,
    }
}

fn person(name: &str, alias: Option<&str>, visibility: &str) -> PersonFields {
    PersonInput {
        display_name: name.into(),
        pseudonymous: alias.map(|_| "on".into()),
        alias: alias.map(Into::into),
        country: Some("PS".into()),
        languages: vec!["ar; en".into()],
        email: Some(format!(
            "{}@example.org",
            name.split(' ').next().unwrap().to_lowercase()
        )),
        visibility: Some(visibility.into()),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

async fn names_found(db: &tadamun_store::Db, viewer: &Viewer, text: &str) -> Vec<String> {
    let filter = PersonFilter {
        text: Some(text.into()),
        ..Default::default()
    };
    people::list(db, viewer, &filter, &PageRequest::first())
        .await
        .unwrap()
        .items
        .iter()
        .map(|p| p.seen_by(viewer).name)
        .collect()
}

#[tokio::test]
async fn only_coordinators_can_find_a_pseudonymous_person_by_their_real_name() {
    let t = fresh().await;
    people::create(
        &t.db,
        &Actor::System,
        person("Salma Haddad", Some("Falcon"), "network"),
    )
    .await
    .unwrap();
    let member = viewer(Role::Member);
    assert!(names_found(&t.db, &member, "Haddad").await.is_empty());
    assert_eq!(names_found(&t.db, &member, "falcon").await, ["Falcon"]);
    let coordinator = viewer(Role::Coordinator);
    assert_eq!(
        names_found(&t.db, &coordinator, "haddad").await,
        ["Salma Haddad"]
    );
}

#[tokio::test]
async fn restricted_people_are_seen_by_coordinators_only() {
    let t = fresh().await;
    let hidden = people::create(
        &t.db,
        &Actor::System,
        person("Khaled Najjar", None, "restricted"),
    )
    .await
    .unwrap();
    people::create(&t.db, &Actor::System, person("Amal Odeh", None, "public"))
        .await
        .unwrap();
    for (who, expected) in [
        (Viewer::Anonymous, 1),
        (viewer(Role::Viewer), 1),
        (viewer(Role::Member), 1),
        (viewer(Role::Coordinator), 2),
        (viewer(Role::Admin), 2),
    ] {
        let all = people::all(&t.db, &who, &PersonFilter::default())
            .await
            .unwrap();
        assert_eq!(all.len(), expected, "{who:?}");
        let got = people::get(&t.db, &who, &hidden.id).await;
        assert_eq!(got.is_ok(), expected == 2, "{who:?}");
    }
}

#[tokio::test]
async fn affiliations_are_kept_filtered_and_removed_with_the_organisation() {
    let t = fresh().await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Gaza Medics", "public"),
        Stage::Member,
    )
    .await
    .unwrap();
    let mut fields = person("Rana Saleh", None, "public");
    fields.affiliations = vec![tadamun_core::directory::people::Affiliation {
        organisation: org.id.clone(),
        role: Some("Coordinator".into()),
    }];
    let p = people::create(&t.db, &Actor::System, fields).await.unwrap();
    people::create(&t.db, &Actor::System, person("Omar Aziz", None, "public"))
        .await
        .unwrap();
    let filter = PersonFilter {
        organisation: Some(org.id.clone()),
        ..Default::default()
    };
    let listed = people::all(&t.db, &Viewer::System, &filter).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(
        listed[0].fields.affiliations[0].role.as_deref(),
        Some("Coordinator")
    );

    directory::delete(&t.db, &Actor::System, &org.id)
        .await
        .unwrap();
    let after = people::get(&t.db, &Viewer::System, &p.id).await.unwrap();
    assert!(after.fields.affiliations.is_empty());
}

#[tokio::test]
async fn an_affiliation_to_a_missing_organisation_is_refused_and_nothing_is_stored() {
    let t = fresh().await;
    let mut fields = person("Rana Saleh", None, "public");
    fields.affiliations = vec![tadamun_core::directory::people::Affiliation {
        organisation: tadamun_core::ids::OrganisationId::new(),
        role: None,
    }];
    let err = people::create(&t.db, &Actor::System, fields)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(i) if i.field == "organisations"));
    assert_eq!(people::count(&t.db).await.unwrap(), 0);
}

#[tokio::test]
async fn every_change_to_a_person_is_in_the_audit_log() {
    let t = fresh().await;
    let p = people::create(&t.db, &Actor::System, person("Amal Odeh", None, "public"))
        .await
        .unwrap();
    let mut changed = p.fields.clone();
    changed.display_name = "Amal Odeh-Khalil".into();
    people::update(&t.db, &Actor::System, &p.id, changed)
        .await
        .unwrap();
    people::delete(&t.db, &Actor::System, &p.id).await.unwrap();
    let entries = audit::list(&t.db, &Default::default(), &PageRequest::first())
        .await
        .unwrap()
        .items;
    let actions: Vec<_> = entries
        .iter()
        .filter(|e| e.entity == "person")
        .map(|e| e.action.as_str())
        .collect();
    assert_eq!(actions.len(), 3, "{actions:?}");
}
