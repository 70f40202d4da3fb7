//! The publishing schedule on an item's page (each publication in the reader's zone
//! and the zone it was planned in, its link and its reach, with forms to add one and
//! enter reach), and the import of reach figures from CSV for a whole campaign.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use tadamun_core::campaigns::publications::{
    CellError, Publication, PublicationInput, ReachInput, parse_reach_csv,
};
use tadamun_core::campaigns::{Campaign, Channel, ContentItem};
use tadamun_core::ids::PublicationId;
use tadamun_core::time::Zone;
use tadamun_store::campaigns::{self as store, content, publications};

use super::content::ItemPage;
use super::{campaign_id, channel_label, item_id, may_edit_content};
use crate::caller::Caller;
use crate::directory::language_name;
use crate::error::{AppError, AppResult};
use crate::forms::{Choice, FormError, PageForm, submit};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/content/{item}/publications", post(create))
        .route("/publications/{id}/reach", post(reach))
        .route("/publications/{id}/delete", post(delete))
        .route("/campaigns/{id}/reach", get(import_form).post(import))
        .route("/campaigns/{id}/publications.csv", get(csv))
}

/// The columns of a campaign's publications file, which the reach import reads back.
const COLUMNS: [&str; 8] = [
    "publication",
    "title",
    "lang",
    "channel",
    "start_utc",
    "impressions",
    "engagements",
    "clicks",
];

/// Every publication of a campaign with its reach, as CSV: fill in the figures and
/// import the file back (signed-in users).
async fn csv(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(&id)?).await?;
    let mut cells: Vec<[String; 8]> = Vec::new();
    for it in content::of_campaign(&state.db, &c.id).await? {
        for p in publications::of_item(&state.db, &it.id).await? {
            let figure = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
            cells.push([
                p.id.to_string(),
                it.fields.title.clone(),
                p.fields.lang.as_str().to_owned(),
                p.fields.channel.as_str().to_owned(),
                p.fields.start.at.to_rfc3339(),
                figure(p.reach.impressions),
                figure(p.reach.engagements),
                figure(p.reach.clicks),
            ]);
        }
    }
    let body = tadamun_core::directory::export::write_csv(
        &COLUMNS,
        cells.iter().map(|c| c.each_ref().map(String::as_str)),
    );
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_owned(),
            ),
            (
                axum::http::header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"publications-{}.csv\"", c.id),
            ),
        ],
        body,
    )
        .into_response())
}

/// A publication as the schedule shows it.
pub(crate) struct PublicationRow {
    pub id: String,
    pub lang_name: String,
    pub channel: String,
    /// In the reader's zone.
    pub when: String,
    /// In the zone it was planned in, when that differs.
    pub planned: Option<String>,
    pub url: Option<String>,
    pub impressions: String,
    pub engagements: String,
    pub clicks: String,
}

/// A publication's row for `caller`.
pub(crate) fn row(caller: &Caller, p: &Publication) -> PublicationRow {
    let zone = caller.zone();
    let figure = |v: Option<u64>| v.map(|n| n.to_string()).unwrap_or_default();
    PublicationRow {
        id: p.id.to_string(),
        lang_name: language_name(caller.lang, &p.fields.lang),
        channel: channel_label(caller.lang, p.fields.channel),
        when: p.fields.start.in_zone(zone),
        planned: (p.fields.start.zone != zone).then(|| {
            format!(
                "{} ({})",
                p.fields.start.in_zone(p.fields.start.zone),
                p.fields.start.zone.name()
            )
        }),
        url: p.fields.url.clone(),
        impressions: figure(p.reach.impressions),
        engagements: figure(p.reach.engagements),
        clicks: figure(p.reach.clicks),
    }
}

/// The schedule section of an item's page, with its add form.
pub(crate) struct Schedule {
    pub rows: Vec<PublicationRow>,
    pub languages: Vec<Choice>,
    pub channels: Vec<Choice>,
    pub zones: Vec<Choice>,
    pub form: PublicationInput,
    pub error: Option<FormError>,
    /// The publication whose reach form was refused, with its error.
    pub reach_error: Option<(String, FormError)>,
    pub zone: String,
}

impl Schedule {
    pub(crate) async fn build(
        state: &AppState,
        caller: &Caller,
        it: &ContentItem,
        c: &Campaign,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let mut langs = vec![it.fields.source_lang.clone()];
        for l in &c.fields.languages {
            if !langs.contains(l) {
                langs.push(l.clone());
            }
        }
        let form = PublicationInput {
            lang: it.fields.source_lang.as_str().to_owned(),
            channel: it.fields.channel.as_str().to_owned(),
            time_zone: caller.zone().name().to_owned(),
            ..Default::default()
        };
        Ok(Self {
            rows: publications::of_item(&state.db, &it.id)
                .await?
                .iter()
                .map(|p| row(caller, p))
                .collect(),
            languages: langs
                .iter()
                .map(|l| Choice {
                    selected: l.as_str() == form.lang,
                    value: l.as_str().to_owned(),
                    label: language_name(lang, l),
                })
                .collect(),
            channels: Choice::list(
                Channel::ALL
                    .iter()
                    .map(|ch| (ch.as_str(), channel_label(lang, *ch))),
                &form.channel,
            ),
            zones: Choice::list(
                Zone::all_names().map(|z| (z, z.to_owned())),
                &form.time_zone,
            ),
            zone: caller.zone().name().to_owned(),
            form,
            error: None,
            reach_error: None,
        })
    }

    /// Puts the typed values back in the form, choices included.
    fn keep(&mut self, form: PublicationInput) {
        for (choices, value) in [
            (&mut self.languages, &form.lang),
            (&mut self.channels, &form.channel),
            (&mut self.zones, &form.time_zone),
        ] {
            for c in choices.iter_mut() {
                c.selected = c.value == value.trim();
            }
        }
        self.form = form;
    }

    pub(crate) fn reach_error_of(&self, id: &str) -> Option<&FormError> {
        self.reach_error
            .as_ref()
            .filter(|(p, _)| p == id)
            .map(|(_, e)| e)
    }
}

async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Path(item): Path<String>,
    PageForm(form): PageForm<PublicationInput>,
) -> AppResult<Response> {
    caller.user()?;
    let it = content::get(&state.db, &item_id(&item)?).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(&state, &caller, &c).await?)?;
    let write =
        async |fields| publications::create(&state.db, &caller.actor(), &it.id, fields).await;
    let refused = match submit(form.validate(), write).await? {
        Ok(_) => {
            return Ok(
                Redirect::to(&format!("/content/{}?saved=1#schedule", it.id)).into_response(),
            );
        }
        Err(invalid) => invalid,
    };
    let mut page = ItemPage::build(&state, &caller, &it.id).await?;
    page.schedule.keep(form);
    page.schedule.error = Some(FormError::new(caller.lang, &refused));
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

/// The publication a URL names, with its item's campaign, if the caller may write it.
async fn writable(
    state: &AppState,
    caller: &Caller,
    raw: &str,
) -> AppResult<(Publication, Campaign)> {
    caller.user()?;
    let id = PublicationId::parse(raw).map_err(|_| AppError::NotFound)?;
    let p = publications::get(&state.db, &id).await?;
    let it = content::get(&state.db, &p.item).await?;
    let c = store::get(&state.db, &it.campaign).await?;
    caller.require(may_edit_content(state, caller, &c).await?)?;
    Ok((p, c))
}

async fn reach(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    PageForm(form): PageForm<ReachInput>,
) -> AppResult<Response> {
    let (p, _) = writable(&state, &caller, &id).await?;
    match form.validate() {
        Ok(reach) => {
            publications::set_reach(&state.db, &caller.actor(), &p.id, reach).await?;
            Ok(Redirect::to(&format!("/content/{}?saved=1#schedule", p.item)).into_response())
        }
        Err(invalid) => {
            let mut page = ItemPage::build(&state, &caller, &p.item).await?;
            page.schedule.reach_error =
                Some((p.id.to_string(), FormError::new(caller.lang, &invalid)));
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
    }
}

async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let (p, _) = writable(&state, &caller, &id).await?;
    publications::delete(&state.db, &caller.actor(), &p.id).await?;
    Ok(Redirect::to(&format!("/content/{}#schedule", p.item)).into_response())
}

/// A wrong cell of an import, as the page lists it.
struct CellRow {
    line: u64,
    column: String,
    message: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/reach_import.html")]
struct ImportPage {
    shell: Shell,
    id: String,
    name: String,
    error: Option<String>,
    cells: Vec<CellRow>,
}

async fn import_page(state: &AppState, caller: &Caller, raw: &str) -> AppResult<ImportPage> {
    caller.user()?;
    let c = store::get(&state.db, &campaign_id(raw)?).await?;
    caller.require(may_edit_content(state, caller, &c).await?)?;
    Ok(ImportPage {
        shell: Shell::new(caller, "campaigns"),
        id: c.id.to_string(),
        name: c.fields.name_in(caller.lang).to_owned(),
        error: None,
        cells: Vec::new(),
    })
}

async fn import_form(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<ImportPage> {
    import_page(&state, &caller, &id).await
}

/// The cells of `errors` with their messages in the caller's language.
fn cell_rows(caller: &Caller, errors: &[CellError]) -> Vec<CellRow> {
    errors
        .iter()
        .map(|e| CellRow {
            line: e.line,
            column: crate::i18n::field(caller.lang, e.invalid.field),
            message: crate::i18n::problem(caller.lang, e.invalid.problem),
        })
        .collect()
}

async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> AppResult<Response> {
    let mut page = import_page(&state, &caller, &id).await?;
    let mut bytes = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| AppError::Malformed(e.body_text()))?
    {
        if field.name() == Some("file") {
            bytes = field
                .bytes()
                .await
                .map_err(|e| AppError::Malformed(e.body_text()))?
                .to_vec();
        }
    }
    let campaign = campaign_id(&id)?;
    let errors = match parse_reach_csv(&bytes) {
        Err(e) => {
            page.error = Some(AppError::Import(e).info().message(caller.lang));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
        Ok(Err(errors)) => errors,
        Ok(Ok(rows)) => {
            match publications::import_reach(&state.db, &caller.actor(), &campaign, &rows).await? {
                Ok(_) => {
                    return Ok(
                        Redirect::to(&format!("/campaigns/{campaign}?saved=1#content"))
                            .into_response(),
                    );
                }
                Err(errors) => errors,
            }
        }
    };
    page.cells = cell_rows(&caller, &errors);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}
