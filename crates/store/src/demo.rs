//! Demo data: a small coalition to explore Tadamun with. Each area adds its own
//! records here as it lands, so `tadamun serve --demo` always shows every area.

use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, Secret};
use tadamun_core::audit::Actor;
use tadamun_core::directory::{OrganisationInput, Stage};
use tadamun_core::ids::OrganisationId;

use crate::accounts::users;
use crate::error::{Result, StoreError};
use crate::{Db, directory};

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

/// Name, kind, country, city, visibility, stage.
const ORGANISATIONS: &[(&str, &str, &str, &str, &str, Stage)] = &[
    (
        "Kenya Solidarity Network",
        "ngo",
        "KE",
        "Nairobi",
        "public",
        Stage::Member,
    ),
    (
        "Sauti ya Haki",
        "grassroots",
        "TZ",
        "Dar es Salaam",
        "network",
        Stage::Member,
    ),
    (
        "Collectif Sénégal Solidarité",
        "grassroots",
        "SN",
        "Dakar",
        "public",
        Stage::Member,
    ),
    (
        "South African Boycott Coalition",
        "ngo",
        "ZA",
        "Johannesburg",
        "public",
        Stage::Partner,
    ),
    (
        "شبكة التضامن الأردنية",
        "ngo",
        "JO",
        "عمّان",
        "public",
        Stage::Member,
    ),
    (
        "Observatorio de Derechos Humanos",
        "legal",
        "AR",
        "Buenos Aires",
        "network",
        Stage::Member,
    ),
    (
        "Rede Brasileira de Solidariedade",
        "union",
        "BR",
        "São Paulo",
        "public",
        Stage::Member,
    ),
    (
        "Malaysian Solidarity Forum",
        "student",
        "MY",
        "Kuala Lumpur",
        "network",
        Stage::Partner,
    ),
    (
        "Lawyers for Justice UK",
        "legal",
        "GB",
        "London",
        "restricted",
        Stage::Member,
    ),
    (
        "Association France Solidarité",
        "ngo",
        "FR",
        "Lyon",
        "public",
        Stage::Member,
    ),
    (
        "Ghana Students for Justice",
        "student",
        "GH",
        "Accra",
        "network",
        Stage::Engaged,
    ),
    (
        "Uganda Workers Union",
        "union",
        "UG",
        "Kampala",
        "network",
        Stage::Contacted,
    ),
    (
        "Association Marocaine de Solidarité",
        "ngo",
        "MA",
        "Rabat",
        "network",
        Stage::Contacted,
    ),
    (
        "Nigeria Media for Peace",
        "media",
        "NG",
        "Lagos",
        "network",
        Stage::Prospect,
    ),
    (
        "Ethiopian Faith Forum",
        "faith",
        "ET",
        "Addis Ababa",
        "network",
        Stage::Prospect,
    ),
    (
        "Colectivo Solidario de Chile",
        "grassroots",
        "CL",
        "Santiago",
        "network",
        Stage::Declined,
    ),
];

/// Loads the demo coalition into an empty database. Returns the demo accounts, or
/// `None` when the database already has users (nothing is changed then).
///
/// Every account gets `password` if given, otherwise a fresh random one.
pub async fn load(db: &Db, password: Option<&str>) -> Result<Option<Vec<DemoAccount>>> {
    if users::count(db).await? > 0 {
        return Ok(None);
    }
    let system = Actor::System;
    let mut organisations: Vec<OrganisationId> = Vec::new();
    for (name, kind, country, city, visibility, stage) in ORGANISATIONS {
        let input = OrganisationInput {
            name: (*name).into(),
            kind: Some((*kind).into()),
            country: (*country).into(),
            city: Some((*city).into()),
            visibility: Some((*visibility).into()),
            ..Default::default()
        };
        let fields = input
            .validate(&[])
            .map_err(|_| StoreError::Corrupt("demo organisation"))?;
        organisations.push(directory::create(db, &system, fields, *stage).await?.id);
    }
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
            organisations.first().cloned(),
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
    Ok(Some(accounts))
}
