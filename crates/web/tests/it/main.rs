//! The web application's integration tests: each starts the real server on
//! 127.0.0.1:0 with a database of its own (SQLite, or PostgreSQL when
//! `TADAMUN_TEST_POSTGRES` names a server) and talks HTTP to it.

// A failed unwrap is how a test reports a broken expectation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod access;
mod accounts;
mod api;
mod calendar;
mod campaigns;
mod content;
mod coordination;
mod coverage;
mod directory;
mod event_paging;
mod events;
mod group_pages;
mod groups;
mod helpers;
mod http;
mod i18n;
mod import;
mod large_forms;
mod outreach;
mod people;
mod pickers;
mod plan_pages;
mod plans;
mod publications;
mod registrations;
mod reminders;
mod search;
mod two_factor;
