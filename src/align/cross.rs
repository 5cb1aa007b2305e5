//! Clauses that cross between the preamble and the operative part.
//!
//! A classic compromise moves an operative paragraph into the preamble: the
//! words survive, but the body no longer *decides* or *demands*; it only
//! *recalls* or *welcomes* (a softening). The reverse promotes a concern to
//! a request (a strengthening). Each part is aligned on its own first; then
//! the clauses left dropped in one part are matched against those left added
//! in the other, on the same evidence as loose pairs (weighted, stemmed
//! words) but with the far search's high bar, since place says nothing
//! across parts. The preambular and operative forms of one verb
//! (`Welcoming`/`Welcomes`, `Noting`/`Notes`) are the same lead: the change
//! of form is part of the move.

use super::evidence::{Bag, Evidence, bag_weights, dice_at_most, sharing, weighted_dice};
use super::{AlignOptions, Ctx, Link, LinkKind, PartAlignment, dice};
use crate::pair::Pair;
use crate::parse::{Clause, Part, Resolution};

/// The bar for a pair across parts, on weighted words: as high as the far
/// search's (a clause moved far is paired at 0.7 of its words), or
/// `--threshold` if that is higher.
pub const CROSS_BAR: f32 = 0.7;

/// How much of the shorter clause's weight the longer must hold for a
/// clause absorbed whole into a longer one (`Welcoming the continued
/// efforts …` becoming `Welcomes and expresses its strong support for the
/// continued efforts …, and calls upon …`: all its weight held, a Dice of
/// 0.53) to count as the same clause; its weighted Dice must still reach
/// [`CONTAINED_DICE`]. Holding 85% of a clause's weight is stronger evidence
/// than the far search's 0.7 Dice, which lets 30% differ on both sides.
const CONTAINED: f32 = 0.85;
/// See [`CONTAINED`].
const CONTAINED_DICE: f32 = 0.5;
/// A pair across parts shares at least this many words that are neither
/// function nor formula words.
const MIN_CONTENT: usize = 3;
/// Most pairs scored in one direction: past it, two texts that share so
/// little that hundreds of clauses were dropped and added are not searched
/// for crossings.
const MAX_CELLS: usize = 250_000;

/// Pairs clauses dropped from one part with clauses added to the other,
/// rewriting `parts` in place: the added clause's link becomes a link from
/// the other part ([`Link::from_part`]), the dropped clause's link goes.
pub(super) fn link_across<'a>(
    parts: &mut [PartAlignment],
    res: Pair<&'a Resolution>,
    opts: &AlignOptions,
    ctx: &mut Ctx<'a>,
) {
    let Some(pp) = parts.iter().position(|p| p.part == Part::Preamble) else {
        return;
    };
    let Some(op) = parts.iter().position(|p| p.part == Part::Operative) else {
        return;
    };
    let free = |pa: &PartAlignment, kind: LinkKind| -> Vec<usize> {
        pa.links
            .iter()
            .filter(|l| l.kind == kind)
            .map(|l| {
                if kind == LinkKind::Deleted {
                    l.old[0]
                } else {
                    l.new[0]
                }
            })
            .collect()
    };
    // nothing to read when no direction has clauses on both sides
    let live = |dropped: Vec<usize>, added: Vec<usize>| {
        !dropped.is_empty() && !added.is_empty() && dropped.len() * added.len() <= MAX_CELLS
    };
    if !live(
        free(&parts[op], LinkKind::Deleted),
        free(&parts[pp], LinkKind::Inserted),
    ) && !live(
        free(&parts[pp], LinkKind::Deleted),
        free(&parts[op], LinkKind::Inserted),
    ) {
        return;
    }
    // (part of the old clause, its index; part of the new clause, its index)
    let mut cands: Vec<(f32, Part, usize, Part, usize)> = Vec::new();
    // the stems the loose passes met (taken out: `ctx` aligns sub-paragraphs below)
    let mut ev = std::mem::replace(&mut ctx.evidence, Evidence::new());
    let directions = [
        (
            parts[op].part,
            free(&parts[op], LinkKind::Deleted),
            parts[pp].part,
            free(&parts[pp], LinkKind::Inserted),
        ),
        (
            parts[pp].part,
            free(&parts[pp], LinkKind::Deleted),
            parts[op].part,
            free(&parts[op], LinkKind::Inserted),
        ),
    ];
    let mut bags: Vec<(Vec<Bag>, Vec<Bag>)> = Vec::new();
    for (from, os, to, ns) in &directions {
        if os.len() * ns.len() > MAX_CELLS {
            bags.push((Vec::new(), Vec::new()));
            continue;
        }
        let ob = os
            .iter()
            .map(|&o| ev.bag(&res.old.part(*from)[o]))
            .collect();
        let nb = ns.iter().map(|&n| ev.bag(&res.new.part(*to)[n])).collect();
        bags.push((ob, nb));
    }
    if bags.iter().all(|(o, n)| o.is_empty() || n.is_empty()) {
        return;
    }
    // weights over the candidates (as in the loose pass): stemming every
    // clause of two long texts would cost more than the whole alignment
    let every: Vec<&Bag> = bags.iter().flat_map(|(o, n)| o.iter().chain(n)).collect();
    let weights = ev.weights(&every);
    let bar = CROSS_BAR.max(opts.threshold);
    for ((from, os, to, ns), (ob, nb)) in directions.iter().zip(&bags) {
        if ob.len() != os.len() || nb.len() != ns.len() {
            continue; // too many to search (see MAX_CELLS)
        }
        // only pairs sharing MIN_CONTENT content words can pass, found
        // through an index so that hundreds of clauses dropped and added
        // are not all compared with each other; of those, only pairs whose
        // weighted Dice can reach the lowest bar are scored (most pairs of
        // long lists share a few words and little weight)
        let bw = |b: &[Bag]| -> Vec<(f32, f32)> {
            b.iter().map(|b| bag_weights(b, &weights, &ev)).collect()
        };
        let (ow, nw) = (bw(ob), bw(nb));
        let low = CONTAINED_DICE.min(bar);
        for (i, j, shared) in sharing(ob, nb, MIN_CONTENT, &weights, &ev) {
            if dice_at_most(ow[i], nw[j], shared) < low {
                continue;
            }
            let (o, n) = (os[i], ns[j]);
            let (s, content) = weighted_dice(&ob[i], &nb[j], &weights, &ev);
            // under CONTAINED_DICE (below the bar) neither test can pass:
            // the share held is not worth computing
            if content < MIN_CONTENT || s < low {
                continue;
            }
            let c = contained(&ob[i], &nb[j], &weights);
            if s >= bar || (c >= CONTAINED && s >= CONTAINED_DICE) {
                cands.push((s.max(c), *from, o, *to, n));
            }
        }
    }
    ev.recycle(weights);
    cands.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then((a.1 as u8, a.2, a.4).cmp(&(b.1 as u8, b.2, b.4)))
    });
    let mut taken_old: Vec<(Part, usize)> = Vec::new();
    let mut taken_new: Vec<(Part, usize)> = Vec::new();
    for (_, from, o, to, n) in cands {
        if taken_old.contains(&(from, o)) || taken_new.contains(&(to, n)) {
            continue;
        }
        taken_old.push((from, o));
        taken_new.push((to, n));
        let (oc, nc) = (&res.old.part(from)[o], &res.new.part(to)[n]);
        let children = {
            let a: Vec<&Clause> = oc.children.iter().collect();
            let b: Vec<&Clause> = nc.children.iter().collect();
            if a.is_empty() && b.is_empty() {
                Vec::new()
            } else {
                ctx.level(&a, &b)
            }
        };
        let (oi, ni) = (ctx.info(oc), ctx.info(nc));
        let link = Link {
            kind: if oi.own == ni.own {
                LinkKind::Unchanged
            } else {
                LinkKind::Modified
            },
            old: vec![o],
            new: vec![n],
            moved: true,
            similarity: dice(&oi.sorted, &ni.sorted),
            loose: false,
            from_part: Some(from),
            children,
        };
        let fi = parts.iter().position(|p| p.part == from).unwrap_or(0);
        parts[fi]
            .links
            .retain(|l| !(l.kind == LinkKind::Deleted && l.old == [o]));
        let ti = parts.iter().position(|p| p.part == to).unwrap_or(0);
        if let Some(l) = parts[ti]
            .links
            .iter_mut()
            .find(|l| l.kind == LinkKind::Inserted && l.new == [n])
        {
            *l = link;
        }
    }
}

/// The share of the shorter bag's weight that the longer one holds.
fn contained(a: &Bag, b: &Bag, w: &super::evidence::Weights) -> f32 {
    let (short, long) = if a.stems.len() <= b.stems.len() {
        (a, b)
    } else {
        (b, a)
    };
    let total: f32 = short.stems.iter().map(|&s| w.of(s)).sum();
    if total <= 0.0 {
        return 0.0;
    }
    let held: f32 = short
        .stems
        .iter()
        .filter(|s| long.stems.binary_search(s).is_ok())
        .map(|&s| w.of(s))
        .sum();
    held / total
}
