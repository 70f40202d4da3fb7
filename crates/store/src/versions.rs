//! Versions of areas of data, and what readers keep of an area while its version
//! stands.
//!
//! `data_versions` holds one version per area. Triggers on the area's tables raise it
//! in every transaction that writes them (migrations 0017 to 0022), whatever code
//! wrote, so a
//! result derived from the area and kept under a version read *before* the data was
//! read can be served again for as long as the version reads the same: a write that
//! committed in between either raised the version first (the kept result is not
//! found again) or is already in the result.

use std::cell::Cell;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, LazyLock, Mutex};

use sqlx::Row as _;
use sqlx::any::AnyRow;

use crate::Db;
use crate::error::Result;

/// An area of data with a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    /// Plan items, their dependencies, indicators and measurements.
    Plans,
    /// Events, their speakers, organisations and working groups.
    Events,
    /// Organisations (not their people, links or history).
    Organisations,
    /// Campaigns, their links, content items and publications (not translations).
    Campaigns,
    /// The search index.
    Search,
    /// Translations of content items.
    Translations,
}

impl Area {
    /// Every area, in the order declared: the order [`Versions`] holds them in.
    const ALL: [Area; 6] = [
        Area::Plans,
        Area::Events,
        Area::Organisations,
        Area::Campaigns,
        Area::Search,
        Area::Translations,
    ];

    fn as_str(self) -> &'static str {
        match self {
            Area::Plans => "plans",
            Area::Events => "events",
            Area::Organisations => "organisations",
            Area::Campaigns => "campaigns",
            Area::Search => "search",
            Area::Translations => "translations",
        }
    }

    /// The name of the column [`columns`] reads its version into.
    fn column(self) -> &'static str {
        match self {
            Area::Plans => "version_plans",
            Area::Events => "version_events",
            Area::Organisations => "version_organisations",
            Area::Campaigns => "version_campaigns",
            Area::Search => "version_search",
            Area::Translations => "version_translations",
        }
    }
}

/// The version of `area` now: one read of a one-row table, or none within
/// [`within`] while the task has not begun a write.
pub async fn of(db: &Db, area: Area) -> Result<i64> {
    let known = AT_START
        .try_with(Cell::get)
        .ok()
        .flatten()
        .filter(|v| v.db == db.id());
    if let Some(versions) = known {
        return Ok(versions.of(area));
    }
    let row = sqlx::query("SELECT version FROM data_versions WHERE area = $1")
        .bind(area.as_str())
        .fetch_one(db.pool())
        .await?;
    Ok(row.try_get("version")?)
}

/// Every area's version, read in one query with something else a request reads first
/// (its caller's session or token): a page then spends no round trip of its own on
/// each version its kept results are checked against. Each round trip to SQLite is a
/// hand-off to its connection's thread and back, about half of what a kept page costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Versions {
    versions: [i64; Area::ALL.len()],
    /// The database they were read from ([`Db::id`]).
    db: usize,
}

/// The select-list columns that read every area's version, for [`Versions::from_row`].
pub(crate) fn columns() -> &'static str {
    static COLUMNS: LazyLock<String> = LazyLock::new(|| {
        Area::ALL
            .iter()
            .map(|a| {
                let (area, column) = (a.as_str(), a.column());
                format!("(SELECT version FROM data_versions WHERE area = '{area}') AS {column}")
            })
            .collect::<Vec<_>>()
            .join(", ")
    });
    &COLUMNS
}

impl Versions {
    /// The versions in a row that selected [`columns`].
    pub(crate) fn from_row(db: &Db, row: &AnyRow) -> Result<Self> {
        let mut versions = [0; Area::ALL.len()];
        for (slot, area) in versions.iter_mut().zip(Area::ALL) {
            *slot = row.try_get(area.column())?;
        }
        Ok(Self {
            versions,
            db: db.id(),
        })
    }

    fn of(&self, area: Area) -> i64 {
        // `ALL` lists the areas in the order declared.
        self.versions[area as usize]
    }
}

tokio::task_local! {
    /// The versions read at the start of the task's request, until it begins a write.
    static AT_START: Cell<Option<Versions>>;
}

/// Runs `work` with `versions` standing for the data's versions in every [`of`] it
/// makes, until it begins a write ([`Db::begin_write`] calls [`forget`]): after its
/// own write a request reads the versions afresh, so it never reads a result kept
/// from before that write. Versions read before the data are all [`Kept`] needs, so
/// versions read at the request's start serve every kept result it reads.
pub async fn within<F: Future>(versions: Option<Versions>, work: F) -> F::Output {
    AT_START.scope(Cell::new(versions), work).await
}

/// Forgets the versions [`within`] set for this task: it is about to write.
pub(crate) fn forget() {
    // Outside `within` there is nothing to forget.
    let _ = AT_START.try_with(|v| v.set(None));
}

/// Results kept by key, each with the version it was read at; at most `max` of them.
pub struct Kept<K, V> {
    entries: Mutex<HashMap<K, (i64, Arc<V>)>>,
    max: usize,
    /// Held while a result is read: when many requests find theirs gone at once (the
    /// first after a write), one reads it and the others wait for it, instead of each
    /// reading the same thousands of rows at the same time.
    reading: tokio::sync::Mutex<()>,
}

impl<K: Eq + Hash + Clone, V> Kept<K, V> {
    /// Keeps at most `max` results.
    pub fn new(max: usize) -> Self {
        Self {
            entries: Mutex::new(HashMap::new()),
            max,
            reading: tokio::sync::Mutex::new(()),
        }
    }

    /// The result for `key` at the `area`'s version now: the one kept, or the one
    /// `read` reads, which is then kept. The version is read first, so what is kept
    /// is never older than the version it is kept under.
    pub async fn get_or_read<F, E>(
        &self,
        db: &Db,
        area: Area,
        key: &K,
        read: F,
    ) -> std::result::Result<Arc<V>, E>
    where
        F: AsyncFnOnce() -> std::result::Result<V, E>,
        E: From<crate::StoreError>,
    {
        let version = of(db, area).await?;
        if let Some(kept) = self.get(key, version) {
            return Ok(kept);
        }
        let _turn = self.reading.lock().await;
        // Whoever held the turn before may have read this very result.
        if let Some(kept) = self.get(key, version) {
            return Ok(kept);
        }
        let value = Arc::new(read().await?);
        self.keep(key.clone(), version, Arc::clone(&value));
        Ok(value)
    }

    /// The result kept for `key` if it was read at `version`.
    fn get(&self, key: &K, version: i64) -> Option<Arc<V>> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(key)
            .filter(|(at, _)| *at == version)
            .map(|(_, value)| Arc::clone(value))
    }

    /// Keeps `value`, read at `version`, for `key`, unless one of a later version is
    /// kept already. When full, results of older versions go first, then any.
    fn keep(&self, key: K, version: i64, value: Arc<V>) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if entries.get(&key).is_some_and(|(at, _)| *at > version) {
            return;
        }
        if entries.len() >= self.max && !entries.contains_key(&key) {
            entries.retain(|_, (at, _)| *at == version);
            if entries.len() >= self.max {
                entries.clear();
            }
        }
        entries.insert(key, (version, value));
    }
}

/// What this server keeps between requests, per database.
pub(crate) struct Caches {
    /// Whole plan trees, by plan: a few hundred items and thousands of measurements
    /// each, read on every page about a plan.
    pub(crate) plan_trees: Kept<tadamun_core::ids::PlanItemId, crate::plans::PlanTree>,
    /// Every plan's summary, by the day it was counted on (what is overdue changes
    /// with the day).
    pub(crate) plan_summaries: Kept<chrono::NaiveDate, Vec<crate::plans::PlanSummary>>,
    /// Coverage counts, by whose organisations they count and the focus area: each a
    /// pass over every organisation.
    pub(crate) coverage: Kept<crate::coverage::CountsKey, tadamun_core::coverage::tally::Coverage>,
    /// Pages of events, by reader kind, filter and page: the list of events and the
    /// API's first page are read by everyone, each event with its links.
    pub(crate) event_pages:
        Kept<crate::events::PageKey, tadamun_core::page::Page<tadamun_core::events::Event>>,
    /// Pages of organisations, by whose organisations a reader sees, filter and page.
    pub(crate) organisation_pages: Kept<
        crate::directory::ListKey,
        tadamun_core::page::Page<tadamun_core::directory::Organisation>,
    >,
    /// Every organisation's name and visibility: what names beside other records
    /// (a plan's owners, a meeting's, a person's affiliations) are looked up in.
    pub(crate) organisation_names: Kept<(), crate::directory::Names>,
    /// Lists of campaigns, by filter: each with its links, read from five tables.
    pub(crate) campaigns:
        Kept<crate::campaigns::CampaignFilter, Vec<tadamun_core::campaigns::Campaign>>,
    /// Every campaign's name, by language: what a choice of campaign lists.
    pub(crate) campaign_names:
        Kept<tadamun_core::i18n::Lang, Vec<(tadamun_core::ids::CampaignId, String)>>,
    /// The latest searches' results, by reader kind, query and filter: a search
    /// weighs thousands of index entries, and readers page and come back.
    pub(crate) searches: Kept<crate::search::SearchKey, Vec<crate::search::Group>>,
}

impl Default for Caches {
    fn default() -> Self {
        Self {
            plan_trees: Kept::new(16),
            plan_summaries: Kept::new(2),
            coverage: Kept::new(64),
            organisation_names: Kept::new(1),
            organisation_pages: Kept::new(64),
            event_pages: Kept::new(64),
            campaigns: Kept::new(32),
            campaign_names: Kept::new(8),
            searches: Kept::new(64),
        }
    }
}

impl std::fmt::Debug for Caches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Caches").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::Area;

    #[test]
    fn every_area_stands_at_its_own_place_among_the_versions() {
        for (place, area) in Area::ALL.iter().enumerate() {
            assert_eq!(*area as usize, place, "{area:?}");
        }
        let columns = super::columns();
        for area in Area::ALL {
            assert!(columns.contains(&format!("'{}') AS {}", area.as_str(), area.column())));
        }
    }
}
