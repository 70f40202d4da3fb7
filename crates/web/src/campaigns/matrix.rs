//! The translation matrix of a campaign (content × language, each cell's state,
//! missing and late ones marked) and "my translations": what the signed-in
//! translator has to do, soonest due first. A campaign's matrix is kept while the
//! campaigns' and the translations' versions stand.

use askama::Template;
use askama_web::WebTemplate;
use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use std::sync::Arc;

use chrono::NaiveDate;
use tadamun_core::campaigns::Campaign;
use tadamun_core::campaigns::content::is_late;
use tadamun_core::campaigns::matrix::{Cell, Matrix};
use tadamun_core::ids::CampaignId;
use tadamun_store::campaigns::{self as store, content};
use tadamun_store::versions::{self, Area};

use super::{campaign_id, content_kind_label, state_label, today};
use crate::caller::Caller;
use crate::directory::language_name;
use crate::error::AppResult;
use crate::shell::Shell;
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/campaigns/{id}/matrix", get(matrix))
        .route("/translations/mine", get(mine))
}

/// A campaign with its matrix.
pub(crate) struct CampaignMatrix {
    pub(crate) campaign: Campaign,
    pub(crate) matrix: Matrix,
}

/// Everything a campaign's matrix is made from besides its translations: the
/// campaign, its content items (both under the campaigns' version, read first) and
/// the day that lateness is counted on.
#[derive(Clone, PartialEq, Eq, Hash)]
pub(crate) struct MatrixKey {
    campaign: CampaignId,
    today: NaiveDate,
    campaigns_version: i64,
}

/// A campaign's matrix, kept while the translations' and the campaigns' versions
/// stand: hundreds of translations of a hundred items, read by every translator
/// checking what is left to do.
pub(crate) async fn campaign_matrix(
    state: &AppState,
    caller: &Caller,
    id: &CampaignId,
) -> AppResult<Arc<CampaignMatrix>> {
    let key = MatrixKey {
        campaign: id.clone(),
        today: today(caller),
        campaigns_version: versions::of(&state.db, Area::Campaigns).await?,
    };
    state
        .matrices
        .get_or_read(&state.db, Area::Translations, &key, async || {
            let campaign = store::get(&state.db, &key.campaign).await?;
            let items = content::with_translations(&state.db, &campaign).await?;
            Ok(CampaignMatrix {
                matrix: Matrix::new(&campaign.fields.languages, items, key.today),
                campaign,
            })
        })
        .await
}

/// A cell as the table shows it.
struct CellView {
    /// `source`, `none`, or the translation's state.
    class: String,
    label: String,
    late: bool,
    outdated: bool,
    lang: String,
}

struct RowView {
    id: String,
    title: String,
    source_lang: String,
    kind: String,
    cells: Vec<CellView>,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/matrix.html")]
struct MatrixPage {
    shell: Shell,
    id: String,
    name: String,
    languages: Vec<(String, String)>,
    rows: Vec<RowView>,
    missing: i64,
    late: i64,
    outdated: i64,
}

async fn matrix(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<MatrixPage> {
    caller.user()?;
    let lang = caller.lang;
    let kept = campaign_matrix(&state, &caller, &campaign_id(&id)?).await?;
    let (c, m) = (&kept.campaign, &kept.matrix);
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    Ok(MatrixPage {
        shell: Shell::new(&caller, "campaigns"),
        id: c.id.to_string(),
        name: c.fields.name_in(lang).to_owned(),
        languages: m
            .languages
            .iter()
            .map(|l| (l.as_str().to_owned(), language_name(lang, l)))
            .collect(),
        missing: count(m.missing),
        late: count(m.late),
        outdated: count(m.outdated),
        rows: m
            .rows
            .iter()
            .map(|r| RowView {
                id: r.item.id.to_string(),
                title: r.item.fields.title.clone(),
                source_lang: r.item.fields.source_lang.as_str().to_owned(),
                kind: content_kind_label(lang, r.item.fields.kind),
                cells: r
                    .cells
                    .iter()
                    .zip(&m.languages)
                    .map(|(cell, l)| match cell {
                        Cell::Source => CellView {
                            class: "source".into(),
                            label: crate::i18n::t(lang, "content-source"),
                            late: false,
                            outdated: false,
                            lang: l.as_str().to_owned(),
                        },
                        Cell::NotNeeded => CellView {
                            class: "none".into(),
                            label: "—".into(),
                            late: false,
                            outdated: false,
                            lang: l.as_str().to_owned(),
                        },
                        Cell::Translation {
                            state,
                            late,
                            outdated,
                        } => CellView {
                            class: state.as_str().to_owned(),
                            label: state_label(lang, *state),
                            late: *late,
                            outdated: *outdated,
                            lang: l.as_str().to_owned(),
                        },
                    })
                    .collect(),
            })
            .collect(),
    })
}

struct MineRow {
    item: String,
    title: String,
    source_lang: String,
    campaign: String,
    campaign_name: String,
    lang: String,
    lang_name: String,
    state: String,
    state_label: String,
    due: String,
    late: bool,
    outdated: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "campaigns/mine.html")]
struct MinePage {
    shell: Shell,
    rows: Vec<MineRow>,
}

async fn mine(State(state): State<AppState>, caller: Caller) -> AppResult<MinePage> {
    let user = caller.user()?;
    let lang = caller.lang;
    let today = today(&caller);
    let mut rows = Vec::new();
    for (it, t) in content::assigned_to(&state.db, &user.id).await? {
        let c = store::get(&state.db, &it.campaign).await?;
        rows.push(MineRow {
            item: it.id.to_string(),
            title: it.fields.title.clone(),
            source_lang: it.fields.source_lang.as_str().to_owned(),
            campaign: c.id.to_string(),
            campaign_name: c.fields.name_in(lang).to_owned(),
            lang: t.lang.as_str().to_owned(),
            lang_name: language_name(lang, &t.lang),
            state: t.state.as_str().to_owned(),
            state_label: state_label(lang, t.state),
            due: t.fields.due.map(|d| d.to_string()).unwrap_or_default(),
            late: is_late(t.state, t.fields.due, today),
            outdated: t.outdated,
        });
    }
    Ok(MinePage {
        shell: Shell::new(&caller, "campaigns"),
        rows,
    })
}
