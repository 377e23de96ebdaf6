//! Two meetings, or two places, side by side: directives aligned clause to clause, shared and
//! changed characters marked, both sides in one scroll area so they scroll together.
//!
//! Alignment and the rows' layout jobs are built by a background job (see
//! `gui::jobs::work::start_align`); the view asks for them with [`Command::AlignDiff`] and draws
//! only the rows in sight.

use egui::text::LayoutJob;
use egui::{Color32, FontId, Rect, TextFormat, UiBuilder, vec2};

use crate::compare::align::{AlignConfig, Alignment, align_meetings};
use crate::compare::diff::{SegmentKind, TextDiff};
use crate::gui::command::{Command, DiffPair};
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_line};
use crate::model::MeetingId;
use crate::pipeline::Analysis;
use crate::report::align_places;

/// What aligned rows were built for: the analysis revision, the pair, dark mode, and the lowest
/// similarity (in percent) for two clauses to be paired by their wording.
pub type RowsKey = (u64, DiffPair, bool, u8);

/// The pairing threshold the view opens with, in percent (the engine's default).
pub const DEFAULT_MIN_PCT: u8 = 30;

/// The font of the two sides.
const FONT_SIZE: f32 = 14.0;
/// Space between rows.
const ROW_GAP: f32 = 8.0;

/// One aligned row, laid out for drawing.
#[derive(Clone, Debug)]
pub struct Row {
    /// The left clause with its changed characters marked; `None` when it has no partner.
    pub left: Option<LayoutJob>,
    /// The right clause.
    pub right: Option<LayoutJob>,
    /// How alike the two are, 0 to 1.
    pub score: f64,
    /// The formula both clauses carry, when that, not their wording, paired them.
    pub related: Option<String>,
    /// Characters of the longer side, to estimate the row's height before it is laid out.
    chars: usize,
}

/// The Diff view's rows for one pair, as the alignment job hands them over.
#[derive(Clone, Debug)]
pub struct AlignedRows {
    /// What they were built for.
    pub key: RowsKey,
    /// The rows, in order.
    pub rows: Vec<Row>,
}

/// The Diff view.
#[derive(Debug)]
pub struct DiffView {
    /// Estimated top of each row shown (and the end), for the rows, width and order they were
    /// made for.
    tops: Option<(RowsKey, u32, bool, Vec<f32>)>,
    /// The paired rows shown (indices into the rows), in the order chosen.
    shown: Vec<usize>,
    /// The rows whose clause found no partner, listed apart.
    unpaired: Vec<usize>,
    /// Paired rows by similarity, best first, instead of in reading order.
    by_score: bool,
    /// A meeting chosen on one side while the other is still empty: (left, right).
    half: (
        Option<crate::model::MeetingId>,
        Option<crate::model::MeetingId>,
    ),
    /// The same for places.
    half_places: (Option<String>, Option<String>),
    /// Lowest similarity, in percent, for two clauses to be paired by their wording.
    min_pct: u8,
}

impl Default for DiffView {
    fn default() -> Self {
        Self {
            tops: None,
            shown: Vec::new(),
            unpaired: Vec::new(),
            by_score: false,
            half: (None, None),
            half_places: (None, None),
            min_pct: DEFAULT_MIN_PCT,
        }
    }
}

impl DiffView {
    /// Draws the two sides.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let st = cx.state;
        let lang = st.settings.lang;
        pickers_ui(ui, cx, &mut self.half, &mut self.half_places);
        let Some(pair) = st.diff.clone() else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "Choose two meetings.")));
            return;
        };
        let dark = ui.visuals().dark_mode;
        let key = (st.revision, pair, dark, self.min_pct);
        let fresh = st.diff_rows.as_ref().is_some_and(|r| r.key == key);
        if !fresh && st.aligning.as_ref() != Some(&key) {
            cx.tx.send(Command::AlignDiff {
                dark,
                min_pct: self.min_pct,
            });
        }
        // Rows of an older revision of the same pair stay in view until the new ones arrive.
        let Some(aligned) = st.diff_rows.as_ref().filter(|r| r.key.1 == key.1) else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.spinner();
                ui.label(tr(lang, "Aligning…"));
            });
            return;
        };
        ui.horizontal(|ui| {
            let (same, changed) = colors(dark);
            ui.label(egui::RichText::new(tr(lang, "shared")).background_color(same));
            ui.label(egui::RichText::new(tr(lang, "changed")).background_color(changed));
            ui.separator();
            ui.label(tr(lang, "Pairs"));
            ui.selectable_value(&mut self.by_score, false, tr(lang, "in reading order"));
            ui.selectable_value(&mut self.by_score, true, tr(lang, "by similarity"));
            ui.separator();
            let l = ui.label(tr(lang, "Pair from"));
            ui.add(
                egui::Slider::new(&mut self.min_pct, 10..=90)
                    .suffix("%")
                    .step_by(5.0),
            )
            .on_hover_text(tr(
                lang,
                "Lowest similarity for two clauses to be paired by their wording; clauses carrying the same formula pair from 10%",
            ))
            .labelled_by(l.id);
            if !fresh {
                ui.spinner();
            }
        });
        ui.separator();
        let half = ((ui.available_width() - 70.0) / 2.0).max(120.0);
        self.split(aligned);
        // Clauses that found no partner, apart and folded, instead of rows of one side only.
        if !self.unpaired.is_empty() {
            egui::Panel::bottom("diff-unpaired")
                .resizable(true)
                .default_size(120.0)
                .show(ui, |ui| {
                    egui::CollapsingHeader::new(format!(
                        "{} ({})",
                        tr(lang, "Without a partner"),
                        self.unpaired.len()
                    ))
                    .id_salt("diff-unpaired-list")
                    .default_open(false)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical()
                            .id_salt("diff-unpaired-scroll")
                            .auto_shrink(false)
                            .show(ui, |ui| {
                                for &i in &self.unpaired {
                                    if let Some(row) = aligned.rows.get(i) {
                                        row_ui(ui, row, half, lang);
                                    }
                                }
                            });
                    });
                });
        }
        if self.shown.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.label(tr(
                    lang,
                    "No clause of one pairs with a clause of the other: all are listed below.",
                ))
            });
            return;
        }
        self.rows_ui(ui, aligned, half, lang);
    }

    /// Which rows pair two clauses (in the order chosen) and which do not.
    fn split(&mut self, aligned: &AlignedRows) {
        let key_matches = self
            .tops
            .as_ref()
            .is_some_and(|(k, _, by, _)| *k == aligned.key && *by == self.by_score);
        if key_matches {
            return;
        }
        let (mut paired, unpaired): (Vec<usize>, Vec<usize>) = (0..aligned.rows.len())
            .partition(|&i| aligned.rows[i].left.is_some() && aligned.rows[i].right.is_some());
        if self.by_score {
            paired.sort_by(|&a, &b| aligned.rows[b].score.total_cmp(&aligned.rows[a].score));
        }
        self.shown = paired;
        self.unpaired = unpaired;
        self.tops = None;
    }

    /// Draws the rows in sight; the rest are counted by estimated height only, so two whole
    /// places with thousands of rows cost no more a frame than two meetings.
    fn rows_ui(
        &mut self,
        ui: &mut egui::Ui,
        aligned: &AlignedRows,
        half: f32,
        lang: crate::gui::command::Lang,
    ) {
        let font = FontId::proportional(FONT_SIZE);
        let stale = self.tops.as_ref().is_none_or(|(k, w, by, _)| {
            *k != aligned.key || *w != half.to_bits() || *by != self.by_score
        });
        if stale {
            let (glyph, line) = ui
                .ctx()
                .fonts_mut(|f| (f.glyph_width(&font, '国'), f.row_height(&font)));
            let per_line = (half / glyph.max(1.0)).floor().max(1.0);
            let mut tops = Vec::with_capacity(self.shown.len() + 1);
            let mut y = 0.0;
            for r in self.shown.iter().filter_map(|&i| aligned.rows.get(i)) {
                tops.push(y);
                let lines = (r.chars as f32 / per_line).ceil().max(1.0)
                    + if r.related.is_some() { 1.0 } else { 0.0 };
                y += lines * line + ROW_GAP;
            }
            tops.push(y);
            self.tops = Some((aligned.key.clone(), half.to_bits(), self.by_score, tops));
        }
        let Some((_, _, _, tops)) = &self.tops else {
            return;
        };
        let shown = &self.shown;
        let line_color = ui.visuals().faint_bg_color;
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                ui.set_height(tops.last().copied().unwrap_or(0.0));
                let first = tops
                    .partition_point(|t| *t <= viewport.min.y)
                    .saturating_sub(1)
                    .min(shown.len());
                let origin = ui.max_rect().top();
                let top = origin + tops.get(first).copied().unwrap_or(0.0);
                let rect = Rect::from_x_y_ranges(
                    ui.max_rect().x_range(),
                    top..=ui.max_rect().bottom().max(top),
                );
                ui.scope_builder(UiBuilder::new().max_rect(rect), |ui| {
                    ui.skip_ahead_auto_ids(first);
                    // Rows in sight are drawn one after the other at their real height.
                    for row in shown[first..].iter().filter_map(|&i| aligned.rows.get(i)) {
                        if ui.cursor().top() - origin > viewport.max.y {
                            break;
                        }
                        row_ui(ui, row, half, lang);
                        let y = ui.cursor().top() - ROW_GAP / 2.0;
                        ui.painter()
                            .hline(ui.max_rect().x_range(), y, (1.0, line_color));
                    }
                });
            });
    }
}

fn row_ui(ui: &mut egui::Ui, row: &Row, half: f32, lang: crate::gui::command::Lang) {
    ui.horizontal_top(|ui| {
        for side in [&row.left, &row.right] {
            ui.allocate_ui(vec2(half, 0.0), |ui| {
                ui.set_width(half);
                if let Some(j) = side {
                    let mut j = j.clone();
                    j.wrap.max_width = half;
                    ui.label(j);
                }
            });
        }
        ui.weak(format!("{:.0}%", row.score * 100.0));
    });
    if let Some(p) = &row.related {
        ui.weak(format!("{} {p}", tr(lang, "Same formula:")));
    }
    ui.add_space(ROW_GAP);
}

/// Pickers for two meetings, or two places. A meeting chosen on one side while the other
/// is empty waits in `half` for its partner: a side is never set to the other's meeting.
fn pickers_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    half: &mut (Option<MeetingId>, Option<MeetingId>),
    half_places: &mut (Option<String>, Option<String>),
) {
    let st = cx.state;
    let lang = st.settings.lang;
    let a = &st.analysis;
    let no_place = tr(lang, "No place");
    let (left, right) = match &st.diff {
        Some(DiffPair::Meetings(l, r)) => (Some(*l), Some(*r)),
        _ => *half,
    };
    ui.horizontal(|ui| {
        for (side, current, other) in [("Left", left, right), ("Right", right, left)] {
            let label = ui.label(tr(lang, side));
            let text = current
                .and_then(|id| a.meeting(id))
                .map_or_else(|| "—".to_string(), |m| meeting_line(m, no_place));
            let meetings = &a.meetings;
            let line = |i: usize| {
                meetings
                    .get(i)
                    .map_or_else(String::new, |m| meeting_line(m, no_place))
            };
            let at = current.and_then(|id| meetings.iter().position(|m| m.id == id));
            let (response, chosen) = crate::gui::widgets::picker::picker(
                ui,
                if side == "Left" {
                    "diff-pick-left"
                } else {
                    "diff-pick-right"
                },
                text,
                340.0,
                meetings.len(),
                &line,
                at,
                tr(lang, "type to filter"),
            );
            response.labelled_by(label.id);
            if let Some(m) = chosen.and_then(|i| meetings.get(i)) {
                let pick = Some(m.id);
                let (l, r) = if side == "Left" {
                    (pick, other)
                } else {
                    (other, pick)
                };
                if let (Some(l), Some(r)) = (l, r) {
                    *half = (None, None);
                    cx.tx.send(Command::DiffMeetings(l, r));
                } else {
                    *half = (l, r);
                }
            }
        }
    });
    let (lp, rp) = match &st.diff {
        Some(DiffPair::Places(l, r)) => (Some(l.clone()), Some(r.clone())),
        _ => half_places.clone(),
    };
    let (lp, rp) = (lp.as_deref(), rp.as_deref());
    ui.horizontal(|ui| {
        for (side, current, other) in [("Left", lp, rp), ("Right", rp, lp)] {
            let label = ui.label(format!("{} · {}", tr(lang, side), tr(lang, "Place")));
            egui::ComboBox::from_id_salt(("diff-place", side))
                .selected_text(current.unwrap_or("—"))
                .width(160.0)
                .show_ui(ui, |ui| {
                    for p in &a.places {
                        if ui
                            .selectable_label(current == Some(p.as_str()), p)
                            .clicked()
                        {
                            let pick = Some(p.clone());
                            let other = other.map(str::to_string);
                            let (l, r) = if side == "Left" {
                                (pick, other)
                            } else {
                                (other, pick)
                            };
                            if let (Some(l), Some(r)) = (&l, &r) {
                                cx.tx.send(Command::ComparePlaces(l.clone(), r.clone()));
                                *half_places = (None, None);
                            } else {
                                *half_places = (l, r);
                            }
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
}

/// The rows of `pair` in `analysis`, laid out in the colours of dark mode or not. Slow for two
/// whole places: call it on a job's thread.
pub fn align_rows(analysis: &Analysis, pair: &DiffPair, dark: bool, min_pct: u8) -> Vec<Row> {
    alignment(analysis, pair, min_pct).map_or_else(Vec::new, |a| rows(analysis, &a, dark))
}

fn alignment(a: &Analysis, pair: &DiffPair, min_pct: u8) -> Option<Alignment> {
    let config = AlignConfig {
        min_score: f64::from(min_pct) / 100.0,
        ..AlignConfig::default()
    };
    match pair {
        DiffPair::Meetings(l, r) => align_meetings(a, *l, *r, &config),
        DiffPair::Places(l, r) => Some(align_places(a, l, r, &config)),
    }
}

fn colors(dark: bool) -> (Color32, Color32) {
    if dark {
        (
            Color32::from_rgb(30, 70, 40),
            Color32::from_rgb(100, 40, 30),
        )
    } else {
        (
            Color32::from_rgb(210, 240, 215),
            Color32::from_rgb(255, 205, 195),
        )
    }
}

fn rows(analysis: &Analysis, al: &Alignment, dark: bool) -> Vec<Row> {
    let fg = if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(30)
    };
    let (same, changed) = colors(dark);
    al.rows
        .iter()
        .map(|r| {
            let (lj, rj) = side_jobs(&r.diff, fg, same, changed);
            let chars = lj.text.chars().count().max(rj.text.chars().count());
            Row {
                left: r.left.is_some().then_some(lj),
                right: r.right.is_some().then_some(rj),
                score: r.score,
                related: r
                    .related_by
                    .and_then(|g| analysis.phrase_group(g))
                    .map(|p| p.phrase.clone()),
                chars,
            }
        })
        .collect()
}

/// Both sides of a character diff: shared runs in one colour, changed runs in another.
fn side_jobs(
    diff: &TextDiff,
    fg: Color32,
    same: Color32,
    changed: Color32,
) -> (LayoutJob, LayoutJob) {
    let mut fmt_same = TextFormat::simple(FontId::proportional(FONT_SIZE), fg);
    fmt_same.background = same;
    let mut fmt_changed = fmt_same.clone();
    fmt_changed.background = changed;
    let (mut left, mut right) = (LayoutJob::default(), LayoutJob::default());
    for s in &diff.segments {
        match s.kind {
            SegmentKind::Shared => {
                left.append(&s.text, 0.0, fmt_same.clone());
                right.append(&s.text, 0.0, fmt_same.clone());
            }
            SegmentKind::OnlyLeft => left.append(&s.text, 0.0, fmt_changed.clone()),
            SegmentKind::OnlyRight => right.append(&s.text, 0.0, fmt_changed.clone()),
        }
    }
    (left, right)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::diff::diff;

    fn check(left: &str, right: &str, changed_left: &str, changed_right: &str) {
        let (l, r) = side_jobs(
            &diff(left, right),
            Color32::BLACK,
            Color32::GREEN,
            Color32::RED,
        );
        let changed = |j: &LayoutJob| -> String {
            j.sections
                .iter()
                .filter(|s| s.format.background == Color32::RED)
                .map(|s| &j.text[s.byte_range.start.0..s.byte_range.end.0])
                .collect()
        };
        assert_eq!(l.text, left);
        assert_eq!(r.text, right);
        assert_eq!(changed(&l), changed_left);
        assert_eq!(changed(&r), changed_right);
    }

    #[test]
    fn marks_changed_characters() {
        check("两手抓、两手都要硬", "两手抓、两手硬", "都要", "");
        check("外防输入、内防反弹", "外防输入、内防扩散", "反弹", "扩散");
        check("复工复产", "复工复产", "", "");
    }
}
