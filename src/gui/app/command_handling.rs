//! [`TifaApp::handle_command`]: one match, each arm a method, and the only writer of the state
//! besides the application of job results.

use std::path::PathBuf;
use std::sync::Arc;

use crate::gui::app::TifaApp;
use crate::gui::app::dialogs;
use crate::gui::command::{
    Chart, Command, Correction, DiffPair, DroppedFile, ExportFormat, LexiconEdit, TableKind, View,
};
use crate::gui::i18n::tr;
use crate::gui::jobs::work::{self, Corrections, ProjectTask};
use crate::gui::jobs::{ALIGN, Input, renumber};
use crate::gui::state::{Level, PendingExport, Removal, Step, meeting_key};
use crate::model::MeetingId;

impl TifaApp {
    /// Applies one command.
    pub fn handle_command(&mut self, command: Command) {
        match command {
            Command::OpenPaths(paths) => self.open_paths(paths),
            Command::AddDropped(files) => self.add_dropped(files),
            Command::RemoveDocument(path) => self.remove_document(&path),
            Command::ShowOpenDialog => dialogs::open(self.tx.clone()),
            Command::ShowExportDialog => dialogs::export(self.tx.clone(), self.state.view),
            Command::ShowExportTable(table) => dialogs::export_table(self.tx.clone(), table),
            Command::ShowChartExport { chart, png } => {
                dialogs::save_chart(self.tx.clone(), chart, png, self.state.selected_group);
            }
            Command::SaveChart { chart, path, png } => self.save_chart(chart, path, png),
            Command::Notify(level, text) => self.state.notify(level, text),
            Command::Track(phrase) => {
                self.state.tracked = Some(phrase.trim().to_string()).filter(|p| !p.is_empty());
            }
            Command::SelectMeeting { id, open } => self.select_meeting(id, open),
            Command::SelectPhraseGroup(g) => self.state.selected_group = g,
            Command::DiffMeetings(a, b) => self.show_diff(DiffPair::Meetings(a, b)),
            Command::ComparePlaces(a, b) => self.show_diff(DiffPair::Places(a, b)),
            Command::AlignDiff { dark, min_pct } => self.align_diff(dark, min_pct),
            Command::Export {
                table,
                path,
                format,
                overwrite,
            } => self.export(table, path, format, overwrite),
            Command::CancelExport => self.state.pending_export = None,
            Command::CorrectMeeting(id, correction) => self.correct_meeting(id, correction),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::CancelJob => self.jobs.cancel_all(),
            Command::SetLanguage(lang) => self.state.settings.lang = lang,
            Command::ShowView(v) => self.state.view = v,
            Command::ShowOpenProjectDialog => dialogs::open_project(self.tx.clone()),
            Command::ShowPathPrompt(purpose) => {
                self.path_prompt = Some(dialogs::PathPrompt {
                    purpose,
                    text: String::new(),
                    error: None,
                });
            }
            Command::ShowSaveProjectDialog => dialogs::save_project(self.tx.clone()),
            Command::OpenProject(path) => self.open_project(path),
            Command::SaveProjectAs(path) => self.save_project_as(path),
            Command::CloseProject => self.close_project(),
            Command::ReanalyseProject => {
                if let Some(path) = self.state.project.clone() {
                    self.start_project(path, ProjectTask::Reanalyse);
                }
            }
            Command::RereadChanged => {
                if let Some(path) = self.state.project.clone() {
                    let inputs = std::mem::take(&mut self.state.project_changed)
                        .into_iter()
                        .map(|p| Input::Path(PathBuf::from(p)))
                        .collect();
                    self.add_to_project(path, inputs);
                }
            }
            Command::EditLexicon(edit) => self.edit_lexicon(edit),
            Command::Search(pattern) => self.search(&pattern),
            Command::SortConcordance(sort) => {
                let s = &mut self.state;
                s.concordance_sort = sort;
                if let Some(c) = &mut s.concordance {
                    crate::project::search::sort_lines(&mut c.lines, sort);
                }
            }
            Command::ShowConcordanceExport => dialogs::export_concordance(self.tx.clone()),
            Command::ShowAggregateExport => dialogs::export_aggregate(self.tx.clone()),
            Command::ExportAggregate(path, format) => {
                if let Some(a) = &self.state.aggregate {
                    work::start_export_table(&mut self.jobs, a.to_table(), path, format);
                }
            }
            Command::ExportConcordance(path, format) => {
                if let Some(c) = &self.state.concordance {
                    let table = crate::project::search::table(c);
                    work::start_export_table(&mut self.jobs, table, path, format);
                }
            }
            Command::DismissNotification => {
                if !self.state.notifications.is_empty() {
                    self.state.notifications.remove(0);
                }
            }
        }
        self.state.workspace.view = self.state.view;
    }

    fn open_paths(&mut self, paths: Vec<PathBuf>) {
        if let Some(project) = self.state.project.clone() {
            self.add_to_project(project, paths.into_iter().map(Input::Path).collect());
            return;
        }
        let ws = &mut self.state.workspace;
        for p in &paths {
            let label = p.display().to_string();
            ws.removed.retain(|r| !r.starts_with(&label));
            if !ws.paths.contains(p) {
                ws.paths.push(p.clone());
            }
        }
        self.start_load(paths.into_iter().map(Input::Path).collect());
    }

    fn add_dropped(&mut self, files: Vec<DroppedFile>) {
        // A project file dropped on the window is opened, not read as a report.
        let (projects, files): (Vec<DroppedFile>, Vec<DroppedFile>) =
            files.into_iter().partition(|f| {
                f.path()
                    .extension()
                    .is_some_and(|e| e == crate::project::EXTENSION)
            });
        if let Some(p) = projects.into_iter().next() {
            self.open_project(p.path().to_path_buf());
        }
        if files.is_empty() {
            return;
        }
        if let Some(project) = self.state.project.clone() {
            self.add_to_project(project, files.into_iter().map(Input::Dropped).collect());
            return;
        }
        let ws = &mut self.state.workspace;
        for f in &files {
            let p = f.path().to_path_buf();
            let label = p.display().to_string();
            ws.removed.retain(|r| !r.starts_with(&label));
            if p.is_absolute() && !ws.paths.contains(&p) {
                ws.paths.push(p);
            }
        }
        self.start_load(files.into_iter().map(Input::Dropped).collect());
    }

    fn remove_document(&mut self, path: &str) {
        let step = self.remove(path);
        self.state.undo.push(Step::Removal(step));
        self.state.redo.clear();
    }

    /// Takes the document `path` out of the corpus and the workspace and reanalyses; gives
    /// back what it took, so the removal can be undone.
    fn remove(&mut self, path: &str) -> Removal {
        let s = &mut self.state;
        let before = Removal {
            path: path.to_string(),
            documents: s
                .corpus
                .documents
                .iter()
                .filter(|d| d.path == path)
                .cloned()
                .collect(),
            problems: s
                .corpus
                .problems
                .iter()
                .filter(|p| p.path == path)
                .cloned()
                .collect(),
            paths: s.workspace.paths.clone(),
            removed: s.workspace.removed.clone(),
        };
        s.workspace
            .paths
            .retain(|p| p.display().to_string() != path);
        if !s.workspace.removed.iter().any(|r| r == path) {
            s.workspace.removed.push(path.to_string());
        }
        s.corpus.documents.retain(|d| d.path != path);
        s.corpus.problems.retain(|p| p.path != path);
        renumber(&mut s.corpus);
        if let Some(project) = s.project.clone() {
            self.start_project(
                project,
                ProjectTask::Update {
                    inputs: Vec::new(),
                    remove: vec![path.to_string()],
                    restore: Vec::new(),
                },
            );
        } else {
            self.start_load(Vec::new());
        }
        before
    }

    /// Puts a removed document back, as it was read, and reanalyses.
    fn restore(&mut self, r: Removal) {
        let s = &mut self.state;
        s.workspace.paths = r.paths;
        s.workspace.removed = r.removed;
        if let Some(project) = s.project.clone() {
            self.start_project(
                project,
                ProjectTask::Update {
                    inputs: Vec::new(),
                    remove: Vec::new(),
                    restore: r.documents,
                },
            );
            return;
        }
        s.corpus.documents.extend(r.documents);
        s.corpus.problems.extend(r.problems);
        renumber(&mut s.corpus);
        self.start_load(Vec::new());
    }

    /// Opens the project at `path` on a job; the app shows it when it is read.
    pub(super) fn open_project(&mut self, path: PathBuf) {
        self.start_project(path, ProjectTask::Open);
    }

    /// Writes the corpus and the corrections into a new project at `path` (replacing the file
    /// there, which the Save dialog asked about), then works in it.
    fn save_project_as(&mut self, path: PathBuf) {
        let s = &self.state;
        let task = ProjectTask::SaveAs {
            corpus: s.corpus.clone(),
            corrections: s.workspace.corrections.clone(),
            view: s.view,
        };
        self.start_project(path, task);
    }

    /// Leaves the project: the workspace from before it comes back and is read again.
    fn close_project(&mut self) {
        let s = &mut self.state;
        if s.project.is_none() {
            return;
        }
        super::app::stash_unsaved(s);
        s.project = None;
        self.jobs.cancel(work::PROJECT);
        let mut ws = s.aside.take().unwrap_or_default();
        ws.project = None;
        ws.recent_projects = std::mem::take(&mut s.workspace.recent_projects);
        ws.view = s.view;
        s.workspace = ws;
        s.project_saved = None;
        s.project_stale = false;
        s.project_changed.clear();
        s.concordance = None;
        s.aggregate = None;
        s.undo.clear();
        s.redo.clear();
        s.corpus = crate::ingest::Corpus::default();
        let mut inputs = Vec::new();
        if s.workspace.seeds {
            inputs.push(Input::Seeds);
        }
        inputs.extend(s.workspace.paths.iter().cloned().map(Input::Path));
        self.start_load(inputs);
    }

    /// Reads `inputs` into the open project at `project`.
    fn add_to_project(&mut self, project: PathBuf, inputs: Vec<Input>) {
        let task = ProjectTask::Update {
            inputs,
            remove: Vec::new(),
            restore: Vec::new(),
        };
        self.start_project(project, task);
    }

    pub(super) fn start_project(&mut self, path: PathBuf, task: ProjectTask) {
        work::start_project(&mut self.jobs, &self.engine, path, task);
        self.sync_job_status();
    }

    /// Applies one change to the lexicon (undoable) and mines the phrases again.
    fn edit_lexicon(&mut self, edit: LexiconEdit) {
        let mut lexicon = self.state.workspace.user_lexicon.clone();
        match edit {
            LexiconEdit::Stop(strings) => {
                for t in strings {
                    let t = t.trim().to_string();
                    if !t.is_empty() && !lexicon.stop.contains(&t) {
                        lexicon.stop.push(t);
                    }
                }
            }
            LexiconEdit::Unstop(t) => lexicon.stop.retain(|s| *s != t),
            LexiconEdit::AddWord(t) => {
                let t = t.trim().to_string();
                if !t.is_empty() && !lexicon.words.iter().any(|w| w.text == t) {
                    lexicon.words.push(crate::phrase::lexicon::UserWord {
                        text: t,
                        freq: None,
                        tag: None,
                    });
                }
            }
            LexiconEdit::RemoveWord(t) => lexicon.words.retain(|w| w.text != t),
            LexiconEdit::Merge(a, b) => {
                lexicon.add_merge(&a, &b);
            }
            LexiconEdit::Unmerge(set) => lexicon.merge.retain(|m| *m != set),
        }
        if lexicon == self.state.workspace.user_lexicon {
            return;
        }
        let before = self.replace_lexicon(lexicon);
        self.state.undo.push(Step::Lexicon(before));
        self.state.redo.clear();
    }

    /// Puts `lexicon` in place, starts mining the phrases again with it and gives back the one
    /// replaced.
    fn replace_lexicon(&mut self, lexicon: crate::phrase::Lexicon) -> crate::phrase::Lexicon {
        let s = &mut self.state;
        let old = std::mem::replace(&mut s.workspace.user_lexicon, lexicon.clone());
        work::start_rephrase(
            &mut self.jobs,
            &self.engine,
            Arc::clone(&s.raw),
            s.workspace.corrections.clone(),
            lexicon,
            s.project.clone(),
        );
        self.sync_job_status();
        old
    }

    fn search(&mut self, pattern: &str) {
        let pattern = pattern.trim().to_string();
        pattern.clone_into(&mut self.search.query);
        let s = &mut self.state;
        s.view = View::Search;
        if pattern.is_empty() {
            s.concordance = None;
            self.jobs.cancel(work::SEARCH);
            return;
        }
        work::start_search(
            &mut self.jobs,
            Arc::clone(&s.analysis),
            s.project.clone(),
            pattern,
            s.concordance_sort,
        );
        self.sync_job_status();
    }

    fn select_meeting(&mut self, id: Option<MeetingId>, open: bool) {
        self.state.selected_meeting = id;
        if open && id.is_some() {
            self.state.view = View::Reader;
        }
    }

    fn show_diff(&mut self, pair: DiffPair) {
        self.state.diff = Some(pair);
        self.state.view = View::Diff;
    }

    /// Starts aligning the Diff view's pair unless it is aligned, or being aligned, already; a
    /// running alignment of another pair is replaced.
    fn align_diff(&mut self, dark: bool, min_pct: u8) {
        let s = &mut self.state;
        let Some(pair) = s.diff.clone() else {
            return;
        };
        let key = (s.revision, pair, dark, min_pct);
        let done = s.diff_rows.as_ref().is_some_and(|r| r.key == key);
        if done || (s.aligning.as_ref() == Some(&key) && self.jobs.is_running(ALIGN)) {
            return;
        }
        s.aligning = Some(key.clone());
        work::start_align(&mut self.jobs, Arc::clone(&s.analysis), key);
    }

    fn export(&mut self, table: TableKind, path: PathBuf, format: ExportFormat, overwrite: bool) {
        let s = &mut self.state;
        if path.exists() && !overwrite {
            s.pending_export = Some(PendingExport {
                table,
                path,
                format,
            });
            return;
        }
        s.pending_export = None;
        let analysis = Arc::clone(&s.analysis);
        let focus = work::ExportFocus {
            diff: s.diff.clone(),
            group: s.selected_group,
            track: s.tracked.clone(),
            lexicon: s.workspace.user_lexicon.clone(),
        };
        work::start_export(&mut self.jobs, analysis, table, focus, path, format);
    }

    /// Writes a chart of the chosen group: SVG at once, PNG from the next frame's pixels (see
    /// `logic`).
    fn save_chart(&mut self, chart: Chart, path: PathBuf, png: bool) {
        if png {
            self.pending_png = Some((chart, path));
            return;
        }
        let lang = self.state.settings.lang;
        let svg = self.diffusion.svg(chart, self.state.selected_group);
        let result = svg
            .ok_or_else(|| tr(lang, "Choose a phrase group to see how it spread.").to_string())
            .and_then(|svg| {
                crate::export::write::write_atomic(&path, svg.as_bytes()).map_err(|e| e.to_string())
            });
        match result {
            Ok(()) => self.state.notify(
                Level::Info,
                format!("{} {}", tr(lang, "Exported"), path.display()),
            ),
            Err(e) => self
                .state
                .notify(Level::Error, format!("{}: {e}", tr(lang, "Export failed"))),
        }
    }

    fn correct_meeting(&mut self, id: MeetingId, correction: Correction) {
        let s = &mut self.state;
        let Some(m) = s.raw.meeting(id) else { return };
        let key = meeting_key(&s.raw, m);
        let before = s.workspace.corrections.clone();
        if correction.is_empty() {
            s.workspace.corrections.remove(&key);
        } else {
            s.workspace.corrections.insert(key, correction);
        }
        if before != s.workspace.corrections {
            s.undo.push(Step::Corrections(before));
            s.redo.clear();
            self.start_corrections();
        }
    }

    fn undo(&mut self) {
        match self.state.undo.pop() {
            Some(Step::Corrections(prev)) => {
                let now = self.replace_corrections(prev);
                self.state.redo.push(Step::Corrections(now));
            }
            Some(Step::Lexicon(prev)) => {
                let now = self.replace_lexicon(prev);
                self.state.redo.push(Step::Lexicon(now));
            }
            Some(Step::Removal(r)) => {
                let path = r.path.clone();
                self.restore(r);
                // Redo removes it again.
                self.state.redo.push(Step::Removal(Removal {
                    path,
                    documents: Vec::new(),
                    problems: Vec::new(),
                    paths: Vec::new(),
                    removed: Vec::new(),
                }));
            }
            None => {
                let s = &mut self.state;
                let text = tr(s.settings.lang, "Nothing to undo");
                s.notify(Level::Info, text);
            }
        }
    }

    fn redo(&mut self) {
        match self.state.redo.pop() {
            Some(Step::Corrections(next)) => {
                let now = self.replace_corrections(next);
                self.state.undo.push(Step::Corrections(now));
            }
            Some(Step::Lexicon(next)) => {
                let now = self.replace_lexicon(next);
                self.state.undo.push(Step::Lexicon(now));
            }
            Some(Step::Removal(r)) => {
                let step = self.remove(&r.path);
                self.state.undo.push(Step::Removal(step));
            }
            None => {}
        }
    }

    /// Puts `corrections` in place, starts applying them and gives back the ones replaced.
    fn replace_corrections(&mut self, corrections: Corrections) -> Corrections {
        let old = std::mem::replace(&mut self.state.workspace.corrections, corrections);
        self.start_corrections();
        old
    }
}
