//! The restatement analysis as export tables: every clause with its label and source, the
//! adapted clauses with what the locality swapped in and what it replaced, and the shares per
//! place and month. Every clause row carries its sentence as its source.

use super::{ClauseRestated, MeetingRestated, Restatement, Shares};
use crate::export::{Source, Table};
use crate::model::MeetingId;
use crate::report::diffusion::tables::level_name;

/// The id of `m` (`m3` → 3).
pub fn meeting_id(m: &MeetingRestated) -> Option<MeetingId> {
    m.id.strip_prefix('m')?.parse().ok().map(MeetingId)
}

fn source(m: &MeetingRestated, c: &ClauseRestated, file: &str) -> Source {
    Source {
        file: file.to_string(),
        meeting: meeting_id(m),
        date: m.date,
        sentence: c.text.clone(),
        span: Some(crate::model::Span::new(c.start, c.end)),
    }
}

/// The text of the diff runs of one kind, joined by ` / `.
pub fn runs(c: &ClauseRestated, kind: &str) -> String {
    c.diff
        .iter()
        .filter(|r| r.kind == kind && r.text.chars().any(char::is_alphanumeric))
        .map(|r| r.text.as_str())
        .collect::<Vec<_>>()
        .join(" / ")
}

/// One row per directive clause: label, similarity and the source clause.
pub fn clauses(r: &Restatement, file_of: &dyn Fn(&MeetingRestated) -> String) -> Table {
    let mut t = Table::new(
        "承接",
        [
            "会议",
            "地点",
            "日期",
            "分句",
            "标签",
            "相似度",
            "来源地点",
            "来源级别",
            "来源日期",
            "来源会议",
            "来源分句",
        ],
    );
    for m in &r.meetings {
        let file = file_of(m);
        for c in &m.clauses {
            let s = c.source.as_ref();
            t.push(
                vec![
                    m.id.clone(),
                    m.place.clone(),
                    m.date.map(|d| d.to_string()).unwrap_or_default(),
                    c.text.clone(),
                    c.label.clone(),
                    format!("{:.2}", c.similarity),
                    s.map(|s| s.place.clone()).unwrap_or_default(),
                    s.map(|s| level_name(s.level).to_string())
                        .unwrap_or_default(),
                    s.and_then(|s| s.date)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    s.map(|s| s.meeting.clone()).unwrap_or_default(),
                    s.map(|s| s.text.clone()).unwrap_or_default(),
                ],
                Some(source(m, c, &file)),
            );
        }
    }
    t
}

/// The adapted clauses: what the locality put in (only in its clause) and what it replaced
/// (only in the source's).
pub fn adapted(r: &Restatement, file_of: &dyn Fn(&MeetingRestated) -> String) -> Table {
    let mut t = Table::new(
        "改写",
        [
            "会议",
            "地点",
            "日期",
            "分句",
            "来源地点",
            "来源日期",
            "来源分句",
            "相似度",
            "换入",
            "换出",
        ],
    );
    for m in &r.meetings {
        let file = file_of(m);
        for c in m.clauses.iter().filter(|c| c.label == "adapted") {
            let Some(s) = &c.source else { continue };
            t.push(
                vec![
                    m.id.clone(),
                    m.place.clone(),
                    m.date.map(|d| d.to_string()).unwrap_or_default(),
                    c.text.clone(),
                    s.place.clone(),
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    s.text.clone(),
                    format!("{:.2}", c.similarity),
                    runs(c, "only_local"),
                    runs(c, "only_source"),
                ],
                Some(source(m, c, &file)),
            );
        }
    }
    t
}

fn share_cells(s: &Shares) -> [String; 8] {
    [
        s.clauses.to_string(),
        format!("{:.3}", s.restated),
        format!("{:.3}", s.adapted),
        format!("{:.3}", s.local),
        format!("{:.3}", s.restated_chars),
        format!("{:.3}", s.adapted_chars),
        format!("{:.3}", s.local_chars),
        s.boilerplate.to_string(),
    ]
}

/// Per place (all months, then month by month) the restated, adapted and local shares.
pub fn shares(r: &Restatement) -> Table {
    let mut t = Table::new(
        "承接比例",
        [
            "地点",
            "月份",
            "会议数",
            "有上级文本的会议",
            "分句数",
            "照搬",
            "改写",
            "本地",
            "照搬（字）",
            "改写（字）",
            "本地（字）",
            "套话",
        ],
    );
    for p in r.places.iter().chain(&r.months) {
        let mut row = vec![
            p.place.clone(),
            p.month.clone().unwrap_or_default(),
            p.meetings.to_string(),
            p.with_sources.to_string(),
        ];
        row.extend(share_cells(&p.shares));
        t.push(row, None);
    }
    t
}
