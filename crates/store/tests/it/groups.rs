use chrono::Duration;
use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::groups::{ActionItemInput, GroupInput, MeetingInput, RecommendationInput};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, PersonId, PlanItemId};
use tadamun_core::plans::{Level, Owner, PlanItem, PlanItemInput};
use tadamun_core::{Invalid, Problem};
use tadamun_store::directory::people;
use tadamun_store::groups::meetings::{self, MeetingFilter};
use tadamun_store::groups::recommendations;
use tadamun_store::plans;
use tadamun_store::{Db, StoreError, audit, groups, testing};

use crate::fresh;

pub(crate) fn invalid(e: StoreError) -> Invalid {
    match e {
        StoreError::Invalid(i) => i,
        other => panic!("expected a validation error, got {other:?}"),
    }
}

pub(crate) async fn person(db: &Db, name: &str) -> PersonId {
    let fields = PersonInput {
        display_name: name.into(),
        country: Some("KE".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    people::create(db, &Actor::System, fields).await.unwrap().id
}

pub(crate) async fn group(db: &Db, name: &str, lead: Option<&PersonId>) -> GroupId {
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

pub(crate) async fn item(
    db: &Db,
    level: &str,
    parent: Option<&PlanItemId>,
    title: &str,
) -> PlanItem {
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

pub(crate) async fn count(db: &Db, table: &str) -> u64 {
    testing::execute(db, &format!("UPDATE {table} SET created_at = created_at"))
        .await
        .unwrap()
}

pub(crate) fn meeting_input(group: Option<&GroupId>, start: &str, zone: &str) -> MeetingInput {
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
    assert_eq!(groups::count(&t.db).await.unwrap(), 1);
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
    let plan = item(&t.db, "plan", None, "Economic track").await;
    let mut owned = plan.fields.clone();
    owned.owner = Some(Owner::Group(id.clone()));
    plans::update(&t.db, &Actor::System, &plan.id, owned)
        .await
        .unwrap();
    let action = meetings::add_action(
        &t.db,
        &Actor::System,
        &m.id,
        ActionItemInput {
            text: "List the companies".into(),
            owner_kind: Some("group".into()),
            owner: Some(id.to_string()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    groups::delete(&t.db, &Actor::System, &id).await.unwrap();
    // What the group owned keeps no owner, and the log says so.
    assert_eq!(
        plans::get(&t.db, &plan.id).await.unwrap().fields.owner,
        None
    );
    assert_eq!(
        meetings::action(&t.db, &action.id)
            .await
            .unwrap()
            .fields
            .owner,
        None
    );
    let trail = audit::list(
        &t.db,
        &audit::AuditFilter {
            entity: Some("plan_item".into()),
            entity_id: Some(plan.id.to_string()),
        },
        &tadamun_core::page::PageRequest::first(),
    )
    .await
    .unwrap();
    assert_eq!(
        trail.items.len(),
        3,
        "created, given to the group, released"
    );
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
