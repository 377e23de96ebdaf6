//! The one table type shared by the CLI, the GUI and every export format.

/// Columns, rows, and where each row came from.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Table {
    /// The table's name, used as the XLSX sheet name.
    pub name: String,
    /// Column headers.
    pub columns: Vec<String>,
    /// One entry per row, as many cells as columns.
    pub rows: Vec<Vec<String>>,
}
