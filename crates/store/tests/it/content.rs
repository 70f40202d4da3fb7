//! Content items and the translation workflow on both databases: writing makes a
//! draft, moves follow the workflow with a history, impossible moves are refused and
//! change nothing, and changing the source marks approved translations out of date.

use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::campaigns::{CampaignInput, ContentInput, TranslationInput, TranslationState};
use tadamun_core::languages::LanguageCode;
use tadamun_core::{Invalid, Problem};
use tadamun_store::StoreError;
use tadamun_store::campaigns::{self, content};

use crate::groups::invalid;
use crate::{add_user, fresh};

fn lang(code: &str) -> LanguageCode {
    LanguageCode::from_stored(code.into())
}

#[tokio::test]
async fn a_translation_is_written_reviewed_approved_published_and_outdated_by_the_source() {
    let t = fresh().await;
    let translator = add_user(&t.db, "translator@example.org", Role::Member, None).await;
    let campaign = campaigns::create(
        &t.db,
        &Actor::System,
        CampaignInput {
            name: "Voices".into(),
            kind: "media".into(),
            start: "2026-01-01".into(),
            languages: vec!["ar".into(), "en".into(), "sw".into()],
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    let source = ContentInput {
        kind: "press_release".into(),
        channel: "website".into(),
        source_lang: "ar".into(),
        title: "بيان صحفي".into(),
        body: Some("نص البيان".into()),
    };
    let item = content::create(
        &t.db,
        &Actor::System,
        &campaign.id,
        source.validate().unwrap(),
    )
    .await
    .unwrap();
    let all = content::translations(&t.db, &item.id).await.unwrap();
    let langs: Vec<&str> = all.iter().map(|t| t.lang.as_str()).collect();
    assert_eq!(
        langs,
        ["en", "sw"],
        "every campaign language but the source"
    );
    assert!(all.iter().all(|t| t.state == TranslationState::Missing));
    assert!(matches!(
        content::translation_of(&t.db, &item.id, &lang("ar")).await,
        Err(StoreError::NotFound)
    ));

    let who = Actor::User(translator.id.clone());
    let publish_early = content::move_translation(
        &t.db,
        &who,
        &item.id,
        &lang("en"),
        TranslationState::Published,
    )
    .await
    .unwrap_err();
    assert_eq!(
        invalid(publish_early),
        Invalid::new("state", Problem::TranslationMove)
    );
    let written = content::save_translation(
        &t.db,
        &who,
        &item.id,
        &lang("en"),
        TranslationInput {
            title: Some("Press release".into()),
            body: Some("The text".into()),
            assignee: Some(translator.id.to_string()),
            due: Some("2026-02-01".into()),
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(written.state, TranslationState::Draft);
    for to in [TranslationState::InReview, TranslationState::Approved] {
        content::move_translation(&t.db, &who, &item.id, &lang("en"), to)
            .await
            .unwrap();
    }
    let skip = content::move_translation(
        &t.db,
        &who,
        &item.id,
        &lang("en"),
        TranslationState::InReview,
    )
    .await
    .unwrap_err();
    assert_eq!(
        invalid(skip),
        Invalid::new("state", Problem::TranslationMove)
    );
    content::move_translation(
        &t.db,
        &who,
        &item.id,
        &lang("en"),
        TranslationState::Published,
    )
    .await
    .unwrap();
    let history = content::history(&t.db, &item.id, &lang("en"))
        .await
        .unwrap();
    let path: Vec<(&str, &str)> = history
        .iter()
        .map(|c| (c.from.as_str(), c.to.as_str()))
        .collect();
    assert_eq!(
        path,
        [
            ("missing", "draft"),
            ("draft", "in_review"),
            ("in_review", "approved"),
            ("approved", "published")
        ]
    );
    assert_eq!(history[0].by, "translator@example.org");

    // Changing only the channel leaves the translation as it is.
    let mut changed = source.clone();
    changed.channel = "x".into();
    content::update(&t.db, &Actor::System, &item.id, changed.validate().unwrap())
        .await
        .unwrap();
    assert!(
        !content::translation_of(&t.db, &item.id, &lang("en"))
            .await
            .unwrap()
            .outdated
    );
    // Changing the source's text marks it out of date, until its own text is revised.
    changed.body = Some("نص البيان المعدّل".into());
    content::update(&t.db, &Actor::System, &item.id, changed.validate().unwrap())
        .await
        .unwrap();
    let en = content::translation_of(&t.db, &item.id, &lang("en"))
        .await
        .unwrap();
    assert!(en.outdated);
    assert_eq!(en.state, TranslationState::Published);
    let sw = content::translation_of(&t.db, &item.id, &lang("sw"))
        .await
        .unwrap();
    assert!(!sw.outdated, "a missing translation is not out of date");
    let revised = content::save_translation(
        &t.db,
        &who,
        &item.id,
        &lang("en"),
        TranslationInput {
            title: Some("Press release".into()),
            body: Some("The revised text".into()),
            ..Default::default()
        }
        .validate()
        .unwrap(),
    )
    .await
    .unwrap();
    assert!(!revised.outdated);
    assert_eq!(
        revised.state,
        TranslationState::Draft,
        "published text changed: a draft again"
    );
}

#[tokio::test]
async fn a_campaigns_items_read_with_their_translations_at_once_match_each_read_alone() {
    let t = fresh().await;
    let sizes = tadamun_store::demo::large::Sizes {
        organisations: 10,
        people: 10,
        audit_rows: 50,
        plans: 0,
        measurements: 0,
        events: 0,
        registrations: 0,
        campaigns: 3,
        content_items: 30,
    };
    tadamun_store::demo::load_large(&t.db, None, sizes, |_, _| {})
        .await
        .unwrap();
    let all = campaigns::list(&t.db, &Default::default()).await.unwrap();
    assert_eq!(all.len(), 3);
    let mut missing = 0;
    for campaign in all.iter() {
        let together = content::with_translations(&t.db, campaign).await.unwrap();
        assert_eq!(together.len(), 10);
        for (item, translations) in together {
            let alone = content::translations(&t.db, &item.id).await.unwrap();
            assert_eq!(translations, alone);
            missing += alone
                .iter()
                .filter(|t| t.state == TranslationState::Missing)
                .count();
        }
    }
    assert!(missing > 0, "some languages are still to translate");
}
