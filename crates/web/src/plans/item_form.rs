//! The forms to add a plan or an item under another, and to edit one. The owner is
//! chosen with the picker among working groups, organisations and people; a refused
//! form comes back with 422 and everything that was typed.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use tadamun_core::Invalid;
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Level, PlanItemInput, Status};
use tadamun_store::plans;

use super::{level_label, parse_item_id, status_label};
use crate::caller::Caller;
use crate::directory::language_choices;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

/// The owner picker sends `kind:id` in one field; the item's input has them apart.
fn split_owner(mut input: PlanItemInput) -> PlanItemInput {
    if input.owner_kind.as_deref().unwrap_or_default().is_empty()
        && let Some((kind, id)) = input
            .owner
            .clone()
            .as_deref()
            .and_then(|o| o.split_once(':'))
    {
        input.owner_kind = Some(kind.to_owned());
        input.owner = Some(id.to_owned());
    }
    input
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/item_form.html")]
pub(super) struct FormPage {
    shell: Shell,
    /// The item edited; none for a new one.
    id: Option<String>,
    heading: String,
    parent: Option<(String, String)>,
    form: PlanItemInput,
    title_langs: Vec<Choice>,
    owner: Picker,
    statuses: Vec<Choice>,
    is_action: bool,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<&PlanItemId>,
        form: PlanItemInput,
        finds: &Finds,
        error: Option<&Invalid>,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let level = Level::parse(&form.level).unwrap_or(Level::Plan);
        let parent = match form.parent.as_deref().map(PlanItemId::parse) {
            Some(Ok(p)) => {
                let item = plans::get(&state.db, &p).await?;
                Some((p.to_string(), item.fields.title_in(lang).to_owned()))
            }
            _ => None,
        };
        let current = match (form.owner_kind.as_deref(), form.owner.as_deref()) {
            (Some(k), Some(o)) if !k.is_empty() => format!("{k}:{o}"),
            (_, Some(o)) => o.to_owned(),
            _ => String::new(),
        };
        let mut owner = Directory::Owners { lang }
            .picker(
                state,
                &caller.viewer,
                ("owner", i18n::t(lang, "plans-owner")),
                std::slice::from_ref(&current),
                finds,
            )
            .await?
            .single();
        let error = error.map(|e| FormError::new(lang, e));
        // The picker carries both kind and id: errors on either are its own.
        owner.invalid = error
            .as_ref()
            .is_some_and(|e| e.is("owner") || e.is("owner_kind"));
        let heading = match id {
            Some(_) => i18n::t(lang, "plans-edit-item"),
            None => format!(
                "{}: {}",
                i18n::t(lang, "plans-new-item"),
                level_label(lang, level)
            ),
        };
        Ok(Self {
            shell: Shell::new(caller, "plans"),
            id: id.map(ToString::to_string),
            heading,
            parent,
            title_langs: language_choices(lang, &[form.title_lang.as_deref().unwrap_or("en")]),
            owner,
            statuses: Choice::list(
                Status::ALL
                    .iter()
                    .map(|s| (s.as_str(), status_label(lang, *s))),
                form.status.as_deref().unwrap_or("not_started"),
            ),
            is_action: level == Level::Action,
            form,
            error,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

pub(super) async fn new_plan(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let form = PlanItemInput {
        level: "plan".into(),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, &Finds::default(), None).await
}

pub(super) async fn new_child(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let parent = plans::get(&state.db, &parse_item_id(&id)?).await?;
    let level = parent.fields.level.child().ok_or(AppError::NotFound)?;
    let form = PlanItemInput {
        level: level.as_str().into(),
        parent: Some(parent.id.to_string()),
        start: parent.fields.dates.start.map(|d| d.to_string()),
        due: parent.fields.dates.due.map(|d| d.to_string()),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, &Finds::default(), None).await
}

pub(super) async fn edit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let item = plans::get(&state.db, &parse_item_id(&id)?).await?;
    FormPage::new(
        &state,
        &caller,
        Some(&item.id),
        PlanItemInput::from(&item),
        &Finds::default(),
        None,
    )
    .await
}

/// Re-renders the form with what was typed and the error, or goes on with the error.
async fn form_again(
    state: &AppState,
    caller: &Caller,
    id: Option<&PlanItemId>,
    form: PlanItemInput,
    finds: &Finds,
    error: AppError,
) -> AppResult<Response> {
    match error {
        AppError::Invalid(invalid) => {
            let page = FormPage::new(state, caller, id, form, finds, Some(&invalid)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        other => Err(other),
    }
}

pub(super) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form = split_owner(body.parse::<PlanItemInput>()?);
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, None, form, &finds, None).await?;
        return Ok(page.into_response());
    }
    let result = match form.validate() {
        Ok(fields) => plans::create(&state.db, &caller.actor(), fields)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(item) => Ok(Redirect::to(&format!("/plan-items/{}?saved=1", item.id)).into_response()),
        Err(e) => form_again(&state, &caller, None, form, &finds, e).await,
    }
}

pub(super) async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let before = plans::get(&state.db, &parse_item_id(&id)?).await?;
    let mut form = split_owner(body.parse::<PlanItemInput>()?);
    // Level and parent stay what they are.
    form.level = before.fields.level.as_str().into();
    form.parent = before.fields.parent.as_ref().map(ToString::to_string);
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, Some(&before.id), form, &finds, None).await?;
        return Ok(page.into_response());
    }
    let result = match form.validate() {
        Ok(fields) => plans::update(&state.db, &caller.actor(), &before.id, fields)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(item) => Ok(Redirect::to(&format!("/plan-items/{}?saved=1", item.id)).into_response()),
        Err(e) => form_again(&state, &caller, Some(&before.id), form, &finds, e).await,
    }
}
