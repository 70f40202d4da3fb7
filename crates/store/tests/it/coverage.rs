use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::coverage::targets::TargetInput;
use tadamun_core::directory::{FocusAreaInput, FocusCode, OrganisationInput, Stage};
use tadamun_core::ids::{OrganisationId, UserId};
use tadamun_core::visibility::Viewer;
use tadamun_store::directory::focus;
use tadamun_store::{coverage, directory};

use crate::fresh;

async fn add(
    db: &tadamun_store::Db,
    name: &str,
    country: &str,
    focus_areas: &str,
    visibility: &str,
    stage: Stage,
) -> OrganisationId {
    let known = focus::list(db).await.unwrap();
    let fields = OrganisationInput {
        name: name.into(),
        country: country.into(),
        focus_areas: vec![focus_areas.into()],
        visibility: Some(visibility.into()),
        ..Default::default()
    }
    .validate(&known)
    .unwrap();
    directory::create(db, &Actor::System, fields, stage)
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn coverage_counts_what_the_viewer_may_see_by_country_and_region() {
    let t = fresh().await;
    add(
        &t.db,
        "Nairobi Legal Aid",
        "KE",
        "legal",
        "public",
        Stage::Member,
    )
    .await;
    add(
        &t.db,
        "Mombasa Voices",
        "KE",
        "media",
        "restricted",
        Stage::Member,
    )
    .await;
    add(
        &t.db,
        "Dakar Collective",
        "SN",
        "media",
        "public",
        Stage::Engaged,
    )
    .await;
    add(
        &t.db,
        "Paris BDS",
        "FR",
        "economic",
        "network",
        Stage::Partner,
    )
    .await;

    let public = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert_eq!(public.country("KE").members, 1);
    assert_eq!(public.country("FR").partners, 0);
    let coordinator = Viewer::User {
        id: UserId::new(),
        role: Role::Coordinator,
        organisation: None,
    };
    let all = coverage::counts(&t.db, &coordinator, None).await.unwrap();
    assert_eq!(all.country("KE").members, 2);
    assert_eq!(all.country("SN").prospects, 1);
    let africa = tadamun_core::geo::region("002").unwrap();
    assert_eq!(all.region(africa).members, 2);
    assert_eq!(all.region(africa).prospects, 1);

    let media = FocusCode::parse("focus", "media").unwrap();
    let by_focus = coverage::counts(&t.db, &coordinator, Some(&media))
        .await
        .unwrap();
    assert_eq!(by_focus.country("KE").members, 1);
    assert_eq!(by_focus.country("FR").partners, 0);
}

#[tokio::test]
async fn a_target_keeps_its_fields_and_loses_a_removed_focus_area() {
    let t = fresh().await;
    let known = focus::list(&t.db).await.unwrap();
    let fields = TargetInput {
        region: "014".into(),
        counts: "members_partners".into(),
        focus: Some("Médias".into()),
        target: "10".into(),
        deadline: "2027-12-31".into(),
        ..Default::default()
    }
    .validate(&known)
    .unwrap();
    let target = coverage::create_target(&t.db, &Actor::System, fields.clone())
        .await
        .unwrap();
    assert_eq!(coverage::targets(&t.db).await.unwrap()[0].fields, fields);

    focus::delete(
        &t.db,
        &Actor::System,
        &FocusCode::parse("code", "media").unwrap(),
    )
    .await
    .unwrap();
    let after = coverage::target_by_id(&t.db, &target.id).await.unwrap();
    assert_eq!(after.fields.focus, None);
}

#[tokio::test]
async fn removing_a_focus_area_takes_it_off_every_organisation_and_renaming_keeps_it() {
    let t = fresh().await;
    add(
        &t.db,
        "Nairobi Legal Aid",
        "KE",
        "legal; media",
        "public",
        Stage::Member,
    )
    .await;
    add(
        &t.db,
        "Dakar Collective",
        "SN",
        "media",
        "public",
        Stage::Member,
    )
    .await;
    let media = FocusCode::parse("code", "media").unwrap();
    let mut renamed = focus::list(&t.db)
        .await
        .unwrap()
        .into_iter()
        .find(|a| a.code == media)
        .unwrap();
    renamed.names.en = "Media and communication".into();
    focus::rename(&t.db, &Actor::System, &media, renamed.names.clone())
        .await
        .unwrap();
    assert_eq!(
        focus::usage(&t.db, std::slice::from_ref(&media))
            .await
            .unwrap(),
        [2]
    );

    focus::delete(&t.db, &Actor::System, &media).await.unwrap();
    let orgs = directory::all(&t.db, &Viewer::System, &Default::default())
        .await
        .unwrap();
    let codes: Vec<Vec<&str>> = orgs
        .iter()
        .map(|o| o.fields.focus_areas.iter().map(FocusCode::as_str).collect())
        .collect();
    assert_eq!(codes, [vec!["legal"], vec![]]);
    assert!(
        focus::list(&t.db)
            .await
            .unwrap()
            .iter()
            .all(|a| a.code != media)
    );
}

#[tokio::test]
async fn a_focus_area_code_cannot_be_added_twice() {
    let t = fresh().await;
    let area = FocusAreaInput {
        code: "legal".into(),
        name_en: "Law".into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let err = focus::create(&t.db, &Actor::System, &area)
        .await
        .unwrap_err();
    assert!(matches!(
        err,
        tadamun_store::StoreError::Taken { field: "code" }
    ));
}

#[tokio::test]
async fn kept_coverage_counts_follow_every_write_to_organisations_and_each_readers_scope() {
    let t = fresh().await;
    add(&t.db, "Kisumu Aid", "KE", "legal", "public", Stage::Member).await;
    let anonymous = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert_eq!(anonymous.country("KE").members, 1);
    let again = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert!(std::sync::Arc::ptr_eq(&anonymous, &again), "kept");

    // A restricted organisation counts for its own members only.
    let lamu = add(
        &t.db,
        "Lamu Voices",
        "KE",
        "media",
        "restricted",
        Stage::Member,
    )
    .await;
    let member_of = |organisation| Viewer::User {
        id: UserId::new(),
        role: Role::Member,
        organisation: Some(organisation),
    };
    let own = coverage::counts(&t.db, &member_of(lamu), None)
        .await
        .unwrap();
    assert_eq!(own.country("KE").members, 2);
    let other = directory::create(
        &t.db,
        &Actor::System,
        OrganisationInput {
            name: "Accra Forum".into(),
            country: "GH".into(),
            visibility: Some("public".into()),
            ..Default::default()
        }
        .validate(&focus::list(&t.db).await.unwrap())
        .unwrap(),
        Stage::Partner,
    )
    .await
    .unwrap();
    let theirs = coverage::counts(&t.db, &member_of(other.id), None)
        .await
        .unwrap();
    assert_eq!(theirs.country("KE").members, 1);
    assert_eq!(theirs.country("GH").partners, 1);

    // Writes that bypass the repositories are counted at once too.
    let anonymous = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert_eq!(anonymous.country("KE").members, 1);
    assert_eq!(anonymous.country("GH").partners, 1);
    tadamun_store::testing::execute(
        &t.db,
        "UPDATE organisations SET stage = 'partner' WHERE name = 'Kisumu Aid'",
    )
    .await
    .unwrap();
    let anonymous = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert_eq!(anonymous.country("KE").members, 0);
    assert_eq!(anonymous.country("KE").partners, 1);
    tadamun_store::testing::execute(&t.db, "DELETE FROM organisations WHERE country = 'GH'")
        .await
        .unwrap();
    let anonymous = coverage::counts(&t.db, &Viewer::Anonymous, None)
        .await
        .unwrap();
    assert_eq!(anonymous.country("GH").partners, 0);
}
