//! The Diffusion view: for a chosen phrase group, its adoption curve, the lags by level, the
//! adopters in order with their first sentence (a click opens the reader), and the graph of who
//! follows whom with places grouped by province. Everything is [`report::diffusion`], computed
//! once per analysis revision; this panel only draws it.

use std::collections::BTreeMap;

use crate::gui::widgets::date_axis::{date_of, day_number};
use egui::{Align2, Color32, FontId, Pos2, Sense, Stroke, vec2};
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, Points};

use crate::gui::command::{Chart, Command, Lang};
use crate::gui::i18n::tr;
use crate::gui::panels::{ViewCtx, meeting_link};
use crate::model::PlaceLevel;
use crate::report::diffusion::tables::coverage_note;
use crate::report::diffusion::{Cascade, Diffusion, DiffusionConfig, svg};
use crate::report::{self, TableKind};

/// The analysis's diffusion and what the graph needs about each place, at one revision.
#[derive(Debug)]
struct Built {
    revision: u64,
    diffusion: Diffusion,
    /// Index in `diffusion.groups` by group id.
    by_group: BTreeMap<u32, usize>,
    /// Each place's province (itself for a province, 中央 for the Centre), for grouping.
    province: BTreeMap<String, String>,
}

/// The Diffusion view.
#[derive(Debug, Default)]
pub struct DiffusionView {
    filter: String,
    built: Option<Built>,
    /// Where each chart was drawn in the last frame, for saving it as PNG.
    rects: BTreeMap<Chart, egui::Rect>,
    /// Groups whose curves are drawn beside the chosen one's (Ctrl+click in the list).
    compared: std::collections::BTreeSet<u32>,
}

/// The PNG of `rect` (in points) of a screenshot taken at `ppp` pixels per point.
pub fn chart_png(image: &egui::ColorImage, rect: egui::Rect, ppp: f32) -> Result<Vec<u8>, String> {
    use image::ImageEncoder as _;
    // Only the part of the chart inside the window: `region` panics past the image's edge.
    let ppp = if ppp > 0.0 { ppp } else { 1.0 };
    let bounds = egui::Rect::from_min_size(
        Pos2::ZERO,
        vec2(image.size[0] as f32 / ppp, image.size[1] as f32 / ppp),
    );
    let rect = rect.intersect(bounds);
    if !rect.is_positive() {
        return Err("the chart is not on screen".into());
    }
    let region = image.region(&rect, Some(ppp));
    let [w, h] = region.size;
    if w == 0 || h == 0 {
        return Err("the chart is not on screen".into());
    }
    let bytes: Vec<u8> = region
        .pixels
        .iter()
        .flat_map(Color32::to_srgba_unmultiplied)
        .collect();
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(
            &bytes,
            u32::try_from(w).map_err(|e| e.to_string())?,
            u32::try_from(h).map_err(|e| e.to_string())?,
            image::ExtendedColorType::Rgba8,
        )
        .map_err(|e| e.to_string())?;
    Ok(out)
}

/// A chart's title with its SVG and PNG buttons.
fn chart_header(ui: &mut egui::Ui, cx: &ViewCtx<'_>, chart: Chart, title: &str) {
    ui.horizontal(|ui| {
        ui.strong(title);
        for (label, png) in [("SVG", false), ("PNG", true)] {
            if ui
                .small_button(label)
                .on_hover_text(tr(cx.state.settings.lang, "Save the chart"))
                .clicked()
            {
                cx.tx.send(Command::ShowChartExport { chart, png });
            }
        }
    });
}

/// The colour of a level in every chart of the view.
pub fn level_colour(level: Option<PlaceLevel>) -> Color32 {
    let [r, g, b] = svg::level_rgb(level);
    Color32::from_rgb(r, g, b)
}

/// The level's name in the interface language.
pub fn level_label(lang: Lang, level: Option<PlaceLevel>) -> &'static str {
    tr(
        lang,
        match level {
            Some(PlaceLevel::National) => "Centre",
            Some(PlaceLevel::Province) => "Province",
            Some(PlaceLevel::Prefecture) => "Prefecture",
            Some(PlaceLevel::County) => "County",
            None => "Unknown level",
        },
    )
}

impl DiffusionView {
    /// Where `chart` was drawn in the last frame.
    pub fn chart_rect(&self, chart: Chart) -> Option<egui::Rect> {
        self.rects.get(&chart).copied()
    }

    /// `chart` of `group` as SVG, from the diffusion of the last frame.
    pub fn svg(&self, chart: Chart, group: Option<u32>) -> Option<String> {
        let b = self.built.as_ref()?;
        let c = b.diffusion.groups.get(*b.by_group.get(&group?)?)?;
        Some(match chart {
            Chart::Curve => svg::curve(c),
            Chart::Lags => svg::lags(c),
            Chart::Graph => svg::graph(&b.diffusion, c, &b.province),
        })
    }

    /// The diffusion the view draws (as of the last frame), if any.
    pub fn diffusion(&self) -> Option<&Diffusion> {
        self.built.as_ref().map(|b| &b.diffusion)
    }

    fn build(&mut self, cx: &ViewCtx<'_>) {
        let s = cx.state;
        if self
            .built
            .as_ref()
            .is_some_and(|b| b.revision == s.revision)
        {
            return;
        }
        let diffusion = report::diffusion(&s.analysis, &DiffusionConfig::default());
        let by_group = diffusion
            .groups
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id, i))
            .collect();
        let province = report::diffusion::provinces(&s.analysis);
        self.built = Some(Built {
            revision: s.revision,
            diffusion,
            by_group,
            province,
        });
    }

    /// Draws the group list, the charts, the adopters and the graph.
    pub fn ui(&mut self, ui: &mut egui::Ui, cx: &ViewCtx<'_>) {
        let lang = cx.state.settings.lang;
        self.build(cx);
        let Some(built) = &self.built else {
            return;
        };
        if built.diffusion.groups.is_empty() {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| ui.heading(tr(lang, "No phrase groups yet.")));
            return;
        }
        egui::Panel::left("diffusion-groups")
            .resizable(true)
            .default_size(240.0)
            .min_size(160.0)
            .show(ui, |ui| {
                groups_ui(ui, cx, built, &mut self.filter, &mut self.compared);
            });
        // Opening the view with no group chosen chooses the first, which the timeline then marks.
        if cx.state.selected_group.is_none() {
            cx.tx.send(Command::SelectPhraseGroup(
                built.diffusion.groups.first().map(|c| c.id),
            ));
        }
        let chosen = cx
            .state
            .selected_group
            .and_then(|g| built.by_group.get(&g))
            .and_then(|&i| built.diffusion.groups.get(i));
        let Some(c) = chosen else {
            ui.add_space(40.0);
            ui.vertical_centered(|ui| {
                ui.label(tr(lang, "Choose a phrase group to see how it spread."))
            });
            return;
        };
        let rects = &mut self.rects;
        rects.clear();
        egui::Panel::right("diffusion-graph")
            .resizable(true)
            .default_size(340.0)
            .min_size(220.0)
            .show(ui, |ui| {
                let r = graph_ui(ui, cx, built, c);
                rects.insert(Chart::Graph, r);
            });
        let others: Vec<&Cascade> = self
            .compared
            .iter()
            .filter(|&&g| g != c.id)
            .filter_map(|g| built.by_group.get(g))
            .filter_map(|&i| built.diffusion.groups.get(i))
            .collect();
        egui::CentralPanel::default().show(ui, |ui| cascade_ui(ui, cx, c, &others, rects));
    }
}

fn groups_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    built: &Built,
    filter: &mut String,
    compared: &mut std::collections::BTreeSet<u32>,
) {
    let s = cx.state;
    let lang = s.settings.lang;
    ui.horizontal(|ui| {
        let l = ui.label(tr(lang, "Filter"));
        ui.add(egui::TextEdit::singleline(filter).desired_width(150.0))
            .labelled_by(l.id);
    });
    let shown: Vec<&Cascade> = built
        .diffusion
        .groups
        .iter()
        .filter(|c| filter.is_empty() || c.phrase.contains(filter.as_str()))
        .collect();
    ui.weak(format!(
        "{} / {} {}",
        shown.len(),
        built.diffusion.groups.len(),
        tr(lang, "phrase groups")
    ));
    ui.weak(tr(lang, "Ctrl+click: compare curves"));
    ui.separator();
    // One line a group, so every row has the height the list is laid out by.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Truncate);
    egui::ScrollArea::vertical().auto_shrink(false).show_rows(
        ui,
        22.0,
        shown.len(),
        |ui, range| {
            for c in &shown[range] {
                let chosen = s.selected_group == Some(c.id);
                let beside = compared.contains(&c.id);
                let text = format!(
                    "{}{} ({})",
                    if beside { "◆ " } else { "" },
                    c.phrase,
                    c.adopters.len()
                );
                if ui.selectable_label(chosen, text).clicked() {
                    if ui.input(|i| i.modifiers.command) {
                        if !compared.remove(&c.id) {
                            compared.insert(c.id);
                        }
                    } else {
                        cx.tx.send(Command::SelectPhraseGroup(Some(c.id)));
                    }
                }
            }
        },
    );
}

fn cascade_ui(
    ui: &mut egui::Ui,
    cx: &ViewCtx<'_>,
    c: &Cascade,
    others: &[&Cascade],
    rects: &mut BTreeMap<Chart, egui::Rect>,
) {
    let lang = cx.state.settings.lang;
    ui.horizontal(|ui| {
        ui.heading(&c.phrase);
        ui.label(format!(
            "{} {} · {} {} · {} {}",
            c.adopters.len(),
            tr(lang, "places"),
            tr(lang, "top-down"),
            c.direction.top_down,
            tr(lang, "bottom-up"),
            c.direction.bottom_up,
        ));
    });
    ui.horizontal(|ui| {
        ui.label(tr(lang, "Export the data:"));
        for (kind, label) in [
            (TableKind::Adopters, "adopters"),
            (TableKind::Cascades, "cascades"),
            (TableKind::Adoption, "adoption panel"),
            (TableKind::Edges, "edges"),
            (TableKind::Coverage, "coverage"),
        ] {
            if ui.small_button(tr(lang, label)).clicked() {
                cx.tx.send(Command::ShowExportTable(kind));
            }
        }
    });
    for t in &c.direction.taken_up {
        ui.label(format!(
            "{} {} {} · {} {}",
            t.by,
            tr(lang, "took it up after"),
            t.after,
            t.days,
            tr(lang, "days later")
        ));
    }
    let charts_h = (ui.available_height() * 0.4).clamp(140.0, 240.0);
    ui.columns(2, |cols| {
        chart_header(&mut cols[0], cx, Chart::Curve, tr(lang, "Adoption curve"));
        rects.insert(
            Chart::Curve,
            curve_ui(&mut cols[0], lang, c, others, charts_h),
        );
        chart_header(
            &mut cols[1],
            cx,
            Chart::Lags,
            tr(lang, "Lag from the first use (days)"),
        );
        rects.insert(Chart::Lags, lags_ui(&mut cols[1], lang, c, charts_h));
    });
    ui.separator();
    lag_table_ui(ui, lang, c);
    ui.separator();
    adopters_ui(ui, cx, c);
}

/// The lags per level: adopters, median and quartiles.
fn lag_table_ui(ui: &mut egui::Ui, lang: Lang, c: &Cascade) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(tr(lang, "Lag by level"));
        for l in &c.lags {
            ui.label(
                egui::RichText::new(format!(
                    "{} ×{}: {} {:.0} ({:.0}–{:.0})",
                    level_label(lang, l.level),
                    l.adopters,
                    tr(lang, "median"),
                    l.median,
                    l.q1,
                    l.q3
                ))
                .color(level_colour(l.level)),
            );
        }
    });
}

/// The x axis of a date chart: day numbers shown as dates.
pub fn date_axis(mark: egui_plot::GridMark, _range: &std::ops::RangeInclusive<f64>) -> String {
    date_of(mark.value).map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// A cascade's adoption curve as the points of a step line.
fn steps(c: &Cascade) -> Vec<[f64; 2]> {
    let mut steps: Vec<[f64; 2]> = Vec::new();
    let mut prev = 0.0;
    for p in &c.curve {
        let x = day_number(p.date);
        steps.push([x, prev]);
        prev = p.adopters as f64;
        steps.push([x, prev]);
    }
    if let Some(&[x, y]) = steps.last() {
        steps.push([x + 1.0, y]);
    }
    steps
}

fn curve_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    c: &Cascade,
    others: &[&Cascade],
    height: f32,
) -> egui::Rect {
    let steps = steps(c);
    let dots: Vec<[f64; 2]> = c
        .curve
        .iter()
        .map(|p| [day_number(p.date), p.adopters as f64])
        .collect();
    let mut plot = Plot::new(("diffusion-curve", c.id));
    if !others.is_empty() {
        plot = plot.legend(Legend::default());
    }
    plot.height(height)
        .allow_scroll(false)
        .include_y(0.0)
        .x_axis_formatter(date_axis)
        .label_formatter(|pos| {
            use egui_plot::HoverPosition;
            let (HoverPosition::NearDataPoint { position: p, .. }
            | HoverPosition::Elsewhere { position: p }) = pos;
            date_of(p.x).map(|d| format!("{d}: {:.0}", p.y.max(0.0)))
        })
        .show(ui, |plot| {
            // A step line has two points at each date: drawn as a line, not as a band.
            let name = if others.is_empty() {
                tr(lang, "Adopters").to_string()
            } else {
                c.phrase.clone()
            };
            plot.line(Line::new(name, steps).width(2.0).allow_band(false));
            plot.points(Points::new(tr(lang, "first use"), dots).radius(3.0));
            for o in others {
                plot.line(
                    Line::new(o.phrase.clone(), self::steps(o))
                        .width(1.5)
                        .allow_band(false),
                );
            }
        })
        .response
        .rect
}

/// The lags from the first use anywhere as a histogram, one series per level.
fn lags_ui(ui: &mut egui::Ui, lang: Lang, c: &Cascade, height: f32) -> egui::Rect {
    let (width, bins) = svg::lag_bins(c);
    let levels = bins.len().max(1) as f64;
    let w = width as f64;
    Plot::new(("diffusion-lags", c.id))
        .height(height)
        .allow_scroll(false)
        .include_y(0.0)
        .legend(Legend::default())
        .show(ui, |plot| {
            for (k, (level, counts)) in bins.iter().enumerate() {
                let bars: Vec<Bar> = counts
                    .iter()
                    .map(|(&bin, &n)| {
                        let x = (bin as f64 + (k as f64 + 0.5) / levels) * w;
                        Bar::new(x, n as f64).width(w / levels * 0.9).name(format!(
                            "{}–{}",
                            bin * width,
                            (bin + 1) * width - 1
                        ))
                    })
                    .collect();
                plot.bar_chart(
                    BarChart::new(level_label(lang, *level), bars).color(level_colour(*level)),
                );
            }
        })
        .response
        .rect
}

fn adopters_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, c: &Cascade) {
    let lang = cx.state.settings.lang;
    let opt = |v: Option<i64>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
    TableBuilder::new(ui)
        .id_salt(("diffusion-adopters", c.id))
        .striped(true)
        .column(Column::exact(28.0))
        .column(Column::initial(90.0).at_least(60.0).clip(true))
        .column(Column::exact(52.0))
        .column(Column::exact(96.0))
        .column(Column::exact(52.0))
        .column(Column::exact(52.0))
        .column(Column::exact(52.0))
        .column(Column::remainder().at_least(160.0).clip(true))
        .header(22.0, |mut h| {
            for key in [
                "#",
                "Place",
                "Level",
                "First use",
                "Lag",
                "From centre",
                "From parent",
                "Sentence",
            ] {
                h.col(|ui| {
                    ui.strong(tr(lang, key));
                });
            }
        })
        .body(|body| {
            body.rows(22.0, c.adopters.len(), |mut row| {
                let i = row.index();
                let Some(a) = c.adopters.get(i) else {
                    return;
                };
                row.col(|ui| {
                    ui.weak((i + 1).to_string());
                });
                row.col(|ui| {
                    let text = egui::RichText::new(&a.place).color(level_colour(a.level));
                    ui.label(text).on_hover_text(format!(
                        "{}\n{}: {}",
                        a.place_full,
                        tr(lang, "Parent"),
                        a.parent.as_deref().unwrap_or("—")
                    ));
                });
                row.col(|ui| {
                    ui.label(level_label(lang, a.level));
                });
                row.col(|ui| {
                    let mut text = a.first.map_or_else(|| "—".to_string(), |d| d.to_string());
                    if let Some(p) = a
                        .precision
                        .filter(|p| *p != crate::model::DatePrecision::Day)
                    {
                        text = format!("{text} ({})", tr(lang, p.as_str()));
                    }
                    let note = coverage_note(a);
                    let resp = ui.label(text);
                    if !note.is_empty() {
                        resp.on_hover_text(tr(lang, note));
                    }
                });
                row.col(|ui| {
                    let lag = match a.lag_range {
                        Some((lo, hi)) if lo != hi => format!("{lo}–{hi}"),
                        _ => opt(a.lag_days),
                    };
                    ui.label(lag);
                });
                row.col(|ui| {
                    ui.label(opt(a.lag_from_centre));
                });
                row.col(|ui| {
                    ui.label(opt(a.lag_from_parent));
                });
                row.col(|ui| {
                    meeting_link(ui, cx, &a.sentence, Some(&a.sentence), a.meeting);
                });
            });
        });
}

/// The who-follows-whom graph: places on a circle, grouped by province, edges as arrows (the
/// inferred ones solid, window-only ones faint), the chosen group's adopters in their level's
/// colour and numbered by order of adoption.
fn graph_ui(ui: &mut egui::Ui, cx: &ViewCtx<'_>, built: &Built, c: &Cascade) -> egui::Rect {
    let lang = cx.state.settings.lang;
    ui.strong(tr(lang, "Who follows whom"));
    ui.weak(format!(
        "{} {} {} · {} {}",
        tr(lang, "window"),
        built.diffusion.model.window_days,
        tr(lang, "days"),
        built.diffusion.model.cascades,
        tr(lang, "cascades")
    ));
    let edges = &built.diffusion.edges;
    let mut names: Vec<&str> = edges
        .iter()
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .chain(c.adopters.iter().map(|a| a.place.as_str()))
        .collect();
    names.sort_by_key(|n| (built.province.get(*n).map_or(*n, String::as_str), *n));
    names.dedup();
    let size = ui.available_size();
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if names.is_empty() || rect.width() < 40.0 {
        return rect;
    }
    let painter = ui.painter_at(rect);
    let centre = rect.center();
    let radius = (rect.width().min(rect.height()) * 0.5 - 36.0).max(20.0);
    let at: BTreeMap<&str, Pos2> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let a =
                std::f32::consts::TAU * i as f32 / names.len() as f32 - std::f32::consts::FRAC_PI_2;
            (*n, centre + radius * vec2(a.cos(), a.sin()))
        })
        .collect();
    let order: BTreeMap<&str, usize> = c
        .adopters
        .iter()
        .enumerate()
        .map(|(i, a)| (a.place.as_str(), i + 1))
        .collect();
    let text = ui.visuals().text_color();
    let faint = ui.visuals().weak_text_color().gamma_multiply(0.5);
    let strong = ui.visuals().strong_text_color();
    for e in edges {
        let (Some(&a), Some(&b)) = (at.get(e.from.as_str()), at.get(e.to.as_str())) else {
            continue;
        };
        let both = order.contains_key(e.from.as_str()) && order.contains_key(e.to.as_str());
        let colour = match (e.gain.is_some(), both) {
            (true, true) => strong,
            (true, false) => text.gamma_multiply(0.6),
            _ => faint,
        };
        let width = (1.0 + e.cascades as f32).ln().clamp(0.5, 4.0);
        arrow(&painter, a, b, Stroke::new(width, colour));
    }
    let hover = response.hover_pos();
    let mut hovered: Option<&str> = None;
    for n in &names {
        let p = at[n];
        let adopter = c.adopters.iter().find(|a| a.place == *n);
        let colour = adopter.map_or(faint, |a| level_colour(a.level));
        painter.circle_filled(p, if adopter.is_some() { 6.0 } else { 3.5 }, colour);
        let label = match order.get(n) {
            Some(k) => format!("{k}. {n}"),
            None => (*n).to_string(),
        };
        let out = (p - centre).normalized();
        let anchor = if out.x >= 0.0 {
            Align2::LEFT_CENTER
        } else {
            Align2::RIGHT_CENTER
        };
        painter.text(
            p + out * 10.0,
            anchor,
            label,
            FontId::proportional(11.0),
            if adopter.is_some() { text } else { faint },
        );
        if hover.is_some_and(|h| h.distance(p) < 8.0) {
            hovered = Some(n);
        }
    }
    if let Some(n) = hovered {
        let follows: Vec<String> = edges
            .iter()
            .filter(|e| e.to == n || e.from == n)
            .map(|e| {
                format!(
                    "{} → {} · {} {}{}",
                    e.from,
                    e.to,
                    e.cascades,
                    tr(lang, "cascades"),
                    e.gain.map_or_else(String::new, |g| format!(" · {g:.1}"))
                )
            })
            .collect();
        let province = built.province.get(n).cloned().unwrap_or_default();
        response.on_hover_text(format!("{n} ({province})\n{}", follows.join("\n")));
    }
    painter.text(
        rect.left_bottom() + vec2(4.0, -4.0),
        Align2::LEFT_BOTTOM,
        tr(lang, "solid: inferred · faint: within the window only"),
        FontId::proportional(10.0),
        faint,
    );
    rect
}

fn arrow(painter: &egui::Painter, from: Pos2, to: Pos2, stroke: Stroke) {
    let d = to - from;
    let len = d.length();
    if len < 14.0 {
        return;
    }
    let dir = d / len;
    // A little to the right of the straight line, so A → B and B → A are both seen.
    let offset = vec2(-dir.y, dir.x) * 2.5;
    let a = from + dir * 7.0 + offset;
    let b = to - dir * 8.0 + offset;
    painter.line_segment([a, b], stroke);
    let side = vec2(-dir.y, dir.x) * 3.5;
    let tip = b;
    let back = b - dir * 7.0;
    painter.add(egui::Shape::convex_polygon(
        vec![tip, back + side, back - side],
        stroke.color,
        Stroke::NONE,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chart is cut out of the screenshot at the window's scale and written as PNG.
    #[test]
    fn a_chart_is_cut_out_of_the_screenshot_at_its_scale() {
        let mut image = egui::ColorImage::filled([200, 100], Color32::WHITE);
        image.pixels[40 * 200 + 30] = Color32::RED;
        let rect = egui::Rect::from_min_max(egui::pos2(10.0, 10.0), egui::pos2(40.0, 30.0));
        let png = chart_png(&image, rect, 2.0).unwrap();
        let decoded = image::load_from_memory(&png).unwrap().to_rgba8();
        assert_eq!(decoded.dimensions(), (60, 40));
        // The red pixel at (30, 40) of the screen is at (10, 20) of the chart.
        assert_eq!(decoded.get_pixel(10, 20).0, [255, 0, 0, 255]);
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255, 255]);
        let off = egui::Rect::from_min_max(egui::pos2(500.0, 500.0), egui::pos2(600.0, 600.0));
        assert!(chart_png(&image, off, 1.0).is_err());
        // A chart running past the window's edge is cut at the edge.
        let wide = egui::Rect::from_min_max(egui::pos2(150.0, 0.0), egui::pos2(260.0, 50.0));
        let png = chart_png(&image, wide, 1.0).unwrap();
        let decoded = image::load_from_memory(&png).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (50, 50));
    }
}
