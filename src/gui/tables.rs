//! The tables the views show, as export [`Table`]s.

use crate::export::Table;
use crate::gui::command::TableKind;
use crate::model::{Meeting, MeetingId};
use crate::pipeline::Analysis;

/// The table `kind` of `analysis`; `diff` names the two meetings of the Diff view.
pub fn build(analysis: &Analysis, kind: TableKind, diff: Option<(MeetingId, MeetingId)>) -> Table {
    match kind {
        TableKind::Meetings => meetings(analysis),
        TableKind::Directives => directives(analysis),
        TableKind::Matrix => matrix(analysis),
        TableKind::Diff => diff_table(analysis, diff),
        TableKind::Library => library(analysis),
    }
}

fn strings<const N: usize>(cols: [&str; N]) -> Vec<String> {
    cols.iter().map(|s| (*s).to_string()).collect()
}

fn meeting_cells(a: &Analysis, m: &Meeting) -> Vec<String> {
    vec![
        m.id.to_string(),
        m.place
            .as_ref()
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
    let mut columns = strings([
        "meeting", "place", "date", "basis", "title", "chair", "file",
    ]);
    columns.push("directives".into());
    Table {
        name: "meetings".into(),
        columns,
        rows: a
            .meetings
            .iter()
            .map(|m| {
                let mut row = meeting_cells(a, m);
                row.push(m.directives.len().to_string());
                row
            })
            .collect(),
    }
}

fn directives(a: &Analysis) -> Table {
    let mut rows = Vec::new();
    for m in &a.meetings {
        for (i, d) in m.directives.iter().enumerate() {
            let mut row = meeting_cells(a, m);
            row.extend([i.to_string(), d.cue.clone(), d.text.clone()]);
            rows.push(row);
        }
    }
    let mut columns = strings([
        "meeting", "place", "date", "basis", "title", "chair", "file",
    ]);
    columns.extend(strings(["directive", "cue", "text"]));
    Table {
        name: "directives".into(),
        columns,
        rows,
    }
}

fn matrix(a: &Analysis) -> Table {
    let mut columns = strings(["phrase", "variants"]);
    columns.extend(a.places.iter().cloned());
    columns.push("total".into());
    let rows = a
        .phrases
        .iter()
        .map(|g| {
            let mut row = vec![
                g.phrase.clone(),
                g.variants
                    .iter()
                    .map(|v| v.text.as_str())
                    .collect::<Vec<_>>()
                    .join(" / "),
            ];
            let mut total = 0;
            for p in &a.places {
                let n = g.places.get(p).map_or(0, |u| u.count);
                total += n;
                row.push(n.to_string());
            }
            row.push(total.to_string());
            row
        })
        .collect();
    Table {
        name: "matrix".into(),
        columns,
        rows,
    }
}

fn diff_table(a: &Analysis, diff: Option<(MeetingId, MeetingId)>) -> Table {
    let mut table = Table {
        name: "diff".into(),
        columns: strings(["left", "right", "similarity"]),
        rows: Vec::new(),
    };
    let Some((l, r)) = diff else { return table };
    let (Some(left), Some(right)) = (a.meeting(l), a.meeting(r)) else {
        return table;
    };
    let lt: Vec<&str> = left.directives.iter().map(|d| d.text.as_str()).collect();
    let rt: Vec<&str> = right.directives.iter().map(|d| d.text.as_str()).collect();
    for (i, j, sim) in crate::gui::panels::diff::align(&lt, &rt) {
        table.rows.push(vec![
            i.map(|i| lt[i].to_string()).unwrap_or_default(),
            j.map(|j| rt[j].to_string()).unwrap_or_default(),
            format!("{sim:.2}"),
        ]);
    }
    table
}

fn library(a: &Analysis) -> Table {
    let mut rows: Vec<Vec<String>> = a
        .documents
        .iter()
        .map(|d| {
            let n = a.meetings.iter().filter(|m| m.doc == d.id).count();
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
            ]
        })
        .collect();
    rows.extend(a.problems.iter().map(|p| {
        vec![
            p.path.clone(),
            String::new(),
            String::new(),
            String::new(),
            "0".into(),
            p.message.clone(),
        ]
    }));
    Table {
        name: "library".into(),
        columns: strings([
            "path", "encoding", "format", "place", "meetings", "problems",
        ]),
        rows,
    }
}
