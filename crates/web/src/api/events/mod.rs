//! `/api/v1/events`: events with their start in their own zone and the caller's,
//! place or link, languages, speakers, organisers and audience. Anonymous callers
//! read public events only (and never the joining link); coordinators and admins
//! manage every event, members those their organisation organises.

mod registrations;

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use tadamun_core::directory::people::PersonView;
use tadamun_core::events::{Event, EventInput, input_of};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::PersonId;
use tadamun_core::time::Zone;
use tadamun_core::{Invalid, Problem};
use tadamun_store::events;
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::groups::PersonRef;
use super::{ErrorBody, ItemsPage};
use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::events::{EventQuery, check_organisers, event_id, may_create, viewer_zone};
use crate::forms::{ApiJson, Params};
use crate::groups::people_seen;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, create))
        .routes(routes!(get_one, update, delete))
        .routes(routes!(clashes))
        .routes(routes!(cancel_event))
        .routes(routes!(feed))
        .merge(registrations::routes())
}

/// When an event starts.
#[derive(Serialize, ToSchema)]
pub(crate) struct EventStart {
    /// The instant, RFC 3339 in UTC.
    at: String,
    /// The event's own IANA zone.
    zone: String,
    /// Local date and time in its own zone, `YYYY-MM-DDTHH:MM`.
    local: String,
    /// The zone asked for (`tz`), else the caller's (UTC when signed out or not set).
    viewer_zone: String,
    /// Local date and time in that zone, `YYYY-MM-DD HH:MM`.
    viewer_local: String,
}

/// An event.
#[derive(Serialize, ToSchema)]
pub(crate) struct EventOut {
    id: String,
    /// seminar, webinar, workshop, conference, protest, vigil or meeting.
    kind: String,
    /// In its primary language.
    title: String,
    /// ISO 639 code of the title's and description's language.
    title_lang: String,
    /// Other interface languages (`ar`, `en`, `fr`, `es`).
    titles: BTreeMap<String, String>,
    description: Option<String>,
    descriptions: BTreeMap<String, String>,
    start: EventStart,
    /// RFC 3339 in UTC.
    end: String,
    /// Minutes.
    duration: u16,
    /// The joining link; signed-in callers only.
    link: Option<String>,
    /// Whether it can be joined online.
    online: bool,
    /// ISO 3166-1 code.
    country: Option<String>,
    city: Option<String>,
    /// ISO 639 codes.
    languages: Vec<String>,
    /// ISO 639 codes of the interpretation.
    interpretation: Vec<String>,
    speakers: Vec<PersonRef>,
    /// Organisation ids.
    organisations: Vec<String>,
    /// Working group ids; signed-in callers only.
    groups: Vec<String>,
    /// UN M49 codes.
    regions: Vec<String>,
    /// public or network.
    visibility: String,
    capacity: Option<u32>,
    /// RFC 3339 in UTC.
    registration_opens: Option<String>,
    /// RFC 3339 in UTC.
    registration_closes: Option<String>,
    /// Raised by each change.
    sequence: i64,
    /// Called off by its organisers.
    cancelled: bool,
}

fn translations(map: &BTreeMap<Lang, String>) -> BTreeMap<String, String> {
    map.iter()
        .map(|(l, t)| (l.code().to_owned(), t.clone()))
        .collect()
}

async fn event_out(state: &AppState, caller: &Caller, zone: Zone, e: Event) -> AppResult<EventOut> {
    let mut out = events_out(state, caller, zone, vec![e]).await?;
    out.pop().ok_or(AppError::NotFound)
}

/// [`EventOut`]s of `events`, their speakers read together.
async fn events_out(
    state: &AppState,
    caller: &Caller,
    zone: Zone,
    events: Vec<Event>,
) -> AppResult<Vec<EventOut>> {
    let mut ids: Vec<PersonId> = events
        .iter()
        .flat_map(|e| e.fields.speakers.iter().cloned())
        .collect();
    ids.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    ids.dedup();
    let seen: HashMap<String, PersonView> = people_seen(state, &caller.viewer, &ids)
        .await?
        .into_iter()
        .map(|p| (p.id.to_string(), p))
        .collect();
    Ok(events
        .into_iter()
        .map(|e| {
            let speakers = e
                .fields
                .speakers
                .iter()
                .filter_map(|id| seen.get(id.as_str()).cloned())
                .collect();
            one_out(caller, zone, e, speakers)
        })
        .collect())
}

/// One event as the API gives it, with its speakers as the caller may see them.
fn one_out(caller: &Caller, zone: Zone, e: Event, speakers: Vec<PersonView>) -> EventOut {
    let f = &e.fields;
    let signed_in = caller.user.is_some();
    let codes = |l: &[tadamun_core::languages::LanguageCode]| {
        l.iter().map(|c| c.as_str().to_owned()).collect()
    };
    EventOut {
        id: e.id.to_string(),
        kind: f.kind.as_str().to_owned(),
        title: f.title.clone(),
        title_lang: f.title_lang.as_str().to_owned(),
        titles: translations(&f.titles),
        description: f.description.clone(),
        descriptions: translations(&f.descriptions),
        start: EventStart {
            at: f.start.at.to_rfc3339(),
            zone: f.start.zone.name().to_owned(),
            local: f.start.local_text(),
            viewer_zone: zone.name().to_owned(),
            viewer_local: f.start.in_zone(zone),
        },
        end: f.end().to_rfc3339(),
        duration: f.duration,
        link: f.link.clone().filter(|_| signed_in),
        online: f.link.is_some(),
        country: f.country.as_ref().map(|c| c.as_str().to_owned()),
        city: f.city.clone(),
        languages: codes(&f.languages),
        interpretation: codes(&f.interpretation),
        speakers: speakers.into_iter().map(PersonRef::from).collect(),
        organisations: f.organisations.iter().map(ToString::to_string).collect(),
        groups: if signed_in {
            f.groups.iter().map(ToString::to_string).collect()
        } else {
            Vec::new()
        },
        regions: f.regions.clone(),
        visibility: f.visibility.as_str().to_owned(),
        capacity: f.capacity,
        registration_opens: f.registration_opens.map(|t| t.to_rfc3339()),
        registration_closes: f.registration_closes.map(|t| t.to_rfc3339()),
        sequence: e.sequence,
        cancelled: e.cancelled,
    }
}

/// A page of the events the caller may see: public ones for anyone, network ones
/// for signed-in users. Upcoming ones earliest first unless `when` says otherwise.
#[utoipa::path(get, path = "/api/v1/events", tag = "events", params(EventQuery),
    responses((status = 200, body = ItemsPage<EventOut>), (status = 422, body = ErrorBody)))]
async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<EventQuery>,
) -> AppResult<Json<ItemsPage<EventOut>>> {
    let zone = viewer_zone(&caller, &q.tz)?;
    let listing = q.listing(&caller, chrono::Utc::now())?;
    let found = listing.read(&state, &caller).await?;
    Ok(Json(ItemsPage {
        items: events_out(&state, &caller, zone, found.items.clone()).await?,
        next_cursor: found.next_cursor.clone(),
    }))
}

/// A number sent as a JSON number or as text.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub(crate) enum Number {
    /// `90`.
    Value(i64),
    /// `"90"`.
    Text(String),
}

impl Number {
    fn text(self) -> String {
        match self {
            Number::Value(v) => v.to_string(),
            Number::Text(t) => t,
        }
    }
}

/// An event as sent; on update, what is left out stays as it was.
#[derive(Deserialize, ToSchema, Default)]
pub(crate) struct EventBody {
    /// seminar, webinar, workshop, conference, protest, vigil or meeting.
    kind: Option<String>,
    title: Option<String>,
    title_lang: Option<String>,
    title_ar: Option<String>,
    title_en: Option<String>,
    title_fr: Option<String>,
    title_es: Option<String>,
    description: Option<String>,
    description_ar: Option<String>,
    description_en: Option<String>,
    description_fr: Option<String>,
    description_es: Option<String>,
    /// Local date and time in `time_zone`, `YYYY-MM-DDTHH:MM`.
    start: Option<String>,
    /// IANA zone, such as `Africa/Nairobi`.
    time_zone: Option<String>,
    /// Minutes, 5–10080.
    duration: Option<Number>,
    /// http or https address; a link or a country (or both) is needed.
    link: Option<String>,
    /// ISO 3166-1 code.
    country: Option<String>,
    city: Option<String>,
    /// ISO 639 codes or names.
    languages: Option<Vec<String>>,
    interpretation: Option<Vec<String>>,
    /// Person ids.
    speakers: Option<Vec<String>>,
    /// Organisation ids.
    organisations: Option<Vec<String>>,
    /// Working group ids.
    groups: Option<Vec<String>>,
    /// UN M49 codes.
    regions: Option<Vec<String>>,
    /// public or network (the default).
    visibility: Option<String>,
    /// 1–100000; empty text for no limit.
    capacity: Option<Number>,
    /// Local date and time in `time_zone`; empty for none.
    registration_opens: Option<String>,
    /// Local date and time in `time_zone`; empty for none.
    registration_closes: Option<String>,
}

impl EventBody {
    fn input(self, base: EventInput) -> EventInput {
        EventInput {
            kind: self.kind.unwrap_or(base.kind),
            title: self.title.unwrap_or(base.title),
            title_lang: self.title_lang.or(base.title_lang),
            title_ar: self.title_ar.or(base.title_ar),
            title_en: self.title_en.or(base.title_en),
            title_fr: self.title_fr.or(base.title_fr),
            title_es: self.title_es.or(base.title_es),
            description: self.description.or(base.description),
            description_ar: self.description_ar.or(base.description_ar),
            description_en: self.description_en.or(base.description_en),
            description_fr: self.description_fr.or(base.description_fr),
            description_es: self.description_es.or(base.description_es),
            start: self.start.unwrap_or(base.start),
            time_zone: self.time_zone.unwrap_or(base.time_zone),
            duration: self.duration.map_or(base.duration, Number::text),
            link: self.link.or(base.link),
            country: self.country.or(base.country),
            city: self.city.or(base.city),
            languages: self.languages.unwrap_or(base.languages),
            interpretation: self.interpretation.unwrap_or(base.interpretation),
            speakers: self.speakers.unwrap_or(base.speakers),
            organisations: self.organisations.unwrap_or(base.organisations),
            groups: self.groups.unwrap_or(base.groups),
            regions: self.regions.unwrap_or(base.regions),
            visibility: self.visibility.or(base.visibility),
            capacity: self.capacity.map(Number::text).or(base.capacity),
            registration_opens: self.registration_opens.or(base.registration_opens),
            registration_closes: self.registration_closes.or(base.registration_closes),
        }
    }
}

/// Adds an event (coordinators and admins; members for their own organisation). A
/// start the clocks skip or repeat in its zone, neither a link nor a country, or a
/// registration window outside the event gives 422 naming the field.
#[utoipa::path(post, path = "/api/v1/events", tag = "events", request_body = EventBody,
    responses((status = 201, body = EventOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn create(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<EventBody>,
) -> AppResult<(StatusCode, Json<EventOut>)> {
    caller.require(may_create(&caller))?;
    let fields = body.input(EventInput::default()).validate()?;
    check_organisers(&caller, &fields.organisations)?;
    let e = events::create(&state.db, &caller.actor(), fields).await?;
    Ok((
        StatusCode::CREATED,
        Json(event_out(&state, &caller, caller.zone(), e).await?),
    ))
}

/// The `tz` parameter of one event.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ZoneParams {
    /// IANA zone to show times in; the caller's own when absent.
    tz: Option<String>,
}

/// An event (anyone for a public event; signed-in users for a network one).
#[utoipa::path(get, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path), ZoneParams),
    responses((status = 200, body = EventOut), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn get_one(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Params(q): Params<ZoneParams>,
) -> AppResult<Json<EventOut>> {
    let zone = viewer_zone(&caller, &q.tz)?;
    let e = events::get(&state.db, &caller.viewer, &event_id(&id)?).await?;
    Ok(Json(event_out(&state, &caller, zone, e).await?))
}

/// Changes an event; what is left out stays.
#[utoipa::path(patch, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path)), request_body = EventBody,
    responses((status = 200, body = EventOut), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<EventBody>,
) -> AppResult<Json<EventOut>> {
    caller.user()?;
    let id = event_id(&id)?;
    let before = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(crate::events::may_manage(&caller, &before))?;
    let fields = body.input(input_of(&before.fields)).validate()?;
    check_organisers(&caller, &fields.organisations)?;
    let e = events::update(&state.db, &caller.actor(), &id, fields).await?;
    Ok(Json(event_out(&state, &caller, caller.zone(), e).await?))
}

/// Removes an event.
#[utoipa::path(delete, path = "/api/v1/events/{id}", tag = "events", params(("id" = String, Path)),
    responses((status = 204), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    caller.user()?;
    let id = event_id(&id)?;
    let before = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(crate::events::may_manage(&caller, &before))?;
    events::delete(&state.db, &caller.actor(), &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A planned slot to check for clashes.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub(crate) struct ClashParams {
    /// Start, RFC 3339.
    start: Option<String>,
    /// End, RFC 3339.
    end: Option<String>,
    /// UN M49 regions or sub-regions of the audience, comma-separated.
    region: Option<String>,
    /// ISO 639 codes of the languages, comma-separated.
    lang: Option<String>,
    /// An event to leave out (the one being edited).
    except: Option<String>,
    /// IANA zone to show times in; the caller's own when absent.
    tz: Option<String>,
}

/// An event that clashes with the slot.
#[derive(Serialize, ToSchema)]
pub(crate) struct ClashOut {
    event: EventOut,
    /// The slot's regions that meet the event's audience.
    shared_regions: Vec<String>,
    /// Languages both use (spoken or interpreted).
    shared_languages: Vec<String>,
}

/// Events within 30 minutes of the slot `[start, end)` that share an audience region
/// (or one inside another) or a language with it (signed-in users; every event they
/// may see).
#[utoipa::path(get, path = "/api/v1/events/clashes", tag = "events", params(ClashParams),
    responses((status = 200, body = Vec<ClashOut>), (status = 401, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn clashes(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<ClashParams>,
) -> AppResult<Json<Vec<ClashOut>>> {
    caller.user()?;
    let zone = viewer_zone(&caller, &q.tz)?;
    let instant = |field: &'static str, raw: &Option<String>| {
        let text = raw.as_deref().map(str::trim).unwrap_or_default();
        if text.is_empty() {
            return Err(Invalid::new(field, Problem::Required));
        }
        chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|_| Invalid::new(field, Problem::DateTime))
    };
    let start = instant("start", &q.start)?;
    let end = instant("end", &q.end)?;
    if end <= start {
        return Err(Invalid::new("end", Problem::DatesOutOfOrder).into());
    }
    let split = |raw: &Option<String>| -> Vec<String> {
        raw.as_deref()
            .unwrap_or_default()
            .split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let audience = tadamun_core::events::clash::Audience {
        regions: tadamun_core::groups::parse_regions("region", &split(&q.region))?,
        languages: tadamun_core::languages::parse_list("lang", &split(&q.lang))?,
    };
    let except = match q.except.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => None,
        Some(id) => Some(
            tadamun_core::ids::EventId::parse(id)
                .map_err(|_| Invalid::new("except", Problem::UnknownValue))?,
        ),
    };
    let found = events::clashes(
        &state.db,
        &caller.viewer,
        start,
        end,
        &audience,
        except.as_ref(),
    )
    .await?;
    let mut out = Vec::with_capacity(found.len());
    for (e, shared) in found {
        out.push(ClashOut {
            event: event_out(&state, &caller, zone, e).await?,
            shared_regions: shared.regions,
            shared_languages: shared
                .languages
                .iter()
                .map(|l| l.as_str().to_owned())
                .collect(),
        });
    }
    Ok(Json(out))
}

/// Calls an event off: it stays listed, marked cancelled (calendars show it so), and
/// takes no more registrations.
#[utoipa::path(post, path = "/api/v1/events/{id}/cancel", tag = "events", params(("id" = String, Path)),
    responses((status = 200, body = EventOut), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn cancel_event(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Json<EventOut>> {
    caller.user()?;
    let id = event_id(&id)?;
    let before = events::get(&state.db, &caller.viewer, &id).await?;
    caller.require(crate::events::may_manage(&caller, &before))?;
    let e = events::cancel(&state.db, &caller.actor(), &id).await?;
    Ok(Json(event_out(&state, &caller, caller.zone(), e).await?))
}

/// The events as an iCalendar (RFC 5545) feed, times in UTC: public events, or with
/// `token` (a personal feed secret) every event its owner may see; filtered like
/// the list. The same as `/calendar.ics`.
#[utoipa::path(get, path = "/api/v1/calendar.ics", tag = "events", params(crate::events::calendar::FeedQuery),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
async fn feed(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    Params(q): Params<crate::events::calendar::FeedQuery>,
) -> AppResult<axum::response::Response> {
    crate::events::calendar::feed_of(&state, &caller, &headers, q).await
}
