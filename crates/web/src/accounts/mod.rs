//! Accounts and access pages: signing in and out, the language switcher, the
//! account page and user administration.

mod account;
mod login;
mod qr;
mod two_factor;
mod users;

use axum::Router;

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(login::router())
        .merge(account::router())
        .merge(two_factor::router())
        .merge(users::router())
}
