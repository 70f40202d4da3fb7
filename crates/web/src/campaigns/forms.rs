//! The forms to add, change and remove campaigns and their targets (coordinators
//! and admins). A refused form comes back with 422 and everything that was typed.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::Invalid;
use tadamun_core::campaigns::targets::input_of as target_input_of;
use tadamun_core::campaigns::{
    CampaignInput, CampaignKind, Outcome, TargetInput, TargetKind, input_of,
};
use tadamun_store::campaigns::{self as store, targets};

use super::{campaign_id, kind_label, outcome_label, target_id, target_kind_label};
use crate::caller::Caller;
use crate::directory::{country_choices, language_choices, region_choices};
use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError, PageForm, submit};
use crate::groups::plan_item_choices;
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/campaigns/new", get(new_form))
        .route("/campaigns/{id}/edit", get(edit_form))
        .route("/campaigns/{id}/targets", post(create_target))
        .route("/campaigns/{id}/targets/new", get(new_target))
        .route("/campaigns/{id}/targets/{target}", post(update_target))
        .route("/campaigns/{id}/targets/{target}/edit", get(edit_target))
        .route(
            "/campaigns/{id}/targets/{target}/delete",
            post(delete_target),
        )
}

/// Marks the choices whose value is in `current`.
fn mark(mut choices: Vec<Choice>, current: &[String]) -> Vec<Choice> {
    for c in &mut choices {
        c.selected = current.iter().any(|v| v.trim() == c.value);
    }
    choices
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/campaign_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: CampaignInput,
    name_languages: Vec<Choice>,
    kinds: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    groups: Vec<Choice>,
    organisations: Picker,
    items: Vec<Choice>,
    indicators: Vec<Choice>,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: CampaignInput,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let organisations = Directory::Organisations
            .picker(
                state,
                &caller.viewer,
                ("organisations", i18n::field(lang, "organisations")),
                &form.organisations,
                finds,
            )
            .await?;
        let mut indicators = Vec::new();
        for plan in tadamun_store::plans::plans(&state.db).await? {
            for m in tadamun_store::plans::indicators::of_plan(&state.db, &plan.id).await? {
                indicators.push(Choice {
                    selected: false,
                    value: m.indicator.id.to_string(),
                    label: format!(
                        "{} › {}",
                        plan.fields.title_in(lang),
                        m.indicator.fields.name_in(lang)
                    ),
                });
            }
        }
        let languages: Vec<&str> = form.languages.iter().map(|l| l.trim()).collect();
        let mut regions = region_choices(lang, "");
        regions = mark(regions, &form.regions);
        Ok(Self {
            shell: Shell::new(caller, "campaigns"),
            id,
            name_languages: language_choices(lang, &[form.name_lang.as_deref().unwrap_or("en")]),
            kinds: Choice::list(
                CampaignKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), kind_label(lang, *k))),
                form.kind.trim(),
            ),
            regions,
            languages: language_choices(lang, &languages),
            groups: mark(
                crate::groups::group_choices(state, lang, "").await?,
                &form.groups,
            ),
            organisations,
            items: mark(plan_item_choices(state, lang, None, "").await?, &form.items),
            indicators: mark(indicators, &form.indicators),
            form,
            error: None,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

async fn new_form(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let form = CampaignInput {
        start: super::today(&caller).to_string(),
        ..Default::default()
    };
    FormPage::new(&state, &caller, None, form, &Finds::default()).await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    caller.user()?;
    let id = campaign_id(&id)?;
    let c = store::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form = input_of(&c.fields);
    FormPage::new(
        &state,
        &caller,
        Some(id.to_string()),
        form,
        &Finds::default(),
    )
    .await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: CampaignInput,
    finds: &Finds,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form, finds).await?;
    let error = FormError::new(caller.lang, invalid);
    page.organisations.mark(&error);
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

pub(super) async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form: CampaignInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, None, form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| store::create(&state.db, &caller.actor(), fields).await;
    match submit(form.validate(), write).await? {
        Ok(c) => Ok(Redirect::to(&format!("/campaigns/{}?saved=1", c.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, None, form, &finds, &invalid).await,
    }
}

pub(super) async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    caller.user()?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form: CampaignInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| store::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/campaigns/{id}?saved=1")).into_response()),
        Err(invalid) => {
            let id = Some(id.to_string());
            rejected(&state, &caller, id, form, &finds, &invalid).await
        }
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/target_form.html")]
struct TargetPage {
    shell: Shell,
    campaign: String,
    campaign_name: String,
    id: Option<String>,
    form: TargetInput,
    kinds: Vec<Choice>,
    countries: Vec<Choice>,
    outcomes: Vec<Choice>,
    error: Option<FormError>,
}

impl TargetPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        campaign: &tadamun_core::ids::CampaignId,
        id: Option<String>,
        form: TargetInput,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let c = store::get(&state.db, campaign).await?;
        let value = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_owned();
        Ok(Self {
            shell: Shell::new(caller, "campaigns"),
            campaign: campaign.to_string(),
            campaign_name: c.fields.name_in(lang).to_owned(),
            id,
            kinds: Choice::list(
                TargetKind::ALL
                    .iter()
                    .map(|k| (k.as_str(), target_kind_label(lang, *k))),
                form.kind.trim(),
            ),
            countries: country_choices(lang, &value(&form.country)),
            outcomes: Choice::list(
                Outcome::ALL
                    .iter()
                    .map(|o| (o.as_str(), outcome_label(lang, *o))),
                match value(&form.outcome).as_str() {
                    "" => "open",
                    _ => form.outcome.as_deref().unwrap_or_default().trim(),
                },
            ),
            form,
            error: None,
        })
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }
}

async fn new_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<TargetPage> {
    caller.user()?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    TargetPage::new(&state, &caller, &id, None, TargetInput::default()).await
}

async fn edit_target(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, target)): Path<(String, String)>,
) -> AppResult<TargetPage> {
    caller.user()?;
    let id = campaign_id(&id)?;
    let t = targets::get(&state.db, &id, &target_id(&target)?).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form = target_input_of(&t.fields);
    TargetPage::new(&state, &caller, &id, Some(t.id.to_string()), form).await
}

async fn target_rejected(
    state: &AppState,
    caller: &Caller,
    campaign: &tadamun_core::ids::CampaignId,
    id: Option<String>,
    form: TargetInput,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = TargetPage::new(state, caller, campaign, id, form).await?;
    page.error = Some(FormError::new(caller.lang, invalid));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create_target(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<TargetInput>,
) -> AppResult<Response> {
    caller.user()?;
    let id = campaign_id(&id)?;
    store::get(&state.db, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(invalid) => return target_rejected(&state, &caller, &id, None, form, &invalid).await,
    };
    targets::create(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}?saved=1#targets")).into_response())
}

async fn update_target(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, target)): Path<(String, String)>,
    PageForm(form): PageForm<TargetInput>,
) -> AppResult<Response> {
    caller.user()?;
    let id = campaign_id(&id)?;
    let target = target_id(&target)?;
    targets::get(&state.db, &id, &target).await?;
    caller.require(caller.viewer.can_write_network())?;
    let again = Some(target.to_string());
    let fields = match form.validate() {
        Ok(fields) => fields,
        Err(invalid) => return target_rejected(&state, &caller, &id, again, form, &invalid).await,
    };
    targets::update(&state.db, &caller.actor(), &id, &target, fields).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}?saved=1#targets")).into_response())
}

async fn delete_target(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, target)): Path<(String, String)>,
) -> AppResult<Response> {
    caller.user()?;
    let id = campaign_id(&id)?;
    let target = target_id(&target)?;
    targets::get(&state.db, &id, &target).await?;
    caller.require(caller.viewer.can_write_network())?;
    targets::delete(&state.db, &caller.actor(), &id, &target).await?;
    Ok(Redirect::to(&format!("/campaigns/{id}#targets")).into_response())
}
