//! Stub: filled in by the export work.
