//! Restatement on small corpora of meetings written for the purpose: the province 江川, its
//! prefecture 临川 and 临川's counties.

use super::*;
use crate::report::diffusion::tests::{county, hierarchy, prefecture, province};

const STRICT: &str = "要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。";
const PROJECTS: &str = "要加快推进重大项目建设，确保全年目标任务圆满完成。";
const OWN: &str = "要扎实做好春耕备耕和农田水利建设。";
const CLOSING: &str = "会议还研究了其他事项。";

fn run(meetings: &[(crate::model::Place, &str, &[&str])]) -> Restatement {
    restated(&hierarchy(meetings).analysis, &RestateConfig::default())
}

fn labels(m: &MeetingRestated) -> Vec<(&str, &str)> {
    m.clauses
        .iter()
        .map(|c| (c.text.as_str(), c.label.as_str()))
        .collect()
}

/// A county restating its province word for word, in another order, adapting one clause
/// (重大项目 → 县域特色产业) and adding one of its own.
#[test]
fn a_county_restates_adapts_and_adds() {
    let r = run(&[
        (province(), "2021-03-01", &[STRICT, PROJECTS]),
        (
            county("东阳", "910101"),
            "2021-03-10",
            &[
                "要加快推进县域特色产业建设，确保全年目标任务圆满完成。",
                OWN,
                STRICT,
            ],
        ),
    ]);
    let m = r.meetings.iter().find(|m| m.place == "东阳").unwrap();
    assert_eq!(
        labels(m),
        [
            ("要加快推进县域特色产业建设，", "adapted"),
            ("确保全年目标任务圆满完成。", "restated"),
            ("要扎实做好春耕备耕和农田水利建设。", "local"),
            ("要坚持人民至上、生命至上，", "restated"),
            ("从严从紧抓好疫情防控各项措施。", "restated"),
        ]
    );
    let adapted = &m.clauses[0];
    let source = adapted.source.as_ref().unwrap();
    assert_eq!(source.place, "江川");
    assert_eq!(source.level, Some(PlaceLevel::Province));
    assert_eq!(source.text, "要加快推进重大项目建设，");
    assert_eq!(tables::runs(adapted, "only_local"), "县域特色产业");
    assert_eq!(tables::runs(adapted, "only_source"), "重大项目");
    assert_eq!(m.higher_meetings, 1);
    assert_eq!(m.sources_by_level.get("province"), Some(&4));
    // Three of five clauses restated, one adapted, one local.
    assert!((m.shares.restated - 0.6).abs() < 1e-9, "{:?}", m.shares);
    assert!((m.shares.adapted - 0.2).abs() < 1e-9);
    assert!((m.shares.local - 0.2).abs() < 1e-9);
    // The province itself has nothing above it loaded.
    let top = r.meetings.iter().find(|m| m.place == "江川").unwrap();
    assert_eq!(top.higher_meetings, 0);
    assert!(top.clauses.iter().all(|c| c.label == "local"));
}

/// Only the places above count, and only before the meeting within the window.
#[test]
fn sources_are_ancestors_held_before_within_the_window() {
    let r = run(&[
        // A sibling county said it first: not a higher level.
        (county("西湖", "910102"), "2021-01-05", &[STRICT]),
        // The prefecture says it after the county: too late to be its source.
        (prefecture(), "2021-02-01", &[STRICT]),
        (county("东阳", "910101"), "2021-01-20", &[STRICT]),
        // The province long before a later county meeting: outside 180 days.
        (province(), "2020-01-01", &[OWN]),
        (county("南浦", "910103"), "2020-09-01", &[OWN]),
    ]);
    let dongyang = r.meetings.iter().find(|m| m.place == "东阳").unwrap();
    assert!(
        dongyang.clauses.iter().all(|c| c.label == "local"),
        "{dongyang:?}"
    );
    assert_eq!(dongyang.higher_meetings, 0);
    let nanpu = r.meetings.iter().find(|m| m.place == "南浦").unwrap();
    assert_eq!(labels(nanpu), [(OWN, "local")]);
    // The prefecture's 2021-02-01 meeting restates nothing of the province's 2020 one.
    let xihu = r.meetings.iter().find(|m| m.place == "西湖").unwrap();
    assert!(xihu.clauses.iter().all(|c| c.source.is_none()));
}

/// A closing line the county repeats in every meeting is boilerplate: labelled so, and
/// counted in no share, even though the province wrote it too.
#[test]
fn a_line_repeated_meeting_after_meeting_is_boilerplate() {
    let r = run(&[
        (province(), "2021-03-01", &[STRICT, CLOSING]),
        (county("东阳", "910101"), "2021-03-02", &[STRICT, CLOSING]),
        (county("东阳", "910101"), "2021-03-09", &[OWN, CLOSING]),
        (county("东阳", "910101"), "2021-03-16", &[CLOSING]),
    ]);
    let first = r.meetings.iter().find(|m| m.id == "m1").unwrap();
    let closing = first.clauses.iter().find(|c| c.text == CLOSING).unwrap();
    assert_eq!(closing.label, "boilerplate");
    assert!(closing.source.is_none());
    assert_eq!(first.shares.boilerplate, 1);
    assert_eq!(first.shares.clauses, 2);
    assert!(
        (first.shares.restated - 1.0).abs() < 1e-9,
        "{:?}",
        first.shares
    );
    // The place's overall shares and the month's leave it out too.
    let place = r.places.iter().find(|p| p.place == "东阳").unwrap();
    assert_eq!(place.meetings, 3);
    assert_eq!(place.shares.boilerplate, 3);
    let month = r
        .months
        .iter()
        .find(|p| p.place == "东阳" && p.month.as_deref() == Some("2021-03"))
        .unwrap();
    assert_eq!(month.shares.clauses, 3);
}

#[test]
fn the_tables_trace_each_clause_to_its_sentence() {
    let r = run(&[
        (province(), "2021-03-01", &[PROJECTS]),
        (
            county("东阳", "910101"),
            "2021-03-10",
            &["要加快推进县域特色产业建设，确保全年目标任务圆满完成。"],
        ),
    ]);
    let file = |_: &MeetingRestated| "x.txt".to_string();
    let t = tables::adapted(&r, &file);
    assert_eq!(t.rows.len(), 1);
    assert_eq!(t.rows[0][8], "县域特色产业");
    assert_eq!(t.rows[0][9], "重大项目");
    let s = t.source(0).unwrap();
    assert_eq!(s.meeting, Some(MeetingId(1)));
    assert_eq!(s.sentence, "要加快推进县域特色产业建设，");
    let all = tables::clauses(&r, &file);
    assert_eq!(all.rows.len(), 4);
    let shares = tables::shares(&r);
    assert!(
        shares
            .rows
            .iter()
            .any(|row| row[0] == "东阳" && row[1].is_empty())
    );
}

/// Asking for one meeting reads only what it needs and labels it as the whole run does.
#[test]
fn one_meeting_alone_is_labelled_as_in_the_whole_run() {
    let f = hierarchy(&[
        (province(), "2021-03-01", &[STRICT, PROJECTS]),
        (county("西湖", "910102"), "2021-03-05", &[OWN]),
        (
            county("东阳", "910101"),
            "2021-03-10",
            &[
                "要加快推进县域特色产业建设，确保全年目标任务圆满完成。",
                STRICT,
            ],
        ),
    ]);
    let config = RestateConfig::default();
    let all = restated(&f.analysis, &config);
    let one = restated_of(&f.analysis, &config, Some(&[MeetingId(2)]));
    assert_eq!(one.meetings.len(), 1);
    let whole = all.meetings.iter().find(|m| m.id == "m2").unwrap();
    assert_eq!(&one.meetings[0], whole);
    // The sibling county is neither read as a source nor labelled.
    assert_eq!(
        relevant(&f.analysis, &[MeetingId(2)]),
        [MeetingId(0), MeetingId(2)]
    );
}

/// A provincial page that reports no meeting (a notice) is a higher-level text too: a county
/// meeting restating it names the page as its source.
#[test]
fn a_notice_of_the_province_is_a_source() {
    let mut f = hierarchy(&[(county("东阳", "910101"), "2021-03-10", &[STRICT])]);
    let notice = f.doc(
        "notice.txt",
        "江川省人民政府通知\n首页 | 政务\n各市、县人民政府：要坚持人民至上、生命至上，从严从紧抓好疫情防控各项措施。\n",
    );
    let page = &mut f.analysis.documents[notice.0 as usize];
    page.place = Some(province());
    page.published = Some(crate::model::PolicyDate::new(
        NaiveDate::from_ymd_opt(2021, 3, 3).unwrap(),
        crate::model::DateBasis::Explicit,
    ));
    let result = restated(&f.analysis, &RestateConfig::default());
    let meeting = &result.meetings[0];
    assert_eq!(meeting.higher_meetings, 0);
    assert_eq!(meeting.higher_pages, 1);
    let clause = meeting
        .clauses
        .iter()
        .find(|c| c.text.starts_with("从严从紧"))
        .unwrap();
    assert_eq!(clause.label, "restated");
    let source = clause.source.as_ref().unwrap();
    assert_eq!(
        (source.document.as_str(), source.meeting.as_str()),
        ("notice.txt", "")
    );
    assert_eq!(source.place, "江川");
    // The menu line is chrome, not a clause.
    assert!(result.places.iter().all(|p| p.place != "江川"));
}
