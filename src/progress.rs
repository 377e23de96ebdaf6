//! Progress reporting and cancellation for long work.

use std::ops::ControlFlow;

/// Receives progress from long work; returning `Break` cancels it.
pub trait Progress {
    /// `done` of `total` steps are finished. Return `ControlFlow::Break(())` to cancel.
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()>;
}

/// A [`Progress`] that ignores reports and never cancels.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoProgress;

impl Progress for NoProgress {
    fn report(&mut self, _done: usize, _total: usize) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }
}

impl<F: FnMut(usize, usize) -> ControlFlow<()>> Progress for F {
    fn report(&mut self, done: usize, total: usize) -> ControlFlow<()> {
        self(done, total)
    }
}

/// The work was cancelled through its [`Progress`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("cancelled")]
pub struct Cancelled;
