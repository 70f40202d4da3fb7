//! The reminders' queue: claims with a lease, the sent record that keeps a message
//! from going twice, and a scheduler pass that enqueues each reminder once.

use chrono::{DateTime, Duration, TimeZone as _, Utc};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::groups::{GroupInput, MeetingInput};
use tadamun_core::ids::GroupId;
use tadamun_core::plans::PlanItemInput;
use tadamun_core::reminders::{JobState, Kind};
use tadamun_store::directory::people;
use tadamun_store::groups::{self, meetings};
use tadamun_store::reminders::{self, NewJob, digest, schedule, sent, settings};
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
    let action = action(&t.db, "person", person.id.as_str(), "2026-12-04").await;
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

/// An action of a new plan, owned by `owner_kind` `owner`, due on `due`.
async fn action(
    db: &Db,
    owner_kind: &str,
    owner: &str,
    due: &str,
) -> tadamun_core::plans::PlanItem {
    let mut parent: Option<String> = None;
    for level in ["plan", "objective", "initiative"] {
        let id = plans::create(
            db,
            &Actor::System,
            PlanItemInput {
                level: level.into(),
                parent: parent.clone(),
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
        parent = Some(id.to_string());
    }
    plans::create(
        db,
        &Actor::System,
        PlanItemInput {
            level: "action".into(),
            parent,
            title: "Brief the lawyers".into(),
            start: Some("2026-11-01".into()),
            due: Some(due.into()),
            owner_kind: Some(owner_kind.into()),
            owner: Some(owner.into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap()
}

#[tokio::test]
async fn a_digest_lists_the_coming_week_of_ones_groups_meetings_and_actions_and_nothing_beyond() {
    let t = fresh().await;
    let user = add_user(&t.db, "karim@example.org", Role::Member, None).await;
    let group_of = |name: &str, users: Vec<String>| GroupInput {
        name: name.into(),
        users,
        ..Default::default()
    };
    let mine = groups::create(
        &t.db,
        &Actor::System,
        group_of("Legal", vec![user.id.to_string()])
            .validate()
            .unwrap(),
    )
    .await
    .unwrap()
    .id;
    let other = groups::create(
        &t.db,
        &Actor::System,
        group_of("Media", vec![]).validate().unwrap(),
    )
    .await
    .unwrap()
    .id;
    let meeting = |group: &GroupId, start: &str| MeetingInput {
        kind: "group_meeting".into(),
        title: format!("Call {start}"),
        start: start.into(),
        time_zone: "Africa/Nairobi".into(),
        duration: "60".into(),
        link: Some("https://meet.example.org/legal".into()),
        group: Some(group.to_string()),
        ..Default::default()
    };
    for (g, start) in [
        (&mine, "2026-12-02T10:00"),
        (&mine, "2026-12-20T10:00"),
        (&other, "2026-12-02T12:00"),
    ] {
        meetings::create(&t.db, &Actor::System, meeting(g, start).validate().unwrap())
            .await
            .unwrap();
    }
    let due = action(&t.db, "group", mine.as_str(), "2026-12-03").await;
    action(&t.db, "group", mine.as_str(), "2026-12-30").await;
    action(&t.db, "group", other.as_str(), "2026-12-03").await;

    let found = digest::for_user(&t.db, &user, at(6), at(6) + Duration::days(7))
        .await
        .unwrap();
    let titles: Vec<&str> = found
        .meetings
        .iter()
        .map(|m| m.fields.title.as_str())
        .collect();
    assert_eq!(titles, ["Call 2026-12-02T10:00"]);
    let actions: Vec<_> = found.actions.iter().map(|a| a.item.id.clone()).collect();
    assert_eq!(actions, [due.id]);
    assert!(found.events.is_empty());
}
