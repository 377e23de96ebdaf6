//! JSON: an array of objects keyed by column, each with a `source` object (or `null`).

use serde_json::{Map, Value, json};

use super::{ExportError, Table};

/// One table as a JSON array: one object per row, keyed by column header, plus `source`.
pub fn to_value(table: &Table) -> Value {
    let rows = (0..table.len())
        .map(|i| {
            let mut obj = Map::new();
            for (col, cell) in table.columns.iter().zip(&table.rows[i]) {
                obj.insert(col.clone(), Value::String(cell.clone()));
            }
            let source = table.source(i).map_or(Value::Null, |s| {
                json!({
                    "file": s.file,
                    "meeting": s.meeting.map(|m| m.to_string()),
                    "date": s.date.map(|d| d.to_string()),
                    "sentence": s.sentence,
                    "start": s.span.map(|sp| sp.start),
                    "end": s.span.map(|sp| sp.end),
                })
            });
            obj.insert("source".into(), source);
            Value::Object(obj)
        })
        .collect();
    Value::Array(rows)
}

/// The tables as pretty JSON: the array of [`to_value`] for one table, or an object keyed by
/// table name for several.
pub fn to_bytes(tables: &[Table]) -> Result<Vec<u8>, ExportError> {
    let value = match tables {
        [table] => to_value(table),
        _ => Value::Object(
            tables
                .iter()
                .map(|t| (t.name.clone(), to_value(t)))
                .collect(),
        ),
    };
    let mut bytes = serde_json::to_vec_pretty(&value)?;
    bytes.push(b'\n');
    Ok(bytes)
}
