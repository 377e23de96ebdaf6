//! Two places side by side: every meeting of each, chosen by the one place rule, aligned clause
//! to clause.

use super::place::place_of;
use crate::compare::align::{AlignConfig, Alignment, align_sets};
use crate::model::MeetingId;
use crate::pipeline::Analysis;

/// The meetings counted under place `name` (a short name as [`place_of`] gives it), in id order.
pub fn meetings_of(analysis: &Analysis, name: &str) -> Vec<MeetingId> {
    analysis
        .meetings
        .iter()
        .filter(|m| place_of(m, &analysis.documents) == name)
        .map(|m| m.id)
        .collect()
}

/// Aligns the directives of every meeting of place `a` with those of place `b`.
pub fn align_places(analysis: &Analysis, a: &str, b: &str, config: &AlignConfig) -> Alignment {
    align_sets(
        analysis,
        &meetings_of(analysis, a),
        &meetings_of(analysis, b),
        config,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{Fixture, seed};

    /// Meetings of `place` after the first meeting loses its own place, so its document's place
    /// (`paper`, when given) decides.
    fn check(paper: Option<&str>, place: &str, expect: &[u32]) {
        let mut f = Fixture::new();
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        f.meeting(yk, "永康", "2022-01-04", &["要坚持两手抓、两手硬"]);
        f.meeting(sz, "嵊州", "2020-02-18", &["要全力帮助企业复工复产"]);
        let mut a = f.analysis;
        a.meetings[0].place = None;
        a.documents[0].place = paper.map(|p| crate::model::Place {
            name: p.into(),
            full: p.into(),
            code: "".into(),
            level: crate::model::PlaceLevel::County,
        });
        let got: Vec<u32> = meetings_of(&a, place).iter().map(|m| m.0).collect();
        assert_eq!(got, expect, "{paper:?} {place}");
    }

    #[test]
    fn places_pick_meetings_by_the_place_rule() {
        check(Some("永康"), "永康", &[0]);
        check(None, "永康", &[]);
        check(None, super::super::place::UNPLACED, &[0]);
        check(None, "嵊州", &[1]);
    }
}
