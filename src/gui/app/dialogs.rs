//! The native Open and Save dialogs, and the "replace the existing file?" modal.

use crate::gui::command::{Chart, Command, CommandSender, ExportFormat, Lang, TableKind, View};
use crate::gui::i18n::tr;
use crate::gui::state::PendingExport;

/// Shows the Open dialog on its own thread; the chosen files come back as a command.
pub fn open(tx: CommandSender) {
    spawn_dialog(move || {
        if let Some(paths) = rfd::FileDialog::new()
            .add_filter(
                "Reports",
                &["txt", "md", "html", "htm", "shtml", "docx", "pdf"],
            )
            .add_filter("All", &["*"])
            .pick_files()
        {
            tx.send(Command::OpenPaths(paths));
        }
    });
}

/// Shows the Save dialog for the table of `view` on its own thread; the choice comes back as
/// an export command (a name without a known extension is written as CSV).
pub fn export(tx: CommandSender, view: View) {
    export_table(tx, table_in_view(view));
}

/// Shows the Open dialog for a project file on its own thread.
pub fn open_project(tx: CommandSender) {
    spawn_dialog(move || {
        if let Some(path) = rfd::FileDialog::new()
            .add_filter("Tifa", &[crate::project::EXTENSION])
            .pick_file()
        {
            tx.send(Command::OpenProject(path));
        }
    });
}

/// Shows the Save dialog for a new project on its own thread (`.tifa` is added to a name
/// without it).
pub fn save_project(tx: CommandSender) {
    spawn_dialog(move || {
        if let Some(path) = rfd::FileDialog::new()
            .set_file_name("corpus.tifa")
            .add_filter("Tifa", &[crate::project::EXTENSION])
            .save_file()
        {
            let path = if path.extension().is_none() {
                path.with_extension(crate::project::EXTENSION)
            } else {
                path
            };
            tx.send(Command::SaveProjectAs(path));
        }
    });
}

/// Shows the Save dialog for the concordance on its own thread.
pub fn export_concordance(tx: CommandSender) {
    spawn_dialog(move || {
        if let Some((path, format)) = pick_table_file("tifa-concordance.csv".into()) {
            tx.send(Command::ExportConcordance(path, format));
        }
    });
}

/// Shows the Save dialog for the project's imported aggregate on its own thread.
pub fn export_aggregate(tx: CommandSender) {
    spawn_dialog(move || {
        if let Some((path, format)) = pick_table_file("tifa-aggregate.csv".into()) {
            tx.send(Command::ExportAggregate(path, format));
        }
    });
}

/// The Save dialog for a table, offering each export format; a name without a known extension
/// is written as CSV. Blocks: call it on a dialog thread.
fn pick_table_file(name: String) -> Option<(std::path::PathBuf, ExportFormat)> {
    let path = rfd::FileDialog::new()
        .set_file_name(name)
        .add_filter("CSV", &["csv"])
        .add_filter("Excel", &["xlsx"])
        .add_filter("Markdown", &["md"])
        .add_filter("JSON", &["json"])
        .save_file()?;
    Some(match ExportFormat::from_path(&path) {
        Some(format) => (path, format),
        None => (path.with_extension("csv"), ExportFormat::Csv),
    })
}

/// Shows the Save dialog for `table` on its own thread, as [`export`] does.
pub fn export_table(tx: CommandSender, table: TableKind) {
    let name = format!("tifa-{}.csv", table_name(table));
    spawn_dialog(move || {
        let Some((path, format)) = pick_table_file(name) else {
            return;
        };
        tx.send(Command::Export {
            table,
            path,
            format,
            overwrite: false,
        });
    });
}

/// Shows the Save dialog for a chart of the Diffusion view (of `group`) on its own thread; the
/// choice comes back as a [`Command::SaveChart`].
pub fn save_chart(tx: CommandSender, chart: Chart, png: bool, group: Option<u32>) {
    let ext = if png { "png" } else { "svg" };
    let name = format!(
        "tifa-{}-{}.{ext}",
        chart.name(),
        group.map_or_else(String::new, |g| g.to_string())
    );
    spawn_dialog(move || {
        let Some(path) = rfd::FileDialog::new()
            .set_file_name(name)
            .add_filter(ext.to_uppercase(), &[ext])
            .save_file()
        else {
            return;
        };
        tx.send(Command::SaveChart { chart, path, png });
    });
}

/// The table an export writes from each view.
pub fn table_in_view(view: View) -> TableKind {
    match view {
        View::Timeline => TableKind::Meetings,
        View::Reader => TableKind::Directives,
        View::Compare => TableKind::Matrix,
        View::Diffusion => TableKind::Adopters,
        View::Diff => TableKind::Diff,
        View::Library | View::Problems | View::Search => TableKind::Library,
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

/// Asks before an export replaces a file.
pub fn confirm_overwrite_ui(
    ctx: &egui::Context,
    p: &PendingExport,
    lang: Lang,
    tx: &CommandSender,
) {
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

/// A path typed or pasted into the window: what it is for and what is typed so far.
#[derive(Clone, Debug)]
pub struct PathPrompt {
    /// What the path is for.
    pub purpose: crate::gui::command::PathPurpose,
    /// The text in the box.
    pub text: String,
    /// Why the last path given was refused.
    pub error: Option<String>,
}

/// Draws the path prompt; returns false when it is closed.
pub fn path_prompt_ui(
    ctx: &egui::Context,
    prompt: &mut PathPrompt,
    lang: Lang,
    tx: &CommandSender,
) -> bool {
    use crate::gui::command::PathPurpose;
    let mut open = true;
    let title = match prompt.purpose {
        PathPurpose::Add => "Add a file or folder by its path",
        PathPurpose::OpenProject => "Open a project by its path",
        PathPurpose::SaveProject => "Save the project under this path",
    };
    let response = egui::Modal::new(egui::Id::unique("tifa-path-prompt")).show(ctx, |ui| {
        ui.label(tr(lang, title));
        let edit = ui.add(
            egui::TextEdit::singleline(&mut prompt.text)
                .hint_text("/home/…/报告")
                .desired_width(480.0),
        );
        edit.request_focus();
        if let Some(e) = &prompt.error {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(tr(lang, "OK")).clicked() || enter {
                let path = std::path::PathBuf::from(prompt.text.trim());
                match prompt.purpose {
                    _ if prompt.text.trim().is_empty() => {}
                    PathPurpose::Add if path.exists() => {
                        tx.send(Command::OpenPaths(vec![path]));
                        open = false;
                    }
                    PathPurpose::OpenProject if path.is_file() => {
                        tx.send(Command::OpenProject(path));
                        open = false;
                    }
                    PathPurpose::Add | PathPurpose::OpenProject => {
                        prompt.error =
                            Some(format!("{}: {}", path.display(), tr(lang, "not found")));
                    }
                    PathPurpose::SaveProject => {
                        let path = if path.extension().is_none() {
                            path.with_extension(crate::project::EXTENSION)
                        } else {
                            path
                        };
                        if path.exists() {
                            prompt.error = Some(format!(
                                "{}: {}",
                                path.display(),
                                tr(lang, "a file is already there")
                            ));
                        } else {
                            tx.send(Command::SaveProjectAs(path));
                            open = false;
                        }
                    }
                }
            }
            if ui.button(tr(lang, "Cancel")).clicked() {
                open = false;
            }
        });
    });
    open && !response.should_close()
}
