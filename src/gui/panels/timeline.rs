//! Meetings on a real date axis, one lane per place. Painted with the painter: off-screen marks
//! are skipped by binary search, and marks closer than a pixel merge into a density band.

use std::collections::HashSet;

use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

use crate::gui::command::Command;
use crate::gui::i18n::tr;
use crate::gui::panels::ViewCtx;
use crate::gui::widgets::DateAxis;
use crate::gui::widgets::date_axis::day_number;
use crate::model::MeetingId;
use crate::pipeline::Analysis;

const LANE_H: f32 = 28.0;
const LABEL_W: f32 = 120.0;
const AXIS_H: f32 = 28.0;
const MARK_R: f32 = 4.5;
/// Points between a mark and the next one for the mark to carry its meeting's title.
const TITLE_ROOM: f32 = 90.0;
/// Runs of up to this many meetings closer than a pixel are stacked; longer ones become a band.
const STACK: usize = 3;

/// One place's meetings, sorted by day.
#[derive(Debug, Default)]
struct Lane {
    name: String,
    /// The places above it and itself, from the top (中央, 浙江, 金华, 永康); just the name for a
    /// place the gazetteer does not know.
    chain: Vec<String>,
    /// Its meetings, undated ones included.
    meetings: usize,
    /// True for a place whose level is known (of the gazetteer, or the Centre).
    known: bool,
    /// (day number, meeting), sorted.
    marks: Vec<(f64, MeetingId)>,
    /// The windows of meetings dated only to the month or approximately: (first day, last
    /// day), drawn as a bar under their mark.
    spans: Vec<(f64, f64)>,
}

/// How the lanes are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LaneOrder {
    /// The Centre, then each province with the places under it.
    #[default]
    Hierarchy,
    /// Most meetings first.
    Meetings,
    /// By name.
    Name,
}

/// What the timeline draws, rebuilt when the analysis changes.
#[derive(Debug, Default)]
struct Index {
    revision: u64,
    lanes: Vec<Lane>,
    min: f64,
    max: f64,
    undated: usize,
}

impl Index {
    fn build(a: &Analysis, revision: u64, no_place: &str, convened: bool) -> Self {
        // Meetings with no place are the homeless lane's, not that of the column the counts
        // keep for them.
        let named: Vec<&String> = a
            .places
            .iter()
            .filter(|p| p.as_str() != crate::report::UNPLACED)
            .collect();
        let mut lanes: Vec<Lane> = named
            .iter()
            .map(|p| Lane {
                name: (*p).clone(),
                ..Lane::default()
            })
            .collect();
        let mut index: std::collections::HashMap<String, usize> = named
            .iter()
            .enumerate()
            .map(|(i, p)| ((*p).clone(), i))
            .collect();
        let mut homeless = Lane {
            name: no_place.to_string(),
            ..Lane::default()
        };
        let mut undated = 0;
        let (mut min, mut max) = (f64::MAX, f64::MIN);
        for m in &a.meetings {
            // The reporting locality, or with `convened` the body that convened the meeting
            // when it is another (a parent's meeting attended at the branch venue).
            let own = crate::report::place::place(m, &a.documents);
            let place = if convened {
                m.convened_by.as_ref().or(own)
            } else {
                own
            };
            let at = match place {
                Some(p) if convened && !index.contains_key(p.name.as_ref()) => {
                    index.insert(p.name.to_string(), lanes.len());
                    lanes.push(Lane {
                        name: p.name.to_string(),
                        ..Lane::default()
                    });
                    Some(lanes.len() - 1)
                }
                Some(p) => index.get(p.name.as_ref()).copied(),
                None => None,
            };
            let lane = match at {
                Some(i) => &mut lanes[i],
                None => &mut homeless,
            };
            lane.meetings += 1;
            lane.known |= place.and_then(crate::model::Place::known_level).is_some();
            if lane.chain.is_empty() {
                lane.chain = match place {
                    Some(p) => {
                        let mut chain: Vec<String> = a
                            .ancestors_of(p)
                            .iter()
                            .rev()
                            .map(|x| x.name.to_string())
                            .collect();
                        chain.push(p.name.to_string());
                        chain
                    }
                    None => vec![lane.name.clone()],
                };
            }
            let Some(d) = m.date else {
                undated += 1;
                continue;
            };
            let day = day_number(d.date);
            min = min.min(day);
            max = max.max(day);
            let lane = match at {
                Some(i) => &mut lanes[i],
                None => &mut homeless,
            };
            lane.marks.push((day, m.id));
            let span = match d.precision {
                crate::model::DatePrecision::Day => None,
                crate::model::DatePrecision::Month => {
                    Some((day, day_number(crate::report::diffusion::month_end(d.date))))
                }
                crate::model::DatePrecision::Approximate => {
                    d.range.map(|(lo, hi)| (day_number(lo), day_number(hi)))
                }
            };
            lane.spans.extend(span.filter(|(lo, hi)| hi > lo));
        }
        if homeless.meetings > 0 {
            lanes.push(homeless);
        }
        for l in &mut lanes {
            if l.chain.is_empty() {
                l.chain = vec![l.name.clone()];
            }
        }
        // A province with places below it but no meeting of its own still heads their group.
        let mut heads: Vec<Vec<String>> = lanes
            .iter()
            .filter(|l| l.chain.len() >= 3)
            .map(|l| l.chain[..2].to_vec())
            .filter(|head| !lanes.iter().any(|l| l.name == head[1]))
            .collect();
        heads.sort();
        heads.dedup();
        lanes.extend(heads.into_iter().map(|chain| Lane {
            name: chain[1].clone(),
            chain,
            known: true,
            ..Lane::default()
        }));
        for l in &mut lanes {
            l.marks
                .sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        }
        Self {
            revision,
            lanes,
            min,
            max,
            undated,
        }
    }
}

/// The timeline view.
#[derive(Debug, Default)]
pub struct TimelineView {
    index: Index,
    /// Visible day range; `None` fits all meetings.
    range: Option<(f64, f64)>,
    scroll_y: f32,
    /// How the lanes are ordered.
    pub order: LaneOrder,
    /// Lanes follow the body that convened each meeting rather than the reporting locality.
    pub convened: bool,
    /// `convened` as the index was built.
    built_convened: bool,
    /// Lanes whose places below are folded away (by name).
    collapsed: std::collections::BTreeSet<String>,
    /// The lanes shown, in order: (index into the lanes, depth in the hierarchy, has places
    /// below), for (revision, order, collapsed).
    visible: Vec<(usize, usize, bool)>,
    visible_key: Option<(u64, LaneOrder, std::collections::BTreeSet<String>)>,
    highlight: Option<(u64, u32, HashSet<MeetingId>)>,
    /// Where each single mark was drawn last frame, for tests that click one.
    pub drawn: Vec<(MeetingId, Pos2)>,
}

impl TimelineView {
    /// Draws the timeline.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        if self.index.revision != s.revision || self.built_convened != self.convened {
            self.built_convened = self.convened;
            self.visible_key = None;
            self.index = Index::build(&s.analysis, s.revision, tr(lang, "No place"), self.convened);
        }
        self.group_bar_ui(ui, cx);
        if self.index.lanes.iter().all(|l| l.marks.is_empty()) {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                let text = if s.loading() {
                    "Analysis in progress…"
                } else {
                    "No meetings yet."
                };
                ui.heading(tr(lang, text));
            });
            return;
        }
        self.lanes_ui(ui, cx);
    }

    fn group_bar_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let lang = s.settings.lang;
        ui.horizontal(|ui| {
            let label = ui.label(tr(lang, "Phrase group"));
            let current = s
                .selected_group
                .and_then(|g| s.analysis.phrases.get(g as usize))
                .map_or_else(|| tr(lang, "none").to_string(), |g| g.phrase.clone());
            // "none" first, then every group; typing filters.
            let phrases = &s.analysis.phrases;
            let line = |i: usize| match i.checked_sub(1).and_then(|g| phrases.get(g)) {
                Some(g) => format!("{} ({})", g.phrase, g.meetings.len()),
                None => tr(lang, "none").to_string(),
            };
            let at = s.selected_group.map_or(0, |g| g as usize + 1);
            let (response, chosen) = crate::gui::widgets::picker::picker(
                ui,
                "timeline-group",
                current,
                220.0,
                phrases.len() + 1,
                &line,
                Some(at),
                tr(lang, "type to filter"),
            );
            response.labelled_by(label.id);
            if let Some(i) = chosen {
                let group = i.checked_sub(1).and_then(|g| s.analysis.phrases.get(g));
                cx.tx.send(Command::SelectPhraseGroup(group.map(|g| g.id)));
            }
            ui.separator();
            let label = ui.label(tr(lang, "Lanes"));
            let names = [
                (LaneOrder::Hierarchy, "by hierarchy"),
                (LaneOrder::Meetings, "by meetings"),
                (LaneOrder::Name, "by name"),
            ];
            let current = names
                .iter()
                .find(|(o, _)| *o == self.order)
                .map_or("", |(_, n)| tr(lang, n));
            egui::ComboBox::from_id_salt("timeline-order")
                .selected_text(current)
                .show_ui(ui, |ui| {
                    for (order, name) in names {
                        ui.selectable_value(&mut self.order, order, tr(lang, name));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.checkbox(&mut self.convened, tr(lang, "by convening body"))
                .on_hover_text(tr(
                    lang,
                    "A meeting attended at a branch venue goes in the lane of the body that convened it",
                ));
            if self.index.undated > 0 {
                // Meetings with no date have no place on the axis: listed here, each opening
                // the reader, so none is lost.
                let no_place = tr(lang, "No place");
                ui.menu_button(
                    format!("{} {}", self.index.undated, tr(lang, "undated")),
                    |ui| {
                        egui::ScrollArea::vertical()
                            .max_height(400.0)
                            .show(ui, |ui| {
                                for m in s.analysis.meetings.iter().filter(|m| m.date.is_none()) {
                                    if ui
                                        .button(crate::gui::panels::meeting_line(m, no_place))
                                        .clicked()
                                    {
                                        cx.tx.send(Command::SelectMeeting {
                                            id: Some(m.id),
                                            open: true,
                                        });
                                        ui.close();
                                    }
                                }
                            });
                    },
                );
            }
            ui.weak(tr(lang, "Ctrl+wheel: zoom · drag: pan · click: open"));
        });
    }

    fn lanes_ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
        let plot = Rect::from_min_max(pos2(rect.left() + LABEL_W, rect.top() + AXIS_H), rect.max);
        let (mut t0, mut t1) = self
            .range
            .unwrap_or_else(|| fit(self.index.min, self.index.max));
        let width = plot.width().max(1.0);

        // Zoom around the pointer (Ctrl+wheel or pinch), pan by dragging, scroll lanes by wheel.
        if let Some(p) = response.hover_pos() {
            let (zoom, scroll) = ui.input(|i| (i.zoom_delta(), i.smooth_scroll_delta()));
            if (zoom - 1.0).abs() > f32::EPSILON {
                let at = t0 + f64::from((p.x - plot.left()) / width) * (t1 - t0);
                let span = ((t1 - t0) / f64::from(zoom)).clamp(2.0, 365.0 * 200.0);
                let f = (at - t0) / (t1 - t0);
                t0 = at - f * span;
                t1 = t0 + span;
            } else if scroll.y != 0.0 {
                self.scroll_y -= scroll.y;
            }
        }
        if response.dragged() {
            let d = response.drag_delta();
            let days = f64::from(d.x / width) * (t1 - t0);
            t0 -= days;
            t1 -= days;
            self.scroll_y -= d.y;
        }
        if response.double_clicked() {
            (t0, t1) = fit(self.index.min, self.index.max);
            self.scroll_y = 0.0;
        }
        self.refresh_visible();
        let content_h = self.visible.len() as f32 * LANE_H;
        self.scroll_y = self
            .scroll_y
            .clamp(0.0, (content_h - plot.height()).max(0.0));
        self.range = Some((t0, t1));

        let painter = ui.painter_at(rect);
        // Lanes scroll under the axis, never over it.
        let lanes_painter =
            painter.with_clip_rect(Rect::from_min_max(pos2(rect.left(), plot.top()), rect.max));
        let visuals = ui.visuals().clone();
        let axis = DateAxis {
            t0,
            t1,
            left: plot.left(),
            width,
        };
        let px_per_day = axis.px_per_day();
        let x_of = |day: f64| axis.x_of(day);
        axis.ui(&painter, rect, plot, &visuals);

        self.refresh_highlight(cx);
        let highlight = s
            .selected_group
            .and(self.highlight.as_ref().map(|(_, _, set)| set));
        let group = s
            .selected_group
            .and_then(|g| s.analysis.phrases.get(g as usize));
        let hover = response.hover_pos();
        let mut hovered: Option<(MeetingId, f32)> = None;
        let drawn = &mut self.drawn;
        drawn.clear();
        let scroll_y = self.scroll_y;
        let text_color = visuals.text_color();
        let mark_color = visuals.selection.bg_fill;
        let hi_color = Color32::from_rgb(230, 120, 20);
        let first_lane = (scroll_y / LANE_H).floor() as usize;
        let mut folds: Vec<(Rect, String)> = Vec::new();
        for (li, &(lane_i, depth, below)) in self.visible.iter().enumerate().skip(first_lane) {
            let Some(lane) = self.index.lanes.get(lane_i) else {
                continue;
            };
            let top = plot.top() + li as f32 * LANE_H - scroll_y;
            if top > plot.bottom() {
                break;
            }
            let painter = &lanes_painter;
            let lane_rect = Rect::from_min_size(pos2(plot.left(), top), vec2(width, LANE_H));
            if li % 2 == 1 {
                painter.rect_filled(lane_rect, 0.0, visuals.faint_bg_color);
            }
            let cy = lane_rect.center().y;
            // Indented under the places above it, with a fold arrow when places lie below, and
            // its number of meetings.
            let fold = match (below, self.collapsed.contains(&lane.name)) {
                (false, _) => "",
                (true, false) => "－ ",
                (true, true) => "＋ ",
            };
            let label_rect =
                Rect::from_min_max(pos2(rect.left(), top), pos2(plot.left(), top + LANE_H));
            if below {
                folds.push((label_rect, lane.name.clone()));
            }
            painter
                .with_clip_rect(label_rect.intersect(painter.clip_rect()))
                .text(
                    pos2(rect.left() + 4.0 + 10.0 * depth.min(4) as f32, cy),
                    egui::Align2::LEFT_CENTER,
                    format!("{fold}{} ({})", lane.name, lane.meetings),
                    egui::FontId::proportional(13.0),
                    text_color,
                );
            painter.hline(
                plot.x_range(),
                cy,
                Stroke::new(1.0, visuals.weak_text_color()),
            );

            // A date known only to the month or approximately: its window as a faint bar.
            for &(lo, hi) in &lane.spans {
                if hi >= t0 && lo <= t1 {
                    let bar = Rect::from_x_y_ranges(
                        x_of(lo).max(plot.left())..=x_of(hi).min(plot.right()),
                        cy - 3.0..=cy + 3.0,
                    );
                    painter.rect_filled(bar, 2.0, mark_color.gamma_multiply(0.35));
                }
            }
            // Only the marks inside [t0, t1] (plus a margin of one mark) are visited.
            let margin = f64::from(MARK_R) / px_per_day;
            let lo = lane.marks.partition_point(|m| m.0 < t0 - margin);
            let hi = lane.marks.partition_point(|m| m.0 <= t1 + margin);
            let mut run: Option<Run> = None;
            for &(day, id) in &lane.marks[lo..hi] {
                let x = x_of(day);
                let lit = highlight.is_some_and(|h| h.contains(&id));
                if let Some(p) = hover
                    && lane_rect.contains(p)
                {
                    let d = (p.x - x).abs();
                    if d <= MARK_R + 2.0 && hovered.is_none_or(|(_, best)| d < best) {
                        hovered = Some((id, d));
                    }
                }
                match &mut run {
                    Some(r) if x - r.x1 < 1.0 => r.add(x, id, lit),
                    _ => {
                        if let Some(r) = run.take() {
                            paint_run(drawn, painter, &r, cy, mark_color, hi_color);
                        }
                        run = Some(Run::new(x, id, lit));
                    }
                }
            }
            if let Some(r) = run {
                paint_run(drawn, painter, &r, cy, mark_color, hi_color);
            }
            // Zoomed in far enough, a mark carries its meeting's title in the room before the
            // next mark.
            let visible = &lane.marks[lo..hi];
            for (k, &(day, id)) in visible.iter().enumerate() {
                let x = x_of(day);
                let next = visible
                    .get(k + 1)
                    .map_or(plot.right(), |&(d, _)| x_of(d).min(plot.right()));
                if next - x < TITLE_ROOM {
                    continue;
                }
                let Some(m) = s.analysis.meeting(id) else {
                    continue;
                };
                let room =
                    Rect::from_x_y_ranges(x + MARK_R + 3.0..=next - 4.0, lane_rect.y_range());
                // Below the lane's line, clear of the first-use label above it.
                painter
                    .with_clip_rect(room.intersect(painter.clip_rect()))
                    .text(
                        pos2(room.left(), lane_rect.bottom() - 1.0),
                        egui::Align2::LEFT_BOTTOM,
                        &m.title,
                        egui::FontId::proportional(11.0),
                        visuals.weak_text_color(),
                    );
            }
            // When a phrase group is chosen, mark where each place first used it.
            if let Some(first) = group
                .and_then(|g| g.places.get(&lane.name))
                .and_then(|u| u.first)
            {
                let x = x_of(day_number(first));
                if plot.x_range().contains(x) {
                    painter.vline(x, lane_rect.y_range(), Stroke::new(2.0, hi_color));
                    // Its place in the order of adoption: one more than the places before it.
                    let order = 1 + group.map_or(0, |g| {
                        g.places
                            .values()
                            .filter(|u| u.first.is_some_and(|d| d < first))
                            .count()
                    });
                    painter.text(
                        pos2(x + 3.0, lane_rect.top() + 1.0),
                        egui::Align2::LEFT_TOP,
                        format!("#{order} {} {first}", tr(s.settings.lang, "first use")),
                        egui::FontId::proportional(10.0),
                        hi_color,
                    );
                }
            }
        }

        // A click on the label of a place with places below folds them away or back.
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
            && let Some((_, name)) = folds.iter().find(|(r, _)| r.contains(p))
        {
            let name = name.clone();
            self.toggle_collapsed(&name);
        }
        // A drawn dot under the pointer wins over the nearest meeting inside a band.
        if let Some(p) = hover
            && let Some((id, d)) = self
                .drawn
                .iter()
                .map(|(id, q)| (*id, q.distance(p)))
                .min_by(|a, b| a.1.total_cmp(&b.1))
            && d <= MARK_R + 2.0
        {
            hovered = Some((id, d));
        }
        if let Some((id, _)) = hovered
            && let Some(m) = s.analysis.meeting(id)
        {
            let lang = s.settings.lang;
            let response = response.on_hover_ui_at_pointer(|ui| {
                ui.strong(&m.title);
                if let Some(d) = m.date {
                    ui.label(format!(
                        "{}: {} ({}: {})",
                        tr(lang, "Date"),
                        d.date,
                        tr(lang, "Basis"),
                        tr(lang, d.basis.as_str())
                    ));
                }
                if let Some(p) = &m.place {
                    ui.label(format!("{}: {}", tr(lang, "Place"), p.full));
                }
                if let Some(c) = &m.chair {
                    ui.label(format!("{}: {c}", tr(lang, "Chair")));
                }
            });
            if response.clicked() {
                cx.tx.send(Command::SelectMeeting {
                    id: Some(id),
                    open: true,
                });
            }
        }
    }

    /// Rebuilds the set of meetings using the chosen phrase group when the choice changes.
    fn refresh_highlight(&mut self, cx: &ViewCtx<'_>) {
        let s = cx.state;
        let Some(g) = s.selected_group else { return };
        let fresh = self
            .highlight
            .as_ref()
            .is_some_and(|(rev, id, _)| *rev == s.revision && *id == g);
        if !fresh {
            let set = s
                .analysis
                .phrases
                .get(g as usize)
                .map(|p| p.meetings.iter().copied().collect())
                .unwrap_or_default();
            self.highlight = Some((s.revision, g, set));
        }
    }

    /// Screen position of a single (unmerged) mark drawn last frame.
    pub fn mark_pos(&self, id: MeetingId) -> Option<Pos2> {
        self.drawn.iter().find(|(m, _)| *m == id).map(|(_, p)| *p)
    }

    /// How many places have a lane of their own (a province that only heads its group aside).
    pub fn lane_count(&self) -> usize {
        self.index.lanes.iter().filter(|l| l.meetings > 0).count()
    }

    /// The names of the lanes shown, in order.
    pub fn lane_names(&self) -> Vec<&str> {
        self.visible
            .iter()
            .filter_map(|&(i, _, _)| self.index.lanes.get(i))
            .map(|l| l.name.as_str())
            .collect()
    }

    /// Folds away (or unfolds) the places below lane `name`.
    pub fn toggle_collapsed(&mut self, name: &str) {
        if !self.collapsed.remove(name) {
            self.collapsed.insert(name.to_string());
        }
    }

    /// The lanes to show, in order, with their depth and whether places lie below them.
    fn refresh_visible(&mut self) {
        let key = (self.index.revision, self.order, self.collapsed.clone());
        if self.visible_key.as_ref() == Some(&key) {
            return;
        }
        let lanes = &self.index.lanes;
        let mut order: Vec<usize> = (0..lanes.len()).collect();
        match self.order {
            LaneOrder::Hierarchy => order.sort_by(|&a, &b| {
                // Places the gazetteer does not know after the rest, by name.
                (!lanes[a].known, &lanes[a].chain).cmp(&(!lanes[b].known, &lanes[b].chain))
            }),
            LaneOrder::Meetings => order.sort_by(|&a, &b| {
                lanes[b]
                    .meetings
                    .cmp(&lanes[a].meetings)
                    .then(lanes[a].name.cmp(&lanes[b].name))
            }),
            LaneOrder::Name => {}
        }
        let hierarchy = self.order == LaneOrder::Hierarchy;
        // Lane names, and the chains some other lane lies under, each looked up once.
        let names: HashSet<&str> = lanes.iter().map(|l| l.name.as_str()).collect();
        let heads: HashSet<&[String]> = lanes
            .iter()
            .flat_map(|l| (1..l.chain.len()).map(|n| &l.chain[..n]))
            .collect();
        self.visible = order
            .iter()
            .filter(|&&i| {
                // Hidden when some place above it is folded.
                let chain = &lanes[i].chain;
                !hierarchy
                    || !chain[..chain.len() - 1]
                        .iter()
                        .any(|a| self.collapsed.contains(a))
            })
            .map(|&i| {
                let chain = &lanes[i].chain;
                let below = hierarchy && heads.contains(chain.as_slice());
                // Depth among the lanes shown: ancestors that have lanes of their own.
                let depth = if hierarchy {
                    chain[..chain.len() - 1]
                        .iter()
                        .filter(|a| names.contains(a.as_str()))
                        .count()
                } else {
                    0
                };
                (i, depth, below)
            })
            .collect();
        self.visible_key = Some(key);
    }
}

/// Paints a single mark, or a band for a run of merged marks.
fn paint_run(
    drawn: &mut Vec<(MeetingId, Pos2)>,
    painter: &egui::Painter,
    r: &Run,
    cy: f32,
    color: Color32,
    hi: Color32,
) {
    let c = if r.lit > 0 { hi } else { color };
    if r.count <= STACK {
        // A few meetings on one day stand one above the other, each its own dot.
        let x = f32::midpoint(r.x0, r.x1);
        for (k, (id, lit)) in r.ids.iter().enumerate() {
            let dy = (k as f32 - (r.count - 1) as f32 / 2.0) * (MARK_R * 2.1);
            let q = pos2(x, cy + dy);
            painter.circle_filled(q, MARK_R, if *lit { hi } else { color });
            drawn.push((*id, q));
        }
    } else {
        // A band whose opacity grows with how many meetings it stands for.
        let alpha = (0.35 + 0.1 * (r.count as f32).ln()).min(1.0);
        let band = Rect::from_min_max(
            pos2(r.x0 - MARK_R * 0.6, cy - MARK_R),
            pos2(r.x1 + MARK_R * 0.6, cy + MARK_R),
        );
        painter.rect_filled(band, 2.0, c.gamma_multiply(alpha));
    }
}

/// Consecutive marks less than a pixel apart.
struct Run {
    x0: f32,
    x1: f32,
    count: usize,
    lit: usize,
    /// The first few meetings, drawn as stacked dots when the run is short.
    ids: Vec<(MeetingId, bool)>,
}

impl Run {
    fn new(x: f32, id: MeetingId, lit: bool) -> Self {
        Self {
            x0: x,
            x1: x,
            count: 1,
            lit: usize::from(lit),
            ids: vec![(id, lit)],
        }
    }

    fn add(&mut self, x: f32, id: MeetingId, lit: bool) {
        self.x1 = x;
        self.count += 1;
        self.lit += usize::from(lit);
        if self.ids.len() < STACK {
            self.ids.push((id, lit));
        }
    }
}

/// The day range showing all meetings with a margin.
fn fit(min: f64, max: f64) -> (f64, f64) {
    if min > max {
        return (0.0, 1.0);
    }
    let pad = ((max - min) * 0.05).max(7.0);
    (min - pad, max + pad)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_pads_the_range() {
        assert_eq!(fit(100.0, 100.0), (93.0, 107.0));
        assert_eq!(fit(0.0, 1000.0), (-50.0, 1050.0));
        assert_eq!(fit(f64::MAX, f64::MIN), (0.0, 1.0));
    }

    /// Meetings with no place have one lane, under the interface's name for it, not a second
    /// empty one for the column the counts keep for them.
    #[test]
    fn meetings_without_a_place_have_one_lane() {
        use crate::model::{Meeting, Place, PlaceLevel};
        let mut a = Analysis::default();
        let place = Place {
            name: "某县".into(),
            full: "某县".into(),
            code: "".into(),
            level: PlaceLevel::County,
        };
        for (i, p) in [Some(place), None, None].into_iter().enumerate() {
            a.meetings.push(Meeting {
                id: MeetingId(i as u32),
                place: p,
                ..Meeting::default()
            });
        }
        a.refresh_places();
        assert!(a.places.iter().any(|p| p == crate::report::UNPLACED));
        let index = Index::build(&a, 1, "无地点", false);
        let names: Vec<(&str, usize)> = index
            .lanes
            .iter()
            .map(|l| (l.name.as_str(), l.meetings))
            .collect();
        assert_eq!(names, [("某县", 1), ("无地点", 2)]);
    }

    /// A meeting dated to the day is a mark; one dated to the month or to a window is a mark
    /// with its window beneath it.
    #[test]
    fn month_and_approximate_dates_get_their_window() {
        use chrono::NaiveDate;

        use crate::model::{DateBasis, DatePrecision, Meeting, Place, PlaceLevel, PolicyDate};
        let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let place = Place {
            name: "某县".into(),
            full: "某县".into(),
            code: "".into(),
            level: PlaceLevel::County,
        };
        let mut month = PolicyDate::new(day("2021-02-01"), DateBasis::Path);
        month.precision = DatePrecision::Month;
        let mut near = PolicyDate::new(day("2021-03-10"), DateBasis::Relative);
        near.precision = DatePrecision::Approximate;
        near.range = Some((day("2021-03-01"), day("2021-03-10")));
        let mut a = Analysis::default();
        for (i, d) in [
            PolicyDate::new(day("2021-01-05"), DateBasis::Explicit),
            month,
            near,
        ]
        .into_iter()
        .enumerate()
        {
            a.meetings.push(Meeting {
                id: MeetingId(i as u32),
                place: Some(place.clone()),
                date: Some(d),
                ..Meeting::default()
            });
        }
        a.refresh_places();
        let index = Index::build(&a, 1, "?", false);
        let lane = &index.lanes[0];
        assert_eq!(lane.marks.len(), 3);
        let spans: Vec<(NaiveDate, NaiveDate)> = lane
            .spans
            .iter()
            .map(|&(lo, hi)| {
                let d = |x: f64| NaiveDate::from_num_days_from_ce_opt(x as i32).unwrap();
                (d(lo), d(hi))
            })
            .collect();
        assert_eq!(
            spans,
            [
                (day("2021-02-01"), day("2021-02-28")),
                (day("2021-03-01"), day("2021-03-10"))
            ]
        );
    }
}
