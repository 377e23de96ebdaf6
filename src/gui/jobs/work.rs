//! The app's jobs: what each one does on its thread and what it hands back.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use crate::gui::command::{Correction, DiffPair, ExportFormat, TableKind};
use crate::gui::jobs::load::{self, Input};
use crate::gui::jobs::runner::Jobs;
use crate::gui::panels::diff::{AlignedRows, RowsKey, align_rows};
use crate::gui::state::corrected;
use crate::ingest::Corpus;
use crate::pipeline::{Analysis, Engine};
use crate::progress::Cancelled;

/// The job that reads and analyses.
pub const LOAD: &str = "load";
/// The job that aligns the two sides of the Diff view.
pub const ALIGN: &str = "align";
/// The job that applies hand corrections to the analysis.
pub const CORRECT: &str = "corrections";

/// The stage of an alignment.
pub const ALIGNING: &str = "aligning";
/// The stage of building and writing an export.
pub const EXPORTING: &str = "exporting";
/// The stage of applying corrections.
pub const CORRECTING: &str = "applying corrections";

/// The name of the job that exports to `path`: exports to different files run side by side,
/// a second export to the same file replaces the first.
pub fn export_name(path: &std::path::Path) -> String {
    format!("export {}", path.display())
}

/// Corrections by meeting key, as the workspace keeps them.
pub type Corrections = BTreeMap<String, Correction>;

/// What a job hands back to the UI thread.
#[derive(Debug)]
pub enum Output {
    /// A load finished.
    Loaded {
        /// The documents as read.
        corpus: Corpus,
        /// The engine's result.
        raw: Arc<Analysis>,
        /// `raw` with `corrections` applied.
        analysis: Arc<Analysis>,
        /// The corrections `analysis` was made with.
        corrections: Corrections,
    },
    /// Corrections were applied.
    Corrected {
        /// The analysis they were applied to.
        raw: Arc<Analysis>,
        /// The corrections applied.
        corrections: Corrections,
        /// The result.
        analysis: Arc<Analysis>,
    },
    /// The Diff view's rows were aligned and laid out.
    Aligned(AlignedRows),
    /// An export finished.
    Exported {
        /// The table's name, as its sheet is called.
        table: String,
        /// Where it wrote.
        path: PathBuf,
        /// `Err` with a message when writing failed.
        result: Result<(), String>,
    },
}

/// `raw` with `corrections` applied; `raw` itself when there are none, so nothing is copied.
pub fn with_corrections(raw: &Arc<Analysis>, corrections: &Corrections) -> Arc<Analysis> {
    if corrections.is_empty() {
        Arc::clone(raw)
    } else {
        Arc::new(corrected(raw, corrections))
    }
}

/// Starts reading `inputs` into `base` and analysing the whole; the engine is built on the
/// first load's thread and kept.
pub fn start_load(
    jobs: &mut Jobs<Output>,
    engine: &Arc<OnceLock<Engine>>,
    base: Corpus,
    inputs: Vec<Input>,
    removed: Vec<String>,
    corrections: Corrections,
) -> u64 {
    let engine = Arc::clone(engine);
    jobs.start(LOAD, load::PLAN, move |cancel, progress| {
        let engine = engine.get_or_init(Engine::new);
        let (corpus, analysis) = load::load(engine, base, &inputs, &removed, progress)?;
        cancel.check()?;
        let raw = Arc::new(analysis);
        let analysis = with_corrections(&raw, &corrections);
        Ok(Output::Loaded {
            corpus,
            raw,
            analysis,
            corrections,
        })
    })
}

/// Starts applying `corrections` to `raw`.
pub fn start_corrections(
    jobs: &mut Jobs<Output>,
    raw: Arc<Analysis>,
    corrections: Corrections,
) -> u64 {
    jobs.start(CORRECT, &[CORRECTING], move |cancel, progress| {
        cancel_on_break(progress.stage(CORRECTING))?;
        let analysis = with_corrections(&raw, &corrections);
        cancel.check()?;
        Ok(Output::Corrected {
            raw,
            corrections,
            analysis,
        })
    })
}

/// Starts aligning the pair of `key` in `analysis` and laying out its rows.
pub fn start_align(jobs: &mut Jobs<Output>, analysis: Arc<Analysis>, key: RowsKey) -> u64 {
    jobs.start(ALIGN, &[ALIGNING], move |cancel, progress| {
        cancel_on_break(progress.stage(ALIGNING))?;
        let rows = align_rows(&analysis, &key.1, key.2);
        cancel.check()?;
        Ok(Output::Aligned(AlignedRows { key, rows }))
    })
}

/// Starts building `table` from `analysis` (and the Diff view's `diff`) and writing it.
pub fn start_export(
    jobs: &mut Jobs<Output>,
    analysis: Arc<Analysis>,
    table: TableKind,
    focus: ExportFocus,
    path: PathBuf,
    format: ExportFormat,
) -> u64 {
    jobs.start(export_name(&path), &[EXPORTING], move |cancel, progress| {
        cancel_on_break(progress.stage(EXPORTING))?;
        let focus = crate::report::Focus {
            diff: focus.diff.as_ref(),
            group: focus.group,
            track: focus.track.as_deref(),
        };
        let t = crate::report::table(&analysis, table, focus);
        // Past this point the file is written whole or not at all.
        cancel.check()?;
        let _ = progress.report(1, 2);
        let result = crate::export::write_file(&path, format, std::slice::from_ref(&t))
            .map_err(|e| e.to_string());
        let _ = progress.report(2, 2);
        Ok(Output::Exported {
            table: t.name,
            path,
            result,
        })
    })
}

/// What an export is about, as the views hold it: the Diff pair, the chosen phrase group, the
/// tracked phrase.
#[derive(Clone, Debug, Default)]
pub struct ExportFocus {
    /// The Diff view's pair.
    pub diff: Option<DiffPair>,
    /// The chosen phrase group.
    pub group: Option<u32>,
    /// The phrase tracked in the Compare view.
    pub track: Option<String>,
}

fn cancel_on_break(flow: std::ops::ControlFlow<()>) -> Result<(), Cancelled> {
    if flow.is_break() {
        Err(Cancelled)
    } else {
        Ok(())
    }
}
