//! The eval report as a terminal table.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

use super::EvalReport;
use super::fields::Field;
use super::score::{GroupScore, Score};

/// Writes the report for a person to read: the overall figures, each field's accuracy, the
/// figures per province and per outlet, then every disagreement.
pub fn write_text(out: &mut dyn Write, report: &EvalReport) -> io::Result<()> {
    let s = &report.overall;
    let t = &s.tally;
    writeln!(
        out,
        "meetings: {} labelled, {} found, {} paired: precision {}, recall {}, F1 {}",
        t.labelled,
        t.found,
        t.matched,
        percent(s.precision),
        percent(s.recall),
        percent(s.f1)
    )?;
    writeln!(
        out,
        "pages: {} scored; {} meeting reports ({} with a meeting found), {} near misses ({} with a meeting found)",
        t.files, t.reports, t.reports_found, t.near_misses, t.near_misses_flagged
    )?;
    writeln!(out)?;
    let mut rows = vec![cells(&["field", "right", "of", "accuracy"])];
    for f in &s.fields {
        rows.push(vec![
            f.field.as_str().to_string(),
            f.right.to_string(),
            f.of.to_string(),
            percent(f.accuracy),
        ]);
    }
    write_columns(out, &rows)?;
    for (heading, groups) in [
        ("province", &report.by_province),
        ("outlet", &report.by_outlet),
    ] {
        writeln!(out)?;
        write_columns(out, &group_rows(heading, groups))?;
    }
    writeln!(out)?;
    writeln!(out, "disagreements: {}", report.disagreements.len())?;
    if !report.disagreements.is_empty() {
        let mut rows = vec![cells(&["file", "field", "expected", "got"])];
        rows.extend(report.disagreements.iter().map(|d| {
            vec![
                d.file.clone(),
                d.field.clone(),
                d.expected.clone(),
                d.got.clone(),
            ]
        }));
        write_columns(out, &rows)?;
    }
    if !report.unlabelled.is_empty() {
        writeln!(out)?;
        writeln!(out, "not scored (no label): {}", report.unlabelled.len())?;
        for p in &report.unlabelled {
            writeln!(out, "  {p}")?;
        }
    }
    for p in &report.problems {
        writeln!(out, "problem: {}: {}", p.message, p.path)?;
    }
    Ok(())
}

/// One row per group: pages, meetings, P/R/F1 and each field as `right/of`.
fn group_rows(heading: &str, groups: &[GroupScore]) -> Vec<Vec<String>> {
    let mut head = cells(&[heading, "pages", "labelled", "found", "P", "R", "F1"]);
    head.extend(Field::ALL.iter().map(|f| f.as_str().to_string()));
    let mut rows = vec![head];
    for g in groups {
        rows.push(group_row(&g.name, &g.score));
    }
    rows
}

fn group_row(name: &str, s: &Score) -> Vec<String> {
    let t = &s.tally;
    let mut row = vec![
        name.to_string(),
        t.files.to_string(),
        t.labelled.to_string(),
        t.found.to_string(),
        percent(s.precision),
        percent(s.recall),
        percent(s.f1),
    ];
    row.extend(s.fields.iter().map(|f| format!("{}/{}", f.right, f.of)));
    row
}

fn cells(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_string()).collect()
}

fn percent(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

/// Writes rows as columns padded to their widest cell, two spaces apart, by display width so
/// that Chinese lines up.
fn write_columns(out: &mut dyn Write, rows: &[Vec<String>]) -> io::Result<()> {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..n)
        .map(|i| {
            rows.iter()
                .filter_map(|r| r.get(i))
                .map(|c| c.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                let pad = widths[i].saturating_sub(cell.width()) + 2;
                line.extend(std::iter::repeat_n(' ', pad));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(rows: &[&[&str]], expect: &[&str]) {
        let rows: Vec<Vec<String>> = rows.iter().map(|r| cells(r)).collect();
        let mut out = Vec::new();
        write_columns(&mut out, &rows).unwrap();
        let got = String::from_utf8(out).unwrap();
        assert_eq!(got.lines().collect::<Vec<_>>(), expect);
    }

    #[test]
    fn columns_line_up_by_display_width() {
        check(&[&["a", "b"], &["ccc", "d"]], &["a    b", "ccc  d"]);
        check(&[&["省", "1"], &["abc", "2"]], &["省   1", "abc  2"]);
        check(&[&["县委常委会", "x"], &["a", ""]], &["县委常委会  x", "a"]);
        check(&[], &[]);
    }
}
