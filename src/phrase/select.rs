//! Choosing among candidate phrases: the ranking order, the best few, and dropping strings that
//! say nothing a better one does not.

use std::collections::HashMap;

/// A candidate after pass 1: its text, spread and score.
#[derive(Clone, Debug)]
// Independent yes/no facts about one string; an enum would not fit them.
#[allow(clippy::struct_excessive_bools)]
pub(super) struct Candidate<'a> {
    pub(super) text: &'a str,
    pub(super) meetings: usize,
    pub(super) score: f64,
    /// False for a string in too few meetings to stand alone: it may only join a group as a
    /// variant (复产复工 once, beside 复工复产 everywhere).
    pub(super) leads: bool,
    /// Quoted somewhere: “健康码”.
    pub(super) quoted: bool,
    /// One idiom word: 铜墙铁壁.
    pub(super) idiom: bool,
    /// In the user's lexicon: it stands alone even in one meeting.
    pub(super) lexicon: bool,
}

/// Best first; on a tie the shorter string goes first: it is the formula, the longer one adds
/// context. Ties on text cannot happen (one candidate per string), so the order is total.
pub(super) fn rank(a: &Candidate, b: &Candidate) -> std::cmp::Ordering {
    b.score
        .total_cmp(&a.score)
        .then_with(|| a.text.len().cmp(&b.text.len()))
        .then_with(|| a.text.cmp(b.text))
}

/// The best `n` of `all`, in no particular order.
pub(super) fn best(mut all: Vec<Candidate<'_>>, n: usize) -> Vec<Candidate<'_>> {
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
pub(super) const FOLLOWERS_PER_LEADER: usize = 5;

/// Keeps the best `limit` leading candidates (and the best followers), dropping any that contains or lies within a better one
/// used in exactly as many meetings: the two always occur together, so only the better-ranked
/// says something (疫情防控阻击战 and 打赢疫情防控阻击战 seen in the same meetings are one phrase).
pub(super) fn drop_redundant(candidates: Vec<Candidate<'_>>, limit: usize) -> Vec<Candidate<'_>> {
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
