//! The picker forms use to choose organisations, people, owners or accounts from a
//! directory that may hold tens of thousands of them: the form lists only the chosen records,
//! plus a search field whose "Find" button posts the whole form back. The page is
//! shown again with everything typed kept, nothing saved, and the records whose names
//! match the words offered unticked beside the chosen ones. Small directories are
//! listed whole.

use std::collections::BTreeMap;

use tadamun_core::i18n::Lang;
use tadamun_core::ids::{GroupId, OrganisationId, PersonId, UserId};
use tadamun_core::search::{Query, index_form, stem::STEMMED};
use tadamun_core::visibility::Viewer;
use tadamun_store::directory::{self, people};

use crate::error::AppResult;
use crate::forms::{Choice, FormBody, FormError};
use crate::state::AppState;

/// Directories up to this size (of what the viewer may see) are listed whole.
const LIST_WHOLE: i64 = 200;

/// How many matches a search offers.
const MATCHES: i64 = 20;

/// The picker parts of a posted form: which "Find" button was pressed and the words
/// typed in each `<field>_find` box.
#[derive(Debug, Default)]
pub(crate) struct Finds {
    /// The field whose "Find" button was pressed, if one was.
    pub pressed: Option<String>,
    typed: Vec<(String, String)>,
}

impl Finds {
    /// Reads the picker parts of `body`, ignoring the record's own fields.
    pub(crate) fn of(body: &FormBody) -> AppResult<Self> {
        let pairs: Vec<(String, String)> = body.parse()?;
        let pressed = pairs
            .iter()
            .find(|(k, _)| k == "find")
            .map(|(_, v)| v.clone());
        let typed = pairs
            .into_iter()
            .filter_map(|(k, v)| k.strip_suffix("_find").map(|f| (f.to_owned(), v)))
            .collect();
        Ok(Self { pressed, typed })
    }

    /// The words typed in `field`'s search box.
    pub(crate) fn words(&self, field: &str) -> &str {
        self.typed
            .iter()
            .find(|(k, _)| k == field)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// One picker as a template shows it (`picker.html`).
#[derive(Debug, Clone)]
pub(crate) struct Picker {
    /// The form field the chosen ids are posted as.
    pub field: &'static str,
    /// The fieldset's legend.
    pub legend: String,
    /// Checkboxes (many may be chosen) or radios with a "none" choice.
    pub multiple: bool,
    /// The chosen records, ticked.
    pub chosen: Vec<Choice>,
    /// The records offered, unticked: matches of the words, or the whole small
    /// directory.
    pub offered: Vec<Choice>,
    /// The words typed in the search box.
    pub words: String,
    /// Whether the directory is too large to list, so the search box is shown.
    pub searchable: bool,
    /// Whether the form was rejected because of this field.
    pub invalid: bool,
}

impl Picker {
    /// The same picker choosing at most one record: radios with a "none" choice.
    pub(crate) fn single(mut self) -> Self {
        self.multiple = false;
        self
    }

    /// A picker offering only `(value, label)`, ticked when `chosen`, for those who
    /// may give up what they hold but not choose among others.
    pub(crate) fn of_one(
        (field, legend): (&'static str, String),
        (value, label): (String, String),
        chosen: bool,
    ) -> Self {
        let choice = Choice {
            value,
            label,
            selected: chosen,
        };
        let (chosen, offered) = if chosen {
            (vec![choice], vec![])
        } else {
            (vec![], vec![choice])
        };
        Self {
            field,
            legend,
            multiple: false,
            chosen,
            offered,
            words: String::new(),
            searchable: false,
            invalid: false,
        }
    }

    /// Marks the picker when `error` names its field (for `aria-invalid`).
    pub(crate) fn mark(&mut self, error: &FormError) {
        self.invalid = error.is(self.field);
    }

    /// Whether the words were searched and matched nothing.
    pub(crate) fn nothing_found(&self) -> bool {
        self.searchable && !self.words.trim().is_empty() && self.offered.is_empty()
    }
}

/// Which directory a picker chooses from.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Directory {
    Organisations,
    People,
    /// Whoever may own a piece of work: working groups, organisations and people,
    /// as `group:<id>`, `organisation:<id>` and `person:<id>`, each labelled with its
    /// kind in `lang`.
    Owners {
        lang: Lang,
    },
    /// Active user accounts, by name. Their names are for those who manage the
    /// network: only their forms offer this picker.
    Accounts,
}

/// The kinds of owner, as their values start, in the order they are listed.
const OWNER_KINDS: [&str; 3] = ["group", "organisation", "person"];

/// `pairs` of one kind of owner as the owners picker shows them.
fn owners_of<I: ToString>(
    lang: Lang,
    kind: &str,
    pairs: impl IntoIterator<Item = (I, String)>,
) -> impl Iterator<Item = (String, String)> {
    let label = crate::i18n::t(lang, &format!("picker-kind-{kind}"));
    pairs.into_iter().map(move |(id, name)| {
        (
            format!("{kind}:{}", id.to_string()),
            format!("{name} — {label}"),
        )
    })
}

/// Every working group with its name in `lang`, and the names it is known by in
/// every language (what a search matches). Groups are few: they are read whole.
async fn groups_named(state: &AppState, lang: Lang) -> AppResult<Vec<(GroupId, String, String)>> {
    Ok(tadamun_store::groups::list(&state.db)
        .await?
        .into_iter()
        .map(|g| {
            let known: Vec<&str> = Lang::ALL.iter().map(|l| g.fields.name_in(*l)).collect();
            let known = known.join(" ");
            (g.id.clone(), g.fields.name_in(lang).to_owned(), known)
        })
        .collect())
}

/// Every active account with its name, by name.
async fn accounts(state: &AppState) -> AppResult<Vec<(String, String)>> {
    Ok(tadamun_store::accounts::users::names(&state.db)
        .await?
        .into_iter()
        .map(|(id, name)| (id.to_string(), name))
        .collect())
}

/// Sorts `pairs` by their names as a reader would look for them.
fn by_name<I>(mut pairs: Vec<(I, String)>) -> Vec<(I, String)> {
    pairs.sort_by_cached_key(|(_, n)| tadamun_core::search::normalise(n));
    pairs
}

impl Directory {
    async fn count(self, state: &AppState, viewer: &Viewer) -> AppResult<i64> {
        Ok(match self {
            Self::Organisations => directory::count_visible(&state.db, viewer).await?,
            Self::People => people::count_visible(&state.db, viewer).await?,
            Self::Owners { .. } => {
                tadamun_store::groups::count(&state.db).await?
                    + directory::count_visible(&state.db, viewer).await?
                    + people::count_visible(&state.db, viewer).await?
            }
            Self::Accounts => tadamun_store::accounts::users::count_active(&state.db).await?,
        })
    }

    async fn everything(
        self,
        state: &AppState,
        viewer: &Viewer,
    ) -> AppResult<Vec<(String, String)>> {
        Ok(match self {
            Self::Organisations => directory::all_names(&state.db, viewer)
                .await?
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            Self::People => by_name(people::all_names(&state.db, viewer).await?)
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            Self::Owners { lang } => {
                let groups = groups_named(state, lang).await?;
                let groups = by_name(groups.into_iter().map(|(id, n, _)| (id, n)).collect());
                let orgs = directory::all_names(&state.db, viewer).await?;
                let persons = by_name(people::all_names(&state.db, viewer).await?);
                owners_of(lang, "group", groups)
                    .chain(owners_of(lang, "organisation", orgs))
                    .chain(owners_of(lang, "person", persons))
                    .collect()
            }
            Self::Accounts => accounts(state).await?,
        })
    }

    async fn matching(
        self,
        state: &AppState,
        viewer: &Viewer,
        words: &str,
    ) -> AppResult<Vec<(String, String)>> {
        Ok(match self {
            Self::Organisations => directory::names_matching(&state.db, viewer, words, MATCHES)
                .await?
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            Self::People => people::names_matching(&state.db, viewer, words, MATCHES)
                .await?
                .into_iter()
                .map(|(id, n)| (id.to_string(), n))
                .collect(),
            Self::Owners { lang } => {
                let query = Query::parse(words, None).unwrap_or(Query { terms: vec![] });
                let groups: Vec<(GroupId, String)> = groups_named(state, lang)
                    .await?
                    .into_iter()
                    .filter(|(_, _, known)| query.matches_form(&index_form(known, &STEMMED)))
                    .map(|(id, name, _)| (id, name))
                    .collect();
                let orgs = directory::names_matching(&state.db, viewer, words, MATCHES).await?;
                let persons = people::names_matching(&state.db, viewer, words, MATCHES).await?;
                owners_of(lang, "group", by_name(groups))
                    .chain(owners_of(lang, "organisation", orgs))
                    .chain(owners_of(lang, "person", persons))
                    .collect()
            }
            Self::Accounts => {
                let query = Query::parse(words, None).unwrap_or(Query { terms: vec![] });
                let mut found: Vec<(String, String)> = accounts(state)
                    .await?
                    .into_iter()
                    .filter(|(_, name)| query.matches_form(&index_form(name, &STEMMED)))
                    .collect();
                found.truncate(usize::try_from(MATCHES).unwrap_or(usize::MAX));
                found
            }
        })
    }

    /// The names of the chosen ids `viewer` may see, by id.
    async fn names_of(
        self,
        state: &AppState,
        viewer: &Viewer,
        ids: &[String],
    ) -> AppResult<BTreeMap<String, String>> {
        Ok(match self {
            Self::Organisations => {
                let ids: Vec<OrganisationId> = ids
                    .iter()
                    .filter_map(|i| OrganisationId::parse(i.trim()).ok())
                    .collect();
                directory::names_of(&state.db, viewer, &ids.iter().collect::<Vec<_>>()).await?
            }
            Self::People => {
                let ids: Vec<PersonId> = ids
                    .iter()
                    .filter_map(|i| PersonId::parse(i.trim()).ok())
                    .collect();
                people::names_of(&state.db, viewer, &ids.iter().collect::<Vec<_>>()).await?
            }
            Self::Owners { lang } => {
                let mut names = BTreeMap::new();
                for kind in OWNER_KINDS {
                    let of_kind: Vec<String> = ids
                        .iter()
                        .filter_map(|i| i.trim().strip_prefix(kind)?.strip_prefix(':'))
                        .map(str::to_owned)
                        .collect();
                    if of_kind.is_empty() {
                        continue;
                    }
                    let found = match kind {
                        "group" => groups_named(state, lang)
                            .await?
                            .into_iter()
                            .filter(|(id, _, _)| of_kind.iter().any(|i| i == id.as_str()))
                            .map(|(id, name, _)| (id.to_string(), name))
                            .collect(),
                        "organisation" => {
                            Box::pin(Self::Organisations.names_of(state, viewer, &of_kind)).await?
                        }
                        _ => Box::pin(Self::People.names_of(state, viewer, &of_kind)).await?,
                    };
                    names.extend(owners_of(lang, kind, found));
                }
                names
            }
            Self::Accounts => {
                let ids: Vec<UserId> = ids
                    .iter()
                    .filter_map(|i| UserId::parse(i.trim()).ok())
                    .collect();
                tadamun_store::accounts::users::names_of(&state.db, &ids)
                    .await?
                    .into_iter()
                    .collect()
            }
        })
    }

    /// The picker for `field` (many may be ticked; see [`Picker::single`]), with
    /// `chosen` ticked and, beside them, the records matching the words typed in its
    /// search box (or every record, when there are few).
    pub(crate) async fn picker(
        self,
        state: &AppState,
        viewer: &Viewer,
        (field, legend): (&'static str, String),
        chosen: &[String],
        finds: &Finds,
    ) -> AppResult<Picker> {
        let words = finds.words(field);
        let chosen: Vec<String> = chosen
            .iter()
            .map(|c| c.trim().to_owned())
            .filter(|c| !c.is_empty())
            .collect();
        let names = self.names_of(state, viewer, &chosen).await?;
        let searchable = self.count(state, viewer).await? > LIST_WHOLE;
        let offered = if !searchable {
            self.everything(state, viewer).await?
        } else if words.trim().is_empty() {
            vec![]
        } else {
            self.matching(state, viewer, words).await?
        };
        let offered = offered
            .into_iter()
            .filter(|(id, _)| !chosen.contains(id))
            .map(|(value, label)| Choice {
                value,
                label,
                selected: false,
            })
            .collect();
        // An id the viewer may not see (or that does not exist) stays ticked under
        // its own text, so a rejected form loses nothing.
        let chosen = chosen
            .into_iter()
            .map(|id| Choice {
                label: names.get(&id).cloned().unwrap_or_else(|| id.clone()),
                value: id,
                selected: true,
            })
            .collect();
        Ok(Picker {
            field,
            legend,
            multiple: true,
            chosen,
            offered,
            words: words.to_owned(),
            searchable,
            invalid: false,
        })
    }
}
