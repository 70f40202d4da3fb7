//! The demo's events: a public webinar series for audiences in Africa, Europe, the
//! Middle East and the Americas, each at an evening hour of its audience's own zone,
//! with interpretation and registrants from its audience; an in-person vigil; and a
//! network-only coordination call.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime, Utc};
use tadamun_core::audit::Actor;
use tadamun_core::events::EventInput;
use tadamun_core::events::registration::RegistrationInput;
use tadamun_core::ids::{OrganisationId, PersonId};

use crate::error::{Result, StoreError};
use crate::{Db, events, groups};

/// A demo event: titles (en, ar, fr, es), description (en, ar), days from today and
/// local time in its zone, where, languages, audience, speakers by display name,
/// organisers by organisation key and working group English name.
struct EventSpec {
    kind: &'static str,
    titles: [&'static str; 4],
    description: [&'static str; 2],
    day: i64,
    time: &'static str,
    zone: &'static str,
    duration: u16,
    link: Option<&'static str>,
    place: Option<(&'static str, &'static str)>,
    languages: &'static [&'static str],
    interpretation: &'static [&'static str],
    regions: &'static [&'static str],
    speakers: &'static [&'static str],
    organisations: &'static [&'static str],
    groups: &'static [&'static str],
    visibility: &'static str,
    capacity: Option<u32>,
}

const SERIES: &str = "Solidarity across continents";

const EVENTS: [EventSpec; 7] = [
    EventSpec {
        kind: "webinar",
        titles: [
            "Solidarity across continents: Africa",
            "التضامن عبر القارات: أفريقيا",
            "Solidarité entre continents : Afrique",
            "Solidaridad entre continentes: África",
        ],
        description: [
            "The first webinar of the series: grassroots organisers from East and West Africa on building lasting solidarity networks.",
            "الندوة الأولى من السلسلة: منظمون ميدانيون من شرق أفريقيا وغربها يتحدثون عن بناء شبكات تضامن دائمة.",
        ],
        day: 6,
        time: "18:00",
        zone: "Africa/Nairobi",
        duration: 90,
        link: Some("https://meet.example.org/solidarity-africa"),
        place: None,
        languages: &["en", "sw"],
        interpretation: &["fr", "ar"],
        regions: &["002"],
        speakers: &["Wanjiru Mwangi", "Fatou Ndiaye"],
        organisations: &["ksn", "css"],
        groups: &["Media working group"],
        visibility: "public",
        capacity: Some(300),
    },
    EventSpec {
        kind: "webinar",
        titles: [
            "Solidarity across continents: Europe",
            "التضامن عبر القارات: أوروبا",
            "Solidarité entre continents : Europe",
            "Solidaridad entre continentes: Europa",
        ],
        description: [
            "Trade unionists and lawyers on divestment campaigns and the duty of European institutions.",
            "نقابيون ومحامون يتحدثون عن حملات سحب الاستثمارات وواجبات المؤسسات الأوروبية.",
        ],
        day: 13,
        time: "19:00",
        zone: "Europe/Brussels",
        duration: 90,
        link: Some("https://meet.example.org/solidarity-europe"),
        place: None,
        languages: &["fr", "en"],
        interpretation: &["ar", "es"],
        regions: &["150"],
        speakers: &["Salma Ben Amor", "Youssef Benali"],
        organisations: &["ams"],
        groups: &["Economic working group"],
        visibility: "public",
        capacity: Some(2),
    },
    EventSpec {
        kind: "webinar",
        titles: [
            "Solidarity across continents: the Middle East",
            "التضامن عبر القارات: الشرق الأوسط",
            "Solidarité entre continents : Moyen-Orient",
            "Solidaridad entre continentes: Oriente Medio",
        ],
        description: [
            "Journalists and rights defenders on documenting violations and protecting those who report them.",
            "صحفيون ومدافعون عن حقوق الإنسان يتحدثون عن توثيق الانتهاكات وحماية من يبلّغون عنها.",
        ],
        day: 20,
        time: "20:00",
        zone: "Asia/Amman",
        duration: 90,
        link: Some("https://meet.example.org/solidarity-middle-east"),
        place: None,
        languages: &["ar"],
        interpretation: &["en", "fr"],
        regions: &["145", "015"],
        speakers: &["عمر الخطيب", "Thabo Nkosi"],
        organisations: &["cairo-lawyers"],
        groups: &["Legal working group"],
        visibility: "public",
        capacity: Some(400),
    },
    EventSpec {
        kind: "webinar",
        titles: [
            "Solidarity across continents: the Americas",
            "التضامن عبر القارات: الأمريكتان",
            "Solidarité entre continents : Amériques",
            "Solidaridad entre continentes: las Américas",
        ],
        description: [
            "Student and community organisers from South and North America on campus and city campaigns.",
            "منظمون طلابيون ومجتمعيون من أمريكا الجنوبية والشمالية يتحدثون عن حملات الجامعات والمدن.",
        ],
        day: 27,
        time: "18:30",
        zone: "America/Bogota",
        duration: 90,
        link: Some("https://meet.example.org/solidarity-americas"),
        place: None,
        languages: &["es", "pt"],
        interpretation: &["en", "ar"],
        regions: &["019"],
        speakers: &["Valentina Ríos", "Rafael Oliveira Santos"],
        organisations: &[],
        groups: &["Media working group"],
        visibility: "public",
        capacity: None,
    },
    EventSpec {
        kind: "vigil",
        titles: [
            "Candlelight vigil for the detained journalists",
            "وقفة بالشموع من أجل الصحفيين المعتقلين",
            "Veillée aux bougies pour les journalistes détenus",
            "Vigilia con velas por los periodistas detenidos",
        ],
        description: [
            "A silent vigil in front of the city hall. Bring a candle.",
            "وقفة صامتة أمام مبنى البلدية. أحضروا شمعة.",
        ],
        day: 9,
        time: "19:30",
        zone: "Africa/Dakar",
        duration: 60,
        link: None,
        place: Some(("SN", "Place de l'Indépendance, Dakar")),
        languages: &["fr", "wo"],
        interpretation: &[],
        regions: &["011"],
        speakers: &[],
        organisations: &["css", "dakar-women-collective"],
        groups: &[],
        visibility: "public",
        capacity: None,
    },
    EventSpec {
        kind: "meeting",
        titles: [
            "Webinar series: speakers' coordination call",
            "سلسلة الندوات: اجتماع تنسيق المتحدثين",
            "Série de webinaires : appel de coordination des intervenants",
            "Serie de webinarios: llamada de coordinación de ponentes",
        ],
        description: [
            "Interpretation, running order and safety for the speakers of the series.",
            "الترجمة الفورية وترتيب الفقرات وسلامة المتحدثين في السلسلة.",
        ],
        day: 2,
        time: "15:00",
        zone: "UTC",
        duration: 60,
        link: Some("https://meet.example.org/series-coordination"),
        place: None,
        languages: &["en", "ar"],
        interpretation: &[],
        regions: &["002", "150", "145", "019"],
        speakers: &["Wanjiru Mwangi", "عمر الخطيب", "Valentina Ríos"],
        organisations: &["ksn"],
        groups: &["Media working group"],
        visibility: "network",
        capacity: Some(30),
    },
    EventSpec {
        kind: "seminar",
        titles: [
            "Legal seminar: bringing cases before UN mechanisms",
            "ندوة قانونية: عرض القضايا على آليات الأمم المتحدة",
            "Séminaire juridique : saisir les mécanismes de l'ONU",
            "Seminario jurídico: llevar casos ante los mecanismos de la ONU",
        ],
        description: [
            "How to prepare a communication to a special rapporteur, with examples from the coalition.",
            "كيف تُعدّ بلاغًا إلى المقرر الخاص، مع أمثلة من عمل التحالف.",
        ],
        day: -15,
        time: "17:00",
        zone: "Africa/Johannesburg",
        duration: 120,
        link: Some("https://meet.example.org/legal-seminar"),
        place: Some(("ZA", "Constitution Hill, Johannesburg")),
        languages: &["en"],
        interpretation: &["ar", "fr"],
        regions: &["002", "145"],
        speakers: &["Thabo Nkosi"],
        organisations: &[],
        groups: &["Legal working group"],
        visibility: "public",
        capacity: Some(120),
    },
];

/// Adds the demo's events.
pub(super) async fn load(
    db: &Db,
    system: &Actor,
    orgs: &HashMap<&'static str, OrganisationId>,
    people: &HashMap<String, PersonId>,
) -> Result<()> {
    let groups_by_name: HashMap<String, String> = groups::list(db)
        .await?
        .into_iter()
        .map(|g| (g.fields.name, g.id.to_string()))
        .collect();
    let today = Utc::now().date_naive();
    for spec in &EVENTS {
        let day = today + Duration::days(spec.day);
        let local =
            NaiveDateTime::parse_from_str(&format!("{day} {}", spec.time), "%Y-%m-%d %H:%M")
                .map_err(|_| StoreError::Corrupt("demo event start"))?;
        let list = |l: &[&str]| l.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let [en, ar, fr, es] = spec.titles;
        let fields = EventInput {
            kind: spec.kind.into(),
            title: en.into(),
            title_lang: Some("en".into()),
            title_ar: Some(ar.into()),
            title_fr: Some(fr.into()),
            title_es: Some(es.into()),
            description: Some(format!("{SERIES}. {}", spec.description[0]))
                .filter(|_| spec.kind == "webinar")
                .or_else(|| Some(spec.description[0].into())),
            description_ar: Some(spec.description[1].into()),
            start: local.format("%Y-%m-%dT%H:%M").to_string(),
            time_zone: spec.zone.into(),
            duration: spec.duration.to_string(),
            link: spec.link.map(Into::into),
            country: spec.place.map(|(c, _)| c.to_owned()),
            city: spec.place.map(|(_, p)| p.to_owned()),
            languages: list(spec.languages),
            interpretation: list(spec.interpretation),
            regions: list(spec.regions),
            speakers: spec
                .speakers
                .iter()
                .filter_map(|s| people.get(*s).map(ToString::to_string))
                .collect(),
            organisations: spec
                .organisations
                .iter()
                .filter_map(|o| orgs.get(o).map(ToString::to_string))
                .collect(),
            groups: spec
                .groups
                .iter()
                .filter_map(|g| groups_by_name.get(*g).cloned())
                .collect(),
            visibility: Some(spec.visibility.into()),
            capacity: spec.capacity.map(|c| c.to_string()),
            registration_opens: None,
            registration_closes: None,
            ..Default::default()
        }
        .validate()
        .map_err(|_| StoreError::Corrupt("demo event"))?;
        let e = events::create(db, system, fields).await?;
        if spec.visibility == "public" && spec.day > 0 {
            register(db, system, &e.id, spec.regions).await?;
        }
    }
    Ok(())
}

/// Registrants of the demo, with the country and e-mail language of each.
const REGISTRANTS: [(&str, &str, &str); 16] = [
    ("Achieng Otieno", "KE", "en"),
    ("Juma Mwakyusa", "TZ", "en"),
    ("Mariama Diallo", "SN", "fr"),
    ("Kofi Boateng", "GH", "en"),
    ("Nadia El Amrani", "MA", "fr"),
    ("رنا الخطيب", "JO", "ar"),
    ("كريم منصور", "LB", "ar"),
    ("سارة عبد الله", "EG", "ar"),
    ("Claire Dubois", "FR", "fr"),
    ("Jonas Becker", "DE", "en"),
    ("Aoife Byrne", "IE", "en"),
    ("Lucía Fernández", "ES", "es"),
    ("Camila Torres", "CO", "es"),
    ("Mateo González", "AR", "es"),
    ("Ana Beatriz Souza", "BR", "es"),
    ("Emily Johnson", "US", "en"),
];

/// Registers the demo registrants from the event's audience regions.
async fn register(
    db: &Db,
    system: &Actor,
    event: &tadamun_core::ids::EventId,
    regions: &[&str],
) -> Result<()> {
    let now = Utc::now();
    for (i, (name, country, lang)) in REGISTRANTS.iter().enumerate() {
        let in_audience = tadamun_core::geo::country(country).is_some_and(|c| {
            regions
                .iter()
                .any(|r| *r == c.region().m49 || *r == c.subregion().m49)
        });
        if !in_audience {
            continue;
        }
        let fields = RegistrationInput {
            name: (*name).into(),
            email: format!("registrant{i}@example.org"),
            country: (*country).into(),
            lang: (*lang).into(),
            consent: Some("on".into()),
        }
        .validate()
        .map_err(|_| StoreError::Corrupt("demo registration"))?;
        events::registrations::register(db, system, event, fields, now).await?;
    }
    Ok(())
}
