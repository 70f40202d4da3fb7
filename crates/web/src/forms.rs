//! Reading request bodies: form posts for pages and JSON for the API, with a bad
//! body turned into a clear error instead of axum's plain-text rejection.

use axum::extract::{FromRequest, Request};
use serde::de::DeserializeOwned;
use tadamun_core::Invalid;
use tadamun_core::i18n::Lang;
use tadamun_store::StoreError;

use crate::error::{AppError, AppResult};
use crate::i18n;

/// A url-encoded form body. Repeated keys (checkboxes of one name) fill a `Vec`.
pub struct PageForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for PageForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let body = FormBody::from_request(req, state).await?;
        body.parse().map(PageForm)
    }
}

/// The raw bytes of a url-encoded form body, for handlers that read it as two types
/// (the record's fields and a confirmation flag).
pub struct FormBody(axum::body::Bytes);

impl FormBody {
    /// The body read as `T`.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, AppError> {
        serde_html_form::from_bytes(&self.0)
            .map_err(|e| AppError::Malformed(format!("Failed to deserialize form body: {e}")))
    }
}

impl<S: Send + Sync> FromRequest<S> for FormBody {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = req
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
        if !is_form {
            return Err(AppError::Malformed(
                "Expected request with `Content-Type: application/x-www-form-urlencoded`".into(),
            ));
        }
        axum::body::Bytes::from_request(req, state)
            .await
            .map(FormBody)
            .map_err(rejected)
    }
}

/// A JSON body.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        axum::Json::<T>::from_request(req, state)
            .await
            .map(|axum::Json(v)| ApiJson(v))
            .map_err(|e| {
                if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                    too_large()
                } else {
                    AppError::Malformed(e.body_text())
                }
            })
    }
}

/// The error of a body over the limit of ordinary routes.
pub(crate) fn too_large() -> AppError {
    AppError::TooLarge {
        max_mib: i64::try_from(crate::layers::BODY_LIMIT / (1024 * 1024)).unwrap_or(i64::MAX),
    }
}

fn rejected(e: axum::extract::rejection::BytesRejection) -> AppError {
    if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        AppError::Malformed(e.body_text())
    }
}

/// A validation failure to show beside a form, in the page's language.
#[derive(Debug, Clone, Default)]
pub struct FormError {
    /// The field at fault.
    pub field: String,
    /// The message, naming the field.
    pub message: String,
}

impl FormError {
    /// The message for `invalid` in `lang`.
    pub fn new(lang: Lang, invalid: &Invalid) -> Self {
        Self {
            field: invalid.field.to_owned(),
            message: format!(
                "{}: {}",
                i18n::field(lang, invalid.field),
                i18n::problem(lang, invalid.problem)
            ),
        }
    }

    /// Whether `field` is the one at fault (for `aria-invalid`).
    pub fn is(&self, field: &str) -> bool {
        self.field == field
    }
}

/// Writes a form's fields once they are valid. A refusal, by the core's rules
/// (`validated`) or by the store (an unknown linked record …), comes back as
/// `Ok(Err(invalid))` so the handler shows the form again with what was typed; any
/// other failure is an error.
pub(crate) async fn submit<F, T>(
    validated: Result<F, Invalid>,
    write: impl AsyncFnOnce(F) -> Result<T, StoreError>,
) -> AppResult<Result<T, Invalid>> {
    let fields = match validated {
        Ok(fields) => fields,
        Err(invalid) => return Ok(Err(invalid)),
    };
    match write(fields).await {
        Ok(saved) => Ok(Ok(saved)),
        Err(StoreError::Invalid(invalid)) => Ok(Err(invalid)),
        Err(e) => Err(e.into()),
    }
}

/// Query-string parameters, with a bad value (a limit that is not a number …)
/// turned into a clear error.
pub struct Params<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> axum::extract::FromRequestParts<S> for Params<T> {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(v)| Params(v))
            .map_err(|e| AppError::Malformed(e.body_text()))
    }
}

/// A query parameter's value, trimmed, or `None` when absent or blank.
pub(crate) fn present(value: &Option<String>) -> Option<String> {
    value
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A `region` parameter: the UN M49 code of a region or sub-region, if given.
pub(crate) fn parse_region(
    value: &Option<String>,
) -> Result<Option<&'static tadamun_core::geo::Region>, Invalid> {
    present(value)
        .map(|m49| {
            tadamun_core::geo::region(&m49)
                .ok_or(Invalid::new("region", tadamun_core::Problem::UnknownValue))
        })
        .transpose()
}

/// The given parameters as a query string (`a=1&b=2`), leaving out empty ones.
pub(crate) fn query_string(params: &[(&str, &Option<String>)]) -> String {
    params
        .iter()
        .filter_map(|(k, v)| {
            v.as_deref()
                .filter(|v| !v.is_empty())
                .map(|v| format!("{k}={}", crate::layers::urlencode(v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// One option of a `<select>`, with whether it is the current value.
#[derive(Debug, Clone)]
pub struct Choice {
    /// The submitted value.
    pub value: String,
    /// What the user reads.
    pub label: String,
    /// Whether it is selected.
    pub selected: bool,
}

impl Choice {
    /// Options from `(value, label)` pairs, selecting the one equal to `current`.
    pub fn list<'a>(
        pairs: impl IntoIterator<Item = (&'a str, String)>,
        current: &str,
    ) -> Vec<Choice> {
        pairs
            .into_iter()
            .map(|(value, label)| Choice {
                selected: value == current,
                value: value.to_owned(),
                label,
            })
            .collect()
    }
}
