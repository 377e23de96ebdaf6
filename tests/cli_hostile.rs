//! Inputs that used to hang or exhaust `tifa-cli`: a named pipe in a folder, deeply nested HTML,
//! a Word document that expands a hundredfold, and a file whose encoding changes half-way. Each
//! is built here and read by the built binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// Long enough for a debug build on a loaded machine; a hang never ends.
const HANG: Duration = Duration::from_secs(120);

/// Runs `tifa-cli meetings --json PATH`, killing it if it has not finished after [`HANG`].
fn meetings(path: &Path) -> Value {
    let mut child = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["meetings", "--json"])
        .arg(path)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("tifa-cli runs");
    let start = Instant::now();
    loop {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        if start.elapsed() > HANG {
            let _ = child.kill();
            panic!("tifa-cli still reading {} after {HANG:?}", path.display());
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out: Output = child.wait_with_output().expect("output");
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("stdout is one JSON object")
}

/// A county meeting report in the shape local papers print, written for these tests.
const REPORT: &str = "县委常委会召开会议 研究部署近期重点工作
本报讯 3月2日上午，县委常委会召开会议，传达学习上级有关会议精神，研究部署我县近期重点工作。县委书记李某主持会议。
会议强调，要坚持稳中求进工作总基调，抓紧抓实抓细各项工作。
会议要求，各级各部门要压紧压实责任，确保各项任务落地见效。
";

fn problems(v: &Value) -> Vec<String> {
    v["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["message"].as_str().unwrap().to_string())
        .collect()
}

#[cfg(unix)]
#[test]
fn a_named_pipe_in_a_folder_is_a_problem_not_a_hang() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("report.txt"), REPORT).unwrap();
    let fifo = dir.path().join("pipe.txt");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let v = meetings(dir.path());
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(1));
    assert_eq!(v["meetings"].as_array().map(Vec::len), Some(1));
    let problems = problems(&v);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("named pipe"), "{problems:?}");
    // Named on its own, it is refused the same way.
    let out = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["meetings"])
        .arg(&fifo)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file"));
}

#[test]
fn deeply_nested_html_reads() {
    let dir = tempfile::tempdir().unwrap();
    let body = REPORT
        .lines()
        .fold(String::new(), |acc, l| acc + "<p>" + l + "</p>");
    let lists = format!(
        "<html><body>{}{body}{}</body></html>",
        "<ul><li>".repeat(20_000),
        "</li></ul>".repeat(20_000)
    );
    std::fs::write(dir.path().join("lists.html"), &lists).unwrap();
    let divs = format!(
        "<html><body>{}{body}{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    std::fs::write(dir.path().join("divs.html"), &divs).unwrap();
    let v = meetings(dir.path());
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(2), "{v}");
    // The same report on two pages is one meeting with two reports.
    let found = v["meetings"].as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["directives"].as_array().map(Vec::len), Some(2));
    assert_eq!(found[0]["reports"].as_array().map(Vec::len), Some(1));
}

/// A Word document whose only paragraph repeats `units` times.
fn docx(paragraph: &str, units: usize) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(
        br#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    )
    .unwrap();
    let p = format!("<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>");
    for _ in 0..units {
        zip.write_all(p.as_bytes()).unwrap();
    }
    zip.write_all(b"</w:body></w:document>").unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_word_document_that_expands_a_hundredfold_is_refused_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = docx("会议强调要坚持", 400_000);
    assert!(bomb.len() < 1024 * 1024, "{} bytes", bomb.len());
    std::fs::write(dir.path().join("bomb.docx"), &bomb).unwrap();
    std::fs::write(dir.path().join("report.txt"), REPORT).unwrap();
    let v = meetings(dir.path());
    assert_eq!(v["documents"].as_array().map(Vec::len), Some(1));
    let problems = v["problems"].as_array().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0]["path"].as_str().unwrap().ends_with("bomb.docx"));
    assert!(
        problems[0]["message"]
            .as_str()
            .unwrap()
            .contains("expands to more than"),
        "{problems:?}"
    );
}

#[test]
fn a_file_half_utf8_half_gbk_reads_both_halves() {
    let dir = tempfile::tempdir().unwrap();
    let (head, tail) = REPORT.split_at(REPORT.find("会议强调").unwrap());
    let mut bytes = head.as_bytes().to_vec();
    bytes.extend_from_slice(&encoding_rs::GB18030.encode(tail).0);
    std::fs::write(dir.path().join("joined.txt"), &bytes).unwrap();
    let v = meetings(dir.path());
    let doc = &v["documents"][0];
    assert_eq!(doc["encoding"], "UTF-8 + GB18030", "{doc}");
    let notes = doc["problems"].as_array().unwrap();
    assert!(
        notes
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("decoded in parts")),
        "{doc}"
    );
    let m = &v["meetings"].as_array().unwrap()[0];
    assert_eq!(m["chair"], "李某");
    let said = m["directives"][0]["text"].as_str().unwrap();
    assert!(said.contains("抓紧抓实抓细"), "{said}");
}

/// `bench --hostile` reads every worst input in a process of its own and reports each against
/// its limits (here at a twentieth of full size, which a debug build reads well within them).
#[test]
fn the_hostile_bench_reads_every_worst_input_within_its_limits() {
    let out = Command::new(env!("CARGO_BIN_EXE_tifa-cli"))
        .args(["bench", "--hostile", "--scale", "0.05"])
        .output()
        .unwrap();
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{table}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for input in [
        "nested divs",
        "nested list items",
        "word bomb",
        "half UTF-8, half GBK",
        "GB18030 noise",
        "one line, no breaks",
        "many reports",
        "tiny paragraphs",
        "UTF-16 text",
        "binary noise",
        "GBK page",
    ] {
        let row = table
            .lines()
            .find(|l| l.starts_with(input))
            .unwrap_or_else(|| panic!("no row for {input}:\n{table}"));
        assert!(row.contains(" ok "), "{row}");
    }
    assert!(
        table.contains("word/document.xml expands to more than"),
        "{table}"
    );
}
