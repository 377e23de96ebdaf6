//! Finding recurring phrases across meetings and ranking them.
//!
//! Three passes. (1) [`grams`](super::grams) hashes every candidate string of each meeting's
//! directives; the hashes are sorted together, and those in enough meetings become candidates.
//! (2) Candidates are scored by spread and shape, a longer or shorter string with the very same
//! meetings is dropped as redundant, and the rest are grouped into variants. (3) The kept
//! variants are found again in every directive with one Aho–Corasick automaton to give exact
//! occurrences, counts, places and first dates.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;
use rayon::prelude::*;

use crate::model::{
    Document, Meeting, MeetingId, Occurrence, PhraseGroup, PlaceUse, Span, Variant,
};
use crate::phrase::Segmenter;
use crate::phrase::grams::{FLAGS, Gram, IDIOM, QUOTED, SHAPED, WHOLE, pass_one};
use crate::phrase::shape::Shape;
use crate::phrase::variants;
use crate::progress::{Cancelled, NoProgress, Progress, stage};

/// Settings for phrase mining.
#[derive(Clone, Debug)]
pub struct MineConfig {
    /// A phrase must occur in at least this many meetings.
    pub min_meetings: usize,
    /// At most this many groups are returned, best first.
    pub max_groups: usize,
    /// Longest candidate, in words (list marks not counted).
    pub max_words: usize,
    /// Shortest candidate, in characters.
    pub min_chars: usize,
    /// Longest candidate, in characters.
    pub max_chars: usize,
}

impl Default for MineConfig {
    fn default() -> Self {
        Self {
            min_meetings: 2,
            max_groups: 500,
            max_words: 8,
            min_chars: 3,
            max_chars: 24,
        }
    }
}

/// A candidate after pass 1: its text, spread and score.
#[derive(Clone, Debug)]
struct Candidate<'a> {
    text: &'a str,
    meetings: usize,
    score: f64,
    /// False for a string in too few meetings to stand alone: it may only join a group as a
    /// variant (复产复工 once, beside 复工复产 everywhere).
    leads: bool,
    /// Quoted somewhere: “健康码”.
    quoted: bool,
    /// One idiom word: 铜墙铁壁.
    idiom: bool,
}

/// How formula-like `text` is, from 1 (plain words) up.
fn formulaicity(text: &str, quoted: bool, idiom: bool, seg: &Segmenter) -> f64 {
    let shape = Shape::of(text);
    let chars = text.chars().count();
    let mut f = 1.0;
    if shape.numbered {
        f += 1.5;
    }
    if shape.parallel {
        f += 1.5;
    }
    if quoted {
        f += 1.0;
    }
    if idiom {
        f += 1.0;
    }
    if seg.is_policy_term(text) {
        f += 0.5;
    }
    // Two- and three-character strings are mostly ordinary words.
    if chars < 4 && !shape.numbered && !quoted {
        f *= 0.5;
    }
    f
}

/// Spread: places count most, then meetings, on a log scale so that one very common collocation
/// cannot drown the formulae.
fn spread(places: usize, meetings: usize) -> f64 {
    (1.0 + places as f64) * (1.0 + (meetings as f64).ln())
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Mines the recurring phrases of `meetings`' directives and groups their variants, best first.
pub fn mine(
    meetings: &[Meeting],
    documents: &[Document],
    segmenter: &Segmenter,
    config: &MineConfig,
    progress: &mut dyn Progress,
) -> Result<Vec<PhraseGroup>, Cancelled> {
    let index = PhraseIndex::build(meetings, segmenter, config, progress)?;
    let meetings = &meetings[..index.meetings.min(meetings.len())];
    groups_of(
        &index.grams,
        meetings,
        documents,
        segmenter,
        config,
        progress,
    )
}

/// The candidate strings of a list of meetings, counted once and kept, so that a new report's
/// meetings can be added without segmenting the old ones again.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    /// Sorted by hash, then meeting.
    grams: Vec<Gram>,
    /// How many meetings, from the start of the list, are indexed.
    meetings: usize,
}

impl PhraseIndex {
    /// Segments and counts the directives of all `meetings`.
    pub fn build(
        meetings: &[Meeting],
        segmenter: &Segmenter,
        config: &MineConfig,
        progress: &mut dyn Progress,
    ) -> Result<Self, Cancelled> {
        if progress.stage(stage::PHRASES).is_break() {
            return Err(Cancelled);
        }
        Ok(Self {
            grams: pass_one(meetings, 0, segmenter, config, progress)?,
            meetings: meetings.len(),
        })
    }

    /// Adds the meetings of `meetings` not yet indexed: the list must be the indexed one with
    /// new meetings appended.
    pub fn add(&mut self, meetings: &[Meeting], segmenter: &Segmenter, config: &MineConfig) {
        let from = self.meetings.min(meetings.len());
        let Ok(new) = pass_one(&meetings[from..], from, segmenter, config, &mut NoProgress) else {
            return;
        };
        // Both lists are sorted; a merge keeps the whole sorted in linear time.
        let old = std::mem::take(&mut self.grams);
        let mut merged = Vec::with_capacity(old.len() + new.len());
        let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
        while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
            if (x.hash, x.meeting) <= (y.hash, y.meeting) {
                merged.extend(a.next());
            } else {
                merged.extend(b.next());
            }
        }
        merged.extend(a);
        merged.extend(b);
        self.grams = merged;
        self.meetings = meetings.len();
    }

    /// Number of meetings indexed.
    pub fn len(&self) -> usize {
        self.meetings
    }

    /// True when no meeting is indexed.
    pub fn is_empty(&self) -> bool {
        self.meetings == 0
    }

    /// The phrase groups of the indexed meetings, best first; `meetings` and `documents` are
    /// the lists the index was built from.
    pub fn groups(
        &self,
        meetings: &[Meeting],
        documents: &[Document],
        segmenter: &Segmenter,
        config: &MineConfig,
    ) -> Vec<PhraseGroup> {
        let meetings = &meetings[..self.meetings.min(meetings.len())];
        // Without a progress to cancel through, grouping always finishes.
        groups_of(
            &self.grams,
            meetings,
            documents,
            segmenter,
            config,
            &mut NoProgress,
        )
        .unwrap_or_default()
    }
}

fn groups_of(
    grams: &[Gram],
    meetings: &[Meeting],
    documents: &[Document],
    segmenter: &Segmenter,
    config: &MineConfig,
    progress: &mut dyn Progress,
) -> Result<Vec<PhraseGroup>, Cancelled> {
    // Four passes follow pass one: candidates, redundancy, variants, occurrences.
    let mut pass = |done: usize| {
        if (done == 0 && progress.stage(stage::GROUPING).is_break())
            || progress.report(done, 4).is_break()
        {
            Err(Cancelled)
        } else {
            Ok(())
        }
    };
    pass(0)?;
    let places = place_ids(meetings);
    let candidates = candidates(grams, meetings, &places, segmenter, config);
    pass(1)?;
    let kept = drop_redundant(candidates, config.max_groups.saturating_mul(4));
    pass(2)?;
    let texts: Vec<&str> = kept.iter().map(|c| c.text).collect();
    // Every candidate may head a group, so that 复工复产 in one meeting and 复产复工 in another
    // make a group of two meetings; a group of one-meeting strings must reach the minimum
    // between them.
    let groups: Vec<Vec<usize>> = variants::group(&texts)
        .into_iter()
        .filter(|g| {
            g.iter().any(|&i| kept[i].leads)
                || g.iter().map(|&i| kept[i].meetings).sum::<usize>() >= config.min_meetings
        })
        .take(config.max_groups.saturating_mul(2))
        .collect();
    pass(3)?;
    let occurrences = pass_three(meetings, &kept, &groups);
    let mut out: Vec<PhraseGroup> = groups
        .iter()
        .zip(occurrences)
        .filter_map(|(g, occ)| build_group(g, &kept, occ, meetings, documents, segmenter, config))
        .collect();
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| a.phrase.cmp(&b.phrase))
    });
    out.truncate(config.max_groups);
    for (i, g) in out.iter_mut().enumerate() {
        g.id = i as u32;
    }
    pass(4)?;
    Ok(out)
}

/// Dense ids for place short names, `u32::MAX` for a meeting without a place.
fn place_ids(meetings: &[Meeting]) -> Vec<u32> {
    let mut ids: HashMap<&str, u32> = HashMap::new();
    meetings
        .iter()
        .map(|m| {
            m.place.as_ref().map_or(u32::MAX, |p| {
                let next = ids.len() as u32;
                *ids.entry(&p.name).or_insert(next)
            })
        })
        .collect()
}

/// Every string in at least `min_meetings` meetings, scored, best first.
fn candidates<'a>(
    grams: &[Gram],
    meetings: &'a [Meeting],
    places: &[u32],
    seg: &Segmenter,
    config: &MineConfig,
) -> Vec<Candidate<'a>> {
    let runs: Vec<&[Gram]> = grams.chunk_by(|a, b| a.hash == b.hash).collect();
    let scored: Vec<Candidate> = runs
        .par_iter()
        .filter_map(|run| {
            let g = run[0];
            let leads = run.len() >= config.min_meetings.max(1);
            let quoted = run.iter().any(|g| g.end & QUOTED != 0);
            if !leads && !quoted && g.end & SHAPED == 0 {
                return None;
            }
            let text = meetings[g.meeting as usize].directives[g.directive as usize]
                .text
                .get(g.start as usize..(g.end & !FLAGS) as usize)?;
            // Page chrome (栏目大全, 相关稿件) stands alone on its line in most pages that carry
            // it; a formula is said inside a sentence.
            let alone = run.iter().filter(|g| g.end & WHOLE != 0).count();
            if alone * 2 > run.len() {
                return None;
            }
            let follows = g.end & SHAPED != 0 || (quoted && text.chars().count() >= 4);
            if !leads && !follows {
                return None;
            }
            let mut in_places: Vec<u32> = run
                .iter()
                .map(|g| places[g.meeting as usize])
                .filter(|&p| p != u32::MAX)
                .collect();
            in_places.sort_unstable();
            in_places.dedup();
            let idiom = run.iter().any(|g| g.end & IDIOM != 0);
            let score = formulaicity(text, quoted, idiom, seg) * spread(in_places.len(), run.len());
            Some(Candidate {
                text,
                meetings: run.len(),
                score,
                leads,
                quoted,
                idiom,
            })
        })
        .collect();
    // Only the best few thousand can make the list: select them before sorting.
    let limit = config.max_groups.saturating_mul(4);
    let (leaders, followers): (Vec<Candidate>, Vec<Candidate>) =
        scored.into_iter().partition(|c| c.leads);
    let mut out = best(leaders, limit.saturating_mul(4));
    out.extend(best(followers, limit.saturating_mul(FOLLOWERS_PER_LEADER)));
    out.par_sort_unstable_by(rank);
    out
}

/// Best first; on a tie the shorter string goes first: it is the formula, the longer one adds
/// context. Ties on text cannot happen (one candidate per string), so the order is total.
fn rank(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| a.text.len().cmp(&b.text.len()))
        .then_with(|| a.text.cmp(b.text))
}

/// The best `n` of `all`, in no particular order.
fn best(mut all: Vec<Candidate<'_>>, n: usize) -> Vec<Candidate<'_>> {
    if all.len() > n && n > 0 {
        all.select_nth_unstable_by(n - 1, rank);
        all.truncate(n);
    } else if n == 0 {
        all.clear();
    }
    all
}

/// How many one-meeting candidates are kept per leading one: enough to find the variants of the
/// leaders, few enough to keep grouping fast on a large corpus.
const FOLLOWERS_PER_LEADER: usize = 5;

/// Keeps the best `limit` leading candidates (and the best followers), dropping any that contains or lies within a better one
/// used in exactly as many meetings: the two always occur together, so only the better-ranked
/// says something (疫情防控阻击战 and 打赢疫情防控阻击战 seen in the same meetings are one phrase).
fn drop_redundant(candidates: Vec<Candidate<'_>>, limit: usize) -> Vec<Candidate<'_>> {
    // Substrings of kept candidates, with the meeting counts of the candidates holding them.
    let mut inside: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut kept_texts: HashMap<&str, usize> = HashMap::new();
    let mut kept = Vec::new();
    let (mut leaders, mut followers) = (0, 0);
    for c in candidates {
        if !c.leads {
            if followers < limit.saturating_mul(FOLLOWERS_PER_LEADER) {
                kept.push(c);
                followers += 1;
            }
            continue;
        }
        if leaders >= limit {
            continue;
        }
        let within = inside
            .get(c.text)
            .is_some_and(|ms| ms.contains(&c.meetings));
        let chars: Vec<(usize, char)> = c.text.char_indices().collect();
        let mut substrings = Vec::new();
        for a in 0..chars.len() {
            for b in a + 1..=chars.len() {
                let end = chars.get(b).map_or(c.text.len(), |&(i, _)| i);
                substrings.push(&c.text[chars[a].0..end]);
            }
        }
        let contains = substrings
            .iter()
            .any(|s| *s != c.text && kept_texts.get(*s) == Some(&c.meetings));
        if within || contains {
            continue;
        }
        for s in substrings {
            inside.entry(s).or_default().push(c.meetings);
        }
        kept_texts.insert(c.text, c.meetings);
        kept.push(c);
        leaders += 1;
    }
    kept
}

/// A found variant: which meeting and directive, its byte range in the directive text.
#[derive(Clone, Copy, Debug)]
struct Hit {
    meeting: u32,
    directive: u32,
    start: u32,
    end: u32,
    variant: u32,
}

/// Pass 3: every occurrence of every kept variant, per group, and how often each variant occurs
/// in any context (外防输入 inside 外防输入、内防反弹 counts for both variants, but is one
/// occurrence of the group).
fn pass_three(
    meetings: &[Meeting],
    kept: &[Candidate],
    groups: &[Vec<usize>],
) -> Vec<(Vec<Hit>, BTreeMap<u32, usize>)> {
    let mut group_of = vec![usize::MAX; kept.len()];
    for (g, members) in groups.iter().enumerate() {
        for &v in members {
            group_of[v] = g;
        }
    }
    let pattern_of: Vec<usize> = groups.iter().flatten().copied().collect();
    let patterns: Vec<&str> = pattern_of.iter().map(|&v| kept[v].text).collect();
    let mut per_group: Vec<(Vec<Hit>, BTreeMap<u32, usize>)> =
        vec![(Vec::new(), BTreeMap::new()); groups.len()];
    let Ok(ac) = AhoCorasick::new(&patterns) else {
        return per_group;
    };
    let hits: Vec<Vec<Hit>> = meetings
        .par_iter()
        .enumerate()
        .map(|(mi, m)| {
            let mut out = Vec::new();
            for (d, directive) in m.directives.iter().enumerate() {
                for found in ac.find_overlapping_iter(&directive.text) {
                    let v = pattern_of[found.pattern().as_usize()];
                    if group_of[v] != usize::MAX {
                        out.push(Hit {
                            meeting: mi as u32,
                            directive: d as u32,
                            start: found.start() as u32,
                            end: found.end() as u32,
                            variant: v as u32,
                        });
                    }
                }
            }
            out
        })
        .collect();
    for h in hits.into_iter().flatten() {
        let (hs, counts) = &mut per_group[group_of[h.variant as usize]];
        *counts.entry(h.variant).or_default() += 1;
        hs.push(h);
    }
    for (hs, _) in &mut per_group {
        // A variant inside a longer variant of the same group (外防输入 in 外防输入、内防反弹)
        // is one use, not two: keep the outer one.
        hs.sort_by_key(|h| (h.meeting, h.directive, h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::with_capacity(hs.len());
        for h in hs.drain(..) {
            let inside = kept.last().is_some_and(|k| {
                k.meeting == h.meeting && k.directive == h.directive && h.end <= k.end
            });
            if !inside {
                kept.push(h);
            }
        }
        *hs = kept;
    }
    per_group
}

/// Maps a byte offset in a directive's text to the document's text. The directive text is the
/// document slice with page-break line breaks removed, so the two are walked together.
fn to_document(directive_text: &str, span: Span, doc_text: &str, local: usize) -> usize {
    let slice = span.slice(doc_text);
    if slice == directive_text {
        return span.start + local;
    }
    let mut doc = slice.char_indices().peekable();
    for (i, c) in directive_text.char_indices() {
        while let Some(&(j, dc)) = doc.peek() {
            if dc == c {
                break;
            }
            let _ = j;
            doc.next();
        }
        if i >= local {
            return span.start + doc.peek().map_or(slice.len(), |&(j, _)| j);
        }
        doc.next();
    }
    span.start + slice.len()
}

fn build_group(
    members: &[usize],
    kept: &[Candidate],
    (hits, counts): (Vec<Hit>, BTreeMap<u32, usize>),
    meetings: &[Meeting],
    documents: &[Document],
    seg: &Segmenter,
    config: &MineConfig,
) -> Option<PhraseGroup> {
    let mut in_meetings: BTreeSet<MeetingId> = BTreeSet::new();
    let mut places: BTreeMap<String, (usize, BTreeSet<MeetingId>, Option<NaiveDate>)> =
        BTreeMap::new();
    let mut occurrences = Vec::with_capacity(hits.len());
    for h in &hits {
        let m = &meetings[h.meeting as usize];
        let directive = &m.directives[h.directive as usize];
        in_meetings.insert(m.id);
        if let Some(p) = &m.place {
            let e = places.entry(p.name.to_string()).or_default();
            e.0 += 1;
            e.1.insert(m.id);
            if let Some(d) = m.date {
                e.2 = Some(e.2.map_or(d.date, |f| f.min(d.date)));
            }
        }
        let text = directive
            .text
            .get(h.start as usize..h.end as usize)?
            .to_string();
        let span = documents
            .get(m.doc.0 as usize)
            .map_or(Span::default(), |doc| {
                Span::new(
                    to_document(&directive.text, directive.span, &doc.text, h.start as usize),
                    to_document(&directive.text, directive.span, &doc.text, h.end as usize),
                )
            });
        occurrences.push(Occurrence {
            meeting: m.id,
            directive: h.directive as usize,
            span,
            text,
        });
    }
    if in_meetings.len() < config.min_meetings.max(1) {
        return None;
    }
    occurrences.sort();
    let mut variants: Vec<Variant> = counts
        .iter()
        .map(|(&v, &count)| Variant {
            text: kept[v as usize].text.to_string(),
            count,
        })
        .collect();
    variants.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    let phrase = variants
        .first()
        .map_or_else(|| kept[members[0]].text.to_string(), |v| v.text.clone());
    // Every variant was grouped by its relation to the head, so that is what they are told by.
    let head = kept[members[0]].text;
    let others: Vec<&str> = variants
        .iter()
        .map(|v| v.text.as_str())
        .filter(|t| *t != head)
        .collect();
    let differs = variants::describe(head, &others);
    let form = counts
        .keys()
        .map(|&v| &kept[v as usize])
        .map(|c| formulaicity(c.text, c.quoted, c.idiom, seg))
        .fold(1.0, f64::max);
    let score = round3(form * spread(places.len(), in_meetings.len()));
    Some(PhraseGroup {
        id: 0,
        phrase,
        variants,
        differs,
        places: places
            .into_iter()
            .map(|(name, (count, ms, first))| {
                (
                    name,
                    PlaceUse {
                        count,
                        meetings: ms.len(),
                        first,
                    },
                )
            })
            .collect(),
        meetings: in_meetings.into_iter().collect(),
        occurrences,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Directive, DocId, Place, PlaceLevel};
    use crate::progress::NoProgress;

    fn meeting(id: u32, place: &str, day: u32, directives: &[&str]) -> (Meeting, Document) {
        let text: String = directives.join("\n");
        let mut at = 0;
        let ds = directives
            .iter()
            .map(|d| {
                let span = Span::new(at, at + d.len());
                at += d.len() + 1;
                Directive {
                    text: (*d).to_string(),
                    span,
                    cue: String::new(),
                }
            })
            .collect();
        let place = Place {
            name: place.into(),
            full: place.into(),
            code: "0".into(),
            level: PlaceLevel::County,
        };
        let m = Meeting {
            id: MeetingId(id),
            doc: DocId(id),
            article: Span::new(0, text.len()),
            place: Some(place),
            date: NaiveDate::from_ymd_opt(2020, 2, day)
                .map(|date| crate::model::PolicyDate::new(date, crate::model::DateBasis::Explicit)),
            title: "常委会会议".into(),
            chair: None,
            directives: ds,
            ..Meeting::default()
        };
        let doc = Document::from_text(DocId(id), format!("{id}.txt"), &text);
        (m, doc)
    }

    #[test]
    fn groups_across_meetings() {
        let seg = Segmenter::new();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(
                0,
                "甲县",
                3,
                &["要全力推动复工复产，筑牢铜墙铁壁", "坚持外防输入、内防反弹"],
            ),
            meeting(
                1,
                "乙市",
                5,
                &["有序推进复产复工，构筑铜墙铁壁", "严格外防输入"],
            ),
            meeting(2, "丙区", 1, &["织密群防群控的铜墙铁壁，推进复工复产"]),
            meeting(3, "丙区", 9, &["坚持群防群治，外防输入、内防反弹"]),
        ]
        .into_iter()
        .unzip();
        let groups =
            mine(&ms, &ds, &seg, &MineConfig::default(), &mut NoProgress).unwrap_or_default();
        let find = |p: &str| {
            groups
                .iter()
                .find(|g| g.variants.iter().any(|v| v.text == p))
        };
        let wall = find("铜墙铁壁").map(|g| (g.phrase.as_str(), g.places.len(), g.meetings.len()));
        assert_eq!(wall, Some(("铜墙铁壁", 3, 3)));
        let work = find("复产复工").map(|g| g.differs.clone());
        assert_eq!(work.as_deref(), Some("order: 复工复产 / 复产复工"));
        let nested = find("外防输入").map(|g| (g.phrase.clone(), g.meetings.len()));
        assert_eq!(nested, Some(("外防输入".to_string(), 3)));
        let g = find("外防输入").map(|g| g.places["丙区"].clone());
        assert_eq!(
            g.map(|p| (p.count, p.first)),
            Some((1, NaiveDate::from_ymd_opt(2020, 2, 9)))
        );
        // Occurrence spans point at the phrase in the document text.
        for g in &groups {
            for o in &g.occurrences {
                assert_eq!(o.span.slice(&ds[o.meeting.0 as usize].text), o.text);
            }
        }
        let ids: Vec<u32> = groups.iter().map(|g| g.id).collect();
        assert_eq!(ids, (0..groups.len() as u32).collect::<Vec<_>>());
    }

    #[test]
    fn adding_meetings_equals_mining_all() {
        let seg = Segmenter::new();
        let config = MineConfig::default();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["要全力推动复工复产，筑牢铜墙铁壁"]),
            meeting(1, "乙市", 5, &["有序推进复产复工，构筑铜墙铁壁"]),
            meeting(2, "丙区", 1, &["织密群防群控的铜墙铁壁，推进复工复产"]),
        ]
        .into_iter()
        .unzip();
        let all = mine(&ms, &ds, &seg, &config, &mut NoProgress).unwrap_or_default();
        let Ok(mut index) = PhraseIndex::build(&ms[..2], &seg, &config, &mut NoProgress) else {
            panic!("cancelled");
        };
        assert_eq!(index.len(), 2);
        index.add(&ms, &seg, &config);
        assert_eq!(index.len(), 3);
        assert_eq!(index.groups(&ms, &ds, &seg, &config), all);
        assert!(!all.is_empty());
    }

    #[test]
    fn lines_standing_alone_are_chrome() {
        let seg = Segmenter::new();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = (0..3)
            .map(|i| {
                meeting(
                    i,
                    "甲县",
                    1,
                    &[
                        "栏目大全",
                        "【相关稿件】",
                        "要筑牢联防联控的铜墙铁壁，把好相关稿件",
                    ],
                )
            })
            .unzip();
        let groups =
            mine(&ms, &ds, &seg, &MineConfig::default(), &mut NoProgress).unwrap_or_default();
        let phrases: Vec<&str> = groups.iter().map(|g| g.phrase.as_str()).collect();
        assert!(phrases.contains(&"铜墙铁壁"), "{phrases:?}");
        assert!(!phrases.contains(&"栏目大全"), "{phrases:?}");
        // Alone on a line of every page, even if also inside a sentence there: chrome.
        assert!(!phrases.contains(&"相关稿件"), "{phrases:?}");
    }

    #[test]
    fn document_offsets_skip_line_breaks() {
        let doc = "会议强调，要复\n\n工复产";
        let directive = "要复工复产";
        let span = Span::new(doc.find('要').unwrap_or(0), doc.len());
        let start = to_document(directive, span, doc, "要".len());
        let end = to_document(directive, span, doc, directive.len());
        assert_eq!(&doc[start..end], "复\n\n工复产");
    }
}
