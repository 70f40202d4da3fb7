//! The large coalition's plans: each with five objectives of ten initiatives of nine
//! actions, owned by organisations, spanning two years to today and one ahead, with
//! a chain of dependencies in every initiative and an indicator per initiative
//! measured every week.

use tadamun_core::ids::{IndicatorId, MeasurementId, OrganisationId, PlanItemId};

use super::super::day;
use super::words::THEMES;
use super::{Rng, Sizes};
use crate::Db;
use crate::error::Result;
use crate::sql::{Arg, insert_rows};

const ITEM_COLUMNS: [&str; 17] = [
    "id",
    "plan_id",
    "level",
    "parent_id",
    "title",
    "title_lang",
    "titles",
    "description",
    "owner_kind",
    "owner_id",
    "start_date",
    "due_date",
    "status",
    "weight",
    "percent",
    "created_at",
    "updated_at",
];

/// What actions do, in English; titles add a number and a place.
const VERBS: [&str; 9] = [
    "Map partners for",
    "Train volunteers in",
    "Publish a briefing on",
    "Hold a webinar on",
    "Translate the toolkit on",
    "Meet officials about",
    "Run a campaign week on",
    "Document cases of",
    "Evaluate the work on",
];

/// Writes the plans; returns how many items and measurements were written.
pub(super) async fn load(
    db: &Db,
    rng: &mut Rng,
    sizes: &Sizes,
    orgs: &[OrganisationId],
) -> Result<(usize, usize)> {
    let today = chrono::Utc::now().date_naive();
    let now = crate::now_ms();
    let (first, last) = (-730_i64, 365_i64);
    let mut items: Vec<Vec<Arg>> = Vec::new();
    let mut dependencies: Vec<Vec<Arg>> = Vec::new();
    let mut indicators: Vec<Vec<Arg>> = Vec::new();
    let mut measurements: Vec<Vec<Arg>> = Vec::new();
    let owner = |rng: &mut Rng| match orgs.is_empty() {
        true => (Arg::Null, Arg::Null),
        false => (
            Arg::Text("organisation".into()),
            Arg::Text(rng.pick(orgs).as_str().to_owned()),
        ),
    };
    let mut item = |id: &PlanItemId,
                    plan: &PlanItemId,
                    level: &str,
                    parent: Option<&PlanItemId>,
                    titles: [String; 4],
                    owner: (Arg, Arg),
                    dates: (i64, i64),
                    status: (&str, Option<i64>)| {
        let [en, ar, fr, es] = titles;
        let translations = serde_json::json!({"ar": ar, "fr": fr, "es": es}).to_string();
        items.push(vec![
            Arg::Text(id.as_str().to_owned()),
            Arg::Text(plan.as_str().to_owned()),
            Arg::Text(level.into()),
            parent.map_or(Arg::Null, |p| Arg::Text(p.as_str().to_owned())),
            Arg::Text(en),
            Arg::Text("en".into()),
            Arg::Text(translations),
            Arg::Null,
            owner.0,
            owner.1,
            Arg::Text(day(today, dates.0).to_string()),
            Arg::Text(day(today, dates.1).to_string()),
            Arg::Text(status.0.into()),
            Arg::Int(1),
            status.1.map_or(Arg::NullInt, Arg::Int),
            Arg::Int(now),
            Arg::Int(now),
        ]);
    };
    for p in 0..sizes.plans {
        let plan = PlanItemId::new();
        let n = p + 1;
        item(
            &plan,
            &plan,
            "plan",
            None,
            [
                format!("Regional plan {n}"),
                format!("الخطة الإقليمية {n}"),
                format!("Plan régional {n}"),
                format!("Plan regional {n}"),
            ],
            owner(rng),
            (first, last),
            ("in_progress", None),
        );
        for (o, theme) in THEMES.iter().cycle().skip(p).take(5).enumerate() {
            let objective = PlanItemId::new();
            item(
                &objective,
                &plan,
                "objective",
                Some(&plan),
                theme.map(|t| format!("{t} ({n}.{})", o + 1)),
                owner(rng),
                (first, last),
                ("in_progress", None),
            );
            for i in 0..10 {
                let initiative = PlanItemId::new();
                // Each initiative runs for 180 to 720 days somewhere in the plan.
                let length = 180 + i64::try_from(rng.below(540)).unwrap_or(0);
                let start = first
                    + i64::try_from(rng.below(usize::try_from(last - first - length).unwrap_or(1)))
                        .unwrap_or(0);
                let end = start + length;
                item(
                    &initiative,
                    &plan,
                    "initiative",
                    Some(&objective),
                    theme.map(|t| format!("{t}: initiative {n}.{}.{}", o + 1, i + 1)),
                    owner(rng),
                    (start, end),
                    ("in_progress", None),
                );
                // Nine actions one after the other, each waiting for the one before.
                let step = length / 9;
                let mut before: Option<PlanItemId> = None;
                for a in 0..9_i64 {
                    let action = PlanItemId::new();
                    let (s, e) = (start + a * step, start + (a + 1) * step);
                    let status = if rng.chance(3) {
                        ("blocked", Some(30))
                    } else if rng.chance(2) {
                        ("cancelled", None)
                    } else if e < 0 {
                        if rng.chance(90) {
                            ("done", None)
                        } else {
                            ("in_progress", Some(80))
                        }
                    } else if s <= 0 {
                        (
                            "in_progress",
                            Some(i64::try_from(rng.below(100)).unwrap_or(0)),
                        )
                    } else {
                        ("not_started", None)
                    };
                    let verb = VERBS[usize::try_from(a).unwrap_or(0)];
                    let title = format!(
                        "{verb} {} ({n}.{}.{}.{})",
                        theme[0].to_lowercase(),
                        o + 1,
                        i + 1,
                        a + 1
                    );
                    item(
                        &action,
                        &plan,
                        "action",
                        Some(&initiative),
                        [title.clone(), title.clone(), title.clone(), title],
                        owner(rng),
                        (s, e),
                        status,
                    );
                    if let Some(b) = before.replace(action.clone()) {
                        dependencies.push(vec![
                            Arg::Text(b.as_str().to_owned()),
                            Arg::Text(action.as_str().to_owned()),
                        ]);
                    }
                }
                let indicator = IndicatorId::new();
                let baseline = 10.0 * f64::from(u32::try_from(rng.below(10)).unwrap_or(0));
                let target =
                    baseline + 50.0 + 10.0 * f64::from(u32::try_from(rng.below(40)).unwrap_or(0));
                let pace = 0.5 + f64::from(u32::try_from(rng.below(90)).unwrap_or(0)) / 100.0;
                let span = (last - first) as f64;
                indicators.push(vec![
                    Arg::Text(indicator.as_str().to_owned()),
                    Arg::Text(initiative.as_str().to_owned()),
                    Arg::Text(format!("{} reached ({n}.{}.{})", theme[0], o + 1, i + 1)),
                    Arg::Text("en".into()),
                    Arg::Text(
                        serde_json::json!({"ar": theme[1], "fr": theme[2], "es": theme[3]})
                            .to_string(),
                    ),
                    Arg::Text("people".into()),
                    Arg::Text("increase".into()),
                    Arg::Real(baseline),
                    Arg::Text(day(today, first).to_string()),
                    Arg::Real(target),
                    Arg::Text(day(today, last).to_string()),
                    Arg::Text("Partner reports".into()),
                    Arg::Null,
                    Arg::Int(now),
                    Arg::Int(now),
                ]);
                for k in 1..=sizes.measurements {
                    let offset = first + 7 * i64::try_from(k).unwrap_or(0);
                    let days = (offset - first) as f64;
                    let noise =
                        1.0 + (f64::from(u32::try_from(rng.below(11)).unwrap_or(5)) - 5.0) / 100.0;
                    let value =
                        (baseline + (target - baseline) * pace * days / span * noise).round();
                    measurements.push(vec![
                        Arg::Text(MeasurementId::new().as_str().to_owned()),
                        Arg::Text(indicator.as_str().to_owned()),
                        Arg::Text(day(today, offset.min(0)).to_string()),
                        Arg::Real(value),
                        Arg::Null,
                        Arg::Null,
                        Arg::Text("system".into()),
                        Arg::Int(now),
                    ]);
                }
            }
        }
    }
    let counts = (items.len(), measurements.len());
    let mut tx = db.begin_write().await?;
    insert_rows(&mut tx, "plan_items", &ITEM_COLUMNS, items).await?;
    insert_rows(
        &mut tx,
        "plan_dependencies",
        &["before_id", "after_id"],
        dependencies,
    )
    .await?;
    insert_rows(
        &mut tx,
        "indicators",
        &[
            "id",
            "item_id",
            "name",
            "name_lang",
            "names",
            "unit",
            "direction",
            "baseline_value",
            "baseline_date",
            "target_value",
            "target_date",
            "source",
            "responsible_id",
            "created_at",
            "updated_at",
        ],
        indicators,
    )
    .await?;
    insert_rows(
        &mut tx,
        "measurements",
        &[
            "id",
            "indicator_id",
            "date",
            "value",
            "source",
            "note",
            "entered_by",
            "entered_at",
        ],
        measurements,
    )
    .await?;
    tx.commit().await?;
    Ok(counts)
}
