//! Dated vocabulary: terms that cannot appear before a known date (奥密克戎 from 2021-11-26),
//! kept as data in `assets/dates/terms.tsv`. The last resort for giving a year to a partial date.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use chrono::NaiveDate;

/// The term list as shipped.
const TERMS_TSV: &str = include_str!("../../assets/dates/terms.tsv");

/// A term and the first day it could have been written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedTerm {
    /// The term as it is written, e.g. 奥密克戎.
    pub term: String,
    /// The earliest date a text containing it can have been written.
    pub since: NaiveDate,
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

/// Reads `term<TAB>YYYY-MM-DD<TAB>source` lines; `#` lines and malformed lines are skipped.
fn parse(tsv: &str) -> Vec<DatedTerm> {
    tsv.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut cols = l.split('\t');
            let term = cols.next()?.trim();
            let since = NaiveDate::parse_from_str(cols.next()?.trim(), "%Y-%m-%d").ok()?;
            (!term.is_empty()).then(|| DatedTerm {
                term: term.to_string(),
                since,
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
    let v = &*VOCABULARY;
    v.matcher
        .as_ref()?
        .find_iter(text)
        .filter_map(|m| v.terms.get(m.pattern().as_usize()).map(|t| t.since))
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, expect: Option<&str>) {
        let want = expect.map(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap());
        assert_eq!(floor(text), want, "{text}");
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
        check("编制十四五规划", Some("2018-01-01"));
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
                .all(|t| t.since.to_string().starts_with("20"))
        );
    }
}
