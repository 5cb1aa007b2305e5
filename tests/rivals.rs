//! `resdiff rivals` end to end: exit status, every format, the terminal
//! table at 80 and 200 columns, --base, and four drafts of the corpus with
//! hand-written expected rows.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

const L10: &str = "resolutions/A-ES-11-L.10.txt";
const L11: &str = "resolutions/A-ES-11-L.11.txt";
const ES8: &str = "resolutions/A-RES-ES-11-8.txt";
const SC: &str = "resolutions/S-RES-2774.txt";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = resdiff()
        .arg("rivals")
        .args(args)
        .current_dir(root())
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The rows of the JSON output as `id|id|-`.
fn rows(v: &Value) -> Vec<String> {
    v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            r["cells"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c["id"].as_str().unwrap_or("-").to_string())
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect()
}

fn json(args: &[&str]) -> Value {
    let mut a = vec!["-f", "json"];
    a.extend_from_slice(args);
    let (code, out, err) = run(&a);
    assert!(code < 2, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn exit_status_is_that_of_compare() {
    // the same text three times, once through standard input: all agree
    let text = std::fs::read(bundled("A-ES-11-L.11.txt")).unwrap();
    resdiff()
        .args(["rivals", L11, "-", L11, "-f", "plain"])
        .current_dir(root())
        .write_stdin(text)
        .assert()
        .code(0)
        .stdout(predicate::str::contains("all agree 3 · in dispute 0"));
    assert_eq!(run(&[L10, L11, ES8]).0, 1);
    // a missing draft: one line naming it, nothing on standard output
    let (code, out, err) = run(&[L11, "resolutions/nope.txt", ES8]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(
        err.contains("nope.txt") && err.lines().count() == 1,
        "{err}"
    );
    // standard input cannot be read twice
    let (code, _, err) = run(&["-", "-"]);
    assert_eq!(code, 2);
    assert!(err.contains("standard input"), "{err}");
    // one draft is not a matrix
    let (code, _, err) = run(&[L11]);
    assert_eq!(code, 2);
    assert!(err.contains("two or more drafts"), "{err}");
    // a binary file is an error too, not a panic
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.bin");
    std::fs::write(&junk, b"\x00\x01\x02\xff").unwrap();
    let (code, _, err) = run(&[L11, junk.to_str().unwrap()]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.starts_with("resdiff: ") && !err.contains("internal error"),
        "{err}"
    );
}

#[test]
fn the_bundled_eu_and_us_drafts_and_the_adopted_text() {
    let v = json(&[L10, L11, ES8]);
    assert_eq!(
        rows(&v),
        [
            "-|PP1|-",
            "-|PP2|PP1",
            "PP1|-|-",
            "PP2|-|-",
            "PP3|-|-",
            "PP4|-|-",
            "-|OP1|OP1"
        ]
    );
    let labels: Vec<&str> = v["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["L.10", "L.11", "ES-11/8"]);
    assert_eq!(v["rows"][1]["groups"], serde_json::json!([[1, 2]]));
    assert_eq!(v["summary"]["disputed"], 7);
    let (_, plain, _) = run(&["-f", "plain", "--color", "never", L10, L11, ES8]);
    assert!(
        plain.contains("#2 L.11 PP2  L.11 and ES-11/8 agree; L.10 has no such clause"),
        "{plain}"
    );
    assert!(
        plain.contains("{+just,+} lasting {+and comprehensive+} peace"),
        "{plain}"
    );
}

#[test]
fn base_puts_a_further_draft_first_and_diffs_against_it() {
    // ES-11/8 as the base, not among the drafts: it becomes the first
    // column and every row is read against its wording
    let v = json(&["--base", ES8, L11, SC]);
    assert_eq!(v["base"], 0);
    assert_eq!(v["drafts"][0]["label"], "ES-11/8");
    assert_eq!(rows(&v), ["-|PP1|PP1", "PP1|PP2|PP2", "OP1|OP1|OP1"]);
    let op = &v["rows"][2];
    // the minority wording is the reference with --base
    assert_eq!(op["groups"], serde_json::json!([[0], [1, 2]]));
    assert_eq!(op["reference"], 0);
    assert_eq!(op["cells"][1]["segments"][1]["op"], "delete");
    // without --base the most common wording is
    let v = json(&[ES8, L11, SC]);
    assert_eq!(v["rows"][2]["reference"], 1);
    // --base naming one of the drafts keeps the columns as given
    let v = json(&["--base", SC, L11, SC]);
    assert_eq!(v["base"], 1);
    assert_eq!(v["drafts"][0]["label"], "L.11");
}

#[test]
fn changes_only_hides_the_rows_where_all_agree() {
    let v = json(&["--changes-only", L11, SC, ES8]);
    // PP2 ("Reiterating ...") is the same in all three
    assert_eq!(rows(&v), ["PP1|PP1|-", "OP1|OP1|OP1"]);
    assert_eq!(v["summary"]["rows"], 3);
    assert_eq!(v["summary"]["agreed"], 1);
    let (_, plain, _) = run(&["-c", "-f", "plain", L11, SC, ES8]);
    assert!(
        plain.contains("(1 row where all drafts agree not shown)"),
        "{plain}"
    );
}

#[test]
fn the_table_puts_four_drafts_side_by_side_at_200_columns_and_blocks_at_80() {
    let (_, wide, _) = run(&[
        "-f", "table", "-w", "200", "--color", "never", L10, L11, ES8, SC,
    ]);
    let header = wide.lines().nth(1).unwrap();
    for name in ["L.10", "L.11", "ES-11/8", "S/RES/2774"] {
        assert!(header.contains(name), "{header}");
    }
    assert!(wide.lines().all(|l| l.chars().count() <= 200));
    assert!(wide.contains("[-throughout the Russia-Ukraine-]"), "{wide}");
    assert!(
        wide.contains("{+through the Russian Federation-Ukraine+}"),
        "{wide}"
    );
    let (_, narrow, _) = run(&[
        "-f", "table", "-w", "80", "--color", "never", L10, L11, ES8, SC,
    ]);
    assert!(narrow.lines().all(|l| l.chars().count() <= 80), "{narrow}");
    // one block per row: a heading line outside any table, then the drafts
    assert!(
        narrow
            .lines()
            .any(|l| l.starts_with("#2 L.11 PP2  L.11, ES-11/8 and S/RES/2774 agree")),
        "{narrow}"
    );
    // the drafts without a clause are named in the heading, not given a line
    assert_eq!(narrow.matches("│ ES-11/8").count(), 2, "{narrow}");
    assert!(narrow.contains("L.10 has no such clause"), "{narrow}");
    // with colour, deletions are struck through (SGR 9) and insertions underlined (SGR 4)
    let (_, colour, _) = run(&["-f", "table", "-w", "200", "--color", "always", L11, SC]);
    assert!(colour.contains("\x1b[9;31m"), "{colour}");
    assert!(colour.contains("\x1b[4;32m"), "{colour}");
}

#[test]
fn html_and_markdown_put_the_drafts_in_columns() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("matrix.html");
    let (code, out, _) = run(&["-f", "html", "-o", page.to_str().unwrap(), L11, SC, ES8]);
    assert_eq!((code, out.as_str()), (1, ""));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("<script"));
    assert!(html.contains("script-src 'none'"));
    assert!(html.contains("position:sticky"));
    // the toggle that hides agreeing rows works without script
    assert!(html.contains("<input type=\"checkbox\" id=\"hide-agreed\""));
    assert!(html.contains("#hide-agreed:checked~table tr.agree{display:none}"));
    assert_eq!(html.matches("<tr id=\"row-").count(), 3);
    assert_eq!(html.matches("class=\"agree\"").count(), 1);
    assert!(html.contains(
        "<th scope=\"col\">L.11</th><th scope=\"col\">S/RES/2774</th><th scope=\"col\">ES-11/8</th>"
    ));
    assert!(html.contains("<ins>just,</ins>"), "{html}");
    let (_, md, _) = run(&["-f", "markdown", L11, SC, ES8]);
    assert!(md.contains("| Row | L.11 | S/RES/2774 | ES-11/8 |"), "{md}");
    assert!(md.contains("**just,**"), "{md}");
    // every table line has one cell per column
    for l in md.lines().filter(|l| l.starts_with("| #")) {
        assert_eq!(l.matches(" |").count(), 4, "{l}");
    }
}

#[test]
fn four_resolutions_of_the_emergency_session_from_the_corpus() {
    let Some(c) = corpus() else { return };
    let c = c.join("ga-resolutions-text");
    let f = |n: &str| c.join(n).to_string_lossy().to_string();
    let (a, b, d, e) = (
        f("A-RES-ES-11-1.txt"),
        f("A-RES-ES-11-2.txt"),
        f("A-RES-ES-11-3.txt"),
        f("A-RES-ES-11-4.txt"),
    );
    let v = json(&[&a, &b, &d, &e]);
    let r = rows(&v);
    let labels: Vec<&str> = v["drafts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["ES-11/1", "ES-11/2", "ES-11/3", "ES-11/4"]);
    let row = |ids: &str| {
        let k = r
            .iter()
            .position(|x| x == ids)
            .unwrap_or_else(|| panic!("{ids} not in {r:?}"));
        &v["rows"][k]
    };
    // "Decides to adjourn the eleventh emergency special session ...": in
    // all four, ES-11/3 opening with "Further decides"
    assert_eq!(r.last().unwrap(), "OP16|OP14|OP3|OP8");
    assert_eq!(
        row("OP16|OP14|OP3|OP8")["groups"],
        serde_json::json!([[0, 1, 3], [2]])
    );
    // "Reaffirms its commitment to the sovereignty ... of Ukraine": ES-11/1 and ES-11/4, word for word
    assert_eq!(row("OP1|-|-|OP1")["groups"], serde_json::json!([[0, 3]]));
    // "Recalling the obligation of all States under Article 2 of the Charter":
    // three wordings, ES-11/3 (on the Human Rights Council) without it
    assert_eq!(
        row("PP2|PP3|-|PP1")["groups"],
        serde_json::json!([[0], [1], [3]])
    );
    // ES-11/3's own preamble recalls ES-11/1 and ES-11/2, as ES-11/4 does
    assert_eq!(row("-|-|PP3|PP3")["part"], "preamble");
    // every clause in one row only
    for (k, n) in [(0, 34), (1, 33), (2, 7), (3, 15)] {
        assert_eq!(v["summary"]["drafts"][k]["clauses"], n);
    }
    // same inputs, same bytes
    let (_, x, _) = run(&["-f", "json", &a, &b, &d, &e]);
    let (_, y, _) = run(&["-f", "json", &a, &b, &d, &e]);
    assert_eq!(x, y);
}

#[test]
fn the_ukraine_2025_corpus_sides_the_security_council_with_the_us_draft() {
    let Some(c) = corpus() else { return };
    let sc = c.join("2025-ukraine/S-RES-2774.txt");
    let es7 = c.join("2025-ukraine/A-RES-ES-11-7.txt");
    let v = json(&[L11, sc.to_str().unwrap(), ES8, es7.to_str().unwrap()]);
    // the corpus copy of S/RES/2774 has no header: it goes by its file name
    let op = v["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["part"] == "operative")
        .unwrap();
    assert_eq!(op["groups"], serde_json::json!([[0, 1], [2]]));
    assert!(op["cells"][3].is_null());
    // ES-11/7 (L.10 as adopted) shares its preamble with no other draft
    assert_eq!(v["summary"]["drafts"][3]["with_some"], 0);
}

#[test]
fn the_readme_shows_what_the_binary_prints() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    // the first ```text block after "## Rival drafts"
    let shown = readme
        .split("## Rival drafts")
        .nth(1)
        .and_then(|s| s.split("```text\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("a text block under \"Rival drafts\"");
    let (code, out, _) = run(&["-f", "plain", L10, L11, ES8]);
    assert_eq!(code, 1);
    assert_eq!(
        shown, out,
        "README.md's sample is out of date: paste the output of the command above it"
    );
}

/// What a person sees, pinned (review changes with `cargo insta review`):
/// four drafts side by side at 200 columns, three in blocks at 80.
#[test]
fn snapshot_tables_at_200_and_80_columns() {
    let (_, wide, _) = run(&[
        "-f", "table", "-w", "200", "--color", "never", L11, SC, ES8, L10,
    ]);
    insta::assert_snapshot!("rivals_table_four_drafts_200_columns", wide);
    let (_, narrow, _) = run(&["-f", "table", "-w", "80", "--color", "never", L11, SC, ES8]);
    insta::assert_snapshot!("rivals_table_three_drafts_80_columns", narrow);
}

/// On every pair of bundled drafts, `rivals A B` pairs what `compare A B`
/// pairs: each one-to-one pair is a row, each split or merge gives one of
/// its pairs a row, and nothing else is paired.
#[test]
fn two_bundled_drafts_pair_as_compare_does() {
    use resdiff::rivals::{RivalsOptions, rivals};
    use resdiff::{CompareOptions, Pair};
    let names = [
        "A-ES-11-L.10.txt",
        "A-ES-11-L.11.txt",
        "A-RES-ES-11-1.txt",
        "A-RES-ES-11-4.txt",
        "A-RES-ES-11-8.txt",
        "S-RES-2774.txt",
    ];
    let read = |n: &str| {
        let doc = resdiff::load::load_path(&bundled(n), &Default::default()).unwrap();
        resdiff::parse::parse(&doc).unwrap()
    };
    let mut checked = 0;
    for a in names {
        for b in names {
            if a == b {
                continue;
            }
            let (x, y) = (read(a), read(b));
            let d = resdiff::compare(Pair::new(x.clone(), y.clone()), &CompareOptions::default());
            let m = rivals(vec![x, y], &RivalsOptions::default());
            let pairs: Vec<(&str, &str)> = m
                .rows
                .iter()
                .filter_map(|r| match (&r.cells[0], &r.cells[1]) {
                    (Some(p), Some(q)) => Some((p.id.as_str(), q.id.as_str())),
                    _ => None,
                })
                .collect();
            let mut expected = 0;
            for c in &d.changes {
                if c.old.is_empty() || c.new.is_empty() {
                    continue;
                }
                let members = pairs
                    .iter()
                    .filter(|(p, q)| c.old.iter().any(|o| o == p) && c.new.iter().any(|n| n == q))
                    .count();
                assert_eq!(members, 1, "{a} {b}: {:?}→{:?} in {pairs:?}", c.old, c.new);
                expected += 1;
            }
            assert_eq!(pairs.len(), expected, "{a} {b}: {pairs:?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 30);
}
