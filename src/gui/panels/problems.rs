//! Problems met while reading and analysing, one row each.

use egui_extras::{Column, TableBuilder};

use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::gui::state::Level;

/// (path, message).
type ProblemRow = (String, String);

/// The Problems view.
#[derive(Debug, Default)]
pub struct ProblemsView {
    rows: Option<(u64, usize, Vec<ProblemRow>)>,
}

impl ProblemsView {
    /// Draws every problem: unreadable files, document problems and failed actions.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let key = (s.revision, s.notifications.len());
        if self.rows.as_ref().is_none_or(|(r, n, _)| (*r, *n) != key) {
            let a = &s.analysis;
            let mut rows: Vec<(String, String)> = a
                .problems
                .iter()
                .map(|p| (p.path.clone(), p.message.clone()))
                .collect();
            for d in &a.documents {
                rows.extend(d.problems.iter().map(|p| (d.path.clone(), p.clone())));
            }
            rows.extend(
                s.notifications
                    .iter()
                    .filter(|n| n.level == Level::Error)
                    .map(|n| (String::new(), n.text.clone())),
            );
            self.rows = Some((key.0, key.1, rows));
        }
        let Some((_, _, rows)) = &self.rows else {
            return;
        };
        if rows.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "No problems.")));
            return;
        }
        TableBuilder::new(ui)
            .id_salt("problems")
            .striped(true)
            .column(Column::initial(360.0).clip(true))
            .column(Column::remainder())
            .header(22.0, |mut h| {
                h.col(|ui| {
                    ui.strong(tr(lang, "Path"));
                });
                h.col(|ui| {
                    ui.strong(tr(lang, "Message"));
                });
            })
            .body(|body| {
                body.rows(22.0, rows.len(), |mut row| {
                    let (path, message) = &rows[row.index()];
                    row.col(|ui| {
                        ui.label(path);
                    });
                    row.col(|ui| {
                        ui.label(crate::gui::messages::message(lang, message));
                    });
                });
            });
    }
}
