//! Working groups, meetings and the recommendations register: the pages of each
//! (`working_groups`, `meetings`, `recommendations`) and what they share with the API
//! (reading ids and filters, showing people as the caller may see them, the register
//! with its two follow-up lists, the choices of the forms).

mod meeting_form;
mod meetings;
mod recommendations;
mod working_groups;

use std::collections::HashSet;

use chrono::{DateTime, NaiveTime, Utc};
use serde::Deserialize;
use tadamun_core::directory::people::PersonView;
use tadamun_core::groups::recommendations::parse_stale_days;
use tadamun_core::groups::{Recommendation, RecommendationStatus, Theme};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{
    GroupId, MeetingActionId, MeetingId, OrganisationId, PersonId, RecommendationId,
};
use tadamun_core::visibility::Viewer;
use tadamun_core::{Invalid, Problem};
use tadamun_store::StoreError;
use tadamun_store::directory::{self, people};
use tadamun_store::groups::recommendations::{self as register_store, RecommendationFilter};
use utoipa::IntoParams;

use crate::error::{AppError, AppResult};
use crate::forms::{Choice, present};
use crate::i18n;
use crate::state::AppState;

pub(crate) fn router() -> axum::Router<AppState> {
    axum::Router::new()
        .merge(working_groups::router())
        .merge(meetings::router())
        .merge(recommendations::router())
}

/// The translated name of a recommendation's status.
pub(crate) fn status_label(lang: Lang, status: RecommendationStatus) -> String {
    i18n::t(lang, &format!("rec-status-{}", status.as_str()))
}

/// The translated name of a theme.
pub(crate) fn theme_label(lang: Lang, theme: Theme) -> String {
    i18n::t(lang, &format!("rec-theme-{}", theme.as_str()))
}

/// Choices of every working group, by name in `lang`, selecting `current`.
pub(crate) async fn group_choices(
    state: &AppState,
    lang: Lang,
    current: &str,
) -> AppResult<Vec<Choice>> {
    let groups = tadamun_store::groups::list(&state.db).await?;
    Ok(groups
        .iter()
        .map(|g| Choice {
            selected: g.id.as_str() == current.trim(),
            value: g.id.to_string(),
            label: g.fields.name_in(lang).to_owned(),
        })
        .collect())
}

/// The names of every working group in `lang`, by id.
pub(crate) async fn group_names(
    state: &AppState,
    lang: Lang,
) -> AppResult<std::collections::HashMap<GroupId, String>> {
    Ok(tadamun_store::groups::list(&state.db)
        .await?
        .into_iter()
        .map(|g| {
            let name = g.fields.name_in(lang).to_owned();
            (g.id, name)
        })
        .collect())
}

/// The lines of a textarea, as a list (agenda items, decisions).
pub(crate) fn lines(raw: &[String]) -> Vec<String> {
    raw.iter()
        .flat_map(|t| t.lines())
        .map(str::to_owned)
        .collect()
}

/// A group id from a URL; anything else is not found.
pub(crate) fn group_id(raw: &str) -> AppResult<GroupId> {
    GroupId::parse(raw).map_err(|_| AppError::NotFound)
}

/// A meeting id from a URL.
pub(crate) fn meeting_id(raw: &str) -> AppResult<MeetingId> {
    MeetingId::parse(raw).map_err(|_| AppError::NotFound)
}

/// An action item id from a URL.
pub(crate) fn action_id(raw: &str) -> AppResult<MeetingActionId> {
    MeetingActionId::parse(raw).map_err(|_| AppError::NotFound)
}

/// A recommendation id from a URL.
pub(crate) fn recommendation_id(raw: &str) -> AppResult<RecommendationId> {
    RecommendationId::parse(raw).map_err(|_| AppError::NotFound)
}

/// The people of `ids` that `viewer` may see, as they may see them (pseudonyms
/// applied); those they may not see are left out.
pub(crate) async fn people_seen(
    state: &AppState,
    viewer: &Viewer,
    ids: &[PersonId],
) -> AppResult<Vec<PersonView>> {
    Ok(people::get_many(&state.db, viewer, ids)
        .await?
        .into_iter()
        .map(|p| p.seen_by(viewer))
        .collect())
}

/// The names in `lang` of the organisations of `ids` that `viewer` may see.
pub(crate) async fn organisation_names(
    state: &AppState,
    viewer: &Viewer,
    ids: &[OrganisationId],
    lang: Lang,
) -> AppResult<Vec<(OrganisationId, String)>> {
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        match directory::get(&state.db, viewer, id).await {
            Ok(o) => out.push((id.clone(), o.fields.name_in(lang).to_owned())),
            Err(StoreError::NotFound) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Ok(out)
}

/// A `from` or `to` bound of a list of meetings: a date (`YYYY-MM-DD`, the start of
/// that day in UTC for `from`, its end for `to`) or an RFC 3339 instant.
pub(crate) fn parse_bound(
    field: &'static str,
    raw: &Option<String>,
    end_of_day: bool,
) -> Result<Option<DateTime<Utc>>, Invalid> {
    let Some(text) = present(raw) else {
        return Ok(None);
    };
    if let Ok(day) = chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d") {
        let day = if end_of_day {
            day.succ_opt().unwrap_or(day)
        } else {
            day
        };
        return Ok(Some(day.and_time(NaiveTime::MIN).and_utc()));
    }
    DateTime::parse_from_rfc3339(&text)
        .map(|t| Some(t.with_timezone(&Utc)))
        .map_err(|_| Invalid::new(field, Problem::Date))
}

/// The filters of the recommendations register, as a query string sends them.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct RegisterQuery {
    /// proposed, adopted, in_progress, implemented or dropped.
    pub status: Option<String>,
    /// media, legal, economic, grassroots, expansion, coordination or other.
    pub theme: Option<String>,
    /// A working group's id.
    pub group: Option<String>,
    /// `true`: only adopted or in-progress recommendations with no plan item linked.
    pub unlinked: Option<String>,
    /// Only adopted or in-progress recommendations with no progress in this many days
    /// (no status change, link, change to a linked item or measurement on its
    /// indicators), 1–3650.
    pub stale_days: Option<String>,
}

/// One line of the register.
#[derive(Debug, Clone)]
pub(crate) struct RegisterRow {
    pub rec: Recommendation,
    /// From its linked items.
    pub progress: Option<f64>,
    /// When asked for stale ones: their last activity.
    pub last_activity: Option<DateTime<Utc>>,
}

impl RegisterQuery {
    fn filter(&self) -> Result<(RecommendationFilter, bool, Option<u32>), Invalid> {
        let filter = RecommendationFilter {
            status: present(&self.status)
                .map(|s| RecommendationStatus::parse(&s))
                .transpose()?,
            theme: present(&self.theme).map(|t| Theme::parse(&t)).transpose()?,
            group: present(&self.group)
                .map(|g| {
                    GroupId::parse(&g).map_err(|_| Invalid::new("group", Problem::UnknownValue))
                })
                .transpose()?,
            meeting: None,
        };
        let unlinked = match present(&self.unlinked).as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(_) => return Err(Invalid::new("unlinked", Problem::UnknownValue)),
        };
        let stale = present(&self.stale_days)
            .map(|d| parse_stale_days("stale_days", &d))
            .transpose()?;
        Ok((filter, unlinked, stale))
    }
}

/// The register narrowed by `query`, each with its progress.
pub(crate) async fn register(
    state: &AppState,
    query: &RegisterQuery,
) -> AppResult<Vec<RegisterRow>> {
    let (filter, unlinked, stale) = query.filter()?;
    let mut rows = register_store::list(&state.db, &filter).await?;
    if unlinked {
        let ids: HashSet<_> = register_store::unlinked(&state.db)
            .await?
            .into_iter()
            .map(|r| r.id)
            .collect();
        rows.retain(|r| ids.contains(&r.id));
    }
    let mut last = std::collections::HashMap::new();
    if let Some(days) = stale {
        for (r, at) in register_store::stale(&state.db, days, Utc::now()).await? {
            last.insert(r.id, at);
        }
        rows.retain(|r| last.contains_key(&r.id));
        rows.sort_by_key(|r| last.get(&r.id).copied());
    }
    let mut out = Vec::with_capacity(rows.len());
    for rec in rows {
        let linked = register_store::linked(&state.db, &rec.id).await?;
        out.push(RegisterRow {
            progress: register_store::progress_of(&linked),
            last_activity: last.get(&rec.id).copied(),
            rec,
        });
    }
    Ok(out)
}

/// Choices of plan items (only those of `level` when given), each labelled with its
/// plan, selecting `current`.
pub(crate) async fn plan_item_choices(
    state: &AppState,
    lang: Lang,
    level: Option<tadamun_core::plans::Level>,
    current: &str,
) -> AppResult<Vec<Choice>> {
    let mut out = Vec::new();
    for plan in tadamun_store::plans::plans(&state.db).await? {
        let tree = tadamun_store::plans::tree(&state.db, &plan.id).await?;
        let plan_title = plan.fields.title_in(lang).to_owned();
        for item in tree
            .items
            .iter()
            .filter(|i| level.is_none_or(|l| i.fields.level == l))
        {
            let title = item.fields.title_in(lang);
            let level_name = i18n::t(lang, &format!("plan-level-{}", item.fields.level.as_str()));
            out.push(Choice {
                selected: item.id.as_str() == current.trim(),
                value: item.id.to_string(),
                label: if item.id == plan.id {
                    format!("{title} ({level_name})")
                } else {
                    format!("{plan_title} › {title} ({level_name})")
                },
            });
        }
    }
    Ok(out)
}
