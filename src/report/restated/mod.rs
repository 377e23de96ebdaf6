//! Copied from above or local: for every directive clause of a meeting, the closest clause in
//! the higher-level texts loaded — meetings of the places above it (its prefecture, province,
//! the Centre) held before it within a window — and whether the clause restates it, adapts it
//! (the same frame with words swapped, added or dropped) or is the locality's own.
//!
//! Candidates come from an inverted index of character bigrams over every clause of a
//! higher-level meeting, never all pairs; each candidate from an ancestor within the window is
//! scored by the character diff of [`crate::compare::diff`]. Clauses are matched one by one, so
//! a meeting that reorders its province's clauses still restates each of them.
//!
//! A clause that one body or one outlet repeats in meeting after meeting (the closing
//! 会议还研究了其他事项, an outlet's standing opening lines) is `boilerplate`: a series of its
//! own, counted in no share.

pub mod tables;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::place::place;
use crate::compare::align::{
    AlignConfig, Clause, bigrams, clauses, content, content_chars, split_clauses,
};
use crate::compare::diff::{SegmentKind, diff};
use crate::export::Source;
use crate::model::{MeetingId, PlaceLevel, Span};
use crate::pipeline::Analysis;

/// Settings of the restatement analysis.
#[derive(Clone, Debug, PartialEq)]
pub struct RestateConfig {
    /// Higher-level texts count only when held at most this many days before the meeting.
    pub window_days: i64,
    /// A clause whose best source shares at least this share of characters is `restated`.
    pub restated: f64,
    /// At least this share (and a run of `min_run` characters in common) is `adapted`.
    pub adapted: f64,
    /// The shared frame of an adapted clause: a run of at least this many characters.
    pub min_run: usize,
    /// A clause repeated in this many meetings of one place, or documents of one outlet, is
    /// boilerplate.
    pub boilerplate: usize,
    /// How directives are cut into clauses.
    pub clauses: AlignConfig,
    /// At most this many candidate source clauses (those sharing the most bigrams) are diffed
    /// for each clause.
    pub max_candidates: usize,
}

impl Default for RestateConfig {
    fn default() -> Self {
        Self {
            window_days: 180,
            restated: 0.85,
            adapted: 0.55,
            min_run: 4,
            boilerplate: 3,
            clauses: AlignConfig::default(),
            max_candidates: 24,
        }
    }
}

/// `restated --json`: every meeting's clauses with their labels and sources, and the shares
/// per place.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Restatement {
    /// Every dated meeting with a place, in id order.
    pub meetings: Vec<MeetingRestated>,
    /// Per place, the shares over all its meetings.
    pub places: Vec<PlaceShares>,
    /// Per place and month, the shares of its meetings that month.
    pub months: Vec<PlaceShares>,
    /// The settings used.
    pub window_days: i64,
}

/// Restated, adapted and local shares, by clauses and by characters; boilerplate is outside
/// them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shares {
    /// Share of clauses restating a higher-level clause.
    pub restated: f64,
    /// Share of clauses adapting one.
    pub adapted: f64,
    /// Share of clauses with nothing close above.
    pub local: f64,
    /// The same three by characters.
    pub restated_chars: f64,
    /// Adapted, by characters.
    pub adapted_chars: f64,
    /// Local, by characters.
    pub local_chars: f64,
    /// Clauses counted (boilerplate aside).
    pub clauses: usize,
    /// Boilerplate clauses left out.
    pub boilerplate: usize,
}

/// One meeting's clauses.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingRestated {
    /// `m3`.
    pub id: String,
    /// The place it is counted under.
    pub place: String,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// The shares.
    pub shares: Shares,
    /// Higher-level meetings in the window: zero means nothing above was loaded, so `local`
    /// says nothing.
    pub higher_meetings: usize,
    /// Higher-level pages that report no meeting (notices, central news) in the window.
    pub higher_pages: usize,
    /// Restated and adapted clauses by the level of their source.
    pub sources_by_level: BTreeMap<String, usize>,
    /// Every directive clause, in text order.
    pub clauses: Vec<ClauseRestated>,
}

/// One clause and its best source.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseRestated {
    /// The clause.
    pub text: String,
    /// Its bytes in the document.
    pub start: usize,
    /// End byte.
    pub end: usize,
    /// The directive it belongs to.
    pub directive: usize,
    /// `restated`, `adapted`, `local` or `boilerplate`.
    pub label: String,
    /// The closest higher-level clause, if any scored.
    pub source: Option<SourceClause>,
    /// Share of characters in common with the source (0 with none).
    pub similarity: f64,
    /// The character diff against the source: `shared`, `only_local`, `only_source`.
    pub diff: Vec<DiffRun>,
}

/// A higher-level clause a local clause draws on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceClause {
    /// The document's path.
    pub document: String,
    /// `m0`; empty when the source is a page that reports no meeting.
    pub meeting: String,
    /// Its place.
    pub place: String,
    /// Its level.
    pub level: Option<PlaceLevel>,
    /// Its date.
    pub date: Option<NaiveDate>,
    /// The clause.
    pub text: String,
    /// Its bytes in its document.
    pub start: usize,
    /// End byte.
    pub end: usize,
}

/// A run of the diff between a local clause and its source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiffRun {
    /// `shared`, `only_local` or `only_source`.
    pub kind: String,
    /// The characters.
    pub text: String,
}

/// The shares of one place overall (`month` null) or in one month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceShares {
    /// The place.
    pub place: String,
    /// `2020-02`, or null for all months.
    pub month: Option<String>,
    /// Meetings counted.
    pub meetings: usize,
    /// Meetings with some higher-level text in their window.
    pub with_sources: usize,
    /// The shares.
    pub shares: Shares,
}

/// A clause with what the analysis knows of its meeting, or of its document when it comes from
/// a higher-level page that reports no meeting (a notice, a central news page).
struct Item<'a> {
    clause: Clause,
    /// The meeting; `None` for a clause of such a document, which is only ever a source.
    meeting: Option<MeetingId>,
    content: String,
    place: &'a str,
    level: Option<PlaceLevel>,
    date: Option<NaiveDate>,
    /// Short names of the places above.
    above: BTreeSet<String>,
}

/// What a restatement analysis is computed from, as a SHA-256 in hex: the settings, every
/// meeting (place, date, directives, the reports merged into it), every document's path,
/// place, date and text, and the places above each place. A stored analysis ([`Restatement`]
/// kept in a project) stands for the analysis of `analysis` only when the two fingerprints
/// are equal: any added file, correction or other settings change it.
pub fn fingerprint(analysis: &Analysis, config: &RestateConfig) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(format!("restatement 1 {config:?}\n").as_bytes());
    h.update(format!("{:?}\n", analysis.ancestors).as_bytes());
    for m in &analysis.meetings {
        // A meeting that cannot be written as JSON still counts by its debug form.
        if serde_json::to_writer(&mut h, m).is_err() {
            h.update(format!("{m:?}").as_bytes());
        }
        h.update(b"\n");
    }
    for d in &analysis.documents {
        h.update(
            format!(
                "{}\t{:?}\t{:?}\t{:?}\t{}\n",
                d.path,
                d.place,
                d.published,
                d.meta.site,
                d.text.len()
            )
            .as_bytes(),
        );
        h.update(d.text.as_bytes());
    }
    crate::text::hex(&h.finalize())
}

/// The restatement analysis of every dated meeting with a place.
pub fn restated(analysis: &Analysis, config: &RestateConfig) -> Restatement {
    restated_of(analysis, config, None)
}

/// The meetings `targets` needs read: themselves, the meetings of the places above them (their
/// sources), of their own places and of their outlets (for boilerplate).
fn relevant(analysis: &Analysis, targets: &[MeetingId]) -> Vec<MeetingId> {
    let site =
        |m: &crate::model::Meeting| analysis.document_of(m).and_then(|d| d.meta.site.clone());
    let mut places: BTreeSet<String> = BTreeSet::new();
    let mut sites: BTreeSet<String> = BTreeSet::new();
    for m in targets.iter().filter_map(|&id| analysis.meeting(id)) {
        if let Some(p) = place(m, &analysis.documents) {
            places.insert(p.name.to_string());
            places.extend(analysis.ancestors_of(p).iter().map(|a| a.name.to_string()));
        }
        sites.extend(site(m));
    }
    analysis
        .meetings
        .iter()
        .filter(|m| {
            place(m, &analysis.documents).is_some_and(|p| places.contains(p.name.as_ref()))
                || site(m).is_some_and(|s| sites.contains(&s))
        })
        .map(|m| m.id)
        .collect()
}

/// [`restated`] for the meetings `targets` only (every meeting when `None`), reading only what
/// they need: the reader asks this for the meeting in view.
pub fn restated_of(
    analysis: &Analysis,
    config: &RestateConfig,
    targets: Option<&[MeetingId]>,
) -> Restatement {
    let ids: Vec<MeetingId> = match targets {
        Some(t) => relevant(analysis, t),
        None => analysis.meetings.iter().map(|m| m.id).collect(),
    };
    let wanted =
        |id: Option<MeetingId>| id.is_some_and(|id| targets.is_none_or(|t| t.contains(&id)));
    let mut above_of: HashMap<&str, BTreeSet<String>> = HashMap::new();
    let mut items: Vec<Item<'_>> = clauses(analysis, &ids, &config.clauses)
        .into_iter()
        .filter_map(|clause| {
            let m = analysis.meeting(clause.meeting)?;
            let p = place(m, &analysis.documents)?;
            let above = above_of
                .entry(p.name.as_ref())
                .or_insert_with(|| {
                    analysis
                        .ancestors_of(p)
                        .iter()
                        .map(|a| a.name.to_string())
                        .collect()
                })
                .clone();
            Some(Item {
                meeting: Some(clause.meeting),
                content: content(&clause.text),
                place: p.name.as_ref(),
                level: p.known_level(),
                date: m.date.map(|d| d.date),
                above,
                clause,
            })
        })
        .collect();
    let boiler = boilerplate(analysis, &items, config.boilerplate);
    let higher: BTreeSet<String> = items
        .iter()
        .flat_map(|it| it.above.iter().cloned())
        .collect();
    // Pages can be sources only of meetings held on or after them within the window.
    let dates = items
        .iter()
        .filter(|it| wanted(it.meeting))
        .filter_map(|it| it.date);
    let span = dates
        .clone()
        .min()
        .zip(dates.max())
        .map(|(lo, hi)| (lo - chrono::Duration::days(config.window_days), hi));
    if let Some(span) = span {
        items.extend(document_items(analysis, &higher, span, &config.clauses));
    }
    // Meetings and pages by place, for the count of higher-level texts in a window.
    let mut dates_of: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    let mut page_dates_of: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    let mut seen: BTreeSet<MeetingId> = BTreeSet::new();
    let mut seen_pages: BTreeSet<&str> = BTreeSet::new();
    for it in &items {
        match (it.date, it.meeting) {
            (Some(d), Some(id)) if seen.insert(id) => {
                dates_of.entry(it.place).or_default().push(d);
            }
            (Some(d), None) if seen_pages.insert(it.clause.source.file.as_str()) => {
                page_dates_of.entry(it.place).or_default().push(d);
            }
            _ => {}
        }
    }
    // Sources: the clauses of every place that is above some other place here, its standing
    // lines included: a county repeating the Centre's standing formula restates it.
    let higher: BTreeSet<&str> = items
        .iter()
        .flat_map(|it| it.above.iter().map(String::as_str))
        .collect();
    let sources: Vec<usize> = (0..items.len())
        .filter(|&i| higher.contains(items[i].place) && items[i].date.is_some())
        .collect();
    let grams: Vec<BTreeSet<(char, char)>> = sources
        .iter()
        .map(|&i| bigrams(&items[i].clause.text))
        .collect();
    let mut index: HashMap<(char, char), Vec<usize>> = HashMap::new();
    for (k, g) in grams.iter().enumerate() {
        for b in g {
            index.entry(*b).or_default().push(k);
        }
    }
    let cap = 200.max(sources.len() / 50);
    let lens: Vec<usize> = grams.iter().map(BTreeSet::len).collect();
    // The best source of clause `i`, with `shared` and `touched` as scratch: the sources
    // sharing most bigrams with it, from its ancestors within the window, diffed.
    let best_for = |i: usize, shared: &mut Vec<usize>, touched: &mut Vec<usize>| {
        let it = &items[i];
        let date = it.date?;
        if boiler.contains(&i) || it.above.is_empty() {
            return None;
        }
        let in_window = |d: Option<NaiveDate>| {
            d.is_some_and(|d| d <= date && (date - d).num_days() <= config.window_days)
        };
        let own = bigrams(&it.clause.text);
        for b in &own {
            let postings = index.get(b).map_or(&[][..], Vec::as_slice);
            if postings.len() > cap {
                continue;
            }
            for &k in postings {
                if shared[k] == 0 {
                    touched.push(k);
                }
                shared[k] += 1;
            }
        }
        // A cheap first cut by bigram Dice (half the adapted threshold) before any diff.
        let mut cands: Vec<(usize, usize)> = touched
            .iter()
            .map(|&k| (shared[k], k))
            .filter(|&(n, k)| {
                let s = &items[sources[k]];
                n >= 2
                    && 2.0 * n as f64 / (own.len() + lens[k]) as f64 >= config.adapted / 2.0
                    && it.above.contains(s.place)
                    && in_window(s.date)
                    && s.meeting != it.meeting
            })
            .collect();
        for k in touched.drain(..) {
            shared[k] = 0;
        }
        cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        cands.truncate(config.max_candidates);
        let mut best: Option<(f64, usize)> = None;
        for (_, k) in cands {
            let score = diff(&it.content, &items[sources[k]].content).similarity();
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, sources[k]));
            }
        }
        best
    };
    let bests: Vec<Option<(f64, usize)>> = (0..items.len())
        .into_par_iter()
        .map_init(
            || (vec![0_usize; sources.len()], Vec::new()),
            |(shared, touched), i| {
                if wanted(items[i].meeting) {
                    best_for(i, shared, touched)
                } else {
                    None
                }
            },
        )
        .collect();
    let mut per_meeting: BTreeMap<MeetingId, Vec<ClauseRestated>> = BTreeMap::new();
    for (i, it) in items.iter().enumerate() {
        let Some(id) = it
            .meeting
            .filter(|_| it.date.is_some() && wanted(it.meeting))
        else {
            continue;
        };
        per_meeting.entry(id).or_default().push(label_clause(
            it,
            &items,
            bests[i],
            boiler.contains(&i),
            config,
        ));
    }
    // In id order, as the map keeps them.
    let meetings: Vec<MeetingRestated> = per_meeting
        .into_iter()
        .filter_map(|(id, clauses)| {
            let m = analysis.meeting(id)?;
            let p = place(m, &analysis.documents)?;
            let date = m.date.map(|d| d.date);
            let above = above_of.get(p.name.as_ref()).cloned().unwrap_or_default();
            let in_window = |of: &HashMap<&str, Vec<NaiveDate>>| {
                above
                    .iter()
                    .filter_map(|a| of.get(a.as_str()))
                    .flatten()
                    .filter(|&&d| {
                        date.is_some_and(|m| d <= m && (m - d).num_days() <= config.window_days)
                    })
                    .count()
            };
            let higher_meetings = in_window(&dates_of);
            let higher_pages = in_window(&page_dates_of);
            let mut sources_by_level: BTreeMap<String, usize> = BTreeMap::new();
            for c in &clauses {
                if let Some(s) = c
                    .source
                    .as_ref()
                    .filter(|_| matches!(c.label.as_str(), "restated" | "adapted"))
                {
                    *sources_by_level
                        .entry(super::diffusion::tables::level_name(s.level).to_string())
                        .or_default() += 1;
                }
            }
            Some(MeetingRestated {
                id: id.to_string(),
                place: p.name.to_string(),
                date,
                shares: shares(clauses.iter()),
                higher_meetings,
                higher_pages,
                sources_by_level,
                clauses,
            })
        })
        .collect();
    let (places, months) = place_shares(&meetings);
    Restatement {
        meetings,
        places,
        months,
        window_days: config.window_days,
    }
}

/// The clauses that one place repeats in `min` or more of its meetings, or one outlet in as
/// many of its documents (indices into `items`).
fn boilerplate(analysis: &Analysis, items: &[Item<'_>], min: usize) -> BTreeSet<usize> {
    let mut by_place: HashMap<(&str, &str), BTreeSet<MeetingId>> = HashMap::new();
    let mut by_outlet: HashMap<(String, &str), BTreeSet<u32>> = HashMap::new();
    for it in items {
        let Some(id) = it.meeting.filter(|_| !it.content.is_empty()) else {
            continue;
        };
        by_place
            .entry((it.place, it.content.as_str()))
            .or_default()
            .insert(id);
        if let Some(m) = analysis.meeting(id)
            && let Some(site) = analysis.document_of(m).and_then(|d| d.meta.site.clone())
        {
            by_outlet
                .entry((site, it.content.as_str()))
                .or_default()
                .insert(m.doc.0);
        }
    }
    let min = min.max(2);
    let outlet_of = |it: &Item<'_>| {
        analysis
            .meeting(it.meeting?)
            .and_then(|m| analysis.document_of(m))
            .and_then(|d| d.meta.site.clone())
    };
    items
        .iter()
        .enumerate()
        .filter(|(_, it)| {
            by_place
                .get(&(it.place, it.content.as_str()))
                .is_some_and(|s| s.len() >= min)
                || outlet_of(it).is_some_and(|site| {
                    by_outlet
                        .get(&(site, it.content.as_str()))
                        .is_some_and(|s| s.len() >= min)
                })
        })
        .map(|(i, _)| i)
        .collect()
}

/// The clauses of the pages dated `from`–`to` that report no meeting but speak for a place above
/// some meeting's (`higher`): each line long enough to be a paragraph (not a menu entry), cut into clauses,
/// dated by the page's publication date.
fn document_items<'a>(
    analysis: &'a Analysis,
    higher: &BTreeSet<String>,
    (from, to): (NaiveDate, NaiveDate),
    config: &AlignConfig,
) -> Vec<Item<'a>> {
    let reported: BTreeSet<u32> = analysis
        .meetings
        .iter()
        .flat_map(|m| std::iter::once(m.doc.0).chain(m.reports.iter().map(|r| r.doc.0)))
        .collect();
    let mut out = Vec::new();
    for d in &analysis.documents {
        let (Some(p), Some(date)) = (&d.place, d.published) else {
            continue;
        };
        if reported.contains(&d.id.0)
            || !higher.contains(p.name.as_ref())
            || date.date < from
            || date.date > to
        {
            continue;
        }
        let mut offset = 0;
        for line in d.text.split_inclusive('\n') {
            let para = line.trim_end();
            if content_chars(para) >= PARAGRAPH_CHARS {
                for r in split_clauses(para, config) {
                    let text = para[r.clone()].to_string();
                    let span = Span::new(offset + r.start, offset + r.end);
                    out.push(Item {
                        meeting: None,
                        content: content(&text),
                        place: p.name.as_ref(),
                        level: p.known_level(),
                        date: Some(date.date),
                        above: BTreeSet::new(),
                        clause: Clause {
                            meeting: MeetingId::default(),
                            directive: 0,
                            source: Source {
                                file: d.path.clone(),
                                meeting: None,
                                date: Some(date.date),
                                sentence: text.clone(),
                                span: Some(span),
                            },
                            text,
                            range: r,
                            span,
                            groups: Vec::new(),
                        },
                    });
                }
            }
            offset += line.len();
        }
    }
    out
}

/// A line of a page with fewer letters than this is chrome (a menu entry, a caption), not a
/// paragraph a meeting could restate.
const PARAGRAPH_CHARS: usize = 12;

/// The longest run of characters the two texts share in the diff.
fn longest_run(segments: &[crate::compare::diff::Segment]) -> usize {
    segments
        .iter()
        .filter(|s| s.kind == SegmentKind::Shared)
        .map(|s| content_chars(&s.text))
        .max()
        .unwrap_or(0)
}

fn label_clause(
    it: &Item<'_>,
    items: &[Item<'_>],
    best: Option<(f64, usize)>,
    boiler: bool,
    config: &RestateConfig,
) -> ClauseRestated {
    let c = &it.clause;
    let mut out = ClauseRestated {
        text: c.text.clone(),
        start: c.span.start,
        end: c.span.end,
        directive: c.directive,
        label: if boiler { "boilerplate" } else { "local" }.into(),
        ..ClauseRestated::default()
    };
    let Some((score, k)) = best.filter(|_| !boiler) else {
        return out;
    };
    let s = &items[k];
    let d = diff(&c.text, &s.clause.text);
    let run = longest_run(&d.segments);
    let label = if score >= config.restated {
        "restated"
    } else if score >= config.adapted && run >= config.min_run {
        "adapted"
    } else {
        "local"
    };
    out.label = label.into();
    out.similarity = (score * 1000.0).round() / 1000.0;
    out.source = Some(SourceClause {
        document: s.clause.source.file.clone(),
        meeting: s.meeting.map(|m| m.to_string()).unwrap_or_default(),
        place: s.place.to_string(),
        level: s.level,
        date: s.date,
        text: s.clause.text.clone(),
        start: s.clause.span.start,
        end: s.clause.span.end,
    });
    out.diff = d
        .segments
        .iter()
        .map(|seg| DiffRun {
            kind: match seg.kind {
                SegmentKind::Shared => "shared",
                SegmentKind::OnlyLeft => "only_local",
                SegmentKind::OnlyRight => "only_source",
            }
            .into(),
            text: seg.text.clone(),
        })
        .collect();
    out
}

/// The shares of `clauses`, boilerplate left out.
pub fn shares<'a>(clauses: impl Iterator<Item = &'a ClauseRestated>) -> Shares {
    let mut n = [0usize; 3];
    let mut chars = [0usize; 3];
    let mut boilerplate = 0;
    for c in clauses {
        let k = match c.label.as_str() {
            "restated" => 0,
            "adapted" => 1,
            "local" => 2,
            _ => {
                boilerplate += 1;
                continue;
            }
        };
        n[k] += 1;
        chars[k] += content_chars(&c.text);
    }
    let total: usize = n.iter().sum();
    let total_chars: usize = chars.iter().sum();
    let share = |x: usize, of: usize| {
        if of == 0 {
            0.0
        } else {
            (x as f64 / of as f64 * 1000.0).round() / 1000.0
        }
    };
    Shares {
        restated: share(n[0], total),
        adapted: share(n[1], total),
        local: share(n[2], total),
        restated_chars: share(chars[0], total_chars),
        adapted_chars: share(chars[1], total_chars),
        local_chars: share(chars[2], total_chars),
        clauses: total,
        boilerplate,
    }
}

/// Per place, and per place and month, the shares of its meetings' clauses.
fn place_shares(meetings: &[MeetingRestated]) -> (Vec<PlaceShares>, Vec<PlaceShares>) {
    type Key = (String, Option<String>);
    let mut groups: BTreeMap<Key, Vec<&MeetingRestated>> = BTreeMap::new();
    for m in meetings {
        groups.entry((m.place.clone(), None)).or_default().push(m);
        if let Some(d) = m.date {
            let month = format!("{:04}-{:02}", d.year(), d.month());
            groups
                .entry((m.place.clone(), Some(month)))
                .or_default()
                .push(m);
        }
    }
    let mut places = Vec::new();
    let mut months = Vec::new();
    for ((place, month), ms) in groups {
        let row = PlaceShares {
            place,
            meetings: ms.len(),
            with_sources: ms
                .iter()
                .filter(|m| m.higher_meetings + m.higher_pages > 0)
                .count(),
            shares: shares(ms.iter().flat_map(|m| &m.clauses)),
            month: month.clone(),
        };
        if month.is_some() {
            months.push(row);
        } else {
            places.push(row);
        }
    }
    (places, months)
}

#[cfg(test)]
mod tests;
