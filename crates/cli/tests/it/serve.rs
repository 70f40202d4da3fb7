use std::io::{BufRead as _, BufReader};
use std::process::{Child, Command, Stdio};

use tadamun_store::testing::TestDatabase;

use crate::{error_line, tadamun};

/// A `tadamun serve` process, stopped when dropped.
struct Serving {
    child: Child,
    lines: Vec<String>,
    base: String,
}

impl Drop for Serving {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(args: &[&str]) -> Serving {
    let child = Command::new(env!("CARGO_BIN_EXE_tadamun"))
        .arg("serve")
        .args(args)
        .env("TADAMUN_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    // From here on, Drop kills and waits for the process whatever happens.
    let mut serving = Serving {
        child,
        lines: Vec::new(),
        base: String::new(),
    };
    let mut reader = BufReader::new(serving.child.stdout.take().unwrap());
    loop {
        let mut line = String::new();
        assert!(
            reader.read_line(&mut line).unwrap() > 0,
            "serve exited early: {:?}",
            serving.lines
        );
        let line = line.trim_end().to_owned();
        if let Some(base) = line.strip_prefix("Tadamun is running at ") {
            serving.base = base.to_owned();
            return serving;
        }
        serving.lines.push(line);
    }
}

#[tokio::test]
async fn serve_demo_prints_one_account_per_role_that_can_sign_in() {
    let t = TestDatabase::new().await.unwrap();
    let app = serve(&["--database", &t.url, "--listen", "127.0.0.1:0", "--demo"]);
    let accounts: Vec<Vec<String>> = app
        .lines
        .iter()
        .filter(|l| l.starts_with("  "))
        .map(|l| l.split_whitespace().map(String::from).collect())
        .collect();
    let roles: Vec<&str> = accounts.iter().map(|a| a[0].as_str()).collect();
    assert_eq!(roles, ["admin", "coordinator", "member", "viewer"]);

    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let admin = &accounts[0];
    let login = client
        .post(format!("{}/login", app.base))
        .form(&[
            ("email", admin[1].as_str()),
            ("password", admin[2].as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(login.status(), reqwest::StatusCode::SEE_OTHER);
    let me: serde_json::Value = client
        .get(format!("{}/api/v1/me", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["role"], "admin");
    let orgs: serde_json::Value = client
        .get(format!("{}/api/v1/organisations", app.base))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(orgs["items"].as_array().unwrap().len() >= 8);
    drop(app);

    // A second start never loads the demo twice.
    let again = serve(&["--database", &t.url, "--listen", "127.0.0.1:0", "--demo"]);
    assert!(
        again
            .lines
            .iter()
            .any(|l| l.contains("demo data was not loaded"))
    );
    assert_eq!(
        tadamun_store::accounts::users::count(&t.db).await.unwrap(),
        4
    );
}

#[tokio::test]
async fn a_taken_port_is_one_clear_line() {
    let t = TestDatabase::new().await.unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = tadamun(&["serve", "--database", &t.url, "--listen", &addr], "");
    let line = error_line(&out);
    assert!(
        line.starts_with(&format!("error: cannot listen on {addr}:")),
        "{line}"
    );
}

#[tokio::test]
async fn options_are_also_read_from_the_environment() {
    let t = TestDatabase::new().await.unwrap();
    let child = Command::new(env!("CARGO_BIN_EXE_tadamun"))
        .arg("serve")
        .env("TADAMUN_DATABASE", &t.url)
        .env("TADAMUN_LISTEN", "127.0.0.1:0")
        .env("TADAMUN_LOG", "warn")
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut serving = Serving {
        child,
        lines: Vec::new(),
        base: String::new(),
    };
    let mut line = String::new();
    BufReader::new(serving.child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(
        line.starts_with("Tadamun is running at http://127.0.0.1:"),
        "{line}"
    );
}
