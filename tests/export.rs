//! Every export format written to disk and read back with an independent reader.
// Helpers outside #[test] functions unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used)]

mod common;

use std::io::Read;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::NaiveDate;
use tifa::export::{self, ExportFormat, Source, Table};
use tifa::model::{MeetingId, Span};
use tifa::report::matrix;

use common::fixture::{Fixture, seed};

/// A table with Chinese text, commas, quotes, pipes, line breaks and formula-like cells.
fn tricky() -> Table {
    let mut t = Table::new("提法×地点", ["提法", "永康", "备注"]);
    t.push(
        vec![
            "两手抓、两手硬".into(),
            "3".into(),
            "要坚持两手抓,两手硬".into(),
        ],
        Some(Source {
            file: "seed:002_25b3b4b043e47f04.txt".into(),
            meeting: Some(MeetingId(2)),
            date: NaiveDate::from_ymd_opt(2022, 1, 4),
            sentence: "章旭升强调,要坚持两手抓、两手硬".into(),
            span: Some(Span::new(120, 168)),
        }),
    );
    t.push(
        vec![
            "=HYPERLINK(\"http://x\",\"点我\")".into(),
            "+1".into(),
            "-2".into(),
        ],
        None,
    );
    t.push(
        vec![
            "@SUM(A1:A2)".into(),
            "\t=1".into(),
            "把“健康码”|作为抓手\n第二行".into(),
        ],
        None,
    );
    t
}

fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "CSV must start with a UTF-8 BOM"
    );
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..]);
    r.records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn csv_reads_back_with_bom_chinese_and_neutralised_formulas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("矩阵.csv");
    export::write_file(&path, ExportFormat::Csv, &[tricky()]).unwrap();
    let rows = read_csv(&path);
    assert_eq!(
        rows[0],
        [
            "提法",
            "永康",
            "备注",
            "来源文件",
            "会议",
            "日期",
            "原句",
            "起",
            "止"
        ]
    );
    assert_eq!(
        rows[1],
        [
            "两手抓、两手硬",
            "3",
            "要坚持两手抓,两手硬",
            "seed:002_25b3b4b043e47f04.txt",
            "m2",
            "2022-01-04",
            "章旭升强调,要坚持两手抓、两手硬",
            "120",
            "168"
        ]
    );
    assert_eq!(
        rows[2][..3],
        ["'=HYPERLINK(\"http://x\",\"点我\")", "'+1", "-2"]
    );
    assert_eq!(
        rows[3][..3],
        ["'@SUM(A1:A2)", "'\t=1", "把“健康码”|作为抓手\n第二行"]
    );
    assert_eq!(rows.len(), 4);
}

#[test]
fn xlsx_reads_back_as_strings_with_frozen_header_and_wide_cjk_columns() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("矩阵.xlsx");
    let mut second = Table::new("提法×地点", ["地点"]);
    second.push(vec!["嵊州".into()], None);
    export::write_file(&path, ExportFormat::Xlsx, &[tricky(), second]).unwrap();

    let mut wb: Xlsx<_> = open_workbook(&path).unwrap();
    assert_eq!(wb.sheet_names(), ["提法×地点", "提法×地点 (2)"]);
    let range = wb.worksheet_range("提法×地点").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("提法".into()));
    assert_eq!(rows[1][0], Data::String("两手抓、两手硬".into()));
    assert_eq!(rows[1][1], Data::Float(3.0));
    assert_eq!(
        rows[1][6],
        Data::String("章旭升强调,要坚持两手抓、两手硬".into())
    );
    // Formula-like text is stored as text, exactly as written, never as a formula.
    assert_eq!(
        rows[2][0],
        Data::String("=HYPERLINK(\"http://x\",\"点我\")".into())
    );
    // A negative number is a number (keyness scores are negative), never a formula.
    assert_eq!(rows[2][2], Data::Float(-2.0));
    let formulas = wb.worksheet_formula("提法×地点").unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "no cell may hold a formula"
    );
    let second = wb.worksheet_range("提法×地点 (2)").unwrap();
    assert_eq!(second.get_value((1, 0)), Some(&Data::String("嵊州".into())));

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains("ySplit=\"1\"") && xml.contains("state=\"frozen\""),
        "header row not frozen"
    );
    // The 原句 column (7th): 15 wide characters (30 cells), one comma, two of padding.
    assert!(
        xml.contains("<col min=\"7\" max=\"7\" width=\"33.7109375\""),
        "{xml}"
    );
}

/// Splits a Markdown table row at unescaped pipes and unescapes the cells.
fn md_cells(line: &str) -> Vec<String> {
    let inner = line
        .trim()
        .strip_prefix('|')
        .unwrap()
        .strip_suffix('|')
        .unwrap();
    let mut cells = vec![String::new()];
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => cells.last_mut().unwrap().push(chars.next().unwrap()),
            '|' => cells.push(String::new()),
            _ => cells.last_mut().unwrap().push(c),
        }
    }
    cells
        .iter()
        .map(|c| c.trim().replace("<br>", "\n"))
        .collect()
}

#[test]
fn markdown_parses_back_as_a_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("矩阵.md");
    export::write_file(&path, ExportFormat::Markdown, &[tricky()]).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 5);
    assert_eq!(md_cells(lines[0]).len(), 9);
    assert!(md_cells(lines[1]).iter().all(|c| c == "---"));
    assert_eq!(
        md_cells(lines[2])[..3],
        ["两手抓、两手硬", "3", "要坚持两手抓,两手硬"]
    );
    assert_eq!(md_cells(lines[4])[2], "把“健康码”|作为抓手\n第二行");
    assert_eq!(md_cells(lines[3])[0], "'=HYPERLINK(\"http://x\",\"点我\")");
    assert!(lines.iter().all(|l| md_cells(l).len() == 9));
}

#[test]
fn json_reads_back_keyed_by_column_with_sources() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("矩阵.json");
    export::write_file(&path, ExportFormat::Json, &[tricky()]).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["提法"], "两手抓、两手硬");
    assert_eq!(rows[0]["source"]["meeting"], "m2");
    assert_eq!(rows[0]["source"]["start"], 120);
    assert_eq!(rows[1]["提法"], "=HYPERLINK(\"http://x\",\"点我\")");
    assert!(rows[1]["source"].is_null());
}

#[test]
fn matrix_of_real_sentences_exports_traceably_in_every_format() {
    let mut f = Fixture::new();
    let yk = f.doc("seed:002.txt", seed(2));
    let sz = f.doc("seed:004.txt", seed(4));
    f.meeting(yk, "永康", "2022-01-04", &["章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。"]);
    f.meeting(sz, "嵊州", "2020-02-18", &["要全力帮助企业复工复产,全面落实惠企政策礼包,全力解决用工紧张、用电恢复、产业链协同等关键问题,充分发挥“驻企指导员”作用,使企业尽快恢复生产,推动疫情图和复工图相配,真正把“两手抓、两手硬”的要求落到实处。"]);
    f.group(&["两手抓、两手硬"]);
    let table = matrix(&f.analysis).to_table();
    let dir = tempfile::tempdir().unwrap();
    for format in ExportFormat::ALL {
        let path = dir.path().join(format!("m.{}", format.extension()));
        export::write_file(&path, format, std::slice::from_ref(&table)).unwrap();
        assert!(std::fs::metadata(&path).unwrap().len() > 100, "{format}");
    }
    let rows = read_csv(&dir.path().join("m.csv"));
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][col("嵊州")], "1次/1场 2020-02-18");
    assert_eq!(rows[1][col("永康")], "1次/1场 2022-01-04");
    assert_eq!(rows[1][col("首用地点")], "嵊州");
    let (start, end): (usize, usize) = (
        rows[1][col("起")].parse().unwrap(),
        rows[1][col("止")].parse().unwrap(),
    );
    assert!(seed(4)[start..end].contains("真正把“两手抓、两手硬”的要求落到实处"));
}
