//! Every loaded document with encoding, format, place, meetings found and problems.

use egui_extras::{Column, TableBuilder};

use crate::export::Table;
use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::report::{self, Focus, TableKind};

/// The Library view: draws the report's library table (documents, then files that could not
/// be read), with actions per row.
#[derive(Debug, Default)]
pub struct LibraryView {
    /// The library table of the revision it was built at.
    table: Option<(u64, Table)>,
    /// How often each field was right in the checked and corrected meetings.
    trust: crate::gui::panels::check::TrustView,
}

/// The report table's columns, in order: path, encoding, format, place, meetings, problems.
const COLUMNS: [&str; 6] = [
    "Path", "Encoding", "Format", "Place", "Meetings", "Problems",
];

impl LibraryView {
    /// Draws the document table.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        if self.table.as_ref().is_none_or(|(r, _)| *r != s.revision) {
            let t = report::table(&s.analysis, TableKind::Library, Focus::default());
            self.table = Some((s.revision, t));
        }
        let Some((_, table)) = &self.table else {
            return;
        };
        let documents = s.analysis.documents.len();
        self.trust.ui(ui, cx);
        TableBuilder::new(ui)
            .id_salt("library")
            .striped(true)
            .column(Column::remainder().at_least(220.0).clip(true))
            .column(Column::exact(80.0))
            .column(Column::exact(70.0))
            .column(Column::exact(80.0))
            .column(Column::exact(60.0))
            .column(Column::initial(220.0).clip(true))
            .column(Column::exact(170.0))
            .header(22.0, |mut h| {
                for c in COLUMNS {
                    h.col(|ui| {
                        ui.strong(tr(lang, c));
                    });
                }
                h.col(|_| {});
            })
            .body(|body| {
                body.rows(24.0, table.len(), |mut row| {
                    let i = row.index();
                    let Some(cells) = table.rows.get(i) else {
                        return;
                    };
                    let unread = i >= documents;
                    for (c, cell) in cells.iter().enumerate() {
                        row.col(|ui| match c {
                            0 => {
                                ui.label(cell).on_hover_text(cell);
                            }
                            5 => {
                                let text = crate::gui::messages::messages(lang, cell);
                                let color = if unread {
                                    ui.visuals().error_fg_color
                                } else {
                                    ui.visuals().warn_fg_color
                                };
                                ui.colored_label(color, &text).on_hover_text(&text);
                            }
                            _ if cell.is_empty() || (unread && c < 4) => {
                                ui.weak("—");
                            }
                            _ => {
                                ui.label(cell);
                            }
                        });
                    }
                    if let Some(path) = cells.first() {
                        // Side by side: stacked, the second button would fall out of the row.
                        row.col(|ui| {
                            ui.horizontal(|ui| actions_ui(ui, cx, path));
                        });
                    }
                });
            });
    }
}

fn actions_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, path: &str) {
    let lang = cx.state.settings.lang;
    if ui.small_button(tr(lang, "Remove")).clicked() {
        cx.tx.send(Command::RemoveDocument(path.to_string()));
    }
    let folder = std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty());
    if let Some(folder) = folder
        && ui.small_button(tr(lang, "Open folder")).clicked()
    {
        open_folder(folder.to_path_buf());
    }
}

/// Opens a folder in the system's file manager, off the UI thread.
fn open_folder(folder: std::path::PathBuf) {
    let opener = if cfg!(target_os = "windows") {
        "explorer"
    } else if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::thread::Builder::new()
        .name("tifa-open-folder".into())
        .spawn(move || {
            if let Err(e) = std::process::Command::new(opener).arg(&folder).status() {
                log::warn!("cannot open {}: {e}", folder.display());
            }
        });
}
