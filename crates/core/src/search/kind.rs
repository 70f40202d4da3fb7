//! The kinds of record search covers.

use crate::{Invalid, Problem};

/// A kind of record in the search index, in the order results are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Organisations of the directory.
    Organisation,
    /// People of the directory.
    Person,
    /// Working groups.
    Group,
    /// Recommendations.
    Recommendation,
    /// Plan items (plans, objectives, initiatives, actions).
    PlanItem,
    /// Campaigns.
    Campaign,
    /// Content items, one entry per language.
    Content,
}

impl Kind {
    /// Every kind, in the order results are grouped.
    pub const ALL: [Kind; 7] = [
        Kind::Organisation,
        Kind::Person,
        Kind::Group,
        Kind::Recommendation,
        Kind::PlanItem,
        Kind::Campaign,
        Kind::Content,
    ];

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Organisation => "organisation",
            Kind::Person => "person",
            Kind::Group => "group",
            Kind::Recommendation => "recommendation",
            Kind::PlanItem => "plan_item",
            Kind::Campaign => "campaign",
            Kind::Content => "content",
        }
    }

    /// Parses an API name; an unknown one is an error on the field `kind`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or(Invalid::new("kind", Problem::UnknownValue))
    }

    /// The page a record of this kind lives at.
    pub fn url(self, id: &str) -> String {
        match self {
            Kind::Organisation => format!("/organisations/{id}"),
            Kind::Person => format!("/people/{id}"),
            Kind::Group => format!("/groups/{id}"),
            Kind::Recommendation => format!("/recommendations/{id}"),
            Kind::PlanItem => format!("/plan-items/{id}"),
            Kind::Campaign => format!("/campaigns/{id}"),
            Kind::Content => format!("/content/{id}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Ok(kind));
        }
        assert_eq!(Kind::parse("nope").map_err(|e| e.field), Err("kind"));
    }
}
