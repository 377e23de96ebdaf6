//! Tracing directive text back to the document: sources for table rows and offset maps between a
//! directive's reader text and the document's bytes.

use std::ops::Range;

use crate::export::Source;
use crate::model::{Directive, Meeting, MeetingId, Span};
use crate::pipeline::Analysis;

/// The label used for meetings whose place was not found, so their phrases still count.
pub const UNPLACED: &str = "地点不明";

/// The short name of the place a meeting reports for: the meeting's own place, else its
/// document's, else [`UNPLACED`].
pub fn place_of(analysis: &Analysis, meeting: &Meeting) -> String {
    meeting
        .place
        .as_ref()
        .or_else(|| analysis.document_of(meeting).and_then(|d| d.place.as_ref()))
        .map_or_else(|| UNPLACED.to_string(), |p| p.name.to_string())
}

/// The source of directive `index` of `meeting`: file, meeting, date, sentence and span.
pub fn directive_source(analysis: &Analysis, meeting: MeetingId, index: usize) -> Option<Source> {
    let m = analysis.meeting(meeting)?;
    let d = m.directives.get(index)?;
    Some(Source {
        file: analysis
            .document_of(m)
            .map(|doc| doc.path.clone())
            .unwrap_or_default(),
        meeting: Some(meeting),
        date: m.date.map(|d| d.date),
        sentence: d.text.clone(),
        span: Some(d.span),
    })
}

/// Maps byte offsets in a directive's reader text to byte offsets in its document.
///
/// A directive's `text` is its document span with page-break line breaks (and stray blanks)
/// taken out, so offsets differ after every removed break. The map walks both strings once and
/// records, for each character of the text, where it stands in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMap {
    /// `(text byte, document byte)` for each character of the text, then one pair for the end.
    points: Vec<(usize, usize)>,
}

impl TextMap {
    /// The map for `directive` in document text `doc`, or `None` when the text is not the span
    /// with only whitespace removed (then callers fall back to the whole span).
    pub fn new(doc: &str, directive: &Directive) -> Option<Self> {
        let raw = doc.get(directive.span.start..directive.span.end)?;
        let mut doc_chars = raw.char_indices().peekable();
        let mut points = Vec::with_capacity(directive.text.len() / 3 + 1);
        for (ti, tc) in directive.text.char_indices() {
            loop {
                let (di, dc) = doc_chars.next()?;
                if dc == tc {
                    points.push((ti, directive.span.start + di));
                    break;
                }
                if !dc.is_whitespace() {
                    return None;
                }
            }
        }
        points.push((directive.text.len(), directive.span.end));
        Some(Self { points })
    }

    /// The document span of `range` (byte offsets in the directive's text).
    pub fn to_doc(&self, range: Range<usize>) -> Span {
        let at = |t: usize| {
            let i = self.points.partition_point(|p| p.0 < t);
            self.points.get(i).map_or(0, |p| p.1)
        };
        let start = at(range.start);
        // The end maps from the last character inside the range, so removed breaks after it do
        // not stretch the span.
        let i = self.points.partition_point(|p| p.0 < range.end);
        let end = match (
            i.checked_sub(1).and_then(|j| self.points.get(j)),
            self.points.get(i),
        ) {
            (Some(&(t, d)), Some(&(next_t, _))) => d + (next_t - t),
            (Some(&(_, d)), None) => d,
            _ => start,
        };
        Span::new(start, end.max(start))
    }

    /// The text offset of document offset `doc`, if a character of the text starts there.
    pub fn from_doc(&self, doc: usize) -> Option<usize> {
        self.points.iter().find(|p| p.1 == doc).map(|p| p.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a directive over `raw` whose text drops line breaks, maps `needle` (found in the
    /// text) to the document, and checks the document slice.
    fn check(raw: &str, needle: &str, expect: &str) {
        let doc = format!("前文。{raw}后文");
        let start = "前文。".len();
        let directive = Directive {
            text: raw.replace(['\n', '\r'], ""),
            span: Span::new(start, start + raw.len()),
            cue: String::new(),
        };
        let map = TextMap::new(&doc, &directive).unwrap();
        let at = directive.text.find(needle).unwrap();
        let span = map.to_doc(at..at + needle.len());
        assert_eq!(span.slice(&doc), expect, "raw {raw:?} needle {needle:?}");
        assert_eq!(map.from_doc(span.start), Some(at));
    }

    #[test]
    fn offsets_survive_removed_breaks() {
        check("要坚持两手抓、两手硬", "两手抓", "两手抓");
        check("要坚持两手\n抓、两手硬", "两手抓", "两手\n抓");
        check(
            "坚决打赢疫情防控的总体战、阻\r\n击战。",
            "阻击战",
            "阻\r\n击战",
        );
        check("通过网格化管理\n\n、组团式服务", "、组团式", "、组团式");
        check("不断提升防控工作科学化、体系化\n", "体系化", "体系化");
    }

    #[test]
    fn changed_text_has_no_map() {
        let doc = "要坚持两手抓";
        let d = Directive {
            text: "要坚持两手硬".into(),
            span: Span::new(0, doc.len()),
            cue: String::new(),
        };
        assert_eq!(TextMap::new(doc, &d), None);
    }
}
