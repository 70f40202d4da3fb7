//! A translation's page: the source beside the translation (both rendered, each in
//! its own direction), the form to write it and assign it, the moves its state may
//! make, and its history. Those who may write the campaign's content, and the
//! translator it is assigned to, write it.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::accounts::Role;
use tadamun_core::campaigns::content::{TranslationInput, is_late, translation_input_of};
use tadamun_core::campaigns::{Campaign, ContentItem, Translation, TranslationState};
use tadamun_core::groups::markdown;
use tadamun_core::languages::LanguageCode;
use tadamun_store::campaigns::{self as store, content};

use super::{item_id, may_edit_content, state_label, today};
use crate::caller::Caller;
use crate::directory::language_name;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError, PageForm, Params, submit};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/content/{item}/translations/{lang}", get(show).post(save))
        .route(
            "/content/{item}/translations/{lang}/state",
            post(move_state),
        )
}

/// A language code from a URL.
pub(crate) fn lang_code(raw: &str) -> AppResult<LanguageCode> {
    LanguageCode::parse("lang", raw).map_err(|_| AppError::NotFound)
}

/// Whether the caller may write translation `t` of an item of campaign `c`: those
/// who may write the campaign's content, and its translator (unless a viewer).
pub(crate) async fn may_translate(
    state: &AppState,
    caller: &Caller,
    c: &Campaign,
    t: &Translation,
) -> AppResult<bool> {
    let assigned = caller
        .user
        .as_ref()
        .is_some_and(|u| u.role != Role::Viewer && t.fields.assignee.as_ref() == Some(&u.id));
    Ok(assigned || may_edit_content(state, caller, c).await?)
}

/// The item, its campaign and the translation a URL names.
pub(crate) async fn find(
    state: &AppState,
    item: &str,
    lang: &str,
) -> AppResult<(ContentItem, Campaign, Translation)> {
    let it = content::get(&state.db, &item_id(item)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    let t = content::translation_of(&state.db, &it.id, &lang_code(lang)?).await?;
    Ok((it, c, t))
}

/// A change in the history.
struct ChangeRow {
    from: String,
    to: String,
    at: String,
    by: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/translation.html")]
struct TranslationPage {
    shell: Shell,
    item: String,
    source_title: String,
    source_lang: String,
    source_html: String,
    lang: String,
    lang_name: String,
    state: String,
    state_label: String,
    outdated: bool,
    late: bool,
    html: String,
    form: TranslationInput,
    /// Who it is assigned to: found among the accounts by those who may write the
    /// campaign's content; the translator it is assigned to sees only themselves.
    assignee: Option<Picker>,
    moves: Vec<Choice>,
    history: Vec<ChangeRow>,
    can_edit: bool,
    error: Option<FormError>,
    state_error: Option<FormError>,
    saved: bool,
}

impl TranslationPage {
    /// The page of translation `t`; its form holds `form` when it comes back (refused,
    /// or a "Find" pressed), else what is stored.
    async fn new(
        state: &AppState,
        caller: &Caller,
        (it, c, t): (ContentItem, Campaign, Translation),
        form: Option<TranslationInput>,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let can_edit = may_translate(state, caller, &c, &t).await?;
        let editor = may_edit_content(state, caller, &c).await?;
        let form = form.unwrap_or_else(|| translation_input_of(&t.fields));
        let chosen = form.assignee.clone().unwrap_or_default();
        let legend = ("assignee", i18n::field(lang, "assignee"));
        let assignee = match &caller.user {
            Some(_) if editor => Some(
                Directory::Accounts
                    .picker(
                        state,
                        &caller.viewer,
                        legend,
                        std::slice::from_ref(&chosen),
                        finds,
                    )
                    .await?
                    .single(),
            ),
            // A translator who may not see the accounts keeps, or gives up, their own
            // assignment.
            Some(me) if can_edit && t.fields.assignee.as_ref() == Some(&me.id) => {
                Some(Picker::of_one(
                    legend,
                    (me.id.to_string(), me.name.clone()),
                    chosen.trim() == me.id.as_str(),
                ))
            }
            _ => None,
        };
        let history = content::history(&state.db, &it.id, &t.lang).await?;
        Ok(Self {
            shell: Shell::new(caller, "campaigns"),
            item: it.id.to_string(),
            source_title: it.fields.title.clone(),
            source_lang: it.fields.source_lang.as_str().to_owned(),
            source_html: it
                .fields
                .body
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default(),
            lang: t.lang.as_str().to_owned(),
            lang_name: language_name(lang, &t.lang),
            state: t.state.as_str().to_owned(),
            state_label: state_label(lang, t.state),
            outdated: t.outdated,
            late: is_late(t.state, t.fields.due, today(caller)),
            html: t
                .fields
                .body
                .as_deref()
                .map(markdown::to_html)
                .unwrap_or_default(),
            form,
            assignee,
            moves: Choice::list(
                t.state
                    .next()
                    .iter()
                    .map(|s| (s.as_str(), state_label(lang, *s))),
                "",
            ),
            history: history
                .into_iter()
                .map(|ch| ChangeRow {
                    from: state_label(lang, ch.from),
                    to: state_label(lang, ch.to),
                    at: caller.zone().format(ch.at),
                    by: ch.by,
                })
                .collect(),
            can_edit,
            error: None,
            state_error: None,
            saved: false,
        })
    }

    /// The page refused for `error`, marked beside its field.
    fn refused(mut self, error: FormError) -> Self {
        if let Some(picker) = &mut self.assignee {
            picker.mark(&error);
        }
        self.error = Some(error);
        self
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path((item, lang)): Path<(String, String)>,
    Params(q): Params<SavedQuery>,
) -> AppResult<TranslationPage> {
    caller.user()?;
    let found = find(&state, &item, &lang).await?;
    let mut page = TranslationPage::new(&state, &caller, found, None, &Finds::default()).await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

async fn save(
    State(state): State<AppState>,
    caller: Caller,
    Path((item, lang)): Path<(String, String)>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let (it, c, t) = find(&state, &item, &lang).await?;
    caller.require(may_translate(&state, &caller, &c, &t).await?)?;
    let form: TranslationInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        // "Find" saves nothing: the page comes back with the matches and what was typed.
        let page = TranslationPage::new(&state, &caller, (it, c, t), Some(form), &finds).await?;
        return Ok(page.into_response());
    }
    let back = format!("/content/{}/translations/{}", it.id, t.lang.as_str());
    let write = async |fields| {
        content::save_translation(&state.db, &caller.actor(), &it.id, &t.lang, fields).await
    };
    let refused = match submit(form.validate(), write).await? {
        Ok(_) => return Ok(Redirect::to(&format!("{back}?saved=1")).into_response()),
        Err(invalid) => invalid,
    };
    let page = TranslationPage::new(&state, &caller, (it, c, t), Some(form), &Finds::default())
        .await?
        .refused(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Deserialize)]
struct StateForm {
    #[serde(default)]
    state: String,
}

async fn move_state(
    State(state): State<AppState>,
    caller: Caller,
    Path((item, lang)): Path<(String, String)>,
    PageForm(form): PageForm<StateForm>,
) -> AppResult<Response> {
    caller.user()?;
    let (it, c, t) = find(&state, &item, &lang).await?;
    caller.require(may_translate(&state, &caller, &c, &t).await?)?;
    let back = format!("/content/{}/translations/{}", it.id, t.lang.as_str());
    let write =
        async |to| content::move_translation(&state.db, &caller.actor(), &it.id, &t.lang, to).await;
    let refused = match submit(TranslationState::parse(&form.state), write).await? {
        Ok(_) => return Ok(Redirect::to(&format!("{back}?saved=1")).into_response()),
        Err(invalid) => invalid,
    };
    let mut page =
        TranslationPage::new(&state, &caller, (it, c, t), None, &Finds::default()).await?;
    for m in &mut page.moves {
        m.selected = m.value == form.state.trim();
    }
    page.state_error = Some(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
