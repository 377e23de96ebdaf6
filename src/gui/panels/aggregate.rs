//! Compare's section for a project's imported aggregate (docs/scale/): the phrase × place cells
//! of a collection analysed past one machine, filtered by phrase or place, in rows drawn only
//! where they show, with the adoption order and an export.

use std::sync::Arc;

use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::scale::Aggregate;

/// What the section keeps between frames.
#[derive(Debug, Default)]
pub struct AggregateSection {
    /// What is typed in the filter box.
    filter: String,
    /// The rows shown for (aggregate, filter): indices into its cells.
    rows: Option<((usize, String), Vec<usize>)>,
    /// The summary line of an aggregate (by its address) in a language: counting its groups and
    /// places sorts every cell, too much for each frame.
    summary: Option<((usize, crate::gui::command::Lang), String)>,
}

impl AggregateSection {
    /// Draws the summary, the filter, the cells and the export button.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>, aggregate: &Arc<Aggregate>) {
        let lang = cx.state.settings.lang;
        let id = Arc::as_ptr(aggregate) as usize;
        if self.summary.as_ref().is_none_or(|(k, _)| *k != (id, lang)) {
            let line = format!(
                "{} {} · {} {} · {} {} · {} {}",
                aggregate.cells.len(),
                tr(lang, "cells"),
                aggregate.groups(),
                tr(lang, "phrase groups"),
                aggregate.places(),
                tr(lang, "places"),
                aggregate.meetings,
                tr(lang, "meetings"),
            );
            self.summary = Some(((id, lang), line));
        }
        let summary = self.summary.as_ref().map_or("", |(_, line)| line.as_str());
        ui.label(summary).on_hover_text(format!(
            "{} {}\n{} {}",
            tr(lang, "From"),
            aggregate.source,
            tr(lang, "Imported"),
            aggregate.imported
        ));
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "Filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .hint_text(tr(lang, "Filter by phrase or place"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            if ui
                .small_button(tr(lang, "Export the aggregate"))
                .on_hover_text(tr(
                    lang,
                    "Every cell with its uses, meetings, first date and adoption order",
                ))
                .clicked()
            {
                cx.tx.send(Command::ShowAggregateExport);
            }
        });
        let key = (
            Arc::as_ptr(aggregate) as usize,
            self.filter.trim().to_string(),
        );
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            let needle = key.1.as_str();
            let rows = aggregate
                .cells
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    needle.is_empty() || c.phrase.contains(needle) || c.place.contains(needle)
                })
                .map(|(i, _)| i)
                .collect();
            self.rows = Some((key, rows));
        }
        let Some((_, rows)) = &self.rows else {
            return;
        };
        let height = egui::TextStyle::Body.resolve(ui.style()).size + 6.0;
        TableBuilder::new(ui)
            .id_salt("compare-aggregate")
            .striped(true)
            .max_scroll_height(240.0)
            .column(Column::initial(200.0).at_least(80.0).clip(true))
            .column(Column::initial(90.0).at_least(50.0).clip(true))
            .columns(Column::initial(64.0).at_least(40.0), 2)
            .column(Column::initial(96.0).at_least(60.0))
            .columns(Column::initial(64.0).at_least(40.0), 2)
            .header(height, |mut h| {
                for key in [
                    "Phrase group",
                    "Place",
                    "Uses",
                    "Meetings",
                    "First use",
                    "Adopter",
                    "Days later",
                ] {
                    h.col(|ui| {
                        ui.strong(tr(lang, key));
                    });
                }
            })
            .body(|body| {
                body.rows(height, rows.len(), |mut row| {
                    let Some(c) = aggregate.cells.get(rows[row.index()]) else {
                        return;
                    };
                    row.col(|ui| {
                        ui.label(&c.phrase);
                    });
                    row.col(|ui| {
                        ui.label(&c.place);
                    });
                    row.col(|ui| {
                        ui.label(c.uses.to_string());
                    });
                    row.col(|ui| {
                        ui.label(c.meetings.to_string());
                    });
                    row.col(|ui| {
                        ui.label(c.first.map(|d| d.to_string()).unwrap_or_default());
                    });
                    row.col(|ui| {
                        ui.label(c.adopter.map(|a| a.to_string()).unwrap_or_default());
                    });
                    row.col(|ui| {
                        ui.label(c.lag_days.map(|l| l.to_string()).unwrap_or_default());
                    });
                });
            });
    }
}
