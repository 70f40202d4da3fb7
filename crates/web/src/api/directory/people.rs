//! `/api/v1/people`: people as the caller may see them (aliases for pseudonymous
//! people, no contact details for viewers).

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::people::{PersonInput, PersonView, input_of};
use tadamun_store::directory::people;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ExportParams;
use crate::api::{ErrorBody, ItemsPage, PageParams};
use crate::caller::Caller;
use crate::directory::{PersonQuery, parse_person_id};
use crate::error::AppResult;
use crate::forms::{ApiJson, Params};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(export))
}

/// A person, as the caller may see them.
#[derive(Serialize, ToSchema)]
pub(crate) struct PersonOut {
    id: String,
    /// The alias of a pseudonymous person, except for coordinators and admins.
    name: String,
    pseudonymous: bool,
    /// The real name behind an alias: coordinators and admins only.
    real_name: Option<String>,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    /// ISO 639 codes.
    languages: Vec<String>,
    /// journalist, academic, artist, elected_official, lawyer, religious_leader,
    /// athlete or other.
    public_figure: Option<String>,
    affiliations: Vec<AffiliationOut>,
    /// Absent for viewers, the public, and (for pseudonymous people) members.
    contacts: Option<ContactsOut>,
    /// public, network or restricted.
    visibility: String,
}

/// A tie to an organisation.
#[derive(Serialize, ToSchema)]
pub(crate) struct AffiliationOut {
    organisation_id: String,
    role: Option<String>,
}

/// How to reach a person, with their consent.
#[derive(Serialize, ToSchema)]
pub(crate) struct ContactsOut {
    email: Option<String>,
    phone: Option<String>,
    signal: Option<String>,
    other: Option<String>,
    /// contact, newsletter, events or all.
    consent_scope: Option<String>,
    /// YYYY-MM-DD.
    consent_date: Option<String>,
    note: Option<String>,
}

impl From<PersonView> for PersonOut {
    fn from(p: PersonView) -> Self {
        Self {
            id: p.id.to_string(),
            name: p.name,
            pseudonymous: p.pseudonymous,
            real_name: p.real_name,
            country: p.country.map(|c| c.as_str().to_owned()),
            languages: p.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            public_figure: p.public_figure.map(|f| f.as_str().to_owned()),
            affiliations: p
                .affiliations
                .into_iter()
                .map(|a| AffiliationOut {
                    organisation_id: a.organisation.to_string(),
                    role: a.role,
                })
                .collect(),
            contacts: p.contacts.map(|c| ContactsOut {
                email: c.email.map(|e| e.as_str().to_owned()),
                phone: c.phone,
                signal: c.signal,
                other: c.other,
                consent_scope: p.consent.map(|c| c.scope.as_str().to_owned()),
                consent_date: p.consent.map(|c| c.date.to_string()),
                note: p.note,
            }),
            visibility: p.visibility.as_str().to_owned(),
        }
    }
}

/// A person's details. On update, absent fields stay as they are.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct PersonBody {
    display_name: Option<String>,
    /// Show only the alias to everyone but coordinators.
    pseudonymous: Option<bool>,
    alias: Option<String>,
    /// ISO 3166-1 alpha-2, or empty.
    country: Option<String>,
    /// ISO 639 codes.
    languages: Option<Vec<String>>,
    /// journalist, academic, artist, elected_official, lawyer, religious_leader,
    /// athlete, other, or empty.
    public_figure: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    signal: Option<String>,
    other_contact: Option<String>,
    /// contact, newsletter, events, all, or empty for none.
    consent_scope: Option<String>,
    /// YYYY-MM-DD; required with a consent scope.
    consent_date: Option<String>,
    note: Option<String>,
    /// public, network (default) or restricted.
    visibility: Option<String>,
    /// Replaces every affiliation.
    affiliations: Option<Vec<AffiliationBody>>,
}

/// A tie to an organisation, as sent.
#[derive(Deserialize, ToSchema)]
pub(crate) struct AffiliationBody {
    organisation_id: String,
    role: Option<String>,
}

impl PersonBody {
    fn onto(self, base: PersonInput) -> PersonInput {
        let (organisations, roles) = match self.affiliations {
            Some(list) => list
                .into_iter()
                .map(|a| (a.organisation_id, a.role.unwrap_or_default()))
                .unzip(),
            None => (base.organisations, base.roles),
        };
        PersonInput {
            display_name: self.display_name.unwrap_or(base.display_name),
            pseudonymous: match self.pseudonymous {
                Some(yes) => Some(yes.to_string()),
                None => base.pseudonymous,
            },
            alias: self.alias.or(base.alias),
            country: self.country.or(base.country),
            languages: self.languages.unwrap_or(base.languages),
            public_figure: self.public_figure.or(base.public_figure),
            email: self.email.or(base.email),
            phone: self.phone.or(base.phone),
            signal: self.signal.or(base.signal),
            other_contact: self.other_contact.or(base.other_contact),
            consent_scope: self.consent_scope.or(base.consent_scope),
            consent_date: self.consent_date.or(base.consent_date),
            note: self.note.or(base.note),
            visibility: self.visibility.or(base.visibility),
            organisations,
            roles,
        }
    }
}

/// The query of the people list: the fields of [`PersonQuery`] and [`PageParams`]
/// (not flattened: `serde(flatten)` loses the numbers of a query string).
#[derive(Deserialize)]
pub(crate) struct ListParams {
    q: Option<String>,
    country: Option<String>,
    region: Option<String>,
    language: Option<String>,
    public_figure: Option<String>,
    organisation: Option<String>,
    limit: Option<i64>,
    cursor: Option<String>,
}

/// People the caller may see that match the filters, oldest first. Only coordinators
/// and admins find a pseudonymous person by their real name.
#[utoipa::path(get, path = "/api/v1/people", tag = "directory", params(PersonQuery, PageParams),
    responses((status = 200, body = ItemsPage<PersonOut>), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListParams>,
) -> AppResult<Json<ItemsPage<PersonOut>>> {
    let filter = PersonQuery {
        q: q.q,
        country: q.country,
        region: q.region,
        language: q.language,
        public_figure: q.public_figure,
        organisation: q.organisation,
    };
    let page = PageParams {
        limit: q.limit,
        cursor: q.cursor,
    };
    let found = people::list(
        &state.db,
        &caller.viewer,
        &filter.parse()?,
        &page.request()?,
    )
    .await?;
    Ok(Json(ItemsPage::from_page(found, |p| {
        p.seen_by(&caller.viewer).into()
    })))
}

/// Adds a person (coordinators and admins).
#[utoipa::path(post, path = "/api/v1/people", tag = "directory", request_body = PersonBody,
    responses((status = 201, body = PersonOut), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<PersonBody>,
) -> AppResult<(StatusCode, Json<PersonOut>)> {
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.onto(PersonInput::default()).validate()?;
    let person = people::create(&state.db, &caller.actor(), fields).await?;
    Ok((
        StatusCode::CREATED,
        Json(person.seen_by(&caller.viewer).into()),
    ))
}

/// One person, as the caller may see them.
#[utoipa::path(get, path = "/api/v1/people/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 200, body = PersonOut), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<PersonOut>> {
    let person = people::get(&state.db, &caller.viewer, &parse_person_id(&id)?).await?;
    Ok(Json(person.seen_by(&caller.viewer).into()))
}

/// Changes a person (coordinators and admins).
#[utoipa::path(patch, path = "/api/v1/people/{id}", tag = "directory", params(("id" = String, Path)), request_body = PersonBody,
    responses((status = 200, body = PersonOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<PersonBody>,
) -> AppResult<Json<PersonOut>> {
    let id = parse_person_id(&id)?;
    let person = people::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let fields = body.onto(input_of(&person.fields)).validate()?;
    let person = people::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(person.seen_by(&caller.viewer).into()))
}

/// Removes a person (coordinators and admins).
#[utoipa::path(delete, path = "/api/v1/people/{id}", tag = "directory", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    let id = parse_person_id(&id)?;
    people::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    people::delete(&state.db, &caller.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Every person the caller may see that matches the filters, as CSV or JSON, as the
/// caller may see them.
#[utoipa::path(get, path = "/api/v1/people/export", tag = "directory", params(ExportParams, PersonQuery),
    responses((status = 200, description = "text/csv or application/json"), (status = 422, body = ErrorBody)))]
async fn export(
    State(state): State<AppState>,
    caller: Caller,
    Params(format): Params<ExportParams>,
    Params(q): Params<PersonQuery>,
) -> AppResult<axum::response::Response> {
    let rows = crate::directory::person_rows(&state, &caller, &q).await?;
    crate::directory::in_format(
        format.format.as_deref(),
        &rows,
        tadamun_core::directory::export::people_to_csv,
        "attachment; filename=\"people.csv\"",
    )
}
