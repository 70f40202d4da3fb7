//! People pages: list, detail, add, edit, delete. Every page shows a person as the
//! caller may see them (`Person::seen_by`): aliases for pseudonymous people and no
//! contact details for viewers.

use std::collections::BTreeMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use tadamun_core::directory::CountryCode;
use tadamun_core::directory::people::{
    ConsentScope, PersonInput, PersonView, PublicFigure, input_of,
};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::{OrganisationId, PersonId};
use tadamun_core::languages::{self, LanguageCode};
use tadamun_core::page::PageRequest;
use tadamun_core::visibility::Visibility;
use tadamun_core::{Invalid, Problem};
use tadamun_store::directory::{self, people, people::PersonFilter};

use super::choices::{country_choices, language_choices, language_name, region_choices};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::forms::{
    Choice, FormBody, FormError, Params, parse_region, present, query_string, submit,
};
use crate::i18n;
use crate::picker::{Directory, Finds, Picker};
use crate::shell::Shell;
use crate::state::AppState;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/people", get(list).post(create))
        .route("/people/new", get(new_form))
        .route("/people/{id}", get(show).post(update))
        .route("/people/{id}/edit", get(edit_form))
        .route("/people/{id}/delete", post(delete))
}

/// Parses a person id from a URL; a malformed one is simply not found.
pub(crate) fn parse_id(raw: &str) -> AppResult<PersonId> {
    PersonId::parse(raw).map_err(|_| AppError::NotFound)
}

/// The filters of people lists, as typed in a query string.
#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
pub(crate) struct PersonQuery {
    /// Words to find in the name (or alias), in any script.
    pub q: Option<String>,
    /// ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
    /// UN M49 code of a region or sub-region.
    pub region: Option<String>,
    /// A language they speak (ISO 639).
    pub language: Option<String>,
    /// Public figures of this kind (`journalist`, `academic` …).
    pub public_figure: Option<String>,
    /// People affiliated to this organisation (its id).
    pub organisation: Option<String>,
}

impl PersonQuery {
    pub(crate) fn parse(&self) -> Result<PersonFilter, Invalid> {
        Ok(PersonFilter {
            text: present(&self.q),
            country: present(&self.country)
                .map(|c| CountryCode::parse(&c))
                .transpose()?,
            region: parse_region(&self.region)?,
            language: present(&self.language)
                .map(|l| LanguageCode::parse("language", &l))
                .transpose()?,
            public_figure: present(&self.public_figure)
                .map(|p| PublicFigure::parse(&p))
                .transpose()?,
            organisation: present(&self.organisation)
                .map(|o| {
                    OrganisationId::parse(&o)
                        .map_err(|_| Invalid::new("organisation", Problem::UnknownValue))
                })
                .transpose()?,
        })
    }

    /// The filters as a query string, for links.
    pub(crate) fn query_string(&self) -> String {
        query_string(&[
            ("q", &self.q),
            ("country", &self.country),
            ("region", &self.region),
            ("language", &self.language),
            ("public_figure", &self.public_figure),
            ("organisation", &self.organisation),
        ])
    }
}

fn figure_choices(lang: Lang, current: &str) -> Vec<Choice> {
    Choice::list(
        PublicFigure::ALL
            .iter()
            .map(|p| (p.as_str(), i18n::t(lang, &format!("figure-{}", p.as_str())))),
        current,
    )
}

fn consent_choices(lang: Lang, current: &str) -> Vec<Choice> {
    Choice::list(
        ConsentScope::ALL.iter().map(|c| {
            (
                c.as_str(),
                i18n::t(lang, &format!("consent-{}", c.as_str())),
            )
        }),
        current,
    )
}

/// A person as a list row or detail page shows them.
pub(crate) struct Shown {
    pub person: PersonView,
    pub country: String,
    /// The languages they speak, as a list in the page's language.
    pub languages: String,
    pub figure: String,
    /// (organisation id, its name, role) for the organisations the caller may see.
    pub affiliations: Vec<(String, String, String)>,
}

impl Shown {
    pub(crate) fn new(lang: Lang, person: PersonView, names: &BTreeMap<String, String>) -> Self {
        Self {
            country: person
                .country
                .as_ref()
                .map(|c| super::country_name(lang, c))
                .unwrap_or_default(),
            languages: person
                .languages
                .iter()
                .map(|l| language_name(lang, l))
                .collect(),
            figure: person
                .public_figure
                .map(|p| i18n::t(lang, &format!("figure-{}", p.as_str())))
                .unwrap_or_default(),
            affiliations: person
                .affiliations
                .iter()
                .filter_map(|a| {
                    names.get(a.organisation.as_str()).map(|n| {
                        (
                            a.organisation.to_string(),
                            n.clone(),
                            a.role.clone().unwrap_or_default(),
                        )
                    })
                })
                .collect(),
            person,
        }
    }
}

/// The names of the organisations `people` belong to that `caller` may see, by id.
async fn names_for(
    state: &AppState,
    caller: &Caller,
    people: &[&tadamun_core::directory::people::Person],
) -> AppResult<BTreeMap<String, String>> {
    let ids: Vec<&OrganisationId> = people
        .iter()
        .flat_map(|p| p.fields.affiliations.iter().map(|a| &a.organisation))
        .collect();
    Ok(directory::names_of(&state.db, &caller.viewer, &ids).await?)
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/people.html")]
struct ListPage {
    shell: Shell,
    rows: Vec<Shown>,
    next_link: Option<String>,
    filters: String,
    can_create: bool,
    q: String,
    countries: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    figures: Vec<Choice>,
    error: Option<FormError>,
}

#[derive(Deserialize)]
struct ListQuery {
    cursor: Option<String>,
    #[serde(flatten)]
    filter: PersonQuery,
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ListQuery>,
) -> AppResult<Response> {
    let lang = caller.lang;
    let f = &q.filter;
    let mut page = ListPage {
        shell: Shell::new(&caller, "people"),
        rows: Vec::new(),
        next_link: None,
        filters: f.query_string(),
        can_create: caller.viewer.can_write_network(),
        q: f.q.clone().unwrap_or_default(),
        countries: country_choices(lang, f.country.as_deref().unwrap_or_default()),
        regions: region_choices(lang, f.region.as_deref().unwrap_or_default()),
        languages: language_choices(lang, &[f.language.as_deref().unwrap_or_default()]),
        figures: figure_choices(lang, f.public_figure.as_deref().unwrap_or_default()),
        error: None,
    };
    let filter = match f.parse() {
        Ok(filter) => filter,
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    let request = PageRequest::parse(None, q.cursor.as_deref())?;
    let found = people::list(&state.db, &caller.viewer, &filter, &request).await?;
    page.next_link = found
        .next_cursor
        .map(|c| format!("/people?{}&cursor={c}", page.filters));
    let names = names_for(&state, &caller, &found.items.iter().collect::<Vec<_>>()).await?;
    page.rows = found
        .items
        .iter()
        .map(|p| Shown::new(lang, p.seen_by(&caller.viewer), &names))
        .collect();
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/person.html")]
struct DetailPage {
    shell: Shell,
    p: Shown,
    /// What they consented to, and the date (written left to right).
    consent: Option<(String, String)>,
    can_edit: bool,
    saved: bool,
}

#[derive(Deserialize)]
struct SavedQuery {
    saved: Option<String>,
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<SavedQuery>,
) -> AppResult<DetailPage> {
    let person = people::get(&state.db, &caller.viewer, &parse_id(&id)?).await?;
    let view = person.seen_by(&caller.viewer);
    let lang = caller.lang;
    let consent = view.consent.map(|c| {
        (
            i18n::t(lang, &format!("consent-{}", c.scope.as_str())),
            c.date.to_string(),
        )
    });
    let names = names_for(&state, &caller, &[&person]).await?;
    Ok(DetailPage {
        shell: Shell::new(&caller, "people"),
        p: Shown::new(lang, view, &names),
        consent,
        can_edit: caller.viewer.can_write_network(),
        saved: q.saved.is_some(),
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/person_form.html")]
struct FormPage {
    shell: Shell,
    id: Option<String>,
    form: PersonInput,
    visibilities: [Visibility; 3],
    countries: Vec<Choice>,
    languages: Vec<Choice>,
    figures: Vec<Choice>,
    consents: Vec<Choice>,
    /// One row per affiliation, plus two empty ones to add: (organisation choices, role).
    /// A row offers its own organisation and those the picker found (or the whole
    /// small directory), never a whole large one.
    affiliations: Vec<(Vec<Choice>, String)>,
    /// The organisations chosen and found, for the search box under the rows.
    organisations: Picker,
    error: Option<FormError>,
}

impl FormPage {
    async fn new(
        state: &AppState,
        caller: &Caller,
        id: Option<String>,
        form: PersonInput,
        finds: &Finds,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let organisations = Directory::Organisations
            .picker(
                state,
                &caller.viewer,
                ("organisations", i18n::t(lang, "people-affiliations")),
                &form.organisations,
                finds,
            )
            .await?;
        // Organisations and roles are posted side by side, so every row keeps a
        // select (which always posts) rather than a checkbox (which would not).
        let roles = form
            .organisations
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.trim().is_empty())
            .map(|(i, _)| form.roles.get(i).map_or("", String::as_str));
        let mut affiliations: Vec<(Vec<Choice>, String)> = organisations
            .chosen
            .iter()
            .zip(roles)
            .map(|(chosen, role)| {
                let choices = std::iter::once(chosen.clone())
                    .chain(organisations.offered.iter().cloned())
                    .collect();
                (choices, role.to_owned())
            })
            .collect();
        for _ in 0..2 {
            affiliations.push((organisations.offered.clone(), String::new()));
        }
        let spoken: Vec<String> = form
            .languages
            .iter()
            .flat_map(|l| languages::split_list(l))
            .map(str::to_owned)
            .collect();
        let spoken: Vec<&str> = spoken.iter().map(String::as_str).collect();
        Ok(Self {
            shell: Shell::new(caller, "people"),
            id,
            countries: country_choices(
                lang,
                &form
                    .country
                    .as_deref()
                    .unwrap_or_default()
                    .trim()
                    .to_ascii_uppercase(),
            ),
            languages: language_choices(lang, &spoken),
            figures: figure_choices(lang, form.public_figure.as_deref().unwrap_or_default()),
            consents: consent_choices(lang, form.consent_scope.as_deref().unwrap_or_default()),
            affiliations,
            organisations,
            visibilities: Visibility::ALL,
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

    fn pseudonymous(&self) -> bool {
        tadamun_core::directory::people::is_yes(self.form.pseudonymous.as_deref())
    }

    fn visibility_is(&self, v: &Visibility) -> bool {
        self.form.visibility.as_deref().unwrap_or("network") == v.as_str()
    }
}

async fn new_form(State(state): State<AppState>, caller: Caller) -> AppResult<FormPage> {
    caller.require(caller.viewer.can_write_network())?;
    FormPage::new(
        &state,
        &caller,
        None,
        PersonInput::default(),
        &Finds::default(),
    )
    .await
}

async fn edit_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<FormPage> {
    let id = parse_id(&id)?;
    let person = people::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    FormPage::new(
        &state,
        &caller,
        Some(id.to_string()),
        input_of(&person.fields),
        &Finds::default(),
    )
    .await
}

async fn rejected(
    state: &AppState,
    caller: &Caller,
    id: Option<String>,
    form: PersonInput,
    finds: &Finds,
    invalid: &Invalid,
) -> AppResult<Response> {
    let mut page = FormPage::new(state, caller, id, form, finds).await?;
    let error = FormError::new(caller.lang, invalid);
    page.organisations.mark(&error);
    page.error = Some(error);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    body: FormBody,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let form: PersonInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, None, form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| people::create(&state.db, &caller.actor(), fields).await;
    match submit(form.validate(), write).await? {
        Ok(person) => Ok(Redirect::to(&format!("/people/{}?saved=1", person.id)).into_response()),
        Err(invalid) => rejected(&state, &caller, None, form, &finds, &invalid).await,
    }
}

async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    body: FormBody,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    people::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    let form: PersonInput = body.parse()?;
    let finds = Finds::of(&body)?;
    if finds.pressed.is_some() {
        let page = FormPage::new(&state, &caller, Some(id.to_string()), form, &finds).await?;
        return Ok(page.into_response());
    }
    let write = async |fields| people::update(&state.db, &caller.actor(), &id, fields).await;
    match submit(form.validate(), write).await? {
        Ok(_) => Ok(Redirect::to(&format!("/people/{id}?saved=1")).into_response()),
        Err(invalid) => {
            let id = Some(id.to_string());
            rejected(&state, &caller, id, form, &finds, &invalid).await
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let id = parse_id(&id)?;
    people::get(&state.db, &caller.viewer, &id).await?;
    caller.require(caller.viewer.can_write_network())?;
    people::delete(&state.db, &caller.actor(), &id).await?;
    Ok(Redirect::to("/people").into_response())
}
