//! Files and folders in, a [`Corpus`] of decoded documents and problems out.

use std::path::PathBuf;

use crate::model::{DocId, Document, Format, Problem};
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
    /// e.g. `UTF-8`, `GB18030`, `UTF-16LE`.
    pub encoding: String,
    /// How it was stored.
    pub format: Format,
    /// Its text, HTML and DOCX reduced to paragraphs.
    pub text: String,
}

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file holds no text.
    #[error("empty file")]
    Empty,
}

/// Decodes one file's bytes; `name` (a path or file name) supplies the extension.
pub fn read_bytes(name: &str, bytes: &[u8]) -> Result<Decoded, IngestError> {
    let _ = name;
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    Ok(Decoded {
        encoding: "UTF-8".into(),
        format: Format::Text,
        text: String::from_utf8_lossy(bytes).into_owned(),
    })
}

impl Corpus {
    /// Decodes `bytes` and adds them as a document labelled `path`, or records a problem.
    pub fn add_bytes(&mut self, path: &str, bytes: &[u8]) {
        match read_bytes(path, bytes) {
            Ok(d) => {
                let id = DocId(self.documents.len() as u32);
                self.documents.push(Document {
                    id,
                    path: path.to_string(),
                    encoding: d.encoding,
                    format: d.format,
                    text: d.text.into(),
                    published: None,
                    place: None,
                    problems: Vec::new(),
                });
            }
            Err(e) => self.problems.push(Problem {
                path: path.to_string(),
                message: e.to_string(),
            }),
        }
    }
}

/// Reads files and folders (recursively, in sorted order) into a corpus.
pub fn read_paths(
    paths: &[PathBuf],
    config: &ReadConfig,
    progress: &mut dyn Progress,
) -> Result<Corpus, Cancelled> {
    let _ = config;
    let mut corpus = Corpus::default();
    for (i, p) in paths.iter().enumerate() {
        if progress.report(i, paths.len()).is_break() {
            return Err(Cancelled);
        }
        let label = p.display().to_string();
        match std::fs::read(p) {
            Ok(b) => corpus.add_bytes(&label, &b),
            Err(e) => corpus.problems.push(Problem {
                path: label,
                message: e.to_string(),
            }),
        }
    }
    Ok(corpus)
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
