//! Calendar arithmetic for completing partial dates: which year, which month.

use chrono::{Datelike, Months, NaiveDate, TimeDelta};

/// A report looks back: a day written without its year is on or at most this many days after
/// the date it is completed from (12月30日 on a 1月2日 page is last year).
const LOOK_AHEAD_DAYS: i64 = 7;

/// The month and day in the year that puts them on or shortly before `anchor`.
pub fn look_back(anchor: NaiveDate, month: u32, day: u32) -> Option<NaiveDate> {
    [1, 0, -1].iter().find_map(|dy| {
        let d = NaiveDate::from_ymd_opt(anchor.year() + dy, month, day)?;
        (d <= anchor + TimeDelta::days(LOOK_AHEAD_DAYS)).then_some(d)
    })
}

/// Day `day` in the month after, of, and the two before `anchor`'s month, latest first.
pub fn month_candidates(anchor: NaiveDate, day: u32) -> Vec<NaiveDate> {
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
pub fn nearest(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// `look_back(anchor, month, day)` as "YYYY-MM-DD" or "".
    fn check(anchor: &str, month: u32, day: u32, expect: &str) {
        let got = look_back(ymd(anchor), month, day).map(|d| d.to_string());
        assert_eq!(got.unwrap_or_default(), expect, "{anchor} {month}-{day}");
    }

    #[test]
    fn looking_back() {
        check("2021-01-02", 12, 30, "2020-12-30");
        check("2021-01-02", 1, 2, "2021-01-02");
        check("2021-01-02", 1, 8, "2021-01-08");
        check("2021-01-02", 1, 10, "2020-01-10");
        check("2020-12-28", 1, 3, "2021-01-03");
        check("2021-03-01", 2, 29, "2020-02-29");
    }

    #[test]
    fn months_and_nearest() {
        let days: Vec<String> = month_candidates(ymd("2021-03-15"), 31)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(days, ["2021-03-31", "2021-01-31"]);
        let full = [ymd("2022-01-03")];
        let got = nearest(&full, |fd| month_candidates(fd, 10));
        assert_eq!(got, Some(ymd("2022-01-10")));
        assert_eq!(nearest(&[], |fd| month_candidates(fd, 10)), None);
    }
}
