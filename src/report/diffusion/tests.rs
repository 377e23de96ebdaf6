//! Diffusion on small corpora of meetings written for the purpose: a province, a prefecture
//! under it, two counties under that, and the Centre.

use std::sync::Arc;

use chrono::NaiveDate;

use super::*;
use crate::compare::fixture::Fixture;
use crate::meeting::national;
use crate::model::{DateBasis, PolicyDate};

pub(crate) fn place(name: &str, full: &str, code: &str, level: PlaceLevel) -> Place {
    Place {
        name: Arc::from(name),
        full: Arc::from(full),
        code: Arc::from(code),
        level,
    }
}

pub(crate) fn province() -> Place {
    place("江川", "江川省", "910000", PlaceLevel::Province)
}

pub(crate) fn prefecture() -> Place {
    place("临川", "江川省临川市", "910100", PlaceLevel::Prefecture)
}

pub(crate) fn county(name: &str, code: &str) -> Place {
    place(
        name,
        &format!("江川省临川市{name}县"),
        code,
        PlaceLevel::County,
    )
}

/// Builds meetings of the province 江川, its prefecture 临川, 临川's counties (910101–910103)
/// and the Centre: each meeting is `(place, date, directives)`; a date `~YYYY-MM-DD` is
/// approximate (a window of ten days ending on it), `YYYY-MM` month-only, `""` none.
pub(crate) fn hierarchy(meetings: &[(Place, &str, &[&str])]) -> Fixture {
    let mut f = Fixture::new();
    for (i, (p, date, directives)) in meetings.iter().enumerate() {
        let doc = f.doc(
            &format!("{i}.txt"),
            &format!("会议强调,{}", directives.concat()),
        );
        let id = f.meeting(doc, &p.name, "", directives);
        let m = &mut f.analysis.meetings[id.0 as usize];
        m.place = Some(p.clone());
        m.date = parse(date);
    }
    let a = &mut f.analysis;
    for c in ["910101", "910102", "910103"] {
        a.ancestors
            .insert(Arc::from(c), vec![prefecture(), province()]);
    }
    a.ancestors.insert(Arc::from("910100"), vec![province()]);
    a.ancestors.insert(Arc::from("910000"), Vec::new());
    a.refresh_places();
    f
}

/// [`hierarchy`] with one directive a meeting and two phrase groups.
fn corpus(meetings: &[(Place, &str, &str)]) -> Analysis {
    let with_lists: Vec<(Place, &str, [&str; 1])> = meetings
        .iter()
        .map(|(p, d, s)| (p.clone(), *d, [*s]))
        .collect();
    let refs: Vec<(Place, &str, &[&str])> = with_lists
        .iter()
        .map(|(p, d, s)| (p.clone(), *d, &s[..]))
        .collect();
    let mut f = hierarchy(&refs);
    f.group(&["攻坚克难、勇毅前行", "勇毅前行、攻坚克难"]);
    f.group(&["守正创新"]);
    f.analysis
}

fn parse(date: &str) -> Option<PolicyDate> {
    if date.is_empty() {
        return None;
    }
    if let Some(rest) = date.strip_prefix('~') {
        let d = NaiveDate::parse_from_str(rest, "%Y-%m-%d").ok()?;
        let mut p = PolicyDate::new(d, DateBasis::Relative);
        p.precision = DatePrecision::Approximate;
        p.range = Some((d - chrono::Duration::days(9), d));
        return Some(p);
    }
    if date.len() == 7 {
        let d = NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").ok()?;
        let mut p = PolicyDate::new(d, DateBasis::Path);
        p.precision = DatePrecision::Month;
        return Some(p);
    }
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .ok()
        .map(|d| PolicyDate::new(d, DateBasis::Explicit))
}

const SAID: &str = "要攻坚克难、勇毅前行,确保各项任务落地见效。";
const SWAPPED: &str = "要勇毅前行、攻坚克难,全力以赴抓落实。";

fn top_down() -> Analysis {
    corpus(&[
        (national(), "2021-03-01", SAID),
        (province(), "2021-03-05", SAID),
        (prefecture(), "2021-03-10", SWAPPED),
        (county("东阳", "910101"), "2021-03-12", SAID),
        (county("西湖", "910102"), "2021-03-20", SAID),
        (county("南浦", "910103"), "", SAID),
    ])
}

fn first_group(a: &Analysis) -> Cascade {
    diffusion(a, &DiffusionConfig::default())
        .groups
        .into_iter()
        .find(|c| c.phrase == "攻坚克难、勇毅前行")
        .unwrap()
}

#[test]
fn adopters_come_in_order_of_first_use_with_their_lags() {
    let c = first_group(&top_down());
    let names: Vec<&str> = c.adopters.iter().map(|a| a.place.as_str()).collect();
    assert_eq!(names, ["中央", "江川", "临川", "东阳", "西湖", "南浦"]);
    let lags: Vec<Option<i64>> = c.adopters.iter().map(|a| a.lag_days).collect();
    assert_eq!(lags, [Some(0), Some(4), Some(9), Some(11), Some(19), None]);
    let centre: Vec<Option<i64>> = c.adopters.iter().map(|a| a.lag_from_centre).collect();
    assert_eq!(centre, [None, Some(4), Some(9), Some(11), Some(19), None]);
    let parent: Vec<Option<i64>> = c.adopters.iter().map(|a| a.lag_from_parent).collect();
    assert_eq!(parent, [None, Some(4), Some(5), Some(2), Some(10), None]);
    let parents: Vec<Option<&str>> = c.adopters.iter().map(|a| a.parent.as_deref()).collect();
    assert_eq!(
        parents,
        [
            None,
            Some("中央"),
            Some("江川"),
            Some("临川"),
            Some("临川"),
            Some("临川")
        ]
    );
    // The prefecture wrote the swapped variant; its first sentence is its own.
    assert_eq!(c.adopters[2].variant, "勇毅前行、攻坚克难");
    assert_eq!(c.adopters[2].sentence, SWAPPED);
    assert_eq!(c.adopters[0].level, Some(PlaceLevel::National));
    assert_eq!(c.adopters[3].level, Some(PlaceLevel::County));
}

#[test]
fn the_curve_counts_adopters_and_the_lags_are_summarised_by_level() {
    let c = first_group(&top_down());
    let curve: Vec<usize> = c.curve.iter().map(|p| p.adopters).collect();
    assert_eq!(curve, [1, 2, 3, 4, 5]);
    let county = c
        .lags
        .iter()
        .find(|l| l.level == Some(PlaceLevel::County))
        .unwrap();
    assert_eq!(county.adopters, 2);
    assert!(near(county.median, 15.0) && near(county.q1, 13.0) && near(county.q3, 17.0));
}

#[test]
fn parents_first_is_top_down() {
    let c = first_group(&top_down());
    assert_eq!(c.direction.top_down, 4);
    assert_eq!(c.direction.bottom_up, 0);
    assert!(c.direction.taken_up.is_empty());
}

#[test]
fn a_county_first_is_bottom_up_and_taken_up_by_those_above() {
    let a = corpus(&[
        (county("东阳", "910101"), "2021-01-05", SAID),
        (prefecture(), "2021-01-05", SAID),
        (province(), "2021-01-20", SAID),
        (national(), "2021-02-01", SWAPPED),
    ]);
    let d = diffusion(&a, &DiffusionConfig::default());
    let c = d
        .groups
        .iter()
        .find(|c| c.phrase == "攻坚克难、勇毅前行")
        .unwrap();
    // 临川 and 东阳 on one day; 江川 after 临川, 中央 after 江川.
    assert_eq!(c.direction.same_day, 1);
    assert_eq!(c.direction.bottom_up, 2);
    assert_eq!(c.direction.top_down, 0);
    let taken: Vec<(&str, &str, i64)> = c
        .direction
        .taken_up
        .iter()
        .map(|t| (t.by.as_str(), t.after.as_str(), t.days))
        .collect();
    assert_eq!(taken, [("江川", "东阳", 15), ("中央", "东阳", 27)]);
    assert_eq!(d.direction.bottom_up, 2);
    let dongyang = &c.adopters[0];
    assert_eq!(dongyang.lag_from_centre, Some(-27));
}

#[test]
fn approximate_and_month_dates_keep_their_range_and_stay_out_of_the_network() {
    let a = corpus(&[
        (county("东阳", "910101"), "2021-03-01", SAID),
        (county("西湖", "910102"), "~2021-03-20", SAID),
        (county("南浦", "910103"), "2021-04", SAID),
    ]);
    let d = diffusion(&a, &DiffusionConfig::default());
    let c = &d.groups[0];
    let xihu = c.adopters.iter().find(|a| a.place == "西湖").unwrap();
    assert_eq!(xihu.lag_days, Some(19));
    assert_eq!(xihu.lag_range, Some((10, 19)));
    assert!(!xihu.in_network);
    let nanpu = c.adopters.iter().find(|a| a.place == "南浦").unwrap();
    assert_eq!(nanpu.precision, Some(DatePrecision::Month));
    assert_eq!(nanpu.lag_range, Some((31, 60)));
    assert!(!nanpu.in_network);
    assert!(c.adopters[0].in_network);
    // Only the adopter known to the day goes into the cascades table.
    let t = tables::cascades(&d);
    let rows: Vec<&str> = t.rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(rows, ["东阳"]);
    assert_eq!(
        t.rows[0][2],
        tables::epoch_days(day("2021-03-01")).to_string()
    );
    assert!(d.approximate.contains("left out"));
}

fn near(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// 东阳 leads 西湖 by a few days in two formulae: the window graph counts both cascades and
/// the inference picks the edge.
#[test]
fn a_place_that_follows_another_twice_gets_an_edge() {
    const NEW: &str = "要守正创新,推动工作提质增效。";
    let a = corpus(&[
        (county("东阳", "910101"), "2021-03-01", SAID),
        (county("西湖", "910102"), "2021-03-06", SAID),
        (county("东阳", "910101"), "2021-06-01", NEW),
        (county("西湖", "910102"), "2021-06-04", NEW),
        (county("南浦", "910103"), "2021-09-01", NEW),
    ]);
    let d = diffusion(&a, &DiffusionConfig::default());
    let e = d
        .edges
        .iter()
        .find(|e| e.from == "东阳" && e.to == "西湖")
        .unwrap();
    assert_eq!(e.cascades, 2);
    assert!(e.median_lag_days.is_some_and(|m| near(m, 4.0)));
    assert!(e.gain.is_some_and(|g| g > 0.0), "{e:?}");
    // 南浦 came months later, once: outside the window, and too little for the inference.
    assert!(!d.edges.iter().any(|e| e.to == "南浦"));
    assert_eq!(d.model.cascades, 2);
    assert!(d.model.rate > 0.0);
    // Reversed, nothing follows.
    assert!(!d.edges.iter().any(|e| e.from == "西湖" && e.to == "东阳"));
}

#[test]
fn coverage_counts_meetings_per_month_and_flags_thin_places() {
    let a = corpus(&[
        (county("东阳", "910101"), "2021-03-01", SAID),
        (county("东阳", "910101"), "2021-03-15", "要抓好春耕生产。"),
        (county("东阳", "910101"), "2021-05-02", "要抓好防汛工作。"),
        (county("西湖", "910102"), "2021-05-06", SAID),
    ]);
    let d = diffusion(&a, &DiffusionConfig::default());
    let rows: Vec<(&str, &str, usize)> = d
        .coverage
        .iter()
        .map(|c| (c.place.as_str(), c.month.as_str(), c.meetings))
        .collect();
    assert_eq!(
        rows,
        [
            ("东阳", "2021-03", 2),
            ("东阳", "2021-05", 1),
            ("西湖", "2021-05", 1)
        ]
    );
    assert_eq!(d.thin, ["西湖"]);
    let c = &d.groups[0];
    assert!(!c.adopters[0].thin);
    assert!(c.adopters[0].at_coverage_start);
    assert!(c.adopters[1].thin);
}

/// The panel starts at the first use anywhere; a place leaves it in the month it adopts; a
/// month without a report of the place is not written.
#[test]
fn the_event_history_panel_runs_until_adoption() {
    let a = corpus(&[
        (county("东阳", "910101"), "2021-03-01", SAID),
        (county("西湖", "910102"), "2021-02-10", "要抓好春耕生产。"),
        (county("西湖", "910102"), "2021-04-10", "要抓好防汛工作。"),
        (county("西湖", "910102"), "2021-06-06", SAID),
        (county("西湖", "910102"), "2021-07-06", "要抓好安全生产。"),
    ]);
    let d = diffusion(&a, &DiffusionConfig::default());
    let t = tables::adoption(&d);
    let rows: Vec<(&str, &str, &str, &str)> = t
        .rows
        .iter()
        .filter(|r| r[1] == "0")
        .map(|r| (r[0].as_str(), r[3].as_str(), r[4].as_str(), r[5].as_str()))
        .collect();
    assert_eq!(
        rows,
        [
            ("东阳", "2021-03", "1", "1"),
            ("西湖", "2021-04", "0", "2"),
            ("西湖", "2021-06", "1", "4"),
        ]
    );
    // The adoption row carries the sentence of first use.
    let adopted = t
        .rows
        .iter()
        .position(|r| r[1] == "0" && r[0] == "西湖" && r[4] == "1");
    let source = t.source(adopted.unwrap()).unwrap();
    assert_eq!(source.sentence, SAID);
}

#[test]
fn the_adopters_table_has_a_row_per_adopter_with_its_source() {
    let d = diffusion(&top_down(), &DiffusionConfig::default());
    let t = tables::adopters(&d);
    let first: Vec<&Vec<String>> = t.rows.iter().filter(|r| r[0] == "0").collect();
    assert_eq!(first.len(), 6);
    assert_eq!(first[3][3], "东阳");
    assert_eq!(first[3][9], "11");
    assert_eq!(first[3][12], "4");
    assert!(
        t.sources
            .iter()
            .all(|s| s.as_ref().is_some_and(|s| s.meeting.is_some()))
    );
}

#[test]
fn only_the_chosen_groups_are_analysed() {
    let a = top_down();
    let config = DiffusionConfig {
        groups: vec![1],
        ..DiffusionConfig::default()
    };
    assert!(diffusion(&a, &config).groups.is_empty());
    let config = DiffusionConfig {
        groups: vec![0],
        ..DiffusionConfig::default()
    };
    assert_eq!(diffusion(&a, &config).groups.len(), 1);
}

#[test]
fn quantiles_interpolate() {
    assert!(near(quantile(&[1.0, 2.0, 3.0, 4.0], 0.5), 2.5));
    assert!(near(quantile(&[5.0], 0.25), 5.0));
    assert!(near(quantile(&[], 0.5), 0.0));
}
