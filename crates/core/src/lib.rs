//! Tadamun's domain: the types and pure rules every other crate builds on.
//!
//! No I/O, no async, no SQL, no HTTP. Each area has one module, named the same in
//! every crate of the workspace.

pub mod accounts;
pub mod audit;
pub mod campaigns;
pub mod coordination;
pub mod coverage;
pub mod directory;
pub mod events;
pub mod geo;
pub mod groups;
pub mod i18n;
pub mod ids;
pub mod invalid;
pub mod languages;
pub mod page;
pub mod plans;
pub mod reminders;
pub mod search;
pub mod svg;
pub mod time;
pub mod visibility;

pub use invalid::{Invalid, Problem};
