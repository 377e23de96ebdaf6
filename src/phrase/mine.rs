//! Finding recurring phrases across meetings and ranking them.
//!
//! Three passes. (1) [`grams`](super::grams) hashes every candidate string of each meeting's
//! directives; the hashes are sorted together, and those in enough meetings become candidates.
//! (2) Candidates are scored by spread and shape, a longer or shorter string with the very same
//! meetings is dropped as redundant, and the rest are grouped into variants. (3) The kept
//! variants are found again in every directive with one Aho–Corasick automaton to give exact
//! occurrences, counts, places and first dates.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rayon::prelude::*;

use crate::model::{
    Document, FirstUse, Lineage, Meeting, MeetingId, Occurrence, PhraseGroup, ScoreParts, Span,
    Variant,
};
use crate::phrase::Segmenter;
use crate::phrase::frames::{self, Frame, FrameGram};
use crate::phrase::grams::{FLAGS, Gram, IDIOM, QUOTED, SHAPED, WHOLE, pass_one};
use crate::phrase::occur::{GroupHits, Hit, held_by, outside_counts, pass_three, to_document};
pub use crate::phrase::places::place_uses;
use crate::phrase::places::{distinct_places, place_ids};
use crate::phrase::reference;
use crate::phrase::score::{Marks, ScoreWeights, fixedness, round3, specificity};
use crate::phrase::select::{Candidate, FOLLOWERS_PER_LEADER, best, drop_redundant, rank};
use crate::phrase::shape::{LIST_MARK, Shape};
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

/// Mines the recurring phrases of `meetings`' directives and groups their variants, best first,
/// and counts the words each meeting's directives hold.
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
) -> Result<Mined, Cancelled> {
    let index = PhraseIndex::build(meetings, segmenter, config, progress)?;
    let meetings = &meetings[..index.meetings.min(meetings.len())];
    let groups = groups_of(
        &index.grams,
        &index.frames,
        meetings,
        documents,
        places,
        segmenter,
        config,
        progress,
    )?;
    Ok(Mined {
        groups,
        words: index.words,
    })
}

/// What [`mine`] finds.
#[derive(Clone, Debug, Default)]
pub struct Mined {
    /// The phrase groups, best first.
    pub groups: Vec<PhraseGroup>,
    /// Words in each meeting's directives (punctuation not counted), in the meetings' order:
    /// the size of the text the groups were found in, which keyness counts against.
    pub words: Vec<u32>,
}

/// The candidate strings of a list of meetings, counted once and kept, so that a new report's
/// meetings can be added without segmenting the old ones again.
#[derive(Clone, Debug, Default)]
pub struct PhraseIndex {
    /// Sorted by hash, then meeting.
    grams: Vec<Gram>,
    /// Filled frames, sorted by frame, then meeting.
    frames: Vec<FrameGram>,
    /// Words in each indexed meeting's directives.
    words: Vec<u32>,
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
        let one = pass_one(meetings, 0, segmenter, config, progress)?;
        Ok(Self {
            grams: one.grams,
            frames: one.frames,
            words: one.words,
            meetings: meetings.len(),
        })
    }

    /// Adds the meetings of `meetings` not yet indexed: the list must be the indexed one with
    /// new meetings appended.
    pub fn add(&mut self, meetings: &[Meeting], segmenter: &Segmenter, config: &MineConfig) {
        let from = self.meetings.min(meetings.len());
        let Ok(one) = pass_one(&meetings[from..], from, segmenter, config, &mut NoProgress) else {
            return;
        };
        self.grams = merge_sorted(std::mem::take(&mut self.grams), one.grams, |g| {
            (g.hash, g.meeting)
        });
        self.frames = merge_sorted(std::mem::take(&mut self.frames), one.frames, |g| {
            (g.frame, g.meeting)
        });
        self.words.truncate(from);
        self.words.extend(one.words);
        self.meetings = meetings.len();
    }

    /// Words in each indexed meeting's directives, in the meetings' order (see [`Mined::words`]).
    pub fn words(&self) -> &[u32] {
        &self.words
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
            &self.frames,
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

/// Two lists sorted by `key`, merged into one in linear time.
fn merge_sorted<T, K: Ord>(old: Vec<T>, new: Vec<T>, key: impl Fn(&T) -> K) -> Vec<T> {
    let mut merged = Vec::with_capacity(old.len() + new.len());
    let (mut a, mut b) = (old.into_iter().peekable(), new.into_iter().peekable());
    while let (Some(x), Some(y)) = (a.peek(), b.peek()) {
        if key(x) <= key(y) {
            merged.extend(a.next());
        } else {
            merged.extend(b.next());
        }
    }
    merged.extend(a);
    merged.extend(b);
    merged
}

/// Joins the groups holding strings of one of the user's merge sets into the first (best) of
/// them; each group's indices stay in rank order, so its head is still its best string.
fn merge_groups(
    groups: Vec<Vec<usize>>,
    texts: &[&str],
    merges: &[Vec<String>],
) -> Vec<Vec<usize>> {
    if merges.is_empty() {
        return groups;
    }
    let mut set_of: HashMap<&str, usize> = HashMap::new();
    for (k, set) in merges.iter().enumerate() {
        for t in set {
            set_of.entry(t.as_str()).or_insert(k);
        }
    }
    // For each merge set, the output group it goes into once one of its strings is seen.
    let mut target: HashMap<usize, usize> = HashMap::new();
    let mut out: Vec<Vec<usize>> = Vec::with_capacity(groups.len());
    for g in groups {
        let sets: BTreeSet<usize> = g
            .iter()
            .filter_map(|&i| texts.get(i).and_then(|t| set_of.get(t)).copied())
            .collect();
        let into = sets.iter().find_map(|k| target.get(k).copied());
        let t = if let Some(t) = into {
            out[t].extend(g);
            t
        } else {
            out.push(g);
            out.len() - 1
        };
        for k in sets {
            target.entry(k).or_insert(t);
        }
    }
    for g in &mut out {
        g.sort_unstable();
        g.dedup();
    }
    out
}

// One list per pass-one output and per thing every group is built against.
#[allow(clippy::too_many_arguments)]
fn groups_of(
    grams: &[Gram],
    frames: &[FrameGram],
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
    let uses: Vec<usize> = kept.iter().map(|c| c.meetings).collect();
    // Grouping is mostly one pass in order; the text outside directives is gathered meanwhile.
    let (groups, (words, outside_text)) = rayon::join(
        || -> Vec<Vec<usize>> {
            merge_groups(variants::group(&texts, &uses), &texts, segmenter.merges())
                .into_iter()
                .filter(|g| {
                    g.iter().any(|&i| kept[i].leads)
                        || g.iter().map(|&i| kept[i].meetings).sum::<usize>() >= config.min_meetings
                })
                .take(config.max_groups.saturating_mul(2))
                .collect()
        },
        || Words::of(meetings, documents),
    );
    pass(3)?;
    // The uses in directives and the uses outside them are counted side by side: each builds
    // its automaton on one core.
    let ((occurrences, fragment), outside) = rayon::join(
        || {
            let occurrences = pass_three(meetings, &texts, &groups);
            let fragment = fragments(&occurrences, &groups, &kept, meetings);
            (occurrences, fragment)
        },
        || -> Vec<Option<usize>> {
            if words.outside >= config.score.min_general_words {
                outside_counts(&outside_text, &texts, &groups)
                    .into_iter()
                    .map(Some)
                    .collect()
            } else {
                vec![None; groups.len()]
            }
        },
    );
    let context = GroupContext {
        meetings,
        documents,
        places,
        seg: segmenter,
        config,
        words,
    };
    let mut out: Vec<PhraseGroup> = groups
        .par_iter()
        .zip(occurrences)
        .zip(outside)
        .zip(fragment)
        .with_max_len(4)
        .filter(|(_, fragment)| !fragment)
        .filter_map(|(((g, occ), outside), _)| build_group(g, &kept, occ, outside, &context))
        .collect();
    // Frames are a tenth of the list at most; twice as many are counted, as some overlap.
    let frame_limit = (config.max_groups / 10).max(8);
    let frames = frames::select(
        frames,
        meetings,
        &place_ids,
        words.directives,
        &config.score,
        config.min_meetings,
        frame_limit * 2,
    );
    let framed = frame_groups(&frames, &context, frame_limit);
    // A group whose every variant is a filled form of a frame is that frame's: one group per
    // formula.
    let filled: std::collections::HashSet<&str> = framed
        .iter()
        .flat_map(|g| g.variants.iter().map(|v| v.text.as_str()))
        .collect();
    out.retain(|g| !g.variants.iter().all(|v| filled.contains(v.text.as_str())));
    out.extend(framed);
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

/// Of the uses of a fragment, at least this share (in fifths) stand inside the uses of one
/// longer group.
const FRAGMENT_FIFTHS: usize = 4;

/// For each group, whether it is a fragment of another or of words: four in five of its uses
/// stand inside the uses of one other group (高质量 inside 高质量发展, 重要讲话 inside
/// 重要讲话精神), which is then the formula; or nearly all the meetings it stands free in
/// (outside any other group's use) have it only inside a word ([`mid_word`]). A group with a lexicon word
/// is never one; of two groups holding each other that much, neither is.
fn fragments(
    occurrences: &[GroupHits],
    groups: &[Vec<usize>],
    kept: &[Candidate],
    meetings: &[Meeting],
) -> Vec<bool> {
    let held = held_by(occurrences);
    let mostly =
        |g: usize| held.best[g].filter(|&(_, n)| n * 5 >= occurrences[g].0.len() * FRAGMENT_FIFTHS);
    // Each group's fixedness is worked out once, and only for groups that hold or are held.
    let memo: Vec<std::cell::OnceCell<f64>> = vec![std::cell::OnceCell::new(); groups.len()];
    let fixed = |g: usize| *memo[g].get_or_init(|| group_fixedness(&occurrences[g].0, meetings));
    (0..groups.len())
        .map(|g| {
            if groups[g].iter().any(|&i| kept[i].lexicon) {
                return false;
            }
            let by = mostly(g).map(|(h, _)| h);
            let mutual = by.is_some_and(|h| mostly(h).is_some_and(|(b, _)| b == g));
            // The longer group is the formula only when it is at least as fixed: 两个大局 is no
            // fragment of 国内国际两个大局, itself always written after 统筹.
            let looser = by.is_some_and(|h| fixed(h) < fixed(g));
            (by.is_some() && !mutual && !looser)
                || mid_word(held.free_meetings[g], &groups[g], kept)
        })
        .collect()
}

/// The fixedness of a group's uses: how much what stands left and right of them varies.
fn group_fixedness(hits: &[Hit], meetings: &[Meeting]) -> f64 {
    fixedness(
        &hits
            .iter()
            .map(|h| {
                let d = &meetings[h.meeting as usize].directives[h.directive as usize];
                neighbours(&d.text, h.start as usize, h.end as usize)
            })
            .collect::<Vec<_>>(),
    )
}

/// Whether a group stands free in more than three times as many meetings (`free`) as it was mined
/// from as whole words: its variants' meetings ([`Candidate::meetings`]) count only where the
/// string starts and ends on a word (or a quotation) and does not end on a word qualifying the
/// next, while its uses are found as plain strings. 党的二十, mined from 党的二十届, is found
/// inside 党的二十大 (one word) four times as often; 工作的重要 stands before a noun (重要思想)
/// nearly everywhere it is found.
fn mid_word(free: usize, group: &[usize], kept: &[Candidate]) -> bool {
    let mined: usize = group.iter().map(|&i| kept[i].meetings).sum();
    mined * 3 < free
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
            let text_of = || {
                meetings[g.meeting as usize].directives[g.directive as usize]
                    .text
                    .get(g.start as usize..(g.end & !FLAGS) as usize)
            };
            let lexicon = seg.has_user_words() && text_of().is_some_and(|t| seg.is_user_word(t));
            let leads = run.len() >= config.min_meetings.max(1) || lexicon;
            let quoted = run.iter().any(|g| g.end & QUOTED != 0);
            if !leads && !quoted && g.end & SHAPED == 0 {
                return None;
            }
            let text = text_of()?;
            if seg.is_stopped(text) {
                return None;
            }
            // Page chrome (栏目大全, 相关稿件) stands alone on its line in most pages that carry
            // it; a formula is said inside a sentence.
            let alone = run.iter().filter(|g| g.end & WHOLE != 0).count();
            if alone * 2 > run.len() && !lexicon {
                return None;
            }
            let follows = g.end & SHAPED != 0 || (quoted && text.chars().count() >= 4);
            if !leads && !follows {
                return None;
            }
            let idiom = run.iter().any(|g| g.end & IDIOM != 0);
            let weights = &config.score;
            let marks = Marks {
                quoted,
                idiom,
                lexicon,
            };
            let score = weights.formulaicity(text, marks, seg)
                * weights.spread(
                    distinct_places(run.iter().map(|g| g.meeting), places),
                    run.len(),
                    1,
                );
            Some(Candidate {
                text,
                meetings: run.len(),
                score,
                leads,
                quoted,
                idiom,
                lexicon,
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

/// Words of text the rates of specificity are counted against, estimated from bytes: a
/// Chinese character is three bytes of UTF-8 and a word one and a half characters.
#[derive(Clone, Copy, Debug)]
struct Words {
    /// In the meetings' directives.
    directives: usize,
    /// In the sample of the documents' text outside directives.
    outside: usize,
}

/// At most this many bytes of text outside directives are searched for the corpus's own
/// general rate: a sample of whole documents, spread evenly over the corpus, so that the cost
/// stays the same however large the corpus.
const OUTSIDE_SAMPLE_BYTES: usize = 4 << 20;

impl Words {
    const BYTES_PER_WORD: f64 = 4.5;

    /// The word counts, and the sampled text outside directives, as pieces of the documents.
    fn of<'a>(meetings: &[Meeting], documents: &'a [Document]) -> (Self, Vec<&'a str>) {
        let words = |n: usize| (n as f64 / Self::BYTES_PER_WORD) as usize;
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); documents.len()];
        let mut directives = 0;
        for m in meetings {
            for d in &m.directives {
                directives += d.text.len();
                if let Some(s) = spans.get_mut(m.doc.0 as usize) {
                    s.push(d.span);
                }
            }
        }
        // The lengths, not the texts: a project's texts are read only for the sample.
        let all: usize = documents.iter().map(|d| d.text.bytes()).sum();
        let stride = all.div_ceil(OUTSIDE_SAMPLE_BYTES).max(1);
        let mut pieces = Vec::new();
        for (i, (doc, spans)) in documents.iter().zip(&mut spans).enumerate() {
            if i % stride != 0 {
                continue;
            }
            spans.sort_by_key(|s| s.start);
            let text: &str = &doc.text;
            let mut at = 0;
            for s in spans.iter() {
                if s.start > at {
                    pieces.extend(text.get(at..s.start));
                }
                at = at.max(s.end);
            }
            pieces.extend(text.get(at.min(text.len())..));
        }
        let outside = pieces.iter().map(|p| p.len()).sum();
        let counts = Self {
            directives: words(directives),
            outside: words(outside),
        };
        (counts, pieces)
    }
}

/// What every group is built against.
struct GroupContext<'a> {
    meetings: &'a [Meeting],
    documents: &'a [Document],
    places: &'a [Option<&'a str>],
    seg: &'a Segmenter,
    config: &'a MineConfig,
    words: Words,
}

/// The characters just before and after a use, `None` at a clause boundary.
fn neighbours(text: &str, start: usize, end: usize) -> (Option<char>, Option<char>) {
    let word = |c: char| crate::text::is_han(c) || c.is_alphanumeric();
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    (before.filter(|&c| word(c)), after.filter(|&c| word(c)))
}

/// Where a group is used: the outlet of each document (its site, else the document itself).
fn outlets(documents: &[Document], meetings: &[Meeting], hits: &[Hit]) -> usize {
    let outlet = |h: &Hit| {
        let doc = meetings[h.meeting as usize].doc.0 as usize;
        documents
            .get(doc)
            .and_then(|d| d.meta.site.clone())
            .unwrap_or_else(|| format!("\u{1}{doc}"))
    };
    hits.iter().map(outlet).collect::<BTreeSet<String>>().len()
}

/// The name of a group whose head is `head`, from its `variants` (most used first). A series or
/// a list is named whole (有力有序有效, not its half 有力有序): by its most frequent variant of two
/// members or more, when that is used at least half as often as the most frequent variant; else
/// by the most frequent variant.
fn group_name(head: &str, variants: &[Variant]) -> String {
    let most = variants.first().map_or(0, |v| v.count);
    let whole = variants
        .iter()
        .find(|v| Shape::of(&v.text).members >= 2)
        .filter(|v| Shape::of(head).members >= 2 && 2 * v.count >= most);
    // A list whose last member runs on in most of its uses (强国建设、民族复兴 inside 强国建设、
    // 民族复兴伟业, used 67 times of its 83) is named with the member whole, when that is no
    // accident of a few uses.
    let cut = whole.and_then(|w| {
        variants
            .iter()
            .filter(|v| {
                v.text
                    .strip_prefix(w.text.as_str())
                    .is_some_and(|rest| !rest.is_empty() && !rest.contains(LIST_MARK))
                    && 5 * v.count >= 4 * w.count
                    && v.count >= MIN_RUN_ON
            })
            .max_by_key(|v| v.count)
            .map(|longer| (w.text.as_str(), longer))
    });
    let whole = cut.map(|(_, longer)| longer).or(whole);
    let mut phrase = whole
        .or(variants.first())
        .map_or_else(|| head.to_string(), |v| v.text.clone());
    // A list is named by itself, not by a use of it with a word of context (坚持两手抓、两手硬).
    while let Some(core) = variants.iter().find(|v| {
        v.text.len() < phrase.len()
            && cut.is_none_or(|(short, _)| v.text != short)
            && matches!(
                variants::relation(&v.text, &phrase),
                Some(variants::Relation::Context { .. })
            )
    }) {
        phrase.clone_from(&core.text);
    }
    phrase
}

/// Fewest uses of a list whose last member runs on before it names its group.
const MIN_RUN_ON: usize = 5;

fn build_group(
    members: &[usize],
    kept: &[Candidate],
    (hits, uses): GroupHits,
    outside: Option<usize>,
    cx: &GroupContext<'_>,
) -> Option<PhraseGroup> {
    let GroupContext {
        meetings,
        documents,
        places,
        seg,
        config,
        words,
    } = *cx;
    let mut in_meetings: BTreeSet<MeetingId> = BTreeSet::new();
    let mut uses_at = Vec::with_capacity(hits.len());
    let mut occurrences = Vec::with_capacity(hits.len());
    for h in &hits {
        let m = &meetings[h.meeting as usize];
        let directive = &m.directives[h.directive as usize];
        in_meetings.insert(m.id);
        if let Some(p) = places.get(h.meeting as usize).copied().flatten() {
            uses_at.push((p, m.id, m.date.map(|d| d.date)));
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
    let listed = uses.keys().any(|&v| kept[v as usize].lexicon);
    if in_meetings.len() < config.min_meetings.max(1) && !listed {
        return None;
    }
    occurrences.sort();
    let mut variants: Vec<Variant> = uses
        .iter()
        .map(|(&v, u)| Variant {
            text: kept[v as usize].text.to_string(),
            count: u.count,
        })
        .collect();
    variants.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.text.cmp(&b.text)));
    // Every variant was grouped by its relation to the head, so that is what they are told by.
    let head = kept[members[0]].text;
    let phrase = group_name(head, &variants);
    let most = variants.first().map_or(0, |v| v.count);
    let others: Vec<&str> = variants
        .iter()
        .map(|v| v.text.as_str())
        .filter(|t| *t != head)
        .collect();
    let differs = variants::describe(head, &others);
    let weights = &config.score;
    // The shape is the best of the variants used at least half as often as the most frequent:
    // one list seen once (新样子、新时代) does not make 新时代, used hundreds of times, a list.
    let (shape, marks) = uses
        .iter()
        .filter(|(_, u)| 2 * u.count >= most)
        .map(|(&v, _)| &kept[v as usize])
        .map(|c| {
            let marks = Marks {
                quoted: c.quoted,
                idiom: c.idiom,
                lexicon: c.lexicon,
            };
            weights.shape(c.text, marks, seg)
        })
        .fold(
            (0.0, Vec::new()),
            |best, s| if s.0 > best.0 { s } else { best },
        );
    let lineage = lineage(&hits, kept, meetings, places);
    let place_uses = place_uses(uses_at);
    let outlets = outlets(documents, meetings, &hits);
    let fixed = group_fixedness(&hits, meetings);
    let specific = specificity(
        hits.len(),
        words.directives,
        reference::general_log10(&phrase, seg),
        outside.map(|c| (c, words.outside)),
    );
    let parts = ScoreParts {
        shape: round3(shape),
        marks: marks.into_iter().map(str::to_string).collect(),
        fixedness: round3(fixed),
        spread: round3(weights.spread(place_uses.len(), in_meetings.len(), outlets)),
        outlets,
        specificity: specific,
    };
    let score = weights.total(&parts);
    let places = place_uses;
    Some(PhraseGroup {
        id: 0,
        phrase,
        variants,
        differs,
        places,
        meetings: in_meetings.into_iter().collect(),
        occurrences,
        score,
        parts,
        lineage,
    })
}

/// The groups of `frames` (best first), at most `limit`: each frame's filled forms found
/// again in every directive, a frame most of whose uses overlap a better one's left out
/// (压紧…责任 within 压实…责任's uses). A frame is named with its slot, its `differs` lists
/// the fillers, and each filled form derives from the first by `slot`. Its shape is that of
/// its fixed words plus the slot bonus, scaled by how often its fillers recur.
fn frame_groups(frames: &[Frame], cx: &GroupContext<'_>, limit: usize) -> Vec<PhraseGroup> {
    let mut kept: Vec<Candidate> = Vec::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for f in frames {
        let mut ids = Vec::with_capacity(f.filled.len());
        for &(text, meetings) in &f.filled {
            ids.push(kept.len());
            kept.push(Candidate {
                text,
                meetings,
                score: 0.0,
                leads: true,
                quoted: false,
                idiom: false,
                lexicon: false,
            });
        }
        members.push(ids);
    }
    let texts: Vec<&str> = kept.iter().map(|c| c.text).collect();
    let hits = pass_three(cx.meetings, &texts, &members);
    let weights = &cx.config.score;
    let mut taken: BTreeMap<(u32, u32), Vec<(u32, u32)>> = BTreeMap::new();
    let mut out = Vec::new();
    for ((f, ids), group_hits) in frames.iter().zip(&members).zip(hits) {
        if out.len() >= limit {
            break;
        }
        let overlapping = group_hits
            .0
            .iter()
            .filter(|h| {
                taken
                    .get(&(h.meeting, h.directive))
                    .is_some_and(|spans| spans.iter().any(|&(s, e)| h.start < e && s < h.end))
            })
            .count();
        if overlapping * 2 >= group_hits.0.len() {
            continue;
        }
        for h in &group_hits.0 {
            taken
                .entry((h.meeting, h.directive))
                .or_default()
                .push((h.start, h.end));
        }
        let n = group_hits.0.len();
        let Some(mut g) = build_group(ids, &kept, group_hits, None, cx) else {
            continue;
        };
        g.phrase = f.name();
        let fillers: Vec<&str> = g
            .variants
            .iter()
            .map(|v| frames::filler(f, &v.text))
            .collect();
        g.differs = format!("slot: {}", fillers.join(" / "));
        let (shape, names) = weights.shape(
            &format!("{}{}", f.before, f.after),
            Marks::default(),
            cx.seg,
        );
        // A formula's slot takes a few fillers again and again (疫情防控, 属地, 主体 in
        // 压实…责任); a verb and its object (做好…工作) take a new one each time. The shape is
        // scaled by the share of uses whose filler is used more than once, at least a quarter.
        let total: usize = g.variants.iter().map(|v| v.count).sum();
        let recurring: usize = g
            .variants
            .iter()
            .filter(|v| v.count >= 2)
            .map(|v| v.count)
            .sum();
        let share = (recurring as f64 / total.max(1) as f64).max(0.25);
        g.parts.shape = round3((shape + weights.slot) * share);
        g.parts.marks = std::iter::once("slot")
            .chain(names)
            .map(str::to_string)
            .collect();
        g.parts.specificity = specificity(
            n,
            cx.words.directives,
            reference::pair_log10(f.before, f.after),
            None,
        );
        if let Some(first) = g.lineage.first().map(|l| l.text.clone()) {
            for l in g.lineage.iter_mut().skip(1) {
                l.from = Some(first.clone());
                l.change = "slot".to_string();
            }
        }
        g.score = weights.total(&g.parts);
        out.push(g);
    }
    out
}

/// The variants of a group in order of first use, each derived from the earliest variant
/// before it that it is one change from (order, member, added or dropped, nested, series, part
/// or character); a variant one change from none of them derives from the first, by `other`.
/// A variant is first used where it stands as the group's use, not inside a longer variant:
/// 麻痹思想 inside 麻痹思想、厌战情绪、侥幸心理 is a use of the list.
fn lineage(
    hits: &[Hit],
    kept: &[Candidate],
    meetings: &[Meeting],
    places: &[Option<&str>],
) -> Vec<Lineage> {
    let key = |m: u32| {
        let date = meetings
            .get(m as usize)
            .and_then(|m| m.date)
            .map(|d| d.date);
        (date.is_none(), date, m)
    };
    let mut first: BTreeMap<u32, u32> = BTreeMap::new();
    for h in hits {
        let at = first.entry(h.variant).or_insert(h.meeting);
        if key(h.meeting) < key(*at) {
            *at = h.meeting;
        }
    }
    let mut order: Vec<(u32, u32)> = first.into_iter().collect();
    order.sort_by_key(|&(v, first)| (key(first), kept[v as usize].text));
    let mut out: Vec<Lineage> = Vec::with_capacity(order.len());
    for (i, &(v, first)) in order.iter().enumerate() {
        let text = kept[v as usize].text;
        let m = &meetings[first as usize];
        let first_use = FirstUse {
            place: places
                .get(first as usize)
                .copied()
                .flatten()
                .map(str::to_string),
            date: m.date.map(|d| d.date),
            meeting: m.id,
        };
        let derived = order[..i].iter().find_map(|&(e, _)| {
            let earlier = kept[e as usize].text;
            variants::relation(earlier, text).map(|r| (earlier, change(&r, earlier, text)))
        });
        let (from, change) = match (i, derived) {
            (0, _) => (None, String::new()),
            (_, Some((from, change))) => (Some(from.to_string()), change.to_string()),
            (_, None) => (
                Some(kept[order[0].0 as usize].text.to_string()),
                "other".to_string(),
            ),
        };
        out.push(Lineage {
            text: text.to_string(),
            first: first_use,
            from,
            change,
        });
    }
    out
}

/// The name of the change from `from` to `to`: a member added or dropped, or the relation's
/// kind.
fn change(r: &variants::Relation, from: &str, to: &str) -> &'static str {
    match r {
        variants::Relation::Added { .. } => {
            let members = |t: &str| crate::phrase::shape::list_items(t).len();
            if members(to) > members(from) {
                "added"
            } else {
                "dropped"
            }
        }
        other => variants::kind(other),
    }
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

    /// The groups of `ms`, each meeting under its own place, with the default settings.
    fn mined(ms: &[Meeting], ds: &[Document], seg: &Segmenter) -> Vec<PhraseGroup> {
        mine(
            ms,
            ds,
            &own(ms),
            seg,
            &MineConfig::default(),
            &mut NoProgress,
        )
        .unwrap_or_default()
        .groups
    }

    /// The group among `groups` that has `text` for a variant.
    fn group_with(groups: &[PhraseGroup], text: &str) -> Option<usize> {
        groups
            .iter()
            .position(|g| g.variants.iter().any(|v| v.text == text))
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
        let groups = mined(&ms, &ds, &seg);
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
        // The pair is named whole: it is used as often as its half alone.
        assert_eq!(nested, Some(("外防输入、内防反弹".to_string(), 3)));
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
        assert_eq!(index.groups(&ms, &ds, &own(&ms), &seg, &config), all.groups);
        assert!(!all.groups.is_empty());
        // The words of the added meeting are counted as a whole build counts them.
        assert_eq!(index.words(), all.words.as_slice());
        assert!(all.words.iter().all(|&n| n > 0), "{:?}", all.words);
    }

    /// The lineage of the group holding `variant`: (text, place, day, from, change).
    fn lineage_of(
        groups: &[PhraseGroup],
        variant: &str,
    ) -> Vec<(String, String, u32, Option<String>, String)> {
        use chrono::Datelike;
        let g = groups
            .iter()
            .find(|g| g.variants.iter().any(|v| v.text == variant));
        g.map(|g| {
            g.lineage
                .iter()
                .map(|l| {
                    (
                        l.text.clone(),
                        l.first.place.clone().unwrap_or_default(),
                        l.first.date.map_or(0, |d| d.day()),
                        l.from.clone(),
                        l.change.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
    }

    #[test]
    fn open_slot_frames_group_their_fillers() {
        let seg = Segmenter::new();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["要坚决打赢安全生产阻击战，确保安全"]),
            meeting(1, "乙市", 5, &["全力打赢脱贫攻坚阻击战"]),
            meeting(2, "丙区", 8, &["坚决打赢污染防治阻击战，守护蓝天"]),
            meeting(3, "丁县", 9, &["开展卫生大扫除，改善人居环境"]),
        ]
        .into_iter()
        .unzip();
        let groups = mined(&ms, &ds, &seg);
        let frame = groups
            .iter()
            .find(|g| g.phrase == "打赢…阻击战")
            .unwrap_or_else(|| panic!("no frame in {groups:#?}"));
        let mut variants: Vec<&str> = frame.variants.iter().map(|v| v.text.as_str()).collect();
        variants.sort_unstable();
        assert_eq!(
            variants,
            vec![
                "打赢安全生产阻击战",
                "打赢污染防治阻击战",
                "打赢脱贫攻坚阻击战"
            ]
        );
        assert!(frame.differs.starts_with("slot: "), "{}", frame.differs);
        assert!(frame.differs.contains("脱贫攻坚"), "{}", frame.differs);
        assert!(frame.parts.marks.iter().any(|m| m == "slot"));
        assert_eq!(frame.places.len(), 3);
        // Lineage in order of first use, each filled form from the first by its slot.
        let firsts: Vec<(&str, &str)> = frame
            .lineage
            .iter()
            .map(|l| (l.text.as_str(), l.change.as_str()))
            .collect();
        assert_eq!(
            firsts,
            vec![
                ("打赢安全生产阻击战", ""),
                ("打赢脱贫攻坚阻击战", "slot"),
                ("打赢污染防治阻击战", "slot"),
            ]
        );
        // One filled form in one meeting is no frame; neither is the same filler everywhere.
        assert!(!groups.iter().any(|g| g.phrase == "改善…环境"));
        assert!(
            !groups
                .iter()
                .any(|g| g.phrase.contains('…') && g.variants.len() < 2)
        );
    }

    #[test]
    fn lineage_follows_first_use() {
        let seg = Segmenter::new();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 9, &["要克服麻痹思想、厌战情绪、侥幸心理"]),
            meeting(1, "乙市", 2, &["坚决克服麻痹思想、松劲心态、侥幸心理"]),
            meeting(
                2,
                "丙区",
                5,
                &["克服麻痹思想、厌战情绪、侥幸心理、松劲心态"],
            ),
            meeting(3, "丁县", 7, &["切实克服麻痹思想、厌战情绪、侥幸心理"]),
        ]
        .into_iter()
        .unzip();
        let groups = mined(&ms, &ds, &seg);
        let lineage = lineage_of(&groups, "麻痹思想、厌战情绪、侥幸心理");
        let s = |t: &str| t.to_string();
        // 乙市 used the list first, on the 2nd, with 松劲心态. 丙区's four members (the 5th) hold
        // all of 乙市's and 厌战情绪 besides: `added` (members are compared as a set, so where the
        // new member stands does not matter). 丁县's list (the 7th; 甲县's is later) swaps one
        // member of 乙市's.
        assert_eq!(
            lineage,
            vec![
                (s("麻痹思想、松劲心态、侥幸心理"), s("乙市"), 2, None, s("")),
                (
                    s("麻痹思想、厌战情绪、侥幸心理、松劲心态"),
                    s("丙区"),
                    5,
                    Some(s("麻痹思想、松劲心态、侥幸心理")),
                    s("added"),
                ),
                (
                    s("麻痹思想、厌战情绪、侥幸心理"),
                    s("丁县"),
                    7,
                    Some(s("麻痹思想、松劲心态、侥幸心理")),
                    s("member"),
                ),
            ],
            "{groups:#?}"
        );
    }

    #[test]
    fn user_words_and_stop_strings() {
        use crate::phrase::lexicon::{Lexicon, UserWord};
        let lexicon = Lexicon {
            words: vec![UserWord {
                text: "稳字当头".into(),
                freq: None,
                tag: None,
            }],
            stop: vec!["铜墙铁壁".into()],
            merge: Vec::new(),
        };
        let seg = Segmenter::with_lexicon(&lexicon);
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["要坚持稳字当头，筑牢铜墙铁壁"]),
            meeting(1, "乙市", 5, &["构筑铜墙铁壁，推进复工复产"]),
            meeting(2, "丙区", 6, &["推进复工复产"]),
        ]
        .into_iter()
        .unzip();
        let groups = mined(&ms, &ds, &seg);
        let phrases: Vec<&str> = groups.iter().map(|g| g.phrase.as_str()).collect();
        // The user's word stands in one meeting, marked; the stopped string is gone.
        assert!(phrases.contains(&"稳字当头"), "{phrases:?}");
        assert!(!phrases.contains(&"铜墙铁壁"), "{phrases:?}");
        let g = groups.iter().find(|g| g.phrase == "稳字当头");
        assert!(g.is_some_and(|g| g.parts.marks.iter().any(|m| m == "lexicon")));
        // Without the lexicon neither holds.
        let plain = mine(
            &ms,
            &ds,
            &own(&ms),
            &Segmenter::new(),
            &MineConfig::default(),
            &mut NoProgress,
        )
        .unwrap_or_default()
        .groups;
        let phrases: Vec<&str> = plain.iter().map(|g| g.phrase.as_str()).collect();
        assert!(!phrases.contains(&"稳字当头"), "{phrases:?}");
        assert!(phrases.contains(&"铜墙铁壁"), "{phrases:?}");
    }

    #[test]
    fn merged_groups_are_one() {
        use crate::phrase::lexicon::Lexicon;
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["要筑牢铜墙铁壁，推进复工复产"]),
            meeting(1, "乙市", 5, &["构筑铜墙铁壁，推进复工复产"]),
            meeting(2, "丙区", 6, &["坚持严防死守，推进复工复产"]),
            meeting(3, "丁县", 7, &["做到严防死守，推进复工复产"]),
        ]
        .into_iter()
        .unzip();
        let has = group_with;
        let plain = mined(&ms, &ds, &Segmenter::new());
        let (a, b) = (has(&plain, "铜墙铁壁"), has(&plain, "严防死守"));
        assert!(a.is_some() && b.is_some() && a != b, "{plain:#?}");
        let mut lexicon = Lexicon::default();
        lexicon.add_merge(&["铜墙铁壁".into()], &["严防死守".into()]);
        let merged = mined(&ms, &ds, &Segmenter::with_lexicon(&lexicon));
        let (a, b) = (has(&merged, "铜墙铁壁"), has(&merged, "严防死守"));
        assert!(a.is_some() && a == b, "{merged:#?}");
        let g = &merged[a.unwrap_or_default()];
        assert_eq!(g.meetings.len(), 4);
        assert_eq!(g.occurrences.len(), 4);
        // The other groups are untouched.
        assert_eq!(merged.len() + 1, plain.len());
    }

    #[test]
    fn strings_found_mostly_inside_a_word_are_not_listed() {
        // 党的二十 is cut out of 党的二十届 (二十 / 届) in two meetings, but found in seven more
        // only inside 二十大, one word: a fragment of words, not a formula. 复工复产 stands as
        // words wherever it is found.
        let mut texts = vec![
            "要认真学习党的二十届三中全会精神，推进复工复产",
            "要全面贯彻党的二十届四中全会精神，推进复工复产",
        ];
        texts.extend(["要深入学习贯彻党的二十大精神，加快复工复产"; 7]);
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                meeting(
                    i as u32,
                    ["甲县", "乙市", "丙区"][i % 3],
                    i as u32 + 1,
                    &[t],
                )
            })
            .unzip();
        let groups = mined(&ms, &ds, &Segmenter::new());
        let listed = |t: &str| group_with(&groups, t).is_some();
        assert!(listed("复工复产"), "{groups:#?}");
        assert!(!listed("党的二十"), "{groups:#?}");
    }

    #[test]
    fn a_list_is_named_with_its_last_member_whole() {
        let vs = |list: &[(&str, usize)]| -> Vec<Variant> {
            list.iter()
                .map(|&(text, count)| Variant {
                    text: text.to_string(),
                    count,
                })
                .collect()
        };
        // 强国建设、民族复兴 runs on into 伟业 in 67 of its 83 uses; 推进 and 全面推进 are context.
        let run_on = vs(&[
            ("强国建设、民族复兴", 83),
            ("强国建设、民族复兴伟业", 67),
            ("推进强国建设、民族复兴伟业", 61),
            ("全面推进强国建设、民族复兴伟业", 58),
            ("强国建设、民族复兴目标", 1),
        ]);
        assert_eq!(
            group_name("强国建设、民族复兴", &run_on),
            "强国建设、民族复兴伟业"
        );
        // A few uses running on are an accident, not the list's last member.
        let few = vs(&[("持之以恒、毫不放松", 2), ("持之以恒、毫不放松抓紧", 2)]);
        assert_eq!(group_name("持之以恒、毫不放松", &few), "持之以恒、毫不放松");
        // A list standing alone in most uses keeps its name.
        let alone = vs(&[("外防输入、内防反弹", 40), ("外防输入、内防反弹工作", 12)]);
        assert_eq!(
            group_name("外防输入、内防反弹", &alone),
            "外防输入、内防反弹"
        );
        // A series is named whole, and a list without its word of context.
        let series = vs(&[("有力有序", 11), ("有力有序有效", 9)]);
        assert_eq!(group_name("有力有序", &series), "有力有序有效");
        let context = vs(&[("坚持两手抓、两手硬", 6), ("两手抓、两手硬", 5)]);
        assert_eq!(group_name("两手抓、两手硬", &context), "两手抓、两手硬");
    }

    #[test]
    fn fragments_of_a_longer_formula_are_not_listed() {
        // 重要讲话 is used five times, four of them inside 重要讲话精神: a fragment of it.
        // 复工复产 is used four times, twice inside 企业复工复产: a formula of its own.
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["认真学习重要讲话精神，推进企业复工复产"]),
            meeting(1, "乙市", 5, &["深入贯彻重要讲话精神，推进企业复工复产"]),
            meeting(2, "丙区", 6, &["全面落实重要讲话精神，加快复工复产"]),
            meeting(3, "丁县", 7, &["传达重要讲话精神，有序复工复产"]),
            meeting(4, "戊县", 8, &["结合重要讲话，部署近期工作"]),
        ]
        .into_iter()
        .unzip();
        let groups = mined(&ms, &ds, &Segmenter::new());
        let listed = |t: &str| group_with(&groups, t).is_some();
        assert!(listed("重要讲话精神"), "{groups:#?}");
        assert!(!listed("重要讲话"), "{groups:#?}");
        assert!(listed("复工复产") && listed("企业复工复产"), "{groups:#?}");
    }

    #[test]
    fn score_parts_multiply() {
        let seg = Segmenter::new();
        let (ms, ds): (Vec<Meeting>, Vec<Document>) = [
            meeting(0, "甲县", 3, &["要抓紧抓实抓细疫情防控"]),
            meeting(1, "乙市", 5, &["抓紧抓实抓细各项措施"]),
        ]
        .into_iter()
        .unzip();
        let config = MineConfig::default();
        let groups = mine(&ms, &ds, &own(&ms), &seg, &config, &mut NoProgress)
            .unwrap_or_default()
            .groups;
        let g = groups.iter().find(|g| g.phrase == "抓紧抓实抓细");
        let Some(g) = g else {
            panic!("{groups:#?}");
        };
        assert_eq!(g.parts.marks, vec!["parallel"]);
        assert!(g.parts.specificity > 3.0, "{:?}", g.parts);
        assert!((g.score - config.score.total(&g.parts)).abs() < 1e-9);
        // Its halves are in the same group, not groups of their own.
        assert!(
            !groups
                .iter()
                .any(|g| g.phrase == "抓紧抓实" || g.phrase == "抓实抓细")
        );
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
        let groups = mined(&ms, &ds, &seg);
        let phrases: Vec<&str> = groups.iter().map(|g| g.phrase.as_str()).collect();
        assert!(phrases.contains(&"铜墙铁壁"), "{phrases:?}");
        assert!(!phrases.contains(&"栏目大全"), "{phrases:?}");
        // Alone on a line of every page, even if also inside a sentence there: chrome.
        assert!(!phrases.contains(&"相关稿件"), "{phrases:?}");
    }
}
