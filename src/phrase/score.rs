//! How a candidate phrase is scored: how formula-like its string is, times how widely it
//! spreads across places and meetings. The weights are data ([`ScoreWeights`]), so tuning the
//! ranking changes a config, not the code.

use crate::phrase::Segmenter;
use crate::phrase::shape::Shape;

/// The weights of the phrase score, part of [`super::MineConfig`] and so of
/// `pipeline::Config::phrases`.
///
/// A string's formulaicity starts at 1 and gains a bonus for each mark of a formula; strings
/// shorter than [`ScoreWeights::short_chars`] that are neither numbered nor quoted are mostly
/// ordinary words and are scaled by [`ScoreWeights::short_factor`]. The score is formulaicity ×
/// `(1 + places × place_weight) × (1 + ln meetings × meeting_weight)`.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreWeights {
    /// Added for a numbered formula: 四个意识, 两个维护, 一是…二是….
    pub numbered: f64,
    /// Added for parallel members: 外防输入、内防反弹; 抓紧抓实抓细.
    pub parallel: f64,
    /// Added when the string is quoted somewhere: “健康码”.
    pub quoted: f64,
    /// Added for one idiom word (成语): 铜墙铁壁.
    pub idiom: f64,
    /// Added when the policy dictionary knows the string: 复工复产.
    pub policy_term: f64,
    /// Strings with fewer characters than this count as short.
    pub short_chars: usize,
    /// What a short, unnumbered, unquoted string's formulaicity is multiplied by.
    pub short_factor: f64,
    /// How much each place the phrase is used in adds to its spread.
    pub place_weight: f64,
    /// How much the log of its meeting count adds to its spread.
    pub meeting_weight: f64,
}

impl Default for ScoreWeights {
    fn default() -> Self {
        Self {
            numbered: 1.5,
            parallel: 1.5,
            quoted: 1.0,
            idiom: 1.0,
            policy_term: 0.5,
            short_chars: 4,
            short_factor: 0.5,
            place_weight: 1.0,
            meeting_weight: 1.0,
        }
    }
}

impl ScoreWeights {
    /// How formula-like `text` is, from 1 (plain words) up.
    pub fn formulaicity(&self, text: &str, quoted: bool, idiom: bool, seg: &Segmenter) -> f64 {
        let shape = Shape::of(text);
        let mut f = 1.0;
        if shape.numbered {
            f += self.numbered;
        }
        if shape.parallel {
            f += self.parallel;
        }
        if quoted {
            f += self.quoted;
        }
        if idiom {
            f += self.idiom;
        }
        if seg.is_policy_term(text) {
            f += self.policy_term;
        }
        if text.chars().count() < self.short_chars && !shape.numbered && !quoted {
            f *= self.short_factor;
        }
        f
    }

    /// Spread: places count most, then meetings, on a log scale so that one very common
    /// collocation cannot drown the formulae.
    pub fn spread(&self, places: usize, meetings: usize) -> f64 {
        (1.0 + places as f64 * self.place_weight)
            * (1.0 + (meetings.max(1) as f64).ln() * self.meeting_weight)
    }
}

/// `x` to three decimals, so scores print and compare stably.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Formulaicity with the dictionary bonus off, so only the string's shape and marks count.
    fn check(text: &str, quoted: bool, idiom: bool, expect: f64) {
        let seg = Segmenter::new();
        let weights = ScoreWeights {
            policy_term: 0.0,
            ..ScoreWeights::default()
        };
        let got = weights.formulaicity(text, quoted, idiom, &seg);
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
        check("工作", false, false, 0.5);
        check("加强对", false, false, 0.5);
        // The policy dictionary knows 铜墙铁壁: its bonus comes on top of the idiom's.
        let seg = Segmenter::new();
        let full = ScoreWeights::default().formulaicity("铜墙铁壁", false, true, &seg);
        assert!((full - 2.5).abs() < 1e-9, "{full}");
    }

    #[test]
    fn spread_counts_places_then_meetings() {
        let w = ScoreWeights::default();
        assert!((w.spread(0, 1) - 1.0).abs() < 1e-9);
        assert!((w.spread(2, 1) - 3.0).abs() < 1e-9);
        assert!(w.spread(3, 3) > w.spread(1, 9));
        let flat = ScoreWeights {
            place_weight: 0.0,
            ..ScoreWeights::default()
        };
        assert!((flat.spread(5, 1) - 1.0).abs() < 1e-9);
        assert!((round3(2.0 / 3.0) - 0.667).abs() < 1e-12);
    }
}
