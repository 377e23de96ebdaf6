//! Pass 3 of phrase mining: every occurrence of the kept variants, found again in every
//! directive with one Aho–Corasick automaton, and traced to the document's bytes.

use std::collections::BTreeMap;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;

use crate::model::{Directive, Meeting, Span};
use crate::phrase::shape::LIST_MARK;
use crate::text::TextMap;

/// A found variant: which meeting and directive, its byte range in the directive text.
#[derive(Clone, Copy, Debug)]
pub(super) struct Hit {
    pub(super) meeting: u32,
    pub(super) directive: u32,
    pub(super) start: u32,
    pub(super) end: u32,
    pub(super) variant: u32,
}

/// How one variant is used: occurrences in any context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct VariantUse {
    pub(super) count: usize,
}

/// Per group: its occurrences, and per variant (index into `kept`) its use.
pub(super) type GroupHits = (Vec<Hit>, BTreeMap<u32, VariantUse>);

/// Pass 3: every occurrence of every kept variant, per group, and how often each variant occurs
/// in any context (外防输入 inside 外防输入、内防反弹 counts for both variants, but is one
/// occurrence of the group).
pub(super) fn pass_three(
    meetings: &[Meeting],
    kept: &[&str],
    groups: &[Vec<usize>],
) -> Vec<GroupHits> {
    let mut group_of = vec![usize::MAX; kept.len()];
    for (g, members) in groups.iter().enumerate() {
        for &v in members {
            group_of[v] = g;
        }
    }
    let pattern_of: Vec<usize> = groups.iter().flatten().copied().collect();
    let patterns: Vec<&str> = pattern_of.iter().map(|&v| kept[v]).collect();
    let mut per_group: Vec<GroupHits> = vec![(Vec::new(), BTreeMap::new()); groups.len()];
    let Ok(ac) = AhoCorasick::new(&patterns) else {
        return per_group;
    };
    let hits: Vec<Vec<Hit>> = meetings
        .par_iter()
        .with_max_len(8)
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
        let (hs, uses) = &mut per_group[group_of[h.variant as usize]];
        uses.entry(h.variant)
            .or_insert(VariantUse { count: 0 })
            .count += 1;
        hs.push(h);
    }
    for (hs, _) in &mut per_group {
        // A variant inside a longer variant of the same group is one use, not two. The outer
        // one is the use when it adds list members (外防输入 in 外防输入、内防反弹); when it only
        // adds words around the inner one (做好 in 做好内防反弹、外防输入), the inner one is.
        hs.sort_by_key(|h| (h.meeting, h.directive, h.start, std::cmp::Reverse(h.end)));
        let mut kept: Vec<Hit> = Vec::with_capacity(hs.len());
        for h in hs.drain(..) {
            let Some(k) = kept
                .last_mut()
                .filter(|k| k.meeting == h.meeting && k.directive == h.directive && h.end <= k.end)
            else {
                kept.push(h);
                continue;
            };
            let text = &meetings[h.meeting as usize].directives[h.directive as usize].text;
            let extra = |a: u32, b: u32| text.get(a as usize..b as usize).unwrap_or("");
            let adds_members = extra(k.start, h.start).contains(LIST_MARK)
                || extra(h.end, k.end).contains(LIST_MARK);
            if !adds_members {
                *k = h;
            }
        }
        *hs = kept;
    }
    per_group
}

/// How the uses of groups stand inside each other's ([`held_by`]).
pub(super) struct Holding {
    /// For each group, the other group whose uses hold most of its uses, and how many of its
    /// uses that is.
    pub(super) best: Vec<Option<(usize, usize)>>,
    /// For each group, the number of meetings where it has a use no other group's use holds.
    pub(super) free_meetings: Vec<usize>,
}

/// For each group, the other group whose uses hold most of its uses, and how many of its uses
/// that is (高质量 used inside 高质量发展), and the meetings where a use of it stands free. A use
/// holds another when it spans it and more, in the same directive; each use counts once per
/// group holding it.
pub(super) fn held_by(per_group: &[GroupHits]) -> Holding {
    let mut all: Vec<(u32, u32, u32, u32, usize)> = per_group
        .iter()
        .enumerate()
        .flat_map(|(g, (hs, _))| {
            hs.iter()
                .map(move |h| (h.meeting, h.directive, h.start, h.end, g))
        })
        .collect();
    all.sort_unstable_by_key(|&(m, d, s, e, g)| (m, d, s, std::cmp::Reverse(e), g));
    let mut counts: std::collections::HashMap<(usize, usize), usize> =
        std::collections::HashMap::new();
    let mut holders: Vec<usize> = Vec::new();
    // The last meeting each group was seen free in, and how many such meetings.
    let mut last_free: Vec<Option<u32>> = vec![None; per_group.len()];
    let mut free_meetings = vec![0usize; per_group.len()];
    for block in all.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
        for (i, &(m, _, s, e, g)) in block.iter().enumerate() {
            holders.clear();
            // Sorted by start, then longest first: every holder stands before the use.
            for &(_, _, hs, he, hg) in &block[..i] {
                if hs <= s && e <= he && he - hs > e - s && hg != g && !holders.contains(&hg) {
                    holders.push(hg);
                }
            }
            for &hg in &holders {
                *counts.entry((g, hg)).or_default() += 1;
            }
            if holders.is_empty() && last_free[g] != Some(m) {
                last_free[g] = Some(m);
                free_meetings[g] += 1;
            }
        }
    }
    let mut best: Vec<Option<(usize, usize)>> = vec![None; per_group.len()];
    for ((g, hg), n) in counts {
        let better =
            best[g].is_none_or(|(bg, bn)| (n, std::cmp::Reverse(hg)) > (bn, std::cmp::Reverse(bg)));
        if better {
            best[g] = Some((hg, n));
        }
    }
    Holding {
        best,
        free_meetings,
    }
}

/// One use of a group's variant found by [`find_variants`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the meeting in the slice searched.
    pub meeting: usize,
    /// Index of the directive in the meeting.
    pub directive: usize,
    /// Byte range in the directive's text.
    pub start: usize,
    /// End of that range.
    pub end: usize,
    /// Index of the variant in its group's list.
    pub variant: usize,
}

/// Every use of each group of `groups` (a group is its variants' strings) in the directives of
/// `meetings`, counted as phrase mining counts a group's occurrences: a variant inside a longer
/// variant of the same group is one use. A string listed in two groups counts for both.
pub fn find_variants(meetings: &[Meeting], groups: &[Vec<String>]) -> Vec<Vec<Found>> {
    let mut out: Vec<Vec<Found>> = vec![Vec::new(); groups.len()];
    // Groups are searched in layers within which no string is listed twice, since one automaton
    // gives each string to one group.
    let mut pending: Vec<usize> = (0..groups.len()).collect();
    while !pending.is_empty() {
        let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let mut layer = Vec::new();
        let mut later = Vec::new();
        for g in pending {
            let mut own: Vec<&str> = groups[g].iter().map(String::as_str).collect();
            own.sort_unstable();
            own.dedup();
            if own.iter().any(|v| seen.contains(v)) {
                later.push(g);
            } else {
                seen.extend(own);
                layer.push(g);
            }
        }
        let mut kept: Vec<&str> = Vec::new();
        let mut members: Vec<Vec<usize>> = Vec::new();
        for &g in &layer {
            let mut ids = Vec::new();
            for v in &groups[g] {
                if !v.is_empty() && !kept[kept.len() - ids.len()..].contains(&v.as_str()) {
                    ids.push(kept.len());
                    kept.push(v);
                }
            }
            members.push(ids);
        }
        let hits = pass_three(meetings, &kept, &members);
        for ((&g, ids), (hs, _)) in layer.iter().zip(&members).zip(hits) {
            let first = ids.first().copied().unwrap_or(0);
            out[g] = hs
                .into_iter()
                .map(|h| {
                    let text = kept[h.variant as usize];
                    Found {
                        meeting: h.meeting as usize,
                        directive: h.directive as usize,
                        start: h.start as usize,
                        end: h.end as usize,
                        variant: groups[g]
                            .iter()
                            .position(|v| v == text)
                            .unwrap_or(h.variant as usize - first),
                    }
                })
                .collect();
        }
        pending = later;
    }
    out
}

/// Per group, how often its variants occur in `pieces` of text (overlapping, as
/// [`pass_three`] counts them in directives).
pub(super) fn outside_counts(pieces: &[&str], kept: &[&str], groups: &[Vec<usize>]) -> Vec<usize> {
    let pattern_of: Vec<usize> = groups.iter().flatten().copied().collect();
    let mut group_of = vec![usize::MAX; kept.len()];
    for (g, members) in groups.iter().enumerate() {
        for &v in members {
            group_of[v] = g;
        }
    }
    let patterns: Vec<&str> = pattern_of.iter().map(|&v| kept[v]).collect();
    let Ok(ac) = AhoCorasick::builder()
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(&patterns)
        .or_else(|_| AhoCorasick::new(&patterns))
    else {
        return vec![0; groups.len()];
    };
    let n = groups.len();
    pieces
        .par_iter()
        .with_max_len(8)
        .fold(
            || vec![0usize; n],
            |mut c, piece| {
                for found in ac.find_overlapping_iter(*piece) {
                    let g = group_of[pattern_of[found.pattern().as_usize()]];
                    if g != usize::MAX {
                        c[g] += 1;
                    }
                }
                c
            },
        )
        .reduce(
            || vec![0usize; n],
            |mut a, b| {
                for (x, y) in a.iter_mut().zip(b) {
                    *x += y;
                }
                a
            },
        )
}

/// The bytes in the document's text of `range` of a directive's reader text.
pub fn to_document(directive: &Directive, doc_text: &str, range: std::ops::Range<usize>) -> Span {
    if directive.span.slice(doc_text) == directive.text {
        return Span::new(
            directive.span.start + range.start,
            directive.span.start + range.end,
        );
    }
    // The reader text dropped page-break line breaks; a text that differs otherwise is traced to
    // its whole directive.
    TextMap::new(doc_text, directive.span, &directive.text)
        .map_or(directive.span, |map| map.to_doc(range))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(meeting: u32, start: u32, end: u32) -> Hit {
        Hit {
            meeting,
            directive: 0,
            start,
            end,
            variant: 0,
        }
    }

    #[test]
    fn uses_held_by_longer_uses() {
        let group = |hits: Vec<Hit>| (hits, BTreeMap::new());
        // Group 0 is used three times, twice inside group 1 and once inside group 2; group 1 is
        // held by nothing; group 2 spans group 0's third use; a use in another meeting or
        // of equal span holds nothing.
        let groups = vec![
            group(vec![hit(0, 3, 9), hit(1, 0, 6), hit(2, 0, 6), hit(3, 0, 6)]),
            group(vec![hit(0, 3, 15), hit(1, 0, 12)]),
            group(vec![hit(2, 0, 9), hit(3, 0, 6), hit(4, 0, 12)]),
        ];
        let held = held_by(&groups);
        assert_eq!(held.best[0], Some((1, 2)));
        assert_eq!(held.best[1], None);
        assert_eq!(held.best[2], None);
        // Group 0 stands free only in meeting 3 (group 2's use there spans it no further);
        // groups 1 and 2 stand free wherever they are used.
        assert_eq!(held.free_meetings, vec![1, 2, 3]);
    }

    #[test]
    fn document_offsets_skip_line_breaks() {
        let doc = "会议强调，要复\n\n工复产";
        let at = doc.find('要').unwrap_or(0);
        let directive = Directive {
            text: "要复工复产".into(),
            span: Span::new(at, doc.len()),
            cue: String::new(),
        };
        let span = to_document(&directive, doc, "要".len().."要复工复产".len());
        assert_eq!(span.slice(doc), "复\n\n工复产");
    }
}
