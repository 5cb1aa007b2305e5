//! Criterion benchmarks of each stage: parse, align, word diff, render, and
//! the whole comparison, on real and generated drafts.
//!
//! Inputs: the bundled ES-11/1 and ES-11/4 (always), the longest corpus
//! text against an edited copy of itself (when `../shared` is present), a
//! generated pair of 600 paragraphs, and the pairs of `../shared/bench`
//! when `RESDIFF_BENCH_CORPUS` names a directory made by its
//! `gen_corpus.py` (`small`, `medium`, `large`, `huge`).

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use resdiff::load::Document;
use resdiff::render::{Format, RenderOptions};
use resdiff::{AlignOptions, CompareOptions, Pair, align, diff, parse};

struct Fixture {
    name: String,
    old: String,
    new: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// An edited copy: every seventh paragraph reworded, one moved, one dropped.
fn edited(text: &str) -> String {
    let mut paras: Vec<String> = text.split("\n").map(String::from).collect();
    for (k, p) in paras.iter_mut().enumerate() {
        if k % 7 == 3 && p.len() > 40 {
            *p = p
                .replacen(" the ", " all the ", 1)
                .replacen("Decides", "Recommends", 1);
        }
    }
    if paras.len() > 40 {
        let moved = paras.remove(25);
        paras.insert(35, moved);
        paras.remove(30);
    }
    paras.join("\n")
}

/// A generated pair of `n` paragraphs with rewordings, an insertion, a
/// deletion and a move.
fn generated(n: usize) -> (String, String) {
    let leads = [
        "Recalling",
        "Reaffirming",
        "Deeply concerned by",
        "Noting with concern",
    ];
    let ops = [
        "Decides",
        "Demands that all parties",
        "Calls upon all States to",
        "Requests the Secretary-General to",
        "Encourages",
    ];
    let topics = [
        "the humanitarian situation",
        "the protection of civilians",
        "the safety of United Nations personnel",
        "the territorial integrity of States",
        "accountability for the most serious crimes",
        "the delivery of humanitarian assistance",
    ];
    let mut old = String::from("The General Assembly,\n\n");
    let mut new = old.clone();
    let pp = n / 3;
    for k in 0..n {
        let topic = topics[k % topics.len()];
        let text = if k < pp {
            format!(
                "{} its resolution {}/{} on {topic} and the report {} of the Secretary-General,",
                leads[k % 4],
                60 + k % 20,
                k + 1,
                k * 7
            )
        } else {
            format!(
                "{}. {} address {topic} in region {k}, in accordance with international law and resolution {};",
                k - pp + 1,
                ops[k % 5],
                k * 3
            )
        };
        old.push_str(&text);
        old.push_str("\n\n");
        if k % 11 == 5 {
            new.push_str(&text.replace(" and ", ", and in particular "));
        } else if k == n / 2 {
            continue;
        } else {
            new.push_str(&text);
        }
        new.push_str("\n\n");
    }
    (old, new)
}

fn fixtures() -> Vec<Fixture> {
    let mut v = Vec::new();
    let read = |p: PathBuf| std::fs::read_to_string(p).unwrap();
    v.push(Fixture {
        name: "ES-11-1_vs_ES-11-4".into(),
        old: read(root().join("resolutions/A-RES-ES-11-1.txt")),
        new: read(root().join("resolutions/A-RES-ES-11-4.txt")),
    });
    let longest = root().join("../shared/corpus/sc-drafts-text/task3-10.txt");
    if longest.exists() {
        let text = read(longest);
        v.push(Fixture {
            name: "longest_corpus_text_edited".into(),
            new: edited(&text),
            old: text,
        });
    }
    let (old, new) = generated(600);
    v.push(Fixture {
        name: "generated_600".into(),
        old,
        new,
    });
    if let Ok(dir) = std::env::var("RESDIFF_BENCH_CORPUS") {
        for size in ["small", "medium", "large", "huge"] {
            let d = PathBuf::from(&dir).join(size);
            if d.join("old.txt").exists() {
                v.push(Fixture {
                    name: format!("gen_{size}"),
                    old: read(d.join("old.txt")),
                    new: read(d.join("new.txt")),
                });
            }
        }
    }
    v
}

fn stages(c: &mut Criterion) {
    let opts = AlignOptions::default();
    for f in fixtures() {
        let mut g = c.benchmark_group(&f.name);
        g.throughput(Throughput::Bytes((f.old.len() + f.new.len()) as u64));
        if f.old.len() > 1_000_000 {
            g.sample_size(10);
        }
        let docs = Pair::new(
            Document::from_text("old", f.old.clone()),
            Document::from_text("new", f.new.clone()),
        );
        let res = docs.as_ref().try_map(parse::parse).unwrap();
        let alignment = align::align(res.as_ref(), &opts);
        let result = diff::diff(res.clone(), &alignment, &opts);
        g.bench_function(BenchmarkId::new("parse", "both"), |b| {
            b.iter(|| {
                docs.as_ref()
                    .try_map(|d| parse::parse(black_box(d)))
                    .unwrap()
            })
        });
        g.bench_function(BenchmarkId::new("align", ""), |b| {
            b.iter(|| align::align(black_box(res.as_ref()), &opts))
        });
        g.bench_function(BenchmarkId::new("diff", ""), |b| {
            b.iter(|| diff::diff(black_box(res.clone()), &alignment, &opts))
        });
        let json = RenderOptions {
            format: Format::Json,
            ..Default::default()
        };
        g.bench_function(BenchmarkId::new("render", "json"), |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(1 << 20);
                resdiff::render::render(black_box(&result), &json, &mut out).unwrap();
                out
            })
        });
        g.bench_function(BenchmarkId::new("pipeline", "parse+align+diff"), |b| {
            b.iter(|| {
                let res = docs.as_ref().try_map(parse::parse).unwrap();
                resdiff::compare(res, &CompareOptions::default())
            })
        });
        g.finish();
    }
}

criterion_group!(benches, stages);
criterion_main!(benches);
