//! Criterion benchmarks of `resdiff rivals`: the matrix of 2 to 6 drafts
//! (time should grow linearly with the drafts), and of 3 drafts of 300 to
//! 2,400 clauses (near-linearly with the clauses).
//!
//! The drafts are generated: a base of `n` operative paragraphs, and rivals
//! that reword every k-th paragraph, drop one, and add one of their own.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use resdiff::load::Document;
use resdiff::parse::{self, Resolution};
use resdiff::rivals::{RivalsOptions, rivals};

const WORDS: &[&str] = &[
    "sovereignty",
    "territorial",
    "integrity",
    "humanitarian",
    "assistance",
    "civilians",
    "peace",
    "security",
    "international",
    "law",
    "dialogue",
    "negotiations",
    "report",
    "withdrawal",
    "forces",
    "access",
    "protection",
    "infrastructure",
    "energy",
    "food",
    "accountability",
    "victims",
    "ceasefire",
    "monitoring",
    "elections",
    "refugees",
];

/// Paragraph `i` of the base: a lead and twelve words picked by `i`.
fn paragraph(i: usize) -> String {
    let leads = [
        "Decides",
        "Calls upon all States to",
        "Requests",
        "Encourages",
        "Urges",
    ];
    let words: Vec<&str> = (0..12)
        .map(|k| WORDS[(i * 7 + k * (i % 5 + 3)) % WORDS.len()])
        .collect();
    format!("{} {} {};", leads[i % leads.len()], i, words.join(" "))
}

/// Rival `r` of a base of `n` paragraphs (rival 0 is the base).
fn draft(n: usize, r: usize) -> Resolution {
    let mut s = String::from("The General Assembly,\n\n");
    let mut k = 1;
    for i in 0..n {
        if r > 0 && i == (r * 13) % n {
            continue; // dropped by this rival
        }
        let mut p = paragraph(i);
        if r > 0 && i % (r + 2) == 1 {
            p = p
                .replacen(" the ", " all the ", 1)
                .replacen("Decides", "Recommends", 1);
            p.insert_str(p.len() - 1, &format!(" as proposed by rival {r}"));
        }
        s.push_str(&format!("{k}. {p}\n\n"));
        k += 1;
        if r > 0 && i == n / 2 {
            s.push_str(&format!(
                "{k}. Welcomes the proposal of rival {r} on monitoring;\n\n"
            ));
            k += 1;
        }
    }
    parse::parse(&Document::from_text(format!("rival{r}.txt"), s)).unwrap()
}

fn by_drafts(c: &mut Criterion) {
    let mut g = c.benchmark_group("rivals_600_clauses");
    for n in [2, 3, 4, 6] {
        let docs: Vec<Resolution> = (0..n).map(|r| draft(600, r)).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("drafts", n), |b| {
            b.iter(|| rivals(black_box(docs.clone()), &RivalsOptions::default()))
        });
    }
    g.finish();
}

fn by_clauses(c: &mut Criterion) {
    let mut g = c.benchmark_group("rivals_3_drafts");
    g.sample_size(20);
    for n in [300, 600, 1200, 2400] {
        let docs: Vec<Resolution> = (0..3).map(|r| draft(n, r)).collect();
        g.throughput(Throughput::Elements(n as u64));
        g.bench_function(BenchmarkId::new("clauses", n), |b| {
            b.iter(|| rivals(black_box(docs.clone()), &RivalsOptions::default()))
        });
    }
    g.finish();
}

criterion_group!(benches, by_drafts, by_clauses);
criterion_main!(benches);
