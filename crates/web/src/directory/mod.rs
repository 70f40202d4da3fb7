//! Directory pages: organisations (`organisations`), their exports (`export`) and
//! the outreach pipeline (`outreach`).

mod export;
mod organisations;
mod outreach;

use axum::Router;

pub(crate) use export::{download, rows as export_rows};
pub(crate) use organisations::{FilterQuery, country_name, input_of, parse_id};

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(export::router())
        .merge(organisations::router())
        .merge(outreach::router())
}
