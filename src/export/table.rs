//! The one table type shared by the CLI, the GUI and every export format.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{MeetingId, Span};

/// Where a row came from: the file, the meeting, its date and the sentence, so a reader of an
/// exported table can find the words in the original report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The document's path as given (or `seed:NAME`).
    pub file: String,
    /// The meeting the sentence belongs to, if the row is about one.
    pub meeting: Option<MeetingId>,
    /// The meeting's date, if known.
    pub date: Option<NaiveDate>,
    /// The sentence (directive) as a reader sees it.
    pub sentence: String,
    /// The sentence's bytes in the document's text.
    pub span: Option<Span>,
}

/// The headers of the source columns every export appends when a table has sources.
pub const SOURCE_COLUMNS: [&str; 6] = ["来源文件", "会议", "日期", "原句", "起", "止"];

impl Source {
    /// The source as cells, in the order of [`SOURCE_COLUMNS`].
    pub fn cells(&self) -> [String; 6] {
        [
            self.file.clone(),
            self.meeting.map(|m| m.to_string()).unwrap_or_default(),
            self.date.map(|d| d.to_string()).unwrap_or_default(),
            self.sentence.clone(),
            self.span.map(|s| s.start.to_string()).unwrap_or_default(),
            self.span.map(|s| s.end.to_string()).unwrap_or_default(),
        ]
    }
}

/// Columns, rows, and where each row came from.
///
/// `rows[i]` has one cell per column; `sources[i]` says where row `i` came from (`None` for rows
/// that summarise rather than quote, e.g. totals). Writers append [`SOURCE_COLUMNS`] after the
/// table's own columns whenever any row has a source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Table {
    /// The table's name, used as the XLSX sheet name.
    pub name: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// One entry per row, as many cells as columns.
    pub rows: Vec<Vec<String>>,
    /// One entry per row (same length as `rows`): where the row came from.
    pub sources: Vec<Option<Source>>,
}

impl Table {
    /// An empty table with these column headers.
    pub fn new(
        name: impl Into<String>,
        columns: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        Self {
            name: name.into(),
            columns: columns.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Appends a row; missing cells are filled with `""` and extra cells dropped so every row
    /// matches the headers.
    pub fn push(&mut self, mut cells: Vec<String>, source: Option<Source>) {
        cells.resize(self.columns.len(), String::new());
        self.rows.push(cells);
        self.sources.push(source);
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The source of row `i`, if it has one.
    pub fn source(&self, i: usize) -> Option<&Source> {
        self.sources.get(i).and_then(Option::as_ref)
    }

    /// True when at least one row names its source, so writers add the source columns.
    pub fn has_sources(&self) -> bool {
        self.sources.iter().any(Option::is_some)
    }

    /// The headers as written to flat formats: the table's columns, then the source columns when
    /// any row has a source.
    pub fn flat_columns(&self) -> Vec<String> {
        let mut cols = self.columns.clone();
        if self.has_sources() {
            cols.extend(SOURCE_COLUMNS.iter().map(|s| (*s).to_string()));
        }
        cols
    }

    /// Row `i` as written to flat formats: its cells, then its source cells (empty when it has
    /// none) when any row has a source.
    pub fn flat_row(&self, i: usize) -> Vec<String> {
        self.flat_row_as(i, self.has_sources())
    }

    /// Row `i` as [`Table::flat_row`] gives it, with `sources` the table's
    /// [`Table::has_sources`], so a writer asks that once, not once a row.
    pub fn flat_row_as(&self, i: usize, sources: bool) -> Vec<String> {
        let mut cells = self.rows.get(i).cloned().unwrap_or_default();
        cells.resize(self.columns.len(), String::new());
        if sources {
            match self.source(i) {
                Some(s) => cells.extend(s.cells()),
                None => cells.extend(std::iter::repeat_n(String::new(), SOURCE_COLUMNS.len())),
            }
        }
        cells
    }
}

/// Makes a cell safe for spreadsheets: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
/// carriage return would be read as a formula by Excel or `LibreOffice`, so it gets a leading `'`.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if is_formula_like(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// True when a spreadsheet could take `cell` for a formula. A plain negative number (`-2.5`) is
/// a number, not a formula.
pub fn is_formula_like(cell: &str) -> bool {
    let negative_number = cell.strip_prefix('-').is_some_and(|n| {
        let (int, frac) = n.split_once('.').unwrap_or((n, ""));
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        digits(int) && (frac.is_empty() || digits(frac))
    });
    !negative_number
        && matches!(
            cell.chars().next(),
            Some('=' | '+' | '-' | '@' | '\t' | '\r')
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cell: &str, expect: &str) {
        assert_eq!(neutralise(cell), expect, "cell {cell:?}");
    }

    #[test]
    fn formula_cells_are_neutralised() {
        check("=1+1", "'=1+1");
        check("+86 571", "'+86 571");
        check("-要坚持两手抓", "'-要坚持两手抓");
        check("@SUM(A1)", "'@SUM(A1)");
        check("\t=cmd", "'\t=cmd");
        check("\r=cmd", "'\r=cmd");
        check("两手抓、两手硬", "两手抓、两手硬");
        check("2020-02-03", "2020-02-03");
        check("", "");
        check("-2.75", "-2.75");
        check("-3", "-3");
        check("-3-1", "'-3-1");
        check("-", "'-");
    }

    #[test]
    fn rows_are_padded_and_sources_appended() {
        let mut t = Table::new("t", ["提法", "次数"]);
        t.push(vec!["铜墙铁壁".into()], None);
        t.push(
            vec!["两手抓".into(), "2".into(), "extra".into()],
            Some(Source {
                file: "seed:004.txt".into(),
                meeting: Some(MeetingId(3)),
                date: NaiveDate::from_ymd_opt(2020, 2, 18),
                sentence: "要坚持两手抓".into(),
                span: Some(Span::new(10, 28)),
            }),
        );
        assert_eq!(t.flat_columns().len(), 8);
        assert_eq!(t.flat_row(0), ["铜墙铁壁", "", "", "", "", "", "", ""]);
        assert_eq!(
            t.flat_row(1),
            [
                "两手抓",
                "2",
                "seed:004.txt",
                "m3",
                "2020-02-18",
                "要坚持两手抓",
                "10",
                "28"
            ]
        );
    }

    #[test]
    fn tables_without_sources_have_no_source_columns() {
        let mut t = Table::new("t", ["a"]);
        t.push(vec!["x".into()], None);
        assert_eq!(t.flat_columns(), ["a"]);
        assert_eq!(t.flat_row(0), ["x"]);
    }
}
