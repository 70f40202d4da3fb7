//! People and their affiliations to organisations.
//!
//! A pseudonymous person's real name must not be findable by those who only see the
//! alias, so rows carry two search columns: `search_text` (what anyone may search)
//! and `search_full` (every name, searched for coordinators only). Restricted people
//! are seen by coordinators and admins only.

use std::collections::HashMap;

use sqlx::Row as _;
use tadamun_core::accounts::Email;
use tadamun_core::audit::{Action, Actor};
use tadamun_core::directory::CountryCode;
use tadamun_core::directory::people::{
    Affiliation, Consent, ConsentScope, Contacts, Person, PersonFields, PublicFigure,
};
use tadamun_core::ids::{OrganisationId, PersonId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::page::{Page, PageRequest};
use tadamun_core::search::normalise;
use tadamun_core::visibility::{Named, Viewer, Visibility, can_see};

use super::{read_list, stored_list};
use crate::Db;
use crate::audit::{self, Change};
use crate::error::{Result, StoreError};
use crate::sql::{Arg, Columns, Sql};
use crate::visibility::{Naming, push_scope};

const NAMING: Naming<'static> = Naming {
    visibility: "visibility",
    organisation: None,
    users: None,
};

const COLUMNS: &str = "id, display_name, pseudonymous, alias, country, languages, public_figure, email, phone, \
     signal, other_contact, consent_scope, consent_date, note, visibility";

/// What a people list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct PersonFilter {
    /// Words that must all appear in the name (or alias) or note.
    pub text: Option<String>,
    /// Only this country.
    pub country: Option<CountryCode>,
    /// Only countries of this UN M49 region or sub-region.
    pub region: Option<&'static tadamun_core::geo::Region>,
    /// Only people who speak this language.
    pub language: Option<LanguageCode>,
    /// Only public figures of this kind.
    pub public_figure: Option<PublicFigure>,
    /// Only people affiliated to this organisation.
    pub organisation: Option<OrganisationId>,
}

impl PersonFilter {
    fn push(&self, sql: &mut Sql, viewer: &Viewer) {
        if let Some(text) = &self.text {
            // Only coordinators may find a pseudonymous person by their real name.
            let column = if viewer.can_write_network() {
                "search_full"
            } else {
                "search_text"
            };
            for word in normalise(text).split(' ').filter(|w| !w.is_empty()) {
                sql.push(" AND ")
                    .push(column)
                    .push(" LIKE ")
                    .bind_text(format!("%{word}%"));
            }
        }
        if let Some(country) = &self.country {
            sql.push(" AND country = ").bind_text(country.as_str());
        }
        if let Some(region) = self.region {
            super::push_region(sql, region);
        }
        if let Some(language) = &self.language {
            sql.push(" AND languages LIKE ")
                .bind_text(format!("%;{};%", language.as_str()));
        }
        if let Some(figure) = self.public_figure {
            sql.push(" AND public_figure = ").bind_text(figure.as_str());
        }
        if let Some(org) = &self.organisation {
            sql.push(" AND id IN (SELECT person_id FROM affiliations WHERE organisation_id = ")
                .bind_text(org.as_str())
                .push(")");
        }
    }
}

/// People `viewer` may see that match `filter`, oldest first.
#[tracing::instrument(skip(db, viewer))]
pub async fn list(
    db: &Db,
    viewer: &Viewer,
    filter: &PersonFilter,
    page: &PageRequest,
) -> Result<Page<Person>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM people WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql, viewer);
    if let Some(after) = &page.after {
        sql.push(" AND id > ").bind_text(after.clone());
    }
    sql.push(" ORDER BY id LIMIT ").bind_int(page.limit + 1);
    let people = with_affiliations(db, in_id_order(sql, db).await?).await?;
    Ok(Page::from_rows(people, page.limit, |p| p.id.as_str()))
}

/// Every person `viewer` may see that matches `filter`, oldest first, for exports.
#[tracing::instrument(skip(db, viewer))]
pub async fn all(db: &Db, viewer: &Viewer, filter: &PersonFilter) -> Result<Vec<Person>> {
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM people WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    filter.push(&mut sql, viewer);
    sql.push(" ORDER BY id");
    with_affiliations(db, in_id_order(sql, db).await?).await
}

/// The people `sql` selects (as [`COLUMNS`]), oldest first: read as JSON rows, which
/// keep no order.
async fn in_id_order(sql: Sql, db: &Db) -> Result<Vec<Person>> {
    let rows = sql.fetch_rows(db.backend(), db.pool(), COLUMNS).await?;
    let mut people = rows
        .iter()
        .map(|row| person(&row))
        .collect::<Result<Vec<_>>>()?;
    people.sort_unstable_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
    Ok(people)
}

/// The columns a person's shown name is made of, read as JSON rows.
const NAME_COLUMNS: &str = "id, display_name, alias";

/// A person's id and the name `viewer` knows them by, from [`NAME_COLUMNS`].
fn shown(
    (id, display, alias): (String, String, Option<String>),
    viewer: &Viewer,
) -> (PersonId, String) {
    let name = tadamun_core::directory::people::shown_name(&display, alias.as_deref(), viewer);
    (PersonId::from_stored(id), name.to_owned())
}

/// The names `viewer` knows the people of `ids` by (aliases for pseudonymous people
/// unless `viewer` is trusted), for those `viewer` may see, by id.
pub async fn names_of(
    db: &Db,
    viewer: &Viewer,
    ids: &[&PersonId],
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut names = std::collections::BTreeMap::new();
    let mut sql = Sql::new(&format!("SELECT {NAME_COLUMNS} FROM people WHERE id"));
    sql.push_in(db.backend(), ids.iter().map(|id| id.as_str()));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    let rows = sql
        .into_json_rows(db.backend(), NAME_COLUMNS)
        .fetch_json(db.pool())
        .await?;
    for row in rows {
        let (id, name) = shown(row, viewer);
        names.insert(id.to_string(), name);
    }
    Ok(names)
}

/// At most `limit` people `viewer` may see whose names hold every word of `words`
/// (real names only for those allowed to search them), for pickers in directories
/// too large to list whole.
pub async fn names_matching(
    db: &Db,
    viewer: &Viewer,
    words: &str,
    limit: i64,
) -> Result<Vec<(PersonId, String)>> {
    let mut sql = Sql::new(&format!("SELECT {NAME_COLUMNS} FROM people WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    let filter = PersonFilter {
        text: Some(words.to_owned()),
        ..PersonFilter::default()
    };
    filter.push(&mut sql, viewer);
    sql.push(" ORDER BY id LIMIT ").bind_int(limit);
    let rows = sql
        .into_json_rows(db.backend(), NAME_COLUMNS)
        .fetch_json(db.pool())
        .await?;
    let mut names: Vec<_> = rows.into_iter().map(|row| shown(row, viewer)).collect();
    names.sort_by_cached_key(|(_, n)| normalise(n));
    Ok(names)
}

/// How many people `viewer` may see.
pub async fn count_visible(db: &Db, viewer: &Viewer) -> Result<i64> {
    let mut sql = Sql::new("SELECT COUNT(*) FROM people WHERE 1 = 1");
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    let row = sql.query().fetch_one(db.pool()).await?;
    Ok(row.try_get::<i64, _>(0)?)
}

/// Every person `viewer` may see, by the name `viewer` knows them by, for pickers.
pub async fn all_names(db: &Db, viewer: &Viewer) -> Result<Vec<(PersonId, String)>> {
    let mut sql = Sql::new(&format!("SELECT {NAME_COLUMNS} FROM people WHERE 1 = 1"));
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    let rows = sql
        .into_json_rows(db.backend(), NAME_COLUMNS)
        .fetch_json(db.pool())
        .await?;
    let mut names: Vec<_> = rows.into_iter().map(|row| shown(row, viewer)).collect();
    names.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(names)
}

/// The people whose e-mail address is `email` (ignoring case): how a signed-in user
/// finds the records that stand for them, such as the actions they own.
pub async fn with_email(db: &Db, email: &str) -> Result<Vec<PersonId>> {
    let rows = sqlx::query("SELECT id FROM people WHERE LOWER(email) = LOWER($1) ORDER BY id")
        .bind(email.to_owned())
        .fetch_all(db.pool())
        .await?;
    rows.iter()
        .map(|r| Ok(PersonId::from_stored(r.try_get("id")?)))
        .collect()
}

/// One person, if they exist and `viewer` may see them.
#[tracing::instrument(skip(db, viewer))]
pub async fn get(db: &Db, viewer: &Viewer, id: &PersonId) -> Result<Person> {
    let row = crate::sql::dynamic(format!("SELECT {COLUMNS} FROM people WHERE id = $1"))
        .bind(id.as_str().to_owned())
        .fetch_optional(db.pool())
        .await?
        .ok_or(StoreError::NotFound)?;
    let person = with_affiliations(db, vec![person(&row)?])
        .await?
        .pop()
        .ok_or(StoreError::NotFound)?;
    let named = Named {
        users: vec![],
        organisation: None,
    };
    if can_see(viewer, person.fields.visibility, &named) {
        Ok(person)
    } else {
        Err(StoreError::NotFound)
    }
}

/// The people of `ids` that `viewer` may see, in the order of `ids`: for pages that
/// name many (speakers, members), in two queries.
#[tracing::instrument(skip(db, viewer, ids))]
pub async fn get_many(db: &Db, viewer: &Viewer, ids: &[PersonId]) -> Result<Vec<Person>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut sql = Sql::new(&format!("SELECT {COLUMNS} FROM people WHERE id"));
    sql.push_in(db.backend(), ids.iter().map(PersonId::as_str));
    let people = sql
        .fetch_rows(db.backend(), db.pool(), COLUMNS)
        .await?
        .iter()
        .map(|row| person(&row))
        .collect::<Result<Vec<_>>>()?;
    let named = Named {
        users: vec![],
        organisation: None,
    };
    let mut found: HashMap<String, Person> = with_affiliations(db, people)
        .await?
        .into_iter()
        .filter(|p| can_see(viewer, p.fields.visibility, &named))
        .map(|p| (p.id.to_string(), p))
        .collect();
    Ok(ids
        .iter()
        .filter_map(|id| found.remove(id.as_str()))
        .collect())
}

/// Adds a person with their affiliations.
#[tracing::instrument(skip(db, fields))]
pub async fn create(db: &Db, actor: &Actor, fields: PersonFields) -> Result<Person> {
    let person = Person {
        id: PersonId::new(),
        fields,
    };
    let mut tx = db.begin_write().await?;
    insert(&mut tx, &person).await?;
    record(
        &mut tx,
        actor,
        Action::Create,
        &person.id,
        None,
        Some(&person),
    )
    .await?;
    tx.commit().await?;
    Ok(person)
}

/// Writes a new person and their affiliations inside `tx` (without the audit row).
pub(crate) async fn insert(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: &Person,
) -> Result<()> {
    let now = crate::now_ms();
    let mut sql = Sql::new("INSERT INTO people (id, created_at, updated_at");
    for column in DETAIL_COLUMNS {
        sql.push(", ").push(column);
    }
    sql.push(") VALUES (").bind_text(person.id.as_str());
    sql.push(", ").bind_int(now).push(", ").bind_int(now);
    for value in detail_values(&person.fields) {
        sql.push(", ").bind(value);
    }
    sql.push(")");
    sql.query().execute(&mut **tx).await?;
    write_affiliations(tx, &person.id, &person.fields.affiliations).await?;
    crate::search::refresh(tx, tadamun_core::search::Kind::Person, person.id.as_str()).await
}

/// Replaces a person's details and affiliations.
#[tracing::instrument(skip(db, fields))]
pub async fn update(db: &Db, actor: &Actor, id: &PersonId, fields: PersonFields) -> Result<Person> {
    let before = get(db, &Viewer::System, id).await?;
    let after = Person {
        id: id.clone(),
        fields,
    };
    let mut tx = db.begin_write().await?;
    let mut sql = Sql::new("UPDATE people SET updated_at = ");
    sql.bind_int(crate::now_ms());
    for (column, value) in DETAIL_COLUMNS.iter().zip(detail_values(&after.fields)) {
        sql.push(", ").push(column).push(" = ").bind(value);
    }
    sql.push(" WHERE id = ").bind_text(id.as_str());
    sql.query().execute(&mut *tx).await?;
    sqlx::query("DELETE FROM affiliations WHERE person_id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    write_affiliations(&mut tx, id, &after.fields.affiliations).await?;
    record(
        &mut tx,
        actor,
        Action::Update,
        id,
        Some(&before),
        Some(&after),
    )
    .await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Person, id.as_str()).await?;
    tx.commit().await?;
    Ok(after)
}

/// Removes a person and their affiliations.
#[tracing::instrument(skip(db))]
pub async fn delete(db: &Db, actor: &Actor, id: &PersonId) -> Result<()> {
    let before = get(db, &Viewer::System, id).await?;
    let mut tx = db.begin_write().await?;
    sqlx::query("DELETE FROM people WHERE id = $1")
        .bind(id.as_str().to_owned())
        .execute(&mut *tx)
        .await?;
    record(&mut tx, actor, Action::Delete, id, Some(&before), None).await?;
    crate::search::refresh(&mut tx, tadamun_core::search::Kind::Person, id.as_str()).await?;
    tx.commit().await?;
    Ok(())
}

/// How many people exist, whatever their visibility.
pub async fn count(db: &Db) -> Result<i64> {
    let row = sqlx::query("SELECT COUNT(*) FROM people")
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get::<i64, _>(0)?)
}

const DETAIL_COLUMNS: [&str; 18] = [
    "display_name",
    "pseudonymous",
    "alias",
    "country",
    "languages",
    "public_figure",
    "email",
    "phone",
    "signal",
    "other_contact",
    "consent_scope",
    "consent_date",
    "note",
    "visibility",
    "search_text",
    "search_full",
    "region",
    "subregion",
];

fn detail_values(f: &PersonFields) -> [Arg; 18] {
    let opt = |v: Option<&str>| v.map_or(Arg::Null, |v| Arg::Text(v.to_owned()));
    // Anyone who may see the person may search what they are shown.
    let shown = f.alias.as_deref().unwrap_or(&f.display_name);
    let (region, subregion) = f
        .country
        .as_ref()
        .map_or((Arg::Null, Arg::Null), |c| super::regions_of(c.as_str()));
    let note = f.note.as_deref().unwrap_or_default();
    [
        Arg::Text(f.display_name.clone()),
        Arg::Int(i64::from(f.alias.is_some())),
        opt(f.alias.as_deref()),
        opt(f.country.as_ref().map(CountryCode::as_str)),
        Arg::Text(stored_list(f.languages.iter().map(LanguageCode::as_str))),
        opt(f.public_figure.map(PublicFigure::as_str)),
        opt(f.contacts.email.as_ref().map(Email::as_str)),
        opt(f.contacts.phone.as_deref()),
        opt(f.contacts.signal.as_deref()),
        opt(f.contacts.other.as_deref()),
        opt(f.consent.map(|c| c.scope.as_str())),
        f.consent
            .map_or(Arg::Null, |c| Arg::Text(c.date.to_string())),
        opt(f.note.as_deref()),
        Arg::Text(f.visibility.as_str().to_owned()),
        Arg::Text(normalise(shown)),
        Arg::Text(normalise(&format!(
            "{} {} {note}",
            f.display_name,
            f.alias.as_deref().unwrap_or_default()
        ))),
        region,
        subregion,
    ]
}

async fn write_affiliations(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    person: &PersonId,
    affiliations: &[Affiliation],
) -> Result<()> {
    for a in affiliations {
        sqlx::query(
            "INSERT INTO affiliations (person_id, organisation_id, role) VALUES ($1, $2, $3)",
        )
        .bind(person.as_str().to_owned())
        .bind(a.organisation.as_str().to_owned())
        .bind(a.role.clone())
        .execute(&mut **tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(d) if d.kind() == sqlx::error::ErrorKind::ForeignKeyViolation => {
                StoreError::Invalid(tadamun_core::Invalid::new(
                    "organisations",
                    tadamun_core::Problem::UnknownValue,
                ))
            }
            _ => StoreError::Database(e),
        })?;
    }
    Ok(())
}

async fn record(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    action: Action,
    id: &PersonId,
    before: Option<&Person>,
    after: Option<&Person>,
) -> Result<()> {
    audit::record(
        tx,
        Change {
            actor,
            action,
            entity: "person",
            entity_id: id.as_str(),
            before,
            after,
        },
    )
    .await
}

/// The people of `rows` with their affiliations, read in one query.
async fn with_affiliations(db: &Db, mut people: Vec<Person>) -> Result<Vec<Person>> {
    if people.is_empty() {
        return Ok(people);
    }
    let mut sql =
        Sql::new("SELECT person_id, organisation_id, role FROM affiliations WHERE person_id");
    sql.push_in(db.backend(), people.iter().map(|p| p.id.as_str()))
        .push(" ORDER BY organisation_id");
    let mut by_person: HashMap<String, Vec<Affiliation>> = HashMap::new();
    for row in sql.query().fetch_all(db.pool()).await? {
        by_person
            .entry(row.try_get("person_id")?)
            .or_default()
            .push(Affiliation {
                organisation: OrganisationId::from_stored(row.try_get("organisation_id")?),
                role: row.try_get("role")?,
            });
    }
    for p in &mut people {
        p.fields.affiliations = by_person.remove(p.id.as_str()).unwrap_or_default();
    }
    Ok(people)
}

fn person(row: &impl Columns) -> Result<Person> {
    let corrupt = |what| move |_| StoreError::Corrupt(what);
    let text = |c: &str| row.get::<Option<String>>(c);
    let consent = match (text("consent_scope")?, text("consent_date")?) {
        (Some(scope), Some(date)) => Some(Consent {
            scope: ConsentScope::parse(&scope).map_err(corrupt("people.consent_scope"))?,
            date: date
                .parse::<chrono::NaiveDate>()
                .map_err(|_| StoreError::Corrupt("people.consent_date"))?,
        }),
        _ => None,
    };
    let pseudonymous: i64 = row.get("pseudonymous")?;
    Ok(Person {
        id: PersonId::from_stored(row.get("id")?),
        fields: PersonFields {
            display_name: row.get("display_name")?,
            alias: text("alias")?.filter(|_| pseudonymous == 1),
            country: text("country")?.map(CountryCode::from_stored),
            languages: read_list(&row.get::<String>("languages")?)
                .map(LanguageCode::from_stored)
                .collect(),
            public_figure: text("public_figure")?
                .map(|p| PublicFigure::parse(&p))
                .transpose()
                .map_err(corrupt("people.public_figure"))?,
            contacts: Contacts {
                email: text("email")?.map(Email::from_stored),
                phone: text("phone")?,
                signal: text("signal")?,
                other: text("other_contact")?,
            },
            consent,
            note: text("note")?,
            visibility: Visibility::parse(&row.get::<String>("visibility")?)
                .map_err(corrupt("people.visibility"))?,
            affiliations: Vec::new(),
        },
    })
}
