//! The demo coalition's strategic plan: a unified media strategy in several languages,
//! legal and economic tracks, expansion into Africa and virtual seminars, with
//! indicators measured every month for the past year — some on track, some not.
//!
//! Dates are counted from the day the demo is loaded, so the plan is always under
//! way: some actions are done, some overdue, one blocked.

use std::collections::HashMap;

use chrono::NaiveDate;
use tadamun_core::audit::Actor;
use tadamun_core::ids::{IndicatorId, OrganisationId, PersonId, PlanItemId};
use tadamun_core::plans::{Dependency, IndicatorInput, Level, MeasurementInput, PlanItemInput};

use super::{cell, day, rows};
use crate::Db;
use crate::error::{Result, StoreError};
use crate::plans::{self, indicators};

/// The demo plan, one item per line, parents before children: key, the parent's key,
/// owner (`organisation:KEY` or `person:NAME`), start and due in days from today,
/// status, percentage done (actions), weight, and the title in en, ar, fr and es.
const PLAN: &str = include_str!("../../data/demo/plan.tsv");

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

/// The owner named in the demo file (`organisation:KEY` or `person:NAME`) as the
/// item form sends it.
fn owner_of(
    owner: Option<String>,
    orgs: &HashMap<&'static str, OrganisationId>,
    people: &HashMap<String, PersonId>,
) -> Result<(Option<String>, Option<String>)> {
    let Some(owner) = owner else {
        return Ok((None, None));
    };
    let id = match owner.split_once(':') {
        Some(("organisation", key)) => orgs.get(key).map(ToString::to_string),
        Some(("person", name)) => people.get(name).map(ToString::to_string),
        _ => None,
    };
    let (kind, _) = owner.split_once(':').unwrap_or_default();
    match id {
        Some(id) => Ok((Some(kind.to_owned()), Some(id))),
        None => Err(StoreError::Corrupt("demo plan owner")),
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
    let mut ids: HashMap<String, (PlanItemId, Level)> = HashMap::new();
    for row in rows(PLAN) {
        let c = |column| cell(&row, column);
        let days = |column| -> Result<NaiveDate> {
            c(column)
                .and_then(|d| d.parse::<i64>().ok())
                .map(|d| day(today, d))
                .ok_or(StoreError::Corrupt("demo plan dates"))
        };
        let parent = c("parent").and_then(|p| ids.get(&p).cloned());
        let level = match &parent {
            None => Level::Plan,
            Some((_, above)) => above
                .child()
                .ok_or(StoreError::Corrupt("demo plan level"))?,
        };
        let (owner_kind, owner) = owner_of(c("owner"), orgs, people)?;
        let input = PlanItemInput {
            level: level.as_str().into(),
            parent: parent.map(|(p, _)| p.to_string()),
            title: c("title_en").unwrap_or_default(),
            title_lang: Some("en".into()),
            title_ar: c("title_ar"),
            title_fr: c("title_fr"),
            title_es: c("title_es"),
            owner_kind,
            owner,
            start: Some(days("start")?.to_string()),
            due: Some(days("due")?.to_string()),
            status: c("status"),
            weight: c("weight"),
            percent: c("percent"),
            ..Default::default()
        };
        let fields = input
            .validate()
            .map_err(|_| StoreError::Corrupt("demo plan item"))?;
        let created = plans::create(db, system, fields).await?;
        ids.insert(c("key").unwrap_or_default(), (created.id, level));
    }
    let ids: HashMap<&str, PlanItemId> = ids
        .iter()
        .map(|(k, (id, _))| (k.as_str(), id.clone()))
        .collect();
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
    ids: &HashMap<&str, PlanItemId>,
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
