//! Markdown output read back by a CommonMark parser (pulldown-cmark, with
//! GitHub's strikethrough and tables): struck and bold runs are exactly the
//! deleted and inserted words, hostile text comes back as the same text, and
//! the output is pinned and deterministic.

mod common;

use common::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

fn run(args: &[&str]) -> String {
    let out = resdiff().args(args).current_dir(root()).output().unwrap();
    assert!(
        out.status.code().unwrap() < 2,
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn markdown(old: &str, new: &str) -> String {
    run(&["compare", "-f", "markdown", old, new])
}

fn json(old: &str, new: &str) -> Value {
    serde_json::from_str(&run(&["compare", "-f", "json", old, new])).unwrap()
}

fn opts() -> Options {
    Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES
}

/// Texts of the struck and the strong runs, in order, zero-width spaces removed.
fn marked(md: &str) -> (Vec<String>, Vec<String>) {
    let (mut del, mut ins) = (Vec::new(), Vec::new());
    let (mut in_del, mut in_ins) = (false, false);
    let mut cur = String::new();
    for ev in Parser::new_ext(md, opts()) {
        match ev {
            Event::Start(Tag::Strikethrough) => in_del = true,
            Event::Start(Tag::Strong) => in_ins = true,
            Event::End(TagEnd::Strikethrough) => {
                in_del = false;
                del.push(std::mem::take(&mut cur).replace('\u{200B}', ""));
            }
            Event::End(TagEnd::Strong) => {
                in_ins = false;
                ins.push(std::mem::take(&mut cur).replace('\u{200B}', ""));
            }
            Event::Text(t) if in_del || in_ins => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_del || in_ins => cur.push('\n'),
            _ => {}
        }
    }
    (del, ins)
}

/// Delete and insert texts of one list of segments, trimmed, blank ones left out.
fn push_segments(s: &Value, del: &mut Vec<String>, ins: &mut Vec<String>) {
    for seg in s.as_array().into_iter().flatten() {
        let t = seg["text"].as_str().unwrap().trim().to_string();
        if t.is_empty() {
            continue;
        }
        match seg["op"].as_str() {
            Some("delete") => del.push(t),
            Some("insert") => ins.push(t),
            _ => {}
        }
    }
}

fn walk(c: &Value, del: &mut Vec<String>, ins: &mut Vec<String>) {
    push_segments(&c["segments"], del, ins);
    for k in c["children"].as_array().into_iter().flatten() {
        walk(k, del, ins);
    }
}

/// Delete and insert texts of the JSON, in the order the Markdown shows
/// them: title, sponsors, the legend, then every change depth first.
fn expected(v: &Value) -> (Vec<String>, Vec<String>) {
    let (mut del, mut ins) = (Vec::new(), Vec::new());
    push_segments(&v["header"]["title"], &mut del, &mut ins);
    for s in v["header"]["sponsors_removed"].as_array().unwrap() {
        del.push(s.as_str().unwrap().to_string());
    }
    for s in v["header"]["sponsors_added"].as_array().unwrap() {
        ins.push(s.as_str().unwrap().to_string());
    }
    let (mut cdel, mut cins) = (Vec::new(), Vec::new());
    for c in v["changes"].as_array().unwrap() {
        walk(c, &mut cdel, &mut cins);
    }
    if !cdel.is_empty() || !cins.is_empty() {
        del.push("struck through".into());
        ins.push("bold".into());
    }
    del.extend(cdel);
    ins.extend(cins);
    (del, ins)
}

#[test]
fn struck_and_bold_runs_are_the_deleted_and_inserted_words() {
    for (old, new) in [
        (
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-RES-ES-11-8.txt",
        ),
        (
            "resolutions/A-ES-11-L.11.txt",
            "resolutions/A-ES-11-L.10.txt",
        ),
        (
            "resolutions/A-RES-ES-11-1.txt",
            "resolutions/A-RES-ES-11-4.txt",
        ),
        (
            "tests/fixtures/demands-old.txt",
            "tests/fixtures/demands-new.txt",
        ),
    ] {
        let md = markdown(old, new);
        let (del, ins) = marked(&md);
        let (want_del, want_ins) = expected(&json(old, new));
        assert!(!want_del.is_empty() || !want_ins.is_empty());
        assert_eq!(del, want_del, "{old} → {new}: struck text");
        assert_eq!(ins, want_ins, "{old} → {new}: bold text");
    }
}

#[test]
fn punctuation_next_to_a_mark_still_marks() {
    // "Federation**, in line ...**": CommonMark reads no strong emphasis there
    // without the zero-width space inside the mark
    let md = markdown(
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-RES-ES-11-8.txt",
    );
    let (_, ins) = marked(&md);
    assert!(
        ins.iter()
            .any(|i| i.starts_with(", in line with the Charter")),
        "{ins:?}"
    );
}

/// Plain text of the paragraphs under each `###` heading, zero-width spaces removed.
fn sections(md: &str) -> Vec<(String, String, Vec<String>)> {
    let mut out: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut in_h3 = false;
    let mut in_para = false;
    let mut forbidden = Vec::new();
    let mut cur = String::new();
    for ev in Parser::new_ext(md, opts()) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) if level as u8 == 3 => {
                in_h3 = true;
                out.push((String::new(), String::new(), Vec::new()));
            }
            Event::End(TagEnd::Heading(_)) => in_h3 = false,
            Event::Start(Tag::Paragraph) => in_para = true,
            Event::End(TagEnd::Paragraph) => {
                in_para = false;
                if let Some(last) = out.last_mut() {
                    last.1 = std::mem::take(&mut cur).replace('\u{200B}', "");
                    last.2.append(&mut forbidden);
                }
                cur.clear();
            }
            Event::Text(t) if in_h3 => out.last_mut().unwrap().0.push_str(&t),
            Event::Text(t) if in_para => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak if in_para => cur.push('\n'),
            Event::Start(Tag::Strikethrough | Tag::Strong) => {}
            Event::End(TagEnd::Strikethrough | TagEnd::Strong) => {}
            Event::Start(t) if in_para => forbidden.push(format!("{t:?}")),
            Event::Html(h) | Event::InlineHtml(h) => forbidden.push(h.to_string()),
            Event::Code(c) => forbidden.push(format!("code {c}")),
            _ => {}
        }
    }
    out
}

#[test]
fn hostile_text_reads_back_as_the_same_text() {
    let text = |op: &str| {
        format!(
            "The General Assembly,\n\nRecalling *stars* and _underscores_ and `ticks` and [a link](https://example.org) and <b>tags</b> and <script>alert(1)</script>, # hash, a|pipe, ~~tildes~~, \\backslash, &amp; an entity, javascript:alert(1) and ![img](x.png),\n\n1. {op} the + plus, - minus and 1. number;\n\n2. Decides to remain seized of the matter.\n"
        )
    };
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (dir.path().join("old.txt"), dir.path().join("new.txt"));
    std::fs::write(&old, text("Demands *that*")).unwrap();
    std::fs::write(&new, text("Requests _that_ | #")).unwrap();
    // make the preambular paragraph differ too: a dropped and an added clause
    let new_text = std::fs::read_to_string(&new)
        .unwrap()
        .replace("Recalling", "Recalling also");
    std::fs::write(&new, new_text).unwrap();
    let md = markdown(old.to_str().unwrap(), new.to_str().unwrap());
    let v = json(old.to_str().unwrap(), new.to_str().unwrap());
    let secs = sections(&md);
    assert!(secs.len() >= 2, "{md}");
    for (heading, para, forbidden) in &secs {
        assert!(
            forbidden.is_empty(),
            "{heading}: markup from the text: {forbidden:?}\n{md}"
        );
        // the paragraph holds old and new words; each side's words are in it in order
        let id = heading
            .trim_start_matches("old ")
            .split(' ')
            .next()
            .unwrap();
        let change = v["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["new"][0] == id || c["old"][0] == id)
            .unwrap_or_else(|| panic!("no change {id}"));
        let mut words = String::new();
        for s in change["segments"].as_array().unwrap() {
            words.push_str(s["text"].as_str().unwrap());
        }
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let got = squash(para);
        for s in change["segments"].as_array().unwrap() {
            let t = squash(s["text"].as_str().unwrap());
            assert!(got.contains(&t), "{heading}: {t:?} not in {got:?}");
        }
        // and nothing else: the same characters in the same order (a space
        // may stand between a deletion and the insertion that replaces it)
        let bare = |s: &str| s.replace(char::is_whitespace, "");
        assert_eq!(bare(para), bare(&words), "{heading}");
    }
    assert!(
        md.contains("\\*stars\\*") && md.contains("\\<script\\>"),
        "{md}"
    );
}

#[test]
fn markdown_us_draft_against_adopted_text() {
    insta::assert_snapshot!(markdown(
        "resolutions/A-ES-11-L.11.txt",
        "resolutions/A-RES-ES-11-8.txt"
    ));
}

#[test]
fn markdown_demands_softened_and_moved() {
    insta::assert_snapshot!(markdown(
        "tests/fixtures/demands-old.txt",
        "tests/fixtures/demands-new.txt"
    ));
}

#[test]
fn same_inputs_same_bytes() {
    let a = markdown(
        "resolutions/A-RES-ES-11-1.txt",
        "resolutions/A-RES-ES-11-4.txt",
    );
    let b = markdown(
        "resolutions/A-RES-ES-11-1.txt",
        "resolutions/A-RES-ES-11-4.txt",
    );
    assert_eq!(a, b);
    assert!(a.contains("### OP6 + OP7 (split, was OP15)"), "{a}");
    assert!(a.contains("### old PP1 (dropped)\n\n~~Reaffirming"), "{a}");
}
