//! Directory pages: organisations (`organisations`) and the outreach pipeline
//! (`outreach`).

mod organisations;
mod outreach;

use axum::Router;

pub(crate) use organisations::{FilterQuery, country_name, input_of, parse_id};

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(organisations::router())
        .merge(outreach::router())
}
