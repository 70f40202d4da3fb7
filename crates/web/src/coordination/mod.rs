//! Coordination pages: the slot finder.

pub(crate) mod slots;

use axum::Router;
use axum::routing::get;

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/slots", get(slots::page))
}
