use crate::{Invalid, Problem};

/// What an account may do. Each role can do everything the roles below it can.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Reads what the network may see.
    Viewer,
    /// Also writes the records of their own organisation.
    Member,
    /// Writes every record.
    Coordinator,
    /// Also manages users and reads the audit log.
    Admin,
}

impl Role {
    /// Every role, lowest first.
    pub const ALL: [Role; 4] = [Role::Viewer, Role::Member, Role::Coordinator, Role::Admin];

    /// Parses `admin`, `coordinator`, `member` or `viewer`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "admin" => Ok(Role::Admin),
            "coordinator" => Ok(Role::Coordinator),
            "member" => Ok(Role::Member),
            "viewer" => Ok(Role::Viewer),
            "" => Err(Invalid::new("role", Problem::Required)),
            _ => Err(Invalid::new("role", Problem::Role)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Coordinator => "coordinator",
            Role::Member => "member",
            Role::Viewer => "viewer",
        }
    }

    /// Writes every record of every organisation.
    pub fn writes_everything(self) -> bool {
        self >= Role::Coordinator
    }

    /// Manages user accounts and reads the audit log.
    pub fn manages_users(self) -> bool {
        self == Role::Admin
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_order_by_power() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Ok(role));
        }
        assert_eq!(
            Role::parse("root"),
            Err(Invalid::new("role", Problem::Role))
        );
        assert!(Role::Admin.manages_users() && !Role::Coordinator.manages_users());
        assert!(Role::Coordinator.writes_everything() && !Role::Member.writes_everything());
    }
}
