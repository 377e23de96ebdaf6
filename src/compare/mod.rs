//! Comparing places: aligned directives, character diffs, keyness, and tracing rows to sentences.

pub mod align;
pub mod diff;
pub mod keyness;
pub mod source;

/// The fixture builder of the integration tests, compiled into the unit tests too; `tifa` names
/// this crate inside it.
#[cfg(test)]
pub(crate) mod fixture {
    use crate as tifa;
    include!("../../tests/common/fixture.rs");
}
