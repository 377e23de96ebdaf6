//! Dates outside the running text: the file's name and folders, the page's address, its HTML
//! metadata.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::tokens::first_full_date;

/// What a path or address says about a date: a year, perhaps a month, perhaps a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathDate {
    /// The year.
    pub year: i32,
    /// The month, when the path carries one.
    pub month: Option<u32>,
    /// The day, when the path carries one (then `month` does too).
    pub day: Option<u32>,
}

impl PathDate {
    /// The full date, when the path gives the day.
    pub fn full(self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, self.month?, self.day?)
    }

    fn rank(self) -> u8 {
        u8::from(self.month.is_some()) + u8::from(self.day.is_some())
    }
}

/// Years a report's path or address can carry; other four-digit numbers are ids.
const PATH_YEARS: std::ops::RangeInclusive<i32> = 1949..=2099;

/// Year, month and day in a path: `2019-02-22.txt`, `/2020/02/15/`, `t20160201_`, `2020/0215/`.
static PATH_YMD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_/.]?(0[1-9]|1[0-2])[-_/.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)").ok()
});

/// A timestamp in a path, to the minute or second, the second perhaps followed by more digits
/// (a fraction or a serial): `/paper/202411040035/`, `20241104003512`, `2022011211032611367`.
static PATH_STAMP: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:[01][0-9]|2[0-3])[0-5][0-9](?:[0-5][0-9][0-9]*)?(?:[^0-9]|$)").ok()
});

/// Year and month in a path: `/201403/`, `2014-03/`.
static PATH_YM: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_/.]?(0[1-9]|1[0-2])(?:[^0-9]|$)").ok()
});

/// A year standing alone between separators: `report_2022.txt`, `/2020/`.
static PATH_Y: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:^|[^0-9A-Za-z])((?:19|20)[0-9]{2})(?:[^0-9A-Za-z]|$)").ok());

/// An address written in a page's text.
static URL_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"https?://[A-Za-z0-9\-._~/%?=&#+:]+").ok());

/// The most specific date a path or address carries (day over month over year), the last one
/// when several are as specific: the file name is more particular than its folders.
pub fn path_date(path: &str) -> Option<PathDate> {
    // Overlapping matches matter (`/2020/02/15/` holds a year, a year-month and a full date), so
    // each pattern is tried from every separator on its own.
    let num = |c: &regex::Captures<'_>, i: usize| c.get(i).and_then(|m| m.as_str().parse().ok());
    let mut best: Option<PathDate> = None;
    let mut consider = |d: PathDate| {
        let valid = PATH_YEARS.contains(&d.year) && (d.day.is_none() || d.full().is_some());
        if valid && best.is_none_or(|b| d.rank() >= b.rank()) {
            best = Some(d);
        }
    };
    for (re, parts) in [
        (&PATH_Y, 1),
        (&PATH_YM, 2),
        (&PATH_YMD, 3),
        (&PATH_STAMP, 3),
    ] {
        let Some(re) = re.as_ref() else { continue };
        let mut at = 0;
        while let Some(c) = re.captures_at(path, at) {
            let Some(whole) = c.get(0) else { break };
            if let Some(year) = num(&c, 1) {
                consider(PathDate {
                    year: year as i32,
                    month: (parts >= 2).then(|| num(&c, 2)).flatten(),
                    day: (parts >= 3).then(|| num(&c, 3)).flatten(),
                });
            }
            // Step past the first character of the match so a shared separator is reused.
            at = whole.start()
                + path[whole.start()..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
        }
    }
    best
}

/// The addresses written in a page's text, in order.
pub fn urls_in(text: &str) -> Vec<&str> {
    URL_RE
        .as_ref()
        .map(|re| re.find_iter(text).map(|m| m.as_str()).collect())
        .unwrap_or_default()
}

/// The date a metadata value gives (`2020-02-15T08:00:00+08:00`, `2020/2/15`, `20200215`).
pub fn metadata_date(value: &str) -> Option<NaiveDate> {
    first_full_date(value).or_else(|| path_date(value)?.full())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The date in `path` as "YYYY", "YYYY-MM", "YYYY-MM-DD" or "".
    fn check(path: &str, expect: &str) {
        let got = path_date(path).map_or(String::new(), |d| match (d.month, d.day) {
            (Some(m), Some(day)) => format!("{}-{m:02}-{day:02}", d.year),
            (Some(m), None) => format!("{}-{m:02}", d.year),
            _ => d.year.to_string(),
        });
        assert_eq!(got, expect, "{path}");
    }

    #[test]
    fn paths() {
        check("reports/2019-02-22.txt", "2019-02-22");
        check(
            "http://www.example.gov.cn/xw/2020/02/15/art_1.html",
            "2020-02-15",
        );
        check("http://example.cn/news/t20160201_3021.html", "2016-02-01");
        check(
            "http://example.cn/2020/0215/c1234a56789/page.htm",
            "2020-02-15",
        );
        check("http://example.cn/news/201403/t123_456.html", "2014-03");
        check("县委常委会会议_2022.txt", "2022");
        check("2021年/县委常委会.docx", "2021");
        check("archive/2018/xw/20180418.htm", "2018-04-18");
        check("seed:000_5af66aba3eb6f890.txt", "");
        check("corpus/doc002001.txt", "");
        check("content_5512345.htm", "");
        check("scan_2048x1536.txt", "");
        check("notes/20201345.txt", "");
        // A timestamp to the minute or the second.
        check(
            "http://example.com/paper/202411040035/241112437.html",
            "2024-11-04",
        );
        check("http://example.com/a/20241104003512.html", "2024-11-04");
        check("http://example.com/a/202411049935.html", "");
        check(
            "http://example.cn/news/gg/2022011211032611367.htm",
            "2022-01-12",
        );
        check(
            "http://example.cn/news/201307051454396121.htm",
            "2013-07-05",
        );
        check("http://example.cn/news/2022011299032611367.htm", "");
        check("会议纪要.txt", "");
    }

    #[test]
    fn metadata_values() {
        let d = |s: &str| metadata_date(s).map(|d| d.to_string()).unwrap_or_default();
        assert_eq!(d("2020-02-15T08:00:00+08:00"), "2020-02-15");
        assert_eq!(d("20200215"), "2020-02-15");
        assert_eq!(d("2020年2月15日 10:30"), "2020-02-15");
        assert_eq!(d("yesterday"), "");
    }

    #[test]
    fn addresses_in_text() {
        assert_eq!(
            urls_in("原文链接:http://www.example.cn/2020/02/15/a.html 编辑:某某"),
            vec!["http://www.example.cn/2020/02/15/a.html"]
        );
        assert!(urls_in("没有地址").is_empty());
    }
}
