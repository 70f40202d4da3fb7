use chrono::{Duration, Utc};
use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::groups::{
    ActionItemInput, GroupInput, MeetingInput, RecommendationInput, RecommendationStatus,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, PersonId, PlanItemId};
use tadamun_core::plans::{Level, Owner, PlanItem, PlanItemInput};
use tadamun_core::{Invalid, Problem};
use tadamun_store::directory::people;
use tadamun_store::groups::meetings::{self, MeetingFilter};
use tadamun_store::groups::recommendations::{self, RecommendationFilter};
use tadamun_store::plans::{self, indicators};
use tadamun_store::{Db, StoreError, audit, groups, testing};

use crate::fresh;

fn invalid(e: StoreError) -> Invalid {
    match e {
        StoreError::Invalid(i) => i,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

async fn person(db: &Db, name: &str) -> PersonId {
    let fields = PersonInput {
        display_name: name.into(),
        country: Some("KE".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    people::create(db, &Actor::System, fields).await.unwrap().id
}

async fn group(db: &Db, name: &str, lead: Option<&PersonId>) -> GroupId {
    let fields = GroupInput {
        name: name.into(),
        lead: lead.map(ToString::to_string),
        focus: Some("media".into()),
        regions: vec!["002".into()],
        people: lead.map(ToString::to_string).into_iter().collect(),
        ..Default::default()
    }
    .validate()
    .unwrap();
    groups::create(db, &Actor::System, fields).await.unwrap().id
}

async fn item(db: &Db, level: &str, parent: Option<&PlanItemId>, title: &str) -> PlanItem {
    let fields = PlanItemInput {
        level: level.into(),
        parent: parent.map(ToString::to_string),
        title: title.into(),
        start: Some("2026-01-01".into()),
        due: Some("2026-12-31".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    plans::create(db, &Actor::System, fields).await.unwrap()
}

async fn count(db: &Db, table: &str) -> u64 {
    testing::execute(db, &format!("UPDATE {table} SET created_at = created_at"))
        .await
        .unwrap()
}

fn meeting_input(group: Option<&GroupId>, start: &str, zone: &str) -> MeetingInput {
    MeetingInput {
        kind: "group_meeting".into(),
        title: "Monthly media call".into(),
        start: start.into(),
        time_zone: zone.into(),
        duration: "60".into(),
        link: Some("https://meet.example.org/media".into()),
        group: group.map(ToString::to_string),
        agenda: vec!["Campaign review".into(), "Translations".into()],
        decisions: vec!["Publish the toolkit in Swahili".into()],
        minutes: Some("# Minutes\n\nAgreed.".into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_group_keeps_its_members_and_refuses_an_unknown_lead_without_storing_anything() {
    let t = fresh().await;
    let amal = person(&t.db, "Amal Haddad").await;
    let juma = person(&t.db, "Juma Otieno").await;
    let id = group(&t.db, "Media working group", Some(&amal)).await;
    let read = groups::get(&t.db, &id).await.unwrap();
    assert_eq!(read.fields.lead, Some(amal.clone()));
    assert_eq!(read.fields.people, std::slice::from_ref(&amal));
    assert_eq!(read.fields.regions, ["002"]);

    let mut input = tadamun_core::groups::input_of(&read.fields);
    input.people.push(juma.to_string());
    input.mandate = Some("Six languages.".into());
    let updated = groups::update(&t.db, &Actor::System, &id, input.validate().unwrap())
        .await
        .unwrap();
    assert_eq!(groups::get(&t.db, &id).await.unwrap(), updated);
    assert_eq!(updated.fields.people.len(), 2);

    let stranger = PersonId::new();
    input.lead = Some(stranger.to_string());
    let err = groups::update(&t.db, &Actor::System, &id, input.validate().unwrap())
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("lead", Problem::UnknownValue));
    input.lead = None;
    input.focus = Some("astrology".into());
    let err = groups::create(&t.db, &Actor::System, input.validate().unwrap())
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("focus", Problem::UnknownValue));
    assert_eq!(groups::list(&t.db).await.unwrap().len(), 1);
    assert_eq!(groups::get(&t.db, &id).await.unwrap(), updated);
    let trail = audit::list(
        &t.db,
        &audit::AuditFilter {
            entity: Some("working_group".into()),
            ..Default::default()
        },
        &tadamun_core::page::PageRequest::first(),
    )
    .await
    .unwrap();
    assert_eq!(trail.items.len(), 2);
}

#[tokio::test]
async fn meetings_are_listed_by_start_and_filtered_by_group_and_dates() {
    let t = fresh().await;
    let media = group(&t.db, "Media", None).await;
    let nairobi = meetings::create(
        &t.db,
        &Actor::System,
        meeting_input(Some(&media), "2026-03-10T18:00", "Africa/Nairobi")
            .validate()
            .unwrap(),
    )
    .await
    .unwrap();
    let bogota = meetings::create(
        &t.db,
        &Actor::System,
        meeting_input(None, "2026-03-10T09:00", "America/Bogota")
            .validate()
            .unwrap(),
    )
    .await
    .unwrap();
    // 18:00 in Nairobi is 15:00 UTC, 09:00 in Bogotá 14:00 UTC: Bogotá comes first.
    let all = meetings::list(&t.db, &MeetingFilter::default())
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|m| m.id.clone()).collect::<Vec<_>>(),
        [bogota.id.clone(), nairobi.id.clone()]
    );
    let read = meetings::get(&t.db, &nairobi.id).await.unwrap();
    assert_eq!(read, nairobi);
    assert_eq!(read.fields.start.local_text(), "2026-03-10T18:00");
    assert_eq!(read.fields.agenda, ["Campaign review", "Translations"]);
    let of_group = meetings::list(
        &t.db,
        &MeetingFilter {
            group: Some(media.clone()),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(of_group, std::slice::from_ref(&nairobi));
    let later = meetings::list(
        &t.db,
        &MeetingFilter {
            from: Some(nairobi.fields.start.at - Duration::minutes(30)),
            ..Default::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(later, std::slice::from_ref(&nairobi));

    let mut bad = meeting_input(Some(&GroupId::new()), "2026-03-10T18:00", "Africa/Nairobi");
    let err = meetings::create(&t.db, &Actor::System, bad.validate().unwrap())
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("group", Problem::UnknownValue));
    bad.group = None;
    bad.people = vec![PersonId::new().to_string()];
    let err = meetings::update(&t.db, &Actor::System, &nairobi.id, bad.validate().unwrap())
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("people", Problem::UnknownValue));
    assert_eq!(meetings::get(&t.db, &nairobi.id).await.unwrap(), nairobi);
}

#[tokio::test]
async fn an_action_item_becomes_a_plan_action_under_an_initiative_once() {
    let t = fresh().await;
    let legal = group(&t.db, "Legal", None).await;
    let m = meetings::create(
        &t.db,
        &Actor::System,
        meeting_input(Some(&legal), "2026-04-01T10:00", "Europe/Paris")
            .validate()
            .unwrap(),
    )
    .await
    .unwrap();
    let action = meetings::add_action(
        &t.db,
        &Actor::System,
        &m.id,
        ActionItemInput {
            text: "Draft the complaint".into(),
            owner_kind: Some("group".into()),
            owner: Some(legal.to_string()),
            due: Some("2026-06-30".into()),
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let plan = item(&t.db, "plan", None, "Legal track").await;
    let objective = item(&t.db, "objective", Some(&plan.id), "Accountability").await;
    let initiative = item(&t.db, "initiative", Some(&objective.id), "Complaints").await;

    let err = meetings::make_plan_item(&t.db, &Actor::System, &action.id, &objective.id, Lang::En)
        .await
        .unwrap_err();
    assert_eq!(invalid(err), Invalid::new("parent", Problem::ParentLevel));
    let created =
        meetings::make_plan_item(&t.db, &Actor::System, &action.id, &initiative.id, Lang::En)
            .await
            .unwrap();
    assert_eq!(created.fields.level, Level::Action);
    assert_eq!(created.fields.parent, Some(initiative.id.clone()));
    assert_eq!(created.fields.owner, Some(Owner::Group(legal.clone())));
    let read = meetings::actions(&t.db, &m.id).await.unwrap();
    assert_eq!(read[0].plan_item, Some(created.id.clone()));
    let err = meetings::make_plan_item(&t.db, &Actor::System, &action.id, &initiative.id, Lang::En)
        .await
        .unwrap_err();
    assert_eq!(
        invalid(err),
        Invalid::new("parent", Problem::AlreadyPlanned)
    );
    assert_eq!(plans::tree(&t.db, &plan.id).await.unwrap().items.len(), 4);

    // The group's page shows the meeting and the action it owns.
    let page = groups::page(&t.db, &legal).await.unwrap();
    assert_eq!(page.meetings.len(), 1);
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].0.id, created.id);
    assert_eq!(page.items[0].1, Some(0.0));

    // An action item whose due date falls outside the initiative is refused on `due`.
    let late = meetings::add_action(
        &t.db,
        &Actor::System,
        &m.id,
        ActionItemInput {
            text: "Follow up".into(),
            due: Some("2027-03-01".into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let err = meetings::make_plan_item(&t.db, &Actor::System, &late.id, &initiative.id, Lang::En)
        .await
        .unwrap_err();
    assert_eq!(invalid(err).field, "due");
    assert_eq!(
        meetings::action(&t.db, &late.id).await.unwrap().plan_item,
        None
    );
}

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
async fn deleting_a_group_keeps_its_meetings_and_recommendations_without_it() {
    let t = fresh().await;
    let id = group(&t.db, "Economic", None).await;
    let m = meetings::create(
        &t.db,
        &Actor::System,
        meeting_input(Some(&id), "2026-05-01T12:00", "Asia/Beirut")
            .validate()
            .unwrap(),
    )
    .await
    .unwrap();
    let fields = RecommendationInput {
        text: "Publish a list of companies".into(),
        theme: "economic".into(),
        group: Some(id.to_string()),
        meeting: Some(m.id.to_string()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let rec = recommendations::create(&t.db, &Actor::System, fields)
        .await
        .unwrap();
    assert_eq!(count(&t.db, "working_groups").await, 1);
    groups::delete(&t.db, &Actor::System, &id).await.unwrap();
    assert!(matches!(
        groups::get(&t.db, &id).await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(
        meetings::get(&t.db, &m.id).await.unwrap().fields.group,
        None
    );
    let read = recommendations::get(&t.db, &rec.id).await.unwrap();
    assert_eq!(read.fields.group, None);
    assert_eq!(read.fields.meeting, Some(m.id.clone()));
    meetings::delete(&t.db, &Actor::System, &m.id)
        .await
        .unwrap();
    assert_eq!(
        recommendations::get(&t.db, &rec.id)
            .await
            .unwrap()
            .fields
            .meeting,
        None
    );
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
