//! Who is calling: resolved once per request from the session cookie or the API
//! token, with the language and client address, and handed to handlers.

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};
use tadamun_core::accounts::{Secret, User};
use tadamun_core::audit::Actor;
use tadamun_core::i18n::Lang;
use tadamun_core::time::Zone;
use tadamun_core::visibility::Viewer;
use tadamun_store::accounts::{sessions, tokens};
use tadamun_store::versions::Versions;

use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// The session cookie's name.
pub(crate) const SESSION_COOKIE: &str = "tadamun_session";
/// The language cookie's name.
pub(crate) const LANG_COOKIE: &str = "lang";

/// The caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The signed-in user, if any.
    pub user: Option<User>,
    /// The same, as the visibility policy sees it.
    pub viewer: Viewer,
    /// The language to answer in.
    pub lang: Lang,
    /// The session secret from the cookie, when signed in through the browser.
    pub session: Option<Secret>,
    /// The client's address, for sign-in throttling.
    pub address: String,
    /// The path and query of the request, for the language switcher and sign-in
    /// redirects.
    pub path: String,
}

impl Caller {
    /// Resolves the caller of a request, with the data's versions when a session or
    /// token was read (in the same query). A bearer token that matches no live token
    /// is refused outright rather than treated as anonymous.
    pub(crate) async fn resolve(
        state: &AppState,
        parts: &Parts,
    ) -> AppResult<(Caller, Option<Versions>)> {
        let headers = &parts.headers;
        let mut session = None;
        let signed_in = if let Some(token) = bearer(headers) {
            let found = tokens::user_for(&state.db, &token).await?;
            Some(found.ok_or(AppError::Unauthorized)?)
        } else if let Some(secret) =
            cookie(headers, SESSION_COOKIE).map(|c| Secret::from_presented(&c))
        {
            let found = sessions::user_for(&state.db, &secret).await?;
            if found.is_some() {
                session = Some(secret);
            }
            found
        } else {
            None
        };
        let versions = signed_in.as_ref().map(|s| s.versions);
        let user = signed_in.map(|s| s.user);
        let query_lang = parts.uri.query().and_then(|q| query_param(q, "lang"));
        let lang = Lang::choose(
            user.as_ref().and_then(|u| u.lang),
            query_lang.as_deref(),
            cookie(headers, LANG_COOKIE).as_deref(),
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok()),
        );
        let viewer = match &user {
            None => Viewer::Anonymous,
            Some(u) => Viewer::User {
                id: u.id.clone(),
                role: u.role,
                organisation: u.organisation.clone(),
            },
        };
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip().to_string());
        let forwarded = state
            .settings
            .behind_proxy
            .then(|| headers.get("x-forwarded-for").and_then(|v| v.to_str().ok()))
            .flatten()
            .and_then(|v| v.split(',').next())
            .map(|v| v.trim().to_owned());
        let address = forwarded.or(peer).unwrap_or_else(|| "unknown".into());
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_else(|| "/".into());
        Ok((
            Caller {
                user,
                viewer,
                lang,
                session,
                address,
                path,
            },
            versions,
        ))
    }

    /// The signed-in user, or [`AppError::Unauthorized`].
    pub fn user(&self) -> AppResult<&User> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }

    /// The signed-in admin, or the right refusal.
    pub fn admin(&self) -> AppResult<&User> {
        let user = self.user()?;
        if user.role.manages_users() {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Who the audit log records for changes made by this caller.
    pub fn actor(&self) -> Actor {
        match &self.user {
            Some(u) => Actor::User(u.id.clone()),
            None => Actor::System,
        }
    }

    /// The zone instants are shown in.
    pub fn zone(&self) -> Zone {
        self.user.as_ref().map(|u| u.zone).unwrap_or(Zone::UTC)
    }

    /// Refuses anonymous callers with 401 and signed-in ones with 403 unless `allowed`.
    pub fn require(&self, allowed: bool) -> AppResult<()> {
        match (&self.user, allowed) {
            (_, true) => Ok(()),
            (None, false) => Err(AppError::Unauthorized),
            (Some(_), false) => Err(AppError::Forbidden),
        }
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or_else(|| AppError::Internal("caller layer missing on this route".into()))
    }
}

fn bearer(headers: &HeaderMap) -> Option<Secret> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| Secret::from_presented(token))
}

/// The value of cookie `name`.
pub(crate) fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// The first value of `name` in a query string.
pub(crate) fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.to_owned())
}

/// Adds a cookie to `response`: HttpOnly, SameSite=Lax, path `/`, Secure when asked.
pub(crate) fn set_cookie(
    response: &mut axum::response::Response,
    name: &str,
    value: &str,
    max_age_secs: i64,
    secure: bool,
) {
    let secure = if secure { "; Secure" } else { "" };
    let cookie =
        format!("{name}={value}; Path=/; Max-Age={max_age_secs}; HttpOnly; SameSite=Lax{secure}");
    if let Ok(v) = axum::http::HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}
