//! Loose pairs: the clauses still unpaired between two pairs that keep their
//! order, paired on weaker evidence because their place vouches for them.
//!
//! Between rival drafts a clause is often restated at another strength in
//! other words, and stands where its counterpart stood: between the same two
//! clauses that both texts share. There, weighted words
//! ([`super::evidence`]) well below the ordinary bar are enough; across the
//! document they would not be (the far search keeps its high bar). Inside
//! each gap the pairs are chosen together, as the order-preserving set with
//! the most evidence above the bar (a Needleman-Wunsch alignment), not first
//! come first served: a clause that answers one neighbour a little and
//! another well goes to the one it answers well.

use super::evidence::{Bag, Evidence, FAMILY_BONUS, same_family, sharing, weighted_dice};
use super::{Matching, in_order};
use crate::parse::Clause;

/// The loose bar, for a clause alone in its gap, as a share of `--threshold`
/// (0.25 at the default 0.5): position is strong evidence when the gap is
/// one clause on each side.
pub const LOOSE_SHARE: f32 = 0.5;
/// The bar rises by this each time the gap doubles: in a gap of sixteen
/// clauses a side, place says less about which clause answers which.
const PER_DOUBLING: f32 = 0.04;
/// A loose pair shares at least this many words that are neither function
/// nor formula words: `the`, `of` and `Requests the Secretary-General` alone
/// never pair two clauses.
const MIN_CONTENT: usize = 2;
/// Largest gap (old clauses times new clauses) aligned: beyond, the two
/// texts have too little in common for place to mean anything.
const MAX_CELLS: usize = 250_000;
/// Most cells scored over all the gaps of one list of clauses: the gaps
/// past it are left as they are, so that no input costs more than a few
/// tens of milliseconds here.
const TOTAL_CELLS: usize = 1_000_000;
/// Gaps of more cells than this find their candidate pairs through an index
/// of content words ([`sharing`]); smaller ones score every cell, which
/// costs less than building the index.
const INDEX_ABOVE: usize = 64;

/// The loose bar in a gap whose larger side holds `gap` clauses.
///
/// ```
/// use resdiff::align::loose_bar;
/// assert_eq!(loose_bar(0.5, 1), 0.25);
/// assert!(loose_bar(0.5, 16) > loose_bar(0.5, 2));
/// assert_eq!(loose_bar(0.5, 1000), 0.5);
/// ```
pub fn loose_bar(threshold: f32, gap: usize) -> f32 {
    (threshold * LOOSE_SHARE + PER_DOUBLING * (gap.max(1) as f32).log2()).min(threshold)
}

/// Pairs what is free in each gap between consecutive pairs in order;
/// `plain` gives the plain similarity kept on the link. Marks the pairs
/// whose plain similarity is under `threshold` loose.
pub(super) fn pair_in_gaps<'a>(
    m: &mut Matching,
    old: &[&'a Clause],
    new: &[&'a Clause],
    threshold: f32,
    ev: &mut Evidence<'a>,
    plain: impl Fn(usize, usize) -> f32,
) {
    let anchors = in_order(&m.pairs());
    let mut gaps: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
    let mut budget = TOTAL_CELLS;
    let mut lo = (0usize, 0usize);
    for &(ao, an) in anchors
        .iter()
        .chain(std::iter::once(&(old.len(), new.len())))
    {
        let (os, ns) = (m.free_old(lo.0..ao), m.free_new(lo.1..an));
        let cells = os.len() * ns.len();
        if !os.is_empty() && !ns.is_empty() && cells <= MAX_CELLS && budget >= cells {
            budget -= cells;
            gaps.push((os, ns));
        }
        lo = (ao + 1, an + 1);
    }
    if gaps.is_empty() {
        return;
    }
    let bags: Vec<(Vec<Bag>, Vec<Bag>)> = gaps
        .iter()
        .map(|(os, ns)| {
            (
                os.iter().map(|&o| ev.bag(old[o])).collect(),
                ns.iter().map(|&n| ev.bag(new[n])).collect(),
            )
        })
        .collect();
    let all: Vec<&Bag> = bags.iter().flat_map(|(a, b)| a.iter().chain(b)).collect();
    let weights = ev.weights(&all);
    for ((os, ns), (ob, nb)) in gaps.iter().zip(&bags) {
        let bar = loose_bar(threshold, os.len().max(ns.len()));
        // in a large gap, only the cells whose clauses share enough content
        // words are scored (the others could not pass): the rest of a
        // 500-by-500 gap costs a lookup, not a comparison
        let k = ns.len();
        let candidates: Option<Vec<bool>> = (os.len() * k > INDEX_ABOVE).then(|| {
            let mut ok = vec![false; os.len() * k];
            for (i, j, _) in sharing(ob, nb, MIN_CONTENT, &weights, ev) {
                ok[i * k + j] = true;
            }
            ok
        });
        let ev = &*ev;
        let score = |i: usize, j: usize| -> Option<f32> {
            if candidates.as_ref().is_some_and(|ok| !ok[i * k + j]) {
                return None;
            }
            let (s, content) = weighted_dice(&ob[i], &nb[j], &weights, ev);
            let s = s + if same_family(&ob[i], &nb[j]) {
                FAMILY_BONUS
            } else {
                0.0
            };
            (content >= MIN_CONTENT && s >= bar).then_some(s)
        };
        for (i, j, s) in best_in_order(os.len(), ns.len(), bar, score) {
            let (o, n) = (os[i], ns[j]);
            let p = plain(o, n);
            m.pair(o, n, p);
            m.loose[o] = p < threshold;
            debug_assert!(s >= bar);
        }
    }
    ev.recycle(weights);
}

/// The order-preserving set of pairs `(i, j)` of an `n` by `k` grid with the
/// most total score above `bar`, each pair scoring at least the bar
/// (`score` says `None` below it). Ties go to the earlier pairs.
pub(crate) fn best_in_order(
    n: usize,
    k: usize,
    bar: f32,
    score: impl Fn(usize, usize) -> Option<f32>,
) -> Vec<(usize, usize, f32)> {
    // gain of a pair: its margin over the bar, plus a little so that a pair
    // right at the bar still beats leaving both clauses alone
    let cells: Vec<Option<f32>> = (0..n * k).map(|c| score(c / k, c % k)).collect();
    let gain = |i: usize, j: usize| cells[i * k + j].map(|s| s - bar + 0.01);
    let w = k + 1;
    let mut best = vec![0f32; (n + 1) * w];
    for i in 1..=n {
        for j in 1..=k {
            let mut v = best[(i - 1) * w + j].max(best[i * w + j - 1]);
            if let Some(g) = gain(i - 1, j - 1) {
                v = v.max(best[(i - 1) * w + j - 1] + g);
            }
            best[i * w + j] = v;
        }
    }
    let mut out = Vec::new();
    let (mut i, mut j) = (n, k);
    while i > 0 && j > 0 {
        let here = best[i * w + j];
        if here == best[(i - 1) * w + j] {
            i -= 1;
        } else if here == best[i * w + j - 1] {
            j -= 1;
        } else {
            let s = cells[(i - 1) * k + j - 1].unwrap_or(0.0);
            out.push((i - 1, j - 1, s));
            i -= 1;
            j -= 1;
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::best_in_order;

    #[test]
    fn the_best_set_of_pairs_beats_first_come() {
        // old 0 answers new 1 best, but also new 0; old 1 answers only new
        // 1. Greedy would take (0,1) and leave the rest alone; the best
        // order-preserving set takes (0,0) and (1,1).
        let s = [[0.5, 0.6], [0.0, 0.55]];
        let got = best_in_order(2, 2, 0.25, |i, j| (s[i][j] >= 0.25).then_some(s[i][j]));
        let pairs: Vec<(usize, usize)> = got.iter().map(|p| (p.0, p.1)).collect();
        assert_eq!(pairs, [(0, 0), (1, 1)]);
    }

    #[test]
    fn nothing_under_the_bar_is_paired() {
        let got = best_in_order(3, 3, 0.25, |_, _| None);
        assert!(got.is_empty());
    }
}
