use std::net::SocketAddr;

use reqwest::redirect::Policy;
use reqwest::{Client, StatusCode};
use tadamun_core::accounts::{Email, NewPassword, NewUser, Role, User};
use tadamun_core::audit::Actor;
use tadamun_core::directory::{Organisation, OrganisationInput, Stage};
use tadamun_core::ids::OrganisationId;
use tadamun_store::accounts::{tokens, users};
use tadamun_store::testing::TestDatabase;
use tadamun_store::{Db, directory};
use tadamun_web::{Server, Settings};

pub const PASSWORD: &str = "correct horse battery";

/// A running server with its own database.
pub struct TestApp {
    pub base: String,
    pub db: Db,
    /// The database's URL, for opening other pools on it (as other processes would).
    pub url: String,
    _database: TestDatabase,
}

impl TestApp {
    pub async fn spawn() -> Self {
        Self::spawn_with(Settings::default()).await
    }

    pub async fn spawn_with(settings: Settings) -> Self {
        let database = TestDatabase::new().await.expect("test database");
        let db = database.db.clone();
        let base = Self::serve(db.clone(), settings).await;
        Self {
            base,
            db,
            url: database.url.clone(),
            _database: database,
        }
    }

    /// Starts another server on the same database, as a second app server would.
    pub async fn serve(db: Db, settings: Settings) -> String {
        let server = Server::bind(db, settings, SocketAddr::from(([127, 0, 0, 1], 0)))
            .await
            .unwrap();
        let addr = server.addr().unwrap();
        tokio::spawn(server.run(std::future::pending()));
        format!("http://{addr}")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// A client that keeps cookies and does not follow redirects.
    pub fn client() -> Client {
        Client::builder()
            .cookie_store(true)
            .redirect(Policy::none())
            .build()
            .unwrap()
    }

    pub async fn org(&self, name: &str, visibility: &str) -> Organisation {
        let input = OrganisationInput {
            name: name.into(),
            country: "KE".into(),
            visibility: Some(visibility.into()),
            ..Default::default()
        };
        directory::create(
            &self.db,
            &Actor::System,
            input.validate(&[]).unwrap(),
            Stage::Prospect,
        )
        .await
        .unwrap()
    }

    pub async fn user(&self, role: Role, organisation: Option<&OrganisationId>) -> User {
        let email = Email::parse(&format!("{}-{}@example.org", role, uuid_like())).unwrap();
        let password = NewPassword::parse(PASSWORD, &email).unwrap().hash();
        let new = NewUser {
            email,
            name: format!("Test {role}"),
            role,
            organisation: organisation.cloned(),
            password,
        };
        users::create(&self.db, &Actor::System, new).await.unwrap()
    }

    /// A client signed in as `user` through the login form.
    pub async fn signed_in(&self, user: &User) -> Client {
        let client = Self::client();
        let response = self.try_login(&client, user.email.as_str(), PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "sign-in of {}",
            user.email
        );
        client
    }

    /// Posts the sign-in form with `client`.
    pub async fn try_login(
        &self,
        client: &Client,
        email: &str,
        password: &str,
    ) -> reqwest::Response {
        client
            .post(self.url("/login"))
            .form(&[("email", email), ("password", password)])
            .send()
            .await
            .unwrap()
    }

    /// Posts `form` to `path` with `client`: the status, the `location` header (empty
    /// when there is none) and the page.
    pub async fn post_form<T: serde::Serialize + ?Sized>(
        &self,
        client: &Client,
        path: &str,
        form: &T,
    ) -> (StatusCode, String, String) {
        let response = client.post(self.url(path)).form(form).send().await.unwrap();
        let status = response.status();
        let location = response
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, location, response.text().await.unwrap())
    }

    /// GETs an API path with a bearer token and reads the JSON answer.
    pub async fn api_json(&self, path: &str, token: &str) -> serde_json::Value {
        Client::new()
            .get(self.url(path))
            .bearer_auth(token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Sends `body` as JSON with `method` to an API path with a bearer token.
    pub async fn api_send(
        &self,
        method: reqwest::Method,
        path: &str,
        token: &str,
        body: serde_json::Value,
    ) -> reqwest::Response {
        Client::new()
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A bearer token of a new user with `role`.
    pub async fn token_of(&self, role: Role) -> String {
        let user = self.user(role, None).await;
        self.token(&user).await
    }

    pub async fn token(&self, user: &User) -> String {
        let (_, secret) = tokens::create(&self.db, &Actor::System, &user.id, "test")
            .await
            .unwrap();
        secret.expose().to_owned()
    }
}

fn uuid_like() -> String {
    tadamun_core::ids::UserId::new().as_str().replace('-', "")[20..].to_owned()
}
