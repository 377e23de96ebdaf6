//! Dates: explicit, partial, mastheads, datelines, metadata, paths, relative and vague days,
//! inferred years, each with its basis and precision.
//!
//! A page is read once ([`PageDates::read`]) for what it says about its own date; a meeting's
//! lead sentence is then resolved against that ([`PageDates::resolve`]).

mod calendar;
mod complete;
mod config;
mod masthead;
mod page;
mod source;
mod tokens;

pub use config::{DateConfig, MastheadConfig};
pub use page::PageDates;
pub use source::{PathDate, metadata_date, path_date, urls_in};
