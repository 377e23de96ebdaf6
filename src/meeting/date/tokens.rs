//! Date expressions in running text: full dates, partial dates, ranges, relative and vague days.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::{Captures, Regex};

use crate::meeting::numerals::{parse_digits, parse_small};
use crate::model::Span;

/// One date expression found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Year, month and day: 2020年2月3日, 2020-02-03, 二〇二〇年二月三日, 24.09.2015.
    Full(NaiveDate),
    /// Year and month only: 2020年2月.
    YearMonth(i32, u32),
    /// Month and day: 1月27日.
    MonthDay(u32, u32),
    /// A day of the month alone: 14日.
    Day(u32),
    /// Days from the publication date: 昨日 = −1.
    Relative(i64),
    /// A span of days, `(month, day)` to `(month, day)`, with the year if written:
    /// 10月24日至25日, 2011年7月4日至11日. A month of 0 means "the month is not written" (3—6日).
    Range(Option<i32>, (u32, u32), (u32, u32)),
    /// Part of a month, with the year if written: 2月下旬 → days 21–end, 3月初 → 1–10.
    MonthPart(Option<i32>, u32, (u32, u32)),
    /// A day shortly before publication, not named: 近日, 日前, 近期, 前不久.
    Recent,
}

/// A date expression and where it stands.
#[derive(Clone, Copy, Debug)]
pub struct Token {
    /// What it says.
    pub kind: Kind,
    /// Its bytes in the text it was found in.
    pub span: Span,
}

const YEAR: &str = r"(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})";
const MONTH: &str = r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])";
const DAY: &str = r"(?:[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])";
const TO: &str = r"(?:至|到|—{1,2}|-|－|~|～|－)";

/// Month names as a `Date.toString()` writes them (`Tue Feb 25 08:50:37 CST 2020`).
const ENGLISH_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// All date expressions, longest forms first so that a full date is never read as its parts.
static DATE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let pattern = [
        format!(
            r"(?:(?P<ry>{YEAR})\s*年\s*)?(?P<rm1>{MONTH})\s*月\s*(?P<rd1>{DAY})\s*[日号號]?\s*{TO}\s*(?:(?P<rm2>{MONTH})\s*月\s*)?(?P<rd2>{DAY})\s*[日号號]"
        ),
        format!(
            r"(?P<fy>{YEAR})\s*年\s*(?P<fm>{MONTH})\s*月\s*(?P<fd>{DAY})\s*[日号號]"
        ),
        r"(?P<iy>[0-9]{4})(?P<s1>[-/.])(?P<im>[0-9]{1,2})(?P<s2>[-/.])(?P<id>[0-9]{1,2})".into(),
        r"(?P<ed>[0-9]{1,2})\.(?P<em>[0-9]{1,2})\.(?P<ey>[0-9]{4})".into(),
        r"(?P<um>[0-9]{1,2})/(?P<ud>[0-9]{1,2})/(?P<uy>[0-9]{4})".into(),
        r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s+(?P<enm>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(?P<end>[0-9]{1,2})\s+[0-9:]{8}\s+[A-Z]{2,5}\s+(?P<eny>[0-9]{4})".into(),
        format!(
            r"(?:(?P<py>{YEAR})\s*年\s*)?(?P<pm>{MONTH})\s*月\s*(?P<part>上旬|中旬|下旬|上中旬|中下旬|初|底|末)"
        ),
        format!(r"(?P<yy>{YEAR})\s*年\s*(?P<ym>{MONTH})\s*月"),
        format!(r"(?P<mm>{MONTH})\s*月\s*(?P<md>{DAY})\s*[日号號]"),
        format!(r"(?P<dr1>[0-9]{{1,2}})\s*[日号]?\s*{TO}\s*(?P<dr2>[0-9]{{1,2}})\s*[日号]"),
        r"(?P<dd>[0-9０-９]{1,2})\s*[日号號]".into(),
        r"(?P<rel>昨日|昨天|前日|前天|今日|今天|当日|当天)".into(),
        r"(?P<recent>近日|日前|近期|前不久|前些天|连日来)".into(),
    ]
    .join("|");
    Regex::new(&pattern).ok()
});

fn group_str<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

/// A year as written (2020, 二〇二〇), when it is one a report could carry.
pub fn year_of(s: &str) -> Option<i32> {
    // Years outside this range are page numbers or codes, not dates of reports.
    parse_digits(s)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2100).contains(y))
}

/// An ASCII or full-width digit.
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The last day of a month.
pub fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next?.pred_opt()
}

fn month_of(c: &Captures<'_>, name: &str) -> Option<u32> {
    parse_small(group_str(c, name)?).filter(|m| (1..=12).contains(m))
}

fn day_of(c: &Captures<'_>, name: &str) -> Option<u32> {
    parse_small(group_str(c, name)?).filter(|d| (1..=31).contains(d))
}

/// Characters that make 日前 part of another word: 节日前, 今日前, 工作日前.
const NOT_RECENT_BEFORE: &str = "节今昨当假念生作周每次本同明翌择即期元首";

/// Reads one regex match into a token, or `None` when it is not really a date.
fn token(text: &str, c: &Captures<'_>) -> Option<Token> {
    let whole = c.get(0)?;
    let span = Span::new(whole.start(), whole.end());
    let before = text[..whole.start()].chars().next_back();
    let after = text[whole.end()..].chars().next();
    // A number glued to more digits (9499期, 12345年) is not a date.
    if before.is_some_and(is_digit) {
        return None;
    }
    let full = |y: i32, m: u32, d: u32| NaiveDate::from_ymd_opt(y, m, d).map(Kind::Full);
    let kind = if let Some(d1) = group_str(c, "rd1") {
        let year = group_str(c, "ry").and_then(year_of);
        let m1 = month_of(c, "rm1")?;
        let m2 = c.name("rm2").map_or(Some(m1), |_| month_of(c, "rm2"))?;
        let d1 = parse_small(d1).filter(|d| (1..=31).contains(d))?;
        let d2 = day_of(c, "rd2")?;
        if (m2, d2) <= (m1, d1) && m2 >= m1 {
            return None;
        }
        Kind::Range(year, (m1, d1), (m2, d2))
    } else if let Some(y) = group_str(c, "fy") {
        full(
            year_of(y)?,
            parse_small(group_str(c, "fm")?)?,
            parse_small(group_str(c, "fd")?)?,
        )?
    } else if let Some(y) = group_str(c, "iy") {
        if group_str(c, "s1") != group_str(c, "s2") || after.is_some_and(is_digit) {
            return None;
        }
        let month = parse_small(group_str(c, "im")?)?;
        full(year_of(y)?, month, parse_small(group_str(c, "id")?)?)?
    } else if let Some(y) = group_str(c, "ey") {
        if after.is_some_and(is_digit) {
            return None;
        }
        // Day first (24.09.2015), unless the first number cannot be a month's day but the second
        // cannot be a month either.
        let a = parse_small(group_str(c, "ed")?)?;
        let b = parse_small(group_str(c, "em")?)?;
        let (day, month) = if b > 12 { (b, a) } else { (a, b) };
        full(year_of(y)?, month, day)?
    } else if let Some(y) = group_str(c, "uy") {
        if after.is_some_and(is_digit) {
            return None;
        }
        // Month first (11/20/2021, as site templates print it), unless the first cannot be a
        // month.
        let a = parse_small(group_str(c, "um")?)?;
        let b = parse_small(group_str(c, "ud")?)?;
        let (month, day) = if a > 12 { (b, a) } else { (a, b) };
        full(year_of(y)?, month, day)?
    } else if let Some(m) = group_str(c, "enm") {
        let month = ENGLISH_MONTHS.iter().position(|n| *n == m)? as u32 + 1;
        full(
            year_of(group_str(c, "eny")?)?,
            month,
            parse_small(group_str(c, "end")?)?,
        )?
    } else if let Some(part) = group_str(c, "part") {
        let year = group_str(c, "py").and_then(year_of);
        let month = month_of(c, "pm")?;
        let days = match part {
            "上旬" | "初" => (1, 10),
            "中旬" => (11, 20),
            "上中旬" => (1, 20),
            "中下旬" => (11, 31),
            _ => (21, 31),
        };
        Kind::MonthPart(year, month, days)
    } else if let Some(y) = group_str(c, "yy") {
        Kind::YearMonth(year_of(y)?, month_of(c, "ym")?)
    } else if group_str(c, "mm").is_some() {
        // Leap day is checked when the year is known.
        Kind::MonthDay(month_of(c, "mm")?, day_of(c, "md")?)
    } else if let Some(d1) = group_str(c, "dr1") {
        let d1 = parse_small(d1).filter(|d| (1..=31).contains(d))?;
        let d2 = day_of(c, "dr2")?;
        if d2 <= d1 {
            return None;
        }
        Kind::Range(None, (0, d1), (0, d2))
    } else if group_str(c, "dd").is_some() {
        // 日报 after a number is a paper's issue, not a day.
        if text[whole.end()..].starts_with('报') {
            return None;
        }
        Kind::Day(day_of(c, "dd")?)
    } else if group_str(c, "recent").is_some() {
        if before.is_some_and(|b| NOT_RECENT_BEFORE.contains(b)) {
            return None;
        }
        Kind::Recent
    } else {
        let word = group_str(c, "rel")?;
        let offset = match word {
            "昨日" | "昨天" => -1,
            "前日" | "前天" => -2,
            _ => {
                if !today_is_a_day(text, whole.start(), whole.end()) {
                    return None;
                }
                0
            }
        };
        Kind::Relative(offset)
    };
    Some(Token { kind, span })
}

/// 今日/今天/当日 name a day only in a sentence (今日上午, 今天，), not in a name: 今日嵊州 is a
/// paper, 今日4版 a page count, 今日头条 an app, 《今日…》 a title.
fn today_is_a_day(text: &str, start: usize, end: usize) -> bool {
    // Look back at most a few hundred bytes so a page that is one long line stays linear.
    let mut window = start.saturating_sub(300);
    while !text.is_char_boundary(window) {
        window += 1;
    }
    let line_start = text[window..start]
        .rfind('\n')
        .map_or(window, |i| window + i + 1);
    let before = &text[line_start..start];
    // Inside an unclosed 《 on the same line: a title.
    let open = before.rfind('《');
    if open.is_some() && open > before.rfind('》') {
        return false;
    }
    match text[end..].chars().next() {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some(c) => "上下晚早凌中傍夜午起在召举至是为,，、。:：;；!！?？)）".contains(c),
    }
}

/// Every date expression in `text`, in order.
pub fn tokens(text: &str) -> Vec<Token> {
    let Some(re) = DATE_RE.as_ref() else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| token(text, &c))
        .collect()
}

/// The first full date written in `s` (a metadata value such as `2020-02-15T08:00:00+08:00`).
pub fn first_full_date(s: &str) -> Option<NaiveDate> {
    tokens(s).into_iter().find_map(|t| match t.kind {
        Kind::Full(d) => Some(d),
        _ => None,
    })
}

/// The byte ranges of the lines of `text`, without their line breaks.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices('\n') {
        out.push(Span::new(start, i));
        start = i + 1;
    }
    out.push(Span::new(start, text.len()));
    out
}

/// True when a time of day follows a date: `2020-02-03 20:06`, `2020年02月25日08:43:34`.
pub fn time_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && rest[digits..].starts_with([':', '：'])
        && rest[digits..]
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kinds of the expressions found in `text`, rendered compactly.
    fn check(text: &str, expect: &[&str]) {
        let got: Vec<String> = tokens(text)
            .iter()
            .map(|t| match t.kind {
                Kind::Full(d) => d.to_string(),
                Kind::YearMonth(y, m) => format!("{y}-{m:02}"),
                Kind::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
                Kind::Day(d) => format!("---{d:02}"),
                Kind::Relative(n) => format!("rel{n}"),
                Kind::Range(y, a, b) => format!("{y:?} {a:?}..{b:?}"),
                Kind::MonthPart(y, m, p) => format!("{y:?} {m} {p:?}"),
                Kind::Recent => "recent".into(),
            })
            .collect();
        assert_eq!(got, expect, "{text}");
    }

    #[test]
    fn expressions() {
        check("2020年2月3日,市委召开", &["2020-02-03"]);
        check("二〇二〇年二月三日", &["2020-02-03"]);
        check("发布时间:2020-02-03 20:06", &["2020-02-03"]);
        check("24.09.2015  12:25", &["2015-09-24"]);
        check("发表时间:11/20/2021  浏览 138 次", &["2021-11-20"]);
        check("28/02/2019", &["2019-02-28"]);
        check("07.12.2016 19:02", &["2016-12-07"]);
        check("发布时间:Tue Feb 25 08:50:37 CST 2020", &["2020-02-25"]);
        check("2020年2月,县委", &["2020-02"]);
        check("1月27日上午", &["--01-27"]);
        check("14日下午", &["---14"]);
        check("昨日下午", &["rel-1"]);
        check("近日,县委召开", &["recent"]);
        check("日前,区政府召开", &["recent"]);
        check("春节日前夕", &[]);
        check(
            "10月24日至25日,在某地召开座谈会",
            &["None (10, 24)..(10, 25)"],
        );
        check("7月4日至11日先后召开", &["None (7, 4)..(7, 11)"]);
        check("2011年7月4日至11日", &["Some(2011) (7, 4)..(7, 11)"]);
        check("1月30日—2月2日", &["None (1, 30)..(2, 2)"]);
        check("3—6日", &["None (0, 3)..(0, 6)"]);
        check("2月下旬,县委", &["None 2 (21, 31)"]);
        check("2020年3月初", &["Some(2020) 3 (1, 10)"]);
        check("第9499期 12345年", &[]);
        check("1月6日中共中央政治局会议", &["--01-06"]);
        check("2月18號,十七屆縣人民政府常務會議召開", &["--02-18"]);
    }

    #[test]
    fn metadata_values() {
        let d = |s: &str| first_full_date(s).map(|d| d.to_string());
        assert_eq!(
            d("2020-02-15T08:00:00+08:00").as_deref(),
            Some("2020-02-15")
        );
        assert_eq!(d("2020/2/15 10:00").as_deref(), Some("2020-02-15"));
        assert_eq!(d("2020年02月15日").as_deref(), Some("2020-02-15"));
        assert_eq!(d("明天"), None);
    }
}
