//! Measures how faithfully the PDF loader reads the corpus's Security Council drafts.
//!
//! ```text
//! cargo run --release --example pdf_fidelity            # the table and totals
//! cargo run --release --example pdf_fidelity -- -v S_2017_77   # word differences of one file
//! cargo run --release --example pdf_fidelity -- --dump S_2017_77 # the loader's text
//! ```
//!
//! Words are compared from "The Security Council," on, footnotes apart,
//! with quotes, hyphens and page-furniture lines of the reference
//! normalised (see `tests/support/fidelity.rs`).

#[path = "../tests/support/fidelity.rs"]
mod fidelity;

use fidelity::*;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = args.iter().any(|a| a == "-v");
    let dump = args.iter().any(|a| a == "--dump");
    let only: Vec<&String> = args.iter().filter(|a| !a.starts_with('-')).collect();
    let Some(corpus) = corpus_dir() else {
        eprintln!("pdf_fidelity: ../shared/corpus not found");
        std::process::exit(2);
    };
    let mut totals = (0usize, 0usize, 0usize, 0usize, 0usize, 0f64, 0usize);
    let mut equal = 0;
    let mut failures = Vec::new();
    let files = sc_drafts(&corpus);
    println!(
        "{:<13} {:>3} {:>6} {:>5} {:>7} {:>5} {:>6} {:>6} {:>7} {:>5} {:>7} {:>5} {:>5}",
        "file",
        "pp",
        "words",
        "err",
        "WER%",
        "+ext",
        "+ref",
        "errSh",
        "WERsh%",
        "notes",
        "OPs",
        "leaks",
        "equal"
    );
    for (name, pdf, json) in &files {
        if !only.is_empty() && !only.iter().any(|o| name.contains(o.as_str())) {
            continue;
        }
        let reference = reference_text(json);
        let pages = page_count(pdf);
        let (r, doc) = match measure(name, pdf, &reference, pages) {
            Ok(x) => x,
            Err(e) => {
                println!("{name}: ERROR {e}");
                failures.push(name.clone());
                continue;
            }
        };
        if dump {
            println!("{}", doc.text);
        }
        totals.0 += r.body.reference_words;
        totals.1 += r.body.errors;
        totals.2 += r.body.errors_shared;
        totals.3 += r.body.reference_words - r.body.extra_in_reference;
        totals.4 += r.leaks.len();
        totals.5 += r.millis;
        totals.6 += r.pages;
        if r.compares_equal {
            equal += 1;
        } else {
            failures.push(name.clone());
        }
        println!(
            "{:<13} {:>3} {:>6} {:>5} {:>7.3} {:>5} {:>6} {:>6} {:>7.3} {:>5} {:>3}/{:<3} {:>5} {:>5}",
            r.name,
            r.pages,
            r.body.reference_words,
            r.body.errors,
            100.0 * r.body.wer(),
            r.body.extra_in_extraction,
            r.body.extra_in_reference,
            r.body.errors_shared,
            100.0 * r.body.wer_shared(),
            r.notes.errors,
            r.pdf_ops,
            r.reference_ops,
            r.leaks.len(),
            if r.compares_equal { "yes" } else { "NO" },
        );
        if verbose {
            for h in &r.body.hunks {
                println!(
                    "    after {:?}\n    ref {:?}\n    pdf {:?}",
                    h.before.join(" "),
                    h.reference.join(" "),
                    h.extracted.join(" ")
                );
            }
            for h in &r.notes.hunks {
                println!(
                    "    note ref {:?}\n    note pdf {:?}",
                    h.reference.join(" "),
                    h.extracted.join(" ")
                );
            }
            for l in &r.leaks {
                println!("    leak {l:?}");
            }
            for c in &r.changes {
                println!("    change {c}");
            }
        }
    }
    println!(
        "TOTAL words {} errors {} WER {:.4}% | shared part: errors {} of {} words, WER {:.4}% | leaks {} | compare exit 0: {}/{} | {:.0} ms, {} pages, {:.1} pages/s",
        totals.0,
        totals.1,
        100.0 * totals.1 as f64 / totals.0.max(1) as f64,
        totals.2,
        totals.3,
        100.0 * totals.2 as f64 / totals.3.max(1) as f64,
        totals.4,
        equal,
        files.len(),
        totals.5,
        totals.6,
        totals.6 as f64 / (totals.5 / 1000.0),
    );
    if !failures.is_empty() {
        println!("not equal: {}", failures.join(" "));
    }
}

/// Pages of a PDF, read with the same library the loader uses.
fn page_count(pdf: &std::path::Path) -> usize {
    std::fs::read(pdf)
        .ok()
        .and_then(|b| pdfboss_core::Document::load(b).ok())
        .map_or(0, |d| d.page_count())
}
