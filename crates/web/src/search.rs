//! The search page, `/search?q=`: results the caller may see, grouped by kind, with
//! the matched words marked; and the query parameters and results the API shares.

use std::sync::Arc;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde::Deserialize;
use tadamun_core::i18n::Lang;
use tadamun_core::languages::LanguageCode;
use tadamun_core::search::{Kind, Query, dir_of};
use tadamun_core::{Invalid, Problem};
use tadamun_store::search::{self, Group, Hit, SearchFilter, Total};

use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::{Choice, FormError, Params, present, query_string};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/search", get(page))
}

/// The most results of one kind a search returns.
pub(crate) const MAX_LIMIT: i64 = 50;
/// How many results of each kind the page shows.
const PAGE_LIMIT: i64 = 20;

/// What a search looks for.
#[derive(Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct SearchQuery {
    /// The words to look for (at most 200 characters); the last one may be the start
    /// of a word.
    pub q: Option<String>,
    /// Only records written in this language (ISO 639 code); the words are stemmed
    /// as words of it. Any language when absent.
    pub lang: Option<String>,
    /// Only this kind: `organisation`, `person`, `group`, `recommendation`,
    /// `plan_item`, `campaign` or `content`.
    pub kind: Option<String>,
    /// At most this many results of each kind, 1 to 50 (10 by default in the API,
    /// 20 on the page).
    pub limit: Option<i64>,
}

impl SearchQuery {
    /// The parsed query and filter, or the first invalid parameter.
    pub(crate) fn parse(&self, default_limit: i64) -> Result<(Query, SearchFilter), Invalid> {
        let lang = match present(&self.lang) {
            Some(raw) => Some(LanguageCode::parse("lang", &raw)?.as_str().to_owned()),
            None => None,
        };
        let kind = match present(&self.kind) {
            Some(raw) => Some(Kind::parse(&raw)?),
            None => None,
        };
        let limit = self.limit.unwrap_or(default_limit);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(Invalid::new(
                "limit",
                Problem::OutOfRange {
                    min: 1,
                    max: MAX_LIMIT,
                },
            ));
        }
        let query = Query::parse(self.q.as_deref().unwrap_or_default(), lang.as_deref())?;
        Ok((query, SearchFilter { kind, lang, limit }))
    }
}

/// One result as shown: title and excerpt as HTML, escaped, with `<mark>` around the
/// matched words.
pub(crate) struct Shown {
    pub id: String,
    pub url: String,
    pub lang: String,
    pub dir: &'static str,
    pub title: String,
    pub title_html: String,
    pub snippet: Option<String>,
    pub snippet_html: Option<String>,
}

pub(crate) fn shown(hit: &Hit) -> Shown {
    Shown {
        id: hit.record_id.clone(),
        url: hit.kind.url(&hit.record_id),
        lang: hit.lang.clone(),
        dir: dir_of(&hit.lang),
        title: hit.title.clone(),
        title_html: hit.title_marked.html(),
        snippet_html: hit.excerpt.as_ref().map(|s| s.html()),
        snippet: hit.excerpt.as_ref().map(|s| s.text.clone()),
    }
}

/// The results of one kind as shown.
struct Section {
    kind: &'static str,
    /// This kind alone, with more results, when the page shows several kinds.
    more: Option<String>,
    heading: String,
    /// How many match, `+` after a lower bound.
    total: String,
    results: Vec<Shown>,
}

#[derive(Template, WebTemplate)]
#[template(path = "search/search.html")]
struct SearchPage {
    shell: Shell,
    q: String,
    kinds: Vec<Choice>,
    sections: Vec<Section>,
    total: i64,
    /// The words were too common to weigh every match (see [`search::BROAD`]).
    broad: bool,
    broad_limit: i64,
    searched: bool,
    error: Option<FormError>,
}

fn kind_label(lang: Lang, kind: Kind) -> String {
    i18n::t(lang, &format!("search-kind-{}", kind.as_str()))
}

async fn page(
    State(state): State<AppState>,
    caller: Caller,
    Params(mut params): Params<SearchQuery>,
) -> AppResult<Response> {
    // On pages `?lang=` chooses the interface language (read by the caller layer):
    // the page searches every language.
    params.lang = None;
    let lang = caller.lang;
    let q = params.q.clone().unwrap_or_default();
    // One kind alone shows as many results as a search gives.
    let one_kind = present(&params.kind).is_some();
    let limit = if one_kind { MAX_LIMIT } else { PAGE_LIMIT };
    let (groups, error): (Arc<Vec<Group>>, _) = match params.parse(limit) {
        Ok((query, filter)) => {
            let groups = search::search(&state.db, &caller.viewer, &query, &filter).await?;
            (groups, None)
        }
        Err(invalid) => (Arc::default(), Some(FormError::new(lang, &invalid))),
    };
    let query = Query::parse(&q, None).unwrap_or(Query { terms: Vec::new() });
    let sections: Vec<Section> = groups
        .iter()
        .map(|g| Section {
            kind: g.kind.as_str(),
            more: (!one_kind && g.total.count() > g.hits.len() as i64).then(|| {
                format!(
                    "/search?{}",
                    query_string(&[
                        ("q", &Some(q.clone())),
                        ("kind", &Some(g.kind.as_str().to_owned())),
                    ])
                )
            }),

            heading: kind_label(lang, g.kind),
            total: match g.total {
                Total::Exactly(n) => n.to_string(),
                Total::AtLeast(n) => format!("{n}+"),
            },
            results: g.hits.iter().map(shown).collect(),
        })
        .collect();
    let kind = present(&params.kind).unwrap_or_default();
    let mut shell = Shell::new(&caller, "search");
    shell.query = q.clone();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = SearchPage {
        shell,
        searched: !query.is_empty(),
        total: groups.iter().map(|g| g.total.count()).sum(),
        broad: groups.iter().any(|g| matches!(g.total, Total::AtLeast(_))),
        broad_limit: search::BROAD,
        q,
        kinds: Choice::list(
            Kind::ALL.iter().map(|k| (k.as_str(), kind_label(lang, *k))),
            &kind,
        ),
        sections,
        error,
    };
    Ok((status, page).into_response())
}
