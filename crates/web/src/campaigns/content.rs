//! A content item's page (its source text rendered, and where each translation
//! stands) and the forms to add, change and remove an item. Coordinators, admins and
//! members of an organising organisation or working group write; signed-in users read.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::Invalid;
use tadamun_core::campaigns::content::{ContentInput, input_of, is_late};
use tadamun_core::campaigns::{Channel, ContentKind, Translation};
use tadamun_core::groups::markdown;
use tadamun_core::ids::UserId;
use tadamun_store::accounts::users;
use tadamun_store::campaigns::{self as store, content};

use super::publications::Schedule;
use super::{
    campaign_id, channel_label, content_kind_label, item_id, may_edit_content, state_label, today,
};
use crate::caller::Caller;
use crate::directory::{language_choices, language_name};
use crate::error::AppResult;
use crate::forms::{Choice, FormError, PageForm, Params, submit};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/campaigns/{id}/content", post(create))
        .route("/campaigns/{id}/content/new", get(new_form))
        .route("/content/{item}", get(show).post(update))
        .route("/content/{item}/edit", get(edit_form))
        .route("/content/{item}/delete", post(delete))
}

/// A translation as a table shows it.
pub(crate) struct TranslationRow {
    pub lang: String,
    pub lang_name: String,
    pub state: String,
    pub state_label: String,
    pub outdated: bool,
    pub late: bool,
    pub assignee: String,
    pub due: String,
}

/// The rows of `translations`, with the translator's name if `names` has it.
pub(crate) fn translation_rows(
    caller: &Caller,
    translations: &[Translation],
    names: &HashMap<String, String>,
) -> Vec<TranslationRow> {
    let lang = caller.lang;
    let today = today(caller);
    translations
        .iter()
        .map(|t| TranslationRow {
            lang: t.lang.as_str().to_owned(),
            lang_name: language_name(lang, &t.lang),
            state: t.state.as_str().to_owned(),
            state_label: state_label(lang, t.state),
            outdated: t.outdated,
            late: is_late(t.state, t.fields.due, today),
            assignee: t
                .fields
                .assignee
                .as_ref()
                .and_then(|a| names.get(a.as_str()))
                .cloned()
                .unwrap_or_default(),
            due: t.fields.due.map(|d| d.to_string()).unwrap_or_default(),
        })
        .collect()
}

/// The names of the translators `translations` are assigned to, by id, for those who
/// may write the campaign's content (account names are for those who manage work).
pub(crate) async fn translator_names(
    state: &AppState,
    may_edit: bool,
    translations: &[&Translation],
) -> AppResult<HashMap<String, String>> {
    if !may_edit {
        return Ok(HashMap::new());
    }
    let assigned: Vec<UserId> = translations
        .iter()
        .filter_map(|t| t.fields.assignee.clone())
        .collect();
    Ok(users::names_of(&state.db, &assigned).await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/content_item.html")]
pub(super) struct ItemPage {
    shell: Shell,
    id: String,
    campaign: String,
    campaign_name: String,
    title: String,
    source_lang: String,
    source_name: String,
    kind: String,
    channel: String,
    body_html: String,
    translations: Vec<TranslationRow>,
    pub(super) schedule: Schedule,
    can_edit: bool,
    saved: bool,
}

impl ItemPage {
    /// The page of item `item` as `caller` sees it.
    pub(super) async fn build(
        state: &AppState,
        caller: &Caller,
        item: &tadamun_core::ids::ContentItemId,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let it = content::get(&state.db, item).await?;
        let c = store::get(&state.db, &it.campaign).await?;
        let can_edit = may_edit_content(state, caller, &c).await?;
        let translations = content::translations(&state.db, &it.id).await?;
        let shown: Vec<&Translation> = translations.iter().collect();
        let names = translator_names(state, can_edit, &shown).await?;
        let schedule = Schedule::build(state, caller, &it, &c).await?;
        let f = &it.fields;
        Ok(ItemPage {
            shell: Shell::new(caller, "campaigns"),
            id: it.id.to_string(),
            campaign: c.id.to_string(),
            campaign_name: c.fields.name_in(lang).to_owned(),
            title: f.title.clone(),
            source_lang: f.source_lang.as_str().to_owned(),
            source_name: language_name(lang, &f.source_lang),
            kind: content_kind_label(lang, f.kind),
            channel: channel_label(lang, f.channel),
            body_html: f.body.as_deref().map(markdown::to_html).unwrap_or_default(),
            translations: translation_rows(caller, &translations, &names),
            schedule,
            can_edit,
            saved: false,
        })
    }

    fn pub_invalid(&self, field: &str) -> bool {
        self.schedule.error.as_ref().is_some_and(|e| e.is(field))
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(item): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<ItemPage> {
    caller.user()?;
    let mut page = ItemPage::build(&state, &caller, &item_id(&item)?).await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/content_form.html")]
struct FormPage {
    shell: Shell,
    campaign: String,
    campaign_name: String,
    id: Option<String>,
    form: ContentInput,
    kinds: Vec<Choice>,
    channels: Vec<Choice>,
    languages: Vec<Choice>,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        campaign: &tadamun_core::ids::CampaignId,
        id: Option<String>,
        form: ContentInput,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let c = store::get(&state.db, campaign).await?;
        Ok(Self {
            shell: Shell::new(caller, "campaigns"),
            campaign: c.id.to_string(),
            campaign_name: c.fields.name_in(lang).to_owned(),
            id,
            kinds: Choice::list(
                ContentKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), content_kind_label(lang, *k))),
                form.kind.trim(),
            ),
            channels: Choice::list(
                Channel::ALL
                    .iter()
                    .map(|ch| (ch.as_str(), channel_label(lang, *ch))),
                form.channel.trim(),
            ),
            languages: language_choices(lang, &[form.source_lang.trim()]),
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

async fn new_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let form = ContentInput {
        source_lang: c
            .fields
            .languages
            .first()
            .map_or_else(|| "en".to_owned(), |l| l.as_str().to_owned()),
        ..Default::default()
    };
    FormPage::new(&state, &caller, &c.id, None, form).await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(item): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&item)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    FormPage::new(
        &state,
        &caller,
        &c.id,
        Some(it.id.to_string()),
        input_of(&it.fields),
    )
    .await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    campaign: &tadamun_core::ids::CampaignId,
    id: Option<String>,
    form: ContentInput,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, campaign, id, form).await?;
    page.error = Some(FormError::new(caller.lang, invalid));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<ContentInput>,
) -> AppResult<Response> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let write = async |fields| content::create(&state.db, &caller.actor(), &c.id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(it) => Ok(Redirect::to(&format!("/content/{}?saved=1", it.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, &c.id, None, form, &invalid).await,
    }
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(item): Path<String>,
    PageForm(form): PageForm<ContentInput>,
) -> AppResult<Response> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&item)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let write = async |fields| content::update(&state.db, &caller.actor(), &it.id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/content/{}?saved=1", it.id)).into_response()),
        Err(invalid) => {
            let again = Some(it.id.to_string());
            rejected(&state, &caller, &c.id, again, form, &invalid).await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(item): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&item)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    content::delete(&state.db, &caller.actor(), &it.id).await?;
    Ok(Redirect::to(&format!("/campaigns/{}#content", c.id)).into_response())
}
