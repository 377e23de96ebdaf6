//! Tables out: one [`Table`] type drawn by the CLI and the GUI, written as CSV, XLSX, Markdown or JSON.

pub mod csv;
pub mod format;
pub mod json;
pub mod markdown;
pub mod table;
pub mod write;
pub mod xlsx;

pub use format::ExportFormat;
pub use table::{SOURCE_COLUMNS, Source, Table};
pub use write::{ExportError, render, write_file};
