//! The phrase group × place matrix (sortable, filterable) and, for a chosen group, the sentences
//! that carry it in each place, with the variant found there marked. Both are report views
//! ([`report::matrix`], [`report::side_by_side`]) built once per analysis revision: this panel
//! only draws them.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use egui_extras::{Column, TableBuilder};

use crate::gui::command::{Command, LexiconEdit};
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_link};
use crate::report::side::PlaceSentences;
use crate::report::{self, Matrix};

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
type LaidOut = Vec<(String, Vec<(LayoutJob, SentenceMeta)>)>;

/// Where a sentence of the chosen group comes from, shown above it.
#[derive(Clone, Debug)]
struct SentenceMeta {
    meeting: crate::model::MeetingId,
    date: Option<chrono::NaiveDate>,
    file: String,
}

/// A matrix column's place: its level (if the gazetteer knows it) and its province.
pub type PlaceColumn = (Option<crate::model::PlaceLevel>, String);

/// Which phrase groups the matrix shows: used in at least `min_places` places, by a place of
/// `level`, in `province`, in a meeting dated within `from`–`to` (YYYY-MM-DD, either may be
/// blank).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Filters {
    /// Fewest places using the group.
    pub min_places: usize,
    /// Only groups some place of this level uses.
    pub level: Option<crate::model::PlaceLevel>,
    /// Only groups some place of this province uses.
    pub province: Option<String>,
    /// Earliest date of a meeting using it.
    pub from: String,
    /// Latest date.
    pub to: String,
}

impl Default for Filters {
    fn default() -> Self {
        Self {
            min_places: 1,
            level: None,
            province: None,
            from: String::new(),
            to: String::new(),
        }
    }
}

/// The Compare view.
#[derive(Debug, Default)]
pub struct CompareView {
    /// The imported aggregate's section.
    aggregate: super::aggregate::AggregateSection,
    filter: String,
    sort: SortKey,
    descending: bool,
    /// The matrix of the analysis at a revision.
    matrix: Option<(u64, Matrix)>,
    /// Row indices in display order, for (revision, filter, sort, descending).
    order: Vec<usize>,
    order_key: Option<(u64, String, SortKey, bool, Filters)>,
    /// Which groups the matrix shows beyond the text filter.
    filters: Filters,
    /// Each matrix column's level and province, for the filters, per revision.
    columns: Option<(u64, Vec<PlaceColumn>)>,
    /// Per place, the sentences of the chosen group, built once per (revision, group).
    sentences: Option<((u64, u32), LaidOut)>,
    /// Per place, the shares of clauses restated, adapted and local, computed off the UI thread
    /// once per revision and only when asked for (the section is open).
    shares: crate::gui::jobs::Offthread<u64, Vec<crate::report::restated::PlaceShares>>,
    /// Keyness of every (place, group), per revision, when its section is open.
    keyness: Option<(u64, Vec<crate::compare::keyness::Keyness>)>,
    /// The place whose keyness is shown.
    keyness_place: Option<String>,
    /// The phrase being typed in the track box.
    track_input: String,
    /// What is typed in the lexicon box.
    lexicon_input: String,
    /// Where the tracked phrase occurs, for (revision, phrase).
    tracked: Option<((u64, String), crate::report::track::Track)>,
}

impl CompareView {
    /// The matrix the view draws (as of the last frame), if any.
    pub fn matrix(&self) -> Option<&Matrix> {
        self.matrix.as_ref().map(|(_, m)| m)
    }

    /// Draws the matrix and the chosen group's sentences.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        if self.matrix.as_ref().is_none_or(|(r, _)| *r != s.revision) {
            self.matrix = Some((s.revision, report::matrix(&s.analysis)));
        }
        let filter_id = egui::Id::unique("compare-filter");
        if ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::F)) {
            ui.memory_mut(|m| m.request_focus(filter_id));
        }
        let rows = self.matrix().map_or(0, |m| m.rows.len());
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "Filter"));
            ui.add(
                egui::TextEdit::singleline(&mut self.filter)
                    .id(filter_id)
                    .hint_text(tr(lang, "Ctrl+F"))
                    .desired_width(240.0),
            )
            .labelled_by(l.id);
            ui.label(format!("{} / {rows}", self.order.len()));
        });
        if self.columns.as_ref().is_none_or(|(r, _)| *r != s.revision)
            && let Some(m) = self.matrix()
        {
            let provinces = report::diffusion::provinces(&s.analysis);
            let mut levels: std::collections::BTreeMap<&str, crate::model::PlaceLevel> =
                std::collections::BTreeMap::new();
            for mt in &s.analysis.meetings {
                if let Some(p) = report::place::place(mt, &s.analysis.documents)
                    && let Some(level) = p.known_level()
                {
                    levels.entry(p.name.as_ref()).or_insert(level);
                }
            }
            let cols = m
                .places
                .iter()
                .map(|p| {
                    (
                        levels.get(p.as_str()).copied(),
                        provinces.get(p).cloned().unwrap_or_default(),
                    )
                })
                .collect();
            self.columns = Some((s.revision, cols));
        }
        self.filters_ui(ui, lang);
        egui::CollapsingHeader::new(tr(lang, "Restated from above, by place"))
            .id_salt("compare-shares")
            .default_open(false)
            .show(ui, |ui| self.shares_ui(ui, cx));
        // A phrase tracked from elsewhere (a group's menu) opens the section on it.
        let tracked_anew = s
            .tracked
            .as_ref()
            .is_some_and(|p| self.tracked.as_ref().is_none_or(|((_, k), _)| k != p));
        if tracked_anew && let Some(p) = &s.tracked {
            self.track_input.clone_from(p);
        }
        egui::CollapsingHeader::new(tr(lang, "Track a formula"))
            .id_salt("compare-track")
            .default_open(false)
            .open(tracked_anew.then_some(true))
            .show(ui, |ui| self.track_ui(ui, cx));
        egui::CollapsingHeader::new(tr(lang, "Keyness by place"))
            .id_salt("compare-keyness")
            .default_open(false)
            .show(ui, |ui| self.keyness_ui(ui, cx));
        if let Some(aggregate) = s.aggregate.clone() {
            egui::CollapsingHeader::new(tr(lang, "Imported aggregate"))
                .id_salt("compare-aggregate-section")
                .default_open(false)
                .show(ui, |ui| self.aggregate.ui(ui, cx, &aggregate));
        }
        egui::CollapsingHeader::new(tr(lang, "lexicon"))
            .id_salt("compare-lexicon")
            .default_open(false)
            .show(ui, |ui| self.lexicon_ui(ui, cx));
        merge_banner_ui(ui, lang);
        if rows == 0 {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "No phrase groups yet.")));
            return;
        }
        let key = (
            s.revision,
            self.filter.clone(),
            self.sort,
            self.descending,
            self.filters.clone(),
        );
        if self.order_key.as_ref() != Some(&key) {
            if let (Some((_, m)), Some((_, cols))) = (&self.matrix, &self.columns) {
                let mut order = sorted_rows(m, &self.filter, self.sort, self.descending);
                let date = |id: crate::model::MeetingId| {
                    s.analysis.meeting(id).and_then(|x| x.date).map(|d| d.date)
                };
                order.retain(|&i| keep(&m.rows[i], cols, &self.filters, &date));
                self.order = order;
            }
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

    /// Any phrase the user types, shown as a mined group is: per place its count and first use,
    /// its frequency per place over time, and its sentences.
    /// The user's lexicon: the words kept whole and the strings never listed, each with a button
    /// taking it out, and a box adding either.
    fn lexicon_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        let lexicon = &s.workspace.user_lexicon;
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut self.lexicon_input)
                    .hint_text(tr(lang, "a word or string"))
                    .desired_width(200.0),
            );
            let typed = !self.lexicon_input.trim().is_empty();
            if ui
                .add_enabled(typed, egui::Button::new(tr(lang, "Add to the dictionary")))
                .clicked()
            {
                let t = std::mem::take(&mut self.lexicon_input);
                cx.tx.send(Command::EditLexicon(LexiconEdit::AddWord(t)));
            }
            if ui
                .add_enabled(typed, egui::Button::new(tr(lang, "Never list")))
                .clicked()
            {
                let t = std::mem::take(&mut self.lexicon_input);
                cx.tx.send(Command::EditLexicon(LexiconEdit::Stop(vec![t])));
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, "Dictionary"));
            if lexicon.words.is_empty() {
                ui.weak("—");
            }
            for w in &lexicon.words {
                if ui
                    .small_button(format!("{} ×", w.text))
                    .on_hover_text(tr(lang, "Take out of the lexicon"))
                    .clicked()
                {
                    cx.tx.send(Command::EditLexicon(LexiconEdit::RemoveWord(
                        w.text.clone(),
                    )));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, "Never listed"));
            if lexicon.stop.is_empty() {
                ui.weak("—");
            }
            for t in &lexicon.stop {
                if ui
                    .small_button(format!("{t} ×"))
                    .on_hover_text(tr(lang, "Take out of the lexicon"))
                    .clicked()
                {
                    cx.tx
                        .send(Command::EditLexicon(LexiconEdit::Unstop(t.clone())));
                }
            }
        });
        if ui
            .small_button(tr(lang, "Export the lexicon"))
            .on_hover_text(tr(
                lang,
                "Its words, the strings never listed and the groups merged, as a table",
            ))
            .clicked()
        {
            cx.tx
                .send(Command::ShowExportTable(report::TableKind::Lexicon));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr(lang, "Merged"));
            if lexicon.merge.is_empty() {
                ui.weak("—");
            }
            for set in &lexicon.merge {
                if ui
                    .small_button(format!("{} ×", set.join(" = ")))
                    .on_hover_text(tr(lang, "Take apart again"))
                    .clicked()
                {
                    cx.tx
                        .send(Command::EditLexicon(LexiconEdit::Unmerge(set.clone())));
                }
            }
        });
    }

    fn track_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "Phrase"));
            let edit = ui
                .add(
                    egui::TextEdit::singleline(&mut self.track_input)
                        .hint_text(tr(lang, "type a phrase, Enter"))
                        .desired_width(240.0),
                )
                .labelled_by(l.id);
            if edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                cx.tx.send(Command::Track(self.track_input.clone()));
            }
            if ui.button(tr(lang, "Track")).clicked() {
                cx.tx.send(Command::Track(self.track_input.clone()));
            }
            if ui
                .add_enabled(
                    !self.track_input.trim().is_empty(),
                    egui::Button::new(tr(lang, "Add to the dictionary")),
                )
                .on_hover_text(tr(lang, "Kept whole and always listed as a phrase"))
                .clicked()
            {
                cx.tx.send(Command::EditLexicon(LexiconEdit::AddWord(
                    self.track_input.clone(),
                )));
            }
        });
        let Some(phrase) = s.tracked.clone() else {
            return;
        };
        let key = (s.revision, phrase.clone());
        if self.tracked.as_ref().is_none_or(|(k, _)| *k != key) {
            self.tracked = Some((key, report::track::track(&s.analysis, &phrase)));
        }
        let Some((_, t)) = &self.tracked else { return };
        if t.sentences.is_empty() {
            ui.weak(tr(lang, "Not found in any meeting."));
            return;
        }
        ui.horizontal_wrapped(|ui| {
            ui.strong(&t.phrase);
            for p in &t.places {
                let first = p.first.map_or_else(String::new, |d| format!(" · {d}"));
                ui.label(format!("{} {}{first}", p.place, p.count));
            }
        });
        ui.horizontal(|ui| {
            ui.label(tr(lang, "Export the data:"));
            if ui.small_button(tr(lang, "every clause")).clicked() {
                cx.tx
                    .send(Command::ShowExportTable(report::TableKind::Track));
            }
            if ui.small_button(tr(lang, "per place and month")).clicked() {
                cx.tx
                    .send(Command::ShowExportTable(report::TableKind::TrackMonths));
            }
        });
        ui.columns(2, |cols| {
            trend_ui(&mut cols[0], t);
            egui::ScrollArea::vertical()
                .id_salt("compare-track-sentences")
                .max_height(160.0)
                .show(&mut cols[1], |ui| {
                    for sentence in &t.sentences {
                        let date = sentence
                            .date
                            .map_or_else(|| tr(lang, "undated").to_string(), |d| d.to_string());
                        meeting_link(
                            ui,
                            cx,
                            format!("{date} · {} · {}", sentence.place, sentence.meeting),
                            Some(&sentence.file),
                            sentence.meeting,
                        );
                        ui.label(&sentence.text);
                    }
                });
        });
    }

    /// For one place, the formulae it uses more (or less) than the other places, by Dunning's
    /// log-likelihood, strongest first; a click chooses the group.
    fn keyness_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        use crate::compare::keyness::{self, Direction, KeynessConfig};
        let s = cx.state;
        let lang = s.settings.lang;
        if self.keyness.as_ref().is_none_or(|(r, _)| *r != s.revision) {
            let rows = keyness::keyness(&s.analysis, &KeynessConfig::default());
            self.keyness = Some((s.revision, rows));
        }
        let places: Vec<String> = s.analysis.places.clone();
        if self
            .keyness_place
            .as_ref()
            .is_none_or(|p| !places.contains(p))
        {
            self.keyness_place = places.first().cloned();
        }
        ui.horizontal(|ui| {
            let l = ui.label(tr(lang, "Place"));
            egui::ComboBox::from_id_salt("compare-keyness-place")
                .selected_text(self.keyness_place.clone().unwrap_or_default())
                .show_ui(ui, |ui| {
                    for p in &places {
                        ui.selectable_value(&mut self.keyness_place, Some(p.clone()), p);
                    }
                })
                .response
                .labelled_by(l.id);
            if ui.small_button(tr(lang, "Export…")).clicked() {
                cx.tx
                    .send(Command::ShowExportTable(report::TableKind::Keyness));
            }
        });
        let (Some((_, rows)), Some(place)) = (&self.keyness, &self.keyness_place) else {
            return;
        };
        let mut mine: Vec<&keyness::Keyness> = rows
            .iter()
            .filter(|k| &k.place == place && k.direction != Direction::Even)
            .collect();
        mine.sort_by(|a, b| b.g2.total_cmp(&a.g2));
        egui::ScrollArea::vertical()
            .id_salt("compare-keyness-scroll")
            .max_height(180.0)
            .show(ui, |ui| {
                egui::Grid::new("compare-keyness-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for key in [
                            "Phrase group",
                            "",
                            "G²",
                            "uses / words here",
                            "uses / words elsewhere",
                        ] {
                            ui.strong(tr(lang, key));
                        }
                        ui.end_row();
                        for k in mine.iter().take(30) {
                            if ui.link(&k.phrase).clicked() {
                                cx.tx.send(Command::SelectPhraseGroup(Some(k.group)));
                            }
                            let more = k.direction == Direction::More;
                            ui.colored_label(
                                if more {
                                    Color32::from_rgb(60, 160, 90)
                                } else {
                                    Color32::from_rgb(220, 80, 80)
                                },
                                tr(lang, if more { "more" } else { "less" }),
                            );
                            ui.label(format!("{:.1}", k.g2));
                            ui.label(format!("{}/{}", k.place_count, k.place_words));
                            ui.label(format!("{}/{}", k.rest_count, k.rest_words));
                            ui.end_row();
                        }
                    });
            });
    }

    /// The filters beyond the text: fewest places, level, province, date range.
    fn filters_ui(&mut self, ui: &mut egui::Ui, lang: crate::gui::command::Lang) {
        use crate::gui::panels::diffusion::level_label;
        use crate::model::PlaceLevel;
        let provinces: Vec<String> = self
            .columns
            .as_ref()
            .map(|(_, c)| {
                let set: std::collections::BTreeSet<String> = c
                    .iter()
                    .map(|(_, p)| p.clone())
                    .filter(|p| !p.is_empty())
                    .collect();
                set.into_iter().collect()
            })
            .unwrap_or_default();
        let f = &mut self.filters;
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr(lang, "At least"));
            ui.add(egui::DragValue::new(&mut f.min_places).range(1..=999))
                .labelled_by(l.id);
            ui.label(tr(lang, "places"));
            ui.separator();
            let l = ui.label(tr(lang, "Level"));
            egui::ComboBox::from_id_salt("compare-level")
                .selected_text(
                    f.level
                        .map_or(tr(lang, "any"), |lv| level_label(lang, Some(lv))),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.level, None, tr(lang, "any"));
                    for lv in [
                        PlaceLevel::National,
                        PlaceLevel::Province,
                        PlaceLevel::Prefecture,
                        PlaceLevel::County,
                    ] {
                        ui.selectable_value(&mut f.level, Some(lv), level_label(lang, Some(lv)));
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(tr(lang, "In province"));
            egui::ComboBox::from_id_salt("compare-province")
                .selected_text(
                    f.province
                        .clone()
                        .unwrap_or_else(|| tr(lang, "any").to_string()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut f.province, None, tr(lang, "any"));
                    for p in provinces {
                        let text = p.clone();
                        ui.selectable_value(&mut f.province, Some(p), text);
                    }
                })
                .response
                .labelled_by(l.id);
            ui.separator();
            let l = ui.label(tr(lang, "From"));
            ui.add(
                egui::TextEdit::singleline(&mut f.from)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .labelled_by(l.id);
            let l = ui.label(tr(lang, "To"));
            ui.add(
                egui::TextEdit::singleline(&mut f.to)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(100.0),
            )
            .labelled_by(l.id);
        });
    }

    fn shares_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        // Computed off the UI thread: on a large corpus it takes seconds. A project keeps it,
        // and reads it back while the analysis it was computed from stands.
        let analysis = std::sync::Arc::clone(&s.analysis);
        let project = s.project.clone();
        let Some(places) = self
            .shares
            .get(&s.revision, ui.ctx(), "tifa-shares", move || {
                let config = report::RestateConfig::default();
                match project {
                    Some(path) => {
                        crate::project::restatement_in(&path, &analysis, &config)
                            .unwrap_or_else(|e| {
                                log::warn!("the restatement analysis is not kept: {e}");
                                report::restated(&analysis, &config)
                            })
                            .places
                    }
                    None => report::restated(&analysis, &config).places,
                }
            })
        else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr(lang, "Analysis in progress…"));
            });
            return;
        };
        ui.horizontal(|ui| {
            ui.label(tr(lang, "Export the data:"));
            for (kind, label) in [
                (report::TableKind::Shares, "shares"),
                (report::TableKind::Adapted, "adapted clauses"),
                (report::TableKind::Restated, "every clause"),
            ] {
                if ui.small_button(tr(lang, label)).clicked() {
                    cx.tx.send(Command::ShowExportTable(kind));
                }
            }
        });
        egui::ScrollArea::vertical()
            .id_salt("compare-shares-scroll")
            .max_height(160.0)
            .show(ui, |ui| {
                egui::Grid::new("compare-shares-grid")
                    .striped(true)
                    .show(ui, |ui| {
                        for key in [
                            "Place",
                            "Meetings",
                            "with texts above",
                            "restated",
                            "adapted",
                            "local",
                        ] {
                            ui.strong(tr(lang, key));
                        }
                        ui.end_row();
                        for p in places {
                            ui.label(&p.place);
                            ui.label(p.meetings.to_string());
                            ui.label(p.with_sources.to_string());
                            if p.with_sources == 0 {
                                // Nothing above was loaded: the shares would say nothing.
                                ui.weak("—");
                                ui.weak("—");
                                ui.weak("—");
                            } else {
                                for v in [p.shares.restated, p.shares.adapted, p.shares.local] {
                                    ui.label(format!("{:.0}%", v * 100.0));
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
    }

    fn header_button(
        ui: &mut egui::Ui,
        sort: &mut SortKey,
        descending: &mut bool,
        text: &str,
        key: SortKey,
    ) {
        let arrow = match (*sort == key, *descending) {
            (true, true) => " ↓",
            (true, false) => " ↑",
            (false, _) => "",
        };
        if ui.button(format!("{text}{arrow}")).clicked() {
            if *sort == key {
                *descending = !*descending;
            } else {
                *sort = key;
                *descending = !matches!(key, SortKey::Phrase | SortKey::Rank);
            }
        }
    }

    fn matrix_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let st = cx.state;
        let lang = st.settings.lang;
        let Some((_, m)) = &self.matrix else {
            return;
        };
        let (sort, descending) = (&mut self.sort, &mut self.descending);
        let order = &self.order;
        TableBuilder::new(ui)
            .id_salt("compare-matrix")
            .striped(true)
            .column(Column::exact(40.0))
            .column(Column::initial(220.0).at_least(120.0).clip(true))
            .column(Column::exact(64.0))
            .columns(Column::exact(104.0), m.places.len())
            .header(24.0, |mut h| {
                h.col(|ui| Self::header_button(ui, sort, descending, "#", SortKey::Rank));
                h.col(|ui| {
                    let text = tr(lang, "Phrase group");
                    Self::header_button(ui, sort, descending, text, SortKey::Phrase);
                });
                h.col(|ui| {
                    let text = tr(lang, "Total");
                    Self::header_button(ui, sort, descending, text, SortKey::Total);
                });
                for (i, p) in m.places.iter().enumerate() {
                    h.col(|ui| Self::header_button(ui, sort, descending, p, SortKey::Place(i)));
                }
            })
            .body(|body| {
                body.rows(22.0, order.len(), |mut row| {
                    let Some(r) = order.get(row.index()).and_then(|&i| m.rows.get(i)) else {
                        return;
                    };
                    let chosen = st.selected_group == Some(r.group);
                    row.set_selected(chosen);
                    row.col(|ui| {
                        ui.weak((r.group + 1).to_string());
                    });
                    row.col(|ui| {
                        let resp = ui.selectable_label(chosen, &r.phrase);
                        let group = st.analysis.phrases.get(r.group as usize);
                        let mut hover = group.map_or_else(String::new, |g| score_text(g, lang));
                        if !r.differs.is_empty() {
                            hover = format!(
                                "{hover}\n{}",
                                crate::gui::messages::differs(lang, &r.differs)
                            );
                        }
                        let resp = if hover.is_empty() {
                            resp
                        } else {
                            resp.on_hover_text(hover)
                        };
                        if resp.clicked() {
                            cx.tx
                                .send(Command::SelectPhraseGroup((!chosen).then_some(r.group)));
                        }
                        if let Some(g) = group {
                            resp.context_menu(|ui| group_menu_ui(ui, cx, g));
                        }
                    });
                    row.col(|ui| {
                        ui.label(r.total.to_string());
                    });
                    for c in &r.cells {
                        row.col(|ui| {
                            // Empty cells and columns scrolled out of sight get no widgets, so a
                            // wide, sparse matrix stays cheap to draw.
                            if c.count > 0 && ui.is_rect_visible(ui.max_rect()) {
                                // The count and, beside it, the date of the place's first use.
                                let text = c.first.map_or_else(
                                    || c.count.to_string(),
                                    |d| format!("{} · {d}", c.count),
                                );
                                let resp = ui.label(egui::RichText::new(text).size(12.0));
                                if let Some(first) = c.first {
                                    resp.on_hover_text(format!(
                                        "{} · {} {first}",
                                        c.label(),
                                        tr(lang, "first use")
                                    ));
                                }
                            }
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
            let side = report::side_by_side(&s.analysis, g.id);
            let laid = side.map_or_else(Vec::new, |side| {
                by_first_use(lay_out(&side.places, &g.phrase, ui.visuals().dark_mode))
            });
            self.sentences = Some((key, laid));
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
            // Directives are where a group is mined; the concordance shows every page using it.
            if ui
                .small_button(tr(lang, "In all documents"))
                .on_hover_text(tr(lang, "Every occurrence in every document, in context"))
                .clicked()
            {
                let variants: Vec<&str> = g.variants.iter().map(|v| v.text.as_str()).collect();
                cx.tx.send(Command::Search(variants.join("|")));
            }
        });
        let Some((_, columns)) = &self.sentences else {
            return;
        };
        if g.lineage.len() > 1 {
            egui::Panel::left("compare-lineage")
                .resizable(true)
                .default_size(260.0)
                .min_size(160.0)
                .show(ui, |ui| lineage_ui(ui, g, cx));
        }
        egui::ScrollArea::both().auto_shrink(false).show(ui, |ui| {
            ui.horizontal_top(|ui| {
                for (place, jobs) in columns {
                    ui.vertical(|ui| {
                        ui.set_width(280.0);
                        ui.strong(format!("{place} ({})", jobs.len()));
                        // Earliest first: the first sentence is the place's first use.
                        let first = jobs.iter().filter_map(|(_, m)| m.date).min();
                        for (i, (job, meta)) in jobs.iter().enumerate() {
                            ui.horizontal_wrapped(|ui| {
                                let date = meta.date.map_or_else(
                                    || tr(lang, "undated").to_string(),
                                    |d| d.to_string(),
                                );
                                meeting_link(
                                    ui,
                                    cx,
                                    format!("{date} · {}", meta.meeting),
                                    Some(&meta.file),
                                    meta.meeting,
                                );
                                if i == 0 && first.is_some() && meta.date == first {
                                    ui.colored_label(
                                        Color32::from_rgb(230, 120, 20),
                                        tr(lang, "first use"),
                                    );
                                }
                            });
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

/// A tracked phrase's occurrences per month, one line per place (the eight that use it most).
fn trend_ui(ui: &mut egui::Ui, t: &report::track::Track) {
    use crate::gui::widgets::date_axis::day_number;
    let month_day = |m: &str| {
        chrono::NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d")
            .ok()
            .map(day_number)
    };
    let top: Vec<&str> = t.places.iter().take(8).map(|p| p.place.as_str()).collect();
    let months = trend_months(t);
    let (lo, hi) = (
        months.first().and_then(|m| month_day(m)),
        months.last().and_then(|m| month_day(m)),
    );
    let mut plot = egui_plot::Plot::new(("compare-trend", t.phrase.clone()))
        .height(160.0)
        .allow_scroll(false)
        .include_y(0.0)
        .legend(egui_plot::Legend::default())
        .x_axis_formatter(crate::gui::panels::diffusion::date_axis);
    // A fortnight either side, so a single month is not at the very edge.
    if let (Some(lo), Some(hi)) = (lo, hi) {
        plot = plot.include_x(lo - 15.0).include_x(hi + 15.0);
    }
    plot.show(ui, |plot| {
        for (k, place) in top.into_iter().enumerate() {
            let color = TREND_COLOURS[k % TREND_COLOURS.len()];
            // Every month from the first use anywhere to the last, months without a use at 0.
            let points: Vec<[f64; 2]> = months
                .iter()
                .filter_map(|month| {
                    let n = t
                        .months
                        .iter()
                        .find(|m| m.place == place && m.month == *month)
                        .map_or(0, |m| m.count);
                    month_day(month).map(|x| [x, n as f64])
                })
                .collect();
            plot.line(
                egui_plot::Line::new(place, points.clone())
                    .width(1.5)
                    .color(color),
            );
            plot.points(
                egui_plot::Points::new(place, points)
                    .radius(2.5)
                    .color(color),
            );
        }
    });
}

/// One colour per place in the trends chart, the line and its points alike.
const TREND_COLOURS: [egui::Color32; 8] = [
    egui::Color32::from_rgb(86, 156, 214),
    egui::Color32::from_rgb(230, 126, 34),
    egui::Color32::from_rgb(106, 190, 110),
    egui::Color32::from_rgb(214, 86, 106),
    egui::Color32::from_rgb(170, 120, 220),
    egui::Color32::from_rgb(200, 180, 60),
    egui::Color32::from_rgb(80, 190, 190),
    egui::Color32::from_rgb(180, 140, 110),
];

/// Every month from the first dated use of a tracked phrase to the last (`2020-02`), at most
/// twenty years of them.
pub fn trend_months(t: &report::track::Track) -> Vec<String> {
    let parse = |m: &str| -> Option<(i32, u32)> {
        let (y, mo) = m.split_once('-')?;
        Some((y.parse().ok()?, mo.parse().ok()?))
    };
    let (Some(first), Some(last)) = (
        t.months.iter().filter_map(|m| parse(&m.month)).min(),
        t.months.iter().filter_map(|m| parse(&m.month)).max(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let (mut y, mut m) = first;
    while (y, m) <= last && out.len() < 240 {
        out.push(format!("{y:04}-{m:02}"));
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    out
}

/// A score mark's name in the interface language (the JSON keeps the English names).
fn mark_label(lang: crate::gui::command::Lang, mark: &str) -> String {
    let key = match mark {
        "numbered" => "numbered",
        "parallel" => "parallel",
        "list" => "list",
        "quoted" => "quoted",
        "idiom" => "idiom",
        "policy term" => "policy term",
        "lexicon" => "lexicon",
        "slot" => "slot",
        other => return other.to_string(),
    };
    tr(lang, key).to_string()
}

/// What a group's score is made of, one part a line, for its tooltip.
pub fn score_text(g: &crate::model::PhraseGroup, lang: crate::gui::command::Lang) -> String {
    let p = &g.parts;
    let marks = if p.marks.is_empty() {
        tr(lang, "none").to_string()
    } else {
        p.marks
            .iter()
            .map(|m| mark_label(lang, m))
            .collect::<Vec<_>>()
            .join(match lang {
                crate::gui::command::Lang::Zh => "、",
                crate::gui::command::Lang::En => ", ",
            })
    };
    format!(
        "{} {:.2}\n{} {:.2} ({marks})\n{} {:.2} ({} {})\n{} {:.2}\n{} {:.2}",
        tr(lang, "Score"),
        g.score,
        tr(lang, "Shape"),
        p.shape,
        tr(lang, "Spread"),
        p.spread,
        p.outlets,
        tr(lang, "outlets"),
        tr(lang, "Fixedness"),
        p.fixedness,
        tr(lang, "Specificity"),
        p.specificity,
    )
}

/// The group chosen first for a merge, kept in the context's memory until the second is
/// chosen or the merge is cancelled: its name and variants.
type MergeFrom = Option<(String, Vec<String>)>;

fn merge_from_id() -> egui::Id {
    egui::Id::unique("compare-merge-from")
}

/// The group waiting for a partner to merge with, if any.
fn merge_from(ctx: &egui::Context) -> MergeFrom {
    ctx.data(|d| d.get_temp::<MergeFrom>(merge_from_id()))
        .flatten()
}

fn set_merge_from(ctx: &egui::Context, from: MergeFrom) {
    ctx.data_mut(|d| d.insert_temp(merge_from_id(), from));
}

/// While a group waits for its partner: what to do next, and a way out.
fn merge_banner_ui(ui: &mut egui::Ui, lang: crate::gui::command::Lang) {
    let Some((name, _)) = merge_from(ui.ctx()) else {
        return;
    };
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} 「{name}」",
            tr(lang, "Right-click another group to merge it with")
        ));
        if ui.button(tr(lang, "Cancel the merge")).clicked() {
            set_merge_from(ui.ctx(), None);
        }
    });
}

/// A phrase group's right-click menu: merge it with another, never list it, or search every
/// document for it.
fn group_menu_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, g: &crate::model::PhraseGroup) {
    let lang = cx.state.settings.lang;
    let variants: Vec<String> = g.variants.iter().map(|v| v.text.clone()).collect();
    match merge_from(ui.ctx()) {
        Some((name, from)) if from != variants => {
            if ui
                .button(format!("{} 「{name}」", tr(lang, "Merge with")))
                .clicked()
            {
                cx.tx.send(Command::EditLexicon(LexiconEdit::Merge(
                    from,
                    variants.clone(),
                )));
                set_merge_from(ui.ctx(), None);
                ui.close();
            }
            if ui.button(tr(lang, "Cancel the merge")).clicked() {
                set_merge_from(ui.ctx(), None);
                ui.close();
            }
        }
        _ => {
            if ui
                .button(tr(lang, "Merge with another group…"))
                .on_hover_text(tr(
                    lang,
                    "Then right-click the other group and choose to merge",
                ))
                .clicked()
            {
                set_merge_from(ui.ctx(), Some((g.phrase.clone(), variants.clone())));
                ui.close();
            }
        }
    }
    if ui
        .button(tr(lang, "Not a formula: never list it"))
        .on_hover_text(tr(
            lang,
            "Its variants go on the stop list; Ctrl+Z takes them off",
        ))
        .clicked()
    {
        cx.tx
            .send(Command::EditLexicon(LexiconEdit::Stop(variants.clone())));
        ui.close();
    }
    if ui
        .button(tr(lang, "Track over time"))
        .on_hover_text(tr(
            lang,
            "Where and when it occurs, place by place and month by month",
        ))
        .clicked()
    {
        cx.tx.send(Command::Track(variants.join("|")));
        ui.close();
    }
    if ui.button(tr(lang, "In all documents")).clicked() {
        let variants: Vec<&str> = g.variants.iter().map(|v| v.text.as_str()).collect();
        cx.tx.send(Command::Search(variants.join("|")));
        ui.close();
    }
}

/// Each lineage entry's depth in its tree: 0 for the first, one more than what it derives from.
pub fn lineage_depths(lineage: &[crate::model::Lineage]) -> Vec<usize> {
    let mut depths: Vec<usize> = Vec::with_capacity(lineage.len());
    for l in lineage {
        let parent = l
            .from
            .as_ref()
            .and_then(|f| lineage.iter().position(|e| &e.text == f))
            .and_then(|i| depths.get(i).copied());
        depths.push(parent.map_or(0, |d| d + 1));
    }
    depths
}

/// The group's variants as a small tree in order of first use: each under the variant it
/// derives from, with how it changed, where and when it was first used; a click opens that
/// meeting.
fn lineage_ui(ui: &mut egui::Ui, g: &crate::model::PhraseGroup, cx: &ViewCtx<'_>) {
    let lang = cx.state.settings.lang;
    ui.strong(tr(lang, "Lineage"));
    let depths = lineage_depths(&g.lineage);
    egui::ScrollArea::vertical()
        .id_salt("lineage-scroll")
        .show(ui, |ui| {
            for (l, depth) in g.lineage.iter().zip(depths) {
                let indent = 14.0 * depth.min(8) as f32;
                // The mark and the variant side by side, a long variant wrapping under itself.
                ui.horizontal_top(|ui| {
                    ui.add_space(indent);
                    ui.weak(if depth == 0 { "●" } else { "└" });
                    ui.vertical(|ui| {
                        meeting_link(ui, cx, &l.text, None, l.first.meeting);
                    });
                });
                let place = l.first.place.as_deref().unwrap_or(tr(lang, "No place"));
                let date = l
                    .first
                    .date
                    .map_or_else(|| "?".to_string(), |d| d.to_string());
                let change = if l.change.is_empty() {
                    String::new()
                } else {
                    format!(" · {}", crate::gui::messages::change(lang, &l.change))
                };
                ui.horizontal(|ui| {
                    ui.add_space(indent + 16.0);
                    ui.weak(format!("{place} {date}{change}"));
                });
                ui.add_space(2.0);
            }
        });
}

/// Row indices of `m` passing `filter` (a substring of any variant), in the order asked for.
pub fn sorted_rows(m: &Matrix, filter: &str, sort: SortKey, descending: bool) -> Vec<usize> {
    let filter = filter.trim();
    let mut rows: Vec<usize> = m
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            filter.is_empty()
                || r.phrase.contains(filter)
                || r.variants.iter().any(|v| v.contains(filter))
        })
        .map(|(i, _)| i)
        .collect();
    let count = |i: usize, place: usize| m.rows[i].cells.get(place).map_or(0, |c| c.count);
    let total = |i: usize| m.rows[i].total;
    // Ties keep engine rank, so the order never flickers.
    match sort {
        SortKey::Rank => {}
        SortKey::Phrase => rows.sort_by(|&x, &y| m.rows[x].phrase.cmp(&m.rows[y].phrase)),
        SortKey::Total => rows.sort_by_key(|&i| total(i)),
        SortKey::Place(p) => rows.sort_by_key(|&i| count(i, p)),
    }
    if descending {
        rows.reverse();
        // Reversal also reversed the ties; put them back in rank order.
        let key = |i: usize| match sort {
            SortKey::Rank => i,
            SortKey::Phrase => 0,
            SortKey::Total => total(i),
            SortKey::Place(p) => count(i, p),
        };
        if !matches!(sort, SortKey::Phrase | SortKey::Rank) {
            rows.sort_by(|&x, &y| key(y).cmp(&key(x)).then(x.cmp(&y)));
        }
    }
    rows
}

/// True when `row` passes `filters`; `columns` gives each matrix column's level and province,
/// `date` each meeting's date.
pub fn keep(
    row: &crate::report::MatrixRow,
    columns: &[PlaceColumn],
    filters: &Filters,
    date: &dyn Fn(crate::model::MeetingId) -> Option<chrono::NaiveDate>,
) -> bool {
    let used: Vec<usize> = row
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.count > 0)
        .map(|(i, _)| i)
        .collect();
    if used.len() < filters.min_places {
        return false;
    }
    if let Some(level) = filters.level
        && !used
            .iter()
            .any(|&i| columns.get(i).is_some_and(|c| c.0 == Some(level)))
    {
        return false;
    }
    if let Some(p) = &filters.province
        && !used
            .iter()
            .any(|&i| columns.get(i).is_some_and(|c| &c.1 == p))
    {
        return false;
    }
    let parse = |s: &str| chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok();
    let (from, to) = (parse(&filters.from), parse(&filters.to));
    if from.is_some() || to.is_some() {
        let within = used.iter().flat_map(|&i| &row.cells[i].meetings).any(|&m| {
            date(m).is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t))
        });
        if !within {
            return false;
        }
    }
    true
}

/// Each place's sentences as laid-out text: the phrase marked, a variant other than the group's
/// main phrase in a second colour, and the part where it departs from the main phrase underlined.
fn lay_out(places: &[PlaceSentences], main: &str, dark: bool) -> LaidOut {
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
    let plain = TextFormat::simple(FontId::proportional(14.0), fg);
    places
        .iter()
        .map(|p| {
            let jobs = p
                .sentences
                .iter()
                .map(|s| {
                    let mut job = LayoutJob::default();
                    let mut hit = plain.clone();
                    hit.background = if s.variant == main { same } else { other };
                    let mut varying = hit.clone();
                    varying.underline = egui::Stroke::new(1.5, fg);
                    // Cut points: the phrase's ends and every varying range's ends.
                    let mut cuts = vec![0, s.phrase.start, s.phrase.end, s.text.len()];
                    for r in &s.varying {
                        cuts.extend([r.start, r.end]);
                    }
                    cuts.retain(|&c| s.text.is_char_boundary(c) && c <= s.text.len());
                    cuts.sort_unstable();
                    cuts.dedup();
                    for w in cuts.windows(2) {
                        let (a, b) = (w[0], w[1]);
                        let format = if s.varying.iter().any(|r| r.start <= a && b <= r.end) {
                            varying.clone()
                        } else if s.phrase.start <= a && b <= s.phrase.end {
                            hit.clone()
                        } else {
                            plain.clone()
                        };
                        job.append(&s.text[a..b], 0.0, format);
                    }
                    let meta = SentenceMeta {
                        meeting: s.meeting,
                        date: s.source.date,
                        file: s.source.file.clone(),
                    };
                    (job, meta)
                })
                .collect();
            (p.place.clone(), jobs)
        })
        .collect()
}

/// The places in order of their first use (undated last, then by name).
fn by_first_use(mut columns: LaidOut) -> LaidOut {
    columns.sort_by_key(|(place, jobs)| {
        let first = jobs.iter().filter_map(|(_, m)| m.date).min();
        (first.is_none(), first, place.clone())
    });
    columns
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{MatrixCell, MatrixRow};

    fn row(group: u32, phrase: &str, counts: &[usize]) -> MatrixRow {
        let cells: Vec<MatrixCell> = counts
            .iter()
            .map(|&count| MatrixCell {
                count,
                ..MatrixCell::default()
            })
            .collect();
        MatrixRow {
            group,
            phrase: phrase.into(),
            variants: vec![phrase.into()],
            differs: String::new(),
            total: counts.iter().sum(),
            cells,
            first_place: None,
        }
    }

    fn matrix() -> Matrix {
        Matrix {
            places: vec!["乙市".into(), "甲县".into()],
            rows: vec![
                row(0, "外防输入、内防反弹", &[1, 3]),
                row(1, "复工复产", &[5, 0]),
                row(2, "两手抓、两手都要硬", &[0, 1]),
            ],
        }
    }

    fn check(filter: &str, sort: SortKey, descending: bool, expect: &[usize]) {
        assert_eq!(sorted_rows(&matrix(), filter, sort, descending), expect);
    }

    #[test]
    fn sorts_and_filters() {
        check("", SortKey::Rank, false, &[0, 1, 2]);
        check("", SortKey::Total, true, &[1, 0, 2]);
        check("", SortKey::Total, false, &[2, 0, 1]);
        check("", SortKey::Place(1), true, &[0, 2, 1]);
        check("", SortKey::Place(0), true, &[1, 0, 2]);
        check("两手", SortKey::Rank, false, &[2]);
        check("防", SortKey::Total, true, &[0]);
        check("没有", SortKey::Rank, false, &[]);
    }

    #[test]
    fn filters_keep_groups_by_places_level_province_and_date() {
        use crate::model::{MeetingId, PlaceLevel};
        let columns = vec![
            (Some(PlaceLevel::County), "浙江".to_string()),
            (Some(PlaceLevel::Prefecture), "江苏".to_string()),
            (Some(PlaceLevel::National), "中央".to_string()),
        ];
        let mut r = row(0, "两手抓", &[1, 0, 2]);
        r.cells[0].meetings = vec![MeetingId(0)];
        r.cells[2].meetings = vec![MeetingId(1)];
        let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
        let date = |m: MeetingId| day(if m.0 == 0 { "2021-03-01" } else { "2021-06-01" });
        let with = |f: Filters| keep(&r, &columns, &f, &date);
        assert!(with(Filters::default()));
        assert!(with(Filters {
            min_places: 2,
            ..Filters::default()
        }));
        assert!(!with(Filters {
            min_places: 3,
            ..Filters::default()
        }));
        assert!(with(Filters {
            level: Some(PlaceLevel::County),
            ..Filters::default()
        }));
        assert!(!with(Filters {
            level: Some(PlaceLevel::Prefecture),
            ..Filters::default()
        }));
        assert!(with(Filters {
            province: Some("浙江".into()),
            ..Filters::default()
        }));
        assert!(!with(Filters {
            province: Some("江苏".into()),
            ..Filters::default()
        }));
        assert!(with(Filters {
            from: "2021-05-01".into(),
            ..Filters::default()
        }));
        assert!(!with(Filters {
            from: "2021-07-01".into(),
            ..Filters::default()
        }));
        assert!(with(Filters {
            to: "2021-03-01".into(),
            ..Filters::default()
        }));
        // A bound that is not a date is ignored rather than hiding everything.
        assert!(with(Filters {
            to: "三月".into(),
            ..Filters::default()
        }));
    }

    #[test]
    fn the_score_tooltip_names_the_marks_in_the_interface_language() {
        use crate::gui::command::Lang;
        let g = crate::model::PhraseGroup {
            id: 0,
            phrase: "有力有序有效".into(),
            variants: Vec::new(),
            differs: String::new(),
            places: std::collections::BTreeMap::new(),
            meetings: Vec::new(),
            occurrences: Vec::new(),
            score: 2.0,
            parts: crate::model::ScoreParts {
                marks: vec!["parallel".into(), "policy term".into()],
                ..crate::model::ScoreParts::default()
            },
            lineage: Vec::new(),
        };
        assert!(score_text(&g, Lang::Zh).contains("排比、政策术语"));
        assert!(score_text(&g, Lang::En).contains("parallel, policy term"));
    }
}
