//! The JSON API under `/api/v1`: one module per area, every route documented with
//! `#[utoipa::path]` and collected by `utoipa-axum` into the OpenAPI document served at
//! `/api/v1/openapi.json`. A route cannot be added without appearing there.

mod accounts;
mod audit;
mod campaigns;
mod coordination;
mod coverage;
mod directory;
mod events;
mod groups;
mod plans;
mod reminders;
mod search;

use std::sync::Arc;

use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;
use utoipa::openapi::OpenApi as OpenApiDoc;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;

use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(title = "Tadamun API", description = "Coordinated, measured action for a solidarity coalition."),
    modifiers(&BearerAuth),
    components(schemas(ErrorBody, ErrorDetail)),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut OpenApiDoc) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// Every API route and the OpenAPI document.
pub(crate) fn router() -> Router<AppState> {
    let (router, doc) = routes().split_for_parts();
    let doc = Arc::new(doc);
    router.route(
        "/api/v1/openapi.json",
        get(move || async move { Json(doc.as_ref().clone()) }),
    )
}

fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(accounts::routes())
        .merge(directory::routes())
        .merge(coverage::routes())
        .merge(plans::routes())
        .merge(groups::routes())
        .merge(campaigns::routes())
        .merge(coordination::routes())
        .merge(events::routes())
        .merge(reminders::routes())
        .merge(audit::routes())
        .merge(search::routes())
}

/// The OpenAPI document, for tests and tooling.
pub fn openapi() -> OpenApiDoc {
    routes().split_for_parts().1
}

/// Every error the API returns.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorBody {
    error: ErrorDetail,
}

/// What went wrong.
#[derive(Serialize, ToSchema)]
pub(crate) struct ErrorDetail {
    /// Stable machine-readable code (`not_found`, `required`, `taken` …).
    code: String,
    /// Human message in the caller's language.
    message: String,
    /// The field at fault, for validation errors.
    field: Option<String>,
    /// For `duplicate`: the id of the record that already exists.
    existing_id: Option<String>,
}

/// A page of items and the cursor of the next page.
#[derive(Serialize, ToSchema)]
pub(crate) struct ItemsPage<T: ToSchema> {
    /// The items.
    pub items: Vec<T>,
    /// Pass as `cursor` for the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

impl<T: ToSchema> ItemsPage<T> {
    pub(crate) fn from_page<U>(page: tadamun_core::page::Page<U>, f: impl FnMut(U) -> T) -> Self {
        let page = page.map(f);
        Self {
            items: page.items,
            next_cursor: page.next_cursor,
        }
    }
}

/// Pagination parameters.
#[derive(serde::Deserialize, utoipa::IntoParams)]
pub(crate) struct PageParams {
    /// Items per page, 1–500 (default 50).
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PageParams {
    pub(crate) fn request(&self) -> Result<tadamun_core::page::PageRequest, tadamun_core::Invalid> {
        tadamun_core::page::PageRequest::parse(self.limit, self.cursor.as_deref())
    }
}
