//! Reading files into [`Document`]s: decoding, HTML, DOCX and PDF, and splitting pages into
//! articles.

pub mod clean;
pub mod decode;
pub mod depth;
pub mod docx;
pub mod html;
pub mod mixed;
pub mod pdf;
pub mod read;
pub mod script;
pub mod segmented;
pub mod split;
pub mod walk;

pub use read::{
    Corpus, Decoded, IngestError, ReadConfig, list_files, read_bytes, read_files, read_paths,
    seed_corpus,
};

#[allow(unused_imports)]
use crate::model::Document;
