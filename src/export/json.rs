//! JSON: an array of objects keyed by column, each with a `source` object (or `null`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{ExportError, Source, Table};

/// One table row in JSON: the cells keyed by column header, and where the row came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableRow {
    /// Cell text by column header.
    #[serde(flatten)]
    pub cells: BTreeMap<String, String>,
    /// Where the row came from, or `null`.
    pub source: Option<RowSource>,
}

/// The source of a row: file, meeting, date, sentence and its byte range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RowSource {
    /// The document's path as given.
    pub file: String,
    /// The meeting (`m3`), if the row is about one.
    pub meeting: Option<String>,
    /// The meeting's date.
    pub date: Option<NaiveDate>,
    /// The sentence as a reader sees it.
    pub sentence: String,
    /// First byte of the sentence in the document's text.
    pub start: Option<usize>,
    /// One past its last byte.
    pub end: Option<usize>,
}

impl RowSource {
    fn new(s: &Source) -> Self {
        Self {
            file: s.file.clone(),
            meeting: s.meeting.map(|m| m.to_string()),
            date: s.date,
            sentence: s.sentence.clone(),
            start: s.span.map(|sp| sp.start),
            end: s.span.map(|sp| sp.end),
        }
    }
}

/// One table as JSON rows: one object per row, keyed by column header, plus `source`.
pub fn rows(table: &Table) -> Vec<TableRow> {
    (0..table.len())
        .map(|i| TableRow {
            cells: table
                .columns
                .iter()
                .cloned()
                .zip(table.rows[i].iter().cloned())
                .collect(),
            source: table.source(i).map(RowSource::new),
        })
        .collect()
}

/// The tables as pretty JSON: the array of [`rows`] for one table, or an object keyed by
/// table name for several.
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let mut bytes = if let [table] = tables {
        serde_json::to_vec_pretty(&rows(table))?
    } else {
        let by_name: BTreeMap<&str, Vec<TableRow>> =
            tables.iter().map(|t| (t.name.as_str(), rows(t))).collect();
        serde_json::to_vec_pretty(&by_name)?
    };
    bytes.push(b'\n');
    Ok(bytes)
}
