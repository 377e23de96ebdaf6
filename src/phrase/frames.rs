//! Patterns with an open slot: a fixed word before and after, a filler that varies
//! (压实…责任 with 疫情防控, 属地 or 主体 in between; 打赢…阻击战). Each filled form may be
//! said once per place and never recur whole, yet the frame recurs: pass one counts the frames
//! beside the strings, and the frames said in enough meetings with more than one filler become
//! groups whose variants are their filled forms.

use std::collections::HashMap;

use crate::model::Meeting;
use crate::phrase::grams::{StrHash, bad_edge, breaks_run};
use crate::phrase::places::distinct_places;
use crate::phrase::reference;
use crate::phrase::score::{ScoreWeights, specificity};
use crate::phrase::segment::Word;

/// The slot shown in a frame's name: 压实…责任.
pub const SLOT: char = '…';

/// One filled frame seen in one meeting, at its first place there.
#[derive(Clone, Copy, Debug)]
pub(super) struct FrameGram {
    /// Hash of the fixed words around the slot.
    pub(super) frame: u64,
    /// Hash of the filler.
    pub(super) filler: u32,
    pub(super) meeting: u32,
    pub(super) directive: u32,
    pub(super) start: u32,
    /// Bytes of the word before the slot, the filler and the word after it.
    pub(super) lens: [u8; 3],
}

impl FrameGram {
    /// The filled form, the word before the slot and the word after it, in `meetings`.
    pub(super) fn texts<'a>(&self, meetings: &'a [Meeting]) -> Option<(&'a str, &'a str, &'a str)> {
        let text = &meetings
            .get(self.meeting as usize)?
            .directives
            .get(self.directive as usize)?
            .text;
        let [p, f, s] = self.lens.map(usize::from);
        let start = self.start as usize;
        Some((
            text.get(start..start + p + f + s)?,
            text.get(start..start + p)?,
            text.get(start + p + f..start + p + f + s)?,
        ))
    }
}

/// Longest word before or after the slot, in characters.
const FIXED_CHARS: usize = 4;
/// Longest filler, in words and in characters.
const FILLER_WORDS: usize = 2;
const FILLER_CHARS: (usize, usize) = (2, 6);
/// At most this many filled forms of one frame are kept as its variants, the most used first.
pub(super) const MAX_FILLERS: usize = 16;

/// A word that may stand before the slot: a dictionary verb of two to four characters that
/// is no fragment at either edge (打赢, 扛起). An adverb (坚决, 全力) may not, as what follows
/// it is a verb, nor a noun (科学, 全力 are tagged so).
fn opens(w: &Word) -> bool {
    let chars = w.text.chars().count();
    let verbish = w.tag.starts_with('v') && w.tag != "vn";
    w.known
        && verbish
        && (2..=FIXED_CHARS).contains(&chars)
        && !breaks_run(w)
        && !bad_edge(w, false)
        && !bad_edge(w, true)
}

/// A word that may close the frame: a dictionary noun or noun-like word of two to four
/// characters (责任, 阻击战, 防线, 攻坚战).
fn closes(w: &Word) -> bool {
    let chars = w.text.chars().count();
    let nounish = (w.tag.starts_with('n') && w.tag != "nt") || matches!(w.tag, "vn" | "i" | "l");
    w.known && nounish && (2..=FIXED_CHARS).contains(&chars) && !breaks_run(w) && !bad_edge(w, true)
}

/// A word that may be part of a filler: no punctuation, name, particle or list mark.
fn fills(w: &Word) -> bool {
    w.text != "、"
        && !breaks_run(w)
        && !w.tag.starts_with('u')
        && !matches!(w.tag, "p" | "c" | "r" | "y" | "e" | "o")
}

/// The hash of a frame's fixed words.
fn frame_hash(before: &str, after: &str) -> u64 {
    StrHash::SEED.feed(before).feed("\u{0}").feed(after).0
}

/// Calls `emit(start, lens, frame, filler)` for every filled frame in `words`.
pub(super) fn each_frame(words: &[Word], mut emit: impl FnMut(usize, [u8; 3], u64, u32)) {
    for i in 0..words.len() {
        if !opens(&words[i]) {
            continue;
        }
        for k in 1..=FILLER_WORDS {
            let (Some(filler), Some(after)) = (words.get(i + 1..=i + k), words.get(i + k + 1))
            else {
                break;
            };
            if !filler.iter().all(fills) {
                break;
            }
            let chars: usize = filler.iter().map(|w| w.text.chars().count()).sum();
            if chars > FILLER_CHARS.1 {
                break;
            }
            let (first, last) = (&filler[0], &filler[filler.len() - 1]);
            // The slot holds what the frame is about (疫情防控, 污染防治), not a lone verb or
            // adverb: 坚决克服…, 坚决摒弃… is a verb phrase, not a frame.
            let about = filler.len() > 1
                || !(first.tag.starts_with('v') || first.tag.starts_with('d') || first.tag == "ad");
            if chars < FILLER_CHARS.0
                || !about
                || bad_edge(first, false)
                || bad_edge(last, true)
                || !closes(after)
            {
                continue;
            }
            let before = &words[i];
            let (fs, fe) = (first.start, last.end);
            let lens = [before.end - before.start, fe - fs, after.end - after.start]
                .map(|n| u8::try_from(n).unwrap_or(0));
            if lens.contains(&0) {
                continue;
            }
            let filler_text: String = filler.iter().map(|w| w.text).collect();
            let filler_hash = StrHash::SEED.feed(&filler_text).0 as u32;
            emit(
                before.start,
                lens,
                frame_hash(before.text, after.text),
                filler_hash,
            );
        }
    }
}

/// A frame said in enough meetings with more than one filler.
#[derive(Clone, Debug)]
pub(super) struct Frame<'a> {
    pub(super) before: &'a str,
    pub(super) after: &'a str,
    /// Its filled forms, the most used first, with the meetings each is in.
    pub(super) filled: Vec<(&'a str, usize)>,
    /// Ranking before the frames are counted in full.
    pub(super) rank: f64,
}

impl Frame<'_> {
    /// The frame's name, its slot marked: 压实…责任.
    pub(super) fn name(&self) -> String {
        format!("{}{SLOT}{}", self.before, self.after)
    }
}

/// The frames of `frames` (sorted by frame, then meeting) said in at least `min_meetings`
/// meetings with at least two fillers, best first, at most `limit`. They are ranked as
/// strings are, by spread and specificity, with the number of fillers besides: a frame that
/// takes many fillers is a pattern, one that takes two may be a slip.
pub(super) fn select<'a>(
    frames: &[FrameGram],
    meetings: &'a [Meeting],
    places: &[u32],
    directive_words: usize,
    weights: &ScoreWeights,
    min_meetings: usize,
    limit: usize,
) -> Vec<Frame<'a>> {
    let mut out: Vec<Frame<'a>> = Vec::new();
    for run in frames.chunk_by(|a, b| a.frame == b.frame) {
        let mut in_meetings: Vec<u32> = run.iter().map(|g| g.meeting).collect();
        in_meetings.dedup();
        if in_meetings.len() < min_meetings.max(2) {
            continue;
        }
        let mut fillers: HashMap<u32, (FrameGram, usize)> = HashMap::new();
        for g in run {
            fillers.entry(g.filler).or_insert((*g, 0)).1 += 1;
        }
        if fillers.len() < 2 {
            continue;
        }
        let Some((_, before, after)) = run[0].texts(meetings) else {
            continue;
        };
        let specific = specificity(
            run.len(),
            directive_words,
            reference::pair_log10(before, after),
            None,
        );
        let rank = weights.spread(
            distinct_places(in_meetings.iter().copied(), places),
            in_meetings.len(),
            1,
        ) * (1.0 + (fillers.len() as f64).ln())
            * weights.specific_factor(specific);
        let mut filled: Vec<(&str, usize)> = fillers
            .values()
            .filter_map(|(g, n)| g.texts(meetings).map(|(t, _, _)| (t, *n)))
            .collect();
        filled.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        filled.truncate(MAX_FILLERS);
        out.push(Frame {
            before,
            after,
            filled,
            rank,
        });
    }
    out.sort_by(|a, b| {
        b.rank
            .total_cmp(&a.rank)
            .then_with(|| a.before.cmp(b.before))
            .then_with(|| a.after.cmp(b.after))
    });
    out.truncate(limit);
    out
}

/// The filler of `filled` in `frame`: what stands in the slot.
pub(super) fn filler<'t>(frame: &Frame<'_>, filled: &'t str) -> &'t str {
    filled
        .get(frame.before.len()..filled.len().saturating_sub(frame.after.len()))
        .unwrap_or(filled)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::phrase::Segmenter;

    /// The filled frames of `text`: (word before, filler, word after).
    fn frames(seg: &Segmenter, text: &str) -> Vec<(String, String, String)> {
        let words = seg.words(text);
        let mut out = Vec::new();
        each_frame(&words, |start, [p, f, s], _, _| {
            let [p, f, s] = [p, f, s].map(usize::from);
            out.push((
                text[start..start + p].to_string(),
                text[start + p..start + p + f].to_string(),
                text[start + p + f..start + p + f + s].to_string(),
            ));
        });
        out
    }

    fn has(got: &[(String, String, String)], before: &str, filler: &str, after: &str) -> bool {
        got.iter()
            .any(|(b, f, a)| b == before && f == filler && a == after)
    }

    #[test]
    fn a_verb_a_filler_and_a_noun() {
        let seg = Segmenter::new();
        let got = frames(&seg, "全力打赢脱贫攻坚阻击战");
        assert!(has(&got, "打赢", "脱贫攻坚", "阻击战"), "{got:?}");
        // The filler may be two words.
        let got = frames(&seg, "坚决打赢污染防治阻击战");
        assert!(has(&got, "打赢", "污染防治", "阻击战"), "{got:?}");
    }

    #[test]
    fn no_frame_opens_on_an_adverb_or_holds_a_lone_verb() {
        let seg = Segmenter::new();
        // 坚决 is an adverb: what follows it (克服, 摒弃) is a verb, not a filler.
        let got = frames(&seg, "坚决克服麻痹思想");
        assert!(got.iter().all(|(b, _, _)| b != "坚决"), "{got:?}");
        // Punctuation ends the frame.
        let got = frames(&seg, "打赢，脱贫攻坚阻击战");
        assert!(got.iter().all(|(b, _, _)| b != "打赢"), "{got:?}");
    }

    #[test]
    fn a_frame_is_named_with_its_slot() {
        let f = Frame {
            before: "打赢",
            after: "阻击战",
            filled: Vec::new(),
            rank: 0.0,
        };
        assert_eq!(f.name(), "打赢…阻击战");
        assert_eq!(filler(&f, "打赢脱贫攻坚阻击战"), "脱贫攻坚");
    }
}
