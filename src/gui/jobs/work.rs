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
/// The job that opens, saves or changes the project file.
pub const PROJECT: &str = "project";
/// The job that looks a string up in every document.
pub const SEARCH: &str = "search";
/// The stage of opening a project.
pub const OPENING: &str = "opening the project";
/// The stage of writing a project.
pub const SAVING: &str = "saving the project";
/// The stage of a search.
pub const SEARCHING: &str = "searching";

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
    /// A project was opened, saved or changed: the app now shows it.
    Project {
        /// The project file.
        path: PathBuf,
        /// The analysis as stored.
        raw: Arc<Analysis>,
        /// `raw` with the project's corrections.
        analysis: Arc<Analysis>,
        /// The project's corrections.
        corrections: Corrections,
        /// The analysis was made by a version of Tifa whose results differ.
        stale: bool,
        /// What could not be read, and what an update did, for the user.
        notes: Vec<String>,
        /// Documents whose file changed on disk since it was read.
        changed: Vec<String>,
        /// The project's lexicon.
        lexicon: crate::phrase::Lexicon,
        /// The view that was on screen when the project was last used.
        view: Option<crate::gui::command::View>,
        /// The aggregate of a larger collection imported into the project.
        aggregate: Option<Arc<crate::scale::Aggregate>>,
    },
    /// A search finished.
    Searched(crate::project::Concordance),
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
#[allow(clippy::too_many_arguments)]
pub fn start_load(
    jobs: &mut Jobs<Output>,
    engine: &Arc<OnceLock<Engine>>,
    base: Corpus,
    inputs: Vec<Input>,
    removed: Vec<String>,
    corrections: Corrections,
    lexicon: crate::phrase::Lexicon,
    preview: Option<PreviewSlot>,
) -> u64 {
    let engine = Arc::clone(engine);
    jobs.start(LOAD, load::PLAN, move |cancel, progress| {
        // While files are read, the meetings of those read so far, until some are shown: each
        // chunk's documents are read for meetings once, with the shared gazetteer.
        let mut early: (Vec<crate::model::Document>, Vec<Vec<crate::model::Meeting>>) =
            (Vec::new(), Vec::new());
        let mut shown_early = false;
        let mut seen = |docs: &[crate::model::Document]| {
            let Some(slot) = &preview else {
                return;
            };
            if shown_early || cancel.check().is_err() {
                return;
            }
            let (pre_docs, pre_meetings) = &mut early;
            let from = pre_docs.len();
            pre_docs.extend(docs.iter().skip(from).cloned());
            for (i, d) in pre_docs.iter_mut().enumerate().skip(from) {
                d.id = crate::model::DocId(i as u32);
            }
            let gazetteer = crate::gui::state::gazetteer();
            let Ok(found) = crate::pipeline::extract_with(
                gazetteer,
                &mut pre_docs[from..],
                &crate::pipeline::Config::default(),
                &mut crate::progress::NoProgress,
                &mut |_, _| {},
            ) else {
                return;
            };
            // The documents were numbered by their place before they were read for meetings.
            pre_meetings.extend(found);
            if pre_meetings.iter().all(Vec::is_empty) {
                return;
            }
            shown_early = true;
            let found = crate::pipeline::preview(gazetteer, pre_docs, pre_meetings);
            publish(slot, found, &corrections);
        };
        // The engine (gazetteer and dictionary) is built while the files are read; with a
        // lexicon, phrases are mined once, with it.
        let (own, corpus) = std::thread::scope(|scope| {
            let building = scope.spawn(|| {
                if lexicon.is_empty() {
                    engine.get_or_init(Engine::new);
                    None
                } else {
                    Some(Engine::with_lexicon(&lexicon))
                }
            });
            let corpus = load::read_watched(base, &inputs, &removed, progress, &mut seen);
            (building.join(), corpus)
        });
        let own = own.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let corpus = corpus?;
        let engine = own
            .as_ref()
            .unwrap_or_else(|| engine.get_or_init(Engine::new));
        // The meetings found so far, for a window that has none to show yet: the first chunk
        // that holds any, then a few times a second.
        let mut last: Option<std::time::Instant> = None;
        let mut watch = |docs: &[crate::model::Document],
                         per_doc: &[Vec<crate::model::Meeting>]| {
            let Some(slot) = &preview else {
                return;
            };
            let due = last.is_none_or(|t| t.elapsed() >= PREVIEW_EVERY);
            if !due || per_doc.iter().all(Vec::is_empty) || cancel.check().is_err() {
                return;
            }
            last = Some(std::time::Instant::now());
            let found = crate::pipeline::preview(&engine.gazetteer, docs, per_doc);
            publish(slot, found, &corrections);
        };
        let analysis = crate::pipeline::analyse_watched(
            engine,
            corpus.clone(),
            &crate::pipeline::Config::default(),
            progress,
            &mut watch,
        )?;
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

/// Where a load leaves the meetings found so far ([`crate::pipeline::preview`]): the analysis
/// as found and with the corrections applied.
pub type PreviewSlot = Arc<std::sync::Mutex<Option<(Arc<Analysis>, Arc<Analysis>)>>>;

/// Leaves `found` in `slot`, as found and with `corrections` applied.
fn publish(slot: &PreviewSlot, found: Analysis, corrections: &Corrections) {
    let raw = Arc::new(found);
    let shown = with_corrections(&raw, corrections);
    // A preview the window has not taken yet is dropped after the lock is let go: freeing a
    // whole analysis while holding it would make the window's next frame wait for it.
    let superseded = slot.lock().ok().and_then(|mut s| s.replace((raw, shown)));
    drop(superseded);
}

/// How often a load shows the meetings found so far.
const PREVIEW_EVERY: std::time::Duration = std::time::Duration::from_millis(400);

/// Starts mining the phrases of `raw` again with `lexicon` (the user changed it): with a project
/// open, the lexicon and the new phrases are written into it.
pub fn start_rephrase(
    jobs: &mut Jobs<Output>,
    engine: &Arc<OnceLock<Engine>>,
    raw: Arc<Analysis>,
    corrections: Corrections,
    lexicon: crate::phrase::Lexicon,
    project: Option<PathBuf>,
) -> u64 {
    if let Some(path) = project {
        return start_project(jobs, engine, path, ProjectTask::Relexicon(lexicon));
    }
    jobs.start(
        LOAD,
        &[
            crate::progress::stage::PHRASES,
            crate::progress::stage::GROUPING,
        ],
        move |cancel, progress| {
            let segmenter = crate::phrase::Segmenter::with_lexicon(&lexicon);
            let config = crate::pipeline::Config::default();
            let analysis = crate::pipeline::rephrase(&raw, &segmenter, &config, progress)?;
            cancel.check()?;
            let raw = Arc::new(analysis);
            let analysis = with_corrections(&raw, &corrections);
            Ok(Output::Loaded {
                corpus: raw.corpus(),
                raw,
                analysis,
                corrections,
            })
        },
    )
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
        let rows = align_rows(&analysis, &key.1, key.2, key.3);
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
            lexicon: Some(&focus.lexicon),
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

/// Starts writing a table already built (the concordance) to `path`.
pub fn start_export_table(
    jobs: &mut Jobs<Output>,
    table: crate::export::Table,
    path: PathBuf,
    format: ExportFormat,
) -> u64 {
    jobs.start(export_name(&path), &[EXPORTING], move |_, progress| {
        cancel_on_break(progress.stage(EXPORTING))?;
        let result = crate::export::write_file(&path, format, std::slice::from_ref(&table))
            .map_err(|e| e.to_string());
        Ok(Output::Exported {
            table: table.name,
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
    /// The user's lexicon in use.
    pub lexicon: crate::phrase::Lexicon,
}

fn cancel_on_break(flow: std::ops::ControlFlow<()>) -> Result<(), Cancelled> {
    if flow.is_break() {
        Err(Cancelled)
    } else {
        Ok(())
    }
}

/// Held by the project job that is working.
static PROJECT_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// What a project job does.
#[derive(Debug)]
pub enum ProjectTask {
    /// Opens the project and shows what it holds.
    Open,
    /// Writes the corpus and the user's work into a new project at the path (replacing a file
    /// the user chose to replace).
    SaveAs {
        /// The documents as read.
        corpus: Corpus,
        /// The corrections.
        corrections: Corrections,
        /// The view on screen.
        view: crate::gui::command::View,
    },
    /// Reads `inputs` and adds them, takes out `remove`, and puts back `restore` (documents as
    /// read, from an undone removal).
    Update {
        /// Files to read and add.
        inputs: Vec<Input>,
        /// Paths to take out.
        remove: Vec<String>,
        /// Documents to add as they are.
        restore: Vec<crate::model::Document>,
    },
    /// Analyses every document again.
    Reanalyse,
    /// Saves the lexicon and mines the phrases again with it.
    Relexicon(crate::phrase::Lexicon),
}

/// Starts `task` on the project at `path`.
pub fn start_project(
    jobs: &mut Jobs<Output>,
    engine: &Arc<OnceLock<Engine>>,
    path: PathBuf,
    task: ProjectTask,
) -> u64 {
    use crate::project::{Project, Update};
    let engine = Arc::clone(engine);
    let plan: &'static [&'static str] = match task {
        ProjectTask::Open => &[OPENING],
        _ => &[
            crate::progress::stage::READING,
            crate::progress::stage::MEETINGS,
            crate::progress::stage::PHRASES,
            crate::progress::stage::GROUPING,
            SAVING,
        ],
    };
    jobs.start(PROJECT, plan, move |cancel, progress| {
        // One project job at a time: a job superseded before it got here stops without writing,
        // so the last one asked for is the last to write.
        let _one = PROJECT_WRITER
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        cancel.check()?;
        // Opening reads back what was analysed: it needs the gazetteer, not the segmenter, so
        // the first frame does not wait for the dictionary to load.
        let opening = matches!(task, ProjectTask::Open);
        // Phrases are mined with the project's lexicon (or the one being saved).
        let lexicon = match &task {
            ProjectTask::Relexicon(l) => l.clone(),
            ProjectTask::Open => crate::phrase::Lexicon::default(),
            _ => Project::open(&path)
                .and_then(|p| p.lexicon())
                .unwrap_or_default(),
        };
        let with_lexicon = (!lexicon.is_empty()).then(|| Engine::with_lexicon(&lexicon));
        let full = || {
            with_lexicon
                .as_ref()
                .unwrap_or_else(|| engine.get_or_init(Engine::new))
        };
        let gazetteer = match engine.get() {
            Some(e) => &e.gazetteer,
            None if opening => crate::gui::state::gazetteer(),
            None => &full().gazetteer,
        };
        let config = crate::pipeline::Config::default();
        let mut notes = Vec::new();
        let (project, raw) = match task {
            ProjectTask::Open => {
                cancel_on_break(progress.stage(OPENING))?;
                let p = Project::open(&path)?;
                (p, None)
            }
            ProjectTask::SaveAs {
                corpus,
                corrections,
                view,
            } => {
                cancel_on_break(progress.stage(crate::progress::stage::READING))?;
                // Written beside the chosen name first, then moved over it: a failed save
                // leaves any file already there as it was.
                let tmp = path.with_extension(format!("tifa.{}.tmp", std::process::id()));
                let _ = std::fs::remove_file(&tmp);
                let written = (|| -> anyhow::Result<Analysis> {
                    let mut p = Project::create(&tmp)?;
                    let (_, a) = p.update(
                        full(),
                        Update {
                            add: corpus,
                            ..Update::default()
                        },
                        &config,
                        progress,
                    )?;
                    cancel_on_break(progress.stage(SAVING))?;
                    p.set_corrections(&corrections)?;
                    p.set_state("view", &serde_json::to_value(view)?)?;
                    Ok(a)
                })();
                let a = match written {
                    Ok(a) => a,
                    Err(e) => {
                        let _ = std::fs::remove_file(&tmp);
                        return Err(e);
                    }
                };
                std::fs::rename(&tmp, &path)?;
                (Project::open(&path)?, Some(a))
            }
            ProjectTask::Update {
                inputs,
                remove,
                restore,
            } => {
                let mut add = load::read(Corpus::default(), &inputs, &[], progress)?;
                add.documents.extend(restore);
                let mut p = Project::open(&path)?;
                let (u, a) = p.update(
                    full(),
                    Update {
                        add,
                        remove,
                        reread_changed: true,
                        ..Update::default()
                    },
                    &config,
                    progress,
                )?;
                notes.extend(
                    u.problems
                        .iter()
                        .map(|p| format!("{}: {}", p.path, p.message)),
                );
                if !u.is_nothing() || u.unchanged > 0 {
                    notes.push(format!(
                        "{}: +{} −{} ({} moved, {} read again, {} already there)",
                        path.display(),
                        u.added.len(),
                        u.removed.len(),
                        u.moved.len(),
                        u.reread.len(),
                        u.unchanged
                    ));
                }
                (p, Some(a))
            }
            ProjectTask::Reanalyse => {
                let mut p = Project::open(&path)?;
                let a = p.reanalyse(full(), &config, progress)?;
                (p, Some(a))
            }
            ProjectTask::Relexicon(lexicon) => {
                let mut p = Project::open(&path)?;
                p.set_lexicon(&lexicon)?;
                let (_, a) = p.update(
                    full(),
                    Update {
                        reassemble: true,
                        ..Update::default()
                    },
                    &config,
                    progress,
                )?;
                (p, Some(a))
            }
        };
        cancel.check()?;
        let clock = std::time::Instant::now();
        let stored = project.load(gazetteer)?;
        log::debug!("project read back in {:?}", clock.elapsed());
        notes.extend(stored.problems);
        let changed = project.changed_on_disk().unwrap_or_default();
        log::debug!("files on disk checked at {:?}", clock.elapsed());
        let raw = Arc::new(raw.unwrap_or(stored.analysis));
        let analysis = with_corrections(&raw, &stored.corrections);
        Ok(Output::Project {
            path,
            raw,
            analysis,
            corrections: stored.corrections,
            stale: stored.stale,
            notes,
            changed,
            lexicon: stored.lexicon,
            view: stored
                .state
                .get("view")
                .and_then(|v| serde_json::from_value(v.clone()).ok()),
            aggregate: stored.aggregate.map(Arc::new),
        })
    })
}

/// Starts looking `pattern` up: in the project's index when `project` is given, else by reading
/// every document of `analysis`.
pub fn start_search(
    jobs: &mut Jobs<Output>,
    analysis: Arc<Analysis>,
    project: Option<PathBuf>,
    pattern: String,
    sort: crate::project::KwicSort,
) -> u64 {
    jobs.start(SEARCH, &[SEARCHING], move |cancel, progress| {
        cancel_on_break(progress.stage(SEARCHING))?;
        let hits = match project.as_deref().map(crate::project::Project::open) {
            Some(Ok(p))
                if p.document_count()
                    .is_ok_and(|n| n == analysis.documents.len()) =>
            {
                p.find(&pattern)?
            }
            _ => crate::project::search::scan(&analysis.documents, &pattern),
        };
        cancel.check()?;
        Ok(Output::Searched(crate::project::search::concordance(
            &analysis,
            &pattern,
            &hits,
            CONTEXT,
            sort,
            usize::MAX,
        )))
    })
}

/// Characters of context each side of a hit in the Search view.
pub const CONTEXT: usize = 24;
