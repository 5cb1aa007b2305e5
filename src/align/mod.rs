//! Pairs the clauses of two resolutions by content, never by number.
//!
//! Preambular paragraphs are aligned with preambular ones, operative with
//! operative, and sub-paragraphs within their aligned parents. The work is
//! kept near-linear for long texts:
//!
//! 1. identical clauses are paired by hashing their wording;
//! 2. the longest run of those pairs in the same order becomes the anchors;
//! 3. between two anchors, the leftover clauses are scored against each
//!    other (the plausible candidates: same place in the document);
//! 4. a clause whose words went into several neighbouring clauses is a
//!    split; several clauses folded into one is a merge;
//! 5. what is still left is looked up through an index of each clause's
//!    rarest words, to find clauses moved *and* reworded;
//! 6. what is left between two pairs that keep their order is paired on
//!    weaker evidence: weighted, stemmed words and the lead's family, the
//!    best set of pairs in each gap (see [`loose`]); such a pair under the
//!    ordinary bar is marked loose;
//! 7. a pair out of order relative to the other pairs is flagged moved.
//!
//! Last, clauses left dropped from one part and added to the other are
//! paired across the preamble and the operative part, on a high bar
//! (see [`cross`]).
//!
//! A deadline bounds the whole: past it, steps 4 and 5 are skipped and the
//! result says it is coarser.

mod cross;
pub(crate) mod evidence;
mod loose;
mod score;

use std::time::Duration;

use web_time::Instant;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::pair::Pair;
use crate::parse::{Clause, Part, Resolution};
use crate::tokens::{Interner, KeyOptions};

pub use cross::CROSS_BAR;
pub use loose::{LOOSE_SHARE, loose_bar};
pub use score::{dice, lis_mask};

/// How clauses are paired.
#[derive(Debug, Clone, Copy)]
pub struct AlignOptions {
    /// Minimum similarity (0 to 1, the share of words two clauses have in
    /// common) for two clauses at the same place to count as one clause
    /// reworded rather than one dropped and another added. Below it, a
    /// clause left between the same two paired clauses on both sides may
    /// still be paired, loosely, on weighted words ([`loose_bar`]: half the
    /// threshold for one clause a side, rising with the gap), unless the
    /// threshold is 0.9 or more (near-identical clauses only).
    pub threshold: f32,
    /// How words compare.
    pub keys: KeyOptions,
    /// Time allowed for alignment and word diffs before falling back to a
    /// coarser result.
    pub deadline: Duration,
}

/// The default `--threshold`.
pub const DEFAULT_THRESHOLD: f32 = 0.5;

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: DEFAULT_THRESHOLD,
            keys: KeyOptions::default(),
            deadline: Duration::from_secs(5),
        }
    }
}

/// What became of a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Same wording (numbering may differ).
    Unchanged,
    /// Reworded: same clause, different words.
    Modified,
    /// Only in the new text.
    Inserted,
    /// Only in the old text.
    Deleted,
    /// One old clause became several new ones.
    Split,
    /// Several old clauses became one new one.
    Merged,
}

/// One step of the clause-level edit script.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// What happened.
    pub kind: LinkKind,
    /// Indices of the old clauses at this level (empty when inserted).
    pub old: Vec<usize>,
    /// Indices of the new clauses at this level (empty when deleted).
    pub new: Vec<usize>,
    /// The clause changed place relative to its neighbours.
    pub moved: bool,
    /// Word overlap between the two sides, 0 to 1.
    pub similarity: f32,
    /// Paired under the ordinary bar, on weighted words and place (see
    /// [`loose_bar`]): a pairing to check.
    pub loose: bool,
    /// For a clause that crossed between the preamble and the operative
    /// part, the part its old side stood in (its `old` indices count in that
    /// part); `None` for a link within one part.
    pub from_part: Option<Part>,
    /// Alignment of the sub-paragraphs. Indices refer to the children of the
    /// linked clauses taken in order (for a split, the children of all new
    /// clauses one after another).
    pub children: Vec<Link>,
}

/// The alignment of one part of the resolutions.
#[derive(Debug, Clone, PartialEq)]
pub struct PartAlignment {
    /// Which part.
    pub part: Part,
    /// Links in reading order of the new text; deletions where they were dropped.
    pub links: Vec<Link>,
}

/// The alignment of two resolutions.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// One entry per part present on either side.
    pub parts: Vec<PartAlignment>,
    /// The deadline was reached: moved-and-reworded clauses, splits and
    /// merges were not looked for.
    pub coarse: bool,
}

/// Aligns two resolutions.
pub fn align<'a>(res: Pair<&'a Resolution>, opts: &AlignOptions) -> Alignment {
    use rayon::prelude::*;
    let deadline = Instant::now() + opts.deadline;
    let parts: Vec<Part> = Part::ALL
        .into_iter()
        .filter(|&p| !(res.old.part(p).is_empty() && res.new.part(p).is_empty()))
        .collect();
    // the parts are independent; long texts align them on separate cores
    let one = |part: Part, stems: evidence::Stems<'a>| {
        let mut ctx = Ctx {
            interner: Interner::new(),
            opts: *opts,
            deadline,
            coarse: false,
            evidence: evidence::Evidence::with_stems(stems),
        };
        let old: Vec<&Clause> = res.old.part(part).iter().collect();
        let new: Vec<&Clause> = res.new.part(part).iter().collect();
        let links = ctx.level(&old, &new);
        (PartAlignment { part, links }, ctx.coarse, ctx.evidence)
    };
    let large = res.old.clauses().count() + res.new.clauses().count() > PARALLEL_ABOVE;
    // the words stemmed so far, when the parts are aligned one after the
    // other: each part (and then the crossing pass) stems only new words
    let mut stems = None;
    let done: Vec<(PartAlignment, bool, evidence::Evidence)> = if large {
        parts
            .into_par_iter()
            .map(|p| one(p, evidence::Stems::new()))
            .collect()
    } else {
        parts
            .into_iter()
            .map(|p| {
                let (pa, coarse, mut ev) =
                    one(p, stems.take().unwrap_or_else(evidence::Stems::new));
                stems = Some(ev.take_stems());
                (pa, coarse, ev)
            })
            .collect()
    };
    let coarse = done.iter().any(|d| d.1);
    let mut evidence = None;
    let mut parts: Vec<PartAlignment> = Vec::with_capacity(done.len());
    for (part, _, mut ev) in done {
        // the preamble's stem ids serve the crossing pass, with all the
        // words read so far
        match &mut evidence {
            None => {
                if let Some(stems) = stems.take() {
                    ev.give_stems(stems);
                }
                evidence = Some(ev);
            }
            Some(first) if large => first.absorb_stems(&mut ev),
            Some(_) => {}
        }
        parts.push(part);
    }
    // then clauses that crossed between the preamble and the operative part
    if !coarse {
        let mut ctx = Ctx {
            interner: Interner::new(),
            opts: *opts,
            deadline,
            coarse: false,
            evidence: evidence.unwrap_or_else(evidence::Evidence::new),
        };
        cross::link_across(&mut parts, res, opts, &mut ctx);
    }
    Alignment { parts, coarse }
}

/// Clause counts above which work is spread over threads; below, starting
/// them costs more than it saves.
pub(crate) const PARALLEL_ABOVE: usize = 2000;

/// What the aligner needs of one clause.
#[derive(Default)]
struct Info {
    /// Word keys of the clause and its sub-paragraphs.
    words: Vec<u32>,
    /// The same, sorted, for overlap counts.
    sorted: Vec<u32>,
    /// Hash of the full wording (words and punctuation).
    full: u64,
    /// Hash of the clause's own wording, without sub-paragraphs.
    own: u64,
}

struct Ctx<'a> {
    interner: Interner,
    opts: AlignOptions,
    deadline: Instant,
    coarse: bool,
    /// Stems of the words met so far, for the loose and crossing passes:
    /// one for the whole alignment, so that a word is stemmed once however
    /// many lists of clauses it appears in.
    evidence: evidence::Evidence<'a>,
}

/// Hash of a clause's text and its sub-paragraphs' texts, as written.
fn raw_hash(c: &Clause) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    c.walk(&mut |d| {
        d.text.hash(&mut h);
        d.children.len().hash(&mut h);
    });
    h.finish()
}

/// Whether two clauses read exactly the same, sub-paragraphs included.
fn same_text(a: &Clause, b: &Clause) -> bool {
    a.text == b.text
        && a.children.len() == b.children.len()
        && a.children
            .iter()
            .zip(&b.children)
            .all(|(x, y)| same_text(x, y))
}

/// Links for the sub-paragraphs of two identical clauses.
fn identical_links(c: &Clause) -> Vec<Link> {
    c.children
        .iter()
        .enumerate()
        .map(|(k, child)| Link {
            kind: LinkKind::Unchanged,
            old: vec![k],
            new: vec![k],
            moved: false,
            similarity: 1.0,
            loose: false,
            from_part: None,
            children: identical_links(child),
        })
        .collect()
}

fn hash_keys(keys: &[u32]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    keys.hash(&mut h);
    h.finish()
}

impl<'a> Ctx<'a> {
    fn info(&mut self, c: &Clause) -> Info {
        let k = self.opts.keys;
        // about one word in six bytes, and a punctuation mark or a break to
        // every few words: sized once rather than grown
        let mut words = Vec::with_capacity(c.text.len() / 6 + 4);
        let mut full = Vec::with_capacity(c.text.len() / 5 + 4);
        let mut own = 0;
        let mut first = true;
        c.walk(&mut |d| {
            let from = full.len();
            self.interner.clause_keys(&d.text, k, &mut words, &mut full);
            if first {
                own = hash_keys(&full[from..]);
                first = false;
            }
            full.push(crate::tokens::BREAK);
        });
        let mut sorted = words.clone();
        sorted.sort_unstable();
        Info {
            words,
            sorted,
            full: hash_keys(&full),
            own,
        }
    }

    fn past_deadline(&mut self) -> bool {
        if !self.coarse && Instant::now() > self.deadline {
            self.coarse = true;
        }
        self.coarse
    }

    /// Aligns one list of sibling clauses.
    fn level(&mut self, old: &[&'a Clause], new: &[&'a Clause]) -> Vec<Link> {
        let mut m = Matching::new(old.len(), new.len());

        // 1a. the same text, byte for byte (most clauses of two versions):
        // hashing the raw text avoids tokenizing what is not needed. Only
        // texts found once on each side are paired here; repeated texts wait
        // for the anchors, which tell which copy is which (step 2b).
        let by_raw = groups(
            old.iter().map(|c| raw_hash(c)).enumerate(),
            new.iter().map(|c| raw_hash(c)).enumerate(),
        );
        for (os, ns) in by_raw.values() {
            if let ([o], [n]) = (os.as_slice(), ns.as_slice())
                && same_text(old[*o], new[*n])
            {
                m.pair(*o, *n, 1.0);
                m.identical[*o] = true;
            }
        }
        drop(by_raw);

        // 1b. the same wording once typography is folded (quotes, hyphens,
        // and case or punctuation when asked)
        let oi: Vec<Info> = old
            .iter()
            .enumerate()
            .map(|(o, c)| {
                if m.o2n[o].is_some() {
                    Info::default()
                } else {
                    self.info(c)
                }
            })
            .collect();
        let ni: Vec<Info> = new
            .iter()
            .enumerate()
            .map(|(n, c)| {
                if m.n2o[n].is_some() {
                    Info::default()
                } else {
                    self.info(c)
                }
            })
            .collect();
        let by_hash = groups(
            (0..old.len())
                .filter(|&o| m.o2n[o].is_none())
                .map(|o| (o, oi[o].full)),
            (0..new.len())
                .filter(|&n| m.n2o[n].is_none())
                .map(|n| (n, ni[n].full)),
        );
        let mut repeated: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for (os, ns) in by_hash.into_values() {
            match (os.as_slice(), ns.as_slice()) {
                (_, []) => {}
                ([o], [n]) => {
                    if oi[*o].words == ni[*n].words {
                        m.pair(*o, *n, 1.0);
                    }
                }
                _ => repeated.push((os, ns)),
            }
        }

        // 2. anchors: the pairs of unique texts that keep their order
        let anchors = in_order(&m.pairs());

        // 2b. a text repeated on either side: each copy goes to the copy
        // nearest where the anchors place it, so a clause reworded into the
        // words of another does not take that other's partner
        if !repeated.is_empty() {
            repeated.sort_unstable();
            for (os, ns) in &repeated {
                pair_copies(&mut m, os, ns, &anchors, |o, n| oi[o].words == ni[n].words);
                for &o in os {
                    if let Some(n) = m.o2n[o] {
                        m.identical[o] = same_text(old[o], new[n]);
                    }
                }
            }
        }
        let anchors = if repeated.is_empty() {
            anchors
        } else {
            in_order(&m.pairs())
        };

        let thr = self.opts.threshold;

        // 3. leftovers between consecutive anchors
        let mut lo = (0usize, 0usize);
        for &(ao, an) in anchors
            .iter()
            .chain(std::iter::once(&(old.len(), new.len())))
        {
            let (os, ns) = (m.free_old(lo.0..ao), m.free_new(lo.1..an));
            if !os.is_empty() && !ns.is_empty() {
                let cands = if os.len() * ns.len() <= 2500 {
                    score::all_pairs(&os, &ns, &oi, &ni, |i| &i.sorted)
                } else {
                    score::indexed_pairs(&os, &ns, &oi, &ni, |i| &i.sorted)
                };
                m.greedy(cands, thr);
            }
            lo = (ao + 1, an + 1);
        }

        // 3b. near-identical clauses anywhere (moved, a word or two changed),
        // before the splits and merges, which would otherwise take one as a
        // piece of a neighbour's rewording. Not before 3: among formulaic
        // clauses, a near twin far away would take a clause's own rewording
        // (tried: F1 0.973 -> 0.969 on the 5 MB generated pair)
        if !self.past_deadline() {
            let (os, ns) = (m.free_old(0..old.len()), m.free_new(0..new.len()));
            if !os.is_empty() && !ns.is_empty() {
                let near = thr.max(NEAR_IDENTICAL);
                let cands = if os.len() * ns.len() <= 2500 {
                    score::pairs_at_least(&os, &ns, &oi, &ni, |i| &i.sorted, near)
                } else {
                    score::indexed_pairs(&os, &ns, &oi, &ni, |i| &i.sorted)
                };
                m.greedy(cands, near);
            }
        }

        // 4. splits and merges (before the far search, which would take the pieces)
        let mut groups: Vec<(Vec<usize>, Vec<usize>, f32)> = Vec::new();
        if !self.past_deadline() {
            groups = score::splits_and_merges(&mut m, &oi, &ni, thr, &anchors, |i| &i.sorted);
        }

        // 5. moved and reworded: anywhere, by rare words, with a higher bar
        // (a clause in a split or merge is not free)
        if !self.past_deadline() {
            let (os, ns) = (m.free_old(0..old.len()), m.free_new(0..new.len()));
            if !os.is_empty() && !ns.is_empty() {
                let cands = score::indexed_pairs(&os, &ns, &oi, &ni, |i| &i.sorted);
                m.greedy(cands, thr.max(0.7));
            }
        }

        // 6. loose pairs: between two pairs in order, on weaker evidence
        // (a threshold that asks for near-identical clauses asks for no
        // loose pairs either)
        if !self.past_deadline() && thr < NEAR_IDENTICAL {
            loose::pair_in_gaps(&mut m, old, new, thr, &mut self.evidence, |o, n| {
                dice(&oi[o].sorted, &ni[n].sorted)
            });
        }

        // 7. moves: pairs (and groups) out of order relative to the rest
        let mut rows: Vec<Row> = Vec::new();
        for (o, info) in oi.iter().enumerate() {
            if let Some(n) = m.o2n[o]
                && m.n2o[n] == Some(o)
                && !m.grouped_old[o]
            {
                // the kind describes the clause's own wording; its
                // sub-paragraphs carry their own kinds
                let kind = if m.identical[o] || info.own == ni[n].own {
                    LinkKind::Unchanged
                } else {
                    LinkKind::Modified
                };
                rows.push(Row {
                    kind,
                    old: vec![o],
                    new: vec![n],
                    sim: m.score[o],
                    loose: m.loose[o],
                });
            }
        }
        for (os, ns, sim) in groups {
            let kind = if os.len() == 1 {
                LinkKind::Split
            } else {
                LinkKind::Merged
            };
            rows.push(Row {
                kind,
                old: os,
                new: ns,
                sim,
                loose: false,
            });
        }
        rows.sort_by_key(|r| r.old[0]);
        let order: Vec<usize> = rows.iter().map(|r| r.new[0]).collect();
        let in_order = lis_mask(&order);

        let mut links: Vec<Link> = Vec::with_capacity(old.len().max(new.len()));
        for (r, keep) in rows.into_iter().zip(in_order) {
            let children = if r.old.len() == 1 && m.identical[r.old[0]] {
                identical_links(old[r.old[0]])
            } else {
                let oc: Vec<&Clause> = r.old.iter().flat_map(|&o| old[o].children.iter()).collect();
                let nc: Vec<&Clause> = r.new.iter().flat_map(|&n| new[n].children.iter()).collect();
                if oc.is_empty() && nc.is_empty() {
                    Vec::new()
                } else {
                    self.level(&oc, &nc)
                }
            };
            links.push(Link {
                kind: r.kind,
                old: r.old,
                new: r.new,
                moved: !keep,
                similarity: r.sim,
                loose: r.loose,
                from_part: None,
                children,
            });
        }
        for o in m.free_old(0..old.len()) {
            links.push(one_sided(LinkKind::Deleted, o, old[o]));
        }
        for n in m.free_new(0..new.len()) {
            links.push(one_sided(LinkKind::Inserted, n, new[n]));
        }
        reading_order(links)
    }
}

/// The similarity (Dice over words) above which two clauses out of place are
/// paired before splits and merges are looked for: 0.9 is one word changed
/// in twenty.
const NEAR_IDENTICAL: f32 = 0.9;

struct Row {
    kind: LinkKind,
    old: Vec<usize>,
    new: Vec<usize>,
    sim: f32,
    loose: bool,
}

/// A link for a clause present on one side only, with all its sub-paragraphs.
fn one_sided(kind: LinkKind, index: usize, clause: &Clause) -> Link {
    let children = clause
        .children
        .iter()
        .enumerate()
        .map(|(k, c)| one_sided(kind, k, c))
        .collect();
    let (old, new) = if kind == LinkKind::Deleted {
        (vec![index], vec![])
    } else {
        (vec![], vec![index])
    };
    Link {
        kind,
        old,
        new,
        moved: false,
        similarity: 0.0,
        loose: false,
        from_part: None,
        children,
    }
}

/// Orders links as the new text reads; a deleted clause goes right after
/// the link of the old clause before it (or first, if it opened the part).
fn reading_order(links: Vec<Link>) -> Vec<Link> {
    // the new position of each old clause that stayed in order
    let mut anchor_of_old: Vec<(usize, usize)> = links
        .iter()
        .filter(|l| !l.new.is_empty() && !l.old.is_empty() && !l.moved)
        .flat_map(|l| l.old.iter().map(move |&o| (o, l.new[0])))
        .collect();
    anchor_of_old.sort_unstable();
    let mut keyed: Vec<((i64, u8, usize), Link)> = links
        .into_iter()
        .map(|l| {
            let key = if let Some(&n) = l.new.first() {
                (n as i64, 0, 0)
            } else {
                let o = l.old[0];
                let before = anchor_of_old.partition_point(|&(x, _)| x < o);
                match before.checked_sub(1) {
                    Some(k) => (anchor_of_old[k].1 as i64, 1, o),
                    None => (-1, 1, o),
                }
            };
            (key, l)
        })
        .collect();
    keyed.sort_by_key(|k| k.0);
    keyed.into_iter().map(|(_, l)| l).collect()
}

/// Clauses grouped by a hash of their wording: for each hash an old clause
/// has, the old clauses and the new ones with it, each list ascending.
fn groups(
    old: impl Iterator<Item = (usize, u64)>,
    new: impl Iterator<Item = (usize, u64)>,
) -> FxHashMap<u64, (Vec<usize>, Vec<usize>)> {
    let mut by: FxHashMap<u64, (Vec<usize>, Vec<usize>)> =
        FxHashMap::with_capacity_and_hasher(old.size_hint().0, Default::default());
    for (o, h) in old {
        by.entry(h).or_default().0.push(o);
    }
    for (n, h) in new {
        if let Some(group) = by.get_mut(&h) {
            group.1.push(n);
        }
    }
    by
}

/// The pairs that keep their order (the longest such run), in old order.
fn in_order(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let keep = lis_mask(&pairs.iter().map(|p| p.1).collect::<Vec<_>>());
    pairs
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(p, _)| *p)
        .collect()
}

/// Largest group of copies of one text paired by position; above it, by
/// rank, so that a text repeated thousands of times stays linear.
const COPIES_BY_POSITION: usize = 4096;

/// Pairs the copies of one repeated text: `os` and `ns` (ascending) read
/// the same where `same` says so. Each old copy is expected where the
/// anchor before it puts it (same distance from the anchor in both texts)
/// and goes to the nearest new copy.
fn pair_copies(
    m: &mut Matching,
    os: &[usize],
    ns: &[usize],
    anchors: &[(usize, usize)],
    same: impl Fn(usize, usize) -> bool,
) {
    let expected = |o: usize| -> usize {
        match anchors.partition_point(|a| a.0 < o).checked_sub(1) {
            Some(k) => anchors[k].1 + (o - anchors[k].0),
            None => o,
        }
    };
    let mut cands: Vec<(usize, usize, usize)> = if os.len() * ns.len() <= COPIES_BY_POSITION {
        os.iter()
            .flat_map(|&o| {
                let e = expected(o);
                ns.iter().map(move |&n| (e.abs_diff(n), o, n))
            })
            .collect()
    } else {
        os.iter().zip(ns).map(|(&o, &n)| (0, o, n)).collect()
    };
    cands.sort_unstable();
    for (_, o, n) in cands {
        if m.o2n[o].is_none() && m.n2o[n].is_none() && same(o, n) {
            m.pair(o, n, 1.0);
        }
    }
}

/// The 1:1 matching under construction.
pub(crate) struct Matching {
    pub o2n: Vec<Option<usize>>,
    pub n2o: Vec<Option<usize>>,
    pub score: Vec<f32>,
    pub grouped_old: Vec<bool>,
    pub grouped_new: Vec<bool>,
    /// Pairs whose text is identical byte for byte.
    pub identical: Vec<bool>,
    /// Pairs made loosely, under the ordinary bar.
    pub loose: Vec<bool>,
}

impl Matching {
    fn new(old: usize, new: usize) -> Self {
        Matching {
            o2n: vec![None; old],
            n2o: vec![None; new],
            score: vec![0.0; old],
            grouped_old: vec![false; old],
            grouped_new: vec![false; new],
            identical: vec![false; old],
            loose: vec![false; old],
        }
    }

    pub(crate) fn pair(&mut self, o: usize, n: usize, s: f32) {
        self.o2n[o] = Some(n);
        self.n2o[n] = Some(o);
        self.score[o] = s;
    }

    pub(crate) fn unpair(&mut self, o: usize) {
        self.loose[o] = false;
        if let Some(n) = self.o2n[o].take() {
            self.n2o[n] = None;
        }
    }

    /// The old clauses in `range` that are neither paired nor in a split
    /// or merge.
    fn free_old(&self, range: std::ops::Range<usize>) -> Vec<usize> {
        range
            .filter(|&o| self.o2n[o].is_none() && !self.grouped_old[o])
            .collect()
    }

    /// The new clauses in `range` that are neither paired nor in a split
    /// or merge.
    fn free_new(&self, range: std::ops::Range<usize>) -> Vec<usize> {
        range
            .filter(|&n| self.n2o[n].is_none() && !self.grouped_new[n])
            .collect()
    }

    /// The pairs made so far, in old order.
    fn pairs(&self) -> Vec<(usize, usize)> {
        self.o2n
            .iter()
            .enumerate()
            .filter_map(|(o, n)| n.map(|n| (o, n)))
            .collect()
    }

    /// Pairs candidates best first, each clause at most once.
    fn greedy(&mut self, mut cands: Vec<(f32, usize, usize)>, threshold: f32) {
        cands.retain(|c| c.0 >= threshold);
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (s, o, n) in cands {
            if self.o2n[o].is_none() && self.n2o[n].is_none() {
                self.pair(o, n, s);
            }
        }
    }
}

#[cfg(test)]
mod tests;
