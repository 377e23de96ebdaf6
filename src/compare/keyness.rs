//! Keyness: the formulae a place uses more, or less, than all other places together, by
//! Dunning's log-likelihood (G²), with the counts shown so a reader can judge small samples.
//!
//! The sample is the text the formulae were mined from: a place's total is the number of words
//! in its meetings' directives (punctuation not counted), so a formula's rate is uses per word
//! written. A place with long reports then does not look "key" for every formula just because
//! it writes more, and a place that writes much and uses a formula seldom shows it as "less".

use std::collections::BTreeMap;

use serde::Serialize;

use crate::export::Table;
use crate::pipeline::Analysis;

/// G² above which the difference is significant at p < 0.05 (χ², one degree of freedom).
pub const G2_P05: f64 = 3.84;
/// G² above which the difference is significant at p < 0.01.
pub const G2_P01: f64 = 6.63;

/// Whether a place uses a formula more or less often than the rest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Relatively more often than the other places.
    More,
    /// Relatively less often (including not at all).
    Less,
    /// At the same rate.
    Even,
}

impl Direction {
    /// 多 / 少 / 持平, as shown in tables.
    pub fn label(self) -> &'static str {
        match self {
            Direction::More => "多用",
            Direction::Less => "少用",
            Direction::Even => "持平",
        }
    }
}

/// Settings for [`keyness`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeynessConfig {
    /// Rows with a smaller G² are left out; 0 keeps every (place, group) pair.
    pub min_g2: f64,
}

impl Default for KeynessConfig {
    fn default() -> Self {
        Self { min_g2: 0.0 }
    }
}

/// One formula in one place against the rest.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Keyness {
    /// The place's short name.
    pub place: String,
    /// The phrase group's id.
    pub group: u32,
    /// The group's main phrase.
    pub phrase: String,
    /// Occurrences of the group in this place.
    pub place_count: usize,
    /// Words in this place's directives ([`Analysis::directive_words`]).
    pub place_words: usize,
    /// Occurrences of the group in all other places.
    pub rest_count: usize,
    /// Words in all other places' directives.
    pub rest_words: usize,
    /// Dunning's log-likelihood G².
    pub g2: f64,
    /// More, less or even, compared by relative frequency.
    pub direction: Direction,
    /// log₂ of the ratio of relative frequencies, with 0.5 added to each count so a zero count
    /// stays finite; shows the size of the effect where G² shows its certainty.
    pub log_ratio: f64,
}

/// Dunning's G² for a formula seen `here` times in a sample of `here_total` and `rest` times
/// in a sample of `rest_total`: twice the sum of O·ln(O/E) over the four cells of the 2×2 table.
pub fn log_likelihood(here: usize, here_total: usize, rest: usize, rest_total: usize) -> f64 {
    let total = (here_total + rest_total) as f64;
    if total == 0.0 {
        return 0.0;
    }
    let with = (here + rest) as f64;
    let without = total - with;
    let cells = [
        (here as f64, here_total as f64 * with / total),
        (rest as f64, rest_total as f64 * with / total),
        (
            here_total.saturating_sub(here) as f64,
            here_total as f64 * without / total,
        ),
        (
            rest_total.saturating_sub(rest) as f64,
            rest_total as f64 * without / total,
        ),
    ];
    let sum: f64 = cells
        .iter()
        .filter(|(o, e)| *o > 0.0 && *e > 0.0)
        .map(|(o, e)| o * (o / e).ln())
        .sum();
    (2.0 * sum).max(0.0)
}

/// Every (place, phrase group) with its G² against the other places, sorted by place, then
/// G² (largest first), then group id.
pub fn keyness(analysis: &Analysis, config: &KeynessConfig) -> Vec<Keyness> {
    // counts[group index][place] = occurrences, from each group's per-place uses (which the
    // analysis keeps by its one place rule).
    let counts: Vec<BTreeMap<&str, usize>> = analysis
        .phrases
        .iter()
        .map(|g| {
            g.places
                .iter()
                .filter(|(_, u)| u.count > 0)
                .map(|(p, u)| (p.as_str(), u.count))
                .collect()
        })
        .collect();
    // totals[place] = words in its meetings' directives, by the same rule.
    let mut totals: BTreeMap<&str, usize> = BTreeMap::new();
    for m in &analysis.meetings {
        *totals.entry(analysis.place_label(m)).or_default() += analysis.directive_words(m);
    }
    totals.retain(|_, words| *words > 0);
    let all: usize = totals.values().sum();
    let mut out = Vec::new();
    for (&place, &place_words) in &totals {
        let rest_words = all - place_words;
        if rest_words == 0 {
            continue;
        }
        for (g, per) in analysis.phrases.iter().zip(&counts) {
            let a = per.get(place).copied().unwrap_or(0);
            let b = per.values().sum::<usize>() - a;
            if a + b == 0 {
                continue;
            }
            let g2 = log_likelihood(a, place_words, b, rest_words);
            if g2 < config.min_g2 {
                continue;
            }
            let here = a as f64 / place_words as f64;
            let there = b as f64 / rest_words as f64;
            let direction = if (here - there).abs() < 1e-12 {
                Direction::Even
            } else if here > there {
                Direction::More
            } else {
                Direction::Less
            };
            let log_ratio = (((a as f64 + 0.5) / place_words as f64)
                / ((b as f64 + 0.5) / rest_words as f64))
                .log2();
            out.push(Keyness {
                place: place.to_string(),
                group: g.id,
                phrase: g.phrase.clone(),
                place_count: a,
                place_words,
                rest_count: b,
                rest_words,
                g2,
                direction,
                log_ratio,
            });
        }
    }
    out.sort_by(|x, y| {
        x.place
            .cmp(&y.place)
            .then(y.g2.total_cmp(&x.g2))
            .then(x.group.cmp(&y.group))
    });
    out
}

/// The rows as a table with every count shown.
pub fn to_table(rows: &[Keyness]) -> Table {
    let mut t = Table::new(
        "关键性",
        [
            "地点",
            "编号",
            "提法",
            "方向",
            "G²",
            "本地次数",
            "本地词数",
            "其他次数",
            "其他词数",
            "对数比",
        ],
    );
    for k in rows {
        t.push(
            vec![
                k.place.clone(),
                k.group.to_string(),
                k.phrase.clone(),
                k.direction.label().into(),
                format!("{:.2}", k.g2),
                k.place_count.to_string(),
                k.place_words.to_string(),
                k.rest_count.to_string(),
                k.rest_words.to_string(),
                format!("{:.2}", k.log_ratio),
            ],
            None,
        );
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::fixture::{Fixture, seed};

    fn check(a: usize, c: usize, b: usize, d: usize, expect: f64) {
        let g2 = log_likelihood(a, c, b, d);
        assert!(
            (g2 - expect).abs() < 1e-3,
            "G²({a}/{c} vs {b}/{d}) = {g2}, expected {expect}"
        );
    }

    #[test]
    fn log_likelihood_matches_hand_computed_values() {
        check(10, 100, 5, 200, 7.3298);
        check(3, 3, 0, 5, 10.585);
        check(0, 50, 20, 100, 17.7219);
        check(5, 100, 10, 200, 0.0);
        check(1, 10, 1, 1000, 6.5781);
        check(0, 0, 0, 0, 0.0);
    }

    #[test]
    fn places_get_direction_and_counts() {
        let mut f = Fixture::new();
        let yk = f.doc("seed:002.txt", seed(2));
        let sz = f.doc("seed:004.txt", seed(4));
        f.meeting(yk, "永康", "2022-01-04", &["要深化推进六大机制在实战中的操作运用,坚持内防反弹、外防输入,紧盯重点人群、重点工作,深化流调溯源,细化核酸检测,优化隔离转运人员管理,强化社会面管控,通过网格化管理、组团式服务、数字化支撑,不断提升防控工作科学化、体系化水平,确保社会大局安定平静。"]);
        f.meeting(sz, "嵊州", "2020-02-18", &["要坚持疫情防控不松懈,坚决摒弃麻痹思想、厌战情绪、侥幸心理、松劲心态,加强对村(社区)、高速卡口的把守,加强重点人员管控,重点场所防控,加强市民个人防护。"]);
        let outside = f.group(&["外防输入"]);
        let key = f.group(&["重点"]);
        // Words as mining counted them, one number per meeting.
        f.analysis.words = vec![60, 40];
        let rows = keyness(&f.analysis, &KeynessConfig::default());
        let find = |p: &str, g: u32| rows.iter().find(|k| k.place == p && k.group == g).unwrap();
        let yk_out = find("永康", outside);
        assert_eq!(
            (
                yk_out.place_count,
                yk_out.place_words,
                yk_out.rest_count,
                yk_out.rest_words
            ),
            (1, 60, 0, 40)
        );
        assert_eq!(yk_out.direction, Direction::More);
        let sz_out = find("嵊州", outside);
        assert_eq!((sz_out.place_count, sz_out.direction), (0, Direction::Less));
        assert_eq!(find("嵊州", key).direction, Direction::More);
        let places: Vec<&str> = rows.iter().map(|k| k.place.as_str()).collect();
        assert!(places.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(to_table(&rows).len(), 4);
    }

    /// Two places that each use one formula once and no other: counted against formula uses
    /// they would be even; per word written, the terse place uses it more.
    #[test]
    fn rates_are_per_word_written() {
        let terse = "要坚持稳中求进。";
        let long = "要坚持稳中求进，统筹做好交通运输、市场供应、社会治安、安全生产、环境整治、民生保障各项工作，确保群众过上欢乐祥和的节日。";
        let mut f = Fixture::new();
        let a = f.doc("a.txt", terse);
        let b = f.doc("b.txt", long);
        f.meeting(a, "甲县", "2021-01-04", &[terse]);
        f.meeting(b, "乙县", "2021-01-05", &[long]);
        let g = f.group(&["稳中求进"]);
        // No counts saved: each meeting's words are estimated from its characters.
        let estimated: Vec<usize> = f
            .analysis
            .meetings
            .iter()
            .map(|m| f.analysis.directive_words(m))
            .collect();
        assert_eq!(estimated, [5, 35]);
        f.analysis.words = vec![4, 30];
        let rows = keyness(&f.analysis, &KeynessConfig::default());
        let row = |p: &str| rows.iter().find(|k| k.place == p && k.group == g).unwrap();
        assert_eq!((row("甲县").place_words, row("甲县").rest_words), (4, 30));
        assert_eq!(row("甲县").direction, Direction::More);
        assert_eq!(row("乙县").direction, Direction::Less);
        assert!(row("甲县").log_ratio > 0.0 && row("乙县").log_ratio < 0.0);
    }
}
