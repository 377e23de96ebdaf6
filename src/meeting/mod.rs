//! From a page's articles to meetings: place, date, title, chair and directives.

pub mod centre;
pub mod chair;
pub mod date;
pub mod detect;
pub mod directive;
pub mod lunar;
pub mod names;
pub mod numerals;
pub mod place;
pub mod title;
pub mod vocabulary;

pub use date::PageDates;
pub use detect::extract;
pub use place::{Gazetteer, LocalityWeights, Located, MeetingText};
