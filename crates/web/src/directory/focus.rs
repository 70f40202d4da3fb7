//! The focus-area list page: everyone signed in reads it; coordinators and admins
//! add, rename and remove areas.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::Invalid;
use tadamun_core::directory::{FocusArea, FocusAreaInput, FocusCode};
use tadamun_store::directory::focus;

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{FormError, PageForm};
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/focus-areas", get(list).post(create))
        .route("/focus-areas/{code}", post(rename))
        .route("/focus-areas/{code}/delete", post(delete))
}

struct Row {
    area: FocusArea,
    organisations: i64,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/focus_areas.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Row>,
    can_edit: bool,
    /// The add form, as typed.
    form: FocusAreaInput,
    /// The area whose rename failed, with what was typed.
    renaming: Option<(String, FocusAreaInput)>,
    error: Option<FormError>,
}

impl ListPage {
    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    /// The rename form's values for `area`: what was typed if its rename failed.
    fn names_of(&self, area: &FocusArea) -> FocusAreaInput {
        match &self.renaming {
            Some((code, typed)) if code == area.code.as_str() => typed.clone(),
            _ => FocusAreaInput {
                code: area.code.as_str().to_owned(),
                name_ar: area.names.ar.clone(),
                name_en: area.names.en.clone(),
                name_fr: area.names.fr.clone(),
                name_es: area.names.es.clone(),
            },
        }
    }
}

async fn page(state: &AppState, caller: &Caller) -> AppResult<ListPage> {
    caller.user()?;
    let areas = focus::list(&state.db).await?;
    let codes: Vec<FocusCode> = areas.iter().map(|a| a.code.clone()).collect();
    let counts = focus::usage(&state.db, &codes).await?;
    let rows = areas
        .into_iter()
        .zip(counts)
        .map(|(area, organisations)| Row {
            area,
            organisations,
        })
        .collect();
    Ok(ListPage {
        shell: Shell::new(caller, "directory"),
        rows,
        can_edit: caller.viewer.can_write_network(),
        form: FocusAreaInput::default(),
        renaming: None,
        error: None,
    })
}

async fn list(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    page(&state, &caller).await
}

fn parse_code(raw: &str) -> AppResult<FocusCode> {
    FocusCode::parse("code", raw).map_err(|_| AppError::NotFound)
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    invalid: &Invalid,
    fill: impl FnOnce(&mut ListPage),
) -> AppResult<Response> {
    let mut page = page(state, caller).await?;
    page.error = Some(FormError::new(caller.lang, invalid));
    fill(&mut page);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<FocusAreaInput>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let saved = match form.validate() {
        Ok(area) => focus::create(&state.db, &caller.actor(), &area)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(invalid.into()),
    };
    match saved {
        Ok(()) => Ok(Redirect::to("/focus-areas").into_response()),
        Err(AppError::Invalid(invalid)) => {
            rejected(&state, &caller, &invalid, |p| p.form = form).await
        }
        Err(other) => Err(other),
    }
}

async fn rename(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
    PageForm(mut form): PageForm<FocusAreaInput>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let code = parse_code(&code)?;
    form.code = code.as_str().to_owned();
    match form.validate() {
        Ok(area) => {
            focus::rename(&state.db, &caller.actor(), &code, area.names).await?;
            Ok(Redirect::to("/focus-areas").into_response())
        }
        Err(invalid) => {
            rejected(&state, &caller, &invalid, |p| {
                p.renaming = Some((code.as_str().to_owned(), form));
            })
            .await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(code): Path<String>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    focus::delete(&state.db, &caller.actor(), &parse_code(&code)?).await?;
    Ok(Redirect::to("/focus-areas").into_response())
}
