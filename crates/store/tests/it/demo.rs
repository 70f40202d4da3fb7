use std::collections::HashMap;

use tadamun_core::plans::{ForecastStatus, Level, Status};
use tadamun_store::{demo, plans};

use crate::fresh;

#[tokio::test]
async fn the_demo_plan_is_under_way_with_indicators_on_and_off_track() {
    let t = fresh().await;
    let accounts = demo::load(&t.db, Some("demo password 1234")).await.unwrap();
    assert_eq!(accounts.map(|a| a.len()), Some(4));

    let all = plans::plans(&t.db).await.unwrap();
    assert_eq!(all.len(), 1);
    let tree = plans::tree(&t.db, &all[0].id).await.unwrap();
    let count = |level| {
        tree.items
            .iter()
            .filter(|i| i.fields.level == level)
            .count()
    };
    assert_eq!(count(Level::Objective), 5);
    assert!(count(Level::Action) >= 12);
    assert_eq!(tree.dependencies.len(), 4);
    let today = chrono::Utc::now().date_naive();
    assert!(tree.items.iter().any(|i| i.fields.is_overdue(today)));
    assert!(
        tree.items
            .iter()
            .any(|i| i.fields.status == Status::Blocked)
    );
    // Every title reads in the four languages.
    let arabic = tree.items[0].fields.title_in(tadamun_core::i18n::Lang::Ar);
    assert_eq!(arabic, "الخطة الاستراتيجية لعامين");
    let progress = tree.progress[&tree.items[0].id];
    assert!(
        progress > 10.0 && progress < 90.0,
        "plan progress {progress}"
    );

    let statuses: HashMap<String, ForecastStatus> = tree
        .indicators
        .iter()
        .map(|m| {
            let f = m.indicator.fields.forecast(&m.points);
            (m.indicator.fields.name.clone(), f.status)
        })
        .collect();
    assert_eq!(
        statuses["Member organisations in Africa"],
        ForecastStatus::OnTrack
    );
    assert_eq!(statuses["Webinar attendance"], ForecastStatus::OnTrack);
    assert_eq!(
        statuses["Institutions that divested"],
        ForecastStatus::AtRisk
    );
    assert_eq!(
        statuses["Content published in Swahili"],
        ForecastStatus::OffTrack
    );
    // A year of monthly measurements.
    assert!(tree.indicators.iter().all(|m| m.points.len() >= 9));
}

#[tokio::test]
async fn the_large_demo_writes_plans_that_read_back_as_whole_trees() {
    let t = fresh().await;
    let sizes = demo::large::Sizes {
        organisations: 40,
        people: 60,
        audit_rows: 300,
        plans: 2,
        measurements: 12,
        events: 0,
        registrations: 0,
        campaigns: 0,
        content_items: 0,
    };
    let mut seen = Vec::new();
    demo::load_large(&t.db, None, sizes, |what, n| {
        seen.push((what.to_owned(), n))
    })
    .await
    .unwrap();
    assert!(
        seen.contains(&("plan items".to_owned(), 2 * 506)),
        "{seen:?}"
    );
    assert!(seen.contains(&("measurements".to_owned(), 2 * 50 * 12)));

    let all = plans::plans(&t.db).await.unwrap();
    assert_eq!(all.len(), 2);
    let tree = plans::tree(&t.db, &all[0].id).await.unwrap();
    assert_eq!(tree.items.len(), 506);
    assert_eq!(tree.dependencies.len(), 50 * 8);
    assert_eq!(tree.indicators.len(), 50);
    assert!(tree.indicators.iter().all(|m| m.points.len() == 12));
    let progress = tree.progress[&all[0].id];
    assert!(progress > 0.0 && progress < 100.0, "{progress}");
    // The lists' summaries, from each indicator's latest value only, agree with the
    // whole trees.
    let today = chrono::Utc::now().date_naive();
    let summaries = plans::summaries(&t.db, today).await.unwrap();
    assert_eq!(summaries.len(), 2);
    for (summary, plan) in summaries.iter().zip(&all) {
        assert_eq!(summary.plan.id, plan.id);
        let tree = plans::tree(&t.db, &plan.id).await.unwrap();
        assert_eq!(summary.progress, tree.progress.get(&plan.id).copied());
        let overdue = tree
            .items
            .iter()
            .filter(|i| i.fields.is_overdue(today))
            .count();
        assert_eq!(summary.overdue, overdue);
        assert!(overdue > 0, "the large demo has overdue actions");
        let blocked = tree
            .items
            .iter()
            .filter(|i| i.fields.status == tadamun_core::plans::Status::Blocked)
            .count();
        assert_eq!(summary.blocked, blocked);
    }
    // Every action lies within its initiative's dates, as the rules require.
    for item in &tree.items {
        if let Some(parent) = &item.fields.parent {
            let p = tree.items.iter().find(|i| &i.id == parent).unwrap();
            assert!(p.fields.dates.start <= item.fields.dates.start);
            assert!(p.fields.dates.due >= item.fields.dates.due);
        }
    }
}

#[tokio::test]
async fn the_large_demo_writes_events_and_campaign_content_that_read_back_consistently() {
    use tadamun_core::campaigns::content::TranslationState;
    use tadamun_core::visibility::Viewer;
    use tadamun_store::campaigns::{self, CampaignFilter, content};
    use tadamun_store::events::{self, EventFilter, registrations};

    let t = fresh().await;
    let sizes = demo::large::Sizes {
        organisations: 30,
        people: 40,
        audit_rows: 100,
        plans: 0,
        measurements: 0,
        events: 50,
        registrations: 1_000,
        campaigns: 4,
        content_items: 80,
    };
    let mut seen = Vec::new();
    demo::load_large(&t.db, None, sizes, |what, n| {
        seen.push((what.to_owned(), n))
    })
    .await
    .unwrap();
    for expected in [
        ("events", 50),
        ("registrations", 1_000),
        ("content items", 80),
    ] {
        assert!(
            seen.contains(&(expected.0.to_owned(), expected.1)),
            "{seen:?}"
        );
    }

    let all = events::list(&t.db, &Viewer::System, &EventFilter::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 50);
    let mut total = 0;
    for event in &all {
        let counts = registrations::counts(&t.db, &event.id).await.unwrap();
        let listed = registrations::list(&t.db, &event.id).await.unwrap();
        total += listed.len();
        // The places taken agree with the registrations, and no capped event is over.
        if let Some(capacity) = event.fields.capacity {
            assert!(counts.registered <= i64::from(capacity));
        } else {
            assert_eq!(counts.waiting, 0);
        }
        assert!(!event.fields.organisations.is_empty());
        assert!(!event.fields.languages.is_empty());
        assert!(!event.fields.titles.is_empty(), "translated titles");
    }
    assert_eq!(total, 1_000);
    let public = events::list(&t.db, &Viewer::Anonymous, &EventFilter::default())
        .await
        .unwrap();
    assert!(!public.is_empty() && public.len() < all.len());

    let campaigns = campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap();
    assert_eq!(campaigns.len(), 4);
    let mut items = 0;
    let mut states = std::collections::HashSet::new();
    for campaign in campaigns.iter() {
        assert_eq!(campaign.fields.languages.len(), 5);
        for item in content::of_campaign(&t.db, &campaign.id).await.unwrap() {
            items += 1;
            for tr in content::translations(&t.db, &item.id).await.unwrap() {
                assert!(campaign.fields.languages.contains(&tr.lang));
                states.insert(tr.state);
            }
        }
    }
    assert_eq!(items, 80);
    for state in [
        TranslationState::Missing,
        TranslationState::Published,
        TranslationState::Draft,
    ] {
        assert!(states.contains(&state), "{state:?} in {states:?}");
    }
}

#[tokio::test]
async fn the_demo_has_a_webinar_series_for_four_continents_in_their_own_zones() {
    use tadamun_core::events::EventKind;
    use tadamun_core::visibility::Viewer;
    use tadamun_store::events::{self, EventFilter};

    let t = fresh().await;
    demo::load(&t.db, Some("demo password 1234")).await.unwrap();
    let public = events::list(&t.db, &Viewer::Anonymous, &EventFilter::default())
        .await
        .unwrap();
    let webinars: Vec<_> = public
        .iter()
        .filter(|e| e.fields.kind == EventKind::Webinar)
        .collect();
    let zones: Vec<&str> = webinars
        .iter()
        .map(|e| e.fields.start.zone.name())
        .collect();
    assert_eq!(
        zones,
        [
            "Africa/Nairobi",
            "Europe/Brussels",
            "Asia/Amman",
            "America/Bogota"
        ]
    );
    for region in ["002", "150", "145", "019"] {
        assert!(
            webinars
                .iter()
                .any(|e| e.fields.regions.iter().any(|r| r == region)),
            "{region}"
        );
    }
    assert!(webinars.iter().all(|e| !e.fields.interpretation.is_empty()));
    assert!(webinars.iter().all(|e| !e.fields.speakers.is_empty()));
    let all = events::list(&t.db, &Viewer::System, &EventFilter::default())
        .await
        .unwrap();
    assert!(all.len() > public.len(), "a network-only event too");
    for w in &webinars {
        let counts = events::registrations::counts(&t.db, &w.id).await.unwrap();
        assert!(counts.registered >= 2, "{}", w.fields.title);
    }
}
