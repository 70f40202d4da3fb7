//! The audit log page, for admins.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use serde::Deserialize;
use tadamun_core::audit::Entry;
use tadamun_core::page::PageRequest;
use tadamun_store::audit::{self, AuditFilter};

use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::Choice;
use crate::forms::Params;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new().route("/audit", get(list))
}

#[derive(Template, WebTemplate)]
#[template(path = "audit/audit.html")]
struct AuditPage {
    shell: Shell,
    rows: Vec<Row>,
    next_cursor: Option<String>,
    entity: String,
    entities: Vec<Choice>,
}

struct Row {
    at: String,
    actor: String,
    action: &'static str,
    entity: String,
    entity_id: String,
    before: String,
    after: String,
}

/// The filters of the audit page and API.
#[derive(Deserialize, utoipa::IntoParams)]
pub(crate) struct AuditQuery {
    /// Only rows about this kind of record (`user`, `organisation` …).
    pub entity: Option<String>,
    /// Only rows about this record.
    pub entity_id: Option<String>,
    /// Items per page, 1–500.
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl AuditQuery {
    pub(crate) fn filter(&self) -> AuditFilter {
        let present = |v: &Option<String>| v.clone().filter(|s| !s.is_empty());
        AuditFilter {
            entity: present(&self.entity),
            entity_id: present(&self.entity_id),
        }
    }
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<AuditQuery>,
) -> AppResult<AuditPage> {
    caller.admin()?;
    let page = PageRequest::parse(q.limit, q.cursor.as_deref())?;
    let entries = audit::list(&state.db, &q.filter(), &page).await?;
    let zone = caller.zone();
    let row = |e: Entry| Row {
        at: zone.format(e.at),
        actor: e.actor_label,
        action: e.action.as_str(),
        entity: e.entity,
        entity_id: e.entity_id,
        before: e.before.unwrap_or_default(),
        after: e.after.unwrap_or_default(),
    };
    Ok(AuditPage {
        shell: Shell::new(&caller, "audit"),
        rows: entries.items.into_iter().map(row).collect(),
        next_cursor: entries.next_cursor,
        entities: Choice::list(
            ["user", "organisation", "api_token"]
                .map(|e| (e, crate::i18n::t(caller.lang, &format!("entity-{e}")))),
            q.entity.as_deref().unwrap_or_default(),
        ),
        entity: q.entity.unwrap_or_default(),
    })
}
