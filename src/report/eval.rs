//! Scores meeting extraction against hand labels: meeting precision, recall and F1, and how
//! often each field of the paired meetings is right, overall, per outlet and per province, with
//! every disagreement listed.
//!
//! ```
//! use tifa::report::eval::{Field, score};
//! use tifa::pipeline::Analysis;
//!
//! let report = score(&[], &Analysis::default());
//! assert_eq!(report.overall.tally.files, 0);
//! assert_eq!(report.overall.field(Field::Place).map(|f| f.of), Some(0));
//! ```

mod fields;
mod labels;
mod matching;
mod score;
mod text;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

pub use fields::Field;
pub use labels::{
    LabelDate, LabelEntry, LabelError, LabelFile, LabelMeeting, Labelled, load_labels,
};
pub use score::{Disagreement, FieldScore, GroupScore, Score, Tally};
pub use text::write_text;

use crate::ingest::{self, ReadConfig};
use crate::model::{DocId, Meeting, Problem};
use crate::pipeline::{Analysis, Config, Engine, analyse};
use crate::progress::{Cancelled, Progress};

/// Everything `eval` reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EvalReport {
    /// The figures over every labelled page read.
    pub overall: Score,
    /// The figures per outlet, by name.
    pub by_outlet: Vec<GroupScore>,
    /// The figures per province, by name.
    pub by_province: Vec<GroupScore>,
    /// Every disagreement, page by page in label order.
    pub disagreements: Vec<Disagreement>,
    /// Pages read that have no label, so were not scored.
    pub unlabelled: Vec<String>,
    /// Files that could not be read; a labelled one counts as finding nothing.
    pub problems: Vec<Problem>,
}

/// Reads the pages and runs the normal analysis on them, then scores it against `labelled`.
///
/// With no `paths` every labelled page is read; otherwise only the labelled pages among
/// `paths` (files or folders) are scored.
pub fn evaluate(
    engine: &Engine,
    labelled: &[Labelled],
    paths: &[PathBuf],
    progress: &mut dyn Progress,
) -> Result<EvalReport, Cancelled> {
    let to_read: Vec<PathBuf> = if paths.is_empty() {
        labelled.iter().map(|l| l.path.clone()).collect()
    } else {
        paths.to_vec()
    };
    let corpus = ingest::read_paths(&to_read, &ReadConfig::default(), progress)?;
    let analysis = analyse(engine, corpus, &Config::default(), progress)?;
    let scope: Vec<Labelled> = if paths.is_empty() {
        labelled.to_vec()
    } else {
        let read: Vec<PathBuf> = analysis
            .documents
            .iter()
            .map(|d| d.path.as_str())
            .chain(analysis.problems.iter().map(|p| p.path.as_str()))
            .map(|p| page_key(Path::new(p)))
            .collect();
        labelled
            .iter()
            .filter(|l| read.contains(&page_key(&l.path)))
            .cloned()
            .collect()
    };
    Ok(score(&scope, &analysis))
}

/// Scores the meetings of `analysis` against `labelled`, page by page.
pub fn score(labelled: &[Labelled], analysis: &Analysis) -> EvalReport {
    let docs: BTreeMap<PathBuf, DocId> = analysis
        .documents
        .iter()
        .map(|d| (page_key(Path::new(&d.path)), d.id))
        .collect();
    let mut totals = score::Totals::default();
    let mut disagreements = Vec::new();
    for label in labelled {
        let found = docs
            .get(&page_key(&label.path))
            .map(|&doc| meetings_of(analysis, doc))
            .unwrap_or_default();
        let outcome = score::score_page(label, &found);
        totals.add(label, &outcome.tally);
        disagreements.extend(outcome.disagreements);
    }
    let labelled_keys: Vec<PathBuf> = labelled.iter().map(|l| page_key(&l.path)).collect();
    let unlabelled = analysis
        .documents
        .iter()
        .filter(|d| !labelled_keys.contains(&page_key(Path::new(&d.path))))
        .map(|d| d.path.clone())
        .collect();
    EvalReport {
        overall: Score::from_tally(totals.all),
        by_outlet: score::group_scores(totals.outlets),
        by_province: score::group_scores(totals.provinces),
        disagreements,
        unlabelled,
        problems: analysis.problems.clone(),
    }
}

/// The meetings a document reports, first or as another report of a meeting, in page order.
fn meetings_of(analysis: &Analysis, doc: DocId) -> Vec<&Meeting> {
    let mut found: Vec<(usize, &Meeting)> = analysis
        .meetings
        .iter()
        .filter_map(|m| {
            if m.doc == doc {
                Some((m.article.start, m))
            } else {
                m.reports
                    .iter()
                    .find(|r| r.doc == doc)
                    .map(|r| (r.article.start, m))
            }
        })
        .collect();
    found.sort_by_key(|&(start, m)| (start, m.id));
    found.into_iter().map(|(_, m)| m).collect()
}

/// One key per file however it was named: the canonical path when the file exists.
fn page_key(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}
