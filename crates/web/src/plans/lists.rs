//! Lists across every plan: "my actions" (the open actions owned by the signed-in
//! user's organisation, by the people records with their e-mail address, or by the
//! working groups they belong to) and what needs attention (blocked or overdue items).

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::routing::get;
use tadamun_core::accounts::User;
use tadamun_core::plans::{Owner, Status};
use tadamun_store::directory::people;
use tadamun_store::groups;
use tadamun_store::plans::{self, InPlan};

use super::{ItemRow, Owners, today};
use crate::caller::Caller;
use crate::error::AppResult;
use crate::forms::Choice;
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/plans/mine", get(mine))
        .route("/plans/attention", get(attention))
}

/// Everyone `user` answers for or acts as: their organisation, the people records
/// with their e-mail address, and the working groups they belong to.
pub(super) async fn owners_for(state: &AppState, user: &User) -> AppResult<Vec<Owner>> {
    let mut owners: Vec<Owner> = people::with_email(&state.db, user.email.as_str())
        .await?
        .into_iter()
        .map(Owner::Person)
        .collect();
    owners.extend(user.organisation.clone().map(Owner::Organisation));
    owners.extend(
        groups::of_user(&state.db, &user.id)
            .await?
            .into_iter()
            .map(Owner::Group),
    );
    Ok(owners)
}

/// One listed item with the plan it belongs to.
struct ListRow {
    item: ItemRow,
    plan_id: String,
    plan: String,
    /// For "my actions": the statuses the owner may set, with the current one selected.
    statuses: Vec<Choice>,
    percent: String,
}

async fn rows(
    state: &AppState,
    caller: &Caller,
    found: Vec<InPlan>,
    with_form: bool,
) -> AppResult<Vec<ListRow>> {
    let lang = caller.lang;
    let titles: HashMap<String, String> = plans::plans(&state.db)
        .await?
        .into_iter()
        .map(|p| (p.id.to_string(), p.fields.title_in(lang).to_owned()))
        .collect();
    let owners = Owners::of(state, &caller.viewer, lang, found.iter().map(|f| &f.item)).await?;
    let today = today();
    Ok(found
        .into_iter()
        .map(|f| {
            let status = f.item.fields.status;
            let statuses = if with_form {
                Choice::list(
                    Status::ALL
                        .iter()
                        .map(|s| (s.as_str(), super::status_label(lang, *s))),
                    status.as_str(),
                )
            } else {
                Vec::new()
            };
            ListRow {
                plan: titles.get(f.plan.as_str()).cloned().unwrap_or_default(),
                plan_id: f.plan.to_string(),
                percent: f
                    .item
                    .fields
                    .percent
                    .map(|p| p.get().to_string())
                    .unwrap_or_default(),
                item: ItemRow::new(lang, &f.item, None, &owners, today),
                statuses,
            }
        })
        .collect())
}

#[derive(Template, WebTemplate)]
#[template(path = "plans/list.html")]
struct ListPage {
    shell: Shell,
    title: String,
    intro: String,
    rows: Vec<ListRow>,
    with_form: bool,
}

async fn mine(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    let user = caller.user()?;
    let owners = owners_for(&state, user).await?;
    let found = plans::open_actions_of(&state.db, &owners).await?;
    let with_form = user.role != tadamun_core::accounts::Role::Viewer;
    Ok(ListPage {
        shell: Shell::new(&caller, "plans"),
        title: i18n::t(caller.lang, "plans-mine"),
        intro: i18n::t(caller.lang, "plans-mine-intro"),
        rows: rows(&state, &caller, found, with_form).await?,
        with_form,
    })
}

async fn attention(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    caller.user()?;
    let found = plans::needing_attention(&state.db, today()).await?;
    Ok(ListPage {
        shell: Shell::new(&caller, "plans"),
        title: i18n::t(caller.lang, "plans-attention"),
        intro: i18n::t(caller.lang, "plans-attention-intro"),
        rows: rows(&state, &caller, found, false).await?,
        with_form: false,
    })
}
