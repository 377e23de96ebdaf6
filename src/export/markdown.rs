//! Markdown: a pipe table per table, with `|` escaped and line breaks as `<br>`.

use std::fmt::Write;

use super::Table;
use super::table::neutralise;

/// Escapes a cell for a pipe table: `|` and `\` would end or bend the cell, and a line break
/// would end the row. Formula-like cells get a leading `'` in case the text is pasted into a
/// spreadsheet.
pub fn escape(cell: &str) -> String {
    let cell = neutralise(cell);
    let mut out = String::with_capacity(cell.len());
    let mut chars = cell.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '|' => out.push_str("\\|"),
            '\\' => out.push_str("\\\\"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\r' | '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// The tables as Markdown; with several tables each gets a `## name` heading.
pub fn to_string(tables: &[Table]) -> String {
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if tables.len() > 1 {
            let _ = writeln!(out, "## {}\n", escape(&table.name));
        }
        let cols = table.flat_columns();
        let row = |cells: &[String]| {
            let mut line = String::from("|");
            for c in cells {
                line.push(' ');
                line.push_str(&escape(c));
                line.push_str(" |");
            }
            line
        };
        let _ = writeln!(out, "{}", row(&cols));
        let _ = writeln!(out, "|{}", " --- |".repeat(cols.len()));
        let sources = table.has_sources();
        for i in 0..table.len() {
            let _ = writeln!(out, "{}", row(&table.flat_row_as(i, sources)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: &str, expect: &str) {
        assert_eq!(escape(cell), expect, "cell {cell:?}");
    }

    #[test]
    fn cells_are_escaped() {
        check("两手抓|两手硬", "两手抓\\|两手硬");
        check("第一行\n第二行", "第一行<br>第二行");
        check("第一行\r\n第二行", "第一行<br>第二行");
        check("a\\b", "a\\\\b");
        check("=1+1", "'=1+1");
        check("外防输入、内防反弹", "外防输入、内防反弹");
    }

    #[test]
    fn several_tables_get_headings() {
        let mut a = Table::new("矩阵", ["提法"]);
        a.push(vec!["两手抓".into()], None);
        let b = Table::new("关键性", ["地点"]);
        let md = to_string(&[a, b]);
        assert!(
            md.starts_with("## 矩阵\n\n| 提法 |\n| --- |\n| 两手抓 |\n"),
            "{md}"
        );
        assert!(md.contains("\n## 关键性\n\n| 地点 |\n| --- |\n"), "{md}");
    }
}
