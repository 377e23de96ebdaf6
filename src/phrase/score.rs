//! How a phrase group is scored, in four named parts that multiply:
//!
//! - **shape**: how formula-like its string is — numbered (四个意识), parallel (抓紧抓实抓细,
//!   外防输入、内防反弹), a list, quoted, a four-character idiom, a policy or user term;
//! - **fixedness**: whether it recurs whole while what stands left and right of it varies (the
//!   branching entropy of its neighbouring characters): a fragment such as 疫情防控这根 is
//!   always followed by 弦;
//! - **spread**: places, then meetings, then outlets;
//! - **specificity**: how much more often it occurs in directives than in general text
//!   ([`reference`](super::reference)) and, when the corpus has enough of it, in the corpus's
//!   own text outside directives.
//!
//! The weights are data ([`ScoreWeights`]), so tuning the ranking changes a config, not code.

use std::collections::HashMap;

use crate::model::ScoreParts;
use crate::phrase::Segmenter;
use crate::phrase::shape::Shape;

/// The weights of the phrase score, part of [`super::MineConfig`] and so of
/// `pipeline::Config::phrases`.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreWeights {
    /// Added for a numbered formula: 四个意识, 两个维护, 一是…二是….
    pub numbered: f64,
    /// Added for parallel members: 外防输入、内防反弹; 抓紧抓实抓细.
    pub parallel: f64,
    /// Added for each parallel unit or list member beyond two: 有力有序有效 over 有力有序.
    pub per_member: f64,
    /// Added when the string is quoted somewhere: “健康码”.
    pub quoted: f64,
    /// Added for one idiom word (成语): 铜墙铁壁.
    pub idiom: f64,
    /// Added when the policy dictionary knows the string: 复工复产. Off by default: that
    /// dictionary keeps general vocabulary (人民群众, 决策部署) whole for segmentation, and
    /// being listed there says nothing of being a formula.
    pub policy_term: f64,
    /// Added when the user's lexicon lists the string.
    pub lexicon: f64,
    /// Added for a pattern with an open slot (压实…责任): its fixed words recur around fillers
    /// that vary.
    pub slot: f64,
    /// Strings with fewer characters than this count as short.
    pub short_chars: usize,
    /// What a short, unnumbered, unquoted string's shape is multiplied by.
    pub short_factor: f64,
    /// What the shape of one word of ordinary vocabulary ([`Segmenter::is_general_word`]:
    /// 人民群众, 高度重视) is multiplied by, when nothing else marks it as a formula.
    pub word_factor: f64,
    /// How much each place the phrase is used in adds to its spread.
    pub place_weight: f64,
    /// How much the log of its meeting count adds to its spread.
    pub meeting_weight: f64,
    /// How much the log of its outlet count adds to its spread.
    pub outlet_weight: f64,
    /// How much fixedness (0–1) weighs: the factor is `1 - w + w × fixedness`.
    pub fixed_weight: f64,
    /// Specificity (log10 of directive over general rate) at which its factor is 1.
    pub specific_at: f64,
    /// Least and most the specificity factor can be.
    pub specific_range: (f64, f64),
    /// Fewest words of non-directive text before the corpus's own is used as a reference.
    pub min_general_words: usize,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        Self {
            numbered: 1.5,
            parallel: 1.5,
            per_member: 0.25,
            quoted: 1.0,
            idiom: 1.0,
            policy_term: 0.0,
            lexicon: 1.5,
            slot: 1.0,
            short_chars: 4,
            short_factor: 0.5,
            word_factor: 0.5,
            place_weight: 1.0,
            meeting_weight: 1.0,
            outlet_weight: 0.25,
            fixed_weight: 1.0,
            specific_at: 3.0,
            specific_range: (0.3, 1.5),
            min_general_words: 20_000,
        }
    }
}

/// The marks of a formula found on one string, as [`ScoreWeights::shape`] reads them.
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks {
    /// Quoted somewhere.
    pub quoted: bool,
    /// One idiom word (成语) where it was seen.
    pub idiom: bool,
    /// In the user's lexicon.
    pub lexicon: bool,
}

impl ScoreWeights {
    /// How formula-like `text` is, from its shape and marks, with the names of the marks found.
    pub fn shape(&self, text: &str, marks: Marks, seg: &Segmenter) -> (f64, Vec<&'static str>) {
        let mut shape = Shape::of(text);
        // 中共中央 repeats 中 as 联防联控 repeats 联, but it names a body: no series.
        if shape.parallel && !shape.list && seg.is_name(text) {
            shape.parallel = false;
            shape.members = 1;
        }
        let mut f = 1.0;
        let mut names = Vec::new();
        let mut add = |on: bool, bonus: f64, name: &'static str| {
            if on && (bonus > 0.0 || name == "list") {
                f += bonus;
                names.push(name);
            }
        };
        add(shape.numbered, self.numbered, "numbered");
        add(shape.parallel, self.parallel, "parallel");
        add(shape.list && !shape.parallel, 0.0, "list");
        add(marks.quoted, self.quoted, "quoted");
        add(marks.idiom, self.idiom, "idiom");
        add(seg.is_policy_term(text), self.policy_term, "policy term");
        add(marks.lexicon, self.lexicon, "lexicon");
        if shape.parallel || shape.list {
            f += self.per_member * shape.members.saturating_sub(2) as f64;
        }
        if text.chars().count() < self.short_chars && !shape.numbered && !marks.quoted {
            f *= self.short_factor;
        }
        // One word of the general dictionary is vocabulary, not a formula, unless its shape,
        // quotation marks or the user say otherwise; so are four characters of two common words
        // that jieba leaves apart (全面推进, 加快建设, 中华民族, 重点工作), which a collocation
        // of usage is, while 外防输入, 疫情防控 or 深刻领悟 hold a rare half.
        let marked = shape.numbered || shape.parallel || shape.list || marks.quoted;
        let usage = |t: &str| {
            seg.is_general_word(t)
                || (!seg.is_user_word(t) && super::reference::joins_common_words(t))
        };
        // A pair of such words opening on one character is vocabulary as well (重要工作、重点项目,
        // 省委、省政府): only the character is shared. Pairs that rhyme or are set phrases
        // (形式主义、官僚主义, 高标准、严要求) and series of three or more
        // (重点人群、重点领域、重点环境) are the formula's own.
        let members = super::shape::list_items(text);
        let pair_of_words = shape.list
            && !shape.numbered
            && members.len() == 2
            && members[0].chars().next() == members[1].chars().next()
            && members.iter().all(|m| usage(m) && !seg.is_idiom(m));
        let free = !marks.quoted && !marks.lexicon && !marks.idiom;
        if free && pair_of_words {
            // Its list and series marks say nothing of a formula.
            f = self.word_factor;
            names.retain(|n| !matches!(*n, "parallel" | "list"));
            names.push("vocabulary");
        } else if free && !marked && usage(text) {
            f *= self.word_factor;
            names.push("vocabulary");
        }
        // A session's name (二十届三中全会, 三中全会精神) dates what is said; it is no formula.
        if !marks.lexicon && names_a_session(text) {
            f *= self.word_factor;
            names.push("session");
        }
        (f, names)
    }

    /// How formula-like `text` is, from 1 (plain words) up.
    pub fn formulaicity(&self, text: &str, marks: Marks, seg: &Segmenter) -> f64 {
        self.shape(text, marks, seg).0
    }

    /// Spread: places count most, then meetings and outlets, on a log scale so that one very
    /// common collocation cannot drown the formulae.
    pub fn spread(&self, places: usize, meetings: usize, outlets: usize) -> f64 {
        (1.0 + places as f64 * self.place_weight)
            * (1.0 + (meetings.max(1) as f64).ln() * self.meeting_weight)
            * (1.0 + (outlets.max(1) as f64).ln() * self.outlet_weight)
    }

    /// What fixedness (0–1) multiplies the score by.
    pub fn fixed_factor(&self, fixedness: f64) -> f64 {
        1.0 - self.fixed_weight + self.fixed_weight * fixedness.clamp(0.0, 1.0)
    }

    /// What specificity (log10 of the directive rate over the general rate) multiplies the
    /// score by.
    pub fn specific_factor(&self, specificity: f64) -> f64 {
        let (lo, hi) = self.specific_range;
        (specificity / self.specific_at).clamp(lo, hi)
    }

    /// The score of `parts`: the product of its four factors.
    pub fn total(&self, parts: &ScoreParts) -> f64 {
        round3(
            parts.shape
                * parts.spread
                * self.fixed_factor(parts.fixedness)
                * self.specific_factor(parts.specificity),
        )
    }
}

/// Whether `text` names a Party or congress session: a plenum (三中全会) or a numbered term's
/// session (二十届…全会, 十四届…代表大会).
fn names_a_session(text: &str) -> bool {
    text.contains("中全会")
        || (text.contains('届') && (text.contains("全会") || text.contains("代表大会")))
}

/// The characters just before and after one use of a string; `None` at a clause boundary.
pub type Neighbours = (Option<char>, Option<char>);

/// The number of uses beyond which more uses do not raise the entropy a varied context is
/// expected to reach.
const FIXEDNESS_USES: f64 = 16.0;

/// Characters that bind what follows them to what stands before: a particle or a preposition
/// (的党中央, 为核心的…, 以人民为中心), never the verb a formula is the object of.
const BINDING: &[char] = &['的', '之', '为', '以', '与', '和', '及', '于', '而'];

/// Of the uses, at least this share (in fifths) after one binding character makes that side
/// count whole.
const BOUND_FIFTHS: usize = 4;

/// How varied the neighbours of a string's occurrences are, from 0 (always the same character
/// on one side: a fragment of something longer) to 1 (different each time). Each side's
/// branching entropy is smoothed so that two occurrences with one neighbour are not called
/// fragments as firmly as twenty; a side at a clause boundary (`None`) counts as a new
/// neighbour each time, since the string is closed there. The string's fixedness is its less
/// varied side, the left side counting half, unless what stands there is mostly one binding
/// character ([`BINDING`]).
pub fn fixedness(neighbours: &[Neighbours]) -> f64 {
    if neighbours.len() < 2 {
        return 1.0;
    }
    // The side's smoothed entropy, and its most frequent character with its count.
    let side = |pick: &dyn Fn(&Neighbours) -> Option<char>| {
        let mut counts: HashMap<char, usize> = HashMap::new();
        let mut open = 0usize;
        for n in neighbours {
            match pick(n) {
                Some(c) => *counts.entry(c).or_default() += 1,
                None => open += 1,
            }
        }
        let total = neighbours.len() as f64;
        let p = |k: usize| k as f64 / total;
        let entropy: f64 = counts.values().map(|&k| -p(k) * p(k).ln()).sum::<f64>()
            + open as f64 * -(p(1) * p(1).ln());
        let top = counts
            .iter()
            .max_by_key(|&(c, k)| (*k, std::cmp::Reverse(*c)))
            .map(|(&c, &k)| (c, k));
        // Past a few dozen uses the entropy a varied context reaches is bounded by the words
        // that can stand there, not by the number of uses.
        let varied = ((entropy + 0.5) / (total.min(FIXEDNESS_USES).ln() + 0.5)).min(1.0);
        (varied, top)
    };
    // A formula is often the object of one fixed verb (打赢…阻击战, 增强…四个意识), so a
    // uniform left side is weaker evidence of a fragment than a uniform right side (推进中国式
    // is always followed by 现代化): the left side counts half. A particle or preposition
    // there is no verb: 核心的党中央, always after 为, is cut out of 为核心的党中央.
    let (left, top_left) = side(&|n| n.0);
    let (right, _) = side(&|n| n.1);
    let bound = top_left
        .is_some_and(|(c, k)| BINDING.contains(&c) && k * 5 >= neighbours.len() * BOUND_FIFTHS);
    if bound {
        right.min(left)
    } else {
        right.min(0.5 + left / 2.0)
    }
}

/// Specificity: log10 of how much more often a string occurs per word of directives than per
/// word of general text. `general_log10` is the reference's rate; `own` is the corpus's own
/// count and word total outside directives, used alongside it when given.
pub fn specificity(
    count: usize,
    directive_words: usize,
    general_log10: f64,
    own: Option<(usize, usize)>,
) -> f64 {
    let directive = ((count.max(1) as f64) / (directive_words.max(1) as f64)).log10();
    let general = match own {
        Some((c, words)) => {
            let own = ((c as f64 + 0.5) / words.max(1) as f64).log10();
            f64::midpoint(general_log10, own)
        }
        None => general_log10,
    };
    round3(directive - general)
}

/// `x` to three decimals, so scores print and compare stably.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shape part with the dictionary bonus off, so only the string's shape and marks count.
    fn check(text: &str, quoted: bool, idiom: bool, expect: f64) {
        let seg = Segmenter::new();
        let weights = ScoreWeights {
            policy_term: 0.0,
            ..ScoreWeights::default()
        };
        let marks = Marks {
            quoted,
            idiom,
            lexicon: false,
        };
        let got = weights.formulaicity(text, marks, &seg);
        assert!(
            (got - expect).abs() < 1e-9,
            "{text}: {got}, expected {expect}"
        );
    }

    #[test]
    fn formula_marks_add_up() {
        check("铜墙铁壁", false, true, 2.0);
        check("“健康码”", true, false, 2.0);
        check("外防输入、内防反弹", false, false, 2.5);
        check("四个意识", false, false, 2.5);
        // Short, and one word of ordinary vocabulary: both halve it.
        check("工作", false, false, 0.25);
        check("加强对", false, false, 0.5);
        // A session's name is no formula.
        check("二十届三中全会", false, false, 0.5);
        check("三中全会精神", false, false, 0.5);
        // One word of the general dictionary is vocabulary; the same words quoted are a term.
        check("外来人员", false, false, 0.5);
        check("“外来人员”", true, false, 2.0);
        check("社会主义", false, false, 0.5);
        // Two common words jieba leaves apart are a collocation; a rare half makes a term.
        check("全面推进", false, false, 0.5);
        check("重点工作", false, false, 0.5);
        check("深刻领悟", false, false, 1.0);
        check("外防输入", false, false, 1.0);
        check("“重点工作”", true, false, 2.0);
        // A pair of such words is vocabulary too; a series of three is a formula's.
        check("重要工作、重点项目", false, false, 0.5);
        check("省委、省政府", false, false, 0.5);
        check("高标准、严要求", false, false, 1.0);
        check("形式主义、官僚主义", false, false, 2.5);
        check("重点人群、重点领域、重点环境", false, false, 2.75);
        check("坚定信心、同舟共济", false, false, 1.0);
        // A series of three outranks its halves.
        check("有力有序", false, false, 2.5);
        check("有力有序有效", false, false, 2.75);
        check("麻痹思想、厌战情绪、侥幸心理", false, false, 2.75);
        // A body's name that repeats a character is no series: 中共中央 against 联防联控; it is
        // one word of the dictionary besides.
        check("中共中央", false, false, 0.5);
        check("联防联控", false, false, 2.5);
        // With a weight for it, the policy dictionary's bonus comes on top of the idiom's.
        let seg = Segmenter::new();
        let idiom = Marks {
            idiom: true,
            ..Marks::default()
        };
        let listed = ScoreWeights {
            policy_term: 0.5,
            ..ScoreWeights::default()
        };
        let (full, names) = listed.shape("铜墙铁壁", idiom, &seg);
        assert!((full - 2.5).abs() < 1e-9, "{full}");
        assert_eq!(names, vec!["idiom", "policy term"]);
        let (_, names) = ScoreWeights::default().shape("铜墙铁壁", idiom, &seg);
        assert_eq!(names, vec!["idiom"]);
        let (_, names) = ScoreWeights::default().shape("两手抓、两手硬", Marks::default(), &seg);
        assert_eq!(names, vec!["numbered", "parallel"]);
    }

    #[test]
    fn spread_counts_places_then_meetings() {
        let w = ScoreWeights::default();
        assert!((w.spread(0, 1, 1) - 1.0).abs() < 1e-9);
        assert!((w.spread(2, 1, 1) - 3.0).abs() < 1e-9);
        assert!(w.spread(3, 3, 1) > w.spread(1, 9, 1));
        assert!(w.spread(3, 3, 3) > w.spread(3, 3, 1));
        let flat = ScoreWeights {
            place_weight: 0.0,
            ..ScoreWeights::default()
        };
        assert!((flat.spread(5, 1, 1) - 1.0).abs() < 1e-9);
        assert!((round3(2.0 / 3.0) - 0.667).abs() < 1e-12);
    }

    #[test]
    fn fragments_have_one_neighbour() {
        let c = |s: &str| s.chars().next();
        // 疫情防控这根 is always followed by 弦, whatever comes before it.
        let fragment: Vec<_> = ["要", "把", "绷紧", "紧"]
            .iter()
            .map(|l| (c(l), Some('弦')))
            .collect();
        // 铜墙铁壁 after 的 and 筑牢, then a comma, a full stop, 的.
        let formula = vec![
            (Some('的'), None),
            (Some('牢'), None),
            (Some('的'), Some('，')),
            (Some('筑'), Some('的')),
        ];
        let (f, g) = (fixedness(&fragment), fixedness(&formula));
        assert!(f < 0.35, "{f}");
        assert!(g > 0.75, "{g}");
        assert!((fixedness(&[(None, None)]) - 1.0).abs() < 1e-9);
        // Always the same character on the left (同志为核心 after 平): half the evidence.
        let after_one: Vec<_> = formula.iter().map(|&(_, r)| (Some('平'), r)).collect();
        let left = fixedness(&after_one);
        assert!(left > f && left < g, "{left}");
        // Always after a particle or preposition (核心的党中央 after 为): the whole evidence.
        let after_binding: Vec<_> = formula.iter().map(|&(_, r)| (Some('为'), r)).collect();
        let bound = fixedness(&after_binding);
        assert!(bound < left && bound < 0.35, "{bound}");
        // After one once in a while (铜墙铁壁 after 的 and 筑牢): a formula still.
        assert!(g > 0.75 && formula.iter().any(|n| n.0 == Some('的')));
        // Two uses with the same neighbour are weaker evidence than four.
        let two = fixedness(&fragment[..2]);
        assert!(two > f && two < g, "{two}");
    }

    #[test]
    fn specificity_compares_rates() {
        // Twice in 1,000 words of directives against 10^-7 in general text: 10^4.3 more often.
        let s = specificity(2, 1000, -7.0, None);
        assert!((s - 4.301).abs() < 1e-3, "{s}");
        // Common in general text: hardly specific.
        assert!(specificity(2, 1000, -3.0, None) < 0.5);
        // Common in the corpus's own non-directive text too: less specific than by the list alone.
        assert!(specificity(2, 1000, -7.0, Some((50, 100_000))) < s);
        let w = ScoreWeights::default();
        assert!((w.specific_factor(3.0) - 1.0).abs() < 1e-9);
        assert!((w.specific_factor(-2.0) - 0.3).abs() < 1e-9);
        assert!((w.specific_factor(9.0) - 1.5).abs() < 1e-9);
    }
}
