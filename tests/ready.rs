//! Ready for other people: version, completions, man page, configuration
//! and its precedence, and the pager.

mod common;

use common::*;
use predicates::prelude::*;

#[test]
fn version_names_the_commit() {
    let out = resdiff().arg("--version").output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(
        s.starts_with(&format!("resdiff {} (", env!("CARGO_PKG_VERSION"))),
        "{s}"
    );
    assert!(s.trim_end().ends_with(')'));
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _resdiff"),
        ("zsh", "#compdef resdiff"),
        ("fish", "complete -c resdiff"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = resdiff().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains(marker), "{shell}: {marker}");
        for sub in ["compare", "history", "batch", "check", "amend"] {
            assert!(s.contains(sub), "{shell} completes {sub}");
        }
    }
    resdiff()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("possible values"));
}

#[test]
fn bash_completion_completes_subcommands() {
    // load the script into bash and ask it what follows `resdiff com`
    if std::process::Command::new("bash")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: no bash");
        return;
    }
    let script = resdiff()
        .args(["completions", "bash"])
        .output()
        .unwrap()
        .stdout;
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("resdiff.bash");
    std::fs::write(&file, script).unwrap();
    let probe = format!(
        "source {}; COMP_WORDS=(resdiff com); COMP_CWORD=1; _resdiff resdiff com resdiff; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        file.display()
    );
    let out = std::process::Command::new("bash")
        .args(["-c", &probe])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.lines().any(|l| l == "compare"), "{s}");
    assert!(s.lines().any(|l| l == "completions"), "{s}");
}

#[test]
fn man_page_is_roff_with_every_subcommand() {
    let out = resdiff().arg("man").output().unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains(".TH resdiff 1"), "{}", &s[..200.min(s.len())]);
    assert!(s.contains(".SH NAME") && s.contains(".SH SYNOPSIS"));
    for sub in [
        "compare",
        "show",
        "history",
        "batch",
        "check",
        "amend",
        "completions",
    ] {
        assert!(
            s.contains(&format!("resdiff\\-{sub}")) || s.contains(sub),
            "{sub}"
        );
    }
    // man renders it, when man is here
    if std::process::Command::new("man")
        .arg("--version")
        .output()
        .is_ok()
    {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("resdiff.1");
        std::fs::write(&f, &s).unwrap();
        let rendered = std::process::Command::new("man")
            .arg("-l")
            .arg(&f)
            .env("MANPAGER", "cat")
            .env("MANWIDTH", "80")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&rendered.stdout);
        assert!(
            text.contains("Compare United Nations draft resolutions"),
            "{text}"
        );
    }
}

#[test]
fn every_subcommand_explains_itself_with_examples() {
    // The list comes from the top-level help, so a new subcommand cannot slip past.
    let top = resdiff().arg("--help").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    let subs: Vec<&str> = top
        .split("Commands:")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|&s| s != "help")
        .collect();
    for expected in ["compare", "show", "amend", "git-diff", "man"] {
        assert!(subs.contains(&expected), "{expected} in {subs:?}");
    }
    for sub in subs {
        let out = resdiff().args([sub, "--help"]).output().unwrap();
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("Examples:"), "{sub} --help has examples");
        let examples = s
            .split("Examples:")
            .nth(1)
            .unwrap()
            .lines()
            .filter(|l| l.trim_start().starts_with("resdiff") || l.contains("resdiff"))
            .count();
        assert!(examples >= 2, "{sub}: {examples} examples");
    }
}

#[test]
fn help_examples_on_the_bundled_drafts_run_as_written() {
    let top = resdiff().arg("--help").output().unwrap();
    let top = String::from_utf8(top.stdout).unwrap();
    let subs: Vec<String> = top
        .split("Commands:")
        .nth(1)
        .unwrap()
        .lines()
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|s| s != "help")
        .collect();
    let mut ran = 0;
    // the examples that add to the default library add to a scratch one,
    // never to the library of whoever runs the tests
    let data = tempfile::tempdir().unwrap();
    for sub in &subs {
        let help = resdiff().args([sub.as_str(), "--help"]).output().unwrap();
        let help = String::from_utf8(help.stdout).unwrap();
        let examples = help.split("Examples:").nth(1).unwrap_or_default();
        // join "\\"-continued lines into one command
        let mut commands = Vec::new();
        let mut current = String::new();
        for line in examples.lines() {
            let line = line.trim();
            current.push_str(line.trim_end_matches('\\'));
            current.push(' ');
            if !line.ends_with('\\') {
                commands.push(std::mem::take(&mut current));
            }
        }
        for cmd in commands {
            let words: Vec<&str> = cmd.split_whitespace().collect();
            // only the examples on bundled files, without shell redirections
            if words.first() != Some(&"resdiff")
                || !words.iter().any(|w| w.starts_with("resolutions/"))
                || words.iter().any(|w| w.starts_with('>') || *w == "|")
            {
                continue;
            }
            let out = resdiff()
                .current_dir(env!("CARGO_MANIFEST_DIR"))
                .env("XDG_DATA_HOME", data.path())
                .args(&words[1..])
                .output()
                .unwrap();
            assert!(
                matches!(out.status.code(), Some(0 | 1)),
                "{cmd}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(!out.stdout.is_empty(), "{cmd} printed nothing");
            ran += 1;
        }
    }
    assert!(ran >= 10, "only {ran} examples ran");
}

/// A configuration file in a temporary XDG_CONFIG_HOME.
fn with_config(toml: &str) -> (tempfile::TempDir, assert_cmd::Command) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("resdiff")).unwrap();
    std::fs::write(dir.path().join("resdiff/config.toml"), toml).unwrap();
    let mut c = resdiff();
    c.env("XDG_CONFIG_HOME", dir.path())
        .env_remove("RESDIFF_THRESHOLD")
        .env_remove("RESDIFF_COLOR");
    (dir, c)
}

#[test]
fn configuration_precedence_is_cli_then_env_then_file() {
    // the threshold decides between "reworded" and "dropped + added" for
    // the rewritten operative paragraph of the US draft (similarity ~0.6)
    let pair = [bundled("A-ES-11-L.11.txt"), bundled("A-RES-ES-11-8.txt")];
    let reworded = |c: &mut assert_cmd::Command, extra: &[&str]| {
        let out = c
            .args(["compare", "-f", "json"])
            .args(extra)
            .args(&pair)
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|_| panic!("{}", String::from_utf8_lossy(&out.stderr)));
        v["summary"]["reworded"].as_u64().unwrap()
    };
    // built-in default 0.5: reworded
    let (_d, mut c) = with_config("");
    assert_eq!(reworded(&mut c, &[]), 1);
    // file: 0.9 -> not reworded
    let (_d, mut c) = with_config("threshold = 0.9\n");
    assert_eq!(reworded(&mut c, &[]), 0);
    // env over file
    let (_d, mut c) = with_config("threshold = 0.9\n");
    c.env("RESDIFF_THRESHOLD", "0.4");
    assert_eq!(reworded(&mut c, &[]), 1);
    // command line over env
    let (_d, mut c) = with_config("threshold = 0.4\n");
    c.env("RESDIFF_THRESHOLD", "0.4");
    assert_eq!(reworded(&mut c, &["--threshold", "0.95"]), 0);
    // --config names another file
    let (d, mut c) = with_config("threshold = 0.4\n");
    let other = d.path().join("strict.toml");
    std::fs::write(&other, "threshold = 0.95\n").unwrap();
    let other = other.display().to_string();
    assert_eq!(reworded(&mut c, &["--config", &other]), 0);
}

#[test]
fn configuration_sets_colour_width_and_rules() {
    let (d, mut c) = with_config("color = \"always\"\nwidth = 70\nrules = \"rules.toml\"\n");
    std::fs::write(
        d.path().join("resdiff/rules.toml"),
        "[[require]]\nphrase = \"territorial integrity\"\nseverity = \"error\"\n",
    )
    .unwrap();
    let out = c
        .args(["compare", "-f", "table"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-RES-ES-11-8.txt"))
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.contains("\x1b["), "colour from the file");
    assert!(
        s.lines()
            .all(|l| unicode_width::UnicodeWidthStr::width(strip_ansi(l).as_str()) <= 70),
        "width from the file"
    );
    // check finds its rules file from the configuration
    let (_d2, mut c) = (d, resdiff());
    c.env("XDG_CONFIG_HOME", _d2.path())
        .args(["check"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .assert()
        .code(1)
        // the table may wrap the phrase
        .stdout(predicate::str::contains("required phrase \"territorial"))
        .stdout(predicate::str::contains("does not appear"));
}

fn strip_ansi(s: &str) -> String {
    let re = regex::Regex::new("\x1b\\[[0-9;]*m").unwrap();
    re.replace_all(s, "").to_string()
}

#[test]
fn a_bad_configuration_file_is_one_line_with_its_line_number() {
    let (_d, mut c) = with_config("width = 80\nthreshhold = 0.5\n");
    let out = c
        .args(["compare"])
        .arg(bundled("A-ES-11-L.11.txt"))
        .arg(bundled("A-ES-11-L.11.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("config.toml: line 2") && err.contains("threshhold"),
        "{err}"
    );
}

#[test]
fn long_output_on_a_terminal_goes_through_the_pager() {
    // `script` gives the command a terminal; the "pager" records what it got
    if std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipping: no script(1) to make a terminal");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let marker = dir.path().join("paged.txt");
    let bin = assert_cmd::cargo::cargo_bin("resdiff");
    let run = |extra: &str| {
        let cmd = format!(
            "{} compare {} {} --color never {extra}",
            bin.display(),
            bundled("A-RES-ES-11-1.txt").display(),
            bundled("A-RES-ES-11-4.txt").display()
        );
        std::process::Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env("PAGER", format!("sh -c 'cat > {}'", marker.display()))
            .env_remove("RESDIFF_PAGER")
            .env("XDG_CONFIG_HOME", dir.path())
            .output()
            .unwrap()
    };
    run("");
    let paged = std::fs::read_to_string(&marker).unwrap();
    assert!(paged.contains("A/RES/ES-11/4") && paged.lines().count() > 50);
    std::fs::remove_file(&marker).unwrap();
    let out = run("--no-pager");
    assert!(!marker.exists(), "--no-pager writes to the terminal");
    assert!(String::from_utf8_lossy(&out.stdout).contains("A/RES/ES-11/4"));
}

#[test]
fn the_readme_shows_what_the_binary_prints() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    // the first ```text block after "## What it shows"
    let shown = readme
        .split("## What it shows")
        .nth(1)
        .and_then(|s| s.split("```text\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("a text block under \"What it shows\"");
    let out = resdiff()
        .current_dir(root)
        .args([
            "compare",
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-RES-ES-11-8.txt",
            "--width",
            "100",
            "--color",
            "never",
            "--format",
            "table",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        shown,
        String::from_utf8(out.stdout).unwrap(),
        "README.md's sample is out of date: paste the output of the command above it"
    );
}
