//! `tadamun search reindex`.

use anyhow::Result;
use tadamun_store::{Db, search};

/// Rebuilds the search index and prints its entries per kind.
pub async fn reindex(db: &Db) -> Result<()> {
    let written = search::reindex(db).await?;
    println!("search index rebuilt: {written} entries");
    for (kind, count) in search::counts(db).await? {
        println!("  {kind}: {count}");
    }
    Ok(())
}
