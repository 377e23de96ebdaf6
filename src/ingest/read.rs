//! Files and folders in, a [`Corpus`] of decoded documents and problems out.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;

use super::docx::{self, DocxError};
use super::pdf::{self, PdfError};
use super::segmented;
use super::walk::{collect, read_file};
use super::{decode, html, script};
use crate::model::{DocId, Document, Format, PageMeta, Problem};
use crate::progress::{Cancelled, Progress};

/// The documents read so far and the problems met reading them.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// Decoded documents, ids in order.
    pub documents: Vec<Document>,
    /// Files that could not be read, one line each.
    pub problems: Vec<Problem>,
}

/// Limits for reading.
#[derive(Clone, Debug)]
pub struct ReadConfig {
    /// Files larger than this are refused with a problem.
    pub max_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> Self {
        Self {
            max_bytes: 64 * 1024 * 1024,
        }
    }
}

/// One file decoded to text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// `UTF-8`, `UTF-8 (BOM)`, `UTF-16LE`, `UTF-16BE`, `GB18030` (also GBK/GB2312 files) or
    /// another `encoding_rs` name such as `Big5`; see [`decode::decode`].
    pub encoding: String,
    /// How it was stored.
    pub format: Format,
    /// Its text, HTML and DOCX reduced to paragraphs, line breaks normalised to `\n`.
    pub text: String,
    /// Non-fatal problems, e.g. `3 malformed byte sequences replaced (not valid GB18030)`.
    pub problems: Vec<String>,
    /// What an HTML page says about itself (publication time, address, site, title).
    pub meta: PageMeta,
}

/// Why a file could not be read. Messages name what the file looks like; the path is kept
/// apart, in [`Problem::path`].
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file holds no bytes.
    #[error("empty file")]
    Empty,
    /// The file holds only spaces and line breaks.
    #[error("empty file: only whitespace")]
    Blank,
    /// An HTML page or Word document with no visible text.
    #[error("no text: {0}")]
    NoText(&'static str),
    /// The bytes are a known non-text format.
    #[error("not text: looks like {0}")]
    NotText(&'static str),
    /// The bytes decode to mostly control characters.
    #[error(
        "not text: looks like binary data ({control} control characters in the first {sampled})"
    )]
    Binary {
        /// Control characters found.
        control: usize,
        /// Characters looked at.
        sampled: usize,
    },
    /// Too many byte sequences are invalid in the best encoding found.
    #[error(
        "not text: looks like binary data ({malformed} byte sequences not valid in {encoding}, the best guess)"
    )]
    Undecodable {
        /// Invalid sequences.
        malformed: usize,
        /// The encoding tried.
        encoding: String,
    },
    /// A `.docx` (or a ZIP holding `word/document.xml`) that cannot be read.
    #[error("not a Word document: {0}")]
    BadDocx(#[from] DocxError),
    /// A PDF that cannot be read, or one without a text layer.
    #[error("{0}")]
    BadPdf(#[from] PdfError),
    /// The file is larger than [`ReadConfig::max_bytes`].
    #[error("file too large: {}, the limit is {}", human_size(*size), human_size(*limit))]
    TooLarge {
        /// The file's size.
        size: u64,
        /// The limit it exceeds.
        limit: u64,
    },
    /// A folder given to read holds no files (hidden and system files do not count).
    #[error("empty folder: no files to read")]
    EmptyFolder,
    /// The path does not exist.
    #[error("no such file or folder")]
    Missing,
    /// The operating system refused to read it.
    #[error("cannot read: {0}")]
    Io(String),
    /// A FIFO, socket or device: never read, since reading one can block forever.
    #[error("not a regular file: {0}")]
    NotRegular(&'static str),
}

/// A size for people: `500.0 MB`, `4.9 KB`, `1000 bytes`.
fn human_size(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB {
        format!("{:.1} MB", b / (KB * KB))
    } else if b >= KB {
        format!("{:.1} KB", b / KB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Extensions read as HTML whatever their content looks like.
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "shtml", "xhtml"];

/// Decodes one file's bytes; `name` (a path or file name) supplies the extension.
///
/// The content decides before the name does: a PDF called `.txt` is refused as a PDF, a Word
/// document called `.zip` is read as one, and HTML pasted into a `.txt` is read as HTML.
/// Pre-segmented text (words separated by spaces) is joined again and a page in traditional
/// script is read as simplified, each with a note; this runs on the thread that read the file.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Decoded, IngestError> {
    let mut d = decode_bytes(name, bytes)?;
    if let Some(text) = segmented::unsegment(&d.text) {
        d.text = text;
        d.problems.push(segmented::NOTE.to_string());
    }
    if let Some((text, notes)) = script::simplify(&d.text) {
        d.text = text;
        d.problems.extend(notes);
    }
    Ok(d)
}

/// [`read_bytes`] before the text is joined or simplified.
fn decode_bytes(name: &str, bytes: &[u8]) -> Result<Decoded, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let ext = extension(name);
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return read_zip(&ext, bytes);
    }
    if bytes.starts_with(b"%PDF-") {
        return read_pdf(bytes);
    }
    if ext == "docx" {
        return Err(match decode::sniff_binary(bytes) {
            Some(kind) => IngestError::NotText(kind),
            None => DocxError::NotZip.into(),
        });
    }
    if let Some(kind) = decode::sniff_binary(bytes) {
        return Err(IngestError::NotText(kind));
    }
    let html_ext = HTML_EXTENSIONS.contains(&ext.as_str());
    let declared = if html_ext || contains_ascii_ci(&bytes[..bytes.len().min(4096)], b"<meta") {
        decode::declared_charset(bytes)
    } else {
        None
    };
    let decoded = decode::decode(bytes, declared);
    let (control, sampled) = decode::count_controls(&decoded.text);
    // Real text has next to no control characters; random or binary bytes have about one in
    // eight. One in twenty is far from both.
    if control * 20 > sampled {
        return Err(IngestError::Binary { control, sampled });
    }
    // A few damaged bytes are a note; one bad sequence in ten characters is not text at all.
    // Characters are counted only when there is damage to weigh.
    if decoded.malformed > 0 && decoded.malformed * 10 > decoded.text.chars().count() {
        return Err(IngestError::Undecodable {
            malformed: decoded.malformed,
            encoding: decoded.encoding,
        });
    }
    let mut problems = Vec::new();
    if let Some(note) = &decoded.mixed {
        problems.push(note.clone());
    }
    if decoded.malformed > 0 {
        problems.push(malformed_note(decoded.malformed, &decoded.encoding));
    }
    if decoded.doubtful {
        problems.push(format!(
            "encoding guessed as {}: check that the text reads correctly",
            decoded.encoding
        ));
    }
    let markdown = matches!(ext.as_str(), "md" | "markdown");
    let mut meta = PageMeta::default();
    let (format, text) = if html_ext || (!markdown && html::is_html_document(&decoded.text)) {
        let (text, m) = html::read_html(&decoded.text, false);
        meta = m;
        (Format::Html, text)
    } else if html::has_html_tags(&decoded.text) {
        // Tags among the lines of a text or Markdown file: strip them, keep the lines.
        let format = if markdown {
            Format::Markdown
        } else {
            Format::Html
        };
        let (text, m) = html::read_html(&decoded.text, true);
        meta = m;
        (format, text)
    } else if markdown {
        (Format::Markdown, decoded.text)
    } else {
        (Format::Text, decoded.text)
    };
    if text.trim().is_empty() {
        return Err(if format == Format::Html {
            IngestError::NoText("the HTML page has no visible text")
        } else {
            IngestError::Blank
        });
    }
    Ok(Decoded {
        encoding: decoded.encoding,
        format,
        text,
        problems,
        meta,
    })
}

/// A ZIP archive: a Word document is read, anything else is refused by what it holds.
fn read_zip(ext: &str, bytes: &[u8]) -> Result<Decoded, IngestError> {
    match docx::docx_text(bytes) {
        Ok(text) if text.trim().is_empty() => {
            Err(IngestError::NoText("the Word document has no paragraphs"))
        }
        Ok(text) => Ok(Decoded {
            encoding: "UTF-8".into(),
            format: Format::Docx,
            text,
            problems: Vec::new(),
            meta: PageMeta::default(),
        }),
        Err(e @ DocxError::Broken(_)) => Err(e.into()),
        Err(e) if ext == "docx" => Err(e.into()),
        Err(_) => Err(IngestError::NotText(docx::archive_kind(bytes))),
    }
}

/// A PDF: its text layer, or an error saying it has none.
fn read_pdf(bytes: &[u8]) -> Result<Decoded, IngestError> {
    let text = pdf::pdf_text(bytes)?;
    Ok(Decoded {
        encoding: "PDF".into(),
        format: Format::Pdf,
        text,
        problems: Vec::new(),
        meta: PageMeta::default(),
    })
}

fn malformed_note(count: usize, encoding: &str) -> String {
    let noun = if count == 1 { "sequence" } else { "sequences" };
    format!("{count} malformed byte {noun} replaced (not valid {encoding})")
}

/// The lowercase extension of a path or file name, `""` when there is none.
fn extension(name: &str) -> String {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn contains_ascii_ci(haystack: &[u8], needle: &[u8]) -> bool {
    // A text with no needle's first byte at all, which memchr finds at once, is most texts.
    needle.first().is_none_or(|b| {
        haystack.contains(&b.to_ascii_lowercase()) || haystack.contains(&b.to_ascii_uppercase())
    }) && haystack
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

impl Corpus {
    /// Decodes `bytes` and adds them as a document labelled `path`, or records a problem.
    pub fn add_bytes(&mut self, path: &str, bytes: &[u8]) {
        self.push(path.to_string(), read_bytes(path, bytes).map(shared));
    }

    /// Adds one read result: a document with the next id, or a problem.
    fn push(&mut self, path: String, result: Result<(Decoded, Arc<str>), IngestError>) {
        match result {
            Ok((d, text)) => {
                let id = DocId(self.documents.len() as u32);
                self.documents.push(Document {
                    id,
                    path,
                    encoding: d.encoding,
                    format: d.format,
                    text: text.into(),
                    published: None,
                    place: None,
                    problems: d.problems,
                    meta: d.meta,
                });
            }
            Err(e) => self.problems.push(Problem {
                path,
                message: e.to_string(),
            }),
        }
    }
}

/// A read file with its text moved into the shared form a document holds (one copy, made on
/// the thread that read it).
fn shared(mut d: Decoded) -> (Decoded, Arc<str>) {
    let text = Arc::from(std::mem::take(&mut d.text));
    (d, text)
}

/// Reads files and folders into a corpus.
///
/// Folders are read recursively; hidden entries (`.git`, `.DS_Store`), `Thumbs.db`,
/// `desktop.ini` and Office lock files (`~$…`) inside them are skipped silently, every other
/// file either loads or becomes a [`Problem`]. A path given explicitly is always tried. Files
/// are read in parallel but come out sorted by path, with [`DocId`]s in that order; problems are
/// sorted by path too. `progress` hears how many files are read (a hundred times a second and
/// at the end), and `Break` cancels.
pub fn read_paths(
    paths: &[PathBuf],
    config: &ReadConfig,
    progress: &mut dyn Progress,
) -> Result<Corpus, Cancelled> {
    let (files, problems) = list_files(paths);
    let (mut corpus, _) = read_files(&files, config, progress)?;
    corpus.problems.extend(problems);
    corpus.problems.sort();
    Ok(corpus)
}

/// The files [`read_paths`] reads for `paths`, sorted and without duplicates, and the problems
/// met while listing them (a folder with no file, an entry that cannot be listed).
pub fn list_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        let before = files.len();
        collect(path, &mut files, &mut problems, &mut BTreeSet::new());
        if files.len() == before && path.is_dir() {
            problems.push(Problem {
                path: path.display().to_string(),
                message: IngestError::EmptyFolder.to_string(),
            });
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

/// Reads `files` in parallel into a corpus whose [`DocId`]s follow their order; a file that
/// cannot be read is a problem. Also returns, for each document, the index in `files` it was
/// read from. `progress` hears how many files are read (a hundred times a second and at the
/// end), and `Break` cancels.
pub fn read_files(
    files: &[PathBuf],
    config: &ReadConfig,
    progress: &mut dyn Progress,
) -> Result<(Corpus, Vec<usize>), Cancelled> {
    let mut corpus = Corpus::default();
    let total = files.len();
    if progress.report(0, total).is_break() {
        return Err(Cancelled);
    }
    let cancel = AtomicBool::new(false);
    let done = AtomicUsize::new(0);
    let waiting = std::thread::current();
    let results = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            // Small pieces, so that a core left idle takes over part of another's (a few
            // pieces of heavy pages otherwise run on one core at the end).
            let results = files
                .par_iter()
                .with_max_len(8)
                .map(|path| {
                    if cancel.load(Ordering::Relaxed) {
                        return None;
                    }
                    let result = read_file(path, config).map(shared);
                    done.fetch_add(1, Ordering::Relaxed);
                    Some(result)
                })
                .collect::<Vec<_>>();
            waiting.unpark();
            results
        });
        // The count is looked at a hundred times a second rather than told of every file, so
        // the reading threads never wait on this one.
        loop {
            let finished = worker.is_finished();
            if progress
                .report(done.load(Ordering::Relaxed), total)
                .is_break()
            {
                cancel.store(true, Ordering::Relaxed);
                break;
            }
            if finished {
                break;
            }
            std::thread::park_timeout(std::time::Duration::from_millis(10));
        }
        worker.join()
    });
    if cancel.load(Ordering::Relaxed) {
        return Err(Cancelled);
    }
    let results = match results {
        Ok(results) => results,
        // A panic while reading one file is a bug; re-raise it rather than lose files silently.
        Err(panic) => std::panic::resume_unwind(panic),
    };
    let mut origin = Vec::with_capacity(files.len());
    for (i, (path, result)) in files.iter().zip(results).enumerate() {
        let result = result.ok_or(Cancelled)?;
        let before = corpus.documents.len();
        corpus.push(path.display().to_string(), result);
        if corpus.documents.len() > before {
            origin.push(i);
        }
    }
    corpus.problems.sort();
    Ok((corpus, origin))
}

/// The five built-in seed reports, the default corpus.
pub fn seed_corpus() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, bytes) in SEEDS {
        corpus.add_bytes(&format!("seed:{name}"), bytes);
    }
    corpus
}

/// The seed reports embedded in the binary, by file name.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "000_5af66aba3eb6f890.txt",
        include_bytes!("../../assets/seeds/000_5af66aba3eb6f890.txt"),
    ),
    (
        "001_3ac2adbc3d512c05.txt",
        include_bytes!("../../assets/seeds/001_3ac2adbc3d512c05.txt"),
    ),
    (
        "002_25b3b4b043e47f04.txt",
        include_bytes!("../../assets/seeds/002_25b3b4b043e47f04.txt"),
    ),
    (
        "003_8a69b3fa27e5f41c.txt",
        include_bytes!("../../assets/seeds/003_8a69b3fa27e5f41c.txt"),
    ),
    (
        "004_fb9274b1444c3ec8.txt",
        include_bytes!("../../assets/seeds/004_fb9274b1444c3ec8.txt"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `expect` is `format encoding` for a file that loads, or the problem message.
    fn check(name: &str, bytes: &[u8], expect: &str) {
        let got = match read_bytes(name, bytes) {
            Ok(d) => format!("{} {}", d.format.as_str(), d.encoding),
            Err(e) => e.to_string(),
        };
        assert_eq!(got, expect, "{name}");
    }

    const REPORT: &str =
        "本报讯 2月3日，市委常委会召开会议。会议强调，要坚决打赢疫情防控阻击战。\n";

    #[test]
    fn formats() {
        check("a.txt", REPORT.as_bytes(), "text UTF-8");
        check(
            "a.md",
            "# 标题\n\n会议指出，要确保复工复产。".as_bytes(),
            "markdown UTF-8",
        );
        check("a.html", "<p>会议强调</p>".as_bytes(), "html UTF-8");
        check("a.shtml", "<p>会议强调</p>".as_bytes(), "html UTF-8");
        check(
            "pasted.txt",
            "<!DOCTYPE html><html><body><p>会议强调</p></body></html>".as_bytes(),
            "html UTF-8",
        );
        check("no-extension", REPORT.as_bytes(), "text UTF-8");
        check("a.txt", &encoding_rs::GBK.encode(REPORT).0, "text GB18030");
        check(
            "gbk.htm",
            &encoding_rs::GBK
                .encode("<meta charset=gb2312><p>会议</p>")
                .0,
            "html GB18030",
        );
    }

    #[test]
    fn refusals() {
        check("a.txt", b"", "empty file");
        check("a.txt", b" \n\r\n\t ", "empty file: only whitespace");
        check(
            "a.html",
            b"<html><head><title>t</title><script>x</script></head><body> </body></html>",
            "no text: the HTML page has no visible text",
        );
        // A PDF is read as one whatever its name; a broken one says so.
        for name in ["a.pdf", "report.txt", "a.docx"] {
            let got = read_bytes(name, b"%PDF-1.4\n1 0 obj").map(|_| ());
            let msg = got.err().map(|e| e.to_string()).unwrap_or_default();
            assert!(msg.starts_with("the PDF cannot be read ("), "{name}: {msg}");
        }
        check(
            "a.png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "not text: looks like a PNG image",
        );
        check(
            "a.gz",
            b"\x1F\x8B\x08\0\0\0\0\0",
            "not text: looks like a gzip archive",
        );
        check(
            "a.doc",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0",
            "not text: looks like an old-format Office file (.doc/.xls/.ppt) or an encrypted one",
        );
        check(
            "a.docx",
            REPORT.as_bytes(),
            "not a Word document: not a zip archive",
        );
        check(
            "a.zip",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
            "not text: looks like a ZIP archive",
        );
        check(
            "a.docx",
            b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
            "not a Word document: it has no word/document.xml",
        );
        // Bytes that no encoding fits come out as some single-byte encoding, but a declared
        // charset is taken at its word, and then the damage shows.
        check(
            "a.htm",
            &[&b"<meta charset=gbk>"[..], &[0xFF; 64]].concat(),
            "not text: looks like binary data (64 byte sequences not valid in GB18030, the best guess)",
        );
        check(
            "a.bin",
            b"\0\x01\x02\x03\x04\x05\x06\x07abc\x10\x11",
            "not text: looks like binary data (10 control characters in the first 13)",
        );
    }

    #[test]
    fn damage_is_noted() {
        let mut bytes = encoding_rs::GBK.encode(&REPORT.repeat(4)).0.into_owned();
        bytes.insert(0, 0xFF);
        let decoded = read_bytes("a.txt", &bytes).map(|d| d.problems);
        assert_eq!(
            decoded.ok(),
            Some(vec![
                "1 malformed byte sequence replaced (not valid GB18030)".to_string()
            ])
        );
    }

    #[test]
    fn single_byte_guesses_are_noted() {
        let decoded = read_bytes("a.txt", &[0xFF; 64]).map(|d| d.problems);
        assert_eq!(
            decoded.ok(),
            Some(vec![
                "encoding guessed as windows-1256: check that the text reads correctly".to_string()
            ])
        );
    }

    #[test]
    fn sizes() {
        let sizes: Vec<String> = [0, 1000, 1024, 5000, 64 * 1024 * 1024, 524_288_000]
            .into_iter()
            .map(human_size)
            .collect();
        assert_eq!(
            sizes,
            [
                "0 bytes",
                "1000 bytes",
                "1.0 KB",
                "4.9 KB",
                "64.0 MB",
                "500.0 MB"
            ]
        );
    }

    #[test]
    fn seeds_load() {
        let corpus = seed_corpus();
        assert_eq!(corpus.documents.len(), SEEDS.len());
        assert!(corpus.problems.is_empty());
        for doc in &corpus.documents {
            assert_eq!((doc.format, doc.encoding.as_str()), (Format::Text, "UTF-8"));
            assert!(doc.problems.is_empty());
        }
    }
}
