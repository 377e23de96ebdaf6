//! Two meetings, or two places, side by side: directives aligned clause to clause, shared and
//! changed characters marked, both sides in one scroll area so they scroll together.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};

use crate::compare::align::{AlignConfig, Alignment, align_meetings};
use crate::compare::diff::{SegmentKind, TextDiff};
use crate::gui::command::{Command, DiffPair};
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_line};
use crate::pipeline::Analysis;
use crate::report::align_places;

/// One aligned row: left job, right job, score.
type Row = (Option<LayoutJob>, Option<LayoutJob>, f64);

/// What the cached rows were built for: revision, pair, dark mode.
type RowsKey = (u64, DiffPair, bool);

/// Pairs with more directives than this are aligned on a background thread, so a whole place
/// against another never stalls a frame; small pairs take well under a millisecond and are
/// aligned at once.
const BACKGROUND_DIRECTIVES: usize = 1_000;

/// The Diff view.
#[derive(Debug, Default)]
pub struct DiffView {
    rows: Option<(RowsKey, Vec<Row>)>,
    /// An alignment running on a background thread, and what it is for.
    pending: Option<(RowsKey, Receiver<Option<Alignment>>)>,
}

impl DiffView {
    /// Draws the two sides.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let st = cx.state;
        let lang = st.settings.lang;
        pickers_ui(ui, cx);
        let Some(pair) = st.diff.clone() else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "Choose two meetings.")));
            return;
        };
        let dark = ui.visuals().dark_mode;
        let key = (st.revision, pair, dark);
        self.refresh(ui.ctx(), &st.analysis, key);
        let Some((_, rows)) = &self.rows else {
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
        });
        ui.separator();
        let half = ((ui.available_width() - 70.0) / 2.0).max(120.0);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("diff-grid")
                    .num_columns(3)
                    .striped(true)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        for (lj, rj, score) in rows {
                            for job in [lj, rj] {
                                match job {
                                    Some(j) => {
                                        let mut j = j.clone();
                                        j.wrap.max_width = half;
                                        ui.label(j);
                                    }
                                    None => {
                                        ui.allocate_space(egui::vec2(half, 1.0));
                                    }
                                }
                            }
                            ui.weak(format!("{:.0}%", score * 100.0));
                            ui.end_row();
                        }
                    });
            });
    }
}

/// Pickers for two meetings, or two places.
fn pickers_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
    let st = cx.state;
    let lang = st.settings.lang;
    let a = &st.analysis;
    let no_place = tr(lang, "No place");
    let (left, right) = match &st.diff {
        Some(DiffPair::Meetings(l, r)) => (Some(*l), Some(*r)),
        _ => (None, None),
    };
    ui.horizontal(|ui| {
        for (side, current, other) in [("Left", left, right), ("Right", right, left)] {
            let label = ui.label(tr(lang, side));
            let text = current
                .and_then(|id| a.meeting(id))
                .map_or_else(|| "—".to_string(), |m| meeting_line(m, no_place));
            egui::ComboBox::from_id_salt(("diff-pick", side))
                .selected_text(text)
                .width(340.0)
                .show_ui(ui, |ui| {
                    for m in &a.meetings {
                        let line = meeting_line(m, no_place);
                        if ui.selectable_label(current == Some(m.id), line).clicked() {
                            let o = other.unwrap_or(m.id);
                            let (l, r) = if side == "Left" { (m.id, o) } else { (o, m.id) };
                            cx.tx.send(Command::DiffMeetings(l, r));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
    let (lp, rp) = match &st.diff {
        Some(DiffPair::Places(l, r)) => (Some(l.as_str()), Some(r.as_str())),
        _ => (None, None),
    };
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
                            let o = other.unwrap_or(p).to_string();
                            let (l, r) = if side == "Left" {
                                (p.clone(), o)
                            } else {
                                (o, p.clone())
                            };
                            cx.tx.send(Command::ComparePlaces(l, r));
                        }
                    }
                })
                .response
                .labelled_by(label.id);
        }
    });
}

impl DiffView {
    /// Makes the cached rows match `key`: aligns small pairs at once and large ones on a
    /// background thread, picking up its result when it arrives.
    fn refresh(&mut self, ctx: &egui::Context, analysis: &Arc<Analysis>, key: RowsKey) {
        if self.rows.as_ref().is_some_and(|(k, _)| *k == key) {
            self.pending = None;
            return;
        }
        if let Some((k, rx)) = &self.pending {
            if *k == key {
                match rx.try_recv() {
                    Ok(al) => {
                        let rows = al.map_or_else(Vec::new, |a| rows(&a, key.2));
                        self.rows = Some((key, rows));
                        self.pending = None;
                    }
                    Err(TryRecvError::Empty) => {}
                    Err(TryRecvError::Disconnected) => {
                        self.rows = Some((key, Vec::new()));
                        self.pending = None;
                    }
                }
                return;
            }
        }
        if directive_count(analysis, &key.1) <= BACKGROUND_DIRECTIVES {
            let rows = alignment(analysis, &key.1).map_or_else(Vec::new, |a| rows(&a, key.2));
            self.rows = Some((key, rows));
            self.pending = None;
            return;
        }
        let (tx, rx) = channel();
        let shared = Arc::clone(analysis);
        let pair = key.1.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("tifa-align".into())
            .spawn(move || {
                // The view may have moved on; a closed channel just drops the result.
                let _ = tx.send(alignment(&shared, &pair));
                ctx.request_repaint();
            });
        if spawned.is_ok() {
            self.rows = None;
            self.pending = Some((key, rx));
        } else {
            let rows = alignment(analysis, &key.1).map_or_else(Vec::new, |a| rows(&a, key.2));
            self.rows = Some((key, rows));
        }
    }
}

/// How many directives the two sides of `pair` hold together.
fn directive_count(a: &Analysis, pair: &DiffPair) -> usize {
    let of_meeting = |id| a.meeting(id).map_or(0, |m| m.directives.len());
    match pair {
        DiffPair::Meetings(l, r) => of_meeting(*l) + of_meeting(*r),
        DiffPair::Places(l, r) => a
            .meetings
            .iter()
            .filter(|m| {
                m.place
                    .as_ref()
                    .is_some_and(|p| *p.name == **l || *p.name == **r)
            })
            .map(|m| m.directives.len())
            .sum(),
    }
}

fn alignment(a: &Analysis, pair: &DiffPair) -> Option<Alignment> {
    let config = AlignConfig::default();
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

fn rows(al: &Alignment, dark: bool) -> Vec<Row> {
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
            let has_left = r.left.is_some();
            let has_right = r.right.is_some();
            (has_left.then_some(lj), has_right.then_some(rj), r.score)
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
    let mut fmt_same = TextFormat::simple(FontId::proportional(14.0), fg);
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
