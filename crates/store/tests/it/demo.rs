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
