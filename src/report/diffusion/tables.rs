//! The diffusion analysis as export tables: the adopters with their lags, the cascades in the
//! long format of the R package `NetworkInference`, an event-history panel for Stata or R, the
//! edges and the coverage. Every row about a first use carries its sentence as its source.

use chrono::{Datelike, NaiveDate};

use super::{Adopter, Cascade, Diffusion};
use crate::export::{Source, Table};
use crate::model::PlaceLevel;

/// The level's lowercase name, or `""`.
pub fn level_name(level: Option<PlaceLevel>) -> &'static str {
    level.map_or("", PlaceLevel::as_str)
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The source of an adopter's first use.
pub fn source(a: &Adopter) -> Source {
    Source {
        file: a.file.clone(),
        meeting: Some(a.meeting),
        date: a.first,
        sentence: a.sentence.clone(),
        span: None,
    }
}

/// Days since 1970-01-01: what R's `Date` is underneath, so `event_time` reads as a number.
pub fn epoch_days(d: NaiveDate) -> i64 {
    (d - NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(d)).num_days()
}

/// The column headers of [`adopters`].
pub const ADOPTER_COLUMNS: [&str; 16] = [
    "编号",
    "提法",
    "顺序",
    "地点",
    "全称",
    "级别",
    "上级",
    "首用日期",
    "精度",
    "距首用天数",
    "距中央天数",
    "距上级天数",
    "累计地点",
    "变体",
    "会议数",
    "覆盖",
];

/// One row per adopter of every cascade, in order of adoption; the cumulative count is the
/// adoption curve.
pub fn adopters(d: &Diffusion) -> Table {
    let mut t = Table::new("采用", ADOPTER_COLUMNS);
    for c in &d.groups {
        for (i, a) in c.adopters.iter().enumerate() {
            let lag = match (a.lag_days, a.lag_range) {
                (_, Some((lo, hi))) if lo != hi => format!("{lo}–{hi}"),
                (l, _) => opt(l),
            };
            let cumulative = if a.first.is_some() {
                (i + 1).to_string()
            } else {
                String::new()
            };
            t.push(
                vec![
                    c.id.to_string(),
                    c.phrase.clone(),
                    (i + 1).to_string(),
                    a.place.clone(),
                    a.place_full.clone(),
                    level_name(a.level).into(),
                    a.parent.clone().unwrap_or_default(),
                    opt(a.first),
                    a.precision
                        .map(crate::model::DatePrecision::as_str)
                        .unwrap_or_default()
                        .into(),
                    lag,
                    opt(a.lag_from_centre),
                    opt(a.lag_from_parent),
                    cumulative,
                    a.variant.clone(),
                    a.place_meetings.to_string(),
                    coverage_note(a).into(),
                ],
                Some(source(a)),
            );
        }
    }
    t
}

/// `thin`, `first seen` or `""`: why an adopter's date may be later than its real first use.
pub fn coverage_note(a: &Adopter) -> &'static str {
    match (a.thin, a.at_coverage_start) {
        (true, _) => "thin",
        (false, true) => "first seen",
        _ => "",
    }
}

/// `NetworkInference`'s long format (`node_name, cascade_id, event_time`), one row per adopter
/// dated to the day, `event_time` in days since 1970-01-01; `date`, `phrase`, `level`, `parent`
/// and the source follow.
pub fn cascades(d: &Diffusion) -> Table {
    let mut t = Table::new(
        "cascades",
        [
            "node_name",
            "cascade_id",
            "event_time",
            "date",
            "phrase",
            "level",
            "parent",
            "coverage",
        ],
    );
    for c in &d.groups {
        for a in c.adopters.iter().filter(|a| a.in_network) {
            let Some(day) = a.first else {
                continue;
            };
            t.push(
                vec![
                    a.place.clone(),
                    c.id.to_string(),
                    epoch_days(day).to_string(),
                    day.to_string(),
                    c.phrase.clone(),
                    level_name(a.level).into(),
                    a.parent.clone().unwrap_or_default(),
                    coverage_note(a).into(),
                ],
                Some(source(a)),
            );
        }
    }
    t
}

fn month_index(d: NaiveDate) -> i32 {
    d.year() * 12 + d.month0() as i32
}

fn month_label(i: i32) -> String {
    format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1)
}

/// The event-history panel: for each group and each place with dated meetings, one row per
/// month from the group's first use anywhere until the place adopts (that month `adopted` is 1)
/// or the corpus ends. Only months in which the corpus has a meeting of the place, and the
/// month of adoption, are written: a month with no report is missing, not a month without the
/// formula. `months_at_risk` counts every month since the first use anywhere.
pub fn adoption(d: &Diffusion) -> Table {
    let mut t = Table::new(
        "adoption",
        [
            "place",
            "group",
            "phrase",
            "month",
            "adopted",
            "months_at_risk",
            "level",
            "parent",
            "meetings_in_month",
            "coverage",
        ],
    );
    let covered: std::collections::BTreeMap<(&str, &str), usize> = d
        .coverage
        .iter()
        .map(|c| ((c.place.as_str(), c.month.as_str()), c.meetings))
        .collect();
    let mut months_of: std::collections::BTreeMap<&str, Vec<(i32, usize)>> =
        std::collections::BTreeMap::new();
    for c in &d.coverage {
        if let Some(m) = parse_month(&c.month) {
            months_of
                .entry(c.place.as_str())
                .or_default()
                .push((m, c.meetings));
        }
    }
    let Some(last) = months_of.values().flatten().map(|&(m, _)| m).max() else {
        return t;
    };
    let places = place_facts(d);
    for c in &d.groups {
        panel_rows(&mut t, c, last, &months_of, &covered, &places);
    }
    t
}

/// For each place, its level, parent and whether it is thin, from any cascade it adopts in.
type Facts<'a> = std::collections::BTreeMap<&'a str, (Option<PlaceLevel>, String, bool)>;

fn place_facts(d: &Diffusion) -> Facts<'_> {
    let mut out = Facts::new();
    for a in d.groups.iter().flat_map(|c| &c.adopters) {
        out.entry(a.place.as_str()).or_insert((
            a.level,
            a.parent.clone().unwrap_or_default(),
            a.thin,
        ));
    }
    for p in &d.thin {
        out.entry(p.as_str()).or_insert((None, String::new(), true));
    }
    out
}

fn parse_month(s: &str) -> Option<i32> {
    let (y, m) = s.split_once('-')?;
    Some(y.parse::<i32>().ok()? * 12 + m.parse::<i32>().ok()? - 1)
}

fn panel_rows(
    t: &mut Table,
    c: &Cascade,
    last: i32,
    months_of: &std::collections::BTreeMap<&str, Vec<(i32, usize)>>,
    covered: &std::collections::BTreeMap<(&str, &str), usize>,
    places: &Facts<'_>,
) {
    let Some(start) = c.adopters.iter().filter_map(|a| a.first).min() else {
        return;
    };
    let start = month_index(start);
    for (&place, months) in months_of {
        let adopter = c.adopters.iter().find(|a| a.place == place);
        let adopted_at = adopter.and_then(|a| a.first).map(month_index);
        let end = adopted_at.unwrap_or(last);
        // Undated adoption: the place cannot be placed in time, so it has no rows.
        if adopter.is_some() && adopted_at.is_none() {
            continue;
        }
        let (level, parent, thin) = places.get(place).cloned().unwrap_or_default();
        let mut rows: Vec<i32> = months
            .iter()
            .map(|&(m, _)| m)
            .filter(|&m| m >= start && m <= end)
            .collect();
        if let Some(a) = adopted_at
            && !rows.contains(&a)
        {
            rows.push(a);
        }
        rows.sort_unstable();
        for m in rows {
            let label = month_label(m);
            let adopted = adopted_at == Some(m);
            let meetings = covered.get(&(place, label.as_str())).copied().unwrap_or(0);
            t.push(
                vec![
                    place.to_string(),
                    c.id.to_string(),
                    c.phrase.clone(),
                    label,
                    u8::from(adopted).to_string(),
                    (m - start + 1).to_string(),
                    level_name(level).into(),
                    parent.clone(),
                    meetings.to_string(),
                    if thin { "thin".into() } else { String::new() },
                ],
                adopted.then(|| adopter.map(source)).flatten(),
            );
        }
    }
}

/// The who-follows-whom edges.
pub fn edges(d: &Diffusion) -> Table {
    let mut t = Table::new(
        "传播关系",
        ["从", "到", "级联数", "中位滞后天数", "推断增益", "稀疏"],
    );
    for e in &d.edges {
        // An end with few meetings in the corpus: its place in the order is the least sure.
        let thin: Vec<&str> = [&e.from, &e.to]
            .into_iter()
            .filter(|p| d.thin.contains(p))
            .map(String::as_str)
            .collect();
        t.push(
            vec![
                e.from.clone(),
                e.to.clone(),
                e.cascades.to_string(),
                e.median_lag_days
                    .map(|l| format!("{l:.1}"))
                    .unwrap_or_default(),
                e.gain.map(|g| format!("{g:.2}")).unwrap_or_default(),
                thin.join(" "),
            ],
            None,
        );
    }
    t
}

/// Documents and meetings per place per month.
pub fn coverage(d: &Diffusion) -> Table {
    let mut t = Table::new("覆盖", ["地点", "月份", "文档数", "会议数", "稀疏"]);
    for c in &d.coverage {
        t.push(
            vec![
                c.place.clone(),
                c.month.clone(),
                c.documents.to_string(),
                c.meetings.to_string(),
                if d.thin.contains(&c.place) {
                    "thin".into()
                } else {
                    String::new()
                },
            ],
            None,
        );
    }
    t
}
