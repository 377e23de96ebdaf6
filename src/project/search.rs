//! Finding a string in every document, and the concordance (keyword in context) of what was
//! found: each hit with the text left and right of it and the meeting, place and date it
//! belongs to.
//!
//! In a project, the FTS5 trigram index finds the documents holding a string of three or more
//! characters without reading the others; shorter strings, and a corpus not saved as a project,
//! are found by scanning the text.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::{Project, ProjectError};
use crate::model::{DocId, Document, MeetingId, Span};
use crate::pipeline::Analysis;

/// Where a string was found: documents (by position) and the byte spans in each, in order.
pub type Hits = Vec<(DocId, Vec<Span>)>;

/// The strings a query looks for: `复工复产|复产复工` is either of the two.
pub fn alternatives(query: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for a in query.split('|').map(str::trim).filter(|a| !a.is_empty()) {
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

/// The hits of every alternative, merged per document in order of position.
fn merge(all: Vec<Hits>) -> Hits {
    let mut by_doc: BTreeMap<DocId, Vec<Span>> = BTreeMap::new();
    for hits in all {
        for (doc, spans) in hits {
            by_doc.entry(doc).or_default().extend(spans);
        }
    }
    by_doc
        .into_iter()
        .map(|(doc, mut spans)| {
            spans.sort();
            spans.dedup();
            (doc, spans)
        })
        .collect()
}

/// How a concordance is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// By document, then position.
    #[default]
    Document,
    /// By the words just before the hit, read right to left.
    Left,
    /// By the words just after the hit.
    Right,
    /// By date, oldest first (undated last).
    Date,
}

/// One line of a concordance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KwicLine {
    /// The document.
    pub doc: DocId,
    /// Its path.
    pub path: String,
    /// Byte offset of the hit in the document's text.
    pub offset: usize,
    /// The text before the hit (at most the context asked for, on one line).
    pub left: String,
    /// The hit as written.
    pub hit: String,
    /// The text after it.
    pub right: String,
    /// The meeting whose report holds it, if any.
    pub meeting: Option<MeetingId>,
    /// The place that meeting is counted under, else the document's place.
    pub place: Option<String>,
    /// The meeting's date, else the document's publication date.
    pub date: Option<NaiveDate>,
    /// The meeting's title.
    pub title: Option<String>,
}

/// Every hit of a string, in context.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Concordance {
    /// What was looked for (alternatives separated by `|`).
    pub pattern: String,
    /// Hits in all.
    pub total: usize,
    /// Documents holding it.
    pub documents: usize,
    /// The lines, at most the limit asked for.
    pub lines: Vec<KwicLine>,
}

/// The FTS5 query matching `pattern` as one phrase.
fn fts_phrase(pattern: &str) -> String {
    format!("\"{}\"", pattern.replace('"', "\"\""))
}

impl Project {
    /// The documents (by position in the analysis) holding any alternative of `query`
    /// ([`alternatives`]), with the span of every hit.
    pub fn find(&self, query: &str) -> Result<Hits, ProjectError> {
        let all = alternatives(query)
            .into_iter()
            .map(|a| self.find_one(a))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(merge(all))
    }

    fn find_one(&self, pattern: &str) -> Result<Hits, ProjectError> {
        if pattern.is_empty() {
            return Ok(Vec::new());
        }
        let sql = if pattern.chars().count() >= 3 {
            "SELECT d.pos, t.text FROM text_index JOIN documents d ON d.id = text_index.rowid JOIN texts t ON t.id = d.id
             WHERE text_index MATCH ?1 ORDER BY d.pos"
        } else {
            "SELECT d.pos, t.text FROM texts t JOIN documents d ON d.id = t.id WHERE instr(t.text, ?1) > 0 ORDER BY d.pos"
        };
        let query = if pattern.chars().count() >= 3 {
            fts_phrase(pattern)
        } else {
            pattern.to_string()
        };
        let mut stmt = self.conn.prepare(sql).map_err(self.sqlite())?;
        let rows = stmt
            .query_map([query], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
            })
            .map_err(self.sqlite())?;
        let mut out = Vec::new();
        for row in rows {
            let (pos, text) = row.map_err(self.sqlite())?;
            let at = spans(&text, pattern);
            if !at.is_empty() {
                out.push((DocId(pos as u32), at));
            }
        }
        Ok(out)
    }
}

/// Every span of `pattern` in `text`, overlapping hits included.
fn spans(text: &str, pattern: &str) -> Vec<Span> {
    offsets(text, pattern)
        .into_iter()
        .map(|o| Span::new(o, o + pattern.len()))
        .collect()
}

/// Every byte offset of `pattern` in `text`, overlapping hits included.
fn offsets(text: &str, pattern: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = text.get(from..).and_then(|t| t.find(pattern)) {
        out.push(from + i);
        // Step one character on, so 抓抓抓 finds 抓抓 twice.
        from += i + text[from + i..].chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// The documents of `documents` holding any alternative of `query`, found by reading each.
pub fn scan(documents: &[Document], query: &str) -> Hits {
    use rayon::prelude::*;
    let alternatives = alternatives(query);
    let all = alternatives
        .iter()
        .map(|a| {
            documents
                .par_iter()
                .filter_map(|d| {
                    let at = spans(&d.text, a);
                    (!at.is_empty()).then_some((d.id, at))
                })
                .collect()
        })
        .collect();
    merge(all)
}

/// At most `chars` characters of `text` ending at byte `end`, stopping at a line break.
fn left_of(text: &str, end: usize, chars: usize) -> String {
    let before = &text[..end];
    let line = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let skip = line.chars().count().saturating_sub(chars);
    line.chars().skip(skip).collect()
}

/// At most `chars` characters of `text` from byte `start`, stopping at a line break.
fn right_of(text: &str, start: usize, chars: usize) -> String {
    text[start..]
        .chars()
        .take_while(|c| *c != '\n')
        .take(chars)
        .collect()
}

/// The concordance of `hits` of `query` in `analysis`: `context` characters each side, ordered
/// by `sort`, at most `limit` lines.
pub fn concordance(
    analysis: &Analysis,
    query: &str,
    hits: &Hits,
    context: usize,
    sort: KwicSort,
    limit: usize,
) -> Concordance {
    // The report spans of each document's meetings, to find the meeting a hit belongs to.
    let mut reports: BTreeMap<DocId, Vec<(Span, MeetingId)>> = BTreeMap::new();
    for m in &analysis.meetings {
        reports.entry(m.doc).or_default().push((m.article, m.id));
        for r in &m.reports {
            reports.entry(r.doc).or_default().push((r.article, m.id));
        }
    }
    let mut lines = Vec::new();
    let mut total = 0;
    for (doc, at) in hits {
        let Some(d) = analysis.documents.get(doc.0 as usize) else {
            continue;
        };
        total += at.len();
        for span in at {
            let (offset, end) = (span.start, span.end);
            let Some(hit) = d.text.get(offset..end) else {
                continue;
            };
            let meeting = reports.get(doc).and_then(|spans| {
                spans
                    .iter()
                    .find(|(s, _)| s.start <= offset && end <= s.end)
                    .map(|(_, id)| *id)
            });
            let m = meeting.and_then(|id| analysis.meeting(id));
            let place = m
                .map(|m| analysis.place_label(m).to_string())
                .or_else(|| d.place.as_ref().map(|p| p.name.to_string()));
            lines.push(KwicLine {
                doc: *doc,
                path: d.path.clone(),
                offset,
                left: left_of(&d.text, offset, context),
                hit: hit.to_string(),
                right: right_of(&d.text, end, context),
                meeting,
                place,
                date: m
                    .and_then(|m| m.date.map(|x| x.date))
                    .or_else(|| d.published.map(|p| p.date)),
                title: m.map(|m| m.title.clone()),
            });
        }
    }
    sort_lines(&mut lines, sort);
    lines.truncate(limit);
    Concordance {
        pattern: query.to_string(),
        total,
        documents: hits.len(),
        lines,
    }
}

/// The concordance as a table: one row per hit, each traceable to its document, meeting and
/// offset.
pub fn table(c: &Concordance) -> crate::export::Table {
    use crate::export::{Source, Table};
    let mut t = Table::new(
        "concordance",
        [
            "地点",
            "日期",
            "左文",
            "检索词",
            "右文",
            "会议",
            "标题",
            "来源文件",
            "位置",
        ],
    );
    for l in &c.lines {
        t.push(
            vec![
                l.place.clone().unwrap_or_default(),
                l.date.map(|d| d.to_string()).unwrap_or_default(),
                l.left.clone(),
                l.hit.clone(),
                l.right.clone(),
                l.meeting.map(|m| m.to_string()).unwrap_or_default(),
                l.title.clone().unwrap_or_default(),
                l.path.clone(),
                l.offset.to_string(),
            ],
            Some(Source {
                file: l.path.clone(),
                meeting: l.meeting,
                date: l.date,
                sentence: format!("{}{}{}", l.left, l.hit, l.right),
                span: Some(Span::new(l.offset, l.offset + l.hit.len())),
            }),
        );
    }
    t
}

/// Orders concordance lines as `sort` says; ties keep document order.
pub fn sort_lines(lines: &mut [KwicLine], sort: KwicSort) {
    match sort {
        KwicSort::Document => lines.sort_by_key(|l| (l.doc, l.offset)),
        KwicSort::Left => lines.sort_by(|a, b| {
            a.left
                .chars()
                .rev()
                .cmp(b.left.chars().rev())
                .then((a.doc, a.offset).cmp(&(b.doc, b.offset)))
        }),
        KwicSort::Right => lines.sort_by(|a, b| {
            a.right
                .cmp(&b.right)
                .then((a.doc, a.offset).cmp(&(b.doc, b.offset)))
        }),
        KwicSort::Date => lines.sort_by_key(|l| (l.date.is_none(), l.date, l.doc, l.offset)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alternatives_split_on_bars() {
        assert_eq!(
            alternatives(" 复工复产 | 复产复工|复工复产|"),
            ["复工复产", "复产复工"]
        );
        let docs = [crate::model::Document::from_text(
            DocId(0),
            "a",
            "复产复工，复工复产",
        )];
        let hits = scan(&docs, "复工复产|复产复工");
        assert_eq!(
            hits,
            vec![(DocId(0), vec![Span::new(0, 12), Span::new(15, 27)])]
        );
    }

    #[test]
    fn offsets_overlap_and_respect_characters() {
        assert_eq!(offsets("抓抓抓", "抓抓"), vec![0, 3]);
        assert_eq!(offsets("甲乙丙", "丁"), Vec::<usize>::new());
        assert_eq!(offsets("a甲a", "a"), vec![0, 4]);
    }

    #[test]
    fn context_stops_at_line_breaks() {
        let text = "第一行\n要抓紧抓实抓细\n第三行";
        let at = text.find("抓实").unwrap();
        assert_eq!(left_of(text, at, 10), "要抓紧");
        assert_eq!(left_of(text, at, 2), "抓紧");
        assert_eq!(right_of(text, at + "抓实".len(), 10), "抓细");
    }

    fn line(doc: u32, left: &str, right: &str, date: Option<&str>) -> KwicLine {
        KwicLine {
            doc: DocId(doc),
            path: String::new(),
            offset: 0,
            left: left.into(),
            hit: "抓".into(),
            right: right.into(),
            meeting: None,
            place: None,
            date: date.and_then(|d| d.parse().ok()),
            title: None,
        }
    }

    #[test]
    fn sorting_by_left_reads_right_to_left() {
        let mut lines = vec![
            line(0, "乙甲", "丙", Some("2021-01-02")),
            line(1, "甲乙", "甲", None),
            line(2, "丙甲", "乙", Some("2020-05-01")),
        ];
        sort_lines(&mut lines, KwicSort::Left);
        // Read from the hit leftwards: 乙甲 (doc 1), 甲丙 (doc 2), 甲乙 (doc 0), in code point
        // order (乙 U+4E59 < 甲 U+7532, 丙 U+4E19 < 乙).
        let docs: Vec<u32> = lines.iter().map(|l| l.doc.0).collect();
        assert_eq!(docs, [1, 2, 0]);
        sort_lines(&mut lines, KwicSort::Right);
        let docs: Vec<u32> = lines.iter().map(|l| l.doc.0).collect();
        assert_eq!(docs, [0, 2, 1]);
        sort_lines(&mut lines, KwicSort::Date);
        let docs: Vec<u32> = lines.iter().map(|l| l.doc.0).collect();
        assert_eq!(docs, [2, 0, 1]);
    }
}
