//! Dates: explicit, partial, mastheads, datelines, relative days and inferred years.
//!
//! A page is scanned once ([`PageDates::scan`]) for what it says about its own date: a masthead
//! at the top (possibly split over lines and cross-checked against the weekday and the lunar
//! date), a dateline (`2020-02-03 20:06 来源:…`), every full date written on it, and dated
//! vocabulary. A meeting's lead sentence is then resolved against that ([`PageDates::resolve`]).

use std::sync::LazyLock;

use chrono::{Datelike, Months, NaiveDate, TimeDelta};
use regex::{Captures, Regex};

use crate::meeting::lunar::{self, LunarDate};
use crate::meeting::numerals::{parse_digits, parse_small};
use crate::meeting::vocabulary;
use crate::model::{DateBasis, PolicyDate, Span};

/// What a page says about its own date: masthead, dateline, full dates seen on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageDates {
    /// The publication date, from a masthead (basis `masthead`) or dateline (basis `dateline`).
    pub published: Option<PolicyDate>,
    /// Every full date written on the page, masthead and datelines included; sorted, no repeats.
    pub full_dates: Vec<NaiveDate>,
    /// The earliest date the page's dated vocabulary allows (奥密克戎 → 2021-11-26), if any.
    pub vocabulary_floor: Option<NaiveDate>,
}

/// One date expression found in text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// Year, month and day: 2020年2月3日, 2020-02-03, 二〇二〇年二月三日.
    Full(NaiveDate),
    /// Year and month only: 2020年2月 (a masthead's first line).
    YearMonth(i32, u32),
    /// Month and day: 1月27日.
    MonthDay(u32, u32),
    /// A day of the month alone: 14日.
    Day(u32),
    /// Days from the publication date: 昨日 = −1.
    Relative(i64),
}

#[derive(Clone, Copy, Debug)]
struct Token {
    kind: Kind,
    span: Span,
}

const YEAR: &str = r"(?:[0-9０-９]{4}|[〇零○一二三四五六七八九]{4})";
const MONTH: &str = r"(?:[0-9０-９]{1,2}|十[一二]?|[一二三四五六七八九])";
const DAY: &str = r"(?:[0-9０-９]{1,2}|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])";

/// All date expressions, longest forms first so that a full date is never read as its parts.
static DATE_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let pattern = format!(
        r"(?P<fy>{YEAR})\s*年\s*(?P<fm>{MONTH})\s*月\s*(?P<fd>{DAY})\s*[日号]|(?P<iy>[0-9]{{4}})(?P<s1>[-/.])(?P<im>[0-9]{{1,2}})(?P<s2>[-/.])(?P<id>[0-9]{{1,2}})|(?P<yy>{YEAR})\s*年\s*(?P<ym>{MONTH})\s*月|(?P<mm>{MONTH})\s*月\s*(?P<md>{DAY})\s*[日号]|(?P<dd>[0-9０-９]{{1,2}})\s*[日号]|(?P<rel>昨日|昨天|前日|前天|今日|今天|当日|当天)"
    );
    Regex::new(&pattern).ok()
});

/// A lunar date as mastheads print it: 庚子年正月廿二, 农历腊月初八.
static LUNAR_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?P<gz>[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥])年|农历)\s*(?:农历)?\s*(?P<leap>闰)?(?P<lm>十一|十二|[正一二三四五六七八九十冬腊])月\s*(?P<ld>初[一二三四五六七八九十]|十[一二三四五六七八九]|二十|廿[一二三四五六七八九]|三十|十)",
    )
    .ok()
});

/// A compact date in a page title: 《新闻联播》 (20240609). Read only at the top of a page,
/// where an eight-digit number is a date far more often than anywhere else.
static COMPACT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])((?:19|20)[0-9]{2})(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)",
    )
    .ok()
});

/// A weekday: 星期六, 周日, 礼拜天.
static WEEKDAY_RE: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"(?:星期|礼拜|周)(?P<wd>[一二三四五六日天])").ok());

/// Lines that carry a publication line: a source, author or publication time beside the date.
const DATELINE_CUES: [&str; 11] = [
    "来源", "发布", "时间", "日期", "作者", "编辑", "记者", "浏览", "字号", "稿源", "点击",
];

/// A masthead occupies the top of a page, before the first line of running text.
const MASTHEAD_MAX_LINE_CHARS: usize = 40;
const MASTHEAD_MAX_LINES: usize = 12;
/// Besides its date, a masthead line holds little: a weekday, an issue number.
const MASTHEAD_MAX_EXTRA_CHARS: usize = 14;
/// A dateline is a short line; a long one is running text that happens to hold a date.
const DATELINE_MAX_LINE_CHARS: usize = 120;

fn group_str<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

fn year_of(s: &str) -> Option<i32> {
    // Years outside this range are page numbers or codes, not dates of reports.
    parse_digits(s)
        .and_then(|y| i32::try_from(y).ok())
        .filter(|y| (1900..=2100).contains(y))
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

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
    let kind = if let Some(y) = group_str(c, "fy") {
        let month = parse_small(group_str(c, "fm")?)?;
        let day = parse_small(group_str(c, "fd")?)?;
        Kind::Full(NaiveDate::from_ymd_opt(year_of(y)?, month, day)?)
    } else if let Some(y) = group_str(c, "iy") {
        if group_str(c, "s1") != group_str(c, "s2") || after.is_some_and(is_digit) {
            return None;
        }
        let month = parse_small(group_str(c, "im")?)?;
        let day = parse_small(group_str(c, "id")?)?;
        Kind::Full(NaiveDate::from_ymd_opt(year_of(y)?, month, day)?)
    } else if let Some(y) = group_str(c, "yy") {
        let month = parse_small(group_str(c, "ym")?)?;
        if !(1..=12).contains(&month) {
            return None;
        }
        Kind::YearMonth(year_of(y)?, month)
    } else if let Some(m) = group_str(c, "mm") {
        let month = parse_small(m)?;
        let day = parse_small(group_str(c, "md")?)?;
        // Leap day is checked when the year is known.
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        Kind::MonthDay(month, day)
    } else if let Some(d) = group_str(c, "dd") {
        let day = parse_small(d)?;
        // 日报 after a number is a paper's issue, not a day.
        if !(1..=31).contains(&day) || text[whole.end()..].starts_with('报') {
            return None;
        }
        Kind::Day(day)
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
fn tokens(text: &str) -> Vec<Token> {
    let Some(re) = DATE_RE.as_ref() else {
        return Vec::new();
    };
    re.captures_iter(text)
        .filter_map(|c| token(text, &c))
        .collect()
}

/// The byte ranges of the lines of `text`, without their line breaks.
fn lines(text: &str) -> Vec<Span> {
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
fn time_follows(rest: &str) -> bool {
    let rest = rest.trim_start();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits)
        && rest[digits..].starts_with([':', '：'])
        && rest[digits..]
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_digit())
}

impl PageDates {
    /// Reads the page's masthead, datelines, full dates and dated vocabulary, in one pass each.
    pub fn scan(page: &str) -> Self {
        let toks = tokens(page);
        let line_spans = lines(page);
        let line_of = |pos: usize| line_spans.partition_point(|l| l.end < pos);

        let mut full_dates: Vec<NaiveDate> = Vec::new();
        let mut dateline: Option<NaiveDate> = None;
        for t in &toks {
            let Kind::Full(date) = t.kind else { continue };
            full_dates.push(date);
            if dateline.is_none() {
                let line = line_spans
                    .get(line_of(t.span.start))
                    .map_or("", |l| l.slice(page));
                let short = line.chars().count() <= DATELINE_MAX_LINE_CHARS;
                let cue = DATELINE_CUES.iter().any(|c| line.contains(c));
                if short && (cue || time_follows(&page[t.span.end..])) {
                    dateline = Some(date);
                }
            }
        }

        let masthead = masthead(page, &line_spans, &toks);
        if let Some(d) = masthead {
            full_dates.push(d);
        }
        full_dates.sort_unstable();
        full_dates.dedup();

        let published = masthead
            .map(|date| PolicyDate::new(date, DateBasis::Masthead))
            .or(dateline.map(|date| PolicyDate::new(date, DateBasis::Dateline)));
        Self {
            published,
            full_dates,
            vocabulary_floor: vocabulary::floor(page),
        }
    }

    /// The distinct years of the full dates on the page, sorted.
    pub fn years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.full_dates.iter().map(Datelike::year).collect();
        years.dedup();
        years
    }

    /// The first date expression in `text` (a meeting's lead sentence) that can be completed
    /// from the page; the span is relative to `text`.
    pub fn resolve(&self, text: &str) -> Option<(PolicyDate, Span)> {
        tokens(text)
            .into_iter()
            .find_map(|t| self.complete(t.kind).map(|d| (d, t.span)))
    }

    /// Turns one expression into a calendar date using what the page says.
    fn complete(&self, kind: Kind) -> Option<PolicyDate> {
        let with = |date: NaiveDate, basis: DateBasis| Some(PolicyDate::new(date, basis));
        let published = self.published;
        match kind {
            Kind::Full(date) => with(date, DateBasis::Explicit),
            Kind::YearMonth(..) => None,
            Kind::Relative(offset) => {
                let p = published?;
                with(
                    p.date.checked_add_signed(TimeDelta::days(offset))?,
                    DateBasis::Relative,
                )
            }
            Kind::MonthDay(month, day) => {
                if let Some(p) = published {
                    // A report looks back: take the year that puts the day on or shortly before
                    // publication (12月30日 on a 1月2日 page is last year).
                    let date = [1, 0, -1].iter().find_map(|dy| {
                        let d = NaiveDate::from_ymd_opt(p.date.year() + dy, month, day)?;
                        (d <= p.date + TimeDelta::days(7)).then_some(d)
                    })?;
                    return with(date, p.basis);
                }
                if let Some(date) = nearest(&self.full_dates, |fd| {
                    [-1, 0, 1]
                        .iter()
                        .filter_map(|dy| NaiveDate::from_ymd_opt(fd.year() + dy, month, day))
                        .collect()
                }) {
                    return with(date, DateBasis::Inferred);
                }
                let floor = self.vocabulary_floor?;
                let date = (floor.year()..=floor.year() + 1)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .find(|d| *d >= floor)?;
                with(date, DateBasis::Inferred)
            }
            Kind::Day(day) => {
                if let Some(p) = published {
                    let date = month_candidates(p.date, day)
                        .into_iter()
                        .find(|d| *d <= p.date + TimeDelta::days(1))?;
                    return with(date, p.basis);
                }
                let date = nearest(&self.full_dates, |fd| month_candidates(fd, day))?;
                with(date, DateBasis::Inferred)
            }
        }
    }
}

/// Day `day` in the month after, of, and the two before `anchor`'s month, latest first.
fn month_candidates(anchor: NaiveDate, day: u32) -> Vec<NaiveDate> {
    let Some(first) = anchor.with_day(1) else {
        return Vec::new();
    };
    let next = first.checked_add_months(Months::new(1));
    let back = |n| first.checked_sub_months(Months::new(n));
    [next, Some(first), back(1), back(2)]
        .into_iter()
        .flatten()
        .filter_map(|m| m.with_day(day))
        .collect()
}

/// Among the candidates each full date suggests, the one closest to its full date
/// (ties: the earlier candidate).
fn nearest(
    full: &[NaiveDate],
    candidates: impl Fn(NaiveDate) -> Vec<NaiveDate>,
) -> Option<NaiveDate> {
    full.iter()
        .flat_map(|&fd| {
            candidates(fd)
                .into_iter()
                .map(move |c| ((c - fd).num_days().abs(), c))
        })
        .min()
        .map(|(_, c)| c)
}

/// The masthead date at the top of a page, if there is one: a full date on a short line, or a
/// year-month with the day number standing alone nearby (`2020年2月` … `15`), cross-checked
/// with a printed weekday (星期六) and lunar date (庚子年正月廿二). Datelines are not mastheads.
fn masthead(page: &str, line_spans: &[Span], toks: &[Token]) -> Option<NaiveDate> {
    let head: Vec<Span> = line_spans
        .iter()
        .copied()
        .filter(|l| !l.slice(page).trim().is_empty())
        .take(MASTHEAD_MAX_LINES)
        .take_while(|l| l.slice(page).trim().chars().count() <= MASTHEAD_MAX_LINE_CHARS)
        .collect();
    let head_end = head.last()?.end;
    let head_text = &page[..head_end];

    let mut candidates: Vec<(NaiveDate, i32)> = Vec::new();
    let mut year_months: Vec<(i32, u32)> = Vec::new();
    for t in toks.iter().take_while(|t| t.span.end <= head_end) {
        match t.kind {
            Kind::Full(date) => {
                let line = head
                    .iter()
                    .find(|l| l.contains(t.span))
                    .map_or("", |l| l.slice(page));
                let is_dateline = DATELINE_CUES.iter().any(|c| line.contains(c))
                    || time_follows(&page[t.span.end..]);
                // 2022年1月3日-9日 is a period (a weekly table), not the day of the paper.
                let is_range = page[t.span.end..]
                    .trim_start()
                    .starts_with(['-', '—', '~', '～', '至', '到']);
                // Around its date a masthead line holds a weekday, a lunar date or an issue
                // number, not a sentence (2025年1月1日起我国调整…).
                let next = page[t.span.end..].chars().next();
                let plain_next = next.is_none_or(|c| {
                    c.is_whitespace()
                        || c.is_ascii_punctuation()
                        || "星周农第礼,，。（(".contains(c)
                });
                let extra = line
                    .trim()
                    .chars()
                    .count()
                    .saturating_sub(t.span.slice(page).chars().count());
                if !is_dateline && !is_range && plain_next && extra <= MASTHEAD_MAX_EXTRA_CHARS {
                    candidates.push((date, 2));
                }
            }
            Kind::YearMonth(y, m) => year_months.push((y, m)),
            _ => {}
        }
    }
    if let Some(re) = COMPACT_RE.as_ref() {
        for l in &head {
            for c in re.captures_iter(l.slice(page)) {
                let num = |k| c.get(k).and_then(|m| m.as_str().parse::<u32>().ok());
                if let (Some(y), Some(m), Some(d)) = (num(1), num(2), num(3))
                    && let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d)
                {
                    candidates.push((date, 1));
                }
            }
        }
    }
    // A day number standing alone on its line belongs to the year-month above it.
    let lone_days: Vec<u32> = head
        .iter()
        .filter_map(|l| {
            let s = l.slice(page).trim();
            (s.chars().count() <= 2 && s.chars().all(is_digit))
                .then(|| parse_small(s))
                .flatten()
        })
        .filter(|d| (1..=31).contains(d))
        .collect();
    let weekday = WEEKDAY_RE
        .as_ref()
        .and_then(|re| re.captures(head_text))
        .and_then(|c| group_str(&c, "wd"))
        .and_then(|w| match w {
            "日" | "天" => Some(6),
            w => parse_small(w).map(|n| n - 1),
        });
    let lunar_caps = LUNAR_RE.as_ref().and_then(|re| re.captures(head_text));
    let ganzhi = lunar_caps
        .as_ref()
        .and_then(|c| group_str(c, "gz"))
        .and_then(lunar::ganzhi_index);
    let lunar_md = lunar_caps.as_ref().and_then(|c| {
        Some((
            lunar::month_number(group_str(c, "lm")?)?,
            lunar::day_number(group_str(c, "ld")?)?,
            c.name("leap").is_some(),
        ))
    });

    for &(y, m) in &year_months {
        for &d in &lone_days {
            if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                candidates.push((date, 1));
            }
        }
        // The lunar date alone can give the day when the day number is missing or wrong.
        if let Some((lm, ld, leap)) = lunar_md {
            for ly in [y - 1, y] {
                let l = LunarDate {
                    year: ly,
                    month: lm,
                    day: ld,
                    leap,
                };
                if let Some(date) = lunar::to_solar(l)
                    && date.year() == y
                    && date.month() == m
                {
                    candidates.push((date, 0));
                }
            }
        }
    }

    let score = |&(date, base): &(NaiveDate, i32)| {
        let mut s = base;
        if let Some(w) = weekday {
            s += if lunar::weekday_index(date) == w {
                2
            } else {
                -2
            };
        }
        if let Some((lm, ld, leap)) = lunar_md {
            let l = lunar::from_solar(date);
            let same = l.is_some_and(|l| l.month == lm && l.day == ld && l.leap == leap);
            s += if same { 2 } else { -2 };
        }
        if let (Some(gz), Some(l)) = (ganzhi, lunar::from_solar(date)) {
            s += if lunar::year_has_ganzhi(l.year, gz) {
                1
            } else {
                -1
            };
        }
        s
    };
    // Highest score wins; among equals the one written first.
    let mut best: Option<((NaiveDate, i32), i32)> = None;
    for c in &candidates {
        let s = score(c);
        if best.is_none_or(|(_, bs)| s > bs) {
            best = Some((*c, s));
        }
    }
    let ((date, _), s) = best?;
    if s < 0 {
        log::debug!("masthead date {date} fails its weekday/lunar cross-check");
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// Scans `page`, resolves `lead`, and compares with `expect` = "YYYY-MM-DD basis" or "".
    fn check(page: &str, lead: &str, expect: &str) {
        let dates = PageDates::scan(page);
        let got = dates
            .resolve(lead)
            .map(|(d, _)| format!("{} {}", d.date, d.basis.as_str()))
            .unwrap_or_default();
        assert_eq!(got, expect, "page {page:?} lead {lead:?} → {dates:?}");
    }

    /// The publication date read from `page`, as "YYYY-MM-DD basis" or "".
    fn published(page: &str, expect: &str) {
        let got = PageDates::scan(page)
            .published
            .map(|d| format!("{} {}", d.date, d.basis.as_str()))
            .unwrap_or_default();
        assert_eq!(got, expect, "{page:?}");
    }

    #[test]
    fn explicit_dates() {
        check("", "2020年2月3日,市委召开常委会", "2020-02-03 explicit");
        check("", "2020-02-03 市委召开", "2020-02-03 explicit");
        check("", "于2020/2/3召开", "2020-02-03 explicit");
        check("", "2020.02.03 会议", "2020-02-03 explicit");
        check("", "2020年02月25日08:43:34", "2020-02-25 explicit");
        check("", "二〇二〇年二月三日,省委召开", "2020-02-03 explicit");
        check("", "二〇二二年十二月三十一日", "2022-12-31 explicit");
        check("", "2020年2月3日上午,县委召开", "2020-02-03 explicit");
        check("", "２０２１年３月５日", "2021-03-05 explicit");
        check("", "2020年 2月 3日", "2020-02-03 explicit");
        check("", "2021年2月29日", "");
        check("", "2020-02/03", "");
        check("", "12020-02-03", "");
        check("", "第9499期", "");
    }

    #[test]
    fn partial_dates_from_masthead_and_dateline() {
        let dateline = "标题\n2020-02-03 20:06 来源:某报 记者 王某\n正文";
        check(dateline, "2月3日,市委召开常委会会议", "2020-02-03 dateline");
        check(dateline, "3日下午,市委召开", "2020-02-03 dateline");
        let source_after = "来源:某某新闻网 作者:记者 2020年02月25日08:43:34\n正文";
        check(source_after, "24日上午,县委召开", "2020-02-24 dateline");
        check(source_after, "2月24日,县委召开", "2020-02-24 dateline");
        let new_year = "发布时间:2021-01-02\n正文";
        check(new_year, "12月30日,区委召开", "2020-12-30 dateline");
        check(new_year, "30日,区委召开", "2020-12-30 dateline");
        check(new_year, "1月2日,区委召开", "2021-01-02 dateline");
        check(new_year, "31日晚,区委召开", "2020-12-31 dateline");
    }

    #[test]
    fn relative_days() {
        let page = "来源:某某新闻网-今日某地 作者:记者 2020年02月25日08:43:34\n正文";
        check(page, "昨日下午,市委常委会会议召开", "2020-02-24 relative");
        check(page, "昨天,县委召开", "2020-02-24 relative");
        check(page, "前天上午,县委召开", "2020-02-23 relative");
        check(page, "今天上午,县委召开", "2020-02-25 relative");
        check(page, "今日,县委召开", "2020-02-25 relative");
        check(page, "当日下午,县委召开", "2020-02-25 relative");
        check(page, "网上看《今日某地》", "");
        check(page, "今日头条", "");
        check(page, "星期六 今日4版", "");
        check(page, "日前,县委召开", "");
        check("", "昨日下午,县委召开", "");
    }

    #[test]
    fn inferred_years() {
        let table = "某地环境质量周报\n2022年1月3日-9日\n";
        check(table, "1月10日下午,我市召开推进会", "2022-01-10 inferred");
        check(table, "10日下午,我市召开推进会", "2022-01-10 inferred");
        let omicron = "严防奥密克戎、德尔塔变异株输入,新冠肺炎疫情";
        check(
            omicron,
            "1月27日上午,市委常委会召开会议",
            "2022-01-27 inferred",
        );
        check(omicron, "12月1日,市委召开", "2021-12-01 inferred");
        check(
            "新冠肺炎疫情防控",
            "2月10日,县委召开",
            "2020-02-10 inferred",
        );
        check(
            "新冠肺炎疫情防控",
            "1月10日,县委召开",
            "2021-01-10 inferred",
        );
        check("没有任何日期", "1月10日,县委召开", "");
        check("没有任何日期", "10日,县委召开", "");
    }

    #[test]
    fn first_resolvable_expression_wins() {
        let page = "发布时间:2020-02-15\n";
        check(
            page,
            "14日,金华市委常委会召开扩大会议。2月13日,督查",
            "2020-02-14 dateline",
        );
        check("", "今日4版 2020年3月1日", "2020-03-01 explicit");
    }

    #[test]
    fn mastheads() {
        let split = "\n\n某某日报\n\n2020年2月\n庚子年正月廿二\n星期六 今日4版\n第9499期\n\n15\n\n\n\n标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题\n";
        published(split, "2020-02-15 masthead");
        check(split, "14日,市委常委会召开扩大会议", "2020-02-14 masthead");
        // The day number is wrong (16 was a Sunday); weekday and lunar date point to the 15th.
        let misprinted = "某某日报\n2020年2月\n庚子年正月廿二\n星期六\n16\n";
        published(misprinted, "2020-02-15 masthead");
        // No day number at all: the lunar date gives it.
        published("某某日报\n2020年2月\n农历正月廿二\n", "2020-02-15 masthead");
        published(
            "某某日报\n2022年1月28日 星期五\n农历辛丑年腊月廿六\n",
            "2022-01-28 masthead",
        );
        published("某某日报\n2020年2月3日\n", "2020-02-03 masthead");
        // A long first line is running text: no masthead, and no cue: no dateline either.
        published(
            "今年以来,全市上下认真贯彻落实2020年2月3日会议精神,坚决打赢疫情防控阻击战,确保经济社会发展目标任务",
            "",
        );
        published("2020-02-03 20:06 来源:某报\n", "2020-02-03 dateline");
        // A date inside a short line of text is not a masthead.
        published(
            "公报\n来源:央视网\n2022-10-12 19:16\n(2022年10月9日中国共产党第十九届中央委员会通过)\n",
            "2022-10-12 dateline",
        );
        published(
            "一\n二\n三\n四\n五\n六\n七\n八\n九\n十\n十一\n十二\n2020年2月3日\n",
            "",
        );
    }

    #[test]
    fn years_listed() {
        let d = PageDates::scan("2019年5月1日 与 2020年2月3日 及 2020-02-04");
        assert_eq!(d.years(), vec![2019, 2020]);
        assert_eq!(d.full_dates.len(), 3);
        assert_eq!(d.full_dates[0], ymd("2019-05-01"));
    }

    #[test]
    fn spans_point_into_the_lead() {
        let dates = PageDates::scan("发布时间:2020-02-15\n");
        let lead = "本报讯 14日,金华市委";
        let (_, span) = dates.resolve(lead).unwrap();
        assert_eq!(span.slice(lead), "14日");
    }

    #[test]
    fn seed_reports() {
        let seeds = [
            (
                include_str!("../../assets/seeds/000_5af66aba3eb6f890.txt"),
                "本报讯 14日,金华市委常委会召开扩大会议",
                "2020-02-14 masthead",
            ),
            (
                include_str!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
                "1月27日上午,市委常委会召开会议",
                "2022-01-27 inferred",
            ),
            (
                include_str!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
                "1月27日晚,我市召开疫情防控工作视频调度会",
                "2022-01-27 inferred",
            ),
            (
                include_str!("../../assets/seeds/002_25b3b4b043e47f04.txt"),
                "1月10日下午,我市召开新冠肺炎疫情防控工作推进会",
                "2022-01-10 inferred",
            ),
            (
                include_str!("../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
                "2月3日,市委召开市委常委会会议",
                "2020-02-03 dateline",
            ),
            (
                include_str!("../../assets/seeds/004_fb9274b1444c3ec8.txt"),
                "  昨日下午,市委常委会会议暨市疫情防控工作领导小组(扩大)会议召开",
                "2020-02-24 relative",
            ),
        ];
        for (page, lead, expect) in seeds {
            check(page, lead, expect);
        }
        published(
            include_str!("../../assets/seeds/000_5af66aba3eb6f890.txt"),
            "2020-02-15 masthead",
        );
        published(
            include_str!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
            "",
        );
        published(
            include_str!("../../assets/seeds/002_25b3b4b043e47f04.txt"),
            "",
        );
    }

    mod fuzz {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(5000))]
            #[test]
            fn never_panics_on_any_string(s in any::<String>()) {
                let d = PageDates::scan(&s);
                let _ = d.resolve(&s);
            }

            #[test]
            fn never_panics_on_date_like_strings(
                s in r"[\-0-9０-９〇零○一二三四五六七八九十廿卅两年月日号昨今前天当/.:：星期农历庚子正腊闰初\n 《》来源]{0,40}"
            ) {
                let d = PageDates::scan(&s);
                if let Some((date, span)) = d.resolve(&s) {
                    prop_assert!(span.end <= s.len());
                    prop_assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
                    prop_assert!((1899..=2101).contains(&date.date.year()));
                }
            }
        }
    }
}
