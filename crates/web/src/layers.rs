//! The HTTP layers: the caller layer (who is asking, and rendering errors in their
//! language), and the layers around everything (security headers, request ids,
//! compression, limits, timeouts, CSRF, panics).

use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Redirect, Response};
use tadamun_store::versions;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::csrf::CsrfLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

use crate::caller::{Caller, LANG_COOKIE, set_cookie};
use crate::error::ErrorInfo;
use crate::shell::ErrorPage;
use crate::state::{AppState, Settings};

/// Largest request body accepted, in bytes.
pub(crate) const BODY_LIMIT: usize = 2 * 1024 * 1024;

/// The largest body of an import (a CSV file of some 100,000 organisations). Every
/// other route reads its body through axum's extractors, which keep to `BODY_LIMIT`.
pub(crate) const IMPORT_LIMIT: usize = 64 * 1024 * 1024;

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
                   font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
                   base-uri 'none'";

/// Resolves the caller of every request under `router` and renders its errors.
pub(crate) fn with_caller(router: Router<AppState>, state: AppState) -> Router<AppState> {
    router.layer(middleware::from_fn_with_state(state, caller_layer))
}

async fn caller_layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    let (caller, versions) = match Caller::resolve(&state, &parts).await {
        Ok(found) => found,
        Err(e) => {
            let lang = tadamun_core::i18n::Lang::En;
            return render_error(&e.info(), lang, parts.uri.path(), None);
        }
    };
    parts.extensions.insert(caller.clone());
    let path = parts.uri.path().to_owned();
    let query_lang = parts
        .uri
        .query()
        .and_then(|q| crate::caller::query_param(q, "lang"))
        .and_then(|l| tadamun_core::i18n::Lang::parse(&l).ok());
    // The versions read with the caller serve the request's kept results.
    let mut response = versions::within(versions, next.run(Request::from_parts(parts, body))).await;
    if let Some(info) = response.extensions_mut().remove::<ErrorInfo>() {
        let mut rendered = render_error(&info, caller.lang, &path, Some(&caller));
        if let Some(retry) = response.headers().get(header::RETRY_AFTER).cloned() {
            rendered.headers_mut().insert(header::RETRY_AFTER, retry);
        }
        response = rendered;
    }
    if let Some(lang) = query_lang {
        set_cookie(
            &mut response,
            LANG_COOKIE,
            lang.code(),
            365 * 24 * 3600,
            state.settings.secure_cookies(),
        );
    }
    response
}

fn render_error(
    info: &ErrorInfo,
    lang: tadamun_core::i18n::Lang,
    path: &str,
    caller: Option<&Caller>,
) -> Response {
    if path.starts_with("/api/") {
        let mut body = serde_json::json!({
            "error": { "code": info.code, "message": info.message(lang), "field": info.field }
        });
        if let Some(id) = &info.existing_id {
            body["error"]["existing_id"] = serde_json::Value::String(id.clone());
        }
        return (info.status, axum::Json(body)).into_response();
    }
    if info.status == StatusCode::UNAUTHORIZED
        && let Some(caller) = caller
    {
        let next = urlencode(&caller.path);
        return Redirect::to(&format!("/login?next={next}")).into_response();
    }
    match caller {
        Some(caller) => (
            info.status,
            ErrorPage::new(caller, info.status, info.message(lang)),
        )
            .into_response(),
        None => (info.status, info.message(lang)).into_response(),
    }
}

/// Percent-encodes a path for a query parameter.
pub(crate) fn urlencode(raw: &str) -> String {
    raw.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The layers around every route.
pub(crate) fn around(router: Router<AppState>, settings: &Settings) -> Router<AppState> {
    let request_id = HeaderName::from_static("x-request-id");
    let mut csrf = CsrfLayer::new();
    if let Some(origin) = settings.public_url.as_deref() {
        match csrf
            .clone()
            .add_trusted_origin(origin.trim_end_matches('/'))
        {
            Ok(with_origin) => csrf = with_origin,
            Err(e) => tracing::warn!(
                ?e,
                "public URL is not a valid origin; CSRF checks use the Host header"
            ),
        }
    }
    let header = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    router
        .layer(csrf)
        .layer(axum::extract::DefaultBodyLimit::max(BODY_LIMIT))
        .layer(RequestBodyLimitLayer::new(IMPORT_LIMIT))
        .layer(TimeoutLayer::with_status_code(StatusCode::SERVICE_UNAVAILABLE, Duration::from_secs(30)))
        .layer(CompressionLayer::new())
        .layer(header("content-security-policy", CSP))
        .layer(header("x-content-type-options", "nosniff"))
        .layer(header("referrer-policy", "same-origin"))
        .layer(header("x-frame-options", "DENY"))
        .layer(header("permissions-policy", "camera=(), microphone=(), geolocation=()"))
        .layer(CatchPanicLayer::custom(|_| {
            Response::builder()
                .status(StatusCode::INTERNAL_SERVER_ERROR)
                .body(Body::from("internal error"))
                .unwrap_or_default()
        }))
        .layer(PropagateRequestIdLayer::new(request_id.clone()))
        .layer(TraceLayer::new_for_http().make_span_with(|request: &Request| {
            let id = request.headers().get("x-request-id").and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", method = %request.method(), path = %request.uri().path(), request_id = %id)
        }))
        .layer(SetRequestIdLayer::new(request_id, MakeRequestUuid))
}
