//! Rendering tables to bytes and writing them to disk atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{ExportFormat, Table, csv, json, markdown, xlsx};

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// CSV holds one table; several were given.
    #[error("a CSV file holds one table, {0} were given")]
    OneTableOnly(usize),
    /// The CSV writer failed.
    #[error("writing CSV: {0}")]
    Csv(#[from] ::csv::Error),
    /// The XLSX writer failed (e.g. more rows than a sheet can hold).
    #[error("writing XLSX: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// The JSON writer failed.
    #[error("writing JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A table has more columns than an Excel sheet holds.
    #[error("table {table} has {columns} columns, more than the 16,384 an Excel sheet holds")]
    TooWide {
        /// The table's name.
        table: String,
        /// Its columns.
        columns: usize,
    },
    /// Reading or writing the file failed.
    #[error("{source}: {}", path.display())]
    Io {
        /// What went wrong.
        source: std::io::Error,
        /// The file being written.
        path: PathBuf,
    },
}

/// The bytes of `tables` in `format`: CSV takes one table; Markdown puts a heading over each
/// table when there are several; JSON gives an array for one table and an object keyed by table
/// name for several; XLSX puts each table on its own sheet.
pub fn render(tables: &[Table], format: ExportFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        ExportFormat::Csv => match tables {
            [table] => csv::to_bytes(table),
            _ => Err(ExportError::OneTableOnly(tables.len())),
        },
        ExportFormat::Xlsx => xlsx::to_bytes(tables),
        ExportFormat::Markdown => Ok(markdown::to_string(tables).into_bytes()),
        ExportFormat::Json => json::to_bytes(tables),
    }
}

/// Writes `tables` to `path` in `format`. The bytes go to a temporary file beside `path` that is
/// then renamed over it, so a reader never sees half a file and a failed export leaves the old
/// file as it was.
pub fn write_file(path: &Path, format: ExportFormat, tables: &[Table]) -> Result<(), ExportError> {
    let bytes = render(tables, format)?;
    write_atomic(path, &bytes)
}

/// Writes `bytes` to a temporary file in `path`'s folder, flushes it, and renames it to `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        source,
        path: path.to_path_buf(),
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "export".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    // An export written over an older one keeps that file's permissions (a private 0600 file
    // stays private).
    let keep = std::fs::metadata(path).ok().map(|m| m.permissions());
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Some(permissions) = keep {
            std::fs::set_permissions(&tmp, permissions)?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        // Best effort: the temporary file is ours and useless once the write failed.
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(io)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_refuses_several_tables() {
        let t = Table::new("a", ["x"]);
        let err = render(&[t.clone(), t], ExportFormat::Csv).err();
        assert!(matches!(err, Some(ExportError::OneTableOnly(2))));
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("提法.md");
        std::fs::write(&path, "old").unwrap();
        let mut t = Table::new("矩阵", ["提法"]);
        t.push(vec!["两手抓".into()], None);
        write_file(&path, ExportFormat::Markdown, &[t]).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("| 两手抓 |"), "{text}");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[cfg(unix)]
    #[test]
    fn overwriting_keeps_the_files_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("private.csv");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let mut t = Table::new("矩阵", ["提法"]);
        t.push(vec!["两手抓".into()], None);
        write_file(&path, ExportFormat::Csv, &[t]).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn write_into_missing_folder_names_the_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("no/such/dir/x.csv");
        let err = write_file(&path, ExportFormat::Csv, &[Table::new("a", ["x"])]).err();
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.ends_with("x.csv"), "{msg}");
    }
}
