use tadamun_core::search::Query;
use tadamun_core::visibility::Viewer;
use tadamun_store::demo;
use tadamun_store::search::{self, SearchFilter};
use tadamun_store::testing::{TestDatabase, execute};

use crate::{stdout, tadamun};

#[tokio::test]
async fn search_reindex_rebuilds_an_emptied_index_and_prints_its_entries() {
    let t = TestDatabase::new().await.unwrap();
    demo::load(&t.db, None).await.unwrap();
    let before = search::counts(&t.db).await.unwrap();
    execute(&t.db, "DELETE FROM search_entries").await.unwrap();
    let out = tadamun(&["search", "reindex", "--database", &t.url], "");
    assert!(out.status.success(), "{out:?}");
    let printed = stdout(&out);
    assert!(printed.starts_with("search index rebuilt: "), "{printed}");
    assert!(printed.contains("  organisation: "), "{printed}");
    assert_eq!(search::counts(&t.db).await.unwrap(), before);
    let query = Query::parse("kenya solidarity", None).unwrap();
    let filter = SearchFilter {
        limit: 5,
        ..Default::default()
    };
    let found = search::search(&t.db, &Viewer::System, &query, &filter)
        .await
        .unwrap();
    assert_eq!(found[0].hits[0].title, "Kenya Solidarity Network");
}
