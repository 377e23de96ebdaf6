//! How often a string occurs in general Chinese text: the reference that tells the Party's own
//! wording (外防输入、内防反弹, 铜墙铁壁) from general vocabulary (市政府, 人民群众).
//!
//! The rates are wordfreq's general-text word frequencies (`assets/freq/`, CC BY-SA 4.0). A
//! string the list knows whole takes its own rate. A string of several words takes its rarest
//! word's rate times the square root of the others' (a half-weighted product, in logs): a fixed
//! collocation is far more common than independent words would make it, so the full product
//! would call every collocation rare. A word the list does not know is rarer than any it does.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::phrase::Segmenter;
use crate::phrase::shape::LIST_MARK;

/// Chinese numerals that open a count word.
fn is_numeral(c: char) -> bool {
    "一二两三四五六七八九十".contains(c)
}

/// The list: per line, a negated centibel value and the words with it.
const TABLE: &str = include_str!("../../assets/freq/zh.txt");

/// log10 of the rate given to a word the list does not know: just below its rarest entry.
const UNKNOWN_LOG10: f64 = -7.0;

/// How much of the other words' rates (log10) a string of several words takes on beyond its
/// rarest word's: 0 would make 人民群众 as common as 群众, 1 as rare as independent words.
const OTHERS_WEIGHT: f64 = 0.5;

static RATES: LazyLock<HashMap<&'static str, u16>> = LazyLock::new(|| {
    let mut out = HashMap::with_capacity(90_000);
    for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
        let mut parts = line.split(' ');
        let Some(cb) = parts.next().and_then(|c| c.parse::<u16>().ok()) else {
            continue;
        };
        for w in parts.filter(|w| !w.is_empty()) {
            out.entry(w).or_insert(cb);
        }
    }
    out
});

/// log10 of how often `word` occurs per word of general text, if the list knows it.
pub fn word_log10(word: &str) -> Option<f64> {
    RATES.get(word).map(|&cb| -f64::from(cb) / 100.0)
}

/// log10 of how often `text` is expected per word of general text.
pub fn general_log10(text: &str, seg: &Segmenter) -> f64 {
    if let Some(r) = word_log10(text) {
        return r;
    }
    // Each word with its rate; a word the list does not know, as the known words it is made of.
    let mut pieces: Vec<(&str, f64)> = Vec::new();
    for w in seg.words(text) {
        if w.text.chars().all(|c| c == LIST_MARK) {
            continue;
        }
        match word_log10(w.text) {
            Some(r) => pieces.push((w.text, r)),
            None => pieces.extend(split_rates(w.text)),
        }
    }
    // A count word (两个, 四个, 六大) says nothing of what is counted: 两个维护 is no more common
    // for 两个 being common, so its rate joins the product in full, not halved.
    let count = pieces
        .first()
        .filter(|(w, _)| w.chars().count() <= 2 && w.chars().next().is_some_and(is_numeral))
        .map(|&(_, r)| r);
    let rates: Vec<f64> = pieces
        .iter()
        .skip(usize::from(count.is_some()))
        .map(|&(_, r)| r)
        .collect();
    if rates.is_empty() {
        return count.unwrap_or(UNKNOWN_LOG10);
    }
    let rarest = rates.iter().copied().fold(0.0, f64::min);
    let rest: f64 = rates.iter().sum::<f64>() - rarest;
    (rarest + OTHERS_WEIGHT * rest + count.unwrap_or(0.0)).max(UNKNOWN_LOG10 - 2.0)
}

/// log10 of how often two words are expected together per word of general text, as
/// [`general_log10`] reads a string of words: the fixed words of a frame (压实…责任).
pub fn pair_log10(a: &str, b: &str) -> f64 {
    let rates = |w: &str| -> Vec<f64> {
        word_log10(w).map_or_else(
            || split_rates(w).into_iter().map(|(_, r)| r).collect(),
            |r| vec![r],
        )
    };
    let all: Vec<f64> = rates(a).into_iter().chain(rates(b)).collect();
    let rarest = all.iter().copied().fold(0.0, f64::min);
    let rest: f64 = all.iter().sum::<f64>() - rarest;
    (rarest + OTHERS_WEIGHT * rest).max(UNKNOWN_LOG10 - 2.0)
}

/// The rates of a word the list does not know, read as the longest words of two characters
/// or more it does know, left to right (人民群众 as 人民 and 群众, 疫情防控 as 疫情 and 防控); a
/// character left over on its own (the 外 of 外防输入) counts as unknown, since a lone
/// character's rate as a word says nothing of it inside a compound.
fn split_rates(word: &str) -> Vec<(&str, f64)> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let at = |i: usize| chars.get(i).map_or(word.len(), |&(b, _)| b);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = (i + 2..=chars.len().min(i + 8))
            .rev()
            .find_map(|j| word_log10(&word[at(i)..at(j)]).map(|r| (j, r)));
        if let Some((j, r)) = found {
            out.push((&word[at(i)..at(j)], r));
            i = j;
        } else {
            out.push((&word[at(i)..at(i + 1)], UNKNOWN_LOG10));
            i += 1;
        }
    }
    out
}

/// log10 of the rate at or above which a word is common in general text: 落实 and 开展 are,
/// 兼顾 and 进取 are not.
const COMMON_LOG10: f64 = -5.0;

/// Whether a four-character `word` is two words each common in general text on its own (贯彻 +
/// 落实, 深入 + 开展). jieba's dictionary tags many such collocations idioms (`i`), but common
/// words joined are usage, not a fixed expression such as 铜墙铁壁, 因地制宜 or 慎终如始, whose
/// halves are rare or no words at all.
pub fn joins_common_words(word: &str) -> bool {
    let mut at = word.char_indices().map(|(b, _)| b);
    let (Some(_), Some(_), Some(mid), Some(_), None) =
        (at.next(), at.next(), at.next(), at.next(), at.next())
    else {
        return false;
    };
    let common = |w: &str| word_log10(w).is_some_and(|r| r >= COMMON_LOG10);
    common(&word[..mid]) && common(&word[mid..])
}

/// Number of words in the list.
pub fn len() -> usize {
    RATES.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_reads() {
        assert!(len() > 80_000, "{}", len());
        let de = word_log10("的").unwrap_or(0.0);
        assert!((-1.5..-1.0).contains(&de), "{de}");
        assert!(word_log10("市政府").is_some());
    }

    #[test]
    fn general_words_are_common_and_formulae_rare() {
        let seg = Segmenter::new();
        let general = |t: &str| general_log10(t, &seg);
        // One word the list knows.
        assert!(general("市政府") > -5.0, "{}", general("市政府"));
        // Two common words.
        assert!(general("人民群众") > -5.5, "{}", general("人民群众"));
        // Words the policy dictionary keeps whole are read as the list's words.
        assert!(general("经济社会发展") > general("外防输入") + 1.0);
        assert!(general("外防输入") < -6.5, "{}", general("外防输入"));
        // A parallel formula of rare words, and a list of them.
        assert!(
            general("抓紧抓实抓细") < -6.5,
            "{}",
            general("抓紧抓实抓细")
        );
        assert!(general("麻痹思想、厌战情绪") < general("麻痹思想"));
        assert!(general("人民群众") > general("外防输入、内防反弹"));
        // A count word and what it counts are independent in general text.
        assert!(general("两个维护") < -7.0, "{}", general("两个维护"));
    }

    #[test]
    fn collocations_of_common_words_are_told_from_idioms() {
        for usage in ["贯彻落实", "深入开展", "全面落实"] {
            assert!(joins_common_words(usage), "{usage}");
        }
        for idiom in ["铜墙铁壁", "因地制宜", "慎终如始", "统筹兼顾", "同舟共济"]
        {
            assert!(!joins_common_words(idiom), "{idiom}");
        }
        // Only four characters split evenly are read so.
        assert!(!joins_common_words("落实"));
        assert!(!joins_common_words("人民群众利益"));
    }
}
