//! Reports on an analysis: how far its extraction can be trusted.

pub mod eval;
