//! From a page's articles to meetings: place, date, title, chair and directives.

pub mod chair;
pub mod date;
pub mod detect;
pub mod directive;
pub mod place;
pub mod title;

pub use date::PageDates;
pub use detect::extract;
pub use place::Gazetteer;
