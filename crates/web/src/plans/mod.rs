//! Plan pages: the list of plans and each plan's tree (`pages`), its timeline
//! (`timeline`), an item's page and the forms that change its dependencies and
//! progress (`items`), the forms to add and edit plans and items (`item_form`),
//! indicators with their chart and measurements (`indicators`), the lists across plans
//! — my actions, what needs attention — (`lists`) and the printable report with its
//! CSV (`report`).

mod indicators;
mod item_form;
mod items;
mod lists;
pub(crate) mod pages;
mod report;
pub(crate) mod timeline;

use std::collections::{BTreeMap, HashMap};

use axum::Router;
use chrono::NaiveDate;
use tadamun_core::i18n::Lang;
use tadamun_core::ids::PlanItemId;
use tadamun_core::plans::{Level, Owner, PlanItem, Status};
use tadamun_core::visibility::Viewer;
use tadamun_store::directory::{self, people};
use tadamun_store::groups;
use tadamun_store::plans::PlanTree;

use crate::error::{AppError, AppResult};
use crate::i18n::{self, percent_text};
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .merge(pages::router())
        .merge(timeline::router())
        .merge(items::router())
        .merge(indicators::router())
        .merge(lists::router())
        .merge(report::router())
}

fn parse_item_id(raw: &str) -> AppResult<PlanItemId> {
    PlanItemId::parse(raw).map_err(|_| AppError::NotFound)
}

fn status_label(lang: Lang, status: Status) -> String {
    i18n::t(lang, &format!("plan-status-{}", status.as_str()))
}

fn level_label(lang: Lang, level: Level) -> String {
    i18n::t(lang, &format!("plan-level-{}", level.as_str()))
}

/// Today, in UTC: what "overdue" is measured against.
fn today() -> NaiveDate {
    chrono::Utc::now().date_naive()
}

/// The names of the owners of some items, as the viewer may see them: with the tree
/// and the language, all a plan's page is drawn from, so they are part of the key it
/// is kept under (`pages::BodyKey`).
#[derive(Default, Clone, PartialEq, Eq, Hash)]
struct Owners {
    groups: BTreeMap<String, String>,
    organisations: BTreeMap<String, String>,
    people: BTreeMap<String, String>,
}

impl Owners {
    /// Reads the names of every owner of `items`, in `lang` where they have one, in
    /// at most three queries.
    async fn of<'a>(
        state: &AppState,
        viewer: &Viewer,
        lang: Lang,
        items: impl Iterator<Item = &'a PlanItem>,
    ) -> AppResult<Self> {
        let (mut orgs, mut persons, mut any_group) = (Vec::new(), Vec::new(), false);
        for item in items {
            match &item.fields.owner {
                Some(Owner::Organisation(id)) => orgs.push(id),
                Some(Owner::Person(id)) => persons.push(id),
                Some(Owner::Group(_)) => any_group = true,
                None => {}
            }
        }
        let groups = if any_group {
            groups::by_id(&state.db)
                .await?
                .into_iter()
                .map(|(id, g)| (id.to_string(), g.name_in(lang).to_owned()))
                .collect()
        } else {
            BTreeMap::new()
        };
        Ok(Self {
            groups,
            organisations: directory::names_of(&state.db, viewer, &orgs).await?,
            people: people::names_of(&state.db, viewer, &persons).await?,
        })
    }

    /// The owner's name and the page about them; empty when there is no owner or the
    /// viewer may not see them.
    fn name(&self, owner: Option<&Owner>) -> (String, Option<String>) {
        match owner {
            Some(Owner::Organisation(id)) => self
                .organisations
                .get(id.as_str())
                .map(|n| (n.clone(), Some(format!("/organisations/{id}"))))
                .unwrap_or_default(),
            Some(Owner::Person(id)) => self
                .people
                .get(id.as_str())
                .map(|n| (n.clone(), Some(format!("/people/{id}"))))
                .unwrap_or_default(),
            Some(Owner::Group(id)) => self
                .groups
                .get(id.as_str())
                .map(|n| (n.clone(), Some(format!("/groups/{id}"))))
                .unwrap_or_default(),
            None => (String::new(), None),
        }
    }
}

/// One plan item as the pages show it.
#[derive(Clone)]
struct ItemRow {
    id: String,
    /// 0 for the plan, 3 for an action.
    depth: usize,
    level: String,
    title: String,
    description: String,
    owner: String,
    owner_href: Option<String>,
    start: String,
    due: String,
    /// The status's code, for styling.
    status: &'static str,
    status_label: String,
    /// 0–100, rounded, for a `<progress>` bar.
    progress: Option<i64>,
    progress_text: String,
    overdue: bool,
}

impl ItemRow {
    fn new(
        lang: Lang,
        item: &PlanItem,
        progress: Option<f64>,
        owners: &Owners,
        today: NaiveDate,
    ) -> Self {
        let f = &item.fields;
        let (owner, owner_href) = owners.name(f.owner.as_ref());
        Self {
            id: item.id.to_string(),
            depth: match f.level {
                Level::Plan => 0,
                Level::Objective => 1,
                Level::Initiative => 2,
                Level::Action => 3,
            },
            level: level_label(lang, f.level),
            title: f.title_in(lang).to_owned(),
            description: f.description.clone().unwrap_or_default(),
            owner,
            owner_href,
            start: f.dates.start.map(|d| d.to_string()).unwrap_or_default(),
            due: f.dates.due.map(|d| d.to_string()).unwrap_or_default(),
            status: f.status.as_str(),
            status_label: status_label(lang, f.status),
            progress: progress.map(|p| p.round() as i64),
            progress_text: percent_text(progress),
            overdue: f.is_overdue(today),
        }
    }
}

/// The items of `tree` in reading order: each item followed by its children, children
/// in the order they were added.
fn in_order(tree: &PlanTree) -> Vec<&PlanItem> {
    let mut children: HashMap<Option<&PlanItemId>, Vec<&PlanItem>> = HashMap::new();
    for item in &tree.items {
        children
            .entry(item.fields.parent.as_ref())
            .or_default()
            .push(item);
    }
    let mut out = Vec::with_capacity(tree.items.len());
    let mut stack: Vec<&PlanItem> = children.get(&None).cloned().unwrap_or_default();
    stack.reverse();
    while let Some(item) = stack.pop() {
        out.push(item);
        if let Some(kids) = children.get(&Some(&item.id)) {
            stack.extend(kids.iter().rev());
        }
    }
    out
}

/// Every row of `tree`, in reading order.
async fn tree_rows(
    state: &AppState,
    viewer: &Viewer,
    lang: Lang,
    tree: &PlanTree,
) -> AppResult<Vec<ItemRow>> {
    let owners = Owners::of(state, viewer, lang, tree.items.iter()).await?;
    Ok(rows_named(lang, tree, &owners, today()))
}

/// Every row of `tree`, in reading order, with owners named from `owners`.
fn rows_named(lang: Lang, tree: &PlanTree, owners: &Owners, today: NaiveDate) -> Vec<ItemRow> {
    in_order(tree)
        .into_iter()
        .map(|item| {
            ItemRow::new(
                lang,
                item,
                tree.progress.get(&item.id).copied(),
                owners,
                today,
            )
        })
        .collect()
}
