//! How far a user's own corpus can be trusted: from the meetings the user checked or corrected,
//! how often each field was right as read.

use serde::Serialize;

use super::fields::Field;

/// What a user's review says of one meeting.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    /// Marked right as it is.
    pub checked: bool,
    /// The fields corrected to something other than what was read.
    pub corrected: Vec<Field>,
}

impl Review {
    /// True when the user looked at the meeting: checked it or corrected a field.
    pub fn reviewed(&self) -> bool {
        self.checked || !self.corrected.is_empty()
    }

    /// True when `field` was corrected; a corrected date counts against both date figures.
    pub fn corrects(&self, field: Field) -> bool {
        self.corrected.iter().any(|&c| {
            c == field
                || matches!(
                    (c, field),
                    (Field::Date, Field::DateInRange) | (Field::DateInRange, Field::Date)
                )
        })
    }
}

/// One field's record over the reviewed meetings: "place right in 46 of 50".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct FieldTrust {
    /// The field: place, date or title (the ones a user can correct).
    pub field: Field,
    /// Reviewed meetings where the field was left as read.
    pub right: usize,
    /// Reviewed meetings.
    pub of: usize,
}

/// The fields a review speaks for, in display order.
pub const REVIEWED_FIELDS: [Field; 3] = [Field::Place, Field::Date, Field::Title];

/// Per field, how often it was right among the reviewed meetings.
///
/// A meeting counts once it is checked or corrected. The correction form shows place, date and
/// title together, so a field left as read on a reviewed meeting counts as right and a corrected
/// field as wrong; a checked meeting with no correction counts every field right. Meetings not
/// reviewed count for nothing.
pub fn trust(reviews: impl IntoIterator<Item = Review>) -> Vec<FieldTrust> {
    let mut out: Vec<FieldTrust> = REVIEWED_FIELDS
        .iter()
        .map(|&field| FieldTrust {
            field,
            right: 0,
            of: 0,
        })
        .collect();
    for r in reviews.into_iter().filter(Review::reviewed) {
        for t in &mut out {
            t.of += 1;
            t.right += usize::from(!r.corrects(t.field));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A review from a code: `c` checked, `p`/`d`/`t` that field corrected, `-` nothing.
    fn review(code: &str) -> Review {
        let fields = [('p', Field::Place), ('d', Field::Date), ('t', Field::Title)];
        Review {
            checked: code.contains('c'),
            corrected: fields
                .iter()
                .filter(|(c, _)| code.contains(*c))
                .map(|&(_, f)| f)
                .collect(),
        }
    }

    /// `expect` is (right, of) for place, date and title.
    fn check(codes: &[&str], expect: [(usize, usize); 3]) {
        let got: Vec<(usize, usize)> = trust(codes.iter().map(|c| review(c)))
            .iter()
            .map(|t| (t.right, t.of))
            .collect();
        assert_eq!(got, expect, "{codes:?}");
    }

    #[test]
    fn reviewed_meetings_give_each_fields_record() {
        check(&[], [(0, 0); 3]);
        check(&["-", "-"], [(0, 0); 3]);
        check(&["c"], [(1, 1); 3]);
        check(&["p"], [(0, 1), (1, 1), (1, 1)]);
        check(&["c", "p"], [(1, 2), (2, 2), (2, 2)]);
        check(&["cp"], [(0, 1), (1, 1), (1, 1)]);
        check(&["c", "c", "d", "pdt", "-"], [(3, 4), (2, 4), (3, 4)]);
    }

    #[test]
    fn a_corrected_date_counts_against_both_date_figures() {
        let r = Review {
            checked: false,
            corrected: vec![Field::Date],
        };
        assert!(r.corrects(Field::DateInRange));
        assert!(!r.corrects(Field::Place));
    }

    #[test]
    fn the_fields_are_the_correctable_ones() {
        let fields: Vec<Field> = trust([]).iter().map(|t| t.field).collect();
        assert_eq!(fields, [Field::Place, Field::Date, Field::Title]);
    }
}
