//! XLSX through `rust_xlsxwriter`: one sheet per table, bold frozen header row, column widths
//! that count CJK characters double, every text cell written as a string so nothing runs as a
//! formula.

use std::collections::BTreeSet;

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::{ExportError, Table};

/// Widest a column is made, in character widths; longer sentences stay in the cell and show
/// when it is selected.
const MAX_WIDTH: f64 = 60.0;
/// Narrowest column, so short headers stay legible.
const MIN_WIDTH: f64 = 6.0;

/// The workbook bytes: one sheet per table, named after it.
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let mut used = BTreeSet::new();
    for table in tables {
        let name = sheet_name(&table.name, &mut used);
        let sheet = workbook.add_worksheet();
        sheet.set_name(name)?;
        write_sheet(sheet, table, &header)?;
    }
    if tables.is_empty() {
        // A workbook needs one sheet to open.
        workbook.add_worksheet();
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(sheet: &mut Worksheet, table: &Table, header: &Format) -> Result<(), ExportError> {
    let cols = table.flat_columns();
    let mut widths: Vec<usize> = cols.iter().map(|c| display_width(c)).collect();
    for (c, name) in cols.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, header)?;
    }
    for i in 0..table.len() {
        let row = (i + 1) as u32;
        for (c, cell) in table.flat_row(i).iter().enumerate() {
            match plain_number(cell) {
                Some(n) => sheet.write_number(row, c as u16, n)?,
                None => sheet.write_string(row, c as u16, cell)?,
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, column_width(*w))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Display width of the widest line of `s`: CJK characters count 2, others 1.
pub fn display_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The Excel column width for content `w` character widths wide, with a little padding.
pub fn column_width(w: usize) -> f64 {
    (w as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A cell that is a plain decimal number (`3`, `12.5`, `0`), written as a number so sums and
/// sorts work in the spreadsheet. Codes with a leading zero, signs and long digit strings stay
/// text, since turning them into numbers would change them.
fn plain_number(cell: &str) -> Option<f64> {
    let (int, frac) = cell.split_once('.').unwrap_or((cell, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = digits(int)
        && (frac.is_empty() || digits(frac))
        && !cell.ends_with('.')
        && (int == "0" || !int.starts_with('0'))
        && cell.len() <= 15;
    if ok { cell.parse().ok() } else { None }
}

/// A valid, unique sheet name: Excel forbids `[]:*?/\`, a leading or trailing `'`, names over 31
/// characters and duplicates (case-insensitively).
pub fn sheet_name(name: &str, used: &mut BTreeSet<String>) -> String {
    let clean: String = name
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let clean = clean.trim().trim_matches('\'');
    let base: String = if clean.is_empty() {
        "Sheet".into()
    } else {
        clean.chars().take(31).collect()
    };
    let mut candidate = base.clone();
    let mut n = 2;
    while used.contains(&candidate.to_lowercase()) {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        candidate = base.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    used.insert(candidate.to_lowercase());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_number(cell: &str, expect: Option<f64>) {
        assert_eq!(plain_number(cell), expect, "cell {cell:?}");
    }

    fn check_width(s: &str, expect: usize) {
        assert_eq!(display_width(s), expect, "text {s:?}");
    }

    #[test]
    fn numbers_are_recognised() {
        check_number("3", Some(3.0));
        check_number("0", Some(0.0));
        check_number("12.5", Some(12.5));
        check_number("0.25", Some(0.25));
        check_number("0571", None);
        check_number("-3", None);
        check_number("3.", None);
        check_number("2020-02-03", None);
        check_number("3次", None);
        check_number("1234567890123456", None);
    }

    #[test]
    fn cjk_counts_double() {
        check_width("两手抓", 6);
        check_width("m3", 2);
        check_width("外防输入、内防反弹", 18);
        check_width("短\n更长一些", 8);
    }

    #[test]
    fn sheet_names_are_valid_and_unique() {
        let mut used = BTreeSet::new();
        assert_eq!(sheet_name("提法×地点", &mut used), "提法×地点");
        assert_eq!(sheet_name("提法×地点", &mut used), "提法×地点 (2)");
        assert_eq!(sheet_name("a/b:c", &mut used), "a_b_c");
        assert_eq!(sheet_name("'x'", &mut used), "x");
        assert_eq!(sheet_name("", &mut used), "Sheet");
        let long = "很".repeat(40);
        assert_eq!(sheet_name(&long, &mut used).chars().count(), 31);
        assert_eq!(sheet_name(&long, &mut used).chars().count(), 31);
    }
}
