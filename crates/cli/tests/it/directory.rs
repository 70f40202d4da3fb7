use tadamun_core::audit::Actor;
use tadamun_core::directory::people::PersonInput;
use tadamun_store::directory;
use tadamun_store::testing::TestDatabase;

use crate::{error_line, stdout, tadamun};

fn temp_file(name: &str, content: &[u8]) -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!(
        "tadamun-{}-{name}",
        tadamun_core::ids::UserId::new()
    ));
    std::fs::write(&path, content).unwrap();
    path
}

#[tokio::test]
async fn organisations_are_imported_from_a_file_and_a_dry_run_saves_nothing() {
    let t = TestDatabase::new().await.unwrap();
    let file = temp_file(
        "orgs.csv",
        "\u{feff}Name;Country;City;Kind\r\nKenya Legal Aid;Kenya;Nairobi;ngo\r\nCollectif Bamako;Mali;Bamako;grassroots\r\n".as_bytes(),
    );
    let path = file.to_str().unwrap();
    let dry = tadamun(
        &[
            "import",
            "organisations",
            "--database",
            &t.url,
            path,
            "--dry-run",
        ],
        "",
    );
    assert!(dry.status.success(), "{dry:?}");
    assert!(stdout(&dry).contains("2 organisations would be created (dry run: nothing saved)"));
    assert_eq!(directory::count(&t.db).await.unwrap(), 0);

    let real = tadamun(
        &[
            "import",
            "organisations",
            "--database",
            &t.url,
            path,
            "--json",
        ],
        "",
    );
    assert!(real.status.success(), "{real:?}");
    let report: serde_json::Value = serde_json::from_slice(&real.stdout).unwrap();
    assert_eq!(report["created"], 2);
    assert_eq!(report["delimiter"], ";");
    assert_eq!(directory::count(&t.db).await.unwrap(), 2);

    let again = tadamun(&["import", "organisations", "--database", &t.url, path], "");
    assert!(stdout(&again).contains("line 2: already in the directory as"));
    assert_eq!(directory::count(&t.db).await.unwrap(), 2);
    std::fs::remove_file(&file).ok();
}

#[tokio::test]
async fn rows_with_a_problem_are_listed_by_line_and_the_command_fails() {
    let t = TestDatabase::new().await.unwrap();
    let file = temp_file("bad.csv", b"name,country\nGood Org,KE\nBad Org,Atlantis\n");
    let out = tadamun(
        &[
            "import",
            "organisations",
            "--database",
            &t.url,
            file.to_str().unwrap(),
        ],
        "",
    );
    std::fs::remove_file(&file).ok();
    assert!(stdout(&out).contains("line 3: Country:"), "{out:?}");
    assert_eq!(
        error_line(&out),
        "error: 1 rows have a problem and were not imported"
    );
    // The valid row is imported: a bad row never stops the others.
    assert_eq!(directory::count(&t.db).await.unwrap(), 1);

    let missing = tadamun(
        &[
            "import",
            "organisations",
            "--database",
            &t.url,
            "/nonexistent/file.csv",
        ],
        "",
    );
    assert!(error_line(&missing).starts_with("error: cannot read /nonexistent/file.csv"));
}

#[tokio::test]
async fn people_are_exported_with_their_real_names_for_the_operator() {
    let t = TestDatabase::new().await.unwrap();
    let fields = PersonInput {
        display_name: "Salma Haddad".into(),
        pseudonymous: Some("on".into()),
        alias: Some("Falcon".into()),
        email: Some("salma@example.org".into()),
        ..Default::default()
    }
    .validate()
    .unwrap();
    directory::people::create(&t.db, &Actor::System, fields)
        .await
        .unwrap();
    let out = tadamun(&["export", "people", "--database", &t.url], "");
    assert!(out.status.success(), "{out:?}");
    let csv = stdout(&out);
    assert!(csv.starts_with("\u{feff}id,name,pseudonymous,real_name,"));
    assert!(csv.contains("Salma Haddad") && csv.contains("salma@example.org"));
}
