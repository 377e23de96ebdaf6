//! The one rule for which place a meeting belongs to, used by every view, count and export.
//!
//! A meeting belongs to the place found in its own report; a meeting whose report names no
//! place belongs to its document's place (the paper's or site's locality), and a meeting with
//! neither is counted under [`UNPLACED`], a column of its own, so its phrases still count. The
//! rule reads only the model, so it lives with the meetings: the pipeline applies it when it
//! counts phrases per place, and `report::place` gives it to every view.

use crate::model::{Document, Meeting, Place};

/// The column header of meetings with no place of their own and none from their document.
pub const UNPLACED: &str = "地点不明";

/// The place `meeting` reports for: its own, else its document's (`documents` indexed by
/// [`crate::model::DocId`]) unless that is of another kind than the body the report speaks for
/// ([`Meeting::page_place_unfit`]); `None` when neither is known.
pub fn place<'a>(meeting: &'a Meeting, documents: &'a [Document]) -> Option<&'a Place> {
    meeting.place.as_ref().or_else(|| {
        documents
            .get(meeting.doc.0 as usize)
            .filter(|_| !meeting.page_place_unfit)
            .and_then(|d| d.place.as_ref())
    })
}

/// The short name `meeting` is shown and counted under: its [`place`], else [`UNPLACED`].
pub fn place_of<'a>(meeting: &'a Meeting, documents: &'a [Document]) -> &'a str {
    place(meeting, documents).map_or(UNPLACED, |p| p.name.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DocId, PlaceLevel};

    fn at(name: &str) -> Place {
        Place {
            name: name.into(),
            full: name.into(),
            code: String::new().into(),
            level: PlaceLevel::County,
        }
    }

    /// A meeting with place `own` in a document with place `paper`, shown under `expect`.
    fn check(own: Option<&str>, paper: Option<&str>, expect: &str) {
        let mut doc = Document::from_text(DocId(0), "a.txt", "某县召开县委常委会会议");
        doc.place = paper.map(at);
        let m = Meeting {
            place: own.map(at),
            ..Meeting::default()
        };
        assert_eq!(place_of(&m, std::slice::from_ref(&doc)), expect);
    }

    #[test]
    fn own_place_then_the_document_then_unplaced() {
        check(Some("甲县"), Some("乙市"), "甲县");
        check(Some("甲县"), None, "甲县");
        check(None, Some("乙市"), "乙市");
        check(None, None, UNPLACED);
    }

    #[test]
    fn a_missing_document_leaves_the_meeting_unplaced() {
        let m = Meeting {
            doc: DocId(4),
            ..Meeting::default()
        };
        assert_eq!(place_of(&m, &[]), UNPLACED);
    }
}
