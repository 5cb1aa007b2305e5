//! Word inputs: automatic numbering, tracked changes, footnotes, metadata.

use resdiff::load::{LoadOptions, SourceFormat, TrackedChanges, load_bytes};

use crate::common::{bundled, resdiff};
use crate::docx_build::*;

fn text_of(bytes: Vec<u8>, tracked: TrackedChanges) -> String {
    let opts = LoadOptions {
        tracked_changes: tracked,
        ..LoadOptions::default()
    };
    let doc = load_bytes("t.docx", bytes, &opts).unwrap();
    assert_eq!(doc.format, SourceFormat::Docx);
    doc.text
}

/// A/RES/ES-11/4 as a Word file whose operative numbers are automatic, with
/// tracked changes: "Welcomes" replaced "Notes" in OP6, a preambular and an
/// operative paragraph deleted.
fn es11_4_docx(dir: &std::path::Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let txt = bundled("A-RES-ES-11-4.txt");
    let text = std::fs::read_to_string(&txt).unwrap();
    let mut body = body_from_text(&text);
    let op6 = r#"<w:r><w:t xml:space="preserve">Welcomes the efforts of the United Nations"#;
    assert!(body.contains(op6));
    let tracked = format!(
        r#"{}{}<w:r><w:t xml:space="preserve"> the efforts of the United Nations"#,
        del("Notes"),
        ins("Welcomes")
    );
    body = body.replacen(op6, &tracked, 1);
    let op4 = body
        .find(r#"<w:t xml:space="preserve">Calls upon all States"#)
        .unwrap();
    let at = body[..op4].rfind("<w:p>").unwrap();
    body.insert_str(
        at,
        &deleted_paragraph(1, "Invites all States to consider the matter further;"),
    );
    let organ = p(&r("The General Assembly,"));
    let at = body.find(&organ).unwrap() + organ.len();
    body.insert_str(
        at,
        &deleted_paragraph(0, "Guided by the purposes and principles of the Charter,"),
    );
    let path = dir.join("A-RES-ES-11-4.docx");
    std::fs::write(&path, docx(&body, UN_NUMBERING, "")).unwrap();
    (path, txt)
}

#[test]
fn word_version_of_a_resolution_compares_identical_to_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let (docx, txt) = es11_4_docx(dir.path());
    resdiff()
        .args(["compare", "--color", "never"])
        .arg(&docx)
        .arg(&txt)
        .assert()
        .code(0);
    // and from standard input
    resdiff()
        .args(["compare", "-", txt.to_str().unwrap()])
        .pipe_stdin(&docx)
        .unwrap()
        .assert()
        .code(0);
}

#[test]
fn rejecting_tracked_changes_gives_the_old_wording_and_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (docx, txt) = es11_4_docx(dir.path());
    let out = resdiff()
        .args(["show", "-f", "plain", "--tracked-changes", "reject"])
        .arg(&docx)
        .output()
        .unwrap();
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(
        shown.contains("\nGuided by the purposes and principles of the Charter,\n"),
        "{shown}"
    );
    assert!(
        shown.contains("\n4. Invites all States to consider the matter further;\n"),
        "{shown}"
    );
    assert!(shown.contains("\n5. Calls upon all States"), "{shown}");
    assert!(
        shown.contains("\n7. Notes the efforts of the United Nations"),
        "{shown}"
    );
    assert!(shown.contains("\n9. Decides to adjourn"), "{shown}");
    resdiff()
        .args(["compare", "--tracked-changes", "reject"])
        .arg(&docx)
        .arg(&txt)
        .assert()
        .code(1);
}

#[test]
fn automatic_numbering_levels_restarts_and_styles() {
    let styles = r#"<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"/><w:style w:type="paragraph" w:styleId="OP"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style><w:style w:type="paragraph" w:styleId="OPsub"><w:basedOn w:val="OP"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>"#;
    let styled = |style: &str, text: &str| {
        format!(
            r#"<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr>{}</w:p>"#,
            r(text)
        )
    };
    let body = [
        p(&r("The Security Council,")),
        styled("OP", "Decides as follows:"),
        styled("OPsub", "first;"),
        styled("OPsub", "second:"),
        numbered(1, 2, &r("one;")),
        numbered(1, 2, &r("two;")),
        styled("OP", "Requests a report:"),
        styled("OPsub", "restarted;"),
        // numId 0 takes the style's numbering away
        format!(r#"<w:p><w:pPr><w:pStyle w:val="OP"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>{}</w:p>"#, r("Annex")),
        numbered(2, 0, &r("The annex starts again.")),
        numbered(2, 0, &r("And goes on.")),
        numbered(1, 0, &r("List 1 goes on from where list 2 left it.")),
    ]
    .concat();
    let mut parts = vec![("word/document.xml".to_string(), String::new())];
    parts[0].1 = format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#);
    parts.push((
        "word/numbering.xml".into(),
        format!(r#"<w:numbering {W}>{UN_NUMBERING}</w:numbering>"#),
    ));
    parts.push(("word/styles.xml".into(), styles.into()));
    let refs: Vec<(&str, &[u8])> = parts
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_bytes()))
        .collect();
    let text = text_of(zip(&refs), TrackedChanges::Accept);
    assert_eq!(
        text,
        "The Security Council,\n\n1. Decides as follows:\n\n(a) first;\n\n(b) second:\n\n(i) one;\n\n(ii) two;\n\n2. Requests a report:\n\n(a) restarted;\n\nAnnex\n\n1. The annex starts again.\n\n2. And goes on.\n\n3. List 1 goes on from where list 2 left it.\n\n"
    );
}

#[test]
fn other_formats_start_values_and_overrides() {
    let numbering = r#"<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1.%2"/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="1"><w:lvl w:ilvl="1"><w:start w:val="2"/><w:numFmt w:val="decimal"/><w:lvlText w:val="(%2)"/></w:lvl></w:lvlOverride></w:num><w:num w:numId="6"><w:abstractNumId w:val="7"/></w:num>"#;
    let body = [
        numbered(6, 0, &r("Third.")),
        numbered(6, 1, &r("Sub.")),
        numbered(6, 2, &r("Bulleted.")),
        numbered(5, 1, &r("Overridden level.")),
        numbered(5, 0, &r("Fourth.")),
    ]
    .concat();
    let text = text_of(docx(&body, numbering, ""), TrackedChanges::Accept);
    assert_eq!(
        text,
        "III. Third.\n\nIII.A Sub.\n\nBulleted.\n\n(2) Overridden level.\n\nIV. Fourth.\n\n"
    );
}

#[test]
fn footnotes_are_glued_to_their_word_and_listed_at_the_end() {
    let note = |id: u32, text: &str| {
        format!(
            r#"<w:footnote w:id="{id}"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>{}</w:p></w:footnote>"#,
            r(text)
        )
    };
    let fref = |id: u32| {
        format!(
            r#"<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="{id}"/></w:r>"#
        )
    };
    let body = [
        p(&r("Kenya: draft resolution")),
        p(&format!("{}{}", r("Sponsored text"), r(""))),
        p(&r("The General Assembly,")),
        p(&format!(
            "{}{}",
            r("Recalling the Declaration on Friendly Relations; "),
            fref(1)
        )),
        p(&format!(
            "{}{}{}",
            r("Recalling the Covenant,"),
            fref(2),
            r(" and the Charter,")
        )),
        // a deleted reference takes its note away, and numbering goes on
        p(&format!(
            r#"{}<w:del w:id="9" w:author="A" w:date="2022-10-10T00:00:00Z">{}</w:del>"#,
            r("Noting the report,"),
            fref(3)
        )),
        numbered(
            1,
            0,
            &format!(
                r#"{}<w:r><w:footnoteReference w:customMarkFollows="1" w:id="4"/></w:r>{}"#,
                r("Decides"),
                r("*.")
            ),
        ),
    ]
    .concat();
    let notes = [
        note(1, "Resolution 2625 (XXV), annex."),
        note(2, "Resolution 2200 A (XXI)."),
        note(3, "A/80/1."),
        note(4, "Custom."),
    ]
    .concat();
    let text = text_of(docx(&body, UN_NUMBERING, &notes), TrackedChanges::Accept);
    assert!(
        text.contains("\nRecalling the Declaration on Friendly Relations;1\n"),
        "{text}"
    );
    assert!(
        text.contains("\nRecalling the Covenant,2 and the Charter,\n"),
        "{text}"
    );
    assert!(text.contains("\nNoting the report,\n"), "{text}");
    assert!(text.contains("\n1. Decides*.\n"), "{text}");
    assert!(
        text.ends_with(
            "__________\n1 Resolution 2625 (XXV), annex.\n2 Resolution 2200 A (XXI).\n* Custom.\n"
        ),
        "{text}"
    );
    let rejected = text_of(docx(&body, UN_NUMBERING, &notes), TrackedChanges::Reject);
    assert!(
        rejected.contains("\nNoting the report,3\n") && rejected.contains("\n3 A/80/1.\n"),
        "{rejected}"
    );
    // and the parser takes them apart
    let res = resdiff::parse::parse(&resdiff::load::Document::from_text("t", &text)).unwrap();
    assert_eq!(res.preamble[0].footnotes[0].mark, "1");
    assert_eq!(res.footnotes.len(), 3);
}

#[test]
fn tabs_breaks_hyphens_symbols_hidden_text_and_fields() {
    let body = [
        p(r#"<w:r><w:t>1.</w:t><w:tab/><w:t>Requests the Secretary</w:t><w:noBreakHyphen/><w:t>General to re</w:t><w:softHyphen/><w:t>port</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t> HIDDEN</w:t></w:r><w:r><w:t xml:space="preserve"> </w:t><w:sym w:font="Symbol" w:char="F02D"/><w:t xml:space="preserve"> now</w:t><w:br/><w:t>and later</w:t></w:r>"#),
        p(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE \@ "d MMMM yyyy" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>12 October 2022</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#),
        r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>In a cell</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#.to_string(),
        p(r#"<w:hyperlink r:id="rId4" xmlns:r="r"><w:r><w:t>linked text</w:t></w:r></w:hyperlink>"#),
    ]
    .concat();
    let text = text_of(docx(&body, "", ""), TrackedChanges::Accept);
    assert_eq!(
        text,
        "1. Requests the Secretary-General to report - now\nand later\n\n12 October 2022\n\nIn a cell\n\nlinked text\n\n"
    );
}

#[test]
fn core_properties_title_becomes_metadata() {
    let core = r#"<?xml version="1.0"?><cp:coreProperties xmlns:cp="cp" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Territorial integrity of Ukraine</dc:title><dc:creator>x</dc:creator></cp:coreProperties>"#;
    let document = format!(
        r#"<w:document {W}><w:body>{}</w:body></w:document>"#,
        p(&r("The General Assembly,")) + &numbered(0, 0, &r("1. Decides."))
    );
    let bytes = zip(&[
        ("word/document.xml", document.as_bytes()),
        ("docProps/core.xml", core.as_bytes()),
    ]);
    let doc = load_bytes("t.docx", bytes, &LoadOptions::default()).unwrap();
    assert_eq!(
        doc.meta.title.as_deref(),
        Some("Territorial integrity of Ukraine")
    );
    let res = resdiff::parse::parse(&doc).unwrap();
    assert_eq!(
        res.header.title.as_deref(),
        Some("Territorial integrity of Ukraine")
    );
}

#[test]
fn every_draft_reads_the_same_from_a_word_version() {
    let texts = crate::support::all_texts();
    let mut failures = Vec::new();
    for (name, text) in &texts {
        let Some(r) = crate::support::try_parse(name, text) else {
            continue;
        };
        let plain = resdiff::render::resolution_text(&r);
        let bytes = docx(&body_from_plain(&plain), UN_NUMBERING, "");
        let doc = load_bytes(name, bytes, &LoadOptions::default()).unwrap();
        let back = resdiff::parse::parse(&doc).unwrap();
        if let Err(e) = crate::support::same_structure(&r, &back) {
            failures.push(format!("{name}: {e}"));
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
