use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::{Funnel, OutreachInput, Stage};
use tadamun_core::ids::UserId;
use tadamun_core::visibility::Viewer;
use tadamun_core::{Invalid, Problem};
use tadamun_store::StoreError;
use tadamun_store::directory::{self, outreach};

use crate::{add_user, fresh, org_fields};

fn admin() -> Viewer {
    Viewer::User {
        id: UserId::new(),
        role: Role::Admin,
        organisation: None,
    }
}

#[tokio::test]
async fn stages_move_only_as_the_pipeline_allows_and_keep_their_history() {
    let t = fresh().await;
    let coordinator = add_user(&t.db, "c@example.org", Role::Coordinator, None).await;
    let actor = Actor::User(coordinator.id.clone());
    let org = directory::create(
        &t.db,
        &actor,
        org_fields("Ghana Students for Justice", "network"),
        Stage::Prospect,
    )
    .await
    .unwrap();

    let skip = outreach::move_stage(&t.db, &actor, &org.id, Stage::Member, None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            skip,
            StoreError::Invalid(Invalid {
                field: "stage",
                problem: Problem::StageMove
            })
        ),
        "{skip}"
    );

    outreach::move_stage(
        &t.db,
        &actor,
        &org.id,
        Stage::Contacted,
        Some("Met at the Accra forum"),
    )
    .await
    .unwrap();
    let moved = outreach::move_stage(&t.db, &actor, &org.id, Stage::Engaged, None)
        .await
        .unwrap();
    assert_eq!(moved.stage, Stage::Engaged);
    assert_eq!(
        directory::get(&t.db, &admin(), &org.id)
            .await
            .unwrap()
            .stage,
        Stage::Engaged
    );

    let history = outreach::history(&t.db, &admin(), &org.id).await.unwrap();
    let path: Vec<(Option<Stage>, Stage)> = history.iter().map(|c| (c.from, c.to)).collect();
    assert_eq!(
        path,
        [
            (None, Stage::Prospect),
            (Some(Stage::Prospect), Stage::Contacted),
            (Some(Stage::Contacted), Stage::Engaged)
        ]
    );
    assert_eq!(history[1].note.as_deref(), Some("Met at the Accra forum"));
    assert!(history.iter().all(|c| c.by == "c@example.org"));
}

#[tokio::test]
async fn the_funnel_is_computed_from_the_stored_histories() {
    let t = fresh().await;
    for (name, stage) in [
        ("A", Stage::Prospect),
        ("B", Stage::Contacted),
        ("C", Stage::Engaged),
    ] {
        let org = directory::create(
            &t.db,
            &Actor::System,
            org_fields(name, "public"),
            Stage::Prospect,
        )
        .await
        .unwrap();
        let path: &[Stage] = match stage {
            Stage::Contacted => &[Stage::Contacted],
            Stage::Engaged => &[Stage::Contacted, Stage::Engaged],
            _ => &[],
        };
        for s in path {
            outreach::move_stage(&t.db, &Actor::System, &org.id, *s, None)
                .await
                .unwrap();
        }
    }
    let histories = outreach::histories(&t.db, &admin(), &Default::default())
        .await
        .unwrap();
    let funnel = Funnel::compute(&histories, i64::MAX / 2);
    assert_eq!(funnel.conversion[0].2, Some(100.0 * 2.0 / 3.0));
    assert_eq!(funnel.conversion[1].2, Some(50.0));
    let anonymous = outreach::histories(&t.db, &Viewer::Anonymous, &Default::default())
        .await
        .unwrap();
    assert_eq!(
        anonymous.len(),
        3,
        "public organisations only; all three are public"
    );
}

#[tokio::test]
async fn stalled_and_my_next_steps_lists_find_the_right_organisations() {
    let t = fresh().await;
    let owner = add_user(&t.db, "o@example.org", Role::Coordinator, None).await;
    let open = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Open", "network"),
        Stage::Contacted,
    )
    .await
    .unwrap();
    directory::create(
        &t.db,
        &Actor::System,
        org_fields("Joined", "network"),
        Stage::Member,
    )
    .await
    .unwrap();
    let far_future = i64::MAX / 2;
    let stalled = outreach::stalled(&t.db, &admin(), &Default::default(), far_future)
        .await
        .unwrap();
    assert_eq!(
        stalled
            .iter()
            .map(|(o, _)| o.fields.name.as_str())
            .collect::<Vec<_>>(),
        ["Open"]
    );
    assert!(
        outreach::stalled(&t.db, &admin(), &Default::default(), 0)
            .await
            .unwrap()
            .is_empty()
    );

    let input = OutreachInput {
        owner: owner.id.to_string(),
        next_step: "Call about the harvest campaign".into(),
        next_step_due: "2027-01-15".into(),
    };
    outreach::set_outreach(&t.db, &Actor::System, &open.id, input.validate().unwrap())
        .await
        .unwrap();
    let mine = outreach::next_steps_of(&t.db, &admin(), &owner.id)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(
        mine[0].outreach.next_step.as_deref(),
        Some("Call about the harvest campaign")
    );
    assert_eq!(
        mine[0]
            .outreach
            .next_step_due
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-01-15")
    );

    let bad = OutreachInput {
        owner: UserId::new().to_string(),
        ..Default::default()
    };
    let err = outreach::set_outreach(&t.db, &Actor::System, &open.id, bad.validate().unwrap())
        .await
        .unwrap_err();
    assert!(
        matches!(err, StoreError::Invalid(Invalid { field: "owner", .. })),
        "{err}"
    );
}

#[tokio::test]
async fn look_alike_names_in_the_same_country_are_found_as_duplicates() {
    let t = fresh().await;
    directory::create(
        &t.db,
        &Actor::System,
        org_fields("Sauti ya Haki", "network"),
        Stage::Prospect,
    )
    .await
    .unwrap();
    let same = org_fields("  SAUTI ya haki! ", "public");
    assert!(
        directory::find_duplicate(&t.db, &same)
            .await
            .unwrap()
            .is_some()
    );
    let mut elsewhere = org_fields("Sauti ya Haki", "public");
    elsewhere.country = tadamun_core::directory::CountryCode::parse("TZ").unwrap();
    assert!(
        directory::find_duplicate(&t.db, &elsewhere)
            .await
            .unwrap()
            .is_none()
    );
}
