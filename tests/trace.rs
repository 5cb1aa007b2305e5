//! `resdiff library` and `resdiff trace` end to end: a draft made of corpus
//! clauses traced to them, the bundled A/ES-11/L.10 traced to the
//! resolutions it borrows from, and hostile library content.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use resdiff::align::dice;
use resdiff::parse::{Clause, Part, Resolution};
use resdiff::tokens::{Interner, KeyOptions};
use serde_json::Value;

fn run(args: &[&str], lib: &Path) -> (i32, String, String) {
    let out = resdiff()
        .args(args)
        .arg("--library")
        .arg(lib)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn add(lib: &Path, dirs: &[&Path]) -> (String, String) {
    let mut args = vec!["library", "add"];
    let dirs: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
    args.extend(dirs.iter().map(String::as_str));
    let (code, out, err) = run(&args, lib);
    assert_eq!(code, 0, "library add: {err}");
    (out, err)
}

fn trace_json(draft: &Path, lib: &Path, top: &str) -> Value {
    let d = draft.display().to_string();
    let (code, out, err) = run(&["trace", "-f", "json", "-n", top, &d], lib);
    assert_eq!(code, 0, "trace: {err}");
    serde_json::from_str(&out).unwrap()
}

fn symbols(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s["symbol"].as_str().unwrap_or("").to_string())
        .collect()
}

/// A clause of a corpus text, with where it comes from.
struct Picked {
    symbol: String,
    id: String,
    part: Part,
    text: String,
}

/// From each corpus resolution, its longest preambular and operative clause
/// that no other document has anything close to (so that rank 1 is decided
/// by the wording, not by a tie between two resolutions repeating it).
fn distinctive(docs: &[Resolution]) -> Vec<Picked> {
    let mut i = Interner::new();
    let mut keys = |t: &str| {
        let mut k = i.word_keys(t, KeyOptions::default());
        k.sort_unstable();
        k
    };
    let all: Vec<(usize, &Clause, Vec<u32>)> = docs
        .iter()
        .enumerate()
        .flat_map(|(d, r)| {
            r.preamble
                .iter()
                .chain(&r.operative)
                .map(move |c| (d, c))
                .collect::<Vec<_>>()
        })
        .map(|(d, c)| (d, c, keys(&c.text)))
        .collect();
    let mut picked = Vec::new();
    for (d, r) in docs.iter().enumerate() {
        for part in [Part::Preamble, Part::Operative] {
            let best = all
                .iter()
                .filter(|(cd, c, k)| {
                    *cd == d
                        && c.part == part
                        && c.children.is_empty()
                        && k.len() >= 20
                        && all
                            .iter()
                            .filter(|(od, oc, _)| {
                                docs[*od].header.symbol != r.header.symbol || oc.id != c.id
                            })
                            .all(|(_, _, ok)| dice(k, ok) < 0.8)
                })
                .max_by_key(|(_, _, k)| k.len());
            if let Some((_, c, _)) = best {
                picked.push(Picked {
                    symbol: r.header.symbol.clone().unwrap(),
                    id: c.id.clone(),
                    part,
                    text: c.text.clone(),
                });
            }
        }
    }
    picked
}

/// The corpus resolutions and the bundled texts, in one library folder.
fn corpus_library(corpus: &Path, lib: &Path) {
    add(lib, &[&corpus.join("ga-resolutions-text"), &bundled("")]);
}

#[test]
fn a_draft_of_corpus_clauses_finds_each_source_at_rank_one() {
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    corpus_library(&corpus, &lib);
    let docs: Vec<Resolution> = files(&corpus.join("ga-resolutions-text"), "txt")
        .iter()
        .chain(files(&bundled(""), "txt").iter())
        .filter_map(|p| {
            let doc = resdiff::load::Document::from_text(
                p.display().to_string(),
                std::fs::read_to_string(p).unwrap(),
            );
            let r = resdiff::parse::parse(&doc).ok()?;
            (!r.operative.is_empty() && r.header.symbol.is_some()).then_some(r)
        })
        .collect();
    let picked = distinctive(&docs);
    let from: std::collections::BTreeSet<&str> = picked.iter().map(|p| p.symbol.as_str()).collect();
    assert!(from.len() >= 4, "clauses from several texts: {from:?}");

    // (text, part, expected: Some((symbol, clause id, class)) or None for new)
    type Expect = Option<(String, String, &'static str)>;
    let mut clauses: Vec<(String, Part, Expect)> = Vec::new();
    for (k, p) in picked.iter().enumerate() {
        let (text, class) = if k % 2 == 0 {
            (p.text.clone(), "verbatim")
        } else {
            // lightly edited: a word added after the lead word
            let (lead, rest) = p.text.split_once(' ').unwrap();
            (format!("{lead} also {rest}"), "adapted")
        };
        clauses.push((text, p.part, Some((p.symbol.clone(), p.id.clone(), class))));
    }
    for (text, part) in [
        (
            "Welcoming the initiative to map hydrothermal vents along the Mid-Atlantic Ridge with autonomous submarines,",
            Part::Preamble,
        ),
        (
            "Requests the Secretary-General to convene a panel of astronomers on protecting dark and quiet skies from satellite constellations;",
            Part::Operative,
        ),
        (
            "Decides to proclaim a decade of action for the conservation of migratory seabirds in the polar regions;",
            Part::Operative,
        ),
    ] {
        clauses.push((text.to_string(), part, None));
    }
    // a paragraph stitched from two sources: both are named
    let (a, b) = (&picked[0], &picked[picked.len() - 1]);
    let aw: Vec<&str> = a.text.split_whitespace().collect();
    let bw: Vec<&str> = b.text.split_whitespace().collect();
    let stitched = format!("{} {}", aw[..12].join(" "), bw[bw.len() - 12..].join(" "));

    let mut text = String::from(
        "United Nations A/99/L.1\nGeneral Assembly\nDraft resolution\n\nThe General Assembly,\n\n",
    );
    let pre: Vec<_> = clauses.iter().filter(|c| c.1 == Part::Preamble).collect();
    let ops: Vec<_> = clauses.iter().filter(|c| c.1 == Part::Operative).collect();
    for c in &pre {
        text.push_str(c.0.trim_end_matches([',', ';', '.', ':']));
        text.push_str(",\n\n");
    }
    for (n, c) in ops.iter().enumerate() {
        text.push_str(&format!(
            "{}. {};\n\n",
            n + 1,
            c.0.trim_end_matches([',', ';', '.', ':'])
        ));
    }
    text.push_str(&format!("{}. {stitched}.\n", ops.len() + 1));
    let draft = dir.path().join("draft.txt");
    std::fs::write(&draft, &text).unwrap();

    let v = trace_json(&draft, &lib, "3");
    let traced = v["clauses"].as_array().unwrap();
    let expected: Vec<&(String, Part, Expect)> = pre.iter().chain(ops.iter()).copied().collect();
    assert_eq!(traced.len(), expected.len() + 1, "{text}");
    for (t, (src_text, _, exp)) in traced.iter().zip(&expected) {
        match exp {
            Some((symbol, id, class)) => {
                let top = &t["sources"][0];
                assert_eq!(top["symbol"], symbol.as_str(), "{src_text}");
                assert_eq!(top["clause"], id.as_str(), "{src_text}");
                assert_eq!(t["class"], *class, "{src_text}");
                if *class == "adapted" {
                    let inserted: Vec<&str> = top["segments"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| s["op"] == "insert")
                        .map(|s| s["text"].as_str().unwrap().trim())
                        // the final , ; or . marks only the clause's place
                        .filter(|s| s.chars().any(char::is_alphanumeric))
                        .collect();
                    assert_eq!(inserted, ["also"], "{src_text}");
                }
            }
            None => assert_eq!(t["class"], "new", "{src_text}: {t}"),
        }
    }
    let last = traced.last().unwrap();
    let mut named = symbols(&last["sources"]);
    named.truncate(1);
    named.extend(symbols(&last["phrases"]));
    assert!(
        named.contains(&a.symbol) && named.contains(&b.symbol),
        "stitched from {} and {}: {last}",
        a.symbol,
        b.symbol
    );
    let s = &v["summary"];
    let n = |k: &str| s[k].as_u64().unwrap() as usize;
    assert_eq!(n("new"), 3);
    assert_eq!(n("verbatim") + n("adapted") + n("new"), expected.len() + 1);
}

#[test]
fn the_bundled_l10_draws_on_es_11_1_es_11_4_and_68_262() {
    let Some(corpus) = corpus() else { return };
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    // the library holds L.10 itself (resolutions/), which is never its own source
    corpus_library(&corpus, &lib);
    let v = trace_json(&bundled("A-ES-11-L.10.txt"), &lib, "5");
    let pp4 = &v["clauses"][3];
    assert_eq!(pp4["id"], "PP4");
    assert_eq!(pp4["class"], "adapted");
    let found = symbols(&pp4["sources"]);
    assert_eq!(found[0], "A/RES/ES-11/1", "{found:?}");
    for s in ["A/RES/ES-11/4", "A/RES/68/262"] {
        assert!(found.iter().any(|f| f == s), "{s} in {found:?}");
    }
    let all = v.to_string();
    assert!(
        !all.contains("\"symbol\":\"A/ES-11/L.10\",\"date\""),
        "L.10 is its own source"
    );
    assert_eq!(v["summary"]["documents"][0]["symbol"], "A/RES/ES-11/1");
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn hostile_files_are_skipped_with_a_message_and_updates_replace() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("docs");
    std::fs::create_dir_all(docs.join("nested")).unwrap();
    let lib = dir.path().join("lib");
    write(
        &docs,
        "junk.bin",
        &(0..4096u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    );
    write(&docs, "empty.txt", b"");
    write(&docs, "fake.docx", b"PK\x03\x04 not really a Word document");
    // 100 MB, sparse: over the 64 MB input limit, refused after reading the limit
    let big = std::fs::File::create(docs.join("big.txt")).unwrap();
    big.set_len(100 << 20).unwrap();
    drop(big);
    std::fs::copy(
        bundled("A-RES-ES-11-4.txt"),
        docs.join("nested/es-11-4.txt"),
    )
    .unwrap();
    // a draft of itself: the file traced below, in the library
    let l10 = std::fs::read_to_string(bundled("A-ES-11-L.10.txt")).unwrap();
    let own = write(&docs, "l10-copy.txt", l10.as_bytes());

    let (out, err) = add(&lib, &[&docs]);
    assert!(
        out.starts_with("added 2 documents, 0 already there, 4 skipped"),
        "{out}"
    );
    for f in ["junk.bin", "empty.txt", "fake.docx", "big.txt"] {
        assert!(
            err.contains(&format!("skipped {}", docs.join(f).display())),
            "{f}: {err}"
        );
    }
    assert!(err.contains("input limit"), "{err}");

    // the same files again: nothing to do
    let (out, _) = add(&lib, &[&docs]);
    assert!(
        out.starts_with("added 0 documents, 2 already there"),
        "{out}"
    );

    // the draft is never its own source, by content or by symbol
    let v = trace_json(&bundled("A-ES-11-L.10.txt"), &lib, "3");
    assert_eq!(v["clauses"][3]["sources"][0]["symbol"], "A/RES/ES-11/4");
    assert!(!v.to_string().contains("l10-copy"), "{v}");

    // a changed file replaces its earlier version
    std::fs::write(
        &own,
        format!("{l10}\n\n1. Decides to remain seized of the matter.\n"),
    )
    .unwrap();
    let (out, _) = add(&lib, &[&docs]);
    assert!(out.contains("added 1 document (1 a new version"), "{out}");
    let (_, list, _) = run(&["library", "list"], &lib);
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(
        list.contains("A/ES-11/L.10") && list.contains("A/RES/ES-11/4\t13 October 2022\tadopted"),
        "{list}"
    );
    let v = trace_json(&bundled("A-ES-11-L.10.txt"), &lib, "3");
    assert!(!v.to_string().contains("l10-copy"), "same symbol: {v}");

    // remove by symbol
    let (code, out, _) = run(&["library", "remove", "A/RES/ES-11/4"], &lib);
    assert_eq!(code, 0);
    assert!(out.starts_with("removed A/RES/ES-11/4"), "{out}");
    let (_, list, _) = run(&["library", "list"], &lib);
    assert_eq!(list.lines().count(), 1, "{list}");
    let (code, _, err) = run(&["library", "remove", "A/RES/ES-11/4"], &lib);
    assert_eq!(code, 2);
    assert!(err.contains("no document matches A/RES/ES-11/4"), "{err}");
}

#[test]
fn a_missing_library_is_a_one_line_error() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("none");
    let (code, out, err) = run(&["trace", "resolutions/A-ES-11-L.10.txt"], &lib);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no library here"), "{err}");
    // a folder that holds something else is not taken over
    std::fs::create_dir_all(&lib).unwrap();
    write(&lib, "keep.txt", b"mine");
    let (code, _, err) = run(&["library", "add", "resolutions"], &lib);
    assert_eq!(code, 2);
    assert!(err.contains("not a resdiff library"), "{err}");
}

#[test]
fn every_format_names_the_sources() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    add(&lib, &[&bundled("")]);
    for (format, marks) in [
        ("plain", ["A/RES/ES-11/1 PP2", "verbatim"]),
        ("table", ["A/RES/ES-11/1 PP2", "adapted"]),
        ("markdown", ["A/RES/ES-11/1 PP2", "~~settle"]),
        ("html", ["A/RES/ES-11/1 PP2", "<del>settle"]),
    ] {
        let (code, out, err) = run(
            &[
                "trace",
                "-f",
                format,
                "--color",
                "never",
                "resolutions/A-ES-11-L.10.txt",
            ],
            &lib,
        );
        assert_eq!(code, 0, "{format}: {err}");
        for m in marks {
            assert!(out.contains(m), "{format} lacks {m}: {out}");
        }
    }
}

#[test]
fn the_table_keeps_each_class_word_whole_at_80_columns() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    add(&lib, &[&bundled("")]);
    for width in ["80", "200"] {
        let (code, out, err) = run(
            &[
                "trace",
                "-f",
                "table",
                "--width",
                width,
                "--color",
                "never",
                "resolutions/A-RES-ES-11-8.txt",
            ],
            &lib,
        );
        assert_eq!(code, 0, "{err}");
        // the first column of each row: the clause id, then its class
        let first: Vec<&str> = out
            .lines()
            .filter_map(|l| l.strip_prefix("│ "))
            .map(|l| l.split('┆').next().unwrap_or("").trim())
            .collect();
        for class in ["verbatim", "adapted"] {
            assert!(first.contains(&class), "{width}: {class} broken: {first:?}");
        }
    }
}

#[test]
fn an_interrupted_add_leaves_the_previous_library() {
    let dir = tempfile::tempdir().unwrap();
    let (first, many) = (dir.path().join("first"), dir.path().join("many"));
    std::fs::create_dir_all(&first).unwrap();
    std::fs::create_dir_all(&many).unwrap();
    let lib = dir.path().join("lib");
    std::fs::copy(bundled("A-RES-ES-11-4.txt"), first.join("a.txt")).unwrap();
    add(&lib, &[&first]);
    let base = std::fs::read_to_string(bundled("A-RES-ES-11-1.txt")).unwrap();
    for k in 0..300 {
        let text = base.replace("Reaffirming", &format!("Reaffirming for the {k}th time"));
        write(&many, &format!("{k:03}.txt"), text.as_bytes());
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("resdiff"))
        .args(["library", "add"])
        .arg(&many)
        .arg("--library")
        .arg(&lib)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    let _ = child.kill();
    let _ = child.wait();
    // killed mid-way (or, on a fast machine, done): never a broken library
    let (code, list, err) = run(&["library", "list"], &lib);
    assert_eq!(code, 0, "{err}");
    let n = list.lines().count();
    assert!(n == 1 || n == 301, "{n} documents");
    // and the next add completes it
    let (out, _) = add(&lib, &[&many]);
    assert!(out.contains("now holds 301 documents"), "{out}");
}

#[test]
fn adopted_texts_rank_above_drafts_at_equal_similarity() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    add(&lib, &[&bundled("")]);
    // A/RES/ES-11/8 PP1 stands word for word in the draft A/ES-11/L.11 and
    // in the adopted S/RES/2774 (2025), whose name sorts after it
    let v = trace_json(&bundled("A-RES-ES-11-8.txt"), &lib, "3");
    let pp1 = &v["clauses"][0];
    assert_eq!(pp1["class"], "verbatim");
    let s = &pp1["sources"];
    assert_eq!(s[0]["symbol"], "S/RES/2774 (2025)");
    assert_eq!(s[1]["symbol"], "A/ES-11/L.11");
    assert_eq!(s[0]["similarity"], s[1]["similarity"]);
    // and the phrase its operative paragraph shares with A/RES/ES-11/1 is named
    let op1 = &v["clauses"][1];
    assert_eq!(op1["class"], "adapted");
    assert_eq!(op1["phrases"][0]["symbol"], "A/RES/ES-11/1", "{op1}");
    assert_eq!(
        op1["phrases"][0]["text"],
        "with the Charter of the United Nations and"
    );
}
