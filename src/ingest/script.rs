//! Pages in traditional characters, and pages that print each character's reading after it
//! (常務(wù)會議, 国(guo)务院), are read as the simplified text they stand for, so that a meeting
//! reported in either script is found the same way.
//!
//! Readings are dropped only where a run of them follows characters; characters are converted
//! ([`fast2s`], one character for one, so the text keeps its shape) only when the page is in
//! traditional script, so that a simplified page's 著 or 乾 stay as written.

use std::borrow::Cow;
use std::sync::LazyLock;

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

/// The page as simplified text without inline readings, and one note for each change made;
/// `None` when the page needs neither.
pub fn simplify(text: &str) -> Option<(String, Vec<String>)> {
    let mut notes = Vec::new();
    // A reading needs a bracket: the pattern, which opens on any ideograph, is not run over a
    // page that has none.
    let readings = if text.contains(['(', '（']) {
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
    let converted = fast2s::convert(&stripped);
    let han = stripped.chars().filter(|c| is_han(*c)).count();
    let changed = stripped
        .chars()
        .zip(converted.chars())
        .filter(|(a, b)| a != b)
        .count();
    #[allow(clippy::cast_precision_loss)]
    let traditional =
        changed >= MIN_TRADITIONAL && changed as f64 >= han as f64 * TRADITIONAL_SHARE;
    let out = if traditional {
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
