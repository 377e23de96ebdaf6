//! Recurring directive phrases (提法) and their variants.

mod grams;
pub mod mine;
pub mod segment;
pub mod shape;
pub mod variants;

pub use mine::{MineConfig, PhraseIndex, mine, place_uses};
pub use segment::Segmenter;
