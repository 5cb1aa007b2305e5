//! Bad input: each is one line on stderr naming the file, exit 2, no panic,
//! in bounded time.

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::common::resdiff;
use crate::docx_build::{W, docx, p, r, zip};

/// Writes `bytes` to `name` in `dir` and checks that `resdiff show` fails
/// with exactly one line `resdiff: <file>: ...` containing `expect`.
fn refused(dir: &Path, name: &str, bytes: &[u8], expect: &str) {
    let path: PathBuf = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = resdiff()
        .arg("show")
        .arg(&path)
        .timeout(Duration::from_secs(30))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{name}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{name}: not one line:\n{stderr}");
    let prefix = format!("resdiff: {}: ", path.display());
    assert!(stderr.starts_with(&prefix), "{name}: {stderr}");
    assert!(
        stderr.contains(expect),
        "{name}: expected {expect:?} in {stderr}"
    );
    assert!(out.stdout.is_empty(), "{name}: wrote to stdout");
}

fn document(body: &str) -> String {
    format!(r#"<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>"#)
}

const LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
"#;

#[test]
fn zip_bomb_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 16 MB of spaces deflate to about 16 KB
    let huge = document(&" ".repeat(16 << 20));
    refused(
        dir.path(),
        "bomb.docx",
        &zip(&[("word/document.xml", huge.as_bytes())]),
        "a zip bomb; refused",
    );
}

#[test]
fn entry_declared_huge_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file(
        "word/document.xml",
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored),
    )
    .unwrap();
    std::io::Write::write_all(&mut z, document("").as_bytes()).unwrap();
    let mut bytes = z.finish().unwrap().into_inner();
    // claim 300 MB uncompressed, in the local header and the central directory
    let claim = 300_000_000u32.to_le_bytes();
    for (sig, off) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let at = bytes.windows(4).position(|w| w == sig).unwrap() + off;
        bytes[at..at + 4].copy_from_slice(&claim);
    }
    refused(
        dir.path(),
        "huge.docx",
        &bytes,
        "300000000 bytes uncompressed",
    );
}

#[test]
fn zips_that_are_not_word_documents() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused(
        d,
        "other.docx",
        &zip(&[("hello.txt", b"hello")]),
        "not a Word document: no word/document.xml",
    );
    let mut junk = b"PK\x03\x04".to_vec();
    junk.extend((0..4000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    refused(d, "junk.docx", &junk, "not a readable zip file");
    let good = docx(
        &(p(&r("The General Assembly,")) + &p(&r("1. Decides."))),
        "",
        "",
    );
    refused(
        d,
        "truncated.docx",
        &good[..good.len() / 2],
        "not a readable zip file",
    );
}

#[test]
fn malformed_and_hostile_xml_in_a_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bad = document("<w:p><w:r><w:t>Decides</w:r></w:p>");
    refused(
        d,
        "malformed.docx",
        &zip(&[("word/document.xml", bad.as_bytes())]),
        "word/document.xml: malformed XML at byte",
    );
    let laughs = format!(
        "{LAUGHS}<w:document {W}><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>"
    );
    refused(
        d,
        "laughs.docx",
        &zip(&[("word/document.xml", laughs.as_bytes())]),
        "DOCTYPE declares entities",
    );
    let cut = document(&p(&r("1. Decides.")));
    let cut = cut.trim_end_matches("</w:body></w:document>");
    refused(
        d,
        "cut.docx",
        &zip(&[("word/document.xml", cut.as_bytes())]),
        "unexpected end of file inside <body>",
    );
}

#[test]
fn malformed_and_hostile_akoma_ntoso() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let head = r#"<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><doc name="x"><mainBody>"#;
    refused(
        d,
        "laughs.xml",
        format!("{LAUGHS}{head}<p>&lol3;</p></mainBody></doc></akomaNtoso>").as_bytes(),
        "DOCTYPE declares entities",
    );
    refused(
        d,
        "entity.xml",
        format!("{head}<p>&custom;</p></mainBody></doc></akomaNtoso>").as_bytes(),
        "undefined entity &custom;",
    );
    refused(
        d,
        "mismatch.xml",
        format!("{head}<p>1. Decides.</mainBody></doc></akomaNtoso>").as_bytes(),
        "malformed XML at byte",
    );
    refused(
        d,
        "truncated.xml",
        format!("{head}<paragraph><num>1.</num>").as_bytes(),
        "unexpected end of file inside <paragraph>",
    );
    let deep = format!("{head}{}", "<p>".repeat(100_000));
    refused(d, "deep.xml", deep.as_bytes(), "nested deeper than");
}

#[test]
fn empty_junk_and_hostile_html() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    refused(d, "empty.docx", b"", "empty file");
    refused(d, "blank.html", b"  \n\t\n", "empty file");
    // a page 100,000 elements deep is refused before parsing
    let deep = format!("<html><body>{}Decides.", "<div>".repeat(100_000));
    refused(
        d,
        "deep.html",
        deep.as_bytes(),
        "nested more than 2000 elements deep",
    );
    refused(
        d,
        "menu.html",
        b"<html><body><nav><p>1. Decides.</p></nav><script>1. Decides.</script></body></html>",
        "no clauses found",
    );
}
