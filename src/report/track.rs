//! Tracking any phrase the user types, as a mined group is shown: per place how often, in how
//! many meetings and since when; per place and month how often (the data of a trends chart);
//! and every sentence that carries it, with its source.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::place::place_of;
use crate::export::{Source, Table};
use crate::model::{MeetingId, Span};
use crate::pipeline::Analysis;

/// Where and when a phrase occurs in the meetings' reports.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// The phrase, as typed (trimmed).
    pub phrase: String,
    /// Per place, most occurrences first.
    pub places: Vec<TrackPlace>,
    /// Per place and month, occurrences in dated meetings.
    pub months: Vec<TrackMonth>,
    /// Every sentence carrying it, in date order (undated last).
    pub sentences: Vec<TrackSentence>,
}

/// One place's use of a tracked phrase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackPlace {
    /// The place it is counted under.
    pub place: String,
    /// Occurrences.
    pub count: usize,
    /// Meetings using it.
    pub meetings: usize,
    /// The earliest dated meeting using it.
    pub first: Option<NaiveDate>,
}

/// Occurrences of a tracked phrase in one place and month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackMonth {
    /// The place.
    pub place: String,
    /// `2020-02`.
    pub month: String,
    /// Occurrences.
    pub count: usize,
}

/// A sentence carrying a tracked phrase.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrackSentence {
    /// The meeting.
    pub meeting: MeetingId,
    /// Its place.
    pub place: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// The sentence.
    pub text: String,
    /// The phrase's byte range in `text`.
    pub at: (usize, usize),
    /// The sentence's bytes in the document.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The document's path.
    pub file: String,
}

/// The strings `phrase` stands for: its alternatives separated by `|` (复工复产|复产复工, the
/// variants of one formula), blank ones left out, longest first.
fn alternatives(phrase: &str) -> Vec<&str> {
    let mut alts: Vec<&str> = phrase
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .collect();
    alts.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    alts.dedup();
    alts
}

/// Where any alternative of `alts` occurs in `text`: (start, length), in order, never
/// overlapping (at one place the longer alternative wins).
fn occurrences(text: &str, alts: &[&str]) -> Vec<(usize, usize)> {
    let mut all: Vec<(usize, usize)> = alts
        .iter()
        .flat_map(|a| text.match_indices(a).map(|(at, m)| (at, m.len())))
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(all.len());
    for (at, len) in all {
        if out.last().is_none_or(|&(s, l)| at >= s + l) {
            out.push((at, len));
        }
    }
    out
}

/// Where `phrase` occurs in the articles of `analysis`'s meetings; empty for a blank phrase.
/// `phrase` may list alternatives separated by `|`, counted together.
pub fn track(analysis: &Analysis, phrase: &str) -> Track {
    let phrase = phrase.trim();
    let mut out = Track {
        phrase: phrase.to_string(),
        ..Track::default()
    };
    let alts = alternatives(phrase);
    if alts.is_empty() {
        return out;
    }
    let mut places: BTreeMap<&str, (usize, BTreeSet<MeetingId>, Option<NaiveDate>)> =
        BTreeMap::new();
    let mut months: BTreeMap<(&str, String), usize> = BTreeMap::new();
    for m in &analysis.meetings {
        let Some(doc) = analysis.document_of(m) else {
            continue;
        };
        let text: &str = &doc.text;
        let (start, end) = (
            m.article.start.min(text.len()),
            m.article.end.min(text.len()),
        );
        let Some(article) = text.get(start..end) else {
            continue;
        };
        let place = place_of(m, &analysis.documents);
        let date = m.date.map(|d| d.date);
        for (at, len) in occurrences(article, &alts) {
            let abs = start + at;
            let e = places.entry(place).or_default();
            e.0 += 1;
            e.1.insert(m.id);
            if let Some(d) = date {
                e.2 = Some(e.2.map_or(d, |f| f.min(d)));
                let month = format!("{:04}-{:02}", d.year(), d.month());
                *months.entry((place, month)).or_default() += 1;
            }
            let sentence = sentence_around(text, abs, abs + len, start, end);
            let s = sentence.slice(text);
            out.sentences.push(TrackSentence {
                meeting: m.id,
                place: place.to_string(),
                date,
                text: s.to_string(),
                at: (abs - sentence.start, abs - sentence.start + len),
                start: sentence.start,
                end: sentence.end,
                file: doc.path.clone(),
            });
        }
    }
    out.places = places
        .into_iter()
        .map(|(place, (count, ms, first))| TrackPlace {
            place: place.to_string(),
            count,
            meetings: ms.len(),
            first,
        })
        .collect();
    out.places
        .sort_by(|a, b| b.count.cmp(&a.count).then(a.place.cmp(&b.place)));
    out.months = months
        .into_iter()
        .map(|((place, month), count)| TrackMonth {
            place: place.to_string(),
            month,
            count,
        })
        .collect();
    out.sentences
        .sort_by_key(|s| (s.date.is_none(), s.date, s.meeting, s.start));
    out
}

/// The sentence around `start..end`: from after the previous sentence end (。！？ or a line
/// break) to the next one, inside `lo..hi`.
fn sentence_around(text: &str, start: usize, end: usize, lo: usize, hi: usize) -> Span {
    let is_end = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let from = text[lo..start]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_end(c))
        .map_or(lo, |(i, c)| lo + i + c.len_utf8());
    let to = text[end..hi]
        .char_indices()
        .find(|&(_, c)| is_end(c))
        .map_or(hi, |(i, c)| end + i + c.len_utf8());
    let s = &text[from..to];
    let lead = s.len() - s.trim_start().len();
    Span::new(from + lead, from + s.trim_end().len())
}

impl Track {
    /// Every sentence as a table row with its source.
    pub fn sentences_table(&self) -> Table {
        let mut t = Table::new("追踪", ["提法", "地点", "日期", "会议", "原句"]);
        for s in &self.sentences {
            t.push(
                vec![
                    self.phrase.clone(),
                    s.place.clone(),
                    s.date.map(|d| d.to_string()).unwrap_or_default(),
                    s.meeting.to_string(),
                    s.text.clone(),
                ],
                Some(Source {
                    file: s.file.clone(),
                    meeting: Some(s.meeting),
                    date: s.date,
                    sentence: s.text.clone(),
                    span: Some(Span::new(s.start, s.end)),
                }),
            );
        }
        t
    }

    /// Occurrences per place and month: the data of the trends chart.
    pub fn months_table(&self) -> Table {
        let mut t = Table::new("追踪按月", ["提法", "地点", "月份", "次数"]);
        for m in &self.months {
            t.push(
                vec![
                    self.phrase.clone(),
                    m.place.clone(),
                    m.month.clone(),
                    m.count.to_string(),
                ],
                None,
            );
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::Fixture;

    fn corpus() -> Analysis {
        let mut f = Fixture::new();
        let a = f.doc(
            "a.txt",
            "某县召开会议\n会议强调，要坚持两手抓、两手都要硬。会议指出，要两手都要硬！\n",
        );
        let b = f.doc("b.txt", "某市召开会议\n会议强调，两手都要硬，毫不放松。\n");
        let c = f.doc("c.txt", "某县召开会议\n会议强调，要抓好春耕。\n");
        f.meeting(a, "甲县", "2021-03-05", &["要坚持两手抓、两手都要硬"]);
        f.meeting(b, "乙市", "2021-02-01", &["两手都要硬，毫不放松"]);
        f.meeting(c, "甲县", "2021-04-01", &["要抓好春耕"]);
        f.analysis
    }

    #[test]
    fn alternatives_are_counted_together_and_never_twice() {
        let t = track(&corpus(), "两手都要硬|两手抓、两手都要硬| 两手抓 |");
        // 甲县: 两手抓、两手都要硬 once (not also 两手抓 and 两手都要硬 inside it), then 两手都要硬.
        let count = |place: &str| t.places.iter().find(|p| p.place == place).map(|p| p.count);
        assert_eq!(count("甲县"), Some(2));
        assert_eq!(count("乙市"), Some(1));
        let first = t.sentences.iter().find(|s| s.place == "甲县");
        assert_eq!(
            first.map(|s| &s.text[s.at.0..s.at.1]),
            Some("两手抓、两手都要硬")
        );
        assert_eq!(
            occurrences("复产复工，复工复产", &["复工复产", "复产复工"]),
            [(0, 12), (15, 12)]
        );
    }

    #[test]
    fn a_typed_phrase_is_found_per_place_month_and_sentence() {
        let t = track(&corpus(), " 两手都要硬 ");
        assert_eq!(t.phrase, "两手都要硬");
        let places: Vec<(&str, usize, usize, Option<String>)> = t
            .places
            .iter()
            .map(|p| {
                (
                    p.place.as_str(),
                    p.count,
                    p.meetings,
                    p.first.map(|d| d.to_string()),
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                ("甲县", 2, 1, Some("2021-03-05".into())),
                ("乙市", 1, 1, Some("2021-02-01".into()))
            ]
        );
        let months: Vec<(&str, &str, usize)> = t
            .months
            .iter()
            .map(|m| (m.place.as_str(), m.month.as_str(), m.count))
            .collect();
        assert_eq!(months, [("乙市", "2021-02", 1), ("甲县", "2021-03", 2)]);
        // Sentences in date order, each cut at its own sentence end, the phrase located.
        let texts: Vec<&str> = t.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "会议强调，两手都要硬，毫不放松。",
                "会议强调，要坚持两手抓、两手都要硬。",
                "会议指出，要两手都要硬！"
            ]
        );
        let s = &t.sentences[1];
        assert_eq!(&s.text[s.at.0..s.at.1], "两手都要硬");
        let table = t.sentences_table();
        assert_eq!(table.rows.len(), 3);
        assert_eq!(table.source(0).unwrap().sentence, texts[0]);
        assert_eq!(t.months_table().rows.len(), 2);
    }

    #[test]
    fn a_blank_or_absent_phrase_finds_nothing() {
        assert!(track(&corpus(), "  ").sentences.is_empty());
        let t = track(&corpus(), "外防输入");
        assert!(t.places.is_empty() && t.months.is_empty() && t.sentences.is_empty());
    }
}
