//! Which articles report a convened meeting, and its title and chair.

use crate::meeting::Gazetteer;
use crate::model::{Document, Meeting};

/// Finds the meetings reported in `doc`, and fills in its `published` date and `place`.
/// Meeting ids are numbered from 0 within the document; the pipeline renumbers them.
pub fn extract(doc: &mut Document, gazetteer: &Gazetteer) -> Vec<Meeting> {
    let _ = (doc, gazetteer);
    Vec::new()
}
