//! Text as people paste it (issue 15, item 4): a draft copied out of a PDF
//! viewer is hard-wrapped at a fixed measure, with or without blank lines
//! between paragraphs and with the page furniture of each page break.
//! Re-wrapped at any measure from 60 to 120 columns it compares as
//! identical to its one-line-per-paragraph form.

mod common;

use common::*;
use resdiff::{CompareOptions, compare_texts};

/// The substantive changes `compare` reports between a text and its pasted
/// layout, written out for a failure message.
fn false_changes(clean: &str, p: Paste, symbol: &str) -> Vec<String> {
    let wrapped = pasted(clean, p, symbol);
    let d = compare_texts(clean, &wrapped, &CompareOptions::default()).unwrap();
    d.changes
        .iter()
        .filter(|c| c.is_substantive())
        .map(|c| format!("{:?} {:?}->{:?}", c.kind, c.old, c.new))
        .collect()
}

fn symbol_of(text: &str) -> String {
    parse("x", text)
        .header
        .symbol
        .unwrap_or_else(|| "S/2099/999".to_string())
}

/// The measurement behind the issue: for each corpus text, the measures
/// from 60 to 120 at which its pasted layout gives false changes, in each
/// of the four layouts. Slow in a debug build (about 10 000 comparisons):
/// `cargo test --test pasted -- --ignored --nocapture`.
#[test]
#[ignore]
fn measure_false_changes_at_every_width() {
    let Some(corpus) = corpus() else { return };
    let texts = corpus_texts(&corpus);
    println!("{} corpus texts", texts.len());
    let mut any = [0usize; 4];
    for (name, text) in &texts {
        let symbol = symbol_of(text);
        for (k, (blank, furniture)) in [(true, false), (true, true), (false, false), (false, true)]
            .into_iter()
            .enumerate()
        {
            let bad: Vec<usize> = (60..=120)
                .filter(|&width| {
                    !false_changes(
                        text,
                        Paste {
                            width,
                            blank,
                            furniture,
                        },
                        &symbol,
                    )
                    .is_empty()
                })
                .collect();
            if !bad.is_empty() {
                any[k] += 1;
                println!(
                    "{name} blank={blank} furniture={furniture}: {} widths {:?}",
                    bad.len(),
                    bad
                );
            }
        }
    }
    println!(
        "texts with false changes: blank lines {} (+furniture {}), no blank lines {} (+furniture {})",
        any[0], any[1], any[2], any[3]
    );
}
