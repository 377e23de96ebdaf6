//! The export formats, named on the command line or by a file's extension.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A file format a [`Table`](super::Table) can be written as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// Comma-separated values, UTF-8 with a byte-order mark so Excel reads Chinese right.
    Csv,
    /// An Excel workbook, one sheet per table.
    Xlsx,
    /// A Markdown pipe table.
    Markdown,
    /// An array of objects keyed by column, each with its source.
    Json,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 4] = [Self::Csv, Self::Xlsx, Self::Markdown, Self::Json];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Csv => "csv",
            Self::Xlsx => "xlsx",
            Self::Markdown => "md",
            Self::Json => "json",
        }
    }

    /// True for formats that are text and can go to standard output.
    pub fn is_text(self) -> bool {
        !matches!(self, Self::Xlsx)
    }

    /// The format a path's extension names (`.csv`, `.xlsx`, `.md`, `.json`, any case), if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        path.extension()?.to_str()?.parse().ok()
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.extension())
    }
}

/// A format name that is not one of `csv`, `xlsx`, `md`, `json`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown export format {0:?} (expected csv, xlsx, md or json)")]
pub struct UnknownFormat(pub String);

impl FromStr for ExportFormat {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s
            .trim()
            .trim_start_matches('.')
            .to_ascii_lowercase()
            .as_str()
        {
            "csv" => Ok(Self::Csv),
            "xlsx" => Ok(Self::Xlsx),
            "md" | "markdown" => Ok(Self::Markdown),
            "json" => Ok(Self::Json),
            _ => Err(UnknownFormat(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, expect: Option<ExportFormat>) {
        assert_eq!(name.parse::<ExportFormat>().ok(), expect, "name {name:?}");
    }

    fn check_path(path: &str, expect: Option<ExportFormat>) {
        assert_eq!(
            ExportFormat::from_path(Path::new(path)),
            expect,
            "path {path:?}"
        );
    }

    #[test]
    fn names_parse() {
        check("csv", Some(ExportFormat::Csv));
        check("XLSX", Some(ExportFormat::Xlsx));
        check("md", Some(ExportFormat::Markdown));
        check("markdown", Some(ExportFormat::Markdown));
        check(".json", Some(ExportFormat::Json));
        check("xls", None);
        check("", None);
    }

    #[test]
    fn extensions_parse() {
        check_path("out/矩阵.csv", Some(ExportFormat::Csv));
        check_path("/tmp/提法.XLSX", Some(ExportFormat::Xlsx));
        check_path("report.md", Some(ExportFormat::Markdown));
        check_path("a.b.json", Some(ExportFormat::Json));
        check_path("noext", None);
        check_path("table.txt", None);
    }

    #[test]
    fn extension_round_trips() {
        for f in ExportFormat::ALL {
            assert_eq!(f.extension().parse::<ExportFormat>().ok(), Some(f));
        }
    }
}
