//! Amendments end to end: `resdiff amend` on the bundled 2025 texts and on
//! a hand-made draft with every instruction kind, the errors (one line naming
//! the document and the instruction, exit 2, nothing written), `--keep-going`,
//! and `compare --amendments` in JSON, table, plain, HTML and Markdown.

mod common;

use std::path::{Path, PathBuf};

use common::*;
use predicates::prelude::*;
use resdiff::load::Document;

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/amendments").join(name)
}

fn draft() -> PathBuf {
    fixture("draft.txt")
}

/// A file in a temporary directory.
fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

fn amend(args: &[&Path]) -> assert_cmd::Command {
    let mut c = resdiff();
    c.arg("amend");
    for a in args {
        c.arg(a);
    }
    c
}

#[test]
fn l15_applied_to_l11_gives_the_adopted_operative_paragraph() {
    let out = stdout(
        amend(&[&bundled("A-ES-11-L.11.txt"), &bundled("A-ES-11-L.15.txt")]).env("NO_COLOR", "1"),
    );
    let amended = parse("amended", &out);
    let adopted = parse(
        "es8",
        &std::fs::read_to_string(bundled("A-RES-ES-11-8.txt")).unwrap(),
    );
    assert_eq!(amended.operative, adopted.operative);
    // the rest is the draft's: the amended first preambular paragraph is
    // attested only by paraphrase, so no amendment here touches it
    let l11 = parse(
        "l11",
        &std::fs::read_to_string(bundled("A-ES-11-L.11.txt")).unwrap(),
    );
    assert_eq!(amended.preamble, l11.preamble);
    assert_eq!(amended.header.symbol.as_deref(), Some("A/ES-11/L.11"));
}

#[test]
fn every_instruction_kind() {
    let out = stdout(&mut amend(&[&draft(), &fixture("kinds.txt")]));
    insta::assert_snapshot!(out);
}

#[test]
fn the_same_amendments_written_the_other_ways_give_the_same_text() {
    let a = stdout(&mut amend(&[&draft(), &fixture("kinds.txt")]));
    let b = stdout(&mut amend(&[&draft(), &fixture("kinds-reworded.txt")]));
    assert_eq!(a, b);
}

#[test]
fn amendment_documents_in_other_formats_and_from_several_files() {
    let dir = tempfile::tempdir().unwrap();
    // an HTML amendment document, the way a web page carries it
    let html = write(
        dir.path(),
        "l15.html",
        "<!DOCTYPE html><html><body><p>Amendment to draft resolution A/80/L.99</p><p>1. In operative paragraph 1, after the words &ldquo;Calls upon&rdquo;, insert the words &ldquo;all&rdquo;.</p></body></html>",
    );
    let second = write(
        dir.path(),
        "second.txt",
        "Amendment to draft resolution A/80/L.99\n\n1. Delete operative paragraph 4.\n",
    );
    let out = stdout(&mut amend(&[&draft(), &html, &second]));
    let r = parse("out", &out);
    assert_eq!(
        r.operative[0].text,
        "Calls upon all Member States to cooperate on shared water resources;"
    );
    assert_eq!(r.operative.len(), 4);
    assert_eq!(r.operative[3].label.as_deref(), Some("4"));
    assert_eq!(
        r.operative[3].text,
        "Decides to remain seized of the matter."
    );
}

#[test]
fn amended_text_as_json_and_akoma_ntoso() {
    let json = stdout(amend(&[&draft(), &fixture("kinds.txt")]).args(["--format", "json"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["title"], "Cooperation on shared water resources");
    assert_eq!(v["clauses"][3]["id"], "OP1");
    let dir = tempfile::tempdir().unwrap();
    let akn = dir.path().join("amended.xml");
    amend(&[&draft(), &fixture("kinds.txt")])
        .args(["--format", "akn", "-o"])
        .arg(&akn)
        .assert()
        .code(0)
        .stdout("");
    // Akoma Ntoso reads back to the same structure as the plain text
    let plain = stdout(&mut amend(&[&draft(), &fixture("kinds.txt")]));
    let back = stdout(resdiff().args(["show", "--format", "plain"]).arg(&akn));
    assert_eq!(back, plain);
}

/// Runs `amend` expecting an error: exit 2, one line on stderr, nothing on
/// stdout, no output file. Returns the line.
fn amend_error(amendments: &[&Path]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("out.txt");
    let d = draft();
    let mut args: Vec<&Path> = vec![d.as_path()];
    args.extend_from_slice(amendments);
    let out = amend(&args).arg("-o").arg(&target).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(!target.exists(), "an output file was written");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err.trim_end().to_string()
}

#[test]
fn words_not_in_the_paragraph_say_where_resdiff_looked() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendments to draft resolution A/80/L.99\n\n1. Delete operative paragraph 4.\n\n2. In operative paragraph 2, replace the words \"shared water resources\" with the words \"rivers\".\n",
    );
    let err = amend_error(&[&a]);
    assert_eq!(
        err,
        format!(
            "resdiff: {}: instruction 2 (line 5): the words \"shared water resources\" are not in operative paragraph 2 (looked in OP2: \"Encourages the exchange of data on river flows;\"); they are in OP1",
            a.display()
        )
    );
}

#[test]
fn a_paragraph_the_draft_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendment to draft resolution A/80/L.99\n\n1. Delete operative paragraph 7.\n",
    );
    let err = amend_error(&[&a]);
    assert!(
        err.ends_with("a.txt: instruction 1 (line 3): there is no operative paragraph 7 in the draft (its operative paragraphs are numbered 1 to 5)"),
        "{err}"
    );
    let b = write(
        dir.path(),
        "b.txt",
        "Amendment to draft resolution A/80/L.99\n\n1. In the ninth preambular paragraph, delete the words \"x\".\n",
    );
    let err = amend_error(&[&b]);
    assert!(
        err.ends_with("there is no preambular paragraph 9 in the draft (the draft has 3 preambular paragraphs)"),
        "{err}"
    );
    let c = write(
        dir.path(),
        "c.txt",
        "Amendment to draft resolution A/80/L.99\n\n1. In subparagraph (e) of operative paragraph 3, delete the words \"x\".\n",
    );
    let err = amend_error(&[&c]);
    assert!(
        err.ends_with(
            "operative paragraph 3 (OP3) has no subparagraph (e) (its subparagraphs are (a) to (c))"
        ),
        "{err}"
    );
}

#[test]
fn two_amendments_changing_the_same_words_collide() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "first.txt",
        "A/80/L.101\nArcadia: amendment to draft resolution A/80/L.99\n\n1. In operative paragraph 2, replace the words \"river flows\" with the words \"rainfall\".\n",
    );
    let b = write(
        dir.path(),
        "second.txt",
        "A/80/L.102\nBorduria: amendment to draft resolution A/80/L.99\n\n1. In operative paragraph 2, replace the words \"data on river\" with the words \"data on lake\".\n",
    );
    let err = amend_error(&[&a, &b]);
    assert!(
        err.ends_with("second.txt: instruction 1 (line 4): collides with instruction 1 (line 4) of A/80/L.101: both change the words \"river flows\" in OP2"),
        "{err}"
    );
}

#[test]
fn words_inserted_by_words_another_amendment_changes_collide() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendment to draft resolution A/ES-11/L.11\n\n1. In the operative paragraph, before the words \"lasting peace\", insert the words \"enduring and\".\n",
    );
    let out = amend(&[
        &bundled("A-ES-11-L.11.txt"),
        &bundled("A-ES-11-L.15.txt"),
        &a,
    ])
    .output()
    .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "resdiff: {}: instruction 1 (line 3): collides with instruction 1 (line 25) of A/ES-11/L.15: it places its words by \"lasting peace between Ukraine and the Russian Federation\" in OP1, which that instruction changes\n",
            a.display()
        )
    );
}

#[test]
fn deleting_a_paragraph_another_instruction_edits_collides() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendments to draft resolution A/80/L.99\n\n1. Delete operative paragraph 3.\n\n2. In subparagraph (b) of operative paragraph 3, delete the words \"of experts\".\n",
    );
    let err = amend_error(&[&a]);
    assert!(
        err.ends_with(
            "instruction 2 (line 5): collides with instruction 1 (line 3): it already deletes OP3"
        ),
        "{err}"
    );
}

#[test]
fn an_instruction_resdiff_cannot_read_is_an_error_not_a_skip() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendments to draft resolution A/80/L.99\n\n1. Delete operative paragraph 4.\n\n2. Strengthen operative paragraph 1 considerably.\n",
    );
    let err = amend_error(&[&a]);
    assert!(
        err.ends_with("a.txt: instruction 2 (line 5): cannot read this instruction: \"Strengthen operative paragraph 1 considerably.\" (see the README, \"Amendments\", for the forms resdiff understands)"),
        "{err}"
    );
}

#[test]
fn amendments_to_another_draft_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendment to draft resolution A/80/L.7\n\n1. Delete operative paragraph 4.\n",
    );
    let err = amend_error(&[&a]);
    assert!(
        err.ends_with("a.txt: amends draft resolution A/80/L.7, but the draft is A/80/L.99"),
        "{err}"
    );
}

#[test]
fn keep_going_applies_the_rest_and_lists_what_it_left_out() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendments to draft resolution A/80/L.99\n\n1. Delete operative paragraph 4.\n\n2. In operative paragraph 2, delete the words \"no such words\".\n\n3. In operative paragraph 4, delete the words \"donors\".\n\n4. In operative paragraph 1, after the words \"Calls upon\", insert the words \"all\".\n",
    );
    let target = dir.path().join("out.txt");
    let out = amend(&[&draft(), &a])
        .arg("--keep-going")
        .arg("-o")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(lines[0].contains("a.txt: instruction 2 (line 5): the words \"no such words\""));
    assert!(lines[0].ends_with("(not applied)"));
    assert!(lines[1].contains("instruction 3 (line 7): collides with instruction 1 (line 3)"));
    let r = parse("out", &std::fs::read_to_string(&target).unwrap());
    assert_eq!(r.operative.len(), 4);
    assert!(
        r.operative[0]
            .text
            .starts_with("Calls upon all Member States")
    );
}

#[test]
fn compare_labels_the_2025_change_with_l15_and_lists_the_dropped_paragraph() {
    let json = stdout(
        resdiff()
            .args(["compare", "--format", "json"])
            .arg(bundled("A-ES-11-L.11.txt"))
            .arg(bundled("A-RES-ES-11-8.txt"))
            .arg("--amendments")
            .arg(bundled("A-ES-11-L.15.txt")),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["schema_version"], 1);
    let op = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["new"][0] == "OP1")
        .unwrap();
    assert_eq!(
        op["amendments"],
        serde_json::json!([{"symbol": "A/ES-11/L.15", "instruction": "1", "segments": [1, 3, 5]}])
    );
    // the segments named are the inserted phrases
    for k in [1, 3, 5] {
        assert_eq!(op["segments"][k]["op"], "insert");
    }
    let a = &v["attribution"];
    assert_eq!(a["documents"][0]["symbol"], "A/ES-11/L.15");
    assert_eq!(a["documents"][0]["target"], "A/ES-11/L.11");
    assert_eq!(a["instructions"][0]["outcome"], "adopted");
    assert_eq!(a["instructions"][0]["clauses"], serde_json::json!(["OP1"]));
    // the first preambular paragraph is gone from the transcription, by no
    // attested amendment
    assert_eq!(
        a["unexplained"],
        serde_json::json!([{"part": "preamble", "old": ["PP1"], "new": [], "segments": [0]}])
    );
    // without --amendments, nothing of this
    let plain = stdout(
        resdiff()
            .args(["compare", "--format", "json"])
            .arg(bundled("A-ES-11-L.11.txt"))
            .arg(bundled("A-RES-ES-11-8.txt")),
    );
    assert!(!plain.contains("\"amendments\"") && !plain.contains("\"attribution\""));
}

#[test]
fn every_change_of_the_amended_draft_is_explained_by_its_instruction() {
    let dir = tempfile::tempdir().unwrap();
    let amended = write(
        dir.path(),
        "amended.txt",
        &stdout(&mut amend(&[&draft(), &fixture("kinds.txt")])),
    );
    let json = stdout(
        resdiff()
            .args(["compare", "-f", "json"])
            .arg(draft())
            .arg(&amended)
            .arg("--amendments")
            .arg(fixture("kinds.txt")),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let a = &v["attribution"];
    assert_eq!(a["unexplained"], serde_json::json!([]));
    let outcomes: Vec<&str> = a["instructions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["adopted"; 13]);
    assert_eq!(a["title"][0]["instruction"], "1");
    // each change names its instruction
    let mut by: Vec<(String, String)> = Vec::new();
    fn walk(c: &serde_json::Value, by: &mut Vec<(String, String)>) {
        if let Some(r) = c["amendments"].as_array() {
            let id = c["new"][0].as_str().or(c["old"][0].as_str()).unwrap();
            for x in r {
                by.push((
                    id.to_string(),
                    x["instruction"].as_str().unwrap().to_string(),
                ));
            }
        }
        for k in c["children"].as_array().unwrap() {
            walk(k, by);
        }
    }
    for c in v["changes"].as_array().unwrap() {
        walk(c, &mut by);
    }
    let has = |id: &str, n: &str| by.iter().any(|(i, x)| i == id && x == n);
    assert!(has("PP1", "2") && has("PP1", "4") && has("PP3", "3"));
    assert!(has("OP2", "6") && has("OP2", "13"));
    assert!(has("OP3(b)(ii)", "8") && has("OP3(d)", "12"));
    assert!(has("OP4", "9") && has("OP4", "10") && has("OP5", "11"));
}

#[test]
fn an_amendment_not_adopted_is_listed_as_such() {
    let dir = tempfile::tempdir().unwrap();
    // hand-made wording, for the test only
    let rejected = write(
        dir.path(),
        "rejected.txt",
        "A/ES-11/L.99\nAmendment to draft resolution A/ES-11/L.11\n\n1. In the operative paragraph, after the words \"swift end to the conflict\", insert the words \"hand-made test words\".\n",
    );
    let mut cmd = resdiff();
    cmd.args(["compare", "--format", "json"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .arg("--amendments")
        .arg(bundled("A-ES-11-L.15.txt"))
        .arg(&rejected);
    let v: serde_json::Value = serde_json::from_str(&stdout(&mut cmd)).unwrap();
    let ins = &v["attribution"]["instructions"];
    assert_eq!(ins[0]["outcome"], "adopted");
    assert_eq!(ins[1]["symbol"], "A/ES-11/L.99");
    assert_eq!(ins[1]["outcome"], "not_adopted");
    assert_eq!(ins[1]["clauses"], serde_json::json!([]));
    let md = stdout(
        resdiff()
            .args(["compare", "--format", "markdown"])
            .arg(bundled("A-ES-11-L.11.txt"))
            .arg(bundled("A-RES-ES-11-8.txt"))
            .arg("--amendments")
            .arg(bundled("A-ES-11-L.15.txt"))
            .arg(&rejected),
    );
    assert!(
        md.contains("- A/ES-11/L.99 \\#1: not in the new text\n"),
        "{md}"
    );
}

#[test]
fn table_plain_html_and_markdown_name_the_amendment() {
    let run = |format: &str| {
        stdout(
            resdiff()
                .args([
                    "compare", "--color", "never", "--width", "100", "--format", format,
                ])
                .arg(bundled("A-ES-11-L.11.txt"))
                .arg(bundled("A-RES-ES-11-8.txt"))
                .arg("--amendments")
                .arg(bundled("A-ES-11-L.15.txt")),
        )
    };
    let table = run("table");
    assert!(table.contains("A/ES-11/L.15 #1"), "{table}");
    assert!(table.contains("no amendment"));
    assert!(table.contains("amendment A/ES-11/L.15 #1: in the new text (OP1)"));
    assert!(table.contains("not from any amendment: PP1 dropped"));
    let plain = run("plain");
    assert!(
        plain.contains("of States+}.  ← A/ES-11/L.15 #1\n"),
        "{plain}"
    );
    let html = run("html");
    assert!(html.contains("<span class=\"amend\">by A/ES-11/L.15 #1</span>"));
    assert!(html.contains("<h2 id=\"amendments\">Amendments</h2>"));
    assert!(html.contains("<li><a href=\"#old-PP1\">PP1 dropped</a></li>"));
    let md = run("markdown");
    assert!(md.contains("Amendment: A/ES-11/L.15 \\#1\n"), "{md}");
    assert!(md.contains("## Amendments\n\n- A/ES-11/L.15 \\#1: in the new text (OP1)\n"));
    assert!(md.contains("Changes not from any amendment:\n\n- PP1 dropped\n"));
    // the exit status is the comparison's
    resdiff()
        .arg("compare")
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .arg("--amendments")
        .arg(bundled("A-ES-11-L.15.txt"))
        .assert()
        .code(1);
}

#[test]
fn compare_with_an_amendment_that_does_not_fit_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.txt",
        "Amendment to draft resolution A/ES-11/L.11\n\n1. In the operative paragraph, delete the words \"not there\".\n",
    );
    resdiff()
        .arg("compare")
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .arg("--amendments")
        .arg(&a)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "a.txt: instruction 1 (line 3): the words \"not there\" are not in operative paragraph 1",
        ));
}

#[test]
fn the_bundled_amendment_reads_as_documented() {
    let text = std::fs::read_to_string(bundled("A-ES-11-L.15.txt")).unwrap();
    let a = resdiff::amend::parse_amendment(&Document::from_text("l15", text)).unwrap();
    assert_eq!(a.symbol.as_deref(), Some("A/ES-11/L.15"));
    assert_eq!(a.target.as_deref(), Some("A/ES-11/L.11"));
    assert_eq!(a.instructions.len(), 1);
    assert!(a.notes.iter().any(|n| n.contains("PARTIAL")));
}

/// Issue 21: an amendment that deletes an operative paragraph and inserts its
/// words in the preamble explains the clause's move to the preamble.
#[test]
fn deleting_an_operative_paragraph_and_inserting_its_words_in_the_preamble_explains_the_move() {
    let dir = tempfile::tempdir().unwrap();
    let head = "United Nations A/80/L.99\nGeneral Assembly\nCooperation on water resources\n\nThe General Assembly,\n\n";
    let draft = write(
        dir.path(),
        "draft.txt",
        &format!(
            "{head}Recalling its resolution 77/334 on water,\n\nConcerned that many people lack safe drinking water,\n\n1. Calls upon States to cooperate on transboundary waters;\n\n2. Welcomes the continued efforts of river basin organizations to share hydrological data across borders;\n\n3. Decides to remain seized of the matter.\n"
        ),
    );
    let adopted = write(
        dir.path(),
        "adopted.txt",
        &format!(
            "{head}Recalling its resolution 77/334 on water,\n\nConcerned that many people lack safe drinking water,\n\nWelcoming the continued efforts of river basin organizations to share hydrological data across borders,\n\n1. Calls upon States to cooperate on transboundary waters;\n\n2. Decides to remain seized of the matter.\n"
        ),
    );
    let amendment = write(
        dir.path(),
        "amendment.txt",
        "United Nations A/80/L.101\nGeneral Assembly\nArcadia: amendments to draft resolution A/80/L.99\n\n1.\tDelete operative paragraph 2.\n\n2.\tAfter the second preambular paragraph, insert a new paragraph reading:\n      “Welcoming the continued efforts of river basin organizations to share hydrological data across borders,”\n",
    );
    let json = stdout(
        resdiff()
            .args(["compare", "-f", "json"])
            .arg(&draft)
            .arg(&adopted)
            .arg("--amendments")
            .arg(&amendment),
    );
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let moved = v["changes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["new"][0] == "PP3")
        .unwrap();
    assert_eq!(
        (&moved["old"][0], &moved["old_part"], &moved["new_part"]),
        (
            &serde_json::json!("OP2"),
            &serde_json::json!("operative"),
            &serde_json::json!("preamble")
        )
    );
    let a = &v["attribution"];
    assert_eq!(a["unexplained"], serde_json::json!([]), "{a}");
    let outcomes: Vec<&str> = a["instructions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["adopted", "adopted"]);
}
