//! Organisations' names for pickers and for the pages that name owners and organisers:
//! every name kept in memory while the organisations' version stands, and each reader's
//! view of them filtered by the visibility policy.

use std::collections::{BTreeMap, HashMap};

use tadamun_core::ids::OrganisationId;
use tadamun_core::visibility::{Named, Viewer, Visibility, can_see};

use super::{NAMING, push_words};
use crate::Db;
use crate::error::{Result, StoreError};
use crate::sql::Sql;
use crate::versions::Area;
use crate::visibility::push_scope;

/// Every organisation by name, for pickers (coordinators and admins only see all;
/// others see what their scope allows).
pub async fn all_names(db: &Db, viewer: &Viewer) -> Result<Vec<(OrganisationId, String)>> {
    let names = kept_names(db).await?;
    let mut all: Vec<_> = names
        .iter()
        .filter(|(id, (_, visibility))| may_name(viewer, id, *visibility))
        .map(|(id, (name, _))| (id.clone(), name.clone()))
        .collect();
    all.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(all)
}

/// At most `limit` organisations `viewer` may see whose names hold every word of
/// `words`, by name, for pickers in directories too large to list whole.
pub async fn names_matching(
    db: &Db,
    viewer: &Viewer,
    words: &str,
    limit: i64,
) -> Result<Vec<(OrganisationId, String)>> {
    let mut sql = Sql::new("SELECT id, name FROM organisations WHERE 1 = 1");
    push_scope(&mut sql, &viewer.scope(), &NAMING);
    push_words(&mut sql, "search_text", words);
    sql.push(" ORDER BY name_key, id LIMIT ").bind_int(limit);
    let rows: Vec<(String, String)> = sql
        .into_json_rows(db.backend(), "id, name")
        .fetch_json(db.pool())
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name)| (OrganisationId::from_stored(id), name))
        .collect())
}

/// Every organisation's name and visibility, by id.
pub(crate) type Names = HashMap<OrganisationId, (String, Visibility)>;

/// The names of the organisations of `ids` that `viewer` may see, by id.
pub async fn names_of(
    db: &Db,
    viewer: &Viewer,
    ids: &[&OrganisationId],
) -> Result<BTreeMap<String, String>> {
    let names = kept_names(db).await?;
    Ok(ids
        .iter()
        .filter_map(|id| {
            let (name, visibility) = names.get(*id)?;
            may_name(viewer, id, *visibility).then(|| (id.to_string(), name.clone()))
        })
        .collect())
}

/// Every organisation's name, kept while the organisations' version stands: a plan
/// names hundreds of owners, and looking each up in a table of thousands cost more
/// than the rest of its page.
async fn kept_names(db: &Db) -> Result<std::sync::Arc<Names>> {
    db.caches()
        .organisation_names
        .get_or_read(db, Area::Organisations, &(), async || {
            let rows: Vec<(String, String, String)> =
                Sql::new("SELECT id, name, visibility FROM organisations")
                    .into_json_rows(db.backend(), "id, name, visibility")
                    .fetch_json(db.pool())
                    .await?;
            rows.into_iter()
                .map(|(id, name, visibility)| {
                    let visibility = Visibility::parse(&visibility)
                        .map_err(|_| StoreError::Corrupt("organisations.visibility"))?;
                    Ok((OrganisationId::from_stored(id), (name, visibility)))
                })
                .collect()
        })
        .await
}

/// May `viewer` see the organisation `id`, of `visibility`, named?
fn may_name(viewer: &Viewer, id: &OrganisationId, visibility: Visibility) -> bool {
    let named = Named {
        users: vec![],
        organisation: (visibility == Visibility::Restricted).then(|| id.clone()),
    };
    can_see(viewer, visibility, &named)
}
