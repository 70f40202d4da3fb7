//! `/api/v1/search`: records the caller may see, grouped by kind.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use tadamun_store::search;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::Params;
use crate::search::{SearchQuery, shown};
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(search_all))
}

/// One record found.
#[derive(Serialize, ToSchema)]
pub(crate) struct ResultOut {
    /// The record's id.
    id: String,
    /// Its page.
    url: String,
    /// The language of `title` and `snippet` (`und` when unknown).
    lang: String,
    /// `rtl`, `ltr` or `auto` (unknown language).
    dir: String,
    /// The title as written (for a pseudonymous person, the alias).
    title: String,
    /// The title as HTML: escaped, matched words in `<mark>`.
    title_html: String,
    /// An excerpt of the text around the first match, as written.
    snippet: Option<String>,
    /// The excerpt as HTML: escaped, matched words in `<mark>`.
    snippet_html: Option<String>,
}

/// The records of one kind found.
#[derive(Serialize, ToSchema)]
pub(crate) struct KindOut {
    /// `organisation`, `person`, `group`, `recommendation`, `plan_item`, `campaign` or
    /// `content`.
    kind: String,
    /// How many records of this kind match in all (`results` holds at most `limit`).
    total: i64,
    /// False when the words are so common that more than 2,000 entries match: only
    /// the 2,000 most recently written are weighed, `total` is how many of those
    /// match (a lower bound) and `results` are the most recent, not the most relevant.
    exact: bool,
    /// Best first.
    results: Vec<ResultOut>,
}

/// The answer to a search.
#[derive(Serialize, ToSchema)]
pub(crate) struct SearchOut {
    /// Kinds with at least one match, in a fixed order.
    groups: Vec<KindOut>,
}

/// Organisations, people, working groups, recommendations, plan items, campaigns and
/// content matching every word of `q` (the last as a prefix), regardless of case,
/// accents, Arabic vowel marks, tatweel, hamza and yaa forms, the Arabic article and
/// word endings. Only what the caller may see: anonymous callers get public
/// organisations and people only; a pseudonymous person is found and shown by the
/// alias only.
#[utoipa::path(get, path = "/api/v1/search", tag = "search", params(SearchQuery),
    responses((status = 200, body = SearchOut), (status = 422, body = ErrorBody)))]
async fn search_all(
    State(state): State<AppState>,
    caller: Caller,
    Params(params): Params<SearchQuery>,
) -> AppResult<Json<SearchOut>> {
    let (query, filter) = params.parse(10)?;
    let groups = search::search(&state.db, &caller.viewer, &query, &filter).await?;
    Ok(Json(SearchOut {
        groups: groups
            .iter()
            .map(|g| KindOut {
                kind: g.kind.as_str().to_owned(),
                total: g.total.count(),
                exact: matches!(g.total, search::Total::Exactly(_)),
                results: g.hits.iter().map(result).collect(),
            })
            .collect(),
    }))
}

fn result(hit: &search::Hit) -> ResultOut {
    let s = shown(hit);
    ResultOut {
        id: s.id,
        url: s.url,
        lang: s.lang,
        dir: s.dir.to_owned(),
        title: s.title,
        title_html: s.title_html,
        snippet: s.snippet,
        snippet_html: s.snippet_html,
    }
}
