//! Who may see a record: the one policy every list, page, API call and search uses.
//!
//! A record is `public` (anyone, signed in or not), `network` (any signed-in user)
//! or `restricted` (coordinators, admins and the people named on it). Lists filter in
//! SQL with a [`Scope`]; single records are checked with [`can_see`]. The store's
//! tests check that both agree.

use crate::accounts::Role;
use crate::ids::{OrganisationId, UserId};
use crate::{Invalid, Problem};

/// How widely a record may be seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Visibility {
    /// Anyone, including people who are not signed in.
    Public,
    /// Every signed-in user of the network.
    Network,
    /// Coordinators, admins and the people named on the record.
    Restricted,
}

impl Visibility {
    /// Every visibility, widest first.
    pub const ALL: [Visibility; 3] = [
        Visibility::Public,
        Visibility::Network,
        Visibility::Restricted,
    ];

    /// Parses `public`, `network` or `restricted`.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "public" => Ok(Visibility::Public),
            "network" => Ok(Visibility::Network),
            "restricted" => Ok(Visibility::Restricted),
            "" => Err(Invalid::new("visibility", Problem::Required)),
            _ => Err(Invalid::new("visibility", Problem::Visibility)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            Visibility::Public => "public",
            Visibility::Network => "network",
            Visibility::Restricted => "restricted",
        }
    }
}

/// Who is asking: nobody signed in, a user with a role and perhaps an organisation,
/// or the operator at the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Viewer {
    /// Not signed in.
    Anonymous,
    /// The `tadamun` command run by whoever operates the server (who can read the
    /// database anyway): sees and writes everything.
    System,
    /// A signed-in user.
    User {
        /// The user's id.
        id: UserId,
        /// The user's role.
        role: Role,
        /// The organisation a member belongs to.
        organisation: Option<OrganisationId>,
    },
}

impl Viewer {
    /// The viewer's role, if signed in.
    pub fn role(&self) -> Option<Role> {
        match self {
            Viewer::Anonymous => None,
            Viewer::System => Some(Role::Admin),
            Viewer::User { role, .. } => Some(*role),
        }
    }

    /// Which records this viewer's lists include.
    pub fn scope(&self) -> Scope {
        match self {
            Viewer::Anonymous => Scope::Public,
            Viewer::System => Scope::Everything,
            Viewer::User { role, .. } if role.writes_everything() => Scope::Everything,
            Viewer::User {
                id, organisation, ..
            } => Scope::Network {
                user: id.clone(),
                organisation: organisation.clone(),
            },
        }
    }

    /// May this viewer change a record owned by `owner` (an organisation, or none for
    /// records that belong to the whole network)?
    pub fn can_write(&self, owner: Option<&OrganisationId>) -> bool {
        match self {
            Viewer::Anonymous => false,
            Viewer::System => true,
            Viewer::User {
                role, organisation, ..
            } => {
                role.writes_everything()
                    || (*role == Role::Member && owner.is_some() && owner == organisation.as_ref())
            }
        }
    }

    /// May this viewer create records that belong to the whole network?
    pub fn can_write_network(&self) -> bool {
        self.role().is_some_and(Role::writes_everything)
    }

    /// May this viewer manage users and read the audit log?
    pub fn is_admin(&self) -> bool {
        self.role().is_some_and(Role::manages_users)
    }
}

/// The records a list may include, turned into SQL by the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Only public records.
    Public,
    /// Public and network records, and restricted ones naming this user or their
    /// organisation.
    Network {
        /// The viewing user.
        user: UserId,
        /// Their organisation.
        organisation: Option<OrganisationId>,
    },
    /// Every record.
    Everything,
}

/// The people and organisation named on a record, who may see it even when restricted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Named {
    /// Users named on the record.
    pub users: Vec<UserId>,
    /// The organisation the record belongs to, whose members are named on it.
    pub organisation: Option<OrganisationId>,
}

/// May `viewer` see a record with this visibility and these named people?
pub fn can_see(viewer: &Viewer, visibility: Visibility, named: &Named) -> bool {
    match (viewer.scope(), visibility) {
        (_, Visibility::Public) | (Scope::Everything, _) => true,
        (Scope::Public, _) => false,
        (Scope::Network { .. }, Visibility::Network) => true,
        (Scope::Network { user, organisation }, Visibility::Restricted) => {
            named.users.contains(&user)
                || (organisation.is_some() && organisation == named.organisation)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Role, org: Option<&OrganisationId>) -> Viewer {
        Viewer::User {
            id: UserId::new(),
            role,
            organisation: org.cloned(),
        }
    }

    #[test]
    fn restricted_records_reach_only_coordinators_admins_and_the_named() {
        let org = OrganisationId::new();
        let named = Named {
            users: vec![],
            organisation: Some(org.clone()),
        };
        let outsider = user(Role::Member, None);
        let insider = user(Role::Viewer, Some(&org));
        assert!(!can_see(&Viewer::Anonymous, Visibility::Restricted, &named));
        assert!(!can_see(&outsider, Visibility::Restricted, &named));
        assert!(can_see(&insider, Visibility::Restricted, &named));
        assert!(can_see(
            &user(Role::Coordinator, None),
            Visibility::Restricted,
            &named
        ));
        assert!(can_see(
            &user(Role::Admin, None),
            Visibility::Restricted,
            &named
        ));

        let Viewer::User { id, .. } = &outsider else {
            unreachable!()
        };
        let by_name = Named {
            users: vec![id.clone()],
            organisation: None,
        };
        assert!(can_see(&outsider, Visibility::Restricted, &by_name));
    }

    #[test]
    fn network_records_need_a_signed_in_user() {
        let named = Named::default();
        assert!(can_see(&Viewer::Anonymous, Visibility::Public, &named));
        assert!(!can_see(&Viewer::Anonymous, Visibility::Network, &named));
        assert!(can_see(
            &user(Role::Viewer, None),
            Visibility::Network,
            &named
        ));
    }

    #[test]
    fn members_write_only_their_own_organisation() {
        let mine = OrganisationId::new();
        let other = OrganisationId::new();
        let member = user(Role::Member, Some(&mine));
        assert!(member.can_write(Some(&mine)));
        assert!(!member.can_write(Some(&other)));
        assert!(!member.can_write(None));
        assert!(!user(Role::Viewer, Some(&mine)).can_write(Some(&mine)));
        assert!(user(Role::Coordinator, None).can_write(Some(&other)));
        assert!(!Viewer::Anonymous.can_write(Some(&mine)));
    }
}
