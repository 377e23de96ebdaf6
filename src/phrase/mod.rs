//! Recurring directive phrases (提法) and their variants.

mod frames;
mod grams;
pub mod lexicon;
pub mod mine;
mod occur;
mod places;
pub mod reference;
pub mod score;
pub mod segment;
mod select;
pub mod shape;
pub mod variants;

pub use lexicon::Lexicon;
pub use mine::{MineConfig, Mined, PhraseIndex, mine, place_uses};
pub use occur::{Found, find_variants, to_document};
pub use score::ScoreWeights;
pub use segment::Segmenter;
