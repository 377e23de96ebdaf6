//! One phrase group side by side: per place, the sentences that carry it, with the phrase and
//! the part where this variant departs from the group's main phrase marked.

use std::collections::BTreeMap;
use std::ops::Range;

use serde::Serialize;

use super::place::place_of;
use crate::compare::diff::diff;
use crate::compare::source::directive_source;
use crate::export::{Source, Table};
use crate::model::MeetingId;
use crate::pipeline::Analysis;
use crate::text::TextMap;

/// A directive sentence carrying a phrase, with byte ranges into `text` to highlight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MarkedSentence {
    /// The meeting it comes from.
    pub meeting: MeetingId,
    /// The directive sentence as a reader sees it.
    pub text: String,
    /// The phrase (this variant) in `text`.
    pub phrase: Range<usize>,
    /// The variant as written.
    pub variant: String,
    /// The parts of the phrase, in `text`, that the group's main phrase does not have; empty
    /// when this is the main phrase.
    pub varying: Vec<Range<usize>>,
    /// File, meeting, date and the sentence's span.
    pub source: Source,
}

/// The sentences of one place.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceSentences {
    /// The place's short name.
    pub place: String,
    /// Its sentences, earliest meeting first.
    pub sentences: Vec<MarkedSentence>,
}

/// A phrase group across places.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SideBySide {
    /// The group's id.
    pub group: u32,
    /// The main phrase.
    pub phrase: String,
    /// One column per place that uses the group, sorted by place name.
    pub places: Vec<PlaceSentences>,
}

/// The sentences carrying phrase group `group` (its `id`), by place; `None` for an unknown id.
pub fn side_by_side(analysis: &Analysis, group: u32) -> Option<SideBySide> {
    let g = analysis.phrases.iter().find(|g| g.id == group)?;
    let mut by_place: BTreeMap<String, Vec<MarkedSentence>> = BTreeMap::new();
    for o in &g.occurrences {
        let Some(m) = analysis.meeting(o.meeting) else {
            continue;
        };
        let Some(d) = m.directives.get(o.directive) else {
            continue;
        };
        let Some(source) = directive_source(analysis, o.meeting, o.directive) else {
            continue;
        };
        let doc = analysis.document_of(m).map_or("", |doc| &doc.text);
        // Where the phrase starts in the reader text: mapped from the document when the text
        // maps, else the first place the variant is written.
        let at = TextMap::new(doc, d.span, &d.text)
            .and_then(|map| map.from_doc(o.span.start))
            .filter(|&i| d.text[i..].starts_with(&o.text))
            .or_else(|| d.text.find(&o.text));
        let Some(at) = at else { continue };
        let phrase = at..at + o.text.len();
        let varying = diff(&g.phrase, &o.text)
            .right_changes()
            .into_iter()
            .map(|r| r.start + at..r.end + at)
            .collect();
        by_place
            .entry(place_of(m, &analysis.documents).to_string())
            .or_default()
            .push(MarkedSentence {
                meeting: o.meeting,
                text: d.text.clone(),
                phrase,
                variant: o.text.clone(),
                varying,
                source,
            });
    }
    let places = by_place
        .into_iter()
        .map(|(place, mut sentences)| {
            sentences.sort_by(|a, b| {
                (
                    a.source.date.is_none(),
                    a.source.date,
                    a.meeting,
                    a.phrase.start,
                )
                    .cmp(&(
                        b.source.date.is_none(),
                        b.source.date,
                        b.meeting,
                        b.phrase.start,
                    ))
            });
            PlaceSentences { place, sentences }
        })
        .collect();
    Some(SideBySide {
        group: g.id,
        phrase: g.phrase.clone(),
        places,
    })
}

impl MarkedSentence {
    /// The sentence with the phrase in 【】 and, inside it, the varying part in 〔〕, for text
    /// exports that cannot colour.
    pub fn marked(&self) -> String {
        let mut out = String::with_capacity(self.text.len() + 12);
        for (i, c) in self.text.char_indices() {
            if i == self.phrase.start {
                out.push('【');
            }
            if self.varying.iter().any(|r| r.start == i) {
                out.push('〔');
            }
            out.push(c);
            let end = i + c.len_utf8();
            if self.varying.iter().any(|r| r.end == end) {
                out.push('〕');
            }
            if end == self.phrase.end {
                out.push('】');
            }
        }
        out
    }
}

/// The columns of [`SideBySide::to_table`].
pub const SIDE_COLUMNS: [&str; 6] = ["地点", "日期", "会议", "变体", "不同之处", "原句（标记）"];

impl SideBySide {
    /// One row per sentence: place, date, meeting, variant, the varying part, and the marked
    /// sentence; each row's source is its sentence.
    pub fn to_table(&self) -> Table {
        let mut t = Table::new(format!("{} 对照", self.phrase), SIDE_COLUMNS);
        for p in &self.places {
            for s in &p.sentences {
                let varying: Vec<&str> = s.varying.iter().map(|r| &s.text[r.clone()]).collect();
                t.push(
                    vec![
                        p.place.clone(),
                        s.source.date.map(|d| d.to_string()).unwrap_or_default(),
                        s.meeting.to_string(),
                        s.variant.clone(),
                        varying.join("、"),
                        s.marked(),
                    ],
                    Some(s.source.clone()),
                );
            }
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{Fixture, seed};

    fn fixture() -> (Analysis, [u32; 2]) {
        let mut f = Fixture::new();
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        f.meeting(yk, "永康", "2022-01-04", &["章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。", "要深化推进六大机制在实战中的操作运用,坚持内防反弹、外防输入,紧盯重点人群、重点工作,深化流调溯源,细化核酸检测,优化隔离转运人员管理,强化社会面管控,通过网格化管理、组团式服务、数字化支撑,不断提升防控工作科学化、体系化水平,确保社会大局安定平静。"]);
        f.meeting(sz, "嵊州", "2020-02-18", &["要坚持疫情防控不松懈,坚决摒弃麻痹思想、厌战情绪、侥幸心理、松劲心态,加强对村(社区)、高速卡口的把守,加强重点人员管控,重点场所防控,加强市民个人防护。"]);
        let order = f.group(&["外防输入、内防反弹", "内防反弹、外防输入"]);
        let list = f.group(&[
            "麻痹思想、松劲心态、侥幸心理",
            "麻痹思想、厌战情绪、侥幸心理",
        ]);
        (f.analysis, [order, list])
    }

    fn check(group: usize, place: &str, expect_marked: &str) {
        let (analysis, g) = fixture();
        let s = side_by_side(&analysis, g[group]).unwrap();
        let p = s.places.iter().find(|p| p.place == place).unwrap();
        let marked: Vec<String> = p.sentences.iter().map(MarkedSentence::marked).collect();
        assert!(
            marked.iter().any(|m| m.contains(expect_marked)),
            "{place}: {marked:?}"
        );
    }

    #[test]
    fn variants_are_marked_per_place() {
        check(0, "永康", "坚持【〔内防反弹、〕外防输入】,紧盯");
        check(
            1,
            "嵊州",
            "摒弃【麻痹思想、〔厌战情绪〕、侥幸心理】、松劲心态",
        );
    }

    #[test]
    fn places_are_sorted_and_unknown_group_is_none() {
        let (analysis, g) = fixture();
        let s = side_by_side(&analysis, g[0]).unwrap();
        assert_eq!(s.places.len(), 1);
        let s = side_by_side(&analysis, g[1]).unwrap();
        let names: Vec<&str> = s.places.iter().map(|p| p.place.as_str()).collect();
        assert_eq!(names, ["嵊州"]);
        assert!(side_by_side(&analysis, 99).is_none());
        assert_eq!(s.to_table().rows[0][4], "厌战情绪");
    }
}
