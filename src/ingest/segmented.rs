//! Pre-segmented text: corpora cut into words (会议 强调 ， 要 坚持 两手抓) as word-segmentation
//! tools and some crawler outputs write them. The spaces between Chinese words are taken out, so
//! cues, dates and formulae read as in any page and segmentation is done once, by Tifa.

use crate::text::{close_cjk_gaps, is_han};

/// A page is pre-segmented when at least this share of its ideographs stand before a space that
/// another Chinese character follows: words average under four characters, while an ordinary
/// page has a few such spaces (a name after a title) in thousands of characters.
const SEGMENTED_SHARE: f64 = 0.25;

/// Fewer such spaces than this is a short text, not a segmented corpus.
const MIN_GAPS: usize = 8;

/// The note a page gets when its spaces are taken out.
pub const NOTE: &str =
    "pre-segmented text (spaces between Chinese words): the spaces were taken out";

/// How many runs of spaces in `text` stand between two ideographs, counting up to `enough`:
/// the gaps [`unsegment`] counts, found with a byte search rather than by reading every
/// character.
fn han_spaces(text: &str, enough: usize) -> usize {
    let mut found = 0;
    let bytes = text.as_bytes();
    for at in memchr::memchr_iter(b' ', bytes) {
        // An ideograph is three bytes in UTF-8, and a space is never inside a character; a run
        // is looked at from its first space.
        let before = text
            .get(at.saturating_sub(3)..at)
            .and_then(|s| s.chars().next());
        if !before.is_some_and(is_han) {
            continue;
        }
        let after = text[at..].trim_start_matches(' ').chars().next();
        if after.is_some_and(is_han) {
            found += 1;
            if found >= enough {
                break;
            }
        }
    }
    found
}

/// The page with the spaces between its Chinese words taken out, or `None` when it is not
/// pre-segmented.
pub fn unsegment(text: &str) -> Option<String> {
    // A page with too few gaps is not read further.
    if han_spaces(text, MIN_GAPS) < MIN_GAPS {
        return None;
    }
    let (mut han, mut gaps) = (0usize, 0usize);
    let mut prev: Option<char> = None;
    let mut in_gap = false;
    for c in text.chars() {
        if c == ' ' {
            in_gap = prev.is_some_and(is_han);
            continue;
        }
        if is_han(c) {
            han += 1;
            if in_gap {
                gaps += 1;
            }
        }
        in_gap = false;
        prev = Some(c);
    }
    if gaps < MIN_GAPS || (gaps as f64) < SEGMENTED_SHARE * han as f64 {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        // Indentation and trailing blanks stay as they were; only gaps inside the line go.
        let body = line.trim_matches(' ');
        let lead = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&line[..lead]);
        out.push_str(&close_cjk_gaps(body));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segmented_report_is_joined_and_an_ordinary_one_left_alone() {
        let seg = "某 县 召开 县委 常委会 会议\n  3月 5日 ， 县委 书记 主持 会议 。 会议 强调 ， 要 坚持 两手抓 、 两手 都 要 硬 。 Tifa 2 .0 版\n";
        assert_eq!(
            unsegment(seg).as_deref(),
            Some(
                "某县召开县委常委会会议\n  3月5日，县委书记主持会议。会议强调，要坚持两手抓、两手都要硬。 Tifa 2 .0版\n"
            )
        );
        let plain = "某县召开县委常委会会议\n3月5日，县委书记 王五 主持会议。会议强调，要坚持两手抓、两手都要硬。\n";
        assert_eq!(unsegment(plain), None);
        assert_eq!(han_spaces("会议  强调 ， 要 a 坚持 两手抓", 10), 2);
        assert_eq!(han_spaces("会议 强调 要 坚持", 2), 2);
        // A short line of spaced words is too little to tell.
        assert_eq!(unsegment("会议 强调"), None);
    }
}
