//! Text helpers every layer uses: what counts as a Chinese character, the engine's constant
//! patterns, a span's text as a reader sees it, and offset maps between that text and the
//! document's bytes.

use std::ops::Range;

use regex::Regex;

use crate::model::Span;

/// A Chinese character (汉字): CJK Unified Ideographs (U+4E00–U+9FFF, the everyday characters),
/// Extension A (U+3400–U+4DBF, rarer characters found in place and personal names), the
/// Compatibility Ideographs (U+F900–U+FAFF, which some GBK and Big5 converters still emit), and
/// 〇 (U+3007), the ideographic zero of 二〇二〇年.
///
/// The supplementary-plane extensions (B and later) are left out: a news page in GB18030 almost
/// never carries them, and a character outside this set only ends a run of Chinese text.
pub fn is_han(c: char) -> bool {
    matches!(
        c,
        '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{f900}'..='\u{faff}' | '\u{3007}'
    )
}

/// CJK ideographs and their punctuation: no space belongs between two of them.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF
        | 0x20000..=0x2FA1F)
}

/// `line` without the spaces between two Chinese characters (or their punctuation), or between
/// one and a digit (`2022 年 1 月` is 2022年1月).
pub fn close_cjk_gaps(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let before = chars[..i].iter().rev().find(|c| **c != ' ').copied();
            let after = chars[i + 1..].iter().find(|c| **c != ' ').copied();
            if let (Some(b), Some(a)) = (before, after)
                && (is_cjk(b) || is_cjk(a))
                && (is_cjk(b) || b.is_ascii_digit())
                && (is_cjk(a) || a.is_ascii_digit())
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// `bytes` in lowercase hexadecimal, two digits a byte (a SHA-256 as it is stored and shown).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Compiles one of the engine's constant patterns. They are all tested to compile; should one
/// ever fail, it is logged and replaced by a pattern that matches nothing, rather than panicking
/// on a user's input.
pub fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|err| {
        log::error!("bad pattern {pattern}: {err}");
        // `[^\s\S]` is a valid pattern that no character matches.
        Regex::new(r"[^\s\S]").unwrap_or_else(|_| unreachable!())
    })
}

/// The text of `span` as a reader sees it: line breaks the layout put inside a paragraph, and the
/// padding around them, are removed.
pub fn flatten(text: &str, span: Span) -> String {
    let s = span.slice(text);
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        let line = if i == 0 {
            line.trim_end()
        } else {
            line.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
        };
        out.push_str(line);
    }
    out
}

/// Maps byte offsets in a span's reader text (its [`flatten`]ed text) to byte offsets in the
/// document, and back.
///
/// The reader text is the document span with page-break line breaks (and stray blanks) taken
/// out, so offsets differ after every removed break. The map walks both strings once and records,
/// for each character of the text, where it stands in the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextMap {
    /// `(text byte, document byte)` for each character of the text, then one pair for the end.
    points: Vec<(usize, usize)>,
}

impl TextMap {
    /// The map for reader text `text` of `span` in document text `doc`, or `None` when the text
    /// is not the span with only whitespace removed (then callers fall back to the whole span).
    pub fn new(doc: &str, span: Span, text: &str) -> Option<Self> {
        let raw = doc.get(span.start..span.end)?;
        let mut doc_chars = raw.char_indices();
        let mut points = Vec::with_capacity(text.len() / 3 + 1);
        for (ti, tc) in text.char_indices() {
            loop {
                let (di, dc) = doc_chars.next()?;
                if dc == tc {
                    points.push((ti, span.start + di));
                    break;
                }
                if !dc.is_whitespace() {
                    return None;
                }
            }
        }
        points.push((text.len(), span.end));
        Some(Self { points })
    }

    /// The document span of `range` (byte offsets in the reader text).
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

    #[test]
    fn spaces_between_chinese_characters_go() {
        assert_eq!(close_cjk_gaps("会 议 强 调 ， 要"), "会议强调，要");
        assert_eq!(close_cjk_gaps("COVID 19 疫情"), "COVID 19疫情");
        assert_eq!(close_cjk_gaps("2022 年 1 月 5 日"), "2022年1月5日");
        assert_eq!(close_cjk_gaps("Tifa 提法 and words"), "Tifa 提法 and words");
    }

    /// Builds reader text over `raw` with its line breaks dropped, maps `needle` (found in the
    /// text) to the document, and checks the document slice.
    fn check(raw: &str, needle: &str, expect: &str) {
        let doc = format!("前文。{raw}后文");
        let start = "前文。".len();
        let span = Span::new(start, start + raw.len());
        let text = raw.replace(['\n', '\r'], "");
        let map = TextMap::new(&doc, span, &text).unwrap();
        let at = text.find(needle).unwrap();
        let found = map.to_doc(at..at + needle.len());
        assert_eq!(found.slice(&doc), expect, "raw {raw:?} needle {needle:?}");
        assert_eq!(map.from_doc(found.start), Some(at));
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
        check("会议强调，要复\n\n工复产", "复工复产", "复\n\n工复产");
    }

    #[test]
    fn changed_text_has_no_map() {
        let doc = "要坚持两手抓";
        let span = Span::new(0, doc.len());
        assert_eq!(TextMap::new(doc, span, "要坚持两手硬"), None);
    }

    fn check_han(text: &str, expect: bool) {
        assert_eq!(text.chars().all(is_han), expect, "{text}");
    }

    #[test]
    fn han_covers_common_rare_and_compatibility_characters() {
        check_han("复工复产", true);
        check_han("二〇二〇", true);
        check_han("㐀䶵", true);
        check_han("\u{f900}\u{fa0e}", true);
        check_han("两手抓、两手硬", false);
        check_han("COVID", false);
        check_han("２０２０", false);
        check_han("\u{20000}", false);
    }

    fn check_flat(page: &str, expect: &str) {
        assert_eq!(flatten(page, Span::new(0, page.len())), expect, "{page:?}");
    }

    #[test]
    fn flatten_joins_broken_lines() {
        check_flat("要坚持两手抓", "要坚持两手抓");
        check_flat("要坚持两手\n抓、两手硬", "要坚持两手抓、两手硬");
        check_flat(
            "会议强调，  \n\u{3000}\u{3000}要复工复产",
            "会议强调，要复工复产",
        );
        check_flat("全面落实\n\n惠企政策", "全面落实惠企政策");
    }

    #[test]
    fn a_bad_pattern_matches_nothing() {
        assert!(!regex("(unclosed").is_match("(unclosed"));
        assert!(regex(r"^\d{1,2}日$").is_match("14日"));
    }
}
