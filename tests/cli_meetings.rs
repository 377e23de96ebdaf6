//! `tifa-cli meetings` run as a user runs it: the built binary, real files, exit codes.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

fn tifa_cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(args)
        .output()
        .expect("tifa-cli runs")
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

#[test]
fn seeds_give_seven_meetings_in_three_places() {
    let v = json_of(&tifa_cli(&["meetings", "--json"]));
    let meetings = v["meetings"].as_array().expect("meetings array");
    assert_eq!(meetings.len(), 7, "{meetings:#?}");
    let mut places: Vec<&str> = meetings
        .iter()
        .filter_map(|m| m["place"].as_str())
        .collect();
    places.sort_unstable();
    places.dedup();
    assert_eq!(places, ["嵊州", "永康", "盐城"]);
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(5));
    // Seed 001's 调度会 lays nothing down: everything is said at the 续会 held right after it.
    let silent: Vec<&str> = meetings
        .iter()
        .filter(|m| m["directives"].as_array().is_some_and(Vec::is_empty))
        .filter_map(|m| m["title"].as_str())
        .collect();
    assert_eq!(silent, ["疫情防控工作视频调度会"]);
    for m in meetings {
        assert!(m["date"].is_string(), "every seed meeting is dated: {m}");
        assert!(m["reports"].as_array().is_some_and(Vec::is_empty), "{m}");
        let doc = m["document"].as_str().expect("document");
        assert!(doc.starts_with("seed:"), "{doc}");
    }
}

#[test]
fn directive_offsets_point_into_the_document_text() {
    let v = json_of(&tifa_cli(&["meetings", "--json", "assets/seeds"]));
    let meetings = v["meetings"].as_array().expect("meetings array");
    assert_eq!(meetings.len(), 7);
    for m in meetings {
        let path = m["document"].as_str().expect("document");
        let text = std::fs::read_to_string(path).expect("seed readable");
        for d in m["directives"].as_array().expect("directives") {
            let (s, e) = (
                d["start"].as_u64().unwrap() as usize,
                d["end"].as_u64().unwrap() as usize,
            );
            let slice: String = text[s..e].chars().filter(|c| !c.is_whitespace()).collect();
            let want: String = d["text"]
                .as_str()
                .unwrap()
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            assert_eq!(slice, want, "offsets of a directive of {path}");
        }
    }
}

#[test]
fn bad_files_are_problems_and_good_ones_still_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    std::fs::write(d.join("empty.txt"), b"").unwrap();
    std::fs::write(
        d.join("scan.pdf"),
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n",
    )
    .unwrap();
    std::fs::write(d.join("not-a-zip.docx"), "这不是一个压缩包".as_bytes()).unwrap();
    std::fs::copy(
        Path::new("assets/seeds/003_8a69b3fa27e5f41c.txt"),
        d.join("report.txt"),
    )
    .unwrap();
    let v = json_of(&tifa_cli(&["meetings", "--json", d.to_str().unwrap()]));
    assert_eq!(v["meetings"].as_array().map(Vec::len), Some(1));
    let problems = v["problems"].as_array().expect("problems");
    assert_eq!(problems.len(), 3, "{problems:#?}");
    for p in problems {
        assert!(!p["message"].as_str().unwrap().is_empty());
    }
}

#[test]
fn nothing_readable_exits_2_with_one_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = dir.path().join("only.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n").unwrap();
    let out = tifa_cli(&["meetings", pdf.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("only.pdf"), "{err}");
    let out = tifa_cli(&["meetings", "/no/such/file.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn table_output_is_readable() {
    let out = tifa_cli(&["meetings"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.lines().count() >= 6, "{text}");
    assert!(text.contains("戴源"), "{text}");
}

/// A county paper's page the seeds know nothing of, saved in GBK.
const OTHER_COUNTY_GBK: &str = "浏阳日报

2021年8月
星期三
第8812期

4

市委常委会召开会议 研究部署疫情防控和防汛救灾工作

本报讯(记者 李明) 昨日上午,市委常委会召开会议,传达学习省委、长沙市委有关会议精神,研究部署我市疫情防控和防汛救灾工作。市委书记王华主持会议。

会议指出,当前疫情防控形势严峻复杂,全市上下要坚决克服麻痹思想、厌战情绪、侥幸心理、松劲心态,毫不松懈抓紧抓实抓细各项防控措施。

会议强调,要坚持外防输入、内防反弹,严格落实“四早”要求,全面排查中高风险地区来浏返浏人员。要统筹推进疫情防控和经济社会发展,坚持两手抓、两手都要硬。

编辑:张三
";

#[test]
fn a_gbk_page_from_another_county() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("liuyang.txt");
    let (bytes, _, bad) = encoding_rs::GB18030.encode(OTHER_COUNTY_GBK);
    assert!(!bad);
    std::fs::write(&path, &bytes).unwrap();
    let v = json_of(&tifa_cli(&["meetings", "--json", path.to_str().unwrap()]));
    assert_eq!(v["documents"][0]["encoding"], "GB18030");
    assert_eq!(v["documents"][0]["published"], "2021-08-04");
    let meetings = v["meetings"].as_array().expect("meetings");
    assert_eq!(meetings.len(), 1, "{meetings:#?}");
    let m = &meetings[0];
    assert_eq!(m["place"], "浏阳");
    assert_eq!(m["place_full"], "湖南省长沙市浏阳市");
    assert_eq!(m["date"], "2021-08-03");
    assert_eq!(m["date_basis"], "relative");
    assert_eq!(m["chair"], "王华");
    assert_eq!(m["title"], "市委常委会会议");
    assert_eq!(m["directives"].as_array().map(Vec::len), Some(3));
}
