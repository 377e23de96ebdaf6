//! Every loaded document with encoding, format, place, meetings found and problems.

use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;

/// The Library view.
#[derive(Debug, Default)]
pub struct LibraryView {
    /// Meetings per document, for the revision it was counted at.
    counts: Option<(u64, Vec<usize>)>,
    /// How often each field was right in the checked and corrected meetings.
    trust: crate::gui::panels::check::TrustView,
}

impl LibraryView {
    /// Draws the document table.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let a = &s.analysis;
        if self.counts.as_ref().is_none_or(|(r, _)| *r != s.revision) {
            let mut counts = vec![0; a.documents.len()];
            for m in &a.meetings {
                if let Some(c) = counts.get_mut(m.doc.0 as usize) {
                    *c += 1;
                }
            }
            self.counts = Some((s.revision, counts));
        }
        let counts = self
            .counts
            .as_ref()
            .map(|(_, c)| c.as_slice())
            .unwrap_or_default();
        self.trust.ui(ui, cx);
        let rows = a.documents.len() + a.problems.len();
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
                for c in [
                    "Path", "Encoding", "Format", "Place", "Meetings", "Problems", "",
                ] {
                    h.col(|ui| {
                        ui.strong(if c.is_empty() { "" } else { tr(lang, c) });
                    });
                }
            })
            .body(|body| {
                body.rows(24.0, rows, |mut row| {
                    let i = row.index();
                    if let Some(d) = a.documents.get(i) {
                        row.col(|ui| {
                            ui.label(&d.path).on_hover_text(&d.path);
                        });
                        row.col(|ui| {
                            ui.label(&d.encoding);
                        });
                        row.col(|ui| {
                            ui.label(d.format.as_str());
                        });
                        row.col(|ui| {
                            ui.label(d.place.as_ref().map_or("—", |p| p.name.as_ref()));
                        });
                        row.col(|ui| {
                            ui.label(counts.get(i).copied().unwrap_or(0).to_string());
                        });
                        row.col(|ui| {
                            let text = d.problems.join("; ");
                            ui.colored_label(ui.visuals().warn_fg_color, &text)
                                .on_hover_text(&text);
                        });
                        row.col(|ui| actions_ui(ui, cx, &d.path));
                    } else if let Some(p) = a.problems.get(i - a.documents.len()) {
                        row.col(|ui| {
                            ui.label(&p.path).on_hover_text(&p.path);
                        });
                        for _ in 0..4 {
                            row.col(|ui| {
                                ui.weak("—");
                            });
                        }
                        row.col(|ui| {
                            ui.colored_label(ui.visuals().error_fg_color, &p.message)
                                .on_hover_text(&p.message);
                        });
                        row.col(|ui| actions_ui(ui, cx, &p.path));
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
