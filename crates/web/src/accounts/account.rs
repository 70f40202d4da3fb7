//! The account page: name, language, time zone, password and API tokens.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::accounts::{NewPassword, User, parse_name};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::TokenId;
use tadamun_core::invalid::required_text;
use tadamun_core::time::{Zone, from_millis};
use tadamun_core::{Invalid, Problem};
use tadamun_store::accounts::tokens::{self, Token};
use tadamun_store::accounts::users;

use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::{Choice, FormError, PageForm};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/account", get(show).post(save_profile))
        .route("/account/password", post(change_password))
        .route("/account/tokens", post(create_token))
        .route("/account/tokens/{id}/revoke", post(revoke_token))
}

#[derive(Template, WebTemplate)]
#[template(path = "accounts/account.html")]
pub(super) struct AccountPage {
    shell: Shell,
    email: String,
    role: &'static str,
    name: String,
    languages: Vec<Choice>,
    zones: Vec<Choice>,
    tokens: Vec<TokenRow>,
    new_token: Option<String>,
    two_factor: bool,
    pub(super) setup: Option<super::two_factor::Setup>,
    saved: bool,
    pub(super) error: Option<FormError>,
}

struct TokenRow {
    id: String,
    label: String,
    created: String,
    last_used: String,
}

impl AccountPage {
    pub(super) async fn new(state: &AppState, caller: &Caller, user: &User) -> AppResult<Self> {
        let zone = caller.zone();
        let tokens = tokens::list_for(&state.db, &user.id).await?;
        Ok(Self {
            shell: Shell::new(caller, "account"),
            email: user.email.as_str().to_owned(),
            role: user.role.as_str(),
            name: user.name.clone(),
            languages: language_choices(user.lang.map(Lang::code).unwrap_or_default()),
            zones: zone_choices(user.zone.name()),
            tokens: tokens.into_iter().map(|t| token_row(t, zone)).collect(),
            new_token: None,
            two_factor: user.two_factor,
            setup: None,
            saved: false,
            error: None,
        })
    }
}

fn language_choices(current: &str) -> Vec<Choice> {
    Choice::list(
        Lang::ALL
            .iter()
            .map(|l| (l.code(), l.native_name().to_owned())),
        current,
    )
}

fn zone_choices(current: &str) -> Vec<Choice> {
    Choice::list(Zone::all_names().map(|z| (z, z.to_owned())), current)
}

fn token_row(token: Token, zone: Zone) -> TokenRow {
    TokenRow {
        id: token.id.as_str().to_owned(),
        label: token.label,
        created: zone.format(from_millis(token.created_at)),
        last_used: token
            .last_used_at
            .map(|t| zone.format(from_millis(t)))
            .unwrap_or_else(|| "—".into()),
    }
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    axum::extract::Query(q): axum::extract::Query<SavedQuery>,
) -> AppResult<AccountPage> {
    let user = caller.user()?;
    let mut page = AccountPage::new(&state, &caller, user).await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

#[derive(Deserialize)]
struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    lang: String,
    #[serde(default)]
    time_zone: String,
}

fn parse_profile(form: &ProfileForm) -> Result<users::Profile, Invalid> {
    Ok(users::Profile {
        name: parse_name(&form.name)?,
        lang: if form.lang.is_empty() {
            None
        } else {
            Some(Lang::parse(&form.lang)?)
        },
        zone: Zone::parse(&form.time_zone)?,
    })
}

async fn save_profile(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<ProfileForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    match parse_profile(&form) {
        Ok(profile) => {
            users::update_profile(&state.db, &caller.actor(), &user.id, profile).await?;
            Ok(Redirect::to("/account?saved=1").into_response())
        }
        Err(invalid) => {
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.name = form.name;
            page.languages = language_choices(&form.lang);
            page.zones = zone_choices(&form.time_zone);
            page.error = Some(FormError::new(caller.lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

async fn change_password(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<PasswordForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    let checked = match super::login::authenticate(
        &state.db,
        user.email.as_str(),
        &form.current_password,
        &caller.address,
    )
    .await?
    {
        Ok(_) => NewPassword::parse(&form.new_password, &user.email).map_err(|mut e| {
            e.field = "new_password";
            e
        }),
        Err(_) => Err(Invalid::new("current_password", Problem::PasswordWrong)),
    };
    match checked {
        Ok(password) => {
            let keep = caller.session.as_ref().map(|s| s.hash());
            users::set_password(
                &state.db,
                &caller.actor(),
                &user.id,
                &password.hash(),
                keep.as_ref(),
            )
            .await?;
            Ok(Redirect::to("/account?saved=1").into_response())
        }
        Err(invalid) => {
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.error = Some(FormError::new(caller.lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

#[derive(Deserialize)]
struct TokenForm {
    #[serde(default)]
    label: String,
}

async fn create_token(
    State(state): State<AppState>,
    caller: Caller,
    PageForm(form): PageForm<TokenForm>,
) -> AppResult<Response> {
    let user = caller.user()?;
    match required_text("label", &form.label, 100) {
        Ok(label) => {
            let (_, secret) = tokens::create(&state.db, &caller.actor(), &user.id, &label).await?;
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.new_token = Some(secret.expose().to_owned());
            Ok(page.into_response())
        }
        Err(invalid) => {
            let mut page = AccountPage::new(&state, &caller, user).await?;
            page.error = Some(FormError::new(caller.lang, &invalid));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let user = caller.user()?;
    let id = TokenId::parse(&id).map_err(|_| crate::error::AppError::NotFound)?;
    tokens::revoke(&state.db, &caller.actor(), &user.id, &id).await?;
    Ok(Redirect::to("/account?saved=1").into_response())
}
