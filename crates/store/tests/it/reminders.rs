//! The reminders' queue: claims with a lease, the sent record that keeps a message
//! from going twice, and a scheduler pass that enqueues each reminder once.

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::plans::PlanItemInput;
use tadamun_core::reminders::{JobState, Kind};
use tadamun_store::directory::people;
use tadamun_store::reminders::{self, NewJob, schedule, sent, settings};
use tadamun_store::{Db, plans};

use crate::{add_user, fresh};

fn at(h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, h, 0, 0).unwrap()
}

async fn one_job(db: &Db, now: DateTime<Utc>) {
    let job = NewJob {
        kind: Kind::Registered,
        occurrence: "r1".into(),
        recipient: "Amal@Example.org".into(),
        payload: serde_json::json!({}),
        run_at: now,
    };
    assert!(reminders::add(db, &job, now).await.unwrap());
    assert!(!reminders::add(db, &job, now).await.unwrap());
}

#[tokio::test]
async fn a_job_is_held_by_one_worker_until_its_lease_runs_out() {
    let t = fresh().await;
    one_job(&t.db, at(9)).await;
    let first = reminders::claim(&t.db, "a", at(9)).await.unwrap().unwrap();
    assert_eq!(first.recipient, "amal@example.org");
    assert_eq!(first.attempts, 1);
    assert!(reminders::claim(&t.db, "b", at(9)).await.unwrap().is_none());
    let later = at(9) + Duration::minutes(6);
    let again = reminders::claim(&t.db, "b", later).await.unwrap().unwrap();
    assert_eq!(again.id, first.id);
    assert_eq!(again.claimed_by.as_deref(), Some("b"));

    // Both now hold it: only one may take the right to send.
    let (kind, occ, to) = (first.kind, &first.occurrence, &first.recipient);
    assert!(
        sent::take(&t.db, kind, occ, to, &again.id, "<1@x>", later)
            .await
            .unwrap()
    );
    assert!(
        !sent::take(&t.db, kind, occ, to, &first.id, "<2@x>", later)
            .await
            .unwrap()
    );
    // The worker whose lease ran out can no longer end the job.
    reminders::finish(&t.db, &first.id, "a", JobState::Done, None, later)
        .await
        .unwrap();
    assert_eq!(
        reminders::get(&t.db, &first.id).await.unwrap().state,
        JobState::Queued
    );
    reminders::finish(&t.db, &first.id, "b", JobState::Done, None, later)
        .await
        .unwrap();
    assert_eq!(
        reminders::get(&t.db, &first.id).await.unwrap().state,
        JobState::Done
    );
}

#[tokio::test]
async fn a_failing_job_backs_off_then_fails_and_an_admin_can_queue_it_again() {
    let t = fresh().await;
    one_job(&t.db, at(9)).await;
    let mut now = at(9);
    let mut waits = Vec::new();
    loop {
        let job = reminders::claim(&t.db, "a", now).await.unwrap().unwrap();
        let state = reminders::fail(&t.db, &job, "a", "connection refused", now)
            .await
            .unwrap();
        if state == JobState::Failed {
            break;
        }
        let next = reminders::get(&t.db, &job.id).await.unwrap().run_at;
        waits.push((next - now).num_minutes());
        assert!(
            reminders::claim(&t.db, "a", next - Duration::seconds(1))
                .await
                .unwrap()
                .is_none()
        );
        now = next;
    }
    assert_eq!(waits, [1, 2, 4, 8, 16, 32, 64]);
    let failed = reminders::list(&t.db, JobState::Failed, 10).await.unwrap();
    assert_eq!(failed[0].last_error.as_deref(), Some("connection refused"));
    let queued = reminders::retry(&t.db, &Actor::System, &failed[0].id, now)
        .await
        .unwrap();
    assert_eq!((queued.state, queued.attempts), (JobState::Queued, 0));
    assert!(reminders::claim(&t.db, "a", now).await.unwrap().is_some());
}

#[tokio::test]
async fn an_action_owner_with_an_account_is_reminded_three_days_ahead_and_on_the_day_once_each() {
    let t = fresh().await;
    let user = add_user(&t.db, "salma@example.org", Role::Member, None).await;
    let person = people::create(
        &t.db,
        &Actor::System,
        PersonInput {
            display_name: "Salma Haddad".into(),
            country: Some("PS".into()),
            email: Some("Salma@example.org".into()),
            visibility: Some("network".into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let plan = plans::create(
        &t.db,
        &Actor::System,
        PlanItemInput {
            level: "plan".into(),
            title: "Plan".into(),
            start: Some("2026-01-01".into()),
            due: Some("2027-12-31".into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let mut parent = plan.id.clone();
    for level in ["objective", "initiative"] {
        parent = plans::create(
            &t.db,
            &Actor::System,
            PlanItemInput {
                level: level.into(),
                parent: Some(parent.to_string()),
                title: level.into(),
                start: Some("2026-01-01".into()),
                due: Some("2027-12-31".into()),
                ..Default::default()
            }
            .validate()
            .unwrap(),
        )
        .await
        .unwrap()
        .id;
    }
    let action = plans::create(
        &t.db,
        &Actor::System,
        PlanItemInput {
            level: "action".into(),
            parent: Some(parent.to_string()),
            title: "Brief the lawyers".into(),
            start: Some("2026-11-01".into()),
            due: Some("2026-12-04".into()),
            owner_kind: Some("person".into()),
            owner: Some(person.id.to_string()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    // Not on a Monday, so no digest is due: 2026-11-30 is a Monday.
    let kinds = |jobs: Vec<reminders::Job>| -> Vec<Kind> { jobs.iter().map(|j| j.kind).collect() };
    settings::set(
        &t.db,
        &Actor::System,
        &user.id,
        settings::Settings {
            weekly_digest: false,
        },
    )
    .await
    .unwrap();
    assert_eq!(
        schedule::run(&t.db, at(9) - Duration::days(1))
            .await
            .unwrap(),
        0
    );
    assert_eq!(schedule::run(&t.db, at(9)).await.unwrap(), 1);
    assert_eq!(schedule::run(&t.db, at(15)).await.unwrap(), 0);
    let due_day = Utc.with_ymd_and_hms(2026, 12, 4, 6, 0, 0).unwrap();
    assert_eq!(schedule::run(&t.db, due_day).await.unwrap(), 1);
    let jobs = reminders::list(&t.db, JobState::Queued, 10).await.unwrap();
    let mut found = kinds(jobs.clone());
    found.sort();
    assert_eq!(found, [Kind::ActionSoon, Kind::ActionToday]);
    assert!(jobs.iter().all(|j| j.recipient == "salma@example.org"
        && j.occurrence == format!("{}@2026-12-04", action.id)));
}
