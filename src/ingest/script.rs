//! Pages in traditional characters, and pages that print each character's reading after it
//! (常務(wù)會議, 国(guo)务院), are read as the simplified text they stand for, so that a meeting
//! reported in either script is found the same way.
//!
//! Readings are dropped only where a run of them follows characters; characters are converted
//! ([`fast2s`], one character for one, so the text keeps its shape) only when the page is in
//! traditional script, so that a simplified page's 著 or 乾 stay as written.

use std::borrow::Cow;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::text::{is_han, regex};

/// A character followed by its reading in brackets, once or more, with stray symbols between:
/// 務(wù), 国(guo)⛦(guo).
static READING: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"(\p{Han})\p{So}*(?:[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,6}[)）]\p{So}*)+")
});

/// Fewer readings than this on a page are brackets of another kind, left alone.
const MIN_READINGS: usize = 3;

/// The share of ideographs that must change for a page to count as traditional.
const TRADITIONAL_SHARE: f64 = 0.05;

/// Fewer changed ideographs than this is a simplified page quoting a name or two.
const MIN_TRADITIONAL: usize = 10;

/// Whether `text` has at least [`MIN_READINGS`] places that could start a reading: a bracket
/// after a character that is not ASCII (an ideograph or a symbol), holding one to six letters of
/// a reading. Each reading [`READING`] finds starts at one, so a page with fewer has too few
/// readings and the pattern need not run.
fn may_have_readings(text: &str) -> bool {
    let Some(brackets) = BRACKETS.as_ref() else {
        return true;
    };
    let mut found = 0;
    for m in brackets.find_iter(text) {
        let after_wide = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_ascii());
        let inside = &text[m.end()..];
        let letters = inside
            .chars()
            .take(7)
            .take_while(|&c| is_reading_letter(c))
            .count();
        let closed = inside
            .chars()
            .nth(letters)
            .is_some_and(|c| matches!(c, ')' | '）'));
        if after_wide && (1..=6).contains(&letters) && closed {
            found += 1;
            if found >= MIN_READINGS {
                return true;
            }
        }
    }
    false
}

/// The opening brackets a reading stands in.
static BRACKETS: LazyLock<Option<AhoCorasick>> =
    LazyLock::new(|| AhoCorasick::new(["(", "（"]).ok());

/// A letter a reading in [`READING`] is written with.
fn is_reading_letter(c: char) -> bool {
    c.is_ascii_lowercase() || "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ".contains(c)
}

/// The characters [`fast2s`] converts when they stand alone, one bit per character of the
/// Basic Multilingual Plane (it converts no other).
static CONVERTED: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 10];
    let mut one = String::with_capacity(4);
    for c in (0x800u32..=0xFFFF).filter_map(char::from_u32) {
        one.clear();
        one.push(c);
        if fast2s::convert(&one) != one {
            bits[c as usize >> 6] |= 1 << (c as usize & 63);
        }
    }
    bits
});

/// Whether `text` has enough characters that convert to reach a traditional page's share. The
/// test is a bit per character rather than the conversion; its bounds are half the page's, for
/// the few characters that convert only beside certain others (看著), so that a page it passes
/// over could not have been taken for traditional.
fn may_be_traditional(text: &str) -> bool {
    let bits = &*CONVERTED;
    let (mut han, mut converts) = (0usize, 0usize);
    for c in text.chars() {
        let n = c as usize;
        if n < 0x800 {
            continue;
        }
        han += usize::from(is_han(c));
        converts += usize::from(bits.get(n >> 6).is_some_and(|w| w >> (n & 63) & 1 == 1));
    }
    #[allow(clippy::cast_precision_loss)]
    let enough =
        2 * converts >= MIN_TRADITIONAL && 2.0 * converts as f64 >= han as f64 * TRADITIONAL_SHARE;
    enough
}

/// The page as simplified text without inline readings, and one note for each change made;
/// `None` when the page needs neither.
pub fn simplify(text: &str) -> Option<(String, Vec<String>)> {
    let mut notes = Vec::new();
    // A reading needs a bracket: the pattern, which opens on any ideograph, is not run over a
    // page that has none.
    let readings = if may_have_readings(text) {
        READING.find_iter(text).count()
    } else {
        0
    };
    let stripped: Cow<str> = if readings >= MIN_READINGS {
        notes.push(format!(
            "{readings} inline readings after characters (常務(wù)) left out"
        ));
        READING.replace_all(text, "$1")
    } else {
        Cow::Borrowed(text)
    };
    let converted = may_be_traditional(&stripped)
        .then(|| fast2s::convert(&stripped))
        // Most pages convert to themselves: nothing to count.
        .filter(|converted| converted != &*stripped)
        .filter(|converted| {
            let han = stripped.chars().filter(|c| is_han(*c)).count();
            let changed = stripped
                .chars()
                .zip(converted.chars())
                .filter(|(a, b)| a != b)
                .count();
            #[allow(clippy::cast_precision_loss)]
            let traditional =
                changed >= MIN_TRADITIONAL && changed as f64 >= han as f64 * TRADITIONAL_SHARE;
            traditional
        });
    let out = if let Some(converted) = converted {
        notes.push("traditional characters read as simplified".to_string());
        converted
    } else if notes.is_empty() {
        return None;
    } else {
        stripped.into_owned()
    };
    Some((out, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let got = simplify(text).map(|(t, _)| t);
        assert_eq!(got.as_deref(), expect, "{text}");
    }

    #[test]
    fn readings_need_brackets_opening_on_a_letter() {
        assert!(may_have_readings("常務(wù)會(huì)議(yì)"));
        assert!(may_have_readings("國（guó）務（wù）院（yuàn）"));
        assert!(!may_have_readings("常務(wù)會議(2020)（三）"));
        // Brackets of English after Latin text, or too long for a reading.
        assert!(!may_have_readings(
            "CCTV (news) (video) (live) 新闻(broadcasting)"
        ));
        assert!(!may_have_readings("没有括号"));
    }

    #[test]
    fn only_pages_with_converting_characters_are_converted() {
        assert!(may_be_traditional(
            "十七屆縣人民政府第80次常務會議召開。縣委副書記、縣長主持會議"
        ));
        assert!(!may_be_traditional(
            "县人民政府召开常务会议，县委副书记、县长主持会议"
        ));
        // A simplified page quoting a name in traditional script.
        assert!(!may_be_traditional(
            "县政府召开常务会议，会见台湾客人陳國華"
        ));
    }

    #[test]
    fn reads_as_simplified() {
        check(
            "十七屆縣人民政府第80次常務會議召開。縣委副書記、縣長某某主持會議,縣政府領導班子成員出席會議。",
            Some(
                "十七届县人民政府第80次常务会议召开。县委副书记、县长某某主持会议,县政府领导班子成员出席会议。",
            ),
        );
        check(
            "縣長(zhǎng)某某主持召開常務(wù)會(huì)議。會(huì)議強(qiáng)調(diào),要抓好落實(shí)。",
            Some("县长某某主持召开常务会议。会议强调,要抓好落实。"),
        );
        check(
            "国(guo)⛦(guo)务院(yuan)(yuan)总理某某主(zhu)持召开全体会议(yi)(yi)。",
            Some("国务院总理某某主持召开全体会议。"),
        );
        // A simplified page is left alone, its 著 and brackets too.
        check("会议取得显著成效,选举产生(a)组。", None);
        check("市委常委会召开会议,研究部署防汛(扩大)工作。", None);
    }
}
