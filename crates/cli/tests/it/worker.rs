//! `tadamun worker`: separate processes sharing one database send each message once
//! and stop cleanly on SIGTERM.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use tadamun_core::reminders::JobState;
use tadamun_store::reminders;
use tadamun_store::testing::TestDatabase;

use crate::tadamun;

/// Child processes killed when dropped, whatever happens in between.
struct Children(Vec<Child>);

impl Drop for Children {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

#[tokio::test]
async fn two_worker_processes_on_one_database_send_each_message_once_and_stop_on_sigterm() {
    let t = TestDatabase::new().await.unwrap();
    // The demo's registrations queue their confirmations.
    assert!(
        tadamun(&["demo", "--database", &t.url], "")
            .status
            .success()
    );
    let queued = reminders::list(&t.db, JobState::Queued, 1000)
        .await
        .unwrap();
    assert!(queued.len() >= 10, "{} jobs", queued.len());

    let port = free_port();
    let maildir = std::env::temp_dir().join(format!("tadamun-cli-mail-{port}"));
    let mut children = Children(Vec::new());
    children.0.push(
        Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l"])
            .arg(format!("127.0.0.1:{port}"))
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut up = false;
    for _ in 0..200 {
        if TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], port))).is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(up, "aiosmtpd did not start");
    for _ in 0..2 {
        children.0.push(
            Command::new(env!("CARGO_BIN_EXE_tadamun"))
                .args(["worker", "--database", &t.url])
                .args(["--public-url", "https://tadamun.example.org"])
                .env("TADAMUN_LOG", "warn")
                .env("TADAMUN_SMTP_HOST", "127.0.0.1")
                .env("TADAMUN_SMTP_PORT", port.to_string())
                .env("TADAMUN_SMTP_FROM", "reminders@tadamun.example.org")
                .env("TADAMUN_SMTP_TLS", "none")
                .stdout(Stdio::null())
                .stderr(Stdio::inherit())
                .spawn()
                .unwrap(),
        );
    }
    let mut left = usize::MAX;
    for _ in 0..600 {
        left = reminders::list(&t.db, JobState::Queued, 1000)
            .await
            .unwrap()
            .iter()
            .filter(|j| j.run_at <= chrono::Utc::now())
            .count();
        if left == 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(left, 0, "jobs still queued");
    for worker in &mut children.0[1..] {
        let stopped = Command::new("kill")
            .args(["-TERM", &worker.id().to_string()])
            .status()
            .unwrap();
        assert!(stopped.success());
        assert!(worker.wait().unwrap().success(), "a clean stop");
    }
    let done = reminders::list(&t.db, JobState::Done, 1000).await.unwrap();
    assert!(done.len() >= 10);
    let delivered = std::fs::read_dir(maildir.join("new")).unwrap().count();
    let _ = std::fs::remove_dir_all(&maildir);
    assert_eq!(delivered, done.len(), "one message per job, none twice");
    let mut keys: Vec<_> = done
        .iter()
        .map(|j| (j.kind, j.occurrence.clone(), j.recipient.clone()))
        .collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), done.len());
    let claimed: std::collections::HashSet<_> =
        done.iter().filter_map(|j| j.claimed_by.clone()).collect();
    assert!(!claimed.is_empty());
}
