//! Finding recurring phrases across meetings and ranking them.

use crate::model::{Document, Meeting, PhraseGroup};
use crate::phrase::Segmenter;
use crate::progress::{Cancelled, Progress};

/// Settings for phrase mining.
#[derive(Clone, Debug)]
pub struct MineConfig {
    /// A phrase must occur in at least this many meetings.
    pub min_meetings: usize,
}

impl Default for MineConfig {
    fn default() -> Self {
        Self { min_meetings: 2 }
    }
}

/// Mines the recurring phrases of `meetings`' directives and groups their variants, best first.
pub fn mine(
    meetings: &[Meeting],
    documents: &[Document],
    segmenter: &Segmenter,
    config: &MineConfig,
    progress: &mut dyn Progress,
) -> Result<Vec<PhraseGroup>, Cancelled> {
    let _ = (meetings, documents, segmenter, config, progress);
    Ok(Vec::new())
}
