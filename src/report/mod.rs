//! The views the engine owns: one rule for a meeting's place, the table kinds, every table
//! builder, the JSON wire types, and how far the extraction can be trusted (`eval`). The desktop
//! app and the command line only render these.

pub mod align;
pub mod diffusion;
pub mod eval;
pub mod json;
pub mod kind;
pub mod matrix;
pub mod place;
pub mod restated;
pub mod side;
pub mod tables;
pub mod track;

pub use align::align_places;
pub use diffusion::{Diffusion, DiffusionConfig, diffusion};
pub use kind::{DiffPair, TableKind};
pub use matrix::{Matrix, MatrixCell, MatrixRow, matrix};
pub use place::{UNPLACED, place_of};
pub use restated::{RestateConfig, Restatement, fingerprint as restatement_fingerprint, restated};
pub use side::{SideBySide, side_by_side};
pub use tables::{Focus, table};
