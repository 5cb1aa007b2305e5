//! Properties over generated drafts: a draft compared with itself has no
//! change; after random edits every clause appears exactly once; the old
//! and new texts can be rebuilt from the segments; layout noise is no change.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use resdiff::diff::{Change, Op};
use resdiff::parse::Resolution;
use resdiff::{CompareOptions, ResolutionDiff, compare_texts};

const PP_LEADS: &[&str] = &[
    "Recalling",
    "Reaffirming",
    "Deeply concerned by",
    "Noting with concern",
    "Welcoming",
    "Stressing",
];
const OP_LEADS: &[&str] = &[
    "Decides",
    "Demands that",
    "Calls upon",
    "Requests",
    "Encourages",
    "Welcomes",
    "Urges",
];
const WORDS: &[&str] = &[
    "the",
    "sovereignty",
    "territorial",
    "integrity",
    "of",
    "Ukraine",
    "all",
    "States",
    "humanitarian",
    "assistance",
    "civilians",
    "peace",
    "security",
    "international",
    "law",
    "Charter",
    "United",
    "Nations",
    "conflict",
    "parties",
    "dialogue",
    "negotiations",
    "report",
    "Secretary-General",
    "resolution",
    "2625",
    "(XXV)",
    "immediate",
    "withdrawal",
    "forces",
    "access",
    "protection",
    "infrastructure",
    "energy",
    "food",
    "accountability",
    "crimes",
    "victims",
];

#[derive(Debug, Clone)]
struct Para {
    text: String,
    subs: Vec<String>,
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 4..18).prop_map(|w| w.join(" "))
}

fn pp() -> impl Strategy<Value = Para> {
    (prop::sample::select(PP_LEADS), words()).prop_map(|(l, w)| Para {
        text: format!("{l} {w},"),
        subs: vec![],
    })
}

fn op() -> impl Strategy<Value = Para> {
    (
        prop::sample::select(OP_LEADS),
        words(),
        prop::collection::vec(words(), 0..3),
    )
        .prop_map(|(l, w, subs)| {
            let subs: Vec<String> = subs.into_iter().map(|s| format!("To {s};")).collect();
            let end = if subs.is_empty() { ";" } else { ":" };
            Para {
                text: format!("{l} {w}{end}"),
                subs,
            }
        })
}

fn draft() -> impl Strategy<Value = (Vec<Para>, Vec<Para>)> {
    (
        prop::collection::vec(pp(), 1..6),
        prop::collection::vec(op(), 1..7),
    )
}

fn render(pps: &[Para], ops: &[Para]) -> String {
    let mut s = String::from("The General Assembly,\n\n");
    for p in pps {
        s.push_str(&p.text);
        s.push_str("\n\n");
    }
    for (i, o) in ops.iter().enumerate() {
        s.push_str(&format!("{}. {}\n\n", i + 1, o.text));
        for (k, sub) in o.subs.iter().enumerate() {
            s.push_str(&format!("    ({}) {sub}\n\n", (b'a' + k as u8) as char));
        }
    }
    s
}

#[derive(Debug, Clone)]
enum Edit {
    Reword(usize, usize, usize),
    Delete(usize),
    Insert(usize, usize),
    Move(usize, usize),
}

fn apply(ops: &[Para], edits: &[Edit], fresh: &[Para]) -> Vec<Para> {
    let mut v = ops.to_vec();
    for e in edits {
        let n = v.len();
        match *e {
            Edit::Reword(i, w, r) if n > 0 => {
                let p = &mut v[i % n];
                let mut ws: Vec<String> = p.text.split(' ').map(String::from).collect();
                let k = 1 + w % (ws.len() - 1).max(1);
                if k < ws.len() - 1 {
                    ws[k] = WORDS[r % WORDS.len()].to_string();
                }
                p.text = ws.join(" ");
            }
            Edit::Delete(i) if n > 1 => {
                v.remove(i % n);
            }
            Edit::Insert(i, f) => v.insert(i % (n + 1), fresh[f % fresh.len()].clone()),
            Edit::Move(i, j) if n > 1 => {
                let p = v.remove(i % n);
                v.insert(j % n, p);
            }
            _ => {}
        }
    }
    v
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), any::<usize>(), any::<usize>())
            .prop_map(|(a, b, c)| Edit::Reword(a, b, c)),
        any::<usize>().prop_map(Edit::Delete),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Insert(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
    ]
}

fn ids(r: &Resolution) -> Vec<String> {
    let mut v = Vec::new();
    for c in r.clauses() {
        c.walk(&mut |d| v.push(d.id.clone()));
    }
    v.sort();
    v
}

fn texts(r: &Resolution) -> BTreeMap<String, String> {
    let mut m = BTreeMap::new();
    for c in r.clauses() {
        c.walk(&mut |d| {
            m.insert(d.id.clone(), d.text.clone());
        });
    }
    m
}

fn seen(d: &ResolutionDiff) -> (Vec<String>, Vec<String>) {
    let (mut o, mut n) = (Vec::new(), Vec::new());
    for c in &d.changes {
        c.walk(&mut |c: &Change| {
            o.extend(c.old.iter().cloned());
            n.extend(c.new.iter().cloned());
        });
    }
    o.sort();
    n.sort();
    (o, n)
}

fn check_rebuild(d: &ResolutionDiff) {
    let (old, new) = (texts(&d.old), texts(&d.new));
    for c in &d.changes {
        c.walk(&mut |c: &Change| {
            let side = |ids: &[String], m: &BTreeMap<String, String>| {
                ids.iter()
                    .map(|i| m[i].as_str())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            let o: String = c
                .segments
                .iter()
                .filter(|s| s.op != Op::Insert)
                .map(|s| s.text.as_str())
                .collect();
            let n: String = c
                .segments
                .iter()
                .filter(|s| s.op != Op::Delete)
                .map(|s| s.text.as_str())
                .collect();
            assert_eq!(o, side(&c.old, &old), "old side of {:?}", c.old);
            assert_eq!(n, side(&c.new, &new), "new side of {:?}", c.new);
        });
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_draft_compared_with_itself_is_unchanged((pps, ops) in draft()) {
        let text = render(&pps, &ops);
        let d = compare_texts(&text, &text, &CompareOptions::default()).unwrap();
        prop_assert!(!d.has_changes());
        prop_assert_eq!(d.summary.kept, d.old.clause_count());
        check_rebuild(&d);
    }

    #[test]
    fn every_clause_appears_exactly_once((pps, ops) in draft(), edits in prop::collection::vec(edit(), 0..6), fresh in prop::collection::vec(op(), 1..3)) {
        let old = render(&pps, &ops);
        let new = render(&pps, &apply(&ops, &edits, &fresh));
        let d = compare_texts(&old, &new, &CompareOptions::default()).unwrap();
        let (o, n) = seen(&d);
        prop_assert_eq!(o, ids(&d.old));
        prop_assert_eq!(n, ids(&d.new));
        check_rebuild(&d);
        // no edit, no change; any edit that changed the text, a change
        prop_assert_eq!(d.has_changes(), old != new);
    }

    #[test]
    fn pdf_layout_is_no_change((pps, ops) in draft(), width in 60usize..100) {
        let text = render(&pps, &ops);
        let noisy = common::pdf_like(&text, width, "A/80/L.1");
        let d = compare_texts(&text, &noisy, &CompareOptions::default()).unwrap();
        prop_assert!(!d.has_changes(), "{:?}", d.changes.iter().filter(|c| c.is_substantive()).collect::<Vec<_>>());
    }

    #[test]
    fn output_is_deterministic((pps, ops) in draft(), edits in prop::collection::vec(edit(), 1..4), fresh in prop::collection::vec(op(), 1..2)) {
        let old = render(&pps, &ops);
        let new = render(&pps, &apply(&ops, &edits, &fresh));
        let a = serde_json::to_string(&compare_texts(&old, &new, &CompareOptions::default()).unwrap()).unwrap();
        let b = serde_json::to_string(&compare_texts(&old, &new, &CompareOptions::default()).unwrap()).unwrap();
        prop_assert_eq!(a, b);
    }
}

/// The clause pairs of a two-draft matrix: rows with a cell on both sides.
fn rival_pairs(old: &str, new: &str) -> std::collections::BTreeSet<(String, String)> {
    use resdiff::rivals::{RivalsOptions, rivals};
    let m = rivals(
        vec![common::parse("old", old), common::parse("new", new)],
        &RivalsOptions::default(),
    );
    m.rows
        .iter()
        .filter_map(|r| match (&r.cells[0], &r.cells[1]) {
            (Some(a), Some(b)) => Some((a.id.clone(), b.id.clone())),
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// `rivals A B` pairs what `compare A B` pairs: every one-to-one pair
    /// is a row, and a split or merge gives exactly one of its pairs a row
    /// (a clause belongs to one row only); nothing else is paired.
    #[test]
    fn two_rivals_pair_clauses_as_compare_does((pps, ops) in draft(), edits in prop::collection::vec(edit(), 0..6), fresh in prop::collection::vec(op(), 1..3)) {
        let old = render(&pps, &ops);
        let new = render(&pps, &apply(&ops, &edits, &fresh));
        let d = compare_texts(&old, &new, &CompareOptions::default()).unwrap();
        let pairs = rival_pairs(&old, &new);
        let mut expected = 0;
        for c in &d.changes {
            match (c.old.as_slice(), c.new.as_slice()) {
                ([], _) | (_, []) => {}
                ([o], [n]) => {
                    prop_assert!(pairs.contains(&(o.clone(), n.clone())), "{o}→{n} missing from {pairs:?}");
                    expected += 1;
                }
                (os, ns) => {
                    let members = pairs.iter().filter(|(o, n)| os.contains(o) && ns.contains(n)).count();
                    prop_assert_eq!(members, 1, "{:?}→{:?} in {:?}", os, ns, pairs);
                    expected += 1;
                }
            }
        }
        prop_assert_eq!(pairs.len(), expected, "{:?}", pairs);
    }
}
