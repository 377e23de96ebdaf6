//! Tracing directive text back to the document: sources for table rows.

use crate::export::Source;
use crate::model::MeetingId;
use crate::pipeline::Analysis;

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
