use tadamun_store::testing::TestDatabase;

#[tokio::test]
async fn migrating_twice_and_concurrently_leaves_one_schema() {
    let test = TestDatabase::empty().await.unwrap();
    let other = tadamun_store::Db::connect(&test.url).await.unwrap();
    let (a, b) = tokio::join!(test.db.migrate(), other.migrate());
    a.unwrap();
    b.unwrap();
    test.db.migrate().await.unwrap();
    test.db.ping().await.unwrap();
}

#[tokio::test]
async fn bad_urls_and_unreachable_servers_are_told_apart() {
    let bad = tadamun_store::Db::connect("mysql://localhost/x")
        .await
        .unwrap_err();
    assert!(matches!(bad, tadamun_store::StoreError::BadUrl(_)), "{bad}");
    let gone = tadamun_store::Db::connect("postgres://nobody@127.0.0.1:1/none")
        .await
        .unwrap_err();
    assert!(
        matches!(gone, tadamun_store::StoreError::Unreachable(_)),
        "{gone}"
    );
}
