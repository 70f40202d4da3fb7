//! A plan item's page and the forms that change plans: removal, dependencies between
//! actions, and the quick progress update an action's owner makes from "my actions".
//! The forms to add and edit plans and items are in `item_form`.

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
use tadamun_store::plans;

use super::item_form::{create, edit, new_child, new_plan, update};
use super::pages::{forecast_label, value_text};
use super::{ItemRow, Owners, parse_item_id, status_label, today};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError};
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
