//! What the app knows: the corpus, the analysis, the selection, corrections, jobs and messages.
//! Only `TifaApp::handle_command` and the application of job results write it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

pub use crate::correct::meeting_key;
pub use crate::gui::workspace::Workspace;

use crate::gui::command::{Correction, DiffPair, Lang, View};
use crate::gui::jobs::{JobStatus, LOAD};
use crate::gui::panels::diff::{AlignedRows, RowsKey};
use crate::ingest::Corpus;
use crate::model::MeetingId;
use crate::pipeline::Analysis;

/// What persists between runs, in eframe's storage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The interface language.
    pub lang: Lang,
}

/// How serious a notification is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// Something finished.
    Info,
    /// Something failed.
    Error,
}

/// A message shown at the bottom of the window until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notification {
    /// Info or error.
    pub level: Level,
    /// One line.
    pub text: String,
}

/// An export waiting for the user to confirm overwriting a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingExport {
    /// Which table.
    pub table: crate::gui::command::TableKind,
    /// The file that exists.
    pub path: PathBuf,
    /// The format.
    pub format: crate::gui::command::ExportFormat,
}

/// The whole state the panels draw.
#[derive(Debug, Default)]
pub struct AppState {
    /// The documents as read (before analysis fills in places and dates).
    pub corpus: Corpus,
    /// The analysis as the engine returned it.
    pub raw: Arc<Analysis>,
    /// The analysis with hand corrections applied: what every view shows.
    pub analysis: Arc<Analysis>,
    /// Bumped whenever `analysis` changes, so panels know when to rebuild their caches.
    pub revision: u64,
    /// The meeting in the Reader.
    pub selected_meeting: Option<MeetingId>,
    /// The phrase group highlighted on the timeline and shown in Compare.
    pub selected_group: Option<u32>,
    /// The phrase tracked in the Compare view, if any.
    pub tracked: Option<String>,
    /// The two meetings in the Diff view.
    pub diff: Option<DiffPair>,
    /// The view on screen.
    pub view: View,
    /// Settings that persist.
    pub settings: Settings,
    /// The workspace that persists.
    pub workspace: Workspace,
    /// What each change replaced, newest last: what Ctrl+Z puts back.
    pub undo: Vec<Step>,
    /// Changes undone, newest last.
    pub redo: Vec<Step>,
    /// The running background jobs, as the status bar shows them.
    pub jobs: Vec<JobStatus>,
    /// The Diff view's aligned rows, for the pair (and revision) they were built for.
    pub diff_rows: Option<AlignedRows>,
    /// What the running alignment job is aligning.
    pub aligning: Option<RowsKey>,
    /// Messages for the user, oldest first.
    pub notifications: Vec<Notification>,
    /// An export waiting for "replace?".
    pub pending_export: Option<PendingExport>,
    /// Files hovering over the window right now.
    pub hovered_files: usize,
    /// The project file the corpus lives in, if any: corrections are saved into it.
    pub project: Option<PathBuf>,
    /// The open project was analysed by a version of Tifa whose results differ.
    pub project_stale: bool,
    /// Documents of the open project whose file changed on disk since it was read.
    pub project_changed: Vec<String>,
    /// The workspace the app had before a project was opened: what closing the project goes
    /// back to, and what the workspace file keeps meanwhile.
    pub aside: Option<Workspace>,
    /// The corrections as last written into the project.
    pub project_saved: Option<BTreeMap<String, Correction>>,
    /// The open project's imported aggregate of a larger collection (docs/scale/).
    pub aggregate: Option<Arc<crate::scale::Aggregate>>,
    /// The last search, in context.
    pub concordance: Option<crate::project::Concordance>,
    /// How the concordance is ordered.
    pub concordance_sort: crate::project::KwicSort,
}

impl AppState {
    /// Adds a notification.
    pub fn notify(&mut self, level: Level, text: impl Into<String>) {
        self.notifications.push(Notification {
            level,
            text: text.into(),
        });
    }

    /// True while the corpus is being read or analysed.
    pub fn loading(&self) -> bool {
        self.jobs
            .iter()
            .any(|j| j.name == LOAD || j.name == crate::gui::jobs::work::PROJECT)
    }

    /// Sets a new engine result and the same with the corrections applied.
    pub fn set_analysis(&mut self, raw: Arc<Analysis>, analysis: Arc<Analysis>) {
        drop_elsewhere(std::mem::replace(&mut self.raw, raw));
        self.set_corrected(analysis);
        let n = self.analysis.meetings.len() as u32;
        if self.selected_meeting.is_some_and(|m| m.0 >= n) {
            self.selected_meeting = None;
        }
        if let Some(DiffPair::Meetings(a, b)) = &self.diff
            && (a.0 >= n || b.0 >= n)
        {
            self.diff = None;
        }
        let groups = self.analysis.phrases.len() as u32;
        if self.selected_group.is_some_and(|g| g >= groups) {
            self.selected_group = None;
        }
    }

    /// Shows `analysis`, the engine's result with the corrections applied.
    pub fn set_corrected(&mut self, analysis: Arc<Analysis>) {
        drop_elsewhere(std::mem::replace(&mut self.analysis, analysis));
        self.revision += 1;
    }

    /// The correction of a meeting, if any.
    pub fn correction(&self, id: MeetingId) -> Option<&Correction> {
        let m = self.raw.meeting(id)?;
        self.workspace.corrections.get(&meeting_key(&self.raw, m))
    }
}

/// One change the user can undo.
#[derive(Clone, Debug)]
pub enum Step {
    /// The corrections as they were before (or after, on the redo side) a change.
    Corrections(BTreeMap<String, Correction>),
    /// A document removed from the corpus, with everything needed to put it back.
    Removal(Removal),
    /// The lexicon as it was before (or after) a change.
    Lexicon(crate::phrase::Lexicon),
}

/// What removing a document took out: its documents and problems as read, and the workspace's
/// paths and removal list as they were before.
#[derive(Clone, Debug)]
pub struct Removal {
    /// The path label removed.
    pub path: String,
    /// The documents it took out of the corpus.
    pub documents: Vec<crate::model::Document>,
    /// The problems it took out.
    pub problems: Vec<crate::model::Problem>,
    /// The workspace's paths before.
    pub paths: Vec<std::path::PathBuf>,
    /// The workspace's removal list before.
    pub removed: Vec<String>,
}

/// Lets go of an analysis on a thread of its own when this was its last holder: freeing tens of
/// thousands of documents takes longer than a frame.
fn drop_elsewhere(analysis: Arc<Analysis>) {
    if Arc::strong_count(&analysis) > 1 || analysis.documents.len() < 1_000 {
        return;
    }
    let spawned = std::thread::Builder::new()
        .name("tifa-free".into())
        .spawn(move || drop(analysis));
    // Without a thread it is freed here, as before.
    drop(spawned);
}

/// The gazetteer hand-entered places are checked against and looked up in, loaded on first use.
pub fn gazetteer() -> &'static crate::meeting::Gazetteer {
    static GAZETTEER: std::sync::OnceLock<crate::meeting::Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER.get_or_init(crate::meeting::Gazetteer::load)
}

/// `raw` with `corrections` applied to its meetings; the place list follows corrected places.
pub fn corrected(raw: &Analysis, corrections: &BTreeMap<String, Correction>) -> Analysis {
    crate::correct::corrected(raw, corrections, gazetteer())
}
