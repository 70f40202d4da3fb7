//! Campaigns: the list with its filters (here), a campaign's page with its targets
//! and the chart of its wins over time (`pages`), the campaign and target forms
//! (`forms`), and what the API shares with them (reading ids and filters, labels).

pub(crate) mod calendar;
mod content;
mod forms;
pub(crate) mod matrix;
mod pages;
mod publications;
mod translations;

pub(crate) use calendar::{CalendarQuery, publications_in};
pub(crate) use matrix::campaign_matrix;
pub(crate) use translations::{find, may_translate};

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use serde::Deserialize;
use tadamun_core::campaigns::{Campaign, CampaignKind, Outcome, Phase, TargetKind};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{CampaignId, CampaignTargetId, GroupId};
use tadamun_core::languages::LanguageCode;
use tadamun_core::{Invalid, Problem};
use tadamun_store::campaigns::{self as store, CampaignFilter};
use utoipa::IntoParams;

use crate::caller::Caller;
use crate::directory::{language_choices, language_name, region_choices};
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormError, Params, parse_region, present};
use crate::groups::group_choices;
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/campaigns", axum::routing::get(list).post(forms::create))
        .merge(forms::router())
        .merge(pages::router())
        .merge(content::router())
        .merge(translations::router())
        .merge(matrix::router())
        .merge(calendar::router())
        .merge(publications::router())
}

/// Whether the caller may write the content and translations of campaign `c`:
/// coordinators and admins, and members of an organisation or working group that
/// organises it.
pub(crate) async fn may_edit_content(
    state: &AppState,
    caller: &Caller,
    c: &Campaign,
) -> AppResult<bool> {
    let Some(user) = &caller.user else {
        return Ok(false);
    };
    if caller.viewer.can_write_network() {
        return Ok(true);
    }
    if user.role != tadamun_core::accounts::Role::Member {
        return Ok(false);
    }
    if user
        .organisation
        .as_ref()
        .is_some_and(|o| c.fields.organisations.contains(o))
    {
        return Ok(true);
    }
    let groups = tadamun_store::groups::of_user(&state.db, &user.id).await?;
    Ok(groups.iter().any(|g| c.fields.groups.contains(g)))
}

/// The translated name of a content kind.
pub(crate) fn content_kind_label(lang: Lang, kind: tadamun_core::campaigns::ContentKind) -> String {
    i18n::t(lang, &format!("content-kind-{}", kind.as_str()))
}

/// The translated name of a channel.
pub(crate) fn channel_label(lang: Lang, channel: tadamun_core::campaigns::Channel) -> String {
    i18n::t(lang, &format!("channel-{}", channel.as_str()))
}

/// The translated name of a translation's state.
pub(crate) fn state_label(lang: Lang, state: tadamun_core::campaigns::TranslationState) -> String {
    i18n::t(lang, &format!("translation-{}", state.as_str()))
}

/// A content item id from a URL.
pub(crate) fn item_id(raw: &str) -> AppResult<tadamun_core::ids::ContentItemId> {
    tadamun_core::ids::ContentItemId::parse(raw).map_err(|_| AppError::NotFound)
}

/// Today, in the caller's zone: what a campaign's phase is measured against.
pub(crate) fn today(caller: &Caller) -> NaiveDate {
    caller.zone().local(chrono::Utc::now()).date()
}

/// A campaign id from a URL; anything else is not found.
pub(crate) fn campaign_id(raw: &str) -> AppResult<CampaignId> {
    CampaignId::parse(raw).map_err(|_| AppError::NotFound)
}

/// A target id from a URL.
pub(crate) fn target_id(raw: &str) -> AppResult<CampaignTargetId> {
    CampaignTargetId::parse(raw).map_err(|_| AppError::NotFound)
}

/// The translated name of a campaign's kind.
pub(crate) fn kind_label(lang: Lang, kind: CampaignKind) -> String {
    i18n::t(lang, &format!("campaign-kind-{}", kind.as_str()))
}

/// The translated name of a phase.
pub(crate) fn phase_label(lang: Lang, phase: Phase) -> String {
    i18n::t(lang, &format!("campaign-phase-{}", phase.as_str()))
}

/// The translated name of a target's kind.
pub(crate) fn target_kind_label(lang: Lang, kind: TargetKind) -> String {
    i18n::t(lang, &format!("target-kind-{}", kind.as_str()))
}

/// The translated name of an outcome.
pub(crate) fn outcome_label(lang: Lang, outcome: Outcome) -> String {
    i18n::t(lang, &format!("outcome-{}", outcome.as_str()))
}

/// A campaign's period as shown: `2026-03-01 – 2026-09-30`, or open-ended.
pub(crate) fn period(c: &Campaign) -> String {
    match c.fields.end {
        Some(end) => format!("{} – {end}", c.fields.start),
        None => format!("{} –", c.fields.start),
    }
}

/// The filters of the list of campaigns, as a query string sends them.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ListQuery {
    /// media, advocacy, legal, economic or grassroots.
    pub kind: Option<String>,
    /// upcoming, running or ended (on today's date in the caller's zone).
    pub phase: Option<String>,
    /// A UN M49 region or sub-region: campaigns covering it, the region it belongs
    /// to, or one of its sub-regions.
    pub region: Option<String>,
    /// A content language code.
    pub language: Option<String>,
    /// A working group's id: campaigns it organises.
    pub group: Option<String>,
    /// An organisation's id: campaigns it organises.
    pub organisation: Option<String>,
}

impl ListQuery {
    pub(crate) fn filter(&self, today: NaiveDate) -> Result<CampaignFilter, Invalid> {
        let regions = match parse_region(&self.region)? {
            None => Vec::new(),
            Some(r) => {
                let mut codes = vec![r.m49.to_owned()];
                if !r.is_top_level() {
                    codes.push(r.parent.to_owned());
                }
                codes.extend(
                    tadamun_core::geo::regions()
                        .iter()
                        .filter(|s| s.parent == r.m49)
                        .map(|s| s.m49.to_owned()),
                );
                codes
            }
        };
        Ok(CampaignFilter {
            kind: present(&self.kind)
                .map(|k| CampaignKind::parse(&k))
                .transpose()?,
            regions,
            language: present(&self.language)
                .map(|l| LanguageCode::parse("language", &l))
                .transpose()?,
            group: present(&self.group)
                .map(|g| {
                    GroupId::parse(&g).map_err(|_| Invalid::new("group", Problem::UnknownValue))
                })
                .transpose()?,
            organisation: present(&self.organisation)
                .map(|o| {
                    tadamun_core::ids::OrganisationId::parse(&o)
                        .map_err(|_| Invalid::new("organisation", Problem::UnknownValue))
                })
                .transpose()?,
            phase: present(&self.phase)
                .map(|p| Phase::parse("phase", &p).map(|p| (p, today)))
                .transpose()?,
        })
    }
}

/// One line of the list.
struct Row {
    id: String,
    name: String,
    kind: String,
    phase: String,
    phase_label: String,
    period: String,
    languages: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/campaigns.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Row>,
    kinds: Vec<Choice>,
    phases: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    groups: Vec<Choice>,
    /// An organisation the list is narrowed to (from its page), kept by the filters.
    organisation: String,
    can_edit: bool,
    error: Option<FormError>,
}

impl ListPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<Response> {
    caller.user()?;
    let lang = caller.lang;
    let today = today(&caller);
    let current = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
    let mut page = ListPage {
        shell: Shell::new(&caller, "campaigns"),
        rows: Vec::new(),
        kinds: Choice::list(
            CampaignKind::ALL
                .iter()
                .map(|k| (k.as_str(), kind_label(lang, *k))),
            &current(&q.kind),
        ),
        phases: Choice::list(
            Phase::ALL
                .iter()
                .map(|p| (p.as_str(), phase_label(lang, *p))),
            &current(&q.phase),
        ),
        regions: region_choices(lang, &current(&q.region)),
        languages: language_choices(lang, &[current(&q.language).as_str()]),
        groups: group_choices(&state, lang, &current(&q.group)).await?,
        organisation: current(&q.organisation),
        can_edit: caller.viewer.can_write_network(),
        error: None,
    };
    let filter = match q.filter(today) {
        Ok(f) => f,
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    page.rows = store::list(&state.db, &filter)
        .await?
        .iter()
        .map(|c| {
            let phase = c.fields.phase(today);
            Row {
                id: c.id.to_string(),
                name: c.fields.name_in(lang).to_owned(),
                kind: kind_label(lang, c.fields.kind),
                phase: phase.as_str().to_owned(),
                phase_label: phase_label(lang, phase),
                period: period(c),
                languages: c
                    .fields
                    .languages
                    .iter()
                    .map(|l| language_name(lang, l))
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        })
        .collect();
    Ok(page.into_response())
}
