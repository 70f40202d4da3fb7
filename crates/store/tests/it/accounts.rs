use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, Secret};
use tadamun_core::audit::Actor;
use tadamun_store::StoreError;
use tadamun_store::accounts::throttle::{self, Subject};
use tadamun_store::accounts::{sessions, tokens, users};

use crate::{add_user, fresh};

#[tokio::test]
async fn one_email_is_one_account_whatever_its_case() {
    let t = fresh().await;
    add_user(&t.db, "amal@example.org", Role::Member, None).await;
    let email = Email::parse("AMAL@example.org").unwrap();
    let password = NewPassword::parse("another long password", &email)
        .unwrap()
        .hash();
    let new = NewUser {
        email,
        name: "Amal".into(),
        role: Role::Viewer,
        organisation: None,
        password,
    };
    let err = users::create(&t.db, &Actor::System, new).await.unwrap_err();
    assert!(matches!(err, StoreError::Taken { field: "email" }), "{err}");
    assert_eq!(users::count(&t.db).await.unwrap(), 1);
}

#[tokio::test]
async fn sessions_are_found_by_secret_and_end_when_the_account_is_disabled() {
    let t = fresh().await;
    let user = add_user(&t.db, "k@example.org", Role::Viewer, None).await;
    let secret = sessions::create(&t.db, &user.id).await.unwrap();
    let found = sessions::user_for(&t.db, &secret).await.unwrap().unwrap();
    assert_eq!(found.user.id, user.id);
    assert!(
        sessions::user_for(&t.db, &Secret::generate(""))
            .await
            .unwrap()
            .is_none()
    );

    let access = users::Access {
        role: Role::Viewer,
        organisation: None,
        active: false,
    };
    users::update_access(&t.db, &Actor::System, &user.id, access)
        .await
        .unwrap();
    assert!(sessions::user_for(&t.db, &secret).await.unwrap().is_none());
}

#[tokio::test]
async fn tokens_work_until_revoked_and_are_stored_only_as_hashes() {
    let t = fresh().await;
    let user = add_user(&t.db, "t@example.org", Role::Coordinator, None).await;
    let (token, secret) = tokens::create(&t.db, &Actor::System, &user.id, "sync script")
        .await
        .unwrap();
    assert_eq!(
        tokens::user_for(&t.db, &secret)
            .await
            .unwrap()
            .unwrap()
            .user
            .id,
        user.id
    );
    assert_eq!(
        tokens::list_for(&t.db, &user.id).await.unwrap()[0].label,
        "sync script"
    );
    tokens::revoke(&t.db, &Actor::System, &user.id, &token.id)
        .await
        .unwrap();
    assert!(tokens::user_for(&t.db, &secret).await.unwrap().is_none());
    assert!(tokens::list_for(&t.db, &user.id).await.unwrap().is_empty());
}

#[tokio::test]
async fn failed_sign_ins_are_counted_per_subject_and_cleared() {
    let t = fresh().await;
    let account = Subject::Account("a@example.org");
    for _ in 0..6 {
        throttle::record_failure(&t.db, account).await.unwrap();
    }
    throttle::record_failure(&t.db, Subject::Address("10.0.0.1"))
        .await
        .unwrap();
    assert_eq!(throttle::get(&t.db, account).await.unwrap().failures, 6);
    assert_eq!(
        throttle::get(&t.db, Subject::Address("10.0.0.1"))
            .await
            .unwrap()
            .failures,
        1
    );
    throttle::clear(&t.db, account).await.unwrap();
    assert_eq!(throttle::get(&t.db, account).await.unwrap().failures, 0);
}
