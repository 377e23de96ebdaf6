//! `tifa-cli eval` run as a user runs it: a labels file and made-up pages in a folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// A county's standing committee meeting, reported with a dateline.
const REPORT: &str = "宁乡市委常委会召开会议 研究部署春季农业生产工作

2023-04-13 08:30 来源：宁乡新闻网

本报讯 4月12日，市委书记刘建华主持召开市委常委会会议，传达学习全省春季农业生产工作会议精神，研究部署我市贯彻落实工作。

会议强调，要压紧压实粮食安全责任，确保春播面积只增不减。要抓好农资供应和技术服务，切实把各项措施落到田间地头。

会议指出，要统筹抓好防汛备汛工作，坚决守住安全底线。
";

/// An inspection visit: a leader 强调…要, but no meeting.
const VISIT: &str = "刘建华到乡镇调研春耕生产

2023-04-15 09:00 来源：宁乡新闻网

4月14日，市委书记刘建华深入乡镇调研春耕生产工作。他强调，要抢抓农时，做好春耕备耕各项工作，确保粮食生产稳定。
";

fn tifa_cli(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("tifa-cli runs")
}

/// A folder with the two pages under `pages/` and a labels file whose report meeting is
/// `meeting` (a JSON object).
fn folder(meeting: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("pages")).unwrap();
    std::fs::write(dir.path().join("pages/report.txt"), REPORT).unwrap();
    std::fs::write(dir.path().join("pages/visit.txt"), VISIT).unwrap();
    let labels = format!(
        r#"{{"files": [
          {{"file": "pages/report.txt", "outlet": "宁乡新闻网", "province": "湖南", "level": "county",
            "meeting_report": true, "meetings": [{meeting}]}},
          {{"file": "pages/visit.txt", "outlet": "宁乡新闻网", "province": "湖南", "level": "county",
            "meeting_report": false, "meetings": [], "note": "调研, not a meeting"}}
        ]}}"#
    );
    std::fs::write(dir.path().join("labels.json"), labels).unwrap();
    dir
}

fn report(out: &Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

fn field<'a>(score: &'a Value, name: &str) -> &'a Value {
    score["fields"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["field"] == name)
        .unwrap()
}

const RIGHT: &str = r#"{"place": "宁乡", "date": "2023-04-12", "chair": "刘建华", "title": "市委常委会会议", "convened_by": null}"#;

#[test]
fn right_labels_score_full_marks() {
    let dir = folder(RIGHT);
    let v = report(&tifa_cli(
        dir.path(),
        &["eval", "--labels", "labels.json", "--json"],
    ));
    let all = &v["overall"];
    assert_eq!(all["files"], 2);
    assert_eq!(all["reports"], 1);
    assert_eq!(all["near_misses"], 1);
    assert_eq!(all["near_misses_flagged"], 0, "{v:#}");
    assert_eq!(
        (
            all["labelled"].as_u64(),
            all["found"].as_u64(),
            all["matched"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "{v:#}"
    );
    assert_eq!(all["precision"], 1.0);
    assert_eq!(all["recall"], 1.0);
    assert_eq!(all["f1"], 1.0);
    for name in [
        "place",
        "date",
        "date_in_range",
        "chair",
        "title",
        "convened_by",
    ] {
        assert_eq!(
            (
                field(all, name)["right"].as_u64(),
                field(all, name)["of"].as_u64()
            ),
            (Some(1), Some(1)),
            "{name}: {v:#}"
        );
    }
    assert_eq!(v["by_province"][0]["name"], "湖南");
    assert_eq!(v["by_outlet"][0]["files"], 2);
    assert_eq!(v["disagreements"], Value::Array(Vec::new()));
}

#[test]
fn wrong_fields_are_listed_and_counted() {
    let dir = folder(
        r#"{"place": "浏阳", "date": "--04-12", "chair": "刘建国", "title": "市委常委会会议"}"#,
    );
    let v = report(&tifa_cli(
        dir.path(),
        &["eval", "--labels", "labels.json", "--json"],
    ));
    let all = &v["overall"];
    assert_eq!(field(all, "place")["right"], 0);
    assert_eq!(
        field(all, "date")["right"],
        1,
        "a month-day label ignores the year"
    );
    assert_eq!(field(all, "chair")["right"], 0);
    assert_eq!(field(all, "title")["right"], 1);
    let listed: Vec<(&str, &str, &str, &str)> = v["disagreements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap(),
                d["field"].as_str().unwrap(),
                d["expected"].as_str().unwrap(),
                d["got"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("pages/report.txt", "place", "浏阳", "宁乡"),
            ("pages/report.txt", "chair", "刘建国", "刘建华"),
        ]
    );
}

#[test]
fn a_missed_meeting_lowers_recall_and_the_table_says_so() {
    let two = format!(
        r#"{RIGHT}, {{"place": "宁乡", "date": "2023-04-12", "chair": null, "title": "市政府常务会议"}}"#
    );
    let dir = folder(&two);
    let v = report(&tifa_cli(
        dir.path(),
        &["eval", "--labels", "labels.json", "--json"],
    ));
    assert_eq!(v["overall"]["recall"], 0.5);
    assert_eq!(v["overall"]["precision"], 1.0);
    let out = tifa_cli(dir.path(), &["eval", "--labels", "labels.json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("2 labelled, 1 found, 1 paired"), "{text}");
    assert!(text.contains("recall 50.0%"), "{text}");
    assert!(
        text.lines().any(|l| l.starts_with("pages/report.txt")
            && l.contains("meeting")
            && l.contains("市政府常务会议")),
        "{text}"
    );
}

#[test]
fn paths_limit_the_pages_scored() {
    let dir = folder(RIGHT);
    let v = report(&tifa_cli(
        dir.path(),
        &[
            "eval",
            "pages/visit.txt",
            "--labels",
            "labels.json",
            "--json",
        ],
    ));
    assert_eq!(v["overall"]["files"], 1);
    assert_eq!(v["overall"]["labelled"], 0);
    let v = report(&tifa_cli(
        dir.path(),
        &["eval", "pages", "--labels", "labels.json", "--json"],
    ));
    assert_eq!(v["overall"]["files"], 2);
}

#[test]
fn several_labels_files_combine() {
    let dir = folder(RIGHT);
    let other = dir.path().join("more");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("visit2.txt"), VISIT).unwrap();
    std::fs::write(
        other.join("labels.json"),
        r#"{"files": [{"file": "visit2.txt", "meeting_report": false}]}"#,
    )
    .unwrap();
    let v = report(&tifa_cli(
        dir.path(),
        &[
            "eval",
            "--labels",
            "labels.json",
            "--labels",
            "more/labels.json",
            "--json",
        ],
    ));
    assert_eq!(v["overall"]["files"], 3);
    assert_eq!(v["overall"]["near_misses"], 2);
    let provinces: Vec<&str> = v["by_province"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(provinces, ["?", "湖南"]);
}

#[test]
fn a_bad_labels_file_exits_2_naming_the_entry() {
    let dir = folder(r#"{"place": "宁乡", "date": "4月12日"}"#);
    let out = tifa_cli(dir.path(), &["eval", "--labels", "labels.json"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("entry 1 (pages/report.txt)"), "{err}");
    assert!(err.contains("4月12日"), "{err}");
    assert!(err.trim_end().ends_with("labels.json"), "{err}");
    let out = tifa_cli(dir.path(), &["eval", "--labels", "missing.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.json"));
}
