//! `tifa-cli compare` and `tifa-cli diff`, run as a user runs them.
// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

use calamine::{Reader, Xlsx, open_workbook};

fn cli(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(args)
        .env_remove("COLUMNS")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The places of the seed meetings, as `meetings --json` reports them.
fn seed_meetings() -> serde_json::Value {
    let o = cli(&["meetings", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).unwrap()
}

fn seed_places() -> Vec<String> {
    let mut places: Vec<String> = seed_meetings()["meetings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["place"].as_str().map(String::from))
        .collect();
    places.sort();
    places.dedup();
    places
}

const FIXED: [&str; 5] = ["编号", "提法", "变体", "差异", "合计"];

/// Checks a matrix header: the fixed columns, every place of the seeds, then first use.
fn check_header(header: &[String]) {
    assert_eq!(header[..5], FIXED, "{header:?}");
    let end = header.iter().position(|h| h == "首用地点").unwrap();
    assert_eq!(header[end + 1], "首用日期");
    for p in seed_places() {
        assert!(
            header[5..end].contains(&p),
            "place {p} missing from {header:?}"
        );
    }
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn compare_writes_csv_whose_rows_trace_to_the_seeds() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("矩阵.csv");
    let o = cli(&["compare", "--format", "csv", "--out", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(o.stdout.is_empty(), "with --out nothing goes to stdout");
    let rows = read_csv(&out);
    check_header(&rows[0]);
    // Each row's source names a seed, and its span there holds the quoted sentence.
    let col = |name: &str| rows[0].iter().position(|h| h == name);
    for row in &rows[1..] {
        let (file, sentence) = (&row[col("来源文件").unwrap()], &row[col("原句").unwrap()]);
        let start: usize = row[col("起").unwrap()].parse().unwrap();
        let end: usize = row[col("止").unwrap()].parse().unwrap();
        let name = file.strip_prefix("seed:").unwrap();
        let text = std::fs::read_to_string(Path::new("assets/seeds").join(name)).unwrap();
        let raw: String = text[start..end]
            .chars()
            .filter(|c| !matches!(c, '\n' | '\r'))
            .collect();
        assert_eq!(&raw, sentence);
        assert!(sentence.contains(row[1].as_str()) || !row[2].is_empty());
    }
}

#[test]
fn compare_writes_xlsx_md_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("m.xlsx");
    let o = cli(&[
        "compare",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    assert_eq!(wb.sheet_names(), ["提法×地点", "提法×地点明细", "关键性"]);
    let range = wb.worksheet_range("提法×地点").unwrap();
    let header: Vec<String> = range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    check_header(&header);

    let md = dir.path().join("m.md");
    let o = cli(&["compare", "--format", "md", "--out", md.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = std::fs::read_to_string(&md).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("| 编号 | 提法 | 变体 | 差异 | 合计 |"),
        "{text}"
    );
    assert!(lines[1].starts_with("| --- |"));
    let width = lines[0].matches(" |").count();
    assert!(lines.iter().all(|l| l.starts_with('|') && l.ends_with('|')));
    assert!(
        lines
            .iter()
            .all(|l| l.replace("\\|", "").matches(" |").count() == width)
    );

    // No --format: the extension decides.
    let json = dir.path().join("m.json");
    let o = cli(&["compare", "--out", json.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    for row in v.as_array().unwrap() {
        assert!(
            row["提法"].is_string() && row["source"]["file"].is_string(),
            "{row}"
        );
    }
}

#[test]
fn compare_prints_text_formats_and_refuses_xlsx_to_stdout() {
    let o = cli(&["compare", "--format", "md"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        String::from_utf8(o.stdout)
            .unwrap()
            .starts_with("| 编号 | 提法 |")
    );
    let o = cli(&["compare", "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--out"), "{}", stderr(&o));
    let o = cli(&["compare", "--format", "pdf"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("unknown export format"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn diff_rejects_unknown_meeting_ids() {
    for bad in ["m99999", "x3", ""] {
        let o = cli(&["diff", "m0", bad]);
        assert_eq!(o.status.code(), Some(2), "{bad}");
        assert!(stderr(&o).contains("unknown meeting id"), "{}", stderr(&o));
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn diff_aligns_two_seed_meetings() {
    let meetings = seed_meetings()["meetings"].as_array().unwrap().len();
    let o = cli(&["diff", "m0", "m1", "--json"]);
    if meetings < 2 {
        // Without two meetings there is nothing to align: a clear error, not an empty diff.
        assert_eq!(o.status.code(), Some(2));
        return;
    }
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["left"]["id"], "m0");
    assert_eq!(v["right"]["id"], "m1");
    for row in v["rows"].as_array().unwrap() {
        let mut left = String::new();
        let mut right = String::new();
        for s in row["segments"].as_array().unwrap() {
            let t = s["text"].as_str().unwrap();
            match s["kind"].as_str().unwrap() {
                "shared" => {
                    left.push_str(t);
                    right.push_str(t);
                }
                "only_left" => left.push_str(t),
                "only_right" => right.push_str(t),
                k => panic!("unknown kind {k}"),
            }
        }
        assert_eq!(left, row["left"]["text"].as_str().unwrap_or(""));
        assert_eq!(right, row["right"]["text"].as_str().unwrap_or(""));
    }
    let o = cli(&["diff", "m0", "m1"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.starts_with("左 m0 ") && text.contains("\n右 m1 "),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no colour when stdout is not a terminal"
    );
    for line in text.lines().filter(|l| l.contains(" │ ")) {
        let left = line.split(" │ ").next().unwrap();
        assert_eq!(unicode_width::UnicodeWidthStr::width(left), 48, "{line}");
    }
}
