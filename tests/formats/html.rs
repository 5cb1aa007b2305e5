//! HTML inputs: a UN-style page with menus, scripts and an `<ol>` compares
//! identical to the text it carries; encodings and standard input.

use crate::common::{bundled, resdiff, root};

fn fixture() -> std::path::PathBuf {
    root().join("tests/fixtures/A-RES-ES-11-4.html")
}

#[test]
fn page_compares_identical_to_its_text() {
    resdiff()
        .args(["compare", "--color", "never"])
        .arg(fixture())
        .arg(bundled("A-RES-ES-11-4.txt"))
        .assert()
        .code(0);
    // from standard input, detected by content
    resdiff()
        .args(["compare", "-"])
        .arg(bundled("A-RES-ES-11-4.txt"))
        .pipe_stdin(fixture())
        .unwrap()
        .assert()
        .code(0);
}

#[test]
fn page_furniture_is_left_out() {
    let out = resdiff()
        .args(["show", "-f", "plain"])
        .arg(fixture())
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for noise in [
        "cookies",
        "Home",
        "Search",
        "Injected",
        "Related documents",
        "enable JavaScript",
        "Share this page",
        "Skip to",
        "Terms of use",
        "▼",
        "dataLayer",
    ] {
        assert!(!text.contains(noise), "{noise:?} leaked into:\n{text}");
    }
    assert!(
        text.contains("\n8. Decides to adjourn the eleventh emergency special session"),
        "{text}"
    );
    assert!(
        text.starts_with("A/RES/ES-11/4\nGeneral Assembly\n"),
        "{text}"
    );
}

#[test]
fn utf16_and_windows_1252_pages() {
    let dir = tempfile::tempdir().unwrap();
    let html = std::fs::read_to_string(fixture()).unwrap();
    for (name, bytes) in [
        (
            "le.html",
            [0xFF, 0xFE]
                .into_iter()
                .chain(html.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
        ),
        (
            "be.html",
            [0xFE, 0xFF]
                .into_iter()
                .chain(html.encode_utf16().flat_map(u16::to_be_bytes))
                .collect(),
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        resdiff()
            .arg("compare")
            .arg(&path)
            .arg(bundled("A-RES-ES-11-4.txt"))
            .assert()
            .code(0);
    }
    // Word's "save as HTML": windows-1252, list numbers as text, footnote anchors
    let word = b"<html><head><meta http-equiv=Content-Type content=\"text/html; charset=windows-1252\"></head><body lang=EN-US>\
<div class=WordSection1><p class=MsoNormal><i>The General Assembly</i>,</p>\
<p class=MsoNormal><i>Recalling</i> the \x93Declaration on Friendly Relations\x94;<a style='mso-footnote-id:ftn1' href=\"#_ftn1\" name=\"_ftnref1\"><span class=MsoFootnoteReference>[1]</span></a></p>\
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>1.<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><i>Decides</i> to remain seized of the matter.</p></div>\
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all><hr align=left size=1 width=\"33%\"><![endif]>\
<div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href=\"#_ftnref1\" name=\"_ftn1\"><span class=MsoFootnoteReference>[1]</span></a> Resolution 2625 (XXV), annex.</p></div></div></body></html>";
    let path = dir.path().join("word.htm");
    std::fs::write(&path, word).unwrap();
    let out = resdiff()
        .args(["show", "-f", "plain"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "The General Assembly,\n\nRecalling the “Declaration on Friendly Relations”;1\n\n1. Decides to remain seized of the matter.\n\n__________\n1 Resolution 2625 (XXV), annex.\n"
    );
}
