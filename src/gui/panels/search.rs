//! The Search view: a string looked up in every document (through the project's full-text
//! index when a project is open), each hit as a concordance line with its place, date and
//! meeting; ordered by document, left or right context, or date; exported as a table.

use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::jobs::work::SEARCH;
use crate::gui::panels::{ViewCtx, meeting_link};
use crate::project::KwicSort;

/// The Search view's own state: what is typed.
#[derive(Debug, Default)]
pub struct SearchView {
    /// The string in the box.
    pub query: String,
    /// Whether the box takes the keyboard on the next frame (Ctrl+F).
    pub focus: bool,
}

impl SearchView {
    /// Draws the box, the order buttons and the concordance.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        ui.horizontal(|ui| {
            let edit = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("外防输入 | 复工复产|复产复工")
                    .desired_width(260.0),
            );
            if std::mem::take(&mut self.focus) {
                edit.request_focus();
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr(lang, "Look up")).clicked() || enter {
                cx.tx.send(Command::Search(self.query.clone()));
            }
            ui.separator();
            ui.label(tr(lang, "Sort by"));
            for (sort, label) in [
                (KwicSort::Document, "document"),
                (KwicSort::Left, "left context"),
                (KwicSort::Right, "right context"),
                (KwicSort::Date, "date"),
            ] {
                if ui
                    .selectable_label(s.concordance_sort == sort, tr(lang, label))
                    .clicked()
                {
                    cx.tx.send(Command::SortConcordance(sort));
                }
            }
            ui.separator();
            let has_lines = s.concordance.as_ref().is_some_and(|c| !c.lines.is_empty());
            if ui
                .add_enabled(has_lines, egui::Button::new(tr(lang, "Export…")))
                .clicked()
            {
                cx.tx.send(Command::ShowConcordanceExport);
            }
            if s.jobs.iter().any(|j| j.name == SEARCH) {
                ui.spinner();
            }
        });
        let Some(c) = &s.concordance else {
            ui.weak(tr(
                lang,
                "Type a string and press Enter: every occurrence in every document, in context.",
            ));
            return;
        };
        ui.label(format!(
            "「{}」 {} {} {}",
            c.pattern,
            c.total,
            tr(lang, "hits in"),
            c.documents
        ));
        let mono = egui::TextStyle::Body.resolve(ui.style());
        TableBuilder::new(ui)
            .id_salt("concordance")
            .striped(true)
            .column(Column::exact(70.0))
            .column(Column::exact(88.0))
            .column(Column::initial(330.0).clip(true))
            .column(Column::auto())
            .column(Column::initial(330.0).clip(true))
            .column(Column::remainder().at_least(120.0).clip(true))
            .header(22.0, |mut h| {
                for name in [
                    "Place",
                    "Date",
                    "left context",
                    "",
                    "right context",
                    "Meeting",
                ] {
                    h.col(|ui| {
                        ui.strong(tr(lang, name));
                    });
                }
            })
            .body(|body| {
                body.rows(22.0, c.lines.len(), |mut row| {
                    let Some(l) = c.lines.get(row.index()) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(l.place.as_deref().unwrap_or("—"));
                    });
                    row.col(|ui| {
                        ui.label(l.date.map_or_else(|| "—".to_string(), |d| d.to_string()));
                    });
                    row.col(|ui| {
                        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                            ui.label(egui::RichText::new(&l.left).font(mono.clone()));
                        });
                    });
                    row.col(|ui| {
                        ui.label(
                            egui::RichText::new(&l.hit)
                                .strong()
                                .color(ui.visuals().hyperlink_color),
                        );
                    });
                    row.col(|ui| {
                        ui.label(egui::RichText::new(&l.right).font(mono.clone()));
                    });
                    row.col(|ui| match l.meeting {
                        Some(id) => {
                            let text = l.title.clone().unwrap_or_else(|| id.to_string());
                            meeting_link(ui, cx, text, Some(&l.path), id);
                        }
                        None => {
                            ui.weak(&l.path).on_hover_text(&l.path);
                        }
                    });
                });
            });
    }
}
