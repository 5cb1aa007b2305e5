//! Formatting noise is never a change: the same text hard-wrapped and
//! hyphenated as copied out of a PDF, with page furniture, CRLF, tabs,
//! no-break spaces and straight quotes, compares as identical.

mod common;

use common::*;
use resdiff::{CompareOptions, compare_texts};

fn assert_same(name: &str, clean: &str, symbol: &str) {
    for width in [72, 88] {
        let noisy = pdf_like(clean, width, symbol);
        assert_ne!(noisy, clean);
        let d = compare_texts(clean, &noisy, &CompareOptions::default()).unwrap();
        let changed: Vec<String> = d
            .changes
            .iter()
            .filter(|c| c.is_substantive())
            .map(|c| format!("{:?} {:?}->{:?}", c.kind, c.old, c.new))
            .collect();
        assert!(
            !d.has_changes(),
            "{name} at width {width}: {changed:?}\n{:?}",
            d.header
        );
    }
}

#[test]
fn bundled_drafts_survive_pdf_layout() {
    for entry in std::fs::read_dir(root().join("resolutions")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let text = std::fs::read_to_string(&path).unwrap();
            // amendment documents (A-ES-11-L.15.txt) are no drafts
            if text.lines().any(|l| {
                let l = l.to_lowercase();
                !l.starts_with('#') && l.contains("amendment") && l.contains("to draft resolution")
            }) {
                continue;
            }
            let symbol = parse("x", &text).header.symbol.unwrap_or_default();
            assert_same(&path.display().to_string(), &text, &symbol);
        }
    }
}

/// Corpus texts whose clean form is itself broken, so that no layout of
/// them has one right reading: in task3-07 one line runs four preambular
/// paragraphs together (", Welcoming ...", ", Expressing ...") and the
/// paragraph before "5." stops mid-sentence; in task3-10 paragraph 58 and
/// its sub-paragraphs run on inside the line of paragraph 57
/// ("...peace and stability; 58.  (a)  Requests ... (b) ... (c) ...");
/// task3-11 annexes a statute whose article headings are garbled in the
/// source ("7: Article Non bis in Idem") and whose numbering restarts in
/// every article, so wrapping regroups a few of its headings; in task3-29
/// the line of the last preambular paragraph also holds operative
/// paragraphs 1 to 4.
const RUN_TOGETHER: &[&str] = &[
    "task3-07.txt",
    "task3-10.txt",
    "task3-11.txt",
    "task3-29.txt",
];

#[test]
fn corpus_texts_survive_pdf_layout() {
    let Some(corpus) = corpus() else { return };
    let mut n = 0;
    for dir in ["ga-resolutions-text", "sc-drafts-text"] {
        for path in files(&corpus.join(dir), "txt") {
            if RUN_TOGETHER.iter().any(|f| path.ends_with(f)) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            assert_same(&path.display().to_string(), &text, "S/2099/999");
            n += 1;
        }
    }
    assert!(n >= 35, "{n} texts");
}

#[test]
fn wrapped_reference_equals_its_own_unwrapped_form() {
    // the JSON references that are hard-wrapped as in the PDF, against the
    // same text reflowed to one paragraph a line by resdiff itself
    let Some(corpus) = corpus() else { return };
    for path in files(&corpus.join("sc-drafts"), "json") {
        let wrapped = json_content(&path);
        let r = parse("wrapped", &wrapped);
        let flat = resdiff::render::resolution_text(&r);
        let d = compare_texts(&wrapped, &flat, &CompareOptions::default()).unwrap();
        assert!(!d.has_changes(), "{}", path.display());
        assert_eq!(
            parse("flat", &flat).clause_count(),
            r.clause_count(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn crlf_tabs_and_blank_lines_anywhere() {
    let clean = "The Security Council,\n\nRecalling its resolution 2231 (2015),\n\n1. Decides to remain seized of the matter.\n";
    let messy = "\r\n\r\nThe Security Council,\r\n\r\n\r\nRecalling its resolution\r\n\r\n2231 (2015),\r\n1\tDecides to remain\u{a0}seized of the matter.\r\n\r\n";
    let d = compare_texts(clean, messy, &CompareOptions::default()).unwrap();
    assert!(!d.has_changes(), "{:#?}", d.changes);
}
