//! Similarity scores, candidate generation and order analysis for the aligner.

use rustc_hash::FxHashMap;

use super::{Info, Matching};

/// Dice coefficient of two sorted multisets of word keys: twice the words in
/// common over the words of both. 1.0 for identical bags, 0.0 for disjoint.
///
/// ```
/// use resdiff::align::dice;
/// assert_eq!(dice(&[1, 2, 3], &[1, 2, 3]), 1.0);
/// assert_eq!(dice(&[1, 2], &[3, 4]), 0.0);
/// assert_eq!(dice(&[1, 1, 2], &[1, 2, 2]), 2.0 * 2.0 / 6.0);
/// ```
pub fn dice(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    2.0 * common(a, b) as f32 / (a.len() + b.len()) as f32
}

/// Number of elements two sorted multisets share.
fn common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Marks the elements of a longest strictly increasing subsequence
/// (patience sorting, O(n log n)); the unmarked ones are the "moved" ones.
///
/// ```
/// use resdiff::align::lis_mask;
/// assert_eq!(lis_mask(&[0, 1, 5, 2, 3, 4]), [true, true, false, true, true, true]);
/// ```
pub fn lis_mask(seq: &[usize]) -> Vec<bool> {
    let mut tails: Vec<usize> = Vec::new(); // index into seq of the smallest tail per length
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for (i, &x) in seq.iter().enumerate() {
        let pos = tails.partition_point(|&t| seq[t] < x);
        if pos > 0 {
            prev[i] = Some(tails[pos - 1]);
        }
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut mask = vec![false; seq.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        mask[i] = true;
        cur = prev[i];
    }
    mask
}

/// The pairs of old and new clauses whose Dice score reaches `min`, all of
/// them: lengths too far apart to reach it are passed over unscored (Dice
/// is at most twice the shorter length over the sum), so this costs little
/// more than a comparison of lengths where few clauses look alike.
pub(super) fn pairs_at_least(
    os: &[usize],
    ns: &[usize],
    oi: &[Info],
    ni: &[Info],
    bag: impl Fn(&Info) -> &Vec<u32>,
    min: f32,
) -> Vec<(f32, usize, usize)> {
    let mut out = Vec::new();
    for &o in os {
        let a = bag(&oi[o]);
        for &n in ns {
            let b = bag(&ni[n]);
            let bound = 2.0 * a.len().min(b.len()) as f32 / (a.len() + b.len()).max(1) as f32;
            if bound < min && !(a.is_empty() && b.is_empty()) {
                continue;
            }
            let s = dice(a, b);
            if s >= min {
                out.push((s, o, n));
            }
        }
    }
    out
}

/// Scores every old clause against every new one.
pub(super) fn all_pairs(
    os: &[usize],
    ns: &[usize],
    oi: &[Info],
    ni: &[Info],
    bag: impl Fn(&Info) -> &Vec<u32>,
) -> Vec<(f32, usize, usize)> {
    let mut out = Vec::with_capacity(os.len() * ns.len());
    for &o in os {
        for &n in ns {
            out.push((dice(bag(&oi[o]), bag(&ni[n])), o, n));
        }
    }
    out
}

/// Scores each old clause only against the new clauses that share its
/// rarest words: near-linear however many clauses there are.
pub(super) fn indexed_pairs(
    os: &[usize],
    ns: &[usize],
    oi: &[Info],
    ni: &[Info],
    bag: impl Fn(&Info) -> &Vec<u32>,
) -> Vec<(f32, usize, usize)> {
    const PROBES: usize = 8;
    const KEEP: usize = 4;
    let mut postings: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for &n in ns {
        let b = bag(&ni[n]);
        for (k, &w) in b.iter().enumerate() {
            if k == 0 || b[k - 1] != w {
                postings.entry(w).or_default().push(n);
            }
        }
    }
    let mut out = Vec::new();
    let mut hits: FxHashMap<usize, u32> = FxHashMap::default();
    for &o in os {
        let b = bag(&oi[o]);
        let mut words: Vec<(usize, u32)> = b
            .iter()
            .enumerate()
            .filter(|(k, w)| *k == 0 || b[k - 1] != **w)
            .filter_map(|(_, &w)| postings.get(&w).map(|p| (p.len(), w)))
            .collect();
        words.sort_unstable();
        hits.clear();
        for &(_, w) in words.iter().take(PROBES) {
            for &n in &postings[&w] {
                *hits.entry(n).or_default() += 1;
            }
        }
        let mut best: Vec<(u32, usize)> = hits.iter().map(|(&n, &h)| (h, n)).collect();
        best.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        for &(_, n) in best.iter().take(KEEP) {
            out.push((dice(b, bag(&ni[n])), o, n));
        }
    }
    out
}

/// A multiset of word keys with counts, sorted by key: built from sorted
/// words and compared with sorted words by walking both, without hashing.
#[derive(Default)]
struct Bag(Vec<(u32, i32)>);

impl Bag {
    /// The bag of `words` (sorted).
    fn of(words: &[u32]) -> Bag {
        debug_assert!(words.is_sorted());
        let mut b: Vec<(u32, i32)> = Vec::with_capacity(words.len());
        for &w in words {
            match b.last_mut() {
                Some(last) if last.0 == w => last.1 += 1,
                _ => b.push((w, 1)),
            }
        }
        Bag(b)
    }
    /// Takes one copy of each of `words` out (a count may go below zero).
    fn minus(&mut self, words: &[u32]) {
        for w in words {
            if let Ok(k) = self.0.binary_search_by_key(w, |e| e.0) {
                self.0[k].1 -= 1;
            }
        }
    }
    /// How many of `words` (sorted) this bag still holds: of each word, as
    /// many copies as both have. Both sorted, one walk counts them (this is
    /// asked of every free clause against every free neighbour).
    fn covers(&self, words: &[u32]) -> usize {
        debug_assert!(words.is_sorted());
        let mut n = 0;
        let (mut k, mut p) = (0, 0);
        while k < words.len() {
            let w = words[k];
            let run = words[k..].iter().take_while(|&&x| x == w).count();
            while p < self.0.len() && self.0[p].0 < w {
                p += 1;
            }
            if p < self.0.len() && self.0[p].0 == w {
                n += run.min(self.0[p].1.max(0) as usize);
            }
            k += run;
        }
        n
    }
}

/// Whether most of `piece` comes from `pool`.
fn mostly_from(pool: &Bag, piece: &[u32]) -> bool {
    let c = pool.covers(piece);
    c >= 3 && c * 10 >= piece.len() * 6
}

/// The run of `side`'s clauses around `start` that together hold the words
/// of `whole` (the one clause on the other side): `start` first takes its
/// share, then each free neighbour joins while most of its words are among
/// those left over. Sorted; just `[start]` when no neighbour joins.
fn absorb<'a>(
    start: usize,
    whole: &[u32],
    side: &'a [Info],
    words: &impl Fn(&'a Info) -> &'a Vec<u32>,
    free: impl Fn(usize) -> bool,
) -> Vec<usize> {
    let mut rest = Bag::of(whole);
    rest.minus(words(&side[start]));
    let mut group = vec![start];
    extend(&mut group, side.len(), free, |x| {
        let piece = words(&side[x]);
        let joins = mostly_from(&rest, piece);
        if joins {
            rest.minus(piece);
        }
        joins
    });
    group.sort_unstable();
    group
}

/// Finds splits (one old clause whose words went into several consecutive
/// new ones) and merges (the reverse). Returns `(old, new, similarity)`
/// groups and marks their members in the matching. `words` gives a
/// clause's words sorted (only their counts matter here).
pub(super) fn splits_and_merges(
    m: &mut Matching,
    oi: &[Info],
    ni: &[Info],
    threshold: f32,
    anchors: &[(usize, usize)],
    words: impl Fn(&Info) -> &Vec<u32>,
) -> Vec<(Vec<usize>, Vec<usize>, f32)> {
    let mut groups = Vec::new();
    let union_dice = |a: &[usize], b: &[usize], ai: &[Info], bi: &[Info]| {
        let mut x: Vec<u32> = a
            .iter()
            .flat_map(|&k| words(&ai[k]).iter().copied())
            .collect();
        let mut y: Vec<u32> = b
            .iter()
            .flat_map(|&k| words(&bi[k]).iter().copied())
            .collect();
        x.sort_unstable();
        y.sort_unstable();
        dice(&x, &y)
    };

    // a reworded pair whose leftover words reappear in unmatched neighbours
    for o in 0..oi.len() {
        let Some(n) = m.o2n[o] else { continue };
        if m.score[o] >= 1.0 || m.grouped_old[o] {
            continue;
        }
        // split: old o -> new n plus neighbours
        let group = absorb(n, words(&oi[o]), ni, &words, |x| {
            m.n2o[x].is_none() && !m.grouped_new[x]
        });
        if group.len() > 1 {
            for &x in &group {
                m.grouped_new[x] = true;
            }
            m.grouped_old[o] = true;
            let sim = union_dice(&[o], &group, oi, ni);
            groups.push((vec![o], group, sim));
            continue;
        }
        // merge: old o plus neighbours -> new n
        let group = absorb(o, words(&ni[n]), oi, &words, |x| {
            m.o2n[x].is_none() && !m.grouped_old[x]
        });
        if group.len() > 1 {
            for &x in &group {
                m.grouped_old[x] = true;
            }
            m.grouped_new[n] = true;
            let sim = union_dice(&group, &[n], oi, ni);
            groups.push((group, vec![n], sim));
        }
    }
    // unmatched clauses that match a run of unmatched clauses on the other side
    let mut bounds: Vec<(usize, usize)> = vec![(0, 0)];
    bounds.extend(anchors.iter().map(|&(o, n)| (o + 1, n + 1)));
    let ends: Vec<(usize, usize)> = anchors
        .iter()
        .copied()
        .chain(std::iter::once((oi.len(), ni.len())))
        .collect();
    for (lo, hi) in bounds.into_iter().zip(ends) {
        for o in lo.0..hi.0 {
            if m.o2n[o].is_some() || m.grouped_old[o] {
                continue;
            }
            let pool = Bag::of(words(&oi[o]));
            let mut best: Option<(f32, Vec<usize>)> = None;
            let mut n = lo.1;
            while n < hi.1 {
                let free = |x: usize| m.n2o[x].is_none() && !m.grouped_new[x];
                if !free(n) || !mostly_from(&pool, words(&ni[n])) {
                    n += 1;
                    continue;
                }
                let mut run = vec![n];
                while let Some(&last) = run.last() {
                    let x = last + 1;
                    if x < hi.1 && free(x) && mostly_from(&pool, words(&ni[x])) {
                        run.push(x);
                    } else {
                        break;
                    }
                }
                n = run.last().unwrap() + 1;
                if run.len() > 1 {
                    let s = union_dice(&[o], &run, oi, ni);
                    if s >= threshold && best.as_ref().is_none_or(|b| s > b.0) {
                        best = Some((s, run));
                    }
                }
            }
            if let Some((s, run)) = best {
                for &x in &run {
                    m.grouped_new[x] = true;
                }
                m.grouped_old[o] = true;
                groups.push((vec![o], run, s));
            }
        }
        for n in lo.1..hi.1 {
            if m.n2o[n].is_some() || m.grouped_new[n] {
                continue;
            }
            let pool = Bag::of(words(&ni[n]));
            let mut run: Vec<usize> = Vec::new();
            let mut best: Option<(f32, Vec<usize>)> = None;
            for o in lo.0..hi.0 {
                let free = m.o2n[o].is_none() && !m.grouped_old[o];
                if free && mostly_from(&pool, words(&oi[o])) {
                    run.push(o);
                    continue;
                }
                if run.len() > 1 {
                    let s = union_dice(&run, &[n], oi, ni);
                    if s >= threshold && best.as_ref().is_none_or(|b| s > b.0) {
                        best = Some((s, run.clone()));
                    }
                }
                run.clear();
            }
            if run.len() > 1 {
                let s = union_dice(&run, &[n], oi, ni);
                if s >= threshold && best.as_ref().is_none_or(|b| s > b.0) {
                    best = Some((s, run.clone()));
                }
            }
            if let Some((s, run)) = best {
                for &x in &run {
                    m.grouped_old[x] = true;
                }
                m.grouped_new[n] = true;
                groups.push((run, vec![n], s));
            }
        }
    }
    // members of a group are no longer 1:1 pairs
    for (os, ns, _) in &groups {
        for &o in os {
            m.unpair(o);
        }
        for &n in ns {
            if let Some(o) = m.n2o[n] {
                m.unpair(o);
            }
        }
    }
    groups
}

/// Grows a group of consecutive indices forwards, then backwards, while
/// the next index is free and accepted.
fn extend(
    group: &mut Vec<usize>,
    len: usize,
    free: impl Fn(usize) -> bool,
    mut accept: impl FnMut(usize) -> bool,
) {
    let first = group[0];
    let mut x = first + 1;
    while x < len && free(x) && accept(x) {
        group.push(x);
        x += 1;
    }
    let mut x = first;
    while x > 0 && free(x - 1) && accept(x - 1) {
        group.push(x - 1);
        x -= 1;
    }
}
