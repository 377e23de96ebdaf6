//! Diffusion: each phrase group as an adoption cascade — the places that used it, in order of
//! first use, with their lags from the first use anywhere, from the Centre and from their
//! parent — its adoption curve, whether parents led or followed, who follows whom, and how well
//! the corpus covers each place, so that a silence reads as a gap in the corpus and not as a
//! late adoption.
//!
//! Dates known to the day enter everything. A month-only or approximate date enters the adopter
//! list and the lags with its range (`lag_range`), and is left out of the who-follows-whom graph
//! and the inference, where a few days decide an edge; each adopter says whether it was used
//! there (`in_network`).

pub mod infer;
pub mod svg;
pub mod tables;

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::place::place;
use crate::model::{DatePrecision, MeetingId, Occurrence, PhraseGroup, Place, PlaceLevel};
use crate::pipeline::Analysis;

/// What the output says about month-only and approximate dates.
pub const APPROXIMATE_RULE: &str = "dates known only to the month or approximately enter the \
adopters and lags with their range (lag_range); they are left out of edges and inference \
(in_network false)";

/// Settings of the diffusion analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct DiffusionConfig {
    /// An edge A → B counts the cascades in which B first used a group within this many days
    /// after A (and not on the same day).
    pub window_days: i64,
    /// Places with fewer dated meetings in the corpus than this are flagged as thinly covered.
    pub min_meetings: usize,
    /// An inferred edge must be supported by at least this many cascades.
    pub min_support: usize,
    /// At most this many inferred edges; 0 for as many as there are places in the network.
    pub max_edges: usize,
    /// Only these groups (ids); empty for every group.
    pub groups: Vec<u32>,
}

impl Default for DiffusionConfig {
    fn default() -> Self {
        Self {
            window_days: 30,
            min_meetings: 3,
            min_support: 2,
            max_edges: 0,
            groups: Vec::new(),
        }
    }
}

/// `diffusion --json`: every cascade, the who-follows-whom graph and the corpus's coverage.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diffusion {
    /// One cascade per phrase group that some place used, in the groups' rank order.
    pub groups: Vec<Cascade>,
    /// Top-down and bottom-up adoptions summed over every group.
    pub direction: Direction,
    /// A → B: the cascades in which B adopted within the window after A, and the inferred
    /// network's edges with their gain in likelihood.
    pub edges: Vec<Edge>,
    /// The transmission rate the inference used (per day) and the window, for the record.
    pub model: Model,
    /// Documents and meetings per place per month.
    pub coverage: Vec<Coverage>,
    /// Places with fewer dated meetings than `min_meetings`: flagged in every table.
    pub thin: Vec<String>,
    /// How month-only and approximate dates were used.
    pub approximate: String,
}

/// One phrase group's adoption cascade.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cascade {
    /// The group's id (its rank in `phrases`).
    pub id: u32,
    /// The phrase naming the group.
    pub phrase: String,
    /// Every place that used it: dated ones in order of first use, then undated ones.
    pub adopters: Vec<Adopter>,
    /// Cumulative adopters at each date of a first use.
    pub curve: Vec<CurvePoint>,
    /// The lags from the first use anywhere, per level.
    pub lags: Vec<LagStats>,
    /// Whether parents used it before or after their children.
    pub direction: Direction,
    /// Uses in meetings with no place, which no adopter stands for.
    pub unplaced_uses: usize,
}

/// One place's first use of a group.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Adopter {
    /// The short name it is counted under.
    pub place: String,
    /// The name with province and prefecture (浙江省金华市永康市).
    pub place_full: String,
    /// `national`, `province`, `prefecture` or `county`; null for a place not in the gazetteer.
    pub level: Option<PlaceLevel>,
    /// The place one level up (the Centre for a province), if known.
    pub parent: Option<String>,
    /// The date of the first use; null when no meeting of this place that uses it is dated.
    pub first: Option<NaiveDate>,
    /// How precisely `first` is known.
    pub precision: Option<DatePrecision>,
    /// `[earliest, latest]` when `first` is known only to the month or approximately.
    pub range: Option<(NaiveDate, NaiveDate)>,
    /// The meeting of first use.
    pub meeting: MeetingId,
    /// The directive of first use (index in the meeting's directives).
    pub directive: usize,
    /// The variant written there.
    pub variant: String,
    /// The directive sentence.
    pub sentence: String,
    /// The document's path.
    pub file: String,
    /// Days from the first use anywhere.
    pub lag_days: Option<i64>,
    /// `[least, most]` days from the first use anywhere, when `first` is a range.
    pub lag_range: Option<(i64, i64)>,
    /// Days from the Centre's first use (negative when this place was earlier); null when the
    /// Centre has none in the corpus.
    pub lag_from_centre: Option<i64>,
    /// Days from the parent's first use (negative when this place was earlier); null when the
    /// parent has none in the corpus.
    pub lag_from_parent: Option<i64>,
    /// Dated meetings of this place in the corpus.
    pub place_meetings: usize,
    /// True when the place has fewer dated meetings than `min_meetings`.
    pub thin: bool,
    /// True when the first use is also the place's earliest dated meeting in the corpus: the
    /// place may have used it earlier, unseen.
    pub at_coverage_start: bool,
    /// True when the date entered the edges and the inference (known to the day).
    pub in_network: bool,
}

/// Cumulative adopters by a date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurvePoint {
    /// The date.
    pub date: NaiveDate,
    /// Places that had used the group by then.
    pub adopters: usize,
}

/// The distribution of lags from the first use anywhere, for one level.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LagStats {
    /// The level, or null for places not in the gazetteer.
    pub level: Option<PlaceLevel>,
    /// Dated adopters at this level.
    pub adopters: usize,
    /// Median lag in days.
    pub median: f64,
    /// First quartile.
    pub q1: f64,
    /// Third quartile.
    pub q3: f64,
}

/// Whether parents led or followed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    /// Places whose parent used the group before them.
    pub top_down: usize,
    /// Places that used it before their parent.
    pub bottom_up: usize,
    /// Places that used it on the same day as their parent.
    pub same_day: usize,
    /// The Centre or a province taking up a group some place below it used first.
    pub taken_up: Vec<TakenUp>,
}

/// A higher body using a group a place below it used first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TakenUp {
    /// The group.
    pub group: u32,
    /// Its phrase.
    pub phrase: String,
    /// The Centre or the province that took it up.
    pub by: String,
    /// Its level.
    pub level: Option<PlaceLevel>,
    /// The first place below it to use the group.
    pub after: String,
    /// Days between the two first uses.
    pub days: i64,
}

/// A directed edge of the who-follows-whom graph.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Edge {
    /// The place adopting first.
    pub from: String,
    /// The place following.
    pub to: String,
    /// Cascades in which `to` adopted within the window after `from`.
    pub cascades: usize,
    /// The median of those lags.
    pub median_lag_days: Option<f64>,
    /// The gain in log-likelihood when the inference chose this edge; null when it did not.
    pub gain: Option<f64>,
}

/// The settings the graph and the inference were computed with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// `exponential`.
    pub transmission: String,
    /// The transmission rate per day: one over the mean lag between consecutive adopters.
    pub rate: f64,
    /// The window of the who-follows-whom graph in days.
    pub window_days: i64,
    /// Cascades with two or more adopters dated to the day.
    pub cascades: usize,
}

/// How much of the corpus is about one place in one month.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The short name.
    pub place: String,
    /// `2020-02`.
    pub month: String,
    /// Documents with a dated meeting of this place in the month.
    pub documents: usize,
    /// Dated meetings of this place in the month.
    pub meetings: usize,
}

/// One place as the analysis knows it.
struct Node<'a> {
    place: Option<&'a Place>,
    parent: Option<String>,
    /// Short names of every place above it.
    above: Vec<String>,
    dated_meetings: usize,
    earliest: Option<NaiveDate>,
}

/// The whole diffusion analysis of `analysis`.
pub fn diffusion(analysis: &Analysis, config: &DiffusionConfig) -> Diffusion {
    let nodes = nodes(analysis);
    let groups: Vec<&PhraseGroup> = analysis
        .phrases
        .iter()
        .filter(|g| config.groups.is_empty() || config.groups.contains(&g.id))
        .collect();
    let mut cascades: Vec<Cascade> = groups
        .iter()
        .map(|g| cascade(analysis, g, &nodes, config))
        .filter(|c| !c.adopters.is_empty())
        .collect();
    let mut direction = Direction::default();
    for c in &mut cascades {
        direction.top_down += c.direction.top_down;
        direction.bottom_up += c.direction.bottom_up;
        direction.same_day += c.direction.same_day;
        direction
            .taken_up
            .extend(c.direction.taken_up.iter().cloned());
    }
    let (edges, model) = edges(&cascades, config);
    let thin = nodes
        .iter()
        .filter(|(_, n)| n.dated_meetings < config.min_meetings)
        .map(|(p, _)| p.to_string())
        .collect();
    Diffusion {
        groups: cascades,
        direction,
        edges,
        model,
        coverage: coverage(analysis),
        thin,
        approximate: APPROXIMATE_RULE.to_string(),
    }
}

/// Every place meetings are counted under, with its parent, the places above it and how many
/// dated meetings it has.
fn nodes(analysis: &Analysis) -> BTreeMap<&str, Node<'_>> {
    let mut nodes: BTreeMap<&str, Node<'_>> = BTreeMap::new();
    for m in &analysis.meetings {
        let p = place(m, &analysis.documents);
        let Some(p) = p else {
            continue;
        };
        let n = nodes.entry(p.name.as_ref()).or_insert_with(|| {
            let above: Vec<String> = analysis
                .ancestors_of(p)
                .iter()
                .map(|a| a.name.to_string())
                .collect();
            Node {
                place: Some(p),
                parent: above.first().cloned(),
                above,
                dated_meetings: 0,
                earliest: None,
            }
        });
        if let Some(d) = m.date {
            n.dated_meetings += 1;
            n.earliest = Some(n.earliest.map_or(d.date, |e| e.min(d.date)));
        }
    }
    nodes
}

/// Each place meetings are counted under, with its province (itself for a province, its own
/// name for the Centre and for places the gazetteer does not know): what the graph groups by.
pub fn provinces(analysis: &Analysis) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for m in &analysis.meetings {
        let Some(p) = place(m, &analysis.documents) else {
            continue;
        };
        if out.contains_key(p.name.as_ref()) {
            continue;
        }
        let top = analysis
            .ancestors_of(p)
            .iter()
            .find(|a| a.level == PlaceLevel::Province)
            .map_or_else(|| p.name.to_string(), |a| a.name.to_string());
        out.insert(p.name.to_string(), top);
    }
    out
}

/// The last day of `date`'s month.
pub fn month_end(date: NaiveDate) -> NaiveDate {
    let (y, m) = if date.month() == 12 {
        (date.year() + 1, 1)
    } else {
        (date.year(), date.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(date)
}

fn days(a: NaiveDate, b: NaiveDate) -> i64 {
    (a - b).num_days()
}

fn cascade(
    analysis: &Analysis,
    group: &PhraseGroup,
    nodes: &BTreeMap<&str, Node<'_>>,
    config: &DiffusionConfig,
) -> Cascade {
    let date_of = |id: MeetingId| analysis.meeting(id).and_then(|m| m.date);
    // Per place its first occurrence: dated before undated, then by date, meeting, position.
    let mut first: BTreeMap<&str, &Occurrence> = BTreeMap::new();
    let mut unplaced_uses = 0;
    let key = |o: &Occurrence| {
        let d = date_of(o.meeting).map(|d| d.date);
        (d.is_none(), d, o.meeting, o.span)
    };
    for o in &group.occurrences {
        let Some(m) = analysis.meeting(o.meeting) else {
            continue;
        };
        let Some(p) = place(m, &analysis.documents) else {
            unplaced_uses += 1;
            continue;
        };
        let e = first.entry(p.name.as_ref()).or_insert(o);
        if key(o) < key(e) {
            *e = o;
        }
    }
    let mut adopters: Vec<Adopter> = first
        .into_iter()
        .map(|(name, o)| {
            let node = nodes.get(name);
            let p = node.and_then(|n| n.place);
            let date = date_of(o.meeting);
            let precision = date.map(|d| d.precision);
            let range = date.and_then(|d| match d.precision {
                DatePrecision::Day => None,
                DatePrecision::Month => Some((d.date, month_end(d.date))),
                DatePrecision::Approximate => Some(d.range.unwrap_or((d.date, d.date))),
            });
            let sentence = analysis
                .meeting(o.meeting)
                .and_then(|m| m.directives.get(o.directive))
                .map(|d| d.text.clone())
                .unwrap_or_default();
            Adopter {
                place: name.to_string(),
                place_full: p.map(|p| p.full.to_string()).unwrap_or_default(),
                level: p.and_then(Place::known_level),
                parent: node.and_then(|n| n.parent.clone()),
                first: date.map(|d| d.date),
                precision,
                range,
                meeting: o.meeting,
                directive: o.directive,
                variant: o.text.clone(),
                sentence,
                file: analysis
                    .meeting(o.meeting)
                    .and_then(|m| analysis.document_of(m))
                    .map(|d| d.path.clone())
                    .unwrap_or_default(),
                place_meetings: node.map_or(0, |n| n.dated_meetings),
                thin: node.is_none_or(|n| n.dated_meetings < config.min_meetings),
                at_coverage_start: date
                    .is_some_and(|d| node.and_then(|n| n.earliest) == Some(d.date)),
                in_network: precision == Some(DatePrecision::Day),
                ..Adopter::default()
            }
        })
        .collect();
    adopters.sort_by(|a, b| {
        (a.first.is_none(), a.first, a.meeting, &a.place).cmp(&(
            b.first.is_none(),
            b.first,
            b.meeting,
            &b.place,
        ))
    });
    lags(&mut adopters);
    let direction = direction(group, &adopters, nodes);
    Cascade {
        id: group.id,
        phrase: group.phrase.clone(),
        curve: curve(&adopters),
        lags: lag_stats(&adopters),
        direction,
        adopters,
        unplaced_uses,
    }
}

/// Fills each adopter's lags from the first use anywhere, the Centre's and its parent's.
fn lags(adopters: &mut [Adopter]) {
    let Some(start) = adopters.iter().filter_map(|a| a.first).min() else {
        return;
    };
    let firsts: HashMap<String, NaiveDate> = adopters
        .iter()
        .filter_map(|a| a.first.map(|d| (a.place.clone(), d)))
        .collect();
    let centre = adopters
        .iter()
        .find(|a| a.level == Some(PlaceLevel::National))
        .and_then(|a| a.first);
    for a in adopters.iter_mut() {
        let Some(d) = a.first else {
            continue;
        };
        a.lag_days = Some(days(d, start));
        a.lag_range = a.range.map(|(lo, hi)| (days(lo, start), days(hi, start)));
        if a.level != Some(PlaceLevel::National) {
            a.lag_from_centre = centre.map(|c| days(d, c));
        }
        a.lag_from_parent = a
            .parent
            .as_ref()
            .and_then(|p| firsts.get(p))
            .map(|&p| days(d, p));
    }
}

fn curve(adopters: &[Adopter]) -> Vec<CurvePoint> {
    let mut out: Vec<CurvePoint> = Vec::new();
    let mut n = 0;
    for d in adopters.iter().filter_map(|a| a.first) {
        n += 1;
        match out.last_mut() {
            Some(last) if last.date == d => last.adopters = n,
            _ => out.push(CurvePoint {
                date: d,
                adopters: n,
            }),
        }
    }
    out
}

/// The `q` quantile (0–1) of sorted `xs`, interpolated between neighbours.
pub fn quantile(xs: &[f64], q: f64) -> f64 {
    if xs.is_empty() {
        return 0.0;
    }
    let pos = q.clamp(0.0, 1.0) * (xs.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    xs[lo] + (xs[hi] - xs[lo]) * (pos - lo as f64)
}

fn lag_stats(adopters: &[Adopter]) -> Vec<LagStats> {
    let mut by_level: BTreeMap<Option<PlaceLevel>, Vec<f64>> = BTreeMap::new();
    for a in adopters {
        if let Some(l) = a.lag_days {
            by_level.entry(a.level).or_default().push(l as f64);
        }
    }
    by_level
        .into_iter()
        .map(|(level, mut xs)| {
            xs.sort_by(f64::total_cmp);
            LagStats {
                level,
                adopters: xs.len(),
                median: quantile(&xs, 0.5),
                q1: quantile(&xs, 0.25),
                q3: quantile(&xs, 0.75),
            }
        })
        .collect()
}

fn direction(
    group: &PhraseGroup,
    adopters: &[Adopter],
    nodes: &BTreeMap<&str, Node<'_>>,
) -> Direction {
    let mut out = Direction::default();
    for a in adopters {
        match a.lag_from_parent {
            Some(l) if l > 0 => out.top_down += 1,
            Some(l) if l < 0 => out.bottom_up += 1,
            Some(_) => out.same_day += 1,
            None => {}
        }
    }
    // The Centre and the provinces that used it after some place below them.
    for high in adopters
        .iter()
        .filter(|a| matches!(a.level, Some(PlaceLevel::National | PlaceLevel::Province)))
    {
        let Some(at) = high.first else {
            continue;
        };
        let below = adopters.iter().find(|a| {
            a.first.is_some_and(|d| d < at)
                && nodes
                    .get(a.place.as_str())
                    .is_some_and(|n| n.above.contains(&high.place))
                && matches!(a.level, Some(PlaceLevel::Prefecture | PlaceLevel::County))
        });
        if let Some(b) = below {
            out.taken_up.push(TakenUp {
                group: group.id,
                phrase: group.phrase.clone(),
                by: high.place.clone(),
                level: high.level,
                after: b.place.clone(),
                days: b.first.map_or(0, |d| days(at, d)),
            });
        }
    }
    out
}

fn edges(cascades: &[Cascade], config: &DiffusionConfig) -> (Vec<Edge>, Model) {
    // Places as dense ids, and each cascade as its adopters dated to the day.
    let mut ids: BTreeMap<&str, usize> = BTreeMap::new();
    let mut names: Vec<&str> = Vec::new();
    let timed: Vec<Vec<(usize, f64)>> = cascades
        .iter()
        .map(|c| {
            c.adopters
                .iter()
                .filter(|a| a.in_network)
                .filter_map(|a| {
                    let d = a.first?;
                    let id = *ids.entry(a.place.as_str()).or_insert_with(|| {
                        names.push(a.place.as_str());
                        names.len() - 1
                    });
                    Some((id, f64::from(d.num_days_from_ce())))
                })
                .collect::<Vec<_>>()
        })
        .filter(|c: &Vec<(usize, f64)>| c.len() >= 2)
        .collect();
    // The window graph.
    let mut window: HashMap<(usize, usize), Vec<f64>> = HashMap::new();
    for c in &timed {
        for &(a, ta) in c {
            for &(b, tb) in c {
                let lag = tb - ta;
                if lag > 0.0 && lag <= config.window_days as f64 {
                    window.entry((a, b)).or_default().push(lag);
                }
            }
        }
    }
    let network = infer::infer(
        names.len(),
        &timed,
        &infer::InferConfig {
            rate: None,
            min_support: config.min_support,
            max_edges: if config.max_edges == 0 {
                names.len()
            } else {
                config.max_edges
            },
        },
    );
    let mut edges: BTreeMap<(usize, usize), Edge> = BTreeMap::new();
    for ((a, b), mut lags) in window {
        lags.sort_by(f64::total_cmp);
        edges.insert(
            (a, b),
            Edge {
                from: names[a].to_string(),
                to: names[b].to_string(),
                cascades: lags.len(),
                median_lag_days: Some(quantile(&lags, 0.5)),
                gain: None,
            },
        );
    }
    for e in &network.edges {
        edges
            .entry((e.from, e.to))
            .or_insert_with(|| Edge {
                from: names[e.from].to_string(),
                to: names[e.to].to_string(),
                ..Edge::default()
            })
            .gain = Some(e.gain);
    }
    let mut edges: Vec<Edge> = edges.into_values().collect();
    edges.sort_by(|a, b| {
        b.cascades
            .cmp(&a.cascades)
            .then(b.gain.unwrap_or(0.0).total_cmp(&a.gain.unwrap_or(0.0)))
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    let model = Model {
        transmission: "exponential".into(),
        rate: network.rate,
        window_days: config.window_days,
        cascades: timed.len(),
    };
    (edges, model)
}

/// Documents and meetings per place per month, from each dated meeting.
fn coverage(analysis: &Analysis) -> Vec<Coverage> {
    let mut cells: BTreeMap<(&str, String), (Vec<u32>, usize)> = BTreeMap::new();
    for m in &analysis.meetings {
        let (Some(p), Some(d)) = (place(m, &analysis.documents), m.date) else {
            continue;
        };
        let month = format!("{:04}-{:02}", d.date.year(), d.date.month());
        let cell = cells.entry((p.name.as_ref(), month)).or_default();
        cell.0.push(m.doc.0);
        cell.0.extend(m.reports.iter().map(|r| r.doc.0));
        cell.1 += 1;
    }
    cells
        .into_iter()
        .map(|((place, month), (mut docs, meetings))| {
            docs.sort_unstable();
            docs.dedup();
            Coverage {
                place: place.to_string(),
                month,
                documents: docs.len(),
                meetings,
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests;
