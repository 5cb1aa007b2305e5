//! Akoma Ntoso: the writer's output reads back unchanged; hand-written AKN4UN files read right.

use resdiff::load::{LoadOptions, SourceFormat, load_bytes};
use resdiff::render::{Format, RenderOptions, render_resolution};

use crate::common::{bundled, resdiff, root};
use crate::support::{all_texts, same_structure, try_parse};

fn akn_of(r: &resdiff::parse::Resolution) -> Vec<u8> {
    let mut out = Vec::new();
    let opts = RenderOptions {
        format: Format::Akn,
        ..RenderOptions::default()
    };
    render_resolution(r, &opts, &mut out).unwrap();
    out
}

#[test]
fn every_draft_reads_back_unchanged_from_its_akoma_ntoso() {
    let texts = all_texts();
    let mut failures = Vec::new();
    for (name, text) in &texts {
        let Some(r) = try_parse(name, text) else {
            continue;
        };
        let xml = akn_of(&r);
        let doc = load_bytes(name, xml, &LoadOptions::default()).unwrap();
        assert_eq!(doc.format, SourceFormat::Akn, "{name}");
        let back = resdiff::parse::parse(&doc).unwrap();
        if let Err(e) = same_structure(&r, &back) {
            failures.push(format!(
                "{name}: {e}\n--- the AKN reader's text:\n{}",
                doc.text
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} differ:\n{}",
        failures.len(),
        texts.len(),
        failures.join("\n\n")
    );
}

/// A draft with what the writer must escape and structure: `&` and `<` in
/// text, footnotes (one, on the sponsors line, referenced from no clause;
/// it comes last because the parser stops attaching marks at the first
/// note it cannot place), sub-paragraphs two deep, a
/// `bis` paragraph, a section heading, an annex and a meeting line.
const TRICKY: &str = "United Nations A/80/L.99
General Assembly Distr.: Limited
3 November 2025
Eightieth session
Agenda item 74 (a)
Belgium* and Chile: draft resolution
Research & development <in> \"quotes\"

The General Assembly,

Recalling the Declaration on Friendly Relations,1

1. Decides that R&D < 5% and > 1%:

(a) First;2

(i) one;

(ii) two;

(b) Second;

1 bis. Requests a report;

Arms embargo

2. Decides to remain seized of the matter.

Annex

1. The annex paragraph.

3rd plenary meeting
3 November 2025
__________
1 Resolution 2625 (XXV), annex.
2 A/80/1 & Corr.1.
* Reissued for technical reasons.
";

#[test]
fn tricky_draft_round_trips_and_ids_are_stable() {
    let r = try_parse("tricky.txt", TRICKY).unwrap();
    assert!(!r.annex.is_empty() && r.footnotes.len() == 3, "{r:#?}");
    let xml = akn_of(&r);
    assert_eq!(xml, akn_of(&r), "the same draft writes the same XML");
    let s = String::from_utf8(xml.clone()).unwrap();
    for want in [
        r#"<paragraph eId="para_1"><num>1.</num><intro><p>Decides that R&amp;D &lt; 5% and &gt; 1%:</p></intro>"#,
        r#"<subparagraph eId="para_1__subpara_a__subpara_ii"><num>(ii)</num>"#,
        r##"<container name="preambularParagraph" eId="preamble__para_1"><p>Recalling the Declaration on Friendly Relations,<noteRef marker="1" eId="preamble__para_1__noteRef_1" href="#fnt_1"/></p></container>"##,
        r#"<note eId="fnt_3" marker="*" placement="bottom"><p>Reissued for technical reasons.</p></note>"#,
        r#"<docProponent>Belgium</docProponent>"#,
        r#"<docDate date="2025-11-03">3 November 2025</docDate>"#,
        r#"<attachment eId="att_1">"#,
        r#"<crossHeading eId="para_2__crossHeading">Arms embargo</crossHeading>"#,
    ] {
        assert!(s.contains(want), "missing {want}\n{s}");
    }
    let back =
        resdiff::parse::parse(&load_bytes("tricky.akn.xml", xml, &LoadOptions::default()).unwrap())
            .unwrap();
    same_structure(&r, &back).unwrap();
}

#[test]
fn hand_written_akn4un_act_compares_identical_to_its_text() {
    let akn = root().join("tests/fixtures/S-RES-2774.akn.xml");
    let txt = bundled("S-RES-2774.txt");
    resdiff()
        .arg("compare")
        .arg(&akn)
        .arg(&txt)
        .assert()
        .code(0);
    resdiff()
        .args(["compare", "-"])
        .arg(&txt)
        .pipe_stdin(&akn)
        .unwrap()
        .assert()
        .code(0);
    // UTF-16 with a byte-order mark
    let dir = tempfile::tempdir().unwrap();
    let utf16 = dir.path().join("utf16.xml");
    let xml = std::fs::read_to_string(&akn)
        .unwrap()
        .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    std::fs::write(
        &utf16,
        [0xFF, 0xFE]
            .into_iter()
            .chain(xml.encode_utf16().flat_map(u16::to_le_bytes))
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    resdiff()
        .arg("compare")
        .arg(&utf16)
        .arg(&txt)
        .assert()
        .code(0);
}

#[test]
fn show_format_akn_saves_a_draft_that_compares_identical() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["A-RES-ES-11-1.txt", "A-ES-11-L.10.txt"] {
        let out = dir.path().join(format!("{name}.akn.xml"));
        resdiff()
            .args(["show", "--format", "akn", "-o"])
            .arg(&out)
            .arg(bundled(name))
            .assert()
            .code(0);
        resdiff()
            .arg("compare")
            .arg(&out)
            .arg(bundled(name))
            .assert()
            .code(0);
    }
    // a comparison has no AKN form
    let out = resdiff()
        .args(["compare", "-f", "akn"])
        .arg(bundled("A-ES-11-L.10.txt"))
        .arg(bundled("A-ES-11-L.11.txt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);
}
