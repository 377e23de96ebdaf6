//! [`TifaApp`]: drains commands and job results, then draws the panels.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::gui::command::{Command, CommandSender, DiffPair, ExportFormat, Lang, TableKind, View};
use crate::gui::i18n::tr;
use crate::gui::jobs::{Input, JobMsg, Jobs};
use crate::gui::panels::{
    CompareView, DiffView, LibraryView, ProblemsView, ReaderView, TimelineView, ViewCtx,
};
use crate::gui::state::{
    AppState, JobStatus, Level, PendingExport, Settings, Workspace, meeting_key,
};
use crate::gui::workspace::WorkspaceFile;

/// Where eframe keeps the settings.
const SETTINGS_KEY: &str = "tifa-settings";

/// How long one frame may spend applying job results before drawing.
const APPLY_BUDGET: Duration = Duration::from_millis(8);

/// The desktop app.
pub struct TifaApp {
    /// Everything the panels draw.
    pub state: AppState,
    tx: CommandSender,
    rx: Receiver<Command>,
    jobs: Jobs,
    /// Inputs of the running load: re-sent when a newer load supersedes it.
    pending_inputs: Vec<Input>,
    workspace_file: WorkspaceFile,
    timeline: TimelineView,
    reader: ReaderView,
    compare: CompareView,
    diff: DiffView,
    library: LibraryView,
    problems: ProblemsView,
}

impl std::fmt::Debug for TifaApp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TifaApp")
            .field("state", &self.state)
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
            pending_inputs: Vec::new(),
            workspace_file,
            timeline: TimelineView::default(),
            reader: ReaderView::default(),
            compare: CompareView::default(),
            diff: DiffView::default(),
            library: LibraryView::default(),
            problems: ProblemsView::default(),
        };
        app.start_load(inputs);
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

    /// True while a load or analysis runs.
    pub fn busy(&self) -> bool {
        self.state.job.is_some()
    }

    /// Blocks until the running load finishes or `timeout` passes, applying what arrives.
    pub fn wait_for_jobs(&mut self, timeout: Duration) {
        let end = Instant::now() + timeout;
        while self.busy() {
            let left = end.saturating_duration_since(Instant::now());
            if left.is_zero() {
                break;
            }
            if let Some(msg) = self.jobs.recv_timeout(left) {
                self.apply_job(msg);
            }
        }
        self.drain_commands();
    }

    /// Waits for an export to finish, applying the messages that arrive meanwhile.
    pub fn wait_for_export(&mut self, timeout: Duration) -> Option<Result<(), String>> {
        let end = Instant::now() + timeout;
        loop {
            let left = end.saturating_duration_since(Instant::now());
            let msg = self.jobs.recv_timeout(left)?;
            if let JobMsg::Exported { result, .. } = &msg {
                let r = result.clone();
                self.apply_job(msg);
                return Some(r);
            }
            self.apply_job(msg);
        }
    }

    /// Installs the test-time replacement for the analysis, bypassing the engine.
    pub fn set_analysis(&mut self, analysis: crate::pipeline::Analysis) {
        self.state.set_analysis(Arc::new(analysis));
    }

    fn start_load(&mut self, mut inputs: Vec<Input>) {
        if self.state.job.is_some() {
            // The running load is superseded: its inputs go into the new one.
            let mut all = std::mem::take(&mut self.pending_inputs);
            all.append(&mut inputs);
            inputs = all;
        }
        self.pending_inputs.clone_from(&inputs);
        self.state.job = Some(JobStatus {
            stage: "Reading files",
            done: 0,
            total: inputs.len(),
        });
        self.jobs.load(
            self.state.corpus.clone(),
            inputs,
            self.state.workspace.removed.clone(),
        );
    }

    /// Applies one command: the only place that writes the state (besides job results).
    pub fn handle_command(&mut self, command: Command) {
        let s = &mut self.state;
        match command {
            Command::OpenPaths(paths) => {
                for p in &paths {
                    let label = p.display().to_string();
                    s.workspace.removed.retain(|r| !r.starts_with(&label));
                    if !s.workspace.paths.contains(p) {
                        s.workspace.paths.push(p.clone());
                    }
                }
                self.start_load(paths.into_iter().map(Input::Path).collect());
            }
            Command::AddDropped(files) => {
                for f in &files {
                    let p = f.path().to_path_buf();
                    let label = p.display().to_string();
                    s.workspace.removed.retain(|r| !r.starts_with(&label));
                    if p.is_absolute() && !s.workspace.paths.contains(&p) {
                        s.workspace.paths.push(p);
                    }
                }
                self.start_load(files.into_iter().map(Input::Dropped).collect());
            }
            Command::RemoveDocument(path) => {
                s.workspace
                    .paths
                    .retain(|p| p.display().to_string() != path);
                if !s.workspace.removed.contains(&path) {
                    s.workspace.removed.push(path.clone());
                }
                s.corpus.documents.retain(|d| d.path != path);
                s.corpus.problems.retain(|p| p.path != path);
                crate::gui::jobs::renumber(&mut s.corpus);
                self.start_load(Vec::new());
            }
            Command::ShowOpenDialog => {
                let tx = self.tx.clone();
                spawn_dialog(move || {
                    if let Some(paths) = rfd::FileDialog::new()
                        .add_filter("Reports", &["txt", "md", "html", "htm", "shtml", "docx"])
                        .add_filter("All", &["*"])
                        .pick_files()
                    {
                        tx.send(Command::OpenPaths(paths));
                    }
                });
            }
            Command::ShowExportDialog => {
                let table = table_in_view(s.view);
                let tx = self.tx.clone();
                let name = format!("tifa-{}.csv", table_name(table));
                spawn_dialog(move || {
                    let Some(path) = rfd::FileDialog::new()
                        .set_file_name(name)
                        .add_filter("CSV", &["csv"])
                        .add_filter("Excel", &["xlsx"])
                        .add_filter("Markdown", &["md"])
                        .add_filter("JSON", &["json"])
                        .save_file()
                    else {
                        return;
                    };
                    match ExportFormat::from_path(&path) {
                        Some(format) => tx.send(Command::Export {
                            table,
                            path,
                            format,
                            overwrite: false,
                        }),
                        None => tx.send(Command::Export {
                            table,
                            path: path.with_extension("csv"),
                            format: ExportFormat::Csv,
                            overwrite: false,
                        }),
                    }
                });
            }
            Command::SelectMeeting { id, open } => {
                s.selected_meeting = id;
                if open && id.is_some() {
                    s.view = View::Reader;
                }
            }
            Command::SelectPhraseGroup(g) => s.selected_group = g,
            Command::DiffMeetings(a, b) => {
                s.diff = Some(DiffPair::Meetings(a, b));
                s.view = View::Diff;
            }
            Command::ComparePlaces(a, b) => {
                s.diff = Some(DiffPair::Places(a, b));
                s.view = View::Diff;
            }
            Command::Export {
                table,
                path,
                format,
                overwrite,
            } => {
                if path.exists() && !overwrite {
                    s.pending_export = Some(PendingExport {
                        table,
                        path,
                        format,
                    });
                } else {
                    s.pending_export = None;
                    let t = crate::report::table(
                        &s.analysis,
                        table,
                        crate::report::Focus {
                            diff: s.diff.as_ref(),
                            group: s.selected_group,
                        },
                    );
                    self.jobs.export(t, path, format);
                }
            }
            Command::CancelExport => s.pending_export = None,
            Command::CorrectMeeting(id, correction) => {
                let Some(m) = s.raw.meeting(id) else { return };
                let key = meeting_key(&s.raw, m);
                let before = s.workspace.corrections.clone();
                if correction.is_empty() {
                    s.workspace.corrections.remove(&key);
                } else {
                    s.workspace.corrections.insert(key, correction);
                }
                if before != s.workspace.corrections {
                    s.undo.push(before);
                    s.redo.clear();
                    s.apply_corrections();
                }
            }
            Command::Undo => {
                if let Some(prev) = s.undo.pop() {
                    let now = std::mem::replace(&mut s.workspace.corrections, prev);
                    s.redo.push(now);
                    s.apply_corrections();
                } else {
                    let text = tr(s.settings.lang, "Nothing to undo");
                    s.notify(Level::Info, text);
                }
            }
            Command::Redo => {
                if let Some(next) = s.redo.pop() {
                    let now = std::mem::replace(&mut s.workspace.corrections, next);
                    s.undo.push(now);
                    s.apply_corrections();
                }
            }
            Command::CancelJob => {
                if s.job.is_some() {
                    self.jobs.cancel();
                }
            }
            Command::SetLanguage(lang) => s.settings.lang = lang,
            Command::ShowView(v) => s.view = v,
            Command::DismissNotification => {
                if !s.notifications.is_empty() {
                    s.notifications.remove(0);
                }
            }
        }
        self.state.workspace.view = self.state.view;
    }

    fn apply_job(&mut self, msg: JobMsg) {
        let current = self.jobs.generation;
        let s = &mut self.state;
        match msg {
            JobMsg::Progress {
                generation,
                stage,
                done,
                total,
            } if generation == current => {
                s.job = Some(JobStatus { stage, done, total });
            }
            JobMsg::Loaded {
                generation,
                corpus,
                analysis,
            } if generation == current => {
                s.corpus = corpus;
                s.set_analysis(Arc::new(*analysis));
                s.job = None;
                self.pending_inputs.clear();
            }
            JobMsg::Cancelled { generation } if generation == current => {
                s.job = None;
                self.pending_inputs.clear();
                let text = tr(s.settings.lang, "Loading cancelled");
                s.notify(Level::Info, text);
            }
            JobMsg::Exported { path, result } => match result {
                Ok(()) => {
                    let text = format!("{} {}", tr(s.settings.lang, "Exported"), path.display());
                    s.notify(Level::Info, text);
                }
                Err(e) => {
                    let text = format!("{}: {e}", tr(s.settings.lang, "Export failed"));
                    s.notify(Level::Error, text);
                }
            },
            // A message of a superseded load.
            JobMsg::Progress { .. } | JobMsg::Loaded { .. } | JobMsg::Cancelled { .. } => {}
        }
    }

    fn drain_commands(&mut self) {
        while let Ok(c) = self.rx.try_recv() {
            self.handle_command(c);
        }
    }

    /// Everything but drawing: job results, commands, shortcuts, dropped files.
    pub fn logic(&mut self, ctx: &egui::Context) {
        let start = Instant::now();
        while start.elapsed() < APPLY_BUDGET {
            let Some(msg) = self.jobs.try_recv() else {
                break;
            };
            self.apply_job(msg);
        }
        if start.elapsed() >= APPLY_BUDGET {
            ctx.request_repaint();
        }
        let typing = ctx.memory(|m| m.focused().is_some());
        let shortcuts = ctx.input_mut(|i| {
            use egui::{Key, Modifiers};
            let shift = Modifiers::COMMAND | Modifiers::SHIFT;
            let mut out = Vec::new();
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                out.push(Command::ShowOpenDialog);
            }
            if i.consume_key(Modifiers::COMMAND, Key::E) {
                out.push(Command::ShowExportDialog);
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
        let (hovered, dropped) =
            ctx.input(|i| (i.raw.hovered_files.len(), i.raw.dropped_files.clone()));
        self.state.hovered_files = hovered;
        if !dropped.is_empty() {
            self.handle_command(Command::AddDropped(dropped));
        }
        self.drain_commands();
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
            View::Diff => self.diff.ui(ui, &cx),
            View::Library => self.library.ui(ui, &cx),
            View::Problems => self.problems.ui(ui, &cx),
        });
        if let Some(p) = &self.state.pending_export {
            confirm_overwrite_ui(ui.ctx(), p, lang, &self.tx);
        }
        if self.state.hovered_files > 0 {
            drop_overlay_ui(ui.ctx(), self.state.hovered_files, lang);
        }
        self.drain_commands();
        self.save_workspace();
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
        let synced = self.workspace_file.sync(&mut self.state.workspace);
        if synced.merged {
            self.state.apply_corrections();
        }
        if let Some(message) = synced.failed {
            self.state.notify(Level::Error, message);
        }
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

/// Reads the settings eframe kept, or the defaults.
pub fn load_settings(storage: Option<&dyn eframe::Storage>) -> Settings {
    storage
        .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
        .unwrap_or_default()
}

/// The table an export writes from each view.
pub fn table_in_view(view: View) -> TableKind {
    match view {
        View::Timeline => TableKind::Meetings,
        View::Reader => TableKind::Directives,
        View::Compare => TableKind::Matrix,
        View::Diff => TableKind::Diff,
        View::Library | View::Problems => TableKind::Library,
    }
}

fn table_name(t: TableKind) -> &'static str {
    t.name()
}

/// Native dialogs block their thread, so they run on their own.
fn spawn_dialog(f: impl FnOnce() + Send + 'static) {
    if let Err(e) = std::thread::Builder::new()
        .name("tifa-dialog".into())
        .spawn(f)
    {
        log::error!("cannot open a dialog: {e}");
    }
}

fn top_bar_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let lang = cx.state.settings.lang;
    ui.horizontal(|ui| {
        ui.strong("Tifa — 提法");
        ui.separator();
        for v in View::ALL {
            if ui
                .selectable_label(cx.state.view == v, tr(lang, v.label()))
                .clicked()
            {
                cx.tx.send(Command::ShowView(v));
            }
        }
        ui.separator();
        if ui
            .button(tr(lang, "Open…"))
            .on_hover_text("Ctrl+O")
            .clicked()
        {
            cx.tx.send(Command::ShowOpenDialog);
        }
        if ui
            .button(tr(lang, "Export…"))
            .on_hover_text("Ctrl+E")
            .clicked()
        {
            cx.tx.send(Command::ShowExportDialog);
        }
        if ui
            .add_enabled(
                !cx.state.undo.is_empty(),
                egui::Button::new(tr(lang, "Undo")),
            )
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            cx.tx.send(Command::Undo);
        }
        if ui
            .add_enabled(
                !cx.state.redo.is_empty(),
                egui::Button::new(tr(lang, "Redo")),
            )
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            cx.tx.send(Command::Redo);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (l, name) in [(Lang::En, "English"), (Lang::Zh, "中文")] {
                if ui.selectable_label(lang == l, name).clicked() {
                    cx.tx.send(Command::SetLanguage(l));
                }
            }
        });
    });
}

fn status_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let s = cx.state;
    let lang = s.settings.lang;
    ui.horizontal(|ui| {
        if let Some(job) = &s.job {
            ui.spinner();
            let frac = if job.total == 0 {
                0.0
            } else {
                job.done as f32 / job.total as f32
            };
            ui.add(
                egui::ProgressBar::new(frac)
                    .desired_width(160.0)
                    .text(format!(
                        "{} {}/{}",
                        tr(lang, job.stage),
                        job.done,
                        job.total
                    )),
            );
            if ui.button(tr(lang, "Cancel")).clicked() {
                cx.tx.send(Command::CancelJob);
            }
        } else {
            ui.label(tr(lang, "Ready"));
        }
        ui.separator();
        let a = &s.analysis;
        ui.label(format!(
            "{} {} · {} {} · {} {} · {} {}",
            a.documents.len(),
            tr(lang, "documents"),
            a.meetings.len(),
            tr(lang, "meetings"),
            a.places.len(),
            tr(lang, "places"),
            a.phrases.len(),
            tr(lang, "phrase groups"),
        ));
        if let Some(n) = s.notifications.last() {
            ui.separator();
            let color = match n.level {
                Level::Info => ui.visuals().text_color(),
                Level::Error => ui.visuals().error_fg_color,
            };
            ui.colored_label(color, &n.text);
            if ui.small_button("×").clicked() {
                cx.tx.send(Command::DismissNotification);
            }
        }
    });
}

fn confirm_overwrite_ui(ctx: &egui::Context, p: &PendingExport, lang: Lang, tx: &CommandSender) {
    let response = egui::Modal::new(egui::Id::unique("tifa-overwrite")).show(ctx, |ui| {
        ui.label(tr(lang, "Replace the existing file?"));
        ui.monospace(p.path.display().to_string());
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "Replace")).clicked() {
                tx.send(Command::Export {
                    table: p.table,
                    path: p.path.clone(),
                    format: p.format,
                    overwrite: true,
                });
            }
            if ui.button(tr(lang, "Cancel")).clicked() {
                tx.send(Command::CancelExport);
            }
        });
    });
    if response.should_close() {
        tx.send(Command::CancelExport);
    }
}

fn drop_overlay_ui(ctx: &egui::Context, n: usize, lang: Lang) {
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("tifa-drop"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        format!("{} {n} {}", tr(lang, "Drop to add"), tr(lang, "files")),
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}
