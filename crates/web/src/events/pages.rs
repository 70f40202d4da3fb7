//! The list of events and an event's page. Anonymous readers see public events only;
//! every time is shown in the reader's zone (their account's, or the one chosen on
//! the page) with the event's own zone beside it.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;
use tadamun_core::events::Event;
use tadamun_core::time::Zone;
use tadamun_store::events;

use super::registration::RegistrationBox;
use super::{
    EventQuery, event_id, kind_label, languages_text, may_manage, place_text, regions_text,
    viewer_zone, when,
};
use crate::caller::Caller;
use crate::directory::{language_choices, region_choices};
use crate::error::AppResult;
use crate::forms::{Choice, FormError, Params, present};
use crate::groups::{group_choices, group_names, organisation_names, people_seen};
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/events", get(list).post(super::form::create))
        .route("/events/{id}", get(show).post(super::form::update))
}

/// An event in a list.
struct Row {
    id: String,
    title: String,
    kind: String,
    start: String,
    end: String,
    own: String,
    same_zone: bool,
    place: String,
    languages: String,
    cancelled: bool,
}

fn row(e: &Event, caller: &Caller, zone: Zone) -> Row {
    let w = when(e, zone);
    Row {
        id: e.id.to_string(),
        title: e.fields.title_in(caller.lang).to_owned(),
        kind: kind_label(caller.lang, e),
        start: w.start,
        end: w.end,
        own: w.own,
        same_zone: w.same_zone,
        place: place_text(e, caller.lang),
        languages: languages_text(caller.lang, &e.fields.languages),
        cancelled: e.cancelled,
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "events/events.html")]
struct ListPage {
    shell: Shell,
    /// `upcoming`, `past` or `all`.
    when: &'static str,
    events: Vec<Row>,
    /// The list's filters as a query string, for the links to the other lists.
    filters: String,
    /// The link to the next page, if there is one.
    more: Option<String>,
    zone: String,
    zones: Vec<Choice>,
    regions: Vec<Choice>,
    languages: Vec<Choice>,
    /// The organiser's name words typed in the filter.
    organiser: String,
    /// The organisation the list is narrowed to by id (a link from its page): its id
    /// and name.
    organisation: Option<(String, String)>,
    groups: Vec<Choice>,
    signed_in: bool,
    can_create: bool,
    error: Option<FormError>,
    /// The public feed with the list's filters.
    feed: String,
}

impl ListPage {
    fn invalid(&self, field: &str) -> bool {
        self.error.as_ref().is_some_and(|e| e.is(field))
    }
}

/// Choices of every zone, selecting `current`.
pub(crate) fn zone_choices(current: &str) -> Vec<Choice> {
    Choice::list(Zone::all_names().map(|z| (z, z.to_owned())), current)
}

async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<EventQuery>,
) -> AppResult<Response> {
    let lang = caller.lang;
    let organisation = match present(&q.organisation)
        .and_then(|raw| tadamun_core::ids::OrganisationId::parse(&raw).ok())
    {
        Some(id) => tadamun_store::directory::names_of(&state.db, &caller.viewer, &[&id])
            .await?
            .remove(id.as_str())
            .map(|name| (id.to_string(), name)),
        None => None,
    };
    let groups = if caller.user.is_some() {
        group_choices(&state, lang, &present(&q.group).unwrap_or_default()).await?
    } else {
        Vec::new()
    };
    let chosen_lang = present(&q.lang).unwrap_or_default();
    let filters = crate::forms::query_string(&[
        ("group", &q.group),
        ("organisation", &q.organisation),
        ("organiser", &q.organiser),
        ("lang", &q.lang),
        ("region", &q.region),
    ]);
    let mut page = ListPage {
        shell: Shell::new(&caller, "events"),
        when: "upcoming",
        events: Vec::new(),
        filters: crate::forms::query_string(&[
            ("group", &q.group),
            ("organisation", &q.organisation),
            ("organiser", &q.organiser),
            ("lang", &q.lang),
            ("region", &q.region),
            ("tz", &q.tz),
        ]),
        more: None,
        zone: caller.zone().name().to_owned(),
        zones: zone_choices(present(&q.tz).as_deref().unwrap_or(caller.zone().name())),
        regions: region_choices(lang, &present(&q.region).unwrap_or_default()),
        languages: language_choices(lang, &[chosen_lang.as_str()]),
        organiser: present(&q.organiser).unwrap_or_default(),
        organisation,
        groups,
        signed_in: caller.user.is_some(),
        can_create: caller
            .user
            .as_ref()
            .is_some_and(|u| caller.viewer.can_write_network() || u.organisation.is_some()),
        error: None,
        feed: if filters.is_empty() {
            "/calendar.ics".to_owned()
        } else {
            format!("/calendar.ics?{filters}")
        },
    };
    let now = Utc::now();
    let parsed = viewer_zone(&caller, &q.tz).and_then(|z| Ok((z, q.listing(&caller, now)?)));
    let (zone, listing) = match parsed {
        Ok(ok) => ok,
        Err(invalid) => {
            page.error = Some(FormError::new(lang, &invalid));
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
        }
    };
    page.zone = zone.name().to_owned();
    page.when = listing.period.as_str();
    let found = listing.read(&state, &caller).await?;
    page.events = found.items.iter().map(|e| row(e, &caller, zone)).collect();
    page.more = found.next_cursor.as_ref().map(|cursor| {
        let rest = if page.filters.is_empty() {
            String::new()
        } else {
            format!("&{}", page.filters)
        };
        format!("/events?when={}&cursor={cursor}{rest}", page.when)
    });
    Ok(page.into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "events/event.html")]
pub(super) struct DetailPage {
    shell: Shell,
    id: String,
    title: String,
    kind: String,
    description: Option<String>,
    start: String,
    end: String,
    own: String,
    same_zone: bool,
    zone: String,
    zones: Vec<Choice>,
    duration: u16,
    /// Shown to signed-in readers only: a public page does not hand the joining link
    /// to everyone who passes by.
    link: Option<String>,
    online: bool,
    place: String,
    languages: String,
    interpretation: String,
    speakers: Vec<(String, String)>,
    organisations: Vec<(String, String)>,
    groups: Vec<(String, String)>,
    regions: String,
    visibility: String,
    capacity: Option<u32>,
    registration_opens: Option<String>,
    registration_closes: Option<String>,
    signed_in: bool,
    can_edit: bool,
    saved: bool,
    error: Option<FormError>,
    /// Between names in a list, in the page's language.
    sep: &'static str,
    /// The registration form and what it says about places.
    pub(super) reg: RegistrationBox,
    /// Other events at about the same time for the same audience (signed-in readers).
    clashes: Vec<super::ClashRow>,
    cancelled: bool,
}

impl DetailPage {
    fn reg_invalid(&self, field: &str) -> bool {
        self.reg.error.as_ref().is_some_and(|e| e.is(field))
    }
}

#[derive(Deserialize)]
struct ShowQuery {
    tz: Option<String>,
    saved: Option<String>,
}

impl DetailPage {
    /// The page of `e` for `caller`, in `zone`.
    pub(super) async fn new(
        state: &AppState,
        caller: &Caller,
        e: &Event,
        zone: Zone,
    ) -> AppResult<Self> {
        let lang = caller.lang;
        let f = &e.fields;
        let w = when(e, zone);
        let signed_in = caller.user.is_some();
        let speakers = people_seen(state, &caller.viewer, &f.speakers).await?;
        let orgs = organisation_names(state, &caller.viewer, &f.organisations, lang).await?;
        let groups = if signed_in {
            let names = group_names(state, lang).await?;
            f.groups
                .iter()
                .filter_map(|g| names.get(g).map(|n| (g.to_string(), n.clone())))
                .collect()
        } else {
            Vec::new()
        };
        let at = |t: Option<chrono::DateTime<Utc>>| t.map(|t| zone.format(t));
        Ok(Self {
            shell: Shell::new(caller, "events"),
            id: e.id.to_string(),
            title: f.title_in(lang).to_owned(),
            kind: kind_label(lang, e),
            description: f.description_in(lang).map(str::to_owned),
            start: w.start,
            end: w.end,
            own: w.own,
            same_zone: w.same_zone,
            zone: zone.name().to_owned(),
            zones: zone_choices(zone.name()),
            duration: f.duration,
            link: f.link.clone().filter(|_| signed_in),
            online: f.link.is_some(),
            place: place_text(e, lang),
            languages: languages_text(lang, &f.languages),
            interpretation: languages_text(lang, &f.interpretation),
            speakers: speakers
                .into_iter()
                .map(|p| (p.id.to_string(), p.name))
                .collect(),
            organisations: orgs
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            groups,
            regions: regions_text(lang, &f.regions),
            visibility: crate::i18n::t(lang, &format!("visibility-{}", f.visibility.as_str())),
            capacity: f.capacity,
            registration_opens: at(f.registration_opens),
            registration_closes: at(f.registration_closes),
            signed_in,
            can_edit: may_manage(caller, e),
            saved: false,
            error: None,
            sep: if lang == tadamun_core::i18n::Lang::Ar {
                "، "
            } else {
                ", "
            },
            reg: RegistrationBox::new(state, caller, e).await?,
            cancelled: e.cancelled,
            clashes: if signed_in {
                super::clash_rows(state, caller, e, zone).await?
            } else {
                Vec::new()
            },
        })
    }
}

async fn show(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<ShowQuery>,
) -> AppResult<Response> {
    if let Some(raw) = id.strip_suffix(".ics") {
        return super::calendar::one(&state, &caller, raw).await;
    }
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    let (zone, error) = match viewer_zone(&caller, &q.tz) {
        Ok(z) => (z, None),
        Err(invalid) => (caller.zone(), Some(FormError::new(caller.lang, &invalid))),
    };
    let mut page = DetailPage::new(&state, &caller, &e, zone).await?;
    page.saved = q.saved.is_some();
    page.error = error;
    let status = if page.error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((status, page).into_response())
}
