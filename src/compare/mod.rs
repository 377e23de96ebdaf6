//! Places side by side: the phrase × place matrix, aligned directives, character diffs, keyness.

pub mod align;
pub mod diff;
pub mod keyness;
pub mod matrix;
