use tadamun_store::testing::TestDatabase;

use crate::{error_line, stdout, tadamun};

#[tokio::test]
async fn users_are_added_once_with_a_strong_password() {
    let t = TestDatabase::new().await.unwrap();
    let add = |email: &str, password: &str| {
        tadamun(
            &[
                "user",
                "add",
                "--database",
                &t.url,
                "--email",
                email,
                "--name",
                "Amal",
                "--role",
                "coordinator",
                "--password-stdin",
            ],
            password,
        )
    };
    let ok = add("amal@example.org", "olive harvest season\n");
    assert!(ok.status.success(), "{ok:?}");
    assert!(stdout(&ok).contains("added amal@example.org (Amal) as coordinator"));

    let dup = add("Amal@Example.org", "another fine password\n");
    assert_eq!(
        error_line(&dup),
        "error: a user with this e-mail already exists"
    );
    let weak = add("karim@example.org", "password123\n");
    assert_eq!(
        error_line(&weak),
        "error: password is too weak: it is too easy to guess"
    );
    let short = add("karim@example.org", "short\n");
    assert_eq!(
        error_line(&short),
        "error: password is too weak: use at least 10 characters"
    );
    let empty = add("karim@example.org", "");
    assert_eq!(error_line(&empty), "error: password is required");
    let role = tadamun(
        &[
            "user",
            "add",
            "--database",
            &t.url,
            "--email",
            "x@example.org",
            "--name",
            "X",
            "--role",
            "root",
            "--password-stdin",
        ],
        "a good long password",
    );
    assert_eq!(
        error_line(&role),
        "error: role must be admin, coordinator, member or viewer"
    );
    assert_eq!(
        tadamun_store::accounts::users::count(&t.db).await.unwrap(),
        1
    );
}

#[tokio::test]
async fn a_token_is_printed_as_the_last_line_and_opens_the_api() {
    let t = TestDatabase::new().await.unwrap();
    tadamun(
        &[
            "user",
            "add",
            "--database",
            &t.url,
            "--email",
            "bot@example.org",
            "--name",
            "Bot",
            "--role",
            "viewer",
            "--password-stdin",
        ],
        "a good long password",
    );
    let out = tadamun(
        &[
            "token",
            "create",
            "--database",
            &t.url,
            "--email",
            "bot@example.org",
            "--label",
            "sync",
        ],
        "",
    );
    assert!(out.status.success(), "{out:?}");
    let text = stdout(&out);
    let token = text.lines().last().unwrap().to_owned();
    assert!(token.starts_with("tdm_"));
    let secret = tadamun_core_secret(&token);
    let user = tadamun_store::accounts::tokens::user_for(&t.db, &secret)
        .await
        .unwrap()
        .unwrap()
        .user;
    assert_eq!(user.email.as_str(), "bot@example.org");

    let missing = tadamun(
        &[
            "token",
            "create",
            "--database",
            &t.url,
            "--email",
            "nobody@example.org",
            "--label",
            "x",
        ],
        "",
    );
    assert_eq!(
        error_line(&missing),
        "error: no user has the e-mail nobody@example.org"
    );
}

fn tadamun_core_secret(token: &str) -> tadamun_core::accounts::Secret {
    tadamun_core::accounts::Secret::from_presented(token)
}

#[test]
fn bad_and_unreachable_databases_get_one_clear_line() {
    let bad = tadamun(&["migrate", "--database", "mysql://localhost/x"], "");
    assert_eq!(
        error_line(&bad),
        "error: the database URL must start with sqlite:// or postgres:// (got \"mysql://localhost/x\")"
    );
    let gone = tadamun(
        &[
            "migrate",
            "--database",
            "postgres://nobody@127.0.0.1:1/none",
        ],
        "",
    );
    assert!(error_line(&gone).starts_with("error: cannot reach the database:"));
    let dir = tadamun(
        &[
            "migrate",
            "--database",
            "sqlite:///nonexistent-dir/x/tadamun.db",
        ],
        "",
    );
    assert!(error_line(&dir).starts_with("error: cannot reach the database:"));
}

#[tokio::test]
async fn organisations_are_exported_to_a_file_as_csv_or_json() {
    let t = TestDatabase::new().await.unwrap();
    for (name, country) in [("Sauti ya Haki", "TZ"), ("Rede Brasileira", "BR")] {
        let input = tadamun_core::directory::OrganisationInput {
            name: name.into(),
            country: country.into(),
            visibility: Some("restricted".into()),
            ..Default::default()
        };
        tadamun_store::directory::create(
            &t.db,
            &tadamun_core::audit::Actor::System,
            input.validate(&[]).unwrap(),
            tadamun_core::directory::Stage::Member,
        )
        .await
        .unwrap();
    }
    let file = std::env::temp_dir().join(format!(
        "tadamun-export-{}.csv",
        tadamun_core::ids::UserId::new()
    ));
    let out = tadamun(
        &[
            "export",
            "organisations",
            "--database",
            &t.url,
            "--region",
            "002",
            "--output",
            file.to_str().unwrap(),
        ],
        "",
    );
    assert!(out.status.success(), "{out:?}");
    let csv = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_file(&file).ok();
    assert!(csv.starts_with("\u{feff}id,name,"));
    assert!(
        csv.contains("Sauti ya Haki") && !csv.contains("Rede Brasileira"),
        "restricted records too, one region"
    );
    let json = tadamun(
        &[
            "export",
            "organisations",
            "--database",
            &t.url,
            "--format",
            "json",
        ],
        "",
    );
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 2);
    let bad = tadamun(
        &[
            "export",
            "organisations",
            "--database",
            &t.url,
            "--format",
            "xls",
        ],
        "",
    );
    assert_eq!(
        error_line(&bad),
        "error: format must be csv or json (got \"xls\")"
    );
}
