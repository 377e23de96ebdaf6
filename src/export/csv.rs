//! CSV: UTF-8 with a byte-order mark, so Excel opens Chinese text right, through the `csv` crate.

use super::table::neutralise;
use super::{ExportError, Table};

/// The UTF-8 byte-order mark Excel looks for before it will read a CSV file as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The table as CSV bytes: BOM, header row (with source columns when any row has a source),
/// then every row. Cells a spreadsheet would run as formulas get a leading `'`.
pub fn to_bytes(table: &Table) -> Result<Vec<u8>, ExportError> {
    let mut buf = BOM.to_vec();
    {
        let mut w = ::csv::WriterBuilder::new().from_writer(&mut buf);
        w.write_record(
            table
                .flat_columns()
                .iter()
                .map(|c| neutralise(c).into_owned()),
        )?;
        let sources = table.has_sources();
        for i in 0..table.len() {
            w.write_record(
                table
                    .flat_row_as(i, sources)
                    .iter()
                    .map(|c| neutralise(c).into_owned()),
            )?;
        }
        w.flush().map_err(::csv::Error::from)?;
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(cells: &[&str], expect: &str) {
        let mut t = Table::new("t", (0..cells.len()).map(|i| format!("c{i}")));
        t.push(cells.iter().map(|c| (*c).to_string()).collect(), None);
        let bytes = to_bytes(&t).unwrap();
        assert!(bytes.starts_with(BOM));
        let text = String::from_utf8(bytes[BOM.len()..].to_vec()).unwrap();
        let body = text.lines().nth(1).unwrap_or_default();
        assert_eq!(body, expect, "cells {cells:?}");
    }

    #[test]
    fn cells_are_quoted_and_neutralised() {
        check(&["两手抓、两手硬", "3"], "两手抓、两手硬,3");
        check(&["外防输入,内防反弹"], "\"外防输入,内防反弹\"");
        check(&["把“两手抓”落到实处"], "把“两手抓”落到实处");
        check(&["说\"好\""], "\"说\"\"好\"\"\"");
        check(
            &["=HYPERLINK(\"x\")", "-1", "-1+1"],
            "\"'=HYPERLINK(\"\"x\"\")\",-1,'-1+1",
        );
        check(&["@cmd", "+1"], "'@cmd,'+1");
    }
}
