use chrono::NaiveDate;
use tadamun_core::audit::Actor;
use tadamun_core::plans::{
    Dependency, IndicatorInput, MeasurementInput, PlanItemFields, PlanItemInput, Status,
};
use tadamun_core::{Invalid, Problem};
use tadamun_store::plans::{self, indicators};
use tadamun_store::{Db, StoreError};

use crate::fresh;

fn input(
    level: &str,
    parent: Option<&tadamun_core::ids::PlanItemId>,
    title: &str,
    start: &str,
    due: &str,
) -> PlanItemFields {
    PlanItemInput {
        level: level.into(),
        parent: parent.map(|p| p.to_string()),
        title: title.into(),
        start: Some(start.into()),
        due: Some(due.into()),
        ..Default::default()
    }
    .validate()
    .unwrap()
}

async fn add(db: &Db, fields: PlanItemFields) -> tadamun_core::plans::PlanItem {
    plans::create(db, &Actor::System, fields).await.unwrap()
}

/// Enters `value` measured on `date` for `ind`.
async fn measure(
    db: &Db,
    ind: &tadamun_core::plans::indicators::Indicator,
    date: &str,
    value: &str,
) -> tadamun_core::plans::indicators::Measurement {
    let m = MeasurementInput {
        date: date.into(),
        value: value.into(),
        ..Default::default()
    }
    .validate(&ind.fields)
    .unwrap();
    indicators::measure(db, &Actor::System, &ind.id, m)
        .await
        .unwrap()
}

fn invalid(e: StoreError) -> Invalid {
    match e {
        StoreError::Invalid(i) => i,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_plan_tree_rolls_progress_up_from_its_actions() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input(
            "plan",
            None,
            "Unified media strategy 2026–2027",
            "2026-01-01",
            "2027-12-31",
        ),
    )
    .await;
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Content in six languages",
            "2026-01-01",
            "2027-06-30",
        ),
    )
    .await;
    let initiative = add(
        &t.db,
        input(
            "initiative",
            Some(&objective.id),
            "Swahili desk",
            "2026-02-01",
            "2026-12-31",
        ),
    )
    .await;
    let mut done = input(
        "action",
        Some(&initiative.id),
        "Recruit two translators",
        "2026-02-01",
        "2026-03-31",
    );
    done.status = Status::Done;
    add(&t.db, done).await;
    add(
        &t.db,
        input(
            "action",
            Some(&initiative.id),
            "Publish weekly",
            "2026-04-01",
            "2026-12-31",
        ),
    )
    .await;
    let mut cancelled = input(
        "action",
        Some(&initiative.id),
        "Print edition",
        "2026-04-01",
        "2026-06-30",
    );
    cancelled.status = Status::Cancelled;
    add(&t.db, cancelled).await;

    let tree = plans::tree(&t.db, &plan.id).await.unwrap();
    assert_eq!(tree.items.len(), 6);
    assert_eq!(tree.items[0].id, plan.id);
    // One of two counted actions is done; the cancelled one does not count.
    assert_eq!(tree.progress.get(&initiative.id).copied(), Some(50.0));
    assert_eq!(tree.progress.get(&plan.id).copied(), Some(50.0));
    assert_eq!(plans::plans(&t.db).await.unwrap().len(), 1);
}

#[tokio::test]
async fn items_out_of_place_are_refused_and_nothing_is_stored() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input("plan", None, "Legal track", "2026-01-01", "2026-12-31"),
    )
    .await;
    // An action directly under a plan skips two levels.
    let e = plans::create(
        &t.db,
        &Actor::System,
        input(
            "action",
            Some(&plan.id),
            "File a complaint",
            "2026-02-01",
            "2026-03-01",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(invalid(e), Invalid::new("parent", Problem::ParentLevel));
    // An objective that ends after its plan.
    let e = plans::create(
        &t.db,
        &Actor::System,
        input(
            "objective",
            Some(&plan.id),
            "Cases",
            "2026-02-01",
            "2027-03-01",
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(invalid(e).problem, Problem::OutsideParent);
    // Moving the plan's end before its objective's.
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Cases",
            "2026-02-01",
            "2026-11-30",
        ),
    )
    .await;
    let shorter = input("plan", None, "Legal track", "2026-01-01", "2026-10-31");
    let e = plans::update(&t.db, &Actor::System, &plan.id, shorter)
        .await
        .unwrap_err();
    assert_eq!(invalid(e).problem, Problem::OutsideParent);
    let tree = plans::tree(&t.db, &plan.id).await.unwrap();
    assert_eq!(tree.items.len(), 2);
    assert_eq!(
        plans::get(&t.db, &plan.id).await.unwrap().fields.dates.due,
        NaiveDate::from_ymd_opt(2026, 12, 31)
    );
    assert_eq!(tree.items[1].id, objective.id);
}

#[tokio::test]
async fn dependencies_refuse_cycles_and_actions_that_start_too_early() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input("plan", None, "Boycott campaign", "2026-01-01", "2026-12-31"),
    )
    .await;
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Retailers drop the brand",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let initiative = add(
        &t.db,
        input(
            "initiative",
            Some(&objective.id),
            "Research and outreach",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let research = add(
        &t.db,
        input(
            "action",
            Some(&initiative.id),
            "Research supply chains",
            "2026-01-01",
            "2026-03-31",
        ),
    )
    .await;
    let letters = add(
        &t.db,
        input(
            "action",
            Some(&initiative.id),
            "Send letters",
            "2026-04-01",
            "2026-05-31",
        ),
    )
    .await;
    let early = add(
        &t.db,
        input(
            "action",
            Some(&initiative.id),
            "Press conference",
            "2026-02-01",
            "2026-02-02",
        ),
    )
    .await;

    plans::add_dependency(
        &t.db,
        &Actor::System,
        Dependency {
            before: research.id.clone(),
            after: letters.id.clone(),
        },
    )
    .await
    .unwrap();
    let e = plans::add_dependency(
        &t.db,
        &Actor::System,
        Dependency {
            before: letters.id.clone(),
            after: research.id.clone(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        invalid(e),
        Invalid::new("depends_on", Problem::DependencyCycle)
    );
    let e = plans::add_dependency(
        &t.db,
        &Actor::System,
        Dependency {
            before: research.id.clone(),
            after: early.id.clone(),
        },
    )
    .await
    .unwrap_err();
    assert_eq!(
        invalid(e),
        Invalid::new("depends_on", Problem::StartsBeforeDependency)
    );
    // Nor may the waiting action be moved before what it waits for.
    let mut moved = letters.fields.clone();
    moved.dates.start = NaiveDate::from_ymd_opt(2026, 3, 1);
    let e = plans::update(&t.db, &Actor::System, &letters.id, moved)
        .await
        .unwrap_err();
    assert_eq!(invalid(e).problem, Problem::StartsBeforeDependency);
    assert_eq!(
        plans::tree(&t.db, &plan.id)
            .await
            .unwrap()
            .dependencies
            .len(),
        1
    );
}

#[tokio::test]
async fn a_corrected_measurement_is_kept_in_the_history_and_the_forecast_uses_the_correction() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input(
            "plan",
            None,
            "Expansion into Africa",
            "2026-01-01",
            "2027-06-30",
        ),
    )
    .await;
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Members in every sub-region",
            "2026-01-01",
            "2027-06-30",
        ),
    )
    .await;
    let fields = IndicatorInput {
        name: "Member organisations in Africa".into(),
        unit: "organisations".into(),
        direction: "increase".into(),
        baseline: "3".into(),
        baseline_date: "2026-01-01".into(),
        target: "25".into(),
        target_date: "2027-06-30".into(),
        item: Some(objective.id.to_string()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let ind = indicators::create(&t.db, &Actor::System, fields)
        .await
        .unwrap();
    let mut last = None;
    for (date, value) in [
        ("2026-04-01", "6"),
        ("2026-07-01", "9"),
        ("2026-10-01", "12"),
    ] {
        last = Some(measure(&t.db, &ind, date, value).await);
    }
    let typo = last.unwrap();
    let corrected = MeasurementInput {
        date: "2026-10-01".into(),
        value: "13".into(),
        note: Some("two joined late".into()),
        ..Default::default()
    }
    .validate(&ind.fields)
    .unwrap();
    indicators::correct(&t.db, &Actor::System, &typo.id, corrected.clone())
        .await
        .unwrap();
    let again = indicators::correct(&t.db, &Actor::System, &typo.id, corrected)
        .await
        .unwrap_err();
    assert!(matches!(again, StoreError::Conflict));

    let current = indicators::measurements(&t.db, &ind.id).await.unwrap();
    let values: Vec<f64> = current.iter().map(|e| e.measurement.fields.value).collect();
    assert_eq!(values, [6.0, 9.0, 13.0]);
    let history = indicators::history(&t.db, &ind.id).await.unwrap();
    assert_eq!(history.len(), 4);
    assert!(
        history
            .iter()
            .any(|e| e.measurement.fields.value == 12.0 && e.replaced_by.is_some())
    );

    let points: Vec<_> = current
        .iter()
        .map(|e| e.measurement.fields.point())
        .collect();
    let forecast = ind.fields.forecast(&points);
    assert!(forecast.projected_value.is_some());
    // The indicator's progress counts in its objective's and plan's progress.
    let tree = plans::tree(&t.db, &plan.id).await.unwrap();
    let expected = ind.fields.progress(points.last());
    assert!((tree.progress[&objective.id] - expected).abs() < 1e-9);
    assert!((tree.progress[&plan.id] - expected).abs() < 1e-9);
    // The list of plans counts the corrected value too, not the one it replaced.
    let summaries = plans::summaries(&t.db, NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
        .await
        .unwrap();
    let listed = summaries.iter().find(|s| s.plan.id == plan.id).unwrap();
    assert!((listed.progress.unwrap() - expected).abs() < 1e-9);
}

#[tokio::test]
async fn measured_values_whole_or_not_read_back_exactly_in_the_tree() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input("plan", None, "Reach", "2026-01-01", "2027-06-30"),
    )
    .await;
    let fields = IndicatorInput {
        name: "Share of regions reached".into(),
        unit: "%".into(),
        direction: "increase".into(),
        baseline: "0".into(),
        baseline_date: "2026-01-01".into(),
        target: "100".into(),
        target_date: "2027-06-30".into(),
        item: Some(plan.id.to_string()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let ind = indicators::create(&t.db, &Actor::System, fields)
        .await
        .unwrap();
    let entered = [
        ("2026-02-01", "-3.5"),
        ("2026-03-01", "7"),
        ("2026-04-01", "0.1"),
        ("2026-05-01", "12.25"),
        ("2026-06-01", "1000000.125"),
        ("2026-07-01", "40"),
    ];
    for (date, value) in entered {
        measure(&t.db, &ind, date, value).await;
    }
    let tree = plans::tree(&t.db, &plan.id).await.unwrap();
    let points: Vec<(String, f64)> = tree.indicators[0]
        .points
        .iter()
        .map(|p| (p.date.to_string(), p.value))
        .collect();
    let expected: Vec<(String, f64)> = entered
        .iter()
        .map(|(d, v)| ((*d).to_owned(), v.parse().unwrap()))
        .collect();
    assert_eq!(points, expected);
    // The list of plans reads the latest the same way.
    let summaries = plans::summaries(&t.db, NaiveDate::from_ymd_opt(2026, 8, 1).unwrap())
        .await
        .unwrap();
    let listed = summaries.iter().find(|s| s.plan.id == plan.id).unwrap();
    assert!((listed.progress.unwrap() - 40.0).abs() < 1e-9);
}

#[tokio::test]
async fn a_kept_tree_and_summary_are_read_again_after_any_write_to_plans() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input(
            "plan",
            None,
            "Protective presence",
            "2026-01-01",
            "2027-06-30",
        ),
    )
    .await;
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Presence every week",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let initiative = add(
        &t.db,
        input(
            "initiative",
            Some(&objective.id),
            "Volunteer rotas",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let action = add(
        &t.db,
        input(
            "action",
            Some(&initiative.id),
            "Weekly rota",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let today = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
    let first = plans::tree(&t.db, &plan.id).await.unwrap();
    let again = plans::tree(&t.db, &plan.id).await.unwrap();
    assert!(
        std::sync::Arc::ptr_eq(&first, &again),
        "kept while nothing changed"
    );
    assert_eq!(
        plans::summaries(&t.db, today).await.unwrap()[0].progress,
        Some(0.0)
    );

    // A write through the repository.
    let mut fields = action.fields.clone();
    fields.percent = tadamun_core::plans::Percent::parse("40").unwrap();
    plans::update(&t.db, &Actor::System, &action.id, fields)
        .await
        .unwrap();
    let after = plans::tree(&t.db, &plan.id).await.unwrap();
    assert!(!std::sync::Arc::ptr_eq(&first, &after));
    assert_eq!(after.progress[&plan.id], 40.0);
    assert_eq!(
        plans::summaries(&t.db, today).await.unwrap()[0].progress,
        Some(40.0)
    );

    // A write that goes around the repositories is seen too: the version is raised by
    // the database, not by the code that writes.
    tadamun_store::testing::execute(
        &t.db,
        &format!(
            "UPDATE plan_items SET percent = 70 WHERE id = '{}'",
            action.id
        ),
    )
    .await
    .unwrap();
    let outside = plans::tree(&t.db, &plan.id).await.unwrap();
    assert_eq!(outside.progress[&plan.id], 70.0);
    assert_eq!(
        plans::summaries(&t.db, today).await.unwrap()[0].progress,
        Some(70.0)
    );
    tadamun_store::testing::execute(
        &t.db,
        &format!("DELETE FROM plan_items WHERE id = '{}'", action.id),
    )
    .await
    .unwrap();
    let gone = plans::tree(&t.db, &plan.id).await.unwrap();
    assert_eq!(gone.items.len(), 3);
    assert_eq!(
        plans::summaries(&t.db, today).await.unwrap()[0].progress,
        None
    );
}

#[tokio::test]
async fn an_owner_that_does_not_exist_is_refused_naming_the_field() {
    let t = fresh().await;
    for kind in ["group", "organisation", "person"] {
        let fields = PlanItemInput {
            level: "plan".into(),
            title: "A plan".into(),
            owner_kind: Some(kind.into()),
            owner: Some(tadamun_core::ids::PlanItemId::new().to_string()),
            ..Default::default()
        }
        .validate()
        .unwrap();
        let e = plans::create(&t.db, &Actor::System, fields)
            .await
            .unwrap_err();
        assert_eq!(
            invalid(e),
            Invalid::new("owner", Problem::UnknownValue),
            "{kind}"
        );
    }
    assert!(plans::plans(&t.db).await.unwrap().is_empty());
}

/// A write that reads first (here, the parent) waits for the writers before it: on
/// SQLite a transaction that began reading and then found another's commit would
/// fail at once with "database is locked".
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn many_people_adding_to_one_plan_at_once_all_succeed() {
    let t = fresh().await;
    let plan = add(
        &t.db,
        input("plan", None, "Boycott 2027", "2027-01-01", "2027-12-31"),
    )
    .await;
    let writers: Vec<_> = (0..48)
        .map(|n| {
            let db = t.db.clone();
            let fields = input(
                "objective",
                Some(&plan.id),
                &format!("Objective {n}"),
                "2027-02-01",
                "2027-11-30",
            );
            tokio::spawn(async move { plans::create(&db, &Actor::System, fields).await })
        })
        .collect();
    for writer in writers {
        writer.await.unwrap().unwrap();
    }
    let tree = plans::tree(&t.db, &plan.id).await.unwrap();
    assert_eq!(tree.items.len(), 49);
}

#[tokio::test]
async fn versions_read_with_a_session_serve_kept_trees_until_the_request_writes() {
    use tadamun_core::accounts::Role;
    use tadamun_store::accounts::{sessions, tokens};
    use tadamun_store::versions;

    let t = fresh().await;
    let plan = add(
        &t.db,
        input("plan", None, "Harvest season", "2026-01-01", "2027-06-30"),
    )
    .await;
    let objective = add(
        &t.db,
        input(
            "objective",
            Some(&plan.id),
            "Accompany farmers",
            "2026-01-01",
            "2026-12-31",
        ),
    )
    .await;
    let user = crate::add_user(&t.db, "rota@example.org", Role::Coordinator, None).await;
    let secret = sessions::create(&t.db, &user.id).await.unwrap();
    let signed_in = sessions::user_for(&t.db, &secret).await.unwrap().unwrap();
    assert_eq!(signed_in.user.id, user.id);
    let (_, token) = tokens::create(&t.db, &Actor::System, &user.id, "rota sync")
        .await
        .unwrap();
    let by_token = tokens::user_for(&t.db, &token).await.unwrap().unwrap();
    assert_eq!(by_token.versions, signed_in.versions);
    let kept = plans::tree(&t.db, &plan.id).await.unwrap();

    versions::within(Some(signed_in.versions), async {
        // A write by someone else after the request began is not the request's to
        // see: it reads what stood when it began, without a query of its own.
        tadamun_store::testing::execute(
            &t.db,
            &format!(
                "UPDATE plan_items SET title = 'Accompany olive farmers' WHERE id = '{}'",
                objective.id
            ),
        )
        .await
        .unwrap();
        let during = plans::tree(&t.db, &plan.id).await.unwrap();
        assert!(std::sync::Arc::ptr_eq(&kept, &during));

        // Its own write it reads at once, as every write committed before it.
        let mut fields = objective.fields.clone();
        fields.title = "Accompany farmers at the harvest".into();
        plans::update(&t.db, &Actor::System, &objective.id, fields)
            .await
            .unwrap();
        let after = plans::tree(&t.db, &plan.id).await.unwrap();
        assert!(!std::sync::Arc::ptr_eq(&kept, &after));
        assert_eq!(
            after.items[1].fields.title,
            "Accompany farmers at the harvest"
        );
    })
    .await;

    // The next request's versions are read afresh.
    let next = sessions::user_for(&t.db, &secret).await.unwrap().unwrap();
    assert_ne!(next.versions, signed_in.versions);
    versions::within(Some(next.versions), async {
        let tree = plans::tree(&t.db, &plan.id).await.unwrap();
        assert_eq!(
            tree.items[1].fields.title,
            "Accompany farmers at the harvest"
        );
    })
    .await;
}
