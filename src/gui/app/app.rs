//! [`TifaApp`]: drains job results and commands, then draws the panels.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::gui::app::chrome::{drop_overlay_ui, status_ui, top_bar_ui};
use crate::gui::app::dialogs::confirm_overwrite_ui;
use crate::gui::command::{Chart, Command, CommandSender, View};
use crate::gui::i18n::tr;
use crate::gui::jobs::work::{self, with_corrections};
use crate::gui::jobs::{ALIGN, CORRECT, Finished, Input, Jobs, LOAD, Output};
use crate::gui::panels::diff::AlignedRows;
use crate::gui::panels::{
    CompareView, DiffView, DiffusionView, LibraryView, ProblemsView, ReaderView, SearchView,
    TimelineView, ViewCtx,
};
use crate::gui::state::{AppState, Level, Settings, Workspace};
use crate::gui::workspace::WorkspaceFile;
use crate::pipeline::{Analysis, Engine};
use crate::progress::Cancelled;

/// Where eframe keeps the settings.
const SETTINGS_KEY: &str = "tifa-settings";

/// How long one frame may spend applying job results before drawing.
const APPLY_BUDGET: Duration = Duration::from_millis(8);

/// The desktop app.
pub struct TifaApp {
    /// Everything the panels draw.
    pub state: AppState,
    pub(super) tx: CommandSender,
    rx: Receiver<Command>,
    pub(super) jobs: Jobs<Output>,
    /// The engine, built by the first load and kept.
    pub(super) engine: Arc<OnceLock<Engine>>,
    /// Inputs of the running load: re-sent when a newer load supersedes it.
    pub(super) pending_inputs: Vec<Input>,
    workspace_file: WorkspaceFile,
    timeline: TimelineView,
    reader: ReaderView,
    compare: CompareView,
    diff: DiffView,
    pub(super) diffusion: DiffusionView,
    /// A chart to save as PNG from the next frame's pixels.
    pub(super) pending_png: Option<(Chart, PathBuf)>,
    library: LibraryView,
    problems: ProblemsView,
    pub(super) search: SearchView,
    /// When saving corrections into the project last failed, so it is not retried every frame.
    project_retry: Option<Instant>,
    /// The last failure to save into the project, said once.
    project_failed: Option<String>,
    /// The view as last saved into the project.
    project_view: Option<View>,
    /// A path being typed into the window.
    pub(super) path_prompt: Option<crate::gui::app::dialogs::PathPrompt>,
    /// The meetings a running load has found so far, shown while the window has none.
    preview: work::PreviewSlot,
}

impl std::fmt::Debug for TifaApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TifaApp")
            .field("state", &self.state)
            .field("jobs", &self.jobs)
            .finish_non_exhaustive()
    }
}

impl TifaApp {
    /// An app on `workspace`, which starts loading it at once. `workspace_path` is where the
    /// workspace is saved (`None`: never saved, as in tests).
    pub fn new(
        ctx: &egui::Context,
        settings: Settings,
        workspace: Workspace,
        workspace_path: Option<PathBuf>,
    ) -> Self {
        let repaint = ctx.clone();
        let waker: Arc<dyn Fn() + Send + Sync> = Arc::new(move || repaint.request_repaint());
        let (tx, rx) = CommandSender::new(Arc::clone(&waker));
        let mut inputs = Vec::new();
        if workspace.seeds {
            inputs.push(Input::Seeds);
        }
        inputs.extend(workspace.paths.iter().cloned().map(Input::Path));
        let workspace_file = WorkspaceFile::new(workspace_path, &workspace);
        let mut app = Self {
            state: AppState {
                view: workspace.view,
                settings,
                workspace,
                ..AppState::default()
            },
            tx,
            rx,
            jobs: Jobs::new(waker),
            engine: Arc::new(OnceLock::new()),
            pending_inputs: Vec::new(),
            workspace_file,
            timeline: TimelineView::default(),
            reader: ReaderView::default(),
            compare: CompareView::default(),
            diff: DiffView::default(),
            diffusion: DiffusionView::default(),
            pending_png: None,
            library: LibraryView::default(),
            problems: ProblemsView::default(),
            search: SearchView::default(),
            project_retry: None,
            project_failed: None,
            project_view: None,
            path_prompt: None,
            preview: work::PreviewSlot::default(),
        };
        // The project open when the app was closed opens again; the workspace's own corpus is
        // read only when there is none (or it is gone).
        match app.state.workspace.project.clone() {
            Some(project) if project.exists() => app.open_project(project),
            Some(project) => {
                let text = format!(
                    "{}: {}",
                    project.display(),
                    tr(app.state.settings.lang, "no such project")
                );
                app.state.workspace.project = None;
                app.state.notify(Level::Error, text);
                app.start_load(inputs);
            }
            None => app.start_load(inputs),
        }
        app
    }

    /// An app on the built-in seed reports that saves nothing: for tests and benchmarks.
    pub fn on_seeds(ctx: &egui::Context) -> Self {
        Self::new(ctx, Settings::default(), Workspace::default(), None)
    }

    /// The sender panels and dialogs use.
    pub fn sender(&self) -> CommandSender {
        self.tx.clone()
    }

    /// The Compare view, for tests that check what it shows.
    pub fn compare(&self) -> &CompareView {
        &self.compare
    }

    /// The timeline view, for tests that click its marks.
    pub fn timeline(&self) -> &TimelineView {
        &self.timeline
    }

    /// The timeline view, for tests that change how it shows its lanes.
    pub fn timeline_mut(&mut self) -> &mut TimelineView {
        &mut self.timeline
    }

    /// The job runner, for tests that check which jobs ran.
    pub fn jobs(&self) -> &Jobs<Output> {
        &self.jobs
    }

    /// True while any background job runs.
    pub fn busy(&self) -> bool {
        self.jobs.busy()
    }

    /// Blocks until every running job finishes or `timeout` passes, applying what arrives.
    pub fn wait_for_jobs(&mut self, timeout: Duration) {
        let end = Instant::now() + timeout;
        loop {
            self.drain_commands();
            if !self.busy() {
                break;
            }
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            if let Some(f) = self.jobs.next_timeout(left) {
                self.apply_job(f);
            }
        }
        self.sync_job_status();
    }

    /// Waits for an export to finish, applying the results that arrive meanwhile.
    pub fn wait_for_export(&mut self, timeout: Duration) -> Option<Result<(), String>> {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            let f = self.jobs.next_timeout(left)?;
            let exported = match &f.result {
                Ok(Output::Exported { result, .. }) => Some(result.clone()),
                _ => None,
            };
            self.apply_job(f);
            if exported.is_some() {
                self.sync_job_status();
                return exported;
            }
        }
    }

    /// Installs an analysis built by hand, bypassing the engine: for tests and benchmarks.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let raw = Arc::new(analysis);
        let corrected = with_corrections(&raw, &self.state.workspace.corrections);
        self.state.set_analysis(raw, corrected);
    }

    /// Applies one finished job: with [`Self::handle_command`] the only writer of the state.
    fn apply_job(&mut self, f: Finished<Output>) {
        let lang = self.state.settings.lang;
        match f.result {
            Ok(Output::Loaded {
                corpus,
                raw,
                analysis,
                corrections,
            }) => {
                self.pending_inputs.clear();
                // What the load showed as it went is replaced by its result.
                if let Ok(mut p) = self.preview.lock() {
                    *p = None;
                }
                let s = &mut self.state;
                s.corpus = corpus;
                s.set_analysis(raw, analysis);
                // Corrections made while loading are applied again to the new result.
                if corrections != s.workspace.corrections {
                    self.start_corrections();
                }
            }
            Ok(Output::Project {
                path,
                raw,
                analysis,
                corrections,
                stale,
                notes,
                changed,
                lexicon,
                view,
                aggregate,
            }) => {
                let entering = self.state.project.as_ref() != Some(&path);
                self.state.aggregate = aggregate;
                self.project_opened(path, raw, analysis, corrections, stale, notes);
                if entering {
                    self.state.workspace.user_lexicon = lexicon;
                    if let Some(v) = view {
                        self.state.view = v;
                        self.state.workspace.view = v;
                    }
                    self.project_view = view;
                }
                if !changed.is_empty() {
                    let lang = self.state.settings.lang;
                    let text = format!(
                        "{} {}",
                        changed.len(),
                        tr(
                            lang,
                            "files changed on disk since they were read: Project → Read changed files again"
                        )
                    );
                    self.state.notify(Level::Info, text);
                }
                self.state.project_changed = changed;
            }
            Ok(Output::Searched(mut c)) => {
                crate::project::search::sort_lines(&mut c.lines, self.state.concordance_sort);
                self.state.concordance = Some(c);
            }
            Ok(Output::Corrected {
                raw,
                corrections,
                analysis,
            }) => {
                let s = &mut self.state;
                if Arc::ptr_eq(&raw, &s.raw) && corrections == s.workspace.corrections {
                    s.set_corrected(analysis);
                }
            }
            Ok(Output::Aligned(rows)) => {
                let s = &mut self.state;
                s.aligning = None;
                if rows.key.0 == s.revision && s.diff.as_ref() == Some(&rows.key.1) {
                    s.diff_rows = Some(rows);
                }
            }
            Ok(Output::Exported {
                table,
                path,
                result,
            }) => match result {
                Ok(()) => {
                    // Which table went where.
                    let text = format!("{} {table} → {}", tr(lang, "Exported"), path.display());
                    self.state.notify(Level::Info, text);
                }
                Err(e) => {
                    let text = format!("{}: {e}", tr(lang, "Export failed"));
                    self.state.notify(Level::Error, text);
                }
            },
            Err(e) if e.is::<Cancelled>() => self.cancelled(&f.name),
            Err(e) => {
                log::error!("{}: {e:#}", f.name);
                let text = format!("{}: {e:#}", tr(lang, "Failed"));
                self.state.notify(Level::Error, text);
                if f.name == ALIGN {
                    self.leave_pair_empty();
                }
            }
        }
    }

    /// A job stopped on request.
    fn cancelled(&mut self, name: &str) {
        let s = &mut self.state;
        match name {
            LOAD => {
                self.pending_inputs.clear();
                let text = tr(s.settings.lang, "Loading cancelled");
                s.notify(Level::Info, text);
            }
            ALIGN => self.leave_pair_empty(),
            CORRECT => {}
            _ => {
                let text = tr(s.settings.lang, "Export cancelled");
                s.notify(Level::Info, text);
            }
        }
    }

    /// After an alignment stopped or failed, its pair shows no rows until the pair or the
    /// analysis changes, rather than being aligned again at once.
    fn leave_pair_empty(&mut self) {
        let s = &mut self.state;
        if let Some(key) = s.aligning.take() {
            s.diff_rows = Some(AlignedRows {
                key,
                rows: Vec::new(),
            });
        }
    }

    /// Copies the running jobs' progress into the state for the status bar.
    pub(super) fn sync_job_status(&mut self) {
        self.state.jobs.clear();
        self.state.jobs.extend(self.jobs.statuses().cloned());
    }

    /// Shows the meetings the running load has found so far, if it left more than are shown.
    fn show_preview(&mut self, ctx: &egui::Context) {
        let taken = self.preview.lock().ok().and_then(|mut p| p.take());
        let Some((raw, shown)) = taken else {
            return;
        };
        let s = &mut self.state;
        if self.jobs.is_running(LOAD) && shown.meetings.len() > s.analysis.meetings.len() {
            s.set_analysis(raw, shown);
            ctx.request_repaint();
        }
    }

    pub(super) fn drain_commands(&mut self) {
        while let Ok(c) = self.rx.try_recv() {
            self.handle_command(c);
        }
    }

    /// Everything but drawing: job results, commands, shortcuts, dropped files.
    pub fn logic(&mut self, ctx: &egui::Context) {
        let start = Instant::now();
        while start.elapsed() < APPLY_BUDGET {
            let Some(f) = self.jobs.try_next() else {
                break;
            };
            self.apply_job(f);
        }
        if start.elapsed() >= APPLY_BUDGET {
            ctx.request_repaint();
        }
        self.show_preview(ctx);
        self.sync_job_status();
        let typing = ctx.memory(|m| m.focused().is_some());
        let mut focus_search = false;
        let shortcuts = ctx.input_mut(|i| {
            use egui::{Key, Modifiers};
            let shift = Modifiers::COMMAND | Modifiers::SHIFT;
            let mut out = Vec::new();
            // With Shift first: Ctrl+O would also match Ctrl+Shift+O.
            if i.consume_key(shift, Key::O) {
                out.push(Command::ShowOpenProjectDialog);
            }
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                out.push(Command::ShowOpenDialog);
            }
            if i.consume_key(Modifiers::COMMAND, Key::E) {
                out.push(Command::ShowExportDialog);
            }
            if i.consume_key(shift, Key::S) {
                out.push(Command::ShowSaveProjectDialog);
            }
            // Ctrl+F filters the view on screen; Ctrl+Shift+F searches every document.
            if i.consume_key(shift, Key::F) {
                out.push(Command::ShowView(View::Search));
                focus_search = true;
            }
            if !typing {
                if i.consume_key(shift, Key::Z) || i.consume_key(Modifiers::COMMAND, Key::Y) {
                    out.push(Command::Redo);
                }
                if i.consume_key(Modifiers::COMMAND, Key::Z) {
                    out.push(Command::Undo);
                }
            }
            out
        });
        for c in shortcuts {
            self.handle_command(c);
        }
        if focus_search {
            self.search.focus = true;
        }
        let (hovered, dropped) =
            ctx.input(|i| (i.raw.hovered_files.len(), i.raw.dropped_files.clone()));
        self.state.hovered_files = hovered;
        if !dropped.is_empty() {
            self.handle_command(Command::AddDropped(dropped));
        }
        self.drain_commands();
        self.request_chart_png(ctx);
        // Each correction is on disk the frame it is made, not at the next autosave.
        self.save_workspace();
    }

    /// Draws one frame into `ui`, after [`Self::logic`].
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        let lang = self.state.settings.lang;
        let cx = ViewCtx {
            state: &self.state,
            tx: &self.tx,
        };
        egui::Panel::top("tifa-top").show(ui, |ui| top_bar_ui(ui, &cx));
        egui::Panel::bottom("tifa-status").show(ui, |ui| status_ui(ui, &cx));
        egui::CentralPanel::default().show(ui, |ui| match self.state.view {
            View::Timeline => self.timeline.ui(ui, &cx),
            View::Reader => self.reader.ui(ui, &cx),
            View::Compare => self.compare.ui(ui, &cx),
            View::Diffusion => self.diffusion.ui(ui, &cx),
            View::Search => self.search.ui(ui, &cx),
            View::Diff => self.diff.ui(ui, &cx),
            View::Library => self.library.ui(ui, &cx),
            View::Problems => self.problems.ui(ui, &cx),
        });
        if let Some(p) = &self.state.pending_export {
            confirm_overwrite_ui(ui.ctx(), p, lang, &self.tx);
        }
        if let Some(p) = &mut self.path_prompt
            && !crate::gui::app::dialogs::path_prompt_ui(ui.ctx(), p, lang, &self.tx)
        {
            self.path_prompt = None;
        }
        if self.state.hovered_files > 0 {
            drop_overlay_ui(ui.ctx(), self.state.hovered_files, lang);
        }
        self.drain_commands();
        self.save_workspace();
        self.sync_job_status();
    }

    /// Asks the integration for the pixels of the next frame when a chart is to be saved as
    /// PNG; the callback cuts the chart out, writes it and says how it went.
    fn request_chart_png(&mut self, ctx: &egui::Context) {
        let Some((chart, path)) = self.pending_png.take() else {
            return;
        };
        let lang = self.state.settings.lang;
        let Some(rect) = self.diffusion.chart_rect(chart) else {
            self.state.notify(
                Level::Error,
                format!(
                    "{}: {}",
                    tr(lang, "Export failed"),
                    tr(lang, "the chart is not on screen")
                ),
            );
            return;
        };
        let ppp = ctx.pixels_per_point();
        let tx = self.tx.clone();
        let (done, failed) = (tr(lang, "Exported"), tr(lang, "Export failed"));
        ctx.request_screenshot(move |image| {
            let written =
                crate::gui::panels::diffusion::chart_png(&image, rect, ppp).and_then(|png| {
                    crate::export::write::write_atomic(&path, &png).map_err(|e| e.to_string())
                });
            tx.send(match written {
                Ok(()) => Command::Notify(Level::Info, format!("{done} {}", path.display())),
                Err(e) => Command::Notify(Level::Error, format!("{failed}: {e}")),
            });
        });
        ctx.request_repaint();
    }

    /// One whole frame, as a test harness drives it.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.logic(&ctx);
        self.draw(ui);
    }

    /// Saves the workspace file (atomically and durably) if the app has one and it changed,
    /// merging what another window saved; a failed save is shown once.
    pub fn save_workspace(&mut self) {
        if self.state.project.is_some() {
            self.save_into_project();
            return;
        }
        let synced = self.workspace_file.sync(&mut self.state.workspace);
        if synced.merged {
            self.start_corrections();
        }
        if let Some(message) = synced.failed {
            self.state.notify(Level::Error, message);
        }
    }

    /// With a project open: its corrections go into the project file (one transaction), and the
    /// workspace file keeps the corpus from before the project and the name of the project.
    fn save_into_project(&mut self) {
        let s = &mut self.state;
        let Some(path) = s.project.clone() else {
            return;
        };
        let due = self
            .project_retry
            .is_none_or(|at| at.elapsed() >= Duration::from_millis(500));
        if s.project_saved.as_ref() != Some(&s.workspace.corrections) && due {
            // A short wait: while an update of the project writes, the frame is not held up;
            // the corrections stay unsaved and are tried again shortly.
            let written = crate::project::Project::open(&path).and_then(|mut p| {
                p.set_busy_timeout(Duration::from_millis(50))?;
                p.set_corrections(&s.workspace.corrections)
            });
            match written {
                Ok(()) => {
                    s.project_saved = Some(s.workspace.corrections.clone());
                    self.project_retry = None;
                    self.project_failed = None;
                }
                Err(e) => {
                    self.project_retry = Some(Instant::now());
                    let busy = matches!(
                        &e,
                        crate::project::ProjectError::Sqlite { source, .. }
                            if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    );
                    let text = format!("{}: {e}", tr(s.settings.lang, "Failed"));
                    if !busy && self.project_failed.as_deref() != Some(text.as_str()) {
                        self.project_failed = Some(text.clone());
                        s.notify(Level::Error, text);
                    }
                }
            }
        }
        // The view on screen goes into the project too, so it reopens where it was left.
        if self.project_view != Some(s.view) && due {
            let v = serde_json::to_value(s.view).unwrap_or_default();
            let written = crate::project::Project::open(&path).and_then(|mut p| {
                p.set_busy_timeout(Duration::from_millis(50))?;
                p.set_state("view", &v)
            });
            match written {
                Ok(()) => self.project_view = Some(s.view),
                Err(_) => self.project_retry = Some(Instant::now()),
            }
        }
        // The workspace put aside is what the workspace file holds meanwhile: updated in place,
        // and written only when it changed.
        let ws = s.aside.get_or_insert_with(Default::default);
        // Until the project holds them, the corrections are kept in the workspace file.
        if s.project_saved.as_ref() == Some(&s.workspace.corrections) {
            ws.project_corrections.clear();
        } else if ws.project_corrections != s.workspace.corrections {
            ws.project_corrections.clone_from(&s.workspace.corrections);
        }
        ws.project = Some(path);
        if ws.recent_projects != s.workspace.recent_projects {
            ws.recent_projects.clone_from(&s.workspace.recent_projects);
        }
        ws.view = s.view;
        let synced = self.workspace_file.sync(ws);
        if let Some(message) = synced.failed {
            self.state.notify(Level::Error, message);
        }
    }

    /// A project job finished: the app shows the project and saves into it from now on.
    fn project_opened(
        &mut self,
        path: PathBuf,
        raw: Arc<Analysis>,
        analysis: Arc<Analysis>,
        corrections: crate::correct::Corrections,
        stale: bool,
        notes: Vec<String>,
    ) {
        let s = &mut self.state;
        if s.project.as_ref() == Some(&path) {
            // The same project, changed by a job: what the user did meanwhile (a correction, a
            // lexicon edit) is newer than what the job read, so it is kept and applied.
            // Corrections the job wrote (moved with their file) are taken, unless the user
            // changed the same one since it was last saved.
            let saved = s.project_saved.clone().unwrap_or_default();
            let mut merged = corrections.clone();
            let keys: std::collections::BTreeSet<String> = s
                .workspace
                .corrections
                .keys()
                .chain(saved.keys())
                .cloned()
                .collect();
            for k in keys {
                let mine = s.workspace.corrections.get(&k);
                if mine != saved.get(&k) {
                    match mine {
                        Some(c) => merged.insert(k, c.clone()),
                        None => merged.remove(&k),
                    };
                }
            }
            s.workspace.corrections = merged;
            s.project_saved = Some(corrections.clone());
            let differs = s.workspace.corrections != corrections;
            show_project(s, raw, analysis, stale, notes);
            if differs {
                self.start_corrections();
            }
            return;
        }
        // Corrections that could not be written into this project last time come back: kept
        // while it was open, or when it was closed or left for another.
        let key = path.display().to_string();
        let mut pending = None;
        for w in [Some(&mut s.workspace), s.aside.as_mut()]
            .into_iter()
            .flatten()
        {
            let kept = w.pending_corrections.remove(&key);
            let open = (w.project.as_ref() == Some(&path))
                .then(|| std::mem::take(&mut w.project_corrections));
            if pending.is_none() {
                pending = open
                    .filter(|c| !c.is_empty())
                    .or(kept.filter(|c| !c.is_empty()));
            }
        }
        if s.project.as_ref() != Some(&path) {
            // Leaving a project whose last corrections it has not taken: they are kept by its
            // path until it opens again.
            stash_unsaved(s);
            // Entering a project (or another one): what was open before is put aside once.
            if s.aside.is_none() {
                let mut before = s.workspace.clone();
                before.project = None;
                s.aside = Some(before);
            }
            s.undo.clear();
            s.redo.clear();
            s.concordance = None;
        }
        let mut recent = std::mem::take(&mut s.workspace.recent_projects);
        recent.retain(|p| *p != path);
        recent.insert(0, path.clone());
        recent.truncate(8);
        s.workspace = crate::gui::state::Workspace {
            seeds: false,
            paths: Vec::new(),
            removed: Vec::new(),
            corrections: corrections.clone(),
            view: s.view,
            project: Some(path.clone()),
            project_corrections: std::collections::BTreeMap::new(),
            pending_corrections: std::collections::BTreeMap::new(),
            user_lexicon: crate::phrase::Lexicon::default(),
            recent_projects: recent,
            other: serde_json::Map::new(),
        };
        s.project = Some(path);
        s.project_saved = Some(corrections);
        let analysis = match pending {
            Some(p) if Some(&p) != s.project_saved.as_ref() => {
                let text = format!(
                    "{} {}",
                    p.len(),
                    tr(
                        s.settings.lang,
                        "corrections not yet saved in the project were put back"
                    )
                );
                s.notify(Level::Info, text);
                s.workspace.corrections = p;
                with_corrections(&raw, &s.workspace.corrections)
            }
            _ => analysis,
        };
        show_project(s, raw, analysis, stale, notes);
        if stale {
            let text = tr(
                s.settings.lang,
                "This project was analysed by another version of Tifa.",
            );
            s.notify(Level::Info, text);
        }
    }

    /// Starts reading `inputs` (with those of a load it supersedes) and analysing the corpus.
    pub(super) fn start_load(&mut self, mut inputs: Vec<Input>) {
        if self.jobs.is_running(LOAD) {
            // The running load is superseded: its inputs go into the new one.
            let mut all = std::mem::take(&mut self.pending_inputs);
            all.append(&mut inputs);
            inputs = all;
        }
        self.pending_inputs.clone_from(&inputs);
        let s = &self.state;
        // A window with meetings keeps them until the new result is ready; an empty one shows
        // what the load finds as it goes.
        let preview = s
            .analysis
            .meetings
            .is_empty()
            .then(|| Arc::clone(&self.preview));
        work::start_load(
            &mut self.jobs,
            &self.engine,
            s.corpus.clone(),
            inputs,
            s.workspace.removed.clone(),
            s.workspace.corrections.clone(),
            s.workspace.user_lexicon.clone(),
            preview,
        );
        self.sync_job_status();
    }

    /// Applies the workspace's corrections to the engine's result, on a job unless there are
    /// none (then the result is shown as it is, with nothing copied).
    pub(super) fn start_corrections(&mut self) {
        let s = &mut self.state;
        if s.workspace.corrections.is_empty() {
            let raw = Arc::clone(&s.raw);
            s.set_corrected(raw);
            self.jobs.cancel(CORRECT);
            return;
        }
        work::start_corrections(
            &mut self.jobs,
            Arc::clone(&s.raw),
            s.workspace.corrections.clone(),
        );
        self.sync_job_status();
    }
}

impl eframe::App for TifaApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        TifaApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.state.settings);
        self.save_workspace();
    }
}

/// Puts a project job's result on screen: its corpus and analysis, and what it has to say.
fn show_project(
    s: &mut AppState,
    raw: Arc<Analysis>,
    analysis: Arc<Analysis>,
    stale: bool,
    notes: Vec<String>,
) {
    s.project_stale = stale;
    s.corpus = raw.corpus();
    s.set_analysis(raw, analysis);
    for n in notes {
        s.notify(Level::Info, n);
    }
}

/// Reads the settings eframe kept, or the defaults.
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
        .unwrap_or_default()
}

/// Keeps the open project's corrections by its path in the workspace put aside (the one the
/// workspace file holds) when the project has not taken them yet, so leaving it loses none.
pub(super) fn stash_unsaved(s: &mut crate::gui::state::AppState) {
    let Some(project) = s.project.clone() else {
        return;
    };
    if s.project_saved.as_ref() == Some(&s.workspace.corrections) {
        return;
    }
    let corrections = s.workspace.corrections.clone();
    let aside = s.aside.get_or_insert_with(|| crate::gui::state::Workspace {
        seeds: false,
        ..Default::default()
    });
    aside.project_corrections.clear();
    aside
        .pending_corrections
        .insert(project.display().to_string(), corrections);
}
