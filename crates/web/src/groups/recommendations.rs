//! The recommendations register: the list with its filters and the two follow-up
//! lists (adopted with nothing linked; no progress in N days, N chosen on the page),
//! a recommendation's page (history, linked items with progress, forms to move its
//! status and to link an item), and the forms to add, change and remove one.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::groups::recommendations::{RecommendationInput, input_of};
use tadamun_core::groups::{Recommendation, RecommendationStatus, Theme};
use tadamun_core::ids::PlanItemId;
use tadamun_core::{Invalid, Problem};
use tadamun_store::StoreError;
use tadamun_store::groups::{meetings, recommendations};

use super::{
    RegisterQuery, RegisterRow, group_choices, group_names, plan_item_choices, recommendation_id,
    register, status_label, theme_label,
};
use crate::caller::Caller;
use crate::directory::language_choices;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormError, PageForm, Params, present, submit};
use crate::i18n::percent_text;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/recommendations", get(list).post(create))
        .route("/recommendations/new", get(new_form))
        .route("/recommendations/{id}", get(show).post(update))
        .route("/recommendations/{id}/edit", get(edit_form))
        .route("/recommendations/{id}/delete", post(delete))
        .route("/recommendations/{id}/status", post(change_status))
        .route("/recommendations/{id}/items", post(link))
        .route("/recommendations/{id}/items/{item}/delete", post(unlink))
}

/// One line of a register table.
struct Row {
    id: String,
    text: String,
    theme: String,
    status: String,
    status_label: String,
    group: String,
    progress: Option<f64>,
    progress_text: String,
    last_activity: String,
}

fn rows(
    caller: &Caller,
    found: Vec<RegisterRow>,
    groups: &std::collections::HashMap<tadamun_core::ids::GroupId, String>,
) -> Vec<Row> {
    let lang = caller.lang;
    found
        .into_iter()
        .map(|r| Row {
            id: r.rec.id.to_string(),
            text: r.rec.fields.text_in(lang).to_owned(),
            theme: theme_label(lang, r.rec.fields.theme),
            status: r.rec.status.as_str().to_owned(),
            status_label: status_label(lang, r.rec.status),
            group: r
                .rec
                .fields
                .group
                .as_ref()
                .and_then(|g| groups.get(g))
                .cloned()
                .unwrap_or_default(),
            progress: r.progress.map(f64::round),
            progress_text: percent_text(r.progress),
            last_activity: r
                .last_activity
                .map(|t| caller.zone().format(t))
                .unwrap_or_default(),
        })
        .collect()
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/recommendations.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Row>,
    unlinked: Vec<Row>,
    stale: Vec<Row>,
    statuses: Vec<Choice>,
    themes: Vec<Choice>,
    groups: Vec<Choice>,
    stale_days: String,
    can_edit: bool,
    error: Option<FormError>,
}

impl ListPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<RegisterQuery>,
) -> AppResult<Response> {
    caller.user()?;
    let lang = caller.lang;
    let stale_days = present(&q.stale_days).unwrap_or_else(|| "30".into());
    let mut page = ListPage {
        shell: Shell::new(&caller, "recommendations"),
        rows: Vec::new(),
        unlinked: Vec::new(),
        stale: Vec::new(),
        statuses: Choice::list(
            RecommendationStatus::ALL
                .iter()
                .map(|s| (s.as_str(), status_label(lang, *s))),
            q.status.as_deref().unwrap_or_default().trim(),
        ),
        themes: Choice::list(
            Theme::ALL
                .iter()
                .map(|t| (t.as_str(), theme_label(lang, *t))),
            q.theme.as_deref().unwrap_or_default().trim(),
        ),
        groups: group_choices(&state, lang, q.group.as_deref().unwrap_or_default()).await?,
        stale_days: stale_days.clone(),
        can_edit: caller.viewer.can_write_network(),
        error: None,
    };
    let names = group_names(&state, lang).await?;
    let filtered = RegisterQuery {
        unlinked: None,
        stale_days: None,
        ..q.clone()
    };
    let results = async {
        let main = register(&state, &filtered).await?;
        let unlinked = register(
            &state,
            &RegisterQuery {
                unlinked: Some("true".into()),
                ..Default::default()
            },
        )
        .await?;
        let stale = register(
            &state,
            &RegisterQuery {
                stale_days: Some(stale_days.clone()),
                ..Default::default()
            },
        )
        .await?;
        Ok::<_, AppError>((main, unlinked, stale))
    }
    .await;
    match results {
        Ok((main, unlinked, stale)) => {
            page.rows = rows(&caller, main, &names);
            page.unlinked = rows(&caller, unlinked, &names);
            page.stale = rows(&caller, stale, &names);
            Ok(page.into_response())
        }
        Err(AppError::Invalid(invalid)) => {
            page.error = Some(FormError::new(lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(e) => Err(e),
    }
}

/// A change in the history.
struct ChangeRow {
    from: String,
    to: String,
    reason: String,
    at: String,
    by: String,
}

/// A linked plan item.
struct ItemRow {
    id: String,
    title: String,
    status: String,
    status_label: String,
    progress: Option<f64>,
    progress_text: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/recommendation.html")]
struct DetailPage {
    shell: Shell,
    id: String,
    text: String,
    theme: String,
    status: String,
    status_label: String,
    meeting: Option<(String, String)>,
    group: Option<(String, String)>,
    progress: Option<f64>,
    progress_text: String,
    history: Vec<ChangeRow>,
    items: Vec<ItemRow>,
    moves: Vec<Choice>,
    reason: String,
    linkable: Vec<Choice>,
    status_error: Option<FormError>,
    link_error: Option<FormError>,
    can_edit: bool,
    saved: bool,
}

impl DetailPage {
    async fn new(state: &AppState, caller: &Caller, r: Recommendation) -> AppResult<Self> {
        let lang = caller.lang;
        let linked = recommendations::linked(&state.db, &r.id).await?;
        let history = recommendations::history(&state.db, &r.id).await?;
        let groups = group_names(state, lang).await?;
        let meeting = match &r.fields.meeting {
            Some(m) => match meetings::get(&state.db, m).await {
                Ok(m) => Some((m.id.to_string(), m.fields.title_in(lang).to_owned())),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e.into()),
            },
            None => None,
        };
        let progress = recommendations::progress_of(&linked);
        let can_edit = caller.viewer.can_write_network();
        let label =
            |s: Option<RecommendationStatus>| s.map(|s| status_label(lang, s)).unwrap_or_default();
        Ok(Self {
            shell: Shell::new(caller, "recommendations"),
            id: r.id.to_string(),
            text: r.fields.text_in(lang).to_owned(),
            theme: theme_label(lang, r.fields.theme),
            status: r.status.as_str().to_owned(),
            status_label: status_label(lang, r.status),
            meeting,
            group: r
                .fields
                .group
                .as_ref()
                .and_then(|g| groups.get(g).map(|n| (g.to_string(), n.clone()))),
            progress: progress.map(f64::round),
            progress_text: percent_text(progress),
            history: history
                .into_iter()
                .map(|c| ChangeRow {
                    from: label(c.from),
                    to: label(Some(c.to)),
                    reason: c.reason.unwrap_or_default(),
                    at: caller.zone().format(c.at),
                    by: c.by,
                })
                .collect(),
            items: linked
                .iter()
                .map(|(i, p)| ItemRow {
                    id: i.id.to_string(),
                    title: i.fields.title_in(lang).to_owned(),
                    status: i.fields.status.as_str().to_owned(),
                    status_label: crate::i18n::t(
                        lang,
                        &format!("plan-status-{}", i.fields.status.as_str()),
                    ),
                    progress: p.map(f64::round),
                    progress_text: percent_text(*p),
                })
                .collect(),
            moves: Choice::list(
                r.status
                    .next()
                    .iter()
                    .map(|s| (s.as_str(), status_label(lang, *s))),
                "",
            ),
            reason: String::new(),
            linkable: if can_edit {
                plan_item_choices(state, lang, None, "")
                    .await?
                    .into_iter()
                    .filter(|c| !linked.iter().any(|(i, _)| i.id.as_str() == c.value))
                    .collect()
            } else {
                Vec::new()
            },
            status_error: None,
            link_error: None,
            can_edit,
            saved: false,
        })
    }
}

impl DetailPage {
    fn status_invalid(&self, field: &str) -> bool {
        self.status_error.as_ref().is_some_and(|e| e.is(field))
    }
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
    caller.user()?;
    let r = recommendations::get(&state.db, &recommendation_id(&id)?).await?;
    let mut page = DetailPage::new(&state, &caller, r).await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    status: String,
    #[serde(default)]
    reason: String,
}

async fn change_status(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<StatusForm>,
) -> AppResult<Response> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    let r = recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let write = async |to| {
        recommendations::change_status(&state.db, &caller.actor(), &id, to, &form.reason).await
    };
    let refused = match submit(RecommendationStatus::parse(&form.status), write).await? {
        Ok(_) => return Ok(Redirect::to(&format!("/recommendations/{id}?saved=1")).into_response()),
        Err(invalid) => invalid,
    };
    let mut page = DetailPage::new(&state, &caller, r).await?;
    for c in &mut page.moves {
        c.selected = c.value == form.status.trim();
    }
    page.reason = form.reason;
    page.status_error = Some(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
struct LinkForm {
    #[serde(default)]
    item: String,
}

async fn link(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<LinkForm>,
) -> AppResult<Response> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    let r = recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let item = match form.item.trim() {
        "" => Err(Invalid::new("item", Problem::Required)),
        raw => PlanItemId::parse(raw).map_err(|_| Invalid::new("item", Problem::UnknownValue)),
    };
    let write = async |item| recommendations::link(&state.db, &caller.actor(), &id, &item).await;
    let refused = match submit(item, write).await? {
        Ok(()) => {
            return Ok(Redirect::to(&format!("/recommendations/{id}?saved=1")).into_response());
        }
        Err(invalid) => invalid,
    };
    let mut page = DetailPage::new(&state, &caller, r).await?;
    for c in &mut page.linkable {
        c.selected = c.value == form.item.trim();
    }
    page.link_error = Some(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn unlink(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, item)): Path<(String, String)>,
) -> AppResult<Response> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let item = PlanItemId::parse(&item).map_err(|_| AppError::NotFound)?;
    recommendations::unlink(&state.db, &caller.actor(), &id, &item).await?;
    Ok(Redirect::to(&format!("/recommendations/{id}?saved=1")).into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "groups/recommendation_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: RecommendationInput,
    languages: Vec<Choice>,
    themes: Vec<Choice>,
    groups: Vec<Choice>,
    meetings: Vec<Choice>,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: RecommendationInput,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let current_meeting = form.meeting.clone().unwrap_or_default();
        let meetings = meetings::list(&state.db, &Default::default())
            .await?
            .into_iter()
            .rev()
            .map(|m| Choice {
                selected: m.id.as_str() == current_meeting.trim(),
                label: format!(
                    "{} ({})",
                    m.fields.title_in(lang),
                    m.fields.start.in_zone(caller.zone())
                ),
                value: m.id.to_string(),
            })
            .collect();
        Ok(Self {
            shell: Shell::new(caller, "recommendations"),
            id,
            languages: language_choices(lang, &[form.text_lang.as_deref().unwrap_or("en")]),
            themes: Choice::list(
                Theme::ALL
                    .iter()
                    .map(|t| (t.as_str(), theme_label(lang, *t))),
                form.theme.trim(),
            ),
            groups: group_choices(state, lang, form.group.as_deref().unwrap_or_default()).await?,
            meetings,
            form,
            error: None,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct NewQuery {
    group: Option<String>,
    meeting: Option<String>,
}

async fn new_form(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<NewQuery>,
) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let form = RecommendationInput {
        group: q.group,
        meeting: q.meeting,
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form).await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    let r = recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    FormPage::new(&state, &caller, Some(id.to_string()), input_of(&r.fields)).await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: RecommendationInput,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form).await?;
    page.error = Some(FormError::new(caller.lang, invalid));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<RecommendationInput>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let write = async |fields| recommendations::create(&state.db, &caller.actor(), fields).await;
    match submit(form.validate(), write).await? {
        Ok(r) => Ok(Redirect::to(&format!("/recommendations/{}?saved=1", r.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, None, form, &invalid).await,
    }
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<RecommendationInput>,
) -> AppResult<Response> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let write =
        async |fields| recommendations::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/recommendations/{id}?saved=1")).into_response()),
        Err(invalid) => rejected(&state, &caller, Some(id.to_string()), form, &invalid).await,
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let id = recommendation_id(&id)?;
    recommendations::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    recommendations::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/recommendations").into_response())
}
