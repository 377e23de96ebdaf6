//! The one rule for which place a meeting belongs to: [`crate::meeting::counted`], the rule every
//! view, count and export uses.

pub use crate::meeting::counted::{UNPLACED, place, place_of};
