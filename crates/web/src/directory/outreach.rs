//! Outreach pages: the pipeline panel of an organisation (stage moves, history,
//! follow-up), the funnel per region, the stalled list and "my next steps".

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::directory::{Funnel, Organisation, OutreachInput, Stage};
use tadamun_core::i18n::Lang;
use tadamun_core::invalid::optional_text;
use tadamun_core::time::from_millis;
use tadamun_core::{Invalid, Problem};
use tadamun_store::accounts::users;
use tadamun_store::directory::outreach;

use super::choices::region_choices;
use super::organisations::{FilterQuery, detail_page};
use super::{country_name, parse_id};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormBody, FormError, PageForm, Params};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations/{id}/stage", post(move_stage))
        .route("/organisations/{id}/outreach", post(set_outreach))
        .route("/outreach", get(funnel))
        .route("/outreach/stalled", get(stalled))
        .route("/outreach/mine", get(mine))
}

fn stage_label(lang: Lang, stage: Stage) -> String {
    i18n::t(lang, &format!("stage-{}", stage.as_str()))
}

/// One row of an organisation's stage history, ready to show.
pub(crate) struct HistoryRow {
    pub(crate) at: String,
    pub(crate) from: String,
    pub(crate) to: String,
    pub(crate) by: String,
    pub(crate) note: String,
}

/// The pipeline section of an organisation's page.
pub(crate) struct Panel {
    pub(crate) stage: String,
    pub(crate) history: Vec<HistoryRow>,
    pub(crate) can_change: bool,
    pub(crate) moves: Vec<Choice>,
    /// The follow-up form's owner: found among the accounts, for those who may change
    /// it.
    pub(crate) owner: Option<Picker>,
    pub(crate) owner_name: Option<String>,
    /// The follow-up as stored.
    pub(crate) stored: OutreachInput,
    /// What the follow-up form holds: what was typed, or what is stored.
    pub(crate) form: OutreachInput,
    pub(crate) error: Option<FormError>,
}

impl Panel {
    /// The panel of `org`; its follow-up form holds `typed` when the form comes back
    /// (refused, or a "Find" pressed), else what is stored.
    pub(crate) async fn new(
        state: &AppState,
        caller: &Caller,
        org: &Organisation,
        typed: Option<OutreachInput>,
        finds: &Finds,
        error: Option<FormError>,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let zone = caller.zone();
        let history = outreach::history(&state.db, &caller.viewer, &org.id).await?;
        let can_change = caller.viewer.can_write_network();
        let owner_name = match (&caller.user, &org.outreach.owner) {
            (Some(_), Some(owner)) => match users::get(&state.db, owner).await {
                Ok(user) => Some(user.name),
                Err(tadamun_store::StoreError::NotFound) => None,
                Err(other) => return Err(other.into()),
            },
            _ => None,
        };
        let stored = OutreachInput::from(&org.outreach);
        let form = typed.unwrap_or_else(|| stored.clone());
        let owner = if can_change {
            let mut picker = Directory::Accounts
                .picker(
                    state,
                    &caller.viewer,
                    ("owner", i18n::field(lang, "owner")),
                    std::slice::from_ref(&form.owner),
                    finds,
                )
                .await?
                .single();
            if let Some(error) = &error {
                picker.mark(error);
            }
            Some(picker)
        } else {
            None
        };
        let moves = org
            .stage
            .next()
            .iter()
            .map(|s| (s.as_str(), stage_label(lang, *s)));
        Ok(Self {
            stage: stage_label(lang, org.stage),
            history: history
                .into_iter()
                .rev()
                .map(|c| HistoryRow {
                    at: zone.format(from_millis(c.at_ms)),
                    from: c.from.map(|s| stage_label(lang, s)).unwrap_or_default(),
                    to: stage_label(lang, c.to),
                    by: c.by,
                    note: c.note.unwrap_or_default(),
                })
                .collect(),
            can_change,
            moves: Choice::list(moves, ""),
            owner,
            owner_name,
            stored,
            form,
            error,
        })
    }
}

/// Back to the organisation after a change of its pipeline, or its page again with
/// the validation error beside the forms.
async fn after_change(
    state: &AppState,
    caller: &Caller,
    id: &tadamun_core::ids::OrganisationId,
    typed: Option<OutreachInput>,
    result: AppResult<()>,
) -> AppResult<Response> {
    match result {
        Ok(()) => Ok(Redirect::to(&format!("/organisations/{id}?saved=1")).into_response()),
        Err(AppError::Invalid(invalid)) => {
            let page = detail_page(
                state,
                caller,
                id,
                typed,
                &Finds::default(),
                Some(FormError::new(caller.lang, &invalid)),
            )
            .await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(other) => Err(other),
    }
}

#[derive(Deserialize)]
struct StageForm {
    #[serde(default)]
    stage: String,
    #[serde(default)]
    note: String,
}

async fn move_stage(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<StageForm>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    tadamun_store::directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let result = match (
        Stage::parse(&form.stage),
        optional_text("note", &form.note, 2000),
    ) {
        (Ok(stage), Ok(note)) => {
            outreach::move_stage(&state.db, &caller.actor(), &id, stage, note.as_deref())
                .await
                .map(|_| ())
                .map_err(AppError::from)
        }
        (Err(invalid), _) | (_, Err(invalid)) => Err(AppError::Invalid(invalid)),
    };
    after_change(&state, &caller, &id, None, result).await
}

async fn set_outreach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    tadamun_store::directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form: OutreachInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        // "Find" saves nothing: the page comes back with the matches and what was typed.
        let page = detail_page(&state, &caller, &id, Some(form), &finds, None).await?;
        return Ok(page.into_response());
    }
    let result = match form.validate() {
        Ok(outreach) => outreach::set_outreach(&state.db, &caller.actor(), &id, outreach)
            .await
            .map(|_| ())
            .map_err(AppError::from),
        Err(invalid) => Err(AppError::Invalid(invalid)),
    };
    after_change(&state, &caller, &id, Some(form), result).await
}

struct FunnelRow {
    label: String,
    count: i64,
    width: i64,
}

struct StepRow {
    from: String,
    to: String,
    share: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/funnel.html")]
struct FunnelPage {
    shell: Shell,
    regions: Vec<Choice>,
    rows: Vec<FunnelRow>,
    steps: Vec<StepRow>,
    days: Vec<(String, String)>,
}

/// Formats a number with one decimal, or a dash when there is none.
fn one_decimal(value: Option<f64>) -> String {
    value
        .map(|v| format!("{v:.1}"))
        .unwrap_or_else(|| "—".into())
}

async fn funnel(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<FilterQuery>,
) -> AppResult<FunnelPage> {
    caller.user()?;
    let lang = caller.lang;
    let filter = q.parse()?;
    let histories = outreach::histories(&state.db, &caller.viewer, &filter).await?;
    let funnel = Funnel::compute(
        &histories,
        tadamun_core::time::to_millis(chrono::Utc::now()),
    );
    let most = funnel
        .current
        .iter()
        .map(|(_, n)| *n)
        .max()
        .unwrap_or(0)
        .max(1);
    Ok(FunnelPage {
        shell: Shell::new(&caller, "outreach"),
        regions: region_choices(lang, q.region.as_deref().unwrap_or_default()),
        rows: funnel
            .current
            .iter()
            .map(|(stage, count)| FunnelRow {
                label: stage_label(lang, *stage),
                count: *count,
                width: 100 * count / most,
            })
            .collect(),
        steps: funnel
            .conversion
            .iter()
            .map(|(from, to, share)| StepRow {
                from: stage_label(lang, *from),
                to: stage_label(lang, *to),
                share: crate::i18n::percent_text(*share),
            })
            .collect(),
        days: funnel
            .median_days
            .iter()
            .map(|(s, d)| (stage_label(lang, *s), one_decimal(*d)))
            .collect(),
    })
}

struct OrgRow {
    id: String,
    name: String,
    country: String,
    stage: String,
    detail: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/outreach_list.html")]
struct ListPage {
    shell: Shell,
    title: String,
    detail_header: String,
    days: Option<i64>,
    rows: Vec<OrgRow>,
}

#[derive(Deserialize)]
struct StalledQuery {
    days: Option<String>,
}

async fn stalled(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<StalledQuery>,
) -> AppResult<ListPage> {
    caller.user()?;
    let lang = caller.lang;
    let days = match q.days.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        None => 30,
        Some(d) => d
            .parse::<i64>()
            .ok()
            .filter(|d| (1..=3650).contains(d))
            .ok_or(Invalid::new(
                "days",
                Problem::OutOfRange { min: 1, max: 3650 },
            ))?,
    };
    let now = tadamun_core::time::to_millis(chrono::Utc::now());
    let list = outreach::stalled(
        &state.db,
        &caller.viewer,
        &Default::default(),
        now - days * 86_400_000,
    )
    .await?;
    let rows = list
        .into_iter()
        .map(|(org, since)| OrgRow {
            id: org.id.to_string(),
            country: country_name(lang, &org.fields.country),
            stage: stage_label(lang, org.stage),
            detail: i18n::t_args(
                lang,
                "outreach-days-since",
                &[("count", i18n::Arg::Num((now - since) / 86_400_000))],
            ),
            name: org.fields.name,
        })
        .collect();
    Ok(ListPage {
        shell: Shell::new(&caller, "outreach"),
        title: i18n::t(lang, "outreach-stalled"),
        detail_header: i18n::t(lang, "outreach-waiting"),
        days: Some(days),
        rows,
    })
}

async fn mine(State(state): State<AppState>, caller: Caller) -> AppResult<ListPage> {
    let user = caller.user()?;
    let lang = caller.lang;
    let list = outreach::next_steps_of(&state.db, &caller.viewer, &user.id).await?;
    let rows = list
        .into_iter()
        .map(|org| OrgRow {
            id: org.id.to_string(),
            country: country_name(lang, &org.fields.country),
            stage: stage_label(lang, org.stage),
            detail: format!(
                "{} {}",
                org.outreach
                    .next_step_due
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
                org.outreach.next_step.unwrap_or_default()
            )
            .trim()
            .to_owned(),
            name: org.fields.name,
        })
        .collect();
    Ok(ListPage {
        shell: Shell::new(&caller, "outreach"),
        title: i18n::t(lang, "outreach-mine"),
        detail_header: i18n::field(lang, "next_step"),
        days: None,
        rows,
    })
}
