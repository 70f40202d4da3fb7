//! The recommendations register on both databases: status moves with their history,
//! progress from linked items, the follow-up lists, and the demo's register.

use chrono::{Duration, Utc};
use tadamun_core::audit::Actor;
use tadamun_core::groups::{RecommendationInput, RecommendationStatus};
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::PlanItemInput;
use tadamun_core::{Invalid, Problem};
use tadamun_store::groups::meetings::{self, MeetingFilter};
use tadamun_store::groups::recommendations::{self, RecommendationFilter};
use tadamun_store::plans::{self, indicators};
use tadamun_store::{Db, StoreError, groups, testing};

use crate::fresh;
use crate::groups::{invalid, item};

async fn recommendation(db: &Db, text: &str, theme: &str) -> tadamun_core::groups::Recommendation {
    let fields = RecommendationInput {
        text: text.into(),
        theme: theme.into(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    recommendations::create(db, &Actor::System, fields)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_recommendation_moves_through_its_statuses_with_a_dated_history() {
    let t = fresh().await;
    let rec = recommendation(&t.db, "Open a legal desk in Nairobi", "legal").await;
    assert_eq!(rec.status, RecommendationStatus::Proposed);
    let skip = recommendations::change_status(
        &t.db,
        &Actor::System,
        &rec.id,
        RecommendationStatus::Implemented,
        "",
    )
    .await
    .unwrap_err();
    assert_eq!(invalid(skip), Invalid::new("status", Problem::StatusMove));
    let no_reason = recommendations::change_status(
        &t.db,
        &Actor::System,
        &rec.id,
        RecommendationStatus::Dropped,
        " ",
    )
    .await
    .unwrap_err();
    assert_eq!(
        invalid(no_reason),
        Invalid::new("reason", Problem::Required)
    );
    assert_eq!(
        recommendations::history(&t.db, &rec.id)
            .await
            .unwrap()
            .len(),
        1
    );

    for (to, reason) in [
        (RecommendationStatus::Adopted, ""),
        (RecommendationStatus::Dropped, "No lawyer available"),
        (RecommendationStatus::Proposed, "A lawyer volunteered"),
        (RecommendationStatus::Adopted, ""),
    ] {
        recommendations::change_status(&t.db, &Actor::System, &rec.id, to, reason)
            .await
            .unwrap();
    }
    let history = recommendations::history(&t.db, &rec.id).await.unwrap();
    let path: Vec<_> = history.iter().map(|c| (c.from, c.to)).collect();
    use RecommendationStatus::*;
    assert_eq!(
        path,
        [
            (None, Proposed),
            (Some(Proposed), Adopted),
            (Some(Adopted), Dropped),
            (Some(Dropped), Proposed),
            (Some(Proposed), Adopted),
        ]
    );
    assert_eq!(history[2].reason.as_deref(), Some("No lawyer available"));
    assert!(history.iter().all(|c| c.by == "system"));
    assert!(history.windows(2).all(|w| w[0].at <= w[1].at));
    let adopted = recommendations::list(
        &t.db,
        &RecommendationFilter {
            status: Some(Adopted),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(adopted.len(), 1);
}

#[tokio::test]
async fn progress_comes_from_linked_items_and_the_two_follow_up_lists_find_what_is_left() {
    let t = fresh().await;
    let plan = item(&t.db, "plan", None, "Media plan").await;
    let objective = item(&t.db, "objective", Some(&plan.id), "Reach").await;
    let initiative = item(&t.db, "initiative", Some(&objective.id), "Swahili desk").await;
    let done = PlanItemInput {
        level: "action".into(),
        parent: Some(initiative.id.to_string()),
        title: "Hire an editor".into(),
        status: Some("done".into()),
        ..Default::default()
    };
    let done = plans::create(&t.db, &Actor::System, done.validate().unwrap())
        .await
        .unwrap();
    assert_eq!(done.fields.title, "Hire an editor");
    let half = PlanItemInput {
        level: "action".into(),
        parent: Some(initiative.id.to_string()),
        title: "Translate the toolkit".into(),
        percent: Some("50".into()),
        ..Default::default()
    };
    let half = plans::create(&t.db, &Actor::System, half.validate().unwrap())
        .await
        .unwrap();

    let linked = recommendation(&t.db, "Publish in Swahili", "media").await;
    let bare = recommendation(&t.db, "Open an office in Dakar", "expansion").await;
    let proposed = recommendation(&t.db, "Monthly newsletter", "media").await;
    for rec in [&linked, &bare] {
        recommendations::change_status(
            &t.db,
            &Actor::System,
            &rec.id,
            RecommendationStatus::Adopted,
            "",
        )
        .await
        .unwrap();
    }
    recommendations::link(&t.db, &Actor::System, &linked.id, &done.id)
        .await
        .unwrap();
    recommendations::link(&t.db, &Actor::System, &linked.id, &half.id)
        .await
        .unwrap();
    recommendations::link(&t.db, &Actor::System, &linked.id, &half.id)
        .await
        .unwrap();
    let err = recommendations::link(&t.db, &Actor::System, &linked.id, &PlanItemId::new())
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("item", Problem::UnknownValue));
    let items = recommendations::linked(&t.db, &linked.id).await.unwrap();
    assert_eq!(items.len(), 2);
    assert_eq!(recommendations::progress_of(&items), Some(75.0));

    let unlinked = recommendations::unlinked(&t.db).await.unwrap();
    assert_eq!(
        unlinked.iter().map(|r| &r.id).collect::<Vec<_>>(),
        [&bare.id]
    );
    assert!(!unlinked.iter().any(|r| r.id == proposed.id));

    // Nothing is stale today; 31 days on, with nothing done, both adopted ones are.
    let now = Utc::now();
    assert!(
        recommendations::stale(&t.db, 30, now)
            .await
            .unwrap()
            .is_empty()
    );
    let later = now + Duration::days(31);
    let stale = recommendations::stale(&t.db, 30, later).await.unwrap();
    assert_eq!(stale.len(), 2);
    // Age every record by 40 days, then record a measurement on an indicator of the
    // initiative above a linked action's sibling: the linked recommendation is active again.
    let forty = 40 * 86_400_000_i64;
    for sql in [
        format!("UPDATE recommendations SET status_at = status_at - {forty}"),
        format!("UPDATE recommendation_items SET linked_at = linked_at - {forty}"),
        format!("UPDATE plan_items SET updated_at = updated_at - {forty}"),
    ] {
        testing::execute(&t.db, &sql).await.unwrap();
    }
    assert_eq!(
        recommendations::stale(&t.db, 30, now).await.unwrap().len(),
        2
    );
    let mut changed = half.fields.clone();
    changed.percent = tadamun_core::plans::Percent::parse("60").unwrap();
    plans::update(&t.db, &Actor::System, &half.id, changed)
        .await
        .unwrap();
    let stale = recommendations::stale(&t.db, 30, now).await.unwrap();
    assert_eq!(
        stale.iter().map(|(r, _)| &r.id).collect::<Vec<_>>(),
        [&bare.id]
    );
    assert_eq!(
        recommendations::progress_of(&recommendations::linked(&t.db, &linked.id).await.unwrap()),
        Some(80.0)
    );

    // A measurement on an indicator of a linked item counts as activity too.
    testing::execute(
        &t.db,
        &format!("UPDATE plan_items SET updated_at = updated_at - {forty}"),
    )
    .await
    .unwrap();
    recommendations::link(&t.db, &Actor::System, &bare.id, &objective.id)
        .await
        .unwrap();
    testing::execute(
        &t.db,
        &format!("UPDATE recommendation_items SET linked_at = linked_at - {forty}"),
    )
    .await
    .unwrap();
    assert_eq!(
        recommendations::stale(&t.db, 30, now).await.unwrap().len(),
        2
    );
    let ind = indicators::create(
        &t.db,
        &Actor::System,
        tadamun_core::plans::IndicatorInput {
            name: "Articles in Swahili".into(),
            unit: "articles".into(),
            direction: "increase".into(),
            baseline: "0".into(),
            baseline_date: "2026-01-01".into(),
            target: "40".into(),
            target_date: "2026-12-31".into(),
            item: Some(objective.id.to_string()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let m = tadamun_core::plans::MeasurementInput {
        date: "2026-03-01".into(),
        value: "4".into(),
        ..Default::default()
    }
    .validate(&ind.fields)
    .unwrap();
    indicators::measure(&t.db, &Actor::System, &ind.id, m)
        .await
        .unwrap();
    let stale = recommendations::stale(&t.db, 30, now).await.unwrap();
    assert_eq!(
        stale.iter().map(|(r, _)| &r.id).collect::<Vec<_>>(),
        [&linked.id]
    );

    recommendations::unlink(&t.db, &Actor::System, &linked.id, &done.id)
        .await
        .unwrap();
    assert_eq!(
        recommendations::progress_of(&recommendations::linked(&t.db, &linked.id).await.unwrap()),
        Some(60.0)
    );
    assert!(matches!(
        recommendations::unlink(&t.db, &Actor::System, &linked.id, &done.id).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn the_demo_has_groups_meetings_and_a_register_with_dated_history_and_links() {
    let t = fresh().await;
    tadamun_store::demo::load(&t.db, Some("demo password 1234"))
        .await
        .unwrap();
    let all = groups::list(&t.db).await.unwrap();
    assert_eq!(all.len(), 4);
    assert!(
        all.iter()
            .all(|g| g.fields.lead.is_some() && g.fields.people.len() >= 3)
    );
    let found = meetings::list(&t.db, &MeetingFilter::default())
        .await
        .unwrap();
    assert_eq!(found.len(), 5);
    let zones: std::collections::HashSet<_> = found.iter().map(|m| m.fields.start.zone).collect();
    assert!(zones.len() >= 4);
    assert!(
        found
            .iter()
            .any(|m| m.fields.link.is_none() && m.fields.place.is_some())
    );
    let consultative = found
        .iter()
        .find(|m| {
            m.fields
                .minutes
                .as_deref()
                .is_some_and(|s| s.contains("## Summary"))
        })
        .unwrap();
    let actions = meetings::actions(&t.db, &consultative.id).await.unwrap();
    assert_eq!(actions.len(), 3);
    assert_eq!(actions.iter().filter(|a| a.plan_item.is_some()).count(), 1);

    let register = recommendations::list(&t.db, &RecommendationFilter::default())
        .await
        .unwrap();
    assert_eq!(register.len(), 10);
    for status in RecommendationStatus::ALL {
        assert!(register.iter().any(|r| r.status == status), "{status:?}");
    }
    let implemented = register
        .iter()
        .find(|r| r.status == RecommendationStatus::Implemented)
        .unwrap();
    let history = recommendations::history(&t.db, &implemented.id)
        .await
        .unwrap();
    assert_eq!(history.len(), 4);
    assert!(history.windows(2).all(|w| w[0].at <= w[1].at));
    assert!(Utc::now() - history[0].at > Duration::days(19));
    let linked = recommendations::linked(&t.db, &implemented.id)
        .await
        .unwrap();
    assert_eq!(linked.len(), 1);
    assert!(recommendations::progress_of(&linked).is_some());
    let unlinked = recommendations::unlinked(&t.db).await.unwrap();
    assert!(
        unlinked
            .iter()
            .any(|r| r.fields.text == "Publish a consumer boycott guide")
    );
    let stale = recommendations::stale(&t.db, 30, Utc::now()).await.unwrap();
    assert!(
        stale
            .iter()
            .any(|(r, _)| r.fields.text == "Publish a consumer boycott guide")
    );
    assert!(
        !stale
            .iter()
            .any(|(r, _)| r.fields.text == "Open a Swahili content hub")
    );
}
