//! Version histories and whole sessions, end to end through the binary.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn history_follows_the_us_draft_to_the_adopted_text() {
    let out = resdiff()
        .args(["history", "-f", "json"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("S-RES-2774.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    let labels: Vec<&str> = v["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["A/ES-11/L.11", "S/RES/2774 (2025)", "A/RES/ES-11/8"]
    );
    assert_eq!(v["steps"].as_array().unwrap().len(), 2);
    let lineages = v["lineages"].as_array().unwrap();
    // the operative paragraph: one lineage, reworded at the last step only
    let op = lineages.iter().find(|l| l["part"] == "operative").unwrap();
    assert_eq!(op["ids"], serde_json::json!(["OP1", "OP1", "OP1"]));
    let steps: Vec<u64> = op["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["step"].as_u64().unwrap())
        .collect();
    assert_eq!(steps, [1]);
    assert_eq!(op["events"][0]["kind"], "modified");
    // the first preambular paragraph: reworded in the Council text, then gone
    let pp1 = lineages.iter().find(|l| l["ids"][0] == "PP1").unwrap();
    assert_eq!(pp1["ended"], 2);
}

#[test]
fn history_table_names_versions_and_changes_only() {
    resdiff()
        .args(["history", "-f", "table", "-w", "100", "--changes-only"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains("A/ES-11/L.11 → A/RES/ES-11/8"))
        .stdout(predicate::str::contains("PP1 → ·"))
        .stdout(predicate::str::contains("PP2 → PP1").not());
    // the same text twice: no change, exit 0
    resdiff()
        .args(["history"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-ES-11-L.11.txt"))
        .assert()
        .code(0);
    // one version is not a history
    resdiff()
        .args(["history"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .assert()
        .code(2);
}

fn session(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let (old, new) = (dir.join("old"), dir.join("new"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    let copy = |from: &str, to: &std::path::Path| std::fs::copy(bundled(from), to).unwrap();
    copy("A-ES-11-L.11.txt", &old.join("us-draft.txt"));
    copy("A-RES-ES-11-8.txt", &new.join("adopted.txt"));
    copy("A-RES-ES-11-1.txt", &old.join("es-11-1.txt"));
    copy("A-RES-ES-11-1.txt", &new.join("es-11-1-again.txt"));
    copy("A-ES-11-L.10.txt", &new.join("eu-draft.txt"));
    (old, new)
}

#[test]
fn batch_pairs_ranks_and_lists_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = session(dir.path());
    let out = resdiff()
        .args(["batch", "-f", "json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pairs = v["pairs"].as_array().unwrap();
    assert_eq!(pairs.len(), 2);
    // most changed first: the amended US draft, paired by its title
    assert!(pairs[0]["new"].as_str().unwrap().ends_with("adopted.txt"));
    assert_eq!(pairs[0]["paired_by"], "title");
    assert!(pairs[0]["changed"].as_f64().unwrap() > 0.2);
    assert!(
        pairs[1]["new"]
            .as_str()
            .unwrap()
            .ends_with("es-11-1-again.txt")
    );
    assert_eq!(pairs[1]["paired_by"], "symbol");
    assert_eq!(pairs[1]["differs"], false);
    assert_eq!(v["new_documents"][0]["symbol"], "A/ES-11/L.10");
    assert!(v["discontinued"].as_array().unwrap().is_empty());
}

#[test]
fn batch_skips_an_unreadable_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = session(dir.path());
    std::fs::write(new.join("broken.txt"), b"\x00\x01\x02binary").unwrap();
    let out = resdiff()
        .args(["batch", "-f", "plain"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a skipped file is an error, reported at the end"
    );
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("skipped:") && s.contains("broken.txt") && s.contains("binary data"),
        "{s}"
    );
    assert!(s.contains("2 pairs"), "the batch went on: {s}");
}

#[test]
fn batch_out_writes_a_report_per_pair_and_an_index() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = session(dir.path());
    let report = dir.path().join("report");
    resdiff()
        .args(["batch", "--out"])
        .arg(&report)
        .arg(&old)
        .arg(&new)
        .assert()
        .code(1);
    let index = std::fs::read_to_string(report.join("index.html")).unwrap();
    assert!(index.contains("<html lang=\"en\">") && index.contains("A/ES-11/L.10"));
    let mut json: Vec<String> = std::fs::read_dir(&report)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".json"))
        .collect();
    json.sort();
    assert_eq!(json, ["001-adopted.json", "002-es-11-1-again.json"]);
    for j in &json {
        assert!(index.contains(&format!("href=\"{j}\"")));
        let html = j.replace(".json", ".html");
        assert!(index.contains(&format!("href=\"{html}\"")));
        let page = std::fs::read_to_string(report.join(&html)).unwrap();
        assert!(page.contains("<del>") || page.contains("same as old") || page.contains("kept"));
        let v: serde_json::Value =
            serde_json::from_slice(&std::fs::read(report.join(j)).unwrap()).unwrap();
        assert_eq!(v["schema_version"], 1);
    }
}

#[test]
fn history_as_html_and_markdown() {
    let args = |f: &str| {
        let mut c = resdiff();
        c.args(["history", "-f", f])
            .arg(bundled("A-ES-11-L.11.txt"))
            .arg(bundled("S-RES-2774.txt"))
            .arg(bundled("A-RES-ES-11-8.txt"));
        c
    };
    let html = String::from_utf8(args("html").output().unwrap().stdout).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"en\">"));
    assert!(
        html.contains("<ins>just, </ins>"),
        "the amendment's insertion"
    );
    assert!(
        html.contains("<del>throughout the Russia-Ukraine</del>"),
        "the Council text's wording of PP1"
    );
    assert!(!html.contains("<script"), "no script");
    let md = String::from_utf8(args("markdown").output().unwrap().stdout).unwrap();
    assert!(md.starts_with("# History: A/ES-11/L.11 → S/RES/2774 (2025) → A/RES/ES-11/8"));
    assert!(md.contains("## OP1 → OP1 → OP1") && md.contains("**just,**"));
}

#[cfg(unix)]
#[test]
fn reports_written_with_out_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.html");
    resdiff()
        .args(["compare", "-f", "html", "-o"])
        .arg(&out)
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .assert()
        .code(1);
    let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
}
