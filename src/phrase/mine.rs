//! Finding recurring phrases across meetings and ranking them.
//!
//! Three passes. (1) [`grams`](super::grams) hashes every candidate string of each meeting's
//! directives; the hashes are sorted together, and those in enough meetings become candidates.
//! (2) Candidates are scored by spread and shape, a longer or shorter string with the very same
//! meetings is dropped as redundant, and the rest are grouped into variants. (3) The kept
//! variants are found again in every directive with one Aho–Corasick automaton to give exact
//! occurrences, counts, places and first dates.

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;

use crate::model::{Document, Meeting, MeetingId, Occurrence, PhraseGroup, Span, Variant};
use crate::phrase::Segmenter;
use crate::phrase::grams::{FLAGS, Gram, IDIOM, QUOTED, SHAPED, WHOLE, pass_one};
use crate::phrase::occur::{Hit, pass_three, to_document};
use crate::phrase::places::place_ids;
pub use crate::phrase::places::place_uses;
use crate::phrase::score::{ScoreWeights, round3};
use crate::phrase::select::{Candidate, FOLLOWERS_PER_LEADER, best, drop_redundant, rank};
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
    /// The weights candidates are scored and ranked by.
    pub score: ScoreWeights,
}

impl Default for MineConfig {
    fn default() -> Self {
        Self {
            min_meetings: 2,
            max_groups: 500,
            max_words: 8,
            min_chars: 3,
            max_chars: 24,
            score: ScoreWeights::default(),
        }
    }
}

/// Mines the recurring phrases of `meetings`' directives and groups their variants, best first.
///
/// `places` gives, for each meeting in order, the short name of the place it is counted under
/// (`None` when it has none); the caller decides, so every count follows one place rule.
pub fn mine(
    meetings: &[Meeting],
    documents: &[Document],
    places: &[Option<&str>],
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
        places,
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
    /// the lists the index was built from, `places` each meeting's place as for [`mine`].
    pub fn groups(
        &self,
        meetings: &[Meeting],
        documents: &[Document],
        places: &[Option<&str>],
        segmenter: &Segmenter,
        config: &MineConfig,
    ) -> Vec<PhraseGroup> {
        let meetings = &meetings[..self.meetings.min(meetings.len())];
        // Without a progress to cancel through, grouping always finishes.
        groups_of(
            &self.grams,
            meetings,
            documents,
            places,
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
    places: &[Option<&str>],
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
    let place_ids = place_ids(meetings.len(), places);
    let candidates = candidates(grams, meetings, &place_ids, segmenter, config);
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
    let occurrences = pass_three(meetings, &texts, &groups);
    let mut out: Vec<PhraseGroup> = groups
        .iter()
        .zip(occurrences)
        .filter_map(|(g, occ)| {
            let context = GroupContext {
                meetings,
                documents,
                places,
                seg: segmenter,
                config,
            };
            build_group(g, &kept, occ, &context)
        })
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
            let weights = &config.score;
            let score = weights.formulaicity(text, quoted, idiom, seg)
                * weights.spread(in_places.len(), run.len());
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

/// What every group is built against.
struct GroupContext<'a> {
    meetings: &'a [Meeting],
    documents: &'a [Document],
    places: &'a [Option<&'a str>],
    seg: &'a Segmenter,
    config: &'a MineConfig,
}

fn build_group(
    members: &[usize],
    kept: &[Candidate],
    (hits, counts): (Vec<Hit>, BTreeMap<u32, usize>),
    cx: &GroupContext<'_>,
) -> Option<PhraseGroup> {
    let GroupContext {
        meetings,
        documents,
        places,
        seg,
        config,
    } = *cx;
    let mut in_meetings: BTreeSet<MeetingId> = BTreeSet::new();
    let mut uses = Vec::with_capacity(hits.len());
    let mut occurrences = Vec::with_capacity(hits.len());
    for h in &hits {
        let m = &meetings[h.meeting as usize];
        let directive = &m.directives[h.directive as usize];
        in_meetings.insert(m.id);
        if let Some(p) = places.get(h.meeting as usize).copied().flatten() {
            uses.push((p, m.id, m.date.map(|d| d.date)));
        }
        let text = directive
            .text
            .get(h.start as usize..h.end as usize)?
            .to_string();
        let span = documents
            .get(m.doc.0 as usize)
            .map_or(Span::default(), |doc| {
                to_document(directive, &doc.text, h.start as usize..h.end as usize)
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
        .map(|c| config.score.formulaicity(c.text, c.quoted, c.idiom, seg))
        .fold(1.0, f64::max);
    let places = place_uses(uses);
    let score = round3(form * config.score.spread(places.len(), in_meetings.len()));
    Some(PhraseGroup {
        id: 0,
        phrase,
        variants,
        differs,
        places,
        meetings: in_meetings.into_iter().collect(),
        occurrences,
        score,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    use crate::model::{Directive, DocId, Place, PlaceLevel};
    use crate::progress::NoProgress;

    /// Each meeting counted under its own place.
    fn own(ms: &[Meeting]) -> Vec<Option<&str>> {
        ms.iter()
            .map(|m| m.place.as_ref().map(|p| p.name.as_ref()))
            .collect()
    }

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
        let groups = mine(
            &ms,
            &ds,
            &own(&ms),
            &seg,
            &MineConfig::default(),
            &mut NoProgress,
        )
        .unwrap_or_default();
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
        let all = mine(&ms, &ds, &own(&ms), &seg, &config, &mut NoProgress).unwrap_or_default();
        let Ok(mut index) = PhraseIndex::build(&ms[..2], &seg, &config, &mut NoProgress) else {
            panic!("cancelled");
        };
        assert_eq!(index.len(), 2);
        index.add(&ms, &seg, &config);
        assert_eq!(index.len(), 3);
        assert_eq!(index.groups(&ms, &ds, &own(&ms), &seg, &config), all);
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
        let groups = mine(
            &ms,
            &ds,
            &own(&ms),
            &seg,
            &MineConfig::default(),
            &mut NoProgress,
        )
        .unwrap_or_default();
        let phrases: Vec<&str> = groups.iter().map(|g| g.phrase.as_str()).collect();
        assert!(phrases.contains(&"铜墙铁壁"), "{phrases:?}");
        assert!(!phrases.contains(&"栏目大全"), "{phrases:?}");
        // Alone on a line of every page, even if also inside a sentence there: chrome.
        assert!(!phrases.contains(&"相关稿件"), "{phrases:?}");
    }
}
