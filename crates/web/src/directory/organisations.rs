//! Organisation pages: list, detail, add, edit, delete.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::Invalid;
use tadamun_core::directory::{
    CountryCode, FocusArea, FocusCode, Kind, Organisation, OrganisationInput, Stage,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::OrganisationId;
use tadamun_core::languages::{self, LanguageCode};
use tadamun_core::page::PageRequest;
use tadamun_core::visibility::Visibility;
use tadamun_store::directory::{self, OrganisationFilter, focus};

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::Params;

use super::choices::{
    country_choices, country_name, focus_choices, language_choices, language_name, region_choices,
};
use crate::forms::{Choice, FormBody, FormError, PageForm, parse_region, present, query_string};
use crate::i18n;
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/organisations", get(list).post(create))
        .route("/organisations/new", get(new_form))
        .route("/organisations/{id}", get(show).post(update))
        .route("/organisations/{id}/edit", get(edit_form))
        .route("/organisations/{id}/delete", post(delete))
}

/// Parses an organisation id from a URL; a malformed one is simply not found.
pub(crate) fn parse_id(raw: &str) -> AppResult<OrganisationId> {
    OrganisationId::parse(raw).map_err(|_| AppError::NotFound)
}

/// The filters of organisation lists, as typed in a query string.
#[derive(Deserialize, Default, utoipa::IntoParams)]
pub(crate) struct FilterQuery {
    /// Words to find in the name or city, in any script; case, accents and Arabic
    /// spelling variants are ignored.
    pub q: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// UN M49 code of a region (`002` Africa) or sub-region (`014` Eastern Africa).
    pub region: Option<String>,
    /// Kind of organisation (`ngo`, `union` …).
    pub kind: Option<String>,
    /// Outreach stage (`prospect`, `member` …).
    pub stage: Option<String>,
    /// Focus area code (`media`, `legal` …).
    pub focus: Option<String>,
    /// Working language, ISO 639 code (`sw`).
    pub language: Option<String>,
}

impl FilterQuery {
    pub(crate) fn parse(&self) -> Result<OrganisationFilter, Invalid> {
        Ok(OrganisationFilter {
            text: present(&self.q),
            country: present(&self.country)
                .map(|c| CountryCode::parse(&c))
                .transpose()?,
            region: parse_region(&self.region)?,
            kind: present(&self.kind).map(|k| Kind::parse(&k)).transpose()?,
            stage: present(&self.stage).map(|s| Stage::parse(&s)).transpose()?,
            focus: present(&self.focus)
                .map(|f| FocusCode::parse("focus", &f))
                .transpose()?,
            language: present(&self.language)
                .map(|l| LanguageCode::parse("language", &l))
                .transpose()?,
        })
    }

    /// The filters as a query string, for the next-page link.
    pub(crate) fn query_string(&self) -> String {
        query_string(&[
            ("q", &self.q),
            ("country", &self.country),
            ("region", &self.region),
            ("kind", &self.kind),
            ("stage", &self.stage),
            ("focus", &self.focus),
            ("language", &self.language),
        ])
    }
}

struct Row {
    org: Organisation,
    /// Its name in the page's language, if it has one.
    name: String,
    country: String,
    stage: String,
}

/// Kind choices, in `lang`.
fn kind_choices(lang: Lang, current: &str) -> Vec<Choice> {
    Choice::list(
        Kind::ALL
            .iter()
            .map(|k| (k.as_str(), i18n::t(lang, &format!("kind-{}", k.as_str())))),
        current,
    )
}

/// Stage choices, in `lang`.
fn stage_choices(lang: Lang, current: &str) -> Vec<Choice> {
    Choice::list(
        Stage::ALL
            .iter()
            .map(|s| (s.as_str(), i18n::t(lang, &format!("stage-{}", s.as_str())))),
        current,
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisations.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Row>,
    next_link: Option<String>,
    /// The current filters as a query string, for the export links.
    filters: String,
    can_create: bool,
    q: String,
    countries: Vec<Choice>,
    regions: Vec<Choice>,
    kinds: Vec<Choice>,
    stages: Vec<Choice>,
    focus: Vec<Choice>,
    languages: Vec<Choice>,
    error: Option<FormError>,
}

/// The list page's query: filters and cursor (all text, so `flatten` is safe here).
#[derive(Deserialize)]
struct ListQuery {
    cursor: Option<String>,
    #[serde(flatten)]
    filter: FilterQuery,
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<Response> {
    let lang = caller.lang;
    let mut page = ListPage {
        shell: Shell::new(&caller, "directory"),
        rows: Vec::new(),
        next_link: None,
        filters: q.filter.query_string(),
        can_create: caller.viewer.can_write_network(),
        q: q.filter.q.clone().unwrap_or_default(),
        countries: country_choices(lang, q.filter.country.as_deref().unwrap_or_default()),
        regions: region_choices(lang, q.filter.region.as_deref().unwrap_or_default()),
        kinds: kind_choices(lang, q.filter.kind.as_deref().unwrap_or_default()),
        stages: stage_choices(lang, q.filter.stage.as_deref().unwrap_or_default()),
        focus: focus_choices(
            lang,
            &focus::list(&state.db).await?,
            &[q.filter.focus.as_deref().unwrap_or_default()],
        ),
        languages: language_choices(lang, &[q.filter.language.as_deref().unwrap_or_default()]),
        error: None,
    };
    let filter = match q.filter.parse() {
        Ok(filter) => filter,
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let request = PageRequest::parse(None, q.cursor.as_deref())?;
    let orgs = directory::list(&state.db, &caller.viewer, &filter, &request).await?;
    let filters = q.filter.query_string();
    page.next_link = orgs
        .next_cursor
        .as_ref()
        .map(|c| format!("/organisations?{filters}&cursor={c}"));
    page.rows = orgs
        .items
        .iter()
        .cloned()
        .map(|org| Row {
            name: org.fields.name_in(lang).to_owned(),
            country: country_name(lang, &org.fields.country),
            stage: i18n::t(lang, &format!("stage-{}", org.stage.as_str())),
            org,
        })
        .collect();
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisation.html")]
pub(super) struct DetailPage {
    shell: Shell,
    org: Organisation,
    /// Its name in the page's language.
    name: String,
    /// Its names in other languages: (language name, name).
    other_names: Vec<(String, String)>,
    /// Its focus areas and working languages, as lists in the page's language.
    focus: String,
    languages: String,
    /// Its people the reader may see: (id, name as the reader knows them, role).
    people: Vec<(String, String, String)>,
    place: String,
    can_edit: bool,
    can_delete: bool,
    saved: bool,
    pipeline: super::outreach::Panel,
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

/// The place of an organisation: country · sub-region · region, in `lang`.
fn place(lang: Lang, country: &CountryCode) -> String {
    match country.country() {
        Some(c) => format!(
            "{} · {} · {}",
            c.name(lang),
            c.subregion().name(lang),
            c.region().name(lang)
        ),
        None => country.as_str().to_owned(),
    }
}

/// The detail page of organisation `id`, with `error` beside the pipeline forms.
pub(super) async fn detail_page(
    state: &AppState,
    caller: &Caller,
    id: &OrganisationId,
    typed: Option<tadamun_core::directory::OutreachInput>,
    finds: &crate::picker::Finds,
    error: Option<FormError>,
) -> AppResult<DetailPage> {
    let org = directory::get(&state.db, &caller.viewer, id).await?;
    let pipeline = super::outreach::Panel::new(state, caller, &org, typed, finds, error).await?;
    let lang = caller.lang;
    let name = org.fields.name_in(lang).to_owned();
    let mut other_names = Vec::new();
    if org.fields.name != name {
        other_names.push((
            language_name(lang, &org.fields.name_lang),
            org.fields.name.clone(),
        ));
    }
    for (l, n) in &org.fields.names {
        if *n != name {
            other_names.push((
                language_name(lang, &LanguageCode::from_stored(l.code().into())),
                n.clone(),
            ));
        }
    }
    let areas = focus::list(&state.db).await?;
    let filter = tadamun_store::directory::people::PersonFilter {
        organisation: Some(org.id.clone()),
        ..Default::default()
    };
    let people = tadamun_store::directory::people::all(&state.db, &caller.viewer, &filter)
        .await?
        .iter()
        .map(|p| {
            let role = p
                .fields
                .affiliations
                .iter()
                .find(|a| a.organisation == org.id)
                .and_then(|a| a.role.clone())
                .unwrap_or_default();
            (p.id.to_string(), p.seen_by(&caller.viewer).name, role)
        })
        .collect();
    Ok(DetailPage {
        shell: Shell::new(caller, "directory"),
        people,
        name,
        other_names,
        focus: org
            .fields
            .focus_areas
            .iter()
            .map(|code| {
                areas
                    .iter()
                    .find(|a| a.code == *code)
                    .map_or_else(|| code.as_str().to_owned(), |a| a.name(lang).to_owned())
            })
            .collect(),
        languages: org
            .fields
            .languages
            .iter()
            .map(|l| language_name(lang, l))
            .collect(),
        place: place(caller.lang, &org.fields.country),
        can_edit: caller.viewer.can_write(Some(&org.id)),
        can_delete: caller.viewer.can_write_network(),
        org,
        saved: false,
        pipeline,
    })
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<DetailPage> {
    let mut page = detail_page(
        &state,
        &caller,
        &parse_id(&id)?,
        None,
        &crate::picker::Finds::default(),
        None,
    )
    .await?;
    page.saved = q.saved.is_some();
    Ok(page)
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/organisation_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: OrganisationInput,
    visibilities: [Visibility; 3],
    countries: Vec<Choice>,
    kinds: Vec<Choice>,
    stages: Vec<Choice>,
    name_langs: Vec<Choice>,
    focus: Vec<Choice>,
    languages: Vec<Choice>,
    /// An organisation with the same name in the same country, shown before creating
    /// another.
    duplicate: Option<Organisation>,
    error: Option<FormError>,
}

impl FormPage {
    fn new(
        caller: &Caller,
        id: Option<String>,
        form: OrganisationInput,
        areas: &[FocusArea],
    ) -> Self {
        let lang = caller.lang;
        let listed = |items: &[String]| -> Vec<String> {
            items
                .iter()
                .flat_map(|i| languages::split_list(i))
                .map(str::to_owned)
                .collect()
        };
        let focus = listed(&form.focus_areas);
        let spoken = listed(&form.languages);
        Self {
            shell: Shell::new(caller, "directory"),
            id,
            countries: country_choices(lang, &form.country.trim().to_ascii_uppercase()),
            kinds: kind_choices(lang, form.kind.as_deref().unwrap_or("other")),
            stages: stage_choices(lang, form.stage.as_deref().unwrap_or("prospect")),
            name_langs: language_choices(lang, &[form.name_lang.as_deref().unwrap_or("en")]),
            focus: focus_choices(
                lang,
                areas,
                &focus.iter().map(String::as_str).collect::<Vec<_>>(),
            ),
            languages: language_choices(
                lang,
                &spoken.iter().map(String::as_str).collect::<Vec<_>>(),
            ),
            form,
            visibilities: Visibility::ALL,
            duplicate: None,
            error: None,
        }
    }

    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }

    fn value<'a>(&self, v: &'a Option<String>) -> &'a str {
        v.as_deref().unwrap_or_default()
    }

    fn visibility_is(&self, v: &Visibility) -> bool {
        self.form.visibility.as_deref().unwrap_or("network") == v.as_str()
    }
}

async fn new_form(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    let areas = focus::list(&state.db).await?;
    let form = OrganisationInput {
        name_lang: Some(caller.lang.code().to_owned()),
        ..Default::default()
    };
    Ok(FormPage::new(&caller, None, form, &areas))
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    let areas = focus::list(&state.db).await?;
    Ok(FormPage::new(
        &caller,
        Some(id.to_string()),
        input_of(&org),
        &areas,
    ))
}

/// The form values of a stored organisation.
pub(crate) fn input_of(org: &Organisation) -> OrganisationInput {
    let f = &org.fields;
    let name = |l: Lang| f.names.get(&l).cloned();
    OrganisationInput {
        name: f.name.clone(),
        name_lang: Some(f.name_lang.as_str().to_owned()),
        name_ar: name(Lang::Ar),
        name_en: name(Lang::En),
        name_fr: name(Lang::Fr),
        name_es: name(Lang::Es),
        focus_areas: f
            .focus_areas
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect(),
        languages: f.languages.iter().map(|c| c.as_str().to_owned()).collect(),
        kind: Some(f.kind.as_str().to_owned()),
        country: f.country.as_str().to_owned(),
        city: f.city.clone(),
        website: f.website.clone(),
        description: f.description.clone(),
        visibility: Some(f.visibility.as_str().to_owned()),
        stage: Some(org.stage.as_str().to_owned()),
    }
}

fn form_error(
    caller: &Caller,
    id: Option<String>,
    form: OrganisationInput,
    areas: &[FocusArea],
    invalid: &Invalid,
) -> Response {
    let mut page = FormPage::new(caller, id, form, areas);
    page.error = Some(FormError::new(caller.lang, invalid));
    (StatusCode::UNPROCESSABLE_ENTITY, page).into_response()
}

/// The create form's confirmation of a look-alike of an existing organisation.
#[derive(Deserialize)]
struct Force {
    #[serde(default)]
    force: Option<String>,
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let input: OrganisationInput = body.parse()?;
    let force: Force = body.parse()?;
    let areas = focus::list(&state.db).await?;
    let (fields, stage) = match input
        .validate(&areas)
        .and_then(|f| Ok((f, input.initial_stage()?)))
    {
        Ok(valid) => valid,
        Err(invalid) => return Ok(form_error(&caller, None, input, &areas, &invalid)),
    };
    if force.force.is_none()
        && let Some(existing) = directory::find_duplicate(&state.db, &fields).await?
    {
        let mut page = FormPage::new(&caller, None, input, &areas);
        page.duplicate = Some(existing);
        return Ok((StatusCode::CONFLICT, page).into_response());
    }
    let org = directory::create(&state.db, &caller.actor(), fields, stage).await?;
    Ok(Redirect::to(&format!("/organisations/{}?saved=1", org.id)).into_response())
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<OrganisationInput>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    let org = directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write(Some(&org.id)))?;
    let areas = focus::list(&state.db).await?;
    match form.validate(&areas) {
        Ok(fields) => {
            directory::update(&state.db, &caller.actor(), &id, fields).await?;
            Ok(Redirect::to(&format!("/organisations/{id}?saved=1")).into_response())
        }
        Err(invalid) => Ok(form_error(
            &caller,
            Some(id.to_string()),
            form,
            &areas,
            &invalid,
        )),
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    directory::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    directory::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/organisations").into_response())
}
