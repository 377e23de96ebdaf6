//! The Diffusion view's charts as SVG, drawn from the same data the view shows: the adoption
//! curve, the lag histogram by level and the who-follows-whom graph. Plain SVG 1.1 with text
//! as text, so a journal's figure editor or a browser opens it and the labels stay searchable.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};

use super::tables::level_name;
use super::{Cascade, Diffusion};
use crate::model::PlaceLevel;

/// Width and height of every chart, in SVG units (pixels at 100 %).
pub const SIZE: (f64, f64) = (W, H);
const W: f64 = 640.0;
const H: f64 = 360.0;
/// The plot area's margins.
const LEFT: f64 = 48.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 28.0;
const BOTTOM: f64 = 40.0;

/// The colour of a level in every chart, in the app and in SVG.
pub fn level_rgb(level: Option<PlaceLevel>) -> [u8; 3] {
    match level {
        Some(PlaceLevel::National) => [200, 40, 40],
        Some(PlaceLevel::Province) => [230, 140, 20],
        Some(PlaceLevel::Prefecture) => [40, 130, 200],
        Some(PlaceLevel::County) => [60, 160, 90],
        None => [128, 128, 128],
    }
}

/// [`level_rgb`] as `#rrggbb`.
pub fn level_colour(level: Option<PlaceLevel>) -> String {
    let [r, g, b] = level_rgb(level);
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text with `&`, `<`, `>` and quotes escaped for XML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn open(title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{W}\" height=\"{H}\" \
         viewBox=\"0 0 {W} {H}\" font-family=\"Noto Sans CJK SC, Noto Sans SC, \
         Source Han Sans SC, sans-serif\" font-size=\"12\">\n\
         <rect width=\"{W}\" height=\"{H}\" fill=\"white\"/>\n\
         <text x=\"{}\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{}</text>\n",
        LEFT,
        escape(title)
    );
    out
}

/// A linear map from `[lo, hi]` onto `[from, to]`.
fn scale(lo: f64, hi: f64, from: f64, to: f64) -> impl Fn(f64) -> f64 {
    let span = if hi > lo { hi - lo } else { 1.0 };
    move |v| from + (v - lo) / span * (to - from)
}

fn axes(out: &mut String, x_label: &str, y_label: &str) {
    let _ = writeln!(
        out,
        "<path d=\"M{LEFT} {TOP} V{} H{}\" fill=\"none\" stroke=\"#444\"/>",
        H - BOTTOM,
        W - RIGHT
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        W - RIGHT,
        H - 6.0,
        escape(x_label)
    );
    let _ = writeln!(
        out,
        "<text x=\"12\" y=\"{}\" transform=\"rotate(-90 12 {})\" text-anchor=\"middle\">{}</text>",
        (TOP + H - BOTTOM) / 2.0,
        (TOP + H - BOTTOM) / 2.0,
        escape(y_label)
    );
}

fn y_ticks(out: &mut String, max: f64, y: &impl Fn(f64) -> f64) {
    let step = (max / 5.0).ceil().max(1.0);
    let mut v = 0.0;
    while v <= max + 1e-9 {
        let yy = y(v);
        if yy <= H - BOTTOM + 0.5 {
            let _ = writeln!(
                out,
                "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{yy:.1}\" y2=\"{yy:.1}\" stroke=\"#ddd\"/>\
                 <text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\">{v}</text>",
                W - RIGHT,
                LEFT - 4.0,
                yy + 4.0
            );
        }
        v += step;
    }
}

fn day(d: NaiveDate) -> f64 {
    f64::from(d.num_days_from_ce())
}

/// The adoption curve: cumulative adopters as a step line, a dot and the place at each first
/// use.
pub fn curve(c: &Cascade) -> String {
    let mut out = open(&format!("{} — adoption curve", c.phrase));
    axes(&mut out, "date", "places");
    let (Some(first), Some(last)) = (c.curve.first(), c.curve.last()) else {
        out.push_str("</svg>\n");
        return out;
    };
    let x = scale(day(first.date), day(last.date) + 1.0, LEFT, W - RIGHT);
    let max = last.adopters as f64;
    let y = scale(0.0, max, H - BOTTOM, TOP + 12.0);
    y_ticks(&mut out, max, &y);
    let mut path = format!("M{:.1} {:.1}", x(day(first.date)), y(0.0));
    let mut prev = 0.0;
    for point in &c.curve {
        let xx = x(day(point.date));
        let _ = write!(path, " L{xx:.1} {:.1}", y(prev));
        prev = point.adopters as f64;
        let _ = write!(path, " L{xx:.1} {:.1}", y(prev));
    }
    let _ = write!(path, " L{:.1} {:.1}", x(day(last.date) + 1.0), y(prev));
    let _ = writeln!(
        out,
        "<path d=\"{path}\" fill=\"none\" stroke=\"#b03030\" stroke-width=\"2\"/>"
    );
    let mut seen: usize = 0;
    for a in &c.adopters {
        let Some(date) = a.first else { continue };
        seen += 1;
        let (xx, yy) = (x(day(date)), y(seen as f64));
        // A label near the right edge stands left of its dot.
        let near_right = xx > W - RIGHT - 60.0;
        let anchor = if near_right { "end" } else { "start" };
        let _ = writeln!(
            out,
            "<g><title>{} {date}</title><circle cx=\"{xx:.1}\" cy=\"{yy:.1}\" r=\"3.5\" fill=\"{}\"/></g>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"10\" text-anchor=\"{anchor}\">{}</text>",
            escape(&a.place),
            level_colour(a.level),
            if near_right { xx - 5.0 } else { xx + 5.0 },
            yy - 4.0,
            escape(&a.place)
        );
    }
    for (d, anchor) in [(first.date, "start"), (last.date, "end")] {
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"{anchor}\">{d}</text>",
            x(day(d)),
            H - BOTTOM + 16.0
        );
    }
    out.push_str("</svg>\n");
    out
}

/// The bin width (days) the histogram of lags up to `max` uses: about a dozen bins.
pub fn bin_width(max: i64) -> i64 {
    [1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365]
        .into_iter()
        .find(|days| max.max(1) / days <= 12)
        .unwrap_or(365)
}

/// Per level, adopters per bin of `bin_width` days of lag from the first use.
pub fn lag_bins(c: &Cascade) -> (i64, BTreeMap<Option<PlaceLevel>, BTreeMap<i64, usize>>) {
    let max = c
        .adopters
        .iter()
        .filter_map(|a| a.lag_days)
        .max()
        .unwrap_or(0);
    let width = bin_width(max);
    let mut bins: BTreeMap<Option<PlaceLevel>, BTreeMap<i64, usize>> = BTreeMap::new();
    for a in &c.adopters {
        if let Some(lag) = a.lag_days {
            *bins
                .entry(a.level)
                .or_default()
                .entry(lag / width)
                .or_default() += 1;
        }
    }
    (width, bins)
}

/// The lags from the first use as a histogram, one colour per level, with a legend.
pub fn lags(c: &Cascade) -> String {
    let mut out = open(&format!("{} — lag from the first use", c.phrase));
    axes(&mut out, "days", "places");
    let (width, bins) = lag_bins(c);
    let last_bin = bins
        .values()
        .flat_map(|m| m.keys())
        .copied()
        .max()
        .unwrap_or(0);
    let max = bins
        .values()
        .flat_map(|m| m.values())
        .copied()
        .max()
        .unwrap_or(1) as f64;
    let x = scale(0.0, ((last_bin + 1) * width) as f64, LEFT, W - RIGHT - 90.0);
    let y = scale(0.0, max, H - BOTTOM, TOP + 12.0);
    y_ticks(&mut out, max, &y);
    let levels = bins.len().max(1) as f64;
    for (k, (level, counts)) in bins.iter().enumerate() {
        for (&bin, &n) in counts {
            let x0 = x((bin * width) as f64 + k as f64 * width as f64 / levels);
            let x1 = x((bin * width) as f64 + (k as f64 + 0.9) * width as f64 / levels);
            let _ = writeln!(
                out,
                "<g><title>{} {}–{}: {n}</title><rect x=\"{x0:.1}\" y=\"{:.1}\" \
                 width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\"/></g>",
                level_name(*level),
                bin * width,
                (bin + 1) * width - 1,
                y(n as f64),
                (x1 - x0).max(1.0),
                y(0.0) - y(n as f64),
                level_colour(*level),
            );
        }
        let ly = TOP + 20.0 + 16.0 * k as f64;
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{:.1}\" width=\"10\" height=\"10\" fill=\"{}\"/>\
             <text x=\"{}\" y=\"{:.1}\">{}</text>",
            W - RIGHT - 80.0,
            ly - 9.0,
            level_colour(*level),
            W - RIGHT - 66.0,
            ly,
            level_label(*level)
        );
    }
    for bin in 0..=last_bin + 1 {
        if last_bin > 12 && bin % 2 == 1 {
            continue;
        }
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\">{}</text>",
            x((bin * width) as f64),
            H - BOTTOM + 16.0,
            bin * width
        );
    }
    out.push_str("</svg>\n");
    out
}

fn level_label(level: Option<PlaceLevel>) -> &'static str {
    match level {
        None => "unknown",
        known => level_name(known),
    }
}

/// The who-follows-whom graph around `c`: places on a circle grouped by `province`, edges as
/// arrows (inferred ones dark, window-only ones light), `c`'s adopters numbered by order.
pub fn graph(d: &Diffusion, c: &Cascade, province: &BTreeMap<String, String>) -> String {
    let mut out = open(&format!("{} — who follows whom", c.phrase));
    let mut names: Vec<&str> = d
        .edges
        .iter()
        .flat_map(|e| [e.from.as_str(), e.to.as_str()])
        .chain(c.adopters.iter().map(|a| a.place.as_str()))
        .collect();
    names.sort_by_key(|n| (province.get(*n).map_or(*n, String::as_str), *n));
    names.dedup();
    let (cx, cy) = (W / 2.0, H / 2.0 + 10.0);
    let radius = (H / 2.0 - 40.0).max(20.0);
    let at: BTreeMap<&str, (f64, f64)> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let a = std::f64::consts::TAU * i as f64 / names.len().max(1) as f64
                - std::f64::consts::FRAC_PI_2;
            (*n, (cx + radius * a.cos(), cy + radius * a.sin()))
        })
        .collect();
    out.push_str("<defs>");
    for (id, colour) in [("dark", "#333"), ("light", "#bbb")] {
        let _ = write!(
            out,
            "<marker id=\"head-{id}\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" \
             markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\">\
             <path d=\"M0 0 L10 5 L0 10 z\" fill=\"{colour}\"/></marker>"
        );
    }
    out.push_str("</defs>\n");
    for e in &d.edges {
        let (Some(&(x0, y0)), Some(&(x1, y1))) = (at.get(e.from.as_str()), at.get(e.to.as_str()))
        else {
            continue;
        };
        let (dx, dy) = (x1 - x0, y1 - y0);
        let len = (dx * dx + dy * dy).sqrt().max(1.0);
        let (ux, uy) = (dx / len, dy / len);
        let (colour, head) = if e.gain.is_some() {
            ("#333", "dark")
        } else {
            ("#bbb", "light")
        };
        let width = (1.0 + e.cascades as f64).ln().clamp(0.6, 4.0);
        let _ = writeln!(
            out,
            "<g><title>{} → {}: {} cascades</title><line x1=\"{:.1}\" y1=\"{:.1}\" \
             x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"{width:.2}\" \
             marker-end=\"url(#head-{head})\"/></g>",
            escape(&e.from),
            escape(&e.to),
            e.cascades,
            x0 + ux * 7.0 - uy * 2.5,
            y0 + uy * 7.0 + ux * 2.5,
            x1 - ux * 8.0 - uy * 2.5,
            y1 - uy * 8.0 + ux * 2.5,
        );
    }
    let order: BTreeMap<&str, (usize, Option<PlaceLevel>)> = c
        .adopters
        .iter()
        .enumerate()
        .map(|(i, a)| (a.place.as_str(), (i + 1, a.level)))
        .collect();
    for n in &names {
        let (px, py) = at[n];
        let (label, fill, dot) = match order.get(n) {
            Some(&(k, level)) => (format!("{k}. {n}"), level_colour(level), 6.0),
            None => ((*n).to_string(), "#bbb".to_string(), 3.5),
        };
        let anchor = if px >= cx { "start" } else { "end" };
        let dx = if px >= cx { 9.0 } else { -9.0 };
        let _ = writeln!(
            out,
            "<circle cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"{dot}\" fill=\"{fill}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"{anchor}\" font-size=\"11\">{}</text>",
            px + dx,
            py + 4.0,
            escape(&label)
        );
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::diffusion::{Adopter, CurvePoint, Edge};

    fn adopter(place: &str, date: &str, lag: i64, level: PlaceLevel) -> Adopter {
        Adopter {
            place: place.into(),
            level: Some(level),
            first: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            lag_days: Some(lag),
            ..Adopter::default()
        }
    }

    fn cascade() -> Cascade {
        let adopters = vec![
            adopter("甲市", "2021-03-01", 0, PlaceLevel::Prefecture),
            adopter("乙县", "2021-03-12", 11, PlaceLevel::County),
            adopter("丙县<&>", "2021-03-22", 21, PlaceLevel::County),
        ];
        let curve = adopters
            .iter()
            .enumerate()
            .map(|(i, a)| CurvePoint {
                date: a.first.unwrap(),
                adopters: i + 1,
            })
            .collect();
        Cascade {
            id: 4,
            phrase: "攻坚克难".into(),
            adopters,
            curve,
            ..Cascade::default()
        }
    }

    /// Every chart is one well-formed SVG document: tags balance and text is escaped.
    fn well_formed(svg: &str) {
        assert!(
            svg.starts_with("<svg ") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
        assert!(!svg.contains("丙县<&>"));
        let opened = svg.matches("<title>").count();
        assert_eq!(opened, svg.matches("</title>").count());
        let mut reader = quick_xml::Reader::from_str(svg);
        loop {
            match reader.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => panic!("{e}: {svg}"),
            }
        }
    }

    #[test]
    fn the_curve_steps_up_at_each_first_use() {
        let svg = curve(&cascade());
        well_formed(&svg);
        assert!(svg.contains("攻坚克难 — adoption curve"));
        // One dot and label per adopter, the dates at the ends of the axis.
        assert_eq!(svg.matches("<circle").count(), 3);
        assert!(svg.contains(">乙县</text>"));
        assert!(svg.contains("丙县&lt;&amp;&gt;"));
        assert!(svg.contains(">2021-03-01</text>") && svg.contains(">2021-03-22</text>"));
        // The step path has two points at each date after its start.
        let path = svg.split("<path d=\"").nth(2).unwrap();
        assert_eq!(path.split('"').next().unwrap().matches(" L").count(), 7);
    }

    #[test]
    fn the_histogram_has_a_bar_per_level_and_bin_and_a_legend() {
        let c = cascade();
        let (width, bins) = lag_bins(&c);
        assert_eq!(width, 2);
        assert_eq!(bins[&Some(PlaceLevel::County)].len(), 2);
        let svg = lags(&c);
        well_formed(&svg);
        // Three bars and two legend swatches.
        assert_eq!(svg.matches("<rect").count(), 1 + 3 + 2);
        assert!(svg.contains(">county</text>") && svg.contains(">prefecture</text>"));
        assert!(svg.contains("county 10–11: 1"));
    }

    #[test]
    fn the_graph_numbers_the_adopters_and_draws_each_edge() {
        let c = cascade();
        let d = Diffusion {
            edges: vec![
                Edge {
                    from: "甲市".into(),
                    to: "乙县".into(),
                    cascades: 3,
                    median_lag_days: Some(9.0),
                    gain: Some(40.0),
                },
                Edge {
                    from: "丁县".into(),
                    to: "乙县".into(),
                    cascades: 1,
                    median_lag_days: Some(2.0),
                    gain: None,
                },
            ],
            ..Diffusion::default()
        };
        let svg = graph(&d, &c, &BTreeMap::new());
        well_formed(&svg);
        assert_eq!(svg.matches("<line").count(), 2);
        assert!(svg.contains(">1. 甲市</text>") && svg.contains(">2. 乙县</text>"));
        // A place in the graph that did not adopt this group is drawn small and unnumbered.
        assert!(svg.contains(">丁县</text>"));
        assert!(svg.contains("stroke=\"#333\"") && svg.contains("stroke=\"#bbb\""));
    }

    #[test]
    fn bins_are_round_and_about_a_dozen() {
        assert_eq!(bin_width(0), 1);
        assert_eq!(bin_width(12), 1);
        assert_eq!(bin_width(13), 2);
        assert_eq!(bin_width(400), 60);
        assert_eq!(bin_width(100_000), 365);
    }
}
