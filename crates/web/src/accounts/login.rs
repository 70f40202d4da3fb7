//! Signing in and out, and choosing the interface language.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::accounts::{Email, PasswordHash, Secret, User};
use tadamun_core::i18n::Lang;
use tadamun_core::{Invalid, Problem};
use tadamun_store::Db;
use tadamun_store::accounts::throttle::{self, Subject};
use tadamun_store::accounts::{sessions, two_factor, users};

use crate::caller::{Caller, LANG_COOKIE, SESSION_COOKIE, set_cookie};
use crate::error::{AppError, AppResult};
use crate::forms::Params;
use crate::forms::{FormError, PageForm};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/login/code", post(login_code))
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

/// Seconds to wait before another attempt for this account or address.
async fn wait_secs(db: &Db, account: &str, address: &str) -> AppResult<i64> {
    let now = tadamun_core::time::to_millis(chrono::Utc::now());
    let by_account = throttle::get(db, Subject::Account(account))
        .await?
        .retry_after_secs(now);
    let by_address = throttle::get(db, Subject::Address(address))
        .await?
        .retry_after_secs(now);
    Ok(by_account.max(by_address))
}

async fn count_failure(db: &Db, account: &str, address: &str) -> AppResult<()> {
    throttle::record_failure(db, Subject::Account(account)).await?;
    throttle::record_failure(db, Subject::Address(address)).await?;
    Ok(())
}

async fn forget_failures(db: &Db, account: &str, address: &str) -> AppResult<()> {
    throttle::clear(db, Subject::Account(account)).await?;
    throttle::clear(db, Subject::Address(address)).await?;
    Ok(())
}

/// Checks e-mail and password with throttling per account and per address.
pub(crate) async fn authenticate(
    db: &Db,
    email: &str,
    password: &str,
    address: &str,
) -> AppResult<Result<User, Refusal>> {
    let account = email.trim().to_lowercase();
    let wait = wait_secs(db, &account, address).await?;
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
            // With two-factor sign-in, the failures are forgotten only after the code.
            if !user.two_factor {
                forget_failures(db, &account, address).await?;
            }
            Ok(Ok(user))
        }
        _ => {
            count_failure(db, &account, address).await?;
            Ok(Err(Refusal::Credentials))
        }
    }
}

fn refusal_message(lang: Lang, refusal: Refusal) -> (StatusCode, String) {
    match refusal {
        Refusal::Credentials => (
            StatusCode::UNPROCESSABLE_ENTITY,
            i18n::t(lang, "login-failed"),
        ),
        Refusal::Throttled(secs) => (
            StatusCode::TOO_MANY_REQUESTS,
            i18n::t_args(
                lang,
                "error-too-many-attempts",
                &[("seconds", i18n::Arg::Num(secs))],
            ),
        ),
    }
}

#[tracing::instrument(skip_all)]
async fn login(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<LoginForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    match authenticate(&state.db, &form.email, &form.password, &caller.address).await? {
        Ok(user) if user.two_factor => {
            let challenge = two_factor::create_challenge(&state.db, &user.id).await?;
            let page = CodePage {
                shell: Shell::new(&caller, "login"),
                challenge: challenge.expose().to_owned(),
                next,
                error: None,
            };
            Ok(page.into_response())
        }
        Ok(user) => start_session(&state, &caller, &user, &next).await,
        Err(refusal) => {
            let (status, message) = refusal_message(caller.lang, refusal);
            let page = LoginPage {
                shell: Shell::new(&caller, "login"),
                email: form.email,
                next,
                error: Some(message),
            };
            Ok((status, page).into_response())
        }
    }
}

/// Signs `user` in: a new session at every sign-in, so a session id planted before
/// sign-in never becomes an authenticated one.
async fn start_session(
    state: &AppState,
    caller: &Caller,
    user: &User,
    next: &str,
) -> AppResult<Response> {
    if let Some(old) = &caller.session {
        sessions::delete(&state.db, old).await?;
    }
    let secret = sessions::create(&state.db, &user.id).await?;
    let mut response = Redirect::to(next).into_response();
    set_cookie(
        &mut response,
        SESSION_COOKIE,
        secret.expose(),
        sessions::IDLE_MS / 1000,
        state.settings.secure_cookies(),
    );
    Ok(response)
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/login_code.html")]
struct CodePage {
    shell: Shell,
    challenge: String,
    next: String,
    error: Option<String>,
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    challenge: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: Option<String>,
}

/// The second step of a two-factor sign-in: the code from the authenticator app.
#[tracing::instrument(skip_all)]
async fn login_code(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<CodeForm>,
) -> AppResult<Response> {
    let next = safe_next(form.next.as_deref());
    let challenge = Secret::from_presented(&form.challenge);
    let Some(user) = two_factor::challenge_user(&state.db, &challenge).await? else {
        let message = i18n::t(caller.lang, "login-expired");
        let page = LoginPage {
            shell: Shell::new(&caller, "login"),
            email: String::new(),
            next,
            error: Some(message),
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    };
    let account = user.email.as_str();
    let retry = |error: String, status: StatusCode| {
        let page = CodePage {
            shell: Shell::new(&caller, "login"),
            challenge: form.challenge.clone(),
            next: next.clone(),
            error: Some(error),
        };
        Ok((status, page).into_response())
    };
    let wait = wait_secs(&state.db, account, &caller.address).await?;
    if wait > 0 {
        let (status, message) = refusal_message(caller.lang, Refusal::Throttled(wait));
        return retry(message, status);
    }
    let secret = two_factor::secret(&state.db, &user.id).await?;
    let checked = secret
        .ok_or(Invalid::new("code", Problem::CodeWrong))
        .and_then(|s| s.check("code", &form.code, unix_now()));
    let accepted = match checked {
        Ok(step) => two_factor::use_step(&state.db, &user.id, step).await?,
        Err(_) => false,
    };
    if !accepted {
        count_failure(&state.db, account, &caller.address).await?;
        let message =
            FormError::new(caller.lang, &Invalid::new("code", Problem::CodeWrong)).message;
        return retry(message, StatusCode::UNPROCESSABLE_ENTITY);
    }
    forget_failures(&state.db, account, &caller.address).await?;
    two_factor::end_challenge(&state.db, &challenge).await?;
    start_session(&state, &caller, &user, &next).await
}

/// Seconds since the Unix epoch.
pub(crate) fn unix_now() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp()).unwrap_or_default()
}

async fn logout(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    if let Some(secret) = &caller.session {
        sessions::delete(&state.db, secret).await?;
    }
    let mut response = Redirect::to("/").into_response();
    set_cookie(
        &mut response,
        SESSION_COOKIE,
        "",
        0,
        state.settings.secure_cookies(),
    );
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
    set_cookie(
        &mut response,
        LANG_COOKIE,
        lang.code(),
        365 * 24 * 3600,
        state.settings.secure_cookies(),
    );
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
