//! Dates: explicit, partial, mastheads, relative days and inferred years.

use crate::model::{PolicyDate, Span};

/// What a page says about its own date: masthead, dateline, full dates seen on it.
#[derive(Clone, Debug, Default)]
pub struct PageDates {
    /// The publication date, from a masthead or dateline.
    pub published: Option<PolicyDate>,
}

impl PageDates {
    /// Reads the page's masthead, datelines and full dates.
    pub fn scan(page: &str) -> Self {
        let _ = page;
        Self::default()
    }

    /// The first date expression in `text` (a meeting's lead sentence), completed from the page;
    /// the span is relative to `text`.
    pub fn resolve(&self, text: &str) -> Option<(PolicyDate, Span)> {
        let _ = text;
        None
    }
}
