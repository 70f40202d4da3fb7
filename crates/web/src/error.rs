//! The web layer's error. A handler returns it; the caller layer (see `layers`)
//! renders it in the caller's language, as JSON under `/api/` and as a page elsewhere.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use tadamun_core::Invalid;
use tadamun_core::i18n::Lang;
use tadamun_store::StoreError;

use crate::i18n;

/// Why a request failed.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist or the caller may not see it.
    #[error("not found")]
    NotFound,
    /// The caller must sign in (or send a valid token).
    #[error("not signed in")]
    Unauthorized,
    /// The caller is signed in but their role does not allow this.
    #[error("forbidden")]
    Forbidden,
    /// A value failed validation.
    #[error("invalid: {0}")]
    Invalid(#[from] Invalid),
    /// The request body or query could not be read at all.
    #[error("malformed request: {0}")]
    Malformed(String),
    /// A record like this one already exists; send again with `force` to create it.
    #[error("duplicate of {existing_id}")]
    Duplicate {
        /// The id of the existing record.
        existing_id: String,
    },
    /// Someone else changed the record at the same moment.
    #[error("conflict")]
    Conflict,
    /// Too many failed sign-ins; try again later.
    #[error("too many attempts")]
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: i64,
    },
    /// The request body is larger than this route accepts.
    #[error("body too large")]
    TooLarge {
        /// The limit, in MiB.
        max_mib: i64,
    },
    /// An import file could not be read at all (as opposed to bad rows, which are
    /// reported one by one).
    #[error("unreadable import: {0}")]
    Import(#[from] tadamun_core::directory::import::ImportError),
    /// Anything else: logged, never shown in detail.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Invalid(invalid) => AppError::Invalid(invalid),
            StoreError::Conflict => AppError::Conflict,
            StoreError::Taken { field } => {
                AppError::Invalid(Invalid::new(field, tadamun_core::Problem::Taken))
            }
            other => AppError::Internal(other.to_string()),
        }
    }
}

/// What the caller layer needs to render an error.
#[derive(Debug, Clone)]
pub(crate) struct ErrorInfo {
    pub status: StatusCode,
    pub code: &'static str,
    pub field: Option<&'static str>,
    /// For duplicates: the record that already exists.
    pub existing_id: Option<String>,
    message: Message,
}

#[derive(Debug, Clone)]
enum Message {
    Key(&'static str),
    KeyArgs(&'static str, Vec<(&'static str, i18n::Arg)>),
    Problem(tadamun_core::Problem),
    Malformed(String),
    Wait(i64),
}

impl ErrorInfo {
    /// The human message in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        match &self.message {
            Message::Key(key) => i18n::t(lang, key),
            Message::KeyArgs(key, args) => {
                // A column name argument is a field: name it in the reader's language.
                let args: Vec<(&'static str, i18n::Arg)> = args
                    .iter()
                    .map(|(k, v)| match v {
                        i18n::Arg::Text(f) if *k == "column" => {
                            (*k, i18n::Arg::Text(i18n::field(lang, f)))
                        }
                        other => (*k, other.clone()),
                    })
                    .collect();
                i18n::t_args(lang, key, &args)
            }
            Message::Problem(p) => {
                let field = self.field.map(|f| i18n::field(lang, f)).unwrap_or_default();
                format!("{field}: {}", i18n::problem(lang, *p))
            }
            Message::Malformed(detail) => {
                format!("{} ({detail})", i18n::t(lang, "error-malformed"))
            }
            Message::Wait(secs) => i18n::t_args(
                lang,
                "error-too-many-attempts",
                &[("seconds", i18n::Arg::Num(*secs))],
            ),
        }
    }
}

impl AppError {
    pub(crate) fn info(&self) -> ErrorInfo {
        let simple = |status, code, key| ErrorInfo {
            status,
            code,
            field: None,
            existing_id: None,
            message: Message::Key(key),
        };
        match self {
            AppError::NotFound => simple(StatusCode::NOT_FOUND, "not_found", "error-not-found"),
            AppError::Unauthorized => simple(
                StatusCode::UNAUTHORIZED,
                "unauthorized",
                "error-unauthorized",
            ),
            AppError::Forbidden => simple(StatusCode::FORBIDDEN, "forbidden", "error-forbidden"),
            AppError::Internal(_) => simple(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "error-internal",
            ),
            AppError::Conflict => simple(StatusCode::CONFLICT, "conflict", "error-conflict"),
            AppError::Duplicate { existing_id } => ErrorInfo {
                existing_id: Some(existing_id.clone()),
                ..simple(StatusCode::CONFLICT, "duplicate", "error-duplicate")
            },
            AppError::Invalid(invalid) => ErrorInfo {
                status: if invalid.problem == tadamun_core::Problem::Taken {
                    StatusCode::CONFLICT
                } else {
                    StatusCode::UNPROCESSABLE_ENTITY
                },
                code: invalid.problem.code(),
                field: Some(invalid.field),
                existing_id: None,
                message: Message::Problem(invalid.problem),
            },
            AppError::Malformed(detail) => ErrorInfo {
                status: StatusCode::BAD_REQUEST,
                code: "malformed",
                field: None,
                existing_id: None,
                message: Message::Malformed(detail.clone()),
            },
            AppError::TooLarge { max_mib } => ErrorInfo {
                status: StatusCode::PAYLOAD_TOO_LARGE,
                code: "too_large",
                field: None,
                existing_id: None,
                message: Message::KeyArgs(
                    "error-too-large",
                    vec![("max", i18n::Arg::Num(*max_mib))],
                ),
            },
            AppError::Import(e) => {
                use tadamun_core::directory::import::ImportError;
                let (key, args) = match e {
                    ImportError::Empty => ("error-import-empty", vec![]),
                    ImportError::Encoding => ("error-import-encoding", vec![]),
                    ImportError::MissingColumn(column) => (
                        "error-import-missing-column",
                        vec![("column", i18n::Arg::Text((*column).to_owned()))],
                    ),
                    ImportError::Csv { line } => (
                        "error-import-csv",
                        vec![(
                            "line",
                            i18n::Arg::Num(i64::try_from(*line).unwrap_or(i64::MAX)),
                        )],
                    ),
                };
                ErrorInfo {
                    status: StatusCode::UNPROCESSABLE_ENTITY,
                    code: e.code(),
                    field: Some("file"),
                    existing_id: None,
                    message: Message::KeyArgs(key, args),
                }
            }
            AppError::TooManyAttempts { retry_after } => ErrorInfo {
                status: StatusCode::TOO_MANY_REQUESTS,
                code: "too_many_attempts",
                field: None,
                existing_id: None,
                message: Message::Wait(*retry_after),
            },
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        if let AppError::Internal(detail) = &self {
            tracing::error!(%detail, "request failed");
        }
        let info = self.info();
        let mut response = info.status.into_response();
        if let AppError::TooManyAttempts { retry_after } = self
            && let Ok(v) = retry_after.to_string().parse()
        {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, v);
        }
        response.extensions_mut().insert(info);
        response
    }
}

/// A handler's result.
pub type AppResult<T> = Result<T, AppError>;
