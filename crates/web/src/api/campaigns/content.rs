//! `/api/v1/campaigns/{id}/content` and `/api/v1/content`: content items and their
//! translations, written by coordinators, admins and members of an organising
//! organisation or working group, and each translation also by its translator.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::campaigns::content::{input_of, is_late, translation_input_of};
use tadamun_core::campaigns::matrix::Cell;
use tadamun_core::campaigns::{
    ContentInput, ContentItem, Translation, TranslationInput, TranslationState,
};
use tadamun_store::campaigns::{self as store, content};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::api::ErrorBody;
use crate::caller::Caller;
use crate::campaigns::{campaign_id, campaign_matrix, item_id, may_edit_content, today};
use crate::campaigns::{find, may_translate};
use crate::error::AppResult;
use crate::forms::ApiJson;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(get_translation, save_translation))
        .routes(routes!(move_translation))
        .routes(routes!(matrix))
        .routes(routes!(mine))
}

/// A translation and where it stands.
#[derive(Serialize, ToSchema)]
pub(crate) struct TranslationOut {
    /// ISO 639 code.
    lang: String,
    title: Option<String>,
    /// Markdown.
    body: Option<String>,
    /// missing, draft, in_review, approved or published.
    state: String,
    /// The source changed after it was approved.
    outdated: bool,
    /// Not approved or published by its due date.
    late: bool,
    /// The translator's user id.
    assignee: Option<String>,
    /// `YYYY-MM-DD`.
    due: Option<String>,
}

fn translation_out(caller: &Caller, t: Translation) -> TranslationOut {
    TranslationOut {
        lang: t.lang.as_str().to_owned(),
        late: is_late(t.state, t.fields.due, today(caller)),
        title: t.fields.title,
        body: t.fields.body,
        state: t.state.as_str().to_owned(),
        outdated: t.outdated,
        assignee: t.fields.assignee.map(|a| a.to_string()),
        due: t.fields.due.map(|d| d.to_string()),
    }
}

/// A content item with its translations into the campaign's other languages.
#[derive(Serialize, ToSchema)]
pub(crate) struct ContentOut {
    id: String,
    campaign: String,
    /// social_post, article, press_release, video_script, newsletter, fact_sheet or other.
    kind: String,
    /// website, x, instagram, facebook, tiktok, youtube, telegram, whatsapp, newsletter or press.
    channel: String,
    /// ISO 639 code.
    source_lang: String,
    title: String,
    /// Markdown.
    body: Option<String>,
    translations: Vec<TranslationOut>,
}

async fn full(state: &AppState, caller: &Caller, it: ContentItem) -> AppResult<ContentOut> {
    let translations = content::translations(&state.db, &it.id).await?;
    Ok(ContentOut {
        id: it.id.to_string(),
        campaign: it.campaign.to_string(),
        kind: it.fields.kind.as_str().to_owned(),
        channel: it.fields.channel.as_str().to_owned(),
        source_lang: it.fields.source_lang.as_str().to_owned(),
        title: it.fields.title,
        body: it.fields.body,
        translations: translations
            .into_iter()
            .map(|t| translation_out(caller, t))
            .collect(),
    })
}

/// A campaign's content items with their translations (signed-in users).
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/content", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = Vec<ContentOut>), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<Vec<ContentOut>>> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    let mut out = Vec::new();
    for it in content::of_campaign(&state.db, &c.id).await? {
        out.push(full(&state, &caller, it).await?);
    }
    Ok(Json(out))
}

/// A content item as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct ContentBody {
    kind: Option<String>,
    channel: Option<String>,
    /// A language code or name.
    source_lang: Option<String>,
    title: Option<String>,
    /// Markdown.
    body: Option<String>,
}

impl ContentBody {
    fn input(self, base: ContentInput) -> ContentInput {
        ContentInput {
            kind: self.kind.unwrap_or(base.kind),
            channel: self.channel.unwrap_or(base.channel),
            source_lang: self.source_lang.unwrap_or(base.source_lang),
            title: self.title.unwrap_or(base.title),
            body: self.body.or(base.body),
        }
    }
}

/// Adds a content item to a campaign.
#[utoipa::path(post, path = "/api/v1/campaigns/{id}/content", tag = "campaigns", params(("id" = String, Path)), request_body = ContentBody,
    responses((status = 201, body = ContentOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContentBody>,
) -> AppResult<(StatusCode, Json<ContentOut>)> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let fields = body.input(ContentInput::default()).validate()?;
    let it = content::create(&state.db, &caller.actor(), &c.id, fields).await?;
    Ok((StatusCode::CREATED, Json(full(&state, &caller, it).await?)))
}

/// A content item with its translations (signed-in users).
#[utoipa::path(get, path = "/api/v1/content/{id}", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = ContentOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<ContentOut>> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&id)?).await?;
    Ok(Json(full(&state, &caller, it).await?))
}

/// Changes a content item; a changed title or body marks approved and published
/// translations out of date.
#[utoipa::path(patch, path = "/api/v1/content/{id}", tag = "campaigns", params(("id" = String, Path)), request_body = ContentBody,
    responses((status = 200, body = ContentOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<ContentBody>,
) -> AppResult<Json<ContentOut>> {
    caller.user()?;
    let before = content::get(&state.db, &item_id(&id)?).await?;
    let c = store::get(&state.db, &before.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    let it = content::update(&state.db, &caller.actor(), &before.id, fields).await?;
    Ok(Json(full(&state, &caller, it).await?))
}

/// Removes a content item with its translations.
#[utoipa::path(delete, path = "/api/v1/content/{id}", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&id)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    content::delete(&state.db, &caller.actor(), &it.id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// One change of state.
#[derive(Serialize, ToSchema)]
pub(crate) struct StateChangeOut {
    from: String,
    to: String,
    /// RFC 3339.
    at: String,
    /// Who: their e-mail, or `system`.
    by: String,
}

/// A translation with its history.
#[derive(Serialize, ToSchema)]
pub(crate) struct TranslationDetail {
    #[serde(flatten)]
    translation: TranslationOut,
    /// Oldest first.
    history: Vec<StateChangeOut>,
}

async fn detail(state: &AppState, caller: &Caller, t: Translation) -> AppResult<TranslationDetail> {
    let history = content::history(&state.db, &t.item, &t.lang).await?;
    Ok(TranslationDetail {
        translation: translation_out(caller, t),
        history: history
            .into_iter()
            .map(|c| StateChangeOut {
                from: c.from.as_str().to_owned(),
                to: c.to.as_str().to_owned(),
                at: c.at.to_rfc3339(),
                by: c.by,
            })
            .collect(),
    })
}

/// A translation with its history (signed-in users). A language the campaign does
/// not have, or the item's source language, is not found.
#[utoipa::path(get, path = "/api/v1/content/{id}/translations/{lang}", tag = "campaigns",
    params(("id" = String, Path), ("lang" = String, Path)),
    responses((status = 200, body = TranslationDetail), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_translation(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, lang)): Path<(String, String)>,
) -> AppResult<Json<TranslationDetail>> {
    caller.user()?;
    let (_, _, t) = find(&state, &id, &lang).await?;
    Ok(Json(detail(&state, &caller, t).await?))
}

/// A translation's text, translator and due date; what is left out stays.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct TranslationBody {
    title: Option<String>,
    /// Markdown.
    body: Option<String>,
    /// A user id, or empty for none.
    assignee: Option<String>,
    /// `YYYY-MM-DD`, or empty for none.
    due: Option<String>,
}

/// Writes a translation. Writing a missing one makes it a draft; changing the text of
/// an approved or published one sends it back to draft.
#[utoipa::path(put, path = "/api/v1/content/{id}/translations/{lang}", tag = "campaigns",
    params(("id" = String, Path), ("lang" = String, Path)), request_body = TranslationBody,
    responses((status = 200, body = TranslationDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn save_translation(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, lang)): Path<(String, String)>,
    ApiJson(body): ApiJson<TranslationBody>,
) -> AppResult<Json<TranslationDetail>> {
    caller.user()?;
    let (it, c, t) = find(&state, &id, &lang).await?;
    caller.require(may_translate(&state, &caller, &c, &t).await?)?;
    let base = translation_input_of(&t.fields);
    let fields = TranslationInput {
        title: body.title.or(base.title),
        body: body.body.or(base.body),
        assignee: body.assignee.or(base.assignee),
        due: body.due.or(base.due),
    }
    .validate()?;
    let saved =
        content::save_translation(&state.db, &caller.actor(), &it.id, &t.lang, fields).await?;
    Ok(Json(detail(&state, &caller, saved).await?))
}

/// A move of a translation's state.
#[derive(Deserialize, ToSchema)]
pub(crate) struct StateBody {
    /// draft → in_review → approved → published; in_review, approved or published →
    /// draft.
    state: Option<String>,
}

/// Moves a translation to another state. A move the workflow does not allow (for
/// example publishing what is not approved) gives 422 `invalid_translation_move`.
#[utoipa::path(post, path = "/api/v1/content/{id}/translations/{lang}/state", tag = "campaigns",
    params(("id" = String, Path), ("lang" = String, Path)), request_body = StateBody,
    responses((status = 200, body = TranslationDetail), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn move_translation(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, lang)): Path<(String, String)>,
    ApiJson(body): ApiJson<StateBody>,
) -> AppResult<Json<TranslationDetail>> {
    caller.user()?;
    let (it, c, t) = find(&state, &id, &lang).await?;
    caller.require(may_translate(&state, &caller, &c, &t).await?)?;
    let to = TranslationState::parse(body.state.as_deref().unwrap_or_default())?;
    let moved = content::move_translation(&state.db, &caller.actor(), &it.id, &t.lang, to).await?;
    Ok(Json(detail(&state, &caller, moved).await?))
}

/// One cell of the matrix.
#[derive(Serialize, ToSchema)]
pub(crate) struct CellOut {
    /// ISO 639 code.
    lang: String,
    /// `source` (the item's own language), `none` (not a language of the campaign),
    /// or the translation's state.
    state: String,
    late: bool,
    outdated: bool,
}

/// One row of the matrix.
#[derive(Serialize, ToSchema)]
pub(crate) struct MatrixRow {
    item: String,
    title: String,
    source_lang: String,
    /// One per language, in the order of `languages`.
    cells: Vec<CellOut>,
}

/// A campaign's translation matrix.
#[derive(Serialize, ToSchema)]
pub(crate) struct MatrixOut {
    /// The columns: the campaign's languages, then any other source language.
    languages: Vec<String>,
    rows: Vec<MatrixRow>,
    /// Translations still missing.
    missing: usize,
    /// Translations past their due date and not approved.
    late: usize,
    /// Translations whose source changed after they were approved.
    outdated: usize,
}

/// A campaign's translation matrix: content × language, the state of every cell,
/// what is missing and what is late (signed-in users).
#[utoipa::path(get, path = "/api/v1/campaigns/{id}/matrix", tag = "campaigns", params(("id" = String, Path)),
    responses((status = 200, body = MatrixOut), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn matrix(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<MatrixOut>> {
    caller.user()?;
    let kept = campaign_matrix(&state, &caller, &campaign_id(&id)?).await?;
    let m = &kept.matrix;
    let languages: Vec<String> = m.languages.iter().map(|l| l.as_str().to_owned()).collect();
    Ok(Json(MatrixOut {
        rows: m
            .rows
            .iter()
            .map(|r| MatrixRow {
                item: r.item.id.to_string(),
                title: r.item.fields.title.clone(),
                source_lang: r.item.fields.source_lang.as_str().to_owned(),
                cells: r
                    .cells
                    .iter()
                    .zip(&languages)
                    .map(|(cell, lang)| {
                        let (state, late, outdated) = match cell {
                            Cell::Source => ("source".to_owned(), false, false),
                            Cell::NotNeeded => ("none".to_owned(), false, false),
                            Cell::Translation {
                                state,
                                late,
                                outdated,
                            } => (state.as_str().to_owned(), *late, *outdated),
                        };
                        CellOut {
                            lang: lang.clone(),
                            state,
                            late,
                            outdated,
                        }
                    })
                    .collect(),
            })
            .collect(),
        languages,
        missing: m.missing,
        late: m.late,
        outdated: m.outdated,
    }))
}

/// A translation assigned to the caller, with its item.
#[derive(Serialize, ToSchema)]
pub(crate) struct MineOut {
    item: String,
    campaign: String,
    /// The item's title in its source language.
    title: String,
    source_lang: String,
    translation: TranslationOut,
}

/// The translations assigned to the caller that are not yet published, soonest due
/// first (signed-in users).
#[utoipa::path(get, path = "/api/v1/translations/mine", tag = "campaigns",
    responses((status = 200, body = Vec<MineOut>), (status = 401, body = ErrorBody)))]
async fn mine(State(state): State<AppState>, caller: Caller) -> AppResult<Json<Vec<MineOut>>> {
    let user = caller.user()?;
    let found = content::assigned_to(&state.db, &user.id).await?;
    Ok(Json(
        found
            .into_iter()
            .map(|(it, t)| MineOut {
                item: it.id.to_string(),
                campaign: it.campaign.to_string(),
                title: it.fields.title,
                source_lang: it.fields.source_lang.as_str().to_owned(),
                translation: translation_out(&caller, t),
            })
            .collect(),
    ))
}
