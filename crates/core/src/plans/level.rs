//! The levels of a plan's tree and the statuses of its items.

use crate::{Invalid, Problem};

/// How deep in a plan an item sits. A child is exactly one level below its parent.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// The plan itself, the root of the tree.
    Plan,
    /// What the plan means to achieve.
    Objective,
    /// A body of work towards an objective.
    Initiative,
    /// A concrete task of an initiative; the only level with its own progress.
    Action,
}

impl Level {
    /// Every level, from the root down.
    pub const ALL: [Level; 4] = [
        Level::Plan,
        Level::Objective,
        Level::Initiative,
        Level::Action,
    ];

    /// Parses a level name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        parse_choice("level", raw, Self::ALL, Self::as_str)
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Plan => "plan",
            Level::Objective => "objective",
            Level::Initiative => "initiative",
            Level::Action => "action",
        }
    }

    /// The level of this level's parent; none for a plan.
    pub fn parent(self) -> Option<Level> {
        match self {
            Level::Plan => None,
            Level::Objective => Some(Level::Plan),
            Level::Initiative => Some(Level::Objective),
            Level::Action => Some(Level::Initiative),
        }
    }

    /// The level of this level's children; none for an action.
    pub fn child(self) -> Option<Level> {
        Self::ALL.into_iter().find(|l| l.parent() == Some(self))
    }

    /// Checks that an item of this level may sit under a parent of level `parent`
    /// (none when it has no parent).
    pub fn check_parent(self, parent: Option<Level>) -> Result<(), Invalid> {
        match (self.parent(), parent) {
            (Some(_), None) => Err(Invalid::new("parent", Problem::Required)),
            (wanted, given) if wanted == given => Ok(()),
            _ => Err(Invalid::new("parent", Problem::ParentLevel)),
        }
    }
}

/// Where a plan item stands.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not started yet.
    NotStarted,
    /// Under way.
    InProgress,
    /// Finished.
    Done,
    /// Cannot go on until something else happens.
    Blocked,
    /// Given up; left out of its parent's progress.
    Cancelled,
}

impl Status {
    /// Every status, in the order forms list them.
    pub const ALL: [Status; 5] = [
        Status::NotStarted,
        Status::InProgress,
        Status::Done,
        Status::Blocked,
        Status::Cancelled,
    ];

    /// Parses a status name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        parse_choice("status", raw, Self::ALL, Self::as_str)
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::NotStarted => "not_started",
            Status::InProgress => "in_progress",
            Status::Done => "done",
            Status::Blocked => "blocked",
            Status::Cancelled => "cancelled",
        }
    }

    /// Done or cancelled: nothing is expected of the item any more.
    pub fn is_closed(self) -> bool {
        matches!(self, Status::Done | Status::Cancelled)
    }
}

/// Parses one of `all` by its name, naming `field` when blank or unknown.
fn parse_choice<T: Copy, const N: usize>(
    field: &'static str,
    raw: &str,
    all: [T; N],
    name: fn(T) -> &'static str,
) -> Result<T, Invalid> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Invalid::new(field, Problem::Required));
    }
    all.into_iter()
        .find(|c| name(*c) == raw)
        .ok_or(Invalid::new(field, Problem::UnknownValue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_sits_exactly_one_level_below_its_parent() {
        assert_eq!(Level::Plan.check_parent(None), Ok(()));
        assert_eq!(Level::Action.check_parent(Some(Level::Initiative)), Ok(()));
        assert_eq!(
            Level::Action.check_parent(Some(Level::Objective)),
            Err(Invalid::new("parent", Problem::ParentLevel))
        );
        assert_eq!(
            Level::Plan.check_parent(Some(Level::Plan)),
            Err(Invalid::new("parent", Problem::ParentLevel))
        );
        assert_eq!(
            Level::Objective.check_parent(None),
            Err(Invalid::new("parent", Problem::Required))
        );
        for level in Level::ALL {
            assert_eq!(Level::parse(level.as_str()), Ok(level));
            if let Some(child) = level.child() {
                assert_eq!(child.check_parent(Some(level)), Ok(()));
            }
        }
        assert_eq!(Level::Action.child(), None);
    }

    #[test]
    fn statuses_round_trip_and_done_or_cancelled_are_closed() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Ok(status));
        }
        assert_eq!(
            Status::parse(" "),
            Err(Invalid::new("status", Problem::Required))
        );
        let closed: Vec<_> = Status::ALL.into_iter().filter(|s| s.is_closed()).collect();
        assert_eq!(closed, [Status::Done, Status::Cancelled]);
    }
}
