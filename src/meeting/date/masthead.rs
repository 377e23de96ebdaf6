//! The masthead at the top of a newspaper page: its date, cross-checked with the printed weekday
//! and lunar date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::{Captures, Regex};

use super::config::MastheadConfig;
use super::tokens::{Kind, Token, is_digit, time_follows};
use crate::meeting::lunar::{self, LunarDate};
use crate::meeting::numerals::parse_small;
use crate::model::Span;

/// Lines that carry a publication line: a source, author or publication time beside the date.
pub const DATELINE_CUES: [&str; 12] = [
    "来源", "发布", "时间", "日期", "作者", "编辑", "记者", "浏览", "字号", "稿源", "点击", "刊发",
];

fn group_str<'t>(c: &Captures<'t>, name: &str) -> Option<&'t str> {
    c.name(name).map(|m| m.as_str())
}

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

/// The masthead date at the top of a page, if there is one: a full date on a short line, or a
/// year-month with the day number standing alone nearby (`2020年2月` … `15`), cross-checked
/// with a printed weekday (星期六) and lunar date (庚子年正月廿二). Datelines are not mastheads.
pub fn masthead(
    page: &str,
    line_spans: &[Span],
    toks: &[Token],
    config: &MastheadConfig,
) -> Option<NaiveDate> {
    let head: Vec<Span> = line_spans
        .iter()
        .copied()
        .filter(|l| !l.slice(page).trim().is_empty())
        .take(config.max_lines)
        .take_while(|l| l.slice(page).trim().chars().count() <= config.max_line_chars)
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
                if !is_dateline && !is_range && plain_next && extra <= config.max_extra_chars {
                    candidates.push((date, config.full_date_score));
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
                    candidates.push((date, config.assembled_score));
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
                candidates.push((date, config.assembled_score));
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
                    candidates.push((date, config.lunar_only_score));
                }
            }
        }
    }

    let score = |&(date, base): &(NaiveDate, i32)| {
        let mut s = base;
        if let Some(w) = weekday {
            let w8 = config.weekday_weight;
            s += if lunar::weekday_index(date) == w {
                w8
            } else {
                -w8
            };
        }
        if let Some((lm, ld, leap)) = lunar_md {
            let l = lunar::from_solar(date);
            let same = l.is_some_and(|l| l.month == lm && l.day == ld && l.leap == leap);
            s += if same {
                config.lunar_weight
            } else {
                -config.lunar_weight
            };
        }
        if let (Some(gz), Some(l)) = (ganzhi, lunar::from_solar(date)) {
            let w8 = config.ganzhi_weight;
            s += if lunar::year_has_ganzhi(l.year, gz) {
                w8
            } else {
                -w8
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
    use crate::meeting::date::PageDates;

    /// The publication date read from `page`, as "YYYY-MM-DD basis" or "".
    fn published(page: &str, expect: &str) {
        let got = PageDates::scan(page)
            .published
            .map(|d| format!("{} {}", d.date, d.basis.as_str()))
            .unwrap_or_default();
        assert_eq!(got, expect, "{page:?}");
    }

    #[test]
    fn mastheads() {
        let split = "\n\n某某日报\n\n2020年2月\n庚子年正月廿二\n星期六 今日4版\n第9499期\n\n15\n\n\n\n标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题标题\n";
        published(split, "2020-02-15 masthead");
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
}
