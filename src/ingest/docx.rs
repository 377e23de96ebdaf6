//! Word documents (`.docx`): the paragraphs of `word/document.xml`, one per line.
//!
//! A `.docx` is a ZIP archive of XML parts. Only the main document part is read; headers,
//! footers and comments are page furniture for this purpose.

use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::Event;

/// The largest `word/document.xml` read, uncompressed; a larger one is a ZIP bomb, not a report.
const MAX_XML_BYTES: u64 = 64 * 1024 * 1024;

/// How many times its compressed size the document part may expand to. Word's XML compresses
/// about ten to one and long tables perhaps thirty; a hundred is a bomb.
const MAX_RATIO: u64 = 100;

/// Parts smaller than this are read whatever their ratio: a short letter of repeated runs
/// compresses far better than a report, and is harmless.
const RATIO_FREE_BYTES: u64 = 4 * 1024 * 1024;

/// Why a ZIP could not be read as a Word document.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DocxError {
    /// The bytes are not a ZIP archive at all.
    #[error("not a zip archive")]
    NotZip,
    /// A ZIP archive without the main document part.
    #[error("it has no word/document.xml")]
    NoDocument,
    /// The document part is there but cannot be read or parsed.
    #[error("word/document.xml cannot be read ({0})")]
    Broken(String),
    /// The document part expands to more than a report can hold: a ZIP bomb.
    #[error("word/document.xml expands to more than {limit} bytes ({compressed} compressed)")]
    TooLarge {
        /// The most it was allowed to expand to.
        limit: u64,
        /// Its compressed size.
        compressed: u64,
    },
}

/// The text of a `.docx`: each `w:p` a line, `w:t` its text, `w:tab` a tab, `w:br`/`w:cr` a line
/// break. Deleted revisions, field codes and the fallback copies of text boxes are left out.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| DocxError::NotZip)?;
    let mut part = match archive.by_name("word/document.xml") {
        Ok(part) => part,
        Err(zip::result::ZipError::FileNotFound) => return Err(DocxError::NoDocument),
        Err(e) => return Err(DocxError::Broken(e.to_string())),
    };
    let compressed = part.compressed_size();
    let limit = if compressed.saturating_mul(MAX_RATIO) < RATIO_FREE_BYTES {
        RATIO_FREE_BYTES
    } else {
        compressed.saturating_mul(MAX_RATIO).min(MAX_XML_BYTES)
    };
    let too_large = DocxError::TooLarge { limit, compressed };
    if part.size() > limit {
        return Err(too_large);
    }
    // The declared size may lie: the reader stops one byte past the limit, and the XML is
    // streamed, so memory holds the text, never the whole part.
    let mut head = [0u8; 2];
    let mut limited = part.by_ref().take(limit + 1);
    let read = limited
        .read(&mut head)
        .map_err(|e| DocxError::Broken(e.to_string()))?;
    let rest = Cursor::new(head[..read].to_vec()).chain(limited);
    if head[..read] == [0xFF, 0xFE] || head[..read] == [0xFE, 0xFF] {
        // UTF-16 XML (rare, but Word reads it): decode whole, within the same limit.
        let mut xml = Vec::new();
        let mut rest = rest;
        rest.read_to_end(&mut xml)
            .map_err(|e| DocxError::Broken(e.to_string()))?;
        if xml.len() as u64 > limit {
            return Err(too_large);
        }
        let xml = super::decode::decode(&xml, None).text;
        return paragraphs(Reader::from_str(&xml), limit);
    }
    let mut counted = Counted {
        inner: rest,
        read: 0,
    };
    let result = paragraphs(Reader::from_reader(BufReader::new(&mut counted)), limit);
    if counted.read > limit {
        return Err(too_large);
    }
    result
}

/// A reader that counts the bytes it has given out.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// What a ZIP archive that is not a Word document holds, from its entry names.
pub fn archive_kind(bytes: &[u8]) -> &'static str {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return "a ZIP archive";
    };
    let has = |name: &str| archive.index_for_name(name).is_some();
    if has("xl/workbook.xml") {
        "an Excel workbook (.xlsx)"
    } else if has("ppt/presentation.xml") {
        "a PowerPoint presentation (.pptx)"
    } else if has("META-INF/container.xml") {
        "an EPUB book"
    } else if has("content.xml") && has("mimetype") {
        "an OpenDocument file"
    } else {
        "a ZIP archive"
    }
}

/// Walks the `WordprocessingML` and writes one line per paragraph; the text written is bounded
/// by `limit` bytes too.
fn paragraphs<R: std::io::BufRead>(mut reader: Reader<R>, limit: u64) -> Result<String, DocxError> {
    let mut buf = Vec::new();
    let mut out = String::new();
    // Depth inside elements whose text is not part of the reading text.
    let mut skip = 0usize;
    let mut in_text = false;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| DocxError::Broken(format!("{e} at byte {}", reader.buffer_position())))?;
        if out.len() as u64 > limit {
            return Err(DocxError::Broken(format!(
                "more than {limit} bytes of text"
            )));
        }
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "Fallback" | "delText" | "instrText" => skip += 1,
                _ if skip > 0 => {}
                "t" => in_text = true,
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "Fallback" | "delText" | "instrText" => skip = skip.saturating_sub(1),
                _ if skip > 0 => {}
                "t" => in_text = false,
                "p" => end_line(&mut out),
                _ => {}
            },
            Event::Empty(e) if skip == 0 => match e.local_name().as_ref() {
                "tab" => out.push('\t'),
                "br" | "cr" => out.push('\n'),
                "noBreakHyphen" => out.push('-'),
                "p" => end_line(&mut out),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => out.push_str(&t.xml10_content()),
            Event::CData(t) if in_text && skip == 0 => {
                out.push_str(&t.into_inner());
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    out.push(c);
                } else if let Some(s) = resolve_predefined_entity(&r) {
                    out.push_str(s);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out.trim_end_matches('\n').to_string())
}

/// Ends a paragraph; an empty paragraph adds no blank line.
fn end_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn check(body: &str, expect: &str) {
        let xml = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#
        );
        assert_eq!(
            paragraphs(Reader::from_str(&xml), u64::MAX),
            Ok(expect.to_string()),
            "{body}"
        );
    }

    #[test]
    fn paragraphs_and_runs() {
        check(
            "<w:p><w:r><w:t>会议强调</w:t></w:r></w:p><w:p><w:r><w:t>要坚持两手抓</w:t></w:r></w:p>",
            "会议强调\n要坚持两手抓",
        );
        check(
            r#"<w:p><w:r><w:t xml:space="preserve">两手抓、</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>两手都要硬</w:t></w:r></w:p>"#,
            "两手抓、两手都要硬",
        );
        check(
            "<w:p><w:r><w:t>日期</w:t><w:tab/><w:t>2020年2月3日</w:t><w:br/><w:t>星期一</w:t></w:r></w:p>",
            "日期\t2020年2月3日\n星期一",
        );
        check(
            "<w:p/><w:p><w:r><w:t>正文</w:t></w:r></w:p><w:p></w:p>",
            "正文",
        );
        check(
            "<w:p><w:r><w:t>A&amp;B &#x3001; &lt;</w:t></w:r></w:p>",
            "A&B 、 <",
        );
        check(
            "<w:p><w:r><w:delText>删去的</w:delText></w:r><w:r><w:t>保留的</w:t></w:r></w:p>",
            "保留的",
        );
        check(
            "<w:p><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:t>3</w:t></w:r></w:p>",
            "3",
        );
        check(
            "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>地区</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>确诊</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
            "地区\n确诊",
        );
    }

    #[test]
    fn broken_xml_is_an_error() {
        assert!(matches!(
            paragraphs(Reader::from_str("<w:p><w:t>未闭合</w:p>"), u64::MAX),
            Err(DocxError::Broken(_))
        ));
    }

    #[test]
    fn not_a_zip() {
        assert_eq!(docx_text(b"PK\x03\x04 not really"), Err(DocxError::NotZip));
        assert_eq!(docx_text("纯文本".as_bytes()), Err(DocxError::NotZip));
        assert_eq!(archive_kind(b"PK\x03\x04"), "a ZIP archive");
    }
}
