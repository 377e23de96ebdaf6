//! From a page's articles to meetings: place, date, title, chair and directives.

pub mod centre;
pub mod chair;
pub mod copies;
pub mod counted;
pub mod date;
pub mod detect;
pub mod directive;
pub mod gate;
pub mod lunar;
pub mod names;
pub mod numerals;
pub mod place;
pub mod title;
pub mod together;
pub mod vocabulary;

pub use date::{DateConfig, PageDates};
pub use detect::{
    extract, extract_meetings_with, extract_with, meetings, page_meetings, read_page,
};
pub use place::{Gazetteer, LocalityWeights, Located, MeetingText, PageHits, national};
