//! Tables out: one [`Table`] type drawn by the CLI and the GUI, written as CSV, XLSX, Markdown or JSON.

pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;
pub mod xlsx;

pub use table::Table;
