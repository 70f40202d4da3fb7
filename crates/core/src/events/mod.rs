//! Events and virtual seminars: their kind, multilingual title and description, a
//! local start in its own IANA zone (the same [`Start`] meetings use), duration,
//! online link or place, languages and interpretation, speakers, organisers,
//! audience regions, visibility, capacity and registration window.

pub mod clash;
pub mod ical;
pub mod registration;
pub mod views;

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};

use crate::directory::{CountryCode, parse_url};
use crate::groups::start::Start;
use crate::groups::{MAX_NAME, MAX_TEXT, id_list, parse_regions};
use crate::i18n::Lang;
use crate::ids::{EventId, GroupId, OrganisationId, PersonId};
use crate::invalid::{optional_text, required_text};
use crate::languages::{LanguageCode, parse_list};
use crate::plans::{primary_lang, translations};
use crate::visibility::{Viewer, Visibility};
use crate::{Invalid, Problem};

/// What kind of event it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A seminar, often with specialists speaking.
    Seminar,
    /// An online seminar.
    Webinar,
    /// A working session.
    Workshop,
    /// A conference of several sessions.
    Conference,
    /// A protest or march.
    Protest,
    /// A vigil.
    Vigil,
    /// A meeting open to more than one group.
    Meeting,
}

impl EventKind {
    /// Every kind, in the order forms list them.
    pub const ALL: [EventKind; 7] = [
        EventKind::Seminar,
        EventKind::Webinar,
        EventKind::Workshop,
        EventKind::Conference,
        EventKind::Protest,
        EventKind::Vigil,
        EventKind::Meeting,
    ];

    /// Parses a kind's name.
    pub fn parse(raw: &str) -> Result<Self, Invalid> {
        match raw.trim() {
            "" => Err(Invalid::new("kind", Problem::Required)),
            name => Self::ALL
                .into_iter()
                .find(|k| k.as_str() == name)
                .ok_or(Invalid::new("kind", Problem::UnknownValue)),
        }
    }

    /// The stored and API name.
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Seminar => "seminar",
            EventKind::Webinar => "webinar",
            EventKind::Workshop => "workshop",
            EventKind::Conference => "conference",
            EventKind::Protest => "protest",
            EventKind::Vigil => "vigil",
            EventKind::Meeting => "meeting",
        }
    }
}

/// The shortest and longest an event may last, in minutes: a conference may run
/// for a week.
pub const DURATION: std::ops::RangeInclusive<u16> = 5..=10_080;

/// The most places an event may offer.
pub const MAX_CAPACITY: u32 = 100_000;

/// The validated details of an event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct EventFields {
    /// What kind of event.
    pub kind: EventKind,
    /// Its title in its primary language.
    pub title: String,
    /// The language of the primary title and description.
    pub title_lang: LanguageCode,
    /// Its title in other interface languages.
    pub titles: BTreeMap<Lang, String>,
    /// What it is about, in the primary language.
    pub description: Option<String>,
    /// Its description in other interface languages.
    pub descriptions: BTreeMap<Lang, String>,
    /// When it starts, in its own zone.
    pub start: Start,
    /// How long it lasts, in minutes.
    pub duration: u16,
    /// Where to join online (http or https).
    pub link: Option<String>,
    /// The country it takes place in.
    pub country: Option<CountryCode>,
    /// The city or address it takes place in.
    pub city: Option<String>,
    /// The languages spoken at it.
    pub languages: Vec<LanguageCode>,
    /// The languages it is interpreted into.
    pub interpretation: Vec<LanguageCode>,
    /// People who speak at it.
    pub speakers: Vec<PersonId>,
    /// Organisations that organise it.
    pub organisations: Vec<OrganisationId>,
    /// Working groups that organise it.
    pub groups: Vec<GroupId>,
    /// UN M49 regions and sub-regions of its audience.
    pub regions: Vec<String>,
    /// Public (anyone, and open to public registration) or network (signed-in users).
    pub visibility: Visibility,
    /// How many may register; none means no limit.
    pub capacity: Option<u32>,
    /// When registration opens; none means at once.
    pub registration_opens: Option<DateTime<Utc>>,
    /// When registration closes; none means when the event ends.
    pub registration_closes: Option<DateTime<Utc>>,
}

impl EventFields {
    /// Its title as a reader of `lang` knows it.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.titles.get(&lang).map_or(&self.title, String::as_str)
    }

    /// Its description as a reader of `lang` knows it.
    pub fn description_in(&self, lang: Lang) -> Option<&str> {
        self.descriptions
            .get(&lang)
            .map(String::as_str)
            .or(self.description.as_deref())
    }

    /// When it ends.
    pub fn end(&self) -> DateTime<Utc> {
        self.start.end(self.duration)
    }
}

/// A stored event.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Event {
    /// Its id.
    pub id: EventId,
    /// Its details.
    #[serde(flatten)]
    pub fields: EventFields,
    /// How many times it has been changed since it was created: calendars use it to
    /// replace their copy.
    pub sequence: i64,
    /// Called off by its organisers; it stays listed, marked, so calendars and
    /// registrants learn of it.
    pub cancelled: bool,
}

/// May `viewer` create or change an event organised by `organisations`? Coordinators
/// and admins manage every event; a member manages the events their organisation
/// organises.
pub fn can_manage(viewer: &Viewer, organisations: &[OrganisationId]) -> bool {
    viewer.can_write_network() || organisations.iter().any(|o| viewer.can_write(Some(o)))
}

/// May `viewer` see an event of `visibility`? Public events are for everyone,
/// network events for signed-in users.
pub fn can_see(viewer: &Viewer, visibility: Visibility) -> bool {
    visibility == Visibility::Public || !matches!(viewer, Viewer::Anonymous)
}

/// The audience codes an audience of region `m49` meets: itself, the region it
/// belongs to, and its sub-regions (an event for Africa is also for Eastern Africa).
pub fn audience_codes(m49: &str) -> Vec<&'static str> {
    let Some(region) = crate::geo::region(m49) else {
        return Vec::new();
    };
    let mut out = vec![region.m49];
    if !region.is_top_level() && region.parent != crate::geo::WORLD {
        out.push(region.parent);
    }
    out.extend(
        crate::geo::regions()
            .iter()
            .filter(|r| r.parent == region.m49)
            .map(|r| r.m49),
    );
    out
}

/// Do two audiences meet: one region in common, or one inside the other?
pub fn regions_meet(a: &[String], b: &[String]) -> bool {
    a.iter()
        .any(|r| audience_codes(r).iter().any(|c| b.iter().any(|o| o == c)))
}

/// The raw text of an event form or API body, before validation.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct EventInput {
    /// seminar, webinar, workshop, conference, protest, vigil or meeting.
    #[serde(default)]
    pub kind: String,
    /// Title in its primary language.
    #[serde(default)]
    pub title: String,
    /// Language of the primary title and description; English when absent.
    #[serde(default)]
    pub title_lang: Option<String>,
    /// Title in Arabic, if different.
    #[serde(default)]
    pub title_ar: Option<String>,
    /// Title in English, if different.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Title in French, if different.
    #[serde(default)]
    pub title_fr: Option<String>,
    /// Title in Spanish, if different.
    #[serde(default)]
    pub title_es: Option<String>,
    /// Description in the primary language.
    #[serde(default)]
    pub description: Option<String>,
    /// Description in Arabic, if different.
    #[serde(default)]
    pub description_ar: Option<String>,
    /// Description in English, if different.
    #[serde(default)]
    pub description_en: Option<String>,
    /// Description in French, if different.
    #[serde(default)]
    pub description_fr: Option<String>,
    /// Description in Spanish, if different.
    #[serde(default)]
    pub description_es: Option<String>,
    /// Local start, `YYYY-MM-DDTHH:MM`, in `time_zone`.
    #[serde(default)]
    pub start: String,
    /// IANA zone of the start and of the registration times.
    #[serde(default)]
    pub time_zone: String,
    /// Minutes, 5–10080.
    #[serde(default)]
    pub duration: String,
    /// Online link.
    #[serde(default)]
    pub link: Option<String>,
    /// ISO 3166-1 country code of the place.
    #[serde(default)]
    pub country: Option<String>,
    /// City or address of the place.
    #[serde(default)]
    pub city: Option<String>,
    /// Languages spoken (codes or names).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Languages interpreted into.
    #[serde(default)]
    pub interpretation: Vec<String>,
    /// Person ids of speakers.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// Organisation ids of organisers.
    #[serde(default)]
    pub organisations: Vec<String>,
    /// Working group ids of organisers.
    #[serde(default)]
    pub groups: Vec<String>,
    /// UN M49 region or sub-region codes of the audience.
    #[serde(default)]
    pub regions: Vec<String>,
    /// public or network; network when absent.
    #[serde(default)]
    pub visibility: Option<String>,
    /// Places, or empty for no limit.
    #[serde(default)]
    pub capacity: Option<String>,
    /// Local time registration opens, in `time_zone`, or empty.
    #[serde(default)]
    pub registration_opens: Option<String>,
    /// Local time registration closes, in `time_zone`, or empty.
    #[serde(default)]
    pub registration_closes: Option<String>,
}

impl EventInput {
    /// Validates every field, reporting the first that is wrong. An event needs an
    /// online link or a country (or both); without either, `link` is named.
    /// Registration must close after it opens and no later than the event ends.
    pub fn validate(&self) -> Result<EventFields, Invalid> {
        let text = |raw: &Option<String>| raw.as_deref().unwrap_or_default().to_owned();
        let kind = EventKind::parse(&self.kind)?;
        let title = required_text("title", &self.title, MAX_NAME)?;
        let title_lang = primary_lang("title_lang", self.title_lang.as_deref())?;
        let titles = translations(
            &title,
            &title_lang,
            [
                (Lang::Ar, "title_ar", &self.title_ar),
                (Lang::En, "title_en", &self.title_en),
                (Lang::Fr, "title_fr", &self.title_fr),
                (Lang::Es, "title_es", &self.title_es),
            ],
            MAX_NAME,
        )?;
        let description = optional_text("description", &text(&self.description), MAX_TEXT)?;
        let descriptions = translations(
            description.as_deref().unwrap_or_default(),
            &title_lang,
            [
                (Lang::Ar, "description_ar", &self.description_ar),
                (Lang::En, "description_en", &self.description_en),
                (Lang::Fr, "description_fr", &self.description_fr),
                (Lang::Es, "description_es", &self.description_es),
            ],
            MAX_TEXT,
        )?;
        let start = Start::parse(&self.start, &self.time_zone)?;
        let duration = parse_duration(&self.duration)?;
        let link = parse_url("link", &text(&self.link))?;
        let country = match text(&self.country).trim() {
            "" => None,
            code => Some(CountryCode::parse(code)?),
        };
        let city = optional_text("city", &text(&self.city), 300)?;
        if link.is_none() && country.is_none() {
            return Err(Invalid::new("link", Problem::LinkOrPlace));
        }
        if city.is_some() && country.is_none() {
            return Err(Invalid::new("country", Problem::Required));
        }
        let languages = parse_list("languages", &self.languages)?;
        if languages.is_empty() {
            return Err(Invalid::new("languages", Problem::Required));
        }
        let interpretation = parse_list("interpretation", &self.interpretation)?;
        let visibility = match text(&self.visibility).trim() {
            "" => Visibility::Network,
            v => match Visibility::parse(v)? {
                Visibility::Restricted => {
                    return Err(Invalid::new("visibility", Problem::Visibility));
                }
                v => v,
            },
        };
        let capacity = parse_capacity(&text(&self.capacity))?;
        let zone = start.zone.name();
        let local = |field, raw: &Option<String>| match text(raw).trim() {
            "" => Ok(None),
            t => Start::parse_named(field, t, zone).map(|s| Some(s.at)),
        };
        let registration_opens = local("registration_opens", &self.registration_opens)?;
        let registration_closes = local("registration_closes", &self.registration_closes)?;
        let end = start.end(duration);
        if let Some(closes) = registration_closes
            && (registration_opens.is_some_and(|opens| opens >= closes) || closes > end)
        {
            return Err(Invalid::new(
                "registration_closes",
                Problem::DatesOutOfOrder,
            ));
        }
        if registration_opens.is_some_and(|opens| opens >= end) {
            return Err(Invalid::new("registration_opens", Problem::DatesOutOfOrder));
        }
        Ok(EventFields {
            kind,
            title,
            title_lang,
            titles,
            description,
            descriptions,
            start,
            duration,
            link,
            country,
            city,
            languages,
            interpretation,
            speakers: id_list("speakers", &self.speakers, PersonId::parse)?,
            organisations: id_list("organisations", &self.organisations, OrganisationId::parse)?,
            groups: id_list("groups", &self.groups, GroupId::parse)?,
            regions: parse_regions("regions", &self.regions)?,
            visibility,
            capacity,
            registration_opens,
            registration_closes,
        })
    }
}

/// Parses a duration in whole minutes within [`DURATION`].
pub fn parse_duration(raw: &str) -> Result<u16, Invalid> {
    let range = Invalid::new(
        "duration",
        Problem::OutOfRange {
            min: i64::from(*DURATION.start()),
            max: i64::from(*DURATION.end()),
        },
    );
    match raw.trim() {
        "" => Err(Invalid::new("duration", Problem::Required)),
        text => text
            .parse::<u16>()
            .ok()
            .filter(|m| DURATION.contains(m))
            .ok_or(range),
    }
}

/// Parses a capacity of 1 to [`MAX_CAPACITY`] places; empty means no limit.
pub fn parse_capacity(raw: &str) -> Result<Option<u32>, Invalid> {
    match raw.trim() {
        "" => Ok(None),
        text => text
            .parse::<u32>()
            .ok()
            .filter(|c| (1..=MAX_CAPACITY).contains(c))
            .map(Some)
            .ok_or(Invalid::new(
                "capacity",
                Problem::OutOfRange {
                    min: 1,
                    max: i64::from(MAX_CAPACITY),
                },
            )),
    }
}

/// The form values of a stored event; registration times in the event's zone.
pub fn input_of(f: &EventFields) -> EventInput {
    let tr = |m: &BTreeMap<Lang, String>, l: Lang| m.get(&l).cloned();
    let codes = |l: &[LanguageCode]| l.iter().map(|c| c.as_str().to_owned()).collect();
    let local = |t: Option<DateTime<Utc>>| {
        t.map(|at| {
            Start {
                at,
                zone: f.start.zone,
            }
            .local_text()
        })
    };
    EventInput {
        kind: f.kind.as_str().to_owned(),
        title: f.title.clone(),
        title_lang: Some(f.title_lang.as_str().to_owned()),
        title_ar: tr(&f.titles, Lang::Ar),
        title_en: tr(&f.titles, Lang::En),
        title_fr: tr(&f.titles, Lang::Fr),
        title_es: tr(&f.titles, Lang::Es),
        description: f.description.clone(),
        description_ar: tr(&f.descriptions, Lang::Ar),
        description_en: tr(&f.descriptions, Lang::En),
        description_fr: tr(&f.descriptions, Lang::Fr),
        description_es: tr(&f.descriptions, Lang::Es),
        start: f.start.local_text(),
        time_zone: f.start.zone.name().to_owned(),
        duration: f.duration.to_string(),
        link: f.link.clone(),
        country: f.country.as_ref().map(|c| c.as_str().to_owned()),
        city: f.city.clone(),
        languages: codes(&f.languages),
        interpretation: codes(&f.interpretation),
        speakers: f.speakers.iter().map(ToString::to_string).collect(),
        organisations: f.organisations.iter().map(ToString::to_string).collect(),
        groups: f.groups.iter().map(ToString::to_string).collect(),
        regions: f.regions.clone(),
        visibility: Some(f.visibility.as_str().to_owned()),
        capacity: f.capacity.map(|c| c.to_string()),
        registration_opens: local(f.registration_opens),
        registration_closes: local(f.registration_closes),
    }
}

#[cfg(test)]
mod tests;
