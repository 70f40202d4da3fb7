//! `/api/v1/slots`: the slot finder.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::ErrorBody;
use crate::caller::Caller;
use crate::coordination::slots::{SlotQuery, search};
use crate::error::AppResult;
use crate::forms::Params;
use crate::state::AppState;

pub(super) fn routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(find_slots))
}

/// A proposed start.
#[derive(Serialize, ToSchema)]
pub(crate) struct SlotOut {
    /// RFC 3339, UTC (`2026-12-01T10:00:00Z`).
    start: String,
    /// RFC 3339, UTC.
    end: String,
    /// The weighted share of the audience within waking hours for the whole
    /// meeting, 0–1.
    score: f64,
    /// Each target country's local start, `HH:MM`, or `HH:MM–HH:MM` where its time
    /// zones differ.
    local: BTreeMap<String, String>,
    /// Each target country's share of time zones within waking hours, 0–1.
    awake: BTreeMap<String, f64>,
}

/// A target country as counted.
#[derive(Serialize, ToSchema)]
pub(crate) struct AudienceOut {
    /// ISO 3166-1 alpha-2.
    country: String,
    /// How many organisations it stands for (members and partners the caller may
    /// see; at least 1 for a country named on its own).
    weight: i64,
    /// Its IANA time zones.
    zones: Vec<String>,
}

/// The best start times.
#[derive(Serialize, ToSchema)]
pub(crate) struct SlotsOut {
    /// Best first.
    slots: Vec<SlotOut>,
    /// The countries counted and their weights.
    audience: Vec<AudienceOut>,
}

fn utc(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The start times at which most of the target audience is within local waking
/// hours: every half hour of the range is scored by the share of the target
/// organisations (weighted by country, each country's time zones counting equally)
/// for whom the whole meeting falls between `wake_from` and `wake_to`. Ties go to
/// the start farthest from the edges of waking hours, then to the earliest.
#[utoipa::path(get, path = "/api/v1/slots", tag = "coordination", params(SlotQuery),
    responses((status = 200, body = SlotsOut), (status = 401, body = ErrorBody),
        (status = 422, body = ErrorBody)))]
async fn find_slots(
    State(state): State<AppState>,
    caller: Caller,
    Params(q): Params<SlotQuery>,
) -> AppResult<Json<SlotsOut>> {
    caller.user()?;
    let found = search(&state.db, &caller, &q).await??;
    let slots = found
        .found(&state)
        .await?
        .slots
        .iter()
        .map(|s| SlotOut {
            start: utc(s.start),
            end: utc(s.end),
            score: round(s.score),
            local: s
                .places
                .iter()
                .map(|p| (p.code.to_owned(), p.text()))
                .collect(),
            awake: s
                .places
                .iter()
                .map(|p| (p.code.to_owned(), round(p.awake)))
                .collect(),
        })
        .collect();
    let audience = found
        .targets
        .iter()
        .map(|t| AudienceOut {
            country: t.country.code.to_owned(),
            weight: t.weight,
            zones: t.zones.iter().map(|z| z.name().to_owned()).collect(),
        })
        .collect();
    Ok(Json(SlotsOut { slots, audience }))
}
