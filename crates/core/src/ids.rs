//! Record ids: UUIDv7 text made in the application, so rows sort by creation time
//! and any database (SQLite, PostgreSQL, CockroachDB) stores them the same way.

/// Declares a typed id so that a user id can never be passed where an organisation id
/// is expected.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// A new id, later in sort order than every id made before it.
            pub fn new() -> Self {
                Self(uuid::Uuid::now_v7().to_string())
            }

            /// Parses an id from a URL or a request body.
            pub fn parse(raw: &str) -> Result<Self, $crate::Invalid> {
                uuid::Uuid::try_parse(raw)
                    .map(|u| Self(u.to_string()))
                    .map_err(|_| $crate::Invalid::new("id", $crate::Problem::UnknownValue))
            }

            /// Wraps an id read back from storage.
            pub fn from_stored(raw: String) -> Self {
                Self(raw)
            }

            /// The id as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::new()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A user account.
    UserId
);
id_type!(
    /// An organisation of the coalition or in its outreach pipeline.
    OrganisationId
);
id_type!(
    /// An API token.
    TokenId
);
id_type!(
    /// A person in the directory (not necessarily a user).
    PersonId
);
id_type!(
    /// A regional expansion target.
    TargetId
);
id_type!(
    /// An uploaded import file, between its preview and its commit.
    ImportId
);
id_type!(
    /// A row of the audit log.
    AuditId
);
id_type!(
    /// An item of a plan: the plan itself, an objective, an initiative or an action.
    PlanItemId
);
id_type!(
    /// An indicator that measures progress towards a target.
    IndicatorId
);
id_type!(
    /// A dated measurement of an indicator.
    MeasurementId
);

id_type!(
    /// A working group of the coalition.
    GroupId
);
id_type!(
    /// A meeting: consultative meeting, workshop or working-group meeting.
    MeetingId
);
id_type!(
    /// An action item agreed at a meeting.
    MeetingActionId
);
id_type!(
    /// A recommendation of the register.
    RecommendationId
);
id_type!(
    /// A campaign: media, advocacy, legal, economic or grassroots.
    CampaignId
);
id_type!(
    /// A target of a campaign: a company, an institution, a government body …
    CampaignTargetId
);
id_type!(
    /// A content item of a campaign: a post, an article, a press release …
    ContentItemId
);
id_type!(
    /// A scheduled publication of a content item in one language on one channel.
    PublicationId
);
id_type!(
    /// An event or virtual seminar.
    EventId
);
id_type!(
    /// A registration for an event.
    RegistrationId
);
id_type!(
    /// A job of the reminders' queue: one message to one recipient.
    JobId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_sort_in_creation_order_and_parse_back() {
        let a = UserId::new();
        let b = UserId::new();
        assert!(a < b);
        assert_eq!(UserId::parse(a.as_str()), Ok(a));
        assert!(UserId::parse("not-an-id").is_err());
    }
}
