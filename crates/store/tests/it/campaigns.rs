//! Campaigns and their targets on both databases: links to organisers, items and
//! indicators, the list's filters, outcomes, and the audit rows of every write.

use chrono::NaiveDate;
use tadamun_core::audit::Actor;
use tadamun_core::campaigns::{CampaignInput, CampaignKind, Outcome, Phase, TargetInput};
use tadamun_core::ids::{CampaignId, GroupId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::page::PageRequest;
use tadamun_core::{Invalid, Problem};
use tadamun_store::audit::{self, AuditFilter};
use tadamun_store::campaigns::{self, CampaignFilter, targets};
use tadamun_store::{Db, StoreError, directory, groups as group_store};

use crate::groups::{group, invalid, item};
use crate::{fresh, org_fields};

fn input(name: &str, kind: &str, start: &str, end: Option<&str>) -> CampaignInput {
    CampaignInput {
        name: name.into(),
        kind: kind.into(),
        start: start.into(),
        end: end.map(Into::into),
        ..Default::default()
    }
}

async fn campaign(db: &Db, i: CampaignInput) -> CampaignId {
    campaigns::create(db, &Actor::System, i.validate().unwrap())
        .await
        .unwrap()
        .id
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[tokio::test]
async fn a_campaign_keeps_its_organisers_items_and_languages_and_forgets_a_deleted_group() {
    let t = fresh().await;
    let media = group(&t.db, "Media working group", None).await;
    let legal = group(&t.db, "Legal working group", None).await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Sahel Voices", "network"),
        tadamun_core::directory::Stage::Member,
    )
    .await
    .unwrap();
    let plan = item(&t.db, "plan", None, "Two-year plan").await;
    let mut i = input("Voices of the Sahel", "media", "2026-03-01", None);
    i.groups = vec![media.to_string(), legal.to_string()];
    i.organisations = vec![org.id.to_string()];
    i.items = vec![plan.id.to_string()];
    i.languages = vec!["ar".into(), "sw".into()];
    i.regions = vec!["002".into()];
    let id = campaign(&t.db, i).await;
    let stored = campaigns::get(&t.db, &id).await.unwrap();
    let mut expected = vec![media.clone(), legal.clone()];
    expected.sort();
    assert_eq!(stored.fields.groups, expected);
    assert_eq!(stored.fields.organisations, vec![org.id.clone()]);
    assert_eq!(stored.fields.items, vec![plan.id.clone()]);
    assert_eq!(
        stored.fields.languages,
        vec![
            LanguageCode::from_stored("ar".into()),
            LanguageCode::from_stored("sw".into())
        ]
    );
    group_store::delete(&t.db, &Actor::System, &legal)
        .await
        .unwrap();
    let stored = campaigns::get(&t.db, &id).await.unwrap();
    assert_eq!(stored.fields.groups, vec![media]);
}

#[tokio::test]
async fn a_campaign_naming_an_unknown_organiser_is_refused_and_nothing_is_written() {
    let t = fresh().await;
    let mut i = input("Ghost campaign", "legal", "2026-01-01", None);
    i.groups = vec![GroupId::new().to_string()];
    let e = campaigns::create(&t.db, &Actor::System, i.validate().unwrap())
        .await
        .unwrap_err();
    assert_eq!(invalid(e), Invalid::new("groups", Problem::UnknownValue));
    assert!(
        campaigns::list(&t.db, &CampaignFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_list_narrows_by_kind_region_language_group_and_phase() {
    let t = fresh().await;
    let media_group = group(&t.db, "Media working group", None).await;
    let mut media = input("Voices", "media", "2026-03-01", Some("2026-06-30"));
    media.regions = vec!["014".into()];
    media.languages = vec!["sw".into(), "en".into()];
    media.groups = vec![media_group.to_string()];
    let media = campaign(&t.db, media).await;
    let mut boycott = input("Divest now", "economic", "2026-07-01", None);
    boycott.regions = vec!["150".into()];
    let boycott = campaign(&t.db, boycott).await;
    fn ids(found: std::sync::Arc<Vec<tadamun_core::campaigns::Campaign>>) -> Vec<CampaignId> {
        found.iter().map(|c| c.id.clone()).collect()
    }
    let db = &t.db;
    let all = ids(campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap());
    assert_eq!(all, vec![boycott.clone(), media.clone()]);
    let only =
        |filter: CampaignFilter| async move { ids(campaigns::list(db, &filter).await.unwrap()) };
    assert_eq!(
        only(CampaignFilter {
            kind: Some(CampaignKind::Economic),
            ..Default::default()
        })
        .await,
        vec![boycott.clone()]
    );
    assert_eq!(
        only(CampaignFilter {
            regions: vec!["002".into(), "014".into()],
            ..Default::default()
        })
        .await,
        vec![media.clone()]
    );
    assert_eq!(
        only(CampaignFilter {
            language: Some(LanguageCode::from_stored("sw".into())),
            ..Default::default()
        })
        .await,
        vec![media.clone()]
    );
    assert_eq!(
        only(CampaignFilter {
            group: Some(media_group),
            ..Default::default()
        })
        .await,
        vec![media.clone()]
    );
    let on = |p: Phase, d: &str| CampaignFilter {
        phase: Some((p, day(d))),
        ..Default::default()
    };
    assert_eq!(
        only(on(Phase::Running, "2026-04-01")).await,
        vec![media.clone()]
    );
    assert_eq!(
        only(on(Phase::Upcoming, "2026-04-01")).await,
        vec![boycott.clone()]
    );
    assert_eq!(
        only(on(Phase::Ended, "2026-08-01")).await,
        vec![media.clone()]
    );
    assert_eq!(only(on(Phase::Running, "2026-08-01")).await, vec![boycott]);
}

#[tokio::test]
async fn targets_belong_to_their_campaign_and_every_write_is_audited() {
    let t = fresh().await;
    let id = campaign(&t.db, input("Divest now", "economic", "2026-01-01", None)).await;
    let other = campaign(&t.db, input("Other", "legal", "2026-01-01", None)).await;
    let fields = TargetInput {
        name: "Northwind Pension Fund".into(),
        kind: "institution".into(),
        country: Some("NO".into()),
        demands: Some("Divest".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let target = targets::create(&t.db, &Actor::System, &id, fields.clone())
        .await
        .unwrap();
    assert_eq!(target.fields.outcome, Outcome::Open);
    let won = TargetInput {
        name: "Northwind Pension Fund".into(),
        kind: "institution".into(),
        outcome: Some("won".into()),
        outcome_date: Some("2026-05-12".into()),
        evidence: Some("https://example.org/divested".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    let after = targets::update(&t.db, &Actor::System, &id, &target.id, won)
        .await
        .unwrap();
    assert_eq!(after.fields.outcome_date, Some(day("2026-05-12")));
    assert_eq!(targets::get(&t.db, &id, &target.id).await.unwrap(), after);
    assert!(matches!(
        targets::get(&t.db, &other, &target.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        targets::delete(&t.db, &Actor::System, &other, &target.id).await,
        Err(StoreError::NotFound)
    ));
    let page = campaigns::page(&t.db, &id).await.unwrap();
    assert_eq!(page.targets, vec![after]);
    let entries = audit::list(
        &t.db,
        &AuditFilter {
            entity: Some("campaign_target".into()),
            entity_id: Some(target.id.to_string()),
        },
        &PageRequest::parse(None, None).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(entries.items.len(), 2);
    campaigns::delete(&t.db, &Actor::System, &id).await.unwrap();
    assert!(matches!(
        targets::get(&t.db, &id, &target.id).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn the_demo_has_a_media_an_economic_and_a_legal_campaign_with_wins_and_losses() {
    let t = fresh().await;
    tadamun_store::demo::load(&t.db, Some("demo password 1234"))
        .await
        .unwrap();
    let all = campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap();
    let kinds: Vec<CampaignKind> = all.iter().map(|c| c.fields.kind).collect();
    assert_eq!(kinds.len(), 3);
    for kind in [
        CampaignKind::Media,
        CampaignKind::Economic,
        CampaignKind::Legal,
    ] {
        assert!(kinds.contains(&kind), "{kind:?}");
    }
    let media = all
        .iter()
        .find(|c| c.fields.kind == CampaignKind::Media)
        .unwrap();
    assert_eq!(media.fields.languages.len(), 5);
    let mut states = Vec::new();
    let mut outdated = 0;
    for item in tadamun_store::campaigns::content::of_campaign(&t.db, &media.id)
        .await
        .unwrap()
    {
        for tr in tadamun_store::campaigns::content::translations(&t.db, &item.id)
            .await
            .unwrap()
        {
            states.push(tr.state);
            outdated += usize::from(tr.outdated);
        }
    }
    assert_eq!(states.len(), 12, "three items, four languages each");
    for s in tadamun_core::campaigns::TranslationState::ALL {
        assert!(states.contains(&s), "{s:?}");
    }
    assert_eq!(
        outdated, 2,
        "the reworded fact sheet's two approved translations"
    );
    assert_eq!(
        media.fields.name_in(tadamun_core::i18n::Lang::Ar),
        "أصواتنا بكل اللغات"
    );
    let economic = all
        .iter()
        .find(|c| c.fields.kind == CampaignKind::Economic)
        .unwrap();
    let outcomes: Vec<Outcome> = targets::of_campaign(&t.db, &economic.id)
        .await
        .unwrap()
        .into_iter()
        .map(|t| t.fields.outcome)
        .collect();
    for o in [Outcome::Won, Outcome::Partial, Outcome::Lost, Outcome::Open] {
        assert!(outcomes.contains(&o), "{o:?}");
    }
    assert_eq!(economic.fields.indicators.len(), 1);
    assert_eq!(economic.fields.items.len(), 1);
}

#[tokio::test]
async fn a_kept_list_of_campaigns_is_read_again_after_any_write_to_campaigns() {
    let t = fresh().await;
    let voices = campaign(&t.db, input("Voices", "media", "2026-03-01", None)).await;
    let org = directory::create(
        &t.db,
        &Actor::System,
        org_fields("Harvest Watch", "public"),
        tadamun_core::directory::Stage::Member,
    )
    .await
    .unwrap();
    let by_org = CampaignFilter {
        organisation: Some(org.id.clone()),
        ..Default::default()
    };
    let all = campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap();
    let again = campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap();
    assert!(std::sync::Arc::ptr_eq(&all, &again), "kept");
    assert!(campaigns::list(&t.db, &by_org).await.unwrap().is_empty());

    // Writes that bypass the repositories (as an operator's SQL would) are seen at once.
    let sql = |statement: String| {
        let db = t.db.clone();
        async move {
            tadamun_store::testing::execute(&db, &statement)
                .await
                .unwrap()
        }
    };
    sql(format!(
        "INSERT INTO campaign_organisations (campaign_id, organisation_id) VALUES ('{voices}', '{}')",
        org.id
    ))
    .await;
    let found = campaigns::list(&t.db, &by_org).await.unwrap();
    assert_eq!(found[0].fields.organisations, vec![org.id.clone()]);
    sql(format!(
        "UPDATE campaigns SET name = 'Voices of the harvest' WHERE id = '{voices}'"
    ))
    .await;
    let all = campaigns::list(&t.db, &CampaignFilter::default())
        .await
        .unwrap();
    assert_eq!(all[0].fields.name, "Voices of the harvest");
    campaigns::delete(&t.db, &Actor::System, &voices)
        .await
        .unwrap();
    assert!(
        campaigns::list(&t.db, &CampaignFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
}
