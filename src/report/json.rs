//! The wire types of every `--json` output and JSON export, as serde structs: this file is the
//! schema. The command line serialises these and nothing else; the tests read its output back
//! into them.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use crate::export::json::{RowSource, TableRow};

use super::place::place;
use crate::compare::align::{Alignment, Clause};
use crate::compare::diff::SegmentKind;
use crate::model::{DateBasis, DatePrecision, Format, Meeting, MeetingId, PhraseGroup, ScoreParts};
use crate::pipeline::Analysis;

/// `meetings --json`: the documents read, the meetings found, the files that could not be read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingsOut {
    /// Every document, in corpus order.
    pub documents: Vec<DocumentOut>,
    /// Every meeting, in id order.
    pub meetings: Vec<MeetingOut>,
    /// Files that could not be read.
    pub problems: Vec<ProblemOut>,
}

/// One document of `meetings --json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentOut {
    /// The path as given (`seed:NAME` for the built-in corpus).
    pub path: String,
    /// What the bytes were decoded from (`UTF-8`, `GB18030`, `UTF-16LE`, …).
    pub encoding: String,
    /// `text`, `markdown`, `html` or `docx`.
    pub format: Format,
    /// The publication date read from the page.
    pub published: Option<NaiveDate>,
    /// What the publication date was read from.
    pub published_basis: Option<DateBasis>,
    /// The locality the page reports for (short name).
    pub place: Option<String>,
    /// What was repaired while reading.
    pub problems: Vec<String>,
}

/// One meeting, in `meetings --json` and on both sides of `diff --json`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingOut {
    /// `m0`, `m1`, …: what `diff` takes.
    pub id: String,
    /// The document's path.
    pub document: String,
    /// The place it is counted under (its own, else its document's), short name.
    pub place: Option<String>,
    /// The same place with province and prefecture (浙江省金华市永康市).
    pub place_full: Option<String>,
    /// The body that convened it when that is not `place` (a parent's meeting attended at the
    /// locality's branch venue), short name.
    pub convened_by: Option<String>,
    /// When the place is ambiguous, every place it could be (full names), best first.
    pub place_candidates: Vec<String>,
    /// When it was held.
    pub date: Option<NaiveDate>,
    /// What the date was read from.
    pub date_basis: Option<DateBasis>,
    /// How precisely the date is known: `day`, `month` or `approximate`.
    pub date_precision: Option<DatePrecision>,
    /// `[earliest, latest]` when the page only bounds the date.
    pub date_range: Option<[NaiveDate; 2]>,
    /// False when the page gives month and day but no year: the year in `date` is an estimate.
    pub date_year_known: Option<bool>,
    /// The meeting's name.
    pub title: String,
    /// Who chaired it, or the leader the report is built around.
    pub chair: Option<String>,
    /// What it laid down.
    pub directives: Vec<DirectiveOut>,
    /// Other reports of the same meeting (another page, a paper and its website).
    pub reports: Vec<ReportOut>,
}

/// Another report of a meeting: the document and the article's byte range in it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportOut {
    /// The document's path.
    pub document: String,
    /// The article's first byte in the document's text.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

/// One directive of a meeting.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DirectiveOut {
    /// The clause as a reader sees it.
    pub text: String,
    /// What introduced it (会议强调 …).
    pub cue: String,
    /// First byte in the document's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A file that could not be read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProblemOut {
    /// The path as given.
    pub path: String,
    /// What is wrong, one line.
    pub message: String,
}

impl MeetingsOut {
    /// The output of `meetings --json` for `analysis`.
    pub fn new(analysis: &Analysis) -> Self {
        Self {
            documents: analysis
                .documents
                .iter()
                .map(|d| DocumentOut {
                    path: d.path.clone(),
                    encoding: d.encoding.clone(),
                    format: d.format,
                    published: d.published.map(|p| p.date),
                    published_basis: d.published.map(|p| p.basis),
                    place: d.place.as_ref().map(|p| p.name.to_string()),
                    problems: d.problems.clone(),
                })
                .collect(),
            meetings: analysis
                .meetings
                .iter()
                .map(|m| MeetingOut::new(analysis, m))
                .collect(),
            problems: analysis
                .problems
                .iter()
                .map(|p| ProblemOut {
                    path: p.path.clone(),
                    message: p.message.clone(),
                })
                .collect(),
        }
    }
}

impl MeetingOut {
    /// `m` as written in JSON; its place by the one place rule.
    pub fn new(analysis: &Analysis, m: &Meeting) -> Self {
        let at = place(m, &analysis.documents);
        Self {
            id: m.id.to_string(),
            document: analysis
                .document_of(m)
                .map(|d| d.path.clone())
                .unwrap_or_default(),
            place: at.map(|p| p.name.to_string()),
            place_full: at.map(|p| p.full.to_string()),
            convened_by: m.convened_by.as_ref().map(|p| p.name.to_string()),
            place_candidates: m
                .place_candidates
                .iter()
                .map(|p| p.full.to_string())
                .collect(),
            date: m.date.map(|d| d.date),
            date_basis: m.date.map(|d| d.basis),
            date_precision: m.date.map(|d| d.precision),
            date_range: m.date.and_then(|d| d.range).map(|(a, b)| [a, b]),
            date_year_known: m.date.map(|d| d.year_known),
            title: m.title.clone(),
            chair: m.chair.clone(),
            directives: m
                .directives
                .iter()
                .map(|d| DirectiveOut {
                    text: d.text.clone(),
                    cue: d.cue.clone(),
                    start: d.span.start,
                    end: d.span.end,
                })
                .collect(),
            reports: m
                .reports
                .iter()
                .map(|r| ReportOut {
                    document: analysis
                        .documents
                        .get(r.doc.0 as usize)
                        .map(|d| d.path.clone())
                        .unwrap_or_default(),
                    start: r.article.start,
                    end: r.article.end,
                })
                .collect(),
        }
    }
}

/// `phrases --json`: the phrase groups, best first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhrasesOut {
    /// Best first.
    pub groups: Vec<GroupOut>,
}

/// One phrase group.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupOut {
    /// Its rank, from 0.
    pub id: u32,
    /// The most frequent variant.
    pub phrase: String,
    /// Every variant, most frequent first.
    pub variants: Vec<VariantOut>,
    /// How the variants differ (`order:`, `member:`, `added:`, `nested:`, `context:`, `char:`).
    pub differs: String,
    /// Per place (short name), its use.
    pub places: BTreeMap<String, PlaceUseOut>,
    /// How many meetings use the group.
    pub meetings: usize,
    /// The rank score: the product of the factors in `parts`.
    pub score: f64,
    /// What the score is made of.
    pub parts: ScoreParts,
    /// The variants in order of first use, each with the variant it derives from.
    pub lineage: Vec<LineageOut>,
}

/// One variant in a group's lineage.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LineageOut {
    /// As written.
    pub text: String,
    /// Its first use.
    pub first: FirstOut,
    /// The earlier variant it derives from; null for the first.
    pub from: Option<String>,
    /// How it differs from `from` (`order`, `member`, `added`, `dropped`, `nested`, `series`,
    /// `part`, `context`, `char`, `other`); empty for the first.
    pub change: String,
}

/// Where and when a variant was first used.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FirstOut {
    /// The place it is counted under.
    pub place: Option<String>,
    /// The meeting's date.
    pub date: Option<NaiveDate>,
    /// The meeting's id, as `meetings --json` numbers them.
    pub meeting: u32,
}

/// One variant and how often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VariantOut {
    /// As written.
    pub text: String,
    /// Occurrences.
    pub count: usize,
}

/// How one place uses a group.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceUseOut {
    /// Occurrences.
    pub count: usize,
    /// Meetings that use it.
    pub meetings: usize,
    /// The date of first use.
    pub first: Option<NaiveDate>,
}

impl PhrasesOut {
    /// The output of `phrases --json` for `groups`.
    pub fn new(groups: &[PhraseGroup]) -> Self {
        Self {
            groups: groups
                .iter()
                .map(|g| GroupOut {
                    id: g.id,
                    phrase: g.phrase.clone(),
                    variants: g
                        .variants
                        .iter()
                        .map(|v| VariantOut {
                            text: v.text.clone(),
                            count: v.count,
                        })
                        .collect(),
                    differs: g.differs.clone(),
                    places: g
                        .places
                        .iter()
                        .map(|(name, u)| {
                            let out = PlaceUseOut {
                                count: u.count,
                                meetings: u.meetings,
                                first: u.first,
                            };
                            (name.clone(), out)
                        })
                        .collect(),
                    meetings: g.meetings.len(),
                    score: g.score,
                    parts: g.parts.clone(),
                    lineage: g
                        .lineage
                        .iter()
                        .map(|l| LineageOut {
                            text: l.text.clone(),
                            first: FirstOut {
                                place: l.first.place.clone(),
                                date: l.first.date,
                                meeting: l.first.meeting.0,
                            },
                            from: l.from.clone(),
                            change: l.change.clone(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// `diff --json`: both meetings and the aligned rows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffOut {
    /// The left meeting.
    pub left: Option<MeetingOut>,
    /// The right meeting.
    pub right: Option<MeetingOut>,
    /// How many rows pair a left clause with a right one.
    pub paired: usize,
    /// Every row, in left order.
    pub rows: Vec<DiffRowOut>,
}

/// One aligned row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffRowOut {
    /// The left clause, if any.
    pub left: Option<ClauseOut>,
    /// The right clause, if any.
    pub right: Option<ClauseOut>,
    /// The pair's score, to three decimals.
    pub score: f64,
    /// Characters both clauses share.
    pub shared_chars: usize,
    /// The formula both clauses carry when that, not their wording, paired them.
    pub related_by: Option<String>,
    /// The character diff, in reading order.
    pub segments: Vec<SegmentOut>,
}

/// One clause of a row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseOut {
    /// The meeting (`m3`).
    pub meeting: String,
    /// The directive's index in the meeting.
    pub directive: usize,
    /// The clause as a reader sees it.
    pub text: String,
    /// First byte in the document's text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A run of characters of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentOut {
    /// `shared`, `only_left` or `only_right`.
    pub kind: SegmentKind,
    /// The characters.
    pub text: String,
    /// `[start, end]` in the left clause's text.
    pub left: Option<[usize; 2]>,
    /// `[start, end]` in the right clause's text.
    pub right: Option<[usize; 2]>,
}

impl ClauseOut {
    fn new(c: &Clause) -> Self {
        Self {
            meeting: c.meeting.to_string(),
            directive: c.directive,
            text: c.text.clone(),
            start: c.span.start,
            end: c.span.end,
        }
    }
}

impl DiffOut {
    /// The output of `diff --json` for meetings `a` and `b` aligned as `al`.
    pub fn new(analysis: &Analysis, a: MeetingId, b: MeetingId, al: &Alignment) -> Self {
        let meeting = |id: MeetingId| analysis.meeting(id).map(|m| MeetingOut::new(analysis, m));
        Self {
            left: meeting(a),
            right: meeting(b),
            paired: al.paired(),
            rows: al
                .rows
                .iter()
                .map(|r| DiffRowOut {
                    left: r.left.and_then(|i| al.left.get(i)).map(ClauseOut::new),
                    right: r.right.and_then(|i| al.right.get(i)).map(ClauseOut::new),
                    score: (r.score * 1000.0).round() / 1000.0,
                    shared_chars: r.diff.shared_chars,
                    related_by: r
                        .related_by
                        .and_then(|g| analysis.phrase_group(g))
                        .map(|p| p.phrase.clone()),
                    segments: r
                        .diff
                        .segments
                        .iter()
                        .map(|s| SegmentOut {
                            kind: s.kind,
                            text: s.text.clone(),
                            left: s.left.as_ref().map(|r| [r.start, r.end]),
                            right: s.right.as_ref().map(|r| [r.start, r.end]),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::align::{AlignConfig, align_meetings};
    use crate::compare::fixture::{Fixture, seed};

    fn fixture() -> Analysis {
        let mut f = Fixture::new();
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        f.meeting(yk, "永康", "2022-01-04", &["章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。"]);
        f.meeting(sz, "嵊州", "2020-02-18", &["要全力帮助企业复工复产,全面落实惠企政策礼包,全力解决用工紧张、用电恢复、产业链协同等关键问题,充分发挥“驻企指导员”作用,使企业尽快恢复生产,推动疫情图和复工图相配,真正把“两手抓、两手硬”的要求落到实处。"]);
        f.group(&["两手抓、两手硬"]);
        f.analysis
    }

    /// Serialises `value`, checks its top-level field names, and reads it back unchanged.
    fn check<T>(value: &T, fields: &[&str])
    where
        T: Serialize + for<'de> Deserialize<'de> + PartialEq + std::fmt::Debug,
    {
        let v = serde_json::to_value(value).unwrap();
        let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        keys.sort_unstable();
        let mut want = fields.to_vec();
        want.sort_unstable();
        assert_eq!(keys, want);
        let back: T = serde_json::from_value(v).unwrap();
        assert_eq!(&back, value);
    }

    #[test]
    fn outputs_have_their_documented_fields_and_read_back() {
        let a = fixture();
        let meetings = MeetingsOut::new(&a);
        check(&meetings, &["documents", "meetings", "problems"]);
        check(
            &meetings.meetings[0],
            &[
                "id",
                "document",
                "place",
                "place_full",
                "convened_by",
                "place_candidates",
                "date",
                "date_basis",
                "date_precision",
                "date_range",
                "date_year_known",
                "title",
                "chair",
                "directives",
                "reports",
            ],
        );
        let phrases = PhrasesOut::new(&a.phrases);
        check(
            &phrases.groups[0],
            &[
                "id", "phrase", "variants", "differs", "places", "meetings", "score", "parts",
                "lineage",
            ],
        );
        assert_eq!(phrases.groups[0].places["嵊州"].count, 1);
        let al = align_meetings(&a, MeetingId(0), MeetingId(1), &AlignConfig::default()).unwrap();
        let diff = DiffOut::new(&a, MeetingId(0), MeetingId(1), &al);
        check(&diff, &["left", "right", "paired", "rows"]);
        assert!(
            diff.rows
                .iter()
                .any(|r| r.left.is_some() && r.right.is_some())
        );
    }

    #[test]
    fn dates_and_bases_are_written_as_the_readme_says() {
        let v = serde_json::to_value(MeetingsOut::new(&fixture())).unwrap();
        assert_eq!(v["meetings"][0]["date"], "2022-01-04");
        assert_eq!(v["meetings"][0]["date_basis"], "explicit");
        assert_eq!(v["meetings"][1]["id"], "m1");
        assert_eq!(v["documents"][0]["format"], "text");
    }
}
