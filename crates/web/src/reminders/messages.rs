//! What each message says, in its recipient's language, with times in their zone and
//! the event's own zone beside. A job whose subject changed since it was queued (a
//! cancelled registration, a moved or cancelled event, a finished action) is skipped.

use askama::Template;
use chrono::{DateTime, Duration, Utc};
use serde::Deserialize;
use tadamun_core::events::Event;
use tadamun_core::events::registration::{Registration, RegistrationStatus};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{EventId, PlanItemId, RegistrationId, UserId};
use tadamun_core::reminders::Kind;
use tadamun_core::reminders::schedule::{action_occurrence, event_occurrence, registrant_zone};
use tadamun_core::time::Zone;
use tadamun_core::visibility::Viewer;
use tadamun_store::reminders::{Job, digest};
use tadamun_store::{Db, StoreError, accounts::users, events, plans};

use crate::events::registration::own_path;
use crate::events::{place_text, when};
use crate::i18n::{Arg, t, t_args};

/// A message, ready for its text and HTML templates.
#[derive(Debug, Clone)]
pub struct Mail {
    /// Its language.
    pub lang: Lang,
    /// Subject line.
    pub subject: String,
    /// The opening line.
    pub greeting: String,
    /// Paragraphs of text.
    pub lines: Vec<String>,
    /// Lists with a heading (an event's details, a digest's parts).
    pub sections: Vec<Section>,
    /// The one thing to do, as a link.
    pub action: Option<Link>,
    /// Why the recipient gets this.
    pub footer: String,
    /// Where the recipient changes what they get (sent as `List-Unsubscribe`).
    pub preferences: Option<String>,
}

impl Mail {
    /// `ltr` or `rtl`.
    pub fn dir(&self) -> &'static str {
        self.lang.dir().as_str()
    }

    /// The language code.
    pub fn lang_code(&self) -> &'static str {
        self.lang.code()
    }
}

/// A list with a heading.
#[derive(Debug, Clone)]
pub struct Section {
    /// Its heading.
    pub heading: String,
    /// Its lines.
    pub items: Vec<Item>,
}

/// One line of a list: a title, a detail and maybe a link.
#[derive(Debug, Clone)]
pub struct Item {
    /// What it is.
    pub title: String,
    /// When or where.
    pub detail: String,
    /// Where to read more.
    pub url: Option<String>,
}

/// A link with its label.
#[derive(Debug, Clone)]
pub struct Link {
    /// What it says.
    pub label: String,
    /// Absolute address.
    pub url: String,
}

#[derive(Template)]
#[template(path = "reminders/mail.txt")]
pub(super) struct MailText<'a> {
    pub mail: &'a Mail,
}

#[derive(Template)]
#[template(path = "reminders/mail.html")]
pub(super) struct MailHtml<'a> {
    pub mail: &'a Mail,
}

/// What to do with a job.
pub(super) enum Outcome {
    /// Send this.
    Send(Mail),
    /// Send nothing, for this reason.
    Skip(&'static str),
}

/// What composing a message needs: the database, the public address links start
/// with, and the key that signs registrants' links.
pub(super) struct Context<'a> {
    pub db: &'a Db,
    pub base: &'a str,
    pub secret: &'a [u8],
    pub now: DateTime<Utc>,
}

#[derive(Deserialize)]
struct Payload {
    registration: Option<RegistrationId>,
    event: Option<EventId>,
    item: Option<PlanItemId>,
    user: Option<UserId>,
}

/// The message `job` sends, or why it sends none.
pub(super) async fn compose(cx: &Context<'_>, job: &Job) -> Result<Outcome, StoreError> {
    let p: Payload =
        serde_json::from_str(&job.payload).map_err(|_| StoreError::Corrupt("jobs.payload"))?;
    match job.kind {
        Kind::Registered | Kind::Waiting | Kind::Promoted | Kind::EventDay | Kind::EventHour => {
            let (Some(reg), Some(event)) = (p.registration, p.event) else {
                return Ok(Outcome::Skip("payload"));
            };
            registration_mail(cx, job, &reg, &event).await
        }
        Kind::ActionSoon | Kind::ActionToday => {
            let (Some(item), Some(user)) = (p.item, p.user) else {
                return Ok(Outcome::Skip("payload"));
            };
            action_mail(cx, job, &item, &user).await
        }
        Kind::Digest => {
            let Some(user) = p.user else {
                return Ok(Outcome::Skip("payload"));
            };
            digest_mail(cx, &user).await
        }
    }
}

fn gone<T>(r: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match r {
        Ok(v) => Ok(Some(v)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}

async fn registration_mail(
    cx: &Context<'_>,
    job: &Job,
    id: &RegistrationId,
    event: &EventId,
) -> Result<Outcome, StoreError> {
    let Some(r) = gone(events::registrations::get(cx.db, id).await)? else {
        return Ok(Outcome::Skip("registration deleted"));
    };
    let Some(e) = gone(events::get(cx.db, &Viewer::System, event).await)? else {
        return Ok(Outcome::Skip("event deleted"));
    };
    if e.cancelled {
        return Ok(Outcome::Skip("event cancelled"));
    }
    let wanted = match job.kind {
        Kind::Waiting => RegistrationStatus::Waiting,
        _ => RegistrationStatus::Registered,
    };
    if r.status != wanted {
        return Ok(Outcome::Skip("registration changed"));
    }
    if matches!(job.kind, Kind::EventDay | Kind::EventHour)
        && job.occurrence != event_occurrence(e.id.as_str(), e.fields.start.millis())
    {
        return Ok(Outcome::Skip("event moved"));
    }
    if e.fields.start.at <= cx.now {
        return Ok(Outcome::Skip("event started"));
    }
    Ok(Outcome::Send(registration_text(cx, job.kind, &r, &e)))
}

fn registration_text(cx: &Context<'_>, kind: Kind, r: &Registration, e: &Event) -> Mail {
    let lang = r.fields.lang;
    let title = e.fields.title_in(lang).to_owned();
    let args = [("title", Arg::Text(title.clone()))];
    let key = match kind {
        Kind::Registered => "registered",
        Kind::Waiting => "waiting",
        Kind::Promoted => "promoted",
        Kind::EventDay => "event-day",
        _ => "event-hour",
    };
    let zone = registrant_zone(r.fields.country.as_str(), e.fields.start.zone);
    let mut items = vec![
        Item {
            title: t(lang, "reminders-when"),
            detail: when_text(e, zone),
            url: None,
        },
        Item {
            title: t(lang, "reminders-where"),
            detail: place_text(e, lang),
            url: None,
        },
    ];
    if let (Some(link), true) = (&e.fields.link, kind != Kind::Waiting) {
        items.push(Item {
            title: t(lang, "reminders-join"),
            detail: String::new(),
            url: Some(link.clone()),
        });
    }
    Mail {
        lang,
        subject: t_args(lang, &format!("reminders-{key}-subject"), &args),
        greeting: t_args(
            lang,
            "reminders-greeting",
            &[("name", Arg::Text(r.fields.name.clone()))],
        ),
        lines: vec![t_args(lang, &format!("reminders-{key}-body"), &args)],
        sections: vec![Section {
            heading: title,
            items,
        }],
        action: Some(Link {
            label: t(lang, "reminders-manage"),
            url: format!("{}{}", cx.base, own_path(cx.secret, &r.id)),
        }),
        footer: t(lang, "reminders-footer-registration"),
        preferences: None,
    }
}

/// An event's time for a reader in `zone`, with the event's own zone beside when it
/// differs.
fn when_text(e: &Event, zone: Zone) -> String {
    let w = when(e, zone);
    let mut text = format!("{}–{} ({})", w.start, w.end, zone.name());
    if !w.same_zone {
        text.push_str(&format!(" · {}", w.own));
    }
    text
}

async fn action_mail(
    cx: &Context<'_>,
    job: &Job,
    item: &PlanItemId,
    user: &UserId,
) -> Result<Outcome, StoreError> {
    let Some(i) = gone(plans::get(cx.db, item).await)? else {
        return Ok(Outcome::Skip("action deleted"));
    };
    let Some(u) = gone(users::get(cx.db, user).await)? else {
        return Ok(Outcome::Skip("user deleted"));
    };
    let Some(due) = i.fields.dates.due else {
        return Ok(Outcome::Skip("no due date"));
    };
    if job.occurrence != action_occurrence(i.id.as_str(), due) {
        return Ok(Outcome::Skip("due date moved"));
    }
    if matches!(i.fields.status.as_str(), "done" | "cancelled") || !u.active {
        return Ok(Outcome::Skip("action closed"));
    }
    let lang = u.lang.unwrap_or(Lang::En);
    let title = i.fields.title_in(lang).to_owned();
    let args = [
        ("title", Arg::Text(title.clone())),
        ("date", Arg::Text(due.to_string())),
    ];
    let key = if job.kind == Kind::ActionToday {
        "action-today"
    } else {
        "action-soon"
    };
    Ok(Outcome::Send(Mail {
        lang,
        subject: t_args(lang, &format!("reminders-{key}-subject"), &args),
        greeting: t_args(
            lang,
            "reminders-greeting",
            &[("name", Arg::Text(u.name.clone()))],
        ),
        lines: vec![t_args(lang, &format!("reminders-{key}-body"), &args)],
        sections: Vec::new(),
        action: Some(Link {
            label: t(lang, "reminders-open-action"),
            url: format!("{}/plan-items/{}", cx.base, i.id),
        }),
        footer: t(lang, "reminders-footer-action"),
        preferences: None,
    }))
}

async fn digest_mail(cx: &Context<'_>, user: &UserId) -> Result<Outcome, StoreError> {
    let Some(u) = gone(users::get(cx.db, user).await)? else {
        return Ok(Outcome::Skip("user deleted"));
    };
    if !u.active {
        return Ok(Outcome::Skip("user disabled"));
    }
    if !tadamun_store::reminders::settings::get(cx.db, &u.id)
        .await?
        .weekly_digest
    {
        return Ok(Outcome::Skip("digest turned off"));
    }
    let found = digest::for_user(cx.db, &u, cx.now, cx.now + Duration::days(7)).await?;
    if found.is_empty() {
        return Ok(Outcome::Skip("nothing coming"));
    }
    let lang = u.lang.unwrap_or(Lang::En);
    let zone = u.zone;
    let mut sections = Vec::new();
    if !found.events.is_empty() {
        sections.push(Section {
            heading: t(lang, "reminders-digest-events"),
            items: found
                .events
                .iter()
                .map(|(e, mine)| {
                    let mut detail = when_text(e, zone);
                    if *mine {
                        detail.push_str(&format!(" · {}", t(lang, "reminders-digest-registered")));
                    }
                    Item {
                        title: e.fields.title_in(lang).to_owned(),
                        detail,
                        url: Some(format!("{}/events/{}", cx.base, e.id)),
                    }
                })
                .collect(),
        });
    }
    if !found.actions.is_empty() {
        sections.push(Section {
            heading: t(lang, "reminders-digest-actions"),
            items: found
                .actions
                .iter()
                .map(|a| Item {
                    title: a.item.fields.title_in(lang).to_owned(),
                    detail: a
                        .item
                        .fields
                        .dates
                        .due
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    url: Some(format!("{}/plan-items/{}", cx.base, a.item.id)),
                })
                .collect(),
        });
    }
    if !found.meetings.is_empty() {
        sections.push(Section {
            heading: t(lang, "reminders-digest-meetings"),
            items: found
                .meetings
                .iter()
                .map(|m| {
                    let start = m.fields.start;
                    let mut detail = format!("{} ({})", start.in_zone(zone), zone.name());
                    if start.zone != zone {
                        detail.push_str(&format!(
                            " · {} {}",
                            start.in_zone(start.zone),
                            start.zone.name()
                        ));
                    }
                    Item {
                        title: m.fields.title_in(lang).to_owned(),
                        detail,
                        url: Some(format!("{}/meetings/{}", cx.base, m.id)),
                    }
                })
                .collect(),
        });
    }
    let preferences = format!("{}/account/reminders", cx.base);
    Ok(Outcome::Send(Mail {
        lang,
        subject: t_args(
            lang,
            "reminders-digest-subject",
            &[("date", Arg::Text(zone.local(cx.now).date().to_string()))],
        ),
        greeting: t_args(
            lang,
            "reminders-greeting",
            &[("name", Arg::Text(u.name.clone()))],
        ),
        lines: vec![t(lang, "reminders-digest-body")],
        sections,
        action: None,
        footer: t(lang, "reminders-digest-footer"),
        preferences: Some(preferences),
    }))
}
