//! iCalendar: one event (`/events/{id}.ics`, served by the event page's route), the
//! network's feed (`/calendar.ics`, public events, filtered like the list), private
//! feeds that include network events through a personal secret, and cancelling an
//! event, which calendars then show as cancelled.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::{Duration, Utc};
use serde::Deserialize;
use tadamun_core::accounts::Secret;
use tadamun_core::events::Event;
use tadamun_core::events::ical::{Entry, calendar};
use tadamun_core::visibility::Viewer;
use tadamun_store::events::{self, feeds};
use tadamun_store::versions::{self, Area};

use super::feed_cache::Rendered;
use super::{EventQuery, event_id, may_manage, place_text};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::Params;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/calendar.ics", get(feed))
        .route("/calendar/feed", post(renew_feed))
        .route("/events/{id}/cancel", post(cancel))
}

/// An iCalendar answer.
pub(crate) fn ics(body: impl Into<axum::body::Body>, name: &str) -> Response {
    let body: axum::body::Body = body.into();
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_owned(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("inline; filename=\"{name}.ics\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The calendar of `found` for a reader of `caller`'s language.
pub(crate) fn write(state: &AppState, caller: &Caller, found: &[Event]) -> String {
    let base = state
        .settings
        .public_url
        .as_deref()
        .map(|u| u.trim_end_matches('/').to_owned());
    let entries: Vec<Entry<'_>> = found
        .iter()
        .map(|e| Entry {
            event: e,
            location: place_text(e, caller.lang),
            url: base.as_ref().map(|b| format!("{b}/events/{}", e.id)),
        })
        .collect();
    calendar(
        &crate::i18n::t(caller.lang, "calendar-name"),
        &entries,
        caller.lang,
        Utc::now(),
    )
}

/// One event as iCalendar, for whoever may see it.
pub(crate) async fn one(state: &AppState, caller: &Caller, raw_id: &str) -> AppResult<Response> {
    let e = events::get(&state.db, &caller.viewer, &event_id(raw_id)?).await?;
    let name = e.id.to_string();
    Ok(ics(write(state, caller, std::slice::from_ref(&e)), &name))
}

/// The feed's filters and, for a private feed, its secret.
#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct FeedQuery {
    /// The secret of a private feed (network events too); public events without it.
    token: Option<String>,
    /// Only events this working group organises (private feeds).
    group: Option<String>,
    /// Only events this organisation organises.
    organisation: Option<String>,
    /// Only events organised by an organisation whose names or city hold every word.
    organiser: Option<String>,
    /// Only events held in or interpreted into this language.
    lang: Option<String>,
    /// Only events whose audience meets this UN M49 region or sub-region.
    region: Option<String>,
}

/// How far back a feed reaches.
const FEED_PAST_DAYS: i64 = 90;

async fn feed(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Params(q): Params<FeedQuery>,
) -> AppResult<Response> {
    feed_of(&state, &caller, &headers, q).await
}

/// The feed for `q`, as `/calendar.ics` and `/api/v1/calendar.ics` serve it.
pub(crate) async fn feed_of(
    state: &AppState,
    caller: &Caller,
    headers: &HeaderMap,
    q: FeedQuery,
) -> AppResult<Response> {
    // A private feed reads as its owner; a wrong secret is not found, so secrets
    // cannot be probed.
    let viewer = match q.token.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
        None => caller.viewer.clone(),
        Some(token) => {
            let user = feeds::user_for(&state.db, &Secret::from_presented(token))
                .await?
                .ok_or(AppError::NotFound)?;
            Viewer::User {
                id: user.id,
                role: user.role,
                organisation: user.organisation,
            }
        }
    };
    let query = EventQuery {
        group: q.group,
        organisation: q.organisation,
        organiser: q.organiser,
        lang: q.lang,
        region: q.region,
        ..Default::default()
    };
    let signed_in = !matches!(viewer, Viewer::Anonymous);
    let mut filter = query.filter_as(signed_in)?;
    filter.from = Some(Utc::now() - Duration::days(FEED_PAST_DAYS));
    // Which events a feed holds depends on whether its reader is signed in, not on
    // who they are; an organiser's name also depends on the directory, so those
    // feeds are not kept.
    let key = filter.organiser.is_none().then(|| {
        format!(
            "{signed_in}|{}|{:?}|{:?}|{:?}|{:?}",
            caller.lang.code(),
            filter.group,
            filter.organisation,
            filter.lang,
            filter.region
        )
    });
    let render = async || -> AppResult<String> {
        let found = events::list(&state.db, &viewer, &filter).await?;
        Ok(write(state, caller, &found))
    };
    let feed = match key {
        Some(key) => {
            let version = versions::of(&state.db, Area::Events).await?;
            state.feeds.get_or_render(&key, version, render).await?
        }
        None => Rendered {
            etag: String::new(),
            body: render().await?.into(),
        },
    };
    if !feed.etag.is_empty()
        && headers
            .get(header::IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.split(',').any(|tag| tag.trim() == feed.etag))
    {
        return Ok((
            StatusCode::NOT_MODIFIED,
            [
                (header::ETAG, feed.etag),
                (header::CACHE_CONTROL, NO_CACHE.to_owned()),
            ],
        )
            .into_response());
    }
    let mut response = ics(feed.body, "tadamun");
    if let Ok(etag) = HeaderValue::from_str(&feed.etag)
        && !feed.etag.is_empty()
    {
        response.headers_mut().insert(header::ETAG, etag);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(NO_CACHE));
    Ok(response)
}

/// Feeds may be kept by the reader's app but must be checked again each time: they
/// change whenever an event does, and private ones hold network events.
const NO_CACHE: &str = "private, no-cache";

#[derive(Template, WebTemplate)]
#[template(path = "events/feed.html")]
struct FeedPage {
    shell: Shell,
    link: String,
}

async fn renew_feed(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
) -> AppResult<FeedPage> {
    let user = caller.user()?;
    let secret = feeds::renew(&state.db, &caller.actor(), &user.id).await?;
    // Calendar apps subscribe only to an absolute address.
    let base = state.settings.base_url(&headers).unwrap_or_default();
    Ok(FeedPage {
        shell: Shell::new(&caller, "events"),
        link: format!("{base}/calendar.ics?token={}", secret.expose()),
    })
}

async fn cancel(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let id = event_id(&id)?;
    let e = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(may_manage(&caller, &e))?;
    events::cancel(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to(&format!("/events/{id}?saved=1")).into_response())
}
