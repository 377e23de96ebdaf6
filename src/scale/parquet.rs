//! One table as one Parquet file, through the `parquet` crate's column writers: text, whole
//! numbers and dates, each of them nullable, Snappy-compressed, in one row group.

use std::fs::File;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type, Int64Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

use super::ScaleError;

/// A column's values, `None` for null.
#[derive(Clone, Debug)]
pub enum Values {
    /// UTF-8 text (`VARCHAR` in `DuckDB`, `string` in Spark).
    Text(Vec<Option<String>>),
    /// 64-bit integers (`BIGINT`).
    Int(Vec<Option<i64>>),
    /// Calendar dates (`DATE`).
    Date(Vec<Option<NaiveDate>>),
}

impl Values {
    fn len(&self) -> usize {
        match self {
            Self::Text(v) => v.len(),
            Self::Int(v) => v.len(),
            Self::Date(v) => v.len(),
        }
    }

    fn schema_line(&self, name: &str) -> String {
        match self {
            Self::Text(_) => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
            Self::Int(_) => format!("OPTIONAL INT64 {name};"),
            Self::Date(_) => format!("OPTIONAL INT32 {name} (DATE);"),
        }
    }
}

/// A table being filled column by column.
#[derive(Clone, Debug, Default)]
pub struct Columns {
    columns: Vec<(&'static str, Values)>,
}

impl Columns {
    /// Adds a column.
    pub fn add(&mut self, name: &'static str, values: Values) -> &mut Self {
        self.columns.push((name, values));
        self
    }

    /// Rows in the table (that of its first column).
    pub fn rows(&self) -> usize {
        self.columns.first().map_or(0, |(_, v)| v.len())
    }

    /// Writes the table to `path` as a Parquet file whose schema is called `name`.
    pub fn write(&self, path: &Path, name: &str) -> Result<(), ScaleError> {
        let bad = |e: &dyn std::fmt::Display| ScaleError::Parquet {
            path: path.display().to_string(),
            message: e.to_string(),
        };
        let rows = self.rows();
        if let Some((col, _)) = self.columns.iter().find(|(_, v)| v.len() != rows) {
            return Err(bad(&format!("column {col} is not {rows} rows long")));
        }
        let lines: Vec<String> = self.columns.iter().map(|(n, v)| v.schema_line(n)).collect();
        let schema = parse_message_type(&format!("message {name} {{ {} }}", lines.join(" ")))
            .map_err(|e| bad(&e))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let file = File::create(path).map_err(|e| ScaleError::io(path, &e))?;
        let mut writer = SerializedFileWriter::new(file, Arc::new(schema), Arc::new(props))
            .map_err(|e| bad(&e))?;
        let mut group = writer.next_row_group().map_err(|e| bad(&e))?;
        let mut columns = self.columns.iter();
        while let Some(mut column) = group.next_column().map_err(|e| bad(&e))? {
            let Some((_, values)) = columns.next() else {
                return Err(bad(&"more columns in the schema than given"));
            };
            let written = match values {
                Values::Text(v) => {
                    let (defs, vals) = levels(v, |s| ByteArray::from(s.as_bytes().to_vec()));
                    column
                        .typed::<ByteArrayType>()
                        .write_batch(&vals, Some(&defs), None)
                }
                Values::Int(v) => {
                    let (defs, vals) = levels(v, |x| *x);
                    column
                        .typed::<Int64Type>()
                        .write_batch(&vals, Some(&defs), None)
                }
                Values::Date(v) => {
                    let (defs, vals) = levels(v, |d| days_since_epoch(*d));
                    column
                        .typed::<Int32Type>()
                        .write_batch(&vals, Some(&defs), None)
                }
            };
            written.map_err(|e| bad(&e))?;
            column.close().map_err(|e| bad(&e))?;
        }
        group.close().map_err(|e| bad(&e))?;
        let file = writer.into_inner().map_err(|e| bad(&e))?;
        // The file is complete on disk before a shard is called done.
        file.sync_all().map_err(|e| ScaleError::io(path, &e))
    }
}

/// Definition levels (1 present, 0 null) and the present values.
fn levels<T, U>(values: &[Option<T>], f: impl Fn(&T) -> U) -> (Vec<i16>, Vec<U>) {
    let defs = values.iter().map(|v| i16::from(v.is_some())).collect();
    let vals = values.iter().flatten().map(f).collect();
    (defs, vals)
}

/// Parquet's `DATE`: days since 1970-01-01.
fn days_since_epoch(d: NaiveDate) -> i32 {
    (d - NaiveDate::default()).num_days() as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use parquet::file::reader::{FileReader, SerializedFileReader};

    #[test]
    fn a_table_with_nulls_reads_back_row_for_row() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("t.parquet");
        let date = NaiveDate::from_ymd_opt(2020, 2, 3);
        let mut t = Columns::default();
        t.add("name", Values::Text(vec![Some("永康".into()), None]))
            .add("n", Values::Int(vec![None, Some(7)]))
            .add("day", Values::Date(vec![date, None]));
        t.write(&path, "t").unwrap_or_else(|e| panic!("{e}"));
        let file = File::open(&path).unwrap_or_else(|e| panic!("{e}"));
        let reader = SerializedFileReader::new(file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(reader.metadata().file_metadata().num_rows(), 2);
        let rows: Vec<String> = reader
            .get_row_iter(None)
            .unwrap_or_else(|e| panic!("{e}"))
            .map(|r| r.map_or_else(|e| e.to_string(), |r| r.to_string()))
            .collect();
        assert_eq!(
            rows,
            [
                "{name: \"永康\", n: null, day: 2020-02-03}",
                "{name: null, n: 7, day: null}"
            ]
        );
    }

    #[test]
    fn columns_of_different_lengths_are_refused() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mut t = Columns::default();
        t.add("a", Values::Int(vec![Some(1)]))
            .add("b", Values::Int(vec![]));
        let err = t.write(&dir.path().join("t.parquet"), "t");
        assert!(err.is_err_and(|e| e.to_string().contains("column b")));
    }
}
