//! Places side by side: the phrase × place matrix, aligned directives, character diffs, keyness.

pub mod align;
pub mod diff;
pub mod keyness;
pub mod matrix;
pub mod side;
pub mod source;

pub use matrix::{Matrix, MatrixCell, MatrixRow, matrix};
pub use source::{TextMap, UNPLACED};

/// The fixture builder of the integration tests, compiled into the unit tests too; `tifa` names
/// this crate inside it.
#[cfg(test)]
pub(crate) mod fixture {
    use crate as tifa;
    include!("../../tests/common/fixture.rs");
}
