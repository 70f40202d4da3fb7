//! The store's integration tests, run against SQLite by default and against
//! PostgreSQL when `TADAMUN_TEST_POSTGRES` names a server.

// A failed unwrap is how a test reports a broken expectation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod accounts;
mod audit;
mod campaigns;
mod content;
mod coverage;
mod demo;
mod directory;
mod events;
mod groups;
mod migrate;
mod outreach;
mod people;
mod plans;
mod recommendations;
mod reminders;
mod search;

use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, User};
use tadamun_core::audit::Actor;
use tadamun_core::directory::{OrganisationFields, OrganisationInput};
use tadamun_core::ids::OrganisationId;
use tadamun_store::Db;
use tadamun_store::accounts::users;
use tadamun_store::testing::TestDatabase;

pub(crate) async fn fresh() -> TestDatabase {
    TestDatabase::new().await.expect("test database")
}

pub(crate) async fn add_user(
    db: &Db,
    email: &str,
    role: Role,
    organisation: Option<OrganisationId>,
) -> User {
    let email = Email::parse(email).unwrap();
    let password = NewPassword::parse("a long enough password", &email)
        .unwrap()
        .hash();
    users::create(
        db,
        &Actor::System,
        NewUser {
            email,
            name: "Test".into(),
            role,
            organisation,
            password,
        },
    )
    .await
    .unwrap()
}

pub(crate) fn org_fields(name: &str, visibility: &str) -> OrganisationFields {
    OrganisationInput {
        name: name.into(),
        country: "KE".into(),
        visibility: Some(visibility.into()),
        ..Default::default()
    }
    .validate(&[])
    .unwrap()
}
