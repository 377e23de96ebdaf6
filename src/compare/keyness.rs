//! Stub: filled in by the comparison work.
