use reqwest::StatusCode;
use tadamun_core::accounts::Role;

use crate::helpers::TestApp;

#[tokio::test]
async fn coordinators_add_edit_and_delete_organisations_through_the_pages() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let created = client
        .post(app.url("/organisations"))
        .form(&[
            ("name", "Sauti ya Haki"),
            ("country", "tz"),
            ("city", "Dar es Salaam"),
            ("visibility", "public"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::SEE_OTHER);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let page = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Sauti ya Haki") && page.contains("Saved."));
    assert!(
        page.contains("Tanzania · Eastern Africa · Africa"),
        "country with its sub-region and region"
    );

    let path = location.split('?').next().unwrap().to_owned();
    let edited = client
        .post(app.url(&path))
        .form(&[
            ("name", "Sauti ya Haki Tanzania"),
            ("country", "TZ"),
            ("visibility", "network"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(edited.status(), StatusCode::SEE_OTHER);
    let anonymous = reqwest::get(app.url(&path)).await.unwrap();
    assert_eq!(
        anonymous.status(),
        StatusCode::NOT_FOUND,
        "network records are hidden from the public"
    );

    client
        .post(app.url(&format!("{path}/delete")))
        .send()
        .await
        .unwrap();
    assert_eq!(
        client.get(app.url(&path)).send().await.unwrap().status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_bad_organisation_form_keeps_every_value_and_names_the_field() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    let response = client
        .post(app.url("/organisations"))
        .form(&[
            ("name", "Kenya Solidarity Network"),
            ("country", "Kenya"),
            ("city", "Nairobi"),
            ("description", "Works with farmers & students"),
            ("visibility", "restricted"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = response.text().await.unwrap();
    assert!(page.contains("Country: use a two-letter country code"));
    assert!(page.contains("value=\"Kenya Solidarity Network\""));
    assert!(page.contains("value=\"Nairobi\""));
    assert!(
        page.contains("Works with farmers &#38; students")
            || page.contains("Works with farmers &amp; students")
    );
    assert!(
        page.contains(
            "id=\"visibility-restricted\" name=\"visibility\" value=\"restricted\" checked"
        )
    );
    assert!(
        page.contains("<select id=\"country\" name=\"country\" required aria-invalid=\"true\">")
    );
    assert_eq!(tadamun_store::directory::count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn user_text_is_escaped_and_isolated_for_direction() {
    let app = TestApp::spawn().await;
    let org = app.org("<script>alert(1)</script> شبكة", "public").await;
    let page = reqwest::get(app.url(&format!("/organisations/{}", org.id)))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!page.contains("<script>alert(1)"));
    assert!(page.contains("&#60;script&#62;") || page.contains("&lt;script&gt;"));
    assert!(page.contains("<h1 dir=\"auto\">"));
}

#[tokio::test]
async fn the_api_and_the_page_filter_by_region_country_and_words() {
    let app = TestApp::spawn().await;
    for (name, visibility) in [
        ("Sauti ya Haki", "public"),
        ("Rede Brasileira de Solidariedade", "public"),
    ] {
        app.org(name, visibility).await;
    }
    let coordinator = app.user(Role::Coordinator, None).await;
    let client = app.signed_in(&coordinator).await;
    client
        .post(app.url("/organisations"))
        .form(&[
            ("name", "Rede Brasileira"),
            ("country", "BR"),
            ("city", "São Paulo"),
            ("visibility", "public"),
        ])
        .send()
        .await
        .unwrap();
    let names = |body: serde_json::Value| -> Vec<String> {
        body["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let get =
        |query: &'static str| reqwest::get(app.url(&format!("/api/v1/organisations?{query}")));
    assert_eq!(
        names(get("region=005").await.unwrap().json().await.unwrap()),
        ["Rede Brasileira"]
    );
    assert_eq!(
        names(get("region=002").await.unwrap().json().await.unwrap()).len(),
        2,
        "Kenya is in Africa"
    );
    assert_eq!(
        names(
            get("country=br&q=sao%20PAULO")
                .await
                .unwrap()
                .json()
                .await
                .unwrap()
        ),
        ["Rede Brasileira"]
    );
    assert_eq!(
        names(get("q=haki&limit=1").await.unwrap().json().await.unwrap()),
        ["Sauti ya Haki"]
    );

    for (query, field) in [("region=999", "region"), ("country=XX", "country")] {
        let response = get(query).await.unwrap();
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"]["field"], field);
    }

    let page = client
        .get(app.url("/organisations?region=005&lang=fr"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Rede Brasileira") && !page.contains("Sauti ya Haki"));
    assert!(
        page.contains(">Brésil<"),
        "country names are shown in the page's language"
    );
    assert!(page.contains("<option value=\"005\" selected>"));
}

#[tokio::test]
async fn exports_are_spreadsheet_ready_filtered_and_respect_visibility() {
    let app = TestApp::spawn().await;
    app.org("شبكة التضامن الأردنية", "public").await;
    app.org("Hidden Network", "network").await;
    let csv = reqwest::get(app.url("/organisations/export.csv"))
        .await
        .unwrap();
    assert_eq!(csv.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        csv.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .contains("organisations.csv")
    );
    let bytes = csv.bytes().await.unwrap();
    assert!(
        bytes.starts_with(&[0xEF, 0xBB, 0xBF]),
        "a BOM so spreadsheets read UTF-8"
    );
    let text = String::from_utf8(bytes.to_vec()).unwrap();
    assert!(text.contains("شبكة التضامن الأردنية"));
    assert!(
        !text.contains("Hidden Network"),
        "anonymous exports hold public records only"
    );
    assert!(text.contains(",KE,Eastern Africa,Africa,"));

    let coordinator = app.user(Role::Coordinator, None).await;
    let token = app.token(&coordinator).await;
    let json: serde_json::Value = app
        .api_json(
            "/api/v1/organisations/export?format=json&region=014&q=hidden",
            &token,
        )
        .await;
    assert_eq!(json.as_array().unwrap().len(), 1);
    assert_eq!(json[0]["name"], "Hidden Network");
    assert_eq!(json[0]["stage"], "prospect");
    let bad = reqwest::Client::new()
        .get(app.url("/api/v1/organisations/export?format=xls"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn every_page_title_is_plain_text() {
    let app = TestApp::spawn().await;
    let org = app.org("Sauti ya Haki", "public").await;
    let admin = app.user(Role::Admin, None).await;
    let client = app.signed_in(&admin).await;
    for path in [
        "/".to_owned(),
        "/organisations".to_owned(),
        format!("/organisations/{}", org.id),
        format!("/organisations/{}/edit", org.id),
        "/organisations/new".to_owned(),
        "/outreach".to_owned(),
        "/account".to_owned(),
        "/users".to_owned(),
        "/audit".to_owned(),
    ] {
        let page = client
            .get(app.url(&path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        let title = page
            .split("<title>")
            .nth(1)
            .unwrap()
            .split("</title>")
            .next()
            .unwrap();
        assert!(!title.contains('<') && title.len() < 200, "{path}: {title}");
        assert!(title.ends_with(" · Tadamun"), "{path}: {title}");
    }
}
