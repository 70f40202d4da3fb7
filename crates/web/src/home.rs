//! The home page: what the caller can do next, and how large the network is.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use tadamun_store::directory;

use crate::caller::Caller;
use crate::error::AppResult;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/", get(home))
}

#[derive(Template, WebTemplate)]
#[template(path = "home.html")]
struct HomePage {
    shell: Shell,
    organisations: i64,
    signed_in: bool,
}

async fn home(State(state): State<AppState>, caller: Caller) -> AppResult<HomePage> {
    Ok(HomePage {
        shell: Shell::new(&caller, "home"),
        organisations: directory::count_visible(&state.db, &caller.viewer).await?,
        signed_in: caller.user.is_some(),
    })
}
