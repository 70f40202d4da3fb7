//! Turning two-factor sign-in on and off from the account page, and an admin's
//! reset for a user who lost their phone.

use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use serde::Deserialize;
use tadamun_core::accounts::{TotpSecret, User};
use tadamun_core::ids::UserId;
use tadamun_core::{Invalid, Problem};
use tadamun_store::accounts::{two_factor, users};

use super::account::AccountPage;
use super::login::{authenticate, unix_now};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{FormError, PageForm};
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/account/two-factor/setup", post(setup))
        .route("/account/two-factor/enable", post(enable))
        .route("/account/two-factor/disable", post(disable))
        .route("/users/{id}/two-factor/reset", post(reset))
}

/// What the account page shows while an authenticator is being set up.
pub(crate) struct Setup {
    /// The setup address as a QR code (our own SVG).
    pub qr_svg: String,
    /// The secret in groups of four, for typing into an app.
    pub secret: String,
    /// The `otpauth://` address, which opens an authenticator app on a phone.
    pub uri: String,
}

impl Setup {
    fn new(caller: &Caller, user: &User, secret: &TotpSecret) -> Self {
        let uri = secret.otpauth_uri(&user.email);
        let label = crate::i18n::t(caller.lang, "two-factor-qr");
        let grouped: Vec<String> = secret
            .base32()
            .chars()
            .collect::<Vec<_>>()
            .chunks(4)
            .map(|c| c.iter().collect())
            .collect();
        Self {
            qr_svg: super::qr::svg(&uri, &label).unwrap_or_default(),
            secret: grouped.join(" "),
            uri,
        }
    }
}

async fn setup(State(state): State<AppState>, caller: Caller) -> AppResult<Response> {
    let user = caller.user()?;
    if user.two_factor {
        return Ok(Redirect::to("/account").into_response());
    }
    let secret = TotpSecret::generate();
    two_factor::set_pending(&state.db, &user.id, &secret).await?;
    let mut page = AccountPage::new(&state, &caller, user).await?;
    page.setup = Some(Setup::new(&caller, user, &secret));
    Ok(page.into_response())
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

async fn enable(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<CodeForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    let Some(secret) = two_factor::pending(&state.db, &user.id).await? else {
        return Ok(Redirect::to("/account").into_response());
    };
    match secret.check("code", &form.code, unix_now()) {
        Ok(step) => {
            two_factor::enable(&state.db, &caller.actor(), &user.id, step).await?;
            Ok(Redirect::to("/account?saved=1").into_response())
        }
        Err(invalid) => {
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.setup = Some(Setup::new(&caller, user, &secret));
            page.error = Some(FormError::new(caller.lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

/// Turning it off needs both the password and a fresh code, so a borrowed unlocked
/// session cannot quietly weaken the account.
async fn disable(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<CodeForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    let password_ok = authenticate(
        &state.db,
        user.email.as_str(),
        &form.password,
        &caller.address,
    )
    .await?
    .is_ok();
    let checked = if !password_ok {
        Err(Invalid::new("password", Problem::PasswordWrong))
    } else {
        match two_factor::secret(&state.db, &user.id).await? {
            Some(secret) => match secret.check("code", &form.code, unix_now()) {
                Ok(step) if two_factor::use_step(&state.db, &user.id, step).await? => Ok(()),
                Ok(_) => Err(Invalid::new("code", Problem::CodeWrong)),
                Err(invalid) => Err(invalid),
            },
            None => Ok(()),
        }
    };
    match checked {
        Ok(()) => {
            two_factor::disable(&state.db, &caller.actor(), &user.id).await?;
            Ok(Redirect::to("/account?saved=1").into_response())
        }
        Err(invalid) => {
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.error = Some(FormError::new(caller.lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn reset(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.admin()?;
    let id = UserId::parse(&id).map_err(|_| AppError::NotFound)?;
    users::get(&state.db, &id).await?;
    two_factor::disable(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to(&format!("/users/{id}?saved=1")).into_response())
}
