use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::Stage;
use tadamun_core::page::PageRequest;
use tadamun_store::audit::{self, AuditFilter};
use tadamun_store::directory;

use crate::{add_user, fresh, org_fields};

#[tokio::test]
async fn every_change_is_logged_with_who_and_before_and_after() {
    let t = fresh().await;
    let admin = add_user(
        &t.db,
        "admin@example.org",
        tadamun_core::accounts::Role::Admin,
        None,
    )
    .await;
    let actor = Actor::User(admin.id.clone());
    let org = directory::create(&t.db, &actor, org_fields("Haki", "public"), Stage::Prospect)
        .await
        .unwrap();
    directory::update(
        &t.db,
        &actor,
        &org.id,
        org_fields("Haki Network", "network"),
    )
    .await
    .unwrap();
    directory::delete(&t.db, &actor, &org.id).await.unwrap();

    let filter = AuditFilter {
        entity: Some("organisation".into()),
        entity_id: Some(org.id.to_string()),
    };
    let log = audit::list(&t.db, &filter, &PageRequest::first())
        .await
        .unwrap()
        .items;
    let actions: Vec<Action> = log.iter().map(|e| e.action).collect();
    assert_eq!(actions, [Action::Delete, Action::Update, Action::Create]);
    assert!(log.iter().all(|e| e.actor_label == "admin@example.org"));
    let update = &log[1];
    assert!(update.before.as_deref().unwrap().contains("\"Haki\""));
    assert!(
        update
            .after
            .as_deref()
            .unwrap()
            .contains("\"Haki Network\"")
    );
    assert!(log[0].after.is_none() && log[2].before.is_none());
}

#[tokio::test]
async fn the_audit_log_refuses_updates_and_deletes() {
    let t = fresh().await;
    add_user(
        &t.db,
        "x@example.org",
        tadamun_core::accounts::Role::Viewer,
        None,
    )
    .await;
    let test_db = tadamun_store::Db::connect(&t.url).await.unwrap();
    // Go around the repository, as an attacker with database access would.
    let update = tadamun_store::testing::execute(
        &test_db,
        "UPDATE audit_log SET actor_label = 'someone else'",
    )
    .await;
    assert!(update.is_err());
    let delete = tadamun_store::testing::execute(&test_db, "DELETE FROM audit_log").await;
    assert!(delete.is_err());
}

#[tokio::test]
async fn the_log_pages_newest_first_with_a_cursor() {
    let t = fresh().await;
    for i in 0..5 {
        directory::create(
            &t.db,
            &Actor::System,
            org_fields(&format!("Org {i}"), "public"),
            Stage::Prospect,
        )
        .await
        .unwrap();
    }
    let first = audit::list(
        &t.db,
        &AuditFilter::default(),
        &PageRequest::parse(Some(3), None).unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(first.items.len(), 3);
    let next = PageRequest::parse(Some(3), first.next_cursor.as_deref()).unwrap();
    let second = audit::list(&t.db, &AuditFilter::default(), &next)
        .await
        .unwrap();
    assert_eq!(second.items.len(), 2);
    assert!(second.next_cursor.is_none());
    assert!(first.items[2].id > second.items[0].id);
}
