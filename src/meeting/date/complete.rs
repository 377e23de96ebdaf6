//! A meeting's date from its lead: the first date expression, completed from what the page says.
//!
//! A partial date takes its year (and a day alone its month) from, in this order: a full date
//! in the same lead; the masthead, dateline or publication line; the HTML metadata; the file's
//! path or the page's address; other full dates on the page; years written on the page; and,
//! last, dated vocabulary and ordinals, which give an estimate whose year is marked as not
//! known. Relative days count from the publication date; 近日/日前 give a window before it.

use chrono::{Datelike, NaiveDate, TimeDelta};

use super::calendar::{look_back, month_candidates, nearest};
use super::page::PageDates;
use super::tokens::{Kind, Token, month_end, tokens};
use crate::model::{DateBasis, DatePrecision, PolicyDate, Span};

impl PageDates {
    /// The meeting's date in `lead`: the first date expression that can be completed from the
    /// page; the span is relative to `lead`. A relative or vague day (昨天, 近日) that cannot
    /// be completed ends the search: a later date in the lead is another event's.
    pub fn resolve(&self, lead: &str) -> Option<(PolicyDate, Span)> {
        let toks = tokens(lead);
        let near: Vec<NaiveDate> = toks
            .iter()
            .filter_map(|t| match t.kind {
                Kind::Full(d) => Some(d),
                _ => None,
            })
            .collect();
        // A dispatch line (新华社北京3月17日电, 福清新闻网6月28日讯) dates the story, not the
        // meeting: it is used only when the lead gives no other date.
        let (dispatch, own): (Vec<&Token>, Vec<&Token>) = toks.iter().partition(|t| {
            let after = lead[t.span.end..].trim_start();
            after.starts_with('电') || after.starts_with('讯')
        });
        // The dispatch line's day is the story's: a bare day or 今天 after it counts from it when
        // the page gives nothing better (福州新闻网6月1日讯 … 1日下午).
        let story = dispatch.iter().find_map(|t| match t.kind {
            Kind::Full(_) | Kind::MonthDay(..) => self.complete(t.kind, &near),
            _ => None,
        });
        for t in own.into_iter().chain(dispatch) {
            // 萧山网4月28日讯 … 今天下午: today is the story's day, whatever day the page was
            // put online.
            if matches!(t.kind, Kind::Relative(_))
                && let Some(d) = story.and_then(|s| from_story(t.kind, s))
            {
                return Some((d, t.span));
            }
            if let Some(d) = self.complete(t.kind, &near) {
                return Some((d, t.span));
            }
            if let Some(d) = story.and_then(|s| from_story(t.kind, s)) {
                return Some((d, t.span));
            }
            if matches!(t.kind, Kind::Relative(_) | Kind::Recent | Kind::Day(_)) {
                return None;
            }
        }
        None
    }

    /// Turns one expression into a date using what the page says; `near` are the full dates of
    /// the same lead.
    fn complete(&self, kind: Kind, near: &[NaiveDate]) -> Option<PolicyDate> {
        match kind {
            Kind::Full(date) => Some(PolicyDate::new(date, DateBasis::Explicit)),
            Kind::YearMonth(y, m) => {
                let first = NaiveDate::from_ymd_opt(y, m, 1)?;
                Some(PolicyDate {
                    precision: DatePrecision::Month,
                    range: Some((first, month_end(y, m)?)),
                    ..PolicyDate::new(first, DateBasis::Explicit)
                })
            }
            Kind::MonthDay(m, d) => self.year_for(m, d, near),
            Kind::Day(d) => self.month_for(d, near),
            Kind::Relative(offset) => match self.publication() {
                Some(p) => Some(PolicyDate {
                    date: p.date.checked_add_signed(TimeDelta::days(offset))?,
                    ..PolicyDate::new(p.date, DateBasis::Relative)
                }),
                None => self.relative_bounds(near),
            },
            Kind::Recent => {
                let (latest, basis) = if let Some(p) = self.publication() {
                    (p.date, p.basis)
                } else {
                    let p = self.path?;
                    (month_end(p.year, p.month?)?, DateBasis::Path)
                };
                let earliest = latest.checked_sub_signed(TimeDelta::days(self.recent_days))?;
                Some(approximate(latest, (earliest, latest), basis))
            }
            Kind::Range(year, (m1, d1), (m2, d2)) => {
                let start = match (year, m1) {
                    (_, 0) => self.month_for(d1, near)?,
                    (Some(y), _) => {
                        PolicyDate::new(NaiveDate::from_ymd_opt(y, m1, d1)?, DateBasis::Explicit)
                    }
                    (None, _) => self.year_for(m1, d1, near)?,
                };
                let end = if m1 == 0 {
                    start.date.with_day(d2)?
                } else {
                    let y = start.date.year() + i32::from(m2 < m1);
                    NaiveDate::from_ymd_opt(y, m2, d2)?
                };
                Some(PolicyDate {
                    year_known: start.year_known,
                    ..approximate(start.date, (start.date, end), start.basis)
                })
            }
            Kind::MonthPart(year, m, (a, b)) => {
                let start = match year {
                    Some(y) => {
                        PolicyDate::new(NaiveDate::from_ymd_opt(y, m, a)?, DateBasis::Explicit)
                    }
                    None => self.year_for(m, a, near)?,
                };
                let last = month_end(start.date.year(), m)?;
                let end = start.date.with_day(b).map_or(last, |e| e.min(last));
                Some(PolicyDate {
                    year_known: start.year_known,
                    ..approximate(start.date, (start.date, end), start.basis)
                })
            }
        }
    }

    /// 昨天 on a page with no publication date: after the last full date the page (or the lead,
    /// `near`) writes, within
    /// the year its path (or, failing that, that full date) gives.
    fn relative_bounds(&self, near: &[NaiveDate]) -> Option<PolicyDate> {
        let year = self.path.map(|p| p.year);
        let last = self
            .full_dates
            .iter()
            .chain(near)
            .filter(|d| year.is_none_or(|y| d.year() == y))
            .max()
            .copied();
        let (earliest, basis) = match (last, year) {
            (Some(d), _) => (d, DateBasis::Inferred),
            (None, Some(y)) => (NaiveDate::from_ymd_opt(y, 1, 1)?, DateBasis::Path),
            (None, None) => return None,
        };
        let latest = NaiveDate::from_ymd_opt(year.unwrap_or(earliest.year()), 12, 31)?;
        Some(approximate(earliest, (earliest, latest), basis))
    }

    /// A month and day completed with a year, from the best source that gives one.
    fn year_for(&self, month: u32, day: u32, near: &[NaiveDate]) -> Option<PolicyDate> {
        let on = |y: i32| NaiveDate::from_ymd_opt(y, month, day);
        let around = |fd: NaiveDate| -> Vec<NaiveDate> {
            [-1, 0, 1]
                .iter()
                .filter_map(|dy| on(fd.year() + dy))
                .collect()
        };
        let day_of = |date: NaiveDate, basis| Some(PolicyDate::new(date, basis));
        if let Some(date) = nearest(near, around) {
            return day_of(date, DateBasis::Inferred);
        }
        if let Some(p) = self.published {
            return day_of(look_back(p.date, month, day)?, p.basis);
        }
        if let Some(m) = self.metadata {
            return day_of(look_back(m, month, day)?, DateBasis::Metadata);
        }
        if let Some(p) = self.path {
            let anchor = match p.month {
                Some(pm) => p.full().or_else(|| month_end(p.year, pm))?,
                None => return day_of(on(p.year)?, DateBasis::Path),
            };
            return day_of(look_back(anchor, month, day)?, DateBasis::Path);
        }
        if let Some(date) = nearest(&self.full_dates, around) {
            return day_of(date, DateBasis::Inferred);
        }
        if let Some(date) = self.written_year(month).and_then(on) {
            return day_of(date, DateBasis::Inferred);
        }
        // Nothing says the year: keep the month and day, with an estimate or a placeholder.
        let date = self
            .vocabulary()
            .estimate(month, day)
            .or_else(|| on(self.unknown_year))?;
        Some(PolicyDate {
            year_known: false,
            ..PolicyDate::new(date, DateBasis::Inferred)
        })
    }

    /// The year written on the page that a meeting in `month` most likely falls in. Years the
    /// page's dated vocabulary rules out are skipped (2019年脱贫攻坚成效考核 beside 新冠肺炎 is the
    /// year under review, not the meeting's). When a year and the next are both written (2023年
    /// 完成情况及2024年计划), a meeting late in the year reviews the first and one early in the
    /// year plans the second; otherwise the most written year.
    fn written_year(&self, month: u32) -> Option<i32> {
        let window = self.vocabulary();
        let fits = |y: i32| {
            window.since.is_none_or(|s| y >= s.year()) && window.until.is_none_or(|u| y <= u.year())
        };
        let years: Vec<i32> = self.years.iter().copied().filter(|&y| fits(y)).collect();
        let first = *years.first()?;
        let pair = |a: i32| years.contains(&a) && years.contains(&(a + 1));
        let (lo, hi) = if pair(first) {
            (first, first + 1)
        } else if pair(first - 1) {
            (first - 1, first)
        } else {
            return Some(first);
        };
        Some(match month {
            1..=3 => hi,
            10..=12 => lo,
            _ => first,
        })
    }

    /// A day of the month completed with a month and year: the publication's month, or the one
    /// before when the day is later than publication.
    fn month_for(&self, day: u32, near: &[NaiveDate]) -> Option<PolicyDate> {
        let day_of = |date: NaiveDate, basis| Some(PolicyDate::new(date, basis));
        if let Some(date) = nearest(near, |fd| month_candidates(fd, day)) {
            return day_of(date, DateBasis::Inferred);
        }
        let before = |anchor: NaiveDate| {
            month_candidates(anchor, day)
                .into_iter()
                .find(|d| *d <= anchor + TimeDelta::days(1))
        };
        if let Some(p) = self.published {
            return day_of(before(p.date)?, p.basis);
        }
        if let Some(m) = self.metadata {
            return day_of(before(m)?, DateBasis::Metadata);
        }
        if let Some(p) = self.path.filter(|p| p.month.is_some()) {
            return match p.full() {
                Some(full) => day_of(before(full)?, DateBasis::Path),
                None => day_of(
                    NaiveDate::from_ymd_opt(p.year, p.month?, day)?,
                    DateBasis::Path,
                ),
            };
        }
        let date = nearest(&self.full_dates, |fd| month_candidates(fd, day))?;
        day_of(date, DateBasis::Inferred)
    }
}

/// A bare day or a relative day counted from the story's dispatch date, which dates it as a
/// dateline does (its year known only as well as the dispatch's).
fn from_story(kind: Kind, story: PolicyDate) -> Option<PolicyDate> {
    let date = match kind {
        Kind::Day(d) => month_candidates(story.date, d)
            .into_iter()
            .find(|c| *c <= story.date + TimeDelta::days(1))?,
        Kind::Relative(offset) => story.date.checked_add_signed(TimeDelta::days(offset))?,
        _ => return None,
    };
    Some(PolicyDate {
        year_known: story.year_known,
        ..PolicyDate::new(date, DateBasis::Dateline)
    })
}

/// A date known only within `range`, with `date` its best estimate.
fn approximate(date: NaiveDate, range: (NaiveDate, NaiveDate), basis: DateBasis) -> PolicyDate {
    PolicyDate {
        precision: DatePrecision::Approximate,
        range: Some(range),
        ..PolicyDate::new(date, basis)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meeting::date::DateConfig;
    use crate::model::PageMeta;

    /// Renders a date as "YYYY-MM-DD basis", with "?" when the year is not known, the precision
    /// when it is not a day and the range when there is one.
    fn render(d: PolicyDate) -> String {
        let mut s = format!("{} {}", d.date, d.basis.as_str());
        if !d.year_known {
            s.push_str(" ?");
        }
        if d.precision != DatePrecision::Day {
            s.push(' ');
            s.push_str(d.precision.as_str());
        }
        let range = d.range.map(|(a, b)| format!(" {a}..{b}"));
        s + &range.unwrap_or_default()
    }

    /// Scans `page`, resolves `lead`, and compares with `expect` (see [`render`]) or "".
    fn check(page: &str, lead: &str, expect: &str) {
        check_at("", page, lead, expect);
    }

    /// As [`check`], for a file at `path`.
    fn check_at(path: &str, page: &str, lead: &str, expect: &str) {
        let dates = PageDates::read_parts(page, path, &PageMeta::default(), &DateConfig::default());
        let got = dates
            .resolve(lead)
            .map(|(d, _)| render(d))
            .unwrap_or_default();
        assert_eq!(got, expect, "page {page:?} lead {lead:?} → {dates:?}");
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
        let java = "标题\n来源:某某日报 发布时间:Tue Feb 25 08:50:37 CST 2020\n正文";
        check(
            java,
            "2月24日上午,市政府召开常务会议",
            "2020-02-24 dateline",
        );
        let european = "标题\n\n24.09.2015  12:25\n\n正文";
        check(european, "9月23日,市委召开常委会", "2015-09-23 dateline");
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
        check("", "昨日下午,县委召开", "");
        // The day before an unknown day is unknown, and the later date is another event's.
        check("", "昨天下午,区委召开会议,传达学习9月23日省委会议精神", "");
        // With no publication date, the page's year and its last full date bound it.
        check_at(
            "区委会议_2022.txt",
            "",
            "昨天下午,区委召开会议",
            "2022-01-01 path approximate 2022-01-01..2022-12-31",
        );
        check_at(
            "区委会议_2022.txt",
            "",
            "昨天下午,区委召开会议,传达2022年9月23日会议精神",
            "2022-09-23 inferred approximate 2022-09-23..2022-12-31",
        );
        check_at(
            "news/2009/10/30/a.html",
            "",
            "昨天下午,县委召开",
            "2009-10-29 relative",
        );
    }

    #[test]
    fn windows() {
        let page = "标题\n2020-02-28 15:55:22 来源:某某新闻网\n正文";
        check(
            page,
            "近日,县委召开常委扩大会议",
            "2020-02-28 dateline approximate 2020-02-14..2020-02-28",
        );
        check(
            page,
            "日前,县政府召开常务会议,传达2月21日会议精神",
            "2020-02-28 dateline approximate 2020-02-14..2020-02-28",
        );
        check("没有日期", "近日,县委召开会议,传达2月21日会议精神", "");
        check_at(
            "news/202502/t123.html",
            "",
            "近日,自治区政府召开常务会议",
            "2025-02-28 path approximate 2025-02-14..2025-02-28",
        );
        let dateline = "新华网某地10月25日电\n发布时间:2011-10-25 20:00\n";
        check(
            dateline,
            "10月24日至25日,某某在某地调研,并主持召开座谈会",
            "2011-10-24 dateline approximate 2011-10-24..2011-10-25",
        );
        check(
            "发布时间:2011-07-13\n",
            "7月4日至11日,某某先后召开四次座谈会",
            "2011-07-04 dateline approximate 2011-07-04..2011-07-11",
        );
        check(
            "",
            "2020年2月,县委召开会议",
            "2020-02-01 explicit month 2020-02-01..2020-02-29",
        );
        check(
            "发布时间:2021-03-02\n",
            "2月下旬,县委召开会议",
            "2021-02-21 dateline approximate 2021-02-21..2021-02-28",
        );
        check(
            "发布时间:2021-03-05\n",
            "3—4日,县委召开会议",
            "2021-03-03 dateline approximate 2021-03-03..2021-03-04",
        );
    }

    #[test]
    fn years_from_paths_metadata_and_the_page() {
        check_at(
            "县委会议_2022.txt",
            "正文",
            "1月12日上午,县委召开",
            "2022-01-12 path",
        );
        check_at(
            "2022/县委会议.txt",
            "正文",
            "12月30日,县委召开",
            "2022-12-30 path",
        );
        check_at(
            "news/201403/t1.html",
            "",
            "2月28日,县委召开",
            "2014-02-28 path",
        );
        check_at(
            "news/201401/t1.html",
            "",
            "12月30日,县委召开",
            "2013-12-30 path",
        );
        check_at(
            "news/201401/t1.html",
            "",
            "22日下午,市委召开",
            "2014-01-22 path",
        );
        check_at("县委会议_2022.txt", "", "22日下午,市委召开", "");
        check_at(
            "xw/2022/09/06/content_1.html",
            "",
            "本报讯 (记者 某某) 8月31日,县委书记某某主持召开党政联席会议",
            "2022-08-31 path",
        );
        let meta = PageMeta {
            published: Some("2019-02-28 10:00".into()),
            ..PageMeta::default()
        };
        let d = PageDates::read_parts("", "", &meta, &DateConfig::default());
        let got = d.resolve("27日下午,委员长会议召开").map(|(d, _)| render(d));
        assert_eq!(got.as_deref(), Some("2019-02-27 metadata"));
        // A year written in the report, when nothing dates the page itself.
        check(
            "审议《2023年工作要点》",
            "3月2日,旗委召开常委会",
            "2023-03-02 inferred",
        );
        check(
            "听取2007年上半年预算执行情况和2006年决算",
            "8月21日,县人大常委会召开",
            "2007-08-21 inferred",
        );
        // The paper's dispatch line dates the story; the meeting's own day follows it.
        check(
            "发布时间:2020-06-28\n",
            "本报6月28日讯(记者 某某)6月24日,县委书记某某主持召开县委常委会会议",
            "2020-06-24 dateline",
        );
        // With no year on the page, the dispatch line still gives the month and day.
        check(
            "",
            "某某网6月1日讯(记者 某某)1日下午,市防指召开全市防暴雨会商部署会议,6月2日有暴雨",
            "2020-06-01 dateline ?",
        );
        check(
            "",
            "某某新闻3月1日讯 今天上午,省委常委会召开会议",
            "2020-03-01 dateline ?",
        );
        // Today is the dispatch's day, though the page went online the next.
        check(
            "某某网\n更新时间:2020-04-29 08:27:43\n某某网4月28日讯(记者 某某)今天下午,区政府召开常务会议。",
            "某某网4月28日讯(记者 某某)今天下午,区政府召开常务会议。",
            "2020-04-28 dateline",
        );
        // A year and the next: December reviews the first, January plans the second.
        check(
            "听取关于2023年主要指标完成情况及2024年计划安排的汇报",
            "12月25日,市委常委会召开会议",
            "2023-12-25 inferred",
        );
        check(
            "总结2023年工作,部署2024年任务",
            "1月8日,县委常委会召开会议",
            "2024-01-08 inferred",
        );
        // A year the page's vocabulary rules out is the year under review.
        check(
            "审议《关于2019年脱贫攻坚成效考核等情况的汇报》,研究新冠肺炎疫情防控工作",
            "3月27日,中共中央政治局召开会议",
            "2020-03-27 inferred ?",
        );
        // A full date in the lead beats a dateline: it is nearest the meeting.
        check(
            "发布时间:2023-04-16\n",
            "1月30日,区委召开会议,传达2023年1月28日全市大会精神",
            "2023-01-30 inferred",
        );
    }

    #[test]
    fn years_not_known() {
        let omicron = "严防奥密克戎、德尔塔变异株输入,新冠肺炎疫情";
        check(
            omicron,
            "1月27日上午,市委常委会召开会议",
            "2022-01-27 inferred ?",
        );
        check(omicron, "12月1日,市委召开", "2021-12-01 inferred ?");
        check(
            "新冠肺炎疫情防控",
            "2月10日,县委召开",
            "2020-02-10 inferred ?",
        );
        check(
            "新冠肺炎疫情防控",
            "1月10日,县委召开",
            "2021-01-10 inferred ?",
        );
        check(
            "迎接第95个“八一”建军节",
            "7月28日,县委召开",
            "2022-07-28 inferred ?",
        );
        check(
            "严格落实“外防输入、内防反弹”总策略和“动态清零”总方针,迎接党的二十大胜利召开",
            "4月11日下午,县委书记某某主持召开县委常委会会议",
            "2022-04-11 inferred ?",
        );
        check(
            "践行五大发展理念",
            "12月26日,县委召开常委会",
            "2015-12-26 inferred ?",
        );
        check("没有任何日期", "4月18日,县委召开", "2020-04-18 inferred ?");
        check("没有任何日期", "2月29日,县委召开", "2020-02-29 inferred ?");
        check("没有任何日期", "10日,县委召开", "");
        let table = "某地环境质量周报\n2022年1月3日-9日\n";
        check(table, "1月10日下午,我市召开推进会", "2022-01-10 inferred");
        check(table, "10日下午,我市召开推进会", "2022-01-10 inferred");
    }

    #[test]
    fn dispatch_lines() {
        let page = "标题\n2011年10月25日21:58 某某网\n";
        check(
            page,
            "某某网某地10月25日电(记者 某某)10月24日至25日,某某主持召开座谈会",
            "2011-10-24 dateline approximate 2011-10-24..2011-10-25",
        );
        check(
            page,
            "新华社北京10月25日电 国务院总理某某主持召开国务院常务会议",
            "2011-10-25 dateline",
        );
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
                include_str!("../../../assets/seeds/000_5af66aba3eb6f890.txt"),
                "本报讯 14日,金华市委常委会召开扩大会议",
                "2020-02-14 masthead",
            ),
            (
                include_str!("../../../assets/seeds/001_3ac2adbc3d512c05.txt"),
                "1月27日上午,市委常委会召开会议",
                "2022-01-27 inferred ?",
            ),
            (
                include_str!("../../../assets/seeds/001_3ac2adbc3d512c05.txt"),
                "1月27日晚,我市召开疫情防控工作视频调度会",
                "2022-01-27 inferred ?",
            ),
            (
                include_str!("../../../assets/seeds/002_25b3b4b043e47f04.txt"),
                "1月10日下午,我市召开新冠肺炎疫情防控工作推进会",
                "2022-01-10 inferred",
            ),
            (
                include_str!("../../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
                "2月3日,市委召开市委常委会会议",
                "2020-02-03 dateline",
            ),
            (
                include_str!("../../../assets/seeds/004_fb9274b1444c3ec8.txt"),
                "  昨日下午,市委常委会会议暨市疫情防控工作领导小组(扩大)会议召开",
                "2020-02-24 relative",
            ),
        ];
        for (page, lead, expect) in seeds {
            check(page, lead, expect);
        }
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
                s in r"[\-0-9０-９〇零○一二三四五六七八九十廿卅两年月日号昨今前天当近至/.:：星期农历庚子正腊闰初旬下\n 《》来源]{0,40}"
            ) {
                let d = PageDates::scan(&s);
                if let Some((date, span)) = d.resolve(&s) {
                    prop_assert!(span.end <= s.len());
                    prop_assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
                    prop_assert!((1899..=2101).contains(&date.date.year()));
                    if let Some((a, b)) = date.range {
                        prop_assert!(a <= b);
                    }
                }
            }
        }
    }
}
