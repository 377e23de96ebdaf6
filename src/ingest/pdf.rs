//! PDF files with a text layer: the text of each page, its wrapped lines joined back into
//! paragraphs.
//!
//! The text comes from `pdf-extract` (on `lopdf`), which maps glyphs to characters through
//! each font's `ToUnicode` table, as PDFs of Chinese documents need. A PDF whose pages hold no
//! text is a scan: it is refused with a word on what to do, never read as empty.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::text::{close_cjk_gaps, is_cjk};

/// Why a PDF could not be read.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    /// The file cannot be parsed as a PDF, or its text cannot be taken out.
    #[error("the PDF cannot be read ({0})")]
    Broken(String),
    /// No page holds any text.
    #[error(
        "a scanned PDF: {} without a text layer (run it through OCR first, then add the result)",
        if *pages == 1 { "its page is an image".to_string() } else { format!("its {pages} pages are images") }
    )]
    Scanned {
        /// Pages in the file.
        pages: usize,
    },
}

/// Sentence ends: a line ending in one of these ends its paragraph even when it is long.
const ENDS: &[char] = &[
    '。', '！', '？', '；', '：', '!', '?', ';', ':', '”', '’', '」', '』', '）', ')',
];

/// The text of a PDF: pages in order, a blank line between them, each page's lines wrapped at
/// the page's width joined into the paragraph they belong to.
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfError> {
    // The parser is not written for hostile input and may panic on a damaged file; a panic
    // here is one file that cannot be read, not the end of the whole reading.
    let pages = catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }))
    .map_err(|_| PdfError::Broken("its structure is damaged".into()))?
    .map_err(|e| PdfError::Broken(e.to_string()))?;
    let texts: Vec<String> = pages.iter().map(|p| reflow(p)).collect();
    if texts.iter().all(|t| t.trim().is_empty()) {
        return Err(PdfError::Scanned { pages: pages.len() });
    }
    Ok(texts
        .into_iter()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n"))
}

/// One page's extracted text made into paragraphs: spaces the extractor put between Chinese
/// characters taken out, and a line as long as the page's longest lines that does not end a
/// sentence joined with the line after it.
fn reflow(page: &str) -> String {
    let lines: Vec<String> = page.lines().map(|l| close_cjk_gaps(l.trim())).collect();
    let widths: Vec<usize> = lines.iter().map(|l| l.chars().count()).collect();
    // The width lines wrap at: the longest line but for a stray long one, so one table row
    // does not make every other line look short.
    let mut sorted: Vec<usize> = widths.iter().copied().filter(|&w| w > 0).collect();
    sorted.sort_unstable();
    let full = sorted
        .get(sorted.len().saturating_sub(1 + sorted.len() / 10))
        .copied()
        .unwrap_or(0);
    let mut out = String::with_capacity(page.len());
    for (i, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if !out.ends_with("\n\n") && !out.is_empty() {
                if !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        let wrapped = full >= 10
            && widths[i] * 10 >= full * 9
            && !line.ends_with(ENDS)
            && lines.get(i + 1).is_some_and(|n| !n.is_empty());
        if !wrapped {
            out.push('\n');
        } else if !line.chars().last().is_some_and(is_cjk) {
            // Latin text wrapped at a line end keeps a space between its words.
            out.push(' ');
        }
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    mod build {
        include!("../../tests/common/pdf.rs");
    }

    #[test]
    fn text_layer_in_a_cid_font_is_read() {
        let pdf = build::text_pdf(&["某县召开常务会议", "会议强调，要坚持两手抓、两手硬。"]);
        let text = pdf_text(&pdf).unwrap_or_default();
        assert!(text.contains("某县召开常务会议"), "{text:?}");
        assert!(
            text.contains("会议强调，要坚持两手抓、两手硬。"),
            "{text:?}"
        );
    }

    #[test]
    fn a_scan_is_refused_saying_so() {
        let err = pdf_text(&build::scanned_pdf()).err();
        assert_eq!(err, Some(PdfError::Scanned { pages: 1 }));
        let msg = err.map(|e| e.to_string()).unwrap_or_default();
        assert!(msg.contains("scanned") && msg.contains("OCR"), "{msg}");
    }

    #[test]
    fn damaged_pdfs_are_an_error_not_a_panic() {
        let pdf = build::text_pdf(&["某县召开常务会议"]);
        for cut in [9, pdf.len() / 3, pdf.len() / 2, pdf.len() - 20] {
            let mut bytes = pdf[..cut].to_vec();
            bytes.extend_from_slice(b"garbage");
            // Whatever the parser makes of it, the answer comes back.
            let _ = pdf_text(&bytes);
        }
        assert!(matches!(
            pdf_text(b"%PDF-1.7\nnot a pdf"),
            Err(PdfError::Broken(_))
        ));
    }

    #[test]
    fn wrapped_lines_join_into_their_paragraph() {
        let page = "某县召开常务会议\n\
                    会议强调，要坚持人民至上、生命至上，坚决守住不发生规模性疫\n\
                    情的底线，统筹推进疫情防控和经济社会发展各项工作。\n\
                    \n\
                    会议指出，要抓紧抓实抓细各项防控措施。";
        assert_eq!(
            reflow(page),
            "某县召开常务会议\n\
             会议强调，要坚持人民至上、生命至上，坚决守住不发生规模性疫情的底线，统筹推进疫情防控和经济社会发展各项工作。\n\
             \n\
             会议指出，要抓紧抓实抓细各项防控措施。"
        );
        // A line ending a sentence stays a line however long it is.
        let page = "一二三四五六七八九十一二三四五六七八九十。\n一二三四五六七八九十一二三四五六七八九十\n完";
        assert_eq!(
            reflow(page),
            "一二三四五六七八九十一二三四五六七八九十。\n一二三四五六七八九十一二三四五六七八九十完"
        );
    }
}
