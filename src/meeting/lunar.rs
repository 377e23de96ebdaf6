//! The Chinese lunisolar calendar, 1900–2100: lunar dates, month and day names, ganzhi years.
//!
//! Mastheads print the lunar date beside the solar one (庚子年正月廿二); reading it lets a split
//! masthead be cross-checked, or completed when its day number is missing.

use chrono::{Datelike, NaiveDate};

/// One entry per lunar year from 1900: bits 4–15 give the lengths of months 1–12 (bit 15 is the
/// first month; set = 30 days, clear = 29), bits 0–3 the leap month (0 = none), bit 16 the
/// length of the leap month. This is the widely published table derived from the Purple
/// Mountain and Hong Kong observatories' almanacs; its new-year dates agree with the `lunardate`
/// Python package for every year 1900–2099.
const LUNAR_INFO: [u32; 201] = [
    0x04bd8, 0x04ae0, 0x0a570, 0x054d5, 0x0d260, 0x0d950, 0x16554, 0x056a0, 0x09ad0, 0x055d2,
    0x04ae0, 0x0a5b6, 0x0a4d0, 0x0d250, 0x1d255, 0x0b540, 0x0d6a0, 0x0ada2, 0x095b0, 0x14977,
    0x04970, 0x0a4b0, 0x0b4b5, 0x06a50, 0x06d40, 0x1ab54, 0x02b60, 0x09570, 0x052f2, 0x04970,
    0x06566, 0x0d4a0, 0x0ea50, 0x16a95, 0x05ad0, 0x02b60, 0x186e3, 0x092e0, 0x1c8d7, 0x0c950,
    0x0d4a0, 0x1d8a6, 0x0b550, 0x056a0, 0x1a5b4, 0x025d0, 0x092d0, 0x0d2b2, 0x0a950, 0x0b557,
    0x06ca0, 0x0b550, 0x15355, 0x04da0, 0x0a5b0, 0x14573, 0x052b0, 0x0a9a8, 0x0e950, 0x06aa0,
    0x0aea6, 0x0ab50, 0x04b60, 0x0aae4, 0x0a570, 0x05260, 0x0f263, 0x0d950, 0x05b57, 0x056a0,
    0x096d0, 0x04dd5, 0x04ad0, 0x0a4d0, 0x0d4d4, 0x0d250, 0x0d558, 0x0b540, 0x0b6a0, 0x195a6,
    0x095b0, 0x049b0, 0x0a974, 0x0a4b0, 0x0b27a, 0x06a50, 0x06d40, 0x0af46, 0x0ab60, 0x09570,
    0x04af5, 0x04970, 0x064b0, 0x074a3, 0x0ea50, 0x06b58, 0x05ac0, 0x0ab60, 0x096d5, 0x092e0,
    0x0c960, 0x0d954, 0x0d4a0, 0x0da50, 0x07552, 0x056a0, 0x0abb7, 0x025d0, 0x092d0, 0x0cab5,
    0x0a950, 0x0b4a0, 0x0baa4, 0x0ad50, 0x055d9, 0x04ba0, 0x0a5b0, 0x15176, 0x052b0, 0x0a930,
    0x07954, 0x06aa0, 0x0ad50, 0x05b52, 0x04b60, 0x0a6e6, 0x0a4e0, 0x0d260, 0x0ea65, 0x0d530,
    0x05aa0, 0x076a3, 0x096d0, 0x04afb, 0x04ad0, 0x0a4d0, 0x1d0b6, 0x0d250, 0x0d520, 0x0dd45,
    0x0b5a0, 0x056d0, 0x055b2, 0x049b0, 0x0a577, 0x0a4b0, 0x0aa50, 0x1b255, 0x06d20, 0x0ada0,
    0x14b63, 0x09370, 0x049f8, 0x04970, 0x064b0, 0x168a6, 0x0ea50, 0x06aa0, 0x1a6c4, 0x0aae0,
    0x092e0, 0x0d2e3, 0x0c960, 0x0d557, 0x0d4a0, 0x0da50, 0x05d55, 0x056a0, 0x0a6d0, 0x055d4,
    0x052d0, 0x0a9b8, 0x0a950, 0x0b4a0, 0x0b6a6, 0x0ad50, 0x055a0, 0x0aba4, 0x0a5b0, 0x052b0,
    0x0b273, 0x06930, 0x07337, 0x06aa0, 0x0ad50, 0x14b55, 0x04b60, 0x0a570, 0x054e4, 0x0d160,
    0x0e968, 0x0d520, 0x0daa0, 0x16aa6, 0x056d0, 0x04ae0, 0x0a9d4, 0x0a4d0, 0x0d150, 0x0f252,
    0x0d520,
];

/// First year of the table.
const FIRST_YEAR: i32 = 1900;

/// 正月初一 of 1900.
fn epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1900, 1, 31)
}

/// A date in the lunar calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LunarDate {
    /// The lunar year, named by the solar year in which it begins (庚子 = 2020).
    pub year: i32,
    /// Month 1–12 (正月 = 1, 冬月 = 11, 腊月 = 12).
    pub month: u32,
    /// Day 1–30 (初一 = 1, 廿二 = 22).
    pub day: u32,
    /// True for the intercalary month (闰四月).
    pub leap: bool,
}

fn info(year: i32) -> Option<u32> {
    let i = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    LUNAR_INFO.get(i).copied()
}

/// The leap month of `year` (0 when none) and its length.
fn leap_month(info: u32) -> (u32, i64) {
    let m = info & 0xf;
    let len = if info & 0x1_0000 == 0 { 29 } else { 30 };
    (m, if m == 0 { 0 } else { len })
}

fn month_len(info: u32, month: u32) -> i64 {
    if info & (0x1_0000 >> month) == 0 {
        29
    } else {
        30
    }
}

fn year_len(info: u32) -> i64 {
    (1..=12).map(|m| month_len(info, m)).sum::<i64>() + leap_month(info).1
}

/// The months of `year` in order, each as (month, leap, length).
fn months(info: u32) -> impl Iterator<Item = (u32, bool, i64)> {
    let (leap, leap_len) = leap_month(info);
    (1..=12).flat_map(move |m| {
        let normal = Some((m, false, month_len(info, m)));
        let extra = (m == leap).then_some((m, true, leap_len));
        normal.into_iter().chain(extra)
    })
}

/// The solar date of a lunar date, or `None` outside 1900–2100 or for a day the month lacks.
pub fn to_solar(lunar: LunarDate) -> Option<NaiveDate> {
    let this = info(lunar.year)?;
    if lunar.day == 0 || lunar.day > 30 {
        return None;
    }
    let mut offset: i64 = (FIRST_YEAR..lunar.year)
        .map(|y| info(y).map_or(0, year_len))
        .sum();
    let mut found = false;
    for (m, leap, len) in months(this) {
        if m == lunar.month && leap == lunar.leap {
            if i64::from(lunar.day) > len {
                return None;
            }
            found = true;
            break;
        }
        offset += len;
    }
    if !found {
        return None;
    }
    epoch()?.checked_add_signed(chrono::TimeDelta::try_days(
        offset + i64::from(lunar.day) - 1,
    )?)
}

/// The lunar date of a solar date, or `None` outside the table.
pub fn from_solar(date: NaiveDate) -> Option<LunarDate> {
    let mut offset = (date - epoch()?).num_days();
    if offset < 0 {
        return None;
    }
    let mut year = FIRST_YEAR;
    loop {
        let len = year_len(info(year)?);
        if offset < len {
            break;
        }
        offset -= len;
        year += 1;
    }
    for (month, leap, len) in months(info(year)?) {
        if offset < len {
            return Some(LunarDate {
                year,
                month,
                day: u32::try_from(offset + 1).ok()?,
                leap,
            });
        }
        offset -= len;
    }
    None
}

/// The ten heavenly stems.
const STEMS: [char; 10] = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸'];
/// The twelve earthly branches.
const BRANCHES: [char; 12] = [
    '子', '丑', '寅', '卯', '辰', '巳', '午', '未', '申', '酉', '戌', '亥',
];

/// The ganzhi name of a lunar year, e.g. 庚子 for 2020.
pub fn ganzhi(year: i32) -> String {
    let stem = STEMS[(year - 4).rem_euclid(10) as usize];
    let branch = BRANCHES[(year - 4).rem_euclid(12) as usize];
    [stem, branch].iter().collect()
}

/// Position 0–59 in the sexagenary cycle of a ganzhi name (甲子 = 0), if it is one.
pub fn ganzhi_index(name: &str) -> Option<i32> {
    let mut chars = name.chars();
    let (first, second) = (chars.next()?, chars.next()?);
    let stem = STEMS.iter().position(|&c| c == first)?;
    let branch = BRANCHES.iter().position(|&c| c == second)?;
    if chars.next().is_some() || stem % 2 != branch % 2 {
        return None;
    }
    // The cycle position n satisfies n ≡ stem (mod 10) and n ≡ branch (mod 12).
    (0..60).find(|n| n % 10 == stem as i32 && n % 12 == branch as i32)
}

/// True when `year` is named by the ganzhi cycle position `index`.
pub fn year_has_ganzhi(year: i32, index: i32) -> bool {
    (year - 4).rem_euclid(60) == index
}

/// The month number of a lunar month name (正 = 1, 冬 = 11, 腊 = 12, 十一 = 11), without 月.
pub fn month_number(name: &str) -> Option<u32> {
    match name {
        "正" | "元" | "端" => Some(1),
        "冬" => Some(11),
        "腊" | "臘" => Some(12),
        _ => match crate::meeting::numerals::parse_small(name)? {
            n @ 1..=12 => Some(n),
            _ => None,
        },
    }
}

/// The day number of a lunar day name (初一 = 1, 十五 = 15, 廿二 = 22, 三十 = 30).
pub fn day_number(name: &str) -> Option<u32> {
    let n = match name.strip_prefix('初') {
        Some(rest) => match crate::meeting::numerals::parse_small(rest)? {
            n @ 1..=10 => n,
            _ => return None,
        },
        None => crate::meeting::numerals::parse_small(name)?,
    };
    (1..=30).contains(&n).then_some(n)
}

/// The weekday of `date` as 0 = Monday … 6 = Sunday.
pub fn weekday_index(date: NaiveDate) -> u32 {
    date.weekday().num_days_from_monday()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// Solar date ↔ lunar (year, month, day, leap), both ways.
    fn check(solar: (i32, u32, u32), lunar: (i32, u32, u32, bool)) {
        let date = ymd(solar.0, solar.1, solar.2);
        let l = LunarDate {
            year: lunar.0,
            month: lunar.1,
            day: lunar.2,
            leap: lunar.3,
        };
        assert_eq!(from_solar(date), Some(l), "{date}");
        assert_eq!(to_solar(l), Some(date), "{l:?}");
    }

    #[test]
    fn known_dates() {
        check((1900, 1, 31), (1900, 1, 1, false));
        check((2020, 1, 25), (2020, 1, 1, false));
        check((2020, 2, 15), (2020, 1, 22, false)); // 庚子年正月廿二, a masthead
        check((2020, 5, 23), (2020, 4, 1, true)); // 闰四月初一
        check((2021, 2, 12), (2021, 1, 1, false));
        check((2022, 2, 1), (2022, 1, 1, false));
        check((2022, 1, 27), (2021, 12, 25, false)); // 腊月廿五
        check((2023, 1, 22), (2023, 1, 1, false));
        check((2023, 3, 22), (2023, 2, 1, true)); // 闰二月初一
        check((2024, 2, 10), (2024, 1, 1, false));
        check((2025, 1, 29), (2025, 1, 1, false));
        check((2008, 8, 8), (2008, 7, 8, false));
        check((1996, 2, 19), (1996, 1, 1, false));
        check((2100, 12, 31), (2100, 12, 1, false));
    }

    #[test]
    fn out_of_range() {
        assert_eq!(from_solar(ymd(1899, 12, 31)), None);
        assert_eq!(from_solar(ymd(2101, 6, 1)), None);
        assert_eq!(
            to_solar(LunarDate {
                year: 2101,
                month: 1,
                day: 1,
                leap: false
            }),
            None
        );
        assert_eq!(
            to_solar(LunarDate {
                year: 2020,
                month: 5,
                day: 1,
                leap: true
            }),
            None
        );
        assert_eq!(
            to_solar(LunarDate {
                year: 2020,
                month: 1,
                day: 31,
                leap: false
            }),
            None
        );
    }

    #[test]
    fn round_trip_every_day_of_a_decade() {
        let mut d = ymd(2015, 1, 1);
        while d < ymd(2035, 1, 1) {
            let l = from_solar(d).unwrap();
            assert_eq!(to_solar(l), Some(d));
            d = d.succ_opt().unwrap();
        }
    }

    #[test]
    fn ganzhi_names() {
        assert_eq!(ganzhi(2020), "庚子");
        assert_eq!(ganzhi(2022), "壬寅");
        assert_eq!(ganzhi(1984), "甲子");
        assert_eq!(ganzhi_index("甲子"), Some(0));
        assert_eq!(ganzhi_index("庚子"), Some(36));
        assert_eq!(ganzhi_index("甲丑"), None);
        assert!(year_has_ganzhi(2020, 36));
        assert!(year_has_ganzhi(2080, 36));
        assert!(!year_has_ganzhi(2021, 36));
    }

    #[test]
    fn names() {
        assert_eq!(month_number("正"), Some(1));
        assert_eq!(month_number("腊"), Some(12));
        assert_eq!(month_number("冬"), Some(11));
        assert_eq!(month_number("十一"), Some(11));
        assert_eq!(month_number("十三"), None);
        assert_eq!(day_number("初一"), Some(1));
        assert_eq!(day_number("初十"), Some(10));
        assert_eq!(day_number("十五"), Some(15));
        assert_eq!(day_number("廿二"), Some(22));
        assert_eq!(day_number("三十"), Some(30));
        assert_eq!(day_number("初十一"), None);
    }
}
