//! Directory pages: organisations (`organisations`), people (`people`), focus areas
//! (`focus`), exports (`export`) and the outreach pipeline (`outreach`).

mod choices;
mod export;
mod focus;
pub mod import;
mod organisations;
mod outreach;
mod people;

use axum::Router;

pub(crate) use choices::{
    country_choices, country_name, focus_choices, language_choices, language_name, region_choices,
};
pub(crate) use export::{in_format, person_rows, rows as export_rows};
pub(crate) use import::{Mode as ImportMode, Report as ImportReport, run as run_import};
pub(crate) use organisations::{FilterQuery, input_of, parse_id};
pub(crate) use people::{PersonQuery, parse_id as parse_person_id};

use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(export::router())
        .merge(focus::router())
        .merge(import::router())
        .merge(organisations::router())
        .merge(outreach::router())
        .merge(people::router())
}
