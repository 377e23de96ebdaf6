//! Places: the gazetteer of PRC divisions, the names found on a page, and whose meeting a
//! report is.

mod address;
mod evidence;
mod gazetteer;
mod hits;
mod locate;
mod meeting;
mod own;
mod weights;

pub use gazetteer::Gazetteer;
pub use hits::PageHits;
pub use meeting::{Located, MeetingText};
pub use own::Kind;
pub use weights::LocalityWeights;

pub use crate::meeting::centre::{is_central_meeting, national};
