//! What a page says about its own date: masthead, dateline, HTML metadata, the file's path, every
//! full date and year written on it, and its dated vocabulary. Read once per page; a meeting's
//! lead is then resolved against it (see `complete.rs`).

use std::sync::{Arc, LazyLock, OnceLock};

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use super::config::DateConfig;
use super::masthead::{DATELINE_CUES, masthead};
use super::source::{PathDate, metadata_date, path_date, urls_in};
use super::tokens::{Kind, is_digit, lines, time_follows, tokens, year_of};
use crate::meeting::vocabulary::{self, Window};
use crate::model::{DateBasis, Document, PageMeta, PolicyDate};

/// How many days a masthead date may follow the page's publication line (a paper's web edition
/// goes out the evening before its issue) before it is taken for the site's clock.
const CLOCK_DAYS: i64 = 2;

/// Words of a weather widget: its date is the day the page was saved.
const WEATHER: [&str; 4] = ["天气", "气象台", "气温", "风力"];

/// How far into a page (characters) a site's clock stands.
const CLOCK_HEAD_CHARS: usize = 200;

/// What a page says about its own date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageDates {
    /// The publication date printed on the page: its masthead (basis `masthead`) or its dateline
    /// or publication line (basis `dateline`).
    pub published: Option<PolicyDate>,
    /// The publication date in the page's HTML metadata (`article:published_time`, `pubdate`,
    /// `<time datetime>`).
    pub metadata: Option<NaiveDate>,
    /// The date in the file's name or folders, else in the page's address (metadata, or an
    /// address written on the page).
    pub path: Option<PathDate>,
    /// Every full date written on the page, masthead and datelines included; sorted, no repeats.
    pub full_dates: Vec<NaiveDate>,
    /// The years written on their own (2023年一季度, 2019年工作要点), most written first, the
    /// later first among equals; targets (到2025年, 2035年远景目标) left out.
    pub years: Vec<i32>,
    /// What the page's dated vocabulary and ordinals say about when it was written, read when
    /// first asked for ([`PageDates::vocabulary`]): only a meeting's date with no year written
    /// anywhere needs it, and most pages report no meeting.
    vocabulary: OnceLock<Window>,
    /// The page's text, for reading its vocabulary.
    page: Arc<str>,
    /// 近日, 日前: how many days before publication, from [`DateConfig::recent_days`].
    pub recent_days: i64,
    /// The placeholder year for a month and day with no year anywhere.
    pub unknown_year: i32,
}

/// A year written on its own: 2023年, 二〇二三年.
static YEAR_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)[0-9]{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})\s*年").ok()
});

/// Before a year, these make it a deadline or the end of a span (到2025年, 2021—2025年).
const TARGET_BEFORE: &str = "到至—-~～－";

impl PageDates {
    /// Reads a page's text alone, with the default settings.
    pub fn scan(page: &str) -> Self {
        Self::read_parts(page, "", &PageMeta::default(), &DateConfig::default())
    }

    /// Reads a document: its text, its path and its HTML metadata.
    pub fn read(doc: &Document, config: &DateConfig) -> Self {
        Self::read_text(&doc.text.shared(), &doc.path, &doc.meta, config)
    }

    /// What the page's dated vocabulary and ordinals say about when it was written.
    pub fn vocabulary(&self) -> Window {
        *self
            .vocabulary
            .get_or_init(|| vocabulary::window(&self.page))
    }

    /// Reads the page's masthead, datelines, full dates, years and vocabulary, in one pass each,
    /// and the dates its path and metadata carry.
    pub fn read_parts(page: &str, path: &str, meta: &PageMeta, config: &DateConfig) -> Self {
        Self::read_text(&Arc::from(page), path, meta, config)
    }

    /// [`PageDates::read_parts`] of a text it keeps for the vocabulary, without copying it.
    fn read_text(text: &Arc<str>, path: &str, meta: &PageMeta, config: &DateConfig) -> Self {
        let page: &str = text;
        let toks = tokens(page);
        let line_spans = lines(page);
        let line_of = |pos: usize| line_spans.partition_point(|l| l.end < pos);

        let mut full_dates: Vec<NaiveDate> = Vec::new();
        let mut dateline: Option<NaiveDate> = None;
        for t in &toks {
            let date = match t.kind {
                Kind::Full(date) => date,
                Kind::Range(Some(y), (m, d), _) => {
                    if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                        full_dates.push(date);
                    }
                    continue;
                }
                _ => continue,
            };
            full_dates.push(date);
            if dateline.is_none() {
                let line = line_spans
                    .get(line_of(t.span.start))
                    .map_or("", |l| l.slice(page));
                let short = line.chars().count() <= config.dateline_max_line_chars;
                let cue = DATELINE_CUES.iter().any(|c| line.contains(c));
                // 某区气象台2024年3月29日07时发布: a weather forecast's issue, not the page's.
                let weather = WEATHER.iter().any(|w| line.contains(w));
                if short && !weather && (cue || time_follows(&page[t.span.end..])) {
                    dateline = Some(date);
                }
            }
        }

        let masthead = masthead(page, &line_spans, &toks, &config.masthead);
        if let Some(d) = masthead {
            full_dates.push(d);
        }
        full_dates.sort_unstable();
        full_dates.dedup();

        // A "masthead" with its weekday or the day's weather, days after the page's own
        // publication line, is the site's clock (today's date at the top of every page: the day
        // the page was saved), not
        // the paper's issue. A transcript's compact date (《新闻联播》 (20221007)) has no weekday.
        let head = page
            .char_indices()
            .nth(CLOCK_HEAD_CHARS)
            .map_or(page, |(i, _)| &page[..i]);
        let clock = matches!((masthead, dateline), (Some(m), Some(d)) if (m - d).num_days() > CLOCK_DAYS)
            && (head.contains("星期") || WEATHER.iter().any(|w| head.contains(w)));
        let published = masthead
            .filter(|_| !clock)
            .map(|date| PolicyDate::new(date, DateBasis::Masthead))
            .or(dateline.map(|date| PolicyDate::new(date, DateBasis::Dateline)));
        let metadata = meta.published.as_deref().and_then(metadata_date);
        // The file's own name says most about it; then the address it was saved from.
        let path = path_date(path)
            .or_else(|| meta.url.as_deref().and_then(path_date))
            .or_else(|| urls_in(page).into_iter().find_map(path_date));
        Self {
            published,
            metadata,
            path,
            full_dates,
            years: year_mentions(page),
            vocabulary: OnceLock::new(),
            page: Arc::clone(text),
            recent_days: config.recent_days,
            unknown_year: config.unknown_year,
        }
    }

    /// The day the page was published, from the best source that gives one: masthead or
    /// dateline, then metadata, then the path.
    pub fn publication(&self) -> Option<PolicyDate> {
        self.published
            .or_else(|| {
                self.metadata
                    .map(|d| PolicyDate::new(d, DateBasis::Metadata))
            })
            .or_else(|| {
                self.path
                    .and_then(PathDate::full)
                    .map(|d| PolicyDate::new(d, DateBasis::Path))
            })
    }
}

/// The years written on their own in `page`, most written first, the later among equals.
fn year_mentions(page: &str) -> Vec<i32> {
    let Some(re) = YEAR_RE.as_ref() else {
        return Vec::new();
    };
    let mut years: Vec<i32> = re
        .captures_iter(page)
        .filter_map(|c| {
            let m = c.get(1)?;
            let before = page[..m.start()].chars().next_back();
            let after = &page[c.get(0)?.end()..];
            if before.is_some_and(|b| is_digit(b) || TARGET_BEFORE.contains(b))
                || page[..m.start()].ends_with("截至")
                || after.starts_with("远景")
                || after.starts_with('前')
            {
                return None;
            }
            year_of(m.as_str()).filter(|y| (1949..=2100).contains(y))
        })
        .collect();
    years.sort_unstable();
    let mut counted: Vec<(usize, i32)> = years
        .chunk_by(|a, b| a == b)
        .map(|c| (c.len(), c[0]))
        .collect();
    counted.sort_unstable_by(|a, b| b.cmp(a));
    counted.into_iter().map(|(_, y)| y).collect()
}

impl PageDates {
    /// The distinct years of the full dates on the page, sorted.
    pub fn full_date_years(&self) -> Vec<i32> {
        let mut years: Vec<i32> = self.full_dates.iter().map(Datelike::year).collect();
        years.dedup();
        years
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The years written on their own in `page`, best first.
    fn check(page: &str, expect: &[i32]) {
        assert_eq!(year_mentions(page), expect, "{page}");
    }

    #[test]
    fn years_written_alone() {
        check(
            "审议《2023年工作要点》,听取2023年一季度经济运行情况",
            &[2023],
        );
        check(
            "通报全市2019年经济运行情况,研究2020年工作,部署2020年项目",
            &[2020, 2019],
        );
        check("到2025年基本实现,展望2035年远景目标", &[]);
        check("“十四五”规划(2021—2025年)", &[]);
        check("截至2022年底,全县", &[]);
        check("二〇二三年第16次常务会议", &[2023]);
        check("第12345年", &[]);
    }

    #[test]
    fn a_site_clock_above_the_publication_line_is_not_the_masthead() {
        let config = DateConfig::default();
        let meta = PageMeta::default();
        // Today's date on every page of the site, years after the report's own line.
        let page = "2023年03月29日 星期三\n市委常委会召开扩大会议\n发布日期:2020-01-27\n1月26日下午,市委常委会召开扩大会议。\n";
        let d = PageDates::read_parts(page, "a.html", &meta, &config);
        let p = d.publication().unwrap();
        assert_eq!((p.date, p.basis), (ymd("2020-01-27"), DateBasis::Dateline));
        // A paper's masthead the day after its web edition's line is the issue.
        let page = "2020年1月28日 星期二\n市委常委会召开扩大会议\n发布时间:2020-01-27\n1月26日下午,市委常委会召开扩大会议。\n";
        let d = PageDates::read_parts(page, "a.html", &meta, &config);
        assert_eq!(d.publication().map(|p| p.basis), Some(DateBasis::Masthead));
        // The day's weather at the top of the site is its clock too.
        let page = "天气预报:\n某区气象台2024年3月29日07时发布:今天白天晴间多云\n某区委常委会会议召开\n发布日期:2021-07-26 来源:某某信息港\n7月23日,某区委常委会会议召开。\n";
        let d = PageDates::read_parts(page, "a.html", &meta, &config);
        let p = d.publication().unwrap();
        assert_eq!((p.date, p.basis), (ymd("2021-07-26"), DateBasis::Dateline));
    }

    #[test]
    fn sources_in_order() {
        let meta = PageMeta {
            published: Some("2021-03-04T09:00:00+08:00".into()),
            ..PageMeta::default()
        };
        let config = DateConfig::default();
        let d = PageDates::read_parts("正文", "news/2021/03/05/a.html", &meta, &config);
        assert_eq!(d.metadata, Some(ymd("2021-03-04")));
        assert_eq!(d.path.and_then(PathDate::full), Some(ymd("2021-03-05")));
        let p = d.publication().unwrap();
        assert_eq!((p.date, p.basis), (ymd("2021-03-04"), DateBasis::Metadata));
        let url = "标题\n原文地址:http://www.example.cn/2020/0316/c1234.html\n正文";
        let d = PageDates::read_parts(url, "saved.txt", &PageMeta::default(), &config);
        let p = d.publication().unwrap();
        assert_eq!((p.date, p.basis), (ymd("2020-03-16"), DateBasis::Path));
    }

    #[test]
    fn full_dates_listed() {
        let d = PageDates::scan("2019年5月1日 与 2020年2月3日 及 2020-02-04");
        assert_eq!(d.full_date_years(), vec![2019, 2020]);
        assert_eq!(d.full_dates.len(), 3);
        assert_eq!(d.full_dates[0], ymd("2019-05-01"));
        let weekly = PageDates::scan("周报\n2022年1月3日-9日\n");
        assert_eq!(weekly.full_dates, vec![ymd("2022-01-03")]);
    }
}
