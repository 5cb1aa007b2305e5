//! The binary end to end: exit statuses, colour and its absence, formats,
//! and one clear line for every bad input.

mod common;

use common::*;
use predicates::prelude::*;

fn l11() -> std::path::PathBuf {
    bundled("A-ES-11-L.11.txt")
}
fn es8() -> std::path::PathBuf {
    bundled("A-RES-ES-11-8.txt")
}

#[test]
fn exit_status_is_0_when_equal_and_1_when_different() {
    resdiff()
        .arg("compare")
        .arg(l11())
        .arg(l11())
        .assert()
        .code(0);
    resdiff()
        .arg("compare")
        .arg(l11())
        .arg(es8())
        .assert()
        .code(1);
}

#[test]
fn without_colour_changes_are_bracketed() {
    resdiff()
        .args(["compare", "--color", "never", "--format", "plain"])
        .arg(l11())
        .arg(es8())
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "a {+just,+} lasting {+and comprehensive+} peace",
        ))
        .stdout(predicate::str::contains(
            "[-Mourning the tragic loss of life throughout the Russia-Ukraine conflict,-]",
        ))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn no_color_is_honoured_and_always_overrides_it() {
    // output to a pipe: no colour by default, nor with NO_COLOR
    resdiff()
        .args(["compare", "-f", "table"])
        .arg(l11())
        .arg(es8())
        .env("NO_COLOR", "1")
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    resdiff()
        .args(["compare", "-f", "table", "--color", "auto"])
        .arg(l11())
        .arg(es8())
        .assert()
        .stdout(predicate::str::contains("\x1b[").not());
    // --color always: deletions struck through (SGR 9), insertions underlined (SGR 4)
    let out = resdiff()
        .args(["compare", "-f", "table", "--color", "always"])
        .arg(l11())
        .arg(es8())
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.contains("\x1b[9;31m") || s.contains(";9m") || s.contains("[9m"),
        "no strikethrough: {s}"
    );
    assert!(
        s.contains("\x1b[4;32m") || s.contains(";4m") || s.contains("[4m"),
        "no underline"
    );
    assert!(!s.contains("{+"), "markers are for colourless output only");
}

#[test]
fn table_fits_the_requested_width() {
    for width in [80usize, 120, 200] {
        let out = resdiff()
            .args(["compare", "-f", "table", "-w", &width.to_string()])
            .arg(l11())
            .arg(es8())
            .output()
            .unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        let widest = s
            .lines()
            .map(unicode_width::UnicodeWidthStr::width)
            .max()
            .unwrap();
        assert_eq!(widest, width, "the table fills the width it was given");
        assert!(
            s.contains("A/ES-11/L.11") && s.contains("A/RES/ES-11/8"),
            "header"
        );
        assert!(
            s.contains("kept 1 · reworded 1 · added 0 · dropped 1"),
            "summary"
        );
    }
}

#[test]
fn every_table_fills_the_width_and_no_more() {
    let l11 = l11();
    let es8 = es8();
    let rules = bundled("../examples/rules/ukraine-2025.toml");
    let runs: [Vec<&std::ffi::OsStr>; 3] = [
        vec!["show".as_ref(), l11.as_os_str()],
        vec!["history".as_ref(), l11.as_os_str(), es8.as_os_str()],
        vec![
            "check".as_ref(),
            l11.as_os_str(),
            "--rules".as_ref(),
            rules.as_os_str(),
        ],
    ];
    for width in [60usize, 81, 200] {
        for args in &runs {
            let out = resdiff()
                .args(args)
                .args(["-f", "table", "-w", &width.to_string()])
                .output()
                .unwrap();
            let s = String::from_utf8(out.stdout).unwrap();
            let widths: Vec<usize> = s
                .lines()
                .map(unicode_width::UnicodeWidthStr::width)
                .collect();
            let widest = widths.iter().copied().max().unwrap();
            assert_eq!(widest, width, "{args:?} at {width}:\n{s}");
        }
    }
}

#[test]
fn changes_only_hides_unchanged_clauses() {
    let all = resdiff()
        .args(["compare", "-f", "plain"])
        .arg(bundled("A-RES-ES-11-1.txt"))
        .arg(bundled("A-RES-ES-11-4.txt"))
        .output()
        .unwrap();
    let some = resdiff()
        .args(["compare", "-f", "plain", "-c"])
        .arg(bundled("A-RES-ES-11-1.txt"))
        .arg(bundled("A-RES-ES-11-4.txt"))
        .output()
        .unwrap();
    let count = |o: &[u8]| {
        String::from_utf8_lossy(o)
            .lines()
            .filter(|l| l.starts_with('='))
            .count()
    };
    assert!(count(&all.stdout) > 0);
    assert_eq!(count(&some.stdout), 0);
}

#[test]
fn json_follows_the_contract() {
    let out = resdiff()
        .args(["compare", "-f", "json"])
        .arg(l11())
        .arg(es8())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["old"]["symbol"], "A/ES-11/L.11");
    assert_eq!(v["new"]["title"], "The path to peace");
    assert_eq!(v["old"]["sponsors"][0], "United States of America");
    assert_eq!(v["old"]["clauses"][0]["id"], "PP1");
    assert_eq!(v["old"]["clauses"][0]["part"], "preamble");
    assert_eq!(v["old"]["clauses"][2]["lead"], "Implores");
    let changes = v["changes"].as_array().unwrap();
    let kinds: Vec<&str> = changes
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["deleted", "unchanged", "modified"]);
    let op = &changes[2];
    assert_eq!(op["old"][0], "OP1");
    assert_eq!(op["moved"], false);
    assert!(op["similarity"].as_f64().unwrap() > 0.5);
    assert!(
        op["segments"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["op"] == "insert" && s["text"] == "just, ")
    );
    assert_eq!(v["summary"]["dropped"], 1);
}

#[test]
fn show_prints_the_structure() {
    resdiff()
        .args(["show", "-f", "json"])
        .arg(l11())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("\"lead\":\"Mourning\""));
    resdiff()
        .args(["show", "-f", "table", "-w", "100"])
        .arg(bundled("A-RES-ES-11-4.txt"))
        .assert()
        .code(0)
        .stdout(predicate::str::contains("7 preambular, 8 operative"));
    // the plain layout reads back to the same structure
    let plain = resdiff()
        .args(["show", "-f", "plain"])
        .arg(bundled("A-RES-ES-11-1.txt"))
        .output()
        .unwrap()
        .stdout;
    resdiff()
        .args(["compare", "-", "-f", "plain"])
        .arg(bundled("A-RES-ES-11-1.txt"))
        .write_stdin(plain)
        .assert()
        .code(0);
}

#[test]
fn same_inputs_same_bytes() {
    let run = || {
        resdiff()
            .args(["compare", "-f", "json"])
            .arg(bundled("A-RES-ES-11-1.txt"))
            .arg(bundled("A-RES-ES-11-4.txt"))
            .output()
            .unwrap()
            .stdout
    };
    let first = run();
    assert!(!first.is_empty());
    assert_eq!(first, run());
    let table = || {
        resdiff()
            .args(["compare", "-f", "table", "-w", "90"])
            .arg(l11())
            .arg(es8())
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(table(), table());
}

/// A bad input: exit 2, one line on stderr naming the file, nothing on stdout.
fn assert_refused(path: &std::path::Path, problem: &str) {
    let out = resdiff()
        .arg("compare")
        .arg(path)
        .arg(l11())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", path.display());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!("resdiff: {}: ", path.display())),
        "{err}"
    );
    assert!(err.contains(problem), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn bad_inputs_get_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    assert_refused(&write("empty.txt", b""), "empty file");
    assert_refused(&write("blank.txt", b" \n\n\t \r\n"), "empty file");
    assert_refused(
        &write("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00"),
        "binary data",
    );
    assert_refused(
        &write("prose.txt", b"Dear colleagues, lunch is at noon"),
        "no clauses found",
    );
    // what an error quotes from its input cannot break it over lines
    // (found by fuzzing: an XML entity name holding CR LF)
    assert_refused(
        &write("entity.xml", b"<akomaNtoso>\r\x05~&\r\n\r\r;</akomaNtoso>"),
        r"undefined entity &\r\n\r\r;",
    );
    assert_refused(&dir.path().join("missing.txt"), "No such file");
    // and says it once
    let out = resdiff()
        .arg("compare")
        .arg(dir.path().join("missing.txt"))
        .arg(l11())
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stderr)
            .matches("No such file")
            .count(),
        1
    );
    // nor can a file name with a line break in it
    #[cfg(unix)]
    {
        let odd = write("two\nlines.txt", b"");
        let out = resdiff().arg("show").arg(&odd).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(r"two\nlines.txt"), "{err}");
    }
    assert_refused(dir.path(), "is a directory");
    // bounded input
    let big = write("big.txt", &vec![b'a'; 4096]);
    let out = resdiff()
        .args(["compare", "--max-size", "1000"])
        .arg(&big)
        .arg(l11())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the 1000-byte input limit"));
}

#[test]
fn a_hundred_megabytes_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("huge.txt");
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(100 * 1024 * 1024).unwrap(); // sparse: no disk used
    let start = std::time::Instant::now();
    assert_refused(&p, "input limit");
    assert!(start.elapsed().as_secs() < 20);
}

#[test]
fn bad_arguments_exit_2_with_a_hint() {
    resdiff()
        .args(["compare", "--threshold", "1.5"])
        .arg(l11())
        .arg(es8())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside 0 to 1"));
    resdiff()
        .args(["compare", "--format", "htm"])
        .arg(l11())
        .arg(es8())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
    resdiff().args(["compare"]).arg(l11()).assert().code(2);
}

#[test]
fn output_file_is_written_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("diff.json");
    resdiff()
        .args(["compare", "-f", "json", "-o"])
        .arg(&out)
        .arg(l11())
        .arg(es8())
        .assert()
        .code(1)
        .stdout("");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(v["schema_version"], 1);
    // an unreadable input leaves no output file behind
    let out2 = dir.path().join("never.json");
    resdiff()
        .args(["compare", "-o"])
        .arg(&out2)
        .arg(dir.path().join("nope.txt"))
        .arg(es8())
        .assert()
        .code(2);
    assert!(!out2.exists());
    // a directory that does not exist: an error naming the output
    let out3 = dir.path().join("no/such/dir/x.json");
    resdiff()
        .args(["compare", "-o"])
        .arg(&out3)
        .arg(l11())
        .arg(es8())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("cannot write"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left over"
    );
}

#[test]
fn stdin_is_read_with_a_dash() {
    let text = std::fs::read(l11()).unwrap();
    resdiff()
        .args(["compare", "-"])
        .arg(l11())
        .write_stdin(text)
        .assert()
        .code(0);
}

#[test]
fn closed_pipe_is_not_an_error() {
    // `resdiff ... | head -1`: stdout closes early, resdiff stays quiet
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("resdiff"))
        .args(["compare", "-f", "plain"])
        .arg(bundled("A-RES-ES-11-1.txt"))
        .arg(bundled("A-RES-ES-11-4.txt"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_changed_section_heading_is_a_change_in_every_format() {
    // the same clauses under a renamed heading: the words of no clause
    // changed, yet the text did
    let dir = tempfile::tempdir().unwrap();
    let text = "The Security Council,\nRecalling the commitments of the Doha Document,\nPolitical situation\nReiterating that there can be no military solution to the conflict,\n1. Decides to remain seized of the matter.\n";
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, text).unwrap();
    std::fs::write(&new, text.replace("Political situation", "Peace process")).unwrap();
    let run = |format: &str| {
        let out = resdiff()
            .args([
                "compare", "--color", "never", "--width", "100", "-f", format,
            ])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    let pp2 = &json["changes"][1];
    assert_eq!(pp2["kind"], "unchanged");
    assert_eq!(pp2["heading"]["old"], "Political situation");
    assert_eq!(pp2["heading"]["new"], "Peace process");
    assert!(json["changes"][0].get("heading").is_none());
    assert!(run("table").contains("§ [-Political situation-]"));
    assert!(run("table").contains("§ {+Peace process+}"));
    assert!(run("plain").contains("[-Political situation-] → {+Peace process+}"));
    assert!(run("markdown").contains("~~Political situation~~ → **Peace process**"));
    let html = run("html");
    assert!(html.contains("<s>Political situation</s> → <u>Peace process</u>"));
    assert!(html.contains("kept</span>, heading changed"));
    // a history shows it at its step
    let out = resdiff()
        .args(["history", "--color", "never", "--width", "120"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let history = String::from_utf8_lossy(&out.stdout);
    assert!(
        history.contains("§ [-Political situation-] → {+Peace process+}"),
        "{history}"
    );
    // --changes-only keeps it
    let out = resdiff()
        .args([
            "compare",
            "--color",
            "never",
            "--changes-only",
            "-f",
            "plain",
        ])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("PP2"));
    // the same heading, however wrapped, is no change
    std::fs::write(
        &new,
        text.replace("Political situation", "Political  situation"),
    )
    .unwrap();
    resdiff()
        .arg("compare")
        .arg(&old)
        .arg(&new)
        .assert()
        .code(0);
}
