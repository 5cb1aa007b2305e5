//! A delegate's first hour (issue 22): the binary end to end on inputs made
//! the way a new user makes them: `-o report.html` without `--format`, a
//! Word 97 file, text saved by Word as "Plain Text" on Windows, amendment
//! documents saying "to read:", a draft against an edited copy of itself.

mod common;

use std::path::{Path, PathBuf};

use common::*;

fn l11() -> PathBuf {
    bundled("A-ES-11-L.11.txt")
}
fn es8() -> PathBuf {
    bundled("A-RES-ES-11-8.txt")
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

// 3. The output format follows -o's extension.

#[test]
fn compare_to_a_html_file_writes_a_page() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    resdiff()
        .args(["compare", "--no-pager"])
        .arg(l11())
        .arg(es8())
        .arg("-o")
        .arg(&page)
        .assert()
        .code(1);
    let html = read(&page);
    assert!(html.starts_with("<!DOCTYPE html>"), "{}", &html[..80]);
    assert!(html.contains("<del") && html.contains("<ins"));
}

#[test]
fn each_extension_names_its_format_and_format_wins() {
    let dir = tempfile::tempdir().unwrap();
    let out = |name: &str, extra: &[&str], cmd: &[&str], files: &[PathBuf]| {
        let p = dir.path().join(name);
        resdiff()
            .args(cmd)
            .args(files)
            .arg("-o")
            .arg(&p)
            .args(extra)
            .assert()
            .code(predicates::ord::lt(2));
        read(&p)
    };
    let pair = [l11(), es8()];
    let md = out("r.md", &[], &["compare"], &pair);
    assert!(md.contains("~~") && md.starts_with('#'), "{md}");
    let json = out("r.json", &[], &["compare"], &pair);
    assert!(json.starts_with("{\"schema_version\":1"), "{json}");
    let htm = out("r.htm", &[], &["history"], &pair);
    assert!(htm.starts_with("<!DOCTYPE html>"));
    let txt = out("r.txt", &[], &["compare"], &pair);
    assert!(txt.contains("{+") && !txt.contains("<del"), "{txt}");
    // --format says otherwise: it wins over the extension
    let forced = out("forced.html", &["--format", "json"], &["compare"], &pair);
    assert!(forced.starts_with('{'), "{forced}");
    // show: .xml is Akoma Ntoso, which reads back as the same draft
    let xml = dir.path().join("l11.xml");
    resdiff()
        .arg("show")
        .arg(l11())
        .arg("-o")
        .arg(&xml)
        .assert()
        .code(0);
    assert!(read(&xml).contains("<akomaNtoso"));
    resdiff()
        .arg("compare")
        .arg(l11())
        .arg(&xml)
        .assert()
        .code(0);
    // amend and check follow the extension too
    let amended = out(
        "amended.json",
        &[],
        &["amend"],
        &[l11(), bundled("A-ES-11-L.15.txt")],
    );
    assert!(amended.starts_with("{\"source\""), "{amended}");
    let findings = out(
        "findings.json",
        &[
            "--rules",
            root()
                .join("examples/rules/ukraine-2025.toml")
                .to_str()
                .unwrap(),
        ],
        &["check"],
        &[l11()],
    );
    assert!(findings.starts_with("{\"findings\""), "{findings}");
    // a comparison has no Akoma Ntoso form: one clear error, nothing written
    let bad = dir.path().join("diff.xml");
    resdiff()
        .arg("compare")
        .arg(l11())
        .arg(es8())
        .arg("-o")
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("resdiff show"));
    assert!(!bad.exists());
}

// 4. Old Office files and RTF are recognised and refused with what to do.

/// A minimal OLE2 compound file, as Word 97–2003, Excel and PowerPoint write
/// them: a 512-byte header, one FAT sector and one directory sector naming
/// the root entry and `streams`.
fn ole2(streams: &[&str]) -> Vec<u8> {
    let mut f = vec![0u8; 512 * 3];
    f[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    let put16 =
        |f: &mut Vec<u8>, at: usize, v: u16| f[at..at + 2].copy_from_slice(&v.to_le_bytes());
    let put32 =
        |f: &mut Vec<u8>, at: usize, v: u32| f[at..at + 4].copy_from_slice(&v.to_le_bytes());
    put16(&mut f, 24, 0x3E); // minor version
    put16(&mut f, 26, 3); // major version: 512-byte sectors
    put16(&mut f, 28, 0xFFFE); // little-endian
    put16(&mut f, 30, 9); // sector shift
    put16(&mut f, 32, 6); // mini sector shift
    put32(&mut f, 44, 1); // FAT sectors
    put32(&mut f, 48, 1); // first directory sector
    put32(&mut f, 56, 4096); // mini stream cutoff
    put32(&mut f, 60, 0xFFFF_FFFE); // no mini FAT
    put32(&mut f, 68, 0xFFFF_FFFE); // no DIFAT sectors
    put32(&mut f, 76, 0); // DIFAT[0]: the FAT is sector 0
    for k in 1..109 {
        put32(&mut f, 76 + 4 * k, 0xFFFF_FFFF);
    }
    // sector 0 (file offset 512): the FAT
    put32(&mut f, 512, 0xFFFF_FFFD);
    put32(&mut f, 516, 0xFFFF_FFFE);
    for k in 2..128 {
        put32(&mut f, 512 + 4 * k, 0xFFFF_FFFF);
    }
    // sector 1 (file offset 1024): the directory
    for (k, name) in std::iter::once("Root Entry")
        .chain(streams.iter().copied())
        .enumerate()
    {
        let at = 1024 + 128 * k;
        let units: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        f[at..at + units.len()].copy_from_slice(&units);
        put16(&mut f, at + 64, units.len() as u16 + 2);
        f[at + 66] = if k == 0 { 5 } else { 2 };
        put32(&mut f, at + 68, 0xFFFF_FFFF);
        put32(&mut f, at + 72, 0xFFFF_FFFF);
        put32(&mut f, at + 76, if k == 0 { 1 } else { 0xFFFF_FFFF });
    }
    f
}

fn refused_with(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    let out = resdiff()
        .arg("compare")
        .arg(&p)
        .arg(l11())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!("resdiff: {}: {expect}", p.display())),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn word_97_excel_powerpoint_and_rtf_say_what_to_do() {
    refused_with(
        "draft.doc",
        &ole2(&["WordDocument", "1Table", "\u{5}SummaryInformation"]),
        "an old Word 97–2003 file: resdiff cannot read it; open it in Word (or LibreOffice) and save it as .docx or PDF",
    );
    refused_with(
        "votes.xls",
        &ole2(&["Workbook"]),
        "an old Excel 97–2003 workbook, not a draft",
    );
    refused_with(
        "slides.ppt",
        &ole2(&["PowerPoint Document", "Current User"]),
        "an old PowerPoint 97–2003 presentation",
    );
    refused_with(
        "other.doc",
        &ole2(&["Contents"]),
        "an old Microsoft Office (97–2003) file",
    );
    refused_with(
        "draft.rtf",
        br"{\rtf1\ansi\deff0 {\fonttbl {\f0 Times New Roman;}} The General Assembly,\par}",
        "an RTF (Rich Text Format) file",
    );
}

// 5. Legacy encodings are read, and named.

/// What Word's "Save as Plain Text" on Windows writes: windows-1252 (a
/// narrow no-break space, which it lacks, becomes a no-break space), CRLF.
fn word_plain_text(utf8: &str) -> Vec<u8> {
    let crlf = utf8.replace('\n', "\r\n").replace('\u{202f}', "\u{a0}");
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&crlf);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn a_windows_1252_draft_reads_like_its_utf8_original() {
    let original = bundled("A-RES-ES-11-1.txt");
    let text = read(&original);
    assert!(
        text.contains('“') && text.contains('–'),
        "test input lost its non-ASCII characters"
    );
    let dir = tempfile::tempdir().unwrap();
    let cp = dir.path().join("draft.txt");
    let bytes = word_plain_text(&text);
    assert!(std::str::from_utf8(&bytes).is_err());
    std::fs::write(&cp, bytes).unwrap();
    resdiff()
        .arg("compare")
        .arg(&original)
        .arg(&cp)
        .assert()
        .code(0);
    // show names the encoding assumed, in its table and in JSON
    let table = resdiff()
        .args(["show", "--format", "table", "--width", "100"])
        .arg(&cp)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("encoding") && table.contains("windows-1252"),
        "{table}"
    );
    let json = resdiff()
        .args(["show", "--format", "json"])
        .arg(&cp)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["encoding"], "windows-1252");
    let utf8 = resdiff()
        .args(["show", "--format", "json"])
        .arg(&original)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&utf8.stdout).unwrap();
    assert!(v.get("encoding").is_none(), "UTF-8 needs no encoding field");
}

#[test]
fn binary_is_refused_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("photo.jpg");
    std::fs::write(&p, b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01").unwrap();
    resdiff()
        .arg("show")
        .arg(&p)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("is not a text file"))
        .stderr(predicates::str::contains(
            "save the draft as PDF, Word (.docx) or plain text",
        ));
}

// 10. A partial transcription says so.

#[test]
fn a_partial_transcription_says_so_in_json_and_table() {
    let l10 = bundled("A-ES-11-L.10.txt");
    let json = resdiff()
        .args(["compare", "--format", "json"])
        .arg(l11())
        .arg(&l10)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let notes = v["notes"].as_array().unwrap();
    assert!(
        notes.iter().any(|n| n
            .as_str()
            .unwrap()
            .contains("A-ES-11-L.10.txt is a partial transcription")),
        "{notes:?}"
    );
    let table = resdiff()
        .args([
            "compare", "--format", "table", "--color", "never", "--width", "100",
        ])
        .arg(l11())
        .arg(&l10)
        .output()
        .unwrap();
    let table = String::from_utf8(table.stdout).unwrap();
    assert!(
        table.contains("A-ES-11-L.10.txt is a partial transcription"),
        "{table}"
    );
    // a complete transcription has no such note
    let full = resdiff()
        .args(["compare", "--format", "json"])
        .arg(l11())
        .arg(bundled("A-RES-ES-11-1.txt"))
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&full.stdout).contains("partial transcription"));
}

// 9. `check` says when its rules could not run.

#[test]
fn check_of_one_draft_names_the_rules_it_could_not_apply() {
    let rules = root().join("examples/rules/ukraine-2025.toml");
    let out = resdiff()
        .arg("check")
        .arg(l11())
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning")
            && stderr.contains("not applied to one draft: [lead_words], [[watch]] \"aggression\", [[watch]] \"territorial integrity\""),
        "{stderr}"
    );
    // with OLD and NEW every rule runs: no warning
    let both = resdiff()
        .arg("check")
        .arg(l11())
        .arg(es8())
        .arg("--rules")
        .arg(&rules)
        .output()
        .unwrap();
    assert!(
        both.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&both.stderr)
    );
}

#[test]
fn an_empty_rules_file_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.toml");
    std::fs::write(&rules, "# rules for the L.11 negotiation: to be written\n").unwrap();
    resdiff()
        .arg("check")
        .arg(l11())
        .arg("--rules")
        .arg(&rules)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "no rules: the file has no [[require]]",
        ));
}

// 7. `amend` reads "to read:".

#[test]
fn amend_reads_to_read_forms_as_whole_replacements() {
    let dir = tempfile::tempdir().unwrap();
    let l99 = dir.path().join("l99.txt");
    std::fs::write(
        &l99,
        "United Nations A/ES-11/L.99\n\
         General Assembly\n\
         Eleventh emergency special session\n\
         Albania: amendments\n\
         Territorial integrity of Ukraine\n\
         \n\
         1. Amend operative paragraph 8 to read:\n\
         “Decides to remain seized of the matter and to adjourn the session temporarily.”\n\
         \n\
         2. Operative paragraph 6 should read as follows: “Welcomes the efforts of the Secretary-General.”\n\
         \n\
         3. Operative paragraph 3 shall read: \"Declares the attempted annexation null and void.\"\n",
    )
    .unwrap();
    let out = resdiff()
        .args(["amend", "--format", "json"])
        .arg(bundled("A-RES-ES-11-4.txt"))
        .arg(&l99)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |id: &str| {
        v["clauses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .map(|c| c["text"].as_str().unwrap().to_string())
            .unwrap()
    };
    assert_eq!(
        text("OP8"),
        "Decides to remain seized of the matter and to adjourn the session temporarily."
    );
    assert_eq!(
        text("OP6"),
        "Welcomes the efforts of the Secretary-General."
    );
    assert_eq!(
        text("OP3"),
        "Declares the attempted annexation null and void."
    );
    let ops = v["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["part"] == "operative");
    assert_eq!(ops.count(), 8, "a replacement adds no paragraph");
}

// 10. Smaller stumbles.

#[test]
fn diff_is_compare_and_help_config_exists() {
    resdiff()
        .arg("diff")
        .arg(l11())
        .arg(es8())
        .assert()
        .code(1)
        .stdout(predicates::str::contains("A/ES-11/L.11"));
    let help = resdiff().arg("--help").output().unwrap();
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("[alias: diff]"), "{help}");
    // `--help` sends the reader to `resdiff help config`: it works
    assert!(help.contains("resdiff help config"));
    let config = resdiff().args(["help", "config"]).output().unwrap();
    assert_eq!(config.status.code(), Some(0));
    let config = String::from_utf8(config.stdout).unwrap();
    assert!(
        config.contains("XDG_CONFIG_HOME") && config.contains("width = 120"),
        "{config}"
    );
    let man = resdiff().arg("man").output().unwrap();
    // the manual lists the topic it points to
    let man = String::from_utf8_lossy(&man.stdout);
    assert!(
        man.contains("resdiff help config") && man.contains("resdiff\\-config(1)"),
        "{man}"
    );
}

#[test]
fn a_config_value_of_the_wrong_kind_says_what_is_expected() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(&cfg, "color = \"never\"\nwidth = \"wide\"\n").unwrap();
    resdiff()
        .arg("--config")
        .arg(&cfg)
        .arg("show")
        .arg(l11())
        .assert()
        .code(2)
        .stderr(format!(
            "resdiff: {}: line 2: width = \"wide\": expected a whole number of columns, such as 120 (no quotes)\n",
            cfg.display()
        ));
    // and `resdiff config` shows what a good file sets
    std::fs::write(&cfg, "width = 120\n").unwrap();
    resdiff()
        .arg("--config")
        .arg(&cfg)
        .arg("config")
        .assert()
        .code(0)
        .stdout(predicates::str::contains("width               120\n"));
}

#[test]
fn batch_tables_keep_words_whole_and_name_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("s79"), dir.path().join("s80"));
    std::fs::create_dir_all(&old).unwrap();
    std::fs::create_dir_all(&new).unwrap();
    for (from, to) in [
        ("A-RES-ES-11-1.txt", old.join("es11-1.txt")),
        ("A-ES-11-L.11.txt", old.join("us-draft.txt")),
        ("A-RES-ES-11-4.txt", new.join("es11-4.txt")),
        ("A-RES-ES-11-8.txt", new.join("adopted.txt")),
    ] {
        std::fs::copy(bundled(from), to).unwrap();
    }
    for width in ["100", "80"] {
        let out = resdiff()
            .args(["batch", "-f", "table", "--color", "never", "-w", width])
            .arg(&old)
            .arg(&new)
            .output()
            .unwrap();
        let table = String::from_utf8(out.stdout).unwrap();
        // every word of the titles and every heading stands whole in some line
        for word in "Territorial integrity of Ukraine: defending the principles of the Charter kept reworded dropped changed"
            .split(' ')
        {
            assert!(
                table
                    .lines()
                    .any(|l| l.split([' ', '│', '┆']).any(|w| w == word)),
                "{word} broken at {width}:\n{table}"
            );
        }
        for file in ["us-draft.txt", "adopted.txt", "es11-1.txt", "es11-4.txt"] {
            assert!(
                table.contains(file),
                "{file} not named at {width}:\n{table}"
            );
        }
        // the adopted text is a partial transcription, and says so
        assert!(
            table.contains("adopted.txt is a partial transcription"),
            "{table}"
        );
    }
    let json = resdiff()
        .args(["batch", "-f", "json"])
        .arg(&old)
        .arg(&new)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let notes = v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["notes"].as_array().cloned().unwrap_or_default())
        .filter(|n| n.as_str().unwrap().contains("partial transcription"))
        .count();
    assert_eq!(notes, 1);
}

// 8. HTML and Markdown headers when both sides share a symbol.

const TWELVE: &str = "Albania, Andorra, Austria, Belgium, Bulgaria, Croatia, Cyprus, Czechia, Denmark, Estonia, Finland and Ukraine";

/// L.10 with a long sponsor list (as the official draft has), saved as
/// `name`, with `edit` applied: the draft and an edited copy of it.
fn l10_with(dir: &Path, name: &str, sponsors: &str, edit: (&str, &str)) -> PathBuf {
    let text = read(&bundled("A-ES-11-L.10.txt"))
        .replace(
            "Ukraine: draft resolution",
            &format!("{sponsors}: draft resolution"),
        )
        .replace(edit.0, edit.1);
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn run_to(args: &[&std::ffi::OsStr], out: &Path) -> String {
    resdiff().args(args).arg("-o").arg(out).assert().code(1);
    read(out)
}

#[test]
fn a_draft_against_its_edited_copy_is_told_apart_and_the_sponsors_fold() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = l10_with(d, "l10.txt", TWELVE, ("", ""));
    let new = l10_with(d, "l10-edited.txt", TWELVE, ("three years", "four years"));
    let html = run_to(
        &["compare".as_ref(), old.as_os_str(), new.as_os_str()],
        &d.join("r.html"),
    );
    // both sides are A/ES-11/L.10: the file names tell them apart
    assert!(
        html.contains(
            "<h1>l10.txt <span aria-label=\"compared with\">→</span> l10-edited.txt</h1>"
        ),
        "{html}"
    );
    assert!(html.contains("<th scope=\"col\">Old: l10.txt</th>"));
    // twelve sponsors, the same in both: folded
    assert!(
        html.contains(
            "<details><summary>12 delegations, the same in both</summary>Albania, Andorra"
        ),
        "{html}"
    );
    let md = run_to(
        &["compare".as_ref(), old.as_os_str(), new.as_os_str()],
        &d.join("r.md"),
    );
    assert!(md.starts_with("# l10.txt → l10-edited.txt\n"), "{md}");
    assert!(
        md.contains("<details><summary>Sponsors (12, the same in both)</summary>"),
        "{md}"
    );
    // labels win
    let labelled = run_to(
        &[
            "compare".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "--label-old".as_ref(),
            "as tabled".as_ref(),
            "--label-new".as_ref(),
            "silence procedure".as_ref(),
        ],
        &d.join("l.md"),
    );
    assert!(
        labelled.starts_with("# as tabled → silence procedure\n"),
        "{labelled}"
    );
    let history = run_to(
        &[
            "history".as_ref(),
            old.as_os_str(),
            new.as_os_str(),
            "--labels".as_ref(),
            "draft,rev.1".as_ref(),
            "--format".as_ref(),
            "markdown".as_ref(),
        ],
        &d.join("h.md"),
    );
    assert!(history.contains("draft → rev.1"), "{history}");
}

#[test]
fn sponsor_changes_are_in_the_summary() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let old = l10_with(d, "l10.txt", TWELVE, ("", ""));
    let more = TWELVE.replace("Finland and", "Finland, Japan and");
    let new = l10_with(d, "l10-rev1.txt", &more, ("", ""));
    let html = run_to(
        &["compare".as_ref(), old.as_os_str(), new.as_os_str()],
        &d.join("r.html"),
    );
    let summary = &html[html.find("Summary of changes").unwrap()..];
    assert!(
        summary.contains("<p class=\"sponsors\">Sponsors: added Japan.</p>"),
        "{summary}"
    );
    // a list that changed is shown in full, not folded
    assert!(!html.contains("<details>"));
    let md = run_to(
        &["compare".as_ref(), old.as_os_str(), new.as_os_str()],
        &d.join("r.md"),
    );
    let summary = &md[md.find("## Summary").unwrap()..];
    assert!(summary.contains("Sponsors: added Japan."), "{summary}");
}

/// `--format html` on a terminal: the page is written, not paged, with a
/// word on stderr about `-o FILE.html`. The terminal is `script`'s
/// pseudo-terminal (util-linux); without it the test says so and passes.
#[test]
fn html_to_a_terminal_is_written_with_a_hint() {
    let cmd = format!(
        "{} compare {} {} --format html",
        env!("CARGO_BIN_EXE_resdiff"),
        l11().display(),
        es8().display()
    );
    let out = std::process::Command::new("timeout")
        .args(["30", "script", "-qec", &cmd, "/dev/null"])
        .env_remove("RESDIFF_PAGER")
        .env("PAGER", "less -RS")
        .env("TERM", "xterm")
        .stdin(std::process::Stdio::null())
        .output();
    let Some(out) = out.ok().filter(|o| o.status.code() != Some(127)) else {
        eprintln!("skipping: `script` (util-linux) is not installed");
        return;
    };
    let s = String::from_utf8_lossy(&out.stdout);
    assert!(
        s.contains("`-o FILE.html` saves it as a page to open in a browser"),
        "{s}"
    );
    assert!(
        s.contains("<!DOCTYPE html>") && s.contains("</html>"),
        "{s}"
    );
    // the whole page, not a pager's first screen
    assert_eq!(out.status.code(), Some(1), "{s}");
}
