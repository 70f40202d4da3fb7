//! What a list of events is narrowed to, and its SQL.

use chrono::{DateTime, Utc};
use tadamun_core::events::{DURATION, audience_codes};
use tadamun_core::ids::{GroupId, OrganisationId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::visibility::Viewer;

use crate::sql::Sql;

/// What a list of events is narrowed to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct EventFilter {
    /// Only events still running at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Only events starting before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Only events over by this instant.
    pub ended_by: Option<DateTime<Utc>>,
    /// Only events this working group organises.
    pub group: Option<GroupId>,
    /// Only events this organisation organises.
    pub organisation: Option<OrganisationId>,
    /// Only events organised by an organisation whose names or city hold every word
    /// of this text: a coalition has too many organisations to choose from a list.
    pub organiser: Option<String>,
    /// Only events held in, or interpreted into, this language.
    pub lang: Option<LanguageCode>,
    /// Only events whose audience meets this UN M49 region or sub-region.
    pub region: Option<String>,
}

impl EventFilter {
    /// Appends the filter's conditions to a query over `events`.
    pub(super) fn push(&self, sql: &mut Sql, viewer: &Viewer) {
        if matches!(viewer, Viewer::Anonymous) {
            sql.push(" AND visibility = 'public'");
        }
        if let Some(from) = self.from {
            // No event lasts longer than the longest duration, so the start bounds
            // the search too: the index on the start is read from there, not from
            // the first event ever held.
            let longest = i64::from(*DURATION.end()) * 60_000;
            sql.push(" AND end_at > ")
                .bind_int(from.timestamp_millis())
                .push(" AND start_at > ")
                .bind_int(from.timestamp_millis() - longest);
        }
        if let Some(to) = self.to {
            sql.push(" AND start_at < ").bind_int(to.timestamp_millis());
        }
        if let Some(over) = self.ended_by {
            // What is over had started by then: the same bound, for the index.
            sql.push(" AND end_at <= ")
                .bind_int(over.timestamp_millis())
                .push(" AND start_at < ")
                .bind_int(over.timestamp_millis());
        }
        if let Some(group) = &self.group {
            sql.push(" AND id IN (SELECT event_id FROM event_groups WHERE group_id = ")
                .bind_text(group.as_str())
                .push(")");
        }
        if let Some(org) = &self.organisation {
            sql.push(
                " AND id IN (SELECT event_id FROM event_organisations WHERE organisation_id = ",
            )
            .bind_text(org.as_str())
            .push(")");
        }
        if let Some(words) = &self.organiser {
            sql.push(
                " AND id IN (SELECT eo.event_id FROM event_organisations eo \
                 JOIN organisations o ON o.id = eo.organisation_id WHERE 1 = 1",
            );
            crate::directory::push_words(sql, "o.search_text", words);
            sql.push(")");
        }
        if let Some(lang) = &self.lang {
            let pattern = format!("%;{};%", lang.as_str());
            sql.push(" AND (languages LIKE ")
                .bind_text(pattern.clone())
                .push(" OR interpretation LIKE ")
                .bind_text(pattern)
                .push(")");
        }
        if let Some(region) = &self.region {
            sql.push(" AND (1 = 0");
            for code in audience_codes(region) {
                sql.push(" OR regions LIKE ")
                    .bind_text(format!("%;{code};%"));
            }
            sql.push(")");
        }
    }
}
