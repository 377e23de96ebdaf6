//! Who follows whom, inferred from every cascade at once: the greedy network inference of
//! Gomez-Rodriguez, Leskovec and Krause (`NetInf`, 2010), as the R package `NetworkInference`
//! runs it, under an exponential transmission model.
//!
//! In each cascade a place that adopted was infected either by one earlier adopter `u`, with
//! likelihood `rate · e^(−rate · lag)`, or from outside the network, with a small likelihood ε.
//! The likelihood of the cascades given a network is the product, over the adopters, of the best
//! such parent the network offers. Edges are added one at a time, each the one that raises the
//! log-likelihood most; the gain of an edge only falls as others are added (the objective is
//! submodular), so stale gains are upper bounds and are re-evaluated lazily (CELF).

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// The log-likelihood of an infection from outside the network (ε = 10⁻⁹).
pub const LOG_EPSILON: f64 = -20.723_265_836_946_41;

/// Settings of the inference.
#[derive(Clone, Debug, PartialEq)]
pub struct InferConfig {
    /// The transmission rate per day; `None` to estimate it as one over the mean lag between
    /// consecutive adopters of a cascade.
    pub rate: Option<f64>,
    /// Only pairs ordered the same way in at least this many cascades are candidate edges.
    pub min_support: usize,
    /// At most this many edges.
    pub max_edges: usize,
}

/// One edge of the inferred network.
#[derive(Clone, Debug, PartialEq)]
pub struct InferredEdge {
    /// The earlier place (index).
    pub from: usize,
    /// The later place.
    pub to: usize,
    /// The rise in log-likelihood when it was added.
    pub gain: f64,
    /// Cascades in which `from` adopted before `to`.
    pub support: usize,
}

/// The inferred network.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Network {
    /// The rate used.
    pub rate: f64,
    /// The edges in the order they were chosen.
    pub edges: Vec<InferredEdge>,
}

/// The rate estimated from the lags between consecutive adopters (one over their mean); 1 when
/// no cascade has two adopters on different days.
pub fn estimate_rate(cascades: &[Vec<(usize, f64)>]) -> f64 {
    let (mut sum, mut n) = (0.0, 0usize);
    for c in cascades {
        let mut times: Vec<f64> = c.iter().map(|&(_, t)| t).collect();
        times.sort_by(f64::total_cmp);
        for w in times.windows(2) {
            let lag = w[1] - w[0];
            if lag > 0.0 {
                sum += lag;
                n += 1;
            }
        }
    }
    if n == 0 || sum <= 0.0 {
        1.0
    } else {
        n as f64 / sum
    }
}

/// A candidate edge: its pair, and for each cascade where it could carry the infection, the
/// adopter it would infect (cascade, position) and the log-likelihood it would give.
struct Candidate {
    from: usize,
    to: usize,
    uses: Vec<(usize, usize, f64)>,
}

/// An entry of the lazy queue: an upper bound on a candidate's gain.
struct Queued {
    gain: f64,
    candidate: usize,
}

impl PartialEq for Queued {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Queued {}

impl PartialOrd for Queued {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Queued {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest gain first; among equals the earlier candidate.
        self.gain
            .total_cmp(&other.gain)
            .then(other.candidate.cmp(&self.candidate))
    }
}

/// Infers the network over `nodes` places from `cascades` (each a list of `(place, day)`).
pub fn infer(nodes: usize, cascades: &[Vec<(usize, f64)>], config: &InferConfig) -> Network {
    let rate = config
        .rate
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or_else(|| estimate_rate(cascades));
    let log_rate = rate.ln();
    let weight = |lag: f64| log_rate - rate * lag;
    // Support of each ordered pair, then the uses of the pairs with enough support.
    let mut support: HashMap<(usize, usize), usize> = HashMap::new();
    for c in cascades {
        for &(u, tu) in c {
            for &(v, tv) in c {
                if tu < tv && u != v && weight(tv - tu) > LOG_EPSILON {
                    *support.entry((u, v)).or_default() += 1;
                }
            }
        }
    }
    let mut index: HashMap<(usize, usize), usize> = HashMap::new();
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut pairs: Vec<(&(usize, usize), &usize)> = support
        .iter()
        .filter(|&(_, &s)| s >= config.min_support.max(1))
        .collect();
    pairs.sort();
    for (&(u, v), _) in pairs {
        if u < nodes && v < nodes {
            index.insert((u, v), candidates.len());
            candidates.push(Candidate {
                from: u,
                to: v,
                uses: Vec::new(),
            });
        }
    }
    for (ci, c) in cascades.iter().enumerate() {
        for &(u, tu) in c {
            for (pos, &(v, tv)) in c.iter().enumerate() {
                if tu < tv
                    && let Some(&k) = index.get(&(u, v))
                {
                    let w = weight(tv - tu);
                    if w > LOG_EPSILON {
                        candidates[k].uses.push((ci, pos, w));
                    }
                }
            }
        }
    }
    // Each adopter's best parent so far: outside the network.
    let mut best: Vec<Vec<f64>> = cascades
        .iter()
        .map(|c| vec![LOG_EPSILON; c.len()])
        .collect();
    let gain = |cand: &Candidate, best: &[Vec<f64>]| -> f64 {
        cand.uses
            .iter()
            .map(|&(c, p, w)| (w - best[c][p]).max(0.0))
            .sum()
    };
    let mut queue: BinaryHeap<Queued> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| Queued {
            gain: gain(c, &best),
            candidate: i,
        })
        .collect();
    let mut edges = Vec::new();
    while edges.len() < config.max_edges {
        let Some(top) = queue.pop() else {
            break;
        };
        let cand = &candidates[top.candidate];
        let fresh = gain(cand, &best);
        if fresh <= 1e-9 {
            continue;
        }
        if queue.peek().is_some_and(|next| fresh < next.gain) {
            queue.push(Queued {
                gain: fresh,
                candidate: top.candidate,
            });
            continue;
        }
        for &(c, p, w) in &cand.uses {
            if w > best[c][p] {
                best[c][p] = w;
            }
        }
        edges.push(InferredEdge {
            from: cand.from,
            to: cand.to,
            gain: fresh,
            support: support.get(&(cand.from, cand.to)).copied().unwrap_or(0),
        });
    }
    Network { rate, edges }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(max_edges: usize) -> InferConfig {
        InferConfig {
            rate: None,
            min_support: 2,
            max_edges,
        }
    }

    /// A chain 0 → 1 → 2 seen in many cascades, 1 a few days after 0 and 2 a few days after 1:
    /// the inference finds the two links of the chain before the shortcut 0 → 2.
    #[test]
    fn a_known_chain_of_adoption_is_recovered() {
        let cascades: Vec<Vec<(usize, f64)>> = (0..8)
            .map(|i| {
                let t = 100.0 * f64::from(i);
                let a = 3.0 + f64::from(i % 3);
                let b = 4.0 + f64::from(i % 2);
                vec![(0, t), (1, t + a), (2, t + a + b)]
            })
            .collect();
        let net = infer(3, &cascades, &config(2));
        let got: Vec<(usize, usize)> = net.edges.iter().map(|e| (e.from, e.to)).collect();
        assert!(got.contains(&(0, 1)), "{got:?}");
        assert!(got.contains(&(1, 2)), "{got:?}");
        assert!(!got.contains(&(0, 2)), "{got:?}");
        assert!(net.edges.iter().all(|e| e.gain > 0.0 && e.support == 8));
        assert!(net.edges.windows(2).all(|w| w[0].gain >= w[1].gain));
    }

    /// Once the chain explains 2's adoption, the shortcut 0 → 2 adds nothing and is not chosen,
    /// however many edges are allowed.
    #[test]
    fn a_shortcut_the_chain_explains_is_not_added() {
        let cascades: Vec<Vec<(usize, f64)>> = (0..6)
            .map(|i| {
                let t = 50.0 * f64::from(i);
                vec![(0, t), (1, t + 2.0), (2, t + 4.0)]
            })
            .collect();
        let net = infer(3, &cascades, &config(3));
        let got: Vec<(usize, usize)> = net.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(got, [(0, 1), (1, 2)]);
    }

    /// An order seen once is anecdote, not an edge; reversed orders leave both directions weak.
    #[test]
    fn support_below_the_minimum_makes_no_edge() {
        let cascades = vec![vec![(0, 0.0), (1, 5.0)], vec![(1, 100.0), (2, 103.0)]];
        assert!(infer(3, &cascades, &config(5)).edges.is_empty());
    }

    #[test]
    fn the_rate_is_one_over_the_mean_consecutive_lag() {
        let cascades = vec![
            vec![(0, 0.0), (1, 10.0), (2, 30.0)],
            vec![(1, 0.0), (0, 0.0)],
        ];
        assert!((estimate_rate(&cascades) - 1.0 / 15.0).abs() < 1e-12);
        assert!((estimate_rate(&[]) - 1.0).abs() < 1e-12);
    }

    #[test]
    fn same_day_adopters_never_infect_each_other() {
        let cascades = vec![vec![(0, 5.0), (1, 5.0)], vec![(0, 9.0), (1, 9.0)]];
        assert!(infer(2, &cascades, &config(5)).edges.is_empty());
    }
}
