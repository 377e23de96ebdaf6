//! One page into its articles.

use crate::model::{Article, Document};

/// Splits a page into articles, leaving page chrome out.
pub fn articles(doc: &Document) -> Vec<Article> {
    let _ = doc;
    Vec::new()
}
