//! Stub: filled in by the ingest work.
