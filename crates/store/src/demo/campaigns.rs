//! The demo's campaigns: a media campaign in five languages, an economic (pension
//! fund divestment) campaign with targets won, partly won, lost and open, and a
//! legal advocacy campaign. Organisers, plan items and indicators are found by
//! their demo names; dates are relative to today so the demo stays current. Every
//! target is fictional. The media campaign has content written in Arabic, English,
//! Swahili and French whose translations stand at every step of the workflow: some
//! published, some missing, some late, one out of date.

use std::collections::HashMap;

use tadamun_core::audit::Actor;
use tadamun_core::campaigns::publications::{PublicationInput, Reach};
use tadamun_core::campaigns::{
    CampaignInput, ContentInput, TargetInput, TranslationInput, TranslationState,
};
use tadamun_core::ids::{CampaignId, OrganisationId};
use tadamun_core::languages::LanguageCode;

use super::day;
use crate::campaigns::{self, content, publications, targets};
use crate::error::{Result, StoreError};
use crate::{Db, groups, plans};

/// A demo campaign: names in en, ar, fr, es; goals in en and ar; kind; period in
/// days from today; regions; content languages; organisers by name or key; the
/// plan item and indicator it answers to, by English name; its targets.
struct CampaignSpec {
    names: [&'static str; 4],
    goals: [&'static str; 2],
    kind: &'static str,
    period: (i64, i64),
    regions: &'static [&'static str],
    languages: &'static [&'static str],
    group: &'static str,
    organisations: &'static [&'static str],
    item: &'static str,
    indicator: Option<&'static str>,
    targets: &'static [TargetSpec],
}

/// A demo target: name, kind, country, demands, outcome and its day from today.
struct TargetSpec {
    name: &'static str,
    kind: &'static str,
    country: &'static str,
    demands: &'static str,
    outcome: &'static str,
    day: i64,
}

const CAMPAIGNS: [CampaignSpec; 3] = [
    CampaignSpec {
        names: [
            "Our voices in every language",
            "أصواتنا بكل اللغات",
            "Nos voix dans toutes les langues",
            "Nuestras voces en todos los idiomas",
        ],
        goals: [
            "Reach **two million people** in Arabic, English, French, Swahili and Portuguese with one shared message calendar.\n\n- a weekly fact sheet\n- a video script a month\n- press releases on the coalition's days of action",
            "الوصول إلى **مليوني شخص** بالعربية والإنجليزية والفرنسية والسواحيلية والبرتغالية عبر روزنامة رسائل مشتركة.",
        ],
        kind: "media",
        period: (-120, 150),
        regions: &["002", "145", "005"],
        languages: &["ar", "en", "fr", "sw", "pt"],
        group: "Media working group",
        organisations: &["sauti-ya-haki", "tripoli-ly-media", "nmp"],
        item: "Swahili content hub",
        indicator: Some("Content published in Swahili"),
        targets: &[TargetSpec {
            name: "East Africa Public Broadcaster",
            kind: "institution",
            country: "KE",
            demands: "Air the coalition's documentary in Swahili at prime time.",
            outcome: "partial",
            day: -30,
        }],
    },
    CampaignSpec {
        names: [
            "Pension funds: divest now",
            "صناديق التقاعد: اسحبوا استثماراتكم الآن",
            "Fonds de pension : désinvestissez maintenant",
            "Fondos de pensiones: desinviertan ya",
        ],
        goals: [
            "Get pension funds to sell their holdings in the arms makers on the coalition's list, and publish how they vote.",
            "دفع صناديق التقاعد إلى بيع حصصها في شركات السلاح المدرجة في قائمة التحالف ونشر طريقة تصويتها.",
        ],
        kind: "economic",
        period: (-330, 330),
        regions: &["002", "150"],
        languages: &["en", "fr", "ar"],
        group: "Economic working group",
        organisations: &["uwu", "ksn"],
        item: "Pension fund divestment campaign",
        indicator: Some("Institutions that divested"),
        targets: &[
            TargetSpec {
                name: "Northwind Pension Fund",
                kind: "institution",
                country: "NO",
                demands: "Sell the listed holdings and publish the sale.",
                outcome: "won",
                day: -210,
            },
            TargetSpec {
                name: "Rand Workers Provident Fund",
                kind: "institution",
                country: "ZA",
                demands: "Sell the listed holdings; adopt an exclusion policy.",
                outcome: "partial",
                day: -150,
            },
            TargetSpec {
                name: "Harbour Teachers' Pension Scheme",
                kind: "institution",
                country: "GB",
                demands: "Sell the listed holdings.",
                outcome: "won",
                day: -95,
            },
            TargetSpec {
                name: "Meridian Bank",
                kind: "company",
                country: "FR",
                demands: "Stop lending to the listed companies.",
                outcome: "lost",
                day: -60,
            },
            TargetSpec {
                name: "Kilimanjaro Mutual Insurance",
                kind: "company",
                country: "KE",
                demands: "Sell the listed holdings.",
                outcome: "won",
                day: -20,
            },
            TargetSpec {
                name: "Atlas Insurance Group",
                kind: "company",
                country: "MA",
                demands: "Sell the listed holdings and disclose its portfolio.",
                outcome: "open",
                day: 0,
            },
        ],
    },
    CampaignSpec {
        names: [
            "Accountability before the courts",
            "المساءلة أمام المحاكم",
            "Rendre des comptes devant les tribunaux",
            "Rendición de cuentas ante los tribunales",
        ],
        goals: [
            "Bring documented cases before regional human rights bodies and national courts, and stop arms export licences.",
            "عرض القضايا الموثّقة على الهيئات الإقليمية لحقوق الإنسان والمحاكم الوطنية ووقف تراخيص تصدير السلاح.",
        ],
        kind: "legal",
        period: (-300, 400),
        regions: &["002"],
        languages: &["ar", "en", "fr"],
        group: "Legal working group",
        organisations: &["cairo-lawyers", "mali-juristes"],
        item: "Documentation for accountability",
        indicator: None,
        targets: &[
            TargetSpec {
                name: "Regional Human Rights Commission",
                kind: "institution",
                country: "GM",
                demands: "Admit the coalition's communication and hold a hearing.",
                outcome: "won",
                day: -45,
            },
            TargetSpec {
                name: "Arms Export Licensing Office",
                kind: "government",
                country: "FR",
                demands: "Suspend the export licences named in the complaint.",
                outcome: "lost",
                day: -120,
            },
            TargetSpec {
                name: "Ministry of Foreign Affairs",
                kind: "government",
                country: "SN",
                demands: "Support the referral at the next session.",
                outcome: "open",
                day: 0,
            },
        ],
    },
];

pub(super) async fn load(
    db: &Db,
    system: &Actor,
    orgs: &HashMap<&'static str, OrganisationId>,
) -> Result<()> {
    let today = chrono::Utc::now().date_naive();
    let groups: HashMap<String, String> = groups::list(db)
        .await?
        .into_iter()
        .map(|g| (g.fields.name, g.id.to_string()))
        .collect();
    let mut items = HashMap::new();
    let mut indicators = HashMap::new();
    for plan in plans::plans(db).await? {
        let tree = plans::tree(db, &plan.id).await?;
        for item in &tree.items {
            items.insert(item.fields.title.clone(), item.id.to_string());
        }
        for m in &tree.indicators {
            indicators.insert(m.indicator.fields.name.clone(), m.indicator.id.to_string());
        }
    }
    let missing = || StoreError::Corrupt("demo campaign");
    for spec in &CAMPAIGNS {
        let [en, ar, fr, es] = spec.names;
        let list = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let fields = CampaignInput {
            name: en.into(),
            name_lang: Some("en".into()),
            name_ar: Some(ar.into()),
            name_fr: Some(fr.into()),
            name_es: Some(es.into()),
            kind: spec.kind.into(),
            goals: Some(spec.goals[0].into()),
            goals_ar: Some(spec.goals[1].into()),
            start: day(today, spec.period.0).to_string(),
            end: Some(day(today, spec.period.1).to_string()),
            regions: list(spec.regions),
            languages: list(spec.languages),
            groups: vec![groups.get(spec.group).ok_or_else(missing)?.clone()],
            organisations: spec
                .organisations
                .iter()
                .map(|k| orgs.get(k).map(ToString::to_string).ok_or_else(missing))
                .collect::<Result<_>>()?,
            items: vec![items.get(spec.item).ok_or_else(missing)?.clone()],
            indicators: spec
                .indicator
                .map(|name| indicators.get(name).cloned().ok_or_else(missing))
                .transpose()?
                .into_iter()
                .collect(),
            ..Default::default()
        }
        .validate()
        .map_err(|_| missing())?;
        let campaign = campaigns::create(db, system, fields).await?;
        for t in spec.targets {
            let decided = t.outcome != "open";
            let fields = TargetInput {
                name: t.name.into(),
                kind: t.kind.into(),
                country: Some(t.country.into()),
                demands: Some(t.demands.into()),
                outcome: Some(t.outcome.into()),
                outcome_date: decided.then(|| day(today, t.day).to_string()),
                evidence: decided.then(|| {
                    format!(
                        "https://example.org/evidence/{}",
                        t.name.to_lowercase().replace([' ', '\''], "-")
                    )
                }),
            }
            .validate()
            .map_err(|_| missing())?;
            targets::create(db, system, &campaign.id, fields).await?;
        }
        if spec.kind == "media" {
            load_content(db, system, &campaign.id, today).await?;
        }
    }
    Ok(())
}

/// A demo content item: kind, channel, source language, title and body, and its
/// translations: language, title, body, the state it reaches, and its due day.
struct ContentSpec {
    kind: &'static str,
    channel: &'static str,
    source: &'static str,
    title: &'static str,
    body: &'static str,
    translations: &'static [(
        &'static str,
        &'static str,
        &'static str,
        TranslationState,
        i64,
    )],
    /// Publications: language, channel, day from today, local time, zone, and the
    /// reach (impressions, engagements, clicks) of those already out.
    publications: &'static [Pub],
}

/// A demo publication (see [`ContentSpec::publications`]).
type Pub = (
    &'static str,
    &'static str,
    i64,
    &'static str,
    &'static str,
    Option<[u64; 3]>,
);

const CONTENT: [ContentSpec; 3] = [
    ContentSpec {
        kind: "press_release",
        channel: "website",
        source: "ar",
        title: "التحالف يطلق حملة «أصواتنا بكل اللغات»",
        body: "يطلق التحالف اليوم حملة إعلامية **بخمس لغات** لإيصال أصوات المجتمعات المتضامنة.\n\n- ورقة حقائق أسبوعية\n- نص فيديو شهري",
        translations: &[
            (
                "en",
                "The coalition launches “Our voices in every language”",
                "Today the coalition launches a media campaign **in five languages**.",
                TranslationState::Published,
                -60,
            ),
            (
                "fr",
                "La coalition lance « Nos voix dans toutes les langues »",
                "La coalition lance aujourd’hui une campagne **en cinq langues**.",
                TranslationState::Approved,
                -50,
            ),
            (
                "sw",
                "Muungano wazindua kampeni “Sauti zetu kwa kila lugha”",
                "Leo muungano unazindua kampeni ya habari **kwa lugha tano**.",
                TranslationState::InReview,
                -10,
            ),
            (
                "pt",
                "A coligação lança «As nossas vozes em todas as línguas»",
                "",
                TranslationState::Draft,
                -5,
            ),
        ],
        publications: &[
            (
                "ar",
                "website",
                -55,
                "10:00",
                "Africa/Cairo",
                Some([48_200, 3_150, 1_240]),
            ),
            (
                "en",
                "website",
                -54,
                "09:00",
                "Africa/Nairobi",
                Some([21_900, 1_020, 610]),
            ),
            ("fr", "website", 3, "09:00", "Africa/Dakar", None),
        ],
    },
    ContentSpec {
        kind: "social_post",
        channel: "x",
        source: "en",
        title: "Two million voices, five languages",
        body: "We are translating every fact sheet into Arabic, French, Swahili and Portuguese. #OurVoices",
        translations: &[
            (
                "ar",
                "مليونا صوت وخمس لغات",
                "نترجم كل ورقة حقائق إلى العربية والفرنسية والسواحيلية والبرتغالية.",
                TranslationState::Published,
                -30,
            ),
            (
                "fr",
                "Deux millions de voix, cinq langues",
                "",
                TranslationState::Draft,
                7,
            ),
            ("sw", "", "", TranslationState::Missing, -3),
        ],
        publications: &[
            (
                "en",
                "x",
                -28,
                "17:30",
                "Europe/London",
                Some([96_400, 7_880, 2_310]),
            ),
            ("ar", "x", 1, "18:00", "Asia/Beirut", None),
        ],
    },
    ContentSpec {
        kind: "fact_sheet",
        channel: "website",
        source: "fr",
        title: "Fiche : pourquoi nous traduisons",
        body: "Un message compris dans sa langue **porte plus loin**.",
        translations: &[
            (
                "ar",
                "ورقة حقائق: لماذا نترجم",
                "الرسالة المفهومة بلغتها **تصل أبعد**.",
                TranslationState::Approved,
                -20,
            ),
            (
                "en",
                "Fact sheet: why we translate",
                "A message understood in one's own language **goes further**.",
                TranslationState::Approved,
                -20,
            ),
        ],
        publications: &[("fr", "website", 10, "08:00", "Africa/Abidjan", None)],
    },
];

async fn load_content(
    db: &Db,
    system: &Actor,
    campaign: &CampaignId,
    today: chrono::NaiveDate,
) -> Result<()> {
    let bad = || StoreError::Corrupt("demo content");
    for spec in &CONTENT {
        let source = ContentInput {
            kind: spec.kind.into(),
            channel: spec.channel.into(),
            source_lang: spec.source.into(),
            title: spec.title.into(),
            body: Some(spec.body.into()),
        };
        let item =
            content::create(db, system, campaign, source.validate().map_err(|_| bad())?).await?;
        for (code, title, body, reach, due) in spec.translations {
            let lang = LanguageCode::from_stored((*code).into());
            let fields = TranslationInput {
                title: Some((*title).into()),
                body: Some((*body).into()),
                due: Some(day(today, *due).to_string()),
                ..Default::default()
            }
            .validate()
            .map_err(|_| bad())?;
            content::save_translation(db, system, &item.id, &lang, fields).await?;
            let path = [
                TranslationState::InReview,
                TranslationState::Approved,
                TranslationState::Published,
            ];
            for to in path.into_iter().filter(|s| *s <= *reach) {
                content::move_translation(db, system, &item.id, &lang, to).await?;
            }
        }
        for (code, channel, on, time, zone, reach) in spec.publications {
            let url = reach.map(|_| format!("https://example.org/{}/{}", spec.channel, code));
            let fields = PublicationInput {
                lang: (*code).into(),
                channel: (*channel).into(),
                start: format!("{}T{time}", day(today, *on)),
                time_zone: (*zone).into(),
                url,
            }
            .validate()
            .map_err(|_| bad())?;
            let p = publications::create(db, system, &item.id, fields).await?;
            if let Some([impressions, engagements, clicks]) = reach {
                let figures = Reach {
                    impressions: Some(*impressions),
                    engagements: Some(*engagements),
                    clicks: Some(*clicks),
                };
                publications::set_reach(db, system, &p.id, figures).await?;
            }
        }
        // The fact sheet's source was reworded after its translations were approved.
        if spec.kind == "fact_sheet" {
            let reworded = ContentInput {
                body: Some(format!(
                    "{} Elle respecte aussi ceux qui l’écoutent.",
                    spec.body
                )),
                ..source
            };
            content::update(
                db,
                system,
                &item.id,
                reworded.validate().map_err(|_| bad())?,
            )
            .await?;
        }
    }
    Ok(())
}
