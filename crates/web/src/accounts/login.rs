//! Signing in and out, and choosing the interface language.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::accounts::{Email, PasswordHash, User};
use tadamun_core::i18n::Lang;
use tadamun_store::Db;
use tadamun_store::accounts::throttle::{self, Subject};
use tadamun_store::accounts::{sessions, users};

use crate::caller::{Caller, LANG_COOKIE, SESSION_COOKIE, set_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::PageForm;
use crate::forms::Params;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/logout", post(logout))
        .route("/lang", post(choose_language))
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login.html")]
struct LoginPage {
    shell: Shell,
    email: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

async fn login_page(caller: Caller, Params(q): Params<NextQuery>) -> Response {
    let next = safe_next(q.next.as_deref());
    if caller.user.is_some() {
        return Redirect::to(&next).into_response();
    }
    LoginPage {
        shell: Shell::new(&caller, "login"),
        email: String::new(),
        next,
        error: None,
    }
    .into_response()
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: Option<String>,
}

/// Why a sign-in was refused.
pub(crate) enum Refusal {
    /// Wrong address or password (never saying which).
    Credentials,
    /// Too many recent failures for this account or address.
    Throttled(i64),
}

/// Checks e-mail and password with throttling per account and per address.
pub(crate) async fn authenticate(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
) -> AppResult<Result<User, Refusal>> {
    let account_key = email.trim().to_lowercase();
    let now = tadamun_core::time::to_millis(chrono::Utc::now());
    let wait = throttle::get(db, Subject::Account(&account_key))
        .await?
        .retry_after_secs(now)
        .max(
            throttle::get(db, Subject::Address(address))
                .await?
                .retry_after_secs(now),
        );
    if wait > 0 {
        return Ok(Err(Refusal::Throttled(wait)));
    }
    let found = match Email::parse(email) {
        Ok(email) => users::find_for_login(db, &email).await?,
        Err(_) => None,
    };
    let verified = match &found {
        Some((user, hash)) => hash.verify(password) && user.active,
        None => {
            // Spend the same time as for a real account, so timing does not tell
            // which addresses have accounts.
            PasswordHash::decoy().verify(password);
            false
        }
    };
    match (verified, found) {
        (true, Some((user, _))) => {
            throttle::clear(db, Subject::Account(&account_key)).await?;
            throttle::clear(db, Subject::Address(address)).await?;
            Ok(Ok(user))
        }
        _ => {
            throttle::record_failure(db, Subject::Account(&account_key)).await?;
            throttle::record_failure(db, Subject::Address(address)).await?;
            Ok(Err(Refusal::Credentials))
        }
    }
}

#[tracing::instrument(skip_all)]
async fn login(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<LoginForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let refusal =
        match authenticate(&state.db, &form.email, &form.password, &caller.address).await? {
            Ok(user) => {
                // A new session at every sign-in: a session id planted before sign-in
                // never becomes an authenticated one.
                if let Some(old) = &caller.session {
                    sessions::delete(&state.db, old).await?;
                }
                let secret = sessions::create(&state.db, &user.id).await?;
                let cookie = set_cookie(
                    SESSION_COOKIE,
                    secret.expose(),
                    sessions::IDLE_MS / 1000,
                    state.settings.secure_cookies(),
                );
                let mut response = Redirect::to(&next).into_response();
                if let Ok(v) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, v);
                }
                return Ok(response);
            }
            Err(refusal) => refusal,
        };
    let (status, message) = match refusal {
        Refusal::Credentials => (
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            crate::i18n::t(caller.lang, "login-failed"),
        ),
        Refusal::Throttled(secs) => (
            axum::http::StatusCode::TOO_MANY_REQUESTS,
            crate::i18n::t_args(
                caller.lang,
                "error-too-many-attempts",
                &[("seconds", crate::i18n::Arg::Num(secs))],
            ),
        ),
    };
    let page = LoginPage {
        shell: Shell::new(&caller, "login"),
        email: form.email,
        next,
        error: Some(message),
    };
    Ok((status, page).into_response())
}

async fn logout(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    if let Some(secret) = &caller.session {
        sessions::delete(&state.db, secret).await?;
    }
    let mut response = Redirect::to("/").into_response();
    let cookie = set_cookie(SESSION_COOKIE, "", 0, state.settings.secure_cookies());
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

#[derive(Deserialize)]
struct LangForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: Option<String>,
}

/// Remembers the language in a cookie and, for a signed-in user, in their settings.
async fn choose_language(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<LangForm>,
) -> AppResult<Response> {
    let lang = Lang::parse(&form.lang).map_err(AppError::Invalid)?;
    if let Some(user) = &caller.user {
        let profile = users::Profile {
            name: user.name.clone(),
            lang: Some(lang),
            zone: user.zone,
        };
        if user.lang != Some(lang) {
            users::update_profile(&state.db, &caller.actor(), &user.id, profile).await?;
        }
    }
    let mut response = Redirect::to(&safe_next(form.back.as_deref())).into_response();
    let cookie = set_cookie(
        LANG_COOKIE,
        lang.code(),
        365 * 24 * 3600,
        state.settings.secure_cookies(),
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}

/// A local path to return to; anything else (another site, `//host`) becomes `/`.
pub(crate) fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n.to_owned(),
        _ => "/".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/organisations?x=1")), "/organisations?x=1");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
