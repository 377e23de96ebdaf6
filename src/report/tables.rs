//! Every table a view shows or an export writes, as an export [`Table`] with the source of
//! every row.

use super::diffusion::tables as dt;
use super::diffusion::{DiffusionConfig, diffusion};
use super::kind::{DiffPair, TableKind};
use super::matrix::matrix;
use super::place::place;
use super::side::{SIDE_COLUMNS, side_by_side};
use crate::compare::align::{AlignConfig, align_meetings};
use crate::compare::keyness::{self, KeynessConfig};
use crate::compare::source::directive_source;
use crate::export::{Source, Table};
use crate::model::Meeting;
use crate::pipeline::Analysis;

/// What a table is about beyond the analysis: the pair in the Diff view and the chosen phrase
/// group.
#[derive(Clone, Copy, Debug, Default)]
pub struct Focus<'a> {
    /// The two meetings or places the Diff view aligns.
    pub diff: Option<&'a DiffPair>,
    /// The phrase group (its id) whose sentences the side-by-side table shows, and the only
    /// group the diffusion tables cover when set.
    pub group: Option<u32>,
    /// The phrase the track tables follow.
    pub track: Option<&'a str>,
    /// The user's lexicon the analysis was made with, for the lexicon table.
    pub lexicon: Option<&'a crate::phrase::Lexicon>,
}

/// The table `kind` of `analysis`, about `focus`.
pub fn table(analysis: &Analysis, kind: TableKind, focus: Focus<'_>) -> Table {
    match kind {
        TableKind::Meetings => meetings(analysis),
        TableKind::Directives => directives(analysis),
        TableKind::Matrix => matrix(analysis).to_table(),
        TableKind::Cells => matrix(analysis).to_long_table(),
        TableKind::Keyness => {
            keyness::to_table(&keyness::keyness(analysis, &KeynessConfig::default()))
        }
        TableKind::Side => focus
            .group
            .and_then(|g| side_by_side(analysis, g))
            .map_or_else(|| Table::new("对照", SIDE_COLUMNS), |s| s.to_table()),
        TableKind::Diff => diff_table(analysis, focus.diff),
        TableKind::Library => library(analysis),
        TableKind::Adopters
        | TableKind::Cascades
        | TableKind::Adoption
        | TableKind::Edges
        | TableKind::Coverage => {
            let config = DiffusionConfig {
                groups: focus.group.into_iter().collect(),
                ..DiffusionConfig::default()
            };
            let d = diffusion(analysis, &config);
            match kind {
                TableKind::Adopters => dt::adopters(&d),
                TableKind::Cascades => dt::cascades(&d),
                TableKind::Adoption => dt::adoption(&d),
                TableKind::Edges => dt::edges(&d),
                _ => dt::coverage(&d),
            }
        }
        TableKind::Track => {
            super::track::track(analysis, focus.track.unwrap_or("")).sentences_table()
        }
        TableKind::TrackMonths => {
            super::track::track(analysis, focus.track.unwrap_or("")).months_table()
        }
        TableKind::Lexicon => lexicon_table(focus.lexicon),
        TableKind::Restated | TableKind::Adapted | TableKind::Shares => {
            let r = super::restated::restated(analysis, &super::restated::RestateConfig::default());
            let file_of = |m: &super::restated::MeetingRestated| {
                super::restated::tables::meeting_id(m)
                    .and_then(|id| analysis.meeting(id))
                    .and_then(|x| analysis.document_of(x))
                    .map(|d| d.path.clone())
                    .unwrap_or_default()
            };
            match kind {
                TableKind::Restated => super::restated::tables::clauses(&r, &file_of),
                TableKind::Adapted => super::restated::tables::adapted(&r, &file_of),
                _ => super::restated::tables::shares(&r),
            }
        }
    }
}

const MEETING_COLUMNS: [&str; 7] = ["会议", "地点", "日期", "日期依据", "标题", "主持", "文件"];

fn meeting_cells(a: &Analysis, m: &Meeting) -> Vec<String> {
    vec![
        m.id.to_string(),
        place(m, &a.documents)
            .map(|p| p.name.to_string())
            .unwrap_or_default(),
        m.date.map(|d| d.date.to_string()).unwrap_or_default(),
        m.date
            .map(|d| d.basis.as_str().to_string())
            .unwrap_or_default(),
        m.title.clone(),
        m.chair.clone().unwrap_or_default(),
        a.document_of(m).map(|d| d.path.clone()).unwrap_or_default(),
    ]
}

fn meetings(a: &Analysis) -> Table {
    let mut t = Table::new("会议", MEETING_COLUMNS.iter().chain(&["部署条数"]).copied());
    for m in &a.meetings {
        let mut row = meeting_cells(a, m);
        row.push(m.directives.len().to_string());
        let source = Source {
            file: a.document_of(m).map(|d| d.path.clone()).unwrap_or_default(),
            meeting: Some(m.id),
            date: m.date.map(|d| d.date),
            sentence: String::new(),
            span: Some(m.article),
        };
        t.push(row, Some(source));
    }
    t
}

fn directives(a: &Analysis) -> Table {
    let mut t = Table::new(
        "部署",
        MEETING_COLUMNS
            .iter()
            .chain(&["序号", "引语", "部署"])
            .copied(),
    );
    for m in &a.meetings {
        for (i, d) in m.directives.iter().enumerate() {
            let mut row = meeting_cells(a, m);
            row.extend([(i + 1).to_string(), d.cue.clone(), d.text.clone()]);
            t.push(row, directive_source(a, m.id, i));
        }
    }
    t
}

fn diff_table(a: &Analysis, diff: Option<&DiffPair>) -> Table {
    let config = AlignConfig::default();
    match diff {
        Some(DiffPair::Meetings(l, r)) => align_meetings(a, *l, *r, &config)
            .map_or_else(|| Table::new("对齐", ["左", "右"]), |al| al.to_table()),
        Some(DiffPair::Places(l, r)) => super::align_places(a, l, r, &config).to_table(),
        None => Table::new("对齐", ["左", "右"]),
    }
}

fn library(a: &Analysis) -> Table {
    let mut t = Table::new("文档", ["路径", "编码", "格式", "地点", "会议数", "问题"]);
    for d in &a.documents {
        let n = a.meetings.iter().filter(|m| m.doc == d.id).count();
        t.push(
            vec![
                d.path.clone(),
                d.encoding.clone(),
                d.format.as_str().to_string(),
                d.place
                    .as_ref()
                    .map(|p| p.name.to_string())
                    .unwrap_or_default(),
                n.to_string(),
                d.problems.join("; "),
            ],
            None,
        );
    }
    for p in &a.problems {
        t.push(
            vec![
                p.path.clone(),
                String::new(),
                String::new(),
                String::new(),
                "0".into(),
                p.message.clone(),
            ],
            None,
        );
    }
    t
}

/// The user's lexicon as a table: each dictionary word (with its frequency and tag when given),
/// each string never listed, each set of strings merged into one group.
pub fn lexicon_table(lexicon: Option<&crate::phrase::Lexicon>) -> Table {
    let mut t = Table::new("用户词典", ["类别", "内容", "词频", "词性"]);
    let Some(lx) = lexicon else {
        return t;
    };
    for w in &lx.words {
        t.push(
            vec![
                "词典".into(),
                w.text.clone(),
                w.freq.map(|f| f.to_string()).unwrap_or_default(),
                w.tag.clone().unwrap_or_default(),
            ],
            None,
        );
    }
    for s in &lx.stop {
        t.push(
            vec!["不列出".into(), s.clone(), String::new(), String::new()],
            None,
        );
    }
    for set in &lx.merge {
        t.push(
            vec!["合并".into(), set.join(" = "), String::new(), String::new()],
            None,
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_is_a_row_per_word_string_and_merge() {
        let mut lx = crate::phrase::Lexicon {
            words: crate::phrase::lexicon::parse_words("两个确立 50 nz\n三保\n", "d")
                .unwrap_or_default(),
            stop: vec!["高度重视".into()],
            merge: Vec::new(),
        };
        lx.add_merge(&["有力有序".into()], &["有序有效".into()]);
        let t = lexicon_table(Some(&lx));
        assert_eq!(
            t.rows,
            [
                ["词典", "两个确立", "50", "nz"],
                ["词典", "三保", "", ""],
                ["不列出", "高度重视", "", ""],
                ["合并", "有力有序 = 有序有效", "", ""],
            ]
        );
        assert!(lexicon_table(None).rows.is_empty());
    }
}
