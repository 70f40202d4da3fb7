//! Demo data: a small coalition to explore Tadamun with (here), and a large one for
//! the benchmark (`large`). Each area adds its own records as it lands, so
//! `tadamun serve --demo` always shows every area.

mod campaigns;
mod events;
mod groups;
pub mod large;
mod plans;

use std::collections::HashMap;

use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, Secret};
use tadamun_core::audit::Actor;
use tadamun_core::coverage::targets::TargetInput;
use tadamun_core::directory::OrganisationInput;
use tadamun_core::directory::people::PersonInput;
use tadamun_core::ids::{OrganisationId, PersonId};

use crate::accounts::users;
use crate::error::{Result, StoreError};
use crate::{Db, coverage, directory};

/// A demo account and its password, printed at start so people can sign in.
#[derive(Debug, Clone)]
pub struct DemoAccount {
    /// Sign-in address.
    pub email: String,
    /// Role.
    pub role: Role,
    /// Password in clear: demo data only.
    pub password: String,
}

/// The demo organisations, one per line: key, names, kind, place, focus areas,
/// languages, stage, visibility, website, description (see the header line).
const ORGANISATIONS: &str = include_str!("../../data/demo/organisations.tsv");

/// The demo people, one per line, each naming their organisation by its key.
const PEOPLE: &str = include_str!("../../data/demo/people.tsv");

/// The rows of a demo file as maps from column name to value.
fn rows(tsv: &'static str) -> Vec<HashMap<&'static str, &'static str>> {
    let mut lines = tsv.lines();
    let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| header.iter().copied().zip(l.split('\t')).collect())
        .collect()
}

/// The day `offset` days from `today` (before it when negative): demo dates are
/// counted from the day the demo is loaded.
fn day(today: chrono::NaiveDate, offset: i64) -> chrono::NaiveDate {
    let days = chrono::Days::new(offset.unsigned_abs());
    if offset < 0 {
        today - days
    } else {
        today + days
    }
}

fn cell(row: &HashMap<&str, &'static str>, column: &str) -> Option<String> {
    row.get(column)
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Adds the demo organisations; returns their ids by key.
async fn organisations(db: &Db, system: &Actor) -> Result<HashMap<&'static str, OrganisationId>> {
    let focus = directory::focus::list(db).await?;
    let mut ids = HashMap::new();
    for row in rows(ORGANISATIONS) {
        let c = |column| cell(&row, column);
        let input = OrganisationInput {
            name: c("name").unwrap_or_default(),
            name_lang: c("name_lang"),
            name_ar: c("name_ar"),
            name_en: c("name_en"),
            name_fr: c("name_fr"),
            name_es: c("name_es"),
            kind: c("kind"),
            country: c("country").unwrap_or_default(),
            city: c("city"),
            website: c("website"),
            description: c("description"),
            focus_areas: c("focus_areas").into_iter().collect(),
            languages: c("languages").into_iter().collect(),
            visibility: c("visibility"),
            stage: c("stage"),
        };
        let fields = input
            .validate(&focus)
            .map_err(|_| StoreError::Corrupt("demo organisation"))?;
        let stage = input
            .initial_stage()
            .map_err(|_| StoreError::Corrupt("demo organisation stage"))?;
        let org = directory::create(db, system, fields, stage).await?;
        ids.insert(row.get("key").copied().unwrap_or_default(), org.id);
    }
    Ok(ids)
}

/// Adds the demo people, affiliated to the organisations of `orgs`; returns their ids
/// by display name.
async fn people(
    db: &Db,
    system: &Actor,
    orgs: &HashMap<&'static str, OrganisationId>,
) -> Result<HashMap<String, PersonId>> {
    let mut ids = HashMap::new();
    for (i, row) in rows(PEOPLE).into_iter().enumerate() {
        let c = |column| cell(&row, column);
        let organisation = c("organisation_key").and_then(|k| orgs.get(k.as_str()).cloned());
        // Consents were collected over the first months of the year.
        let consent_date =
            c("consent_scope").map(|_| format!("2026-{:02}-{:02}", 1 + i % 9, 1 + i % 27));
        let input = PersonInput {
            display_name: c("display_name").unwrap_or_default(),
            pseudonymous: c("pseudonymous"),
            alias: c("alias"),
            country: c("country"),
            languages: c("languages").into_iter().collect(),
            public_figure: c("public_figure"),
            email: c("email"),
            phone: c("phone"),
            signal: c("signal"),
            consent_scope: c("consent_scope"),
            consent_date,
            note: c("note"),
            visibility: c("visibility"),
            organisations: organisation.map(|o| o.to_string()).into_iter().collect(),
            roles: c("affiliation_role").into_iter().collect(),
            ..Default::default()
        };
        let fields = input
            .validate()
            .map_err(|_| StoreError::Corrupt("demo person"))?;
        let name = fields.display_name.clone();
        let person = directory::people::create(db, system, fields).await?;
        ids.insert(name, person.id);
    }
    Ok(ids)
}

/// The coalition's first expansion target: 25 member organisations in Africa by the
/// end of June 2027.
async fn targets(db: &Db, system: &Actor) -> Result<()> {
    let africa = TargetInput {
        region: "002".into(),
        counts: "members".into(),
        target: "25".into(),
        deadline: "2027-06-30".into(),
        note: Some(
            "Africa first: one member in every sub-region, then in every country with a partner."
                .into(),
        ),
        ..Default::default()
    };
    let fields = africa
        .validate(&[])
        .map_err(|_| StoreError::Corrupt("demo target"))?;
    coverage::create_target(db, system, fields).await?;
    Ok(())
}

/// Loads the demo coalition into an empty database. Returns the demo accounts, or
/// `None` when the database already has users (nothing is changed then).
///
/// Every account gets `password` if given, otherwise a fresh random one.
pub async fn load(db: &Db, password: Option<&str>) -> Result<Option<Vec<DemoAccount>>> {
    if users::count(db).await? > 0 {
        return Ok(None);
    }
    let system = Actor::System;
    let orgs = organisations(db, &system).await?;
    let people = people(db, &system, &orgs).await?;
    targets(db, &system).await?;
    plans::load(db, &system, &orgs, &people).await?;
    groups::load(db, &system, &people).await?;
    campaigns::load(db, &system, &orgs).await?;
    events::load(db, &system, &orgs, &people).await?;
    accounts(db, password, orgs.get("ksn").cloned())
        .await
        .map(Some)
}

/// Loads the large coalition of the benchmark into an empty database (see [`large`]),
/// with the demo accounts. Returns `None` when the database already has users.
pub async fn load_large(
    db: &Db,
    password: Option<&str>,
    sizes: large::Sizes,
    progress: impl FnMut(&str, usize),
) -> Result<Option<Vec<DemoAccount>>> {
    if users::count(db).await? > 0 {
        return Ok(None);
    }
    let mut progress = progress;
    large::load(db, sizes, &mut progress).await?;
    // The large coalition is written in bulk, past the writes that index each record.
    let entries = crate::search::reindex(db).await?;
    progress("search entries", entries);
    db.ready_after_bulk_load().await?;
    let member_org = directory::all_names(db, &tadamun_core::visibility::Viewer::System)
        .await?
        .into_iter()
        .next()
        .map(|(id, _)| id);
    accounts(db, password, member_org).await.map(Some)
}

/// The four demo accounts, one per role; the member belongs to `member_org`.
async fn accounts(
    db: &Db,
    password: Option<&str>,
    member_org: Option<OrganisationId>,
) -> Result<Vec<DemoAccount>> {
    let system = Actor::System;
    let people = [
        ("admin@demo.tadamun.org", "Amina Diallo", Role::Admin, None),
        (
            "coordinator@demo.tadamun.org",
            "Karim Haddad",
            Role::Coordinator,
            None,
        ),
        (
            "member@demo.tadamun.org",
            "Wanjiku Kamau",
            Role::Member,
            member_org,
        ),
        (
            "viewer@demo.tadamun.org",
            "Lucía Fernández",
            Role::Viewer,
            None,
        ),
    ];
    let mut accounts = Vec::new();
    for (email, name, role, organisation) in people {
        let email = Email::parse(email).map_err(|_| StoreError::Corrupt("demo e-mail"))?;
        let clear = match password {
            Some(p) => p.to_owned(),
            None => Secret::generate("").expose().chars().take(16).collect(),
        };
        let hashed = NewPassword::parse(&clear, &email)
            .map_err(|_| StoreError::Corrupt("demo password"))?
            .hash();
        let new = NewUser {
            email: email.clone(),
            name: name.into(),
            role,
            organisation,
            password: hashed,
        };
        users::create(db, &system, new).await?;
        accounts.push(DemoAccount {
            email: email.as_str().to_owned(),
            role,
            password: clear,
        });
    }
    Ok(accounts)
}
