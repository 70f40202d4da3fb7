//! The `tadamun` command, run as a user runs it: its output, its errors, its exit code.

// A failed unwrap is how a test reports a broken expectation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod directory;
mod search;
mod serve;
mod users;
mod worker;

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// Runs `tadamun ARGS` with `stdin` as standard input.
pub(crate) fn tadamun(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tadamun"))
        .args(args)
        .env_remove("TADAMUN_DATABASE")
        .env("TADAMUN_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The one error line a failed command printed.
pub(crate) fn error_line(output: &Output) -> String {
    assert!(!output.status.success(), "expected failure, got {output:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line of error, got: {stderr}");
    lines[0].to_owned()
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
