//! Rules over a whole plan: dates within the parent's, dependencies between actions,
//! the roll-up of progress from actions and indicators up to the plan, and what is
//! overdue. Pure functions over items already read from storage.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::items::{Dates, Level, Percent, PlanItem, Status, Weight, is_overdue};
use crate::ids::PlanItemId;
use crate::{Invalid, Problem};

/// What the rules need to know of a plan item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// Its id.
    pub id: PlanItemId,
    /// The item it belongs to; none for a plan.
    pub parent: Option<PlanItemId>,
    /// How deep it sits.
    pub level: Level,
    /// Where it stands.
    pub status: Status,
    /// How much it counts in its parent's progress.
    pub weight: Weight,
    /// For an action, the share its owner reports done.
    pub percent: Option<Percent>,
    /// When it starts and is due.
    pub dates: Dates,
}

impl Node {
    /// The node of a stored item.
    pub fn of(item: &PlanItem) -> Self {
        let f = &item.fields;
        Self {
            id: item.id.clone(),
            parent: f.parent.clone(),
            level: f.level,
            status: f.status,
            weight: f.weight,
            percent: f.percent,
            dates: f.dates,
        }
    }

    /// Whether it is overdue on `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        is_overdue(self.status, self.dates.due, today)
    }

    /// An action's own progress: cancelled counts for nothing (none), done is 100,
    /// otherwise the percentage its owner reports, or 0.
    pub fn own_progress(&self) -> Option<f64> {
        match self.status {
            Status::Cancelled => None,
            Status::Done => Some(100.0),
            _ => Some(self.percent.map_or(0.0, |p| f64::from(p.get()))),
        }
    }
}

/// "Action `after` starts once action `before` is due."
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct Dependency {
    /// The action waited for.
    pub before: PlanItemId,
    /// The action that waits.
    pub after: PlanItemId,
}

/// A plan in memory, for rolling up progress.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tree {
    /// Every item of the plan, in any order.
    pub nodes: Vec<Node>,
    /// The progress (0–100) of the indicators attached to each item.
    pub indicators: HashMap<PlanItemId, Vec<f64>>,
}

impl Tree {
    /// How much one indicator counts in its item's progress: as much as a child of
    /// default weight.
    pub const INDICATOR_WEIGHT: f64 = 1.0;

    /// The progress (0–100) of every item that has one, computed bottom-up in one
    /// pass. An action's is its own ([`Node::own_progress`]); any other item's is the
    /// weighted mean of its children's and its indicators' progress. Cancelled items
    /// have none and are left out of their parent's mean, as are children with nothing
    /// countable; an item with nothing countable has none. Items whose parent chain
    /// loops (bad data) are left out.
    pub fn progress(&self) -> HashMap<PlanItemId, f64> {
        let index: HashMap<&PlanItemId, usize> = self
            .nodes
            .iter()
            .enumerate()
            .map(|(i, n)| (&n.id, i))
            .collect();
        let mut children = vec![Vec::new(); self.nodes.len()];
        let mut stack = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            match node.parent.as_ref().and_then(|p| index.get(p)) {
                Some(&p) if p != i => children[p].push(i),
                _ => stack.push((i, false)),
            }
        }
        let mut done: Vec<Option<f64>> = vec![None; self.nodes.len()];
        while let Some((i, expanded)) = stack.pop() {
            if expanded {
                done[i] = self.rolled_up(i, &children[i], &done);
            } else {
                stack.push((i, true));
                stack.extend(children[i].iter().map(|c| (*c, false)));
            }
        }
        self.nodes
            .iter()
            .zip(done)
            .filter_map(|(n, p)| Some((n.id.clone(), p?)))
            .collect()
    }

    /// The progress of item `id`, as [`Tree::progress`] computes it.
    pub fn progress_of(&self, id: &PlanItemId) -> Option<f64> {
        self.progress().get(id).copied()
    }

    /// The items overdue on `today`.
    pub fn overdue(&self, today: NaiveDate) -> impl Iterator<Item = &Node> {
        self.nodes.iter().filter(move |n| n.is_overdue(today))
    }

    /// The progress of node `i` given its children's, already computed.
    fn rolled_up(&self, i: usize, children: &[usize], done: &[Option<f64>]) -> Option<f64> {
        let node = &self.nodes[i];
        if node.status == Status::Cancelled {
            return None;
        }
        if node.level == Level::Action {
            return node.own_progress();
        }
        let parts = children
            .iter()
            .filter_map(|c| Some((f64::from(self.nodes[*c].weight.get()), done[*c]?)))
            .chain(
                self.indicators
                    .get(&node.id)
                    .into_iter()
                    .flatten()
                    .filter(|p| p.is_finite())
                    .map(|p| (Self::INDICATOR_WEIGHT, p.clamp(0.0, 100.0))),
            );
        let (sum, weights) = parts.fold((0.0, 0.0), |(s, w), (weight, p)| {
            (s + weight * p, w + weight)
        });
        (weights > 0.0).then(|| (sum / weights).clamp(0.0, 100.0))
    }
}

/// Checks that a child's dates lie within its parent's, naming `start` or `due`. An
/// open date (on either side) constrains nothing.
pub fn check_within_parent(child: Dates, parent: Dates) -> Result<(), Invalid> {
    for (field, date) in [("start", child.start), ("due", child.due)] {
        if date.is_some_and(|d| !parent.contains(d)) {
            return Err(Invalid::new(field, Problem::OutsideParent));
        }
    }
    Ok(())
}

/// Checks that new dates of a parent still hold all its children's, naming the
/// parent's `start` or `due` that would leave a child out.
pub fn check_contains_children(
    parent: Dates,
    children: impl IntoIterator<Item = Dates>,
) -> Result<(), Invalid> {
    for child in children {
        for day in [child.start, child.due].into_iter().flatten() {
            if parent.start.is_some_and(|s| day < s) {
                return Err(Invalid::new("start", Problem::OutsideParent));
            }
            if parent.due.is_some_and(|d| d < day) {
                return Err(Invalid::new("due", Problem::OutsideParent));
            }
        }
    }
    Ok(())
}

/// Checks a new dependency against the plan's `nodes` and existing `edges`, naming
/// `depends_on`: both ends must be known actions, the new edge must close no cycle,
/// and the waiting action must not start before the one it waits for is due (the
/// same day is allowed). Open dates constrain nothing.
pub fn check_dependency(
    nodes: &[Node],
    edges: &[Dependency],
    new: &Dependency,
) -> Result<(), Invalid> {
    let fail = |problem| Invalid::new("depends_on", problem);
    let find = |id: &PlanItemId| {
        nodes
            .iter()
            .find(|n| n.id == *id)
            .ok_or(fail(Problem::UnknownValue))
    };
    let (before, after) = (find(&new.before)?, find(&new.after)?);
    if before.id == after.id {
        return Err(fail(Problem::DependencyCycle));
    }
    if before.level != Level::Action || after.level != Level::Action {
        return Err(fail(Problem::DependencyNotAction));
    }
    if waits_for(edges, &new.before, &new.after) {
        return Err(fail(Problem::DependencyCycle));
    }
    if let (Some(due), Some(start)) = (before.dates.due, after.dates.start)
        && start < due
    {
        return Err(fail(Problem::StartsBeforeDependency));
    }
    Ok(())
}

/// Checks new dates of action `id` against its dependencies in both directions,
/// naming `start` (it would start before an action it waits for is due) or `due` (an
/// action waiting for it would start before it is due).
pub fn check_dependency_dates(
    nodes: &[Node],
    edges: &[Dependency],
    id: &PlanItemId,
    dates: Dates,
) -> Result<(), Invalid> {
    let dates_of = |other: &PlanItemId| nodes.iter().find(|n| n.id == *other).map(|n| n.dates);
    for edge in edges {
        if edge.after == *id
            && let (Some(start), Some(due)) =
                (dates.start, dates_of(&edge.before).and_then(|d| d.due))
            && start < due
        {
            return Err(Invalid::new("start", Problem::StartsBeforeDependency));
        }
        if edge.before == *id
            && let (Some(due), Some(start)) =
                (dates.due, dates_of(&edge.after).and_then(|d| d.start))
            && start < due
        {
            return Err(Invalid::new("due", Problem::StartsBeforeDependency));
        }
    }
    Ok(())
}

/// Whether `waiter` already waits, directly or through others, for `awaited`.
fn waits_for(edges: &[Dependency], waiter: &PlanItemId, awaited: &PlanItemId) -> bool {
    let mut seen = HashSet::new();
    let mut queue = vec![awaited];
    while let Some(current) = queue.pop() {
        if current == waiter {
            return true;
        }
        if seen.insert(current) {
            queue.extend(
                edges
                    .iter()
                    .filter(|e| e.before == *current)
                    .map(|e| &e.after),
            );
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn dates(start: Option<NaiveDate>, due: Option<NaiveDate>) -> Dates {
        Dates { start, due }
    }

    fn node(parent: Option<&Node>, level: Level, status: Status) -> Node {
        Node {
            id: PlanItemId::new(),
            parent: parent.map(|p| p.id.clone()),
            level,
            status,
            weight: Weight::default(),
            percent: None,
            dates: Dates::default(),
        }
    }

    #[test]
    fn a_child_must_keep_within_its_parents_dates() {
        let parent = dates(Some(day(2026, 1, 1)), Some(day(2026, 12, 31)));
        let inside = dates(Some(day(2026, 3, 1)), Some(day(2026, 4, 15)));
        assert_eq!(check_within_parent(inside, parent), Ok(()));
        assert_eq!(
            check_within_parent(dates(Some(day(2025, 12, 1)), None), parent),
            Err(Invalid::new("start", Problem::OutsideParent))
        );
        assert_eq!(
            check_within_parent(
                dates(Some(day(2026, 11, 1)), Some(day(2027, 1, 31))),
                parent
            ),
            Err(Invalid::new("due", Problem::OutsideParent))
        );
        assert_eq!(
            check_within_parent(dates(Some(day(2027, 2, 1)), None), parent),
            Err(Invalid::new("start", Problem::OutsideParent))
        );
        assert_eq!(check_within_parent(inside, Dates::default()), Ok(()));
        assert_eq!(check_within_parent(Dates::default(), parent), Ok(()));

        assert_eq!(check_contains_children(parent, [inside]), Ok(()));
        let shorter = dates(Some(day(2026, 3, 2)), Some(day(2026, 12, 31)));
        assert_eq!(
            check_contains_children(shorter, [inside]),
            Err(Invalid::new("start", Problem::OutsideParent))
        );
        let earlier = dates(None, Some(day(2026, 4, 14)));
        assert_eq!(
            check_contains_children(earlier, [inside]),
            Err(Invalid::new("due", Problem::OutsideParent))
        );
    }

    /// Three actions of one initiative: drafting (March), translating (April) and
    /// publishing (May).
    fn actions() -> (Vec<Node>, [PlanItemId; 3]) {
        let initiative = node(None, Level::Initiative, Status::InProgress);
        let act = |start, due| Node {
            dates: dates(Some(start), Some(due)),
            ..node(Some(&initiative), Level::Action, Status::NotStarted)
        };
        let draft = act(day(2026, 3, 1), day(2026, 3, 31));
        let translate = act(day(2026, 4, 1), day(2026, 4, 30));
        let publish = act(day(2026, 4, 30), day(2026, 5, 31));
        let ids = [draft.id.clone(), translate.id.clone(), publish.id.clone()];
        (vec![initiative, draft, translate, publish], ids)
    }

    fn edge(before: &PlanItemId, after: &PlanItemId) -> Dependency {
        Dependency {
            before: before.clone(),
            after: after.clone(),
        }
    }

    #[test]
    fn a_dependency_that_closes_a_cycle_is_refused() {
        let (nodes, [draft, translate, publish]) = actions();
        let edges = [edge(&draft, &translate), edge(&translate, &publish)];
        let cycle = Err(Invalid::new("depends_on", Problem::DependencyCycle));
        assert_eq!(
            check_dependency(&nodes, &edges, &edge(&publish, &draft)),
            cycle
        );
        assert_eq!(
            check_dependency(&nodes, &edges, &edge(&translate, &draft)),
            cycle
        );
        assert_eq!(
            check_dependency(&nodes, &edges, &edge(&draft, &draft)),
            cycle
        );
        // The same day is allowed: translation is due on the day publishing starts.
        assert_eq!(
            check_dependency(&nodes, &edges, &edge(&draft, &publish)),
            Ok(())
        );
    }

    #[test]
    fn a_dependency_must_join_two_known_actions_in_order() {
        let (nodes, [draft, translate, publish]) = actions();
        assert_eq!(
            check_dependency(&nodes, &[], &edge(&publish, &translate)),
            Err(Invalid::new("depends_on", Problem::StartsBeforeDependency))
        );
        assert_eq!(
            check_dependency(&nodes, &[], &edge(&nodes[0].id, &draft)),
            Err(Invalid::new("depends_on", Problem::DependencyNotAction))
        );
        assert_eq!(
            check_dependency(&nodes, &[], &edge(&PlanItemId::new(), &draft)),
            Err(Invalid::new("depends_on", Problem::UnknownValue))
        );

        let edges = [edge(&draft, &translate), edge(&translate, &publish)];
        let moved = dates(Some(day(2026, 3, 20)), Some(day(2026, 4, 30)));
        assert_eq!(
            check_dependency_dates(&nodes, &edges, &translate, moved),
            Err(Invalid::new("start", Problem::StartsBeforeDependency))
        );
        let late = dates(Some(day(2026, 4, 1)), Some(day(2026, 5, 2)));
        assert_eq!(
            check_dependency_dates(&nodes, &edges, &translate, late),
            Err(Invalid::new("due", Problem::StartsBeforeDependency))
        );
        let earlier = dates(Some(day(2026, 4, 1)), Some(day(2026, 4, 20)));
        assert_eq!(
            check_dependency_dates(&nodes, &edges, &translate, earlier),
            Ok(())
        );
    }

    #[test]
    fn progress_rolls_up_as_a_weighted_mean_leaving_out_what_was_cancelled() {
        let plan = node(None, Level::Plan, Status::InProgress);
        let outreach = node(Some(&plan), Level::Objective, Status::InProgress);
        let media = node(Some(&plan), Level::Objective, Status::NotStarted);
        let africa = node(Some(&outreach), Level::Initiative, Status::InProgress);
        let empty = node(Some(&outreach), Level::Initiative, Status::NotStarted);
        let action = |status, weight, percent: Option<i64>| Node {
            weight: Weight::from_stored(weight),
            percent: percent.map(Percent::from_stored),
            ..node(Some(&africa), Level::Action, status)
        };
        let done = action(Status::Done, 2, Some(60));
        let half = action(Status::InProgress, 1, Some(50));
        let blocked = action(Status::Blocked, 1, None);
        let dropped = action(Status::Cancelled, 5, Some(90));
        let tree = Tree {
            indicators: HashMap::from([(outreach.id.clone(), vec![40.0, 130.0])]),
            nodes: vec![
                dropped.clone(),
                plan.clone(),
                half.clone(),
                africa.clone(),
                outreach.clone(),
                media.clone(),
                empty.clone(),
                done.clone(),
                blocked.clone(),
            ],
        };
        let progress = tree.progress();
        assert_eq!(progress.get(&done.id), Some(&100.0));
        assert_eq!(progress.get(&half.id), Some(&50.0));
        assert_eq!(progress.get(&blocked.id), Some(&0.0));
        assert_eq!(progress.get(&dropped.id), None);
        // (2 × 100 + 50 + 0) / 4
        assert_eq!(progress.get(&africa.id), Some(&62.5));
        assert_eq!(progress.get(&empty.id), None);
        assert_eq!(progress.get(&media.id), None);
        // Initiative 62.5 and indicators 40 and 100 (clamped), each of weight 1.
        assert_eq!(progress.get(&outreach.id), Some(&67.5));
        assert_eq!(tree.progress_of(&plan.id), Some(67.5));
        assert_eq!(progress.len(), 6);
    }

    #[test]
    fn overdue_items_are_those_still_open_past_their_due_date() {
        let (mut nodes, [draft, translate, _]) = actions();
        nodes[1].status = Status::Done;
        let tree = Tree {
            nodes,
            ..Tree::default()
        };
        let late: Vec<_> = tree.overdue(day(2026, 5, 1)).map(|n| &n.id).collect();
        assert_eq!(late, [&translate]);
        assert!(!late.contains(&&draft));
    }

    /// A random tree: each node hangs under an earlier one (or is a root), one level
    /// below it.
    fn random_tree(shape: &[(usize, u8, u8, u8)]) -> Tree {
        let mut nodes: Vec<Node> = Vec::new();
        for (k, &(parent, status, weight, percent)) in shape.iter().enumerate() {
            let parent = (k > 0 && parent % 5 != 0).then(|| nodes[parent % k].clone());
            let level = parent
                .as_ref()
                .map_or(Level::Plan, |p| p.level.child().unwrap_or(Level::Action));
            nodes.push(Node {
                weight: Weight::from_stored(i64::from(weight)),
                percent: (percent <= 100).then(|| Percent::from_stored(i64::from(percent))),
                ..node(parent.as_ref(), level, Status::ALL[usize::from(status) % 5])
            });
        }
        Tree {
            nodes,
            ..Tree::default()
        }
    }

    proptest! {
        #[test]
        fn progress_is_always_a_percentage(
            shape in prop::collection::vec((0usize..64, 0u8..5, 1u8..=100, 0u8..=120), 1..40),
            indicators in prop::collection::vec(-50.0f64..200.0, 0..4),
        ) {
            let mut tree = random_tree(&shape);
            tree.indicators.insert(tree.nodes[0].id.clone(), indicators);
            for (_, p) in tree.progress() {
                prop_assert!((0.0..=100.0).contains(&p));
            }
        }

        #[test]
        fn when_every_action_is_done_every_item_with_progress_is_at_100(
            shape in prop::collection::vec((0usize..64, 0u8..5, 1u8..=100, 0u8..=120), 1..40),
        ) {
            let mut tree = random_tree(&shape);
            for n in &mut tree.nodes {
                if n.level == Level::Action && n.status != Status::Cancelled {
                    n.status = Status::Done;
                }
            }
            for (_, p) in tree.progress() {
                prop_assert!((p - 100.0).abs() < 1e-9);
            }
        }
    }
}
