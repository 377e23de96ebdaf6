//! Meeting precision and recall, and per-field accuracy, for a page, a group of pages or all.

use std::collections::BTreeMap;

use serde::Serialize;

use super::fields::{
    Field, chair_right, date_in_range, date_right, place_right, show, show_date, show_place,
    title_right,
};
use super::labels::{LabelMeeting, Labelled};
use super::matching::pair;
use crate::model::Meeting;

/// One place where extraction and the labels disagree.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Disagreement {
    /// The page, as written in the labels file.
    pub file: String,
    /// A field name, or `meeting` for a meeting missed or found where none is labelled.
    pub field: String,
    /// What the label says (`-` for nothing).
    pub expected: String,
    /// What extraction gave (`-` for nothing).
    pub got: String,
}

/// How often one field was right among the paired meetings.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FieldScore {
    /// The field.
    pub field: Field,
    /// Paired meetings where it agrees with the label.
    pub right: usize,
    /// Paired meetings.
    pub of: usize,
    /// `right / of`, or 0 when nothing was paired.
    pub accuracy: f64,
}

/// Counts over some pages, from which every figure follows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// Pages scored.
    pub files: usize,
    /// Pages labelled as meeting reports.
    pub reports: usize,
    /// Of those, pages where extraction found at least one meeting.
    pub reports_found: usize,
    /// Pages labelled as near misses.
    pub near_misses: usize,
    /// Of those, pages where extraction found a meeting all the same.
    pub near_misses_flagged: usize,
    /// Meetings labelled.
    pub labelled: usize,
    /// Meetings found.
    pub found: usize,
    /// Found meetings paired with a labelled one.
    pub matched: usize,
    /// Per field (in [`Field::ALL`] order), paired meetings where it agrees; JSON has it as
    /// `fields`.
    #[serde(skip)]
    pub right: [usize; 6],
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.files += other.files;
        self.reports += other.reports;
        self.reports_found += other.reports_found;
        self.near_misses += other.near_misses;
        self.near_misses_flagged += other.near_misses_flagged;
        self.labelled += other.labelled;
        self.found += other.found;
        self.matched += other.matched;
        for (a, b) in self.right.iter_mut().zip(other.right) {
            *a += b;
        }
    }
}

/// The figures for some pages.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Score {
    /// The counts behind the figures.
    #[serde(flatten)]
    pub tally: Tally,
    /// Found meetings that are labelled ones; 0 when none was found.
    pub precision: f64,
    /// Labelled meetings that were found; 0 when none is labelled.
    pub recall: f64,
    /// The harmonic mean of precision and recall.
    pub f1: f64,
    /// Accuracy of each field over the paired meetings, in [`Field::ALL`] order.
    pub fields: Vec<FieldScore>,
}

impl Score {
    /// The figures that follow from `tally`.
    pub fn from_tally(tally: Tally) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(tally.matched, tally.found);
        let recall = ratio(tally.matched, tally.labelled);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        let fields = Field::ALL
            .iter()
            .zip(tally.right)
            .map(|(&field, right)| FieldScore {
                field,
                right,
                of: tally.matched,
                accuracy: ratio(right, tally.matched),
            })
            .collect();
        Self {
            tally,
            precision,
            recall,
            f1,
            fields,
        }
    }

    /// The score of one field.
    pub fn field(&self, field: Field) -> Option<&FieldScore> {
        self.fields.iter().find(|f| f.field == field)
    }
}

/// The figures for the pages sharing an outlet or a province.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupScore {
    /// The outlet or province as labelled (`?` when not labelled).
    pub name: String,
    /// Its figures.
    #[serde(flatten)]
    pub score: Score,
}

/// One page scored: its counts and where it disagrees.
#[derive(Clone, Debug, Default)]
pub struct PageOutcome {
    /// Its counts.
    pub tally: Tally,
    /// Every disagreement, in page order.
    pub disagreements: Vec<Disagreement>,
}

/// Scores the meetings `found` in a page (in page order) against its labels.
pub fn score_page(label: &Labelled, found: &[&Meeting]) -> PageOutcome {
    let mut out = PageOutcome::default();
    let t = &mut out.tally;
    t.files = 1;
    t.found = found.len();
    t.labelled = label.meetings.len();
    if label.meeting_report {
        t.reports = 1;
        t.reports_found = usize::from(!found.is_empty());
    } else {
        t.near_misses = 1;
        t.near_misses_flagged = usize::from(!found.is_empty());
    }
    let pairs = pair(found, &label.meetings);
    t.matched = pairs.len();
    let mut note = |field: &str, expected: String, got: String| {
        out.disagreements.push(Disagreement {
            file: label.file.clone(),
            field: field.to_string(),
            expected,
            got,
        });
    };
    for (j, (l, _)) in label.meetings.iter().enumerate() {
        if !pairs.iter().any(|&(_, lj)| lj == j) {
            note("meeting", describe_label(l), "-".into());
        }
    }
    for (i, m) in found.iter().enumerate() {
        if !pairs.iter().any(|&(fi, _)| fi == i) {
            note("meeting", "-".into(), describe_found(m));
        }
    }
    for &(i, j) in &pairs {
        let (m, (l, date)) = (found[i], &label.meetings[j]);
        let verdicts = [
            (
                place_right(l.place.as_deref(), m.place.as_ref()),
                show(l.place.as_deref()),
                show_place(m.place.as_ref()),
            ),
            (
                date_right(*date, m.date.as_ref()),
                show(l.date.as_deref()),
                show_date(m.date.as_ref()),
            ),
            (
                date_in_range(*date, m.date.as_ref()),
                show(l.date.as_deref()),
                show_date(m.date.as_ref()),
            ),
            (
                chair_right(l.chair.as_deref(), m.chair.as_deref()),
                show(l.chair.as_deref()),
                show(m.chair.as_deref()),
            ),
            (
                title_right(l.title.as_deref(), &m.title),
                show(l.title.as_deref()),
                show(Some(&m.title)),
            ),
            (
                place_right(l.convened_by.as_deref(), m.convened_by.as_ref()),
                show(l.convened_by.as_deref()),
                show_place(m.convened_by.as_ref()),
            ),
        ];
        for (k, (right, expected, got)) in verdicts.into_iter().enumerate() {
            if right {
                out.tally.right[k] += 1;
            } else if Field::ALL[k] != Field::DateInRange {
                // A date out of range is a wrong date too, listed once under `date`.
                out.disagreements.push(Disagreement {
                    file: label.file.clone(),
                    field: Field::ALL[k].as_str().to_string(),
                    expected,
                    got,
                });
            }
        }
    }
    out
}

/// A labelled meeting in one line: title, place, date, chair.
fn describe_label(l: &LabelMeeting) -> String {
    format!(
        "{} ({} {} {})",
        show(l.title.as_deref()),
        show(l.place.as_deref()),
        show(l.date.as_deref()),
        show(l.chair.as_deref())
    )
}

/// A found meeting in one line, in the same shape as [`describe_label`].
fn describe_found(m: &Meeting) -> String {
    format!(
        "{} ({} {} {})",
        show(Some(&m.title)),
        show_place(m.place.as_ref()),
        show_date(m.date.as_ref()),
        show(m.chair.as_deref())
    )
}

/// Adds a page's counts to the overall tally and its outlet's and province's.
#[derive(Debug, Default)]
pub struct Totals {
    /// Every page.
    pub all: Tally,
    /// Per outlet.
    pub outlets: BTreeMap<String, Tally>,
    /// Per province.
    pub provinces: BTreeMap<String, Tally>,
}

impl Totals {
    /// Counts one page in.
    pub fn add(&mut self, label: &Labelled, tally: &Tally) {
        self.all.add(tally);
        self.outlets
            .entry(label.outlet.clone())
            .or_default()
            .add(tally);
        self.provinces
            .entry(label.province.clone())
            .or_default()
            .add(tally);
    }
}

/// Groups as scores, sorted by name.
pub fn group_scores(groups: BTreeMap<String, Tally>) -> Vec<GroupScore> {
    groups
        .into_iter()
        .map(|(name, tally)| GroupScore {
            name,
            score: Score::from_tally(tally),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::Arc;

    use super::*;
    use crate::model::{DateBasis, Place, PlaceLevel, PolicyDate};
    use crate::report::eval::labels::LabelDate;

    fn place(name: &str) -> Place {
        Place {
            name: name.into(),
            full: Arc::from(format!("某省{name}县")),
            code: "000000".into(),
            level: PlaceLevel::County,
        }
    }

    /// A meeting from `place|date|chair|title`.
    fn found(spec: &str) -> Meeting {
        let f: Vec<&str> = spec.split('|').collect();
        Meeting {
            place: Some(f[0]).filter(|s| !s.is_empty()).map(place),
            date: Some(f[1])
                .filter(|s| !s.is_empty())
                .map(|s| PolicyDate::new(s.parse().unwrap(), DateBasis::Explicit)),
            chair: Some(f[2]).filter(|s| !s.is_empty()).map(str::to_string),
            title: f[3].to_string(),
            ..Meeting::default()
        }
    }

    /// A labelled page from meetings `place|date|chair|title`; none makes it a near miss.
    fn page(specs: &[&str]) -> Labelled {
        let meetings = specs
            .iter()
            .map(|spec| {
                let f: Vec<&str> = spec.split('|').collect();
                let opt = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
                let m = LabelMeeting {
                    place: opt(f[0]),
                    date: opt(f[1]),
                    chair: opt(f[2]),
                    title: opt(f[3]),
                    convened_by: None,
                };
                let date = m.date.as_deref().and_then(LabelDate::parse);
                (m, date)
            })
            .collect();
        Labelled {
            path: PathBuf::from("p.txt"),
            file: "p.txt".into(),
            outlet: "某县报".into(),
            province: "某省".into(),
            meeting_report: !specs.is_empty(),
            meetings,
        }
    }

    /// Scores a page; `expect` is labelled/found/matched then per field right, and the fields
    /// of the disagreements listed.
    fn check(
        labels: &[&str],
        got: &[&str],
        expect: (usize, usize, usize, [usize; 6]),
        wrong: &[&str],
    ) {
        let meetings: Vec<Meeting> = got.iter().map(|s| found(s)).collect();
        let refs: Vec<&Meeting> = meetings.iter().collect();
        let out = score_page(&page(labels), &refs);
        let t = &out.tally;
        assert_eq!(
            (t.labelled, t.found, t.matched, t.right),
            expect,
            "{labels:?} ~ {got:?}"
        );
        let fields: Vec<&str> = out.disagreements.iter().map(|d| d.field.as_str()).collect();
        assert_eq!(fields, wrong, "{:#?}", out.disagreements);
    }

    #[test]
    fn pages_score_meetings_and_fields() {
        let right = "甲|2021-03-05|王五|县委常委会会议";
        check(&[right], &[right], (1, 1, 1, [1, 1, 1, 1, 1, 1]), &[]);
        check(
            &[right],
            &["乙|2021-03-05|王五|县委常委会会议"],
            (1, 1, 1, [0, 1, 1, 1, 1, 1]),
            &["place"],
        );
        check(
            &[right],
            &["甲|2021-03-06|王五|县委常委会会议"],
            (1, 1, 1, [1, 0, 0, 1, 1, 1]),
            &["date"],
        );
        check(
            &[right],
            &["甲|2021-03-05||县委常委会"],
            (1, 1, 1, [1, 1, 1, 0, 1, 1]),
            &["chair"],
        );
        check(
            &[right],
            &["甲|2021-03-05|王五|县政府常务会议"],
            (1, 1, 1, [1, 1, 1, 1, 0, 1]),
            &["title"],
        );
        check(
            &["甲|--03-05|王五|县委常委会会议"],
            &[right],
            (1, 1, 1, [1, 1, 1, 1, 1, 1]),
            &[],
        );
        check(&[right], &[], (1, 0, 0, [0; 6]), &["meeting"]);
        check(
            &[right],
            &[right, "甲|2021-03-05|王五|县委全会"],
            (1, 2, 1, [1, 1, 1, 1, 1, 1]),
            &["meeting"],
        );
        check(&[], &[right], (0, 1, 0, [0; 6]), &["meeting"]);
        check(&[], &[], (0, 0, 0, [0; 6]), &[]);
    }

    #[test]
    fn near_misses_and_reports_count_as_pages() {
        let m = found("甲|2021-03-05|王五|县委常委会会议");
        let near = score_page(&page(&[]), &[&m]).tally;
        assert_eq!(
            (near.near_misses, near.near_misses_flagged, near.reports),
            (1, 1, 0)
        );
        let missed = score_page(&page(&["甲|||县委全会"]), &[]).tally;
        assert_eq!(
            (missed.reports, missed.reports_found, missed.near_misses),
            (1, 0, 0)
        );
    }

    #[test]
    fn scores_follow_from_the_tally() {
        let tally = Tally {
            labelled: 4,
            found: 5,
            matched: 3,
            right: [3, 2, 3, 1, 0, 3],
            ..Tally::default()
        };
        let s = Score::from_tally(tally);
        assert!((s.precision - 0.6).abs() < 1e-9);
        assert!((s.recall - 0.75).abs() < 1e-9);
        assert!((s.f1 - 2.0 * 0.6 * 0.75 / 1.35).abs() < 1e-9);
        let place = s.field(Field::Place).unwrap();
        assert_eq!((place.right, place.of), (3, 3));
        assert!((s.field(Field::Chair).unwrap().accuracy - 1.0 / 3.0).abs() < 1e-9);
        let empty = Score::from_tally(Tally::default());
        assert_eq!((empty.precision, empty.recall, empty.f1), (0.0, 0.0, 0.0));
    }
}
