//! resdiff inside git, as the README sets it up: a temporary repository
//! with two commits of a bundled draft, then `git diff` and `git log -p`
//! through the external diff driver (`resdiff git-diff`), through
//! `GIT_EXTERNAL_DIFF`, and through textconv (`resdiff show --format plain`).
//! Skipped with a message when git is absent.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn resdiff_bin() -> String {
    env!("CARGO_BIN_EXE_resdiff").to_string()
}

/// A git command in `repo`, isolated from the user's and the system's configuration.
fn git(repo: &Path, args: &[&str]) -> Command {
    let mut c = Command::new("git");
    c.current_dir(repo)
        .args(args)
        .env("HOME", repo)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Drafter")
        .env("GIT_AUTHOR_EMAIL", "drafter@example.org")
        .env("GIT_COMMITTER_NAME", "Drafter")
        .env("GIT_COMMITTER_EMAIL", "drafter@example.org")
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_EXTERNAL_DIFF")
        .env_remove("NO_COLOR");
    c
}

/// Runs git and returns its stdout, failing the test on a non-zero exit.
fn run(repo: &Path, args: &[&str]) -> String {
    run_with(git(repo, args))
}

fn run_with(mut c: Command) -> String {
    let out = c.output().expect("run git");
    assert!(
        out.status.success(),
        "{c:?}: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A repository with `drafts/path-to-peace.txt` committed twice: the US
/// draft, then the adopted text. `None` when git is not installed.
fn repo() -> Option<(tempfile::TempDir, PathBuf)> {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("skipping: git is not installed");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().to_path_buf();
    run(&repo, &["init", "-q", "-b", "main"]);
    std::fs::create_dir(repo.join("drafts")).unwrap();
    let draft = repo.join("drafts/path-to-peace.txt");
    std::fs::copy(bundled("A-ES-11-L.11.txt"), &draft).unwrap();
    run(&repo, &["add", "."]);
    run(&repo, &["commit", "-q", "-m", "US draft A/ES-11/L.11"]);
    std::fs::copy(bundled("A-RES-ES-11-8.txt"), &draft).unwrap();
    run(&repo, &["commit", "-q", "-am", "As adopted: A/RES/ES-11/8"]);
    Some((dir, repo))
}

/// What resdiff says about the pair, clause by clause.
fn assert_clause_aware(out: &str) {
    for want in [
        "diff --resdiff a/drafts/path-to-peace.txt b/drafts/path-to-peace.txt",
        "--- old: a/drafts/path-to-peace.txt  A/ES-11/L.11  The path to peace",
        "+++ new: b/drafts/path-to-peace.txt  A/RES/ES-11/8  The path to peace",
        "-       PP1  [-Mourning the tragic loss of life",
        "=       PP2→PP1  Reiterating that",
        "a {+just,+} lasting {+and comprehensive+} peace",
        "kept 1 · reworded 1 · added 0 · dropped 1",
    ] {
        assert!(out.contains(want), "missing {want:?} in:\n{out}");
    }
}

#[test]
fn git_diff_and_log_use_the_external_driver() {
    let Some((_dir, repo)) = repo() else { return };
    std::fs::write(repo.join(".gitattributes"), "*.txt diff=resdiff\n").unwrap();
    run(
        &repo,
        &[
            "config",
            "diff.resdiff.command",
            &format!("{} git-diff", resdiff_bin()),
        ],
    );
    let diff = run(&repo, &["diff", "HEAD~1", "HEAD"]);
    assert_clause_aware(&diff);
    // git log uses external drivers only when asked
    let log = run(&repo, &["log", "-p", "--ext-diff", "-1"]);
    assert!(log.contains("As adopted: A/RES/ES-11/8"));
    assert_clause_aware(&log);
    let plain_log = run(&repo, &["log", "-p", "-1"]);
    assert!(!plain_log.contains("diff --resdiff"), "{plain_log}");
    // a draft added in a commit compares with an empty one: every clause added
    std::fs::copy(bundled("S-RES-2774.txt"), repo.join("drafts/sc.txt")).unwrap();
    run(&repo, &["add", "drafts/sc.txt"]);
    run(&repo, &["commit", "-q", "-m", "Security Council text"]);
    let added = run(&repo, &["show", "--ext-diff", "HEAD"]);
    assert!(
        added.contains("diff --resdiff a/drafts/sc.txt b/drafts/sc.txt"),
        "{added}"
    );
    assert!(added.contains("+       OP1  {+Implores"), "{added}");
    assert!(added.contains("kept 0 · reworded 0 · added 3"), "{added}");
    // a file that is not a draft: git is told, and stops
    std::fs::write(repo.join("drafts/notes.txt"), "\n").unwrap();
    run(&repo, &["add", "drafts/notes.txt"]);
    let out = git(&repo, &["diff", "--cached"]).output().unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("resdiff: b/drafts/notes.txt: empty file"),
        "{err}"
    );
}

#[test]
fn git_external_diff_variable() {
    let Some((_dir, repo)) = repo() else { return };
    let with = |driver: String| {
        let mut c = git(&repo, &["diff", "HEAD~1", "HEAD"]);
        c.env("GIT_EXTERNAL_DIFF", driver);
        run_with(c)
    };
    assert_clause_aware(&with(format!("{} git-diff", resdiff_bin())));
    // options come before the arguments git appends
    let out = with(format!("{} git-diff --changes-only", resdiff_bin()));
    assert!(out.contains("a {+just,+} lasting"), "{out}");
    assert!(!out.contains("Reiterating that"), "{out}");
}

#[test]
fn textconv_shows_the_plain_layout_to_git() {
    let Some((_dir, repo)) = repo() else { return };
    std::fs::write(repo.join(".gitattributes"), "*.txt diff=undraft\n").unwrap();
    run(
        &repo,
        &[
            "config",
            "diff.undraft.textconv",
            &format!("{} show --format plain", resdiff_bin()),
        ],
    );
    let out = run(&repo, &["diff", "HEAD~1", "HEAD"]);
    // git's own line diff, over one clause per line: the comment lines and
    // the hard wrapping of the source are gone
    assert!(
        out.contains("-Mourning the tragic loss of life throughout the Russia-Ukraine conflict,"),
        "{out}"
    );
    assert!(out.contains("+Implores a swift end to the conflict and further urges a just, lasting and comprehensive peace"), "{out}");
    assert!(!out.contains("# sources"), "{out}");
    let log = run(&repo, &["log", "-p", "-1"]);
    assert!(
        log.contains("+Resolution adopted by the General Assembly on 24 February 2025"),
        "{log}"
    );
}

#[test]
fn git_diff_helper_checks_its_arguments() {
    resdiff()
        .args(["git-diff", "a", "b", "c"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "takes the 7 arguments git passes",
        ));
    resdiff()
        .args(["git-diff", "draft.txt"])
        .assert()
        .code(0)
        .stdout("* Unmerged path draft.txt\n");
}

#[test]
fn the_driver_honours_the_configured_matching() {
    // a clause reworded by a few words: reworded at the default threshold,
    // dropped and added at the 0.99 a configuration (here RESDIFF_THRESHOLD) asks for
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old.txt");
    let new = dir.path().join("new.txt");
    std::fs::write(&old, "The Security Council,\nRecalling its resolutions on the situation,\n1. Demands that all parties cease hostilities at once throughout the country;\n").unwrap();
    std::fs::write(&new, "The Security Council,\nRecalling its resolutions on the situation,\n1. Demands that all parties cease hostilities immediately throughout the country;\n").unwrap();
    let run = |threshold: Option<&str>| {
        let mut c = resdiff();
        c.env("XDG_CONFIG_HOME", dir.path())
            .env("HOME", dir.path())
            .env_remove("RESDIFF_THRESHOLD")
            .args(["git-diff", "draft.txt"])
            .arg(&old)
            .args(["1111111", "100644"])
            .arg(&new)
            .args(["2222222", "100644", "--color", "never"]);
        if let Some(t) = threshold {
            c.env("RESDIFF_THRESHOLD", t);
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    let plain = run(None);
    assert!(plain.lines().any(|l| l.starts_with('~')), "{plain}");
    let strict = run(Some("0.99"));
    assert!(!strict.lines().any(|l| l.starts_with('~')), "{strict}");
    assert!(strict.lines().any(|l| l.starts_with('+')), "{strict}");
}
