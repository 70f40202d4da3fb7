use crate::{Invalid, Problem};

/// What kind of organisation it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Non-governmental organisation.
    Ngo,
    /// Grassroots group or movement.
    Grassroots,
    /// Trade union.
    Union,
    /// Student group.
    Student,
    /// Faith group.
    Faith,
    /// Media outlet.
    Media,
    /// Legal organisation.
    Legal,
    /// Academic institution.
    Academic,
    /// Political party.
    Party,
    /// Anything else.
    Other,
}

impl Kind {
    /// Every kind, in the order forms list them.
    pub const ALL: [Kind; 10] = [
        Kind::Ngo,
        Kind::Grassroots,
        Kind::Union,
        Kind::Student,
        Kind::Faith,
        Kind::Media,
        Kind::Legal,
        Kind::Academic,
        Kind::Party,
        Kind::Other,
    ];

    /// Parses a kind name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        Kind::ALL
            .into_iter()
            .find(|k| k.as_str() == raw.trim())
            .ok_or(Invalid::new("kind", Problem::UnknownValue))
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Ngo => "ngo",
            Kind::Grassroots => "grassroots",
            Kind::Union => "union",
            Kind::Student => "student",
            Kind::Faith => "faith",
            Kind::Media => "media",
            Kind::Legal => "legal",
            Kind::Academic => "academic",
            Kind::Party => "party",
            Kind::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in Kind::ALL {
            assert_eq!(Kind::parse(kind.as_str()), Ok(kind));
        }
        assert!(Kind::parse("club").is_err());
    }
}
