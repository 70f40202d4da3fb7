//! The large coalition's events: seminars, webinars, workshops and gatherings over the
//! last year and the next, each at a daytime hour of its host country's own zone,
//! organised by one or two organisations, some with speakers, and with registrants
//! (a waiting list where a capped event filled up, a few cancellations, attendance
//! marked for past events).

use chrono::Duration;
use tadamun_core::geo;
use tadamun_core::ids::{EventId, OrganisationId, PersonId, RegistrationId};

use super::words::{FIRST_NAMES, LAST_NAMES, THEMES};
use super::{Rng, Sizes, country, list, pick_distinct};
use crate::error::Result;
use crate::sql::{Arg, insert_rows};
use crate::{Db, events};

const REGISTRATION_COLUMNS: [&str; 11] = [
    "id",
    "event_id",
    "name",
    "email",
    "country",
    "lang",
    "status",
    "attended",
    "consent_at",
    "created_at",
    "updated_at",
];

/// Kinds with how often they happen, out of 100: most are online.
const KINDS: [(&str, usize); 7] = [
    ("webinar", 40),
    ("seminar", 20),
    ("workshop", 15),
    ("meeting", 10),
    ("conference", 5),
    ("protest", 5),
    ("vigil", 5),
];

/// Words for the kinds in event titles, in English, Arabic, French and Spanish.
const KIND_WORDS: [[&str; 4]; 7] = [
    ["Webinar", "ندوة عبر الإنترنت", "Webinaire", "Seminario web"],
    ["Seminar", "ندوة", "Séminaire", "Seminario"],
    ["Workshop", "ورشة عمل", "Atelier", "Taller"],
    ["Meeting", "اجتماع", "Réunion", "Reunión"],
    ["Conference", "مؤتمر", "Conférence", "Conferencia"],
    ["Rally", "وقفة احتجاجية", "Rassemblement", "Concentración"],
    ["Vigil", "وقفة تضامنية", "Veillée", "Vigilia"],
];

/// Written rows, for the progress report.
pub(super) struct Written {
    pub events: usize,
    pub registrations: usize,
}

/// Writes the events and their registrants.
pub(super) async fn load(
    db: &Db,
    rng: &mut Rng,
    sizes: &Sizes,
    orgs: &[OrganisationId],
    people: &[PersonId],
) -> Result<Written> {
    let countries: Vec<&'static geo::Country> = geo::countries()
        .iter()
        .filter(|c| !geo::zones_of(c.code).is_empty())
        .collect();
    let today = chrono::Utc::now().date_naive();
    let now = crate::now_ms();
    let per_event = sizes.registrations / sizes.events.max(1);
    let mut rows = Rows::default();
    let mut written = Written {
        events: 0,
        registrations: 0,
    };
    let mut tx = db.begin_write().await?;
    for n in 0..sizes.events {
        let id = EventId::new();
        let c = country(rng, &countries);
        let zone = *rng.pick(geo::zones_of(c.code));
        let kind = pick_weighted(rng, &KINDS);
        let online = matches!(kind, 0 | 1 | 3) || rng.chance(20);
        let day = today - Duration::days(365) + Duration::days(rng_days(rng, 730));
        let hour = 9 + rng_days(rng, 11);
        let start = zone.start_of_day(day) + Duration::hours(hour);
        let duration = [60_i64, 90, 120, 180][rng.below(4)];
        let theme = rng.pick(&THEMES);
        let words = KIND_WORDS[kind];
        let place = c.name(tadamun_core::i18n::Lang::En);
        let titles =
            [0, 1, 2, 3].map(|l| format!("{}: {} – {place} {}", words[l], theme[l], n + 1));
        let lang = if c.region().m49 == "142" || rng.chance(15) {
            "ar"
        } else {
            *rng.pick(&["en", "fr", "es", "en", "sw", "pt"])
        };
        let (title, title_lang) = match lang {
            "ar" => (titles[1].clone(), "ar"),
            "fr" => (titles[2].clone(), "fr"),
            "es" => (titles[3].clone(), "es"),
            _ => (titles[0].clone(), "en"),
        };
        let translations: serde_json::Map<String, serde_json::Value> = ["en", "ar", "fr", "es"]
            .iter()
            .zip(&titles)
            .filter(|(l, _)| **l != title_lang)
            .map(|(l, t)| ((*l).to_owned(), t.clone().into()))
            .collect();
        let languages = if lang == "en" || lang == "ar" {
            list(&[lang])
        } else {
            list(&[lang, "en"])
        };
        let interpretation = if rng.chance(30) {
            list(&[if lang == "ar" { "en" } else { "ar" }])
        } else {
            String::new()
        };
        let capacity = rng
            .chance(40)
            .then(|| i64::try_from(per_event).unwrap_or(20));
        let mut wanted = per_event / 2 + rng.below(per_event.max(1));
        if written.registrations + wanted > sizes.registrations || n + 1 == sizes.events {
            wanted = sizes.registrations.saturating_sub(written.registrations);
        }
        let past = day < today;
        let cancelled = rng.chance(2);
        let mut registered = 0_i64;
        for r in 0..wanted {
            let status = if rng.chance(3) {
                "cancelled"
            } else if capacity.is_some_and(|cap| registered >= cap) {
                "waiting"
            } else {
                registered += 1;
                "registered"
            };
            let who = geo_country_of(rng, &countries, c);
            let at = start.timestamp_millis()
                - 86_400_000 * i64::try_from(1 + rng.below(30)).unwrap_or(1);
            rows.registrations.push(vec![
                Arg::Text(RegistrationId::new().as_str().to_owned()),
                Arg::Text(id.as_str().to_owned()),
                Arg::Text(format!(
                    "{} {}",
                    rng.pick(FIRST_NAMES),
                    rng.pick(LAST_NAMES)
                )),
                Arg::Text(format!("guest{n}.{r}@example.org")),
                Arg::Text(who.into()),
                Arg::Text((*rng.pick(&["ar", "en", "fr", "es"])).into()),
                Arg::Text(status.into()),
                Arg::Int(i64::from(past && status == "registered" && rng.chance(70))),
                Arg::Int(at),
                Arg::Int(at),
                Arg::Int(at),
            ]);
        }
        written.registrations += wanted;
        let created = start.timestamp_millis() - 86_400_000 * 45;
        rows.events.push(vec![
            Arg::Text(id.as_str().to_owned()),
            Arg::Text(KINDS[kind].0.into()),
            Arg::Text(title),
            Arg::Text(title_lang.into()),
            Arg::Text(serde_json::Value::Object(translations).to_string()),
            Arg::Text(format!(
                "{}. Organisers from {place} share what worked, what did not, and what comes next.",
                theme[0]
            )),
            Arg::Text(
                serde_json::json!({"ar": format!("{}. منظمون من {place} يتحدثون عمّا نجح وما لم ينجح وما هو قادم.", theme[1])})
                    .to_string(),
            ),
            Arg::Int(start.timestamp_millis()),
            Arg::Int(start.timestamp_millis() + duration * 60_000),
            Arg::Text(zone.name().into()),
            Arg::Int(duration),
            if online {
                Arg::Text(format!("https://meet.example.org/event-{n}"))
            } else {
                Arg::Null
            },
            Arg::Text(c.code.into()),
            if online { Arg::Null } else { Arg::Text(place.into()) },
            Arg::Text(languages),
            Arg::Text(interpretation),
            Arg::Text(list(&[c.region().m49])),
            Arg::Text(if rng.chance(75) { "public" } else { "network" }.into()),
            capacity.map_or(Arg::NullInt, Arg::Int),
            Arg::NullInt,
            Arg::NullInt,
            Arg::Int(registered),
            Arg::Int(i64::try_from(rng.below(3)).unwrap_or(0)),
            if cancelled { Arg::Int(created + 86_400_000) } else { Arg::NullInt },
            Arg::Int(created.min(now)),
            Arg::Int(created.min(now)),
        ]);
        let n_orgs = 1 + rng.below(2);
        for org in pick_distinct(rng, orgs, n_orgs) {
            rows.organisers.push(vec![
                Arg::Text(id.as_str().to_owned()),
                Arg::Text(org.as_str().to_owned()),
            ]);
        }
        let n_speakers = rng.below(3);
        for person in pick_distinct(rng, people, n_speakers) {
            rows.speakers.push(vec![
                Arg::Text(id.as_str().to_owned()),
                Arg::Text(person.as_str().to_owned()),
            ]);
        }
        if rows.registrations.len() >= 50_000 {
            rows.flush(&mut tx).await?;
        }
    }
    written.events = sizes.events;
    rows.flush(&mut tx).await?;
    tx.commit().await?;
    Ok(written)
}

/// Rows waiting to be written, in batches that keep memory flat.
#[derive(Default)]
struct Rows {
    events: Vec<Vec<Arg>>,
    organisers: Vec<Vec<Arg>>,
    speakers: Vec<Vec<Arg>>,
    registrations: Vec<Vec<Arg>>,
}

impl Rows {
    /// Writes what is waiting, events before what refers to them.
    async fn flush(&mut self, tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<()> {
        let take = std::mem::take;
        let columns = [
            &["id"][..],
            &events::VALUE_COLUMNS,
            &[
                "registered",
                "sequence",
                "cancelled_at",
                "created_at",
                "updated_at",
            ],
        ]
        .concat();
        insert_rows(tx, "events", &columns, take(&mut self.events)).await?;
        let organisers = take(&mut self.organisers);
        insert_rows(
            tx,
            "event_organisations",
            &["event_id", "organisation_id"],
            organisers,
        )
        .await?;
        insert_rows(
            tx,
            "event_speakers",
            &["event_id", "person_id"],
            take(&mut self.speakers),
        )
        .await?;
        let registrations = take(&mut self.registrations);
        insert_rows(
            tx,
            "event_registrations",
            &REGISTRATION_COLUMNS,
            registrations,
        )
        .await
    }
}

/// The index of a weighted choice.
fn pick_weighted(rng: &mut Rng, choices: &[(&str, usize)]) -> usize {
    let mut roll = rng.below(choices.iter().map(|(_, w)| w).sum());
    for (i, (_, weight)) in choices.iter().enumerate() {
        if roll < *weight {
            return i;
        }
        roll -= weight;
    }
    0
}

fn rng_days(rng: &mut Rng, below: usize) -> i64 {
    i64::try_from(rng.below(below)).unwrap_or(0)
}

/// Where a registrant lives: mostly the event's own country, sometimes anywhere.
fn geo_country_of(
    rng: &mut Rng,
    countries: &[&'static geo::Country],
    host: &'static geo::Country,
) -> &'static str {
    if rng.chance(60) {
        host.code
    } else {
        country(rng, countries).code
    }
}
