//! Tifa reads Chinese local-government news reports, finds the meetings they report and the
//! directives those meetings lay down, and compares how policy formulae (提法) recur and change
//! between places.
//!
//! The engine takes text in and gives plain data out; the desktop app (feature `gui`) and
//! `tifa-cli` are thin layers over it.
//!
//! ```
//! use tifa::pipeline::{analyse, Config, Engine};
//! use tifa::{ingest, NoProgress};
//!
//! let engine = Engine::new();
//! let corpus = ingest::seed_corpus();
//! let analysis = analyse(&engine, corpus, &Config::default(), &mut NoProgress).unwrap();
//! assert!(!analysis.meetings.is_empty());
//! ```

pub mod cli;
pub mod compare;
pub mod correct;
pub mod export;
#[cfg(feature = "gui")]
pub mod gui;
pub mod ingest;
pub mod meeting;
pub mod model;
pub mod phrase;
pub mod pipeline;
pub mod priority;
pub mod progress;
pub mod project;
pub mod report;
pub mod scale;
pub mod text;

pub use model::*;
pub use progress::{Cancelled, NoProgress, Progress};
