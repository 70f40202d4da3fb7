//! Reminders by e-mail, against a real SMTP server: Debian's aiosmtpd, started by
//! each test on a free port, writing every message into a maildir that Python's
//! `email` package reads back. The clock is passed in, never slept on.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration as StdDuration;

use chrono::{DateTime, Datelike as _, Duration, TimeZone as _, Utc};
use reqwest::StatusCode;
use serde_json::{Value, json};
use tadamun_core::accounts::Role;
use tadamun_core::audit::Actor;
use tadamun_core::i18n::Lang;
use tadamun_core::reminders::JobState;
use tadamun_core::time::Zone;
use tadamun_store::Db;
use tadamun_store::accounts::users::{self, Profile};
use tadamun_store::reminders;
use tadamun_web::reminders::{SmtpSettings, Tls, Worker};

use crate::events::{event, webinar_json};
use crate::helpers::TestApp;

/// An SMTP server writing into a maildir, stopped when dropped.
struct Smtp {
    child: Child,
    port: u16,
    dir: PathBuf,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

impl Smtp {
    fn start() -> Self {
        let port = free_port();
        let dir = std::env::temp_dir().join(format!("tadamun-mail-{}", uuid_like()));
        let mut child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("python3-aiosmtpd is installed");
        for _ in 0..200 {
            if TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], port))).is_ok() {
                return Self { child, port, dir };
            }
            std::thread::sleep(StdDuration::from_millis(25));
        }
        let _ = child.kill();
        let _ = child.wait();
        panic!("aiosmtpd did not start");
    }

    fn settings(&self) -> SmtpSettings {
        settings_on(self.port)
    }

    /// Every message received, parsed by Python's `email` package.
    fn messages(&self) -> Vec<Value> {
        let script = r#"
import email, email.policy, json, mailbox, sys
out = []
for m in mailbox.Maildir(sys.argv[1], factory=None):
    msg = email.message_from_bytes(m.as_bytes(), policy=email.policy.default)
    text = msg.get_body(("plain",))
    html = msg.get_body(("html",))
    out.append({
        "to": str(msg["To"]), "subject": str(msg["Subject"]),
        "message_id": str(msg["Message-ID"] or ""),
        "unsubscribe": str(msg["List-Unsubscribe"] or ""),
        "text": text.get_content() if text else "",
        "html": html.get_content() if html else "",
    })
print(json.dumps(out))
"#;
        if !self.dir.exists() {
            return Vec::new();
        }
        let output = Command::new("/usr/bin/python3")
            .args(["-c", script])
            .arg(&self.dir)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).unwrap()
    }

    fn to(&self, address: &str) -> Vec<Value> {
        self.messages()
            .into_iter()
            .filter(|m| m["to"].as_str().unwrap().contains(address))
            .collect()
    }
}

impl Drop for Smtp {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn settings_on(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port: Some(port),
        username: None,
        password: None,
        from: "Tadamun <reminders@tadamun.example.org>".into(),
        tls: Tls::None,
    }
}

fn uuid_like() -> String {
    tadamun_core::ids::JobId::new().to_string()
}

/// 2099-03-10 18:00 in Nairobi, when the test webinar starts.
fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2099, 3, 10, 15, 0, 0).unwrap()
}

async fn webinar(app: &TestApp, title: &str) -> (String, String) {
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json(title, "public");
    body["start"] = json!("2099-03-10T18:00");
    let id = event(app, &token, body).await;
    (id, token)
}

async fn register(app: &TestApp, event: &str, email: &str, lang: &str) -> StatusCode {
    TestApp::client()
        .post(app.url(&format!("/events/{event}/register")))
        .form(&[
            ("name", "Amal Haddad"),
            ("email", email),
            ("country", "JO"),
            ("lang", lang),
            ("consent", "on"),
        ])
        .send()
        .await
        .unwrap()
        .status()
}

fn worker(app: &TestApp, db: Db, smtp: Option<&SmtpSettings>) -> Worker {
    Worker::new(db, smtp, &app.base).unwrap()
}

#[tokio::test]
async fn a_registrant_gets_a_confirmation_whose_link_cancels_their_registration() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, token) = webinar(&app, "Harvest season briefing").await;
    assert_eq!(
        register(&app, &id, "amal@example.org", "en").await,
        StatusCode::SEE_OTHER
    );

    let pass = worker(&app, app.db.clone(), Some(&smtp.settings()))
        .run_once(Utc::now())
        .await
        .unwrap();
    assert_eq!(pass.sent, 1);
    let mail = smtp.to("amal@example.org");
    assert_eq!(mail.len(), 1);
    let m = &mail[0];
    assert_eq!(m["subject"], "Your place at Harvest season briefing");
    assert!(
        m["message_id"]
            .as_str()
            .unwrap()
            .ends_with("@tadamun.example.org>")
    );
    let text = m["text"].as_str().unwrap();
    // Registered from Jordan: the time in Amman, with Nairobi's beside it.
    assert!(
        text.contains("2099-03-10 18:00–19:30 (Asia/Amman)"),
        "{text}"
    );
    assert!(text.contains("2099-03-10 18:00 Africa/Nairobi"), "{text}");
    assert!(m["html"].as_str().unwrap().contains(r#"dir="ltr""#));

    let prefix = format!("{}/registrations/", app.base);
    let link = text
        .split_whitespace()
        .find(|w| w.starts_with(&prefix))
        .expect("the cancel link")
        .to_owned();
    let visitor = TestApp::client();
    let page = visitor
        .get(&link)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let (path, query) = link[app.base.len()..].split_once("?token=").unwrap();
    assert!(page.contains(&format!(r#"action="{path}/cancel""#)));
    let cancelled = visitor
        .post(app.url(&format!("{path}/cancel")))
        .form(&[("token", query)])
        .send()
        .await
        .unwrap();
    assert_eq!(cancelled.status(), StatusCode::OK);
    let list = app
        .api_json(&format!("/api/v1/events/{id}/registrations"), &token)
        .await;
    assert_eq!(list[0]["status"], "cancelled");
}

#[tokio::test]
async fn registrants_are_reminded_a_day_and_an_hour_before_and_the_waiting_list_is_told_apart() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let token = app.token_of(Role::Coordinator).await;
    let mut body = webinar_json("Legal clinic", "public");
    body["start"] = json!("2099-03-10T18:00");
    body["capacity"] = json!(1);
    let id = event(&app, &token, body).await;
    register(&app, &id, "first@example.org", "fr").await;
    register(&app, &id, "second@example.org", "es").await;
    let w = worker(&app, app.db.clone(), Some(&smtp.settings()));

    w.run_once(start() - Duration::hours(30)).await.unwrap();
    assert_eq!(smtp.to("first@example.org").len(), 1);
    let waiting = smtp.to("second@example.org");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0]["subject"], "Lista de espera: Legal clinic");

    let day = w.run_once(start() - Duration::hours(23)).await.unwrap();
    assert_eq!(day.sent, 1);
    w.run_once(start() - Duration::hours(22)).await.unwrap();
    let hour = w.run_once(start() - Duration::minutes(30)).await.unwrap();
    assert_eq!(hour.sent, 1);
    w.run_once(start() - Duration::minutes(10)).await.unwrap();

    let first: Vec<String> = smtp
        .to("first@example.org")
        .iter()
        .map(|m| m["subject"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(first.len(), 3, "{first:?}");
    assert!(first.contains(&"Demain : Legal clinic".to_owned()));
    assert!(first.contains(&"Dans une heure : Legal clinic".to_owned()));
    // Those waiting get no reminder of an event they have no place at.
    assert_eq!(smtp.to("second@example.org").len(), 1);
}

#[tokio::test]
async fn two_workers_at_once_on_one_database_send_each_message_exactly_once() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, _) = webinar(&app, "Boycott strategy").await;
    let people: Vec<String> = (0..6).map(|i| format!("p{i}@example.org")).collect();
    for p in &people {
        register(&app, &id, p, "en").await;
    }
    let a = worker(
        &app,
        Db::connect(&app.url).await.unwrap(),
        Some(&smtp.settings()),
    );
    let b = worker(
        &app,
        Db::connect(&app.url).await.unwrap(),
        Some(&smtp.settings()),
    );
    for now in [
        start() - Duration::hours(30),
        start() - Duration::hours(23),
        start() - Duration::minutes(59),
    ] {
        let (x, y) = tokio::join!(a.run_once(now), b.run_once(now));
        let (x, y) = (x.unwrap(), y.unwrap());
        assert_eq!(x.failed + y.failed, 0);
    }
    for p in &people {
        let mut subjects: Vec<String> = smtp
            .to(p)
            .iter()
            .map(|m| m["subject"].as_str().unwrap().to_owned())
            .collect();
        subjects.sort();
        assert_eq!(
            subjects,
            [
                "In one hour: Boycott strategy",
                "Tomorrow: Boycott strategy",
                "Your place at Boycott strategy",
            ],
            "{p}"
        );
    }
    assert_eq!(smtp.messages().len(), 18);
}

#[tokio::test]
async fn a_send_the_smtp_server_refuses_is_retried_after_a_back_off_and_then_succeeds() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, _) = webinar(&app, "Vigil planning").await;
    register(&app, &id, "amal@example.org", "en").await;
    let now = tadamun_core::time::from_millis(Utc::now().timestamp_millis());
    let down = settings_on(free_port());
    let broken = worker(&app, app.db.clone(), Some(&down));
    let pass = broken.run_once(now).await.unwrap();
    assert_eq!((pass.sent, pass.failed), (0, 1));
    let queued = reminders::list(&app.db, JobState::Queued, 10)
        .await
        .unwrap();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].attempts, 1);
    assert!(queued[0].last_error.is_some());
    assert_eq!(queued[0].run_at, now + Duration::minutes(1));

    let good = worker(&app, app.db.clone(), Some(&smtp.settings()));
    assert_eq!(
        good.run_once(now).await.unwrap().sent,
        0,
        "not before its time"
    );
    let later = good.run_once(now + Duration::minutes(2)).await.unwrap();
    assert_eq!(later.sent, 1);
    assert_eq!(smtp.to("amal@example.org").len(), 1);
}

#[tokio::test]
async fn without_an_smtp_server_messages_stay_queued_until_one_is_configured() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, _) = webinar(&app, "Media training").await;
    register(&app, &id, "amal@example.org", "en").await;
    let idle = worker(&app, app.db.clone(), None);
    assert_eq!(idle.run_once(Utc::now()).await.unwrap().sent, 0);
    // Between Monday 08:00 and Tuesday 08:00 the coordinator's weekly digest is queued
    // too: only the registrant's confirmation is this test's.
    let queued: Vec<_> = reminders::list(&app.db, JobState::Queued, 10)
        .await
        .unwrap()
        .into_iter()
        .filter(|j| j.recipient == "amal@example.org")
        .collect();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].attempts, 0);

    let admin = app.user(Role::Admin, None).await;
    let page = app
        .signed_in(&admin)
        .await
        .get(app.url("/admin/jobs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("amal@example.org"));
    assert!(page.contains("No SMTP server is configured"));

    let sending = worker(&app, app.db.clone(), Some(&smtp.settings()));
    assert!(sending.run_once(Utc::now()).await.unwrap().sent >= 1);
    assert_eq!(smtp.to("amal@example.org").len(), 1);
}

#[tokio::test]
async fn the_weekly_digest_comes_in_arabic_right_to_left_and_not_to_those_who_turned_it_off() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, _) = webinar(&app, "Solidarity webinar").await;
    let amman = Zone::parse("Asia/Amman").unwrap();
    let arabic = app.user(Role::Member, None).await;
    users::update_profile(
        &app.db,
        &Actor::System,
        &arabic.id,
        Profile {
            name: "أمل".into(),
            lang: Some(Lang::Ar),
            zone: amman,
        },
    )
    .await
    .unwrap();
    let off = app.user(Role::Member, None).await;
    register(&app, &id, arabic.email.as_str(), "ar").await;
    register(&app, &id, off.email.as_str(), "en").await;
    let saved = app
        .signed_in(&off)
        .await
        .post(app.url("/account/reminders"))
        .form(&[("save", "1")])
        .send()
        .await
        .unwrap();
    assert_eq!(saved.status(), StatusCode::OK);

    // The Monday before the webinar, 08:30 in Amman.
    let day = amman.local(start()).date();
    let monday = day - Duration::days(i64::from(day.weekday().num_days_from_monday()));
    let now = amman.start_of_day(monday) + Duration::minutes(8 * 60 + 30);
    let w = worker(&app, app.db.clone(), Some(&smtp.settings()));
    w.run_once(now).await.unwrap();
    w.run_once(now + Duration::hours(1)).await.unwrap();

    let digests: Vec<Value> = smtp
        .to(arabic.email.as_str())
        .into_iter()
        .filter(|m| m["subject"].as_str().unwrap().starts_with("أسبوعك"))
        .collect();
    assert_eq!(digests.len(), 1);
    let html = digests[0]["html"].as_str().unwrap();
    assert!(html.contains(r#"<html lang="ar" dir="rtl">"#), "{html}");
    assert!(html.contains("Solidarity webinar"));
    assert!(html.contains("أنت مسجَّل"));
    assert!(
        digests[0]["unsubscribe"]
            .as_str()
            .unwrap()
            .contains("/account/reminders")
    );
    let others: Vec<Value> = smtp
        .to(off.email.as_str())
        .into_iter()
        .filter(|m| m["subject"].as_str().unwrap().starts_with("Your week"))
        .collect();
    assert!(others.is_empty());
}

#[tokio::test]
async fn an_admin_sees_why_a_job_failed_and_queues_it_again_from_the_jobs_page() {
    let app = TestApp::spawn().await;
    let (id, _) = webinar(&app, "Archive training").await;
    register(&app, &id, "amal@example.org", "en").await;
    let down = settings_on(free_port());
    let broken = worker(&app, app.db.clone(), Some(&down));
    let mut now = tadamun_core::time::from_millis(Utc::now().timestamp_millis());
    for _ in 0..tadamun_core::reminders::MAX_ATTEMPTS {
        broken.run_once(now).await.unwrap();
        now += Duration::hours(7);
    }
    let failed = reminders::list(&app.db, JobState::Failed, 10)
        .await
        .unwrap();
    assert_eq!(failed.len(), 1);

    let admin = app.signed_in(&app.user(Role::Admin, None).await).await;
    let page = admin
        .get(app.url("/admin/jobs"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains("Registration confirmed"));
    assert!(page.contains(&format!(r#"action="/admin/jobs/{}/retry""#, failed[0].id)));
    let retried = admin
        .post(app.url(&format!("/admin/jobs/{}/retry", failed[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(retried.status(), StatusCode::SEE_OTHER);
    let job = reminders::get(&app.db, &failed[0].id).await.unwrap();
    assert_eq!((job.state, job.attempts), (JobState::Queued, 0));

    let member = app.signed_in(&app.user(Role::Member, None).await).await;
    let refused = member
        .post(app.url(&format!("/admin/jobs/{}/retry", failed[0].id)))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn the_digest_setting_shows_what_was_chosen_and_the_api_reads_the_same() {
    let app = TestApp::spawn().await;
    let user = app.user(Role::Viewer, None).await;
    let client = app.signed_in(&user).await;
    let page = client
        .get(app.url("/account/reminders"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(page.contains(r#"name="weekly_digest" value="on" checked"#));
    let saved = client
        .post(app.url("/account/reminders"))
        .form(&[("save", "1")])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(!saved.contains("checked"));
    let token = app.token(&user).await;
    let body = app.api_json("/api/v1/account/reminders", &token).await;
    assert_eq!(body["weekly_digest"], false);
}

#[tokio::test]
async fn a_worker_set_to_starttls_never_sends_in_clear_to_a_server_that_does_not_offer_it() {
    let app = TestApp::spawn().await;
    let smtp = Smtp::start();
    let (id, _) = webinar(&app, "Security basics").await;
    register(&app, &id, "amal@example.org", "en").await;
    let strict = SmtpSettings {
        tls: Tls::StartTls,
        ..smtp.settings()
    };
    let pass = worker(&app, app.db.clone(), Some(&strict))
        .run_once(Utc::now())
        .await
        .unwrap();
    assert_eq!((pass.sent, pass.failed), (0, 1));
    assert!(smtp.messages().is_empty());
    let queued = reminders::list(&app.db, JobState::Queued, 10)
        .await
        .unwrap();
    assert!(queued[0].last_error.is_some());
}
