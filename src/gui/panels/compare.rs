//! The phrase group × place matrix (sortable, filterable) and, for a chosen group, the sentences
//! that carry it in each place, with the variant found there marked.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use egui_extras::{Column, TableBuilder};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::pipeline::Analysis;

/// The column the matrix is sorted by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    /// Engine rank (best first).
    #[default]
    Rank,
    /// The phrase, in code point order.
    Phrase,
    /// Occurrences over all places.
    Total,
    /// Occurrences in the place with this index.
    Place(usize),
}

/// Per place (short name), the laid-out sentences.
type PlaceSentences = Vec<(String, Vec<LayoutJob>)>;

/// The Compare view.
#[derive(Debug, Default)]
pub struct CompareView {
    filter: String,
    sort: SortKey,
    descending: bool,
    /// Group indices in display order, for (revision, filter, sort, descending).
    order: Vec<usize>,
    order_key: Option<(u64, String, SortKey, bool)>,
    /// Per place, the sentences of the chosen group, built once per (revision, group).
    sentences: Option<((u64, u32), PlaceSentences)>,
}

impl CompareView {
    /// Draws the matrix and the chosen group's sentences.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let a = &s.analysis;
        let filter_id = egui::Id::unique("compare-filter");
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            ui.memory_mut(|m| m.request_focus(filter_id));
        }
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "Filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .id(filter_id)
                    .hint_text(tr(lang, "Ctrl+F"))
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
            ui.label(format!("{} / {}", self.order.len(), a.phrases.len()));
        });
        if a.phrases.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "No phrase groups yet.")));
            return;
        }
        let key = (s.revision, self.filter.clone(), self.sort, self.descending);
        if self.order_key.as_ref() != Some(&key) {
            self.order = sorted_rows(a, &self.filter, self.sort, self.descending);
            self.order_key = Some(key);
        }
        egui::Panel::bottom("compare-sentences")
            .resizable(true)
            .default_size(ui.available_height() * 0.45)
            .min_size(160.0)
            .show(ui, |ui| self.sentences_ui(ui, cx));
        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::horizontal().show(ui, |ui| self.matrix_ui(ui, cx));
        });
    }

    fn header_button(&mut self, ui: &mut egui::Ui, text: &str, key: SortKey) {
        let arrow = match (self.sort == key, self.descending) {
            (true, true) => " ↓",
            (true, false) => " ↑",
            (false, _) => "",
        };
        if ui.button(format!("{text}{arrow}")).clicked() {
            if self.sort == key {
                self.descending = !self.descending;
            } else {
                self.sort = key;
                self.descending = !matches!(key, SortKey::Phrase | SortKey::Rank);
            }
        }
    }

    fn matrix_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let st = cx.state;
        let lang = st.settings.lang;
        let a = &st.analysis;
        let places = &a.places;
        TableBuilder::new(ui)
            .id_salt("compare-matrix")
            .striped(true)
            .column(Column::exact(40.0))
            .column(Column::initial(220.0).at_least(120.0).clip(true))
            .column(Column::exact(64.0))
            .columns(Column::exact(72.0), places.len())
            .header(24.0, |mut h| {
                h.col(|ui| self.header_button(ui, "#", SortKey::Rank));
                h.col(|ui| self.header_button(ui, tr(lang, "Phrase group"), SortKey::Phrase));
                h.col(|ui| self.header_button(ui, tr(lang, "Total"), SortKey::Total));
                for (i, p) in places.iter().enumerate() {
                    h.col(|ui| self.header_button(ui, p, SortKey::Place(i)));
                }
            })
            .body(|body| {
                body.rows(22.0, self.order.len(), |mut row| {
                    let Some(g) = self.order.get(row.index()).and_then(|&i| a.phrases.get(i))
                    else {
                        return;
                    };
                    let chosen = st.selected_group == Some(g.id);
                    row.set_selected(chosen);
                    row.col(|ui| {
                        ui.weak((g.id + 1).to_string());
                    });
                    row.col(|ui| {
                        let r = ui.selectable_label(chosen, &g.phrase);
                        let r = if g.differs.is_empty() {
                            r
                        } else {
                            r.on_hover_text(&g.differs)
                        };
                        if r.clicked() {
                            cx.tx
                                .send(Command::SelectPhraseGroup((!chosen).then_some(g.id)));
                        }
                    });
                    row.col(|ui| {
                        ui.label(total(g).to_string());
                    });
                    for p in places {
                        row.col(|ui| match g.places.get(p) {
                            // Columns scrolled out of sight get no widgets: wide matrices stay cheap.
                            Some(u) if u.count > 0 && ui.is_rect_visible(ui.max_rect()) => {
                                let r = ui.label(u.count.to_string());
                                if let Some(first) = u.first {
                                    r.on_hover_text(format!("{} {first}", tr(lang, "first use")));
                                }
                            }
                            // Empty cells and columns scrolled out of sight get no widgets, so a
                            // wide, sparse matrix stays cheap to draw.
                            _ => {}
                        });
                    }
                });
            });
    }

    fn sentences_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let Some(g) = s
            .selected_group
            .and_then(|g| s.analysis.phrases.get(g as usize))
        else {
            ui.add_space(12.0);
            ui.vertical_centered(|ui| {
                ui.label(tr(lang, "Choose a phrase group to see its sentences."))
            });
            return;
        };
        let key = (s.revision, g.id);
        if self.sentences.as_ref().is_none_or(|(k, _)| *k != key) {
            self.sentences = Some((
                key,
                group_sentences(&s.analysis, g.id as usize, ui.visuals().dark_mode),
            ));
        }
        ui.horizontal(|ui| {
            ui.strong(&g.phrase);
            let variants: Vec<String> = g
                .variants
                .iter()
                .map(|v| format!("{} ×{}", v.text, v.count))
                .collect();
            ui.label(format!(
                "{}: {}",
                tr(lang, "Variants"),
                variants.join(" / ")
            ));
        });
        let Some((_, columns)) = &self.sentences else {
            return;
        };
        egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (place, jobs) in columns {
                    ui.vertical(|ui| {
                        ui.set_width(280.0);
                        ui.strong(format!("{place} ({})", jobs.len()));
                        for job in jobs {
                            let mut job = job.clone();
                            job.wrap.max_width = 280.0;
                            ui.label(job);
                            ui.add_space(4.0);
                        }
                    });
                    ui.separator();
                }
            });
        });
    }
}

fn total(g: &crate::model::PhraseGroup) -> usize {
    g.places.values().map(|u| u.count).sum()
}

/// Group indices passing `filter` (a substring of any variant), in the order asked for.
pub fn sorted_rows(a: &Analysis, filter: &str, sort: SortKey, descending: bool) -> Vec<usize> {
    let filter = filter.trim();
    let mut rows: Vec<usize> = a
        .phrases
        .iter()
        .enumerate()
        .filter(|(_, g)| {
            filter.is_empty()
                || g.phrase.contains(filter)
                || g.variants.iter().any(|v| v.text.contains(filter))
        })
        .map(|(i, _)| i)
        .collect();
    let count = |i: usize, place: usize| {
        a.places
            .get(place)
            .and_then(|p| a.phrases[i].places.get(p))
            .map_or(0, |u| u.count)
    };
    // Ties keep engine rank, so the order never flickers.
    match sort {
        SortKey::Rank => {}
        SortKey::Phrase => rows.sort_by(|&x, &y| a.phrases[x].phrase.cmp(&a.phrases[y].phrase)),
        SortKey::Total => rows.sort_by_key(|&i| total(&a.phrases[i])),
        SortKey::Place(p) => rows.sort_by_key(|&i| count(i, p)),
    }
    if descending {
        rows.reverse();
        // Reversal also reversed the ties; put them back in rank order.
        let key = |i: usize| match sort {
            SortKey::Rank => i,
            SortKey::Phrase => 0,
            SortKey::Total => total(&a.phrases[i]),
            SortKey::Place(p) => count(i, p),
        };
        if !matches!(sort, SortKey::Phrase | SortKey::Rank) {
            rows.sort_by(|&x, &y| key(y).cmp(&key(x)).then(x.cmp(&y)));
        }
    }
    rows
}

/// Per place, each directive carrying the group, with the occurrence marked; a variant other
/// than the group's main phrase is marked in a second colour.
fn group_sentences(a: &Analysis, group: usize, dark: bool) -> Vec<(String, Vec<LayoutJob>)> {
    let Some(g) = a.phrases.get(group) else {
        return Vec::new();
    };
    let fg = if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(30)
    };
    let same = if dark {
        Color32::from_rgb(90, 60, 10)
    } else {
        Color32::from_rgb(255, 222, 160)
    };
    let other = if dark {
        Color32::from_rgb(20, 70, 110)
    } else {
        Color32::from_rgb(190, 225, 255)
    };
    let mut by_place: std::collections::BTreeMap<String, Vec<LayoutJob>> =
        std::collections::BTreeMap::new();
    for o in &g.occurrences {
        let Some(m) = a.meeting(o.meeting) else {
            continue;
        };
        let Some(d) = m.directives.get(o.directive) else {
            continue;
        };
        let Some(doc) = a.document_of(m) else {
            continue;
        };
        let place = m
            .place
            .as_ref()
            .map_or_else(String::new, |p| p.name.to_string());
        let sentence = d.span.slice(&doc.text);
        let mut job = LayoutJob::default();
        let plain = TextFormat::simple(FontId::proportional(14.0), fg);
        let rel_start = o.span.start.checked_sub(d.span.start);
        let rel_end = o.span.end.checked_sub(d.span.start);
        match (rel_start, rel_end) {
            (Some(st), Some(en)) if sentence.get(st..en).is_some() => {
                let mut hit = plain.clone();
                hit.background = if o.text == g.phrase { same } else { other };
                job.append(&sentence[..st], 0.0, plain.clone());
                job.append(&sentence[st..en], 0.0, hit);
                job.append(&sentence[en..], 0.0, plain);
            }
            // The span does not sit inside the directive: show the directive's text as read.
            _ => job.append(&d.text, 0.0, plain),
        }
        by_place.entry(place).or_default().push(job);
    }
    by_place.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhraseGroup, PlaceUse, Variant};

    fn group(id: u32, phrase: &str, uses: &[(&str, usize)]) -> PhraseGroup {
        PhraseGroup {
            id,
            phrase: phrase.into(),
            variants: vec![Variant {
                text: phrase.into(),
                count: 1,
            }],
            differs: String::new(),
            places: uses
                .iter()
                .map(|(p, n)| {
                    (
                        (*p).to_string(),
                        PlaceUse {
                            count: *n,
                            meetings: 1,
                            first: None,
                        },
                    )
                })
                .collect(),
            meetings: Vec::new(),
            occurrences: Vec::new(),
            score: 1.0,
        }
    }

    fn analysis() -> Analysis {
        Analysis {
            places: vec!["甲县".into(), "乙市".into()],
            phrases: vec![
                group(0, "外防输入、内防反弹", &[("甲县", 3), ("乙市", 1)]),
                group(1, "复工复产", &[("乙市", 5)]),
                group(2, "两手抓、两手都要硬", &[("甲县", 1)]),
            ],
            ..Analysis::default()
        }
    }

    fn check(filter: &str, sort: SortKey, descending: bool, expect: &[usize]) {
        assert_eq!(sorted_rows(&analysis(), filter, sort, descending), expect);
    }

    #[test]
    fn sorts_and_filters() {
        check("", SortKey::Rank, false, &[0, 1, 2]);
        check("", SortKey::Total, true, &[1, 0, 2]);
        check("", SortKey::Total, false, &[2, 0, 1]);
        check("", SortKey::Place(0), true, &[0, 2, 1]);
        check("", SortKey::Place(1), true, &[1, 0, 2]);
        check("两手", SortKey::Rank, false, &[2]);
        check("防", SortKey::Total, true, &[0]);
        check("没有", SortKey::Rank, false, &[]);
    }
}
