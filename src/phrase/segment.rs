//! One jieba instance with the Party-policy user dictionary, built once and shared.

/// Word segmentation, built once.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// Builds jieba with the dictionary under `assets/dict/`.
    pub fn new() -> Self {
        Self {}
    }
}
