//! Importing organisations from CSV: the upload page with its preview, and the report
//! the page and `POST /api/v1/imports/organisations` share.
//!
//! An upload is kept in the database between the preview and the commit, so the
//! person importing never uploads twice and any app server can commit it.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{DefaultBodyLimit, Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::Serialize;
use tadamun_core::audit::Actor;
use tadamun_core::directory::import::{self, Parsed, ValidRow};
use tadamun_core::i18n::Lang;
use tadamun_core::ids::ImportId;
use tadamun_store::Db;
use tadamun_store::directory::{focus, import as store};

use crate::caller::Caller;
use crate::error::{AppError, AppResult};
use crate::layers::IMPORT_LIMIT;
use crate::shell::Shell;
use crate::state::AppState;
use crate::{forms, i18n};

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/organisations/import",
            get(upload_form)
                .post(preview)
                .layer(DefaultBodyLimit::max(IMPORT_LIMIT)),
        )
        .route("/organisations/import/{id}", post(commit))
}

/// What an import found, and (for a commit) what it created.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// Rows that are valid and new: what a commit creates.
    pub valid: i64,
    /// Organisations created (0 for a dry run).
    pub created: i64,
    /// Rows that were not valid, each with its first problem.
    pub errors: Vec<RowErrorOut>,
    /// Rows left out because the organisation exists (`existing_id`) or an earlier
    /// row of the file has the same name and country (`first_line`).
    pub duplicates: Vec<DuplicateOut>,
    /// Header names of columns that were not read.
    pub ignored_columns: Vec<String>,
    /// `utf-8`, `utf-16le`, `utf-16be` or `windows-1252`.
    pub encoding: String,
    /// `,`, `;` or a tab.
    pub delimiter: String,
}

/// A row that was not imported because of a bad value.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RowErrorOut {
    /// The line of the file where the row starts (the header is line 1).
    pub line: u64,
    /// The column at fault.
    pub field: String,
    /// What is wrong, in the caller's language.
    pub message: String,
    /// Stable code of the problem (`required`, `invalid_country` …).
    pub code: String,
}

/// A row that was not imported because it is already there.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct DuplicateOut {
    /// The line of the file where the row starts.
    pub line: u64,
    /// The organisation that already exists, if it is in the database.
    pub existing_id: Option<String>,
    /// The earlier line of the same file, if it repeats one.
    pub first_line: Option<u64>,
}

/// How an import ends.
#[derive(Debug, Clone, Copy)]
pub enum Mode<'a> {
    /// Check only; save nothing.
    DryRun,
    /// Create every valid, new organisation in one transaction, marking the upload
    /// (if any) imported in the same transaction.
    Commit(Option<&'a ImportId>),
}

/// Reads `bytes` as `actor`, with messages in `lang`, reporting reading progress to
/// `progress`. Returns the report and the rows that were (or would be) created.
pub async fn run(
    db: &Db,
    actor: &Actor,
    lang: Lang,
    bytes: &[u8],
    mode: Mode<'_>,
    progress: impl FnMut(import::Progress),
) -> AppResult<(Report, Vec<ValidRow>)> {
    let known = focus::list(db).await?;
    let parsed = import::parse_with_progress(bytes, &known, progress)?;
    let existing = store::existing(db, &parsed.rows).await?;
    let Parsed {
        rows,
        errors,
        duplicates_in_file,
        ignored_columns,
        delimiter,
        encoding,
    } = parsed;
    let mut duplicates: Vec<DuplicateOut> = Vec::new();
    let mut fresh = Vec::with_capacity(rows.len());
    for row in rows {
        match existing.get(&row.duplicate_key()) {
            Some(id) => duplicates.push(DuplicateOut {
                line: row.line,
                existing_id: Some(id.to_string()),
                first_line: None,
            }),
            None => fresh.push(row),
        }
    }
    duplicates.extend(duplicates_in_file.iter().map(|d| DuplicateOut {
        line: d.line,
        existing_id: None,
        first_line: Some(d.first_line),
    }));
    duplicates.sort_by_key(|d| d.line);
    let created = match mode {
        Mode::Commit(upload) => store::commit(db, actor, upload, &fresh).await?.len(),
        Mode::DryRun => 0,
    };
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let report = Report {
        valid: count(fresh.len()),
        created: count(created),
        errors: errors
            .iter()
            .map(|e| RowErrorOut {
                line: e.line,
                field: e.invalid.field.to_owned(),
                message: forms::FormError::new(lang, &e.invalid).message,
                code: e.invalid.problem.code().to_owned(),
            })
            .collect(),
        duplicates,
        ignored_columns,
        encoding: encoding.as_str().to_owned(),
        delimiter: match delimiter {
            '\t' => "tab".to_owned(),
            d => d.to_string(),
        },
    };
    Ok((report, fresh))
}

#[derive(Template, WebTemplate)]
#[template(path = "directory/import.html")]
struct ImportPage {
    shell: Shell,
    /// The upload being previewed, with its file name.
    upload: Option<(String, String)>,
    report: Option<Report>,
    /// The first rows to be created: name, country, kind, stage.
    sample: Vec<[String; 4]>,
    /// Set once the organisations are created.
    done: bool,
    error: Option<String>,
}

fn sample(lang: Lang, rows: &[ValidRow]) -> Vec<[String; 4]> {
    rows.iter()
        .take(10)
        .map(|r| {
            [
                r.fields.name.clone(),
                super::country_name(lang, &r.fields.country),
                i18n::t(lang, &format!("kind-{}", r.fields.kind.as_str())),
                i18n::t(lang, &format!("stage-{}", r.stage.as_str())),
            ]
        })
        .collect()
}

fn empty_page(caller: &Caller) -> ImportPage {
    ImportPage {
        shell: Shell::new(caller, "directory"),
        upload: None,
        report: None,
        sample: Vec::new(),
        done: false,
        error: None,
    }
}

async fn upload_form(caller: Caller) -> AppResult<ImportPage> {
    caller.require(caller.viewer.can_write_network())?;
    Ok(empty_page(&caller))
}

/// The page again with `error` at the top, nothing stored.
fn refused(caller: &Caller, error: &AppError) -> Response {
    let mut page = empty_page(caller);
    let info = error.info();
    page.error = Some(info.message(caller.lang));
    (info.status, page).into_response()
}

async fn preview(
    State(state): State<AppState>,
    caller: Caller,
    mut multipart: Multipart,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let user = caller.user()?.id.clone();
    let mut file: Option<(String, Vec<u8>)> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                let max_mib = i64::try_from(IMPORT_LIMIT / (1024 * 1024)).unwrap_or(i64::MAX);
                return Ok(refused(&caller, &AppError::TooLarge { max_mib }));
            }
            Err(e) => return Ok(refused(&caller, &AppError::Malformed(e.body_text()))),
        };
        if field.name() == Some("file") {
            let name = field.file_name().unwrap_or("import.csv").to_owned();
            match field.bytes().await {
                Ok(bytes) => file = Some((name, bytes.to_vec())),
                Err(e) => return Ok(refused(&caller, &AppError::Malformed(e.body_text()))),
            }
        }
    }
    let Some((filename, bytes)) = file.filter(|(_, b)| !b.is_empty()) else {
        return Ok(refused(
            &caller,
            &AppError::Import(import::ImportError::Empty),
        ));
    };
    // Keep the decoded text: the commit reads it again without a second upload.
    let text = match import::decode(&bytes) {
        Ok((text, _)) => text,
        Err(e) => return Ok(refused(&caller, &e.into())),
    };
    let (report, rows) = match run(
        &state.db,
        &caller.actor(),
        caller.lang,
        &bytes,
        Mode::DryRun,
        |_| {},
    )
    .await
    {
        Ok(found) => found,
        Err(e @ AppError::Import(_)) => return Ok(refused(&caller, &e)),
        Err(e) => return Err(e),
    };
    let id = store::save_upload(&state.db, &user, &filename, &text).await?;
    let mut page = empty_page(&caller);
    page.sample = sample(caller.lang, &rows);
    page.upload = Some((id.to_string(), filename));
    page.report = Some(report);
    Ok(page.into_response())
}

async fn commit(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<Response> {
    caller.require(caller.viewer.can_write_network())?;
    let user = caller.user()?.id.clone();
    let id = ImportId::parse(&id).map_err(|_| AppError::NotFound)?;
    let upload = store::upload(&state.db, &user, &id).await?;
    if upload.committed {
        return Err(AppError::Conflict);
    }
    let mode = Mode::Commit(Some(&id));
    let (report, rows) = run(
        &state.db,
        &caller.actor(),
        caller.lang,
        upload.content.as_bytes(),
        mode,
        |_| {},
    )
    .await?;
    let mut page = empty_page(&caller);
    page.sample = sample(caller.lang, &rows);
    page.upload = Some((id.to_string(), upload.filename));
    page.report = Some(report);
    page.done = true;
    Ok(page.into_response())
}
