//! XLSX through `rust_xlsxwriter`: one sheet per table, bold frozen header row, column widths
//! that count CJK characters double, every text cell written as a string so nothing runs as a
//! formula.
//!
//! Excel's limits are met rather than failed: a cell over 32,767 characters is cut with a visible
//! mark and a note (the full text stays in CSV and JSON), and a table over 1,048,576 rows goes on
//! as many sheets as it needs. Large sheets are written in constant-memory mode.

use std::collections::BTreeSet;
use std::ops::Range;

use rust_xlsxwriter::{Format, Note, Workbook, Worksheet};
use unicode_width::UnicodeWidthStr;

use super::{ExportError, Table};

/// Widest a column is made, in character widths; longer sentences stay in the cell and show
/// when it is selected.
const MAX_WIDTH: f64 = 60.0;
/// Narrowest column, so short headers stay legible.
const MIN_WIDTH: f64 = 6.0;

/// Rows a sheet holds, its header row included.
const SHEET_ROWS: usize = 1_048_576;
/// Characters (UTF-16 units, as Excel counts) a cell holds.
const CELL_UNITS: usize = 32_767;
/// Columns a sheet holds.
const SHEET_COLUMNS: usize = 16_384;
/// Sheets with more rows than this are written in constant-memory mode.
const CONSTANT_MEMORY_ROWS: usize = 50_000;

/// The workbook bytes: one sheet per table, named after it; a table with more rows than a sheet
/// holds continues on further sheets named `name (2 of 3)`.
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    to_bytes_with(tables, SHEET_ROWS, CONSTANT_MEMORY_ROWS)
}

/// [`to_bytes`] with the rows a sheet holds and the size from which sheets stream.
fn to_bytes_with(
    tables: &[Table],
    sheet_rows: usize,
    streamed_from: usize,
) -> Result<Vec<u8>, ExportError> {
    // Checked before any work: a table too wide for Excel fails at once, not after minutes.
    if let Some(t) = tables
        .iter()
        .find(|t| t.flat_columns().len() > SHEET_COLUMNS)
    {
        return Err(ExportError::TooWide {
            table: t.name.clone(),
            columns: t.flat_columns().len(),
        });
    }
    let mut workbook = Workbook::new();
    let header = Format::new().set_bold();
    let mut used = BTreeSet::new();
    let per_sheet = sheet_rows.saturating_sub(1).max(1);
    for table in tables {
        let parts = table.len().div_ceil(per_sheet).max(1);
        for part in 0..parts {
            let name = if parts == 1 {
                sheet_name(&table.name, &mut used)
            } else {
                let suffix = format!(" ({} of {parts})", part + 1);
                let keep = 31usize.saturating_sub(suffix.chars().count());
                let base: String = table.name.chars().take(keep).collect();
                sheet_name(&(base + &suffix), &mut used)
            };
            let rows = part * per_sheet..table.len().min((part + 1) * per_sheet);
            let sheet = if rows.len() > streamed_from {
                workbook.add_worksheet_with_constant_memory()?
            } else {
                workbook.add_worksheet()
            };
            sheet.set_name(name)?;
            write_sheet(sheet, table, rows, &header)?;
        }
    }
    if tables.is_empty() {
        // A workbook needs one sheet to open.
        workbook.add_worksheet();
    }
    Ok(workbook.save_to_buffer()?)
}

fn write_sheet(
    sheet: &mut Worksheet,
    table: &Table,
    rows: Range<usize>,
    header: &Format,
) -> Result<(), ExportError> {
    let cols = table.flat_columns();
    let sources = table.has_sources();
    // Widths and panes first: a constant-memory sheet writes its rows out as they come.
    let mut widths: Vec<usize> = cols.iter().map(|c| display_width(c)).collect();
    for i in rows.clone() {
        for (c, cell) in table.flat_row_as(i, sources).iter().enumerate() {
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(display_width(cell));
            }
        }
    }
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, column_width(*w))?;
    }
    sheet.set_freeze_panes(1, 0)?;
    for (c, name) in cols.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, name, header)?;
    }
    for (r, i) in rows.enumerate() {
        let row = (r + 1) as u32;
        for (c, cell) in table.flat_row_as(i, sources).iter().enumerate() {
            let col = c as u16;
            if let Some(n) = plain_number(cell) {
                sheet.write_number(row, col, n)?;
            } else if let Some((cut, total)) = cut_cell(cell) {
                sheet.write_string(row, col, &cut)?;
                let note = Note::new(format!(
                    "Cut at Excel's limit of 32,767 characters; the full text ({total} characters) \
                     is in the CSV and JSON exports."
                ));
                sheet.insert_note(row, col, &note)?;
            } else {
                sheet.write_string(row, col, cell)?;
            }
        }
    }
    Ok(())
}

/// A cell too long for Excel, cut to fit with a visible mark, and its length in characters;
/// `None` when it fits.
fn cut_cell(cell: &str) -> Option<(String, usize)> {
    if cell.len() <= CELL_UNITS || cell.encode_utf16().count() <= CELL_UNITS {
        return None;
    }
    let total = cell.chars().count();
    let mark = format!("…〔已截断：原文 {total} 字，全文见 CSV/JSON〕");
    let room = CELL_UNITS - mark.encode_utf16().count();
    let mut units = 0;
    let mut out = String::new();
    for c in cell.chars() {
        units += c.len_utf16();
        if units > room {
            break;
        }
        out.push(c);
    }
    out.push_str(&mark);
    Some((out, total))
}

/// Display width of the widest line of `s`: CJK characters count 2, others 1.
pub fn display_width(s: &str) -> usize {
    s.lines().map(UnicodeWidthStr::width).max().unwrap_or(0)
}

/// The Excel column width for content `w` character widths wide, with a little padding.
pub fn column_width(w: usize) -> f64 {
    (w as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH)
}

/// A cell that is a plain decimal number (`3`, `12.5`, `0`, `-2.75`), written as a number so
/// sums and sorts work in the spreadsheet. Codes with a leading zero, a `+` sign and long digit
/// strings stay text, since turning them into numbers would change them.
fn plain_number(cell: &str) -> Option<f64> {
    let unsigned = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = digits(int)
        && (frac.is_empty() || digits(frac))
        && !unsigned.ends_with('.')
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
    use calamine::Reader;

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
        check_number("-3", Some(-3.0));
        check_number("-0.125", Some(-0.125));
        check_number("+3", None);
        check_number("--3", None);
        check_number("-", None);
        check_number("3.", None);
        check_number("2020-02-03", None);
        check_number("3次", None);
        check_number("1234567890123456", None);
    }

    #[test]
    fn long_cells_are_cut_with_a_mark() {
        assert_eq!(cut_cell("会议强调"), None);
        let long = "要".repeat(40_000);
        let (cut, total) = cut_cell(&long).expect("cut");
        assert_eq!(total, 40_000);
        assert!(cut.encode_utf16().count() <= CELL_UNITS);
        assert!(
            cut.ends_with("全文见 CSV/JSON〕"),
            "{}",
            &cut[cut.len() - 60..]
        );
        // Characters outside the BMP count twice, as Excel counts them.
        let (cut, _) = cut_cell(&"𠀀".repeat(20_000)).expect("cut");
        assert!(cut.encode_utf16().count() <= CELL_UNITS);
    }

    #[test]
    fn tables_longer_than_a_sheet_go_on_over_several() {
        let mut table = Table::new("表", ["编号", "原句"]);
        for i in 0..7 {
            table.push(vec![i.to_string(), "要".repeat(40_000)], None);
        }
        let bytes = to_bytes_with(&[table], 4, CONSTANT_MEMORY_ROWS).expect("xlsx");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
        assert_eq!(
            book.sheet_names(),
            ["表 (1 of 3)", "表 (2 of 3)", "表 (3 of 3)"]
        );
        let last = book.worksheet_range("表 (3 of 3)").expect("sheet");
        assert_eq!(last.height(), 2);
        assert_eq!(last.get((1, 0)), Some(&calamine::Data::Float(6.0)));
    }

    #[test]
    fn large_sheets_stream_and_still_carry_their_notes() {
        let mut table = Table::new("大表", ["编号", "原句"]);
        for i in 0..=20 {
            let text = if i == 7 {
                "要".repeat(33_000)
            } else {
                "要".into()
            };
            table.push(vec![i.to_string(), text], None);
        }
        let bytes = to_bytes_with(&[table], SHEET_ROWS, 20).expect("xlsx");
        let mut book: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).expect("opens");
        let sheet = book.worksheet_range("大表").expect("sheet");
        assert_eq!(sheet.height(), 22);
        let Some(calamine::Data::String(cut)) = sheet.get((8, 1)) else {
            panic!("no text at the cut cell");
        };
        assert!(cut.contains("已截断"), "{}", cut.len());
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
