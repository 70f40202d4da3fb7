//! The large demo: a coalition the size the benchmark measures (20,000 organisations,
//! 100,000 people, 1,000,000 audit-log rows, 5,000 plan items, 500 indicators with
//! 100 measurements each, 10,000 events with 200,000 registrations, 50,000 content
//! items with translations in five languages), with names in several languages and
//! scripts spread over every region. Written with multi-row inserts, so SQLite is
//! filled in well under two minutes.

mod campaigns;
mod events;
mod plans;
mod words;

use tadamun_core::coverage::targets::TargetInput;
use tadamun_core::directory::Stage;
use tadamun_core::geo;
use tadamun_core::ids::{AuditId, OrganisationId, PersonId};
use tadamun_core::search::normalise;

use crate::directory::outreach::CHANGE_COLUMNS;
use crate::error::{Result, StoreError};
use crate::sql::{Arg, insert_rows};
use crate::{Db, audit, coverage};
use words::{FIRST_NAMES, FOCUS, KINDS, LANGUAGES, LAST_NAMES, PATTERNS, STAGES};

/// How many of each record the large demo makes.
#[derive(Debug, Clone, Copy)]
pub struct Sizes {
    /// Organisations.
    pub organisations: usize,
    /// People.
    pub people: usize,
    /// Audit-log rows in all (creations included).
    pub audit_rows: usize,
    /// Plans, each with five objectives of ten initiatives of nine actions (506
    /// items), and an indicator with `measurements` weekly measurements per initiative.
    pub plans: usize,
    /// Measurements of each indicator.
    pub measurements: usize,
    /// Events.
    pub events: usize,
    /// Registrations for events, all events together.
    pub registrations: usize,
    /// Campaigns, each with an equal share of the content items.
    pub campaigns: usize,
    /// Content items, each with translations into the campaign's other languages.
    pub content_items: usize,
}

/// The sizes the benchmark uses.
pub const LARGE: Sizes = Sizes {
    organisations: 20_000,
    people: 100_000,
    audit_rows: 1_000_000,
    plans: 10,
    measurements: 100,
    events: 10_000,
    registrations: 200_000,
    campaigns: 500,
    content_items: 50_000,
};

/// A small, fast, deterministic generator (SplitMix64): the same data every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        usize::try_from(self.next() % (n.max(1) as u64)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

fn stage(rng: &mut Rng) -> Stage {
    let mut roll = rng.below(100);
    for (stage, share) in STAGES {
        if roll < *share {
            return *stage;
        }
        roll -= share;
    }
    Stage::Prospect
}

/// A country, weighted towards where the coalition works most.
fn country(rng: &mut Rng, countries: &[&'static geo::Country]) -> &'static geo::Country {
    let region_weight = |c: &geo::Country| match c.region().m49 {
        "002" => 4, // Africa
        "142" => 4, // Asia (the Middle East is Western Asia)
        "150" => 3, // Europe
        "019" => 2, // Americas
        _ => 1,
    };
    loop {
        let candidate = *rng.pick(countries);
        if rng.below(4) < region_weight(candidate) {
            return candidate;
        }
    }
}

/// Up to `n` different items of `items`.
fn pick_distinct<'a, T: PartialEq>(rng: &mut Rng, items: &'a [T], n: usize) -> Vec<&'a T> {
    let mut chosen: Vec<&T> = Vec::with_capacity(n);
    for _ in 0..n {
        if items.is_empty() {
            break;
        }
        let item = rng.pick(items);
        if !chosen.contains(&item) {
            chosen.push(item);
        }
    }
    chosen
}

fn list(items: &[&str]) -> String {
    format!(";{};", items.join(";"))
}

/// Loads the large coalition into `db` (expected empty of directory records), calling
/// `progress` with what was just written.
pub async fn load(db: &Db, sizes: Sizes, mut progress: impl FnMut(&str, usize)) -> Result<()> {
    let mut rng = Rng(2026);
    let countries: Vec<&'static geo::Country> = geo::countries().iter().collect();
    let now = crate::now_ms();
    let day: i64 = 86_400_000;
    let mut audit: Vec<Vec<Arg>> = Vec::with_capacity(50_000);
    let audit_row = |at: i64, action: &str, entity: &str, id: &str, after: String| {
        vec![
            Arg::Text(AuditId::new().as_str().to_owned()),
            Arg::Int(at),
            Arg::Null,
            Arg::Text("system".into()),
            Arg::Text(action.into()),
            Arg::Text(entity.into()),
            Arg::Text(id.into()),
            Arg::Null,
            Arg::Text(after),
        ]
    };

    let mut tx = db.begin_write().await?;
    let mut org_ids: Vec<(OrganisationId, &'static str)> = Vec::with_capacity(sizes.organisations);
    let mut orgs = Vec::with_capacity(sizes.organisations);
    let mut changes = Vec::with_capacity(sizes.organisations);
    for i in 0..sizes.organisations {
        let id = OrganisationId::new();
        let c = country(&mut rng, &countries);
        let (lang, patterns, causes) = *rng.pick(PATTERNS);
        let pattern = *rng.pick(patterns);
        let cause = *rng.pick(causes);
        let place = c.name(tadamun_core::i18n::Lang::En);
        let name = format!(
            "{} {}",
            pattern.replace("{c}", cause).replace("{p}", place),
            i + 1
        );
        let stage = stage(&mut rng);
        let created = now - i64::try_from(rng.below(900)).unwrap_or(0) * day;
        let focus = [*rng.pick(FOCUS), *rng.pick(FOCUS)];
        let languages = [lang, *rng.pick(LANGUAGES)];
        let visibility = match rng.below(10) {
            0 => "restricted",
            1..=3 => "network",
            _ => "public",
        };
        let search = normalise(&format!("{name} {place}"));
        orgs.push(vec![
            Arg::Text(id.as_str().to_owned()),
            Arg::Text(name.clone()),
            Arg::Text(lang.into()),
            Arg::Text("{}".into()),
            Arg::Text((*rng.pick(KINDS)).into()),
            Arg::Text(c.code.into()),
            Arg::Text(place.into()),
            if rng.chance(60) {
                Arg::Text(format!("https://org{i}.example.org"))
            } else {
                Arg::Null
            },
            Arg::Text(format!("{name}: {place}")),
            Arg::Text(list(if focus[0] == focus[1] {
                &focus[..1]
            } else {
                &focus
            })),
            Arg::Text(list(if languages[0] == languages[1] {
                &languages[..1]
            } else {
                &languages
            })),
            Arg::Text(visibility.into()),
            Arg::Text(search),
            Arg::Text(normalise(&name)),
            Arg::Text(stage.as_str().into()),
            Arg::Int(created),
            Arg::Int(created),
            Arg::Int(created),
            Arg::Text(c.region().m49.into()),
            Arg::Text(c.subregion().m49.into()),
        ]);
        changes.push(vec![
            Arg::Text(AuditId::new().as_str().to_owned()),
            Arg::Text(id.as_str().to_owned()),
            Arg::Null,
            Arg::Text(stage.as_str().into()),
            Arg::Int(created),
            Arg::Text("system".into()),
            Arg::Null,
        ]);
        audit.push(audit_row(
            created,
            "create",
            "organisation",
            id.as_str(),
            format!("{{\"name\":{}}}", json_text(&name)),
        ));
        org_ids.push((id, c.code));
    }
    insert_rows(
        &mut tx,
        "organisations",
        &[
            "id",
            "name",
            "name_lang",
            "names",
            "kind",
            "country",
            "city",
            "website",
            "description",
            "focus_areas",
            "languages",
            "visibility",
            "search_text",
            "name_key",
            "stage",
            "stage_changed_at",
            "created_at",
            "updated_at",
            "region",
            "subregion",
        ],
        orgs,
    )
    .await?;
    insert_rows(&mut tx, "stage_changes", &CHANGE_COLUMNS, changes).await?;
    progress("organisations", sizes.organisations);

    let mut people = Vec::with_capacity(sizes.people);
    let mut person_ids = Vec::with_capacity(sizes.people);
    let mut affiliations = Vec::new();
    for i in 0..sizes.people {
        let id = PersonId::new();
        person_ids.push(id.clone());
        let name = format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES));
        let pseudonymous = rng.chance(5);
        let alias = pseudonymous.then(|| format!("Falcon {i}"));
        let shown = alias.clone().unwrap_or_else(|| name.clone());
        let c = country(&mut rng, &countries);
        let created = now - i64::try_from(rng.below(900)).unwrap_or(0) * day;
        people.push(vec![
            Arg::Text(id.as_str().to_owned()),
            Arg::Text(name.clone()),
            Arg::Int(i64::from(pseudonymous)),
            alias.clone().map_or(Arg::Null, Arg::Text),
            Arg::Text(c.code.into()),
            Arg::Text(list(&[*rng.pick(LANGUAGES)])),
            if rng.chance(10) {
                Arg::Text("journalist".into())
            } else {
                Arg::Null
            },
            Arg::Text(format!("person{i}@example.org")),
            Arg::Null,
            Arg::Null,
            Arg::Null,
            Arg::Null,
            Arg::Null,
            Arg::Null,
            Arg::Text(
                if pseudonymous {
                    "restricted"
                } else {
                    "network"
                }
                .into(),
            ),
            Arg::Text(normalise(&shown)),
            Arg::Text(normalise(&format!(
                "{name} {}",
                alias.as_deref().unwrap_or_default()
            ))),
            Arg::Int(created),
            Arg::Int(created),
            Arg::Text(c.region().m49.into()),
            Arg::Text(c.subregion().m49.into()),
        ]);
        if rng.chance(60) && !org_ids.is_empty() {
            let (org, _) = rng.pick(&org_ids);
            affiliations.push(vec![
                Arg::Text(id.as_str().to_owned()),
                Arg::Text(org.as_str().to_owned()),
                Arg::Text("Member".into()),
            ]);
        }
        audit.push(audit_row(
            created,
            "create",
            "person",
            id.as_str(),
            format!("{{\"display_name\":{}}}", json_text(&name)),
        ));
    }
    insert_rows(
        &mut tx,
        "people",
        &[
            "id",
            "display_name",
            "pseudonymous",
            "alias",
            "country",
            "languages",
            "public_figure",
            "email",
            "phone",
            "signal",
            "other_contact",
            "consent_scope",
            "consent_date",
            "note",
            "visibility",
            "search_text",
            "search_full",
            "created_at",
            "updated_at",
            "region",
            "subregion",
        ],
        people,
    )
    .await?;
    insert_rows(
        &mut tx,
        "affiliations",
        &["person_id", "organisation_id", "role"],
        affiliations,
    )
    .await?;
    progress("people", sizes.people);

    // The rest of the audit log: edits of organisations over the last years, written
    // in batches so memory stays flat.
    let mut written = 0;
    while written + audit.len() < sizes.audit_rows && !org_ids.is_empty() {
        let (org, _) = rng.pick(&org_ids);
        let at = now - i64::try_from(rng.below(900)).unwrap_or(0) * day;
        let after = format!(
            "{{\"next_step\":\"Call back about the {} campaign\"}}",
            rng.pick(FOCUS)
        );
        audit.push(audit_row(at, "update", "organisation", org.as_str(), after));
        if audit.len() == 50_000 {
            written += audit.len();
            insert_rows(
                &mut tx,
                "audit_log",
                &audit::COLUMNS,
                std::mem::take(&mut audit),
            )
            .await?;
        }
    }
    written += audit.len();
    insert_rows(&mut tx, "audit_log", &audit::COLUMNS, audit).await?;
    tx.commit().await?;
    progress("audit rows", written);

    let orgs: Vec<OrganisationId> = org_ids.into_iter().map(|(id, _)| id).collect();
    let (items, measurements) = plans::load(db, &mut rng, &sizes, &orgs).await?;
    progress("plan items", items);
    progress("measurements", measurements);

    let written = events::load(db, &mut rng, &sizes, &orgs, &person_ids).await?;
    progress("events", written.events);
    progress("registrations", written.registrations);

    let written = campaigns::load(db, &mut rng, &sizes, &orgs).await?;
    progress("campaigns", written.campaigns);
    progress("content items", written.items);
    progress("translations", written.translations);

    let africa = TargetInput {
        region: "002".into(),
        counts: "members".into(),
        target: "2500".into(),
        deadline: "2027-06-30".into(),
        ..Default::default()
    }
    .validate(&[])
    .map_err(|_| StoreError::Corrupt("demo target"))?;
    coverage::create_target(db, &tadamun_core::audit::Actor::System, africa).await?;
    Ok(())
}

/// `text` as a JSON string literal.
fn json_text(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}
