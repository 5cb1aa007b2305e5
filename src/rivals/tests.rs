//! Unit tests of the rival-drafts matrix: hand-written expected rows on the
//! bundled drafts, and small texts for each way links can conflict.

use super::*;
use crate::load::Document;
use crate::parse::parse;

fn read(name: &str, text: &str) -> Resolution {
    parse(&Document::from_text(name, text)).unwrap()
}

fn bundled(name: &str) -> Resolution {
    let path = format!("{}/resolutions/{name}", env!("CARGO_MANIFEST_DIR"));
    let doc = crate::load::load_path(std::path::Path::new(&path), &Default::default()).unwrap();
    parse(&doc).unwrap()
}

/// The rows as `id|id|-`: each draft's clause id, `-` where it has none.
fn rows(m: &Rivals) -> Vec<String> {
    m.rows
        .iter()
        .map(|r| {
            r.cells
                .iter()
                .map(|c| c.as_ref().map_or("-", |c| c.id.as_str()))
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

fn matrix(docs: Vec<Resolution>) -> Rivals {
    rivals(docs, &RivalsOptions::default())
}

const GA: &str = "The General Assembly,\n\n";

#[test]
fn eu_and_us_drafts_and_the_adopted_text() {
    let m = matrix(vec![
        bundled("A-ES-11-L.10.txt"),
        bundled("A-ES-11-L.11.txt"),
        bundled("A-RES-ES-11-8.txt"),
    ]);
    let labels: Vec<&str> = m.drafts.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["L.10", "L.11", "ES-11/8"]);
    // L.10 shares no clause with the others; the United States' two
    // preambular paragraphs, absent from the base, open the preamble (no
    // clause of L.11 stands before them), and ES-11/8 kept the second
    assert_eq!(
        rows(&m),
        [
            "-|PP1|-",
            "-|PP2|PP1",
            "PP1|-|-",
            "PP2|-|-",
            "PP3|-|-",
            "PP4|-|-",
            "-|OP1|OP1",
        ]
    );
    assert_eq!(m.rows[1].groups, [vec![1, 2]]);
    // the amended operative paragraph: two wordings, ES-11/8's diffed
    // against L.11's (the earlier of two equally common wordings)
    let op = &m.rows[6];
    assert_eq!(op.groups, [vec![1], vec![2]]);
    assert_eq!(op.reference, 1);
    let es8 = op.cells[2].as_ref().unwrap();
    let inserted: Vec<&str> = es8
        .segments
        .iter()
        .filter(|s| s.op == Op::Insert)
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(inserted[0].trim(), "just,");
    assert!(!es8.segments.iter().any(|s| s.op == Op::Delete));
    assert_eq!(es8.lead.as_deref(), Some("Implores"));
    let s = &m.summary;
    assert_eq!((s.rows, s.agreed, s.disputed), (7, 0, 7));
    assert_eq!((s.worded_differently, s.missing_from_some), (1, 7));
    let l11 = &s.drafts[1];
    assert_eq!(
        (l11.clauses, l11.with_all, l11.with_some, l11.alone),
        (3, 0, 2, 1)
    );
    assert_eq!(s.drafts[0].alone, 4);
    assert!(m.has_differences());
    assert!(m.notes.is_empty(), "{:?}", m.notes);
}

#[test]
fn four_drafts_with_the_security_council_text() {
    let m = matrix(vec![
        bundled("A-ES-11-L.11.txt"),
        bundled("A-RES-ES-11-8.txt"),
        bundled("S-RES-2774.txt"),
        bundled("A-ES-11-L.10.txt"),
    ]);
    assert_eq!(m.drafts[2].label, "S/RES/2774");
    assert_eq!(
        rows(&m),
        [
            "-|-|-|PP1",
            "-|-|-|PP2",
            "-|-|-|PP3",
            "-|-|-|PP4",
            "PP1|-|PP1|-",
            "PP2|PP1|PP2|-",
            "OP1|OP1|OP1|-",
        ]
    );
    // "throughout the Russia-Ukraine" against "through the Russian Federation-Ukraine"
    assert_eq!(m.rows[4].groups, [vec![0], vec![2]]);
    assert_eq!(m.rows[5].groups, [vec![0, 1, 2]]);
    // the Security Council adopted the United States draft as tabled: it
    // sides with L.11 against the amended ES-11/8
    assert_eq!(m.rows[6].groups, [vec![0, 2], vec![1]]);
    assert_eq!(m.rows[6].reference, 0);
    let s = &m.summary;
    assert_eq!(s.drafts[2].with_some, 3);
    assert_eq!(s.drafts[0].clauses, 3);
}

#[test]
fn the_same_wording_up_to_layout_is_one_group_and_all_agree() {
    let a = read(
        "a",
        &format!(
            "{GA}Recalling its resolution 68/262 of 27 March 2014,\n\n1. Demands that the “parties” cease hostilities;\n"
        ),
    );
    let b = read(
        "b",
        &format!(
            "{GA}Recalling  its resolution 68/262 of 27 March\n2014,\n\n3. Demands that the \"parties\" cease hostilities;\n"
        ),
    );
    let m = matrix(vec![a.clone(), b, a]);
    assert_eq!(rows(&m), ["PP1|PP1|PP1", "OP1|OP3|OP1"]);
    assert!(m.rows.iter().all(Row::agree));
    assert!(!m.has_differences());
    assert_eq!(m.summary.drafts[1].same_wording_as_all, 2);
}

#[test]
fn with_base_the_diffs_are_against_the_base_even_in_the_minority() {
    let demands = "1. Demands that all parties cease hostilities;\n";
    let calls = "1. Calls upon all parties to cease hostilities;\n";
    let docs = vec![
        read("a", &format!("{GA}{calls}")),
        read("b", &format!("{GA}{demands}")),
        read("c", &format!("{GA}{demands}")),
    ];
    let most = rivals(docs.clone(), &RivalsOptions::default());
    assert_eq!(most.rows[0].reference, 1);
    let based = rivals(
        docs,
        &RivalsOptions {
            against_base: true,
            ..RivalsOptions::default()
        },
    );
    let r = &based.rows[0];
    assert_eq!(r.reference, 0);
    assert_eq!(r.groups, [vec![0], vec![1, 2]]);
    let b = r.cells[1].as_ref().unwrap();
    assert!(
        b.segments
            .iter()
            .any(|s| s.op == Op::Delete && s.text.contains("Calls upon"))
    );
    // lead strength per cell: "Demands" is stronger than "Calls upon"
    let (sa, sb) = (r.cells[0].as_ref().unwrap().strength, b.strength);
    assert!(sa.unwrap() < sb.unwrap(), "{sa:?} {sb:?}");
}

#[test]
fn a_clause_the_base_lacks_is_one_row_for_every_draft_that_has_it() {
    let seized = "3. Decides to remain seized of the matter.\n";
    let a = read(
        "a",
        &format!("{GA}1. Welcomes the report of the Secretary-General;\n\n{seized}"),
    );
    let report = "2. Requests the Secretary-General to report on the implementation of the present resolution within ninety days;\n";
    let b = read(
        "b",
        &format!("{GA}1. Welcomes the report of the Secretary-General;\n\n{report}\n{seized}"),
    );
    let c = read("c", &format!("{GA}{report}\n{seized}"));
    let m = matrix(vec![a, b, c]);
    // placed after the row of the clause before it in B
    assert_eq!(rows(&m), ["OP1|OP1|-", "-|OP2|OP2", "OP3|OP3|OP3"]);
    assert_eq!(m.rows[1].groups, [vec![1, 2]]);
}

#[test]
fn the_stronger_link_wins_and_the_note_says_why() {
    // A's OP1 and C's OP1 are alike (the A–C alignment pairs them), but C's
    // OP1 is nearly word for word B's OP1, which A lacks (B has A's OP1 as
    // its OP2): C's clause joins B's row, the stronger link
    let a1 = "Decides to establish an independent international commission of inquiry to investigate all alleged violations in the region;";
    let y = "Decides to establish an independent international commission of inquiry to investigate all alleged violations and abuses of human rights in the region and to report to the Council;";
    let c1 = "Decides to establish an independent international commission of inquiry to investigate all alleged violations and abuses of human rights in the region and to report to the Assembly;";
    let seized = "Decides to remain seized of the matter.";
    let a = read("a", &format!("{GA}1. {a1}\n\n2. {seized}\n"));
    let b = read("b", &format!("{GA}1. {y}\n\n2. {a1}\n\n3. {seized}\n"));
    let c = read("c", &format!("{GA}1. {c1}\n\n2. {seized}\n"));
    // the premise: compare pairs A's OP1 with C's OP1
    let ac = crate::compare(Pair::new(a.clone(), c.clone()), &CompareOptions::default());
    assert!(
        ac.changes
            .iter()
            .any(|ch| ch.old == ["OP1"] && ch.new == ["OP1"])
    );
    let m = matrix(vec![a, b, c]);
    assert_eq!(rows(&m), ["-|OP1|OP1", "OP1|OP2|-", "OP2|OP3|OP2"]);
    assert_eq!(m.notes.len(), 1, "{:?}", m.notes);
    let note = &m.notes[0];
    assert!(note.starts_with("c OP1 reads like b OP1"), "{note}");
    assert!(note.contains("and like a OP1"), "{note}");
}

#[test]
fn a_split_keeps_the_closer_piece_in_the_row_and_says_so() {
    let whole = "Decides to extend the mandate of the Mission until 30 April 2026, and requests the Secretary-General to report on its implementation every ninety days;";
    let first = "Decides to extend the mandate of the Mission until 30 April 2026;";
    let second =
        "Requests the Secretary-General to report on its implementation every ninety days;";
    let seized = "Decides to remain seized of the matter.";
    let a = read("a", &format!("{GA}1. {whole}\n\n2. {seized}\n"));
    let b = read(
        "b",
        &format!("{GA}1. {first}\n\n2. {second}\n\n3. {seized}\n"),
    );
    let d = crate::compare(Pair::new(a.clone(), b.clone()), &CompareOptions::default());
    assert!(
        d.changes.iter().any(|c| c.kind == LinkKind::Split),
        "the premise: compare sees a split"
    );
    // each piece's own word overlap with the whole decides
    let mut i = Interner::new();
    let mut w = |t: &str| {
        let mut v = i.word_keys(t, Default::default());
        v.sort_unstable();
        v
    };
    let (ww, w1, w2) = (w(whole), w(first), w(second));
    let closer = if align::dice(&ww, &w2) > align::dice(&ww, &w1) {
        "OP2"
    } else {
        "OP1"
    };
    let m = matrix(vec![a, b]);
    let expected: Vec<String> = if closer == "OP2" {
        vec!["-|OP1".into(), "OP1|OP2".into(), "OP2|OP3".into()]
    } else {
        vec!["OP1|OP1".into(), "-|OP2".into(), "OP2|OP3".into()]
    };
    assert_eq!(rows(&m), expected);
    assert_eq!(m.notes.len(), 2, "{:?}", m.notes);
    assert!(
        m.notes
            .iter()
            .any(|n| n.contains("placed there as the closest")),
        "{:?}",
        m.notes
    );
    assert!(
        m.notes
            .iter()
            .any(|n| n.contains("it has a row of its own")),
        "{:?}",
        m.notes
    );
}

#[test]
fn every_clause_is_in_exactly_one_row_and_the_output_is_deterministic() {
    let docs = vec![
        bundled("A-RES-ES-11-1.txt"),
        bundled("A-RES-ES-11-4.txt"),
        bundled("A-ES-11-L.10.txt"),
        bundled("A-ES-11-L.11.txt"),
    ];
    let m = matrix(docs.clone());
    for (q, d) in docs.iter().enumerate() {
        for part in Part::ALL {
            let mut seen: Vec<&str> = m
                .rows
                .iter()
                .filter(|r| r.part == part)
                .filter_map(|r| r.cells[q].as_ref())
                .map(|c| c.id.as_str())
                .collect();
            let want: Vec<&str> = d.part(part).iter().map(|c| c.id.as_str()).collect();
            assert_eq!(seen.len(), want.len(), "draft {q} {part:?}");
            seen.sort_unstable();
            let mut want = want;
            want.sort_unstable();
            assert_eq!(seen, want);
        }
    }
    assert_eq!(m, matrix(docs));
}
