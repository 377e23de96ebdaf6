//! Everything that changes the app's state is a [`Command`], sent through a [`CommandSender`] and
//! applied in one place (`TifaApp::handle_command`).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};

use serde::{Deserialize, Serialize};

pub use crate::export::ExportFormat;
use crate::model::MeetingId;
pub use crate::report::{DiffPair, TableKind};

/// A file handed over by drag-and-drop.
pub type DroppedFile = Arc<dyn egui::DroppedFile + Send + Sync>;

/// The views of the main window.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum View {
    /// Meetings on a date axis, one lane per place.
    #[default]
    Timeline,
    /// One meeting's article.
    Reader,
    /// Phrase group × place matrix.
    Compare,
    /// Who used a phrase group first, who followed and how fast.
    Diffusion,
    /// Two meetings side by side.
    Diff,
    /// Every occurrence of a string in context (a concordance).
    Search,
    /// Loaded documents.
    Library,
    /// Problems met while reading and analysing.
    Problems,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 8] = [
        View::Timeline,
        View::Reader,
        View::Compare,
        View::Diffusion,
        View::Diff,
        View::Search,
        View::Library,
        View::Problems,
    ];

    /// The untranslated tab label (a key of the string table).
    pub fn label(self) -> &'static str {
        match self {
            View::Timeline => "Timeline",
            View::Reader => "Reader",
            View::Compare => "Compare",
            View::Diffusion => "Diffusion",
            View::Diff => "Diff",
            View::Search => "Search",
            View::Library => "Library",
            View::Problems => "Problems",
        }
    }
}

/// A chart of the Diffusion view.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Chart {
    /// Cumulative adopters over time.
    Curve,
    /// Lags from the first use, by level.
    Lags,
    /// Who follows whom.
    Graph,
}

impl Chart {
    /// The name files are saved under.
    pub fn name(self) -> &'static str {
        match self {
            Chart::Curve => "curve",
            Chart::Lags => "lags",
            Chart::Graph => "graph",
        }
    }
}

/// The interface language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

pub use crate::correct::Correction;

/// Something the user (or a dialog) asks for.
#[derive(Debug)]
pub enum Command {
    /// Add files or folders to the corpus.
    OpenPaths(Vec<PathBuf>),
    /// Add files dropped on the window.
    AddDropped(Vec<DroppedFile>),
    /// Remove a document (by its path label) from the corpus.
    RemoveDocument(String),
    /// Show the native Open dialog.
    ShowOpenDialog,
    /// Show the native Save dialog for the table in view.
    ShowExportDialog,
    /// Show the native Save dialog for this table.
    ShowExportTable(TableKind),
    /// Show the native Save dialog for a chart of the Diffusion view, as PNG or SVG.
    ShowChartExport { chart: Chart, png: bool },
    /// Save a chart of the chosen phrase group: SVG drawn from its data, PNG from the pixels
    /// the window shows.
    SaveChart {
        chart: Chart,
        path: PathBuf,
        png: bool,
    },
    /// Track a phrase the user typed (an empty one stops tracking).
    Track(String),
    /// Tell the user something (a chart saved or not).
    Notify(crate::gui::state::Level, String),
    /// Select a meeting; `open` also switches to the Reader.
    SelectMeeting { id: Option<MeetingId>, open: bool },
    /// Select a phrase group (by id), or none.
    SelectPhraseGroup(Option<u32>),
    /// Put two meetings side by side in the Diff view.
    DiffMeetings(MeetingId, MeetingId),
    /// Put all meetings of two places (short names) side by side in the Diff view.
    ComparePlaces(String, String),
    /// Align the Diff view's pair in the current analysis on a background job, in the colours
    /// of dark mode (`true`) or light mode.
    AlignDiff {
        /// Colours for dark mode.
        dark: bool,
        /// Lowest similarity, in percent, for clauses to be paired by their wording.
        min_pct: u8,
    },
    /// Write a table to a file; asks first when the file exists and `overwrite` is false.
    Export {
        table: TableKind,
        path: PathBuf,
        format: ExportFormat,
        overwrite: bool,
    },
    /// Drop a pending export that would have overwritten a file.
    CancelExport,
    /// Replace a meeting's correction (an empty one removes it).
    CorrectMeeting(MeetingId, Correction),
    /// Undo the last correction.
    Undo,
    /// Redo the last undone correction.
    Redo,
    /// Cancel every running background job.
    CancelJob,
    /// Switch the interface language.
    SetLanguage(Lang),
    /// Switch the main view.
    ShowView(View),
    /// Ask for a path typed or pasted into the window (where the system's dialog cannot open).
    ShowPathPrompt(PathPurpose),
    /// Ask for a project file to open.
    ShowOpenProjectDialog,
    /// Ask where to save the corpus as a project.
    ShowSaveProjectDialog,
    /// Open a project file: the app then shows its corpus and saves corrections into it.
    OpenProject(PathBuf),
    /// Save the corpus and the corrections as a new project at this path, then work in it.
    SaveProjectAs(PathBuf),
    /// Leave the project and go back to the corpus the app had before it.
    CloseProject,
    /// Analyse every document of the open project again.
    ReanalyseProject,
    /// Read again the files of the open project that changed on disk.
    RereadChanged,
    /// Change the user's lexicon; the phrases are mined again.
    EditLexicon(LexiconEdit),
    /// Look a string up in every document.
    Search(String),
    /// Order the concordance.
    SortConcordance(crate::project::KwicSort),
    /// Write the concordance to a file.
    ExportConcordance(PathBuf, ExportFormat),
    /// Ask where to write the concordance.
    ShowConcordanceExport,
    /// Write the project's imported aggregate to a file.
    ExportAggregate(PathBuf, ExportFormat),
    /// Ask where to write the imported aggregate.
    ShowAggregateExport,
    /// Dismiss the oldest notification.
    DismissNotification,
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Files or a folder to add.
    Add,
    /// A project to open.
    OpenProject,
    /// Where to save the corpus as a project.
    SaveProject,
}

/// A change to the user's lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LexiconEdit {
    /// Never list these strings as a phrase or variant.
    Stop(Vec<String>),
    /// List it again.
    Unstop(String),
    /// Keep this word whole and always list it.
    AddWord(String),
    /// Take it out of the dictionary.
    RemoveWord(String),
    /// The strings of both lists are one formula: their groups are shown as one.
    Merge(Vec<String>, Vec<String>),
    /// Take this merge set apart again.
    Unmerge(Vec<String>),
}

/// Sends commands to the app from panels, dialogs and threads, and wakes the UI.
#[derive(Clone)]
pub struct CommandSender {
    tx: Sender<Command>,
    waker: Arc<dyn Fn() + Send + Sync>,
}

impl std::fmt::Debug for CommandSender {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CommandSender")
    }
}

impl CommandSender {
    /// A sender and the receiver the app drains each frame.
    pub fn new(waker: Arc<dyn Fn() + Send + Sync>) -> (Self, Receiver<Command>) {
        let (tx, rx) = channel();
        (Self { tx, waker }, rx)
    }

    /// Queues a command for the next frame.
    pub fn send(&self, command: Command) {
        // The receiver lives as long as the app; a failed send means the app is closing.
        let _ = self.tx.send(command);
        (self.waker)();
    }
}
