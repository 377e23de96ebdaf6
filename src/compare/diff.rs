//! Character diffs between two clauses: which characters both share and which only one has.

use std::ops::Range;

use serde::{Deserialize, Serialize};
use similar::{Algorithm, DiffTag, capture_diff_slices};

/// Whose characters a [`Segment`] holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    /// In both texts.
    Shared,
    /// Only in the left text (deleted going left → right).
    OnlyLeft,
    /// Only in the right text (inserted going left → right).
    OnlyRight,
}

/// A run of characters of one kind.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Shared, left-only or right-only.
    pub kind: SegmentKind,
    /// The characters.
    pub text: String,
    /// Byte range in the left text (`None` for right-only runs).
    pub left: Option<Range<usize>>,
    /// Byte range in the right text (`None` for left-only runs).
    pub right: Option<Range<usize>>,
}

/// A character diff of two texts, in reading order: shared runs, and for each change the
/// left-only run before the right-only run.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextDiff {
    /// The runs, which rebuild the left text (`Shared` + `OnlyLeft`) and the right text
    /// (`Shared` + `OnlyRight`).
    pub segments: Vec<Segment>,
    /// Characters in shared runs.
    pub shared_chars: usize,
    /// Characters of the left text.
    pub left_chars: usize,
    /// Characters of the right text.
    pub right_chars: usize,
}

impl TextDiff {
    /// Share of characters in common: 2·shared / (left + right), 1.0 for two empty texts.
    pub fn similarity(&self) -> f64 {
        let total = self.left_chars + self.right_chars;
        if total == 0 {
            1.0
        } else {
            2.0 * self.shared_chars as f64 / total as f64
        }
    }

    /// Byte ranges of the left text that the right text lacks.
    pub fn left_changes(&self) -> Vec<Range<usize>> {
        self.ranges(SegmentKind::OnlyLeft, |s| s.left.clone())
    }

    /// Byte ranges of the right text that the left text lacks.
    pub fn right_changes(&self) -> Vec<Range<usize>> {
        self.ranges(SegmentKind::OnlyRight, |s| s.right.clone())
    }

    fn ranges(
        &self,
        kind: SegmentKind,
        range: impl Fn(&Segment) -> Option<Range<usize>>,
    ) -> Vec<Range<usize>> {
        self.segments
            .iter()
            .filter(|s| s.kind == kind)
            .filter_map(range)
            .collect()
    }
}

/// The character diff of `left` and `right` (Myers, through the `similar` crate).
pub fn diff(left: &str, right: &str) -> TextDiff {
    let (lc, lb) = chars_and_bounds(left);
    let (rc, rb) = chars_and_bounds(right);
    let ops = capture_diff_slices(Algorithm::Myers, &lc, &rc);
    let mut out = TextDiff {
        segments: Vec::new(),
        shared_chars: 0,
        left_chars: lc.len(),
        right_chars: rc.len(),
    };
    let mut push =
        |kind, bounds: &[usize], text: &str, r: Range<usize>, other: Option<Range<usize>>| {
            if r.is_empty() {
                return;
            }
            let bytes = bounds[r.start]..bounds[r.end];
            let piece = text[bytes.clone()].to_string();
            // Adjacent runs of one kind (possible across op boundaries) are merged so each change
            // reads as one run.
            if let Some(last) = out.segments.last_mut()
                && last.kind == kind
                && kind != SegmentKind::Shared
            {
                last.text.push_str(&piece);
                let side = if kind == SegmentKind::OnlyLeft {
                    &mut last.left
                } else {
                    &mut last.right
                };
                if let Some(s) = side {
                    s.end = bytes.end;
                }
                return;
            }
            let (left_r, right_r) = match kind {
                SegmentKind::OnlyLeft => (Some(bytes), None),
                SegmentKind::OnlyRight => (None, Some(bytes)),
                SegmentKind::Shared => (Some(bytes), other),
            };
            out.segments.push(Segment {
                kind,
                text: piece,
                left: left_r,
                right: right_r,
            });
        };
    for op in &ops {
        let (tag, old, new) = op.as_tag_tuple();
        match tag {
            DiffTag::Equal => {
                let rbytes = rb[new.start]..rb[new.end];
                push(SegmentKind::Shared, &lb, left, old.clone(), Some(rbytes));
                out.shared_chars += old.len();
            }
            DiffTag::Delete => push(SegmentKind::OnlyLeft, &lb, left, old, None),
            DiffTag::Insert => push(SegmentKind::OnlyRight, &rb, right, new, None),
            DiffTag::Replace => {
                push(SegmentKind::OnlyLeft, &lb, left, old, None);
                push(SegmentKind::OnlyRight, &rb, right, new, None);
            }
        }
    }
    out
}

/// The characters of `s` and the byte offset of each (plus the end), so character ranges from
/// the diff become byte ranges.
fn chars_and_bounds(s: &str) -> (Vec<char>, Vec<usize>) {
    let chars: Vec<char> = s.chars().collect();
    let mut bounds: Vec<usize> = s.char_indices().map(|(i, _)| i).collect();
    bounds.push(s.len());
    (chars, bounds)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders a diff as `shared[-left-]{+right+}` and checks it and that both texts rebuild.
    fn check(left: &str, right: &str, expect: &str) {
        let d = diff(left, right);
        let mut shown = String::new();
        let (mut l, mut r) = (String::new(), String::new());
        for s in &d.segments {
            match s.kind {
                SegmentKind::Shared => {
                    shown.push_str(&s.text);
                    l.push_str(&s.text);
                    r.push_str(&s.text);
                    assert_eq!(&left[s.left.clone().unwrap()], s.text);
                    assert_eq!(&right[s.right.clone().unwrap()], s.text);
                }
                SegmentKind::OnlyLeft => {
                    shown += &["[-", &s.text, "-]"].concat();
                    l.push_str(&s.text);
                    assert_eq!(&left[s.left.clone().unwrap()], s.text);
                }
                SegmentKind::OnlyRight => {
                    shown += &["{+", &s.text, "+}"].concat();
                    r.push_str(&s.text);
                    assert_eq!(&right[s.right.clone().unwrap()], s.text);
                }
            }
        }
        assert_eq!((l.as_str(), r.as_str()), (left, right));
        assert_eq!(shown, expect, "{left} | {right}");
    }

    #[test]
    fn shared_and_changed_characters_are_marked() {
        check(
            "要坚持两手抓、两手硬",
            "真正把“两手抓、两手硬”的要求落到实处",
            "[-要坚持-]{+真正把“+}两手抓、两手硬{+”的要求落到实处+}",
        );
        check("群防群控", "群防群治", "群防群[-控-]{+治+}");
        check("外防输入", "外防输入、内防反弹", "外防输入{+、内防反弹+}");
        check(
            "坚持两手抓、两手都要硬、两战都要赢",
            "两手都要硬、两战都要赢",
            "[-坚持两手抓、-]两手都要硬、两战都要赢",
        );
        check(
            "麻痹思想、松劲心态、侥幸心理",
            "麻痹思想、厌战情绪、侥幸心理",
            "麻痹思想、[-松劲心态-]{+厌战情绪+}、侥幸心理",
        );
        check("", "慎终如始", "{+慎终如始+}");
        check("铜墙铁壁", "铜墙铁壁", "铜墙铁壁");
    }

    #[test]
    fn similarity_counts_characters() {
        let d = diff("群防群控", "群防群治");
        assert_eq!((d.shared_chars, d.left_chars, d.right_chars), (3, 4, 4));
        assert!((d.similarity() - 0.75).abs() < 1e-9);
        assert_eq!(d.left_changes(), vec![9..12_usize]);
        assert_eq!(d.right_changes(), vec![9..12_usize]);
    }
}
