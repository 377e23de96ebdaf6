//! Dated vocabulary: terms that cannot appear before a known date (奥密克戎 from 2021-11-26) and
//! fall out of use after another, kept as data in `assets/dates/terms.tsv`; and ordinals that
//! name their year by arithmetic (第95个“八一”建军节 → 1927 + 95, 十四届全国人大一次会议 → 2023).
//! The last resort for giving a year to a partial date; a year found this way is not known.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::meeting::numerals::parse_count;

/// The term list as shipped.
const TERMS_TSV: &str = include_str!("../../assets/dates/terms.tsv");

/// A term and the period in which a text containing it can have been written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedTerm {
    /// The term as it is written, e.g. 奥密克戎.
    pub term: String,
    /// The earliest date a text containing it can have been written.
    pub since: NaiveDate,
    /// After this date the term is no longer current (新冠肺炎 after the 2023 downgrade), if ever.
    pub until: Option<NaiveDate>,
}

/// What a text's vocabulary says about when it was written.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Window {
    /// Not before this date: the latest `since` of the terms found.
    pub since: Option<NaiveDate>,
    /// Probably not after this date: the earliest `until` of the terms found, when it does not
    /// contradict `since`.
    pub until: Option<NaiveDate>,
    /// The year an ordinal names (建党100周年 → 2021), the most frequent one if several.
    pub likely_year: Option<i32>,
}

impl Window {
    /// The best estimate of the date of a month and day written on the page.
    pub fn estimate(&self, month: u32, day: u32) -> Option<NaiveDate> {
        let inside =
            |d: NaiveDate| self.since.is_none_or(|s| d >= s) && self.until.is_none_or(|u| d <= u);
        if let Some(y) = self.likely_year
            && let Some(d) = NaiveDate::from_ymd_opt(y, month, day)
            && inside(d)
        {
            return Some(d);
        }
        if let Some(since) = self.since {
            return (since.year()..=since.year() + 4)
                .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                .find(|d| *d >= since);
        }
        if let Some(y) = self.likely_year {
            return NaiveDate::from_ymd_opt(y, month, day);
        }
        let until = self.until?;
        (until.year() - 4..=until.year())
            .rev()
            .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
            .find(|d| *d <= until)
    }
}

struct Vocabulary {
    terms: Vec<DatedTerm>,
    matcher: Option<AhoCorasick>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| {
    let terms = parse(TERMS_TSV);
    let matcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(terms.iter().map(|t| t.term.as_str()))
        .ok();
    Vocabulary { terms, matcher }
});

/// Reads `term<TAB>since<TAB>until<TAB>source` lines (`until` may be `-`); `#` lines and
/// malformed lines are skipped.
fn parse(tsv: &str) -> Vec<DatedTerm> {
    let date = |s: &str| NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let term = cols.next()?.trim();
            let since = date(cols.next()?)?;
            let until = cols.next().and_then(date);
            (!term.is_empty()).then(|| DatedTerm {
                term: term.to_string(),
                since,
                until,
            })
        })
        .collect()
}

/// Every dated term the shipped list knows.
pub fn terms() -> &'static [DatedTerm] {
    &VOCABULARY.terms
}

/// The latest `since` date among the dated terms found in `text`: the text cannot be older.
pub fn floor(text: &str) -> Option<NaiveDate> {
    window(text).since
}

/// What the dated terms and ordinals in `text` say about when it was written.
pub fn window(text: &str) -> Window {
    let v = &*VOCABULARY;
    let found: Vec<&DatedTerm> = v
        .matcher
        .as_ref()
        .map(|m| {
            m.find_iter(text)
                .filter_map(|f| v.terms.get(f.pattern().as_usize()))
                .collect()
        })
        .unwrap_or_default();
    let since = found.iter().map(|t| t.since).max();
    let until = found
        .iter()
        .filter_map(|t| t.until)
        .min()
        .filter(|u| since.is_none_or(|s| s <= *u));
    Window {
        since,
        until,
        likely_year: likely_year(text),
    }
}

/// An ordinal and how it names a year: `year = base + n` (anniversaries, the n-th yearly day),
/// or, for the national legislature's sessions, the term's first year.
#[derive(Clone, Copy)]
enum Ordinal {
    /// The n-th anniversary of, or the n-th yearly day since, `base + 1`.
    Since(i32),
    /// 第N届全国人大第M次会议 (and the CPPCC's matching sessions): from the 5th term (1978)
    /// a term is five years and holds one session a year.
    Session,
    /// The first (开局之年) or last (收官之年) year of the n-th Five-Year Plan (十四五): from the
    /// sixth (1981) each plan is five years.
    Plan,
}

/// A Chinese or Arabic count.
const N: &str = r"([0-9]{1,3}|[〇零一二两三四五六七八九十百]{1,6})";

/// The ordinals Tifa reads, each with how its count gives a year.
static ORDINALS: LazyLock<Vec<(Regex, Ordinal)>> = LazyLock::new(|| {
    let q = r"[“”‘’「」『』\x22]?";
    let table: Vec<(String, Ordinal)> = vec![
        (
            format!(r"(?:建党|中国共产党成立|党的生日|党成立){N}周年"),
            Ordinal::Since(1921),
        ),
        (
            format!(r"(?:新中国成立|中华人民共和国成立|建国){N}周年"),
            Ordinal::Since(1949),
        ),
        (format!(r"改革开放{N}周年"), Ordinal::Since(1978)),
        (
            format!(r"(?:建军|人民解放军建军|人民军队建军){N}周年"),
            Ordinal::Since(1927),
        ),
        (format!(r"第{N}个{q}八一{q}建军节"), Ordinal::Since(1927)),
        (
            format!(r"第{N}个{q}三八{q}(?:国际)?妇女节"),
            Ordinal::Since(1910),
        ),
        (
            format!(r"{q}三八{q}(?:国际妇女)?节{N}周年"),
            Ordinal::Since(1910),
        ),
        (format!(r"共青团成立{N}周年"), Ordinal::Since(1922)),
        (format!(r"五四运动{N}周年"), Ordinal::Since(1919)),
        (
            format!(r"(?:抗战|抗日战争|世界反法西斯战争)胜利{N}周年"),
            Ordinal::Since(1945),
        ),
        (format!(r"长征胜利{N}周年"), Ordinal::Since(1936)),
        (format!(r"香港回归(?:祖国)?{N}周年"), Ordinal::Since(1997)),
        (format!(r"澳门回归(?:祖国)?{N}周年"), Ordinal::Since(1999)),
        (format!(r"第{N}个教师节"), Ordinal::Since(1984)),
        (
            format!(r"第{N}个{q}全民国家安全教育日"),
            Ordinal::Since(2015),
        ),
        (format!(r"第{N}个{q}国家宪法日"), Ordinal::Since(2013)),
        (format!(r"第{N}个{q}中国农民丰收节"), Ordinal::Since(2017)),
        (format!(r"第{N}个{q}烈士纪念日"), Ordinal::Since(2013)),
        (format!(r"第{N}个{q}(?:国家)?扶贫日"), Ordinal::Since(2013)),
        (format!(r"第{N}个{q}中国航天日"), Ordinal::Since(2015)),
        (
            format!(r"第{N}个{q}全国{q}?安全生产月"),
            Ordinal::Since(2001),
        ),
        (format!(r"第{N}个{q}世界环境日"), Ordinal::Since(1973)),
        (
            format!(r"第?{N}届全国人大(?:常委会)?第?{N}次会议"),
            Ordinal::Session,
        ),
        (
            format!(r"第{N}届全国人民代表大会第{N}次会议"),
            Ordinal::Session,
        ),
        (format!(r"全国政协{N}届{N}次会议"), Ordinal::Session),
        (
            format!(r"{N}五{q}(?:规划)?的?(开局|收官)之年"),
            Ordinal::Plan,
        ),
        (
            format!(r"政协第{N}届全国委员会第{N}次会议"),
            Ordinal::Session,
        ),
    ];
    table
        .into_iter()
        .filter_map(|(p, o)| Regex::new(&p).ok().map(|r| (r, o)))
        .collect()
});

/// The year the ordinals in `text` name; the most frequent, the latest among equals.
fn likely_year(text: &str) -> Option<i32> {
    let mut years: Vec<i32> = Vec::new();
    for (re, ordinal) in ORDINALS.iter() {
        for c in re.captures_iter(text) {
            let count = |i| c.get(i).and_then(|m| parse_count(m.as_str()));
            let year = match ordinal {
                Ordinal::Since(base) => count(1).map(|n| base + n as i32),
                Ordinal::Session => match (count(1), count(2)) {
                    (Some(term @ 5..=20), Some(session @ 1..=5)) => {
                        Some(1978 + 5 * (term as i32 - 5) + session as i32 - 1)
                    }
                    _ => None,
                },
                Ordinal::Plan => match (count(1), c.get(2).map(|m| m.as_str())) {
                    (Some(n @ 6..=20), Some(end)) => {
                        Some(1951 + 5 * n as i32 + if end == "收官" { 4 } else { 0 })
                    }
                    _ => None,
                },
            };
            if let Some(y) = year.filter(|y| (1949..=2100).contains(y)) {
                years.push(y);
            }
        }
    }
    years.sort_unstable();
    let mut best: Option<(usize, i32)> = None;
    for chunk in years.chunk_by(|a, b| a == b) {
        let candidate = (chunk.len(), chunk[0]);
        if best.is_none_or(|b| candidate >= b) {
            best = Some(candidate);
        }
    }
    best.map(|(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let want = expect.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        assert_eq!(floor(text), want, "{text}");
    }

    /// The estimate for `month`/`day` on a page reading `text`, as "YYYY-MM-DD" or "".
    fn estimate(text: &str, month: u32, day: u32, expect: &str) {
        let got = window(text)
            .estimate(month, day)
            .map(|d| d.to_string())
            .unwrap_or_default();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn floors() {
        check("坚决打赢疫情防控阻击战", None);
        check("新型冠状病毒感染的肺炎疫情", Some("2020-01-09"));
        check("全市新冠肺炎疫情防控工作推进会", Some("2020-02-08"));
        check(
            "健康码的使用率和畅通度还不够高,新冠肺炎",
            Some("2020-02-11"),
        );
        check(
            "严防奥密克戎、德尔塔变异株输入,新冠肺炎",
            Some("2021-11-26"),
        );
        check("深入学习贯彻党的二十届三中全会精神", Some("2024-07-15"));
        check("大力发展新质生产力", Some("2023-09-07"));
    }

    #[test]
    fn ordinals() {
        estimate(
            "庆祝中国人民解放军建军95周年,迎接第95个“八一”建军节",
            7,
            28,
            "2022-07-28",
        );
        estimate("纪念“三八”国际妇女节104周年", 2, 28, "2014-02-28");
        estimate("庆祝建党一百周年", 6, 20, "2021-06-20");
        estimate("学习贯彻十四届全国人大一次会议精神", 3, 17, "2023-03-17");
        estimate(
            "传达第十三届全国人民代表大会第二次会议精神",
            3,
            20,
            "2019-03-20",
        );
        estimate("全国政协十二届三次会议", 3, 16, "2015-03-16");
        estimate("庆祝共青团成立100周年", 5, 24, "2022-05-24");
        estimate("新中国成立70周年", 9, 30, "2019-09-30");
        // A Five-Year Plan's first or last year, quoted as reports write it.
        estimate("今年是“十四五”规划收官之年", 3, 17, "2025-03-17");
        estimate("“十五五”开局之年", 1, 8, "2026-01-08");
        estimate("“十三五”的开局之年", 2, 8, "2016-02-08");
        // The ordinal's year falls before a term the page also uses: the term wins.
        estimate("建党100周年 新质生产力", 5, 1, "2024-05-01");
        estimate("没有可以推算年份的词", 5, 1, "");
    }

    #[test]
    fn windows() {
        // The earliest day both terms allow.
        estimate("新冠肺炎疫情 动态清零", 12, 5, "2021-12-05");
        estimate("决胜全面建成小康社会", 6, 1, "2018-06-01");
        // A term out of use before another came in: the bound above is dropped.
        let w = window("决胜全面建成小康社会 新质生产力");
        assert_eq!(w.until, None);
    }

    #[test]
    fn shipped_list_parses_whole() {
        let data_lines = TERMS_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert_eq!(terms().len(), data_lines);
        assert!(
            terms()
                .iter()
                .all(|t| (2000..=2026).contains(&t.since.year()))
        );
        assert!(terms().iter().all(|t| t.until.is_none_or(|u| u >= t.since)));
    }
}
