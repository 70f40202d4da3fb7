//! The large coalition's campaigns: each in five languages, organised by two
//! organisations, economic and advocacy ones with targets won, lost and open, and a
//! hundred content items each whose translations stand at every step of the
//! workflow; a share of the items scheduled for publication, with reach once out.

use chrono::Duration;
use tadamun_core::geo;
use tadamun_core::ids::{
    CampaignId, CampaignTargetId, ContentItemId, OrganisationId, PublicationId,
};

use super::words::THEMES;
use super::{Rng, Sizes, country, list, pick_distinct};
use crate::error::Result;
use crate::sql::{Arg, insert_rows};
use crate::{Db, campaigns};

/// The content languages, in the order of [`theme`]'s columns.
const LANGS: [&str; 6] = ["en", "ar", "fr", "es", "sw", "pt"];

/// The themes in Swahili and Portuguese, beside [`THEMES`]' four languages.
const MORE_THEMES: [[&str; 2]; 6] = [
    ["Vyombo vya habari na simulizi", "Mídia e narrativa"],
    ["Uwajibikaji wa kisheria", "Responsabilização jurídica"],
    ["Kususia na kuondoa uwekezaji", "Boicote e desinvestimento"],
    ["Ukuaji katika maeneo mapya", "Crescimento em novas regiões"],
    ["Uhamasishaji wa mashinani", "Mobilização de base"],
    ["Uwepo wa ulinzi", "Presença protetora"],
];

/// A content item's body in each of [`LANGS`]: `{t}` is the theme, `{n}` its number.
const BODIES: [&str; 6] = [
    "**{t}** — item {n} of the campaign.\n\nShare it with your network and link to the campaign page.",
    "**{t}** — المادة {n} من الحملة.\n\nشاركوها مع شبكاتكم وأشيروا إلى صفحة الحملة.",
    "**{t}** — contenu {n} de la campagne.\n\nPartagez-le avec votre réseau et renvoyez vers la page de la campagne.",
    "**{t}** — contenido {n} de la campaña.\n\nCompártelo con tu red y enlaza la página de la campaña.",
    "**{t}** — maudhui {n} ya kampeni.\n\nYashiriki na mtandao wako na uweke kiungo cha ukurasa wa kampeni.",
    "**{t}** — conteúdo {n} da campanha.\n\nPartilhe com a sua rede e inclua a ligação para a página da campanha.",
];

const CONTENT_KINDS: [&str; 7] = [
    "social_post",
    "article",
    "press_release",
    "video_script",
    "newsletter",
    "fact_sheet",
    "other",
];

const CHANNELS: [&str; 10] = [
    "website",
    "x",
    "instagram",
    "facebook",
    "tiktok",
    "youtube",
    "telegram",
    "whatsapp",
    "newsletter",
    "press",
];

/// Translation states with how often they occur, out of 100; `None` is a missing
/// translation, which has no row.
const STATES: [(Option<&str>, usize); 5] = [
    (Some("published"), 40),
    (Some("approved"), 15),
    (Some("in_review"), 10),
    (Some("draft"), 15),
    (None, 20),
];

const TARGET_NAMES: [&str; 8] = [
    "Northwind Pension Fund",
    "Meridian Bank",
    "Atlas Logistics",
    "Harbour Insurance Group",
    "City Council of Riverton",
    "Ministry of Trade",
    "National Sovereign Fund",
    "Crescent Telecom",
];

/// The theme `t` in content language `lang` (an index into [`LANGS`]).
fn theme(t: usize, lang: usize) -> &'static str {
    match lang {
        0..=3 => THEMES[t][lang],
        _ => MORE_THEMES[t][lang - 4],
    }
}

/// Written rows, for the progress report.
pub(super) struct Written {
    pub campaigns: usize,
    pub items: usize,
    pub translations: usize,
}

/// Writes the campaigns, their targets, content, translations and publications.
pub(super) async fn load(
    db: &Db,
    rng: &mut Rng,
    sizes: &Sizes,
    orgs: &[OrganisationId],
) -> Result<Written> {
    let countries: Vec<&'static geo::Country> = geo::countries().iter().collect();
    let today = chrono::Utc::now().date_naive();
    let now = crate::now_ms();
    let day_ms: i64 = 86_400_000;
    let per_campaign = sizes.content_items / sizes.campaigns.max(1);
    let mut rows = Rows::default();
    let mut written = Written {
        campaigns: sizes.campaigns,
        items: 0,
        translations: 0,
    };
    let mut tx = db.begin_write().await?;
    for c in 0..sizes.campaigns {
        let id = CampaignId::new();
        let t = rng.below(THEMES.len());
        let kind = *rng.pick(&["media", "advocacy", "legal", "economic", "grassroots"]);
        let start = today - Duration::days(i64::try_from(rng.below(700)).unwrap_or(0));
        let end = start + Duration::days(90 + i64::try_from(rng.below(365)).unwrap_or(0));
        // Five of the six content languages: all but one, so every campaign misses one.
        let skipped = rng.below(LANGS.len());
        let langs: Vec<usize> = (0..LANGS.len()).filter(|l| *l != skipped).collect();
        let names = [0, 1, 2, 3].map(|l| format!("{} — {}", theme(t, l), c + 1));
        let region = country(rng, &countries).region().m49;
        rows.campaigns.push(vec![
            Arg::Text(id.as_str().to_owned()),
            Arg::Text(names[0].clone()),
            Arg::Text("en".into()),
            Arg::Text(
                serde_json::json!({"ar": names[1], "fr": names[2], "es": names[3]}).to_string(),
            ),
            Arg::Text(kind.into()),
            Arg::Text(format!(
                "Move the network's work on {} forward.",
                theme(t, 0).to_lowercase()
            )),
            Arg::Text(
                serde_json::json!({"ar": format!("دفع عمل الشبكة في {} إلى الأمام.", theme(t, 1))})
                    .to_string(),
            ),
            Arg::Text(start.to_string()),
            Arg::Text(end.to_string()),
            Arg::Text(list(&[region])),
            Arg::Text(list(&langs.iter().map(|l| LANGS[*l]).collect::<Vec<_>>())),
            Arg::Int(now),
            Arg::Int(now),
        ]);
        for org in pick_distinct(rng, orgs, 2) {
            rows.organisers.push(vec![
                Arg::Text(id.as_str().to_owned()),
                Arg::Text(org.as_str().to_owned()),
            ]);
        }
        if matches!(kind, "economic" | "advocacy") {
            for target in 0..1 + rng.below(6) {
                let outcome = *rng.pick(&["open", "open", "won", "partial", "lost"]);
                let decided = start + Duration::days(i64::try_from(rng.below(300)).unwrap_or(0));
                rows.targets.push(vec![
                    Arg::Text(CampaignTargetId::new().as_str().to_owned()),
                    Arg::Text(id.as_str().to_owned()),
                    Arg::Text(format!("{} {}", rng.pick(&TARGET_NAMES), target + 1)),
                    Arg::Text(
                        (*rng.pick(&["company", "institution", "government", "other"])).into(),
                    ),
                    Arg::Text(country(rng, &countries).code.into()),
                    Arg::Text("End the contracts named in the campaign's report.".into()),
                    Arg::Text(outcome.into()),
                    if outcome == "open" || decided > today {
                        Arg::Null
                    } else {
                        Arg::Text(decided.to_string())
                    },
                    if outcome == "open" {
                        Arg::Null
                    } else {
                        Arg::Text(format!("https://news.example.org/outcome-{c}-{target}"))
                    },
                    Arg::Int(now),
                    Arg::Int(now),
                ]);
            }
        }
        let count = if c + 1 == sizes.campaigns {
            sizes.content_items - written.items
        } else {
            per_campaign
        };
        for n in 0..count {
            let item = ContentItemId::new();
            // Most content starts in Arabic or English.
            let source = if rng.chance(70) {
                langs
                    .iter()
                    .copied()
                    .find(|l| *l < 2 && rng.chance(50))
                    .unwrap_or(langs[0])
            } else {
                *rng.pick(&langs)
            };
            let number = format!("{}.{}", c + 1, n + 1);
            let title = |l: usize| format!("{} {number}", theme(t, l));
            let body = |l: usize| {
                BODIES[l]
                    .replace("{t}", theme(t, l))
                    .replace("{n}", &number)
            };
            let created = now - day_ms * i64::try_from(rng.below(700)).unwrap_or(0);
            let channel = *rng.pick(&CHANNELS);
            rows.items.push(vec![
                Arg::Text(item.as_str().to_owned()),
                Arg::Text(id.as_str().to_owned()),
                Arg::Text((*rng.pick(&CONTENT_KINDS)).into()),
                Arg::Text(channel.into()),
                Arg::Text(LANGS[source].into()),
                Arg::Text(title(source)),
                Arg::Text(body(source)),
                Arg::Int(created),
                Arg::Int(created),
            ]);
            for l in langs.iter().copied().filter(|l| *l != source) {
                let Some(state) = pick_state(rng) else {
                    continue;
                };
                let due = today + Duration::days(i64::try_from(rng.below(40)).unwrap_or(0))
                    - Duration::days(10);
                rows.translations.push(vec![
                    Arg::Text(item.as_str().to_owned()),
                    Arg::Text(LANGS[l].into()),
                    Arg::Text(title(l)),
                    Arg::Text(body(l)),
                    Arg::Text(state.into()),
                    Arg::Int(i64::from(state != "draft" && rng.chance(3))),
                    Arg::Null,
                    if matches!(state, "draft" | "in_review") {
                        Arg::Text(due.to_string())
                    } else {
                        Arg::Null
                    },
                    Arg::Int(created),
                ]);
            }
            if rng.chance(30) {
                let at = now
                    + day_ms * (i64::try_from(rng.below(730)).unwrap_or(0) - 365)
                    + 3_600_000 * i64::try_from(rng.below(12)).unwrap_or(0);
                let out = at < now;
                let reach = |rng: &mut Rng, max: usize| {
                    if out {
                        Arg::Int(i64::try_from(rng.below(max)).unwrap_or(0))
                    } else {
                        Arg::NullInt
                    }
                };
                rows.publications.push(vec![
                    Arg::Text(PublicationId::new().as_str().to_owned()),
                    Arg::Text(item.as_str().to_owned()),
                    Arg::Text(id.as_str().to_owned()),
                    Arg::Text(LANGS[source].into()),
                    Arg::Text(channel.into()),
                    Arg::Int(at),
                    Arg::Text(if source == 1 { "Asia/Amman" } else { "UTC" }.into()),
                    if out {
                        Arg::Text(format!("https://social.example.org/p/{number}"))
                    } else {
                        Arg::Null
                    },
                    reach(rng, 50_000),
                    reach(rng, 5_000),
                    reach(rng, 1_000),
                    Arg::Int(created),
                    Arg::Int(created),
                ]);
            }
        }
        written.items += count;
        if rows.items.len() >= 10_000 {
            written.translations += rows.translations.len();
            rows.flush(&mut tx).await?;
        }
    }
    written.translations += rows.translations.len();
    rows.flush(&mut tx).await?;
    tx.commit().await?;
    Ok(written)
}

fn pick_state(rng: &mut Rng) -> Option<&'static str> {
    let mut roll = rng.below(100);
    for (state, share) in STATES {
        if roll < share {
            return state;
        }
        roll -= share;
    }
    None
}

/// Rows waiting to be written, in batches that keep memory flat.
#[derive(Default)]
struct Rows {
    campaigns: Vec<Vec<Arg>>,
    organisers: Vec<Vec<Arg>>,
    targets: Vec<Vec<Arg>>,
    items: Vec<Vec<Arg>>,
    translations: Vec<Vec<Arg>>,
    publications: Vec<Vec<Arg>>,
}

impl Rows {
    /// Writes what is waiting, campaigns before what refers to them.
    async fn flush(&mut self, tx: &mut sqlx::Transaction<'_, sqlx::Any>) -> Result<()> {
        let take = std::mem::take;
        let stamps = ["created_at", "updated_at"];
        let columns = [&["id"][..], &campaigns::VALUE_COLUMNS, &stamps].concat();
        insert_rows(tx, "campaigns", &columns, take(&mut self.campaigns)).await?;
        let organisers = take(&mut self.organisers);
        insert_rows(
            tx,
            "campaign_organisations",
            &["campaign_id", "organisation_id"],
            organisers,
        )
        .await?;
        let columns = [
            &["id", "campaign_id"][..],
            &campaigns::targets::VALUE_COLUMNS,
            &stamps,
        ]
        .concat();
        insert_rows(tx, "campaign_targets", &columns, take(&mut self.targets)).await?;
        insert_rows(tx, "content_items", &ITEM_COLUMNS, take(&mut self.items)).await?;
        let translations = take(&mut self.translations);
        insert_rows(tx, "translations", &TRANSLATION_COLUMNS, translations).await?;
        let publications = take(&mut self.publications);
        insert_rows(tx, "publications", &PUBLICATION_COLUMNS, publications).await
    }
}

const ITEM_COLUMNS: [&str; 9] = [
    "id",
    "campaign_id",
    "kind",
    "channel",
    "source_lang",
    "title",
    "body",
    "created_at",
    "updated_at",
];

const TRANSLATION_COLUMNS: [&str; 9] = [
    "item_id",
    "lang",
    "title",
    "body",
    "state",
    "outdated",
    "assignee_id",
    "due_date",
    "updated_at",
];

const PUBLICATION_COLUMNS: [&str; 13] = [
    "id",
    "item_id",
    "campaign_id",
    "lang",
    "channel",
    "start_at",
    "time_zone",
    "url",
    "impressions",
    "engagements",
    "clicks",
    "created_at",
    "updated_at",
];
