//! Organisation pages: list, detail, add, edit, delete.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::directory::{Organisation, OrganisationInput};
use tadamun_core::ids::OrganisationId;
use tadamun_core::page::PageRequest;
use tadamun_core::visibility::Visibility;
use tadamun_store::directory;

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::Params;
use crate::forms::{FormError, PageForm};
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list).post(create))
        .route("/organisations/new", get(new_form))
        .route("/organisations/{id}", get(show).post(update))
        .route("/organisations/{id}/edit", get(edit_form))
        .route("/organisations/{id}/delete", post(delete))
}

/// Parses an organisation id from a URL; a malformed one is simply not found.
pub(crate) fn parse_id(raw: &str) -> AppResult<OrganisationId> {
    OrganisationId::parse(raw).map_err(|_| AppError::NotFound)
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations.html")]
struct ListPage {
    shell: Shell,
    organisations: Vec<Organisation>,
    next_cursor: Option<String>,
    can_create: bool,
}

#[derive(Deserialize)]
struct ListQuery {
    cursor: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<ListPage> {
    let page = PageRequest::parse(None, q.cursor.as_deref())?;
    let orgs = directory::list(&state.db, &caller.viewer, &page).await?;
    Ok(ListPage {
        shell: Shell::new(&caller, "directory"),
        organisations: orgs.items,
        next_cursor: orgs.next_cursor,
        can_create: caller.viewer.can_write_network(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisation.html")]
struct DetailPage {
    shell: Shell,
    org: Organisation,
    can_edit: bool,
    can_delete: bool,
    saved: bool,
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<DetailPage> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    Ok(DetailPage {
        shell: Shell::new(&caller, "directory"),
        can_edit: caller.viewer.can_write(Some(&org.id)),
        can_delete: caller.viewer.can_write_network(),
        org,
        saved: q.saved.is_some(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisation_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: OrganisationInput,
    visibilities: [Visibility; 3],
    error: Option<FormError>,
}

impl FormPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }

    fn visibility_is(&self, v: &Visibility) -> bool {
        self.form.visibility.as_deref().unwrap_or("network") == v.as_str()
    }
}

async fn new_form(caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    Ok(FormPage {
        shell: Shell::new(&caller, "directory"),
        id: None,
        form: OrganisationInput::default(),
        visibilities: Visibility::ALL,
        error: None,
    })
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    let f = org.fields;
    Ok(FormPage {
        shell: Shell::new(&caller, "directory"),
        id: Some(id.to_string()),
        form: OrganisationInput {
            name: f.name,
            country: f.country.as_str().to_owned(),
            city: f.city,
            website: f.website,
            description: f.description,
            visibility: Some(f.visibility.as_str().to_owned()),
        },
        visibilities: Visibility::ALL,
        error: None,
    })
}

fn form_error(
    caller: &Caller,
    id: Option<String>,
    form: OrganisationInput,
    invalid: &tadamun_core::Invalid,
) -> Response {
    let page = FormPage {
        shell: Shell::new(caller, "directory"),
        id,
        form,
        visibilities: Visibility::ALL,
        error: Some(FormError::new(caller.lang, invalid)),
    };
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<OrganisationInput>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    match form.validate() {
        Ok(fields) => {
            let org = directory::create(&state.db, &caller.actor(), fields).await?;
            Ok(Redirect::to(&format!("/organisations/{}?saved=1", org.id)).into_response())
        }
        Err(invalid) => Ok(form_error(&caller, None, form, &invalid)),
    }
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<OrganisationInput>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    match form.validate() {
        Ok(fields) => {
            directory::update(&state.db, &caller.actor(), &id, fields).await?;
            Ok(Redirect::to(&format!("/organisations/{id}?saved=1")).into_response())
        }
        Err(invalid) => Ok(form_error(&caller, Some(id.to_string()), form, &invalid)),
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    directory::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/organisations").into_response())
}
