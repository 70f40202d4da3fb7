//! What a user's weekly digest lists: the events they registered for or that their
//! organisation or working groups organise, the open actions they answer for that
//! fall due, and their groups' meetings — all within the coming week.

use chrono::{DateTime, Utc};
use sqlx::Row as _;
use tadamun_core::accounts::User;
use tadamun_core::events::Event;
use tadamun_core::groups::meetings::Meeting;
use tadamun_core::ids::EventId;
use tadamun_core::plans::Owner;
use tadamun_core::time::to_millis;
use tadamun_core::visibility::Viewer;

use crate::Db;
use crate::error::Result;
use crate::events::{self, EventFilter};
use crate::groups::{self, meetings};
use crate::plans::{self, InPlan};

/// What is coming for one user.
#[derive(Debug, Clone, Default)]
pub struct Digest {
    /// Events, earliest first, with whether the user registered for each.
    pub events: Vec<(Event, bool)>,
    /// Open actions they answer for, due within the week.
    pub actions: Vec<InPlan>,
    /// Meetings of their working groups.
    pub meetings: Vec<Meeting>,
}

impl Digest {
    /// Whether there is nothing to tell.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.actions.is_empty() && self.meetings.is_empty()
    }
}

/// Everything `user` should know of between `from` and `to`.
#[tracing::instrument(skip(db, user))]
pub async fn for_user(
    db: &Db,
    user: &User,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Digest> {
    let viewer = Viewer::User {
        id: user.id.clone(),
        role: user.role,
        organisation: user.organisation.clone(),
    };
    let rows = sqlx::query(
        "SELECT e.id FROM events e JOIN event_registrations r ON r.event_id = e.id \
         WHERE LOWER(r.email) = LOWER($1) AND r.status = 'registered' \
         AND e.cancelled_at IS NULL AND e.start_at >= $2 AND e.start_at < $3",
    )
    .bind(user.email.as_str().to_owned())
    .bind(to_millis(from))
    .bind(to_millis(to))
    .fetch_all(db.pool())
    .await?;
    let mut registered = Vec::new();
    for row in rows {
        registered.push(EventId::from_stored(row.try_get("id")?));
    }
    let groups = groups::of_user(db, &user.id).await?;
    let window = EventFilter {
        from: Some(from),
        to: Some(to),
        ..EventFilter::default()
    };
    let mut found: Vec<Event> = Vec::new();
    for id in &registered {
        found.push(events::get(db, &Viewer::System, id).await?);
    }
    let mut filters: Vec<EventFilter> = groups
        .iter()
        .map(|g| EventFilter {
            group: Some(g.clone()),
            ..window.clone()
        })
        .collect();
    filters.extend(user.organisation.clone().map(|o| EventFilter {
        organisation: Some(o),
        ..window.clone()
    }));
    for filter in &filters {
        found.extend(events::list(db, &viewer, filter).await?);
    }
    found.retain(|e| !e.cancelled && e.fields.start.at >= from);
    found.sort_by(|a, b| (a.fields.start.at, &a.id).cmp(&(b.fields.start.at, &b.id)));
    found.dedup_by(|a, b| a.id == b.id);
    let events = found
        .into_iter()
        .map(|e| {
            let mine = registered.contains(&e.id);
            (e, mine)
        })
        .collect();

    let mut owners: Vec<Owner> = crate::directory::people::with_email(db, user.email.as_str())
        .await?
        .into_iter()
        .map(Owner::Person)
        .collect();
    owners.extend(user.organisation.clone().map(Owner::Organisation));
    owners.extend(groups.iter().cloned().map(Owner::Group));
    let (first, last) = (from.date_naive(), to.date_naive());
    let actions = plans::open_actions_of(db, &owners)
        .await?
        .into_iter()
        .filter(|a| {
            a.item
                .fields
                .dates
                .due
                .is_some_and(|d| d >= first && d <= last)
        })
        .collect();

    let mut found = Vec::new();
    for g in &groups {
        let filter = meetings::MeetingFilter {
            group: Some(g.clone()),
            from: Some(from),
            to: Some(to),
        };
        found.extend(meetings::list(db, &filter).await?);
    }
    found.sort_by(|a, b| (a.fields.start.at, &a.id).cmp(&(b.fields.start.at, &b.id)));
    Ok(Digest {
        events,
        actions,
        meetings: found,
    })
}
