//! Writes an export [`Table`] to a file as CSV, XLSX, Markdown or JSON.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::export::Table;
use crate::gui::command::ExportFormat;

/// Writes `table` to a temporary file beside `path` and renames it into place, so a failed
/// export never leaves half a file where a good one was.
pub fn write_atomic(table: &Table, path: &Path, format: ExportFormat) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    let bytes = render(table, format)?;
    std::fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("replacing {}", path.display()))?;
    Ok(())
}

/// The file's bytes.
pub fn render(table: &Table, format: ExportFormat) -> anyhow::Result<Vec<u8>> {
    match format {
        ExportFormat::Csv => csv_bytes(table),
        ExportFormat::Json => Ok(serde_json::to_vec_pretty(&json_value(table))?),
        ExportFormat::Markdown => Ok(markdown(table).into_bytes()),
        ExportFormat::Xlsx => xlsx_bytes(table),
    }
}

fn csv_bytes(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&table.columns)?;
    for row in &table.rows {
        w.write_record(row)?;
    }
    w.flush()?;
    w.into_inner().map_err(|e| anyhow::anyhow!("{e}"))
}

/// An array of objects keyed by column name.
fn json_value(table: &Table) -> serde_json::Value {
    let rows = table
        .rows
        .iter()
        .map(|row| {
            let obj: serde_json::Map<String, serde_json::Value> = table
                .columns
                .iter()
                .zip(row)
                .map(|(c, v)| (c.clone(), serde_json::Value::String(v.clone())))
                .collect();
            serde_json::Value::Object(obj)
        })
        .collect();
    serde_json::Value::Array(rows)
}

fn markdown(table: &Table) -> String {
    // A pipe or a line break inside a cell would break the table's rows and columns.
    let cell = |s: &str| s.replace('|', "\\|").replace(['\n', '\r'], " ");
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let v: Vec<String> = cells.collect();
        format!("| {} |\n", v.join(" | "))
    };
    out.push_str(&line(&mut table.columns.iter().map(|c| cell(c))));
    out.push_str(&line(&mut table.columns.iter().map(|_| "---".to_string())));
    for row in &table.rows {
        out.push_str(&line(&mut row.iter().map(|c| cell(c))));
    }
    out
}

fn xlsx_bytes(table: &Table) -> anyhow::Result<Vec<u8>> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // Excel limits sheet names to 31 characters and forbids a few symbols.
    let name: String = table
        .name
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    if !name.is_empty() {
        sheet.set_name(&name)?;
    }
    for (c, h) in table.columns.iter().enumerate() {
        sheet.write_string(0, c as u16, h)?;
    }
    for (r, row) in table.rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v)?;
        }
    }
    let mut buf = Vec::new();
    buf.write_all(&book.save_to_buffer()?)?;
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Table {
        Table {
            name: "会议".into(),
            columns: vec!["地点".into(), "标题".into()],
            rows: vec![
                vec!["某县".into(), "县委常委会会议".into()],
                vec!["某市".into(), "含|竖线\n和换行".into()],
            ],
        }
    }

    fn check(format: ExportFormat, expect: &str) {
        let bytes = render(&table(), format).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains(expect), "{format:?}: {text}");
    }

    #[test]
    fn formats() {
        check(ExportFormat::Csv, "地点,标题\n某县,县委常委会会议\n");
        check(ExportFormat::Csv, "\"含|竖线\n和换行\"");
        check(ExportFormat::Markdown, "| 地点 | 标题 |\n| --- | --- |\n");
        check(ExportFormat::Markdown, "| 某市 | 含\\|竖线 和换行 |");
        check(ExportFormat::Json, "\"标题\": \"县委常委会会议\"");
        check(ExportFormat::Xlsx, "PK");
    }

    #[test]
    fn json_parses_back() {
        let bytes = render(&table(), ExportFormat::Json).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(v[1]["地点"], "某市");
    }
}
