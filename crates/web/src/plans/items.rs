//! A plan item's page and the forms that change plans: new plans and items under
//! them, edits, removal, dependencies between actions, and the quick progress update
//! an action's owner makes from "my actions".

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Dependency, Level, PlanItem, PlanItemInput, Status};
use tadamun_core::{Invalid, Problem};
use tadamun_store::directory::{self, people};
use tadamun_store::plans;

use super::pages::{forecast_label, value_text};
use super::{ItemRow, Owners, level_label, parse_item_id, status_label, today};
use crate::caller::Caller;
use crate::directory::language_choices;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/plans/new", get(new_plan))
        .route("/plan-items", post(create))
        .route("/plan-items/{id}", get(detail).post(update))
        .route("/plan-items/{id}/add", get(new_child))
        .route("/plan-items/{id}/edit", get(edit))
        .route("/plan-items/{id}/delete", post(delete))
        .route("/plan-items/{id}/dependencies", post(add_dependency))
        .route(
            "/plan-items/{id}/dependencies/{before}/delete",
            post(remove_dependency),
        )
        .route("/plan-items/{id}/progress", post(set_progress))
}

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

/// A group of owners in the picker.
struct OwnerGroup {
    label: String,
    choices: Vec<Choice>,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/item_form.html")]
struct FormPage {
    shell: Shell,
    /// The item edited; none for a new one.
    id: Option<String>,
    heading: String,
    parent: Option<(String, String)>,
    form: PlanItemInput,
    title_langs: Vec<Choice>,
    owners: Vec<OwnerGroup>,
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
        let orgs = directory::all_names(&state.db, &caller.viewer).await?;
        let persons = people::all_names(&state.db, &caller.viewer).await?;
        let group = |label: &str, pairs: Vec<(String, String)>| OwnerGroup {
            label: i18n::t(lang, label),
            choices: pairs
                .into_iter()
                .map(|(value, label)| Choice {
                    selected: value == current,
                    value,
                    label,
                })
                .collect(),
        };
        let working_groups = tadamun_store::groups::list(&state.db).await?;
        let owners = vec![
            group(
                "plans-owner-groups",
                working_groups
                    .into_iter()
                    .map(|g| (format!("group:{}", g.id), g.fields.name_in(lang).to_owned()))
                    .collect(),
            ),
            group(
                "plans-owner-organisations",
                orgs.into_iter()
                    .map(|(id, n)| (format!("organisation:{id}"), n))
                    .collect(),
            ),
            group(
                "plans-owner-people",
                persons
                    .into_iter()
                    .map(|(id, n)| (format!("person:{id}"), n))
                    .collect(),
            ),
        ];
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
            owners,
            statuses: Choice::list(
                Status::ALL
                    .iter()
                    .map(|s| (s.as_str(), status_label(lang, *s))),
                form.status.as_deref().unwrap_or("not_started"),
            ),
            is_action: level == Level::Action,
            form,
            error: error.map(|e| FormError::new(lang, e)),
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

async fn new_plan(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let form = PlanItemInput {
        level: "plan".into(),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, None).await
}

async fn new_child(
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
    FormPage::new(&state, &caller, None, form, None).await
}

async fn edit(
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
    error: AppError,
) -> AppResult<Response> {
    match error {
        AppError::Invalid(invalid) => {
            let page = FormPage::new(state, caller, id, form, Some(&invalid)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        other => Err(other),
    }
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form = split_owner(body.parse::<PlanItemInput>()?);
    let result = match form.validate() {
        Ok(fields) => plans::create(&state.db, &caller.actor(), fields)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(item) => Ok(Redirect::to(&format!("/plan-items/{}?saved=1", item.id)).into_response()),
        Err(e) => form_again(&state, &caller, None, form, e).await,
    }
}

async fn update(
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
    let result = match form.validate() {
        Ok(fields) => plans::update(&state.db, &caller.actor(), &before.id, fields)
            .await
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    match result {
        Ok(item) => Ok(Redirect::to(&format!("/plan-items/{}?saved=1", item.id)).into_response()),
        Err(e) => form_again(&state, &caller, Some(&before.id), form, e).await,
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Redirect> {
    caller.require(caller.viewer.can_write_network())?;
    let item = plans::get(&state.db, &parse_item_id(&id)?).await?;
    plans::delete(&state.db, &caller.actor(), &item.id).await?;
    Ok(match &item.fields.parent {
        Some(parent) => Redirect::to(&format!("/plan-items/{parent}?deleted=1")),
        None => Redirect::to("/plans?deleted=1"),
    })
}

/// One linked item on an item's page.
struct Link {
    id: String,
    title: String,
    status: String,
}

/// One indicator on an item's page.
struct IndicatorLink {
    id: String,
    name: String,
    progress: i64,
    status: &'static str,
    status_label: String,
    latest: String,
    unit: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/item.html")]
struct DetailPage {
    shell: Shell,
    item: ItemRow,
    plan_id: String,
    parent: Option<Link>,
    children: Vec<ItemRow>,
    waits_for: Vec<Link>,
    waited_by: Vec<Link>,
    /// Actions of the same plan this one could wait for.
    candidates: Vec<Choice>,
    indicators: Vec<IndicatorLink>,
    weight: u8,
    percent: String,
    statuses: Vec<Choice>,
    is_action: bool,
    can_measure: bool,
    can_edit: bool,
    can_update: bool,
    saved: bool,
    error: Option<FormError>,
}

impl DetailPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

#[derive(Deserialize, Default)]
struct Flags {
    saved: Option<String>,
}

/// Whether `caller` may update the progress of `item`: coordinators and admins, and
/// members who own it (through their organisation or their people record).
async fn may_update(state: &AppState, caller: &Caller, item: &PlanItem) -> AppResult<bool> {
    if caller.viewer.can_write_network() {
        return Ok(true);
    }
    let Some(user) = caller.user.as_ref() else {
        return Ok(false);
    };
    if user.role == tadamun_core::accounts::Role::Viewer {
        return Ok(false);
    }
    let mine = super::lists::owners_for(state, user).await?;
    Ok(item.fields.owner.as_ref().is_some_and(|o| mine.contains(o)))
}

async fn detail_page(
    state: &AppState,
    caller: &Caller,
    id: &PlanItemId,
    saved: bool,
    error: Option<&Invalid>,
) -> AppResult<DetailPage> {
    caller.user()?;
    let lang = caller.lang;
    let plan_id = plans::plan_of(&state.db, id).await?;
    let tree = plans::tree(&state.db, &plan_id).await?;
    let item = tree
        .items
        .iter()
        .find(|i| &i.id == id)
        .ok_or(AppError::NotFound)?;
    let owners = Owners::of(state, &caller.viewer, lang, tree.items.iter()).await?;
    let today = today();
    let row =
        |i: &PlanItem| ItemRow::new(lang, i, tree.progress.get(&i.id).copied(), &owners, today);
    let link = |id: &PlanItemId| {
        tree.items.iter().find(|i| &i.id == id).map(|i| Link {
            id: i.id.to_string(),
            title: i.fields.title_in(lang).to_owned(),
            status: status_label(lang, i.fields.status),
        })
    };
    let waits_for: Vec<Link> = tree
        .dependencies
        .iter()
        .filter(|d| &d.after == id)
        .filter_map(|d| link(&d.before))
        .collect();
    let waited_by = tree
        .dependencies
        .iter()
        .filter(|d| &d.before == id)
        .filter_map(|d| link(&d.after))
        .collect();
    let is_action = item.fields.level == Level::Action;
    let candidates = if is_action {
        Choice::list(
            tree.items
                .iter()
                .filter(|i| i.fields.level == Level::Action && &i.id != id)
                .filter(|i| !waits_for.iter().any(|w| w.id == i.id.as_str()))
                .map(|i| (i.id.as_str(), i.fields.title_in(lang).to_owned())),
            "",
        )
    } else {
        Vec::new()
    };
    let measured: Vec<IndicatorLink> = tree
        .indicators
        .iter()
        .filter(|m| m.indicator.fields.item.as_ref() == Some(id))
        .map(|m| {
            let f = &m.indicator.fields;
            let forecast = f.forecast(&m.points);
            IndicatorLink {
                id: m.indicator.id.to_string(),
                name: f.name_in(lang).to_owned(),
                progress: forecast.progress.round() as i64,
                status: forecast.status.as_str(),
                status_label: forecast_label(lang, forecast.status.as_str()),
                latest: tadamun_core::plans::indicators::latest(&m.points)
                    .map_or_else(|| "—".into(), |p| value_text(p.value)),
                unit: f.unit.clone(),
            }
        })
        .collect();
    let children = tree
        .items
        .iter()
        .filter(|i| i.fields.parent.as_ref() == Some(id))
        .map(row)
        .collect();
    Ok(DetailPage {
        shell: Shell::new(caller, "plans"),
        item: row(item),
        plan_id: plan_id.to_string(),
        parent: item.fields.parent.as_ref().and_then(link),
        children,
        waits_for,
        waited_by,
        candidates,
        indicators: measured,
        weight: item.fields.weight.get(),
        percent: item
            .fields
            .percent
            .map(|p| p.get().to_string())
            .unwrap_or_default(),
        statuses: Choice::list(
            Status::ALL
                .iter()
                .map(|s| (s.as_str(), status_label(lang, *s))),
            item.fields.status.as_str(),
        ),
        is_action,
        can_measure: matches!(item.fields.level, Level::Objective | Level::Initiative),
        can_edit: caller.viewer.can_write_network(),
        can_update: may_update(state, caller, item).await?,
        saved,
        error: error.map(|e| FormError::new(lang, e)),
    })
}

async fn detail(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    crate::forms::Params(flags): crate::forms::Params<Flags>,
) -> AppResult<DetailPage> {
    detail_page(
        &state,
        &caller,
        &parse_item_id(&id)?,
        flags.saved.is_some(),
        None,
    )
    .await
}

/// Back to `back` (a local path) or the item after a change, or the item's page with
/// the error beside its forms.
async fn after_change(
    state: &AppState,
    caller: &Caller,
    id: &PlanItemId,
    back: Option<&str>,
    result: AppResult<()>,
) -> AppResult<Response> {
    match result {
        Ok(()) => {
            let to = back
                .filter(|b| b.starts_with('/') && !b.starts_with("//"))
                .map_or_else(|| format!("/plan-items/{id}?saved=1"), str::to_owned);
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(invalid)) => {
            let page = detail_page(state, caller, id, false, Some(&invalid)).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
struct DependencyForm {
    #[serde(default)]
    depends_on: String,
}

async fn add_dependency(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let after = plans::get(&state.db, &parse_item_id(&id)?).await?.id;
    let form: DependencyForm = body.parse()?;
    let result = match PlanItemId::parse(form.depends_on.trim()) {
        Ok(before) => plans::add_dependency(
            &state.db,
            &caller.actor(),
            Dependency {
                before,
                after: after.clone(),
            },
        )
        .await
        .map_err(AppError::from),
        Err(_) => Err(AppError::Invalid(Invalid::new(
            "depends_on",
            Problem::Required,
        ))),
    };
    after_change(&state, &caller, &after, None, result).await
}

async fn remove_dependency(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, before)): Path<(String, String)>,
) -> AppResult<Redirect> {
    caller.require(caller.viewer.can_write_network())?;
    let after = parse_item_id(&id)?;
    let before = parse_item_id(&before)?;
    plans::remove_dependency(
        &state.db,
        &caller.actor(),
        Dependency {
            before,
            after: after.clone(),
        },
    )
    .await?;
    Ok(Redirect::to(&format!("/plan-items/{after}?saved=1")))
}

#[derive(Deserialize)]
struct ProgressForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    percent: String,
    back: Option<String>,
}

/// Sets an item's status (and an action's percentage done): coordinators, and
/// members for the actions they own.
async fn set_progress(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let item = plans::get(&state.db, &parse_item_id(&id)?).await?;
    caller.require(may_update(&state, &caller, &item).await?)?;
    let form: ProgressForm = body.parse()?;
    let mut input = PlanItemInput::from(&item);
    input.status = Some(form.status);
    if item.fields.level == Level::Action {
        input.percent = Some(form.percent);
    }
    let result = match input.validate() {
        Ok(fields) => plans::update(&state.db, &caller.actor(), &item.id, fields)
            .await
            .map(|_| ())
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    after_change(&state, &caller, &item.id, form.back.as_deref(), result).await
}
