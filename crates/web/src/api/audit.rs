//! `/api/v1/audit`.

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use tadamun_core::audit::Entry;
use tadamun_core::page::PageRequest;
use tadamun_store::audit;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::{ErrorBody, ItemsPage};
use crate::audit::AuditQuery;
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::Params;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(list))
}

/// One change.
#[derive(Serialize, ToSchema)]
pub(crate) struct AuditOut {
    id: String,
    /// RFC 3339, UTC.
    at: String,
    actor_id: Option<String>,
    /// The actor's e-mail at the time, or `system`.
    actor: String,
    /// create, update or delete.
    action: String,
    entity: String,
    entity_id: String,
    /// The record before the change.
    #[schema(value_type = Object)]
    before: Option<serde_json::Value>,
    /// The record after the change.
    #[schema(value_type = Object)]
    after: Option<serde_json::Value>,
}

impl From<Entry> for AuditOut {
    fn from(e: Entry) -> Self {
        let json = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        Self {
            id: e.id.to_string(),
            at: e.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
            actor_id: e.actor.map(|a| a.to_string()),
            actor: e.actor_label,
            action: e.action.as_str().to_owned(),
            entity: e.entity,
            entity_id: e.entity_id,
            before: json(e.before),
            after: json(e.after),
        }
    }
}

/// The audit log, newest first (admins only).
#[utoipa::path(get, path = "/api/v1/audit", tag = "audit", params(AuditQuery),
    responses((status = 200, body = ItemsPage<AuditOut>), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<AuditQuery>,
) -> AppResult<Json<ItemsPage<AuditOut>>> {
    caller.admin()?;
    let page = PageRequest::parse(q.limit, q.cursor.as_deref())?;
    let entries = audit::list(&state.db, &q.filter(), &page).await?;
    Ok(Json(ItemsPage::from_page(entries, AuditOut::from)))
}
