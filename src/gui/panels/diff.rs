//! Two meetings side by side: directives aligned clause to clause, shared and changed characters
//! marked, both sides in one scroll area so they scroll together.

use egui::text::LayoutJob;
use egui::{Color32, FontId, TextFormat};
use similar::{ChangeTag, TextDiff};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_line};
use crate::model::MeetingId;
use crate::pipeline::Analysis;

/// Below this similarity two directives are shown on separate rows.
const MIN_SIMILARITY: f64 = 0.2;

/// One aligned row: left job, right job, similarity.
type Row = (Option<LayoutJob>, Option<LayoutJob>, f64);

/// What the cached rows were built for: revision, left, right, dark mode.
type RowsKey = (u64, MeetingId, MeetingId, bool);

/// The Diff view.
#[derive(Debug, Default)]
pub struct DiffView {
    rows: Option<(RowsKey, Vec<Row>)>,
}

impl DiffView {
    /// Draws the two meetings side by side.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let st = cx.state;
        let lang = st.settings.lang;
        let a = &st.analysis;
        let no_place = tr(lang, "No place");
        let (left, right) = st.diff.unzip();
        ui.horizontal(|ui| {
            for (side, current, other) in [("Left", left, right), ("Right", right, left)] {
                let label = ui.label(tr(lang, side));
                let text = current
                    .and_then(|id| a.meeting(id))
                    .map_or_else(|| "—".to_string(), |m| meeting_line(m, no_place));
                egui::ComboBox::from_id_salt(("diff-pick", side))
                    .selected_text(text)
                    .width(360.0)
                    .show_ui(ui, |ui| {
                        for m in &a.meetings {
                            if ui
                                .selectable_label(current == Some(m.id), meeting_line(m, no_place))
                                .clicked()
                            {
                                let o = other.unwrap_or(m.id);
                                let pair = if side == "Left" { (m.id, o) } else { (o, m.id) };
                                cx.tx.send(Command::DiffMeetings(pair.0, pair.1));
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id);
            }
        });
        let (Some(l), Some(r)) = (left, right) else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "Choose two meetings.")));
            return;
        };
        let dark = ui.visuals().dark_mode;
        let key = (st.revision, l, r, dark);
        if self.rows.as_ref().is_none_or(|(k, _)| *k != key) {
            self.rows = Some((key, diff_rows(a, l, r, dark)));
        }
        let Some((_, rows)) = &self.rows else { return };
        ui.horizontal(|ui| {
            let (same, changed) = colors(dark);
            ui.label(egui::RichText::new(tr(lang, "shared")).background_color(same));
            ui.label(egui::RichText::new(tr(lang, "changed")).background_color(changed));
        });
        ui.separator();
        let half = ((ui.available_width() - 60.0) / 2.0).max(120.0);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show(ui, |ui| {
                egui::Grid::new("diff-grid")
                    .num_columns(3)
                    .striped(true)
                    .spacing([12.0, 8.0])
                    .show(ui, |ui| {
                        for (lj, rj, sim) in rows {
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
                            ui.weak(format!("{:.0}%", sim * 100.0));
                            ui.end_row();
                        }
                    });
            });
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

fn diff_rows(analysis: &Analysis, left: MeetingId, right: MeetingId, dark: bool) -> Vec<Row> {
    let (Some(left), Some(right)) = (analysis.meeting(left), analysis.meeting(right)) else {
        return Vec::new();
    };
    let lt: Vec<&str> = left.directives.iter().map(|d| d.text.as_str()).collect();
    let rt: Vec<&str> = right.directives.iter().map(|d| d.text.as_str()).collect();
    let fg = if dark {
        Color32::from_gray(220)
    } else {
        Color32::from_gray(30)
    };
    let (same, changed) = colors(dark);
    align(&lt, &rt)
        .into_iter()
        .map(|(i, j, sim)| match (i, j) {
            (Some(i), Some(j)) => {
                let (lj, rj) = char_diff_jobs(lt[i], rt[j], fg, same, changed);
                (Some(lj), Some(rj), sim)
            }
            (Some(i), None) => (Some(plain(lt[i], fg, changed)), None, 0.0),
            (None, Some(j)) => (None, Some(plain(rt[j], fg, changed)), 0.0),
            (None, None) => (None, None, 0.0),
        })
        .collect()
}

fn plain(text: &str, fg: Color32, bg: Color32) -> LayoutJob {
    let mut f = TextFormat::simple(FontId::proportional(14.0), fg);
    f.background = bg;
    let mut job = LayoutJob::default();
    job.append(text, 0.0, f);
    job
}

/// Both sides of a character diff: shared characters in one colour, changed ones in another.
fn char_diff_jobs(
    a: &str,
    b: &str,
    fg: Color32,
    same: Color32,
    changed: Color32,
) -> (LayoutJob, LayoutJob) {
    let mut fmt_same = TextFormat::simple(FontId::proportional(14.0), fg);
    fmt_same.background = same;
    let mut fmt_changed = fmt_same.clone();
    fmt_changed.background = changed;
    let (mut ja, mut jb) = (LayoutJob::default(), LayoutJob::default());
    let diff = TextDiff::from_chars(a, b);
    for c in diff.iter_all_changes() {
        let v = c.value();
        match c.tag() {
            ChangeTag::Equal => {
                ja.append(v, 0.0, fmt_same.clone());
                jb.append(v, 0.0, fmt_same.clone());
            }
            ChangeTag::Delete => ja.append(v, 0.0, fmt_changed.clone()),
            ChangeTag::Insert => jb.append(v, 0.0, fmt_changed.clone()),
        }
    }
    (ja, jb)
}

/// Character-bigram Dice similarity, 0..=1.
pub fn similarity(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let c: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
        let mut g: Vec<(char, char)> = c.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (ga, gb) = (grams(a), grams(b));
    if ga.is_empty() || gb.is_empty() {
        return if a == b { 1.0 } else { 0.0 };
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < ga.len() && j < gb.len() {
        match ga[i].cmp(&gb[j]) {
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    2.0 * shared as f64 / (ga.len() + gb.len()) as f64
}

/// Aligns two lists of directives in order (Needleman–Wunsch over [`similarity`]): each row pairs
/// a left and a right directive, or leaves one side empty.
pub fn align(left: &[&str], right: &[&str]) -> Vec<(Option<usize>, Option<usize>, f64)> {
    let (n, m) = (left.len(), right.len());
    let sim: Vec<Vec<f64>> = left
        .iter()
        .map(|a| right.iter().map(|b| similarity(a, b)).collect())
        .collect();
    // best[i][j]: best total similarity aligning left[i..] with right[j..].
    let mut best = vec![vec![0.0f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = if sim[i][j] >= MIN_SIMILARITY {
                sim[i][j] + best[i + 1][j + 1]
            } else {
                f64::MIN
            };
            best[i][j] = pair.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n
            && j < m
            && sim[i][j] >= MIN_SIMILARITY
            && (best[i][j] - (sim[i][j] + best[i + 1][j + 1])).abs() < 1e-9
        {
            out.push((Some(i), Some(j), sim[i][j]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || (best[i][j] - best[i + 1][j]).abs() < 1e-9) {
            out.push((Some(i), None, 0.0));
            i += 1;
        } else {
            out.push((None, Some(j), 0.0));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(left: &[&str], right: &[&str], expect: &[(Option<usize>, Option<usize>)]) {
        let got: Vec<(Option<usize>, Option<usize>)> = align(left, right)
            .into_iter()
            .map(|(a, b, _)| (a, b))
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn aligns_in_order() {
        check(
            &["要坚持外防输入、内防反弹", "要统筹推进复工复产"],
            &["要统筹推进复产复工"],
            &[(Some(0), None), (Some(1), Some(0))],
        );
        check(
            &["要压实责任"],
            &["要加强组织领导", "要压紧压实责任"],
            &[(None, Some(0)), (Some(0), Some(1))],
        );
        check(&[], &["要做好宣传引导"], &[(None, Some(0))]);
        check(
            &["要做好宣传引导"],
            &["严格落实属地责任"],
            &[(Some(0), None), (None, Some(0))],
        );
    }

    #[test]
    fn similarity_of_variants() {
        assert!((similarity("复工复产", "复工复产") - 1.0).abs() < 1e-9);
        assert!(similarity("外防输入、内防反弹", "外防输入、内防扩散") > 0.5);
        assert!(similarity("两手抓", "加强宣传") < 0.01);
    }

    #[test]
    fn char_diff_marks_changes() {
        let (a, b) = char_diff_jobs(
            "复工复产",
            "复产复工",
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
        assert_eq!(a.text, "复工复产");
        assert_eq!(b.text, "复产复工");
        assert!(!changed(&a).is_empty());
        assert!(!changed(&b).is_empty());
    }
}
