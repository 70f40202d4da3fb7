//! The demo coalition's strategic plan: a unified media strategy in several languages,
//! legal and economic tracks, expansion into Africa and virtual seminars, with
//! indicators measured every month for the past year — some on track, some not.
//!
//! Dates are counted from the day the demo is loaded, so the plan is always under
//! way: some actions are done, some overdue, one blocked.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use tadamun_core::audit::Actor;
use tadamun_core::ids::{IndicatorId, OrganisationId, PersonId, PlanItemId};
use tadamun_core::plans::{Dependency, IndicatorInput, MeasurementInput, PlanItemInput};

use crate::Db;
use crate::error::{Result, StoreError};
use crate::plans::{self, indicators};

/// Who answers for a demo item: an organisation by its demo key, or a person by name.
#[derive(Clone, Copy)]
enum Owner {
    Org(&'static str),
    Person(&'static str),
}

/// A demo plan item: its titles in en, ar, fr, es; start and due in days from today;
/// status and reported percentage; weight; and its children.
struct Item {
    key: &'static str,
    titles: [&'static str; 4],
    owner: Option<Owner>,
    days: (i64, i64),
    status: &'static str,
    percent: Option<u8>,
    weight: u8,
    children: &'static [Item],
}

const fn item(
    key: &'static str,
    titles: [&'static str; 4],
    owner: Option<Owner>,
    days: (i64, i64),
    children: &'static [Item],
) -> Item {
    Item {
        key,
        titles,
        owner,
        days,
        status: "in_progress",
        percent: None,
        weight: 1,
        children,
    }
}

const fn action(
    key: &'static str,
    titles: [&'static str; 4],
    owner: Option<Owner>,
    days: (i64, i64),
    status: &'static str,
    percent: Option<u8>,
) -> Item {
    Item {
        key,
        titles,
        owner,
        days,
        status,
        percent,
        weight: 1,
        children: &[],
    }
}

const fn weighted(mut item: Item, weight: u8) -> Item {
    item.weight = weight;
    item
}

const PLAN: Item = item(
    "plan",
    [
        "Two-year strategic plan",
        "الخطة الاستراتيجية لعامين",
        "Plan stratégique sur deux ans",
        "Plan estratégico a dos años",
    ],
    None,
    (-330, 400),
    &[
        weighted(
            item(
                "media",
                [
                    "Unified media strategy in several languages",
                    "استراتيجية إعلامية موحّدة بعدّة لغات",
                    "Stratégie médiatique unifiée en plusieurs langues",
                    "Estrategia de medios unificada en varios idiomas",
                ],
                Some(Owner::Org("nmp")),
                (-330, 400),
                &[
                    item(
                        "calendar",
                        [
                            "Shared message calendar in six languages",
                            "تقويم رسائل مشترك بستّ لغات",
                            "Calendrier de messages commun en six langues",
                            "Calendario común de mensajes en seis idiomas",
                        ],
                        Some(Owner::Org("nmp")),
                        (-330, 300),
                        &[
                            action(
                                "framework",
                                [
                                    "Agree the coalition's message framework",
                                    "الاتفاق على إطار رسائل التحالف",
                                    "Adopter le cadre de messages de la coalition",
                                    "Acordar el marco de mensajes de la coalición",
                                ],
                                Some(Owner::Person("Chinedu Okafor")),
                                (-330, -270),
                                "done",
                                None,
                            ),
                            action(
                                "translators",
                                [
                                    "Recruit Swahili, French and Spanish translators",
                                    "استقطاب مترجمين إلى السواحيلية والفرنسية والإسبانية",
                                    "Recruter des traducteurs en swahili, français et espagnol",
                                    "Reclutar traductores al suajili, francés y español",
                                ],
                                Some(Owner::Person("Baraka Mollel")),
                                (-270, -200),
                                "done",
                                None,
                            ),
                            action(
                                "package",
                                [
                                    "Publish the monthly content package",
                                    "نشر حزمة المحتوى الشهرية",
                                    "Publier le dossier de contenus mensuel",
                                    "Publicar el paquete de contenidos mensual",
                                ],
                                Some(Owner::Org("nmp")),
                                (-200, 300),
                                "in_progress",
                                Some(55),
                            ),
                        ],
                    ),
                    item(
                        "swahili",
                        [
                            "Swahili content hub",
                            "منصّة المحتوى بالسواحيلية",
                            "Pôle de contenus en swahili",
                            "Centro de contenidos en suajili",
                        ],
                        Some(Owner::Org("sauti-ya-haki")),
                        (-200, 200),
                        &[
                            action(
                                "swahili-site",
                                [
                                    "Launch the Swahili section of the website",
                                    "إطلاق القسم السواحيلي من الموقع",
                                    "Lancer la section swahilie du site",
                                    "Lanzar la sección en suajili del sitio web",
                                ],
                                Some(Owner::Person("Wanjiru Mwangi")),
                                (-200, -60),
                                "blocked",
                                Some(80),
                            ),
                            action(
                                "creators",
                                [
                                    "Train ten Swahili-speaking content creators",
                                    "تدريب عشرة من صنّاع المحتوى الناطقين بالسواحيلية",
                                    "Former dix créateurs de contenus swahiliphones",
                                    "Formar a diez creadores de contenido suajilihablantes",
                                ],
                                Some(Owner::Org("sauti-ya-haki")),
                                (-60, 150),
                                "in_progress",
                                Some(20),
                            ),
                        ],
                    ),
                ],
            ),
            3,
        ),
        weighted(
            item(
                "legal",
                [
                    "Legal track",
                    "المسار القانوني",
                    "Volet juridique",
                    "Vía jurídica",
                ],
                Some(Owner::Org("cairo-lawyers")),
                (-300, 400),
                &[item(
                    "accountability",
                    [
                        "Documentation for accountability",
                        "التوثيق من أجل المساءلة",
                        "Documentation pour la redevabilité",
                        "Documentación para la rendición de cuentas",
                    ],
                    Some(Owner::Org("cairo-lawyers")),
                    (-300, 365),
                    &[
                        action(
                            "lawyers",
                            [
                                "Train lawyers in documentation standards",
                                "تدريب المحامين على معايير التوثيق",
                                "Former des avocats aux normes de documentation",
                                "Formar a abogados en normas de documentación",
                            ],
                            Some(Owner::Org("mali-juristes")),
                            (-300, -120),
                            "done",
                            None,
                        ),
                        action(
                            "rapporteurs",
                            [
                                "Submit three reports to UN special rapporteurs",
                                "تقديم ثلاثة تقارير إلى المقرّرين الخاصّين للأمم المتحدة",
                                "Soumettre trois rapports aux rapporteurs spéciaux de l'ONU",
                                "Presentar tres informes a los relatores especiales de la ONU",
                            ],
                            Some(Owner::Person("حسام عبد الرحمن")),
                            (-120, -10),
                            "in_progress",
                            Some(66),
                        ),
                        action(
                            "litigation",
                            [
                                "Strategic litigation in two jurisdictions",
                                "التقاضي الاستراتيجي في ولايتين قضائيتين",
                                "Contentieux stratégique dans deux juridictions",
                                "Litigio estratégico en dos jurisdicciones",
                            ],
                            Some(Owner::Org("cairo-lawyers")),
                            (-10, 365),
                            "not_started",
                            None,
                        ),
                    ],
                )],
            ),
            2,
        ),
        weighted(
            item(
                "economic",
                [
                    "Economic track: boycott and divestment",
                    "المسار الاقتصادي: المقاطعة وسحب الاستثمارات",
                    "Volet économique : boycott et désinvestissement",
                    "Vía económica: boicot y desinversión",
                ],
                Some(Owner::Org("uwu")),
                (-330, 400),
                &[
                    item(
                        "divestment",
                        [
                            "Pension fund divestment campaign",
                            "حملة سحب استثمارات صناديق التقاعد",
                            "Campagne de désinvestissement des fonds de pension",
                            "Campaña de desinversión de fondos de pensiones",
                        ],
                        Some(Owner::Org("uwu")),
                        (-330, 330),
                        &[
                            action(
                                "holdings",
                                [
                                    "Research the holdings of 40 pension funds",
                                    "دراسة محافظ 40 صندوق تقاعد",
                                    "Étudier les portefeuilles de 40 fonds de pension",
                                    "Investigar las carteras de 40 fondos de pensiones",
                                ],
                                Some(Owner::Person("Thabo Nkosi")),
                                (-330, -240),
                                "done",
                                None,
                            ),
                            action(
                                "trustees",
                                [
                                    "Meet trustees and file shareholder questions",
                                    "لقاء الأمناء وتقديم أسئلة المساهمين",
                                    "Rencontrer les administrateurs et déposer des questions d'actionnaires",
                                    "Reunirse con los fideicomisarios y presentar preguntas de accionistas",
                                ],
                                Some(Owner::Org("uwu")),
                                (-240, 330),
                                "in_progress",
                                Some(40),
                            ),
                        ],
                    ),
                    item(
                        "boycott",
                        [
                            "Consumer boycott guide",
                            "دليل المقاطعة للمستهلكين",
                            "Guide du boycott pour les consommateurs",
                            "Guía de boicot para consumidores",
                        ],
                        Some(Owner::Org("css")),
                        (-150, 120),
                        &[
                            action(
                                "guide",
                                [
                                    "Publish the guide in four languages",
                                    "نشر الدليل بأربع لغات",
                                    "Publier le guide en quatre langues",
                                    "Publicar la guía en cuatro idiomas",
                                ],
                                Some(Owner::Person("Fatou Ndiaye")),
                                (-150, -30),
                                "done",
                                None,
                            ),
                            action(
                                "leaflets",
                                [
                                    "Print 50,000 leaflets",
                                    "طباعة 50 ألف منشور",
                                    "Imprimer 50 000 tracts",
                                    "Imprimir 50 000 folletos",
                                ],
                                Some(Owner::Org("css")),
                                (-30, 60),
                                "cancelled",
                                None,
                            ),
                        ],
                    ),
                ],
            ),
            2,
        ),
        weighted(
            item(
                "africa",
                [
                    "Expansion into Africa",
                    "التوسّع في أفريقيا",
                    "Expansion en Afrique",
                    "Expansión en África",
                ],
                Some(Owner::Org("ksn")),
                (-330, 400),
                &[item(
                    "outreach",
                    [
                        "Partner mapping and outreach in East and West Africa",
                        "رسم خريطة الشركاء والتواصل في شرق أفريقيا وغربها",
                        "Cartographie des partenaires et prise de contact en Afrique de l'Est et de l'Ouest",
                        "Mapeo de socios y contacto en África Oriental y Occidental",
                    ],
                    Some(Owner::Org("ksn")),
                    (-330, 220),
                    &[
                        action(
                            "mapping",
                            [
                                "Map potential partners in 15 countries",
                                "رسم خريطة الشركاء المحتملين في 15 بلدًا",
                                "Cartographier les partenaires potentiels dans 15 pays",
                                "Mapear socios potenciales en 15 países",
                            ],
                            Some(Owner::Person("Kwame Asante")),
                            (-330, -250),
                            "done",
                            None,
                        ),
                        action(
                            "visits",
                            [
                                "First contact visits in Nairobi, Dakar and Lagos",
                                "زيارات التواصل الأولى في نيروبي وداكار ولاغوس",
                                "Premières visites à Nairobi, Dakar et Lagos",
                                "Primeras visitas de contacto en Nairobi, Dakar y Lagos",
                            ],
                            Some(Owner::Person("Wanjiru Mwangi")),
                            (-250, 60),
                            "in_progress",
                            Some(70),
                        ),
                        action(
                            "onboarding",
                            [
                                "Welcome and onboard the new members",
                                "استقبال الأعضاء الجدد وإدماجهم",
                                "Accueillir et intégrer les nouveaux membres",
                                "Acoger e integrar a los nuevos miembros",
                            ],
                            Some(Owner::Org("ksn")),
                            (60, 220),
                            "not_started",
                            None,
                        ),
                    ],
                )],
            ),
            3,
        ),
        item(
            "seminars",
            [
                "Virtual seminars across time zones",
                "ندوات افتراضية عبر المناطق الزمنية",
                "Séminaires virtuels à travers les fuseaux horaires",
                "Seminarios virtuales a través de husos horarios",
            ],
            Some(Owner::Org("ams")),
            (-300, 400),
            &[item(
                "webinars",
                [
                    "Monthly webinar series",
                    "سلسلة ندوات شهرية عبر الإنترنت",
                    "Série de webinaires mensuels",
                    "Serie mensual de seminarios web",
                ],
                Some(Owner::Org("ams")),
                (-300, 400),
                &[
                    action(
                        "platform",
                        [
                            "Set up the webinar platform with interpretation",
                            "تجهيز منصّة الندوات مع الترجمة الفورية",
                            "Mettre en place la plateforme de webinaires avec interprétation",
                            "Preparar la plataforma de seminarios web con interpretación",
                        ],
                        Some(Owner::Person("Youssef Benali")),
                        (-300, -250),
                        "done",
                        None,
                    ),
                    action(
                        "twelve",
                        [
                            "Hold twelve webinars",
                            "عقد اثنتي عشرة ندوة",
                            "Tenir douze webinaires",
                            "Celebrar doce seminarios web",
                        ],
                        Some(Owner::Org("ams")),
                        (-250, 400),
                        "in_progress",
                        Some(50),
                    ),
                ],
            )],
        ),
    ],
);

/// "the second waits for the first", by key.
const DEPENDENCIES: [(&str, &str); 4] = [
    ("translators", "package"),
    ("swahili-site", "creators"),
    ("rapporteurs", "litigation"),
    ("visits", "onboarding"),
];

/// A demo indicator: the item it measures (by key), names in en, ar, fr, es, unit,
/// baseline and target (value, days from today), and how fast its measurements go:
/// the share of the pace needed to reach the target on time.
struct Measure {
    item: &'static str,
    names: [&'static str; 4],
    unit: &'static str,
    source: &'static str,
    responsible: &'static str,
    baseline: (f64, i64),
    target: (f64, i64),
    pace: f64,
}

const INDICATORS: [Measure; 4] = [
    Measure {
        item: "africa",
        names: [
            "Member organisations in Africa",
            "المنظمات الأعضاء في أفريقيا",
            "Organisations membres en Afrique",
            "Organizaciones miembro en África",
        ],
        unit: "organisations",
        source: "Tadamun directory",
        responsible: "Kwame Asante",
        baseline: (3.0, -330),
        target: (25.0, 220),
        pace: 1.15,
    },
    Measure {
        item: "webinars",
        names: [
            "Webinar attendance",
            "عدد حضور الندوات",
            "Participation aux webinaires",
            "Asistencia a los seminarios web",
        ],
        unit: "attendees per webinar",
        source: "Webinar platform reports",
        responsible: "Youssef Benali",
        baseline: (40.0, -300),
        target: (300.0, 400),
        pace: 1.1,
    },
    Measure {
        item: "divestment",
        names: [
            "Institutions that divested",
            "المؤسسات التي سحبت استثماراتها",
            "Institutions ayant désinvesti",
            "Instituciones que desinvirtieron",
        ],
        unit: "institutions",
        source: "Public statements of the funds",
        responsible: "Thabo Nkosi",
        baseline: (0.0, -330),
        target: (10.0, 330),
        pace: 0.88,
    },
    Measure {
        item: "swahili",
        names: [
            "Content published in Swahili",
            "المحتوى المنشور بالسواحيلية",
            "Contenus publiés en swahili",
            "Contenidos publicados en suajili",
        ],
        unit: "pieces",
        source: "Website and social media counts",
        responsible: "Baraka Mollel",
        baseline: (0.0, -330),
        target: (120.0, 200),
        pace: 0.35,
    },
];

fn day(today: NaiveDate, offset: i64) -> NaiveDate {
    let days = Days::new(offset.unsigned_abs());
    if offset < 0 {
        today - days
    } else {
        today + days
    }
}

fn owner_of(
    owner: Option<Owner>,
    orgs: &HashMap<&'static str, OrganisationId>,
    people: &HashMap<String, PersonId>,
) -> (Option<String>, Option<String>) {
    let found = match owner {
        Some(Owner::Org(key)) => orgs.get(key).map(|id| ("organisation", id.to_string())),
        Some(Owner::Person(name)) => people.get(name).map(|id| ("person", id.to_string())),
        None => None,
    };
    match found {
        Some((kind, id)) => (Some(kind.to_owned()), Some(id)),
        None => (None, None),
    }
}

/// Adds the demo plan, its dependencies and its measured indicators.
pub(super) async fn load(
    db: &Db,
    system: &Actor,
    orgs: &HashMap<&'static str, OrganisationId>,
    people: &HashMap<String, PersonId>,
) -> Result<()> {
    let today = chrono::Utc::now().date_naive();
    let mut ids: HashMap<&'static str, PlanItemId> = HashMap::new();
    // Depth first, parents before children.
    let mut stack: Vec<(&Item, Option<PlanItemId>, &'static str)> = vec![(&PLAN, None, "plan")];
    while let Some((spec, parent, level)) = stack.pop() {
        let (owner_kind, owner) = owner_of(spec.owner, orgs, people);
        let [en, ar, fr, es] = spec.titles;
        let input = PlanItemInput {
            level: level.into(),
            parent: parent.map(|p| p.to_string()),
            title: en.into(),
            title_lang: Some("en".into()),
            title_ar: Some(ar.into()),
            title_fr: Some(fr.into()),
            title_es: Some(es.into()),
            owner_kind,
            owner,
            start: Some(day(today, spec.days.0).to_string()),
            due: Some(day(today, spec.days.1).to_string()),
            status: Some(spec.status.into()),
            weight: Some(spec.weight.to_string()),
            percent: spec.percent.map(|p| p.to_string()),
            ..Default::default()
        };
        let fields = input
            .validate()
            .map_err(|_| StoreError::Corrupt("demo plan item"))?;
        let created = plans::create(db, system, fields).await?;
        let child_level = match level {
            "plan" => "objective",
            "objective" => "initiative",
            _ => "action",
        };
        for child in spec.children.iter().rev() {
            stack.push((child, Some(created.id.clone()), child_level));
        }
        ids.insert(spec.key, created.id);
    }
    for (before, after) in DEPENDENCIES {
        let (Some(before), Some(after)) = (ids.get(before), ids.get(after)) else {
            return Err(StoreError::Corrupt("demo dependency"));
        };
        let dependency = Dependency {
            before: before.clone(),
            after: after.clone(),
        };
        plans::add_dependency(db, system, dependency).await?;
    }
    for spec in &INDICATORS {
        indicator(db, system, today, spec, &ids, people).await?;
    }
    Ok(())
}

/// Adds one indicator and a measurement every 30 days from its baseline to today,
/// moving at `pace` times the speed that reaches the target on its date, with a
/// little month-to-month noise, in whole units.
async fn indicator(
    db: &Db,
    system: &Actor,
    today: NaiveDate,
    spec: &Measure,
    ids: &HashMap<&'static str, PlanItemId>,
    people: &HashMap<String, PersonId>,
) -> Result<IndicatorId> {
    let [en, ar, fr, es] = spec.names;
    let input = IndicatorInput {
        name: en.into(),
        name_lang: Some("en".into()),
        name_ar: Some(ar.into()),
        name_fr: Some(fr.into()),
        name_es: Some(es.into()),
        unit: spec.unit.into(),
        direction: "increase".into(),
        baseline: spec.baseline.0.to_string(),
        baseline_date: day(today, spec.baseline.1).to_string(),
        target: spec.target.0.to_string(),
        target_date: day(today, spec.target.1).to_string(),
        source: Some(spec.source.into()),
        responsible: people.get(spec.responsible).map(ToString::to_string),
        item: ids.get(spec.item).map(ToString::to_string),
        ..Default::default()
    };
    let fields = input
        .validate()
        .map_err(|_| StoreError::Corrupt("demo indicator"))?;
    let created = indicators::create(db, system, fields).await?;
    let per_day = (spec.target.0 - spec.baseline.0) / (spec.target.1 - spec.baseline.1) as f64;
    let mut offset = spec.baseline.1 + 30;
    let mut month = 0;
    while offset <= 0 {
        month += 1;
        let days = (offset - spec.baseline.1) as f64;
        let noise = 1.0 + 0.05 * f64::from(month % 3) - 0.05;
        let value = (spec.baseline.0 + per_day * spec.pace * days * noise).round();
        let measured = MeasurementInput {
            date: day(today, offset).to_string(),
            value: value.to_string(),
            source: Some(spec.source.into()),
            note: None,
        }
        .validate(&created.fields)
        .map_err(|_| StoreError::Corrupt("demo measurement"))?;
        indicators::measure(db, system, &created.id, measured).await?;
        offset += 30;
    }
    Ok(created.id)
}
