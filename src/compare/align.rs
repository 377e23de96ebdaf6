//! Aligning two sets of directives clause to clause: two meetings, or two places.
//!
//! Directives are cut into clauses at Chinese clause punctuation. Candidate pairs come from an
//! inverted index of character bigrams over the right side, so only clauses that share wording
//! are ever scored (never all pairs). Each candidate is scored by the share of characters in the
//! longest common subsequence, and pairs are taken greedily, best first, one-to-one. The greedy
//! match does not force the two sides into the same order: reports often move a formula from the
//! opening to the closing paragraph, and a monotone alignment would drop one of two crossing
//! pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;

use serde::Serialize;

use super::diff::{TextDiff, diff};
use super::source::directive_source;
use crate::export::{Source, Table};
use crate::model::{MeetingId, Span};
use crate::pipeline::Analysis;
use crate::text::TextMap;

/// Settings for [`align_clauses`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignConfig {
    /// Cut at commas and enumeration marks too (`，,：:`), not only at sentence ends (`。；！？`).
    pub split_commas: bool,
    /// Lowest score for two clauses to be paired: the Dice share of characters in their longest
    /// common subsequence, punctuation aside (0–1).
    pub min_score: f64,
    /// Fewest shared bigrams for two clauses to be paired, so one shared word does not pair
    /// unrelated clauses.
    pub min_shared: usize,
    /// At most this many right clauses (those sharing the most bigrams) are scored for each
    /// left clause.
    pub max_candidates: usize,
    /// A bigram in more right clauses than this (or than 2% of them, whichever is more) does
    /// not nominate candidates.
    pub common_bigram: usize,
    /// Clauses shorter than this many characters (punctuation aside) are merged into the
    /// clause before them, since 精准施策 alone pairs with anything.
    pub min_chars: usize,
    /// Lowest score for two clauses sharing a formula (a phrase group with a formula's shape or
    /// more than one variant) to be paired: they say the same thing in other words, as
    /// 坚持两手抓、两手硬 and 真正把“两手抓、两手都要硬”的要求落到实处 do.
    pub related_score: f64,
}

impl Default for AlignConfig {
    fn default() -> Self {
        Self {
            split_commas: true,
            min_score: 0.3,
            min_shared: 2,
            max_candidates: 16,
            common_bigram: 200,
            min_chars: 6,
            related_score: 0.1,
        }
    }
}

/// One clause of a directive.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Clause {
    /// The meeting it comes from.
    pub meeting: MeetingId,
    /// Index of the directive in the meeting.
    pub directive: usize,
    /// The clause as a reader sees it.
    pub text: String,
    /// Byte range of the clause in the directive's text.
    pub range: Range<usize>,
    /// The clause's bytes in the document (the whole directive when its text cannot be mapped).
    pub span: Span,
    /// File, meeting, date and the directive sentence.
    pub source: Source,
    /// The formulae in the clause: ids of the phrase groups (with a formula's shape or more
    /// than one variant) that occur in it, filled in by [`align_meetings`] and [`align_sets`].
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<u32>,
}

/// One row of an alignment: a pair, or a clause of one side with no partner.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AlignedPair {
    /// Index into [`Alignment::left`], if this row has a left clause.
    pub left: Option<usize>,
    /// Index into [`Alignment::right`], if this row has a right clause.
    pub right: Option<usize>,
    /// The pair's score (see [`AlignConfig::min_score`]); 0 for an unpaired clause.
    pub score: f64,
    /// The character diff of the pair (left → right); for an unpaired clause, all of it on
    /// its own side.
    pub diff: TextDiff,
    /// The formula (phrase group id) both clauses carry, when that is what paired them: their
    /// wording alone scores below [`AlignConfig::min_score`].
    pub related_by: Option<u32>,
}

/// Two sides' clauses and the rows that align them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Left clauses in document order.
    pub left: Vec<Clause>,
    /// Right clauses in document order.
    pub right: Vec<Clause>,
    /// Every left clause once and every right clause once, in left order; an unpaired right
    /// clause follows the row of the paired right clause before it (or opens the list when no
    /// right clause before it is paired).
    pub rows: Vec<AlignedPair>,
}

impl Alignment {
    /// Number of rows that pair two clauses.
    pub fn paired(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.left.is_some() && r.right.is_some())
            .count()
    }

    /// The rows as a table: left clause, right clause, score, shared characters; each row's
    /// source is its left clause (or right clause when it has no left one).
    pub fn to_table(&self) -> Table {
        let mut t = Table::new(
            "对齐",
            ["左", "右", "相似度", "共有字数", "左会议", "右会议"],
        );
        for r in &self.rows {
            let l = r.left.and_then(|i| self.left.get(i));
            let rt = r.right.and_then(|i| self.right.get(i));
            t.push(
                vec![
                    l.map(|c| c.text.clone()).unwrap_or_default(),
                    rt.map(|c| c.text.clone()).unwrap_or_default(),
                    format!("{:.2}", r.score),
                    r.diff.shared_chars.to_string(),
                    l.map(|c| c.meeting.to_string()).unwrap_or_default(),
                    rt.map(|c| c.meeting.to_string()).unwrap_or_default(),
                ],
                l.or(rt).map(|c| c.source.clone()),
            );
        }
        t
    }
}

/// Aligns the directives of meetings `a` and `b`; `None` when either id is unknown.
pub fn align_meetings(
    analysis: &Analysis,
    a: MeetingId,
    b: MeetingId,
    config: &AlignConfig,
) -> Option<Alignment> {
    analysis.meeting(a)?;
    analysis.meeting(b)?;
    Some(align_sets(analysis, &[a], &[b], config))
}

/// Aligns the directives of meetings `a` with those of meetings `b` (every meeting of two
/// places, say), in the order given.
pub fn align_sets(
    analysis: &Analysis,
    a: &[MeetingId],
    b: &[MeetingId],
    config: &AlignConfig,
) -> Alignment {
    let (mut left, mut right) = (clauses(analysis, a, config), clauses(analysis, b, config));
    mark_formulae(analysis, &mut left);
    mark_formulae(analysis, &mut right);
    align_clauses(left, right, config)
}

/// A group is a formula worth pairing clauses by when its shape says so (numbered, parallel,
/// a list, quoted, an idiom, the user's word) or when places write it in more than one way.
fn is_formula(g: &crate::model::PhraseGroup) -> bool {
    g.variants.len() > 1 || g.parts.marks.iter().any(|m| m != "policy term")
}

/// Fills in each clause's [`Clause::groups`]: the formulae whose occurrences lie inside it.
pub fn mark_formulae(analysis: &Analysis, clauses: &mut [Clause]) {
    let mut at: HashMap<(MeetingId, usize), Vec<usize>> = HashMap::new();
    for (k, c) in clauses.iter().enumerate() {
        at.entry((c.meeting, c.directive)).or_default().push(k);
    }
    for g in analysis.phrases.iter().filter(|g| is_formula(g)) {
        for o in &g.occurrences {
            let Some(ks) = at.get(&(o.meeting, o.directive)) else {
                continue;
            };
            for &k in ks {
                let c = &mut clauses[k];
                let inside = o.span.start >= c.span.start && o.span.end <= c.span.end;
                if inside && !c.groups.contains(&g.id) {
                    c.groups.push(g.id);
                }
            }
        }
    }
    for c in clauses {
        c.groups.sort_unstable();
    }
}

/// The clauses of the directives of `meetings`, in meeting then text order.
pub fn clauses(analysis: &Analysis, meetings: &[MeetingId], config: &AlignConfig) -> Vec<Clause> {
    let mut out = Vec::new();
    for &id in meetings {
        let Some(m) = analysis.meeting(id) else {
            continue;
        };
        let doc = analysis.document_of(m).map_or("", |d| &d.text);
        for (di, d) in m.directives.iter().enumerate() {
            let Some(source) = directive_source(analysis, id, di) else {
                continue;
            };
            let map = TextMap::new(doc, d.span, &d.text);
            for range in split_clauses(&d.text, config) {
                out.push(Clause {
                    meeting: id,
                    directive: di,
                    text: d.text[range.clone()].to_string(),
                    span: map.as_ref().map_or(d.span, |mp| mp.to_doc(range.clone())),
                    range,
                    source: source.clone(),
                    groups: Vec::new(),
                });
            }
        }
    }
    out
}

/// Byte ranges of the clauses of `text`: cut after each clause mark, trimmed of blanks, short
/// pieces merged into the piece before (or after, at the start).
pub fn split_clauses(text: &str, config: &AlignConfig) -> Vec<Range<usize>> {
    let is_cut = |c: char| {
        matches!(c, '。' | '；' | ';' | '！' | '!' | '？' | '?' | '\n')
            || (config.split_commas && matches!(c, '，' | ',' | '：' | ':'))
    };
    let mut pieces: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if is_cut(c) {
            pieces.push(start..i + c.len_utf8());
            start = i + c.len_utf8();
        }
    }
    pieces.push(start..text.len());
    let mut out: Vec<Range<usize>> = Vec::new();
    for p in pieces {
        let piece = &text[p.clone()];
        let lead = piece.len() - piece.trim_start().len();
        let p = p.start + lead..p.start + piece.trim_end().len();
        if p.is_empty() {
            continue;
        }
        let short = content_chars(&text[p.clone()]) < config.min_chars;
        match out.last_mut() {
            Some(last) if short || content_chars(&text[last.clone()]) < config.min_chars => {
                last.end = p.end;
            }
            _ => out.push(p),
        }
    }
    out
}

/// Characters that carry meaning: letters and digits, not punctuation or blanks.
pub(crate) fn content_chars(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// The letters and digits of `s`, punctuation and blanks left out.
pub(crate) fn content(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The set of character bigrams of `s`, punctuation and blanks left out so 两手抓、两手硬 and
/// “两手抓、两手硬” shingle alike.
pub(crate) fn bigrams(s: &str) -> BTreeSet<(char, char)> {
    let chars: Vec<char> = s.chars().filter(|c| c.is_alphanumeric()).collect();
    chars.windows(2).map(|w| (w[0], w[1])).collect()
}

/// The first formula two clauses both carry.
fn shared_formula(a: &Clause, b: &Clause) -> Option<u32> {
    a.groups.iter().find(|g| b.groups.contains(g)).copied()
}

/// Pairs `left` with `right` clause to clause (see the module docs) and diffs every pair.
pub fn align_clauses(left: Vec<Clause>, right: Vec<Clause>, config: &AlignConfig) -> Alignment {
    let lgrams: Vec<BTreeSet<(char, char)>> = left.iter().map(|c| bigrams(&c.text)).collect();
    let rgrams: Vec<BTreeSet<(char, char)>> = right.iter().map(|c| bigrams(&c.text)).collect();
    // A hash index is fine here: it is only looked up, never iterated, so its order cannot
    // reach the output.
    let mut index: HashMap<(char, char), Vec<usize>> = HashMap::new();
    for (j, g) in rgrams.iter().enumerate() {
        for b in g {
            index.entry(*b).or_default().push(j);
        }
    }
    // Candidates: the right clauses that share enough bigrams, counted through the index. Only
    // those are scored, by the share of characters in their longest common subsequence, which
    // credits 两手抓、两手都要硬 ~ 两手抓、两手硬 where bigram sets lose every pair around 都要.
    let lcontent: Vec<String> = left.iter().map(|c| content(&c.text)).collect();
    let rcontent: Vec<String> = right.iter().map(|c| content(&c.text)).collect();
    let mut candidates: Vec<(f64, usize, usize, Option<u32>)> = Vec::new();
    // A dense counter reused for every left clause; `touched` lists what to read and reset.
    let mut shared = vec![0_usize; right.len()];
    let mut touched: Vec<usize> = Vec::new();
    // Bigrams found in very many right clauses (工作, 发展 in a large corpus) would make every
    // lookup touch most of the right side; they are left out of candidate counting once the
    // side is large. Small sides (two meetings, two places) never reach the cap.
    let cap = config.common_bigram.max(right.len() / 50);
    let mut by_formula: HashMap<u32, Vec<usize>> = HashMap::new();
    for (j, c) in right.iter().enumerate() {
        for &g in &c.groups {
            by_formula.entry(g).or_default().push(j);
        }
    }
    let formula_cap = config.max_candidates.max(right.len() / 20);
    for (i, g) in lgrams.iter().enumerate() {
        for b in g {
            let postings = index.get(b).map_or(&[][..], Vec::as_slice);
            if postings.len() > cap {
                continue;
            }
            for &j in postings {
                if shared[j] == 0 {
                    touched.push(j);
                }
                shared[j] += 1;
            }
        }
        // Only the clauses sharing the most bigrams are diffed, so a left clause costs a
        // bounded number of diffs however many right clauses mention 疫情防控.
        // The bigram Dice is a cheap first cut: clauses that share few bigrams for their
        // length are not worth a diff. Half the final threshold keeps reworded pairs such as
        // 两手抓、两手都要硬 ~ 两手抓、两手硬 (bigram Dice 0.23, final score 0.39).
        let mut best: Vec<(usize, usize)> = touched
            .iter()
            .map(|&j| (shared[j], j))
            .filter(|&(n, j)| {
                n >= config.min_shared
                    && 2.0 * n as f64 / (g.len() + rgrams[j].len()) as f64 >= config.min_score / 2.0
            })
            .collect();
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        best.truncate(config.max_candidates);
        let mut scored: Vec<usize> = Vec::with_capacity(best.len());
        for (_, j) in best {
            scored.push(j);
            let score = diff(&lcontent[i], &rcontent[j]).similarity();
            if score >= config.min_score {
                candidates.push((score, i, j, None));
            } else if let Some(g) = shared_formula(&left[i], &right[j]) {
                if score >= config.related_score {
                    candidates.push((score, i, j, Some(g)));
                }
            }
        }
        // Clauses carrying the same formula are related however differently the rest is
        // worded; a formula in very many right clauses nominates none.
        for &g in &left[i].groups {
            let with = by_formula.get(&g).map_or(&[][..], Vec::as_slice);
            if with.len() > formula_cap {
                continue;
            }
            for &j in with {
                if scored.contains(&j) {
                    continue;
                }
                scored.push(j);
                let score = diff(&lcontent[i], &rcontent[j]).similarity();
                if score >= config.min_score {
                    candidates.push((score, i, j, None));
                } else if score >= config.related_score {
                    candidates.push((score, i, j, Some(g)));
                }
            }
        }
        for j in touched.drain(..) {
            shared[j] = 0;
        }
    }
    // Pairs by wording first, best score first, ties to the earlier clauses so the result is
    // stable; pairs by a shared formula only take clauses left over.
    candidates.sort_by(|a, b| {
        a.3.is_some()
            .cmp(&b.3.is_some())
            .then(b.0.total_cmp(&a.0))
            .then(a.1.cmp(&b.1))
            .then(a.2.cmp(&b.2))
    });
    let mut left_of: Vec<Option<(usize, f64)>> = vec![None; right.len()];
    let mut right_of: Vec<Option<(usize, f64, Option<u32>)>> = vec![None; left.len()];
    for (score, i, j, by) in candidates {
        if right_of[i].is_none() && left_of[j].is_none() {
            right_of[i] = Some((j, score, by));
            left_of[j] = Some((i, score));
        }
    }
    // Rows in left order; an unpaired right clause goes after the row holding the right
    // clause before it, so each side still reads in order where it can.
    let mut rows: Vec<AlignedPair> = Vec::new();
    let mut row_of_right: Vec<Option<usize>> = vec![None; right.len()];
    for (i, l) in left.iter().enumerate() {
        let pair = right_of[i];
        if let Some((j, _, _)) = pair {
            row_of_right[j] = Some(rows.len());
        }
        rows.push(AlignedPair {
            left: Some(i),
            right: pair.map(|p| p.0),
            score: pair.map_or(0.0, |p| p.1),
            diff: diff(&l.text, pair.map_or("", |p| &right[p.0].text)),
            related_by: pair.and_then(|p| p.2),
        });
    }
    // Unpaired right clauses by the row they go before (`rows.len()` for the end).
    let mut inserts: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut after: usize = 0;
    for (j, row) in row_of_right.iter().enumerate() {
        match row {
            Some(row) => after = row + 1,
            None => inserts.entry(after).or_default().push(j),
        }
    }
    let unpaired = |j: usize| AlignedPair {
        left: None,
        right: Some(j),
        score: 0.0,
        diff: diff("", &right[j].text),
        related_by: None,
    };
    let mut merged = Vec::with_capacity(rows.len() + right.len());
    for (k, row) in rows.into_iter().enumerate() {
        for j in inserts.remove(&k).unwrap_or_default() {
            merged.push(unpaired(j));
        }
        merged.push(row);
    }
    for j in inserts.into_values().flatten() {
        merged.push(unpaired(j));
    }
    let rows = merged;
    Alignment { left, right, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{Fixture, seed};

    const YK_TWO_HANDS: &str = "章旭升强调,要坚持两手抓、两手硬,以疫情防控工作为主线,更好统筹推进疫情防控和经济社会发展各项工作,着力抓好两会筹备、工业经济转型升级和城市建设项目谋划、深入推进社会治理和数字化改革等工作,巩固向上向好良好态势,努力为全市大局多作贡献,用务实作风和发展实绩回应群众期盼。";
    const SZ_OPENING: &str =
        "会议强调,全市上下要坚持问题导向,化危为机,精准施策,统筹推进疫情防控和经济社会发展。";
    const SZ_RESUME: &str = "要全力帮助企业复工复产,全面落实惠企政策礼包,全力解决用工紧张、用电恢复、产业链协同等关键问题,充分发挥“驻企指导员”作用,使企业尽快恢复生产,推动疫情图和复工图相配,真正把“两手抓、两手硬”的要求落到实处。";

    fn seeds_002_004() -> (Analysis, MeetingId, MeetingId) {
        let mut f = Fixture::new();
        let a = f.doc("seed:002.txt", seed(2));
        let b = f.doc("seed:004.txt", seed(4));
        let ma = f.meeting(a, "永康", "2022-01-04", &[YK_TWO_HANDS]);
        let mb = f.meeting(b, "嵊州", "2020-02-18", &[SZ_OPENING, SZ_RESUME]);
        (f.analysis, ma, mb)
    }

    /// Aligns the seed meetings and checks that the left clause containing `left` is paired
    /// with the right clause containing `right` (or unpaired when `right` is empty).
    fn check(left: &str, right: &str) {
        let (analysis, a, b) = seeds_002_004();
        let al = align_meetings(&analysis, a, b, &AlignConfig::default()).unwrap();
        let row = al
            .rows
            .iter()
            .find(|r| r.left.is_some_and(|i| al.left[i].text.contains(left)))
            .unwrap_or_else(|| panic!("no left clause with {left}"));
        let got = row.right.map_or("", |j| al.right[j].text.as_str());
        if right.is_empty() {
            assert_eq!(got, "", "{left} should be unpaired");
        } else {
            assert!(
                got.contains(right),
                "{left} paired with {got:?}, expected {right}"
            );
        }
    }

    #[test]
    fn seed_two_hands_clauses_pair() {
        check("两手抓、两手硬", "真正把“两手抓、两手硬”的要求落到实处");
        check(
            "更好统筹推进疫情防控和经济社会发展各项工作",
            "统筹推进疫情防控和经济社会发展。",
        );
        check("用务实作风和发展实绩回应群众期盼", "");
        check("着力抓好两会筹备", "");
    }

    #[test]
    fn every_clause_appears_once_and_spans_point_at_it() {
        let (analysis, a, b) = seeds_002_004();
        let al = align_meetings(&analysis, a, b, &AlignConfig::default()).unwrap();
        let mut lefts: Vec<usize> = al.rows.iter().filter_map(|r| r.left).collect();
        let mut rights: Vec<usize> = al.rows.iter().filter_map(|r| r.right).collect();
        lefts.sort_unstable();
        rights.sort_unstable();
        assert_eq!(lefts, (0..al.left.len()).collect::<Vec<_>>());
        assert_eq!(rights, (0..al.right.len()).collect::<Vec<_>>());
        for c in al.left.iter().chain(&al.right) {
            let doc =
                &analysis.documents[analysis.meetings[c.meeting.0 as usize].doc.0 as usize].text;
            let raw: String = c
                .span
                .slice(doc)
                .chars()
                .filter(|ch| !matches!(ch, '\n' | '\r'))
                .collect();
            assert_eq!(raw, c.text);
        }
        assert!(al.paired() >= 2);
    }

    #[test]
    fn clauses_sharing_a_formula_pair_though_worded_apart() {
        let clause = |t: &str, groups: &[u32]| Clause {
            meeting: MeetingId(0),
            directive: 0,
            text: t.to_string(),
            range: 0..t.len(),
            span: Span::new(0, t.len()),
            source: Source::default(),
            groups: groups.to_vec(),
        };
        let long = "要进一步压实各级各部门责任真正把两手抓两手都要硬的要求落到实处确保有序推进";
        let short = "坚持两手抓、两手硬";
        let other = "全面落实惠企政策礼包";
        let config = AlignConfig::default();
        // By wording alone the two score below the threshold and stay apart.
        let plain = align_clauses(
            vec![clause(long, &[])],
            vec![clause(other, &[]), clause(short, &[])],
            &config,
        );
        assert_eq!(plain.paired(), 0);
        // Both carry formula 7: they are paired, and the row says by what.
        let al = align_clauses(
            vec![clause(long, &[7])],
            vec![clause(other, &[3]), clause(short, &[7])],
            &config,
        );
        assert_eq!(al.paired(), 1);
        let row = al
            .rows
            .iter()
            .find(|r| r.left.is_some() && r.right.is_some());
        assert_eq!(
            row.map(|r| (r.right, r.related_by)),
            Some((Some(1), Some(7)))
        );
        assert!(row.is_some_and(|r| r.score < config.min_score && r.score > 0.0));
        // A pair by wording is taken before a pair by formula.
        let close = "要坚持两手抓两手都要硬的要求";
        let al = align_clauses(
            vec![clause(long, &[7]), clause(close, &[7])],
            vec![clause(short, &[7])],
            &config,
        );
        let row = al
            .rows
            .iter()
            .find(|r| r.left.is_some() && r.right.is_some());
        assert_eq!(row.map(|r| (r.left, r.related_by)), Some((Some(1), None)));
    }

    #[test]
    fn seed_clauses_carry_the_formulae_found_in_them() {
        let mut f = Fixture::new();
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        let a = f.meeting(yk, "永康", "2022-01-04", &[YK_TWO_HANDS]);
        let b = f.meeting(sz, "嵊州", "2020-02-18", &[SZ_OPENING, SZ_RESUME]);
        let two_hands = f.group(&["两手抓、两手硬", "两手抓、两手都要硬"]);
        let analysis = f.analysis;
        let Some(al) = align_meetings(&analysis, a, b, &AlignConfig::default()) else {
            panic!("both meetings are there");
        };
        let marked: Vec<&Clause> = al.left.iter().filter(|c| !c.groups.is_empty()).collect();
        assert!(!marked.is_empty());
        for c in marked {
            for g in &c.groups {
                let group = analysis.phrase_group(*g);
                assert!(
                    group.is_some_and(|p| p.occurrences.iter().any(|o| o.meeting == c.meeting
                        && o.span.start >= c.span.start
                        && o.span.end <= c.span.end)),
                    "{} in {}",
                    g,
                    c.text
                );
            }
        }
        assert!(al.left.iter().any(|c| c.groups == [two_hands]));
        assert!(al.right.iter().any(|c| c.groups == [two_hands]));
    }

    #[test]
    fn unknown_meeting_is_none() {
        let (analysis, a, _) = seeds_002_004();
        assert!(align_meetings(&analysis, a, MeetingId(9), &AlignConfig::default()).is_none());
    }

    /// Aligns plain clauses and renders the rows as `left=right` (`-` for no clause).
    fn check_rows(left: &[&str], right: &[&str], expect: &[&str]) {
        let clause = |t: &&str| Clause {
            meeting: MeetingId(0),
            directive: 0,
            text: (*t).to_string(),
            range: 0..t.len(),
            span: Span::new(0, t.len()),
            source: Source::default(),
            groups: Vec::new(),
        };
        let al = align_clauses(
            left.iter().map(clause).collect(),
            right.iter().map(clause).collect(),
            &AlignConfig::default(),
        );
        let got: Vec<String> = al
            .rows
            .iter()
            .map(|r| {
                let l = r.left.map_or("-", |i| left[i]);
                let rt = r.right.map_or("-", |j| right[j]);
                format!("{l}={rt}")
            })
            .collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn unpaired_right_clauses_keep_their_place() {
        check_rows(
            &["坚持内防反弹、外防输入", "形成群防群控的良好氛围"],
            &[
                "加强市民个人防护",
                "营造群防群治的良好氛围",
                "严格落实外防输入、内防反弹",
                "抓紧抓实抓细",
            ],
            &[
                "-=加强市民个人防护",
                "坚持内防反弹、外防输入=严格落实外防输入、内防反弹",
                "-=抓紧抓实抓细",
                "形成群防群控的良好氛围=营造群防群治的良好氛围",
            ],
        );
        check_rows(&["慎终如始"], &[], &["慎终如始=-"]);
        check_rows(&[], &["铜墙铁壁"], &["-=铜墙铁壁"]);
        check_rows(
            &["毫不放松抓紧抓实抓细各项防控工作"],
            &["从严从紧从快"],
            &["-=从严从紧从快", "毫不放松抓紧抓实抓细各项防控工作=-"],
        );
    }

    fn check_split(text: &str, expect: &[&str]) {
        let got: Vec<&str> = split_clauses(text, &AlignConfig::default())
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(got, expect, "text {text}");
    }

    #[test]
    fn clauses_split_at_marks_and_merge_short_pieces() {
        check_split(
            "会议强调,全市上下要坚持问题导向,化危为机,精准施策,统筹推进疫情防控和经济社会发展。",
            &[
                "会议强调,全市上下要坚持问题导向,化危为机,精准施策,",
                "统筹推进疫情防控和经济社会发展。",
            ],
        );
        check_split(
            "要坚持疫情防控不松懈；加强重点人员管控。",
            &["要坚持疫情防控不松懈；", "加强重点人员管控。"],
        );
        check_split(
            "坚持内防反弹、外防输入，紧盯重点人群、重点工作，深化流调溯源",
            &[
                "坚持内防反弹、外防输入，",
                "紧盯重点人群、重点工作，",
                "深化流调溯源",
            ],
        );
        check_split("  慎终如始。 ", &["慎终如始。"]);
        check_split("", &[]);
    }
}
