//! The phrase × place matrix: for each phrase group and each place, how often, in how many
//! meetings, since when, and one example sentence with its source.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::place::place_of;
use crate::compare::source::directive_source;
use crate::export::{Source, Table};
use crate::model::{MeetingId, Occurrence, PhraseGroup, Span};
use crate::pipeline::Analysis;

/// One occurrence chosen to show a cell: the phrase as written and the sentence around it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Example {
    /// The meeting it comes from.
    pub meeting: MeetingId,
    /// Index of the directive in the meeting.
    pub directive: usize,
    /// The variant as written there.
    pub variant: String,
    /// The variant's bytes in the document's text.
    pub phrase: Span,
    /// File, meeting, date and the directive sentence.
    pub source: Source,
}

/// How one place uses one phrase group.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MatrixCell {
    /// Occurrences in this place's meetings.
    pub count: usize,
    /// The meetings of this place that use it, sorted.
    pub meetings: Vec<MeetingId>,
    /// The earliest meeting date among them.
    pub first: Option<NaiveDate>,
    /// The earliest occurrence (dated before undated, then by meeting and position).
    pub example: Option<Example>,
}

impl MatrixCell {
    /// The cell as one line of text: `3次/2场 2020-02-03`, or `""` when unused.
    pub fn label(&self) -> String {
        if self.count == 0 {
            return String::new();
        }
        let mut s = format!("{}次/{}场", self.count, self.meetings.len());
        if let Some(d) = self.first {
            s.push(' ');
            s.push_str(&d.to_string());
        }
        s
    }
}

/// One phrase group across every place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixRow {
    /// The group's id in `Analysis::phrases`.
    pub group: u32,
    /// The phrase that names the group.
    pub phrase: String,
    /// Every variant, most frequent first.
    pub variants: Vec<String>,
    /// What differs between the variants.
    pub differs: String,
    /// One cell per place, in the order of [`Matrix::places`].
    pub cells: Vec<MatrixCell>,
    /// Occurrences across all places.
    pub total: usize,
    /// The index in [`Matrix::places`] of the place that used it first, if any use is dated.
    pub first_place: Option<usize>,
}

impl MatrixRow {
    /// The earliest example across all places (the first place's when dated).
    pub fn example(&self) -> Option<&Example> {
        self.first_place
            .and_then(|p| self.cells.get(p))
            .or_else(|| self.cells.iter().find(|c| c.example.is_some()))
            .and_then(|c| c.example.as_ref())
    }
}

/// Phrase groups (rows, best first) by places (columns, sorted by name).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Matrix {
    /// Column names: the places found in the analysis, sorted; [`super::place::UNPLACED`]
    /// joins them when some meeting has no place.
    pub places: Vec<String>,
    /// One row per phrase group, in the analysis's rank order.
    pub rows: Vec<MatrixRow>,
}

/// Builds the matrix of every phrase group of `analysis` against every place.
pub fn matrix(analysis: &Analysis) -> Matrix {
    let meeting_place: BTreeMap<MeetingId, String> = analysis
        .meetings
        .iter()
        .map(|m| (m.id, place_of(m, &analysis.documents).to_string()))
        .collect();
    let mut places: BTreeSet<String> = analysis.places.iter().cloned().collect();
    for g in &analysis.phrases {
        for o in &g.occurrences {
            if let Some(p) = meeting_place.get(&o.meeting) {
                places.insert(p.clone());
            }
        }
    }
    let places: Vec<String> = places.into_iter().collect();
    let rows = analysis
        .phrases
        .iter()
        .map(|g| row(analysis, g, &places, &meeting_place))
        .collect();
    Matrix { places, rows }
}

fn row(
    analysis: &Analysis,
    group: &PhraseGroup,
    places: &[String],
    meeting_place: &BTreeMap<MeetingId, String>,
) -> MatrixRow {
    let mut cells = vec![MatrixCell::default(); places.len()];
    let date = |id: MeetingId| analysis.meeting(id).and_then(|m| m.date).map(|d| d.date);
    // Occurrences sorted by (undated last, date, meeting, position) so the first one seen in a
    // cell is its example.
    let mut occs: Vec<&Occurrence> = group.occurrences.iter().collect();
    occs.sort_by_key(|o| {
        (
            date(o.meeting).is_none(),
            date(o.meeting),
            o.meeting,
            o.span,
        )
    });
    for o in occs {
        let Some(col) = meeting_place
            .get(&o.meeting)
            .and_then(|p| places.iter().position(|q| q == p))
        else {
            continue;
        };
        let cell = &mut cells[col];
        cell.count += 1;
        cell.meetings.push(o.meeting);
        if cell.first.is_none() {
            cell.first = date(o.meeting);
        }
        if cell.example.is_none() {
            cell.example =
                directive_source(analysis, o.meeting, o.directive).map(|source| Example {
                    meeting: o.meeting,
                    directive: o.directive,
                    variant: o.text.clone(),
                    phrase: o.span,
                    source,
                });
        }
    }
    for c in &mut cells {
        c.meetings.sort();
        c.meetings.dedup();
    }
    let first_place = cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.first.map(|d| (d, i)))
        .min()
        .map(|(_, i)| i);
    MatrixRow {
        group: group.id,
        phrase: group.phrase.clone(),
        variants: group.variants.iter().map(|v| v.text.clone()).collect(),
        differs: group.differs.clone(),
        total: cells.iter().map(|c| c.count).sum(),
        cells,
        first_place,
    }
}

impl Matrix {
    /// The wide table: one row per phrase group, one column per place (`3次/2场 2020-02-03`),
    /// then the place and date of first use; each row's source is its earliest example.
    pub fn to_table(&self) -> Table {
        let mut columns = vec![
            "编号".to_string(),
            "提法".into(),
            "变体".into(),
            "差异".into(),
            "合计".into(),
        ];
        columns.extend(self.places.iter().cloned());
        columns.extend(["首用地点".to_string(), "首用日期".into()]);
        let mut table = Table::new("提法×地点", columns);
        for r in &self.rows {
            let mut cells = vec![
                r.group.to_string(),
                r.phrase.clone(),
                r.variants.join("；"),
                r.differs.clone(),
                r.total.to_string(),
            ];
            cells.extend(r.cells.iter().map(MatrixCell::label));
            let first = r
                .first_place
                .and_then(|p| Some((self.places.get(p)?, r.cells.get(p)?)));
            cells.push(first.map(|(p, _)| p.clone()).unwrap_or_default());
            cells.push(
                first
                    .and_then(|(_, c)| c.first)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            );
            table.push(cells, r.example().map(|e| e.source.clone()));
        }
        table
    }

    /// The long table: one row per used (phrase group, place) cell with count, meetings, first
    /// date and the example's variant; each row's source is that cell's example.
    pub fn to_long_table(&self) -> Table {
        let mut table = Table::new(
            "提法×地点明细",
            [
                "编号",
                "提法",
                "地点",
                "次数",
                "会议数",
                "首次日期",
                "例句变体",
            ],
        );
        for r in &self.rows {
            for (place, c) in self.places.iter().zip(&r.cells) {
                if c.count == 0 {
                    continue;
                }
                table.push(
                    vec![
                        r.group.to_string(),
                        r.phrase.clone(),
                        place.clone(),
                        c.count.to_string(),
                        c.meetings.len().to_string(),
                        c.first.map(|d| d.to_string()).unwrap_or_default(),
                        c.example
                            .as_ref()
                            .map(|e| e.variant.clone())
                            .unwrap_or_default(),
                    ],
                    c.example.as_ref().map(|e| e.source.clone()),
                );
            }
        }
        table
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{Fixture, seed};

    fn fixture() -> Analysis {
        let mut f = Fixture::new();
        let jh = f.doc("seed:000.txt", seed(0));
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        f.meeting(jh, "金华", "2020-02-14", &["2月13日,车俊来金督查,充分肯定全市疫情防控和复工复产工作,要求我们统筹兼顾、动静结合,坚持两手抓、两手都要硬、两战都要赢。"]);
        f.meeting(yk, "永康", "2022-01-04", &["章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。"]);
        f.meeting(sz, "嵊州", "2020-02-18", &["会议强调,全市上下要坚持问题导向,化危为机,精准施策,统筹推进疫情防控和经济社会发展。", "要全力帮助企业复工复产,全面落实惠企政策礼包,全力解决用工紧张、用电恢复、产业链协同等关键问题,充分发挥“驻企指导员”作用,使企业尽快恢复生产,推动疫情图和复工图相配,真正把“两手抓、两手硬”的要求落到实处。"]);
        f.group(&["两手抓、两手硬", "两手抓、两手都要硬"]);
        f.group(&["复工复产"]);
        f.group(&["统筹推进疫情防控和经济社会发展"]);
        f.analysis
    }

    /// Checks the cell of group `group` in `place`: its label and its example's variant.
    fn check(group: usize, place: &str, label: &str, variant: &str) {
        let m = matrix(&fixture());
        let col = m.places.iter().position(|p| p == place).unwrap();
        let cell = &m.rows[group].cells[col];
        assert_eq!(cell.label(), label, "group {group} in {place}");
        assert_eq!(
            cell.example.as_ref().map_or("", |e| e.variant.as_str()),
            variant
        );
    }

    #[test]
    fn cells_count_meetings_and_first_dates() {
        check(0, "金华", "1次/1场 2020-02-14", "两手抓、两手都要硬");
        check(0, "永康", "1次/1场 2022-01-04", "两手抓、两手硬");
        check(0, "嵊州", "1次/1场 2020-02-18", "两手抓、两手硬");
        check(1, "嵊州", "1次/1场 2020-02-18", "复工复产");
        check(1, "永康", "", "");
        check(1, "金华", "1次/1场 2020-02-14", "复工复产");
        check(
            2,
            "嵊州",
            "1次/1场 2020-02-18",
            "统筹推进疫情防控和经济社会发展",
        );
    }

    #[test]
    fn places_are_columns_and_rows_trace_to_sentences() {
        let a = fixture();
        let m = matrix(&a);
        assert_eq!(m.places, ["嵊州", "永康", "金华"]);
        let t = m.to_table();
        assert_eq!(t.columns[5..8], ["嵊州", "永康", "金华"]);
        let first = &t.rows[0];
        assert_eq!(
            (first[8].as_str(), first[9].as_str()),
            ("金华", "2020-02-14")
        );
        let src = t.source(0).unwrap();
        assert_eq!(src.file, "seed:000.txt");
        let doc = &a.documents[0].text;
        assert!(src.span.unwrap().slice(doc).contains("两手抓、两手都要硬"));
        let example = m.rows[0].example().unwrap();
        assert_eq!(example.phrase.slice(doc), "两手抓、两手都要硬");
        let long = m.to_long_table();
        assert_eq!(long.len(), 3 + 2 + 2);
        assert!(long.sources.iter().all(Option::is_some));
    }

    #[test]
    fn meetings_without_place_get_their_own_column() {
        let mut a = fixture();
        a.meetings[1].place = None;
        let m = matrix(&a);
        assert!(m.places.iter().any(|p| p == super::super::place::UNPLACED));
        assert_eq!(m.rows[0].total, 3);
    }
}
