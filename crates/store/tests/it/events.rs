use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::events::{EventFields, EventInput};
use tadamun_core::ids::{EventId, OrganisationId, UserId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::visibility::Viewer;
use tadamun_core::{Invalid, Problem};
use tadamun_store::events::{self, EventFilter};
use tadamun_store::{StoreError, audit, directory};

use crate::groups::{group, invalid, person};
use crate::{fresh, org_fields};

pub(crate) fn webinar(title: &str, start: &str, visibility: &str) -> EventInput {
    EventInput {
        kind: "webinar".into(),
        title: title.into(),
        start: start.into(),
        time_zone: "Africa/Nairobi".into(),
        duration: "90".into(),
        link: Some("https://meet.example.org/webinar".into()),
        languages: vec!["en".into()],
        regions: vec!["002".into()],
        visibility: Some(visibility.into()),
        ..Default::default()
    }
}

fn fields(input: EventInput) -> EventFields {
    input.validate().unwrap()
}

fn member() -> Viewer {
    Viewer::User {
        id: UserId::new(),
        role: Role::Viewer,
        organisation: None,
    }
}

#[tokio::test]
async fn an_event_is_stored_with_its_speakers_and_organisers_and_each_change_raises_its_sequence() {
    let t = fresh().await;
    let amal = person(&t.db, "Amal").await;
    let media = group(&t.db, "Media", None).await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Kenya Solidarity Network", "network"),
        tadamun_core::directory::Stage::Member,
    )
    .await
    .unwrap();
    let mut input = webinar("Legal avenues", "2026-03-10T18:00", "public");
    input.speakers = vec![amal.to_string()];
    input.groups = vec![media.to_string()];
    input.organisations = vec![org.id.to_string()];
    input.interpretation = vec!["ar".into(), "fr".into()];
    input.capacity = Some("120".into());
    input.title_ar = Some("السبل القانونية".into());
    let created = events::create(&t.db, &Actor::System, fields(input.clone()))
        .await
        .unwrap();
    assert_eq!(created.sequence, 0);
    let read = events::get(&t.db, &Viewer::Anonymous, &created.id)
        .await
        .unwrap();
    assert_eq!(read, created);
    assert_eq!(read.fields.speakers, std::slice::from_ref(&amal));
    assert_eq!(read.fields.capacity, Some(120));

    input.duration = "120".into();
    let updated = events::update(&t.db, &Actor::System, &created.id, fields(input.clone()))
        .await
        .unwrap();
    assert_eq!(updated.sequence, 1);
    let read = events::get(&t.db, &member(), &created.id).await.unwrap();
    assert_eq!(read, updated);
    assert_eq!(read.fields.duration, 120);

    // An unknown speaker changes nothing.
    input
        .speakers
        .push(tadamun_core::ids::PersonId::new().to_string());
    let err = events::update(&t.db, &Actor::System, &created.id, fields(input.clone()))
        .await
        .unwrap_err();
    assert_eq!(
        invalid(err),
        Invalid::new("speakers", Problem::UnknownValue)
    );
    input.speakers.pop();
    input.organisations = vec![OrganisationId::new().to_string()];
    let err = events::create(&t.db, &Actor::System, fields(input))
        .await
        .unwrap_err();
    assert_eq!(
        invalid(err),
        Invalid::new("organisations", Problem::UnknownValue)
    );
    assert_eq!(
        events::get(&t.db, &member(), &created.id).await.unwrap(),
        updated
    );
    assert_eq!(
        events::list(&t.db, &member(), &EventFilter::default())
            .await
            .unwrap()
            .len(),
        1
    );

    events::delete(&t.db, &Actor::System, &created.id)
        .await
        .unwrap();
    assert!(matches!(
        events::get(&t.db, &member(), &created.id).await,
        Err(StoreError::NotFound)
    ));
    let trail = audit::list(
        &t.db,
        &audit::AuditFilter {
            entity: Some("event".into()),
            ..Default::default()
        },
        &tadamun_core::page::PageRequest::first(),
    )
    .await
    .unwrap();
    assert_eq!(trail.items.len(), 3);
}

#[tokio::test]
async fn anonymous_readers_never_get_network_events() {
    let t = fresh().await;
    let public = events::create(
        &t.db,
        &Actor::System,
        fields(webinar("Open webinar", "2026-03-10T18:00", "public")),
    )
    .await
    .unwrap();
    let network = events::create(
        &t.db,
        &Actor::System,
        fields(webinar("Members' briefing", "2026-03-11T18:00", "network")),
    )
    .await
    .unwrap();
    let seen = |v: Viewer| {
        let db = t.db.clone();
        async move {
            events::list(&db, &v, &EventFilter::default())
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.id)
                .collect::<Vec<EventId>>()
        }
    };
    assert_eq!(
        seen(Viewer::Anonymous).await,
        std::slice::from_ref(&public.id)
    );
    assert_eq!(
        seen(member()).await,
        [public.id.clone(), network.id.clone()]
    );
    assert!(matches!(
        events::get(&t.db, &Viewer::Anonymous, &network.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(
        events::get(&t.db, &Viewer::Anonymous, &public.id)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn events_are_filtered_by_dates_group_organisation_language_and_audience_region() {
    let t = fresh().await;
    let media = group(&t.db, "Media", None).await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Kenya Solidarity Network", "network"),
        tadamun_core::directory::Stage::Member,
    )
    .await
    .unwrap();
    let mut africa = webinar("Africa webinar", "2026-03-10T18:00", "public");
    africa.groups = vec![media.to_string()];
    africa.interpretation = vec!["sw".into()];
    let africa = events::create(&t.db, &Actor::System, fields(africa))
        .await
        .unwrap();
    let mut europe = webinar("Europe webinar", "2026-04-10T18:00", "public");
    europe.regions = vec!["155".into()];
    europe.languages = vec!["fr".into()];
    europe.organisations = vec![org.id.to_string()];
    let europe = events::create(&t.db, &Actor::System, fields(europe))
        .await
        .unwrap();
    let found = |filter: EventFilter| {
        let db = t.db.clone();
        async move {
            events::list(&db, &member(), &filter)
                .await
                .unwrap()
                .into_iter()
                .map(|e| e.fields.title)
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(
        found(EventFilter::default()).await,
        ["Africa webinar", "Europe webinar"]
    );
    assert_eq!(
        found(EventFilter {
            group: Some(media),
            ..Default::default()
        })
        .await,
        ["Africa webinar"]
    );
    assert_eq!(
        found(EventFilter {
            organisation: Some(org.id.clone()),
            ..Default::default()
        })
        .await,
        ["Europe webinar"]
    );
    // Interpretation counts as a language of the event.
    assert_eq!(
        found(EventFilter {
            lang: Some(LanguageCode::from_stored("sw".into())),
            ..Default::default()
        })
        .await,
        ["Africa webinar"]
    );
    // Western Europe (155) is inside Europe (150); Eastern Africa (014) inside Africa.
    assert_eq!(
        found(EventFilter {
            region: Some("150".into()),
            ..Default::default()
        })
        .await,
        ["Europe webinar"]
    );
    assert_eq!(
        found(EventFilter {
            region: Some("014".into()),
            ..Default::default()
        })
        .await,
        ["Africa webinar"]
    );
    // An event still running at `from` is listed; one starting at `to` is not.
    assert_eq!(
        found(EventFilter {
            from: Some(africa.fields.start.at + chrono::Duration::minutes(30)),
            to: Some(europe.fields.start.at),
            ..Default::default()
        })
        .await,
        ["Africa webinar"]
    );
}
