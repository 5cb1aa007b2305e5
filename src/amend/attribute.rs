//! Traces the changes from a draft to its adopted text back to the amendment instructions.
//!
//! Each instruction is applied alone to the draft, and the words it would
//! delete and insert (a word diff of the paragraph before and after it) are
//! looked for among the changes of the comparison: a run of changed words
//! is explained by the instructions whose own runs touch it in the draft
//! and, together, hold its deleted and inserted words. A deleted paragraph
//! is explained by an instruction deleting it, an added one by an
//! instruction inserting a paragraph with (mostly) its wording. What no
//! instruction explains is listed, and so is every instruction whose effect
//! is not (or only partly) in the new text: rejected, withdrawn, or changed
//! on the floor.

use std::collections::HashSet;

use super::apply::{Effect, Node, TextEdit, Vocabulary, apply_text, clause_at, resolve};
use super::{Amendment, Instruction, InstructionError};
use crate::align::LinkKind;
use crate::diff::{
    AmendmentDoc, AmendmentRef, Attribution, Change, InstructionOutcome, Op, Outcome,
    ResolutionDiff, Segment, Unexplained, word_diff,
};
use crate::error::{Error, Result};
use crate::parse::{Clause, Part, Resolution};
use crate::tokens::{KeyOptions, TokenKind, key, tokenize};

/// A run of changed words: where it stands among the old text's words and
/// punctuation marks (`a..b`, empty for a pure insertion), and the
/// comparison keys of the words it deletes and inserts.
#[derive(Debug, Clone)]
struct Hunk {
    segs: Vec<usize>,
    a: usize,
    b: usize,
    del: Vec<String>,
    ins: Vec<String>,
}

fn keys(text: &str) -> Vec<String> {
    tokenize(text, KeyOptions::default())
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Punct))
        .map(|t| key(t.text(text), t.kind, KeyOptions::default()).into_owned())
        .collect()
}

/// Takes out of a run the words it deletes and inserts again (a clean-up
/// that made one run of two edits reads "river flows" out and in).
fn net(mut h: Hunk) -> Hunk {
    let mut k = 0;
    while k < h.del.len() {
        if let Some(p) = h.ins.iter().position(|x| *x == h.del[k]) {
            h.ins.remove(p);
            h.del.remove(k);
        } else {
            k += 1;
        }
    }
    h
}

/// The runs of changed words of a word diff; runs apart only by spaces are one.
fn hunks(segments: &[Segment]) -> Vec<Hunk> {
    let mut out: Vec<Hunk> = Vec::new();
    let mut pos = 0;
    let mut open = false;
    for (k, s) in segments.iter().enumerate() {
        let ks = keys(&s.text);
        match s.op {
            Op::Equal => {
                if !ks.is_empty() {
                    open = false;
                    pos += ks.len();
                }
            }
            Op::Delete | Op::Insert => {
                if !open {
                    out.push(Hunk {
                        segs: Vec::new(),
                        a: pos,
                        b: pos,
                        del: Vec::new(),
                        ins: Vec::new(),
                    });
                    open = true;
                }
                let h = out.last_mut().unwrap();
                h.segs.push(k);
                if s.op == Op::Delete {
                    pos += ks.len();
                    h.b = pos;
                    h.del.extend(ks);
                } else {
                    h.ins.extend(ks);
                }
            }
        }
    }
    out.into_iter().map(net).collect()
}

/// Whether every key of `small` is in `big`, as many times.
fn within(small: &[String], big: &[String]) -> bool {
    let mut pool: Vec<&String> = big.iter().collect();
    small.iter().all(|k| {
        if let Some(p) = pool.iter().position(|x| *x == k) {
            pool.swap_remove(p);
            true
        } else {
            false
        }
    })
}

fn touches(x: &Hunk, y: &Hunk) -> bool {
    x.a <= y.b && y.a <= x.b
}

/// Share of words two texts have in common (0 to 1).
fn similarity(a: &str, b: &str) -> f32 {
    let words = |t: &str| {
        let mut v: Vec<String> = tokenize(t, KeyOptions::default())
            .iter()
            .filter(|x| x.kind == TokenKind::Word)
            .map(|x| x.text(t).to_lowercase())
            .collect();
        v.sort();
        v
    };
    super::write::similarity(&words(a), &words(b))
}

/// What became of an instruction: its outcome, the new clauses where it
/// shows, the old ones it deleted.
type Found = (Outcome, Vec<String>, Vec<String>);

/// An instruction (by its index) and the word runs it makes in one text.
type Runs = (usize, Vec<Hunk>);

/// Where a change stands in the tree of changes.
type ChangePath = Vec<usize>;

fn find_change(changes: &[Change], id: &str, path: &mut ChangePath) -> Option<ChangePath> {
    for (k, c) in changes.iter().enumerate() {
        path.push(k);
        if c.old.iter().any(|o| o == id) {
            return Some(path.clone());
        }
        if let Some(p) = find_change(&c.children, id, path) {
            return Some(p);
        }
        path.pop();
    }
    None
}

fn change_at<'a>(changes: &'a [Change], path: &[usize]) -> &'a Change {
    let mut c = &changes[path[0]];
    for &k in &path[1..] {
        c = &c.children[k];
    }
    c
}

fn change_at_mut<'a>(changes: &'a mut [Change], path: &[usize]) -> &'a mut Change {
    let mut c = &mut changes[path[0]];
    for &k in &path[1..] {
        c = &mut c.children[k];
    }
    c
}

/// Every inserted change of a part, at any depth, with its path; a clause
/// that came into the part from the other one (moved to the preamble or to
/// the operative part) counts as inserted there, so that an instruction
/// inserting its words explains the move.
fn inserted(changes: &[Change], part: Part, path: &mut ChangePath, out: &mut Vec<ChangePath>) {
    for (k, c) in changes.iter().enumerate() {
        path.push(k);
        if c.part == part && (c.kind == LinkKind::Inserted || c.crossing() == Some(part)) {
            out.push(path.clone());
        }
        inserted(&c.children, part, path, out);
        path.pop();
    }
}

fn mark(refs: &mut Vec<AmendmentRef>, symbol: &str, instruction: &str, segs: &[usize]) {
    match refs
        .iter_mut()
        .find(|r| r.symbol == symbol && r.instruction == instruction)
    {
        Some(r) => {
            r.segments.extend_from_slice(segs);
            r.segments.sort_unstable();
            r.segments.dedup();
        }
        None => {
            let mut segments = segs.to_vec();
            segments.sort_unstable();
            segments.dedup();
            refs.push(AmendmentRef {
                symbol: symbol.to_string(),
                instruction: instruction.to_string(),
                segments,
            });
        }
    }
}

/// Attributes a change and everything below it to one instruction.
fn mark_whole(c: &mut Change, symbol: &str, instruction: &str) {
    let segs: Vec<usize> = (0..c.segments.len())
        .filter(|&k| c.segments[k].op != Op::Equal)
        .collect();
    if !segs.is_empty() || c.is_substantive() {
        mark(&mut c.amendments, symbol, instruction, &segs);
    }
    for k in &mut c.children {
        if k.is_substantive() {
            mark_whole(k, symbol, instruction);
        }
    }
}

fn shown_id(c: &Change) -> String {
    c.new.first().or(c.old.first()).cloned().unwrap_or_default()
}

/// One instruction applied alone: who, and what it does.
struct Single<'a> {
    amendment: &'a Amendment,
    ins: &'a Instruction,
    effect: Effect,
}

/// Word runs an instruction makes in one text: the hunks of a word diff of
/// the text before and after it.
fn text_hunks(before: &str, after: &str) -> Vec<Hunk> {
    let (segs, _) = word_diff(before, after, KeyOptions::default(), None);
    hunks(&segs)
}

/// Labels each change of `diff` (a draft against its adopted text) with
/// the amendment instructions that explain it, and sets
/// [`ResolutionDiff::attribution`]: every instruction with its outcome, and
/// the changes no instruction explains.
///
/// Fails, naming the document and the instruction, when an instruction
/// does not fit the draft (its words are not in the paragraph it names, or
/// the paragraph does not exist). Instructions are applied one at a time,
/// so two that collide (competing amendments, one adopted and one not) are
/// no error here.
pub fn attribute(diff: &mut ResolutionDiff, amendments: &[Amendment]) -> Result<()> {
    let draft = diff.old.clone();
    let vocab = Vocabulary::new(&draft, amendments);
    let mut singles: Vec<Single> = Vec::new();
    for a in amendments {
        if let (Some(t), Some(d)) = (&a.target, &draft.header.symbol)
            && !super::apply::same_symbol(t, d)
        {
            return Err(Error::input(
                &a.source,
                format!("amends draft resolution {t}, but the old text is {d}"),
            ));
        }
        for ins in &a.instructions {
            let effect = resolve(&draft, ins, &vocab).map_err(|problem| InstructionError {
                file: a.source.clone(),
                label: ins.label.clone(),
                line: ins.line,
                problem,
            })?;
            singles.push(Single {
                amendment: a,
                ins,
                effect,
            });
        }
    }

    let mut outcomes: Vec<Found> =
        vec![(Outcome::NotAdopted, Vec::new(), Vec::new()); singles.len()];
    let mut title_refs: Vec<AmendmentRef> = Vec::new();

    // word runs, gathered by the text they change (a clause, or the title)
    let mut by_node: Vec<(Node, Vec<Runs>)> = Vec::new();
    for (n, s) in singles.iter().enumerate() {
        let (node, before, after) = match &s.effect {
            Effect::Text { node, edits } => {
                let before = node_text(&draft, node);
                let refs: Vec<&TextEdit> = edits.iter().collect();
                let after = apply_text(&before, &refs);
                (node.clone(), before, after)
            }
            Effect::Replace { node, clauses } => {
                let before = node_text(&draft, node);
                let after = clauses.first().map(|c| c.text.clone()).unwrap_or_default();
                (node.clone(), before, after)
            }
            _ => continue,
        };
        let hs = text_hunks(&before, &after);
        match by_node.iter_mut().find(|(k, _)| *k == node) {
            Some((_, v)) => v.push((n, hs)),
            None => by_node.push((node, vec![(n, hs)])),
        }
    }
    for (node, group) in &by_node {
        let (segments, path) = match node {
            Node::Title => match &diff.header.title {
                Some(t) => (t.clone(), None),
                None => (Vec::new(), None),
            },
            Node::Clause(part, p) => {
                let id = clause_at(&draft, *part, p)
                    .map(|c| c.id.clone())
                    .unwrap_or_default();
                match find_change(&diff.changes, &id, &mut Vec::new()) {
                    Some(cp) => {
                        let c = change_at(&diff.changes, &cp);
                        match c.kind {
                            LinkKind::Modified | LinkKind::Unchanged => {
                                (c.segments.clone(), Some(cp))
                            }
                            _ => (Vec::new(), Some(cp)),
                        }
                    }
                    None => (Vec::new(), None),
                }
            }
        };
        let adopted = hunks(&segments);
        // which instructions explain each changed run
        for a in &adopted {
            let near: Vec<(usize, &Hunk)> = group
                .iter()
                .flat_map(|(n, hs)| hs.iter().filter(|h| touches(h, a)).map(move |h| (*n, h)))
                .collect();
            let mut del: Vec<String> = Vec::new();
            let mut ins: Vec<String> = Vec::new();
            for (_, h) in &near {
                del.extend(h.del.iter().cloned());
                ins.extend(h.ins.iter().cloned());
            }
            if near.is_empty() || !within(&a.del, &del) || !within(&a.ins, &ins) {
                continue;
            }
            let share = |h: &Hunk| {
                h.del.iter().any(|k| a.del.contains(k)) || h.ins.iter().any(|k| a.ins.contains(k))
            };
            for (n, h) in &near {
                if !share(h) {
                    continue;
                }
                let s = &singles[*n];
                let (sym, label) = (s.amendment.name(), s.ins.label.as_str());
                match &path {
                    Some(cp) => mark(
                        &mut change_at_mut(&mut diff.changes, cp).amendments,
                        sym,
                        label,
                        &a.segs,
                    ),
                    None => mark(&mut title_refs, sym, label, &a.segs),
                }
            }
        }
        // whether each instruction's runs are there
        for (n, hs) in group {
            let found = hs
                .iter()
                .filter(|h| {
                    adopted
                        .iter()
                        .any(|a| touches(h, a) && within(&h.del, &a.del) && within(&h.ins, &a.ins))
                })
                .count();
            let where_ = match &path {
                Some(cp) => shown_id(change_at(&diff.changes, cp)),
                None => "title".to_string(),
            };
            outcomes[*n] = match (found, hs.len()) {
                (0, _) => (Outcome::NotAdopted, Vec::new(), Vec::new()),
                (f, t) if f == t => (Outcome::Adopted, vec![where_], Vec::new()),
                _ => (Outcome::Partly, vec![where_], Vec::new()),
            };
        }
    }

    // whole paragraphs: replaced (and so dropped and added), deleted, inserted
    let mut claimed: HashSet<ChangePath> = HashSet::new();
    for (n, s) in singles.iter().enumerate() {
        let (sym, label) = (s.amendment.name(), s.ins.label.as_str());
        match &s.effect {
            Effect::Replace {
                node: Node::Clause(part, p),
                clauses,
            } => {
                let Some(id) = clause_at(&draft, *part, p).map(|c| c.id.clone()) else {
                    continue;
                };
                let Some(cp) = find_change(&diff.changes, &id, &mut Vec::new()) else {
                    continue;
                };
                let kind = change_at(&diff.changes, &cp).kind;
                if kind == LinkKind::Deleted {
                    // too different to pair: the replacement is an added paragraph
                    let text = clauses.first().map(|c| c.text.as_str()).unwrap_or("");
                    if let Some(y) = best_inserted(diff, *part, text, &claimed, 0.5) {
                        mark_whole(change_at_mut(&mut diff.changes, &cp), sym, label);
                        mark_whole(change_at_mut(&mut diff.changes, &y), sym, label);
                        outcomes[n] = (
                            Outcome::Adopted,
                            vec![shown_id(change_at(&diff.changes, &y))],
                            vec![id.clone()],
                        );
                        claimed.insert(y);
                    }
                } else {
                    // the sub-paragraphs go with the paragraph
                    let c = change_at_mut(&mut diff.changes, &cp);
                    let mut any = false;
                    for k in &mut c.children {
                        if k.is_substantive() {
                            mark_whole(k, sym, label);
                            any = true;
                        }
                    }
                    if any && outcomes[n].0 == Outcome::NotAdopted {
                        outcomes[n] = (Outcome::Adopted, vec![shown_id(c)], Vec::new());
                    }
                }
            }
            Effect::Remove {
                node: Node::Clause(part, p),
            } => {
                let Some(id) = clause_at(&draft, *part, p).map(|c| c.id.clone()) else {
                    continue;
                };
                // a paragraph deleted here, or moved from here to the other part
                // (the instruction inserting its words there explains the rest)
                if let Some(cp) = find_change(&diff.changes, &id, &mut Vec::new())
                    && (change_at(&diff.changes, &cp).kind == LinkKind::Deleted
                        || change_at(&diff.changes, &cp).old_part == Some(*part)
                            && change_at(&diff.changes, &cp).crossing().is_some())
                {
                    mark_whole(change_at_mut(&mut diff.changes, &cp), sym, label);
                    outcomes[n] = (Outcome::Adopted, Vec::new(), vec![id]);
                }
            }
            Effect::Insert { part, clauses, .. } => {
                let mut found = Vec::new();
                for c in clauses {
                    if let Some(y) = best_inserted(diff, *part, &c.full_text(), &claimed, 0.6) {
                        mark_whole(change_at_mut(&mut diff.changes, &y), sym, label);
                        found.push(shown_id(change_at(&diff.changes, &y)));
                        claimed.insert(y);
                    }
                }
                outcomes[n] = match found.len() {
                    0 => (Outcome::NotAdopted, found, Vec::new()),
                    k if k == clauses.len() => (Outcome::Adopted, found, Vec::new()),
                    _ => (Outcome::Partly, found, Vec::new()),
                };
            }
            _ => {}
        }
    }

    // what nothing explains
    let mut unexplained = Vec::new();
    fn walk(c: &Change, out: &mut Vec<Unexplained>) {
        let explained: HashSet<usize> = c
            .amendments
            .iter()
            .flat_map(|r| r.segments.iter().copied())
            .collect();
        let left: Vec<usize> = (0..c.segments.len())
            .filter(|&k| c.segments[k].op != Op::Equal && !c.segments[k].text.trim().is_empty())
            .filter(|k| !explained.contains(k))
            .collect();
        if !left.is_empty() || (c.moved && c.amendments.is_empty()) {
            out.push(Unexplained {
                part: part_name(c.part).to_string(),
                old: c.old.clone(),
                new: c.new.clone(),
                segments: left,
            });
        }
        for k in &c.children {
            walk(k, out);
        }
    }
    if let Some(t) = &diff.header.title {
        let explained: HashSet<usize> = title_refs
            .iter()
            .flat_map(|r| r.segments.iter().copied())
            .collect();
        let left: Vec<usize> = (0..t.len())
            .filter(|&k| {
                t[k].op != Op::Equal && !t[k].text.trim().is_empty() && !explained.contains(&k)
            })
            .collect();
        if !left.is_empty() {
            unexplained.push(Unexplained {
                part: "title".to_string(),
                old: Vec::new(),
                new: Vec::new(),
                segments: left,
            });
        }
    }
    for c in &diff.changes {
        walk(c, &mut unexplained);
    }

    diff.attribution = Some(Attribution {
        documents: amendments
            .iter()
            .map(|a| AmendmentDoc {
                source: a.source.clone(),
                symbol: a.symbol.clone(),
                target: a.target.clone(),
                sponsors: a.sponsors.clone(),
            })
            .collect(),
        instructions: singles
            .iter()
            .zip(outcomes)
            .map(|(s, (outcome, clauses, dropped))| InstructionOutcome {
                symbol: s.amendment.name().to_string(),
                instruction: s.ins.label.clone(),
                line: s.ins.line,
                text: s.ins.text.clone(),
                outcome,
                clauses,
                dropped,
            })
            .collect(),
        title: title_refs,
        unexplained,
    });
    Ok(())
}

fn part_name(p: Part) -> &'static str {
    match p {
        Part::Preamble => "preamble",
        Part::Operative => "operative",
        Part::Annex => "annex",
    }
}

fn node_text(draft: &Resolution, node: &Node) -> String {
    match node {
        Node::Title => draft.header.title.clone().unwrap_or_default(),
        Node::Clause(part, p) => clause_at(draft, *part, p)
            .map(|c| c.text.clone())
            .unwrap_or_default(),
    }
}

/// The added paragraph most like `text` (its sub-paragraphs included), if
/// it shares at least `least` of its words.
fn best_inserted(
    diff: &ResolutionDiff,
    part: Part,
    text: &str,
    claimed: &HashSet<ChangePath>,
    least: f32,
) -> Option<ChangePath> {
    let mut all = Vec::new();
    inserted(&diff.changes, part, &mut Vec::new(), &mut all);
    all.into_iter()
        .filter(|p| !claimed.contains(p))
        .map(|p| {
            let c = change_at(&diff.changes, &p);
            let full = new_text(diff, c);
            (similarity(text, &full), p)
        })
        .filter(|(s, _)| *s >= least)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, p)| p)
}

/// The new text of a change, its sub-paragraphs included.
fn new_text(diff: &ResolutionDiff, c: &Change) -> String {
    c.new
        .iter()
        .filter_map(|id| diff.new.find(id))
        .map(Clause::full_text)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(op: Op, text: &str) -> Segment {
        Segment {
            op,
            text: text.to_string(),
        }
    }

    #[test]
    fn runs_of_changed_words_and_their_places() {
        // "data on [-river flows-]{+precipitation and river flows+};"
        let segs = [
            seg(Op::Equal, "data on "),
            seg(Op::Delete, "river flows"),
            seg(Op::Insert, "precipitation and river flows"),
            seg(Op::Equal, ";"),
        ];
        let h = hunks(&segs);
        assert_eq!(h.len(), 1);
        assert_eq!((h[0].a, h[0].b), (2, 4));
        assert_eq!(h[0].segs, [1, 2]);
        // the words taken out and put back do not count
        assert!(h[0].del.is_empty());
        assert_eq!(h[0].ins, ["precipitation", "and"]);
        let i = text_hunks(
            "data on river flows;",
            "data on precipitation and river flows;",
        );
        assert!(touches(&i[0], &h[0]) && within(&h[0].ins, &i[0].ins));
    }
}
