//! Whether one predicted field agrees with its label, and how each side reads in a listing.

use std::fmt::Write as _;

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::labels::LabelDate;
use crate::model::{DatePrecision, Place, PolicyDate};

/// A field of a meeting that is scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The locality whose meeting it is.
    Place,
    /// The date, to the label's precision.
    Date,
    /// The date, or a predicted range that holds it.
    DateInRange,
    /// The chair's name.
    Chair,
    /// The meeting's name.
    Title,
    /// The parent body that convened it.
    ConvenedBy,
}

impl Field {
    /// Every scored field, in table order.
    pub const ALL: [Field; 6] = [
        Field::Place,
        Field::Date,
        Field::DateInRange,
        Field::Chair,
        Field::Title,
        Field::ConvenedBy,
    ];

    /// The name used in tables and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Place => "place",
            Field::Date => "date",
            Field::DateInRange => "date_in_range",
            Field::Chair => "chair",
            Field::Title => "title",
            Field::ConvenedBy => "convened_by",
        }
    }
}

/// A place label agrees when it is the short name (`中央` for the Centre) or the full name.
pub fn place_right(label: Option<&str>, got: Option<&Place>) -> bool {
    let label = label.map(simplified);
    match (
        label.as_deref().map(str::trim).filter(|s| !s.is_empty()),
        got,
    ) {
        (None, None) => true,
        (Some(l), Some(p)) => {
            // 浏阳市 for 浏阳 is the full name's last part, as good as the short name.
            &*p.name == l || &*p.full == l || (l.starts_with(&*p.name) && p.full.ends_with(l))
        }
        _ => false,
    }
}

/// The date agrees at the label's precision: the whole day, month and day, or the month.
pub fn date_right(label: Option<LabelDate>, got: Option<&PolicyDate>) -> bool {
    match (label, got) {
        (None, None) => true,
        (Some(l), Some(p)) => match (l, p.precision) {
            (LabelDate::Month(..), _) | (_, DatePrecision::Day) => l.matches(p.date),
            // A month or a window does not name the labelled day.
            _ => false,
        },
        _ => false,
    }
}

/// The date agrees, or the window the prediction gives (its `range`, or the month when only the
/// month is known) holds the labelled date.
pub fn date_in_range(label: Option<LabelDate>, got: Option<&PolicyDate>) -> bool {
    if date_right(label, got) {
        return true;
    }
    let (Some(l), Some(p)) = (label, got) else {
        return false;
    };
    let window = p.range.or_else(|| {
        (p.precision == DatePrecision::Month).then(|| month_window(p.date.year(), p.date.month()))
    });
    let Some((from, to)) = window else {
        return false;
    };
    match l {
        LabelDate::Day(d) => from <= d && d <= to,
        LabelDate::Month(y, m) => {
            let (first, last) = month_window(y, m);
            from <= last && first <= to
        }
        LabelDate::MonthDay(m, d) => (from.year()..=to.year())
            .any(|y| NaiveDate::from_ymd_opt(y, m, d).is_some_and(|day| from <= day && day <= to)),
    }
}

/// The first and last day of a month.
fn month_window(year: i32, month: u32) -> (NaiveDate, NaiveDate) {
    let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default();
    let last = first
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(first);
    (first, last)
}

/// A label as Tifa reads the page it was copied from: a label written in the traditional script
/// of a page (許勤, 常務會議) names what Tifa reads as simplified text (许勤, 常务会议).
fn simplified(s: &str) -> String {
    fast2s::convert(s)
}

/// The chair agrees when the names are the same, spaces and script aside.
pub fn chair_right(label: Option<&str>, got: Option<&str>) -> bool {
    let norm = |s: Option<&str>| {
        s.map(|s| {
            simplified(s)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
        })
        .filter(|s| !s.is_empty())
    };
    norm(label) == norm(got)
}

/// The title agrees when, ignoring spaces and punctuation, one contains the other.
pub fn title_right(label: Option<&str>, got: &str) -> bool {
    let (l, g) = (normalise_title(label.unwrap_or("")), normalise_title(got));
    match (l.is_empty(), g.is_empty()) {
        (true, true) => true,
        (false, false) => l.contains(&g) || g.contains(&l),
        _ => false,
    }
}

/// Letters, digits and CJK characters only, in the simplified script: 县委常委(扩大)会 →
/// 县委常委扩大会, 常務會議 → 常务会议.
pub fn normalise_title(s: &str) -> String {
    simplified(s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// How a predicted place reads in a listing.
pub fn show_place(p: Option<&Place>) -> String {
    p.map_or_else(|| "-".to_string(), |p| p.name.to_string())
}

/// How a predicted date reads in a listing: the day, with its precision and window when not a day.
pub fn show_date(p: Option<&PolicyDate>) -> String {
    let Some(p) = p else {
        return "-".to_string();
    };
    let mut s = match p.precision {
        DatePrecision::Month => p.date.format("%Y-%m").to_string(),
        _ => p.date.to_string(),
    };
    if p.precision == DatePrecision::Approximate {
        s.push_str(" (approximate)");
    }
    if let Some((from, to)) = p.range {
        let _ = write!(s, " [{from}..{to}]");
    }
    s
}

/// How an optional label or name reads in a listing.
pub fn show(s: Option<&str>) -> String {
    s.filter(|s| !s.trim().is_empty())
        .map_or_else(|| "-".to_string(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DateBasis, PlaceLevel};

    fn place(name: &str, full: &str) -> Place {
        Place {
            name: name.into(),
            full: full.into(),
            code: "000000".into(),
            level: PlaceLevel::County,
        }
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn on(s: &str) -> PolicyDate {
        PolicyDate::new(day(s), DateBasis::Explicit)
    }

    fn window(s: &str, from: &str, to: &str) -> PolicyDate {
        PolicyDate {
            precision: DatePrecision::Approximate,
            range: Some((day(from), day(to))),
            ..on(s)
        }
    }

    fn month(s: &str) -> PolicyDate {
        PolicyDate {
            precision: DatePrecision::Month,
            ..on(s)
        }
    }

    fn check_place(label: Option<&str>, got: Option<&Place>, expect: bool) {
        assert_eq!(place_right(label, got), expect, "{label:?} {got:?}");
    }

    #[test]
    fn places_compare_by_short_or_full_name() {
        let county = place("河口", "甲省乙市河口区");
        let county = || Some(&county);
        check_place(Some("河口"), county(), true);
        check_place(Some("河口区"), county(), true);
        check_place(Some("甲省乙市河口区"), county(), true);
        check_place(Some("乙市"), county(), false);
        check_place(Some("河"), county(), false);
        check_place(Some("中央"), Some(&crate::meeting::place::national()), true);
        check_place(Some("中央"), county(), false);
        check_place(None, None, true);
        check_place(Some(" "), None, true);
        check_place(None, county(), false);
        check_place(Some("河口"), None, false);
    }

    fn check_date(label: &str, got: Option<PolicyDate>, exact: bool, in_range: bool) {
        let l = LabelDate::parse(label);
        assert!(l.is_some() || label.is_empty(), "{label}");
        assert_eq!(date_right(l, got.as_ref()), exact, "exact {label} {got:?}");
        assert_eq!(
            date_in_range(l, got.as_ref()),
            in_range,
            "range {label} {got:?}"
        );
    }

    #[test]
    fn dates_compare_at_the_labels_precision() {
        check_date("2021-08-03", Some(on("2021-08-03")), true, true);
        check_date("2021-08-03", Some(on("2021-08-04")), false, false);
        check_date("2021-08-03", Some(on("2020-08-03")), false, false);
        check_date("--08-03", Some(on("2020-08-03")), true, true);
        check_date("--08-03", Some(on("2020-03-08")), false, false);
        check_date("2021-08", Some(on("2021-08-19")), true, true);
        check_date("2021-08", Some(month("2021-08-01")), true, true);
        check_date("2021-08-03", Some(month("2021-08-01")), false, true);
        check_date("2021-09-03", Some(month("2021-08-01")), false, false);
        check_date(
            "2021-08-03",
            Some(window("2021-08-05", "2021-07-29", "2021-08-05")),
            false,
            true,
        );
        check_date(
            "2021-08-03",
            Some(window("2021-08-05", "2021-08-04", "2021-08-05")),
            false,
            false,
        );
        check_date(
            "--08-03",
            Some(window("2021-08-05", "2021-07-29", "2021-08-05")),
            false,
            true,
        );
        check_date(
            "2021-07",
            Some(window("2021-08-05", "2021-07-29", "2021-08-05")),
            false,
            true,
        );
        check_date(
            "2021-06",
            Some(window("2021-08-05", "2021-07-29", "2021-08-05")),
            false,
            false,
        );
        check_date("", None, true, true);
        check_date("", Some(on("2021-08-03")), false, false);
        check_date("2021-08-03", None, false, false);
    }

    fn check_title(label: Option<&str>, got: &str, expect: bool) {
        assert_eq!(title_right(label, got), expect, "{label:?} {got}");
    }

    #[test]
    fn titles_compare_normalised_either_way_contained() {
        check_title(Some("县委常委会会议"), "县委常委会会议", true);
        check_title(Some("县委常委(扩大)会"), "县委常委（扩大）会", true);
        check_title(Some("县政府第12次常务会议"), "第12次常务会议", true);
        check_title(Some("常务会议"), "县政府第 12 次常务会议", true);
        check_title(
            Some("“十四五”规划编制工作推进会"),
            "十四五规划编制工作推进会",
            true,
        );
        check_title(Some("縣委常委會會議"), "县委常委会会议", true);
        check_title(Some("县委常委会会议"), "县政府常务会议", false);
        check_title(Some("县委常委会会议"), "", false);
        check_title(None, "县委常委会会议", false);
        check_title(None, "", true);
    }

    #[test]
    fn chairs_compare_by_name() {
        assert!(chair_right(Some("王五"), Some("王五")));
        assert!(chair_right(Some("王 五"), Some("王五")));
        assert!(chair_right(None, None));
        assert!(chair_right(Some("許勤"), Some("许勤")));
        assert!(!chair_right(Some("王五"), Some("王六")));
        assert!(!chair_right(Some("王五"), None));
        assert!(!chair_right(None, Some("王五")));
    }

    #[test]
    fn predicted_dates_show_their_precision() {
        assert_eq!(show_date(Some(&on("2021-08-03"))), "2021-08-03");
        assert_eq!(show_date(Some(&month("2021-08-01"))), "2021-08");
        assert_eq!(
            show_date(Some(&window("2021-08-05", "2021-07-29", "2021-08-05"))),
            "2021-08-05 (approximate) [2021-07-29..2021-08-05]"
        );
        assert_eq!(show_date(None), "-");
    }
}
