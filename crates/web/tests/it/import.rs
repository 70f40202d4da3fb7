use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

async fn import(app: &TestApp, token: &str, dry_run: bool, body: Vec<u8>) -> reqwest::Response {
    reqwest::Client::new()
        .post(app.url(&format!("/api/v1/imports/organisations?dry_run={dry_run}")))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn count(app: &TestApp, token: &str) -> usize {
    app.api_json("/api/v1/organisations?limit=500", token).await["items"]
        .as_array()
        .unwrap()
        .len()
}

const FILE: &str = "Organization Name,Contact Type,City,Country,Website\r\n\
    Kenya Legal Aid,Organization,Nairobi,Kenya,https://kla.example.org\r\n\
    ,Organization,Mombasa,KE,\r\n\
    Dakar Collective,Organization,Dakar,Sénégal,\r\n\
    Atlantis Friends,Organization,,Atlantis,\r\n\
    Kenya Legal Aid,Organization,Nairobi,KE,\r\n";

#[tokio::test]
async fn a_dry_run_reports_every_row_and_a_commit_creates_exactly_the_valid_new_ones() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let existing = app.org("Dakar Collective", "public").await;
    // The fixture puts it in Kenya; move the existing one to Senegal for the test.
    let moved = app
        .api_send(
            Method::PATCH,
            &format!("/api/v1/organisations/{}", existing.id),
            &token,
            json!({"country": "SN"}),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);

    let report: Value = import(&app, &token, true, FILE.into())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["valid"], 1);
    assert_eq!(report["created"], 0);
    let errors: Vec<(u64, &str)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["line"].as_u64().unwrap(), e["field"].as_str().unwrap()))
        .collect();
    assert_eq!(errors, [(3, "name"), (5, "country")]);
    assert!(
        report["errors"][1]["message"]
            .as_str()
            .unwrap()
            .starts_with("Country")
    );
    assert_eq!(
        report["duplicates"],
        json!([
            {"line": 4, "existing_id": existing.id.to_string(), "first_line": null},
            {"line": 6, "existing_id": null, "first_line": 2}
        ])
    );
    assert_eq!(report["ignored_columns"], json!(["Contact Type"]));
    assert_eq!(count(&app, &token).await, 1, "a dry run saves nothing");

    let report: Value = import(&app, &token, false, FILE.into())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["created"], 1);
    assert_eq!(count(&app, &token).await, 2);
    let again: Value = import(&app, &token, false, FILE.into())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        again["created"], 0,
        "the second time every row is a duplicate"
    );
    assert_eq!(count(&app, &token).await, 2);
}

#[tokio::test]
async fn a_utf16_semicolon_file_with_arabic_and_french_country_names_is_read() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Admin).await;
    let text = "nom;pays;ville;domaines\r\nجمعية أصدقاء الزيتون;فلسطين;رام الله;juridique\r\nCollectif Bamako;Mali;Bamako;\"médias; juridique\"\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let report: Value = import(&app, &token, false, bytes)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["encoding"], "utf-16le");
    assert_eq!(report["delimiter"], ";");
    assert_eq!(report["created"], 2, "{report}");
    let found = app
        .api_json("/api/v1/organisations?country=PS", &token)
        .await;
    assert_eq!(found["items"][0]["name"], "جمعية أصدقاء الزيتون");
    assert_eq!(found["items"][0]["focus_areas"], json!(["legal"]));
    let mali = app
        .api_json("/api/v1/organisations?country=ML", &token)
        .await;
    assert_eq!(mali["items"][0]["focus_areas"], json!(["media", "legal"]));
}

#[tokio::test]
async fn an_unreadable_file_is_refused_whole_in_the_callers_language() {
    let app = TestApp::spawn().await;
    let token = app.token_of(Role::Coordinator).await;
    let response = reqwest::Client::new()
        .post(app.url("/api/v1/imports/organisations?dry_run=false&lang=fr"))
        .bearer_auth(&token)
        .body("ville,pays\nDakar,SN\n")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let error: Value = response.json().await.unwrap();
    assert_eq!(error["error"]["code"], "import_missing_column");
    assert_eq!(
        error["error"]["message"],
        "Le fichier n'a pas de colonne « Nom »."
    );
    let empty = import(&app, &token, true, Vec::new()).await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let member = app.token_of(Role::Member).await;
    assert_eq!(
        import(&app, &member, true, FILE.into()).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(count(&app, &token).await, 0);
}

#[tokio::test]
async fn an_export_imported_into_an_empty_database_gives_the_same_records() {
    let source = TestApp::spawn().await;
    let token = source.token_of(Role::Coordinator).await;
    for body in [
        json!({"name": "Sauti ya \"Haki\", Tanzania", "name_lang": "sw", "names": {"en": "Voice of Justice", "ar": "صوت العدالة"}, "country": "TZ", "city": "Dar es Salaam", "kind": "grassroots", "focus_areas": ["legal", "media"], "languages": ["sw", "en"], "website": "https://sauti.example.org", "description": "Line one\nline two, with a comma", "visibility": "public", "stage": "member"}),
        json!({"name": "-Minus Collective", "country": "BR", "kind": "student", "visibility": "restricted", "stage": "engaged"}),
        json!({"name": "شبكة التضامن الأردنية", "name_lang": "ar", "country": "JO", "city": "عمّان", "kind": "ngo", "languages": ["ar"], "stage": "prospect"}),
    ] {
        let response = source
            .api_send(Method::POST, "/api/v1/organisations", &token, body)
            .await;
        assert_eq!(response.status(), StatusCode::CREATED);
    }
    let csv = reqwest::Client::new()
        .get(source.url("/api/v1/organisations/export?format=csv"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .bytes()
        .await
        .unwrap();

    let target = TestApp::spawn().await;
    let target_token = target.token_of(Role::Coordinator).await;
    let report: Value = import(&target, &target_token, false, csv.to_vec())
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(report["created"], 3, "{report}");
    let strip = |v: Value| -> Vec<Value> {
        let mut items: Vec<Value> = v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| {
                let mut o = o.clone();
                o.as_object_mut().unwrap().remove("id");
                o
            })
            .collect();
        items.sort_by_key(|o| o["name"].to_string());
        items
    };
    assert_eq!(
        strip(
            target
                .api_json("/api/v1/organisations", &target_token)
                .await
        ),
        strip(source.api_json("/api/v1/organisations", &token).await)
    );
}

#[tokio::test]
async fn the_upload_page_previews_then_imports_once() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let form = reqwest::multipart::Form::new().part(
        "file",
        reqwest::multipart::Part::bytes(FILE.as_bytes().to_vec()).file_name("civicrm.csv"),
    );
    let preview = client
        .post(app.url("/organisations/import"))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(preview.status(), StatusCode::OK);
    let page = preview.text().await.unwrap();
    assert!(page.contains("civicrm.csv") && page.contains("Kenya Legal Aid"));
    assert!(
        page.contains("Import 2 organisations"),
        "the Dakar row is new here"
    );
    let action = page
        .split("action=\"/organisations/import/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_owned();
    let token = app.token(&coordinator).await;
    assert_eq!(count(&app, &token).await, 0, "a preview saves nothing");

    let done = client
        .post(app.url(&format!("/organisations/import/{action}")))
        .form(&[("confirm", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), StatusCode::OK);
    assert!(
        done.text()
            .await
            .unwrap()
            .contains("2 organisations were created")
    );
    assert_eq!(count(&app, &token).await, 2);
    let twice = client
        .post(app.url(&format!("/organisations/import/{action}")))
        .form(&[("confirm", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert_eq!(count(&app, &token).await, 2);

    // Another user cannot commit someone else's upload.
    let other = app.user(Role::Coordinator, None).await;
    let other_client = app.signed_in(&other).await;
    let stolen = other_client
        .post(app.url(&format!("/organisations/import/{action}")))
        .form(&[("confirm", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(stolen.status(), StatusCode::NOT_FOUND);
}
