// A builder for analyses made by hand from real report text, so comparison and export can be
// tested on known meetings, directives and phrase groups. Shared by the unit tests (included
// into the crate with `tifa` aliased to `crate`) and the integration tests.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::NaiveDate;
use tifa::model::{
    DateBasis, Directive, DocId, Document, Meeting, MeetingId, Occurrence, PhraseGroup, Place,
    PlaceLevel, PolicyDate, Span, Variant,
};
use tifa::pipeline::Analysis;

/// The seed reports' text, by the number their file name starts with.
pub fn seed(n: usize) -> &'static str {
    const SEEDS: [&str; 5] = [
        include_str!("../../assets/seeds/000_5af66aba3eb6f890.txt"),
        include_str!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
        include_str!("../../assets/seeds/002_25b3b4b043e47f04.txt"),
        include_str!("../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
        include_str!("../../assets/seeds/004_fb9274b1444c3ec8.txt"),
    ];
    SEEDS[n]
}

/// Builds an [`Analysis`] step by step.
#[derive(Default)]
pub struct Fixture {
    pub analysis: Analysis,
}

#[allow(dead_code)]
impl Fixture {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds a document with this path and text.
    pub fn doc(&mut self, path: &str, text: &str) -> DocId {
        let id = DocId(self.analysis.documents.len() as u32);
        self.analysis
            .documents
            .push(Document::from_text(id, path, text));
        id
    }

    /// Adds a meeting of `place` on `date` (`YYYY-MM-DD`) whose directives are the given
    /// sentences, each found in the document's text (line breaks in the text are skipped, as
    /// the directive text leaves them out). Panics when a sentence is not in the document.
    pub fn meeting(
        &mut self,
        doc: DocId,
        place: &str,
        date: &str,
        directives: &[&str],
    ) -> MeetingId {
        let text = self.analysis.documents[doc.0 as usize].text.clone();
        let id = MeetingId(self.analysis.meetings.len() as u32);
        let directives = directives
            .iter()
            .map(|s| Directive {
                text: (*s).to_string(),
                span: find_skipping_breaks(&text, s)
                    .unwrap_or_else(|| panic!("not in document: {s}")),
                cue: String::new(),
            })
            .collect();
        self.analysis.meetings.push(Meeting {
            id,
            doc,
            article: Span::new(0, text.len()),
            place: Some(Place {
                name: Arc::from(place),
                full: Arc::from(place),
                code: Arc::from(""),
                level: PlaceLevel::County,
            }),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d")
                .ok()
                .map(|date| PolicyDate::new(date, DateBasis::Explicit)),
            title: "会议".into(),
            chair: None,
            directives,
            ..Meeting::default()
        });
        self.analysis.refresh_places();
        id
    }

    /// Adds a phrase group whose variants are found (non-overlapping, longest first) in every
    /// directive; the first variant names the group.
    pub fn group(&mut self, variants: &[&str]) -> u32 {
        let id = self.analysis.phrases.len() as u32;
        let mut occurrences = Vec::new();
        let mut by_len: Vec<&str> = variants.to_vec();
        by_len.sort_by_key(|v| std::cmp::Reverse(v.len()));
        for m in &self.analysis.meetings {
            let doc = &self.analysis.documents[m.doc.0 as usize].text;
            for (di, d) in m.directives.iter().enumerate() {
                let raw = &doc[d.span.start..d.span.end];
                let mut taken: Vec<Span> = Vec::new();
                for v in &by_len {
                    let mut from = 0;
                    while let Some(at) = raw[from..].find(v) {
                        let s =
                            Span::new(d.span.start + from + at, d.span.start + from + at + v.len());
                        if !taken.iter().any(|t| t.start < s.end && s.start < t.end) {
                            taken.push(s);
                            occurrences.push(Occurrence {
                                meeting: m.id,
                                directive: di,
                                span: s,
                                text: (*v).into(),
                            });
                        }
                        from += at + v.len();
                    }
                }
            }
        }
        occurrences.sort();
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for o in &occurrences {
            *counts
                .entry(
                    variants
                        .iter()
                        .find(|v| **v == o.text)
                        .copied()
                        .unwrap_or(""),
                )
                .or_default() += 1;
        }
        let mut meetings: Vec<MeetingId> = occurrences.iter().map(|o| o.meeting).collect();
        meetings.dedup();
        self.analysis.phrases.push(PhraseGroup {
            id,
            phrase: variants[0].into(),
            variants: variants
                .iter()
                .map(|v| Variant {
                    text: (*v).into(),
                    count: counts.get(v).copied().unwrap_or(0),
                })
                .collect(),
            differs: String::new(),
            places: BTreeMap::new(),
            meetings,
            occurrences,
            score: 1.0,
            parts: tifa::model::ScoreParts::default(),
            lineage: Vec::new(),
        });
        // Places and per-place uses come from the analysis's one place rule.
        self.analysis.refresh_places();
        id
    }
}

/// The span of `needle` in `hay` where `hay` may have line breaks between its characters.
pub fn find_skipping_breaks(hay: &str, needle: &str) -> Option<Span> {
    let first = needle.chars().next()?;
    for (start, _) in hay.match_indices(first) {
        let mut it = hay[start..].char_indices();
        let mut ok = true;
        let mut end = start;
        for nc in needle.chars() {
            loop {
                match it.next() {
                    Some((i, c)) if c == nc => {
                        end = start + i + c.len_utf8();
                        break;
                    }
                    Some((_, '\n' | '\r')) => {}
                    _ => {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                break;
            }
        }
        if ok {
            return Some(Span::new(start, end));
        }
    }
    None
}
