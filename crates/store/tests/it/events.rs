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

mod registrations {
    use chrono::{DateTime, Utc};
    use tadamun_core::audit::Actor;
    use tadamun_core::events::registration::{RegistrationInput, RegistrationStatus};
    use tadamun_core::ids::EventId;
    use tadamun_core::{Invalid, Problem};
    use tadamun_store::events::registrations::{self, Counts};
    use tadamun_store::{Db, events};

    use super::{fields, webinar};
    use crate::fresh;
    use crate::groups::invalid;

    fn before_it() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-01T12:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    async fn event_with(db: &Db, capacity: Option<&str>) -> EventId {
        let mut input = webinar("Webinar", "2026-03-10T18:00", "public");
        input.capacity = capacity.map(Into::into);
        events::create(db, &Actor::System, fields(input))
            .await
            .unwrap()
            .id
    }

    fn person(email: &str) -> tadamun_core::events::registration::RegistrationFields {
        RegistrationInput {
            name: "Amal".into(),
            email: email.into(),
            country: "JO".into(),
            lang: "ar".into(),
            consent: Some("on".into()),
        }
        .validate()
        .unwrap()
    }

    async fn register(
        db: &Db,
        event: &EventId,
        email: &str,
    ) -> Result<tadamun_core::events::registration::Registration, tadamun_store::StoreError> {
        registrations::register(db, &Actor::System, event, person(email), before_it()).await
    }

    #[tokio::test]
    async fn places_fill_then_the_waiting_list_and_a_cancellation_promotes_the_first_waiting() {
        let t = fresh().await;
        let event = event_with(&t.db, Some("2")).await;
        let a = register(&t.db, &event, "a@example.org").await.unwrap();
        let b = register(&t.db, &event, "b@example.org").await.unwrap();
        let c = register(&t.db, &event, "c@example.org").await.unwrap();
        let d = register(&t.db, &event, "d@example.org").await.unwrap();
        assert_eq!(
            [a.status, b.status, c.status, d.status],
            [
                RegistrationStatus::Registered,
                RegistrationStatus::Registered,
                RegistrationStatus::Waiting,
                RegistrationStatus::Waiting
            ]
        );
        // The same address again, in another case, is refused politely.
        let err = register(&t.db, &event, "B@Example.org").await.unwrap_err();
        assert_eq!(
            invalid(err),
            Invalid::new("email", Problem::AlreadyRegistered)
        );

        let done = registrations::cancel(&t.db, &Actor::System, &a.id)
            .await
            .unwrap();
        assert!(done.changed);
        assert_eq!(done.promoted.map(|p| p.id), Some(c.id.clone()));
        let again = registrations::cancel(&t.db, &Actor::System, &a.id)
            .await
            .unwrap();
        assert!(!again.changed && again.promoted.is_none());
        // Someone waiting who cancels frees no place.
        let done = registrations::cancel(&t.db, &Actor::System, &d.id)
            .await
            .unwrap();
        assert!(done.promoted.is_none());
        assert_eq!(
            registrations::counts(&t.db, &event).await.unwrap(),
            Counts {
                registered: 2,
                waiting: 0,
                attended: 0
            }
        );
        // Once cancelled, the address may register again.
        let back = register(&t.db, &event, "a@example.org").await.unwrap();
        assert_eq!(back.status, RegistrationStatus::Waiting);

        registrations::set_attendance(&t.db, &Actor::System, &event, std::slice::from_ref(&b.id))
            .await
            .unwrap();
        let list = registrations::list(&t.db, &event).await.unwrap();
        let order: Vec<_> = list
            .iter()
            .map(|r| (r.fields.email.as_str(), r.status, r.attended))
            .collect();
        assert_eq!(
            order,
            [
                ("b@example.org", RegistrationStatus::Registered, true),
                ("c@example.org", RegistrationStatus::Registered, false),
                ("a@example.org", RegistrationStatus::Waiting, false),
                ("a@example.org", RegistrationStatus::Cancelled, false),
                ("d@example.org", RegistrationStatus::Cancelled, false),
            ]
        );
    }

    #[tokio::test]
    async fn raising_the_capacity_gives_the_new_places_to_those_waiting_in_order() {
        let t = fresh().await;
        let event = event_with(&t.db, Some("1")).await;
        for who in ["a", "b", "c", "d"] {
            register(&t.db, &event, &format!("{who}@example.org"))
                .await
                .unwrap();
        }
        let mut input = webinar("Webinar", "2026-03-10T18:00", "public");
        input.capacity = Some("3".into());
        events::update(&t.db, &Actor::System, &event, fields(input))
            .await
            .unwrap();
        let list = registrations::list(&t.db, &event).await.unwrap();
        let registered: Vec<_> = list
            .iter()
            .filter(|r| r.status == RegistrationStatus::Registered)
            .map(|r| r.fields.email.as_str())
            .collect();
        assert_eq!(
            registered,
            ["a@example.org", "b@example.org", "c@example.org"]
        );
    }

    #[tokio::test]
    async fn concurrent_registrations_never_give_away_more_places_than_there_are() {
        let t = fresh().await;
        let event = event_with(&t.db, Some("5")).await;
        let mut tasks = Vec::new();
        for i in 0..16 {
            let db = t.db.clone();
            let event = event.clone();
            tasks.push(tokio::spawn(async move {
                register(&db, &event, &format!("p{i}@example.org")).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(
            registrations::counts(&t.db, &event).await.unwrap(),
            Counts {
                registered: 5,
                waiting: 11,
                attended: 0
            }
        );
        // Cancelling the five at once promotes exactly five of those waiting.
        let list = registrations::list(&t.db, &event).await.unwrap();
        let mut tasks = Vec::new();
        for r in list
            .iter()
            .filter(|r| r.status == RegistrationStatus::Registered)
        {
            let db = t.db.clone();
            let id = r.id.clone();
            tasks.push(tokio::spawn(async move {
                registrations::cancel(&db, &Actor::System, &id).await
            }));
        }
        for task in tasks {
            task.await.unwrap().unwrap();
        }
        assert_eq!(
            registrations::counts(&t.db, &event).await.unwrap(),
            Counts {
                registered: 5,
                waiting: 6,
                attended: 0
            }
        );
    }

    #[tokio::test]
    async fn a_registration_outside_its_window_changes_nothing() {
        let t = fresh().await;
        let event = event_with(&t.db, Some("1")).await;
        let after = DateTime::parse_from_rfc3339("2026-03-10T16:30:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let err = registrations::register(
            &t.db,
            &Actor::System,
            &event,
            person("late@example.org"),
            after,
        )
        .await
        .unwrap_err();
        assert_eq!(
            invalid(err),
            Invalid::new("registration", Problem::RegistrationClosed)
        );
        assert_eq!(
            registrations::counts(&t.db, &event).await.unwrap(),
            Counts::default()
        );
        // The place it would have taken is still free.
        let first = register(&t.db, &event, "first@example.org").await.unwrap();
        assert_eq!(first.status, RegistrationStatus::Registered);
    }

    #[tokio::test]
    async fn the_server_secret_is_made_once_and_shared_by_every_caller() {
        let t = fresh().await;
        let (a, b) = tokio::join!(
            registrations::server_secret(&t.db, "cancel-links"),
            registrations::server_secret(&t.db, "cancel-links")
        );
        let (a, b) = (a.unwrap(), b.unwrap());
        assert_eq!(a, b);
        assert!(a.len() >= 40);
        assert_eq!(
            registrations::server_secret(&t.db, "cancel-links")
                .await
                .unwrap(),
            a
        );
        assert_ne!(
            registrations::server_secret(&t.db, "other").await.unwrap(),
            a
        );
    }
}

#[tokio::test]
async fn clashes_are_found_among_the_events_the_reader_may_see_leaving_out_the_event_itself() {
    use tadamun_core::events::clash::Audience;

    let t = fresh().await;
    let first = events::create(
        &t.db,
        &Actor::System,
        fields(webinar("Africa webinar", "2026-03-10T18:00", "public")),
    )
    .await
    .unwrap();
    let mut near = webinar("Members' call", "2026-03-10T19:45", "network");
    near.regions = vec!["014".into()];
    near.languages = vec!["sw".into()];
    events::create(&t.db, &Actor::System, fields(near))
        .await
        .unwrap();
    let mut elsewhere = webinar("Europe webinar", "2026-03-10T18:00", "public");
    elsewhere.regions = vec!["150".into()];
    elsewhere.languages = vec!["fr".into()];
    events::create(&t.db, &Actor::System, fields(elsewhere))
        .await
        .unwrap();
    let f = &first.fields;
    let found = |viewer: Viewer| {
        let db = t.db.clone();
        let (start, end, audience, id) = (f.start.at, f.end(), Audience::of(f), first.id.clone());
        async move {
            events::clashes(&db, &viewer, start, end, &audience, Some(&id))
                .await
                .unwrap()
                .into_iter()
                .map(|(e, s)| (e.fields.title, s.regions))
                .collect::<Vec<_>>()
        }
    };
    // The members' call starts 15 minutes after the webinar ends, for a sub-region of
    // its audience.
    assert_eq!(
        found(member()).await,
        [("Members' call".to_owned(), vec!["002".to_owned()])]
    );
    assert!(found(Viewer::Anonymous).await.is_empty());
}

/// The titles on the first page of upcoming events `viewer` gets.
async fn first_page(db: &tadamun_store::Db, viewer: &Viewer) -> Vec<String> {
    let filter = EventFilter {
        from: Some(
            chrono::DateTime::parse_from_rfc3339("2026-03-01T00:00:00Z")
                .unwrap()
                .to_utc(),
        ),
        ..Default::default()
    };
    let request = tadamun_core::page::PageRequest::parse(None, None).unwrap();
    events::page(db, viewer, &filter, events::Direction::Forward, &request)
        .await
        .unwrap()
        .items
        .iter()
        .map(|e| e.fields.title.clone())
        .collect()
}

#[tokio::test]
async fn a_kept_page_of_events_follows_every_write_and_keeps_network_events_from_anonymous_readers()
{
    let t = fresh().await;
    events::create(
        &t.db,
        &Actor::System,
        fields(webinar("Open webinar", "2026-03-10T18:00", "public")),
    )
    .await
    .unwrap();
    let briefing = events::create(
        &t.db,
        &Actor::System,
        fields(webinar("Members' briefing", "2026-03-11T18:00", "network")),
    )
    .await
    .unwrap();
    // A signed-in reader reads the page first; an anonymous one must not get it.
    assert_eq!(
        first_page(&t.db, &member()).await,
        ["Open webinar", "Members' briefing"]
    );
    assert_eq!(
        first_page(&t.db, &Viewer::Anonymous).await,
        ["Open webinar"]
    );
    assert_eq!(
        first_page(&t.db, &member()).await,
        ["Open webinar", "Members' briefing"]
    );

    // Writes through the repository and around it show at once.
    events::update(
        &t.db,
        &Actor::System,
        &briefing.id,
        fields(webinar(
            "Members' briefing, moved",
            "2026-03-09T18:00",
            "network",
        )),
    )
    .await
    .unwrap();
    assert_eq!(
        first_page(&t.db, &member()).await,
        ["Members' briefing, moved", "Open webinar"]
    );
    tadamun_store::testing::execute(
        &t.db,
        "UPDATE events SET visibility = 'public', title = 'Briefing for all' \
         WHERE title = 'Members'' briefing, moved'",
    )
    .await
    .unwrap();
    assert_eq!(
        first_page(&t.db, &Viewer::Anonymous).await,
        ["Briefing for all", "Open webinar"]
    );
    tadamun_store::testing::execute(&t.db, "DELETE FROM events WHERE title = 'Open webinar'")
        .await
        .unwrap();
    assert_eq!(first_page(&t.db, &member()).await, ["Briefing for all"]);
    assert_eq!(
        first_page(&t.db, &Viewer::Anonymous).await,
        ["Briefing for all"]
    );
}
