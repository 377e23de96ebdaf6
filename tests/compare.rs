//! Comparison on real seed sentences: alignment of two places, diffs, keyness, side by side.
// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::fmt::Write;

use tifa::compare::align::AlignConfig;
use tifa::compare::diff::{SegmentKind, diff};
use tifa::compare::keyness::{Direction, KeynessConfig, keyness};
use tifa::pipeline::Analysis;
use tifa::report::align_places;
use tifa::report::side_by_side;

use common::fixture::{Fixture, seed};

const JH: &str = "2月13日,车俊来金督查,充分肯定全市疫情防控和复工复产工作,要求我们统筹兼顾、动静结合,坚持两手抓、两手都要硬、两战都要赢。";
const YK_CONTROL: &str = "要深化推进六大机制在实战中的操作运用,坚持内防反弹、外防输入,紧盯重点人群、重点工作,深化流调溯源,细化核酸检测,优化隔离转运人员管理,强化社会面管控,通过网格化管理、组团式服务、数字化支撑,不断提升防控工作科学化、体系化水平,确保社会大局安定平静。";
const YK_TWO_HANDS: &str = "章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。";
const SZ_OPENING: &str =
    "会议强调,全市上下要坚持问题导向,化危为机,精准施策,统筹推进疫情防控和经济社会发展。";
const SZ_CONTROL: &str = "要坚持疫情防控不松懈,坚决摒弃麻痹思想、厌战情绪、侥幸心理、松劲心态,加强对村(社区)、高速卡口的把守,加强重点人员管控,重点场所防控,加强市民个人防护。";
const SZ_RESUME: &str = "要全力帮助企业复工复产,全面落实惠企政策礼包,全力解决用工紧张、用电恢复、产业链协同等关键问题,充分发挥“驻企指导员”作用,使企业尽快恢复生产,推动疫情图和复工图相配,真正把“两手抓、两手硬”的要求落到实处。";

fn three_places() -> Analysis {
    let mut f = Fixture::new();
    let jh = f.doc("seed:000.txt", seed(0));
    let yk = f.doc("seed:002.txt", seed(2));
    let sz = f.doc("seed:004.txt", seed(4));
    f.meeting(jh, "金华", "2020-02-14", &[JH]);
    f.meeting(yk, "永康", "2022-01-04", &[YK_CONTROL, YK_TWO_HANDS]);
    f.meeting(
        sz,
        "嵊州",
        "2020-02-18",
        &[SZ_OPENING, SZ_CONTROL, SZ_RESUME],
    );
    f.group(&["两手抓、两手硬", "两手抓、两手都要硬"]);
    f.group(&["复工复产"]);
    f.group(&["疫情防控"]);
    f.analysis
}

/// Aligns two places and checks that the left clause containing `left` pairs with the right
/// clause containing `right`.
fn check_pair(a: &str, b: &str, left: &str, right: &str) {
    let analysis = three_places();
    let al = align_places(&analysis, a, b, &AlignConfig::default());
    let row = al
        .rows
        .iter()
        .find(|r| r.left.is_some_and(|i| al.left[i].text.contains(left)))
        .unwrap_or_else(|| panic!("{a}: no clause with {left}"));
    let got = row.right.map_or("", |j| al.right[j].text.as_str());
    assert!(
        got.contains(right),
        "{a}:{left} ↔ {b}:{got:?}, expected {right}"
    );
}

#[test]
fn places_align_clause_to_clause() {
    check_pair(
        "永康",
        "嵊州",
        "要坚持两手抓、两手硬",
        "“两手抓、两手硬”的要求",
    );
    check_pair(
        "永康",
        "嵊州",
        "更好统筹推进疫情防控和经济社会发展",
        "统筹推进疫情防控和经济社会发展。",
    );
    check_pair(
        "嵊州",
        "永康",
        "“两手抓、两手硬”的要求",
        "要坚持两手抓、两手硬",
    );
    check_pair(
        "金华",
        "嵊州",
        "坚持两手抓、两手都要硬",
        "“两手抓、两手硬”的要求",
    );
    check_pair(
        "金华",
        "嵊州",
        "充分肯定全市疫情防控和复工复产工作",
        "要全力帮助企业复工复产",
    );
}

#[test]
fn diff_of_aligned_seed_clauses_marks_shared_characters() {
    let analysis = three_places();
    let al = align_places(&analysis, "永康", "嵊州", &AlignConfig::default());
    let row = al
        .rows
        .iter()
        .find(|r| r.left.is_some_and(|i| al.left[i].text.contains("两手抓")))
        .unwrap();
    let shared: String = row
        .diff
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Shared)
        .map(|s| s.text.as_str())
        .collect();
    assert!(shared.contains("两手抓、两手硬"), "{shared}");
    assert!(
        row.diff
            .left_changes()
            .iter()
            .all(|r| r.end <= al.left[row.left.unwrap()].text.len())
    );
    let d = diff(
        "坚持两手抓、两手都要硬、两战都要赢。",
        "真正把“两手抓、两手硬”的要求落到实处。",
    );
    let only_left: Vec<&str> = d
        .segments
        .iter()
        .filter(|s| s.kind == SegmentKind::OnlyLeft)
        .map(|s| s.text.as_str())
        .collect();
    assert!(only_left.contains(&"都要"), "{only_left:?}");
}

#[test]
fn keyness_shows_counts_for_every_place() {
    let analysis = three_places();
    let rows = keyness(&analysis, &KeynessConfig::default());
    let resume = rows
        .iter()
        .find(|k| k.place == "永康" && k.phrase == "复工复产")
        .unwrap();
    assert_eq!(
        (resume.place_count, resume.rest_count, resume.direction),
        (0, 2, Direction::Less)
    );
    assert_eq!(
        resume.place_words + resume.rest_words,
        rows[0].place_words + rows[0].rest_words
    );
    assert!(rows.iter().all(|k| k.g2 >= 0.0 && k.g2.is_finite()));
}

#[test]
fn side_by_side_marks_the_variant_in_each_place() {
    let analysis = three_places();
    let s = side_by_side(&analysis, 0).unwrap();
    let names: Vec<&str> = s.places.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(names, ["嵊州", "永康", "金华"]);
    let jh = &s.places[2].sentences[0];
    assert_eq!(&jh.text[jh.phrase.clone()], "两手抓、两手都要硬");
    let varying: Vec<&str> = jh.varying.iter().map(|r| &jh.text[r.clone()]).collect();
    assert_eq!(varying, ["都要"]);
    assert!(s.places[0].sentences[0].varying.is_empty());
}

/// The 永康 ↔ 嵊州 alignment as text: one line per row, `[-…-]` left only, `{+…+}` right only.
#[test]
fn seed_alignment_snapshot() {
    let analysis = three_places();
    let al = align_places(&analysis, "永康", "嵊州", &AlignConfig::default());
    let mut out = String::new();
    for r in &al.rows {
        let l = r
            .left
            .map_or_else(|| "-".to_string(), |i| al.left[i].meeting.to_string());
        let rt = r
            .right
            .map_or_else(|| "-".to_string(), |j| al.right[j].meeting.to_string());
        let _ = write!(out, "{l} {rt} {:.2} ", r.score);
        for s in &r.diff.segments {
            match s.kind {
                SegmentKind::Shared => out += &s.text,
                SegmentKind::OnlyLeft => out += &["[-", &s.text, "-]"].concat(),
                SegmentKind::OnlyRight => out += &["{+", &s.text, "+}"].concat(),
            }
        }
        out.push('\n');
    }
    insta::assert_snapshot!(out);
}
